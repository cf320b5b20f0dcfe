package mcf

import "testing"

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
