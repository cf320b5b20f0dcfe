package capacity

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// Policy is how Allocate shares an order among the producers that can
// take part. The zero Policy means Proportional.
type Policy uint8

const (
	// Proportional shares in proportion to free capacity: when the order is
	// at least the total free capacity everyone is filled and the rest is
	// Unfilled; otherwise producer i's quota is Q*free_i/sum(free), each
	// gets the floor, and the pieces left over go one each to the largest
	// fractional remainders, ties to the lower producer ID. Remainders are
	// compared exactly in 128-bit integers. The zero Options use it.
	Proportional Policy = iota + 1
	// EvenShare is max-min fair (water-filling): the largest level L with
	// sum(min(free_i, L)) <= Q; each gets min(free_i, L), and the pieces
	// left over go one each to producers with free capacity above L, ties
	// to the lower producer ID. Nobody gets more while someone able to take
	// more has less. O(n log n).
	EvenShare
	// LowestCost fills the cheapest UnitCost first, ties to the lower
	// producer ID, each to capacity until the order is met.
	LowestCost
	// FewestProducers fills the largest free capacity first, ties to the
	// lower UnitCost, then the lower producer ID: the fewest producers that
	// can fill the order, the fewest hand-offs and the most uniform lots.
	FewestProducers
)

// String returns the policy's name as in its constant.
func (p Policy) String() string {
	switch p {
	case Proportional:
		return "Proportional"
	case EvenShare:
		return "EvenShare"
	case LowestCost:
		return "LowestCost"
	case FewestProducers:
		return "FewestProducers"
	}
	return "Policy(" + strconv.Itoa(int(p)) + ")"
}

// Policies lists every policy.
func Policies() []Policy { return []Policy{Proportional, EvenShare, LowestCost, FewestProducers} }

// Options tune Allocate and Schedule. The zero Options are valid.
type Options struct {
	Policy Policy    // zero means Proportional
	Weeks  int       // Allocate: weeks of each producer's PerWeek to use; zero means 1
	MinLot int       // smallest non-zero share a producer may get; zero means 1
	Start  time.Time // Schedule: the first day of week 0
	// Spread makes Schedule prefer, among the plans that place the most
	// pieces at the lowest cost, one that shares the work out: each
	// producer's week is filled in quarters of its PerWeek, and no quarter
	// is used while a lower one of another producer-week that the plan
	// could use instead stays empty ("share with other producers").
	Spread bool
}

// Line is one producer's share of an order.
type Line struct {
	ProducerID string
	Quantity   int
	UnitCost   decimal.Decimal
}

// SkipReason says why a producer got nothing.
type SkipReason string

// The reasons a producer is in Plan.Skipped, checked in this order.
const (
	WrongTechnique SkipReason = "wrong technique"   // no capability for the order's technique
	BelowGrade     SkipReason = "below grade"       // Grade does not reach the order's MinGrade
	NoCapacity     SkipReason = "no capacity"       // PerWeek of the capability is 0
	BelowMinLot    SkipReason = "below minimum lot" // free capacity smaller than MinLot
	NotNeeded      SkipReason = "not needed"        // eligible, but the policy filled the order without it
)

// Skip is a producer that got nothing, and why.
type Skip struct {
	ProducerID string
	Reason     SkipReason
}

// Plan is an order shared among producers.
type Plan struct {
	OrderID  string
	Lines    []Line // producers with Quantity > 0, sorted by ProducerID
	Unfilled int    // pieces no eligible capacity could take
	Skipped  []Skip // every producer that got nothing, and why, sorted by ProducerID
}

// Filled returns the pieces the plan places: the sum of its lines.
func (p Plan) Filled() int {
	n := 0
	for _, l := range p.Lines {
		n += l.Quantity
	}
	return n
}

// Cost returns the sum of Quantity x UnitCost over the lines, exact.
func (p Plan) Cost() decimal.Decimal {
	sum := decimal.Zero
	for _, l := range p.Lines {
		sum = sum.Add(l.UnitCost.Mul(decimal.NewFromInt(int64(l.Quantity))))
	}
	return sum
}
