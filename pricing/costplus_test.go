package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

	// Bounds not pinned by TestPriceByBounds and TestHPP.
	_, err = PriceByMargin(d("1"), d("1.5"), PriceRule{})
	requireArgField(t, err, "margin")
	_, err = PriceByMarkup(d("1"), d("0"), PriceRule{Step: d("-1")})
	requireArgField(t, err, "step")
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
