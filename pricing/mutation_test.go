package pricing

// Tests written to kill mutants gremlins found alive (see .ci/mutation):
// each pins a boundary or a branch the other tests left open, by the
// behaviour a caller sees.

import (
	"encoding/json"
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func requireArgField(t *testing.T, err error, field string) {
	t.Helper()
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, field, ae.Field)
}

func TestHPP(t *testing.T) {
	items := []CostItem{
		{Name: "kain primisima", Quantity: d("2.5"), Unit: "m", UnitCost: d("40000")},
		{Name: "malam", Quantity: d("0.3"), Unit: "kg", UnitCost: d("60000")},
		{Name: "upah canting", Quantity: d("0"), Unit: "jam", UnitCost: d("0")},
	}
	// 2.5 x 40000 + 0.3 x 60000 = 118000, by hand.
	tests := []struct {
		give string // overhead
		want string
	}{
		{"0", "118000"}, {"0.1", "129800"}, {"10", "1298000"},
	}
	for _, tt := range tests {
		got, err := CostSheet{Items: items, Overhead: d(tt.give)}.HPP()
		require.NoError(t, err, tt.give)
		assertDecimal(t, tt.want, got, tt.give)
	}
	got, err := CostSheet{}.HPP()
	require.NoError(t, err)
	assertDecimal(t, "0", got)

	for _, tt := range []struct {
		give  CostSheet
		field string
	}{
		{CostSheet{Overhead: d("-0.01")}, "overhead"},
		{CostSheet{Overhead: d("10.01")}, "overhead"},
		{CostSheet{Items: []CostItem{items[0], {Quantity: d("1"), UnitCost: d("1")}}}, "items[1].name"},
		{CostSheet{Items: []CostItem{{Name: "x", Quantity: d("-0.01"), UnitCost: d("1")}}}, "items[0].quantity"},
		{CostSheet{Items: []CostItem{{Name: "x", Quantity: d("1"), UnitCost: d("-0.01")}}}, "items[0].unit_cost"},
	} {
		_, err := tt.give.HPP()
		requireArgField(t, err, tt.field)
	}
}

func TestPriceByBounds(t *testing.T) {
	// A cost of zero is allowed and prices at zero (or at the ending).
	got, err := PriceByMarkup(decimal.Zero, d("0.4"), PriceRule{})
	require.NoError(t, err)
	assertDecimal(t, "0", got)
	got, err = PriceByMargin(decimal.Zero, d("0.3"), PriceRule{})
	require.NoError(t, err)
	assertDecimal(t, "0", got)
	got, err = PriceByMarkup(decimal.Zero, d("0.4"), PriceRule{Modulus: d("1000"), Ending: d("900")})
	require.NoError(t, err)
	assertDecimal(t, "900", got)

	// A margin of exactly -100% is allowed: price = cost / 2.
	got, err = PriceByMargin(d("100000"), d("-1"), PriceRule{})
	require.NoError(t, err)
	assertDecimal(t, "50000", got)
	_, err = PriceByMargin(d("100000"), d("-1.01"), PriceRule{})
	requireArgField(t, err, "margin")
	_, err = PriceByMargin(d("100000"), d("1"), PriceRule{})
	requireArgField(t, err, "margin")
	_, err = PriceByMarkup(d("100000"), d("-1"), PriceRule{})
	requireArgField(t, err, "markup")
	_, err = PriceByMarkup(d("-0.01"), d("0.4"), PriceRule{})
	requireArgField(t, err, "cost")
	_, err = PriceByMargin(d("-0.01"), d("0.3"), PriceRule{})
	requireArgField(t, err, "cost")
}

func TestParseFractionCodes(t *testing.T) {
	tests := []struct{ give, code string }{
		{"0.0000000001", "rate_decimals"}, // ten decimals: a rate has at most nine
		{"", "empty"},
		{"1e-3", "exponent"},
		{"NaN", "nan"},
	}
	for _, tt := range tests {
		_, err := parseFraction(tt.give)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, tt.give)
		assert.Equal(t, tt.code, pe.Code, tt.give)
	}
	got, err := parseFraction("0.000000001")
	require.NoError(t, err)
	assertDecimal(t, "0.000000001", got)
}

