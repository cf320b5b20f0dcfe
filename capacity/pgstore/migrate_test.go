package pgstore

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSchemaNames(t *testing.T) {
	tests := []struct {
		give string
		ok   bool
	}{
		{"batikkit", true}, {"_x1", true}, {"a_b_9", true}, {strings.Repeat("a", 63), true},
		{"", false}, {"1abc", false}, {"Batik", false}, {"a-b", false}, {`a"b`, false},
		{"a;drop", false}, {strings.Repeat("a", 64), false}, {"pg_temp", false}, {"pg_catalog", false},
		{"information_schema", false}, {"public", false},
	}
	for _, tt := range tests {
		err := checkSchema(tt.give, false)
		if tt.ok {
			assert.NoError(t, err, tt.give)
		} else {
			assert.ErrorIs(t, err, ErrSchema, tt.give)
		}
	}
	// public only when asked for; the reserved names never.
	assert.NoError(t, checkSchema("public", true))
	require.ErrorIs(t, checkSchema("information_schema", true), ErrSchema)
	var e *Error
	require.ErrorAs(t, Migrate(context.Background(), nil, "public"), &e)
	assert.Equal(t, "schema_public", e.Code)
	require.ErrorAs(t, Migrate(context.Background(), nil, "information_schema"), &e)
	assert.Equal(t, "schema_reserved", e.Code)
	require.ErrorAs(t, Migrate(context.Background(), nil, "pg_toast"), &e)
	assert.Equal(t, "schema_reserved", e.Code)
	require.ErrorIs(t, MigrateWith(context.Background(), nil, Options{Schema: "public", AllowPublic: true}), ErrConnect,
		"the name passes; the missing pool does not")
	require.ErrorIs(t, New(nil, Options{Schema: "public"}).err, ErrSchema)
	// New reports a bad name on every call, without a round trip.
	s := New(nil, Options{Schema: "Bad Name"})
	_, err := s.Booking(context.Background(), "k", t0)
	require.ErrorIs(t, err, ErrSchema)
	require.ErrorIs(t, Migrate(context.Background(), nil, "Bad"), ErrSchema)
}

func TestMigrateIdempotentAndVersioned(t *testing.T) {
	dsn := testDSN(t)
	pool := newPool(t, dsn, 4)
	ctx := context.Background()
	schema := randomSchema(t)
	dropSchemaAtEnd(t, dsn, schema)

	// Four migrations at once (replicas starting together): one creates,
	// the others find it done.
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- Migrate(ctx, pool, schema) }()
	}
	for range 4 {
		require.NoError(t, <-errs)
	}
	require.NoError(t, Migrate(ctx, pool, schema))
	have, want, err := SchemaVersion(ctx, pool, schema)
	require.NoError(t, err)
	assert.Equal(t, want, have)
	assert.Equal(t, 5, want)

	// A store works on it.
	s := New(pool, Options{Schema: schema})
	_, err = s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 10, slot("A", w1)))
	require.NoError(t, err)
	require.NoError(t, Migrate(ctx, pool, schema)) // still idempotent with data
	_, err = s.Booking(ctx, "K1", t0)
	require.NoError(t, err)

	// A newer schema is refused, not downgraded.
	_, err = pool.Exec(ctx, "UPDATE "+pgx.Identifier{schema}.Sanitize()+".schema_version SET version = 99")
	require.NoError(t, err)
	err = Migrate(ctx, pool, schema)
	require.ErrorIs(t, err, ErrSchema)
	var se *Error
	require.ErrorAs(t, err, &se)
	assert.Equal(t, "schema_newer", se.Code)
	assert.Equal(t, []string{"99", "5"}, se.Args)
	have, _, err = SchemaVersion(ctx, pool, schema)
	require.NoError(t, err)
	assert.Equal(t, 99, have)
}

func TestStoreWithoutMigrate(t *testing.T) {
	dsn := testDSN(t)
	pool := newPool(t, dsn, 2)
	s := New(pool, Options{Schema: randomSchema(t)})
	_, err := s.Booking(context.Background(), "k", t0)
	require.ErrorIs(t, err, ErrSchema)
	assert.Contains(t, err.Error(), "Migrate")
}

