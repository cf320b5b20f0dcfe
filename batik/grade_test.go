package batik

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGrade(t *testing.T) {
	assert.True(t, Halus.AtLeast(Sedang))
	assert.True(t, Sedang.AtLeast(Sedang))
	assert.False(t, Kasar.AtLeast(Sedang))
	assert.False(t, Halus.AtLeast("bogus"))
	assert.False(t, Grade("bogus").AtLeast(Kasar))
	g, err := ParseGrade("Fine")
	require.NoError(t, err)
	assert.Equal(t, Halus, g)
}
