package batik

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"github.com/batikkit/batikkit/internal/msg"
)

// ReadProducersJSON reads a JSON array of producers, decodes each strictly
// and validates it. It returns the producers that are valid, in input
// order, and, if any element is not, a *DataError (wrapping ErrData) with
// one RowError per problem (the first MaxProblems, and the count of the
// rest): Line and Column of the element's start and Field as a path such
// as "[3].capabilities[1].per_week". Invalid elements are left out of the
// slice and reported, never dropped silently. Duplicate IDs are reported
// at the later element. A syntax error ends reading (the rest cannot be
// located) and is reported with its own line and column. The whole input
// is read into memory. O(len(input)) time; memory within the bound of the
// package doc's "Limits".
func ReadProducersJSON(r io.Reader) ([]Producer, error) {
	return readJSONArray(r, (*Producer).UnmarshalJSON, (*Producer).valid, func(p *Producer) (string, error) { return p.ID, p.Validate() })
}

// ReadOrdersJSON is ReadProducersJSON for a JSON array of orders.
func ReadOrdersJSON(r io.Reader) ([]Order, error) {
	return readJSONArray(r, (*Order).UnmarshalJSON, (*Order).valid, func(o *Order) (string, error) { return o.ID, o.Validate() })
}

func readJSONArray[T any](r io.Reader, decode func(*T, []byte) error, valid func(*T) bool, check func(*T) (string, error)) ([]T, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	a := &jsonArray{data: bytes.TrimPrefix(data, []byte(bom))}
	a.stop = syntaxStop(a.data)
	var kept chunked[T]
	seen := make(map[string]int) // ID -> 1 + index of its element
	for i, start, end := 0, 0, 0; ; i++ {
		if i == 0 {
			start, end = a.open()
		} else {
			start, end = a.next(end)
		}
		if start < 0 {
			break
		}
		if !a.record(i, start) {
			continue
		}
		var v T
		if err := decode(&v, a.data[start:end]); err != nil {
			a.decodeProblem(i, start, err)
			continue
		}
		if a.p.full() && !valid(&v) {
			a.p.omitted++ // counted, not validated field by field (see problems.full)
			continue
		}
		id, err := check(&v)
		var verr *ValidationError
		switch {
		case errors.As(err, &verr):
			for _, f := range verr.Fields {
				a.report(i, start, f)
			}
		case seen[id] > 0:
			a.report(i, start, fieldErr("id", msg.Quote(id), codeDuplicateAt, strconv.Itoa(seen[id]-1)))
		default:
			seen[id] = i + 1
			kept.add(v)
		}
	}
	seen = nil // before the records are copied out
	switch out := kept.all(nil); {
	case a.broken:
		return nil, a.p.err()
	case a.p.any():
		return out, a.p.err()
	default:
		return out, nil
	}
}

// jsonArray finds the elements of a JSON array one after the other,
// without decoding them, and lists the problems found, located by line
// and column.
type jsonArray struct {
	data []byte
	stop int // the offset of the first syntax error; len(data) when there is none
	p    problems
	at   textPos // the last position computed, where the next search starts
	// broken is set when the text stops being JSON before the array ends:
	// what came before is not returned, since the rest cannot be read.
	broken bool
}

// open finds the first element after the array's '[': its start and end,
// or start -1 when there is none (the problem, if any, reported).
func (a *jsonArray) open() (start, end int) {
	pos := skipSpace(a.data, 0)
	if pos >= len(a.data) || a.data[pos] != '[' {
		a.report(-1, pos, dataErr("", codeJSONArray))
		return -1, 0
	}
	pos = skipSpace(a.data, pos+1)
	if pos < a.stop && a.data[pos] == ']' {
		a.close(pos)
		return -1, 0
	}
	return a.element(pos)
}

// next finds the element after the one that ended at end, past its ','.
func (a *jsonArray) next(end int) (start, nextEnd int) {
	pos := skipSpace(a.data, end)
	switch {
	case pos >= a.stop:
		a.truncated(pos, false)
		return -1, 0
	case a.data[pos] == ']':
		a.close(pos)
		return -1, 0
	}
	// Up to a.stop the text is JSON, so this is the ',' between elements.
	return a.element(skipSpace(a.data, pos+1))
}

