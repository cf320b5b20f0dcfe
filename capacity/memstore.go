package capacity

import (
	"context"
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// memShards is how many lock shards the memory store has for bookings and
// for slots. Bookings are sharded by key, slots (and calendar entries) by
// producer ID, so Book calls on different producers rarely share a lock.
const memShards = 64

// MemoryStore is a Store in memory: the embedded default, for tests,
// examples and single-process services. It is safe for concurrent use and
// NOT durable: its records live as long as the process. Use
// capacity/pgstore to share a ledger between processes or keep it across
// restarts.
//
// There is no global lock on the write path: bookings are kept in 64
// shards by key and slots in 64 shards by producer ID, each with its own
// lock. Commit locks the booking's shard, then the slots' shards in
// ascending shard order (a fixed global order, so two commits cannot
// deadlock), and holds them while it checks and applies the change: a
// change is all or nothing, and no reader sees half of one. Commits on
// different producers and keys run in parallel.
//
// Expired holds are released lazily, without a background goroutine: each
// slot keeps its holds ordered by expiry, Commit drops those expired at
// Change.Now from every slot it touches before checking room, and readers
// leave expired holds out of Held and report their bookings as Expired.
// The stored record of an expired hold keeps state Held until a change
// rewrites it; no reader ever shows it so.
//
// A calendar entry is kept with its producer's slots and takes precedence
// over SlotDelta.Capacity in Commit, so a SetCalendar that closes a week
// cannot be undone by a change planned before it.
//
// The zero MemoryStore is not usable; call NewMemoryStore.
type MemoryStore struct {
	seed     maphash.Seed
	bookings [memShards]bookingShard
	slots    [memShards]slotShard
}

type bookingShard struct {
	mu sync.RWMutex
	m  map[string]*Booking
	_  [64 - 32]byte // one shard per 64-byte cache line
}

type slotShard struct {
	mu   sync.RWMutex
	prod map[string]*prodSlots
	_    [64 - 32]byte
}

// prodSlots is one producer's slots and calendar entries.
type prodSlots struct {
	slots map[techWeek]*slotRec
	cal   map[techWeek]int // technique "" for the whole producer
}

type techWeek struct {
	t batik.Technique
	w Week
}

// slotRec is one slot's sums. held is the sum of the holds' pieces;
// holds are kept in expiry order (the index release pops from), a few per
// slot at a time in practice, so a hold is found by a linear scan.
type slotRec struct {
	held, confirmed, delivered, capacity int
	recorded                             bool
	holds                                []hold
}

type hold struct {
	until time.Time
	key   string
	qty   int
}

// NewMemoryStore returns an empty store. O(1).
func NewMemoryStore() *MemoryStore {
	s := &MemoryStore{seed: maphash.MakeSeed()}
	for i := range s.bookings {
		s.bookings[i].m = make(map[string]*Booking)
		s.slots[i].prod = make(map[string]*prodSlots)
	}
	return s
}

func (s *MemoryStore) shardOf(key string) int {
	return int(maphash.String(s.seed, key) % memShards)
}

// Commit applies c atomically, as Store.Commit says. Besides the Store's
// errors it returns an *InputError wrapping ErrInvalid for an empty key, a
// negative Expect, a delta capacity outside [0, batik.MaxQuantity], a
// slot repeated, a held delta on a booking that is not a hold, or a change
// that would make a slot's sums negative. O(d log d + r) for d deltas and
// r holds released; safe for concurrent use.
func (s *MemoryStore) Commit(ctx context.Context, c Change) (Booking, error) {
	if err := ctx.Err(); err != nil {
		return Booking{}, fmt.Errorf("capacity: commit %s: %w", quote(c.Booking.Key), err)
	}
	key := c.Booking.Key
	if key == "" {
		return Booking{}, invalid("booking.key", `""`, "must not be empty")
	}
	if c.Expect < 0 {
		return Booking{}, invalid("expect", strconv.FormatInt(c.Expect, 10), "must be >= 0")
	}
	deltas := c.Deltas
	if !slices.IsSortedFunc(deltas, func(a, b SlotDelta) int { return a.Slot.Compare(b.Slot) }) {
		deltas = slices.Clone(deltas)
		slices.SortFunc(deltas, func(a, b SlotDelta) int { return a.Slot.Compare(b.Slot) })
	}
	for i, d := range deltas {
		if i > 0 && deltas[i-1].Slot == d.Slot {
			return Booking{}, invalid("deltas", d.Slot.String(), "slot appears twice")
		}
		if d.Capacity < 0 || d.Capacity > batik.MaxQuantity {
			return Booking{}, invalid("deltas.capacity", strconv.Itoa(d.Capacity), "must be in [0, 2147483647] for "+d.Slot.String())
		}
		if d.Held > 0 && (c.Booking.State != Held || c.Booking.HoldUntil.IsZero()) {
			return Booking{}, invalid("deltas.held", strconv.Itoa(d.Held), "a booking in state "+c.Booking.State.String()+" cannot hold pieces")
		}
	}

	bs := &s.bookings[s.shardOf(key)]
	bs.mu.Lock()
	defer bs.mu.Unlock()
	old, exists := bs.m[key]
	switch {
	case c.Expect == 0 && exists:
		return old.view(c.Now), fmt.Errorf("capacity: booking %s: %w", quote(key), ErrExists)
	case c.Expect != 0 && !exists:
		return Booking{}, fmt.Errorf("capacity: booking %s: %w", quote(key), ErrNotFound)
	case exists && old.Version != c.Expect:
		return Booking{}, fmt.Errorf("capacity: booking %s is at version %d, not %d: %w", quote(key), old.Version, c.Expect, ErrStale)
	}

	var shardBuf [16]int
	shards := shardBuf[:0]
	for _, d := range deltas {
		shards = append(shards, s.shardOf(d.ProducerID))
	}
	slices.Sort(shards)
	shards = slices.Compact(shards)
	for _, i := range shards {
		s.slots[i].mu.Lock()
	}
	defer func() {
		for _, i := range shards {
			s.slots[i].mu.Unlock()
		}
	}()

	// First pass: release expired holds, compute and check; nothing of the
	// change is applied until every slot has room.
	type next struct {
		rec                        *slotRec
		held, confirmed, delivered int
		holdQty, capacity          int
	}
	var nextBuf [16]next
	plan := nextBuf[:0]
	for _, d := range deltas {
		ps := s.slots[s.shardOf(d.ProducerID)].producer(d.ProducerID)
		rec := ps.slot(d.Technique, d.Week)
		rec.release(c.Now)
		capacity := d.Capacity
		if v, ok := ps.calendar(d.Technique, d.Week); ok {
			capacity = v
		}
		hq := 0
		if i := rec.holdOf(key); i >= 0 {
			hq = rec.holds[i].qty
		}
		holdQty := max(hq+d.Held, 0) // a hold released here counts 0
		n := next{rec: rec, holdQty: holdQty, capacity: capacity,
			held:      rec.held - hq + holdQty,
			confirmed: rec.confirmed + d.Confirmed,
			delivered: rec.delivered + d.Delivered,
		}
		if n.confirmed < 0 || n.delivered < 0 {
			return Booking{}, invalid("deltas", d.Slot.String(), "would leave "+strconv.Itoa(n.confirmed)+" confirmed and "+
				strconv.Itoa(n.delivered)+" delivered in the slot")
		}
		grows := n.held+n.confirmed > rec.held+rec.confirmed
		if grows && n.held+n.confirmed > capacity {
			return Booking{}, fmt.Errorf("capacity: slot %s: %d held and %d confirmed, capacity %d, the change needs %d more: %w",
				d.Slot, rec.held, rec.confirmed, capacity, n.held+n.confirmed-rec.held-rec.confirmed, ErrNoRoom)
		}
		plan = append(plan, n)
	}
	for _, n := range plan {
		r := n.rec
		r.held, r.confirmed, r.delivered, r.capacity, r.recorded = n.held, n.confirmed, n.delivered, n.capacity, true
		if i := r.holdOf(key); i >= 0 {
			r.holds = slices.Delete(r.holds, i, i+1)
		}
		if n.holdQty > 0 {
			r.addHold(hold{c.Booking.HoldUntil, key, n.holdQty})
		}
	}
	b := c.Booking.clone()
	b.Version = c.Expect + 1
	bs.m[key] = &b
	// The caller's record is returned as stored, without a second copy:
	// the store keeps its own.
	out := c.Booking
	out.Version, out.State, out.Lines, out.Unfilled = b.Version, b.stateAt(c.Now), orEmpty(out.Lines), orEmptyMap(out.Unfilled)
	return out, nil
}

func orEmpty(lines []BookingLine) []BookingLine {
	if lines == nil {
		return []BookingLine{}
	}
	return lines
}

func orEmptyMap(m map[string]int) map[string]int {
	if m == nil {
		return map[string]int{}
	}
	return m
}

func (sh *slotShard) producer(id string) *prodSlots {
	ps := sh.prod[id]
	if ps == nil {
		ps = &prodSlots{slots: make(map[techWeek]*slotRec)}
		sh.prod[id] = ps
	}
	return ps
}

func (ps *prodSlots) slot(t batik.Technique, w Week) *slotRec {
	r := ps.slots[techWeek{t, w}]
	if r == nil {
		r = &slotRec{}
		ps.slots[techWeek{t, w}] = r
	}
	return r
}

// calendar returns the capacity a calendar entry sets for the slot: the
// technique's own entry, else the producer's for the week.
func (ps *prodSlots) calendar(t batik.Technique, w Week) (int, bool) {
	if v, ok := ps.cal[techWeek{t, w}]; ok {
		return v, true
	}
	v, ok := ps.cal[techWeek{"", w}]
	return v, ok
}

// holdOf returns the position of key's hold, or -1. O(holds).
func (r *slotRec) holdOf(key string) int {
	for i := range r.holds {
		if r.holds[i].key == key {
			return i
		}
	}
	return -1
}

// addHold inserts h in expiry order. O(log n + n) moves.
func (r *slotRec) addHold(h hold) {
	i, _ := slices.BinarySearchFunc(r.holds, h.until, func(e hold, t time.Time) int { return e.until.Compare(t) })
	for i < len(r.holds) && r.holds[i].until.Equal(h.until) {
		i++ // after holds expiring at the same time: insertion order
	}
	r.holds = slices.Insert(r.holds, i, h)
}

// release drops the holds expired at now (HoldUntil at or before now).
// O(r) for r holds released.
func (r *slotRec) release(now time.Time) {
	n := 0
	for n < len(r.holds) && !r.holds[n].until.After(now) {
		r.held -= r.holds[n].qty
		n++
	}
	if n > 0 {
		r.holds = slices.Delete(r.holds, 0, n)
	}
}

// heldAt returns the pieces held by holds unexpired at now, without
// releasing anything. O(r) for r expired holds.
func (r *slotRec) heldAt(now time.Time) int {
	held := r.held
	for i := 0; i < len(r.holds) && !r.holds[i].until.After(now); i++ {
		held -= r.holds[i].qty
	}
	return held
}

// clone returns a deep copy of b, so that no caller shares the store's
// slices and maps.
func (b *Booking) clone() Booking {
	c := *b
	c.Lines = slices.Clone(b.Lines)
	if c.Lines == nil {
		c.Lines = []BookingLine{}
	}
	if len(b.Unfilled) > 0 {
		c.Unfilled = make(map[string]int, len(b.Unfilled))
		for k, v := range b.Unfilled {
			c.Unfilled[k] = v
		}
	} else {
		c.Unfilled = nil
	}
	return c
}

// view returns a copy of b as a reader at now sees it: a hold whose
// HoldUntil is at or before now is Expired.
func (b *Booking) view(now time.Time) Booking {
	c := b.clone()
	c.State, c.Unfilled = c.stateAt(now), orEmptyMap(c.Unfilled)
	return c
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
	bs := &s.bookings[s.shardOf(key)]
	bs.mu.RLock()
	defer bs.mu.RUnlock()
	b, ok := bs.m[key]
	if !ok {
		return Booking{}, fmt.Errorf("capacity: booking %s: %w", quote(key), ErrNotFound)
	}
	return b.view(now), nil
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
		for _, b := range bs.m {
			if b.matches(f) {
				out = append(out, b.view(now))
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

func (b *Booking) matches(f BookingFilter) bool {
	if f.OrderID == "" && f.ProducerID == "" {
		return true
	}
	for _, l := range b.Lines {
		if (f.OrderID == "" || l.OrderID == f.OrderID) && (f.ProducerID == "" || l.ProducerID == f.ProducerID) {
			return true
		}
	}
	if f.ProducerID == "" {
		_, ok := b.Unfilled[f.OrderID]
		return ok
	}
	return false
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
	}
	return nil
}

// producersOf lists the producers a query names, or every producer the
// store knows when it names none, sorted and unique, with their shards.
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
// with Held counting only holds unexpired at now. O(p x min(slots, 4 x
// weeks)) for p producers; it takes one producer's shard at a time, so a
// result spanning producers is not one snapshot (each slot is). Safe for
// concurrent use.
func (s *MemoryStore) Usage(ctx context.Context, q SlotQuery, now time.Time) ([]SlotUsage, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkQuery(q); err != nil {
		return nil, err
	}
	span := q.To.Sub(q.From) + 1
	out := make([]SlotUsage, 0, min(len(q.ProducerIDs)*span, 1024))
	var weeks []Week // q's weeks, made when first needed
	for _, id := range s.producersOf(q) {
		sh := &s.slots[s.shardOf(id)]
		sh.mu.RLock()
		ps := sh.prod[id]
		if ps == nil {
			sh.mu.RUnlock()
			continue
		}
		first := len(out)
		add := func(tw techWeek, r *slotRec) {
			out = append(out, SlotUsage{Slot: Slot{id, tw.t, tw.w}, Held: r.heldAt(now), Confirmed: r.confirmed,
				Delivered: r.delivered, Capacity: r.capacity, Recorded: r.recorded})
		}
		if span <= len(ps.slots) {
			if weeks == nil {
				weeks = make([]Week, 0, span)
				for w := q.From; !w.IsZero() && !q.To.Before(w); w = w.Add(1) {
					weeks = append(weeks, w)
				}
			}
			for _, t := range techniquesFor(q.Technique) {
				for _, w := range weeks {
					if r := ps.slots[techWeek{t, w}]; r != nil && r.recorded {
						add(techWeek{t, w}, r)
					}
				}
			}
		} else {
			for tw, r := range ps.slots {
				if r.recorded && (q.Technique == "" || tw.t == q.Technique) && !tw.w.Before(q.From) && !q.To.Before(tw.w) {
					add(tw, r)
				}
			}
		}
		sh.mu.RUnlock()
		part := out[first:]
		slices.SortFunc(part, func(a, b SlotUsage) int { return a.Slot.Compare(b.Slot) })
	}
	return out, nil
}

// visitUsage calls fn with the held and confirmed pieces of each slot
// Usage would return, under the slot's shard lock: the allocation-free
// form of Usage for Ledger.Book.
func (s *MemoryStore) visitUsage(ctx context.Context, q SlotQuery, now time.Time, fn func(string, batik.Technique, Week, int)) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkQuery(q); err != nil {
		return err
	}
	for _, id := range s.producersOf(q) {
		sh := &s.slots[s.shardOf(id)]
		sh.mu.RLock()
		if ps := sh.prod[id]; ps != nil {
			for tw, r := range ps.slots {
				if r.recorded && (q.Technique == "" || tw.t == q.Technique) && !tw.w.Before(q.From) && !q.To.Before(tw.w) {
					if n := r.heldAt(now) + r.confirmed; n != 0 {
						fn(id, tw.t, tw.w, n)
					}
				}
			}
		}
		sh.mu.RUnlock()
	}
	return nil
}

// techniquesFor is t alone, or every technique in text order (the order
// Slot.Compare uses) when t is empty.
func techniquesFor(t batik.Technique) []batik.Technique {
	if t != "" {
		return []batik.Technique{t}
	}
	ts := batik.Techniques()
	slices.Sort(ts)
	return ts
}

// SetCalendar records e, as Store.SetCalendar says: it refuses, with an
// error wrapping ErrNoRoom, a capacity below held + confirmed in a slot it
// would govern (the technique's slot, or with an empty technique every
// slot of the producer that week without an entry of its own), and with
// an *InputError wrapping ErrInvalid an empty producer ID, a zero week or
// a capacity outside [0, batik.MaxQuantity]. O(techniques); safe for
// concurrent use.
func (s *MemoryStore) SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := checkEntry(e); err != nil {
		return err
	}
	sh := &s.slots[s.shardOf(e.ProducerID)]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	ps := sh.producer(e.ProducerID)
	for tw, r := range ps.slots {
		if tw.w != e.Week || (e.Technique != "" && tw.t != e.Technique) {
			continue
		}
		if e.Technique == "" {
			if _, own := ps.cal[tw]; own {
				continue
			}
		}
		r.release(now)
		if r.held+r.confirmed > e.Capacity {
			return fmt.Errorf("capacity: calendar %s: %d held and %d confirmed in %s, above the capacity %d: %w",
				e.ProducerID, r.held, r.confirmed, Slot{e.ProducerID, tw.t, tw.w}, e.Capacity, ErrNoRoom)
		}
	}
	if ps.cal == nil {
		ps.cal = make(map[techWeek]int)
	}
	ps.cal[techWeek{e.Technique, e.Week}] = e.Capacity
	return nil
}

// checkEntry checks a calendar entry's fields.
func checkEntry(e CalendarEntry) error {
	switch {
	case e.ProducerID == "":
		return invalid("calendar.producer_id", `""`, "must not be empty")
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
		sh := &s.slots[s.shardOf(id)]
		sh.mu.RLock()
		if ps := sh.prod[id]; ps != nil {
			for tw, v := range ps.cal {
				if (q.Technique == "" || tw.t == "" || tw.t == q.Technique) && !tw.w.Before(q.From) && !q.To.Before(tw.w) {
					out = append(out, CalendarEntry{id, tw.t, tw.w, v})
				}
			}
		}
		sh.mu.RUnlock()
	}
	slices.SortFunc(out, func(a, b CalendarEntry) int {
		return Slot{a.ProducerID, a.Technique, a.Week}.Compare(Slot{b.ProducerID, b.Technique, b.Week})
	})
	return out, nil
}
