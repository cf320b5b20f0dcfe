package batik

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

var styleSpec = newEnumSpec(codeStyle, map[string][]string{
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

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
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
