package main

import (
	"bytes"
	"testing"

	"github.com/batikkit/batikkit/examples/internal/golden"
)

func TestOutput(t *testing.T) {
	for name, spread := range map[string]bool{"output.txt": false, "output-spread.txt": true} {
		var buf bytes.Buffer
		if err := run(&buf, spread); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, name, buf.Bytes())
	}
}
