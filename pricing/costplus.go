package pricing

import (
	"github.com/shopspring/decimal"
)

// CostItem is one line of a cost sheet for one piece: material (kain,
// malam, pewarna), labour by the hour or by the piece, or anything else,
// as a quantity of units at a unit cost.
type CostItem struct {
	Name     string          `json:"name"`           // "kain primisima", "malam", "upah canting"
	Quantity decimal.Decimal `json:"quantity"`       // units used for one piece: 2.5 (m), 0.3 (kg), 6 (jam), 1 (pcs)
	Unit     string          `json:"unit,omitempty"` // "m", "kg", "jam", "pcs": for display only
	UnitCost decimal.Decimal `json:"unit_cost"`      // rupiah a unit
}

// Cost returns Quantity x UnitCost, exact.
func (c CostItem) Cost() decimal.Decimal { return c.Quantity.Mul(c.UnitCost) }

// CostSheet is the cost of goods (harga pokok produksi, HPP) of one piece:
// its items plus overhead as a fraction of their sum (0.10 for 10%).
type CostSheet struct {
	Items    []CostItem      `json:"items"`
	Overhead decimal.Decimal `json:"overhead,omitempty"` // fraction of the items' sum: 0.1 for 10%
}

// HPP returns the cost of goods of one piece: the sum of the items' costs
// times (1 + Overhead), exact (not rounded). Errors (*ArgError wrapping
// ErrInvalid) name the item: a blank name, a negative quantity or unit
// cost, or an overhead outside [0, 10]. O(len(Items)).
func (s CostSheet) HPP() (decimal.Decimal, error) {
	sum := decimal.Zero
	for i, it := range s.Items {
		switch {
		case it.Name == "":
			return decimal.Decimal{}, argErr(index("items", i)+".name", `""`, codeNotEmpty)
		case it.Quantity.Sign() < 0:
			return decimal.Decimal{}, argErr(index("items", i)+".quantity", decText(it.Quantity), codeNotNegative)
		case it.UnitCost.Sign() < 0:
			return decimal.Decimal{}, argErr(index("items", i)+".unit_cost", decText(it.UnitCost), codeNotNegative)
		}
		sum = sum.Add(it.Cost())
	}
	if s.Overhead.Sign() < 0 || s.Overhead.Cmp(decimal.NewFromInt(10)) > 0 {
		return decimal.Decimal{}, argErr("overhead", decText(s.Overhead), codeOverheadRange)
	}
	return sum.Add(sum.Mul(s.Overhead)), nil
}

// PriceRule says how a computed price becomes a list price: rounded to a
// multiple of Step by Mode, then, if Modulus is set, raised to the next
// amount that ends in Ending (Ending 900 with Modulus 1000 makes ...900).
type PriceRule struct {
	Step    decimal.Decimal // zero means 1 rupiah
	Mode    RoundingMode    // zero means Up, so the markup or margin is never undercut
	Ending  decimal.Decimal // the price's remainder modulo Modulus; only with Modulus
	Modulus decimal.Decimal // zero means no ending rule
}

// Apply rounds price by the rule. Errors (*ArgError wrapping ErrInvalid):
// a negative step, an unknown mode, or an Ending outside [0, Modulus) or
// not a multiple of Step.
func (r PriceRule) Apply(price decimal.Decimal) (decimal.Decimal, error) {
	return r.applyQuo(price, one)
}

func (r PriceRule) applyQuo(num, den decimal.Decimal) (decimal.Decimal, error) {
	step, mode := r.Step, r.Mode
	if step.IsZero() {
		step = one
	}
	if mode == 0 {
		mode = Up
	}
	units, err := roundQuo(num, den, step, mode)
	if err != nil {
		return decimal.Decimal{}, err
	}
	p := units.Mul(step)
	if r.Modulus.IsZero() {
		return p, nil
	}
	if r.Modulus.Sign() < 0 {
		return decimal.Decimal{}, argErr("modulus", decText(r.Modulus), codePositive)
	}
	if r.Ending.Sign() < 0 || r.Ending.Cmp(r.Modulus) >= 0 {
		return decimal.Decimal{}, argErr("ending", decText(r.Ending), codeEndingRange, decText(r.Modulus))
	}
	if _, rem := r.Ending.QuoRem(step, 0); !rem.IsZero() {
		return decimal.Decimal{}, argErr("ending", decText(r.Ending), codeNotMultiple, decText(step))
	}
	// The smallest p' >= p with p' mod Modulus == Ending.
	q, rem := p.QuoRem(r.Modulus, 0)
	if p.Sign() < 0 {
		q, rem = q.Sub(one), rem.Add(r.Modulus)
	}
	base := q.Mul(r.Modulus)
	if rem.GreaterThan(r.Ending) {
		base = base.Add(r.Modulus)
	}
	return base.Add(r.Ending), nil
}

// PriceByMarkup returns cost x (1 + markup), rounded by rule, where markup
// is a fraction (0.4 for 40%). The product is exact before the one
// rounding. Errors (*ArgError wrapping ErrInvalid): a negative cost, a
// markup of -100% or less, or a bad rule.
func PriceByMarkup(cost, markup decimal.Decimal, rule PriceRule) (decimal.Decimal, error) {
	if cost.Sign() < 0 {
		return decimal.Decimal{}, argErr("cost", decText(cost), codeNotNegative)
	}
	if markup.Cmp(one.Neg()) <= 0 {
		return decimal.Decimal{}, argErr("markup", decText(markup), codeMarkupRange)
	}
	return rule.Apply(cost.Mul(one.Add(markup)))
}

// PriceByMargin returns the price whose gross margin (price - cost) / price
// is margin (a fraction, 0.3 for 30%): cost / (1 - margin), rounded by
// rule. The quotient is never rounded before the rule rounds it: the rule
// sees the exact fraction, so with the default Mode Up the margin is at
// least the one asked for. Errors (*ArgError wrapping ErrInvalid): a
// negative cost, a margin of 100% or more or below -100%, or a bad rule.
func PriceByMargin(cost, margin decimal.Decimal, rule PriceRule) (decimal.Decimal, error) {
	if cost.Sign() < 0 {
		return decimal.Decimal{}, argErr("cost", decText(cost), codeNotNegative)
	}
	if margin.Cmp(one) >= 0 || margin.Cmp(one.Neg()) < 0 {
		return decimal.Decimal{}, argErr("margin", decText(margin), codeMarginRange)
	}
	return rule.applyQuo(cost, one.Sub(margin))
}
