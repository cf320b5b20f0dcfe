// Command validate reads a cooperative's producers CSV, prints a table of
// the valid producers and, for every bad row, what is wrong with it, in
// Indonesian (or English with -lang en).
//
//	go run ./examples/validate                 # the built-in demo data
//	go run ./examples/validate -lang en my.csv # your own file
//
// The CSV columns are documented in package batik ("Reading CSV"). It exits
// with status 1 when the file could not be read at all, and 0 otherwise,
// also when some rows are bad: they are reported, and the rest are usable.
package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
)

//go:embed producers.csv
var demo string

func main() {
	lang := flag.String("lang", "id", "language of the messages: id or en")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: validate [-lang id|en] [producers.csv]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if err := run(os.Stdout, *lang, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, langName string, args []string) error {
	l, err := batik.ParseLang(langName)
	if err != nil {
		return err
	}
	var in io.Reader = strings.NewReader(demo)
	source := map[batik.Lang]string{
		batik.English:    "the built-in demo data (fictional workshops in Surakarta and Pekalongan)",
		batik.Indonesian: "data contoh bawaan (bengkel fiktif di Surakarta dan Pekalongan)",
	}[l]
	switch len(args) {
	case 0:
	case 1:
		f, err := os.Open(args[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in, source = f, args[0]
	default:
		return fmt.Errorf("want at most one file, got %d", len(args))
	}

	producers, err := batik.ReadProducersCSV(in)
	var bad *batik.DataError
	if err != nil && !errors.As(err, &bad) {
		return err
	}
	title := map[batik.Lang][2]string{
		batik.English:    {"Valid producers in", "Rows with problems"},
		batik.Indonesian: {"Produsen yang sah di", "Baris yang bermasalah"},
	}[l]
	fmt.Fprintf(w, "%s %s: %d\n\n", title[0], source, len(producers))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tREGION\tTECHNIQUE\tGRADE\tPER WEEK\tUNIT COST")
	for _, p := range producers {
		for i, c := range p.Capabilities {
			if i == 0 {
				fmt.Fprintf(tw, "%s\t%s\t%s\t", p.ID, p.Name, p.Region)
			} else {
				fmt.Fprint(tw, "\t\t\t")
			}
			fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", c.Technique, c.Grade, c.PerWeek, pricing.Format(c.UnitCost))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if bad != nil {
		fmt.Fprintf(w, "\n%s: %d\n", title[1], len(bad.Rows))
		for _, msg := range bad.Messages(l) {
			fmt.Fprintln(w, "  "+msg)
		}
	}
	return nil
}
