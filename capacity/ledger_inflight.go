package capacity

import (
	"slices"
	"sync"
)

// inflight is what a Ledger's own bookings take while their Commit runs:
// per booking being committed, its slot deltas. Book counts those pieces
// as taken when it plans, so that bookings made at once through one Ledger
// (the requests of one service process in a flash sale) lay their pieces
// around each other. Without it they all plan on the same free weeks, the
// store's room check lets one of them through, and the others re-read and
// re-plan, one booking per round trip to the store.
//
// The pieces are a hint to the plan, never a promise: the store still
// checks every slot's room, and Book falls back to planning on what the
// store showed when the hint would leave an order short (planAround).
type inflight struct {
	mu    sync.Mutex
	next  uint64
	plans map[uint64][]SlotDelta
}

// add records a copy of deltas (the Store may reorder its own) as being
// committed and returns their handle for done.
func (f *inflight) add(deltas []SlotDelta) uint64 {
	deltas = slices.Clone(deltas)
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.plans == nil {
		f.plans = map[uint64][]SlotDelta{}
	}
	f.next++
	f.plans[f.next] = deltas
	return f.next
}

// done forgets the deltas of handle id: their Commit returned.
func (f *inflight) done(id uint64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.plans, id)
}

// take lowers the free capacity of s by the pieces of the bookings being
// committed, and returns s's free capacity as it was, or nil when nothing
// was lowered. A booking that committed after s was read is counted twice
// until its Commit returns: the plan then leaves some room unused, which
// is safe, and the fallback keeps it from costing an order its pieces.
func (f *inflight) take(s *snapshot) []int32 {
	f.mu.Lock()
	plans := make([][]SlotDelta, 0, len(f.plans)) // never changed once added: read without the lock
	for _, ds := range f.plans {
		plans = append(plans, ds)
	}
	f.mu.Unlock()
	var was []int32
	for _, ds := range plans {
		for _, d := range ds {
			n := d.Held + d.Confirmed
			if n <= 0 {
				continue
			}
			i := s.at(d.ProducerID, d.Technique, d.Week)
			if i < 0 || s.free[i] == 0 {
				continue
			}
			if was == nil {
				was = slices.Clone(s.free)
			}
			s.free[i] = int32(max(int(s.free[i])-n, 0))
		}
	}
	return was
}
