package aql

import (
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/msg"
)

// State is where one producer stands in the switching rules of
// ISO 2859-1:1999, clause 9, for one technique, one class of
// nonconformity and one AQL: the severity in force and the little history
// the rules need. A service stores it (it marshals to JSON and back) and
// passes it to Inspect (or, with the producer's other classes, to
// InspectLot) with each lot; Inspect returns the next State. Producer and
// Technique are identifiers chosen by the caller (a producer ID, "tulis");
// the package only carries them, as given.
//
// Class names the class of nonconformity (zero for a lot inspected for
// one unnamed class); Basis what is counted (zero: nonconforming items).
// Both are left out of the JSON when zero.
//
// The fields that count lots are meaningful for one severity only and are
// zero otherwise:
//
//	normal      SwitchingScore (9.3.3.2) and Recent, the results of the last
//	            lots on normal inspection, at most 4 (9.3.1 looks at 5 with
//	            the current one), oldest first: 'A' accepted, 'N' not accepted
//	tightened   ConsecutiveAccepted (9.3.2, 0 to 4) and NotAccepted, the lots
//	            not accepted in total since tightened inspection began (9.4,
//	            0 to 4; exactly 5 when Discontinued)
//	reduced     nothing
//
// Discontinued (9.4) is only ever set with Severity Tightened: inspection
// resumes on tightened after Resume.
//
// The zero State is not valid; use NewState or NewClassState. Validate,
// Inspect and JSON decoding refuse impossible combinations (tightened with
// a switching score, discontinued with fewer than 5 lots not accepted, a
// normal history that should already have switched to tightened, an AQL
// above 10 counted in items, ...). State is a plain value, safe to copy;
// it holds no pointers.
type State struct {
	Producer            string   `json:"producer"`
	Technique           string   `json:"technique"`
	Class               Class    `json:"class,omitempty"`
	Basis               Basis    `json:"basis,omitempty"`
	AQL                 AQL      `json:"aql"`
	Level               Level    `json:"level"`
	Severity            Severity `json:"severity"`
	Discontinued        bool     `json:"discontinued"`
	SwitchingScore      int      `json:"switching_score"`
	Recent              string   `json:"recent"`
	ConsecutiveAccepted int      `json:"consecutive_accepted"`
	NotAccepted         int      `json:"not_accepted"`
}

// Bounds of the State's counters.
const (
	// MaxSwitchingScore caps the switching score: the rules only ask
	// whether it has reached 30 (9.3.3.2), and the cap keeps a long run of
	// good lots from growing it without bound.
	MaxSwitchingScore = 1_000_000
	// MaxIDLen is the longest Producer, Technique, lot ID or inspector
	// name, in bytes.
	MaxIDLen = 256

	recentLen       = 4 // lots on normal remembered besides the current one (9.3.1)
	tightenedAccept = 5 // consecutive accepted lots that end tightened inspection (9.3.2)
	discontinueAt   = 5 // lots not accepted on tightened that discontinue inspection (9.4)
	reducedAt       = 30
)

// NewState starts a producer on normal inspection (ISO 2859-1:1999, 9.1)
// with a switching score of 0 (9.3.3.2), counting nonconforming items for
// one unnamed class: NewClassState(producer, technique, "", "", aql,
// level). A zero level means LevelII, the default of clause 10.
//
// It returns an *InputError wrapping ErrInvalid when producer or technique
// is empty, longer than MaxIDLen bytes or not UTF-8, for the zero AQL, an
// AQL above 10 (those are for nonconformities per 100 items: use
// NewClassState) or an unknown level. O(len(producer) + len(technique)).
func NewState(producer, technique string, aql AQL, level Level) (State, error) {
	return NewClassState(producer, technique, "", "", aql, level)
}

// NewClassState starts a producer on normal inspection for one class of
// nonconformity counted on basis: NewClassState("ws-07", "tulis", Major,
// Items, MustParseAQL("2.5"), LevelII). A zero level means LevelII.
//
// It returns an *InputError wrapping ErrInvalid for the bad inputs of
// NewState, an unknown class or basis, and an AQL above 10 with a basis
// other than Nonconformities. O(len(producer) + len(technique)).
func NewClassState(producer, technique string, class Class, basis Basis, aql AQL, level Level) (State, error) {
	if level == "" {
		level = LevelII
	}
	if err := checkID("producer", producer); err != nil {
		return State{}, err
	}
	if err := checkID("technique", technique); err != nil {
		return State{}, err
	}
	if !class.Valid() {
		return State{}, invalid("class", string(class), codeClass)
	}
	if !basis.Valid() {
		return State{}, invalid("basis", string(basis), codeBasis)
	}
	if !aql.IsValid() {
		return State{}, fail(ErrInvalid, "aql", "", codeAQLZero)
	}
	if !checkAQLBasis(aql, basis) {
		return State{}, fail(ErrInvalid, "aql", aql.String(), codeAQLBasis)
	}
	if !level.Valid() {
		return State{}, invalid("level", string(level), codeLevel)
	}
	return State{Producer: producer, Technique: technique, Class: class, Basis: basis, AQL: aql, Level: level, Severity: Normal}, nil
}

// idOK reports whether v is 1 to MaxIDLen bytes of UTF-8.
func idOK(v string) bool { return v != "" && len(v) <= MaxIDLen && utf8.ValidString(v) }

