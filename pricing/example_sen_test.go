package pricing_test

import (
	"fmt"
	"log"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

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
