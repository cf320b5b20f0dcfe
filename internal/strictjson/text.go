package strictjson

import "unicode/utf8"

// BadText returns the offset of the first byte in data that encoding/json
// would silently replace with U+FFFD: a byte that is not part of valid
// UTF-8, or the backslash of a \u escape of a lone surrogate (\ud800 not
// followed by a low surrogate, or a low surrogate alone). It returns -1
// when there is none. O(len(data)); the data need not be valid JSON.
func BadText(data []byte) int {
	inString := false
	for i := 0; i < len(data); {
		c := data[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size == 1 {
				return i
			}
			i += size
			continue
		}
		switch {
		case c == '"':
			inString = !inString
		case c == '\\' && inString && i+1 < len(data):
			if data[i+1] == 'u' {
				if n := surrogate(data[i:]); n < 0 {
					return i
				} else if n > 0 {
					i += n
					continue
				}
			}
			i += 2
			continue
		}
		i++
	}
	return -1
}

// surrogate reads a \u escape at the start of s: 12 for a valid pair of
// surrogate escapes, -1 for a lone surrogate, 0 for any other escape.
func surrogate(s []byte) int {
	r, ok := hex4(s)
	switch {
	case !ok || r < 0xd800 || r > 0xdfff:
		return 0
	case r >= 0xdc00:
		return -1 // a low surrogate first
	}
	if len(s) < 12 || s[6] != '\\' || s[7] != 'u' {
		return -1
	}
	if lo, ok := hex4(s[6:]); ok && lo >= 0xdc00 && lo <= 0xdfff {
		return 12
	}
	return -1
}

// hex4 reads the four hex digits of a \u escape at the start of s.
func hex4(s []byte) (rune, bool) {
	if len(s) < 6 {
		return 0, false
	}
	var r rune
	for _, c := range s[2:6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
