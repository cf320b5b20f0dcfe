package ledgerhttp

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// The problem types of the ledger's sentinel errors (RFC 9457, section
// 3.1.1): each is a URI that leads to its documentation here. Problems
// that say no more than their HTTP status (an unknown route, a method not
// allowed, a body too large or not JSON, an internal error, the store not
// answering) have the type "about:blank" (RFC 9457, section 4.2.1).
const (
	// ProblemInvalid (400): bad input, capacity.ErrInvalid: a body, a
	// header, a query parameter or a path segment the ledger or the
	// handler refuses. The problem names it (field, in).
	ProblemInvalid = typeBase + "ProblemInvalid"
	// ProblemOverflow (400): numbers too large to count exactly,
	// capacity.ErrOverflow.
	ProblemOverflow = typeBase + "ProblemOverflow"
	// ProblemNotFound (404): no booking has the key, capacity.ErrNotFound.
	ProblemNotFound = typeBase + "ProblemNotFound"
	// ProblemConflict (409): capacity.ErrConflict: the booking's state
	// does not allow the operation (confirming a cancelled booking), or
	// the Idempotency-Key was used for a different request (the problem
	// names the first field that differs).
	ProblemConflict = typeBase + "ProblemConflict"
	// ProblemNoRoom (409): a calendar capacity below what is held and
	// confirmed in the week, capacity.ErrNoRoom: cancel or rebook first.
	ProblemNoRoom = typeBase + "ProblemNoRoom"
	// ProblemNoCapacity (422): the request would book nothing, or less than
	// its min_fill or all_or_nothing asks, capacity.ErrNoCapacity; nothing
	// is recorded and the problem names the order that falls short and why.
	ProblemNoCapacity = typeBase + "ProblemNoCapacity"
	// ProblemContention (503, with Retry-After): other changes kept taking
	// the capacity or changing the booking, capacity.ErrContention;
	// nothing is recorded and the same request may be sent again.
	ProblemContention = typeBase + "ProblemContention"

	typeBase = "https://pkg.go.dev/github.com/batikkit/batikkit/capacity/ledgerhttp#"
)

// Problem is the body of every error answer, application/problem+json
// (RFC 9457): the standard members type, title, status and detail, and
// the error's own shape as extension members: the reason's code in the
// message catalogue and its arguments, and the input it is about (field,
// a path in the request's own JSON names or the name of a header, query
// parameter or path segment; in, which of those it is; value,
// abbreviated to 64 bytes with its length). title and detail are in the
// language of the request's Accept-Language.
type Problem struct {
	Type   string   `json:"type"`
	Title  string   `json:"title"`
	Status int      `json:"status"`
	Detail string   `json:"detail"`
	Code   string   `json:"code,omitempty"`
	Args   []string `json:"args,omitempty"`
	Field  string   `json:"field,omitempty"`
	In     string   `json:"in,omitempty"` // body, header, query, path, method
	Value  string   `json:"value,omitempty"`
}

// Where a field is, in Problem.In.
const (
	inBody   = "body"
	inHeader = "header"
	inQuery  = "query"
	inPath   = "path"
	inMethod = "method"
	// inServer marks a field of the server's own data (the producer
	// records): its problem is the server's, answered as internal.
	inServer = "server"
)

// requestError is an error the handler finds in a request before the
// ledger sees it: a header, a query parameter, the body's size or media
// type, the route or the method. It has the module's error shape.
type requestError struct {
	Field  string // "Idempotency-Key", "limit", "body"
	Value  string // abbreviated
	Code   code   // the reason
	Args   []string
	In     string // inHeader, inQuery, ...
	Status int    // the answer's status
}

func (e *requestError) Error() string { return "ledgerhttp: " + e.Message(msg.English) }

// Message returns "field = value: reason" in l.
func (e *requestError) Message(l msg.Lang) string {
	return msg.Line(l, e.Field, e.Value, text(l, e.Code, e.Args...), nil)
}

// kind is how the handler answers one class of error.
type kind struct {
	status int
	typ    string
	title  code
}

var (
	kindInvalid     = kind{http.StatusBadRequest, ProblemInvalid, tInvalid}
	kindOverflow    = kind{http.StatusBadRequest, ProblemOverflow, tOverflow}
	kindNotFound    = kind{http.StatusNotFound, ProblemNotFound, tNotFound}
	kindConflict    = kind{http.StatusConflict, ProblemConflict, tConflict}
	kindNoRoom      = kind{http.StatusConflict, ProblemNoRoom, tNoRoom}
	kindNoCapacity  = kind{http.StatusUnprocessableEntity, ProblemNoCapacity, tNoCapacity}
	kindContention  = kind{http.StatusServiceUnavailable, ProblemContention, tContention}
	kindUnavailable = kind{http.StatusServiceUnavailable, "about:blank", tUnavailable}
	kindInternal    = kind{http.StatusInternalServerError, "about:blank", tInternal}
)

