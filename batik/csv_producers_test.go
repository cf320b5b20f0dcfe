package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

func TestReadProducersCSVMerges(t *testing.T) {
	in := header +
		"SLO-01,Batik Sekar Jagad,1234567890123,33.72,halus,tulis,6,450000\n" +
		"PKL-01,Batik Jlamprang,,33.75,sedang,Batik Cap,120,\"65.000,50\"\n" +
		"SLO-01,,,,sedang,cap,80,95000\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	require.NoError(t, err)
	require.Len(t, ps, 2)
	assert.Equal(t, validProducer(), ps[0])
	assert.Equal(t, "PKL-01", ps[1].ID)
	assertDecimal(t, "65000.5", ps[1].Capabilities[0].UnitCost)
}

func TestReadProducersCSVBadInput(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
		keep int // valid producers still returned
	}{
		{"empty input", "", []string{"1:0::empty"}, 0},
		{"missing column", "id,name,region,grade,technique,per_week\nA,B,33.72,halus,cap,1\n", []string{"1:0:unit_cost:missing"}, 0},
		{"extra column", "id,name,region,grade,technique,per_week,unit_cost,catatan\n", []string{"1:8::column"}, 0},
		{"repeated column", "id,name,region,grade,technique,per_week,unit_cost,id\n", []string{"1:8:id:repeated"}, 0},
		{"row too short", header + "A,B,,33.72,halus,cap,1\nC,D,,33.72,halus,cap,1,100\n", []string{"2:0::fields"}, 1},
		{"row too long", header + "A,B,,33.72,halus,cap,1,100,x\n", []string{"2:0::fields"}, 0},
		{"unterminated quote", header + "C,D,,33.72,halus,cap,1,100\nA,\"B,,33.72,halus,cap,1,100\n", []string{"3:0::csv_quote"}, 1},
		{"bare quote", header + "A,B\"x,,33.72,halus,cap,1,100\nC,D,,33.72,halus,cap,1,100\n", []string{"2:0::csv_quote"}, 1},
		{"unknown technique", header + "A,B,,33.72,halus,ikat,1,100\n", []string{"2:6:technique:technique"}, 0},
		{"unknown grade", header + "A,B,,33.72,super,cap,1,100\n", []string{"2:5:grade:grade"}, 0},
		{"per week not a number", header + "A,B,,33.72,halus,cap,1.000,100\n", []string{"2:7:per_week:int"}, 0},
		{"per week negative", header + "A,B,,33.72,halus,cap,-1,100\n", []string{"2:7:capabilities[0].per_week:gte"}, 0},
		{"per week huge", header + "A,B,,33.72,halus,cap,99999999999,100\n", []string{"2:7:capabilities[0].per_week:lte"}, 0},
		{"per week overflow", header + "A,B,,33.72,halus,cap,99999999999999999999,100\n", []string{"2:7:per_week:int"}, 0},
		{"cost exponent", header + "A,B,,33.72,halus,cap,1,1e9\n", []string{"2:8:unit_cost:amount_exponent"}, 0},
		{"cost NaN", header + "A,B,,33.72,halus,cap,1,NaN\n", []string{"2:8:unit_cost:amount_nan"}, 0},
		{"cost with a point for sen", header + "A,B,,33.72,halus,cap,1,84.5\n", []string{"2:8:unit_cost:amount_group"}, 0},
		{"cost leading zero group", header + "A,B,,33.72,halus,cap,1,0.500\n", []string{"2:8:unit_cost:amount_leading_zero"}, 0},
		{"region", header + "A,B,,3372,halus,cap,1,100\n", []string{"2:4:region:region"}, 0},
		{"nib", header + "A,B,12345,33.72,halus,cap,1,100\n", []string{"2:3:nib:nib"}, 0},
		{"blank name", header + "A,  ,,33.72,halus,cap,1,100\n", []string{"2:2:name:required"}, 0},
		{"duplicate technique", header + "A,B,,33.72,halus,cap,1,100\nA,,,,,Batik Cap,2,100\n", []string{"3:6:capabilities[1].technique:unique"}, 0},
		{"merge conflict", header + "A,B,,33.72,halus,cap,1,100\nA,Other,,33.75,,tulis,2,100\n", []string{"3:2:name:conflict", "3:4:region:conflict"}, 0},
		{"all problems together", header + "A,B,,33.7,halus,cap,-1,100\nB,C,,33.72,kasar,cap,1,1e3\nC,D,,33.72,halus,cap,5,100\n",
			[]string{"2:4:region:region", "2:7:capabilities[0].per_week:gte", "3:8:unit_cost:amount_exponent"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps, err := ReadProducersCSV(strings.NewReader(tt.give))
			assert.Equal(t, tt.want, rowTags(t, err))
			assert.Len(t, ps, tt.keep)
		})
	}
}

