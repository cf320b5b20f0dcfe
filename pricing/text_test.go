package pricing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundingModeText(t *testing.T) {
	for _, m := range RoundingModes() {
		b, err := m.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, m.String(), string(b))
		var back RoundingMode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
		got, err := ParseRoundingMode(m.String()) // the Go name
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	for give, want := range map[string]RoundingMode{"half_up": HalfUp, "HALF-EVEN": HalfEven, "Half Even": HalfEven, "halfup": HalfUp, "Down": Down, "UP": Up} {
		got, err := ParseRoundingMode(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got, give)
	}
	for _, bad := range []string{"", "half", "ceiling", "HalfDown", strings.Repeat("up", 1000)} {
		_, err := ParseRoundingMode(bad)
		require.ErrorIs(t, err, ErrInvalid, bad)
		assert.LessOrEqual(t, len(err.Error()), 300)
	}
	_, err := RoundingMode(0).MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	_, err = RoundingMode(9).MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "", RoundingMode(0).String())

	// In a fee schedule the zero mode (HalfUp by default) is left out.
	b, err := json.Marshal(FeeSchedule{Name: "x", Commission: d("0.065")})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "rounding")
	b, err = json.Marshal(FeeSchedule{Name: "x", Commission: d("0.065"), Rounding: Down})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rounding":"down"`)
	var f FeeSchedule
	require.NoError(t, json.Unmarshal(b, &f))
	assert.Equal(t, Down, f.Rounding)
}

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

func TestQuoteJSONRoundTrip(t *testing.T) {
	q := campaignQuote()
	q.Fees.Rounding = Down
	b, err := json.Marshal(q)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"tax":"ppn"`)
	var back Quote
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	assert.Equal(t, PPN, back.Tax, "a quote decoded from JSON carries its tax")
	want, err := q.Price()
	require.NoError(t, err)
	got, err := back.Price()
	require.NoError(t, err)
	assertDecimal(t, want.Total.String(), got.Total)
	assertDecimal(t, want.Tax.String(), got.Tax)
	assert.Equal(t, "PPN 12% x 11/12", got.TaxName)
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))

	// Without a tax the key is left out and the quote prices with none.
	q.Tax = Tax{}
	b, err = json.Marshal(q)
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"tax"`)
}

func TestQuoteJSONStrict(t *testing.T) {
	const line = `{"sku":"A","quantity":2,"unit_price":"85000.50"}`
	tests := []struct {
		name, give, field string
	}{
		{"unknown tax", `{"lines":[` + line + `],"tax":"vat"}`, "tax"},
		{"unknown key", `{"lines":[` + line + `],"taxes":"ppn"}`, "taxes"},
		{"key in another case", `{"lines":[` + line + `],"Tax":"ppn"}`, "Tax"},
		{"repeated key", `{"lines":[` + line + `],"discount":"1","discount":"2"}`, "discount"},
		{"repeated key, other case", `{"lines":[{"sku":"A","quantity":2,"unit_price":"1","UNIT_PRICE":"2"}]}`, "lines[0].UNIT_PRICE"},
		{"exponent", `{"lines":[{"sku":"A","quantity":2,"unit_price":"1.55e5"}]}`, "lines[0].unit_price"},
		{"exponent number", `{"lines":[{"sku":"A","quantity":2,"unit_price":1.55e5}]}`, "lines[0].unit_price"},
		{"display form", `{"lines":[{"sku":"A","quantity":2,"unit_price":"Rp155.000"}]}`, "lines[0].unit_price"},
		{"three decimals", `{"lines":[` + line + `],"shipping":"1.005"}`, "shipping"},
		{"null amount", `{"lines":[{"sku":"A","quantity":2,"unit_price":null}]}`, "lines[0].unit_price"},
		{"missing quantity", `{"lines":[{"sku":"A","unit_price":"1"}]}`, "lines[0].quantity"},
		{"missing lines", `{"tax":"ppn"}`, "lines"},
		{"quantity as text", `{"lines":[{"sku":"A","quantity":"2","unit_price":"1"}]}`, "lines[0].quantity"},
		{"quantity fraction", `{"lines":[{"sku":"A","quantity":2.5,"unit_price":"1"}]}`, "lines[0].quantity"},
		{"tier amount", `{"lines":[{"sku":"A","quantity":2,"tiers":[{"min_quantity":1,"unit_price":"1e3"}]}]}`, "lines[0].tiers[0].unit_price"},
		{"tier missing key", `{"lines":[{"sku":"A","quantity":2,"tiers":[{"unit_price":"1"}]}]}`, "lines[0].tiers[0].min_quantity"},
		{"fee rate", `{"lines":[` + line + `],"fees":{"name":"x","commission":"6.5%"}}`, "fees.commission"},
		{"fee rounding", `{"lines":[` + line + `],"fees":{"name":"x","commission":"0.065","rounding":"ceiling"}}`, "fees.rounding"},
		{"not an object", `[1]`, "value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var q Quote
			err := json.Unmarshal([]byte(tt.give), &q)
			require.ErrorIs(t, err, ErrInvalid)
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.field, ae.Field)
			msg := err.Error()
			assert.NotContains(t, msg, "can't convert")
			assert.NotContains(t, msg, "Go ")
			assert.NotContains(t, msg, "pricing.")
			assert.NotContains(t, ae.Message(Indonesian), "unknown")
		})
	}
	// Rates keep their decimals.
	var q Quote
	require.NoError(t, json.Unmarshal([]byte(`{"lines":[`+line+`],"fees":{"name":"x","commission":"0.065","payment_rate":0.015}}`), &q))
	assertDecimal(t, "0.065", q.Fees.Commission)
	assertDecimal(t, "0.015", q.Fees.PaymentRate)
	assertDecimal(t, "85000.5", q.Lines[0].UnitPrice)
}

