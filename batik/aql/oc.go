package aql

import (
	"math"
	"math/big"
)

// Model is the probability model of an operating characteristic: how the
// count in a sample is distributed for a lot of a given quality.
type Model uint8

// The models. Binomial and Hypergeometric are for nonconforming items,
// Poisson for nonconformities per 100 items (the forms of the OC curves
// behind ISO 2859-1's tables).
const (
	// Binomial: items from a process (or a lot much larger than the
	// sample) with a share of nonconforming items.
	Binomial Model = iota + 1
	// Hypergeometric: an isolated lot of known size holding a number of
	// nonconforming items, sampled without replacement (the model of
	// ISO 2859-2's procedure A).
	Hypergeometric
	// Poisson: nonconformities per 100 items.
	Poisson
)

// String returns "binomial", "hypergeometric" or "poisson" ("" for an
// unknown model).
func (m Model) String() string {
	switch m {
	case Binomial:
		return "binomial"
	case Hypergeometric:
		return "hypergeometric"
	case Poisson:
		return "poisson"
	}
	return ""
}

// hundredThousand is 100 % in thousandths of a percent, the unit of a
// quality (2.5 % is 2500, as AQL.Thousandths gives).
const hundredThousand = 100_000

// MaxQualityPer100 is the worst quality Acceptance takes for the Poisson
// model: MaxPerItem nonconformities an item, in thousandths of a percent.
const MaxQualityPer100 = MaxPerItem * hundredThousand

// maxExactSample bounds the sample of an exact OC figure: the largest
// sample of Tables 2-A to 2-C.
const maxExactSample = 3150

// Acceptance returns the probability that plan p accepts a lot of the
// given quality: the probability that the sample holds at most p.Ac
// nonconforming items (or nonconformities). Quality is in thousandths of a
// percent (2.5 % nonconforming, or 2.5 nonconformities per 100 items, is
// 2500): percent nonconforming for Binomial and Hypergeometric, at most
// 100 %; nonconformities per 100 items for Poisson, at most
// MaxQualityPer100. For Hypergeometric the lot holds lotSize units of
// which ceil(quality x lotSize / 100 %) are nonconforming (the fewest
// that make the lot's quality at least the given one); the other models
// ignore lotSize.
//
// Binomial and Hypergeometric sums are exact (AcceptanceExact) and rounded
// once to the nearest float64; Poisson is summed in float64 over
// log-terms, to within a few units of 1e-15.
//
// It returns an *InputError wrapping ErrInvalid for an unknown model, a
// plan whose sample is not 1 to 3150 or whose Ac is negative, a quality
// out of range, or (Hypergeometric) a lot size below the sample size or
// above MaxLotSize. Cost: O(Ac) big-integer products of numbers of
// O(n log N) bits for the exact models (binomial n = 3150: a few
// milliseconds; hypergeometric n = 3150 in a lot of 10^9: about 30 ms);
// O(Ac) for Poisson. Safe for concurrent use.
func Acceptance(p Plan, m Model, quality int64, lotSize int) (float64, error) {
	if m == Poisson {
		if err := checkOC(p, m, quality, lotSize); err != nil {
			return 0, err
		}
		return poissonPa(p.SampleSize, p.Ac, float64(p.SampleSize)*float64(quality)/hundredThousand), nil
	}
	r, err := AcceptanceExact(p, m, quality, lotSize)
	if err != nil {
		return 0, err
	}
	f, _ := r.Float64()
	return f, nil
}

// AcceptanceExact is Acceptance as an exact fraction, for Binomial and
// Hypergeometric (a Poisson probability is not a fraction: ErrInvalid).
// The result is a new big.Rat the caller owns.
func AcceptanceExact(p Plan, m Model, quality int64, lotSize int) (*big.Rat, error) {
	if m == Poisson {
		return nil, fail(ErrInvalid, "model", m.String(), codeModel)
	}
	if err := checkOC(p, m, quality, lotSize); err != nil {
		return nil, err
	}
	if m == Hypergeometric {
		d := ceilDiv(quality*int64(lotSize), hundredThousand)
		return hypergeometricPa(int64(lotSize), d, int64(p.SampleSize), p.Ac), nil
	}
	return binomialPa(p.SampleSize, p.Ac, big.NewRat(quality, hundredThousand)), nil
}

