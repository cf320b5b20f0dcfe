package pricing

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// errorCase is one bad input to an exported function: the error it gave,
// the sentinel it must wrap and the field it must name ("" for Parse and
// ParseDecimal, whose errors name no field).
type errorCase struct {
	name  string
	err   error
	kind  error
	field string
}

// Values for allErrorCases: long text, a negative decimal past every limit
// (refused by a sign check before any arithmetic), one of 200 digits, and
// a positive one past the limits.
var (
	long    = strings.Repeat("x", 1000)
	huge    = decimal.New(-1, 100_000_000)
	longNum = decimal.RequireFromString("-" + strings.Repeat("9", 200))
	past    = decimal.New(1, 100_000_000)
	hundred = decimal.NewFromInt(100)
)

// allErrorCases returns bad inputs to every exported function that returns
// an error, with long values among them, reaching every reason of the
// catalogue.
func allErrorCases() []errorCase {
	var cases errorCases
	cases.parse()
	cases.arithmetic()
	cases.tax()
	cases.prices()
	cases.quote()
	cases.json()
	return cases
}

// errorCases gathers the cases, by the file of the functions they call.
type errorCases []errorCase

func (cs *errorCases) add(name string, err, kind error, field string) {
	*cs = append(*cs, errorCase{name, err, kind, field})
}

// parse: Parse and ParseDecimal.
func (cs *errorCases) parse() {
	for _, s := range []string{long, "", "-", "Rp-5", "1250.00", "0.500", "1.25", "1,250", "1,", "1,2,3", "1,5.5", "--5", "12a", strings.Repeat("1", 31), "NaN", "1e9"} {
		cs.add("Parse "+short(s), second(Parse(s)), ErrSyntax, "")
	}
	for _, s := range []string{long, "1.000,50", "Rp5", "1.555"} {
		cs.add("ParseDecimal "+short(s), second(ParseDecimal(s)), ErrSyntax, "")
	}
}

// arithmetic: Round, RoundSen, Split, SplitSen, AppendSplitSen.
func (cs *errorCases) arithmetic() {
	cs.add("Round step", second(Round(one, decimal.Zero, HalfUp)), ErrInvalid, "step")
	cs.add("Round step long", second(Round(one, huge, HalfUp)), ErrInvalid, "step")
	cs.add("Round mode", second(Round(one, one, 0)), ErrInvalid, "mode")
	cs.add("Round past the limits", second(Round(past, hundred, HalfUp)), ErrOverflow, "d")
	cs.add("RoundSen step", second(RoundSen(1, 0, HalfUp)), ErrInvalid, "step")
	cs.add("RoundSen mode", second(RoundSen(1, 1, 9)), ErrInvalid, "mode")
	cs.add("RoundSen overflow", second(RoundSen(math.MaxInt64, 100, Up)), ErrOverflow, "v")
	cs.add("Split step long", second(Split(hundred, []int64{1}, longNum)), ErrInvalid, "step")
	cs.add("Split total past the limits", second(Split(past, []int64{1}, one)), ErrOverflow, "total")
	cs.add("Split not a multiple", second(Split(d("150"), []int64{1}, hundred)), ErrInvalid, "total")
	cs.add("Split no weights", second(Split(hundred, nil, one)), ErrInvalid, "weights")
	cs.add("Split all zero", second(Split(hundred, []int64{0, 0}, one)), ErrInvalid, "weights")
	cs.add("Split negative weight", second(Split(hundred, []int64{1, -1}, one)), ErrInvalid, "weights[1]")
	cs.add("SplitSen step", second(SplitSen(100, []int64{1}, 0)), ErrInvalid, "step")
	cs.add("SplitSen not a multiple", second(SplitSen(150, []int64{1}, 100)), ErrInvalid, "total")
	cs.add("AppendSplitSen negative weight", second(AppendSplitSen(nil, 7, []int64{-1}, 1)), ErrInvalid, "weights[0]")
}

