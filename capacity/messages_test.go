package capacity

import (
	"errors"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogue checks every message: a code and both languages for each
// constant, the same placeholders in each, no English in the Indonesian.
func TestCatalogue(t *testing.T) {
	for c := code(1); c < ncodes; c++ {
		require.NotEmpty(t, texts[c].Code, "code %d has no entry", c)
	}
	assert.Empty(t, msg.Check(texts[1:]))
}

// TestInputErrorShape: an error renders its field, value and reason in
// both languages, the underlying error's own message in the language
// asked for, and unwraps to its sentinel and the underlying error.
func TestInputErrorShape(t *testing.T) {
	inner := invalid("y", `"v"`, cPolicy)
	e := &InputError{Field: "x", Value: "1", Code: texts[cInvalid].Code, Kind: ErrConflict, Err: inner}
	assert.Equal(t, `capacity: x = 1: is not valid: y = "v": unknown policy; use proportional, even_share, lowest_cost or fewest_producers`, e.Error())
	assert.Equal(t, `x = 1: tidak sah: y = "v": kebijakan tidak dikenal; pilihan: proportional, even_share, lowest_cost, fewest_producers`, e.Message(batik.Indonesian))
	assert.True(t, errors.Is(e, ErrConflict))
	assert.True(t, errors.Is(e, ErrInvalid), "through the underlying error")
	var ie *InputError
	require.ErrorAs(t, e, &ie)
	assert.Equal(t, "invalid", ie.Code)

	// A batik validation error says itself in Indonesian.
	o := batik.Order{ID: "O-1", Technique: "ikat", MinGrade: batik.Halus, Quantity: 1}
	err := o.Validate()
	require.Error(t, err)
	v := &InputError{Field: "orders[0]", Value: `"O-1"`, Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
	assert.Contains(t, v.Message(batik.Indonesian), "tidak sah")
	assert.NotContains(t, v.Message(batik.Indonesian), "is not valid")

	// An error of a code the catalogue lacks says its code, not nothing.
	assert.Equal(t, "x: no_such_code", (&InputError{Field: "x", Code: "no_such_code"}).Message(batik.Indonesian))
	// Long values are abbreviated where the error is made.
	long := invalid("key", quote(strings.Repeat("k", 1<<20)), cTooLong, "256")
	assert.Less(t, len(long.Error()), 300)
}
