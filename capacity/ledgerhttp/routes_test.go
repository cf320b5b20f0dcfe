package ledgerhttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// busyStore is a store whose commits always lose: inserts find no room,
// updates find the booking changed. With no retries, the ledger answers
// ErrContention.
type busyStore struct{ capacity.Store }

func (busyStore) Commit(_ context.Context, c capacity.Change) (capacity.Booking, error) {
	if c.Expect == 0 {
		return capacity.Booking{}, capacity.ErrNoRoom
	}
	return capacity.Booking{}, capacity.ErrStale
}

// downStore is a store that does not answer.
type downStore struct{ capacity.Store }

func (downStore) Booking(context.Context, string, time.Time) (capacity.Booking, error) {
	return capacity.Booking{}, errors.New("dial tcp 10.0.0.5:5432: connection refused")
}

// statusCase is one request and what it must be answered with.
type statusCase struct {
	name   string
	route  string // the route's pattern, "POST /bookings"
	on     string // "" the fixture's handler, "busy" or "down"
	r      req
	status int
	typ    string // the problem's type; "" for a success
	field  string // the problem's field and where it is
	in     string
	check  func(t *testing.T, f *fixture, w *responseRecorder)
}

type responseRecorder = httptest.ResponseRecorder

// TestEveryRouteAndStatus sends, for every route of the table, a request
// answered with each status the route documents, and checks the status,
// the problem's type, field and place, and the headers that go with it.
// It fails when a route's status has no case.
func TestEveryRouteAndStatus(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, b := range []struct {
		key, from string
		n, weeks  int
		hold      string
	}{
		{"HELD-1", "2026-W11", 40, 2, "1h0m0s"}, {"HELD-2", "2026-W12", 20, 1, "1h0m0s"},
		{"CONF-1", "2026-W13", 30, 1, "0s"}, {"CONF-2", "2026-W14", 10, 1, "0s"},
		{"CANC-1", "2026-W14", 10, 1, "0s"}, {"LATE-1", "2026-W08", 20, 1, "0s"},
	} {
		f.book(t, b.key, b.n, b.from, b.weeks, b.hold)
	}
	require.Equal(t, http.StatusOK, do(f.h, req{method: "POST", path: "/bookings/CANC-1/cancel"}).Code)
	_, err := f.ledger.Book(ctx, capacity.BookRequest{Key: "EXP-1", Producers: testProducers(), From: capacity.MustParseWeek("2026-W15"),
		Orders: []batik.Order{{ID: "EXP-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 5}}, HoldFor: time.Hour}, now.Add(-2*time.Hour))
	require.NoError(t, err)
	conf, err := f.ledger.Booking(ctx, "CONF-1", now)
	require.NoError(t, err)
	ln := conf.Lines[0]
	delivery := fmt.Sprintf(`{"deliveries":[{"order_id":"CONF-1","producer_id":%q,"technique":"cap","week":%q,"quantity":%%d}]}`, ln.ProducerID, ln.Week)
	late := `{"orders":[{"id":"LATE-1","technique":"cap","min_grade":"sedang","quantity":20}]}`
	big := `{"orders":[],` + strings.Repeat(" ", DefaultBodyLimit) + `"hold_for":"0s"}`
	text := []string{"Content-Type", "text/plain"}

	busy := New(capacity.NewLedger(busyStore{f.store}, capacity.LedgerOptions{MaxRetries: -1}), f.options())
	down := New(capacity.NewLedger(downStore{f.store}, capacity.LedgerOptions{}), f.options())

	cases := []statusCase{
		{name: "book new", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-1", body: bookBody("NEW-1", 10, "2026-W15", 1, "0s")}, status: 201,
			check: func(t *testing.T, _ *fixture, w *responseRecorder) {
				assert.Equal(t, "bookings/NEW-1", w.Header().Get("Location"))
			}},
		{name: "book replay", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-1", body: bookBody("NEW-1", 10, "2026-W15", 1, "0s")}, status: 200,
			check: func(t *testing.T, _ *fixture, w *responseRecorder) { assert.Empty(t, w.Header().Get("Location")) }},
		{name: "book bad hold", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-2", body: bookBody("NEW-2", 10, "2026-W15", 1, "-1h0m0s")}, status: 400, typ: ProblemInvalid, field: "hold_for", in: "body"},
		{name: "book other request", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-1", body: bookBody("NEW-1", 11, "2026-W15", 1, "0s")}, status: 409, typ: ProblemConflict, field: "orders[0].quantity", in: "body"},
		{name: "book too large", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-2", body: big}, status: 413, typ: "about:blank", field: "body", in: "body"},
		{name: "book not json", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-2", body: "{}", header: text}, status: 415, typ: "about:blank", field: "Content-Type", in: "header"},
		{name: "book no capacity", route: "POST /bookings", r: req{method: "POST", path: "/bookings", key: "NEW-3",
			body: `{"orders":[{"id":"NEW-3","technique":"tulis","min_grade":"halus","quantity":1000}],"from":"2026-W15","weeks":2,"hold_for":"0s","all_or_nothing":true}`}, status: 422, typ: ProblemNoCapacity, field: "orders[0]", in: "body"},
		{name: "book contention", route: "POST /bookings", on: "busy", r: req{method: "POST", path: "/bookings", key: "NEW-4", body: bookBody("NEW-4", 10, "2026-W15", 1, "0s")}, status: 503, typ: ProblemContention, field: "Idempotency-Key", in: "header",
			check: func(t *testing.T, _ *fixture, w *responseRecorder) {
				assert.Equal(t, "1", w.Header().Get("Retry-After"))
			}},

		{name: "list", route: "GET /bookings", r: req{method: "GET", path: "/bookings?state=held&limit=10"}, status: 200,
			check: func(t *testing.T, _ *fixture, w *responseRecorder) {
				assert.Contains(t, w.Body.String(), `"key":"HELD-2"`)
				assert.NotContains(t, w.Body.String(), `"key":"CONF-1"`)
			}},
		{name: "list bad state", route: "GET /bookings", r: req{method: "GET", path: "/bookings?state=pending"}, status: 400, typ: ProblemInvalid, field: "state", in: "query"},

		{name: "get", route: "GET /bookings/{key}", r: req{method: "GET", path: "/bookings/HELD-1"}, status: 200},
		{name: "get bad key", route: "GET /bookings/{key}", r: req{method: "GET", path: "/bookings/%01"}, status: 400, typ: ProblemInvalid, field: "key", in: "path"},
		{name: "get unknown", route: "GET /bookings/{key}", r: req{method: "GET", path: "/bookings/NOPE"}, status: 404, typ: ProblemNotFound, field: "key", in: "path"},
		{name: "history", route: "GET /bookings/{key}/history", r: req{method: "GET", path: "/bookings/CANC-1/history"}, status: 200},
		{name: "history bad key", route: "GET /bookings/{key}/history", r: req{method: "GET", path: "/bookings/%E2%80%AE/history"}, status: 400, typ: ProblemInvalid, field: "key", in: "path"},
		{name: "history unknown", route: "GET /bookings/{key}/history", r: req{method: "GET", path: "/bookings/NOPE/history"}, status: 404, typ: ProblemNotFound, field: "key", in: "path"},

		{name: "confirm contention", route: "POST /bookings/{key}/confirm", on: "busy", r: req{method: "POST", path: "/bookings/HELD-2/confirm"}, status: 503, typ: ProblemContention},
		{name: "confirm", route: "POST /bookings/{key}/confirm", r: req{method: "POST", path: "/bookings/HELD-1/confirm"}, status: 200},
		{name: "confirm bad key", route: "POST /bookings/{key}/confirm", r: req{method: "POST", path: "/bookings/%01/confirm"}, status: 400, typ: ProblemInvalid, field: "key", in: "path"},
		{name: "confirm unknown", route: "POST /bookings/{key}/confirm", r: req{method: "POST", path: "/bookings/NOPE/confirm"}, status: 404, typ: ProblemNotFound, field: "key", in: "path"},
		{name: "confirm cancelled", route: "POST /bookings/{key}/confirm", r: req{method: "POST", path: "/bookings/CANC-1/confirm"}, status: 409, typ: ProblemConflict, field: "state", in: "body"},

		{name: "cancel contention", route: "POST /bookings/{key}/cancel", on: "busy", r: req{method: "POST", path: "/bookings/HELD-2/cancel"}, status: 503, typ: ProblemContention},
		{name: "cancel", route: "POST /bookings/{key}/cancel", r: req{method: "POST", path: "/bookings/CONF-2/cancel"}, status: 200},
		{name: "cancel bad key", route: "POST /bookings/{key}/cancel", r: req{method: "POST", path: "/bookings/%01/cancel"}, status: 400, typ: ProblemInvalid, field: "key", in: "path"},
		{name: "cancel unknown", route: "POST /bookings/{key}/cancel", r: req{method: "POST", path: "/bookings/NOPE/cancel"}, status: 404, typ: ProblemNotFound},
		{name: "cancel expired", route: "POST /bookings/{key}/cancel", r: req{method: "POST", path: "/bookings/EXP-1/cancel"}, status: 409, typ: ProblemConflict},

		{name: "extend contention", route: "POST /bookings/{key}/extend", on: "busy", r: req{method: "POST", path: "/bookings/HELD-2/extend", body: `{"by":"90m0s"}`}, status: 503, typ: ProblemContention},
		{name: "extend", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/HELD-2/extend", body: `{"by":"90m0s"}`}, status: 200,
			check: func(t *testing.T, f *fixture, _ *responseRecorder) {
				b, err := f.ledger.Booking(context.Background(), "HELD-2", now)
				require.NoError(t, err)
				assert.True(t, b.HoldUntil.Equal(now.Add(90*time.Minute)), b.HoldUntil)
			}},
		{name: "extend bad by", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/HELD-2/extend", body: `{"by":"-1h"}`}, status: 400, typ: ProblemInvalid, field: "by", in: "body"},
		{name: "extend unknown", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/NOPE/extend", body: `{"by":"1h"}`}, status: 404, typ: ProblemNotFound},
		{name: "extend confirmed", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/CONF-1/extend", body: `{"by":"1h"}`}, status: 409, typ: ProblemConflict},
		{name: "extend too large", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/HELD-2/extend", body: big}, status: 413, typ: "about:blank"},
		{name: "extend not json", route: "POST /bookings/{key}/extend", r: req{method: "POST", path: "/bookings/HELD-2/extend", body: `{"by":"1h"}`, header: text}, status: 415, typ: "about:blank"},

		{name: "rebook contention", route: "POST /bookings/{key}/rebook", on: "busy", r: req{method: "POST", path: "/bookings/LATE-1/rebook", body: late}, status: 503, typ: ProblemContention},
		{name: "rebook nothing late", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/CONF-1/rebook", body: `{"orders":[]}`}, status: 200},
		{name: "rebook without its order", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/LATE-1/rebook", body: `{"orders":[]}`}, status: 400, typ: ProblemInvalid, field: "orders", in: "body"},
		{name: "rebook unknown", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/NOPE/rebook", body: `{"orders":[]}`}, status: 404, typ: ProblemNotFound},
		{name: "rebook held", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/HELD-2/rebook", body: `{"orders":[]}`}, status: 409, typ: ProblemConflict},
		{name: "rebook too large", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/LATE-1/rebook", body: big}, status: 413, typ: "about:blank"},
		{name: "rebook not json", route: "POST /bookings/{key}/rebook", r: req{method: "POST", path: "/bookings/LATE-1/rebook", body: late, header: text}, status: 415, typ: "about:blank"},

		{name: "deliver contention", route: "POST /bookings/{key}/deliveries", on: "busy", r: req{method: "POST", path: "/bookings/CONF-1/deliveries", key: "D-0", body: fmt.Sprintf(delivery, 5)}, status: 503, typ: ProblemContention},
		{name: "deliver", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/CONF-1/deliveries", key: "D-1", body: fmt.Sprintf(delivery, 5)}, status: 200},
		{name: "deliver zero", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/CONF-1/deliveries", key: "D-2", body: fmt.Sprintf(delivery, 0)}, status: 400, typ: ProblemInvalid, field: "deliveries[0].quantity", in: "body"},
		{name: "deliver unknown", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/NOPE/deliveries", key: "D-3", body: fmt.Sprintf(delivery, 5)}, status: 404, typ: ProblemNotFound, field: "key", in: "path"},
		{name: "deliver to a hold", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/HELD-2/deliveries", key: "D-4", body: fmt.Sprintf(delivery, 5)}, status: 409, typ: ProblemConflict},
		{name: "deliver too large", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/CONF-1/deliveries", key: "D-5", body: big}, status: 413, typ: "about:blank"},
		{name: "deliver not json", route: "POST /bookings/{key}/deliveries", r: req{method: "POST", path: "/bookings/CONF-1/deliveries", key: "D-6", body: fmt.Sprintf(delivery, 5), header: text}, status: 415, typ: "about:blank"},

		{name: "calendar", route: "PUT /calendar", r: req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-02","week":"2026-W20","capacity":5}`}, status: 204},
		{name: "calendar bad capacity", route: "PUT /calendar", r: req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-02","week":"2026-W20","capacity":-1}`}, status: 400, typ: ProblemInvalid, field: "capacity", in: "body"},
		{name: "calendar below booked", route: "PUT /calendar", r: req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-01","week":"2026-W11","capacity":0}`}, status: 409, typ: ProblemNoRoom},
		{name: "calendar too large", route: "PUT /calendar", r: req{method: "PUT", path: "/calendar", body: big}, status: 413, typ: "about:blank"},
		{name: "calendar not json", route: "PUT /calendar", r: req{method: "PUT", path: "/calendar", body: `{}`, header: text}, status: 415, typ: "about:blank"},

		{name: "board", route: "GET /board", r: req{method: "GET", path: "/board?from=2026-W10&weeks=6"}, status: 200},
		{name: "board over MaxWeeks", route: "GET /board", r: req{method: "GET", path: "/board?weeks=105"}, status: 400, typ: ProblemInvalid, field: "weeks", in: "query"},
		{name: "board page", route: "GET /board.html", r: req{method: "GET", path: "/board.html"}, status: 200},
		{name: "board page over MaxWeeks", route: "GET /board.html", r: req{method: "GET", path: "/board.html?weeks=105"}, status: 400,
			check: func(t *testing.T, _ *fixture, w *responseRecorder) {
				assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
				assert.Contains(t, w.Body.String(), `data-field="weeks"`)
			}},
		{name: "openapi", route: "GET /openapi.json", r: req{method: "GET", path: "/openapi.json"}, status: 200},
		{name: "healthz", route: "GET /healthz", r: req{method: "GET", path: "/healthz"}, status: 200},
		{name: "healthz store down", route: "GET /healthz", on: "down", r: req{method: "GET", path: "/healthz"}, status: 503,
			check: func(t *testing.T, _ *fixture, w *responseRecorder) {
				assert.Equal(t, "1", w.Header().Get("Retry-After"))
			}},
	}
	doc := loadDoc(t)
	covered := map[string]bool{}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			h := map[string]http.Handler{"": f.h, "busy": busy, "down": down}[tt.on]
			w := do(h, tt.r)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			covered[tt.route+" "+strconv.Itoa(w.Code)] = true
			checkDoc(t, doc, tt.route, tt.r, w)
			if tt.typ != "" {
				p := problem(t, w)
				assert.Equal(t, tt.typ, p.Type)
				if tt.field != "" {
					assert.Equal(t, tt.field, p.Field, p.Detail)
					assert.Equal(t, tt.in, p.In, p.Detail)
				}
			}
			if tt.check != nil {
				tt.check(t, f, w)
			}
		})
	}
	for _, rt := range routes {
		for _, s := range rt.statuses {
			name := rt.method + " " + rt.path + " " + strconv.Itoa(s)
			assert.True(t, covered[name], "no case answers %s", name)
		}
	}
}

// TestUnknownRouteAndMethod: 404 and 405 are problems; 405 says Allow.
func TestUnknownRouteAndMethod(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/nope", 404, ""},
		{"GET", "/bookings/K/nope", 404, ""},
		{"DELETE", "/bookings/K", 405, "GET, HEAD"},
		{"PUT", "/bookings", 405, "GET, HEAD, POST"},
		{"GET", "/calendar", 405, "PUT"},
		{"POST", "/board", 405, "GET, HEAD"},
	}
	for _, tt := range tests {
		w := do(f.h, req{method: tt.method, path: tt.path})
		p := problem(t, w)
		assert.Equal(t, tt.status, p.Status, tt.path)
		assert.Equal(t, "about:blank", p.Type)
		assert.Equal(t, tt.allow, w.Header().Get("Allow"), tt.path)
		if tt.status == 405 {
			assert.Equal(t, "method", p.Field)
			assert.Equal(t, strconv.Quote(tt.method), p.Value)
		} else {
			assert.Equal(t, "path", p.Field)
		}
	}
	w := do(f.h, req{method: "GET", path: "/nope", header: []string{"Accept-Language", "id"}})
	assert.Equal(t, "Tidak ditemukan", problem(t, w).Title)
	// Still serving.
	assert.Equal(t, http.StatusOK, do(f.h, req{method: "GET", path: "/healthz"}).Code)
}