// tax: NewTax, ParseTax, Tax's and RoundingMode's text and JSON forms.
func (cs *errorCases) tax() {
	custom, _ := NewTax("PPN DTP", d("0.06"), 1, 1)
	var tax Tax
	var mode RoundingMode
	cs.add("NewTax rate long", second(NewTax("x", huge, 1, 1)), ErrInvalid, "rate")
	cs.add("NewTax rate above 1", second(NewTax("x", d("1.5"), 1, 1)), ErrInvalid, "rate")
	cs.add("NewTax rate decimals", second(NewTax("x", d("0.0000000001"), 1, 1)), ErrInvalid, "rate")
	cs.add("NewTax base", second(NewTax("x", d("0.1"), 2, 1)), ErrInvalid, "base")
	cs.add("Tax.MarshalText custom", second(custom.MarshalText()), ErrInvalid, "tax")
	cs.add("ParseTax long", second(ParseTax(long)), ErrInvalid, "tax")
	cs.add("Tax.UnmarshalText", tax.UnmarshalText([]byte("vat")), ErrInvalid, "tax")
	cs.add("Tax.UnmarshalJSON number", tax.UnmarshalJSON([]byte("12")), ErrInvalid, "tax")
	cs.add("Tax.UnmarshalJSON blank name", tax.UnmarshalJSON([]byte(`{"name":" ","numerator":1,"denominator":2}`)), ErrInvalid, "tax.name")
	cs.add("Tax.UnmarshalJSON range", tax.UnmarshalJSON([]byte(`{"name":"x","numerator":3,"denominator":2}`)), ErrInvalid, "tax")
	cs.add("Tax.UnmarshalJSON not JSON", tax.UnmarshalJSON([]byte(`"ppn`)), ErrInvalid, "tax")
	cs.add("ParseRoundingMode long", second(ParseRoundingMode(long)), ErrInvalid, "rounding")
	cs.add("RoundingMode.MarshalText zero", second(RoundingMode(0).MarshalText()), ErrInvalid, "rounding")
	cs.add("RoundingMode.UnmarshalText", mode.UnmarshalText([]byte("ceiling")), ErrInvalid, "rounding")
}

