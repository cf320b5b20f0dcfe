package capacity

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
)

// Delivery is pieces of an order handed over from one slot of a booking.
type Delivery struct {
	OrderID  string `json:"order_id"`
	Slot            // producer_id, technique, week
	Quantity int    `json:"quantity"`
}

type deliveryJSON struct {
	OrderID    string          `json:"order_id"`
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique"`
	Week       Week            `json:"week"`
	Quantity   int             `json:"quantity"`
}

// UnmarshalJSON decodes a delivery strictly (see the package doc, JSON):
// every key is required.
func (d *Delivery) UnmarshalJSON(data []byte) error {
	var v deliveryJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*d = Delivery{v.OrderID, Slot{v.ProducerID, v.Technique, v.Week}, v.Quantity}
	return nil
}

// Deliver records finished pieces against the lines of a confirmed
// booking, all deliveries or none, as the call callKey (a key of the
// caller's, scoped to the booking: the Idempotency-Key of an HTTP call,
// say). Delivered pieces never exceed the pieces booked on a line.
//
// A retry is safe: the same callKey with the same deliveries (in any
// order) changes nothing and returns the booking as it stands at now;
// other deliveries under a used callKey are ErrConflict.
//
// Errors, with nothing recorded: an *InputError wrapping ErrInvalid for
// a key or callKey Book would refuse as a key, no deliveries, a quantity
// below 1, an empty order ID, a slot with no line for the order in the
// booking, or a line that would have more delivered than booked (each
// naming deliveries[i] and the value); ErrConflict when the booking is
// not confirmed or callKey was used for other deliveries; otherwise as
// Confirm's. O(lines x deliveries); safe for concurrent use.
func (l *Ledger) Deliver(ctx context.Context, key, callKey string, deliveries []Delivery, now time.Time) (Booking, error) {
	if err := checkDeliveries(deliveries); err != nil {
		return Booking{}, err
	}
	b, _, err := l.deliver(ctx, key, callKey, deliveries, deliveriesFingerprint(deliveries, nil), nil, now)
	return b, err
}

// deliver records checked deliveries as the call callKey whose
// fingerprint is request; inspection, when set, records a lot's
// inspection with the call (and the deliveries may then be none: a lot
// not accepted). It returns the booking and the call as stored.
func (l *Ledger) deliver(ctx context.Context, key, callKey string, deliveries []Delivery, request string, inspection []byte, now time.Time) (Booking, DeliveryCall, error) {
	if err := checkKey("call", callKey); err != nil {
		return Booking{}, DeliveryCall{}, err
	}
	call := &DeliveryCall{Key: callKey, Request: request, Deliveries: deliveries, Inspection: inspection, Time: now}
	for attempt := 0; ; attempt++ {
		if stored, err := l.store.DeliveryCall(ctx, key, callKey); err == nil {
			return l.replayCall(ctx, key, call, stored, now)
		} else if !errors.Is(err, ErrNotFound) {
			return Booking{}, DeliveryCall{}, err
		}
		b, err := l.update(ctx, OpDeliver, key, call, now, false, func(b Booking, capOf func(Slot) int) (Booking, []SlotDelta, error) {
			return applyDeliveries(key, b, deliveries, capOf)
		})
		if err != nil && attempt == 0 {
			// The call may have committed since the lookup (a retry racing
			// it): then this is a replay, whatever applying it again gave.
			if _, cerr := l.store.DeliveryCall(ctx, key, callKey); cerr == nil {
				continue
			}
		}
		if err != nil {
			return Booking{}, DeliveryCall{}, err
		}
		call.Version = b.Version
		return b, *call, nil
	}
}

// replayCall answers a delivery call whose key the booking has: the
// booking as it stands when the call is the same, ErrConflict when not.
func (l *Ledger) replayCall(ctx context.Context, key string, call *DeliveryCall, stored DeliveryCall, now time.Time) (Booking, DeliveryCall, error) {
	if stored.Request != call.Request {
		return Booking{}, DeliveryCall{}, fail(ErrConflict, "call", quote(call.Key), cCallDiffers, quote(key))
	}
	b, err := l.read(ctx, key, now)
	return b, stored, err
}

// checkDeliveries checks each delivery's fields, and that there is one.
func checkDeliveries(deliveries []Delivery) error {
	if len(deliveries) == 0 {
		return invalid("deliveries", "[]", cDeliveriesEmpty)
	}
	for i, d := range deliveries {
		field := "deliveries[" + strconv.Itoa(i) + "]"
		switch {
		case d.Quantity < 1:
			return invalid(field+".quantity", strconv.Itoa(d.Quantity), cRange, "1", "2147483647")
		case d.OrderID == "":
			return invalid(field+".order_id", `""`, cEmpty)
		}
	}
	return nil
}

