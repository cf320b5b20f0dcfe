package pricing

import (
	"math/big"
	"math/bits"
	"slices"
	"strconv"
)

// This file holds the largest-remainder apportionment itself, in integers:
// SplitSen and AppendSplitSen expose it on int64 amounts (whole sen, or any
// integer unit), and Split (split.go) runs the same code on decimals whose
// total and step fit an int64.

// SplitSen is Split on int64 amounts: it divides total into len(weights)
// multiples of step, in proportion to weights, by largest remainder, ties
// to the lower index, and returns the parts in the order of weights. The
// parts sum to total exactly. Amounts are in whatever integer unit the
// caller keeps (sen, so Rp1.250.000,50 is 125000050 and a step of Rp100 is
// 10000); the rule is Split's, part for part.
//
// It returns an *ArgError wrapping ErrInvalid, naming the argument and its
// value, when step <= 0, weights is empty or has a negative weight, the
// weights sum to zero, or total is not a multiple of step. Nothing
// overflows: every part lies between 0 and total, so it is representable
// whenever total is, and sums of weights up to 2^64-1 are exact in 64-bit
// arithmetic (products and quotients in 128 bits); larger sums (three or
// more weights near math.MaxInt64) are exact too, through math/big.
//
// O(len(weights)) time, with no sorting: the leftover units go to the
// parts above a threshold remainder found by selection. One allocation,
// the result (more only for weights summing past 2^64-1); AppendSplitSen
// makes none. Safe for concurrent use.
func SplitSen(total int64, weights []int64, step int64) ([]int64, error) {
	return AppendSplitSen(nil, total, weights, step)
}

// AppendSplitSen appends SplitSen(total, weights, step) to dst and returns
// the extended slice; on error it returns dst unchanged with the error.
// With cap(dst)-len(dst) >= len(weights) it allocates nothing (unless the
// weights sum past 2^64-1, which takes math/big), so a loop that reuses
// one buffer (dst[:0]) splits without garbage. Errors, cost and order are
// SplitSen's.
func AppendSplitSen(dst []int64, total int64, weights []int64, step int64) ([]int64, error) {
	if step <= 0 {
		return dst, argErr("step", strconv.FormatInt(step, 10), codePositive)
	}
	sumHi, sum, err := sumWeights(weights)
	if err != nil {
		return dst, err
	}
	if total%step != 0 {
		return dst, argErr("total", strconv.FormatInt(total, 10), codeNotMultiple, strconv.FormatInt(step, 10))
	}
	q := total / step
	neg, units := q < 0, uint64(q)
	if neg {
		units = -units // two's complement: right for math.MinInt64 too
	}
	n := len(dst)
	dst = slices.Grow(dst, len(weights))[:n+len(weights)]
	out := dst[n:]
	apportion(out, units, weights, sumHi, sum)
	// A part is count*step <= units*step = |total| <= 2^63, so it fits
	// (2^63 only as the negative -2^63, which is total itself).
	for i, c := range out {
		v := uint64(c) * uint64(step)
		if neg {
			v = -v
		}
		out[i] = int64(v)
	}
	return dst, nil
}

// sumWeights checks weights (at least one, none negative, a positive sum)
// and returns their sum as a 128-bit number hi:lo.
func sumWeights(weights []int64) (hi, lo uint64, err error) {
	if len(weights) == 0 {
		return 0, 0, argErr("weights", "[]", codeNotEmpty)
	}
	for i, w := range weights {
		if w < 0 {
			return 0, 0, argErr(index("weights", i), strconv.FormatInt(w, 10), codeNotNegative)
		}
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(w), 0)
		hi += carry
	}
	if hi == 0 && lo == 0 {
		return 0, 0, argErr("weights", "", codeAllZero)
	}
	return hi, lo, nil
}

