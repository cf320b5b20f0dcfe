package batik

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/textrule"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"
)

// ReadOptions say how to read a CSV. The zero ReadOptions are what
// ReadProducersCSV and ReadOrdersCSV use: the separator sniffed from the
// header line, no extra columns allowed beyond empty ones, UTF-8 input.
type ReadOptions struct {
	// Comma is the separator: ',', ';' or '\t'. Zero means: sniff it from
	// the header line, counting each outside quotes (Excel with Indonesian
	// regional settings saves ';').
	Comma rune
	// Ignore names extra columns to skip, such as "catatan" (notes),
	// compared like header names (any case and spacing). Other unknown
	// columns are an error, so that a misspelt header never loses a value.
	Ignore []string
	// Windows1252 decodes the input as Windows-1252, the code page Excel's
	// legacy "CSV (Comma delimited)" format writes, instead of requiring
	// UTF-8.
	Windows1252 bool
}

// ReadReport says how a CSV was read.
type ReadReport struct {
	Comma   rune     // the separator used, given or sniffed
	Header  []string // the header cells as the file has them, by column
	Ignored []string // header cells of the columns skipped: those named in Ignore, and empty ones (quoted)
}

// MaxProblems is the most problems a reader lists in a *DataError; it
// counts the rest in DataError.Omitted, so a file of a million bad rows
// costs memory for the first thousand messages only.
const MaxProblems = 1000

// MaxCapabilities is the most capabilities a producer may have: one per
// technique is four; the limit leaves room and keeps hostile input cheap.
const MaxCapabilities = 16

// problems collects RowErrors up to MaxProblems and counts the rest.
type problems struct {
	rows    []RowError
	omitted int
}

func (p *problems) add(r RowError) {
	if len(p.rows) < MaxProblems {
		p.rows = append(p.rows, r)
		return
	}
	p.omitted++
}

func (p *problems) any() bool { return len(p.rows) > 0 }

// full reports whether the list is full: from then on a record that fails
// validation is counted as one omitted problem without validating it field
// by field (the reflective validation costs more than the record).
func (p *problems) full() bool { return len(p.rows) >= MaxProblems }

func (p *problems) err() *DataError {
	sortRows(p.rows)
	return &DataError{Rows: p.rows, Omitted: p.omitted}
}

// table reads a CSV with a header row. Problems are located by the line
// where the record starts and by the column number (1 for the first cell),
// as a spreadsheet shows them, and name the column by its header cell.
type table struct {
	r       *csv.Reader
	cols    []column
	idx     []int    // known column -> index in the record, -1 if absent
	header  []string // header cells as the file has them
	skip    []bool   // record index -> column skipped (ignored or without a name)
	blank   []bool   // record index -> column without a name: its cells must be empty
	width   int
	line    int    // first line of the current record
	rowBad  uint32 // bit k: known column k of the current row was reported
	p       problems
	amounts map[string]decimal.Decimal // amounts built so far
	report  ReadReport
	readErr error // an error of the reader itself before the header was read
}

// openErr is the error to return when openTable says reading cannot go
// on: the reader's own error as is, else the problems found.
func (t *table) openErr() error {
	if t.readErr != nil {
		return t.readErr
	}
	return t.p.err()
}

