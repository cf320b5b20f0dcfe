package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Commit applies c in one READ COMMITTED transaction, as capacity.Store
// says:
//
//  1. With c.Expect 0 it inserts the booking (INSERT ... ON CONFLICT DO
//     NOTHING on the unique key: a key taken, even by a transaction
//     committing at that moment in another process, gives ErrExists and
//     the stored booking); otherwise it locks the booking's row (SELECT
//     ... FOR NO KEY UPDATE) and checks its version (ErrStale, ErrNotFound).
//  2. It locks the held bookings expired at c.Now that have a line in a
//     slot of the change (and the booking itself when it is one), marks
//     them expired and takes their pieces off every slot they hold.
//  3. It creates the missing slot rows (INSERT ... ON CONFLICT DO
//     NOTHING), locks every slot it touches in slot order, and applies
//     the deltas by one conditional UPDATE: a slot whose held + confirmed
//     grows is updated only WHERE the result fits its capacity, so a slot
//     without room leaves fewer rows updated and the whole transaction is
//     rolled back with ErrNoRoom.
//  4. It writes the booking and its lines (deleting the lines it no longer
//     has, updating the others in place), and appends the changes to
//     delivered pieces to the deliveries log.
//
// Serialization failures, deadlocks and connections lost before COMMIT
// was sent are retried (Options.MaxRetries). The returned booking is what
// the readers return: times in UTC, Created and Updated to the
// microsecond, and its state at c.Now (a hold whose HoldUntil is at or
// before c.Now is Expired).
//
// Cost: four round trips (BEGIN, two pipelined batches, COMMIT), five when
// it releases expired holds; O(len(c.Deltas) + len(c.Booking.Lines)) rows
// written, plus the slots of the holds it releases.
func (s *Store) Commit(ctx context.Context, c capacity.Change) (capacity.Booking, error) {
	if s.err != nil {
		return capacity.Booking{}, s.err
	}
	deltas := slices.Clone(c.Deltas)
	slices.SortFunc(deltas, func(x, y capacity.SlotDelta) int { return x.Slot.Compare(y.Slot) })
	c.Deltas = deltas
	if err := checkChange(c); err != nil {
		return capacity.Booking{}, err
	}
	b := normalize(c.Booking)
	b.Lines = slices.Clone(b.Lines)
	unfilled, err := json.Marshal(b.Unfilled)
	if err != nil {
		return capacity.Booking{}, fmt.Errorf("pgstore: commit %s: unfilled: %w", quote(b.Key), capacity.ErrInvalid)
	}
	var out capacity.Booking
	var stored *capacity.Booking // the stored booking, for ErrExists and ErrStale
	err = s.run(ctx, "commit "+quote(b.Key), func(tx pgx.Tx) error {
		stored = nil
		var err error
		out, stored, err = s.commit(ctx, tx, c, b, deltas, unfilled)
		return err
	})
	if err != nil {
		if stored != nil {
			return *stored, err
		}
		return capacity.Booking{}, err
	}
	return out, nil
}

