package capacity

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/internal/strictjson"
)

// Strict decoding, for every type of the package that decodes JSON: the
// input must be UTF-8; a key the type does not have, a key in another case
// than its name ("QUANTITY"), a key given twice, null as a value, a
// required key left out (one whose field has no omitempty or omitzero) and
// a value of the wrong JSON type are refused with an *InputError naming
// the key's path, before anything is decoded. encoding/json alone would
// take the last of two keys, match keys in any case, ignore unknown keys
// and read null as zero.

// decodeJSON checks data against the JSON shape of T and decodes it into
// v. T is a type without methods of its own that mirrors the type being
// decoded (its fields' own types decode as they do). O(len(data)).
func decodeJSON[T any](data []byte, v *T) error {
	if p := strictjson.Check(data, reflect.TypeFor[T](), "", checkLeaf); p != nil {
		return problemError(p)
	}
	if err := json.Unmarshal(data, v); err != nil {
		// A nested value's own decoding (a line's, a producer's) may refuse
		// what the check above let through: its error says why (and where
		// within that value). encoding/json's own errors cannot come after
		// the check (it reads what Unmarshal reads), and would speak of Go.
		var ie *InputError
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &ie):
			return err
		case errors.As(err, &se), errors.As(err, &te):
			return invalid("json", "", cJSONSyntax, "0")
		}
		return &InputError{Field: "json", Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
	}
	return nil
}

var timeType = reflect.TypeFor[time.Time]()

// checkLeaf reads the text of a week, an enum, a time or an amount as
// decoding will, so that a refused value is an *InputError of the
// package, not a Go message.
func checkLeaf(t reflect.Type, text string) error {
	if t == timeType {
		if _, err := time.Parse(time.RFC3339Nano, text); err != nil {
			return invalid("", quote(text), cTimeForm)
		}
		return nil
	}
	if v, ok := reflect.New(t).Interface().(encoding.TextUnmarshaler); ok {
		return v.UnmarshalText([]byte(text))
	}
	return nil
}

// problemError states a strictjson problem as an *InputError: the path,
// and what is wrong there.
func problemError(p *strictjson.Problem) error {
	path := p.Path
	if path == "" {
		path = "json"
	}
	switch p.Code {
	case strictjson.Encoding:
		return invalid("json", "byte "+strconv.FormatInt(p.Offset, 10), cNotUTF8)
	case strictjson.Leaf:
		if ie, ok := p.Err.(*InputError); ok {
			ie.Field = path
			return ie
		}
		return &InputError{Field: path, Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: p.Err}
	case strictjson.Unknown:
		return invalid(path, quote(p.Key), cJSONUnknown)
	case strictjson.Case:
		return invalid(path, quote(p.Key), cJSONCase, p.Field)
	case strictjson.Duplicate:
		return invalid(path, quote(p.Key), cJSONDuplicate)
	case strictjson.Missing:
		return invalid(path, "", cJSONMissing)
	case strictjson.Null:
		return invalid(path, "null", cJSONNull)
	case strictjson.Type:
		return invalid(path, "", jsonKinds[p.Want])
	}
	return invalid(path, "", cJSONSyntax, strconv.FormatInt(p.Offset, 10))
}

// jsonKinds gives the reason for a value of the wrong JSON type.
var jsonKinds = [...]code{
	0:                  cJSONSyntax,
	strictjson.Integer: cJSONInteger,
	strictjson.Text:    cJSONText,
	strictjson.List:    cJSONList,
	strictjson.Object:  cJSONObject,
	strictjson.Boolean: cJSONBool,
	strictjson.Amount:  cAmountString,
}
