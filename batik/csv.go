package batik

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"
)

const bom = "\ufeff"

// ProducerColumns are the columns of a producers CSV, in the order
// WriteProducersCSV writes them. ReadProducersCSV accepts them in any order;
// nib may be left out.
var ProducerColumns = []string{"id", "name", "nib", "region", "grade", "technique", "per_week", "unit_cost"}

// Indices into ProducerColumns.
const (
	pcID = iota
	pcName
	pcNIB
	pcRegion
	pcGrade
	pcTechnique
	pcPerWeek
	pcUnitCost
	pcCount
)

// OrderColumns are the columns of an orders CSV. sku and due may be left out.
var OrderColumns = []string{"id", "sku", "technique", "min_grade", "quantity", "due"}

// Indices into OrderColumns.
const (
	ocID = iota
	ocSKU
	ocTechnique
	ocMinGrade
	ocQuantity
	ocDue
	ocCount
)

// A column of a CSV: its canonical name (the JSON key) and the header
// names people give it, compared after normalise (any case, spaces, '-' or
// '_' between words).
type column struct {
	key     string
	aliases []string
}

// producerCols and orderCols are the readers' own tables, in the order of
// ProducerColumns and OrderColumns (which are documentation a caller could
// overwrite; the readers never read them).
var producerCols = []column{
	pcID:        {"id", []string{"kode", "kode produsen", "id produsen"}},
	pcName:      {"name", []string{"nama", "nama produsen", "nama usaha"}},
	pcNIB:       {"nib", []string{"nomor induk berusaha"}},
	pcRegion:    {"region", []string{"wilayah", "kode wilayah"}},
	pcGrade:     {"grade", []string{"mutu", "kualitas"}},
	pcTechnique: {"technique", []string{"teknik"}},
	pcPerWeek:   {"per_week", []string{"kapasitas per minggu", "kapasitas", "per minggu"}},
	pcUnitCost:  {"unit_cost", []string{"harga satuan", "ongkos per potong", "ongkos"}},
}

var orderCols = []column{
	ocID:        {"id", []string{"kode", "kode pesanan", "id pesanan", "nomor pesanan"}},
	ocSKU:       {"sku", []string{"kode produk"}},
	ocTechnique: {"technique", []string{"teknik"}},
	ocMinGrade:  {"min_grade", []string{"mutu minimal", "kualitas minimal", "grade minimal"}},
	ocQuantity:  {"quantity", []string{"jumlah", "jumlah pesanan"}},
	ocDue:       {"due", []string{"tanggal jatuh tempo", "jatuh tempo", "tenggat"}},
}

// columnIndex returns the known column a header cell names, or -1.
func columnIndex(cols []column, cell string) int {
	n := normalise(cell)
	for k, c := range cols {
		if n == normalise(c.key) {
			return k
		}
		for _, a := range c.aliases {
			if n == a {
				return k
			}
		}
	}
	return -1
}

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
}

