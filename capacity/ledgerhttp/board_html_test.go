package ledgerhttp

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// campaign books the fixture into every state a cell can show: a late
// week (delivered short), a closed week, held and confirmed pieces.
func campaign(t *testing.T) *fixture {
	f := newFixture(t)
	f.book(t, "LATE", 50, "2026-W08", 1, "0s")
	f.book(t, "CONF", 40, "2026-W10", 2, "0s")
	f.book(t, "HOLD", 30, "2026-W11", 1, "2h0m0s")
	require.Equal(t, http.StatusNoContent, do(f.h, req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-02","week":"2026-W12","capacity":0}`}).Code)
	b, err := f.ledger.Booking(context.Background(), "LATE", now)
	require.NoError(t, err)
	ln := b.Lines[0]
	w := do(f.h, req{method: "POST", path: "/bookings/LATE/deliveries", key: "d1",
		body: fmt.Sprintf(`{"deliveries":[{"order_id":"LATE","producer_id":%q,"technique":"cap","week":"2026-W08","quantity":%d}]}`, ln.ProducerID, ln.Quantity-3)})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	return f
}

var (
	cellRE  = regexp.MustCompile(`<td class="([^"]*)" data-cell="([^"]*)">(.*?)</td>`)
	rowRE   = regexp.MustCompile(`<tr data-producer="([^"]*)">`)
	weekRE  = regexp.MustCompile(`<th scope="col" class="wk[^"]*" title="[^"]*" data-week="([^"]*)">`)
	styleRE = regexp.MustCompile(`(?s)<style>(.*?)</style>`)
	widthRE = regexp.MustCompile(`class="[dch]" x="[0-9.]+%" width="([0-9.]+)%"`)
)

// TestBoardPage: the page shows every workshop and week, each cell's
// numbers equal to Ledger.Board, bars within their cells, text for every
// bar, and nothing the page would fetch or run.
func TestBoardPage(t *testing.T) {
	f := campaign(t)
	w := do(f.h, req{method: "GET", path: "/board.html?from=2026-W08&weeks=6"})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	page := w.Body.String()
	assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Equal(t, "en", w.Header().Get("Content-Language"))

	// Self-contained: the style the policy allows is the page's own, no
	// script, no external URL.
	style := styleRE.FindStringSubmatch(page)
	require.NotNil(t, style)
	sum := sha256.Sum256([]byte(style[1]))
	assert.Contains(t, w.Header().Get("Content-Security-Policy"), "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	assert.Contains(t, w.Header().Get("Content-Security-Policy"), "default-src 'none'")
	assert.NotContains(t, page, "<script")
	assert.NotRegexp(t, `(src|href)="(https?:)?//`, page)

	want, err := f.ledger.Board(context.Background(), now, capacity.BoardQuery{Producers: testProducers(), From: capacity.MustParseWeek("2026-W08"), Weeks: 6})
	require.NoError(t, err)
	var rows []string
	for _, m := range rowRE.FindAllStringSubmatch(page, -1) {
		rows = append(rows, m[1])
	}
	assert.Equal(t, []string{"A-01", "A-02", "B-01", "C-01"}, rows)
	var weeks []string
	for _, m := range weekRE.FindAllStringSubmatch(page, -1) {
		weeks = append(weeks, m[1])
	}
	assert.Equal(t, []string{"2026-W08", "2026-W09", "2026-W10", "2026-W11", "2026-W12", "2026-W13"}, weeks)

	cells := cellRE.FindAllStringSubmatch(page, -1)
	require.Len(t, cells, (len(want.Rows)+1)*(len(want.Weeks)+1), "a cell per workshop and week, with totals")
	var expect []capacity.BoardCell
	for _, r := range want.Rows {
		expect = append(append(expect, r.Cells...), r.Total)
	}
	expect = append(append(expect, want.Totals...), want.Total)
	late, closed, wantLate := 0, 0, 0
	for i, c := range cells {
		e := expect[i]
		assert.Equal(t, fmt.Sprintf("%d,%d,%d,%d,%d,%d", e.Capacity, e.Held, e.Confirmed, e.Delivered, e.Free, e.Late), c[2], "cell %d", i)
		assert.LessOrEqual(t, e.Held+e.Confirmed, e.Capacity, "cell %d over capacity", i)
		sum := 0.0
		for _, wm := range widthRE.FindAllStringSubmatch(c[3], -1) {
			x, err := strconv.ParseFloat(wm[1], 64)
			require.NoError(t, err)
			sum += x
		}
		assert.LessOrEqual(t, sum, 100.0, "cell %d: the bar stays in its cell", i)
		assert.Contains(t, c[3], `<svg class="bar" role="img"><title>`, "cell %d has a text alternative", i)
		if e.Late > 0 {
			wantLate++
		}
		if strings.Contains(c[1], "late") {
			late++
			assert.Contains(t, c[3], "⚠ "+strconv.Itoa(e.Late))
		}
		if strings.Contains(c[1], "closed") {
			closed++
			assert.Contains(t, c[3], `<span class="n">closed</span>`)
		}
	}
	assert.Equal(t, wantLate, late)
	assert.Positive(t, late)
	assert.Equal(t, 1, closed)
	for _, s := range []string{`<html lang="en">`, "Legend", "delivered", "confirmed, to deliver", "held", "free", "late", `<caption>`, `<th scope="row"`} {
		assert.Contains(t, page, s)
	}
	assert.Contains(t, page, `<title>Total, 2026-W08: capacity 69; delivered 22, confirmed to deliver 28, held 0, free 19; 28 late`)
	assert.Contains(t, page, `<title>Total, 2026-W08 – 2026-W13: capacity 394;`)
	assert.NotContains(t, page, `x="%"`)
}

// TestBoardPageLanguage: Accept-Language picks the language; lang in the
// query wins over it; the page links to the other language.
func TestBoardPageLanguage(t *testing.T) {
	f := campaign(t)
	w := do(f.h, req{method: "GET", path: "/board.html?from=2026-W08&weeks=6", header: []string{"Accept-Language", "id-ID,id;q=0.9"}})
	page := w.Body.String()
	assert.Equal(t, "id", w.Header().Get("Content-Language"))
	assert.Contains(t, page, `<html lang="id">`)
	assert.Contains(t, page, "Papan kampanye")
	assert.Contains(t, page, "Keterangan")
	assert.Contains(t, page, `<span class="n">tutup</span>`)
	assert.Contains(t, page, `href="board.html?from=2026-W08&amp;lang=en&amp;weeks=6"`)
	assert.Empty(t, msg.EnglishIn(visibleText(page)), "no English on the Indonesian page")

	w = do(f.h, req{method: "GET", path: "/board.html?lang=en", header: []string{"Accept-Language", "id"}})
	assert.Contains(t, w.Body.String(), "Campaign board")
	w = do(f.h, req{method: "GET", path: "/board.html?lang=fr", header: []string{"Accept-Language", "id"}})
	assert.Equal(t, http.StatusBadRequest, w.Code)
	assert.Contains(t, w.Body.String(), "Papan kampanye", "a lang it cannot serve leaves Accept-Language")
	assert.Contains(t, w.Body.String(), `data-field="lang"`)
}

// visibleText is the text of a page outside tags, without the form's
// values and the technique names.
func visibleText(page string) string {
	page = regexp.MustCompile(`(?s)<style>.*?</style>|<[^>]*>`).ReplaceAllString(page, " ")
	for _, s := range []string{"tulis", "cap", "kombinasi", "printing", "JSON", "English"} {
		page = strings.ReplaceAll(page, s, " ")
	}
	return page
}

// TestBoardPageProblem: a bad query answers 400 with the page, the
// problem in it naming the field, and the form to mend it.
func TestBoardPageProblem(t *testing.T) {
	f := campaign(t)
	for _, tt := range []struct {
		path, field, detail string
	}{
		{"/board.html?weeks=0", "weeks", "weeks = 0: harus dalam [1, 104]"},
		{"/board.html?from=2026-W99", "from", `from = &#34;2026-W99&#34;: tahun ISO 2026 punya minggu 1 sampai 53`},
		{"/board.html?nope=1", "nope", "parameter kueri tidak dikenal"},
		{"/board.html?technique=sutra", "technique", "teknik tidak dikenal"},
	} {
		w := do(f.h, req{method: "GET", path: tt.path, header: []string{"Accept-Language", "id"}})
		assert.Equal(t, http.StatusBadRequest, w.Code, tt.path)
		page := w.Body.String()
		assert.Contains(t, page, `role="alert" data-status="400" data-field="`+tt.field+`"`, tt.path)
		assert.Contains(t, page, tt.detail, tt.path)
		assert.Contains(t, page, `<form method="get" action="board.html"`)
		assert.NotContains(t, page, "<table")
	}
}

// TestBoardPageLinks: pages link to each other with the query kept.
func TestBoardPageLinks(t *testing.T) {
	f := campaign(t)
	w := do(f.h, req{method: "GET", path: "/board.html?per_page=2&page=2&weeks=3&lang=en"})
	page := w.Body.String()
	assert.Contains(t, page, `<a href="board.html?lang=en&amp;page=1&amp;per_page=2&amp;weeks=3" rel="prev">`)
	assert.NotContains(t, page, `rel="next"`)
	assert.Contains(t, page, "Page 2 of 2")
	assert.Contains(t, page, "Total of this page")
	assert.Contains(t, page, `<a href="board?page=2&amp;per_page=2&amp;weeks=3" type="application/json">`)
}
