package pricing

// More tests written to kill mutants gremlins found alive in tax.go,
// tax_text.go and tiers.go (see .ci/mutation): each pins a boundary or a
// branch the other tests left open, by the behaviour a caller sees.

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewTaxClosedRange pins NewTax's range: both ends of [0, 1] are rates
// (a zero-rated tax and a 100% one), and a base denominator of exactly
// 1,000,000 is allowed while 1,000,001 is not.
func TestNewTaxClosedRange(t *testing.T) {
	zero, err := NewTax("PPN 0% (ekspor)", d("0"), 1, 1)
	require.NoError(t, err)
	assertDecimal(t, "0", zero.Rate())
	assertDecimal(t, "0", zero.On(d("1250000")))

	full, err := NewTax("full", d("1"), 1, 1)
	require.NoError(t, err)
	assertDecimal(t, "1", full.Rate())
	// 100% of Rp1.234,56 is Rp1.234,56, rounded down to whole rupiah.
	assertDecimal(t, "1234", full.On(d("1234.56")))

	// 11% on half the price (500000/1000000): 5.5% in effect, by hand.
	half, err := NewTax("half base", d("0.11"), 500_000, 1_000_000)
	require.NoError(t, err)
	assertDecimal(t, "0.055", half.Rate())
	assertDecimal(t, "55", half.On(d("1000"))) // 1000 x 0.055

	_, err = NewTax("x", d("0.11"), 500_000, 1_000_001)
	requireArgField(t, err, "base")
}

// TestWithinZeroWithDecimals pins Within on a zero gross written with more
// decimals than sen can hold ("0.000"), which takes the decimal route:
// nothing to split, so net and tax are both zero.
func TestWithinZeroWithDecimals(t *testing.T) {
	for _, tax := range []Tax{PPN, PPNLuxury, PPhFinal} {
		net, x := tax.Within(decimal.New(0, -3))
		assert.True(t, net.IsZero(), "%s: net %s", tax.Name(), net)
		assert.True(t, x.IsZero(), "%s: tax %s", tax.Name(), x)
	}
}

// TestParseTaxLengthBound pins the length ParseTax reads: a name padded
// with spaces to 64 bytes is still the name, one byte more is refused
// whatever it holds.
func TestParseTaxLengthBound(t *testing.T) {
	s64 := strings.Repeat(" ", 61) + "ppn"
	require.Len(t, s64, 64)
	got, err := ParseTax(s64)
	require.NoError(t, err)
	assert.Equal(t, PPN, got)

	_, err = ParseTax(" " + s64)
	requireArgField(t, err, "tax")
}

// TestTaxUnmarshalJSONBlank pins UnmarshalJSON called directly on empty or
// blank input (json.Unmarshal never does that, a caller may): an error
// wrapping ErrInvalid, not a panic, and the tax left as it was.
func TestTaxUnmarshalJSONBlank(t *testing.T) {
	for _, give := range []string{"", "  \n"} {
		tax := PPN
		err := tax.UnmarshalJSON([]byte(give))
		requireArgField(t, err, "tax")
		assert.Equal(t, PPN, tax)
	}
}

// TestTaxJSONRangeEnds pins the object form's rate range [0, 1] and its
// denominator bound 10^15, both ends included: numerator 0 (a zero-rated
// custom tax), numerator == denominator (100%) and a denominator of
// exactly 10^15 are read; a denominator of 0 or 10^15+1 is refused.
func TestTaxJSONRangeEnds(t *testing.T) {
	var tax Tax
	require.NoError(t, json.Unmarshal([]byte(`{"name":"PPN 0%","numerator":0,"denominator":100}`), &tax))
	assert.Equal(t, "PPN 0%", tax.Name())
	assertDecimal(t, "0", tax.Rate())
	assertDecimal(t, "0", tax.On(d("1000000")))

	require.NoError(t, json.Unmarshal([]byte(`{"name":"full","numerator":3,"denominator":3}`), &tax))
	assertDecimal(t, "1", tax.Rate())
	assertDecimal(t, "250000", tax.On(d("250000.75"))) // 100%, rounded down to whole rupiah

	require.NoError(t, json.Unmarshal([]byte(`{"name":"tiny","numerator":1,"denominator":1000000000000000}`), &tax))
	// 10^15 x 1/10^15 = 1 rupiah; 10^15 - 1 gives 0.999... rounded down to 0.
	assertDecimal(t, "1", tax.On(d("1000000000000000")))
	assertDecimal(t, "0", tax.On(d("999999999999999")))

	for _, bad := range []string{
		`{"name":"x","numerator":0,"denominator":0}`,
		`{"name":"x","numerator":1,"denominator":1000000000000001}`,
	} {
		tax := PPN
		err := json.Unmarshal([]byte(bad), &tax)
		requireArgField(t, err, "tax")
		assert.Equal(t, PPN, tax, bad)
	}
}
