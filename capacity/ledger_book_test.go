package capacity_test

import (
	"context"
	"fmt"
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

// lineText lists a booking's lines as "A/cap/2026-W49:100".
func lineText(b capacity.Booking) []string {
	var out []string
	for _, ln := range b.Lines {
		out = append(out, fmt.Sprintf("%s:%d", ln.Slot, ln.Quantity))
	}
	return out
}

func TestBookLaysWeeksEarliestFirst(t *testing.T) {
	ps := ws(100, 50)
	l, b := booked(t, req("ORD-1", 240, 3, ps))
	assert.Equal(t, capacity.Confirmed, b.State)
	assert.True(t, b.HoldUntil.IsZero())
	assert.EqualValues(t, 1, b.Version)
	assert.Len(t, b.Request, 64)
	// Proportional over 300 and 150 free: A 160, B 80; each laid from W49.
	assert.Equal(t, []string{"A/cap/2026-W49:100", "A/cap/2026-W50:60", "B/cap/2026-W49:50", "B/cap/2026-W50:30"}, lineText(b))
	assert.Empty(t, b.Unfilled)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-1", Booked: 240}}, b.Orders)
	m := slotSums(t, l, ps, 3, t0)
	assert.Equal(t, [2]int{100, 100}, m["A/cap/2026-W49"])
	assert.Equal(t, [2]int{30, 50}, m["B/cap/2026-W50"])
	assert.Equal(t, [2]int{0, 50}, m["B/cap/2026-W51"])

	// A second order plans on what is left, and says why it falls short.
	b2, err := l.Book(ctx, req("ORD-2", 500, 3, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"ORD-2": 500 - (450 - 240)}, b2.Unfilled)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-2", Booked: 210, Unfilled: 290, Reason: capacity.NotEnoughCapacity}}, b2.Orders)
	for k, v := range slotSums(t, l, ps, 3, t0) {
		assert.Equal(t, v[1], v[0], k+" is full")
	}
}

// TestBookHoldFor: HoldFor > 0 books a hold until now + HoldFor, which
// holds its pieces until then and is expired from then on.
func TestBookHoldFor(t *testing.T) {
	ps := ws(100)
	l, b := booked(t, hold("ORD-1", 60, 1, ps, 15*time.Minute))
	assert.Equal(t, capacity.Held, b.State)
	assert.True(t, b.HoldUntil.Equal(t0.Add(15*time.Minute)), "%s", b.HoldUntil)
	assert.Equal(t, [2]int{60, 100}, slotSums(t, l, ps, 1, t0.Add(15*time.Minute-1))["A/cap/2026-W49"])
	assert.Equal(t, [2]int{0, 100}, slotSums(t, l, ps, 1, t0.Add(15*time.Minute))["A/cap/2026-W49"])
	b, err := l.Booking(ctx, "ORD-1", t0.Add(15*time.Minute))
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State)
}

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
	assert.Equal(t, capacity.NotEnoughCapacity, b.Orders[0].Reason)
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
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "O-1", Booked: 150}, {OrderID: "O-2", Booked: 300}}, b.Orders, "by order ID")
	assert.Empty(t, b.Skipped, "Schedule's bookings list no skipped producers")
	for k, v := range slotSums(t, l, ps, 3, t0) {
		assert.LessOrEqual(t, v[0], v[1], k)
	}
}

