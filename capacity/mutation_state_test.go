package capacity_test

// Tests written to kill mutants gremlins found alive in State's text
// methods (see .ci/mutation): every state by name, both ways, and the
// values that are not states.

import (
	"encoding/json"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStateText(t *testing.T) {
	tests := []struct {
		st    capacity.State
		name  string
		takes bool
	}{
		{capacity.Held, "held", true},
		{capacity.Confirmed, "confirmed", true},
		{capacity.Cancelled, "cancelled", false},
		{capacity.Expired, "expired", false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualValues(t, i+1, tt.st, "the states number 1 to 4 in this order: stored bookings hold the number")
			assert.Equal(t, tt.name, tt.st.String())
			got, err := capacity.ParseState(tt.name)
			require.NoError(t, err, "ParseState(%q)", tt.name)
			assert.Equal(t, tt.st, got, "ParseState(%q)", tt.name)
			b, err := tt.st.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(b))
			var back capacity.State
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.st, back)
			j, err := json.Marshal(map[string]capacity.State{"state": tt.st})
			require.NoError(t, err)
			assert.JSONEq(t, `{"state":"`+tt.name+`"}`, string(j))
			assert.Equal(t, tt.takes, tt.st.Takes(), "only held and confirmed bookings take capacity")
		})
	}

	// Not states: the zero State, one past Expired, the largest.
	assert.Equal(t, "", capacity.State(0).String(), "the zero State prints as nothing")
	assert.Equal(t, "State(5)", capacity.State(5).String())
	assert.Equal(t, "State(255)", capacity.State(255).String())
	for _, st := range []capacity.State{0, 5, 255} {
		assert.False(t, st.Takes(), "State(%d) takes no capacity", st)
		_, err := st.MarshalText()
		require.ErrorIs(t, err, capacity.ErrInvalid, "State(%d) has no text", st)
	}
	for _, s := range []string{"", "Held", "hold", "State(5)"} {
		_, err := capacity.ParseState(s)
		require.ErrorIs(t, err, capacity.ErrInvalid, "ParseState(%q) is no state", s)
		var st capacity.State
		require.ErrorIs(t, st.UnmarshalText([]byte(s)), capacity.ErrInvalid, "UnmarshalText(%q)", s)
		assert.Zero(t, st, "a failed UnmarshalText leaves the state alone")
	}
}
