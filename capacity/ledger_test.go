package capacity_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The ledger tests' clock: Tuesday 1 December 2026 (week 2026-W49), 08:00 in Surakarta.
var (
	wib = time.FixedZone("WIB", 7*3600)
	t0  = time.Date(2026, 12, 1, 8, 0, 0, 0, wib)
	w49 = capacity.MustParseWeek("2026-W49")
	ctx = context.Background()
)

// fresh returns a ledger over an empty memory store.
func fresh() *capacity.Ledger { return capacity.NewLedger(memstore.New(), capacity.LedgerOptions{}) }

// booked returns a fresh ledger with r booked at t0, and the booking.
func booked(t *testing.T, r capacity.BookRequest) (*capacity.Ledger, capacity.Booking) {
	t.Helper()
	l := fresh()
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	return l, b
}

// ws returns cap producers A, B, ... making perWeek[i] pieces a week at
// Rp80.000 + Rp1.000 x i.
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

// req books order key of q pieces over weeks weeks from W49, confirmed.
func req(key string, q int, weeks int, ps []batik.Producer) capacity.BookRequest {
	return capacity.BookRequest{Key: key, Orders: []batik.Order{capOrd(key, q)}, Producers: ps, From: w49, Weeks: weeks}
}

// hold is req as a hold of d.
func hold(key string, q int, weeks int, ps []batik.Producer, d time.Duration) capacity.BookRequest {
	r := req(key, q, weeks, ps)
	r.HoldFor = d
	return r
}

// slotSums returns the slots' held+confirmed and capacity as
// "A/cap/2026-W49" -> {n, capacity}.
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

// dump is everything a ledger shows: every booking with its history and
// every slot of ps over 8 weeks from W49, as JSON, to assert a ledger
// unchanged (versions and the change log included).
func dump(t *testing.T, l *capacity.Ledger, ps []batik.Producer, now time.Time) string {
	t.Helper()
	page, err := l.Bookings(ctx, capacity.BookingFilter{Limit: capacity.MaxPageLimit}, now)
	require.NoError(t, err)
	var hs [][]capacity.HistoryEntry
	for _, b := range page.Bookings {
		h, err := l.History(ctx, b.Key)
		require.NoError(t, err)
		hs = append(hs, h)
	}
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(7)}, ps, now)
	require.NoError(t, err)
	data, err := json.Marshal([]any{page, hs, st})
	require.NoError(t, err)
	return string(data)
}

// inputError requires err to be an *InputError wrapping kind that names
// field (and value, unless value is "*"), and returns it.
func inputError(t *testing.T, err error, kind error, field, value string) *capacity.InputError {
	t.Helper()
	require.ErrorIs(t, err, kind)
	var ie *capacity.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, field, ie.Field, "%v", err)
	if value != "*" {
		assert.Equal(t, value, ie.Value, "%v", err)
	}
	return ie
}

// all returns every booking at now, following the pages.
func all(t testing.TB, l *capacity.Ledger, f capacity.BookingFilter, now time.Time) []capacity.Booking {
	t.Helper()
	var out []capacity.Booking
	seen := map[string]bool{}
	for {
		page, err := l.Bookings(ctx, f, now)
		require.NoError(t, err)
		out = append(out, page.Bookings...)
		if page.Next == "" {
			return out
		}
		if seen[page.Next] {
			t.Fatalf("the pages repeat from cursor %q", page.Next)
		}
		seen[page.Next] = true
		f.Cursor = page.Next
	}
}

