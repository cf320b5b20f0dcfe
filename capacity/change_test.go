package capacity_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// capSlot is producer p's cap slot in week w.
func capSlot(p string, w capacity.Week) capacity.Slot {
	return capacity.Slot{ProducerID: p, Technique: batik.Cap, Week: w}
}

// goodChange is a change Validate takes: a confirmed booking of two lines
// of one order in two slots, with their deltas.
func goodChange() capacity.Change {
	s0 := capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}
	s1 := capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(1)}
	b := capacity.Booking{Key: "K", State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0,
		Lines: []capacity.BookingLine{{OrderID: "O", Slot: s0, Quantity: 5, UnitCost: decimal.NewFromInt(80000)},
			{OrderID: "O", Slot: s1, Quantity: 5, UnitCost: decimal.RequireFromString("80000.50")}},
		Unfilled: map[string]int{"O": 0}}
	return capacity.Change{Now: t0, Booking: b, Deltas: []capacity.SlotDelta{{Slot: s0, Capacity: 10, Confirmed: 5}, {Slot: s1, Capacity: 10, Confirmed: 5}}}
}

// TestChangeValidate: each rule Change.Validate states refuses a change
// that breaks it with an error naming the field, wrapping ErrInvalid (a
// delta too large: ErrOverflow); lines and deltas out of order are
// checked as well as sorted ones.
func TestChangeValidate(t *testing.T) {
	c := goodChange()
	require.NoError(t, c.Validate())
	year10000 := time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		edit  func(c *capacity.Change)
		kind  error
		field string
	}{
		{func(c *capacity.Change) { c.Booking.Key = "" }, capacity.ErrInvalid, "booking.key"},
		{func(c *capacity.Change) { c.Booking.Key = strings.Repeat("k", 257) }, capacity.ErrInvalid, "booking.key"},
		{func(c *capacity.Change) { c.Expect = -1 }, capacity.ErrInvalid, "expect"},
		{func(c *capacity.Change) { c.Expect = math.MaxInt64 }, capacity.ErrOverflow, "expect"},
		{func(c *capacity.Change) { c.Now = time.Time{} }, capacity.ErrInvalid, "now"},
		{func(c *capacity.Change) { c.Now = year10000 }, capacity.ErrInvalid, "now"},
		{func(c *capacity.Change) { c.Booking.Created = year10000 }, capacity.ErrInvalid, "booking.created"},
		{func(c *capacity.Change) { c.Booking.State = 0 }, capacity.ErrInvalid, "booking.state"},
		{func(c *capacity.Change) { c.Booking.State = capacity.Held }, capacity.ErrInvalid, "booking.hold_until"},
		{func(c *capacity.Change) { c.Deltas[1].Capacity = -1 }, capacity.ErrInvalid, "deltas[1].capacity"},
		{func(c *capacity.Change) { c.Deltas[1].Capacity = math.MaxInt32 + 1 }, capacity.ErrInvalid, "deltas[1].capacity"},
		{func(c *capacity.Change) { c.Deltas[0].Confirmed = math.MaxInt32 + 1 }, capacity.ErrOverflow, "deltas[0]"},
		{func(c *capacity.Change) { c.Deltas[0].Held = 5 }, capacity.ErrInvalid, "deltas[0].held"},
		{func(c *capacity.Change) { c.Deltas[1].Week = w49 }, capacity.ErrInvalid, "deltas[1]"},
		{func(c *capacity.Change) { c.Deltas = append(c.Deltas, c.Deltas[0]) }, capacity.ErrInvalid, "deltas"},
		{func(c *capacity.Change) { c.Deltas[0].Technique = "lukis" }, capacity.ErrInvalid, "deltas[0].technique"},
		{func(c *capacity.Change) { c.Booking.Lines[1].Delivered = 6 }, capacity.ErrInvalid, "booking.lines[1].delivered"},
		{func(c *capacity.Change) { c.Booking.Lines[1].UnitCost = decimal.RequireFromString("0.001") }, capacity.ErrInvalid, "booking.lines[1].unit_cost"},
		{func(c *capacity.Change) { c.Booking.Lines[1].UnitCost = decimal.New(1, -1<<22) }, capacity.ErrInvalid, "booking.lines[1].unit_cost"},
		{func(c *capacity.Change) { c.Booking.Lines[1].Week = w49 }, capacity.ErrInvalid, "booking.lines"},
		{func(c *capacity.Change) {
			c.Booking.Lines = append(c.Booking.Lines, c.Booking.Lines[0]) // out of order, twice apart
			c.Booking.Lines[1].OrderID = "P"
		}, capacity.ErrInvalid, "booking.lines"},
		{func(c *capacity.Change) { c.Booking.Unfilled = map[string]int{"O": -1} }, capacity.ErrInvalid, `booking.unfilled["O"]`},
	} {
		c := goodChange()
		tt.edit(&c)
		ie := inputError(t, c.Validate(), tt.kind, tt.field, "*")
		assert.Less(t, len(ie.Error()), 300)
	}
}

