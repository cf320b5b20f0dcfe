package capacity

import (
	"context"
	"errors"
	"fmt"
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
// A Ledger is safe for concurrent use; it keeps no state besides its
// Store, so any number of Ledgers may share one store.
type Ledger struct {
	store   Store
	retries int
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

// BookRequest asks Book to plan and record orders.
//
// One order is planned by Allocate with Policy and MinLot on Weeks weeks
// from From (Weeks zero means 1), only the weeks on time for its Due when
// it has one. Several orders are planned together by Schedule from From
// with Spread, each on the weeks on time for its Due (every order needs
// one), and within Weeks weeks of From when Weeks is set.
type BookRequest struct {
	Key       string           `json:"key"`       // idempotency key: the order ID is the natural one
	Orders    []batik.Order    `json:"orders"`    // one, or several to schedule together
	Producers []batik.Producer `json:"producers"` // whose capacity to book
	From      Week             `json:"from"`      // the first week to book
	Weeks     int              `json:"weeks,omitzero"`
	Policy    Policy           `json:"policy,omitzero"`  // one order: how Allocate shares it
	MinLot    int              `json:"min_lot,omitzero"` // one order: smallest non-zero share
	Spread    bool             `json:"spread,omitzero"`  // several orders: as ScheduleOptions.Spread
	// HoldUntil, when set, makes the booking a hold that expires then
	// unless confirmed; it must be after the caller's now. Zero books
	// confirmed at once.
	HoldUntil time.Time `json:"hold_until,omitzero"`
}

// maxKey is the longest idempotency key, in bytes.
const maxKey = 256

// Book plans req on the free capacity at now and records it under
// req.Key, held until req.HoldUntil or confirmed. Free capacity is each
// slot's capacity (the calendar entry for the producer and technique that
// week, else the producer's entry for the week, else the capability's
// PerWeek) less what held and confirmed bookings take; one order's
// per-producer quantity is laid into that producer's free weeks earliest
// first. What cannot be placed is in Booking.Unfilled, not an error.
//
// Book plans on a snapshot and commits only if every slot still has the
// room it planned on; otherwise it re-plans on fresh data, up to
// LedgerOptions.MaxRetries times with a short jittered pause, then
// returns an error wrapping ErrContention.
//
// Idempotency: a request is identified by the hex SHA-256 of a canonical
// encoding of its orders, producers (ID and capabilities), options and
// HoldUntil, not of now, and independent of the order of the slices.
// When req.Key is booked already, Book returns that booking unchanged if
// the fingerprints agree (also when a held request is replayed after its
// HoldUntil: the booking, expired, not an error), and an error wrapping
// ErrConflict if not.
//
// Errors, with nothing recorded: an *InputError wrapping ErrInvalid for an
// empty or too long key, a key or producer ID no store can keep (not
// UTF-8, a NUL byte, over 256 bytes), no orders, an order that fails
// Validate (it also wraps the *batik.ValidationError), repeated order or
// producer IDs, no producers, a producer whose capability Allocate
// refuses, a zero From, Weeks outside [0, MaxWeeks] or past the year
// 9999, an unknown Policy, a negative MinLot, a HoldUntil not after now
// or past the year 9999, several orders without due dates; the context's
// error; the Store's errors. O(Allocate or Schedule
// + slots x log slots); safe for concurrent use.
func (l *Ledger) Book(ctx context.Context, req BookRequest, now time.Time) (Booking, error) {
	if err := ctx.Err(); err != nil {
		return Booking{}, fmt.Errorf("capacity: book %s: %w", quote(req.Key), err)
	}
	if err := checkBook(&req, now); err != nil {
		var ie *InputError
		if errors.As(err, &ie) && ie.Field == "hold_until" {
			// A client retrying a hold after it lapsed gets the booking
			// it made, not an error about the past.
			if b, rerr := l.store.Booking(ctx, req.Key, now); rerr == nil && b.Request == req.fingerprint() {
				return b, nil
			}
		}
		return Booking{}, err
	}
	fp := req.fingerprint()
	for attempt := 0; ; attempt++ {
		snap, err := l.snapshot(ctx, req.Producers, techniqueOf(req.Orders), req.From, req.horizon(), now)
		if err != nil {
			return Booking{}, err
		}
		b, deltas, err := plan(&req, snap)
		if err != nil {
			snap.release()
			return Booking{}, err
		}
		b.Key, b.Request, b.Created, b.Updated = req.Key, fp, now, now
		b.State = Confirmed
		if !req.HoldUntil.IsZero() {
			b.State, b.HoldUntil = Held, req.HoldUntil
			for i := range deltas {
				deltas[i].Held, deltas[i].Confirmed = deltas[i].Confirmed, 0
			}
		}
		c := Change{Now: now, Booking: b, Deltas: deltas}
		got, err := l.commit(ctx, c, snap)
		snap.release() // the deltas are in its scratch
		switch {
		case err == nil:
			return got, nil
		case errors.Is(err, ErrExists):
			return replay(got, fp)
		case !errors.Is(err, ErrNoRoom):
			return Booking{}, err
		}
		if attempt >= l.retries {
			return Booking{}, fmt.Errorf("capacity: book %s: other bookings took the capacity planned on %d times: %w",
				quote(req.Key), attempt+1, ErrContention)
		}
		if err := backoff(ctx, attempt); err != nil {
			return Booking{}, err
		}
	}
}

// commit commits one of the ledger's own changes: on the memory store
// without checking again what the ledger checked, and with the producers
// snap found (snap may be nil).
func (l *Ledger) commit(ctx context.Context, c Change, snap *snapshot) (Booking, error) {
	if m, ok := l.store.(*MemoryStore); ok {
		return m.commit(ctx, c, snap, true)
	}
	return l.store.Commit(ctx, c)
}

// replay answers a Book whose key is taken: the booking when the request
// is the same, ErrConflict when not.
func replay(b Booking, fp string) (Booking, error) {
	if b.Request == fp {
		return b, nil
	}
	return Booking{}, ledgerError(ErrConflict, "key", quote(b.Key), "is booked already for a different request")
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

// ledgerError is an error about the ledger's input that names the field
// and value, wrapping kind (ErrInvalid, ErrNotFound, ErrConflict).
func ledgerError(kind error, field, value, reason string) *InputError {
	return &InputError{Field: field, Value: value, Reason: reason, Kind: kind}
}

// checkBook checks a request, as Book documents.
func checkBook(req *BookRequest, now time.Time) error {
	switch {
	case req.Key == "":
		return invalid("key", `""`, "must not be empty: pass an idempotency key (the order ID is the natural one)")
	case len(req.Key) > maxKey:
		return invalid("key", quote(req.Key), "must be at most "+strconv.Itoa(maxKey)+" bytes")
	case !storable(req.Key):
		return checkText("key", req.Key) // not UTF-8, or a NUL byte: no store can keep it
	case len(req.Orders) == 0:
		return invalid("orders", "[]", "must list at least one order")
	case len(req.Producers) == 0:
		return invalid("producers", "[]", "must list at least one producer")
	case req.From.IsZero():
		return invalid("from", `""`, "must be the first week to book, such as 2026-W50")
	case req.Weeks < 0 || req.Weeks > MaxWeeks:
		return invalid("weeks", strconv.Itoa(req.Weeks), "must be in [0, "+strconv.Itoa(MaxWeeks)+"] (0 means 1)")
	case req.From.Add(max(req.Weeks, 1) - 1).IsZero():
		return invalid("weeks", strconv.Itoa(req.Weeks), "from "+req.From.String()+" runs past the year 9999")
	case req.Policy > FewestProducers:
		return invalid("policy", req.Policy.String(), "unknown policy")
	case req.MinLot < 0:
		return invalid("min_lot", strconv.Itoa(req.MinLot), "must be >= 0 (0 means 1)")
	case !req.HoldUntil.IsZero() && !req.HoldUntil.After(now):
		return invalid("hold_until", req.HoldUntil.Format(time.RFC3339Nano), "must be after now ("+now.Format(time.RFC3339Nano)+")")
	}
	for i := range req.Orders {
		o := &req.Orders[i]
		field := func() string { return "orders[" + strconv.Itoa(i) + "]" } // on error only
		if err := o.Validate(); err != nil {
			return &InputError{Field: field(), Value: quote(o.ID), Reason: "is not valid", Kind: ErrInvalid, Err: err}
		}
		if len(req.Orders) > 1 && o.Due.IsZero() {
			return invalid(field()+".due", `""`, "is needed to book several orders together")
		}
		for j := range i {
			if req.Orders[j].ID == o.ID {
				return invalid(field()+".id", quote(o.ID), "repeats the ID of orders["+strconv.Itoa(j)+"]")
			}
		}
	}
	for i := range req.Producers {
		if err := checkProducer(&req.Producers[i], i); err != nil {
			return err
		}
		if err := checkProducerID(&req.Producers[i], i); err != nil {
			return err
		}
	}
	if !req.HoldUntil.IsZero() {
		if err := checkYear("hold_until", req.HoldUntil); err != nil {
			return err
		}
	}
	// Repeated producer IDs are refused by Allocate and Schedule, before
	// anything is committed.
	return nil
}

// techniqueOf returns the orders' technique, or "" when they differ.
func techniqueOf(orders []batik.Order) batik.Technique {
	t := orders[0].Technique
	for _, o := range orders[1:] {
		if o.Technique != t {
			return ""
		}
	}
	return t
}

// horizon is how many weeks from From the request can use.
func (req *BookRequest) horizon() int {
	if len(req.Orders) == 1 {
		o := req.Orders[0]
		n := max(req.Weeks, 1)
		if !o.Due.IsZero() {
			n = min(n, LastOnTime(o.Due).Sub(req.From)+1)
		}
		return max(n, 0)
	}
	n := 0
	for _, o := range req.Orders {
		n = max(n, LastOnTime(o.Due).Sub(req.From)+1)
	}
	if req.Weeks > 0 {
		n = min(n, req.Weeks)
	}
	return min(max(n, 0), MaxWeeks)
}

// plan books the request on the snapshot: the booking's lines and
// Unfilled, and the deltas (as confirmed pieces), sorted by slot.
func plan(req *BookRequest, snap *snapshot) (Booking, []SlotDelta, error) {
	b := Booking{Unfilled: map[string]int{}}
	if len(req.Orders) > 1 {
		return planMany(req, snap, b)
	}
	o := req.Orders[0]
	if snap.weeks == 0 {
		// Allocate is not called, so its check of the producers is done
		// here: repeated IDs are refused whatever the weeks.
		if _, err := sortByID(req.Producers); err != nil {
			return Booking{}, nil, err
		}
		b.Unfilled[o.ID] = o.Quantity
		b.Lines = []BookingLine{}
		return b, []SlotDelta{}, nil
	}
	p, err := allocate(o, req.Producers, AllocateOptions{Policy: req.Policy, Weeks: snap.weeks, MinLot: req.MinLot, From: snap.from, Free: snap}, true, snap.lines[:0])
	if err != nil {
		return Booking{}, nil, err
	}
	snap.lines = p.Lines // laid below, then no longer needed
	n := 0
	for _, pl := range p.Lines {
		n += snap.weeksFor(pl.ProducerID, o.Technique, pl.Quantity)
	}
	b.Lines = make([]BookingLine, 0, n)
	deltas := slices.Grow(snap.dbuf[:0], n)
	for _, pl := range p.Lines {
		b.Lines = snap.lay(b.Lines, &deltas, o.ID, pl.ProducerID, o.Technique, pl.Quantity, pl.UnitCost, snap.weeks)
	}
	snap.dbuf = deltas
	if p.Unfilled > 0 {
		b.Unfilled[o.ID] = p.Unfilled
	}
	// Plan lines are by producer ID and each is laid by week, so the lines
	// are in slot order already, one per slot, and so are the deltas.
	return b, deltas, nil
}

// planMany books several orders by Schedule on the snapshot.
func planMany(req *BookRequest, snap *snapshot, b Booking) (Booking, []SlotDelta, error) {
	tt, err := Schedule(req.Orders, req.Producers, ScheduleOptions{From: snap.from, Spread: req.Spread, Free: snap})
	if err != nil {
		return Booking{}, nil, err
	}
	tech := make(map[string]batik.Technique, len(req.Orders))
	for _, o := range req.Orders {
		tech[o.ID] = o.Technique
	}
	b.Lines = make([]BookingLine, 0, len(tt.Assignments))
	for _, a := range tt.Assignments {
		b.Lines = append(b.Lines, BookingLine{OrderID: a.OrderID, Slot: Slot{a.ProducerID, tech[a.OrderID], a.Week},
			Quantity: a.Quantity, UnitCost: a.UnitCost})
	}
	for id, n := range tt.Unfilled {
		b.Unfilled[id] = n
	}
	sortLines(b.Lines)
	return b, snap.deltas(b.Lines, 1, nil), nil
}

// sortLines sorts lines by order ID, then slot.
func sortLines(lines []BookingLine) {
	slices.SortFunc(lines, compareLines)
}
