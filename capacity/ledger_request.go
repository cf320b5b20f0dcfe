package capacity

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/internal/textrule"
)

// BookRequest asks Book to plan and record orders.
//
// One order is planned by Allocate with Policy and MinLot on Weeks weeks
// from From (Weeks zero means 1), only the weeks on time for its Due when
// it has one. Several orders are planned together by Schedule from From
// with Spread, each on the weeks on time for its Due (every order needs
// one), and within Weeks weeks of From when Weeks is set.
//
// In JSON, hold_for is a Go duration ("15m0s", "24h0m0s") and required:
// "0s" books confirmed at once, so a client that leaves the key out can
// never turn a hold into a confirmation.
type BookRequest struct {
	Key       string           `json:"key"`       // idempotency key: the order ID is the natural one
	Orders    []batik.Order    `json:"orders"`    // one, or several to schedule together
	Producers []batik.Producer `json:"producers"` // capacity facts; not part of the request's identity
	From      Week             `json:"from"`      // the first week to book
	Weeks     int              `json:"weeks,omitzero"`
	Policy    Policy           `json:"policy,omitzero"`  // one order: how Allocate shares it
	MinLot    int              `json:"min_lot,omitzero"` // one order: smallest non-zero share
	Spread    bool             `json:"spread,omitzero"`  // several orders: as ScheduleOptions.Spread
	// HoldFor > 0 makes the booking a hold until now+HoldFor (at most
	// MaxHold), confirmed by Confirm before then or expired; 0 books it
	// confirmed at once.
	HoldFor time.Duration `json:"hold_for"`
	// MinFill is the fewest pieces every order must get (0: no minimum,
	// at most each order's quantity); AllOrNothing asks every order in
	// full. When an order would get less, nothing is booked: Book returns
	// ErrNoCapacity naming the order and why.
	MinFill      int  `json:"min_fill,omitzero"`
	AllOrNothing bool `json:"all_or_nothing,omitzero"`
}

// Caps of a BookRequest.
const (
	// MaxHold is the longest hold, for HoldFor and Extend.
	MaxHold = 366 * 24 * time.Hour
	// MaxBookingLines is the most lines one booking may have: a Book or
	// Rebook whose plan would pass it is refused after planning and
	// before anything is written.
	MaxBookingLines = 10_000
)

// checkLineCount refuses a booking of n lines, planned from one of had, when
// n passes MaxBookingLines and grows the booking (a change that does not
// add lines to a booking is never refused for its size).
func checkLineCount(key string, n, had int) error {
	if n > MaxBookingLines && n > had {
		return invalid("key", quote(key), cTooManyLines, strconv.Itoa(n), strconv.Itoa(MaxBookingLines))
	}
	return nil
}

// maxKey is the longest idempotency key, in bytes.
const maxKey = 256

type bookRequestJSON struct {
	Key          string           `json:"key"`
	Orders       []batik.Order    `json:"orders"`
	Producers    []batik.Producer `json:"producers"`
	From         Week             `json:"from"`
	Weeks        int              `json:"weeks,omitzero"`
	Policy       Policy           `json:"policy,omitzero"`
	MinLot       int              `json:"min_lot,omitzero"`
	Spread       bool             `json:"spread,omitzero"`
	HoldFor      duration         `json:"hold_for"`
	MinFill      int              `json:"min_fill,omitzero"`
	AllOrNothing bool             `json:"all_or_nothing,omitzero"`
}

// MarshalJSON encodes the request with hold_for as a Go duration.
func (r BookRequest) MarshalJSON() ([]byte, error) {
	return json.Marshal(bookRequestJSON{r.Key, r.Orders, r.Producers, r.From, r.Weeks, r.Policy, r.MinLot, r.Spread,
		duration(r.HoldFor), r.MinFill, r.AllOrNothing})
}

// UnmarshalJSON decodes a request strictly (see the package doc, JSON):
// hold_for is required. It does not check the request: Book does.
func (r *BookRequest) UnmarshalJSON(data []byte) error {
	var v bookRequestJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*r = BookRequest{v.Key, v.Orders, v.Producers, v.From, v.Weeks, v.Policy, v.MinLot, v.Spread,
		time.Duration(v.HoldFor), v.MinFill, v.AllOrNothing}
	return nil
}

// duration is a time.Duration written as its text ("15m0s") in JSON.
type duration time.Duration

func (d duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil || len(b) > 64 {
		return invalid("hold_for", quote(string(b)), cDurationForm)
	}
	*d = duration(v)
	return nil
}

