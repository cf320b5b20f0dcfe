package ledgerhttp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBookReplayFromEightGoroutines: the same request under one key from
// 8 goroutines makes one booking, answered once 201 and seven times 200,
// all with the same booking.
func TestBookReplayFromEightGoroutines(t *testing.T) {
	for round := range 20 {
		f := newFixture(t)
		key := fmt.Sprintf("ORD-%d", round)
		body := bookBody(key, 45, "2026-W11", 2, "15m0s")
		var wg sync.WaitGroup
		answers := make([]*responseRecorder, 8)
		for i := range answers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				answers[i] = do(f.h, req{method: "POST", path: "/bookings", key: key, body: body})
			}()
		}
		wg.Wait()
		codes := map[int]int{}
		for _, w := range answers {
			codes[w.Code]++
			assert.JSONEq(t, answers[0].Body.String(), w.Body.String())
		}
		require.Equal(t, map[int]int{201: 1, 200: 7}, codes)
		assert.Equal(t, 1, f.count(t))
	}
}

// TestBookReplayAnswersTheBookingAsItStands: a replay after the booking
// changed (confirmed, then cancelled) answers 200 with its state now.
func TestBookReplayAnswersTheBookingAsItStands(t *testing.T) {
	f := newFixture(t)
	body := bookBody("ORD-1", 30, "2026-W11", 1, "1h0m0s")
	f.book(t, "ORD-1", 30, "2026-W11", 1, "1h0m0s")
	require.Equal(t, http.StatusOK, do(f.h, req{method: "POST", path: "/bookings/ORD-1/confirm"}).Code)
	require.Equal(t, http.StatusOK, do(f.h, req{method: "POST", path: "/bookings/ORD-1/cancel"}).Code)
	w := do(f.h, req{method: "POST", path: "/bookings", key: "ORD-1", body: body})
	require.Equal(t, http.StatusOK, w.Code)
	b := decodeBooking(t, w)
	assert.Equal(t, "cancelled", b.State)
	assert.Equal(t, int64(3), b.Version)
	// The key as an RFC 8941 string is the same key.
	w = do(f.h, req{method: "POST", path: "/bookings", key: `"ORD-1"`, body: body})
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, 1, f.count(t))
}

// TestDeliveryRetryCountsOnce: a delivery call sent again (a lost answer)
// changes nothing; the same key with other deliveries is a conflict.
func TestDeliveryRetryCountsOnce(t *testing.T) {
	f := newFixture(t)
	f.book(t, "ORD-1", 30, "2026-W11", 1, "0s")
	b, err := f.ledger.Booking(context.Background(), "ORD-1", now)
	require.NoError(t, err)
	ln := b.Lines[0]
	body := func(n int) string {
		return fmt.Sprintf(`{"deliveries":[{"order_id":"ORD-1","producer_id":%q,"technique":"cap","week":"2026-W11","quantity":%d}]}`, ln.ProducerID, n)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := do(f.h, req{method: "POST", path: "/bookings/ORD-1/deliveries", key: "truck-7", body: body(4)})
			assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
		}()
	}
	wg.Wait()
	b, err = f.ledger.Booking(context.Background(), "ORD-1", now)
	require.NoError(t, err)
	assert.Equal(t, 4, b.Lines[0].Delivered)
	assert.Equal(t, int64(2), b.Version, "one change")

	w := do(f.h, req{method: "POST", path: "/bookings/ORD-1/deliveries", key: "truck-7", body: body(5)})
	p := problem(t, w)
	assert.Equal(t, ProblemConflict, p.Type)
	assert.Equal(t, "Idempotency-Key", p.Field)
	assert.Equal(t, "header", p.In)
	b, _ = f.ledger.Booking(context.Background(), "ORD-1", now)
	assert.Equal(t, 4, b.Lines[0].Delivered)
}

