package batik

import (
	"errors"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/pricing"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can match with errors.Is whatever the concrete type.
var (
	// ErrInvalid is wrapped by every *ValidationError and by a
	// *FieldError of a value that breaks a rule (an amount, a date): a
	// record or a value broke a rule.
	ErrInvalid = errors.New("batik: invalid record")
	// ErrUnknown is wrapped by a *FieldError of text no enum accepts: a
	// spelling of no technique, grade, language ...
	ErrUnknown = errors.New("batik: unknown value")
	// ErrData is wrapped by every *DataError: a CSV or JSON input had bad
	// rows, or a single record's JSON broke the strict rules.
	ErrData = errors.New("batik: bad input data")
)

// FieldError is the one shape of an error about an input: which field,
// its value, why (a code of the package's catalogue with its arguments),
// the sentinel it wraps and the error underneath, if any. ParseTechnique,
// ParseDate, ParseAmount, ParseLang and the enums' UnmarshalText return
// one; a *ValidationError lists them; a RowError is one with its place in
// a file.
type FieldError struct {
	Field string   // the field, as a path in the input's JSON names: "capabilities[1].per_week"
	Value string   // its value as text, abbreviated: text quoted (msg.Quote), numbers as they are (msg.Clip); "" when there is none to show
	Code  string   // the catalogue code of the reason: the rule's struct tag ("gte", "technique"), a reader's problem ("fields"), or "amount_" and pricing's code for an amount
	Args  []string // the reason's arguments, {0}, {1} in its formats: the bound of "gte", the phrase of "notbatik"
	Kind  error    // the sentinel it wraps: ErrInvalid (also when nil), ErrUnknown or ErrData
	Err   error    // the underlying error: for an amount, the *pricing.ParseError
}

// Error returns "batik: " and the message in English.
func (e *FieldError) Error() string { return "batik: " + e.Message(English) }

// Message returns the error in language l (English for an unknown Lang):
// "field = value: reason", the value left out when there is none. An
// amount's reason is its *pricing.ParseError's, said once.
func (e *FieldError) Message(l Lang) string {
	return msg.Line(l, e.Field, e.Value, e.Reason(l), e.underlying())
}

// Reason returns what is wrong in language l, without the field and the
// value: the catalogue's text of Code with Args, or for an amount the
// reason of its *pricing.ParseError.
func (e *FieldError) Reason(l Lang) string {
	if pe := e.amount(); pe != nil {
		return pe.Reason(l)
	}
	return reason(l, e.Code, e.Args)
}

// Unwrap returns Kind (ErrInvalid when nil) and Err when set.
func (e *FieldError) Unwrap() []error { return msg.Unwrap(e.Kind, ErrInvalid, e.Err) }

// amount returns the *pricing.ParseError of an amount, or nil.
func (e *FieldError) amount() *pricing.ParseError {
	pe, _ := e.Err.(*pricing.ParseError)
	return pe
}

// underlying is the error Message adds after the reason: Err, unless it
// is the amount's ParseError whose reason is already the reason.
func (e *FieldError) underlying() error {
	if e.amount() != nil {
		return nil
	}
	return e.Err
}

// fieldErr returns a FieldError of field with value (already abbreviated)
// for the reason c.
func fieldErr(field, value string, c code, args ...string) FieldError {
	return FieldError{Field: field, Value: value, Code: texts[c].Code, Args: args}
}

// dataErr returns a FieldError wrapping ErrData: a problem of an input's
// form (its header, a row's cells, its JSON) rather than of a value.
func dataErr(field string, c code, args ...string) FieldError {
	return FieldError{Field: field, Code: texts[c].Code, Args: args, Kind: ErrData}
}

// unknownErr is the error of text no spelling of an enum of kind c is.
func unknownErr(field, text string, c code) *FieldError {
	f := fieldErr(field, msg.Quote(text), c)
	f.Kind = ErrUnknown
	return &f
}

// ValidationError lists every field of a record that broke a rule, in the
// order the fields appear in the struct (tag rules first, then the rules
// that span fields). It unwraps to ErrInvalid.
type ValidationError struct {
	Fields []FieldError
}

// Error returns "batik: invalid record: " and the English message.
func (e *ValidationError) Error() string { return ErrInvalid.Error() + ": " + e.Message(English) }

// Message joins the messages of the first five fields in language l and
// counts the rest, so that it is bounded however many fields fail.
func (e *ValidationError) Message(l Lang) string {
	return join(l, len(e.Fields), 0, func(i int) string { return e.Fields[i].Message(l) })
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Messages returns one message per failing field in the language l.
func (e *ValidationError) Messages(l Lang) []string {
	out := make([]string, len(e.Fields))
	for i := range e.Fields {
		out[i] = e.Fields[i].Message(l)
	}
	return out
}

// RowError is one problem in a CSV or JSON input: a FieldError located by
// line and column, both 1-based. In CSV, Line is where the record starts
// and Column is the number of the cell in its row, as a spreadsheet counts
// them (0 when the problem is the whole row); in JSON, they are the line
// and byte column where the element starts.
type RowError struct {
	Line   int
	Column int
	Header string // in CSV, the column's header cell as the file has it ("Kapasitas per minggu"); "" otherwise
	FieldError
}

// Message returns "line 4, column 7: " and the FieldError's message in
// language l. In CSV the message names the column by its header cell, as
// the clerk sees it in the file, rather than by its JSON name.
func (e *RowError) Message(l Lang) string {
	at := texts[codeAtLine].Format(l, strconv.Itoa(e.Line))
	if e.Column > 0 {
		at = texts[codeAtCell].Format(l, strconv.Itoa(e.Line), strconv.Itoa(e.Column))
	}
	f := e.FieldError
	if e.Header != "" {
		f.Field = e.Header
	}
	if f.Field == "" && f.Value == "" {
		return at + ": " + f.Reason(l) // a problem of the whole row or input
	}
	return at + ": " + f.Message(l)
}

// Error returns "batik: " and the message in English.
func (e *RowError) Error() string { return "batik: " + e.Message(English) }

// DataError lists the problems found in an input, in input order: the
// first MaxProblems of them, and the number of the others in Omitted. It
// unwraps to ErrData.
type DataError struct {
	Rows    []RowError
	Omitted int // problems beyond MaxProblems: counted, not listed (once the list is full, an invalid record counts as one)
}

// Error returns "batik: bad input data: " and the English message.
func (e *DataError) Error() string { return ErrData.Error() + ": " + e.Message(English) }

// Message lists the first five problems in language l and counts the
// rest, listed or omitted; it is bounded whatever the input.
func (e *DataError) Message(l Lang) string {
	return join(l, len(e.Rows), e.Omitted, func(i int) string { return e.Rows[i].Message(l) })
}

// Unwrap returns ErrData.
func (e *DataError) Unwrap() error { return ErrData }

// Messages returns every listed problem's message in language l and, when
// problems were omitted, a last line that counts them.
func (e *DataError) Messages(l Lang) []string {
	out := make([]string, len(e.Rows), len(e.Rows)+1)
	for i := range e.Rows {
		out[i] = e.Rows[i].Message(l)
	}
	if e.Omitted > 0 {
		out = append(out, texts[codeOmitted].Format(l, strconv.Itoa(e.Omitted), strconv.Itoa(MaxProblems)))
	}
	return out
}

// join joins the first five of n messages with "; " and counts the others
// and the omitted ones.
func join(l Lang, n, omitted int, message func(int) string) string {
	const show = 5
	var b strings.Builder
	for i := range min(n, show) {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(message(i))
	}
	if more := max(n-show, 0) + omitted; more > 0 {
		if b.Len() > 0 {
			b.WriteString("; ")
		}
		b.WriteString(texts[codeAndMore].Format(l, strconv.Itoa(more)))
	}
	return b.String()
}
