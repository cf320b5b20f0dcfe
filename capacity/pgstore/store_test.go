package pgstore

import (
	"context"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRetryDeadlock: a commit that the server ends as a deadlock's victim
// (40P01) is run again and succeeds. The deadlock is real: another
// transaction holds the second slot the commit locks, then asks for the
// first, which the commit holds.
func TestRetryDeadlock(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("D0", t0, t0.Add(time.Hour), 1, 10, slot("D", w1), slot("D", w2)))
	require.NoError(t, err)
	id := pgx.Identifier{s.Schema()}.Sanitize()
	other, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = other.Rollback(ctx) }()
	// The other transaction waits longer before it looks for deadlocks,
	// so that the commit's backend (after 1 s, the default) is the victim.
	_, err = other.Exec(ctx, "SET LOCAL deadlock_timeout = '30s'")
	require.NoError(t, err)
	_, err = other.Exec(ctx, "SELECT 1 FROM "+id+".slots WHERE producer_id = 'D' AND week = $1 FOR UPDATE", w2.String())
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() {
		_, err := s.Commit(ctx, hold("D1", t0, t0.Add(time.Hour), 1, 10, slot("D", w1), slot("D", w2)))
		done <- err
	}()
	require.Eventually(t, func() bool { return waiting(t, pool, "Lock") > 0 }, 10*time.Second, 10*time.Millisecond)
	_, err = other.Exec(ctx, "SELECT 1 FROM "+id+".slots WHERE producer_id = 'D' AND week = $1 FOR UPDATE", w1.String())
	require.NoError(t, err, "the commit was the victim: its locks went")
	require.NoError(t, other.Commit(ctx))
	require.NoError(t, <-done)
	assert.GreaterOrEqual(t, s.Retries(), int64(1))
	assert.Equal(t, 2, usage(t, s, "D")[slot("D", w1)].Held)
}

// TestRetrySerializationFailure: a commit whose transaction the server
// fails with a serialization failure (40001) is run again and succeeds.
// READ COMMITTED with explicit locks never raises 40001 by itself (a hot
// standby's recovery conflict or a SERIALIZABLE default would), so the
// server raises it here from a trigger, on the first attempt only (a
// sequence, which a rollback does not undo, counts them).
func TestRetrySerializationFailure(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	id := pgx.Identifier{s.Schema()}.Sanitize()
	_, err := pool.Exec(ctx, `CREATE SEQUENCE `+id+`.attempts;
		CREATE FUNCTION `+id+`.fail_first() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF nextval('`+id+`.attempts') = 1 THEN
				RAISE EXCEPTION 'could not serialize access' USING ERRCODE = 'serialization_failure';
			END IF;
			RETURN NULL;
		END $$;
		CREATE TRIGGER fail_first AFTER INSERT ON `+id+`.history FOR EACH STATEMENT EXECUTE FUNCTION `+id+`.fail_first();`)
	require.NoError(t, err)
	b, err := s.Commit(ctx, hold("S1", t0, t0.Add(time.Hour), 3, 10, slot("S", w1)))
	require.NoError(t, err)
	assert.EqualValues(t, 1, b.Version)
	assert.EqualValues(t, 1, s.Retries())
	assert.Equal(t, 3, usage(t, s, "S")[slot("S", w1)].Held, "applied once")

	// Without retries the caller sees the server's error.
	_, err = pool.Exec(ctx, "SELECT setval('"+id+".attempts', 1, false)")
	require.NoError(t, err)
	once := New(pool, Options{Schema: s.Schema(), MaxRetries: -1})
	_, err = once.Commit(ctx, hold("S2", t0, t0.Add(time.Hour), 3, 10, slot("S", w1)))
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "server", e.Code)
	_, err = s.Booking(ctx, "S2", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
}

// TestStatementTimeout: a statement that runs past Options.StatementTimeout
// (here a commit waiting for a slot another transaction holds) is ended on
// the server: the commit fails with the "statement_timeout" error,
// wrapping context.DeadlineExceeded, nothing is recorded, and no statement
// of the store is left running.
func TestStatementTimeout(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("T0", t0, t0.Add(time.Hour), 1, 10, slot("T", w1)))
	require.NoError(t, err)
	other, err := pool.Begin(ctx)
	require.NoError(t, err)
	defer func() { _ = other.Rollback(ctx) }()
	_, err = other.Exec(ctx, "SELECT 1 FROM "+pgx.Identifier{s.Schema()}.Sanitize()+".slots WHERE producer_id = 'T' FOR UPDATE")
	require.NoError(t, err)
	short := New(pool, Options{Schema: s.Schema(), StatementTimeout: 200 * time.Millisecond})
	start := time.Now()
	_, err = short.Commit(ctx, hold("T1", t0, t0.Add(time.Hour), 1, 10, slot("T", w1)))
	took := time.Since(start)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "statement_timeout", e.Code)
	assert.Less(t, took, 5*time.Second)
	assert.Zero(t, waiting(t, pool, "Lock"), "nothing of the store waits on the server")
	require.NoError(t, other.Rollback(ctx))
	_, err = s.Booking(ctx, "T1", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	assert.Equal(t, "0", New(pool, Options{StatementTimeout: -1}).timeout)
	assert.Equal(t, "5000", New(pool, Options{}).timeout)
}
