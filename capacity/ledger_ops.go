package capacity

import (
	"context"
	"strconv"
	"time"
)

// wrongState is the ErrConflict of an operation the booking's state does
// not allow.
func wrongState(key string, s State, c code) error {
	return fail(ErrConflict, "state", quote(s.String()), c, quote(key))
}

// Confirm turns a held, unexpired booking into a confirmed one. Confirming
// a confirmed booking returns it unchanged. Errors: an *InputError
// wrapping ErrNotFound for an unknown key, ErrInvalid for a key Book
// would refuse or a bad actor, ErrConflict for a cancelled or expired
// booking (naming the state) or a hold whose capacity was taken after it
// expired by a clock ahead of now; ErrContention when concurrent changes
// to the booking outlast the retries; the context's and the store's
// errors. It reads the booking and the recorded capacity of its own slots
// (SlotQuery.Slots), then commits. O(lines); safe for concurrent use.
func (l *Ledger) Confirm(ctx context.Context, key string, now time.Time) (Booking, error) {
	return l.update(ctx, OpConfirm, key, nil, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		switch b.State {
		case Confirmed:
			return b, nil, errUnchanged
		case Held:
		default:
			return b, nil, wrongState(key, b.State, cConfirmState)
		}
		next := b.Clone()
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
	return l.update(ctx, OpCancel, key, nil, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		switch b.State {
		case Cancelled:
			return b, nil, errUnchanged
		case Held, Confirmed:
		default:
			return b, nil, wrongState(key, b.State, cCancelState)
		}
		next := b.Clone()
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

// Extend gives a live hold more time (checkout flows ask for it): the
// hold then ends by after now, or stays as it is when it already ends
// later. So a retried Extend moves the end only by the time between the
// calls, never twice by. Errors: an *InputError wrapping ErrInvalid for by
// outside (0, MaxHold]; ErrConflict for a booking that is not a live hold
// (expired, confirmed or cancelled); otherwise as Confirm's. It moves no
// piece and reads no slot. O(lines); safe for concurrent use.
func (l *Ledger) Extend(ctx context.Context, key string, by time.Duration, now time.Time) (Booking, error) {
	if by <= 0 || by > MaxHold {
		return Booking{}, invalid("by", by.String(), cRange, "1ns", MaxHold.String())
	}
	return l.update(ctx, OpExtend, key, nil, now, false, func(b Booking, _ func(Slot) int) (Booking, []SlotDelta, error) {
		if b.State != Held {
			return b, nil, wrongState(key, b.State, cExtendState)
		}
		until := now.Add(by)
		if !until.After(b.HoldUntil) {
			return b, nil, errUnchanged
		}
		if err := checkYear("hold_until", until); err != nil {
			return b, nil, err
		}
		next := b.Clone()
		next.HoldUntil = until
		return next, nil, nil
	})
}

// MaxSweep is the most holds one Sweep marks.
const MaxSweep = 10_000

// Sweep marks up to limit holds whose HoldUntil + grace is at or before
// now as expired and releases their pieces, the earliest first, and
// returns how many it marked. Call it in a loop until it returns fewer
// than limit to sweep everything. It is idempotent and safe beside
// bookings: each hold is marked in one change of its own (OpExpire, by
// the context's actor), and a hold a concurrent change holds is left for
// the next Sweep. The grace keeps a replica whose clock runs fast from
// taking holds others still honour.
//
// Correctness never depends on calling it: a lapsed hold is expired for
// every read and releases its pieces to any booking that needs them.
// Sweep makes the records say so, for reports that read the store
// directly. Errors: an *InputError wrapping ErrInvalid for a negative
// grace or a limit outside [1, MaxSweep]; the context's and the store's
// errors. O(the store's Sweep); safe for concurrent use.
func (l *Ledger) Sweep(ctx context.Context, now time.Time, grace time.Duration, limit int) (int, error) {
	switch {
	case grace < 0:
		return 0, invalid("grace", grace.String(), cNonNegative)
	case limit < 1 || limit > MaxSweep:
		return 0, invalid("limit", strconv.Itoa(limit), cRange, "1", strconv.Itoa(MaxSweep))
	}
	actor, err := actorOf(ctx)
	if err != nil {
		return 0, err
	}
	return l.store.Sweep(ctx, now.Add(-grace), now, limit, actor)
}