// TestLedgerInvariantsConcurrent: 32 goroutines run random book, hold,
// confirm, cancel, extend, keyed deliver (with retries), rebook and sweep
// operations on one ledger while the clock moves on (expiring holds and
// ending weeks). Each goroutine checks after each of its steps that every
// slot it can see has held + confirmed <= capacity and delivered <=
// confirmed; after every round (one step of each goroutine) the whole
// ledger is checked: the same per slot, and the lines of the held and
// confirmed bookings add up to the slot totals.
func TestLedgerInvariantsConcurrent(t *testing.T) {
	const workers = 32
	rounds := 60
	if *long {
		rounds = 600
	}
	ps := ws(40, 25, 30, 15)
	l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{MaxRetries: 50})
	var clock atomic.Int64 // minutes after t0
	nowOf := func() time.Time { return t0.Add(time.Duration(clock.Load()) * time.Minute) }
	var ops [nops + 1]atomic.Int64
	for round := range rounds {
		var wg sync.WaitGroup
		for g := range workers {
			wg.Go(func() {
				rng := rand.New(rand.NewPCG(uint64(round), uint64(g)))
				step(t, l, ps, rng, g, nowOf(), &ops)
				checkSlots(t, l, ps, nowOf(), false)
			})
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		checkSlots(t, l, ps, nowOf(), true)
		clock.Add(int64(60 + round%7*60)) // 1 to 7 hours a round: holds expire, weeks end
	}
	for i, name := range opNames {
		t.Logf("%s: %d", name, ops[i].Load())
	}
	t.Logf("ok: %d", ops[nops].Load())
	assert.Positive(t, ops[6].Load(), "some rebooks ran")
}

const nops = 8

var opNames = [nops]string{"book", "hold", "confirm", "cancel", "deliver", "extend", "rebook", "sweep"}

func step(t *testing.T, l *capacity.Ledger, ps []batik.Producer, rng *rand.Rand, g int, now time.Time, ops *[nops + 1]atomic.Int64) {
	key := "K" + strconv.Itoa(rng.IntN(64))
	from := capacity.WeekOf(batik.DateOf(now))
	c := capacity.WithActor(ctx, "worker-"+strconv.Itoa(g))
	var err error
	op := rng.IntN(nops)
	switch op {
	case 0, 1:
		o := capOrd(key, 1+rng.IntN(60))
		if rng.IntN(2) == 0 {
			o.Due = from.Add(1 + rng.IntN(4)).Monday()
		}
		r := capacity.BookRequest{Key: key, Orders: []batik.Order{o}, Producers: ps, From: from, Weeks: 1 + rng.IntN(4), Policy: capacity.Policies()[rng.IntN(4)],
			MinFill: rng.IntN(2) * rng.IntN(o.Quantity+1)}
		if op == 1 {
			r.HoldFor = time.Duration(1+rng.IntN(300)) * time.Minute
		}
		_, err = l.Book(c, r, now)
	case 2:
		_, err = l.Confirm(c, key, now)
	case 3:
		_, err = l.Cancel(c, key, now)
	case 4, 6:
		b, rerr := l.Booking(ctx, key, now)
		if rerr != nil || len(b.Lines) == 0 {
			err = rerr
			break
		}
		ln := b.Lines[rng.IntN(len(b.Lines))]
		if op == 6 {
			_, err = l.Rebook(c, key, []batik.Order{capOrd(ln.OrderID, 1)}, ps, now)
			break
		}
		// A call key from a few per booking: some calls are retries.
		call := "call-" + strconv.Itoa(rng.IntN(3))
		_, err = l.Deliver(c, key, call, []capacity.Delivery{{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: 1 + rng.IntN(ln.Quantity+1)}}, now)
	case 5:
		_, err = l.Extend(c, key, time.Duration(1+rng.IntN(60))*time.Minute, now)
	case 7:
		_, err = l.Sweep(c, now, time.Duration(rng.IntN(90))*time.Minute, 1+rng.IntN(10))
	}
	ops[op].Add(1)
	switch {
	case err == nil:
		ops[nops].Add(1)
	case !isAny(err, capacity.ErrNotFound, capacity.ErrConflict, capacity.ErrInvalid, capacity.ErrContention, capacity.ErrNoCapacity):
		t.Errorf("goroutine %d op %s: %v", g, opNames[op], err)
	}
}

// isAny reports whether err wraps one of kinds.
func isAny(err error, kinds ...error) bool {
	for _, k := range kinds {
		if errors.Is(err, k) {
			return true
		}
	}
	return false
}

// checkSlots checks every slot's sums; with full (no operation running)
// also that the bookings' lines add up to them.
func checkSlots(t *testing.T, l *capacity.Ledger, ps []batik.Producer, now time.Time, full bool) {
	from := w49.Add(-1)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: from, To: from.Add(capacity.MaxWeeks - 1)}, ps, now)
	require.NoError(t, err)
	for _, s := range st {
		if s.Held+s.Confirmed > s.Capacity || s.Delivered > s.Confirmed || s.Held < 0 || s.Delivered < 0 || s.Free < 0 {
			t.Errorf("slot %s broken: %+v", s.Slot, s)
		}
	}
	if !full {
		return
	}
	want := lineSums(t, all(t, l, capacity.BookingFilter{}, now))
	for _, s := range st {
		w := want[s.Slot]
		if s.Held != w.Held || s.Confirmed != w.Confirmed || s.Delivered != w.Delivered {
			t.Errorf("slot %s: %+v, the bookings' lines sum to %+v", s.Slot, s, w)
		}
	}
}

