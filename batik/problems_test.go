package batik

import (
	"bytes"
	"errors"
	"io"
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

// TestCountsPastTheList pins how the readers count problems once
// MaxProblems are listed: each invalid record past the list is one omitted
// problem however many rules it breaks ("once the list is full, an invalid
// record counts as one"), and the valid records are still returned.
func TestCountsPastTheList(t *testing.T) {
	records := func(head, sep, tail string, n int, record func(i int) string) string {
		var b strings.Builder
		b.WriteString(head)
		for i := range n {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(record(i))
		}
		b.WriteString(tail)
		return b.String()
	}
	orders := func(in string) ([]string, error) {
		os, err := ReadOrdersCSV(strings.NewReader(in))
		var ids []string
		for _, o := range os {
			ids = append(ids, o.ID)
		}
		return ids, err
	}
	producers := func(read func(io.Reader) ([]Producer, error)) func(string) ([]string, error) {
		return func(in string) ([]string, error) {
			ps, err := read(strings.NewReader(in))
			var ids []string
			for _, p := range ps {
				ids = append(ids, p.ID)
			}
			return ids, err
		}
	}
	jsonProducer := func(id, region string) string {
		return `{"id":"` + id + `","name":"Batik","region":"` + region + `","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]}`
	}
	tests := []struct {
		name    string
		give    string
		read    func(string) ([]string, error)
		want    []string // the valid records returned
		omitted int
	}{
		{"orders of quantity 0, one valid", records("id,technique,min_grade,quantity\n", "", "", MaxProblems+3, func(i int) string {
			return "O-" + strconv.Itoa(i) + ",cap,sedang," + map[bool]string{true: "5", false: "0"}[i == 7] + "\n"
		}), orders, []string{"O-7"}, 2},
		{"producers of per_week -1, one valid", records(header, "", "", MaxProblems+3, func(i int) string {
			return "P-" + strconv.Itoa(i) + ",Batik,,33.72,sedang,cap," + map[bool]string{true: "3", false: "-1"}[i == 7] + ",100\n"
		}), producers(ReadProducersCSV), []string{"P-7"}, 2},
		{"JSON producers of a bad region, one valid", records("[", ",\n", "]", MaxProblems+3, func(i int) string {
			return jsonProducer("P"+strconv.Itoa(i), map[bool]string{true: "33.72", false: "x"}[i == 500])
		}), producers(ReadProducersJSON), []string{"P500"}, 2},
		{"an order past the list with two problems", records("id,technique,min_grade,quantity\n", "", "bad id!,cap,sedang,0\n", MaxProblems, func(i int) string {
			return "O-" + strconv.Itoa(i) + ",cap,sedang,0\n"
		}), orders, nil, 1},
		{"a JSON producer past the list with two problems", records("[", ",", `,`+jsonProducer("bad id!", "x")+"]", MaxProblems, func(i int) string {
			return jsonProducer("P"+strconv.Itoa(i), "x")
		}), producers(ReadProducersJSON), nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, err := tt.read(tt.give)
			assert.Equal(t, tt.want, ids)
			var de *DataError
			require.ErrorAs(t, err, &de)
			assert.Len(t, de.Rows, MaxProblems)
			assert.Equal(t, tt.omitted, de.Omitted)
		})
	}
}
