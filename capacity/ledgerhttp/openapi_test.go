package ledgerhttp

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiDoc is openapi.json, decoded with numbers kept as written.
type apiDoc map[string]any

func loadDoc(t testing.TB) apiDoc {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(openAPIDoc))
	dec.UseNumber()
	var d apiDoc
	require.NoError(t, dec.Decode(&d))
	return d
}

// operation returns the operation of method and path, or nil.
func (d apiDoc) operation(method, path string) map[string]any {
	p, _ := d["paths"].(map[string]any)[path].(map[string]any)
	o, _ := p[strings.ToLower(method)].(map[string]any)
	return o
}

// at returns the value at a "#/a/b" reference.
func (d apiDoc) at(ref string) map[string]any {
	var v any = map[string]any(d)
	for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
		m, _ := v.(map[string]any)
		v = m[part]
	}
	m, _ := v.(map[string]any)
	return m
}

// resolve follows $ref.
func (d apiDoc) resolve(s map[string]any) map[string]any {
	for s != nil {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		s = d.at(ref)
	}
	return s
}

// TestOpenAPIMatchesRoutes: every route is documented, every documented
// operation is served, with the same statuses; the document is OpenAPI
// 3.1 and every reference in it resolves.
func TestOpenAPIMatchesRoutes(t *testing.T) {
	d := loadDoc(t)
	assert.Equal(t, "3.1.0", d["openapi"])
	served := map[string]bool{}
	for _, rt := range routes {
		served[rt.method+" "+rt.path] = true
		o := d.operation(rt.method, rt.path)
		require.NotNil(t, o, "%s %s is not documented", rt.method, rt.path)
		var documented []int
		for code := range o["responses"].(map[string]any) {
			if code != "default" {
				n, err := strconv.Atoi(code)
				require.NoError(t, err)
				documented = append(documented, n)
			}
		}
		slices.Sort(documented)
		want := slices.Sorted(slices.Values(rt.statuses))
		assert.Equal(t, want, documented, "%s %s", rt.method, rt.path)
	}
	ids := map[string]bool{}
	for path, p := range d["paths"].(map[string]any) {
		for method, o := range p.(map[string]any) {
			assert.True(t, served[strings.ToUpper(method)+" "+path], "%s %s is documented but not served", method, path)
			id := o.(map[string]any)["operationId"].(string)
			assert.False(t, ids[id], "operationId %s twice", id)
			ids[id] = true
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				assert.NotNil(t, d.at(ref), "%s does not resolve", ref)
			}
			for _, e := range v {
				walk(e)
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(map[string]any(d))

	// The document the handler serves is this one.
	f := newFixture(t)
	w := do(f.h, req{method: "GET", path: "/openapi.json"})
	assert.Equal(t, openAPIDoc, w.Body.Bytes())
}

// checkDoc checks an exchange against the document: the answer's media
// type and body against the response documented for its status, and, for
// a success, the request's body against the documented request body.
func checkDoc(t *testing.T, d apiDoc, route string, r req, w *httptest.ResponseRecorder) {
	t.Helper()
	method, path, _ := strings.Cut(route, " ")
	o := d.operation(method, path)
	require.NotNil(t, o, route)
	resp := d.resolve(o["responses"].(map[string]any)[strconv.Itoa(w.Code)].(map[string]any))
	content, _ := resp["content"].(map[string]any)
	if len(content) == 0 {
		assert.Empty(t, w.Body.Bytes(), "%s %d has no body", route, w.Code)
		return
	}
	mt, _, err := mime.ParseMediaType(w.Header().Get("Content-Type"))
	require.NoError(t, err)
	media, ok := content[mt].(map[string]any)
	require.True(t, ok, "%s %d: %s is not documented", route, w.Code, mt)
	if strings.HasSuffix(mt, "json") {
		for _, p := range d.validate(media["schema"].(map[string]any), decodeJSON(t, w.Body.Bytes()), "") {
			t.Errorf("%s %d answer: %s", route, w.Code, p)
		}
	}
	if rb, ok := o["requestBody"].(map[string]any); ok && w.Code < 300 {
		s := rb["content"].(map[string]any)["application/json"].(map[string]any)["schema"].(map[string]any)
		for _, p := range d.validate(s, decodeJSON(t, []byte(r.body)), "") {
			t.Errorf("%s request: %s", route, p)
		}
	}
}

func decodeJSON(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), string(data))
	return v
}
