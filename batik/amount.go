package batik

import (
	"bytes"
	"encoding/json"
	"errors"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// ParseAmount reads a plain machine decimal as found in JSON: it is
// pricing.ParseDecimal with the error as a *FieldError of the field
// "amount" (wrapping ErrInvalid, and the *pricing.ParseError as its Err;
// its Code is "amount_" and the ParseError's). O(len(s)).
func ParseAmount(s string) (decimal.Decimal, error) {
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		return decimal.Decimal{}, amountErr("amount", err)
	}
	return d, nil
}

// amountErr states an amount pricing refused as a FieldError of field.
func amountErr(field string, err error) *FieldError {
	f := FieldError{Field: field, Code: "amount", Err: err}
	var pe *pricing.ParseError
	if errors.As(err, &pe) {
		f.Value, f.Code = pe.Value, "amount_"+pe.Code
	}
	return &f
}

// amountJSON decodes a JSON number or string through ParseAmount.
func amountJSON(field string, data []byte) (decimal.Decimal, error) {
	data = bytes.TrimSpace(data)
	if string(data) == "null" {
		return decimal.Decimal{}, nil
	}
	var text string
	switch {
	case len(data) >= 2 && data[0] == '"' && bytes.IndexByte(data, '\\') >= 0:
		// A string with escapes ("1\u00300" is "100"): read it as JSON
		// does, as the strict check before did.
		if json.Unmarshal(data, &text) != nil {
			text = string(data) // not JSON: ParseAmount says what is wrong
		}
	case len(data) >= 2 && data[0] == '"' && data[len(data)-1] == '"':
		text = string(data[1 : len(data)-1])
	default:
		text = string(data)
	}
	d, err := ParseAmount(text)
	var fe *FieldError
	if errors.As(err, &fe) {
		fe.Field = field
	}
	return d, err
}
