package aql

import (
	"encoding/json"
	"strconv"
)

// State is where one producer stands in the switching rules of
// ISO 2859-1:1999, clause 9, for one technique and one AQL: the severity in
// force and the little history the rules need. A service stores it (it
// marshals to JSON and back) and passes it to Inspect with each lot;
// Inspect returns the next State. Producer and Technique are plain
// identifiers chosen by the caller (a producer ID, "tulis"); the package
// only carries them.
//
// The fields that count lots are meaningful for one severity only and are
// zero otherwise:
//
//	normal      SwitchingScore (9.3.3.2) and Recent, the results of the last
//	            lots on normal inspection, at most 4 (9.3.1 looks at 5 with
//	            the current one), oldest first: 'A' accepted, 'N' not accepted
//	tightened   ConsecutiveAccepted (9.3.2, 0 to 4) and NotAccepted, the lots
//	            not accepted since tightened inspection began (9.4, 0 to 4;
//	            exactly 5 when Discontinued)
//	reduced     nothing
//
// Discontinued (9.4) is only ever set with Severity Tightened: inspection
// resumes on tightened after Resume.
//
// The zero State is not valid; use NewState. Validate, Inspect and JSON
// decoding refuse impossible combinations (tightened with a switching
// score, discontinued with fewer than 5 lots not accepted, a normal history
// that should already have switched to tightened, ...). State is a plain
// value, safe to copy; it holds no pointers.
type State struct {
	Producer            string   `json:"producer"`
	Technique           string   `json:"technique"`
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
	// MaxIDLen is the longest Producer or Technique, in bytes.
	MaxIDLen = 256

	recentLen       = 4 // lots on normal remembered besides the current one (9.3.1)
	tightenedAccept = 5 // consecutive accepted lots that end tightened inspection (9.3.2)
	discontinueAt   = 5 // lots not accepted on tightened that discontinue inspection (9.4)
	reducedAt       = 30
)

// NewState starts a producer on normal inspection (ISO 2859-1:1999, 9.1)
// with a switching score of 0 (9.3.3.2). A zero level means LevelII, the
// default of clause 10.
//
// It returns an *InputError wrapping ErrInvalid when producer or technique
// is empty or longer than MaxIDLen bytes, for the zero AQL or an unknown
// level. O(1).
func NewState(producer, technique string, aql AQL, level Level) (State, error) {
	if level == "" {
		level = LevelII
	}
	s := State{Producer: producer, Technique: technique, AQL: aql, Level: level, Severity: Normal}
	if err := checkID("producer", producer); err != nil {
		return State{}, err
	}
	if err := checkID("technique", technique); err != nil {
		return State{}, err
	}
	if !aql.IsValid() {
		return State{}, invalid("aql", "", "the zero AQL is not an AQL")
	}
	if !level.Valid() {
		return State{}, invalid("level", string(level), "not an inspection level (I, II, III, S-1 ... S-4)")
	}
	return s, nil
}

func checkID(field, v string) error {
	if v == "" || len(v) > MaxIDLen {
		return invalid(field, v, "must be 1 to "+strconv.Itoa(MaxIDLen)+" bytes")
	}
	return nil
}

