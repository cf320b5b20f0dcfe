package pricing

import (
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func assertDecimal(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	assert.True(t, d(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

func TestParse(t *testing.T) {
	tests := []struct{ give, want string }{
		{"1250000", "1250000"}, {"1.250.000", "1250000"}, {"Rp1.250.000", "1250000"}, {"Rp 1.250.000", "1250000"},
		{"Rp 1.250.000,50", "1250000.5"}, {"Rp1.250.000,-", "1250000"}, {"Rp 1.250.000,00", "1250000"},
		{"-Rp5.000", "-5000"}, {"RP5.000", "5000"}, {"rp.5.000", "5000"}, {"Rp\u00a05.000", "5000"},
		{"0", "0"}, {"0,5", "0.5"}, {"12,05", "12.05"}, {"  Rp100  ", "100"}, {"999", "999"},
		{"999.999.999.999.999.999.999", "999999999999999999999"}, {"-1", "-1"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := Parse(tt.give)
			require.NoError(t, err, tt.give)
			assertDecimal(t, tt.want, got, tt.give)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ give, reason string }{
		{"", "empty"}, {"   ", "empty"}, {"Rp", "no digits"}, {"-", "no digits"},
		{"1e9", "exponent"}, {"1e-1000000000", "exponent"}, {"1E5", "exponent"}, {"NaN", "not a number"}, {"Inf", "not a number"},
		{"1.25", "exactly 3 digits"}, {"12.50", "exactly 3 digits"}, {"1250.00", "first group"}, {"1.2345", "exactly 3 digits"},
		{"1,250", "more than 2 decimal"}, {"1,", "followed by"}, {"1,2,3", "decimal separator"}, {"1.000,5,5", "decimal separator"},
		{"Rp-5.000", "minus before Rp"}, {"--5", "sign"}, {"+5", "sign"}, {"5-", "sign"}, {"$5", "unexpected"},
		{"Rp  5", "unexpected"}, {"1 000", "unexpected"}, {"5.000.00", "exactly 3 digits"}, {"12a", "unexpected"},
		{strings.Repeat("9", 1<<20), "longer than 64"},
	}
	for _, tt := range tests {
		t.Run(short(tt.give), func(t *testing.T) {
			_, err := Parse(tt.give)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, tt.give)
			require.ErrorIs(t, err, ErrSyntax)
			assert.Contains(t, pe.Reason(English), tt.reason, tt.give)
			assert.Less(t, len(err.Error()), 300)
		})
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ give, want string }{
		{"0", "Rp0"}, {"5", "Rp5"}, {"1000", "Rp1.000"}, {"1250000", "Rp1.250.000"}, {"-5000", "-Rp5.000"},
		{"1250000.5", "Rp1.250.000,50"}, {"0.05", "Rp0,05"}, {"-0.5", "-Rp0,50"}, {"100.00", "Rp100"},
		{"1.005", "Rp1,005"}, {"1e3", "Rp1.000"}, {"123456789012345678901234.5", "Rp123.456.789.012.345.678.901.234,50"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(d(tt.give)), tt.give)
	}
	assert.Equal(t, "x=Rp1.000", string(AppendFormat([]byte("x="), d("1000"))))
}

func TestFormatParseRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1", "-1", "0.01", "99.99", "100", "1234567.89", "-9999999999999999.99", "123456789012345678901234567"} {
		back, err := Parse(Format(d(s)))
		require.NoError(t, err, s)
		assertDecimal(t, s, back)
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		give, step string
		mode       RoundingMode
		want       string
	}{
		{"1250", "100", HalfUp, "1300"}, {"1250", "100", HalfEven, "1200"}, {"1350", "100", HalfEven, "1400"},
		{"1250", "100", Down, "1200"}, {"1201", "100", Up, "1300"}, {"1200", "100", Up, "1200"},
		{"-1250", "100", HalfUp, "-1300"}, {"-1250", "100", HalfEven, "-1200"}, {"-1201", "100", Down, "-1200"}, {"-1201", "100", Up, "-1300"},
		{"1249", "500", HalfUp, "1000"}, {"1250", "500", HalfUp, "1500"}, {"1750", "500", HalfEven, "2000"},
		{"12345.678", "0.01", HalfUp, "12345.68"}, {"0.005", "0.01", HalfEven, "0"}, {"0.015", "0.01", HalfEven, "0.02"},
		{"7", "3", HalfUp, "6"}, {"7.5", "3", HalfUp, "9"}, {"0", "1000", Up, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := Round(d(tt.give), d(tt.step), tt.mode)
			require.NoError(t, err)
			assertDecimal(t, tt.want, got, tt.give, tt.step, tt.mode)
		})
	}
	for _, step := range []string{"0", "-100"} {
		_, err := Round(d("1"), d(step), HalfUp)
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, "step", ae.Field)
	}
	_, err := Round(d("1"), d("1"), 0)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = Round(d("1"), d("1"), 9)
	require.ErrorIs(t, err, ErrInvalid)
}

