package capacity_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestBookSnapshotPaths books the same requests on two ledgers over memory
// stores: one through the memory store's direct snapshot, one through the
// general Store methods (Calendar and Usage), with more producers than the
// snapshot finds by a linear scan, given out of ID order, each with two
// techniques, calendar entries for a whole producer and for one technique,
// and holds that expire on the way. Both must record the same bookings
// and report the same slots, and no slot may be over its capacity.
func TestBookSnapshotPaths(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	ps := make([]batik.Producer, 30)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("W%02d", (i*17)%30), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{
				{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 5 + i%4, UnitCost: decimal.NewFromInt(int64(300000 + 1000*i))},
				{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 20 + i%7, UnitCost: decimal.NewFromInt(int64(80000 + 500*i))},
			}}
	}
	direct := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	general := capacity.NewLedger(struct{ capacity.Store }{capacity.NewMemoryStore()}, capacity.LedgerOptions{})
	both := func(f func(l *capacity.Ledger) any) {
		t.Helper()
		require.Equal(t, f(direct), f(general))
	}
	for _, e := range []capacity.CalendarEntry{
		{ProducerID: "W03", Week: w49.Add(1), Capacity: 0},
		{ProducerID: "W03", Technique: batik.Cap, Week: w49.Add(1), Capacity: 7}, // overrides the producer's 0 for cap
		{ProducerID: "W11", Technique: batik.Tulis, Week: w49, Capacity: 1},
		{ProducerID: "W29", Week: w49.Add(2), Capacity: 2},
	} {
		both(func(l *capacity.Ledger) any { return l.SetCalendar(ctx, e, t0) })
	}
	now := t0
	for i := range 60 {
		now = now.Add(time.Duration(rng.IntN(90)) * time.Minute)
		tech, q := batik.Cap, 50+rng.IntN(400)
		if i%3 == 0 {
			tech, q = batik.Tulis, 5+rng.IntN(40)
		}
		r := capacity.BookRequest{Key: fmt.Sprintf("K%02d", i), Producers: ps, From: w49, Weeks: 1 + rng.IntN(4),
			Orders: []batik.Order{{ID: fmt.Sprintf("O%02d", i), Technique: tech, MinGrade: batik.Sedang, Quantity: q}}}
		if i%2 == 0 {
			r.HoldUntil = now.Add(time.Duration(1+rng.IntN(6)) * time.Hour)
		}
		both(func(l *capacity.Ledger) any {
			b, err := l.Book(ctx, r, now)
			require.NoError(t, err)
			return b
		})
		both(func(l *capacity.Ledger) any {
			st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(3)}, ps, now)
			require.NoError(t, err)
			for _, s := range st {
				require.LessOrEqual(t, s.Held+s.Confirmed, s.Capacity, "%s", s.Slot)
			}
			return st
		})
	}
	// The calendar shaped the bookings: W03's cap week 2 holds at most 7,
	// its tulis week 2 nothing; W11's tulis week 1 at most 1.
	st, err := direct.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(3)}, ps, now)
	require.NoError(t, err)
	seen := 0
	for _, s := range st {
		switch s.Slot {
		case capacity.Slot{ProducerID: "W03", Technique: batik.Cap, Week: w49.Add(1)}:
			require.Equal(t, 7, s.Capacity)
			seen++
		case capacity.Slot{ProducerID: "W03", Technique: batik.Tulis, Week: w49.Add(1)}:
			require.Equal(t, 0, s.Capacity)
			seen++
		case capacity.Slot{ProducerID: "W11", Technique: batik.Tulis, Week: w49}:
			require.Equal(t, 1, s.Capacity)
			seen++
		}
	}
	require.Equal(t, 3, seen)
}