// applyDeliveries adds the deliveries to a confirmed booking's lines.
func applyDeliveries(key string, b Booking, deliveries []Delivery, capOf func(Slot) int) (Booking, []SlotDelta, error) {
	if b.State != Confirmed {
		return b, nil, wrongState(key, b.State, cDeliverState)
	}
	next := b.Clone()
	var ds []SlotDelta
	for i, d := range deliveries {
		field := "deliveries[" + strconv.Itoa(i) + "]"
		j := slices.IndexFunc(next.Lines, func(ln BookingLine) bool { return ln.OrderID == d.OrderID && ln.Slot == d.Slot })
		if j < 0 {
			return b, nil, invalid(field+".slot", quote(d.Slot.String()), cNoLine, quote(d.OrderID), quote(key))
		}
		ln := &next.Lines[j]
		if left := ln.Quantity - ln.Delivered; d.Quantity > left { // not Delivered + Quantity: that can overflow
			return b, nil, invalid(field+".quantity", strconv.Itoa(d.Quantity), cMoreThanLeft,
				strconv.Itoa(left), strconv.Itoa(ln.Quantity), quote(d.Slot.String()))
		}
		ln.Delivered += d.Quantity
		ds = append(ds, SlotDelta{Slot: d.Slot, Capacity: capOf(d.Slot), Delivered: d.Quantity})
	}
	return next, mergeDeltas(ds, nil, nil), nil
}

// deliveriesFingerprint is the hex SHA-256 of the deliveries in a
// canonical order, and of more (DeliverInspected's state and lot).
func deliveriesFingerprint(deliveries []Delivery, more []byte) string {
	ds := slices.Clone(deliveries)
	slices.SortFunc(ds, func(a, b Delivery) int {
		if c := strings.Compare(a.OrderID, b.OrderID); c != 0 {
			return c
		}
		if c := a.Slot.Compare(b.Slot); c != 0 {
			return c
		}
		return a.Quantity - b.Quantity
	})
	h := sha256.New()
	h.Write([]byte("batikkit.capacity.Deliver/1\n"))
	for _, d := range ds {
		h.Write([]byte(strconv.Itoa(len(d.OrderID)) + ":" + d.OrderID + "|" + d.Slot.String() + "|" + strconv.Itoa(d.Quantity) + "\n"))
	}
	h.Write(more)
	return hex.EncodeToString(h.Sum(nil))
}

// lotJSON is what an inspected delivery keeps with its call: the lot's
// record and the states it left for the next lot.
type lotJSON struct {
	Record aql.Record  `json:"record"`
	Next   []aql.State `json:"next"`
}

