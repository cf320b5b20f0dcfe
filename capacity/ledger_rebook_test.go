package capacity_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRebookMovesShortfall(t *testing.T) {
	l := fresh()
	ps := ws(100, 100, 100)
	o := capOrd("ORD-1", 500)
	o.Due = batik.MustParseDate("2027-01-11") // W02 on time: up to W01
	r := capacity.BookRequest{Key: "ORD-1", Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 2, Policy: capacity.LowestCost}
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	// LowestCost: A 200 (W49, W50), B 200, C 100 in W49.
	require.Len(t, b.Lines, 5)
	// A delivers 70 of its 100 in W49; C delivers all; B delivers 100.
	_, err = l.Deliver(ctx, "ORD-1", "call-1", []capacity.Delivery{
		{OrderID: "ORD-1", Slot: b.Lines[0].Slot, Quantity: 70},
		{OrderID: "ORD-1", Slot: b.Lines[2].Slot, Quantity: 100},
		{OrderID: "ORD-1", Slot: b.Lines[4].Slot, Quantity: 100},
	}, t0)
	require.NoError(t, err)
	unchanged, err := l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, t0)
	require.NoError(t, err)
	assert.EqualValues(t, 2, unchanged.Version, "nothing is late in W49 itself")

	later := t0.AddDate(0, 0, 7) // Tuesday of W50
	rb, err := l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, later)
	require.NoError(t, err)
	got := map[string]int{}
	moved := 0
	for _, ln := range rb.Lines {
		got[ln.Slot.String()] = ln.Quantity
		if !ln.Week.Before(w49.Add(1)) && ln.ProducerID != "A" && !(ln.ProducerID == "B" && ln.Week == w49.Add(1)) {
			moved += ln.Quantity
		}
	}
	assert.Equal(t, 70, got["A/cap/2026-W49"], "cut to what A delivered")
	assert.Equal(t, 100, got["A/cap/2026-W50"], "A's later line stays")
	assert.Equal(t, 100, got["B/cap/2026-W49"])
	assert.Equal(t, 100, got["B/cap/2026-W50"])
	assert.Equal(t, 100, got["C/cap/2026-W49"])
	assert.Equal(t, 30, moved, "the 30 moved to B and C from W50 on, on time for the due date")
	for _, ln := range rb.Lines {
		assert.False(t, ln.Week.Sunday().After(batik.MustParseDate("2027-01-10")), "on time: %s", ln.Slot)
	}
	assert.Empty(t, rb.Unfilled)
	m := slotSums(t, l, ps, 8, later)
	assert.Equal(t, [2]int{70, 100}, m["A/cap/2026-W49"])
	for k, v := range m {
		assert.LessOrEqual(t, v[0], v[1], k)
	}

	// Nothing on time any more: the undelivered pieces of every ended week go to Unfilled.
	late := batik.MustParseDate("2027-01-25").In(wib) // W04
	undelivered := 0
	for _, ln := range rb.Lines {
		undelivered += ln.Quantity - ln.Delivered
	}
	rb, err = l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, late)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-1": undelivered}, rb.Unfilled)
	for _, ln := range rb.Lines {
		assert.Equal(t, ln.Delivered, ln.Quantity)
	}
	m = slotSums(t, l, ps, 8, late)
	assert.Equal(t, [2]int{70, 100}, m["A/cap/2026-W49"])
	assert.Equal(t, [2]int{0, 100}, m["A/cap/2026-W50"])

	_, err = l.Rebook(ctx, "ORD-1", nil, ps, late.AddDate(0, 0, 7))
	require.NoError(t, err, "no late line left to move")
}

