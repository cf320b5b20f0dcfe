package capacity_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHoldConfirmCancel(t *testing.T) {
	ps := ws(100)
	l, b := booked(t, hold("ORD-1", 60, 1, ps, time.Hour))
	assert.Equal(t, capacity.Held, b.State)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.SlotStatus{Slot: capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}, Capacity: 100, Held: 60, Free: 40}, st[0])

	b, err = l.Confirm(ctx, "ORD-1", t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)
	assert.EqualValues(t, 2, b.Version)
	assert.True(t, b.HoldUntil.IsZero())
	again, err := l.Confirm(ctx, "ORD-1", t0.Add(2*time.Hour))
	require.NoError(t, err, "confirming twice is idempotent")
	assert.EqualValues(t, 2, again.Version)
	st, _ = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0.Add(2*time.Hour))
	assert.Equal(t, 60, st[0].Confirmed, "a confirmed booking does not expire")
	assert.Equal(t, 0, st[0].Held)

	b, err = l.Cancel(ctx, "ORD-1", t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, capacity.Cancelled, b.State)
	assert.Len(t, b.Lines, 1, "a cancelled booking keeps its lines as a record")
	again, err = l.Cancel(ctx, "ORD-1", t0.Add(4*time.Hour))
	require.NoError(t, err, "cancelling twice is idempotent")
	assert.Equal(t, b.Version, again.Version)
	st, _ = l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0.Add(3*time.Hour))
	assert.Equal(t, 100, st[0].Free)

	before := dump(t, l, ps, t0)
	_, err = l.Confirm(ctx, "ORD-1", t0.Add(5*time.Hour))
	inputError(t, err, capacity.ErrConflict, "state", `"cancelled"`)
	assert.Equal(t, before, dump(t, l, ps, t0))
}

// TestCancelReleasesDelivered: cancelling a confirmed booking releases
// its pieces and the delivered pieces it counts in its slots.
func TestCancelReleasesDelivered(t *testing.T) {
	ps := ws(100)
	l, b := booked(t, req("ORD-1", 60, 1, ps))
	_, err := l.Deliver(ctx, "ORD-1", "call-1", []capacity.Delivery{delivery("ORD-1", b.Lines[0].Slot, 20)}, t0)
	require.NoError(t, err)
	b, err = l.Cancel(ctx, "ORD-1", t0)
	require.NoError(t, err)
	assert.Equal(t, 20, b.Lines[0].Delivered, "the record keeps what was delivered")
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.SlotStatus{Slot: b.Lines[0].Slot, Capacity: 100, Free: 100}, st[0])
}

func TestHoldExpires(t *testing.T) {
	l := fresh()
	ps := ws(100)
	r := hold("ORD-1", 100, 1, ps, time.Hour)
	until := t0.Add(time.Hour)
	_, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	_, err = l.Book(ctx, req("ORD-2", 10, 1, ps), until.Add(-time.Second))
	require.ErrorIs(t, err, capacity.ErrNoCapacity, "the hold still takes the week")

	b, err := l.Booking(ctx, "ORD-1", until)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State, "expired at HoldUntil, with no write and no goroutine")
	b3, err := l.Book(ctx, req("ORD-3", 100, 1, ps), until)
	require.NoError(t, err)
	assert.Empty(t, b3.Unfilled, "the expired hold's capacity is free")

	for name, op := range map[string]func() error{
		"confirm": func() error { _, err := l.Confirm(ctx, "ORD-1", until); return err },
		"cancel":  func() error { _, err := l.Cancel(ctx, "ORD-1", until); return err },
		"extend":  func() error { _, err := l.Extend(ctx, "ORD-1", time.Hour, until); return err },
		"rebook":  func() error { _, err := l.Rebook(ctx, "ORD-1", nil, ps, until); return err },
	} {
		ie := inputError(t, op(), capacity.ErrConflict, "state", `"expired"`)
		assert.Contains(t, ie.Error(), `"ORD-1"`, name)
	}
}

// TestConfirmRecordsEachSlotsCapacity confirms a hold spread over three
// producers and three weeks whose capacities differ (a calendar entry
// shortens one week) and reads the store: every slot of the booking keeps
// its own capacity.
func TestConfirmRecordsEachSlotsCapacity(t *testing.T) {
	store := memstore.New()
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(10, 20, 30)
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "B", Week: w49.Add(1), Capacity: 5}, t0))
	_, err := l.Book(ctx, hold("K", 175, 3, ps, time.Hour), t0)
	require.NoError(t, err)
	_, err = l.Confirm(ctx, "K", t0)
	require.NoError(t, err)
	u, err := store.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"A", "B", "C"}, From: w49, To: w49.Add(2)}, t0)
	require.NoError(t, err)
	require.Len(t, u, 9)
	for i, want := range []int{10, 10, 10, 20, 5, 20, 30, 30, 30} {
		require.Equal(t, want, u[i].Capacity, "%s", u[i].Slot)
		require.Equal(t, want, u[i].Confirmed, "%s", u[i].Slot)
		require.Zero(t, u[i].Held, "%s", u[i].Slot)
	}
}