// lineSums adds up the lines of bookings by slot: held for held bookings,
// confirmed and delivered for confirmed ones (states as read at a time,
// so a lapsed hold is expired and counts nothing). It checks that no line
// has more delivered than booked.
func lineSums(t *testing.T, bs []capacity.Booking) map[capacity.Slot]capacity.SlotUsage {
	want := map[capacity.Slot]capacity.SlotUsage{}
	for _, b := range bs {
		for _, ln := range b.Lines {
			s := want[ln.Slot]
			switch b.State {
			case capacity.Held:
				s.Held += ln.Quantity
			case capacity.Confirmed:
				s.Confirmed += ln.Quantity
				s.Delivered += ln.Delivered
			}
			if ln.Delivered > ln.Quantity {
				t.Errorf("booking %s line %s: %d delivered of %d", b.Key, ln.Slot, ln.Delivered, ln.Quantity)
			}
			want[ln.Slot] = s
		}
	}
	return want
}

// hooked is a store that runs hook once, right after the first call of
// its method named on (Booking, DeliveryCall or Calendar) has read its
// answer: another replica's change between a ledger's read and its write.
type hooked struct {
	capacity.Store
	on   string
	hook func()
	once sync.Once
}

func (s *hooked) after(method string) {
	if method == s.on {
		s.once.Do(s.hook)
	}
}

func (s *hooked) Booking(ctx context.Context, key string, now time.Time) (capacity.Booking, error) {
	b, err := s.Store.Booking(ctx, key, now)
	s.after("Booking")
	return b, err
}

func (s *hooked) DeliveryCall(ctx context.Context, key, callKey string) (capacity.DeliveryCall, error) {
	c, err := s.Store.DeliveryCall(ctx, key, callKey)
	s.after("DeliveryCall")
	return c, err
}

func (s *hooked) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	cal, err := s.Store.Calendar(ctx, q)
	s.after("Calendar")
	return cal, err
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

// TestRetries pins LedgerOptions.MaxRetries: Book commits once and
// re-plans MaxRetries times (8 when zero, none when negative) before
// ErrContention, which says how many times it planned; the changes of a
// booking (Confirm here) are tried MaxRetries+1 times when the booking
// keeps changing under them, and ErrContention says how many attempts.
func TestRetries(t *testing.T) {
	for _, tt := range []struct{ retries, commits int }{{0, 9}, {2, 3}, {1, 2}, {-1, 1}} {
		s := &noRoomStore{Store: memstore.New()}
		l := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: tt.retries})
		_, err := l.Book(ctx, req("K", 10, 1, ws(20)), t0)
		inputError(t, err, capacity.ErrContention, "key", `"K"`)
		require.Contains(t, err.Error(), "planned on "+strconv.Itoa(tt.commits)+" times")
		require.Equal(t, tt.commits, s.commits, "MaxRetries %d", tt.retries)
	}

	s := &staleStore{Store: memstore.New()}
	l := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: 3})
	_, err := l.Book(ctx, hold("K", 10, 1, ws(20), time.Hour), t0)
	require.NoError(t, err)
	_, err = l.Confirm(ctx, "K", t0)
	inputError(t, err, capacity.ErrContention, "key", `"K"`)
	require.Contains(t, err.Error(), "4 attempts")
	require.Equal(t, 4, s.commits)
}

