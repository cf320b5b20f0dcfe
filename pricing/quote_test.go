package pricing

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func campaignQuote() Quote {
	return Quote{
		Lines: []QuoteLine{
			{SKU: "KMJ-CAP", Quantity: 1000, Tiers: Tiers{{1, d("185000")}, {100, d("160000")}, {500, d("150000")}}, Discount: d("5000")},
			{SKU: "KAIN-TULIS", Quantity: 20, UnitPrice: d("1250000")},
		},
		Discount: d("2500000"),
		Tax:      PPN,
		Shipping: d("750000"),
		Fees:     &FeeSchedule{Name: "example", Commission: d("0.065"), CommissionCap: d("40000"), OrderFee: d("1250")},
	}
}

func TestQuoteAddsUp(t *testing.T) {
	for _, included := range []bool{false, true} {
		q := campaignQuote()
		q.TaxIncluded = included
		b, err := q.Price()
		require.NoError(t, err)
		assertDecimal(t, "150000", b.Lines[0].UnitPrice)
		assertDecimal(t, "175000000", b.Subtotal) // 150,000,000 + 25,000,000
		goods := d("0")
		for _, l := range b.Lines {
			goods = goods.Add(l.Amount)
			assert.True(t, l.Gross.Sub(l.LineDiscount).Sub(l.OrderDiscount).Equal(l.Amount))
		}
		assert.True(t, goods.Equal(b.Goods))
		assert.True(t, b.Subtotal.Sub(b.Discount).Equal(b.Goods))
		assertDecimal(t, "7500000", b.Discount) // 5,000,000 line + 2,500,000 order
		if included {
			assert.True(t, b.Net.Add(b.Tax).Equal(b.Goods))
		} else {
			assert.True(t, b.Net.Equal(b.Goods))
			assertDecimal(t, "18425000", b.Tax) // 167,500,000 x 11%
		}
		assert.True(t, b.Net.Add(b.Tax).Add(b.Shipping).Equal(b.Total))
		require.NotNil(t, b.Settlement)
		assert.True(t, b.Settlement.Net.Add(b.Settlement.Fees).Equal(b.Goods))
		assert.True(t, b.Total.Sub(b.Settlement.Fees).Equal(b.SellerReceives))
	}
}

func TestQuoteJSONAmountsAreStrings(t *testing.T) {
	b, err := campaignQuote().Price()
	require.NoError(t, err)
	out, err := json.Marshal(b)
	require.NoError(t, err)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(out, &raw))
	assert.Equal(t, "175000000", raw["subtotal"])
	assert.IsType(t, "", raw["total"])
}

func TestQuoteErrors(t *testing.T) {
	tests := map[string]struct {
		mut   func(*Quote)
		field string
	}{
		"no lines":              {func(q *Quote) { q.Lines = nil }, "lines"},
		"zero quantity":         {func(q *Quote) { q.Lines[1].Quantity = 0 }, "lines[1].quantity"},
		"negative quantity":     {func(q *Quote) { q.Lines[1].Quantity = -5 }, "lines[1].quantity"},
		"no price":              {func(q *Quote) { q.Lines[1].UnitPrice = d("0") }, "lines[1].unit_price"},
		"below tiers":           {func(q *Quote) { q.Lines[0].Tiers = Tiers{{2000, d("1")}} }, "lines[0].quantity"},
		"bad tiers":             {func(q *Quote) { q.Lines[0].Tiers[2].UnitPrice = d("190000") }, "lines[0].tiers[2].unit_price"},
		"line discount > price": {func(q *Quote) { q.Lines[1].Discount = d("1250001") }, "lines[1].discount"},
		"order discount > all":  {func(q *Quote) { q.Discount = d("999999999999") }, "discount"},
		"negative discount":     {func(q *Quote) { q.Discount = d("-1") }, "discount"},
		"negative shipping":     {func(q *Quote) { q.Shipping = d("-1") }, "shipping"},
		"fee above 100%":        {func(q *Quote) { q.Fees.Commission = d("2") }, "fees.commission"},
	}
	for name, tt := range tests {
		q := campaignQuote()
		tt.mut(&q)
		_, err := q.Price()
		var ae *ArgError
		require.ErrorAs(t, err, &ae, name)
		require.ErrorIs(t, err, ErrInvalid, name)
		assert.Equal(t, tt.field, ae.Field, name)
	}
}

// TestQuoteOrderDiscountShares: lines of Rp300.000 (3 x Rp100.000) and
// Rp100.000 share an order discount of Rp10.001 as 3:1. The quotas are
// 7.500,75 and 2.500,25; the floors leave Rp1, which goes to the larger
// remainder (,75), so the first line takes Rp7.501 and the second Rp2.500.
func TestQuoteOrderDiscountShares(t *testing.T) {
	q := Quote{Lines: []QuoteLine{
		{SKU: "A", Quantity: 3, UnitPrice: MustParse("100000")},
		{SKU: "B", Quantity: 1, UnitPrice: MustParse("100000")},
	}, Discount: MustParse("10001")}
	b, err := q.Price()
	require.NoError(t, err)
	assertDecimal(t, "7501", b.Lines[0].OrderDiscount)
	assertDecimal(t, "2500", b.Lines[1].OrderDiscount)
	assertDecimal(t, "292499", b.Lines[0].Amount)
	assertDecimal(t, "97500", b.Lines[1].Amount)
	assertDecimal(t, "389999", b.Goods)
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
