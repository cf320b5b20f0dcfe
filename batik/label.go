package batik

// Label is the colour of a Batikmark "batik INDONESIA" certificate
// (Permenperin 74/M-IND/PER/9/2007). The zero Label, NoLabel, means no claim.
type Label string

const (
	NoLabel Label = ""      // no Batikmark claimed
	Emas    Label = "emas"  // gold: batik tulis
	Putih   Label = "putih" // white: batik cap
	Perak   Label = "perak" // silver: batik kombinasi
)

var labelSpec = newEnumSpec(codeBatikmark, map[string][]string{
	string(Emas):  {"gold", "batikmark emas"},
	string(Putih): {"white", "batikmark putih"},
	string(Perak): {"silver", "batikmark perak"},
})

// Valid reports whether l is emas, putih or perak. NoLabel is not a label.
func (l Label) Valid() bool { return l == Emas || l == Putih || l == Perak }

// Technique returns the technique a label certifies; "" for NoLabel or an invalid label.
func (l Label) Technique() Technique {
	switch l {
	case Emas:
		return Tulis
	case Putih:
		return Cap
	case Perak:
		return Kombinasi
	}
	return ""
}

// String returns the canonical text of l.
func (l Label) String() string { return string(l) }

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
func (l Label) MarshalText() ([]byte, error) {
	return marshalEnum(labelSpec, string(l), l == "" || l.Valid())
}

// UnmarshalText accepts "emas"/"gold", "putih"/"white", "perak"/"silver".
// Empty text gives NoLabel.
func (l *Label) UnmarshalText(text []byte) error {
	v, err := labelSpec.parse(string(text))
	if err == nil {
		*l = Label(v)
	}
	return err
}
