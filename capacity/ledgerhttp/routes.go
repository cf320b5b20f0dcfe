package ledgerhttp

import "net/http"

// route is one operation: its method and Go 1.22 path pattern, the
// statuses it answers with (openapi.json documents the same; a test
// checks both ways), where the fields of the ledger's errors are in its
// request, and its function.
type route struct {
	method, path string
	statuses     []int
	fields       []fieldMap
	fn           func(h *handler, w http.ResponseWriter, r *http.Request, x *exchange) error
}

// The fields of the ledger's errors, per route: "key" is the path's
// {key} but in POST /bookings, where it is the Idempotency-Key header,
// as a delivery call's key ("call") is; the producers are the server's
// records; "json" is the whole body.
var (
	keyInPath     = fieldMap{"key", inPath, "key"}
	keyInHeader   = fieldMap{"key", inHeader, "Idempotency-Key"}
	callInHeader  = fieldMap{"call", inHeader, "Idempotency-Key"}
	producersOwn  = fieldMap{"producers", inServer, ""}
	wholeBody     = fieldMap{"json", inBody, "body"}
	actorOfServer = fieldMap{"actor", "", "actor"}
)

var (
	bookFields     = []fieldMap{keyInHeader, producersOwn, wholeBody, actorOfServer}
	keyFields      = []fieldMap{keyInPath, actorOfServer}
	extendFields   = []fieldMap{keyInPath, wholeBody, actorOfServer, {"hold_until", inBody, "by"}}
	rebookFields   = []fieldMap{keyInPath, producersOwn, wholeBody, actorOfServer}
	deliverFields  = []fieldMap{keyInPath, callInHeader, wholeBody, actorOfServer}
	calendarFields = []fieldMap{wholeBody, actorOfServer, {"calendar", inBody, ""}, {"slot", "", "slot"}}
	listFields     = []fieldMap{{"filter.order_id", inQuery, "order"}, {"filter.producer_id", inQuery, "producer"},
		{"filter.state", inQuery, "state"}, {"state", inQuery, "state"}, {"filter.limit", inQuery, "limit"},
		{"filter.cursor", inQuery, "cursor"}}
	boardFields = []fieldMap{{"from", inQuery, "from"}, {"weeks", inQuery, "weeks"}, {"technique", inQuery, "technique"}, producersOwn}
)

// Statuses, named for the route table.
const (
	s200 = http.StatusOK
	s201 = http.StatusCreated
	s204 = http.StatusNoContent
	s400 = http.StatusBadRequest
	s404 = http.StatusNotFound
	s409 = http.StatusConflict
	s413 = http.StatusRequestEntityTooLarge
	s415 = http.StatusUnsupportedMediaType
	s422 = http.StatusUnprocessableEntity
	s503 = http.StatusServiceUnavailable
)

// routes is every route the handler serves.
var routes = []route{
	{"POST", "/bookings", []int{s200, s201, s400, s409, s413, s415, s422, s503}, bookFields, book},
	{"GET", "/bookings", []int{s200, s400}, listFields, list},
	{"GET", "/bookings/{key}", []int{s200, s400, s404}, keyFields, get},
	{"GET", "/bookings/{key}/history", []int{s200, s400, s404}, keyFields, history},
	{"POST", "/bookings/{key}/confirm", []int{s200, s400, s404, s409, s503}, keyFields, confirm},
	{"POST", "/bookings/{key}/cancel", []int{s200, s400, s404, s409, s503}, keyFields, cancel},
	{"POST", "/bookings/{key}/extend", []int{s200, s400, s404, s409, s413, s415, s503}, extendFields, extend},
	{"POST", "/bookings/{key}/rebook", []int{s200, s400, s404, s409, s413, s415, s503}, rebookFields, rebook},
	{"POST", "/bookings/{key}/deliveries", []int{s200, s400, s404, s409, s413, s415, s503}, deliverFields, deliver},
	{"PUT", "/calendar", []int{s204, s400, s409, s413, s415}, calendarFields, calendar},
	{"GET", "/board", []int{s200, s400}, boardFields, boardJSON},
	{"GET", "/board.html", []int{s200, s400}, boardFields, boardHTML},
	{"GET", "/openapi.json", []int{s200}, nil, openAPI},
	{"GET", "/healthz", []int{s200, s503}, nil, healthz},
}
