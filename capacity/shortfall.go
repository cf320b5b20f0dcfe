package capacity

import (
	"github.com/batikkit/batikkit/batik"
)

// ShortReason says why an order in Timetable.Unfilled falls short. It
// travels in JSON as its snake_case text.
type ShortReason string

// The reasons an order falls short, checked in this order: the first that
// applies is given.
const (
	// NoProducerWithTechnique: no producer has a capability for the
	// order's technique.
	NoProducerWithTechnique ShortReason = "no_producer_with_technique"
	// NoProducerAtGrade: producers have the technique, but none at the
	// order's MinGrade or better.
	NoProducerAtGrade ShortReason = "no_producer_at_grade"
	// AllOnQualityHold: every producer with the technique at the grade is
	// on quality hold (ScheduleOptions.Quality).
	AllOnQualityHold ShortReason = "quality_hold"
	// DueTooSoon: the order is due before the end of the first week
	// (ScheduleOptions.From), so no week's work can be on time.
	DueTooSoon ShortReason = "due_too_soon"
	// NotEnoughCapacity: even alone, the eligible producers cannot make
	// the order by its due date.
	NotEnoughCapacity ShortReason = "not_enough_capacity"
	// CapacityTaken: alone the order could be made on time, but the
	// capacity it needs is given to other orders (the plan places the most
	// pieces in all, then the lowest cost).
	CapacityTaken ShortReason = "capacity_taken"
)

// Shortfall is an order that cannot be filled on time, how many pieces it
// lacks, and why.
type Shortfall struct {
	OrderID string      `json:"order_id"`
	Pieces  int         `json:"pieces"`
	Reason  ShortReason `json:"reason"`
}

// why returns the reason order oi falls short. O(its eligible chains x
// weeks).
func (n *network) why(oi int) ShortReason {
	o := n.orders[oi]
	t, need := techIndex(o.Technique), int8(gradeRank(o.MinGrade))
	switch {
	case n.bestGrade[t] == 0:
		return NoProducerWithTechnique
	case n.bestGrade[t] < need:
		return NoProducerAtGrade
	case n.bestFree[t] < need:
		return AllOnQualityHold
	case n.lastWeek[oi] < 0:
		return DueTooSoon
	}
	var alone int64
	for _, m := range n.eligible(o) {
		base := n.chainBase[int(m.prod)*numTechs+t]
		for k := 0; k <= n.lastWeek[oi]; k++ {
			_, _, c, _ := n.g.Arc(n.weekArc[base+k])
			alone += c
		}
	}
	if alone < int64(o.Quantity) {
		return NotEnoughCapacity
	}
	return CapacityTaken
}

// gradeRank orders grades for eligibility: 3 halus, 2 sedang, 1 kasar.
func gradeRank(g batik.Grade) int {
	switch g {
	case batik.Halus:
		return 3
	case batik.Sedang:
		return 2
	case batik.Kasar:
		return 1
	}
	return 0
}
