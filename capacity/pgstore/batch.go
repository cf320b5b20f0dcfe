package pgstore

import (
	"context"
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

// read is stage 1.
func (st *batchState) read(ctx context.Context, t *txn, batch []*pending) error {
	var keys, inserts, callKeys, callOf []string
	var slots slotArrays
	var latest time.Time
	seen := map[capacity.Slot]bool{}
	for _, p := range batch {
		c := &p.c
		keys = append(keys, c.Booking.Key)
		if c.Expect == 0 {
			inserts = append(inserts, c.Booking.Key)
		}
		if c.Call != nil {
			callOf, callKeys = append(callOf, c.Booking.Key), append(callKeys, c.Call.Key)
		}
		if c.Now.After(latest) {
			latest = c.Now
		}
		for _, d := range c.Deltas {
			if !seen[d.Slot] {
				seen[d.Slot] = true
				slots.add(d.Slot)
			}
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	slices.Sort(inserts)
	inserts = slices.Compact(inserts)
	q := &st.s.q
	b := &pgx.Batch{}
	if len(inserts) > 0 {
		b.Queue(q.lockKeys, inserts, st.s.schema)
	}
	byID := map[int64]*book{}
	b.Queue(q.lockBookings, keys).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			var tid pgtype.TID
			id, rec, err := scanBooking(rows, time.Time{}, &tid)
			if err != nil {
				return err
			}
			bk := &book{id: id, tid: tid, rec: rec, inDB: true}
			st.books[rec.Key], byID[id] = bk, bk
			return nil
		})
	})
	b.Queue(q.bookingLines, keys).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			var tid pgtype.TID
			id, l, err := scanLine(rows, &tid)
			if bk := byID[id]; err == nil && bk != nil {
				bk.rec.Lines, bk.lineTIDs = append(bk.rec.Lines, l), append(bk.lineTIDs, tid)
			}
			return err
		})
	})
	if len(callKeys) > 0 {
		b.Queue(q.calls, callOf, callKeys).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var k, ck string
				err := rows.Scan(&k, &ck)
				if bk := st.books[k]; err == nil && bk != nil {
					bk.addCall(ck)
				}
				return err
			})
		})
	}
	if len(slots.p) > 0 {
		at, ns := micro(latest)
		b.Queue(q.lapsed, at, ns, slots.p, slots.t, slots.w).Query(func(rows pgx.Rows) error { return st.scanLapsed(rows) })
	}
	if len(inserts) > 0 {
		b.Queue(q.newIDs, len(inserts)).Query(func(rows pgx.Rows) error {
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
			bk = &book{id: id, tid: tid, inDB: true, lapsed: map[capacity.Slot]int64{},
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
	need := map[capacity.Slot]bool{}   // locked: a delta's, a lapsed hold's, a lapsed record's line's
	create := map[capacity.Slot]bool{} // created if missing, untouched until a change applies
	capOf := map[capacity.Slot]int{}
	for _, p := range batch {
		c := &p.c
		for _, d := range c.Deltas {
			need[d.Slot], create[d.Slot] = true, false
			if _, ok := capOf[d.Slot]; !ok {
				capOf[d.Slot] = d.Capacity
			}
		}
		lapsedOnCommit := c.Booking.State == capacity.Held && !c.Booking.HoldUntil.After(c.Now)
		for _, l := range c.Booking.Lines {
			if lapsedOnCommit {
				need[l.Slot] = true
			}
			if _, ok := create[l.Slot]; !ok {
				create[l.Slot] = false
			}
		}
	}
	return st.lockRows(ctx, t, create, capOf, need, nil)
}

// lockRows creates the missing slot rows of create (untouched, with the
// capacity of capOf, so that Usage shows only the rows a change was
// applied to), locks the slots of need and of every
// holder found so far in slot order, reads them, and queues more's
// statements after, in one round trip.
func (st *batchState) lockRows(ctx context.Context, t *txn, create map[capacity.Slot]bool, capOf map[capacity.Slot]int,
	need map[capacity.Slot]bool, more func(b *pgx.Batch)) error {
	for sl := range st.holders {
		need[sl] = true
	}
	var ins slotArrays
	var caps []int64
	for _, sl := range sortedSlots(create) {
		ins.add(sl)
		caps = append(caps, int64(capOf[sl]))
	}
	var lock slotArrays
	for _, sl := range sortedSlots(need) {
		lock.add(sl)
	}
	q := &st.s.q
	b := &pgx.Batch{}
	if len(ins.p) > 0 {
		b.Queue(q.insertSlots, ins.p, ins.t, ins.w, caps)
	}
	if len(lock.p) > 0 {
		b.Queue(q.lockSlots, lock.p, lock.t, lock.w)
		b.Queue(q.readSlots, lock.p, lock.t, lock.w).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var p, tc, w string
				var r slotRow
				var cal *int64
				if err := rows.Scan(&r.tid, &p, &tc, &w, &r.capacity, &r.held, &r.confirmed, &r.delivered, &r.touched, &cal); err != nil {
					return err
				}
				sl, err := slotOf(p, p, tc, w)
				if cal != nil {
					r.cal, r.hasCal = *cal, true
				}
				st.slots[sl] = &r
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

// write is stage 3: the writes of the accepted commits and the released
// holds, and COMMIT.
func (st *batchState) write(ctx context.Context, t *txn, more func(b *pgx.Batch)) error {
	q := &st.s.q
	b := &pgx.Batch{}
	if more != nil {
		more(b)
	}
	var tids []pgtype.TID
	var h, c, d, capa []int64
	var touch []bool
	for _, sl := range sortedSlots(st.slots) {
		if r := st.slots[sl]; r.changed {
			tids = append(tids, r.tid)
			h, c, d, capa = append(h, r.held), append(c, r.confirmed), append(d, r.delivered), append(capa, r.capacity)
			touch = append(touch, r.touch)
		}
	}
	if len(tids) > 0 {
		b.Queue(q.writeSlots, tids, h, c, d, capa, touch)
	}
	var ins, upd recordArrays
	var exp struct {
		tid []pgtype.TID
		v   []int64
		up  []pgtype.Timestamptz
	}
	var newLines, changed, gone lineArrays
	keys := make([]string, 0, len(st.books))
	for k := range st.books {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		bk := st.books[k]
		switch {
		case bk.inserted:
			ins.add(bk.id, &bk.rec)
			for i := range bk.rec.Lines {
				newLines.add(bk.id, pgtype.TID{}, &bk.rec.Lines[i])
			}
		case bk.full:
			upd.add(bk.id, &bk.rec)
			upd.tid = append(upd.tid, bk.tid)
			bk.diffLines(&newLines, &changed, &gone)
		case bk.expired:
			exp.tid, exp.v, exp.up = append(exp.tid, bk.tid), append(exp.v, bk.rec.Version), append(exp.up, stamp(bk.rec.Updated))
		}
	}
	if len(ins.id) > 0 {
		b.Queue(q.insertBookings, ins.args(ins.id)...)
	}
	if len(upd.tid) > 0 {
		b.Queue(q.updateBookings, upd.args(upd.tid)...)
	}
	if len(exp.tid) > 0 {
		b.Queue(q.expireBookings, exp.tid, exp.v, exp.up)
	}
	if len(gone.tid) > 0 {
		b.Queue(q.deleteLines, gone.tid)
	}
	if len(changed.tid) > 0 {
		b.Queue(q.updateLines, changed.tid, changed.q, changed.d, changed.c)
	}
	if len(newLines.id) > 0 {
		nl := &newLines
		b.Queue(q.insertLines, nl.id, nl.o, nl.slots.p, nl.slots.t, nl.slots.w, nl.q, nl.d, nl.c)
	}
	if len(st.deliv.id) > 0 {
		dv := &st.deliv
		b.Queue(q.insertDeliveries, dv.id, dv.slots.p, dv.slots.t, dv.slots.w, dv.q, dv.at)
	}
	if len(st.hist.id) > 0 {
		hs := &st.hist
		b.Queue(q.insertHistory, hs.id, hs.v, hs.at, hs.actor, hs.op, hs.call)
	}
	if len(st.calls.id) > 0 {
		cs := &st.calls
		b.Queue(q.insertCalls, cs.id, cs.key, cs.request, cs.deliveries, cs.v, cs.at, cs.inspection)
	}
	// A constraint that refuses the batch (a rule the database keeps that
	// the decisions missed) fails every commit of it: none is applied.
	return t.send(ctx, b, true)
}

// diffLines adds to the arrays what turns a booking's stored lines into
// its new ones: lines added, changed and gone, by (order, slot). O(lines).
func (bk *book) diffLines(added, changed, gone *lineArrays) {
	type lk struct {
		o  string
		sl capacity.Slot
	}
	was := make(map[lk]int, len(bk.dbLines))
	for i := range bk.dbLines {
		was[lk{bk.dbLines[i].OrderID, bk.dbLines[i].Slot}] = i
	}
	for i := range bk.rec.Lines {
		l := &bk.rec.Lines[i]
		k := lk{l.OrderID, l.Slot}
		j, ok := was[k]
		switch {
		case !ok:
			added.add(bk.id, pgtype.TID{}, l)
		case bk.dbLines[j].Quantity != l.Quantity || bk.dbLines[j].Delivered != l.Delivered || !bk.dbLines[j].UnitCost.Equal(l.UnitCost):
			changed.add(bk.id, bk.lineTIDs[j], l)
		}
		delete(was, k)
	}
	for _, j := range was {
		gone.add(bk.id, bk.lineTIDs[j], &bk.dbLines[j])
	}
}

// recordArrays are bookings as the arrays insertBookings and
// updateBookings unnest (by id, by tuple id).
type recordArrays struct {
	tid                  []pgtype.TID
	id, v                []int64
	key, state, request  []string
	until                []pgtype.Timestamptz
	ns                   []int32
	canonical            [][]byte
	unfilled, orders, sk []string
	created, updated     []pgtype.Timestamptz
	hasLines             []bool
}

func (a *recordArrays) add(id int64, b *capacity.Booking) {
	until, ns := stamp(b.HoldUntil), int32(0)
	if until.Valid {
		_, ns = micro(b.HoldUntil)
	}
	uf, os, sk := encodeRecord(b)
	a.id, a.v = append(a.id, id), append(a.v, b.Version)
	a.key, a.state, a.request = append(a.key, b.Key), append(a.state, b.State.String()), append(a.request, b.Request)
	a.until, a.ns, a.canonical = append(a.until, until), append(a.ns, ns), append(a.canonical, b.Canonical)
	a.unfilled, a.orders, a.sk = append(a.unfilled, uf), append(a.orders, os), append(a.sk, sk)
	a.created, a.updated = append(a.created, stamp(b.Created)), append(a.updated, stamp(b.Updated))
	a.hasLines = append(a.hasLines, len(b.Lines) > 0)
}

func (a *recordArrays) args(id any) []any {
	return []any{id, a.key, a.state, a.until, a.ns, a.request, a.canonical, a.unfilled, a.orders, a.sk, a.v,
		a.created, a.updated, a.hasLines}
}