// prices: Tiers, CostSheet, PriceRule, PriceByMarkup, PriceByMargin,
// FeeSchedule and Payouts.
func (cs *errorCases) prices() {
	cs.add("Tiers.Validate empty", Tiers{}.Validate(), ErrInvalid, "tiers")
	cs.add("Tiers.Validate price long", Tiers{{1, huge}}.Validate(), ErrInvalid, "tiers[0].unit_price")
	cs.add("Tiers.Validate quantity", Tiers{{0, one}}.Validate(), ErrInvalid, "tiers[0].min_quantity")
	cs.add("Tiers.Validate quantity order", Tiers{{5, d("10")}, {5, d("9")}}.Validate(), ErrInvalid, "tiers[1].min_quantity")
	cs.add("Tiers.Validate price order", Tiers{{1, d("10")}, {5, d("10")}}.Validate(), ErrInvalid, "tiers[1].unit_price")
	cs.add("Tiers.UnitPrice below the first tier", second(Tiers{{10, one}}.UnitPrice(9)), ErrInvalid, "quantity")
	cs.add("CostSheet.HPP overhead long", second(CostSheet{Overhead: huge}.HPP()), ErrInvalid, "overhead")
	cs.add("CostSheet.HPP name", second(CostSheet{Items: []CostItem{{Quantity: one, UnitCost: one}}}.HPP()), ErrInvalid, "items[0].name")
	cs.add("CostSheet.HPP unit cost long", second(CostSheet{Items: []CostItem{{Name: "x", Quantity: one, UnitCost: longNum}}}.HPP()), ErrInvalid, "items[0].unit_cost")
	cs.add("PriceRule.Apply modulus long", second(PriceRule{Modulus: longNum}.Apply(one)), ErrInvalid, "modulus")
	cs.add("PriceRule.Apply ending", second(PriceRule{Modulus: d("1000"), Ending: d("1000")}.Apply(one)), ErrInvalid, "ending")
	cs.add("PriceRule.Apply ending step", second(PriceRule{Step: hundred, Modulus: d("1000"), Ending: d("950")}.Apply(one)), ErrInvalid, "ending")
	cs.add("PriceByMarkup cost long", second(PriceByMarkup(huge, one, PriceRule{})), ErrInvalid, "cost")
	cs.add("PriceByMarkup markup", second(PriceByMarkup(one, d("-1"), PriceRule{})), ErrInvalid, "markup")
	cs.add("PriceByMargin margin", second(PriceByMargin(one, one, PriceRule{})), ErrInvalid, "margin")
	cs.add("FeeSchedule.Validate commission long", FeeSchedule{Commission: longNum}.Validate(), ErrInvalid, "commission")
	cs.add("FeeSchedule.Validate rounding", FeeSchedule{Rounding: 9}.Validate(), ErrInvalid, "rounding")
	cs.add("FeeSchedule.Settle items", second(FeeSchedule{}.Settle(nil)), ErrInvalid, "items")
	cs.add("FeeSchedule.Settle amount long", second(FeeSchedule{}.Settle([]SaleItem{{Quantity: 1, Amount: huge}})), ErrInvalid, "items[0].amount")
	cs.add("FeeSchedule.Settle quantity", second(FeeSchedule{}.Settle([]SaleItem{{Quantity: 0, Amount: one}})), ErrInvalid, "items[0].quantity")
	cs.add("Payouts no shares", second(Payouts(hundred, nil, one)), ErrInvalid, "shares")
	cs.add("Payouts empty ID", second(Payouts(hundred, []Share{{"", 1}}, one)), ErrInvalid, "shares[0].producer_id")
	cs.add("Payouts repeated long ID", second(Payouts(hundred, []Share{{long, 1}, {long, 1}}, one)), ErrInvalid, "shares[1].producer_id")
	cs.add("Payouts quantity", second(Payouts(hundred, []Share{{"A", -1}}, one)), ErrInvalid, "shares[0].quantity")
}

// quote: Quote.Price.
func (cs *errorCases) quote() {
	line := QuoteLine{SKU: "A", Quantity: 2, UnitPrice: hundred}
	quote := func(mut func(*Quote)) error {
		q := Quote{Lines: []QuoteLine{line, line}}
		mut(&q)
		return second(q.Price())
	}
	cs.add("Quote.Price no lines", quote(func(q *Quote) { q.Lines = nil }), ErrInvalid, "lines")
	cs.add("Quote.Price quantity", quote(func(q *Quote) { q.Lines[1].Quantity = 0 }), ErrInvalid, "lines[1].quantity")
	cs.add("Quote.Price price", quote(func(q *Quote) { q.Lines[1].UnitPrice = decimal.Zero }), ErrInvalid, "lines[1].unit_price")
	cs.add("Quote.Price price past the limits", quote(func(q *Quote) { q.Lines[1].UnitPrice = past }), ErrOverflow, "lines[1].unit_price")
	cs.add("Quote.Price tiers", quote(func(q *Quote) { q.Lines[0].Tiers = Tiers{{5, one}} }), ErrInvalid, "lines[0].quantity")
	cs.add("Quote.Price line discount", quote(func(q *Quote) { q.Lines[0].Discount = d("101") }), ErrInvalid, "lines[0].discount")
	cs.add("Quote.Price order discount", quote(func(q *Quote) { q.Discount = d("401") }), ErrInvalid, "discount")
	cs.add("Quote.Price shipping long", quote(func(q *Quote) { q.Shipping = longNum }), ErrOverflow, "shipping")
	cs.add("Quote.Price shipping", quote(func(q *Quote) { q.Shipping = d("-1") }), ErrInvalid, "shipping")
	cs.add("Quote.Price amount too large to share over", quote(func(q *Quote) { q.Lines[0].UnitPrice = d("10000000000000000") }), ErrOverflow, "lines[0].amount")
	cs.add("Quote.Price fees", quote(func(q *Quote) { q.Fees = &FeeSchedule{Commission: d("2")} }), ErrInvalid, "fees.commission")
}

