package capacity

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// The memory store's readers: Booking, Bookings, Usage.

// clone returns a copy of b with its own Lines and Unfilled (Lines empty,
// not nil, when there are none), to change without touching b.
func (b *Booking) clone() Booking {
	c := *b
	c.Lines = slices.Clone(b.Lines)
	if c.Lines == nil {
		c.Lines = []BookingLine{}
	}
	c.Unfilled = copyUnfilled(b.Unfilled)
	return c
}

// copyUnfilled returns a copy of m, nil when m is empty.
func copyUnfilled(m map[string]int) map[string]int {
	if len(m) == 0 {
		return nil
	}
	return maps.Clone(m)
}

// stateAt is b's state at now: Held becomes Expired once HoldUntil is at
// or before now.
func (b *Booking) stateAt(now time.Time) State {
	if b.State == Held && !b.HoldUntil.After(now) {
		return Expired
	}
	return b.State
}

// Booking returns the booking with the key as seen at now, or an error
// wrapping ErrNotFound. O(lines); safe for concurrent use.
func (s *MemoryStore) Booking(ctx context.Context, key string, now time.Time) (Booking, error) {
	if err := ctx.Err(); err != nil {
		return Booking{}, err
	}
	h := s.hash(key)
	bs := &s.bookings[h%memShards]
	bs.mu.RLock()
	defer bs.mu.RUnlock()
	ri := bs.t.find(key, h)
	if ri < 0 {
		return Booking{}, fmt.Errorf("capacity: booking %s: %w", quote(key), ErrNotFound)
	}
	return s.view(bs.t.rec(ri), now), nil
}

// view returns the booking in rec as a reader at now sees it: a hold
// whose HoldUntil is at or before now is Expired, and Unfilled is empty,
// not nil, when there is none.
func (s *MemoryStore) view(rec []byte, now time.Time) Booking {
	b := decodeBooking(rec, &s.locs)
	b.State, b.Unfilled = b.stateAt(now), orEmptyMap(b.Unfilled)
	return b
}

// Bookings returns the bookings with a line for f.OrderID and/or
// f.ProducerID (every booking when both are empty), sorted by key. A
// booking with no lines matches an order it lists in Unfilled. It scans
// every booking: O(n log n) for n bookings. Safe for concurrent use.
func (s *MemoryStore) Bookings(ctx context.Context, f BookingFilter, now time.Time) ([]Booking, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := []Booking{}
	for i := range s.bookings {
		bs := &s.bookings[i]
		bs.mu.RLock()
		for ri := range bs.t.refs {
			if rec := bs.t.rec(int32(ri)); recMatches(rec, f) {
				out = append(out, s.view(rec, now))
			}
		}
		bs.mu.RUnlock()
	}
	slices.SortFunc(out, func(a, b Booking) int {
		switch {
		case a.Key < b.Key:
			return -1
		case a.Key > b.Key:
			return 1
		}
		return 0
	})
	return out, nil
}

// checkQuery refuses a query with a zero or reversed week range.
func checkQuery(q SlotQuery) error {
	switch {
	case q.From.IsZero():
		return invalid("query.from", `""`, "must be a week")
	case q.To.IsZero():
		return invalid("query.to", `""`, "must be a week")
	case q.To.Before(q.From):
		return invalid("query.to", q.To.String(), "is before query.from "+q.From.String())
	case q.Technique != "" && !q.Technique.Valid():
		return invalid("query.technique", quote(string(q.Technique)), "unknown technique")
	}
	return nil
}

