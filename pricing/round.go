package pricing

import (
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// RoundingMode says which multiple of a step an amount between two
// multiples goes to. It travels as snake_case text ("half_up"; see
// ParseRoundingMode).
//
// The zero RoundingMode is not a mode; it means "not chosen". String
// returns "" for it and MarshalText refuses it, Round and RoundSen refuse
// it, and a struct field of this type states the mode its zero stands for
// (FeeSchedule.Rounding: HalfUp; PriceRule.Mode: Up, so a margin is never
// undercut): the default belongs to the field, not to the type.
type RoundingMode uint8

const (
	HalfUp   RoundingMode = iota + 1 // to the nearest; half away from zero
	HalfEven                         // to the nearest; half to the even multiple (banker's)
	Down                             // toward zero
	Up                               // away from zero
)

// String returns the mode's text form: "half_up", "half_even", "down" or
// "up"; "" for the zero mode (not chosen) and "RoundingMode(9)" for an
// unknown value.
func (m RoundingMode) String() string {
	switch {
	case m == 0:
		return ""
	case m.valid():
		return modeTexts[m]
	}
	return "RoundingMode(" + strconv.Itoa(int(m)) + ")"
}

func (m RoundingMode) valid() bool { return m >= HalfUp && m <= Up }

// Round rounds d to a multiple of step (1, 100, 500, 1000, or 0.01 ...) by
// mode. Negative amounts round as the mirror of positive ones: Down goes
// toward zero, Up away from it, and halves go away from zero (HalfUp) or to
// the even multiple (HalfEven). It returns an *ArgError wrapping ErrInvalid
// when step <= 0 or mode is unknown. Exact, no float64: when d and step,
// written with the smaller of their exponents, fit in 18 digits, it is
// RoundSen's int64 arithmetic, O(1) with two allocations (the result's
// big.Int; one when the result is zero); beyond, one decimal division with
// remainder (QuoRem at precision 0). A d or step with more digits than an
// amount may have (decimal.New(1, 1e8) built in code) is an *ArgError
// wrapping ErrOverflow, refused before any work. Safe for concurrent use.
func Round(d, step decimal.Decimal, mode RoundingMode) (decimal.Decimal, error) {
	if r, ok := roundInt64(d, step, mode); ok {
		return r, nil
	}
	if beyondLimits(d) {
		return decimal.Decimal{}, digitsErr("d", d)
	}
	if step.Sign() > 0 && beyondLimits(step) {
		return decimal.Decimal{}, digitsErr("step", step)
	}
	q, err := roundQuo(d, decimal.NewFromInt(1), step, mode)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return q.Mul(step), nil
}

// roundQuo returns num/den rounded by mode to a whole number of steps, as
// the number of steps. den must be positive.
func roundQuo(num, den, step decimal.Decimal, mode RoundingMode) (decimal.Decimal, error) {
	if step.Sign() <= 0 {
		return decimal.Decimal{}, argErr("step", decText(step), codePositive)
	}
	if !mode.valid() {
		return decimal.Decimal{}, argErr("mode", mode.String(), codeUnknownMode)
	}
	div := den.Mul(step)
	// num = q*div + r with q an integer truncated toward zero and r of num's sign.
	q, r := num.QuoRem(div, 0)
	if r.IsZero() {
		return q, nil
	}
	away := false
	switch mode {
	case Up:
		away = true
	case HalfUp, HalfEven:
		switch c := r.Abs().Add(r.Abs()).Cmp(div); {
		case c > 0:
			away = true
		case c == 0:
			away = mode == HalfUp || q.Abs().Mod(two).Sign() != 0
		}
	}
	if away {
		if num.Sign() < 0 {
			return q.Sub(one), nil
		}
		return q.Add(one), nil
	}
	return q, nil
}

var (
	one = decimal.NewFromInt(1)
	two = decimal.NewFromInt(2)
)

// RoundSen is Round on int64 amounts (whole sen, or any integer unit): it
// rounds v to a multiple of step by mode, negative amounts as the mirror of
// positive ones. It returns an *ArgError wrapping ErrInvalid when step <= 0
// or mode is unknown, and one wrapping ErrOverflow, naming v, when the
// multiple it rounds to is outside the int64 range (math.MaxInt64 rounded
// Up to a step of 100, say). O(1), no allocation; safe for concurrent use.
// Round runs the same code when d and step fit in 18 digits.
func RoundSen(v, step int64, mode RoundingMode) (int64, error) {
	if step <= 0 {
		return 0, argErr("step", strconv.FormatInt(step, 10), codePositive)
	}
	if !mode.valid() {
		return 0, argErr("mode", mode.String(), codeUnknownMode)
	}
	q := roundSteps(v, step, mode)
	if q > math.MaxInt64/step || q < math.MinInt64/step {
		return 0, overflowErr("v", strconv.FormatInt(v, 10), codeRoundsPast, strconv.FormatInt(q, 10), strconv.FormatInt(step, 10))
	}
	return q * step, nil
}

// roundSteps returns a/s rounded by mode to a whole number of steps
// (s > 0, mode valid). It cannot overflow: with s == 1 nothing is rounded,
// and with s >= 2 the quotient is at most 2^62 in magnitude.
func roundSteps(a, s int64, mode RoundingMode) int64 {
	q, r := a/s, a%s // truncated toward zero; r has a's sign
	if r == 0 {
		return q
	}
	if r < 0 {
		r = -r
	}
	away := false
	switch mode {
	case Up:
		away = true
	case HalfUp:
		away = r >= s-r
	case HalfEven:
		away = r > s-r || (r == s-r && q%2 != 0)
	}
	if !away {
		return q
	}
	if a < 0 {
		return q - 1
	}
	return q + 1
}

// roundInt64 is Round in int64 arithmetic, for the common case where d and
// step, brought to their smaller exponent, have at most 18 digits each. It
// reports false (and the caller takes the decimal path) otherwise, and for
// a step <= 0 or an unknown mode, which the decimal path reports.
func roundInt64(d, step decimal.Decimal, mode RoundingMode) (decimal.Decimal, bool) {
	if step.Sign() <= 0 || !mode.valid() {
		return decimal.Decimal{}, false
	}
	a, s, ok := scaledPair(d, step)
	if !ok {
		return decimal.Decimal{}, false
	}
	// |q*s| <= |a| + s < 2*10^18 fits an int64.
	return decimal.New(roundSteps(a, s, mode)*s, min(d.Exponent(), step.Exponent())), true
}

// scaled returns x's coefficient times 10^shift if the result has at most
// 18 digits.
func scaled(x decimal.Decimal, shift int32) (int64, bool) {
	if x.NumDigits()+int(shift) > 18 {
		return 0, false
	}
	c := x.CoefficientInt64()
	for range shift {
		c *= 10
	}
	return c, true
}
