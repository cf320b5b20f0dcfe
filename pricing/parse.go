package pricing

import (
	"strconv"
	"strings"
	"unicode/utf8"

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
// documentation, "Parsing and formatting", for the accepted forms. White
// space around the amount is ignored, as the batik CSV reader trims its
// cells. It never goes through float64. The error is a *ParseError
// wrapping ErrSyntax, whose Code says what is wrong and whose Message gives
// it in English or Indonesian; its Value is s quoted, abbreviated when long. O(len(s)). Allocations: two for a non-zero
// amount of up to 18 digits (the result's big.Int: its struct and its
// word), one for zero; more for longer amounts and for errors.
func Parse(s string) (decimal.Decimal, error) {
	if len(s) > MaxInputLen {
		return decimal.Decimal{}, parseErr(s, codeLong)
	}
	orig := s
	fail := func(c code) (decimal.Decimal, error) {
		return decimal.Decimal{}, parseErr(orig, c)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return fail(codeEmpty)
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
			return fail(codeMinus)
		}
	}
	if s == "" {
		return fail(codeNoDigits)
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
		return syntaxFail(orig, s[i:])
	}
	if i < len(s) && s[i] == '.' {
		if first > 3 {
			return fail(codeFirstGroup)
		}
		if s[0] == '0' {
			// "0.500" is half a rupiah written the English way or a
			// misread 500: ambiguous, so refused.
			return fail(codeLeadingZero)
		}
	}
	for i < len(s) && s[i] == '.' {
		g := 0
		for i++; i < len(s) && isDigit(s[i]) && g < 4; i++ {
			buf[n] = s[i]
			n, g = n+1, g+1
		}
		if g != 3 {
			return fail(codeGroup)
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
					return fail(codeSen)
				}
				buf[n] = s[i]
				n, frac = n+1, frac+1
			}
			if frac == 0 {
				return fail(codeComma)
			}
		}
	}
	if i < len(s) {
		return syntaxFail(orig, s[i:])
	}
	if n > MaxDigits {
		return fail(codeDigits)
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
		return fail(codeNaN)
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

// syntaxFail names what stands in rest where digits or the end were expected.
func syntaxFail(orig, rest string) (decimal.Decimal, error) {
	c := codeNoDigits
	var args []string
	switch {
	case rest == "":
	case rest[0] == 'e' || rest[0] == 'E':
		c = codeExponent
	case strings.HasPrefix(strings.ToLower(rest), "nan"), strings.HasPrefix(strings.ToLower(rest), "inf"):
		c = codeNaN
	case rest[0] == ',':
		c = codeCommaTwice
	case rest[0] == '.':
		c = codeDot
	case rest[0] == '-' || rest[0] == '+':
		c = codeSign
	default:
		c = codeUnexpected
		_, size := utf8.DecodeRuneInString(rest)
		args = []string{strconv.Quote(rest[:size])}
	}
	return decimal.Decimal{}, parseErr(orig, c, args...)
}
