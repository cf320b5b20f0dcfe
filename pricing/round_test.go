package pricing

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRound(t *testing.T) {
	tests := []struct {
		give, step string
		mode       RoundingMode
		want       string
	}{
		{"1250", "100", HalfUp, "1300"}, {"1250", "100", HalfEven, "1200"}, {"1350", "100", HalfEven, "1400"},
		{"1250", "100", Down, "1200"}, {"1201", "100", Up, "1300"}, {"1200", "100", Up, "1200"},
		{"-1250", "100", HalfUp, "-1300"}, {"-1250", "100", HalfEven, "-1200"}, {"-1201", "100", Down, "-1200"}, {"-1201", "100", Up, "-1300"},
		{"1249", "500", HalfUp, "1000"}, {"1250", "500", HalfUp, "1500"}, {"1750", "500", HalfEven, "2000"},
		{"12345.678", "0.01", HalfUp, "12345.68"}, {"0.005", "0.01", HalfEven, "0"}, {"0.015", "0.01", HalfEven, "0.02"},
		{"7", "3", HalfUp, "6"}, {"7.5", "3", HalfUp, "9"}, {"0", "1000", Up, "0"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := Round(d(tt.give), d(tt.step), tt.mode)
			require.NoError(t, err)
			assertDecimal(t, tt.want, got, tt.give, tt.step, tt.mode)
		})
	}
	for _, step := range []string{"0", "-100"} {
		_, err := Round(d("1"), d(step), HalfUp)
		var ae *ArgError
		require.ErrorAs(t, err, &ae)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, "step", ae.Field)
	}
	_, err := Round(d("1"), d("1"), 0)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = Round(d("1"), d("1"), 9)
	require.ErrorIs(t, err, ErrInvalid)
}

// TestRoundHugeRefused: decimals built in code past the digit limits are
// refused before any work (decimal.New(1, 1e8) would otherwise rescale to
// a 10^8-digit number), with an abbreviated value.
func TestRoundHugeRefused(t *testing.T) {
	_, err := Round(decimal.New(1, 100_000_000), decimal.NewFromInt(100), HalfUp)
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	require.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, "d", ae.Field)
	assert.Equal(t, "1e+100000000", ae.Value)
	_, err = Round(decimal.NewFromInt(5), decimal.New(1, -100_000_000), HalfUp)
	require.ErrorAs(t, err, &ae)
	require.ErrorIs(t, err, ErrOverflow)
	assert.Equal(t, "step", ae.Field)
}

// TestRoundExactHalfBig checks HalfEven and HalfUp on exact halves too long
// for the int64 path (more than 18 digits), where roundQuo decides.
func TestRoundExactHalfBig(t *testing.T) {
	tests := []struct {
		give string
		mode RoundingMode
		want string
	}{
		{"1234567890123456789012.5", HalfEven, "1234567890123456789012"},
		{"1234567890123456789013.5", HalfEven, "1234567890123456789014"},
		{"1234567890123456789012.5", HalfUp, "1234567890123456789013"},
		{"-1234567890123456789012.5", HalfEven, "-1234567890123456789012"},
		{"-1234567890123456789012.5", HalfUp, "-1234567890123456789013"},
		{"1234567890123456789012.49", HalfUp, "1234567890123456789012"},
	}
	for _, tt := range tests {
		got, err := Round(d(tt.give), one, tt.mode)
		require.NoError(t, err)
		assertDecimal(t, tt.want, got, tt.give, tt.mode)
	}
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

// TestRoundSenProperty checks RoundSen against roundRat (big.Rat) and
// against Round on the same amounts in rupiah.
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

func FuzzRoundSen(f *testing.F) {
	f.Add(int64(125_000), int64(10_000), uint8(1))
	f.Add(int64(math.MaxInt64), int64(100), uint8(4))
	f.Add(int64(math.MinInt64), int64(3), uint8(2))
	f.Fuzz(func(t *testing.T, v, step int64, m uint8) {
		mode := RoundingMode(m % 6) // includes the invalid 0 and 5
		got, err := RoundSen(v, step, mode)
		if step <= 0 || !mode.valid() {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("RoundSen(%d, %d, %d): err %v, want ErrInvalid", v, step, m, err)
			}
			return
		}
		want := roundRat(ratOf(decimal.NewFromInt(v)), ratOf(decimal.NewFromInt(step)), mode)
		if !want.Num().IsInt64() {
			if !errors.Is(err, ErrOverflow) {
				t.Fatalf("RoundSen(%d, %d, %s) = %d, %v; want ErrOverflow", v, step, mode, got, err)
			}
			return
		}
		if err != nil || got != want.Num().Int64() {
			t.Fatalf("RoundSen(%d, %d, %s) = %d, %v; want %s", v, step, mode, got, err, want.Num())
		}
	})
}
