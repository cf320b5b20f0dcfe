package aql

import "strings"

// Level is an inspection level of ISO 2859-1:1999, clause 10 and
// Table 1: general levels I, II (the default) and III, and special levels
// S-1 to S-4 for small samples where larger risks are acceptable. Its text
// form is the constant's value.
//
// The zero Level ("") is not a level; NewState reads it as LevelII.
type Level string

// The inspection levels of Table 1.
const (
	LevelS1  Level = "S-1"
	LevelS2  Level = "S-2"
	LevelS3  Level = "S-3"
	LevelS4  Level = "S-4"
	LevelI   Level = "I"
	LevelII  Level = "II"
	LevelIII Level = "III"
)

// column is the column of Table 1, or -1 for an unknown level.
func (l Level) column() int {
	switch l {
	case LevelS1:
		return 0
	case LevelS2:
		return 1
	case LevelS3:
		return 2
	case LevelS4:
		return 3
	case LevelI:
		return 4
	case LevelII:
		return 5
	case LevelIII:
		return 6
	}
	return -1
}

// Valid reports whether l is one of the seven levels of Table 1.
func (l Level) Valid() bool { return l.column() >= 0 }

// String returns the level's text, e.g. "II" or "S-3".
func (l Level) String() string { return string(l) }

// ParseLevel reads a level in any case, with or without a "level " prefix
// and with or without the hyphen of the special levels: "II", "ii",
// "Level II", "S-2", "s2". Anything else is an *InputError wrapping
// ErrInvalid. O(len(s)).
func ParseLevel(s string) (Level, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSpace(strings.TrimPrefix(t, "LEVEL"))
	if len(t) == 2 && t[0] == 'S' {
		t = "S-" + t[1:]
	}
	if l := Level(t); l.Valid() {
		return l, nil
	}
	return "", invalid("level", s, codeLevel)
}

// MarshalText returns the level's text; an unknown level is an error.
func (l Level) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, invalid("level", string(l), codeLevel)
	}
	return []byte(l), nil
}

// UnmarshalText parses text as ParseLevel does.
func (l *Level) UnmarshalText(text []byte) error {
	v, err := ParseLevel(string(text))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
