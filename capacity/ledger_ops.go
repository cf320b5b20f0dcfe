package capacity

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// errUnchanged tells update that the booking is already as asked.
var errUnchanged = errors.New("unchanged")

// change computes a booking's next record and slot deltas from its
// current one (as seen at now); capOf gives a slot's recorded capacity.
type change func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error)

// update reads the booking, applies fn and commits with Expect set to the
// version read, retrying on ErrStale (and, when replan is set, on
// ErrNoRoom) up to the ledger's retries.
func (l *Ledger) update(ctx context.Context, op, key string, now time.Time, replan bool, fn change) (Booking, error) {
	if key == "" {
		return Booking{}, invalid("key", `""`, "must not be empty")
	}
	for attempt := 0; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return Booking{}, fmt.Errorf("capacity: %s %s: %w", op, quote(key), err)
		}
		b, err := l.store.Booking(ctx, key, now)
		if errors.Is(err, ErrNotFound) {
			return Booking{}, ledgerError(ErrNotFound, "key", quote(key), "no booking has this key")
		} else if err != nil {
			return Booking{}, err
		}
		caps, err := l.capacities(ctx, b, now)
		if err != nil {
			return Booking{}, err
		}
		next, deltas, err := fn(b, func(s Slot) int { return caps[s] })
		if errors.Is(err, errUnchanged) {
			return b, nil
		} else if err != nil {
			return Booking{}, err
		}
		next.Key, next.Version, next.Updated = b.Key, b.Version, now
		got, err := l.commit(ctx, Change{Now: now, Expect: b.Version, Booking: next, Deltas: deltas}, nil)
		switch {
		case err == nil:
			return got, nil
		case errors.Is(err, ErrNoRoom) && !replan:
			return Booking{}, ledgerError(ErrConflict, "key", quote(key), op+": the hold expired and its capacity was taken")
		case !errors.Is(err, ErrStale) && !errors.Is(err, ErrNoRoom):
			return Booking{}, err
		}
		if attempt >= l.retries {
			return Booking{}, fmt.Errorf("capacity: %s %s: the booking kept changing, %d attempts: %w", op, quote(key), attempt+1, ErrContention)
		}
		if err := backoff(ctx, attempt); err != nil {
			return Booking{}, err
		}
	}
}

// capacities reads the recorded capacity of the booking's slots.
func (l *Ledger) capacities(ctx context.Context, b Booking, now time.Time) (map[Slot]int, error) {
	if len(b.Lines) == 0 {
		return nil, nil
	}
	q := SlotQuery{From: b.Lines[0].Week, To: b.Lines[0].Week}
	for _, ln := range b.Lines {
		if len(q.ProducerIDs) == 0 || q.ProducerIDs[len(q.ProducerIDs)-1] != ln.ProducerID {
			q.ProducerIDs = append(q.ProducerIDs, ln.ProducerID)
		}
		if ln.Week.Before(q.From) {
			q.From = ln.Week
		}
		if q.To.Before(ln.Week) {
			q.To = ln.Week
		}
	}
	us, err := l.store.Usage(ctx, q, now)
	if err != nil {
		return nil, err
	}
	caps := make(map[Slot]int, len(us))
	for _, u := range us {
		caps[u.Slot] = u.Capacity
	}
	return caps, nil
}

func wrongState(op, key string, s State, want string) error {
	return ledgerError(ErrConflict, "state", quote(s.String()), op+" "+quote(key)+": "+want)
}

// Confirm turns a held, unexpired booking into a confirmed one. Confirming
// a confirmed booking returns it unchanged. Errors: an *InputError
// wrapping ErrNotFound for an unknown key, ErrInvalid for an empty key,
// ErrConflict for a cancelled or expired booking (naming the state) or a
// hold whose capacity was taken after it expired by a clock ahead of now;
// ErrContention when concurrent changes to the booking outlast the
// retries; the context's and the store's errors. O(lines); safe for
// concurrent use.
func (l *Ledger) Confirm(ctx context.Context, key string, now time.Time) (Booking, error) {
	return l.update(ctx, "confirm", key, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		switch b.State {
		case Confirmed:
			return b, nil, errUnchanged
		case Held:
		default:
			return b, nil, wrongState("confirm", key, b.State, "only a held booking can be confirmed")
		}
		next := b.clone()
		next.State, next.HoldUntil = Confirmed, time.Time{}
		return next, mergeDeltas(nil, b.Lines, func(ln BookingLine) SlotDelta {
			return SlotDelta{Slot: ln.Slot, Capacity: capOf(ln.Slot), Held: -ln.Quantity, Confirmed: ln.Quantity}
		}), nil
	})
}

// Cancel releases every slot of a held or confirmed booking (and the
// delivered pieces it counts in them) and marks it cancelled; its lines
// are kept as a record. Cancelling a cancelled booking returns it
// unchanged. Errors: as Confirm's, with ErrConflict for an expired hold.
// O(lines); safe for concurrent use.
func (l *Ledger) Cancel(ctx context.Context, key string, now time.Time) (Booking, error) {
	return l.update(ctx, "cancel", key, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		switch b.State {
		case Cancelled:
			return b, nil, errUnchanged
		case Held, Confirmed:
		default:
			return b, nil, wrongState("cancel", key, b.State, "only a held or confirmed booking can be cancelled")
		}
		next := b.clone()
		next.State, next.HoldUntil = Cancelled, time.Time{}
		held := b.State == Held
		return next, mergeDeltas(nil, b.Lines, func(ln BookingLine) SlotDelta {
			d := SlotDelta{Slot: ln.Slot, Capacity: capOf(ln.Slot), Delivered: -ln.Delivered}
			if held {
				d.Held = -ln.Quantity
			} else {
				d.Confirmed = -ln.Quantity
			}
			return d
		}), nil
	})
}

