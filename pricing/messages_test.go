package pricing

import (
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCatalogue: every code has an entry, every entry passes msg.Check
// (both languages, no code twice, the same placeholders, no English in
// the Indonesian), and ParseError's codes, which callers match, are the
// ones they have always been.
func TestCatalogue(t *testing.T) {
	require.Len(t, texts, int(numCodes))
	for c := range numCodes {
		assert.NotEmpty(t, texts[c].Code, "code %d has no entry", c)
	}
	assert.Empty(t, msg.Check(texts[:]))
	var parse []string
	for _, tx := range texts[:codeAmount] {
		parse = append(parse, tx.Code)
	}
	assert.Equal(t, []string{"long", "empty", "minus", "no_digits", "first_group", "leading_zero", "group", "sen",
		"comma", "comma_twice", "dot", "sign", "unexpected", "digits", "nan", "exponent", "grouping", "char",
		"decimals", "rate_decimals"}, parse)
}