// TestCalendarEntryAndSlotQueryValidate: the rules every store holds
// its calendar entries and queries to.
func TestCalendarEntryAndSlotQueryValidate(t *testing.T) {
	require.NoError(t, capacity.CalendarEntry{ProducerID: "A", Week: w49}.Validate())
	require.NoError(t, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Tulis, Week: w49, Capacity: math.MaxInt32}.Validate())
	for _, tt := range []struct {
		e     capacity.CalendarEntry
		field string
	}{
		{capacity.CalendarEntry{ProducerID: "A\x00", Week: w49}, "calendar.producer_id"},
		{capacity.CalendarEntry{ProducerID: "A", Technique: "Cap", Week: w49}, "calendar.technique"},
		{capacity.CalendarEntry{ProducerID: "A"}, "calendar.week"},
		{capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: math.MaxInt32 + 1}, "calendar.capacity"},
	} {
		inputError(t, tt.e.Validate(), capacity.ErrInvalid, tt.field, "*")
	}
	require.NoError(t, capacity.SlotQuery{From: w49, To: w49}.Validate())
	require.NoError(t, capacity.SlotQuery{ProducerIDs: []string{"B", "A"}, Technique: batik.Cap, From: w49, To: w49.Add(1),
		Slots: []capacity.Slot{capSlot("B", w49), capSlot("A", w49.Add(1)), capSlot("A", w49)}}.Validate(), "in any order")
	for _, tt := range []struct {
		q     capacity.SlotQuery
		field string
	}{
		{capacity.SlotQuery{To: w49}, "query.from"},
		{capacity.SlotQuery{From: w49}, "query.to"},
		{capacity.SlotQuery{From: w49.Add(1), To: w49}, "query.to"},
		{capacity.SlotQuery{From: w49, To: w49, Technique: "batik"}, "query.technique"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{{Technique: batik.Cap, Week: w49}}}, "query.slots[0].producer_id"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{{ProducerID: "A", Technique: "batik", Week: w49}}}, "query.slots[0].technique"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{{ProducerID: "A", Technique: batik.Cap}}}, "query.slots[0].week"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49), capSlot("A", w49.Add(1))}}, "query.slots[1]"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49.Add(-1))}}, "query.slots[0]"},
		{capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49, Slots: []capacity.Slot{capSlot("B", w49)}}, "query.slots[0]"},
		{capacity.SlotQuery{Technique: batik.Tulis, From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49)}}, "query.slots[0]"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49), capSlot("A", w49)}}, "query.slots[1]"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("B", w49), capSlot("A", w49), capSlot("B", w49)}}, "query.slots[2]"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: make([]capacity.Slot, capacity.MaxProducerWeeks+1)}, "query.slots"},
	} {
		inputError(t, tt.q.Validate(), capacity.ErrInvalid, tt.field, "*")
	}
	// Each refusal of a listed slot says which bound it breaks.
	for _, tt := range []struct {
		q    capacity.SlotQuery
		code string
		msg  string
	}{
		{capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49, Slots: []capacity.Slot{capSlot("B", w49)}},
			"query_slot_producer", `names producer "B", which query.producer_ids does not list`},
		{capacity.SlotQuery{Technique: batik.Tulis, From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49)}},
			"query_slot_technique", "has technique cap, not query.technique tulis"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49.Add(1))}},
			"query_slot_week", "has week 2026-W50, outside query.from 2026-W49 to query.to 2026-W49"},
		{capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("B", w49), capSlot("A", w49), capSlot("B", w49)}},
			"query_slot_twice", "is listed twice, also as query.slots[0]"},
	} {
		var ie *capacity.InputError
		require.ErrorAs(t, tt.q.Validate(), &ie)
		assert.Equal(t, tt.code, ie.Code)
		assert.Contains(t, ie.Error(), tt.msg)
	}
}
