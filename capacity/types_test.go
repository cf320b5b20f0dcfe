package capacity_test

import (
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
)

// TestPolicyStringOutOfRange: values past the last policy print as
// "Policy(n)", from the first one past it.
func TestPolicyStringOutOfRange(t *testing.T) {
	assert.Equal(t, "fewest_producers", capacity.FewestProducers.String())
	assert.Equal(t, "Policy(5)", capacity.Policy(5).String())
	assert.Equal(t, "Policy(255)", capacity.Policy(255).String())
}
