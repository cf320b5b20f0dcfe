package capacity_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ledger tests' clock: Tuesday 1 December 2026 (week 2026-W49), 08:00 in Surakarta.
var (
	wib   = time.FixedZone("WIB", 7*3600)
	t0    = time.Date(2026, 12, 1, 8, 0, 0, 0, wib)
	w49   = capacity.MustParseWeek("2026-W49")
	ctx   = context.Background()
	fresh = func() *capacity.Ledger {
		return capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	}
)

func ws(perWeek ...int) []batik.Producer {
	ps := make([]batik.Producer, len(perWeek))
	for i, n := range perWeek {
		id := string(rune('A' + i))
		ps[i] = batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: n, UnitCost: decimal.NewFromInt(int64(80000 + 1000*i))}}}
	}
	return ps
}

func capOrd(id string, q int) batik.Order {
	return batik.Order{ID: id, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: q}
}

func req(key string, q int, weeks int, ps []batik.Producer) capacity.BookRequest {
	return capacity.BookRequest{Key: key, Orders: []batik.Order{capOrd(key, q)}, Producers: ps, From: w49, Weeks: weeks}
}

// slotSums returns the slots' held+confirmed as "A/cap/2026-W49" -> n.
func slotSums(t *testing.T, l *capacity.Ledger, ps []batik.Producer, weeks int, now time.Time) map[string][2]int {
	t.Helper()
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(weeks - 1)}, ps, now)
	require.NoError(t, err)
	m := map[string][2]int{}
	for _, s := range st {
		m[s.Slot.String()] = [2]int{s.Held + s.Confirmed, s.Capacity}
	}
	return m
}

