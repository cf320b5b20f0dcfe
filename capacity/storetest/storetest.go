// Package storetest is the conformance suite every capacity.Store must
// pass: the memory store runs it in capacity's tests, and the PostgreSQL
// store in its own. Call Run from a test with a function that returns an
// empty store:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) capacity.Store { return memstore.New() })
//	}
//
// Each subtest gets a store of its own from newStore, which must return an
// empty store each time (Sweep sweeps a whole store). The suite checks
// what the ledger relies on: Commit's insert, exists, stale
// and not-found answers; ErrNoRoom with nothing changed; expired holds
// released on Commit and hidden by readers, to the nanosecond; calendar
// entries (set, refused below what is booked, taking precedence over a
// change's capacity, and recorded on the slots they govern); the readers,
// Usage of a query's rectangle and of a list of slots (SlotQuery.Slots),
// the bookings of an order including those that could place none of it;
// Commit's rules on its input (each broken rule refused with ErrInvalid
// and nothing recorded); no slot over capacity under concurrent commits;
// one booking for a key inserted from many goroutines at once; the
// history of every change with its actor; delivery calls kept once per
// key; Sweep marking lapsed holds up to its limit; pages of bookings in
// (created, key) order whose cursors lead through every booking once;
// the state filter judged at the caller's clock.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the conformance suite against stores made by newStore, each
// case as a subtest on an empty store of its own, one after another.
func Run(t *testing.T, newStore func(t *testing.T) capacity.Store) {
	cases := []struct {
		name string
		fn   func(t *testing.T, s capacity.Store)
	}{
		{"InsertAndRead", testInsertAndRead},
		{"Exists", testExists},
		{"StaleAndNotFound", testStaleAndNotFound},
		{"Update", testUpdate},
		{"NoRoomChangesNothing", testNoRoom},
		{"ExpiredHoldReleased", testExpiredHold},
		{"ConfirmReleasedHoldNeedsRoom", testConfirmReleased},
		{"Calendar", testCalendar},
		{"CalendarBeatsChangeCapacity", testCalendarPrecedence},
		{"Bookings", testBookings},
		{"UsageRange", testUsageRange},
		{"UsageOfSlots", testUsageOfSlots},
		{"CancelledContext", testCancelledContext},
		{"RecordsAreCopies", testCopies},
		{"ConcurrentCommitsNeverOverbook", testConcurrent},
		{"ConcurrentInsertsOfOneKey", testReplays},
		{"BadChangeRefused", testBadChange},
		{"EdgesTaken", testEdgesTaken},
		{"KeysThatCannotExist", testKeysThatCannotExist},
		{"IDsThatCannotExist", testImpossibleIDs},
		{"HoldExpiredOnCommit", testHoldExpiredOnCommit},
		{"HoldToTheNanosecond", testHoldToTheNanosecond},
		{"BookingsOfUnfilledOrders", testBookingsOfUnfilledOrders},
		{"CalendarRecordsCapacity", testCalendarRecordsCapacity},
		{"History", testHistory},
		{"RecordKept", testRecordKept},
		{"DeliveryCalls", testDeliveryCalls},
		{"ConcurrentCalls", testConcurrentCalls},
		{"Sweep", testSweep},
		{"SweepRacesCommits", testSweepRacesCommits},
		{"Paging", testPaging},
		{"StateFilter", testStateFilter},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.fn(t, newStore(t))
		})
	}
}

// now is the clock the suite passes: Monday 7 December 2026, 09:00 UTC.
var now = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)

var week = capacity.MustParseWeek("2026-W50")

func slot(p string, w int) capacity.Slot {
	return capacity.Slot{ProducerID: p, Technique: batik.Cap, Week: week.Add(w)}
}

// booking is a confirmed (or, with until set, held) booking of the lines.
func booking(key string, until time.Time, lines ...capacity.BookingLine) capacity.Booking {
	state := capacity.Confirmed
	if !until.IsZero() {
		state = capacity.Held
	}
	if lines == nil {
		lines = []capacity.BookingLine{}
	}
	return capacity.Booking{Key: key, State: state, HoldUntil: until, Request: "req-" + key, Lines: lines,
		Unfilled: map[string]int{}, Created: now, Updated: now}
}

