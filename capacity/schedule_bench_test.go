package capacity

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// campaign is the size of a benchmark campaign: orders x producers x
// weeks.
type campaign struct{ orders, producers, weeks int }

func (c campaign) String() string {
	return strconv.Itoa(c.orders) + "x" + strconv.Itoa(c.producers) + "x" + strconv.Itoa(c.weeks)
}

// benchSizes are the campaigns BenchmarkSchedule solves. 300 x 250 x 4 is
// the problem whose week-by-week network (an arc per order, producer and
// week) has about 1,300 nodes and 150,000 arcs; Schedule's network for it
// is smaller (see schedule.go).
var benchSizes = []campaign{{100, 50, 4}, {300, 250, 4}, {500, 320, 6}, {1000, 500, 8}}

// BenchmarkSchedule solves whole campaigns; the arcs metric is the size of
// the flow network, for comparing with other min-cost flow solvers on the
// DIMACS file WriteDIMACS writes for the same input.
func BenchmarkSchedule(b *testing.B) {
	for _, size := range benchSizes {
		benchSchedule(b, size.String(), size, ScheduleOptions{From: start})
		benchSchedule(b, size.String()+"/Spread", size, ScheduleOptions{From: start, Spread: true})
	}
}

// benchSchedule runs Schedule on the campaign of the given size as the
// sub-benchmark name, and reports its network's nodes and arcs and the
// time per million arcs (s/Marcs).
func benchSchedule(b *testing.B, name string, size campaign, opts ScheduleOptions) {
	orders, producers := scheduleInstance(size.orders, size.producers, size.weeks)
	n, err := buildNetwork(orders, producers, opts)
	if err != nil {
		b.Fatal(err)
	}
	arcs := float64(n.g.NumArcs())
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Schedule(orders, producers, opts); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(n.g.NumNodes()), "nodes")
		b.ReportMetric(arcs, "arcs")
		b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/(arcs/1e6), "s/Marcs")
	})
}

// TestScheduleAgainstLEMON is an external oracle: LEMON's NetworkSimplex
// (dimacs-solver from Debian's liblemon-utils) solves the DIMACS file
// WriteDIMACS writes, and its optimum must equal Schedule's cost in sen
// plus the penalty times the unfilled pieces. It runs on random instances
// and on the benchmark instances. Without dimacs-solver on PATH it skips,
// unless BATIKKIT_REQUIRE_LEMON is set (CI sets it and installs LEMON).
// With BATIKKIT_DIMACS_DIR set, the benchmark instances' files are kept
// there, for timing LEMON on the same problems.
func TestScheduleAgainstLEMON(t *testing.T) {
	solver, err := exec.LookPath("dimacs-solver")
	if err != nil {
		if os.Getenv("BATIKKIT_REQUIRE_LEMON") != "" {
			t.Fatal("dimacs-solver not found and BATIKKIT_REQUIRE_LEMON is set: apt-get install liblemon-utils")
		}
		t.Skip("dimacs-solver (Debian liblemon-utils) not on PATH; set BATIKKIT_REQUIRE_LEMON to make this an error")
	}
	dir := os.Getenv("BATIKKIT_DIMACS_DIR")
	keep := dir != ""
	if !keep {
		dir = t.TempDir()
	}
	type instance struct {
		name      string
		orders    []batik.Order
		producers []batik.Producer
	}
	var list []instance
	rng := rand.New(rand.NewPCG(41, 42))
	for i := range 20 {
		orders, producers := randSchedule(rng, 1+rng.IntN(40), 1+rng.IntN(12), 6, 300, 80)
		list = append(list, instance{fmt.Sprintf("random-%02d", i), orders, producers})
	}
	for _, size := range benchSizes {
		orders, producers := scheduleInstance(size.orders, size.producers, size.weeks)
		list = append(list, instance{"schedule-" + size.String(), orders, producers})
	}
	for _, in := range list {
		path := filepath.Join(dir, in.name+".min")
		var buf bytes.Buffer
		require.NoError(t, WriteDIMACS(&buf, in.orders, in.producers, ScheduleOptions{From: start}))
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
		tt, err := Schedule(in.orders, in.producers, ScheduleOptions{From: start})
		require.NoError(t, err)
		m := regexp.MustCompile(`unfilled pieces cost (\d+) each`).FindSubmatch(buf.Bytes())
		require.NotNil(t, m, "penalty comment")
		penalty, _ := strconv.ParseInt(string(m[1]), 10, 64)
		var unfilled int64
		for _, u := range tt.Unfilled {
			unfilled += int64(u)
		}
		cents, ok := pricing.Cents(tt.Cost)
		require.True(t, ok)
		out, err := exec.Command(solver, "-long", path).CombinedOutput()
		require.NoError(t, err, "%s", out)
		m = regexp.MustCompile(`Min flow cost: (\d+)`).FindSubmatch(out)
		require.NotNil(t, m, "%s: no optimum in LEMON's output:\n%s", in.name, out)
		lemon, _ := strconv.ParseInt(string(m[1]), 10, 64)
		assert.Equal(t, lemon, cents+penalty*unfilled, "%s: LEMON's optimum", in.name)
	}
}