func TestBadDSN(t *testing.T) {
	dsn := testDSN(t)
	cfg, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	cfg.ConnConfig.Database = "batikkit_no_such_database"
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg) // lazy: connects on first use
	require.NoError(t, err)
	defer pool.Close()
	err = Migrate(context.Background(), pool, "")
	require.ErrorIs(t, err, ErrConnect)
	assert.Contains(t, err.Error(), "batikkit_no_such_database")

	s := New(pool, Options{MaxRetries: 2})
	_, err = s.Commit(context.Background(), hold("K1", t0, t0.Add(time.Hour), 1, 10, slot("A", w1)))
	require.Error(t, err)
	require.ErrorIs(t, err, ErrConnect)
	t.Log(err)

	// Nothing listens on this socket directory.
	cfg2, err := pgxpool.ParseConfig("host=/nonexistent/batikkit dbname=x user=postgres connect_timeout=2")
	require.NoError(t, err)
	pool2, err := pgxpool.NewWithConfig(context.Background(), cfg2)
	require.NoError(t, err)
	defer pool2.Close()
	err = Migrate(context.Background(), pool2, "")
	require.ErrorIs(t, err, ErrConnect)
	t.Log(err)
}

func TestPoolClosedMidCall(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 10, slot("A", w1)))
	require.NoError(t, err)

	// Close the pool while calls are in flight: each either succeeds
	// whole or fails with an error; afterwards every call fails with
	// ErrClosed and nothing is half-written.
	done := make(chan error, 64)
	for i := range 64 {
		go func() {
			key := "P" + string(rune('A'+i%26)) + string(rune('a'+i/26))
			_, err := s.Commit(ctx, hold(key, t0, t0.Add(time.Hour), 1, 1000, slot("A", w1), slot("B", w1)))
			done <- err
		}()
	}
	time.Sleep(5 * time.Millisecond)
	pool.Close()
	ok := 0
	for range 64 {
		switch err := <-done; {
		case err == nil:
			ok++
		case !errors.Is(err, ErrClosed) && !errors.Is(err, ErrConnection) && !errors.Is(err, ErrConnect):
			t.Errorf("commit during pool close: %v", err)
		}
	}
	_, err = s.Booking(ctx, "K1", t0)
	require.ErrorIs(t, err, ErrClosed)
	t.Logf("%d of 64 commits succeeded before the pool closed", ok)

	check := newPool(t, testDSN(t), 2)
	s2 := New(check, Options{Schema: s.Schema()})
	bs, err := s2.Bookings(ctx, capacity.BookingFilter{}, t0)
	require.NoError(t, err)
	assert.Equal(t, ok+1, len(bs.Bookings))
	requireConsistent(t, check, s.Schema())
}

// TestReservedWordSchema: a schema named like an SQL keyword works, since
// every statement quotes the name.
func TestReservedWordSchema(t *testing.T) {
	dsn := testDSN(t)
	pool := newPool(t, dsn, 2)
	ctx := context.Background()
	dropSchemaAtEnd(t, dsn, "select")
	require.NoError(t, Migrate(ctx, pool, "select"))
	have, want, err := SchemaVersion(ctx, pool, "select")
	require.NoError(t, err)
	assert.Equal(t, want, have)
	s := New(pool, Options{Schema: "select"})
	_, err = s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 10, slot("A", w1)))
	require.NoError(t, err)
	us, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w1}, t0)
	require.NoError(t, err)
	assert.Len(t, us, 1)
}

// TestMigrateFromVersion1: a schema left at version 1 with a hold in it is
// brought to version 2; the hold reads back as it was (to the
// microsecond, as version 1 kept it) and expires then.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	until := t0.Add(time.Hour + time.Microsecond)
	pool, schema := schemaAt(t, 1)
	_, err := pool.Exec(ctx, "INSERT INTO "+pgx.Identifier{schema}.Sanitize()+`.bookings (key, state, hold_until, request, unfilled, version, created, updated, has_lines)
		VALUES ('K1', 'held', $1, 'r', '{"O-1": 5}', 1, $2, $2, false)`, until, t0)
	require.NoError(t, err)

	require.NoError(t, Migrate(ctx, pool, schema))
	have, want, err := SchemaVersion(ctx, pool, schema)
	require.NoError(t, err)
	assert.Equal(t, want, have)
	s := New(pool, Options{Schema: schema})
	b, err := s.Booking(ctx, "K1", until.Add(-time.Nanosecond))
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, b.State)
	assert.True(t, b.HoldUntil.Equal(until), "%s", b.HoldUntil)
	b, err = s.Booking(ctx, "K1", until)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State)
	bs, err := s.Bookings(ctx, capacity.BookingFilter{OrderID: "O-1"}, until)
	require.NoError(t, err)
	require.Len(t, bs.Bookings, 1, "an order only in Unfilled")
}

