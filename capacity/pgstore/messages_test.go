package pgstore

import (
	"context"
	"errors"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogue checks every message: a code and both languages for each
// constant, the same placeholders in each, no English in the Indonesian.
func TestCatalogue(t *testing.T) {
	for c := code(1); c < ncodes; c++ {
		require.NotEmpty(t, texts[c].Code, "code %d has no entry", c)
	}
	assert.Empty(t, msg.Check(texts[1:]))
}

// TestErrorShape: an *Error renders its field, value and reason in both
// languages (the server's own text in English only) and unwraps to its
// sentinel and the underlying error.
func TestErrorShape(t *testing.T) {
	pe := &pgconn.PgError{Severity: "FATAL", Code: "57P01", Message: "terminating connection due to administrator command"}
	s := &Store{schema: "batikkit", timeout: "5000"}
	err := s.wrap("key", `"K1"`, true, pe)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "lost_unchanged", e.Code)
	assert.Equal(t, `pgstore: key = "K1": the connection was lost before COMMIT was sent; nothing was changed: FATAL: terminating connection due to administrator command (SQLSTATE 57P01)`, err.Error())
	assert.Equal(t, `key = "K1": koneksi terputus sebelum COMMIT dikirim; tidak ada yang diubah`, e.Message(msg.Indonesian))
	assert.ErrorIs(t, err, ErrConnection)
	assert.True(t, errors.As(err, &pe))
	err = s.wrap("key", `"K1"`, true, &ambiguousError{pe})
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "lost_commit", e.Code)
	err = s.wrap("key", `"K1"`, false, context.Canceled)
	require.ErrorIs(t, err, context.Canceled)
	err = s.wrap("key", `"K1"`, false, &pgconn.PgError{Code: "57014"})
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, err.Error(), "5000ms")
	assert.Equal(t, "x: no_such_code", (&Error{Field: "x", Code: "no_such_code", Kind: ErrServer}).Message(msg.Indonesian))
}
