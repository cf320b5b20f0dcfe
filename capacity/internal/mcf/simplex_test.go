package mcf

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// check is Verify for tests: it fails t when r is not an optimal flow of g
// and returns its cost.
func check(t testing.TB, g *Graph, r Result) int64 {
	t.Helper()
	cost, err := g.Verify(r)
	if err != nil {
		t.Fatal(err)
	}
	return cost
}

// sspCost is an independent solver: successive shortest paths with
// Bellman-Ford from a super source, for small graphs.
func sspCost(g *Graph) (int64, bool) {
	n := g.NumNodes()
	type arc struct {
		to     int
		cap, w int64
		rev    int
	}
	adj := make([][]arc, n+2)
	add := func(u, v int, c, w int64) {
		adj[u] = append(adj[u], arc{v, c, w, len(adj[v])})
		adj[v] = append(adj[v], arc{u, 0, -w, len(adj[u]) - 1})
	}
	for e := range g.NumArcs() {
		u, v, c, w := g.Arc(e)
		add(u, v, c, w)
	}
	S, T := n, n+1
	need := int64(0)
	for u := range n {
		if s := g.Supply(u); s > 0 {
			add(S, u, s, 0)
			need += s
		} else if s < 0 {
			add(u, T, -s, 0)
		}
	}
	var cost int64
	for need > 0 {
		dist := make([]int64, n+2)
		for i := range dist {
			dist[i] = 1 << 62
		}
		prevN, prevA := make([]int, n+2), make([]int, n+2)
		dist[S] = 0
		for range n + 2 {
			changed := false
			for u := range adj {
				if dist[u] == 1<<62 {
					continue
				}
				for i, a := range adj[u] {
					if a.cap > 0 && dist[u]+a.w < dist[a.to] {
						dist[a.to], prevN[a.to], prevA[a.to], changed = dist[u]+a.w, u, i, true
					}
				}
			}
			if !changed {
				break
			}
		}
		if dist[T] == 1<<62 {
			return 0, false
		}
		f := need
		for v := T; v != S; v = prevN[v] {
			f = min(f, adj[prevN[v]][prevA[v]].cap)
		}
		for v := T; v != S; v = prevN[v] {
			a := &adj[prevN[v]][prevA[v]]
			a.cap -= f
			adj[v][a.rev].cap += f
		}
		cost += f * dist[T]
		need -= f
	}
	return cost, true
}

func TestSolveRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 3000 {
		var g Graph
		n := 2 + rng.IntN(9)
		supplies := make([]int64, n)
		for range rng.IntN(4) + 1 {
			a, b := rng.IntN(n), rng.IntN(n)
			q := int64(rng.IntN(20))
			supplies[a] += q
			supplies[b] -= q
		}
		for _, s := range supplies {
			g.AddNode(s)
		}
		for range rng.IntN(3 * n) {
			u, v := rng.IntN(n), rng.IntN(n)
			c := int64(rng.IntN(25))
			if rng.IntN(6) == 0 {
				c = Inf
			}
			g.AddArc(u, v, c, int64(rng.IntN(10)))
		}
		r, err := g.Solve()
		if err != nil {
			t.Fatal(err)
		}
		want, feasible := sspCost(&g)
		if !feasible {
			if r.Status != Infeasible {
				t.Fatalf("iter %d: want infeasible, got %d", iter, r.Status)
			}
			continue
		}
		if got := check(t, &g, r); got != want {
			t.Fatalf("iter %d: cost %d, want %d", iter, got, want)
		}
	}
}

func TestSolveEmpty(t *testing.T) {
	var g Graph
	r, err := g.Solve()
	if err != nil || r.Status != Optimal {
		t.Fatal(r.Status, err)
	}
	g.AddNode(0)
	r, err = g.Solve()
	if err != nil || r.Status != Optimal {
		t.Fatal(r.Status, err)
	}
}