func checkOC(p Plan, m Model, quality int64, lotSize int) error {
	if m != Binomial && m != Hypergeometric && m != Poisson {
		return fail(ErrInvalid, "model", itoa(int(m)), codeModel)
	}
	if p.SampleSize < 1 || p.SampleSize > maxExactSample {
		return invalidInt("plan.sample_size", p.SampleSize, codeSampleSize, itoa(maxExactSample), itoa(maxExactSample))
	}
	if p.Ac < 0 {
		return invalidInt("plan.ac", p.Ac, codeNonconforming, itoa(p.SampleSize))
	}
	top := int64(hundredThousand)
	if m == Poisson {
		top = MaxQualityPer100
	}
	if quality < 0 || quality > top {
		return fail(ErrInvalid, "quality", itoa(int(quality)), codeQuality, itoa(int(top)))
	}
	if m == Hypergeometric && (lotSize < p.SampleSize || lotSize > MaxLotSize) {
		return invalidInt("lot.size", lotSize, codeLotSize, itoa(MaxLotSize))
	}
	return nil
}

func ceilDiv(a, b int64) int64 { return (a + b - 1) / b }

// binomialPa is P(X <= ac) for X ~ Binomial(n, p), exactly:
// sum over x of C(n, x) p^x (1-p)^(n-x).
func binomialPa(n, ac int, p *big.Rat) *big.Rat {
	if ac >= n {
		return big.NewRat(1, 1)
	}
	// With p = a/b: sum C(n,x) a^x (b-a)^(n-x) / b^n.
	a, b := p.Num(), p.Denom()
	q := new(big.Int).Sub(b, a)
	sum := new(big.Int)
	term, c, ax, qx := new(big.Int), new(big.Int), new(big.Int), new(big.Int)
	for x := 0; x <= ac; x++ {
		c.Binomial(int64(n), int64(x))
		ax.Exp(a, big.NewInt(int64(x)), nil)
		qx.Exp(q, big.NewInt(int64(n-x)), nil)
		term.Mul(c, ax)
		term.Mul(term, qx)
		sum.Add(sum, term)
	}
	den := new(big.Int).Exp(b, big.NewInt(int64(n)), nil)
	return new(big.Rat).SetFrac(sum, den)
}

// hypergeometricPa is P(X <= ac) for a sample of n drawn without
// replacement from N units of which d are nonconforming, exactly:
// sum over x of C(d, x) C(N-d, n-x) / C(N, n). The terms are integers
// computed from the first by t(x+1) = t(x) (d-x)(n-x) / ((x+1)(N-d-n+x+1)),
// an exact division.
func hypergeometricPa(N, d, n int64, ac int) *big.Rat {
	lo := max(0, n-(N-d)) // fewer conforming units than the sample: x >= lo
	hi := min(int64(ac), n, d)
	if lo > hi {
		return new(big.Rat)
	}
	t := new(big.Int).Binomial(d, lo)
	t.Mul(t, new(big.Int).Binomial(N-d, n-lo))
	sum := new(big.Int).Set(t)
	f, g := new(big.Int), new(big.Int)
	for x := lo; x < hi; x++ {
		f.SetInt64(d - x)
		t.Mul(t, f)
		f.SetInt64(n - x)
		t.Mul(t, f)
		f.SetInt64(x + 1)
		g.SetInt64(N - d - n + x + 1)
		f.Mul(f, g)
		t.Quo(t, f)
		sum.Add(sum, t)
	}
	return new(big.Rat).SetFrac(sum, new(big.Int).Binomial(N, n))
}

