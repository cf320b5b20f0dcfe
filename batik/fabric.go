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

var fabricSpec = newEnumSpec(codeFabric, map[string][]string{
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

// MarshalText returns the canonical text; an unknown non-empty value is a *FieldError wrapping ErrUnknown.
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