// producersOf lists the producers a query names, or every producer the
// store knows when it names none, sorted and unique.
func (s *MemoryStore) producersOf(q SlotQuery) []string {
	var ids []string
	if len(q.ProducerIDs) > 0 {
		if sortedUnique(q.ProducerIDs) {
			return q.ProducerIDs // read only
		}
		ids = slices.Clone(q.ProducerIDs)
	} else {
		for i := range s.slots {
			sh := &s.slots[i]
			sh.mu.RLock()
			for id := range sh.prod {
				ids = append(ids, id)
			}
			sh.mu.RUnlock()
		}
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

func sortedUnique(ids []string) bool {
	for i := 1; i < len(ids); i++ {
		if ids[i-1] >= ids[i] {
			return false
		}
	}
	return true
}

// Usage returns the slots of q that a change has touched, in slot order,
// with Held counting only holds unexpired at now. O(p x (log s + r)) for
// p producers with s slots each and r rows returned per producer; it
// takes one producer's lock at a time, so a result spanning producers is
// not one snapshot (each producer's is). Safe for concurrent use.
func (s *MemoryStore) Usage(ctx context.Context, q SlotQuery, now time.Time) ([]SlotUsage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	span := q.To.Sub(q.From) + 1
	out := make([]SlotUsage, 0, min(len(q.ProducerIDs)*span, 1024))
	for _, id := range s.producersOf(q) {
		ps := s.producer(id, false)
		if ps == nil {
			continue
		}
		ps.mu.RLock()
		// Techniques in text order, then weeks: slot order.
		for _, t := range techniquesFor(q.Technique) {
			for _, e := range ps.weeks(t, q.From, q.To) {
				if r := e.r; r.recorded {
					out = append(out, SlotUsage{Slot: Slot{id, t, e.w}, Held: r.heldAt(now), Confirmed: r.confirmed,
						Delivered: r.delivered, Capacity: r.capacity, Recorded: true})
				}
			}
		}
		ps.mu.RUnlock()
	}
	return out, nil
}

// fillSnapshot implements snapshotFiller: under each producer's read lock
// in turn, it adds the held and confirmed pieces of the snapshot's slots
// to s.free and applies the calendar entries of its weeks: for each
// technique the producer has (its other slots have capacity 0 in the
// snapshot, so nothing there is free either way), the slots of the weeks
// found by one binary search.
func (s *MemoryStore) fillSnapshot(ctx context.Context, snap *snapshot, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	snap.mem = s
	snap.recs = slices.Grow(snap.recs[:0], len(snap.prods))[:len(snap.prods)]
	clear(snap.recs)
	for pi := range snap.prods {
		p := &snap.prods[pi]
		if !snap.ascending && snap.find(p.ID) != int32(pi) {
			continue // a repeated ID: its first position holds it
		}
		ps := snap.seenRec(s, pi, p.ID)
		if ps == nil {
			ps = s.producer(p.ID, false)
		}
		snap.recs[pi] = ps
		if ps == nil {
			continue
		}
		ps.mu.RLock()
		ps.fill(snap, pi, now)
		ps.mu.RUnlock()
	}
	return nil
}

// fill is fillSnapshot for producer pi, under ps.mu.
func (ps *prodSlots) fill(snap *snapshot, pi int, now time.Time) {
	if len(ps.cal) > 0 {
		for _, own := range []bool{false, true} {
			for tw, v := range ps.cal {
				if (tw.t != "") == own {
					snap.setCapacity(int32(pi), tw.t, snap.weekIndex(tw.w), v)
				}
			}
		}
	}
	last := snap.wk[len(snap.wk)-1]
	for _, c := range snap.prods[pi].Capabilities {
		row := snap.row(c.Technique)
		if row < 0 {
			continue
		}
		base := (pi*snap.rows + row) * snap.weeks
		for _, e := range ps.weeks(c.Technique, snap.from, last) {
			if r := e.r; r.recorded {
				snap.free[base+snap.weekIndex(e.w)] += int32(r.heldAt(now) + r.confirmed) // <= capacity <= MaxInt32
			}
		}
	}
}

// techniquesFor is t alone, or every technique in text order (the order
// Slot.Compare uses) when t is empty.
func techniquesFor(t batik.Technique) []batik.Technique {
	if t != "" {
		return []batik.Technique{t}
	}
	return []batik.Technique{batik.Cap, batik.Kombinasi, batik.Printing, batik.Tulis}
}
