package pricing

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"runtime"
	"slices"
	"strings"
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

// FuzzFormat checks Parse(Format(d)) == d for every d Parse could return
// (at most 2 decimals, at most MaxDigits digits written) and that Format's
// output is bounded for any coefficient and exponent.
func FuzzFormat(f *testing.F) {
	f.Add(int64(125000050), int32(-2))
	f.Add(int64(1), int32(100_000_000))
	f.Add(int64(-5), int32(-1<<20))
	f.Add(int64(math.MaxInt64), int32(11))
	f.Fuzz(func(t *testing.T, coef int64, exp int32) {
		v := decimal.New(coef, exp)
		s := Format(v)
		if len(s) > 100 {
			t.Fatalf("Format(%de%d) is %d bytes", coef, exp, len(s))
		}
		back, err := Parse(s)
		if err != nil {
			digits := 0
			for _, c := range s {
				if c >= '0' && c <= '9' {
					digits++
				}
			}
			if exp >= -2 && digits <= MaxDigits && !strings.Contains(s, "e") {
				t.Fatalf("Format(%s) = %q does not parse back: %v", v, s, err)
			}
			return
		}
		if !back.Equal(v) {
			t.Fatalf("Format(%s) = %q parses to %s", v, s, back)
		}
	})
}

// FuzzQuoteJSON checks that strict decoding never panics, that what it
// accepts encodes and decodes to the same quote, and that it allocates
// within a fixed multiple of its input.
func FuzzQuoteJSON(f *testing.F) {
	good, _ := json.Marshal(Quote{
		Lines:    []QuoteLine{{SKU: "A", Quantity: 2, UnitPrice: decimal.NewFromInt(85000), Tiers: Tiers{{MinQuantity: 1, UnitPrice: decimal.NewFromInt(9)}}}},
		Tax:      PPN,
		Shipping: decimal.New(1250050, -2),
		Fees:     &FeeSchedule{Name: "x", Commission: decimal.New(65, -3), Rounding: Down},
	})
	f.Add(good)
	f.Add([]byte(`{"lines":[{"sku":"A","quantity":1,"unit_price":"1.55e5"}],"tax":{"name":"x","numerator":1,"denominator":9}}`))
	f.Add([]byte(`{"lines":[],"LINES":[],"tax":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var q Quote
		allocs := allocBytes(func() { _ = json.Unmarshal(data, &q) })
		if limit := 64*uint64(len(data)) + 64<<10; allocs > limit {
			t.Fatalf("decoding %d bytes allocated %d bytes", len(data), allocs)
		}
		if err := json.Unmarshal(data, &q); err != nil {
			if len(err.Error()) > 1000 {
				t.Fatalf("message of %d bytes", len(err.Error()))
			}
			return
		}
		b, err := json.Marshal(q)
		if err != nil {
			return // a custom tax with a bad name, or similar: nothing to compare
		}
		var back Quote
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("an accepted quote does not decode again: %v\n%s", err, b)
		}
		b2, _ := json.Marshal(back)
		if !bytes.Equal(b, b2) {
			t.Fatalf("round trip changed the quote:\n%s\n%s", b, b2)
		}
	})
}

// allocBytes returns the bytes fn allocates on the heap.
func allocBytes(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
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
