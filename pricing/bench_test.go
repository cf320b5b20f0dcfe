package pricing

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

var sinkDec decimal.Decimal

func BenchmarkParse(b *testing.B) {
	for _, s := range []string{"Rp1.250.000", "Rp 1.250.000,50", "1250000", "999.999.999.999.999.999.999"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				v, err := Parse(s)
				if err != nil {
					b.Fatal(err)
				}
				sinkDec = v
			}
		})
	}
}

var sinkStr string

func BenchmarkFormat(b *testing.B) {
	for _, s := range []string{"1250000", "1250000.5", "123456789012345678901234.5"} {
		v := decimal.RequireFromString(s)
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkStr = Format(v)
			}
		})
	}
}

func BenchmarkRound(b *testing.B) {
	v, step := decimal.RequireFromString("1234567.89"), decimal.NewFromInt(500)
	b.ReportAllocs()
	for b.Loop() {
		r, err := Round(v, step, HalfEven)
		if err != nil {
			b.Fatal(err)
		}
		sinkDec = r
	}
}

// benchWeights are n producers' pieces, 1 to 500 each, the same for every
// split benchmark of size n.
func benchWeights(n int) []int64 {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	weights := make([]int64, n)
	for i := range weights {
		weights[i] = 1 + rng.Int64N(500)
	}
	return weights
}

// BenchmarkSplit splits a campaign budget among n producers weighted by
// their pieces; beside it, slices.Sort of n int64 is the floor to compare.
func BenchmarkSplit(b *testing.B) {
	for _, n := range []int{10, 1000, 100000} {
		rng := rand.New(rand.NewPCG(2, uint64(n)))
		weights := benchWeights(n)
		total := decimal.NewFromInt(987_654_321_000)
		step := decimal.NewFromInt(1)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Split(total, weights, step); err != nil {
					b.Fatal(err)
				}
			}
		})
		orig := make([]int64, n)
		for i := range orig {
			orig[i] = rng.Int64()
		}
		keys := make([]int64, n)
		// The copy (about 1% of the sort at 100,000) keeps every
		// iteration sorting random data.
		b.Run(strconv.Itoa(n)+"/slices.Sort-int64", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				copy(keys, orig)
				slices.Sort(keys)
			}
		})
	}
}

func BenchmarkQuote(b *testing.B) {
	q := Quote{Tax: PPN, Shipping: decimal.NewFromInt(2_500_000), Discount: decimal.NewFromInt(1_000_000),
		Fees: &FeeSchedule{Commission: decimal.RequireFromString("0.065"), CommissionCap: decimal.NewFromInt(40000), OrderFee: decimal.NewFromInt(1250)}}
	tiers := Tiers{{1, decimal.NewFromInt(185000)}, {12, decimal.NewFromInt(175000)}, {60, decimal.NewFromInt(160000)}}
	for i := range 1000 {
		l := QuoteLine{SKU: "SKU-" + strconv.Itoa(i), Quantity: 1 + i%90}
		if i%2 == 0 {
			l.Tiers = tiers
		} else {
			l.UnitPrice = decimal.NewFromInt(int64(50000 + 100*i))
		}
		q.Lines = append(q.Lines, l)
	}
	b.Run("1000lines", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := q.Price(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSplitSen is BenchmarkSplit's split on int64: SplitSen returns a
// new slice, AppendSplitSen reuses one.
func BenchmarkSplitSen(b *testing.B) {
	for _, n := range []int{10, 1000, 100000} {
		weights := benchWeights(n)
		const total, step = 987_654_321_000, 1
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := SplitSen(total, weights, step); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(strconv.Itoa(n)+"/append", func(b *testing.B) {
			buf := make([]int64, 0, n)
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if buf, err = AppendSplitSen(buf[:0], total, weights, step); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var sinkInt int64

func BenchmarkRoundSen(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		r, err := RoundSen(123_456_789, 50_000, HalfEven)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = r
	}
}

// BenchmarkTax is PPN on Rp1.234.567,89 as a decimal and in sen.
func BenchmarkTax(b *testing.B) {
	d := decimal.New(123_456_789, -2)
	b.Run("On", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec = PPN.On(d)
		}
	})
	b.Run("OnSen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt = PPN.OnSen(123_456_789)
		}
	})
	b.Run("Within", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkDec, _ = PPN.Within(d)
		}
	})
	b.Run("WithinSen", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInt, _ = PPN.WithinSen(123_456_789)
		}
	})
}
