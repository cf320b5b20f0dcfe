// Package mcf solves minimum-cost flow problems with the primal network
// simplex method, following the design of LEMON's NetworkSimplex (Kovács,
// "Minimum-cost flow algorithms: an experimental evaluation", 2015): a
// spanning tree kept as parent, thread and successor-count arrays, an
// artificial root, and the block search pivot rule.
//
// All arithmetic is int64. The caller bounds costs and supplies so that
// potentials (sums of at most n costs plus the artificial cost) fit.
package mcf

import (
	"errors"
	"math"
	"slices"
)

// Status is the outcome of Solve.
type Status uint8

const (
	Optimal    Status = iota + 1 // an optimal flow was found
	Infeasible                   // the supplies cannot be met
	Unbounded                    // a negative cycle of unbounded capacity exists
)

// ErrTooLarge is returned when costs are too large for the potentials to
// fit an int64.
var ErrTooLarge = errors.New("mcf: costs too large")

// Inf is the capacity of an uncapacitated arc.
const Inf = math.MaxInt64

// Graph is a min-cost flow problem. Build it with AddNode and AddArc, then
// call Solve. Supplies must sum to zero.
type Graph struct {
	supply []int64
	src    []int32
	dst    []int32
	cap    []int64
	cost   []int64
}

// Grow reserves room for nodes more nodes and arcs more arcs.
func (g *Graph) Grow(nodes, arcs int) {
	g.supply = slices.Grow(g.supply, nodes)
	g.src = slices.Grow(g.src, arcs)
	g.dst = slices.Grow(g.dst, arcs)
	g.cap = slices.Grow(g.cap, arcs)
	g.cost = slices.Grow(g.cost, arcs)
}

// AddNode adds a node with the given supply (negative for a demand) and
// returns its index.
func (g *Graph) AddNode(supply int64) int {
	g.supply = append(g.supply, supply)
	return len(g.supply) - 1
}

// AddArc adds an arc from u to v with capacity c (>= 0; Inf for none) and
// unit cost w (>= 0), and returns its index.
func (g *Graph) AddArc(u, v int, c, w int64) int {
	g.src = append(g.src, int32(u))
	g.dst = append(g.dst, int32(v))
	g.cap = append(g.cap, c)
	g.cost = append(g.cost, w)
	return len(g.src) - 1
}

// NumNodes and NumArcs report the size of the graph.
func (g *Graph) NumNodes() int { return len(g.supply) }

// NumArcs reports the number of arcs.
func (g *Graph) NumArcs() int { return len(g.src) }

// Arc returns arc e's endpoints, capacity and cost.
func (g *Graph) Arc(e int) (u, v int, c, w int64) {
	return int(g.src[e]), int(g.dst[e]), g.cap[e], g.cost[e]
}

// Supply returns node u's supply.
func (g *Graph) Supply(u int) int64 { return g.supply[u] }

// Result is an optimal flow and node potentials proving its optimality:
// for every arc e = (u, v), the reduced cost cost[e] + Pi[u] - Pi[v] is
// >= 0 when Flow[e] < cap[e] and <= 0 when Flow[e] > 0.
type Result struct {
	Status Status
	Flow   []int64 // per arc
	Pi     []int64 // per node
}

const (
	stateUpper = -1
	stateTree  = 0
	stateLower = 1
	dirUp      = 1
	dirDown    = -1
)

type solver struct {
	n, m         int // real nodes and arcs
	src, dst     []int32
	cap, cost    []int64
	flow         []int64
	state        []int8
	pi           []int64
	parent       []int32
	pred         []int32
	thread       []int32
	revThread    []int32
	succNum      []int32
	lastSucc     []int32
	predDir      []int8
	dirtyRevs    []int32
	root         int32
	blockSize    int
	nextArc      int
	inArc        int32
	join         int32
	uIn, vIn     int32
	uOut, vOut   int32
	delta        int64
	searchArcNum int
}

