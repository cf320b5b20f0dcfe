package pricing_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"text/tabwriter"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

func ExampleParse() {
	for _, s := range []string{"Rp1.250.000", "Rp 1.250.000,50", "1250000", "-Rp5.000", "Rp5.000,-", "12.50", "1e9"} {
		d, err := pricing.Parse(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-18q %s\n", s, d)
	}
	// Output:
	// "Rp1.250.000"      1250000
	// "Rp 1.250.000,50"  1250000.5
	// "1250000"          1250000
	// "-Rp5.000"         -5000
	// "Rp5.000,-"        5000
	// pricing: amount = "12.50": '.' groups thousands and must be followed by exactly 3 digits; the decimal separator is ','
	// pricing: amount = "1e9": exponents are not allowed
}

func ExampleMustParse() {
	fmt.Println(pricing.MustParse("Rp 85.000"))
	// Output: 85000
}

func ExampleFormat() {
	for _, s := range []string{"1250000", "1250000.5", "-5000", "0.05"} {
		fmt.Println(pricing.Format(decimal.RequireFromString(s)))
	}
	// Output:
	// Rp1.250.000
	// Rp1.250.000,50
	// -Rp5.000
	// Rp0,05
}

func ExampleAppendFormat() {
	b := []byte("Total: ")
	b = pricing.AppendFormat(b, decimal.NewFromInt(18425000))
	fmt.Println(string(b))
	// Output: Total: Rp18.425.000
}

// ExampleRoundingMode prints every mode against a row of amounts, rounded
// to Rp100 (the smallest coin).
func ExampleRoundingMode() {
	amounts := []string{"-1250", "-1249", "-1201", "1201", "1249", "1250", "1350", "1351"}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 1, ' ', 0)
	fmt.Fprint(w, "amount")
	for _, a := range amounts {
		fmt.Fprintf(w, "\t%s", a)
	}
	fmt.Fprintln(w)
	for _, mode := range []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up} {
		fmt.Fprint(w, mode)
		for _, a := range amounts {
			r, _ := pricing.Round(decimal.RequireFromString(a), decimal.NewFromInt(100), mode)
			fmt.Fprintf(w, "\t%s", r)
		}
		fmt.Fprintln(w)
	}
	w.Flush()
	// Output:
	// amount    -1250 -1249 -1201 1201 1249 1250 1350 1351
	// half_up   -1300 -1200 -1200 1200 1200 1300 1400 1400
	// half_even -1200 -1200 -1200 1200 1200 1200 1400 1400
	// down      -1200 -1200 -1200 1200 1200 1200 1300 1300
	// up        -1300 -1300 -1300 1300 1300 1300 1400 1400
}

func ExampleRound() {
	r, _ := pricing.Round(decimal.RequireFromString("162470"), decimal.NewFromInt(500), pricing.Up)
	fmt.Println(pricing.Format(r))
	// Output: Rp162.500
}

func ExampleSplit() {
	parts, _ := pricing.Split(decimal.NewFromInt(1000000), []int64{1, 1, 1}, decimal.NewFromInt(100))
	fmt.Println(parts)
	// Output: [333400 333300 333300]
}

func ExampleTax_On() {
	fmt.Println(pricing.PPN.On(decimal.NewFromInt(1000000)), pricing.PPNLuxury.On(decimal.NewFromInt(1000000)))
	fmt.Println(pricing.PPN.On(decimal.NewFromInt(99))) // 10.89, rounded down
	// Output:
	// 110000 120000
	// 10
}

func ExampleTax_Within() {
	net, tax := pricing.PPN.Within(decimal.NewFromInt(1110000))
	fmt.Println(net, tax)
	// Output: 1000000 110000
}

func ExampleNewTax() {
	ppn, _ := pricing.NewTax("PPN 12% on DPP 11/12", decimal.RequireFromString("0.12"), 11, 12)
	fmt.Println(ppn.Name(), ppn.Rate(), ppn.On(decimal.NewFromInt(200000)))
	// Output: PPN 12% on DPP 11/12 0.11 22000
}

