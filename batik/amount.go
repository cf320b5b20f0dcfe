package batik

import (
	"bytes"
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// maxAmountDigits bounds the digits ParseAmount reads. No rupiah amount in
// this package comes near it; the bound keeps hostile input cheap.
const maxAmountDigits = 30

// ParseAmount reads a plain machine decimal as found in CSV cells and JSON:
// an optional '-', digits, and optionally '.' and at most two more digits
// ("12500", "12500.5", "-3.25"). It never goes through float64 and rejects
// exponents ("1e9"), NaN, Inf, grouping separators ("12.500,00" or
// "12,500"), blanks and more than 30 digits, so an amount is never misread.
// Indonesian display formats ("Rp1.250.000") are pricing.Parse's business.
// The error is an *AmountError, which wraps ErrInvalid. O(len(s)).
func ParseAmount(s string) (decimal.Decimal, error) {
	if code := checkAmount(s); code != "" {
		return decimal.Decimal{}, &AmountError{Value: s, Code: code}
	}
	if len(s) <= 18 {
		return decimal.New(amountParts(s)), nil
	}
	return decimal.NewFromString(s)
}

// amountParts returns the coefficient and exponent of s, which checkAmount
// accepted and which is at most 18 bytes long, so the digits fit an int64:
// the decimal is built without decimal's string parsing.
func amountParts(s string) (v int64, exp int32) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.':
			exp = -int32(len(s) - i - 1)
		case c != '-':
			v = v*10 + int64(c-'0')
		}
	}
	if s[0] == '-' {
		v = -v
	}
	return v, exp
}

// AmountError reports text ParseAmount refused. It unwraps to ErrInvalid.
type AmountError struct {
	Field string // the field read, e.g. "unit_cost"; "" from ParseAmount
	Value string // the text as given
	Code  string // what is wrong: "empty", "exponent", "grouping", "char", "digits", "nan" or "decimals"
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
	return FieldError{Field: field, Tag: "amount_" + e.Code, Value: quote(e.Value)}
}

// Unwrap returns ErrInvalid.
func (e *AmountError) Unwrap() error { return ErrInvalid }

// checkAmount returns "" if s is a plain decimal with at most 2 decimals,
// or the code of the first problem.
func checkAmount(s string) string {
	if s == "" {
		return "empty"
	}
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "inf", "infinity":
		return "nan"
	}
	i := 0
	if s[0] == '-' {
		i++
	}
	digits, frac, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		case c == 'e' || c == 'E':
			return "exponent"
		case c == ',' || c == '.':
			return "grouping"
		default:
			return "char"
		}
		if digits > maxAmountDigits {
			return "digits"
		}
	}
	switch {
	case digits == 0 || (dot && frac == 0) || (dot && digits == frac):
		return "nan"
	case frac > 2:
		return "decimals"
	}
	return ""
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
