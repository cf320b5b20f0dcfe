package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// FeeSchedule is a marketplace's seller fees, as data: rates change often
// (the marketplaces revise them several times a year), so no schedule is
// built into the package. examples/quote
// ships dated example schedules.
type FeeSchedule struct {
	Name          string          `json:"name"`
	Commission    decimal.Decimal `json:"commission"`              // fraction of each item's price after seller discount, tax included: 0.065 for 6.5%
	CommissionCap decimal.Decimal `json:"commission_cap,omitzero"` // most commission a piece pays; zero means no cap
	OrderFee      decimal.Decimal `json:"order_fee,omitzero"`      // fixed fee per order (e.g. Rp1.250 order processing)
	PaymentRate   decimal.Decimal `json:"payment_rate,omitzero"`   // fraction of the items' amount charged for payment
	Rounding      RoundingMode    `json:"rounding,omitzero"`       // each fee to whole rupiah; zero means HalfUp
}

// Validate checks rates in [0, 1] (above 100% is an error) and amounts >= 0.
// The error is an *ArgError wrapping ErrInvalid.
func (f FeeSchedule) Validate() error {
	for _, r := range []struct {
		name string
		v    decimal.Decimal
	}{{"commission", f.Commission}, {"payment_rate", f.PaymentRate}} {
		if r.v.Sign() < 0 || r.v.Cmp(one) > 0 {
			return argErr(r.name, decText(r.v), codeRateRange)
		}
	}
	if f.CommissionCap.Sign() < 0 {
		return argErr("commission_cap", decText(f.CommissionCap), codeNotNegative)
	}
	if f.OrderFee.Sign() < 0 {
		return argErr("order_fee", decText(f.OrderFee), codeNotNegative)
	}
	if f.Rounding != 0 && !f.Rounding.valid() {
		return argErr("rounding", f.Rounding.String(), codeUnknownMode)
	}
	return nil
}

// SaleItem is one line of an order as the marketplace sees it: Quantity
// pieces for Amount in all, after the seller's discounts.
type SaleItem struct {
	Quantity int             `json:"quantity"`
	Amount   decimal.Decimal `json:"amount"`
}

// Settlement is what the seller is paid for one order: Sales less the
// fees, with Net + Fees == Sales exactly.
type Settlement struct {
	Sales      decimal.Decimal `json:"sales"`
	Commission decimal.Decimal `json:"commission"`
	OrderFee   decimal.Decimal `json:"order_fee"`
	PaymentFee decimal.Decimal `json:"payment_fee"`
	Fees       decimal.Decimal `json:"fees"` // Commission + OrderFee + PaymentFee
	Net        decimal.Decimal `json:"net"`  // Sales - Fees
}

// Settle computes the fees and the seller's net for one order. Commission
// is Commission x the line amount, at most CommissionCap a piece, rounded
// per line; the payment fee is PaymentRate x Sales, rounded once; each by
// f.Rounding to whole rupiah. Errors (*ArgError wrapping ErrInvalid): an
// invalid schedule, no items, a quantity below 1 or a negative amount.
// O(len(items)).
func (f FeeSchedule) Settle(items []SaleItem) (Settlement, error) {
	if err := f.Validate(); err != nil {
		return Settlement{}, err
	}
	if len(items) == 0 {
		return Settlement{}, argErr("items", "[]", codeNotEmpty)
	}
	mode := f.Rounding
	if mode == 0 {
		mode = HalfUp
	}
	var s Settlement
	for i, it := range items {
		if it.Quantity < 1 {
			return Settlement{}, argErr(index("items", i)+".quantity", strconv.Itoa(it.Quantity), codeAtLeastOne)
		}
		if it.Amount.Sign() < 0 {
			return Settlement{}, argErr(index("items", i)+".amount", decText(it.Amount), codeNotNegative)
		}
		s.Sales = s.Sales.Add(it.Amount)
		c := it.Amount.Mul(f.Commission)
		if f.CommissionCap.Sign() > 0 {
			c = decimal.Min(c, f.CommissionCap.Mul(decimal.NewFromInt(int64(it.Quantity))))
		}
		c, _ = Round(c, one, mode)
		s.Commission = s.Commission.Add(c)
	}
	s.OrderFee = f.OrderFee
	s.PaymentFee, _ = Round(s.Sales.Mul(f.PaymentRate), one, mode)
	s.Fees = s.Commission.Add(s.OrderFee).Add(s.PaymentFee)
	s.Net = s.Sales.Sub(s.Fees)
	return s, nil
}
