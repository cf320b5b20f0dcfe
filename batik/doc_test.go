package batik_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

var stressFor = flag.Duration("stress", 200*time.Millisecond, "how long TestStress runs its 64 goroutines (go test -race -run TestStress -stress 90s)")

// TestStress runs validation, the readers, ParseLang and pricing's Parse,
// Format and quote decoding from 64 goroutines at once; under -race it
// proves they share no mutable state. Short by default, longer with -stress.
func TestStress(t *testing.T) {
	csvIn := []byte("Kode;Nama;Wilayah;Mutu;Teknik;Kapasitas per minggu;Harga satuan\n" +
		"SLO-01;Batik Sekar Jagad;33.72;halus;tulis;6;Rp 450.000\nSLO-01;;;sedang;cap;80;\"95.000,50\"\n" +
		"BAD;\u202e;33.7;x;y;-1;84.5\n")
	good := batik.Producer{ID: "A", Name: "Batik A", Region: "33.72", Capabilities: []batik.Capability{
		{Technique: batik.Cap, Grade: batik.Halus, PerWeek: 5, UnitCost: decimal.NewFromInt(95000)}}}
	jsonIn, _ := json.Marshal([]batik.Producer{good, {ID: "B"}})
	quoteIn := []byte(`{"lines":[{"sku":"A","quantity":2,"unit_price":"85000.50"}],"tax":"ppn"}`)
	deadline := time.Now().Add(*stressFor)
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; time.Now().Before(deadline) || i == 0; i++ {
				switch (g + i) % 6 {
				case 0:
					if good.Validate() != nil {
						errs <- "valid producer refused"
						return
					}
				case 1:
					ps, _ := batik.ReadProducersCSV(bytes.NewReader(csvIn))
					if len(ps) != 1 {
						errs <- "csv"
						return
					}
				case 2:
					ps, _ := batik.ReadProducersJSON(bytes.NewReader(jsonIn))
					if len(ps) != 1 {
						errs <- "json"
						return
					}
				case 3:
					d, err := pricing.Parse("Rp1.250.000,50")
					if err != nil || pricing.Format(d) != "Rp1.250.000,50" {
						errs <- "parse/format"
						return
					}
				case 4:
					var q pricing.Quote
					if err := json.Unmarshal(quoteIn, &q); err != nil || q.Tax != pricing.PPN {
						errs <- "quote"
						return
					}
				case 5:
					if l, err := batik.ParseLang("id-ID,en;q=0.5"); err != nil || l != batik.Indonesian || (&batik.FieldError{Code: "required", Field: "x"}).Message(l) != "x: wajib diisi" {
						errs <- "lang"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
