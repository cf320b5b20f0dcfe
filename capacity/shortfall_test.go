package capacity_test

import (
	"encoding/json"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestShortReasonText: every shortfall reason reads back from its text;
// other text (another spelling, the empty string) is refused, and a failed
// UnmarshalText leaves the reason alone.
func TestShortReasonText(t *testing.T) {
	for _, r := range []capacity.ShortReason{capacity.NoProducerWithTechnique, capacity.NoProducerAtGrade, capacity.AllOnQualityHold,
		capacity.DueTooSoon, capacity.NotEnoughCapacity, capacity.CapacityTaken} {
		got, err := capacity.ParseShortReason(string(r))
		require.NoError(t, err, "ParseShortReason(%q)", r)
		assert.Equal(t, r, got, "ParseShortReason(%q)", r)
		var back capacity.ShortReason
		require.NoError(t, back.UnmarshalText([]byte(r)))
		assert.Equal(t, r, back)
	}
	for _, s := range []string{"", "due too soon", "DUE_TOO_SOON"} {
		_, err := capacity.ParseShortReason(s)
		inputError(t, err, capacity.ErrInvalid, "reason", "*")
		back := capacity.DueTooSoon
		require.ErrorIs(t, back.UnmarshalText([]byte(s)), capacity.ErrInvalid, "UnmarshalText(%q)", s)
		assert.Equal(t, capacity.DueTooSoon, back, "a failed UnmarshalText leaves the reason alone")
	}
	var sh capacity.Shortfall
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"O","pieces":3,"reason":"capacity_taken"}`), &sh))
	assert.Equal(t, capacity.CapacityTaken, sh.Reason)
}
