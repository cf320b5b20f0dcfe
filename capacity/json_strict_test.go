package capacity_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// strictCase is one type that decodes JSON: a value to decode into, a
// good document, and edits of it that must be refused naming a key.
type strictCase struct {
	name  string
	into  func() any
	good  string
	edits []strictEdit
}

// strictEdit replaces old by new in the good document; the error must
// name field and wrap ErrInvalid.
type strictEdit struct {
	old, new string
	field    string
}

const (
	jsonOrder    = `{"id":"O","technique":"cap","min_grade":"sedang","quantity":5}`
	jsonProducer = `{"id":"A","name":"Batik A","region":"33.72","capabilities":[{"technique":"cap","grade":"sedang","per_week":5,"unit_cost":"80000"}]}`
	jsonLine     = `{"order_id":"O","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5,"delivered":0,"unit_cost":"80000"}`
)

var strictCases = []strictCase{
	{"BookRequest", func() any { return new(capacity.BookRequest) },
		`{"key":"K","orders":[` + jsonOrder + `],"producers":[` + jsonProducer + `],"from":"2026-W49","hold_for":"15m0s"}`,
		[]strictEdit{
			{`,"hold_for":"15m0s"`, ``, "hold_for"},
			{`"hold_for":"15m0s"`, `"hold_for":"15m0s","hold_until":null`, "hold_until"},
			{`"hold_for":"15m0s"`, `"hold_for":null`, "hold_for"},
			{`"hold_for":"15m0s"`, `"hold_for":900`, "hold_for"},
			{`"hold_for":"15m0s"`, `"hold_for":"15 minutes"`, "hold_for"},
			{`"key":"K"`, `"key":"K","Key":"L"`, "Key"},
			{`"key":"K"`, `"key":"K","key":"L"`, "key"},
			{`"from":"2026-W49"`, `"from":"2026-W49","min_fill":null`, "min_fill"},
			{`"quantity":5`, `"quantity":5,"QUANTITY":500`, "orders[0].QUANTITY"},
			{`"per_week":5`, `"per_week":5,"per_week":500`, "producers[0].capabilities[0].per_week"},
			{`"unit_cost":"80000"`, `"unit_cost":"1e5"`, "json"},
		}},
	{"CalendarEntry", func() any { return new(capacity.CalendarEntry) },
		`{"producer_id":"A","technique":"cap","week":"2026-W49","capacity":40}`,
		[]strictEdit{
			{`,"capacity":40`, ``, "capacity"},
			{`"capacity":40`, `"capacity":null`, "capacity"},
			{`"capacity":40`, `"capacity":40,"Capacity":0`, "Capacity"},
			{`"capacity":40`, `"capacity":40,"capacity":0`, "capacity"},
			{`"capacity":40`, `"capacity":40,"closed":true`, "closed"},
			{`"week":"2026-W49"`, `"week":"2026-W54"`, "week"},
		}},
	{"Delivery", func() any { return new(capacity.Delivery) },
		`{"order_id":"O","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5}`,
		[]strictEdit{
			{`"quantity":5`, `"quantity":5,"QUANTITY":500`, "QUANTITY"},
			{`"quantity":5`, `"quantity":5,"quantity":500`, "quantity"},
			{`"quantity":5`, `"quantity":null`, "quantity"},
			{`,"quantity":5`, ``, "quantity"},
			{`"quantity":5`, `"quantity":5,"call":"c"`, "call"},
			{`"technique":"cap"`, `"technique":"lukis"`, "technique"},
		}},
	{"Booking", func() any { return new(capacity.Booking) },
		`{"key":"K","state":"confirmed","request":"r","lines":[` + jsonLine + `],"unfilled":{},"orders":[{"order_id":"O","booked":5,"unfilled":0}],` +
			`"skipped":[],"version":1,"created":"2026-12-01T08:00:00Z","updated":"2026-12-01T08:00:00Z"}`,
		[]strictEdit{
			{`"version":1`, `"version":1,"VERSION":2`, "VERSION"},
			{`"version":1`, `"version":1,"version":2`, "version"},
			{`"version":1`, `"version":null`, "version"},
			{`,"version":1`, ``, "version"},
			{`"unfilled":{}`, `"unfilled":{"O":1,"O":2}`, "unfilled.O"},
			{`"delivered":0`, `"delivered":0,"Delivered":9`, "lines[0].Delivered"},
			{`"booked":5`, `"booked":null`, "orders[0].booked"},
			{`"state":"confirmed"`, `"state":"confirmed","canonical":"{}"`, "canonical"},
		}},
	{"Plan", func() any { return new(capacity.Plan) },
		`{"order_id":"O","lines":[{"producer_id":"A","quantity":5,"unit_cost":"80000"}],"unfilled":5,"skipped":[{"producer_id":"B","reason":"no_capacity"}]}`,
		[]strictEdit{
			{`"unfilled":5`, `"unfilled":5,"UNFILLED":500`, "UNFILLED"},
			{`"unfilled":5`, `"unfilled":5,"unfilled":500`, "unfilled"},
			{`"unfilled":5`, `"unfilled":null`, "unfilled"},
			{`,"unfilled":5`, ``, "unfilled"},
			{`"quantity":5`, `"quantity":5,"Quantity":50`, "lines[0].Quantity"},
			{`"unfilled":5`, `"unfilled":5,"cost":"1"`, "cost"},
			{`"unit_cost":"80000"`, `"unit_cost":80000`, "unit_cost"},
		}},
	{"Timetable", func() any { return new(capacity.Timetable) },
		`{"assignments":[{"order_id":"O","producer_id":"A","week":"2026-W49","week_start":"2026-11-30","quantity":5,"unit_cost":"80000"}],` +
			`"unfilled":{"O":5},"shortfalls":[{"order_id":"O","pieces":5,"reason":"capacity_taken"}],"cost":"400000"}`,
		[]strictEdit{
			{`"cost":"400000"`, `"cost":"400000","cost":"1"`, "cost"},
			{`"cost":"400000"`, `"cost":"400000","Cost":"1"`, "Cost"},
			{`"cost":"400000"`, `"cost":null`, "cost"},
			{`,"cost":"400000"`, ``, "cost"},
			{`"pieces":5`, `"pieces":5,"PIECES":50`, "shortfalls[0].PIECES"},
			{`"quantity":5`, `"quantity":5,"quantity":50`, "assignments[0].quantity"},
			{`"week_start":"2026-11-30"`, `"week_start":"2026-12-01"`, "assignments[0].week_start"},
			{`"week_start":"2026-11-30"`, `"week_start":null`, "assignments[0].week_start"},
		}},
	{"BoardQuery", func() any { return new(capacity.BoardQuery) },
		`{"producers":[` + jsonProducer + `],"from":"2026-W49","weeks":4,"technique":"cap"}`,
		[]strictEdit{
			{`"weeks":4`, `"weeks":4,"WEEKS":100`, "WEEKS"},
			{`"weeks":4`, `"weeks":4,"weeks":100`, "weeks"},
			{`"weeks":4`, `"weeks":null`, "weeks"},
			{`,"weeks":4`, ``, "weeks"},
			{`"weeks":4`, `"weeks":4,"state":"held"`, "state"},
		}},
	{"BookingFilter", func() any { return new(capacity.BookingFilter) },
		`{"order_id":"O","state":"held","limit":10,"cursor":"AQ"}`,
		[]strictEdit{
			{`"state":"held"`, `"state":"held","STATE":"expired"`, "STATE"},
			{`"limit":10`, `"limit":10,"limit":1000`, "limit"},
			{`"limit":10`, `"limit":null`, "limit"},
			{`"limit":10`, `"limit":10,"page":2`, "page"},
			{`"state":"held"`, `"state":"booked"`, "state"},
		}},
}

