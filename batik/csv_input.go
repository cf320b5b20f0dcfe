package batik

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/batikkit/batikkit/internal/msg"
	"golang.org/x/text/encoding/charmap"
)

// What a CSV input is before its header is read: its encoding (UTF-8,
// UTF-16, Windows-1252) and its separator.

// decode1252 reads all of r as Windows-1252. Text that is valid UTF-8
// and not ASCII alone is refused (as Windows-1252 it would become
// mojibake, "Süryä" as "SÃ¼ryÃ¤"); the bytes the code page leaves
// undefined decode to U+FFFD, which next reports at their cell.
func (t *table) decode1252(r io.Reader) (io.Reader, bool) {
	data, err := io.ReadAll(r)
	if err != nil {
		t.readErr = err
		return nil, false
	}
	line := data
	if i := firstLineEnd(data); i >= 0 {
		line = data[:i]
	}
	switch {
	case utf16Line(line):
		t.add(1, 0, dataErr("", codeUTF16))
		return nil, false
	case utf8Text(data):
		t.add(1, 0, dataErr("", codeUTF8Not1252))
		return nil, false
	}
	data, err = charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil { // the decoder maps every byte; kept for its contract
		t.readErr = err
		return nil, false
	}
	t.cp1252 = true
	return bytes.NewReader(data), true
}

// utf8Text reports whether b is valid UTF-8 with at least one byte beyond
// ASCII: text that was written as UTF-8 (a Windows-1252 text would have
// to pair its accented letters exactly as UTF-8 does, which words do not).
func utf8Text(b []byte) bool {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return utf8.Valid(b[i:])
		}
	}
	return false
}

// utf16Line reports whether a header line is UTF-16 (Excel's "Unicode
// Text"): a UTF-16 byte order mark, or a NUL byte, which no CSV header
// holds and every UTF-16 header of ASCII names does.
func utf16Line(b []byte) bool {
	return bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) || bytes.IndexByte(b, 0) >= 0
}

// comma returns the separator given, or when none is, the one sniffed
// from the header line; false after reporting why there is none.
func (t *table) comma(line []byte, given rune) (rune, bool) {
	switch given {
	case ',', ';', '\t':
		return given, true
	case 0:
		comma, tie := sniffComma(line)
		if tie {
			t.add(1, 0, dataErr("", codeSeparator))
		}
		return comma, !tie
	}
	t.add(1, 0, FieldError{Field: "ReadOptions.Comma", Value: msg.Quote(string(given)), Code: texts[codeSeparatorOption].Code, Kind: ErrData})
	return 0, false
}

// sniffComma picks the separator of the header line: whichever of ',', ';'
// and tab occurs most often outside quotes (',' when none does). tie is
// true when two occur equally often, so the file cannot tell.
func sniffComma(line []byte) (comma rune, tie bool) {
	var n [3]int // ',', ';', '\t'
	inQuote := false
	for _, c := range line {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == ',':
			n[0]++
		case c == ';':
			n[1]++
		case c == '\t':
			n[2]++
		}
	}
	seps := [3]rune{',', ';', '\t'}
	best := 0
	for i := 1; i < 3; i++ {
		if n[i] > n[best] {
			best = i
		}
	}
	for i := range 3 {
		if i != best && n[i] == n[best] && n[i] > 0 {
			return 0, true
		}
	}
	return seps[best], false
}
