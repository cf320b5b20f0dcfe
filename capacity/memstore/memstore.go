// Package memstore is the capacity ledger's store in memory: the embedded
// default, for tests, examples and services that run as one process.
//
//	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
//
// It implements capacity.Store and passes capacity/storetest, the suite
// every store passes, so a service can move to capacity/pgstore (shared by
// several processes, durable) without changing a line of its ledger code.
//
// # What it keeps
//
// Bookings in a map by key, each with its history and delivery calls;
// per producer, its slots' sums (held, confirmed, delivered, the capacity
// last recorded) with the holds of each slot by booking, and its calendar
// entries. Records are copied in and out: a caller never shares memory
// with the store.
//
// # Concurrency
//
// A Store is safe for concurrent use. Writes (Commit, SetCalendar, Sweep)
// take one lock for the whole store and readers share it, so a change is
// all or nothing and no reader sees half of one. The Ledger does its
// planning outside the store, so the lock is held only to check and apply
// a change: microseconds per booking.
//
// # What it is not
//
// Not durable: its records live as long as the process, and two processes
// with a memory store each share nothing. Times come back as wall clock
// and location without the monotonic clock reading (what Time.Round(0)
// gives). Bookings lists every booking it holds to select a page:
// O(bookings log bookings) a page.
package memstore

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
)

// Store is a capacity.Store in memory. The zero Store is not usable; call
// New.
type Store struct {
	mu        sync.RWMutex
	bookings  map[string]*entry
	producers map[string]*producer
}

// entry is one booking with what the store keeps beside it.
type entry struct {
	b       capacity.Booking
	history []capacity.HistoryEntry
	calls   map[string]capacity.DeliveryCall
}

// producer is one producer's slots and calendar entries.
type producer struct {
	slots    map[weekSlot]*sums
	calendar map[weekSlot]int // technique "" applies to every technique that week
}

// weekSlot is a slot within one producer: its technique as a number (0
// for every technique, in a calendar entry) and its week. Small and
// without a string, it hashes fast.
type weekSlot struct {
	t uint8
	w capacity.Week
}

// techniques is batik.Techniques(); a weekSlot's t is 1 + a position in it.
var techniques = batik.Techniques()

// tix returns the number of technique t in a weekSlot (0 for "").
func tix(t batik.Technique) uint8 {
	for i, u := range techniques {
		if u == t {
			return uint8(i + 1)
		}
	}
	return 0
}

// tech returns the technique of number i (0: "").
func tech(i uint8) batik.Technique {
	if i == 0 || int(i) > len(techniques) {
		return ""
	}
	return techniques[i-1]
}

// sums are one slot's pieces. held counts the pieces of holds (by booking
// key in holds) not yet released; a hold is released when its booking is
// marked expired, cancelled or confirmed.
type sums struct {
	held, confirmed, delivered int
	capacity                   int
	recorded                   bool
	holds                      map[string]int
}

// New returns an empty store. O(1).
func New() *Store {
	return &Store{bookings: map[string]*entry{}, producers: map[string]*producer{}}
}