// Solve returns a minimum-cost flow meeting every supply. It does not
// change g. O(pivots * (block + tree path)) time, O(n + m) memory.
func (g *Graph) Solve() (Result, error) {
	n, m := len(g.supply), len(g.src)
	var sum int64
	maxCost := int64(0)
	for _, s := range g.supply {
		sum += s
	}
	if sum != 0 {
		return Result{Status: Infeasible}, nil
	}
	for _, c := range g.cost {
		maxCost = max(maxCost, c)
	}
	// The artificial cost must exceed the cost of any simple path.
	if maxCost > 0 && (maxCost+1) > math.MaxInt64/int64(4*(n+1)) {
		return Result{}, ErrTooLarge
	}
	art := (maxCost + 1) * int64(n+1)

	s := &solver{n: n, m: m, root: int32(n)}
	all := m + n
	s.src = make([]int32, all)
	s.dst = make([]int32, all)
	s.cap = make([]int64, all)
	s.cost = make([]int64, all)
	s.flow = make([]int64, all)
	s.state = make([]int8, all)
	// Store the arcs in a mixed order, as LEMON does: arc a goes to slot
	// pos[a], striding through the array, so that each block the pivot
	// search scans samples the whole graph rather than one corner of it.
	pos := make([]int32, m)
	skip := max(m/max(n, 1), 3)
	for a, i, j := 0, 0, 0; a < m; a++ {
		pos[a] = int32(i)
		s.src[i], s.dst[i], s.cap[i], s.cost[i] = g.src[a], g.dst[a], g.cap[a], g.cost[a]
		if i += skip; i >= m {
			j++
			i = j
		}
	}
	for e := range m {
		s.state[e] = stateLower
	}
	nn := n + 1
	s.pi = make([]int64, nn)
	s.parent = make([]int32, nn)
	s.pred = make([]int32, nn)
	s.thread = make([]int32, nn)
	s.revThread = make([]int32, nn)
	s.succNum = make([]int32, nn)
	s.lastSucc = make([]int32, nn)
	s.predDir = make([]int8, nn)

	root := s.root
	s.parent[root] = -1
	s.pred[root] = -1
	s.thread[root] = 0
	s.revThread[0] = root
	s.succNum[root] = int32(nn)
	s.lastSucc[root] = root - 1
	s.pi[root] = 0
	for u := int32(0); u < int32(n); u++ {
		e := int32(m) + u
		s.parent[u] = root
		s.pred[u] = e
		s.thread[u] = u + 1
		s.revThread[u+1] = u
		s.succNum[u] = 1
		s.lastSucc[u] = u
		s.cap[e] = Inf
		s.state[e] = stateTree
		if g.supply[u] >= 0 {
			s.predDir[u] = dirUp
			s.pi[u] = 0
			s.src[e], s.dst[e] = u, root
			s.flow[e] = g.supply[u]
			s.cost[e] = 0
		} else {
			s.predDir[u] = dirDown
			s.pi[u] = art
			s.src[e], s.dst[e] = root, u
			s.flow[e] = -g.supply[u]
			s.cost[e] = art
		}
	}
	if n == 0 {
		s.thread[root] = root
		s.lastSucc[root] = root
	}

	s.searchArcNum = m
	s.blockSize = max(10, int(math.Sqrt(float64(m))))
	for s.findEnteringArc() {
		s.findJoinNode()
		change := s.findLeavingArc()
		if s.delta >= Inf {
			return Result{Status: Unbounded}, nil
		}
		s.changeFlow(change)
		if change {
			s.updateTreeStructure()
			s.updatePotential()
		}
	}
	for e := m; e < all; e++ {
		if s.flow[e] != 0 {
			return Result{Status: Infeasible}, nil
		}
	}
	flow := make([]int64, m)
	for a, i := range pos {
		flow[a] = s.flow[i]
	}
	return Result{Status: Optimal, Flow: flow, Pi: s.pi[:n:n]}, nil
}