// TestFreeViewAgreesWithWeeks plans with Allocate on a Ledger.Free view
// over weeks that start at, after, and run past the view's own: the
// capacity Allocate sees for each producer must be the sum of the view's
// Free over the weeks asked (0 outside the view), whichever way the view
// answers it. Producers are given in both orders, with a calendar entry
// and a booking already taking part of one week.
func TestFreeViewAgreesWithWeeks(t *testing.T) {
	ps := ws(30, 40, 50)
	l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "B", Week: w49.Add(1), Capacity: 5}, t0))
	_, err := l.Book(ctx, req("X", 25, 1, ps), t0)
	require.NoError(t, err)
	view, err := l.Free(ctx, ps, w49, 3, t0)
	require.NoError(t, err)
	reversed := []batik.Producer{ps[2], ps[1], ps[0]}
	for _, from := range []capacity.Week{w49, w49.Add(1), w49.Add(2), w49.Add(3)} {
		for _, weeks := range []int{1, 2, 3, 5} {
			var want []capacity.Line
			for _, p := range ps {
				n := 0
				for k := range weeks {
					n += view.Free(p.ID, batik.Cap, from.Add(k))
				}
				if n > 0 {
					want = append(want, capacity.Line{ProducerID: p.ID, Quantity: n, UnitCost: p.Capabilities[0].UnitCost})
				}
			}
			for _, order := range [][]batik.Producer{ps, reversed} {
				// An order larger than all the free capacity: each producer's
				// line is its whole free capacity.
				plan, err := capacity.Allocate(capOrd("O", 10000), order, capacity.AllocateOptions{From: from, Weeks: weeks, Free: view})
				require.NoError(t, err)
				require.Equal(t, want, plan.Lines, "from %s, %d weeks", from, weeks)
			}
		}
	}
}

// TestFreeViewOutside asks a Free view about what it does not hold: an
// unknown producer (in a view small enough to scan and in one large enough
// to index), a technique no batik has, a technique the producer lacks,
// and weeks before and after the view. Each is 0, while the slots it does
// hold are not.
func TestFreeViewOutside(t *testing.T) {
	for _, n := range []int{3, 30} {
		ps := make([]batik.Producer, n)
		for i := range ps {
			ps[i] = batik.Producer{ID: fmt.Sprintf("P%02d", i), Name: "Batik", Region: "33.72",
				Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 10 + i, UnitCost: decimal.NewFromInt(80000)}}}
			if i%2 == 0 {
				ps[i].Capabilities = append(ps[i].Capabilities,
					batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 1 + i, UnitCost: decimal.NewFromInt(400000)})
			}
		}
		l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
		view, err := l.Free(ctx, ps, w49, 2, t0)
		require.NoError(t, err)
		for i, p := range ps {
			require.Equal(t, 10+i, view.Free(p.ID, batik.Cap, w49.Add(1)), "%d producers, %s", n, p.ID)
			if i%2 == 0 {
				require.Equal(t, 1+i, view.Free(p.ID, batik.Tulis, w49), "%d producers, %s tulis", n, p.ID)
			}
		}
		require.Zero(t, view.Free("P99", batik.Cap, w49), "%d producers: unknown producer", n)
		require.Zero(t, view.Free("", batik.Cap, w49), "%d producers: empty ID", n)
		require.Zero(t, view.Free("P01", "sablon", w49), "%d producers: unknown technique", n)
		require.Zero(t, view.Free("P01", batik.Tulis, w49), "%d producers: a technique it lacks", n)
		require.Zero(t, view.Free("P01", batik.Cap, w49.Add(-1)), "%d producers: week before", n)
		require.Zero(t, view.Free("P01", batik.Cap, w49.Add(2)), "%d producers: week after", n)
		// Allocate on the view sees nobody it does not hold.
		plan, err := capacity.Allocate(capOrd("O", 5), []batik.Producer{{ID: "P99", Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 50, UnitCost: decimal.NewFromInt(80000)}}}},
			capacity.AllocateOptions{From: w49, Weeks: 2, Free: view})
		require.NoError(t, err)
		require.Equal(t, 5, plan.Unfilled, "%d producers", n)
		// Planning on a view of the first two producers with a third one
		// listed after them: the third has nothing free.
		part, err := l.Free(ctx, ps[:2], w49, 2, t0)
		require.NoError(t, err)
		plan, err = capacity.Allocate(capOrd("O", 1000), ps[:3], capacity.AllocateOptions{From: w49, Weeks: 2, Free: part})
		require.NoError(t, err)
		require.Len(t, plan.Lines, 2, "%d producers", n)
		require.Equal(t, 1000-(10+10)-(11+11), plan.Unfilled, "%d producers", n)
	}
}

