package ledgerhttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// now is the fixture's clock: Wednesday of 2026-W10.
var now = time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)

// testProducers are four workshops: two of cap, one of tulis, one of cap
// and kombinasi.
func testProducers() []batik.Producer {
	p := func(id string, caps ...batik.Capability) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72", Capabilities: caps}
	}
	c := func(t batik.Technique, g batik.Grade, perWeek int) batik.Capability {
		return batik.Capability{Technique: t, Grade: g, PerWeek: perWeek, UnitCost: decimal.NewFromInt(80000)}
	}
	return []batik.Producer{
		p("A-01", c(batik.Cap, batik.Sedang, 30)),
		p("A-02", c(batik.Cap, batik.Sedang, 20)),
		p("B-01", c(batik.Tulis, batik.Halus, 5)),
		p("C-01", c(batik.Cap, batik.Halus, 10), c(batik.Kombinasi, batik.Halus, 4)),
	}
}

// fixture is a handler over a ledger on the memory store, with the
// fixture's clock and producers, and the actor from X-User.
type fixture struct {
	store  *memstore.Store
	ledger *capacity.Ledger
	h      http.Handler
	logs   *bytes.Buffer
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{store: memstore.New(), logs: &bytes.Buffer{}}
	f.ledger = capacity.NewLedger(f.store, capacity.LedgerOptions{})
	f.h = New(f.ledger, f.options())
	return f
}

func (f *fixture) options() Options {
	return Options{
		Clock:     func() time.Time { return now },
		Producers: func(context.Context) ([]batik.Producer, error) { return testProducers(), nil },
		Logger:    slog.New(slog.NewTextHandler(&lockedWriter{w: f.logs}, nil)),
		Actor:     func(r *http.Request) string { return r.Header.Get("X-User") },
	}
}

// lockedWriter lets goroutines share a log buffer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// req is one request: method, path, and optionally a JSON body, an
// Idempotency-Key and more headers (name, value pairs).
type req struct {
	method, path, body, key string
	header                  []string
}

// do sends r to h and returns the answer.
func do(h http.Handler, r req) *httptest.ResponseRecorder {
	var hr *http.Request
	if r.body == "" {
		hr = httptest.NewRequest(r.method, r.path, nil)
	} else {
		hr = httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.key != "" {
		hr.Header.Set("Idempotency-Key", r.key)
	}
	for i := 0; i+1 < len(r.header); i += 2 {
		if r.header[i+1] == "" {
			hr.Header.Del(r.header[i])
		} else {
			hr.Header.Set(r.header[i], r.header[i+1])
		}
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, hr)
	return w
}

// problem decodes a problem answer, checking its media type.
func problem(t testing.TB, w *httptest.ResponseRecorder) Problem {
	t.Helper()
	require.Equal(t, "application/problem+json", w.Header().Get("Content-Type"), w.Body.String())
	var p Problem
	dec := json.NewDecoder(bytes.NewReader(w.Body.Bytes()))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&p), w.Body.String())
	require.Equal(t, w.Code, p.Status)
	require.NotEmpty(t, p.Title)
	require.NotEmpty(t, p.Detail)
	return p
}

// bookBody is a POST /bookings body for one order of cap, sedang.
func bookBody(order string, quantity int, from string, weeks int, holdFor string) string {
	return fmt.Sprintf(`{"orders":[{"id":%q,"technique":"cap","min_grade":"sedang","quantity":%d}],"from":%q,"weeks":%d,"hold_for":%q}`,
		order, quantity, from, weeks, holdFor)
}

// book books through the handler and requires 201.
func (f *fixture) book(t testing.TB, key string, quantity int, from string, weeks int, holdFor string) {
	t.Helper()
	w := do(f.h, req{method: "POST", path: "/bookings", key: key, body: bookBody(key, quantity, from, weeks, holdFor)})
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
}

// count is how many bookings the ledger holds.
func (f *fixture) count(t testing.TB) int {
	t.Helper()
	page, err := f.ledger.Bookings(context.Background(), capacity.BookingFilter{Limit: capacity.MaxPageLimit}, now)
	require.NoError(t, err)
	return len(page.Bookings)
}

// bookingJSON is a booking as the wire carries it, decoded into the
// fields the tests read.
type bookingJSON struct {
	Key     string `json:"key"`
	State   string `json:"state"`
	Version int64  `json:"version"`
	Lines   []struct {
		OrderID    string `json:"order_id"`
		ProducerID string `json:"producer_id"`
		Technique  string `json:"technique"`
		Week       string `json:"week"`
		Quantity   int    `json:"quantity"`
		Delivered  int    `json:"delivered"`
	} `json:"lines"`
}

func decodeBooking(t testing.TB, w *httptest.ResponseRecorder) bookingJSON {
	t.Helper()
	require.Equal(t, "application/json", w.Header().Get("Content-Type"))
	var b bookingJSON
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &b), w.Body.String())
	return b
}

