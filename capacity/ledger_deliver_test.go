package capacity_test

import (
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// delivery is pieces of order key from a slot.
func delivery(key string, s capacity.Slot, q int) capacity.Delivery {
	return capacity.Delivery{OrderID: key, Slot: s, Quantity: q}
}

func TestDeliver(t *testing.T) {
	ps := ws(100)
	l, b := booked(t, req("ORD-1", 150, 2, ps))
	s0, s1 := b.Lines[0].Slot, b.Lines[1].Slot
	b, err := l.Deliver(ctx, "ORD-1", "call-1", []capacity.Delivery{delivery("ORD-1", s0, 60), delivery("ORD-1", s0, 40)}, t0)
	require.NoError(t, err)
	assert.Equal(t, 100, b.Lines[0].Delivered, "two deliveries of one slot add up")
	assert.EqualValues(t, 2, b.Version)
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ps, t0)
	require.NoError(t, err)
	assert.Equal(t, 100, st[0].Delivered)

	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		give  []capacity.Delivery
		field string
		value string
	}{
		{[]capacity.Delivery{delivery("ORD-1", s0, 1)}, "deliveries[0].quantity", "1"},
		{[]capacity.Delivery{delivery("ORD-1", s1, 10), delivery("ORD-1", s1, 41)}, "deliveries[1].quantity", "41"},
		{[]capacity.Delivery{delivery("ORD-1", s1, -1)}, "deliveries[0].quantity", "-1"},
		{[]capacity.Delivery{delivery("ORD-1", s1, 1), delivery("ORD-1", s1, 0)}, "deliveries[1].quantity", "0"},
		{[]capacity.Delivery{delivery("ORD-1", capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(5)}, 1)}, "deliveries[0].slot", `"A/cap/2027-W01"`},
		{[]capacity.Delivery{delivery("ORD-9", s1, 1)}, "deliveries[0].slot", `"A/cap/2026-W50"`},
		{[]capacity.Delivery{delivery("", s1, 1)}, "deliveries[0].order_id", `""`},
		{nil, "deliveries", "[]"},
	} {
		_, err := l.Deliver(ctx, "ORD-1", "call-2", tt.give, t0)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
	_, err = l.Deliver(ctx, "nope", "call-2", []capacity.Delivery{delivery("ORD-1", s1, 1)}, t0)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged, the call key unused")
	_, err = l.Deliver(ctx, "ORD-1", "call-2", []capacity.Delivery{delivery("ORD-1", s1, 50)}, t0)
	require.NoError(t, err, "a refused call leaves its key free")
}

// TestDeliverZeroLine: a delivery line of zero pieces is refused, naming
// it, even beside good lines, and changes nothing, not even the version.
func TestDeliverZeroLine(t *testing.T) {
	ps := ws(20)
	l, b := booked(t, req("K", 10, 1, ps))
	before := dump(t, l, ps, t0)
	sl := b.Lines[0].Slot
	_, err := l.Deliver(ctx, "K", "call-1", []capacity.Delivery{delivery("K", sl, 4), delivery("K", sl, 0), delivery("K", sl, 2)}, t0)
	inputError(t, err, capacity.ErrInvalid, "deliveries[1].quantity", "0")
	assert.Equal(t, before, dump(t, l, ps, t0))
	got, err := l.Booking(ctx, "K", t0)
	require.NoError(t, err)
	assert.EqualValues(t, 1, got.Version)
}

