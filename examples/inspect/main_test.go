package main

import (
	"bytes"
	"testing"

	"github.com/batikkit/batikkit/examples/internal/golden"
)

func TestOutput(t *testing.T) {
	var buf bytes.Buffer
	if err := run(&buf); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "output.txt", buf.Bytes())
}
