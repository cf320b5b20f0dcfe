package pricing

import (
	"errors"
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
)

// Sentinel errors. Every error the package returns wraps one of them.
var (
	// ErrSyntax is wrapped by every *ParseError: text that is not an amount.
	ErrSyntax = errors.New("pricing: invalid amount")
	// ErrInvalid is wrapped by every *ArgError of an argument outside its
	// domain.
	ErrInvalid = errors.New("pricing: invalid argument")
	// ErrOverflow is wrapped by an *ArgError of a count or an amount too
	// large to compute with exactly.
	ErrOverflow = errors.New("pricing: overflow")
)

// ArgError reports an argument outside its domain, in the shape of every
// typed error about an input in batikkit: the field, its value
// (abbreviated), the reason as a catalogue code with its arguments, the
// sentinel it wraps and the underlying error, if any.
type ArgError struct {
	Field string   // the argument, as a path in its JSON names: "step", "weights[3]", "lines[1].tiers[0].unit_price"
	Value string   // its value as text, abbreviated: text quoted, past 64 bytes cut with its length; a decimal past the limits as "-999...e+170"
	Code  string   // the catalogue code of the reason: "positive", "not_multiple", "unknown_key" ...
	Args  []string // the reason's arguments ({0}, {1} in its formats): the step of "not_multiple"
	Kind  error    // the sentinel it wraps: ErrInvalid (also when nil), or ErrOverflow
	Err   error    // the underlying error, if any
}

// Error returns "pricing: " and the message in English.
func (e *ArgError) Error() string { return "pricing: " + e.Message(English) }

// Message returns the error in language l: "field = value: reason", with
// the underlying error's message after it when there is one.
func (e *ArgError) Message(l Lang) string { return msg.Line(l, e.Field, e.Value, e.Reason(l), e.Err) }

// Reason returns the catalogue text of e.Code in l with e.Args: what is
// wrong, without the field and the value.
func (e *ArgError) Reason(l Lang) string { return reason(l, e.Code, e.Args) }

// Unwrap returns Kind (ErrInvalid when nil) and Err when set.
func (e *ArgError) Unwrap() []error { return msg.Unwrap(e.Kind, ErrInvalid, e.Err) }

// ParseError reports text Parse or ParseDecimal refused, in ArgError's
// shape. Its Code values are stable: "empty", "exponent", "grouping",
// "leading_zero" ... (see the catalogue in messages.go).
type ParseError struct {
	Field string   // the field the text was read for, as the caller names it; "" from Parse and ParseDecimal
	Value string   // the text, quoted and abbreviated to 64 bytes plus the length
	Code  string   // the catalogue code of the reason: "exponent", "grouping" ...
	Args  []string // the reason's arguments: the unexpected character, quoted, for "unexpected"
	Kind  error    // the sentinel it wraps: ErrSyntax (also when nil)
	Err   error    // the underlying error, if any
}

// Error returns "pricing: " and the message in English.
func (e *ParseError) Error() string { return "pricing: " + e.Message(English) }

// Message returns the error in language l: "field = value: reason", the
// field being "amount" ("jumlah uang") when Field is empty.
func (e *ParseError) Message(l Lang) string {
	field := e.Field
	if field == "" {
		field = texts[codeAmount].Format(l)
	}
	return msg.Line(l, field, e.Value, e.Reason(l), e.Err)
}

// Reason returns the catalogue text of e.Code in l with e.Args: what is
// wrong with the text, the part a caller puts after its own field name.
func (e *ParseError) Reason(l Lang) string { return reason(l, e.Code, e.Args) }

// Unwrap returns Kind (ErrSyntax when nil) and Err when set.
func (e *ParseError) Unwrap() []error { return msg.Unwrap(e.Kind, ErrSyntax, e.Err) }

// argErr returns an *ArgError wrapping ErrInvalid. value must already be
// abbreviated: msg.Quote for text, decText for a decimal.
func argErr(field, value string, c code, args ...string) error {
	return &ArgError{Field: field, Value: value, Code: texts[c].Code, Args: args, Kind: ErrInvalid}
}

// overflowErr is argErr wrapping ErrOverflow.
func overflowErr(field, value string, c code, args ...string) error {
	return &ArgError{Field: field, Value: value, Code: texts[c].Code, Args: args, Kind: ErrOverflow}
}

// parseErr returns the *ParseError of input refused for the reason c.
func parseErr(input string, c code, args ...string) *ParseError {
	return &ParseError{Value: msg.Quote(input), Code: texts[c].Code, Args: args, Kind: ErrSyntax}
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }
