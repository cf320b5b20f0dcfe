package capacity

import (
	"slices"
	"strings"

	"github.com/batikkit/batikkit/pricing"
)

// Shares returns the plan's lines as payout shares, one per producer in
// ProducerID order, ready for pricing.Payouts: the step from "who makes how
// many" to "who is paid how much". O(lines).
func (p Plan) Shares() []pricing.Share {
	out := make([]pricing.Share, len(p.Lines))
	for i, l := range p.Lines {
		out[i] = pricing.Share{ProducerID: l.ProducerID, Quantity: l.Quantity}
	}
	return out
}

// Shares returns the pieces each producer makes of one order over all
// weeks, one share per producer in ProducerID order, ready for
// pricing.Payouts. An order with no assignments (or not in the timetable)
// gives an empty slice. O(assignments).
func (t Timetable) Shares(orderID string) []pricing.Share {
	// Assignments are sorted by order ID, then producer ID, then week.
	lo, _ := slices.BinarySearchFunc(t.Assignments, orderID, func(a Assignment, id string) int { return strings.Compare(a.OrderID, id) })
	out := []pricing.Share{}
	for i := lo; i < len(t.Assignments) && t.Assignments[i].OrderID == orderID; i++ {
		a := t.Assignments[i]
		if n := len(out); n > 0 && out[n-1].ProducerID == a.ProducerID {
			out[n-1].Quantity += a.Quantity
			continue
		}
		out = append(out, pricing.Share{ProducerID: a.ProducerID, Quantity: a.Quantity})
	}
	return out
}
