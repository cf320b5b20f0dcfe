package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// QuoteLine is one product of a quote: Quantity pieces at UnitPrice, or at
// the price Tiers give for Quantity when Tiers is set, less Discount a piece.
type QuoteLine struct {
	SKU       string          `json:"sku"`
	Quantity  int             `json:"quantity"`
	UnitPrice decimal.Decimal `json:"unit_price,omitzero"`
	Tiers     Tiers           `json:"tiers,omitempty"`
	Discount  decimal.Decimal `json:"discount,omitzero"` // seller discount a piece
}

// Quote is an order to price. Discount is an order-level discount, spread
// over the lines in proportion to their amounts (by Split, in whole
// rupiah) so that every line and the order agree. Tax applies to the goods
// (not shipping): on top of the prices, or inside them when TaxIncluded.
// Fees, when set, are the marketplace's cut on the goods. A Quote encodes
// to JSON and decodes back strictly (see UnmarshalJSON): the tax travels by
// name ("ppn") or, for a custom tax, as an object.
type Quote struct {
	Lines       []QuoteLine     `json:"lines"`
	Discount    decimal.Decimal `json:"discount,omitzero"`
	Tax         Tax             `json:"tax,omitzero"` // "ppn", "ppn_luxury" or a custom tax's object; absent means no tax
	TaxIncluded bool            `json:"tax_included,omitempty"`
	Shipping    decimal.Decimal `json:"shipping,omitzero"`
	Fees        *FeeSchedule    `json:"fees,omitempty"`
}

// QuotedLine is a line of a Breakdown. Amount = Quantity x UnitPrice -
// LineDiscount - OrderDiscount.
type QuotedLine struct {
	SKU           string          `json:"sku"`
	Quantity      int             `json:"quantity"`
	UnitPrice     decimal.Decimal `json:"unit_price"`
	Gross         decimal.Decimal `json:"gross"`          // Quantity x UnitPrice
	LineDiscount  decimal.Decimal `json:"line_discount"`  // Quantity x the line's Discount
	OrderDiscount decimal.Decimal `json:"order_discount"` // this line's share of the quote's Discount
	Amount        decimal.Decimal `json:"amount"`
}

// Breakdown is a priced quote. Amounts encode to JSON as strings. Its
// parts add up exactly:
//
//	Subtotal - Discount            == Goods   (sum of line Amounts)
//	Net + Tax                      == Goods   when TaxIncluded
//	Goods + Tax                    == Net + Tax, Net == Goods, otherwise
//	Net + Tax + Shipping           == Total   (what the buyer pays)
//	Settlement.Net + Settlement.Fees == Goods (when Fees were set)
//	SellerReceives                 == Total - Settlement.Fees
type Breakdown struct {
	Lines          []QuotedLine    `json:"lines"`
	Subtotal       decimal.Decimal `json:"subtotal"`
	Discount       decimal.Decimal `json:"discount"`
	Goods          decimal.Decimal `json:"goods"`
	TaxName        string          `json:"tax_name,omitempty"`
	Net            decimal.Decimal `json:"net"` // the tax base (DPP)
	Tax            decimal.Decimal `json:"tax"`
	Shipping       decimal.Decimal `json:"shipping"`
	Total          decimal.Decimal `json:"total"`
	Settlement     *Settlement     `json:"settlement,omitempty"`
	SellerReceives decimal.Decimal `json:"seller_receives"`
}

// Price prices the quote. Errors (*ArgError wrapping ErrInvalid, naming the
// line and field): no lines, a quantity below 1, neither a positive unit
// price nor valid tiers, a discount below zero or larger than the price
// (for a line, a piece's discount above its unit price; for the order, a
// discount above the goods after line discounts), a negative shipping cost
// or bad fees. An amount past the digit limits (more than MaxDigits digits
// before the point, or more than 40 after it) is an *ArgError wrapping
// ErrOverflow. O(lines).
func (q Quote) Price() (Breakdown, error) {
	if len(q.Lines) == 0 {
		return Breakdown{}, argErr("lines", "[]", codeNotEmpty)
	}
	if err := q.checkDigits(); err != nil {
		return Breakdown{}, err
	}
	b := Breakdown{Lines: make([]QuotedLine, len(q.Lines)), TaxName: q.Tax.Name()}
	for i, l := range q.Lines {
		ql, err := l.price(index("lines", i))
		if err != nil {
			return Breakdown{}, err
		}
		b.Lines[i] = ql
		b.Subtotal = b.Subtotal.Add(ql.Gross)
	}
	if err := b.shareDiscount(q.Discount); err != nil {
		return Breakdown{}, err
	}
	for _, l := range b.Lines {
		b.Discount = b.Discount.Add(l.LineDiscount).Add(l.OrderDiscount)
		b.Goods = b.Goods.Add(l.Amount)
	}
	if q.TaxIncluded {
		b.Net, b.Tax = q.Tax.Within(b.Goods)
	} else {
		b.Net, b.Tax = b.Goods, q.Tax.On(b.Goods)
	}
	if q.Shipping.Sign() < 0 {
		return Breakdown{}, argErr("shipping", decText(q.Shipping), codeNotNegative)
	}
	b.Shipping = q.Shipping
	b.Total = b.Net.Add(b.Tax).Add(b.Shipping)
	b.SellerReceives = b.Total
	if q.Fees != nil {
		items := make([]SaleItem, len(b.Lines))
		for i, l := range b.Lines {
			items[i] = SaleItem{Quantity: l.Quantity, Amount: l.Amount}
		}
		s, err := q.Fees.Settle(items)
		if err != nil {
			return Breakdown{}, prefixErr("fees", err)
		}
		b.Settlement = &s
		b.SellerReceives = b.Total.Sub(s.Fees)
	}
	return b, nil
}

