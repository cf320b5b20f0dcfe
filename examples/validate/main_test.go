package main

import (
	"bytes"
	"testing"

	"github.com/batikkit/batikkit/examples/internal/golden"
)

func TestOutput(t *testing.T) {
	tests := []struct {
		golden string
		lang   string
		args   []string
	}{
		{"output-id.txt", "id", nil},
		{"output-en.txt", "en", nil},
		{"output-file.txt", "en", []string{"producers.csv"}},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := run(&buf, tt.lang, tt.args); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, tt.golden, buf.Bytes())
	}
}