// element returns the extent of the element at pos, or -1 after
// reporting that the input breaks off in it.
func (a *jsonArray) element(pos int) (start, end int) {
	if pos >= a.stop {
		a.truncated(pos, true)
		return -1, 0
	}
	end = valueEnd(a.data[:a.stop], pos)
	if end < 0 {
		a.broken = true
		a.report(-1, a.stop, dataErr("", codeJSONSyntax))
		return -1, 0
	}
	return pos, end
}

// close checks that nothing follows the array's ']' at pos.
func (a *jsonArray) close(pos int) {
	if pos = skipSpace(a.data, pos+1); pos < len(a.data) {
		a.report(-1, pos, dataErr("", codeJSONTrailing))
	}
}

// truncated reports the input ending, or breaking the syntax, where an
// element (afterComma) or the array's end was due.
func (a *jsonArray) truncated(pos int, afterComma bool) {
	if pos >= len(a.data) && !afterComma {
		a.report(-1, pos, dataErr("", codeJSONUnclosed))
		return
	}
	a.broken = true
	a.report(-1, min(pos, a.stop), dataErr("", codeJSONSyntax))
}

// record reports whether element i, starting at start, is a JSON
// object; else it reports why not.
func (a *jsonArray) record(i, start int) bool {
	switch a.data[start] {
	case '{':
		return true
	case 'n':
		a.report(i, start, dataErr("", codeJSONNull))
	default:
		a.report(i, start, dataErr("", codeJSONObject))
	}
	return false
}

// decodeProblem reports the error of decoding element i.
func (a *jsonArray) decodeProblem(i, start int, err error) {
	var da *DataError
	if !errors.As(err, &da) {
		a.report(i, start, decodeProblem(err))
		return
	}
	for _, r := range da.Rows {
		a.report(i, start, r.FieldError)
	}
}

// report lists a problem of element i (-1 for the array itself) at the
// byte offset off; its field is relative to the element.
func (a *jsonArray) report(i, off int, f FieldError) {
	if a.p.full() {
		a.p.omitted++ // no need to locate what is not listed
		return
	}
	if i >= 0 {
		f.Field = joinPath("["+strconv.Itoa(i)+"]", f.Field)
	}
	line, col := a.at.find(a.data, off)
	a.p.add(RowError{Line: line, Column: col, FieldError: f})
}

// syntaxStop returns the offset of the first byte that keeps data from
// being JSON, or len(data) when data is JSON or ends too soon.
func syntaxStop(data []byte) int {
	if json.Valid(data) {
		return len(data)
	}
	var raw json.RawMessage
	var se *json.SyntaxError
	if errors.As(json.Unmarshal(data, &raw), &se) && se.Offset < int64(len(data)) {
		return max(int(se.Offset)-1, 0) // Offset counts the byte that broke the syntax
	}
	return len(data)
}

// valueEnd returns the end of the JSON value that starts at data[pos],
// or -1 when data ends first. data must be JSON up to its end (it may
// stop in the middle of a value). A number or a literal ends only before
// a byte that cannot continue it.
func valueEnd(data []byte, pos int) int {
	switch data[pos] {
	case '"':
		return stringEnd(data, pos)
	case '{', '[':
		depth := 0
		for i := pos; i < len(data); i++ {
			switch data[i] {
			case '"':
				if i = stringEnd(data, i) - 1; i < 0 {
					return -1
				}
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	}
	for i := pos; i < len(data); i++ {
		switch data[i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return i
		}
	}
	return -1
}

// stringEnd returns the end of the JSON string that starts at data[pos],
// or -1 when data ends first.
func stringEnd(data []byte, pos int) int {
	for i := pos + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

func skipSpace(data []byte, off int) int {
	for off < len(data) {
		switch data[off] {
		case ' ', '\t', '\n', '\r':
			off++
		default:
			return off
		}
	}
	return off
}

// textPos is a byte offset in a text with its 1-based line and column.
// Finding a position counts lines from the last one found when it is not
// behind, so positions found in order cost O(len(data)) in all.
type textPos struct{ off, line, lineStart int }

func (p *textPos) find(data []byte, off int) (line, col int) {
	off = min(off, len(data))
	if p.line == 0 || off < p.off {
		*p = textPos{line: 1}
	}
	for i := p.off; i < off; i++ {
		if data[i] == '\n' {
			p.line++
			p.lineStart = i + 1
		}
	}
	p.off = off
	return p.line, off - p.lineStart + 1
}

// position returns the line and column of byte off in data.
func position(data []byte, off int) (line, col int) {
	var p textPos
	return p.find(data, off)
}
