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
