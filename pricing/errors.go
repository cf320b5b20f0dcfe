package pricing

import (
	"errors"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/shopspring/decimal"
)

// Sentinel errors. Every error the package returns wraps one of them.
var (
	// ErrSyntax is wrapped by every *ParseError: text that is not an amount.
	ErrSyntax = errors.New("pricing: invalid amount")
	// ErrInvalid is wrapped by every *ArgError: an argument outside its domain.
	ErrInvalid = errors.New("pricing: invalid argument")
	// ErrOverflow is returned when a count or an amount is too large to
	// compute with exactly.
	ErrOverflow = errors.New("pricing: overflow")
)

// ParseError reports text Parse refused. It unwraps to ErrSyntax.
type ParseError struct {
	Input  string // the text as given (abbreviated in Error when long)
	Reason string // what is wrong, in English
	Code   string // what is wrong: "empty", "exponent", "grouping", "leading_zero" ... (see Message)
	detail string // the unexpected character, quoted, for code "unexpected"
}

// Error quotes the input and says what is wrong with it.
func (e *ParseError) Error() string {
	return "pricing: invalid amount " + msg.Quote(e.Input) + ": " + e.Reason
}

// Unwrap returns ErrSyntax.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// ArgError reports an argument outside its domain, naming it and its value.
// It has the shape of every typed error in batikkit (capacity.InputError
// too): the field, the value (abbreviated), the reason, the sentinel it
// wraps (Kind) and the underlying error, if any (Err). It unwraps to both.
type ArgError struct {
	Field  string // e.g. "step", "weights[3]", "tiers[1].unit_price"
	Value  string // the offending value as text, abbreviated to 64 bytes
	Reason string // what is wrong, in English (Message gives Indonesian)
	Kind   error  // the sentinel: ErrInvalid, or ErrOverflow for a result too large to compute exactly
	Err    error  // the underlying error (a *ParseError of a refused amount), if any
}

// Error names the argument, its value and the reason.
func (e *ArgError) Error() string {
	return "pricing: " + e.Field + " = " + e.Value + ": " + e.Reason
}

// Unwrap returns the sentinel (ErrInvalid when Kind is unset) and the
// underlying error.
func (e *ArgError) Unwrap() []error {
	kind := e.Kind
	if kind == nil {
		kind = ErrInvalid
	}
	if e.Err != nil {
		return []error{kind, e.Err}
	}
	return []error{kind}
}

// argErr and overflowErr abbreviate the value (msg.Clip), so no message
// grows with its input.
func argErr(field, value, reason string) error {
	return &ArgError{Field: field, Value: msg.Clip(value), Reason: reason, Kind: ErrInvalid}
}

func overflowErr(field, value, reason string) error {
	return &ArgError{Field: field, Value: msg.Clip(value), Reason: reason, Kind: ErrOverflow}
}

func index(field string, i int) string { return field + "[" + strconv.Itoa(i) + "]" }

// decText renders d for a message without building a string longer than
// about 100 bytes: d.String() when d is within the digit limits Format
// writes in full, else Format's scientific form without "Rp"
// ("1e+100000000"). Round, Split and every function that puts a caller's
// decimal in an error should use it rather than d.String(), which for
// decimal.New(1, 1e8) builds a 100 MB string.
func decText(d decimal.Decimal) string {
	if e := int64(d.Exponent()); e <= MaxDigits && -e <= maxCoefDigits && d.NumDigits() <= maxCoefDigits {
		return d.String()
	}
	return strings.Replace(string(appendScientific(nil, d)), "Rp", "", 1)
}

// beyondLimits reports whether d is past the digits an amount may have
// (more than MaxDigits before the point, more than maxCoefDigits after it
// or in its coefficient): the guard Round and Split need before QuoRem,
// whose rescaling of decimal.New(1, 1e8) would build a 10^8-digit number.
func beyondLimits(d decimal.Decimal) bool {
	e := int64(d.Exponent())
	return e > MaxDigits || -e > maxCoefDigits || d.NumDigits()+int(max(e, 0)) > MaxDigits+maxCoefDigits
}
