package capacity

// Tests written to kill mutants gremlins found alive in json.go (see
// .ci/mutation): every shortfall reason by name, and the edge of an
// amount's quotes.

import (
	"encoding/json"
	"errors"
	"github.com/batikkit/batikkit/batik"
	"testing"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShortReasonText(t *testing.T) {
	for _, r := range []ShortReason{NoProducerWithTechnique, NoProducerAtGrade, AllOnQualityHold, DueTooSoon, NotEnoughCapacity, CapacityTaken} {
		got, err := ParseShortReason(string(r))
		require.NoError(t, err, "ParseShortReason(%q)", r)
		assert.Equal(t, r, got, "ParseShortReason(%q)", r)
		var back ShortReason
		require.NoError(t, back.UnmarshalText([]byte(r)))
		assert.Equal(t, r, back)
	}
	for _, s := range []string{"", "due too soon", "DUE_TOO_SOON"} {
		_, err := ParseShortReason(s)
		require.ErrorIs(t, err, ErrInvalid, "ParseShortReason(%q)", s)
		back := DueTooSoon
		require.ErrorIs(t, back.UnmarshalText([]byte(s)), ErrInvalid, "UnmarshalText(%q)", s)
		assert.Equal(t, DueTooSoon, back, "a failed UnmarshalText leaves the reason alone")
	}
	var sh Shortfall
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"O","pieces":3,"reason":"capacity_taken"}`), &sh))
	assert.Equal(t, CapacityTaken, sh.Reason)
}

// TestAmountQuotes: an amount is a JSON string; the empty string "" is
// one, so it is refused as no amount (with pricing's reason), and a lone
// quote is not a string at all.
func TestAmountQuotes(t *testing.T) {
	var a amount
	err := a.UnmarshalJSON([]byte(`""`))
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "is not an amount", ie.Reason(batik.English), `"" is a string, and no amount`)
	var pe *pricing.ParseError
	assert.True(t, errors.As(err, &pe), "the cause is pricing's: %v", err)

	for _, give := range []string{`"`, `8`, `"8`, `8"`, ``} {
		err = a.UnmarshalJSON([]byte(give))
		require.ErrorAs(t, err, &ie, "%q", give)
		assert.Contains(t, ie.Reason(batik.English), "must be a JSON string", "%q", give)
	}
	require.NoError(t, a.UnmarshalJSON([]byte(`"8"`)))
	assert.Equal(t, "8", decimal.Decimal(a).String())
}

// TestPolicyStringOutOfRange: values past the last policy print as
// "Policy(n)", from the first one past it.
func TestPolicyStringOutOfRange(t *testing.T) {
	assert.Equal(t, "fewest_producers", FewestProducers.String())
	assert.Equal(t, "Policy(5)", Policy(5).String())
	assert.Equal(t, "Policy(255)", Policy(255).String())
}
