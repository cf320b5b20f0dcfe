package pgstore

import (
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgtype"
)

// What a transaction decides in Go, on rows it has locked: the bookings
// and slots as the changes before left them, so that a batch of commits
// runs as if one after another (as the memory store runs them), and Sweep
// and SetCalendar release lapsed holds the same way.

// batchState is the locked rows of one transaction and what it will
// write.
type batchState struct {
	s       *Store
	books   map[string]*book
	slots   map[capacity.Slot]*slotRow
	holders map[capacity.Slot][]*book // bookings that may hold pieces in a slot
	ids     []int64                   // ids for the bookings the batch inserts
	order   []*book                   // the lapsed holds read, in the order read
	hist    struct {
		id, v           []int64
		at              []pgtype.Timestamptz
		actor, op, call []string
	}
	calls struct {
		id, v                    []int64
		key, request, deliveries []string
		at                       []pgtype.Timestamptz
		inspection               [][]byte
	}
	deliv struct {
		id, q []int64
		slots slotArrays
		at    []pgtype.Timestamptz
	}
}

func newBatchState(s *Store) *batchState {
	return &batchState{s: s, books: map[string]*book{}, slots: map[capacity.Slot]*slotRow{}, holders: map[capacity.Slot][]*book{}}
}

// book is one booking as a transaction sees it.
type book struct {
	id       int64
	tid      pgtype.TID              // its row's ctid, locked
	rec      capacity.Booking        // as the changes so far left it (a lapsed hold read to release it: key, state, hold, version)
	inserted bool                    // inserted by the transaction
	full     bool                    // rec is to be written whole
	expired  bool                    // marked expired: state, version and updated are to be written
	dbLines  []capacity.BookingLine  // its lines as stored (read whole only)
	lineTIDs []pgtype.TID            // their ctids
	lapsed   map[capacity.Slot]int64 // a lapsed hold read to release it: its pieces per slot
	holds    map[capacity.Slot]int64 // the pieces it holds per slot: its lines while held
	calls    map[string]bool         // its delivery calls' keys
}

func (bk *book) addCall(key string) {
	if bk.calls == nil {
		bk.calls = map[string]bool{}
	}
	bk.calls[key] = true
}

// setHolds sets what bk holds from its record (its lines, while held) and
// lists it among the holders of those slots.
func (bk *book) setHolds(st *batchState) {
	bk.holds = nil
	if bk.rec.State != capacity.Held {
		return
	}
	bk.holds = map[capacity.Slot]int64{}
	for _, l := range bk.rec.Lines {
		if bk.holds[l.Slot] == 0 {
			st.holders[l.Slot] = append(st.holders[l.Slot], bk)
		}
		bk.holds[l.Slot] += int64(l.Quantity)
	}
}

// slotRow is a locked slot as a transaction sees it.
type slotRow struct {
	tid                                  pgtype.TID // the row's ctid, locked
	capacity, held, confirmed, delivered int64
	cal                                  int64 // the calendar's capacity, when hasCal
	hasCal                               bool
	touch                                bool // a change of the transaction touched it
	changed                              bool
}

// capOf is the slot's capacity for a delta planned with given: the
// calendar's, which takes precedence, else given.
func (r *slotRow) capOf(given int) int64 {
	if r.hasCal {
		return r.cal
	}
	return int64(given)
}

