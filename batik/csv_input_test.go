package batik

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func utf16LE(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func utf16BE(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// Excel's "Unicode Text" is UTF-16 with tabs: recognised and refused with
// what to do, not read as five missing columns.
func TestReadCSVUTF16(t *testing.T) {
	text := "Kode\tNama\tWilayah\tMutu\tTeknik\tKapasitas per minggu\tHarga satuan\r\nSLO-01\tBatik Sekar Jagad\t33.72\thalus\ttulis\t6\t450000\r\n"
	for name, in := range map[string][]byte{"LE": utf16LE(text, true), "BE": utf16BE(text), "LE without BOM": utf16LE(text, false)} {
		t.Run(name, func(t *testing.T) {
			ps, err := ReadProducersCSV(bytes.NewReader(in))
			assert.Equal(t, []string{"1:0::utf16"}, rowTags(t, err))
			assert.Empty(t, ps)
			assert.Contains(t, err.Error(), "UTF-16")
			_, err = ReadOrdersCSV(bytes.NewReader(in))
			assert.Equal(t, []string{"1:0::utf16"}, rowTags(t, err))
			// Read as Windows-1252 too, and a header alone without a line end.
			_, _, err = ReadProducersCSVWith(bytes.NewReader(in), ReadOptions{Windows1252: true})
			assert.Equal(t, []string{"1:0::utf16"}, rowTags(t, err))
			head := in[:bytes.IndexByte(in, '\r')]
			_, _, err = ReadProducersCSVWith(bytes.NewReader(head), ReadOptions{Windows1252: true})
			assert.Equal(t, []string{"1:0::utf16"}, rowTags(t, err))
		})
	}
}

// A UTF-8 file read as Windows-1252 would turn "Süryä" into "SÃ¼ryÃ¤":
// refused with what to do.
func TestReadCSVWindows1252OnUTF8(t *testing.T) {
	in := header + "SLO-01,Batik Süryä Çap – ok,,33.72,halus,tulis,6,450000\n"
	ps, _, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Windows1252: true})
	assert.Equal(t, []string{"1:0::utf8_not_1252"}, rowTags(t, err))
	assert.Empty(t, ps)
	_, _, err = ReadOrdersCSVWith(strings.NewReader("id,technique,min_grade,quantity\nÜ-1,cap,halus,1\n"), ReadOptions{Windows1252: true})
	assert.Equal(t, []string{"1:0::utf8_not_1252"}, rowTags(t, err))
	// ASCII is both: read.
	ps, _, err = ReadProducersCSVWith(strings.NewReader(header+"SLO-01,Batik,,33.72,halus,tulis,6,450000\n"), ReadOptions{Windows1252: true})
	require.NoError(t, err)
	assert.Len(t, ps, 1)
}

// The five bytes Windows-1252 leaves undefined are errors at their cell,
// not U+FFFD.
func TestReadCSVWindows1252Undefined(t *testing.T) {
	for _, b := range []string{"\x81", "\x8d", "\x8f", "\x90", "\x9d"} {
		in := header + "SLO-01,Batik " + b + " Solo,,33.72,halus,tulis,6,450000\nSLO-02,Batik \x96 Solo,,33.72,halus,tulis,6,450000\n"
		ps, _, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Windows1252: true})
		assert.Equal(t, []string{"2:2::cp1252"}, rowTags(t, err), "%q", b)
		require.Len(t, ps, 1)
		assert.Equal(t, "Batik \u2013 Solo", ps[0].Name)
	}
}

// The separator is sniffed from the header line alone: rows with many
// more commas than the header has semicolons do not change it.
func TestSniffCommaHeaderOnly(t *testing.T) {
	in := "Kode;Nama;Wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan\n" +
		"SLO-01;Batik A, B, C, D, E, F, G, H, I;33.72;halus;tulis;6;450000\n"
	ps, rep, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, ';', rep.Comma)
	assert.Equal(t, "Batik A, B, C, D, E, F, G, H, I", ps[0].Name)
}

func TestReadProducersCSVSeparators(t *testing.T) {
	rows := [][]string{
		{"id", "name", "nib", "region", "grade", "technique", "per_week", "unit_cost"},
		{"SLO-01", "Batik Sekar Jagad", "1234567890123", "33.72", "halus", "tulis", "6", "450000"},
		{"SLO-01", "", "", "", "sedang", "cap", "80", "Rp95.000"},
	}
	join := func(sep string, extra ...string) string {
		var b strings.Builder
		for i, r := range rows {
			b.WriteString(strings.Join(r, sep))
			if i < len(extra) {
				b.WriteString(sep + extra[i])
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	tests := []struct {
		name string
		give string
		opts ReadOptions
		want rune
	}{
		{"comma", join(","), ReadOptions{}, ','},
		{"semicolon", join(";"), ReadOptions{}, ';'},
		{"tab", join("\t"), ReadOptions{}, '\t'},
		{"semicolon given", join(";"), ReadOptions{Comma: ';'}, ';'},
		// The trap: a quoted header cell full of the other separator. Only
		// separators outside quotes count.
		{"commas inside quotes", join(";", `"Catatan, a, b, c, d, e, f, g, h, i"`, "x", "y"), ReadOptions{Ignore: []string{"catatan, a, b, c, d, e, f, g, h, i"}}, ';'},
		{"semicolons inside quotes", join(",", `"Catatan; a; b; c; d; e; f; g; h; i"`, "x", "y"), ReadOptions{Ignore: []string{"Catatan; a; b; c; d; e; f; g; h; i"}}, ','},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, rep, err := ReadProducersCSVWith(strings.NewReader(tt.give), tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.want, rep.Comma)
			require.Len(t, ps, 1)
			assert.Equal(t, validProducer(), ps[0])
		})
	}

	// As many ';' as ',' outside quotes: the file cannot tell.
	_, err := ReadProducersCSV(strings.NewReader("id;name,nib\n"))
	assert.Equal(t, []string{"1:0::separator"}, rowTags(t, err))
	// A separator option must be one of the three.
	_, _, err = ReadProducersCSVWith(strings.NewReader(join(",")), ReadOptions{Comma: '|'})
	assert.Equal(t, []string{"1:0:ReadOptions.Comma:separator_option"}, rowTags(t, err))
	// A wrong separator given is reported as unknown columns that say which
	// separator was used.
	_, _, err = ReadProducersCSVWith(strings.NewReader(join(";")), ReadOptions{Comma: ','})
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Contains(t, strings.Join(de.Messages(English), "\n"), "separator ','")
}

func TestReadProducersCSVEncoding(t *testing.T) {
	// Excel's legacy "CSV (Comma delimited)" writes Windows-1252: 0x96 is an en dash.
	in := header + "SLO-03,Canting Mas \x96 Pasar Kliwon,,33.72,halus,tulis,4,520000\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:2::utf8"}, rowTags(t, err))
	assert.Empty(t, ps)
	assert.Contains(t, err.Error(), `save the file as "CSV UTF-8"`)
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Contains(t, de.Rows[0].Message(Indonesian), `simpan berkas sebagai "CSV UTF-8"`)

	ps, _, err = ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Windows1252: true})
	require.NoError(t, err)
	assert.Equal(t, "Canting Mas \u2013 Pasar Kliwon", ps[0].Name)
}
