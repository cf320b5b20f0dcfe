package pgstore

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// A batch's transaction, in three round trips:
//
//  1. BEGIN; lock the new keys (advisory) and the existing bookings of the
//     batch (FOR NO KEY UPDATE, key order) and read them with their lines
//     and delivery calls; lock the holds lapsed at the batch's latest
//     clock that have a line in one of its slots (SKIP LOCKED) with their
//     pieces per slot; take ids for the new bookings.
//  2. Create the missing slot rows, lock every slot the batch may change
//     in slot order, and read their sums and calendar capacity.
//  3. In Go, decide each commit in order on those locked rows (state.go),
//     then write what the accepted ones and the released holds changed,
//     and COMMIT.
//
// No statement's text depends on the batch's size: rows travel as arrays.

// writeBatch runs the batch's transaction on t, setting each commit's
// answer; its error is the transaction's (the answers are then unset).
func (s *Store) writeBatch(ctx context.Context, t *txn, batch []*pending) error {
	st := newBatchState(s)
	if err := st.read(ctx, t, batch); err != nil {
		return err
	}
	if err := st.lockSlots(ctx, t, batch); err != nil {
		return err
	}
	for _, p := range batch {
		p.out, p.err = st.apply(&p.c)
	}
	return st.write(ctx, t, nil)
}

// batchKeys is what stage 1 asks about: the batch's keys (sorted, once
// each), the keys it inserts, the delivery calls it makes (key and call
// key), the slots of its deltas, and its latest clock.
type batchKeys struct {
	keys, inserts    []string
	callOf, callKeys []string
	slots            slotArrays
	latest           time.Time
}

func keysOf(batch []*pending) batchKeys {
	var k batchKeys
	seen := map[capacity.Slot]bool{}
	for _, p := range batch {
		c := &p.c
		k.keys = append(k.keys, c.Booking.Key)
		if c.Expect == 0 {
			k.inserts = append(k.inserts, c.Booking.Key)
		}
		if c.Call != nil {
			k.callOf, k.callKeys = append(k.callOf, c.Booking.Key), append(k.callKeys, c.Call.Key)
		}
		if c.Now.After(k.latest) {
			k.latest = c.Now
		}
		for _, d := range c.Deltas {
			if !seen[d.Slot] {
				seen[d.Slot] = true
				k.slots.add(d.Slot)
			}
		}
	}
	slices.Sort(k.keys)
	k.keys = slices.Compact(k.keys)
	slices.Sort(k.inserts)
	k.inserts = slices.Compact(k.inserts)
	return k
}

// read is stage 1.
func (st *batchState) read(ctx context.Context, t *txn, batch []*pending) error {
	k := keysOf(batch)
	q := &st.s.q
	b := &pgx.Batch{}
	if len(k.inserts) > 0 {
		b.Queue(q.lockKeys, k.inserts, st.s.schema)
	}
	st.queueBookings(b, k.keys)
	if len(k.callKeys) > 0 {
		b.Queue(q.calls, k.callOf, k.callKeys).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var key, ck string
				err := rows.Scan(&key, &ck)
				if bk := st.books[key]; err == nil && bk != nil {
					bk.addCall(ck)
				}
				return err
			})
		})
	}
	if len(k.slots.p) > 0 {
		at, ns := micro(k.latest)
		b.Queue(q.lapsed, at, ns, k.slots.p, k.slots.t, k.slots.w).Query(st.scanLapsed)
	}
	if len(k.inserts) > 0 {
		b.Queue(q.newIDs, len(k.inserts)).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var id int64
				err := rows.Scan(&id)
				st.ids = append(st.ids, id)
				return err
			})
		})
	}
	if err := t.send(ctx, b, false); err != nil {
		return err
	}
	st.settle()
	return nil
}

// queueBookings queues the locking read of the stored bookings of keys,
// as stored, and of their lines.
func (st *batchState) queueBookings(b *pgx.Batch, keys []string) {
	q := &st.s.q
	byID := map[int64]*book{}
	b.Queue(q.lockBookings, keys).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			var tid pgtype.TID
			id, rec, err := scanBooking(rows, time.Time{}, &tid)
			if err != nil {
				return err
			}
			bk := &book{id: id, tid: tid, rec: rec}
			st.books[rec.Key], byID[id] = bk, bk
			return nil
		})
	})
	var tid pgtype.TID
	ls := newLineScanner(&tid)
	b.Queue(q.bookingLines, keys).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			id, l, err := ls.scan(rows)
			if bk := byID[id]; err == nil && bk != nil {
				bk.rec.Lines, bk.lineTIDs = append(bk.rec.Lines, l), append(bk.lineTIDs, tid)
			}
			return err
		})
	})
}

// settle sets what the bookings read hold: a booking read whole, its
// lines while held (and its lines as stored, for the diff of the write);
// a lapsed hold, what its row said.
func (st *batchState) settle() {
	for _, bk := range st.books {
		if bk.lapsed != nil {
			bk.holds = bk.lapsed
			continue
		}
		bk.dbLines = bk.rec.Lines
		bk.rec.Lines = slices.Clone(bk.rec.Lines)
		bk.setHolds(st)
	}
}

