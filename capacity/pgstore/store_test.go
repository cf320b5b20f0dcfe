package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	t0 = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	w1 = capacity.MustParseWeek("2026-W50")
	w2 = capacity.MustParseWeek("2026-W51")
)

func slot(p string, w capacity.Week) capacity.Slot {
	return capacity.Slot{ProducerID: p, Technique: batik.Cap, Week: w}
}

// hold returns a change inserting a held booking of q pieces in each slot.
func hold(key string, now, until time.Time, q, capa int, slots ...capacity.Slot) capacity.Change {
	b := capacity.Booking{Key: key, State: capacity.Held, HoldUntil: until, Request: "req-" + key,
		Unfilled: map[string]int{}, Created: now, Updated: now}
	var ds []capacity.SlotDelta
	for _, s := range slots {
		b.Lines = append(b.Lines, capacity.BookingLine{OrderID: "O-" + key, Slot: s, Quantity: q, UnitCost: decimal.NewFromInt(15000)})
		ds = append(ds, capacity.SlotDelta{Slot: s, Capacity: capa, Held: q})
	}
	return capacity.Change{Now: now, Booking: b, Deltas: ds}
}

// transition returns the change moving b to state st (confirm, cancel).
func transition(b capacity.Booking, st capacity.State, now time.Time, capa int) capacity.Change {
	c := capacity.Change{Now: now, Expect: b.Version, Booking: b}
	c.Booking.State, c.Booking.Updated = st, now
	if st != capacity.Held {
		c.Booking.HoldUntil = time.Time{}
	}
	for _, l := range b.Lines {
		d := capacity.SlotDelta{Slot: l.Slot, Capacity: capa}
		switch {
		case b.State == capacity.Held && st == capacity.Confirmed:
			d.Held, d.Confirmed = -l.Quantity, l.Quantity
		case b.State == capacity.Held && st == capacity.Cancelled:
			d.Held = -l.Quantity
		case b.State == capacity.Confirmed && st == capacity.Cancelled:
			d.Confirmed, d.Delivered = -l.Quantity, -l.Delivered
		}
		c.Deltas = append(c.Deltas, d)
	}
	return c
}

func TestCommitReadBack(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	c := hold("K1", t0, t0.Add(time.Hour), 30, 100, slot("A", w1), slot("A", w2))
	c.Booking.Unfilled = map[string]int{"O-K1": 5}
	got, err := s.Commit(ctx, c)
	require.NoError(t, err)
	assert.Equal(t, int64(1), got.Version)
	read, err := s.Booking(ctx, "K1", t0)
	require.NoError(t, err)
	assert.Equal(t, got, read)
	assert.Equal(t, capacity.Held, read.State)
	assert.Equal(t, map[string]int{"O-K1": 5}, read.Unfilled)
	require.Len(t, read.Lines, 2)
	assert.True(t, read.Lines[0].UnitCost.Equal(decimal.NewFromInt(15000)))

	u, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, t0)
	require.NoError(t, err)
	require.Len(t, u, 2)
	assert.Equal(t, capacity.SlotUsage{Slot: slot("A", w1), Held: 30, Capacity: 100, Recorded: true}, u[0])

	// Same key again: ErrExists with the stored booking.
	again, err := s.Commit(ctx, c)
	require.ErrorIs(t, err, capacity.ErrExists)
	assert.Equal(t, read, again)

	// Confirm, then a stale version.
	conf, err := s.Commit(ctx, transition(read, capacity.Confirmed, t0.Add(time.Minute), 100))
	require.NoError(t, err)
	assert.Equal(t, int64(2), conf.Version)
	_, err = s.Commit(ctx, transition(read, capacity.Cancelled, t0.Add(time.Minute), 100))
	require.ErrorIs(t, err, capacity.ErrStale)
	u, err = s.Usage(ctx, capacity.SlotQuery{From: w1, To: w1}, t0)
	require.NoError(t, err)
	assert.Equal(t, 0, u[0].Held)
	assert.Equal(t, 30, u[0].Confirmed)

	// Unknown key.
	_, err = s.Booking(ctx, "nope", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	ch := transition(conf, capacity.Cancelled, t0, 100)
	ch.Booking.Key = "nope"
	_, err = s.Commit(ctx, ch)
	require.ErrorIs(t, err, capacity.ErrNotFound)

	bs, err := s.Bookings(ctx, capacity.BookingFilter{ProducerID: "A"}, t0)
	require.NoError(t, err)
	require.Len(t, bs.Bookings, 1)
	bs, err = s.Bookings(ctx, capacity.BookingFilter{OrderID: "O-other"}, t0)
	require.NoError(t, err)
	assert.Empty(t, bs.Bookings)
}

