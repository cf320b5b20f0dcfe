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

// inspectionJSON is what DeliverInspected keeps with its call: the lot as
// inspected, the state it was inspected with, and the verdict.
type inspectionJSON struct {
	State   aql.State    `json:"state"`
	Lot     aql.Lot      `json:"lot"`
	Verdict *aql.Verdict `json:"verdict,omitempty"`
}

// DeliverInspected records a delivered lot only if it passes lot
// inspection by ISO 2859-1, as the call callKey (see Deliver): the lot
// (d.Quantity pieces of one order from one slot) is judged by aql.Inspect
// with the producer's inspection state for the technique. An accepted lot
// is delivered as Deliver records it; a lot not accepted is handed back,
// its pieces stay undelivered and Rebook can move them to another
// workshop once the week is over. Either way the inspection (the state,
// the lot and the verdict) is kept with the booking (History lists the
// call), and the verdict is returned: the caller stores verdict.Next as
// the producer's new state (the switching rules of clause 9) and passes
// the states to AllocateOptions.Quality for the next order.
//
// A retry of the same call returns the stored verdict and never inspects
// again, so a switching state never advances twice.
//
// lot.Size must be zero (it is then d.Quantity) or equal to d.Quantity.
// Errors, with nothing recorded and no verdict to store: an *InputError
// wrapping ErrInvalid when state is not the producer's and technique's,
// when lot.Size differs from d.Quantity, or when Inspect refuses the lot
// (its error, aql.ErrDiscontinued among them, is wrapped too); Deliver's
// errors. O(Deliver); safe for concurrent use.
func (l *Ledger) DeliverInspected(ctx context.Context, key, callKey string, d Delivery, state aql.State, lot aql.Lot, now time.Time) (Booking, aql.Verdict, error) {
	if state.Producer != d.ProducerID || state.Technique != string(d.Technique) {
		return Booking{}, aql.Verdict{}, invalid("state", quote(state.Producer+"/"+state.Technique), cInspectionState, quote(d.ProducerID+"/"+string(d.Technique)))
	}
	if lot.Size == 0 {
		lot.Size = d.Quantity
	}
	if lot.Size != d.Quantity {
		return Booking{}, aql.Verdict{}, invalid("lot.size", strconv.Itoa(lot.Size), cLotSize, strconv.Itoa(d.Quantity))
	}
	if err := checkDeliveries([]Delivery{d}); err != nil {
		return Booking{}, aql.Verdict{}, err
	}
	asked, err := json.Marshal(inspectionJSON{State: state, Lot: lot})
	if err != nil {
		return Booking{}, aql.Verdict{}, &InputError{Field: "state", Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	request := deliveriesFingerprint([]Delivery{d}, asked)
	if stored, err := l.store.DeliveryCall(ctx, key, callKey); err == nil {
		if stored.Request != request {
			return Booking{}, aql.Verdict{}, fail(ErrConflict, "call", quote(callKey), cCallDiffers, quote(key))
		}
		b, err := l.read(ctx, key, now)
		return b, verdictOf(stored, aql.Verdict{}), err
	} else if !errors.Is(err, ErrNotFound) {
		return Booking{}, aql.Verdict{}, err
	}
	v, err := aql.Inspect(state, lot)
	if err != nil {
		return Booking{}, aql.Verdict{}, &InputError{Field: "lot", Value: strconv.Itoa(lot.Size), Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	record, err := json.Marshal(inspectionJSON{State: state, Lot: lot, Verdict: &v})
	if err != nil {
		return Booking{}, aql.Verdict{}, &InputError{Field: "lot", Code: texts[cNotInspectable].Code, Kind: ErrInvalid, Err: err}
	}
	var ds []Delivery
	if v.Accepted {
		ds = []Delivery{d}
	}
	b, call, err := l.deliver(ctx, key, callKey, ds, request, record, now)
	if err != nil {
		return Booking{}, aql.Verdict{}, err
	}
	return b, verdictOf(call, v), nil
}

// verdictOf returns the verdict kept with a call, or v when the call was
// made now.
func verdictOf(call DeliveryCall, v aql.Verdict) aql.Verdict {
	var rec inspectionJSON
	if json.Unmarshal(call.Inspection, &rec) == nil && rec.Verdict != nil {
		return *rec.Verdict
	}
	return v
}