// changing makes a ledger with a hold HELD and a confirmed booking ORD-0
// over ws(100), and returns it, the producers and each operation that
// changes it, as a function of the context it runs with.
func changing(t *testing.T) (*capacity.Ledger, []batik.Producer, map[string]func(context.Context) error) {
	ps := ws(100)
	l, _ := booked(t, hold("HELD", 30, 1, ps, time.Hour))
	b, err := l.Book(ctx, req("ORD-0", 30, 1, ps), t0)
	require.NoError(t, err)
	d := []capacity.Delivery{delivery("ORD-0", b.Lines[0].Slot, 1)}
	return l, ps, map[string]func(context.Context) error{
		"book":    func(c context.Context) error { _, err := l.Book(c, req("ORD-1", 30, 1, ps), t0); return err },
		"confirm": func(c context.Context) error { _, err := l.Confirm(c, "HELD", t0); return err },
		"cancel":  func(c context.Context) error { _, err := l.Cancel(c, "ORD-0", t0); return err },
		"extend":  func(c context.Context) error { _, err := l.Extend(c, "HELD", time.Hour, t0); return err },
		"deliver": func(c context.Context) error { _, err := l.Deliver(c, "ORD-0", "call-1", d, t0); return err },
		"rebook": func(c context.Context) error {
			_, err := l.Rebook(c, "ORD-0", nil, ps, t0.AddDate(0, 0, 14))
			return err
		},
		"sweep": func(c context.Context) error { _, err := l.Sweep(c, t0.Add(2*time.Hour), 0, 10); return err },
	}
}

// TestCancelledContext: with a cancelled context every operation returns
// the context's error (wrapped, naming the key) and writes nothing.
func TestCancelledContext(t *testing.T) {
	l, ps, ops := changing(t)
	ops["calendar"] = func(c context.Context) error {
		return l.SetCalendar(c, capacity.CalendarEntry{ProducerID: "A", Week: w49}, t0)
	}
	before := dump(t, l, ps, t0)
	c, cancel := context.WithCancel(ctx)
	cancel()
	for name, op := range ops {
		require.ErrorIs(t, op(c), context.Canceled, name)
	}
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing written")
}

// keyed returns each operation of l on an existing booking as a function
// of its key.
func keyed(l *capacity.Ledger, ps []batik.Producer) map[string]func(string) error {
	d := []capacity.Delivery{delivery("O", capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}, 1)}
	return map[string]func(string) error{
		"confirm": func(k string) error { _, err := l.Confirm(ctx, k, t0); return err },
		"cancel":  func(k string) error { _, err := l.Cancel(ctx, k, t0); return err },
		"extend":  func(k string) error { _, err := l.Extend(ctx, k, time.Hour, t0); return err },
		"deliver": func(k string) error { _, err := l.Deliver(ctx, k, "call-1", d, t0); return err },
		"rebook":  func(k string) error { _, err := l.Rebook(ctx, k, nil, ps, t0); return err },
		"booking": func(k string) error { _, err := l.Booking(ctx, k, t0); return err },
		"history": func(k string) error { _, err := l.History(ctx, k); return err },
	}
}

// TestUnknownKey: every operation on a key no booking has is ErrNotFound
// naming the key, and on an empty key ErrInvalid naming it.
func TestUnknownKey(t *testing.T) {
	for name, op := range keyed(fresh(), nil) {
		t.Run(name, func(t *testing.T) {
			inputError(t, op("ORD-404"), capacity.ErrNotFound, "key", `"ORD-404"`)
			inputError(t, op(""), capacity.ErrInvalid, "key", `""`)
		})
	}
}

// TestActor: the actor of WithActor goes into the booking's history with
// each change (see TestHistory); an actor over 256 bytes or with control
// characters is refused by every changing operation, naming the actor,
// and nothing is recorded.
func TestActor(t *testing.T) {
	assert.Equal(t, "", capacity.ActorFrom(ctx))
	assert.Equal(t, "kasir-1", capacity.ActorFrom(capacity.WithActor(ctx, "kasir-1")))

	l, ps, ops := changing(t)
	before := dump(t, l, ps, t0)
	for _, actor := range []string{strings.Repeat("a", 257), "kasir\n1", "kasir\u202e1", "kasir-\xff"} {
		for name, op := range ops {
			ie := inputError(t, op(capacity.WithActor(ctx, actor)), capacity.ErrInvalid, "actor", "*")
			assert.LessOrEqual(t, len(ie.Value), 100, "%s: the actor is abbreviated", name)
		}
	}
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing recorded")
	_, err := l.Confirm(capacity.WithActor(ctx, strings.Repeat("a", 256)), "HELD", t0)
	require.NoError(t, err, "256 bytes is the longest actor")
}
