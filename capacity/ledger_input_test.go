package capacity_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBookBadInput: each bad request is an error naming the field and
// value, wrapping ErrInvalid, and the ledger is unchanged.
func TestBookBadInput(t *testing.T) {
	l := fresh()
	ps := ws(100, 80)
	_, err := l.Book(ctx, req("ORD-0", 50, 2, ps), t0)
	require.NoError(t, err)
	before := dump(t, l, ps, t0)
	last := capacity.MustParseWeek("9999-W52")
	tests := []struct {
		name  string
		give  func(r *capacity.BookRequest)
		field string
		value string
	}{
		{"empty key", func(r *capacity.BookRequest) { r.Key = "" }, "key", `""`},
		{"no orders", func(r *capacity.BookRequest) { r.Orders = nil }, "orders", "[]"},
		{"invalid order", func(r *capacity.BookRequest) { r.Orders[0].Technique = "lukis" }, "orders[0]", `"ORD-1"`},
		{"negative quantity", func(r *capacity.BookRequest) { r.Orders[0].Quantity = -5 }, "orders[0]", `"ORD-1"`},
		{"order without ID", func(r *capacity.BookRequest) { r.Orders[0].ID = "" }, "orders[0]", `""`},
		{"repeated order", func(r *capacity.BookRequest) {
			o := r.Orders[0]
			o.Due = batik.MustParseDate("2026-12-21")
			r.Orders = []batik.Order{o, o}
		}, "orders[1].id", `"ORD-1"`},
		{"several orders without due", func(r *capacity.BookRequest) {
			r.Orders = append(r.Orders, capOrd("ORD-2", 5))
		}, "orders[0].due", `""`},
		{"no producers", func(r *capacity.BookRequest) { r.Producers = nil }, "producers", "[]"},
		{"producer capacity", func(r *capacity.BookRequest) {
			r.Producers = ws(100, 80)
			r.Producers[1].Capabilities[0].PerWeek = -1
		}, "producers[1].capabilities[0].per_week", "-1"},
		{"repeated producer", func(r *capacity.BookRequest) { r.Producers = append(ws(100), ws(100)...) }, "producers[1].id", `"A"`},
		{"zero from", func(r *capacity.BookRequest) { r.From = capacity.Week{} }, "from", `""`},
		{"negative weeks", func(r *capacity.BookRequest) { r.Weeks = -1 }, "weeks", "-1"},
		{"too many weeks", func(r *capacity.BookRequest) { r.Weeks = capacity.MaxWeeks + 1 }, "weeks", "105"},
		{"weeks past year 9999", func(r *capacity.BookRequest) { r.From, r.Weeks = last, 2 }, "weeks", "2"},
		{"unknown policy", func(r *capacity.BookRequest) { r.Policy = 9 }, "policy", "Policy(9)"},
		{"negative min lot", func(r *capacity.BookRequest) { r.MinLot = -3 }, "min_lot", "-3"},
		{"hold in the past", func(r *capacity.BookRequest) { r.HoldUntil = t0.Add(-time.Minute) }, "hold_until", "2026-12-01T07:59:00+07:00"},
		{"hold until now", func(r *capacity.BookRequest) { r.HoldUntil = t0 }, "hold_until", "2026-12-01T08:00:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := req("ORD-1", 30, 2, ps)
			tt.give(&r)
			_, err := l.Book(ctx, r, t0)
			require.ErrorIs(t, err, capacity.ErrInvalid)
			var ie *capacity.InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, tt.field, ie.Field)
			assert.Equal(t, tt.value, ie.Value)
			assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged")
		})
	}
	// An invalid order also carries the batik validation error.
	r := req("ORD-1", 30, 2, ps)
	r.Orders[0].Quantity = 0
	_, err = l.Book(ctx, r, t0)
	var ve *batik.ValidationError
	require.ErrorAs(t, err, &ve)

	// A week with year 0 or 10000 cannot even be read.
	for _, s := range []string{`"0000-W01"`, `"10000-W01"`} {
		var w capacity.Week
		require.ErrorIs(t, json.Unmarshal([]byte(s), &w), capacity.ErrInvalid, s)
	}
}

