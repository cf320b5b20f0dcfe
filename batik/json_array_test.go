package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadProducersJSON(t *testing.T) {
	good, err := json.Marshal(validProducer())
	require.NoError(t, err)
	in := "[\n" + string(good) + ",\n" +
		`{"id":"B","name":"x","region":"3372","capabilities":[{"technique":"cap","grade":"halus","per_week":-1,"unit_cost":"1"}]},` + "\n" +
		`{"id":"C","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1e9"}]},` + "\n" +
		`{"id":"D","name":"x","region":"33.72","capabilities":[{"technique":"ikat","grade":"halus","per_week":1,"unit_cost":"1"}]},` + "\n" +
		`{"id":"E","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_wek":1,"unit_cost":"1"}]},` + "\n" +
		`{"id":"F","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":"1","unit_cost":"1"}]},` + "\n" +
		string(good) + "\n]"
	ps, err := ReadProducersJSON(strings.NewReader(in))
	assert.Equal(t, []string{
		"3:1:[1].region:region", "3:1:[1].capabilities[0].per_week:gte",
		"4:1:[2].capabilities[0].unit_cost:amount_exponent",
		"5:1:[3].capabilities[0].technique:technique",
		"6:1:[4].capabilities[0].per_wek:json_unknown",
		"7:1:[5].capabilities[0].per_week:json_type_integer",
		"8:1:[6].id:duplicate_at",
	}, rowTags(t, err))
	require.Len(t, ps, 1)
	assert.Equal(t, validProducer(), ps[0])
}

func TestReadJSONSyntax(t *testing.T) {
	for name, in := range map[string]string{
		"not an array": `{"id":"A"}`,
		"empty":        ``,
		"truncated":    `[{"id":"A",`,
		"unclosed":     `[`,
		"trailing":     `[] []`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadOrdersJSON(strings.NewReader(in))
			require.ErrorIs(t, err, ErrData)
		})
	}
	os, err := ReadOrdersJSON(strings.NewReader(`[{"id":"O1","technique":"Batik Cap","min_grade":"sedang","quantity":1000,"due":"2026-12-24T00:00:00Z"}]`))
	require.NoError(t, err)
	require.Len(t, os, 1)
	assert.Equal(t, Cap, os[0].Technique)
}

// Text that encoding/json would turn into U+FFFD (a byte that is not
// UTF-8, a lone surrogate escape) is refused where it stands, not changed.
func TestReadJSONRefusesBadText(t *testing.T) {
	in := "[\n" + `{"id":"A","name":"Batik` + "\xff" + `","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1"}]}` + "\n]"
	ps, err := ReadProducersJSON(strings.NewReader(in))
	assert.Equal(t, []string{"2:1:[0]:json_utf8"}, rowTags(t, err))
	assert.Empty(t, ps)
	var p Producer
	require.ErrorIs(t, p.UnmarshalJSON([]byte(in[2:len(in)-2])), ErrData)

	_, err = ReadProducersJSON(strings.NewReader(strings.Replace(in, "\xff", `\ud800`, 1)))
	assert.Equal(t, []string{"2:1:[0]:json_utf8"}, rowTags(t, err))
	ps, err = ReadProducersJSON(strings.NewReader(strings.Replace(in, "\xff", `\ud83d\ude00`, 1)))
	require.NoError(t, err)
	assert.Equal(t, "Batik\U0001F600", ps[0].Name)
}

// Elements that are not records are refused without decoding them: an
// array of a hundred thousand numbers costs a few allocations in all, not
// several each (encoding/json's decoder builds an error value to end every
// number it reads as a token).
func TestReadJSONNonRecordsCheap(t *testing.T) {
	data := append(append([]byte("["), bytes.Repeat([]byte("1,"), 100_000)...), '1', ']')
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadProducersJSON(bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, ErrData)
	assert.Less(t, after.Mallocs-before.Mallocs, uint64(10_000), "allocations for 100,001 elements")
}

// TestReadJSONTruncatedAfterComma pins a JSON array cut off after a comma
// (the text ends in ", " with no element after it): a syntax problem, for
// producers and orders alike, with nothing returned.
func TestReadJSONTruncatedAfterComma(t *testing.T) {
	p := `{"id":"P1","name":"Batik","region":"33.72","capabilities":[{"technique":"cap","grade":"sedang","per_week":1,"unit_cost":"100"}]}`
	ps, err := ReadProducersJSON(strings.NewReader("[" + p + ",  \n"))
	var de *DataError
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "json_syntax", de.Rows[len(de.Rows)-1].Code)
	assert.Empty(t, ps)

	os, err := ReadOrdersJSON(strings.NewReader(`[{"id":"O1","technique":"cap","min_grade":"sedang","quantity":5}, `))
	require.True(t, errors.As(err, &de), "%v", err)
	assert.Equal(t, "json_syntax", de.Rows[len(de.Rows)-1].Code)
	assert.Empty(t, os)
}

// The memory bound holds for JSON arrays of any shape: numbers, empty
// objects, valid producers.
func TestReadProducersJSONMemory(t *testing.T) {
	tests := []struct {
		name string
		give []byte
	}{
		{"numbers", append(append([]byte("["), bytes.Repeat([]byte("1,"), memoryInput/2)...), '1', ']')},
		{"empty objects", append(append([]byte("["), bytes.Repeat([]byte("{},"), memoryInput/3)...), '{', '}', ']')},
		{"producers", append(bytes.TrimSuffix(rowsOf("[", func(b []byte, i int) []byte {
			return fmt.Appendf(b, `{"id":"P%07d","name":"Batik %07d","region":"33.72","capabilities":[{"technique":"tulis","grade":"halus","per_week":6,"unit_cost":"%d"}]},`, i, i, 100000+i)
		}), []byte(",")), ']')},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkMemory(t, tt.give, func(b []byte) any { ps, _ := ReadProducersJSON(bytes.NewReader(b)); return ps })
		})
	}
}
