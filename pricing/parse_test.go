package pricing

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	tests := []struct{ give, want string }{
		{"1250000", "1250000"}, {"1.250.000", "1250000"}, {"Rp1.250.000", "1250000"}, {"Rp 1.250.000", "1250000"},
		{"Rp 1.250.000,50", "1250000.5"}, {"Rp1.250.000,-", "1250000"}, {"Rp 1.250.000,00", "1250000"},
		{"-Rp5.000", "-5000"}, {"RP5.000", "5000"}, {"rp.5.000", "5000"}, {"Rp\u00a05.000", "5000"},
		{"0", "0"}, {"0,5", "0.5"}, {"12,05", "12.05"}, {"  Rp100  ", "100"}, {"999", "999"},
		{"999.999.999.999.999.999.999", "999999999999999999999"}, {"-1", "-1"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := Parse(tt.give)
			require.NoError(t, err, tt.give)
			assertDecimal(t, tt.want, got, tt.give)
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ give, reason string }{
		{"", "empty"}, {"   ", "empty"}, {"Rp", "no digits"}, {"-", "no digits"},
		{"1e9", "exponent"}, {"1e-1000000000", "exponent"}, {"1E5", "exponent"}, {"NaN", "not a number"}, {"Inf", "not a number"},
		{"1.25", "exactly 3 digits"}, {"12.50", "exactly 3 digits"}, {"1250.00", "first group"}, {"1.2345", "exactly 3 digits"},
		{"1,250", "more than 2 decimal"}, {"1,", "followed by"}, {"1,2,3", "decimal separator"}, {"1.000,5,5", "decimal separator"},
		{"Rp-5.000", "minus before Rp"}, {"--5", "sign"}, {"+5", "sign"}, {"5-", "sign"}, {"$5", "unexpected"},
		{"Rp  5", "unexpected"}, {"1 000", "unexpected"}, {"5.000.00", "exactly 3 digits"}, {"12a", "unexpected"},
		{strings.Repeat("9", 1<<20), "longer than 64"},
	}
	for _, tt := range tests {
		t.Run(short(tt.give), func(t *testing.T) {
			_, err := Parse(tt.give)
			var pe *ParseError
			require.ErrorAs(t, err, &pe, tt.give)
			require.ErrorIs(t, err, ErrSyntax)
			assert.Contains(t, pe.Reason(English), tt.reason, tt.give)
			assert.Less(t, len(err.Error()), 300)
		})
	}
}

func TestParseLeadingZeroGroup(t *testing.T) {
	for _, s := range []string{"0.500", "0.001", "Rp0.500", "-Rp0.500", "00.500", "0.000", "Rp 0.500,00"} {
		_, err := Parse(s)
		require.ErrorIs(t, err, ErrSyntax, s)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, "leading_zero", pe.Code, s)
	}
	for s, want := range map[string]string{"0": "0", "0,50": "0.5", "Rp0": "0", "500": "500", "0500": "500", " 5 ": "5", "1.000": "1000"} {
		got, err := Parse(s)
		require.NoError(t, err, s)
		assertDecimal(t, want, got, s)
	}
}

// TestParseLongestInput checks that an input of exactly MaxInputLen bytes
// is read and one byte more is refused.
func TestParseLongestInput(t *testing.T) {
	s := strings.Repeat(" ", MaxInputLen-len("Rp1.250.000")) + "Rp1.250.000"
	got, err := Parse(s)
	require.NoError(t, err)
	assertDecimal(t, "1250000", got)
	_, err = Parse(" " + s)
	var pe *ParseError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "long", pe.Code)
}

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

// short names a subtest after at most 40 bytes of its input.
func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
