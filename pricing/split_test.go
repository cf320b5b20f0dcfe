package pricing

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		total   string
		weights []int64
		step    string
		want    []string
	}{
		{"100", []int64{1, 1, 1}, "1", []string{"34", "33", "33"}},
		{"-100", []int64{1, 1, 1}, "1", []string{"-34", "-33", "-33"}},
		{"1000", []int64{1, 1, 1}, "100", []string{"400", "300", "300"}},
		{"1000", []int64{0, 3, 1}, "1", []string{"0", "750", "250"}},
		{"10", []int64{5, 0, 5}, "1", []string{"5", "0", "5"}},
		{"7", []int64{2, 3, 2}, "1", []string{"2", "3", "2"}},
		{"0", []int64{1, 2}, "1", []string{"0", "0"}},
		{"1", []int64{1, 1}, "0.01", []string{"0.5", "0.5"}},
		{"0.03", []int64{1, 1}, "0.01", []string{"0.02", "0.01"}},
		{"1000000000000000", []int64{math.MaxInt64, math.MaxInt64, 1}, "1", []string{"500000000000000", "500000000000000", "0"}},
		{"5", []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64}, "1", []string{"2", "2", "1"}},
		{"100000000000000000000000000000", []int64{1, 2}, "1", []string{"33333333333333333333333333333", "66666666666666666666666666667"}},
	}
	for _, tt := range tests {
		t.Run(tt.total, func(t *testing.T) {
			got, err := Split(d(tt.total), tt.weights, d(tt.step))
			require.NoError(t, err)
			require.Len(t, got, len(tt.want))
			for i := range got {
				assertDecimal(t, tt.want[i], got[i], tt.total, tt.weights, i)
			}
		})
	}
}

// TestSplitErrors: each refusal names the argument and its value, a value
// of a million digits in a few (decText).
func TestSplitErrors(t *testing.T) {
	hundred, one := decimal.NewFromInt(100), decimal.NewFromInt(1)
	tests := []struct {
		name         string
		total        decimal.Decimal
		weights      []int64
		step         decimal.Decimal
		kind         error
		field, value string
	}{
		{"step zero", hundred, []int64{1}, decimal.Zero, ErrInvalid, "step", "0"},
		{"step negative", hundred, []int64{1}, decimal.New(-125, -2), ErrInvalid, "step", "-1.25"},
		{"step negative, long", hundred, []int64{1}, d("-" + strings.Repeat("9", 200)), ErrInvalid, "step", "-" + strings.Repeat("9", 30) + "...e+170"},
		{"step negative, huge", hundred, []int64{1}, decimal.New(-1, 1<<20), ErrInvalid, "step", "-1e+1048576"},
		{"no weights", hundred, nil, one, ErrInvalid, "weights", "[]"},
		{"all zero", hundred, []int64{0, 0}, one, ErrInvalid, "weights", ""},
		{"negative weight", hundred, []int64{1, -1}, one, ErrInvalid, "weights[1]", "-1"},
		{"not a multiple", d("150"), []int64{1, 1}, hundred, ErrInvalid, "total", "150"},
		{"total past the limits, tiny", decimal.New(1, -100), []int64{1, 1}, decimal.New(1, -2), ErrOverflow, "total", "1e-100"},
		{"total past the limits", decimal.New(1, 100_000_000), []int64{1, 2}, one, ErrOverflow, "total", "1e+100000000"},
		{"step past the limits", hundred, []int64{1, 2}, decimal.New(1, -100_000_000), ErrOverflow, "step", "1e-100000000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Split(tt.total, tt.weights, tt.step)
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			require.ErrorIs(t, err, tt.kind)
			assert.Equal(t, tt.field, ae.Field)
			assert.Equal(t, tt.value, ae.Value)
		})
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

func FuzzSplit(f *testing.F) {
	f.Add(int64(100), int64(1), int64(1), int64(1), uint8(0))
	f.Add(int64(-7), int64(math.MaxInt64), int64(math.MaxInt64), int64(0), uint8(1))
	f.Add(int64(1_000_000_000_000_000), int64(3), int64(0), int64(5), uint8(2))
	f.Fuzz(func(t *testing.T, units, w0, w1, w2 int64, stepKind uint8) {
		step := []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(100), decimal.New(1, -2), decimal.NewFromInt(500)}[stepKind%4]
		total := decimal.NewFromInt(units).Mul(step)
		weights := []int64{w0, w1, w2}
		parts, err := Split(total, weights, step)
		if err != nil {
			if w0 >= 0 && w1 >= 0 && w2 >= 0 && (w0 > 0 || w1 > 0 || w2 > 0) {
				t.Fatalf("valid input refused: %v", err)
			}
			return
		}
		checkSplit(t, total, weights, step, parts)
	})
}

// TestSplitPathsAgree runs Split's int64 path and its math/big path
// (splitDecimal, another algorithm for the same rule: a stable sort of the
// remainders where the int64 path selects) on the same random inputs and
// requires the same parts.
func TestSplitPathsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	steps := []decimal.Decimal{d("1"), d("100"), d("0.01"), d("500"), d("0.05"), d("3"), d("1000000")}
	sizes := []int{1, 2, 3, 5, 10, 64, 65, 200, 1000, 3000}
	for iter := range 1000 {
		n := sizes[iter%len(sizes)]
		weights := randWeights(rng, n)
		step := steps[rng.IntN(len(steps))]
		limit := math.MaxInt64 / step.CoefficientInt64()
		var units int64
		switch rng.IntN(4) {
		case 0:
			units = rng.Int64N(int64(3 * n)) // few units: zeros, ones and ties
		case 1:
			units = -rng.Int64N(limit) // a negative total
		default:
			units = rng.Int64N(limit)
		}
		total := decimal.NewFromInt(units).Mul(step)
		got, err := Split(total, weights, step)
		require.NoError(t, err)
		want, err := splitDecimal(total, weights, step)
		require.NoError(t, err)
		require.Len(t, got, n)
		for i := range got {
			require.True(t, got[i].Equal(want[i]), "Split(%s, %v, %s) part %d: %s, math/big %s", total, weights, step, i, got[i], want[i])
		}
	}
}
