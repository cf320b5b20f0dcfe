package pricing

import "github.com/shopspring/decimal"

// Cents returns d in hundredths (sen) when d has at most 2 decimal places
// and the result fits an int64 with room to spare (at most 18 digits, so
// that sums and differences of two of them cannot overflow); ok is false
// otherwise. It does not allocate, which makes it the cheap way to check
// or sum amounts exactly in integers, and the entry to the int64 paths
// (SplitSen, RoundSen, Tax.OnSen). O(1).
func Cents(d decimal.Decimal) (cents int64, ok bool) {
	e := d.Exponent()
	if e < -2 {
		return 0, false
	}
	return scaled(d, e+2)
}

// senDecimal returns v sen as rupiah: v*10^-2, the zero Decimal for 0.
func senDecimal(v int64) decimal.Decimal {
	if v == 0 {
		return decimal.Decimal{}
	}
	return decimal.New(v, -2)
}