// TestParseDecimalAllocs guards the cost ParseDecimal's doc states: two
// allocations (the decimal's big.Int and its box), whether the amount is
// built from its parts (up to 18 bytes) or by decimal's own parser.
func TestParseDecimalAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	var (
		sink    decimal.Decimal
		sinkErr error
	)
	for _, s := range []string{"7", "123456789012345678", "-123456789012345.6", "1234567890123456.7", "12345678901234567.8"} {
		assert.Equal(t, 2.0, testing.AllocsPerRun(20, func() { sink, sinkErr = ParseDecimal(s) }), s)
		require.NoError(t, sinkErr)
		assert.Equal(t, decimal.RequireFromString(s).String(), sink.String(), s)
	}
}

// TestErrorValueAbbreviated: a long value is named abbreviated (decText).
func TestErrorValueAbbreviated(t *testing.T) {
	long := "-" + strings.Repeat("1", 80)
	_, err := PriceRule{Modulus: d(long)}.Apply(d("5"))
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, long[:31]+"...e+50", ae.Value) // decText: 30 digits, then the exponent
}

func TestFeeScheduleBounds(t *testing.T) {
	for _, tt := range []struct {
		give  FeeSchedule
		field string // "" when valid
	}{
		{FeeSchedule{Commission: d("1"), PaymentRate: d("1")}, ""},
		{FeeSchedule{Commission: d("0"), PaymentRate: d("0")}, ""},
		{FeeSchedule{Commission: d("1.000000001")}, "commission"},
		{FeeSchedule{Commission: d("-0.000000001")}, "commission"},
		{FeeSchedule{PaymentRate: d("1.01")}, "payment_rate"},
		{FeeSchedule{PaymentRate: d("-0.01")}, "payment_rate"},
		{FeeSchedule{CommissionCap: d("0"), OrderFee: d("0")}, ""},
		{FeeSchedule{CommissionCap: d("-0.01")}, "commission_cap"},
		{FeeSchedule{OrderFee: d("-0.01")}, "order_fee"},
	} {
		err := tt.give.Validate()
		if tt.field == "" {
			assert.NoError(t, err, "%+v", tt.give)
			continue
		}
		requireArgField(t, err, tt.field)
	}
}

func TestSettleEdges(t *testing.T) {
	// A zero amount is a sale of nothing: allowed, no commission.
	s, err := FeeSchedule{Commission: d("0.065")}.Settle([]SaleItem{{Quantity: 1, Amount: d("0")}, {Quantity: 2, Amount: d("100000")}})
	require.NoError(t, err)
	assertDecimal(t, "100000", s.Sales)
	assertDecimal(t, "6500", s.Commission)
	// A zero CommissionCap means no cap (not a cap of zero).
	s, err = FeeSchedule{Commission: d("0.065"), CommissionCap: d("0")}.Settle([]SaleItem{{Quantity: 1, Amount: d("100000")}})
	require.NoError(t, err)
	assertDecimal(t, "6500", s.Commission)
	_, err = FeeSchedule{Commission: d("0.065")}.Settle([]SaleItem{{Quantity: 1, Amount: d("-0.01")}})
	requireArgField(t, err, "items[0].amount")
}

// TestQuoteJSONWithoutFees checks that a quote without "fees" decodes with
// Fees nil, as the Quote's doc has it, and not an empty schedule.
func TestQuoteJSONWithoutFees(t *testing.T) {
	var q Quote
	require.NoError(t, json.Unmarshal([]byte(`{"lines":[{"sku":"A","quantity":2,"unit_price":"85000.50"}]}`), &q))
	assert.Nil(t, q.Fees)
}

// TestParseLongestInput checks that an input of exactly MaxInputLen bytes
// is read and one byte more is refused.
func TestParseLongestInput(t *testing.T) {
	s := strings.Repeat(" ", MaxInputLen-len("Rp1.250.000")) + "Rp1.250.000"
	got, err := Parse(s)
	require.NoError(t, err)
	assertDecimal(t, "1250000", got)
	_, err = Parse(" " + s)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "long", pe.Code)
}