// apportion writes to out[i] (as uint64 bits) the number of units, of
// units in all, that part i gets in proportion to weights[i], whose sum is
// the 128-bit sumHi:sum (positive): the largest-remainder rule. out and
// weights have the same length.
//
// Part i first gets floor(units*w_i/W); the units left over (fewer than
// the number of positive weights) go one each to the parts with the
// largest remainders units*w_i mod W, ties to the lower index. As the
// remainders sum to left*W and each is below W, more than left of them are
// positive, so a part with remainder 0 (a zero weight) never gets one.
func apportion(out []int64, units uint64, weights []int64, sumHi, sum uint64) {
	if sumHi != 0 {
		apportionBig(out, units, weights)
		return
	}
	var given uint64
	for i, w := range weights {
		// units*w/sum <= units < 2^64 as w <= sum, so hi < sum and
		// Div64 cannot panic.
		hi, lo := bits.Mul64(units, uint64(w))
		q, _ := bits.Div64(hi, lo, sum)
		out[i] = int64(q)
		given += q
	}
	left := units - given
	if left == 0 {
		return
	}
	// The remainders are not kept: rem(i) = units*w_i - q_i*sum is exact
	// in wrapping 64-bit arithmetic, as the true value is below sum.
	th, ties := threshold(out, units, weights, sum, left)
	for i, w := range weights {
		r := units*uint64(w) - uint64(out[i])*sum
		switch {
		case r > th:
			out[i]++
		case r == th && ties > 0:
			out[i]++
			ties--
		}
	}
}

// smallSplit is the number of parts up to which the remainders are copied
// to the stack and selected there; beyond it, radix selection narrows them
// down to at most this many candidates first.
const smallSplit = 128

// threshold returns th, the left-th largest remainder (1 <= left < the
// number of positive remainders), and ties, how many of the remainders
// equal to th (the lowest indices) get a unit: left minus the number of
// remainders above th. It allocates nothing.
//
// Up to smallSplit parts, it copies the remainders to the stack and runs
// quickselect. Beyond, it is a most-significant-digit radix selection: a
// pass over the parts counts the remainders by their next 8 bits (among
// those whose higher bits match the ones already chosen), which fixes 8
// more bits of th; once the candidates left fit the stack buffer, they are
// copied there and quickselect finishes. At most ceil(64/8) passes, each
// O(n) with no division, so O(n) in all whatever the input.
func threshold(counts []int64, units uint64, weights []int64, sum, left uint64) (th, ties uint64) {
	var buf [smallSplit]uint64
	rem := func(i int) uint64 { return units*uint64(weights[i]) - uint64(counts[i])*sum }
	if len(weights) <= smallSplit {
		for i := range weights {
			buf[i] = rem(i)
		}
		th, above := kthLargest(buf[:len(weights)], int(left))
		return th, left - uint64(above)
	}
	k := left         // still to place among the candidates
	var prefix uint64 // the high bits of th chosen so far
	for shift := bits.Len64(sum - 1); shift > 0; {
		d := min(8, shift)
		shift -= d
		var hist [1 << 8]uint64
		for i := range weights {
			if r := rem(i); r>>(shift+d) == prefix {
				hist[(r>>shift)&(1<<d-1)]++
			}
		}
		b := 1<<d - 1
		for hist[b] < k {
			k -= hist[b]
			b--
		}
		prefix = prefix<<d | uint64(b)
		if shift == 0 {
			break // all candidates equal th; k of them get a unit
		}
		if hist[b] <= smallSplit {
			c := 0
			for i := range weights {
				if r := rem(i); r>>shift == prefix {
					buf[c] = r
					c++
				}
			}
			th, above := kthLargest(buf[:c], int(k))
			return th, k - uint64(above)
		}
	}
	return prefix, k
}

// kthLargest returns the k-th largest value of a (1 <= k <= len(a)) and
// how many values of a are strictly larger, reordering a. Expected
// O(len(a)): quickselect with a median-of-three pivot and a three-way
// partition, so runs of equal values cost nothing extra; callers bound
// len(a) by smallSplit, which bounds the worst case too.
func kthLargest(a []uint64, k int) (v uint64, above int) {
	lo, hi := 0, len(a) // the answer is the k-th largest of a[lo:hi]
	for {
		if hi-lo == 1 {
			return a[lo], above
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
			return p, above + gt - lo
		default:
			// Everything in a[lo:lt] is above the answer.
			above += lt - lo
			k -= lt - lo
			lo = lt
		}
	}
}

// apportionBig is apportion in math/big, for weights whose sum passes
// 2^64-1. The counts still fit: each is at most units.
func apportionBig(out []int64, units uint64, weights []int64) {
	counts := splitBig(new(big.Int).SetUint64(units), weights)
	for i, c := range counts {
		out[i] = int64(c.Uint64())
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
