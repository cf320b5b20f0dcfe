package batik

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A due date of one character is an error, not an absent date.
func TestReadOrdersCSVOneCharacterDue(t *testing.T) {
	in := "id,technique,min_grade,quantity,due\nO-1,cap,halus,1,5\nO-2,cap,halus,1,-\n"
	os, err := ReadOrdersCSV(strings.NewReader(in))
	assert.Equal(t, []string{"2:5:due:date", "3:5:due:date"}, rowTags(t, err))
	assert.Empty(t, os)
}

func TestReadOrdersCSVIndonesian(t *testing.T) {
	in := "Kode Pesanan;Kode Produk;Teknik;Mutu minimal;Jumlah;Tanggal jatuh tempo\n" +
		"O-1;KMJ-1;Batik Cap;sedang;100;21/12/2026\n" +
		"O-2;;tulis;halus;5;21-12-2026\n" +
		"O-3;;tulis;halus;5;12/21/2026\n"
	os, rep, err := ReadOrdersCSVWith(strings.NewReader(in), ReadOptions{})
	assert.Equal(t, ';', rep.Comma)
	assert.Equal(t, []string{"4:6:due:date_month"}, rowTags(t, err))
	require.Len(t, os, 2)
	assert.Equal(t, MustDate(2026, time.December, 21), os[0].Due)
	assert.Equal(t, os[0].Due, os[1].Due)
	var de *DataError
	require.True(t, errors.As(err, &de))
	msg := de.Rows[0].Message(Indonesian)
	assert.Contains(t, msg, `Tanggal jatuh tempo = "12/21/2026": bulan 21 tidak ada`)
	assert.Contains(t, msg, "HH/BB/TTTT (21/12/2026)")
	assert.NotContains(t, msg, "due")
	assert.Contains(t, de.Rows[0].Message(English), DateForms)
	// Tenggat is the other name of the due column.
	os, err = ReadOrdersCSV(strings.NewReader("id,technique,min_grade,jumlah,tenggat\nO-1,cap,sedang,3,2026-12-21\n"))
	require.NoError(t, err)
	assert.Equal(t, MustDate(2026, time.December, 21), os[0].Due)
}

func TestReadOrdersCSVReaderErrorAtOnce(t *testing.T) {
	boom := errors.New("disk on fire")
	os, err := ReadOrdersCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	require.Nil(t, os)
	_, _, err = ReadOrdersCSVWith(iotest.ErrReader(boom), ReadOptions{Comma: ';'})
	require.ErrorIs(t, err, boom)
	ps, err := ReadProducersCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	var de *DataError
	assert.False(t, errors.As(err, &de), "the reader's error, not a *DataError")
	require.Nil(t, ps)
	// With the separator given, so nothing is sniffed.
	_, _, err = ReadProducersCSVWith(iotest.ErrReader(boom), ReadOptions{Comma: ','})
	require.ErrorIs(t, err, boom)
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
	assert.Equal(t, []string{"4:5:quantity:gt", "5:1:id:duplicate", "6:6:due:date_month", "7:6:due:date_time"}, rowTags(t, err))
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
	assert.Equal(t, []string{"3:2:quantity:gt", "4:3:min_grade:grade", "5:1:due:date_month", "5:4:technique:technique", "6:5:id:duplicate"}, rowTags(t, err))
}

// The memory bound holds for valid orders of one short row each.
func TestReadOrdersCSVMemory(t *testing.T) {
	in := rowsOf("id,technique,min_grade,quantity\n", func(b []byte, i int) []byte { return fmt.Appendf(b, "O%07d,cap,b,%d\n", i, 1+i%999) })
	checkMemory(t, in, func(b []byte) any { os, _ := ReadOrdersCSV(bytes.NewReader(b)); return os })
}