// check checks a request, as Book documents.
func (req *BookRequest) check() error {
	if err := checkKey("key", req.Key); err != nil {
		return err
	}
	switch {
	case len(req.Orders) == 0:
		return invalid("orders", "[]", cOrdersEmpty)
	case len(req.Producers) == 0:
		return invalid("producers", "[]", cProducersEmpty)
	case req.From.IsZero():
		return invalid("from", `""`, cFirstWeek)
	case req.Weeks < 0 || req.Weeks > MaxWeeks:
		return invalid("weeks", strconv.Itoa(req.Weeks), cRange, "0", strconv.Itoa(MaxWeeks))
	case req.From.Add(max(req.Weeks, 1) - 1).IsZero():
		return invalid("weeks", strconv.Itoa(req.Weeks), cPastYear9999, req.From.String())
	case req.Policy > FewestProducers:
		return invalid("policy", req.Policy.String(), cPolicy)
	case req.MinLot < 0:
		return invalid("min_lot", strconv.Itoa(req.MinLot), cDefaultOne)
	case req.HoldFor < 0 || req.HoldFor > MaxHold:
		return invalid("hold_for", req.HoldFor.String(), cRange, "0s", MaxHold.String())
	case req.MinFill < 0:
		return invalid("min_fill", strconv.Itoa(req.MinFill), cNonNegative)
	}
	if err := req.checkOrders(); err != nil {
		return err
	}
	if err := checkLedgerProducers(req.Producers); err != nil {
		return err
	}
	if err := checkProducerWeeks(len(req.Producers), max(req.horizon(), 1)); err != nil {
		return err
	}
	// Repeated producer IDs are refused by Allocate and Schedule, before
	// anything is committed.
	return nil
}

// checkOrders checks each order: valid, a due date when there are
// several, no ID twice, MinFill within its quantity. O(orders).
func (req *BookRequest) checkOrders() error {
	var first map[string]int // order ID -> its first index, for many orders
	if len(req.Orders) > 16 {
		first = make(map[string]int, len(req.Orders))
	}
	for i := range req.Orders {
		o := &req.Orders[i]
		field := func() string { return "orders[" + strconv.Itoa(i) + "]" } // on error only
		if err := o.Validate(); err != nil {
			return &InputError{Field: field(), Value: quote(o.ID), Code: texts[cInvalid].Code, Kind: ErrInvalid, Err: err}
		}
		if len(req.Orders) > 1 && o.Due.IsZero() {
			return invalid(field()+".due", `""`, cDueForMany)
		}
		if req.MinFill > o.Quantity {
			return invalid("min_fill", strconv.Itoa(req.MinFill), cMinFillAbove, field(), strconv.Itoa(o.Quantity))
		}
		if first != nil {
			if j, ok := first[o.ID]; ok {
				return invalid(field()+".id", quote(o.ID), cOrderRepeated, strconv.Itoa(j))
			}
			first[o.ID] = i
			continue
		}
		for j := range i {
			if req.Orders[j].ID == o.ID {
				return invalid(field()+".id", quote(o.ID), cOrderRepeated, strconv.Itoa(j))
			}
		}
	}
	return nil
}

// checkKey checks an idempotency key: 1 to 256 bytes of visible text
// without control or bidirectional characters.
func checkKey(field, key string) error {
	switch {
	case key == "":
		return invalid(field, `""`, cKeyNeeded)
	case len(key) > maxKey:
		return invalid(field, quote(key), cTooLong, strconv.Itoa(maxKey))
	case !textrule.Visible(key):
		return invalid(field, quote(key), cKeyText)
	}
	return nil
}

// checkLedgerProducers checks each producer as Allocate does, and its ID
// by batik's rule for IDs, which the ledger asks and Allocate alone does
// not (it takes any non-empty ID).
func checkLedgerProducers(producers []batik.Producer) error {
	for i := range producers {
		p := &producers[i]
		if err := checkProducer(p, i); err != nil {
			return err
		}
		if !textrule.ID(p.ID) {
			return invalid("producers["+strconv.Itoa(i)+"].id", quote(p.ID), cProducerID)
		}
	}
	return nil
}

// horizon is how many weeks from From the request can use.
func (req *BookRequest) horizon() int {
	if len(req.Orders) == 1 {
		o := req.Orders[0]
		n := max(req.Weeks, 1)
		if !o.Due.IsZero() {
			n = min(n, LastOnTime(o.Due).Sub(req.From)+1)
		}
		return max(n, 0)
	}
	n := 0
	for _, o := range req.Orders {
		n = max(n, LastOnTime(o.Due).Sub(req.From)+1)
	}
	if req.Weeks > 0 {
		n = min(n, req.Weeks)
	}
	return min(max(n, 0), MaxWeeks)
}

