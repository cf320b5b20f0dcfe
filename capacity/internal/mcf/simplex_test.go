package mcf

import (
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