// TestBookHonest: a booking says per order what was booked, what not and
// why, and which producers Allocate gave nothing and why.
func TestBookHonest(t *testing.T) {
	l := fresh()
	ps := ws(50, 0, 40)
	ps = append(ps, batik.Producer{ID: "T", Name: "Batik T", Region: "33.72",
		Capabilities: []batik.Capability{{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 9, UnitCost: decimal.NewFromInt(400000)}}})
	b, err := l.Book(ctx, req("ORD-1", 120, 1, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-1", Booked: 90, Unfilled: 30, Reason: capacity.NotEnoughCapacity}}, b.Orders)
	assert.Equal(t, []capacity.Skip{{ProducerID: "B", Reason: capacity.NoCapacity}, {ProducerID: "T", Reason: capacity.WrongTechnique}}, b.Skipped)

	// The same capacity, taken by another booking first: capacity taken.
	b, err = l.Book(ctx, req("ORD-2", 80, 2, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-2", Booked: 80}}, b.Orders)
	b, err = l.Book(ctx, req("ORD-3", 100, 2, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-3", Booked: 10, Unfilled: 90, Reason: capacity.CapacityTaken}}, b.Orders)
}

// TestBookNothingRecordsNothing: a request that would book no piece is
// refused with ErrNoCapacity naming the order and why, and nothing is
// recorded: no booking, no slot, no change in the log.
func TestBookNothingRecordsNothing(t *testing.T) {
	ps := ws(30)
	l, _ := booked(t, req("FULL", 30, 1, ps))
	before := dump(t, l, ps, t0)
	tulis := batik.Order{ID: "T-1", Technique: batik.Tulis, MinGrade: batik.Halus, Quantity: 5}
	halus := capOrd("H-1", 5)
	halus.MinGrade = batik.Halus
	late := capOrd("L-1", 5)
	late.Due = batik.MustParseDate("2026-12-02")
	for _, tt := range []struct {
		order  batik.Order
		reason string
	}{
		{capOrd("C-1", 5), "gets 0 of 5 pieces, 1 needed: the capacity is taken by other bookings"},
		{tulis, "no producer has the technique"},
		{halus, "no producer works at the grade"},
		{late, "due before the first week ends"},
	} {
		r := capacity.BookRequest{Key: tt.order.ID, Orders: []batik.Order{tt.order}, Producers: ps, From: w49, Weeks: 1}
		_, err := l.Book(ctx, r, t0)
		inputError(t, err, capacity.ErrNoCapacity, "orders[0]", `"`+tt.order.ID+`"`)
		assert.Contains(t, err.Error(), tt.reason)
		_, err = l.Booking(ctx, tt.order.ID, t0)
		require.ErrorIs(t, err, capacity.ErrNotFound)
	}
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing recorded")
}

// TestBookMinFillAndAllOrNothing: an order that would get fewer pieces
// than MinFill, or fewer than all with AllOrNothing, refuses the whole
// request with ErrNoCapacity naming it, and nothing is recorded; enough
// books.
func TestBookMinFillAndAllOrNothing(t *testing.T) {
	l := fresh()
	ps := ws(60, 40)
	before := dump(t, l, ps, t0)
	o1, o2 := capOrd("O-1", 50), capOrd("O-2", 80)
	o1.Due, o2.Due = batik.MustParseDate("2026-12-08"), batik.MustParseDate("2026-12-08") // W49 only: 100 pieces
	for _, tt := range []struct {
		name   string
		give   capacity.BookRequest
		field  string
		value  string
		reason string
	}{
		{"min fill", capacity.BookRequest{Key: "K", Orders: []batik.Order{capOrd("ORD-1", 150)}, Producers: ps, From: w49, MinFill: 101},
			"orders[0]", `"ORD-1"`, "gets 100 of 150 pieces, 101 needed: not enough capacity on time"},
		{"all or nothing", capacity.BookRequest{Key: "K", Orders: []batik.Order{capOrd("ORD-1", 150)}, Producers: ps, From: w49, AllOrNothing: true},
			"orders[0]", `"ORD-1"`, "gets 100 of 150 pieces, 150 needed"},
		{"one order of two", capacity.BookRequest{Key: "K", Orders: []batik.Order{o1, o2}, Producers: ps, From: w49, MinFill: 40},
			"orders[0]", `"O-1"`, "gets 20 of 50 pieces, 40 needed"},
		{"all of two", capacity.BookRequest{Key: "K", Orders: []batik.Order{o2, o1}, Producers: ps, From: w49, AllOrNothing: true},
			"orders[1]", `"O-1"`, "gets 20 of 50 pieces, 50 needed"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l.Book(ctx, tt.give, t0)
			inputError(t, err, capacity.ErrNoCapacity, tt.field, tt.value)
			assert.Contains(t, err.Error(), tt.reason)
			assert.Equal(t, before, dump(t, l, ps, t0), "nothing recorded")
		})
	}
	b, err := l.Book(ctx, capacity.BookRequest{Key: "K", Orders: []batik.Order{capOrd("ORD-1", 150)}, Producers: ps, From: w49, MinFill: 100}, t0)
	require.NoError(t, err, "100 pieces are enough")
	assert.Equal(t, []capacity.BookedOrder{{OrderID: "ORD-1", Booked: 100, Unfilled: 50, Reason: capacity.NotEnoughCapacity}}, b.Orders)
	b, err = l.Book(ctx, capacity.BookRequest{Key: "K2", Orders: []batik.Order{capOrd("ORD-2", 100)}, Producers: ps, From: w49.Add(1), AllOrNothing: true}, t0)
	require.NoError(t, err, "all of it fits")
	assert.Equal(t, 100, b.Orders[0].Booked)
}

// TestBookReplay: a key booked already is never planned again. The same
// request (with other producer records, at another time, after the hold
// lapsed, after the capacity was taken) returns the booking as it stands.
func TestBookReplay(t *testing.T) {
	l := fresh()
	ps := ws(100)
	r := hold("ORD-1", 60, 1, ps, 15*time.Minute)
	b1, err := l.Book(ctx, r, t0)
	require.NoError(t, err)

	reloaded := hold("ORD-1", 60, 1, append(ws(10), ws(5, 5)[1]), 15*time.Minute)
	b2, err := l.Book(ctx, reloaded, t0.Add(time.Minute))
	require.NoError(t, err, "the producer records are not the request")
	assert.Equal(t, b1, b2)

	// The hold lapses and another order takes the whole week.
	until := t0.Add(15 * time.Minute)
	_, err = l.Book(ctx, req("ORD-2", 100, 1, ps), until)
	require.NoError(t, err)
	b3, err := l.Book(ctx, r, until.Add(time.Hour))
	require.NoError(t, err, "a replay after the capacity is gone")
	assert.Equal(t, capacity.Expired, b3.State)
	assert.Equal(t, b1.Lines, b3.Lines)
	assert.True(t, b3.Created.Equal(t0))

	// A confirmed booking whose week was taken by nobody else: the same.
	c1, err := l.Book(ctx, req("ORD-3", 1, 2, ps), t0)
	require.NoError(t, err)
	c2, err := l.Book(ctx, req("ORD-3", 1, 2, ps), t0.AddDate(0, 1, 0))
	require.NoError(t, err)
	assert.Equal(t, c1, c2)
	assert.Equal(t, [2]int{100, 100}, slotSums(t, l, ps, 1, until)["A/cap/2026-W49"], "nothing booked twice")
}

// TestBookReplayedConcurrently: one request replayed 1,000 times from 8
// goroutines, each at its own clock and with its own copy of the producer
// records (reloaded, reordered, with other capacities), yields one
// booking, returned to every call, even though the first booking takes
// every piece the others could plan on.
func TestBookReplayedConcurrently(t *testing.T) {
	l := fresh()
	ps := ws(100, 100)
	lists := [][]batik.Producer{ps, {ps[1], ps[0]}, ws(120, 80), append(ws(100, 100), ws(1, 1, 7)[2])}
	results := make(chan capacity.Booking, 1000)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 125 {
				r := hold("ORD-1", 400, 2, lists[(g+i)%len(lists)], 15*time.Minute)
				b, err := l.Book(ctx, r, t0.Add(time.Duration(g*1000+i)*time.Millisecond))
				if err != nil {
					t.Error(err)
					return
				}
				results <- b
			}
		})
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
		assert.True(t, first.Created.Equal(b.Created))
		assert.Equal(t, first.Lines, b.Lines)
		assert.EqualValues(t, 1, b.Version)
	}
	assert.Equal(t, 1000, n)
	assert.Len(t, all(t, l, capacity.BookingFilter{}, t0), 1)
	total := 0
	for _, v := range slotSums(t, l, lists[3], 2, t0.Add(time.Minute)) {
		total += v[0]
	}
	assert.Equal(t, 400, total, "booked once")
}

// TestBookBadInput: each bad request is an error naming the field and
// value, wrapping ErrInvalid, and the ledger is unchanged.
func TestBookBadInput(t *testing.T) {
	ps := ws(100, 80)
	l, _ := booked(t, req("ORD-0", 50, 2, ps))
	before := dump(t, l, ps, t0)
	last := capacity.MustParseWeek("9999-W52")
	id := func(id string) func(r *capacity.BookRequest) {
		return func(r *capacity.BookRequest) { r.Producers[1].ID = id }
	}
	tests := []struct {
		name  string
		give  func(r *capacity.BookRequest)
		field string
		value string
	}{
		{"empty key", func(r *capacity.BookRequest) { r.Key = "" }, "key", `""`},
		{"no orders", func(r *capacity.BookRequest) { r.Orders = nil }, "orders", "[]"},
		{"invalid order", func(r *capacity.BookRequest) { r.Orders[0].Technique = "lukis" }, "orders[0]", `"ORD-1"`},
		{"negative quantity", func(r *capacity.BookRequest) { r.Orders[0].Quantity = -5 }, "orders[0]", `"ORD-1"`},
		{"order without ID", func(r *capacity.BookRequest) { r.Orders[0].ID = "" }, "orders[0]", `""`},
		{"repeated order", func(r *capacity.BookRequest) {
			o := r.Orders[0]
			o.Due = batik.MustParseDate("2026-12-21")
			r.Orders = []batik.Order{o, o}
		}, "orders[1].id", `"ORD-1"`},
		{"repeated among many orders", func(r *capacity.BookRequest) {
			r.Orders = nil
			for i := range 20 {
				o := capOrd(fmt.Sprintf("ORD-%02d", i), 5)
				o.Due = batik.MustParseDate("2026-12-21")
				r.Orders = append(r.Orders, o)
			}
			r.Orders[17].ID = "ORD-03"
		}, "orders[17].id", `"ORD-03"`},
		{"several orders without due", func(r *capacity.BookRequest) {
			r.Orders = append(r.Orders, capOrd("ORD-2", 5))
		}, "orders[0].due", `""`},
		{"no producers", func(r *capacity.BookRequest) { r.Producers = nil }, "producers", "[]"},
		{"producer capacity", func(r *capacity.BookRequest) { r.Producers[1].Capabilities[0].PerWeek = -1 }, "producers[1].capabilities[0].per_week", "-1"},
		{"repeated producer", func(r *capacity.BookRequest) { r.Producers = append(ws(100), ws(100)...) }, "producers[1].id", `"A"`},
		{"producer ID with a formula", id("=1+1"), "producers[1].id", `"=1+1"`},
		{"producer ID with a space", id("P 1"), "producers[1].id", `"P 1"`},
		{"producer ID with a NUL", id("P\x00"), "producers[1].id", `"P\x00"`},
		{"producer ID not UTF-8", id("P-\xff"), "producers[1].id", `"P-\xff"`},
		{"producer ID of 65 bytes", id(strings.Repeat("P", 65)), "producers[1].id", "*"},
		{"zero from", func(r *capacity.BookRequest) { r.From = capacity.Week{} }, "from", `""`},
		{"negative weeks", func(r *capacity.BookRequest) { r.Weeks = -1 }, "weeks", "-1"},
		{"too many weeks", func(r *capacity.BookRequest) { r.Weeks = capacity.MaxWeeks + 1 }, "weeks", "105"},
		{"weeks past year 9999", func(r *capacity.BookRequest) { r.From, r.Weeks = last, 2 }, "weeks", "2"},
		{"unknown policy", func(r *capacity.BookRequest) { r.Policy = 9 }, "policy", "Policy(9)"},
		{"negative min lot", func(r *capacity.BookRequest) { r.MinLot = -3 }, "min_lot", "-3"},
		{"negative hold", func(r *capacity.BookRequest) { r.HoldFor = -time.Minute }, "hold_for", "-1m0s"},
		{"hold over MaxHold", func(r *capacity.BookRequest) { r.HoldFor = capacity.MaxHold + 1 }, "hold_for", "8784h0m0.000000001s"},
		{"negative min fill", func(r *capacity.BookRequest) { r.MinFill = -1 }, "min_fill", "-1"},
		{"min fill above quantity", func(r *capacity.BookRequest) { r.MinFill = 31 }, "min_fill", "31"},
		{"too many slots", func(r *capacity.BookRequest) {
			r.Producers = make([]batik.Producer, capacity.MaxProducerWeeks/capacity.MaxWeeks+1)
			for i := range r.Producers {
				r.Producers[i] = ws(1)[0]
				r.Producers[i].ID = fmt.Sprintf("P%d", i)
			}
			r.Weeks = capacity.MaxWeeks
		}, "producers", "9616 x 104"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := req("ORD-1", 30, 2, ws(100, 80))
			tt.give(&r)
			_, err := l.Book(ctx, r, t0)
			inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
			assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged")
		})
	}
	// An invalid order also carries the batik validation error.
	r := req("ORD-1", 30, 2, ps)
	r.Orders[0].Quantity = 0
	_, err := l.Book(ctx, r, t0)
	var ve *batik.ValidationError
	require.ErrorAs(t, err, &ve)
}

// TestBookBounds books at the edges Book documents: a key of exactly 256
// bytes, Weeks = MaxWeeks, weeks that end in 9999-W52, the last week
// there is, HoldFor = MaxHold and MinFill = the quantity; one past each is
// refused.
func TestBookBounds(t *testing.T) {
	l := fresh()
	ps := ws(20)
	for i, tt := range []struct {
		ok, bad func(r *capacity.BookRequest)
	}{
		{func(r *capacity.BookRequest) { r.Key = strings.Repeat("k", 256) }, func(r *capacity.BookRequest) { r.Key = strings.Repeat("k", 257) }},
		{func(r *capacity.BookRequest) { r.Weeks = capacity.MaxWeeks }, func(r *capacity.BookRequest) { r.Weeks = capacity.MaxWeeks + 1 }},
		{func(r *capacity.BookRequest) { r.From, r.Weeks = capacity.MustParseWeek("9999-W51"), 2 },
			func(r *capacity.BookRequest) { r.From, r.Weeks = capacity.MustParseWeek("9999-W51"), 3 }},
		{func(r *capacity.BookRequest) { r.HoldFor = capacity.MaxHold }, func(r *capacity.BookRequest) { r.HoldFor = capacity.MaxHold + 1 }},
		{func(r *capacity.BookRequest) { r.MinFill = 1 }, func(r *capacity.BookRequest) { r.MinFill = 2 }},
	} {
		r := req("K"+strconv.Itoa(i), 1, 1, ps)
		tt.bad(&r)
		_, err := l.Book(ctx, r, t0)
		require.ErrorIs(t, err, capacity.ErrInvalid, "case %d", i)
		r = req("K"+strconv.Itoa(i), 1, 1, ps)
		tt.ok(&r)
		_, err = l.Book(ctx, r, t0)
		require.NoError(t, err, "case %d", i)
	}
}

// TestBookHoldAtTheYearEdges: a hold may last to the end of the year
// 9999, and be made in the year 1; a hold that would end in the year
// 10000 is refused and nothing is recorded.
func TestBookHoldAtTheYearEdges(t *testing.T) {
	end := time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)
	r := hold("K-9999", 10, 1, ws(10), time.Hour)
	r.From = capacity.MustParseWeek("9999-W52")
	_, err := fresh().Book(ctx, r, end.Add(-time.Hour))
	require.NoError(t, err)
	l := fresh()
	_, err = l.Book(ctx, r, end.Add(-time.Hour+time.Second))
	require.ErrorIs(t, err, capacity.ErrInvalid)
	assert.Empty(t, all(t, l, capacity.BookingFilter{}, end))

	start := time.Date(1, 1, 1, 8, 0, 0, 0, time.UTC)
	r = hold("K-0001", 10, 1, ws(10), time.Hour)
	r.From = capacity.MustParseWeek("0001-W01")
	_, err = fresh().Book(ctx, r, start)
	require.NoError(t, err)
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
	inputError(t, err, capacity.ErrInvalid, "producers[1].id", `"A"`)
	_, err = l.Booking(ctx, "K", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound, "nothing recorded")
}

