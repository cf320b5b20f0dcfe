package capacity

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// snapshot is the free capacity of some producers over consecutive weeks
// as the store showed it at one moment: each slot's capacity (calendar
// entry, else PerWeek) and what is free of it, read through the Store's
// Calendar and Usage. It implements FreeCapacity for Allocate and
// Schedule, one goroutine at a time (at keeps a hint; Free hands callers
// readOnly, which does not); lay changes it.
//
// A snapshot for one technique (every order of a Book has the same one,
// usually) keeps one row of weeks per producer; otherwise a row per
// producer and technique.
type snapshot struct {
	from  Week
	weeks int
	prods []batik.Producer
	index map[string]int // producer ID -> position in prods (the first of a repeated ID); nil for a few producers
	hint  int            // the position found last: Allocate asks for a producer's weeks in a row
	tech  batik.Technique
	rows  int     // rows per producer: 1 for one technique, else numTechs
	capac []int32 // per (producer, row, week): capacity
	free  []int32 // per (producer, row, week): capacity - held - confirmed, at least 0
	// taken, for a report (Slots, Board): per slot, as free is, the
	// pieces held, confirmed and delivered the store reported.
	held, confirmed, delivered []int32
	cal                        []CalendarEntry
}

// linearFind is how many producers a snapshot finds by a scan rather than
// a map.
const linearFind = 32

// find returns the position of producer id (the first, when repeated),
// and whether the snapshot has it. It is safe for concurrent use.
func (s *snapshot) find(id string) (int, bool) {
	if s.index != nil {
		pi, ok := s.index[id]
		return pi, ok
	}
	for i := range s.prods {
		if s.prods[i].ID == id {
			return i, true
		}
	}
	return 0, false
}

// snapshot reads the calendar and usage of producers' slots for weeks
// from .. from+weeks-1 (technique tech, or every one when empty). With
// consistent (a report, not a plan, which Commit checks again) it reads
// the calendar again after the usage until both agree. More than
// MaxProducerWeeks producer-weeks are refused before anything is read.
func (l *Ledger) snapshot(ctx context.Context, producers []batik.Producer, tech batik.Technique, from Week, weeks int, now time.Time, consistent bool) (*snapshot, error) {
	if err := checkProducerWeeks(len(producers), weeks); err != nil {
		return nil, err
	}
	s := &snapshot{from: from, weeks: weeks, prods: producers, tech: tech, rows: numTechs}
	if tech != "" {
		s.rows = 1
	}
	if weeks == 0 || len(producers) == 0 {
		return s, nil // nothing to read: a query without producers would read every one
	}
	if len(producers) > linearFind {
		s.index = make(map[string]int, len(producers))
	}
	ids := make([]string, 0, len(producers))
	for i := len(producers) - 1; i >= 0; i-- {
		if s.index != nil {
			s.index[producers[i].ID] = i
		}
		ids = append(ids, producers[i].ID)
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	n := len(producers) * s.rows * weeks
	buf := make([]int32, 2*n)
	s.capac, s.free = buf[:n:n], buf[n:]
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
	q := SlotQuery{ProducerIDs: ids, Technique: tech, From: from, To: from.Add(weeks - 1)}
	cal, us, err := l.calendarAndUsage(ctx, q, now, consistent)
	if err != nil {
		return nil, err
	}
	s.cal = cal
	if consistent {
		taken := make([]int32, 3*n)
		s.held, s.confirmed, s.delivered = taken[:n:n], taken[n:2*n:2*n], taken[2*n:]
	}
	// A producer's entry first, so that an entry for one of its techniques
	// overrides it.
	for _, own := range []bool{false, true} {
		for _, e := range cal {
			if (e.Technique != "") == own {
				s.setCapacity(e.ProducerID, e.Technique, e.Week, e.Capacity)
			}
		}
	}
	for i := range s.free {
		s.free[i] = s.capac[i]
	}
	for _, u := range us {
		if i := s.at(u.ProducerID, u.Technique, u.Week); i >= 0 {
			s.free[i] = max(s.free[i]-int32(u.Held+u.Confirmed), 0) // each <= MaxInt32
			if consistent {
				s.held[i], s.confirmed[i], s.delivered[i] = int32(u.Held), int32(u.Confirmed), int32(u.Delivered)
			}
		}
	}
	return s, nil
}

// calendarAndUsage reads the calendar entries and the usage of q's slots,
// two calls to the store. With consistent it reads the calendar once more
// after the usage and starts over, up to the ledger's retries, until both
// reads agree: otherwise a SetCalendar and a booking between the reads
// could pair a slot's new usage with its old capacity, held + confirmed
// above capacity, a state that never was. (An entry changed and changed
// back between the two reads, with bookings made and cancelled meanwhile,
// is not seen: the Store has no calendar version to compare.)
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
			return nil, nil, fail(ErrContention, "query", "", cCalendarChanged, strconv.Itoa(attempt+1))
		}
	}
}

// row returns the row of technique t in a producer's part of the arrays,
// or -1 when the snapshot does not hold t.
func (s *snapshot) row(t batik.Technique) int {
	switch {
	case s.rows == 1:
		if t == s.tech {
			return 0
		}
		return -1
	case !t.Valid():
		return -1
	}
	return techIndex(t)
}

// setCapacity applies a calendar entry while the snapshot is built: the
// capacity of producer id's slot for technique t (every technique it has
// when t is empty) in week w.
func (s *snapshot) setCapacity(id string, t batik.Technique, w Week, capacity int) {
	pi, ok := s.find(id)
	k := s.weekIndex(w)
	if !ok || k < 0 {
		return
	}
	for _, c := range s.prods[pi].Capabilities {
		if t == "" || t == c.Technique {
			if r := s.row(c.Technique); r >= 0 {
				s.capac[(pi*s.rows+r)*s.weeks+k] = int32(capacity)
			}
		}
	}
}

