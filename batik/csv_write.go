package batik

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/textrule"
)

// safeCell defuses a cell a spreadsheet would run as a formula by putting
// an apostrophe before it, as OWASP advises; the readers remove it again.
func safeCell(s string) string {
	if textrule.FormulaLead(s) {
		return "'" + s
	}
	return s
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
