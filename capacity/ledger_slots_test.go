package capacity_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSlotsOfOneTechnique: Slots with a technique lists only that
// technique's slots, each capability's own capacity.
func TestSlotsOfOneTechnique(t *testing.T) {
	l := fresh()
	ps := ws(10, 10)
	ps[0].Capabilities = append(ps[0].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 3, UnitCost: decimal.NewFromInt(400000)})
	st, err := l.Slots(ctx, capacity.SlotQuery{Technique: batik.Tulis, From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	require.Len(t, st, 1)
	assert.Equal(t, capacity.SlotStatus{Slot: capacity.Slot{ProducerID: "A", Technique: batik.Tulis, Week: w49}, Capacity: 3, Free: 3}, st[0])
	st, err = l.Slots(ctx, capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49.Add(1)}, ps, t0)
	require.NoError(t, err)
	require.Len(t, st, 4, "A's cap and tulis slots, two weeks")
}

// TestSlotsOfAList: with Slots, only the slots listed (in slot order,
// whatever the list's), with the rest of the status as the rectangle's.
func TestSlotsOfAList(t *testing.T) {
	l, _ := booked(t, req("K", 15, 1, ws(10, 10)))
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(1),
		Slots: []capacity.Slot{capSlot("B", w49), capSlot("A", w49.Add(1))}}, ws(10, 10), t0)
	require.NoError(t, err)
	require.Len(t, st, 2)
	assert.Equal(t, capacity.SlotStatus{Slot: capSlot("A", w49.Add(1)), Capacity: 10, Free: 10}, st[0])
	all, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(1)}, ws(10, 10), t0)
	require.NoError(t, err)
	require.Len(t, all, 4)
	assert.Equal(t, all[2], st[1], "B's week 49, as the rectangle shows it")
	assert.Positive(t, st[1].Confirmed)
	st, err = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49,
		Slots: []capacity.Slot{capSlot("A", w49), capSlot("Z", w49), {ProducerID: "A", Technique: batik.Tulis, Week: w49}}}, ws(10, 10), t0)
	require.NoError(t, err)
	require.Len(t, st, 1, "no status for a producer not given, or a technique it lacks")
	assert.Equal(t, capSlot("A", w49), st[0].Slot)
	_, err = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49, Slots: []capacity.Slot{capSlot("A", w49.Add(1))}}, ws(10, 10), t0)
	inputError(t, err, capacity.ErrInvalid, "query.slots[0]", `"A/cap/2026-W50"`)
}

// Slots never pairs a slot's usage with a capacity from before a calendar
// change: a week opened up and booked between its reads shows the new
// capacity beside the new booking.
func TestSlotsConsistentWithCalendar(t *testing.T) {
	mem := memstore.New()
	other := capacity.NewLedger(mem, capacity.LedgerOptions{})
	ps := ws(10)
	h := &hooked{Store: mem, on: "Calendar", hook: func() {
		require.NoError(t, other.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 20}, t0))
		_, err := other.Book(ctx, req("K", 20, 1, ps), t0)
		require.NoError(t, err)
	}}
	st, err := capacity.NewLedger(h, capacity.LedgerOptions{}).Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	require.Len(t, st, 1)
	assert.Equal(t, 20, st[0].Capacity)
	assert.Equal(t, 20, st[0].Confirmed)
}

// queryStore records the queries a ledger makes of its store.
type queryStore struct {
	capacity.Store
	mu      sync.Mutex
	queries []capacity.SlotQuery
}

func (s *queryStore) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	return s.Store.Usage(ctx, q, now)
}

func (s *queryStore) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	return s.Store.Calendar(ctx, q)
}

// Slots of no producer reads nothing: a store query naming no producer
// would read every producer in the store.
func TestSlotsOfNoProducerReadsNothing(t *testing.T) {
	s := &queryStore{Store: memstore.New()}
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	_, err := l.Book(ctx, req("K", 10, 1, ws(10)), t0)
	require.NoError(t, err)
	s.queries = nil
	for _, q := range []capacity.SlotQuery{
		{ProducerIDs: []string{"nobody"}, From: w49, To: w49.Add(3)},
		{From: w49, To: w49.Add(3)},
	} {
		ps := ws(5)
		if len(q.ProducerIDs) == 0 {
			ps = nil
		}
		st, err := l.Slots(ctx, q, ps, t0)
		require.NoError(t, err)
		assert.Empty(t, st)
	}
	assert.Empty(t, s.queries)
}

// changingCalendar gives a different calendar at every read.
type changingCalendar struct {
	capacity.Store
	reads int
}

func (s *changingCalendar) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	s.reads++
	return []capacity.CalendarEntry{{ProducerID: "A", Week: q.From, Capacity: s.reads}}, nil
}

// Slots and Board give up with ErrContention after their retries when the
// calendar changes at every read.
func TestSlotsGivesUpOnACalendarThatKeepsChanging(t *testing.T) {
	s := &changingCalendar{Store: memstore.New()}
	l := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: 2})
	_, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ws(10), t0)
	require.ErrorIs(t, err, capacity.ErrContention)
	assert.Contains(t, err.Error(), "3 times")
	assert.Equal(t, 6, s.reads, "two reads a try, three tries")
	_, err = l.Board(ctx, t0, capacity.BoardQuery{Producers: ws(10), From: w49, Weeks: 1})
	require.ErrorIs(t, err, capacity.ErrContention)
}

func TestSlotsBadInput(t *testing.T) {
	l := fresh()
	ps := ws(100)
	bad := ws(100)
	bad[0].Capabilities[0].PerWeek = -3
	for _, tt := range []struct {
		q     capacity.SlotQuery
		ps    []batik.Producer
		field string
		value string
	}{
		{capacity.SlotQuery{From: w49, To: w49.Add(capacity.MaxWeeks)}, ps, "query.to", "2028-W48"}, // 2026 has 53 weeks
		{capacity.SlotQuery{From: w49.Add(1), To: w49}, ps, "query.to", "2026-W49"},
		{capacity.SlotQuery{To: w49}, ps, "query.from", `""`},
		{capacity.SlotQuery{From: w49, To: w49, Technique: "lukis"}, ps, "query.technique", `"lukis"`},
		{capacity.SlotQuery{From: w49, To: w49}, bad, "producers[0].capabilities[0].per_week", "-3"},
		{capacity.SlotQuery{From: w49, To: w49}, append(ws(1), ws(1)...), "producers[1].id", `"A"`},
	} {
		_, err := l.Slots(ctx, tt.q, tt.ps, t0)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
	// The longest range: MaxWeeks weeks, the last 103 weeks after the first.
	_, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(capacity.MaxWeeks - 1)}, ps, t0)
	require.NoError(t, err)
	_, err = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(capacity.MaxWeeks)}, ps, t0)
	assert.EqualError(t, err, "capacity: query.to = 2028-W48: is more than 103 weeks after query.from 2026-W49")
}
