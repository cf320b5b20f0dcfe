package capacity_test

import (
	"fmt"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

func ExampleWeekOf() {
	w := capacity.WeekOf(batik.MustParseDate("2026-12-21"))
	fmt.Println(w, w.Monday(), w.Sunday(), w.Add(2))
	// 29 December 2025 is in the first week of ISO year 2026.
	fmt.Println(capacity.WeekOf(batik.MustParseDate("2025-12-29")))
	// Output:
	// 2026-W52 2026-12-21 2026-12-27 2027-W01
	// 2026-W01
}

func ExampleLastOnTime() {
	// Due on Monday 21 December: the week that ends on Sunday the 20th is
	// the last whose pieces are on time.
	fmt.Println(capacity.LastOnTime(batik.MustParseDate("2026-12-21")))
	// Output: 2026-W51
}

func ExampleParseWeek() {
	for _, s := range []string{"2026-W49", "2020-W53", "2021-W53", "2026-W00"} {
		w, err := capacity.ParseWeek(s)
		fmt.Println(w, err)
	}
	// Output:
	// 2026-W49 <nil>
	// 2020-W53 <nil>
	//  capacity: week = "2021-W53": ISO year 2021 has weeks 1 to 52
	//  capacity: week = "2026-W00": ISO year 2026 has weeks 1 to 53
}

func ExampleParsePolicy() {
	for _, s := range []string{"even_share", "EvenShare", "Cheapest"} {
		p, err := capacity.ParsePolicy(s)
		fmt.Println(p, err)
	}
	// Output:
	// even_share <nil>
	// even_share <nil>
	// proportional capacity: policy = "Cheapest": unknown policy; use proportional, even_share, lowest_cost or fewest_producers
}

func ExamplePlan_Shares() {
	plan := capacity.Plan{OrderID: "O", Lines: []capacity.Line{
		{ProducerID: "A", Quantity: 600, UnitCost: decimal.NewFromInt(76000)},
		{ProducerID: "B", Quantity: 400, UnitCost: decimal.NewFromInt(80000)},
	}}
	fmt.Println(plan.Shares())
	// Output: [{A 600} {B 400}]
}
