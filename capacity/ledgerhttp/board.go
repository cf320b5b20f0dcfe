package ledgerhttp

import (
	"cmp"
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
)

// The board's defaults and caps (see the package doc, # Limits).
const (
	// DefaultWeeks is how many weeks a board shows when weeks is not
	// given; capacity.MaxWeeks is the most.
	DefaultWeeks = 8
	// DefaultPerPage is how many workshops a board page shows when
	// per_page is not given.
	DefaultPerPage = 50
	// MaxPerPage is the most workshops one board page shows.
	MaxPerPage = 5000
	// MaxCells is the most cells (workshops x weeks) one board page
	// holds. Answering GET /board on the memory store allocates about
	// 300 bytes a cell (BenchmarkBoardJSON: 23 MB for 78,000 cells), so a
	// page of MaxCells takes about 30 MB while it is answered, and 2 MB
	// of JSON.
	MaxCells = 100_000
)

// boardPage is the answer of GET /board: one page of the board (rows
// Page of Pages, PerPage workshops a page, of Producers in all).
type boardPage struct {
	Page      int            `json:"page"`
	Pages     int            `json:"pages"`
	PerPage   int            `json:"per_page"`
	Producers int            `json:"producers"`
	Board     capacity.Board `json:"board"`
}

// boardAsk is a board request's query.
type boardAsk struct {
	from          capacity.Week
	weeks         int
	technique     batik.Technique
	page, perPage int
}

// boardParams are the query parameters of GET /board.
var boardParams = []string{"from", "weeks", "technique", "page", "per_page"}

// readBoardAsk reads the board's query from q, with the defaults.
func readBoardAsk(q map[string]string, x *exchange) (boardAsk, error) {
	a := boardAsk{from: capacity.WeekOf(batik.DateOf(x.now))}
	if s, ok := q["from"]; ok {
		w, err := capacity.ParseWeek(s)
		if err != nil {
			var ie *capacity.InputError
			if errors.As(err, &ie) {
				c := *ie
				c.Field = "from"
				return a, &c
			}
			return a, err
		}
		a.from = w
	}
	if err := a.technique.UnmarshalText([]byte(q["technique"])); err != nil {
		a.technique = batik.Technique(q["technique"]) // unknown: Board refuses it, naming the field
	}
	var err error
	if a.weeks, err = integer(q, "weeks", DefaultWeeks); err != nil {
		return a, err
	}
	if a.page, err = integer(q, "page", 1); err != nil {
		return a, err
	}
	if a.perPage, err = integer(q, "per_page", DefaultPerPage); err != nil {
		return a, err
	}
	if a.perPage < 1 || a.perPage > MaxPerPage {
		return a, rangeError("per_page", a.perPage, 1, MaxPerPage)
	}
	// A span over capacity.MaxWeeks is Board's to refuse, naming weeks.
	if a.weeks <= capacity.MaxWeeks && a.weeks > MaxCells/a.perPage {
		return a, &requestError{Field: "per_page", Value: strconv.Itoa(a.perPage), Code: rCells,
			Args: []string{strconv.Itoa(a.weeks), strconv.FormatInt(int64(a.perPage)*int64(a.weeks), 10), strconv.Itoa(MaxCells)}, In: inQuery, Status: http.StatusBadRequest}
	}
	return a, nil
}

// rangeError refuses query parameter name = v outside [lo, hi].
func rangeError(name string, v, lo, hi int) error {
	return &requestError{Field: name, Value: strconv.Itoa(v), Code: rRange, Args: []string{strconv.Itoa(lo), strconv.Itoa(hi)}, In: inQuery, Status: http.StatusBadRequest}
}

// board reads the page of the board a asks for, and the page's producers
// (in ID order). O(producers log producers + Ledger.Board of the page).
func (h *handler) board(a boardAsk, x *exchange) (boardPage, []batik.Producer, error) {
	all, err := h.producers(x.ctx)
	if err != nil {
		return boardPage{}, nil, err
	}
	all = slices.Clone(all)
	slices.SortFunc(all, func(p, q batik.Producer) int { return cmp.Compare(p.ID, q.ID) })
	pages := max((len(all)+a.perPage-1)/a.perPage, 1)
	if a.page < 1 || a.page > pages {
		return boardPage{}, nil, rangeError("page", a.page, 1, pages)
	}
	lo := (a.page - 1) * a.perPage
	prods := all[lo:min(lo+a.perPage, len(all))]
	b, err := h.ledger.Board(x.ctx, x.now, capacity.BoardQuery{Producers: prods, From: a.from, Weeks: a.weeks, Technique: a.technique})
	if err != nil {
		return boardPage{}, nil, err
	}
	return boardPage{Page: a.page, Pages: pages, PerPage: a.perPage, Producers: len(all), Board: b}, prods, nil
}

// boardJSON serves GET /board?from=&weeks=&technique=&page=&per_page=.
func boardJSON(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	q, err := query(r, boardParams...)
	if err != nil {
		return err
	}
	a, err := readBoardAsk(q, x)
	if err != nil {
		return err
	}
	p, _, err := h.board(a, x)
	if err != nil {
		return err
	}
	writeJSON(w, "application/json", http.StatusOK, p)
	return nil
}
