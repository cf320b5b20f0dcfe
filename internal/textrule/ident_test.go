package textrule

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The letters and digits an identifier may start with and hold: 0-9, a-z
// and A-Z, ends included; the bytes just outside those ranges may not
// start one.
func TestIdent(t *testing.T) {
	for _, s := range []string{"0", "9", "a", "z", "A", "Z", "z9Z0aA", "Zz-09", "ORD-Z", "x.y_z/1", "SLO-01"} {
		assert.True(t, Ident(s), s)
	}
	for _, s := range []string{"", " ", "/a", ":a", "`a", "{a", "@a", "[a", "-x", ".x", "a:", "a{", "a@", "a[", "a b", "=1+1", "P 1", "é1", "a\x00"} {
		assert.False(t, Ident(s), "%q", s)
	}
}

func TestID(t *testing.T) {
	assert.True(t, ID(strings.Repeat("a", MaxID)))
	assert.False(t, ID(strings.Repeat("a", MaxID+1)))
	assert.False(t, ID(""))
}
