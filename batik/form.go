package batik

// Form is what the cloth is made into. There is no national size chart, so
// a Product stores its measures in centimetres beside its Form. The zero Form
// means "not stated".
type Form string

const (
	KainPanjang Form = "kain_panjang" // kain panjang / jarik, about 240-260 x 100-110 cm
	Sarung      Form = "sarung"       // about 180 x 110 cm
	Selendang   Form = "selendang"    // about 230 x 50 cm
	Kemeja      Form = "kemeja"       // shirt
	Dress       Form = "dress"        // dress
	Blus        Form = "blus"         // blouse
	Outer       Form = "outer"        // outer / jacket
	FormLainnya Form = "lainnya"      // any other form
)

var formSpec = newEnumSpec(codeForm, map[string][]string{
	string(KainPanjang): {"jarik", "jarit", "kain", "kain batik", "long cloth"},
	string(Sarung):      {"sarong"},
	string(Selendang):   {"shawl", "scarf", "slendang"},
	string(Kemeja):      {"shirt", "hem"},
	string(Dress):       {"gaun"},
	string(Blus):        {"blouse", "blouses"},
	string(Outer):       {"jacket", "jaket"},
	string(FormLainnya): {"other", "lain"},
})

// Valid reports whether f is a known form.
func (f Form) Valid() bool { return formSpec.canonical(string(f)) }

// String returns the canonical text of f.
func (f Form) String() string { return string(f) }

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
func (f Form) MarshalText() ([]byte, error) {
	return marshalEnum(formSpec, string(f), f == "" || f.Valid())
}

// UnmarshalText accepts canonical values and common spellings ("Jarik",
// "shirt"). Empty text gives the zero Form.
func (f *Form) UnmarshalText(text []byte) error {
	v, err := formSpec.parse(string(text))
	if err == nil {
		*f = Form(v)
	}
	return err
}