func TestNoRoomChangesNothing(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 60, 100, slot("A", w1)))
	require.NoError(t, err)
	_, err = s.Commit(ctx, hold("K2", t0, t0.Add(time.Hour), 30, 100, slot("A", w2), slot("B", w1)))
	require.NoError(t, err)
	// K3 fits in A/w2 but not in A/w1: nothing of it is written.
	_, err = s.Commit(ctx, hold("K3", t0, t0.Add(time.Hour), 41, 100, slot("A", w1), slot("A", w2)))
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	_, err = s.Booking(ctx, "K3", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	u, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, t0)
	require.NoError(t, err)
	require.Len(t, u, 3)
	assert.Equal(t, []int{60, 30, 30}, []int{u[0].Held, u[1].Held, u[2].Held})
}

func TestExpiredHoldsReleased(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 80, 100, slot("A", w1), slot("A", w2)))
	require.NoError(t, err)
	later := t0.Add(2 * time.Hour)
	b, err := s.Booking(ctx, "K1", later)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State)
	u, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, later)
	require.NoError(t, err)
	assert.Equal(t, 0, u[0].Held)
	// Room only exists once the expired hold is released: Commit does it,
	// on every slot of the expired booking.
	_, err = s.Commit(ctx, hold("K2", later, later.Add(time.Hour), 90, 100, slot("A", w1)))
	require.NoError(t, err)
	u, err = s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, t0) // read at the old clock: K1 is rewritten for good
	require.NoError(t, err)
	assert.Equal(t, []int{90, 0}, []int{u[0].Held, u[1].Held})
	b, err = s.Booking(ctx, "K1", t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State)
}

func TestCalendar(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 40, 100, slot("A", w1)))
	require.NoError(t, err)
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: 30}, t0)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: 50}, t0))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Tulis, Week: w1, Capacity: 0}, t0))
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: -1}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	cal, err := s.Calendar(ctx, capacity.SlotQuery{From: w1, To: w2})
	require.NoError(t, err)
	require.Len(t, cal, 2)
	assert.Equal(t, batik.Technique(""), cal[0].Technique)
	assert.Equal(t, 0, cal[1].Capacity)
	u, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, t0)
	require.NoError(t, err)
	assert.Equal(t, 50, u[0].Capacity)
}

func TestCanceledContext(t *testing.T) {
	s, _ := testStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 100, slot("A", w1)))
	require.ErrorIs(t, err, context.Canceled)
	_, err = s.Booking(context.Background(), "K1", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
}

// TestCalendarRacesCommit closes weeks with SetCalendar while commits book
// into the same, new, slots: never both succeed, whichever comes first.
func TestCalendarRacesCommit(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	both := 0
	for i := range 40 {
		wk := w1.Add(i)
		var calErr, comErr error
		var wg sync.WaitGroup
		wg.Go(func() {
			calErr = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "RACE", Week: wk, Capacity: 0}, t0)
		})
		wg.Go(func() {
			_, comErr = s.Commit(ctx, hold(fmt.Sprintf("race-%d", i), t0, t0.Add(time.Hour), 5, 100, slot("RACE", wk)))
		})
		wg.Wait()
		if calErr == nil && comErr == nil {
			both++
		}
		if calErr != nil {
			require.ErrorIs(t, calErr, capacity.ErrNoRoom)
		}
		if comErr != nil {
			require.ErrorIs(t, comErr, capacity.ErrNoRoom)
		}
	}
	assert.Zero(t, both, "a week closed and booked at once")
	requireConsistent(t, pool, s.Schema())
}

// TestCommitRefusesWhatTablesCannotHold: a unit cost beyond numeric's
// digits and a time outside the years 1 to 9999 are refused with
// ErrInvalid before any round trip, not as a server error.
func TestCommitRefusesWhatTablesCannotHold(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	for name, breakIt := range map[string]func(c *capacity.Change){
		"20,000 decimal places":  func(c *capacity.Change) { c.Booking.Lines[0].UnitCost = decimal.New(1, -20000) },
		"200,000 integer digits": func(c *capacity.Change) { c.Booking.Lines[0].UnitCost = decimal.New(1, 200000) },
		"hold until year 300000": func(c *capacity.Change) {
			c.Booking.HoldUntil = time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC)
		},
		"created in year 0": func(c *capacity.Change) { c.Booking.Created = time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC) },
	} {
		c := hold("TC-"+name, t0, t0.Add(time.Hour), 1, 10, slot("TC", w1))
		breakIt(&c)
		_, err := s.Commit(ctx, c)
		require.ErrorIs(t, err, capacity.ErrInvalid, name)
		var pe *pgconn.PgError
		assert.False(t, errors.As(err, &pe), "%s: %v", name, err)
	}
}