// kindOfStatus is the kind of a requestError's status.
func kindOfStatus(status int) kind {
	switch status {
	case http.StatusNotFound:
		return kind{status, "about:blank", tRouteNotFound}
	case http.StatusMethodNotAllowed:
		return kind{status, "about:blank", tMethod}
	case http.StatusRequestEntityTooLarge:
		return kind{status, "about:blank", tTooLarge}
	case http.StatusUnsupportedMediaType:
		return kind{status, "about:blank", tNotJSON}
	case http.StatusServiceUnavailable:
		return kindUnavailable
	}
	return kindInvalid
}

// kinds are the answers to the ledger's sentinels, the first that an
// error wraps applying: a context's end before all, and a request that
// books too little before the input that made it so.
var kinds = []struct {
	sentinels []error
	kind      kind
}{
	{[]error{context.Canceled, context.DeadlineExceeded}, kindUnavailable},
	{[]error{capacity.ErrNoCapacity}, kindNoCapacity},
	{[]error{capacity.ErrContention, capacity.ErrStale}, kindContention},
	{[]error{capacity.ErrNotFound}, kindNotFound},
	{[]error{capacity.ErrNoRoom}, kindNoRoom},
	{[]error{capacity.ErrConflict, capacity.ErrExists}, kindConflict},
	{[]error{capacity.ErrOverflow}, kindOverflow},
	{[]error{capacity.ErrInvalid}, kindInvalid},
}

// kindOf classifies a ledger error by the sentinel it wraps; ok is false
// for an error the handler does not know (a store's failure).
func kindOf(err error) (k kind, ok bool) {
	for _, c := range kinds {
		for _, s := range c.sentinels {
			if errors.Is(err, s) {
				return c.kind, true
			}
		}
	}
	return kindInternal, false
}

// fieldMap renames a field of the ledger's errors for one route: the
// field from (and its sub-paths) becomes to, found in in.
type fieldMap struct {
	from, in, to string
}

// locate returns where a ledger error's field is in the request of a
// route whose fields are maps (the first that matches; the body, as is,
// when none does).
func locate(field string, maps []fieldMap) (in, name string) {
	for _, m := range maps {
		rest, ok := strings.CutPrefix(field, m.from)
		if ok && (rest == "" || rest[0] == '.' || rest[0] == '[') {
			if m.to == "" && rest != "" && rest[0] == '.' {
				rest = rest[1:]
			}
			return m.in, m.to + rest
		}
	}
	return inBody, field
}

// problemOf states err as the Problem to answer a request of a route
// whose fields are maps with, in l. internal is true when the server, not
// the request, is at fault (the answer is 500 and err should be logged).
func problemOf(err error, maps []fieldMap, l msg.Lang) (p Problem, internal bool) {
	var re *requestError
	if errors.As(err, &re) {
		k := kindOfStatus(re.Status)
		return Problem{Type: k.typ, Title: text(l, k.title), Status: k.status, Detail: re.Message(l),
			Code: texts[re.Code].Code, Args: re.Args, Field: re.Field, In: re.In, Value: re.Value}, false
	}
	k, known := kindOf(err)
	if !known {
		return internalProblem(l, rInternal), true
	}
	p = Problem{Type: k.typ, Title: text(l, k.title), Status: k.status, Detail: text(l, k.title)}
	var ie *capacity.InputError
	if !errors.As(err, &ie) {
		if k == kindUnavailable {
			p.Detail, p.Code = text(l, rCancelled), texts[rCancelled].Code
		}
		return p, false
	}
	in, field := locate(ie.Field, maps)
	if in == inServer {
		return internalProblem(l, rProducerSource), true
	}
	e := *ie
	e.Field = field
	p.Detail, p.Code, p.Args, p.Field, p.In, p.Value = e.Message(l), e.Code, e.Args, field, in, e.Value
	return p, false
}

// internalProblem is the answer when the server is at fault: the reason
// c, and nothing of the error itself (it is logged).
func internalProblem(l msg.Lang, c code) Problem {
	return Problem{Type: kindInternal.typ, Title: text(l, kindInternal.title), Status: kindInternal.status,
		Detail: text(l, c), Code: texts[c].Code}
}

// writeProblem writes p as application/problem+json, with Retry-After on
// a 503 and Content-Language.
func writeProblem(w http.ResponseWriter, p Problem, l msg.Lang) {
	h := w.Header()
	if p.Status == http.StatusServiceUnavailable {
		h.Set("Retry-After", strconv.Itoa(retryAfter))
	}
	h.Set("Content-Language", l.String())
	writeJSON(w, "application/problem+json", p.Status, p)
}

// retryAfter is the Retry-After of a 503, in seconds.
const retryAfter = 1
