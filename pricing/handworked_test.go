package pricing

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Hand-worked quote arithmetic, checked against figures computed on paper,
// not in the form the code computes them.

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

// TestSettleCommissionCapPerPiece: commission 10% capped at Rp5.000 a
// piece. Three pieces for Rp300.000 would pay Rp30.000, capped at 3 x
// Rp5.000 = Rp15.000; two pieces for Rp40.000 pay Rp4.000, under their cap
// of Rp10.000. Commission Rp19.000, order fee Rp1.250, payment 1% of
// Rp340.000 = Rp3.400: fees Rp23.650, net Rp316.350.
func TestSettleCommissionCapPerPiece(t *testing.T) {
	f := FeeSchedule{Commission: MustParse("0,10"), CommissionCap: MustParse("5000"), OrderFee: MustParse("1250"), PaymentRate: MustParse("0,01")}
	s, err := f.Settle([]SaleItem{{Quantity: 3, Amount: MustParse("300000")}, {Quantity: 2, Amount: MustParse("40000")}})
	require.NoError(t, err)
	assertDecimal(t, "19000", s.Commission)
	assertDecimal(t, "3400", s.PaymentFee)
	assertDecimal(t, "23650", s.Fees)
	assertDecimal(t, "316350", s.Net)
}