// openTable reads the header and checks it against the known columns, of
// which those in optional may be absent. ok is false when reading cannot go on.
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
		if err == io.EOF && !t.p.any() {
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
			if len(c) >= 2 && c[0] == '\'' && strings.IndexByte(injectionLeads, c[1]) >= 0 {
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

// ReadProducersCSV reads producers from CSV with a header row, one row per
// producer capability (see the package doc, "Reading CSV"), with the zero
// ReadOptions: the separator sniffed, Indonesian or English column names,
// UTF-8 text. It is ReadProducersCSVWith without the report.
func ReadProducersCSV(r io.Reader) ([]Producer, error) {
	ps, _, err := ReadProducersCSVWith(r, ReadOptions{})
	return ps, err
}

// ReadProducersCSVWith reads producers from CSV as opts say, and reports
// the separator used and the columns skipped. Rows with the same id merge
// into one producer; its name, nib and region come from its first row, and
// a later row must leave them blank or repeat them; a blank grade repeats
// the row above.
//
// It returns the valid producers in order of first appearance and, if
// anything was wrong, a *DataError (wrapping ErrData) listing the problems
// in input order (the first MaxProblems, and the count of the rest), each
// with the line where its record starts, its column number (1 for the
// first column; 0 for a problem of the whole row) and the column's header
// cell: header mismatches, rows the CSV reader cannot parse, rows of the
// wrong width, text that is not UTF-8, unreadable cells, conflicts between
// merged rows, more than MaxCapabilities rows for one producer and failed
// validation. A producer with any bad row is left out of the slice, and
// each of its problems is reported: no row is dropped silently. A header
// that does not match stops reading before any row (the slice is nil). An
// error from r itself is returned as is. O(rows) time; memory O(input):
// a reader that cannot tell its length (not a *bytes.Reader,
// *strings.Reader, *bytes.Buffer or regular *os.File) is read whole first,
// so that every table is allocated once.
func ReadProducersCSVWith(r io.Reader, opts ReadOptions) ([]Producer, ReadReport, error) {
	hint := sizeHint(r)
	if hint == 0 {
		// A stream of unknown length is read whole first: the result holds
		// every row anyway, and knowing the size lets every table be
		// allocated once instead of regrown.
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, ReadReport{}, err
		}
		r, hint = bytes.NewReader(data), len(data)
	}
	hint /= 48 // rows; a row is rarely shorter
	t, ok := openTable(r, producerCols, []int{pcNIB}, opts)
	if !ok {
		return nil, t.report, t.p.err()
	}
	// For each row, where it was and which cells were already reported,
	// chained per producer so validation errors map back to their cells.
	type rowRec struct {
		line int
		next int32  // index of the producer's next row, -1 at the end
		bad  uint16 // bit k: column k was already reported unreadable
	}
	type meta struct {
		first, last int32 // the producer's first and last rows in rows
		bad         bool
	}
	// Producers go into one slice, sized from the input when its length is
	// known; their first two capabilities come from a shared arena, so a
	// producer costs no allocation of its own.
	const arenaSize = 2048
	var (
		ps       = make([]Producer, 0, hint/2) // about two rows a producer
		capArena []Capability
		metas    = make([]meta, 0, hint/2)
		rows     = make([]rowRec, 0, hint)
		byID     = make(map[string]int32, hint/2)
	)
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, t.report, err
		}
		ri := int32(len(rows))
		id := t.cell(rec, pcID)
		pi, seen := int32(len(ps)-1), len(ps) > 0 && ps[len(ps)-1].ID == id // rows of a producer usually follow each other
		if !seen {
			pi, seen = byID[id]
		}
		if !seen {
			pi = int32(len(ps))
			byID[id] = pi
			if len(capArena) < 2 {
				capArena = make([]Capability, arenaSize)
			}
			// Two capabilities of room from the arena; a third append
			// moves that producer's slice out on its own.
			caps := capArena[:0:2]
			capArena = capArena[2:]
			ps = append(ps, Producer{
				ID: id, Name: t.cell(rec, pcName), NIB: t.cell(rec, pcNIB), Region: t.cell(rec, pcRegion),
				Capabilities: caps,
			})
			metas = append(metas, meta{first: ri, last: ri})
		} else {
			p := &ps[pi]
			for _, f := range [...]struct {
				k           int
				now, before string
			}{
				{pcName, t.cell(rec, pcName), p.Name},
				{pcNIB, t.cell(rec, pcNIB), p.NIB},
				{pcRegion, t.cell(rec, pcRegion), p.Region},
			} {
				if f.now != "" && f.now != f.before {
					t.fail(f.k, FieldError{Tag: "conflict", Value: quote(t.cell(rec, f.k)), Param: quote(f.before)})
				}
			}
			if len(p.Capabilities) >= MaxCapabilities {
				// Bounded: the rows past the limit are reported, not kept.
				t.fail(pcTechnique, FieldError{Tag: "max_items", Param: strconv.Itoa(MaxCapabilities), Value: strconv.Itoa(len(p.Capabilities) + 1)})
				metas[pi].bad = true
				continue
			}
			rows[metas[pi].last].next = ri
			metas[pi].last = ri
		}
		var c Capability
		tech, _ := t.enum(rec, pcTechnique, techniqueSpec)
		c.Technique = Technique(tech)
		p := &ps[pi]
		if n := len(p.Capabilities); seen && n > 0 && t.cell(rec, pcGrade) == "" {
			c.Grade = p.Capabilities[n-1].Grade // a blank grade repeats the row above, like the other cells
		} else {
			grade, _ := t.enum(rec, pcGrade, gradeSpec)
			c.Grade = Grade(grade)
		}
		c.PerWeek, _ = t.int(rec, pcPerWeek)
		c.UnitCost, _ = t.amount(rec, pcUnitCost)
		p.Capabilities = append(p.Capabilities, c)
		rw := rowRec{line: t.line, next: -1, bad: uint16(t.rowBad)}
		if t.rowBad&rowProblem != 0 {
			rw.bad = 0xFFFF // the row is reported as a whole: no more about its cells
		}
		if t.rowBad != 0 {
			metas[pi].bad = true
		}
		rows = append(rows, rw)
	}
	// Keep the valid producers, compacting in place; report the others.
	w := 0
	for i := range ps {
		m := &metas[i]
		if !m.bad && ps[i].valid() {
			if w != i {
				ps[w] = ps[i]
			}
			w++
			continue
		}
		if t.p.full() {
			if !m.bad {
				t.p.omitted++
			}
			continue
		}
		var verr *ValidationError
		if errors.As(ps[i].validateAll(), &verr) {
			for _, f := range verr.Fields {
				capIndex, k := locateProducerField(f.Field)
				r := m.first
				for ; capIndex > 0 && rows[r].next >= 0; capIndex-- {
					r = rows[r].next
				}
				if rows[r].bad&(1<<k) == 0 { // else already reported as unreadable
					t.add(rows[r].line, t.col(k), f)
				}
			}
		}
	}
	clear(ps[w:]) // drop what the left-out producers hold
	var out []Producer
	if w > 0 {
		out = ps[:w:w]
	}
	if t.p.any() {
		return out, t.report, t.p.err()
	}
	return out, t.report, nil
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

