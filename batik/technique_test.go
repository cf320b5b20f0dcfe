package batik

import (
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTechniqueSpellings(t *testing.T) {
	tests := []struct {
		give string
		want Technique
	}{
		{"tulis", Tulis}, {"TULIS", Tulis}, {"Batik Tulis", Tulis}, {"  batik_tulis ", Tulis}, {"hand-drawn", Tulis},
		{"Cap", Cap}, {"BATIK CAP", Cap}, {"stamped", Cap},
		{"kombinasi", Kombinasi}, {"Tulis-Cap", Kombinasi},
		{"printing", Printing}, {"Sablon", Printing}, {"Batik Printing", Printing},
		{"", ""},
	}
	for _, tt := range tests {
		var got Technique
		require.NoError(t, got.UnmarshalText([]byte(tt.give)), tt.give)
		assert.Equal(t, tt.want, got, tt.give)
	}
	for _, bad := range []string{"batik", "ikat", "tulisan", "cap cap", "\xff"} {
		var got Technique
		err := got.UnmarshalText([]byte(bad))
		require.ErrorIs(t, err, ErrUnknown, bad)
		var ee *FieldError
		require.ErrorAs(t, err, &ee)
		assert.Equal(t, msg.Quote(bad), ee.Value)
		assert.Equal(t, "technique", ee.Field)
		assert.Equal(t, "technique", ee.Code)
	}
	_, err := ParseTechnique("")
	require.ErrorIs(t, err, ErrUnknown)
}

func TestTechniqueLabel(t *testing.T) {
	assert.Equal(t, Emas, Tulis.Label())
	assert.Equal(t, Putih, Cap.Label())
	assert.Equal(t, Perak, Kombinasi.Label())
	assert.Equal(t, NoLabel, Printing.Label())
	for _, tech := range []Technique{Tulis, Cap, Kombinasi} {
		assert.Equal(t, tech, tech.Label().Technique())
		assert.True(t, tech.IsBatik())
	}
	assert.False(t, Printing.IsBatik())
}
