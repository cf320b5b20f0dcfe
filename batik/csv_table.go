package batik

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
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
	// UTF-8. The whole input is read first: a text that is valid UTF-8
	// beyond ASCII is refused (read it without the option), and the bytes
	// the code page leaves undefined are problems at their cell.
	Windows1252 bool
}

// ReadReport says how a CSV was read.
type ReadReport struct {
	Comma   rune     // the separator used, given or sniffed
	Header  []string // the header cells as the file has them, by column
	Ignored []string // header cells of the columns skipped: those named in Ignore, and empty ones (quoted)
}

// table reads a CSV with a header row. Problems are located by the line
// where the record starts and by the column number (1 for the first cell),
// as a spreadsheet shows them, and name the column by its header cell.
type table struct {
	r        *csvReader
	cols     []column
	idx      []int    // known column -> index in the record, -1 if absent
	header   []string // header cells as the file has them
	skip     []bool   // record index -> column skipped (ignored or without a name)
	blank    []bool   // record index -> column without a name: its cells must be empty
	width    int
	line     int    // first line of the current record
	rowBad   uint32 // bit k: known column k of the current row was reported
	p        problems
	amounts  map[string]decimal.Decimal // amounts built so far
	report   ReadReport
	readErr  error // an error of the reader itself before the header was read
	cells    int   // cells of the current record, those past MaxColumns included
	cp1252   bool  // the input was decoded from Windows-1252
	hasBlank bool  // a column has no name in the header
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
	t = &table{cols: cols, idx: make([]int, len(cols))}
	for i := range t.idx {
		t.idx[i] = -1
	}
	if opts.Windows1252 {
		if r, ok = t.decode1252(r); !ok {
			return t, false
		}
	}
	t.r = newCSVReader(r)
	line := t.r.peekLine()
	if bytes.HasPrefix(line, []byte(bom)) {
		t.r.discard(len(bom))
		line = line[len(bom):]
	}
	if utf16Line(line) {
		t.add(1, 0, dataErr("", codeUTF16))
		return t, false
	}
	comma, ok := t.comma(line, opts.Comma)
	if !ok {
		return t, false
	}
	t.r.setComma(byte(comma))
	t.report.Comma = comma
	return t, t.readHeader(cols, optional, opts.Ignore)
}

// readHeader reads the header row and maps its cells to the known
// columns. It reports false when reading cannot go on.
func (t *table) readHeader(cols []column, optional []int, ignore []string) bool {
	rec, err := t.next()
	if err != nil {
		switch {
		case err != io.EOF:
			t.readErr = err
		case !t.p.any():
			t.add(1, 0, dataErr("", codeEmpty))
		}
		return false
	}
	if t.cells > MaxColumns {
		t.add(t.line, 0, dataErr("", codeColumns, strconv.Itoa(t.cells), strconv.Itoa(MaxColumns)))
		return false
	}
	header := slices.Clone(rec)
	t.header = header
	t.report.Header = header
	t.skip = make([]bool, len(header))
	t.blank = make([]bool, len(header))
	ok := t.p.rows == nil
	for i, h := range header {
		k := columnIndex(cols, h)
		switch {
		case h == "":
			t.skip[i], t.blank[i], t.hasBlank = true, true, true
			t.report.Ignored = append(t.report.Ignored, `""`)
		case k < 0 && slices.ContainsFunc(ignore, func(s string) bool { return normalise(s) == normalise(h) }):
			t.skip[i] = true
			t.report.Ignored = append(t.report.Ignored, h)
		case k < 0:
			t.add(t.line, i+1, dataErr("", codeColumn, knownColumns(cols), strconv.QuoteRune(t.report.Comma)))
			ok = false
		case t.idx[k] >= 0:
			t.add(t.line, i+1, dataErr(cols[k].key, codeRepeated, msg.Quote(header[t.idx[k]])))
			ok = false
		default:
			t.idx[k] = i
		}
	}
	for k, c := range cols {
		if t.idx[k] < 0 && !slices.Contains(optional, k) {
			t.add(t.line, 0, dataErr(c.key, codeMissing, msg.Quote(c.aliases[0])))
			ok = false
		}
	}
	t.width = len(header)
	return ok
}

// knownColumns lists the column names a header may use, for a message.
func knownColumns(cols []column) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.key + " / " + c.aliases[0])
	}
	return b.String()
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
		rec, cells, line, err := t.r.Read()
		if err != nil {
			var se *csvSyntax
			if !errors.As(err, &se) {
				return nil, err // io.EOF or an error of the underlying reader
			}
			t.add(se.startLine, 0, dataErr("", codeCSVQuote))
			continue
		}
		t.line, t.cells = line, cells
		blank := cells == len(rec)
		for i, c := range rec {
			if n := len(c); n > 0 && (c[0] <= ' ' || c[n-1] <= ' ' || c[0] >= 0x80 || c[n-1] >= 0x80) {
				c = strings.TrimSpace(c) // only when an edge may be white space
			}
			rec[i] = c
			blank = blank && c == ""
		}
		switch {
		case blank:
			continue
		case t.width > 0 && cells != t.width:
			t.add(t.line, 0, dataErr("", codeFields, strconv.Itoa(cells), strconv.Itoa(t.width)))
			continue
		}
		// One look at the whole record says whether any cell needs a closer one.
		text := t.r.text
		clean := !t.hasBlank && (t.cp1252 && !bytes.Contains(text, replacement) || !t.cp1252 && utf8.Valid(text))
		for i, c := range rec {
			if escaped(c) {
				rec[i] = c[1:] // the apostrophe WriteProducersCSV puts before a formula-like cell
			}
			if !clean {
				t.checkCell(rec, i)
			}
		}
		return rec, nil
	}
}

// replacement is U+FFFD in UTF-8: what Windows-1252's undefined bytes
// decode to.
var replacement = []byte("\ufffd")

// checkCell reports, as a problem of the whole row, a cell that is not
// UTF-8, one with a byte Windows-1252 leaves undefined, and a value under
// a column without a name.
func (t *table) checkCell(rec []string, i int) {
	c := rec[i]
	var f FieldError
	switch {
	case t.cp1252 && strings.ContainsRune(c, utf8.RuneError):
		f = dataErr("", codeCP1252)
	case !t.cp1252 && !utf8.ValidString(c):
		f = dataErr("", codeUTF8)
	case t.width > 0 && t.blank[i] && c != "":
		f = dataErr("", codeUnnamed, msg.Quote(c))
	default:
		return
	}
	t.add(t.r.cellLine(i), i+1, f)
	t.rowBad |= rowProblem
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
		t.fail(k, fieldErr("", msg.Quote(s), codeInt))
		return 0, false
	}
	return n, true
}

func (t *table) enum(rec []string, k int, spec *enumSpec) (string, bool) {
	s := t.cell(rec, k)
	v, err := spec.parse(s)
	if err != nil {
		t.fail(k, *err.(*FieldError))
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
		t.fail(k, *amountErr("", err))
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
