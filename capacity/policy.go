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

// lowestCost fills the cheapest first, ties to the lower ID. The order is
// one sort of packed integer keys (cost in sen above the index), which is
// several times faster than sorting with a comparison function.
func lowestCost(cands []cand, q int64, alloc []int64) {
	const idxBits = 29 // cents <= 10^10 < 2^34 and 34+29 < 64
	if len(cands) >= 1<<idxBits {
		fillInOrder(cands, q, alloc, func(a, b cand) int { return cmp.Compare(a.cents, b.cents) })
		return
	}
	keys := make([]uint64, len(cands))
	for i, c := range cands {
		keys[i] = uint64(c.cents)<<idxBits | uint64(i)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if q == 0 {
			break
		}
		i := k & (1<<idxBits - 1)
		alloc[i] = min(cands[i].free, q)
		q -= alloc[i]
	}
}

// fewestProducers fills the largest free capacity first, ties to the lower
// cost, then the lower ID. The order comes from packed integer sorts:
// first by free capacity (above the index), then each run of equal
// capacities by cost; a comparison sort is the fallback for capacities too
// far apart to pack.
func fewestProducers(cands []cand, q int64, alloc []int64) {
	const idxBits = 29
	if len(cands) == 0 {
		return
	}
	lo, hi := cands[0].free, cands[0].free
	for _, c := range cands {
		lo, hi = min(lo, c.free), max(hi, c.free)
	}
	if len(cands) >= 1<<idxBits || hi-lo >= 1<<(64-idxBits) {
		fillInOrder(cands, q, alloc, func(a, b cand) int {
			if c := cmp.Compare(b.free, a.free); c != 0 {
				return c
			}
			return cmp.Compare(a.cents, b.cents)
		})
		return
	}
	const mask = 1<<idxBits - 1
	keys := make([]uint64, len(cands))
	for i, c := range cands {
		keys[i] = uint64(hi-c.free)<<idxBits | uint64(i)
	}
	slices.Sort(keys)
	for start := 0; start < len(keys) && q > 0; {
		end := start + 1
		for end < len(keys) && keys[end]>>idxBits == keys[start]>>idxBits {
			end++
		}
		run := keys[start:end]
		if len(run) > 1 {
			for j, k := range run {
				i := k & mask
				run[j] = uint64(cands[i].cents)<<idxBits | i // cents < 2^34
			}
			slices.Sort(run)
		}
		for _, k := range run {
			if q == 0 {
				break
			}
			i := k & mask
			alloc[i] = min(cands[i].free, q)
			q -= alloc[i]
		}
		start = end
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

// fillInOrder fills producers to capacity in the order less gives (ties to
// the lower ID), until q pieces are placed.
func fillInOrder(cands []cand, q int64, alloc []int64, less func(a, b cand) int) {
	order := make([]int32, len(cands))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := less(cands[a], cands[b]); c != 0 {
			return c
		}
		return cmp.Compare(a, b) // cands are in ID order
	})
	for _, i := range order {
		if q == 0 {
			break
		}
		alloc[i] = min(cands[i].free, q)
		q -= alloc[i]
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
