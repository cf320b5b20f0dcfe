package capacity

import (
	"math"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// packed is a booking as the memory store keeps it. The lines are packed
// without pointers: each order ID, producer ID and technique is a span of
// one string holding the booking's names, and each unit cost an index
// into a short table, since a booking's lines repeat a few values many
// times. The garbage collector marks the lines and the names without
// scanning them, where unpacked each line has four pointers to follow:
// with many bookings kept, that scanning is much of what the collector
// does. Unpacking gives back every field exactly as given, each Decimal
// with its own representation.
type packed struct {
	Booking                   // Lines nil
	lines   []packedLine      // in the booking's order
	text    string            // the lines' names, each run once
	costs   []decimal.Decimal // the lines' unit costs, each run once
}

// packedLine is a BookingLine without pointers.
type packedLine struct {
	order, producer, tech span  // in text
	cost                  int32 // index into costs
	week                  Week
	quantity, delivered   int64
}

// span is a substring of a packed booking's text.
type span struct{ off, n uint32 }

// packStack is how many bytes of names pack gathers on the stack before
// it needs a heap buffer.
const packStack = 512

// pack returns b packed, with its own copy of Unfilled (nil when empty);
// b.Lines is not kept. It fails, wrapping ErrInvalid, only when the
// lines' names run past 4 GiB.
func pack(b Booking) (*packed, error) {
	p := &packed{Booking: b, lines: make([]packedLine, len(b.Lines))}
	p.Lines, p.Unfilled = nil, copyUnfilled(b.Unfilled)
	// Each field reuses the span or cost of the line before when it
	// repeats it (the lines are sorted, so a booking's order, technique,
	// producer and unit cost come in runs); otherwise it gets a new one.
	// A value that comes back after a run of others is written again,
	// which costs a few bytes and saves searching.
	var stack [packStack]byte
	text := stack[:0]
	runs := 0 // of unit costs, to size the table
	for i := range b.Lines {
		if i == 0 || b.Lines[i].UnitCost != b.Lines[i-1].UnitCost {
			runs++
		}
	}
	costs := make([]decimal.Decimal, 0, runs)
	var order, producer, tech span
	var orderS, producerS, techS string
	cost := int32(-1)
	for i := range b.Lines {
		l := &b.Lines[i]
		if i == 0 || l.OrderID != orderS {
			order, text, orderS = spanOf(text, l.OrderID), append(text, l.OrderID...), l.OrderID
		}
		if i == 0 || l.ProducerID != producerS {
			producer, text, producerS = spanOf(text, l.ProducerID), append(text, l.ProducerID...), l.ProducerID
		}
		if i == 0 || string(l.Technique) != techS {
			tech, text, techS = spanOf(text, string(l.Technique)), append(text, l.Technique...), string(l.Technique)
		}
		// == on Decimals compares the big.Int pointer and the exponent, so
		// each line gets back exactly the Decimal it had.
		if cost < 0 || costs[cost] != l.UnitCost {
			costs = append(costs, l.UnitCost)
			cost = int32(len(costs) - 1)
		}
		p.lines[i] = packedLine{order: order, producer: producer, tech: tech, cost: cost, week: l.Week,
			quantity: int64(l.Quantity), delivered: int64(l.Delivered)}
	}
	if len(text) > math.MaxUint32 {
		return nil, invalid("booking.lines", strconv.Itoa(len(b.Lines))+" lines", "name more than 4 GiB of IDs")
	}
	p.text, p.costs = string(text), costs
	return p, nil
}

// spanOf returns the span that s gets when appended to text.
func spanOf(text []byte, s string) span {
	return span{uint32(len(text)), uint32(len(s))}
}

// str returns the text of sp.
func (p *packed) str(sp span) string {
	return p.text[sp.off : sp.off+sp.n]
}

// booking returns a copy of the booking with its lines unpacked into a new
// slice the caller owns (empty, not nil, when there are none), and its own
// copy of Unfilled (nil when empty).
func (p *packed) booking() Booking {
	b := p.Booking
	b.Lines = make([]BookingLine, len(p.lines))
	for i := range p.lines {
		l := &p.lines[i]
		b.Lines[i] = BookingLine{OrderID: p.str(l.order), Slot: Slot{p.str(l.producer), batik.Technique(p.str(l.tech)), l.week},
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
		if (f.OrderID == "" || p.str(l.order) == f.OrderID) && (f.ProducerID == "" || p.str(l.producer) == f.ProducerID) {
			return true
		}
	}
	if f.ProducerID == "" {
		_, ok := p.Unfilled[f.OrderID]
		return ok
	}
	return false
}
