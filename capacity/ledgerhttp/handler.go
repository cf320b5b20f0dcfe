package ledgerhttp

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// Options configure the handler. The zero Options are valid but for
// Producers, which the routes that plan (POST /bookings, rebook) and the
// board need.
type Options struct {
	// Clock gives the now of each request; nil means time.Now.
	Clock func() time.Time
	// Producers returns the producer records (their capabilities,
	// capacities and costs) that Book, Rebook and the board use, called
	// once per request that needs them with the request's context. A
	// request's body never carries producers: capacity facts are the
	// server's. nil, an error or records the ledger refuses answer 500
	// (and are logged).
	Producers func(ctx context.Context) ([]batik.Producer, error)
	// BodyLimit is the largest request body, in bytes; 0 means
	// DefaultBodyLimit. A larger body is answered 413.
	BodyLimit int64
	// Lang is the language of titles, details and the board page when
	// the request's Accept-Language names neither English nor
	// Indonesian (batik.English or batik.Indonesian); the zero Lang means
	// English.
	Lang batik.Lang
	// Logger receives the errors answered 500 or 503; nil means
	// slog.Default().
	Logger *slog.Logger
	// Actor names who makes each change (a user or service name, at most
	// 256 bytes of text), as the mounting service's authentication knows
	// it; the ledger records it in the booking's history
	// (capacity.WithActor). nil or "" records no actor.
	Actor func(*http.Request) string
}

// DefaultBodyLimit is the body limit when Options.BodyLimit is 0: 1 MiB.
const DefaultBodyLimit = 1 << 20

// handler serves the ledger's routes.
type handler struct {
	ledger *capacity.Ledger
	opts   Options
	mux    *http.ServeMux
}

// New returns an http.Handler that serves l's operations and the campaign
// board on the routes listed in the package documentation, from the root
// of its paths (mount it with http.StripPrefix under a prefix). Errors
// are answered as application/problem+json. A nil l answers every route
// with a 500 problem. The handler is safe for concurrent use; building it
// is O(routes).
func New(l *capacity.Ledger, opts Options) http.Handler {
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.BodyLimit <= 0 {
		opts.BodyLimit = DefaultBodyLimit
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Lang != batik.Indonesian {
		opts.Lang = batik.English
	}
	h := &handler{ledger: l, opts: opts, mux: http.NewServeMux()}
	for i := range routes {
		rt := &routes[i]
		h.mux.Handle(rt.method+" "+rt.path, h.serve(rt))
	}
	return h
}

// exchange is what a route's function gets beside the request: its
// context (with the actor), the request's now and language.
type exchange struct {
	ctx  context.Context
	now  time.Time
	lang msg.Lang
}

// serve runs rt's function and answers its error as a problem.
func (h *handler) serve(rt *route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		x := &exchange{ctx: r.Context(), now: h.opts.Clock(), lang: h.lang(r)}
		if h.opts.Actor != nil {
			if a := h.opts.Actor(r); a != "" {
				x.ctx = capacity.WithActor(x.ctx, a)
			}
		}
		var err error
		if h.ledger == nil {
			err = errNoLedger
		} else {
			err = rt.fn(h, w, r, x)
		}
		if err != nil {
			h.fail(w, r, rt.fields, x.lang, err)
		}
	})
}

var errNoLedger = errors.New("ledgerhttp: New was given a nil *capacity.Ledger")

// ServeHTTP routes r; an unknown route is answered 404 and a known path
// with another method 405 with Allow, both as problems.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	next, pattern := h.mux.Handler(r)
	if pattern != "" {
		h.mux.ServeHTTP(w, r)
		return
	}
	// The mux answers 404, or 405 with Allow: keep its verdict, not its
	// text/plain body.
	c := capture{header: http.Header{}}
	next.ServeHTTP(&c, r)
	err := &requestError{Field: "path", Value: msg.Quote(r.URL.Path), Code: rNoRoute, In: inPath, Status: http.StatusNotFound}
	if c.status == http.StatusMethodNotAllowed {
		allow := c.header.Get("Allow")
		w.Header().Set("Allow", allow)
		err = &requestError{Field: "method", Value: msg.Quote(r.Method), Code: rMethod, Args: []string{allow}, In: inMethod, Status: http.StatusMethodNotAllowed}
	}
	h.fail(w, r, nil, h.lang(r), err)
}

