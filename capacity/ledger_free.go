package capacity

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// snapshot is the free capacity of some producers over consecutive weeks
// as a store showed it at one moment: each slot's capacity (calendar
// entry, else PerWeek) and what is free of it. It implements FreeCapacity
// for Allocate and Schedule. Not safe for concurrent use (Free keeps a
// lookup hint); Ledger.Free hands out a read-only wrapper.
//
// A snapshot for one technique (every order of a Book has the same one,
// usually) keeps one row of weeks per producer; otherwise a row per
// producer and technique. Book's snapshots come from a pool and go back
// to it once planned, so a booking reuses the arrays of the one before.
type snapshot struct {
	from  Week
	weeks int
	wk    []Week // from, from+1, ...
	prods []batik.Producer
	index map[string]int32
	hint  int32
	// ascending is true when the producers' IDs ascend: none repeats.
	ascending bool
	tech      batik.Technique // the one technique held, or "" for every one
	rows      int             // rows per producer: 1 for one technique, else ntech
	capac     []int32         // per (producer, row, week): capacity
	free      []int32         // per (producer, row, week): capacity - held - confirmed, at least 0
	buf       []int32         // backs capac and free
	usage     map[Slot]SlotUsage
	// Kept with a pooled snapshot for the next booking: Book's scratch
	// for Allocate's lines and for the slot deltas (a Store does not keep
	// them after Commit).
	lines []Line
	dbuf  []SlotDelta
	// mem is the memory store that filled the snapshot, and recs its
	// record of each producer (nil for one it had none of then): Commit
	// uses them instead of looking the producers up again.
	mem  *MemoryStore
	recs []*prodSlots
	// seen, seenIDs and seenRecs keep mem, the producers' IDs and recs of
	// the snapshot's last use, so that a service booking over the same
	// producers again skips looking them up (a record, once made, stays
	// for the life of its store).
	seen     *MemoryStore
	seenIDs  []string
	seenRecs []*prodSlots
}

// ntech is the number of techniques, for the snapshot's arrays.
const ntech = 4

// snapPool keeps Book's snapshots between bookings.
var snapPool = sync.Pool{New: func() any { return new(snapshot) }}

// release returns a snapshot that nothing refers to any more to the pool.
func (s *snapshot) release() {
	if cap(s.buf) > 1<<16 || cap(s.lines) > 1024 || cap(s.dbuf) > 1024 || cap(s.recs) > 1024 {
		return // a rare large one: let it go rather than keep it
	}
	s.remember()
	s.prods, s.usage, s.capac, s.free, s.mem = nil, nil, nil, nil, nil
	s.lines, s.dbuf = s.lines[:0], s.dbuf[:0]
	clear(s.recs)
	s.recs = s.recs[:0]
	clear(s.index)
	snapPool.Put(s)
}

// remember keeps the memory store's records of this use for the next
// (see seenRec), when a memory store filled the snapshot.
func (s *snapshot) remember() {
	if s.mem == nil {
		return
	}
	s.seen, s.seenIDs, s.seenRecs = s.mem, s.seenIDs[:0], append(s.seenRecs[:0], s.recs...)
	for i := range s.prods {
		s.seenIDs = append(s.seenIDs, s.prods[i].ID)
	}
}

// seenRec returns store m's record of producer id when the snapshot's
// last use had it at position pi, else nil.
func (s *snapshot) seenRec(m *MemoryStore, pi int, id string) *prodSlots {
	if s.seen == m && pi < len(s.seenIDs) && s.seenIDs[pi] == id {
		return s.seenRecs[pi]
	}
	return nil
}

// rec returns the memory store's record of producer id as the snapshot
// found it, and whether the snapshot has the producer.
func (s *snapshot) rec(id string) (*prodSlots, bool) {
	if pi := s.locate(id); pi >= 0 && int(pi) < len(s.recs) {
		return s.recs[pi], true
	}
	return nil, false
}

