package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"
)

// dsnVar names the environment variable that points the tests at a
// PostgreSQL server they may create and drop schemas in.
const dsnVar = "BATIKKIT_PG_DSN"

// testDSN returns the DSN, or skips the test with one line naming the
// variable.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv(dsnVar)
	if dsn == "" {
		t.Skip("set BATIKKIT_PG_DSN to run the PostgreSQL tests")
	}
	return dsn
}

// randomSchema returns a fresh schema name, "bk_test_" and 16 hex digits.
func randomSchema(t testing.TB) string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return "bk_test_" + hex.EncodeToString(b[:])
}

// newPool connects to the test server, closing the pool when the test ends.
func newPool(t testing.TB, dsn string, maxConns int32) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	return pool
}

// testStore returns a Store on a fresh migrated schema, dropped when the
// test ends.
func testStore(t testing.TB) (*Store, *pgxpool.Pool) {
	t.Helper()
	return testStoreConns(t, 0)
}

// testStoreConns is testStore with a pool of at most maxConns connections
// (0: pgxpool's default).
func testStoreConns(t testing.TB, maxConns int32) (*Store, *pgxpool.Pool) {
	t.Helper()
	dsn := testDSN(t)
	pool := newPool(t, dsn, maxConns)
	schema := randomSchema(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	require.NoError(t, Migrate(ctx, pool, schema))
	dropSchemaAtEnd(t, dsn, schema)
	return New(pool, Options{Schema: schema}), pool
}

// dropSchemaAtEnd drops schema when the test ends, on a connection of its
// own (the test's pool may be closed by then).
func dropSchemaAtEnd(t testing.TB, dsn, schema string) {
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP SCHEMA IF EXISTS "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
}

func runtimeProcs() int { return runtime.GOMAXPROCS(0) }

// counter is a pgx tracer that counts what a pool sends: statements (a
// batch's each, and single queries) and round trips (a batch, a single
// query, a prepare). Install it with tracedPool.
type counter struct {
	statements, roundTrips, prepares atomic.Int64
	transactions, notIn              atomic.Int64 // BEGINs of a write; statements with NOT IN
}

func (c *counter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.statements.Add(1)
	c.roundTrips.Add(1)
	return ctx
}
func (c *counter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (c *counter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.roundTrips.Add(1)
	return ctx
}
func (c *counter) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	c.statements.Add(1)
	if strings.HasPrefix(d.SQL, "BEGIN ISOLATION LEVEL READ COMMITTED") {
		c.transactions.Add(1)
	}
	if strings.Contains(strings.ToUpper(d.SQL), "NOT IN") {
		c.notIn.Add(1)
	}
}
func (c *counter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}
func (c *counter) TracePrepareStart(ctx context.Context, _ *pgx.Conn, _ pgx.TracePrepareStartData) context.Context {
	c.prepares.Add(1)
	return ctx
}
func (c *counter) TracePrepareEnd(context.Context, *pgx.Conn, pgx.TracePrepareEndData) {}

// take returns the counts since the last take and starts again.
func (c *counter) take() (statements, roundTrips int64) {
	return c.statements.Swap(0), c.roundTrips.Swap(0)
}

// tracedPool is newPool with the counter installed.
func tracedPool(t testing.TB, dsn string, maxConns int32, c *counter) *pgxpool.Pool {
	t.Helper()
	cfg, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	if maxConns > 0 {
		cfg.MaxConns = maxConns
	}
	cfg.ConnConfig.Tracer = c
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(pool.Close)
	return pool
}

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
