package aql

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/batikkit/batikkit/internal/strictjson"
)

// Decoding JSON is strict for every type of the package that decodes
// (State, Record and the enums inside them): a key must be one of the
// type's JSON names exactly (an unknown key, a key in another case such as
// "Severity" and a key given twice are errors, where encoding/json would
// keep the last one silently); null is never a value; every key whose
// field has no omitempty is required; enums go through their
// UnmarshalText. The error names the key by its path and never echoes a
// long input in full.

// decodeStrict checks data against the type v points to and decodes it.
// path prefixes every field of an error ("state", "record").
func decodeStrict(data []byte, v any, path string) error {
	if p := strictjson.Check(data, reflect.TypeOf(v).Elem(), path, checkLeaf); p != nil {
		return problemError(p, path)
	}
	if err := json.Unmarshal(data, v); err != nil {
		// Unreachable after Check; never pass encoding/json's text on.
		var ie *InputError
		if errors.As(err, &ie) {
			return ie
		}
		return fail(ErrInvalid, pathOr(path), "", codeJSONSyntax)
	}
	return nil
}

// checkLeaf runs the UnmarshalText of an enum on its text.
func checkLeaf(t reflect.Type, text string) error {
	u, ok := reflect.New(t).Interface().(encoding.TextUnmarshaler)
	if !ok {
		return nil
	}
	return u.UnmarshalText([]byte(text))
}

// problemError turns the first broken rule into an *InputError.
func problemError(p *strictjson.Problem, path string) *InputError {
	field := p.Path
	if field == "" {
		field = pathOr(path)
	}
	switch p.Code {
	case strictjson.Encoding:
		return fail(ErrInvalid, pathOr(path), "", codeJSONUTF8)
	case strictjson.Leaf:
		var ie *InputError
		if errors.As(p.Err, &ie) {
			c := *ie
			c.Field = field
			return &c
		}
		return fail(ErrInvalid, field, "", codeJSONSyntax)
	case strictjson.Unknown:
		return fail(ErrInvalid, field, msg.Quote(p.Key), codeJSONUnknown)
	case strictjson.Case:
		return fail(ErrInvalid, field, msg.Quote(p.Key), codeJSONCase, msg.Quote(p.Field))
	case strictjson.Duplicate:
		return fail(ErrInvalid, field, msg.Quote(p.Key), codeJSONDuplicate)
	case strictjson.Missing:
		return fail(ErrInvalid, field, "", codeJSONMissing)
	case strictjson.Null:
		return fail(ErrInvalid, field, "null", codeJSONNull)
	case strictjson.Type:
		return fail(ErrInvalid, field, "", kindCode(p.Want))
	}
	return fail(ErrInvalid, field, "", codeJSONSyntax)
}

// pathOr is path, or "value" for the top of an input without a name.
func pathOr(path string) string {
	if path == "" {
		return "value"
	}
	return path
}

// kindCode is the reason for a value of the wrong JSON type.
func kindCode(k strictjson.Kind) code {
	switch k {
	case strictjson.Integer:
		return codeJSONInteger
	case strictjson.List:
		return codeJSONList
	case strictjson.Object:
		return codeJSONObject
	case strictjson.Boolean:
		return codeJSONBoolean
	}
	return codeJSONText
}
