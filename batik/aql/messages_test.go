package aql

import (
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogue: every code has an entry in both languages, no code is
// given twice, placeholders agree, and the Indonesian holds no English.
func TestCatalogue(t *testing.T) {
	assert.Empty(t, msg.Check(texts[:]))
	for c := range numCodes {
		assert.NotEmpty(t, texts[c].Code, "code %d has no entry", c)
	}
}

func TestMessageInBothLanguages(t *testing.T) {
	_, err := ParseAQL("2.4")
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, `aql = "2.4": not in the preferred series 0.010 ... 1000 of ISO 2859-1 (values are not rounded)`, ie.Message(English))
	assert.Equal(t, `aql = "2.4": tidak ada dalam deret pilihan 0,010 ... 1000 ISO 2859-1 (nilai tidak dibulatkan)`, ie.Message(Indonesian))
	assert.Equal(t, "aql: "+ie.Message(English), err.Error())

	_, err = PlanFor(0, LevelII, MustParseAQL("1.0"), Normal)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "lot.size = 0: harus antara 1 dan 1000000000", ie.Message(Indonesian))

	// An unknown code renders as itself; Unwrap gives ErrInvalid for a nil Kind.
	e := &InputError{Field: "x", Code: "no_such_code"}
	assert.Equal(t, "no_such_code", e.Reason(English))
	assert.ErrorIs(t, e, ErrInvalid)
}