// capture is a ResponseWriter that keeps the status and headers only.
type capture struct {
	header http.Header
	status int
}

func (c *capture) Header() http.Header         { return c.header }
func (c *capture) Write(b []byte) (int, error) { return len(b), nil }
func (c *capture) WriteHeader(status int)      { c.status = status }

// lang is the language of the request: its Accept-Language when that
// names English or Indonesian (batik.ParseLang), else Options.Lang.
func (h *handler) lang(r *http.Request) msg.Lang {
	if v := r.Header.Get("Accept-Language"); v != "" {
		if l, err := batik.ParseLang(v); err == nil {
			return l
		}
	}
	return h.opts.Lang
}

// fail answers err as a problem.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, maps []fieldMap, l msg.Lang, err error) {
	p := h.problem(r, maps, l, err)
	w.Header().Add("Vary", "Accept-Language")
	writeProblem(w, p, l)
}

// problem states err as a Problem in l, logging what the server is at
// fault for (500) and what made it unavailable (503).
func (h *handler) problem(r *http.Request, maps []fieldMap, l msg.Lang, err error) Problem {
	var se *sourceError
	var p Problem
	internal := false
	if errors.As(err, &se) {
		p, internal = internalProblem(l, rProducerSource), true
	} else {
		p, internal = problemOf(err, maps, l)
	}
	switch {
	case internal:
		h.opts.Logger.ErrorContext(r.Context(), "ledgerhttp: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	case p.Status == http.StatusServiceUnavailable:
		h.opts.Logger.WarnContext(r.Context(), "ledgerhttp: unavailable", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	return p
}

// sourceError is a failure of Options.Producers.
type sourceError struct{ err error }

func (e *sourceError) Error() string { return "ledgerhttp: producer source: " + e.err.Error() }
func (e *sourceError) Unwrap() error { return e.err }

var errNoSource = errors.New("Options.Producers is nil")

// producers returns the producer records of Options.Producers.
func (h *handler) producers(ctx context.Context) ([]batik.Producer, error) {
	if h.opts.Producers == nil {
		return nil, &sourceError{errNoSource}
	}
	ps, err := h.opts.Producers(ctx)
	if err != nil {
		return nil, &sourceError{err}
	}
	return ps, nil
}

// writeJSON writes v as JSON of the content type with the status; a
// value that does not encode is answered 500. A value that encodes itself
// (a capacity.Booking) is asked directly: json.Marshal would scan its
// answer once more to check and compact it.
func writeJSON(w http.ResponseWriter, contentType string, status int, v any) {
	var data []byte
	var err error
	if m, ok := v.(json.Marshaler); ok {
		data, err = m.MarshalJSON()
	} else {
		data, err = json.Marshal(v)
	}
	if err != nil {
		status = http.StatusInternalServerError
		data = []byte(`{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"the answer could not be encoded"}`)
		contentType = "application/problem+json"
	}
	writeBytes(w, contentType, status, data)
}

// writeBytes writes data with its type and length.
func writeBytes(w http.ResponseWriter, contentType string, status int, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(data)))
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// healthz answers 200 when the store answers a read.
func healthz(h *handler, w http.ResponseWriter, _ *http.Request, x *exchange) error {
	_, err := h.ledger.Booking(x.ctx, healthKey, x.now)
	if err != nil && !errors.Is(err, capacity.ErrNotFound) {
		h.opts.Logger.WarnContext(x.ctx, "ledgerhttp: the store does not answer", "err", err)
		return &requestError{Field: "store", Code: rStoreDown, Status: http.StatusServiceUnavailable}
	}
	writeBytes(w, "application/json", http.StatusOK, []byte(`{"status":"ok"}`))
	return nil
}

// healthKey is the key /healthz reads: found or not, the store answered.
const healthKey = "healthz"
