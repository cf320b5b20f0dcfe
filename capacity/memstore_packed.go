package capacity

import (
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// packed is a booking as the memory store keeps it. The lines are packed
// without pointers: order IDs, producer IDs, techniques and unit costs are
// indexes into two short tables of the values, which a booking's lines
// repeat many times. The garbage collector marks the packed lines
// without scanning them, where unpacked each line has four pointers to
// follow: with many bookings kept, that scanning is much of what the
// collector does.
// Unpacking gives back every field exactly as given, each Decimal with its
// own representation.
type packed struct {
	Booking                   // Lines nil
	lines   []packedLine      // in the booking's order
	names   []string          // the lines' order IDs, producer IDs and techniques, each run once
	costs   []decimal.Decimal // the lines' unit costs, each run once
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
	p.Lines, p.Unfilled = nil, copyUnfilled(b.Unfilled)
	// Each field reuses the entry of the line before when it repeats it
	// (the lines are sorted, so a booking's order, technique, producer and
	// unit cost come in runs); otherwise it gets a new entry. A value that
	// comes back after a run of others gets a second entry, which costs a
	// few bytes and saves searching.
	n := len(b.Lines)
	names := make([]string, 0, min(2*n, 2+n))
	costs := make([]decimal.Decimal, 0, n)
	var order, producer, tech, cost int32 = -1, -1, -1, -1
	for i := range b.Lines {
		l := &b.Lines[i]
		order = reuse(&names, order, l.OrderID)
		producer = reuse(&names, producer, l.ProducerID)
		tech = reuse(&names, tech, string(l.Technique))
		// == on Decimals compares the big.Int pointer and the exponent, so
		// each line gets back exactly the Decimal it had.
		cost = reuse(&costs, cost, l.UnitCost)
		p.lines[i] = packedLine{order: order, producer: producer, tech: tech, cost: cost,
			quantity: int64(l.Quantity), delivered: int64(l.Delivered), week: l.Week}
	}
	p.names, p.costs = names, costs
	return p
}

// reuse returns prev when (*vals)[prev] is v, else appends v and returns
// its index.
func reuse[T comparable](vals *[]T, prev int32, v T) int32 {
	if prev >= 0 && (*vals)[prev] == v {
		return prev
	}
	*vals = append(*vals, v)
	return int32(len(*vals) - 1)
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
	b.Unfilled = copyUnfilled(p.Unfilled)
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
	for _, l := range p.lines {
		if (f.OrderID == "" || p.names[l.order] == f.OrderID) && (f.ProducerID == "" || p.names[l.producer] == f.ProducerID) {
			return true
		}
	}
	if f.ProducerID == "" {
		_, ok := p.Unfilled[f.OrderID]
		return ok
	}
	return false
}