// canonicalRequest is what identifies a request: its orders (by ID, every
// field), the planning options with their defaults filled in, the hold's
// length, MinFill and AllOrNothing; not the producer records (capacity
// facts, which may be reloaded between a request and its retry), not the
// caller's clock. Its JSON is the canonical form stores keep, and the hex
// SHA-256 of it is Booking.Request.
type canonicalRequest struct {
	Form         string           `json:"form"`
	Orders       []canonicalOrder `json:"orders"`
	From         Week             `json:"from"`
	Weeks        int              `json:"weeks"`
	Policy       Policy           `json:"policy"`
	MinLot       int              `json:"min_lot"`
	Spread       bool             `json:"spread"`
	HoldFor      duration         `json:"hold_for"`
	MinFill      int              `json:"min_fill"`
	AllOrNothing bool             `json:"all_or_nothing"`
}

type canonicalOrder struct {
	ID        string          `json:"id"`
	SKU       string          `json:"sku"`
	Technique batik.Technique `json:"technique"`
	MinGrade  batik.Grade     `json:"min_grade"`
	Quantity  int             `json:"quantity"`
	Due       string          `json:"due"`
}

// canonicalForm names the form of canonicalRequest, so that a later form
// never matches a request of this one by accident.
const canonicalForm = "batikkit.capacity.BookRequest/3"

// canonical returns the request's canonical form, its JSON and the hex
// SHA-256 of the JSON. O(orders log orders).
func (req *BookRequest) canonical() (canonicalRequest, []byte, string) {
	c := canonicalRequest{Form: canonicalForm, From: req.From, Weeks: req.Weeks, Policy: req.Policy,
		MinLot: max(req.MinLot, 1), Spread: req.Spread, HoldFor: duration(req.HoldFor), MinFill: req.MinFill,
		AllOrNothing: req.AllOrNothing}
	if c.Policy == 0 {
		c.Policy = Proportional
	}
	if len(req.Orders) == 1 {
		c.Weeks = max(req.Weeks, 1) // zero (up to the due dates) and one differ for Schedule only
	}
	c.Orders = make([]canonicalOrder, len(req.Orders))
	for i, o := range req.Orders {
		c.Orders[i] = canonicalOrder{o.ID, o.SKU, o.Technique, o.MinGrade, o.Quantity, o.Due.String()}
	}
	slices.SortFunc(c.Orders, func(a, b canonicalOrder) int { return strings.Compare(a.ID, b.ID) })
	data, _ := json.Marshal(c) // plain values: no error
	sum := sha256.Sum256(data)
	return c, data, hex.EncodeToString(sum[:])
}

// firstDifference names the first field in which b (a request asked now)
// differs from a (the request booked), with both values as text; ok is
// false when they do not differ.
func firstDifference(a, b canonicalRequest) (field, booked, asked string, ok bool) {
	n := min(len(a.Orders), len(b.Orders))
	for i := range n {
		x, y := a.Orders[i], b.Orders[i]
		f := "orders[" + strconv.Itoa(i) + "]."
		for _, d := range [...]struct{ name, x, y string }{
			{"id", x.ID, y.ID}, {"sku", x.SKU, y.SKU}, {"technique", string(x.Technique), string(y.Technique)},
			{"min_grade", string(x.MinGrade), string(y.MinGrade)}, {"quantity", strconv.Itoa(x.Quantity), strconv.Itoa(y.Quantity)},
			{"due", x.Due, y.Due},
		} {
			if d.x != d.y {
				return f + d.name, d.x, d.y, true
			}
		}
	}
	if len(a.Orders) != len(b.Orders) {
		return "orders", strconv.Itoa(len(a.Orders)) + " orders", strconv.Itoa(len(b.Orders)) + " orders", true
	}
	for _, d := range [...]struct{ name, x, y string }{
		{"from", a.From.String(), b.From.String()}, {"weeks", strconv.Itoa(a.Weeks), strconv.Itoa(b.Weeks)},
		{"policy", a.Policy.String(), b.Policy.String()}, {"min_lot", strconv.Itoa(a.MinLot), strconv.Itoa(b.MinLot)},
		{"spread", strconv.FormatBool(a.Spread), strconv.FormatBool(b.Spread)},
		{"hold_for", time.Duration(a.HoldFor).String(), time.Duration(b.HoldFor).String()},
		{"min_fill", strconv.Itoa(a.MinFill), strconv.Itoa(b.MinFill)},
		{"all_or_nothing", strconv.FormatBool(a.AllOrNothing), strconv.FormatBool(b.AllOrNothing)},
	} {
		if d.x != d.y {
			return d.name, d.x, d.y, true
		}
	}
	return "", "", "", false
}
