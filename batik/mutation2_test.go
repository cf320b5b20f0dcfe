package batik

// Tests written to kill mutants gremlins found alive or could not reach
// (see .ci/mutation): each pins a branch or a boundary the other tests
// left open, by the behaviour a caller sees.

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnumErrorMessageWithoutWording pins the message of an *EnumError for
// a kind the message table has no wording for (the language ParseLang
// refuses): "unknown <kind> <value>" in English and "nilai <value> tidak
// dikenal" in Indonesian.
func TestEnumErrorMessageWithoutWording(t *testing.T) {
	_, err := ParseLang("!!")
	var ee *EnumError
	require.True(t, errors.As(err, &ee))
	assert.Equal(t, `unknown language "!!"`, ee.Message(English))
	assert.Equal(t, `nilai "!!" tidak dikenal`, ee.Message(Indonesian))
}

// TestDataErrorOmittedWithFewRows pins how a *DataError counts problems it
// did not list when it lists few (a caller may build one so): the English
// Error adds "; and N more" after the rows, and Messages ends with a line
// that counts them, in either language.
func TestDataErrorOmittedWithFewRows(t *testing.T) {
	e := &DataError{
		Rows:    []RowError{{Line: 2, Column: 1, FieldError: FieldError{Field: "id", Tag: "required"}}},
		Omitted: 3,
	}
	assert.Equal(t, "batik: bad input data: line 2, column 1: id is required; and 3 more", e.Error())
	en := e.Messages(English)
	require.Len(t, en, 2)
	assert.Equal(t, "and 3 more problems not listed (only the first 1000 are)", en[1])
	id := e.Messages(Indonesian)
	require.Len(t, id, 2)
	assert.Equal(t, "dan 3 masalah lain yang tidak dicantumkan (hanya 1000 pertama yang dicantumkan)", id[1])
}

// TestProducerCapability pins Capability: the capability for the technique
// asked, whichever position it holds, and false for one the producer lacks.
func TestProducerCapability(t *testing.T) {
	p := validProducer() // tulis (halus, 6 a week), then cap (sedang, 80)
	c, ok := p.Capability(Cap)
	require.True(t, ok)
	assert.Equal(t, Sedang, c.Grade)
	assert.Equal(t, 80, c.PerWeek)
	c, ok = p.Capability(Tulis)
	require.True(t, ok)
	assert.Equal(t, 6, c.PerWeek)
	c, ok = p.Capability(Printing)
	assert.False(t, ok)
	assert.Equal(t, Capability{}, c)
}

// TestDateAfter pins After and Before as strict: a date is neither before
// nor after itself.
func TestDateAfter(t *testing.T) {
	a, b := MustDate(2026, time.December, 21), MustDate(2026, time.December, 22)
	assert.True(t, b.After(a))
	assert.False(t, a.After(b))
	assert.False(t, a.After(a))
	assert.False(t, a.Before(a))
	assert.True(t, a.Before(b))
	assert.True(t, a.After(Date{})) // the zero Date sorts first
}

// TestDateFromDaysBeforeYearOne pins DateFromDays and AddDays below the
// range: every day before 0001-01-01 (day -719162, by hand: 1969 years of
// 365 days and 477 leap days) gives the zero Date, not a date with a wrong
// era.
func TestDateFromDaysBeforeYearOne(t *testing.T) {
	first := MustDate(1, time.January, 1)
	require.Equal(t, int64(-719162), first.Days())
	assert.Equal(t, first, DateFromDays(-719162))
	for n := int64(-719163); n >= -719162-3*146097; n-- {
		if d := DateFromDays(n); !d.IsZero() {
			t.Fatalf("DateFromDays(%d) = %v, want the zero Date", n, d)
		}
	}
	assert.True(t, first.AddDays(-1).IsZero())
	assert.True(t, first.AddDays(-700).IsZero())
}