// TestBookAfterLargerBook books with 30 producers, then with 24 and with
// 3 (Book reuses its snapshots' memory from one booking to the next): each
// booking fills its order on its own producers' full capacity.
func TestBookAfterLargerBook(t *testing.T) {
	l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	for i, n := range []int{30, 24, 3, 30, 24} {
		ps := make([]batik.Producer, n)
		for j := range ps {
			ps[j] = batik.Producer{ID: fmt.Sprintf("R%d-%02d", i, j), Name: "Batik", Region: "33.72",
				Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 10, UnitCost: decimal.NewFromInt(80000)}}}
		}
		b, err := l.Book(ctx, req(fmt.Sprintf("K%d", i), 10*n, 1, ps), t0)
		require.NoError(t, err)
		require.Empty(t, b.Unfilled, "booking %d over %d producers", i, n)
		require.Len(t, b.Lines, n, "booking %d over %d producers", i, n)
	}
}

// TestRebookOntoFirstProducer rebooks a tulis shortfall onto the producer
// listed first (its slots come first in the snapshot's arrays), first into
// a free week, then, when another booking took that week, into the next:
// the moved pieces land whole, and no line of zero pieces appears.
func TestRebookOntoFirstProducer(t *testing.T) {
	tulis := func(id string) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik " + id, Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 10, UnitCost: decimal.NewFromInt(400000)}}}
	}
	ps := []batik.Producer{tulis("B"), tulis("A")} // B first
	// Due on the Monday of W52: pieces are on time up to W51.
	o := batik.Order{ID: "T-1", Technique: batik.Tulis, MinGrade: batik.Sedang, Quantity: 16, Due: batik.MustParseDate("2026-12-21")}
	for _, blocked := range []bool{false, true} {
		l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
		b, err := l.Book(ctx, capacity.BookRequest{Key: "T-1", Orders: []batik.Order{o}, Producers: ps, From: w49, Weeks: 3}, t0)
		require.NoError(t, err)
		require.Len(t, b.Lines, 2) // A and B, 8 each in W49
		var aLine, bLine capacity.BookingLine
		for _, ln := range b.Lines {
			require.Equal(t, 8, ln.Quantity)
			if ln.ProducerID == "A" {
				aLine = ln
			} else {
				bLine = ln
			}
		}
		if blocked { // another order takes B's W50
			other := batik.Order{ID: "T-2", Technique: batik.Tulis, MinGrade: batik.Sedang, Quantity: 10}
			_, err := l.Book(ctx, capacity.BookRequest{Key: "T-2", Orders: []batik.Order{other}, Producers: ps[:1], From: w49.Add(1)}, t0)
			require.NoError(t, err)
		}
		_, err = l.Deliver(ctx, "T-1", []capacity.Delivery{{OrderID: "T-1", Slot: aLine.Slot, Quantity: 2},
			{OrderID: "T-1", Slot: bLine.Slot, Quantity: 8}}, t0)
		require.NoError(t, err)
		rb, err := l.Rebook(ctx, "T-1", []batik.Order{o}, ps, t0.AddDate(0, 0, 7)) // in W50: A's W49 ended 6 short
		require.NoError(t, err)
		got := map[string]int{}
		for _, ln := range rb.Lines {
			require.Positive(t, ln.Quantity, "blocked %v: %s", blocked, ln.Slot)
			got[ln.Slot.String()] = ln.Quantity
		}
		want := map[string]int{"A/tulis/2026-W49": 2, "B/tulis/2026-W49": 8, "B/tulis/2026-W50": 6}
		if blocked {
			want = map[string]int{"A/tulis/2026-W49": 2, "B/tulis/2026-W49": 8, "B/tulis/2026-W51": 6}
		}
		require.Equal(t, want, got, "blocked %v", blocked)
		require.Empty(t, rb.Unfilled, "blocked %v", blocked)
	}
}

// TestFreeToTheLastWeek reads a Free view that ends in the last week there
// is, 9999-W52: allowed, while one more week is refused.
func TestFreeToTheLastWeek(t *testing.T) {
	l := capacity.NewLedger(capacity.NewMemoryStore(), capacity.LedgerOptions{})
	ps := ws(10)
	view, err := l.Free(ctx, ps, capacity.MustParseWeek("9999-W51"), 2, t0)
	require.NoError(t, err)
	require.Equal(t, 10, view.Free("A", batik.Cap, capacity.MustParseWeek("9999-W52")))
	_, err = l.Free(ctx, ps, capacity.MustParseWeek("9999-W51"), 3, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
}
