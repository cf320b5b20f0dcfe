package capacity

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// Ledger books orders on the free capacity of producers' slots and keeps
// the bookings in a Store, so that no slot is ever promised twice: per
// slot, held + confirmed <= capacity, across goroutines and, with a shared
// durable store, across processes. Every operation is atomic (one
// Store.Commit) and takes the caller's clock: the core never reads
// time.Now. See the package documentation's Ledger section.
//
// A Ledger is safe for concurrent use. Besides its Store it keeps only
// the plans of its own bookings while they are being committed (see Book,
// Concurrency), so any number of Ledgers may share one store.
type Ledger struct {
	store   Store
	retries int
	pending inflight // the plans of this Ledger's bookings being committed
}

// LedgerOptions tune a Ledger. The zero LedgerOptions are valid.
type LedgerOptions struct {
	// MaxRetries is how many times Book re-plans after another booking
	// took the capacity it planned on, and how many times the other
	// operations retry after a concurrent change to the same booking,
	// before giving up with ErrContention. Zero means 8; negative means 0.
	MaxRetries int
}

// NewLedger returns a ledger over store. O(1).
func NewLedger(store Store, opts LedgerOptions) *Ledger {
	r := opts.MaxRetries
	if r == 0 {
		r = 8
	}
	return &Ledger{store: store, retries: max(r, 0)}
}

// actorKey is the context key of WithActor.
type actorKey struct{}

// WithActor returns a context that names who acts (a user or service
// name, at most 256 bytes of text): every change the ledger makes with it
// records the actor in the booking's history (History). O(1).
func WithActor(ctx context.Context, actor string) context.Context {
	return context.WithValue(ctx, actorKey{}, actor)
}

// ActorFrom returns the actor WithActor put in ctx, or "".
func ActorFrom(ctx context.Context) string {
	a, _ := ctx.Value(actorKey{}).(string)
	return a
}

// maxActor is the longest actor, in bytes.
const maxActor = 256

// actorOf returns the context's actor, checked: at most maxActor bytes of
// UTF-8 text without control characters.
func actorOf(ctx context.Context) (string, error) {
	a := ActorFrom(ctx)
	if err := ValidateActor(a); err != nil {
		return "", err
	}
	return a, nil
}

// stopped returns the context's error, wrapped as an *InputError naming
// the key of the operation, or nil.
func stopped(ctx context.Context, key string) error {
	if err := ctx.Err(); err != nil {
		return &InputError{Field: "key", Value: quote(key), Code: texts[cCancelled].Code, Kind: err}
	}
	return nil
}

// backoff pauses before retry attempt+1: a random time below 20µs x
// 2^attempt (at most about 5ms), or until ctx is done.
func backoff(ctx context.Context, attempt int) error {
	d := time.Duration(rand.Int64N(int64(20*time.Microsecond) << min(attempt, 8)))
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// errUnchanged tells update that the booking is already as asked.
var errUnchanged = errors.New("unchanged")

// change computes a booking's next record and slot deltas from its
// current one (as seen at now); capOf gives a slot's recorded capacity.
type change func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error)

