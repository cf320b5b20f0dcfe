package batik

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
)

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
// validation, each at the row that brought it. A producer with any bad row
// is left out of the slice, and each of its problems is reported: no row
// is dropped silently. A header that does not match stops reading before
// any row (the slice is nil). An error from r itself is returned as is.
// O(rows) time; memory within the bound of the package doc's "Limits".
func ReadProducersCSVWith(r io.Reader, opts ReadOptions) ([]Producer, ReadReport, error) {
	t, ok := openTable(r, producerCols, []int{pcNIB}, opts)
	if !ok {
		return nil, t.report, t.openErr()
	}
	pr := producerRows{t: t, byID: make(map[string]int32), open: -1}
	for {
		rec, err := t.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, t.report, err
		}
		pr.row(rec)
	}
	out := pr.valid()
	if t.p.any() {
		return out, t.report, t.p.err()
	}
	return out, t.report, nil
}

// producerRows merges the rows of a producers CSV into producers,
// checking each row as it comes: a producer that breaks a rule stays
// broken whatever rows follow (its fields come from its first row, and a
// capability added never mends one before it), so each row's problems are
// reported at once and, once the list of problems is full, a broken
// producer is forgotten but for its ID.
type producerRows struct {
	t    *table
	ps   chunked[Producer]
	bad  []bool           // producer i has a problem and is left out
	byID map[string]int32 // ID -> index in ps, or forgotten
	free []Capability     // the unused end of the chunk capabilities come from
	open int32            // the producer whose capabilities end the chunk's used part, or -1
}

// forgotten marks in producerRows.byID a producer left out after the list
// of problems was full: its later rows are skipped.
const forgotten = -1

// capChunk is how many capabilities are allocated at once.
const capChunk = 1024

func (pr *producerRows) row(rec []string) {
	t := pr.t
	id := t.cell(rec, pcID)
	pi, seen := int32(pr.ps.n-1), pr.ps.n > 0 && pr.ps.at(pr.ps.n-1).ID == id // rows of a producer usually follow each other
	if !seen {
		pi, seen = pr.byID[id]
	}
	switch {
	case pi == forgotten:
		return
	case seen:
		pr.merge(pi, rec)
		return
	}
	p := Producer{ID: id, Name: t.cell(rec, pcName), NIB: t.cell(rec, pcNIB), Region: t.cell(rec, pcRegion)}
	p.Capabilities = pr.firstCapability(pr.capability(rec, nil))
	if t.rowBad == 0 && p.valid() {
		pr.add(p, false)
		return
	}
	if t.p.full() {
		if t.rowBad == 0 {
			t.p.omitted++ // an invalid record counts as one once the list is full
		}
		pr.byID[strings.Clone(id)] = forgotten // the ID alone, not the row it came in
		return
	}
	pr.add(p, true)
	pr.report(pr.ps.at(pr.ps.n-1), true)
}

// merge adds a later row to producer pi.
func (pr *producerRows) merge(pi int32, rec []string) {
	t := pr.t
	p := pr.ps.at(int(pi))
	for _, f := range [...]struct {
		k      int
		before string
	}{{pcName, p.Name}, {pcNIB, p.NIB}, {pcRegion, p.Region}} {
		if now := t.cell(rec, f.k); now != "" && now != f.before {
			t.fail(f.k, fieldErr("", msg.Quote(now), codeConflict, msg.Quote(f.before)))
		}
	}
	if len(p.Capabilities) >= MaxCapabilities {
		// Bounded: the rows past the limit are reported, not kept.
		t.fail(pcTechnique, fieldErr("", strconv.Itoa(len(p.Capabilities)+1), codeMaxItems, strconv.Itoa(MaxCapabilities)))
		pr.bad[pi] = true
		return
	}
	p.Capabilities = append(p.Capabilities, pr.capability(rec, p))
	if t.rowBad == 0 && p.valid() {
		return
	}
	wasBad := pr.bad[pi]
	pr.bad[pi] = true
	if !t.p.full() {
		pr.report(p, false)
	} else if !wasBad && t.rowBad == 0 {
		t.p.omitted++
	}
}

// capability reads the capability cells of a row of producer p (nil for
// its first row): a blank grade repeats the row above.
func (pr *producerRows) capability(rec []string, p *Producer) Capability {
	t := pr.t
	var c Capability
	tech, _ := t.enum(rec, pcTechnique, techniqueSpec)
	c.Technique = Technique(tech)
	if p != nil && t.cell(rec, pcGrade) == "" {
		c.Grade = p.Capabilities[len(p.Capabilities)-1].Grade // the row above
	} else {
		grade, _ := t.enum(rec, pcGrade, gradeSpec)
		c.Grade = Grade(grade)
	}
	c.PerWeek, _ = t.int(rec, pcPerWeek)
	c.UnitCost, _ = t.amount(rec, pcUnitCost)
	return c
}

// firstCapability returns a producer's capabilities holding c, at the
// start of the chunk's unused end: the producer's later rows, which
// usually follow at once, append in place until another producer starts.
func (pr *producerRows) firstCapability(c Capability) []Capability {
	pr.seal()
	if len(pr.free) == 0 {
		pr.free = make([]Capability, capChunk)
	}
	pr.free[0] = c
	return pr.free[:1:len(pr.free)]
}

// seal ends the open producer's share of the chunk: its capabilities get
// a capacity of their length, so a row of it that comes later moves them
// out rather than write over the next producer's.
func (pr *producerRows) seal() {
	if pr.open < 0 {
		return
	}
	p := pr.ps.at(int(pr.open))
	if n := len(p.Capabilities); n > 0 && len(pr.free) > 0 && &p.Capabilities[0] == &pr.free[0] {
		p.Capabilities = p.Capabilities[:n:n]
		pr.free = pr.free[n:]
	}
	pr.open = -1
}

// add appends a producer that came with the current row.
func (pr *producerRows) add(p Producer, bad bool) {
	pr.ps.add(p)
	pr.bad = append(pr.bad, bad)
	pr.open = int32(pr.ps.n - 1)
	pr.byID[p.ID] = pr.open
}

// report lists the validation problems of p that its current row
// brought, at that row's cells: its own fields on its first row, and the
// fields of the capability the row added.
func (pr *producerRows) report(p *Producer, first bool) {
	t := pr.t
	if t.rowBad&rowProblem != 0 {
		return // the row was reported as a whole: no more about its cells
	}
	var verr *ValidationError
	if !errors.As(p.validateAll(), &verr) {
		return
	}
	last := len(p.Capabilities) - 1
	for _, f := range verr.Fields {
		capIndex, k := locateProducerField(f.Field)
		if capIndex < 0 && !first || capIndex >= 0 && capIndex != last || t.rowBad&(1<<k) != 0 {
			continue // another row's, or its cell was already reported unreadable
		}
		t.rowBad |= 1 << k
		t.add(t.line, t.col(k), f)
	}
}

// valid returns the producers without a problem.
func (pr *producerRows) valid() []Producer {
	return pr.ps.all(func(i int) bool { return !pr.bad[i] })
}

// locateProducerField maps a validation path to the capability it names
// (-1 for the producer's own fields) and the column it came from.
func locateProducerField(path string) (capIndex, col int) {
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
		return -1, pcName
	case "nib":
		return -1, pcNIB
	case "region":
		return -1, pcRegion
	case "capabilities":
		return -1, pcTechnique
	}
	return -1, pcID
}