// TestRebookOntoFirstProducer rebooks a tulis shortfall onto the producer
// listed first (its slots come first in the snapshot's arrays), first into
// a free week, then, when another booking took that week, into the next:
// the moved pieces land whole, and no line of zero pieces appears.
func TestRebookOntoFirstProducer(t *testing.T) {
	tulis := func(id string) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 10, UnitCost: decimal.NewFromInt(400000)}}}
	}
	ps := []batik.Producer{tulis("B"), tulis("A")} // B first
	// Due on the Monday of W52: pieces are on time up to W51.
	o := batik.Order{ID: "T-1", Technique: batik.Tulis, MinGrade: batik.Sedang, Quantity: 16, Due: batik.MustParseDate("2026-12-21")}
	for _, blocked := range []bool{false, true} {
		l := fresh()
		b, err := l.Book(ctx, capacity.BookRequest{Key: "T-1", Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 3}, t0)
		require.NoError(t, err)
		require.Len(t, b.Lines, 2) // A and B, 8 each in W49
		var aLine, bLine capacity.BookingLine
		for _, ln := range b.Lines {
			require.Equal(t, 8, ln.Quantity)
			if ln.ProducerID == "A" {
				aLine = ln
			} else {
				bLine = ln
			}
		}
		if blocked { // another order takes B's W50
			other := batik.Order{ID: "T-2", Technique: batik.Tulis, MinGrade: batik.Sedang, Quantity: 10}
			_, err := l.Book(ctx, capacity.BookRequest{Key: "T-2", Orders: []batik.Order{other}, Producers: ps[:1], From: w49.Add(1)}, t0)
			require.NoError(t, err)
		}
		_, err = l.Deliver(ctx, "T-1", "call-1", []capacity.Delivery{{OrderID: "T-1", Slot: aLine.Slot, Quantity: 2},
			{OrderID: "T-1", Slot: bLine.Slot, Quantity: 8}}, t0)
		require.NoError(t, err)
		rb, err := l.Rebook(ctx, "T-1", []batik.Order{o}, ps, t0.AddDate(0, 0, 7)) // in W50: A's W49 ended 6 short
		require.NoError(t, err)
		got := map[string]int{}
		for _, ln := range rb.Lines {
			require.Positive(t, ln.Quantity, "blocked %v: %s", blocked, ln.Slot)
			got[ln.Slot.String()] = ln.Quantity
		}
		want := map[string]int{"A/tulis/2026-W49": 2, "B/tulis/2026-W49": 8, "B/tulis/2026-W50": 6}
		if blocked {
			want = map[string]int{"A/tulis/2026-W49": 2, "B/tulis/2026-W49": 8, "B/tulis/2026-W51": 6}
		}
		require.Equal(t, want, got, "blocked %v", blocked)
		require.Empty(t, rb.Unfilled, "blocked %v", blocked)
	}
}

// orderLines returns a booking's pieces per order and slot, as
// "O-1 A/cap/2026-W49" -> n.
func orderLines(b capacity.Booking) map[string]int {
	m := map[string]int{}
	for _, ln := range b.Lines {
		m[ln.OrderID+" "+ln.Slot.String()] += ln.Quantity
	}
	return m
}

// TestRebookOrdersOfTwoTechniques: a booking of a cap order and a tulis
// order; each order's technique is checked against its own lines only, and
// both move.
func TestRebookOrdersOfTwoTechniques(t *testing.T) {
	l := fresh()
	ps := ws(10, 10)
	for i := range ps {
		ps[i].Capabilities = append(ps[i].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 3, UnitCost: decimal.NewFromInt(400000)})
	}
	due := batik.MustParseDate("2026-12-14") // Monday of W51: on time in W49 and W50
	oc := capOrd("O-CAP", 10)
	oc.Due = due
	ot := batik.Order{ID: "O-TULIS", Technique: batik.Tulis, MinGrade: batik.Halus, Quantity: 3, Due: due}
	// Only A is asked at first, closed in W50: everything lands in A's W49.
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49.Add(1), Capacity: 0}, t0))
	b, err := l.Book(ctx, capacity.BookRequest{Key: "MIX", Orders: []batik.Order{oc, ot}, Producers: ps[:1], From: w49}, t0)
	require.NoError(t, err)
	require.Equal(t, map[string]int{"O-CAP A/cap/2026-W49": 10, "O-TULIS A/tulis/2026-W49": 3}, orderLines(b))

	// Tuesday of W50: A delivered nothing; both orders move to B's W50,
	// their last week on time.
	rb, err := l.Rebook(ctx, "MIX", []batik.Order{oc, ot}, ps, t0.AddDate(0, 0, 7))
	require.NoError(t, err, "each order's lines have that order's technique")
	assert.Equal(t, map[string]int{"O-CAP B/cap/2026-W50": 10, "O-TULIS B/tulis/2026-W50": 3}, orderLines(rb))
	assert.Empty(t, rb.Unfilled)

	// A line whose technique differs from its order's is still refused.
	wrong := ot
	wrong.Technique, wrong.MinGrade = batik.Cap, batik.Sedang
	l = fresh()
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49.Add(1), Capacity: 0}, t0))
	_, err = l.Book(ctx, capacity.BookRequest{Key: "MIX", Orders: []batik.Order{oc, ot}, Producers: ps[:1], From: w49}, t0)
	require.NoError(t, err)
	_, err = l.Rebook(ctx, "MIX", []batik.Order{oc, wrong}, ps, t0.AddDate(0, 0, 7))
	require.ErrorIs(t, err, capacity.ErrInvalid, "O-TULIS given as a cap order")
	assert.Contains(t, err.Error(), `"O-TULIS"`)
}