func checkID(field, v string) error {
	if !idOK(v) {
		return invalid(field, v, codeIDLength, itoa(MaxIDLen))
	}
	return nil
}

// Validate reports whether s is a state the switching rules can reach. It
// returns nil or an *InputError wrapping ErrState that names the first
// field at fault (checked in the order of the struct). O(len(Producer) +
// len(Technique)).
func (s State) Validate() error {
	if err := s.validateFields(); err != nil {
		return err
	}
	switch s.Severity {
	case Normal:
		return s.validateNormal()
	case Tightened:
		return s.validateTightened()
	}
	if s.Discontinued {
		return badState("discontinued", "true", codeDiscontinuedFromTightened)
	}
	return nil
}

// validateFields checks each field alone and the counters that belong to
// another severity.
func (s State) validateFields() error {
	switch {
	case !idOK(s.Producer):
		return badState("producer", msg.Quote(s.Producer), codeIDLength, itoa(MaxIDLen))
	case !idOK(s.Technique):
		return badState("technique", msg.Quote(s.Technique), codeIDLength, itoa(MaxIDLen))
	case !s.Class.Valid():
		return badState("class", msg.Quote(string(s.Class)), codeClass)
	case !s.Basis.Valid():
		return badState("basis", msg.Quote(string(s.Basis)), codeBasis)
	case !s.AQL.IsValid():
		return badState("aql", "", codeAQLZero)
	case !checkAQLBasis(s.AQL, s.Basis):
		return badState("aql", s.AQL.String(), codeAQLBasis)
	case !s.Level.Valid():
		return badState("level", msg.Quote(string(s.Level)), codeLevel)
	case !s.Severity.Valid():
		return badState("severity", msg.Quote(string(s.Severity)), codeSeverity)
	case s.SwitchingScore < 0 || s.SwitchingScore > MaxSwitchingScore:
		return badState("switching_score", itoa(s.SwitchingScore), codeScoreRange, itoa(MaxSwitchingScore))
	case s.ConsecutiveAccepted < 0:
		return badState("consecutive_accepted", itoa(s.ConsecutiveAccepted), codeCountsNegative)
	case s.NotAccepted < 0:
		return badState("not_accepted", itoa(s.NotAccepted), codeCountsNegative)
	case s.Severity != Normal && s.SwitchingScore != 0:
		return badState("switching_score", itoa(s.SwitchingScore), codeScoreNormalOnly)
	case s.Severity != Normal && s.Recent != "":
		return badState("recent", msg.Quote(s.Recent), codeRecentNormalOnly)
	case s.Severity != Tightened && s.ConsecutiveAccepted != 0:
		return badState("consecutive_accepted", itoa(s.ConsecutiveAccepted), codeCountsTightenedOnly)
	case s.Severity != Tightened && s.NotAccepted != 0:
		return badState("not_accepted", itoa(s.NotAccepted), codeCountsTightenedOnly)
	}
	return nil
}

func (s State) validateNormal() error {
	if s.Discontinued {
		return badState("discontinued", "true", codeDiscontinuedFromTightened)
	}
	if len(s.Recent) > recentLen {
		return badState("recent", msg.Quote(s.Recent), codeRecentLength)
	}
	lastN := -1
	for k := 0; k < len(s.Recent); k++ {
		switch s.Recent[k] {
		case 'A':
		case 'N':
			if lastN >= 0 {
				return badState("recent", msg.Quote(s.Recent), codeRecentTwice)
			}
			lastN = k
		default:
			return badState("recent", msg.Quote(s.Recent), codeRecentLetters)
		}
	}
	// The score is reset on a lot not accepted and grows by at most 3 a lot.
	if lastN >= 0 && s.SwitchingScore > 3*(len(s.Recent)-1-lastN) {
		return badState("switching_score", itoa(s.SwitchingScore), codeScoreSinceNotAccepted)
	}
	if s.SwitchingScore > 3*len(s.Recent) && len(s.Recent) < recentLen {
		return badState("switching_score", itoa(s.SwitchingScore), codeScorePerLot)
	}
	return nil
}

func (s State) validateTightened() error {
	if s.Discontinued {
		if s.NotAccepted != discontinueAt || s.ConsecutiveAccepted != 0 {
			return badState("discontinued", "true", codeDiscontinuedCount)
		}
		return nil
	}
	if s.NotAccepted >= discontinueAt {
		return badState("not_accepted", itoa(s.NotAccepted), codeNotAcceptedFive)
	}
	if s.ConsecutiveAccepted >= tightenedAccept {
		return badState("consecutive_accepted", itoa(s.ConsecutiveAccepted), codeAcceptedFive)
	}
	return nil
}

// UnmarshalJSON decodes a State strictly (see json.go: unknown, repeated
// and case-folded keys, null and missing keys are errors naming the key;
// "class" and "basis" may be left out) and validates it: malformed JSON
// and unknown enum spellings are *InputError wrapping ErrInvalid,
// impossible combinations *InputError wrapping ErrState (see Validate).
// On error s is unchanged. O(len(data)).
func (s *State) UnmarshalJSON(data []byte) error {
	type plain State // same fields, no methods: no recursion
	var v plain
	if err := decodeStrict(data, &v, "state"); err != nil {
		return err
	}
	if err := State(v).Validate(); err != nil {
		return err
	}
	*s = State(v)
	return nil
}