func TestBookCancelledContext(t *testing.T) {
	l := fresh()
	ps := ws(100)
	before := dump(t, l, ps, t0)
	c, cancel := context.WithCancel(ctx)
	cancel()
	_, err := l.Book(c, req("ORD-1", 30, 1, ps), t0)
	require.ErrorIs(t, err, context.Canceled)
	_, err = l.Confirm(c, "ORD-1", t0)
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorIs(t, l.SetCalendar(c, capacity.CalendarEntry{ProducerID: "A", Week: w49}, t0), context.Canceled)
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing written")

	_, err = l.Book(ctx, req("ORD-1", 30, 1, ps), t0)
	require.NoError(t, err)
	_, err = l.Cancel(c, "ORD-1", t0)
	require.ErrorIs(t, err, context.Canceled)
	b, err := l.Booking(ctx, "ORD-1", t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)
}

func TestUnknownKey(t *testing.T) {
	l := fresh()
	for name, op := range map[string]func(string) error{
		"confirm": func(k string) error { _, err := l.Confirm(ctx, k, t0); return err },
		"cancel":  func(k string) error { _, err := l.Cancel(ctx, k, t0); return err },
		"deliver": func(k string) error { _, err := l.Deliver(ctx, k, nil, t0); return err },
		"rebook":  func(k string) error { _, err := l.Rebook(ctx, k, nil, nil, t0); return err },
		"booking": func(k string) error { _, err := l.Booking(ctx, k, t0); return err },
	} {
		err := op("ORD-404")
		require.ErrorIs(t, err, capacity.ErrNotFound, name)
		requireField(t, err, "key")
		assert.Contains(t, err.Error(), `"ORD-404"`)
		err = op("")
		require.ErrorIs(t, err, capacity.ErrInvalid, name)
		requireField(t, err, "key")
	}
}

func TestSetCalendar(t *testing.T) {
	l := fresh()
	ps := ws(100)
	// Closed in W50 (Lebaran), a short W51 for cap.
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49.Add(1), Capacity: 0}, t0))
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(2), Capacity: 40}, t0))
	b, err := l.Book(ctx, req("ORD-1", 250, 3, ps), t0)
	require.NoError(t, err)
	got := map[string]int{}
	for _, ln := range b.Lines {
		got[ln.Week.String()] = ln.Quantity
	}
	assert.Equal(t, map[string]int{"2026-W49": 100, "2026-W51": 40}, got)
	assert.Equal(t, map[string]int{"ORD-1": 110}, b.Unfilled)
	m := slotSums(t, l, ps, 3, t0)
	assert.Equal(t, [2]int{0, 0}, m["A/cap/2026-W50"])
	assert.Equal(t, [2]int{40, 40}, m["A/cap/2026-W51"])

	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		give  capacity.CalendarEntry
		field string
	}{
		{capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: -1}, "calendar.capacity"},
		{capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 1 << 31}, "calendar.capacity"},
		{capacity.CalendarEntry{ProducerID: "", Week: w49, Capacity: 1}, "calendar.producer_id"},
		{capacity.CalendarEntry{ProducerID: "A", Capacity: 1}, "calendar.week"},
		{capacity.CalendarEntry{ProducerID: "A", Technique: "lukis", Week: w49, Capacity: 1}, "calendar.technique"},
	} {
		err := l.SetCalendar(ctx, tt.give, t0)
		require.ErrorIs(t, err, capacity.ErrInvalid, tt.field)
		requireField(t, err, tt.field)
	}
	err = l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 99}, t0)
	require.ErrorIs(t, err, capacity.ErrNoRoom, "100 are booked in W49")
	assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged")
}

func TestSlotsAndFreeBadInput(t *testing.T) {
	l := fresh()
	ps := ws(100)
	_, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(capacity.MaxWeeks)}, ps, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	requireField(t, err, "query.to")
	_, err = l.Slots(ctx, capacity.SlotQuery{From: w49.Add(1), To: w49}, ps, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	requireField(t, err, "query.to")
	_, err = l.Slots(ctx, capacity.SlotQuery{To: w49}, ps, t0)
	requireField(t, err, "query.from")
	bad := ws(100)
	bad[0].Capabilities[0].PerWeek = -3
	_, err = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, bad, t0)
	requireField(t, err, "producers[0].capabilities[0].per_week")
	_, err = l.Free(ctx, ps, w49, 0, t0)
	requireField(t, err, "weeks")
	_, err = l.Free(ctx, ps, capacity.Week{}, 1, t0)
	requireField(t, err, "from")
	_, err = l.Free(ctx, ps, capacity.MustParseWeek("9999-W52"), 2, t0)
	requireField(t, err, "weeks")
}
