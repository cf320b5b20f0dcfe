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
// it in English or Indonesian; its Value is s quoted, abbreviated when
// long. O(len(s)). Allocations: two for a non-zero amount of up to 18
// digits (the result's big.Int: its struct and its word), one for zero;
// more for longer amounts and for errors.
func Parse(s string) (decimal.Decimal, error) {
	if len(s) > MaxInputLen {
		return decimal.Decimal{}, parseErr(s, codeLong)
	}
	var a amountText
	if err := a.read(s); err != nil {
		return decimal.Decimal{}, err
	}
	return a.value(s)
}

// amountText is an amount as Parse reads it: its sign, its digits (rupiah
// then sen, n of them) and how many of them are sen. It lives on the
// stack: input is at most MaxInputLen bytes.
type amountText struct {
	neg    bool
	digits [MaxInputLen]byte
	n      int
	frac   int
}

// add appends the digits d.
func (a *amountText) add(d string) { a.n += copy(a.digits[a.n:], d) }

// read reads s into a: the sign and "Rp", the rupiah (plain digits, or
// groups of three after '.'), and the sen after ','.
func (a *amountText) read(s string) *ParseError {
	rest, c, ok := a.prefix(strings.TrimSpace(s))
	if !ok {
		return parseErr(s, c)
	}
	n := leadingDigits(rest)
	if n == 0 {
		return syntaxErr(s, rest)
	}
	a.add(rest[:n])
	if rest = rest[n:]; strings.HasPrefix(rest, ".") {
		switch {
		case n > 3:
			return parseErr(s, codeFirstGroup)
		case a.digits[0] == '0':
			// "0.500" is half a rupiah written the English way or a
			// misread 500: ambiguous, so refused.
			return parseErr(s, codeLeadingZero)
		}
		if rest, ok = a.groups(rest); !ok {
			return parseErr(s, codeGroup)
		}
	}
	if rest, c, ok = a.fraction(rest); !ok {
		return parseErr(s, c)
	}
	if rest != "" {
		return syntaxErr(s, rest)
	}
	if a.n > MaxDigits {
		return parseErr(s, codeDigits)
	}
	return nil
}

// prefix reads a leading '-', then "Rp", "RP", "rp" or "Rp." and one space
// or no-break space, and returns the rest.
func (a *amountText) prefix(s string) (rest string, c code, ok bool) {
	if s == "" {
		return "", codeEmpty, false
	}
	if s[0] == '-' {
		a.neg, s = true, s[1:]
	}
	if len(s) >= 2 && (s[0] == 'R' || s[0] == 'r') && (s[1] == 'p' || s[1] == 'P') {
		s = strings.TrimPrefix(s[2:], ".")
		if strings.HasPrefix(s, " ") {
			s = s[1:]
		} else {
			s = strings.TrimPrefix(s, "\u00a0")
		}
		if !a.neg && strings.HasPrefix(s, "-") {
			return "", codeMinus, false
		}
	}
	if s == "" {
		return "", codeNoDigits, false
	}
	return s, 0, true
}

// groups reads groups of exactly three digits, each after a '.'.
func (a *amountText) groups(s string) (rest string, ok bool) {
	for strings.HasPrefix(s, ".") {
		if leadingDigits(s[1:]) != 3 {
			return s, false
		}
		a.add(s[1:4])
		s = s[4:]
	}
	return s, true
}

// fraction reads ",d", ",dd" or the ",-" of "Rp5.000,-".
func (a *amountText) fraction(s string) (rest string, c code, ok bool) {
	if !strings.HasPrefix(s, ",") {
		return s, 0, true
	}
	if s = s[1:]; strings.HasPrefix(s, "-") {
		return s[1:], 0, true
	}
	switch n := leadingDigits(s); {
	case n == 0:
		return s, codeComma, false
	case n > 2:
		return s, codeSen, false
	default:
		a.add(s[:n])
		a.frac = n
		return s[n:], 0, true
	}
}

// value returns the amount a holds; s is the text it was read from, for
// the error that cannot happen.
func (a *amountText) value(s string) (decimal.Decimal, error) {
	digits := a.digits[:a.n]
	if len(digits) <= 18 {
		var v int64
		for _, c := range digits {
			v = v*10 + int64(c-'0')
		}
		if a.neg {
			v = -v
		}
		return decimal.New(v, int32(-a.frac)), nil
	}
	d, err := decimal.NewFromString(string(digits))
	if err != nil {
		return decimal.Decimal{}, parseErr(s, codeNaN)
	}
	d = d.Shift(int32(-a.frac))
	if a.neg {
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

// leadingDigits returns how many bytes at the start of s are digits.
func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// syntaxErr names what stands in rest where digits or the end were expected.
func syntaxErr(orig, rest string) *ParseError {
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
	return parseErr(orig, c, args...)
}
