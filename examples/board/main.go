// Command board runs a Lebaran campaign of a batik cooperative in Solo and
// Pekalongan through the ledger's HTTP API (capacity/ledgerhttp) on the
// memory store, in simulated time, and shows the campaign board the
// coordinator looks at: workshops as rows, ISO weeks as columns, each
// week's capacity with what is delivered, confirmed and held.
//
//	go run ./examples/board                         # board.html to stdout
//	go run ./examples/board -lang en                # in English
//	go run ./examples/board -serve 127.0.0.1:8080   # serve the API and the board
//
// The campaign: the cooperative closes six workshops for Lebaran
// (2026-W12, cuti bersama) through PUT /calendar and halves one
// workshop's week; a marketplace order of 500 shirts is booked and
// confirmed at once, a second one is held and confirmed the next day; a
// uniform order of 400 is shared evenly over three weeks, hand-drawn
// (tulis) and combination (kombinasi) cloths are booked beside it;
// workshops deliver week by week (one delivery call is sent twice, as a
// client does after a lost answer, and counts once); one workshop
// delivers short, and its shortfall is rebooked on others; a hand-drawn
// line stays late; this week a flash sale and a reseller hold capacity
// for the weeks ahead, and the flash sale's hold is extended. Every step
// is an HTTP request to the handler, with the actor in a header the
// demo's Options.Actor reads (a real service takes it from its
// authentication).
//
// The output is the same on every run: the clock is the campaign's.
package main

import (
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "board:", err)
		os.Exit(1)
	}
}

// boardPath is the board the demo shows: the campaign's ten weeks.
const boardPath = "/board.html?from=2026-W10&weeks=10"

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("board", flag.ContinueOnError)
	serve := fs.String("serve", "", "serve the API and the board on this address (such as 127.0.0.1:8080) instead of printing the board")
	lang := fs.String("lang", "id", "language of the printed board: id or en")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *lang != "id" && *lang != "en" {
		return fmt.Errorf("-lang %q: use id or en", *lang)
	}
	d, err := newDemo()
	if err != nil {
		return err
	}
	if *serve == "" {
		status, body := d.do("GET", boardPath, "", "", map[string]string{"Accept-Language": *lang})
		if status != http.StatusOK {
			return fmt.Errorf("GET %s: %d %s", boardPath, status, body)
		}
		_, err := io.WriteString(out, body)
		return err
	}
	ln, err := net.Listen("tcp", *serve)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "the campaign board: http://%s%s\nthe API: http://%s/openapi.json\n", ln.Addr(), boardPath, ln.Addr())
	return http.Serve(ln, d.handler)
}
