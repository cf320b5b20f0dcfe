package pricing

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
)

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
