package ledgerhttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
)

// TestKindOf: each sentinel of the ledger has its status and type, also
// wrapped, and an error the handler does not know is the server's.
func TestKindOf(t *testing.T) {
	tests := []struct {
		err    error
		status int
		typ    string
	}{
		{capacity.ErrInvalid, 400, ProblemInvalid},
		{capacity.ErrOverflow, 400, ProblemOverflow},
		{capacity.ErrNotFound, 404, ProblemNotFound},
		{capacity.ErrConflict, 409, ProblemConflict},
		{capacity.ErrExists, 409, ProblemConflict},
		{capacity.ErrNoRoom, 409, ProblemNoRoom},
		{capacity.ErrNoCapacity, 422, ProblemNoCapacity},
		{capacity.ErrContention, 503, ProblemContention},
		{capacity.ErrStale, 503, ProblemContention},
		{context.DeadlineExceeded, 503, "about:blank"},
		{context.Canceled, 503, "about:blank"},
	}
	for _, tt := range tests {
		for _, err := range []error{tt.err, fmt.Errorf("store: %w", tt.err), &capacity.InputError{Field: "x", Code: "range", Kind: tt.err}} {
			p, internal := problemOf(err, nil, msg.English)
			assert.False(t, internal, "%v", err)
			assert.Equal(t, tt.status, p.Status, "%v", err)
			assert.Equal(t, tt.typ, p.Type, "%v", err)
		}
	}
	p, internal := problemOf(errors.New("disk full"), nil, msg.Indonesian)
	assert.True(t, internal)
	assert.Equal(t, http.StatusInternalServerError, p.Status)
	assert.NotContains(t, p.Detail, "disk", "the error itself is logged, not shown")
	assert.Equal(t, "Galat internal server", p.Title)
}

func TestLocate(t *testing.T) {
	tests := []struct {
		field, in, name string
	}{
		{"key", inHeader, "Idempotency-Key"},
		{"keys", inBody, "keys"}, // not a sub-path of key
		{"producers[2].id", inServer, "[2].id"},
		{"json", inBody, "body"},
		{"orders[0].quantity", inBody, "orders[0].quantity"},
	}
	for _, tt := range tests {
		in, name := locate(tt.field, bookFields)
		assert.Equal(t, tt.in, in, tt.field)
		assert.Equal(t, tt.name, name, tt.field)
	}
	in, name := locate("calendar.week", calendarFields)
	assert.Equal(t, inBody, in)
	assert.Equal(t, "week", name)
	in, name = locate("filter.producer_id", listFields)
	assert.Equal(t, inQuery, in)
	assert.Equal(t, "producer", name)
}
