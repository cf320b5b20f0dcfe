package capacity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// benchProducers makes n cap producers of about 100 pieces a week, a tenth
// of them tulis-only and a tenth of kasar grade, in random ID order.
func benchProducers(n int) []batik.Producer {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	ps := make([]batik.Producer, n)
	perm := rng.Perm(n)
	for i := range ps {
		tech, grade := batik.Cap, batik.Sedang
		switch i % 10 {
		case 3:
			tech = batik.Tulis
		case 7:
			grade = batik.Kasar
		}
		ps[i] = batik.Producer{
			ID: fmt.Sprintf("UMKM-%07d", perm[i]), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: tech, Grade: grade, PerWeek: 60 + rng.IntN(80), UnitCost: decimal.NewFromInt(int64(70000 + 500*rng.IntN(40)))}},
		}
	}
	return ps
}

// BenchmarkAllocate runs every policy at 10, 1,000 and 100,000 producers,
// with an order of 60% of their capacity (so every policy has to choose),
// and beside them a slices.Sort of the producers' IDs: the plan is sorted
// by ID and duplicates must be found, so that sort is the natural floor.
// From 1,000 producers on, each call is followed, outside the timer, by
// that sort, and x-sort is the median of the ratios call by call:
// Allocate's time over the sort's, both under the same load.
func BenchmarkAllocate(b *testing.B) {
	for _, n := range []int{10, 1000, 100000} {
		ps := benchProducers(n)
		order := batik.Order{ID: "O", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: min(batik.MaxQuantity, n*100*6/10*8/10)}
		ids := make([]string, n)
		for i := range ps {
			ids[i] = ps[i].ID
		}
		buf := make([]string, n)
		sortIDs := func() time.Duration {
			copy(buf, ids)
			t0 := time.Now()
			slices.Sort(buf)
			return time.Since(t0)
		}
		run := func(name string, opts AllocateOptions) {
			b.Run(strconv.Itoa(n)+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				var ratio []float64
				for b.Loop() {
					t0 := time.Now()
					plan, err := Allocate(order, ps, opts)
					took := time.Since(t0)
					if err != nil || plan.Unfilled != 0 {
						b.Fatal(err, plan.Unfilled)
					}
					if n >= 1000 {
						b.StopTimer()
						ratio = append(ratio, took.Seconds()/sortIDs().Seconds())
						b.StartTimer()
					}
				}
				if len(ratio) > 0 {
					b.ReportMetric(median(ratio), "x-sort")
				}
			})
		}
		for _, policy := range Policies() {
			run(policy.String(), AllocateOptions{Policy: policy})
		}
		run("MinLot50-Proportional", AllocateOptions{MinLot: 50})
		b.Run(strconv.Itoa(n)+"/slices.Sort-IDs", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sortIDs()
			}
		})
	}
}
