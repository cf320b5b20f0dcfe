package mcf

// Tests written to kill mutants gremlins found alive in Verify (see
// .ci/mutation): its overflow guards at the exact edge of the int64 range,
// from the side that fits.

import (
	"math"
	"strings"
	"testing"
)

// TestVerifyAtTheBounds: a demand of -MaxInt64 met over two arcs brings
// the node's balance to exactly MaxInt64, and at cost 1 a unit the total
// cost to exactly MaxInt64: both fit, and Verify accepts the optimum.
func TestVerifyAtTheBounds(t *testing.T) {
	for _, order := range []string{"large arc first", "small arc first"} {
		var g Graph
		g.AddNode(math.MaxInt64 - 5)
		g.AddNode(5)
		g.AddNode(-math.MaxInt64)
		if order == "large arc first" {
			g.AddArc(0, 2, Inf, 1)
			g.AddArc(1, 2, Inf, 1)
		} else {
			g.AddArc(1, 2, Inf, 1)
			g.AddArc(0, 2, Inf, 1)
		}
		r, err := g.Solve()
		if err != nil || r.Status != Optimal {
			t.Fatalf("%s: %v %v", order, r.Status, err)
		}
		cost, err := g.Verify(r)
		if err != nil || cost != math.MaxInt64 {
			t.Fatalf("%s: Verify = %d, %v; want MaxInt64, nil", order, cost, err)
		}
	}

	// One unit at cost MaxInt64, certified by potentials MaxInt64 apart.
	var g Graph
	g.AddNode(1)
	g.AddNode(-1)
	g.AddArc(0, 1, 1, math.MaxInt64)
	cost, err := g.Verify(Result{Status: Optimal, Flow: []int64{1}, Pi: []int64{0, math.MaxInt64}})
	if err != nil || cost != math.MaxInt64 {
		t.Fatalf("one unit at cost MaxInt64: Verify = %d, %v; want MaxInt64, nil", cost, err)
	}
	// One more unit of cost does not fit.
	g.AddNode(1)
	g.AddNode(-1)
	g.AddArc(2, 3, 1, 1)
	_, err = g.Verify(Result{Status: Optimal, Flow: []int64{1, 1}, Pi: []int64{0, math.MaxInt64, 0, 1}})
	if err == nil || !strings.Contains(err.Error(), "total cost overflows") {
		t.Fatalf("cost MaxInt64 + 1: %v, want a total cost overflow", err)
	}
}

// TestVerifyNamesTheReducedCost: Verify's error names the reduced cost
// that breaks the certificate, of the arc or of its reverse.
func TestVerifyNamesTheReducedCost(t *testing.T) {
	g := twoRoutes()
	// Pi[s] = Pi[t]: arc 0 carries flow at reduced cost 1, so its reverse
	// has -1.
	_, err := g.Verify(Result{Status: Optimal, Flow: []int64{2, 0}, Pi: []int64{0, 0}})
	if err == nil || !strings.Contains(err.Error(), "arc 0 (0->1) carries flow and its reverse has reduced cost -1") {
		t.Fatalf("got %v", err)
	}
	// Pi[t] = Pi[s] + 6: arc 1 has room at reduced cost 5 - 6 = -1.
	_, err = g.Verify(Result{Status: Optimal, Flow: []int64{2, 0}, Pi: []int64{0, 6}})
	if err == nil || !strings.Contains(err.Error(), "arc 1 (0->1) has residual capacity and reduced cost -1") {
		t.Fatalf("got %v", err)
	}
}
