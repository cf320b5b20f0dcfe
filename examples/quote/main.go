// Command quote prices a marketplace campaign order of batik cap shirts and
// kain tulis with volume tiers, a seller discount, PPN, shipping and the
// marketplace's fees, then splits the producer budget into payouts that add
// up to the rupiah.
//
//	go run ./examples/quote
//
// The fee schedules below are examples, dated; marketplaces change their
// rates often, so a real service loads them as data.
package main

import (
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// workshops share the 1,000 shirts: cap, grade sedang or better.
var workshops = []batik.Producer{
	workshop("SLO-02", "33.72", 180, "82000"), workshop("SLO-04", "33.72", 198, "80000"),
	workshop("SLO-07", "33.72", 189, "84000"), workshop("PKL-03", "33.75", 180, "79000"),
	workshop("PKL-04", "33.75", 260, "76000"),
}

func workshop(id, region string, perWeek int, cost string) batik.Producer {
	return batik.Producer{ID: id, Name: "Batik " + id, Region: region, Capabilities: []batik.Capability{
		{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: perWeek, UnitCost: rp(cost)},
	}}
}

// Example fee schedules as published for the fashion category in 2025-2026
// (commission on price after seller discount, tax included, capped at
// Rp40.000 a piece; Rp1.250 order processing fee). Illustrative:
// check the marketplace's current terms before relying on them.
var schedules = []pricing.FeeSchedule{
	{Name: "Marketplace A, fashion, dynamic commission (example, 2026-01)", Commission: rp("0.065"), CommissionCap: rp("40000"), OrderFee: rp("1250")},
	{Name: "Marketplace B, fashion (example, 2025-10)", Commission: rp("0.082"), CommissionCap: rp("40000"), OrderFee: rp("1250"), PaymentRate: rp("0.01")},
}

func rp(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quote:", err)
		os.Exit(1)
	}
}

func run(w io.Writer) error {
	q := pricing.Quote{
		Lines: []pricing.QuoteLine{
			{SKU: "KMJ-CAP-PARANG", Quantity: 1000, Discount: rp("5000"), Tiers: pricing.Tiers{
				{MinQuantity: 1, UnitPrice: rp("185000")},
				{MinQuantity: 100, UnitPrice: rp("165000")},
				{MinQuantity: 500, UnitPrice: rp("155000")},
			}},
			{SKU: "KAIN-TULIS-SIDOMUKTI", Quantity: 20, UnitPrice: rp("1450000")},
		},
		Discount: rp("2500000"), // campaign voucher paid by the seller
		Tax:      pricing.PPN,
		Shipping: rp("1850000"),
		Fees:     &schedules[0],
	}
	b, err := q.Price()
	if err != nil {
		return err
	}
	f := pricing.Format
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "Campaign order: quote")
	fmt.Fprintln(tw, "SKU\tqty\tunit price\tgross\tline discount\tvoucher share\tamount\t")
	for _, l := range b.Lines {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", l.SKU, l.Quantity, f(l.UnitPrice), f(l.Gross), f(l.LineDiscount), f(l.OrderDiscount), f(l.Amount))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	rows := []struct {
		label string
		v     decimal.Decimal
	}{
		{"Subtotal", b.Subtotal},
		{"Discounts", b.Discount.Neg()},
		{"Goods (DPP)", b.Net},
		{b.TaxName, b.Tax},
		{"Shipping", b.Shipping},
		{"Total paid by the buyer", b.Total},
		{"Marketplace commission", b.Settlement.Commission.Neg()},
		{"Order processing fee", b.Settlement.OrderFee.Neg()},
		{"Payment fee", b.Settlement.PaymentFee.Neg()},
		{"Seller receives", b.SellerReceives},
	}
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t\n", r.label, f(r.v))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "(fees from %q)\n\n", q.Fees.Name)

	// The shirts are shared among the workshops by capacity.Allocate, and
	// the producer budget of Rp82.000 a piece is paid by pieces made.
	order := batik.Order{ID: "CAMPAIGN-SHIRTS", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}
	plan, err := capacity.Allocate(order, workshops, capacity.AllocateOptions{})
	if err != nil {
		return err
	}
	budget := rp("82000").Mul(decimal.NewFromInt(int64(plan.Filled())))
	payouts, err := pricing.Payouts(budget, plan.Shares(), rp("1"))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Producer payouts for %d shirts, budget %s\n", 1000, f(budget))
	fmt.Fprintln(tw, "producer\tpieces\tpayout\tPPh final 0,5%\tafter PPh\t")
	sum := decimal.Zero
	for _, p := range payouts {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t\n", p.ProducerID, p.Quantity, f(p.Amount), f(p.PPhFinal), f(p.AfterPPh))
		sum = sum.Add(p.Amount)
	}
	fmt.Fprintf(tw, "total\t\t%s\t\t\t\n", f(sum))
	if err := tw.Flush(); err != nil {
		return err
	}
	if !sum.Equal(budget) {
		return fmt.Errorf("payouts sum to %s, not %s", f(sum), f(budget))
	}
	return nil
}
