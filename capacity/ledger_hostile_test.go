package capacity_test

import (
	"context"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Deliveries whose sum overflows int are refused: the check must not wrap
// into range and lower what was delivered.
func TestDeliverHugeQuantities(t *testing.T) {
	l := fresh()
	b, err := l.Book(ctx, req("K", 10, 1, ws(10)), t0)
	require.NoError(t, err)
	s := b.Lines[0].Slot
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{{OrderID: "K", Slot: s, Quantity: 5}}, t0)
	require.NoError(t, err)
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{
		{OrderID: "K", Slot: s, Quantity: 1},
		{OrderID: "K", Slot: s, Quantity: math.MaxInt},
		{OrderID: "K", Slot: s, Quantity: math.MaxInt},
	}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	got, err := l.Booking(ctx, "K", t0)
	require.NoError(t, err)
	assert.Equal(t, 5, got.Lines[0].Delivered, "nothing changed")
}

// Repeated producer IDs are refused even when no week is on time for the
// order (Book then plans without calling Allocate).
func TestBookRepeatedProducersWithoutWeeks(t *testing.T) {
	l := fresh()
	ps := ws(10)
	ps = append(ps, ps[0])
	r := req("K", 10, 1, ps)
	r.Orders[0].Due = batik.MustDate(2026, 11, 1) // before From
	_, err := l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	_, err = l.Booking(ctx, "K", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound, "nothing recorded")
}

// An error about a delivery's slot abbreviates it: a megabyte producer ID
// never becomes a megabyte error.
func TestDeliverErrorsAbbreviated(t *testing.T) {
	l := fresh()
	b, err := l.Book(ctx, req("K", 10, 1, ws(10)), t0)
	require.NoError(t, err)
	s := b.Lines[0].Slot
	long := s
	long.ProducerID = strings.Repeat("P", 1<<20)
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{{OrderID: "K", Slot: long, Quantity: 1}}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Less(t, len(err.Error()), 1000)
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{{OrderID: "K", Slot: s, Quantity: 11}}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Contains(t, err.Error(), "is more than the 10 left to deliver")
}

// hookStore runs after once, right after its first Calendar read: the
// interleaving a SetCalendar and a Book from elsewhere can make.
type hookStore struct {
	*capacity.MemoryStore
	after func()
	once  sync.Once
}

func (h *hookStore) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	cal, err := h.MemoryStore.Calendar(ctx, q)
	h.once.Do(h.after)
	return cal, err
}

// Slots never pairs a slot's usage with a capacity from before a calendar
// change: a week opened up and booked between its reads shows the new
// capacity beside the new booking.
func TestSlotsConsistentWithCalendar(t *testing.T) {
	mem := capacity.NewMemoryStore()
	other := capacity.NewLedger(mem, capacity.LedgerOptions{})
	ps := ws(10)
	h := &hookStore{MemoryStore: mem, after: func() {
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
	*capacity.MemoryStore
	mu      sync.Mutex
	queries []capacity.SlotQuery
}

func (s *queryStore) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	return s.MemoryStore.Usage(ctx, q, now)
}

func (s *queryStore) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	s.mu.Lock()
	s.queries = append(s.queries, q)
	s.mu.Unlock()
	return s.MemoryStore.Calendar(ctx, q)
}

// Slots of no producer reads nothing: a store query naming no producer
// would read every producer in the store.
func TestSlotsOfNoProducerReadsNothing(t *testing.T) {
	s := &queryStore{MemoryStore: capacity.NewMemoryStore()}
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	_, err := l.Book(ctx, req("K", 10, 1, ws(10)), t0)
	require.NoError(t, err)
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

// A key no store could keep (a NUL byte, not UTF-8) is refused by Book,
// naming the key; other operations do not find it.
func TestBookKeyNoStoreCanKeep(t *testing.T) {
	l := fresh()
	for _, key := range []string{"ORD\x00-1", "ORD-\xff"} {
		_, err := l.Book(ctx, req(key, 10, 1, ws(10)), t0)
		var ie *capacity.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "key", ie.Field)
		assert.ErrorIs(t, err, capacity.ErrInvalid)
		_, err = l.Confirm(ctx, key, t0)
		assert.ErrorIs(t, err, capacity.ErrNotFound)
	}
}

// A producer ID no store could keep, or a hold past the year 9999, is
// refused by Book before anything reaches the store: the ledger's changes
// always pass Store's rules.
func TestBookRefusesWhatNoStoreKeeps(t *testing.T) {
	l := fresh()
	for _, id := range []string{"P\x00", "P-\xff", strings.Repeat("P", 257)} {
		ps := ws(10)
		ps[0].ID = id
		_, err := l.Book(ctx, req("K", 10, 1, ps), t0)
		var ie *capacity.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "producers[0].id", ie.Field)
		_, err = l.Free(ctx, ps, w49, 1, t0)
		assert.ErrorIs(t, err, capacity.ErrInvalid)
	}
	r := req("K", 10, 1, ws(10))
	r.HoldUntil = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err := l.Book(ctx, r, t0)
	var ie *capacity.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "hold_until", ie.Field)
}

// changingCalendar gives a different calendar at every read.
type changingCalendar struct {
	*capacity.MemoryStore
	reads int
}

func (s *changingCalendar) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	s.reads++
	return []capacity.CalendarEntry{{ProducerID: "A", Week: q.From, Capacity: s.reads}}, nil
}

// Slots gives up with ErrContention after its retries when the calendar
// changes at every read.
func TestSlotsGivesUpOnACalendarThatKeepsChanging(t *testing.T) {
	s := &changingCalendar{MemoryStore: capacity.NewMemoryStore()}
	_, err := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: 2}).Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ws(10), t0)
	require.ErrorIs(t, err, capacity.ErrContention)
	assert.Contains(t, err.Error(), "3 times")
	assert.Equal(t, 6, s.reads, "two reads a try, three tries")
}

// A hold may last to the end of the year 9999, and be made in the year 1.
func TestBookHoldAtTheYearEdges(t *testing.T) {
	r := req("K-9999", 10, 1, ws(10))
	r.HoldUntil = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	_, err := fresh().Book(ctx, r, t0)
	require.NoError(t, err)
	start := time.Date(1, 1, 1, 8, 0, 0, 0, time.UTC)
	r = req("K-0001", 10, 1, ws(10))
	r.From, r.HoldUntil = capacity.MustParseWeek("0001-W01"), start.Add(time.Hour)
	_, err = fresh().Book(ctx, r, start)
	require.NoError(t, err)
}
