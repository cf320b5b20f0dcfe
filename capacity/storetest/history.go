package storetest

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testHistory: every commit appends its version, the change's clock, actor
// and operation to the booking's history; a hold released by another
// commit gets an expire entry; History of an unknown key is ErrNotFound.
func testHistory(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	until := now.Add(time.Hour)
	b := booking("hi-1", until, line("O-1", slot("HI", 0), 10))
	_, err := s.Commit(ctx, capacity.Change{Now: now, Booking: b, Deltas: takes(b, 10, 1), Op: capacity.OpBook, Actor: "ani@koperasi"})
	require.NoError(t, err)
	next := b
	next.HoldUntil = until.Add(time.Hour)
	_, err = s.Commit(ctx, capacity.Change{Now: now.Add(time.Minute), Expect: 1, Booking: next, Op: capacity.OpExtend, Actor: "svc-checkout"})
	require.NoError(t, err)
	// Past the extended expiry another booking takes the slot: the hold is
	// marked expired on the way.
	later := until.Add(2 * time.Hour)
	_, err = insert(s, later, booking("hi-2", time.Time{}, line("O-2", slot("HI", 0), 10)), 10)
	require.NoError(t, err)
	h, err := s.History(ctx, "hi-1")
	require.NoError(t, err)
	require.Len(t, h, 3)
	assert.Equal(t, capacity.HistoryEntry{Version: 1, Time: now, Actor: "ani@koperasi", Op: capacity.OpBook}, norm(h[0]))
	assert.Equal(t, capacity.HistoryEntry{Version: 2, Time: now.Add(time.Minute), Actor: "svc-checkout", Op: capacity.OpExtend}, norm(h[1]))
	assert.EqualValues(t, 3, h[2].Version)
	assert.Equal(t, capacity.OpExpire, h[2].Op)
	got, err := s.Booking(ctx, "hi-1", now) // at any clock: marked expired for good
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, got.State)
	assert.EqualValues(t, 3, got.Version)
	_, err = s.History(ctx, "hi-none")
	require.ErrorIs(t, err, capacity.ErrNotFound)
}

func norm(h capacity.HistoryEntry) capacity.HistoryEntry {
	h.Time = h.Time.UTC()
	return h
}

// testRecordKept: what a booking carries beyond its lines comes back as
// committed: its orders with their reasons, the skipped producers, the
// canonical request.
func testRecordKept(t *testing.T, s capacity.Store) {
	b := booking("rk-1", time.Time{}, line("O-1", slot("RK", 0), 10))
	b.Orders = []capacity.BookedOrder{{OrderID: "O-1", Booked: 10, Unfilled: 5, Reason: capacity.CapacityTaken}}
	b.Unfilled = map[string]int{"O-1": 5}
	b.Skipped = []capacity.Skip{{ProducerID: "RK-2", Reason: capacity.BelowGrade}}
	b.Canonical = []byte(`{"form":"x","orders":[]}`)
	_, err := insert(s, now, b, 10)
	require.NoError(t, err)
	got, err := s.Booking(context.Background(), "rk-1", now)
	require.NoError(t, err)
	assert.Equal(t, b.Orders, got.Orders)
	assert.Equal(t, b.Skipped, got.Skipped)
	assert.JSONEq(t, string(b.Canonical), string(got.Canonical))
}

// testDeliveryCalls: a commit with a call records it under the booking;
// the same call key again is ErrExists with nothing changed; another
// booking's call of the same key is its own.
func testDeliveryCalls(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	b := booking("dc-1", time.Time{}, line("O-1", slot("DC", 0), 10))
	_, err := insert(s, now, b, 10)
	require.NoError(t, err)
	deliver := func(key string, expect int64, call string, n int) (capacity.Booking, error) {
		next := b
		next.Key = key
		next.Lines = []capacity.BookingLine{line("O-1", slot("DC", 0), 10)}
		next.Lines[0].Delivered = n
		c := &capacity.DeliveryCall{Key: call, Request: "req-" + call, Time: now,
			Deliveries: []capacity.Delivery{{OrderID: "O-1", Slot: slot("DC", 0), Quantity: n}}}
		return s.Commit(ctx, capacity.Change{Now: now, Expect: expect, Booking: next, Op: capacity.OpDeliver, Call: c,
			Deltas: []capacity.SlotDelta{{Slot: slot("DC", 0), Capacity: 10, Delivered: n}}})
	}
	_, err = deliver("dc-1", 1, "call-1", 4)
	require.NoError(t, err)
	_, err = deliver("dc-1", 2, "call-1", 6)
	require.ErrorIs(t, err, capacity.ErrExists)
	assert.Equal(t, 4, usage(t, s, "DC", now)[slot("DC", 0)].Delivered, "nothing of the second call")
	call, err := s.DeliveryCall(ctx, "dc-1", "call-1")
	require.NoError(t, err)
	assert.Equal(t, "req-call-1", call.Request)
	assert.EqualValues(t, 2, call.Version)
	require.Len(t, call.Deliveries, 1)
	assert.Equal(t, 4, call.Deliveries[0].Quantity)
	_, err = s.DeliveryCall(ctx, "dc-1", "call-2")
	require.ErrorIs(t, err, capacity.ErrNotFound)
	_, err = s.DeliveryCall(ctx, "dc-none", "call-1")
	require.ErrorIs(t, err, capacity.ErrNotFound)
	h, err := s.History(ctx, "dc-1")
	require.NoError(t, err)
	require.Len(t, h, 2)
	assert.Equal(t, "call-1", h[1].Call)
}

