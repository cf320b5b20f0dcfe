package pricing

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRoundingModeText(t *testing.T) {
	for _, m := range RoundingModes() {
		b, err := m.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, m.String(), string(b))
		var back RoundingMode
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
		got, err := ParseRoundingMode(m.String()) // the Go name
		require.NoError(t, err)
		assert.Equal(t, m, got)
	}
	for give, want := range map[string]RoundingMode{"half_up": HalfUp, "HALF-EVEN": HalfEven, "Half Even": HalfEven, "halfup": HalfUp, "Down": Down, "UP": Up} {
		got, err := ParseRoundingMode(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got, give)
	}
	for _, bad := range []string{"", "half", "ceiling", "HalfDown", strings.Repeat("up", 1000)} {
		_, err := ParseRoundingMode(bad)
		require.ErrorIs(t, err, ErrInvalid, bad)
		assert.LessOrEqual(t, len(err.Error()), 300)
	}
	_, err := RoundingMode(0).MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	_, err = RoundingMode(9).MarshalText()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "", RoundingMode(0).String())

	// In a fee schedule the zero mode (HalfUp by default) is left out.
	b, err := json.Marshal(FeeSchedule{Name: "x", Commission: d("0.065")})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "rounding")
	b, err = json.Marshal(FeeSchedule{Name: "x", Commission: d("0.065"), Rounding: Down})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"rounding":"down"`)
	var f FeeSchedule
	require.NoError(t, json.Unmarshal(b, &f))
	assert.Equal(t, Down, f.Rounding)
}

// TestParseRoundingModeLength checks that a spelling of 32 bytes is read
// (separators are dropped) and one of 33 bytes is refused unread.
func TestParseRoundingModeLength(t *testing.T) {
	s := "Half" + strings.Repeat(" ", 24) + "Even"
	require.Len(t, s, 32)
	got, err := ParseRoundingMode(s)
	require.NoError(t, err)
	assert.Equal(t, HalfEven, got)
	_, err = ParseRoundingMode(s + "_")
	require.ErrorIs(t, err, ErrInvalid)
}
