package capacity

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// scheduleInstance makes a campaign: orders of cap, tulis and kombinasi
// with due dates spread over the horizon, and producers of about 100 cap
// pieces a week (fewer tulis), with grades and costs varied.
func scheduleInstance(nOrders, nProducers, weeks int) ([]batik.Order, []batik.Producer) {
	rng := rand.New(rand.NewPCG(uint64(nOrders), uint64(nProducers)))
	techs := []batik.Technique{batik.Cap, batik.Cap, batik.Cap, batik.Tulis, batik.Kombinasi}
	grades := []batik.Grade{batik.Halus, batik.Sedang, batik.Sedang, batik.Kasar}
	orders := make([]batik.Order, nOrders)
	for i := range orders {
		t := techs[rng.IntN(len(techs))]
		q := 50 + rng.IntN(400)
		if t == batik.Tulis {
			q = 5 + rng.IntN(40)
		}
		orders[i] = batik.Order{ID: fmt.Sprintf("ORD-%05d", i), Technique: t, MinGrade: grades[1+rng.IntN(3)], Quantity: q,
			Due: due(1 + rng.IntN(weeks))}
	}
	ps := make([]batik.Producer, nProducers)
	for i := range ps {
		g := grades[rng.IntN(4)]
		p := batik.Producer{ID: fmt.Sprintf("UMKM-%05d", i), Name: "Batik", Region: "33.72"}
		p.Capabilities = append(p.Capabilities, batik.Capability{Technique: batik.Cap, Grade: g, PerWeek: 60 + rng.IntN(80), UnitCost: decimal.NewFromInt(int64(70000 + 500*rng.IntN(40)))})
		if rng.IntN(3) == 0 {
			p.Capabilities = append(p.Capabilities, batik.Capability{Technique: batik.Tulis, Grade: g, PerWeek: 2 + rng.IntN(6), UnitCost: decimal.NewFromInt(int64(350000 + 5000*rng.IntN(40)))})
		}
		if rng.IntN(3) == 0 {
			p.Capabilities = append(p.Capabilities, batik.Capability{Technique: batik.Kombinasi, Grade: g, PerWeek: 10 + rng.IntN(30), UnitCost: decimal.NewFromInt(int64(150000 + 2500*rng.IntN(40)))})
		}
		ps[i] = p
	}
	return orders, ps
}

// benchSizes are the campaigns BenchmarkSchedule solves: orders x
// producers x weeks. 300 x 250 x 4 is the problem whose week-by-week
// network (an arc per order, producer and week) has about 1,300 nodes and
// 150,000 arcs; Schedule's network for it is smaller (see schedule.go).
var benchSizes = []struct{ orders, producers, weeks int }{
	{100, 50, 4}, {300, 250, 4}, {500, 320, 6}, {1000, 500, 8},
}

// BenchmarkSchedule solves whole campaigns; the arcs metric is the size of
// the flow network, for comparing with other min-cost flow solvers on the
// DIMACS file WriteDIMACS writes for the same input.
func BenchmarkSchedule(b *testing.B) {
	for _, size := range benchSizes {
		orders, producers := scheduleInstance(size.orders, size.producers, size.weeks)
		n, err := buildNetwork(orders, producers, ScheduleOptions{From: start})
		if err != nil {
			b.Fatal(err)
		}
		name := strconv.Itoa(size.orders) + "x" + strconv.Itoa(size.producers) + "x" + strconv.Itoa(size.weeks)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Schedule(orders, producers, ScheduleOptions{From: start}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n.g.NumNodes()), "nodes")
			b.ReportMetric(float64(n.g.NumArcs()), "arcs")
		})
		b.Run(name+"/Spread", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Schedule(orders, producers, ScheduleOptions{From: start, Spread: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestWriteBenchDIMACS writes the benchmark instances as DIMACS files into
// $BATIKKIT_DIMACS_DIR, for timing an external solver on the same
// problems (see WriteDIMACS). It does nothing when the variable is unset.
func TestWriteBenchDIMACS(t *testing.T) {
	dir := os.Getenv("BATIKKIT_DIMACS_DIR")
	if dir == "" {
		t.Skip("BATIKKIT_DIMACS_DIR not set")
	}
	for _, size := range benchSizes {
		orders, producers := scheduleInstance(size.orders, size.producers, size.weeks)
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("schedule-%dx%dx%d.min", size.orders, size.producers, size.weeks)))
		if err != nil {
			t.Fatal(err)
		}
		if err := WriteDIMACS(f, orders, producers, ScheduleOptions{From: start}); err != nil {
			t.Fatal(err)
		}
		tt, err := Schedule(orders, producers, ScheduleOptions{From: start})
		if err != nil {
			t.Fatal(err)
		}
		unfilled := 0
		for _, u := range tt.Unfilled {
			unfilled += u
		}
		t.Logf("%s: cost %s, unfilled %d", f.Name(), tt.Cost, unfilled)
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