// TestMigrateFromVersion2: bookings made before version 3 keep their
// record: their orders are derived from their lines and unfilled pieces
// (without a reason), skipped is empty, the canonical request NULL (a
// replay is matched by the hash alone), the history empty; a change to
// them is logged from then on.
func TestMigrateFromVersion2(t *testing.T) {
	ctx := context.Background()
	pool, schema := schemaAt(t, 2,
		"INSERT INTO S.slots (producer_id, technique, week, capacity, confirmed) VALUES ('A', 'cap', '2026-W50', 10, 7), ('A', 'cap', '2026-W51', 10, 2)",
		`INSERT INTO S.bookings (key, state, request, unfilled, version, created, updated, has_lines)
			VALUES ('K2', 'confirmed', 'r', '{"O-2": 3, "O-3": 4}', 1, '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z', true)`,
		`INSERT INTO S.booking_lines (booking_id, order_id, producer_id, technique, week, quantity, delivered, unit_cost)
			SELECT id, 'O-2', 'A', 'cap', w, q, 0, 15000 FROM S.bookings, (VALUES ('2026-W50', 7), ('2026-W51', 2)) v(w, q)`)
	require.NoError(t, Migrate(ctx, pool, schema))
	s := New(pool, Options{Schema: schema})
	b, err := s.Booking(ctx, "K2", t0)
	require.NoError(t, err)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "O-2", Booked: 9, Unfilled: 3}, {OrderID: "O-3", Unfilled: 4}}, b.Orders)
	assert.Empty(t, b.Skipped)
	assert.Nil(t, b.Canonical)
	h, err := s.History(ctx, "K2")
	require.NoError(t, err)
	assert.Empty(t, h)
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	_, err = l.Cancel(capacity.WithActor(ctx, "ops"), "K2", t0)
	require.NoError(t, err)
	h, err = s.History(ctx, "K2")
	require.NoError(t, err)
	require.Len(t, h, 1)
	assert.Equal(t, capacity.HistoryEntry{Version: 2, Time: t0, Actor: "ops", Op: capacity.OpCancel}, h[0])
	requireConsistent(t, pool, schema)
}

// TestHoldRuleInSQL: the functions reports use apply the hold rule at a
// given time, to the nanosecond: state_at and bookings_at read a lapsed
// hold as expired, slots_at counts only live holds as held, before any
// commit or Sweep rewrote the booking.
func TestHoldRuleInSQL(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	until := t0.Add(time.Hour + 600*time.Nanosecond)
	_, err := s.Commit(ctx, hold("H1", t0, until, 4, 10, slot("H", w1)))
	require.NoError(t, err)
	id := pgx.Identifier{s.Schema()}.Sanitize()
	at := func(tm time.Time) (state string, held int) {
		us, ns := micro(tm)
		require.NoError(t, pool.QueryRow(ctx, "SELECT state FROM "+id+".bookings_at($1, $2) WHERE key = 'H1'", us, ns).Scan(&state))
		require.NoError(t, pool.QueryRow(ctx, "SELECT held FROM "+id+".slots_at($1, $2) WHERE producer_id = 'H'", us, ns).Scan(&held))
		return state, held
	}
	st, held := at(until.Add(-time.Nanosecond))
	assert.Equal(t, "held", st)
	assert.Equal(t, 4, held)
	st, held = at(until)
	assert.Equal(t, "expired", st)
	assert.Zero(t, held)
	var raw string
	require.NoError(t, pool.QueryRow(ctx, "SELECT state FROM "+id+".bookings WHERE key = 'H1'").Scan(&raw))
	assert.Equal(t, "held", raw, "the row itself is not rewritten")
	// The server's clock, by default: the hold ended in 2026.
	require.NoError(t, pool.QueryRow(ctx, "SELECT state FROM "+id+".bookings_at() WHERE key = 'H1'").Scan(&raw))
	assert.Equal(t, "expired", raw)
}

