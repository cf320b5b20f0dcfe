package batik

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestProducerCapability pins Capability: the capability for the technique
// asked, whichever position it holds, and false for one the producer lacks.
func TestProducerCapability(t *testing.T) {
	p := validProducer() // tulis (halus, 6 a week), then cap (sedang, 80)
	c, ok := p.Capability(Cap)
	require.True(t, ok)
	assert.Equal(t, Sedang, c.Grade)
	assert.Equal(t, 80, c.PerWeek)
	c, ok = p.Capability(Tulis)
	require.True(t, ok)
	assert.Equal(t, 6, c.PerWeek)
	c, ok = p.Capability(Printing)
	assert.False(t, ok)
	assert.Equal(t, Capability{}, c)
}
