package pricing

import "github.com/shopspring/decimal"

// Cents returns d in hundredths (sen) when d has at most 2 decimal places
// and the result fits an int64 with room to spare (at most 18 digits); ok
// is false otherwise. It does not allocate for such values, which makes it
// the cheap way to check or sum amounts exactly in integers. O(1).
func Cents(d decimal.Decimal) (cents int64, ok bool) {
	exp := int(d.Exponent())
	if exp < -2 || d.NumDigits()+exp+2 > 18 {
		return 0, false
	}
	c := d.CoefficientInt64()
	for range exp + 2 {
		c *= 10
	}
	return c, true
}