func line(order string, s capacity.Slot, q int) capacity.BookingLine {
	return capacity.BookingLine{OrderID: order, Slot: s, Quantity: q, UnitCost: decimal.NewFromInt(80000)}
}

// insert commits b new, each line taking its quantity from a slot of
// capacity capOf.
func insert(s capacity.Store, at time.Time, b capacity.Booking, capOf int) (capacity.Booking, error) {
	return s.Commit(context.Background(), capacity.Change{Now: at, Booking: b, Deltas: takes(b, capOf, 1)})
}

// takes is the deltas of b's lines, signed by sign (+1 to take, -1 to
// release), for its state.
func takes(b capacity.Booking, capOf, sign int) []capacity.SlotDelta {
	var ds []capacity.SlotDelta
	for _, l := range b.Lines {
		d := capacity.SlotDelta{Slot: l.Slot, Capacity: capOf}
		if b.State == capacity.Held {
			d.Held = sign * l.Quantity
		} else {
			d.Confirmed = sign * l.Quantity
		}
		ds = append(ds, d)
	}
	return ds
}

func usage(t *testing.T, s capacity.Store, p string, at time.Time) map[capacity.Slot]capacity.SlotUsage {
	t.Helper()
	us, err := s.Usage(context.Background(), capacity.SlotQuery{ProducerIDs: []string{p}, From: week, To: week.Add(8)}, at)
	require.NoError(t, err)
	m := make(map[capacity.Slot]capacity.SlotUsage)
	for i, u := range us {
		if i > 0 {
			require.Negative(t, us[i-1].Slot.Compare(u.Slot), "Usage must be in slot order")
		}
		m[u.Slot] = u
	}
	return m
}

// all reads every page of the bookings f selects.
func all(t *testing.T, s capacity.Store, f capacity.BookingFilter, at time.Time) []capacity.Booking {
	t.Helper()
	var out []capacity.Booking
	for {
		page, err := s.Bookings(context.Background(), f, at)
		require.NoError(t, err)
		require.NotNil(t, page.Bookings, "an empty page is an empty slice")
		out = append(out, page.Bookings...)
		if page.Next == "" {
			return out
		}
		f.Cursor = page.Next
	}
}

// keysOf returns the keys of every booking f selects at at, page by page.
func keysOf(t *testing.T, s capacity.Store, f capacity.BookingFilter, at time.Time) []string {
	t.Helper()
	ks := []string{}
	for _, b := range all(t, s, f, at) {
		ks = append(ks, b.Key)
	}
	return ks
}

func testInsertAndRead(t *testing.T, s capacity.Store) {
	b := booking("ins-1", time.Time{}, line("O-1", slot("INS", 0), 30), line("O-1", slot("INS", 1), 20))
	got, err := insert(s, now, b, 50)
	require.NoError(t, err)
	assert.EqualValues(t, 1, got.Version)
	assert.Equal(t, capacity.Confirmed, got.State)
	read, err := s.Booking(context.Background(), "ins-1", now)
	require.NoError(t, err)
	assert.Equal(t, got.Key, read.Key)
	assert.EqualValues(t, 1, read.Version)
	assert.Equal(t, "req-ins-1", read.Request)
	require.Len(t, read.Lines, 2)
	assert.Equal(t, 30, read.Lines[0].Quantity)
	assert.True(t, read.Lines[0].UnitCost.Equal(decimal.NewFromInt(80000)))
	assert.True(t, read.Created.Equal(now))
	u := usage(t, s, "INS", now)
	assert.Equal(t, capacity.SlotUsage{Slot: slot("INS", 0), Confirmed: 30, Capacity: 50, Recorded: true}, u[slot("INS", 0)])
	assert.Equal(t, capacity.SlotUsage{Slot: slot("INS", 1), Confirmed: 20, Capacity: 50, Recorded: true}, u[slot("INS", 1)])
	assert.Len(t, u, 2)
}

