// Package pgstore keeps the capacity ledger in PostgreSQL, so that every
// replica of a service books against the same slots and no workshop's week
// is ever promised twice, across goroutines, processes and machines. It is
// a capacity.Store; the rules (planning, idempotency, states) stay in
// capacity.Ledger. It is the one package of the module that imports pgx.
//
// # Running the ledger on PostgreSQL
//
// The caller owns the connection pool; the package opens no connection of
// its own. Migrate creates the tables once (it is safe to call at every
// start, from every replica at once); New wraps the pool:
//
//	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL")) // "postgres://user:pass@host/db" or "host=/run/postgresql dbname=shop"
//	if err != nil { ... }
//	defer pool.Close()
//	if err := pgstore.Migrate(ctx, pool, "batikkit"); err != nil { ... } // ErrSchema, ErrConnect
//	store := pgstore.New(pool, pgstore.Options{Schema: "batikkit"})
//	ledger := capacity.NewLedger(store /* , options */)
//
// The tables live under one schema chosen by the caller (default
// "batikkit"; lower-case letters, digits and underscores):
//
//	slots          one row per (producer, technique, ISO week): capacity, held, confirmed, delivered
//	bookings       one row per idempotency key: state, hold_until (and its nanoseconds), request fingerprint, unfilled, version
//	booking_lines  pieces of one order in one slot: quantity, delivered, unit_cost (numeric)
//	calendar       capacity exceptions per producer, technique ('' for all) and week
//	deliveries     every change to delivered pieces per slot, with the caller's clock (append-only)
//	schema_version the version Migrate brought the tables to
//
// Migrate is versioned by the one row of schema_version and refuses
// (ErrSchema) a schema written by a newer version of this package rather
// than downgrade it. The database keeps the invariants too, with CHECK
// constraints (held + confirmed <= capacity and delivered <= confirmed on
// every slot, delivered <= quantity on every line), NOT NULL columns,
// foreign keys from lines and deliveries to bookings and slots, and a
// unique index on the idempotency key: a bug in Go cannot overbook either.
//
// # Transactions and isolation
//
// Every Store call is one transaction at READ COMMITTED with explicit row
// locks, not SERIALIZABLE. A booking's work is a few known rows, so locks
// say exactly what must not change underneath it:
//
//   - the booking's row is locked (SELECT ... FOR NO KEY UPDATE) and its
//     version checked; a new booking is an INSERT ... ON CONFLICT DO
//     NOTHING on the unique key, so of two replicas inserting one key, one
//     inserts and the other gets capacity.ErrExists with the stored
//     booking;
//   - the slot rows are created if missing (INSERT ... ON CONFLICT DO
//     NOTHING), locked (FOR NO KEY UPDATE) in slot order (producer ID,
//     technique, week; the order of capacity.Slot.Compare), so two
//     bookings never wait for each other in a cycle, then changed by one
//     conditional UPDATE that adds pieces only WHERE held + confirmed + n
//     <= capacity. A slot that lost the race updates no row; the
//     transaction rolls back and Commit returns capacity.ErrNoRoom, on
//     which the Ledger re-plans. Calendar entries are read by that UPDATE,
//     after the locks, and take precedence over the capacity the change
//     was planned with;
//   - nothing else is locked out of that order: foreign-key checks take
//     KEY SHARE locks, which FOR NO KEY UPDATE does not block; lines that
//     stay in a booking are updated in place; and an expired hold that
//     another transaction has locked is skipped (SKIP LOCKED), its pieces
//     left counted until a later commit releases them, which only ever
//     makes a change see less room. (TestLoad reports the retries,
//     which deadlocks would raise: none in our runs.)
//
// Each statement at READ COMMITTED sees what committed before it began,
// and the conditional update re-reads a locked row's newest version, so a
// lost race is detected where it happens instead of failing the whole
// transaction as a serialization error, as SERIALIZABLE or REPEATABLE READ
// would under the contention a campaign creates (many bookings on the same
// few workshops). The readers (Booking, Bookings, Usage, Calendar) are one
// statement each: one consistent snapshot, no transaction, no locks.
//
// Hold expiry is evaluated in SQL against the caller's clock value (the
// now of the call), never the server's, to the nanosecond (timestamptz
// keeps microseconds; a column beside it keeps the rest): a hold with
// hold_until <= now reads as Expired, and Commit marks such holds expired
// and releases their pieces on every slot they hold before it checks
// room. Replicas whose clocks disagree stay safe: a hold released by a
// clock ahead is expired for good, so a clock behind also reads it as
// Expired and cannot confirm it (the Ledger reports ErrConflict; the
// memory store, which releases holds without rewriting their booking,
// would confirm it when there is room).
//
// # What comes back
//
// Times come back in UTC: HoldUntil as the same instant to the
// nanosecond; Created and Updated to the microsecond (what timestamptz
// keeps). Unit costs come back equal in value with trailing zeros
// dropped (numeric's form). Besides capacity.Store's rules on a change,
// Commit refuses (ErrInvalid) times outside the years 1 to 9999 and unit
// costs beyond numeric's 131072 digits before the point or 16383 after,
// before any round trip.
//
// Why not SERIALIZABLE: it would give the same answers here with more
// work and more failures. Every conflict that matters is on a row this
// code locks explicitly (the booking, the slots), so READ COMMITTED's
// per-statement snapshots plus those locks are already serial where it
// counts, and a lost race costs one conditional UPDATE, not an aborted
// transaction to retry from the start.
//
// # Retries
//
// A transaction that fails with a serialization failure (SQLSTATE 40001) or
// a deadlock (40P01), or whose connection was lost before COMMIT was sent
// (the server rolls an open transaction back when its connection goes), is
// run again from the start, at most Options.MaxRetries times (default 8),
// after an exponential backoff from 2 ms to 250 ms with full jitter.
// Store.Retries counts them. The ledger's own answers (ErrNoRoom, ErrStale,
// ErrExists, ErrNotFound) are never retried here: the Ledger decides.
//
// # Connection loss
//
// A connection that breaks mid-operation (a restarted server, a network
// cut, pg_terminate_backend) never leaves half a change: PostgreSQL rolls
// back every transaction whose connection goes away, and COMMIT is atomic.
// So each operation committed fully or not at all:
//
//   - broken before COMMIT was sent: nothing was written; the Store retries
//     it on a fresh connection from the pool, and returns an error wrapping
//     ErrConnection ("nothing was changed") when the retries run out;
//   - broken while COMMIT was in flight: the client cannot know whether the
//     server committed. The Store does not guess: it returns an error
//     wrapping ErrConnection that says so. Reading the booking by key tells,
//     and replaying the same Book with the same idempotency key is safe
//     (the same request returns the existing booking).
//
// A pool that cannot connect gives ErrConnect; a closed pool gives
// ErrClosed.
//
// # Concurrency
//
// A Store is safe for concurrent use. Stores in any number of processes
// may share one schema.
//
// # Tests
//
// The tests need a server they may create and drop schemas in, named by
// BATIKKIT_PG_DSN; without it they skip with one line saying so. Each test
// works in a fresh schema of its own. They run the conformance suite every
// store passes (capacity/storetest), and, from 4 child processes x 16
// goroutines booking through capacity.Ledger: a load test, a crash test
// (SIGKILL of children mid-booking), a connection-loss test
// (pg_terminate_backend under load) and a replay test (one key from every
// process at once), each ending in SQL checks of the invariants:
//
//	BATIKKIT_PG_DSN="host=/tmp/pg dbname=batikkit user=postgres" go test ./capacity/pgstore
//	BATIKKIT_PG_DSN=... go test ./capacity/pgstore -run 'Load|Crash|Connection' -v -args -pgstore.long   # 30 s each
package pgstore
