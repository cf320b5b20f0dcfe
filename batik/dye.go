package batik

// Dye is the class of dyes used. The zero Dye means "not stated".
type Dye string

const (
	Alam     Dye = "alam"     // natural: indigofera, soga, tingi, mengkudu, jalawe, kunyit
	Sintetis Dye = "sintetis" // synthetic: naphtol, indigosol, remazol
	Campuran Dye = "campuran" // both natural and synthetic
)

var dyeSpec = newEnumSpec(codeDye, map[string][]string{
	string(Alam):     {"natural", "pewarna alam", "warna alam", "natural dye"},
	string(Sintetis): {"synthetic", "pewarna sintetis", "warna sintetis", "synthetic dye"},
	string(Campuran): {"mixed", "both", "alam dan sintetis", "natural and synthetic"},
})

// Valid reports whether d is alam, sintetis or campuran.
func (d Dye) Valid() bool { return d == Alam || d == Sintetis || d == Campuran }

// String returns the canonical text of d.
func (d Dye) String() string { return string(d) }

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
func (d Dye) MarshalText() ([]byte, error) {
	return marshalEnum(dyeSpec, string(d), d == "" || d.Valid())
}

// UnmarshalText accepts "alam"/"natural", "sintetis"/"synthetic",
// "campuran"/"mixed" in any case. Empty text gives the zero Dye.
func (d *Dye) UnmarshalText(text []byte) error {
	v, err := dyeSpec.parse(string(text))
	if err == nil {
		*d = Dye(v)
	}
	return err
}
