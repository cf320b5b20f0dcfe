package capacity_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dump is everything a ledger shows: every booking and every slot of ps
// over 8 weeks from W49, as JSON, to assert a ledger unchanged.
func dump(t *testing.T, l *capacity.Ledger, ps []batik.Producer, now time.Time) string {
	t.Helper()
	bs, err := l.Bookings(ctx, capacity.BookingFilter{}, now)
	require.NoError(t, err)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(7)}, ps, now)
	require.NoError(t, err)
	data, err := json.Marshal([]any{bs, st})
	require.NoError(t, err)
	return string(data)
}

func TestHoldConfirmCancel(t *testing.T) {
	l := fresh()
	ps := ws(100)
	r := req("ORD-1", 60, 1, ps)
	r.HoldUntil = t0.Add(time.Hour)
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, b.State)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.SlotStatus{Slot: capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}, Capacity: 100, Held: 60, Free: 40}, st[0])

	b, err = l.Confirm(ctx, "ORD-1", t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)
	assert.EqualValues(t, 2, b.Version)
	assert.True(t, b.HoldUntil.IsZero())
	again, err := l.Confirm(ctx, "ORD-1", t0.Add(2*time.Hour))
	require.NoError(t, err, "confirming twice is idempotent")
	assert.EqualValues(t, 2, again.Version)
	st, _ = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0.Add(2*time.Hour))
	assert.Equal(t, 60, st[0].Confirmed, "a confirmed booking does not expire")
	assert.Equal(t, 0, st[0].Held)

	b, err = l.Cancel(ctx, "ORD-1", t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, capacity.Cancelled, b.State)
	assert.Len(t, b.Lines, 1, "a cancelled booking keeps its lines as a record")
	again, err = l.Cancel(ctx, "ORD-1", t0.Add(4*time.Hour))
	require.NoError(t, err, "cancelling twice is idempotent")
	assert.Equal(t, b.Version, again.Version)
	st, _ = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0.Add(3*time.Hour))
	assert.Equal(t, 100, st[0].Free)

	before := dump(t, l, ps, t0)
	_, err = l.Confirm(ctx, "ORD-1", t0.Add(5*time.Hour))
	require.ErrorIs(t, err, capacity.ErrConflict)
	requireField(t, err, "state")
	assert.Contains(t, err.Error(), `"cancelled"`)
	_, err = l.Deliver(ctx, "ORD-1", nil, t0.Add(5*time.Hour))
	require.ErrorIs(t, err, capacity.ErrConflict)
	assert.Equal(t, before, dump(t, l, ps, t0))
}

func TestHoldExpires(t *testing.T) {
	l := fresh()
	ps := ws(100)
	r := req("ORD-1", 100, 1, ps)
	until := t0.Add(time.Hour)
	r.HoldUntil = until
	_, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	b2, err := l.Book(ctx, req("ORD-2", 10, 1, ps), until.Add(-time.Second))
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-2": 10}, b2.Unfilled, "the hold still takes the week")

	b, err := l.Booking(ctx, "ORD-1", until)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State, "expired at HoldUntil, with no write and no goroutine")
	b, err = l.Book(ctx, r, until.Add(time.Minute))
	require.NoError(t, err, "a client's replay after the hold lapsed gets its booking")
	assert.Equal(t, capacity.Expired, b.State)
	b3, err := l.Book(ctx, req("ORD-3", 100, 1, ps), until)
	require.NoError(t, err)
	assert.Empty(t, b3.Unfilled, "the expired hold's capacity is free")

	for _, op := range []func() error{
		func() error { _, err := l.Confirm(ctx, "ORD-1", until); return err },
		func() error { _, err := l.Cancel(ctx, "ORD-1", until); return err },
		func() error { _, err := l.Deliver(ctx, "ORD-1", nil, until); return err },
	} {
		err := op()
		require.ErrorIs(t, err, capacity.ErrConflict)
		assert.Contains(t, err.Error(), `"expired"`)
	}
}

