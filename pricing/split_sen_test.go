package pricing

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSplitSen(t *testing.T) {
	tests := []struct {
		name    string
		total   int64
		weights []int64
		step    int64
		want    []int64
	}{
		{"even", 300, []int64{1, 1, 1}, 1, []int64{100, 100, 100}},
		{"leftover to the largest remainder", 100, []int64{1, 1, 1}, 1, []int64{34, 33, 33}},
		{"ties to the lower index", 200, []int64{1, 1, 1}, 1, []int64{67, 67, 66}},
		{"in steps", 100_000, []int64{1, 2}, 100, []int64{33_300, 66_700}},
		{"zero weight gets zero", 1000, []int64{0, 3, 0, 7}, 1, []int64{0, 300, 0, 700}},
		{"negative mirrors positive", -100, []int64{1, 1, 1}, 1, []int64{-34, -33, -33}},
		{"zero total", 0, []int64{5, 7}, 100, []int64{0, 0}},
		{"Alabama paradox at 10", 10, []int64{6, 6, 2}, 1, []int64{4, 4, 2}},
		{"Alabama paradox at 11", 11, []int64{6, 6, 2}, 1, []int64{5, 5, 1}},
		{"MinInt64 to one part", math.MinInt64, []int64{3}, 1, []int64{math.MinInt64}},
		{"MinInt64 halved", math.MinInt64, []int64{1, 1}, 1, []int64{math.MinInt64 / 2, math.MinInt64 / 2}},
		{"MaxInt64 in two", math.MaxInt64, []int64{1, 1}, 1, []int64{math.MaxInt64/2 + 1, math.MaxInt64 / 2}},
		{"weights near MaxInt64", 10, []int64{math.MaxInt64, math.MaxInt64 - 1}, 1, []int64{5, 5}},
		{"sum of weights past 2^64", 10, []int64{math.MaxInt64, math.MaxInt64, math.MaxInt64 - 3}, 1, []int64{4, 3, 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := SplitSen(tt.total, tt.weights, tt.step)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAppendSplitSenAppends(t *testing.T) {
	dst := []int64{-1, -2}
	got, err := AppendSplitSen(dst, 100, []int64{1, 1, 1}, 1)
	require.NoError(t, err)
	assert.Equal(t, []int64{-1, -2, 34, 33, 33}, got)
	got, err = AppendSplitSen(got, 7, []int64{-1}, 1)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, []int64{-1, -2, 34, 33, 33}, got, "dst comes back unchanged on error")
}

func TestSplitSenErrors(t *testing.T) {
	tests := []struct {
		name      string
		total     int64
		weights   []int64
		step      int64
		wantField string
		wantValue string
	}{
		{"zero step", 100, []int64{1}, 0, "step", "0"},
		{"negative step", 100, []int64{1}, -100, "step", "-100"},
		{"no weights", 100, nil, 1, "weights", "[]"},
		{"negative weight", 100, []int64{1, -3}, 1, "weights[1]", "-3"},
		{"all zero", 100, []int64{0, 0}, 1, "weights", ""},
		{"not a multiple of step", 150, []int64{1}, 100, "total", "150"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := SplitSen(tt.total, tt.weights, tt.step)
			require.ErrorIs(t, err, ErrInvalid)
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.wantField, ae.Field)
			assert.Equal(t, tt.wantValue, ae.Value)
			// Split refuses the same input with the same field.
			_, err = Split(decimal.NewFromInt(tt.total), tt.weights, decimal.NewFromInt(tt.step))
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.wantField, ae.Field)
		})
	}
}

// refSplit is an independent largest-remainder split: quotas as big.Rat,
// the leftover units to the largest fractional parts by a stable sort.
func refSplit(total int64, weights []int64, step int64) []int64 {
	W := new(big.Int)
	for _, w := range weights {
		W.Add(W, big.NewInt(w))
	}
	units := new(big.Int).Quo(big.NewInt(total), big.NewInt(step))
	neg := units.Sign() < 0
	units.Abs(units)
	counts := make([]*big.Int, len(weights))
	fracs := make([]*big.Rat, len(weights))
	given := new(big.Int)
	for i, w := range weights {
		quota := new(big.Rat).SetFrac(new(big.Int).Mul(units, big.NewInt(w)), W)
		counts[i] = new(big.Int).Quo(quota.Num(), quota.Denom())
		fracs[i] = new(big.Rat).Sub(quota, new(big.Rat).SetInt(counts[i]))
		given.Add(given, counts[i])
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return fracs[b].Cmp(fracs[a]) })
	left := new(big.Int).Sub(units, given).Int64()
	for _, i := range order[:left] {
		counts[i].Add(counts[i], big.NewInt(1))
	}
	out := make([]int64, len(weights))
	for i, c := range counts {
		c.Mul(c, big.NewInt(step))
		if neg {
			c.Neg(c)
		}
		out[i] = c.Int64()
	}
	return out
}

