package capacity

import (
	"encoding/json"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// JSON forms of the ledger's records, like the other result types:
// snake_case, [] and {} for empty lists and maps, states as text and
// amounts as JSON strings.

type bookingLineJSON struct {
	OrderID    string          `json:"order_id"`
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique"`
	Week       Week            `json:"week"`
	Quantity   int             `json:"quantity"`
	Delivered  int             `json:"delivered"`
	UnitCost   amount          `json:"unit_cost"`
}

// MarshalJSON encodes the line flat, with its slot's fields and its unit
// cost as a JSON string.
func (l BookingLine) MarshalJSON() ([]byte, error) {
	return json.Marshal(bookingLineJSON{l.OrderID, l.ProducerID, l.Technique, l.Week, l.Quantity, l.Delivered, amount(l.UnitCost)})
}

// UnmarshalJSON decodes a line strictly (unknown keys are refused).
func (l *BookingLine) UnmarshalJSON(b []byte) error {
	var v bookingLineJSON
	if err := decodeStrict(b, &v); err != nil {
		return err
	}
	*l = BookingLine{OrderID: v.OrderID, Slot: Slot{v.ProducerID, v.Technique, v.Week}, Quantity: v.Quantity,
		Delivered: v.Delivered, UnitCost: decimal.Decimal(v.UnitCost)}
	return nil
}

// MarshalJSON encodes the booking with [] and {} for empty lines and
// unfilled orders.
func (b Booking) MarshalJSON() ([]byte, error) {
	type plain Booking
	v := plain(b)
	if v.Lines == nil {
		v.Lines = []BookingLine{}
	}
	if v.Unfilled == nil {
		v.Unfilled = map[string]int{}
	}
	return json.Marshal(v)
}

// UnmarshalJSON decodes a booking strictly.
func (b *Booking) UnmarshalJSON(data []byte) error {
	type plain Booking
	var v plain
	if err := decodeStrict(data, &v); err != nil {
		return err
	}
	*b = Booking(v)
	return nil
}
