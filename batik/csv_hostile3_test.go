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
		})
	}
}

// Old Mac files end lines with a bare CR: read like LF.
func TestReadCSVBareCR(t *testing.T) {
	in := "Kode;Nama;NIB;Kode wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan\r" +
		"SLO-01;Batik Sekar Jagad;1234567890123;33.72;halus;tulis;6;Rp 450.000\r" +
		"SLO-01;;;;sedang;cap;80;95.000\r"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []Producer{validProducer()}, ps)
	// Mixed ends, blank lines of each kind, a CR inside quotes kept.
	in = "id,name,nib,region,grade,technique,per_week,unit_cost\r\r\n\n\r" +
		"SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\n\r" +
		"SLO-01,,,,sedang,cap,80,95000\r\nX,\"a\rb\",,33.72,halus,tulis,6,1\r"
	ps, err = ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"8:2:name:visible"}, rowTags(t, err))
	assert.Equal(t, []Producer{validProducer()}, ps)
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

// Columns are capped: a header of a million empty cells is refused at
// once, not listed in ReadReport.Ignored.
func TestReadCSVColumnCap(t *testing.T) {
	in := strings.TrimSuffix(header, "\n") + strings.Repeat(";", 1<<20) + "\n"
	ps, rep, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Comma: ','})
	_ = ps
	assert.Less(t, len(rep.Ignored), 256+1)
	var de *DataError
	require.True(t, errors.As(err, &de))
	in = strings.TrimSuffix(header, "\n") + strings.Repeat(",", 1<<20) + "\n"
	ps, rep, err = ReadProducersCSVWith(strings.NewReader(in), ReadOptions{})
	assert.Equal(t, []string{"1:0::columns"}, rowTags(t, err))
	assert.Empty(t, ps)
	assert.Empty(t, rep.Ignored)
	assert.Contains(t, err.Error(), "1048584")
	// 256 is allowed.
	in = strings.TrimSuffix(header, "\n") + strings.Repeat(",", 256-8) + "\n"
	_, rep, err = ReadProducersCSVWith(strings.NewReader(in), ReadOptions{})
	require.NoError(t, err)
	assert.Len(t, rep.Ignored, 256-8)
}

// A row of a million cells is one problem that counts them.
func TestReadCSVHugeRow(t *testing.T) {
	in := header + strings.Repeat(",", 1<<20) + "\nSLO-01,Batik,,33.72,halus,tulis,6,450000\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:0::fields"}, rowTags(t, err))
	assert.Contains(t, err.Error(), "1048577")
	assert.Len(t, ps, 1)
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

// Only an apostrophe before a formula character is the writer's: one
// before anything else is the text's own.
func TestCSVApostropheKept(t *testing.T) {
	in := header + "SLO-01,'Ndalem Batik,,33.72,halus,tulis,6,450000\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, "'Ndalem Batik", ps[0].Name)
}

// A due date of one character is an error, not an absent date.
func TestReadOrdersCSVOneCharacterDue(t *testing.T) {
	in := "id,technique,min_grade,quantity,due\nO-1,cap,halus,1,5\nO-2,cap,halus,1,-\n"
	os, err := ReadOrdersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:5:due:date", "3:5:due:date"}, rowTags(t, err))
	assert.Empty(t, os)
}

// Every valid producer written is read back as itself, apostrophes and
// formula characters included.
func TestWriteReadCSVApostrophes(t *testing.T) {
	for _, name := range []string{"'=1+1", "'-5", "''=x", "'", "''", "'''", "'Ndalem", "'@home", "Batik 'x'", "=x'"} {
		p := validProducer()
		p.Name = name
		if name == "=x'" {
			require.Error(t, p.Validate())
			continue
		}
		require.NoError(t, p.Validate(), "%q", name)
		var buf bytes.Buffer
		require.NoError(t, WriteProducersCSV(&buf, []Producer{p}))
		got, err := ReadProducersCSV(&buf)
		require.NoError(t, err, "%q", name)
		assert.Equal(t, []Producer{p}, got, "%q", name)
	}
}

// A name with a space at either end would not survive the reader's
// trimming: Validate refuses it, as the doc says.
func TestNamesTrimmed(t *testing.T) {
	for _, name := range []string{" =1+1", " Batik", "Batik ", "\u00a0Batik", "Batik\u3000"} {
		p := validProducer()
		p.Name = name
		assert.Equal(t, []string{"name:trimmed"}, fieldTags(t, p.Validate()), "%q", name)
		assert.False(t, p.valid())
		pr := validProduct()
		pr.Name = name
		assert.Equal(t, []string{"name:trimmed"}, fieldTags(t, pr.Validate()), "%q", name)
	}
}
