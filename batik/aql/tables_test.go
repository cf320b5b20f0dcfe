package aql

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The structure of the master tables, stated independently of the
// transcription: a cell's entry depends on d = row + column (rows A = 0 ...
// R = 15, columns 0.010 = 0 ... 1000 = 25), as printed in ISO 2859-1:1999.
// This is the description each transcribed cell is checked against.
const (
	wDn = -1
	wUp = -2
)

func wantNormal(i, j int) int {
	d := i + j
	switch {
	case i == 0 && j == 15: // A at 10: no row above, first plan below
		return wDn
	case i == 15 && j == 1: // R at 0.015: no row below, first plan above
		return wUp
	case d <= 13:
		return wDn
	case d == 14:
		return 0
	case d == 15:
		return wUp
	case d == 16:
		return wDn
	case d <= 24:
		return []int{1, 2, 3, 5, 7, 10, 14, 21}[d-17]
	case d <= 26 && i <= 4: // Ac 30 and 44 only for code letters A to E
		return []int{30, 44}[d-25]
	}
	return wUp
}

func wantTightened(i, j int) int {
	d := i + j
	switch {
	case i == 0 && j == 15: // A at 10: a down arrow, as in MIL-STD-105E
		return wDn
	case i == 15 && j == 1: // R at 0.015
		return wUp
	case d <= 14:
		return wDn
	case d == 15:
		return 0
	case d == 16, d == 17:
		return wDn
	case d <= 24:
		return []int{1, 2, 3, 5, 8, 12, 18}[d-18]
	case d <= 26 && i <= 4:
		return []int{27, 41}[d-25]
	}
	return wUp
}

// Rows A, B and C of Table 2-C all have n = 2 and are printed in full
// (ISO 2859-1:1999 = GB/T 2828.1-2012, printed page 17); "v" is a down
// arrow, "^" an up arrow, a number the plan's Ac.
var reducedTop = [3]string{
	"v v v v v v v v v v v v v v 0 v v 1 2 3 5 7 10 14 21 30",
	"v v v v v v v v v v v v v 0 ^ v v 1 2 3 5 7 10 14 21 30",
	"v v v v v v v v v v v v 0 ^ v v 1 2 3 5 6 8 10 14 21 ^",
}

// wantReduced describes Table 2-C of the 1999 edition: below row C the
// diagonal d = row + column runs down arrows, 0/1, an up arrow, two down
// arrows, then 1/2, 2/3, 3/4, 5/6, 6/7, 8/9, 10/11 (14/15 and 21/22 in
// rows D and E), then up arrows. In the corner the arrows of Q at 0.025
// and R at 0.015 and 0.025 point up, as no plan lies below them.
func wantReduced(i, j int) int {
	if i < 3 {
		switch f := strings.Fields(reducedTop[i])[j]; f {
		case "v":
			return wDn
		case "^":
			return wUp
		default:
			var ac int
			_, _ = fmt.Sscan(f, &ac)
			return ac
		}
	}
	d := i + j
	switch {
	case i == 14 && j == 2, i == 15 && (j == 1 || j == 2):
		return wUp
	case d <= 13:
		return wDn
	case d == 14:
		return 0
	case d == 15:
		return wUp
	case d == 16, d == 17:
		return wDn
	case d <= 24:
		return []int{1, 2, 3, 5, 6, 8, 10}[d-18]
	case d <= 26 && i <= 4:
		return []int{14, 21}[d-25]
	}
	return wUp
}

func TestTables2EveryCell(t *testing.T) {
	tests := []struct {
		give Severity
		want func(i, j int) int
	}{
		{Normal, wantNormal},
		{Tightened, wantTightened},
		{Reduced, wantReduced},
	}
	for _, tt := range tests {
		t.Run(string(tt.give), func(t *testing.T) {
			for i := range letters {
				for j := range numAQL {
					c := cellAt(tt.give, i, j)
					want := tt.want(i, j)
					where := fmt.Sprintf("%s %s at %s", tt.give, letterAt(i), aqlText[j])
					switch want {
					case wDn:
						assert.Equal(t, dn, c, where)
					case wUp:
						assert.Equal(t, up, c, where)
					default:
						assert.Equal(t, cell{int8(want), int8(want + 1)}, c, where)
					}
				}
			}
		})
	}
	for j := range numAQL { // row S of Table 2-B
		want := no
		if j == 2 {
			want = cell{1, 2}
		}
		assert.Equal(t, want, tightenedS[j], "tightened S at %s", aqlText[j])
	}
}