func TestParseLeadingZeroGroup(t *testing.T) {
	for _, s := range []string{"0.500", "0.001", "Rp0.500", "-Rp0.500", "00.500", "0.000", "Rp 0.500,00"} {
		_, err := Parse(s)
		require.ErrorIs(t, err, ErrSyntax, s)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "leading_zero", pe.Code, s)
	}
	for s, want := range map[string]string{"0": "0", "0,50": "0.5", "Rp0": "0", "500": "500", "0500": "500", " 5 ": "5", "1.000": "1000"} {
		got, err := Parse(s)
		require.NoError(t, err, s)
		assertDecimal(t, want, got, s)
	}
}

// Format past the digit limit is bounded and refused by Parse.
func TestFormatBounded(t *testing.T) {
	tests := []struct {
		give decimal.Decimal
		want string
	}{
		{decimal.New(1, 100_000_000), "Rp1e+100000000"},
		{decimal.New(-15, 31), "-Rp15e+31"},
		{decimal.New(1, -(1 << 20)), "Rp1e-1048576"},
		{decimal.RequireFromString(strings.Repeat("9", 50)), "Rp" + strings.Repeat("9", 30) + "...e+20"},
	}
	for _, tt := range tests {
		got := Format(tt.give)
		assert.Equal(t, tt.want, got)
		_, err := Parse(got)
		require.Error(t, err, got)
	}
	assert.Less(t, testing.AllocsPerRun(10, func() { _ = Format(decimal.New(1, 100_000_000)) }), 10.0)
	// The largest amounts Parse returns format in full and parse back.
	for _, s := range []string{strings.Repeat("9", 30), strings.Repeat("9", 28) + ".99", "-" + strings.Repeat("9", 30), "1" + strings.Repeat("0", 29)} {
		v := d(s)
		back, err := Parse(Format(v))
		require.NoError(t, err, Format(v))
		assertDecimal(t, s, back)
	}
	// 1e40 is past MaxDigits: Format says so rather than promising a round trip.
	assert.Equal(t, "Rp1e+40", Format(decimal.New(1, 40)))
}

func TestArgErrorValueBounded(t *testing.T) {
	_, err := Round(decimal.NewFromInt(5), decimal.New(-1, -(1<<10)), HalfUp)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Less(t, len(err.Error()), 300)
	_, err = Split(decimal.NewFromInt(1), []int64{1}, decimal.New(-1, -(1<<10)))
	require.ErrorIs(t, err, ErrInvalid)
	assert.Less(t, len(err.Error()), 300)
}

func TestDecTextAndLimits(t *testing.T) {
	assert.Equal(t, "1250000.5", decText(d("1250000.5")))
	assert.Equal(t, "1e+100000000", decText(decimal.New(1, 100_000_000)))
	assert.Equal(t, "-7e-1048576", decText(decimal.New(-7, -(1<<20))))
	assert.False(t, beyondLimits(d("999999999999999999999999999999.99")))
	assert.True(t, beyondLimits(decimal.New(1, 100_000_000)))
	assert.True(t, beyondLimits(decimal.New(1, -(1<<20))))
}

func TestQuoteRefusesAmountsPastLimits(t *testing.T) {
	for _, mut := range []func(*Quote){
		func(q *Quote) { q.Lines[1].UnitPrice = decimal.New(1, 100_000_000) },
		func(q *Quote) { q.Discount = decimal.New(1, -(1 << 20)) },
		func(q *Quote) { q.Shipping = decimal.New(1, 50) },
		func(q *Quote) { q.Lines[0].Tiers[0].UnitPrice = decimal.New(1, 100_000_000) },
	} {
		q := campaignQuote()
		mut(&q)
		_, err := q.Price()
		require.ErrorIs(t, err, ErrOverflow)
		assert.Less(t, len(err.Error()), 300)
	}
}
