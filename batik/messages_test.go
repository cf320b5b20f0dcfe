package batik

import (
	"reflect"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
)

// TestCatalogue: every code has an entry; every entry passes msg.Check
// (both languages, no code twice, snake_case, the same placeholders, no
// English in the Indonesian); every rule in a struct tag has its code.
func TestCatalogue(t *testing.T) {
	for c := range numCodes {
		assert.NotEmpty(t, texts[c].Code, "code %d has no entry", c)
	}
	assert.Empty(t, msg.Check(texts[:]))
	for _, v := range []any{Producer{}, Capability{}, Order{}, Product{}} {
		rt := reflect.TypeOf(v)
		for i := range rt.NumField() {
			for _, rule := range strings.Split(rt.Field(i).Tag.Get("validate"), ",") {
				name, _, _ := strings.Cut(rule, "=")
				if name == "" || name == "omitempty" || name == "dive" {
					continue
				}
				_, ok := msg.Find(texts[:], name)
				assert.True(t, ok, "%s.%s: rule %q has no entry", rt.Name(), rt.Field(i).Name, name)
			}
		}
	}
}
