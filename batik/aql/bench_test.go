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
