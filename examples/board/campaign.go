package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/ledgerhttp"
	"github.com/batikkit/batikkit/capacity/memstore"
)

//go:embed workshops.csv
var workshopsCSV string

// wib is Western Indonesia Time, the cooperative's clock.
var wib = time.FixedZone("WIB", 7*3600)

// demo is the campaign: the ledger, the handler over it and the clock
// the handler reads, which the campaign moves forward.
type demo struct {
	ledger    *capacity.Ledger
	handler   http.Handler
	producers []batik.Producer
	now       time.Time
	err       error // the first step that went wrong
}

// at returns day d of 2026 (month m) at h:00 WIB.
func at(m time.Month, d, h int) time.Time { return time.Date(2026, m, d, h, 0, 0, 0, wib) }

// newDemo runs the campaign up to Wednesday 8 April 2026 (2026-W15).
func newDemo() (*demo, error) {
	producers, err := batik.ReadProducersCSV(strings.NewReader(workshopsCSV))
	if err != nil {
		return nil, err
	}
	d := &demo{ledger: capacity.NewLedger(memstore.New(), capacity.LedgerOptions{}), producers: producers}
	d.handler = ledgerhttp.New(d.ledger, ledgerhttp.Options{
		Clock:     func() time.Time { return d.now },
		Producers: func(context.Context) ([]batik.Producer, error) { return d.producers, nil },
		Actor:     func(r *http.Request) string { return r.Header.Get("X-Demo-User") },
	})
	d.plan()
	d.deliverRamadan()
	d.deliverApril()
	d.thisWeek()
	return d, d.err
}

// plan: the calendar of Lebaran, and the orders of March and April.
func (d *demo) plan() {
	d.now = at(time.February, 23, 9) // Monday of 2026-W09
	for _, id := range []string{"SLO-02", "SLO-04", "SLO-08", "PKL-01", "PKL-04", "PKL-06"} {
		d.call(http.StatusNoContent, "PUT", "/calendar", "", `{"producer_id":"`+id+`","week":"2026-W12","capacity":0}`)
	}
	d.call(http.StatusNoContent, "PUT", "/calendar", "", `{"producer_id":"PKL-03","week":"2026-W13","capacity":12}`)
	d.call(http.StatusCreated, "POST", "/bookings", "TKP-RAMADAN-01",
		`{"orders":[{"id":"TKP-RAMADAN-01","sku":"KMJ-CAP-PARANG","technique":"cap","min_grade":"sedang","quantity":500}],"from":"2026-W10","weeks":3,"hold_for":"0s"}`)
	d.call(http.StatusCreated, "POST", "/bookings", "MP-RAMADAN-02",
		`{"orders":[{"id":"MP-RAMADAN-02","technique":"cap","min_grade":"sedang","quantity":200}],"from":"2026-W10","weeks":2,"hold_for":"48h0m0s"}`)
	d.now = at(time.February, 24, 10)
	d.call(http.StatusOK, "POST", "/bookings/MP-RAMADAN-02/confirm", "", "")
	d.now = at(time.March, 9, 9) // Monday of 2026-W11
	d.call(http.StatusCreated, "POST", "/bookings", "KOP-SERAGAM-03",
		`{"orders":[{"id":"KOP-SERAGAM-03","sku":"SRG-CAP-KAWUNG","technique":"cap","min_grade":"sedang","quantity":400}],"from":"2026-W13","weeks":3,"policy":"even_share","hold_for":"0s"}`)
	d.call(http.StatusCreated, "POST", "/bookings", "GALERI-TULIS-04",
		`{"orders":[{"id":"GALERI-TULIS-04","technique":"tulis","min_grade":"halus","quantity":28}],"from":"2026-W13","weeks":2,"hold_for":"0s"}`)
	d.call(http.StatusCreated, "POST", "/bookings", "KOMBINASI-05",
		`{"orders":[{"id":"KOMBINASI-05","technique":"kombinasi","min_grade":"halus","quantity":20}],"from":"2026-W14","weeks":2,"hold_for":"0s"}`)
}

// deliverRamadan: every piece of weeks 10 and 11 is handed over; the
// first call of week 10 is sent twice and counts once.
func (d *demo) deliverRamadan() {
	d.now = at(time.March, 6, 16) // Friday of 2026-W10
	d.deliverWeek("TKP-RAMADAN-01", "2026-W10", "tkp-w10", full)
	d.deliverWeek("TKP-RAMADAN-01", "2026-W10", "tkp-w10", full) // a retry after a lost answer
	d.deliverWeek("MP-RAMADAN-02", "2026-W10", "mp-w10", full)
	d.now = at(time.March, 13, 16)
	d.deliverWeek("TKP-RAMADAN-01", "2026-W11", "tkp-w11", full)
	d.deliverWeek("MP-RAMADAN-02", "2026-W11", "mp-w11", full)
	d.now = at(time.March, 20, 16) // Lebaran week: the open workshops deliver
	d.deliverWeek("TKP-RAMADAN-01", "2026-W12", "tkp-w12", full)
}

