package pricing

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundSen(t *testing.T) {
	tests := []struct {
		give, step int64
		mode       RoundingMode
		want       int64
	}{
		{125_000, 10_000, HalfUp, 130_000}, {125_000, 10_000, HalfEven, 120_000}, {135_000, 10_000, HalfEven, 140_000},
		{125_000, 10_000, Down, 120_000}, {120_100, 10_000, Up, 130_000}, {120_000, 10_000, Up, 120_000},
		{-125_000, 10_000, HalfUp, -130_000}, {-125_000, 10_000, HalfEven, -120_000}, {-120_100, 10_000, Down, -120_000}, {-120_100, 10_000, Up, -130_000},
		{1_234_567, 1, Up, 1_234_567}, {7, 3, HalfUp, 6}, {0, 100, Up, 0},
		{math.MaxInt64, 1, Up, math.MaxInt64}, {math.MinInt64, 1, Down, math.MinInt64},
		{math.MaxInt64, 100, Down, math.MaxInt64 / 100 * 100}, {math.MinInt64, 100, Down, math.MinInt64 / 100 * 100},
	}
	for _, tt := range tests {
		got, err := RoundSen(tt.give, tt.step, tt.mode)
		require.NoError(t, err, "RoundSen(%d, %d, %s)", tt.give, tt.step, tt.mode)
		assert.Equal(t, tt.want, got, "RoundSen(%d, %d, %s)", tt.give, tt.step, tt.mode)
	}
}

func TestRoundSenErrors(t *testing.T) {
	tests := []struct {
		name       string
		give, step int64
		mode       RoundingMode
		wantErr    error
		wantField  string
	}{
		{"zero step", 1, 0, HalfUp, ErrInvalid, "step"},
		{"negative step", 1, -100, HalfUp, ErrInvalid, "step"},
		{"zero mode", 1, 1, 0, ErrInvalid, "mode"},
		{"unknown mode", 1, 1, 9, ErrInvalid, "mode"},
		{"past MaxInt64", math.MaxInt64, 100, Up, ErrOverflow, "v"},
		{"past MinInt64", math.MinInt64, 100, Up, ErrOverflow, "v"},
		{"past MaxInt64 by half", math.MaxInt64 - 10, 32, HalfEven, ErrOverflow, "v"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := RoundSen(tt.give, tt.step, tt.mode)
			require.ErrorIs(t, err, tt.wantErr)
			var ae *ArgError
			require.ErrorAs(t, err, &ae)
			assert.Equal(t, tt.wantField, ae.Field)
		})
	}
}

// TestRoundSenProperty checks RoundSen against the big.Rat rounding of
// property_test.go and against Round on the same amounts in rupiah.
func TestRoundSenProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	steps := []int64{1, 100, 500, 10_000, 50_000, 3, 7}
	for range 20000 {
		v := rng.Int64()
		if rng.IntN(2) == 0 {
			v = rng.Int64N(2_000_000_000) - 1_000_000_000
		}
		step := steps[rng.IntN(len(steps))]
		if rng.IntN(10) == 0 {
			step = 1 + rng.Int64N(math.MaxInt64)
		}
		mode := RoundingMode(1 + rng.IntN(4))
		got, err := RoundSen(v, step, mode)
		want := roundRat(ratOf(decimal.NewFromInt(v)), ratOf(decimal.NewFromInt(step)), mode)
		if !want.IsInt() || !want.Num().IsInt64() {
			require.ErrorIs(t, err, ErrOverflow, "RoundSen(%d, %d, %s)", v, step, mode)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, want.Num().Int64(), got, "RoundSen(%d, %d, %s)", v, step, mode)
		dec, err := Round(decimal.New(v, -2), decimal.New(step, -2), mode)
		require.NoError(t, err)
		require.True(t, dec.Equal(decimal.New(got, -2)), "Round %s, RoundSen %d", dec, got)
	}
}
