package capacity

import (
	"unicode"
	"unicode/utf8"
)

// The text rules of the ledger's keys, actors and producer IDs.

// plainText reports whether s is valid UTF-8 without control characters
// (C0, DEL, C1) or bidirectional controls. O(len(s)).
func plainText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < ' ' || (r >= 0x7f && r <= 0x9f) || isBidi(r) {
			return false
		}
	}
	return true
}

func isBidi(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// visibleText reports whether plain text s shows something: a graphic
// character that is not a space and not default-ignorable.
func visibleText(s string) bool {
	for _, r := range s {
		if unicode.IsGraphic(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) &&
			r != 0x200b && r != 0xfeff && r != 0x3164 && r != 0x115f && r != 0x2800 && r != 0xffa0 && r != 0x034f && !(r >= 0xfe00 && r <= 0xfe0f) {
			return true
		}
	}
	return false
}

// idOK reports whether s follows batik's rule for IDs: 1 to 64 ASCII
// letters, digits and . _ / -, starting with a letter or digit.
func idOK(s string) bool {
	if s == "" || len(s) > 64 || !alnum(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !alnum(c) && c != '.' && c != '_' && c != '/' && c != '-' {
			return false
		}
	}
	return true
}

func alnum(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
