package mcf

import "math"

// The block search pivot rule's parameters, LEMON's: a block is
// BLOCK_SIZE_FACTOR * sqrt(m) arcs, and at least MIN_BLOCK_SIZE.
const (
	blockSizeFactor = 1.0
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
func (p *blockSearch) findEnteringArc(s *solver) bool {
	var minC int64
	cnt := p.blockSize
	e := p.nextArc
	for ; e < p.searchArcNum; e++ {
		c := int64(s.state[e]) * (s.cost[e] + s.pi[s.src[e]] - s.pi[s.dst[e]])
		if c < minC {
			minC, s.inArc = c, int32(e)
		}
		if cnt--; cnt == 0 {
			if minC < 0 {
				p.nextArc = e
				return true
			}
			cnt = p.blockSize
		}
	}
	for e = 0; e < p.nextArc; e++ {
		c := int64(s.state[e]) * (s.cost[e] + s.pi[s.src[e]] - s.pi[s.dst[e]])
		if c < minC {
			minC, s.inArc = c, int32(e)
		}
		if cnt--; cnt == 0 {
			if minC < 0 {
				p.nextArc = e
				return true
			}
			cnt = p.blockSize
		}
	}
	if minC >= 0 {
		return false
	}
	p.nextArc = e
	return true
}
