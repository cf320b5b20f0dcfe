package batik

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/pricing"
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

// Message returns the error in language l, with the values the enum
// accepts where the package has a wording for it.
func (e *EnumError) Message(l Lang) string {
	f := FieldError{Field: e.Type, Tag: enumTag(e.Type), Value: quote(e.Value)}
	if _, ok := messages[f.Tag]; !ok {
		if l == Indonesian {
			return "nilai " + quote(e.Value) + " tidak dikenal"
		}
		return "unknown " + e.Type + " " + quote(e.Value)
	}
	return f.Message(l)
}

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

// clip abbreviates text shown unquoted (a number) the way quote does.
func clip(s string) string {
	if len(s) <= maxQuoted {
		return s
	}
	cut := maxQuoted
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "... (" + strconv.Itoa(len(s)) + " bytes)"
}

// ValidationError lists every field of a record that broke a rule, in the
// order the fields appear in the struct (tag rules first, then the rules
// that span fields). It unwraps to ErrInvalid.
type ValidationError struct {
	Fields []FieldError
}

// Error joins the English messages of the first five fields and counts
// the rest, so that it is bounded however many fields fail.
func (e *ValidationError) Error() string {
	const show = 5
	var b strings.Builder
	b.WriteString("batik: invalid record: ")
	for i, f := range e.Fields {
		if i == show {
			b.WriteString("; and " + strconv.Itoa(len(e.Fields)-show) + " more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Message(English))
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Messages returns one message per failing field in the language l.
func (e *ValidationError) Messages(l Lang) []string {
	out := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		out[i] = f.Message(l)
	}
	return out
}

// FieldError is one broken rule.
type FieldError struct {
	Field string // JSON path of the field, e.g. "capabilities[1].per_week"
	Tag   string // the rule that failed, e.g. "gte", "nib", "technique"
	Param string // the rule's parameter, e.g. "0" for gte=0; "" if none
	Value string // the offending value as shown in messages (strings quoted, long ones abbreviated)

	amount *pricing.ParseError // for an amount refused by pricing: its reason in both languages
}

// Error returns the English message.
func (f FieldError) Error() string { return f.Message(English) }

// Message returns the message in language l (English for an unknown Lang).
// Every rule this package uses has its own wording in both languages; an
// unlisted tag still gets a sentence naming the field, the rule and the value.
func (f FieldError) Message(l Lang) string {
	if f.amount != nil {
		got := ", got "
		if l == Indonesian {
			got = ", isinya "
		}
		return f.Field + ": " + f.amount.Reason(l) + got + f.Value
	}
	m, ok := messages[f.Tag]
	if !ok {
		m = fallbackMessage
	}
	tmpl := m.en
	if l == Indonesian {
		tmpl = m.id
	}
	return strings.NewReplacer("{field}", f.Field, "{param}", f.Param, "{value}", f.Value, "{tag}", f.Tag).Replace(tmpl)
}

// RowError is one problem in a CSV or JSON input, located by line and
// column, both 1-based. In CSV, Line is where the record starts and Column
// is the number of the cell in its row, as a spreadsheet counts them (0
// when the problem is the whole row); in JSON, they are the line and byte
// column where the element starts. The embedded FieldError names the column or JSON path, the rule
// and the value, and gives the message in English or Indonesian.
type RowError struct {
	Line   int
	Column int
	Header string // in CSV, the column's header cell as the file has it ("Kapasitas per minggu"); "" otherwise
	FieldError
}

// Message returns "line 4, column 7: <message>" in language l. In CSV the
// message names the column by its header cell, as the clerk sees it in
// the file, rather than by its JSON name.
func (e RowError) Message(l Lang) string {
	var b strings.Builder
	if l == Indonesian {
		b.WriteString("baris ")
	} else {
		b.WriteString("line ")
	}
	b.WriteString(strconv.Itoa(e.Line))
	if e.Column > 0 {
		if l == Indonesian {
			b.WriteString(", kolom ")
		} else {
			b.WriteString(", column ")
		}
		b.WriteString(strconv.Itoa(e.Column))
	}
	b.WriteString(": ")
	f := e.FieldError
	if e.Header != "" {
		f.Field = e.Header
	}
	b.WriteString(f.Message(l))
	return b.String()
}

// Error returns the English message.
func (e RowError) Error() string { return e.Message(English) }

// DataError lists the problems found in an input, in input order: the
// first MaxProblems of them, and the number of the others in Omitted. It
// unwraps to ErrData.
type DataError struct {
	Rows    []RowError
	Omitted int // problems beyond MaxProblems: counted, not listed (once the list is full, an invalid record counts as one)
}

// Error lists the first few problems in English and counts the rest; it is
// bounded whatever the input (each value in it is abbreviated).
func (e *DataError) Error() string {
	const show = 5
	var b strings.Builder
	b.WriteString("batik: bad input data: ")
	for i, r := range e.Rows {
		if i == show {
			b.WriteString("; and ")
			b.WriteString(strconv.Itoa(len(e.Rows) - show + e.Omitted))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Message(English))
	}
	if len(e.Rows) <= show && e.Omitted > 0 {
		b.WriteString("; and " + strconv.Itoa(e.Omitted) + " more")
	}
	return b.String()
}

// Unwrap returns ErrData.
func (e *DataError) Unwrap() error { return ErrData }

// Messages returns every listed problem's message in language l and, when
// problems were omitted, a last line that counts them.
func (e *DataError) Messages(l Lang) []string {
	out := make([]string, len(e.Rows), len(e.Rows)+1)
	for i, r := range e.Rows {
		out[i] = r.Message(l)
	}
	if e.Omitted > 0 {
		n := strconv.Itoa(e.Omitted)
		if l == Indonesian {
			out = append(out, "dan "+n+" masalah lain yang tidak dicantumkan (hanya "+strconv.Itoa(MaxProblems)+" pertama yang dicantumkan)")
		} else {
			out = append(out, "and "+n+" more problems not listed (only the first "+strconv.Itoa(MaxProblems)+" are)")
		}
	}
	return out
}

// AmountError reports text ParseAmount refused. It unwraps to ErrInvalid.
type AmountError struct {
	Field string // the field read, e.g. "unit_cost"; "" from ParseAmount
	Value string // the text as given
	Code  string // what is wrong: pricing.ParseError's Code ("empty", "exponent", "grouping", "leading_zero" ...)
	parse *pricing.ParseError
}

// Error returns the English message, naming the field and the value.
func (e *AmountError) Error() string {
	field := e.Field
	if field == "" {
		field = "amount"
	}
	return "batik: " + e.fieldError(field).Message(English)
}

// fieldError states the problem as a FieldError of the named field.
func (e *AmountError) fieldError(field string) FieldError {
	return FieldError{Field: field, Tag: "amount_" + e.Code, Value: quote(e.Value), amount: e.parse}
}

// Unwrap returns ErrInvalid.
func (e *AmountError) Unwrap() error { return ErrInvalid }
