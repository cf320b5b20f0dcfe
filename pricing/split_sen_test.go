package pricing

import (
	"math"
	"math/big"
	"math/rand/v2"
	"slices"
	"strconv"
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

// TestSplitSenSumAtMax checks SplitSen on the radix path (more than
// smallSplit parts) with weights summing to exactly 2^64-1, the largest sum
// it does in 64 bits: the parts add up to the total, each within one unit
// of its exact share, and by hand for 7 units (shares 3.5-e, 3.5-e and
// almost 0: 3, 3, 0 and the unit left to the lower index of the tie).
func TestSplitSenSumAtMax(t *testing.T) {
	weights := make([]int64, smallSplit+5)
	weights[0], weights[50], weights[100] = math.MaxInt64, math.MaxInt64, 1
	sum := new(big.Rat).SetInt(new(big.Int).SetUint64(math.MaxUint64))
	for _, total := range []int64{1, 7, 1000, 999_999_937, -12_345} {
		got, err := SplitSen(total, weights, 1)
		require.NoError(t, err)
		var added int64
		for i, p := range got {
			added += p
			share := new(big.Rat).Mul(big.NewRat(total, 1), new(big.Rat).SetInt64(weights[i]))
			share.Quo(share, sum)
			diff := new(big.Rat).Sub(share, big.NewRat(p, 1))
			assert.True(t, diff.Abs(diff).Cmp(big.NewRat(1, 1)) < 0, "total %d, part %d: %d for %s", total, i, p, share.FloatString(3))
		}
		assert.Equal(t, total, added, "total %d", total)
	}
	got, err := SplitSen(7, weights, 1)
	require.NoError(t, err)
	assert.Equal(t, []int64{4, 3, 0}, []int64{got[0], got[50], got[100]})
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

func FuzzSplitSen(f *testing.F) {
	f.Add(int64(100), int64(1), int64(1), int64(1), uint16(0), int64(1))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(math.MaxInt64), int64(0), uint16(300), int64(1))
	f.Add(int64(11), int64(6), int64(6), int64(2), uint16(200), int64(1))
	f.Fuzz(func(t *testing.T, total, w0, w1, w2 int64, extra uint16, step int64) {
		// extra more parts repeating w0..w2 reach the radix selection.
		weights := []int64{w0, w1, w2}
		for i := range int(extra % 400) {
			weights = append(weights, weights[i%3])
		}
		got, err := SplitSen(total, weights, step)
		if err != nil {
			return
		}
		if want := refSplit(total, weights, step); !slices.Equal(got, want) {
			t.Fatalf("SplitSen(%d, %v, %d) = %v, want %v", total, weights, step, got, want)
		}
	})
}
