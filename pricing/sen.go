package pricing

import "github.com/shopspring/decimal"

// Conversions between decimal rupiah and int64 sen for the int64 paths
// (Within on WithinSen). They stay unexported because they promise little:
// senOf takes only what fits in 18 digits, and reports false otherwise,
// where the caller computes in decimals.

// senOf returns d in sen if d's exponent is at least -2 and the sen fit in
// 18 digits (so that sums and differences of two of them cannot overflow).
func senOf(d decimal.Decimal) (int64, bool) {
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
