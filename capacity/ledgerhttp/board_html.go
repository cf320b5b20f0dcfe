package ledgerhttp

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// The board page: server-rendered HTML with inline SVG, no script and no
// external asset. Workshops are rows and ISO weeks columns; each cell is
// a bar of the week's capacity with delivered, confirmed (to deliver) and
// held pieces, each in its own pattern, and its numbers as text.

var (
	//go:embed board.tmpl
	boardSource string
	//go:embed board.css
	boardStyle string

	boardTemplate = template.Must(template.New("board").Parse(boardSource))
	// boardPolicy allows the page's own style element and nothing else:
	// no script, no external asset (CSP level 3, hash-source).
	boardPolicy = "default-src 'none'; style-src 'sha256-" + styleHash() + "'; form-action 'self'; base-uri 'none'"
)

// styleHash is the base64 SHA-256 of the page's style element.
func styleHash() string {
	sum := sha256.Sum256([]byte(boardStyle))
	return base64.StdEncoding.EncodeToString(sum[:])
}

// pageView is what the template shows.
type pageView struct {
	Lang, OtherLang string
	W               words
	Style           template.CSS
	Range           string
	TechniqueName   string
	Count           string
	AsOf            string
	Summary         string
	Caption         string
	TotalLabel      string
	Weeks           []weekView
	Rows            []rowView
	Totals          []cellView
	Total           cellView
	Form            formView
	Paged           bool
	PageText        string
	Prev, Next      string
	LangLink        string
	JSONLink        string
	Error           *Problem
}

// words are the page's fixed texts in its language.
type words struct {
	Board, Technique, Weeks, From, Show, Producer, Total, Delivered, Confirmed, Held, Free, Closed,
	Late, Legend, Previous, Next, BarNote, NoProducers, Language, JSON string
}

func wordsOf(l msg.Lang) words {
	return words{Board: text(l, wBoard), Technique: text(l, wTechnique), Weeks: text(l, wWeeks), From: text(l, wFrom),
		Show: text(l, wShow), Producer: text(l, wProducer), Total: text(l, wTotal), Delivered: text(l, wDelivered),
		Confirmed: text(l, wConfirmed), Held: text(l, wHeld), Free: text(l, wFree), Closed: text(l, wClosed),
		Late: text(l, wLate), Legend: text(l, wLegend), Previous: text(l, wPrevious), Next: text(l, wNext),
		BarNote: text(l, wBarNote), NoProducers: text(l, wNoProducers), Language: text(l, wLanguage), JSON: text(l, wJSON)}
}

type weekView struct {
	Label, Date, Full string
	Now               bool
}

type rowView struct {
	ID, Name string
	Cells    []cellView
	Total    cellView
}

type formView struct {
	From, Weeks, Lang, PerPage string
	Techniques                 []option
}

type option struct {
	Value, Label string
	Selected     bool
}

// pageParams are the query parameters of GET /board.html.
var pageParams = []string{"from", "weeks", "technique", "page", "per_page", "lang"}

// boardHTML serves GET /board.html: the board's query and lang (en or id,
// over Accept-Language). A bad query is answered 400 with the page and
// the problem in it.
func boardHTML(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	q, err := query(r, pageParams...)
	if s, ok := q["lang"]; ok && err == nil {
		l, lerr := batik.ParseLang(s)
		if lerr != nil {
			err = &requestError{Field: "lang", Value: msg.Quote(s), Code: rLang, In: inQuery, Status: http.StatusBadRequest}
		}
		x.lang = cmp.Or(l, x.lang)
	}
	v := pageView{Lang: x.lang.String(), W: wordsOf(x.lang), Style: template.CSS(boardStyle)}
	v.OtherLang = otherLang(x.lang).String()
	var a boardAsk
	if err == nil {
		a, err = readBoardAsk(q, x)
	}
	v.Form = formOf(q, a, x.lang)
	var p boardPage
	var prods []batik.Producer
	if err == nil {
		p, prods, err = h.board(a, x)
	}
	v.LangLink = link("board.html", q, "", "lang", v.OtherLang)
	v.JSONLink = link("board", q, "lang")
	status := http.StatusOK
	if err != nil {
		pr := h.problem(r, boardFields, x.lang, err)
		v.Error, status = &pr, pr.Status
	} else {
		fillBoard(&v, p, prods, q, x)
	}
	var buf bytes.Buffer
	if err := boardTemplate.Execute(&buf, &v); err != nil {
		return err
	}
	hd := w.Header()
	hd.Set("Content-Security-Policy", boardPolicy)
	hd.Set("Content-Language", v.Lang)
	hd.Set("Cache-Control", "no-cache")
	hd.Add("Vary", "Accept-Language")
	writeBytes(w, "text/html; charset=utf-8", status, buf.Bytes())
	return nil
}

