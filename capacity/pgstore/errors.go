package pgstore

import (
	"errors"
	"io"
	"net"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"
)

// Sentinel errors of the package, besides the capacity sentinels
// (capacity.ErrNotFound, ErrExists, ErrStale, ErrNoRoom, ErrInvalid) that
// the Store returns exactly where the memory store does.
var (
	// ErrSchema: the schema name is not a plain identifier, its tables
	// do not exist (Migrate was not run), or they are from a newer
	// version of this package than the running one (Migrate refuses to
	// downgrade).
	ErrSchema = errors.New("pgstore: unusable schema")
	// ErrConnect: the pool cannot reach the server (wrong DSN, server
	// down, authentication refused).
	ErrConnect = errors.New("pgstore: cannot connect")
	// ErrConnection: the connection broke during an operation, after the
	// retries. The error text says whether the change surely did not
	// happen or, when COMMIT itself was cut off, may have.
	ErrConnection = errors.New("pgstore: connection lost")
	// ErrClosed: the pool was closed.
	ErrClosed = errors.New("pgstore: pool closed")
)

// SchemaError reports a schema that cannot be used: an invalid name, or
// tables of a version this package does not know.
type SchemaError struct {
	Schema  string
	Version int // the version found in the database, when that is the problem
	Reason  string
}

// Error names the schema and the reason.
func (e *SchemaError) Error() string {
	s := "pgstore: schema " + quote(e.Schema) + ": " + e.Reason
	if e.Version != 0 {
		s += " (database has version " + strconv.Itoa(e.Version) + ", this package knows up to " + strconv.Itoa(latestVersion()) + ")"
	}
	return s
}

// Unwrap returns ErrSchema.
func (e *SchemaError) Unwrap() error { return ErrSchema }

// checkSchema accepts what needs no quoting to be read back the same:
// [a-z_][a-z0-9_]*, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1).
func checkSchema(s string) error {
	if s == "" || len(s) > 63 {
		return &SchemaError{Schema: s, Reason: "name must be 1 to 63 bytes"}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return &SchemaError{Schema: s, Reason: "name must be lower-case letters, digits and underscores, not starting with a digit"}
	}
	if len(s) >= 3 && s[:3] == "pg_" {
		return &SchemaError{Schema: s, Reason: "names starting with pg_ are reserved by PostgreSQL"}
	}
	return nil
}

func isClosedPool(err error) bool { return errors.Is(err, puddle.ErrClosedPool) }

// isConnError reports an error of the connection itself rather than an
// answer of the server.
func isConnError(err error) bool {
	if errors.Is(err, pgconn.ErrConnClosed) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) {
		return true
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	var oe *net.OpError
	return errors.As(err, &oe)
}

// quote renders a value for a message, abbreviated past 64 bytes.
func quote(s string) string {
	if len(s) <= 64 {
		return strconv.Quote(s)
	}
	cut := 64
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strconv.Quote(s[:cut]) + "... (" + strconv.Itoa(len(s)) + " bytes)"
}