func TestLanguageFromAcceptLanguage(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		give, want string
	}{
		{"id-ID,id;q=0.9,en;q=0.5", "id"},
		{"en-US,en;q=0.9", "en"},
		{"fr", "en"}, // neither: Options.Lang
		{"", "en"},
		{strings.Repeat("x", 300), "en"},
	}
	for _, tt := range tests {
		w := do(f.h, req{method: "GET", path: "/bookings/NOPE", header: []string{"Accept-Language", tt.give}})
		p := problem(t, w)
		assert.Equal(t, tt.want, w.Header().Get("Content-Language"), tt.give)
		if tt.want == "id" {
			assert.Equal(t, "Pemesanan tidak ditemukan", p.Title)
			assert.Equal(t, `key = "NOPE": tidak ada pemesanan dengan kunci ini`, p.Detail)
		} else {
			assert.Equal(t, "Booking not found", p.Title)
		}
		assert.Contains(t, w.Header().Values("Vary"), "Accept-Language")
	}
	opts := f.options()
	opts.Lang = msg.Indonesian
	w := do(New(f.ledger, opts), req{method: "GET", path: "/bookings/NOPE", header: []string{"Accept-Language", "fr"}})
	assert.Equal(t, "Pemesanan tidak ditemukan", problem(t, w).Title)
}

func TestActorIsRecorded(t *testing.T) {
	f := newFixture(t)
	w := do(f.h, req{method: "POST", path: "/bookings", key: "ORD-1", body: bookBody("ORD-1", 40, "2026-W11", 2, "1h0m0s"),
		header: []string{"X-User", "sari@koperasi"}})
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	w = do(f.h, req{method: "POST", path: "/bookings/ORD-1/confirm", header: []string{"X-User", "budi@koperasi"}})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	hs, err := f.ledger.History(context.Background(), "ORD-1")
	require.NoError(t, err)
	require.Len(t, hs, 2)
	assert.Equal(t, "sari@koperasi", hs[0].Actor)
	assert.Equal(t, capacity.OpBook, hs[0].Op)
	assert.Equal(t, "budi@koperasi", hs[1].Actor)

	// The history route answers the same.
	w = do(f.h, req{method: "GET", path: "/bookings/ORD-1/history"})
	require.Equal(t, http.StatusOK, w.Code)
	var got []capacity.HistoryEntry
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	assert.Equal(t, hs, got)

	// An actor the ledger refuses is a problem naming it; nothing changes.
	w = do(f.h, req{method: "POST", path: "/bookings/ORD-1/cancel", header: []string{"X-User", strings.Repeat("a", 300)}})
	p := problem(t, w)
	assert.Equal(t, http.StatusBadRequest, p.Status)
	assert.Equal(t, "actor", p.Field)
	hs2, _ := f.ledger.History(context.Background(), "ORD-1")
	assert.Len(t, hs2, 2)
}

func TestNilLedgerAndProducerSource(t *testing.T) {
	var logs bytes.Buffer
	h := New(nil, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	p := problem(t, do(h, req{method: "GET", path: "/bookings/K"}))
	assert.Equal(t, http.StatusInternalServerError, p.Status)
	assert.Equal(t, "about:blank", p.Type)
	assert.Contains(t, logs.String(), "nil *capacity.Ledger")

	// No producer source, or one that fails: 500, logged, nothing booked.
	f := newFixture(t)
	opts := f.options()
	opts.Producers = nil
	w := do(New(f.ledger, opts), req{method: "POST", path: "/bookings", key: "K", body: bookBody("K", 10, "2026-W11", 1, "0s")})
	p = problem(t, w)
	assert.Equal(t, http.StatusInternalServerError, p.Status)
	assert.Equal(t, "producer_source", p.Code)
	opts.Producers = func(context.Context) ([]batik.Producer, error) { return nil, errors.New("csv reload failed") }
	w = do(New(f.ledger, opts), req{method: "GET", path: "/board"})
	assert.Equal(t, http.StatusInternalServerError, problem(t, w).Status)
	assert.Contains(t, f.logs.String(), "csv reload failed")
	// Records the ledger refuses are the server's fault too, never the
	// client's: a repeated producer ID.
	opts.Producers = func(context.Context) ([]batik.Producer, error) {
		return append(testProducers(), testProducers()[0]), nil
	}
	w = do(New(f.ledger, opts), req{method: "POST", path: "/bookings", key: "K", body: bookBody("K", 10, "2026-W11", 1, "0s")})
	p = problem(t, w)
	assert.Equal(t, http.StatusInternalServerError, p.Status)
	assert.Empty(t, p.Field, "the server's records are not named to the client")
	assert.Equal(t, 0, f.count(t))
}

// TestServesUnderPrefix mounts the handler as the package doc shows.
func TestServesUnderPrefix(t *testing.T) {
	f := newFixture(t)
	mux := http.NewServeMux()
	mux.Handle("/campaign/", http.StripPrefix("/campaign", f.h))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	r, err := http.NewRequest("POST", srv.URL+"/campaign/bookings", strings.NewReader(bookBody("ORD-1", 10, "2026-W11", 1, "0s")))
	require.NoError(t, err)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Idempotency-Key", "ORD/2026 é") // a key with a slash, a space and more than ASCII
	resp, err := http.DefaultClient.Do(r)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, "bookings/ORD%2F2026%20%C3%A9", resp.Header.Get("Location"))
	loc, err := resp.Location()
	require.NoError(t, err)
	assert.Equal(t, "/campaign/bookings/ORD/2026 é", loc.Path)
	resp, err = http.Get(loc.String())
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}
