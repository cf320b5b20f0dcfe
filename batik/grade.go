package batik

// Grade is the quality grade of the work, in the terms of SNI 08-0513-1989:
// halus (fine) is best, then sedang (medium), then kasar (coarse). The zero
// Grade is not valid.
type Grade string

const (
	Halus  Grade = "halus"  // fine
	Sedang Grade = "sedang" // medium
	Kasar  Grade = "kasar"  // coarse
)

var gradeSpec = newEnumSpec(codeGrade, map[string][]string{
	string(Halus):  {"fine", "grade halus", "kualitas halus", "a"},
	string(Sedang): {"medium", "grade sedang", "kualitas sedang", "b"},
	string(Kasar):  {"coarse", "grade kasar", "kualitas kasar", "c"},
})

// Grades lists every valid Grade, best first.
func Grades() []Grade { return []Grade{Halus, Sedang, Kasar} }

// rank orders grades: 3 halus, 2 sedang, 1 kasar, 0 invalid.
func (g Grade) rank() int {
	switch g {
	case Halus:
		return 3
	case Sedang:
		return 2
	case Kasar:
		return 1
	}
	return 0
}

// Valid reports whether g is halus, sedang or kasar.
func (g Grade) Valid() bool { return g.rank() > 0 }

// AtLeast reports whether g is as good as min or better:
// Halus.AtLeast(Sedang) is true, Kasar.AtLeast(Sedang) is false. An invalid
// grade on either side gives false.
func (g Grade) AtLeast(min Grade) bool {
	m := min.rank()
	return m > 0 && g.rank() >= m
}

// String returns the canonical text of g.
func (g Grade) String() string { return string(g) }

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
func (g Grade) MarshalText() ([]byte, error) {
	return marshalEnum(gradeSpec, string(g), g == "" || g.Valid())
}

// UnmarshalText accepts "halus"/"fine", "sedang"/"medium", "kasar"/"coarse"
// in any case, and the letters A, B, C. Empty text gives the zero Grade.
func (g *Grade) UnmarshalText(text []byte) error {
	v, err := gradeSpec.parse(string(text))
	if err == nil {
		*g = Grade(v)
	}
	return err
}

// ParseGrade is UnmarshalText as a function; empty text is an error.
func ParseGrade(s string) (Grade, error) {
	v, err := parseRequired(gradeSpec, s)
	return Grade(v), err
}