func testExists(t *testing.T, s capacity.Store) {
	b := booking("ex-1", time.Time{}, line("O-1", slot("EX", 0), 10))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	again := booking("ex-1", time.Time{}, line("O-2", slot("EX", 0), 25))
	again.Request = "other"
	got, err := insert(s, now, again, 50)
	require.ErrorIs(t, err, capacity.ErrExists)
	assert.Equal(t, "req-ex-1", got.Request, "ErrExists returns the stored booking")
	assert.EqualValues(t, 1, got.Version)
	assert.Equal(t, 10, usage(t, s, "EX", now)[slot("EX", 0)].Confirmed, "nothing of the refused change applied")
}

func testStaleAndNotFound(t *testing.T, s capacity.Store) {
	b := booking("st-1", time.Time{}, line("O-1", slot("ST", 0), 10))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	c := b
	c.Lines = []capacity.BookingLine{line("O-1", slot("ST", 0), 15)}
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Expect: 2, Booking: c,
		Deltas: []capacity.SlotDelta{{Slot: slot("ST", 0), Capacity: 50, Confirmed: 5}}})
	require.ErrorIs(t, err, capacity.ErrStale)
	assert.Equal(t, 10, usage(t, s, "ST", now)[slot("ST", 0)].Confirmed)
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Expect: 1, Booking: booking("st-none", time.Time{})})
	require.ErrorIs(t, err, capacity.ErrNotFound)
	_, err = s.Booking(context.Background(), "st-none", now)
	require.ErrorIs(t, err, capacity.ErrNotFound)
}

func testUpdate(t *testing.T, s capacity.Store) {
	b := booking("up-1", now.Add(time.Hour), line("O-1", slot("UP", 0), 10))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	assert.Equal(t, 10, usage(t, s, "UP", now)[slot("UP", 0)].Held)
	c := b
	c.State, c.HoldUntil, c.Updated = capacity.Confirmed, time.Time{}, now.Add(time.Minute)
	got, err := s.Commit(context.Background(), capacity.Change{Now: now.Add(time.Minute), Expect: 1, Booking: c,
		Deltas: []capacity.SlotDelta{{Slot: slot("UP", 0), Capacity: 50, Held: -10, Confirmed: 10}}})
	require.NoError(t, err)
	assert.EqualValues(t, 2, got.Version)
	assert.Equal(t, capacity.Confirmed, got.State)
	u := usage(t, s, "UP", now.Add(2*time.Hour))[slot("UP", 0)]
	assert.Equal(t, 0, u.Held)
	assert.Equal(t, 10, u.Confirmed, "a confirmed booking does not expire")
	got, err = s.Booking(context.Background(), "up-1", now.Add(2*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, capacity.Confirmed, got.State)
	// Deliver 4 of them.
	c.Lines[0].Delivered = 4
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Expect: 2, Booking: c,
		Deltas: []capacity.SlotDelta{{Slot: slot("UP", 0), Capacity: 50, Delivered: 4}}})
	require.NoError(t, err)
	assert.Equal(t, 4, usage(t, s, "UP", now)[slot("UP", 0)].Delivered)
}

func testNoRoom(t *testing.T, s capacity.Store) {
	_, err := insert(s, now, booking("nr-1", time.Time{}, line("O-1", slot("NR", 1), 45)), 50)
	require.NoError(t, err)
	b := booking("nr-2", time.Time{}, line("O-2", slot("NR", 0), 30), line("O-2", slot("NR", 1), 6))
	_, err = insert(s, now, b, 50)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	u := usage(t, s, "NR", now)
	assert.Equal(t, 0, u[slot("NR", 0)].Confirmed, "the slot with room is unchanged too")
	assert.Equal(t, 45, u[slot("NR", 1)].Confirmed)
	_, err = s.Booking(context.Background(), "nr-2", now)
	require.ErrorIs(t, err, capacity.ErrNotFound, "the refused booking is not recorded")
	// Exactly to capacity is room.
	b = booking("nr-3", time.Time{}, line("O-3", slot("NR", 1), 5))
	_, err = insert(s, now, b, 50)
	require.NoError(t, err)
	// Releasing never needs room, even above a lowered capacity.
	c := b
	c.State = capacity.Cancelled
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Expect: 1, Booking: c, Deltas: []capacity.SlotDelta{{Slot: slot("NR", 1), Capacity: 10, Confirmed: -5}}})
	require.NoError(t, err)
	assert.Equal(t, 45, usage(t, s, "NR", now)[slot("NR", 1)].Confirmed)
}

