package pgstore

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
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
// brings them up to this package's version. It is idempotent: on an
// up-to-date schema it changes nothing. Concurrent Migrate calls (several
// replicas starting at once) serialize on an advisory lock, and the whole
// migration is one transaction, so a failure leaves the schema as it was.
//
// Migrate returns an error wrapping ErrSchema for an invalid schema name
// or for a schema at a version newer than this package knows (it never
// downgrades), ErrConnect when the pool cannot reach the server, and the
// server's error otherwise.
func Migrate(ctx context.Context, pool *pgxpool.Pool, schema string) error {
	if schema == "" {
		schema = DefaultSchema
	}
	if err := checkSchema(schema); err != nil {
		return err
	}
	if pool == nil {
		return fmt.Errorf("pgstore: migrate: nil pool: %w", ErrConnect)
	}
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return connectErr("migrate", err)
	}
	defer conn.Release()
	return pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error { return migrate(ctx, tx, schema) })
}

func connectErr(op string, err error) error {
	if isClosedPool(err) {
		return fmt.Errorf("pgstore: %s: %w: %w", op, ErrClosed, err)
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) || isConnError(err) || errors.As(err, new(*pgconn.ConnectError)) {
		return fmt.Errorf("pgstore: %s: %w: %w", op, ErrConnect, err)
	}
	return fmt.Errorf("pgstore: %s: %w", op, err)
}

func migrate(ctx context.Context, tx pgx.Tx, schema string) error {
	id := pgx.Identifier{schema}.Sanitize()
	// One migration at a time per schema, across processes.
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock(hashtext('batikkit/pgstore migrate ' || $1))", schema); err != nil {
		return fmt.Errorf("pgstore: migrate %s: %w", quote(schema), err)
	}
	for _, stmt := range []string{
		"CREATE SCHEMA IF NOT EXISTS " + id,
		"CREATE TABLE IF NOT EXISTS " + id + `.schema_version (
			one     boolean PRIMARY KEY DEFAULT true CHECK (one),
			version integer NOT NULL CHECK (version >= 0))`,
		"INSERT INTO " + id + ".schema_version (version) VALUES (0) ON CONFLICT DO NOTHING",
	} {
		if _, err := tx.Exec(ctx, stmt); err != nil {
			return fmt.Errorf("pgstore: migrate %s: %w", quote(schema), err)
		}
	}
	var have int
	if err := tx.QueryRow(ctx, "SELECT version FROM "+id+".schema_version FOR UPDATE").Scan(&have); err != nil {
		return fmt.Errorf("pgstore: migrate %s: %w", quote(schema), err)
	}
	files := migrations()
	if have > len(files) {
		return &SchemaError{Schema: schema, Version: have, Reason: "is from a newer version of batikkit; refusing to downgrade"}
	}
	for v := have + 1; v <= len(files); v++ {
		text, err := schemaFS.ReadFile(files[v-1])
		if err != nil {
			return fmt.Errorf("pgstore: migrate %s: %w", quote(schema), err)
		}
		sql := strings.ReplaceAll(string(text), "{{schema}}", id)
		if _, err := tx.Exec(ctx, sql); err != nil {
			return fmt.Errorf("pgstore: migrate %s to version %d (%s): %w", quote(schema), v, path.Base(files[v-1]), err)
		}
		if _, err := tx.Exec(ctx, "UPDATE "+id+".schema_version SET version = $1", v); err != nil {
			return fmt.Errorf("pgstore: migrate %s: %w", quote(schema), err)
		}
	}
	return nil
}

// SchemaVersion returns the version of the tables under schema (0 when
// Migrate never ran there) and the version this package migrates to.
func SchemaVersion(ctx context.Context, pool *pgxpool.Pool, schema string) (have, want int, err error) {
	if schema == "" {
		schema = DefaultSchema
	}
	if err := checkSchema(schema); err != nil {
		return 0, 0, err
	}
	id := pgx.Identifier{schema}.Sanitize()
	var exists bool
	err = pool.QueryRow(ctx, "SELECT to_regclass($1) IS NOT NULL", id+".schema_version").Scan(&exists)
	if err != nil {
		return 0, 0, connectErr("schema version", err)
	}
	if exists {
		if err := pool.QueryRow(ctx, "SELECT version FROM "+id+".schema_version").Scan(&have); err != nil {
			return 0, 0, fmt.Errorf("pgstore: schema version: %w", err)
		}
	}
	return have, latestVersion(), nil
}
