package batik

import (
	"errors"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every value in every message is abbreviated, and joined messages are bounded.
func TestMessagesBounded(t *testing.T) {
	big := strings.Repeat("x", 1<<20)
	p := validProducer()
	p.ID, p.Name, p.NIB, p.Region = big, big, big, big
	p.Capabilities[0].UnitCost = decimal.New(1, -(1 << 16))
	err := p.Validate()
	require.ErrorIs(t, err, ErrInvalid)
	assert.Less(t, len(err.Error()), 2000)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	for _, m := range ve.Messages(Indonesian) {
		assert.Less(t, len(m), 400, m[:min(len(m), 100)])
	}

	// A long unknown key, a long number, a long date.
	for _, in := range []string{
		`[{"` + big + `":1}]`,
		`[{"id":"A","name":"B","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":` + strings.Repeat("9", 1<<20) + `,"unit_cost":"1"}]}]`,
		`[{"id":"A","technique":"cap","min_grade":"halus","quantity":1,"due":"` + big + `"}]`,
	} {
		_, err := ReadOrdersJSON(strings.NewReader(in))
		require.ErrorIs(t, err, ErrData)
		assert.Less(t, len(err.Error()), 1000)
	}
	// Many failing fields join into a bounded message.
	many := &ValidationError{}
	for range 10_000 {
		many.Fields = append(many.Fields, FieldError{Field: "x", Code: "required"})
	}
	assert.Less(t, len(many.Error()), 2000)
	assert.Contains(t, many.Error(), "9995 more")
}

// Every error of the package has the one shape: a *FieldError (alone, in
// a *ValidationError, or as a RowError of a *DataError) with a field, an
// abbreviated value, a code from the catalogue and the sentinel it wraps,
// and says itself in both languages from the catalogue.
func TestErrorShape(t *testing.T) {
	_, dateErr := ParseDate("12/21/2026")
	_, techErr := ParseTechnique("ikat")
	_, langErr := ParseLang("xx")
	_, amountErr := ParseAmount("1e9")
	var label Label
	tests := []struct {
		name  string
		err   error
		kind  error
		field string
		value string
		code  string
		en    string
		id    string
	}{
		{"date", dateErr, ErrInvalid, "date", `"12/21/2026"`, "date_month",
			`date = "12/21/2026": month 21 does not exist: dates are read day first; write ` + DateForms,
			`date = "12/21/2026": bulan 21 tidak ada: tanggal dibaca hari dulu; tulis ` + dateFormsID},
		{"technique", techErr, ErrUnknown, "technique", `"ikat"`, "technique",
			`technique = "ikat": unknown technique (want tulis, cap, kombinasi or printing)`,
			`technique = "ikat": teknik tidak dikenal (pilihan: tulis, cap, kombinasi, printing)`},
		{"language", langErr, ErrUnknown, "language", `"xx"`, "language",
			`language = "xx": unknown language (want en or id)`, `language = "xx": bahasa tidak dikenal (pilihan: en, id)`},
		{"amount", amountErr, ErrInvalid, "amount", `"1e9"`, "amount_exponent",
			`amount = "1e9": ` + func() string { var pe *pricing.ParseError; errors.As(amountErr, &pe); return pe.Reason(English) }(),
			`amount = "1e9": ` + func() string { var pe *pricing.ParseError; errors.As(amountErr, &pe); return pe.Reason(Indonesian) }()},
		{"label", label.UnmarshalText([]byte("hijau")), ErrUnknown, "batikmark", `"hijau"`, "batikmark",
			`batikmark = "hijau": unknown Batikmark label (want emas, putih or perak)`,
			`batikmark = "hijau": label Batikmark tidak dikenal (pilihan: emas, putih, perak)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fe *FieldError
			require.ErrorAs(t, tt.err, &fe)
			require.ErrorIs(t, tt.err, tt.kind)
			assert.Equal(t, tt.field, fe.Field)
			assert.Equal(t, tt.value, fe.Value)
			assert.Equal(t, tt.code, fe.Code)
			assert.Equal(t, tt.en, fe.Message(English))
			assert.Equal(t, tt.id, fe.Message(Indonesian))
			assert.Equal(t, "batik: "+tt.en, fe.Error())
			assert.Empty(t, msg.EnglishIn(fe.Reason(Indonesian)))
		})
	}
	var pe *pricing.ParseError
	require.ErrorAs(t, amountErr, &pe, "an amount's ParseError is its Err")

	// Aggregates list the one shape.
	p := validProducer()
	p.Region = "3372"
	var ve *ValidationError
	require.ErrorAs(t, p.Validate(), &ve)
	assert.Equal(t, []FieldError{{Field: "region", Value: `"3372"`, Code: "region"}}, ve.Fields)
	assert.Equal(t, `region = "3372": harus kode wilayah Kemendagri seperti 33.72`, ve.Message(Indonesian))
	_, err := ReadProducersCSV(strings.NewReader(header + "A,B,,3372,halus,cap,1,100\n"))
	var de *DataError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, []RowError{{Line: 2, Column: 4, Header: "region", FieldError: ve.Fields[0]}}, de.Rows)
	assert.Equal(t, `baris 2, kolom 4: region = "3372": harus kode wilayah Kemendagri seperti 33.72`, de.Message(Indonesian))
	assert.ErrorIs(t, &de.Rows[0], ErrInvalid)
}

// A problem of a whole row or input says its reason alone; a value under
// a header names the column as the file does.
func TestRowErrorMessage(t *testing.T) {
	r := RowError{Line: 2, Column: 7, Header: "Kapasitas per minggu", FieldError: FieldError{Field: "per_week", Code: "int", Value: `"x"`}}
	assert.Equal(t, `baris 2, kolom 7: Kapasitas per minggu = "x": harus bilangan bulat tanpa pemisah ribuan`, r.Message(Indonesian))
	assert.Equal(t, `batik: line 2, column 7: Kapasitas per minggu = "x": must be a whole number without separators`, r.Error())
	r = RowError{Line: 5, FieldError: dataErr("", codeFields, "9", "8")}
	assert.Equal(t, "line 5: the row has 9 cells, the header 8", r.Message(English))
	assert.ErrorIs(t, &r, ErrData)
	r.Code = "no_such_code"
	assert.Equal(t, "baris 5: melanggar aturan no_such_code", r.Message(Indonesian))
}

// TestDataErrorOmittedWithFewRows pins how a *DataError counts problems it
// did not list when it lists few (a caller may build one so): the English
// Error adds "; and N more" after the rows, and Messages ends with a line
// that counts them, in either language.
func TestDataErrorOmittedWithFewRows(t *testing.T) {
	e := &DataError{
		Rows:    []RowError{{Line: 2, Column: 1, FieldError: FieldError{Field: "id", Code: "required"}}},
		Omitted: 3,
	}
	assert.Equal(t, "batik: bad input data: line 2, column 1: id: is required; and 3 more", e.Error())
	en := e.Messages(English)
	require.Len(t, en, 2)
	assert.Equal(t, "and 3 more problems not listed (only the first 1000 are)", en[1])
	id := e.Messages(Indonesian)
	require.Len(t, id, 2)
	assert.Equal(t, "dan 3 masalah lain yang tidak dicantumkan (hanya 1000 pertama yang dicantumkan)", id[1])
}

// TestDataErrorShowsFiveRows pins the English Error of a *DataError: the
// first five problems, then one count of everything else, listed or
// omitted (7 rows and 3 omitted: "and 5 more"); with exactly five rows the
// omitted ones alone are counted.
func TestDataErrorShowsFiveRows(t *testing.T) {
	row := func(line int) RowError {
		return RowError{Line: line, FieldError: FieldError{Field: "id", Code: "required"}}
	}
	var rows []RowError
	for i := 2; i <= 8; i++ {
		rows = append(rows, row(i))
	}
	e := &DataError{Rows: rows, Omitted: 3}
	want := "batik: bad input data: line 2: id: is required; line 3: id: is required; line 4: id: is required; " +
		"line 5: id: is required; line 6: id: is required; and 5 more"
	assert.Equal(t, want, e.Error())

	e = &DataError{Rows: rows[:5], Omitted: 2}
	want = "batik: bad input data: line 2: id: is required; line 3: id: is required; line 4: id: is required; " +
		"line 5: id: is required; line 6: id: is required; and 2 more"
	assert.Equal(t, want, e.Error())

	e = &DataError{Rows: rows[:5]}
	assert.NotContains(t, e.Error(), "more")
}
