package pgstore

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

func TestCanceledContext(t *testing.T) {
	s, _ := testStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 100, slot("A", w1)))
	require.ErrorIs(t, err, context.Canceled)
	_, err = s.Booking(context.Background(), "K1", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
}

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

// bookingOf returns a change inserting a hold of one piece in each of
// producers x weeks slots (IDs P000..., weeks from w1), 30 producers.
func bookingOf(key string, lines int) capacity.Change {
	var slots []capacity.Slot
	for i := range lines {
		slots = append(slots, slot(fmt.Sprintf("P%03d", i%30), w1.Add(i/30)))
	}
	return hold(key, t0, t0.Add(time.Hour), 1, 10, slots...)
}

// TestCommitStatements pins what a commit sends, whatever its size: a
// booking of 30 and of 3,000 lines is inserted, confirmed and cancelled
// with the same statements, in three round trips each, and no statement
// has a NOT IN (a NOT IN over arrays made a confirm of 62,400 lines take
// minutes).
func TestCommitStatements(t *testing.T) {
	c := &counter{}
	dsn := testDSN(t)
	pool := tracedPool(t, dsn, 1, c) // one connection: its statements are prepared once
	schema := randomSchema(t)
	require.NoError(t, Migrate(context.Background(), pool, schema))
	dropSchemaAtEnd(t, dsn, schema)
	s := New(pool, Options{Schema: schema})
	ctx := context.Background()
	type sent struct{ statements, roundTrips int64 }
	run := func(key string, lines int) []sent {
		var out []sent
		measure := func(ch capacity.Change) capacity.Booking {
			c.take()
			b, err := s.Commit(ctx, ch)
			require.NoError(t, err)
			st, rt := c.take()
			out = append(out, sent{st, rt})
			return b
		}
		b := measure(bookingOf(key, lines))
		require.Len(t, b.Lines, lines)
		b = measure(transition(b, capacity.Confirmed, t0.Add(time.Minute), 10))
		measure(transition(b, capacity.Cancelled, t0.Add(2*time.Minute), 10))
		return out
	}
	run("warm", 30) // prepares the statements on the connection
	small, large := run("small", 30), run("large", 3000)
	assert.Equal(t, small, large, "the same statements for 30 and 3,000 lines")
	// A confirm or cancel creates no slot rows: its lines' slots exist.
	assert.Equal(t, []sent{{15, 3}, {11, 3}, {11, 3}}, small, "insert, confirm, cancel")
	assert.Zero(t, c.notIn.Load())
	t.Logf("insert, confirm, cancel: %+v", small)
}

// TestConfirmLargeBooking: a booking of 601 producers x 104 weeks (62,504
// lines, a 66 KB request) is booked, confirmed and cancelled with every
// statement within a 30 s statement timeout (about 1 s each here): each
// is linear in the lines (with NOT IN over arrays the confirm ran over
// 160 s, and the timeout would end it).
func TestConfirmLargeBooking(t *testing.T) {
	if testing.Short() {
		t.Skip("a 62,504-line booking: skipped with -short")
	}
	s, pool := testStore(t)
	s = New(pool, Options{Schema: s.Schema(), StatementTimeout: 30 * time.Second})
	ctx := context.Background()
	var slots []capacity.Slot
	for p := range 601 {
		for w := range 104 {
			slots = append(slots, slot(fmt.Sprintf("L%03d", p), w1.Add(w)))
		}
	}
	start := time.Now()
	b, err := s.Commit(ctx, hold("large", t0, t0.Add(time.Hour), 1, 10, slots...))
	require.NoError(t, err)
	booked := time.Since(start)
	b, err = s.Commit(ctx, transition(b, capacity.Confirmed, t0.Add(time.Minute), 10))
	require.NoError(t, err)
	confirmed := time.Since(start) - booked
	_, err = s.Commit(ctx, transition(b, capacity.Cancelled, t0.Add(2*time.Minute), 10))
	require.NoError(t, err)
	t.Logf("62,504 lines: booked in %v, confirmed in %v, cancelled in %v", booked, confirmed, time.Since(start)-booked-confirmed)
	requireConsistent(t, pool, s.Schema())
}