func TestReadProducersCSVHugeLine(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	in := header + "A," + big + ",,33.72,halus,cap,1,100\nC,D,,33.72,halus,cap,1,100\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:2:name:max"}, rowTags(t, err))
	require.Len(t, ps, 1)
	assert.Less(t, len(err.Error()), 1000, "a 1 MiB cell must not flood the message")
}

func TestReadProducersCSVManyRows(t *testing.T) {
	in := producersCSV(5000)
	ps, err := ReadProducersCSV(bytes.NewReader(in))
	require.NoError(t, err)
	assert.Len(t, ps, 2500)
	for _, p := range ps {
		require.Len(t, p.Capabilities, 2)
	}
}

func TestReadProducersCSVReaderError(t *testing.T) {
	boom := errors.New("disk gone")
	_, err := ReadProducersCSV(io.MultiReader(strings.NewReader(header+"A,B,,33.72,halus,cap,1,100\n"), errReader{boom}))
	require.ErrorIs(t, err, boom)
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// Capabilities per producer are capped, and checked in one pass.
func TestCapabilitiesLimit(t *testing.T) {
	p := validProducer()
	for len(p.Capabilities) < 100_000 {
		p.Capabilities = append(p.Capabilities, p.Capabilities[1])
	}
	err := p.Validate()
	assert.Equal(t, []string{"capabilities:max_items"}, fieldTags(t, err))
	assert.Less(t, len(err.Error()), 500)

	p.Capabilities = p.Capabilities[:MaxCapabilities]
	tags := fieldTags(t, p.Validate())
	assert.Len(t, tags, MaxCapabilities-2, "every repeat of cap is reported")

	// CSV: one producer on 20,000 rows is read in linear time and the
	// rows past the limit are reported, not kept.
	var b bytes.Buffer
	b.WriteString(header + "A,B,,33.72,halus,tulis,1,100\n")
	for range 20_000 {
		b.WriteString("A,,,,,cap,1,100\n")
	}
	ps, err := ReadProducersCSV(bytes.NewReader(b.Bytes()))
	assert.Empty(t, ps)
	var de *DataError
	require.True(t, errors.As(err, &de))
	// Each row's problems at that row: cap repeated from the third row on,
	// then the rows past the limit.
	assert.Equal(t, "unique", de.Rows[0].Code)
	assert.Equal(t, 4, de.Rows[0].Line)
	assert.Equal(t, "max_items", de.Rows[MaxCapabilities-2].Code)
	assert.Equal(t, 2+MaxCapabilities, de.Rows[MaxCapabilities-2].Line)
	assert.GreaterOrEqual(t, len(de.Rows)+de.Omitted, 20_000+1-MaxCapabilities)

	// JSON: the same producer is refused without validating every row.
	js, _ := json.Marshal([]Producer{{ID: "A", Name: "B", Region: "33.72", Capabilities: make([]Capability, 10_000)}})
	_, err = ReadProducersJSON(bytes.NewReader(js))
	require.ErrorIs(t, err, ErrData)
}

// TestReadProducersCSVFromFile pins reading from an *os.File, whose size
// the reader asks for: an open file reads as its text does, and a closed
// one (Stat fails) gives the read error, not a panic.
func TestReadProducersCSVFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "producers.csv")
	require.NoError(t, os.WriteFile(path, []byte(header+"SLO-01,Batik Sekar Jagad,,33.72,halus,tulis,6,450000\n"), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	ps, err := ReadProducersCSV(f)
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "SLO-01", ps[0].ID)
	require.NoError(t, f.Close())

	_, err = ReadProducersCSV(f) // closed
	require.ErrorIs(t, err, os.ErrClosed)
}

