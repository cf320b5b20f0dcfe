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
//
// Then the campaign's own lot: 1,000 shirts from 12 workshops, made once
// and delivered as one lot. No switching rules can follow a lot that has
// no successor, so it is inspected as an isolated lot: the plan for major
// defects protects the buyer at a limiting quality (aql.IsolatedPlan),
// beside the plan the AQL scheme would give. The officer draws the sample
// from a seed (aql.Draw), prints the pick list, records a verdict for
// critical, major and minor defects in one record (aql.JudgeIsolated) and
// shows the buyer the plans' OC table.
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

	states := make([]aql.State, len(workshops))
	for k, w := range workshops {
		s, err := aql.NewState(w.id, technique, major, aql.LevelII)
		if err != nil {
			return err
		}
		states[k] = s
	}
	fmt.Fprintf(w, "Order: 1,000 batik %s shirts, 10 workshops, 8 weekly lots each; AQL %s (major), level %s\n\n", technique, major, aql.LevelII)
	severity, err := inspectWeeks(w, states)
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "\nInspection severity by week (N normal, T tightened, R reduced, X discontinued)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
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
	if err := nextOrder(w, states); err != nil {
		return err
	}
	return campaignLot(w)
}

// inspectWeeks inspects every workshop's weekly lot for the eight weeks,
// printing a line per lot and updating states; it returns each workshop's
// severity week by week as one letter.
func inspectWeeks(w io.Writer, states []aql.State) ([][]string, error) {
	rng := rand.New(rand.NewPCG(2859, 1999))
	// severity[k][week] as one letter: N normal, T tightened, R reduced,
	// X discontinued (no lot inspected).
	severity := make([][]string, len(workshops))
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
				return nil, err
			}
			found := 0
			for range plan.SampleSize { // the officer inspects n shirts drawn at random
				if rng.Float64() < w.rate {
					found++
				}
			}
			v, err := aql.Inspect(s, aql.Lot{Size: w.perWeek, Nonconforming: found, Steady: true, Approved: true})
			if err != nil {
				return nil, err
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
		return nil, err
	}

	return severity, nil
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

// The campaign lot: 1,000 shirts from 12 workshops.
const (
	campaignSize = 1000
	campaignSeed = 20261221 // written into the record: Draw gives the same units again
)

// campaignClass is one class of nonconformity of the campaign lot.
type campaignClass struct {
	class aql.Class
	basis aql.Basis
	aql   string
	lq    int64   // limiting quality for the isolated plan, thousandths of a percent (0: the AQL scheme's plan)
	rate  float64 // fictional true rate: share of shirts, or nonconformities a shirt
}

var campaignClasses = []campaignClass{
	{aql.Critical, aql.Items, "0.10", 2000, 0.001},
	{aql.Major, aql.Items, "2.5", 8000, 0.03},
	{aql.Minor, aql.Nonconformities, "4.0", 0, 0.05},
}

