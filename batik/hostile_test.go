package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// heapUse runs fn and returns the bytes it allocated in all and the bytes
// still live afterwards (what fn returned and kept).
func heapUse(fn func()) (total, live uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	total = after.TotalAlloc - before.TotalAlloc
	runtime.GC()
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc {
		live = after.HeapAlloc - before.HeapAlloc
	}
	return total, live
}

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
	assert.Equal(t, "unique", de.Rows[0].Tag)
	assert.Equal(t, 4, de.Rows[0].Line)
	assert.Equal(t, "max_items", de.Rows[MaxCapabilities-2].Tag)
	assert.Equal(t, 2+MaxCapabilities, de.Rows[MaxCapabilities-2].Line)
	assert.GreaterOrEqual(t, len(de.Rows)+de.Omitted, 20_000+1-MaxCapabilities)

	// JSON: the same producer is refused without validating every row.
	js, _ := json.Marshal([]Producer{{ID: "A", Name: "B", Region: "33.72", Capabilities: make([]Capability, 10_000)}})
	_, err = ReadProducersJSON(bytes.NewReader(js))
	require.ErrorIs(t, err, ErrData)
}

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
		many.Fields = append(many.Fields, FieldError{Field: "x", Tag: "required"})
	}
	assert.Less(t, len(many.Error()), 2000)
	assert.Contains(t, many.Error(), "9995 more")
}

// JSON keys: a repeated key and a key in another case are refused with the
// field named; null is absence; a missing required number is refused.
func TestJSONKeysStrict(t *testing.T) {
	const caps = `"capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1"}]`
	tests := []struct {
		name, give, want string
	}{
		{"repeated id", `{"id":"A","id":"B","name":"x","region":"33.72",` + caps + `}`, "1:1:[0].id:json_duplicate"},
		{"repeated capabilities", `{"id":"A","name":"x","region":"33.72",` + caps + `,` + caps + `}`, "1:1:[0].capabilities:json_duplicate"},
		{"case", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":1,"UNIT_COST":"2"}]}`, "1:1:[0].capabilities[0].UNIT_COST:json_case"},
		{"case alone", `{"ID":"A","name":"x","region":"33.72",` + caps + `}`, "1:1:[0].ID:json_case"},
		{"null cost", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":null}]}`, "1:1:[0].capabilities[0].unit_cost:json_null"},
		{"missing per week", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","unit_cost":"1"}]}`, "1:1:[0].capabilities[0].per_week:required"},
		{"null per week", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":null,"unit_cost":"1"}]}`, "1:1:[0].capabilities[0].per_week:json_null"},
		{"null nib", `{"id":"A","name":"x","nib":null,"region":"33.72",` + caps + `}`, "1:1:[0].nib:json_null"},
		{"third capability's type", `{"id":"A","name":"x","region":"33.72","capabilities":[{"technique":"cap","grade":"halus","per_week":1,"unit_cost":"1"},{"technique":"tulis","grade":"halus","per_week":1,"unit_cost":"1"},{"technique":"kombinasi","grade":"halus","per_week":"2","unit_cost":"1"}]}`, "1:1:[0].capabilities[2].per_week:json_type_integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadProducersJSON(strings.NewReader("[" + tt.give + "]"))
			assert.Equal(t, []string{strings.Replace(tt.want, "1:1:", "1:2:", 1)}, rowTags(t, err))
			for _, leak := range []string{"Go struct", "plain", "json:", "Unmarshal", "int", "batik."} {
				assert.NotContains(t, strings.TrimPrefix(err.Error(), "batik: "), leak)
			}
			var p Producer
			require.Error(t, json.Unmarshal([]byte(tt.give), &p))
		})
	}
	// The optional keys of an order may be left out.
	var o Order
	require.NoError(t, json.Unmarshal([]byte(`{"id":"O","technique":"cap","min_grade":"sedang","quantity":1}`), &o))
}

// "-" and "_" are not "not stated": only empty text is.
func TestEnumDashIsNotEmpty(t *testing.T) {
	for _, s := range []string{"-", "_", " ", "--", "_-_"} {
		var st Style
		require.ErrorIs(t, st.UnmarshalText([]byte(s)), ErrUnknown, "%q", s)
		var l Label
		require.ErrorIs(t, l.UnmarshalText([]byte(s)), ErrUnknown, "%q", s)
	}
	var st Style
	require.NoError(t, st.UnmarshalText(nil))
	p := validProduct()
	err := json.Unmarshal([]byte(`{"sku":"A","name":"B","technique":"cap","grade":"halus","weight_grams":1,"price":"100","min_order":1,"style":"-"}`), &p)
	require.ErrorIs(t, err, ErrUnknown)
}

// Names need a visible character and valid UTF-8; control characters and
// bidi overrides are refused in every text field.
func TestTextFields(t *testing.T) {
	for _, name := range []string{"\u200b", "\ufeff", "\u202e", "\x00", "\u200b\u200b ", "Batik\xff", "Batik\u202eexe.", "Batik\nSolo", "Batik\tSolo", "Bat\u0085ik", "=1+1", "+62", "-Batik", "@batik"} {
		p := validProducer()
		p.Name = name
		require.ErrorIs(t, p.Validate(), ErrInvalid, "%q", name)
		pr := validProduct()
		pr.Name = name
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "%q", name)
	}
	for _, name := range []string{"Batik Sekar Jagad", "Batik 'Pagi Sore'", "Ñ", "バティック", "Batik – Solo", "1 Batik"} {
		p := validProducer()
		p.Name = name
		require.NoError(t, p.Validate(), "%q", name)
	}
	for _, text := range []string{"\x00", "a\u202eb", "a\xffb", "a\x1bb"} {
		pr := validProduct()
		pr.Description = text
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "description %q", text)
		pr = validProduct()
		pr.Motif = text
		require.ErrorIs(t, pr.Validate(), ErrInvalid, "motif %q", text)
	}
	pr := validProduct()
	pr.Description = "Baris satu\nbaris dua\tdengan tab"
	require.NoError(t, pr.Validate())
}