func TestBookLaysWeeksEarliestFirst(t *testing.T) {
	l := fresh()
	ps := ws(100, 50)
	b, err := l.Book(ctx, req("ORD-1", 240, 3, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, b.State)
	assert.EqualValues(t, 1, b.Version)
	assert.Len(t, b.Request, 64)
	// Proportional over 300 and 150 free: A 160, B 80; each laid from W49.
	var got []string
	for _, ln := range b.Lines {
		got = append(got, ln.Slot.String()+":"+itoa(ln.Quantity))
	}
	assert.Equal(t, []string{"A/cap/2026-W49:100", "A/cap/2026-W50:60", "B/cap/2026-W49:50", "B/cap/2026-W50:30"}, got)
	assert.Empty(t, b.Unfilled)
	m := slotSums(t, l, ps, 3, t0)
	assert.Equal(t, [2]int{100, 100}, m["A/cap/2026-W49"])
	assert.Equal(t, [2]int{30, 50}, m["B/cap/2026-W50"])
	assert.Equal(t, [2]int{0, 50}, m["B/cap/2026-W51"])

	// A second order plans on what is left.
	b2, err := l.Book(ctx, req("ORD-2", 500, 3, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-2": 500 - (450 - 240)}, b2.Unfilled)
	for k, v := range slotSums(t, l, ps, 3, t0) {
		assert.Equal(t, v[1], v[0], k+" is full")
	}
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

func TestBookDueDateLimitsWeeks(t *testing.T) {
	l := fresh()
	ps := ws(100)
	r := req("ORD-1", 250, 4, ps)
	r.Orders[0].Due = batik.MustParseDate("2026-12-14") // Monday of W51: W49 and W50 are on time
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	require.Len(t, b.Lines, 2)
	assert.Equal(t, "2026-W50", b.Lines[1].Week.String())
	assert.Equal(t, map[string]int{"ORD-1": 50}, b.Unfilled)

	r = req("ORD-2", 10, 4, ps)
	r.Orders[0].Due = batik.MustParseDate("2026-12-01") // nothing on time
	b, err = l.Book(ctx, r, t0)
	require.NoError(t, err)
	assert.Empty(t, b.Lines)
	assert.Equal(t, map[string]int{"ORD-2": 10}, b.Unfilled)
}

func TestBookSeveralOrdersBySchedule(t *testing.T) {
	l := fresh()
	ps := ws(100, 100)
	o1, o2 := capOrd("O-1", 150), capOrd("O-2", 300)
	o1.Due, o2.Due = batik.MustParseDate("2026-12-08"), batik.MustParseDate("2026-12-22")
	b, err := l.Book(ctx, capacity.BookRequest{Key: "batch-1", Orders: []batik.Order{o2, o1}, Producers: ps, From: w49}, t0)
	require.NoError(t, err)
	sum := map[string]int{}
	for _, ln := range b.Lines {
		sum[ln.OrderID] += ln.Quantity
		if ln.OrderID == "O-1" {
			assert.Equal(t, w49, ln.Week, "O-1 is due on Tuesday of W50")
		}
	}
	assert.Equal(t, map[string]int{"O-1": 150, "O-2": 300}, sum)
	assert.Empty(t, b.Unfilled)
	m := slotSums(t, l, ps, 3, t0)
	for k, v := range m {
		assert.LessOrEqual(t, v[0], v[1], k)
	}
}

func TestBookIdempotent(t *testing.T) {
	l := fresh()
	ps := ws(100)
	b1, err := l.Book(ctx, req("ORD-1", 40, 1, ps), t0)
	require.NoError(t, err)
	// The same request an hour later: the same booking, unchanged.
	b2, err := l.Book(ctx, req("ORD-1", 40, 1, ps), t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, b1, b2)
	assert.Equal(t, [2]int{40, 100}, slotSums(t, l, ps, 1, t0)["A/cap/2026-W49"])
	// A different request under the key.
	_, err = l.Book(ctx, req("ORD-1", 41, 1, ps), t0)
	require.ErrorIs(t, err, capacity.ErrConflict)
	requireField(t, err, "key")
	assert.Equal(t, [2]int{40, 100}, slotSums(t, l, ps, 1, t0)["A/cap/2026-W49"], "ledger unchanged")
}

func requireField(t *testing.T, err error, field string) {
	t.Helper()
	var ie *capacity.InputError
	require.True(t, errors.As(err, &ie), "%v is an *InputError", err)
	assert.Equal(t, field, ie.Field)
}

// TestFingerprintIgnoresSliceOrder: orders, producers and capabilities in
// another order are the same request; a changed field is not.
func TestFingerprintIgnoresSliceOrder(t *testing.T) {
	l := fresh()
	ps := ws(100, 80, 60)
	ps[1].Capabilities = append(ps[1].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 5, UnitCost: ps[1].Capabilities[0].UnitCost})
	o1, o2 := capOrd("O-1", 50), capOrd("O-2", 40)
	o1.Due, o2.Due = batik.MustParseDate("2026-12-21"), batik.MustParseDate("2026-12-14")
	r := capacity.BookRequest{Key: "batch", Orders: []batik.Order{o1, o2}, Producers: ps, From: w49}
	b1, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	rev := []batik.Producer{ps[2], ps[1], ps[0]}
	rev[1].Capabilities = []batik.Capability{ps[1].Capabilities[1], ps[1].Capabilities[0]}
	b2, err := l.Book(ctx, capacity.BookRequest{Key: "batch", Orders: []batik.Order{o2, o1}, Producers: rev, From: w49}, t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, b1.Request, b2.Request)
	assert.EqualValues(t, 1, b2.Version)
	r.Spread = true
	_, err = l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrConflict)
	r.Spread, r.HoldUntil = false, t0.Add(time.Hour)
	_, err = l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrConflict)
}

// TestFingerprintIsStable pins the fingerprints of two requests: stores
// keep them (pgstore in its bookings table), so a new version that
// encoded requests differently would answer a replayed request from an
// older one with ErrConflict instead of its booking.
func TestFingerprintIsStable(t *testing.T) {
	ps := ws(100, 80, 60)
	ps[1].Capabilities = append(ps[1].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 5,
		UnitCost: decimal.RequireFromString("123456.50")})
	o1, o2 := capOrd("O-1", 50), capOrd("O-2", 64) // 64: the first number whose varint takes two bytes
	o1.Due, o2.Due, o2.SKU = batik.MustParseDate("2026-12-21"), batik.MustParseDate("2026-12-14"), "SKU-2"
	for _, c := range []struct {
		r    capacity.BookRequest
		want string
	}{
		{capacity.BookRequest{Key: "batch", Orders: []batik.Order{o2, o1}, Producers: ps, From: w49, Spread: true}, "9b5131190094915d56470267cba549b11f9495c924ca601f3b6a2ba0edefef71"},
		{capacity.BookRequest{Key: "one", Orders: []batik.Order{o1}, Producers: ps, From: w49, Weeks: 3, Policy: capacity.EvenShare,
			MinLot: 10, HoldUntil: t0.Add(90*time.Minute + 5)}, "a8cc9486af43d82011b064b456eeb91adeb150c7746b7e031b77457b0de6a80b"},
	} {
		b, err := fresh().Book(ctx, c.r, t0)
		require.NoError(t, err)
		assert.Equal(t, c.want, b.Request, c.r.Key)
	}
}

