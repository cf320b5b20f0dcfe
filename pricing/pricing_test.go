package pricing

// Helpers shared by the package's tests.

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// d is the decimal s, which must be one.
func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// assertDecimal compares decimals by value (Equal): assert.Equal would
// tell 1.0 from 1.
func assertDecimal(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	assert.True(t, d(want).Equal(got), "want %s, got %s %v", want, got, msg)
}

// requireArgField requires err to be an *ArgError wrapping ErrInvalid that
// names field.
func requireArgField(t *testing.T, err error, field string) {
	t.Helper()
	var ae *ArgError
	require.ErrorAs(t, err, &ae)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, field, ae.Field)
}

// ratOf converts a decimal to a big.Rat through its text, independently of
// decimal's arithmetic.
func ratOf(x decimal.Decimal) *big.Rat {
	r, ok := new(big.Rat).SetString(x.String())
	if !ok {
		panic(x.String())
	}
	return r
}
