package capacity

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/internal/textrule"
	"github.com/batikkit/batikkit/pricing"
	"github.com/shopspring/decimal"
)

// The rules a Store holds its input to. Every store calls these, so the
// memory store and PostgreSQL refuse the same input with the same error;
// a store adds only what its own types cannot hold.

// maxText is the longest key, order ID or producer ID a store takes, in
// bytes (a batik ID has at most 64).
const maxText = 256

// Validate checks c against the rules every Store holds a change to,
// before anything is written, and returns an *InputError wrapping
// ErrInvalid (ErrOverflow for a delta too large) naming the first field
// that breaks one:
//
//   - the booking's key, its lines' order and producer IDs and the IDs of
//     Unfilled are 1 to 256 bytes of UTF-8 without a NUL byte;
//   - Expect is >= 0 and below the largest int64; Now is set; Now, Created,
//     Updated and a set HoldUntil are in the years 1 to 9999, in UTC;
//   - the state is known, and a Held booking has a HoldUntil;
//   - a line books 1 to 2147483647 pieces, has delivered 0 to that many,
//     costs 0 to Rp100.000.000 with at most 2 decimals, has a known
//     technique and a week, and is the only line of its order in its slot;
//     Unfilled counts are >= 0;
//   - a delta's slot is valid and given once, its Capacity is in [0,
//     2147483647], it changes no sum by more than 2147483647 pieces, and
//     it holds pieces only for a Held booking;
//   - the actor is at most 256 bytes of text without control characters;
//     a delivery call has a key Book would take and deliveries of 1 or
//     more pieces in valid slots.
//
// The Ledger's changes always pass. O(lines + deltas) when lines and
// deltas are sorted (as the Ledger makes them), O(n log n) otherwise; it
// allocates only on error or to sort a copy of unsorted lines.
func (c *Change) Validate() error {
	b := &c.Booking
	if err := checkText("booking.key", b.Key); err != nil {
		return err
	}
	switch {
	case c.Expect < 0:
		return invalid("expect", strconv.FormatInt(c.Expect, 10), cNonNegative)
	case c.Expect == math.MaxInt64:
		return overflow("expect", strconv.FormatInt(c.Expect, 10), cAtMost, strconv.FormatInt(math.MaxInt64-1, 10))
	case c.Now.IsZero():
		return invalid("now", `""`, cEmpty)
	case b.State < Held || b.State > Expired:
		return invalid("booking.state", strconv.Itoa(int(b.State)), cState)
	case b.State == Held && b.HoldUntil.IsZero():
		return invalid("booking.hold_until", `""`, cHoldUntilNeeded)
	}
	for _, t := range [...]struct {
		field string
		t     time.Time
	}{{"now", c.Now}, {"booking.created", b.Created}, {"booking.updated", b.Updated}, {"booking.hold_until", b.HoldUntil}} {
		if !t.t.IsZero() {
			if err := checkYear(t.field, t.t); err != nil {
				return err
			}
		}
	}
	if err := c.checkDeltas(); err != nil {
		return err
	}
	if err := c.checkLog(); err != nil {
		return err
	}
	if err := checkLines(b.Lines); err != nil {
		return err
	}
	for id, n := range b.Unfilled {
		if err := checkText("booking.unfilled", id); err != nil {
			return err
		}
		if n < 0 {
			return invalid("booking.unfilled["+quote(id)+"]", strconv.Itoa(n), cNonNegative)
		}
	}
	return nil
}

// ValidateActor returns nil for an actor every store records: none (""),
// or at most 256 bytes of UTF-8 text without control characters.
// Otherwise it returns an *InputError naming the field "actor", wrapping
// ErrInvalid. The actor of WithActor, of a Change and of Store.Sweep is
// held to it.
func ValidateActor(actor string) error {
	switch {
	case len(actor) > maxActor:
		return invalid("actor", quote(actor), cTooLong, strconv.Itoa(maxActor))
	case !textrule.Plain(actor):
		return invalid("actor", quote(actor), cPlainText)
	}
	return nil
}

