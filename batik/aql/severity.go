package aql

import "strings"

// Severity is the inspection severity of ISO 2859-1:1999, clause 9: which
// of Tables 2-A (normal), 2-B (tightened) and 2-C (reduced) gives the plan.
// Its text form is the constant's value. The zero Severity ("") is not a
// severity.
type Severity string

// The three severities of clause 9.
const (
	Normal    Severity = "normal"    // Table 2-A; where every scheme starts (9.1)
	Tightened Severity = "tightened" // Table 2-B; after 2 of 5 or fewer consecutive lots not accepted (9.3.1)
	Reduced   Severity = "reduced"   // Table 2-C; earned with the switching score (9.3.3)
)

// Valid reports whether s is Normal, Tightened or Reduced.
func (s Severity) Valid() bool { return s == Normal || s == Tightened || s == Reduced }

// String returns the severity's text, e.g. "tightened".
func (s Severity) String() string { return string(s) }

// ParseSeverity reads a severity in any case, in English or in the terms
// of SNI ISO 2859-1: "normal", "Tightened", "diperketat", "reduced",
// "dikurangi". Anything else is an *InputError wrapping ErrInvalid.
// O(len(s)).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "normal", "biasa":
		return Normal, nil
	case "tightened", "tight", "diperketat", "ketat":
		return Tightened, nil
	case "reduced", "dikurangi", "dikurang":
		return Reduced, nil
	}
	return "", invalid("severity", s, codeSeverity)
}

// MarshalText returns the severity's text; an unknown severity is an error.
func (s Severity) MarshalText() ([]byte, error) {
	if !s.Valid() {
		return nil, invalid("severity", string(s), codeSeverity)
	}
	return []byte(s), nil
}

// UnmarshalText parses text as ParseSeverity does.
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Switch names the change of severity a lot caused, if any. The zero Switch
// ("") means the severity stays as it was. Its text form is the constant's
// value.
type Switch string

// The switches of clauses 9.3 and 9.4.
const (
	NoSwitch    Switch = ""             // severity unchanged
	ToTightened Switch = "to_tightened" // 9.3.1: 2 of 5 or fewer consecutive lots not accepted on normal
	ToNormal    Switch = "to_normal"    // 9.3.2 from tightened, or 9.3.4 from reduced
	ToReduced   Switch = "to_reduced"   // 9.3.3: switching score at least 30, steady, approved
	Discontinue Switch = "discontinue"  // 9.4: 5 lots not accepted while on tightened
)

// Valid reports whether w is one of the Switch constants (NoSwitch included).
func (w Switch) Valid() bool {
	switch w {
	case NoSwitch, ToTightened, ToNormal, ToReduced, Discontinue:
		return true
	}
	return false
}

// String returns the switch's text; NoSwitch is "".
func (w Switch) String() string { return string(w) }

// MarshalText returns the switch's text; an unknown switch is an error.
func (w Switch) MarshalText() ([]byte, error) {
	if !w.Valid() {
		return nil, invalid("switch", string(w), codeSwitch)
	}
	return []byte(w), nil
}

// UnmarshalText accepts exactly the text of a Switch constant.
func (w *Switch) UnmarshalText(text []byte) error {
	v := Switch(strings.ToLower(strings.TrimSpace(string(text))))
	if !v.Valid() {
		return invalid("switch", string(text), codeSwitch)
	}
	*w = v
	return nil
}
