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

// TestBookCalendarShapesSnapshot books on 30 producers given out of ID
// order, each with two techniques, with calendar entries for a whole
// producer and for one technique (which overrides it), and holds that
// expire on the way: no slot is ever over its capacity, and the calendar
// shaped the bookings.
func TestBookCalendarShapesSnapshot(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	ps := make([]batik.Producer, 30)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("W%02d", (i*17)%30), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{
				{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 5 + i%4, UnitCost: decimal.NewFromInt(int64(300000 + 1000*i))},
				{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 20 + i%7, UnitCost: decimal.NewFromInt(int64(80000 + 500*i))},
			}}
	}
	l := fresh()
	for _, e := range []capacity.CalendarEntry{
		{ProducerID: "W03", Week: w49.Add(1), Capacity: 0},
		{ProducerID: "W03", Technique: batik.Cap, Week: w49.Add(1), Capacity: 7}, // overrides the producer's 0 for cap
		{ProducerID: "W11", Technique: batik.Tulis, Week: w49, Capacity: 1},
		{ProducerID: "W29", Week: w49.Add(2), Capacity: 2},
	} {
		require.NoError(t, l.SetCalendar(ctx, e, t0))
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
			r.HoldFor = time.Duration(1+rng.IntN(6)) * time.Hour
		}
		if _, err := l.Book(ctx, r, now); !isAny(err, capacity.ErrNoCapacity) {
			require.NoError(t, err)
		}
		checkSlots(t, l, ps, now, true)
	}
	// The calendar shaped the bookings: W03's cap week 2 holds at most 7,
	// its tulis week 2 nothing; W11's tulis week 1 at most 1.
	st, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(3)}, ps, now)
	require.NoError(t, err)
	want := map[capacity.Slot]int{
		{ProducerID: "W03", Technique: batik.Cap, Week: w49.Add(1)}:   7,
		{ProducerID: "W03", Technique: batik.Tulis, Week: w49.Add(1)}: 0,
		{ProducerID: "W11", Technique: batik.Tulis, Week: w49}:        1,
		{ProducerID: "W29", Technique: batik.Cap, Week: w49.Add(2)}:   2,
	}
	seen := 0
	for _, s := range st {
		if c, ok := want[s.Slot]; ok {
			require.Equal(t, c, s.Capacity, "%s", s.Slot)
			seen++
		}
	}
	require.Equal(t, len(want), seen)
}

// TestFreeViewAgreesWithWeeks plans with Allocate on a Ledger.Free view
// over weeks that start at, after, and run past the view's own: the
// capacity Allocate sees for each producer must be the sum of the view's
// Free over the weeks asked (0 outside the view), whichever way the view
// answers it. Producers are given in both orders, with a calendar entry
// and a booking already taking part of one week.
func TestFreeViewAgreesWithWeeks(t *testing.T) {
	ps := ws(30, 40, 50)
	l := fresh()
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "B", Week: w49.Add(1), Capacity: 5}, t0))
	_, err := l.Book(ctx, req("X", 25, 1, ps), t0)
	require.NoError(t, err)
	view, err := l.Free(ctx, ps, w49, 3, t0)
	require.NoError(t, err)
	reversed := []batik.Producer{ps[2], ps[1], ps[0]}
	for _, from := range []capacity.Week{w49, w49.Add(1), w49.Add(2), w49.Add(3)} {
		for _, weeks := range []int{1, 2, 3, 5} {
			want := []capacity.Line{}
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
		l := fresh()
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

// TestFreeToTheLastWeek reads a Free view that ends in the last week there
// is, 9999-W52: allowed, while one more week is refused.
func TestFreeToTheLastWeek(t *testing.T) {
	l := fresh()
	ps := ws(10)
	view, err := l.Free(ctx, ps, capacity.MustParseWeek("9999-W51"), 2, t0)
	require.NoError(t, err)
	require.Equal(t, 10, view.Free("A", batik.Cap, capacity.MustParseWeek("9999-W52")))
	_, err = l.Free(ctx, ps, capacity.MustParseWeek("9999-W51"), 3, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
}

// TestFreeBadInput: Free refuses a zero from, weeks outside [1,
// MaxWeeks] or past the year 9999, and producer IDs batik's rule refuses,
// naming them.
func TestFreeBadInput(t *testing.T) {
	l := fresh()
	ps := ws(100)
	bad := ws(100)
	bad[0].ID = "=1+1"
	for _, tt := range []struct {
		ps    []batik.Producer
		from  capacity.Week
		weeks int
		field string
		value string
	}{
		{ps, w49, 0, "weeks", "0"},
		{ps, w49, capacity.MaxWeeks + 1, "weeks", "105"},
		{ps, capacity.Week{}, 1, "from", `""`},
		{ps, capacity.MustParseWeek("9999-W52"), 2, "weeks", "2"},
		{bad, w49, 1, "producers[0].id", `"=1+1"`},
	} {
		_, err := l.Free(ctx, tt.ps, tt.from, tt.weeks, t0)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
}
