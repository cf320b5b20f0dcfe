package memstore

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/batikkit/batikkit/capacity"
)

// Usage returns the slots of q that any booking touched, in slot order,
// as capacity.Store says: held counts only holds unexpired at now.
// O(slots of q's producers + holds), or with q.Slots O(len(q.Slots) log
// len(q.Slots) + holds); safe for concurrent use.
func (s *Store) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(q.Slots) > 0 {
		return s.usageOf(q.Slots, now), nil
	}
	ids := s.producersOf(q)
	n := 0 // sized first: a board reads tens of thousands of slots
	for _, id := range ids {
		s.producers[id].eachSlot(q, func(weekSlot, *sums) { n++ })
	}
	out := make([]capacity.SlotUsage, 0, n)
	for _, id := range ids {
		p := s.producers[id]
		start := len(out)
		p.eachSlot(q, func(k weekSlot, sl *sums) {
			out = append(out, capacity.SlotUsage{Slot: capacity.Slot{ProducerID: id, Technique: tech(k.t), Week: k.w},
				Held: s.heldAt(sl, now), Confirmed: sl.confirmed, Delivered: sl.delivered, Capacity: sl.capacity, Recorded: sl.recorded})
		})
		slices.SortFunc(out[start:], func(a, b capacity.SlotUsage) int { return a.Slot.Compare(b.Slot) })
	}
	return out, nil
}

// usageOf returns the usage of the slots of list that any booking
// touched, in slot order. The caller holds s.mu.
func (s *Store) usageOf(list []capacity.Slot, now time.Time) []capacity.SlotUsage {
	if !slices.IsSortedFunc(list, capacity.Slot.Compare) {
		list = slices.Clone(list)
		slices.SortFunc(list, capacity.Slot.Compare)
	}
	out := []capacity.SlotUsage{}
	for _, k := range list {
		if p := s.producers[k.ProducerID]; p != nil {
			if sl := p.slots[weekSlot{tix(k.Technique), k.Week}]; sl != nil {
				out = append(out, capacity.SlotUsage{Slot: k, Held: s.heldAt(sl, now), Confirmed: sl.confirmed,
					Delivered: sl.delivered, Capacity: sl.capacity, Recorded: sl.recorded})
			}
		}
	}
	return out
}

// eachSlot calls fn for each of the producer's slots q selects: by looking
// each week of q up when that is fewer steps than walking every slot the
// producer has.
func (p *producer) eachSlot(q capacity.SlotQuery, fn func(weekSlot, *sums)) {
	weeks := q.To.Sub(q.From) + 1
	lo, hi := uint8(1), uint8(len(techniques))
	if q.Technique != "" {
		lo, hi = tix(q.Technique), tix(q.Technique)
	}
	if weeks*int(hi-lo+1) > len(p.slots) {
		for k, sl := range p.slots {
			if in(q, k) {
				fn(k, sl)
			}
		}
		return
	}
	for t := lo; t <= hi; t++ {
		for w := range weeks {
			k := weekSlot{t, q.From.Add(w)}
			if sl := p.slots[k]; sl != nil {
				fn(k, sl)
			}
		}
	}
}

// heldAt is the pieces of a slot's holds unexpired at now.
func (s *Store) heldAt(sl *sums, now time.Time) int {
	held := sl.held
	for k, n := range sl.holds {
		if e := s.bookings[k]; e != nil && e.b.StateAt(now) != capacity.Held {
			held -= n
		}
	}
	return held
}

// in reports whether q selects the slot (technique, week) of a producer
// it lists.
func in(q capacity.SlotQuery, k weekSlot) bool {
	return (q.Technique == "" || tix(q.Technique) == k.t) && !k.w.Before(q.From) && !q.To.Before(k.w)
}

// producersOf lists the producers q names that the store knows, or every
// producer it knows when q names none, sorted and unique. A query's own
// list, when it is sorted and unique (the ledger's are) and every producer
// is known, is returned as it is.
func (s *Store) producersOf(q capacity.SlotQuery) []string {
	if len(q.ProducerIDs) > 0 {
		known := true
		for i, id := range q.ProducerIDs {
			if s.producers[id] == nil || (i > 0 && q.ProducerIDs[i-1] >= id) {
				known = false
				break
			}
		}
		if known {
			return q.ProducerIDs
		}
	}
	var ids []string
	if len(q.ProducerIDs) == 0 {
		for id := range s.producers {
			ids = append(ids, id)
		}
	} else {
		for _, id := range q.ProducerIDs {
			if s.producers[id] != nil {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// SetCalendar records e, as capacity.Store says, and the new capacity on
// the slots it governs; it refuses with capacity.ErrNoRoom a capacity
// below what is held and confirmed at now in one of them. O(the
// producer's slots that week); safe for concurrent use.
func (s *Store) SetCalendar(ctx context.Context, e capacity.CalendarEntry, now time.Time) error {
	if err := e.Validate(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.producers[e.ProducerID]
	if p == nil {
		p = &producer{slots: map[weekSlot]*sums{}, calendar: map[weekSlot]int{}}
		s.producers[e.ProducerID] = p
	}
	governed := s.governed(p, e)
	for _, k := range governed {
		sl := p.slots[k]
		s.releaseLapsed(sl, now, "") // what lapsed at now is not in the way
		if taken := sl.held + sl.confirmed; taken > e.Capacity {
			return capacity.BelowTakenError(capacity.Slot{ProducerID: e.ProducerID, Technique: tech(k.t), Week: k.w}, taken, e.Capacity)
		}
	}
	p.calendar[weekSlot{tix(e.Technique), e.Week}] = e.Capacity
	for _, k := range governed {
		p.slots[k].capacity, p.slots[k].recorded = e.Capacity, true
	}
	return nil
}

// governed lists the producer's slots whose capacity e sets: e's
// technique that week, or, for an entry of every technique, each
// technique without an entry of its own.
func (s *Store) governed(p *producer, e capacity.CalendarEntry) []weekSlot {
	var out []weekSlot
	for k := range p.slots {
		if k.w != e.Week {
			continue
		}
		if tix(e.Technique) == k.t {
			out = append(out, k)
			continue
		}
		if _, own := p.calendar[weekSlot{k.t, e.Week}]; e.Technique == "" && !own {
			out = append(out, k)
		}
	}
	return out
}

// Calendar returns the entries for the slots of q, in slot order, an
// entry of every technique first within a producer and week; with a
// technique in q, that technique's entries and the entries of every
// technique. O(entries of q's producers); safe for concurrent use.
func (s *Store) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []capacity.CalendarEntry{}
	for _, id := range s.producersOf(q) {
		start := len(out)
		for k, n := range s.producers[id].calendar {
			if (k.t == 0 || q.Technique == "" || k.t == tix(q.Technique)) && !k.w.Before(q.From) && !q.To.Before(k.w) {
				out = append(out, capacity.CalendarEntry{ProducerID: id, Technique: tech(k.t), Week: k.w, Capacity: n})
			}
		}
		slices.SortFunc(out[start:], func(a, b capacity.CalendarEntry) int {
			return cmp.Or(cmp.Compare(a.Technique, b.Technique), a.Week.Compare(b.Week))
		})
	}
	return out, nil
}

var _ capacity.Store = (*Store)(nil)