func TestSplit(t *testing.T) {
	tests := []struct {
		total   string
		weights []int64
		step    string
		want    []string
	}{
		{"100", []int64{1, 1, 1}, "1", []string{"34", "33", "33"}},
		{"-100", []int64{1, 1, 1}, "1", []string{"-34", "-33", "-33"}},
		{"1000", []int64{1, 1, 1}, "100", []string{"400", "300", "300"}},
		{"1000", []int64{0, 3, 1}, "1", []string{"0", "750", "250"}},
		{"10", []int64{5, 0, 5}, "1", []string{"5", "0", "5"}},
		{"7", []int64{2, 3, 2}, "1", []string{"2", "3", "2"}},
		{"0", []int64{1, 2}, "1", []string{"0", "0"}},
		{"1", []int64{1, 1}, "0.01", []string{"0.5", "0.5"}},
		{"0.03", []int64{1, 1}, "0.01", []string{"0.02", "0.01"}},
		{"1000000000000000", []int64{math.MaxInt64, math.MaxInt64, 1}, "1", []string{"500000000000000", "500000000000000", "0"}},
		{"5", []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64}, "1", []string{"2", "2", "1"}},
		{"100000000000000000000000000000", []int64{1, 2}, "1", []string{"33333333333333333333333333333", "66666666666666666666666666667"}},
	}
	for _, tt := range tests {
		t.Run(tt.total, func(t *testing.T) {
			got, err := Split(d(tt.total), tt.weights, d(tt.step))
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i := range got {
				assertDecimal(t, tt.want[i], got[i], tt.total, tt.weights, i)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct {
		name    string
		total   string
		weights []int64
		step    string
		field   string
	}{
		{"step zero", "100", []int64{1}, "0", "step"},
		{"step negative", "100", []int64{1}, "-1", "step"},
		{"no weights", "100", nil, "1", "weights"},
		{"all zero", "100", []int64{0, 0}, "1", "weights"},
		{"negative weight", "100", []int64{1, -1}, "1", "weights[1]"},
		{"not a multiple", "150", []int64{1, 1}, "100", "total"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(d(tt.total), tt.weights, d(tt.step))
			var ae *ArgError
			require.ErrorAs(t, err, &ae, tt.name)
			require.ErrorIs(t, err, ErrInvalid)
			assert.Equal(t, tt.field, ae.Field, tt.name)
		})
	}
}

func TestTax(t *testing.T) {
	assertDecimal(t, "110000", PPN.On(d("1000000")))
	assertDecimal(t, "120000", PPNLuxury.On(d("1000000")))
	assertDecimal(t, "10", PPN.On(d("99")))    // 10.89 rounds down
	assertDecimal(t, "-10", PPN.On(d("-99")))  // mirror
	assertDecimal(t, "0", Tax{}.On(d("1000"))) // zero tax
	net, tax := PPN.Within(d("1110000"))
	assertDecimal(t, "1000000", net)
	assertDecimal(t, "110000", tax)
	// 1,110,001 ... are reachable; check a gap: net 909 -> 909+99=1008, net 910 -> 910+100=1010, so 1009 is a gap.
	net, tax = PPN.Within(d("1009"))
	assertDecimal(t, "909", net)
	assertDecimal(t, "100", tax)
	assertDecimal(t, "99", PPN.On(net)) // tax is On(net)+1 in a gap
	x, err := NewTax("PPN 12% x 11/12", d("0.12"), 11, 12)
	require.NoError(t, err)
	assert.Equal(t, PPN.num, x.num)
	assert.Equal(t, PPN.den, x.den)
	assertDecimal(t, "0.11", x.Rate())
	for _, bad := range []struct {
		rate     string
		num, den int64
	}{{"-0.1", 1, 1}, {"1.5", 1, 1}, {"0.1", 0, 1}, {"0.1", 2, 1}, {"0.1", 1, 0}, {"0.0000000001", 1, 1}} {
		_, err := NewTax("x", d(bad.rate), bad.num, bad.den)
		require.ErrorIs(t, err, ErrInvalid, bad)
	}
}

func TestTiers(t *testing.T) {
	tiers := Tiers{{1, d("185000")}, {12, d("175000")}, {60, d("160000")}, {240, d("150000")}}
	require.NoError(t, tiers.Validate())
	for q, want := range map[int]string{1: "185000", 11: "185000", 12: "175000", 59: "175000", 60: "160000", 1000: "150000"} {
		got, err := tiers.UnitPrice(q)
		require.NoError(t, err)
		assertDecimal(t, want, got, q)
	}
	for _, q := range []int{0, -1} {
		_, err := tiers.UnitPrice(q)
		require.ErrorIs(t, err, ErrInvalid)
	}
	_, err := Tiers{{10, d("1")}}.UnitPrice(9)
	require.ErrorIs(t, err, ErrInvalid)
	bad := map[string]Tiers{
		"tiers":                 {},
		"tiers[0].min_quantity": {{0, d("1")}},
		"tiers[0].unit_price":   {{1, d("0")}},
		"tiers[1].min_quantity": {{5, d("10")}, {5, d("9")}},
		"tiers[1].unit_price":   {{1, d("10")}, {5, d("10")}},
	}
	for field, tt := range bad {
		var ae *ArgError
		require.ErrorAs(t, tt.Validate(), &ae, field)
		assert.Equal(t, field, ae.Field)
	}
	var ae *ArgError
	require.ErrorAs(t, Tiers{{10, d("5")}, {2, d("4")}}.Validate(), &ae)
	assert.Equal(t, "tiers[1].min_quantity", ae.Field)
}

func TestCostPlus(t *testing.T) {
	sheet := CostSheet{Items: []CostItem{
		{Name: "kain primisima", Quantity: d("2.25"), Unit: "m", UnitCost: d("28000")},
		{Name: "malam", Quantity: d("0.3"), Unit: "kg", UnitCost: d("45000")},
		{Name: "pewarna", Quantity: d("1"), UnitCost: d("6500")},
		{Name: "upah cap", Quantity: d("1.5"), Unit: "jam", UnitCost: d("15000")},
	}, Overhead: d("0.1")}
	hpp, err := sheet.HPP()
	require.NoError(t, err)
	// 63000 + 13500 + 6500 + 22500 = 105500; +10% = 116050
	assertDecimal(t, "116050", hpp)
	p, err := PriceByMarkup(hpp, d("0.4"), PriceRule{Step: d("1000")})
	require.NoError(t, err)
	assertDecimal(t, "163000", p) // 162470 up to 163000
	p, err = PriceByMargin(hpp, d("0.3"), PriceRule{Step: d("100"), Ending: d("900"), Modulus: d("1000")})
	require.NoError(t, err)
	assertDecimal(t, "165900", p) // 165785.71... -> 165800 -> ...900
	p, err = PriceByMargin(d("100"), d("0.5"), PriceRule{})
	require.NoError(t, err)
	assertDecimal(t, "200", p)
	p, err = PriceByMarkup(d("100"), d("0"), PriceRule{Ending: d("0"), Modulus: d("1000")})
	require.NoError(t, err)
	assertDecimal(t, "1000", p)

	for name, err := range map[string]error{
		"markup -100%":   second(PriceByMarkup(d("1"), d("-1"), PriceRule{})),
		"margin 100%":    second(PriceByMargin(d("1"), d("1"), PriceRule{})),
		"margin 150%":    second(PriceByMargin(d("1"), d("1.5"), PriceRule{})),
		"negative cost":  second(PriceByMarkup(d("-1"), d("0.1"), PriceRule{})),
		"ending too big": second(PriceByMarkup(d("1"), d("0"), PriceRule{Ending: d("1000"), Modulus: d("1000")})),
		"bad step":       second(PriceByMarkup(d("1"), d("0"), PriceRule{Step: d("-1")})),
		"negative item":  second(CostSheet{Items: []CostItem{{Name: "x", Quantity: d("-1"), UnitCost: d("1")}}}.HPP()),
		"unnamed item":   second(CostSheet{Items: []CostItem{{Quantity: d("1"), UnitCost: d("1")}}}.HPP()),
		"overhead":       second(CostSheet{Overhead: d("-0.1")}.HPP()),
	} {
		require.ErrorIs(t, err, ErrInvalid, name)
	}
}

func second[T any](_ T, err error) error { return err }

func TestSettle(t *testing.T) {
	f := FeeSchedule{Name: "example", Commission: d("0.08"), CommissionCap: d("40000"), OrderFee: d("1250"), PaymentRate: d("0.01")}
	s, err := f.Settle([]SaleItem{{Quantity: 2, Amount: d("370000")}, {Quantity: 1, Amount: d("1500000")}})
	require.NoError(t, err)
	assertDecimal(t, "1870000", s.Sales)
	assertDecimal(t, "69600", s.Commission) // 29600 + min(120000, 40000)
	assertDecimal(t, "18700", s.PaymentFee)
	assertDecimal(t, "89550", s.Fees)
	assertDecimal(t, "1780450", s.Net)
	for name, sched := range map[string]FeeSchedule{
		"commission above 100%": {Commission: d("1.01")},
		"negative payment":      {PaymentRate: d("-0.1")},
		"negative cap":          {CommissionCap: d("-1")},
		"negative order fee":    {OrderFee: d("-1")},
	} {
		_, err := sched.Settle([]SaleItem{{Quantity: 1, Amount: d("1")}})
		require.ErrorIs(t, err, ErrInvalid, name)
	}
	_, err = f.Settle(nil)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = f.Settle([]SaleItem{{Quantity: 0, Amount: d("1")}})
	require.ErrorIs(t, err, ErrInvalid)
}

func TestPayouts(t *testing.T) {
	ps, err := Payouts(d("1000000"), []Share{{"A", 100}, {"B", 100}, {"C", 100}}, d("1"))
	require.NoError(t, err)
	assertDecimal(t, "333334", ps[0].Amount)
	assertDecimal(t, "333333", ps[1].Amount)
	assertDecimal(t, "1666", ps[0].PPhFinal)
	assertDecimal(t, "331668", ps[0].AfterPPh)
	for name, shares := range map[string][]Share{
		"none": nil, "empty id": {{"", 1}}, "repeated": {{"A", 1}, {"A", 2}}, "negative": {{"A", -1}}, "all zero": {{"A", 0}},
	} {
		_, err := Payouts(d("100"), shares, d("1"))
		require.ErrorIs(t, err, ErrInvalid, name)
	}
}

// short names a subtest after at most 40 bytes of its input.
func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
