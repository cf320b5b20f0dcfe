package batik

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
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
		return nil, t.report, t.openErr()
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
