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
