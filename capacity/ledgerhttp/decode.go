package ledgerhttp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"maps"
	"mime"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/internal/strictjson"
)

// Reading requests: the body (its media type and size), the
// Idempotency-Key header and the query.

// body reads r's body: application/json, at most Options.BodyLimit bytes.
// O(body).
func (h *handler) body(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if err := checkJSONType(r.Header.Get("Content-Type")); err != nil {
		return nil, err
	}
	limit := h.opts.BodyLimit
	tooLarge := &requestError{Field: "body", Code: rTooLarge, Args: []string{strconv.FormatInt(limit, 10)}, In: inBody, Status: http.StatusRequestEntityTooLarge}
	if r.ContentLength > limit {
		tooLarge.Value = strconv.FormatInt(r.ContentLength, 10) + " bytes"
		return nil, tooLarge
	}
	var buf bytes.Buffer
	if r.ContentLength > 0 {
		buf.Grow(int(r.ContentLength) + 1)
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, limit))
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &mb):
		return nil, tooLarge
	case err != nil:
		return nil, &requestError{Field: "body", Code: rBodyRead, In: inBody, Status: http.StatusBadRequest}
	}
	return buf.Bytes(), nil
}

// checkJSONType accepts application/json with no parameter but charset
// utf-8 (JSON is UTF-8: RFC 8259, section 8.1).
func checkJSONType(ct string) error {
	mt, params, err := mime.ParseMediaType(ct)
	ok := err == nil && mt == "application/json"
	for k, v := range params {
		ok = ok && k == "charset" && strings.EqualFold(v, "utf-8")
	}
	if !ok {
		return &requestError{Field: "Content-Type", Value: msg.Quote(ct), Code: rNotJSON, In: inHeader, Status: http.StatusUnsupportedMediaType}
	}
	return nil
}

// idempotencyKey reads the Idempotency-Key header: an RFC 8941 string
// ("\"8e03978e\"", as draft-ietf-httpapi-idempotency-key-header-06,
// section 2, writes it) or, as many clients send it, the key itself. The
// ledger judges the key (1 to 256 bytes of visible text).
func idempotencyKey(r *http.Request) (string, error) {
	vs := r.Header.Values("Idempotency-Key")
	switch {
	case len(vs) == 0:
		return "", &requestError{Field: "Idempotency-Key", Code: rKeyMissing, In: inHeader, Status: http.StatusBadRequest}
	case len(vs) > 1:
		return "", &requestError{Field: "Idempotency-Key", Value: msg.Quote(strings.Join(vs, ", ")), Code: rKeyTwice, In: inHeader, Status: http.StatusBadRequest}
	}
	v := vs[0]
	if !strings.HasPrefix(v, `"`) {
		return v, nil
	}
	key, ok := sfString(v)
	if !ok {
		return "", &requestError{Field: "Idempotency-Key", Value: msg.Quote(v), Code: rKeyString, In: inHeader, Status: http.StatusBadRequest}
	}
	return key, nil
}