// schemaAt creates a fresh schema at an old version (its migrations run
// by hand), then runs more statements on it ("S." is the schema); it
// returns the pool and the schema.
func schemaAt(t *testing.T, version int, more ...string) (*pgxpool.Pool, string) {
	dsn := testDSN(t)
	pool := newPool(t, dsn, 4)
	schema := randomSchema(t)
	dropSchemaAtEnd(t, dsn, schema)
	id := pgx.Identifier{schema}.Sanitize()
	stmts := []string{"CREATE SCHEMA " + id,
		"CREATE TABLE " + id + ".schema_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL CHECK (version >= 0))",
		"INSERT INTO " + id + ".schema_version (version) VALUES (" + strconv.Itoa(version) + ")"}
	for _, f := range migrations()[:version] {
		text, err := schemaFS.ReadFile(f)
		require.NoError(t, err)
		stmts = append(stmts, strings.ReplaceAll(string(text), "{{schema}}", id))
	}
	for _, stmt := range more {
		stmts = append(stmts, strings.ReplaceAll(stmt, "S.", id+"."))
	}
	for _, stmt := range stmts {
		_, err := pool.Exec(context.Background(), stmt)
		require.NoError(t, err)
	}
	return pool, schema
}

// TestLotsView: a lot inspected through the ledger on this store is one
// row of the view lots, with its record: a buyer's dispute answered in
// SQL.
func TestLotsView(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	p := batik.Producer{ID: "SLO-03", Name: "Batik Kauman", Region: "33.72",
		Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Halus, PerWeek: 100, UnitCost: decimal.NewFromInt(80000)}}}
	o := batik.Order{ID: "ORD-9", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 80}
	b, err := l.Book(ctx, capacity.BookRequest{Key: o.ID, Orders: []batik.Order{o}, Producers: []batik.Producer{p}, From: w1}, t0)
	require.NoError(t, err)
	state, err := aql.NewState(p.ID, "cap", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	d := capacity.Delivery{OrderID: o.ID, Slot: b.Lines[0].Slot, Quantity: 80}
	in := aql.Inspection{LotID: "SJ-0042", Inspector: "ani", Date: "2026-12-14", Seed: 7, Found: []int{6}}
	_, rec, _, err := l.DeliverLot(ctx, o.ID, "handover-1", d, []aql.State{state}, in, t0.Add(time.Hour))
	require.NoError(t, err)
	require.False(t, rec.Accepted, "6 nonconforming of n = 13 at AQL 2.5 (F: Ac 1)")
	id := pgx.Identifier{s.Schema()}.Sanitize()
	var lot, producer, inspector string
	var size int
	var accepted bool
	require.NoError(t, pool.QueryRow(ctx, "SELECT lot_id, producer, inspector, lot_size, accepted FROM "+id+".lots WHERE booking_key = 'ORD-9' AND call_key = 'handover-1'").
		Scan(&lot, &producer, &inspector, &size, &accepted))
	assert.Equal(t, []any{"SJ-0042", "SLO-03", "ani", 80, false}, []any{lot, producer, inspector, size, accepted})
	got, err := l.Inspection(ctx, o.ID, "handover-1")
	require.NoError(t, err)
	assert.Equal(t, rec, got)
}

