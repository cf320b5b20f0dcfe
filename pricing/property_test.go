package pricing

import (
	"math/big"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// ratOf converts a decimal to a big.Rat through its text, independently of
// decimal's arithmetic.
func ratOf(x decimal.Decimal) *big.Rat {
	r, ok := new(big.Rat).SetString(x.String())
	if !ok {
		panic(x.String())
	}
	return r
}

// roundRat is an independent rounding: floor/ceil on big.Rat by mode.
func roundRat(x, step *big.Rat, mode RoundingMode) *big.Rat {
	q := new(big.Rat).Quo(x, step)
	fl := new(big.Int).Quo(q.Num(), q.Denom()) // truncated toward zero
	frac := new(big.Rat).Sub(q, new(big.Rat).SetInt(fl))
	away := big.NewInt(int64(q.Sign()))
	half := big.NewRat(1, 2)
	absFrac := new(big.Rat).Abs(frac)
	n := new(big.Int).Set(fl)
	if frac.Sign() != 0 {
		switch mode {
		case Up:
			n.Add(n, away)
		case HalfUp:
			if absFrac.Cmp(half) >= 0 {
				n.Add(n, away)
			}
		case HalfEven:
			if c := absFrac.Cmp(half); c > 0 || (c == 0 && fl.Bit(0) == 1) {
				n.Add(n, away)
			}
		}
	}
	return new(big.Rat).Mul(new(big.Rat).SetInt(n), step)
}

func randAmount(rng *rand.Rand) decimal.Decimal {
	v := rng.Int64N(2_000_000_000) - 1_000_000_000
	return decimal.New(v, -int32(rng.IntN(4)))
}

func TestRoundProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	steps := []decimal.Decimal{d("1"), d("100"), d("500"), d("1000"), d("0.01"), d("0.05"), d("3"), d("250"), d("0.5")}
	for range 20000 {
		x := randAmount(rng)
		if rng.IntN(5) == 0 {
			x = x.Shift(15) // beyond int64: the decimal path
		}
		step := steps[rng.IntN(len(steps))]
		mode := RoundingMode(1 + rng.IntN(4))
		got, err := Round(x, step, mode)
		require.NoError(t, err)
		want := roundRat(ratOf(x), ratOf(step), mode)
		require.Zero(t, ratOf(got).Cmp(want), "Round(%s, %s, %s) = %s, want %s", x, step, mode, got, want.FloatString(4))
	}
}

func TestSplitProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		n := 1 + rng.IntN(12)
		weights := make([]int64, n)
		for i := range weights {
			switch rng.IntN(4) {
			case 0:
				weights[i] = 0
			case 1:
				weights[i] = rng.Int64() // near MaxInt64 territory
			default:
				weights[i] = rng.Int64N(1000)
			}
		}
		if slices.Max(weights) == 0 {
			weights[0] = 1
		}
		step := []decimal.Decimal{d("1"), d("100"), d("0.01")}[rng.IntN(3)]
		total := decimal.NewFromInt(rng.Int64N(1_000_000_000_000_000) - 500_000_000_000_000).Mul(step)
		parts, err := Split(total, weights, step)
		require.NoError(t, err)
		checkSplit(t, total, weights, step, parts)
	}
}

// checkSplit verifies a split against big.Rat: the sum, each part within
// one step of its quota and a multiple of step, zero weights get zero, and
// the largest-remainder choice (parts rounded up are those with the
// largest remainders, ties to the lower index).
func checkSplit(t *testing.T, total decimal.Decimal, weights []int64, step decimal.Decimal, parts []decimal.Decimal) {
	t.Helper()
	sum := decimal.Zero
	W := new(big.Int)
	for _, w := range weights {
		W.Add(W, big.NewInt(w))
	}
	T, S := ratOf(total), ratOf(step)
	for i, p := range parts {
		sum = sum.Add(p)
		quota := new(big.Rat).Mul(T, new(big.Rat).SetFrac(big.NewInt(weights[i]), W))
		diff := new(big.Rat).Abs(new(big.Rat).Sub(ratOf(p), quota))
		require.Negative(t, diff.Cmp(S), "part %d = %s, quota %s", i, p, quota.FloatString(4))
		if _, r := p.QuoRem(step, 0); !r.IsZero() {
			t.Fatalf("part %d = %s is not a multiple of %s", i, p, step)
		}
		if weights[i] == 0 {
			require.True(t, p.IsZero())
		}
	}
	require.True(t, sum.Equal(total), "sum %s, total %s", sum, total)
	// Largest remainder: no part rounded down may have a strictly larger
	// remainder than a part rounded up (or equal with a lower index).
	type rem struct {
		r  *big.Rat
		up bool
	}
	rems := make([]rem, len(parts))
	for i, p := range parts {
		quota := new(big.Rat).Quo(new(big.Rat).Mul(new(big.Rat).Abs(T), new(big.Rat).SetFrac(big.NewInt(weights[i]), W)), S)
		fl := new(big.Int).Quo(quota.Num(), quota.Denom())
		r := new(big.Rat).Sub(quota, new(big.Rat).SetInt(fl))
		units := new(big.Rat).Quo(new(big.Rat).Abs(ratOf(p)), S)
		rems[i] = rem{r, units.Cmp(new(big.Rat).SetInt(fl)) > 0}
	}
	for i := range rems {
		for j := range rems {
			if rems[i].up && !rems[j].up {
				c := rems[i].r.Cmp(rems[j].r)
				require.True(t, c > 0 || (c == 0 && i < j), "part %d rounded up before %d", i, j)
			}
		}
	}
}

func TestWithinProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	taxes := []Tax{PPN, PPNLuxury, PPhFinal, {num: 1, den: 3}, {num: 1, den: 1}}
	for range 20000 {
		tax := taxes[rng.IntN(len(taxes))]
		gross := decimal.NewFromInt(rng.Int64N(2_000_000_000) - 1_000_000_000)
		if rng.IntN(4) == 0 {
			gross = gross.Shift(-2)
		}
		net, x := tax.Within(gross)
		require.True(t, net.Add(x).Equal(gross))
		require.True(t, x.IsInteger(), "tax %s not whole", x)
		// Independent check with big.Rat: does a whole tax T with
		// T == floor(|gross - T| * r) exist? Search near gross*r/(1+r).
		g := new(big.Rat).Abs(ratOf(gross))
		r := big.NewRat(tax.num, tax.den)
		x0 := new(big.Rat).Quo(new(big.Rat).Mul(g, r), new(big.Rat).Add(big.NewRat(1, 1), r))
		base := new(big.Int).Quo(x0.Num(), x0.Denom())
		exists := false
		for dT := int64(-2); dT <= 2; dT++ {
			T := new(big.Int).Add(base, big.NewInt(dT))
			if T.Sign() < 0 {
				continue
			}
			n := new(big.Rat).Sub(g, new(big.Rat).SetInt(T))
			tx := new(big.Rat).Mul(n, r)
			if new(big.Int).Quo(tx.Num(), tx.Denom()).Cmp(T) == 0 {
				exists = true
			}
		}
		if exists {
			require.True(t, tax.On(net).Equal(x), "gross %s: tax %s, On(net %s) = %s", gross, x, net, tax.On(net))
		} else {
			require.True(t, tax.On(net).Abs().Add(one).Equal(x.Abs()), "gap at %s: tax %s, On(net) %s", gross, x, tax.On(net))
		}
	}
}
