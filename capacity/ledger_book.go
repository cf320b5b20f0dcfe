package capacity

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// Book plans req on the free capacity at now and records it under
// req.Key: held until now+req.HoldFor, or confirmed when HoldFor is 0.
// Free capacity is each slot's capacity (the calendar entry for the
// producer and technique that week, else the producer's entry for the
// week, else the capability's PerWeek) less what held and confirmed
// bookings take; one order's per-producer quantity is laid into that
// producer's free weeks earliest first.
//
// Honest bookings: the booking says, per order, what was booked and what
// not, and why (Booking.Orders), and, for one order, which producers got
// nothing and why (Booking.Skipped). A request that would book nothing,
// or give an order fewer pieces than req.MinFill (all of them with
// req.AllOrNothing), records nothing and returns an *InputError wrapping
// ErrNoCapacity that names the first such order and why it falls short.
//
// Idempotency: Book first looks the key up. A key booked already is
// never planned again: when the request is the same (the hex SHA-256 of
// its canonical form: the orders with all their fields, the options,
// HoldFor, MinFill and AllOrNothing; not the producer records, not now)
// Book returns the booking as it stands at now, whenever the replay comes
// (after the hold lapsed, after other bookings took the capacity);
// otherwise it returns an *InputError wrapping ErrConflict naming the
// first field that differs ("orders[0].quantity: 1000 booked, 900
// asked"). A booking made before stores kept the canonical form is
// matched by the fingerprint it was made with; a conflict with it names no
// field.
//
// Concurrency: Book plans on a snapshot and commits only if every slot
// still has the room it planned on; otherwise it re-plans on fresh data,
// up to LedgerOptions.MaxRetries times with a short jittered pause, then
// returns an error wrapping ErrContention. Racing replays of one key make
// one booking. The pieces of the bookings this Ledger is committing at
// the moment count as taken when Book plans, so that bookings made at once
// through one Ledger (a flash sale on one service process) lay their
// pieces around each other instead of all planning on the same free weeks
// and all but one planning again; when counting them would leave an order
// short, Book plans on the snapshot alone (they may yet fail). A booking
// so planned may name as skipped for capacity (Booking.Skipped) a producer
// whose room a booking in flight was taking, and that booking may still
// fail.
//
// Errors, with nothing recorded: an *InputError wrapping ErrInvalid for an
// empty key, or one over 256 bytes or not visible text, no orders, an
// order that fails Validate (it also wraps the *batik.ValidationError),
// repeated order or producer IDs, no producers, a producer Allocate
// refuses or whose ID breaks batik's rule for IDs, a zero From, Weeks
// outside [0, MaxWeeks] or past the year 9999, an unknown Policy, a
// negative MinLot, HoldFor outside [0, MaxHold], MinFill negative or above
// an order's quantity, several orders without due dates, more than
// MaxProducerWeeks producers x weeks, a plan of more than MaxBookingLines
// lines, an actor (WithActor) over 256 bytes or with control characters;
// ErrNoCapacity as above; ErrConflict as above; the context's error; the
// Store's errors. O(Allocate or Schedule + slots x log slots); safe for
// concurrent use.
func (l *Ledger) Book(ctx context.Context, req BookRequest, now time.Time) (Booking, error) {
	b, _, err := l.BookCreated(ctx, req, now)
	return b, err
}

// BookCreated is Book, and reports whether this call made the booking:
// false when the key was booked already by the same request and the
// booking is returned as it stands (a replay). Of calls racing with one
// key, across goroutines and processes sharing a store, exactly one
// reports true. A service answering HTTP tells 201 Created from 200 OK by
// it. Errors and cost: as Book's.
func (l *Ledger) BookCreated(ctx context.Context, req BookRequest, now time.Time) (Booking, bool, error) {
	if err := stopped(ctx, req.Key); err != nil {
		return Booking{}, false, err
	}
	if err := req.check(); err != nil {
		return Booking{}, false, err
	}
	actor, err := actorOf(ctx)
	if err != nil {
		return Booking{}, false, err
	}
	canon, form, fp := req.canonical()
	if b, err := l.store.Booking(ctx, req.Key, now); err == nil {
		return replayed(replay(&req, b, canon, fp))
	} else if !errors.Is(err, ErrNotFound) {
		return Booking{}, false, err
	}
	for attempt := 0; ; attempt++ {
		snap, err := l.snapshot(ctx, req.Producers, techniqueOf(req.Orders), req.From, req.horizon(), now, false)
		if err != nil {
			return Booking{}, false, err
		}
		b, deltas, err := l.planAround(&req, snap)
		if errors.Is(err, ErrNoCapacity) {
			// A replay that raced the key's first booking plans on what
			// that booking left: answer it as a replay.
			if got, lerr := l.store.Booking(ctx, req.Key, now); lerr == nil {
				return replayed(replay(&req, got, canon, fp))
			}
		}
		if err != nil {
			return Booking{}, false, err
		}
		b.Key, b.Request, b.Canonical, b.Created, b.Updated = req.Key, fp, form, now, now
		b.State = Confirmed
		if req.HoldFor > 0 {
			b.State, b.HoldUntil = Held, now.Add(req.HoldFor)
			for i := range deltas {
				deltas[i].Held, deltas[i].Confirmed = deltas[i].Confirmed, 0
			}
		}
		got, err := l.commitBooking(ctx, Change{Now: now, Booking: b, Deltas: deltas, Op: OpBook, Actor: actor})
		switch {
		case err == nil:
			return got, true, nil
		case errors.Is(err, ErrExists):
			return replayed(replay(&req, got, canon, fp))
		case !errors.Is(err, ErrNoRoom):
			return Booking{}, false, err
		}
		if attempt >= l.retries {
			return Booking{}, false, fail(ErrContention, "key", quote(req.Key), cContention, strconv.Itoa(attempt+1))
		}
		if err := backoff(ctx, attempt); err != nil {
			return Booking{}, false, stopped(ctx, req.Key)
		}
	}
}