// TestParseDateMidnightOffsetEnds pins the offset of a midnight date-time:
// minutes up to 59, hours up to 23, and nothing after the offset or the Z.
func TestParseDateMidnightOffsetEnds(t *testing.T) {
	want := MustDate(2026, time.December, 14)
	for _, s := range []string{"2026-12-14T00:00:00+23:59", "2026-12-14T00:00:00-00:00", "2026-12-14T00:00:00.0Z"} {
		got, err := ParseDate(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	for _, s := range []string{"2026-12-14T00:00:00+07:60", "2026-12-14T00:00:00+07:0x", "2026-12-14T00:00:00Z ", "2026-12-14T00:00:00X", "2026-12-14T00:00:00+0700"} {
		_, err := ParseDate(s)
		var de *DateError
		require.True(t, errors.As(err, &de), s)
		assert.Equal(t, s, de.Value)
	}
}

// TestReadJSONCountsInvalidPastTheList pins how ReadProducersJSON counts
// invalid producers once MaxProblems are listed: each one more is one
// omitted problem, so 1,002 producers with a bad region give 1,000 rows
// and 2 omitted, and the valid ones are still returned.
func TestReadJSONCountsInvalidPastTheList(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range MaxProblems + 3 {
		if i > 0 {
			b.WriteString(",\n")
		}
		region := "x"
		if i == 500 {
			region = "33.72"
		}
		b.WriteString(`{"id":"P` + strconv.Itoa(i) + `","name":"Batik","region":"` + region +
			`","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]}`)
	}
	b.WriteString("]")
	ps, err := ReadProducersJSON(strings.NewReader(b.String()))
	require.Len(t, ps, 1)
	assert.Equal(t, "P500", ps[0].ID)
	var de *DataError
	require.True(t, errors.As(err, &de))
	assert.Len(t, de.Rows, MaxProblems)
	assert.Equal(t, 2, de.Omitted)
	assert.Equal(t, "[0].region", de.Rows[0].Field)
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
		if de.Rows[i].Tag == "max_items" {
			got = &de.Rows[i]
			break
		}
	}
	require.NotNil(t, got, "no max_items problem in %v", de.Rows)
	assert.Equal(t, 2+MaxCapabilities, got.Line)
	assert.Equal(t, 6, got.Column) // technique
	assert.Equal(t, "17", got.Value)
	assert.Equal(t, "16", got.Param)
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
	assert.Equal(t, "column", de.Rows[0].Tag)
	assert.Equal(t, `"warna"`, de.Rows[0].Value)
	assert.Equal(t, "id / kode, name / nama, nib / nomor induk berusaha, region / wilayah, grade / mutu, "+
		"technique / teknik, per_week / kapasitas per minggu, unit_cost / harga satuan; separator ','", de.Rows[0].Param)
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

// TestParseDateDigitEdges pins the digits of the day-first forms and the
// fractional zeros of a midnight: 9 is a digit like the others, a day or
// month has at most two digits ("001/12/2026" is not a date, not the 1st),
// text that stops after the day or the month ("21", "21/12") is refused,
// zeros may end the text, and an offset of +23:00 is the largest hour.
func TestParseDateDigitEdges(t *testing.T) {
	for give, want := range map[string]Date{
		"9/9/2029":                      MustDate(2029, time.September, 9),
		"19-09-1999":                    MustDate(1999, time.September, 19),
		"29/09/2099":                    MustDate(2099, time.September, 29),
		"2026-12-21T00:00:00.000":       MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00.0+23:00":   MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00-23:59":     MustDate(2026, time.December, 21),
		"2026-12-21T00:00:00.00000000Z": MustDate(2026, time.December, 21),
	} {
		got, err := ParseDate(give)
		require.NoError(t, err, give)
		assert.Equal(t, want, got, give)
	}
	for _, give := range []string{"21", "21/12", "2/", "001/12/2026", "1/012/2026", "01/12/02026", "2026-12-21T00:00:00+24:00", "2026-12-21T00:00:00.001"} {
		_, err := ParseDate(give)
		require.ErrorIs(t, err, ErrInvalid, give)
	}
}

// TestLeapCenturies pins the Gregorian leap rule at the centuries: 1900
// and 2100 are not leap years (divisible by 100), 2000 and 2400 are
// (divisible by 400), so 29 February exists only in the latter.
func TestLeapCenturies(t *testing.T) {
	for _, y := range []int{1600, 2000, 2400} {
		d, err := NewDate(y, time.February, 29)
		require.NoError(t, err, y)
		assert.Equal(t, MustDate(y, time.March, 1), d.AddDays(1), y)
	}
	for _, y := range []int{1700, 1800, 1900, 2100} {
		_, err := NewDate(y, time.February, 29)
		require.ErrorIs(t, err, ErrInvalid, y)
		assert.Contains(t, err.Error(), "day must be in [1, 28]", y)
		assert.Equal(t, MustDate(y, time.March, 1), MustDate(y, time.February, 28).AddDays(1), y)
	}
}

// TestOptionalEnumsMarshalText pins MarshalText of the optional enums: the
// zero value (not stated) is "" without error, a known value its text, an
// unknown value an *EnumError.
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
		var ee *EnumError
		require.True(t, errors.As(err, &ee), "%v", m.unknown)
	}
}

