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
