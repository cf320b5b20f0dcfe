package capacity

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// cand is a producer eligible for the order, in producer-ID order.
type cand struct {
	rank  int32 // position in ID order among all producers
	free  int64 // PerWeek * Weeks
	cents int64 // UnitCost in sen
}

// Allocate splits one order among producers. Capacity of a producer for the
// order is PerWeek of its capability for order.Technique times opts.Weeks,
// or, with opts.Free, the sum of Free over weeks opts.From ..
// opts.From+Weeks-1; producers without the technique, or whose capability
// for it is below order.MinGrade, get nothing. A producer with no
// capabilities at all is an invalid record, refused with an error as
// Schedule refuses it. A shortfall is not an error: it is Plan.Unfilled.
// Errors are for invalid input only.
//
// The policies and MinLot are described in the package documentation and at
// each Policy constant. Every result satisfies: the lines' quantities plus
// Unfilled equal order.Quantity; no line exceeds its producer's free
// capacity or falls below MinLot; only eligible producers have lines; every
// other producer is in Skipped with one reason; and the plan does not
// depend on the order of the producers slice.
//
// Allocate validates the order with Order.Validate and checks of each
// producer only what the allocation relies on, directly and without
// reflection: a non-empty ID, unique among the producers; and for every
// capability a known technique listed once, a known grade, PerWeek in [0,
// batik.MaxQuantity] and UnitCost in [0, batik.MaxUnitCost] with at most 2
// decimals. It returns an *InputError naming the field and value, wrapping
// ErrInvalid, for any of these, for a negative Weeks or MinLot or an
// unknown Policy, for Free set without From, for a Free answer above
// batik.MaxQuantity, for more than MaxProducerWeeks producers x Weeks
// (refused before any producer is read), and wrapping ErrOverflow when
// free capacities (PerWeek*Weeks) or their sum do not fit an int64.
//
// O(n log n) for n producers (one sort by ID; the policies add an integer
// sort or a linear selection), with a constant number of allocations
// besides the plan's lines and skips; up to 32 producers, none besides them
// with Proportional or EvenShare (the scratch arrays are on the stack).
// Safe for concurrent use.
func Allocate(order batik.Order, producers []batik.Producer, opts AllocateOptions) (Plan, error) {
	if err := order.Validate(); err != nil {
		return Plan{}, &InputError{Field: "order", Value: quote(order.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
	}
	policy, weeks, minLot, err := allocateOptions(opts, len(producers))
	if err != nil {
		return Plan{}, err
	}
	// Scratch arrays live on the stack for up to smallN producers (the
	// usual order), on the heap beyond.
	var recBuf [smallN]rec
	recs := scratch(recBuf[:], len(producers))
	if err := readProducers(order, producers, opts, weeks, minLot, recs); err != nil {
		return Plan{}, err
	}
	var keyBuf [smallN]idKey
	byID, err := sortIDs(keyBuf[:0], producers)
	if err != nil {
		return Plan{}, err
	}

	// The candidates in ID order, with their unit costs beside them;
	// reasons[rank] for the others.
	var reasonBuf [smallN]reasonCode
	var candBuf [smallN]cand
	var costBuf [smallN]decimal.Decimal
	reasons := scratch(reasonBuf[:], len(byID)) // by rank; 0 for candidates
	cands := scratch(candBuf[:], len(byID))[:0]
	unitCosts := scratch(costBuf[:], len(byID))[:0]
	var total int64
	for rank, k := range byID {
		r := &recs[k.i]
		if r.reason != 0 {
			reasons[rank] = r.reason
			continue
		}
		if total > math.MaxInt64-r.free {
			return Plan{}, overflow("producers", "", cFreeSum)
		}
		total += r.free
		cands = append(cands, cand{rank: int32(rank), free: r.free, cents: r.cents})
		unitCosts = append(unitCosts, r.unitCost)
	}

	var allocBuf [smallN]int64
	alloc := scratch(allocBuf[:], len(cands))
	q := int64(order.Quantity)
	if minLot == 1 {
		share(policy, cands, total, q, alloc)
	} else {
		shareMinLot(policy, cands, q, minLot, alloc)
	}
	return planOf(order, byID, cands, unitCosts, alloc, reasons), nil
}

// allocateOptions checks opts for a call with the given number of
// producers and returns the policy, the weeks and the minimum lot it
// means.
func allocateOptions(opts AllocateOptions, producers int) (policy Policy, weeks, minLot int64, err error) {
	policy = opts.Policy
	if policy == 0 {
		policy = Proportional
	}
	switch {
	case policy > FewestProducers:
		return 0, 0, 0, invalid("opts.policy", policy.String(), cPolicy)
	case opts.Weeks < 0:
		return 0, 0, 0, invalid("opts.weeks", strconv.Itoa(opts.Weeks), cDefaultOne)
	case opts.MinLot < 0:
		return 0, 0, 0, invalid("opts.min_lot", strconv.Itoa(opts.MinLot), cDefaultOne)
	case opts.Free != nil && opts.From.IsZero():
		return 0, 0, 0, invalid("opts.from", `""`, cFromWithFree)
	case opts.Weeks > MaxWeeks:
		return 0, 0, 0, invalid("opts.weeks", strconv.Itoa(opts.Weeks), cAtMost, strconv.Itoa(MaxWeeks))
	}
	weeks, minLot = int64(max(opts.Weeks, 1)), int64(max(opts.MinLot, 1))
	if err := checkProducerWeeks(producers, int(weeks)); err != nil {
		return 0, 0, 0, err
	}
	return policy, weeks, minLot, nil
}

// rec is what Allocate needs of producers[i], in recs[i].
type rec struct {
	free, cents int64           // free capacity for the order, UnitCost in sen
	unitCost    decimal.Decimal // UnitCost, for the plan's line
	reason      reasonCode      // why the producer cannot take part, 0 if it can
}

// readProducers checks the producers and records, in one
// sequential pass, which can take part in the order and with what free
// capacity: capacity is PerWeek x weeks, or the sum of opts.Free over the
// weeks; below minLot the producer is skipped.
func readProducers(order batik.Order, producers []batik.Producer, opts AllocateOptions, weeks, minLot int64, recs []rec) error {
	onHold, err := holdsOf(opts.Quality)
	if err != nil {
		return err
	}
	for pi := range producers {
		p := &producers[pi]
		if err := checkProducer(p, pi); err != nil {
			return err
		}
		r := &recs[pi]
		ci := -1 // the capability for the order's technique
		for i := range p.Capabilities {
			if p.Capabilities[i].Technique == order.Technique {
				ci = i
				break
			}
		}
		switch {
		case ci < 0:
			r.reason = wrongTechnique
			continue
		case !p.Capabilities[ci].Grade.AtLeast(order.MinGrade):
			r.reason = belowGrade
			continue
		case onHold.on(p.ID, order.Technique):
			r.reason = qualityHold
			continue
		}
		c := &p.Capabilities[ci]
		var free uint64
		if opts.Free == nil {
			var hi uint64
			hi, free = bits.Mul64(uint64(c.PerWeek), uint64(weeks))
			if hi != 0 || free > math.MaxInt64 {
				return overflow(path(int32(pi), ci, "per_week"), strconv.Itoa(c.PerWeek), cTimesWeeks, strconv.FormatInt(weeks, 10))
			}
		} else {
			for k := range int(weeks) {
				f, err := freeIn(opts.Free, p.ID, order.Technique, opts.From.Add(k))
				if err != nil {
					return err
				}
				free += uint64(f) // at most MaxWeeks * MaxQuantity: no overflow
			}
		}
		if free == 0 {
			r.reason = noCapacity
			continue
		}
		if int64(free) < minLot {
			r.reason = belowMinLot
			continue
		}
		r.free = int64(free)
		r.cents, _ = pricing.Cents(c.UnitCost) // checked by checkProducer
		r.unitCost = c.UnitCost
	}
	return nil
}

// planOf writes the plan: a line for each candidate given pieces, in ID
// order, and every other producer in Skipped with its reason (not_needed
// for a candidate given nothing).
func planOf(order batik.Order, byID []idKey, cands []cand, unitCosts []decimal.Decimal, alloc []int64, reasons []reasonCode) Plan {
	plan := Plan{OrderID: order.ID}
	filled, nLines := int64(0), 0
	for i, c := range cands {
		if alloc[i] > 0 {
			filled += alloc[i]
			nLines++
		} else {
			reasons[c.rank] = notNeeded
		}
	}
	plan.Unfilled = order.Quantity - int(filled)
	plan.Lines = make([]Line, 0, nLines)
	plan.Skipped = make([]Skip, 0, len(byID)-nLines)
	ci := 0
	for rank, k := range byID {
		if reasons[rank] != 0 {
			plan.Skipped = append(plan.Skipped, Skip{ProducerID: k.id, Reason: reasonText[reasons[rank]]})
			if ci < len(cands) && cands[ci].rank == int32(rank) {
				ci++
			}
			continue
		}
		plan.Lines = append(plan.Lines, Line{ProducerID: k.id, Quantity: int(alloc[ci]), UnitCost: unitCosts[ci]})
		ci++
	}
	return plan
}

// MaxProducerWeeks bounds one Allocate or Schedule call: its producers
// times the weeks it plans on (Allocate: opts.Weeks, at least 1;
// Schedule: from opts.From to the last week an order can use). Each
// producer-week can be a call to FreeCapacity.Free, a node of Schedule's
// network and a line of a booking, so a larger request is refused, in
// O(1) memory, before it is planned.
const MaxProducerWeeks = 1_000_000

// checkProducerWeeks refuses a request of more than MaxProducerWeeks
// producer-weeks.
func checkProducerWeeks(producers, weeks int) error {
	if pw := int64(producers) * int64(weeks); pw > MaxProducerWeeks {
		return invalid("producers", strconv.Itoa(producers)+" x "+strconv.Itoa(weeks), cTooManySlots, strconv.FormatInt(pw, 10), strconv.Itoa(MaxProducerWeeks))
	}
	return nil
}

// smallN is how many producers Allocate handles with scratch arrays on
// the stack.
const smallN = 32

// scratch returns buf[:n] cleared when n fits, else a new slice of n.
func scratch[T any](buf []T, n int) []T {
	if n <= len(buf) {
		clear(buf[:n])
		return buf[:n]
	}
	return make([]T, n)
}

// reasonCode is a SkipReason in one byte, for the per-producer arrays.
type reasonCode uint8

const (
	wrongTechnique reasonCode = iota + 1
	belowGrade
	qualityHold
	noCapacity
	belowMinLot
	notNeeded
)

var reasonText = [...]SkipReason{
	wrongTechnique: WrongTechnique,
	belowGrade:     BelowGrade,
	qualityHold:    QualityHold,
	noCapacity:     NoCapacity,
	belowMinLot:    BelowMinLot,
	notNeeded:      NotNeeded,
}

// sortByID returns the indices of producers in ID order, or an error for a
// repeated ID. Sorting is what makes the plan independent of the order of
// the slice.
func sortByID(producers []batik.Producer) ([]int32, error) {
	keys, err := sortIDs(nil, producers)
	if err != nil {
		return nil, err
	}
	out := make([]int32, len(keys))
	for r, k := range keys {
		out[r] = k.i
	}
	return out, nil
}

// idKey is a producer's ID and index, with pfx, the 8 bytes of the ID
// after the prefix every ID of the call shares ("UMKM-000..."),
// big-endian and zero-padded, which orders like the strings themselves.
type idKey struct {
	pfx uint64
	id  string
	i   int32
}

// sortIDs appends to dst, which has no elements, the producers' IDs and
// indices in ID order, or returns an error for a repeated ID. Most
// comparisons are settled by pfx: only equal keys compare the strings, so
// the sort rarely leaves the array.
func sortIDs(dst []idKey, producers []batik.Producer) ([]idKey, error) {
	if len(producers) > math.MaxInt32 {
		return nil, invalid("producers", strconv.Itoa(len(producers)), cTooManyProducers)
	}
	// The prefix every ID shares, and whether the IDs are ascending
	// already (a repeated ID cannot be): then the order is as given.
	lcp, ascending := 0, true
	if len(producers) > 0 {
		first := producers[0].ID
		lcp = len(first)
		for i := 1; i < len(producers); i++ {
			id := producers[i].ID
			ascending = ascending && producers[i-1].ID < id
			n := min(lcp, len(id))
			j := 0
			for j < n && id[j] == first[j] {
				j++
			}
			lcp = j
		}
	}
	keys := slices.Grow(dst, len(producers))[:len(producers)]
	for i := range producers {
		id := producers[i].ID
		var pfx uint64
		for j := range 8 {
			pfx <<= 8
			if k := lcp + j; k < len(id) {
				pfx |= uint64(id[k])
			}
		}
		keys[i] = idKey{pfx, id, int32(i)}
	}
	if ascending {
		return keys, nil
	}
	slices.SortFunc(keys, func(a, b idKey) int {
		if a.pfx != b.pfx {
			if a.pfx < b.pfx {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a.id, b.id); c != 0 {
			return c
		}
		return int(a.i - b.i)
	})
	for r := 1; r < len(keys); r++ {
		if k := keys[r]; keys[r-1].pfx == k.pfx && keys[r-1].id == k.id && k.id != "" {
			return nil, invalid("producers["+strconv.Itoa(int(k.i))+"].id", quote(k.id), cProducerRepeated, strconv.Itoa(int(keys[r-1].i)))
		}
	}
	return keys, nil
}

// checkProducer checks what the allocation relies on; see Allocate.
func checkProducer(p *batik.Producer, i int) error {
	if p.ID == "" {
		return invalid("producers["+strconv.Itoa(i)+"].id", `""`, cEmpty)
	}
	if len(p.Capabilities) == 0 {
		return invalid("producers["+strconv.Itoa(i)+"].capabilities", "[]", cNoCapabilities)
	}
	var seen [numTechs]bool
	for ci := range p.Capabilities {
		c := &p.Capabilities[ci]
		if !c.Technique.Valid() {
			return invalid(path(int32(i), ci, "technique"), quote(string(c.Technique)), cTechnique)
		}
		if k := techIndex(c.Technique); seen[k] {
			return invalid(path(int32(i), ci, "technique"), quote(string(c.Technique)), cTechniqueTwice)
		} else {
			seen[k] = true
		}
		if !c.Grade.Valid() {
			return invalid(path(int32(i), ci, "grade"), quote(string(c.Grade)), cGrade)
		}
		if c.PerWeek < 0 || c.PerWeek > batik.MaxQuantity {
			return invalid(path(int32(i), ci, "per_week"), strconv.Itoa(c.PerWeek), cRange, "0", "2147483647")
		}
		if !unitCostOK(c.UnitCost) {
			return invalid(path(int32(i), ci, "unit_cost"), decText(c.UnitCost), cUnitCost)
		}
	}
	return nil
}

func path(p int32, c int, field string) string {
	return "producers[" + strconv.Itoa(int(p)) + "].capabilities[" + strconv.Itoa(c) + "]." + field
}

// techIndex returns the position of a valid technique in batik.Techniques().
func techIndex(t batik.Technique) int {
	switch t {
	case batik.Tulis:
		return 0
	case batik.Cap:
		return 1
	case batik.Kombinasi:
		return 2
	}
	return 3
}

// freeIn asks a FreeCapacity view, refusing answers no workshop week has.
func freeIn(f FreeCapacity, id string, t batik.Technique, w Week) (int, error) {
	n := f.Free(id, t, w)
	if n > batik.MaxQuantity {
		return 0, invalid("opts.free", strconv.Itoa(n), cFreeAbove, quote(id), w.String())
	}
	return max(n, 0), nil
}
