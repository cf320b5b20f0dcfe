package pricing

import (
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDecimal(t *testing.T) {
	for give, want := range map[string]string{
		"12500": "12500", "12500.5": "12500.5", "-3.25": "-3.25", "0": "0",
		"123456789012345678901234567890": "123456789012345678901234567890",
	} {
		d, err := ParseDecimal(give)
		require.NoError(t, err, give)
		assert.True(t, d.Equal(decimal.RequireFromString(want)), give)
	}
	tests := []struct{ give, code string }{
		{"", "empty"}, {"NaN", "nan"}, {"-Inf", "nan"}, {".", "nan"}, {"1.", "nan"}, {".5", "nan"},
		{"1e9", "exponent"}, {"12.500,00", "grouping"}, {"12,500", "grouping"}, {"1.2.3", "grouping"},
		{" 5", "char"}, {"Rp5", "char"}, {"1.555", "decimals"},
		{"1234567890123456789012345678901", "digits"},
	}
	for _, tt := range tests {
		_, err := ParseDecimal(tt.give)
		require.ErrorIs(t, err, ErrSyntax, tt.give)
		var pe *ParseError
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, tt.code, pe.Code, tt.give)
		assert.Equal(t, strconv.Quote(tt.give), pe.Value)
	}
}

func TestCents(t *testing.T) {
	tests := []struct {
		give string
		want int64
		ok   bool
	}{
		{"0", 0, true}, {"1", 100, true}, {"12.5", 1250, true}, {"-0.01", -1, true},
		{"1000", 100000, true}, {"0.001", 0, false}, {"9999999999999999.99", 999999999999999999, true},
		{"10000000000000000", 0, false},
	}
	for _, tt := range tests {
		c, ok := Cents(decimal.RequireFromString(tt.give))
		assert.Equal(t, tt.ok, ok, tt.give)
		assert.Equal(t, tt.want, c, tt.give)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { Cents(decimal.New(12345, -2)) }))
}
