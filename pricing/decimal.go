package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// The machine grammar: how programs write amounts (JSON, APIs), as opposed
// to Parse's grammar for what people type.

// ParseDecimal reads an amount in the machine form used by JSON and APIs:
// an optional '-', digits, and optionally '.' and at most two more digits
// ("12500", "12500.5", "-3.25"). It never goes through float64 and refuses
// exponents ("1e9"), NaN, Inf, grouping separators ("12.500,00" or
// "12,500"), blanks and more than MaxDigits digits, so an amount is never
// misread. What people type ("Rp1.250.000") is Parse's business.
//
// The error is a *ParseError wrapping ErrSyntax; its Code says what is
// wrong. O(len(s)); two allocations, on the short path or the long one.
func ParseDecimal(s string) (decimal.Decimal, error) {
	if c, ok := checkDecimal(s, 2); !ok {
		return decimal.Decimal{}, parseErr(s, c)
	}
	if len(s) <= 18 {
		return decimal.New(decimalParts(s)), nil
	}
	return decimal.NewFromString(s)
}

// decimalParts returns the coefficient and exponent of s, which checkDecimal
// accepted and which is at most 18 bytes long, so the digits fit an int64:
// the decimal is built without decimal's string parsing.
func decimalParts(s string) (v int64, exp int32) {
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

// parseFraction is ParseDecimal for rates such as a commission of 0.065:
// the same grammar with up to 9 decimals.
func parseFraction(s string) (decimal.Decimal, error) {
	if c, ok := checkDecimal(s, 9); !ok {
		if c == codeDecimals {
			c = codeRateDecimals
		}
		return decimal.Decimal{}, parseErr(s, c)
	}
	return decimal.NewFromString(s)
}

// checkDecimal reports whether s is a plain decimal with at most maxFrac
// decimals, and if not, the code of the first problem.
func checkDecimal(s string, maxFrac int) (code, bool) {
	if s == "" {
		return codeEmpty, false
	}
	switch strings.ToLower(strings.TrimLeft(s, "+-")) {
	case "nan", "inf", "infinity":
		return codeNaN, false
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
			return codeExponent, false
		case c == ',' || c == '.':
			return codeGrouping, false
		default:
			return codeChar, false
		}
		if digits > MaxDigits {
			return codeDigits, false
		}
	}
	switch {
	case digits == 0 || (dot && frac == 0) || (dot && digits == frac):
		return codeNaN, false
	case frac > maxFrac:
		return codeDecimals, false
	}
	return 0, true
}
