package batik

import (
	"bytes"
	"errors"
	"strconv"
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

// Readers stop listing problems at MaxProblems and keep memory within a
// fixed multiple of their input, however many rows are wrong.
func TestReadersBoundedByInput(t *testing.T) {
	const size = 1 << 19 // 512 KiB: enough rows to pass the limit many times over, fast under -race
	tests := []struct {
		name string
		give []byte
		read func([]byte) error
	}{
		{"csv of empty rows", bytes.Repeat([]byte("N,,,,,,,\n"), size/9),
			func(b []byte) error {
				_, err := ReadProducersCSV(bytes.NewReader(append([]byte(header), b...)))
				return err
			}},
		{"csv of bad rows, many producers", func() []byte {
			var b bytes.Buffer
			for i := 0; b.Len() < size; i++ {
				b.WriteString("P" + strconv.Itoa(i) + ",,,x,y,z,-,1e9\n")
			}
			return b.Bytes()
		}(), func(b []byte) error {
			_, err := ReadProducersCSV(bytes.NewReader(append([]byte(header), b...)))
			return err
		}},
		{"json array of numbers", append(append([]byte("["), bytes.Repeat([]byte("1,"), size/2)...), '1', ']'),
			func(b []byte) error { _, err := ReadProducersJSON(bytes.NewReader(b)); return err }},
		{"json array of empty objects", append(append([]byte("["), bytes.Repeat([]byte("{},"), size/3)...), '{', '}', ']'),
			func(b []byte) error { _, err := ReadProducersJSON(bytes.NewReader(b)); return err }},
		{"json orders of nulls", append(append([]byte("["), bytes.Repeat([]byte("null,"), size/5)...), 'n', 'u', 'l', 'l', ']'),
			func(b []byte) error { _, err := ReadOrdersJSON(bytes.NewReader(b)); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			_, live := heapUse(func() { err = tt.read(tt.give) })
			var de *DataError
			require.True(t, errors.As(err, &de))
			assert.Len(t, de.Rows, MaxProblems)
			assert.Greater(t, de.Omitted, 10*MaxProblems)
			msgs := de.Messages(Indonesian)
			assert.Contains(t, msgs[len(msgs)-1], strconv.Itoa(de.Omitted))
			assert.Less(t, len(err.Error()), 2000)
			assert.Less(t, live, 2*uint64(len(tt.give))+1<<20, "live memory within a fixed multiple of the input")
		})
	}
}

// TestReadCSVCountsInvalidPastTheList pins how the CSV readers count
// records that fail validation once MaxProblems are listed: each such
// record is one omitted problem (1,002 orders of quantity 0 give 1,000
// rows and 2 omitted; the same for producers of per_week -1), and the
// valid records are still returned.
func TestReadCSVCountsInvalidPastTheList(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,technique,min_grade,quantity\n")
	for i := range MaxProblems + 3 {
		q := "0"
		if i == 7 {
			q = "5"
		}
		b.WriteString("O-" + strconv.Itoa(i) + ",cap,sedang," + q + "\n")
	}
	os, err := ReadOrdersCSV(strings.NewReader(b.String()))
	require.Len(t, os, 1)
	assert.Equal(t, "O-7", os[0].ID)
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Len(t, de.Rows, MaxProblems)
	assert.Equal(t, 2, de.Omitted)

	b.Reset()
	b.WriteString(header)
	for i := range MaxProblems + 3 {
		pw := "-1"
		if i == 7 {
			pw = "3"
		}
		b.WriteString("P-" + strconv.Itoa(i) + ",Batik,,33.72,sedang,cap," + pw + ",100\n")
	}
	ps, err := ReadProducersCSV(strings.NewReader(b.String()))
	require.Len(t, ps, 1)
	assert.Equal(t, "P-7", ps[0].ID)
	require.True(t, errors.As(err, &de))
	assert.Len(t, de.Rows, MaxProblems)
	assert.Equal(t, 2, de.Omitted)
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

// TestOmittedRecordCountsOnce pins Omitted's rule "once the list is full,
// an invalid record counts as one": after 1,000 listed problems, an order
// (CSV) or a producer (JSON) with two invalid fields adds 1, not 2.
func TestOmittedRecordCountsOnce(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,technique,min_grade,quantity\n")
	for i := range MaxProblems {
		b.WriteString("O-" + strconv.Itoa(i) + ",cap,sedang,0\n") // one problem each
	}
	b.WriteString("bad id!,cap,sedang,0\n") // two: id and quantity
	_, err := ReadOrdersCSV(strings.NewReader(b.String()))
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Len(t, de.Rows, MaxProblems)
	assert.Equal(t, 1, de.Omitted)

	var j strings.Builder
	j.WriteString("[")
	for i := range MaxProblems {
		j.WriteString(`{"id":"P` + strconv.Itoa(i) + `","name":"Batik","region":"x","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]},`)
	}
	j.WriteString(`{"id":"bad id!","name":"Batik","region":"x","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]}]`)
	_, err = ReadProducersJSON(strings.NewReader(j.String()))
	require.True(t, errors.As(err, &de))
	assert.Len(t, de.Rows, MaxProblems)
	assert.Equal(t, 1, de.Omitted)
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