// apply decides one commit on the state the ones before it left: it
// releases the lapsed holds in the change's slots, checks the version, the
// call and every slot's room and sums, and applies the change, or
// answers why not. It returns the stored booking as Commit does.
func (st *batchState) apply(c *capacity.Change) (capacity.Booking, error) {
	key := c.Booking.Key
	for _, d := range c.Deltas { // what lapsed first: it may be the room this change needs
		st.releaseLapsed(d.Slot, c.Now, key)
	}
	bk := st.books[key]
	switch {
	case c.Expect == 0 && bk != nil:
		return out(bk, c.Now), capacity.ExistsError(key)
	case c.Expect != 0 && bk == nil:
		return capacity.Booking{}, capacity.NotFoundError(key)
	case c.Expect != 0 && bk.rec.Version != c.Expect:
		return capacity.Booking{}, capacity.StaleError(key, c.Expect, bk.rec.Version)
	case c.Call != nil && bk != nil && bk.calls[c.Call.Key]:
		return out(bk, c.Now), capacity.CallExistsError(key, c.Call.Key)
	}
	if err := st.check(c); err != nil {
		return capacity.Booking{}, err
	}
	for _, d := range c.Deltas {
		r := st.row(d.Slot)
		r.held, r.confirmed, r.delivered = r.held+int64(d.Held), r.confirmed+int64(d.Confirmed), r.delivered+int64(d.Delivered)
		r.touch, r.changed = true, true
		if capOf := r.capOf(d.Capacity); r.held+r.confirmed <= capOf {
			// The capacity is recorded when the slot fits it: the table
			// keeps held + confirmed <= capacity (a release planned with a
			// capacity below what others hold leaves the old one).
			r.capacity = capOf
		}
	}
	if bk == nil {
		bk = &book{id: st.ids[0], inserted: true}
		st.ids = st.ids[1:]
		st.books[key] = bk
	}
	bk.rec, bk.full, bk.lapsed = normalize(&c.Booking), true, nil
	bk.rec.Version = c.Expect + 1
	call := ""
	if c.Call != nil {
		call = c.Call.Key
		st.addCall(bk, c)
	}
	st.log(bk, c.Now, c.Actor, c.Op, call)
	for _, d := range c.Deltas {
		if d.Delivered != 0 {
			dv := &st.deliv
			dv.id, dv.q, dv.at = append(dv.id, bk.id), append(dv.q, int64(d.Delivered)), append(dv.at, stamp(c.Now))
			dv.slots.add(d.Slot)
		}
	}
	if bk.rec.Lapsed(c.Now) {
		// Committed already lapsed: it holds nothing.
		for _, l := range bk.rec.Lines {
			r := st.row(l.Slot)
			r.held, r.changed = r.held-int64(l.Quantity), true
		}
		bk.rec.State = capacity.Expired
	}
	bk.setHolds(st)
	return out(bk, c.Now), nil
}

// check refuses the change when a slot would lack room or be left with a
// negative sum (or more delivered than confirmed), before anything is
// applied.
func (st *batchState) check(c *capacity.Change) error {
	for _, d := range c.Deltas {
		r := st.row(d.Slot)
		if err := d.Check(r.held, r.confirmed, r.delivered, r.capOf(d.Capacity)); err != nil {
			return err
		}
	}
	return nil
}

// releaseLapsed marks expired each booking but key's that holds pieces in
// slot sl and whose hold lapsed at now, releasing its pieces everywhere.
func (st *batchState) releaseLapsed(sl capacity.Slot, now time.Time, key string) {
	for _, h := range st.holders[sl] {
		if h.rec.Key != key && h.rec.Lapsed(now) && h.holds[sl] > 0 {
			st.expire(h, now, "")
		}
	}
}

// row returns a locked slot's row (stage 2 read every slot a change may
// touch; a row it did not find, which cannot be, reads as empty).
func (st *batchState) row(sl capacity.Slot) *slotRow {
	r := st.slots[sl]
	if r == nil {
		r = &slotRow{}
		st.slots[sl] = r
	}
	return r
}

// expire marks a lapsed hold expired at now by actor (a new version, an
// expire entry in its history) and releases its pieces in every slot.
func (st *batchState) expire(bk *book, now time.Time, actor string) {
	for sl, q := range bk.holds {
		r := st.row(sl)
		r.held, r.changed = r.held-q, true
	}
	bk.holds = nil
	bk.rec.State = capacity.Expired
	bk.rec.Version++
	bk.rec.Updated = utcMicro(now)
	bk.expired = true
	st.log(bk, now, actor, capacity.OpExpire, "")
}

// log appends bk's new version to the history the transaction writes.
func (st *batchState) log(bk *book, now time.Time, actor string, op capacity.Operation, call string) {
	h := &st.hist
	h.id, h.v, h.at = append(h.id, bk.id), append(h.v, bk.rec.Version), append(h.at, stamp(now))
	h.actor, h.op, h.call = append(h.actor, actor), append(h.op, string(op)), append(h.call, call)
}

// addCall records c's delivery call under bk.
func (st *batchState) addCall(bk *book, c *capacity.Change) {
	bk.addCall(c.Call.Key)
	cs := &st.calls
	cs.id, cs.v, cs.at = append(cs.id, bk.id), append(cs.v, c.Expect+1), append(cs.at, stamp(c.Now))
	cs.key, cs.request = append(cs.key, c.Call.Key), append(cs.request, c.Call.Request)
	cs.deliveries, cs.inspection = append(cs.deliveries, encodeDeliveries(c.Call.Deliveries)), append(cs.inspection, c.Call.Inspection)
}

// out is the booking as Commit returns it: a copy, in its state at now.
func out(bk *book, now time.Time) capacity.Booking {
	b := normalize(&bk.rec)
	b.State = b.StateAt(now)
	return b
}
