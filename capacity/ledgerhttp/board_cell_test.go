package ledgerhttp

import (
	"html/template"
	"testing"

	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
)

func TestGroup(t *testing.T) {
	assert.Equal(t, "1,234,567", group(msg.English, 1234567))
	assert.Equal(t, "1.234.567", group(msg.Indonesian, 1234567))
	assert.Equal(t, "-1,000", group(msg.English, -1000))
	assert.Equal(t, "999", group(msg.Indonesian, 999))
	assert.Equal(t, "0", group(msg.English, 0))
}

func TestBar(t *testing.T) {
	assert.Equal(t, template.HTML(`<rect class="f" width="100%" height="100%"/>`), bar(0, 0, 0, 1))
	assert.Equal(t, template.HTML(`<rect class="f" width="100%" height="100%"/>`+
		`<rect class="d" x="0.0%" width="33.3%" height="100%"/><rect class="h" x="33.3%" width="33.4%" height="100%"/>`), bar(1, 0, 1, 3))
	assert.Equal(t, template.HTML(`<rect class="f" width="100%" height="100%"/><rect class="c" x="0.0%" width="100.0%" height="100%"/>`), bar(0, 7, 0, 7))
}
