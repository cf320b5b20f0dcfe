package capacity

import (
	"strconv"
	"time"
	"unicode/utf8"
)

// Appending JSON values as encoding/json writes them, for the types whose
// encoding is written directly (Booking).

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it: '"', '\\' and the control characters, '<', '>' and '&' (as
// \u003c, \u003e, \u0026), U+2028 and U+2029, and invalid UTF-8 as
// U+FFFD.
func appendJSONString(e []byte, s string) []byte {
	const hex = "0123456789abcdef"
	e = append(e, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			e = append(e, s[start:i]...)
			switch c {
			case '"', '\\':
				e = append(e, '\\', c)
			case '\b':
				e = append(e, '\\', 'b')
			case '\f':
				e = append(e, '\\', 'f')
			case '\n':
				e = append(e, '\\', 'n')
			case '\r':
				e = append(e, '\\', 'r')
			case '\t':
				e = append(e, '\\', 't')
			default:
				e = append(e, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			e = append(append(e, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			e = append(append(e, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(e, s[start:]...), '"')
}

// appendJSONTime appends t as encoding/json writes a time.Time: RFC 3339
// with nanoseconds, quoted; a year outside [0, 9999] is an error, as it is
// there.
func appendJSONTime(e []byte, t time.Time) ([]byte, error) {
	if y := t.Year(); y < 0 || y > 9999 {
		return nil, invalid("time", strconv.Itoa(y), cYears)
	}
	return append(t.AppendFormat(append(e, '"'), time.RFC3339Nano), '"'), nil
}
