package pricing

import (
	"math"
	"math/big"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"testing"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSplitSharedLayout: on the shopspring/decimal in go.mod, the layout
// check passes, so Split builds its parts over shared cells. An upgrade
// that changes decimal.Decimal fails here, instead of Split silently going
// back to two allocations a part; then update decimalLayout (or drop the
// shared path) after reading the new decimal.go.
func TestSplitSharedLayout(t *testing.T) {
	require.True(t, sharedParts, "decimal.Decimal is no longer laid out as decimalLayout")
	require.True(t, layoutMatches())
	if bits.UintSize == 64 {
		assert.Equal(t, uintptr(40), unsafe.Sizeof(partCell{}), "Split's godoc says 40 bytes a value")
	}
}

// TestSplitSharedMatchesSafe runs split both ways (cells through unsafe,
// and decimal.New) on random inputs and requires the same parts, down to
// each big.Int's fields (reflect.DeepEqual), and the same parts as the
// math/big path (splitDecimal, another algorithm for the same rule).
// Totals beyond int64 take the math/big path both ways.
func TestSplitSharedMatchesSafe(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 15))
	steps := []decimal.Decimal{d("1"), d("100"), d("0.01"), d("500"), d("0.05"), d("3"), d("1000000")}
	sizes := []int{1, 2, 3, 5, 10, smallRepeats, smallRepeats + 1, 64, 65, 200, 1000, 3000}
	for iter := range 3000 {
		n := sizes[iter%len(sizes)]
		weights := randWeights(rng, n)
		step := steps[rng.IntN(len(steps))]
		limit := math.MaxInt64 / step.CoefficientInt64()
		var units int64
		switch rng.IntN(4) {
		case 0:
			units = rng.Int64N(int64(3 * n)) // few units: zeros, ones and repeats
		case 1:
			units = -rng.Int64N(limit) // a negative total
		default:
			units = rng.Int64N(limit)
		}
		total := decimal.NewFromInt(units).Mul(step)
		if iter%10 == 0 {
			total = total.Shift(19) // beyond int64: the math/big path
		}
		shared, err := split(total, weights, step, true)
		require.NoError(t, err)
		safe, err := split(total, weights, step, false)
		require.NoError(t, err)
		oracle, err := splitDecimal(total, weights, step)
		require.NoError(t, err)
		require.Len(t, shared, n)
		for i := range shared {
			if !reflect.DeepEqual(shared[i], safe[i]) || shared[i].Exponent() != safe[i].Exponent() {
				t.Fatalf("Split(%s, %v, %s) part %d: shared %s (exp %d), safe %s (exp %d)",
					total, weights, step, i, shared[i], shared[i].Exponent(), safe[i], safe[i].Exponent())
			}
			require.True(t, shared[i].Equal(oracle[i]), "part %d: %s, math/big %s", i, shared[i], oracle[i])
		}
	}
}

// coefficientOf is the *big.Int a Decimal holds, read through
// decimalLayout (TestSplitSharedLayout checks that this is sound).
func coefficientOf(x decimal.Decimal) *big.Int {
	return (*decimalLayout)(unsafe.Pointer(&x)).value
}

// TestSplitSharesRepeats: equal parts share one big.Int, always when they
// are neighbours, and mostly across the split: for the benchmark's weights
// (500 distinct ones among 100,000 producers, 501 distinct parts), the
// direct-mapped table of 1,024 counts builds 3,828 big.Ints, where one
// per part would be 100,000.
func TestSplitSharesRepeats(t *testing.T) {
	weights := benchWeights(100000)
	parts, err := Split(decimal.NewFromInt(987_654_321_000), weights, decimal.NewFromInt(1))
	require.NoError(t, err)
	values := map[string]bool{}
	ints := map[*big.Int]bool{}
	for i, p := range parts {
		values[p.String()] = true
		ints[coefficientOf(p)] = true
		if i > 0 && p.Equal(parts[i-1]) {
			require.Same(t, coefficientOf(parts[i-1]), coefficientOf(p), "part %d equals part %d", i, i-1)
		}
	}
	t.Logf("%d parts, %d distinct values, %d big.Ints", len(parts), len(values), len(ints))
	assert.Less(t, len(ints), 5000, "markRepeats's table forgets too much")

	// Zero parts hold no big.Int.
	parts, err = Split(decimal.NewFromInt(3), []int64{1, 0, 0, 1, 1}, decimal.NewFromInt(1))
	require.NoError(t, err)
	assert.Nil(t, coefficientOf(parts[1]))
	assert.Nil(t, coefficientOf(parts[2]))
}

// TestSplitSharedPartsUnchanged: whatever a caller does with the parts
// through decimal's API leaves every part (and so the cells they share)
// as it was.
func TestSplitSharedPartsUnchanged(t *testing.T) {
	for _, total := range []int64{1_000_000_007, -1_000_000_007, math.MaxInt64 - 7, math.MinInt64} {
		weights := []int64{3, 3, 0, 5, 3, 5, 1, 1, 1 << 40}
		parts, err := Split(decimal.NewFromInt(total), weights, decimal.NewFromInt(1))
		require.NoError(t, err)
		before := make([]string, len(parts))
		for i, p := range parts {
			before[i] = p.String()
		}
		one, half := decimal.NewFromInt(1), decimal.New(5, -1)
		for _, p := range parts {
			p.Coefficient().SetInt64(1)
			p.BigInt().SetInt64(2)
			p.Rat().SetInt64(3)
			_ = p.Add(one).Sub(one).Mul(p).Neg().Abs()
			_ = p.Add(half).Round(0).RoundBank(-1).RoundUp(-2).RoundDown(-3).RoundCeil(-1).RoundFloor(-1)
			_ = p.Shift(3).Truncate(0).Floor().Ceil()
			_, _ = p.QuoRem(decimal.NewFromInt(7), 0)
			_ = p.DivRound(decimal.NewFromInt(3), 2).Mod(decimal.NewFromInt(5))
			_ = decimal.Sum(p, p, p, one)
			_ = p.Pow(decimal.NewFromInt(2))
			var q decimal.Decimal
			b, err := p.MarshalJSON()
			require.NoError(t, err)
			require.NoError(t, q.UnmarshalJSON(b))
			c := p // shares p's big.Int; decoding into it must not write through
			require.NoError(t, c.UnmarshalText([]byte("12")))
			require.NoError(t, c.Scan(int64(13)))
		}
		for i, p := range parts {
			require.Equal(t, before[i], p.String(), "part %d of %d", i, total)
		}
	}
}
