package mcf

import "math"

// The block search pivot rule's parameters: a block is
// BLOCK_SIZE_FACTOR * sqrt(m) arcs, and at least MIN_BLOCK_SIZE.
//
// LEMON's BLOCK_SIZE_FACTOR is 1.0. Ours is 0.4, chosen on the networks
// capacity.Schedule builds (a few dozen arcs per node). On its four
// benchmark instances, 0.4 scans 33 to 49% fewer arcs than 1.0 for 1 to
// 16% more pivots, and Solve runs 21 to 36% fewer instructions
// (valgrind --tool=callgrind); on six more instances of the same shape
// it scans 31 to 54% fewer arcs for -5 to +26% pivots. 0.3 and 0.5 came
// close; 0.2 did worse than 1.0 on the 300x250x4 instance, the extra
// pivots costing more than the scanning saved. On much larger networks
// the balance tips back: on the 5000x2000x26 schedule (6.2 million arcs)
// 1.0 takes a third fewer pivots than 0.4 and Solve about 3.2 s of CPU
// against 4.6 s. BenchmarkSolveDIMACS reports pivots.
const (
	blockSizeFactor = 0.4
	minBlockSize    = 10
)

// blockSearch is LEMON's block search pivot rule: it scans the arcs in
// blocks, going on from where the last search stopped and wrapping round,
// and takes the most eligible arc (the most negative state * reduced
// cost) of the first block that has an eligible arc. With blocks of about
// sqrt(m) arcs it chooses nearly as well as scanning every arc, at a
// fraction of the cost.
type blockSearch struct {
	searchArcNum int // the arcs that may enter: the real ones
	blockSize    int
	nextArc      int // where the next search starts
}

func newBlockSearch(m int) blockSearch {
	return blockSearch{
		searchArcNum: m,
		blockSize:    max(int(blockSizeFactor*math.Sqrt(float64(m))), minBlockSize),
	}
}

// findEnteringArc sets s.inArc to the entering arc and reports whether
// there is one; when there is none, the flow is optimal. O(m) at worst,
// O(blockSize) when the first block has an eligible arc.
//
// LEMON counts down one counter per arc across the whole round; we scan
// a block at a time with scanBlock, cutting the block that wraps round
// the end in two, and stop at the same arc: the pivots are LEMON's.
func (p *blockSearch) findEnteringArc(s *solver) bool {
	var minC int64
	in := int32(-1)
	e, m := p.nextArc, p.searchArcNum
	for left := m; left > 0; {
		// One block, or its part before the end of the arcs.
		n := min(p.blockSize, left)
		end := min(e+n, m)
		minC, in = s.scanBlock(e, end, minC, in)
		if end-e < n {
			minC, in = s.scanBlock(0, n-(end-e), minC, in)
			end = n - (end - e)
		}
		left -= n
		if minC < 0 && (n == p.blockSize || left == 0) {
			// LEMON's next search starts at the last arc of a full
			// block, or where this one started after a whole round.
			if n == p.blockSize {
				p.nextArc = end - 1
			} else if p.nextArc = end; end == m {
				p.nextArc = 0
			}
			s.inArc = in
			return true
		}
		if e = end; e == m {
			e = 0
		}
	}
	return false
}

// scanBlock returns the most negative state * reduced cost among the arcs
// [lo, hi) and its arc, if it is below minC; else minC and in. This loop
// is where the solver spends most of its time: the slices are cut to one
// length first so the compiler drops the bounds checks on the arc arrays,
// leaving two on pi.
func (s *solver) scanBlock(lo, hi int, minC int64, in int32) (int64, int32) {
	state := s.state[lo:hi]
	cost := s.cost[lo:hi]
	src := s.src[lo:hi]
	dst := s.dst[lo:hi]
	pi := s.pi
	cost, src, dst = cost[:len(state)], src[:len(state)], dst[:len(state)]
	for i, st := range state {
		c := int64(st) * (cost[i] + pi[src[i]] - pi[dst[i]])
		if c < minC {
			minC, in = c, int32(lo+i)
		}
	}
	return minC, in
}
