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
// as a store showed it at one moment: each slot's capacity (calendar
// entry, else PerWeek) and what is free of it. It implements FreeCapacity
// for Allocate and Schedule. Not safe for concurrent use (Free keeps a
// lookup hint); Ledger.Free hands out a read-only wrapper.
type snapshot struct {
	from  Week
	weeks int
	wk    []Week // from, from+1, ...
	prods []batik.Producer
	index map[string]int32
	hint  int32
	capac []int32 // per (producer, technique, week): capacity
	free  []int32 // per (producer, technique, week): capacity - held - confirmed, at least 0
	usage map[Slot]SlotUsage
}

// ntech is the number of techniques, for the snapshot's arrays.
const ntech = 4

// snapshot reads the calendar and usage of producers' slots for weeks
// from .. from+weeks-1 (technique tech, or every one when empty).
func (l *Ledger) snapshot(ctx context.Context, producers []batik.Producer, tech batik.Technique, from Week, weeks int, now time.Time) (*snapshot, error) {
	return l.snapshotOf(ctx, producers, tech, from, weeks, now, false)
}

// snapshotOf is snapshot; with keep it also keeps each slot's usage (for
// Slots).
func (l *Ledger) snapshotOf(ctx context.Context, producers []batik.Producer, tech batik.Technique, from Week, weeks int, now time.Time, keep bool) (*snapshot, error) {
	s := &snapshot{from: from, weeks: weeks, prods: producers}
	if weeks == 0 {
		return s, nil
	}
	s.wk = make([]Week, weeks)
	ids := make([]string, len(producers))
	for i := range producers {
		ids[i] = producers[i].ID
	}
	if len(producers) > linearFind {
		s.index = make(map[string]int32, len(producers))
		for i, id := range ids {
			s.index[id] = int32(i)
		}
	}
	if !sortedUnique(ids) {
		slices.Sort(ids)
	}
	for k := range s.wk {
		s.wk[k] = from.Add(k)
	}
	q := SlotQuery{ProducerIDs: ids, Technique: tech, From: from, To: s.wk[weeks-1]}
	n := len(producers) * ntech * weeks
	s.capac = make([]int32, 2*n)
	s.capac, s.free = s.capac[:n:n], s.capac[n:]
	for pi := range producers {
		for _, c := range producers[pi].Capabilities {
			base := (pi*ntech + techIndex(c.Technique)) * weeks
			for k := range weeks {
				s.capac[base+k] = int32(c.PerWeek)
			}
		}
	}
	// s.free first sums the pieces taken in each slot.
	var cal []CalendarEntry
	if v, fast := l.store.(snapshotVisitor); fast && !keep {
		err := v.visitSnapshot(ctx, q, now, func(e CalendarEntry) { cal = append(cal, e) }, s.take)
		if err != nil {
			return nil, err
		}
	} else {
		var err error
		if cal, err = l.store.Calendar(ctx, q); err != nil {
			return nil, err
		}
		us, err := l.store.Usage(ctx, q, now)
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
			s.take(u.ProducerID, u.Technique, u.Week, u.Held+u.Confirmed)
		}
	}
	// Entries for the whole producer first, then those of a technique,
	// which take precedence.
	for _, own := range []bool{false, true} {
		for _, e := range cal {
			pi := s.find(e.ProducerID)
			k := s.weekIndex(e.Week)
			if pi < 0 || k < 0 || (e.Technique != "") != own {
				continue
			}
			for _, c := range producers[pi].Capabilities {
				if e.Technique == "" || e.Technique == c.Technique {
					s.capac[(int(pi)*ntech+techIndex(c.Technique))*weeks+k] = int32(e.Capacity)
				}
			}
		}
	}
	for i, taken := range s.free {
		s.free[i] = max(s.capac[i]-taken, 0)
	}
	return s, nil
}

// take adds pieces taken in a slot, while the snapshot is being built.
func (s *snapshot) take(id string, t batik.Technique, w Week, taken int) {
	if i := s.at(id, t, w); i >= 0 {
		s.free[i] += int32(taken) // held + confirmed <= capacity <= MaxInt32
	}
}

// snapshotVisitor is a Store that can report, in one pass per producer,
// the calendar entries and the pieces taken (held and confirmed) in the
// slots of q, without building slices: what Calendar and Usage report,
// for the hot path of Book. MemoryStore implements it.
type snapshotVisitor interface {
	visitSnapshot(ctx context.Context, q SlotQuery, now time.Time, cal func(CalendarEntry), taken func(id string, t batik.Technique, w Week, n int)) error
}

// weekIndex returns w's position from s.from, or -1 outside the snapshot.
func (s *snapshot) weekIndex(w Week) int {
	if len(s.wk) == 0 || w.Before(s.from) || s.wk[len(s.wk)-1].Before(w) {
		return -1
	}
	if len(s.wk) <= 8 {
		for k := range s.wk {
			if s.wk[k] == w {
				return k
			}
		}
	}
	return w.Sub(s.from)
}

// linearFind is how many producers a snapshot finds by a linear scan
// rather than a map.
const linearFind = 24

// find returns the position of producer id, or -1. It does not use or
// change the hint, so it is safe for concurrent use.
func (s *snapshot) find(id string) int32 {
	if s.index != nil {
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

// at returns the index of a slot in the arrays, or -1. Allocate asks for
// one producer's weeks in a row, so the last producer found is tried
// first.
func (s *snapshot) at(id string, t batik.Technique, w Week) int {
	pi := s.hint
	if int(pi) >= len(s.prods) || s.prods[pi].ID != id {
		if pi = s.find(id); pi < 0 {
			return -1
		}
		s.hint = pi
	}
	k := s.weekIndex(w)
	if k < 0 || !t.Valid() {
		return -1
	}
	return (int(pi)*ntech+techIndex(t))*s.weeks + k
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

// lay places q pieces of an order with producer id into its free weeks
// k0 .. k1-1 earliest first, appending a line per week used and taking the
// pieces from the snapshot. It returns the lines; pieces that do not fit
// are not placed (Allocate's quantities always fit).
func (s *snapshot) lay(lines []BookingLine, order, id string, t batik.Technique, q int, cost decimal.Decimal, k0, k1 int) []BookingLine {
	for k := k0; k < k1 && q > 0; k++ {
		i := s.at(id, t, s.wk[k])
		if i < 0 {
			break
		}
		take := min(int(s.free[i]), q)
		if take > 0 {
			lines = append(lines, BookingLine{OrderID: order, Slot: Slot{id, t, s.wk[k]}, Quantity: take, UnitCost: cost})
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
	if pi < 0 || k < 0 || !t.Valid() {
		return 0
	}
	return int(r.s.free[(int(pi)*ntech+techIndex(t))*r.s.weeks+k])
}

// Free returns the free capacity of producers' slots for weeks
// from .. from+weeks-1 as the store shows it at now: a view to pass to
// Allocate or Schedule (AllocateOptions.Free, ScheduleOptions.Free) to
// plan without booking. It is a snapshot: later bookings do not change
// it. It answers 0 outside those producers and weeks, and is safe for
// concurrent use. Errors: *InputError wrapping ErrInvalid for a zero from,
// weeks outside [1, MaxWeeks] or past the year 9999, or a producer
// Allocate refuses; the store's errors. O(producers x weeks).
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
	}
	_, err := sortByID(producers)
	return err
}