// findEnteringArc is the block search pivot rule: scan blocks of arcs from
// where the last search stopped and take the arc with the most negative
// reduced cost in the first block that has one.
func (s *solver) findEnteringArc() bool {
	var minC int64
	cnt := s.blockSize
	e := s.nextArc
	for ; e < s.searchArcNum; e++ {
		c := int64(s.state[e]) * (s.cost[e] + s.pi[s.src[e]] - s.pi[s.dst[e]])
		if c < minC {
			minC, s.inArc = c, int32(e)
		}
		if cnt--; cnt == 0 {
			if minC < 0 {
				s.nextArc = e
				return true
			}
			cnt = s.blockSize
		}
	}
	for e = 0; e < s.nextArc; e++ {
		c := int64(s.state[e]) * (s.cost[e] + s.pi[s.src[e]] - s.pi[s.dst[e]])
		if c < minC {
			minC, s.inArc = c, int32(e)
		}
		if cnt--; cnt == 0 {
			if minC < 0 {
				s.nextArc = e
				return true
			}
			cnt = s.blockSize
		}
	}
	if minC >= 0 {
		return false
	}
	s.nextArc = e
	return true
}

func (s *solver) findJoinNode() {
	u, v := s.src[s.inArc], s.dst[s.inArc]
	for u != v {
		if s.succNum[u] < s.succNum[v] {
			u = s.parent[u]
		} else {
			v = s.parent[v]
		}
	}
	s.join = u
}

// findLeavingArc finds the arc of the cycle that first blocks the flow
// change, and the amount delta. It reports whether the tree changes.
func (s *solver) findLeavingArc() bool {
	var first, second int32
	if s.state[s.inArc] == stateLower {
		first, second = s.src[s.inArc], s.dst[s.inArc]
	} else {
		first, second = s.dst[s.inArc], s.src[s.inArc]
	}
	s.delta = s.cap[s.inArc]
	result := 0
	for u := first; u != s.join; u = s.parent[u] {
		e := s.pred[u]
		d := s.flow[e]
		if s.predDir[u] == dirDown {
			if c := s.cap[e]; c >= Inf {
				d = Inf
			} else {
				d = c - d
			}
		}
		if d < s.delta {
			s.delta, s.uOut, result = d, u, 1
		}
	}
	for u := second; u != s.join; u = s.parent[u] {
		e := s.pred[u]
		d := s.flow[e]
		if s.predDir[u] == dirUp {
			if c := s.cap[e]; c >= Inf {
				d = Inf
			} else {
				d = c - d
			}
		}
		if d <= s.delta {
			s.delta, s.uOut, result = d, u, 2
		}
	}
	if result == 1 {
		s.uIn, s.vIn = first, second
	} else {
		s.uIn, s.vIn = second, first
	}
	return result != 0
}

func (s *solver) changeFlow(change bool) {
	if s.delta > 0 {
		val := int64(s.state[s.inArc]) * s.delta
		s.flow[s.inArc] += val
		for u := s.src[s.inArc]; u != s.join; u = s.parent[u] {
			s.flow[s.pred[u]] -= int64(s.predDir[u]) * val
		}
		for u := s.dst[s.inArc]; u != s.join; u = s.parent[u] {
			s.flow[s.pred[u]] += int64(s.predDir[u]) * val
		}
	}
	if change {
		s.state[s.inArc] = stateTree
		if s.flow[s.pred[s.uOut]] == 0 {
			s.state[s.pred[s.uOut]] = stateLower
		} else {
			s.state[s.pred[s.uOut]] = stateUpper
		}
	} else {
		s.state[s.inArc] = -s.state[s.inArc]
	}
}