// TestConfirmAfterAClockAhead: a replica whose clock runs ahead books the
// week of a hold that lapsed by its clock (its commit marks the hold
// expired); a replica whose clock is behind then confirms the hold and
// gets ErrConflict (the hold is gone), not ErrContention (nothing to
// retry), and the week is not overbooked.
func TestConfirmAfterAClockAhead(t *testing.T) {
	store := memstore.New()
	behind, ahead := capacity.NewLedger(store, capacity.LedgerOptions{}), capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(100)
	_, err := behind.Book(ctx, hold("H", 100, 1, ps, 10*time.Minute), t0)
	require.NoError(t, err)
	_, err = ahead.Book(ctx, req("ORD-2", 100, 1, ps), t0.Add(11*time.Minute))
	require.NoError(t, err)
	_, err = behind.Confirm(ctx, "H", t0.Add(9*time.Minute))
	require.ErrorIs(t, err, capacity.ErrConflict)
	require.NotErrorIs(t, err, capacity.ErrContention)
	assert.Equal(t, [2]int{100, 100}, slotSums(t, behind, ps, 1, t0.Add(9*time.Minute))["A/cap/2026-W49"])
}

// TestExtend: Extend moves a live hold's expiry; an expired, confirmed or
// cancelled booking is ErrConflict; by outside (0, MaxHold] or a new
// expiry more than MaxHold after now is ErrInvalid; nothing changes on
// error.
func TestExtend(t *testing.T) {
	ps := ws(100)
	l, _ := booked(t, hold("H", 10, 1, ps, 15*time.Minute))
	b, err := l.Extend(ctx, "H", 10*time.Minute, t0.Add(14*time.Minute))
	require.NoError(t, err)
	assert.True(t, b.HoldUntil.Equal(t0.Add(24*time.Minute)), "10 minutes after now")
	assert.Equal(t, capacity.Held, b.State)
	assert.EqualValues(t, 2, b.Version)
	assert.Equal(t, [2]int{10, 100}, slotSums(t, l, ps, 1, t0.Add(23*time.Minute))["A/cap/2026-W49"], "still held")
	// A retry a second later moves the end by that second, not by 10 minutes again.
	b, err = l.Extend(ctx, "H", 10*time.Minute, t0.Add(14*time.Minute+time.Second))
	require.NoError(t, err)
	assert.True(t, b.HoldUntil.Equal(t0.Add(24*time.Minute+time.Second)))
	// An end already later stays.
	b, err = l.Extend(ctx, "H", time.Minute, t0.Add(15*time.Minute))
	require.NoError(t, err)
	assert.True(t, b.HoldUntil.Equal(t0.Add(24*time.Minute+time.Second)))
	assert.EqualValues(t, 3, b.Version, "unchanged: no new version")

	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		by    time.Duration
		now   time.Time
		field string
		value string
	}{
		{0, t0, "by", "0s"},
		{-time.Minute, t0, "by", "-1m0s"},
		{capacity.MaxHold + 1, t0, "by", "8784h0m0.000000001s"},
	} {
		_, err := l.Extend(ctx, "H", tt.by, tt.now)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
	assert.Equal(t, before, dump(t, l, ps, t0))

	_, err = l.Extend(ctx, "H", time.Minute, t0.Add(25*time.Minute))
	inputError(t, err, capacity.ErrConflict, "state", `"expired"`)
	_, err = l.Book(ctx, req("C", 10, 1, ps), t0)
	require.NoError(t, err)
	_, err = l.Extend(ctx, "C", time.Minute, t0)
	ie := inputError(t, err, capacity.ErrConflict, "state", `"confirmed"`)
	assert.Contains(t, ie.Error(), "only a live hold can be extended")
}

