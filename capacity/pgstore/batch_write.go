package pgstore

import (
	"context"
	"slices"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// Stage 3 of a transaction: what its decisions changed, written back in
// one round trip with COMMIT: slots and bookings by the ctid their locks
// keep in place, new bookings and lines by insert, a booking's lines by
// their difference from what is stored, the history, delivery calls and
// the log of delivered pieces.

// write is stage 3: the writes of the accepted commits and the released
// holds, and COMMIT.
func (st *batchState) write(ctx context.Context, t *txn, more func(b *pgx.Batch)) error {
	b := &pgx.Batch{}
	if more != nil {
		more(b)
	}
	st.queueSlots(b)
	st.queueBookingWrites(b)
	q := &st.s.q
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

// queueSlots queues the update of the slots the decisions changed.
func (st *batchState) queueSlots(b *pgx.Batch) {
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
		b.Queue(st.s.q.writeSlots, tids, h, c, d, capa, touch)
	}
}

// queueBookingWrites queues the writes of the bookings the decisions
// inserted, changed or marked expired, and of their lines, in key order.
func (st *batchState) queueBookingWrites(b *pgx.Batch) {
	var ins, upd recordArrays
	var exp struct {
		tid []pgtype.TID
		v   []int64
		up  []pgtype.Timestamptz
	}
	var changed, gone lineArrays
	keys := make([]string, 0, len(st.books))
	n := 0
	for k, bk := range st.books {
		keys = append(keys, k)
		if bk.inserted {
			n += len(bk.rec.Lines)
		}
	}
	newLines := newLineArrays(n)
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
	q := &st.s.q
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
