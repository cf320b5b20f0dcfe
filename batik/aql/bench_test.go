package aql

import (
	"strconv"
	"testing"
)

func BenchmarkInspect(b *testing.B) {
	s, err := NewState("ws-01", "tulis", MustParseAQL("2.5"), LevelII)
	if err != nil {
		b.Fatal(err)
	}
	s.Recent, s.SwitchingScore = "AAA", 9
	for _, size := range []int{50, 1000, 600000} {
		b.Run("lot="+strconv.Itoa(size), func(b *testing.B) {
			lot := Lot{Size: size, Nonconforming: 1}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Inspect(s, lot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPlanFor(b *testing.B) {
	a := MustParseAQL("0.010")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PlanFor(1000, LevelII, a, Tightened); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIsolatedPlan chooses the plan of an isolated lot: the
// campaign's lot of 1,000 shirts, and the worst case, a lot of 10^9 at
// AQL 0.010 whose rows' arrows lead to one large plan that misses the
// risk (no plan is found).
func BenchmarkIsolatedPlan(b *testing.B) {
	for _, c := range []struct {
		name string
		lot  int
		aql  string
		lq   int64
		ok   bool
	}{
		{"lot=1000", 1000, "1.0", 8000, true},
		{"lot=1e9", 1_000_000_000, "0.010", 100, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			a := MustParseAQL(c.aql)
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := IsolatedPlan(c.lot, a, c.lq, 100); (err == nil) != c.ok {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAcceptanceExact computes one exact probability of acceptance:
// the campaign's plan (n = 200, Ac = 10) on a lot of 1,000, and the
// largest sample (n = 3,150) on a lot of 10^9.
func BenchmarkAcceptanceExact(b *testing.B) {
	for _, c := range []struct {
		name string
		p    Plan
		lot  int
	}{
		{"n=200", Plan{SampleSize: 200, Ac: 10, Re: 11}, 1000},
		{"n=3150", Plan{SampleSize: 3150, Ac: 44, Re: 45}, 1_000_000_000},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := AcceptanceExact(c.p, Hypergeometric, 8000, c.lot); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDraw draws the sample of a lot of 1,000 (n = 200) and of the
// largest lot (n = 3,150 of 10^9).
func BenchmarkDraw(b *testing.B) {
	for _, c := range []struct{ lot, n int }{{1000, 200}, {1_000_000_000, 3150}} {
		b.Run(strconv.Itoa(c.n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Draw(2859, c.lot, c.n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkInspectLot judges a lot of 1,000 for three classes.
func BenchmarkInspectLot(b *testing.B) {
	var states []State
	for _, c := range []struct {
		class Class
		basis Basis
		aql   string
	}{{Critical, Items, "0.10"}, {Major, Items, "2.5"}, {Minor, Nonconformities, "4.0"}} {
		s, err := NewClassState("ws-03", "tulis", c.class, c.basis, MustParseAQL(c.aql), LevelII)
		if err != nil {
			b.Fatal(err)
		}
		states = append(states, s)
	}
	in := Inspection{LotID: "KAMPANYE-01", Inspector: "Sri", Date: "2026-12-21", Size: 1000, Seed: 2859, Found: []int{0, 4, 9}}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := InspectLot(states, in); err != nil {
			b.Fatal(err)
		}
	}
}