// BenchmarkScheduleLEMON times the whole Schedule call beside LEMON's
// NetworkSimplex solving the network WriteDIMACS writes for the same input
// (dimacs-solver -long, Debian's liblemon-utils; skipped without it). After
// each timed call, outside the timer, it runs dimacs-solver on the file and
// reads the solve time it prints ("Run NetworkSimplex", which leaves out
// reading the file and setting up the class), so the two take turns under
// the same load. lemon-ns/op is LEMON's median solve time and x-lemon the
// median of the ratios call by call: Schedule's time over LEMON's.
func BenchmarkScheduleLEMON(b *testing.B) {
	solver, err := exec.LookPath("dimacs-solver")
	if err != nil {
		b.Skip("dimacs-solver (Debian liblemon-utils) not on PATH")
	}
	runTime := regexp.MustCompile(`Run NetworkSimplex:.*real: ([0-9.e-]+)s`)
	for _, size := range benchSizes {
		if size.orders != 300 && size.orders != 1000 {
			continue
		}
		orders, producers := scheduleInstance(size.orders, size.producers, size.weeks)
		name := size.String()
		path := filepath.Join(b.TempDir(), name+".min")
		var buf bytes.Buffer
		if err := WriteDIMACS(&buf, orders, producers, ScheduleOptions{From: start}); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			var lemon, ratio []float64
			for b.Loop() {
				t0 := time.Now()
				if _, err := Schedule(orders, producers, ScheduleOptions{From: start}); err != nil {
					b.Fatal(err)
				}
				ours := time.Since(t0).Seconds()
				b.StopTimer()
				out, err := exec.Command(solver, "-long", path).CombinedOutput()
				m := runTime.FindSubmatch(out)
				if err != nil || m == nil {
					b.Fatalf("%v: %s", err, out)
				}
				secs, err := strconv.ParseFloat(string(m[1]), 64)
				if err != nil || secs <= 0 {
					b.Fatalf("LEMON's solve time %q", m[1])
				}
				lemon = append(lemon, secs)
				ratio = append(ratio, ours/secs)
				b.StartTimer()
			}
			b.ReportMetric(median(lemon)*1e9, "lemon-ns/op")
			b.ReportMetric(median(ratio), "x-lemon")
		})
	}
}

// median returns the middle value of xs (the mean of the two middle
// values when len(xs) is even), sorting xs.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	return (xs[(n-1)/2] + xs[n/2]) / 2
}

// growthSizes are the campaigns BenchmarkScheduleGrowth solves: 104 weeks
// (the longest horizon, MaxWeeks), orders and producers growing together,
// about doubling the arcs from one size to the next.
var growthSizes = []campaign{{250, 250, 104}, {500, 500, 104}, {1000, 1000, 104}, {2000, 2000, 104}}

// BenchmarkScheduleGrowth shows how Schedule's time grows with the size of
// its network: s/Marcs is the time per million arcs, constant if the time
// grows linearly. Run with -benchtime 1x: the largest takes seconds.
func BenchmarkScheduleGrowth(b *testing.B) {
	for _, size := range growthSizes {
		benchSchedule(b, size.String(), size, ScheduleOptions{From: start})
	}
}
