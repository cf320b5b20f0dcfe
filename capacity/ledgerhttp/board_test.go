package ledgerhttp

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boardPageJSON decodes GET /board.
func boardPageJSON(t *testing.T, w *responseRecorder) boardPage {
	t.Helper()
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var p boardPage
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &p))
	return p
}

// TestBoardJSON: the board is Ledger.Board of the page's producers; the
// defaults are the current week and DefaultWeeks.
func TestBoardJSON(t *testing.T) {
	f := newFixture(t)
	f.book(t, "ORD-1", 40, "2026-W10", 2, "0s")
	f.book(t, "ORD-2", 25, "2026-W11", 1, "2h0m0s")
	require.Equal(t, http.StatusNoContent, do(f.h, req{method: "PUT", path: "/calendar", body: `{"producer_id":"A-02","week":"2026-W13","capacity":0}`}).Code)

	p := boardPageJSON(t, do(f.h, req{method: "GET", path: "/board"}))
	want, err := f.ledger.Board(context.Background(), now, capacity.BoardQuery{Producers: testProducers(), From: capacity.MustParseWeek("2026-W10"), Weeks: DefaultWeeks})
	require.NoError(t, err)
	assert.Equal(t, want, p.Board)
	assert.Equal(t, boardPage{Page: 1, Pages: 1, PerPage: DefaultPerPage, Producers: 4, Board: want}, p)
	assert.Equal(t, []int{3}, p.Board.Rows[1].Closed, "A-02 is closed in 2026-W13")

	p = boardPageJSON(t, do(f.h, req{method: "GET", path: "/board?from=2026w11&weeks=3&technique=Batik+Tulis"}))
	want, err = f.ledger.Board(context.Background(), now, capacity.BoardQuery{Producers: testProducers(), From: capacity.MustParseWeek("2026-W11"), Weeks: 3, Technique: batik.Tulis})
	require.NoError(t, err)
	assert.Equal(t, want, p.Board)
}

// TestBoardPages: workshops in ID order, per_page a page, every workshop
// on exactly one page.
func TestBoardPages(t *testing.T) {
	f := newFixture(t)
	many := make([]batik.Producer, 0, 23)
	for i := 22; i >= 0; i-- { // given out of order
		many = append(many, batik.Producer{ID: fmt.Sprintf("W-%02d", i), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 10 + i, UnitCost: decimal.NewFromInt(1000)}}})
	}
	opts := f.options()
	opts.Producers = func(context.Context) ([]batik.Producer, error) { return many, nil }
	h := New(f.ledger, opts)
	var ids []string
	for page := 1; page <= 3; page++ {
		p := boardPageJSON(t, do(h, req{method: "GET", path: fmt.Sprintf("/board?per_page=10&page=%d&weeks=2", page)}))
		assert.Equal(t, 3, p.Pages)
		assert.Equal(t, 23, p.Producers)
		for _, r := range p.Board.Rows {
			ids = append(ids, r.ProducerID)
		}
	}
	require.Len(t, ids, 23)
	for i, id := range ids {
		assert.Equal(t, fmt.Sprintf("W-%02d", i), id)
	}
	w := do(h, req{method: "GET", path: "/board?per_page=10&page=4"})
	p := problem(t, w)
	assert.Equal(t, "page", p.Field)
	assert.Equal(t, "page = 4: must be in [1, 3]", p.Detail)
	assert.Equal(t, http.StatusBadRequest, problem(t, do(h, req{method: "GET", path: "/board?per_page=0"})).Status)
	assert.Equal(t, http.StatusBadRequest, problem(t, do(h, req{method: "GET", path: "/board?per_page=5001"})).Status)
}
