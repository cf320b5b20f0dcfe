package batik

import (
	"bytes"
	"io"
)

// MaxColumns is the most cells a CSV row may have: a header with more is
// refused before any row is read, and a data row must have as many cells
// as its header. Cells past the limit are counted, never kept, so a row of
// millions of separators costs no memory.
const MaxColumns = 256

// csvReader splits CSV text into records (RFC 4180, as encoding/csv reads
// it with FieldsPerRecord -1 and LazyQuotes off) and, as encoding/csv does
// not, ends lines at a bare CR too (old Mac files), counts lines as an
// editor shows them, and keeps at most MaxColumns cells of a record. A
// record's cells are slices of one string.
type csvReader struct {
	r         io.Reader
	buf       []byte // read buffer: buf[pos:end] not yet consumed
	pos, end  int
	readErr   error // the error that ended reading (io.EOF at the end)
	comma     byte
	line      int       // line of the next byte, from 1
	plainStop [256]bool // the bytes that end a span of an unquoted cell: the separator, a quote, CR, LF

	text  []byte   // the current record's cells, one after the other
	ends  []int    // where each kept cell ends in text
	lines []int    // the line each kept cell starts on
	rec   []string // the kept cells, reused across records
}

// csvSyntax is a record that is not CSV: a quote not closed, or one inside
// an unquoted cell or after a closing quote. The reader has skipped the
// rest of the line it was found on.
type csvSyntax struct{ startLine int }

func (e *csvSyntax) Error() string { return "batik: a quote is not closed or stands inside a cell" }

const csvBufSize = 64 << 10

// quotedStop are the bytes that end a span of a quoted cell.
var quotedStop = [256]bool{'"': true, '\n': true, '\r': true}

func newCSVReader(r io.Reader) *csvReader {
	return &csvReader{r: r, buf: make([]byte, csvBufSize), line: 1}
}

// setComma sets the separator.
func (r *csvReader) setComma(c byte) {
	r.comma = c
	r.plainStop = quotedStop
	r.plainStop[c] = true
}

// fill reads more input when the buffer is used up, and reports whether
// any byte is buffered. Like bufio, it gives up on a reader that returns
// nothing 100 times in a row (io.ErrNoProgress).
func (r *csvReader) fill() bool {
	if r.pos < r.end {
		return true
	}
	r.pos, r.end = 0, 0
	for empty := 0; r.end == 0 && r.readErr == nil; empty++ {
		if empty == 100 {
			r.readErr = io.ErrNoProgress
			break
		}
		r.end, r.readErr = r.r.Read(r.buf)
	}
	return r.end > 0
}

// peekLine returns the input's first line, up to a line end outside
// quotes (or its first csvBufSize bytes when it is longer), leaving it
// unread.
func (r *csvReader) peekLine() []byte {
	for empty := 0; r.end < len(r.buf) && r.readErr == nil && firstLineEnd(r.buf[:r.end]) < 0 && empty < 100; {
		n, err := r.r.Read(r.buf[r.end:])
		r.end += n
		r.readErr = err
		if n == 0 {
			empty++
		}
	}
	b := r.buf[r.pos:r.end]
	if i := firstLineEnd(b); i >= 0 {
		b = b[:i]
	}
	return b
}

// firstLineEnd returns the index of the first CR or LF outside quotes in
// b, or -1.
func firstLineEnd(b []byte) int {
	quoted := false
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '\n' || c == '\r'):
			return i
		}
	}
	return -1
}

// discard drops n buffered bytes (a byte order mark).
func (r *csvReader) discard(n int) { r.pos += n }

// newline consumes the line end at the reader's position: "\r\n", "\n"
// or a bare "\r".
func (r *csvReader) newline() {
	c := r.buf[r.pos]
	r.pos++
	r.line++
	if c == '\r' && r.fill() && r.buf[r.pos] == '\n' {
		r.pos++
	}
}

