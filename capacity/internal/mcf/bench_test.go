package mcf

import (
	"os"
	"path/filepath"
	"testing"
)

// dimacsEnv names the DIMACS files BenchmarkSolveDIMACS solves, separated
// as in PATH (e.g. the files capacity's TestWriteBenchDIMACS writes).
const dimacsEnv = "BATIKKIT_MCF_DIMACS"

// BenchmarkSolveDIMACS times Solve alone on each file named by
// $BATIKKIT_MCF_DIMACS, reading it before the timer starts, for comparing
// with another solver on the same file, e.g. LEMON's
// "dimacs-solver -long FILE", which reports its solve time apart from its
// reading time.
func BenchmarkSolveDIMACS(b *testing.B) {
	list := os.Getenv(dimacsEnv)
	if list == "" {
		b.Skip(dimacsEnv + " not set")
	}
	for _, name := range filepath.SplitList(list) {
		b.Run(filepath.Base(name), func(b *testing.B) {
			f, err := os.Open(name)
			if err != nil {
				b.Fatal(err)
			}
			g, err := readDIMACS(f)
			f.Close()
			if err != nil {
				b.Fatal(name, err)
			}
			b.ReportAllocs()
			var r Result
			for b.Loop() {
				if r, err = g.Solve(); err != nil || r.Status != Optimal {
					b.Fatal(r.Status, err)
				}
			}
			b.StopTimer()
			cost := check(b, g, r)
			b.ReportMetric(float64(cost), "cost")
			b.ReportMetric(float64(g.NumArcs()), "arcs")
			b.ReportMetric(float64(pivots(b, g)), "pivots")
		})
	}
}

// pivots solves g as Solve does and returns the number of pivots.
func pivots(t testing.TB, g *Graph) int {
	t.Helper()
	s := newSolver(g)
	if st, err := s.init(); st != Optimal || err != nil {
		t.Fatal(st, err)
	}
	if st := s.start(); st != Optimal {
		t.Fatal(st)
	}
	return s.pivots
}
