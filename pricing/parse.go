package pricing

import (
	"strings"

	"github.com/shopspring/decimal"
)

// MaxInputLen is the longest text Parse reads; longer input is refused
// before any work, so a hostile megabyte costs nothing. No rupiah amount
// comes near it: "-Rp 999.999.999.999.999.999,99" is 30 bytes.
const MaxInputLen = 64

// MaxDigits is the most digits (rupiah and sen together) Parse accepts, so
// that every parsed amount formats within MaxInputLen and parses back.
const MaxDigits = 30

// Parse reads a rupiah amount written the Indonesian way. See the package
// documentation, "Parsing and formatting", for the accepted forms. It never
// goes through float64. The error is a *ParseError wrapping ErrSyntax.
// O(len(s)). Allocations: two for a non-zero amount of up to 18 digits
// (the result's big.Int: its struct and its word), one for zero; more for
// longer amounts and for errors.
func Parse(s string) (decimal.Decimal, error) {
	if len(s) > MaxInputLen {
		return decimal.Decimal{}, &ParseError{Input: s, Reason: "longer than 64 bytes"}
	}
	orig := s
	fail := func(reason string) (decimal.Decimal, error) {
		return decimal.Decimal{}, &ParseError{Input: orig, Reason: reason}
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return fail("empty")
	}
	neg := false
	if s[0] == '-' {
		neg, s = true, s[1:]
	}
	if len(s) >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P') {
		s = s[2:]
		s = strings.TrimPrefix(s, ".")
		if strings.HasPrefix(s, " ") {
			s = s[1:]
		} else if strings.HasPrefix(s, "\u00a0") {
			s = s[len("\u00a0"):]
		}
		if !neg && strings.HasPrefix(s, "-") {
			return fail("write the minus before Rp: -Rp5.000")
		}
	}
	if s == "" {
		return fail("no digits")
	}

	// Integer part: plain digits, or groups of three after '.'.
	var buf [MaxInputLen]byte
	n := 0
	i := 0
	first := 0 // digits before the first '.'
	for i < len(s) && isDigit(s[i]) {
		buf[n] = s[i]
		n, i, first = n+1, i+1, first+1
	}
	if first == 0 {
		return fail(syntaxReason(s[i:]))
	}
	for i < len(s) && s[i] == '.' {
		if first > 3 {
			return fail("'.' groups thousands: the first group has at most 3 digits (1.250.000)")
		}
		g := 0
		for i++; i < len(s) && isDigit(s[i]) && g < 4; i++ {
			buf[n] = s[i]
			n, g = n+1, g+1
		}
		if g != 3 {
			return fail("'.' groups thousands and must be followed by exactly 3 digits; the decimal separator is ','")
		}
	}

	// Fraction: ",d", ",dd", or the ",-" of "Rp5.000,-".
	frac := 0
	if i < len(s) && s[i] == ',' {
		i++
		switch {
		case i < len(s) && s[i] == '-':
			i++
		default:
			for ; i < len(s) && isDigit(s[i]); i++ {
				if frac == 2 {
					return fail("more than 2 decimal digits after ','")
				}
				buf[n] = s[i]
				n, frac = n+1, frac+1
			}
			if frac == 0 {
				return fail("',' must be followed by 1 or 2 digits or by '-'")
			}
		}
	}
	if i < len(s) {
		return fail(syntaxReason(s[i:]))
	}
	if n > MaxDigits {
		return fail("more than 30 digits")
	}
	digits := buf[:n]
	if n <= 18 {
		var v int64
		for _, c := range digits {
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		return decimal.New(v, int32(-frac)), nil
	}
	d, err := decimal.NewFromString(string(digits))
	if err != nil {
		return fail("not a number")
	}
	d = d.Shift(int32(-frac))
	if neg {
		d = d.Neg()
	}
	return d, nil
}

