package aql

import "github.com/batikkit/batikkit/internal/msg"

// Lot is one lot submitted for inspection (ISO 2859-1:1999, clause 6) and
// what the sample showed, with the facts about production that the
// switching rules of clause 9 cannot see in the counts.
//
// Nonconforming is what the sample showed, counted on the state's Basis:
// nonconforming items (each item counts once however many nonconformities
// it has; 0 to the sample size) or nonconformities (a shirt with two flaws
// counts twice; 0 to 100 for each item of the sample).
type Lot struct {
	Size          int  `json:"size"`                   // units in the lot, 1 to MaxLotSize
	Nonconforming int  `json:"nonconforming"`          // nonconforming items (or nonconformities) in the sample
	Steady        bool `json:"steady,omitempty"`       // production is at a steady rate (9.3.3)
	Approved      bool `json:"approved,omitempty"`     // the responsible authority approves reduced inspection (9.3.3)
	Irregular     bool `json:"irregular,omitempty"`    // production became irregular or delayed (9.3.4)
	OtherNormal   bool `json:"other_normal,omitempty"` // other conditions warrant normal inspection (9.3.4)
}

// UnmarshalJSON decodes a Lot strictly ("size" and "nonconforming" are
// required, the four facts about production optional) and checks what
// does not depend on the plan: a size of 1 to MaxLotSize, a count not
// negative, not steady and irregular at once. Errors are *InputError
// wrapping ErrInvalid; on error l is unchanged. O(len(data)).
func (l *Lot) UnmarshalJSON(data []byte) error {
	type plain Lot
	var v plain
	if err := decodeStrict(data, &v, "lot"); err != nil {
		return err
	}
	switch {
	case v.Size < 1 || v.Size > MaxLotSize:
		return invalidInt("lot.size", v.Size, codeLotSize, itoa(MaxLotSize))
	case v.Nonconforming < 0:
		return invalidInt("lot.nonconforming", v.Nonconforming, codeNonconformities, itoa(MaxPerItem*maxExactSample))
	case v.Steady && v.Irregular:
		return fail(ErrInvalid, "lot.irregular", "true", codeSteadyIrregular)
	}
	*l = Lot(v)
	return nil
}

// Verdict is what Inspect decided for one lot.
type Verdict struct {
	Plan          Plan   `json:"plan"`          // the plan used
	Nonconforming int    `json:"nonconforming"` // as given in the Lot
	Accepted      bool   `json:"accepted"`      // Nonconforming <= Plan.Ac (clause 11)
	Switch        Switch `json:"switch"`        // the change of severity the lot caused, if any
	Next          State  `json:"next"`          // the state for the producer's next lot
}

// Inspect judges one lot and applies the switching rules. It is pure and
// deterministic: the same state and lot always give the same verdict, and
// nothing outside its arguments is read or written. Steps:
//
//  1. The plan: Table 1 code letter for lot.Size at state.Level, then
//     Table 2-A, 2-B or 2-C for state.Severity and state.AQL, arrows
//     followed; every unit inspected when the sample size is at least the
//     lot size (PlanFor).
//  2. The verdict (clause 11): accepted when lot.Nonconforming <= Ac,
//     the count being nonconforming items or nonconformities as
//     state.Basis says (the plan is the same table's).
//  3. The next state (clause 9):
//     normal: the switching score (9.3.3.2) becomes 0 if the lot is not
//     accepted; else, when Ac >= 2, +3 if the lot would have been accepted
//     at the AQL one step tighter (Ac of Table 2-A for the same sample
//     size), otherwise 0; when Ac is 0 or 1, +2. Then tightened when this
//     lot and one of the previous 4 on normal were not accepted (9.3.1);
//     reduced when the score is at least 30, lot.Steady and lot.Approved
//     (9.3.3). normal starts again with a score of 0 and no history.
//     tightened: normal after 5 consecutive accepted lots (9.3.2);
//     discontinued when the 5th lot not accepted in total since tightened
//     inspection began is found (9.4).
//     reduced: normal when the lot is not accepted, lot.Irregular or
//     lot.OtherNormal (9.3.4).
//
// Errors, all *InputError: ErrState when state fails Validate;
// ErrDiscontinued when state.Discontinued (call Resume after corrective
// action); ErrInvalid when lot.Size is below 1 or above MaxLotSize,
// lot.Nonconforming is negative or above the plan's sample size (100
// times it when counting nonconformities), or
// lot.Steady and lot.Irregular are both set. O(1); no allocation; safe for
// concurrent use.
func Inspect(state State, lot Lot) (Verdict, error) {
	if err := state.Validate(); err != nil {
		return Verdict{}, err
	}
	if state.Discontinued {
		return Verdict{}, fail(ErrDiscontinued, "state.discontinued", msg.Quote(state.Producer+"/"+state.Technique), codeDiscontinued)
	}
	if lot.Steady && lot.Irregular {
		return Verdict{}, fail(ErrInvalid, "lot.irregular", "true", codeSteadyIrregular)
	}
	plan, err := PlanFor(lot.Size, state.Level, state.AQL, state.Severity)
	if err != nil {
		return Verdict{}, err
	}
	plan.Basis = state.Basis
	if err := checkCount("lot.nonconforming", lot.Nonconforming, plan); err != nil {
		return Verdict{}, err
	}
	v := Verdict{Plan: plan, Nonconforming: lot.Nonconforming, Accepted: lot.Nonconforming <= plan.Ac}
	v.Next, v.Switch = next(state, lot, plan, v.Accepted)
	return v, nil
}