func testExpiredHold(t *testing.T, s capacity.Store) {
	until := now.Add(time.Hour)
	_, err := insert(s, now, booking("eh-1", until, line("O-1", slot("EH", 0), 50)), 50)
	require.NoError(t, err)
	// Before the expiry the hold takes the slot.
	_, err = insert(s, until.Add(-time.Nanosecond), booking("eh-2", time.Time{}, line("O-2", slot("EH", 0), 1)), 50)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	b, err := s.Booking(context.Background(), "eh-1", until.Add(-time.Nanosecond))
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, b.State)
	// At HoldUntil it has expired: readers say so without any write.
	b, err = s.Booking(context.Background(), "eh-1", until)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, b.State)
	assert.Equal(t, 0, usage(t, s, "EH", until)[slot("EH", 0)].Held)
	assert.Equal(t, 50, usage(t, s, "EH", now)[slot("EH", 0)].Held)
	// A commit at or after HoldUntil gets its room.
	_, err = insert(s, until, booking("eh-3", time.Time{}, line("O-3", slot("EH", 0), 50)), 50)
	require.NoError(t, err)
	u := usage(t, s, "EH", until)[slot("EH", 0)]
	assert.Equal(t, 0, u.Held)
	assert.Equal(t, 50, u.Confirmed)
	bs := all(t, s, capacity.BookingFilter{ProducerID: "EH"}, until)
	require.Len(t, bs, 2)
	assert.Equal(t, capacity.Expired, bs[0].State)
	assert.Equal(t, capacity.Confirmed, bs[1].State)
}

// testConfirmReleased: a change that turns a hold already released (by
// another commit whose clock was past its expiry) into confirmed pieces
// needs room like any new pieces. A store may refuse it for lack of room
// (ErrNoRoom) or because releasing the hold changed the booking
// (ErrStale); it must not overbook.
func testConfirmReleased(t *testing.T, s capacity.Store) {
	until := now.Add(time.Hour)
	b := booking("cr-1", until, line("O-1", slot("CR", 0), 30))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	_, err = insert(s, until, booking("cr-2", time.Time{}, line("O-2", slot("CR", 0), 40)), 50)
	require.NoError(t, err)
	c := b
	c.State, c.HoldUntil = capacity.Confirmed, time.Time{}
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Expect: 1, Booking: c,
		Deltas: []capacity.SlotDelta{{Slot: slot("CR", 0), Capacity: 50, Held: -30, Confirmed: 30}}})
	require.Error(t, err)
	assert.True(t, errors.Is(err, capacity.ErrNoRoom) || errors.Is(err, capacity.ErrStale), "%v wraps ErrNoRoom or ErrStale", err)
	u := usage(t, s, "CR", until)[slot("CR", 0)]
	assert.LessOrEqual(t, u.Held+u.Confirmed, 50)
}