// randWeights draws n weights from one of several shapes: small distinct
// values, many equal values (ties everywhere), zeros, and values near
// math.MaxInt64.
func randWeights(rng *rand.Rand, n int) []int64 {
	weights := make([]int64, n)
	shape := rng.IntN(5)
	for i := range weights {
		switch shape {
		case 0:
			weights[i] = 1 + rng.Int64N(500)
		case 1:
			weights[i] = 7 // every remainder equal
		case 2:
			weights[i] = rng.Int64N(3) // zeros and ties
		case 3:
			weights[i] = rng.Int64N(math.MaxInt64/int64(n)) + 1 // a sum near 2^63
		default:
			weights[i] = rng.Int64() // a sum past 2^64 for n >= 3
		}
	}
	if slices.Max(weights) == 0 {
		weights[0] = 1
	}
	return weights
}

// TestSplitSenProperty checks SplitSen against refSplit and against Split
// on decimals, for sizes on both sides of smallSplit (quickselect alone,
// and the radix selection before it).
func TestSplitSenProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	sizes := []int{1, 2, 3, 10, smallSplit, smallSplit + 1, 1000, 5000}
	for iter := range 3000 {
		n := sizes[iter%len(sizes)]
		if n > smallSplit && iter%7 != 0 {
			n = 1 + rng.IntN(12) // keep the big cases few: refSplit is slow
		}
		weights := randWeights(rng, n)
		step := []int64{1, 100, 500, 3}[rng.IntN(4)]
		units := rng.Int64N(math.MaxInt64/step) - rng.Int64N(math.MaxInt64/step)
		if rng.IntN(3) == 0 {
			units = rng.Int64N(int64(3 * n)) // few units: most parts get 0 or 1
		}
		total := units * step
		got, err := SplitSen(total, weights, step)
		require.NoError(t, err)
		want := refSplit(total, weights, step)
		require.Equal(t, want, got, "SplitSen(%d, %v, %d)", total, weights, step)

		dec, err := Split(decimal.NewFromInt(total).Shift(-2), weights, decimal.NewFromInt(step).Shift(-2))
		require.NoError(t, err)
		for i := range got {
			require.True(t, dec[i].Equal(decimal.New(got[i], -2)), "part %d: Split %s, SplitSen %d sen", i, dec[i], got[i])
		}
	}
}

func TestSplitSenAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, n := range []int{10, 1000, 100000} {
		weights := benchWeights(n)
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			buf := make([]int64, 0, n)
			allocs := testing.AllocsPerRun(5, func() {
				buf, _ = AppendSplitSen(buf[:0], 987_654_321_000, weights, 1)
			})
			assert.Zero(t, allocs, "AppendSplitSen into a buffer with room")
			allocs = testing.AllocsPerRun(5, func() {
				buf, _ = SplitSen(987_654_321_000, weights, 1)
			})
			assert.Equal(t, 1.0, allocs, "SplitSen")
		})
	}
}

// TestSplitErrorValuesAbbreviated: a decimal built in code can have a
// million digits; the error names it in a few.
func TestSplitErrorValuesAbbreviated(t *testing.T) {
	long := decimal.RequireFromString("-" + strings.Repeat("9", 200))
	tests := []struct {
		give decimal.Decimal
		want string
	}{
		{decimal.New(-1, 1<<20), "-1e+1048576"},
		{long, "-" + strings.Repeat("9", 30) + "...e+170"},
		{decimal.New(-125, -2), "-1.25"},
	}
	for _, tt := range tests {
		_, err := Split(decimal.NewFromInt(100), []int64{1}, tt.give)
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		assert.Equal(t, "step", ae.Field)
		assert.Equal(t, tt.want, ae.Value)
	}
}

// TestHugeDecimalsRefused: decimals built in code past the digit limits are
// refused by Round and Split before any work (decimal.New(1, 1e8) would
// otherwise rescale to a 10^8-digit number), with an abbreviated value.
func TestHugeDecimalsRefused(t *testing.T) {
	huge := decimal.New(1, 100_000_000)
	tiny := decimal.New(1, -100_000_000)
	_, err := Round(huge, decimal.NewFromInt(100), HalfUp)
	require.ErrorIs(t, err, ErrOverflow)
	assert.Less(t, len(err.Error()), 200)
	_, err = Round(decimal.NewFromInt(5), tiny, HalfUp)
	require.ErrorIs(t, err, ErrOverflow)
	_, err = Split(huge, []int64{1, 2}, decimal.NewFromInt(1))
	require.ErrorIs(t, err, ErrOverflow)
	assert.Less(t, len(err.Error()), 200)
	_, err = Split(decimal.NewFromInt(100), []int64{1, 2}, tiny)
	require.ErrorIs(t, err, ErrOverflow)
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
