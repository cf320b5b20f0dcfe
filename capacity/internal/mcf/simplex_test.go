package mcf

import (
	"errors"
	"math"
	"math/rand/v2"
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
