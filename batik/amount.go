package batik

import (
	"bytes"
	"errors"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// ParseAmount reads a plain machine decimal as found in JSON: it is
// pricing.ParseDecimal with the error as an *AmountError (which wraps
// ErrInvalid) so that messages come in both languages. O(len(s)).
func ParseAmount(s string) (decimal.Decimal, error) {
	d, err := pricing.ParseDecimal(s)
	var pe *pricing.ParseError
	if errors.As(err, &pe) {
		return decimal.Decimal{}, &AmountError{Value: s, Code: pe.Code, parse: pe}
	}
	return d, err
}

// AmountError reports text ParseAmount refused. It unwraps to ErrInvalid.
type AmountError struct {
	Field string // the field read, e.g. "unit_cost"; "" from ParseAmount
	Value string // the text as given
	Code  string // what is wrong: pricing.ParseError's Code ("empty", "exponent", "grouping", "leading_zero" ...)
	parse *pricing.ParseError
}

// Error returns the English message, naming the field and the value.
func (e *AmountError) Error() string {
	field := e.Field
	if field == "" {
		field = "amount"
	}
	return "batik: " + e.fieldError(field).Message(English)
}

// fieldError states the problem as a FieldError of the named field.
func (e *AmountError) fieldError(field string) FieldError {
	return FieldError{Field: field, Tag: "amount_" + e.Code, Value: quote(e.Value), amount: e.parse}
}

// Unwrap returns ErrInvalid.
func (e *AmountError) Unwrap() error { return ErrInvalid }

// amountJSON decodes a JSON number or string through ParseAmount.
func amountJSON(field string, data []byte) (decimal.Decimal, error) {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		return decimal.Decimal{}, nil
	}
	if len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"' {
		data = data[1 : len(data)-1]
	}
	d, err := ParseAmount(string(data))
	var ae *AmountError
	if errors.As(err, &ae) {
		ae.Field = field
	}
	return d, err
}