// update reads the booking, applies fn and commits the result as op (with
// call, when set), with Expect set to the version read, retrying on
// ErrStale (and, when replan is set, on ErrNoRoom) up to the ledger's
// retries.
func (l *Ledger) update(ctx context.Context, op Operation, key string, call *DeliveryCall, now time.Time, replan bool, fn change) (Booking, error) {
	if err := checkKey("key", key); err != nil {
		return Booking{}, err
	}
	actor, err := actorOf(ctx)
	if err != nil {
		return Booking{}, err
	}
	for attempt := 0; ; attempt++ {
		if err := stopped(ctx, key); err != nil {
			return Booking{}, err
		}
		b, err := l.read(ctx, key, now)
		if err != nil {
			return Booking{}, err
		}
		// The recorded capacities are read when the change first asks: a
		// change that moves no piece (Extend) reads nothing.
		var caps map[Slot]int
		var capsErr error
		next, deltas, err := fn(b, func(s Slot) int {
			if caps == nil && capsErr == nil {
				caps, capsErr = l.capacities(ctx, b, now)
			}
			return caps[s]
		})
		if capsErr != nil {
			return Booking{}, capsErr
		}
		if errors.Is(err, errUnchanged) {
			return b, nil
		} else if err == nil {
			err = checkLineCount(key, len(next.Lines), len(b.Lines))
		}
		if err != nil {
			return Booking{}, err
		}
		next.Key, next.Version, next.Updated = b.Key, b.Version, now
		got, err := l.store.Commit(ctx, Change{Now: now, Expect: b.Version, Booking: next, Deltas: deltas, Op: op, Actor: actor, Call: call})
		switch {
		case err == nil:
			return got, nil
		case errors.Is(err, ErrNoRoom) && !replan:
			return Booking{}, fail(ErrConflict, "key", quote(key), cHoldTaken)
		case call != nil && errors.Is(err, ErrExists):
			return got, err // the call was made meanwhile: the caller replays it
		case !errors.Is(err, ErrStale) && !errors.Is(err, ErrNoRoom):
			return Booking{}, err
		}
		if attempt >= l.retries {
			return Booking{}, fail(ErrContention, "key", quote(key), cChangedTooOften, strconv.Itoa(attempt+1))
		}
		if err := backoff(ctx, attempt); err != nil {
			return Booking{}, stopped(ctx, key)
		}
	}
}

// read returns the booking with the key at now, or the ledger's
// ErrNotFound naming the key.
func (l *Ledger) read(ctx context.Context, key string, now time.Time) (Booking, error) {
	b, err := l.store.Booking(ctx, key, now)
	if errors.Is(err, ErrNotFound) {
		return Booking{}, NotFoundError(key)
	}
	return b, err
}

// capacities reads the recorded capacity of the booking's slots: those
// slots only (SlotQuery.Slots), not every week of every producer between
// the first and the last. The map is never nil.
func (l *Ledger) capacities(ctx context.Context, b Booking, now time.Time) (map[Slot]int, error) {
	caps := make(map[Slot]int, len(b.Lines))
	if len(b.Lines) == 0 {
		return caps, nil
	}
	q := SlotQuery{From: b.Lines[0].Week, To: b.Lines[0].Week, Slots: make([]Slot, 0, len(b.Lines))}
	for _, ln := range b.Lines {
		if len(q.ProducerIDs) == 0 || q.ProducerIDs[len(q.ProducerIDs)-1] != ln.ProducerID {
			q.ProducerIDs = append(q.ProducerIDs, ln.ProducerID)
		}
		q.Slots = append(q.Slots, ln.Slot)
		if ln.Week.Before(q.From) {
			q.From = ln.Week
		}
		if q.To.Before(ln.Week) {
			q.To = ln.Week
		}
	}
	// Lines are in order, then slot, order: several orders repeat their
	// slots and producers.
	slices.Sort(q.ProducerIDs)
	q.ProducerIDs = slices.Compact(q.ProducerIDs)
	slices.SortFunc(q.Slots, Slot.Compare)
	q.Slots = slices.Compact(q.Slots)
	if len(q.Slots) > MaxProducerWeeks {
		q.Slots = nil // a booking made before the caps: its rectangle
	}
	us, err := l.store.Usage(ctx, q, now)
	if err != nil {
		return nil, err
	}
	for _, u := range us {
		caps[u.Slot] = u.Capacity
	}
	return caps, nil
}

// techOK reports whether p can work on o: the technique, at o's grade.
func techOK(p *batik.Producer, o *batik.Order) bool {
	c, ok := p.Capability(o.Technique)
	return ok && c.Grade.AtLeast(o.MinGrade)
}
