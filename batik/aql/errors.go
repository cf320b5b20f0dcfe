package aql

import (
	"errors"
	"strconv"
)

// Sentinel errors. Every error the package returns is an *InputError that
// unwraps to exactly one of them, so callers can match with errors.Is
// whatever the concrete type.
var (
	// ErrInvalid: an argument or lot field is out of range or not a known
	// spelling (lot size 0, AQL "2.4", level "IV", severity "strict").
	ErrInvalid = errors.New("aql: invalid input")
	// ErrState: a State breaks the switching rules' own bookkeeping (for
	// example tightened with a switching score, or discontinued with fewer
	// than five lots not accepted); refused by Validate, Inspect and on
	// JSON decode.
	ErrState = errors.New("aql: impossible state")
	// ErrDiscontinued: Inspect was called for a producer whose inspection is
	// discontinued (ISO 2859-1:1999, 9.4) and no corrective action has been
	// recorded with Resume.
	ErrDiscontinued = errors.New("aql: inspection discontinued")
)

// InputError names what is wrong: the field as a path ("lot.size",
// "state.switching_score", "aql"), its value as given (abbreviated to 64
// bytes, with the full length, when longer) and why. It unwraps to
// ErrInvalid, ErrState or ErrDiscontinued.
type InputError struct {
	Field  string
	Value  string
	Reason string
	kind   error
}

// Error names the field, quotes the value and gives the reason, e.g.
//
//	aql: lot.size = "0": must be between 1 and 1000000000
func (e *InputError) Error() string {
	s := "aql: " + e.Field
	if e.Value != "" {
		s += " = " + e.Value
	}
	return s + ": " + e.Reason
}

// Unwrap returns the sentinel: ErrInvalid, ErrState or ErrDiscontinued.
func (e *InputError) Unwrap() error { return e.kind }

func invalid(field, value, reason string) *InputError {
	return &InputError{Field: field, Value: quote(value), Reason: reason, kind: ErrInvalid}
}

func invalidInt(field string, v int, reason string) *InputError {
	return invalid(field, strconv.Itoa(v), reason)
}

func badState(field, value, reason string) *InputError {
	return &InputError{Field: "state." + field, Value: quote(value), Reason: reason, kind: ErrState}
}

// maxQuoted is how many bytes of a value an error message shows before it
// abbreviates; the full length is always stated.
const maxQuoted = 64

// quote renders a value for an error message: Go-quoted, and cut at a rune
// boundary with its length when it is longer than maxQuoted bytes.
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
