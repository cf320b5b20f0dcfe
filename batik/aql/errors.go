package aql

import (
	"errors"
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
)

// Sentinel errors. Every error the package returns is an *InputError that
// unwraps to exactly one of them, so callers can match with errors.Is
// whatever the concrete type.
var (
	// ErrInvalid: an argument, a lot field or a JSON input is out of range
	// or not a known spelling (lot size 0, AQL "2.4", level "IV", severity
	// "strict", a repeated JSON key).
	ErrInvalid = errors.New("aql: invalid input")
	// ErrState: a State or a Record breaks the rules' own bookkeeping (for
	// example tightened with a switching score, discontinued with fewer
	// than five lots not accepted, a verdict that does not follow from its
	// counts); refused by Validate, Inspect and on JSON decode.
	ErrState = errors.New("aql: impossible state")
	// ErrDiscontinued: Inspect was called for a producer whose inspection is
	// discontinued (ISO 2859-1:1999, 9.4) and no corrective action has been
	// recorded with Resume.
	ErrDiscontinued = errors.New("aql: inspection discontinued")
)

// InputError is the one error type of the package: what is wrong with
// which input. Field is the input as a path ("lot.size",
// "state.switching_score", "record.classes[1].found"); Value its value as
// text, abbreviated to 64 bytes with the full length when longer (quoted
// when it is text, bare when it is a number); Code the catalogue code of
// the reason ("lot_size") and Args its arguments; Kind the sentinel it
// wraps (ErrInvalid when nil); Err the underlying error, if any.
type InputError struct {
	Field string
	Value string
	Code  string
	Args  []string
	Kind  error
	Err   error
}

// Error renders the error in English with the package prefix, e.g.
//
//	aql: lot.size = 0: must be between 1 and 1000000000
func (e *InputError) Error() string { return "aql: " + e.Message(English) }

// Message renders the error in l: "field = value: reason".
func (e *InputError) Message(l Lang) string {
	return msg.Line(l, e.Field, e.Value, e.Reason(l), e.Err)
}

// Reason returns the catalogue text of e.Code in l with e.Args in place,
// or the code itself for a code the catalogue does not have.
func (e *InputError) Reason(l Lang) string {
	t, ok := msg.Find(texts[:], e.Code)
	if !ok {
		return e.Code
	}
	return t.Format(l, e.Args...)
}

// Unwrap returns the sentinel (ErrInvalid when Kind is nil) and, when set,
// the underlying error.
func (e *InputError) Unwrap() []error { return msg.Unwrap(e.Kind, ErrInvalid, e.Err) }

// fail builds an error about field with an already rendered value.
func fail(kind error, field, value string, c code, args ...string) *InputError {
	return &InputError{Field: field, Value: value, Code: texts[c].Code, Args: args, Kind: kind}
}

// invalid is an ErrInvalid about text (quoted).
func invalid(field, value string, c code, args ...string) *InputError {
	return fail(ErrInvalid, field, msg.Quote(value), c, args...)
}

// invalidInt is an ErrInvalid about a number.
func invalidInt(field string, v int, c code, args ...string) *InputError {
	return fail(ErrInvalid, field, strconv.Itoa(v), c, args...)
}

// badState is an ErrState about a field of a State.
func badState(field, value string, c code, args ...string) *InputError {
	return fail(ErrState, "state."+field, value, c, args...)
}

func itoa(v int) string { return strconv.Itoa(v) }
