package capacity

import (
	"fmt"

	"github.com/batikkit/batikkit/capacity/internal/mcf"
)

// The spreading rule: a second solve among the optimal flows (ScheduleOptions.Spread).

// spreadTiers is how many parts of a producer-week's capacity Spread
// fills in turn.
const spreadTiers = 4

// spread re-solves among the optimal flows only, for the spreading rule.
// By complementary slackness, with the optimal potentials pi, a flow is
// optimal exactly when it leaves empty every arc of positive reduced cost,
// fills every arc of negative reduced cost, and meets the supplies. So
// those arcs are fixed, the others keep their capacity at a new cost of
// zero, except that each producer-week's arc to the sink is split into
// spreadTiers parts costing 0, 1, 2, ...; the second solve then finds the
// optimal flow that spreads best. The result is still optimal for the
// original costs, with the same potentials as proof.
func (n *network) spread(res mcf.Result) (mcf.Result, error) {
	g := &n.g
	m := g.NumArcs()
	isWeek := make([]bool, m)
	for chain, base := range n.chainBase {
		for k := 0; base >= 0 && k <= n.lastFor[chain]; k++ {
			isWeek[n.weekArc[base+k]] = true
		}
	}
	supply := make([]int64, g.NumNodes())
	for u := range supply {
		supply[u] = g.Supply(u)
	}
	flow := make([]int64, m)
	free := make([]bool, m)
	for e := range m {
		u, v, c, w := g.Arc(e)
		switch red := w + res.Pi[u] - res.Pi[v]; {
		case red > 0:
			// stays empty
		case red < 0:
			flow[e] = c // finite: an infinite arc of negative reduced cost would contradict optimality
			supply[u] -= c
			supply[v] += c
		default:
			free[e] = true
		}
	}
	var h mcf.Graph
	h.Grow(len(supply), m+3*len(n.weekArc))
	for _, s := range supply {
		h.AddNode(s)
	}
	first := make([]int, m) // the first arc of h standing for arc e, or -1
	for e := range m {
		first[e] = -1
		if !free[e] {
			continue
		}
		u, v, c, _ := g.Arc(e)
		if !isWeek[e] {
			first[e] = h.AddArc(u, v, c, 0)
			continue
		}
		for j := range int64(spreadTiers) {
			a := h.AddArc(u, v, c*(j+1)/spreadTiers-c*j/spreadTiers, j)
			if j == 0 {
				first[e] = a
			}
		}
	}
	r2, err := h.Solve()
	if err != nil || r2.Status != mcf.Optimal {
		return mcf.Result{}, fmt.Errorf("capacity: internal error: spreading found no flow (%v, %d)", err, r2.Status)
	}
	for e := range m {
		if first[e] < 0 {
			continue
		}
		tiers := 1
		if isWeek[e] {
			tiers = spreadTiers
		}
		for j := range tiers {
			flow[e] += r2.Flow[first[e]+j]
		}
	}
	return mcf.Result{Status: mcf.Optimal, Flow: flow, Pi: res.Pi}, nil
}