// Check returns why d cannot apply to a slot that now holds held,
// confirmed and delivered pieces of capacity (the capacity that applies,
// after a calendar entry; unexpired holds only): a SumsError when a sum
// would fall below zero or delivered pass confirmed, a NoRoomError when d
// grows held + confirmed past capacity; nil when it fits. Every store
// decides a Change's slots by it, before applying any.
func (d SlotDelta) Check(held, confirmed, delivered, capacity int64) error {
	h, c, dv := held+int64(d.Held), confirmed+int64(d.Confirmed), delivered+int64(d.Delivered)
	if h < 0 || c < 0 || dv < 0 || dv > c {
		return SumsError(d.Slot, int(h), int(c), int(dv))
	}
	if grow := d.Held + d.Confirmed; grow > 0 && h+c > capacity {
		return NoRoomError(d.Slot, int(held+confirmed), grow, int(capacity))
	}
	return nil
}

// checkLog checks what goes into the booking's history and calls: the
// actor (at most 256 bytes of text without control characters), the
// operation (an Operation's text, or none), and the delivery call's key
// (as a booking key) and deliveries (a known slot, an order ID a store
// can keep, 1 or more pieces).
func (c *Change) checkLog() error {
	if err := ValidateActor(c.Actor); err != nil {
		return err
	}
	switch {
	case len(c.Op) > 16 || !textrule.Plain(string(c.Op)):
		return invalid("op", quote(string(c.Op)), cPlainText)
	case c.Call == nil:
		return nil
	}
	if err := checkKey("call.key", c.Call.Key); err != nil {
		return err
	}
	if len(c.Call.Request) > maxText || !textrule.Plain(c.Call.Request) {
		return invalid("call.request", quote(c.Call.Request), cPlainText)
	}
	for i, d := range c.Call.Deliveries {
		field := func() string { return "call.deliveries[" + strconv.Itoa(i) + "]" }
		if err := checkSlot(field, d.Slot); err != nil {
			return err
		}
		switch {
		case !storable(d.OrderID):
			return checkText(field()+".order_id", d.OrderID)
		case d.Quantity < 1 || d.Quantity > math.MaxInt32:
			return invalid(field()+".quantity", strconv.Itoa(d.Quantity), cRange, "1", "2147483647")
		}
	}
	return nil
}

// checkDeltas checks the deltas' slots, capacities and sizes, and that no
// slot is given twice.
func (c *Change) checkDeltas() error {
	sorted := true
	for i := range c.Deltas {
		d := &c.Deltas[i]
		field := func() string { return "deltas[" + strconv.Itoa(i) + "]" }
		if err := checkSlot(field, d.Slot); err != nil {
			return err
		}
		if d.Capacity < 0 || d.Capacity > math.MaxInt32 {
			return invalid(field()+".capacity", strconv.Itoa(d.Capacity), cRange, "0", "2147483647")
		}
		for _, v := range [...]int{d.Held, d.Confirmed, d.Delivered} {
			if v < -math.MaxInt32 || v > math.MaxInt32 {
				return overflow(field(), strconv.Itoa(v), cDeltaOverflow)
			}
		}
		if d.Held > 0 && c.Booking.State != Held {
			return invalid(field()+".held", strconv.Itoa(d.Held), cHoldWrongState, c.Booking.State.String())
		}
		if i > 0 {
			switch cmp := c.Deltas[i-1].Slot.Compare(d.Slot); {
			case cmp == 0:
				return invalid(field(), quote(d.Slot.String()), cDeltaTwice)
			case cmp > 0:
				sorted = false
			}
		}
	}
	if !sorted {
		slots := make([]Slot, len(c.Deltas))
		for i := range c.Deltas {
			slots[i] = c.Deltas[i].Slot
		}
		slices.SortFunc(slots, Slot.Compare)
		for i := 1; i < len(slots); i++ {
			if slots[i-1] == slots[i] {
				return invalid("deltas", quote(slots[i].String()), cDeltaTwice)
			}
		}
	}
	return nil
}

// checkLines checks each line's fields and that no order has two lines in
// one slot.
func checkLines(lines []BookingLine) error {
	sorted := true
	for i := range lines {
		if err := checkLine(lines, i); err != nil {
			return err
		}
		if i > 0 {
			switch c := cmpLines(&lines[i-1], &lines[i]); {
			case c == 0:
				return twice(&lines[i])
			case c > 0:
				sorted = false
			}
		}
	}
	if !sorted {
		lines = slices.Clone(lines)
		slices.SortFunc(lines, compareLines)
		for i := 1; i < len(lines); i++ {
			if compareLines(lines[i-1], lines[i]) == 0 {
				return twice(&lines[i])
			}
		}
	}
	return nil
}