// TestQuoteAndClipAbbreviate pins how a value in a message is cut: up to
// 64 bytes whole; longer cut to at most 64 bytes at a character boundary
// (never inside a UTF-8 sequence) with the full length stated; quote
// quotes it, clip (for numbers) does not.
func TestQuoteAndClipAbbreviate(t *testing.T) {
	x64, d64 := strings.Repeat("x", 64), strings.Repeat("9", 64)
	assert.Equal(t, `"`+x64+`"`, quote(x64))
	assert.Equal(t, `"`+x64+`"... (65 bytes)`, quote(x64+"y"))
	x63 := strings.Repeat("x", 63)
	assert.Equal(t, `"`+x63+`"... (67 bytes)`, quote(x63+"é"+"zz")) // "é" is bytes 63 and 64
	assert.Equal(t, `""... (65 bytes)`, quote(strings.Repeat("\x80", 65)))

	assert.Equal(t, d64, clip(d64))
	assert.Equal(t, d64+"... (65 bytes)", clip(d64+"1"))
	// A failing amount shows through clip: an absurd price of 70 digits.
	p := validProduct()
	p.Price = decimal.RequireFromString(strings.Repeat("1", 70))
	var ve *ValidationError
	require.True(t, errors.As(p.Validate(), &ve))
	require.Len(t, ve.Fields, 1)
	assert.Equal(t, strings.Repeat("1", 64)+"... (70 bytes)", ve.Fields[0].Value)
}

// TestDataErrorShowsFiveRows pins the English Error of a *DataError: the
// first five problems, then one count of everything else, listed or
// omitted (7 rows and 3 omitted: "and 5 more"); with exactly five rows the
// omitted ones alone are counted.
func TestDataErrorShowsFiveRows(t *testing.T) {
	row := func(line int) RowError {
		return RowError{Line: line, FieldError: FieldError{Field: "id", Tag: "required"}}
	}
	var rows []RowError
	for i := 2; i <= 8; i++ {
		rows = append(rows, row(i))
	}
	e := &DataError{Rows: rows, Omitted: 3}
	want := "batik: bad input data: line 2: id is required; line 3: id is required; line 4: id is required; " +
		"line 5: id is required; line 6: id is required; and 5 more"
	assert.Equal(t, want, e.Error())

	e = &DataError{Rows: rows[:5], Omitted: 2}
	want = "batik: bad input data: line 2: id is required; line 3: id is required; line 4: id is required; " +
		"line 5: id is required; line 6: id is required; and 2 more"
	assert.Equal(t, want, e.Error())

	e = &DataError{Rows: rows[:5]}
	assert.NotContains(t, e.Error(), "more")
}