// DeliverLot records a delivered lot only if it passes lot inspection by
// ISO 2859-1 for every class of nonconformity, as the call callKey (see
// Deliver): the lot (d.Quantity pieces of one order from one slot) is
// judged by aql.InspectLot with the producer's states for the technique,
// one per class (critical, major, minor). An accepted lot is delivered as
// Deliver records it; a lot not accepted is handed back, its pieces stay
// undelivered and Rebook can move them elsewhere once the week is over.
// Either way the lot's record (aql.Record: lot ID, inspector, date, seed,
// plan, count and verdict per class) is kept with the booking, where
// Inspection reads it for a buyer's dispute and History lists the call,
// and the record and the next states are returned: the caller stores the
// states (the switching rules of clause 9) and passes them to
// AllocateOptions.Quality for the next order.
//
// A retry of the same call returns the stored record and states and never
// inspects again, so a switching state never advances twice.
//
// in.Size must be zero (it is then d.Quantity) or equal to d.Quantity.
// Errors, with nothing recorded: an *InputError wrapping ErrInvalid when a
// state is not the delivery's producer's and technique's, when in.Size
// differs from d.Quantity, or when InspectLot refuses the lot (its error,
// aql.ErrDiscontinued among them, is wrapped too); ErrConflict when
// callKey was used for another call; Deliver's errors. O(Deliver +
// classes); safe for concurrent use.
func (l *Ledger) DeliverLot(ctx context.Context, key, callKey string, d Delivery, states []aql.State, in aql.Inspection, now time.Time) (Booking, aql.Record, []aql.State, error) {
	for i, st := range states {
		if st.Producer != d.ProducerID || st.Technique != string(d.Technique) {
			return Booking{}, aql.Record{}, nil, invalid("states["+strconv.Itoa(i)+"]", quote(st.Producer+"/"+st.Technique),
				cInspectionState, quote(d.ProducerID+"/"+string(d.Technique)))
		}
	}
	if in.Size == 0 {
		in.Size = d.Quantity
	}
	if in.Size != d.Quantity {
		return Booking{}, aql.Record{}, nil, invalid("inspection.size", strconv.Itoa(in.Size), cLotSize, strconv.Itoa(d.Quantity))
	}
	if err := checkDeliveries([]Delivery{d}); err != nil {
		return Booking{}, aql.Record{}, nil, err
	}
	asked, err := json.Marshal(struct {
		States []aql.State
		In     aql.Inspection
	}{states, in})
	if err != nil {
		return Booking{}, aql.Record{}, nil, &InputError{Field: "states", Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	request := deliveriesFingerprint([]Delivery{d}, asked)
	if stored, err := l.store.DeliveryCall(ctx, key, callKey); err == nil {
		if stored.Request != request {
			return Booking{}, aql.Record{}, nil, fail(ErrConflict, "call", quote(callKey), cCallDiffers, quote(key))
		}
		return l.replayLot(ctx, key, stored, now)
	} else if !errors.Is(err, ErrNotFound) {
		return Booking{}, aql.Record{}, nil, err
	}
	rec, next, err := aql.InspectLot(states, in)
	if err != nil {
		return Booking{}, aql.Record{}, nil, &InputError{Field: "inspection", Value: strconv.Itoa(in.Size), Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	kept, err := json.Marshal(lotJSON{rec, next})
	if err != nil {
		return Booking{}, aql.Record{}, nil, &InputError{Field: "inspection", Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	var ds []Delivery
	if rec.Accepted {
		ds = []Delivery{d}
	}
	b, call, err := l.deliver(ctx, key, callKey, ds, request, kept, now)
	if err != nil {
		return Booking{}, aql.Record{}, nil, err
	}
	if call.Version != b.Version { // replayed: another caller made the same call first
		return l.replayLot(ctx, key, call, now)
	}
	return b, rec, next, nil
}

// replayLot answers a DeliverLot whose call the booking has: the stored
// record and states, and the booking as it stands.
func (l *Ledger) replayLot(ctx context.Context, key string, call DeliveryCall, now time.Time) (Booking, aql.Record, []aql.State, error) {
	var kept lotJSON
	if err := json.Unmarshal(call.Inspection, &kept); err != nil {
		return Booking{}, aql.Record{}, nil, fail(ErrConflict, "call", quote(call.Key), cCallDiffers, quote(key))
	}
	b, err := l.read(ctx, key, now)
	return b, kept.Record, kept.Next, err
}

// DeliverInspected is DeliverLot for one class: the lot is judged with the
// producer's one state for the technique, and the verdict returned is
// that state's (verdict.Next is the state for the next lot). The record
// kept names callKey as the lot ID, the context's actor (WithActor) as
// the inspector ("unknown" without one) and now's date. Errors: as
// DeliverLot's. O(Deliver); safe for concurrent use.
func (l *Ledger) DeliverInspected(ctx context.Context, key, callKey string, d Delivery, state aql.State, lot aql.Lot, now time.Time) (Booking, aql.Verdict, error) {
	inspector := ActorFrom(ctx)
	if inspector == "" {
		inspector = "unknown"
	}
	if lot.Size == 0 {
		lot.Size = d.Quantity
	}
	in := aql.Inspection{LotID: callKey, Inspector: inspector, Date: batik.DateOf(now).String(), Size: lot.Size,
		Found: []int{lot.Nonconforming}, Steady: lot.Steady, Approved: lot.Approved, Irregular: lot.Irregular, OtherNormal: lot.OtherNormal}
	b, rec, next, err := l.DeliverLot(ctx, key, callKey, d, []aql.State{state}, in, now)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) { // the names of this call's arguments
			switch ie.Field {
			case "states[0]":
				ie.Field = "state"
			case "inspection":
				ie.Field = "lot"
			case "inspection.size":
				ie.Field = "lot.size"
			}
		}
		return Booking{}, aql.Verdict{}, err
	}
	c := rec.Classes[0]
	return b, aql.Verdict{Plan: c.Plan, Nonconforming: c.Found, Accepted: c.Accepted, Switch: c.Switch, Next: next[0]}, nil
}

// Inspection returns the record of the lot delivered by the call callKey
// of the booking with the key (DeliverLot, DeliverInspected): what a
// buyer's dispute is answered from. Errors: an *InputError wrapping
// ErrNotFound when the booking has no such call or the call inspected no
// lot; ErrInvalid for keys Book would refuse; the store's errors.
func (l *Ledger) Inspection(ctx context.Context, key, callKey string) (aql.Record, error) {
	if err := checkKey("key", key); err != nil {
		return aql.Record{}, err
	}
	if err := checkKey("call", callKey); err != nil {
		return aql.Record{}, err
	}
	call, err := l.store.DeliveryCall(ctx, key, callKey)
	if errors.Is(err, ErrNotFound) || (err == nil && call.Inspection == nil) {
		return aql.Record{}, fail(ErrNotFound, "call", quote(callKey), cNoInspection, quote(key))
	}
	if err != nil {
		return aql.Record{}, err
	}
	var kept lotJSON
	if err := json.Unmarshal(call.Inspection, &kept); err != nil {
		return aql.Record{}, &InputError{Field: "call", Value: quote(callKey), Code: texts[cNoInspection].Code, Args: []string{quote(key)}, Kind: ErrInvalid, Err: err}
	}
	return kept.Record, nil
}
