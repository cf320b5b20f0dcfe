package mcf

import "math"

// Arc states. A non-tree arc sits at one of its bounds; the state is also
// the sign that turns an arc's reduced cost into the gain of pushing flow
// into it (up from the lower bound, down from the upper), so that an arc
// is eligible to enter the tree when state * reduced cost < 0.
const (
	stateUpper = -1 // at its capacity
	stateTree  = 0  // in the spanning tree
	stateLower = 1  // empty
)

// Directions of a tree arc pred[u] seen from u.
const (
	dirUp   = 1  // pred[u] leaves u, towards the root
	dirDown = -1 // pred[u] enters u, from the root
)

// solver is the state of one Solve: the network with artificial arcs,
// its spanning tree basis and the current pivot. Arcs are int32 indices
// into the arc arrays, nodes int32 indices into the node arrays; the
// artificial root is node n.
type solver struct {
	// The network: the m real arcs in a mixed order (see newSolver), then
	// one artificial arc per node to or from the root.
	n, m      int // real nodes and arcs
	allArcNum int // m + n
	src, dst  []int32
	cap, cost []int64
	supply    []int64 // per real node
	order     mixedOrder

	// Arc and node values: the primal and the dual solution.
	flow  []int64
	state []int8 // stateUpper, stateTree or stateLower
	pi    []int64

	// The spanning tree, rooted at root (LEMON's "extended threaded
	// index"): parent and pred, the tree arc joining a node to its parent,
	// with predDir its direction; thread, a preorder walk of the tree, as
	// a cyclic list with revThread its inverse; succNum, the size of a
	// node's subtree, and lastSucc, its last node in thread order.
	parent, pred      []int32
	thread, revThread []int32
	succNum, lastSucc []int32
	predDir           []int8
	dirtyRevs         []int32 // updateTreeStructure's scratch list
	root              int32

	// The current pivot: the entering arc inArc closes a cycle with the
	// tree paths from its ends up to join; delta is the flow it can carry.
	// The leaving arc is pred[uOut], with vOut = parent[uOut]; after the
	// pivot inArc joins uIn, the end on uOut's side, to its new parent
	// vIn.
	inArc, join int32
	uIn, vIn    int32
	uOut, vOut  int32
	delta       int64
	pivots      int // for benchmarks and tests
}

// Solve returns a minimum-cost flow meeting every supply, with potentials
// that prove it optimal; Status Infeasible when the supplies cannot be
// met, Unbounded when a cycle of negative cost has no capacity bound (it
// cannot happen with non-negative costs). It returns ErrTooLarge, with a
// zero Result, when the bounds in solver.init do not hold. It does not
// change g.
//
// Cost: O(n + m) memory; each pivot scans at least one block of about
// sqrt(m) arcs and walks one cycle and one subtree of the spanning tree.
// The number of pivots has no polynomial bound in general;
// BenchmarkSolveDIMACS reports it for real networks.
func (g *Graph) Solve() (Result, error) {
	s := newSolver(g)
	if st, err := s.init(); st != Optimal || err != nil {
		return Result{Status: st}, err
	}
	if st := s.start(); st != Optimal {
		return Result{Status: st}, nil
	}
	// The flows in g's arc order, in the array of the costs, which the
	// solver needs no more.
	flow := s.cost[:s.m:s.m]
	s.order.each(func(slot, arc int) { flow[arc] = s.flow[slot] })
	// Undo the drift of updatePotential: the root back at 0.
	pi := s.pi[:s.n:s.n]
	for u := range pi {
		pi[u] -= s.pi[s.root]
	}
	return Result{Status: Optimal, Flow: flow, Pi: pi}, nil
}