// TestFormatEdges pins where Format switches to scientific notation: an
// exponent above MaxDigits, more than 40 decimals or more than 40 digits;
// and that two decimals are kept even when the second is 0.
func TestFormatEdges(t *testing.T) {
	tests := []struct {
		give decimal.Decimal
		want string
	}{
		{decimal.New(1, 30), "Rp1.000.000.000.000.000.000.000.000.000.000"},
		{decimal.New(1, 31), "Rp1e+31"},
		{decimal.New(1, -40), "Rp0," + strings.Repeat("0", 39) + "1"},
		{decimal.New(1, -41), "Rp1e-41"},
		{d("1234567890123456789012345678901234567890"), "Rp1.234.567.890.123.456.789.012.345.678.901.234.567.890"},
		{decimal.New(150, -2), "Rp1,50"},
		{decimal.New(1500, -3), "Rp1,50"},
		{decimal.New(-150, -2), "-Rp1,50"},
		{decimal.New(100, -2), "Rp1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(tt.give), tt.give.String())
	}
}

// TestFormatScientific pins appendScientific's limits: 30 digits in full,
// a 31st cut with "...", an exponent of 0 written "e+0", and a coefficient
// of 4000 bits still printed while one of 4001 bits is not.
func TestFormatScientific(t *testing.T) {
	d30 := "123456789012345678901234567890"
	assert.Equal(t, "Rp"+d30+"e+31", Format(decimal.NewFromBigInt(bigOf(d30), 31)))
	assert.Equal(t, "Rp0e+31", Format(decimal.New(0, 31))) // zero has no sign, even here
	assert.Equal(t, "-Rp"+d30+"...e+32", Format(decimal.NewFromBigInt(bigOf("-"+d30+"1"), 31)))
	// 41 digits at exponent -11: scientific (over 40 digits), cut to 30
	// digits, which moves the exponent back to 0.
	assert.Equal(t, "Rp"+d30+"...e+0", Format(decimal.NewFromBigInt(bigOf(d30+"12345678901"), -11)))

	bits4000 := new(big.Int).Lsh(big.NewInt(1), 3999) // 4000 bits
	got := Format(decimal.NewFromBigInt(bits4000, 0))
	assert.NotContains(t, got, "more than")
	assert.True(t, strings.HasPrefix(got, "Rp"+bits4000.String()[:30]+"...e+"), got)
	bits4001 := new(big.Int).Lsh(big.NewInt(1), 4000)
	assert.Equal(t, "Rp(more than 1000 digits)", Format(decimal.NewFromBigInt(bits4001, 0)))
}

func bigOf(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

// TestQuoteDiscountWholePrice checks that a line discount equal to the unit
// price is allowed (the piece is given away) and one rupiah more is not.
func TestQuoteDiscountWholePrice(t *testing.T) {
	q := Quote{Lines: []QuoteLine{
		{SKU: "A", Quantity: 2, UnitPrice: d("85000"), Discount: d("85000")},
		{SKU: "B", Quantity: 1, UnitPrice: d("10000")},
	}}
	b, err := q.Price()
	require.NoError(t, err)
	assertDecimal(t, "10000", b.Goods)
	q.Lines[0].Discount = d("85001")
	_, err = q.Price()
	requireArgField(t, err, "lines[0].discount")
}

// TestParseDecimalGrammar walks ParseDecimal's grammar: each accepted form
// and each code of refusal, at the edges (the characters around '0' and
// '9', 30 and 31 digits, 2 and 3 decimals).
func TestParseDecimalGrammar(t *testing.T) {
	d30 := strings.Repeat("9", 30)
	for _, s := range []string{"0", "9", "12500", "12500.5", "12500.05", "-3.25", "-0", d30, d30[:28] + ".99", strings.Repeat("1", 20) + ".5"} {
		got, err := ParseDecimal(s)
		require.NoError(t, err, s)
		assertDecimal(t, s, got, s)
	}
	tests := []struct{ give, code string }{
		{"", "empty"}, {"NaN", "nan"}, {"-inf", "nan"}, {"Infinity", "nan"},
		{"1e9", "exponent"}, {"1E9", "exponent"},
		{"12.500,00", "grouping"}, {"12,500", "grouping"}, {"1.2.3", "grouping"},
		{"a", "char"}, {"/", "char"}, {":", "char"}, {" 1", "char"}, {"1 ", "char"}, {"+1", "char"}, {"--1", "char"},
		{d30 + "9", "digits"}, {d30[:29] + ".99", "digits"},
		{".", "nan"}, {"-", "nan"}, {"1.", "nan"}, {".5", "nan"}, {"-.5", "nan"},
		{"1.234", "decimals"}, {"0.001", "decimals"},
	}
	for _, tt := range tests {
		_, err := ParseDecimal(tt.give)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, tt.give)
		require.ErrorIs(t, err, ErrSyntax, tt.give)
		assert.Equal(t, tt.code, pe.Code, tt.give)
	}
}

// TestPriceRuleEnding checks the ending rule's errors and its result.
func TestPriceRuleEnding(t *testing.T) {
	rule := PriceRule{Step: d("100"), Modulus: d("1000"), Ending: d("900")}
	got, err := rule.Apply(d("185001"))
	require.NoError(t, err)
	assertDecimal(t, "185900", got)
	got, err = rule.Apply(d("185950"))
	require.NoError(t, err)
	assertDecimal(t, "186900", got)
	for _, tt := range []struct {
		give  PriceRule
		field string
	}{
		{PriceRule{Step: d("100"), Modulus: d("1000"), Ending: d("950")}, "ending"},
		{PriceRule{Modulus: d("1000"), Ending: d("1000")}, "ending"},
		{PriceRule{Modulus: d("1000"), Ending: d("-1")}, "ending"},
		{PriceRule{Modulus: d("-1000"), Ending: d("0")}, "modulus"},
	} {
		_, err := tt.give.Apply(d("185000"))
		requireArgField(t, err, tt.field)
	}
	var ae *ArgError
	_, err = PriceRule{Step: d("100"), Modulus: d("1000"), Ending: d("950")}.Apply(d("1"))
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "must be a multiple of step 100", ae.Reason(English))
}

