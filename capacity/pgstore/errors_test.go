package pgstore

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsWrapSentinels walks the errors the package returns before any
// round trip: a change's are capacity's own (Change.Validate, the one set
// of rules), in capacity's shape; the schema's and the pool's are the
// package's *Error. (The ones that need a server, ErrConnect, ErrClosed,
// ErrConnection, ErrSchema for a newer or missing schema, are in
// TestBadDSN, TestPoolClosedMidCall, TestConnectionLoss and
// TestMigrateIdempotentAndVersioned.)
func TestErrorsWrapSentinels(t *testing.T) {
	// A pool that never connects: nothing below may reach it.
	pool, err := pgxpool.New(context.Background(), "host=/nonexistent/batikkit dbname=x user=x connect_timeout=1")
	require.NoError(t, err)
	defer pool.Close()
	s := New(pool, Options{})
	ctx := context.Background()
	ok := hold("K", t0, t0.Add(time.Hour), 5, 10, slot("A", w1))
	mod := func(f func(*capacity.Change)) capacity.Change {
		c := ok
		c.Booking.Lines = append([]capacity.BookingLine(nil), ok.Booking.Lines...)
		c.Deltas = append([]capacity.SlotDelta(nil), ok.Deltas...)
		f(&c)
		return c
	}
	tests := []struct {
		name string
		give capacity.Change
		want error
	}{
		{"empty key", mod(func(c *capacity.Change) { c.Booking.Key = "" }), capacity.ErrInvalid},
		{"negative expect", mod(func(c *capacity.Change) { c.Expect = -1 }), capacity.ErrInvalid},
		{"expect at the limit", mod(func(c *capacity.Change) { c.Expect = math.MaxInt64 }), capacity.ErrOverflow},
		{"no state", mod(func(c *capacity.Change) { c.Booking.State = 0 }), capacity.ErrInvalid},
		{"hold without expiry", mod(func(c *capacity.Change) { c.Booking.HoldUntil = time.Time{} }), capacity.ErrInvalid},
		{"zero now", mod(func(c *capacity.Change) { c.Now = time.Time{} }), capacity.ErrInvalid},
		{"capacity above int32", mod(func(c *capacity.Change) { c.Deltas[0].Capacity = math.MaxInt32 + 1 }), capacity.ErrInvalid},
		{"negative capacity", mod(func(c *capacity.Change) { c.Deltas[0].Capacity = -1 }), capacity.ErrInvalid},
		{"huge delta", mod(func(c *capacity.Change) { c.Deltas[0].Confirmed = math.MaxInt32 + 1 }), capacity.ErrOverflow},
		{"held by a confirmed booking", mod(func(c *capacity.Change) { c.Booking.State = capacity.Confirmed }), capacity.ErrInvalid},
		{"slot twice", mod(func(c *capacity.Change) { c.Deltas = append(c.Deltas, c.Deltas[0]) }), capacity.ErrInvalid},
		{"slot twice, apart", mod(func(c *capacity.Change) {
			c.Deltas = append(c.Deltas, capacity.SlotDelta{Slot: slot("0", w1), Capacity: 1}, c.Deltas[0])
		}), capacity.ErrInvalid},
		{"zero week", mod(func(c *capacity.Change) { c.Deltas[0].Week = capacity.Week{} }), capacity.ErrInvalid},
		{"no producer", mod(func(c *capacity.Change) { c.Deltas[0].ProducerID = "" }), capacity.ErrInvalid},
		{"line without order", mod(func(c *capacity.Change) { c.Booking.Lines[0].OrderID = "" }), capacity.ErrInvalid},
		{"delivered above quantity", mod(func(c *capacity.Change) { c.Booking.Lines[0].Delivered = 6 }), capacity.ErrInvalid},
		{"zero quantity", mod(func(c *capacity.Change) { c.Booking.Lines[0].Quantity = 0 }), capacity.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Commit(ctx, tt.give)
			require.ErrorIs(t, err, tt.want)
			var ie *capacity.InputError
			require.ErrorAs(t, err, &ie, "capacity's shape")
			assert.Equal(t, tt.give.Validate(), err, "capacity's rule, unchanged")
		})
	}

	for _, e := range []capacity.CalendarEntry{
		{Week: w1, Capacity: 1},
		{ProducerID: "A", Capacity: 1},
		{ProducerID: "A", Week: w1, Capacity: -1},
		{ProducerID: "A", Week: w1, Capacity: math.MaxInt32 + 1},
		{ProducerID: "A", Technique: batik.Technique("ikat"), Week: w1, Capacity: 1},
	} {
		require.ErrorIs(t, s.SetCalendar(ctx, e, t0), capacity.ErrInvalid, "%+v", e)
	}
	for _, q := range []capacity.SlotQuery{{To: w1}, {From: w1}, {From: w2, To: w1}} {
		_, err := s.Usage(ctx, q, t0)
		require.ErrorIs(t, err, capacity.ErrInvalid, "%+v", q)
		_, err = s.Calendar(ctx, q)
		require.ErrorIs(t, err, capacity.ErrInvalid, "%+v", q)
	}

	// A cancelled context: the context's error, no round trip.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	_, err = s.Commit(cctx, ok)
	require.ErrorIs(t, err, context.Canceled)
}

// TestUnusableStore: a bad schema name, or no pool, is reported by every
// method, without a round trip.
func TestUnusableStore(t *testing.T) {
	pool, err := pgxpool.New(context.Background(), "host=/nonexistent/batikkit dbname=x user=x connect_timeout=1")
	require.NoError(t, err)
	defer pool.Close()
	ctx := context.Background()
	ok := hold("K", t0, t0.Add(time.Hour), 5, 10, slot("A", w1))
	// A bad schema name, and a nil pool, on every method.
	for _, bad := range []*Store{New(pool, Options{Schema: "No-Good"}), New(nil, Options{})} {
		want := ErrSchema
		if bad.pool == nil {
			want = ErrConnect
		}
		_, err := bad.Commit(ctx, ok)
		require.ErrorIs(t, err, want)
		_, err = bad.Booking(ctx, "K", t0)
		require.ErrorIs(t, err, want)
		_, err = bad.Bookings(ctx, capacity.BookingFilter{}, t0)
		require.ErrorIs(t, err, want)
		_, err = bad.Usage(ctx, capacity.SlotQuery{From: w1, To: w1}, t0)
		require.ErrorIs(t, err, want)
		require.ErrorIs(t, bad.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1}, t0), want)
		_, err = bad.Calendar(ctx, capacity.SlotQuery{From: w1, To: w1})
		require.ErrorIs(t, err, want)
		_, err = bad.History(ctx, "K")
		require.ErrorIs(t, err, want)
		_, err = bad.DeliveryCall(ctx, "K", "c")
		require.ErrorIs(t, err, want)
		_, err = bad.Sweep(ctx, t0, t0, 1, "")
		require.ErrorIs(t, err, want)
	}
	var se *Error
	require.ErrorAs(t, New(pool, Options{Schema: "1x"}).err, &se)
	assert.Equal(t, `"1x"`, se.Value)

}
