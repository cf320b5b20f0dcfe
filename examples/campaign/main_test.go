package main

import (
	"os"
	"testing"

	"github.com/batikkit/batikkit/examples/internal/golden"
)

// TestOutput runs the campaign with its standard output sent to a file and
// compares what it printed with the golden file: the output must not
// depend on how the goroutines interleave.
func TestOutput(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	err = run()
	os.Stdout = stdout
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "output.txt", got)
}
