package batik

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
