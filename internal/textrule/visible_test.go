package textrule

import (
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// TestDefaultIgnorableTable recomputes Default_Ignorable_Code_Point the way
// DerivedCoreProperties.txt derives it, from the standard library's tables,
// and compares every code point with the transcribed table.
func TestDefaultIgnorableTable(t *testing.T) {
	if unicode.Version != UnicodeVersion {
		t.Logf("the standard library has Unicode %s, the table %s: the derivation below checks the table against the newer data", unicode.Version, UnicodeVersion)
	}
	derived := func(r rune) bool {
		if !unicode.In(r, unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector) {
			return false
		}
		return !unicode.Is(unicode.White_Space, r) && !(r >= 0xfff9 && r <= 0xfffb) &&
			!(r >= 0x13430 && r <= 0x13440) && !unicode.Is(unicode.Prepended_Concatenation_Mark, r)
	}
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if DefaultIgnorable(r) != derived(r) {
			t.Errorf("U+%04X: table says %t, the derivation %t", r, DefaultIgnorable(r), derived(r))
		}
		if DefaultIgnorable(r) {
			n++
		}
	}
	assert.Equal(t, 4174, n, "DerivedCoreProperties.txt: Total code points: 4174")
}

// Names the hostile review found passing: fillers, joiners and blanks
// alone, which show nothing.
func TestVisibleRefusesInvisibleNames(t *testing.T) {
	for _, s := range []string{
		"", " ", "\u3164", "\u115f", "\u1160", "\uffa0", "\u2800", "\u034f", "\ufe0f", "\u200b", "\ufeff",
		"\u00ad", "\u2060", "\U000e0041", "\U000e0100", "\U0001d159", "\U00016fe4", "\u180e",
		"\u3164\u2800 \u034f", "\u3000\u00a0\u2007", strings.Repeat("\u200b", 100),
	} {
		assert.False(t, Visible(s), "%q", s)
	}
	for _, s := range []string{"a", "Batik\u3164", "\u2800x", "Ñ", "バティック", "1", "\u0300", "\u200bA", "–"} {
		assert.True(t, Visible(s), "%q", s)
	}
}

func TestVisibleRuneASCII(t *testing.T) {
	for r := rune(0); r < 0x80; r++ {
		assert.Equal(t, r > ' ' && r != 0x7f, VisibleRune(r), "%#x", r)
	}
	assert.False(t, VisibleRune(0xe000), "private use shows as nothing known")
	assert.False(t, VisibleRune(0x0378), "unassigned")
}

// Visible also requires plain text.
func TestVisibleRequiresPlain(t *testing.T) {
	for _, s := range []string{"a\x00", "a\xff", "a\u202e", "a\n", "\u0085a"} {
		assert.False(t, Visible(s), "%q", s)
	}
}