// TestBookLowestCostMinLot: LowestCost with MinLot > 1 on producers of
// equal cost fills the lower IDs first, each with at least MinLot pieces,
// and skips a producer whose free capacity is below MinLot.
func TestBookLowestCostMinLot(t *testing.T) {
	l := fresh()
	ps := ws(20, 25, 8, 25)
	for i := range ps {
		ps[i].Capabilities[0].UnitCost = decimal.NewFromInt(80000)
	}
	ps[0], ps[3] = ps[3], ps[0] // not in ID order
	r := req("ORD-1", 60, 1, ps)
	r.Policy, r.MinLot = capacity.LowestCost, 10
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	assert.Equal(t, []string{"A/cap/2026-W49:20", "B/cap/2026-W49:25", "D/cap/2026-W49:15"}, lineText(b))
	assert.Equal(t, []capacity.Skip{{ProducerID: "C", Reason: capacity.BelowMinLot}}, b.Skipped)
}

// TestBookBelowBookedPerWeek: booking with a PerWeek below what earlier
// bookings took in a slot books nothing there, and the slot shows no
// negative free capacity.
func TestBookBelowBookedPerWeek(t *testing.T) {
	l, _ := booked(t, req("ORD-1", 80, 1, ws(100)))
	_, err := l.Book(ctx, req("ORD-2", 10, 1, ws(50)), t0)
	inputError(t, err, capacity.ErrNoCapacity, "orders[0]", `"ORD-2"`)
	b, err := l.Book(ctx, req("ORD-3", 10, 2, ws(50)), t0)
	require.NoError(t, err)
	assert.Equal(t, []string{"A/cap/2026-W50:10"}, lineText(b))
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49}, ws(50), t0)
	require.NoError(t, err)
	assert.Equal(t, capacity.SlotStatus{Slot: st[0].Slot, Capacity: 50, Confirmed: 80, Free: 0}, st[0])
	board, err := l.Board(ctx, t0, capacity.BoardQuery{Producers: ws(50), From: w49, Weeks: 1})
	require.NoError(t, err)
	assert.Equal(t, capacity.BoardCell{Capacity: 50, Confirmed: 80}, board.Rows[0].Cells[0])
}