// TestStrictDecoding: every request and record type of the ledger decodes
// strictly: a repeated key, a key in another case, an unknown key, null,
// a missing required key and a value of the wrong kind are each an
// *InputError wrapping ErrInvalid that names the key, and the good
// document decodes. encoding/json alone would take the last of two keys,
// any case, ignore unknown keys and read null as zero.
func TestStrictDecoding(t *testing.T) {
	for _, c := range strictCases {
		t.Run(c.name, func(t *testing.T) {
			require.NoError(t, json.Unmarshal([]byte(c.good), c.into()))
			for _, e := range c.edits {
				data := strings.Replace(c.good, e.old, e.new, 1)
				require.NotEqual(t, c.good, data, "edit %q applies", e.old)
				err := json.Unmarshal([]byte(data), c.into())
				ie := inputError(t, err, capacity.ErrInvalid, e.field, "*")
				assert.NotContains(t, ie.Error(), "Go struct", data)
				assert.Less(t, len(ie.Error()), 400, data)
			}
		})
	}
}

// TestStrictDecodingHostileKeys: an unknown key of a megabyte is named
// abbreviated, and no error says Go's own words (a struct field's Go name,
// Time.UnmarshalJSON, "plain"): a plan's and a timetable's errors stay
// short and in the input's own JSON names.
func TestStrictDecodingHostileKeys(t *testing.T) {
	long := strings.Repeat("k", 1<<20)
	for _, tt := range []struct {
		data string
		into any
	}{
		{`{"order_id":"O","lines":[],"unfilled":0,"skipped":[],"` + long + `":1}`, &capacity.Plan{}},
		{`{"order_id":"O","lines":[],"unfilled":null,"skipped":[]}`, &capacity.Plan{}},
		{`{"order_id":"O","lines":[{"producer_id":"A","quantity":"5","unit_cost":"1"}],"unfilled":0,"skipped":[]}`, &capacity.Plan{}},
		{`{"key":"K","state":"held","hold_until":5,"request":"r","lines":[],"unfilled":{},"orders":[],"skipped":[],"version":1,"created":"2026-12-07T09:00:00Z","updated":"2026-12-07T09:00:00Z"}`, &capacity.Booking{}},
		{`{"key":"K","state":"held","hold_until":"tomorrow","request":"r","lines":[],"unfilled":{},"orders":[],"skipped":[],"version":1,"created":"2026-12-07T09:00:00Z","updated":"2026-12-07T09:00:00Z"}`, &capacity.Booking{}},
	} {
		err := json.Unmarshal([]byte(tt.data), tt.into)
		require.ErrorIs(t, err, capacity.ErrInvalid, tt.data[:min(len(tt.data), 80)])
		for _, lang := range []pricing.Lang{pricing.English, pricing.Indonesian} {
			var ie *capacity.InputError
			require.ErrorAs(t, err, &ie)
			msg := ie.Message(lang)
			assert.Less(t, len(msg), 300)
			for _, goWords := range []string{"Go struct", "UnmarshalJSON", "UnmarshalText", "plain", "lineJSON", "json: "} {
				assert.NotContains(t, msg, goWords)
			}
		}
	}
}