func ExampleTax_Name() {
	fmt.Println(pricing.PPN.Name(), "|", pricing.PPhFinal.Name())
	// Output: PPN 12% x 11/12 | PPh final 0,5% (PP 55/2022)
}

func ExampleTax_Rate() {
	fmt.Println(pricing.PPN.Rate(), pricing.PPNLuxury.Rate(), pricing.PPhFinal.Rate())
	// Output: 0.11 0.12 0.005
}

func ExampleTiers_UnitPrice() {
	tiers := pricing.Tiers{
		{MinQuantity: 1, UnitPrice: decimal.NewFromInt(185000)},
		{MinQuantity: 100, UnitPrice: decimal.NewFromInt(160000)},
		{MinQuantity: 500, UnitPrice: decimal.NewFromInt(150000)},
	}
	for _, q := range []int{1, 99, 100, 1000} {
		p, _ := tiers.UnitPrice(q)
		fmt.Println(q, pricing.Format(p))
	}
	_, err := tiers.UnitPrice(0)
	fmt.Println(err)
	// Output:
	// 1 Rp185.000
	// 99 Rp185.000
	// 100 Rp160.000
	// 1000 Rp150.000
	// pricing: quantity = 0: must be at least 1
}

func ExampleTiers_Validate() {
	tiers := pricing.Tiers{
		{MinQuantity: 1, UnitPrice: decimal.NewFromInt(185000)},
		{MinQuantity: 100, UnitPrice: decimal.NewFromInt(190000)},
	}
	fmt.Println(tiers.Validate())
	// Output: pricing: tiers[1].unit_price = 190000: must be below the previous tier's 185000
}

func ExampleCostSheet_HPP() {
	sheet := pricing.CostSheet{
		Items: []pricing.CostItem{
			{Name: "kain primisima", Quantity: decimal.RequireFromString("2.25"), Unit: "m", UnitCost: decimal.NewFromInt(28000)},
			{Name: "malam", Quantity: decimal.RequireFromString("0.3"), Unit: "kg", UnitCost: decimal.NewFromInt(45000)},
			{Name: "pewarna", Quantity: decimal.NewFromInt(1), UnitCost: decimal.NewFromInt(6500)},
			{Name: "upah cap", Quantity: decimal.RequireFromString("1.5"), Unit: "jam", UnitCost: decimal.NewFromInt(15000)},
		},
		Overhead: decimal.RequireFromString("0.1"),
	}
	hpp, _ := sheet.HPP()
	fmt.Println(pricing.Format(hpp))
	// Output: Rp116.050
}

func ExampleCostItem_Cost() {
	it := pricing.CostItem{Name: "kain", Quantity: decimal.RequireFromString("2.5"), Unit: "m", UnitCost: decimal.NewFromInt(28000)}
	fmt.Println(it.Cost())
	// Output: 70000
}

func ExamplePriceByMarkup() {
	p, _ := pricing.PriceByMarkup(decimal.NewFromInt(116050), decimal.RequireFromString("0.4"), pricing.PriceRule{Step: decimal.NewFromInt(1000)})
	fmt.Println(pricing.Format(p))
	// Output: Rp163.000
}

func ExamplePriceByMargin() {
	rule := pricing.PriceRule{Step: decimal.NewFromInt(100), Ending: decimal.NewFromInt(900), Modulus: decimal.NewFromInt(1000)}
	p, _ := pricing.PriceByMargin(decimal.NewFromInt(116050), decimal.RequireFromString("0.3"), rule)
	fmt.Println(pricing.Format(p))
	// Output: Rp165.900
}

