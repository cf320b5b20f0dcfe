package capacity

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/batikkit/batikkit/batik"
)

// The rules Store.Commit holds a change's input to, as the memory store
// checks them (capacity/pgstore checks the same): what the Ledger's own
// changes always satisfy, and a direct caller of Commit might not.

// maxText is the longest key, order ID or producer ID a store takes, in
// bytes (a batik ID has at most 64).
const maxText = maxKey

// checkText checks a key or ID: not empty, at most maxText bytes, valid
// UTF-8 without a NUL byte (what a text column holds).
func checkText(field, s string) error {
	if why := textProblem(s); why != "" {
		return invalid(field, quote(s), why) // quote("") is `""`
	}
	return nil
}

// tooLong is textProblem's reason for a key or ID over maxText bytes.
var tooLong = "must be at most " + strconv.Itoa(maxText) + " bytes"

// textProblem returns why no store can keep s as a key or ID, or "" when
// one can. It does not allocate.
func textProblem(s string) string {
	switch {
	case s == "":
		return "must not be empty"
	case len(s) > maxText:
		return tooLong
	}
	for i := 0; i < len(s); i++ { // IDs are ASCII, as batik's: one pass
		if c := s[i]; c == 0 || c >= utf8.RuneSelf {
			return nonASCIIProblem(s)
		}
	}
	return ""
}

// nonASCIIProblem is textProblem for a string with a NUL or a non-ASCII
// byte.
func nonASCIIProblem(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "must be valid UTF-8"
	case strings.IndexByte(s, 0) >= 0:
		return "must not contain a NUL byte"
	}
	return ""
}

// storable reports whether a store can keep key (checkText takes it):
// lookups of any other key find nothing.
func storable(key string) bool { return textProblem(key) == "" }

// checkProducerID refuses, for the ledger, producer i's ID when no store
// could keep it (checkProducer, Allocate's check, takes any non-empty ID).
func checkProducerID(p *batik.Producer, i int) error {
	if storable(p.ID) {
		return nil
	}
	return checkText("producers["+strconv.Itoa(i)+"].id", p.ID)
}

// checkYear refuses a time outside the years 1 to 9999, the weeks' range
// (and PostgreSQL's timestamptz holds no later year than 294276).
func checkYear(field string, t time.Time) error {
	if y := t.Year(); y < 1 || y > 9999 {
		return invalid(field, t.Format(time.RFC3339Nano), "must be in the years 1 to 9999")
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
		return invalid(field()+".technique", quote(string(s.Technique)), "unknown technique")
	case s.Week.IsZero():
		return invalid(field()+".week", `""`, "must be a week such as 2026-W50")
	}
	return nil
}

// checkChangeInput checks the change's booking (key, state, lines,
// unfilled orders) and its deltas' slots and sizes; commit checks the
// deltas' order and capacities.
func checkChangeInput(c *Change) error {
	b := &c.Booking
	if err := checkText("booking.key", b.Key); err != nil {
		return err
	}
	switch {
	case b.State < Held || b.State > Expired:
		return invalid("booking.state", strconv.Itoa(int(b.State)), "unknown booking state")
	case b.State == Held && b.HoldUntil.IsZero():
		return invalid("booking.hold_until", `""`, "must not be empty: a held booking expires then")
	}
	for i := range c.Deltas {
		d := &c.Deltas[i]
		field := func() string { return "deltas[" + strconv.Itoa(i) + "]" }
		if err := checkSlot(field, d.Slot); err != nil {
			return err
		}
		for _, v := range [...]int{d.Held, d.Confirmed, d.Delivered} {
			if v < -math.MaxInt32 || v > math.MaxInt32 {
				return overflow(field(), strconv.Itoa(v), "changes a slot by more than 2147483647 pieces")
			}
		}
	}
	sorted := true // and no order's slot twice in a row
	for i := range b.Lines {
		if err := checkLine(b.Lines, i); err != nil {
			return err
		}
		if i > 0 {
			switch c := cmpLines(&b.Lines[i-1], &b.Lines[i]); {
			case c == 0:
				return twice(&b.Lines[i])
			case c > 0:
				sorted = false
			}
		}
	}
	if !sorted {
		lines := slices.Clone(b.Lines)
		slices.SortFunc(lines, compareLines)
		for i := 1; i < len(lines); i++ {
			if compareLines(lines[i-1], lines[i]) == 0 {
				return twice(&lines[i])
			}
		}
	}
	for id, n := range c.Booking.Unfilled {
		if !storable(id) {
			return checkText("booking.unfilled", id)
		}
		if n < 0 {
			return invalid("booking.unfilled["+quote(id)+"]", strconv.Itoa(n), "must be >= 0")
		}
	}
	return nil
}

func twice(l *BookingLine) error {
	return invalid("booking.lines", quote(l.OrderID)+" in "+quote(l.Slot.String()), "lists an order's slot twice")
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
		return invalid(field()+".quantity", strconv.Itoa(l.Quantity), "must be in [1, 2147483647]")
	case l.Delivered < 0 || l.Delivered > l.Quantity:
		return invalid(field()+".delivered", strconv.Itoa(l.Delivered), "must be in [0, quantity "+strconv.Itoa(l.Quantity)+"]")
	case l.UnitCost.IsNegative():
		return invalid(field()+".unit_cost", quote(l.UnitCost.String()), "must be >= 0")
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
