package pgstore

import (
	"context"
	"slices"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// The readers: each is one round trip, a batch whose statements (the
// statement timeout, then one or two queries) run as one implicit
// transaction; a reader of two queries runs them at REPEATABLE READ, so
// that both see one snapshot.

// readOnly runs build's statements in one REPEATABLE READ, READ ONLY
// transaction, in one round trip.
func (s *Store) readOnly(ctx context.Context, field, value string, build func(b *pgx.Batch)) error {
	return s.retry(ctx, field, value, false, func() error {
		b := &pgx.Batch{}
		b.Queue("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
		b.Queue(setTimeout, s.timeout)
		build(b)
		b.Queue("COMMIT")
		return s.pool.SendBatch(ctx, b).Close()
	})
}

// Booking returns the booking with the key as it stands at now (a hold
// whose HoldUntil is at or before now is Expired), or capacity's
// ErrNotFound (also for a key no text column can hold, without a round
// trip). One round trip, O(lines). Safe for concurrent use.
func (s *Store) Booking(ctx context.Context, key string, now time.Time) (capacity.Booking, error) {
	if s.err != nil {
		return capacity.Booking{}, s.err
	}
	if !textHolds(key) {
		return capacity.Booking{}, capacity.NotFoundError(key)
	}
	var bs []capacity.Booking
	err := s.readOnly(ctx, "key", msg.Quote(key), func(b *pgx.Batch) {
		bs = nil
		s.queueBookings(b, s.q.bookingByKey, s.q.linesByKey, []any{key}, now, &bs)
	})
	if err != nil {
		return capacity.Booking{}, err
	}
	if len(bs) == 0 {
		return capacity.Booking{}, capacity.NotFoundError(key)
	}
	return bs[0], nil
}

// queueBookings queues a query of bookings (bookingCols) and one of their
// lines (lineCols, by booking and line order), with the same arguments,
// and collects the bookings in *out, in the first query's order.
func (s *Store) queueBookings(b *pgx.Batch, bookings, lines string, args []any, now time.Time, out *[]capacity.Booking) {
	byID := map[int64]int{}
	b.Queue(bookings, args...).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			id, bk, err := scanBooking(rows, now)
			byID[id] = len(*out)
			*out = append(*out, bk)
			return err
		})
	})
	ls := newLineScanner()
	b.Queue(lines, args...).Query(func(rows pgx.Rows) error {
		return eachRow(rows, func() error {
			id, l, err := ls.scan(rows)
			if i, ok := byID[id]; ok && err == nil {
				(*out)[i].Lines = append((*out)[i].Lines, l)
			}
			return err
		})
	})
}

// Bookings returns one page of the bookings f selects, as they stand at
// now, ordered by Created, then Key, as capacity.Store says: the filter is
// checked by BookingFilter.Validate; an order or producer ID no text
// column can hold selects nothing. One round trip (the page and its lines
// at one snapshot); O(the page's lines) plus the index reads of the
// filter: the bookings_page index for no filter, the lines' indexes by
// order or producer otherwise; a state filter is judged on the rows so
// read. Safe for concurrent use.
func (s *Store) Bookings(ctx context.Context, f capacity.BookingFilter, now time.Time) (capacity.BookingPage, error) {
	if s.err != nil {
		return capacity.BookingPage{}, s.err
	}
	if err := f.Validate(); err != nil {
		return capacity.BookingPage{}, err
	}
	if !textHolds(f.OrderID) || !textHolds(f.ProducerID) {
		return f.Page(nil), nil
	}
	created, afterKey, _ := f.After() // checked by Validate
	after := pgtype.Timestamptz{Time: created, Valid: true}
	if f.Cursor == "" {
		after.InfinityModifier = pgtype.NegativeInfinity // before every booking
	}
	shape := 0
	if f.OrderID != "" {
		shape |= 1
	}
	if f.ProducerID != "" {
		shape |= 2
	}
	st, states, at, ns := 0, []string(nil), time.Time{}, int32(0)
	if f.State != 0 {
		st, states = 1, []string{f.State.String()}
		if f.State == capacity.Expired {
			states = append(states, capacity.Held.String())
		}
		at, ns = micro(now)
	}
	args := []any{pgx.NamedArgs{"order": f.OrderID, "producer": f.ProducerID, "after": after, "key": afterKey,
		"limit": f.PageLimit() + 1, "states": states, "state": f.State.String(), "at": at, "ns": ns}}
	var bs []capacity.Booking
	err := s.readOnly(ctx, "filter", msg.Quote(f.OrderID+"/"+f.ProducerID), func(b *pgx.Batch) {
		bs = nil
		s.queueBookings(b, s.q.pageBookings[shape][st], s.q.pageLines[shape][st], args, now, &bs)
	})
	if err != nil {
		return capacity.BookingPage{}, err
	}
	return f.Page(bs), nil
}

// History returns the booking's changes, oldest first, or capacity's
// ErrNotFound. Times are the caller's clocks to the microsecond, in UTC.
// One round trip, O(changes). Safe for concurrent use.
func (s *Store) History(ctx context.Context, key string) ([]capacity.HistoryEntry, error) {
	if s.err != nil {
		return nil, s.err
	}
	if !textHolds(key) {
		return nil, capacity.NotFoundError(key)
	}
	var found bool
	var out []capacity.HistoryEntry
	err := s.readOnly(ctx, "key", msg.Quote(key), func(b *pgx.Batch) {
		found, out = false, []capacity.HistoryEntry{}
		b.Queue(s.q.bookingExists, key).
			QueryRow(func(r pgx.Row) error { return r.Scan(&found) })
		b.Queue(s.q.history, key).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var h capacity.HistoryEntry
				var op string
				err := rows.Scan(&h.Version, &h.Time, &h.Actor, &op, &h.Call)
				h.Time, h.Op = h.Time.UTC(), capacity.Operation(op)
				out = append(out, h)
				return err
			})
		})
	})
	switch {
	case err != nil:
		return nil, err
	case !found:
		return nil, capacity.NotFoundError(key)
	}
	return out, nil
}

