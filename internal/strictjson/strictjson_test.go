package strictjson

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

type inner struct {
	N int    `json:"n"`
	S string `json:"s,omitempty"`
}

type outer struct {
	ID    string  `json:"id"`
	Items []inner `json:"items"`
	Opt   bool    `json:"opt,omitzero"`
}

func TestCheck(t *testing.T) {
	typ := reflect.TypeFor[outer]()
	tests := []struct {
		give string
		code Code
		path string
	}{
		{`{"id":"a","items":[{"n":1}]}`, 0, ""},
		{`{"id":"a","items":[]}`, 0, ""},
		{`{"id":"a","id":"b","items":[]}`, Duplicate, "[0].id"},
		{`{"ID":"a","items":[]}`, Case, "[0].ID"},
		{`{"id":"a","items":[],"x":1}`, Unknown, "[0].x"},
		{`{"id":"a"}`, Missing, "[0].items"},
		{`{"id":null,"items":[]}`, Null, "[0].id"},
		{`{"id":"a","items":[{"n":1},{"n":1.5}]}`, Type, "[0].items[1].n"},
		{`{"id":"a","items":[{"n":1},{"n":"1"}]}`, Type, "[0].items[1].n"},
		{`{"id":"a","items":[{"n":1},{"s":"x"}]}`, Missing, "[0].items[1].n"},
		{`{"id":"a","items":[{"n":99999999999999999999}]}`, Type, "[0].items[0].n"},
		{`{"id":1,"items":[]}`, Type, "[0].id"},
		{`{"id":"a","items":{}}`, Type, "[0].items"},
		{`{"id":"a","items":[]`, Syntax, "[0]"},
		{`{"id":"a","items":[]} x`, Syntax, "[0]"},
		{`[]`, Type, "[0]"},
	}
	for _, tt := range tests {
		p := Check([]byte(tt.give), typ, "[0]", nil)
		if tt.code == 0 {
			if p != nil {
				t.Errorf("%s: %+v", tt.give, p)
			}
			continue
		}
		if p == nil || p.Code != tt.code || p.Path != tt.path {
			t.Errorf("%s: got %+v, want code %d at %s", tt.give, p, tt.code, tt.path)
		}
	}
}

// Cases that pin maps, unsigned integers and leaf values.

// level reads text, as an enum does.
type level string

func (l *level) UnmarshalText(b []byte) error { *l = level(b); return nil }

// textOrObject reads text and has an object form of its own.
type textOrObject struct{ v string }

func (x *textOrObject) UnmarshalText(b []byte) error { x.v = string(b); return nil }
func (x *textOrObject) UnmarshalJSON([]byte) error   { return nil }

type rec struct {
	ID    string          `json:"id"`
	Count uint8           `json:"count"`
	Tags  map[string]int  `json:"tags,omitempty"`
	Lvl   level           `json:"lvl,omitempty"`
	Price decimal.Decimal `json:"price,omitempty"`
	Obj   textOrObject    `json:"obj,omitempty"`
	Flag  bool            `json:"flag,omitempty"`
	Any   any             `json:"any,omitempty"`
	Ptr   *inner          `json:"ptr,omitempty"`
}

var errBad = errors.New("bad leaf")

// leafSeen records the leaf calls and refuses the text "bad".
type leafSeen struct{ calls []string }

func (l *leafSeen) leaf(t reflect.Type, text string) error {
	l.calls = append(l.calls, t.Name()+"="+text)
	if text == "bad" {
		return errBad
	}
	return nil
}

// TestCheckKinds pins the rule for each kind of field a record may have:
// unsigned integers in range, maps (keys unique, values checked), text
// readers (a string, or a number only for a decimal amount; an object only
// when the type reads one), booleans, and values of any type skipped
// whole however deep they nest.
func TestCheckKinds(t *testing.T) {
	typ := reflect.TypeFor[rec]()
	tests := []struct {
		give string
		code Code
		path string
		want Kind
	}{
		{`{"id":"a","count":255}`, 0, "", 0},
		{`{"id":"a","count":256}`, Type, "count", Integer},
		{`{"id":"a","count":-1}`, Type, "count", Integer},
		{`{"id":"a","count":"1"}`, Type, "count", Integer},
		{`{"id":"a","count":1,"tags":{"x":1,"y":2}}`, 0, "", 0},
		{`{"id":"a","count":1,"tags":{}}`, 0, "", 0},
		{`{"id":"a","count":1,"tags":{"x":1,"x":2}}`, Duplicate, "tags.x", 0},
		{`{"id":"a","count":1,"tags":{"x":1,"y":"2"}}`, Type, "tags.y", Integer},
		{`{"id":"a","count":1,"tags":[1]}`, Type, "tags", Object},
		{`{"id":"a","count":1,"tags":{"x":1}`, Syntax, "", 0},
		{`{"id":"a","count":1,"lvl":"ii"}`, 0, "", 0},
		{`{"id":"a","count":1,"lvl":2}`, Type, "lvl", Text},
		{`{"id":"a","count":1,"lvl":{"x":1}}`, Type, "lvl", Text},
		{`{"id":"a","count":1,"price":12.5}`, 0, "", 0},
		{`{"id":"a","count":1,"price":"12.5"}`, 0, "", 0},
		{`{"id":"a","count":1,"price":true}`, Type, "price", Amount},
		{`{"id":"a","count":1,"price":{"x":1}}`, Type, "price", Amount},
		{`{"id":"a","count":1,"obj":{"a":[1,{"b":2}]}}`, 0, "", 0},
		{`{"id":"a","count":1,"obj":[1]}`, Type, "obj", Text},
		{`{"id":"a","count":1,"flag":"true"}`, Type, "flag", Boolean},
		{`{"id":"a","count":1,"any":{"x":[1,{"y":[2]}]},"zz":1}`, Unknown, "zz", 0},
		{`{"id":"a","count":1,"any":[[[]]],"id":"b"}`, Duplicate, "id", 0},
		{`{"id":"a","count":1,"ptr":{"n":1}}`, 0, "", 0},
		{`{"id":"a","count":1,"ptr":{"n":"1"}}`, Type, "ptr.n", Integer},
	}
	for _, tt := range tests {
		p := Check([]byte(tt.give), typ, "", nil)
		if tt.code == 0 {
			if p != nil {
				t.Errorf("%s: %+v", tt.give, p)
			}
			continue
		}
		if p == nil || p.Code != tt.code || p.Path != tt.path || p.Want != tt.want {
			t.Errorf("%s: got %+v, want code %d at %q want %d", tt.give, p, tt.code, tt.path, tt.want)
		}
	}
}

