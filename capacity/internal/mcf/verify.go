package mcf

import (
	"fmt"
	"math"
)

// Verify checks that r is an optimal flow for g and returns its cost: every
// flow within its arc's capacity, every node's supply met, and the
// potentials a certificate of optimality (no residual arc has a negative
// reduced cost). It is how tests prove optimality rather than assume it.
//
// The certificate is complementary slackness: for each arc e = (u, v) with
// reduced cost red = cost[e] + Pi[u] - Pi[v], an arc with room left
// (Flow[e] < cap) must have red >= 0, and an arc carrying flow must have
// red <= 0 (its reverse, a residual arc of cost -red, must not gain). Then
// no negative cycle exists in the residual network, which for a feasible
// flow is optimality.
//
// It returns an error when r is not Optimal, when Flow or Pi have the
// wrong length, when a flow is negative or over capacity, when a node's
// net outflow differs from its supply, when a reduced cost breaks the
// certificate, or when a reduced cost or the total cost overflows an
// int64. O(n + m).
func (g *Graph) Verify(r Result) (int64, error) {
	if r.Status != Optimal {
		return 0, fmt.Errorf("mcf: status %v, not optimal", r.Status)
	}
	if len(r.Flow) != g.NumArcs() || len(r.Pi) != g.NumNodes() {
		return 0, fmt.Errorf("mcf: %d flows and %d potentials for %d arcs and %d nodes", len(r.Flow), len(r.Pi), g.NumArcs(), g.NumNodes())
	}
	bal := make([]int64, g.NumNodes())
	var cost int64
	for e := range g.NumArcs() {
		u, v, c, w := g.Arc(e)
		f := r.Flow[e]
		if f < 0 || f > c {
			return 0, fmt.Errorf("mcf: arc %d: flow %d outside [0, %d]", e, f, c)
		}
		// A net outflow beyond the int64 range cannot meet a supply.
		if bal[u] < math.MinInt64+f || bal[v] > math.MaxInt64-f {
			return 0, fmt.Errorf("mcf: arc %d: node balance overflows", e)
		}
		bal[u] -= f
		bal[v] += f
		if w > 0 && f > (math.MaxInt64-cost)/w { // cost >= 0: costs are >= 0
			return 0, fmt.Errorf("mcf: arc %d: total cost overflows", e)
		}
		cost += f * w
		red, ok := reducedCost(w, r.Pi[u], r.Pi[v])
		if !ok {
			return 0, fmt.Errorf("mcf: arc %d (%d->%d): reduced cost overflows", e, u, v)
		}
		if f < c && red < 0 {
			return 0, fmt.Errorf("mcf: arc %d (%d->%d) has residual capacity and reduced cost %d", e, u, v, red)
		}
		if f > 0 && red > 0 {
			return 0, fmt.Errorf("mcf: arc %d (%d->%d) carries flow and its reverse has reduced cost %d", e, u, v, -red)
		}
	}
	for u, b := range bal {
		// b == -supply; the second test catches -2^63 + -2^63 wrapping to 0.
		if s := g.Supply(u); b+s != 0 || (b < 0 && s < 0) {
			return 0, fmt.Errorf("mcf: node %d: supply %d, net outflow %d", u, g.Supply(u), -b)
		}
	}
	return cost, nil
}

// reducedCost returns w + pu - pv and whether it fits an int64.
func reducedCost(w, pu, pv int64) (int64, bool) {
	s := w + pu
	if (pu > 0 && s < w) || (pu < 0 && s > w) {
		return 0, false
	}
	d := s - pv
	if (pv > 0 && d > s) || (pv < 0 && d < s) {
		return 0, false
	}
	return d, true
}