// TestDeliverRetried: the same call (key and deliveries, in any order)
// counts once, and a retry returns the booking as it stands; other
// deliveries under a used call key are ErrConflict naming the call;
// another booking's calls are its own.
func TestDeliverRetried(t *testing.T) {
	ps := ws(100, 100)
	l, b := booked(t, req("ORD-1", 200, 1, ps))
	a, c := b.Lines[0].Slot, b.Lines[1].Slot
	ds := []capacity.Delivery{delivery("ORD-1", a, 30), delivery("ORD-1", c, 20)}
	first, err := l.Deliver(ctx, "ORD-1", "idem-1", ds, t0)
	require.NoError(t, err)
	again, err := l.Deliver(ctx, "ORD-1", "idem-1", []capacity.Delivery{ds[1], ds[0]}, t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, first, again, "counted once")
	assert.Equal(t, 30, again.Lines[0].Delivered)

	before := dump(t, l, ps, t0)
	for _, other := range [][]capacity.Delivery{
		{delivery("ORD-1", a, 31), delivery("ORD-1", c, 20)},
		{delivery("ORD-1", a, 30)},
		{delivery("ORD-1", a, 30), delivery("ORD-1", c, 20), delivery("ORD-1", c, 1)},
	} {
		_, err := l.Deliver(ctx, "ORD-1", "idem-1", other, t0)
		ie := inputError(t, err, capacity.ErrConflict, "call", `"idem-1"`)
		assert.Equal(t, `capacity: call = "idem-1": booking "ORD-1" took other deliveries under this key`, ie.Error())
	}
	assert.Equal(t, before, dump(t, l, ps, t0))

	// After the booking changed, a retry returns it as it stands.
	_, err = l.Deliver(ctx, "ORD-1", "idem-2", []capacity.Delivery{delivery("ORD-1", a, 1)}, t0)
	require.NoError(t, err)
	_, err = l.Cancel(ctx, "ORD-1", t0)
	require.NoError(t, err)
	late, err := l.Deliver(ctx, "ORD-1", "idem-1", ds, t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, capacity.Cancelled, late.State)
	assert.Equal(t, 31, late.Lines[0].Delivered)

	// The call key is scoped to its booking.
	b2, err := l.Book(ctx, req("ORD-2", 20, 2, ps), t0)
	require.NoError(t, err)
	_, err = l.Deliver(ctx, "ORD-2", "idem-1", []capacity.Delivery{delivery("ORD-2", b2.Lines[0].Slot, 5)}, t0)
	require.NoError(t, err)
}

// TestDeliverRetriedConcurrently: one call retried from 8 goroutines at
// once (every piece of the line, so a second count would be refused)
// counts once, and every retry gets the booking.
func TestDeliverRetriedConcurrently(t *testing.T) {
	for range 20 {
		l := fresh()
		b, err := l.Book(ctx, req("ORD-1", 40, 1, ws(40)), t0)
		require.NoError(t, err)
		ds := []capacity.Delivery{delivery("ORD-1", b.Lines[0].Slot, 40)}
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				got, err := l.Deliver(ctx, "ORD-1", "idem-1", ds, t0)
				if assert.NoError(t, err) {
					assert.Equal(t, 40, got.Lines[0].Delivered)
				}
			})
		}
		wg.Wait()
		h, err := l.History(ctx, "ORD-1")
		require.NoError(t, err)
		require.Len(t, h, 2, "one delivery")
	}
}

// TestDeliverRetryRacingTheCall: a retry of a call that looked the call
// up just before the first attempt committed returns the booking; it
// does not apply the deliveries again (here: more than is left to
// deliver).
func TestDeliverRetryRacingTheCall(t *testing.T) {
	mem := memstore.New()
	b, err := capacity.NewLedger(mem, capacity.LedgerOptions{}).Book(ctx, req("ORD-1", 40, 1, ws(40)), t0)
	require.NoError(t, err)
	ds := []capacity.Delivery{delivery("ORD-1", b.Lines[0].Slot, 40)}
	var first capacity.Booking
	s := &hooked{Store: mem, on: "DeliveryCall", hook: func() {
		var err error
		first, err = capacity.NewLedger(mem, capacity.LedgerOptions{}).Deliver(ctx, "ORD-1", "idem-1", ds, t0)
		require.NoError(t, err)
	}}
	got, err := capacity.NewLedger(s, capacity.LedgerOptions{}).Deliver(ctx, "ORD-1", "idem-1", ds, t0)
	require.NoError(t, err)
	assert.Equal(t, first, got)
}

