package pgstore

import (
	"errors"
	"io"
	"net"
	"strings"
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/puddle/v2"
)

// Sentinel errors of the package, besides the capacity sentinels
// (capacity.ErrNotFound, ErrExists, ErrStale, ErrNoRoom, ErrInvalid) that
// the Store returns exactly where the memory store does.
var (
	// ErrSchema: the schema name is not a plain identifier or is
	// reserved, its tables do not exist (Migrate was not run), or they are
	// from a newer version of this package than the running one (Migrate
	// refuses to downgrade).
	ErrSchema = errors.New("pgstore: unusable schema")
	// ErrConnect: the pool cannot reach the server (wrong DSN, server
	// down, authentication refused), or none was given.
	ErrConnect = errors.New("pgstore: cannot connect")
	// ErrConnection: the connection broke during an operation, after the
	// retries, or a statement ran past Options.StatementTimeout. The
	// error's Code says whether the change surely did not happen
	// ("lost_unchanged", "statement_timeout") or, when COMMIT itself was
	// cut off, may have ("lost_commit").
	ErrConnection = errors.New("pgstore: connection lost")
	// ErrClosed: the pool was closed.
	ErrClosed = errors.New("pgstore: pool closed")
	// ErrServer: the server refused an operation for a reason of its own
	// (the underlying *pgconn.PgError says which).
	ErrServer = errors.New("pgstore: server error")
)

// Error is the package's one error shape, as every typed error of
// batikkit: the input the error is about as a path ("schema", "key",
// "query"), its value abbreviated (64 bytes and the length), the code of
// the reason in the package's message catalogue with its arguments, the
// sentinel it wraps (Kind) and the underlying error (Err: the server's
// *pgconn.PgError, a network error), if any. errors.Is and errors.As see
// both Kind and Err. Errors about a booking's own rules are capacity's
// (*capacity.InputError, from capacity's constructors).
type Error struct {
	Field string   // the input: "schema", "key", "query", "entry"
	Value string   // its value as text, abbreviated
	Code  string   // the reason's code in the catalogue: "lost_commit"
	Args  []string // the reason's arguments
	Kind  error    // ErrSchema, ErrConnect, ErrConnection, ErrClosed, capacity.ErrInvalid, context.Canceled ...
	Err   error    // the underlying error, if any
}

// Error returns the message in English, prefixed "pgstore: ".
func (e *Error) Error() string { return "pgstore: " + e.Message(msg.English) }

// Message returns "field = value: reason" in language l, followed by the
// underlying error's own message (in English only: the server's errors
// cannot say themselves in Indonesian).
func (e *Error) Message(l msg.Lang) string { return msg.Line(l, e.Field, e.Value, e.Reason(l), e.Err) }

// Reason returns what is wrong, in language l: the catalogue's text for
// Code with Args (the code itself for a code the catalogue lacks).
func (e *Error) Reason(l msg.Lang) string {
	if t, ok := msg.Find(texts[:], e.Code); ok {
		return t.Format(l, e.Args...)
	}
	return e.Code
}

// Unwrap returns the sentinel (ErrServer when Kind is unset) and the
// underlying error.
func (e *Error) Unwrap() []error { return msg.Unwrap(e.Kind, ErrServer, e.Err) }

// fail returns an *Error of kind with the reason c.
func fail(kind error, field, value string, c code, err error, args ...string) *Error {
	return &Error{Field: field, Value: value, Code: texts[c].Code, Args: args, Kind: kind, Err: err}
}

// checkSchema accepts what needs no quoting to be read back the same,
// [a-z_][a-z0-9_]*, at most 63 bytes (PostgreSQL's NAMEDATALEN - 1), and
// refuses the names PostgreSQL reserves (pg_*, information_schema) and,
// unless allowPublic, the schema every user of a database shares.
func checkSchema(s string, allowPublic bool) error {
	bad := func(c code) error { return fail(ErrSchema, "schema", msg.Quote(s), c, nil) }
	if s == "" || len(s) > 63 {
		return bad(cSchemaName)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || c >= 'a' && c <= 'z' || i > 0 && c >= '0' && c <= '9' {
			continue
		}
		return bad(cSchemaName)
	}
	switch {
	case len(s) >= 3 && s[:3] == "pg_", s == "information_schema":
		return bad(cSchemaReserved)
	case s == "public" && !allowPublic:
		return bad(cSchemaPublic)
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

// textHolds reports whether a text column can hold s: valid UTF-8 (the
// database's encoding) without a NUL byte. capacity's rules refuse other
// keys and IDs in a change; the readers use this to answer "none" for a
// key or ID no row can have, rather than send the server what it refuses.
func textHolds(s string) bool { return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 }
