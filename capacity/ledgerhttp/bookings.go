package ledgerhttp

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
)

// The routes of bookings and the calendar: each reads its request, calls
// one Ledger method with the request's context and now, and writes what
// it returns.

// book serves POST /bookings: the body is a capacity.BookRequest without
// "key" (the Idempotency-Key header) and "producers" (Options.Producers).
// A new booking is answered 201 with Location, a replay 200, both with
// the booking as it stands.
func book(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	key, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	data, err := h.body(w, r)
	if err != nil {
		return err
	}
	req, err := decodeBookRequest(data)
	if err != nil {
		return err
	}
	if req.Producers, err = h.producers(x.ctx); err != nil {
		return err
	}
	req.Key = key
	b, created, err := h.ledger.BookCreated(x.ctx, req, x.now)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		// Relative to the request's own path, so that it holds under any
		// prefix the handler is mounted at.
		w.Header().Set("Location", "bookings/"+url.PathEscape(key))
	}
	writeJSON(w, "application/json", status, b)
	return nil
}

// decodeBookRequest decodes a booking's body with capacity's strict
// decoder, after adding the two keys the server sets ("key" and
// "producers", empty) before the body's closing brace: a body that names
// either is refused as a repeated key, said here as where they come from.
// A body that is not one well-formed JSON object is decoded as it is, so
// that its error and offset are the body's own.
func decodeBookRequest(data []byte) (capacity.BookRequest, error) {
	var req capacity.BookRequest
	open := bytes.IndexFunc(data, notSpace)
	end := bytes.LastIndexFunc(data, notSpace)
	if !json.Valid(data) || data[open] != '{' {
		return req, req.UnmarshalJSON(data)
	}
	const server = `"key":"","producers":[]`
	body := make([]byte, 0, len(data)+len(server)+1)
	body = append(body, data[:end]...)
	if bytes.IndexFunc(data[open+1:end], notSpace) >= 0 {
		body = append(body, ',')
	}
	body = append(body, server...)
	body = append(body, data[end:]...)
	err := req.UnmarshalJSON(body)
	var ie *capacity.InputError
	if errors.As(err, &ie) && (ie.Code == "json_duplicate" || ie.Code == "json_case") {
		named := ie.Field
		if ie.Code == "json_case" && len(ie.Args) == 1 {
			named = ie.Args[0]
		}
		switch named {
		case "key":
			return req, &requestError{Field: ie.Field, Value: ie.Value, Code: rKeyInBody, In: inBody, Status: http.StatusBadRequest}
		case "producers":
			return req, &requestError{Field: ie.Field, Value: ie.Value, Code: rProducersInBody, In: inBody, Status: http.StatusBadRequest}
		}
	}
	return req, err
}

// notSpace reports whether r is not JSON white space.
func notSpace(r rune) bool { return r != ' ' && r != '\t' && r != '\n' && r != '\r' }

// list serves GET /bookings?order=&producer=&state=&limit=&cursor=.
func list(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	q, err := query(r, "order", "producer", "state", "limit", "cursor")
	if err != nil {
		return err
	}
	f := capacity.BookingFilter{OrderID: q["order"], ProducerID: q["producer"], Cursor: q["cursor"]}
	if s, ok := q["state"]; ok {
		if f.State, err = capacity.ParseState(s); err != nil {
			return err
		}
	}
	if f.Limit, err = integer(q, "limit", 0); err != nil {
		return err
	}
	return reply[capacity.BookingPage](w)(h.ledger.Bookings(x.ctx, f, x.now))
}

// get serves GET /bookings/{key}.
func get(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	return reply[capacity.Booking](w)(h.ledger.Booking(x.ctx, r.PathValue("key"), x.now))
}

// history serves GET /bookings/{key}/history: the changes, oldest first.
func history(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	return reply[[]capacity.HistoryEntry](w)(h.ledger.History(x.ctx, r.PathValue("key")))
}

// confirm serves POST /bookings/{key}/confirm.
func confirm(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	return reply[capacity.Booking](w)(h.ledger.Confirm(x.ctx, r.PathValue("key"), x.now))
}

// cancel serves POST /bookings/{key}/cancel.
func cancel(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	return reply[capacity.Booking](w)(h.ledger.Cancel(x.ctx, r.PathValue("key"), x.now))
}

// extendBody is the body of POST /bookings/{key}/extend.
type extendBody struct {
	By duration `json:"by"` // "15m0s"
}

// duration is a Go duration written as its text in JSON.
type duration time.Duration

// UnmarshalText reads a Go duration ("15m0s", "24h"), at most 64 bytes.
func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil || len(b) > 64 {
		return &requestError{Field: "by", Value: msg.Quote(string(b)), Code: rDuration, In: inBody, Status: http.StatusBadRequest}
	}
	*d = duration(v)
	return nil
}

// extend serves POST /bookings/{key}/extend with {"by": "15m0s"}.
func extend(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	var v extendBody
	if err := readJSON(h, w, r, &v); err != nil {
		return err
	}
	return reply[capacity.Booking](w)(h.ledger.Extend(x.ctx, r.PathValue("key"), time.Duration(v.By), x.now))
}

// rebookBody is the body of POST /bookings/{key}/rebook: the booking's
// orders (a booking keeps their IDs, not their grades and due dates).
type rebookBody struct {
	Orders []batik.Order `json:"orders"`
}

// rebook serves POST /bookings/{key}/rebook with {"orders": [...]}.
func rebook(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	var v rebookBody
	if err := readJSON(h, w, r, &v); err != nil {
		return err
	}
	producers, err := h.producers(x.ctx)
	if err != nil {
		return err
	}
	return reply[capacity.Booking](w)(h.ledger.Rebook(x.ctx, r.PathValue("key"), v.Orders, producers, x.now))
}

// deliverBody is the body of POST /bookings/{key}/deliveries.
type deliverBody struct {
	Deliveries []capacity.Delivery `json:"deliveries"`
}

// deliver serves POST /bookings/{key}/deliveries with {"deliveries":
// [...]}, the call's key from the Idempotency-Key header: a retry of the
// call changes nothing and answers the booking as it stands.
func deliver(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	call, err := idempotencyKey(r)
	if err != nil {
		return err
	}
	var v deliverBody
	if err := readJSON(h, w, r, &v); err != nil {
		return err
	}
	return reply[capacity.Booking](w)(h.ledger.Deliver(x.ctx, r.PathValue("key"), call, v.Deliveries, x.now))
}

// calendar serves PUT /calendar with one capacity.CalendarEntry; 204.
func calendar(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error {
	var e capacity.CalendarEntry
	if err := readJSON(h, w, r, &e); err != nil {
		return err
	}
	if err := h.ledger.SetCalendar(x.ctx, e, x.now); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// readJSON reads r's body and decodes it strictly into v.
func readJSON[T any](h *handler, w http.ResponseWriter, r *http.Request, v *T) error {
	data, err := h.body(w, r)
	if err != nil {
		return err
	}
	return decodeStrict(data, v)
}

// reply returns a function that answers what a ledger call returned: 200
// with the value as JSON, or the error.
func reply[T any](w http.ResponseWriter) func(T, error) error {
	return func(v T, err error) error {
		if err != nil {
			return err
		}
		writeJSON(w, "application/json", http.StatusOK, v)
		return nil
	}
}