func TestSampleSizesByLetter(t *testing.T) {
	// Sample sizes follow the R10/2 series: each about 1.6 times the last.
	for i := 1; i <= letters; i++ {
		r := float64(sampleSize[i]) / float64(sampleSize[i-1])
		assert.True(t, r >= 1.5 && r <= 5.0/3, "n %d -> %d", sampleSize[i-1], sampleSize[i])
	}
	assert.Equal(t, 2, sampleSize[0])
	assert.Equal(t, 3150, sampleSize[letters])
	// Reduced inspection: the sample of the code letter two rows up; A, B, C: 2.
	for i := range letters {
		want := 2
		if i >= 2 {
			want = sampleSize[i-2]
		}
		assert.Equal(t, want, reducedSampleSize[i], "reduced n of %s", letterAt(i))
	}
}

func TestReIsAcPlusOne(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		for i := range letters {
			for j := range numAQL {
				c := cellAt(sev, i, j)
				if c != dn && c != up {
					assert.Equal(t, c.ac+1, c.re, "%s %s %s", sev, letterAt(i), aqlText[j])
					assert.GreaterOrEqual(t, c.ac, int8(0))
				}
			}
		}
	}
}

func TestArrowsLeadToPlans(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		sizes := sampleSize[:letters]
		if sev == Reduced {
			sizes = reducedSampleSize[:]
		}
		for i := range letters {
			for j := range numAQL {
				row, c, ok := resolve(sev, i, j)
				require.True(t, ok, "%s %s %s", sev, letterAt(i), aqlText[j])
				assert.True(t, c.ac >= 0 && c.re == c.ac+1)
				n := 3150
				if row < letters {
					n = sizes[row]
				}
				switch cellAt(sev, i, j) {
				case dn:
					assert.Greater(t, row, i)
					assert.GreaterOrEqual(t, n, sizes[i], "down arrow: a sample at least as large")
				case up:
					assert.Less(t, row, i)
					assert.LessOrEqual(t, n, sizes[i], "up arrow: a sample at most as large")
				default:
					assert.Equal(t, i, row)
				}
			}
		}
	}
}

// Along a row (looser AQL) acceptance numbers grow strictly; down a
// column (larger sample) strictly in Tables 2-A and 2-B, while rows A and
// B of Table 2-C share n = 2 and so their plans.
func TestAcceptanceNumbersGrow(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		for i := range letters {
			last := -1
			for j := range numAQL {
				if c := cellAt(sev, i, j); c != dn && c != up {
					assert.Greater(t, int(c.ac), last, "%s row %s", sev, letterAt(i))
					last = int(c.ac)
				}
			}
		}
		for j := range numAQL {
			last := -1
			for i := range letters {
				if c := cellAt(sev, i, j); c != dn && c != up {
					if sev == Reduced {
						assert.GreaterOrEqual(t, int(c.ac), last, "%s column %s", sev, aqlText[j])
					} else {
						assert.Greater(t, int(c.ac), last, "%s column %s", sev, aqlText[j])
					}
					last = int(c.ac)
				}
			}
		}
	}
}

// Tightened plans are stricter than normal ones: where both tables hold a
// plan for the same code letter and AQL (same sample size), the tightened
// Ac is smaller; up to Ac 5 it is the normal plan one AQL step tighter.
func TestTightenedRelationToNormal(t *testing.T) {
	for i := range letters {
		for j := range numAQL {
			cn, ct := normalTable[i][j], tightenedTable[i][j]
			if cn == dn || cn == up || ct == dn || ct == up {
				continue
			}
			assert.Less(t, ct.ac, cn.ac, "%s at %s", letterAt(i), aqlText[j])
			if j > 0 && ct.ac <= 5 {
				if prev := normalTable[i][j-1]; prev != dn && prev != up {
					assert.Equal(t, prev, ct, "%s at %s", letterAt(i), aqlText[j])
				}
			}
		}
	}
	// And for the plans actually used: probability of acceptance at p = AQL
	// under tightened inspection never exceeds that under normal.
	for i := range letters {
		for j := 0; j <= 15; j++ { // percent nonconforming columns
			pn, _ := Lookup(letterAt(i), AQL{uint8(j + 1)}, Normal)
			pt, _ := Lookup(letterAt(i), AQL{uint8(j + 1)}, Tightened)
			p := float64(aqlThousandths[j]) / 100000
			assert.LessOrEqual(t, binomialCDF(pt.Ac, pt.SampleSize, p), binomialCDF(pn.Ac, pn.SampleSize, p)+1e-12,
				"%s at %s", letterAt(i), aqlText[j])
		}
	}
}