// deliverApril: the weeks after Lebaran; SLO-07 delivers short, and one
// hand-drawn workshop falls behind.
func (d *demo) deliverApril() {
	d.now = at(time.March, 27, 16)
	d.deliverWeek("KOP-SERAGAM-03", "2026-W13", "kop-w13", func(l capacity.BookingLine) int {
		if l.ProducerID == "SLO-07" {
			return l.Quantity / 2
		}
		return l.Quantity
	})
	d.deliverWeek("GALERI-TULIS-04", "2026-W13", "galeri-w13", full)
	d.now = at(time.April, 3, 16)
	d.deliverWeek("KOP-SERAGAM-03", "2026-W14", "kop-w14", func(l capacity.BookingLine) int {
		if l.ProducerID == "SLO-07" {
			return 0
		}
		return l.Quantity
	})
	d.deliverWeek("GALERI-TULIS-04", "2026-W14", "galeri-w14", func(l capacity.BookingLine) int {
		if l.ProducerID == "SLO-03" {
			return l.Quantity - 2
		}
		return l.Quantity
	})
	d.deliverWeek("KOMBINASI-05", "2026-W14", "kombinasi-w14", full)
}

// thisWeek: Wednesday of 2026-W15. The uniforms SLO-07 did not make are
// rebooked on other workshops, a flash sale and a reseller hold
// capacity, and the flash sale asks for another day.
func (d *demo) thisWeek() {
	d.now = at(time.April, 8, 10)
	d.call(http.StatusOK, "POST", "/bookings/KOP-SERAGAM-03/rebook", "",
		`{"orders":[{"id":"KOP-SERAGAM-03","sku":"SRG-CAP-KAWUNG","technique":"cap","min_grade":"sedang","quantity":400}]}`)
	d.call(http.StatusCreated, "POST", "/bookings", "WEB-FLASH-06",
		`{"orders":[{"id":"WEB-FLASH-06","technique":"cap","min_grade":"sedang","quantity":300}],"from":"2026-W16","weeks":2,"hold_for":"48h0m0s"}`)
	d.call(http.StatusCreated, "POST", "/bookings", "RESELLER-07",
		`{"orders":[{"id":"RESELLER-07","technique":"cap","min_grade":"sedang","quantity":150}],"from":"2026-W17","weeks":2,"policy":"fewest_producers","hold_for":"72h0m0s"}`)
	d.call(http.StatusOK, "POST", "/bookings/WEB-FLASH-06/extend", "", `{"by":"24h0m0s"}`)
}

// full delivers every piece of a line.
func full(l capacity.BookingLine) int { return l.Quantity }

// deliverWeek delivers, as the call callKey, pieces of the booking's
// lines of the week: as many as pieces says for each line (none: the
// line is left out). It reads the booking and sends the deliveries as the
// capacity package's own types.
func (d *demo) deliverWeek(key, week, callKey string, pieces func(capacity.BookingLine) int) {
	status, body := d.do("GET", "/bookings/"+key, "", "", nil)
	var b capacity.Booking
	if status != http.StatusOK {
		d.fail(fmt.Errorf("GET /bookings/%s: %d %s", key, status, body))
		return
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		d.fail(fmt.Errorf("GET /bookings/%s: %w", key, err))
		return
	}
	w := capacity.MustParseWeek(week)
	var ds []capacity.Delivery
	for _, l := range b.Lines {
		if n := min(pieces(l), l.Quantity-l.Delivered); l.Week == w && n > 0 {
			ds = append(ds, capacity.Delivery{OrderID: l.OrderID, Slot: l.Slot, Quantity: n})
		}
	}
	if len(ds) == 0 {
		return
	}
	data, _ := json.Marshal(map[string]any{"deliveries": ds})
	d.call(http.StatusOK, "POST", "/bookings/"+key+"/deliveries", callKey, string(data))
}

// call sends one request to the handler as the cooperative's coordinator
// and records an error unless it is answered with want.
func (d *demo) call(want int, method, path, key, body string) {
	status, answer := d.do(method, path, key, body, map[string]string{"X-Demo-User": "koordinator@koperasi-laweyan"})
	if status != want {
		d.fail(fmt.Errorf("%s %s: %d, want %d: %s", method, path, status, want, answer))
	}
}

func (d *demo) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// do sends a request to the handler in process and returns its answer.
func (d *demo) do(method, path, key, body string, header map[string]string) (int, string) {
	var r *http.Request
	if body == "" {
		r = httptest.NewRequest(method, path, nil)
	} else {
		r = httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	}
	if key != "" {
		r.Header.Set("Idempotency-Key", key)
	}
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	d.handler.ServeHTTP(w, r)
	return w.Code, w.Body.String()
}
