package capacity

import (
	"errors"
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// Sentinel errors. Every error the package returns wraps one of them (the
// ledger's are in store.go).
var (
	// ErrInvalid is wrapped by every *InputError about bad input.
	ErrInvalid = errors.New("capacity: invalid input")
	// ErrOverflow is wrapped when capacities, quantities or costs are too
	// large to add or multiply exactly.
	ErrOverflow = errors.New("capacity: overflow")
)

// InputError is the package's one error shape, as every typed error of
// batikkit: the input that is wrong as a path in the input's own JSON
// names ("producers[3].capabilities[0].per_week", "orders[0].quantity"),
// its value as text (abbreviated to 64 bytes with its length), the code of
// the reason in the package's message catalogue with the reason's
// arguments, the sentinel it wraps (Kind) and the underlying error (Err),
// if any (a *batik.ValidationError for an order that fails Validate).
// errors.Is and errors.As see both Kind and Err.
type InputError struct {
	Field string   // the input, as a path: "orders[0].quantity", "opts.weeks"
	Value string   // its value as text, abbreviated to 64 bytes with its length
	Code  string   // the reason's code in the message catalogue: "hold_for_range"
	Args  []string // the reason's arguments
	Kind  error    // the sentinel: ErrInvalid, ErrOverflow, ErrNotFound, ErrConflict ...
	Err   error    // the underlying error, if any
}

// Error returns the message in English, prefixed "capacity: ".
func (e *InputError) Error() string { return "capacity: " + e.Message(pricing.English) }

// Message returns "field = value: reason" in language l, followed by the
// underlying error's own message in l when it has one.
func (e *InputError) Message(l pricing.Lang) string {
	return msg.Line(l, e.Field, e.Value, e.Reason(l), e.Err)
}

// Reason returns what is wrong, in language l, without the field and
// value: the catalogue's text for Code with Args (the code itself for a
// code the catalogue lacks).
func (e *InputError) Reason(l pricing.Lang) string {
	if t, ok := msg.Find(texts[:], e.Code); ok {
		return t.Format(l, e.Args...)
	}
	return e.Code
}

// Unwrap returns the sentinel (ErrInvalid when Kind is unset) and the
// underlying error.
func (e *InputError) Unwrap() []error { return msg.Unwrap(e.Kind, ErrInvalid, e.Err) }

// fail returns an *InputError of kind with the reason c and its arguments.
func fail(kind error, field, value string, c code, args ...string) *InputError {
	return &InputError{Field: field, Value: value, Code: texts[c].Code, Args: args, Kind: kind}
}

func invalid(field, value string, c code, args ...string) *InputError {
	return fail(ErrInvalid, field, value, c, args...)
}

func overflow(field, value string, c code, args ...string) *InputError {
	return fail(ErrOverflow, field, value, c, args...)
}

// quote renders a text value for a message (see msg.Quote).
func quote(s string) string { return msg.Quote(s) }

// decText renders a decimal for a message without building a long string:
// its text when the exponent is small, else its coefficient and exponent
// ("1e-4194304"), abbreviated as msg.Clip does.
func decText(d decimal.Decimal) string {
	if e := d.Exponent(); e < -64 || e > 64 {
		return msg.Clip(d.Coefficient().String()) + "e" + strconv.Itoa(int(e))
	}
	return msg.Clip(d.String())
}
