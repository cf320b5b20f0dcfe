package capacity_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetCalendar(t *testing.T) {
	l := fresh()
	ps := ws(100)
	// Closed in W50 (Lebaran), a short W51 for cap.
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49.Add(1), Capacity: 0}, t0))
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(2), Capacity: 40}, t0))
	b, err := l.Book(ctx, req("ORD-1", 250, 3, ps), t0)
	require.NoError(t, err)
	got := map[string]int{}
	for _, ln := range b.Lines {
		got[ln.Week.String()] = ln.Quantity
	}
	assert.Equal(t, map[string]int{"2026-W49": 100, "2026-W51": 40}, got)
	assert.Equal(t, map[string]int{"ORD-1": 110}, b.Unfilled)
	m := slotSums(t, l, ps, 3, t0)
	assert.Equal(t, [2]int{0, 0}, m["A/cap/2026-W50"])
	assert.Equal(t, [2]int{40, 40}, m["A/cap/2026-W51"])

	before := dump(t, l, ps, t0)
	for _, tt := range []struct {
		give  capacity.CalendarEntry
		field string
		value string
	}{
		{capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: -1}, "calendar.capacity", "-1"},
		{capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 1 << 31}, "calendar.capacity", "2147483648"},
		{capacity.CalendarEntry{ProducerID: "", Week: w49, Capacity: 1}, "calendar.producer_id", `""`},
		{capacity.CalendarEntry{ProducerID: strings.Repeat("A", 257), Week: w49, Capacity: 1}, "calendar.producer_id", "*"},
		{capacity.CalendarEntry{ProducerID: "A", Capacity: 1}, "calendar.week", `""`},
		{capacity.CalendarEntry{ProducerID: "A", Technique: "lukis", Week: w49, Capacity: 1}, "calendar.technique", `"lukis"`},
	} {
		inputError(t, l.SetCalendar(ctx, tt.give, t0), capacity.ErrInvalid, tt.field, tt.value)
	}
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "Z", Week: w49, Capacity: math.MaxInt32}, t0), "the largest capacity")
	err = l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 99}, t0)
	ie := inputError(t, err, capacity.ErrNoRoom, "slot", `"A/cap/2026-W49"`)
	assert.Contains(t, ie.Error(), "100 held and confirmed", "100 are booked in W49")
	assert.Equal(t, before, dump(t, l, ps, t0), "ledger unchanged")
}

// TestSetCalendarToWhatIsBooked: a capacity of exactly the pieces held and
// confirmed in a slot is taken, and the recorded capacity follows it (the
// slot is full); one less is ErrNoRoom. A lapsed hold is not in the way.
func TestSetCalendarToWhatIsBooked(t *testing.T) {
	store := memstore.New()
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(100)
	_, err := l.Book(ctx, req("C", 40, 1, ps), t0)
	require.NoError(t, err)
	_, err = l.Book(ctx, hold("H", 20, 1, ps, time.Hour), t0)
	require.NoError(t, err)
	_, err = l.Book(ctx, hold("LAPSED", 30, 1, ps, time.Minute), t0)
	require.NoError(t, err)
	now := t0.Add(time.Minute)
	require.ErrorIs(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 59}, now), capacity.ErrNoRoom)
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 60}, now))
	u, err := store.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49}, now)
	require.NoError(t, err)
	assert.Equal(t, []capacity.SlotUsage{{Slot: capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}, Held: 20, Confirmed: 40,
		Capacity: 60, Recorded: true}}, u)
	_, err = l.Book(ctx, req("MORE", 1, 1, ps), now)
	require.ErrorIs(t, err, capacity.ErrNoCapacity, "the slot is full")
}

// TestSetCalendarUntouchedSlot: an entry for a slot no booking touched is
// not usage (Usage lists nothing), yet Slots and Book take its capacity,
// and the first booking records it.
func TestSetCalendarUntouchedSlot(t *testing.T) {
	store := memstore.New()
	l := capacity.NewLedger(store, capacity.LedgerOptions{})
	ps := ws(100)
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w49, Capacity: 30}, t0))
	q := capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49}
	u, err := store.Usage(ctx, q, t0)
	require.NoError(t, err)
	assert.Empty(t, u)
	st, err := l.Slots(ctx, q, ps, t0)
	require.NoError(t, err)
	assert.Equal(t, 30, st[0].Capacity)
	b, err := l.Book(ctx, req("K", 50, 1, ps), t0)
	require.NoError(t, err)
	assert.Equal(t, 30, b.Orders[0].Booked)
	u, err = store.Usage(ctx, q, t0)
	require.NoError(t, err)
	require.Len(t, u, 1)
	assert.Equal(t, 30, u[0].Capacity)
}

