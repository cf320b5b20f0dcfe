package capacity

import (
	"context"
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/batikkit/batikkit/batik"
)

// memShards is how many lock shards the memory store has for bookings
// (by key) and for its producer directory (by producer ID). Book calls on
// different producers and keys rarely share a lock.
const memShards = 256

// MemoryStore is a Store in memory: the embedded default, for tests,
// examples and single-process services. It is safe for concurrent use and
// NOT durable: its records live as long as the process. Use
// capacity/pgstore to share a ledger between processes or keep it across
// restarts.
//
// There is no global lock on the write path: bookings are kept in 256
// shards by key, each with its own lock, and each producer's slots have a
// lock of their own (found through 256 shards of a producer directory,
// locked only to look up or add a producer). Commit locks the booking's
// shard, then the producers of its slots in producer-ID order (the order
// of Slot.Compare: a fixed global order, so two commits cannot deadlock),
// and holds them while it checks and applies the change: a change is all
// or nothing, and no reader sees half of one. Commits on different
// producers and keys run in parallel.
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
// Memory: each booking is kept as one record of bytes (its strings as
// written, numbers as varints, a line's IDs and unit cost written once per
// run of lines that share them: about 10 bytes a line plus its IDs) in
// chunks per shard, found by the hash of its key; nothing kept per booking
// is a pointer, so the garbage collector's work does not grow with the
// bookings kept. A read decodes a copy. Times are kept as wall clock and
// location, without the monotonic clock reading (what Time.Round(0)
// gives; Commit returns them so too). A rewritten record's old bytes are
// reclaimed when a shard has 64 KiB of them and as many as live ones.
//
// The zero MemoryStore is not usable; call NewMemoryStore.
type MemoryStore struct {
	seed     maphash.Seed
	bookings [memShards]bookingShard
	slots    [memShards]slotShard
	locs     locTable
}

type bookingShard struct {
	mu sync.RWMutex
	t  recTable
	_  [(64 - (unsafe.Sizeof(sync.RWMutex{})+unsafe.Sizeof(recTable{}))%64) % 64]byte // a multiple of 64 bytes: shards do not share cache lines
}

type slotShard struct {
	mu   sync.RWMutex
	prod map[string]*prodSlots
	_    [64 - 32]byte
}

// prodSlots is one producer's slots and calendar entries, under its lock.
type prodSlots struct {
	mu    sync.RWMutex
	slots [ntech][]weekSlot // by techIndex, each in week order
	cal   map[techWeek]int  // technique "" for the whole producer
}

// weekSlot is one slot of a producer's technique. A technique's slots
// are kept sorted by week: Book reads a few consecutive weeks, found by
// one binary search and a walk, and new weeks are mostly appended.
type weekSlot struct {
	w Week
	r *slotRec
}