func otherLang(l msg.Lang) msg.Lang {
	if l == msg.Indonesian {
		return msg.English
	}
	return msg.Indonesian
}

// formOf is the form as the query filled it (the defaults where not).
func formOf(q map[string]string, a boardAsk, l msg.Lang) formView {
	f := formView{From: q["from"], Weeks: q["weeks"], Lang: q["lang"], PerPage: q["per_page"]}
	if f.From == "" && !a.from.IsZero() {
		f.From = a.from.String()
	}
	if f.Weeks == "" {
		f.Weeks = strconv.Itoa(DefaultWeeks)
	}
	f.Techniques = []option{{Value: "", Label: text(l, wAllTechniques), Selected: a.technique == ""}}
	for _, t := range batik.Techniques() {
		f.Techniques = append(f.Techniques, option{Value: string(t), Label: string(t), Selected: a.technique == t})
	}
	return f
}

// link is path with the page's query q, less the parameter drop, with
// the name, value pairs of set.
func link(path string, q map[string]string, drop string, set ...string) string {
	v := url.Values{}
	for k, s := range q {
		if k != drop {
			v.Set(k, s)
		}
	}
	for i := 0; i+1 < len(set); i += 2 {
		v.Set(set[i], set[i+1])
	}
	return path + "?" + v.Encode()
}

// fillBoard puts the board's page into the view.
func fillBoard(v *pageView, p boardPage, prods []batik.Producer, q map[string]string, x *exchange) {
	l, b := x.lang, p.Board
	months := strings.Fields(text(l, wMonths))
	current := capacity.WeekOf(batik.DateOf(x.now))
	for _, w := range b.Weeks {
		m := w.Monday()
		v.Weeks = append(v.Weeks, weekView{Label: "W" + twoDigits(w.Number()), Date: strconv.Itoa(m.Day()) + " " + months[m.Month()-1],
			Full: w.String(), Now: w == current})
	}
	if n := len(b.Weeks); n > 0 {
		v.Range = b.Weeks[0].String() + " – " + b.Weeks[n-1].String()
		v.Caption = text(l, wCaption, b.Weeks[0].String(), b.Weeks[n-1].String())
	}
	v.TechniqueName = text(l, wAllTechniques)
	if b.Technique != "" {
		v.TechniqueName = string(b.Technique)
	}
	v.Count = text(l, wProducers, group(l, p.Producers))
	v.AsOf = text(l, wAsOf, x.now.Format("2006-01-02 15:04 MST"))
	names := make(map[string]string, len(prods))
	for _, pr := range prods {
		names[pr.ID] = pr.Name
	}
	for _, row := range b.Rows {
		rv := rowView{ID: row.ProducerID, Name: names[row.ProducerID], Cells: make([]cellView, len(row.Cells))}
		closed := positions(row.Closed)
		for k, c := range row.Cells {
			rv.Cells[k] = cellOf(l, c, closed[k], row.ProducerID, b.Weeks[k].String(), v.Weeks[k].Now, false)
		}
		rv.Total = cellOf(l, row.Total, false, row.ProducerID, text(l, wTotal), false, true)
		v.Rows = append(v.Rows, rv)
	}
	v.TotalLabel = text(l, wTotal)
	v.Paged = p.Pages > 1
	if v.Paged {
		v.TotalLabel = text(l, wTotalPage)
		v.PageText = text(l, wPage, strconv.Itoa(p.Page), strconv.Itoa(p.Pages))
		if p.Page > 1 {
			v.Prev = link("board.html", q, "", "page", strconv.Itoa(p.Page-1))
		}
		if p.Page < p.Pages {
			v.Next = link("board.html", q, "", "page", strconv.Itoa(p.Page+1))
		}
	}
	for k, c := range b.Totals {
		v.Totals = append(v.Totals, cellOf(l, c, false, v.TotalLabel, b.Weeks[k].String(), v.Weeks[k].Now, false))
	}
	v.Total = cellOf(l, b.Total, false, v.TotalLabel, v.Range, false, true)
	t := b.Total
	v.Summary = text(l, wSummary, group(l, t.Held+t.Confirmed), group(l, t.Capacity), group(l, t.Delivered),
		group(l, t.Confirmed-t.Delivered), group(l, t.Held), group(l, t.Free))
}

// positions turns a row's list of week positions into a set.
func positions(ks []int) map[int]bool {
	m := make(map[int]bool, len(ks))
	for _, k := range ks {
		m[k] = true
	}
	return m
}