// TestGroupCommit: commits that arrive while a batch is in the database
// are written in one transaction, each answered alone: two that fit
// succeed, one that does not fit fails with ErrNoRoom, a key taken gets
// ErrExists and a stale version ErrStale, and nothing of the refused ones
// is recorded.
func TestGroupCommit(t *testing.T) {
	c := &counter{}
	dsn := testDSN(t)
	pool := tracedPool(t, dsn, 8, c)
	schema := randomSchema(t)
	require.NoError(t, Migrate(context.Background(), pool, schema))
	dropSchemaAtEnd(t, dsn, schema)
	s := New(pool, Options{Schema: schema})
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("first", t0, t0.Add(time.Hour), 1, 10, slot("G", w1)))
	require.NoError(t, err)

	// Hold the slot's row from outside: the next commit's batch waits for
	// it, and the commits after it queue.
	blocker, err := pool.Begin(ctx)
	require.NoError(t, err)
	_, err = blocker.Exec(ctx, "SELECT 1 FROM "+schema+".slots WHERE producer_id = 'G' FOR UPDATE")
	require.NoError(t, err)
	results := map[string]error{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	commit := func(key string, ch capacity.Change) {
		wg.Go(func() {
			_, err := s.Commit(ctx, ch)
			mu.Lock()
			results[key] = err
			mu.Unlock()
		})
	}
	commit("lead", hold("lead", t0, t0.Add(time.Hour), 1, 10, slot("G", w1)))
	require.Eventually(t, func() bool { return waiting(t, pool, "Lock") > 0 }, 10*time.Second, 10*time.Millisecond)
	c.take()
	c.transactions.Store(0)
	stale := hold("first", t0, t0.Add(time.Hour), 1, 10, slot("G", w1))
	stale.Expect = 7
	commit("a", hold("a", t0, t0.Add(time.Hour), 5, 10, slot("G", w1)))
	commit("b", hold("b", t0, t0.Add(time.Hour), 5, 10, slot("G", w1)))
	commit("exists", hold("first", t0, t0.Add(time.Hour), 1, 10, slot("G", w1)))
	commit("stale", stale)
	require.Eventually(t, func() bool {
		s.group.mu.Lock()
		defer s.group.mu.Unlock()
		return len(s.group.queue) == 4
	}, 10*time.Second, time.Millisecond, "the four wait behind the first batch")
	require.NoError(t, blocker.Commit(ctx))
	wg.Wait()

	require.NoError(t, results["lead"])
	require.ErrorIs(t, results["exists"], capacity.ErrExists)
	require.ErrorIs(t, results["stale"], capacity.ErrStale)
	ok, full := 0, 0
	for _, k := range []string{"a", "b"} {
		switch err := results[k]; {
		case err == nil:
			ok++
		case errors.Is(err, capacity.ErrNoRoom):
			full++
			_, err := s.Booking(ctx, k, t0)
			require.ErrorIs(t, err, capacity.ErrNotFound, "a refused commit records nothing")
		default:
			t.Errorf("%s: %v", k, err)
		}
	}
	assert.Equal(t, 1, ok, "the first of a and b fits (1 + 1 + 5 of 10)")
	assert.Equal(t, 1, full, "the second does not")
	assert.EqualValues(t, 1, c.transactions.Load(), "the four queued commits shared one transaction")
	assert.Equal(t, 7, usage(t, s, "G")[slot("G", w1)].Held)
	requireConsistent(t, pool, schema)
}

// waiting counts the backends of the test database waiting on events of
// the type (besides the asking one).
func waiting(t *testing.T, pool *pgxpool.Pool, eventType string) int {
	var n int
	require.NoError(t, pool.QueryRow(context.Background(), `SELECT count(*) FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = $1`, eventType).Scan(&n))
	return n
}

// usage returns the slots of producer p in weeks w1 .. w1+8 at t0.
func usage(t *testing.T, s *Store, p string) map[capacity.Slot]capacity.SlotUsage {
	t.Helper()
	us, err := s.Usage(context.Background(), capacity.SlotQuery{ProducerIDs: []string{p}, From: w1, To: w1.Add(8)}, t0)
	require.NoError(t, err)
	m := map[capacity.Slot]capacity.SlotUsage{}
	for _, u := range us {
		m[u.Slot] = u
	}
	return m
}

// TestCommitYearsInUTC: the year limit of a time is judged in UTC, by
// capacity's rule, as the memory store judges it: 9999-12-31T23:59-14:00
// (the year 10000 in UTC) is refused, 9999-12-31T23:59+14:00 is taken
// and reads back as the same instant.
func TestCommitYearsInUTC(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	late := time.Date(9999, 12, 31, 23, 59, 0, 0, time.FixedZone("-14", -14*3600))
	c := hold("Y1", t0, late, 1, 10, slot("Y", w1))
	_, err := s.Commit(ctx, c)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Equal(t, c.Validate(), err, "capacity's rule")
	early := time.Date(9999, 12, 31, 23, 59, 0, 0, time.FixedZone("+14", 14*3600))
	_, err = s.Commit(ctx, hold("Y2", t0, early, 1, 10, slot("Y", w1)))
	require.NoError(t, err)
	b, err := s.Booking(ctx, "Y2", t0)
	require.NoError(t, err)
	assert.True(t, b.HoldUntil.Equal(early), "%s", b.HoldUntil)
}

// TestCommitTextColumns: an actor or a delivery call a text column
// cannot hold (a NUL byte, bytes that are not UTF-8) is refused by
// capacity's rules on a change, before any round trip, and nothing is
// recorded.
func TestCommitTextColumns(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	c := hold("TX", t0, t0.Add(time.Hour), 1, 10, slot("TX", w1))
	c.Actor = "ani\x00"
	_, err := s.Commit(ctx, c)
	var ie *capacity.InputError
	require.ErrorAs(t, err, &ie)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Equal(t, "actor", ie.Field)
	c.Actor, c.Call = "", &capacity.DeliveryCall{Key: "k\xff"}
	_, err = s.Commit(ctx, c)
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "call.key", ie.Field)
	_, err = s.Booking(ctx, "TX", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
}
