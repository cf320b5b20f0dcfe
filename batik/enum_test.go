package batik

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

func TestEnumInJSON(t *testing.T) {
	var c Capability
	require.NoError(t, json.Unmarshal([]byte(`{"technique":"Batik Cap","grade":"B","per_week":80,"unit_cost":"95000"}`), &c))
	assert.Equal(t, Cap, c.Technique)
	err := json.Unmarshal([]byte(`{"technique":"ikat","grade":"halus","per_week":80,"unit_cost":1}`), &c)
	require.ErrorIs(t, err, ErrUnknown)
}

// "-" and "_" are not "not stated": only empty text is.
func TestEnumDashIsNotEmpty(t *testing.T) {
	for _, s := range []string{"-", "_", " ", "--", "_-_"} {
		var st Style
		require.ErrorIs(t, st.UnmarshalText([]byte(s)), ErrUnknown, "%q", s)
		var l Label
		require.ErrorIs(t, l.UnmarshalText([]byte(s)), ErrUnknown, "%q", s)
	}
	var st Style
	require.NoError(t, st.UnmarshalText(nil))
	p := validProduct()
	err := json.Unmarshal([]byte(`{"sku":"A","name":"B","technique":"cap","grade":"halus","weight_grams":1,"price":"100","min_order":1,"style":"-"}`), &p)
	require.ErrorIs(t, err, ErrUnknown)
}

// TestNormaliseCanonicalDoesNotAllocate pins normalise's promise that
// text already canonical (lower-case letters and digits, words one space
// apart) comes back as is without allocating, for the letters and digits
// at both ends of their ranges; text that needs work is still normalised.
func TestNormaliseCanonicalDoesNotAllocate(t *testing.T) {
	for _, s := range []string{"a", "z", "0", "9", "batik tulis", "zaitun a09 z9"} {
		assert.Equal(t, s, normalise(s))
		if raceEnabled {
			continue
		}
		if n := testing.AllocsPerRun(100, func() { _ = normalise(s) }); n != 0 {
			t.Errorf("normalise(%q): %v allocations, want 0", s, n)
		}
	}
	assert.Equal(t, "batik tulis", normalise("  Batik__TULIS "))
	assert.Equal(t, "a z 0 9", normalise("A-Z_0  9"))
}

// TestOptionalEnumsMarshalText pins MarshalText of the optional enums: the
// zero value (not stated) is "" without error, a known value its text, an
// unknown value an *FieldError.
func TestOptionalEnumsMarshalText(t *testing.T) {
	for _, m := range []struct {
		zero, known, unknown interface{ MarshalText() ([]byte, error) }
		want                 string
	}{
		{Dye(""), Alam, Dye("cat air"), "alam"},
		{Fabric(""), Primisima, Fabric("wol"), "primisima"},
		{Form(""), Kemeja, Form("topi"), "kemeja"},
		{Style(""), Surakarta, Style("x"), "surakarta"},
		{Label(""), Putih, Label("hijau"), "putih"},
	} {
		b, err := m.zero.MarshalText()
		require.NoError(t, err)
		assert.Empty(t, b)
		b, err = m.known.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, m.want, string(b))
		_, err = m.unknown.MarshalText()
		var ee *FieldError
		require.True(t, errors.As(err, &ee), "%v", m.unknown)
	}
}