// TestSweep: Sweep marks the holds whose HoldUntil + grace has passed as
// expired, the earliest first, limit at a time, by the context's actor;
// it is idempotent and leaves live holds and confirmed bookings alone.
func TestSweep(t *testing.T) {
	l := fresh()
	ps := ws(100)
	for i, d := range []time.Duration{30 * time.Minute, 10 * time.Minute, 20 * time.Minute, 2 * time.Hour} {
		_, err := l.Book(ctx, hold("H"+strconv.Itoa(i), 10, 1, ps, d), t0)
		require.NoError(t, err)
	}
	_, err := l.Book(ctx, req("C", 10, 1, ps), t0)
	require.NoError(t, err)
	sweeper := capacity.WithActor(ctx, "sweeper")
	now := t0.Add(time.Hour)
	n, err := l.Sweep(sweeper, now, 35*time.Minute, 10)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "10 and 20 minutes plus 35 have passed at 60, 30 + 35 has not")
	n, err = l.Sweep(sweeper, now, 0, 1)
	require.NoError(t, err)
	assert.Equal(t, 1, n, "H0, at its limit")
	n, err = l.Sweep(sweeper, now, 0, 10)
	require.NoError(t, err)
	assert.Zero(t, n, "idempotent")
	for key, swept := range map[string]bool{"H0": true, "H1": true, "H2": true, "H3": false, "C": false} {
		h, err := l.History(ctx, key)
		require.NoError(t, err)
		last := h[len(h)-1]
		if swept {
			assert.Equal(t, capacity.HistoryEntry{Version: 2, Time: now.UTC(), Actor: "sweeper", Op: capacity.OpExpire}, normHistory(last), key)
		} else {
			assert.Len(t, h, 1, key)
		}
	}
	page, err := l.Bookings(ctx, capacity.BookingFilter{State: capacity.Held}, now)
	require.NoError(t, err)
	require.Len(t, page.Bookings, 1)
	assert.Equal(t, "H3", page.Bookings[0].Key)
	assert.Equal(t, [2]int{20, 100}, slotSums(t, l, ps, 1, now)["A/cap/2026-W49"])
}

// normHistory drops the location of an entry's time, for comparing.
func normHistory(h capacity.HistoryEntry) capacity.HistoryEntry {
	h.Time = h.Time.UTC()
	return h
}

// TestSweepBadInput: a negative grace and a limit outside [1, MaxSweep]
// are refused, naming them, and nothing is marked.
func TestSweepBadInput(t *testing.T) {
	ps := ws(100)
	l, _ := booked(t, hold("H", 10, 1, ps, time.Minute))
	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		grace time.Duration
		limit int
		field string
		value string
	}{
		{-time.Nanosecond, 10, "grace", "-1ns"},
		{0, 0, "limit", "0"},
		{0, capacity.MaxSweep + 1, "limit", "10001"},
	} {
		n, err := l.Sweep(ctx, t0.Add(time.Hour), tt.grace, tt.limit)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
		assert.Zero(t, n)
	}
	assert.Equal(t, before, dump(t, l, ps, t0))
	n, err := l.Sweep(ctx, t0.Add(time.Hour), 0, capacity.MaxSweep)
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

// TestSweepRacingBookings: goroutines book holds and confirm, cancel and
// extend them while others sweep with various graces, the clock moving
// on. Afterwards every invariant holds: no slot over its capacity, the
// slots equal the sums of the bookings' lines, a last Sweep leaves no
// lapsed hold, and every hold a Sweep marked has its OpExpire by the
// sweeper.
func TestSweepRacingBookings(t *testing.T) {
	ps := ws(40, 30, 20)
	l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{MaxRetries: 50})
	var clock atomic.Int64 // seconds after t0
	now := func() time.Time { return t0.Add(time.Duration(clock.Load()) * time.Second) }
	var swept atomic.Int64
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(g), 3))
			c := capacity.WithActor(ctx, "worker")
			for i := range 200 {
				clock.Add(int64(rng.IntN(20)))
				if g < 2 {
					n, err := l.Sweep(capacity.WithActor(ctx, "sweeper"), now(), time.Duration(rng.IntN(60))*time.Second, 1+rng.IntN(5))
					require.NoError(t, err)
					swept.Add(int64(n))
					continue
				}
				key := "K" + strconv.Itoa(g) + "-" + strconv.Itoa(i%40)
				var err error
				switch rng.IntN(4) {
				case 0:
					_, err = l.Confirm(c, key, now())
				case 1:
					_, err = l.Cancel(c, key, now())
				case 2:
					_, err = l.Extend(c, key, time.Duration(1+rng.IntN(60))*time.Second, now())
				default:
					_, err = l.Book(c, hold(key, 1+rng.IntN(30), 2, ps, time.Duration(1+rng.IntN(120))*time.Second), now())
				}
				if err != nil && !isAny(err, capacity.ErrNotFound, capacity.ErrConflict, capacity.ErrNoCapacity, capacity.ErrContention) {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	end := now()
	checkSlots(t, l, ps, end, true)
	_, err := l.Sweep(ctx, end, 0, capacity.MaxSweep)
	require.NoError(t, err)
	marked := 0
	for _, b := range all(t, l, capacity.BookingFilter{}, end) {
		h, err := l.History(ctx, b.Key)
		require.NoError(t, err)
		for _, e := range h {
			if e.Op == capacity.OpExpire && e.Actor == "sweeper" {
				marked++
			}
		}
	}
	assert.EqualValues(t, swept.Load(), marked, "every mark a Sweep counted is in a history, once")
	page, err := l.Bookings(ctx, capacity.BookingFilter{State: capacity.Held, Limit: capacity.MaxPageLimit}, end.Add(-time.Hour))
	require.NoError(t, err)
	for _, b := range page.Bookings {
		assert.True(t, b.HoldUntil.After(end), "%s lapsed at %s and was not swept", b.Key, b.HoldUntil)
	}
	checkSlots(t, l, ps, end, true)
}

// usageLog is a memory store that records the queries of Usage.
type usageLog struct {
	capacity.Store
	mu      sync.Mutex
	queries []capacity.SlotQuery
	rows    int
}

func (s *usageLog) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	us, err := s.Store.Usage(ctx, q, now)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.queries, s.rows = append(s.queries, q), s.rows+len(us)
	return us, err
}

