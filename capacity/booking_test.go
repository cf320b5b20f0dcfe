package capacity_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/pricing"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStateText(t *testing.T) {
	tests := []struct {
		st    capacity.State
		name  string
		takes bool
	}{
		{capacity.Held, "held", true},
		{capacity.Confirmed, "confirmed", true},
		{capacity.Cancelled, "cancelled", false},
		{capacity.Expired, "expired", false},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualValues(t, i+1, tt.st, "the states number 1 to 4 in this order: stored bookings hold the number")
			assert.Equal(t, tt.name, tt.st.String())
			got, err := capacity.ParseState(tt.name)
			require.NoError(t, err, "ParseState(%q)", tt.name)
			assert.Equal(t, tt.st, got, "ParseState(%q)", tt.name)
			b, err := tt.st.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.name, string(b))
			var back capacity.State
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.st, back)
			j, err := json.Marshal(map[string]capacity.State{"state": tt.st})
			require.NoError(t, err)
			assert.JSONEq(t, `{"state":"`+tt.name+`"}`, string(j))
			assert.Equal(t, tt.takes, tt.st.Takes(), "only held and confirmed bookings take capacity")
		})
	}

	// Not states: the zero State, one past Expired, the largest.
	assert.Equal(t, "", capacity.State(0).String(), "the zero State prints as nothing")
	assert.Equal(t, "State(5)", capacity.State(5).String())
	assert.Equal(t, "State(255)", capacity.State(255).String())
	for _, st := range []capacity.State{0, 5, 255} {
		assert.False(t, st.Takes(), "State(%d) takes no capacity", st)
		_, err := st.MarshalText()
		require.ErrorIs(t, err, capacity.ErrInvalid, "State(%d) has no text", st)
	}
	for _, s := range []string{"", "Held", "hold", "State(5)"} {
		_, err := capacity.ParseState(s)
		require.ErrorIs(t, err, capacity.ErrInvalid, "ParseState(%q) is no state", s)
		var st capacity.State
		require.ErrorIs(t, st.UnmarshalText([]byte(s)), capacity.ErrInvalid, "UnmarshalText(%q)", s)
		assert.Zero(t, st, "a failed UnmarshalText leaves the state alone")
	}
}

// TestStateAt: a hold is expired from its HoldUntil on; other states do
// not change with the clock.
func TestStateAt(t *testing.T) {
	b := capacity.Booking{State: capacity.Held, HoldUntil: t0}
	assert.Equal(t, capacity.Held, b.StateAt(t0.Add(-1)))
	assert.Equal(t, capacity.Expired, b.StateAt(t0))
	for _, st := range []capacity.State{capacity.Confirmed, capacity.Cancelled, capacity.Expired} {
		b := capacity.Booking{State: st}
		assert.Equal(t, st, b.StateAt(t0.AddDate(100, 0, 0)))
	}
}

// TestBookingClone: a clone shares no slice or map with the original, and
// has empty (not nil) Lines and Unfilled.
func TestBookingClone(t *testing.T) {
	b := capacity.Booking{Key: "K", Lines: []capacity.BookingLine{{OrderID: "O", Quantity: 1}}, Unfilled: map[string]int{"O": 2},
		Orders: []capacity.BookedOrder{{OrderID: "O", Booked: 1, Unfilled: 2}}, Skipped: []capacity.Skip{{ProducerID: "B"}}, Canonical: []byte("{}")}
	c := b.Clone()
	require.Equal(t, b, c)
	c.Lines[0].Quantity, c.Unfilled["O"], c.Orders[0].Booked, c.Skipped[0].ProducerID, c.Canonical[0] = 9, 9, 9, "X", '['
	assert.Equal(t, 1, b.Lines[0].Quantity)
	assert.Equal(t, 2, b.Unfilled["O"])
	assert.Equal(t, 1, b.Orders[0].Booked)
	assert.Equal(t, "B", b.Skipped[0].ProducerID)
	assert.Equal(t, "{}", string(b.Canonical))
	empty := (&capacity.Booking{}).Clone()
	assert.NotNil(t, empty.Lines)
	assert.NotNil(t, empty.Unfilled)
}

