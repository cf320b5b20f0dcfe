package pricing

import (
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"
)

// Tax is a value-added tax with an exact rational effective rate. The zero
// Tax has rate 0. Build others with NewTax.
type Tax struct {
	name     string
	num, den int64 // effective rate num/den, 0 <= num <= den, den > 0
}

// PPN is the 2025 rule for ordinary goods (PMK 131/2024): 12% on a base
// (DPP nilai lain) of 11/12 of the price, which is 11% in effect, computed
// as price x 11/100 so it stays exact. PPNLuxury is 12% on the full price,
// for goods on the luxury list.
var (
	PPN       = Tax{name: "PPN 12% x 11/12", num: 11, den: 100}
	PPNLuxury = Tax{name: "PPN 12%", num: 12, den: 100}
)

// NewTax returns a tax whose effective rate is the given rate (a fraction,
// 0.11 for 11%) on a base of baseNum/baseDen of the price (1/1 for the full
// price; 11/12 for PPN's DPP nilai lain). The rate may have at most 9
// decimals; errors are *ArgError values wrapping ErrInvalid for a rate
// outside [0, 1], a base outside (0, 1] or too many decimals.
func NewTax(name string, rate decimal.Decimal, baseNum, baseDen int64) (Tax, error) {
	if rate.Sign() < 0 || rate.Cmp(one) > 0 {
		return Tax{}, argErr("rate", decText(rate), codeUnitRange)
	}
	if rate.Exponent() < -9 && !rate.Equal(rate.Round(9)) {
		return Tax{}, argErr("rate", decText(rate), codeRateDecimals)
	}
	if baseDen <= 0 || baseNum <= 0 || baseNum > baseDen || baseDen > 1_000_000 {
		return Tax{}, argErr("base", strconv.FormatInt(baseNum, 10)+"/"+strconv.FormatInt(baseDen, 10), codeBaseRange)
	}
	// rate = r / 10^9 exactly; effective = r*baseNum / (10^9*baseDen),
	// at most 10^15 / 10^15, well inside int64.
	num, den := reduce(rate.Shift(9).IntPart()*baseNum, 1_000_000_000*baseDen)
	return Tax{name: name, num: num, den: den}, nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func reduce(num, den int64) (int64, int64) {
	if num == 0 {
		return 0, 1
	}
	g := gcd(num, den)
	return num / g, den / g
}

// Name returns the name the tax was built with.
func (t Tax) Name() string { return t.name }

// Rate returns the effective rate as a fraction (0.11 for PPN), rounded to
// 12 decimals if it does not terminate.
func (t Tax) Rate() decimal.Decimal {
	if t.den == 0 {
		return decimal.Zero
	}
	return decimal.NewFromInt(t.num).DivRound(decimal.NewFromInt(t.den), 12)
}

// On returns the tax on a tax-exclusive amount: net x rate, rounded down to
// whole rupiah (PER-25/PJ/2014); a negative net (a refund) rounds toward
// zero, the mirror of the positive case. Exact: multiply first, then one
// division with remainder. When net has at most 18 digits (with the zeros
// of a positive exponent) and at most 3 decimals this is OnSen's 128-bit
// arithmetic, O(1) with two allocations (the result's big.Int; none when
// the tax is zero); beyond, decimal arithmetic. Safe for concurrent use.
func (t Tax) On(net decimal.Decimal) decimal.Decimal {
	if t.num == 0 || t.den == 0 {
		return decimal.Zero
	}
	e := net.Exponent()
	c, ok := scaled(net, max(e, 0))
	if ok && e >= -3 {
		// net = c / 10^-e, so the tax is trunc(c*num / (den*10^-e)),
		// den*10^-e <= 10^15 * 10^3 fits, and the quotient <= |c|.
		x := taxUnits(c, uint64(t.num), uint64(t.den)*pow10u(-min(e, 0)))
		if x == 0 {
			return decimal.Decimal{}
		}
		return decimal.New(x, 0)
	}
	q, _ := net.Mul(decimal.NewFromInt(t.num)).QuoRem(decimal.NewFromInt(t.den), 0)
	return q
}

// OnSen is On for an amount in sen (net 125000050 is Rp1.250.000,50): the
// tax in sen, rounded down to whole rupiah (a multiple of 100), toward zero
// for a negative net. The tax is never larger than net (the rate is at
// most 1), so nothing overflows and there is no error. O(1), 128-bit
// arithmetic, no allocation; safe for concurrent use.
func (t Tax) OnSen(net int64) int64 {
	if t.num == 0 || t.den == 0 {
		return 0
	}
	return 100 * taxUnits(net, uint64(t.num), uint64(t.den)*100)
}

// Within splits a tax-inclusive amount into net and tax with net+tax ==
// gross always. When some net makes On(net) + net == gross with a whole
// rupiah tax, that is the split (tax == On(net)). gross values in the gaps
// (On jumps by one rupiah at some steps, so net + On(net) skips some whole
// amounts) have no such net: there the tax is On(net)+1 for the largest
// net below it, so the tax is never understated and nothing is lost.
// Negative gross splits as the mirror. O(1): two multiplications and two
// divisions with remainder, in WithinSen's int64 arithmetic when gross has
// at most 2 decimals and fits in 18 digits as sen (then four allocations:
// two big.Ints, fewer for zero parts), in decimals beyond. Safe for
// concurrent use.
func (t Tax) Within(gross decimal.Decimal) (net, tax decimal.Decimal) {
	if t.num == 0 || t.den == 0 {
		return gross, decimal.Zero
	}
	if g, ok := Cents(gross); ok {
		n, x := t.WithinSen(g)
		return senDecimal(n), senDecimal(x)
	}
	if gross.Sign() < 0 {
		n, x := t.Within(gross.Neg())
		return n.Neg(), x.Neg()
	}
	// The tax T is a whole number with T == On(gross-T), that is
	// T <= (gross-T)*r < T+1 for r = num/den, or
	// x - r/(1+r) < T <= x with x = gross*r/(1+r). As r/(1+r) <= 1/2, the
	// only candidate is T0 = floor(x). If it fails, On(gross-T0) == T0+1
	// and On(gross-T0-1) < T0+1: gross is in a gap, and T0+1 is the tax
	// that does not understate.
	num, den := decimal.NewFromInt(t.num), decimal.NewFromInt(t.den)
	t0, _ := gross.Mul(num).QuoRem(den.Add(num), 0)
	if t.On(gross.Sub(t0)).Equal(t0) {
		return gross.Sub(t0), t0
	}
	t1 := t0.Add(one)
	return gross.Sub(t1), t1
}

// WithinSen is Within for an amount in sen: it splits a tax-inclusive
// gross into net and tax, both in sen, with net+tax == gross always and
// the tax in whole rupiah (a multiple of 100), chosen as Within chooses it
// (tax == OnSen(net) when such a net exists, else one rupiah more, never
// understated). Negative gross splits as the mirror. Nothing overflows:
// both parts lie between 0 and gross. O(1), 128-bit arithmetic, no
// allocation; safe for concurrent use.
func (t Tax) WithinSen(gross int64) (net, tax int64) {
	if t.num == 0 || t.den == 0 {
		return gross, 0
	}
	m := uint64(gross)
	if gross < 0 {
		m = -m
	}
	// As in Within: the only candidate is T0 = floor(gross*r/(1+r)) whole
	// rupiah, or T0+1 when gross falls in a gap. (den+num)*100 <= 2*10^17.
	num, den := uint64(t.num), uint64(t.den)
	x := 100 * mulDiv(m, num, (den+num)*100)
	if 100*mulDiv(m-x, num, den*100) != x {
		x += 100
	}
	n := m - x
	if gross < 0 {
		return int64(-n), int64(-x)
	}
	return int64(n), int64(x)
}

// taxUnits returns trunc(v*num/den), toward zero, for 0 <= num <= den.
func taxUnits(v int64, num, den uint64) int64 {
	m := uint64(v)
	if v < 0 {
		m = -m // two's complement: right for math.MinInt64 too
	}
	q := mulDiv(m, num, den)
	if v < 0 {
		return int64(-q)
	}
	return int64(q)
}

// mulDiv returns floor(m*num/den) for num <= den: m*num < 2^128 and the
// quotient is at most m, so Div64 cannot panic.
func mulDiv(m, num, den uint64) uint64 {
	hi, lo := bits.Mul64(m, num)
	q, _ := bits.Div64(hi, lo, den)
	return q
}

// pow10u returns 10^e for 0 <= e <= 19.
func pow10u(e int32) uint64 {
	p := uint64(1)
	for range e {
		p *= 10
	}
	return p
}

// PPhFinal is the final income tax of UMKM sellers, 0.5% of turnover (PP
// 55/2022), rounded down to whole rupiah by On. A producer pays it on its
// own turnover; a payout statement shows it so the producer can set it aside.
var PPhFinal = Tax{name: "PPh final 0,5% (PP 55/2022)", num: 5, den: 1000}
