// Package strictjson checks one JSON value against the Go type it will be
// decoded into, before encoding/json decodes it, for the rules encoding/json
// does not keep: every key matches a field's JSON name exactly (not merely
// in another case), no key appears twice in an object, null is never a
// value, every field whose tag lacks omitempty and omitzero is present,
// every value has the JSON type its field holds, and the text is what
// encoding/json will read (UTF-8, no lone surrogate escape, which it would
// turn into U+FFFD). Problems are located by a
// path with indexes ("[3].capabilities[2].per_week") and a byte offset.
//
// It serves every package of the module that decodes JSON: batik's
// records, pricing's amounts and tiers, capacity's requests and records,
// and batik/aql's states.
package strictjson

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/batikkit/batikkit/internal/msg"
)

// Code says what is wrong.
type Code uint8

const (
	Syntax    Code = iota + 1 // not well-formed JSON
	Unknown                   // a key no field has
	Case                      // a key that names a field in another case ("ID" for "id")
	Duplicate                 // a key given twice in one object
	Missing                   // a required key is absent
	Null                      // null given as a value
	Type                      // a value of the wrong JSON type (Want says which)
	Leaf                      // the leaf func refused a value (Err says why)
	Encoding                  // text encoding/json would change: a byte that is not UTF-8, or a lone surrogate escape (Offset says where; see BadText)
)

// Kind is the JSON type a field wants.
type Kind uint8

const (
	Integer Kind = iota + 1 // a whole number (in range for the field)
	Text                    // a string
	List                    // an array
	Object                  // an object
	Boolean                 // true or false
	Amount                  // a string or a number
)

// Problem is the first rule a value breaks.
type Problem struct {
	Code   Code
	Path   string // where: "[3].capabilities[2].per_week"; for Unknown and Case, the path of the object plus the key
	Key    string // the key as written (Unknown, Case, Duplicate)
	Field  string // the field's own name (Case)
	Want   Kind   // for Type
	Offset int64  // byte offset of the value or key in the data
	Err    error  // for Leaf: the leaf func's error
}

// LeafFunc checks the text of a value whose type reads text (an
// encoding.TextUnmarshaler such as an enum, a date or a decimal): the
// string's contents, or a number as written. A nil LeafFunc checks nothing.
type LeafFunc func(t reflect.Type, text string) error

type field struct {
	name     string
	typ      reflect.Type
	required bool
}

var fieldCache sync.Map // reflect.Type -> []field

func fieldsOf(t reflect.Type) []field {
	if f, ok := fieldCache.Load(t); ok {
		return f.([]field)
	}
	var out []field
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || (!sf.IsExported() && !sf.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			out = append(out, fieldsOf(sf.Type)...)
			continue
		}
		if name == "" {
			name = sf.Name
		}
		optional := false
		for _, o := range strings.Split(opts, ",") {
			optional = optional || o == "omitempty" || o == "omitzero"
		}
		out = append(out, field{name: name, typ: sf.Type, required: !optional})
	}
	fieldCache.Store(t, out)
	return out
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
)

// Check walks data, one JSON value, against t, calling leaf (if not nil)
// on the text of every leaf value. path prefixes every location ("" at the
// top, "[3]" for an element). Text that encoding/json would change
// silently (BadText) is an Encoding problem, before anything else. It
// returns nil when data keeps every rule. O(len(data)) plus the leaf
// calls.
func Check(data []byte, t reflect.Type, path string, leaf LeafFunc) *Problem {
	if off := BadText(data); off >= 0 {
		return &Problem{Code: Encoding, Path: path, Offset: int64(off)}
	}
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	c := checker{d: d, leaf: leaf}
	if p := c.value(t, path); p != nil {
		return p
	}
	if _, err := d.Token(); err != io.EOF {
		return &Problem{Code: Syntax, Path: path, Offset: d.InputOffset()}
	}
	return nil
}

type checker struct {
	d    *json.Decoder
	leaf LeafFunc
}

// token reads the next token.
func (c *checker) token() (json.Token, error) { return c.d.Token() }

func (c *checker) syntax(path string, err error) *Problem {
	off := c.d.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	return &Problem{Code: Syntax, Path: path, Offset: off}
}

func (c *checker) value(t reflect.Type, path string) *Problem {
	off := c.d.InputOffset()
	tok, err := c.token()
	if err != nil {
		return c.syntax(path, err)
	}
	if tok == nil {
		return &Problem{Code: Null, Path: path, Offset: off}
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return c.text(t, tok, path, off)
	}
	switch t.Kind() {
	case reflect.Struct:
		if tok != json.Delim('{') {
			return c.wrong(tok, path, off, Object)
		}
		return c.object(t, path)
	case reflect.Slice, reflect.Array:
		if tok != json.Delim('[') {
			return c.wrong(tok, path, off, List)
		}
		return c.list(t, path)
	case reflect.Map:
		if tok != json.Delim('{') {
			return c.wrong(tok, path, off, Object)
		}
		return c.mapping(t, path)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return c.integer(t, tok, path, off)
	case reflect.String:
		if _, ok := tok.(string); !ok {
			return c.wrong(tok, path, off, Text)
		}
		return nil
	case reflect.Bool:
		if _, ok := tok.(bool); !ok {
			return c.wrong(tok, path, off, Boolean)
		}
		return nil
	}
	return c.skip(tok, path) // interfaces and anything else: no rule here
}