func (s *usageLog) take() ([]capacity.SlotQuery, int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	q, n := s.queries, s.rows
	s.queries, s.rows = nil, 0
	return q, n
}

// TestUpdatesReadOnlyTheBookingsSlots: Extend moves no piece and reads no
// slot; Confirm and Cancel read the recorded capacity of the booking's own
// slots, not of every week of every producer between its first and last
// (another booking's slots lie in that rectangle here).
func TestUpdatesReadOnlyTheBookingsSlots(t *testing.T) {
	store := &usageLog{Store: memstore.New()}
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(10, 10, 10)
	_, err := l.Book(ctx, req("W49", 30, 1, ps), t0) // fills week 49
	require.NoError(t, err)
	late := req("W51", 20, 1, ps[1:]) // fills week 51 of B and C
	late.From = w49.Add(2)
	_, err = l.Book(ctx, late, t0)
	require.NoError(t, err)
	b, err := l.Book(ctx, hold("K", 35, 3, ps, time.Hour), t0) // week 50, and A's week 51
	require.NoError(t, err)
	var slots []capacity.Slot
	for _, ln := range b.Lines {
		slots = append(slots, ln.Slot)
	}
	slices.SortFunc(slots, capacity.Slot.Compare)
	slots = slices.Compact(slots)
	store.take()

	_, err = l.Extend(ctx, "K", time.Hour, t0)
	require.NoError(t, err)
	qs, _ := store.take()
	assert.Empty(t, qs, "Extend reads no slot")

	deliver := func(ctx context.Context, key string, now time.Time) (capacity.Booking, error) {
		ln := b.Lines[0]
		return l.Deliver(ctx, key, "call-1", []capacity.Delivery{{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: 1}}, now)
	}
	for _, op := range []func(context.Context, string, time.Time) (capacity.Booking, error){l.Confirm, deliver, l.Cancel} {
		_, err = op(ctx, "K", t0)
		require.NoError(t, err)
		qs, rows := store.take()
		require.Len(t, qs, 1)
		assert.Equal(t, slots, qs[0].Slots)
		assert.Equal(t, len(slots), rows, "the booking's slots, not B's and C's week 51")
	}
}

// slotsIgnored is a memory store that ignores SlotQuery.Slots, as a store
// written before it does, and fails Usage when told to.
type slotsIgnored struct {
	capacity.Store
	fail error
}

func (s *slotsIgnored) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	if s.fail != nil {
		return nil, s.fail
	}
	q.Slots = nil
	return s.Store.Usage(ctx, q, now)
}

// TestUpdatesOnAStoreThatIgnoresSlots: on a store that reads the whole
// rectangle, Confirm and Cancel record each slot's own capacity as on any
// other; when the read fails, its error is returned and nothing changes.
func TestUpdatesOnAStoreThatIgnoresSlots(t *testing.T) {
	store := &slotsIgnored{Store: memstore.New()}
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(10, 20, 30)
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "B", Week: w49.Add(1), Capacity: 5}, t0))
	_, err := l.Book(ctx, hold("K", 175, 3, ps, time.Hour), t0)
	require.NoError(t, err)
	before := dump(t, l, ps, t0)
	store.fail = errors.New("connection lost")
	for _, op := range []func(context.Context, string, time.Time) (capacity.Booking, error){l.Confirm, l.Cancel} {
		_, err = op(ctx, "K", t0)
		require.ErrorIs(t, err, store.fail)
	}
	store.fail = nil
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing changed")
	_, err = l.Confirm(ctx, "K", t0)
	require.NoError(t, err)
	want := map[string][2]int{}
	for i, n := range []int{10, 10, 10, 20, 5, 20, 30, 30, 30} {
		want[ps[i/3].ID+"/cap/"+w49.Add(i%3).String()] = [2]int{n, n}
	}
	assert.Equal(t, want, slotSums(t, l, ps, 3, t0), "every slot full, each at its own capacity")
	_, err = l.Cancel(ctx, "K", t0)
	require.NoError(t, err)
	for k, v := range slotSums(t, l, ps, 3, t0) {
		assert.Zero(t, v[0], k)
	}
}