func (s *solver) updateTreeStructure() {
	uIn, vIn, uOut, join := s.uIn, s.vIn, s.uOut, s.join
	oldRevThread := s.revThread[uOut]
	oldSuccNum := s.succNum[uOut]
	oldLastSucc := s.lastSucc[uOut]
	vOut := s.parent[uOut]
	s.vOut = vOut

	if uIn == uOut {
		s.parent[uIn] = vIn
		s.pred[uIn] = s.inArc
		if uIn == s.src[s.inArc] {
			s.predDir[uIn] = dirUp
		} else {
			s.predDir[uIn] = dirDown
		}
		if s.thread[vIn] != uOut {
			after := s.thread[oldLastSucc]
			s.thread[oldRevThread] = after
			s.revThread[after] = oldRevThread
			after = s.thread[vIn]
			s.thread[vIn] = uOut
			s.revThread[uOut] = vIn
			s.thread[oldLastSucc] = after
			s.revThread[after] = oldLastSucc
		}
	} else {
		var threadContinue int32
		if oldRevThread == vIn {
			threadContinue = s.thread[oldLastSucc]
		} else {
			threadContinue = s.thread[vIn]
		}
		stem, parStem := uIn, vIn
		last := s.lastSucc[uIn]
		after := s.thread[last]
		s.thread[vIn] = uIn
		s.dirtyRevs = append(s.dirtyRevs[:0], vIn)
		for stem != uOut {
			nextStem := s.parent[stem]
			s.thread[last] = nextStem
			s.dirtyRevs = append(s.dirtyRevs, last)
			before := s.revThread[stem]
			s.thread[before] = after
			s.revThread[after] = before
			s.parent[stem] = parStem
			parStem = stem
			stem = nextStem
			if s.lastSucc[stem] == s.lastSucc[parStem] {
				last = s.revThread[parStem]
			} else {
				last = s.lastSucc[stem]
			}
			after = s.thread[last]
		}
		s.parent[uOut] = parStem
		s.thread[last] = threadContinue
		s.revThread[threadContinue] = last
		s.lastSucc[uOut] = last
		if oldRevThread != vIn {
			s.thread[oldRevThread] = after
			s.revThread[after] = oldRevThread
		}
		for _, u := range s.dirtyRevs {
			s.revThread[s.thread[u]] = u
		}
		tmpSc, tmpLs := int32(0), s.lastSucc[uOut]
		for u, p := uOut, s.parent[uOut]; u != uIn; u, p = p, s.parent[p] {
			s.pred[u] = s.pred[p]
			s.predDir[u] = -s.predDir[p]
			tmpSc += s.succNum[u] - s.succNum[p]
			s.succNum[u] = tmpSc
			s.lastSucc[p] = tmpLs
		}
		s.pred[uIn] = s.inArc
		if uIn == s.src[s.inArc] {
			s.predDir[uIn] = dirUp
		} else {
			s.predDir[uIn] = dirDown
		}
		s.succNum[uIn] = oldSuccNum
	}

	upLimitOut := int32(-1)
	if s.lastSucc[join] == vIn {
		upLimitOut = join
	}
	lastSuccOut := s.lastSucc[uOut]
	for u := vIn; u != -1 && s.lastSucc[u] == vIn; u = s.parent[u] {
		s.lastSucc[u] = lastSuccOut
	}
	if join != oldRevThread && vIn != oldRevThread {
		for u := vOut; u != upLimitOut && s.lastSucc[u] == oldLastSucc; u = s.parent[u] {
			s.lastSucc[u] = oldRevThread
		}
	} else if lastSuccOut != oldLastSucc {
		for u := vOut; u != upLimitOut && s.lastSucc[u] == oldLastSucc; u = s.parent[u] {
			s.lastSucc[u] = lastSuccOut
		}
	}
	for u := vIn; u != join; u = s.parent[u] {
		s.succNum[u] += oldSuccNum
	}
	for u := vOut; u != join; u = s.parent[u] {
		s.succNum[u] -= oldSuccNum
	}
}

func (s *solver) updatePotential() {
	sigma := s.pi[s.vIn] - s.pi[s.uIn] - int64(s.predDir[s.uIn])*s.cost[s.inArc]
	end := s.thread[s.lastSucc[s.uIn]]
	for u := s.uIn; u != end; u = s.thread[u] {
		s.pi[u] += sigma
	}
}
