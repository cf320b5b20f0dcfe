package batik

// Technique is how the wax resist was applied (SNI 0239:2014). Its text and
// JSON form is the constant's value. The zero Technique is not valid.
type Technique string

const (
	Tulis     Technique = "tulis"     // hand-drawn with a canting (SNI 0239:2014)
	Cap       Technique = "cap"       // stamped with a copper cap
	Kombinasi Technique = "kombinasi" // tulis and cap on one cloth
	Printing  Technique = "printing"  // printed or screen textile with a batik motif: NOT batik (tiruan batik)
)

var techniqueSpec = newEnumSpec("technique", map[string][]string{
	string(Tulis):     {"batik tulis", "hand drawn", "handdrawn", "hand drawn batik", "canting"},
	string(Cap):       {"batik cap", "stamped", "stamp", "stamped batik", "batik stamp"},
	string(Kombinasi): {"batik kombinasi", "kombinasi tulis cap", "tulis cap", "cap tulis", "combination", "combined"},
	string(Printing):  {"print", "printed", "batik printing", "batik print", "sablon", "screen", "screen print", "tiruan", "tiruan batik", "imitation"},
})

// Techniques lists every valid Technique, batik first.
func Techniques() []Technique { return []Technique{Tulis, Cap, Kombinasi, Printing} }

// Valid reports whether t is one of the four techniques.
func (t Technique) Valid() bool {
	switch t {
	case Tulis, Cap, Kombinasi, Printing:
		return true
	}
	return false
}

// IsBatik reports whether cloth made with t is batik. Only Tulis, Cap and
// Kombinasi are; Printing is an imitation (SNI 8184:2015).
func (t Technique) IsBatik() bool { return t == Tulis || t == Cap || t == Kombinasi }

// Label returns the Batikmark "batik INDONESIA" label colour for t
// (Permenperin 74/M-IND/PER/9/2007): emas for tulis, putih for cap, perak for
// kombinasi, and NoLabel for printing or an invalid technique.
func (t Technique) Label() Label {
	switch t {
	case Tulis:
		return Emas
	case Cap:
		return Putih
	case Kombinasi:
		return Perak
	}
	return NoLabel
}

// String returns the canonical text of t.
func (t Technique) String() string { return string(t) }

// MarshalText returns the canonical text; an unknown non-empty value is an
// *EnumError rather than text no reader would accept.
func (t Technique) MarshalText() ([]byte, error) {
	return marshalEnum(techniqueSpec, string(t), t == "" || t.Valid())
}

// UnmarshalText accepts the canonical value and common spellings in any case
// ("Batik Tulis", "TULIS", "hand-drawn", "sablon" for printing). Empty text
// gives the zero Technique; anything else unknown is an *EnumError.
func (t *Technique) UnmarshalText(text []byte) error {
	v, err := techniqueSpec.parse(string(text))
	if err == nil {
		*t = Technique(v)
	}
	return err
}

// ParseTechnique is UnmarshalText as a function; empty text is an error.
func ParseTechnique(s string) (Technique, error) {
	v, err := parseRequired(techniqueSpec, s)
	return Technique(v), err
}

// Grade is the quality grade of the work, in the terms of SNI 08-0513-1989:
// halus (fine) is best, then sedang (medium), then kasar (coarse). The zero
// Grade is not valid.
type Grade string

const (
	Halus  Grade = "halus"  // fine
	Sedang Grade = "sedang" // medium
	Kasar  Grade = "kasar"  // coarse
)

var gradeSpec = newEnumSpec("grade", map[string][]string{
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

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
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

func marshalEnum(spec *enumSpec, v string, ok bool) ([]byte, error) {
	if !ok {
		return nil, &EnumError{Type: spec.kind, Value: v}
	}
	return []byte(v), nil
}

func parseRequired(spec *enumSpec, s string) (string, error) {
	v, err := spec.parse(s)
	if err == nil && v == "" {
		err = &EnumError{Type: spec.kind, Value: s}
	}
	return v, err
}
