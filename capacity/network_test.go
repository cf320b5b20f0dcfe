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
	assert.Equal(t, "unit costs too large for an exact solution", ie.Reason, "refused by Schedule's own check, before the solver")

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
	err := z.check(30)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "orders", ie.Field)
	assert.Equal(t, "30 orders", ie.Value)
	assert.Contains(t, ie.Reason, "the network would have 10000001 nodes, more than 10000000")

	// 10 orders, 2 chains of 3 weeks: 2*6 - 2 chain arcs and 10 bypass
	// arcs; the order -> chain arcs make up the rest.
	z = networkSize{pairs: MaxArcs - 20, chain: 6, chains: 2}
	require.Equal(t, int64(MaxArcs), z.arcs(10))
	require.NoError(t, z.check(10))
	z.pairs++
	err = z.check(10)
	require.ErrorAs(t, err, &ie)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Contains(t, ie.Reason, "the network would have 50000001 arcs, more than 50000000")
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