// locateProducerField maps a validation path to the row (index of the
// capability, 0 for producer fields) and the column it came from.
func locateProducerField(path string) (rowIndex, col int) {
	if rest, ok := strings.CutPrefix(path, "capabilities["); ok {
		num, field, _ := strings.Cut(rest, "].")
		n, err := strconv.Atoi(num)
		if err != nil {
			n = 0
		}
		switch field {
		case "per_week":
			return n, pcPerWeek
		case "unit_cost":
			return n, pcUnitCost
		case "grade":
			return n, pcGrade
		}
		return n, pcTechnique
	}
	switch path {
	case "name":
		return 0, pcName
	case "nib":
		return 0, pcNIB
	case "region":
		return 0, pcRegion
	case "grade":
		return 0, pcGrade
	}
	return 0, pcID
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

// ReadOrdersCSV reads orders from CSV with a header row, one order per row,
// with the zero ReadOptions; it is ReadOrdersCSVWith without the report.
func ReadOrdersCSV(r io.Reader) ([]Order, error) {
	orders, _, err := ReadOrdersCSVWith(r, ReadOptions{})
	return orders, err
}

// ReadOrdersCSVWith reads orders from CSV as opts say, one order per row,
// in the columns OrderColumns names (or their Indonesian names); sku and
// due may be absent. due is a date in a form ParseDate reads ("2026-12-24",
// "24/12/2026", "24-12-2026"). Errors, the report and the returned slice
// follow ReadProducersCSVWith; an order ID seen before is reported at the
// later row. O(rows).
func ReadOrdersCSVWith(r io.Reader, opts ReadOptions) ([]Order, ReadReport, error) {
	t, ok := openTable(r, orderCols, []int{ocSKU, ocDue}, opts)
	if !ok {
		return nil, t.report, t.p.err()
	}
	var out []Order
	seen := make(map[string]bool)
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, t.report, err
		}
		o := Order{ID: t.cell(rec, ocID), SKU: t.cell(rec, ocSKU)}
		tech, _ := t.enum(rec, ocTechnique, techniqueSpec)
		o.Technique = Technique(tech)
		g, _ := t.enum(rec, ocMinGrade, gradeSpec)
		o.MinGrade = Grade(g)
		o.Quantity, _ = t.int(rec, ocQuantity)
		if s := t.cell(rec, ocDue); s != "" {
			due, err := ParseDate(s)
			if err != nil {
				t.fail(ocDue, FieldError{Tag: "date", Value: quote(s)})
			}
			o.Due = due
		}
		if !o.valid() && t.p.full() {
			if t.rowBad == 0 {
				t.p.omitted++
			}
			continue
		}
		if !o.valid() {
			var verr *ValidationError
			if errors.As(o.validateAll(), &verr) {
				for _, f := range verr.Fields {
					k := slices.IndexFunc(orderCols, func(c column) bool { return c.key == f.Field })
					if k < 0 {
						k = ocID
					}
					if t.rowBad&(1<<k) == 0 {
						t.rowBad |= 1 << k
						t.add(t.line, t.col(k), f)
					}
				}
			}
		}
		if t.rowBad != 0 {
			continue
		}
		if seen[o.ID] {
			t.fail(ocID, FieldError{Tag: "duplicate", Value: quote(o.ID)})
			continue
		}
		seen[o.ID] = true
		out = append(out, o)
	}
	if t.p.any() {
		return out, t.report, t.p.err()
	}
	return out, t.report, nil
}