// Read returns the next record's first MaxColumns cells, the number of
// cells it has (which may be more) and the line it starts on. Empty lines
// are skipped. At the end it returns io.EOF, or the error that stopped the
// underlying reader; a record that is not CSV is a *csvSyntax. The cells
// are valid until the next call.
func (r *csvReader) Read() (rec []string, cells, startLine int, err error) {
	for {
		if !r.fill() {
			return nil, 0, 0, r.readErr
		}
		if c := r.buf[r.pos]; c != '\n' && c != '\r' {
			break
		}
		r.newline()
	}
	startLine = r.line
	r.text, r.ends, r.lines = r.text[:0], r.ends[:0], r.lines[:0]
	for more := true; more; cells++ {
		keep := cells < MaxColumns
		if keep {
			r.lines = append(r.lines, r.line)
		}
		var ok bool
		if r.fill() && r.buf[r.pos] == '"' {
			r.pos++
			more, ok = r.quotedCell(keep)
		} else {
			more, ok = r.plainCell(keep)
		}
		if !ok {
			r.skipLine()
			return nil, 0, startLine, &csvSyntax{startLine}
		}
		if keep {
			r.ends = append(r.ends, len(r.text))
		}
	}
	if r.readErr != nil && r.readErr != io.EOF {
		return nil, 0, startLine, r.readErr // the record may be cut short
	}
	return r.record(), cells, startLine, nil
}

// plainCell reads an unquoted cell and what ends it: more is true after a
// separator, false at a line end or the end of the input. ok is false for
// a quote inside the cell.
func (r *csvReader) plainCell(keep bool) (more, ok bool) {
	c, ok := r.span(keep, false)
	switch {
	case !ok:
		return false, true
	case c == r.comma:
		r.pos++
		return true, true
	case c == '"':
		return false, false
	}
	r.newline()
	return false, true
}

// quotedCell reads a quoted cell after its opening quote: "" is a quote,
// a line end inside is kept ("\r\n" as "\n"), and the closing quote must
// be followed by a separator, a line end or the end of the input (else ok
// is false, as it is for a quote never closed).
func (r *csvReader) quotedCell(keep bool) (more, ok bool) {
	for {
		c, ok := r.span(keep, true)
		if !ok {
			return false, false // never closed
		}
		r.pos++
		switch c {
		case '\n':
			r.line++
			r.keep(keep, '\n')
			continue
		case '\r':
			r.line++
			if r.fill() && r.buf[r.pos] == '\n' {
				r.pos++
				r.keep(keep, '\n')
			} else {
				r.keep(keep, '\r')
			}
			continue
		}
		switch {
		case !r.fill():
			return false, true // closed at the end of the input
		case r.buf[r.pos] == '"':
			r.pos++
			r.keep(keep, '"')
		case r.buf[r.pos] == r.comma:
			r.pos++
			return true, true
		case r.buf[r.pos] == '\n' || r.buf[r.pos] == '\r':
			r.newline()
			return false, true
		default:
			return false, false // text after the closing quote
		}
	}
}

// span moves the bytes up to the next one that matters (a quote or a line
// end, and outside quotes the separator) into the cell, if it is kept, and
// returns that byte, unread; false at the end of the input.
func (r *csvReader) span(keep, quoted bool) (byte, bool) {
	stop := &r.plainStop
	if quoted {
		stop = &quotedStop
	}
	for r.fill() {
		b := r.buf[r.pos:r.end]
		i := 0
		for i < len(b) && !stop[b[i]] {
			i++
		}
		if keep {
			r.text = append(r.text, b[:i]...)
		}
		r.pos += i
		if i < len(b) {
			return b[i], true
		}
	}
	return 0, false
}

func (r *csvReader) keep(keep bool, c byte) {
	if keep {
		r.text = append(r.text, c)
	}
}

// record slices the kept cells out of one string.
func (r *csvReader) record() []string {
	s := string(r.text)
	r.rec = r.rec[:0]
	start := 0
	for _, end := range r.ends {
		r.rec = append(r.rec, s[start:end])
		start = end
	}
	return r.rec
}

// cellLine returns the line where kept cell i of the last record starts.
func (r *csvReader) cellLine(i int) int { return r.lines[i] }

// skipLine consumes input up to and including the next line end.
func (r *csvReader) skipLine() {
	for r.fill() {
		if i := bytes.IndexAny(r.buf[r.pos:r.end], "\r\n"); i >= 0 {
			r.pos += i
			r.newline()
			return
		}
		r.pos = r.end
	}
}