// poissonPa is P(X <= ac) for X ~ Poisson(mean), summed over log-terms.
func poissonPa(n, ac int, mean float64) float64 {
	if mean == 0 {
		return 1
	}
	lm := math.Log(mean)
	sum := 0.0
	for x := 0; x <= ac; x++ {
		lg, _ := math.Lgamma(float64(x + 1))
		sum += math.Exp(-mean + float64(x)*lm - lg)
	}
	return min(sum, 1)
}

// binomialPaFloat is binomialPa in float64 over log-terms, for the AOQL
// search (TestBinomialExactAgainstOracle keeps it within 1e-12).
func binomialPaFloat(n, ac int, p float64) float64 {
	switch {
	case p <= 0 || ac >= n:
		return 1
	case p >= 1:
		return 0
	}
	lp, lq := math.Log(p), math.Log1p(-p)
	ln, _ := math.Lgamma(float64(n + 1))
	sum := 0.0
	for x := 0; x <= ac; x++ {
		a, _ := math.Lgamma(float64(x + 1))
		b, _ := math.Lgamma(float64(n - x + 1))
		sum += math.Exp(ln - a - b + float64(x)*lp + float64(n-x)*lq)
	}
	return min(sum, 1)
}

// AOQL returns the average outgoing quality limit of plan p under
// rectifying inspection (lots not accepted are sorted and every
// nonconforming item found is replaced): the largest value over the
// quality q of the average outgoing quality
//
//	AOQ(q) = q x Pa(q) x (N - n) / N
//
// with the quality where it is reached, both in thousandths of a percent
// (the AOQL as a float64, the quality on the grid of thousandths, to
// which the maximum is found exactly). lotSize N may be 0 for a lot much
// larger than the sample ((N - n) / N taken as 1). The model is Binomial
// (nonconforming items) or Poisson (nonconformities per 100 items): the
// AOQL is a long-run figure of a continuing series, which an isolated lot
// does not have.
//
// It returns an *InputError wrapping ErrInvalid for another model, a plan
// Acceptance refuses, or a lot size that is neither 0 nor at least the
// sample size (and at most MaxLotSize). O(Ac log(1/step)): a search over
// AOQ, which is unimodal in q (q and the OC curve of a single sampling
// plan are log-concave). Safe for concurrent use.
func AOQL(p Plan, m Model, lotSize int) (aoql float64, at int64, err error) {
	if m != Binomial && m != Poisson {
		return 0, 0, fail(ErrInvalid, "model", m.String(), codeModel)
	}
	if err := checkOC(p, m, 0, 0); err != nil {
		return 0, 0, err
	}
	if lotSize != 0 && (lotSize < p.SampleSize || lotSize > MaxLotSize) {
		return 0, 0, invalidInt("lot.size", lotSize, codeLotSize, itoa(MaxLotSize))
	}
	factor := 1.0
	if lotSize != 0 {
		factor = float64(lotSize-p.SampleSize) / float64(lotSize)
	}
	aoq := func(q int64) float64 {
		f := float64(q) / hundredThousand
		pa := 0.0
		if m == Poisson {
			pa = poissonPa(p.SampleSize, p.Ac, float64(p.SampleSize)*f)
		} else {
			pa = binomialPaFloat(p.SampleSize, p.Ac, f)
		}
		return float64(q) * pa * factor
	}
	top := int64(hundredThousand)
	if m == Poisson {
		top = MaxQualityPer100
	}
	lo, hi := int64(0), top
	for hi-lo > 2 { // ternary search on the integers
		m1, m2 := lo+(hi-lo)/3, hi-(hi-lo)/3
		if aoq(m1) < aoq(m2) {
			lo = m1 + 1
		} else {
			hi = m2 - 1
		}
	}
	for q := lo; q <= hi; q++ {
		if v := aoq(q); v > aoql {
			aoql, at = v, q
		}
	}
	return aoql, at, nil
}
