package capacity

import (
	"cmp"
	"math/bits"
	"slices"
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
		proportional(cands, total, q, alloc)
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
// ID (the lower index: cands are in ID order).
//
// No one exceeds capacity: here q < total, so the exact quota
// q*free_i/total is below free_i, its floor is at most free_i-1, and the
// one extra piece a leftover can add keeps the share at most free_i.
func proportional(cands []cand, total, q int64, alloc []int64) {
	rems := make([]uint64, len(cands))
	given := int64(0)
	for i, c := range cands {
		// q < 2^31 and free < 2^63, so the product fits 128 bits and the
		// quotient (at most q) fits 64: Div64 cannot panic.
		hi, lo := bits.Mul64(uint64(q), uint64(c.free))
		quo, rem := bits.Div64(hi, lo, uint64(total))
		alloc[i], rems[i] = int64(quo), rem
		given += int64(quo)
	}
	left := q - given // < len(cands): each remainder is below total
	if left == 0 {
		return
	}
	th := kthLargest(slices.Clone(rems), int(left))
	for i, r := range rems {
		if r > th {
			alloc[i]++
			left--
		}
	}
	for i, r := range rems {
		if left == 0 {
			break
		}
		if r == th {
			alloc[i]++
			left--
		}
	}
}

// evenShare is water-filling: the largest level L with
// sum(min(free_i, L)) <= q, each gets min(free_i, L), and the leftover goes
// one each to producers with free_i > L in ID order.
func evenShare(cands []cand, q int64, alloc []int64) {
	free := make([]int64, len(cands))
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

// kthLargest returns the k-th largest value of a (1-based), reordering a.
// Expected O(len(a)): quickselect with a median-of-three pivot and a
// three-way partition, so runs of equal values cost nothing extra.
func kthLargest(a []uint64, k int) uint64 {
	lo, hi := 0, len(a)
	for {
		if hi-lo == 1 {
			return a[lo]
		}
		mid := lo + (hi-lo)/2
		x, y, z := a[lo], a[mid], a[hi-1]
		p := max(min(x, y), min(max(x, y), z))
		gt, i, lt := lo, lo, hi
		for i < lt {
			switch {
			case a[i] > p:
				a[gt], a[i] = a[i], a[gt]
				gt++
				i++
			case a[i] < p:
				lt--
				a[lt], a[i] = a[i], a[lt]
			default:
				i++
			}
		}
		switch {
		case k <= gt-lo:
			hi = gt
		case k <= lt-lo:
			return p
		default:
			k -= lt - lo
			lo = lt
		}
	}
}