// TestBookingJSON: a booking encodes with its lines flat, unit costs as
// strings, its orders and skipped producers, [] and {} for empty lists
// and maps, and decodes back to itself (all but Canonical, which is not
// in JSON).
func TestBookingJSON(t *testing.T) {
	ps := ws(100, 0)
	_, b := booked(t, hold("ORD-1", 130, 1, ps, time.Hour))
	data, err := json.Marshal(b)
	require.NoError(t, err)
	want := `{"key":"ORD-1","state":"held","hold_until":"2026-12-01T09:00:00+07:00","request":"` + b.Request +
		`","lines":[{"order_id":"ORD-1","producer_id":"A","technique":"cap","week":"2026-W49","quantity":100,"delivered":0,"unit_cost":"80000"}],` +
		`"unfilled":{"ORD-1":30},"orders":[{"order_id":"ORD-1","booked":100,"unfilled":30,"reason":"not_enough_capacity"}],` +
		`"skipped":[{"producer_id":"B","reason":"no_capacity"}],"version":1,"created":"2026-12-01T08:00:00+07:00","updated":"2026-12-01T08:00:00+07:00"}`
	assert.JSONEq(t, want, string(data))
	var back capacity.Booking
	require.NoError(t, json.Unmarshal(data, &back))
	b.Canonical = nil
	assert.True(t, back.HoldUntil.Equal(b.HoldUntil) && back.Created.Equal(b.Created) && back.Updated.Equal(b.Updated))
	back.HoldUntil, back.Created, back.Updated = b.HoldUntil, b.Created, b.Updated
	assert.Equal(t, b, back)

	data, err = json.Marshal(capacity.Booking{State: capacity.Cancelled})
	require.NoError(t, err)
	for _, empty := range []string{`"lines":[]`, `"unfilled":{}`, `"orders":[]`, `"skipped":[]`} {
		assert.Contains(t, string(data), empty)
	}
}

// TestBookingDecodeChecks: a decoded booking must be one a store could
// have written: each broken invariant is an error naming the field.
func TestBookingDecodeChecks(t *testing.T) {
	good := `{"key":"K","state":"confirmed","request":"r","lines":[{"order_id":"O","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5,"delivered":2,"unit_cost":"80000"}],` +
		`"unfilled":{"O":1},"orders":[{"order_id":"O","booked":5,"unfilled":1,"reason":"capacity_taken"}],"skipped":[],"version":1,"created":"2026-12-01T08:00:00Z","updated":"2026-12-01T08:00:00Z"}`
	var b capacity.Booking
	require.NoError(t, json.Unmarshal([]byte(good), &b))
	for _, tt := range []struct {
		old, new string
		field    string
		value    string
	}{
		{`"version":1`, `"version":0`, "version", "0"},
		{`"state":"confirmed"`, `"state":"held"`, "booking.hold_until", `""`},
		{`"delivered":2`, `"delivered":6`, "booking.lines[0].delivered", "6"},
		{`"quantity":5`, `"quantity":0`, "booking.lines[0].quantity", "0"},
		{`"unfilled":{"O":1}`, `"unfilled":{"O":-1}`, `booking.unfilled["O"]`, "-1"},
		{`"created":"2026-12-01T08:00:00Z"`, `"created":"0001-01-01T00:00:00Z"`, "created", `""`},
		{`"state":"confirmed"`, `"state":"booked"`, "state", `"booked"`},
		{`"unit_cost":"80000"`, `"unit_cost":"80000.001"`, "lines[0].unit_cost", `"80000.001"`},
		{`"unit_cost":"80000"`, `"unit_cost":80000`, "lines[0].unit_cost", ""},
		{`"booked":5`, `"booked":-5`, "orders[0].booked", "-5"},
		{`"unfilled":1,`, `"unfilled":-1,`, "orders[0].unfilled", "-1"},
	} {
		var b capacity.Booking
		err := json.Unmarshal([]byte(strings.Replace(good, tt.old, tt.new, 1)), &b)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
}

// TestBookingLineUnitCost: a unit cost is a JSON string in the machine
// grammar: "" is a string but no amount (pricing says why), a number or a
// lone quote is not a string, an exponent is refused.
func TestBookingLineUnitCost(t *testing.T) {
	line := func(cost string) string {
		return `{"order_id":"O","producer_id":"A","technique":"cap","week":"2026-W49","quantity":5,"delivered":0,"unit_cost":` + cost + `}`
	}
	var l capacity.BookingLine
	require.NoError(t, json.Unmarshal([]byte(line(`"8"`)), &l))
	assert.Equal(t, "8", l.UnitCost.String())

	err := json.Unmarshal([]byte(line(`""`)), &l)
	ie := inputError(t, err, capacity.ErrInvalid, "unit_cost", "*")
	assert.Equal(t, "is not an amount", ie.Reason(batik.English), `"" is a string, and no amount`)
	var pe *pricing.ParseError
	assert.True(t, errors.As(err, &pe), "the cause is pricing's: %v", err)
	for _, give := range []string{`8`, `"1.55e5"`, `null`, `"8 "`} {
		var l capacity.BookingLine
		require.ErrorIs(t, json.Unmarshal([]byte(line(give)), &l), capacity.ErrInvalid, give)
	}
}
