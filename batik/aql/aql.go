package aql

import "strings"

// AQL is an acceptance quality limit from the preferred series of
// ISO 2859-1:1999, clause 5, and the column heads of Tables 2-A to 2-C:
//
//	0.010 0.015 0.025 0.040 0.065 0.10 0.15 0.25 0.40 0.65
//	1.0 1.5 2.5 4.0 6.5 10 15 25 40 65 100 150 250 400 650 1000
//
// in percent nonconforming (up to 10) or nonconformities per hundred units.
// An AQL is one of these 26 values exactly, held as its position in the
// series, so there is no rounding and no float64 comparison anywhere: "2.5"
// is an AQL and "2.4" is an error, not the nearest column.
//
// The zero AQL is not valid (IsValid reports false; String is "invalid").
// AQL is a small comparable value, safe to copy, to compare with == and to
// use as a map key.
type AQL struct {
	i uint8 // 1 + index in the series; 0 is the invalid zero value
}

// numAQL is the number of columns of Tables 2-A, 2-B and 2-C.
const numAQL = 26

// aqlText is the standard's spelling of each column head.
var aqlText = [numAQL]string{
	"0.010", "0.015", "0.025", "0.040", "0.065", "0.10", "0.15", "0.25", "0.40", "0.65",
	"1.0", "1.5", "2.5", "4.0", "6.5", "10", "15", "25", "40", "65",
	"100", "150", "250", "400", "650", "1000",
}

// aqlThousandths is each column head in thousandths of a percent, the
// exact value ParseAQL compares against.
var aqlThousandths = [numAQL]int64{
	10, 15, 25, 40, 65, 100, 150, 250, 400, 650,
	1000, 1500, 2500, 4000, 6500, 10000, 15000, 25000, 40000, 65000,
	100000, 150000, 250000, 400000, 650000, 1000000,
}

// AQLs returns the whole preferred series, tightest first, in a new slice
// the caller may keep. O(1) (26 values).
func AQLs() []AQL {
	out := make([]AQL, numAQL)
	for k := range out {
		out[k] = AQL{uint8(k + 1)}
	}
	return out
}

// ParseAQL reads an AQL written as a decimal number: "2.5", "2,5" (decimal
// comma, as written in Indonesia), "0.010" or "0.01", "10", "1000", with
// optional surrounding spaces and an optional trailing "%". The value must
// equal a member of the preferred series exactly; trailing zeros do not
// matter ("2.50" is 2.5).
//
// ParseAQL returns an *InputError wrapping ErrInvalid for anything else:
// empty text, a sign, an exponent, more than one decimal separator, or a
// value outside the series such as "2.4" or "0.005". It never rounds.
// O(len(s)).
func ParseAQL(s string) (AQL, error) {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(t, "%"))
	v, ok := thousandths(t)
	if !ok {
		return AQL{}, invalid("aql", s, codeAQLSyntax)
	}
	for k, want := range aqlThousandths {
		if v == want {
			return AQL{uint8(k + 1)}, nil
		}
	}
	return AQL{}, invalid("aql", s, codeAQLSeries)
}

// thousandths converts unsigned decimal text to an exact count of
// thousandths, refusing values that are not a whole number of thousandths
// or are far beyond the series.
func thousandths(t string) (int64, bool) {
	intPart, frac, hasSep := t, "", false
	if k := strings.IndexAny(t, ".,"); k >= 0 {
		intPart, frac, hasSep = t[:k], t[k+1:], true
	}
	if intPart == "" && (!hasSep || frac == "") {
		return 0, false
	}
	var v int64
	for k := 0; k < len(intPart); k++ {
		c := intPart[k]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
		if v > 1_000_000 { // above the series: stop before any overflow
			v = 1_000_001
		}
	}
	v *= 1000
	for k := 0; k < len(frac); k++ {
		c := frac[k]
		if c < '0' || c > '9' {
			return 0, false
		}
		switch {
		case k < 3:
			v += int64(c-'0') * [3]int64{100, 10, 1}[k]
		case c != '0':
			return -1, true // finer than a thousandth: a number, but not in the series
		}
	}
	return v, true
}

// MustParseAQL is ParseAQL for constants known to be valid; it panics on
// error. Use it for literals such as MustParseAQL("2.5"), never for input.
func MustParseAQL(s string) AQL {
	a, err := ParseAQL(s)
	if err != nil {
		panic(err)
	}
	return a
}

// IsValid reports whether a is a member of the series (not the zero AQL).
func (a AQL) IsValid() bool { return a.i >= 1 && a.i <= numAQL }

// String returns the standard's spelling, "0.010" ... "2.5" ... "1000", or
// "invalid" for the zero AQL.
func (a AQL) String() string {
	if !a.IsValid() {
		return "invalid"
	}
	return aqlText[a.i-1]
}

// Thousandths returns a in thousandths of a percent (2.5 gives 2500), or 0
// for the zero AQL: an exact integer for callers who compute with it.
func (a AQL) Thousandths() int64 {
	if !a.IsValid() {
		return 0
	}
	return aqlThousandths[a.i-1]
}

// Tighter returns the next smaller AQL of the series ("one step tighter",
// ISO 2859-1:1999, 9.3.3.2) and true, or the zero AQL and false for 0.010
// and for the zero AQL.
func (a AQL) Tighter() (AQL, bool) {
	if !a.IsValid() || a.i == 1 {
		return AQL{}, false
	}
	return AQL{a.i - 1}, true
}

// Compare returns -1, 0 or +1 as a is tighter than, equal to or looser
// than b. The zero AQL sorts first.
func (a AQL) Compare(b AQL) int {
	switch {
	case a.i < b.i:
		return -1
	case a.i > b.i:
		return 1
	}
	return 0
}

// MarshalText returns the standard's spelling; the zero AQL is an error.
func (a AQL) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fail(ErrInvalid, "aql", "", codeAQLZero)
	}
	return []byte(aqlText[a.i-1]), nil
}

// UnmarshalText parses text as ParseAQL does.
func (a *AQL) UnmarshalText(text []byte) error {
	v, err := ParseAQL(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// index is the column of Tables 2-A to 2-C; a must be valid.
func (a AQL) index() int { return int(a.i) - 1 }
