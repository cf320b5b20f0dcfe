package capacity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// instance is a random allocation problem.
type instance struct {
	order     batik.Order
	producers []batik.Producer
	opts      AllocateOptions
}

func randInstance(rng *rand.Rand, n int) instance {
	techs := batik.Techniques()
	grades := batik.Grades()
	ps := make([]batik.Producer, n)
	for i := range ps {
		id, g := fmt.Sprintf("P%03d", rng.IntN(4*n+1)), grades[rng.IntN(3)]
		p := batik.Producer{ID: id}
		for _, t := range techs {
			if rng.IntN(2) == 0 {
				per := rng.IntN(120)
				if rng.IntN(8) == 0 {
					per = 0
				}
				p.Capabilities = append(p.Capabilities, batik.Capability{Technique: t, Grade: g, PerWeek: per, UnitCost: decimal.New(int64(50000+rng.IntN(8)*5000), 0)})
			}
		}
		if len(p.Capabilities) == 0 { // a producer needs one; let it be of a technique no order asks for, sometimes
			p.Capabilities = append(p.Capabilities, batik.Capability{Technique: techs[rng.IntN(4)], Grade: g, UnitCost: decimal.Zero})
		}
		ps[i] = p
	}
	// Make IDs unique without changing how many there are.
	seen := map[string]bool{}
	for i := range ps {
		for seen[ps[i].ID] {
			ps[i].ID += "x"
		}
		seen[ps[i].ID] = true
	}
	return instance{
		order:     batik.Order{ID: "O", Technique: techs[rng.IntN(4)], MinGrade: grades[rng.IntN(3)], Quantity: 1 + rng.IntN(60*n+10)},
		producers: ps,
		opts:      AllocateOptions{Policy: Policy(1 + rng.IntN(4)), Weeks: rng.IntN(3), MinLot: []int{0, 1, 1, 5, 20, 60}[rng.IntN(6)]},
	}
}

// freeOf returns each eligible producer's free capacity (under MinLot).
func freeOf(in instance) map[string]int {
	weeks, lot := max(in.opts.Weeks, 1), max(in.opts.MinLot, 1)
	out := map[string]int{}
	for _, p := range in.producers {
		c, ok := p.Capability(in.order.Technique)
		if ok && c.Grade.AtLeast(in.order.MinGrade) && c.PerWeek*weeks >= lot && c.PerWeek > 0 {
			out[p.ID] = c.PerWeek * weeks
		}
	}
	return out
}

// checkInvariants checks what must hold for every plan.
func checkInvariants(t *testing.T, in instance, plan Plan) {
	t.Helper()
	free := freeOf(in)
	lot := max(in.opts.MinLot, 1)
	sum := 0
	ids := map[string]bool{}
	for i, l := range plan.Lines {
		f, ok := free[l.ProducerID]
		require.True(t, ok, "ineligible %s has a line", l.ProducerID)
		require.Positive(t, l.Quantity)
		require.LessOrEqual(t, l.Quantity, f, "%s over capacity", l.ProducerID)
		require.GreaterOrEqual(t, l.Quantity, lot, "%s below the minimum lot", l.ProducerID)
		if i > 0 {
			require.Less(t, plan.Lines[i-1].ProducerID, l.ProducerID, "lines sorted by ID")
		}
		sum += l.Quantity
		ids[l.ProducerID] = true
	}
	require.Equal(t, in.order.Quantity, sum+plan.Unfilled, "pieces conserved")
	require.GreaterOrEqual(t, plan.Unfilled, 0)
	for i, s := range plan.Skipped {
		require.False(t, ids[s.ProducerID])
		ids[s.ProducerID] = true
		if i > 0 {
			require.Less(t, plan.Skipped[i-1].ProducerID, s.ProducerID, "skips sorted by ID")
		}
	}
	require.Len(t, ids, len(in.producers), "every producer is a line or a skip")
	// Max fill: the best any choice of producers could place.
	require.Equal(t, maxFill(free, in.order.Quantity, lot), sum, "fill is maximal")
}

// maxFill is an independent oracle: the most pieces any set of producers
// can take with every share in [lot, free], by trying every subset when
// small, and the sorted greedy bound otherwise.
func maxFill(free map[string]int, q, lot int) int {
	caps := make([]int, 0, len(free))
	for _, f := range free {
		caps = append(caps, f)
	}
	if len(caps) <= 12 {
		best := 0
		for mask := 0; mask < 1<<len(caps); mask++ {
			k, s := 0, 0
			for i, c := range caps {
				if mask&(1<<i) != 0 {
					k, s = k+1, s+c
				}
			}
			if k*lot <= q {
				best = max(best, min(q, s))
			}
		}
		return best
	}
	slices.Sort(caps)
	slices.Reverse(caps)
	s := 0
	for i, c := range caps {
		if (i+1)*lot > q {
			break
		}
		s += c
	}
	return min(q, s)
}

func TestAllocateProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for iter := range 4000 {
		in := randInstance(rng, 1+rng.IntN(10))
		plan, err := Allocate(in.order, in.producers, in.opts)
		require.NoError(t, err, "instance %d", iter)
		checkInvariants(t, in, plan)

		// The same producers in another order give the same plan.
		shuffled := slices.Clone(in.producers)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		again, err := Allocate(in.order, shuffled, in.opts)
		require.NoError(t, err)
		require.Equal(t, plan, again, "plan depends on the order of producers")

		if max(in.opts.MinLot, 1) == 1 {
			checkPolicy(t, in, plan)
		}
	}
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
