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

// The campaign month starts on Monday 7 December 2026.
var start = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

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
	tt, err := capacity.Schedule(orders, producers, capacity.Options{Start: start, Spread: spread})
	if err != nil {
		return err
	}
	weeks := 0
	for _, a := range tt.Assignments {
		weeks = max(weeks, a.Week+1)
	}
	ordered := 0
	for _, o := range orders {
		ordered += o.Quantity
	}
	unfilled := 0
	for _, u := range tt.Unfilled {
		unfilled += u
	}
	fmt.Fprintf(w, "Campaign from %s: %d orders, %d pieces, %d workshops\n\n", start.Format("Mon 2 Jan 2006"), len(orders), ordered, len(producers))

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
		load[k][a.Week] += a.Quantity
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "workshop\ttechnique\tper week")
	for k := range weeks {
		fmt.Fprintf(tw, "\tweek %d (%s)", k+1, start.AddDate(0, 0, 7*k).Format("2 Jan"))
	}
	fmt.Fprintln(tw)
	for _, p := range producers {
		for _, c := range p.Capabilities {
			k := key{p.ID, c.Technique}
			fmt.Fprintf(tw, "%s %s\t%s\t%d", p.ID, p.Name, c.Technique, c.PerWeek)
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
	if len(tt.Unfilled) > 0 {
		fmt.Fprintln(w, "\nNot on time:")
		ids := make([]string, 0, len(tt.Unfilled))
		for id := range tt.Unfilled {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			o := orders[slices.IndexFunc(orders, func(o batik.Order) bool { return o.ID == id })]
			fmt.Fprintf(w, "  %s  %d of %d %s (grade %s+, due %s): %s\n", id, tt.Unfilled[id], o.Quantity, o.Technique, o.MinGrade,
				o.Due.Format("2 Jan"), why(o, producers))
		}
	}
	return nil
}

// why explains an order's shortfall.
func why(o batik.Order, producers []batik.Producer) string {
	if o.Due.Before(start.AddDate(0, 0, 7)) {
		return "due before the first week ends"
	}
	var able []string
	perWeek := 0
	for _, p := range producers {
		if c, ok := p.Capability(o.Technique); ok && c.PerWeek > 0 && p.Grade.AtLeast(o.MinGrade) {
			able = append(able, p.ID)
			perWeek += c.PerWeek
		}
	}
	if len(able) == 0 {
		return "no workshop makes " + string(o.Technique) + " at this grade"
	}
	if len(able) == 1 {
		return fmt.Sprintf("the one able workshop, %s (%d a week), is full up to the due date", able[0], perWeek)
	}
	return fmt.Sprintf("the %d able workshops (%d a week together) are full up to the due date", len(able), perWeek)
}
