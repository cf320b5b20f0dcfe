package pricing

import (
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

// TestAllocations guards every statement about allocations in the
// package's documentation: each row is one claim, with the inputs at the
// edges of the case it covers.
func TestAllocations(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	var (
		sinkD   decimal.Decimal
		sinkS   string
		sinkI   int64
		sinkErr error
		sinkP   []decimal.Decimal
	)
	type claim struct {
		name string
		f    func()
		want float64
	}
	var tests []claim
	for _, s := range []string{"Rp1.250.000", "Rp 1.250.000,50", "-Rp5.000", "1", "999.999.999.999.999.999", "9.999.999.999.999.999,99"} {
		tests = append(tests, claim{"Parse " + s, func() { sinkD, sinkErr = Parse(s) }, 2})
	}
	tests = append(tests, claim{"Parse zero", func() { sinkD, sinkErr = Parse("Rp0") }, 1})
	for _, d := range []decimal.Decimal{
		decimal.Zero, decimal.New(1250000, 0), decimal.New(125000050, -2), decimal.New(-5000, 0),
		decimal.New(999_999_999_999_999_999, 11), decimal.New(1, 5), decimal.New(1, -18),
		decimal.New(-999_999_999_999_999_999, -18), decimal.New(-999_999_999_999_999_999, 0),
	} {
		tests = append(tests, claim{"Format " + d.String(), func() { sinkS = Format(d) }, 1})
		buf := make([]byte, 0, 48)
		tests = append(tests, claim{"AppendFormat " + d.String(), func() { buf = AppendFormat(buf[:0], d) }, 0})
	}
	step := decimal.NewFromInt(500)
	for _, d := range []decimal.Decimal{decimal.New(123456789, -2), decimal.New(-123456789, -2), decimal.New(999_999_999_999_999_999, 0), decimal.New(1, -3)} {
		tests = append(tests, claim{"Round " + d.String(), func() { sinkD, sinkErr = Round(d, step, Up) }, 2})
	}
	small := decimal.New(4, -1)
	tests = append(tests, claim{"Round to zero", func() { sinkD, sinkErr = Round(small, step, Down) }, 1})
	for _, d := range []decimal.Decimal{decimal.New(123456789, -2), decimal.New(-123456789, -3), decimal.New(999_999_999_999_999_999, 0), decimal.New(5, 17)} {
		tests = append(tests, claim{"Tax.On " + d.String(), func() { sinkD = PPN.On(d) }, 2})
	}
	for _, d := range []decimal.Decimal{decimal.New(1_110_000, 0), decimal.New(-123_456_789, -2), decimal.New(999_999_999_999_999_999, -2), decimal.New(12, 14)} {
		tests = append(tests, claim{"Tax.Within " + d.String(), func() { sinkD, _ = PPN.Within(d) }, 4})
	}
	nine := decimal.New(9, 0)
	tests = append(tests,
		claim{"Tax.On zero tax", func() { sinkD = PPN.On(nine) }, 0},
		claim{"Tax.On zero rate", func() { sinkD = Tax{}.On(nine) }, 0},
		claim{"Tax.OnSen", func() { sinkI = PPN.OnSen(-123_456_789) }, 0},
		claim{"Tax.WithinSen", func() { sinkI, _ = PPN.WithinSen(-123_456_789) }, 0},
		claim{"RoundSen", func() { sinkI, sinkErr = RoundSen(-123_456_789, 10_000, HalfEven) }, 0},
	)
	// Split: the result, the unit counts beyond 64 parts, and two for each
	// non-zero part.
	total, sen := decimal.New(987_654_321_000, -2), decimal.New(1, -2)
	for _, n := range []int{1, 10, 64, 65, 1000} {
		weights := benchWeights(n)
		want := 1 + 2*float64(n)
		if n > 64 {
			want++
		}
		tests = append(tests, claim{"Split n=" + strconv.Itoa(n), func() { sinkP, sinkErr = Split(total, weights, sen) }, want})
	}
	three, one, sparse := decimal.New(3, 0), decimal.New(1, 0), []int64{1, 0, 0, 0, 0, 0, 0, 1}
	tests = append(tests,
		claim{"Split zero parts", func() { sinkP, sinkErr = Split(three, sparse, one) }, 1 + 2*2},
		claim{"Split all zero", func() { sinkP, sinkErr = Split(decimal.Zero, sparse, one) }, 1})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, testing.AllocsPerRun(20, tt.f))
			assert.NoError(t, sinkErr)
		})
	}
	_, _, _, _ = sinkD, sinkS, sinkI, sinkP
}