// TestLinesChecked: version 5's triggers keep what booking_lines' foreign
// keys kept: a line without its booking or slot, inserted or moved by an
// update, is refused with foreign_key_violation under the key's name, as
// is deleting a slot a line is in; deleting a booking deletes its lines.
func TestLinesChecked(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 1, 10, slot("A", w1)))
	require.NoError(t, err)
	_, err = s.Commit(ctx, hold("K2", t0, t0.Add(time.Hour), 1, 10, slot("B", w1)))
	require.NoError(t, err)
	id := pgx.Identifier{s.schema}.Sanitize()
	var bookingID int64
	require.NoError(t, pool.QueryRow(ctx, "SELECT id FROM "+id+".bookings WHERE key = 'K1'").Scan(&bookingID))
	const (
		toBooking = "booking_lines_booking_id_fkey"
		toSlot    = "booking_lines_producer_id_technique_week_fkey"
	)
	insert := "INSERT INTO " + id + ".booking_lines (booking_id, order_id, producer_id, technique, week, quantity, delivered, unit_cost) "
	for _, c := range []struct{ name, stmt, constraint string }{
		{"no booking", insert + "SELECT $1 + 1000, 'O', 'A', 'cap', '" + w1.String() + "', 1, 0, 1", toBooking},
		{"no slot", insert + "SELECT $1, 'O2', 'Z', 'cap', '" + w1.String() + "', 1, 0, 1", toSlot},
		{"moved to no slot", "UPDATE " + id + ".booking_lines SET producer_id = 'Z' WHERE booking_id = $1", toSlot},
		{"moved to no booking", "UPDATE " + id + ".booking_lines SET booking_id = booking_id + 1000 WHERE booking_id = $1", toBooking},
		{"a slot with lines deleted", "DELETE FROM " + id + ".slots WHERE producer_id = 'A' AND $1 > 0", toSlot},
	} {
		_, err := pool.Exec(ctx, c.stmt, bookingID)
		var pe *pgconn.PgError
		require.ErrorAs(t, err, &pe, c.name)
		assert.Equal(t, "23503", pe.Code, c.name)
		assert.Equal(t, c.constraint, pe.ConstraintName, c.name)
		assert.Equal(t, "booking_lines", pe.TableName, c.name)
	}
	// In place, as Deliver and Rebook update lines: allowed.
	_, err = pool.Exec(ctx, "UPDATE "+id+".booking_lines SET quantity = quantity WHERE booking_id = $1", bookingID)
	require.NoError(t, err)
	b, err := s.Booking(ctx, "K1", t0)
	require.NoError(t, err)
	assert.Len(t, b.Lines, 1)

	// Deleting a booking deletes its lines, and the slot can go then.
	_, err = pool.Exec(ctx, "DELETE FROM "+id+".bookings WHERE key = 'K1'")
	require.NoError(t, err)
	var n int
	require.NoError(t, pool.QueryRow(ctx, "SELECT count(*) FROM "+id+".booking_lines WHERE booking_id = $1", bookingID).Scan(&n))
	assert.Zero(t, n)
	_, err = pool.Exec(ctx, "DELETE FROM "+id+".slots WHERE producer_id = 'A'")
	require.NoError(t, err)
}

// TestLinesCheckedByLookup: version 5's check of a statement's lines looks
// each line's booking up by its key, so its cost does not grow with the
// bookings stored (written without the fence, the planner hashed the
// whole bookings_pkey index for an insert of 100 lines).
func TestLinesCheckedByLookup(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	var version int
	require.NoError(t, pool.QueryRow(ctx, "SELECT current_setting('server_version_num')::int").Scan(&version))
	if version < 150000 {
		t.Skip("pg_stat_force_next_flush, which the count needs, came with PostgreSQL 15")
	}
	var slots []capacity.Slot
	for p := range 120 {
		slots = append(slots, slot(fmt.Sprintf("P%03d", p), w1))
	}
	for i := range 900 {
		_, err := s.Commit(ctx, hold(fmt.Sprintf("K%04d", i), t0, t0.Add(time.Hour), 1, 10000, slot("A", w1)))
		require.NoError(t, err)
	}
	// With statistics, as autovacuum keeps them, the planner knows the
	// bookings are many.
	_, err := pool.Exec(ctx, "ANALYZE "+pgx.Identifier{s.Schema()}.Sanitize()+".bookings")
	require.NoError(t, err)
	for i := range 8 { // past the 5 runs after which a cached plan may be generic
		_, err := s.Commit(ctx, hold(fmt.Sprintf("WARM%d", i), t0, t0.Add(time.Hour), 1, 10000, slots...))
		require.NoError(t, err)
	}
	read := func() int64 {
		// The backends' counts reach the statistics when flushed; force it
		// on every connection of the pool, then read afresh.
		conns := pool.AcquireAllIdle(ctx)
		for _, c := range conns {
			_, err := c.Exec(ctx, "SELECT pg_stat_force_next_flush()")
			require.NoError(t, err)
			_, err = c.Exec(ctx, "SELECT 1") // a transaction's end flushes
			require.NoError(t, err)
			c.Release()
		}
		var n int64
		require.NoError(t, pool.QueryRow(ctx, `SELECT pg_stat_clear_snapshot()`).Scan(new(any)))
		require.NoError(t, pool.QueryRow(ctx, `SELECT idx_tup_read FROM pg_stat_user_indexes
			WHERE schemaname = $1 AND indexrelname = 'bookings_pkey'`, s.Schema()).Scan(&n))
		return n
	}
	before := read()
	_, err = s.Commit(ctx, hold("LAST", t0, t0.Add(time.Hour), 1, 10000, slots...))
	require.NoError(t, err)
	n := read() - before
	t.Logf("bookings_pkey entries read: %d", n)
	assert.LessOrEqual(t, n, int64(len(slots)+1), "index entries of bookings_pkey read to insert 120 lines, with 900 bookings stored")
}
