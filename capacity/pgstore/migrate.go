package pgstore

import (
	"context"
	"embed"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed schema/*.sql
var schemaFS embed.FS

// migrations returns the embedded migrations in version order: file
// schema/NNN_name.sql is version NNN.
func migrations() []string {
	names, _ := fs.Glob(schemaFS, "schema/*.sql") // sorted; the pattern is valid
	return names
}

func latestVersion() int { return len(migrations()) }

// Migrate creates schema (DefaultSchema when empty) and its tables, or
// brings them up to this package's version: MigrateWith with
// Options{Schema: schema}, so "public" is refused.
func Migrate(ctx context.Context, pool *pgxpool.Pool, schema string) error {
	return MigrateWith(ctx, pool, Options{Schema: schema})
}

// MigrateWith creates opts.Schema (DefaultSchema when empty) and its
// tables, or brings them up to this package's version. It is idempotent:
// on an up-to-date schema it changes nothing. Concurrent calls (several
// replicas starting at once) serialize on an advisory lock, and the whole
// migration is one transaction, so a failure leaves the schema as it was.
// It uses opts.Schema and opts.AllowPublic, and opts.StatementTimeout
// only when set above zero (a migration of a large ledger rewrites its
// bookings once).
//
// It returns an *Error wrapping ErrSchema for an invalid or reserved
// schema name (pg_*, information_schema; public without
// opts.AllowPublic) or for a schema at a version newer than this package
// knows (it never downgrades), ErrConnect when the pool cannot reach the
// server, and the server's error otherwise.
func MigrateWith(ctx context.Context, pool *pgxpool.Pool, opts Options) error {
	schema := opts.Schema
	if schema == "" {
		schema = DefaultSchema
	}
	if err := checkSchema(schema, opts.AllowPublic); err != nil {
		return err
	}
	if pool == nil {
		return fail(ErrConnect, "pool", "", cNilPool, nil)
	}
	s := &Store{pool: pool, schema: schema, timeout: "0"}
	if opts.StatementTimeout > 0 {
		s.timeout = timeoutSetting(opts.StatementTimeout)
	}
	return s.retry(ctx, "schema", msg.Quote(schema), true, func() error {
		return s.transact(ctx, func(t *txn) error { return s.migrate(ctx, t) })
	})
}

func (s *Store) migrate(ctx context.Context, t *txn) error {
	id := pgx.Identifier{s.schema}.Sanitize()
	// One migration at a time per schema, across processes.
	b := &pgx.Batch{}
	b.Queue("SELECT pg_advisory_xact_lock(hashtext('batikkit/pgstore migrate ' || $1))", s.schema)
	if err := t.send(ctx, b, false); err != nil {
		return err
	}
	// Statements on tables this transaction creates go by the simple
	// protocol (pgx prepares a batch's statements before it runs them).
	if _, err := t.conn.Exec(ctx, "CREATE SCHEMA IF NOT EXISTS "+id+"; CREATE TABLE IF NOT EXISTS "+id+`.schema_version (
			one     boolean PRIMARY KEY DEFAULT true CHECK (one),
			version integer NOT NULL CHECK (version >= 0));
		INSERT INTO `+id+".schema_version (version) VALUES (0) ON CONFLICT DO NOTHING"); err != nil {
		return err
	}
	var have int
	if err := t.conn.QueryRow(ctx, "SELECT version FROM "+id+".schema_version FOR UPDATE", pgx.QueryExecModeSimpleProtocol).Scan(&have); err != nil {
		return err
	}
	files := migrations()
	if have > len(files) {
		return answer(fail(ErrSchema, "schema", msg.Quote(s.schema), cSchemaNewer, nil, strconv.Itoa(have), strconv.Itoa(len(files))))
	}
	for v := have + 1; v <= len(files); v++ {
		text, err := schemaFS.ReadFile(files[v-1])
		if err != nil {
			return err
		}
		// Without arguments pgx sends the file by the simple protocol,
		// which runs its several statements.
		if _, err := t.conn.Exec(ctx, strings.ReplaceAll(string(text), "{{schema}}", id)); err != nil {
			return &migrationError{file: path.Base(files[v-1]), err: err}
		}
	}
	b = &pgx.Batch{}
	b.Queue("UPDATE "+id+".schema_version SET version = $1", len(files))
	return t.send(ctx, b, true)
}

// SchemaVersion returns the version of the tables under schema (0 when
// Migrate never ran there; DefaultSchema when schema is empty) and the
// version this package migrates to. Errors: an *Error wrapping ErrSchema
// for a name Migrate refuses ("public" is read), ErrConnect when the pool
// cannot reach the server.
func SchemaVersion(ctx context.Context, pool *pgxpool.Pool, schema string) (have, want int, err error) {
	if schema == "" {
		schema = DefaultSchema
	}
	if err := checkSchema(schema, true); err != nil {
		return 0, 0, err
	}
	if pool == nil {
		return 0, 0, fail(ErrConnect, "pool", "", cNilPool, nil)
	}
	s := &Store{pool: pool, schema: schema, timeout: timeoutSetting(0)}
	id := pgx.Identifier{schema}.Sanitize()
	var exists bool
	err = s.read(ctx, "schema", msg.Quote(schema), func(b *pgx.Batch) {
		b.Queue("SELECT to_regclass($1) IS NOT NULL", id+".schema_version").QueryRow(func(r pgx.Row) error { return r.Scan(&exists) })
	})
	if err == nil && exists {
		err = s.read(ctx, "schema", msg.Quote(schema), func(b *pgx.Batch) {
			b.Queue("SELECT version FROM " + id + ".schema_version").QueryRow(func(r pgx.Row) error { return r.Scan(&have) })
		})
	}
	return have, latestVersion(), err
}

// migrationError names the migration file whose statements failed.
type migrationError struct {
	file string
	err  error
}

func (e *migrationError) Error() string { return e.file + ": " + e.err.Error() }
func (e *migrationError) Unwrap() error { return e.err }