// TestSetCalendarConcurrentWithCommits: calendar entries set while other
// goroutines book the same slots (under -race: no data race). Every
// SetCalendar either takes effect or is ErrNoRoom, and no slot ends over
// its capacity.
func TestSetCalendarConcurrentWithCommits(t *testing.T) {
	ps := ws(50, 50)
	l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{MaxRetries: 100})
	var wg sync.WaitGroup
	for g := range 6 {
		wg.Go(func() {
			for i := range 50 {
				if g < 2 {
					e := capacity.CalendarEntry{ProducerID: string(rune('A' + g)), Week: w49.Add(i % 3), Capacity: 20 + (i*7)%40}
					if err := l.SetCalendar(ctx, e, t0); err != nil && !isAny(err, capacity.ErrNoRoom) {
						t.Error(err)
					}
					continue
				}
				_, err := l.Book(ctx, req(fmt.Sprintf("K%d-%d", g, i), 1+i%9, 3, ps), t0)
				if err != nil && !isAny(err, capacity.ErrNoCapacity, capacity.ErrContention) {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	checkSlots(t, l, ps, t0, true)
}

// TestBookingsPages: Bookings pages through the bookings in (created, key)
// order with a state filter (judged at now) and a limit, the next cursor
// in each page; a booking added meanwhile appears once, on a later page,
// and none is skipped or repeated.
func TestBookingsPages(t *testing.T) {
	l := fresh()
	ps := ws(1000)
	for i := range 25 {
		r := req(fmt.Sprintf("K%02d", 24-i), 1, 1, ps)
		if i%2 == 0 {
			r.HoldFor = time.Duration(1+i%3) * time.Hour // 1, 2 or 3 hours
		}
		_, err := l.Book(ctx, r, t0.Add(time.Duration(i/5)*time.Minute))
		require.NoError(t, err)
	}
	now := t0.Add(90 * time.Minute)
	for _, tt := range []struct {
		state capacity.State
		want  int
	}{{capacity.Confirmed, 12}, {capacity.Held, 8}, {capacity.Expired, 5}, {capacity.Cancelled, 0}, {0, 25}} {
		f := capacity.BookingFilter{State: tt.state, Limit: 3}
		var keys []string
		var prev capacity.Booking
		for pages := 0; ; pages++ {
			require.Less(t, pages, 10)
			page, err := l.Bookings(ctx, f, now)
			require.NoError(t, err)
			require.LessOrEqual(t, len(page.Bookings), 3)
			for _, b := range page.Bookings {
				if tt.state != 0 {
					assert.Equal(t, tt.state, b.State)
				}
				if prev.Key != "" {
					assert.Negative(t, capacity.ComparePage(&prev, &b), "%s before %s", prev.Key, b.Key)
				}
				prev = b
				keys = append(keys, b.Key)
			}
			if page.Next == "" {
				break
			}
			if tt.state == 0 && pages == 1 {
				// Added meanwhile: one sorting after the cursor, one before.
				_, err := l.Book(ctx, req("LATER", 1, 1, ps), t0.Add(time.Hour))
				require.NoError(t, err)
				_, err = l.Book(ctx, req("A-EARLY", 1, 1, ps), t0.Add(-time.Hour))
				require.NoError(t, err)
				tt.want++
			}
			f.Cursor = page.Next
		}
		assert.Len(t, keys, tt.want, "state %s", tt.state)
		assert.Len(t, uniq(keys), len(keys), "none repeated")
	}
	page, err := l.Bookings(ctx, capacity.BookingFilter{}, now)
	require.NoError(t, err)
	assert.Len(t, page.Bookings, 27, "Limit 0 is DefaultPageLimit")
	assert.Empty(t, page.Next)
}

func uniq(s []string) map[string]bool {
	m := map[string]bool{}
	for _, x := range s {
		m[x] = true
	}
	return m
}

// TestBookingsPagesAtTheYearEdges: bookings created in the year 1, 2500
// and 9999 (times no int64 of nanoseconds holds) page through in order,
// each once.
func TestBookingsPagesAtTheYearEdges(t *testing.T) {
	l := fresh()
	var want []string
	for _, at := range []time.Time{time.Date(1, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2500, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 6, 1, 0, 0, 0, 0, time.UTC)} {
		for i := range 2 {
			r := req(fmt.Sprintf("K%04d-%d", at.Year(), i), 1, 1, ws(100))
			r.From = capacity.WeekOf(batik.DateOf(at))
			_, err := l.Book(ctx, r, at.Add(time.Duration(i)*time.Nanosecond))
			require.NoError(t, err)
			want = append(want, r.Key)
		}
	}
	var got []string
	for _, b := range all(t, l, capacity.BookingFilter{Limit: 1}, t0) {
		got = append(got, b.Key)
	}
	assert.Equal(t, want, got)
}

// TestBookingsBadFilter: Bookings refuses what BookingFilter.Validate
// refuses (see its tests), with nothing read; a page's cursor goes on
// with another limit.
func TestBookingsBadFilter(t *testing.T) {
	l := fresh()
	for i := range 3 {
		_, err := l.Book(ctx, req(fmt.Sprintf("K%d", i), 1, 1, ws(10)), t0)
		require.NoError(t, err)
	}
	page, err := l.Bookings(ctx, capacity.BookingFilter{Limit: 1}, t0)
	require.NoError(t, err)
	require.NotEmpty(t, page.Next)
	for _, f := range []capacity.BookingFilter{{Limit: capacity.MaxPageLimit + 1}, {Cursor: page.Next[:20]}, {Cursor: page.Next, State: capacity.Held}} {
		_, err := l.Bookings(ctx, f, t0)
		require.ErrorIs(t, err, capacity.ErrInvalid, "%+v", f)
	}
	page, err = l.Bookings(ctx, capacity.BookingFilter{Limit: capacity.MaxPageLimit, Cursor: page.Next}, t0)
	require.NoError(t, err, "the limit may change from page to page")
	assert.Len(t, page.Bookings, 2)
}

// TestHistory: every change of a booking is in its history, oldest first,
// with its version, the caller's clock, the actor of its context and the
// operation (a delivery with its call key); a hold a commit found lapsed
// is marked expired without an actor.
func TestHistory(t *testing.T) {
	l := fresh()
	ps := ws(100)
	as := func(who string) context.Context { return capacity.WithActor(ctx, who) }
	_, err := l.Book(as("web"), hold("ORD-1", 60, 1, ps, time.Hour), t0)
	require.NoError(t, err)
	_, err = l.Extend(as("checkout"), "ORD-1", 90*time.Minute, t0.Add(time.Minute)) // past the hold's end: a new version
	require.NoError(t, err)
	b, err := l.Confirm(as("kasir-1"), "ORD-1", t0.Add(2*time.Minute))
	require.NoError(t, err)
	_, err = l.Deliver(as("gudang"), "ORD-1", "call-7", []capacity.Delivery{delivery("ORD-1", b.Lines[0].Slot, 10)}, t0.Add(3*time.Minute))
	require.NoError(t, err)
	_, err = l.Rebook(as("planner"), "ORD-1", []batik.Order{capOrd("ORD-1", 60)}, ps, t0.AddDate(0, 0, 7))
	require.NoError(t, err)
	_, err = l.Cancel(ctx, "ORD-1", t0.AddDate(0, 0, 8))
	require.NoError(t, err)
	h, err := l.History(ctx, "ORD-1")
	require.NoError(t, err)
	for i := range h {
		h[i] = normHistory(h[i])
	}
	assert.Equal(t, []capacity.HistoryEntry{
		{Version: 1, Time: t0.UTC(), Actor: "web", Op: capacity.OpBook},
		{Version: 2, Time: t0.Add(time.Minute).UTC(), Actor: "checkout", Op: capacity.OpExtend},
		{Version: 3, Time: t0.Add(2 * time.Minute).UTC(), Actor: "kasir-1", Op: capacity.OpConfirm},
		{Version: 4, Time: t0.Add(3 * time.Minute).UTC(), Actor: "gudang", Op: capacity.OpDeliver, Call: "call-7"},
		{Version: 5, Time: t0.AddDate(0, 0, 7).UTC(), Actor: "planner", Op: capacity.OpRebook},
		{Version: 6, Time: t0.AddDate(0, 0, 8).UTC(), Op: capacity.OpCancel},
	}, h)

	// A lapsed hold in a slot another booking needs is marked expired by
	// that booking's commit, with no actor.
	_, err = l.Book(as("web"), hold("ORD-2", 100, 1, ws(100), time.Minute), t0)
	require.NoError(t, err)
	_, err = l.Book(as("web"), req("ORD-3", 100, 1, ws(100)), t0.Add(time.Hour))
	require.NoError(t, err)
	h, err = l.History(ctx, "ORD-2")
	require.NoError(t, err)
	require.Len(t, h, 2)
	assert.Equal(t, capacity.HistoryEntry{Version: 2, Time: t0.Add(time.Hour).UTC(), Op: capacity.OpExpire}, normHistory(h[1]))
}