// TestDeliverCallKey: the call key follows the rule of keys: not empty,
// at most 256 bytes, visible UTF-8 text; a bad one names "call" and
// records nothing.
func TestDeliverCallKey(t *testing.T) {
	ps := ws(20)
	l, b := booked(t, req("K", 10, 1, ps))
	before := dump(t, l, ps, t0)
	ds := []capacity.Delivery{delivery("K", b.Lines[0].Slot, 1)}
	for _, call := range []string{"", strings.Repeat("c", 257), "call-\xff", "call\x00", " ", "\u200b", "\u202ecall"} {
		_, err := l.Deliver(ctx, "K", call, ds, t0)
		inputError(t, err, capacity.ErrInvalid, "call", "*")
	}
	assert.Equal(t, before, dump(t, l, ps, t0))
	_, err := l.Deliver(ctx, "K", strings.Repeat("c", 256), ds, t0)
	require.NoError(t, err, "256 bytes is the longest call key")
}

// Deliveries whose sum overflows int are refused: the check must not wrap
// into range and lower what was delivered.
func TestDeliverHugeQuantities(t *testing.T) {
	l, b := booked(t, req("K", 10, 1, ws(10)))
	s := b.Lines[0].Slot
	_, err := l.Deliver(ctx, "K", "call-1", []capacity.Delivery{delivery("K", s, 5)}, t0)
	require.NoError(t, err)
	_, err = l.Deliver(ctx, "K", "call-2", []capacity.Delivery{delivery("K", s, 1), delivery("K", s, math.MaxInt), delivery("K", s, math.MaxInt)}, t0)
	inputError(t, err, capacity.ErrInvalid, "deliveries[1].quantity", "9223372036854775807")
	got, err := l.Booking(ctx, "K", t0)
	require.NoError(t, err)
	assert.Equal(t, 5, got.Lines[0].Delivered, "nothing changed")
}