// TestTighterCellIsAPlan: the switching score (9.3.3.2) compares with the
// acceptance number one AQL step tighter for the same sample; whenever the
// plan used has Ac >= 2, that cell of Table 2-A holds a plan.
func TestTighterCellIsAPlan(t *testing.T) {
	for i := range letters {
		for j := range numAQL {
			row, c, ok := resolve(Normal, i, j)
			require.True(t, ok)
			if c.ac < 2 {
				continue
			}
			ac, ok := tighterAc(row, j)
			require.True(t, ok, "%s at %s", letterAt(i), aqlText[j])
			assert.Less(t, ac, int(c.ac))
		}
	}
}

// binomialCDF is P(X <= ac) for X ~ Binomial(n, p), in log space.
func binomialCDF(ac, n int, p float64) float64 {
	if p == 0 {
		return 1
	}
	lq, lp := math.Log1p(-p), math.Log(p)
	sum := 0.0
	for x := 0; x <= ac && x <= n; x++ {
		lc, _ := math.Lgamma(float64(n + 1))
		a, _ := math.Lgamma(float64(x + 1))
		b, _ := math.Lgamma(float64(n - x + 1))
		sum += math.Exp(lc - a - b + float64(x)*lp + float64(n-x)*lq)
	}
	return sum
}

// poissonCDF is P(X <= ac) for X ~ Poisson(m).
func poissonCDF(ac int, m float64) float64 {
	term, sum := math.Exp(-m), 0.0
	for x := 0; x <= ac; x++ {
		sum += term
		term *= m / float64(x+1)
	}
	return sum
}

// TestOCAtAQL: the probability of accepting a lot whose quality is exactly
// the AQL, under normal inspection, for the plan every code letter and AQL
// leads to. As the standard's own OC tables do, it is binomial in the
// percent nonconforming (AQL up to 10) and Poisson in nonconformities per
// hundred units (AQL above 10). The minimum is 0.8742, at code letter A
// (and B, by its up arrow), AQL 6.5: n = 2, Ac = 0, (1 - 0.065)^2. Every
// other plan accepts at least 87.4% of lots at the AQL; most above 95%.
func TestOCAtAQL(t *testing.T) {
	minPa, where := 2.0, ""
	for i := range letters {
		for j := range numAQL {
			a := AQL{uint8(j + 1)}
			p, err := Lookup(letterAt(i), a, Normal)
			require.NoError(t, err)
			var pa float64
			if aqlThousandths[j] <= 10000 {
				pa = binomialCDF(p.Ac, p.SampleSize, float64(aqlThousandths[j])/100000)
			} else {
				pa = poissonCDF(p.Ac, float64(p.SampleSize)*float64(aqlThousandths[j])/100000)
			}
			assert.Greater(t, pa, 0.87, "%s at %s: n=%d Ac=%d", letterAt(i), a, p.SampleSize, p.Ac)
			if pa < minPa {
				minPa, where = pa, fmt.Sprintf("%s at %s n=%d Ac=%d", letterAt(i), a, p.SampleSize, p.Ac)
			}
		}
	}
	t.Logf("minimum P(accept) at p = AQL, normal inspection: %.4f (%s)", minPa, where)
	assert.InDelta(t, 0.874225, minPa, 1e-6)
	assert.Equal(t, "A at 6.5 n=2 Ac=0", where)
}

// TestLooserAQLNeverStricter: for one code letter, a looser AQL never
// gives a plan stricter in every respect (a sample at least as large and
// an acceptance number at most as large, one of them strictly) than a
// tighter AQL does. The MIL-STD-105E Table II-C with Re = Ac + 1 broke
// this in 40 cells (J at 0.40 gave K, n = 50, 0/1 while J at 0.15 gave
// n = 32, 0/1).
func TestLooserAQLNeverStricter(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		for i := range letters {
			for j := 1; j < numAQL; j++ {
				a, err := Lookup(letterAt(i), AQL{uint8(j)}, sev)
				require.NoError(t, err)
				b, err := Lookup(letterAt(i), AQL{uint8(j + 1)}, sev)
				require.NoError(t, err)
				stricter := b.SampleSize >= a.SampleSize && b.Ac <= a.Ac && (b.SampleSize > a.SampleSize || b.Ac < a.Ac)
				assert.False(t, stricter, "%s %s: %s gives n=%d Ac=%d, %s gives n=%d Ac=%d",
					sev, letterAt(i), aqlText[j-1], a.SampleSize, a.Ac, aqlText[j], b.SampleSize, b.Ac)
			}
		}
	}
}