// TestRebookOverdueOrderInBatch: a booking of two orders, one already past
// its due date. The overdue order's missing pieces go to Unfilled, none
// placed after its due date, even though the other order's window opens a
// week of free capacity in the same rebooking.
func TestRebookOverdueOrderInBatch(t *testing.T) {
	l := fresh()
	ps := ws(20, 20)
	early, later := capOrd("O-EARLY", 10), capOrd("O-LATER", 10)
	early.Due = batik.MustParseDate("2026-12-07") // Monday of W50: on time only in W49
	later.Due = batik.MustParseDate("2026-12-14") // on time in W49 and W50
	// Only A is asked at first, closed in W50: both orders land in A's W49.
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49.Add(1), Capacity: 0}, t0))
	b, err := l.Book(ctx, capacity.BookRequest{Key: "BATCH", Orders: []batik.Order{early, later}, Producers: ps[:1], From: w49}, t0)
	require.NoError(t, err)
	require.Equal(t, map[string]int{"O-EARLY A/cap/2026-W49": 10, "O-LATER A/cap/2026-W49": 10}, orderLines(b))

	now := t0.AddDate(0, 0, 7) // Tuesday of W50: W49 ended with nothing delivered
	rb, err := l.Rebook(ctx, "BATCH", []batik.Order{early, later}, ps, now)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"O-LATER B/cap/2026-W50": 10}, orderLines(rb), "only O-LATER moves; O-EARLY is overdue")
	assert.Equal(t, map[string]int{"O-EARLY": 10}, rb.Unfilled)
	m := slotSums(t, l, ps, 3, now)
	assert.Equal(t, [2]int{0, 20}, m["A/cap/2026-W49"], "A's late lines are released")
	assert.Equal(t, [2]int{10, 20}, m["B/cap/2026-W50"], "B holds O-LATER's 10, nothing of O-EARLY")
	assert.Equal(t, [2]int{0, 20}, m["B/cap/2026-W51"])
}

// TestRebookPastDue: a shortfall whose due date has passed is not
// rebooked but left unfilled, and no line lands after the due date.
func TestRebookPastDue(t *testing.T) {
	l := fresh()
	o := capOrd("LATE", 20)
	o.Due = batik.MustParseDate("2026-12-07") // on time only in W49
	b, err := l.Book(ctx, capacity.BookRequest{Key: "LATE", Orders: []batik.Order{o}, Producers: ws(10, 10), From: w49}, t0)
	require.NoError(t, err)
	require.Len(t, b.Lines, 2)
	rb, err := l.Rebook(ctx, "LATE", []batik.Order{o}, ws(10, 10, 10), t0.AddDate(0, 0, 7)) // W50: nothing delivered, too late to move
	require.NoError(t, err)
	require.Equal(t, map[string]int{"LATE": 20}, rb.Unfilled)
	require.Equal(t, []capacity.BookedOrder{{OrderID: "LATE", Booked: 0, Unfilled: 20, Reason: capacity.CapacityTaken}}, rb.Orders)
	require.Empty(t, rb.Lines, "lines cut to nothing are dropped")
}

