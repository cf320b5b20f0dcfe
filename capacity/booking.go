package capacity

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// The ledger's records: slots, states, booking lines and bookings.

// Slot is one producer's capacity with one technique in one ISO week: the
// unit the ledger books. Slots are ordered by Compare (producer ID, then
// technique, then week); stores touch slots in that order so concurrent
// transactions cannot deadlock.
type Slot struct {
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique"`
	Week       Week            `json:"week"`
}

// Compare orders slots by producer ID, technique and week.
func (s Slot) Compare(t Slot) int {
	if c := strings.Compare(s.ProducerID, t.ProducerID); c != 0 {
		return c
	}
	if c := strings.Compare(string(s.Technique), string(t.Technique)); c != 0 {
		return c
	}
	return s.Week.Compare(t.Week)
}

// String returns "SLO-01/cap/2026-W50".
func (s Slot) String() string {
	return s.ProducerID + "/" + string(s.Technique) + "/" + s.Week.String()
}

// State is where a booking stands. It travels in JSON as text.
type State uint8

// The states of a booking. Held and Confirmed bookings take capacity;
// Cancelled and Expired ones release it.
const (
	Held      State = iota + 1 // reserved until HoldUntil; confirm it before then or it expires
	Confirmed                  // promised to the order
	Cancelled                  // released by Cancel
	Expired                    // a hold whose HoldUntil passed before it was confirmed
)

var stateNames = [...]string{Held: "held", Confirmed: "confirmed", Cancelled: "cancelled", Expired: "expired"}

// String returns "held", "confirmed", "cancelled" or "expired"; the zero
// State (not a state) prints as "".
func (s State) String() string {
	if int(s) < len(stateNames) {
		return stateNames[s]
	}
	return "State(" + strconv.Itoa(int(s)) + ")"
}

// ParseState reads a state's text form, or returns an *InputError wrapping
// ErrInvalid.
func ParseState(s string) (State, error) {
	for st := Held; st <= Expired; st++ {
		if stateNames[st] == s {
			return st, nil
		}
	}
	return 0, invalid("state", quote(s), cState)
}