// replayed is replay's answer as BookCreated's: never created by this call.
func replayed(b Booking, err error) (Booking, bool, error) { return b, false, err }

// replay answers a Book whose key is booked already: the booking when the
// request is the same, ErrConflict naming the first difference when not.
func replay(req *BookRequest, b Booking, canon canonicalRequest, fp string) (Booking, error) {
	if b.Request == fp {
		return b, nil
	}
	if b.Canonical == nil {
		if b.Request == req.legacyFingerprint(b.HoldUntil) || b.Request == req.legacyFingerprint(time.Time{}) {
			return b, nil
		}
		return Booking{}, fail(ErrConflict, "key", quote(b.Key), cKeyTaken)
	}
	var booked canonicalRequest
	if err := json.Unmarshal(b.Canonical, &booked); err == nil {
		if field, was, asked, ok := firstDifference(booked, canon); ok {
			return Booking{}, fail(ErrConflict, field, show(asked), cKeyDiffers, quote(b.Key), show(was))
		}
	}
	return Booking{}, fail(ErrConflict, "key", quote(b.Key), cKeyTaken)
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

// planAround plans req on snap less what the Ledger's bookings being
// committed take, so that it does not collide with them; when that would
// leave an order short of its quantity, or fail in any way (more lines
// than MaxBookingLines, pieces laid into more weeks), it plans on snap as
// the store showed it, as if those bookings were not there (they may yet
// fail).
func (l *Ledger) planAround(req *BookRequest, snap *snapshot) (Booking, []SlotDelta, error) {
	was := l.pending.take(snap)
	b, deltas, err := plan(req, snap)
	if was == nil || (err == nil && len(b.Unfilled) == 0) {
		return b, deltas, err
	}
	copy(snap.free, was)
	return plan(req, snap)
}

// commitBooking commits c, a new booking, with its deltas counted as in
// flight while Commit runs (however it ends).
func (l *Ledger) commitBooking(ctx context.Context, c Change) (Booking, error) {
	defer l.pending.done(l.pending.add(c.Deltas))
	return l.store.Commit(ctx, c)
}

// plan books the request on the snapshot: the booking's lines, orders,
// skipped producers and Unfilled, and the deltas (as confirmed pieces),
// sorted by slot. It refuses a plan that books too little (ErrNoCapacity)
// or has too many lines.
func plan(req *BookRequest, snap *snapshot) (Booking, []SlotDelta, error) {
	var b Booking
	var deltas []SlotDelta
	var err error
	if len(req.Orders) > 1 {
		b, err = planMany(req, snap)
		deltas = snap.deltas(b.Lines, nil)
	} else {
		b, deltas, err = planOne(req, snap)
	}
	if err != nil {
		return Booking{}, nil, err
	}
	if err := req.enough(&b); err != nil {
		return Booking{}, nil, err
	}
	if err := checkLineCount(req.Key, len(b.Lines), 0); err != nil {
		return Booking{}, nil, err
	}
	b.Unfilled = map[string]int{}
	for _, o := range b.Orders {
		if o.Unfilled > 0 {
			b.Unfilled[o.OrderID] = o.Unfilled
		}
	}
	return b, deltas, nil
}

// planOne books one order by Allocate on the snapshot, and returns the
// slot deltas of its lines (as confirmed pieces): one per line, in slot
// order.
func planOne(req *BookRequest, snap *snapshot) (Booking, []SlotDelta, error) {
	o := req.Orders[0]
	b := Booking{Lines: []BookingLine{}, Skipped: []Skip{}}
	if snap.weeks == 0 {
		// Allocate is not called, so its check of the producers is done
		// here: repeated IDs are refused whatever the weeks.
		if _, err := sortByID(req.Producers); err != nil {
			return Booking{}, nil, err
		}
		b.Orders = []BookedOrder{{OrderID: o.ID, Unfilled: o.Quantity, Reason: DueTooSoon}}
		return b, []SlotDelta{}, nil
	}
	p, err := Allocate(o, req.Producers, AllocateOptions{Policy: req.Policy, Weeks: snap.weeks, MinLot: req.MinLot, From: snap.from, Free: snap})
	if err != nil {
		return Booking{}, nil, err
	}
	b.Lines = make([]BookingLine, 0, len(p.Lines)) // a producer's pieces fit in one week, usually
	deltas := make([]SlotDelta, 0, cap(b.Lines))
	for _, pl := range p.Lines {
		b.Lines = snap.lay(b.Lines, &deltas, o.ID, pl.ProducerID, o.Technique, pl.Quantity, pl.UnitCost, snap.weeks)
	}
	// Plan lines are by producer ID and each is laid by week, so the lines
	// are in slot order already, one per slot.
	b.Skipped = p.Skipped
	bo := BookedOrder{OrderID: o.ID, Booked: p.Filled(), Unfilled: p.Unfilled}
	if bo.Unfilled > 0 {
		bo.Reason = shortOfPlan(o, req.Producers, snap)
	}
	b.Orders = []BookedOrder{bo}
	return b, deltas, nil
}

// shortOfPlan says why Allocate left pieces of o unfilled: the first
// reason Schedule's shortfalls would give. (A BookRequest carries no
// quality states, so no producer is ever on hold.)
func shortOfPlan(o batik.Order, producers []batik.Producer, snap *snapshot) ShortReason {
	hasTech, atGrade := false, false
	capacity := 0 // of the eligible producers over the weeks, free or not
	for i := range producers {
		c, ok := producers[i].Capability(o.Technique)
		if !ok {
			continue
		}
		hasTech = true
		if !c.Grade.AtLeast(o.MinGrade) {
			continue
		}
		atGrade = true
		for k := range snap.weeks {
			if j := snap.at(producers[i].ID, o.Technique, snap.from.Add(k)); j >= 0 {
				capacity += int(snap.capac[j])
			}
		}
	}
	switch {
	case !hasTech:
		return NoProducerWithTechnique
	case !atGrade:
		return NoProducerAtGrade
	case capacity < o.Quantity:
		return NotEnoughCapacity
	}
	return CapacityTaken
}

// planMany books several orders by Schedule on the snapshot.
func planMany(req *BookRequest, snap *snapshot) (Booking, error) {
	tt, err := Schedule(req.Orders, req.Producers, ScheduleOptions{From: snap.from, Spread: req.Spread, Free: snap})
	if err != nil {
		return Booking{}, err
	}
	tech := make(map[string]batik.Technique, len(req.Orders))
	for _, o := range req.Orders {
		tech[o.ID] = o.Technique
	}
	b := Booking{Lines: make([]BookingLine, 0, len(tt.Assignments)), Skipped: []Skip{}}
	for _, a := range tt.Assignments {
		b.Lines = append(b.Lines, BookingLine{OrderID: a.OrderID, Slot: Slot{a.ProducerID, tech[a.OrderID], a.Week},
			Quantity: a.Quantity, UnitCost: a.UnitCost})
	}
	sortLines(b.Lines)
	why := make(map[string]ShortReason, len(tt.Shortfalls))
	for _, s := range tt.Shortfalls {
		why[s.OrderID] = s.Reason
	}
	for _, o := range req.Orders {
		short := tt.Unfilled[o.ID]
		b.Orders = append(b.Orders, BookedOrder{OrderID: o.ID, Booked: o.Quantity - short, Unfilled: short, Reason: why[o.ID]})
	}
	slices.SortFunc(b.Orders, func(x, y BookedOrder) int { return strings.Compare(x.OrderID, y.OrderID) })
	return b, nil
}

// enough refuses, with ErrNoCapacity, a plan that books nothing, or gives
// an order less than MinFill (or, with AllOrNothing, less than all).
func (req *BookRequest) enough(b *Booking) error {
	total := 0
	for _, o := range b.Orders {
		total += o.Booked
	}
	for i, o := range b.Orders {
		need := req.MinFill
		if req.AllOrNothing {
			need = o.Booked + o.Unfilled
		}
		if total > 0 && o.Booked >= need {
			continue
		}
		reason := o.Reason
		if reason == "" {
			reason = NotEnoughCapacity
		}
		field := "orders[" + strconv.Itoa(indexOfOrder(req.Orders, o.OrderID, i)) + "]"
		return fail(ErrNoCapacity, field, quote(o.OrderID), shortCode(reason),
			strconv.Itoa(o.Booked), strconv.Itoa(o.Booked+o.Unfilled), strconv.Itoa(max(need, 1)))
	}
	return nil
}

// indexOfOrder returns the position of order id in orders (def when none
// has it).
func indexOfOrder(orders []batik.Order, id string, def int) int {
	for i := range orders {
		if orders[i].ID == id {
			return i
		}
	}
	return def
}

// sortLines sorts lines by order ID, then slot.
func sortLines(lines []BookingLine) {
	slices.SortFunc(lines, compareLines)
}

// show renders a request's value for a message: a whole number as it is,
// anything else quoted.
func show(s string) string {
	if _, err := strconv.Atoi(s); err == nil {
		return s
	}
	return quote(s)
}
