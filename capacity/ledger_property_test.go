package capacity_test

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLedgerInvariantsConcurrent: 32 goroutines run random book, hold,
// confirm, cancel, deliver and rebook operations on one ledger while the
// clock moves on (expiring holds and ending weeks). Each goroutine checks
// after each of its steps that every slot it can see has held + confirmed
// <= capacity and delivered <= confirmed; after every round (one step of
// each goroutine) the whole ledger is checked: the same per slot, and the
// lines of the held and confirmed bookings add up to the slot totals.
func TestLedgerInvariantsConcurrent(t *testing.T) {
	const workers = 32
	rounds := 60
	if *long {
		rounds = 600
	}
	ps := ws(40, 25, 30, 15)
	l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{MaxRetries: 50})
	var clock atomic.Int64 // minutes after t0
	nowOf := func() time.Time { return t0.Add(time.Duration(clock.Load()) * time.Minute) }
	var ops [7]atomic.Int64
	for round := range rounds {
		var wg sync.WaitGroup
		for g := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rng := rand.New(rand.NewPCG(uint64(round), uint64(g)))
				step(t, l, ps, rng, g, nowOf(), &ops)
				checkSlots(t, l, ps, nowOf(), false)
			}()
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		checkSlots(t, l, ps, nowOf(), true)
		clock.Add(int64(60 + round%7*60)) // 1 to 7 hours a round: holds expire, weeks end
	}
	for i, name := range []string{"book", "hold", "confirm", "cancel", "deliver", "rebook", "ok"} {
		t.Logf("%s: %d", name, ops[i].Load())
	}
	assert.Positive(t, ops[5].Load(), "some rebooks ran")
}

func step(t *testing.T, l *capacity.Ledger, ps []batik.Producer, rng *rand.Rand, g int, now time.Time, ops *[7]atomic.Int64) {
	key := "K" + strconv.Itoa(rng.IntN(64))
	from := capacity.WeekOf(batik.DateOf(now))
	var err error
	op := rng.IntN(6)
	switch op {
	case 0, 1:
		o := capOrd(key, 1+rng.IntN(60))
		if rng.IntN(2) == 0 {
			o.Due = from.Add(1 + rng.IntN(4)).Monday()
		}
		r := capacity.BookRequest{Key: key, Orders: []batik.Order{o}, Producers: ps, From: from, Weeks: 1 + rng.IntN(4), Policy: capacity.Policies()[rng.IntN(4)]}
		if op == 1 {
			r.HoldUntil = now.Add(time.Duration(1+rng.IntN(300)) * time.Minute)
		}
		_, err = l.Book(ctx, r, now)
	case 2:
		_, err = l.Confirm(ctx, key, now)
	case 3:
		if rng.IntN(3) == 0 {
			_, err = l.Cancel(ctx, key, now)
		} else {
			_, err = l.Confirm(ctx, key, now)
		}
	case 4:
		b, rerr := l.Booking(ctx, key, now)
		if rerr != nil || len(b.Lines) == 0 {
			err = rerr
			break
		}
		ln := b.Lines[rng.IntN(len(b.Lines))]
		_, err = l.Deliver(ctx, key, []capacity.Delivery{{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: rng.IntN(ln.Quantity + 2)}}, now)
	case 5:
		b, rerr := l.Booking(ctx, key, now)
		if rerr != nil || len(b.Lines) == 0 {
			err = rerr
			break
		}
		_, err = l.Rebook(ctx, key, []batik.Order{capOrd(b.Lines[0].OrderID, 1)}, ps, now)
	}
	ops[op].Add(1)
	switch {
	case err == nil:
		ops[6].Add(1)
	case errors.Is(err, capacity.ErrNotFound), errors.Is(err, capacity.ErrConflict), errors.Is(err, capacity.ErrInvalid),
		errors.Is(err, capacity.ErrContention):
	default:
		t.Errorf("goroutine %d op %d: %v", g, op, err)
	}
}

// checkSlots checks every slot's sums; with full (no operation running)
// also that the bookings' lines add up to them.
func checkSlots(t *testing.T, l *capacity.Ledger, ps []batik.Producer, now time.Time, full bool) {
	from := w49.Add(-1)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: from, To: from.Add(capacity.MaxWeeks - 1)}, ps, now)
	require.NoError(t, err)
	for _, s := range st {
		if s.Held+s.Confirmed > s.Capacity || s.Delivered > s.Confirmed || s.Held < 0 || s.Delivered < 0 {
			t.Errorf("slot %s broken: %+v", s.Slot, s)
		}
	}
	if !full {
		return
	}
	bs, err := l.Bookings(ctx, capacity.BookingFilter{}, now)
	require.NoError(t, err)
	type sums struct{ held, confirmed, delivered int }
	want := map[capacity.Slot]sums{}
	for _, b := range bs {
		for _, ln := range b.Lines {
			s := want[ln.Slot]
			switch b.State {
			case capacity.Held:
				s.held += ln.Quantity
			case capacity.Confirmed:
				s.confirmed += ln.Quantity
				s.delivered += ln.Delivered
			}
			if ln.Delivered > ln.Quantity {
				t.Errorf("booking %s line %s: %d delivered of %d", b.Key, ln.Slot, ln.Delivered, ln.Quantity)
			}
			want[ln.Slot] = s
		}
	}
	for _, s := range st {
		w := want[s.Slot]
		if s.Held != w.held || s.Confirmed != w.confirmed || s.Delivered != w.delivered {
			t.Errorf("slot %s: %+v, the bookings' lines sum to %+v", s.Slot, s, w)
		}
	}
}

// TestBookReplayedConcurrently: one request replayed 1,000 times from 8
// goroutines yields one booking, returned to every call.
func TestBookReplayedConcurrently(t *testing.T) {
	l := fresh()
	ps := ws(100, 100)
	r := req("ORD-1", 150, 2, ps)
	var wg sync.WaitGroup
	results := make(chan capacity.Booking, 1000)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 125 {
				b, err := l.Book(ctx, r, t0.Add(time.Duration(g*1000+i)*time.Millisecond))
				if err != nil {
					t.Error(err)
					return
				}
				results <- b
			}
		}()
	}
	wg.Wait()
	close(results)
	var first *capacity.Booking
	n := 0
	for b := range results {
		n++
		if first == nil {
			first = &b
		}
		assert.Equal(t, first.Request, b.Request)
		assert.Equal(t, first.Created, b.Created)
		assert.EqualValues(t, 1, b.Version)
	}
	assert.Equal(t, 1000, n)
	bs, err := l.Bookings(ctx, capacity.BookingFilter{}, t0)
	require.NoError(t, err)
	assert.Len(t, bs, 1)
	m := slotSums(t, l, ps, 2, t0)
	assert.Equal(t, 150, m["A/cap/2026-W49"][0]+m["A/cap/2026-W50"][0]+m["B/cap/2026-W49"][0]+m["B/cap/2026-W50"][0])
}