// next applies clause 9 to a valid, not discontinued state.
func next(s State, lot Lot, plan Plan, accepted bool) (State, Switch) {
	switch s.Severity {
	case Tightened:
		if accepted {
			s.ConsecutiveAccepted++
			if s.ConsecutiveAccepted >= tightenedAccept { // 9.3.2
				return start(s, Normal), ToNormal
			}
			return s, NoSwitch
		}
		s.ConsecutiveAccepted = 0
		s.NotAccepted++
		if s.NotAccepted >= discontinueAt { // 9.4
			s.Discontinued = true
			return s, Discontinue
		}
		return s, NoSwitch
	case Reduced:
		if !accepted || lot.Irregular || lot.OtherNormal { // 9.3.4
			return start(s, Normal), ToNormal
		}
		return s, NoSwitch
	}
	// Normal.
	if !accepted {
		if hasNotAccepted(s.Recent) { // 9.3.1: 2 of at most 5 consecutive lots
			return start(s, Tightened), ToTightened
		}
		s.SwitchingScore = 0 // 9.3.3.2
		s.Recent = pushRecent(s.Recent, 'N')
		return s, NoSwitch
	}
	s.Recent = pushRecent(s.Recent, 'A')
	if plan.Ac >= 2 {
		if ac, ok := tighterAc(plan.PlanLetter.row(), plan.AQL.index()); ok && lot.Nonconforming <= ac {
			s.SwitchingScore = min(s.SwitchingScore+3, MaxSwitchingScore)
		} else {
			s.SwitchingScore = 0
		}
	} else {
		s.SwitchingScore = min(s.SwitchingScore+2, MaxSwitchingScore)
	}
	if s.SwitchingScore >= reducedAt && lot.Steady && lot.Approved { // 9.3.3
		return start(s, Reduced), ToReduced
	}
	return s, NoSwitch
}

func hasNotAccepted(recent string) bool {
	for k := 0; k < len(recent); k++ {
		if recent[k] == 'N' {
			return true
		}
	}
	return false
}

// pushRecent appends a result and keeps the last recentLen. The strings are
// at most 4 bytes from a fixed alphabet, so every value is one of a few
// constants and the function does not allocate.
func pushRecent(recent string, r byte) string {
	var buf [recentLen + 1]byte
	n := copy(buf[:], recent)
	buf[n] = r
	n++
	b := buf[:n]
	if n > recentLen {
		b = buf[n-recentLen : n]
	}
	return internRecent(b)
}

// internRecent returns the constant string equal to b (at most 4 bytes of
// 'A' and 'N'), avoiding an allocation per lot.
func internRecent(b []byte) string {
	code := 0
	for _, c := range b {
		code <<= 1
		if c == 'N' {
			code |= 1
		}
	}
	return recentStrings[len(b)][code]
}

// recentStrings[length][bits] is the history string of that length whose
// 'N' positions are the set bits (most significant first).
var recentStrings = [recentLen + 1][]string{
	{""},
	{"A", "N"},
	{"AA", "AN", "NA", "NN"},
	{"AAA", "AAN", "ANA", "ANN", "NAA", "NAN", "NNA", "NNN"},
	{"AAAA", "AAAN", "AANA", "AANN", "ANAA", "ANAN", "ANNA", "ANNN", "NAAA", "NAAN", "NANA", "NANN", "NNAA", "NNAN", "NNNA", "NNNN"},
}

// start returns s's scheme (producer, technique, class, basis, AQL and
// level) at the start of a period of inspection at sev: no history.
func start(s State, sev Severity) State {
	return State{Producer: s.Producer, Technique: s.Technique, Class: s.Class, Basis: s.Basis, AQL: s.AQL, Level: s.Level, Severity: sev}
}

// Resume records that corrective action was taken for a discontinued
// producer (ISO 2859-1:1999, 9.4: the supplier improved the product and the
// responsible authority agreed the action is likely to be effective) and
// returns the state to inspect with: tightened inspection, as if 9.3.1 had
// just been invoked.
//
// It returns an *InputError wrapping ErrState when s fails Validate, and
// wrapping ErrInvalid when s is not discontinued. O(1).
func Resume(s State) (State, error) {
	if err := s.Validate(); err != nil {
		return State{}, err
	}
	if !s.Discontinued {
		return State{}, fail(ErrInvalid, "state.discontinued", "false", codeNotDiscontinued)
	}
	return start(s, Tightened), nil
}

// MaxPerItem is the most nonconformities a count may hold for each item of
// the sample when counting nonconformities per 100 items: the standard
// sets no bound, and 100 flaws on one shirt is far past any real count.
const MaxPerItem = 100

// checkCount checks a count found in the sample of plan.
func checkCount(field string, found int, plan Plan) *InputError {
	if plan.Basis.perHundred() {
		if found < 0 || found > MaxPerItem*plan.SampleSize {
			return invalidInt(field, found, codeNonconformities, itoa(MaxPerItem*plan.SampleSize))
		}
		return nil
	}
	if found < 0 || found > plan.SampleSize {
		return invalidInt(field, found, codeNonconforming, itoa(plan.SampleSize))
	}
	return nil
}
