package capacity

import (
	"cmp"
	"slices"
)

// shareMinLot divides q pieces among cands (each with free >= m) so that
// every non-zero share is at least m, filling as much as any choice of
// producers allows.
//
// Maximum fill. A set S of producers can take any amount x with
// |S|*m <= x <= free(S), and no other amount. For a given size k the set
// with the most capacity is the k largest, so the most any plan can place
// is X = min(q, sum of the k* largest capacities) with
// k* = min(len(cands), floor(q/m)): more producers than floor(q/m) cannot
// each get m, and among sets of at most k* producers the k* largest hold
// the most. So a greedy choice of the largest capacities proves the bound
// and reaches it.
//
// Among the plans that place X, the policy decides: it chooses the set S
// (Proportional and EvenShare: every candidate if each can have a full lot,
// else the floor(X/m) largest; LowestCost: the cheapest until their
// capacity covers X; FewestProducers: the largest until it does), gives
// each member m, and shares the remaining X - |S|*m by its own rule over
// the capacities above m. If the cheapest producers are too many to give
// each a full lot, LowestCost falls back to the largest capacities, which
// always can.
func shareMinLot(policy Policy, cands []cand, q, m int64, alloc []int64) {
	if len(cands) == 0 {
		return
	}
	byFree := newLargestFirst(cands)
	// The most any plan can place: the k* largest capacities, capped by q.
	kStar := min(int64(len(cands)), q/m)
	list := byFree.anyOrder() // when every candidate can have a lot, the order does not matter
	if kStar < int64(len(cands)) {
		list = byFree.sorted()
	}
	x := int64(0)
	for _, i := range list[:kStar] {
		x += cands[i].free
	}
	x = min(x, q)
	if x == 0 {
		return
	}
	set := lotSet(policy, cands, byFree, x, m)

	// Each member gets m; the rest is shared over the capacity above m.
	slices.Sort(set) // back to ID order, which the tie-breaks rely on
	sub := make([]cand, len(set))
	var total int64
	for j, i := range set {
		sub[j] = cands[i]
		sub[j].free -= m
		total += sub[j].free
	}
	subAlloc := make([]int64, len(sub))
	share(policy, sub, total, x-int64(len(set))*m, subAlloc)
	for j, i := range set {
		alloc[i] = m + subAlloc[j]
	}
}

// lotSet returns the producers (indices into cands) that policy chooses
// to place x pieces with at least m each (see shareMinLot).
func lotSet(policy Policy, cands []cand, byFree *largestFirst, x, m int64) []int32 {
	switch policy {
	case LowestCost:
		byCost := make([]int32, len(cands))
		for i := range byCost {
			byCost[i] = int32(i)
		}
		slices.SortFunc(byCost, func(a, b int32) int {
			if c := cmp.Compare(cands[a].cents, cands[b].cents); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		set := prefixCovering(cands, byCost, x)
		if int64(len(set))*m > x {
			set = prefixCovering(cands, byFree.sorted(), x)
		}
		return set
	case FewestProducers:
		// byFree breaks ties by ID; FewestProducers breaks them by cost first.
		list := byFree.sorted()
		slices.SortStableFunc(list, func(a, b int32) int {
			if c := cmp.Compare(cands[b].free, cands[a].free); c != 0 {
				return c
			}
			return cmp.Compare(cands[a].cents, cands[b].cents)
		})
		return prefixCovering(cands, list, x)
	}
	// Proportional and EvenShare.
	if int64(len(cands))*m <= x {
		return byFree.anyOrder() // every candidate
	}
	return byFree.sorted()[:min(int64(len(cands)), x/m)]
}

// largestFirst lists candidates (indices into cands) largest free
// capacity first, ties to the lower ID, sorting them only when that
// order is asked for.
type largestFirst struct {
	cands    []cand
	list     []int32
	isSorted bool
}

func newLargestFirst(cands []cand) *largestFirst {
	l := &largestFirst{cands: cands, list: make([]int32, len(cands))}
	for i := range l.list {
		l.list[i] = int32(i)
	}
	return l
}

// anyOrder returns every candidate, in no particular order.
func (l *largestFirst) anyOrder() []int32 { return l.list }

// sorted returns every candidate, largest free capacity first.
func (l *largestFirst) sorted() []int32 {
	if !l.isSorted {
		slices.SortFunc(l.list, func(a, b int32) int {
			if c := cmp.Compare(l.cands[b].free, l.cands[a].free); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
		l.isSorted = true
	}
	return l.list
}

// prefixCovering returns the shortest prefix of order whose capacity is at least x.
func prefixCovering(cands []cand, order []int32, x int64) []int32 {
	var sum int64
	for n, i := range order {
		sum += cands[i].free
		if sum >= x {
			return order[:n+1]
		}
	}
	return order
}