// TestQuoteOrderDiscountEdges checks an order discount of all the goods
// after line discounts (allowed: the order is free) and an order whose
// lines are all given away, with no order discount to share.
func TestQuoteOrderDiscountEdges(t *testing.T) {
	q := Quote{Lines: []QuoteLine{
		{SKU: "A", Quantity: 2, UnitPrice: d("85000"), Discount: d("5000")},
		{SKU: "B", Quantity: 1, UnitPrice: d("10000")},
	}, Discount: d("170000")}
	b, err := q.Price()
	require.NoError(t, err)
	assertDecimal(t, "180000", b.Discount) // 10000 on the lines + 170000 on the order
	assertDecimal(t, "0", b.Goods)
	assertDecimal(t, "0", b.Total)
	q.Discount = d("170001")
	_, err = q.Price()
	requireArgField(t, err, "discount")

	free := Quote{Lines: []QuoteLine{
		{SKU: "A", Quantity: 2, UnitPrice: d("85000"), Discount: d("85000")},
		{SKU: "B", Quantity: 1, UnitPrice: d("10000"), Discount: d("10000")},
	}}
	b, err = free.Price()
	require.NoError(t, err)
	assertDecimal(t, "180000", b.Subtotal)
	assertDecimal(t, "180000", b.Discount) // every line's discount, no order discount
	assertDecimal(t, "0", b.Goods)
}

// TestParseRoundingModeLength checks that a spelling of 32 bytes is read
// (separators are dropped) and one of 33 bytes is refused unread.
func TestParseRoundingModeLength(t *testing.T) {
	s := "Half" + strings.Repeat(" ", 24) + "Even"
	require.Len(t, s, 32)
	got, err := ParseRoundingMode(s)
	require.NoError(t, err)
	assert.Equal(t, HalfEven, got)
	_, err = ParseRoundingMode(s + "_")
	require.ErrorIs(t, err, ErrInvalid)
}

// TestDecText pins how error messages show a decimal: in full while the
// coefficient has at most 40 digits and the exponent is within Format's
// limits, beyond that in Format's bounded scientific form (at most 30
// digits of the coefficient, then the exponent).
func TestDecText(t *testing.T) {
	d40 := strings.Repeat("7", 40)
	assert.Equal(t, d40, decText(d(d40)))
	assert.Equal(t, strings.Repeat("7", 30)+"...e+11", decText(d(d40+"7")))
	assert.Equal(t, strings.Repeat("3", 30)+"...e+42", decText(decimal.NewFromBigInt(bigOf(strings.Repeat("3", 32)), 40)))
	assert.Equal(t, "1e-100", decText(decimal.New(1, -100)))
	assert.Equal(t, "-1e-64", decText(decimal.New(-1, -64)))
	assert.Equal(t, "0."+strings.Repeat("0", 39)+"1", decText(decimal.New(1, -40)))
	assert.Equal(t, "1e-41", decText(decimal.New(1, -41)))
	assert.Equal(t, "1"+strings.Repeat("0", 30), decText(decimal.New(1, 30)))
	assert.Equal(t, "1e+31", decText(decimal.New(1, 31)))

	// Through Split: a total that is not a multiple of the step.
	_, err := Split(decimal.New(1, -100), []int64{1, 1}, decimal.New(1, -2))
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "1e-100", ae.Value)
}

