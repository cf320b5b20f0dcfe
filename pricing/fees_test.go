package pricing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSettle(t *testing.T) {
	f := FeeSchedule{Name: "example", Commission: d("0.08"), CommissionCap: d("40000"), OrderFee: d("1250"), PaymentRate: d("0.01")}
	s, err := f.Settle([]SaleItem{{Quantity: 2, Amount: d("370000")}, {Quantity: 1, Amount: d("1500000")}})
	require.NoError(t, err)
	assertDecimal(t, "1870000", s.Sales)
	assertDecimal(t, "69600", s.Commission) // 29600 + min(120000, 40000)
	assertDecimal(t, "18700", s.PaymentFee)
	assertDecimal(t, "89550", s.Fees)
	assertDecimal(t, "1780450", s.Net)
	// Settle refuses a schedule Validate refuses (TestFeeScheduleBounds
	// walks those), no items and a quantity below 1.
	_, err = FeeSchedule{Commission: d("1.01")}.Settle([]SaleItem{{Quantity: 1, Amount: d("1")}})
	requireArgField(t, err, "commission")
	_, err = f.Settle(nil)
	requireArgField(t, err, "items")
	_, err = f.Settle([]SaleItem{{Quantity: 1, Amount: d("1")}, {Quantity: 0, Amount: d("1")}})
	requireArgField(t, err, "items[1].quantity")
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
