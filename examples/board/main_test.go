package main

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/examples/internal/golden"
)

// TestOutput compares the board the program prints with no flags with the
// golden file: the campaign runs on its own clock, so the page is the
// same on every run.
func TestOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "board.html", out.Bytes())

	out.Reset()
	if err := run([]string{"-lang", "en"}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "<h1>Campaign board</h1>") {
		t.Error("-lang en does not print the English board")
	}
	if err := run([]string{"-lang", "fr"}, &out); err == nil {
		t.Error("-lang fr is refused")
	}
}

// The browser and its window.
const (
	windowWidth, windowHeight = 1440, 1100
)

// TestBoardInChromium serves the campaign, opens the board in headless
// Chromium (Debian package chromium) and checks what the browser made of
// it: the DOM it built has every workshop as a row, every week as a
// column, and every cell's numbers equal to Ledger.Board, none over
// capacity; the screenshot is a PNG of the window's size, not blank.
// Without chromium on PATH the test skips, unless
// BATIKKIT_REQUIRE_CHROMIUM=1, when it fails. With BATIKKIT_SCREENSHOT
// set to a file name it keeps the screenshot there: examples/board/board.png
// is made by
//
//	BATIKKIT_SCREENSHOT=$PWD/examples/board/board.png go test -run TestBoardInChromium ./examples/board/
func TestBoardInChromium(t *testing.T) {
	browser, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("BATIKKIT_REQUIRE_CHROMIUM") == "1" {
			t.Fatal("chromium is not on PATH and BATIKKIT_REQUIRE_CHROMIUM=1: apt-get install chromium")
		}
		t.Skip("chromium is not on PATH (apt-get install chromium); BATIKKIT_REQUIRE_CHROMIUM=1 makes this a failure")
	}
	d, err := newDemo()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(d.handler)
	defer srv.Close()
	url := srv.URL + boardPath + "&lang=id"
	dir := t.TempDir()
	chrome := func(args ...string) []byte {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + filepath.Join(dir, "profile")}, args...)
		cmd := exec.CommandContext(ctx, browser, append(args, url)...)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("chromium %v: %v\n%s", args, err, stderr.Bytes())
		}
		return out
	}

	dom := string(chrome("--dump-dom"))
	want, err := d.ledger.Board(context.Background(), d.now, capacity.BoardQuery{Producers: d.producers,
		From: capacity.MustParseWeek("2026-W10"), Weeks: 10})
	if err != nil {
		t.Fatal(err)
	}
	checkDOM(t, dom, want)

	shot := filepath.Join(dir, "board.png")
	chrome("--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", windowWidth, windowHeight), "--hide-scrollbars")
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatal(err)
	}
	checkScreenshot(t, data)
	if keep := os.Getenv("BATIKKIT_SCREENSHOT"); keep != "" {
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", keep, len(data))
	}
}

var (
	rowRE  = regexp.MustCompile(`<tr data-producer="([^"]*)">`)
	weekRE = regexp.MustCompile(`data-week="([^"]*)"`)
	cellRE = regexp.MustCompile(`<td class="([^"]*)" data-cell="(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)">`)
)

// checkDOM checks the DOM Chromium built against the board.
func checkDOM(t *testing.T, dom string, want capacity.Board) {
	t.Helper()
	if !strings.Contains(dom, "<h1>Papan kampanye</h1>") {
		t.Error("the page is not in Indonesian")
	}
	var rows []string
	for _, m := range rowRE.FindAllStringSubmatch(dom, -1) {
		rows = append(rows, m[1])
	}
	var wantRows []string
	for _, r := range want.Rows {
		wantRows = append(wantRows, r.ProducerID)
	}
	if strings.Join(rows, " ") != strings.Join(wantRows, " ") {
		t.Errorf("rows %v, want every workshop %v", rows, wantRows)
	}
	var weeks []string
	for _, m := range weekRE.FindAllStringSubmatch(dom, -1) {
		weeks = append(weeks, m[1])
	}
	var wantWeeks []string
	for _, w := range want.Weeks {
		wantWeeks = append(wantWeeks, w.String())
	}
	if strings.Join(weeks, " ") != strings.Join(wantWeeks, " ") {
		t.Errorf("columns %v, want every week %v", weeks, wantWeeks)
	}
	var expect []capacity.BoardCell
	for _, r := range want.Rows {
		expect = append(append(expect, r.Cells...), r.Total)
	}
	expect = append(append(expect, want.Totals...), want.Total)
	cells := cellRE.FindAllStringSubmatch(dom, -1)
	if len(cells) != len(expect) {
		t.Fatalf("%d cells in the DOM, want %d", len(cells), len(expect))
	}
	for i, c := range cells {
		e := expect[i]
		got := strings.Join(c[2:], ",")
		if w := fmt.Sprintf("%d,%d,%d,%d,%d,%d", e.Capacity, e.Held, e.Confirmed, e.Delivered, e.Free, e.Late); got != w {
			t.Errorf("cell %d: %s, Ledger.Board says %s", i, got, w)
		}
		if e.Held+e.Confirmed > e.Capacity {
			t.Errorf("cell %d over capacity: %s", i, got)
		}
		if e.Late > 0 != strings.Contains(c[1], "late") {
			t.Errorf("cell %d: class %q, %d late", i, c[1], e.Late)
		}
	}
}

// checkScreenshot checks that data is a PNG of the window's size with
// more than one colour.
func checkScreenshot(t *testing.T, data []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	if b := img.Bounds(); b != image.Rect(0, 0, windowWidth, windowHeight) {
		t.Errorf("screenshot %v, want %dx%d", b, windowWidth, windowHeight)
	}
	colours := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(colours) < 16; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, bl, a}] = true
		}
	}
	if len(colours) < 2 {
		t.Error("the screenshot is blank: one colour")
	}
}