func TestDeliver(t *testing.T) {
	l := fresh()
	ps := ws(100)
	b, err := l.Book(ctx, req("ORD-1", 150, 2, ps), t0)
	require.NoError(t, err)
	s0, s1 := b.Lines[0].Slot, b.Lines[1].Slot
	b, err = l.Deliver(ctx, "ORD-1", []capacity.Delivery{{OrderID: "ORD-1", Slot: s0, Quantity: 60}, {OrderID: "ORD-1", Slot: s0, Quantity: 40}}, t0)
	require.NoError(t, err)
	assert.Equal(t, 100, b.Lines[0].Delivered)
	st, _ := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	assert.Equal(t, 100, st[0].Delivered)

	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		give  []capacity.Delivery
		field string
	}{
		{[]capacity.Delivery{{OrderID: "ORD-1", Slot: s0, Quantity: 1}}, "deliveries[0].quantity"},
		{[]capacity.Delivery{{OrderID: "ORD-1", Slot: s1, Quantity: 10}, {OrderID: "ORD-1", Slot: s1, Quantity: 41}}, "deliveries[1].quantity"},
		{[]capacity.Delivery{{OrderID: "ORD-1", Slot: s1, Quantity: -1}}, "deliveries[0].quantity"},
		{[]capacity.Delivery{{OrderID: "ORD-1", Slot: capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(5)}, Quantity: 1}}, "deliveries[0].slot"},
		{[]capacity.Delivery{{OrderID: "ORD-9", Slot: s1, Quantity: 1}}, "deliveries[0].slot"},
		{[]capacity.Delivery{{Slot: s1, Quantity: 1}}, "deliveries[0].order_id"},
	} {
		_, err := l.Deliver(ctx, "ORD-1", tt.give, t0)
		require.ErrorIs(t, err, capacity.ErrInvalid, tt.field)
		requireField(t, err, tt.field)
	}
	_, err = l.Deliver(ctx, "nope", nil, t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged")
}

func TestRebookMovesShortfall(t *testing.T) {
	l := fresh()
	ps := ws(100, 100, 100)
	o := capOrd("ORD-1", 500)
	o.Due = batik.MustParseDate("2027-01-11") // W02 on time: up to W01
	r := capacity.BookRequest{Key: "ORD-1", Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 2, Policy: capacity.LowestCost}
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	// LowestCost: A 200 (W49, W50), B 200, C 100 in W49.
	require.Len(t, b.Lines, 5)
	// A delivers 70 of its 100 in W49; C delivers all; B delivers 100.
	_, err = l.Deliver(ctx, "ORD-1", []capacity.Delivery{
		{OrderID: "ORD-1", Slot: b.Lines[0].Slot, Quantity: 70},
		{OrderID: "ORD-1", Slot: b.Lines[2].Slot, Quantity: 100},
		{OrderID: "ORD-1", Slot: b.Lines[4].Slot, Quantity: 100},
	}, t0)
	require.NoError(t, err)
	unchanged, err := l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, t0)
	require.NoError(t, err)
	assert.EqualValues(t, 2, unchanged.Version, "nothing is late in W49 itself")

	later := t0.AddDate(0, 0, 7) // Tuesday of W50
	rb, err := l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, later)
	require.NoError(t, err)
	got := map[string]int{}
	moved := 0
	for _, ln := range rb.Lines {
		got[ln.Slot.String()] = ln.Quantity
		if !ln.Week.Before(w49.Add(1)) && ln.ProducerID != "A" && !(ln.ProducerID == "B" && ln.Week == w49.Add(1)) {
			moved += ln.Quantity
		}
	}
	assert.Equal(t, 70, got["A/cap/2026-W49"], "cut to what A delivered")
	assert.Equal(t, 100, got["A/cap/2026-W50"], "A's later line stays")
	assert.Equal(t, 100, got["B/cap/2026-W49"])
	assert.Equal(t, 100, got["B/cap/2026-W50"])
	assert.Equal(t, 100, got["C/cap/2026-W49"])
	assert.Equal(t, 30, moved, "the 30 moved to B and C from W50 on, on time for the due date")
	for _, ln := range rb.Lines {
		assert.False(t, ln.Week.Sunday().After(batik.MustParseDate("2027-01-10")), "on time: %s", ln.Slot)
	}
	assert.Empty(t, rb.Unfilled)
	m := slotSums(t, l, ps, 8, later)
	assert.Equal(t, [2]int{70, 100}, m["A/cap/2026-W49"])
	for k, v := range m {
		assert.LessOrEqual(t, v[0], v[1], k)
	}

	// Nothing on time any more: the undelivered pieces of every ended week go to Unfilled.
	late := batik.MustParseDate("2027-01-25").In(wib) // W04
	undelivered := 0
	for _, ln := range rb.Lines {
		undelivered += ln.Quantity - ln.Delivered
	}
	rb, err = l.Rebook(ctx, "ORD-1", []batik.Order{o}, ps, late)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-1": undelivered}, rb.Unfilled)
	for _, ln := range rb.Lines {
		assert.Equal(t, ln.Delivered, ln.Quantity)
	}
	m = slotSums(t, l, ps, 8, late)
	assert.Equal(t, [2]int{70, 100}, m["A/cap/2026-W49"])
	assert.Equal(t, [2]int{0, 100}, m["A/cap/2026-W50"])

	_, err = l.Rebook(ctx, "ORD-1", nil, ps, late.AddDate(0, 0, 7))
	require.NoError(t, err, "no late line left to move")
}
