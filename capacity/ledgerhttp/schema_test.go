package ledgerhttp

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A checker of JSON values against the schemas of openapi.json, so that
// the tests hold every answer to its documented shape.

// validate checks v against the part of JSON Schema 2020-12 the document
// uses: $ref, type, enum, pattern, minimum, maximum, required,
// properties, additionalProperties, items, minItems, maxItems. It returns
// what does not fit, with the path.
func (d apiDoc) validate(s map[string]any, v any, path string) []string {
	s = d.resolve(s)
	var bad []string
	fail := func(format string, args ...any) {
		bad = append(bad, path+": "+fmt.Sprintf(format, args...))
	}
	if typ, ok := s["type"].(string); ok && !hasType(v, typ) {
		fail("%v is not of type %s", v, typ)
		return bad
	}
	if enum, ok := s["enum"].([]any); ok && !slices.Contains(enum, v) {
		fail("%v is not one of %v", v, enum)
	}
	if p, ok := s["pattern"].(string); ok {
		if str, _ := v.(string); !regexp.MustCompile(p).MatchString(str) {
			fail("%q does not match %s", str, p)
		}
	}
	if n, ok := v.(json.Number); ok {
		x, _ := n.Int64()
		if lo, ok := s["minimum"].(json.Number); ok {
			if l, _ := lo.Int64(); x < l {
				fail("%d < %d", x, l)
			}
		}
		if hi, ok := s["maximum"].(json.Number); ok {
			if h, _ := hi.Int64(); x > h {
				fail("%d > %d", x, h)
			}
		}
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := v[r.(string)]; !ok {
				fail("%s is required", r)
			}
		}
		for k, e := range v {
			if ps, ok := props[k].(map[string]any); ok {
				bad = append(bad, d.validate(ps, e, path+"."+k)...)
				continue
			}
			switch ap := s["additionalProperties"].(type) {
			case bool:
				if !ap {
					fail("%s is not documented", k)
				}
			case map[string]any:
				bad = append(bad, d.validate(ap, e, path+"."+k)...)
			}
		}
	case []any:
		if lo, ok := s["minItems"].(json.Number); ok {
			if l, _ := lo.Int64(); int64(len(v)) < l {
				fail("%d items, fewer than %d", len(v), l)
			}
		}
		if hi, ok := s["maxItems"].(json.Number); ok {
			if h, _ := hi.Int64(); int64(len(v)) > h {
				fail("%d items, more than %d", len(v), h)
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, e := range v {
				bad = append(bad, d.validate(items, e, path+"["+strconv.Itoa(i)+"]")...)
			}
		}
	}
	return bad
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func hasType(v any, typ string) bool {
	switch typ {
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	case "string":
		_, ok := v.(string)
		return ok
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return false
		}
		_, err := n.Int64()
		return err == nil
	}
	return false
}

// TestValidate: the checker above refuses what it should.
func TestValidate(t *testing.T) {
	d := loadDoc(t)
	cell := map[string]any{"$ref": "#/components/schemas/BoardCell"}
	assert.Empty(t, d.validate(cell, decodeJSON(t, []byte(`[1,2,3,4,5,6]`)), ""))
	assert.NotEmpty(t, d.validate(cell, decodeJSON(t, []byte(`[1,2,3,4,5]`)), ""))
	assert.NotEmpty(t, d.validate(cell, decodeJSON(t, []byte(`[1,2,3,4,5,-6]`)), ""))
	p := map[string]any{"$ref": "#/components/schemas/Problem"}
	assert.Empty(t, d.validate(p, decodeJSON(t, []byte(`{"type":"about:blank","title":"t","status":404,"detail":"d","in":"path"}`)), ""))
	assert.NotEmpty(t, d.validate(p, decodeJSON(t, []byte(`{"type":"about:blank","title":"t","status":404,"detail":"d","in":"cookie"}`)), ""))
	assert.NotEmpty(t, d.validate(p, decodeJSON(t, []byte(`{"type":"about:blank","title":"t","status":404}`)), ""))
	assert.NotEmpty(t, d.validate(p, decodeJSON(t, []byte(`{"type":"about:blank","title":"t","status":404,"detail":"d","extra":1}`)), ""))
	w := map[string]any{"$ref": "#/components/schemas/Week"}
	assert.NotEmpty(t, d.validate(w, "2026-50", ""))
}