// openTable reads the header and checks it against the known columns, of
// which those in optional may be absent. ok is false when reading cannot go
// on; t.openErr() then says why.
func openTable(r io.Reader, cols []column, optional []int, opts ReadOptions) (t *table, ok bool) {
	if opts.Windows1252 {
		r = charmap.Windows1252.NewDecoder().Reader(r)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		_, _ = br.Discard(len(bom))
	}
	t = &table{cols: cols, idx: make([]int, len(cols))}
	for i := range t.idx {
		t.idx[i] = -1
	}
	comma := opts.Comma
	if comma == 0 {
		var tie bool
		comma, tie = sniffComma(br)
		if tie {
			t.add(1, 0, FieldError{Tag: "separator"})
			return t, false
		}
	} else if comma != ',' && comma != ';' && comma != '\t' {
		t.add(1, 0, FieldError{Tag: "separator_option", Value: quote(string(comma))})
		return t, false
	}
	t.report.Comma = comma
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t.r = cr
	rec, err := t.next()
	if err != nil {
		switch {
		case err != io.EOF:
			t.readErr = err
		case !t.p.any():
			t.add(1, 0, FieldError{Tag: "empty"})
		}
		return t, false
	}
	header := slices.Clone(rec)
	t.header = header
	t.report.Header = header
	t.skip = make([]bool, len(header))
	t.blank = make([]bool, len(header))
	ok = t.p.rows == nil
	for i, h := range header {
		k := columnIndex(cols, h)
		switch {
		case h == "":
			t.skip[i], t.blank[i] = true, true
			t.report.Ignored = append(t.report.Ignored, `""`)
		case k < 0 && slices.ContainsFunc(opts.Ignore, func(s string) bool { return normalise(s) == normalise(h) }):
			t.skip[i] = true
			t.report.Ignored = append(t.report.Ignored, h)
		case k < 0:
			t.add(t.line, i+1, FieldError{Tag: "column", Value: quote(h), Param: knownColumns(cols, comma)})
			ok = false
		case t.idx[k] >= 0:
			t.add(t.line, i+1, FieldError{Field: cols[k].key, Tag: "repeated", Value: quote(h), Param: quote(header[t.idx[k]])})
			ok = false
		default:
			t.idx[k] = i
		}
	}
	for k, c := range cols {
		if t.idx[k] < 0 && !slices.Contains(optional, k) {
			t.add(t.line, 0, FieldError{Field: c.key, Tag: "missing", Value: quote(c.key), Param: quote(c.aliases[0])})
			ok = false
		}
	}
	t.width = len(header)
	return t, ok
}

// knownColumns lists the column names a header may use, for a message.
func knownColumns(cols []column, comma rune) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.key + " / " + c.aliases[0])
	}
	b.WriteString("; separator " + strconv.QuoteRune(comma))
	return b.String()
}

// sniffComma picks the separator of the header line: whichever of ',', ';'
// and tab occurs most often outside quotes (',' when none does). tie is
// true when two occur equally often, so the file cannot tell.
func sniffComma(br *bufio.Reader) (comma rune, tie bool) {
	buf, _ := br.Peek(br.Size()) // what there is, up to the buffer's size
	var n [3]int                 // ',', ';', '\t'
	inQuote := false
	for _, c := range buf {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n':
			goto done
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
done:
	seps := [3]rune{',', ';', '\t'}
	best := 0
	for i := 1; i < 3; i++ {
		if n[i] > n[best] {
			best = i
		}
	}
	for i := range 3 {
		if i != best && n[i] == n[best] && n[i] > 0 {
			return 0, true
		}
	}
	return seps[best], false
}

func (t *table) add(line, col int, f FieldError) {
	if t.p.full() {
		t.p.omitted++
		return
	}
	r := RowError{Line: line, Column: col, FieldError: f}
	if col > 0 && col <= len(t.header) {
		r.Header = t.header[col-1]
	}
	t.p.add(r)
}

// rowProblem is the bit of table.rowBad for a problem of the row rather
// than of a known column (text that is not UTF-8, a value under a column
// without a name): the row is read, and its record left out.
const rowProblem = 1 << 31

// next returns the next data row with its cells trimmed, reporting and
// skipping rows the CSV reader cannot parse and rows of the wrong width,
// and reporting (setting rowProblem) rows with text that is not UTF-8 or a
// value under a column without a name. Blank rows (no cells, or only empty
// cells) are skipped. It returns io.EOF at the end and any other error of
// the underlying reader as is.
func (t *table) next() ([]string, error) {
	for {
		t.rowBad = 0
		rec, err := t.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, err // io.EOF or an error of the underlying reader
			}
			f := FieldError{Tag: "csv"}
			if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
				f = FieldError{Tag: "csv_quote"}
			}
			t.add(pe.StartLine, 0, f)
			continue
		}
		t.line, _ = t.r.FieldPos(0)
		empty := true
		for i, c := range rec {
			if n := len(c); n > 0 && (c[0] <= ' ' || c[n-1] <= ' ' || c[0] >= 0x80 || c[n-1] >= 0x80) {
				c = strings.TrimSpace(c) // only when an edge may be white space
			}
			if len(c) >= 2 && c[0] == '\'' && textrule.FormulaLead(c[1:]) {
				c = c[1:] // the apostrophe WriteProducersCSV puts before a formula-like cell
			}
			rec[i] = c
			if !utf8.ValidString(c) {
				line, _ := t.r.FieldPos(i)
				t.add(line, i+1, FieldError{Tag: "utf8"})
				t.rowBad |= rowProblem
			}
			empty = empty && c == ""
		}
		if empty {
			continue
		}
		if t.width > 0 && len(rec) != t.width {
			t.add(t.line, 0, FieldError{Tag: "fields", Value: strconv.Itoa(len(rec)), Param: strconv.Itoa(t.width)})
			continue
		}
		for i := range rec {
			if t.width > 0 && t.blank[i] && rec[i] != "" {
				t.add(t.line, i+1, FieldError{Tag: "unnamed", Value: quote(rec[i])})
				t.rowBad |= rowProblem
			}
		}
		return rec, nil
	}
}

