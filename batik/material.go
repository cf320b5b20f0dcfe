package batik

// Fabric is the cloth the batik is made on. The zero Fabric means "not
// stated". Values follow the trade's usage; mori grades run primisima > prima >
// mori biru > blacu.
type Fabric string

const (
	Primisima  Fabric = "primisima"   // mori primisima, the finest cotton
	Prima      Fabric = "prima"       // mori prima
	MoriBiru   Fabric = "mori_biru"   // mori biru
	Blacu      Fabric = "blacu"       // unbleached grey cotton
	Polisima   Fabric = "polisima"    // polyester-cotton
	Dobby      Fabric = "dobby"       // dobby weave
	Santung    Fabric = "santung"     // santung
	Paris      Fabric = "paris"       // paris
	Sutra      Fabric = "sutra"       // silk
	Rayon      Fabric = "rayon"       // rayon
	SeratNanas Fabric = "serat_nanas" // pineapple fibre
	TenunGedog Fabric = "tenun_gedog" // hand-woven gedog (Tuban)
)

var fabricSpec = newEnumSpec("fabric", map[string][]string{
	string(Primisima):  {"mori primisima", "primissima"},
	string(Prima):      {"mori prima"},
	string(MoriBiru):   {"biru"},
	string(Blacu):      {"mori blacu", "grey", "gray", "grey cotton"},
	string(Polisima):   {"polysima"},
	string(Dobby):      {"dobi"},
	string(Santung):    {"katun santung"},
	string(Paris):      {"kain paris"},
	string(Sutra):      {"silk", "sutera"},
	string(Rayon):      {"viscose"},
	string(SeratNanas): {"nanas", "pineapple", "pineapple fibre", "pineapple fiber"},
	string(TenunGedog): {"gedog"},
})

// Valid reports whether f is a known fabric.
func (f Fabric) Valid() bool { return fabricSpec.canonical(string(f)) }

// String returns the canonical text of f.
func (f Fabric) String() string { return string(f) }

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
func (f Fabric) MarshalText() ([]byte, error) {
	return marshalEnum(fabricSpec, string(f), f == "" || f.Valid())
}

// UnmarshalText accepts canonical values and common spellings ("Mori
// Primisima", "silk"). Empty text gives the zero Fabric.
func (f *Fabric) UnmarshalText(text []byte) error {
	v, err := fabricSpec.parse(string(text))
	if err == nil {
		*f = Fabric(v)
	}
	return err
}

// Dye is the class of dyes used. The zero Dye means "not stated".
type Dye string

const (
	Alam     Dye = "alam"     // natural: indigofera, soga, tingi, mengkudu, jalawe, kunyit
	Sintetis Dye = "sintetis" // synthetic: naphtol, indigosol, remazol
	Campuran Dye = "campuran" // both natural and synthetic
)

var dyeSpec = newEnumSpec("dye", map[string][]string{
	string(Alam):     {"natural", "pewarna alam", "warna alam", "natural dye"},
	string(Sintetis): {"synthetic", "pewarna sintetis", "warna sintetis", "synthetic dye"},
	string(Campuran): {"mixed", "both", "alam dan sintetis", "natural and synthetic"},
})

// Valid reports whether d is alam, sintetis or campuran.
func (d Dye) Valid() bool { return d == Alam || d == Sintetis || d == Campuran }

// String returns the canonical text of d.
func (d Dye) String() string { return string(d) }

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
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

var formSpec = newEnumSpec("form", map[string][]string{
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

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
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

// Style is the regional style (gaya) of a batik. Motif is free text on a
// Product; Style says which tradition it belongs to. The zero Style means
// "not stated".
type Style string

const (
	Surakarta    Style = "surakarta"  // Solo
	Yogyakarta   Style = "yogyakarta" // Jogja
	Pekalongan   Style = "pekalongan" // Kota and Kab. Pekalongan
	Lasem        Style = "lasem"      // Kab. Rembang
	Cirebon      Style = "cirebon"    // Trusmi
	Indramayu    Style = "indramayu"  // Dermayu
	Madura       Style = "madura"     // Tanjung Bumi, Bangkalan
	Betawi       Style = "betawi"     // Jakarta
	Tuban        Style = "tuban"      // gedog
	StyleLainnya Style = "lainnya"    // any other region
)

var styleSpec = newEnumSpec("style", map[string][]string{
	string(Surakarta):    {"solo", "batik solo", "gaya solo"},
	string(Yogyakarta):   {"jogja", "yogya", "jogjakarta", "djogja"},
	string(Pekalongan):   {"batik pekalongan"},
	string(Lasem):        {"rembang"},
	string(Cirebon):      {"trusmi"},
	string(Indramayu):    {"dermayu"},
	string(Madura):       {"tanjung bumi", "bangkalan"},
	string(Betawi):       {"jakarta"},
	string(Tuban):        {"gedog tuban"},
	string(StyleLainnya): {"other", "lain"},
})

// Valid reports whether s is a known style.
func (s Style) Valid() bool { return styleSpec.canonical(string(s)) }

// String returns the canonical text of s.
func (s Style) String() string { return string(s) }

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
func (s Style) MarshalText() ([]byte, error) {
	return marshalEnum(styleSpec, string(s), s == "" || s.Valid())
}

// UnmarshalText accepts canonical values and common names ("Solo", "Jogja").
// Empty text gives the zero Style.
func (s *Style) UnmarshalText(text []byte) error {
	v, err := styleSpec.parse(string(text))
	if err == nil {
		*s = Style(v)
	}
	return err
}

// Label is the colour of a Batikmark "batik INDONESIA" certificate
// (Permenperin 74/M-IND/PER/9/2007). The zero Label, NoLabel, means no claim.
type Label string

const (
	NoLabel Label = ""      // no Batikmark claimed
	Emas    Label = "emas"  // gold: batik tulis
	Putih   Label = "putih" // white: batik cap
	Perak   Label = "perak" // silver: batik kombinasi
)

var labelSpec = newEnumSpec("batikmark label", map[string][]string{
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

// MarshalText returns the canonical text; an unknown non-empty value is an *EnumError.
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