// scanLapsed reads the lapsed holds' rows: (id, key, version, hold_until,
// hold_until_ns, producer, technique, week, pieces).
func (st *batchState) scanLapsed(rows pgx.Rows) error {
	return eachRow(rows, func() error {
		var (
			tid         pgtype.TID
			id, version int64
			key         string
			until       time.Time
			ns          int32
			p, tc, w    *string // NULL for a hold without lines (Sweep)
			q           *int64
		)
		if err := rows.Scan(&tid, &id, &key, &version, &until, &ns, &p, &tc, &w, &q); err != nil {
			return err
		}
		bk := st.books[key]
		if bk == nil {
			bk = &book{id: id, tid: tid, lapsed: map[capacity.Slot]int64{},
				rec: capacity.Booking{Key: key, State: capacity.Held, HoldUntil: until.UTC().Add(time.Duration(ns)), Version: version}}
			st.books[key] = bk
			st.order = append(st.order, bk)
		}
		if bk.lapsed == nil || p == nil {
			return nil
		}
		sl, err := slotOf(key, *p, *tc, *w)
		if err != nil {
			return err
		}
		bk.lapsed[sl] += *q
		st.holders[sl] = append(st.holders[sl], bk)
		return nil
	})
}

// lockSlots is stage 2: the slots the batch may change, created if
// missing, locked in slot order, and read.
func (st *batchState) lockSlots(ctx context.Context, t *txn, batch []*pending) error {
	// Sized first: a batch names thousands of slots, and growing the maps
	// cost more than filling them.
	deltas, dbLines := 0, 0
	for _, p := range batch {
		deltas += len(p.c.Deltas)
	}
	for _, bk := range st.books {
		dbLines += len(bk.dbLines)
	}
	need := make(map[capacity.Slot]bool, deltas)   // locked: a delta's, a lapsed hold's, a lapsed record's line's
	create := make(map[capacity.Slot]bool, deltas) // created if missing, untouched until a change applies (a set)
	capOf := make(map[capacity.Slot]int, deltas)
	// The slot of a stored line exists (version 5's trigger checks it), so
	// a change to a stored booking (a Cancel) creates no rows.
	stored := make(map[capacity.Slot]bool, dbLines)
	for _, bk := range st.books {
		for i := range bk.dbLines {
			stored[bk.dbLines[i].Slot] = true
		}
	}
	for _, p := range batch {
		c := &p.c
		for _, d := range c.Deltas {
			need[d.Slot] = true
			if !stored[d.Slot] {
				create[d.Slot] = true
			}
			if _, ok := capOf[d.Slot]; !ok {
				capOf[d.Slot] = d.Capacity
			}
		}
		lapsedOnCommit := c.Booking.Lapsed(c.Now)
		for _, l := range c.Booking.Lines {
			if lapsedOnCommit {
				need[l.Slot] = true
			}
			if !stored[l.Slot] {
				create[l.Slot] = true
			}
		}
	}
	return st.lockRows(ctx, t, create, capOf, need, nil)
}

// lockRows creates the missing slot rows of create (untouched, with the
// capacity of capOf, so that Usage shows only the rows a change was
// applied to), locks the slots of need and of every holder found so far
// in slot order, reading their sums as it locks them and then their
// calendar entries, and queues more's statements after, in one round
// trip.
func (st *batchState) lockRows(ctx context.Context, t *txn, create map[capacity.Slot]bool, capOf map[capacity.Slot]int,
	need map[capacity.Slot]bool, more func(b *pgx.Batch)) error {
	for sl := range st.holders {
		need[sl] = true
	}
	ins := newSlotArrays(len(create))
	caps := make([]int64, 0, len(create))
	for _, sl := range sortedSlots(create) {
		ins.add(sl)
		caps = append(caps, int64(capOf[sl]))
	}
	order := sortedSlots(need)
	lock := newSlotArrays(len(order))
	for _, sl := range order {
		lock.add(sl)
	}
	q := &st.s.q
	b := &pgx.Batch{}
	if len(ins.p) > 0 {
		b.Queue(q.insertSlots, ins.p, ins.t, ins.w, caps)
	}
	if len(lock.p) > 0 {
		slotAt := func(i int64) (capacity.Slot, error) {
			if i < 1 || i > int64(len(order)) {
				return capacity.Slot{}, errors.New("pgstore: a slot's position out of range")
			}
			return order[i-1], nil
		}
		b.Queue(q.lockSlots, lock.p, lock.t, lock.w).Query(func(rows pgx.Rows) error {
			var i int64
			var r slotRow
			dst := []any{&i, &r.tid, &r.capacity, &r.held, &r.confirmed, &r.delivered} // one set for every row
			return eachRow(rows, func() error {
				r = slotRow{}
				if err := rows.Scan(dst...); err != nil {
					return err
				}
				sl, err := slotAt(i)
				row := r
				st.slots[sl] = &row
				return err
			})
		})
		own := make([]bool, len(order)) // the slot's technique has an entry of its own
		b.Queue(q.slotCalendar, lock.p, lock.t, lock.w).Query(func(rows pgx.Rows) error {
			var i, capa int64
			var producers bool
			dst := []any{&i, &producers, &capa}
			return eachRow(rows, func() error {
				if err := rows.Scan(dst...); err != nil {
					return err
				}
				sl, err := slotAt(i)
				if r := st.slots[sl]; err == nil && r != nil && !own[i-1] {
					r.cal, r.hasCal, own[i-1] = capa, true, !producers
				}
				return err
			})
		})
	}
	if more != nil {
		more(b)
	}
	if b.Len() == 0 {
		return nil
	}
	return t.send(ctx, b, false)
}

func sortedSlots[V any](m map[capacity.Slot]V) []capacity.Slot {
	out := make([]capacity.Slot, 0, len(m))
	for sl := range m {
		out = append(out, sl)
	}
	slices.SortFunc(out, capacity.Slot.Compare)
	return out
}

// eachRow calls f for each row, then closes the rows.
func eachRow(rows pgx.Rows, f func() error) error {
	defer rows.Close()
	for rows.Next() {
		if err := f(); err != nil {
			return err
		}
	}
	return rows.Err()
}
