package aql

import (
	"time"

	"github.com/batikkit/batikkit/internal/msg"
)

// Record is the record of one lot inspected for one or more classes: what
// a buyer's dispute is answered from. It marshals to JSON and back (a
// ledger keeps it beside the delivery): every key is written, decoding is
// strict and checks that the record holds together (see UnmarshalJSON).
type Record struct {
	LotID     string        `json:"lot_id"`
	Producer  string        `json:"producer"`
	Technique string        `json:"technique"`
	LotSize   int           `json:"lot_size"`
	Seed      uint64        `json:"seed"` // the sample's seed: Draw(Seed, LotSize, n) gives the units again
	Inspector string        `json:"inspector"`
	Date      string        `json:"date"` // YYYY-MM-DD
	Classes   []ClassResult `json:"classes"`
	Accepted  bool          `json:"accepted"` // every class accepted
}

// ClassResult is one class's part of a Record: its plan, what its sample
// showed, its verdict and the change of severity the lot caused.
type ClassResult struct {
	Class    Class  `json:"class,omitempty"`
	Plan     Plan   `json:"plan"`
	Found    int    `json:"found"`
	Accepted bool   `json:"accepted"`
	Switch   Switch `json:"switch,omitempty"`
}

// dateOK reports whether s is a calendar date written YYYY-MM-DD.
func dateOK(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// Validate reports whether r holds together: identifiers of 1 to MaxIDLen
// bytes of UTF-8, a lot size of 1 to MaxLotSize, a YYYY-MM-DD date, 1 to 4
// classes none twice, each plan the one ISO 2859-1 gives for its code
// letter, AQL and severity and this lot size, each count within its
// sample's range and each verdict following from count and plan, and the
// lot accepted exactly when every class is. It returns nil or an
// *InputError wrapping ErrState naming the first field at fault
// ("record.classes[1].accepted"). O(len(Classes)).
func (r Record) Validate() error {
	bad := func(field, value string, c code, args ...string) error {
		return fail(ErrState, "record."+field, value, c, args...)
	}
	for _, f := range []struct{ name, v string }{{"lot_id", r.LotID}, {"producer", r.Producer}, {"technique", r.Technique}, {"inspector", r.Inspector}} {
		if !idOK(f.v) {
			return bad(f.name, msg.Quote(f.v), codeIDLength, itoa(MaxIDLen))
		}
	}
	if r.LotSize < 1 || r.LotSize > MaxLotSize {
		return bad("lot_size", itoa(r.LotSize), codeLotSize, itoa(MaxLotSize))
	}
	if !dateOK(r.Date) {
		return bad("date", msg.Quote(r.Date), codeDate)
	}
	if len(r.Classes) == 0 || len(r.Classes) > maxClasses {
		return bad("classes", itoa(len(r.Classes)), codeNoStates)
	}
	all := true
	for k, c := range r.Classes {
		at := "classes[" + itoa(k) + "]."
		for _, d := range r.Classes[:k] {
			if d.Class == c.Class {
				return bad(at+"class", msg.Quote(string(c.Class)), codeClassTwice)
			}
		}
		if err := c.Plan.checkFor(r.LotSize); err != nil {
			return bad(at+"plan", "", codePlanNotTable, string(c.Plan.Letter), itoa(r.LotSize))
		}
		if err := checkCount("record."+at+"found", c.Found, c.Plan); err != nil {
			err.Kind = ErrState
			return err
		}
		if c.Accepted != (c.Found <= c.Plan.Ac) {
			return bad(at+"accepted", boolText(c.Accepted), codeVerdict)
		}
		all = all && c.Accepted
	}
	if r.Accepted != all {
		return bad("accepted", boolText(r.Accepted), codeVerdict)
	}
	return nil
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// UnmarshalJSON decodes a Record strictly (unknown, repeated and
// case-folded keys, null and missing keys are *InputError wrapping
// ErrInvalid naming the key; "class" and "switch" may be left out) and
// validates it (Validate: ErrState). On error r is unchanged. O(len(data)).
func (r *Record) UnmarshalJSON(data []byte) error {
	type plain Record
	var v plain
	if err := decodeStrict(data, &v, "record"); err != nil {
		return err
	}
	if err := Record(v).Validate(); err != nil {
		return err
	}
	*r = Record(v)
	return nil
}

// checkFor reports whether p is the plan Tables 2-A to 2-C give for its
// code letter, AQL and severity, with lotSize applied (PlanFor's full
// inspection), and its basis allows its AQL.
func (p Plan) checkFor(lotSize int) error {
	want, err := Lookup(p.Letter, p.AQL, p.Severity)
	if err != nil {
		return err
	}
	if want.SampleSize >= lotSize {
		want.SampleSize, want.FullInspection = lotSize, true
	}
	want.Basis = p.Basis
	if want != p || !p.Basis.Valid() || !checkAQLBasis(p.AQL, p.Basis) {
		return fail(ErrState, "plan", "", codePlanNotTable, string(p.Letter), itoa(lotSize))
	}
	return nil
}

// UnmarshalJSON decodes a Plan strictly and checks that it is a plan of
// Tables 2-A to 2-C for its code letter, AQL and severity (a full
// inspection of a lot of SampleSize units when FullInspection is set).
// Errors are *InputError wrapping ErrInvalid (the JSON) or ErrState (the
// plan). O(len(data)).
func (p *Plan) UnmarshalJSON(data []byte) error {
	type plain Plan
	var v plain
	if err := decodeStrict(data, &v, "plan"); err != nil {
		return err
	}
	lot := MaxLotSize
	if v.FullInspection {
		lot = v.SampleSize
	}
	if lot < 1 || Plan(v).checkFor(lot) != nil {
		return fail(ErrState, "plan", "", codePlanNotTable, string(v.Letter), itoa(lot))
	}
	*p = Plan(v)
	return nil
}

// UnmarshalJSON decodes a Verdict strictly: its plan and next state as
// their own UnmarshalJSON do, the count within the plan's range and the
// verdict following from count and plan (else ErrState). O(len(data)).
func (v *Verdict) UnmarshalJSON(data []byte) error {
	type plain Verdict
	var w plain
	if err := decodeStrict(data, &w, "verdict"); err != nil {
		return err
	}
	if err := checkCount("verdict.nonconforming", w.Nonconforming, w.Plan); err != nil {
		err.Kind = ErrState
		return err
	}
	if w.Accepted != (w.Nonconforming <= w.Plan.Ac) {
		return fail(ErrState, "verdict.accepted", boolText(w.Accepted), codeVerdict)
	}
	*v = Verdict(w)
	return nil
}