// An error about a delivery's slot abbreviates it: a megabyte producer ID
// never becomes a megabyte error.
func TestDeliverErrorsAbbreviated(t *testing.T) {
	l, b := booked(t, req("K", 10, 1, ws(10)))
	s := b.Lines[0].Slot
	long := s
	long.ProducerID = strings.Repeat("P", 1<<20)
	_, err := l.Deliver(ctx, "K", "call-1", []capacity.Delivery{delivery("K", long, 1)}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Less(t, len(err.Error()), 1000)
	_, err = l.Deliver(ctx, "K", "call-1", []capacity.Delivery{delivery("K", s, 11)}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Contains(t, err.Error(), "is more than the 10 left to deliver")
}

// TestDeliverState: only a confirmed booking takes deliveries; a held,
// expired or cancelled one is ErrConflict naming its state.
func TestDeliverState(t *testing.T) {
	ps := ws(100)
	l, b := booked(t, hold("H", 10, 1, ps, time.Hour))
	ds := []capacity.Delivery{delivery("H", b.Lines[0].Slot, 1)}
	for _, tt := range []struct {
		at    time.Time
		state string
	}{{t0, `"held"`}, {t0.Add(time.Hour), `"expired"`}} {
		_, err := l.Deliver(ctx, "H", "call-1", ds, tt.at)
		inputError(t, err, capacity.ErrConflict, "state", tt.state)
	}
	c, err := l.Book(ctx, req("C", 10, 1, ps), t0)
	require.NoError(t, err)
	_, err = l.Cancel(ctx, "C", t0)
	require.NoError(t, err)
	_, err = l.Deliver(ctx, "C", "call-1", []capacity.Delivery{delivery("C", c.Lines[0].Slot, 1)}, t0)
	inputError(t, err, capacity.ErrConflict, "state", `"cancelled"`)
}

// inspected books 60 cap pieces of ORD-1 with A and returns the ledger,
// the delivery of them all and A's inspection state for cap.
func inspected(t *testing.T) (*capacity.Ledger, capacity.Delivery, aql.State) {
	l, b := booked(t, req("ORD-1", 60, 1, ws(100)))
	st, err := aql.NewState("A", "cap", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	return l, delivery("ORD-1", b.Lines[0].Slot, 60), st
}

// TestDeliverInspectedRetried: a retried DeliverInspected returns the
// stored verdict and inspects once: the switching state advances once,
// the booking changes once; the same call key with another lot or state
// is ErrConflict.
func TestDeliverInspectedRetried(t *testing.T) {
	l, d, st := inspected(t)
	bad := aql.Lot{Nonconforming: 3}
	b1, v1, err := l.DeliverInspected(ctx, "ORD-1", "lot-1", d, st, bad, t0)
	require.NoError(t, err)
	require.False(t, v1.Accepted)
	assert.Zero(t, b1.Lines[0].Delivered, "a lot not accepted is handed back")
	assert.EqualValues(t, 2, b1.Version, "the inspection is recorded")
	b2, v2, err := l.DeliverInspected(ctx, "ORD-1", "lot-1", d, st, bad, t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, v1, v2, "the stored verdict")
	assert.Equal(t, b1, b2)
	// Retrying with the state the first verdict gave is another call.
	_, _, err = l.DeliverInspected(ctx, "ORD-1", "lot-1", d, v1.Next, bad, t0)
	inputError(t, err, capacity.ErrConflict, "call", `"lot-1"`)
	_, _, err = l.DeliverInspected(ctx, "ORD-1", "lot-1", d, st, aql.Lot{}, t0)
	inputError(t, err, capacity.ErrConflict, "call", `"lot-1"`)

	// The next lot, inspected with the state the verdict gave, is accepted
	// once, however often it is retried: each retry's verdict is the one
	// inspection of that state and lot.
	once, err := aql.Inspect(v1.Next, aql.Lot{Size: 60})
	require.NoError(t, err)
	for range 3 {
		b, v, err := l.DeliverInspected(ctx, "ORD-1", "lot-2", d, v1.Next, aql.Lot{}, t0.Add(time.Hour))
		require.NoError(t, err)
		require.True(t, v.Accepted)
		assert.Equal(t, 60, b.Lines[0].Delivered)
		assert.Equal(t, once, v, "the state advanced once")
	}
	h, err := l.History(ctx, "ORD-1")
	require.NoError(t, err)
	var calls []string
	for _, e := range h {
		calls = append(calls, string(e.Op)+" "+e.Call)
	}
	assert.Equal(t, []string{"book ", "deliver lot-1", "deliver lot-2"}, calls)
}

// TestDeliverInspectedBadInput: a state of another producer or technique,
// a lot size that is not the delivery's, a lot Inspect refuses, a
// discontinued state and an unknown key are refused with nothing
// recorded and no verdict.
func TestDeliverInspectedBadInput(t *testing.T) {
	l, d, st := inspected(t)
	other, err := aql.NewState("A", "tulis", aql.MustParseAQL("2.5"), aql.LevelII)
	require.NoError(t, err)
	stopped := st
	stopped.Severity, stopped.Discontinued, stopped.NotAccepted = aql.Tightened, true, 5
	before := dump(t, l, ws(100), t0)
	for _, tt := range []struct {
		key   string
		state aql.State
		lot   aql.Lot
		kind  error
		field string
	}{
		{"ORD-1", other, aql.Lot{}, capacity.ErrInvalid, "state"},
		{"ORD-1", st, aql.Lot{Size: 61}, capacity.ErrInvalid, "lot.size"},
		{"ORD-1", st, aql.Lot{Nonconforming: -1}, capacity.ErrInvalid, "lot"},
		{"ORD-1", stopped, aql.Lot{}, aql.ErrDiscontinued, "lot"},
		{"nope", st, aql.Lot{}, capacity.ErrNotFound, "key"},
	} {
		_, v, err := l.DeliverInspected(ctx, tt.key, "lot-1", d, tt.state, tt.lot, t0)
		inputError(t, err, tt.kind, tt.field, "*")
		assert.Zero(t, v)
	}
	assert.Equal(t, before, dump(t, l, ws(100), t0), "nothing recorded")
}
