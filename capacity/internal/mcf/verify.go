package mcf

import "fmt"

// Verify checks that r is an optimal flow for g and returns its cost: every
// flow within its arc's capacity, every node's supply met, and the
// potentials a certificate of optimality (no residual arc has a negative
// reduced cost). It is how tests prove optimality rather than assume it.
func (g *Graph) Verify(r Result) (int64, error) {
	if r.Status != Optimal {
		return 0, fmt.Errorf("mcf: status %d, not optimal", r.Status)
	}
	bal := make([]int64, g.NumNodes())
	var cost int64
	for e := range g.NumArcs() {
		u, v, c, w := g.Arc(e)
		f := r.Flow[e]
		if f < 0 || f > c {
			return 0, fmt.Errorf("mcf: arc %d: flow %d outside [0, %d]", e, f, c)
		}
		bal[u] -= f
		bal[v] += f
		cost += f * w
		red := w + r.Pi[u] - r.Pi[v]
		if f < c && red < 0 {
			return 0, fmt.Errorf("mcf: arc %d (%d->%d) has residual capacity and reduced cost %d", e, u, v, red)
		}
		if f > 0 && red > 0 {
			return 0, fmt.Errorf("mcf: arc %d (%d->%d) carries flow and its reverse has reduced cost %d", e, u, v, -red)
		}
	}
	for u, b := range bal {
		if b+g.Supply(u) != 0 {
			return 0, fmt.Errorf("mcf: node %d: supply %d, net outflow %d", u, g.Supply(u), -b)
		}
	}
	return cost, nil
}
