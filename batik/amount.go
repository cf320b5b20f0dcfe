package batik

import (
	"bytes"
	"encoding/json"
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
	var ae *AmountError
	if errors.As(err, &ae) {
		ae.Field = field
	}
	return d, err
}