// injectionLeads are the first characters that make a spreadsheet read a
// cell as a formula (OWASP, "CSV Injection"): = + - @ tab and CR.
const injectionLeads = "=+-@\t\r"

// safeCell defuses a cell a spreadsheet would run as a formula by putting
// an apostrophe before it, as OWASP advises; the readers remove it again.
func safeCell(s string) string {
	if s != "" && strings.IndexByte(injectionLeads, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// WriteProducersCSV writes producers in the format ReadProducersCSV reads:
// a header of ProducerColumns and one row per capability, amounts as plain
// digits with ',' before sen ("85000,50", which pricing.Parse reads and a
// spreadsheet with Indonesian settings takes for a number). A producer with no
// capabilities gets one row with the capability cells blank (which
// ReadProducersCSV reports, as it should: such a producer is not valid).
//
// A cell that starts with '=', '+', '-', '@', a tab or a carriage return
// is written with an apostrophe before it, so that a spreadsheet shows it
// as text instead of running it as a formula (OWASP, "CSV Injection");
// the readers remove that apostrophe. Validation refuses such names
// anyway (see Producer.Validate), but the writer writes what it is given
// without validating it, so the guard is here. Reading trims spaces around
// cells: text with leading or trailing spaces does not survive a round
// trip (validation refuses it in names). O(rows).
func WriteProducersCSV(w io.Writer, producers []Producer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ProducerColumnNames()); err != nil {
		return err
	}
	rec := make([]string, pcCount)
	for _, p := range producers {
		rec[pcID], rec[pcName], rec[pcNIB], rec[pcRegion] = safeCell(p.ID), safeCell(p.Name), safeCell(p.NIB), safeCell(p.Region)
		if len(p.Capabilities) == 0 {
			rec[pcTechnique], rec[pcGrade], rec[pcPerWeek], rec[pcUnitCost] = "", "", "", ""
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		for _, c := range p.Capabilities {
			rec[pcTechnique], rec[pcGrade] = safeCell(string(c.Technique)), safeCell(string(c.Grade))
			rec[pcPerWeek], rec[pcUnitCost] = strconv.Itoa(c.PerWeek), safeCell(strings.Replace(c.UnitCost.String(), ".", ",", 1))
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// ProducerColumnNames returns the columns of a producers CSV, in the order
// WriteProducersCSV writes them: a new slice on each call.
func ProducerColumnNames() []string {
	out := make([]string, len(producerCols))
	for i, c := range producerCols {
		out[i] = c.key
	}
	return out
}

// OrderColumnNames returns the columns of an orders CSV: a new slice on
// each call.
func OrderColumnNames() []string {
	out := make([]string, len(orderCols))
	for i, c := range orderCols {
		out[i] = c.key
	}
	return out
}
