package pgstore

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"github.com/batikkit/batikkit/capacity"
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

// Options configure a Store. The zero Options use the schema "batikkit"
// and DefaultMaxRetries.
type Options struct {
	// Schema is the PostgreSQL schema holding the tables Migrate created:
	// lower-case letters, digits and underscores, starting with a letter
	// or an underscore, at most 63 bytes. Empty means DefaultSchema.
	Schema string
	// MaxRetries bounds the retries of one operation (exponential backoff
	// from 2 ms to 250 ms with full jitter). Zero means DefaultMaxRetries;
	// a negative value means no retries.
	MaxRetries int
}

// Store is a capacity.Store on PostgreSQL. It is safe for concurrent use,
// and any number of Stores in any number of processes may share one
// database: the invariants are kept by the database's row locks and CHECK
// constraints, not by the process.
type Store struct {
	pool    *pgxpool.Pool
	schema  string // validated, unquoted
	err     error  // a bad Options.Schema: every method returns it
	retries int
	q       queries
	retried atomic.Int64
}

var _ capacity.Store = (*Store)(nil)

// New returns a Store that keeps the ledger in the tables Migrate created
// under opts.Schema, through pool. It opens no connection of its own and
// does not check the schema exists (the first call reports it). An invalid
// opts.Schema is reported, wrapping ErrSchema, by every method. O(1).
func New(pool *pgxpool.Pool, opts Options) *Store {
	s := &Store{pool: pool, schema: opts.Schema, retries: opts.MaxRetries}
	if s.schema == "" {
		s.schema = DefaultSchema
	}
	if s.retries == 0 {
		s.retries = DefaultMaxRetries
	}
	if s.retries < 0 {
		s.retries = 0
	}
	if err := checkSchema(s.schema); err != nil {
		s.err = err
		return s
	}
	if pool == nil {
		s.err = fmt.Errorf("pgstore: New: nil pool: %w", ErrConnect)
		return s
	}
	s.q = newQueries(pgx.Identifier{s.schema}.Sanitize())
	return s
}

// Retries returns how many times the Store retried an operation after a
// serialization failure, a deadlock or a lost connection, since New. Safe
// for concurrent use.
func (s *Store) Retries() int64 { return s.retried.Load() }

// Schema returns the schema the Store uses.
func (s *Store) Schema() string { return s.schema }

// ambiguousError marks an error from COMMIT itself: the server may or may
// not have committed, so the operation is not retried.
type ambiguousError struct{ err error }

func (e *ambiguousError) Error() string { return e.err.Error() }
func (e *ambiguousError) Unwrap() error { return e.err }

// run calls f in a READ COMMITTED transaction, committing when f returns
// nil and rolling back otherwise, and retries the whole transaction on a
// serialization failure (40001), a deadlock (40P01) or a connection lost
// before COMMIT was sent, with exponential backoff and full jitter, at
// most s.retries times. What f returns besides those is returned as is.
func (s *Store) run(ctx context.Context, op string, f func(pgx.Tx) error) error {
	return s.retry(ctx, op, func() error { return s.once(ctx, f) })
}

// retry calls f until it succeeds, fails for good, or the retries are
// spent, as run says.
func (s *Store) retry(ctx context.Context, op string, f func() error) error {
	if s.err != nil {
		return s.err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("pgstore: %s: %w", op, err)
	}
	backoff := 2 * time.Millisecond
	for attempt := 0; ; attempt++ {
		err := f()
		if err == nil {
			return nil
		}
		if !retryable(ctx, err) || attempt >= s.retries {
			return wrapErr(op, err)
		}
		s.retried.Add(1)
		t := time.NewTimer(rand.N(backoff) + time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("pgstore: %s: %w (after %w)", op, ctx.Err(), err)
		case <-t.C:
		}
		backoff = min(2*backoff, 250*time.Millisecond)
	}
}

func (s *Store) once(ctx context.Context, f func(pgx.Tx) error) error {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.ReadCommitted})
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback(context.WithoutCancel(ctx))
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Severity == "ERROR" || pgconn.SafeToRetry(err) {
			// The server answered with an ERROR (it rolled back, e.g. on a
			// serialization failure), or COMMIT was never sent: nothing
			// was committed. A FATAL (the backend terminated) or a broken
			// connection while COMMIT was in flight can come after the
			// commit itself: the outcome is unknown.
			return err
		}
		return &ambiguousError{err}
	}
	return nil
}

// retryable reports whether the transaction that failed with err surely
// did not commit and may succeed when run again.
func retryable(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	var amb *ambiguousError
	if errors.As(err, &amb) {
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
	if errors.Is(err, errLedger) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	if isClosedPool(err) {
		return false
	}
	// A broken connection: the server rolls back an open transaction when
	// its connection goes away, and COMMIT was not sent (or ambiguousError
	// above would say so), so running it again is safe.
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	return pgconn.Timeout(err) || isConnError(err)
}

// errLedger marks the errors that report the ledger's answer (not found,
// stale, exists, no room, invalid input): never retried.
var errLedger = errors.New("pgstore: ledger answer")

// ledgerError wraps a capacity sentinel so that run knows not to retry it.
type ledgerError struct{ err error }

func (e *ledgerError) Error() string   { return e.err.Error() }
func (e *ledgerError) Unwrap() []error { return []error{e.err, errLedger} }

func answer(err error) error { return &ledgerError{err} }

func wrapErr(op string, err error) error {
	var le *ledgerError
	if errors.As(err, &le) {
		return le.err
	}
	var amb *ambiguousError
	if errors.As(err, &amb) {
		return fmt.Errorf("pgstore: %s: connection lost during COMMIT, so the change was applied entirely or not at all; read the booking to know which (replaying with the same key is safe): %w: %w", op, ErrConnection, amb.err)
	}
	if isClosedPool(err) {
		return fmt.Errorf("pgstore: %s: %w", op, ErrClosed)
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return fmt.Errorf("pgstore: %s: %s%w: %w", op, unchanged(op), ErrConnect, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3F000", "42P01": // invalid_schema_name, undefined_table
			return fmt.Errorf("pgstore: %s: %w (run Migrate first): %w", op, ErrSchema, err)
		case "57P01", "57P02", "57P03", "08000", "08003", "08006":
			return fmt.Errorf("pgstore: %s: %s%w: %w", op, unchanged(op), ErrConnection, err)
		}
		return fmt.Errorf("pgstore: %s: %w", op, err)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("pgstore: %s: %s%w", op, unchanged(op), err)
	}
	if isConnError(err) || pgconn.Timeout(err) {
		return fmt.Errorf("pgstore: %s: %s%w: %w", op, unchanged(op), ErrConnection, err)
	}
	return fmt.Errorf("pgstore: %s: %w", op, err)
}

// unchanged is what an error of a failed operation says about the
// ledger: a write that failed before COMMIT changed nothing; a read has
// nothing to undo.
func unchanged(op string) string {
	if strings.HasPrefix(op, "commit") || strings.HasPrefix(op, "set calendar") {
		return "nothing was changed: "
	}
	return ""
}