// testConcurrentCalls: 8 goroutines commit the same call key; one
// succeeds, the others get ErrExists or ErrStale, and the slot counts the
// delivery once.
func testConcurrentCalls(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	b := booking("cc-call", time.Time{}, line("O-1", slot("CCALL", 0), 10))
	_, err := insert(s, now, b, 10)
	require.NoError(t, err)
	var wins atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			next := b
			next.Lines = []capacity.BookingLine{line("O-1", slot("CCALL", 0), 10)}
			next.Lines[0].Delivered = 3
			_, err := s.Commit(ctx, capacity.Change{Now: now, Expect: 1, Booking: next, Op: capacity.OpDeliver,
				Call:   &capacity.DeliveryCall{Key: "k", Request: "r", Time: now},
				Deltas: []capacity.SlotDelta{{Slot: slot("CCALL", 0), Capacity: 10, Delivered: 3}}})
			switch {
			case err == nil:
				wins.Add(1)
			case !errors.Is(err, capacity.ErrExists) && !errors.Is(err, capacity.ErrStale):
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, wins.Load())
	assert.Equal(t, 3, usage(t, s, "CCALL", now)[slot("CCALL", 0)].Delivered)
}

// testSweep: Sweep marks lapsed holds expired up to its limit, earliest
// first, releasing their pieces, each with an expire entry by the actor;
// it leaves live holds and other states alone and is idempotent.
func testSweep(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	for i, until := range []time.Duration{time.Hour, 2 * time.Hour, 3 * time.Hour, 10 * time.Hour} {
		b := booking("sw-"+string(rune('a'+i)), now.Add(until), line("O", slot("SW", i), 5))
		_, err := insert(s, now, b, 5)
		require.NoError(t, err)
	}
	_, err := insert(s, now, booking("sw-conf", time.Time{}, line("O", slot("SW", 5), 5)), 5)
	require.NoError(t, err)
	at := now.Add(4 * time.Hour)
	n, err := s.Sweep(ctx, at, at, 2, "sweeper")
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the limit")
	n, err = s.Sweep(ctx, at, at, 10, "sweeper")
	require.NoError(t, err)
	assert.Equal(t, 1, n, "what was left")
	n, err = s.Sweep(ctx, at, at, 10, "sweeper")
	require.NoError(t, err)
	assert.Zero(t, n, "idempotent")
	for i, key := range []string{"sw-a", "sw-b", "sw-c"} {
		b, err := s.Booking(ctx, key, now) // even at an earlier clock
		require.NoError(t, err)
		assert.Equal(t, capacity.Expired, b.State, key)
		assert.Zero(t, usage(t, s, "SW", now)[slot("SW", i)].Held, key)
		h, err := s.History(ctx, key)
		require.NoError(t, err)
		require.Len(t, h, 2, key)
		assert.Equal(t, capacity.HistoryEntry{Version: 2, Time: at, Actor: "sweeper", Op: capacity.OpExpire}, norm(h[1]), key)
	}
	b, err := s.Booking(ctx, "sw-d", at)
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, b.State, "a live hold stays")
	assert.Equal(t, 5, usage(t, s, "SW", at)[slot("SW", 3)].Held)
	b, err = s.Booking(ctx, "sw-conf", at)
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)

	// An actor capacity.ValidateActor refuses is refused by every store,
	// before anything is marked.
	lapsed := now.Add(11 * time.Hour)
	for _, actor := range []string{"a\x00b", "\xff", "tab\there", strings.Repeat("a", 257)} {
		n, err := s.Sweep(ctx, lapsed, lapsed, 10, actor)
		require.ErrorIs(t, err, capacity.ErrInvalid, "%q", actor)
		assert.Zero(t, n)
		var ie *capacity.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, "actor", ie.Field)
	}
	b, err = s.Booking(ctx, "sw-d", now)
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, b.State, "nothing marked by a refused Sweep")
}

// testSweepRacesCommits: Sweep beside commits that confirm, cancel and
// book the same slots never leaves a slot over capacity or a hold counted
// twice.
func testSweepRacesCommits(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	const n = 40
	for i := range n {
		b := booking("sr-"+strconv.Itoa(i), now.Add(time.Duration(1+i%3)*time.Minute), line("O", slot("SR", i%4), 1))
		_, err := insert(s, now, b, 20)
		require.NoError(t, err)
	}
	at := now.Add(2 * time.Minute)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for {
			k, err := s.Sweep(ctx, at, at, 3, "sweeper")
			if err != nil {
				t.Error(err)
				return
			}
			if k == 0 {
				return
			}
		}
	}()
	go func() {
		defer wg.Done()
		for i := range n {
			_, err := insert(s, at, booking("sr-new-"+strconv.Itoa(i), time.Time{}, line("O", slot("SR", i%4), 1)), 20)
			if err != nil && !errors.Is(err, capacity.ErrNoRoom) {
				t.Error(err)
			}
		}
	}()
	wg.Wait()
	u := usage(t, s, "SR", at)
	for k := range 4 {
		got := u[slot("SR", k)]
		assert.LessOrEqual(t, got.Held+got.Confirmed, 20, "slot %d", k)
	}
	held := 0
	for _, b := range all(t, s, capacity.BookingFilter{ProducerID: "SR", State: capacity.Held}, at) {
		held += b.Lines[0].Quantity
	}
	sum := 0
	for _, v := range u {
		sum += v.Held
	}
	assert.Equal(t, held, sum, "held pieces are the live holds' lines")
}
