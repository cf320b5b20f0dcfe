package capacity

// Tests written to kill mutants gremlins found alive in Schedule's input
// checks (see .ci/mutation).

import (
	"fmt"
	"math"
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

// TestScheduleCostBounds: Schedule's two overflow guards, each at its edge.
// The pieces times the largest unit cost must fit an int64 of cents: one
// order of MaxInt64/10^10 pieces at MaxUnitCost (10^10 cents) fits, one
// piece more does not. The penalty of the bypass arcs must stay within the
// solver's bounds: hops x (nodes+2) <= (MaxInt64/4)/(maxCents+1) (integer
// divisions); at Rp99,993,448.76 a piece, 15,183 one-piece orders (15,184
// hops, 15,185 nodes) meet it with equality and are scheduled, and one
// order more is refused before solving. And a unit cost of one cent, the
// smallest non-zero one, is no edge case.
func TestScheduleCostBounds(t *testing.T) {
	from := MustParseWeek("2026-W49")
	due := from.Add(1).Monday() // one week on time
	producer := func(perWeek int, cost string) []batik.Producer {
		return []batik.Producer{prod("A", batik.Sedang, batik.Capability{Technique: batik.Cap, PerWeek: perWeek, UnitCost: decimal.RequireFromString(cost)})}
	}

	// Pieces x cents at exactly the edge of int64.
	o := capOrder(math.MaxInt64 / 10_000_000_000)
	o.Due = due
	maxCost := decimal.NewFromInt(batik.MaxUnitCost)
	ps := producer(batik.MaxQuantity, maxCost.String())
	tt, err := Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.NoError(t, err, "%d pieces at %s", o.Quantity, maxCost)
	assert.Empty(t, tt.Unfilled)
	assert.Equal(t, decimal.NewFromInt(int64(o.Quantity)).Mul(maxCost).String(), tt.Cost.String())
	o.Quantity++
	_, err = Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.ErrorIs(t, err, ErrOverflow, "%d pieces at %s", o.Quantity, maxCost)

	// The bypass penalty at exactly the solver's bound.
	const n = 15183
	orders := make([]batik.Order, n+1)
	for i := range orders {
		orders[i] = batik.Order{ID: fmt.Sprintf("O-%05d", i), Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1, Due: due}
	}
	ps = producer(n+1, "99993448.76")
	tt, err = Schedule(orders[:n], ps, ScheduleOptions{From: from})
	require.NoError(t, err, "%d orders", n)
	assert.Len(t, tt.Assignments, n)
	assert.Empty(t, tt.Unfilled)
	assert.Equal(t, "1518200532523.08", tt.Cost.String(), "15,183 x 99,993,448.76")
	_, err = Schedule(orders, ps, ScheduleOptions{From: from})
	var ie *InputError
	require.ErrorAs(t, err, &ie, "%d orders", n+1)
	assert.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, "unit costs too large for an exact solution", ie.Reason(batik.English), "refused by Schedule's own check, before the solver")

	// One cent a piece.
	o = capOrder(7)
	o.Due = due
	tt, err = Schedule([]batik.Order{o}, producer(10, "0.01"), ScheduleOptions{From: from})
	require.NoError(t, err)
	assert.Equal(t, "0.07", tt.Cost.String())
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

// TestScheduleMaxNodes: a network one node over MaxNodes is refused before
// it is built. 99,999 cap producers on time for 100 weeks and one tulis
// producer for 70 make 9,999,970 deadline nodes; with 30 orders and the
// sink that is MaxNodes + 1. (At the largest unit cost the network would
// also fail the cost check, once built: the node count must come first.)
func TestScheduleMaxNodes(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 producers")
	}
	from := MustParseWeek("2026-W49")
	maxCost := decimal.NewFromInt(batik.MaxUnitCost)
	ps := make([]batik.Producer, 100_000)
	for i := range ps {
		c := batik.Capability{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 1, UnitCost: maxCost}
		if i == len(ps)-1 {
			c.Technique, c.Grade = batik.Tulis, batik.Halus
		}
		ps[i] = batik.Producer{ID: fmt.Sprintf("P-%06d", i), Name: "Batik", Region: "33.72", Capabilities: []batik.Capability{c}}
	}
	orders := make([]batik.Order, 30)
	for i := range orders {
		orders[i] = batik.Order{ID: fmt.Sprintf("O-%02d", i), Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1, Due: from.Add(100).Monday()}
	}
	orders[29].Technique, orders[29].MinGrade, orders[29].Due = batik.Tulis, batik.Halus, from.Add(70).Monday()
	_, err := Schedule(orders, ps, ScheduleOptions{From: from})
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "orders", ie.Field)
	assert.Equal(t, "30", ie.Value)
	assert.Contains(t, ie.Reason(batik.English), "the network would have 10000001 nodes, more than 10000000")
}
