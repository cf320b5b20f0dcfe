package pricing

import (
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/shopspring/decimal"
)

// Format writes d the Indonesian way: "Rp1.250.000", "-Rp5.000", and
// "Rp1.250.000,50" when d has sen (always two decimal digits then, or as
// many as d carries beyond two: Format never rounds, so it never hides a
// fraction). Parse(Format(d)) equals d for every d with at most 2 decimal
// places whose written digits (rupiah and sen together) number at most
// MaxDigits: exactly the amounts Parse can return.
//
// An amount built in code that is past those limits (more than 40 digits
// in its coefficient, or written with more than MaxDigits digits before or
// after the comma, such as decimal.New(1, 1e8)) is written in a bounded
// scientific form, "Rp1e+100000000" or "Rp12345e-40", which Parse refuses:
// the output is at most about 100 bytes whatever d is. O(digits). One
// allocation (the string) when d's coefficient has at most 18 digits, d has
// at most 18 decimals and |d| < 10^30, which covers every amount of up to
// 18 digits that Parse returns; more beyond.
func Format(d decimal.Decimal) string {
	var buf [48]byte
	return string(AppendFormat(buf[:0], d))
}

// maxCoefDigits is the most coefficient digits Format writes out in full.
const maxCoefDigits = 40

// AppendFormat appends Format(d) to b and returns the extended buffer. For
// the amounts on which Format allocates only its string, AppendFormat
// allocates nothing when b has 48 bytes of room.
func AppendFormat(b []byte, d decimal.Decimal) []byte {
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	b = append(b, "Rp"...)
	if !inFull(d) {
		return appendScientific(b, d)
	}
	var buf [40]byte
	intPart, zeros, fracPart := splitDigits(coefficientDigits(d, &buf), int(d.Exponent()))
	if len(intPart) == 0 {
		b = append(b, '0')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b = append(b, '.')
		}
		b = append(b, c)
	}
	if n := zeros + len(fracPart); n > 0 {
		b = append(b, ',')
		for range zeros {
			b = append(b, '0')
		}
		b = append(b, fracPart...)
		if n == 1 {
			b = append(b, '0')
		}
	}
	return b
}

// coefficientDigits returns the digits of |d|'s coefficient (at most 40,
// as inFull holds) at the start of buf, so that zeros can follow them
// there.
func coefficientDigits(d decimal.Decimal, buf *[40]byte) []byte {
	if d.NumDigits() > 18 {
		c := d.Coefficient()
		return c.Abs(c).Append(buf[:0], 10)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		c = -c
	}
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + c%10)
		c /= 10
		if c == 0 {
			return buf[:copy(buf[:], buf[i:])]
		}
	}
}

// splitDigits splits the digits of a coefficient at exponent exp into the
// rupiah and the sen Format writes, the sen being zeros zeros then
// fracPart: zeros added for a positive exponent, trailing zeros after the
// comma dropped past the second ("1,500" -> "1,50"), and no sen when they
// are all zero. No rupiah digits means 0.
func splitDigits(digits []byte, exp int) (intPart []byte, zeros int, fracPart []byte) {
	if exp > 0 {
		for range exp {
			digits = append(digits, '0')
		}
		exp = 0
	}
	fracLen := -exp
	for fracLen > 2 && digits[len(digits)-1] == '0' {
		digits, fracLen = digits[:len(digits)-1], fracLen-1
	}
	if fracLen > 0 && allZero(digits[max(0, len(digits)-fracLen):]) && fracLen <= 2 {
		digits, fracLen = digits[:len(digits)-min(fracLen, len(digits))], 0
		if len(digits) == 0 {
			digits = append(digits, '0')
		}
	}
	if fracLen < len(digits) {
		return digits[:len(digits)-fracLen], 0, digits[len(digits)-fracLen:]
	}
	return nil, fracLen - len(digits), digits
}

// inFull reports whether Format writes d in full: at most 40 digits in its
// coefficient, and at most MaxDigits zeros after them or 40 digits after
// the comma.
func inFull(d decimal.Decimal) bool {
	e := int64(d.Exponent())
	return e <= MaxDigits && -e <= maxCoefDigits && d.NumDigits() <= maxCoefDigits
}

// appendScientific writes |d| past Format's limits as <coefficient>e<exp>,
// the coefficient cut to its first 30 digits and marked "..." when longer.
func appendScientific(b []byte, d decimal.Decimal) []byte {
	c := d.Coefficient()
	c.Abs(c)
	exp := int64(d.Exponent())
	if c.BitLen() > 4000 { // about 1,200 digits: do not print it to cut it
		return append(b, "(more than 1000 digits)"...)
	}
	digits := c.Append(nil, 10)
	if len(digits) > MaxDigits {
		exp += int64(len(digits) - MaxDigits)
		digits = append(digits[:MaxDigits], "..."...)
	}
	b = append(b, digits...)
	b = append(b, 'e')
	if exp >= 0 {
		b = append(b, '+')
	}
	return strconv.AppendInt(b, exp, 10)
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != '0' {
			return false
		}
	}
	return true
}

// decText renders d for a message without building a string longer than
// about 100 bytes: d.String() when Format writes d in full, else Format's
// scientific form without "Rp" ("1e+100000000"), abbreviated by msg.Clip.
// Every function that puts a caller's decimal in an error uses it rather
// than d.String(), which for decimal.New(1, 1e8) builds a 100 MB string.
func decText(d decimal.Decimal) string {
	if inFull(d) {
		return msg.Clip(d.String())
	}
	var b []byte
	if d.Sign() < 0 {
		b = append(b, '-')
	}
	return string(appendScientific(b, d))
}

// digitsErr is the error of the amount d, named field, past the limits.
func digitsErr(field string, d decimal.Decimal) error {
	return overflowErr(field, decText(d), codeTooManyDigits)
}

// beyondLimits reports whether d is past the digits an amount may have
// (more than MaxDigits before the point, more than maxCoefDigits after it
// or in its coefficient): the guard Round, Split and Quote.Price need
// before QuoRem or Add, whose rescaling of decimal.New(1, 1e8) would build
// a 10^8-digit number.
func beyondLimits(d decimal.Decimal) bool {
	e := int64(d.Exponent())
	return e > MaxDigits || -e > maxCoefDigits || d.NumDigits()+int(max(e, 0)) > MaxDigits+maxCoefDigits
}
