// Package readme checks that the Go snippets in the repository's README.md
// compile against the module as it is, so the front page cannot drift from
// the API.
package readme

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// imports maps a package name used in a snippet to its import path.
var imports = map[string]string{
	"batik": "github.com/batikkit/batikkit/batik", "aql": "github.com/batikkit/batikkit/batik/aql",
	"pricing": "github.com/batikkit/batikkit/pricing", "capacity": "github.com/batikkit/batikkit/capacity",
	"pgstore": "github.com/batikkit/batikkit/capacity/pgstore", "pgxpool": "github.com/jackc/pgx/v5/pgxpool",
	"memstore": "github.com/batikkit/batikkit/capacity/memstore", "ledgerhttp": "github.com/batikkit/batikkit/capacity/ledgerhttp",
	"decimal": "github.com/shopspring/decimal", "fmt": "fmt", "errors": "errors", "os": "os", "time": "time", "http": "net/http",
}

// TestSnippetsCompile wraps each ```go block of README.md in a function
// that has ctx and producers in scope and returns an error, and builds it
// with the go command through an overlay (nothing is written into the
// module).
func TestSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README's snippets with the go command")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) < 4 {
		t.Fatalf("found %d Go snippets in README.md, want at least 4", len(blocks))
	}
	tmp := t.TempDir()
	overlay := map[string]string{}
	var pkgs []string
	for i, b := range blocks {
		body := string(b[1])
		var src strings.Builder
		src.WriteString("package main\n\nimport (\n\t\"context\"\n\t\"github.com/batikkit/batikkit/batik\"\n")
		for name, path := range imports {
			if name != "batik" && regexp.MustCompile(`\b`+name+`\.`).MatchString(body) {
				src.WriteString("\t\"" + path + "\"\n")
			}
		}
		src.WriteString(")\n\nfunc main() { _ = snippet(context.Background(), nil) }\n\n")
		src.WriteString("func snippet(ctx context.Context, producers []batik.Producer) error {\n\t_, _ = ctx, producers\n")
		src.WriteString(body)
		src.WriteString("\treturn nil\n}\n")
		file := filepath.Join(tmp, "snippet.go")
		file = strings.TrimSuffix(file, ".go") + string(rune('a'+i)) + ".go"
		if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		dir, _ := filepath.Abs(filepath.Join("snippets", string(rune('a'+i))))
		overlay[filepath.Join(dir, "main.go")] = file
		pkgs = append(pkgs, "./snippets/"+string(rune('a'+i)))
	}
	js, _ := json.Marshal(map[string]any{"Replace": overlay})
	ov := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(ov, js, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goCmd, append([]string{"build", "-overlay", ov, "-o", os.DevNull}, pkgs...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("README snippets do not compile:\n%s", out)
	}
}
