package capacity

// Tests written to kill mutants gremlins found alive in InputError.Message
// (see .ci/mutation): how the Indonesian message carries the underlying
// error's messages, none, one, or several.

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
)

// someMessages is an error with a fixed list of messages in every language.
type someMessages []string

func (m someMessages) Error() string                  { return "some messages" }
func (m someMessages) Messages(pricing.Lang) []string { return m }

func TestInputErrorMessageCarriesCause(t *testing.T) {
	qty := batik.FieldError{Field: "quantity", Code: "gte", Args: []string{"1"}, Value: "0"}
	tech := batik.FieldError{Field: "technique", Code: "technique", Value: `"ikat"`}
	grade := batik.FieldError{Field: "min_grade", Code: "grade", Value: `"x"`}
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
		{"one message of its own", &qty, "x: nilai tidak sah: " + qtyID},
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