// TestReadProducersCSVMaxItemsMessage pins the max_items problem of the
// row past MaxCapabilities: at that row (line 18 for the 17th capability),
// in the technique column, with the count it would reach (17) and the
// limit (16).
func TestReadProducersCSVMaxItemsMessage(t *testing.T) {
	var b strings.Builder
	b.WriteString(header + "A,B,,33.72,halus,tulis,1,100\n")
	for range MaxCapabilities {
		b.WriteString("A,,,,,cap,1,100\n")
	}
	_, err := ReadProducersCSV(strings.NewReader(b.String()))
	var de *DataError
	require.True(t, errors.As(err, &de))
	var got *RowError
	for i := range de.Rows {
		if de.Rows[i].Code == "max_items" {
			got = &de.Rows[i]
			break
		}
	}
	require.NotNil(t, got, "no max_items problem in %v", de.Rows)
	assert.Equal(t, 2+MaxCapabilities, got.Line)
	assert.Equal(t, 6, got.Column) // technique
	assert.Equal(t, "17", got.Value)
	assert.Equal(t, "16", got.Args[0])
}

// TestReadProducersCSVValidationErrorAtItsRow pins where a validation
// problem of one capability is reported: at the row that capability came
// from (the second of three rows, line 3), not at the producer's last row.
func TestReadProducersCSVValidationErrorAtItsRow(t *testing.T) {
	in := header +
		"A,Batik,,33.72,halus,tulis,1,100\n" +
		"A,,,,sedang,cap,-5,100\n" +
		"A,,,,kasar,kombinasi,2,100\n"
	ps, err := ReadProducersCSV(strings.NewReader(in))
	assert.Nil(t, ps) // no valid producer: nil, not an empty slice
	var de *DataError
	require.True(t, errors.As(err, &de))
	require.Len(t, de.Rows, 1)
	assert.Equal(t, 3, de.Rows[0].Line)
	assert.Equal(t, 7, de.Rows[0].Column) // per_week
	assert.Equal(t, "capabilities[1].per_week", de.Rows[0].Field)
}

// The memory bound holds for producers CSV of any shape: a header of
// millions of separators, a row of millions of cells, rows of IDs alone,
// rows of unreadable cells, valid producers of one row each.
func TestReadProducersCSVMemory(t *testing.T) {
	tests := []struct {
		name string
		give []byte
	}{
		{"header of semicolons", append([]byte(header[:len(header)-1]), bytes.Repeat([]byte(";"), memoryInput)...)},
		{"row of a million cells", append([]byte(header), bytes.Repeat([]byte("a,"), memoryInput/2)...)},
		{"rows of IDs alone", rowsOf(header, func(b []byte, i int) []byte { return fmt.Appendf(b, "N%07d,,,,,,,\n", i) })},
		{"bad rows", rowsOf(header, func(b []byte, i int) []byte { return fmt.Appendf(b, "P%d,,,x,y,z,-,1e9\n", i) })},
		{"producers of one row", rowsOf(header, func(b []byte, i int) []byte {
			return fmt.Appendf(b, "P%07d,Batik %07d,,33.72,halus,tulis,6,%d\n", i, i, 100000+i)
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMemory(t, tt.give, func(b []byte) any { ps, _ := ReadProducersCSV(bytes.NewReader(b)); return ps })
		})
	}
}