func twice(l *BookingLine) error {
	return invalid("booking.lines", quote(l.OrderID)+" in "+quote(l.Slot.String()), cSlotTwice)
}

// checkLine checks lines[i]'s fields. It allocates only on error, and
// checks an ID the line before had (lines come in runs of one order and
// producer) only once.
func checkLine(lines []BookingLine, i int) error {
	l := &lines[i]
	var prev *BookingLine
	if i > 0 {
		prev = &lines[i-1]
	}
	field := func() string { return "booking.lines[" + strconv.Itoa(i) + "]" }
	switch {
	case (prev == nil || l.OrderID != prev.OrderID) && !storable(l.OrderID):
		return checkText(field()+".order_id", l.OrderID)
	case (prev == nil || l.ProducerID != prev.ProducerID) && !storable(l.ProducerID):
		return checkSlot(field, l.Slot)
	case !l.Technique.Valid() || l.Week.IsZero():
		return checkSlot(field, l.Slot)
	case l.Quantity <= 0 || l.Quantity > math.MaxInt32:
		return invalid(field()+".quantity", strconv.Itoa(l.Quantity), cRange, "1", "2147483647")
	case l.Delivered < 0 || l.Delivered > l.Quantity:
		return invalid(field()+".delivered", strconv.Itoa(l.Delivered), cDeliveredRange, strconv.Itoa(l.Quantity))
	case !unitCostOK(l.UnitCost):
		return invalid(field()+".unit_cost", decText(l.UnitCost), cUnitCost)
	}
	return nil
}

// unitCostOK reports whether a unit cost is in [0, batik.MaxUnitCost]
// with at most 2 decimals. pricing.Cents bounds the exponent before any
// arithmetic, so a decimal built in code with a huge exponent costs no
// more than a small one.
func unitCostOK(d decimal.Decimal) bool {
	cents, ok := pricing.Cents(d)
	return ok && cents >= 0 && cents <= batik.MaxUnitCost*100
}

// Validate checks a calendar entry as every Store does before recording
// it: a producer ID a store can keep (see Change.Validate), an empty or
// known technique, a week, and a capacity in [0, 2147483647]. It returns
// an *InputError wrapping ErrInvalid. O(len(ProducerID)).
func (e CalendarEntry) Validate() error {
	switch {
	case !storable(e.ProducerID):
		return checkText("calendar.producer_id", e.ProducerID)
	case e.Technique != "" && !e.Technique.Valid():
		return invalid("calendar.technique", quote(string(e.Technique)), cTechnique)
	case e.Week.IsZero():
		return invalid("calendar.week", `""`, cWeekNeeded)
	case e.Capacity < 0 || e.Capacity > math.MaxInt32:
		return invalid("calendar.capacity", strconv.Itoa(e.Capacity), cRange, "0", "2147483647")
	}
	return nil
}