// TestStrictDecodingInvalidUTF8: a document that is not UTF-8 is refused,
// naming the byte, not read with U+FFFD in its place.
func TestStrictDecodingInvalidUTF8(t *testing.T) {
	var d capacity.Delivery
	err := json.Unmarshal([]byte(`{"order_id":"O-`+"\xff"+`","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5}`), &d)
	inputError(t, err, capacity.ErrInvalid, "json", "byte 15")

	// A lone surrogate escape would be read as U+FFFD: refused as well,
	// naming the escape's backslash.
	err = json.Unmarshal([]byte(`{"order_id":"O-\ud800","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5}`), &d)
	inputError(t, err, capacity.ErrInvalid, "json", "byte 15")
	assert.Equal(t, capacity.Delivery{}, d)
}

// TestBookRequestJSON: a request encodes hold_for as a Go duration and
// decodes back to itself; "0s" books confirmed at once.
func TestBookRequestJSON(t *testing.T) {
	r := hold("ORD-1", 30, 2, ws(100, 80), 90*time.Minute)
	r.MinFill, r.AllOrNothing, r.Policy = 10, true, capacity.LowestCost
	data, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"hold_for":"1h30m0s"`)
	var back capacity.BookRequest
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, r.Key, back.Key)
	assert.Equal(t, r.HoldFor, back.HoldFor)
	assert.Equal(t, r.MinFill, back.MinFill)
	assert.True(t, back.AllOrNothing)
	assert.Equal(t, capacity.LowestCost, back.Policy)
	assert.Equal(t, r.Orders, back.Orders)
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(string(data), `"1h30m0s"`, `"0s"`, 1)), &back))
	b, err := fresh().Book(ctx, back, t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)
}
