package capacity_test

import (
	"fmt"
	"os"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

// workshops are the four producers of the package documentation's worked example.
func workshops() []batik.Producer {
	mk := func(id string, perWeek int, cost int64) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: perWeek, UnitCost: decimal.NewFromInt(cost)}}}
	}
	return []batik.Producer{mk("A", 400, 76000), mk("B", 300, 80000), mk("C", 200, 85000), mk("D", 150, 78000)}
}

var order = batik.Order{ID: "CAMPAIGN-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}

func show(plan capacity.Plan) {
	for _, l := range plan.Lines {
		fmt.Printf("%s:%d ", l.ProducerID, l.Quantity)
	}
	fmt.Printf("unfilled:%d cost:%s\n", plan.Unfilled, plan.Cost())
}

func ExampleAllocate() {
	producers := append(workshops(),
		batik.Producer{ID: "E", Name: "Batik E", Region: "33.75",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Kasar, PerWeek: 500, UnitCost: decimal.NewFromInt(50000)}}})
	plan, err := capacity.Allocate(order, producers, capacity.AllocateOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	for _, s := range plan.Skipped {
		fmt.Println(s.ProducerID, s.Reason)
	}
	// Output:
	// A:381 B:286 C:190 D:143 unfilled:0 cost:79140000
	// E below_grade
}

func ExampleAllocate_weeksAndShortfall() {
	big := order
	big.Quantity = 5000
	plan, err := capacity.Allocate(big, workshops(), capacity.AllocateOptions{Weeks: 4})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	// Output: A:1600 B:1200 C:800 D:600 unfilled:800 cost:332400000
}

func ExampleProportional() {
	plan, err := capacity.Allocate(order, workshops(), capacity.AllocateOptions{Policy: capacity.Proportional})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	// Output: A:381 B:286 C:190 D:143 unfilled:0 cost:79140000
}

func ExampleEvenShare() {
	plan, err := capacity.Allocate(order, workshops(), capacity.AllocateOptions{Policy: capacity.EvenShare})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	// Output: A:350 B:300 C:200 D:150 unfilled:0 cost:79300000
}

func ExampleLowestCost() {
	plan, err := capacity.Allocate(order, workshops(), capacity.AllocateOptions{Policy: capacity.LowestCost})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	// Output: A:400 B:300 C:150 D:150 unfilled:0 cost:78850000
}

func ExampleFewestProducers() {
	plan, err := capacity.Allocate(order, workshops(), capacity.AllocateOptions{Policy: capacity.FewestProducers})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	// Output: A:400 B:300 C:200 D:100 unfilled:0 cost:79200000
}

func ExampleAllocateOptions_minLot() {
	small := order
	small.Quantity = 500
	plan, err := capacity.Allocate(small, workshops(), capacity.AllocateOptions{Policy: capacity.EvenShare, MinLot: 200})
	if err != nil {
		fmt.Println(err)
		return
	}
	show(plan)
	for _, s := range plan.Skipped {
		fmt.Println(s.ProducerID, s.Reason)
	}
	// Output:
	// A:250 B:250 unfilled:0 cost:39000000
	// C not_needed
	// D below_min_lot
}

func ExampleSchedule() {
	start := capacity.MustParseWeek("2026-W50") // Monday 7 December 2026
	producers := workshops()[:2]                // A makes 400 cap a week at Rp76.000, B 300 at Rp80.000
	orders := []batik.Order{
		{ID: "O1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 500, Due: batik.MustParseDate("2026-12-14")}, // Monday after week 50
		{ID: "O2", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 600, Due: batik.MustParseDate("2026-12-21")},
		{ID: "O3", Technique: batik.Tulis, MinGrade: batik.Halus, Quantity: 5, Due: batik.MustParseDate("2026-12-21")},
	}
	tt, err := capacity.Schedule(orders, producers, capacity.ScheduleOptions{From: start})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range tt.Assignments {
		fmt.Printf("%s %s week %s: %d\n", a.OrderID, a.ProducerID, a.Week, a.Quantity)
	}
	fmt.Println("unfilled:", tt.Unfilled, "cost:", tt.Cost)
	for _, s := range tt.Shortfalls {
		fmt.Println(s.OrderID, "short", s.Pieces, "because", s.Reason)
	}
	// Output:
	// O1 A week 2026-W50: 400
	// O1 B week 2026-W50: 100
	// O2 A week 2026-W51: 400
	// O2 B week 2026-W51: 200
	// unfilled: map[O3:5] cost: 84800000
	// O3 short 5 because no_producer_with_technique
}

func ExampleScheduleOptions_spread() {
	start := capacity.MustParseWeek("2026-W50")
	mk := func(id string) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.75",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 40, UnitCost: decimal.NewFromInt(80000)}}}
	}
	producers := []batik.Producer{mk("A"), mk("B"), mk("C")}
	orders := []batik.Order{{ID: "O1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 60, Due: start.Monday().AddDays(7)}}
	for _, spread := range []bool{false, true} {
		tt, _ := capacity.Schedule(orders, producers, capacity.ScheduleOptions{From: start, Spread: spread})
		fmt.Print("spread=", spread, ":")
		for _, a := range tt.Assignments {
			fmt.Printf(" %s:%d", a.ProducerID, a.Quantity)
		}
		fmt.Println(" cost", tt.Cost)
	}
	// Output:
	// spread=false: A:40 B:20 cost 4800000
	// spread=true: A:20 B:20 C:20 cost 4800000
}

func ExampleWriteDIMACS() {
	start := capacity.MustParseWeek("2026-W50")
	orders := []batik.Order{{ID: "O1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 500, Due: start.Monday().AddDays(7)}}
	if err := capacity.WriteDIMACS(os.Stdout, orders, workshops()[:1], capacity.ScheduleOptions{From: start}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// c batikkit capacity.Schedule: 1 orders, 1 producers, from 2026-W50
	// c costs in sen; unfilled pieces cost 15200001 each
	// p min 3 3
	// n 1 500
	// n 3 -500
	// a 1 2 0 400 7600000
	// a 2 3 0 400 0
	// a 1 3 0 500 15200001
}
