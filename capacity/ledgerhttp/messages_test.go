package ledgerhttp

import (
	"strings"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
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
	assert.Len(t, strings.Fields(text(msg.English, wMonths)), 12)
	assert.Len(t, strings.Fields(text(msg.Indonesian, wMonths)), 12)
}

// TestRequestErrorShape: the handler's own errors render field, value
// and reason in both languages.
func TestRequestErrorShape(t *testing.T) {
	e := &requestError{Field: "limit", Value: `"ten"`, Code: rInteger, In: inQuery, Status: 400}
	assert.Equal(t, `ledgerhttp: limit = "ten": must be a whole number`, e.Error())
	assert.Equal(t, `limit = "ten": harus bilangan bulat`, e.Message(msg.Indonesian))
}
