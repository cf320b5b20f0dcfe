package pricing

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTax(t *testing.T) {
	assertDecimal(t, "110000", PPN.On(d("1000000")))
	assertDecimal(t, "120000", PPNLuxury.On(d("1000000")))
	assertDecimal(t, "10", PPN.On(d("99")))    // 10.89 rounds down
	assertDecimal(t, "-10", PPN.On(d("-99")))  // mirror
	assertDecimal(t, "0", Tax{}.On(d("1000"))) // zero tax
	net, tax := PPN.Within(d("1110000"))
	assertDecimal(t, "1000000", net)
	assertDecimal(t, "110000", tax)
	// 1,110,001 ... are reachable; check a gap: net 909 -> 909+99=1008, net 910 -> 910+100=1010, so 1009 is a gap.
	net, tax = PPN.Within(d("1009"))
	assertDecimal(t, "909", net)
	assertDecimal(t, "100", tax)
	assertDecimal(t, "99", PPN.On(net)) // tax is On(net)+1 in a gap
	x, err := NewTax("PPN 12% x 11/12", d("0.12"), 11, 12)
	require.NoError(t, err)
	assert.Equal(t, PPN.num, x.num)
	assert.Equal(t, PPN.den, x.den)
	assertDecimal(t, "0.11", x.Rate())
	for _, bad := range []struct {
		rate     string
		num, den int64
	}{{"-0.1", 1, 1}, {"1.5", 1, 1}, {"0.1", 0, 1}, {"0.1", 2, 1}, {"0.1", 1, 0}, {"0.0000000001", 1, 1}} {
		_, err := NewTax("x", d(bad.rate), bad.num, bad.den)
		require.ErrorIs(t, err, ErrInvalid, bad)
	}
}

// TestNewTaxClosedRange pins NewTax's range: both ends of [0, 1] are rates
// (a zero-rated tax and a 100% one), and a base denominator of exactly
// 1,000,000 is allowed while 1,000,001 is not.
func TestNewTaxClosedRange(t *testing.T) {
	zero, err := NewTax("PPN 0% (ekspor)", d("0"), 1, 1)
	require.NoError(t, err)
	assertDecimal(t, "0", zero.Rate())
	assertDecimal(t, "0", zero.On(d("1250000")))

	full, err := NewTax("full", d("1"), 1, 1)
	require.NoError(t, err)
	assertDecimal(t, "1", full.Rate())
	// 100% of Rp1.234,56 is Rp1.234,56, rounded down to whole rupiah.
	assertDecimal(t, "1234", full.On(d("1234.56")))

	// 11% on half the price (500000/1000000): 5.5% in effect, by hand.
	half, err := NewTax("half base", d("0.11"), 500_000, 1_000_000)
	require.NoError(t, err)
	assertDecimal(t, "0.055", half.Rate())
	assertDecimal(t, "55", half.On(d("1000"))) // 1000 x 0.055

	_, err = NewTax("x", d("0.11"), 500_000, 1_000_001)
	requireArgField(t, err, "base")
}

func TestOnSen(t *testing.T) {
	assert.Equal(t, int64(11_000_000), PPN.OnSen(100_000_000)) // Rp1.000.000 -> Rp110.000
	assert.Equal(t, int64(1_000), PPN.OnSen(9_900))            // Rp99 -> Rp10,89 -> Rp10
	assert.Equal(t, int64(-1_000), PPN.OnSen(-9_900))          // mirror
	assert.Equal(t, int64(13_700), PPN.OnSen(125_050))         // Rp1.250,50 -> Rp137,5555 -> Rp137
	assert.Equal(t, int64(0), Tax{}.OnSen(100_000))            // zero tax
	assert.Equal(t, int64(0), PPhFinal.OnSen(19_999))          // Rp199,99 -> Rp0,99 -> Rp0
	full := Tax{num: 1, den: 1}                                // a rate of 100%
	assert.Equal(t, int64(math.MaxInt64/100*100), full.OnSen(math.MaxInt64))
	assert.Equal(t, int64(math.MinInt64/100*100), full.OnSen(math.MinInt64))
}

// TestOnProperty checks On (both its int64 and its decimal arithmetic) and
// OnSen against big.Rat: trunc(net*rate) to whole rupiah.
func TestOnProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	pph := PPhFinal
	odd, err := NewTax("odd", decimal.RequireFromString("0.123456789"), 7, 9)
	require.NoError(t, err)
	taxes := []Tax{PPN, PPNLuxury, pph, odd, {num: 1, den: 3}, {num: 1, den: 1}}
	for range 20000 {
		tax := taxes[rng.IntN(len(taxes))]
		c := rng.Int64()
		if rng.IntN(2) == 0 {
			c = rng.Int64N(2_000_000_000)
		}
		if rng.IntN(2) == 0 {
			c = -c
		}
		net := decimal.New(c, int32(rng.IntN(10))-5)
		rate := big.NewRat(tax.num, tax.den)
		exact := new(big.Rat).Mul(ratOf(net), rate)
		want := new(big.Int).Quo(exact.Num(), exact.Denom()) // toward zero
		got := tax.On(net)
		require.Zero(t, ratOf(got).Cmp(new(big.Rat).SetInt(want)), "%s.On(%s) = %s, want %s", tax.name, net, got, want)

		sen := ratOf(decimal.New(c, -2))
		exact = new(big.Rat).Mul(sen, rate)
		want = new(big.Int).Quo(exact.Num(), exact.Denom())
		require.Equal(t, want.Int64()*100, tax.OnSen(c), "%s.OnSen(%d)", tax.name, c)
	}
}

func TestWithinProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	taxes := []Tax{PPN, PPNLuxury, PPhFinal, {num: 1, den: 3}, {num: 1, den: 1}}
	for range 20000 {
		tax := taxes[rng.IntN(len(taxes))]
		gross := decimal.NewFromInt(rng.Int64N(2_000_000_000) - 1_000_000_000)
		if rng.IntN(4) == 0 {
			gross = gross.Shift(-2)
		}
		net, x := tax.Within(gross)
		require.True(t, net.Add(x).Equal(gross))
		require.True(t, x.IsInteger(), "tax %s not whole", x)
		// Independent check with big.Rat: does a whole tax T with
		// T == floor(|gross - T| * r) exist? Search near gross*r/(1+r).
		g := new(big.Rat).Abs(ratOf(gross))
		r := big.NewRat(tax.num, tax.den)
		x0 := new(big.Rat).Quo(new(big.Rat).Mul(g, r), new(big.Rat).Add(big.NewRat(1, 1), r))
		base := new(big.Int).Quo(x0.Num(), x0.Denom())
		exists := false
		for dT := int64(-2); dT <= 2; dT++ {
			T := new(big.Int).Add(base, big.NewInt(dT))
			if T.Sign() < 0 {
				continue
			}
			n := new(big.Rat).Sub(g, new(big.Rat).SetInt(T))
			tx := new(big.Rat).Mul(n, r)
			if new(big.Int).Quo(tx.Num(), tx.Denom()).Cmp(T) == 0 {
				exists = true
			}
		}
		if exists {
			require.True(t, tax.On(net).Equal(x), "gross %s: tax %s, On(net %s) = %s", gross, x, net, tax.On(net))
		} else {
			require.True(t, tax.On(net).Abs().Add(one).Equal(x.Abs()), "gap at %s: tax %s, On(net) %s", gross, x, tax.On(net))
		}
	}
}

// TestWithinSenProperty checks WithinSen against Within on the same
// amounts in rupiah, and net+tax == gross at the int64 edges.
func TestWithinSenProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	taxes := []Tax{PPN, PPNLuxury, PPhFinal, {num: 1, den: 3}, {num: 1, den: 1}, {}}
	for range 20000 {
		tax := taxes[rng.IntN(len(taxes))]
		g := rng.Int64N(2_000_000_000) - 1_000_000_000
		if rng.IntN(4) == 0 {
			g = rng.Int64()
			if rng.IntN(2) == 0 {
				g = -g
			}
		}
		net, x := tax.WithinSen(g)
		wantNet, wantTax := tax.Within(decimal.New(g, -2))
		require.True(t, wantNet.Equal(decimal.New(net, -2)) && wantTax.Equal(decimal.New(x, -2)),
			"%s.WithinSen(%d) = %d, %d; Within: %s, %s", tax.name, g, net, x, wantNet, wantTax)
	}
	for _, tax := range taxes {
		for _, g := range []int64{math.MaxInt64, math.MinInt64, math.MinInt64 + 1, 0, 1, -1, 99, 100} {
			net, x := tax.WithinSen(g)
			require.Equal(t, g, net+x, "%s.WithinSen(%d)", tax.name, g)
			require.Zero(t, x%100)
		}
	}
}

// TestWithinZeroWithDecimals pins Within on a zero gross written with more
// decimals than sen can hold ("0.000"), which takes the decimal route:
// nothing to split, so net and tax are both zero.
func TestWithinZeroWithDecimals(t *testing.T) {
	for _, tax := range []Tax{PPN, PPNLuxury, PPhFinal} {
		net, x := tax.Within(decimal.New(0, -3))
		assert.True(t, net.IsZero(), "%s: net %s", tax.Name(), net)
		assert.True(t, x.IsZero(), "%s: tax %s", tax.Name(), x)
	}
}

func FuzzWithin(f *testing.F) {
	f.Add(int64(1110000), int64(11), int64(100))
	f.Add(int64(1009), int64(11), int64(100))
	f.Add(int64(-5), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, gross, num, den int64) {
		if den <= 0 || num < 0 || num > den {
			return
		}
		tax := Tax{num: num, den: den}
		g := decimal.NewFromInt(gross)
		net, x := tax.Within(g)
		if !net.Add(x).Equal(g) {
			t.Fatalf("net %s + tax %s != gross %s", net, x, g)
		}
		on := tax.On(net)
		if d := x.Abs().Sub(on.Abs()); d.Sign() < 0 || d.GreaterThan(one) {
			t.Fatalf("tax %s is not On(net) %s or one more", x, on)
		}
		// When a whole net with net + On(net) == gross exists, Within finds it.
		if !x.Equal(on) {
			for _, n := range []decimal.Decimal{net.Sub(one), net, net.Add(one), net.Add(two)} {
				if n.Add(tax.On(n)).Equal(g) {
					t.Fatalf("gross %s: missed net %s", g, n)
				}
			}
		}
	})
}
