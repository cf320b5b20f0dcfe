package batik

import "slices"

// MaxProblems is the most problems a reader lists in a *DataError; it
// counts the rest in DataError.Omitted, so a file of a million bad rows
// costs memory for the first thousand messages only.
const MaxProblems = 1000

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
