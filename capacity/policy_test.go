package capacity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvenShareLeftoverSkipsFullProducers: water-filling 7 pieces over
// free capacities 2, 10 and 10 reaches level 2 (A full, 6 given); the one
// piece left goes to the first producer in ID order with room above the
// level, B, never to A, which is at its capacity.
func TestEvenShareLeftoverSkipsFullProducers(t *testing.T) {
	ps := []batik.Producer{
		prod("A", batik.Halus, capOf(batik.Cap, 2, 80000)),
		prod("B", batik.Halus, capOf(batik.Cap, 10, 80000)),
		prod("C", batik.Halus, capOf(batik.Cap, 10, 80000)),
	}
	plan, err := Allocate(capOrder(7), ps, AllocateOptions{Policy: EvenShare})
	require.NoError(t, err)
	got := map[string]int{}
	for _, l := range plan.Lines {
		got[l.ProducerID] = l.Quantity
	}
	assert.Equal(t, map[string]int{"A": 2, "B": 3, "C": 2}, got)
	assert.Zero(t, plan.Unfilled)
}

// checkPolicy checks each policy's own rule against an independent
// computation, for plans without a minimum lot.
func checkPolicy(t *testing.T, in instance, plan Plan) {
	t.Helper()
	free := freeOf(in)
	total := 0
	for _, f := range free {
		total += f
	}
	got := quantities(plan)
	q := in.order.Quantity
	if q >= total {
		for id, f := range free {
			require.Equal(t, f, got[id], "everyone full when the order exceeds capacity")
		}
		return
	}
	switch in.opts.Policy {
	case Proportional:
		// Each share is within one piece of its exact quota q*f/total.
		for id, f := range free {
			lo, hi := q*f/total, (q*f+total-1)/total
			require.True(t, got[id] >= lo && got[id] <= hi, "%s: %d outside [%d, %d]", id, got[id], lo, hi)
		}
	case EvenShare:
		// Max-min fairness: no producer can gain without a poorer one
		// losing. Equivalently, for any two producers i, j with
		// got[i] < f_i, got[j] <= got[i] + 1.
		for i, fi := range free {
			if got[i] >= fi {
				continue
			}
			for j := range free {
				require.LessOrEqual(t, got[j], got[i]+1, "%s (%d, free %d) could gain from %s (%d)", i, got[i], fi, j, got[j])
			}
		}
	case LowestCost:
		// Nobody more expensive has pieces while someone cheaper has room.
		for _, a := range plan.Lines {
			for _, b := range plan.Lines {
				if b.UnitCost.GreaterThan(a.UnitCost) {
					require.Equal(t, free[a.ProducerID], a.Quantity, "%s cheaper than %s but not full", a.ProducerID, b.ProducerID)
				}
			}
		}
		for id := range free {
			if got[id] == 0 {
				for _, l := range plan.Lines {
					p := producerByID(in, id)
					c, _ := p.Capability(in.order.Technique)
					require.False(t, c.UnitCost.LessThan(l.UnitCost), "cheaper %s unused", id)
				}
			}
		}
	case FewestProducers:
		caps := make([]int, 0, len(free))
		for _, f := range free {
			caps = append(caps, f)
		}
		slices.Sort(caps)
		slices.Reverse(caps)
		k, s := 0, 0
		for s < q {
			s += caps[k]
			k++
		}
		require.Len(t, plan.Lines, k, "fewest producers")
	}
}

func producerByID(in instance, id string) batik.Producer {
	for _, p := range in.producers {
		if p.ID == id {
			return p
		}
	}
	panic(id)
}

// TestEvenShareBruteForce compares EvenShare with an exhaustive search for
// the lexicographically max-min allocation on small instances.
func TestEvenShareBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 500 {
		n := 1 + rng.IntN(4)
		ps := make([]batik.Producer, n)
		free := make([]int, n)
		total := 0
		for i := range ps {
			free[i] = 1 + rng.IntN(6)
			total += free[i]
			ps[i] = prod(fmt.Sprintf("P%d", i), batik.Sedang, capOf(batik.Cap, free[i], 1))
		}
		q := 1 + rng.IntN(total)
		plan, err := Allocate(capOrder(q), ps, AllocateOptions{Policy: EvenShare})
		require.NoError(t, err)
		got := make([]int, n)
		for i := range ps {
			got[i] = quantities(plan)[ps[i].ID]
		}
		best := bestMaxMin(free, q)
		a, b := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(best))
		require.Equal(t, b, a, "free %v q %d: got %v, max-min %v", free, q, got, best)
	}
}

// bestMaxMin enumerates every allocation of exactly q and returns one whose
// sorted shares are lexicographically largest (the max-min fair one).
func bestMaxMin(free []int, q int) []int {
	var best []int
	cur := make([]int, len(free))
	var rec func(i, left int)
	rec = func(i, left int) {
		if i == len(free) {
			if left != 0 {
				return
			}
			s := slices.Sorted(slices.Values(cur))
			if best == nil || slices.Compare(s, slices.Sorted(slices.Values(best))) > 0 {
				best = slices.Clone(cur)
			}
			return
		}
		for x := 0; x <= min(free[i], left); x++ {
			cur[i] = x
			rec(i+1, left-x)
		}
	}
	rec(0, q)
	return best
}