// TestCheckLeaf pins the leaf func: called with the string's contents (or
// an amount's number as written) for each text value, its error reported
// as a Leaf problem at the value's path; a nil leaf checks nothing.
func TestCheckLeaf(t *testing.T) {
	typ := reflect.TypeFor[rec]()
	var l leafSeen
	if p := Check([]byte(`{"id":"a","count":1,"lvl":"ii","price":12.50}`), typ, "", l.leaf); p != nil {
		t.Fatalf("%+v", p)
	}
	if got := strings.Join(l.calls, " "); got != "level=ii Decimal=12.50" {
		t.Errorf("leaf calls %q", got)
	}
	data := []byte(`{"id":"a","count":1,"lvl":"bad"}`)
	p := Check(data, typ, "[2]", l.leaf)
	if p == nil || p.Code != Leaf || p.Path != "[2].lvl" || !errors.Is(p.Err, errBad) {
		t.Errorf("got %+v, want a Leaf problem at [2].lvl", p)
	}
	if p := Check(data, typ, "", nil); p != nil {
		t.Errorf("nil leaf: %+v", p)
	}
}

// TestJoinLongKey pins how a long unknown key is shortened in a path, as
// msg.Clip does: cut to at most 64 bytes at a character boundary, with its
// length after it.
func TestJoinLongKey(t *testing.T) {
	typ := reflect.TypeFor[rec]()
	k64 := strings.Repeat("k", 64)
	p := Check([]byte(`{"`+k64+`":1}`), typ, "[0]", nil)
	if p == nil || p.Code != Unknown || p.Path != "[0]."+k64 {
		t.Errorf("64-byte key: %+v", p)
	}
	p = Check([]byte(`{"`+k64+`z":1}`), typ, "[0]", nil)
	if p == nil || p.Path != "[0]."+k64+"... (65 bytes)" {
		t.Errorf("65-byte key: %+v", p)
	}
	// "é" takes bytes 63 and 64: the cut moves back to 63.
	k63 := strings.Repeat("k", 63)
	p = Check([]byte(`{"`+k63+`éz":1}`), typ, "", nil)
	if p == nil || p.Path != k63+"... (66 bytes)" {
		t.Errorf("split character: %+v", p)
	}
	// 65 continuation bytes are not UTF-8: refused as such, at the first,
	// before any key is read (the decoder would read them as U+FFFD).
	p = Check([]byte("{\""+strings.Repeat("\x80", 65)+"\":1}"), typ, "[0]", nil)
	if p == nil || p.Code != Encoding || p.Offset != 2 || p.Path != "[0]" {
		t.Errorf("continuation bytes: %+v", p)
	}
}

func TestBadText(t *testing.T) {
	tests := []struct {
		give string
		want int
	}{
		{`{"a":"b"}`, -1},
		{`{"a":"Süryä – ok"}`, -1},
		{"{\"a\":\"\xff\"}", 6},
		{"\xc3", 0},
		{`{"a":"\ud800"}`, 6},
		{`{"a":"\udc00"}`, 6},
		{`{"a":"\ud83d\ude00"}`, -1},
		{`{"a":"\ud83d\u0041"}`, 6},
		{`{"a":"\\ud800"}`, -1}, // an escaped backslash, then text
		{`{"a":"\u00e9\u0041"}`, -1},
		{`{"a":"\ud800`, 6},
		{`\ud800`, -1}, // outside a string: a syntax error, not text
	}
	for _, tt := range tests {
		if got := BadText([]byte(tt.give)); got != tt.want {
			t.Errorf("BadText(%q) = %d, want %d", tt.give, got, tt.want)
		}
	}
}
