package capacity

import (
	"cmp"
	"slices"

	"github.com/batikkit/batikkit/pricing"
)

// share divides q pieces among cands (in producer-ID order) by policy,
// writing each one's pieces to alloc. total is the sum of free capacities.
// No share exceeds its free capacity and the shares sum to min(q, total).
func share(policy Policy, cands []cand, total, q int64, alloc []int64) {
	if q >= total {
		for i, c := range cands {
			alloc[i] = c.free
		}
		return
	}
	if q <= 0 {
		return
	}
	switch policy {
	case Proportional:
		proportional(cands, q, alloc)
	case EvenShare:
		evenShare(cands, q, alloc)
	case LowestCost:
		lowestCost(cands, q, alloc)
	case FewestProducers:
		fewestProducers(cands, q, alloc)
	}
}

// lowestCost fills the cheapest first, ties to the lower ID. Only the
// cost at which the order runs out matters: everyone cheaper is filled,
// and among those at exactly that cost the lower IDs (lower indices) come
// first. weightedCut finds that cost in expected linear time, so no sort
// is needed.
func lowestCost(cands []cand, q int64, alloc []int64) {
	items := make([]keyed, len(cands))
	for i, c := range cands {
		items[i] = keyed{c.cents, c.free}
	}
	cut := weightedCut(items, q)
	for i, c := range cands {
		if c.cents < cut {
			alloc[i] = c.free
			q -= c.free
		}
	}
	for i, c := range cands {
		if q == 0 {
			break
		}
		if c.cents == cut {
			alloc[i] = min(c.free, q)
			q -= alloc[i]
		}
	}
}

// fewestProducers fills the largest free capacity first, ties to the lower
// cost, then the lower ID. Everyone with more capacity than the capacity
// at which the order runs out is filled; only those with exactly that
// capacity are ordered, by cost and ID.
func fewestProducers(cands []cand, q int64, alloc []int64) {
	items := make([]keyed, len(cands))
	for i, c := range cands {
		items[i] = keyed{-c.free, c.free}
	}
	cut := -weightedCut(items, q) // the capacity of the last producers used
	var run []int32
	for i, c := range cands {
		switch {
		case c.free > cut:
			alloc[i] = c.free
			q -= c.free
		case c.free == cut:
			run = append(run, int32(i))
		}
	}
	slices.SortFunc(run, func(a, b int32) int {
		if c := cmp.Compare(cands[a].cents, cands[b].cents); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	for _, i := range run {
		if q == 0 {
			break
		}
		alloc[i] = min(cands[i].free, q)
		q -= alloc[i]
	}
}

// keyed is an item for weightedCut.
type keyed struct{ key, weight int64 }

// weightedCut returns the key K at which cumulative weight, taking items in
// increasing key order, first reaches q: the sum of weights of items with
// key < K is below q and with key <= K at least q. It needs 0 < q <= the
// total weight, reorders items, and takes expected O(len(items)) time
// (quickselect with three-way partitions).
func weightedCut(items []keyed, q int64) int64 {
	lo, hi := 0, len(items)
	for {
		mid := lo + (hi-lo)/2
		x, y, z := items[lo].key, items[mid].key, items[hi-1].key
		p := max(min(x, y), min(max(x, y), z))
		// Partition into < p, == p, > p, summing the first two.
		lt, i, gt := lo, lo, hi
		var sumLess, sumEq int64
		for i < gt {
			switch it := items[i]; {
			case it.key < p:
				sumLess += it.weight
				items[lt], items[i] = items[i], items[lt]
				lt++
				i++
			case it.key > p:
				gt--
				items[gt], items[i] = items[i], items[gt]
			default:
				sumEq += it.weight
				i++
			}
		}
		switch {
		case q <= sumLess:
			hi = lt
		case q <= sumLess+sumEq:
			return p
		default:
			q -= sumLess + sumEq
			lo = gt
		}
	}
}

// proportional gives each producer floor(q*free_i/total) and the leftover
// one each to the largest remainders q*free_i mod total, ties to the lower
// ID (the lower index: cands are in ID order). That is pricing's
// largest-remainder split of q units by the weights free_i, so it is
// pricing.AppendSplitSen: one algorithm for money and for pieces.
//
// No one exceeds capacity: here q < total, so the exact quota
// q*free_i/total is below free_i, its floor is at most free_i-1, and the
// one extra piece a leftover can add keeps the share at most free_i.
func proportional(cands []cand, q int64, alloc []int64) {
	var buf [smallN]int64
	free := scratch(buf[:], len(cands))
	for i, c := range cands {
		free[i] = c.free
	}
	// The weights are positive with a positive sum and the step is 1, so
	// the split cannot fail; it writes into alloc's own array.
	_, _ = pricing.AppendSplitSen(alloc[:0], q, free, 1)
}

// evenShare is water-filling: the largest level L with
// sum(min(free_i, L)) <= q, each gets min(free_i, L), and the leftover goes
// one each to producers with free_i > L in ID order.
func evenShare(cands []cand, q int64, alloc []int64) {
	var buf [smallN]int64
	free := scratch(buf[:], len(cands))
	for i, c := range cands {
		free[i] = c.free
	}
	slices.Sort(free)
	// With the k smallest filled (sum s) and the other m-k at level L:
	// s + (m-k)*L <= q. Walk up while the next capacity fits entirely.
	var s int64
	k, m := 0, int64(len(free))
	for k < len(free) && free[k] <= (q-s)/(m-int64(k)) { // s + free[k]*(m-k) <= q, without overflow
		s += free[k]
		k++
	}
	// q < total, so k < m here; L lies in [free[k-1], free[k]).
	level := (q - s) / (m - int64(k))
	given := int64(0)
	for i, c := range cands {
		alloc[i] = min(c.free, level)
		given += alloc[i]
	}
	for i, c := range cands {
		if given == q {
			break
		}
		if c.free > level {
			alloc[i]++
			given++
		}
	}
}
