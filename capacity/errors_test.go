package capacity

import (
	"strings"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuote pins how messages abbreviate a value: up to 64 bytes in full,
// beyond that cut on a rune boundary with the full length stated.
func TestQuote(t *testing.T) {
	s64 := strings.Repeat("x", 64)
	assert.Equal(t, `"`+s64+`"`, quote(s64))
	assert.Equal(t, `"`+s64+`"... (65 bytes)`, quote(s64+"y"))
	s := strings.Repeat("a", 63) + "é" + "bb"
	assert.Equal(t, `"`+strings.Repeat("a", 63)+`"... (67 bytes)`, quote(s))
	assert.Equal(t, `""... (70 bytes)`, quote(strings.Repeat("\x80", 70)))

	// Through Allocate: a long repeated ID is named abbreviated.
	long := strings.Repeat("L", 100)
	_, err := Allocate(capOrder(1), []batik.Producer{
		prod(long, batik.Sedang, capOf(batik.Cap, 1, 1)), prod(long, batik.Sedang, capOf(batik.Cap, 1, 1)),
	}, AllocateOptions{})
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, `"`+long[:64]+`"... (100 bytes)`, ie.Value)
}

// someMessages is an error with a fixed list of messages in every language.
type someMessages []string

func (m someMessages) Error() string                  { return "some messages" }
func (m someMessages) Messages(pricing.Lang) []string { return m }

// TestInputErrorMessageCarriesCause: the Indonesian message carries the
// underlying error's messages, none, one, or several.
func TestInputErrorMessageCarriesCause(t *testing.T) {
	qty := batik.FieldError{Field: "quantity", Tag: "gte", Param: "1", Value: "0"}
	tech := batik.FieldError{Field: "technique", Tag: "technique", Value: `"ikat"`}
	grade := batik.FieldError{Field: "min_grade", Tag: "grade", Value: `"x"`}
	qtyID := qty.Message(batik.Indonesian)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"no cause", nil, "x: nilai tidak sah"},
		{"no messages", someMessages{}, "x: nilai tidak sah"},
		{"one message", someMessages{"satu"}, "x: nilai tidak sah: satu"},
		{"two messages", someMessages{"satu", "dua"}, "x: nilai tidak sah: satu (dan 1 lagi)"},
		{"a validation error of one field", &batik.ValidationError{Fields: []batik.FieldError{qty}}, "x: nilai tidak sah: " + qtyID},
		{"a validation error of three fields", &batik.ValidationError{Fields: []batik.FieldError{qty, tech, grade}}, "x: nilai tidak sah: " + qtyID + " (dan 2 lagi)"},
		{"one message of its own", qty, "x: nilai tidak sah: " + qtyID},
		{"a nested InputError", &InputError{Field: "y", Value: `"v"`, Reason: "unknown policy", Kind: ErrInvalid},
			`x: nilai tidak sah: y = "v": kebijakan tidak dikenal`},
	}
	for _, tt := range tests {
		e := &InputError{Field: "x", Reason: "some new reason", Kind: ErrInvalid, Err: tt.err}
		assert.Equal(t, tt.want, e.Message(batik.Indonesian), tt.name)
	}
	assert.NotEmpty(t, qtyID)
	assert.NotEqual(t, qty.Message(batik.English), qtyID, "the field's message is in Indonesian")
}