// TestSplitSenSumAtMax checks SplitSen on the radix path (more than
// smallSplit parts) with weights summing to exactly 2^64-1, the largest sum
// it does in 64 bits: the parts add up to the total, each within one unit
// of its exact share, and by hand for 7 units (shares 3.5-e, 3.5-e and
// almost 0: 3, 3, 0 and the unit left to the lower index of the tie).
func TestSplitSenSumAtMax(t *testing.T) {
	weights := make([]int64, smallSplit+5)
	weights[0], weights[50], weights[100] = math.MaxInt64, math.MaxInt64, 1
	sum := new(big.Rat).SetInt(new(big.Int).SetUint64(math.MaxUint64))
	for _, total := range []int64{1, 7, 1000, 999_999_937, -12_345} {
		got, err := SplitSen(total, weights, 1)
		require.NoError(t, err)
		var added int64
		for i, p := range got {
			added += p
			share := new(big.Rat).Mul(big.NewRat(total, 1), new(big.Rat).SetInt64(weights[i]))
			share.Quo(share, sum)
			diff := new(big.Rat).Sub(share, big.NewRat(p, 1))
			assert.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 1)) < 0, "total %d, part %d: %d for %s", total, i, p, share.FloatString(3))
		}
		assert.Equal(t, total, added, "total %d", total)
	}
	got, err := SplitSen(7, weights, 1)
	require.NoError(t, err)
	assert.Equal(t, []int64{4, 3, 0}, []int64{got[0], got[50], got[100]})
}

// TestDecodeStrictAlone checks that a QuoteLine and a Tier decoded on
// their own (not inside a Quote) are as strict as inside one.
func TestDecodeStrictAlone(t *testing.T) {
	var l QuoteLine
	require.NoError(t, json.Unmarshal([]byte(`{"sku":"A","quantity":2,"unit_price":"85000.50"}`), &l))
	assertDecimal(t, "85000.50", l.UnitPrice)
	err := json.Unmarshal([]byte(`{"sku":"A","quantity":2,"unit_price":"85000.50","colour":"red"}`), &l)
	requireArgField(t, err, "colour")

	var tr Tier
	require.NoError(t, json.Unmarshal([]byte(`{"min_quantity":12,"unit_price":"100"}`), &tr))
	assert.Equal(t, 12, tr.MinQuantity)
	err = json.Unmarshal([]byte(`{"min_quantity":1,"unit_price":"100","extra":1}`), &tr)
	requireArgField(t, err, "extra")
}

// TestRoundExactHalfBig checks HalfEven and HalfUp on exact halves too long
// for the int64 path (more than 18 digits), where roundQuo decides.
func TestRoundExactHalfBig(t *testing.T) {
	tests := []struct {
		give string
		mode RoundingMode
		want string
	}{
		{"1234567890123456789012.5", HalfEven, "1234567890123456789012"},
		{"1234567890123456789013.5", HalfEven, "1234567890123456789014"},
		{"1234567890123456789012.5", HalfUp, "1234567890123456789013"},
		{"-1234567890123456789012.5", HalfEven, "-1234567890123456789012"},
		{"-1234567890123456789012.5", HalfUp, "-1234567890123456789013"},
		{"1234567890123456789012.49", HalfUp, "1234567890123456789012"},
	}
	for _, tt := range tests {
		got, err := Round(d(tt.give), one, tt.mode)
		require.NoError(t, err)
		assertDecimal(t, tt.want, got, tt.give, tt.mode)
	}
}

// TestQuoteOrderDiscountSen checks that an order discount with sen is
// shared in sen, not refused.
func TestQuoteOrderDiscountSen(t *testing.T) {
	q := Quote{Lines: []QuoteLine{
		{SKU: "A", Quantity: 1, UnitPrice: d("85000")},
		{SKU: "B", Quantity: 1, UnitPrice: d("15000")},
	}, Discount: d("1000.50")}
	b, err := q.Price()
	require.NoError(t, err)
	assertDecimal(t, "98999.50", b.Goods)
}

// TestPayoutsZeroShare checks that a producer with no pieces is allowed and
// paid nothing, and a negative count is refused.
func TestPayoutsZeroShare(t *testing.T) {
	got, err := Payouts(d("1000000"), []Share{{"A", 3}, {"B", 0}, {"C", 1}}, d("100"))
	require.NoError(t, err)
	require.Len(t, got, 3)
	assertDecimal(t, "750000", got[0].Amount)
	assertDecimal(t, "0", got[1].Amount)
	assertDecimal(t, "250000", got[2].Amount)
	_, err = Payouts(d("1000000"), []Share{{"A", 3}, {"B", -1}}, d("100"))
	requireArgField(t, err, "shares[1].quantity")
}