func (s *Store) commit(ctx context.Context, tx pgx.Tx, c capacity.Change, b capacity.Booking, deltas []capacity.SlotDelta, unfilled []byte) (capacity.Booking, *capacity.Booking, error) {
	now := c.Now.UTC()
	touched := newSlotArrays(len(deltas))
	for _, d := range deltas {
		touched.add(d.Slot)
	}

	// Stage 1, one round trip: the booking's own row (inserted, or
	// locked with the pieces it holds per slot), and the other holds
	// expired at now in the slots, locked.
	batch := &pgx.Batch{}
	if c.Expect == 0 {
		until, ns := holdUntil(b)
		batch.Queue(s.q.insertBooking, b.Key, b.State.String(), until, b.Request, unfilled, b.Created, b.Updated, len(b.Lines) > 0, ns)
	} else {
		batch.Queue(s.q.lockBooking, b.Key)
		batch.Queue(s.q.ownHolds, b.Key)
	}
	batch.Queue(s.q.findExpired, now, b.Key, touched.p, touched.t, touched.w, nanos(now))
	br := tx.SendBatch(ctx, batch)
	var (
		id        int64
		version   int64
		state     string
		heldUntil *time.Time
		heldNs    int32
		created   time.Time
	)
	var err error
	if c.Expect == 0 {
		err = br.QueryRow().Scan(&id)
	} else {
		err = br.QueryRow().Scan(&id, &version, &state, &heldUntil, &heldNs, &created)
	}
	found := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		br.Close()
		return b, nil, err
	}
	err = nil
	var release []int64
	holds := map[capacity.Slot]int64{} // pieces the booking holds per slot now
	if found {
		if c.Expect != 0 {
			err = scanSlotSums(br, func(sl capacity.Slot, q int64) { holds[sl] = q })
		}
		if err == nil {
			release, err = scanIDs(br)
		}
	}
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return b, nil, err
	}
	if !found && c.Expect == 0 {
		got, err := s.readBooking(ctx, tx, b.Key, c.Now)
		if err != nil {
			return b, nil, err
		}
		return b, &got, answer(fmt.Errorf("pgstore: commit %s: %w", quote(b.Key), capacity.ErrExists))
	}
	if !found {
		return b, nil, answer(fmt.Errorf("pgstore: commit %s: %w", quote(b.Key), capacity.ErrNotFound))
	}
	if c.Expect != 0 {
		if version != c.Expect {
			got, err := s.readBooking(ctx, tx, b.Key, c.Now)
			if err != nil {
				return b, nil, err
			}
			return b, &got, answer(fmt.Errorf("pgstore: commit %s: stored version %d, change expects %d: %w", quote(b.Key), version, c.Expect, capacity.ErrStale))
		}
		if state == "held" && heldUntil != nil && !heldUntil.Add(time.Duration(heldNs)).After(now) {
			// The booking itself expired: release it first, as the
			// readers already show it; it holds nothing after that.
			release = append(release, id)
			clear(holds)
		}
		b.Created = created.UTC()
	}

	// Stage 2, only when holds expired: mark them and take their pieces
	// off their slots (with the change's own deltas, in stage 3).
	net := make(map[capacity.Slot]*slotNet, len(deltas))
	if len(release) > 0 {
		batch := &pgx.Batch{}
		batch.Queue(s.q.expire, release)
		batch.Queue(s.q.expiredLines, release)
		br := tx.SendBatch(ctx, batch)
		_, err := br.Exec()
		if err == nil {
			err = scanSlotSums(br, func(sl capacity.Slot, q int64) { net[sl] = &slotNet{dh: -q} })
		}
		if cerr := br.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return b, nil, err
		}
	}
	// The change's deltas. A negative held delta releases at most what
	// the booking still holds in the slot: a hold another commit released
	// as expired holds nothing, so confirming it takes new room.
	for _, d := range deltas {
		n := net[d.Slot]
		if n == nil {
			n = &slotNet{}
			net[d.Slot] = n
		}
		h := holds[d.Slot]
		dh := max(h+int64(d.Held), 0) - h
		n.cap, n.dh, n.dc, n.dd = int64(d.Capacity), n.dh+dh, int64(d.Confirmed), int64(d.Delivered)
		n.setcap, n.grow, n.insert = true, dh+int64(d.Confirmed) > 0, true
	}

	// Stage 3, one round trip: slots, booking and lines.
	all := make([]capacity.Slot, 0, len(net))
	for sl := range net {
		all = append(all, sl)
	}
	slices.SortFunc(all, capacity.Slot.Compare)
	ins, lock := newSlotArrays(len(deltas)), newSlotArrays(len(all))
	var caps, upCap, dh, dc, dd []int64
	var setcap, grow []bool
	for _, sl := range all {
		n := net[sl]
		lock.add(sl)
		if n.insert {
			ins.add(sl)
			caps = append(caps, n.cap)
		}
		upCap, dh, dc, dd = append(upCap, n.cap), append(dh, n.dh), append(dc, n.dc), append(dd, n.dd)
		setcap, grow = append(setcap, n.setcap), append(grow, n.grow)
	}
	batch = &pgx.Batch{}
	if len(ins.p) > 0 {
		batch.Queue(s.q.insertSlots, ins.p, ins.t, ins.w, caps)
	}
	if len(all) > 0 {
		batch.Queue(s.q.lockSlots, lock.p, lock.t, lock.w)
		batch.Queue(s.q.updateSlots, lock.p, lock.t, lock.w, upCap, dh, dc, dd, setcap, grow)
	}
	b.Version = c.Expect + 1
	la := newLineArrays(b.Lines)
	if c.Expect != 0 {
		until, ns := holdUntil(b)
		batch.Queue(s.q.updateBooking, id, b.State.String(), until, b.Request, unfilled, b.Version, b.Updated, len(b.Lines) > 0, ns)
		batch.Queue(s.q.deleteLines, id, la.o, la.p, la.t, la.w)
	}
	if len(b.Lines) > 0 {
		batch.Queue(s.q.upsertLines, id, la.o, la.p, la.t, la.w, la.q, la.d, la.c)
	}
	dv := newSlotArrays(0)
	var dq []int64
	for _, d := range deltas {
		if d.Delivered != 0 {
			dv.add(d.Slot)
			dq = append(dq, int64(d.Delivered))
		}
	}
	if len(dq) > 0 {
		batch.Queue(s.q.insertDeliveries, id, dv.p, dv.t, dv.w, dq, now)
	}
	br = tx.SendBatch(ctx, batch)
	err = func() error {
		if len(ins.p) > 0 {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		if len(all) > 0 {
			if _, err := br.Exec(); err != nil {
				return err
			}
			done := make(map[capacity.Slot]bool, len(all))
			if err := scanSlots(br, func(sl capacity.Slot) { done[sl] = true }); err != nil {
				return err
			}
			for _, sl := range all {
				if !done[sl] {
					n := net[sl]
					return answer(fmt.Errorf("pgstore: commit %s: slot %s has no room for %d more pieces (capacity %d, or its calendar entry's): %w",
						quote(b.Key), quote(sl.String()), n.dh+n.dc, n.cap, capacity.ErrNoRoom))
				}
			}
		}
		for range batch.Len() - countIf(len(ins.p) > 0) - 2*countIf(len(all) > 0) {
			if _, err := br.Exec(); err != nil {
				return err
			}
		}
		return nil
	}()
	if cerr := br.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == "23514" || pe.Code == "23503" || pe.Code == "23505") {
			// check, foreign key or unique violation: the change breaks
			// a rule the database keeps (delivered above confirmed, a
			// duplicate line, a slot sum below zero).
			return b, nil, answer(fmt.Errorf("pgstore: commit %s: the change breaks constraint %s: %w: %w", quote(b.Key), pe.ConstraintName, capacity.ErrInvalid, err))
		}
		return b, nil, err
	}
	if b.State == capacity.Held && !b.HoldUntil.After(c.Now) {
		b.State = capacity.Expired // as the readers show it
	}
	return b, nil, nil
}

func countIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// slotNet is the net change to one slot: the change's delta plus the
// release of expired holds.
type slotNet struct {
	cap, dh, dc, dd int64
	setcap, grow    bool // a delta of the change (record its capacity; check room when it grows)
	insert          bool // create the row if missing
}