// campaignLot inspects the campaign's one lot as an isolated lot.
func campaignLot(w io.Writer) error {
	fmt.Fprintf(w, "\nCampaign lot: 1,000 batik %s shirts from 12 workshops, made once: an isolated lot\n", technique)
	plans, err := campaignPlans(w)
	if err != nil {
		return err
	}
	largest := 0
	for _, p := range plans {
		largest = max(largest, p.Plan.SampleSize)
	}
	sample, err := aql.Draw(campaignSeed, campaignSize, largest)
	if err != nil {
		return err
	}
	printPickList(w, sample, plans)
	found := inspectSample(sample, plans)
	rec, err := aql.JudgeIsolated("KOPERASI-SOLO", technique, plans, aql.Inspection{
		LotID: "KAMPANYE-2026-12", Inspector: "Sri Wahyuni", Date: "2026-12-21",
		Size: campaignSize, Seed: campaignSeed, Found: found,
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nVerdict")
	for _, c := range rec.Classes {
		fmt.Fprintf(w, "  %-8s found %2d  Ac %2d  %s\n", c.Class, c.Found, c.Plan.Ac, verdictText(c.Accepted))
	}
	fmt.Fprintf(w, "  lot      %s (accepted only when every class is)\n", verdictText(rec.Accepted))
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nRecord kept with the delivery:\n%s\n", b)
	return ocTable(w, plans)
}

func verdictText(ok bool) string {
	if ok {
		return "accepted"
	}
	return "NOT accepted"
}

// campaignPlans prints, per class, the AQL scheme's plan beside the
// isolated plan, and returns the plans the lot is judged by.
func campaignPlans(w io.Writer) ([]aql.ClassPlan, error) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "class\tcounts\tAQL\tAQL scheme (normal)\tisolated lot: LQ, plan, P(accept at LQ)")
	var out []aql.ClassPlan
	for _, c := range campaignClasses {
		a := aql.MustParseAQL(c.aql)
		scheme, err := aql.PlanFor(campaignSize, aql.LevelII, a, aql.Normal)
		if err != nil {
			return nil, err
		}
		scheme.Basis = c.basis
		use, iso := scheme, "the scheme's plan (nonconformities per 100 items)"
		if c.lq > 0 {
			p, pa, err := aql.IsolatedPlan(campaignSize, a, c.lq, 100)
			if err != nil {
				return nil, err
			}
			use, iso = p, fmt.Sprintf("LQ %.1f%%: %s n=%d Ac=%d, %.3f", float64(c.lq)/1000, p.PlanLetter, p.SampleSize, p.Ac, pa)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s n=%d Ac=%d\t%s\n", c.class, c.basis, a, scheme.PlanLetter, scheme.SampleSize, scheme.Ac, iso)
		out = append(out, aql.ClassPlan{Class: c.class, Plan: use})
	}
	return out, tw.Flush()
}

// printPickList prints the drawn units in the order drawn, ten a line;
// each class inspects the first n of them.
func printPickList(w io.Writer, s aql.Sample, plans []aql.ClassPlan) {
	fmt.Fprintf(w, "\nPick list: shirts numbered 1 to %d, %d drawn from seed %d (ChaCha8, Floyd's algorithm)\n", s.LotSize, len(s.Units), s.Seed)
	for _, p := range plans {
		fmt.Fprintf(w, "  %s inspects picks 1 to %d\n", p.Class, p.Plan.SampleSize)
	}
	for i := 0; i < len(s.Units); i += 10 {
		fmt.Fprintf(w, "  %3d-%3d:", i+1, min(i+10, len(s.Units)))
		for _, u := range s.Units[i:min(i+10, len(s.Units))] {
			fmt.Fprintf(w, " %4d", u)
		}
		fmt.Fprintln(w)
	}
}

// inspectSample simulates the officer's findings with the classes'
// fictional true rates, one shirt at a time in pick order.
func inspectSample(s aql.Sample, plans []aql.ClassPlan) []int {
	rng := rand.New(rand.NewPCG(campaignSeed, 2))
	found := make([]int, len(plans))
	for i := range s.Units {
		for k, p := range plans {
			if i >= p.Plan.SampleSize {
				continue
			}
			rate := campaignClasses[k].rate
			if campaignClasses[k].basis == aql.Nonconformities {
				for f := 0; f < 3; f++ { // up to three flaws a shirt, each counted
					if rng.Float64() < rate/3 {
						found[k]++
					}
				}
			} else if rng.Float64() < rate {
				found[k]++
			}
		}
	}
	return found
}

// ocTable prints the probability of accepting the lot at several
// qualities: major's isolated plan and the AQL scheme's plan for the lot
// of 1,000 (hypergeometric), and minor's plan (Poisson).
func ocTable(w io.Writer, plans []aql.ClassPlan) error {
	scheme, err := aql.PlanFor(campaignSize, aql.LevelII, aql.MustParseAQL("2.5"), aql.Normal)
	if err != nil {
		return err
	}
	major, minor := plans[1].Plan, plans[2].Plan
	fmt.Fprintln(w, "\nOC table: probability of accepting the lot of 1,000")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "quality\tmajor, isolated %s n=%d Ac=%d\tmajor, scheme %s n=%d Ac=%d\tminor %s n=%d Ac=%d (per 100)\t\n",
		major.PlanLetter, major.SampleSize, major.Ac, scheme.PlanLetter, scheme.SampleSize, scheme.Ac, minor.PlanLetter, minor.SampleSize, minor.Ac)
	for _, q := range []int64{1000, 2500, 4000, 5000, 6500, 8000, 10000, 12500} {
		iso, err := aql.Acceptance(major, aql.Hypergeometric, q, campaignSize)
		if err != nil {
			return err
		}
		sch, err := aql.Acceptance(scheme, aql.Hypergeometric, q, campaignSize)
		if err != nil {
			return err
		}
		mi, err := aql.Acceptance(minor, aql.Poisson, q, 0)
		if err != nil {
			return err
		}
		fmt.Fprintf(tw, "%.1f%%\t%.3f\t%.3f\t%.3f\t\n", float64(q)/1000, iso, sch, mi)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	aoql, at, err := aql.AOQL(scheme, aql.Binomial, campaignSize)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "AOQL of the scheme's plan over a series of such lots (rejected lots sorted): %.2f%% at %.2f%% incoming\n", aoql/1000, float64(at)/1000)
	return nil
}