// MarshalText returns the state's text form.
func (s State) MarshalText() ([]byte, error) {
	if s < Held || s > Expired {
		return nil, invalid("state", strconv.Itoa(int(s)), cState)
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads what ParseState reads.
func (s *State) UnmarshalText(b []byte) error {
	v, err := ParseState(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Takes reports whether a booking in state s takes capacity.
func (s State) Takes() bool { return s == Held || s == Confirmed }

// BookingLine is pieces of one order booked in one slot, at the producer's
// unit cost, and how many of them were delivered.
type BookingLine struct {
	OrderID   string          `json:"order_id"`
	Slot                      // producer_id, technique, week
	Quantity  int             `json:"quantity"`  // pieces booked (> 0)
	Delivered int             `json:"delivered"` // pieces handed over, at most Quantity
	UnitCost  decimal.Decimal `json:"unit_cost"` // a JSON string
}

// BookedOrder is what a booking holds of one of its orders: the pieces
// booked and unfilled (Booked + Unfilled is the order's quantity) and, when
// some are unfilled, why.
type BookedOrder struct {
	OrderID  string      `json:"order_id"`
	Booked   int         `json:"booked"`
	Unfilled int         `json:"unfilled"`
	Reason   ShortReason `json:"reason,omitempty"` // set when Unfilled > 0
}

// Booking is the record of one Book call: the slots it takes for its
// orders, and its state. Key is the caller's idempotency key (the order
// ID is the natural one).
type Booking struct {
	Key       string         `json:"key"`
	State     State          `json:"state"`
	HoldUntil time.Time      `json:"hold_until,omitzero"` // when a Held booking expires
	Request   string         `json:"request"`             // fingerprint of the request (hex SHA-256), for idempotency
	Lines     []BookingLine  `json:"lines"`               // sorted by order ID, then slot
	Unfilled  map[string]int `json:"unfilled"`            // order ID -> pieces the free capacity could not take
	// Orders says, per order (by ID), what was booked and what not, and
	// why; Skipped lists the producers Allocate gave nothing, and why
	// (bookings of one order only; [] for Schedule's).
	Orders  []BookedOrder `json:"orders"`
	Skipped []Skip        `json:"skipped"`
	Version int64         `json:"version"` // 1 on creation, +1 with every change
	Created time.Time     `json:"created"` // the caller's clock at Book
	Updated time.Time     `json:"updated"` // the caller's clock at the last change
	// Canonical is the request whose hash is Request, in a canonical JSON
	// form (nil for bookings made before stores kept it): a replay that
	// differs is told which field differs.
	Canonical []byte `json:"-"`
}

// Clone returns a deep copy of b: its slices and map are its own, and
// Lines and Unfilled are empty rather than nil.
func (b *Booking) Clone() Booking {
	c := *b
	c.Lines = slices.Clone(b.Lines)
	if c.Lines == nil {
		c.Lines = []BookingLine{}
	}
	c.Unfilled = maps.Clone(b.Unfilled)
	if c.Unfilled == nil {
		c.Unfilled = map[string]int{}
	}
	c.Orders = slices.Clone(b.Orders)
	c.Skipped = slices.Clone(b.Skipped)
	c.Canonical = slices.Clone(b.Canonical)
	return c
}

// StateAt returns b's state at now: a Held booking whose HoldUntil is at
// or before now is Expired; any other state is b.State.
func (b *Booking) StateAt(now time.Time) State {
	if b.Lapsed(now) {
		return Expired
	}
	return b.State
}

// Lapsed reports whether b is Held with its HoldUntil at or before now:
// its hold no longer counts, and a store marks it Expired when it next
// needs the room (or Sweep does).
func (b *Booking) Lapsed(now time.Time) bool {
	return b.State == Held && !b.HoldUntil.After(now)
}

type bookingLineJSON struct {
	OrderID    string          `json:"order_id"`
	ProducerID string          `json:"producer_id"`
	Technique  batik.Technique `json:"technique"`
	Week       Week            `json:"week"`
	Quantity   int             `json:"quantity"`
	Delivered  int             `json:"delivered"`
	UnitCost   amount          `json:"unit_cost"`
}

func (v *bookingLineJSON) line() BookingLine {
	return BookingLine{OrderID: v.OrderID, Slot: Slot{v.ProducerID, v.Technique, v.Week}, Quantity: v.Quantity,
		Delivered: v.Delivered, UnitCost: decimal.Decimal(v.UnitCost)}
}

// MarshalJSON encodes the line flat, with its slot's fields and its unit
// cost as a JSON string.
func (l BookingLine) MarshalJSON() ([]byte, error) { return l.appendJSON(nil), nil }

// UnmarshalJSON decodes a line strictly (see the package doc, JSON).
func (l *BookingLine) UnmarshalJSON(b []byte) error {
	var v bookingLineJSON
	if err := decodeJSON(b, &v); err != nil {
		return err
	}
	*l = v.line()
	return nil
}

// bookingJSON is Booking's JSON form, without its methods.
type bookingJSON struct {
	Key       string            `json:"key"`
	State     State             `json:"state"`
	HoldUntil time.Time         `json:"hold_until,omitzero"`
	Request   string            `json:"request"`
	Lines     []bookingLineJSON `json:"lines"`
	Unfilled  map[string]int    `json:"unfilled"`
	Orders    []BookedOrder     `json:"orders"`
	Skipped   []Skip            `json:"skipped"`
	Version   int64             `json:"version"`
	Created   time.Time         `json:"created"`
	Updated   time.Time         `json:"updated"`
}

// MarshalJSON encodes the booking with [] and {} for empty lists and
// maps: what encoding/json writes for its fields, byte for byte, written
// directly (a service answers with bookings; the reflective encoder spent
// most of an HTTP answer's time on a 60-line one). O(size of the JSON).
func (b Booking) MarshalJSON() ([]byte, error) {
	e := make([]byte, 0, 320+150*len(b.Lines))
	st, err := b.State.MarshalText()
	if err != nil {
		return nil, err
	}
	e = appendJSONString(append(e, `{"key":`...), b.Key)
	e = appendJSONString(append(e, `,"state":`...), string(st))
	if !b.HoldUntil.IsZero() {
		if e, err = appendJSONTime(append(e, `,"hold_until":`...), b.HoldUntil); err != nil {
			return nil, err
		}
	}
	e = appendJSONString(append(e, `,"request":`...), b.Request)
	e = append(e, `,"lines":[`...)
	for i := range b.Lines {
		if i > 0 {
			e = append(e, ',')
		}
		e = b.Lines[i].appendJSON(e)
	}
	e = append(e, `],"unfilled":{`...)
	ids := make([]string, 0, len(b.Unfilled))
	for id := range b.Unfilled {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for i, id := range ids {
		if i > 0 {
			e = append(e, ',')
		}
		e = strconv.AppendInt(append(appendJSONString(e, id), ':'), int64(b.Unfilled[id]), 10)
	}
	e = append(e, `},"orders":[`...)
	for i, o := range b.Orders {
		if i > 0 {
			e = append(e, ',')
		}
		e = appendJSONString(append(e, `{"order_id":`...), o.OrderID)
		e = strconv.AppendInt(append(e, `,"booked":`...), int64(o.Booked), 10)
		e = strconv.AppendInt(append(e, `,"unfilled":`...), int64(o.Unfilled), 10)
		if o.Reason != "" {
			e = appendJSONString(append(e, `,"reason":`...), string(o.Reason))
		}
		e = append(e, '}')
	}
	e = append(e, `],"skipped":[`...)
	for i, k := range b.Skipped {
		if i > 0 {
			e = append(e, ',')
		}
		e = appendJSONString(append(e, `{"producer_id":`...), k.ProducerID)
		e = appendJSONString(append(e, `,"reason":`...), string(k.Reason))
		e = append(e, '}')
	}
	e = strconv.AppendInt(append(e, `],"version":`...), b.Version, 10)
	if e, err = appendJSONTime(append(e, `,"created":`...), b.Created); err != nil {
		return nil, err
	}
	if e, err = appendJSONTime(append(e, `,"updated":`...), b.Updated); err != nil {
		return nil, err
	}
	return append(e, '}'), nil
}

// appendJSON appends the line's JSON, as MarshalJSON writes it.
func (l *BookingLine) appendJSON(e []byte) []byte {
	e = appendJSONString(append(e, `{"order_id":`...), l.OrderID)
	e = appendJSONString(append(e, `,"producer_id":`...), l.ProducerID)
	e = appendJSONString(append(e, `,"technique":`...), string(l.Technique))
	e = append(l.Week.AppendText(append(e, `,"week":"`...)), '"')
	e = strconv.AppendInt(append(e, `,"quantity":`...), int64(l.Quantity), 10)
	e = strconv.AppendInt(append(e, `,"delivered":`...), int64(l.Delivered), 10)
	e = appendJSONString(append(e, `,"unit_cost":`...), l.UnitCost.String())
	return append(e, '}')
}

// UnmarshalJSON decodes a booking strictly (see the package doc, JSON)
// and checks what a stored booking always satisfies: a version of at
// least 1, a held booking with a hold time, lines with 1 or more pieces
// and no more delivered than booked, unfilled counts of 0 or more, and
// orders with 0 or more pieces booked and unfilled.
func (b *Booking) UnmarshalJSON(data []byte) error {
	var v bookingJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	lines := make([]BookingLine, len(v.Lines))
	for i := range v.Lines {
		lines[i] = v.Lines[i].line()
	}
	c := Change{Now: v.Created, Booking: Booking{Key: v.Key, State: v.State, HoldUntil: v.HoldUntil, Request: v.Request,
		Lines: lines, Unfilled: v.Unfilled, Orders: v.Orders, Skipped: v.Skipped, Version: v.Version, Created: v.Created, Updated: v.Updated}}
	if v.Version < 1 {
		return invalid("version", strconv.FormatInt(v.Version, 10), cRange, "1", "9223372036854775807")
	}
	if c.Now.IsZero() {
		return invalid("created", `""`, cEmpty)
	}
	if err := c.Validate(); err != nil {
		return err
	}
	for i, o := range v.Orders {
		field := func(f string) string { return "orders[" + strconv.Itoa(i) + "]." + f }
		switch {
		case o.Booked < 0:
			return invalid(field("booked"), strconv.Itoa(o.Booked), cNonNegative)
		case o.Unfilled < 0:
			return invalid(field("unfilled"), strconv.Itoa(o.Unfilled), cNonNegative)
		}
	}
	*b = c.Booking
	return nil
}
