package capacity

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"
)

// The memory store's calendar: entries kept with their producer's slots.

// SetCalendar records e, as Store.SetCalendar says: it refuses, with an
// error wrapping ErrNoRoom, a capacity below held + confirmed in a slot it
// would govern (the technique's slot, or with an empty technique every
// slot of the producer that week without an entry of its own), and with
// an *InputError wrapping ErrInvalid an empty producer ID, a zero week or
// a capacity outside [0, batik.MaxQuantity]. O(the producer's slots); safe for
// concurrent use.
func (s *MemoryStore) SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkEntry(e); err != nil {
		return err
	}
	ps := s.producer(e.ProducerID, true)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var governed [ntech]*slotRec // the slots the entry governs, checked before any is changed
	for i, t := range techByIndex {
		r := ps.get(t, e.Week)
		if r == nil || (e.Technique != "" && t != e.Technique) {
			continue
		}
		if e.Technique == "" {
			if _, own := ps.cal[techWeek{t, e.Week}]; own {
				continue
			}
		}
		r.release(now)
		if r.held+r.confirmed > e.Capacity {
			return fmt.Errorf("capacity: calendar %s: %d held and %d confirmed in %s, above the capacity %d: %w",
				quote(e.ProducerID), r.held, r.confirmed, quote(Slot{e.ProducerID, t, e.Week}.String()), e.Capacity, ErrNoRoom)
		}
		governed[i] = r
	}
	if ps.cal == nil {
		ps.cal = make(map[techWeek]int)
	}
	ps.cal[techWeek{e.Technique, e.Week}] = e.Capacity
	for _, r := range governed {
		if r != nil {
			r.capacity = e.Capacity // the capacity Usage shows, as a commit would record it
		}
	}
	return nil
}

// checkEntry checks a calendar entry's fields.
func checkEntry(e CalendarEntry) error {
	switch {
	case !storable(e.ProducerID):
		return checkText("calendar.producer_id", e.ProducerID)
	case e.Technique != "" && !e.Technique.Valid():
		return invalid("calendar.technique", quote(string(e.Technique)), "unknown technique")
	case e.Week.IsZero():
		return invalid("calendar.week", `""`, "must be a week such as 2026-W50")
	case e.Capacity < 0 || e.Capacity > math.MaxInt32:
		return invalid("calendar.capacity", strconv.Itoa(e.Capacity), "must be in [0, 2147483647]")
	}
	return nil
}

// Calendar returns the entries for the slots of q, in slot order, an
// entry with an empty technique first within a producer and week. With a
// technique in q it returns that technique's entries and the producers'
// entries with an empty technique. O(p x entries); safe for concurrent use.
func (s *MemoryStore) Calendar(ctx context.Context, q SlotQuery) ([]CalendarEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	out := []CalendarEntry{}
	for _, id := range s.producersOf(q) {
		if ps := s.producer(id, false); ps != nil {
			ps.mu.RLock()
			for tw, v := range ps.cal {
				if (q.Technique == "" || tw.t == "" || tw.t == q.Technique) && !tw.w.Before(q.From) && !q.To.Before(tw.w) {
					out = append(out, CalendarEntry{id, tw.t, tw.w, v})
				}
			}
			ps.mu.RUnlock()
		}
	}
	slices.SortFunc(out, func(a, b CalendarEntry) int {
		return Slot{a.ProducerID, a.Technique, a.Week}.Compare(Slot{b.ProducerID, b.Technique, b.Week})
	})
	return out, nil
}