func testCalendar(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Week: week.Add(2), Capacity: 0}, now))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Technique: batik.Cap, Week: week.Add(2), Capacity: 7}, now))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Week: week.Add(3), Capacity: 9}, now))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Week: week.Add(3), Capacity: 12}, now), "replaces")
	es, err := s.Calendar(ctx, capacity.SlotQuery{ProducerIDs: []string{"CAL"}, From: week, To: week.Add(8)})
	require.NoError(t, err)
	assert.ElementsMatch(t, []capacity.CalendarEntry{
		{ProducerID: "CAL", Week: week.Add(2), Capacity: 0},
		{ProducerID: "CAL", Technique: batik.Cap, Week: week.Add(2), Capacity: 7},
		{ProducerID: "CAL", Week: week.Add(3), Capacity: 12},
	}, es)
	es, err = s.Calendar(ctx, capacity.SlotQuery{ProducerIDs: []string{"CAL"}, From: week.Add(3), To: week.Add(3)})
	require.NoError(t, err)
	assert.Equal(t, []capacity.CalendarEntry{{ProducerID: "CAL", Week: week.Add(3), Capacity: 12}}, es)

	_, err = insert(s, now, booking("cal-1", time.Time{}, line("O-1", slot("CAL", 4), 20)), 50)
	require.NoError(t, err)
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Week: week.Add(4), Capacity: 19}, now)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Technique: batik.Cap, Week: week.Add(4), Capacity: 10}, now)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	es, err = s.Calendar(ctx, capacity.SlotQuery{ProducerIDs: []string{"CAL"}, From: week.Add(4), To: week.Add(4)})
	require.NoError(t, err)
	assert.Empty(t, es, "a refused entry is not recorded")
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CAL", Week: week.Add(4), Capacity: 20}, now))

	for _, e := range []capacity.CalendarEntry{
		{Week: week, Capacity: 1},
		{ProducerID: "CAL", Capacity: 1},
		{ProducerID: "CAL", Week: week, Capacity: -1},
		{ProducerID: "CAL", Week: week, Capacity: int(aboveInt32)},
	} {
		require.ErrorIs(t, s.SetCalendar(ctx, e, now), capacity.ErrInvalid, "%+v", e)
	}
}

// testCalendarPrecedence: an entry recorded in the store wins over the
// capacity a change was planned with, so a week closed after the plan
// stays closed.
func testCalendarPrecedence(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "PRE", Week: week, Capacity: 0}, now))
	_, err := insert(s, now, booking("pre-1", time.Time{}, line("O-1", slot("PRE", 0), 1)), 50)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "PRE", Technique: batik.Cap, Week: week, Capacity: 5}, now))
	_, err = insert(s, now, booking("pre-2", time.Time{}, line("O-2", slot("PRE", 0), 6)), 50)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	_, err = insert(s, now, booking("pre-3", time.Time{}, line("O-3", slot("PRE", 0), 5)), 50)
	require.NoError(t, err)
}

func testBookings(t *testing.T, s capacity.Store) {
	for _, b := range []capacity.Booking{
		booking("bk-c", time.Time{}, line("BK-O2", slot("BK-P1", 0), 5)),
		booking("bk-a", time.Time{}, line("BK-O1", slot("BK-P1", 0), 5), line("BK-O1", slot("BK-P2", 1), 5)),
		booking("bk-b", time.Time{}, line("BK-O2", slot("BK-P2", 0), 5)),
	} {
		_, err := insert(s, now, b, 50)
		require.NoError(t, err)
	}
	assert.Equal(t, []string{"bk-a"}, keysOf(t, s, capacity.BookingFilter{OrderID: "BK-O1"}, now))
	assert.Equal(t, []string{"bk-b", "bk-c"}, keysOf(t, s, capacity.BookingFilter{OrderID: "BK-O2"}, now))
	assert.Equal(t, []string{"bk-a", "bk-c"}, keysOf(t, s, capacity.BookingFilter{ProducerID: "BK-P1"}, now))
	assert.Equal(t, []string{"bk-b"}, keysOf(t, s, capacity.BookingFilter{OrderID: "BK-O2", ProducerID: "BK-P2"}, now))
	assert.Empty(t, keysOf(t, s, capacity.BookingFilter{OrderID: "BK-none"}, now))
	every := keysOf(t, s, capacity.BookingFilter{}, now)
	assert.Subset(t, every, []string{"bk-a", "bk-b", "bk-c"})
	for i := 1; i < len(every); i++ {
		assert.Less(t, every[i-1], every[i], "Bookings made at one time are sorted by key")
	}
}

