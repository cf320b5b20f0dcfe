package batik

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can match with errors.Is whatever the concrete type.
var (
	// ErrInvalid is wrapped by every *ValidationError: a record broke a rule.
	ErrInvalid = errors.New("batik: invalid record")
	// ErrUnknown is wrapped by every *EnumError: a spelling no enum accepts.
	ErrUnknown = errors.New("batik: unknown value")
	// ErrData is wrapped by every *DataError: a CSV or JSON input had bad rows.
	ErrData = errors.New("batik: bad input data")
)

// EnumError reports text that is not a known spelling of an enum such as
// Technique or Grade. It unwraps to ErrUnknown.
type EnumError struct {
	Type  string // the enum, e.g. "technique"
	Value string // the text as given
}

// Error names the enum and quotes the value.
func (e *EnumError) Error() string {
	return fmt.Sprintf("batik: unknown %s %s", e.Type, quote(e.Value))
}

// Unwrap returns ErrUnknown.
func (e *EnumError) Unwrap() error { return ErrUnknown }

// maxQuoted is how many bytes of a value an error message shows before it
// abbreviates; the full length is always stated, so nothing is hidden.
const maxQuoted = 64

// quote renders a value for an error message: Go-quoted, and abbreviated with
// its length when it is long (a 1 MiB cell must not become a 1 MiB message).
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// Lang selects the language of a message.
type Lang uint8

const (
	English    Lang = iota + 1 // English
	Indonesian                 // Bahasa Indonesia
)

// ParseLang reads "en", "english", "id", "indonesian" or "bahasa" (any case).
func ParseLang(s string) (Lang, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "en", "eng", "english", "inggris":
		return English, nil
	case "id", "ind", "indonesian", "indonesia", "bahasa", "bahasa indonesia":
		return Indonesian, nil
	}
	return 0, &EnumError{Type: "language", Value: s}
}
