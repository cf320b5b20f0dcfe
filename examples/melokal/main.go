// Command melokal runs the scenario batikkit was started for, end to end,
// on built-in fictional data: a marketplace campaign orders 1,000 batik cap
// shirts at grade sedang or better, due in 4 weeks, from 15 workshops in
// Surakarta and Pekalongan. Most make 20 to 30 shirts a week for the
// campaign, a few far more; some make only batik tulis, some only reach
// grade kasar.
//
//	go run ./examples/melokal
//
// It prints the plan under every policy side by side, the workshops that
// cannot take part and why, and for the chosen plan each workshop's payout,
// split with package pricing so the payouts add up exactly to the
// campaign's producer budget.
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

//go:embed workshops.csv
var workshops string

// The campaign: 1,000 cap shirts, grade sedang or better, 4 weeks, and a
// producer budget of Rp82.000 a shirt.
var (
	order = batik.Order{ID: "MELOKAL-2026-12", SKU: "KMJ-CAP-PARANG", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}
	weeks = 4
	// The budget a shirt for the producers, set by the campaign.
	budgetPerPiece = decimal.NewFromInt(82000)
	chosen         = capacity.Proportional
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "melokal:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	producers, err := batik.ReadProducersCSV(strings.NewReader(workshops))
	if err != nil {
		return err // the built-in data is valid; any problem is a bug
	}
	fmt.Fprintf(w, "Order %s: %d %s shirts, grade %s or better, %d weeks, %d workshops\n\n",
		order.ID, order.Quantity, order.Technique, order.MinGrade, weeks, len(producers))

	policies := capacity.Policies()
	plans := make([]capacity.Plan, len(policies))
	for i, p := range policies {
		plans[i], err = capacity.Allocate(order, producers, capacity.AllocateOptions{Policy: p, Weeks: weeks})
		if err != nil {
			return err
		}
	}
	if err := sideBySide(w, producers, policies, plans); err != nil {
		return err
	}
	names := map[string]string{}
	for _, p := range producers {
		names[p.ID] = p.Name
	}
	fmt.Fprintln(w, "\nCannot take part:")
	for _, s := range plans[0].Skipped {
		if s.Reason != capacity.NotNeeded {
			fmt.Fprintf(w, "  %-34s %s\n", s.ProducerID+" "+names[s.ProducerID], s.Reason)
		}
	}
	plan := plans[0]
	for i, p := range policies {
		if p == chosen {
			plan = plans[i]
		}
	}
	return printPayouts(w, plan, names)
}

// sideBySide prints one row per workshop that can take part, with its
// share under each policy, and the plans' totals.
func sideBySide(w io.Writer, producers []batik.Producer, policies []capacity.Policy, plans []capacity.Plan) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-34s\tcapacity\tunit cost\t", "workshop")
	for _, p := range policies {
		fmt.Fprintf(tw, "%s\t", p)
	}
	fmt.Fprintln(tw)
	eligible := map[string]bool{}
	for _, pl := range plans {
		for _, l := range pl.Lines {
			eligible[l.ProducerID] = true
		}
		for _, s := range pl.Skipped {
			if s.Reason == capacity.NotNeeded {
				eligible[s.ProducerID] = true
			}
		}
	}
	for _, p := range producers {
		if !eligible[p.ID] {
			continue
		}
		c, _ := p.Capability(order.Technique)
		fmt.Fprintf(tw, "%-34s\t%d\t%s\t", p.ID+" "+p.Name, c.PerWeek*weeks, pricing.Format(c.UnitCost))
		for _, pl := range plans {
			q := 0
			for _, l := range pl.Lines {
				if l.ProducerID == p.ID {
					q = l.Quantity
				}
			}
			if q == 0 {
				fmt.Fprint(tw, "-\t")
			} else {
				fmt.Fprintf(tw, "%d\t", q)
			}
		}
		fmt.Fprintln(tw)
	}
	for _, row := range []struct {
		label string
		cell  func(capacity.Plan) string
	}{
		{"workshops taking part", func(pl capacity.Plan) string { return fmt.Sprint(len(pl.Lines)) }},
		{"pieces placed", func(pl capacity.Plan) string { return fmt.Sprint(pl.Filled()) }},
		{"unfilled", func(pl capacity.Plan) string { return fmt.Sprint(pl.Unfilled) }},
		{"producer cost", func(pl capacity.Plan) string { return pricing.Format(pl.Cost()) }},
	} {
		fmt.Fprintf(tw, "%-34s\t\t\t", row.label)
		for _, pl := range plans {
			fmt.Fprintf(tw, "%s\t", row.cell(pl))
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}

// printPayouts prints the payouts of the chosen plan: the campaign's
// producer budget, split in proportion to the pieces each workshop makes
// (Plan.Shares), to the rupiah, and checks they add up to it.
func printPayouts(w io.Writer, plan capacity.Plan, names map[string]string) error {
	budget := budgetPerPiece.Mul(decimal.NewFromInt(int64(plan.Filled())))
	payouts, err := pricing.Payouts(budget, plan.Shares(), decimal.NewFromInt(1))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nPayouts under %s: producer budget %s (%s a shirt x %d shirts)\n",
		chosen, pricing.Format(budget), pricing.Format(budgetPerPiece), plan.Filled())
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "%-34s\tshirts\tat unit cost\tpayout\tPPh final 0,5%%\t\n", "workshop")
	sum, pph := decimal.Zero, decimal.Zero
	for i, l := range plan.Lines {
		atCost := l.UnitCost.Mul(decimal.NewFromInt(int64(l.Quantity)))
		fmt.Fprintf(tw, "%-34s\t%d\t%s\t%s\t%s\t\n", l.ProducerID+" "+names[l.ProducerID], l.Quantity, pricing.Format(atCost), pricing.Format(payouts[i].Amount), pricing.Format(payouts[i].PPhFinal))
		sum = sum.Add(payouts[i].Amount)
		pph = pph.Add(payouts[i].PPhFinal)
	}
	fmt.Fprintf(tw, "%-34s\t%d\t%s\t%s\t%s\t\n", "total", plan.Filled(), pricing.Format(plan.Cost()), pricing.Format(sum), pricing.Format(pph))
	if err := tw.Flush(); err != nil {
		return err
	}
	if !sum.Equal(budget) {
		return fmt.Errorf("payouts sum to %s, not the budget %s", pricing.Format(sum), pricing.Format(budget))
	}
	fmt.Fprintln(w, "\nThe payouts add up exactly to the budget.")
	return nil
}