// search returns the position of week w in ws, or where it would go, and
// whether it is there. O(log n).
func search(ws []weekSlot, w Week) (int, bool) {
	k := w.key()
	i, j := 0, len(ws)
	for i < j {
		h := int(uint(i+j) >> 1)
		if ws[h].w.key() < k {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < len(ws) && ws[i].w == w
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
	return &MemoryStore{seed: maphash.MakeSeed()} // shard maps are made on first use
}

func (s *MemoryStore) shardOf(key string) int {
	return int(s.hash(key) % memShards)
}

// hash is the hash of a booking key or producer ID: its shard is hash %
// memShards.
func (s *MemoryStore) hash(key string) uint64 { return maphash.String(s.seed, key) }

// Commit applies c atomically, as Store.Commit says, and refuses input
// that breaks its rules with an *InputError naming the field. Besides, it
// refuses (ErrInvalid) a negative Expect, a delta capacity outside [0,
// batik.MaxQuantity], a slot repeated, a held delta on a booking that is
// not a hold, or a change that would make a slot's sums negative. O(d log
// d + l log l + r) for d deltas, l lines and r holds released; safe for
// concurrent use.
func (s *MemoryStore) Commit(ctx context.Context, c Change) (Booking, error) {
	return s.commit(ctx, c, nil, false)
}

// commit is Commit; snap, when not nil, is the snapshot the change was
// planned on, whose producer records it uses when this store filled it.
// trusted is set for the Ledger's own changes, made of checked orders,
// producers and stored bookings: Commit's rules on input are not checked
// again.
func (s *MemoryStore) commit(ctx context.Context, c Change, snap *snapshot, trusted bool) (Booking, error) {
	if snap != nil && snap.mem != s {
		snap = nil
	}
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
	if !trusted {
		if err := checkChangeInput(&c); err != nil {
			return Booking{}, err
		}
	}
	deltas := c.Deltas
	if !slices.IsSortedFunc(deltas, func(a, b SlotDelta) int { return a.Slot.Compare(b.Slot) }) {
		deltas = slices.Clone(deltas)
		slices.SortFunc(deltas, func(a, b SlotDelta) int { return a.Slot.Compare(b.Slot) })
	}
	for i, d := range deltas {
		if i > 0 && deltas[i-1].Slot == d.Slot {
			return Booking{}, invalid("deltas", quote(d.Slot.String()), "slot appears twice")
		}
		if d.Capacity < 0 || d.Capacity > batik.MaxQuantity {
			return Booking{}, invalid("deltas.capacity", strconv.Itoa(d.Capacity), "must be in [0, 2147483647] for "+quote(d.Slot.String()))
		}
		if d.Held > 0 && (c.Booking.State != Held || c.Booking.HoldUntil.IsZero()) {
			return Booking{}, invalid("deltas.held", strconv.Itoa(d.Held), "a booking in state "+c.Booking.State.String()+" cannot hold pieces")
		}
	}

	h := s.hash(key)
	bs := &s.bookings[h%memShards]
	bs.mu.Lock()
	defer bs.mu.Unlock()
	ri := bs.t.find(key, h)
	exists := ri >= 0
	switch {
	case c.Expect == 0 && exists:
		return s.view(bs.t.rec(ri), c.Now), fmt.Errorf("capacity: booking %s: %w", quote(key), ErrExists)
	case c.Expect != 0 && !exists:
		return Booking{}, fmt.Errorf("capacity: booking %s: %w", quote(key), ErrNotFound)
	case exists && recVersion(bs.t.rec(ri)) != c.Expect:
		return Booking{}, fmt.Errorf("capacity: booking %s is at version %d, not %d: %w", quote(key), recVersion(bs.t.rec(ri)), c.Expect, ErrStale)
	}

	var psBuf [16]*prodSlots
	prods := psBuf[:0] // one per producer, in ID order as the deltas are
	for i, d := range deltas {
		if i == 0 || deltas[i-1].ProducerID != d.ProducerID {
			var ps *prodSlots
			if snap != nil {
				ps, _ = snap.rec(d.ProducerID)
			}
			if ps == nil {
				ps = s.producer(d.ProducerID, true)
			}
			ps.mu.Lock()
			prods = append(prods, ps)
		}
	}
	defer func() {
		for _, ps := range prods {
			ps.mu.Unlock()
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
	pi := -1
	for i, d := range deltas {
		if i == 0 || deltas[i-1].ProducerID != d.ProducerID {
			pi++
		}
		ps := prods[pi]
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
			return Booking{}, invalid("deltas", quote(d.Slot.String()), "would leave "+strconv.Itoa(n.confirmed)+" confirmed and "+
				strconv.Itoa(n.delivered)+" delivered in the slot")
		}
		grows := n.held+n.confirmed > rec.held+rec.confirmed
		if grows && n.held+n.confirmed > capacity {
			return Booking{}, fmt.Errorf("capacity: slot %s: %d held and %d confirmed, capacity %d, the change needs %d more: %w",
				quote(d.Slot.String()), rec.held, rec.confirmed, capacity, n.held+n.confirmed-rec.held-rec.confirmed, ErrNoRoom)
		}
		plan = append(plan, n)
	}
	out := c.Booking
	out.Version = c.Expect + 1
	out.HoldUntil, out.Created, out.Updated = out.HoldUntil.Round(0), out.Created.Round(0), out.Updated.Round(0)
	bs.t.scratch = encodeBooking(bs.t.scratch[:0], &out, &s.locs)
	if err := bs.t.put(ri, h, bs.t.scratch); err != nil {
		return Booking{}, err
	}
	if cap(bs.t.scratch) > 4<<10 {
		bs.t.scratch = nil // a large one: let it go rather than keep it per shard
	}
	for _, n := range plan {
		r := n.rec
		r.held, r.confirmed, r.delivered, r.capacity, r.recorded = n.held, n.confirmed, n.delivered, n.capacity, true
		if i := r.holdOf(key); i >= 0 {
			r.holds = slices.Delete(r.holds, i, i+1)
		}
		if n.holdQty > 0 {
			// As stored (no monotonic reading), so that the slot and the
			// booking judge expiry by the same clock.
			r.addHold(hold{out.HoldUntil, key, n.holdQty})
		}
	}
	// The caller's record is returned as stored, without a second copy:
	// the store keeps its own, encoded.
	out.State, out.Lines, out.Unfilled = out.stateAt(c.Now), orEmpty(out.Lines), orEmptyMap(out.Unfilled)
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

// producer returns the record of producer id, adding an empty one when
// create is set (nil when absent otherwise). It takes the directory
// shard's lock only for the lookup.
func (s *MemoryStore) producer(id string, create bool) *prodSlots {
	sh := &s.slots[s.shardOf(id)]
	sh.mu.RLock()
	ps := sh.prod[id]
	sh.mu.RUnlock()
	if ps != nil || !create {
		return ps
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if ps = sh.prod[id]; ps == nil {
		ps = &prodSlots{}
		if sh.prod == nil {
			sh.prod = make(map[string]*prodSlots)
		}
		sh.prod[id] = ps
	}
	return ps
}

// slot returns the slot of technique t in week w, adding an empty one
// when it has no record. O(log n), plus moving the later weeks when w is
// not the last.
func (ps *prodSlots) slot(t batik.Technique, w Week) *slotRec {
	k := techIndex(t)
	i, ok := search(ps.slots[k], w)
	if !ok {
		ps.slots[k] = slices.Insert(ps.slots[k], i, weekSlot{w, &slotRec{}})
	}
	return ps.slots[k][i].r
}

// get returns the slot of technique t in week w, or nil when it has no
// record. O(log n).
func (ps *prodSlots) get(t batik.Technique, w Week) *slotRec {
	ws := ps.slots[techIndex(t)]
	if i, ok := search(ws, w); ok {
		return ws[i].r
	}
	return nil
}

// weeks returns technique t's slots from week from to week to, in week
// order. O(log n + the slots returned).
func (ps *prodSlots) weeks(t batik.Technique, from, to Week) []weekSlot {
	ws := ps.slots[techIndex(t)]
	i, _ := search(ws, from)
	j, last := i, to.key()
	for j < len(ws) && ws[j].w.key() <= last {
		j++
	}
	return ws[i:j]
}

// techByIndex is techIndex's inverse.
var techByIndex = [ntech]batik.Technique{batik.Tulis, batik.Cap, batik.Kombinasi, batik.Printing}

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
	if n := len(r.holds); n == 0 || !h.until.Before(r.holds[n-1].until) {
		r.holds = append(r.holds, h) // the usual case: holds made in time order
		return
	}
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