// TestValidRegionDigits pins ValidRegion's digits: 0 to 9 in each place
// ("99", "33.99" and "35.30" pass, as the doc says), anything else not.
func TestValidRegionDigits(t *testing.T) {
	for _, s := range []string{"99", "33.99", "35.30", "00.00.00.0000", "99.99.99.9999", "19.09.90.1909"} {
		assert.True(t, ValidRegion(s), s)
	}
	for _, s := range []string{"9:", "3/", "33.9a", "33,99", "33.72.01.100"} {
		assert.False(t, ValidRegion(s), s)
	}
}

// TestReadJSONTruncatedAfterComma pins a JSON array cut off after a comma
// (the text ends in ", " with no element after it): a syntax problem, for
// producers and orders alike, with nothing returned.
func TestReadJSONTruncatedAfterComma(t *testing.T) {
	p := `{"id":"P1","name":"Batik","region":"33.72","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]}`
	ps, err := ReadProducersJSON(strings.NewReader("[" + p + ",  \n"))
	var de *DataError
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "json_syntax", de.Rows[len(de.Rows)-1].Tag)
	assert.Empty(t, ps)

	os, err := ReadOrdersJSON(strings.NewReader(`[{"id":"O1","technique":"cap","min_grade":"sedang","quantity":5}, `))
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "json_syntax", de.Rows[len(de.Rows)-1].Tag)
	assert.Empty(t, os)
}

// TestParseLangLengthBound pins ParseLang's 256-byte bound: a name padded
// to 256 bytes is still read, one byte more is refused before any work.
func TestParseLangLengthBound(t *testing.T) {
	s := strings.Repeat(" ", 254) + "id"
	require.Len(t, s, 256)
	l, err := ParseLang(s)
	require.NoError(t, err)
	assert.Equal(t, Indonesian, l)
	_, err = ParseLang(" " + s)
	var ee *EnumError
	require.True(t, errors.As(err, &ee))
}

// TestDateOfYearRange pins DateOf's range, both ends included: a time in
// year 1 or year 9999 gives its date, year 0 or 10000 the zero Date.
func TestDateOfYearRange(t *testing.T) {
	assert.Equal(t, MustDate(1, time.January, 1), DateOf(time.Date(1, time.January, 1, 12, 0, 0, 0, time.UTC)))
	assert.Equal(t, MustDate(9999, time.December, 31), DateOf(time.Date(9999, time.December, 31, 23, 0, 0, 0, time.UTC)))
	assert.True(t, DateOf(time.Date(0, time.December, 31, 12, 0, 0, 0, time.UTC)).IsZero())
	assert.True(t, DateOf(time.Date(10000, time.January, 1, 12, 0, 0, 0, time.UTC)).IsZero())
}

// TestParseDateLengthBound pins ParseDate's 40-byte bound: a midnight with
// 14 fractional zeros and an offset is exactly 40 bytes and is read; one
// more zero is refused before any parsing.
func TestParseDateLengthBound(t *testing.T) {
	s := "2026-12-21T00:00:00." + strings.Repeat("0", 14) + "+07:00"
	require.Len(t, s, 40)
	d, err := ParseDate(s)
	require.NoError(t, err)
	assert.Equal(t, MustDate(2026, time.December, 21), d)
	_, err = ParseDate("2026-12-21T00:00:00." + strings.Repeat("0", 15) + "+07:00")
	require.ErrorIs(t, err, ErrInvalid)
}

// TestReadProducersCSVReaderErrorAtOnce pins "an error from r itself is
// returned as is" for a stream that fails before its header is read: that
// error, not a *DataError, and no producers.
func TestReadProducersCSVReaderErrorAtOnce(t *testing.T) {
	boom := errors.New("disk on fire")
	ps, err := ReadProducersCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	var de *DataError
	assert.False(t, errors.As(err, &de))
	assert.Nil(t, ps)
}
