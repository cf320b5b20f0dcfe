package textrule

import (
	"unicode"
	"unicode/utf8"
)

// Plain reports whether s is valid UTF-8 with no control character (C0,
// DEL, C1: U+0000..U+001F, U+007F..U+009F) and no bidirectional control:
// the embeddings and overrides U+202A..U+202E, the isolates
// U+2066..U+2069, the marks U+200E, U+200F and U+061C (Unicode's
// Bidi_Control property). Bidirectional controls can make "fake.exe" show
// as "exe.ekaf" (Trojan Source, CVE-2021-42574). A text that is not UTF-8
// is refused rather than stored as mojibake. The empty string is plain.
func Plain(s string) bool {
	ok, _ := scan(s, false)
	return ok
}

// PlainLines is Plain for text of several lines (a description): it also
// allows line feed, carriage return and tab.
func PlainLines(s string) bool {
	ok, _ := scan(s, true)
	return ok
}

// Trimmed reports whether s has no white space (unicode.IsSpace: spaces,
// tabs, line breaks, U+00A0, U+3000 ...) at its start or its end, so that
// a reader that trims cells gives s back unchanged.
func Trimmed(s string) bool {
	if s == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !unicode.IsSpace(first) && !unicode.IsSpace(last)
}

// scan reads s once: whether it is plain (lines allows '\n', '\r' and
// '\t') and whether it holds a visible character (see VisibleRune). ASCII,
// the common case, needs no rune decoding.
func scan(s string, lines bool) (plain, visible bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c < ' ' || c == 0x7f:
				if !lines || (c != '\n' && c != '\r' && c != '\t') {
					return false, visible
				}
			case c != ' ':
				visible = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) || bidiControl(r) {
			return false, visible
		}
		visible = visible || VisibleRune(r)
		i += size
	}
	return true, visible
}

// bidiControl reports whether r has Unicode's Bidi_Control property.
func bidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}
