package aql

// Plan is a single sampling plan of ISO 2859-1:1999 (clause 10): inspect
// SampleSize units drawn at random from the lot; accept the lot when the
// number of nonconforming items found is at most Ac, do not accept it when
// the number is Re or more (clause 11). In single sampling Re is always
// Ac + 1.
//
// Letter is the code letter Table 1 gave for the lot; PlanLetter is the
// row the arrows of Table 2-A, 2-B or 2-C led to, whose sample size is
// used (clause 10). When the sample size is at least the lot size, every
// unit is inspected (FullInspection) and SampleSize is the lot size; Ac
// and Re stay those of the plan.
//
// Basis says what the plan's counts count; Lookup and PlanFor leave it
// zero (nonconforming items) and Inspect sets the state's.
//
// The zero Plan is not a plan (its SampleSize is 0).
type Plan struct {
	Severity       Severity   `json:"severity"`
	AQL            AQL        `json:"aql"`
	Letter         CodeLetter `json:"code_letter"`
	PlanLetter     CodeLetter `json:"plan_letter"`
	SampleSize     int        `json:"sample_size"`
	Ac             int        `json:"ac"`
	Re             int        `json:"re"`
	FullInspection bool       `json:"full_inspection"`
	Basis          Basis      `json:"basis,omitempty"`
}

// Lookup returns the single sampling plan for a code letter (A ... R), an
// AQL and a severity from ISO 2859-1:1999, Tables 2-A, 2-B and 2-C, with
// the arrows followed to the first plan below or above, which changes the
// sample size too (clause 10). The plan does not depend on a lot size,
// so FullInspection is false; PlanFor applies the lot size.
//
// It returns an *InputError wrapping ErrInvalid for an unknown letter
// (including S, which Table 1 never gives), the zero AQL or an unknown
// severity. O(1) (at most 17 steps along an arrow); no allocation; safe
// for concurrent use.
func Lookup(letter CodeLetter, aql AQL, severity Severity) (Plan, error) {
	row := letter.row()
	if row < 0 || row >= letters {
		return Plan{}, invalid("code_letter", string(letter), codeLetter)
	}
	if !aql.IsValid() {
		return Plan{}, fail(ErrInvalid, "aql", "", codeAQLZero)
	}
	if !severity.Valid() {
		return Plan{}, invalid("severity", string(severity), codeSeverity)
	}
	planRow, c, ok := resolve(severity, row, aql.index())
	if !ok { // unreachable: TestArrowsLeadToPlans walks every cell
		return Plan{}, invalid("code_letter", string(letter), codeLetterAtAQL, aql.String())
	}
	n := sampleSize[planRow]
	if severity == Reduced {
		n = reducedSampleSize[planRow]
	}
	return Plan{
		Severity:   severity,
		AQL:        aql,
		Letter:     letter,
		PlanLetter: letterAt(planRow),
		SampleSize: n,
		Ac:         int(c.ac),
		Re:         int(c.re),
	}, nil
}

// PlanFor returns the plan for a lot: the code letter of Table 1 for
// lotSize and level, then Lookup. When the plan's sample size is at least
// lotSize, every unit is inspected: SampleSize becomes lotSize and
// FullInspection is true.
//
// It returns an *InputError wrapping ErrInvalid when lotSize is below 1 or
// above MaxLotSize, or for an unknown level, the zero AQL or an unknown
// severity. O(1); no allocation; safe for concurrent use.
func PlanFor(lotSize int, level Level, aql AQL, severity Severity) (Plan, error) {
	letter, err := CodeLetterFor(lotSize, level)
	if err != nil {
		return Plan{}, err
	}
	p, err := Lookup(letter, aql, severity)
	if err != nil {
		return Plan{}, err
	}
	if p.SampleSize >= lotSize {
		p.SampleSize = lotSize
		p.FullInspection = true
	}
	return p, nil
}

// cellAt returns the cell of a table; row 16 of Table 2-B is row S.
func cellAt(severity Severity, row, col int) cell {
	switch severity {
	case Tightened:
		if row == letters {
			return tightenedS[col]
		}
		return tightenedTable[row][col]
	case Reduced:
		return reducedTable[row][col]
	}
	return normalTable[row][col]
}

// resolve follows the arrows from (row, col) to the first plan and returns
// its row and cell; ok is false if an arrow leaves the table or reaches an
// empty cell, which a correct transcription never does.
func resolve(severity Severity, row, col int) (int, cell, bool) {
	last := letters - 1
	if severity == Tightened {
		last = letters // row S
	}
	for row >= 0 && row <= last {
		switch c := cellAt(severity, row, col); c {
		case dn:
			row++
		case up:
			row--
		case no:
			return 0, cell{}, false
		default:
			return row, c, true
		}
	}
	return 0, cell{}, false
}

// tighterAc returns the acceptance number of Table 2-A for the same sample
// (the plan's row) one AQL step tighter, for the switching score of
// ISO 2859-1:1999, 9.3.3.2 a): ok is false when there is no tighter AQL or
// that cell holds an arrow (never so when Ac >= 2; TestTighterCellIsAPlan).
func tighterAc(planRow, col int) (int, bool) {
	if col == 0 {
		return 0, false
	}
	c := normalTable[planRow][col-1]
	if c == dn || c == up {
		return 0, false
	}
	return int(c.ac), true
}
