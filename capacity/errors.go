package capacity

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error the package returns wraps one of them.
var (
	// ErrInvalid is wrapped by every *InputError about bad input.
	ErrInvalid = errors.New("capacity: invalid input")
	// ErrOverflow is wrapped when capacities, quantities or costs are too
	// large to add or multiply exactly.
	ErrOverflow = errors.New("capacity: overflow")
)

// InputError names the input that is wrong: the field as a path
// ("producers[3].capabilities[0].per_week", "opts.weeks"), its value and
// why. It unwraps to ErrInvalid or ErrOverflow (the ledger's: also
// ErrNotFound for an unknown key, ErrConflict for a wrong state or a key
// reused for another request), and to the underlying error
// when there is one (a *batik.ValidationError for an order that fails
// Validate), so errors.Is and errors.As see both.
type InputError struct {
	Field  string
	Value  string
	Reason string
	kind   error // ErrInvalid or ErrOverflow
	Err    error // the underlying error, if any
}

// Error names the field, the value and the reason.
func (e *InputError) Error() string {
	s := "capacity: " + e.Field
	if e.Value != "" {
		s += " = " + e.Value
	}
	s += ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the sentinel and the underlying error.
func (e *InputError) Unwrap() []error {
	if e.Err != nil {
		return []error{e.kind, e.Err}
	}
	return []error{e.kind}
}

func invalid(field, value, reason string) *InputError {
	return &InputError{Field: field, Value: value, Reason: reason, kind: ErrInvalid}
}

func overflow(field, value, reason string) *InputError {
	return &InputError{Field: field, Value: value, Reason: reason, kind: ErrOverflow}
}

// maxQuoted is how many bytes of a value a message shows before it
// abbreviates; the full length is always stated.
const maxQuoted = 64

// quote renders a value for a message: Go-quoted, and abbreviated with its
// length when long, so a megabyte ID never becomes a megabyte error.
func quote(s string) string {
	if len(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	cut := maxQuoted
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}
