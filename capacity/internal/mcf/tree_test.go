package mcf

import (
	"math/rand/v2"
	"testing"
)

// TestSolveUnbounded: a cycle of negative cost whose arcs all have
// unbounded capacity makes the problem unbounded, whichever way the cycle
// runs through the spanning tree and whatever flow its tree arcs carry
// already; the same cycle with one capacity bounded is solved, saturated.
func TestSolveUnbounded(t *testing.T) {
	tests := []struct {
		name   string
		supply []int64
		arcs   [][4]int64 // u, v, capacity, cost
		want   Status
		cost   int64 // of the optimum, when Optimal
	}{
		{"two nodes, no supply", []int64{0, 0}, [][4]int64{{0, 1, Inf, -1}, {1, 0, Inf, 0}}, Unbounded, 0},
		{"two nodes, the cycle's other arc first", []int64{0, 0}, [][4]int64{{1, 0, Inf, 0}, {0, 1, Inf, -1}}, Unbounded, 0},
		{"through an arc carrying the supply", []int64{5, -5}, [][4]int64{{0, 1, Inf, 1}, {1, 0, Inf, -2}}, Unbounded, 0},
		{"against an arc carrying the supply", []int64{-5, 5}, [][4]int64{{1, 0, Inf, 1}, {0, 1, Inf, -2}}, Unbounded, 0},
		{"three nodes", []int64{4, 0, -4}, [][4]int64{{0, 1, Inf, 1}, {1, 2, Inf, 1}, {2, 0, Inf, -3}, {0, 2, 10, 5}}, Unbounded, 0},
		{"one arc bounded", []int64{4, 0, -4}, [][4]int64{{0, 1, Inf, 1}, {1, 2, Inf, 1}, {2, 0, 7, -3}}, Optimal, 4*2 - 7*1},
		{"no negative cycle", []int64{4, 0, -4}, [][4]int64{{0, 1, Inf, 1}, {1, 2, Inf, 1}, {2, 0, Inf, -2}}, Optimal, 4 * 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var g Graph
			for _, b := range tt.supply {
				g.AddNode(b)
			}
			for _, a := range tt.arcs {
				g.AddArc(int(a[0]), int(a[1]), a[2], a[3])
			}
			r, err := g.Solve()
			if err != nil || r.Status != tt.want {
				t.Fatalf("got %v, %v; want %v", r.Status, err, tt.want)
			}
			if tt.want == Optimal {
				if got := check(t, &g, r); got != tt.cost {
					t.Fatalf("cost %d, want %d (flow %v)", got, tt.cost, r.Flow)
				}
			}
		})
	}
}

// TestSolveUnboundedRandom: random networks strongly connected by a ring
// of unbounded arcs whose costs sum below zero. Every supply can be met
// and the ring is a negative cycle without bound, so each is Unbounded,
// whatever the supplies and the other arcs make the tree look like when
// the simplex meets the cycle.
func TestSolveUnboundedRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 19))
	for iter := range 3000 {
		var g Graph
		n := 2 + rng.IntN(6)
		sum := int64(0)
		for range n - 1 {
			b := rng.Int64N(21) - 10
			sum += b
			g.AddNode(b)
		}
		g.AddNode(-sum)
		ring := make([]int64, n) // costs, summing to -1 or less
		total := int64(0)
		for i := range ring {
			ring[i] = rng.Int64N(41) - 15
			total += ring[i]
		}
		if total >= 0 {
			ring[rng.IntN(n)] -= total + 1 + rng.Int64N(3)
		}
		for range rng.IntN(2 * n) {
			c := int64(Inf)
			if rng.IntN(2) == 0 {
				c = rng.Int64N(30)
			}
			g.AddArc(rng.IntN(n), rng.IntN(n), c, rng.Int64N(41)-10)
		}
		perm := rng.Perm(n)
		for i := range n {
			g.AddArc(perm[i], perm[(i+1)%n], Inf, ring[i])
		}
		for range rng.IntN(2 * n) {
			g.AddArc(rng.IntN(n), rng.IntN(n), Inf, rng.Int64N(41)-10)
		}
		r, err := g.Solve()
		if err != nil || r.Status != Unbounded {
			t.Fatalf("iter %d: got %v, %v; want unbounded", iter, r.Status, err)
		}
	}
}
