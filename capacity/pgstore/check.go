package pgstore

import (
	"fmt"
	"math"

	"github.com/batikkit/batikkit/capacity"
)

// checkChange refuses what the tables cannot hold, before any round trip.
// c.Deltas are sorted.
func checkChange(c capacity.Change) error {
	b := c.Booking
	key := quote(b.Key)
	switch {
	case b.Key == "":
		return fmt.Errorf("pgstore: commit: empty booking key: %w", capacity.ErrInvalid)
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
			return fmt.Errorf("pgstore: commit %s: deltas[%d]: slot %s twice: %w", key, i, d.Slot, capacity.ErrInvalid)
		}
	}
	for i, l := range b.Lines {
		if l.OrderID == "" {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: empty order ID: %w", key, i, capacity.ErrInvalid)
		}
		if err := checkSlot(l.Slot); err != nil {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: %w", key, i, err)
		}
		if l.Quantity <= 0 || l.Quantity > math.MaxInt32 || l.Delivered < 0 || l.Delivered > l.Quantity || l.UnitCost.IsNegative() {
			return fmt.Errorf("pgstore: commit %s: lines[%d]: quantity %d, delivered %d, unit cost %s: %w", key, i, l.Quantity, l.Delivered, l.UnitCost, capacity.ErrInvalid)
		}
	}
	return nil
}

func checkSlot(s capacity.Slot) error {
	switch {
	case s.ProducerID == "":
		return fmt.Errorf("empty producer ID: %w", capacity.ErrInvalid)
	case s.Technique == "":
		return fmt.Errorf("slot %s: empty technique: %w", s, capacity.ErrInvalid)
	case s.Week.IsZero():
		return fmt.Errorf("slot %s: zero week: %w", s, capacity.ErrInvalid)
	}
	return nil
}
