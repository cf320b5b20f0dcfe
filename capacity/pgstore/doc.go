// Package pgstore keeps the capacity ledger in PostgreSQL, so that every
// replica of a service books against the same slots and no workshop's week
// is ever promised twice, across goroutines, processes and machines. It is
// a capacity.Store and passes capacity/storetest; the rules (planning,
// idempotency, states) stay in capacity.Ledger, and every input rule comes
// from capacity's Validate methods. It is the one package of the module
// that imports pgx.
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
//	ledger := capacity.NewLedger(store, capacity.LedgerOptions{})
//
// The tables live under one schema chosen by the caller (default
// "batikkit"; lower-case letters, digits and underscores; never pg_* or
// information_schema, and "public" only with Options.AllowPublic):
//
//	slots           one row per (producer, technique, ISO week): capacity, held, confirmed, delivered
//	bookings        one row per idempotency key: state, hold_until (and its nanoseconds), request hash,
//	                canonical request, unfilled, orders, skipped, version, created, updated
//	booking_lines   pieces of one order in one slot: quantity, delivered, unit_cost (numeric)
//	history         the change log: (booking, version), time, actor, operation, delivery call key
//	delivery_calls  keyed Deliver calls: (booking, call key), request hash, deliveries, version, time, inspection
//	calendar        capacity exceptions per producer, technique ('' for all) and week
//	deliveries      every change to delivered pieces per slot, with the caller's clock (append-only)
//	schema_version  the version Migrate brought the tables to (5)
//	lots            a view: one row per inspected lot, from delivery_calls
//
// Migrate is versioned by the one row of schema_version and refuses
// (ErrSchema) a schema written by a newer version of this package rather
// than downgrade it. The database keeps the invariants too, with CHECK
// constraints (held + confirmed <= capacity and delivered <= confirmed on
// every slot, delivered <= quantity on every line), NOT NULL columns,
// foreign keys (for booking lines, a trigger that checks each statement's
// lines against their bookings and slots at once) and a unique index on
// the idempotency key: a bug in Go cannot overbook either.
//
// Version 3 (revision 3 of the ledger) keeps the canonical request beside
// its hash, the orders and skipped producers, the history and the keyed
// delivery calls. Bookings made before it keep a NULL canonical request (a
// replay is matched by their hash), orders derived from their lines and
// unfilled pieces without a reason, no skipped producers, and no history
// of the versions they had then. Version 5 replaces the two foreign keys
// of booking_lines, which ran two queries for every line inserted, by
// statement-level triggers that refuse the same lines with the same error
// (foreign_key_violation, under the keys' names), delete a booking's lines
// with it and keep a slot a line is in: a booking of 300 lines is
// inserted in about 3 ms of the server's time instead of 5 (one client,
// pg_stat_statements).
//
// # Reports: the hold rule in SQL
//
// A hold whose hold_until is at or before the caller's now counts as
// expired everywhere, whether or not a commit, SetCalendar or Sweep has
// rewritten its row yet; a report that reads the tables must apply the
// same rule. The schema ships it as functions (times to the microsecond,
// with an optional nanoseconds argument):
//
//	state_at(state, hold_until, hold_until_ns, at [, at_ns])  the state at a time: 'held' past hold_until reads 'expired'
//	bookings_at([at [, at_ns]])                               the bookings with their state at a time (default now())
//	slots_at([at [, at_ns]])                                  the slots with held counting only the holds live then
//	lapsed_held([at [, at_ns]])                               per slot, the pieces of lapsed holds still in slots.held
//
// For example, the workshops' free pieces this week, as a dashboard shows
// them:
//
//	SELECT producer_id, week, capacity - held - confirmed AS free
//	FROM batikkit.slots_at(now()) WHERE touched AND week = '2026-W50';
//
// Usage reads through lapsed_held, so the store and the reports cannot
// disagree. Ledger.Sweep rewrites lapsed holds as expired for tables read
// directly; correctness never depends on it.
//
// Schema version 4 adds the view lots: one row per lot a ledger inspected
// (Ledger.DeliverLot, DeliverInspected), with its booking and call keys,
// lot ID, producer, technique, size, inspector, date, verdict, its classes
// and the whole record as JSON, for a buyer's dispute answered in SQL:
//
//	SELECT inspected_on, lot_id, accepted, classes FROM batikkit.lots WHERE producer = 'SLO-03' ORDER BY recorded;
//
// # Group commit
//
// Commits that reach one Store while its previous batch is in the database
// are written together, in one transaction of three round trips, in the
// order they arrived: a flash sale's bookings on the same few workshop
// weeks share one hold of those rows instead of queueing on them one by
// one. Each commit is decided on the locked rows as the ones before it
// left them, exactly as if they ran one after another (as the memory store
// runs them), and gets its own answer: one that does not fit fails alone
// with ErrNoRoom; a key taken, a stale version, a call key used get
// ErrExists, ErrStale, ErrExists. Every Commit goes this way (a commit
// alone is a batch of one). A batch holds at most 64 commits and 20,000
// lines and deltas (one commit larger than that is a batch of its own).
//
// The transaction:
//
//  1. BEGIN; the new keys are locked (a transaction-scoped advisory lock
//     per key, in hash order) and the existing bookings of the batch are
//     locked (FOR NO KEY UPDATE, key order) and read with their lines and
//     delivery calls; the holds lapsed at the batch's latest clock that
//     have a line in one of its slots are locked (SKIP LOCKED) with their
//     pieces per slot; ids for the new bookings are taken.
//  2. The missing slot rows are created, every slot the batch may change
//     is locked in slot order (producer, technique, week), and the slots'
//     sums and calendar capacity are read by a statement that starts
//     after the locks.
//  3. In Go, each commit in turn: the lapsed holds in its slots are marked
//     expired (a new version, an expire entry in their history) and
//     released; its version, call key and every slot's room are checked;
//     it is applied or answered. Then everything the accepted commits and
//     released holds changed is written (rows by the ctid their locks keep
//     in place, a booking's lines by their difference from what is
//     stored) with COMMIT.
//
// Locks are taken in one order everywhere (new keys, then bookings, then
// slots in slot order), so transactions never wait for each other in a
// cycle; a lapsed hold another transaction has locked is skipped, which
// only makes a commit see less room.
//
// # Transactions and isolation
//
// Every transaction runs at READ COMMITTED with explicit row locks, not
// SERIALIZABLE: every conflict that matters is on a row this code locks
// (the booking, the slots), so per-statement snapshots plus those locks
// are serial where it counts, and a lost race is a commit answered
// ErrNoRoom, not an aborted transaction. The readers are one round trip
// each: one statement, or two at REPEATABLE READ (a booking and its lines,
// a page and its lines) so that both see one snapshot; they take no locks.
//
// Hold expiry is evaluated against the caller's clock (the now of the
// call), never the server's, to the nanosecond (timestamptz keeps
// microseconds; hold_until_ns keeps the rest). Replicas whose clocks
// disagree stay safe: a hold released by a clock ahead is expired for
// good (a new version), so a clock behind reads it as expired too.
//
// # Plans
//
// The statements of Commit, SetCalendar, Sweep and Usage reach their rows
// through an index or by their tuple ids, whatever the tables' statistics
// say: a list unnests into a LATERAL lookup per element (fenced with
// OFFSET 0), so the plan is a nested loop of index scans in the list's
// order; locked rows are written back by ctid. Bookings' pages read the
// lines' indexes by order or producer, and the (created, key) index.
// Each transaction and read sets plan_cache_mode to force_generic_plan (a
// statement is planned once per connection) and enable_seqscan to off (a
// plan made while the tables were empty, before autovacuum's first
// ANALYZE, would otherwise scan them whole as they grow). Both are SET LOCAL: they end with the transaction and never touch
// the caller's other uses of the pool.
//
// # What comes back
//
// Times come back in UTC: HoldUntil as the same instant to the
// nanosecond; Created, Updated, history and call times to the
// microsecond (what timestamptz keeps). Unit costs come back equal in
// value with trailing zeros dropped (numeric's form). A slot's capacity is
// recorded by a change only when held + confirmed fit it (the table keeps
// held + confirmed <= capacity): a release planned with a capacity below
// what others hold leaves the capacity recorded before, where the memory
// store records the lower one. Rows for slots that only a refused change
// or SetCalendar created are kept untouched, and Usage does not show them.
//
// # Retries
//
// A transaction that fails with a serialization failure (SQLSTATE 40001)
// or a deadlock (40P01), or whose connection was lost before COMMIT was
// sent (the server rolls an open transaction back when its connection
// goes), is run again from the start, at most Options.MaxRetries times
// (default 8), after an exponential backoff from 2 ms to 250 ms with full
// jitter; a batch is retried as a whole and decided again. Store.Retries
// counts them. The ledger's own answers (ErrNoRoom, ErrStale, ErrExists,
// ErrNotFound) are never retried here: the Ledger decides.
//
// # Errors
//
// A change that breaks capacity's rules gets capacity's own error
// (Change.Validate, CalendarEntry.Validate, SlotQuery.Validate,
// BookingFilter.Validate: an *capacity.InputError wrapping ErrInvalid),
// and the ledger's answers are capacity's constructors (NoRoomError,
// StaleError, ExistsError, CallExistsError, NotFoundError, SumsError).
// Everything else is an *Error in the module's one shape: Field and Value
// (the schema, the key or the query the operation was about,
// abbreviated), Code and Args (the reason in the package's catalogue,
// English and Indonesian), Kind (the sentinel) and Err (the server's
// *pgconn.PgError, or the network's error):
//
//	schema_name, schema_reserved, schema_public   ErrSchema: a name New and Migrate refuse
//	schema_newer, schema_missing                  ErrSchema: tables of a newer version; no tables (run Migrate)
//	nil_pool, connect                             ErrConnect: no pool; the server cannot be reached
//	closed                                        ErrClosed: the pool was closed
//	lost_unchanged, lost_read                     ErrConnection: the connection broke before COMMIT was sent (nothing changed); during a read
//	lost_commit                                   ErrConnection: it broke while COMMIT was in flight: applied entirely or not at all
//	statement_timeout                             context.DeadlineExceeded: a statement ran past Options.StatementTimeout; nothing changed
//	cancelled                                     the context's error
//	constraint                                    capacity.ErrInvalid: a constraint of the tables refused the change
//	server, stored                                ErrServer: another refusal of the server; a stored value that cannot be read
//
// After lost_commit, reading the booking by key tells whether it
// happened, and replaying the same Book with the same idempotency key is
// safe (the same request returns the existing booking).
//
// # Limits
//
//   - Statement timeout: every statement of every operation (commits,
//     readers, SetCalendar, Sweep) ends on the server after
//     Options.StatementTimeout (default 5 s; lock waits count), so no
//     server work outlives a client that has gone. Migrate has none
//     unless the option is set. Each statement is linear in the rows it
//     touches: TestConfirmLargeBooking books, confirms and cancels a
//     booking of 62,504 lines (six times capacity.MaxBookingLines), each
//     operation in under 4 s here.
//   - A batch: at most 64 commits and 20,000 lines and deltas (past the
//     first commit); its memory is O(its lines, deltas and the lines of
//     the lapsed holds it releases).
//   - Keys, IDs, actors and call keys: what capacity's rules take (at most
//     256 bytes of UTF-8 without NUL); a text column holds no NUL and no
//     bytes that are not UTF-8, so readers answer "none" for such keys.
//   - Times: the years 1 to 9999 in UTC (capacity's rule; timestamptz
//     holds more).
//   - A page of Bookings: at most capacity.MaxPageLimit bookings; a state
//     filter is judged on the bookings in (created, key) order, so a page
//     of a rare state may read many rows to fill.
//   - Sweep: at most its limit holds a call (capacity.MaxSweep).
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
//
// .ci/pgbench-compare measures the store beside pgbench on a server of its
// own (not run by CI).
package pgstore
