package textrule

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The characters text may not hold, at the ends of each range: a lone
// byte 0x80 (not UTF-8), C0, DEL, the C1 controls U+0080..U+009F and the
// bidirectional controls; their neighbours are allowed.
func TestPlainEdges(t *testing.T) {
	for _, c := range []string{"\x00", "\x1f", "\x7f", "\x80", "\xff", "\xc3", "\u0080", "\u009f", "\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\n", "\r", "\t"} {
		assert.False(t, Plain("Batik"+c), "%q", c)
	}
	for _, c := range []string{" ", "~", "\u00a0", "\u00a1", "\u2029", "\u202f", "\u2065", "\u206a", "\u200d", "\u2010", "\u061b", "\ufffd"} {
		assert.True(t, Plain("Batik"+c), "%q", c)
	}
	assert.True(t, Plain(""))
}

func TestPlainLines(t *testing.T) {
	assert.True(t, PlainLines("baris satu\r\nbaris dua\tdengan tab"))
	for _, s := range []string{"a\x00", "a\x0b", "a\x1b", "a\u202eb", "a\xffb", "a\u0085"} {
		assert.False(t, PlainLines(s), "%q", s)
	}
}

func TestTrimmed(t *testing.T) {
	for _, s := range []string{"", "a", "a b", "\u200ba", "'a"} {
		assert.True(t, Trimmed(s), "%q", s)
	}
	for _, s := range []string{" a", "a ", " =1+1", "\ta", "a\n", "\u00a0a", "a\u3000", "\u2000a", " "} {
		assert.False(t, Trimmed(s), "%q", s)
	}
}
