package pgstore

import (
	"context"
	"errors"
	"math/rand/v2"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// DefaultSchema is the schema New and Migrate use when none is given.
const DefaultSchema = "batikkit"

// DefaultMaxRetries is how many times an operation is retried after a
// serialization failure, a deadlock or a connection lost before its
// transaction committed, when Options.MaxRetries is zero.
const DefaultMaxRetries = 8

// DefaultStatementTimeout is the statement timeout of every operation
// when Options.StatementTimeout is zero.
const DefaultStatementTimeout = 5 * time.Second

// Options configure a Store (and MigrateWith). The zero Options use the
// schema "batikkit", DefaultMaxRetries and DefaultStatementTimeout.
type Options struct {
	// Schema is the PostgreSQL schema holding the tables Migrate created:
	// lower-case letters, digits and underscores, starting with a letter
	// or an underscore, at most 63 bytes; not pg_* nor
	// information_schema. Empty means DefaultSchema.
	Schema string
	// AllowPublic lets Schema be "public", the schema every user of the
	// database shares (refused otherwise, so that the ledger's tables do
	// not land among an application's own by a slip).
	AllowPublic bool
	// MaxRetries bounds the retries of one operation (exponential backoff
	// from 2 ms to 250 ms with full jitter). Zero means DefaultMaxRetries;
	// a negative value means no retries.
	MaxRetries int
	// StatementTimeout ends any statement of an operation that runs
	// longer, on the server (SET LOCAL statement_timeout in every
	// transaction and read), so that no server work outlives a client
	// that has gone: the operation fails with an *Error of code
	// "statement_timeout" wrapping context.DeadlineExceeded, and nothing
	// is changed. Lock waits count. Zero means DefaultStatementTimeout;
	// a negative value means none. Set it above the longest statement
	// the largest booking needs (see the package doc, Limits).
	StatementTimeout time.Duration
}

// Store is a capacity.Store on PostgreSQL. It is safe for concurrent use,
// and any number of Stores in any number of processes may share one
// database: the invariants are kept by the database's row locks and CHECK
// constraints, not by the process.
type Store struct {
	pool    *pgxpool.Pool
	schema  string // validated, unquoted
	err     error  // a bad Options.Schema or no pool: every method returns it
	retries int
	timeout string // statement_timeout in milliseconds ("0": none)
	q       queries
	retried atomic.Int64
	group   group
}

var _ capacity.Store = (*Store)(nil)

// New returns a Store that keeps the ledger in the tables Migrate created
// under opts.Schema, through pool. It opens no connection of its own and
// does not check the schema exists (the first call reports it). An
// invalid opts.Schema (or "public" without opts.AllowPublic) is reported,
// wrapping ErrSchema, by every method; a nil pool, wrapping ErrConnect.
// O(1).
func New(pool *pgxpool.Pool, opts Options) *Store {
	s := &Store{pool: pool, schema: opts.Schema, retries: opts.MaxRetries}
	if s.schema == "" {
		s.schema = DefaultSchema
	}
	switch {
	case s.retries == 0:
		s.retries = DefaultMaxRetries
	case s.retries < 0:
		s.retries = 0
	}
	s.timeout = timeoutSetting(opts.StatementTimeout)
	if err := checkSchema(s.schema, opts.AllowPublic); err != nil {
		s.err = err
		return s
	}
	if pool == nil {
		s.err = fail(ErrConnect, "pool", "", cNilPool, nil)
		return s
	}
	s.q = newQueries(pgx.Identifier{s.schema}.Sanitize())
	return s
}

// timeoutSetting is statement_timeout's value for d, in milliseconds.
func timeoutSetting(d time.Duration) string {
	switch {
	case d == 0:
		d = DefaultStatementTimeout
	case d < 0:
		return "0"
	}
	return strconv.FormatInt(max(d.Milliseconds(), 1), 10)
}

// Retries returns how many times the Store retried an operation after a
// serialization failure, a deadlock or a lost connection, since New. Safe
// for concurrent use.
func (s *Store) Retries() int64 { return s.retried.Load() }

// Schema returns the schema the Store uses.
func (s *Store) Schema() string { return s.schema }

// setTimeout is the first statement of every transaction and read: the
// statement timeout for the rest of it, and plans that depend on the
// statements rather than on the tables' statistics (is_local: both end
// with the transaction, and a read's batch is one implicit transaction).
// Every statement here reaches its rows through an index, so it is
// planned once per connection (plan_cache_mode = force_generic_plan) and
// never by a sequential scan (enable_seqscan = off): a plan made while
// the tables were empty, before autovacuum's first ANALYZE, would
// otherwise scan them whole as they grow.
const setTimeout = `SELECT set_config('statement_timeout', $1, true), set_config('plan_cache_mode', 'force_generic_plan', true),
	set_config('enable_seqscan', 'off', true)`

// read runs the statements build queues (with callbacks that keep their
// results) as one batch, one round trip, after the statement timeout;
// build is called again for each retry.
func (s *Store) read(ctx context.Context, field, value string, build func(b *pgx.Batch)) error {
	return s.retry(ctx, field, value, false, func() error {
		b := &pgx.Batch{}
		b.Queue(setTimeout, s.timeout)
		build(b)
		return s.pool.SendBatch(ctx, b).Close()
	})
}

// txn is one transaction on one connection whose BEGIN goes with its
// first batch and whose COMMIT goes with its last, so that a transaction
// of n batches costs n round trips.
type txn struct {
	conn  *pgx.Conn
	s     *Store
	begun bool
	done  bool // COMMIT succeeded
}

// send sends b's statements in one round trip (their callbacks keep the
// results), after BEGIN and the statement timeout when it is the first
// batch, and followed by COMMIT when last is set. An error of the last
// batch that may have come after COMMIT took effect (the connection broke,
// or a callback failed while the server went on) is an ambiguousError.
func (t *txn) send(ctx context.Context, b *pgx.Batch, last bool) error {
	full := b
	if !t.begun {
		full = &pgx.Batch{}
		full.Queue("BEGIN ISOLATION LEVEL READ COMMITTED")
		full.Queue(setTimeout, t.s.timeout)
		full.QueuedQueries = append(full.QueuedQueries, b.QueuedQueries...)
		t.begun = true
	}
	if last {
		full.Queue("COMMIT")
	}
	err := t.conn.SendBatch(ctx, full).Close()
	if last {
		var pe *pgconn.PgError
		switch {
		case err == nil:
			t.done = true
		case errors.As(err, &pe) && pe.Severity == "ERROR", pgconn.SafeToRetry(err):
			// The server refused a statement (it skipped the rest, COMMIT
			// included, or COMMIT rolled back), or nothing was sent.
		default:
			return &ambiguousError{err}
		}
	}
	return err
}

// transact runs f in one READ COMMITTED transaction on a connection of
// the pool (f's batches are sent by txn.send, the last with COMMIT), and
// rolls it back when f fails before COMMIT.
func (s *Store) transact(ctx context.Context, f func(t *txn) error) error {
	c, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer c.Release() // the pool drops a connection left in a transaction
	t := &txn{conn: c.Conn(), s: s}
	err = f(t)
	if err != nil && t.begun && !t.done && !t.conn.IsClosed() && t.conn.PgConn().TxStatus() != 'I' {
		rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		_, _ = t.conn.Exec(rctx, "ROLLBACK")
		cancel()
	}
	if err == nil && !t.done {
		return errors.New("pgstore: transaction without COMMIT") // a bug: f sent no last batch
	}
	return err
}

// ambiguousError marks an error from the batch with COMMIT: the server
// may or may not have committed, so the operation is not retried.
type ambiguousError struct{ err error }

func (e *ambiguousError) Error() string { return e.err.Error() }
func (e *ambiguousError) Unwrap() error { return e.err }

// retry calls f until it succeeds, fails for good, or the retries are
// spent: a serialization failure (40001), a deadlock (40P01) or a
// connection lost before COMMIT was sent is retried after an exponential
// backoff with full jitter; what f returns besides those is returned in
// the package's shape (answers as they are).
func (s *Store) retry(ctx context.Context, field, value string, write bool, f func() error) error {
	if s.err != nil {
		return s.err
	}
	if err := ctx.Err(); err != nil {
		return s.wrap(field, value, write, err)
	}
	backoff := 2 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := f()
		if err == nil {
			return nil
		}
		if !retryable(ctx, err) || attempt >= s.retries {
			return s.wrap(field, value, write, err)
		}
		s.retried.Add(1)
		t := time.NewTimer(rand.N(backoff) + time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return s.wrap(field, value, write, ctx.Err())
		case <-t.C:
		}
		backoff = min(2*backoff, 250*time.Millisecond)
	}
}