// json: the strict decoding of Quote, QuoteLine, Tier and FeeSchedule.
func (cs *errorCases) json() {
	unmarshal := func(v any, s string) error { return json.Unmarshal([]byte(s), v) }
	const l = `{"sku":"A","quantity":2,"unit_price":"1"}`
	var q Quote
	for _, tt := range []struct{ give, field string }{
		{`{"lines":[` + l + `],"` + long + `":1}`, long[:64] + "... (1000 bytes)"}, // strictjson cuts the key in the path, as msg.Clip does
		{`{"lines":[` + l + `],"Tax":"ppn"}`, "Tax"},
		{`{"lines":[` + l + `],"discount":"1","discount":"2"}`, "discount"},
		{`{"tax":"ppn"}`, "lines"},
		{`{"lines":[` + l + `],"shipping":null}`, "shipping"},
		{`{"lines":[{"sku":"A","quantity":"2","unit_price":"1"}]}`, "lines[0].quantity"},
		{`{"lines":[{"sku":5,"quantity":2,"unit_price":"1"}]}`, "lines[0].sku"},
		{`{"lines":5}`, "lines"},
		{`{"lines":[{"sku":"A\ud800","quantity":2,"unit_price":"1"}]}`, "value"},
		{`{"lines":[` + l + `],"fees":5}`, "fees"},
		{`{"lines":[` + l + `],"tax_included":"yes"}`, "tax_included"},
		{`{"lines":[{"sku":"A","quantity":2,"unit_price":true}]}`, "lines[0].unit_price"},
		{`{"lines":[{"sku":"A","quantity":2,"unit_price":"1.55e5"}]}`, "lines[0].unit_price"},
		{`{"lines":[` + l + `],"fees":{"name":"x","commission":"0.0000000001"}}`, "fees.commission"},
		{`{"lines":[` + l + `],"fees":{"name":"x","commission":"0.1","rounding":"ceiling"}}`, "fees.rounding"},
		{`{"lines":[` + l + `],"tax":"vat"}`, "tax"},
	} {
		cs.add("Quote.UnmarshalJSON "+short(tt.give), unmarshal(&q, tt.give), ErrInvalid, tt.field)
	}
	cs.add("Quote.UnmarshalJSON not JSON", q.UnmarshalJSON([]byte(`{"lines":[`+l+`],`)), ErrInvalid, "value")
	cs.add("QuoteLine.UnmarshalJSON", unmarshal(new(QuoteLine), `{"sku":"A","quantity":2,"discount":"-"}`), ErrInvalid, "discount")
	cs.add("Tier.UnmarshalJSON", unmarshal(new(Tier), `{"min_quantity":1}`), ErrInvalid, "unit_price")
	cs.add("FeeSchedule.UnmarshalJSON", unmarshal(new(FeeSchedule), `{"name":"x","commission":"6.5%"}`), ErrInvalid, "commission")
}