// TestBadInput: each bad input is answered with its status and a problem
// naming it; nothing is recorded, and the server goes on serving.
func TestBadInput(t *testing.T) {
	f := newFixture(t)
	f.book(t, "HELD", 20, "2026-W11", 1, "1h0m0s")
	cursor := cursorOf(t, f)
	before := snapshot(t, f)
	good := bookBody("NEW", 10, "2026-W12", 1, "0s")
	tests := []struct {
		name   string
		r      req
		status int
		field  string
		in     string
		code   string
	}{
		{"body over the limit", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + strings.Repeat(" ", DefaultBodyLimit) + "}"}, 413, "body", "body", "too_large"},
		{"no content type", req{method: "POST", path: "/bookings", key: "NEW", body: good, header: []string{"Content-Type", ""}}, 415, "Content-Type", "header", "not_json"},
		{"text", req{method: "POST", path: "/bookings", key: "NEW", body: good, header: []string{"Content-Type", "text/plain; charset=utf-8"}}, 415, "Content-Type", "header", "not_json"},
		{"json in latin-1", req{method: "POST", path: "/bookings", key: "NEW", body: good, header: []string{"Content-Type", "application/json; charset=iso-8859-1"}}, 415, "Content-Type", "header", "not_json"},
		{"malformed", req{method: "POST", path: "/bookings", key: "NEW", body: `{"orders":[}`}, 400, "orders", "body", "json_syntax"},
		{"truncated", req{method: "POST", path: "/bookings", key: "NEW", body: good[:40]}, 400, "orders[0]", "body", "json_syntax"},
		{"empty", req{method: "POST", path: "/bookings", key: "NEW", body: " "}, 400, "body", "body", "json_syntax"},
		{"not an object", req{method: "POST", path: "/bookings", key: "NEW", body: `[1,2]`}, 400, "body", "body", "json_object"},
		{"not UTF-8", req{method: "POST", path: "/bookings", key: "NEW", body: strings.Replace(good, "NEW", "N\xffW", 1)}, 400, "body", "body", "not_utf8"},
		{"unknown field", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + `,"priority":1}`}, 400, "priority", "body", "json_unknown"},
		{"case-folded field", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + `,"HOLD_FOR":"1h"}`}, 400, "HOLD_FOR", "body", "json_case"},
		{"repeated field", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + `,"weeks":9}`}, 400, "weeks", "body", "json_duplicate"},
		{"null", req{method: "POST", path: "/bookings", key: "NEW", body: strings.Replace(good, `"hold_for":"0s"`, `"hold_for":null`, 1)}, 400, "hold_for", "body", "json_null"},
		{"hold_for missing", req{method: "POST", path: "/bookings", key: "NEW", body: strings.Replace(good, `,"hold_for":"0s"`, ``, 1)}, 400, "hold_for", "body", "json_missing"},
		{"key in the body", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + `,"key":"OTHER"}`}, 400, "key", "body", "key_in_body"},
		{"producers in the body", req{method: "POST", path: "/bookings", key: "NEW", body: good[:len(good)-1] + `,"producers":[]}`}, 400, "producers", "body", "producers_in_body"},
		{"Idempotency-Key missing", req{method: "POST", path: "/bookings", body: good}, 400, "Idempotency-Key", "header", "idempotency_key_missing"},
		{"Idempotency-Key empty", req{method: "POST", path: "/bookings", body: good, header: []string{"Idempotency-Key", `""`}}, 400, "Idempotency-Key", "header", "key_needed"},
		{"Idempotency-Key over 256 bytes", req{method: "POST", path: "/bookings", key: strings.Repeat("k", 257), body: good}, 400, "Idempotency-Key", "header", "too_long"},
		{"Idempotency-Key with a control character", req{method: "POST", path: "/bookings", key: `"a` + "\t" + `b"`, body: good}, 400, "Idempotency-Key", "header", "idempotency_key_string"},
		{"delivery key missing", req{method: "POST", path: "/bookings/HELD/deliveries", body: `{"deliveries":[]}`}, 400, "Idempotency-Key", "header", "idempotency_key_missing"},
		{"delivery key over 256 bytes", req{method: "POST", path: "/bookings/HELD/deliveries", key: strings.Repeat("k", 300),
			body: `{"deliveries":[{"order_id":"HELD","producer_id":"A-01","technique":"cap","week":"2026-W11","quantity":1}]}`}, 400, "Idempotency-Key", "header", "too_long"},
		{"delivery unknown field", req{method: "POST", path: "/bookings/HELD/deliveries", key: "d", body: `{"deliveries":[{"order_id":"HELD","producer_id":"A-01","technique":"cap","week":"2026-W11","quantity":1,"QUANTITY":500}]}`}, 400, "deliveries[0].QUANTITY", "body", "json_case"},
		{"calendar without capacity", req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-01","week":"2026-W11"}`}, 400, "capacity", "body", "json_missing"},
		{"calendar bad week", req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-01","week":"2026-W54","capacity":3}`}, 400, "week", "body", "week_of_year"},
		{"extend without by", req{method: "POST", path: "/bookings/HELD/extend", body: `{}`}, 400, "by", "body", "json_missing"},
		{"rebook bad order", req{method: "POST", path: "/bookings/HELD/rebook", body: `{"orders":[{"id":"HELD","technique":"batik","min_grade":"sedang","quantity":1}]}`}, 400, "orders[0].technique", "body", "invalid"},
		{"board over MaxWeeks", req{method: "GET", path: "/board?weeks=105"}, 400, "weeks", "query", "range"},
		{"board before the year 1", req{method: "GET", path: "/board?from=0000-W01"}, 400, "from", "query", "week_year"},
		{"board cells", req{method: "GET", path: "/board?per_page=5000&weeks=104"}, 400, "per_page", "query", "too_many_cells"},
		{"board page past the end", req{method: "GET", path: "/board?page=2"}, 400, "page", "query", "range"},
		{"board unknown parameter", req{method: "GET", path: "/board?week=5"}, 400, "week", "query", "query_unknown"},
		{"tampered cursor", req{method: "GET", path: "/bookings?cursor=" + tamper(cursor)}, 400, "cursor", "query", "cursor"},
		{"cursor of another filter", req{method: "GET", path: "/bookings?state=held&cursor=" + url.QueryEscape(cursor)}, 400, "cursor", "query", "cursor_scope"},
		{"limit not a number", req{method: "GET", path: "/bookings?limit=ten"}, 400, "limit", "query", "integer"},
		{"limit over the cap", req{method: "GET", path: "/bookings?limit=1001"}, 400, "limit", "query", "page_limit"},
		{"query repeated", req{method: "GET", path: "/bookings?order=A&order=B"}, 400, "order", "query", "query_twice"},
		{"query malformed", req{method: "GET", path: "/bookings?order=%zz"}, 400, "query", "query", "query_form"},
		{"unknown route", req{method: "GET", path: "/bookings/HELD/confirm"}, 405, "method", "method", "method"},
		{"wrong method", req{method: "PATCH", path: "/bookings/HELD"}, 405, "method", "method", "method"},
		{"no route", req{method: "POST", path: "/bookings/HELD/pay"}, 404, "path", "path", "no_route"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := do(f.h, tt.r)
			require.Equal(t, tt.status, w.Code, w.Body.String())
			p := problem(t, w)
			assert.Equal(t, tt.field, p.Field, p.Detail)
			assert.Equal(t, tt.in, p.In, p.Detail)
			assert.Equal(t, tt.code, p.Code, p.Detail)
			assert.Contains(t, p.Detail, tt.field)
			assert.LessOrEqual(t, len(p.Detail), 600, "the detail stays short whatever the input")
			assert.Equal(t, before, snapshot(t, f), "nothing recorded")
			// Still serving.
			require.Equal(t, http.StatusOK, do(f.h, req{method: "GET", path: "/bookings/HELD"}).Code)
		})
	}
	assert.Equal(t, http.StatusCreated, do(f.h, req{method: "POST", path: "/bookings", key: "NEW", body: good}).Code)
}