func ExamplePriceRule_Apply() {
	rule := pricing.PriceRule{Step: decimal.NewFromInt(1000), Mode: pricing.HalfUp, Ending: decimal.NewFromInt(9000), Modulus: decimal.NewFromInt(10000)}
	p, _ := rule.Apply(decimal.NewFromInt(152300))
	fmt.Println(pricing.Format(p))
	// Output: Rp159.000
}

func ExampleFeeSchedule_Settle() {
	// An illustrative schedule; real rates change often and belong in data.
	fees := pricing.FeeSchedule{
		Name: "marketplace, fashion (illustrative)", Commission: decimal.RequireFromString("0.08"),
		CommissionCap: decimal.NewFromInt(40000), OrderFee: decimal.NewFromInt(1250),
	}
	s, _ := fees.Settle([]pricing.SaleItem{{Quantity: 2, Amount: decimal.NewFromInt(370000)}})
	fmt.Println(pricing.Format(s.Commission), pricing.Format(s.Fees), pricing.Format(s.Net))
	// Output: Rp29.600 Rp30.850 Rp339.150
}

func ExampleFeeSchedule_Validate() {
	fmt.Println(pricing.FeeSchedule{Commission: decimal.RequireFromString("1.2")}.Validate())
	// Output: pricing: commission = 1.2: must be a fraction in [0, 1] (0.065 for 6.5%)
}

func ExamplePayouts() {
	payouts, _ := pricing.Payouts(decimal.NewFromInt(82000000), []pricing.Share{
		{ProducerID: "SLO-02", Quantity: 400}, {ProducerID: "PKL-03", Quantity: 350}, {ProducerID: "PKL-04", Quantity: 250},
	}, decimal.NewFromInt(1))
	for _, p := range payouts {
		fmt.Println(p.ProducerID, p.Quantity, pricing.Format(p.Amount), pricing.Format(p.PPhFinal))
	}
	// Output:
	// SLO-02 400 Rp32.800.000 Rp164.000
	// PKL-03 350 Rp28.700.000 Rp143.500
	// PKL-04 250 Rp20.500.000 Rp102.500
}

func ExampleQuote_Price() {
	q := pricing.Quote{
		Lines: []pricing.QuoteLine{{SKU: "KMJ-CAP", Quantity: 120, UnitPrice: decimal.NewFromInt(185000), Discount: decimal.NewFromInt(10000)}},
		Tax:   pricing.PPN, Shipping: decimal.NewFromInt(150000),
	}
	b, _ := q.Price()
	out, _ := json.Marshal(struct {
		Goods, Tax, Total decimal.Decimal
	}{b.Goods, b.Tax, b.Total})
	fmt.Println(string(out))
	// Output: {"Goods":"21000000","Tax":"2310000","Total":"23460000"}
}

func ExampleRoundingMode_String() {
	fmt.Println(pricing.HalfEven)
	// Output: half_even
}

// Rp1.000.000 among three producers in Rp100 steps, in sen: the leftover
// Rp100 goes to the first of the equal remainders.
func ExampleSplitSen() {
	parts, err := pricing.SplitSen(100_000_000, []int64{1, 1, 1}, 10_000)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(parts)
	for _, p := range parts {
		fmt.Println(pricing.Format(decimal.New(p, -2)))
	}
	// Output:
	// [33340000 33330000 33330000]
	// Rp333.400
	// Rp333.300
	// Rp333.300
}

// A payout run splits many budgets into one reused buffer: after the first
// split has grown it, the loop allocates nothing.
func ExampleAppendSplitSen() {
	pieces := []int64{120, 45, 35} // pieces each producer made
	budgets := []int64{1_000_000, 1_000_100, 999_900}
	var buf []int64
	for _, b := range budgets {
		var err error
		buf, err = pricing.AppendSplitSen(buf[:0], b, pieces, 100)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(b, buf)
	}
	// Output:
	// 1000000 [600000 225000 175000]
	// 1000100 [600100 225000 175000]
	// 999900 [599900 225000 175000]
}

