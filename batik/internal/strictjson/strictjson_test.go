package strictjson

import (
	"bytes"
	"os"
	"reflect"
	"testing"
)

// The copy under pricing/internal must be this file, byte for byte.
func TestSameAsPricingCopy(t *testing.T) {
	a, err := os.ReadFile("strictjson.go")
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../../../pricing/internal/strictjson/strictjson.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("batik/internal/strictjson and pricing/internal/strictjson differ: copy one over the other")
	}
}

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