// DeliveryCall returns the booking's delivery call with callKey, or
// capacity's ErrNotFound when the booking has none (or does not exist).
// One round trip, O(deliveries). Safe for concurrent use.
func (s *Store) DeliveryCall(ctx context.Context, key, callKey string) (capacity.DeliveryCall, error) {
	if s.err != nil {
		return capacity.DeliveryCall{}, s.err
	}
	if !textHolds(key) || !textHolds(callKey) {
		return capacity.DeliveryCall{}, capacity.NotFoundError(key)
	}
	var call capacity.DeliveryCall
	var found bool
	err := s.read(ctx, "key", msg.Quote(key), func(b *pgx.Batch) {
		found = false
		b.Queue(s.q.call, key, callKey).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var ds []byte
				call = capacity.DeliveryCall{Key: callKey}
				if err := rows.Scan(&call.Request, &ds, &call.Version, &call.Time, &call.Inspection); err != nil {
					return err
				}
				found, call.Time = true, call.Time.UTC()
				var err error
				call.Deliveries, err = decodeDeliveries(key, ds)
				return err
			})
		})
	})
	switch {
	case err != nil:
		return capacity.DeliveryCall{}, err
	case !found:
		return capacity.DeliveryCall{}, capacity.NotFoundError(key + "/" + callKey)
	}
	return call, nil
}

// Usage returns the slots of q that any booking touched, in slot order,
// with the pieces of holds lapsed at now not counted as held (the
// slots_at function), as capacity.Store says. q is checked by
// SlotQuery.Validate; a producer ID no text column can hold has no slots
// (in q.Slots, Validate refuses it: a slot names one producer).
// One round trip; O(slots of q + the lines of lapsed holds not yet
// released), by the slots' primary key (with q.Slots, one lookup each).
// Safe for concurrent use.
func (s *Store) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	if s.err != nil {
		return nil, s.err
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	ids, ok := producers(q)
	out := []capacity.SlotUsage{}
	if !ok {
		return out, nil
	}
	at, ns := micro(now)
	var sql string
	var args pgx.NamedArgs
	if len(q.Slots) > 0 {
		a := newSlotArrays(len(q.Slots))
		for _, sl := range q.Slots {
			a.add(sl)
		}
		sql, args = s.q.usageSlots, pgx.NamedArgs{"at": at, "ns": ns, "p": a.p, "t": a.t, "w": a.w}
	} else {
		t := 0
		if q.Technique != "" {
			t = 1
		}
		sql, args = s.q.usage[min(len(ids), 1)][t], pgx.NamedArgs{"at": at, "ns": ns, "ids": ids, "tech": string(q.Technique),
			"from": q.From.String(), "to": q.To.String()}
	}
	// Sized for the rows the query can have with one technique a
	// producer (a plan reads thousands; growing the slice cost twice
	// filling it), up to a bound that a wide query with few rows can
	// afford (beyond it the slice grows as rows come).
	const most = 1 << 14
	switch weeks := q.To.Sub(q.From) + 1; {
	case len(q.Slots) > 0:
		out = make([]capacity.SlotUsage, 0, min(len(q.Slots), most))
	case len(ids) > 0 && weeks <= most/len(ids):
		out = make([]capacity.SlotUsage, 0, len(ids)*weeks)
	case len(ids) > 0:
		out = make([]capacity.SlotUsage, 0, most)
	}
	err := s.read(ctx, "query", msg.Quote(q.From.String()+".."+q.To.String()), func(b *pgx.Batch) {
		out = out[:0]
		b.Queue(sql, args).Query(func(rows pgx.Rows) error {
			in := &interner{}
			var pid, tc, w pgtype.DriverBytes
			var capa, held, conf, del int64
			dst := []any{&pid, &tc, &w, &capa, &held, &conf, &del} // one set for every row
			return eachRow(rows, func() error {
				if err := rows.Scan(dst...); err != nil {
					return err
				}
				id := in.str(pid)
				sl, err := in.slot(id, id, tc, w)
				out = append(out, capacity.SlotUsage{Slot: sl, Held: int(held), Confirmed: int(conf), Delivered: int(del),
					Capacity: int(capa), Recorded: true})
				return err
			})
		})
	})
	if err != nil {
		return nil, err
	}
	bySlot := func(a, b capacity.SlotUsage) int { return a.Slot.Compare(b.Slot) }
	if !slices.IsSortedFunc(out, bySlot) {
		slices.SortFunc(out, bySlot)
	}
	return out, nil
}

// producers returns the producer IDs of q that a row could have (an empty
// list: every producer), and false when q names producers and none of
// them could exist (the answer is then empty, without asking the server,
// which would refuse a NUL byte or bytes that are not UTF-8).
func producers(q capacity.SlotQuery) ([]string, bool) {
	ids := make([]string, 0, len(q.ProducerIDs))
	for _, id := range q.ProducerIDs {
		if textHolds(id) {
			ids = append(ids, id)
		}
	}
	return ids, len(ids) > 0 || len(q.ProducerIDs) == 0
}