// wrong skips a value of the wrong JSON type and reports it.
func (c *checker) wrong(tok json.Token, path string, off int64, k Kind) *Problem {
	if p := c.skip(tok, path); p != nil {
		return p
	}
	return &Problem{Code: Type, Path: path, Want: k, Offset: off}
}

// text checks a value whose type reads text (an encoding.TextUnmarshaler:
// an enum, a date, a decimal): a string, or for a decimal a number, judged
// by the leaf func; an object when the type reads one with UnmarshalJSON.
func (c *checker) text(t reflect.Type, tok json.Token, path string, off int64) *Problem {
	dec := t.PkgPath() == "github.com/shopspring/decimal" && t.Name() == "Decimal"
	text, isText := "", false
	switch v := tok.(type) {
	case string:
		text, isText = v, true
	case json.Number:
		text, isText = string(v), dec // an amount may be a JSON number; its parser judges it
	}
	if isText {
		if c.leaf != nil {
			if err := c.leaf(t, text); err != nil {
				return &Problem{Code: Leaf, Path: path, Offset: off, Err: err}
			}
		}
		return nil
	}
	if !dec && tok == json.Delim('{') && reflect.PointerTo(t).Implements(jsonUnmarshaler) {
		return c.skip(tok, path) // an object form its UnmarshalJSON judges
	}
	if dec {
		return c.wrong(tok, path, off, Amount)
	}
	return c.wrong(tok, path, off, Text)
}

// list checks the elements of an array whose '[' was read.
func (c *checker) list(t reflect.Type, path string) *Problem {
	for i := 0; c.d.More(); i++ {
		if p := c.value(t.Elem(), path+"["+strconv.Itoa(i)+"]"); p != nil {
			return p
		}
	}
	if _, err := c.token(); err != nil {
		return c.syntax(path, err)
	}
	return nil
}

// mapping checks the entries of an object read into a map, whose '{' was
// read: no key twice.
func (c *checker) mapping(t reflect.Type, path string) *Problem {
	seen := make(map[string]bool)
	for c.d.More() {
		koff := c.d.InputOffset()
		k, err := c.token()
		if err != nil {
			return c.syntax(path, err)
		}
		key, _ := k.(string)
		if seen[key] {
			return &Problem{Code: Duplicate, Path: join(path, key), Key: key, Offset: koff}
		}
		seen[key] = true
		if p := c.value(t.Elem(), join(path, key)); p != nil {
			return p
		}
	}
	if _, err := c.token(); err != nil {
		return c.syntax(path, err)
	}
	return nil
}

// integer checks a whole number in range for its field's type.
func (c *checker) integer(t reflect.Type, tok json.Token, path string, off int64) *Problem {
	n, ok := tok.(json.Number)
	if !ok {
		return c.wrong(tok, path, off, Integer)
	}
	var err error
	if t.Kind() >= reflect.Uint && t.Kind() <= reflect.Uint64 {
		_, err = strconv.ParseUint(string(n), 10, t.Bits())
	} else {
		_, err = strconv.ParseInt(string(n), 10, t.Bits())
	}
	if err != nil {
		return &Problem{Code: Type, Path: path, Want: Integer, Offset: off}
	}
	return nil
}

func (c *checker) object(t reflect.Type, path string) *Problem {
	fields := fieldsOf(t)
	var seenBuf [32]bool
	var seen []bool
	if len(fields) <= len(seenBuf) {
		seen = seenBuf[:len(fields)]
	} else {
		seen = make([]bool, len(fields))
	}
	for c.d.More() {
		koff := c.d.InputOffset()
		k, err := c.token()
		if err != nil {
			return c.syntax(path, err)
		}
		key, _ := k.(string)
		i := -1
		for j := range fields {
			if fields[j].name == key {
				i = j
				break
			}
		}
		if i < 0 {
			for j := range fields {
				if strings.EqualFold(fields[j].name, key) {
					return &Problem{Code: Case, Path: join(path, key), Key: key, Field: fields[j].name, Offset: koff}
				}
			}
			return &Problem{Code: Unknown, Path: join(path, key), Key: key, Offset: koff}
		}
		if seen[i] {
			return &Problem{Code: Duplicate, Path: join(path, key), Key: key, Offset: koff}
		}
		seen[i] = true
		if p := c.value(fields[i].typ, join(path, key)); p != nil {
			return p
		}
	}
	end := c.d.InputOffset()
	if _, err := c.token(); err != nil {
		return c.syntax(path, err)
	}
	for j, f := range fields {
		if f.required && !seen[j] {
			return &Problem{Code: Missing, Path: join(path, f.name), Key: f.name, Offset: end}
		}
	}
	return nil
}

// skip consumes the rest of a value whose first token was tok.
func (c *checker) skip(tok json.Token, path string) *Problem {
	if tok != json.Delim('{') && tok != json.Delim('[') {
		return nil
	}
	for depth := 1; depth > 0; {
		t, err := c.token()
		if err != nil {
			return c.syntax(path, err)
		}
		switch t {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}

// join appends key to path, abbreviating a long key (an unknown key can be
// megabytes long) as msg.Clip does, so that no path grows with its input.
func join(path, key string) string {
	key = msg.Clip(key)
	if path == "" {
		return key
	}
	return path + "." + key
}
