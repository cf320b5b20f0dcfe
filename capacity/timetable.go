package capacity

import (
	"cmp"
	"slices"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity/internal/mcf"
	"github.com/shopspring/decimal"
)

// From an optimal flow to a Timetable: weekly output given to the orders
// due soonest.

// timetable turns the flow into assignments. The flow says how many pieces
// each order gets from each producer, and how many each producer makes in
// each week; pieces of a week go to the orders due soonest (then by order
// ID), which always meets every due date when any assignment can.
// O(a log a) for a order -> chain arcs with flow, plus the chains' weeks.
func (n *network) timetable(res mcf.Result) Timetable {
	t := Timetable{Unfilled: make(map[string]int), Shortfalls: []Shortfall{}}
	made, cents := n.weeklyWork(res)
	techs := batik.Techniques()
	t.Assignments = make([]Assignment, len(made))
	for i, m := range made {
		c, _ := n.prods[m.prod].Capability(techs[int(m.chain)%numTechs])
		t.Assignments[i] = Assignment{
			OrderID: n.orders[m.order].ID, ProducerID: n.prods[m.prod].ID, Week: n.from.Add(int(m.week)),
			Quantity: int(m.qty), UnitCost: c.UnitCost,
		}
	}
	for oi, e := range n.bypass {
		if f := res.Flow[e]; f > 0 {
			t.Unfilled[n.orders[oi].ID] = int(f)
			t.Shortfalls = append(t.Shortfalls, Shortfall{OrderID: n.orders[oi].ID, Pieces: int(f), Reason: n.why(oi)})
		}
	}
	t.Cost = decimal.New(cents, -2)
	return t
}

// work is pieces of an order made by a producer, through a chain, in a
// week.
type work struct {
	order, prod, week, chain int32
	qty                      int64
}

// weeklyWork returns the pieces made of each order by each producer in
// each week, sorted by order, producer and week (orders and producers are
// numbered in ID order; an order has one technique, so no two entries
// share all three), and their cost in sen.
func (n *network) weeklyWork(res mcf.Result) ([]work, int64) {
	// The order -> chain arcs with flow, by chain, then by the order's
	// last usable week and order (the orders due soonest first).
	type pending struct {
		chain, week, order int32
		flow               int64
	}
	var flows []pending
	var cents int64
	for e := n.firstAssign; e < n.firstAssign+n.numAssign; e++ {
		f := res.Flow[e]
		if f == 0 {
			continue
		}
		oi, node, _, w := n.g.Arc(e)
		flows = append(flows, pending{n.chainOf[node], int32(n.lastWeek[oi]), int32(oi), f})
		cents += f * w // bounded by totalQ * maxCents, checked
	}
	slices.SortFunc(flows, func(a, b pending) int {
		return cmp.Or(cmp.Compare(a.chain, b.chain), cmp.Compare(a.week, b.week), cmp.Compare(a.order, b.order))
	})
	// Each chain's weekly output to its orders, in that order.
	var out []work
	for i := 0; i < len(flows); {
		g := int(flows[i].chain)
		base, next := n.chainBase[g], i
		for i < len(flows) && int(flows[i].chain) == g {
			i++
		}
		for k := 0; k <= n.lastFor[g] && next < i; k++ {
			made := res.Flow[n.weekArc[base+k]]
			for made > 0 && next < i {
				a := &flows[next]
				x := min(made, a.flow)
				out = append(out, work{a.order, int32(g / numTechs), int32(k), int32(g), x})
				made -= x
				if a.flow -= x; a.flow == 0 {
					next++
				}
			}
		}
	}
	slices.SortFunc(out, func(x, y work) int {
		return cmp.Or(cmp.Compare(x.order, y.order), cmp.Compare(x.prod, y.prod), cmp.Compare(x.week, y.week))
	})
	return out, cents
}