// TestBookReplayRacingTheFirst: a replay that looked the key up just
// before the first booking took every piece returns that booking; it does
// not plan on the capacity left (none) and fail with ErrNoCapacity, nor
// fall short of a MinFill the first booking met.
func TestBookReplayRacingTheFirst(t *testing.T) {
	for _, r := range []capacity.BookRequest{req("ORD-1", 100, 1, ws(100)), hold("ORD-1", 100, 1, ws(60, 40), time.Hour)} {
		mem := memstore.New()
		var first capacity.Booking
		s := &hooked{Store: mem, on: "Booking", hook: func() {
			var err error
			first, err = capacity.NewLedger(mem, capacity.LedgerOptions{}).Book(ctx, r, t0)
			require.NoError(t, err)
		}}
		got, err := capacity.NewLedger(s, capacity.LedgerOptions{}).Book(ctx, r, t0.Add(time.Second))
		require.NoError(t, err)
		assert.Equal(t, first, got)
	}
}

// TestBookMaxBookingLines: a plan of more lines than MaxBookingLines is
// refused after planning and before anything is written, naming the cap
// and the figure; one of exactly the cap is booked. 2,501 workshops of 1
// piece a week over 4 weeks make 10,004 lines for 10,004 pieces.
func TestBookMaxBookingLines(t *testing.T) {
	ps := make([]batik.Producer, 2501)
	for i := range ps {
		id := fmt.Sprintf("W-%04d", i)
		ps[i] = batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 1, UnitCost: decimal.NewFromInt(80000)}}}
	}
	l := fresh()
	r := capacity.BookRequest{Key: "BIG", Orders: []batik.Order{capOrd("BIG", 10_004)}, Producers: ps, From: w49, Weeks: 4}
	_, err := l.Book(ctx, r, t0)
	ie := inputError(t, err, capacity.ErrInvalid, "key", `"BIG"`)
	assert.Contains(t, ie.Error(), "10004 lines, more than 10000")
	_, err = l.Booking(ctx, "BIG", t0)
	require.ErrorIs(t, err, capacity.ErrNotFound, "nothing recorded")
	r.Orders[0].Quantity = capacity.MaxBookingLines
	b, err := l.Book(ctx, r, t0)
	require.NoError(t, err)
	assert.Len(t, b.Lines, capacity.MaxBookingLines)
}

