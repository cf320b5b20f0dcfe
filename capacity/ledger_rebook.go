package capacity

import (
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// Rebook moves the shortfall of a confirmed booking's late lines to other
// free capacity, in one atomic change. A line is late when its week has
// ended (its Sunday is before the date of now) with fewer pieces delivered
// than booked; it is cut to what was delivered, and its order's missing
// pieces are planned by Allocate (Proportional) on the free capacity of
// producers other than the late ones, from the current week up to the
// last week on time for the order's Due (without a Due, over as many
// weeks as the order was booked on), laid earliest first. Every other line
// stays where it is. Pieces no capacity can take on time are added to the
// booking's Unfilled. A booking with no late line is returned unchanged.
//
// orders are the booking's orders (at least each one with a late line):
// the booking keeps order IDs, not their grade and due date. Errors: an
// *InputError wrapping ErrInvalid for an order of a late line missing from
// orders, an order that fails Validate or whose technique is not its
// lines', a producer Allocate refuses or whose ID no store can keep (see
// Book), repeated producer IDs; ErrConflict
// when the booking is not confirmed; ErrNotFound for an unknown key;
// ErrContention when other bookings keep taking the capacity planned on;
// the context's and the store's errors. O(Allocate per late order +
// lines); safe for concurrent use.
func (l *Ledger) Rebook(ctx context.Context, key string, orders []batik.Order, producers []batik.Producer, now time.Time) (Booking, error) {
	if err := checkRebook(orders, producers); err != nil {
		return Booking{}, err
	}
	today := batik.DateOf(now)
	cur := WeekOf(today)
	return l.update(ctx, OpRebook, key, nil, now, true, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		if b.State != Confirmed {
			return b, nil, wrongState(key, b.State, cRebookState)
		}
		next := b.Clone()
		lt := cutLate(&next, today, capOf)
		if len(lt.short) == 0 {
			return b, nil, errUnchanged
		}
		last, horizon, err := lt.windows(key, &next, orders, cur)
		if err != nil {
			return b, nil, err
		}
		snap, err := l.snapshot(ctx, producers, "", cur, horizon, now, false)
		if err != nil {
			return b, nil, err
		}
		var added []BookingLine
		for _, id := range lt.orders() {
			o := orders[indexOfOrder(orders, id, -1)] // windows found it
			o.Quantity = lt.short[id]
			n := 0
			if !last[id].Before(cur) {
				n = min(last[id].Sub(cur)+1, horizon)
			}
			placed := 0
			if added, placed, err = replan(snap, added, o, otherProducers(producers, lt.late[id], &o), cur, n); err != nil {
				return b, nil, err
			}
			if placed < lt.short[id] {
				next.Unfilled[id] += lt.short[id] - placed
			}
		}
		ds := snap.deltas(added, lt.deltas)
		next.Lines = mergeLines(next.Lines, added)
		next.Orders = bookedOrders(next)
		return next, ds, nil
	})
}