func TestBookingJSON(t *testing.T) {
	l := fresh()
	b, err := l.Book(ctx, capacity.BookRequest{Key: "ORD-1", Orders: []batik.Order{capOrd("ORD-1", 30)}, Producers: ws(100), From: w49,
		HoldUntil: t0.Add(time.Hour)}, t0)
	require.NoError(t, err)
	data, err := json.Marshal(b)
	require.NoError(t, err)
	want := `{"key":"ORD-1","state":"held","hold_until":"2026-12-01T09:00:00+07:00","request":"` + b.Request +
		`","lines":[{"order_id":"ORD-1","producer_id":"A","technique":"cap","week":"2026-W49","quantity":30,"delivered":0,"unit_cost":"80000"}],` +
		`"unfilled":{},"version":1,"created":"2026-12-01T08:00:00+07:00","updated":"2026-12-01T08:00:00+07:00"}`
	assert.JSONEq(t, want, string(data))
	var back capacity.Booking
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, b.Lines[0].Slot, back.Lines[0].Slot)
	assert.True(t, b.Lines[0].UnitCost.Equal(back.Lines[0].UnitCost))
	assert.Equal(t, capacity.Held, back.State)
	data, err = json.Marshal(capacity.Booking{State: capacity.Cancelled})
	require.NoError(t, err)
	assert.Contains(t, string(data), `"lines":[]`)
	assert.Contains(t, string(data), `"unfilled":{}`)
}

// noRoomStore is a memory store whose Commit always finds a slot full, as
// if other bookings always took the capacity first.
type noRoomStore struct {
	capacity.Store
	commits int
}

func (s *noRoomStore) Commit(context.Context, capacity.Change) (capacity.Booking, error) {
	s.commits++
	return capacity.Booking{}, capacity.ErrNoRoom
}

// TestBookRetries pins LedgerOptions.MaxRetries: Book commits once and
// re-plans MaxRetries times (8 when zero, none when negative) before
// ErrContention.
func TestBookRetries(t *testing.T) {
	for _, tt := range []struct{ retries, commits int }{{0, 9}, {2, 3}, {1, 2}, {-1, 1}} {
		s := &noRoomStore{Store: capacity.NewMemoryStore()}
		l := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: tt.retries})
		_, err := l.Book(ctx, req("K", 10, 1, ws(20)), t0)
		require.ErrorIs(t, err, capacity.ErrContention, "MaxRetries %d", tt.retries)
		require.Equal(t, tt.commits, s.commits, "MaxRetries %d", tt.retries)
	}
}

// staleStore is a memory store whose Commit of a change to an existing
// booking always finds it changed by someone else.
type staleStore struct {
	capacity.Store
	commits int
}

func (s *staleStore) Commit(ctx context.Context, c capacity.Change) (capacity.Booking, error) {
	if c.Expect == 0 {
		return s.Store.Commit(ctx, c)
	}
	s.commits++
	return capacity.Booking{}, capacity.ErrStale
}

// TestUpdateRetries pins the retries of Confirm (and the other changes of a
// booking): a booking that keeps changing under it is tried MaxRetries+1
// times, then ErrContention says how many attempts were made. Book's
// ErrContention says how many times it planned.
func TestUpdateRetries(t *testing.T) {
	s := &staleStore{Store: capacity.NewMemoryStore()}
	l := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: 3})
	r := req("K", 10, 1, ws(20))
	r.HoldUntil = t0.Add(time.Hour)
	_, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	_, err = l.Confirm(ctx, "K", t0)
	require.ErrorIs(t, err, capacity.ErrContention)
	require.Contains(t, err.Error(), "4 attempts")
	require.Equal(t, 4, s.commits)

	_, err = capacity.NewLedger(&noRoomStore{Store: capacity.NewMemoryStore()}, capacity.LedgerOptions{}).Book(ctx, req("K", 10, 1, ws(20)), t0)
	require.ErrorIs(t, err, capacity.ErrContention)
	require.Contains(t, err.Error(), "planned on 9 times")
}

