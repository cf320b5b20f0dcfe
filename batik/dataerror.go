package batik

import (
	"strconv"
	"strings"
)

// RowError is one problem in a CSV or JSON input, located by line and
// column, both 1-based. In CSV, Line is where the record starts and Column
// is the number of the cell in its row, as a spreadsheet counts them (0
// when the problem is the whole row); in JSON, they are the line and byte
// column where the element starts. The embedded FieldError names the column or JSON path, the rule
// and the value, and gives the message in English or Indonesian.
type RowError struct {
	Line   int
	Column int
	FieldError
}

// Message returns "line 4, column 7: <message>" in language l.
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
	b.WriteString(e.FieldError.Message(l))
	return b.String()
}

// Error returns the English message.
func (e RowError) Error() string { return e.Message(English) }

// DataError lists every problem found in an input, in input order. It
// unwraps to ErrData.
type DataError struct {
	Rows []RowError
}

// Error lists the first few problems in English and counts the rest.
func (e *DataError) Error() string {
	const show = 5
	var b strings.Builder
	b.WriteString("batik: bad input data: ")
	for i, r := range e.Rows {
		if i == show {
			b.WriteString("; and ")
			b.WriteString(strconv.Itoa(len(e.Rows) - show))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(r.Message(English))
	}
	return b.String()
}

// Unwrap returns ErrData.
func (e *DataError) Unwrap() error { return ErrData }

// Messages returns every problem's message in language l.
func (e *DataError) Messages(l Lang) []string {
	out := make([]string, len(e.Rows))
	for i, r := range e.Rows {
		out[i] = r.Message(l)
	}
	return out
}