// Delivery is pieces of an order handed over from one slot of a booking.
type Delivery struct {
	OrderID  string `json:"order_id"`
	Slot            // producer_id, technique, week
	Quantity int    `json:"quantity"`
}

// Deliver records finished pieces against the lines of a confirmed
// booking, all deliveries or none. Delivered pieces never exceed the
// pieces booked on a line. Errors: an *InputError wrapping ErrInvalid for
// an empty key, a negative quantity, an empty order ID, a slot with no
// line for the order in the booking, or a line that would have more
// delivered than booked (each naming deliveries[i] and the value);
// ErrConflict when the booking is not confirmed; otherwise as Confirm's.
// O(lines x deliveries); safe for concurrent use.
func (l *Ledger) Deliver(ctx context.Context, key string, deliveries []Delivery, now time.Time) (Booking, error) {
	for i, d := range deliveries {
		field := "deliveries[" + strconv.Itoa(i) + "]"
		switch {
		case d.Quantity < 0:
			return Booking{}, invalid(field+".quantity", strconv.Itoa(d.Quantity), "must be >= 0")
		case d.OrderID == "":
			return Booking{}, invalid(field+".order_id", `""`, "must not be empty")
		}
	}
	return l.update(ctx, "deliver", key, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		if b.State != Confirmed {
			return b, nil, wrongState("deliver", key, b.State, "only a confirmed booking takes deliveries")
		}
		next := b.clone()
		var ds []SlotDelta
		for i, d := range deliveries {
			field := "deliveries[" + strconv.Itoa(i) + "]"
			j := -1
			for k, ln := range next.Lines {
				if ln.OrderID == d.OrderID && ln.Slot == d.Slot {
					j = k
					break
				}
			}
			if j < 0 {
				return b, nil, invalid(field+".slot", quote(d.Slot.String()), "has no line for order "+quote(d.OrderID)+" in booking "+quote(key))
			}
			ln := &next.Lines[j]
			if left := ln.Quantity - ln.Delivered; d.Quantity > left { // not Delivered + Quantity: that can overflow
				return b, nil, invalid(field+".quantity", strconv.Itoa(d.Quantity), "is more than the "+strconv.Itoa(left)+
					" left to deliver of "+strconv.Itoa(ln.Quantity)+" booked in "+quote(d.Slot.String()))
			}
			ln.Delivered += d.Quantity
			if d.Quantity > 0 {
				ds = append(ds, SlotDelta{Slot: d.Slot, Capacity: capOf(d.Slot), Delivered: d.Quantity})
			}
		}
		if len(ds) == 0 {
			return b, nil, errUnchanged
		}
		return next, mergeDeltas(ds, nil, nil), nil
	})
}

// Booking returns the booking with the key as it stands at now (a hold
// whose HoldUntil is at or before now is Expired). Errors: an *InputError
// wrapping ErrInvalid for an empty key or ErrNotFound for an unknown one;
// the store's errors. Safe for concurrent use.
func (l *Ledger) Booking(ctx context.Context, key string, now time.Time) (Booking, error) {
	if key == "" {
		return Booking{}, invalid("key", `""`, "must not be empty")
	}
	b, err := l.store.Booking(ctx, key, now)
	if errors.Is(err, ErrNotFound) {
		return Booking{}, ledgerError(ErrNotFound, "key", quote(key), "no booking has this key")
	}
	return b, err
}

// Bookings returns the bookings of f.OrderID (a line for it, or the order
// in Unfilled: some of it could not be placed) and/or with a line for
// f.ProducerID (both given: a line for both; every booking when both are
// empty), sorted by key, as they stand at now. Cost is the store's (the
// memory store scans every booking). Safe for concurrent use.
func (l *Ledger) Bookings(ctx context.Context, f BookingFilter, now time.Time) ([]Booking, error) {
	return l.store.Bookings(ctx, f, now)
}

// SetCalendar sets a slot's capacity for one week (e.Technique empty: for
// every technique of the producer without an entry of its own), such as 0
// for a workshop closed for Lebaran. Errors: an *InputError wrapping
// ErrInvalid for an empty producer ID, an unknown technique, a zero week,
// or a capacity outside [0, 2147483647]; an error wrapping ErrNoRoom when
// held and confirmed pieces in a slot it governs exceed the new capacity
// (cancel or rebook them first); the context's and the store's errors.
// Safe for concurrent use.
func (l *Ledger) SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("capacity: set calendar: %w", err)
	}
	if err := checkEntry(e); err != nil {
		return err
	}
	return l.store.SetCalendar(ctx, e, now)
}

// lineKey is an order's line in a slot.
type lineKey struct {
	order string
	slot  Slot
}

// techOK reports whether p can work on o: the technique, at o's grade.
func techOK(p *batik.Producer, o *batik.Order) bool {
	c, ok := p.Capability(o.Technique)
	return ok && c.Grade.AtLeast(o.MinGrade)
}