func testUsageRange(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	b := booking("ur-1", time.Time{}, line("O-1", slot("UR-A", 0), 5), line("O-1", slot("UR-A", 3), 5), line("O-1", slot("UR-B", 1), 5),
		line("O-1", capacity.Slot{ProducerID: "UR-A", Technique: batik.Tulis, Week: week.Add(1)}, 2))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	us, err := s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"UR-B", "UR-A"}, From: week, To: week.Add(2)}, now)
	require.NoError(t, err)
	var got []capacity.Slot
	for _, u := range us {
		got = append(got, u.Slot)
	}
	assert.Equal(t, []capacity.Slot{slot("UR-A", 0), {ProducerID: "UR-A", Technique: batik.Tulis, Week: week.Add(1)}, slot("UR-B", 1)}, got)
	us, err = s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"UR-A"}, Technique: batik.Cap, From: week.Add(1), To: week.Add(3)}, now)
	require.NoError(t, err)
	require.Len(t, us, 1)
	assert.Equal(t, slot("UR-A", 3), us[0].Slot)
	us, err = s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"UR-none"}, From: week, To: week.Add(3)}, now)
	require.NoError(t, err)
	assert.Empty(t, us)
	assert.NotNil(t, us, "an empty result is an empty slice")
	_, err = s.Usage(ctx, capacity.SlotQuery{From: week.Add(1), To: week}, now)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	// Many producers over every week there is: no product of the two
	// sizes anything (5,000 x 521,722 overflows a 32-bit int).
	many := make([]string, 5000)
	for i := range many {
		many[i] = "UR-" + strconv.Itoa(i)
	}
	us, err = s.Usage(ctx, capacity.SlotQuery{ProducerIDs: many, From: capacity.MustParseWeek("0001-W01"),
		To: capacity.MustParseWeek("9999-W52")}, now)
	require.NoError(t, err)
	assert.Empty(t, us)
}

// testUsageOfSlots reads a list of slots: only those a booking touched,
// in slot order whatever the list's, held counting only live holds, and
// none of the rest of the rectangle they span.
func testUsageOfSlots(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	tulis := capacity.Slot{ProducerID: "US-A", Technique: batik.Tulis, Week: week.Add(1)}
	_, err := insert(s, now, booking("us-1", time.Time{}, line("O-1", slot("US-A", 0), 5), line("O-1", slot("US-A", 1), 4),
		line("O-1", slot("US-A", 3), 3), line("O-1", slot("US-B", 1), 2), line("O-1", tulis, 1)), 50)
	require.NoError(t, err)
	_, err = insert(s, now, booking("us-2", now.Add(time.Hour), line("O-2", slot("US-B", 1), 6)), 50)
	require.NoError(t, err)
	// A calendar entry for a week no booking touched: a store may keep a
	// row for it, which Usage does not show.
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "US-A", Week: week.Add(2), Capacity: 7}, now))
	q := capacity.SlotQuery{ProducerIDs: []string{"US-A", "US-B"}, From: week, To: week.Add(3),
		Slots: []capacity.Slot{slot("US-B", 1), slot("US-A", 3), slot("US-A", 2), slot("US-A", 0)}}
	us, err := s.Usage(ctx, q, now)
	require.NoError(t, err)
	var got []capacity.Slot
	for _, u := range us {
		got = append(got, u.Slot)
	}
	assert.Equal(t, []capacity.Slot{slot("US-A", 0), slot("US-A", 3), slot("US-B", 1)}, got,
		"the slots touched, in slot order; not US-A's week 1 or tulis slot, in the rectangle but not in the list; not week 2, only in the calendar")
	require.Len(t, us, 3)
	assert.Equal(t, 8, us[2].Held+us[2].Confirmed, "US-B week 1: 2 confirmed, 6 held")
	assert.Equal(t, 50, us[2].Capacity)
	us, err = s.Usage(ctx, q, now.Add(2*time.Hour))
	require.NoError(t, err)
	require.Len(t, us, 3)
	assert.Equal(t, 0, us[2].Held, "the hold lapsed")
	us, err = s.Usage(ctx, capacity.SlotQuery{From: week, To: week.Add(3), Slots: []capacity.Slot{tulis}}, now)
	require.NoError(t, err)
	require.Len(t, us, 1, "a list without producers")
	assert.Equal(t, tulis, us[0].Slot)
	for _, bad := range [][]capacity.Slot{
		{slot("US-C", 0)},                  // a producer the query does not list
		{slot("US-A", 4)},                  // after To
		{slot("US-A", 1), slot("US-A", 1)}, // twice
		{{ProducerID: "US-A", Week: week}}, // no technique
	} {
		q.Slots = bad
		_, err = s.Usage(ctx, q, now)
		require.ErrorIs(t, err, capacity.ErrInvalid, "%v", bad)
	}
}

