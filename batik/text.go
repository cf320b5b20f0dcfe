package batik

import (
	"unicode"
	"unicode/utf8"
)

// Rules for free text (names, descriptions, motifs). A name is what a clerk
// reads on a screen and a buyer on an invoice, so it must show something:
//
//   - valid UTF-8 (a Windows-1252 file read as UTF-8 is refused, not stored
//     as mojibake);
//   - no control characters (C0, DEL, C1) except, in a description or a
//     motif, line breaks and tabs; no bidirectional overrides or isolates
//     (U+202A..U+202E, U+2066..U+2069, U+200E, U+200F, U+061C), which can make
//     "fake.exe" look like "exe.ekaf" (Trojan Source, CVE-2021-42574);
//   - a name holds at least one visible character: a name of only spaces,
//     U+200B ZERO WIDTH SPACE or U+FEFF is blank;
//   - a name does not start with '=', '+', '-' or '@', which a spreadsheet
//     runs as a formula (OWASP, "CSV Injection").

// textProblem reports whether s breaks the rules for free text (multiline
// allows '\n', '\r' and '\t'). O(len(s)).
func textProblem(s string, multiline bool) bool {
	problem, _ := scanText(s, multiline)
	return problem
}

// scanText reads s once: whether it breaks the rules for free text, and
// whether it has a visible character. ASCII, the common case, needs no
// rune decoding. O(len(s)).
func scanText(s string, multiline bool) (problem, visible bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				if !multiline || (c != '\n' && c != '\r' && c != '\t') {
					return true, visible
				}
			} else if c != ' ' {
				visible = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return true, visible
		}
		if isBidiControl(r) || (r >= 0x80 && r <= 0x9f) {
			return true, visible
		}
		if !visible && unicode.IsGraphic(r) && !unicode.IsSpace(r) {
			visible = true
		}
		i += size
	}
	return false, visible
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// visibleText reports whether s is free text with at least one visible
// character.
func visibleText(s string) bool {
	problem, visible := scanText(s, false)
	return !problem && visible
}

// formulaLead reports whether s starts like a spreadsheet formula.
func formulaLead(s string) bool {
	return s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
}
