package pricing

import (
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseDecimal walks ParseDecimal's grammar: each accepted form and
// each code of refusal, at the edges (the characters around '0' and '9',
// 30 and 31 digits, 2 and 3 decimals).
func TestParseDecimal(t *testing.T) {
	d30 := strings.Repeat("9", 30)
	for _, s := range []string{"0", "9", "12500", "12500.5", "12500.05", "-3.25", "-0", d30, d30[:28] + ".99", strings.Repeat("1", 20) + ".5"} {
		got, err := ParseDecimal(s)
		require.NoError(t, err, s)
		assertDecimal(t, s, got, s)
	}
	tests := []struct{ give, code string }{
		{"", "empty"}, {"NaN", "nan"}, {"-inf", "nan"}, {"-Inf", "nan"}, {"Infinity", "nan"},
		{"1e9", "exponent"}, {"1E9", "exponent"},
		{"12.500,00", "grouping"}, {"12,500", "grouping"}, {"1.2.3", "grouping"},
		{"a", "char"}, {"/", "char"}, {":", "char"}, {" 1", "char"}, {"1 ", "char"}, {"+1", "char"}, {"--1", "char"}, {"Rp5", "char"},
		{d30 + "9", "digits"}, {d30[:29] + ".99", "digits"},
		{".", "nan"}, {"-", "nan"}, {"1.", "nan"}, {".5", "nan"}, {"-.5", "nan"},
		{"1.234", "decimals"}, {"0.001", "decimals"},
	}
	for _, tt := range tests {
		_, err := ParseDecimal(tt.give)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, tt.give)
		require.ErrorIs(t, err, ErrSyntax, tt.give)
		assert.Equal(t, tt.code, pe.Code, tt.give)
		assert.Equal(t, strconv.Quote(tt.give), pe.Value)
	}
}

func TestParseFractionCodes(t *testing.T) {
	tests := []struct{ give, code string }{
		{"0.0000000001", "rate_decimals"}, // ten decimals: a rate has at most nine
		{"", "empty"},
		{"1e-3", "exponent"},
		{"NaN", "nan"},
	}
	for _, tt := range tests {
		_, err := parseFraction(tt.give)
		var pe *ParseError
		require.ErrorAs(t, err, &pe, tt.give)
		assert.Equal(t, tt.code, pe.Code, tt.give)
	}
	got, err := parseFraction("0.000000001")
	require.NoError(t, err)
	assertDecimal(t, "0.000000001", got)
}

// TestParseDecimalAllocs guards the cost ParseDecimal's doc states: two
// allocations (the decimal's big.Int and its box), whether the amount is
// built from its parts (up to 18 bytes) or by decimal's own parser.
func TestParseDecimalAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	var (
		sink    decimal.Decimal
		sinkErr error
	)
	for _, s := range []string{"7", "123456789012345678", "-123456789012345.6", "1234567890123456.7", "12345678901234567.8"} {
		assert.Equal(t, 2.0, testing.AllocsPerRun(20, func() { sink, sinkErr = ParseDecimal(s) }), s)
		require.NoError(t, sinkErr)
		assert.Equal(t, decimal.RequireFromString(s).String(), sink.String(), s)
	}
}
