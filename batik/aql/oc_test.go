package aql

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ratPow is r^k, numerator and denominator raised apart.
func ratPow(r *big.Rat, k int) *big.Rat {
	e := big.NewInt(int64(k))
	return new(big.Rat).SetFrac(new(big.Int).Exp(r.Num(), e, nil), new(big.Int).Exp(r.Denom(), e, nil))
}

// binomialOracle is P(X <= ac) for X ~ Binomial(n, p), term by term in big.Rat.
func binomialOracle(n, ac int, p *big.Rat) *big.Rat {
	q := new(big.Rat).Sub(big.NewRat(1, 1), p)
	sum := new(big.Rat)
	for x := 0; x <= ac && x <= n; x++ {
		c := new(big.Rat).SetInt(new(big.Int).Binomial(int64(n), int64(x)))
		c.Mul(c, ratPow(p, x))
		c.Mul(c, ratPow(q, n-x))
		sum.Add(sum, c)
	}
	return sum
}

// hyperOracle is P(X <= ac) for the hypergeometric law, each term
// C(d,x) C(N-d,n-x) / C(N,n) from its own binomial coefficients.
func hyperOracle(N, d, n int64, ac int) *big.Rat {
	sum := new(big.Rat)
	total := new(big.Int).Binomial(N, n)
	for x := int64(0); x <= int64(ac) && x <= n; x++ {
		if x > d || n-x > N-d {
			continue
		}
		t := new(big.Int).Binomial(d, x)
		t.Mul(t, new(big.Int).Binomial(N-d, n-x))
		sum.Add(sum, new(big.Rat).SetFrac(t, total))
	}
	return sum
}

func TestBinomialExactAgainstOracle(t *testing.T) {
	for _, n := range []int{1, 2, 5, 13, 80, 315} {
		for _, ac := range []int{0, 1, 3, 10, 21} {
			for _, q := range []int64{0, 1, 650, 2500, 10000, 37000, 100000} {
				p := big.NewRat(q, hundredThousand)
				want := binomialOracle(n, ac, p)
				got := binomialPa(n, ac, p)
				require.Zero(t, want.Cmp(got), "n=%d ac=%d q=%d", n, ac, q)
				f, _ := want.Float64()
				assert.InDelta(t, f, binomialPaFloat(n, ac, float64(q)/hundredThousand), 1e-12, "float n=%d ac=%d q=%d", n, ac, q)
			}
		}
	}
}

func TestHypergeometricAgainstOracle(t *testing.T) {
	for N := int64(1); N <= 40; N += 3 {
		for n := int64(1); n <= N; n += 2 {
			for d := int64(0); d <= N; d++ {
				for _, ac := range []int{0, 1, 2, 5} {
					require.Zero(t, hyperOracle(N, d, n, ac).Cmp(hypergeometricPa(N, d, n, ac)), "N=%d d=%d n=%d ac=%d", N, d, n, ac)
				}
			}
		}
	}
	// Every count accepted: probability 1; a lot as bad as the sample: 0.
	assert.Zero(t, big.NewRat(1, 1).Cmp(hypergeometricPa(1000, 300, 80, 80)))
	assert.Zero(t, new(big.Rat).Cmp(hypergeometricPa(10, 10, 5, 4)))
}

// TestPublishedOCPoints: the binomial OC of n = 68, Ac = 2 passes
// through Pa = 0.95 at 1.213 % and Pa = 0.05 at 8.9704 % nonconforming
// (S. Hilliard, samplingplans.com forum, message 498 of 2006-02-07,
// computed with the TP105 program); our exact sums agree to the printed
// digits.
func TestPublishedOCPoints(t *testing.T) {
	pa, _ := binomialPa(68, 2, big.NewRat(1213, 100000)).Float64()
	assert.InDelta(t, 0.95, pa, 5e-5)
	pa, _ = binomialPa(68, 2, big.NewRat(89704, 1000000)).Float64()
	assert.InDelta(t, 0.05, pa, 5e-5)
}

// TestAOQLClosedForms: for Ac = 0 and a large lot, the AOQ is
// p (1-p)^n (binomial), largest at p = 1/(n+1), and m e^-m / n (Poisson),
// largest at m = 1, that is 1/(e n).
func TestAOQLClosedForms(t *testing.T) {
	for _, n := range []int{2, 13, 80, 500} {
		p := Plan{SampleSize: n, Ac: 0, Re: 1}
		got, at, err := AOQL(p, Binomial, 0)
		require.NoError(t, err)
		want := 1 / float64(n+1) * math.Pow(float64(n)/float64(n+1), float64(n)) * hundredThousand
		assert.InEpsilon(t, want, got, 1e-5, "binomial n=%d (the maximum on the grid of 0.001 %%)", n)
		assert.InDelta(t, hundredThousand/float64(n+1), float64(at), 1, "binomial n=%d", n)

		got, _, err = AOQL(p, Poisson, 0)
		require.NoError(t, err)
		assert.InEpsilon(t, hundredThousand/(math.E*float64(n)), got, 1e-5, "poisson n=%d", n)
	}
	// A finite lot scales the AOQ by (N - n) / N.
	p := Plan{SampleSize: 80, Ac: 5, Re: 6}
	inf, _, _ := AOQL(p, Binomial, 0)
	fin, _, _ := AOQL(p, Binomial, 1000)
	assert.InEpsilon(t, inf*0.92, fin, 1e-9)
}

func TestAcceptance(t *testing.T) {
	p, err := PlanFor(1000, LevelII, MustParseAQL("2.5"), Normal) // J: 80, 5/6
	require.NoError(t, err)
	b, err := Acceptance(p, Binomial, 2500, 0)
	require.NoError(t, err)
	assert.InDelta(t, 0.98479, b, 1e-5)
	h, err := Acceptance(p, Hypergeometric, 2500, 1000) // 25 nonconforming of 1000
	require.NoError(t, err)
	want, _ := hyperOracle(1000, 25, 80, 5).Float64()
	assert.Equal(t, want, h)
	pp, err := Acceptance(p, Poisson, 2500, 0)
	require.NoError(t, err)
	assert.InDelta(t, poissonCDF(5, 2), pp, 1e-15)
	x, err := AcceptanceExact(p, Binomial, 0, 0)
	require.NoError(t, err)
	assert.Equal(t, "1", x.RatString())

	for name, call := range map[string]func() error{
		"model":             func() error { _, err := Acceptance(p, 0, 1, 0); return err },
		"exact poisson":     func() error { _, err := AcceptanceExact(p, Poisson, 1, 0); return err },
		"quality negative":  func() error { _, err := Acceptance(p, Binomial, -1, 0); return err },
		"quality above all": func() error { _, err := Acceptance(p, Binomial, 100001, 0); return err },
		"lot below sample":  func() error { _, err := Acceptance(p, Hypergeometric, 1, 79); return err },
		"no sample":         func() error { _, err := Acceptance(Plan{}, Binomial, 1, 0); return err },
		"aoql hyper":        func() error { _, _, err := AOQL(p, Hypergeometric, 1000); return err },
		"aoql lot":          func() error { _, _, err := AOQL(p, Binomial, 10); return err },
	} {
		require.ErrorIs(t, call(), ErrInvalid, name)
	}
}
