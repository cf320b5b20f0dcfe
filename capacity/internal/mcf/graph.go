package mcf

import (
	"errors"
	"math"
	"slices"
	"strconv"
)

// Status is the outcome of Solve. The zero Status means no solve
// finished: Solve returned an error.
type Status uint8

const (
	Optimal    Status = iota + 1 // an optimal flow was found
	Infeasible                   // the supplies cannot be met
	Unbounded                    // a negative cycle of unbounded capacity exists
)

// String returns "optimal", "infeasible" or "unbounded"; "unsolved" for
// the zero Status and "Status(N)" for any other value.
func (s Status) String() string {
	switch s {
	case 0:
		return "unsolved"
	case Optimal:
		return "optimal"
	case Infeasible:
		return "infeasible"
	case Unbounded:
		return "unbounded"
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// ErrTooLarge is returned when costs, supplies or capacities are so large
// that the solver's potentials or flows might not fit an int64.
var ErrTooLarge = errors.New("mcf: costs too large")

// Inf is the capacity of an uncapacitated arc.
const Inf = math.MaxInt64

// Graph is a min-cost flow problem. Build it with AddNode and AddArc, then
// call Solve. The zero Graph is an empty problem, ready to use.
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
// returns its index. Supplies must sum to zero for a feasible flow.
func (g *Graph) AddNode(supply int64) int {
	g.supply = append(g.supply, supply)
	return len(g.supply) - 1
}

// AddArc adds an arc from u to v with capacity c (>= 0; Inf for none) and
// unit cost w (>= 0), and returns its index. It does not check its
// arguments; Solve's bounds assume them.
func (g *Graph) AddArc(u, v int, c, w int64) int {
	g.src = append(g.src, int32(u))
	g.dst = append(g.dst, int32(v))
	g.cap = append(g.cap, c)
	g.cost = append(g.cost, w)
	return len(g.src) - 1
}

// NumNodes reports the number of nodes.
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
// >= 0 when Flow[e] < cap[e] and <= 0 when Flow[e] > 0 (see Verify).
// Flow and Pi are nil unless Status is Optimal.
type Result struct {
	Status Status
	Flow   []int64 // per arc
	Pi     []int64 // per node
}