// checkRebook checks Rebook's orders and producers, as Book does.
func checkRebook(orders []batik.Order, producers []batik.Producer) error {
	for i := range orders {
		if err := orders[i].Validate(); err != nil {
			return &InputError{Field: "orders[" + strconv.Itoa(i) + "]", Value: quote(orders[i].ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
	}
	if err := checkLedgerProducers(producers); err != nil {
		return err
	}
	_, err := sortByID(producers)
	return err
}

// lateness is what cutLate found: per order, the pieces to move, the
// producers that fell behind and the first and last week booked, and the
// deltas that take the missing pieces out of their slots.
type lateness struct {
	short  map[string]int
	late   map[string][]string
	span   map[string][2]Week
	deltas []SlotDelta
}

// cutLate cuts each late line of b (its week ended before today with
// fewer pieces delivered than booked) to what was delivered.
func cutLate(b *Booking, today batik.Date, capOf func(Slot) int) lateness {
	lt := lateness{short: map[string]int{}, late: map[string][]string{}, span: map[string][2]Week{}}
	for i := range b.Lines {
		ln := &b.Lines[i]
		s := lt.span[ln.OrderID]
		if s[0].IsZero() || ln.Week.Before(s[0]) {
			s[0] = ln.Week
		}
		if s[1].Before(ln.Week) {
			s[1] = ln.Week
		}
		lt.span[ln.OrderID] = s
		if !ln.Week.Sunday().Before(today) || ln.Delivered >= ln.Quantity {
			continue
		}
		miss := ln.Quantity - ln.Delivered
		lt.short[ln.OrderID] += miss
		lt.late[ln.OrderID] = append(lt.late[ln.OrderID], ln.ProducerID)
		lt.deltas = append(lt.deltas, SlotDelta{Slot: ln.Slot, Capacity: capOf(ln.Slot), Confirmed: -miss})
		ln.Quantity = ln.Delivered
	}
	return lt
}

// orders returns the IDs of the orders with pieces to move, sorted.
func (lt lateness) orders() []string {
	ids := make([]string, 0, len(lt.short))
	for id := range lt.short {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// windows returns each short order's last week to plan on (its last week
// on time, or as many weeks as it was booked on) and the weeks from cur
// the longest window spans; an order missing from orders, or whose
// technique is not its lines', is an error.
func (lt lateness) windows(key string, b *Booking, orders []batik.Order, cur Week) (map[string]Week, int, error) {
	last := map[string]Week{}
	horizon := 0
	for _, id := range lt.orders() {
		oi := indexOfOrder(orders, id, -1)
		if oi < 0 {
			return nil, 0, invalid("orders", quote(id), cRebookOrder, quote(id), quote(key))
		}
		o := &orders[oi]
		for _, ln := range b.Lines {
			if ln.OrderID == id && ln.Technique != o.Technique {
				return nil, 0, invalid("orders", quote(id), cRebookTechnique, quote(string(o.Technique)), quote(string(ln.Technique)))
			}
		}
		w := cur.Add(lt.span[id][1].Sub(lt.span[id][0]))
		if !o.Due.IsZero() {
			w = LastOnTime(o.Due)
		}
		last[id] = w
		if !w.Before(cur) {
			horizon = max(horizon, min(w.Sub(cur)+1, MaxWeeks))
		}
	}
	return last, horizon, nil
}

// otherProducers returns the producers able to make o that did not fall
// behind on it.
func otherProducers(producers []batik.Producer, late []string, o *batik.Order) []batik.Producer {
	var others []batik.Producer
	for _, p := range producers {
		if !slices.Contains(late, p.ID) && techOK(&p, o) {
			others = append(others, p)
		}
	}
	return others
}

// replan plans o by Allocate (Proportional) on the snapshot's n weeks from
// cur among others, lays the plan into added, and returns the lines and
// the pieces placed.
func replan(snap *snapshot, added []BookingLine, o batik.Order, others []batik.Producer, cur Week, n int) ([]BookingLine, int, error) {
	if n <= 0 || len(others) == 0 {
		return added, 0, nil
	}
	p, err := Allocate(o, others, AllocateOptions{Weeks: n, From: cur, Free: snap})
	if err != nil {
		return added, 0, err
	}
	placed := 0
	for _, pl := range p.Lines {
		before := len(added)
		added = snap.lay(added, nil, o.ID, pl.ProducerID, o.Technique, pl.Quantity, pl.UnitCost, n)
		for _, a := range added[before:] {
			placed += a.Quantity
		}
	}
	return added, placed, nil
}

// mergeLines merges added lines into a booking's lines, one per order and
// slot, drops lines cut to zero, and sorts them.
func mergeLines(lines, added []BookingLine) []BookingLine {
	at := map[lineKey]int{}
	kept := lines[:0]
	for _, ln := range lines {
		if ln.Quantity > 0 {
			at[lineKey{ln.OrderID, ln.Slot}] = len(kept)
			kept = append(kept, ln)
		}
	}
	for _, a := range added {
		if i, ok := at[lineKey{a.OrderID, a.Slot}]; ok {
			kept[i].Quantity += a.Quantity
			continue
		}
		at[lineKey{a.OrderID, a.Slot}] = len(kept)
		kept = append(kept, a)
	}
	sortLines(kept)
	return kept
}

// lineKey is an order's line in a slot.
type lineKey struct {
	order string
	slot  Slot
}

// bookedOrders recounts a booking's orders from its lines and Unfilled,
// keeping the reasons it gave; an order newly short is short of capacity.
func bookedOrders(b Booking) []BookedOrder {
	out := slices.Clone(b.Orders)
	for i := range out {
		o := &out[i]
		o.Booked, o.Unfilled = 0, b.Unfilled[o.OrderID]
		for _, ln := range b.Lines {
			if ln.OrderID == o.OrderID {
				o.Booked += ln.Quantity
			}
		}
		if o.Unfilled > 0 && o.Reason == "" {
			o.Reason = CapacityTaken
		}
	}
	return out
}