// MustParse is Parse for amounts known to be valid, such as constants in
// code and tests. It panics on error.
func MustParse(s string) decimal.Decimal {
	d, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// syntaxReason names what stands where digits or the end were expected.
func syntaxReason(rest string) string {
	switch {
	case rest == "":
		return "no digits"
	case rest[0] == 'e' || rest[0] == 'E':
		return "exponents are not allowed"
	case strings.HasPrefix(strings.ToLower(rest), "nan"), strings.HasPrefix(strings.ToLower(rest), "inf"):
		return "not a number"
	case rest[0] == ',':
		return "',' is the decimal separator and can appear once, before at most 2 digits"
	case rest[0] == '.':
		return "'.' groups thousands in threes"
	case rest[0] == '-' || rest[0] == '+':
		return "a sign may only lead the amount"
	}
	return "unexpected " + quote(rest[:1]) + " (amounts look like Rp1.250.000 or 1250000,50)"
}

// Format writes d the Indonesian way: "Rp1.250.000", "-Rp5.000", and
// "Rp1.250.000,50" when d has sen (always two decimal digits then, or as
// many as d carries beyond two: Format never rounds, so it never hides a
// fraction). Parse(Format(d)) equals d for every d with at most 2 decimal
// places. O(digits). One allocation (the string) when d's coefficient has
// at most 18 digits, d has at most 18 decimals and |d| < 10^30, which
// covers every amount of up to 18 digits that Parse returns; more beyond.
func Format(d decimal.Decimal) string {
	var buf [48]byte
	return string(AppendFormat(buf[:0], d))
}

// AppendFormat appends Format(d) to b and returns the extended buffer. For
// the amounts on which Format allocates only its string, AppendFormat
// allocates nothing when b has 48 bytes of room.
func AppendFormat(b []byte, d decimal.Decimal) []byte {
	var digitsBuf [40]byte
	var digits []byte
	exp := int(d.Exponent())
	neg := d.Sign() < 0
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		if c < 0 {
			c = -c
		}
		i := len(digitsBuf)
		for {
			i--
			digitsBuf[i] = byte('0' + c%10)
			c /= 10
			if c == 0 {
				break
			}
		}
		digits = digitsBuf[i:]
	} else {
		c := d.Coefficient()
		digits = c.Abs(c).Append(digitsBuf[:0], 10)
	}
	if exp > 0 {
		// The digits sit at the end of digitsBuf: move them to the front
		// so that the zeros fit after them without an allocation.
		if len(digits) < len(digitsBuf) && &digits[0] != &digitsBuf[0] {
			digits = digitsBuf[:copy(digitsBuf[:], digits)]
		}
		for range exp {
			digits = append(digits, '0')
		}
		exp = 0
	}
	fracLen := -exp
	// Drop trailing fractional zeros past 2 ("1,500" -> "1,50"); all zeros -> none.
	for fracLen > 2 && digits[len(digits)-1] == '0' {
		digits, fracLen = digits[:len(digits)-1], fracLen-1
	}
	if fracLen > 0 && allZero(digits[max(0, len(digits)-fracLen):]) && fracLen <= 2 {
		digits, fracLen = digits[:len(digits)-min(fracLen, len(digits))], 0
		if len(digits) == 0 {
			digits = append(digits, '0')
		}
	}
	var intPart, fracPart []byte
	if fracLen >= len(digits) {
		intPart = []byte{'0'}
		fracPart = make([]byte, 0, fracLen)
		for range fracLen - len(digits) {
			fracPart = append(fracPart, '0')
		}
		fracPart = append(fracPart, digits...)
	} else {
		intPart, fracPart = digits[:len(digits)-fracLen], digits[len(digits)-fracLen:]
	}
	if neg {
		b = append(b, '-')
	}
	b = append(b, "Rp"...)
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, c)
	}
	if len(fracPart) > 0 {
		b = append(b, ',')
		b = append(b, fracPart...)
		if len(fracPart) == 1 {
			b = append(b, '0')
		}
	}
	return b
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}