// TestRebookBadInput: an order that fails Validate, a late order missing
// from orders, a producer whose ID batik's rule refuses, repeated
// producers, a booking that is not confirmed: refused, naming the field,
// and nothing changes.
func TestRebookBadInput(t *testing.T) {
	ps := ws(10, 10)
	l, _ := booked(t, req("ORD-1", 20, 1, ps))
	_, err := l.Book(ctx, hold("HELD", 1, 2, ps, 30*24*time.Hour), t0)
	require.NoError(t, err)
	later := t0.AddDate(0, 0, 7)
	before := dump(t, l, ps, later)
	badID := ws(10, 10)
	badID[1].ID = "P 1"
	invalid := capOrd("ORD-1", 0)
	for _, tt := range []struct {
		key    string
		orders []batik.Order
		ps     []batik.Producer
		kind   error
		field  string
		value  string
	}{
		{"ORD-1", []batik.Order{invalid}, ps, capacity.ErrInvalid, "orders[0]", `"ORD-1"`},
		{"ORD-1", []batik.Order{capOrd("OTHER", 5)}, ps, capacity.ErrInvalid, "orders", `"ORD-1"`},
		{"ORD-1", []batik.Order{capOrd("ORD-1", 20)}, badID, capacity.ErrInvalid, "producers[1].id", `"P 1"`},
		{"ORD-1", []batik.Order{capOrd("ORD-1", 20)}, append(ws(10), ws(10)...), capacity.ErrInvalid, "producers[1].id", `"A"`},
		{"HELD", []batik.Order{capOrd("HELD", 1)}, ps, capacity.ErrConflict, "state", `"held"`},
	} {
		_, err := l.Rebook(ctx, tt.key, tt.orders, tt.ps, later)
		inputError(t, err, tt.kind, tt.field, tt.value)
	}
	assert.Equal(t, before, dump(t, l, ps, later))
}

// TestRebookMaxBookingLines: a Rebook that would leave a booking with more
// than MaxBookingLines lines is refused, as Book's plan is, and changes
// nothing.
func TestRebookMaxBookingLines(t *testing.T) {
	ws := func(prefix string, n, first int) []batik.Producer {
		ps := make([]batik.Producer, n)
		for i := range ps {
			id := fmt.Sprintf("%s-%04d", prefix, i)
			per := 1
			if i == 0 {
				per = first
			}
			ps[i] = batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
				Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: per, UnitCost: decimal.NewFromInt(80000)}}}
		}
		return ps
	}
	// 2,500 workshops x 4 weeks, one line each: W-0000 makes 3 a week,
	// the others 1.
	ps := ws("W", 2500, 3)
	o := capOrd("BIG", 2499*4+3*4)
	o.Due = batik.MustParseDate("2026-12-28") // on time up to W52
	l := fresh()
	b, err := l.Book(ctx, capacity.BookRequest{Key: "BIG", Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 4}, t0)
	require.NoError(t, err)
	require.Len(t, b.Lines, capacity.MaxBookingLines)
	// Every W49 line is delivered but W-0000's 3 pieces.
	var ds []capacity.Delivery
	for _, ln := range b.Lines {
		if ln.Week == w49 && ln.ProducerID != "W-0000" {
			ds = append(ds, capacity.Delivery{OrderID: "BIG", Slot: ln.Slot, Quantity: ln.Quantity})
		}
	}
	b, err = l.Deliver(ctx, "BIG", "w49", ds, t0)
	require.NoError(t, err)
	// Rebooked in W50, the 3 pieces go to 3 new slots (the old ones are
	// full): 9,999 + 3 lines.
	more := append(slices.Clone(ps), ws("X", 3, 1)...)
	_, err = l.Rebook(ctx, "BIG", []batik.Order{o}, more, t0.AddDate(0, 0, 7))
	ie := inputError(t, err, capacity.ErrInvalid, "key", `"BIG"`)
	assert.Contains(t, ie.Error(), "10002 lines, more than 10000")
	after, err := l.Booking(ctx, "BIG", t0.AddDate(0, 0, 7))
	require.NoError(t, err)
	assert.Equal(t, b.Version, after.Version, "nothing changed")
	assert.Len(t, after.Lines, capacity.MaxBookingLines)
}
