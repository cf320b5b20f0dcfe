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

	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
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

// table reads a CSV with a header row. Problems are located by the line
// where the record starts and by the column number (1 for the first cell),
// as a spreadsheet shows them.
type table struct {
	r        *csv.Reader
	known    []string
	idx      []int // known column -> index in the record, -1 if absent
	width    int
	line     int // first line of the current record
	problems []RowError
	amounts  map[string]decimal.Decimal // amounts built so far
}

// openTable reads the header and checks it against the known columns, of
// which those in optional may be absent. ok is false when reading cannot go on.
func openTable(r io.Reader, known, optional []string) (t *table, ok bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, err := br.Peek(len(bom)); err == nil && string(b) == bom {
		_, _ = br.Discard(len(bom))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	t = &table{r: cr, known: known, idx: make([]int, len(known))}
	for i := range t.idx {
		t.idx[i] = -1
	}
	header, err := t.next()
	if err != nil {
		if err == io.EOF && len(t.problems) == 0 {
			t.add(1, 0, FieldError{Tag: "empty"})
		}
		return t, false
	}
	ok = true
	for i, h := range header {
		name := strings.ReplaceAll(normalise(h), " ", "_")
		k := slices.Index(known, name)
		switch {
		case k < 0:
			t.add(t.line, i+1, FieldError{Field: "header", Tag: "column", Value: quote(h), Param: strings.Join(known, ", ")})
			ok = false
		case t.idx[k] >= 0:
			t.add(t.line, i+1, FieldError{Field: name, Tag: "repeated"})
			ok = false
		default:
			t.idx[k] = i
		}
	}
	for k, name := range known {
		if t.idx[k] < 0 && !slices.Contains(optional, name) {
			t.add(t.line, 0, FieldError{Field: name, Tag: "missing"})
			ok = false
		}
	}
	t.width = len(header)
	return t, ok
}

func (t *table) add(line, col int, f FieldError) {
	t.problems = append(t.problems, RowError{Line: line, Column: col, FieldError: f})
}

// next returns the next data row with its cells trimmed, reporting and
// skipping rows the CSV reader cannot parse and rows of the wrong width.
// Blank rows (no cells, or only empty cells) are skipped. It returns io.EOF
// at the end and any other error of the underlying reader as is.
func (t *table) next() ([]string, error) {
	for {
		rec, err := t.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if !errors.As(err, &pe) {
				return nil, err // io.EOF or an error of the underlying reader
			}
			f := FieldError{Tag: "csv", Param: pe.Err.Error()}
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
				rec[i] = c
			}
			empty = empty && c == ""
		}
		if empty {
			continue
		}
		if t.width > 0 && len(rec) != t.width {
			t.add(t.line, 0, FieldError{Field: "row", Tag: "fields", Value: strconv.Itoa(len(rec)), Param: strconv.Itoa(t.width)})
			continue
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
	f.Field = t.known[k]
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

func (t *table) amount(rec []string, k int) (decimal.Decimal, bool) {
	s := t.cell(rec, k)
	// A cooperative's sheet repeats a few hundred prices over thousands of
	// rows: build each value once. decimal.Decimal values are immutable,
	// so rows may share one.
	if d, ok := t.amounts[s]; ok {
		return d, true
	}
	d, err := pricing.ParseDecimal(s)
	if err != nil {
		var pe *pricing.ParseError
		errors.As(err, &pe)
		t.fail(k, (&AmountError{Value: s, Code: pe.Code}).fieldError(t.known[k]))
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

// reportedSince reports whether a problem at known column k of the current
// row was recorded after index since.
func (t *table) reportedSince(since, k int) bool {
	col := t.col(k)
	for _, p := range t.problems[since:] {
		if p.Line == t.line && p.Column == col {
			return true
		}
	}
	return false
}

// ReadProducersCSV reads producers from CSV with a header row, one row per
// producer capability, in the columns ProducerColumns names (see the
// package doc, "Reading CSV"). Rows with the same id merge into one
// producer; its name, nib, region and grade come from its first row, and a
// later row must leave them blank or repeat them.
//
// It returns the valid producers in order of first appearance and, if
// anything was wrong, a *DataError (wrapping ErrData) listing every problem
// in input order, each with the line where its record starts and its
// column number (1 for the first column; 0 for a problem of the whole row):
// header mismatches, rows the CSV reader cannot parse, rows of the wrong
// width, unreadable cells, conflicts between merged rows and failed
// validation. A producer with any bad row is left out of the slice, and
// each of its problems is reported: no row is dropped silently. A header
// that does not match stops reading before any row (the slice is nil). An
// error from r itself is returned as is. O(rows) time; memory O(input):
// a reader that cannot tell its length (not a *bytes.Reader,
// *strings.Reader, *bytes.Buffer or regular *os.File) is read whole first,
// so that every table is allocated once.
func ReadProducersCSV(r io.Reader) ([]Producer, error) {
	hint := sizeHint(r)
	if hint == 0 {
		// A stream of unknown length is read whole first: the result holds
		// every row anyway, and knowing the size lets every table be
		// allocated once instead of regrown.
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		r, hint = bytes.NewReader(data), len(data)
	}
	hint /= 48 // rows; a row is rarely shorter
	t, ok := openTable(r, ProducerColumns, []string{"nib"})
	if !ok {
		return nil, &DataError{Rows: t.problems}
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
			return nil, err
		}
		before := len(t.problems)
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
		rw := rowRec{line: t.line, next: -1}
		if len(t.problems) > before {
			metas[pi].bad = true
			for k := range pcCount {
				if t.reportedSince(before, k) {
					rw.bad |= 1 << k
				}
			}
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
		var verr *ValidationError
		if errors.As(ps[i].Validate(), &verr) {
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
	if len(t.problems) > 0 {
		sortRows(t.problems)
		return out, &DataError{Rows: t.problems}
	}
	return out, nil
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
// in the columns OrderColumns names; sku and due may be absent. due is a
// date "2026-12-24" (midnight UTC at the start of that day) or an RFC 3339
// time. Errors and the returned slice follow ReadProducersCSV; an order ID
// seen before is reported at the later row. O(rows).
func ReadOrdersCSV(r io.Reader) ([]Order, error) {
	t, ok := openTable(r, OrderColumns, []string{"sku", "due"})
	if !ok {
		return nil, &DataError{Rows: t.problems}
	}
	var out []Order
	seen := make(map[string]bool)
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		before := len(t.problems)
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
		if !o.valid() {
			var verr *ValidationError
			if errors.As(o.validateAll(), &verr) {
				for _, f := range verr.Fields {
					k := slices.Index(OrderColumns, f.Field)
					if k < 0 {
						k = ocID
					}
					if !t.reportedSince(before, k) {
						t.add(t.line, t.col(k), f)
					}
				}
			}
		}
		if len(t.problems) > before {
			continue
		}
		if seen[o.ID] {
			t.fail(ocID, FieldError{Tag: "duplicate", Value: quote(o.ID)})
			continue
		}
		seen[o.ID] = true
		out = append(out, o)
	}
	if len(t.problems) > 0 {
		sortRows(t.problems)
		return out, &DataError{Rows: t.problems}
	}
	return out, nil
}

// WriteProducersCSV writes producers in the format ReadProducersCSV reads:
// a header of ProducerColumns and one row per capability. A producer with
// no capabilities gets one row with the capability cells blank (which
// ReadProducersCSV reports, as it should: such a producer is not valid).
// It writes what it is given without validating it. O(rows).
func WriteProducersCSV(w io.Writer, producers []Producer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(ProducerColumns); err != nil {
		return err
	}
	rec := make([]string, pcCount)
	for _, p := range producers {
		rec[pcID], rec[pcName], rec[pcNIB], rec[pcRegion] = p.ID, p.Name, p.NIB, p.Region
		if len(p.Capabilities) == 0 {
			rec[pcTechnique], rec[pcGrade], rec[pcPerWeek], rec[pcUnitCost] = "", "", "", ""
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		for _, c := range p.Capabilities {
			rec[pcTechnique], rec[pcGrade], rec[pcPerWeek], rec[pcUnitCost] = string(c.Technique), string(c.Grade), strconv.Itoa(c.PerWeek), c.UnitCost.String()
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
