package batik

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll returns every record of in as csvReader reads it: cells, the
// count of cells, the start line, or "syntax" for a record that is not CSV.
func readAll(t *testing.T, r io.Reader, comma byte) []string {
	t.Helper()
	cr := newCSVReader(r)
	cr.setComma(comma)
	var out []string
	for {
		rec, n, line, err := cr.Read()
		var se *csvSyntax
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &se):
			out = append(out, itoa(se.startLine)+": syntax")
		case err != nil:
			t.Fatal(err)
		default:
			out = append(out, itoa(line)+": "+strings.Join(rec, "|")+" ("+itoa(n)+")")
		}
	}
}

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name, give string
		want       []string
	}{
		{"plain", "a,b\nc,d\n", []string{"1: a|b (2)", "2: c|d (2)"}},
		{"no final line end", "a,b", []string{"1: a|b (2)"}},
		{"empty cells", ",\n,,\n", []string{"1: | (2)", "2: || (3)"}},
		{"empty lines", "\n\r\n\ra\n\n", []string{"4: a (1)"}},
		{"quotes", `"a,b","c""d",""` + "\n", []string{`1: a,b|c"d| (3)`}},
		{"line break in quotes", "\"a\r\nb\",\"c\rd\"\nx\n", []string{"1: a\nb|c\rd (2)", "4: x (1)"}},
		{"bare quote", "a\"b,c\nd\n", []string{"1: syntax", "2: d (1)"}},
		{"text after a closing quote", "\"a\"b,c\nd\n", []string{"1: syntax", "2: d (1)"}},
		{"quote never closed", "x\n\"a,b\nc\n", []string{"1: x (1)", "2: syntax"}},
		{"closed at the end", `"a"`, []string{"1: a (1)"}},
		{"CR ends", "a,b\rc\r\nd\r", []string{"1: a|b (2)", "2: c (1)", "3: d (1)"}},
		{"quoted then line end", "\"a\"\r\"b\"\n", []string{"1: a (1)", "2: b (1)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, readAll(t, strings.NewReader(tt.give), ','))
			// One byte at a time: every buffer boundary.
			assert.Equal(t, tt.want, readAll(t, iotest.OneByteReader(strings.NewReader(tt.give)), ','))
		})
	}
}

// Cells past MaxColumns are counted, not kept.
func TestCSVReaderKeepsMaxColumns(t *testing.T) {
	cr := newCSVReader(strings.NewReader(strings.Repeat("x,", 1000) + "y\nz\n"))
	cr.setComma(',')
	rec, n, _, err := cr.Read()
	require.NoError(t, err)
	assert.Equal(t, 1001, n)
	assert.Len(t, rec, MaxColumns)
	assert.Len(t, cr.text, MaxColumns)
	rec, _, line, err := cr.Read()
	require.NoError(t, err)
	assert.Equal(t, []string{"z"}, rec)
	assert.Equal(t, 2, line)
}

// An error of the underlying reader in a record is returned, not a record
// cut short.
func TestCSVReaderError(t *testing.T) {
	boom := errors.New("disk gone")
	cr := newCSVReader(io.MultiReader(strings.NewReader("a,b\nc,"), iotest.ErrReader(boom)))
	cr.setComma(',')
	_, _, _, err := cr.Read()
	require.NoError(t, err)
	_, _, _, err = cr.Read()
	require.ErrorIs(t, err, boom)
}

// FuzzCSVReader checks csvReader against encoding/csv on text without a
// CR (where the two differ by design): the same records, cut at
// MaxColumns, and a syntax error where encoding/csv has a quote error.
func FuzzCSVReader(f *testing.F) {
	f.Add([]byte("a,b\n\"c\"\"d\",\"e\nf\"\n"), byte(0))
	f.Add([]byte("a;\"b\"x;c\n\n\"d"), byte(1))
	f.Add([]byte("\t\"\"\t\n"+strings.Repeat("x\t", 300)), byte(2))
	f.Fuzz(func(t *testing.T, data []byte, sep byte) {
		if bytes.IndexByte(data, '\r') >= 0 {
			return
		}
		comma := ",;\t"[int(sep)%3]
		var want []string
		std := csv.NewReader(bytes.NewReader(data))
		std.Comma = rune(comma)
		std.FieldsPerRecord = -1
		for {
			rec, err := std.Read()
			if err == io.EOF {
				break
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				if !errors.Is(pe.Err, csv.ErrQuote) && !errors.Is(pe.Err, csv.ErrBareQuote) {
					t.Fatalf("encoding/csv: %v", err)
				}
				want = append(want, itoa(pe.StartLine)+": syntax")
				continue
			}
			line, _ := std.FieldPos(0)
			want = append(want, itoa(line)+": "+strings.Join(rec[:min(len(rec), MaxColumns)], "|")+" ("+itoa(len(rec))+")")
		}
		got := readAll(t, bytes.NewReader(data), comma)
		if !slices.Equal(got, want) {
			t.Fatalf("csvReader:    %q\nencoding/csv: %q", got, want)
		}
	})
}
