package capacity

import (
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// packed is a booking as the memory store keeps it. The lines are packed
// without pointers: order IDs, producer IDs, techniques and unit costs are
// indexes into two short tables of the distinct values, which a booking's
// lines repeat many times. The garbage collector marks the packed lines
// without scanning them; a store that keeps many bookings otherwise spends
// most of its collector's time on their lines, four pointers each.
// Unpacking gives back every field exactly as given, each Decimal with its
// own representation.
type packed struct {
	Booking                   // Lines nil
	lines   []packedLine      // in the booking's order
	names   []string          // distinct order IDs, producer IDs and techniques of the lines
	costs   []decimal.Decimal // distinct unit costs of the lines
}

// packedLine is a BookingLine without pointers.
type packedLine struct {
	order, producer, tech, cost int32 // indexes into names (the first three) and costs
	quantity, delivered         int64
	week                        Week
}

// pack returns b packed, with its own copy of Unfilled (nil when empty);
// b.Lines is not kept.
func pack(b Booking) *packed {
	p := &packed{Booking: b, lines: make([]packedLine, len(b.Lines))}
	p.Lines = nil
	if len(b.Unfilled) > 0 {
		p.Unfilled = make(map[string]int, len(b.Unfilled))
		for k, v := range b.Unfilled {
			p.Unfilled[k] = v
		}
	} else {
		p.Unfilled = nil
	}
	n := min(len(b.Lines), internMap)
	names := interner[string]{vals: make([]string, 0, n+2)} // usually one order and one technique
	costs := interner[decimal.Decimal]{vals: make([]decimal.Decimal, 0, n)}
	for i := range b.Lines {
		l := &b.Lines[i]
		p.lines[i] = packedLine{
			order:     names.index(l.OrderID),
			producer:  names.index(l.ProducerID),
			tech:      names.index(string(l.Technique)),
			cost:      costs.index(l.UnitCost),
			quantity:  int64(l.Quantity),
			delivered: int64(l.Delivered),
			week:      l.Week,
		}
	}
	p.names, p.costs = names.vals, costs.vals
	return p
}

// booking returns a copy of the booking with its lines unpacked into a new
// slice the caller owns (empty, not nil, when there are none), and its own
// copy of Unfilled (nil when empty).
func (p *packed) booking() Booking {
	b := p.Booking
	b.Lines = make([]BookingLine, len(p.lines))
	for i := range p.lines {
		l := &p.lines[i]
		b.Lines[i] = BookingLine{OrderID: p.names[l.order], Slot: Slot{p.names[l.producer], batik.Technique(p.names[l.tech]), l.week},
			Quantity: int(l.quantity), Delivered: int(l.delivered), UnitCost: p.costs[l.cost]}
	}
	if len(p.Unfilled) > 0 {
		b.Unfilled = make(map[string]int, len(p.Unfilled))
		for k, v := range p.Unfilled {
			b.Unfilled[k] = v
		}
	}
	return b
}

// view returns a copy of the booking as a reader at now sees it: a hold
// whose HoldUntil is at or before now is Expired.
func (p *packed) view(now time.Time) Booking {
	b := p.booking()
	b.State, b.Unfilled = b.stateAt(now), orEmptyMap(b.Unfilled)
	return b
}

// matches reports whether the booking has a line for f.OrderID and/or
// f.ProducerID (every booking when both are empty), or lists f.OrderID in
// Unfilled when f has no producer.
func (p *packed) matches(f BookingFilter) bool {
	if f.OrderID == "" && f.ProducerID == "" {
		return true
	}
	order, producer := int32(-1), int32(-1) // not among the names: no line has it
	for i, n := range p.names {
		if n == f.OrderID {
			order = int32(i)
		}
		if n == f.ProducerID {
			producer = int32(i)
		}
	}
	for _, l := range p.lines {
		if (f.OrderID == "" || l.order == order) && (f.ProducerID == "" || l.producer == producer) {
			return true
		}
	}
	if f.ProducerID == "" {
		_, ok := p.Unfilled[f.OrderID]
		return ok
	}
	return false
}

// interner collects distinct values in order of first use. Consecutive
// lines mostly repeat the value before, so that is tried first; then a
// scan, or a map once there are many values.
type interner[T comparable] struct {
	vals []T
	last int32
	m    map[T]int32
}

// internMap is how many distinct values an interner scans before it
// builds a map.
const internMap = 64

// index returns v's index, adding v when it is new. Values are compared
// with ==: a Decimal only matches the same Decimal (the same big.Int and
// exponent), so each line gets back exactly the Decimal it had.
func (in *interner[T]) index(v T) int32 {
	if len(in.vals) > 0 && in.vals[in.last] == v {
		return in.last
	}
	if in.m != nil {
		if i, ok := in.m[v]; ok {
			in.last = i
			return i
		}
	} else {
		for i, x := range in.vals {
			if x == v {
				in.last = int32(i)
				return in.last
			}
		}
	}
	in.last = int32(len(in.vals))
	in.vals = append(in.vals, v)
	if in.m != nil {
		in.m[v] = in.last
	} else if len(in.vals) > internMap {
		in.m = make(map[T]int32, 2*len(in.vals))
		for i, x := range in.vals {
			in.m[x] = int32(i)
		}
	}
	return in.last
}