// snapshot is the ledger's state as JSON: every booking, its history
// and the calendar.
func snapshot(t *testing.T, f *fixture) string {
	t.Helper()
	ctx := context.Background()
	page, err := f.ledger.Bookings(ctx, capacity.BookingFilter{Limit: capacity.MaxPageLimit}, now)
	require.NoError(t, err)
	var out []any
	for _, b := range page.Bookings {
		h, err := f.ledger.History(ctx, b.Key)
		require.NoError(t, err)
		out = append(out, b, h)
	}
	cal, err := f.store.Calendar(ctx, capacity.SlotQuery{From: capacity.MustParseWeek("2026-W01"), To: capacity.MustParseWeek("2026-W53")})
	require.NoError(t, err)
	data, err := json.Marshal(append(out, cal))
	require.NoError(t, err)
	return string(data)
}

// cursorOf returns a real cursor: of the first page of one booking.
func cursorOf(t *testing.T, f *fixture) string {
	t.Helper()
	f.book(t, "PAGE-1", 1, "2026-W20", 1, "0s")
	f.book(t, "PAGE-2", 1, "2026-W20", 1, "0s")
	w := do(f.h, req{method: "GET", path: "/bookings?limit=1"})
	require.Equal(t, http.StatusOK, w.Code)
	var page struct{ Next string }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &page))
	require.NotEmpty(t, page.Next)
	return page.Next
}

