package batik

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/textrule"
)

// safeCell defuses a cell a spreadsheet would run as a formula by putting
// an apostrophe before it, as OWASP advises; the readers remove it again
// (see escaped). A cell that would itself look escaped gets one too, so
// that "'=1+1" is read back as written.
func safeCell(s string) string {
	if textrule.FormulaLead(s) || escaped(s) {
		return "'" + s
	}
	return s
}

// escaped reports whether a cell carries the apostrophe safeCell puts
// before a formula character or before an apostrophe; the readers drop
// it. Any other apostrophe ("'Ndalem") is the text's own.
func escaped(c string) bool {
	return len(c) >= 2 && c[0] == '\'' && (c[1] == '\'' || textrule.FormulaLead(c[1:]))
}

// WriteProducersCSV writes producers in the format ReadProducersCSV reads:
// a header of ProducerColumnNames and one row per capability, amounts as plain
// digits with ',' before sen ("85000,50", which pricing.Parse reads and a
// spreadsheet with Indonesian settings takes for a number). A producer with no
// capabilities gets one row with the capability cells blank (which
// ReadProducersCSV reports, as it should: such a producer is not valid).
//
// A cell that starts with '=', '+', '-', '@', a tab or a carriage return
// is written with an apostrophe before it, so that a spreadsheet shows it
// as text instead of running it as a formula (OWASP, "CSV Injection"), and
// so is a cell that starts with an apostrophe before one of those or
// before another apostrophe; the readers remove that apostrophe, so every
// producer that passes Validate is read back as itself. Validation refuses
// names with a formula lead anyway, but the writer writes what it is given
// without validating it, so the guard is here. Reading trims white space
// around cells: text with it at an edge does not survive a round trip
// (validation refuses it in names). O(rows).
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
