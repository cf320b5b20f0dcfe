package pricing

import (
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strconv"

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
// total must be a multiple of step; step must be positive; weights must be
// >= 0 with a positive sum. Errors are *ArgError values wrapping ErrInvalid
// that name the argument and its value. Weights near math.MaxInt64 and
// totals of Rp10^15 and more are exact: products and sums use 128-bit
// arithmetic, and math/big beyond that. O(n) time (the leftover units are
// placed by selection, not by sorting) and one allocation per part.
func Split(total decimal.Decimal, weights []int64, step decimal.Decimal) ([]decimal.Decimal, error) {
	if step.Sign() <= 0 {
		return nil, argErr("step", step.String(), "must be positive")
	}
	if len(weights) == 0 {
		return nil, argErr("weights", "[]", "need at least one weight")
	}
	var sumHi, sumLo uint64
	for i, w := range weights {
		if w < 0 {
			return nil, argErr(index("weights", i), strconv.FormatInt(w, 10), "must be >= 0")
		}
		var carry uint64
		sumLo, carry = bits.Add64(sumLo, uint64(w), 0)
		sumHi += carry
	}
	if sumHi == 0 && sumLo == 0 {
		return nil, argErr("weights", "all zero", "need a positive sum")
	}
	units, rem := total.QuoRem(step, 0)
	if !rem.IsZero() {
		return nil, argErr("total", total.String(), "is not a multiple of step "+step.String())
	}
	neg := units.Sign() < 0
	units = units.Abs()

	var counts []uint64 // units per part, when they fit
	if sumHi == 0 && units.NumDigits() <= 18 {
		counts = splitUint64(uint64(units.IntPart()), weights, sumLo)
	}
	parts := make([]decimal.Decimal, len(weights))
	if counts == nil {
		bigCounts := splitBig(units.BigInt(), weights)
		for i, c := range bigCounts {
			parts[i] = decimal.NewFromBigInt(c, 0).Mul(step)
		}
	} else {
		// step = coef * 10^exp; a part is count*coef * 10^exp, built
		// directly when that product fits an int64.
		coef, exp := int64(0), step.Exponent()
		if step.NumDigits() <= 18 {
			coef = step.CoefficientInt64()
		}
		for i, c := range counts {
			hi, lo := bits.Mul64(c, uint64(coef))
			if coef > 0 && hi == 0 && lo <= math.MaxInt64 {
				parts[i] = decimal.New(int64(lo), exp)
			} else {
				parts[i] = decimal.NewFromUint64(c).Mul(step)
			}
		}
	}
	if neg {
		for i := range parts {
			parts[i] = parts[i].Neg()
		}
	}
	return parts, nil
}

// splitUint64 apportions units among weights summing to sum (all fit
// uint64) by largest remainder. It returns nil if units does not fit an
// int64, which the caller handles with math/big.
func splitUint64(units uint64, weights []int64, sum uint64) []uint64 {
	if units > math.MaxInt64 {
		return nil
	}
	counts := make([]uint64, len(weights))
	rems := make([]uint64, len(weights))
	var given uint64
	for i, w := range weights {
		// units*w < 2^127 and the quotient is at most units < 2^63, so
		// hi < sum and Div64 cannot panic.
		hi, lo := bits.Mul64(units, uint64(w))
		q, r := bits.Div64(hi, lo, sum)
		counts[i], rems[i] = q, r
		given += q
	}
	left := units - given // < number of positive weights
	if left == 0 {
		return counts
	}
	// The left-th largest remainder is the threshold: every part with a
	// larger remainder gets one more unit; of those equal to it, the
	// lowest indices do, until the leftover is gone.
	th := kthLargest(append([]uint64(nil), rems...), int(left))
	for i, r := range rems {
		if r > th {
			counts[i]++
			left--
		}
	}
	for i, r := range rems {
		if left == 0 {
			break
		}
		if r == th {
			counts[i]++
			left--
		}
	}
	return counts
}

// kthLargest returns the k-th largest value of a (1-based), reordering a.
// Expected O(len(a)): quickselect with a median-of-three pivot and a
// three-way partition, so runs of equal values cost nothing extra.
func kthLargest(a []uint64, k int) uint64 {
	lo, hi := 0, len(a) // the answer is in a[lo:hi]; it is the k-th largest there
	for {
		if hi-lo == 1 {
			return a[lo]
		}
		mid := lo + (hi-lo)/2
		x, y, z := a[lo], a[mid], a[hi-1]
		p := max(min(x, y), min(max(x, y), z))
		// Partition into > p, == p, < p.
		gt, i, lt := lo, lo, hi
		for i < lt {
			switch {
			case a[i] > p:
				a[gt], a[i] = a[i], a[gt]
				gt++
				i++
			case a[i] < p:
				lt--
				a[lt], a[i] = a[i], a[lt]
			default:
				i++
			}
		}
		switch {
		case k <= gt-lo:
			hi = gt
		case k <= lt-lo:
			return p
		default:
			k -= lt - lo
			lo = lt
		}
	}
}

// splitBig is the largest-remainder apportionment in math/big, for sums of
// weights or unit counts beyond 64 bits.
func splitBig(units *big.Int, weights []int64) []*big.Int {
	sum := new(big.Int)
	for _, w := range weights {
		sum.Add(sum, big.NewInt(w))
	}
	counts := make([]*big.Int, len(weights))
	rems := make([]*big.Int, len(weights))
	given := new(big.Int)
	for i, w := range weights {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(units, big.NewInt(w)), sum, new(big.Int))
		counts[i], rems[i] = q, r
		given.Add(given, q)
	}
	left := new(big.Int).Sub(units, given).Int64() // < len(weights)
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	// Largest remainder first, ties to the lower index.
	slices.SortStableFunc(order, func(a, b int) int { return rems[b].Cmp(rems[a]) })
	for _, i := range order[:left] {
		counts[i].Add(counts[i], big.NewInt(1))
	}
	return counts
}
