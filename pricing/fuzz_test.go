package pricing

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{"Rp1.250.000", "Rp 1.250.000,50", "1250000", "-Rp5.000", "Rp5.000,-", "1e-1000000000", "NaN", "1.25", "0,05", "Rp.1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		if v.Exponent() < -2 && !v.Equal(v.Round(2)) {
			t.Fatalf("Parse(%q) = %s has more than 2 decimals", s, v)
		}
		canon := Format(v)
		back, err := Parse(canon)
		if err != nil || !back.Equal(v) {
			t.Fatalf("Parse(%q) = %s; Format = %q; Parse again = %s, %v", s, v, canon, back, err)
		}
		if again := Format(back); again != canon {
			t.Fatalf("Format is not canonical: %q then %q", canon, again)
		}
	})
}

func FuzzSplit(f *testing.F) {
	f.Add(int64(100), int64(1), int64(1), int64(1), uint8(0))
	f.Add(int64(-7), int64(math.MaxInt64), int64(math.MaxInt64), int64(0), uint8(1))
	f.Add(int64(1_000_000_000_000_000), int64(3), int64(0), int64(5), uint8(2))
	f.Fuzz(func(t *testing.T, units, w0, w1, w2 int64, stepKind uint8) {
		step := []decimal.Decimal{decimal.NewFromInt(1), decimal.NewFromInt(100), decimal.New(1, -2), decimal.NewFromInt(500)}[stepKind%4]
		total := decimal.NewFromInt(units).Mul(step)
		weights := []int64{w0, w1, w2}
		parts, err := Split(total, weights, step)
		if err != nil {
			if w0 >= 0 && w1 >= 0 && w2 >= 0 && (w0 > 0 || w1 > 0 || w2 > 0) {
				t.Fatalf("valid input refused: %v", err)
			}
			return
		}
		checkSplit(t, total, weights, step, parts)
	})
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

func FuzzSplitSen(f *testing.F) {
	f.Add(int64(100), int64(1), int64(1), int64(1), uint16(0), int64(1))
	f.Add(int64(math.MinInt64), int64(math.MaxInt64), int64(math.MaxInt64), int64(0), uint16(300), int64(1))
	f.Add(int64(11), int64(6), int64(6), int64(2), uint16(200), int64(1))
	f.Fuzz(func(t *testing.T, total, w0, w1, w2 int64, extra uint16, step int64) {
		// extra more parts repeating w0..w2 reach the radix selection.
		weights := []int64{w0, w1, w2}
		for i := range int(extra % 400) {
			weights = append(weights, weights[i%3])
		}
		got, err := SplitSen(total, weights, step)
		if err != nil {
			return
		}
		if want := refSplit(total, weights, step); !slices.Equal(got, want) {
			t.Fatalf("SplitSen(%d, %v, %d) = %v, want %v", total, weights, step, got, want)
		}
	})
}

func FuzzRoundSen(f *testing.F) {
	f.Add(int64(125_000), int64(10_000), uint8(1))
	f.Add(int64(math.MaxInt64), int64(100), uint8(4))
	f.Add(int64(math.MinInt64), int64(3), uint8(2))
	f.Fuzz(func(t *testing.T, v, step int64, m uint8) {
		mode := RoundingMode(m % 6) // includes the invalid 0 and 5
		got, err := RoundSen(v, step, mode)
		if step <= 0 || !mode.valid() {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("RoundSen(%d, %d, %d): err %v, want ErrInvalid", v, step, m, err)
			}
			return
		}
		want := roundRat(ratOf(decimal.NewFromInt(v)), ratOf(decimal.NewFromInt(step)), mode)
		if !want.Num().IsInt64() {
			if !errors.Is(err, ErrOverflow) {
				t.Fatalf("RoundSen(%d, %d, %s) = %d, %v; want ErrOverflow", v, step, mode, got, err)
			}
			return
		}
		if err != nil || got != want.Num().Int64() {
			t.Fatalf("RoundSen(%d, %d, %s) = %d, %v; want %s", v, step, mode, got, err, want.Num())
		}
	})
}