// checkDigits refuses the quote's amounts past the digit limits (built in
// code: JSON refuses them) before any arithmetic, whose rescaling could
// build numbers of millions of digits.
func (q Quote) checkDigits() error {
	if beyondLimits(q.Discount) {
		return digitsErr("discount", q.Discount)
	}
	if beyondLimits(q.Shipping) {
		return digitsErr("shipping", q.Shipping)
	}
	for i, l := range q.Lines {
		switch {
		case beyondLimits(l.UnitPrice):
			return digitsErr(index("lines", i)+".unit_price", l.UnitPrice)
		case beyondLimits(l.Discount):
			return digitsErr(index("lines", i)+".discount", l.Discount)
		}
		for j, tr := range l.Tiers {
			if beyondLimits(tr.UnitPrice) {
				return digitsErr(index(index("lines", i)+".tiers", j)+".unit_price", tr.UnitPrice)
			}
		}
	}
	return nil
}

// price prices the line named field, before the order discount: Amount is
// Gross less LineDiscount.
func (l QuoteLine) price(field string) (QuotedLine, error) {
	if l.Quantity < 1 {
		return QuotedLine{}, argErr(field+".quantity", strconv.Itoa(l.Quantity), codeAtLeastOne)
	}
	price := l.UnitPrice
	if len(l.Tiers) > 0 {
		p, err := l.Tiers.UnitPrice(l.Quantity)
		if err != nil {
			return QuotedLine{}, prefixErr(field, err)
		}
		price = p
	} else if price.Sign() <= 0 {
		return QuotedLine{}, argErr(field+".unit_price", decText(price), codePositiveOrTiers)
	}
	if l.Discount.Sign() < 0 || l.Discount.Cmp(price) > 0 {
		return QuotedLine{}, argErr(field+".discount", decText(l.Discount), codeLineDiscountRange, decText(price))
	}
	qty := decimal.NewFromInt(int64(l.Quantity))
	ql := QuotedLine{SKU: l.SKU, Quantity: l.Quantity, UnitPrice: price, Gross: price.Mul(qty), LineDiscount: l.Discount.Mul(qty)}
	ql.Amount = ql.Gross.Sub(ql.LineDiscount)
	return ql, nil
}

// shareDiscount spreads the order discount over b's lines in proportion
// to their amounts (in sen) by Split, in whole rupiah or, for a discount
// with sen, in sen, and takes each share off its line's Amount.
func (b *Breakdown) shareDiscount(discount decimal.Decimal) error {
	weights := make([]int64, len(b.Lines))
	goods := decimal.Zero
	for i, l := range b.Lines {
		w, ok := Cents(l.Amount)
		if !ok {
			return overflowErr(index("lines", i)+".amount", decText(l.Amount), codeShareTooLarge)
		}
		weights[i] = w
		goods = goods.Add(l.Amount)
	}
	if discount.Sign() < 0 || discount.Cmp(goods) > 0 {
		return argErr("discount", decText(discount), codeOrderDiscountRange, decText(goods))
	}
	if discount.Sign() == 0 {
		return nil
	}
	step := one
	if !discount.IsInteger() {
		step = decimal.New(1, -2)
	}
	shares, err := Split(discount, weights, step)
	if err != nil {
		return prefixErr("discount", err)
	}
	for i := range b.Lines {
		b.Lines[i].OrderDiscount = shares[i]
		b.Lines[i].Amount = b.Lines[i].Amount.Sub(shares[i])
	}
	return nil
}

// prefixErr puts a path prefix before the field of an *ArgError.
func prefixErr(prefix string, err error) error {
	if ae, ok := err.(*ArgError); ok {
		c := *ae
		c.Field = prefix + "." + c.Field
		return &c
	}
	return err
}
