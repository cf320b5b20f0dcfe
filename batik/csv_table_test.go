package batik

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

// Only an apostrophe before a formula character is the writer's: one
// before anything else is the text's own.
func TestCSVApostropheKept(t *testing.T) {
	in := header + "SLO-01,'Ndalem Batik,,33.72,halus,tulis,6,450000\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	require.NoError(t, err)
	assert.Equal(t, "'Ndalem Batik", ps[0].Name)
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
		`baris 2, kolom 6: kapasitas per minggu = "1.000": harus bilangan bulat tanpa pemisah ribuan`,
		`baris 2, kolom 7: Harga Satuan = "84.5": '.' memisahkan ribuan dan harus diikuti tepat 3 angka; pemisah desimal adalah ','`,
	}, msgs)
}

func TestReadProducersCSVFormats(t *testing.T) {
	rows := "SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\n" +
		"SLO-01,,,,sedang,cap,80,95000\n"
	variants := map[string]string{
		"bom":            bom + header + rows,
		"crlf":           strings.ReplaceAll(header+rows, "\n", "\r\n"),
		"blank lines":    "\n" + header + "\n\n" + strings.Replace(rows, "\n", "\n,,,,,,,\n\n", 1) + "\n",
		"column order":   "unit_cost,per_week,technique,grade,region,nib,name,id\n450000,6,tulis,halus,33.72,1234567890123,Batik Sekar Jagad,SLO-01\n95000,80,cap,sedang,,,,SLO-01\n",
		"header spaces":  "ID, Name ,NIB,Region,Grade,Technique,Per Week,Unit-Cost\n" + rows,
		"quoted cells":   header + `"SLO-01","Batik Sekar Jagad","1234567890123","33.72","halus","tulis","6","450000"` + "\n" + `SLO-01,"",,,sedang,"cap", 80 ,95000` + "\n",
		"no nib column":  "id,name,region,grade,technique,per_week,unit_cost\nSLO-01,Batik Sekar Jagad,33.72,halus,tulis,6,450000\nSLO-01,,,sedang,cap,80,95000\n",
		"no final break": header + strings.TrimSuffix(rows, "\n"),
	}
	for name, in := range variants {
		t.Run(name, func(t *testing.T) {
			ps, err := ReadProducersCSV(strings.NewReader(in))
			require.NoError(t, err)
			require.Len(t, ps, 1)
			want := validProducer()
			if name == "no nib column" {
				want.NIB = ""
			}
			assert.Equal(t, want, ps[0])
		})
	}
}

// TestReadProducersCSVKnownColumnNotIgnored pins that Ignore only skips
// unknown columns: naming a known column there ("id", the first known
// column, or "name") does not drop it, and the report lists only the
// unknown column skipped.
func TestReadProducersCSVKnownColumnNotIgnored(t *testing.T) {
	in := "id,name,nib,region,grade,technique,per_week,unit_cost,catatan\n" +
		"SLO-01,Batik Sekar Jagad,,33.72,halus,tulis,6,450000,lunas\n"
	ps, rep, err := ReadProducersCSVWith(strings.NewReader(in), ReadOptions{Ignore: []string{"ID", "name", "Catatan"}})
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "SLO-01", ps[0].ID)
	assert.Equal(t, "Batik Sekar Jagad", ps[0].Name)
	assert.Equal(t, []string{"catatan"}, rep.Ignored)
}

// TestUnknownColumnListsKnownOnes pins the list an unknown column's
// problem gives: each known column as "key / first alias", comma
// separated, then the separator in use.
func TestUnknownColumnListsKnownOnes(t *testing.T) {
	in := "id,name,nib,region,grade,technique,per_week,unit_cost,warna\nA,B,,33.72,halus,tulis,1,100,merah\n"
	_, err := ReadProducersCSV(strings.NewReader(in))
	var de *DataError
	require.True(t, errors.As(err, &de))
	require.Len(t, de.Rows, 1)
	assert.Equal(t, "column", de.Rows[0].Code)
	assert.Equal(t, "warna", de.Rows[0].Header)
	assert.Equal(t, []string{"id / kode, name / nama, nib / nomor induk berusaha, region / wilayah, grade / mutu, " +
		"technique / teknik, per_week / kapasitas per minggu, unit_cost / harga satuan", "','"}, de.Rows[0].Args)
}

// TestCSVCellEdgesTrimmed pins the trimming of CSV cells: white space at
// either edge goes, ASCII or not (a leading or trailing no-break space,
// U+00A0, and a trailing en quad, U+2000, whose last byte is 0x80), so
// each ID below reads without it.
func TestCSVCellEdgesTrimmed(t *testing.T) {
	ids := []string{" O-1", "O-2 ", "\u00a0O-3", "O-4\u00a0", "O-5\u2000", "\u3000O-6", "\tO-7"}
	var b strings.Builder
	b.WriteString("id,technique,min_grade,quantity\n")
	for _, id := range ids {
		b.WriteString(id + ",cap,sedang,5\n")
	}
	os, err := ReadOrdersCSV(strings.NewReader(b.String()))
	require.NoError(t, err)
	require.Len(t, os, len(ids))
	for i, o := range os {
		assert.Equal(t, "O-"+strconv.Itoa(i+1), o.ID, "%q", ids[i])
	}
}

// TestCSVApostropheBeforeFormulaLead pins the removal of the apostrophe
// the writer puts before a formula-like cell, down to the shortest such
// cell: "'=" reads as "=", which validation then refuses as a name.
func TestCSVApostropheBeforeFormulaLead(t *testing.T) {
	in := header + "A,'=,,33.72,halus,tulis,1,100\n"
	_, err := ReadProducersCSV(strings.NewReader(in))
	var de *DataError
	require.True(t, errors.As(err, &de))
	require.Len(t, de.Rows, 1)
	assert.Equal(t, "name", de.Rows[0].Field)
	assert.Equal(t, `"="`, de.Rows[0].Value)
}
