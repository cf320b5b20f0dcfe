package pricing

import (
	"bytes"
	"encoding/json"
	"runtime"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
		{"not UTF-8", `{"lines":[{"sku":"A` + "\xff" + `","quantity":2,"unit_price":"1"}]}`, "value"},
		{"lone surrogate", `{"lines":[{"sku":"A\udc00","quantity":2,"unit_price":"1"}]}`, "value"},
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

// TestQuoteJSONWithoutFees checks that a quote without "fees" decodes with
// Fees nil, as the Quote's doc has it, and not an empty schedule.
func TestQuoteJSONWithoutFees(t *testing.T) {
	var q Quote
	require.NoError(t, json.Unmarshal([]byte(`{"lines":[{"sku":"A","quantity":2,"unit_price":"85000.50"}]}`), &q))
	assert.Nil(t, q.Fees)
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

// FuzzQuoteJSON checks that strict decoding never panics, that what it
// accepts encodes and decodes to the same quote, and that it allocates
// within a fixed multiple of its input.
func FuzzQuoteJSON(f *testing.F) {
	good, _ := json.Marshal(Quote{
		Lines:    []QuoteLine{{SKU: "A", Quantity: 2, UnitPrice: decimal.NewFromInt(85000), Tiers: Tiers{{MinQuantity: 1, UnitPrice: decimal.NewFromInt(9)}}}},
		Tax:      PPN,
		Shipping: decimal.New(1250050, -2),
		Fees:     &FeeSchedule{Name: "x", Commission: decimal.New(65, -3), Rounding: Down},
	})
	f.Add(good)
	f.Add([]byte(`{"lines":[{"sku":"A","quantity":1,"unit_price":"1.55e5"}],"tax":{"name":"x","numerator":1,"denominator":9}}`))
	f.Add([]byte(`{"lines":[],"LINES":[],"tax":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var q Quote
		allocs := allocBytes(func() { _ = json.Unmarshal(data, &q) })
		if limit := 64*uint64(len(data)) + 64<<10; allocs > limit {
			t.Fatalf("decoding %d bytes allocated %d bytes", len(data), allocs)
		}
		if err := json.Unmarshal(data, &q); err != nil {
			if len(err.Error()) > 1000 {
				t.Fatalf("message of %d bytes", len(err.Error()))
			}
			return
		}
		b, err := json.Marshal(q)
		if err != nil {
			return // a custom tax with a bad name, or similar: nothing to compare
		}
		var back Quote
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("an accepted quote does not decode again: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) {
			t.Fatalf("round trip changed the quote:\n%s\n%s", b, b2)
		}
	})
}

// allocBytes returns the bytes fn allocates on the heap.
func allocBytes(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
