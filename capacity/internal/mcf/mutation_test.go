package mcf

// Tests written to kill mutants gremlins found alive (see .ci/mutation).

import (
	"errors"
	"math"
	"testing"
)

// TestAddArcIndex checks that AddArc returns the index Arc and a Result's
// Flow use for the arc it added.
func TestAddArcIndex(t *testing.T) {
	var g Graph
	s, m, d := g.AddNode(5), g.AddNode(0), g.AddNode(-5)
	arcs := []struct {
		u, v int
		c, w int64
	}{{s, m, 3, 1}, {m, d, 10, 1}, {s, d, 10, 5}}
	for i, a := range arcs {
		if got := g.AddArc(a.u, a.v, a.c, a.w); got != i {
			t.Fatalf("AddArc #%d returned %d", i, got)
		}
		if u, v, c, w := g.Arc(i); u != a.u || v != a.v || c != a.c || w != a.w {
			t.Fatalf("Arc(%d) = %d %d %d %d, want %+v", i, u, v, c, w, a)
		}
	}
	if g.NumArcs() != len(arcs) {
		t.Fatalf("NumArcs %d", g.NumArcs())
	}
	// 3 units by the cheap path through m (cost 2 each), 2 direct (5 each).
	r, err := g.Solve()
	if err != nil || r.Status != Optimal {
		t.Fatalf("Solve: %v %v", r.Status, err)
	}
	if want := []int64{3, 3, 2}; r.Flow[0] != want[0] || r.Flow[1] != want[1] || r.Flow[2] != want[2] {
		t.Fatalf("Flow %v, want %v", r.Flow, want)
	}
}

// TestBlockSize pins the block search's block to LEMON's rule, about
// blockSizeFactor x sqrt(m) arcs and never under minBlockSize: 10 arcs up
// to 625 arcs, then 0.4 sqrt(m).
func TestBlockSize(t *testing.T) {
	for _, tt := range []struct{ give, want int }{{1, 10}, {100, 10}, {625, 10}, {10000, 40}, {1000000, 400}} {
		if got := newBlockSearch(tt.give).blockSize; got != tt.want {
			t.Errorf("block size for %d arcs: %d, want %d", tt.give, got, tt.want)
		}
	}
}

// TestSolveAtTheBounds checks the largest inputs Solve accepts, one unit
// short of each ErrTooLarge bound that TestSolveTooLarge crosses.
func TestSolveAtTheBounds(t *testing.T) {
	solve := func(build func(g *Graph)) (Result, error) {
		var g Graph
		build(&g)
		return g.Solve()
	}
	// Supplies summing to exactly MaxInt64 on each side, over an
	// uncapacitated arc.
	r, err := solve(func(g *Graph) {
		g.AddNode(math.MaxInt64 - 5)
		g.AddNode(5)
		g.AddNode(-math.MaxInt64)
		g.AddArc(0, 2, Inf, 1)
		g.AddArc(1, 2, Inf, 1)
	})
	if err != nil || r.Status != Optimal || r.Flow[0] != math.MaxInt64-5 || r.Flow[1] != 5 {
		t.Fatalf("supplies at MaxInt64: %v %v %v", r.Status, err, r.Flow)
	}
	// Demands summing to exactly MinInt64: they fit, and cannot be met.
	r, err = solve(func(g *Graph) {
		g.AddNode(math.MinInt64 + 1)
		g.AddNode(-1)
	})
	if err != nil || r.Status != Infeasible {
		t.Fatalf("demands at MinInt64: %v %v", r.Status, err)
	}
	// Supply plus finite capacities at exactly MaxInt64.
	r, err = solve(func(g *Graph) {
		g.AddNode(1)
		g.AddNode(-1)
		g.AddArc(0, 1, math.MaxInt64-1-5, 2)
		g.AddArc(0, 1, 5, 1)
	})
	if err != nil || r.Status != Optimal || r.Flow[1] != 1 || r.Flow[0] != 0 {
		t.Fatalf("capacities at MaxInt64: %v %v %+v", r.Status, err, r)
	}
	// The largest cost: (maxCost+1) x (n+1) x 4 <= MaxInt64, n = 2.
	limit := int64(math.MaxInt64) / 4 / 3
	r, err = solve(func(g *Graph) {
		g.AddNode(1)
		g.AddNode(-1)
		g.AddArc(0, 1, 1, limit-1)
	})
	if err != nil || r.Status != Optimal || r.Flow[0] != 1 {
		t.Fatalf("cost %d: %v %v", limit-1, r.Status, err)
	}
	r, err = solve(func(g *Graph) {
		g.AddNode(1)
		g.AddNode(-1)
		g.AddArc(0, 1, 1, limit)
	})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("cost %d: %v %v, want ErrTooLarge", limit, r.Status, err)
	}
}
