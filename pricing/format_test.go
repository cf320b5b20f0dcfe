package pricing

import (
	"math"
	"math/big"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFormat(t *testing.T) {
	tests := []struct{ give, want string }{
		{"0", "Rp0"}, {"5", "Rp5"}, {"1000", "Rp1.000"}, {"1250000", "Rp1.250.000"}, {"-5000", "-Rp5.000"},
		{"1250000.5", "Rp1.250.000,50"}, {"0.05", "Rp0,05"}, {"-0.5", "-Rp0,50"}, {"100.00", "Rp100"},
		{"1.005", "Rp1,005"}, {"1e3", "Rp1.000"}, {"123456789012345678901234.5", "Rp123.456.789.012.345.678.901.234,50"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(d(tt.give)), tt.give)
	}
	assert.Equal(t, "x=Rp1.000", string(AppendFormat([]byte("x="), d("1000"))))
}

func TestFormatParseRoundTrip(t *testing.T) {
	for _, s := range []string{"0", "1", "-1", "0.01", "99.99", "100", "1234567.89", "-9999999999999999.99", "123456789012345678901234567"} {
		back, err := Parse(Format(d(s)))
		require.NoError(t, err, s)
		assertDecimal(t, s, back)
	}
}

// TestFormatEdges pins where Format switches to scientific notation: an
// exponent above MaxDigits, more than 40 decimals or more than 40 digits;
// and that two decimals are kept even when the second is 0.
func TestFormatEdges(t *testing.T) {
	tests := []struct {
		give decimal.Decimal
		want string
	}{
		{decimal.New(1, 30), "Rp1.000.000.000.000.000.000.000.000.000.000"},
		{decimal.New(1, 31), "Rp1e+31"},
		{decimal.New(1, -40), "Rp0," + strings.Repeat("0", 39) + "1"},
		{decimal.New(1, -41), "Rp1e-41"},
		{d("1234567890123456789012345678901234567890"), "Rp1.234.567.890.123.456.789.012.345.678.901.234.567.890"},
		{decimal.New(150, -2), "Rp1,50"},
		{decimal.New(1500, -3), "Rp1,50"},
		{decimal.New(-150, -2), "-Rp1,50"},
		{decimal.New(100, -2), "Rp1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(tt.give), tt.give.String())
	}
}

// TestFormatScientific pins appendScientific's limits: 30 digits in full,
// a 31st cut with "...", an exponent of 0 written "e+0", and a coefficient
// of 4000 bits still printed while one of 4001 bits is not.
func TestFormatScientific(t *testing.T) {
	d30 := "123456789012345678901234567890"
	assert.Equal(t, "Rp"+d30+"e+31", Format(decimal.NewFromBigInt(bigOf(d30), 31)))
	assert.Equal(t, "Rp0e+31", Format(decimal.New(0, 31))) // zero has no sign, even here
	assert.Equal(t, "-Rp"+d30+"...e+32", Format(decimal.NewFromBigInt(bigOf("-"+d30+"1"), 31)))
	// 41 digits at exponent -11: scientific (over 40 digits), cut to 30
	// digits, which moves the exponent back to 0.
	assert.Equal(t, "Rp"+d30+"...e+0", Format(decimal.NewFromBigInt(bigOf(d30+"12345678901"), -11)))

	bits4000 := new(big.Int).Lsh(big.NewInt(1), 3999) // 4000 bits
	got := Format(decimal.NewFromBigInt(bits4000, 0))
	assert.NotContains(t, got, "more than")
	assert.True(t, strings.HasPrefix(got, "Rp"+bits4000.String()[:30]+"...e+"), got)
	bits4001 := new(big.Int).Lsh(big.NewInt(1), 4000)
	assert.Equal(t, "Rp(more than 1000 digits)", Format(decimal.NewFromBigInt(bits4001, 0)))
}

func bigOf(s string) *big.Int {
	b, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return b
}

// Format past the digit limit is bounded and refused by Parse.
func TestFormatBounded(t *testing.T) {
	tests := []struct {
		give decimal.Decimal
		want string
	}{
		{decimal.New(1, 100_000_000), "Rp1e+100000000"},
		{decimal.New(-15, 31), "-Rp15e+31"},
		{decimal.New(1, -(1 << 20)), "Rp1e-1048576"},
		{decimal.RequireFromString(strings.Repeat("9", 50)), "Rp" + strings.Repeat("9", 30) + "...e+20"},
	}
	for _, tt := range tests {
		got := Format(tt.give)
		assert.Equal(t, tt.want, got)
		_, err := Parse(got)
		require.Error(t, err, got)
	}
	assert.Less(t, testing.AllocsPerRun(10, func() { _ = Format(decimal.New(1, 100_000_000)) }), 10.0)
	// The largest amounts Parse returns format in full and parse back.
	for _, s := range []string{strings.Repeat("9", 30), strings.Repeat("9", 28) + ".99", "-" + strings.Repeat("9", 30), "1" + strings.Repeat("0", 29)} {
		v := d(s)
		back, err := Parse(Format(v))
		require.NoError(t, err, Format(v))
		assertDecimal(t, s, back)
	}
	// 1e40 is past MaxDigits: Format says so rather than promising a round trip.
	assert.Equal(t, "Rp1e+40", Format(decimal.New(1, 40)))
}

// TestDecText pins how error messages show a decimal: in full while the
// coefficient has at most 40 digits and the exponent is within Format's
// limits, beyond that in Format's bounded scientific form (at most 30
// digits of the coefficient, then the exponent).
func TestDecText(t *testing.T) {
	d40 := strings.Repeat("7", 40)
	assert.Equal(t, d40, decText(d(d40)))
	assert.Equal(t, strings.Repeat("7", 30)+"...e+11", decText(d(d40+"7")))
	assert.Equal(t, strings.Repeat("3", 30)+"...e+42", decText(decimal.NewFromBigInt(bigOf(strings.Repeat("3", 32)), 40)))
	assert.Equal(t, "1e-100", decText(decimal.New(1, -100)))
	assert.Equal(t, "-1e-64", decText(decimal.New(-1, -64)))
	assert.Equal(t, "0."+strings.Repeat("0", 39)+"1", decText(decimal.New(1, -40)))
	assert.Equal(t, "1e-41", decText(decimal.New(1, -41)))
	assert.Equal(t, "1"+strings.Repeat("0", 30), decText(decimal.New(1, 30)))
	assert.Equal(t, "1e+31", decText(decimal.New(1, 31)))
	assert.Equal(t, "1250000.5", decText(d("1250000.5")))
	assert.Equal(t, "1e+100000000", decText(decimal.New(1, 100_000_000)))
	assert.Equal(t, "-7e-1048576", decText(decimal.New(-7, -(1<<20))))
	assert.False(t, beyondLimits(d("999999999999999999999999999999.99")))
	assert.True(t, beyondLimits(decimal.New(1, 100_000_000)))
	assert.True(t, beyondLimits(decimal.New(1, -(1<<20))))

	// Through Split: a total that is not a multiple of the step.
	_, err := Split(decimal.New(1, -100), []int64{1, 1}, decimal.New(1, -2))
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "1e-100", ae.Value)
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
