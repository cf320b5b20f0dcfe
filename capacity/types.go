package capacity

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/shopspring/decimal"
)

// Policy is how Allocate shares an order among the producers that can
// take part. The zero Policy means Proportional: Allocate uses it, and
// String and MarshalText write "proportional" for it. Policies travel in
// JSON as snake_case text ("even_share"); ParsePolicy and UnmarshalText
// also accept the constant's Go name ("EvenShare"), in any case.
type Policy uint8

const (
	// Proportional shares in proportion to free capacity: when the order is
	// at least the total free capacity everyone is filled and the rest is
	// Unfilled; otherwise producer i's quota is Q*free_i/sum(free), each
	// gets the floor, and the pieces left over go one each to the largest
	// fractional remainders, ties to the lower producer ID. Remainders are
	// compared exactly in 128-bit integers. The zero AllocateOptions use it.
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

var policyNames = [...]string{0: "proportional", Proportional: "proportional", EvenShare: "even_share",
	LowestCost: "lowest_cost", FewestProducers: "fewest_producers"}

// String returns the policy's text form: "proportional", "even_share",
// "lowest_cost" or "fewest_producers" ("proportional" for the zero Policy,
// which means it). An unknown value prints as "Policy(9)".
func (p Policy) String() string {
	if int(p) < len(policyNames) {
		return policyNames[p]
	}
	return "Policy(" + strconv.Itoa(int(p)) + ")"
}

// ParsePolicy reads a policy's text form or its Go name, in any case and
// with '_', '-' or ' ' between words ("even_share", "EvenShare", "even
// share"). Anything else is an *InputError wrapping ErrInvalid that quotes
// the text and lists the names.
func ParsePolicy(s string) (Policy, error) {
	key := strings.Map(func(r rune) rune {
		switch r {
		case '_', '-', ' ':
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	for p := Proportional; p <= FewestProducers; p++ {
		if key == strings.ReplaceAll(policyNames[p], "_", "") {
			return p, nil
		}
	}
	return 0, invalid("policy", quote(s), cPolicy)
}

// MarshalText returns the policy's text form; an unknown value is an error.
func (p Policy) MarshalText() ([]byte, error) {
	if p > FewestProducers {
		return nil, invalid("policy", p.String(), cPolicy)
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads what ParsePolicy reads.
func (p *Policy) UnmarshalText(b []byte) error {
	v, err := ParsePolicy(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Policies lists every policy.
func Policies() []Policy { return []Policy{Proportional, EvenShare, LowestCost, FewestProducers} }

// FreeCapacity is a view of the pieces each producer can still take with a
// technique in a week, for planning on what is left rather than on PerWeek.
// The capacity ledger's snapshots implement it (Ledger.Free); a caller can
// too. Allocate and Schedule call Free once per producer, technique and
// week they consider; a negative answer counts as 0. Implementations used
// from several goroutines must be safe for concurrent use.
type FreeCapacity interface {
	Free(producerID string, technique batik.Technique, week Week) int
}

// AllocateOptions tune Allocate. The zero AllocateOptions are valid: the
// Proportional policy over one week of each producer's PerWeek.
type AllocateOptions struct {
	Policy Policy `json:"policy,omitzero"`  // zero means Proportional
	Weeks  int    `json:"weeks,omitzero"`   // weeks of capacity to use; zero means 1
	MinLot int    `json:"min_lot,omitzero"` // smallest non-zero share; zero means 1
	// From is the first of the Weeks weeks. It is needed with Free, and
	// otherwise unused (every week then has PerWeek).
	From Week `json:"from,omitzero"`
	// Free, when set, replaces PerWeek: a producer's capacity for the order
	// is the sum of Free over weeks From .. From+Weeks-1.
	Free FreeCapacity `json:"-"`
	// Quality is the lot-inspection states the caller keeps (one per
	// producer and technique, see batik/aql). A producer whose state for
	// the order's technique is discontinued (ISO 2859-1 clause 9.4) is
	// skipped as QualityHold until corrective action resumes it.
	Quality []aql.State `json:"-"`
}

// ScheduleOptions tune Schedule. From is required.
type ScheduleOptions struct {
	From Week `json:"from"` // week 0 of the plan: the first week work can be done
	// Spread makes Schedule prefer, among the plans that place the most
	// pieces at the lowest cost, one that shares the work out: each
	// producer's week is filled in quarters of its capacity, and no quarter
	// is used while a lower one of another producer-week that the plan
	// could use instead stays empty ("share with other producers").
	Spread bool `json:"spread,omitzero"`
	// Free, when set, replaces PerWeek as each producer-week's capacity.
	Free FreeCapacity `json:"-"`
	// Quality: as AllocateOptions.Quality; a producer on quality hold for
	// a technique gets no work with it.
	Quality []aql.State `json:"-"`
}

// Line is one producer's share of an order.
type Line struct {
	ProducerID string          `json:"producer_id"`
	Quantity   int             `json:"quantity"`
	UnitCost   decimal.Decimal `json:"unit_cost"` // a JSON string, whatever decimal's package settings say
}

// SkipReason says why a producer got nothing. It travels in JSON as its
// snake_case text; ParseSkipReason and UnmarshalText refuse other text.
type SkipReason string

// The reasons a producer is in Plan.Skipped, checked in this order.
const (
	WrongTechnique SkipReason = "wrong_technique" // no capability for the order's technique
	BelowGrade     SkipReason = "below_grade"     // the capability's Grade does not reach the order's MinGrade
	QualityHold    SkipReason = "quality_hold"    // lot inspection of the producer's work with the technique is discontinued (AllocateOptions.Quality)
	NoCapacity     SkipReason = "no_capacity"     // no free capacity: PerWeek is 0 (or Free gave 0 in every week)
	BelowMinLot    SkipReason = "below_min_lot"   // free capacity smaller than MinLot
	NotNeeded      SkipReason = "not_needed"      // eligible, but the policy filled the order without it
)

// SkipReasons lists every SkipReason in the order they are checked.
func SkipReasons() []SkipReason {
	return []SkipReason{WrongTechnique, BelowGrade, QualityHold, NoCapacity, BelowMinLot, NotNeeded}
}

// ParseSkipReason returns the reason whose text is s, or an *InputError
// wrapping ErrInvalid.
func ParseSkipReason(s string) (SkipReason, error) {
	for _, r := range SkipReasons() {
		if string(r) == s {
			return r, nil
		}
	}
	return "", invalid("reason", quote(s), cSkipReason)
}

// UnmarshalText reads what ParseSkipReason reads.
func (r *SkipReason) UnmarshalText(b []byte) error {
	v, err := ParseSkipReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Skip is a producer that got nothing, and why.
type Skip struct {
	ProducerID string     `json:"producer_id"`
	Reason     SkipReason `json:"reason"`
}

// Plan is an order shared among producers.
type Plan struct {
	OrderID  string `json:"order_id"`
	Lines    []Line `json:"lines"`    // producers with Quantity > 0, sorted by ProducerID; [] in JSON when empty
	Unfilled int    `json:"unfilled"` // pieces no eligible capacity could take
	Skipped  []Skip `json:"skipped"`  // every producer that got nothing, and why, sorted by ProducerID; [] in JSON when empty
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

// holds is the set of (producer, technique) on quality hold.
type holds map[[2]string]bool

// holdsOf checks the quality states and returns the discontinued ones as
// a set, nil when none is. A state's technique must be a batik technique's
// canonical text ("tulis", not "TULIS" or "Batik Tulis"), so that no
// spelling can hide a discontinued workshop, and a producer has at most
// one state per technique. O(len(states)).
func holdsOf(states []aql.State) (holds, error) {
	var h holds
	var seen map[[2]string]int
	for i, s := range states {
		field := func() string { return "opts.quality[" + strconv.Itoa(i) + "]" }
		if t := batik.Technique(s.Technique); !t.Valid() {
			return nil, invalid(field()+".technique", quote(s.Technique), cQualityTechnique)
		}
		if len(states) > 1 {
			if seen == nil {
				seen = make(map[[2]string]int, len(states))
			}
			k := [2]string{s.Producer, s.Technique}
			if j, ok := seen[k]; ok {
				return nil, invalid(field(), quote(s.Producer+"/"+s.Technique), cQualityTwice, strconv.Itoa(j))
			}
			seen[k] = i
		}
		if s.Discontinued {
			if h == nil {
				h = make(holds)
			}
			h[[2]string{s.Producer, s.Technique}] = true
		}
	}
	return h, nil
}

func (h holds) on(producerID string, t batik.Technique) bool {
	return h != nil && h[[2]string{producerID, string(t)}]
}
