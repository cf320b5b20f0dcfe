package capacity

import (
	"context"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik/aql"
)

// DeliverInspected records a delivered lot only if it passes lot
// inspection by ISO 2859-1: the lot (d.Quantity pieces of one order from
// one slot) is judged by aql.Inspect with the producer's inspection state
// for the technique. An accepted lot is recorded as Deliver records it; a
// lot not accepted is handed back and nothing is recorded, so its pieces
// stay undelivered and Rebook can move them to another workshop once the
// week is over. Either way the verdict is returned: the caller stores
// verdict.Next as the producer's new state (the switching rules of clause
// 9) and passes the states to AllocateOptions.Quality for the next order.
//
// lot.Size must be zero (it is then d.Quantity) or equal to d.Quantity.
// Errors, with nothing recorded and no verdict to store: an *InputError
// wrapping ErrInvalid when state is not the producer's and technique's,
// when lot.Size differs from d.Quantity, or when Inspect refuses the lot
// (its error, aql.ErrDiscontinued among them, is wrapped too); Deliver's
// errors for an accepted lot. O(Deliver); safe for concurrent use.
func (l *Ledger) DeliverInspected(ctx context.Context, key string, d Delivery, state aql.State, lot aql.Lot, now time.Time) (Booking, aql.Verdict, error) {
	if state.Producer != d.ProducerID || state.Technique != string(d.Technique) {
		return Booking{}, aql.Verdict{}, invalid("state", quote(state.Producer+"/"+state.Technique),
			"is not the inspection state of "+quote(d.ProducerID+"/"+string(d.Technique)))
	}
	if lot.Size == 0 {
		lot.Size = d.Quantity
	}
	if lot.Size != d.Quantity {
		return Booking{}, aql.Verdict{}, invalid("lot.size", strconv.Itoa(lot.Size), "must be the delivered quantity "+strconv.Itoa(d.Quantity))
	}
	v, err := aql.Inspect(state, lot)
	if err != nil {
		return Booking{}, aql.Verdict{}, &InputError{Field: "lot", Value: strconv.Itoa(lot.Size), Reason: "cannot be inspected", Kind: ErrInvalid, Err: err}
	}
	if !v.Accepted {
		b, err := l.Booking(ctx, key, now)
		if err != nil {
			return Booking{}, aql.Verdict{}, err
		}
		return b, v, nil
	}
	b, err := l.Deliver(ctx, key, []Delivery{d}, now)
	if err != nil {
		return Booking{}, aql.Verdict{}, err
	}
	return b, v, nil
}
