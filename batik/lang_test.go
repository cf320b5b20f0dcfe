package batik

import (
	"errors"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLang(t *testing.T) {
	l, err := ParseLang("ID")
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	l, err = ParseLang("en")
	require.NoError(t, err)
	assert.Equal(t, English, l)
	// Javanese is matched to Indonesian, which its speakers read.
	l, err = ParseLang("jv")
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	_, err = ParseLang("de")
	require.ErrorIs(t, err, ErrUnknown)
}

func TestParseLangTags(t *testing.T) {
	tests := []struct {
		give string
		want Lang
	}{
		{"id", Indonesian}, {"ID", Indonesian}, {"id-ID", Indonesian}, {"in", Indonesian},
		{"id;q=0.8", Indonesian}, {"id-ID,id;q=0.9,en;q=0.8", Indonesian}, {"Bahasa Indonesia", Indonesian},
		{"en", English}, {"en-US", English}, {"en-US,en;q=0.9", English}, {"en-GB", English},
		{"fr;q=0.9,id;q=0.5", Indonesian}, // French is not served: the next choice is
		{"english", English},
	}
	for _, tt := range tests {
		got, err := ParseLang(tt.give)
		require.NoError(t, err, tt.give)
		assert.Equal(t, tt.want, got, tt.give)
	}
	for _, bad := range []string{"", "xx-invalid-tag-!!", "fr", "zh-Hant", strings.Repeat("en,", 1000)} {
		_, err := ParseLang(bad)
		require.ErrorIs(t, err, ErrUnknown, bad)
		assert.Less(t, len(err.Error()), 300)
	}
	// batik.Lang is pricing.Lang: one value serves both packages.
	var l pricing.Lang = Indonesian
	assert.Equal(t, pricing.Indonesian, l)
}

// TestParseLangLengthBound pins ParseLang's 256-byte bound: a name padded
// to 256 bytes is still read, one byte more is refused before any work.
func TestParseLangLengthBound(t *testing.T) {
	s := strings.Repeat(" ", 254) + "id"
	require.Len(t, s, 256)
	l, err := ParseLang(s)
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	_, err = ParseLang(" " + s)
	var ee *FieldError
	require.True(t, errors.As(err, &ee))
}
