package batik

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTechniqueSpellings(t *testing.T) {
	tests := []struct {
		give string
		want Technique
	}{
		{"tulis", Tulis}, {"TULIS", Tulis}, {"Batik Tulis", Tulis}, {"  batik_tulis ", Tulis}, {"hand-drawn", Tulis},
		{"Cap", Cap}, {"BATIK CAP", Cap}, {"stamped", Cap},
		{"kombinasi", Kombinasi}, {"Tulis-Cap", Kombinasi},
		{"printing", Printing}, {"Sablon", Printing}, {"Batik Printing", Printing},
		{"", ""},
	}
	for _, tt := range tests {
		var got Technique
		require.NoError(t, got.UnmarshalText([]byte(tt.give)), tt.give)
		assert.Equal(t, tt.want, got, tt.give)
	}
	for _, bad := range []string{"batik", "ikat", "tulisan", "cap cap", "\xff"} {
		var got Technique
		err := got.UnmarshalText([]byte(bad))
		require.ErrorIs(t, err, ErrUnknown, bad)
		var ee *EnumError
		require.ErrorAs(t, err, &ee)
		assert.Equal(t, bad, ee.Value)
		assert.Equal(t, "technique", ee.Type)
	}
	_, err := ParseTechnique("")
	require.ErrorIs(t, err, ErrUnknown)
}

func TestEnumsRoundTrip(t *testing.T) {
	type textEnum interface {
		MarshalText() ([]byte, error)
		Valid() bool
		String() string
	}
	var all []textEnum
	for _, v := range Techniques() {
		all = append(all, v)
	}
	for _, v := range Grades() {
		all = append(all, v)
	}
	for _, v := range []Fabric{Primisima, Prima, MoriBiru, Blacu, Polisima, Dobby, Santung, Paris, Sutra, Rayon, SeratNanas, TenunGedog} {
		all = append(all, v)
	}
	for _, v := range []Dye{Alam, Sintetis, Campuran} {
		all = append(all, v)
	}
	for _, v := range []Form{KainPanjang, Sarung, Selendang, Kemeja, Dress, Blus, Outer, FormLainnya} {
		all = append(all, v)
	}
	for _, v := range []Style{Surakarta, Yogyakarta, Pekalongan, Lasem, Cirebon, Indramayu, Madura, Betawi, Tuban, StyleLainnya} {
		all = append(all, v)
	}
	for _, v := range []Label{Emas, Putih, Perak} {
		all = append(all, v)
	}
	for _, v := range all {
		assert.True(t, v.Valid(), v.String())
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
	}
	_, err := Technique("batik").MarshalText()
	require.ErrorIs(t, err, ErrUnknown)
	_, err = Fabric("mori_biru ").MarshalText()
	require.ErrorIs(t, err, ErrUnknown)
	var f Fabric
	require.NoError(t, f.UnmarshalText([]byte("Mori Biru")))
	assert.Equal(t, MoriBiru, f)
	var s Style
	require.NoError(t, s.UnmarshalText([]byte("SOLO")))
	assert.Equal(t, Surakarta, s)
}

func TestGrade(t *testing.T) {
	assert.True(t, Halus.AtLeast(Sedang))
	assert.True(t, Sedang.AtLeast(Sedang))
	assert.False(t, Kasar.AtLeast(Sedang))
	assert.False(t, Halus.AtLeast("bogus"))
	assert.False(t, Grade("bogus").AtLeast(Kasar))
	g, err := ParseGrade("Fine")
	require.NoError(t, err)
	assert.Equal(t, Halus, g)
}

func TestTechniqueLabel(t *testing.T) {
	assert.Equal(t, Emas, Tulis.Label())
	assert.Equal(t, Putih, Cap.Label())
	assert.Equal(t, Perak, Kombinasi.Label())
	assert.Equal(t, NoLabel, Printing.Label())
	for _, tech := range []Technique{Tulis, Cap, Kombinasi} {
		assert.Equal(t, tech, tech.Label().Technique())
		assert.True(t, tech.IsBatik())
	}
	assert.False(t, Printing.IsBatik())
}

func TestEnumInJSON(t *testing.T) {
	var c Capability
	require.NoError(t, json.Unmarshal([]byte(`{"technique":"Batik Cap","grade":"B","per_week":80,"unit_cost":"95000"}`), &c))
	assert.Equal(t, Cap, c.Technique)
	err := json.Unmarshal([]byte(`{"technique":"ikat","grade":"halus","per_week":80,"unit_cost":1}`), &c)
	require.ErrorIs(t, err, ErrUnknown)
}

func TestParseLang(t *testing.T) {
	l, err := ParseLang("ID")
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	l, err = ParseLang("en")
	require.NoError(t, err)
	assert.Equal(t, English, l)
	// Javanese is matched to Indonesian, which its speakers read.
	l, err = ParseLang("jv")
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	_, err = ParseLang("de")
	require.ErrorIs(t, err, ErrUnknown)
}