// gateStore holds the Commit of one key until released, so that other
// bookings are planned while it is in flight, and counts Commits.
type gateStore struct {
	capacity.Store
	key              string
	entered, release chan struct{}
	commits          atomic.Int32
}

func newGateStore(key string) *gateStore {
	return &gateStore{Store: memstore.New(), key: key, entered: make(chan struct{}, 1), release: make(chan struct{})}
}

func (s *gateStore) Commit(ctx context.Context, c capacity.Change) (capacity.Booking, error) {
	s.commits.Add(1)
	if c.Booking.Key == s.key {
		select {
		case s.entered <- struct{}{}:
		default:
		}
		<-s.release
	}
	return s.Store.Commit(ctx, c)
}

// bookWhileGated books first (whose Commit the store holds), then, while
// it is in flight, second; then lets first through. It returns both
// bookings.
func bookWhileGated(t *testing.T, s *gateStore, first, second capacity.BookRequest) (capacity.Booking, capacity.Booking) {
	t.Helper()
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	var a capacity.Booking
	var aErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		a, aErr = l.Book(ctx, first, t0)
	}()
	<-s.entered
	b, err := l.Book(ctx, second, t0)
	require.NoError(t, err)
	close(s.release)
	<-done
	require.NoError(t, aErr)
	return a, b
}

