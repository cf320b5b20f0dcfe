package pricing_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/batikkit/batikkit/pricing"
)

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
