// Command inspect follows the quality of a 1,000-shirt batik order made by
// ten workshops over eight weeks (125 shirts a week, shared by capacity).
// Every Friday each workshop hands over its week's lot; the cooperative's
// quality officer samples it by ISO 2859-1 (general inspection level II,
// AQL 2.5 for major defects) and records the count with aql.Inspect, which
// applies the switching rules of clause 9.
//
//	go run ./examples/inspect
//
// The workshops' true defect rates are fictional and the samples are drawn
// with a seeded generator, so the output is the same on every run. It shows
// each lot's plan (code letter, sample size, Ac/Re) and verdict, each
// workshop's inspection severity week by week, one workshop moved to
// tightened inspection and one whose inspection is discontinued, and then
// the next order's allocation, which leaves the discontinued ones out.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

type workshop struct {
	id, name string
	perWeek  int     // shirts a week for this order
	rate     float64 // true share of shirts with a major defect (unknown to the officer)
}

// Capacities sum to 125 shirts a week: 1,000 shirts in eight weeks.
var workshops = []workshop{
	{"ws-01", "Batik Sekar Jagad", 20, 0.005},
	{"ws-02", "Canting Mas", 18, 0.01},
	{"ws-03", "Kawung Asri", 16, 0.02},
	{"ws-04", "Parang Rusak", 14, 0.15},
	{"ws-05", "Truntum Sari", 13, 0.01},
	{"ws-06", "Sidomukti", 12, 0.03},
	{"ws-07", "Mega Mendung", 10, 0.02},
	{"ws-08", "Lasem Indah", 9, 0.40},
	{"ws-09", "Tujuh Rupa", 7, 0.005},
	{"ws-10", "Jlamprang", 6, 0.05},
}

const (
	weeks     = 8
	technique = "tulis"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "inspect:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	major := aql.MustParseAQL("2.5")
	rng := rand.New(rand.NewPCG(2859, 1999))

	states := make([]aql.State, len(workshops))
	for k, w := range workshops {
		s, err := aql.NewState(w.id, technique, major, aql.LevelII)
		if err != nil {
			return err
		}
		states[k] = s
	}
	// severity[k][week] as one letter: N normal, T tightened, R reduced,
	// X discontinued (no lot inspected).
	severity := make([][]string, len(workshops))

	fmt.Fprintf(w, "Order: 1,000 batik %s shirts, 10 workshops, 8 weekly lots each; AQL %s (major), level %s\n\n", technique, major, aql.LevelII)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "week\tworkshop\tlot\tseverity\tcode\tplan\tn\tAc/Re\tfound\tverdict\tswitch")
	for week := 1; week <= weeks; week++ {
		for k, w := range workshops {
			s := states[k]
			if s.Discontinued {
				severity[k] = append(severity[k], "X")
				fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t\t\t\t\t\tnot inspected: discontinued\t\n", week, w.id, w.perWeek, "-")
				continue
			}
			severity[k] = append(severity[k], strings.ToUpper(string(s.Severity[0])))
			plan, err := aql.PlanFor(w.perWeek, s.Level, s.AQL, s.Severity)
			if err != nil {
				return err
			}
			found := 0
			for range plan.SampleSize { // the officer inspects n shirts drawn at random
				if rng.Float64() < w.rate {
					found++
				}
			}
			v, err := aql.Inspect(s, aql.Lot{Size: w.perWeek, Nonconforming: found, Steady: true, Approved: true})
			if err != nil {
				return err
			}
			verdict := "accepted"
			if !v.Accepted {
				verdict = "NOT accepted"
			}
			n := fmt.Sprint(v.Plan.SampleSize)
			if v.Plan.FullInspection {
				n += " (all)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%d/%d\t%d\t%s\t%s\n", week, w.id, w.perWeek, v.Plan.Severity,
				v.Plan.Letter, v.Plan.PlanLetter, n, v.Plan.Ac, v.Plan.Re, found, verdict, v.Switch)
			states[k] = v.Next
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w, "\nInspection severity by week (N normal, T tightened, R reduced, X discontinued)")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprint(tw, "workshop\tname\ttrue rate")
	for week := 1; week <= weeks; week++ {
		fmt.Fprintf(tw, "\tW%d", week)
	}
	fmt.Fprintln(tw, "\tnext")
	for k, w := range workshops {
		fmt.Fprintf(tw, "%s\t%s\t%.1f%%\t%s\t%s\n", w.id, w.name, 100*w.rate, strings.Join(severity[k], "\t"), status(states[k]))
	}
	if err := tw.Flush(); err != nil {
		return err
	}

	for _, s := range states {
		if s.Discontinued {
			b, err := json.Marshal(s)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "\nStored state of %s:\n%s\n", s.Producer, b)
			break
		}
	}
	fmt.Fprintln(w)
	return nextOrder(w, states)
}

func status(s aql.State) string {
	if s.Discontinued {
		return "discontinued"
	}
	return string(s.Severity)
}

// nextOrder shares the next 1,000-shirt order among the same workshops with
// capacity.Allocate, passing the inspection states: a workshop whose
// inspection is discontinued (ISO 2859-1 clause 9.4) is skipped as
// quality_hold until corrective action is recorded (aql.Resume).
func nextOrder(w io.Writer, states []aql.State) error {
	producers := make([]batik.Producer, len(workshops))
	for i, ws := range workshops {
		producers[i] = batik.Producer{ID: ws.id, Name: "Batik " + ws.name, Region: "33.72", Capabilities: []batik.Capability{
			{Technique: batik.Technique(technique), Grade: batik.Halus, PerWeek: ws.perWeek, UnitCost: decimal.NewFromInt(150000)},
		}}
	}
	order := batik.Order{ID: "NEXT-ORDER", Technique: batik.Technique(technique), MinGrade: batik.Halus, Quantity: 1000}
	plan, err := capacity.Allocate(order, producers, capacity.AllocateOptions{Weeks: weeks, Quality: states})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Next order: %d %s shirts over %d weeks, shared by capacity.Allocate with the inspection states\n", order.Quantity, technique, weeks)
	for _, l := range plan.Lines {
		fmt.Fprintf(w, "  %s  %4d\n", l.ProducerID, l.Quantity)
	}
	for _, s := range plan.Skipped {
		fmt.Fprintf(w, "  %s  skipped: %s\n", s.ProducerID, s.Reason)
	}
	fmt.Fprintf(w, "  unfilled: %d (the held workshops' weeks are not used)\n", plan.Unfilled)
	return nil
}