// newSolver copies g into a new solver, as LEMON's constructor and reset
// do: it allocates room for the real and artificial arcs and the root, and
// stores the arcs in a mixed order. O(n + m).
func newSolver(g *Graph) *solver {
	n, m := len(g.supply), len(g.src)
	all := m + n
	s := &solver{n: n, m: m, allArcNum: all, root: int32(n), supply: g.supply}
	s.src = make([]int32, all)
	s.dst = make([]int32, all)
	s.cap = make([]int64, all)
	s.cost = make([]int64, all)
	s.flow = make([]int64, all)
	s.state = make([]int8, all)
	nn := n + 1
	s.pi = make([]int64, nn)
	s.parent = make([]int32, nn)
	s.pred = make([]int32, nn)
	s.thread = make([]int32, nn)
	s.revThread = make([]int32, nn)
	s.succNum = make([]int32, nn)
	s.lastSucc = make([]int32, nn)
	s.predDir = make([]int8, nn)

	// Store the arcs in a mixed order: the arcs fill the slots j,
	// j+skip, j+2*skip, ... for j = 0, 1, ..., skip-1 in turn, so that
	// each block the pivot rule scans samples the whole graph rather than
	// the arcs of a few neighbouring nodes. LEMON finds this about as
	// fast as the original order in general and much faster on some
	// networks. LEMON writes the four arc arrays with that stride; we
	// fill the slots in order, reading the arcs with the stride (see
	// mixedOrder.each), which misses the cache far less.
	s.order = newMixedOrder(m, max(m/max(n, 1), 3))
	src, dst, cp, cost := s.src[:m], s.dst[:m], s.cap[:m], s.cost[:m]
	gsrc, gdst, gcap, gcost := g.src[:m], g.dst[:m], g.cap[:m], g.cost[:m]
	s.order.each(func(i, a int) {
		src[i], dst[i], cp[i], cost[i] = gsrc[a], gdst[a], gcap[a], gcost[a]
	})
	return s
}

// mixedOrder is the order of m arcs filling the slots j, j+skip,
// j+2*skip, ... for j = 0, 1, ..., skip-1 in turn: slot k*skip+j holds arc
// first[j]+k, first[j] being the arc that fills slot j.
type mixedOrder struct {
	m     int
	first []int // per j < skip
}

func newMixedOrder(m, skip int) mixedOrder {
	o := mixedOrder{m: m, first: make([]int, min(skip, m))}
	// Column j holds the slots below m that are j modulo skip.
	for j, a := 0, 0; j < len(o.first); j++ {
		o.first[j] = a
		a += (m - j + skip - 1) / skip
	}
	return o
}

// each calls f(slot, arc) for every slot in increasing order. O(m).
func (o mixedOrder) each(f func(slot, arc int)) {
	skip := len(o.first)
	for row, k := 0, 0; row < o.m; row, k = row+skip, k+1 {
		for j, a := range o.first[:min(skip, o.m-row)] {
			f(row+j, a+k)
		}
	}
}

