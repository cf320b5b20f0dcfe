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
