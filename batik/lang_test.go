package batik

import (
	"strings"
	"testing"

	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// The Indonesian wording of every rule holds no English words: a clerk who
// reads Indonesian must be able to act on it.
func TestIndonesianMessagesHaveNoEnglish(t *testing.T) {
	english := []string{" the ", " must ", " is ", " got ", "column", "header", " row", "field", "unknown", " not ", " and ", "want ", "required", "missing"}
	holes := strings.NewReplacer("{field}", "", "{value}", "", "{param}", "", "{tag}", "")
	for tag, m := range messages {
		text := " " + holes.Replace(m.id) + " "
		for _, w := range english {
			assert.NotContains(t, text, w, "tag %s: %q", tag, m.id)
		}
	}
	// A CSV problem names the column as the file does.
	r := RowError{Line: 2, Column: 7, Header: "Kapasitas per minggu", FieldError: FieldError{Field: "per_week", Tag: "int", Value: `"x"`}}
	assert.Equal(t, `baris 2, kolom 7: Kapasitas per minggu harus bilangan bulat tanpa pemisah ribuan, isinya "x"`, r.Message(Indonesian))
}

func TestDateAndEnumErrorMessages(t *testing.T) {
	_, err := ParseDate("12/21/2026")
	var de *DateError
	require.ErrorAs(t, err, &de)
	assert.Contains(t, de.Message(Indonesian), "HH/BB/TTTT (21/12/2026)")
	assert.Equal(t, strings.TrimPrefix(err.Error(), "batik: "), de.Message(English))
	_, err = ParseTechnique("ikat")
	var ee *EnumError
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, `technique: teknik "ikat" tidak dikenal (pilihan: tulis, cap, kombinasi, printing)`, ee.Message(Indonesian))
	_, err = ParseLang("xx")
	require.ErrorAs(t, err, &ee)
	assert.Equal(t, `nilai "xx" tidak dikenal`, ee.Message(Indonesian))
}