// TestBookPlansAroundBookingsInFlight: a booking planned while another of
// the same Ledger is being committed lays its pieces around it, so
// neither has to plan again.
func TestBookPlansAroundBookingsInFlight(t *testing.T) {
	s := newGateStore("FIRST")
	ps := ws(10)
	a, b := bookWhileGated(t, s, req("FIRST", 10, 2, ps), req("SECOND", 10, 2, ps))
	assert.Equal(t, []string{"A/cap/2026-W49:10"}, lineText(a))
	assert.Equal(t, []string{"A/cap/2026-W50:10"}, lineText(b), "planned around the booking in flight")
	assert.EqualValues(t, 2, s.commits.Load(), "one Commit each: no collision, no second plan")
}

// TestBookInFlightNeverCostsPieces: when counting a booking in flight
// would leave an order short, Book plans on what the store showed; the
// booking in flight, which then finds no room, plans again on what is
// left.
func TestBookInFlightNeverCostsPieces(t *testing.T) {
	s := newGateStore("FIRST")
	ps := ws(10)
	a, b := bookWhileGated(t, s, req("FIRST", 6, 1, ps), req("SECOND", 6, 1, ps))
	assert.Equal(t, []string{"A/cap/2026-W49:6"}, lineText(b), "all of its order, as if nothing were in flight")
	assert.Equal(t, []string{"A/cap/2026-W49:4"}, lineText(a), "what was left when it planned again")
	assert.Equal(t, map[string]int{"FIRST": 2}, a.Unfilled)
	assert.EqualValues(t, 3, s.commits.Load())
}