// weekIndex returns w's position from s.from, or -1 outside the snapshot.
func (s *snapshot) weekIndex(w Week) int {
	if w.Before(s.from) {
		return -1
	}
	if k := w.Sub(s.from); k < s.weeks {
		return k
	}
	return -1
}

// at returns the index of a slot in the arrays, or -1. It keeps the
// producer it found as a hint for the next call, so it is not safe for
// concurrent use (readOnly does not use it).
func (s *snapshot) at(id string, t batik.Technique, w Week) int {
	pi, ok := s.hint, s.hint < len(s.prods) && s.prods[s.hint].ID == id
	if !ok {
		if pi, ok = s.find(id); ok {
			s.hint = pi
		}
	}
	return s.place(pi, ok, t, w)
}

// place is at for producer position pi (ok false: not in the snapshot).
func (s *snapshot) place(pi int, ok bool, t batik.Technique, w Week) int {
	k := s.weekIndex(w)
	r := s.row(t)
	if !ok || k < 0 || r < 0 {
		return -1
	}
	return (pi*s.rows+r)*s.weeks + k
}

// Free returns the free capacity of a slot, 0 outside the snapshot.
func (s *snapshot) Free(id string, t batik.Technique, w Week) int {
	if i := s.at(id, t, w); i >= 0 {
		return int(s.free[i])
	}
	return 0
}

// capacity returns a slot's capacity, or -1 outside the snapshot.
func (s *snapshot) capacity(sl Slot) int {
	if i := s.at(sl.ProducerID, sl.Technique, sl.Week); i >= 0 {
		return int(s.capac[i])
	}
	return -1
}

// lay places q pieces of an order with producer id into its free weeks,
// the first weeks of the snapshot earliest first, appending a line per
// week used and taking the pieces from the snapshot. With deltas, it also
// appends each line's slot delta (the pieces as confirmed, with the
// slot's capacity): Book's deltas for one order, one per slot. Pieces that
// do not fit are not placed (Allocate's quantities always fit).
func (s *snapshot) lay(lines []BookingLine, deltas *[]SlotDelta, order, id string, t batik.Technique, q int, cost decimal.Decimal, weeks int) []BookingLine {
	weeks = min(weeks, s.weeks)
	if weeks <= 0 {
		return lines
	}
	i := s.at(id, t, s.from) // the producer's weeks follow in the arrays
	if i < 0 {
		return lines
	}
	for k := 0; k < weeks && q > 0; k, i = k+1, i+1 {
		if take := min(int(s.free[i]), q); take > 0 {
			sl := Slot{id, t, s.from.Add(k)}
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

// deltas returns the pieces of lines as slot deltas (as
// confirmed pieces), one per slot in slot order, with the snapshot's
// capacity (0 for slots outside it), merged into existing.
func (s *snapshot) deltas(lines []BookingLine, existing []SlotDelta) []SlotDelta {
	return mergeDeltas(existing, lines, func(l BookingLine) SlotDelta {
		return SlotDelta{Slot: l.Slot, Capacity: max(s.capacity(l.Slot), 0), Confirmed: l.Quantity}
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

// readOnly is a snapshot handed to a caller: Free only, safe for
// concurrent use (no hint).
type readOnly struct{ s *snapshot }

func (r readOnly) Free(id string, t batik.Technique, w Week) int {
	pi, ok := r.s.find(id)
	if i := r.s.place(pi, ok, t, w); i >= 0 {
		return int(r.s.free[i])
	}
	return 0
}

// Free returns the free capacity of producers' slots for weeks
// from .. from+weeks-1 as the store shows it at now: a view to pass to
// Allocate or Schedule (AllocateOptions.Free, ScheduleOptions.Free) to
// plan without booking. It is a snapshot: later bookings do not change
// it. It answers 0 outside those producers and weeks, and is safe for
// concurrent use. Errors: *InputError wrapping ErrInvalid for a zero from,
// weeks outside [1, MaxWeeks] or past the year 9999, a producer Allocate
// refuses or whose ID breaks batik's rule for IDs, more than
// MaxProducerWeeks producers x weeks; the store's errors.
// O(producers x weeks).
func (l *Ledger) Free(ctx context.Context, producers []batik.Producer, from Week, weeks int, now time.Time) (FreeCapacity, error) {
	if err := checkRange(from, weeks, producers); err != nil {
		return nil, err
	}
	s, err := l.snapshot(ctx, producers, "", from, weeks, now, false)
	if err != nil {
		return nil, err
	}
	return readOnly{s}, nil
}

// checkRange checks a range of weeks and the producers read over it.
func checkRange(from Week, weeks int, producers []batik.Producer) error {
	switch {
	case from.IsZero():
		return invalid("from", `""`, cWeekNeeded)
	case weeks < 1 || weeks > MaxWeeks:
		return invalid("weeks", strconv.Itoa(weeks), cRange, "1", strconv.Itoa(MaxWeeks))
	case from.Add(weeks - 1).IsZero():
		return invalid("weeks", strconv.Itoa(weeks), cPastYear9999, from.String())
	}
	if err := checkProducerWeeks(len(producers), weeks); err != nil {
		return err
	}
	if err := checkLedgerProducers(producers); err != nil {
		return err
	}
	_, err := sortByID(producers)
	return err
}