func testCancelledContext(t *testing.T, s capacity.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.Commit(ctx, capacity.Change{Now: now, Booking: booking("cc-1", time.Time{}, line("O-1", slot("CC", 0), 5)),
		Deltas: []capacity.SlotDelta{{Slot: slot("CC", 0), Capacity: 50, Confirmed: 5}}})
	require.ErrorIs(t, err, context.Canceled)
	require.Error(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CC", Week: week, Capacity: 1}, now))
	_, err = s.Booking(context.Background(), "cc-1", now)
	require.ErrorIs(t, err, capacity.ErrNotFound)
	assert.Empty(t, usage(t, s, "CC", now))
	es, err := s.Calendar(context.Background(), capacity.SlotQuery{ProducerIDs: []string{"CC"}, From: week, To: week})
	require.NoError(t, err)
	assert.Empty(t, es)
}

func testCopies(t *testing.T, s capacity.Store) {
	b := booking("cp-1", time.Time{}, line("O-1", slot("CP", 0), 5))
	got, err := insert(s, now, b, 50)
	require.NoError(t, err)
	b.Lines[0].Quantity = 99
	got.Lines[0].Quantity = 98
	got.Unfilled["x"] = 1
	read, err := s.Booking(context.Background(), "cp-1", now)
	require.NoError(t, err)
	assert.Equal(t, 5, read.Lines[0].Quantity)
	assert.Empty(t, read.Unfilled)
}

// testConcurrent: 16 goroutines each commit 40 bookings of 1 to 3 pieces
// into three slots of capacity 60: the slots fill exactly to capacity,
// never beyond, and every booking recorded is counted once.
func testConcurrent(t *testing.T, s capacity.Store) {
	const workers, each, capOf = 16, 40, 60
	var ok atomic.Int64
	taken := make([]atomic.Int64, 3)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				k := (g + i) % 3
				q := 1 + (g*7+i)%3
				b := booking(fmt.Sprintf("cc-%02d-%03d", g, i), time.Time{}, line("O", slot("CON", k), q))
				_, err := insert(s, now, b, capOf)
				switch {
				case err == nil:
					ok.Add(1)
					taken[k].Add(int64(q))
				case !errors.Is(err, capacity.ErrNoRoom):
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	u := usage(t, s, "CON", now)
	for k := range 3 {
		got := u[slot("CON", k)]
		assert.LessOrEqual(t, got.Confirmed, capOf)
		assert.EqualValues(t, taken[k].Load(), got.Confirmed, "slot %d: the sum of the accepted bookings", k)
		assert.GreaterOrEqual(t, got.Confirmed, capOf-2, "slot %d fills up", k)
	}
	assert.EqualValues(t, ok.Load(), len(all(t, s, capacity.BookingFilter{ProducerID: "CON"}, now)))
}

// testReplays: 8 goroutines insert the same key 50 times each; one insert
// succeeds, every other gets ErrExists with the stored booking, and the
// slot counts the pieces once.
func testReplays(t *testing.T, s capacity.Store) {
	var wins atomic.Int64
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				got, err := insert(s, now, booking("rp-1", time.Time{}, line("O", slot("RP", 0), 7)), 50)
				switch {
				case err == nil:
					wins.Add(1)
				case errors.Is(err, capacity.ErrExists):
					if got.Key != "rp-1" || got.Version != 1 {
						t.Errorf("ErrExists returned %+v", got)
					}
				default:
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, wins.Load())
	assert.Equal(t, 7, usage(t, s, "RP", now)[slot("RP", 0)].Confirmed)
}

// aboveInt32 is one more than the largest calendar capacity: a variable,
// so that this package compiles where int has 32 bits (there int(aboveInt32)
// wraps to a negative capacity, refused as well).
var aboveInt32 = int64(1) << 31