// snapshot reads the calendar and usage of producers' slots for weeks
// from .. from+weeks-1 (technique tech, or every one when empty).
func (l *Ledger) snapshot(ctx context.Context, producers []batik.Producer, tech batik.Technique, from Week, weeks int, now time.Time) (*snapshot, error) {
	return l.snapshotOf(ctx, producers, tech, from, weeks, now, false)
}

// snapshotOf is snapshot; with keep it also keeps each slot's usage (for
// Slots).
func (l *Ledger) snapshotOf(ctx context.Context, producers []batik.Producer, tech batik.Technique, from Week, weeks int, now time.Time, keep bool) (*snapshot, error) {
	s := snapPool.Get().(*snapshot)
	s.from, s.weeks, s.prods, s.hint, s.tech, s.rows = from, weeks, producers, 0, tech, ntech
	if tech != "" {
		s.rows = 1
	}
	s.ascending = true
	for i := 1; i < len(producers) && s.ascending; i++ {
		s.ascending = producers[i-1].ID < producers[i].ID
	}
	s.wk = s.wk[:0]
	if weeks == 0 || len(producers) == 0 {
		return s, nil // nothing to read: a query without producers would read every one
	}
	for k := range weeks {
		s.wk = append(s.wk, from.Add(k))
	}
	if len(producers) > linearFind {
		if s.index == nil {
			s.index = make(map[string]int32, len(producers))
		}
		for i := len(producers) - 1; i >= 0; i-- {
			s.index[producers[i].ID] = int32(i) // the first of repeated IDs
		}
	}
	n := len(producers) * s.rows * weeks
	if cap(s.buf) < 2*n {
		s.buf = make([]int32, 2*n)
	}
	s.buf = s.buf[:2*n]
	s.capac, s.free = s.buf[:n:n], s.buf[n:]
	clear(s.buf)
	for pi := range producers {
		for _, c := range producers[pi].Capabilities {
			if r := s.row(c.Technique); r >= 0 {
				base := (pi*s.rows + r) * weeks
				for k := range weeks {
					s.capac[base+k] = int32(c.PerWeek)
				}
			}
		}
	}
	// s.free first sums the pieces taken in each slot.
	if v, fast := l.store.(snapshotFiller); fast && !keep {
		if err := v.fillSnapshot(ctx, s, now); err != nil {
			return nil, err
		}
	} else {
		ids := make([]string, len(producers))
		for i := range producers {
			ids[i] = producers[i].ID
		}
		if !sortedUnique(ids) {
			slices.Sort(ids)
		}
		q := SlotQuery{ProducerIDs: ids, Technique: tech, From: from, To: s.wk[weeks-1]}
		cal, us, err := l.calendarAndUsage(ctx, q, now, keep)
		if err != nil {
			return nil, err
		}
		if keep {
			s.usage = make(map[Slot]SlotUsage, len(us))
		}
		for _, u := range us {
			if keep {
				s.usage[u.Slot] = u
			}
			if i := s.at(u.ProducerID, u.Technique, u.Week); i >= 0 {
				s.free[i] += int32(u.Held + u.Confirmed) // <= capacity <= MaxInt32
			}
		}
		// A producer's entry first, so that an entry for one of its
		// techniques overrides it.
		for _, own := range []bool{false, true} {
			for _, e := range cal {
				if (e.Technique != "") == own {
					s.setCapacity(s.find(e.ProducerID), e.Technique, s.weekIndex(e.Week), e.Capacity)
				}
			}
		}
	}
	for i, taken := range s.free {
		s.free[i] = max(s.capac[i]-taken, 0)
	}
	return s, nil
}