// init builds the starting basis: every real arc empty, and every node
// joined to an artificial root by an artificial arc carrying its supply.
// It returns Optimal when the problem is ready for start, Infeasible when
// the supplies do not sum to zero, or ErrTooLarge. O(n + m).
func (s *solver) init() (Status, error) {
	// Check the sum of the supplies: with equality constraints a non-zero
	// sum is infeasible at once. The positive supplies and the finite
	// capacities bound every flow: a tree arc carries the net supply of
	// the nodes on one side of it plus the flow of the non-tree arcs
	// across, each 0 or a finite capacity. So their sum must fit.
	var pos, neg int64 // the sums of the positive and the negative supplies
	for _, b := range s.supply {
		if b > 0 {
			if pos > math.MaxInt64-b {
				return 0, ErrTooLarge
			}
			pos += b
		} else {
			if neg < math.MinInt64-b {
				return 0, ErrTooLarge
			}
			neg += b
		}
	}
	if pos+neg != 0 {
		return Infeasible, nil
	}
	flowBound := pos

	// Initialize the artificial cost. An artificial arc stands in for a
	// path the flow cannot take yet, so it must cost more than any simple
	// path of real arcs: then the simplex drains the artificial arcs
	// whenever a feasible flow exists, and one still carrying flow at the
	// end proves the problem infeasible. A simple path has at most n-1
	// arcs, so (maxCost+1)*(n+1) is enough. LEMON uses this formula for
	// floating-point costs; for integer costs it takes MaxInt64/2+1,
	// which is simpler but lets cost + pi[u] - pi[v] overflow, and Go
	// would wrap silently. With ours every number stays small: a
	// potential is the signed cost of the tree path from the root, which
	// holds at most one artificial arc (cost 0 or art) and at most n-1
	// real ones, so 0 - (n-1)*maxCost <= pi <= art + (n-1)*maxCost, that
	// is -art < pi < 2*art; a reduced cost or the sigma of
	// updatePotential then lies within +-(3*art + maxCost) < 4*art. So
	// 4*art <= MaxInt64 is the bound, checked in integers.
	//
	// Those bounds hold for pi[u] - pi[root]. updatePotential may shift
	// every potential but a subtree's, the root's included, so all
	// potentials drift by a common amount and may wrap round the int64
	// range. That is harmless: Go's signed arithmetic wraps modulo 2^64
	// (the spec defines it), and the solver only uses differences of
	// potentials (reduced costs and sigma), whose true values lie within
	// the bounds above and so come out exact. Solve subtracts the root's
	// potential from every potential before returning them.
	var maxCost int64
	for e, c := range s.cost[:s.m] {
		maxCost = max(maxCost, c)
		if cp := s.cap[e]; cp < Inf {
			if flowBound > math.MaxInt64-cp {
				return 0, ErrTooLarge
			}
			flowBound += cp
		}
	}
	if maxCost+1 > math.MaxInt64/4/int64(s.n+1) {
		return 0, ErrTooLarge
	}
	art := (maxCost + 1) * int64(s.n+1)

	// Initialize the real arcs: all empty, at their lower bound.
	for e := range s.m {
		s.state[e] = stateLower
	}

	// Set up the artificial root, first in thread order.
	root := s.root
	s.parent[root] = -1
	s.pred[root] = -1
	s.thread[root] = 0
	s.revThread[0] = root
	s.succNum[root] = int32(s.n + 1)
	s.lastSucc[root] = root - 1
	s.pi[root] = 0

	// Add the artificial arcs and build the tree on them: each node a
	// child of the root, the thread running 0, 1, ..., n-1 and back to
	// the root. A supply node sends its supply up to the root at cost 0,
	// a demand node gets its demand down from the root at cost art, and
	// the potentials make both arcs' reduced costs zero.
	for u := int32(0); u < int32(s.n); u++ {
		e := int32(s.m) + u
		s.parent[u] = root
		s.pred[u] = e
		s.thread[u] = u + 1
		s.revThread[u+1] = u
		s.succNum[u] = 1
		s.lastSucc[u] = u
		s.cap[e] = Inf
		s.state[e] = stateTree
		if b := s.supply[u]; b >= 0 {
			s.predDir[u] = dirUp
			s.pi[u] = 0
			s.src[e], s.dst[e] = u, root
			s.flow[e] = b
			s.cost[e] = 0
		} else {
			s.predDir[u] = dirDown
			s.pi[u] = art
			s.src[e], s.dst[e] = root, u
			s.flow[e] = -b
			s.cost[e] = art
		}
	}
	if s.n == 0 {
		// LEMON returns at once on an empty graph; we solve it, the root
		// alone on its thread.
		s.thread[root] = root
		s.lastSucc[root] = root
	}
	return Optimal, nil
}

// start runs the network simplex from init's basis and reports Optimal,
// Infeasible or Unbounded. O(pivots * (block + cycle + subtree)).
func (s *solver) start() Status {
	pivot := newBlockSearch(s.m)

	// Pivot while some arc is eligible to enter the tree.
	for pivot.findEnteringArc(s) {
		s.pivots++
		s.findJoinNode()
		change := s.findLeavingArc()
		if s.delta >= Inf {
			return Unbounded
		}
		s.changeFlow(change)
		if change {
			s.updateTreeStructure()
			s.updatePotential()
		}
	}

	// Check feasibility: flow left on an artificial arc is supply that no
	// real path can deliver.
	for e := s.m; e < s.allArcNum; e++ {
		if s.flow[e] != 0 {
			return Infeasible
		}
	}
	return Optimal
}
