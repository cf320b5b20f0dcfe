package capacity

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// SlotStatus is one slot's capacity and what is taken of it: held
// (unexpired holds), confirmed and delivered pieces, and what is free.
type SlotStatus struct {
	Slot          // producer_id, technique, week
	Capacity  int `json:"capacity"`
	Held      int `json:"held"`
	Confirmed int `json:"confirmed"`
	Delivered int `json:"delivered"`
	Free      int `json:"free"` // Capacity - Held - Confirmed, at least 0
}

// Slots returns the status at now of every slot of q: for each of the
// producers (only those q.ProducerIDs lists, when it lists any), each of
// its capabilities (only q.Technique, when set) and each week from q.From
// to q.To (of those, only the slots q.Slots lists, when it lists any: a
// listed slot of a producer not given or of a technique it lacks has no
// status), in slot order. Capacity is the calendar entry or else PerWeek,
// as Book uses. Errors: *InputError wrapping ErrInvalid for a zero or
// reversed week range, one longer than MaxWeeks, a producer Allocate
// refuses or whose ID no store can keep (see Book), or an unknown
// technique; ErrContention when the calendar kept changing while it was
// read; the store's errors. O(producers x capabilities x weeks); safe
// for concurrent use.
func (l *Ledger) Slots(ctx context.Context, q SlotQuery, producers []batik.Producer, now time.Time) ([]SlotStatus, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	weeks := q.To.Sub(q.From) + 1
	if weeks > MaxWeeks {
		return nil, invalid("query.to", q.To.String(), cQuerySpan, strconv.Itoa(MaxWeeks-1), q.From.String())
	}
	if err := checkRange(q.From, weeks, producers); err != nil {
		return nil, err
	}
	var sel []batik.Producer
	for _, p := range producers {
		if len(q.ProducerIDs) == 0 || slices.Contains(q.ProducerIDs, p.ID) {
			sel = append(sel, p)
		}
	}
	slices.SortFunc(sel, func(a, b batik.Producer) int { return cmp.Compare(a.ID, b.ID) })
	s, err := l.snapshot(ctx, sel, q.Technique, q.From, weeks, now, true)
	if err != nil {
		return nil, err
	}
	var only map[Slot]bool
	if len(q.Slots) > 0 {
		only = make(map[Slot]bool, len(q.Slots))
		for _, sl := range q.Slots {
			only[sl] = true
		}
	}
	out := []SlotStatus{}
	for _, p := range sel {
		caps := slices.Clone(p.Capabilities)
		slices.SortFunc(caps, func(a, b batik.Capability) int { return cmp.Compare(a.Technique, b.Technique) })
		for _, c := range caps {
			if q.Technique != "" && c.Technique != q.Technique {
				continue
			}
			for k := range weeks {
				w := q.From.Add(k)
				if only != nil && !only[Slot{p.ID, c.Technique, w}] {
					continue
				}
				i := s.at(p.ID, c.Technique, w)
				out = append(out, SlotStatus{Slot: Slot{p.ID, c.Technique, w}, Capacity: int(s.capac[i]), Held: int(s.held[i]),
					Confirmed: int(s.confirmed[i]), Delivered: int(s.delivered[i]), Free: int(s.free[i])})
			}
		}
	}
	return out, nil
}
