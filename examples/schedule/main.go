// Command schedule plans a month of a marketplace campaign: 30 orders of
// batik tulis, cap and kombinasi with staggered due dates, across 15
// workshops in Surakarta and Pekalongan, on built-in fictional data. It
// prints each workshop's work week by week, the pieces that cannot be
// finished on time and why, and the total producer cost.
//
//	go run ./examples/schedule          # cheapest plan
//	go run ./examples/schedule -spread  # among the cheapest, the one that shares work out best
//
// The plan is optimal: as many pieces on time as the workshops' weekly
// capacity allows, then the lowest cost (capacity.Schedule).
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/pricing"
)

var (
	//go:embed producers.csv
	producersCSV string
	//go:embed orders.csv
	ordersCSV string
)

// The campaign month starts with ISO week 2026-W50 (Monday 7 December 2026).
var start = capacity.MustParseWeek("2026-W50")

func main() {
	spread := flag.Bool("spread", false, "among the cheapest plans, prefer the one that shares work out")
	flag.Parse()
	if err := run(os.Stdout, *spread); err != nil {
		fmt.Fprintln(os.Stderr, "schedule:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, spread bool) error {
	producers, err := batik.ReadProducersCSV(strings.NewReader(producersCSV))
	if err != nil {
		return err
	}
	orders, err := batik.ReadOrdersCSV(strings.NewReader(ordersCSV))
	if err != nil {
		return err
	}
	tt, err := capacity.Schedule(orders, producers, capacity.ScheduleOptions{From: start, Spread: spread})
	if err != nil {
		return err
	}
	weeks := 0
	for _, a := range tt.Assignments {
		weeks = max(weeks, a.Week.Sub(start)+1)
	}
	ordered := 0
	for _, o := range orders {
		ordered += o.Quantity
	}
	unfilled := 0
	for _, u := range tt.Unfilled {
		unfilled += u
	}
	fmt.Fprintf(w, "Campaign from %s: %d orders, %d pieces, %d workshops\n\n", start.Monday().In(time.UTC).Format("Mon 2 Jan 2006"), len(orders), ordered, len(producers))

	// Week-by-week table: one row per workshop and technique.
	type key struct {
		prod string
		tech batik.Technique
	}
	tech := map[string]batik.Technique{}
	for _, o := range orders {
		tech[o.ID] = o.Technique
	}
	load := map[key][]int{}
	for _, a := range tt.Assignments {
		k := key{a.ProducerID, tech[a.OrderID]}
		if load[k] == nil {
			load[k] = make([]int, weeks)
		}
		load[k][a.Week.Sub(start)] += a.Quantity
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "workshop\ttechnique, grade\tper week")
	for k := range weeks {
		fmt.Fprintf(tw, "\t%s (%s)", start.Add(k), start.Add(k).Monday().In(time.UTC).Format("2 Jan"))
	}
	fmt.Fprintln(tw)
	for _, p := range producers {
		for _, c := range p.Capabilities {
			k := key{p.ID, c.Technique}
			fmt.Fprintf(tw, "%s %s\t%s %s\t%d", p.ID, p.Name, c.Technique, c.Grade, c.PerWeek)
			for wk := range weeks {
				if load[k] == nil || load[k][wk] == 0 {
					fmt.Fprint(tw, "\t-")
				} else {
					fmt.Fprintf(tw, "\t%d", load[k][wk])
				}
			}
			fmt.Fprintln(tw)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintf(w, "\n%d of %d pieces on time; producer cost %s\n", ordered-unfilled, ordered, pricing.Format(tt.Cost))
	if len(tt.Shortfalls) > 0 {
		fmt.Fprintln(w, "\nNot on time:")
		for _, sf := range tt.Shortfalls {
			o := orders[slices.IndexFunc(orders, func(o batik.Order) bool { return o.ID == sf.OrderID })]
			fmt.Fprintf(w, "  %s  %d of %d %s (grade %s+, due %s): %s\n", sf.OrderID, sf.Pieces, o.Quantity, o.Technique, o.MinGrade,
				o.Due.In(time.UTC).Format("2 Jan"), explain[sf.Reason])
		}
	}
	return nil
}

// explain words each shortfall reason for the campaign's staff.
var explain = map[capacity.ShortReason]string{
	capacity.NoProducerWithTechnique: "no workshop makes this technique",
	capacity.NoProducerAtGrade:       "no workshop makes it at this grade",
	capacity.DueTooSoon:              "due before the first week ends",
	capacity.NotEnoughCapacity:       "the able workshops cannot make it all by the due date",
	capacity.CapacityTaken:           "the able workshops' weeks went to other orders",
}
