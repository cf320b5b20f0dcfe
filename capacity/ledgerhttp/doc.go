// Package ledgerhttp serves a capacity.Ledger over HTTP: the campaign API
// (book, confirm, cancel, extend, rebook, deliver, the calendar, and the
// reads) and the campaign board, as JSON and as a page people look at. It
// uses the standard library's net/http only.
//
// A service mounts it on its mux; authentication and authorisation are
// the service's middleware around it:
//
//	mux := http.NewServeMux()
//	api := ledgerhttp.New(ledger, ledgerhttp.Options{Producers: loadProducers, Actor: userOf})
//	mux.Handle("/campaign/", http.StripPrefix("/campaign", api))
//
// # Routes
//
// The paths are Go 1.22 patterns; {key} is a booking's key.
//
//	POST /bookings                     book (capacity.Ledger.Book): 201 new, 200 a replay
//	GET  /bookings                     a page of bookings: ?order=&producer=&state=&limit=&cursor=
//	GET  /bookings/{key}               the booking as it stands
//	GET  /bookings/{key}/history       its changes: version, time, actor, operation
//	POST /bookings/{key}/confirm       a hold becomes confirmed
//	POST /bookings/{key}/cancel        release its slots
//	POST /bookings/{key}/extend        {"by": "30m0s"}: a live hold ends 30 minutes after now
//	POST /bookings/{key}/rebook        {"orders": [...]}: move late lines to other workshops
//	POST /bookings/{key}/deliveries    {"deliveries": [...]}: pieces handed over
//	PUT  /calendar                     one capacity.CalendarEntry: 204
//	GET  /board                        the board as JSON: ?from=&weeks=&technique=&page=&per_page=
//	GET  /board.html                   the board as a page, the same query and lang=en|id
//	GET  /openapi.json                 the OpenAPI 3.1 description of all of the above
//	GET  /healthz                      200 when the store answers a read, else 503
//
// Every operation reads Options.Clock once as its now and passes the
// request's context to the ledger and its store. openapi.json (kept
// beside the code, served as is) gives every body, answer and status; a
// test checks that it lists exactly the routes served, with their
// statuses, and that the answers fit its schemas.
//
// # Requests
//
// Bodies are application/json (charset utf-8, if any; else 415), at most
// Options.BodyLimit bytes (else 413), in the ledger's JSON forms and
// decoded strictly: an unknown key, a key in another case ("QUANTITY"),
// a key given twice, null, a missing required key, a value of the wrong
// JSON type, text that is not UTF-8 or JSON that is not well formed (the
// problem gives the byte offset) is 400 naming the key's path. The body
// of POST /bookings is a capacity.BookRequest without "key" and
// "producers": the key is the Idempotency-Key header, the producers are
// the server's (Options.Producers), and a body that names either is 400.
// hold_for is required ("0s" books confirmed at once).
//
// Query parameters are strict too: a parameter a route does not take, or
// one given twice, is 400, so that a misspelt filter never lists
// everything.
//
// # Retries
//
// POST /bookings takes its key from the Idempotency-Key header
// (draft-ietf-httpapi-idempotency-key-header-06): an RFC 8941 string
// ("\"ORD-2026-12\"") or, as many clients send it, the key itself; 1 to
// 256 bytes of visible text. The same request under the same key, at any
// later time, is a replay: it never plans again and is answered 200 with
// the booking as it stands (confirmed, cancelled or expired since). Of
// first attempts racing, in one process or several sharing a store,
// exactly one is answered 201 (capacity.Ledger.BookCreated says which
// call made the booking); all make one booking. A different request under a used key is 409 naming the first
// field that differs ("orders[0].quantity"); the draft suggests 422 for
// it, which here means a request that books too little.
//
// POST /bookings/{key}/deliveries takes the delivery call's key from the
// Idempotency-Key header, scoped to the booking: the same call again
// changes nothing (a retried delivery counts once) and answers the booking
// as it stands; other deliveries under a used call key are 409.
// Confirming a confirmed booking or cancelling a cancelled one answers it
// unchanged, and rebooking a booking without late lines changes nothing;
// extend makes a hold end the duration after now, so a retry moves it only
// by the time between the calls.
//
// # Errors
//
// Every error is an RFC 9457 problem, application/problem+json (see
// Problem): title and detail in English or Indonesian as the request's
// Accept-Language asks (batik.ParseLang; else Options.Lang), with
// Content-Language; detail is the error's own message, "field = value:
// reason". The error's shape is in extension members: code (the reason's
// code in the message catalogue, the same whether the ledger or the
// handler found it), args, field (a path in the request's own JSON names,
// or a header's, query parameter's or path segment's name), in (body,
// header, query, path, method) and value (abbreviated to 64 bytes with
// its length).
//
//	400  ProblemInvalid      bad input (capacity.ErrInvalid), a bad header or query parameter
//	400  ProblemOverflow     numbers too large to count exactly (capacity.ErrOverflow)
//	404  ProblemNotFound     no booking has the key (capacity.ErrNotFound)
//	409  ProblemConflict     the state does not allow it, or the key was used otherwise (capacity.ErrConflict)
//	409  ProblemNoRoom       a calendar capacity below what is booked (capacity.ErrNoRoom)
//	422  ProblemNoCapacity   books nothing, or less than min_fill or all_or_nothing (capacity.ErrNoCapacity)
//	503  ProblemContention   other changes kept winning; send it again after Retry-After (capacity.ErrContention)
//	404, 405 (with Allow), 413, 415: type about:blank
//	500  about:blank         the server is at fault: the producer source failed or gave records the
//	                         ledger refuses, a store error; the error is logged (Options.Logger), not shown
//	503  about:blank         the request was cancelled or ran out of time, or the store does not answer
//
// Nothing is recorded when an error is answered, and the handler goes on
// serving. GET /board.html answers its errors (400 for a bad query) as
// the page itself, with the problem in it (role="alert", data-field) and
// the form to mend the query.
//
// # The board
//
// GET /board reads capacity.Ledger.Board for one page of the server's
// producers, by ID: {"page", "pages", "per_page", "producers", "board"};
// the board's totals are of the page. GET /board.html renders the same
// page as HTML with inline SVG: workshops as rows (ID and name), ISO
// weeks as columns (the current one shaded), each cell a bar of the
// week's capacity with delivered, confirmed-to-deliver and held pieces,
// each in its own pattern (solid, stripes, dots, so that the bar reads
// without colour), and "taken/capacity" under it; closed weeks crossed
// and written "closed", late pieces marked ⚠ with their number; a legend,
// totals per workshop and per week, a form (from, weeks, technique) and
// links to the other pages, the other language and the JSON. Every bar
// has a text alternative (role="img" with a title saying every number).
// The page has no script and fetches nothing: its Content-Security-Policy
// allows its own style element and nothing else.
//
// # The actor
//
// Options.Actor names who acts in each request (a user from the
// service's authentication, say); the ledger records it in the history of
// every change it makes (capacity.WithActor), and GET
// /bookings/{key}/history shows it. An actor the ledger refuses (over 256
// bytes, control characters) is 400 naming "actor".
//
// # Limits
//
//   - Bodies: Options.BodyLimit (DefaultBodyLimit, 1 MiB); a body is read
//     whole before it is decoded, so a request holds at most that much
//     plus the decoded value (a small multiple of it).
//   - Keys (Idempotency-Key, {key}): 1 to 256 bytes of visible text, as
//     the ledger takes them. Values echoed in problems are cut to 64
//     bytes with their length.
//   - GET /bookings: limit 0 to capacity.MaxPageLimit (1,000); 0 or
//     absent means 100.
//   - The board: weeks 1 to capacity.MaxWeeks (104), DefaultWeeks (8)
//     when absent; per_page 1 to MaxPerPage (5,000), DefaultPerPage (50)
//     when absent; per_page x weeks at most MaxCells (100,000 cells;
//     answering on the memory store allocates about 300 bytes a cell,
//     so a full page takes about 30 MB while it is answered).
//   - The producer source is called once per request that needs it; a
//     slow source slows those requests (cache it in the service).
//
// # Concurrency
//
// The handler is safe for concurrent use and keeps no state but the
// key locks of requests in flight; the ledger and its store keep every
// record. Building it with New is O(routes).
package ledgerhttp