// cell is the text of known column k in rec ("" for an absent optional column).
func (t *table) cell(rec []string, k int) string {
	if i := t.idx[k]; i >= 0 {
		return rec[i]
	}
	return ""
}

// col is the 1-based column number of known column k (0 if it is absent).
func (t *table) col(k int) int { return t.idx[k] + 1 }

// fail records a problem at known column k of the current row.
func (t *table) fail(k int, f FieldError) {
	f.Field = t.cols[k].key
	t.rowBad |= 1 << k
	t.add(t.line, t.col(k), f)
}

func (t *table) int(rec []string, k int) (int, bool) {
	s := t.cell(rec, k)
	n, err := strconv.Atoi(s)
	if err != nil {
		t.fail(k, FieldError{Tag: "int", Value: quote(s)})
		return 0, false
	}
	return n, true
}

func (t *table) enum(rec []string, k int, spec *enumSpec) (string, bool) {
	s := t.cell(rec, k)
	v, err := spec.parse(s)
	if err != nil {
		t.fail(k, FieldError{Tag: enumTag(spec.kind), Value: quote(s)})
		return "", false
	}
	return v, true
}

// maxCachedAmounts bounds the per-read cache of parsed amounts.
const maxCachedAmounts = 4096

// amount reads a cell as people type amounts (pricing.Parse: "Rp 450.000",
// "85.000,50", "450000"), so "84.5" is an error, never Rp84,50.
func (t *table) amount(rec []string, k int) (decimal.Decimal, bool) {
	s := t.cell(rec, k)
	// A cooperative's sheet repeats a few hundred prices over thousands of
	// rows: build each value once. decimal.Decimal values are immutable,
	// so rows may share one.
	if d, ok := t.amounts[s]; ok {
		return d, true
	}
	d, err := pricing.Parse(s)
	if err != nil {
		var pe *pricing.ParseError
		errors.As(err, &pe)
		t.fail(k, (&AmountError{Value: s, Code: pe.Code, parse: pe}).fieldError(t.cols[k].key))
		return decimal.Decimal{}, false
	}
	if t.amounts == nil {
		t.amounts = make(map[string]decimal.Decimal)
	}
	if len(t.amounts) < maxCachedAmounts {
		t.amounts[s] = d
	}
	return d, true
}

// maxHint bounds what sizeHint lets a reader pre-allocate.
const maxHint = 16 << 20

// sizeHint returns the bytes left in r when r can tell (a bytes.Reader,
// strings.Reader, bytes.Buffer or a regular file), else 0. It only sizes
// initial allocations: a wrong hint costs memory or a regrowth, not
// correctness.
func sizeHint(r io.Reader) int {
	var n int64
	switch x := r.(type) {
	case interface{ Len() int }:
		n = int64(x.Len())
	case interface{ Stat() (fs.FileInfo, error) }:
		if fi, err := x.Stat(); err == nil && fi.Mode().IsRegular() {
			n = fi.Size()
		}
	}
	return int(min(max(n, 0), maxHint))
}

// sortRows puts problems in input order (stable, so problems of one cell
// keep the order they were found in).
func sortRows(rows []RowError) {
	slices.SortStableFunc(rows, func(a, b RowError) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
}
