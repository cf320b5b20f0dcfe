package pgstore

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/batikkit/batikkit/capacity"
)

// maxText is the longest key, order ID or producer ID the store takes, in
// bytes, as capacity.Store's rules say (a unique index holds at most
// about 2,700 bytes a row).
const maxText = 256

// checkText refuses a key or ID a text column cannot hold or the store's
// rules do not take: empty, over maxText bytes, not UTF-8 (the database's
// encoding), or with a NUL byte (which text cannot hold).
func checkText(what, s string) error {
	switch {
	case s == "":
		return fmt.Errorf("empty %s: %w", what, capacity.ErrInvalid)
	case len(s) > maxText:
		return fmt.Errorf("%s %s is over %d bytes: %w", what, quote(s), maxText, capacity.ErrInvalid)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s %s is not valid UTF-8: %w", what, quote(s), capacity.ErrInvalid)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("%s %s holds a NUL byte: %w", what, quote(s), capacity.ErrInvalid)
	}
	return nil
}

// checkTime refuses a time outside the years 1 to 9999, which timestamptz
// would refuse or the ledger never gives (its weeks end in 9999).
func checkTime(what string, t time.Time) error {
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s %s is outside the years 1 to 9999: %w", what, t.Format(time.RFC3339Nano), capacity.ErrInvalid)
	}
	return nil
}

// checkChange refuses what the tables cannot hold, before any round trip.
// c.Deltas are sorted.
func checkChange(c capacity.Change) error {
	b := c.Booking
	if err := checkText("booking key", b.Key); err != nil {
		return fmt.Errorf("pgstore: commit: %w", err)
	}
	key := quote(b.Key)
	switch {
	case c.Expect < 0:
		return fmt.Errorf("pgstore: commit %s: expect = %d: %w", key, c.Expect, capacity.ErrInvalid)
	case c.Expect == math.MaxInt64:
		return fmt.Errorf("pgstore: commit %s: expect = %d: %w", key, c.Expect, capacity.ErrOverflow)
	case b.State < capacity.Held || b.State > capacity.Expired:
		return fmt.Errorf("pgstore: commit %s: state = %d: %w", key, b.State, capacity.ErrInvalid)
	case b.State == capacity.Held && b.HoldUntil.IsZero():
		return fmt.Errorf("pgstore: commit %s: a held booking needs hold_until: %w", key, capacity.ErrInvalid)
	case c.Now.IsZero():
		return fmt.Errorf("pgstore: commit %s: zero now: %w", key, capacity.ErrInvalid)
	}
	for _, t := range []struct {
		what string
		t    time.Time
	}{{"now", c.Now}, {"created", b.Created}, {"updated", b.Updated}, {"hold_until", b.HoldUntil}} {
		if !t.t.IsZero() || t.what == "now" {
			if err := checkTime(t.what, t.t); err != nil {
				return fmt.Errorf("pgstore: commit %s: %w", key, err)
			}
		}
	}
	for id, n := range b.Unfilled {
		if err := checkText("unfilled order ID", id); err != nil {
			return fmt.Errorf("pgstore: commit %s: %w", key, err)
		}
		if n < 0 {
			return fmt.Errorf("pgstore: commit %s: unfilled[%s] = %d: %w", key, quote(id), n, capacity.ErrInvalid)
		}
	}
	for i, d := range c.Deltas {
		if err := checkSlot(d.Slot); err != nil {
			return fmt.Errorf("pgstore: commit %s: deltas[%d]: %w", key, i, err)
		}
		if d.Capacity < 0 || d.Capacity > math.MaxInt32 {
			return fmt.Errorf("pgstore: commit %s: deltas[%d].capacity = %d: must be in [0, 2147483647]: %w", key, i, d.Capacity, capacity.ErrInvalid)
		}
		for _, v := range []int{d.Held, d.Confirmed, d.Delivered} {
			if v < -math.MaxInt32 || v > math.MaxInt32 {
				return fmt.Errorf("pgstore: commit %s: deltas[%d] changes a sum by %d: %w", key, i, v, capacity.ErrOverflow)
			}
		}
		if d.Held > 0 && b.State != capacity.Held {
			return fmt.Errorf("pgstore: commit %s: deltas[%d].held = %d: a booking in state %s cannot hold pieces: %w", key, i, d.Held, b.State, capacity.ErrInvalid)
		}
		if i > 0 && c.Deltas[i-1].Slot.Compare(d.Slot) == 0 {
			return fmt.Errorf("pgstore: commit %s: deltas[%d]: slot %s twice: %w", key, i, quote(d.Slot.String()), capacity.ErrInvalid)
		}
	}
	for i, l := range b.Lines {
		if err := checkText("order ID", l.OrderID); err != nil {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: %w", key, i, err)
		}
		if err := checkSlot(l.Slot); err != nil {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: %w", key, i, err)
		}
		if l.Quantity <= 0 || l.Quantity > math.MaxInt32 || l.Delivered < 0 || l.Delivered > l.Quantity || l.UnitCost.IsNegative() {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: quantity %d, delivered %d, unit cost %s: %w", key, i, l.Quantity, l.Delivered, quote(l.UnitCost.String()), capacity.ErrInvalid)
		}
		// numeric's limits: 16383 digits after the point, 131072 before.
		if e := l.UnitCost.Exponent(); e < -16383 || int64(l.UnitCost.NumDigits())+int64(e) > 131072 {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: unit cost %s is beyond PostgreSQL's numeric: %w", key, i, quote(l.UnitCost.String()), capacity.ErrInvalid)
		}
	}
	lines := slices.Clone(b.Lines)
	slices.SortFunc(lines, compareLines)
	for i := 1; i < len(lines); i++ {
		if compareLines(lines[i-1], lines[i]) == 0 {
			return fmt.Errorf("pgstore: commit %s: order %s in slot %s twice: %w", key, quote(lines[i].OrderID), quote(lines[i].Slot.String()), capacity.ErrInvalid)
		}
	}
	return nil
}

// compareLines orders lines by order ID, then slot.
func compareLines(a, b capacity.BookingLine) int {
	if c := strings.Compare(a.OrderID, b.OrderID); c != 0 {
		return c
	}
	return a.Slot.Compare(b.Slot)
}

func checkSlot(s capacity.Slot) error {
	if err := checkText("producer ID", s.ProducerID); err != nil {
		return err
	}
	switch {
	case !s.Technique.Valid():
		return fmt.Errorf("slot %s: unknown technique %s: %w", quote(s.String()), quote(string(s.Technique)), capacity.ErrInvalid)
	case s.Week.IsZero():
		return fmt.Errorf("slot %s: zero week: %w", quote(s.String()), capacity.ErrInvalid)
	}
	return nil
}
