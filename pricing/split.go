package pricing

import (
	"github.com/shopspring/decimal"
)

// Split divides total into len(weights) multiples of step, in proportion to
// weights, by largest remainder (Hamilton's method):
//
//   - with U = total/step units and W the sum of the weights, part i gets
//     floor(U*w_i/W) units, and the units left over (fewer than the number
//     of positive weights) go one each to the largest remainders
//     U*w_i mod W, ties to the lower index;
//   - so the parts sum to total exactly, each differs from its exact quota
//     U*w_i/W*step by less than one step, and a zero weight gets zero;
//   - a negative total splits as the mirror of the positive one (every part
//     negated), so rounding never depends on the sign.
//
// Largest remainder has the Alabama paradox: raising the total can lower a
// part. Rp10 among 6:6:2 gives 4, 4, 2 (quotas 4.29, 4.29, 1.43), and Rp11
// gives 5, 5, 1 (quotas 4.71, 4.71, 1.57): the third party gets less from
// the larger total. Each split on its own is still the closest to the
// quotas; a caller who raises a total in small increments and shows every
// party its part each time should expect this.
//
// total must be a multiple of step; step must be positive; weights must be
// >= 0 with a positive sum. Errors are *ArgError values wrapping ErrInvalid
// that name the argument and its value. When total and step, written with
// the smaller of their exponents, fit an int64, Split runs SplitSen's code
// on those integers; larger totals and sums of weights beyond 64 bits are
// exact through math/big. A total or step with more digits than an amount
// may have (decimal.New(1, 1e8) built in code) is an *ArgError wrapping
// ErrOverflow, refused before any work.
//
// Split builds a decimal for every non-zero part, two allocations each
// (a big.Int and its word): where the amounts are whole sen and the split
// runs often (a payout run, a hot path), SplitSen on int64 sen computes the
// same parts with one allocation in all, or none with AppendSplitSen.
//
// O(n) time for n weights (the leftover units are placed by selection, not
// by sorting). Allocations, on the int64 path with weights summing below
// 2^64: the result, the unit counts when n > 64, and two for each
// non-zero part; a zero part is the zero Decimal. Safe for concurrent use.
func Split(total decimal.Decimal, weights []int64, step decimal.Decimal) ([]decimal.Decimal, error) {
	if step.Sign() <= 0 {
		return nil, argErr("step", decText(step), codePositive)
	}
	sumHi, sum, err := sumWeights(weights)
	if err != nil {
		return nil, err
	}
	t, s, ok := scaledPair(total, step)
	if !ok {
		if beyondLimits(total) {
			return nil, digitsErr("total", total)
		}
		if beyondLimits(step) {
			return nil, digitsErr("step", step)
		}
		return splitDecimal(total, weights, step)
	}
	if t%s != 0 {
		return nil, argErr("total", decText(total), codeNotMultiple, decText(step))
	}
	q := t / s
	neg, units := q < 0, uint64(q)
	if neg {
		units = -units
	}
	var small [64]int64
	counts := small[:0]
	if len(weights) > len(small) {
		counts = make([]int64, len(weights))
	}
	counts = counts[:len(weights)]
	apportion(counts, units, weights, sumHi, sum)
	// step = cs*10^es; a part is count*cs*10^es, and count*cs <= |t| <= 2^63
	// (2^63 only when neg), so it fits an int64 once negated.
	cs, es := uint64(step.CoefficientInt64()), step.Exponent()
	parts := make([]decimal.Decimal, len(weights))
	for i, c := range counts {
		if c == 0 {
			continue // the zero Decimal
		}
		v := uint64(c) * cs
		if neg {
			v = -v
		}
		parts[i] = decimal.New(int64(v), es)
	}
	return parts, nil
}

// scaledPair writes a and b with the smaller of their exponents as int64
// coefficients, if both fit in 18 digits.
func scaledPair(a, b decimal.Decimal) (x, y int64, ok bool) {
	ea, eb := a.Exponent(), b.Exponent()
	e := min(ea, eb)
	if x, ok = scaled(a, ea-e); !ok {
		return 0, 0, false
	}
	if y, ok = scaled(b, eb-e); !ok {
		return 0, 0, false
	}
	return x, y, true
}

// splitDecimal is Split for totals or steps that do not fit an int64
// (after the checks on step and weights): the unit count in math/big.
func splitDecimal(total decimal.Decimal, weights []int64, step decimal.Decimal) ([]decimal.Decimal, error) {
	units, rem := total.QuoRem(step, 0)
	if !rem.IsZero() {
		return nil, argErr("total", decText(total), codeNotMultiple, decText(step))
	}
	neg := units.Sign() < 0
	counts := splitBig(units.Abs().BigInt(), weights)
	parts := make([]decimal.Decimal, len(weights))
	for i, c := range counts {
		if neg {
			c.Neg(c)
		}
		parts[i] = decimal.NewFromBigInt(c, 0).Mul(step)
	}
	return parts, nil
}