// Largest remainder has the Alabama paradox: with one rupiah more to
// split, the third party gets one less.
func ExampleSplit_alabamaParadox() {
	weights := []int64{6, 6, 2}
	for _, total := range []int64{10, 11} {
		parts, err := pricing.Split(decimal.NewFromInt(total), weights, decimal.NewFromInt(1))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(total, "among 6:6:2 ->", parts)
	}
	// Output:
	// 10 among 6:6:2 -> [4 4 2]
	// 11 among 6:6:2 -> [5 5 1]
}

func ExampleRoundSen() {
	for _, mode := range []pricing.RoundingMode{pricing.HalfUp, pricing.HalfEven, pricing.Down, pricing.Up} {
		// Rp1.250 to the Rp100 coin, in sen: a half.
		r, err := pricing.RoundSen(125_000, 10_000, mode)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(mode, r)
	}
	_, err := pricing.RoundSen(9_223_372_036_854_775_807, 10_000, pricing.Up)
	fmt.Println(err)
	// Output:
	// half_up 130000
	// half_even 120000
	// down 120000
	// up 130000
	// pricing: v = 9223372036854775807: rounds to 922337203685478 steps of 10000, past the int64 range
}

func ExampleTax_OnSen() {
	// PPN on Rp1.250,50 (125050 sen) is Rp137,5555, rounded down to Rp137.
	fmt.Println(pricing.PPN.OnSen(125_050))
	fmt.Println(pricing.PPN.OnSen(-125_050)) // a refund: the mirror
	// Output:
	// 13700
	// -13700
}

func ExampleTax_WithinSen() {
	// A tax-inclusive price of Rp1.110.000 (111000000 sen) under PPN.
	net, tax := pricing.PPN.WithinSen(111_000_000)
	fmt.Println(net, tax, net+tax)
	// Output: 100000000 11000000 111000000
}

func ExampleParseRoundingMode() {
	for _, s := range []string{"half_even", "HalfUp", "Down", "ceiling"} {
		m, err := pricing.ParseRoundingMode(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		text, _ := m.MarshalText()
		fmt.Printf("%-10s %s\n", s, text)
	}
	// Output:
	// half_even  half_even
	// HalfUp     half_up
	// Down       down
	// pricing: rounding = "ceiling": unknown rounding mode; use half_up, half_even, down or up
}

func ExampleParseTax() {
	for _, s := range []string{"ppn", "PPNBM", "none", "vat"} {
		t, err := pricing.ParseTax(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-6s %q %s\n", s, t.Name(), t.Rate())
	}
	// Output:
	// ppn    "PPN 12% x 11/12" 0.11
	// PPNBM  "PPN 12%" 0.12
	// none   "" 0
	// pricing: tax = "vat": unknown tax; use ppn or ppn_luxury, or an object with name, numerator and denominator
}

// A quote decoded from JSON carries its tax, and is decoded strictly.
func ExampleQuote_UnmarshalJSON() {
	var q pricing.Quote
	err := json.Unmarshal([]byte(`{"lines":[{"sku":"KMJ-CAP","quantity":10,"unit_price":"185000"}],"tax":"ppn"}`), &q)
	fmt.Println(err)
	b, _ := q.Price()
	fmt.Println(pricing.Format(b.Tax), pricing.Format(b.Total))

	err = json.Unmarshal([]byte(`{"lines":[{"sku":"KMJ-CAP","quantity":10,"unit_price":"1.85e5"}]}`), &q)
	var ae *pricing.ArgError
	if errors.As(err, &ae) {
		fmt.Println(ae.Message(pricing.English))
		fmt.Println(ae.Message(pricing.Indonesian))
	}
	// Output:
	// <nil>
	// Rp203.500 Rp2.053.500
	// lines[0].unit_price = "1.85e5": exponents are not allowed
	// lines[0].unit_price = "1.85e5": eksponen tidak diperbolehkan
}
