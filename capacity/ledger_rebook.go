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
	for i := range orders {
		if err := orders[i].Validate(); err != nil {
			return Booking{}, &InputError{Field: "orders[" + strconv.Itoa(i) + "]", Value: quote(orders[i].ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
	}
	for i := range producers {
		if err := checkProducer(&producers[i], i); err != nil {
			return Booking{}, err
		}
		if err := checkProducerID(&producers[i], i); err != nil {
			return Booking{}, err
		}
	}
	if _, err := sortByID(producers); err != nil {
		return Booking{}, err
	}
	today := batik.DateOf(now)
	cur := WeekOf(today)
	return l.update(ctx, OpRebook, key, nil, now, true, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
		if b.State != Confirmed {
			return b, nil, wrongState(key, b.State, cRebookState)
		}
		next := b.Clone()
		if next.Unfilled == nil {
			next.Unfilled = map[string]int{}
		}
		short := map[string]int{}     // order -> pieces to move
		late := map[string][]string{} // order -> producers that fell behind
		span := map[string][2]Week{}  // order -> first and last week booked
		var ds []SlotDelta
		for i := range next.Lines {
			ln := &next.Lines[i]
			s := span[ln.OrderID]
			if s[0].IsZero() || ln.Week.Before(s[0]) {
				s[0] = ln.Week
			}
			if s[1].Before(ln.Week) {
				s[1] = ln.Week
			}
			span[ln.OrderID] = s
			if !ln.Week.Sunday().Before(today) || ln.Delivered >= ln.Quantity {
				continue
			}
			miss := ln.Quantity - ln.Delivered
			short[ln.OrderID] += miss
			late[ln.OrderID] = append(late[ln.OrderID], ln.ProducerID)
			ds = append(ds, SlotDelta{Slot: ln.Slot, Capacity: capOf(ln.Slot), Confirmed: -miss})
			ln.Quantity = ln.Delivered
		}
		if len(short) == 0 {
			return b, nil, errUnchanged
		}
		ids := make([]string, 0, len(short))
		for id := range short {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		// Each order's window: from the current week to its last week on
		// time; the snapshot spans the longest.
		last := map[string]Week{}
		horizon := 0
		for _, id := range ids {
			o := findOrder(orders, id)
			if o == nil {
				return b, nil, invalid("orders", quote(id), cRebookOrder, quote(id), quote(key))
			}
			for _, ln := range next.Lines {
				if ln.OrderID == id && ln.Technique != o.Technique {
					return b, nil, invalid("orders", quote(id), cRebookTechnique, quote(string(o.Technique)), quote(string(ln.Technique)))
				}
			}
			w := cur.Add(span[id][1].Sub(span[id][0]))
			if !o.Due.IsZero() {
				w = LastOnTime(o.Due)
			}
			last[id] = w
			if !w.Before(cur) {
				horizon = max(horizon, min(w.Sub(cur)+1, MaxWeeks))
			}
		}
		snap, err := l.snapshot(ctx, producers, "", cur, horizon, now, false)
		if err != nil {
			return b, nil, err
		}
		var added []BookingLine
		for _, id := range ids {
			o := *findOrder(orders, id)
			o.Quantity = short[id]
			n := 0
			if !last[id].Before(cur) {
				n = min(last[id].Sub(cur)+1, horizon)
			}
			var others []batik.Producer
			for _, p := range producers {
				if !slices.Contains(late[id], p.ID) && techOK(&p, &o) {
					others = append(others, p)
				}
			}
			placed := 0
			if n > 0 && len(others) > 0 {
				p, err := Allocate(o, others, AllocateOptions{Weeks: n, From: cur, Free: snap})
				if err != nil {
					return b, nil, err
				}
				for _, pl := range p.Lines {
					before := len(added)
					added = snap.lay(added, nil, id, pl.ProducerID, o.Technique, pl.Quantity, pl.UnitCost, n)
					for _, a := range added[before:] {
						placed += a.Quantity
					}
				}
			}
			if placed < short[id] {
				next.Unfilled[id] += short[id] - placed
			}
		}
		ds = snap.deltas(added, 1, ds)
		// Merge the new lines into the booking; drop lines cut to zero.
		at := map[lineKey]int{}
		kept := next.Lines[:0]
		for _, ln := range next.Lines {
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
		next.Lines = kept
		sortLines(next.Lines)
		next.Orders = bookedOrders(next)
		return next, ds, nil
	})
}

func findOrder(orders []batik.Order, id string) *batik.Order {
	for i := range orders {
		if orders[i].ID == id {
			return &orders[i]
		}
	}
	return nil
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
