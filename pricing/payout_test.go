package pricing

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestPayouts(t *testing.T) {
	ps, err := Payouts(d("1000000"), []Share{{"A", 100}, {"B", 100}, {"C", 100}}, d("1"))
	require.NoError(t, err)
	assertDecimal(t, "333334", ps[0].Amount)
	assertDecimal(t, "333333", ps[1].Amount)
	assertDecimal(t, "1666", ps[0].PPhFinal)
	assertDecimal(t, "331668", ps[0].AfterPPh)
	for name, shares := range map[string][]Share{
		"none": nil, "empty id": {{"", 1}}, "repeated": {{"A", 1}, {"A", 2}}, "negative": {{"A", -1}}, "all zero": {{"A", 0}},
	} {
		_, err := Payouts(d("100"), shares, d("1"))
		require.ErrorIs(t, err, ErrInvalid, name)
	}
}

// TestPayoutsZeroShare checks that a producer with no pieces is allowed and
// paid nothing, and a negative count is refused.
func TestPayoutsZeroShare(t *testing.T) {
	got, err := Payouts(d("1000000"), []Share{{"A", 3}, {"B", 0}, {"C", 1}}, d("100"))
	require.NoError(t, err)
	require.Len(t, got, 3)
	assertDecimal(t, "750000", got[0].Amount)
	assertDecimal(t, "0", got[1].Amount)
	assertDecimal(t, "250000", got[2].Amount)
	_, err = Payouts(d("1000000"), []Share{{"A", 3}, {"B", -1}}, d("100"))
	requireArgField(t, err, "shares[1].quantity")
}