// retryable reports whether the transaction that failed with err surely
// did not commit and may succeed when run again.
func retryable(ctx context.Context, err error) bool {
	var amb *ambiguousError
	var ans *answerError
	switch {
	case ctx.Err() != nil, errors.As(err, &amb), errors.As(err, &ans), isClosedPool(err),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return false
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01": // serialization_failure, deadlock_detected
			return true
		case "57P01", "57P02", "57P03": // admin_shutdown (pg_terminate_backend), crash_shutdown, cannot_connect_now
			return true
		}
		return false
	}
	// A broken connection: the server rolls back an open transaction when
	// its connection goes away, and COMMIT was not sent (or ambiguousError
	// above would say so), so running it again is safe.
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || pgconn.Timeout(err) || isConnError(err)
}

// answerError carries the ledger's answer (not found, invalid input, no
// room) through retry unchanged and unretried.
type answerError struct{ err error }

func (e *answerError) Error() string { return e.err.Error() }
func (e *answerError) Unwrap() error { return e.err }

func answer(err error) error { return &answerError{err} }

// wrap returns err in the package's shape: field and value name what the
// operation was about; write says whether it would have changed anything.
func (s *Store) wrap(field, value string, write bool, err error) error {
	var ans *answerError
	if errors.As(err, &ans) {
		return ans.err
	}
	lost := cLostRead
	if write {
		lost = cLostUnchanged
	}
	var amb *ambiguousError
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &amb):
		return fail(ErrConnection, field, value, cLostCommit, amb.err)
	case isClosedPool(err):
		return fail(ErrClosed, field, value, cClosed, err)
	case errors.As(err, &ce):
		return fail(ErrConnect, field, value, cConnect, err)
	case errors.As(err, &pe):
		switch pe.Code {
		case "3F000", "42P01", "42883": // invalid_schema_name, undefined_table, undefined_function
			return fail(ErrSchema, "schema", msg.Quote(s.schema), cSchemaMissing, err)
		case "57014": // query_canceled: the statement timeout
			return fail(context.DeadlineExceeded, field, value, cTimeout, err, s.timeout+"ms")
		case "57P01", "57P02", "57P03", "08000", "08003", "08006":
			return fail(ErrConnection, field, value, lost, err)
		case "23514", "23503", "23505": // check, foreign key, unique violation
			return fail(capacity.ErrInvalid, field, value, cConstraint, err, pe.ConstraintName)
		}
		return fail(ErrServer, field, value, cServer, err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		kind := context.Canceled
		if errors.Is(err, context.DeadlineExceeded) {
			kind = context.DeadlineExceeded
		}
		return fail(kind, field, value, cCancelled, err)
	case isConnError(err) || pgconn.Timeout(err):
		return fail(ErrConnection, field, value, lost, err)
	}
	return fail(ErrServer, field, value, cServer, err)
}
