package capacity

// Tests written to kill mutants gremlins found alive in Schedule's input
// checks (see .ci/mutation).

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScheduleDueAtMaxWeeks: an order may be on time for at most MaxWeeks
// weeks from opts.From. Due on the Monday of From+MaxWeeks, its last week
// on time is From+MaxWeeks-1: MaxWeeks weeks, accepted, and its pieces go
// no later. Due a week later it would have MaxWeeks+1: refused.
func TestScheduleDueAtMaxWeeks(t *testing.T) {
	from := MustParseWeek("2026-W49")
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 1, 80000))}
	o := capOrder(MaxWeeks + 5) // one piece a week: MaxWeeks on time, 5 unfilled
	o.Due = from.Add(MaxWeeks).Monday()
	require.Equal(t, from.Add(MaxWeeks-1), LastOnTime(o.Due))
	tt, err := Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.NoError(t, err, "due %s: %d weeks on time", o.Due, MaxWeeks)
	require.Len(t, tt.Assignments, MaxWeeks)
	assert.Equal(t, from, tt.Assignments[0].Week)
	assert.Equal(t, from.Add(MaxWeeks-1), tt.Assignments[MaxWeeks-1].Week)
	assert.Equal(t, map[string]int{"ORD-1": 5}, tt.Unfilled)

	o.Due = from.Add(MaxWeeks + 1).Monday()
	_, err = Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.ErrorIs(t, err, ErrInvalid, "due %s: %d weeks on time", o.Due, MaxWeeks+1)
	assert.Contains(t, err.Error(), "orders[0].due")
}

// TestScheduleFreeWithoutPerWeek: with opts.Free, a capability's capacity
// is what Free says for each week, so a producer whose PerWeek is 0 (the
// usual week closed, say) still takes the pieces Free gives it.
func TestScheduleFreeWithoutPerWeek(t *testing.T) {
	from := MustParseWeek("2026-W49")
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 0, 80000))}
	o := capOrder(8)
	o.Due = from.Add(2).Monday() // two weeks on time
	free := freeFunc(func(id string, _ batik.Technique, w Week) int {
		if id == "A" && !w.Before(from) {
			return 5
		}
		return 0
	})
	tt, err := Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from, Free: free})
	require.NoError(t, err)
	assert.Equal(t, []Assignment{
		{OrderID: "ORD-1", ProducerID: "A", Week: from, Quantity: 5, UnitCost: decimal.NewFromInt(80000)},
		{OrderID: "ORD-1", ProducerID: "A", Week: from.Add(1), Quantity: 3, UnitCost: decimal.NewFromInt(80000)},
	}, tt.Assignments)
	assert.Empty(t, tt.Unfilled)

	// Without Free, PerWeek 0 is no capacity at all.
	tt, err = Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.NoError(t, err)
	assert.Empty(t, tt.Assignments)
	assert.Equal(t, map[string]int{"ORD-1": 8}, tt.Unfilled)
	assert.Equal(t, []Shortfall{{OrderID: "ORD-1", Pieces: 8, Reason: NotEnoughCapacity}}, tt.Shortfalls)
}

// TestScheduleCapacityTakenInOneWeek: two orders on time only in the first
// week want all of one producer's week. One is filled; the other falls
// short because the capacity was taken (the producer alone could have made
// it), not because there was not enough.
func TestScheduleCapacityTakenInOneWeek(t *testing.T) {
	from := MustParseWeek("2026-W49")
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 10, 80000))}
	o1, o2 := capOrder(10), capOrder(10)
	o1.ID, o2.ID = "O-1", "O-2"
	o1.Due, o2.Due = from.Add(1).Monday(), from.Add(1).Monday()
	tt, err := Schedule([]batik.Order{o1, o2}, ps, ScheduleOptions{From: from})
	require.NoError(t, err)
	require.Len(t, tt.Assignments, 1)
	require.Len(t, tt.Shortfalls, 1)
	short := tt.Shortfalls[0]
	assert.NotEqual(t, tt.Assignments[0].OrderID, short.OrderID)
	assert.Equal(t, 10, short.Pieces)
	assert.Equal(t, CapacityTaken, short.Reason)
}
