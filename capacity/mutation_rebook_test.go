package capacity_test

// Tests written for mutants gremlins found alive in Rebook (see
// .ci/mutation): bookings of several orders, where each order's late lines
// must be judged by that order alone.

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineSums returns a booking's pieces per order and slot, as
// "O-1 A/cap/2026-W49" -> n.
func lineSums(b capacity.Booking) map[string]int {
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
	require.Equal(t, map[string]int{"O-CAP A/cap/2026-W49": 10, "O-TULIS A/tulis/2026-W49": 3}, lineSums(b))

	// Tuesday of W50: A delivered nothing; both orders move to B's W50,
	// their last week on time.
	rb, err := l.Rebook(ctx, "MIX", []batik.Order{oc, ot}, ps, t0.AddDate(0, 0, 7))
	require.NoError(t, err, "each order's lines have that order's technique")
	assert.Equal(t, map[string]int{"O-CAP B/cap/2026-W50": 10, "O-TULIS B/tulis/2026-W50": 3}, lineSums(rb))
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
	require.Equal(t, map[string]int{"O-EARLY A/cap/2026-W49": 10, "O-LATER A/cap/2026-W49": 10}, lineSums(b))

	now := t0.AddDate(0, 0, 7) // Tuesday of W50: W49 ended with nothing delivered
	rb, err := l.Rebook(ctx, "BATCH", []batik.Order{early, later}, ps, now)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"O-LATER B/cap/2026-W50": 10}, lineSums(rb), "only O-LATER moves; O-EARLY is overdue")
	assert.Equal(t, map[string]int{"O-EARLY": 10}, rb.Unfilled)
	m := slotSums(t, l, ps, 3, now)
	assert.Equal(t, [2]int{0, 20}, m["A/cap/2026-W49"], "A's late lines are released")
	assert.Equal(t, [2]int{10, 20}, m["B/cap/2026-W50"], "B holds O-LATER's 10, nothing of O-EARLY")
	assert.Equal(t, [2]int{0, 20}, m["B/cap/2026-W51"])
}