// calendarAndUsage reads the calendar entries and the usage of q's slots,
// two calls to the store. With consistent (a report of the slots, not a
// plan, which Commit checks again) it reads the calendar once more after
// the usage and starts over, up to the ledger's retries, until both reads
// agree: otherwise a SetCalendar and a booking between the reads could
// pair a slot's new usage with its old capacity, held + confirmed above
// capacity, a state that never was. (An entry changed and changed back
// between the two reads, with bookings made and cancelled meanwhile, is
// not seen: the Store has no calendar version to compare.)
func (l *Ledger) calendarAndUsage(ctx context.Context, q SlotQuery, now time.Time, consistent bool) ([]CalendarEntry, []SlotUsage, error) {
	for attempt := 0; ; attempt++ {
		cal, err := l.store.Calendar(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		us, err := l.store.Usage(ctx, q, now)
		if err != nil || !consistent {
			return cal, us, err
		}
		again, err := l.store.Calendar(ctx, q)
		if err != nil {
			return nil, nil, err
		}
		if slices.Equal(cal, again) {
			return cal, us, nil
		}
		if attempt >= l.retries {
			return nil, nil, fmt.Errorf("capacity: slots: the calendar changed while they were read, %d times: %w", attempt+1, ErrContention)
		}
	}
}

// row returns the row of technique t in a producer's part of the arrays,
// or -1 when the snapshot does not hold t.
func (s *snapshot) row(t batik.Technique) int {
	switch {
	case s.rows == 1:
		if t == s.tech { // s.tech is valid: the orders' technique
			return 0
		}
		return -1
	case !t.Valid():
		return -1
	}
	return techIndex(t)
}

// setCapacity applies a calendar entry while the snapshot is being built:
// the capacity of producer pi's slot for technique t (every technique it
// has when t is empty) in week k. Out of range pi or k are ignored.
func (s *snapshot) setCapacity(pi int32, t batik.Technique, k, capacity int) {
	if pi < 0 || k < 0 {
		return
	}
	for _, c := range s.prods[pi].Capabilities {
		if t == "" || t == c.Technique {
			if r := s.row(c.Technique); r >= 0 {
				s.capac[(int(pi)*s.rows+r)*s.weeks+k] = int32(capacity)
			}
		}
	}
}

// snapshotFiller is a Store that fills a snapshot directly, under each
// producer's lock in turn: s.free[i] += the pieces held and confirmed in
// slot i, and setCapacity for each calendar entry (a producer's entries
// before its techniques'). It reports what Calendar and Usage report,
// without building slices, for the hot path of Book. MemoryStore
// implements it.
type snapshotFiller interface {
	fillSnapshot(ctx context.Context, s *snapshot, now time.Time) error
}

// weekIndex returns w's position from s.from, or -1 outside the snapshot.
func (s *snapshot) weekIndex(w Week) int {
	if len(s.wk) <= 8 {
		for k := range s.wk {
			if s.wk[k] == w {
				return k
			}
		}
		return -1
	}
	if w.Before(s.from) || s.wk[len(s.wk)-1].Before(w) {
		return -1
	}
	return w.Sub(s.from)
}

// linearFind is how many producers a snapshot finds by a linear scan
// rather than a map.
const linearFind = 24

// find returns the position of producer id, or -1. It does not use or
// change the hint, so it is safe for concurrent use.
func (s *snapshot) find(id string) int32 {
	if s.index != nil && len(s.prods) > linearFind {
		if pi, ok := s.index[id]; ok {
			return pi
		}
		return -1
	}
	for i := range s.prods {
		if s.prods[i].ID == id {
			return int32(i)
		}
	}
	return -1
}

// locate returns the position of producer id, or -1. Allocate asks for
// one producer's weeks in a row, and Book lays a plan's lines and commits
// them in producer order, so the last producer found is tried first, then
// the one after it (when IDs ascend, none repeats), then a search.
func (s *snapshot) locate(id string) int32 {
	pi := s.hint
	if int(pi) < len(s.prods) && s.prods[pi].ID == id {
		return pi
	}
	if pi++; !s.ascending || int(pi) >= len(s.prods) || s.prods[pi].ID != id {
		if pi = s.find(id); pi < 0 {
			return -1
		}
	}
	s.hint = pi
	return pi
}

// at returns the index of a slot in the arrays, or -1.
func (s *snapshot) at(id string, t batik.Technique, w Week) int {
	pi := s.locate(id)
	if pi < 0 {
		return -1
	}
	k := s.weekIndex(w)
	r := s.row(t)
	if k < 0 || r < 0 {
		return -1
	}
	return (int(pi)*s.rows+r)*s.weeks + k
}

// Free returns the free capacity of a slot, 0 outside the snapshot.
func (s *snapshot) Free(id string, t batik.Technique, w Week) int {
	if i := s.at(id, t, w); i >= 0 {
		return int(s.free[i])
	}
	return 0
}

// sumFree returns the free capacity of producer id (at position pi of the
// producers planned on, which is checked) for technique t over weeks
// from .. from+weeks-1: the sum of Free over those weeks, in one pass. ok
// is false when from is not the snapshot's first week (ask Free). It does
// not use the hint, so it is safe for concurrent use.
func (s *snapshot) sumFree(pi int, id string, t batik.Technique, from Week, weeks int) (sum uint64, ok bool) {
	if from != s.from {
		return 0, false
	}
	p := int32(pi)
	if pi < 0 || pi >= len(s.prods) || s.prods[pi].ID != id {
		if p = s.find(id); p < 0 {
			return 0, true
		}
	}
	r := s.row(t)
	if r < 0 {
		return 0, true
	}
	base := (int(p)*s.rows + r) * s.weeks
	for _, f := range s.free[base : base+min(weeks, s.weeks)] {
		sum += uint64(f)
	}
	return sum, true
}

// weekSummer is a FreeCapacity that can sum a producer's free weeks in one
// call: the ledger's snapshots. Allocate uses it when it can.
type weekSummer interface {
	sumFree(pi int, id string, t batik.Technique, from Week, weeks int) (uint64, bool)
}

// capacity returns a slot's capacity, or -1 outside the snapshot.
func (s *snapshot) capacity(sl Slot) int {
	if i := s.at(sl.ProducerID, sl.Technique, sl.Week); i >= 0 {
		return int(s.capac[i])
	}
	return -1
}

// weeksFor returns how many lines lay will append for q pieces
// with producer id: its weeks with free capacity, earliest first, until q
// fit. It changes nothing.
func (s *snapshot) weeksFor(id string, t batik.Technique, q int) int {
	if s.weeks == 0 {
		return 0
	}
	i := s.at(id, t, s.wk[0])
	if i < 0 {
		return 0
	}
	n := 0
	for _, f := range s.free[i : i+s.weeks] {
		if q <= 0 {
			break
		}
		if f > 0 {
			n++
			q -= int(f)
		}
	}
	return n
}

// lay places q pieces of an order with producer id into its free weeks,
// the first weeks of the snapshot earliest first, appending a line per
// week used and taking the pieces from the snapshot. With deltas, it also
// appends each line's slot delta (the pieces as confirmed, with the slot's
// capacity): Book's deltas for one order, whose lines are one per slot.
// Pieces that do not fit are not placed (Allocate's quantities always fit).
func (s *snapshot) lay(lines []BookingLine, deltas *[]SlotDelta, order, id string, t batik.Technique, q int, cost decimal.Decimal, weeks int) []BookingLine {
	weeks = min(weeks, s.weeks)
	if weeks <= 0 {
		return lines
	}
	i := s.at(id, t, s.wk[0]) // the week's slots follow in the arrays
	if i < 0 {
		return lines
	}
	for k := 0; k < weeks && q > 0; k, i = k+1, i+1 {
		take := min(int(s.free[i]), q)
		if take > 0 {
			sl := Slot{id, t, s.wk[k]}
			lines = append(lines, BookingLine{OrderID: order, Slot: sl, Quantity: take, UnitCost: cost})
			if deltas != nil {
				*deltas = append(*deltas, SlotDelta{Slot: sl, Capacity: max(int(s.capac[i]), 0), Confirmed: take})
			}
			s.free[i] -= int32(take)
			q -= take
		}
	}
	return lines
}

// deltas returns the confirmed pieces of lines times sign as slot deltas,
// one per slot in slot order, with the snapshot's capacity (or capOf's for
// slots outside it) merged into existing, which may hold deltas already.
func (s *snapshot) deltas(lines []BookingLine, sign int, existing []SlotDelta) []SlotDelta {
	return mergeDeltas(existing, lines, func(l BookingLine) SlotDelta {
		return SlotDelta{Slot: l.Slot, Capacity: max(s.capacity(l.Slot), 0), Confirmed: sign * l.Quantity}
	})
}

// mergeDeltas adds a delta per line to ds and returns them sorted by slot,
// one per slot (the fields of deltas of one slot are summed; Capacity is
// the largest given).
func mergeDeltas(ds []SlotDelta, lines []BookingLine, of func(BookingLine) SlotDelta) []SlotDelta {
	if ds == nil {
		ds = make([]SlotDelta, 0, len(lines))
	}
	for _, l := range lines {
		ds = append(ds, of(l))
	}
	cmp := func(a, b SlotDelta) int { return a.Slot.Compare(b.Slot) }
	if !slices.IsSortedFunc(ds, cmp) {
		slices.SortStableFunc(ds, cmp)
	}
	out := ds[:0]
	for _, d := range ds {
		if n := len(out); n > 0 && out[n-1].Slot == d.Slot {
			o := &out[n-1]
			o.Held += d.Held
			o.Confirmed += d.Confirmed
			o.Delivered += d.Delivered
			o.Capacity = max(o.Capacity, d.Capacity)
			continue
		}
		out = append(out, d)
	}
	return out
}

// readOnly is a snapshot safe for concurrent use: no lookup hint.
type readOnly struct{ s *snapshot }

func (r readOnly) Free(id string, t batik.Technique, w Week) int {
	pi := r.s.find(id)
	k := r.s.weekIndex(w)
	row := r.s.row(t)
	if pi < 0 || k < 0 || row < 0 {
		return 0
	}
	return int(r.s.free[(int(pi)*r.s.rows+row)*r.s.weeks+k])
}

func (r readOnly) sumFree(pi int, id string, t batik.Technique, from Week, weeks int) (uint64, bool) {
	return r.s.sumFree(pi, id, t, from, weeks)
}

// Free returns the free capacity of producers' slots for weeks
// from .. from+weeks-1 as the store shows it at now: a view to pass to
// Allocate or Schedule (AllocateOptions.Free, ScheduleOptions.Free) to
// plan without booking. It is a snapshot: later bookings do not change
// it. It answers 0 outside those producers and weeks, and is safe for
// concurrent use. Errors: *InputError wrapping ErrInvalid for a zero from,
// weeks outside [1, MaxWeeks] or past the year 9999, a producer Allocate
// refuses or whose ID no store can keep (see Book); the store's errors.
// O(producers x weeks).
func (l *Ledger) Free(ctx context.Context, producers []batik.Producer, from Week, weeks int, now time.Time) (FreeCapacity, error) {
	if err := checkRange(from, weeks, producers); err != nil {
		return nil, err
	}
	s, err := l.snapshot(ctx, producers, "", from, weeks, now)
	if err != nil {
		return nil, err
	}
	return readOnly{s}, nil
}

func checkRange(from Week, weeks int, producers []batik.Producer) error {
	switch {
	case from.IsZero():
		return invalid("from", `""`, "must be a week such as 2026-W50")
	case weeks < 1 || weeks > MaxWeeks:
		return invalid("weeks", strconv.Itoa(weeks), "must be in [1, "+strconv.Itoa(MaxWeeks)+"]")
	case from.Add(weeks - 1).IsZero():
		return invalid("weeks", strconv.Itoa(weeks), "from "+from.String()+" runs past the year 9999")
	}
	for i := range producers {
		if err := checkProducer(&producers[i], i); err != nil {
			return err
		}
		if err := checkProducerID(&producers[i], i); err != nil {
			return err
		}
	}
	_, err := sortByID(producers)
	return err
}
