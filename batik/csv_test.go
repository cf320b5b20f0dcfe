package batik

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const header = "id,name,nib,region,grade,technique,per_week,unit_cost\n"

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

func TestWriteReadProducersRoundTrip(t *testing.T) {
	ps := []Producer{validProducer(), {ID: "PKL-7", Name: "Batik \"Pagi, Sore\"", Region: "33.26",
		Capabilities: []Capability{{Technique: Printing, Grade: Kasar, PerWeek: 0, UnitCost: decimal.NewFromInt(0)}}}}
	var buf bytes.Buffer
	require.NoError(t, WriteProducersCSV(&buf, ps))
	got, err := ReadProducersCSV(&buf)
	require.NoError(t, err)
	assert.Equal(t, ps, got)
}

func TestReadOrdersCSV(t *testing.T) {
	in := "id,sku,technique,min_grade,quantity,due\n" +
		"ORD-1,KMJ-CAP-PRG-L,cap,sedang,1000,2026-12-24\n" +
		"ORD-2,,Batik Tulis,halus,20,2027-01-15T00:00:00+07:00\n" +
		"ORD-3,,cap,medium,0,2026-12-24\n" +
		"ORD-1,,cap,sedang,5,\n" +
		"ORD-4,,cap,sedang,5,12/24/2026\n" +
		"ORD-5,,cap,sedang,5,2027-01-15T17:00:00+07:00\n" +
		"ORD-6,,cap,sedang,5,24/12/2026\n"
	os, err := ReadOrdersCSV(strings.NewReader(in))
	// line:column:field:tag, the column counted in the header's order from 1.
	assert.Equal(t, []string{"4:5:quantity:gt", "5:1:id:duplicate", "6:6:due:date", "7:6:due:date"}, rowTags(t, err))
	require.Len(t, os, 3)
	o := validOrder()
	o.Due = MustParseDate("2026-12-24")
	assert.Equal(t, o, os[0])
	assert.Equal(t, Tulis, os[1].Technique)
	assert.Equal(t, MustDate(2027, time.January, 15), os[1].Due)
	assert.Equal(t, "ORD-6", os[2].ID)
	assert.Equal(t, MustDate(2026, time.December, 24), os[2].Due)
}

// TestReadOrdersCSVColumns checks that a row error names the column where
// the value stands in this file's header, not its place in OrderColumns.
func TestReadOrdersCSVColumns(t *testing.T) {
	in := "due,quantity,min_grade,technique,id\n" +
		"2026-12-24,5,sedang,cap,ORD-1\n" +
		"2026-12-24,-1,sedang,cap,ORD-2\n" +
		"2026-12-24,5,superb,cap,ORD-3\n" +
		"12/24/2026,5,sedang,ikat,ORD-4\n" +
		"2026-12-24,5,sedang,cap,ORD-1\n"
	_, err := ReadOrdersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"3:2:quantity:gt", "4:3:min_grade:grade", "5:1:due:date", "5:4:technique:technique", "6:5:id:duplicate"}, rowTags(t, err))
}

// producersCSV makes n rows: n/2 producers with a tulis and a cap row each.
func producersCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for i := range n / 2 {
		id := "P-" + itoa(i)
		// Unit costs vary over 500 values, as a large cooperative's might.
		b.WriteString(id + ",Batik Workshop " + itoa(i) + ",1234567890123,33.72,sedang,tulis,5," + itoa(300000+500*(i%250)) + "\n")
		b.WriteString(id + ",,,,,cap,100,\"" + itoa(80000+50*(i%250)) + ",50\"\n")
	}
	return b.Bytes()
}