func TestStatusString(t *testing.T) {
	tests := []struct {
		give Status
		want string
	}{
		{0, "unsolved"},
		{Optimal, "optimal"},
		{Infeasible, "infeasible"},
		{Unbounded, "unbounded"},
		{9, "Status(9)"},
	}
	for _, tt := range tests {
		if got := tt.give.String(); got != tt.want {
			t.Errorf("Status(%d).String() = %q, want %q", uint8(tt.give), got, tt.want)
		}
	}
}

func TestSolveTooLarge(t *testing.T) {
	tests := []struct {
		name  string
		build func(g *Graph)
	}{
		{"cost", func(g *Graph) {
			g.AddNode(1)
			g.AddNode(-1)
			g.AddArc(0, 1, 1, math.MaxInt64/8)
		}},
		{"supply", func(g *Graph) {
			g.AddNode(math.MaxInt64)
			g.AddNode(math.MaxInt64)
			g.AddNode(math.MinInt64)
		}},
		{"demand", func(g *Graph) {
			g.AddNode(math.MinInt64)
			g.AddNode(math.MinInt64)
		}},
		{"capacity", func(g *Graph) {
			g.AddNode(1)
			g.AddNode(-1)
			g.AddArc(0, 1, math.MaxInt64-1, 1)
			g.AddArc(0, 1, 5, 1)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Graph
			tt.build(&g)
			r, err := g.Solve()
			if !errors.Is(err, ErrTooLarge) || r.Status != 0 {
				t.Fatalf("got %v, %v; want ErrTooLarge", r.Status, err)
			}
		})
	}
}

func TestSolveUnbalanced(t *testing.T) {
	var g Graph
	g.AddNode(2)
	g.AddNode(-1)
	g.AddArc(0, 1, Inf, 1)
	if r, err := g.Solve(); err != nil || r.Status != Infeasible {
		t.Fatalf("got %v, %v; want infeasible", r.Status, err)
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

// TestPivotsCounted: the solver counts its pivots, which
// BenchmarkSolveDIMACS reports. Sending 5 units from s to d over the
// arcs of TestAddArcIndex takes at least two (both real paths carry flow,
// so two real arcs enter the tree), and Solve's result comes from the
// same run.
func TestPivotsCounted(t *testing.T) {
	var g Graph
	s, m, d := g.AddNode(5), g.AddNode(0), g.AddNode(-5)
	g.AddArc(s, m, 3, 1)
	g.AddArc(m, d, 10, 1)
	g.AddArc(s, d, 10, 5)
	if n := pivots(t, &g); n < 2 {
		t.Fatalf("%d pivots, want at least 2", n)
	}
	var empty Graph
	if n := pivots(t, &empty); n != 0 {
		t.Fatalf("%d pivots on an empty graph, want 0", n)
	}
}

// TestMixedOrder: each slot holds the arc LEMON's loop puts there, filling
// the slots j, j+skip, j+2*skip, ... for j = 0, 1, ..., skip-1 in turn,
// and each visits the slots in increasing order.
func TestMixedOrder(t *testing.T) {
	for _, m := range []int{0, 1, 2, 3, 7, 10, 11, 100, 1001} {
		for _, skip := range []int{1, 2, 3, 4, 7, 50, 2000} {
			want := make([]int, m)
			for j, a := 0, 0; j < skip; j++ {
				for i := j; i < m; i += skip {
					want[i] = a
					a++
				}
			}
			var got []int
			next := 0
			newMixedOrder(m, skip).each(func(slot, arc int) {
				if slot != next {
					t.Fatalf("m %d, skip %d: slot %d visited after %d", m, skip, slot, next-1)
				}
				next++
				got = append(got, arc)
			})
			if !slices.Equal(got, want) && (m > 0 || len(got) > 0) {
				t.Fatalf("m %d, skip %d: arcs %v, want %v", m, skip, got, want)
			}
		}
	}
}