// Validate checks a query as every Store's readers do: From and To set,
// To not before From, an empty or known technique, and Slots: at most
// MaxProducerWeeks, each a slot (as a delta's) inside the producers,
// technique and weeks of the query, each listed once. It returns an
// *InputError wrapping ErrInvalid. O(len(Slots) log len(Slots) +
// len(ProducerIDs)); with Slots, it allocates a set of the producers
// and, when the slots are not sorted, their order.
func (q SlotQuery) Validate() error {
	switch {
	case q.From.IsZero():
		return invalid("query.from", `""`, cWeekNeeded)
	case q.To.IsZero():
		return invalid("query.to", `""`, cWeekNeeded)
	case q.To.Before(q.From):
		return invalid("query.to", q.To.String(), cQueryReversed, q.From.String())
	case q.Technique != "" && !q.Technique.Valid():
		return invalid("query.technique", quote(string(q.Technique)), cTechnique)
	case len(q.Slots) == 0:
		return nil
	case len(q.Slots) > MaxProducerWeeks:
		return invalid("query.slots", strconv.Itoa(len(q.Slots)), cTooManySlots, strconv.Itoa(len(q.Slots)), strconv.Itoa(MaxProducerWeeks))
	}
	var ids map[string]bool
	if len(q.ProducerIDs) > 0 {
		ids = make(map[string]bool, len(q.ProducerIDs))
		for _, id := range q.ProducerIDs {
			ids[id] = true
		}
	}
	sorted := true
	for i, s := range q.Slots {
		field := func() string { return "query.slots[" + strconv.Itoa(i) + "]" }
		if err := checkSlot(field, s); err != nil {
			return err
		}
		switch {
		case ids != nil && !ids[s.ProducerID]:
			return invalid(field(), quote(s.String()), cListedProducer, quote(s.ProducerID))
		case q.Technique != "" && s.Technique != q.Technique:
			return invalid(field(), quote(s.String()), cListedTechnique, string(s.Technique), string(q.Technique))
		case s.Week.Before(q.From) || q.To.Before(s.Week):
			return invalid(field(), quote(s.String()), cListedWeek, s.Week.String(), q.From.String(), q.To.String())
		case i == 0:
			continue
		}
		switch c := q.Slots[i-1].Compare(s); {
		case c == 0:
			return invalid(field(), quote(s.String()), cListedTwice, strconv.Itoa(i-1))
		case c > 0:
			sorted = false
		}
	}
	if !sorted {
		// The positions in slot order, then list order: a slot listed
		// twice is two neighbours, named by their positions.
		at := make([]int, len(q.Slots))
		for i := range at {
			at[i] = i
		}
		slices.SortFunc(at, func(a, b int) int { return cmp.Or(q.Slots[a].Compare(q.Slots[b]), cmp.Compare(a, b)) })
		for k := 1; k < len(at); k++ {
			if i, j := at[k-1], at[k]; q.Slots[i] == q.Slots[j] {
				return invalid("query.slots["+strconv.Itoa(j)+"]", quote(q.Slots[j].String()), cListedTwice, strconv.Itoa(i))
			}
		}
	}
	return nil
}

// checkText checks a key or ID: not empty, at most maxText bytes, valid
// UTF-8 without a NUL byte (what a text column holds).
func checkText(field, s string) error {
	switch {
	case s == "":
		return invalid(field, `""`, cEmpty)
	case len(s) > maxText:
		return invalid(field, quote(s), cTooLong, strconv.Itoa(maxText))
	}
	for i := 0; i < len(s); i++ { // IDs are ASCII, as batik's: one pass
		if c := s[i]; c == 0 || c >= utf8.RuneSelf {
			switch {
			case !utf8.ValidString(s):
				return invalid(field, quote(s), cNotUTF8)
			case strings.IndexByte(s, 0) >= 0:
				return invalid(field, quote(s), cNUL)
			}
			return nil
		}
	}
	return nil
}

// storable reports whether a store can keep s as a key or ID (checkText
// takes it): lookups of any other key find nothing. It does not allocate.
func storable(s string) bool {
	if s == "" || len(s) > maxText {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0 || c >= utf8.RuneSelf {
			return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
		}
	}
	return true
}

// checkYear refuses a time outside the years 1 to 9999 in UTC, the weeks'
// range (and PostgreSQL's timestamptz holds no later year than 294276).
func checkYear(field string, t time.Time) error {
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return invalid(field, t.Format(time.RFC3339Nano), cYears)
	}
	return nil
}

// checkSlot checks a slot's fields: a producer ID checkText takes, a known
// technique and a week. field names the slot (made only on error).
func checkSlot(field func() string, s Slot) error {
	switch {
	case !storable(s.ProducerID):
		return checkText(field()+".producer_id", s.ProducerID)
	case !s.Technique.Valid():
		return invalid(field()+".technique", quote(string(s.Technique)), cTechnique)
	case s.Week.IsZero():
		return invalid(field()+".week", `""`, cWeekNeeded)
	}
	return nil
}

// compareLines orders lines by order ID, then slot: Booking.Lines' order.
func compareLines(a, b BookingLine) int { return cmpLines(&a, &b) }

func cmpLines(a, b *BookingLine) int {
	if c := strings.Compare(a.OrderID, b.OrderID); c != 0 {
		return c
	}
	return a.Slot.Compare(b.Slot)
}