// Commit applies c atomically, as capacity.Store says: c is checked with
// Change.Validate, lapsed holds in the slots it touches are marked expired
// and released, then the booking and the deltas are applied, or nothing
// is. O(lines + deltas + the lines of the holds it releases); safe for
// concurrent use.
func (s *Store) Commit(ctx context.Context, c capacity.Change) (capacity.Booking, error) {
	if err := c.Validate(); err != nil {
		return capacity.Booking{}, err
	}
	if err := ctx.Err(); err != nil {
		return capacity.Booking{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := c.Booking.Key
	at := s.find(c.Deltas)
	for _, sl := range at.slots { // release what lapsed first: it may be the room this change needs
		if sl != nil {
			s.releaseLapsed(sl, c.Now, key)
		}
	}
	e, exists := s.bookings[key]
	switch {
	case c.Expect == 0 && exists:
		return e.read(c.Now), capacity.ExistsError(key)
	case c.Expect != 0 && !exists:
		return capacity.Booking{}, capacity.NotFoundError(key)
	case c.Expect != 0 && e.b.Version != c.Expect:
		return capacity.Booking{}, capacity.StaleError(key, c.Expect, e.b.Version)
	case c.Call != nil && exists && e.calls[c.Call.Key].Key != "":
		return e.read(c.Now), capacity.CallExistsError(key, c.Call.Key)
	}
	if err := s.check(c, at); err != nil {
		return capacity.Booking{}, err
	}
	for i, d := range c.Deltas {
		s.apply(d, key, at, i)
	}
	if !exists {
		e = &entry{}
		s.bookings[key] = e
	}
	e.b = c.Booking.Clone()
	e.b.Version = c.Expect + 1
	e.b.HoldUntil, e.b.Created, e.b.Updated = e.b.HoldUntil.Round(0), e.b.Created.Round(0), e.b.Updated.Round(0)
	e.log(c.Now, c.Actor, c.Op, c.Call)
	if c.Call != nil {
		call := *c.Call
		call.Deliveries, call.Inspection = slices.Clone(call.Deliveries), slices.Clone(call.Inspection)
		call.Version, call.Time = e.b.Version, c.Now.Round(0)
		if e.calls == nil {
			e.calls = map[string]capacity.DeliveryCall{}
		}
		e.calls[call.Key] = call
	}
	if e.b.Lapsed(c.Now) {
		s.release(e) // committed already lapsed: it holds nothing
		e.b.State = capacity.Expired
	}
	// The caller's own record, as stored: the store keeps a copy of its own.
	got := c.Booking
	if got.Lines == nil {
		got.Lines = []capacity.BookingLine{}
	}
	if got.Unfilled == nil {
		got.Unfilled = map[string]int{}
	}
	got.Version, got.State = e.b.Version, e.b.StateAt(c.Now)
	got.HoldUntil, got.Created, got.Updated = e.b.HoldUntil, e.b.Created, e.b.Updated
	return got, nil
}

// deltaSlots are the producers and slots of a change's deltas, found once
// (nil where the store has none yet).
type deltaSlots struct {
	prods []*producer
	slots []*sums
}

// find looks up the producer and slot of each delta: one producer lookup
// for each run of deltas of one producer (deltas come in slot order).
func (s *Store) find(ds []capacity.SlotDelta) deltaSlots {
	at := deltaSlots{make([]*producer, len(ds)), make([]*sums, len(ds))}
	for i, d := range ds {
		var p *producer
		if i > 0 && ds[i-1].ProducerID == d.ProducerID {
			p = at.prods[i-1]
		} else {
			p = s.producers[d.ProducerID]
		}
		at.prods[i] = p
		if p != nil {
			at.slots[i] = p.slots[weekSlot{tix(d.Technique), d.Week}]
		}
	}
	return at
}

// check refuses the change when a slot would lack room or be left with a
// negative sum, before anything is applied.
func (s *Store) check(c capacity.Change, at deltaSlots) error {
	for i, d := range c.Deltas {
		var cur sums
		if sl := at.slots[i]; sl != nil {
			cur = *sl
		}
		capOf := at.prods[i].capacityOf(d.Slot, d.Capacity)
		if err := d.Check(int64(cur.held), int64(cur.confirmed), int64(cur.delivered), int64(capOf)); err != nil {
			return err
		}
	}
	return nil
}

// apply adds delta i to its slot, made when the store has none, recording
// the capacity, and keeps the booking's hold in the slot.
func (s *Store) apply(d capacity.SlotDelta, key string, at deltaSlots, i int) {
	sl := at.slots[i]
	if sl == nil {
		sl = s.slot(d.Slot, true)
		if at.prods[i] == nil {
			at.prods[i] = s.producers[d.ProducerID]
		}
	}
	sl.held += d.Held
	sl.confirmed += d.Confirmed
	sl.delivered += d.Delivered
	sl.capacity, sl.recorded = at.prods[i].capacityOf(d.Slot, d.Capacity), true
	if d.Held != 0 {
		if sl.holds == nil {
			sl.holds = map[string]int{}
		}
		if n := sl.holds[key] + d.Held; n > 0 {
			sl.holds[key] = n
		} else {
			delete(sl.holds, key)
		}
	}
}

// releaseLapsed marks the bookings holding pieces in sl whose hold lapsed
// at now as expired, releasing their pieces in every slot. The booking
// being committed (key) is left to the commit's version check.
func (s *Store) releaseLapsed(sl *sums, now time.Time, key string) {
	for k := range sl.holds {
		e := s.bookings[k]
		if k == key || e == nil || !e.b.Lapsed(now) {
			continue
		}
		s.expire(e, now, "")
	}
}

// expire marks a lapsed hold expired (a new version) and releases it.
func (s *Store) expire(e *entry, now time.Time, actor string) {
	s.release(e)
	e.b.State = capacity.Expired
	e.b.Version++
	e.b.Updated = now.Round(0)
	e.log(now, actor, capacity.OpExpire, nil)
}

// release takes the booking's holds out of every slot of its lines.
func (s *Store) release(e *entry) {
	for _, l := range e.b.Lines {
		if sl := s.slot(l.Slot, false); sl != nil {
			if n, ok := sl.holds[e.b.Key]; ok {
				sl.held -= n
				delete(sl.holds, e.b.Key)
			}
		}
	}
}

func (e *entry) log(now time.Time, actor string, op capacity.Operation, call *capacity.DeliveryCall) {
	h := capacity.HistoryEntry{Version: e.b.Version, Time: now.Round(0), Actor: actor, Op: op}
	if call != nil {
		h.Call = call.Key
	}
	e.history = append(e.history, h)
}

// read returns a copy of the booking as it stands at now.
func (e *entry) read(now time.Time) capacity.Booking {
	b := e.b.Clone()
	b.State = b.StateAt(now)
	return b
}

// slot returns a slot's sums, made when make is set, else nil when the
// store has none.
func (s *Store) slot(sl capacity.Slot, make bool) *sums {
	p := s.producers[sl.ProducerID]
	if p == nil {
		if !make {
			return nil
		}
		p = &producer{slots: map[weekSlot]*sums{}, calendar: map[weekSlot]int{}}
		s.producers[sl.ProducerID] = p
	}
	k := weekSlot{tix(sl.Technique), sl.Week}
	v := p.slots[k]
	if v == nil && make {
		v = &sums{}
		p.slots[k] = v
	}
	return v
}

// capacityOf is a slot's capacity: its technique's calendar entry, else
// its producer's for the week, else given (p may be nil: no entry).
func (p *producer) capacityOf(sl capacity.Slot, given int) int {
	if p != nil && len(p.calendar) > 0 {
		if n, ok := p.calendar[weekSlot{tix(sl.Technique), sl.Week}]; ok {
			return n
		}
		if n, ok := p.calendar[weekSlot{0, sl.Week}]; ok {
			return n
		}
	}
	return given
}

// Booking returns the booking with the key as it stands at now, or an
// error wrapping capacity.ErrNotFound. O(lines); safe for concurrent use.
func (s *Store) Booking(ctx context.Context, key string, now time.Time) (capacity.Booking, error) {
	if err := ctx.Err(); err != nil {
		return capacity.Booking{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e := s.bookings[key]
	if e == nil {
		return capacity.Booking{}, capacity.NotFoundError(key)
	}
	return e.read(now), nil
}

// Bookings returns one page of the bookings f selects, as
// capacity.Store says. O(bookings log bookings); safe for concurrent use.
func (s *Store) Bookings(ctx context.Context, f capacity.BookingFilter, now time.Time) (capacity.BookingPage, error) {
	if err := f.Validate(); err != nil {
		return capacity.BookingPage{}, err
	}
	if err := ctx.Err(); err != nil {
		return capacity.BookingPage{}, err
	}
	after, afterKey, _ := f.After() // checked by Validate
	start := capacity.Booking{Created: after, Key: afterKey}
	s.mu.RLock()
	defer s.mu.RUnlock()
	var match []*capacity.Booking
	for _, e := range s.bookings {
		if (f.Cursor == "" || capacity.ComparePage(&e.b, &start) > 0) && f.Selects(&e.b, now) {
			match = append(match, &e.b)
		}
	}
	slices.SortFunc(match, capacity.ComparePage)
	match = match[:min(len(match), f.PageLimit()+1)]
	page := make([]capacity.Booking, len(match))
	for i, b := range match {
		page[i] = s.bookings[b.Key].read(now)
	}
	return f.Page(page), nil
}

// History returns the booking's changes, oldest first. O(changes); safe
// for concurrent use.
func (s *Store) History(ctx context.Context, key string) ([]capacity.HistoryEntry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e := s.bookings[key]
	if e == nil {
		return nil, capacity.NotFoundError(key)
	}
	return slices.Clone(e.history), nil
}

// DeliveryCall returns the booking's delivery call with callKey, or an
// error wrapping capacity.ErrNotFound. O(deliveries); safe for concurrent
// use.
func (s *Store) DeliveryCall(ctx context.Context, key, callKey string) (capacity.DeliveryCall, error) {
	if err := ctx.Err(); err != nil {
		return capacity.DeliveryCall{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	e := s.bookings[key]
	if e == nil {
		return capacity.DeliveryCall{}, capacity.NotFoundError(key)
	}
	call, ok := e.calls[callKey]
	if !ok {
		return capacity.DeliveryCall{}, capacity.NotFoundError(key + "/" + callKey)
	}
	call.Deliveries, call.Inspection = slices.Clone(call.Deliveries), slices.Clone(call.Inspection)
	return call, nil
}

// Sweep marks up to limit lapsed holds (HoldUntil at or before before)
// expired, as capacity.Store says, the earliest HoldUntil first; the
// actor is checked by capacity.ValidateActor.
// O(bookings log bookings); safe for concurrent use.
func (s *Store) Sweep(ctx context.Context, before, now time.Time, limit int, actor string) (int, error) {
	if err := capacity.ValidateActor(actor); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var lapsed []*entry
	for _, e := range s.bookings {
		if e.b.Lapsed(before) {
			lapsed = append(lapsed, e)
		}
	}
	slices.SortFunc(lapsed, func(a, b *entry) int {
		return cmp.Or(a.b.HoldUntil.Compare(b.b.HoldUntil), cmp.Compare(a.b.Key, b.b.Key))
	})
	lapsed = lapsed[:min(len(lapsed), max(limit, 0))]
	for _, e := range lapsed {
		s.expire(e, now, actor)
	}
	return len(lapsed), nil
}
