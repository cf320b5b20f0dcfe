package pricing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTaxText(t *testing.T) {
	for _, tt := range []struct {
		give string
		want Tax
	}{
		{"ppn", PPN}, {"PPN", PPN}, {"PPN 12% x 11/12", PPN},
		{"ppn_luxury", PPNLuxury}, {"ppnbm", PPNLuxury}, {"PPN Luxury", PPNLuxury}, {"PPN 12%", PPNLuxury},
		{"none", Tax{}}, {"", Tax{}},
	} {
		got, err := ParseTax(tt.give)
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, got, tt.give)
	}
	for _, bad := range []string{"vat", "ppn 11%", "pph", strings.Repeat("ppn", 100)} {
		_, err := ParseTax(bad)
		require.ErrorIs(t, err, ErrInvalid, bad)
	}
	for _, tax := range []Tax{PPN, PPNLuxury} {
		b, err := tax.MarshalText()
		require.NoError(t, err)
		back, err := ParseTax(string(b))
		require.NoError(t, err)
		assert.Equal(t, tax, back)
	}
	custom, err := NewTax("PPN DTP 6%", d("0.06"), 1, 1)
	require.NoError(t, err)
	_, err = custom.MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	b, err := json.Marshal(custom)
	require.NoError(t, err)
	assert.JSONEq(t, `{"name":"PPN DTP 6%","numerator":3,"denominator":50}`, string(b))
	var back Tax
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, custom, back)
	for _, bad := range []string{
		`{"name":"x","numerator":3}`,                               // missing key
		`{"name":"x","numerator":3,"denominator":2}`,               // above 1
		`{"name":"x","numerator":-1,"denominator":2}`,              // negative
		`{"name":"x","numerator":1,"denominator":0}`,               // no denominator
		`{"name":" ","numerator":1,"denominator":2}`,               // blank name
		`{"name":"x","numerator":1,"denominator":2,"rate":"0.5"}`,  // unknown key
		`{"name":"x","numerator":1,"denominator":2,"numerator":1}`, // repeated key
		`{"name":"x","Numerator":1,"denominator":2}`,               // case
		`{"name":"x","numerator":1.5,"denominator":2}`,             // not whole
		`{"name":null,"numerator":1,"denominator":2}`,              // null
		`"vat"`, `12`, `true`, `[]`,
	} {
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &back), ErrInvalid, bad)
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
