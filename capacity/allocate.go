package capacity

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
)

// cand is a producer eligible for the order, in producer-ID order.
type cand struct {
	rank  int32 // position in ID order among all producers
	p     int32 // index into the producers argument
	c     int32 // index of the capability used
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
// batik.MaxQuantity, and wrapping ErrOverflow when free capacities
// (PerWeek*Weeks) or their sum do not fit an int64.
//
// O(n log n) for n producers (one sort by ID; the policies add an integer
// sort or a linear selection), with a constant number of allocations
// besides the plan's lines and skips; up to 32 producers, none besides them
// with Proportional or EvenShare (the scratch arrays are on the stack).
// Safe for concurrent use.
func Allocate(order batik.Order, producers []batik.Producer, opts AllocateOptions) (Plan, error) {
	return allocate(order, producers, opts, false, nil)
}

// allocate is Allocate; with checked, the caller has validated the order
// and checked every producer with checkProducer already (Ledger.Book), and
// allocate does not do it again. The plan's lines go into lines' array
// when it has room (the caller's scratch, which it then owns), else into
// a new one.
func allocate(order batik.Order, producers []batik.Producer, opts AllocateOptions, checked bool, lines []Line) (Plan, error) {
	if !checked {
		if err := order.Validate(); err != nil {
			return Plan{}, &InputError{Field: "order", Value: quote(order.ID), Reason: "is not valid", Kind: ErrInvalid, Err: err}
		}
	}
	policy := opts.Policy
	if policy == 0 {
		policy = Proportional
	}
	if policy > FewestProducers {
		return Plan{}, invalid("opts.policy", policy.String(), "unknown policy")
	}
	if opts.Weeks < 0 {
		return Plan{}, invalid("opts.weeks", strconv.Itoa(opts.Weeks), "must be >= 0 (0 means 1)")
	}
	if opts.MinLot < 0 {
		return Plan{}, invalid("opts.min_lot", strconv.Itoa(opts.MinLot), "must be >= 0 (0 means 1)")
	}
	if opts.Free != nil && opts.From.IsZero() {
		return Plan{}, invalid("opts.from", `""`, "is needed with opts.free: the first week to plan on")
	}
	if opts.Weeks > MaxWeeks {
		return Plan{}, invalid("opts.weeks", strconv.Itoa(opts.Weeks), "must be at most "+strconv.Itoa(MaxWeeks))
	}
	weeks, minLot := int64(max(opts.Weeks, 1)), int64(max(opts.MinLot, 1))
	if err := checkProducerWeeks(len(producers), int(weeks)); err != nil {
		return Plan{}, err
	}

	// One sequential pass over the producers checks them and records, in a
	// compact array, what the allocation needs; only then are they visited
	// in ID order.
	type rec struct {
		free, cents int64
		ci          int32
		reason      reasonCode
	}
	onHold := holdsOf(opts.Quality)
	summer, _ := opts.Free.(weekSummer)
	if summer == nil {
		summer = noSummer{}
	}
	// Scratch arrays live on the stack for up to smallN producers (the
	// usual order), on the heap beyond.
	var recBuf [smallN]rec
	recs := scratch(recBuf[:], len(producers))
	for pi := range producers {
		p := &producers[pi]
		if !checked {
			if err := checkProducer(p, pi); err != nil {
				return Plan{}, err
			}
		}
		r := &recs[pi]
		r.ci = -1
		for i := range p.Capabilities {
			if p.Capabilities[i].Technique == order.Technique {
				r.ci = int32(i)
				break
			}
		}
		switch {
		case r.ci < 0:
			r.reason = wrongTechnique
			continue
		case !p.Capabilities[r.ci].Grade.AtLeast(order.MinGrade):
			r.reason = belowGrade
			continue
		case onHold.on(p.ID, order.Technique):
			r.reason = qualityHold
			continue
		}
		c := &p.Capabilities[r.ci]
		var free uint64
		if opts.Free == nil {
			var hi uint64
			hi, free = bits.Mul64(uint64(c.PerWeek), uint64(weeks))
			if hi != 0 || free > math.MaxInt64 {
				return Plan{}, overflow(path(int32(pi), int(r.ci), "per_week"), strconv.Itoa(c.PerWeek), "times "+strconv.FormatInt(weeks, 10)+" weeks overflows int64")
			}
		} else if sum, ok := summer.sumFree(pi, p.ID, order.Technique, opts.From, int(weeks)); ok {
			free = sum // each week at most MaxQuantity, as freeIn checks
		} else {
			for k := range int(weeks) {
				f, err := freeIn(opts.Free, p.ID, order.Technique, opts.From.Add(k))
				if err != nil {
					return Plan{}, err
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
	}

	var sortBuf [smallN]int32
	sorted, err := sortByIDInto(sortBuf[:0], producers)
	if err != nil {
		return Plan{}, err
	}
	var reasonBuf [smallN]reasonCode
	var candBuf [smallN]cand
	reasons := scratch(reasonBuf[:], len(sorted)) // by rank; 0 for candidates
	cands := scratch(candBuf[:], len(sorted))[:0]
	var total int64
	for rank, pi := range sorted {
		r := &recs[pi]
		if r.reason != 0 {
			reasons[rank] = r.reason
			continue
		}
		if total > math.MaxInt64-r.free {
			return Plan{}, overflow("producers", "", "the sum of free capacities overflows int64")
		}
		total += r.free
		cands = append(cands, cand{rank: int32(rank), p: pi, c: r.ci, free: r.free, cents: r.cents})
	}

	var allocBuf [smallN]int64
	alloc := scratch(allocBuf[:], len(cands))
	q := int64(order.Quantity)
	if minLot == 1 {
		share(policy, cands, total, q, alloc)
	} else {
		shareMinLot(policy, cands, q, minLot, alloc)
	}

	plan := Plan{OrderID: order.ID}
	filled := int64(0)
	for i, c := range cands {
		if alloc[i] > 0 {
			filled += alloc[i]
		} else {
			reasons[c.rank] = notNeeded
		}
	}
	plan.Unfilled = int(q - filled)
	nLines := 0
	for _, a := range alloc {
		if a > 0 {
			nLines++
		}
	}
	if cap(lines) >= nLines {
		plan.Lines = lines[:0]
	} else {
		plan.Lines = make([]Line, 0, nLines)
	}
	plan.Skipped = make([]Skip, 0, len(sorted)-nLines)
	ci := 0
	for rank, pi := range sorted {
		id := producers[pi].ID
		if reasons[rank] != 0 {
			plan.Skipped = append(plan.Skipped, Skip{ProducerID: id, Reason: reasonText[reasons[rank]]})
			if ci < len(cands) && cands[ci].rank == int32(rank) {
				ci++
			}
			continue
		}
		c := cands[ci]
		plan.Lines = append(plan.Lines, Line{ProducerID: id, Quantity: int(alloc[ci]), UnitCost: producers[c.p].Capabilities[c.c].UnitCost})
		ci++
	}
	return plan, nil
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
		return invalid("producers", strconv.Itoa(producers)+" producers x "+strconv.Itoa(weeks)+" weeks",
			"is "+strconv.FormatInt(pw, 10)+" producer-weeks, more than MaxProducerWeeks ("+strconv.Itoa(MaxProducerWeeks)+
				"): fewer producers or weeks per request")
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
	return sortByIDInto(nil, producers)
}

// sortByIDInto is sortByID appending to dst, which has no elements.
func sortByIDInto(dst []int32, producers []batik.Producer) ([]int32, error) {
	if len(producers) > math.MaxInt32 {
		return nil, invalid("producers", strconv.Itoa(len(producers)), "too many producers")
	}
	// IDs already ascending (a repeated ID cannot be): the order as given.
	ascending := true
	for i := 1; i < len(producers) && ascending; i++ {
		ascending = producers[i-1].ID < producers[i].ID
	}
	if ascending {
		dst = slices.Grow(dst, len(producers))
		for i := range producers {
			dst = append(dst, int32(i))
		}
		return dst, nil
	}
	// Most comparisons are settled by an integer: the 8 bytes of the ID
	// after the prefix every ID shares ("UMKM-000..."), big-endian and
	// zero-padded, which orders like the strings themselves. Only equal
	// keys compare the strings, so the sort rarely leaves this array.
	lcp := 0
	if len(producers) > 0 {
		first := producers[0].ID
		lcp = len(first)
		for i := 1; i < len(producers) && lcp > 0; i++ {
			id := producers[i].ID
			n := min(lcp, len(id))
			j := 0
			for j < n && id[j] == first[j] {
				j++
			}
			lcp = j
		}
	}
	type key struct {
		pfx uint64
		id  string
		i   int32
	}
	var keyBuf [smallN]key
	keys := scratch(keyBuf[:], len(producers))
	for i := range producers {
		id := producers[i].ID
		var pfx uint64
		for j := range 8 {
			pfx <<= 8
			if k := lcp + j; k < len(id) {
				pfx |= uint64(id[k])
			}
		}
		keys[i] = key{pfx, id, int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
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
	out := slices.Grow(dst, len(keys))[:len(keys)]
	for r, k := range keys {
		if r > 0 && keys[r-1].id == k.id && k.id != "" {
			return nil, invalid("producers["+strconv.Itoa(int(k.i))+"].id", quote(k.id),
				"repeats the ID of producers["+strconv.Itoa(int(keys[r-1].i))+"]")
		}
		out[r] = k.i
	}
	return out, nil
}

// checkProducer checks what the allocation relies on; see Allocate.
func checkProducer(p *batik.Producer, i int) error {
	if p.ID == "" {
		return invalid("producers["+strconv.Itoa(i)+"].id", `""`, "must not be empty")
	}
	if len(p.Capabilities) == 0 {
		return invalid("producers["+strconv.Itoa(i)+"].capabilities", "[]", "needs at least one capability (as Producer.Validate requires)")
	}
	var seen [8]bool
	for ci := range p.Capabilities {
		c := &p.Capabilities[ci]
		if !c.Technique.Valid() {
			return invalid(path(int32(i), ci, "technique"), quote(string(c.Technique)), "unknown technique")
		}
		if k := techIndex(c.Technique); seen[k] {
			return invalid(path(int32(i), ci, "technique"), quote(string(c.Technique)), "is listed twice for one producer")
		} else {
			seen[k] = true
		}
		if !c.Grade.Valid() {
			return invalid(path(int32(i), ci, "grade"), quote(string(c.Grade)), "unknown grade")
		}
		if c.PerWeek < 0 || c.PerWeek > batik.MaxQuantity {
			return invalid(path(int32(i), ci, "per_week"), strconv.Itoa(c.PerWeek), "must be in [0, 2147483647]")
		}
		cents, ok := pricing.Cents(c.UnitCost)
		if !ok || cents < 0 || cents > batik.MaxUnitCost*100 {
			return invalid(path(int32(i), ci, "unit_cost"), quote(c.UnitCost.String()), "must be in [0, 100000000] with at most 2 decimals")
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

// noSummer is the weekSummer of a FreeCapacity that is not one: ask Free
// week by week.
type noSummer struct{}

func (noSummer) sumFree(int, string, batik.Technique, Week, int) (uint64, bool) { return 0, false }

// freeIn asks a FreeCapacity view, refusing answers no workshop week has.
func freeIn(f FreeCapacity, id string, t batik.Technique, w Week) (int, error) {
	n := f.Free(id, t, w)
	if n > batik.MaxQuantity {
		return 0, invalid("opts.free", strconv.Itoa(n), "free capacity of "+quote(id)+" in "+w.String()+" is above 2147483647")
	}
	return max(n, 0), nil
}