// Validate reports whether s is a state the switching rules can reach. It
// returns nil or an *InputError wrapping ErrState that names the first
// field at fault (checked in the order of the struct). O(1).
func (s State) Validate() error {
	if s.Producer == "" || len(s.Producer) > MaxIDLen {
		return badState("producer", s.Producer, "must be 1 to "+strconv.Itoa(MaxIDLen)+" bytes")
	}
	if s.Technique == "" || len(s.Technique) > MaxIDLen {
		return badState("technique", s.Technique, "must be 1 to "+strconv.Itoa(MaxIDLen)+" bytes")
	}
	if !s.AQL.IsValid() {
		return badState("aql", "", "missing")
	}
	if !s.Level.Valid() {
		return badState("level", string(s.Level), "not an inspection level")
	}
	if !s.Severity.Valid() {
		return badState("severity", string(s.Severity), "not a severity")
	}
	if s.SwitchingScore < 0 || s.SwitchingScore > MaxSwitchingScore {
		return badState("switching_score", strconv.Itoa(s.SwitchingScore), "must be between 0 and "+strconv.Itoa(MaxSwitchingScore))
	}
	if s.ConsecutiveAccepted < 0 || s.NotAccepted < 0 {
		return badState("consecutive_accepted", strconv.Itoa(s.ConsecutiveAccepted)+"/"+strconv.Itoa(s.NotAccepted), "counts cannot be negative")
	}
	if s.Severity != Normal {
		if s.SwitchingScore != 0 {
			return badState("switching_score", strconv.Itoa(s.SwitchingScore), "a switching score is kept on normal inspection only (9.3.3.2)")
		}
		if s.Recent != "" {
			return badState("recent", s.Recent, "the history of recent lots is kept on normal inspection only (9.3.1)")
		}
	}
	if s.Severity != Tightened && (s.ConsecutiveAccepted != 0 || s.NotAccepted != 0) {
		return badState("consecutive_accepted", strconv.Itoa(s.ConsecutiveAccepted)+"/"+strconv.Itoa(s.NotAccepted), "lot counts are kept on tightened inspection only (9.3.2, 9.4)")
	}
	switch s.Severity {
	case Normal:
		return s.validateNormal()
	case Tightened:
		return s.validateTightened()
	}
	if s.Discontinued {
		return badState("discontinued", "true", "inspection is discontinued only from tightened inspection (9.4)")
	}
	return nil
}

func (s State) validateNormal() error {
	if s.Discontinued {
		return badState("discontinued", "true", "inspection is discontinued only from tightened inspection (9.4)")
	}
	if len(s.Recent) > recentLen {
		return badState("recent", s.Recent, "at most 4 results are kept")
	}
	lastN := -1
	for k := 0; k < len(s.Recent); k++ {
		switch s.Recent[k] {
		case 'A':
		case 'N':
			if lastN >= 0 {
				return badState("recent", s.Recent, "2 lots not accepted within 5 would have switched to tightened (9.3.1)")
			}
			lastN = k
		default:
			return badState("recent", s.Recent, "only 'A' (accepted) and 'N' (not accepted)")
		}
	}
	// The score is reset on a lot not accepted and grows by at most 3 a lot.
	if lastN >= 0 && s.SwitchingScore > 3*(len(s.Recent)-1-lastN) {
		return badState("switching_score", strconv.Itoa(s.SwitchingScore), "more than 3 points for each lot accepted since the last lot not accepted (9.3.3.2)")
	}
	if s.SwitchingScore > 3*len(s.Recent) && len(s.Recent) < recentLen {
		return badState("switching_score", strconv.Itoa(s.SwitchingScore), "more than 3 points for each lot inspected on normal (9.3.3.2)")
	}
	return nil
}

func (s State) validateTightened() error {
	if s.Discontinued {
		if s.NotAccepted != discontinueAt || s.ConsecutiveAccepted != 0 {
			return badState("discontinued", "true", "inspection is discontinued when the 5th lot on tightened inspection is not accepted (9.4)")
		}
		return nil
	}
	if s.NotAccepted >= discontinueAt {
		return badState("not_accepted", strconv.Itoa(s.NotAccepted), "5 lots not accepted on tightened inspection discontinue inspection (9.4)")
	}
	if s.ConsecutiveAccepted >= tightenedAccept {
		return badState("consecutive_accepted", strconv.Itoa(s.ConsecutiveAccepted), "5 consecutive lots accepted return to normal inspection (9.3.2)")
	}
	return nil
}

// UnmarshalJSON decodes a State and validates it: unknown enum spellings
// are *InputError wrapping ErrInvalid, impossible combinations are
// *InputError wrapping ErrState (see Validate). Unknown JSON fields are
// ignored, as encoding/json does.
func (s *State) UnmarshalJSON(data []byte) error {
	type plain State // same fields, no methods: no recursion
	var v plain
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	if err := State(v).Validate(); err != nil {
		return err
	}
	*s = State(v)
	return nil
}
