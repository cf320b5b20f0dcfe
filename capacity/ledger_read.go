package capacity

import (
	"context"
	"errors"
	"time"
)

// Booking returns the booking with the key as it stands at now (a hold
// whose HoldUntil is at or before now is Expired). Errors: an *InputError
// wrapping ErrInvalid for a key Book would refuse, ErrNotFound for an
// unknown one; the store's errors. Safe for concurrent use.
func (l *Ledger) Booking(ctx context.Context, key string, now time.Time) (Booking, error) {
	if err := checkKey("key", key); err != nil {
		return Booking{}, err
	}
	return l.read(ctx, key, now)
}

// Bookings returns one page of the bookings f selects, as they stand at
// now, in (Created, Key) order: by order (a line for it, or the order in
// Unfilled: some of it could not be placed) and/or producer (a line for
// it), by state at now, f.Limit at a time (DefaultPageLimit when 0) from
// f.Cursor, the Next of the page before. No booking is skipped or
// repeated while others are added (a booking added meanwhile appears on a
// later page when it sorts after the cursor). Errors: an *InputError
// wrapping ErrInvalid for a filter BookingFilter.Validate refuses (a
// cursor that does not decode or was made for another filter among
// them); the store's errors. Cost is the store's; safe for concurrent
// use.
func (l *Ledger) Bookings(ctx context.Context, f BookingFilter, now time.Time) (BookingPage, error) {
	if err := f.Validate(); err != nil {
		return BookingPage{}, err
	}
	return l.store.Bookings(ctx, f, now)
}

// History returns the changes of the booking with the key, oldest first:
// each version, when (the caller's clock), who (the actor of the
// change's context) and what. A hold the store marked expired while
// committing another change has an OpExpire entry without an actor.
// Errors: as Booking's. Safe for concurrent use.
func (l *Ledger) History(ctx context.Context, key string) ([]HistoryEntry, error) {
	if err := checkKey("key", key); err != nil {
		return nil, err
	}
	h, err := l.store.History(ctx, key)
	if errors.Is(err, ErrNotFound) {
		return nil, NotFoundError(key)
	}
	return h, err
}

// SetCalendar sets a slot's capacity for one week (e.Technique empty: for
// every technique of the producer without an entry of its own), such as 0
// for a workshop closed for Lebaran. Errors: an *InputError wrapping
// ErrInvalid for an entry CalendarEntry.Validate refuses; an error
// wrapping ErrNoRoom when held and confirmed pieces in a slot it governs
// exceed the new capacity (cancel or rebook them first); the context's
// and the store's errors. Safe for concurrent use.
func (l *Ledger) SetCalendar(ctx context.Context, e CalendarEntry, now time.Time) error {
	if err := stopped(ctx, e.ProducerID); err != nil {
		return err
	}
	if err := e.Validate(); err != nil {
		return err
	}
	return l.store.SetCalendar(ctx, e, now)
}
