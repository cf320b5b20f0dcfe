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

var techniqueSpec = newEnumSpec(codeTechnique, map[string][]string{
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
// *FieldError wrapping ErrUnknown rather than text no reader would accept.
func (t Technique) MarshalText() ([]byte, error) {
	return marshalEnum(techniqueSpec, string(t), t == "" || t.Valid())
}

// UnmarshalText accepts the canonical value and common spellings in any case
// ("Batik Tulis", "TULIS", "hand-drawn", "sablon" for printing). Empty text
// gives the zero Technique; anything else unknown is a *FieldError wrapping
// ErrUnknown.
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