// TestBookInFlightHoldsAndAllOrNothing: held pieces in flight count as
// taken as confirmed ones do; and an AllOrNothing order that counting
// them would refuse (ErrNoCapacity) is planned on the store's figures.
func TestBookInFlightHoldsAndAllOrNothing(t *testing.T) {
	ps := ws(10)
	s := newGateStore("FIRST")
	a, b := bookWhileGated(t, s, hold("FIRST", 10, 2, ps, time.Hour), hold("SECOND", 10, 2, ps, time.Hour))
	assert.Equal(t, []string{"A/cap/2026-W49:10"}, lineText(a))
	assert.Equal(t, []string{"A/cap/2026-W50:10"}, lineText(b), "planned around the hold in flight")
	assert.EqualValues(t, 2, s.commits.Load())

	s = newGateStore("FIRST")
	all := req("SECOND", 6, 1, ps)
	all.AllOrNothing = true
	a, b = bookWhileGated(t, s, req("FIRST", 6, 1, ps), all)
	assert.Equal(t, []string{"A/cap/2026-W49:6"}, lineText(b), "all of it, as the store showed the week")
	assert.Equal(t, []string{"A/cap/2026-W49:4"}, lineText(a))
}

// TestBookSeveralOrdersAroundBookingsInFlight: a request of several
// orders (planned by Schedule) also plans around a booking in flight, and
// falls back to the store's figures when that would leave it short.
func TestBookSeveralOrdersAroundBookingsInFlight(t *testing.T) {
	ps := ws(10)
	two := func(key string, q int) capacity.BookRequest {
		o1, o2 := capOrd(key+"-1", q), capOrd(key+"-2", q)
		o1.Due, o2.Due = batik.MustParseDate("2026-12-14"), batik.MustParseDate("2026-12-14") // W49 and W50 on time
		return capacity.BookRequest{Key: key, Orders: []batik.Order{o1, o2}, Producers: ps, From: w49}
	}
	s := newGateStore("FIRST")
	a, b := bookWhileGated(t, s, two("FIRST", 5), two("SECOND", 5))
	require.Len(t, a.Lines, 2)
	for _, ln := range b.Lines {
		assert.NotEqual(t, a.Lines[0].Week, ln.Week, "planned around the week in flight: %s and %s", lineText(a), lineText(b))
	}
	assert.Empty(t, a.Unfilled)
	assert.Empty(t, b.Unfilled)
	assert.EqualValues(t, 2, s.commits.Load(), "one Commit each")

	s = newGateStore("FIRST")
	a, b = bookWhileGated(t, s, req("FIRST", 10, 2, ps), two("SECOND", 8))
	assert.Empty(t, b.Unfilled, "all 16 pieces, as the store showed the weeks: %s", lineText(b))
	assert.Equal(t, map[string]int{"FIRST": 6}, a.Unfilled, "the first planned again on the 4 left")
}
