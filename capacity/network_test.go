package capacity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// TestNetworkSizeCheck: a network one node over MaxNodes, or one arc over
// MaxArcs, is refused, with the figure and the cap. 9,999,970 deadline
// nodes, 30 orders and the sink make MaxNodes + 1 nodes.
func TestNetworkSizeCheck(t *testing.T) {
	z := networkSize{chain: MaxNodes - 30, chains: 100_000}
	require.NoError(t, z.check(29))
	requireRefusal(t, z.check(30), "orders", "30", "the network would have 10000001 nodes, more than 10000000")

	// 10 orders, 2 chains of 3 weeks: 2*6 - 2 chain arcs and 10 bypass
	// arcs; the order -> chain arcs make up the rest.
	z = networkSize{pairs: MaxArcs - 20, chain: 6, chains: 2}
	require.Equal(t, int64(MaxArcs), z.arcs(10))
	require.NoError(t, z.check(10))
	z.pairs++
	requireRefusal(t, z.check(10), "orders", "10", "the network would have 50000001 arcs, more than 50000000")
}

// TestNetworkSize: the size buildNetwork measures before it builds
// anything is the size of the network it builds.
func TestNetworkSize(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for range 50 {
		orders, producers := randSchedule(rng, 1+rng.IntN(30), 1+rng.IntN(12), 8, 300, 80)
		n, err := buildNetwork(orders, producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		z := n.measure()
		assert.Equal(t, int64(n.g.NumNodes()), z.nodes(len(orders)))
		assert.Equal(t, int64(n.g.NumArcs()), z.arcs(len(orders)))
		assert.Equal(t, n.numAssign, int(z.pairs))
	}
}

// TestScheduleMaxProducerWeeks: Schedule counts producers x the weeks its
// orders can use against MaxProducerWeeks before it checks a producer or
// allocates anything per producer. (The producers make tulis and the order
// is cap, so the case at the cap is quick to plan.)
func TestScheduleMaxProducerWeeks(t *testing.T) {
	ps := manyProducers(10_001, batik.Tulis)
	o := schedOrder("ORD-1", batik.Cap, batik.Sedang, 1000, 100) // on time in 100 weeks
	tt, err := Schedule([]batik.Order{o}, ps[:10_000], ScheduleOptions{From: start})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-1": 1000}, tt.Unfilled)

	bytes := allocatedBytes(func() { _, err = Schedule([]batik.Order{o}, ps, ScheduleOptions{From: start}) })
	requireRefusal(t, err, "producers", "10001 x 100", "is 1000100 producer-weeks, more than MaxProducerWeeks (1000000)")
	assert.Less(t, bytes, uint64(4096), "bytes allocated to refuse 10,001 producers")
}

// TestScheduleMaxArcsRefusedEarly: 5,001 orders that each of 10,000
// producers can make in one week would need 50,025,001 arcs, over
// MaxArcs. The network is measured from the orders and producers alone, so
// the refusal allocates far less than the input (about 2 MB here), not
// the gigabyte the network would take, nor 4 bytes per order and producer.
func TestScheduleMaxArcsRefusedEarly(t *testing.T) {
	ps := manyProducers(10_000, batik.Cap)
	orders := make([]batik.Order, 5_001)
	for i := range orders {
		orders[i] = schedOrder(fmt.Sprintf("ORD-%05d", i), batik.Cap, batik.Sedang, 10, 1)
	}
	var err error
	bytes := allocatedBytes(func() { _, err = Schedule(orders, ps, ScheduleOptions{From: start}) })
	requireRefusal(t, err, "orders", "5001", "the network would have 50025001 arcs, more than 50000000")
	assert.Less(t, bytes, uint64(2<<20), "bytes allocated to refuse a network of 50,025,001 arcs")
}

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

// TestTechIndex: chains are numbered by techIndex, numTechs to a
// producer: each technique's position in batik.Techniques().
func TestTechIndex(t *testing.T) {
	techs := batik.Techniques()
	require.Len(t, techs, numTechs)
	for i, tech := range techs {
		assert.Equal(t, i, techIndex(tech), "%s", tech)
	}
}
