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
func (n *network) timetable(res mcf.Result) Timetable {
	t := Timetable{Unfilled: make(map[string]int)}
	var cents int64
	// Group the order -> chain arcs with flow by producer and technique.
	type pending struct {
		order, prod int32
		week        int // the order's last usable week
		flow        int64
	}
	groups := make(map[int][]pending)
	var keys []int
	for i, a := range n.assign {
		f := res.Flow[n.firstAssign+i]
		if f == 0 {
			continue
		}
		g := int(a.prod)*n.nt + int(a.tech)
		if _, ok := groups[g]; !ok {
			keys = append(keys, g)
		}
		groups[g] = append(groups[g], pending{a.order, a.prod, n.lastWeek[a.order], f})
		cents += f * a.cents // bounded by totalQ * maxCents, checked
	}
	slices.Sort(keys)
	techs := batik.Techniques()
	for _, g := range keys {
		list := groups[g]
		slices.SortStableFunc(list, func(a, b pending) int {
			if a.week != b.week {
				return cmp.Compare(a.week, b.week)
			}
			return cmp.Compare(a.order, b.order)
		})
		c, _ := n.prods[g/n.nt].Capability(techs[g%n.nt])
		next := 0
		base := n.chainBase[g]
		for k := 0; k <= n.lastFor[g] && next < len(list); k++ {
			made := res.Flow[n.weekArc[base+k]]
			for made > 0 && next < len(list) {
				a := &list[next]
				x := min(made, a.flow)
				t.Assignments = append(t.Assignments, Assignment{
					OrderID: n.orders[a.order].ID, ProducerID: n.prods[a.prod].ID, Week: n.from.Add(k),
					Quantity: int(x), UnitCost: c.UnitCost,
				})
				made -= x
				a.flow -= x
				if a.flow == 0 {
					next++
				}
			}
		}
	}
	// Merge pieces of one order, producer and week (from two techniques
	// cannot happen: an order has one) and sort.
	slices.SortFunc(t.Assignments, func(a, b Assignment) int {
		if c := cmp.Compare(a.OrderID, b.OrderID); c != 0 {
			return c
		}
		if c := cmp.Compare(a.ProducerID, b.ProducerID); c != 0 {
			return c
		}
		return a.Week.Compare(b.Week)
	})
	t.Shortfalls = []Shortfall{}
	for oi, e := range n.bypass {
		if f := res.Flow[e]; f > 0 {
			t.Unfilled[n.orders[oi].ID] = int(f)
			t.Shortfalls = append(t.Shortfalls, Shortfall{OrderID: n.orders[oi].ID, Pieces: int(f), Reason: n.why(oi)})
		}
	}
	if t.Assignments == nil {
		t.Assignments = []Assignment{}
	}
	t.Cost = decimal.New(cents, -2)
	return t
}