// tamper returns the cursor with one character changed, query-escaped.
func tamper(cursor string) string {
	c := []byte(cursor)
	if c[0] == 'A' {
		c[0] = 'B'
	} else {
		c[0] = 'A'
	}
	return url.QueryEscape(string(c))
}

// TestListPages: pages follow (created, key), the next cursor leads on,
// and no booking is skipped or repeated.
func TestListPages(t *testing.T) {
	f := newFixture(t)
	for i := range 7 {
		f.book(t, fmt.Sprintf("ORD-%d", i), 1, "2026-W20", 1, "0s")
	}
	var keys []string
	path := "/bookings?limit=3"
	for range 10 {
		w := do(f.h, req{method: "GET", path: path})
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		var page struct {
			Bookings []struct{ Key string }
			Next     string
		}
		require.NoError(t, json.Unmarshal(w.Body.Bytes(), &page))
		for _, b := range page.Bookings {
			keys = append(keys, b.Key)
		}
		if page.Next == "" {
			break
		}
		path = "/bookings?limit=3&cursor=" + url.QueryEscape(page.Next)
	}
	assert.Equal(t, []string{"ORD-0", "ORD-1", "ORD-2", "ORD-3", "ORD-4", "ORD-5", "ORD-6"}, keys)
}

// TestRebookMovesLateLines: a confirmed booking whose week ended
// undelivered moves to free capacity of other workshops.
func TestRebookMovesLateLines(t *testing.T) {
	f := newFixture(t)
	w := do(f.h, req{method: "POST", path: "/bookings", key: "LATE",
		body: `{"orders":[{"id":"LATE","technique":"cap","min_grade":"sedang","quantity":10}],"from":"2026-W08","policy":"fewest_producers","hold_for":"0s"}`})
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	require.Len(t, decodeBooking(t, w).Lines, 1)
	w = do(f.h, req{method: "POST", path: "/bookings/LATE/rebook", body: `{"orders":[{"id":"LATE","technique":"cap","min_grade":"sedang","quantity":10}]}`})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	b := decodeBooking(t, w)
	total := 0
	for _, l := range b.Lines {
		assert.NotEqual(t, "2026-W08", l.Week)
		assert.NotEqual(t, "A-01", l.ProducerID, "not the late workshop")
		total += l.Quantity
	}
	assert.Equal(t, int64(2), b.Version)
	assert.Equal(t, 10, total)
}
