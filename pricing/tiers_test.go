package pricing

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTiers(t *testing.T) {
	tiers := Tiers{{1, d("185000")}, {12, d("175000")}, {60, d("160000")}, {240, d("150000")}}
	require.NoError(t, tiers.Validate())
	for q, want := range map[int]string{1: "185000", 11: "185000", 12: "175000", 59: "175000", 60: "160000", 1000: "150000"} {
		got, err := tiers.UnitPrice(q)
		require.NoError(t, err)
		assertDecimal(t, want, got, q)
	}
	for _, q := range []int{0, -1} {
		_, err := tiers.UnitPrice(q)
		require.ErrorIs(t, err, ErrInvalid)
	}
	_, err := Tiers{{10, d("1")}}.UnitPrice(9)
	require.ErrorIs(t, err, ErrInvalid)
	bad := map[string]Tiers{
		"tiers":                 {},
		"tiers[0].min_quantity": {{0, d("1")}},
		"tiers[0].unit_price":   {{1, d("0")}},
		"tiers[1].min_quantity": {{5, d("10")}, {5, d("9")}},
		"tiers[1].unit_price":   {{1, d("10")}, {5, d("10")}},
	}
	for field, tt := range bad {
		var ae *ArgError
		require.ErrorAs(t, tt.Validate(), &ae, field)
		assert.Equal(t, field, ae.Field)
	}
	var ae *ArgError
	require.ErrorAs(t, Tiers{{10, d("5")}, {2, d("4")}}.Validate(), &ae)
	assert.Equal(t, "tiers[1].min_quantity", ae.Field)
}