// TestConfirmRecordsEachSlotsCapacity confirms a hold over three producers
// and reads the store: every slot of the booking keeps its own capacity,
// not only the first producer's.
func TestConfirmRecordsEachSlotsCapacity(t *testing.T) {
	store := capacity.NewMemoryStore()
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(10, 20, 30)
	r := req("K", 60, 1, ps)
	r.HoldUntil = t0.Add(time.Hour)
	_, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	_, err = l.Confirm(ctx, "K", t0)
	require.NoError(t, err)
	u, err := store.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"A", "B", "C"}, From: w49, To: w49}, t0)
	require.NoError(t, err)
	require.Len(t, u, 3)
	for i, want := range []int{10, 20, 30} {
		require.Equal(t, want, u[i].Capacity, "%s", u[i].Slot)
		require.Equal(t, want, u[i].Confirmed, "%s", u[i].Slot)
	}
}

// TestBookBounds books at the edges Book documents: a key of exactly 256
// bytes, Weeks = MaxWeeks, and weeks that end in 9999-W52, the last week
// there is; one past each is refused.
func TestBookBounds(t *testing.T) {
	l := fresh()
	ps := ws(20)
	r := req("K", 10, 1, ps)
	r.Key = strings.Repeat("k", 256) // a key, not the order ID
	_, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	r.Key += "k"
	_, err = l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)

	r = req("W", 10, capacity.MaxWeeks, ps)
	_, err = l.Book(ctx, r, t0)
	require.NoError(t, err)
	r.Key, r.Weeks = "W2", capacity.MaxWeeks+1
	_, err = l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)

	r = req("Y", 10, 2, ps)
	r.From = capacity.MustParseWeek("9999-W51")
	_, err = l.Book(ctx, r, t0)
	require.NoError(t, err)
	r.Key, r.Weeks = "Y2", 3
	_, err = l.Book(ctx, r, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
}

// TestDeliverZeroAndRepeat records deliveries that name the same slot
// twice, one of them 0 pieces: the pieces add up, and nothing else moves.
func TestDeliverZeroAndRepeat(t *testing.T) {
	l := fresh()
	b, err := l.Book(ctx, req("K", 10, 1, ws(20)), t0)
	require.NoError(t, err)
	sl := b.Lines[0].Slot
	got, err := l.Deliver(ctx, "K", []capacity.Delivery{{OrderID: "K", Slot: sl, Quantity: 4}, {OrderID: "K", Slot: sl, Quantity: 0},
		{OrderID: "K", Slot: sl, Quantity: 2}}, t0)
	require.NoError(t, err)
	require.Equal(t, 6, got.Lines[0].Delivered)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ws(20), t0)
	require.NoError(t, err)
	require.Equal(t, 6, st[0].Delivered)
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{{OrderID: "K", Slot: sl, Quantity: -1}}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	_, err = l.Deliver(ctx, "K", []capacity.Delivery{{Slot: sl, Quantity: 1}}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
}

// TestLedgerEdges: a calendar capacity of exactly 2147483647 is taken;
// Slots with a technique lists only that technique's slots; and a
// shortfall whose due date has passed is not rebooked but left unfilled.
func TestLedgerEdges(t *testing.T) {
	l := fresh()
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "Z", Week: w49, Capacity: math.MaxInt32}, t0))

	ps := ws(10, 10)
	ps[0].Capabilities = append(ps[0].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 3, UnitCost: decimal.NewFromInt(400000)})
	st, err := l.Slots(ctx, capacity.SlotQuery{Technique: batik.Tulis, From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	require.Len(t, st, 1)
	require.Equal(t, batik.Tulis, st[0].Technique)

	o := capOrd("LATE", 20)
	o.Due = batik.MustParseDate("2026-12-07") // on time only in W49
	b, err := l.Book(ctx, capacity.BookRequest{Key: "LATE", Orders: []batik.Order{o}, Producers: ws(10, 10), From: w49}, t0)
	require.NoError(t, err)
	require.Len(t, b.Lines, 2)
	rb, err := l.Rebook(ctx, "LATE", []batik.Order{o}, ws(10, 10), t0.AddDate(0, 0, 7)) // W50: nothing delivered, too late to move
	require.NoError(t, err)
	require.Equal(t, map[string]int{"LATE": 20}, rb.Unfilled)
	for _, ln := range rb.Lines {
		require.False(t, w49.Before(ln.Week), "no line after the due date: %s", ln.Slot)
	}
}