// TestErrorShapes walks allErrorCases: every error is an *ArgError or a
// *ParseError that wraps its sentinel, names its field, abbreviates its
// value, has a reason in the catalogue, and says itself in English and in
// Indonesian (with no English words but the caller's field and value).
// Every reason of the catalogue is met on the way.
func TestErrorShapes(t *testing.T) {
	seen := map[string]bool{texts[codeAmount].Code: true, texts[codeInvalid].Code: true}
	for _, tt := range allErrorCases() {
		t.Run(tt.name, func(t *testing.T) {
			require.ErrorIs(t, tt.err, tt.kind)
			var field, value, code string
			var kind error
			var reason func(Lang) string
			var ae *ArgError
			var pe *ParseError
			switch {
			case errors.As(tt.err, &ae):
				field, value, code, kind, reason = ae.Field, ae.Value, ae.Code, ae.Kind, ae.Reason
			case errors.As(tt.err, &pe):
				field, value, code, kind, reason = pe.Field, pe.Value, pe.Code, pe.Kind, pe.Reason
			default:
				t.Fatalf("%T is not the package's error shape: %v", tt.err, tt.err)
			}
			seen[code] = true
			assert.Equal(t, tt.kind, kind, "Kind")
			assert.Equal(t, tt.field, field, "Field")
			_, ok := msg.Find(texts[:], code)
			assert.True(t, ok, "code %q is in the catalogue", code)
			assert.LessOrEqual(t, len(value), msg.MaxQuoted+30, "Value %q is abbreviated", value)

			m := tt.err.(msg.Messager)
			en, id := m.Message(English), m.Message(Indonesian)
			assert.Equal(t, "pricing: "+en, tt.err.Error())
			assert.NotEqual(t, reason(English), reason(Indonesian), "the reason has an Indonesian wording")
			for _, l := range []Lang{English, Indonesian} {
				s, name := m.Message(l), field
				if name == "" {
					name = texts[codeAmount].Format(l) // what a ParseError of no field names
				}
				assert.True(t, strings.HasPrefix(s, name+" = ") || value == "" && strings.HasPrefix(s, name+": "), "%q names the field", s)
				assert.Contains(t, s, value)
				assert.Less(t, len(s), 400)
			}
			prose := strings.Replace(strings.Replace(id, value, "", 1), field, "", 1)
			assert.Empty(t, msg.EnglishIn(prose), "English in %q", id)
		})
	}
	for _, tx := range texts {
		assert.True(t, seen[tx.Code], "no case reaches the reason %q", tx.Code)
	}
}

// TestErrorMessages pins the rendering of a few errors in both languages,
// and the general reason of an ArgError whose Code the catalogue lacks.
func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err    error
		en, id string
	}{
		{second(Round(d("5"), d("0"), HalfUp)), "step = 0: must be positive", "step = 0: harus lebih dari 0"},
		{second(Quote{}.Price()), "lines = []: must not be empty", "lines = []: tidak boleh kosong"},
		{second(Split(d("150"), []int64{1}, d("100"))), "total = 150: must be a multiple of step 100", "total = 150: harus kelipatan langkah 100"},
		{second(Parse("12a")), `amount = "12a": unexpected "a" (amounts look like Rp1.250.000 or 1250000,50)`,
			`jumlah uang = "12a": karakter "a" tidak sah (contoh penulisan: Rp1.250.000 atau 1250000,50)`},
		{&ParseError{Field: "unit_cost", Value: `"1e9"`, Code: "exponent"}, `unit_cost = "1e9": exponents are not allowed`, `unit_cost = "1e9": eksponen tidak diperbolehkan`},
		{&ArgError{Field: "x", Value: "1", Code: "no_such_code"}, "x = 1: invalid value", "x = 1: nilai tidak sah"},
	}
	for _, tt := range tests {
		m := tt.err.(msg.Messager)
		assert.Equal(t, tt.en, m.Message(English))
		assert.Equal(t, tt.id, m.Message(Indonesian))
	}
	pe := &ParseError{Code: "empty"}
	assert.Equal(t, []error{ErrSyntax}, pe.Unwrap(), "a ParseError without Kind is a syntax error")
	ae := &ArgError{Code: "positive", Err: pe}
	assert.Equal(t, []error{ErrInvalid, pe}, ae.Unwrap(), "an ArgError without Kind is ErrInvalid")
}

func second[T any](_ T, err error) error { return err }
