package mcf

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// twoRoutes is s (supply 2) to t (demand 2) by a cheap arc 0 (cost 1) and
// a dear arc 1 (cost 5), each of capacity 2. The optimum sends both units
// on arc 0; with d = Pi[s] - Pi[t], a certificate for it needs arc 0's
// reduced cost 1+d <= 0 (it carries flow) and arc 1's 5+d >= 0 (it has
// room): d in [-5, -1].
func twoRoutes() *Graph {
	var g Graph
	g.AddNode(2)
	g.AddNode(-2)
	g.AddArc(0, 1, 2, 1)
	g.AddArc(0, 1, 2, 5)
	return &g
}

func TestVerify(t *testing.T) {
	optimal := []int64{2, 0}
	tests := []struct {
		name string
		flow []int64
		pi   []int64
		want string // in the error; "" for none
	}{
		{"optimal, d=-1", optimal, []int64{0, 1}, ""},
		{"optimal, d=-5", optimal, []int64{10, 15}, ""},
		{"optimal, d=-3", optimal, []int64{-3, 0}, ""},

		// Wrong potentials for the optimal flow: each breaks one side of
		// the certificate.
		{"potentials, d=0", optimal, []int64{0, 0}, "carries flow"},
		{"potentials, d=-6", optimal, []int64{0, 6}, "residual capacity"},

		// A feasible flow that is not optimal (cost 10, not 2): it needs
		// 1+d >= 0 and 5+d <= 0, so no potentials prove it. d=-5 passes
		// the carries-flow test and fails only the residual one; d=-1 the
		// other way round; d=0 fails the carries-flow test first.
		{"not optimal, d=-5", []int64{0, 2}, []int64{0, 5}, "residual capacity"},
		{"not optimal, d=-1", []int64{0, 2}, []int64{0, 1}, "carries flow"},
		{"not optimal, d=0", []int64{0, 2}, []int64{0, 0}, "carries flow"},
		{"not optimal, split, d=-1", []int64{1, 1}, []int64{0, 1}, "carries flow"},
		{"not optimal, split, d=-5", []int64{1, 1}, []int64{0, 5}, "residual capacity"},

		// Capacity and conservation, with potentials that would certify
		// the flow if it were feasible.
		{"over capacity", []int64{3, -1}, []int64{0, 1}, "outside"},
		{"negative flow", []int64{-1, 3}, []int64{0, 5}, "outside"},
		{"over capacity, balanced", []int64{3, 0}, []int64{0, 1}, "outside"},
		{"supply not met", []int64{1, 0}, []int64{0, 1}, "supply 2, net outflow 1"},
		{"supply exceeded", []int64{2, 1}, []int64{0, 5}, "supply 2, net outflow 3"},
		{"no flow", []int64{0, 0}, []int64{0, 1}, "supply 2, net outflow 0"},

		{"short flow", []int64{2}, []int64{0, 1}, "1 flows"},
		{"short pi", optimal, []int64{0}, "1 potentials"},
		{"overflowing potentials", optimal, []int64{math.MaxInt64, math.MinInt64}, "overflows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := twoRoutes()
			cost, err := g.Verify(Result{Status: Optimal, Flow: tt.flow, Pi: tt.pi})
			if tt.want == "" {
				if err != nil || cost != 2 {
					t.Fatalf("got %d, %v; want 2, nil", cost, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %d, %v; want an error with %q", cost, err, tt.want)
			}
		})
	}
	for _, st := range []Status{0, Infeasible, Unbounded} {
		if _, err := twoRoutes().Verify(Result{Status: st, Flow: optimal, Pi: []int64{0, 1}}); err == nil {
			t.Errorf("status %v: no error", st)
		}
	}
}

// TestVerifyOtherFlows solves schedule-shaped networks, then solves each
// again with one arc's cost changed, which gives another feasible flow.
// Complementary slackness holds for every optimal flow with every optimal
// set of potentials, so with the first solve's potentials Verify must
// accept the other flow exactly when it costs the same.
func TestVerifyOtherFlows(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	rejected := 0
	for iter := range 300 {
		g, penalty := scheduleNetwork(rng, 8, 5, 4, true)
		r, err := g.Solve()
		if err != nil || r.Status != Optimal {
			t.Fatal(iter, r.Status, err)
		}
		opt := check(t, g, r)

		h := *g
		h.cost = append([]int64(nil), g.cost...)
		e := rng.IntN(h.NumArcs())
		if r.Flow[e] > 0 {
			h.cost[e] += 2 * penalty // push flow off e
		} else {
			h.cost[e] = 0 // pull flow onto e
		}
		r2, err := h.Solve()
		if err != nil || r2.Status != Optimal {
			t.Fatal(iter, r2.Status, err)
		}
		var cost2 int64
		for a, f := range r2.Flow {
			cost2 += f * g.cost[a]
		}
		got, err := g.Verify(Result{Status: Optimal, Flow: r2.Flow, Pi: r.Pi})
		switch {
		case cost2 < opt:
			t.Fatalf("iter %d: a flow of cost %d below the optimum %d", iter, cost2, opt)
		case cost2 == opt && (err != nil || got != opt):
			t.Fatalf("iter %d: another optimal flow: got %d, %v", iter, got, err)
		case cost2 > opt && err == nil:
			t.Fatalf("iter %d: a flow of cost %d > %d passed", iter, cost2, opt)
		case cost2 > opt:
			rejected++
			// Its own potentials prove it optimal for h, not for g.
			if _, err := g.Verify(Result{Status: Optimal, Flow: r2.Flow, Pi: r2.Pi}); err == nil {
				t.Fatalf("iter %d: a flow of cost %d > %d passed with its own potentials", iter, cost2, opt)
			}
		}
	}
	if rejected < 50 {
		t.Fatalf("only %d of 300 flows were dearer: the test is too weak", rejected)
	}
}

// scheduleNetwork makes a network shaped like capacity.Schedule's: a
// source feeding each order its quantity; each order sending to the
// deadline chain of each eligible producer at that producer's unit cost;
// each chain D_K .. D_0 passing work to earlier weeks and on to the sink
// within the week's capacity; and, when bypass is set, an arc from each
// order to the sink at a penalty above any real route. It returns the
// network and the penalty.
func scheduleNetwork(rng *rand.Rand, orders, producers, weeks int, bypass bool) (*Graph, int64) {
	var g Graph
	var total int64
	qty := make([]int64, orders)
	for i := range qty {
		qty[i] = 1 + rng.Int64N(60)
		total += qty[i]
	}
	source := g.AddNode(total)
	sink := g.AddNode(-total)
	first := g.NumNodes()
	for range orders {
		g.AddNode(0)
	}
	chain := make([]int, producers) // producer p's D_k is chain[p]+k
	per := make([]int64, producers)
	cost := make([]int64, producers)
	var maxCost int64
	for p := range producers {
		chain[p] = g.NumNodes()
		for range weeks {
			g.AddNode(0)
		}
		per[p] = 1 + rng.Int64N(25)
		cost[p] = 10 + rng.Int64N(90)
		maxCost = max(maxCost, cost[p])
	}
	for i := range orders {
		g.AddArc(source, first+i, qty[i], 0)
		last := rng.IntN(weeks) // the order's last usable week
		for p := range producers {
			if rng.IntN(2) == 0 {
				continue // not eligible
			}
			g.AddArc(first+i, chain[p]+last, min(qty[i], per[p]*int64(last+1)), cost[p])
		}
	}
	for p := range producers {
		for k := range weeks {
			if k > 0 {
				g.AddArc(chain[p]+k, chain[p]+k-1, Inf, 0)
			}
			g.AddArc(chain[p]+k, sink, per[p], 0)
		}
	}
	penalty := maxCost*int64(orders+1) + 1
	if bypass {
		for i := range orders {
			g.AddArc(first+i, sink, qty[i], penalty)
		}
	}
	return &g, penalty
}

// TestSolveSchedules compares the simplex with successive shortest paths,
// an independent algorithm, on a few hundred networks shaped like
// capacity's schedules (about 20 orders, 10 producers, 6 weeks), some
// without bypass arcs and so often infeasible.
func TestSolveSchedules(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	n := 300
	if testing.Short() {
		n = 30
	}
	infeasible := 0
	for iter := range n {
		bypass := iter%10 != 0
		g, _ := scheduleNetwork(rng, 15+rng.IntN(11), 8+rng.IntN(5), 4+rng.IntN(4), bypass)
		r, err := g.Solve()
		if err != nil {
			t.Fatal(iter, err)
		}
		want, feasible := sspCost(g)
		if !feasible {
			infeasible++
			if r.Status != Infeasible {
				t.Fatalf("iter %d: status %v, want infeasible", iter, r.Status)
			}
			continue
		}
		if got := check(t, g, r); got != want {
			t.Fatalf("iter %d: cost %d, successive shortest paths %d", iter, got, want)
		}
	}
	if infeasible == 0 || infeasible == n {
		t.Fatalf("%d of %d infeasible: the generator does not test both", infeasible, n)
	}
}

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