// sfString decodes an RFC 8941 sf-string (section 3.3.3): printable ASCII
// in double quotes, with only \" and \\ escaped.
func sfString(v string) (string, bool) {
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(v)-1; i++ {
		c := v[i]
		switch {
		case c == '\\':
			i++
			if i == len(v)-1 || (v[i] != '"' && v[i] != '\\') {
				return "", false
			}
			c = v[i]
		case c == '"' || c < 0x20 || c > 0x7e:
			return "", false
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// query reads r's query: every parameter known, none twice, the
// percent-encoding well formed. It returns each parameter's value.
func query(r *http.Request, known ...string) (map[string]string, error) {
	vs, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, &requestError{Field: "query", Value: msg.Quote(r.URL.RawQuery), Code: rQueryForm, In: inQuery, Status: http.StatusBadRequest}
	}
	out := make(map[string]string, len(vs))
	for _, name := range slices.Sorted(maps.Keys(vs)) {
		switch {
		case !slices.Contains(known, name):
			return nil, &requestError{Field: name, Value: msg.Quote(vs[name][0]), Code: rQueryUnknown, Args: []string{strings.Join(known, ", ")}, In: inQuery, Status: http.StatusBadRequest}
		case len(vs[name]) > 1:
			return nil, &requestError{Field: name, Value: msg.Quote(strings.Join(vs[name], ", ")), Code: rQueryTwice, In: inQuery, Status: http.StatusBadRequest}
		}
		out[name] = vs[name][0]
	}
	return out, nil
}

// integer reads query parameter name as a whole number, def when absent.
func integer(q map[string]string, name string, def int) (int, error) {
	s, ok := q[name]
	if !ok {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, &requestError{Field: name, Value: msg.Quote(s), Code: rInteger, In: inQuery, Status: http.StatusBadRequest}
	}
	return n, nil
}

// decodeStrict decodes data, one JSON value, into v under the module's
// strict rules (see internal/strictjson): UTF-8, no unknown, case-folded
// or repeated key, no null, every required key, every value of its
// field's JSON type; text values (weeks, techniques, grades, dates) are
// read by their own UnmarshalText. Errors are capacity's *InputError,
// with the reasons of capacity's catalogue, naming the path. O(len(data)).
func decodeStrict[T any](data []byte, v *T) error {
	if p := strictjson.Check(data, reflect.TypeFor[T](), "", readText); p != nil {
		return shapeError(p)
	}
	if err := json.Unmarshal(data, v); err != nil {
		var ie *capacity.InputError
		if errors.As(err, &ie) {
			return err
		}
		return &capacity.InputError{Field: "json", Code: "invalid", Kind: capacity.ErrInvalid, Err: err}
	}
	return nil
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// readText reads the text of a value whose type reads text, as decoding
// will, so that a refused value is reported at its path.
func readText(t reflect.Type, text string) error {
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text))
	}
	return nil
}

// shapeCodes are capacity's catalogue codes of the strict rules, so that
// a client sees one code for one problem whichever layer finds it.
var shapeCodes = [...]string{
	strictjson.Syntax: "json_syntax", strictjson.Unknown: "json_unknown", strictjson.Case: "json_case",
	strictjson.Duplicate: "json_duplicate", strictjson.Missing: "json_missing", strictjson.Null: "json_null",
}

var typeCodes = [...]string{
	strictjson.Integer: "json_integer", strictjson.Text: "json_text", strictjson.List: "json_list",
	strictjson.Object: "json_object", strictjson.Boolean: "json_bool", strictjson.Amount: "amount_string",
}

// shapeError states a strict-decoding problem as an *InputError.
func shapeError(p *strictjson.Problem) error {
	e := &capacity.InputError{Field: p.Path, Kind: capacity.ErrInvalid}
	if e.Field == "" {
		e.Field = "json"
	}
	switch p.Code {
	case strictjson.Encoding:
		e.Field, e.Value, e.Code = "json", "byte "+strconv.FormatInt(p.Offset, 10), "not_utf8"
		return e
	case strictjson.Leaf:
		var ie *capacity.InputError
		var re *requestError
		switch {
		case errors.As(p.Err, &ie):
			c := *ie
			c.Field = e.Field
			return &c
		case errors.As(p.Err, &re):
			c := *re
			c.Field = e.Field
			return &c
		}
		e.Code, e.Err = "invalid", p.Err
		return e
	case strictjson.Type:
		e.Code = typeCodes[p.Want]
		return e
	case strictjson.Syntax:
		e.Code, e.Args = shapeCodes[p.Code], []string{strconv.FormatInt(p.Offset, 10)}
		return e
	case strictjson.Unknown, strictjson.Duplicate:
		e.Value = msg.Quote(p.Key)
	case strictjson.Case:
		e.Value, e.Args = msg.Quote(p.Key), []string{p.Field}
	case strictjson.Null:
		e.Value = "null"
	}
	e.Code = shapeCodes[p.Code]
	return e
}
