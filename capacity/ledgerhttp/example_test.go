package ledgerhttp_test

import (
	"context"
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
	"github.com/shopspring/decimal"
)

// A service mounts the handler under a prefix. A retried booking is
// answered 200 with the same booking; an operation the booking's state
// refuses is a problem in the client's language.
func ExampleNew() {
	producers := []batik.Producer{
		{ID: "SLO-02", Name: "Batik Truntum Kauman", Region: "33.72", Capabilities: []batik.Capability{
			{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 25, UnitCost: decimal.NewFromInt(82000)}}},
		{ID: "PKL-01", Name: "Batik Jlamprang Kergon", Region: "33.75", Capabilities: []batik.Capability{
			{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 30, UnitCost: decimal.NewFromInt(78000)}}},
	}
	ledger := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})

	mux := http.NewServeMux()
	api := ledgerhttp.New(ledger, ledgerhttp.Options{
		Clock:     func() time.Time { return time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC) },
		Producers: func(context.Context) ([]batik.Producer, error) { return producers, nil },
	})
	mux.Handle("/campaign/", http.StripPrefix("/campaign", api))

	send := func(method, path, key, lang, body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		if body != "" {
			r.Header.Set("Content-Type", "application/json")
		}
		if key != "" {
			r.Header.Set("Idempotency-Key", key)
		}
		r.Header.Set("Accept-Language", lang)
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		return w
	}
	order := `{"orders":[{"id":"MELOKAL-12","technique":"cap","min_grade":"sedang","quantity":80}],"from":"2026-W50","weeks":2,"hold_for":"24h0m0s"}`
	for range 2 {
		w := send("POST", "/campaign/bookings", "MELOKAL-12", "en", order)
		var b struct {
			State string `json:"state"`
			Lines []struct {
				ProducerID string `json:"producer_id"`
				Week       string `json:"week"`
				Quantity   int    `json:"quantity"`
			} `json:"lines"`
		}
		_ = json.Unmarshal(w.Body.Bytes(), &b)
		fmt.Println(w.Code, w.Header().Get("Location"), b.State, b.Lines)
	}
	send("POST", "/campaign/bookings/MELOKAL-12/cancel", "", "en", "")
	w := send("POST", "/campaign/bookings/MELOKAL-12/confirm", "", "id-ID,id;q=0.9", "")
	var p ledgerhttp.Problem
	_ = json.Unmarshal(w.Body.Bytes(), &p)
	fmt.Println(w.Code, w.Header().Get("Content-Type"))
	fmt.Println(p.Type == ledgerhttp.ProblemConflict, p.Title)
	fmt.Println(p.Detail)
	// Output:
	// 201 bookings/MELOKAL-12 held [{PKL-01 2026-W50 30} {PKL-01 2026-W51 14} {SLO-02 2026-W50 25} {SLO-02 2026-W51 11}]
	// 200  held [{PKL-01 2026-W50 30} {PKL-01 2026-W51 14} {SLO-02 2026-W50 25} {SLO-02 2026-W51 11}]
	// 409 application/problem+json
	// true Bertentangan dengan keadaan pemesanan
	// state = "cancelled": pemesanan "MELOKAL-12": hanya pemesanan berstatus "held" yang dapat dikonfirmasi
}
