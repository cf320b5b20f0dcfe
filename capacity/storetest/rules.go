package storetest

import (
	"context"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testBadChange: every change that breaks Store.Commit's rules on its
// input is refused with ErrInvalid, and nothing of it is recorded.
func testBadChange(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	ok := func(key string) capacity.Change {
		b := booking(key, time.Time{}, line("O-1", slot("BAD", 0), 5), line("O-1", slot("BAD", 1), 5))
		return capacity.Change{Now: now, Booking: b, Deltas: takes(b, 50, 1)}
	}
	bad := map[string]func(c *capacity.Change){
		"unknown technique in a delta": func(c *capacity.Change) { c.Deltas[0].Technique = "batik-foo" },
		"unknown technique in a line": func(c *capacity.Change) {
			c.Booking.Lines[0].Technique = "batik-foo"
			c.Deltas[0].Technique = "batik-foo"
		},
		"empty order ID":         func(c *capacity.Change) { c.Booking.Lines[0].OrderID = "" },
		"empty producer ID":      func(c *capacity.Change) { c.Booking.Lines[0].ProducerID = "" },
		"zero week in a line":    func(c *capacity.Change) { c.Booking.Lines[0].Week = capacity.Week{} },
		"zero quantity":          func(c *capacity.Change) { c.Booking.Lines[0].Quantity = 0 },
		"negative quantity":      func(c *capacity.Change) { c.Booking.Lines[0].Quantity = -5 },
		"delivered above booked": func(c *capacity.Change) { c.Booking.Lines[0].Delivered = 6 },
		"negative delivered":     func(c *capacity.Change) { c.Booking.Lines[0].Delivered = -1 },
		"negative unit cost":     func(c *capacity.Change) { c.Booking.Lines[0].UnitCost = decimal.NewFromInt(-1) },
		"an order's slot twice, apart": func(c *capacity.Change) {
			c.Booking.Lines = append(c.Booking.Lines, c.Booking.Lines[0])
		},
		"an order's slot twice in a row": func(c *capacity.Change) {
			c.Booking.Lines = append(c.Booking.Lines[:1], c.Booking.Lines...)
		},
		"NUL first in the key":             func(c *capacity.Change) { c.Booking.Key = "\x00bad" },
		"NUL first in an order ID":         func(c *capacity.Change) { c.Booking.Lines[0].OrderID = "\x00O" },
		"second line's order ID not UTF-8": func(c *capacity.Change) { c.Booking.Lines[1].OrderID = "O-\xff" },
		"second line's producer not UTF-8": func(c *capacity.Change) { c.Booking.Lines[1].ProducerID = "BAD-\xff" },
		"NUL in the key":                   func(c *capacity.Change) { c.Booking.Key = "bad\x00-1" },
		"key not UTF-8":                    func(c *capacity.Change) { c.Booking.Key = "bad-\xff" },
		"key with a lone 0x80 byte":        func(c *capacity.Change) { c.Booking.Key = "bad-\x80" },
		"key over 256 bytes":               func(c *capacity.Change) { c.Booking.Key = strings.Repeat("k", 257) },
		"NUL in an order ID":               func(c *capacity.Change) { c.Booking.Lines[0].OrderID = "O\x00" },
		"order ID not UTF-8":               func(c *capacity.Change) { c.Booking.Lines[0].OrderID = "O-\xff" },
		"order ID over 256 bytes":          func(c *capacity.Change) { c.Booking.Lines[0].OrderID = strings.Repeat("o", 257) },
		"producer ID not UTF-8":            func(c *capacity.Change) { c.Booking.Lines[0].ProducerID = "BAD-\xff" },
		"NUL in a delta's producer":        func(c *capacity.Change) { c.Deltas[0].ProducerID = "BAD\x00" },
		"producer ID over 256 bytes":       func(c *capacity.Change) { c.Deltas[0].ProducerID = strings.Repeat("p", 257) },
		"unfilled order ID not UTF-8":      func(c *capacity.Change) { c.Booking.Unfilled = map[string]int{"O-\xff": 7} },
		"NUL in an unfilled order ID":      func(c *capacity.Change) { c.Booking.Unfilled = map[string]int{"O-\x00": 7} },
		"empty unfilled order ID":          func(c *capacity.Change) { c.Booking.Unfilled = map[string]int{"": 7} },
		"negative unfilled pieces":         func(c *capacity.Change) { c.Booking.Unfilled = map[string]int{"O-2": -7} },
		"quantity above int32": func(c *capacity.Change) {
			c.Booking.Lines[0].Quantity = int(aboveInt32)
			c.Booking.Lines[0].Delivered = 0
		},
		"held booking without an until": func(c *capacity.Change) { c.Booking.State = capacity.Held },
		"unknown state":                 func(c *capacity.Change) { c.Booking.State = 9 },
	}
	names := slices.Sorted(maps.Keys(bad))
	for i, name := range names {
		c := ok("bad-" + strconv.Itoa(i))
		bad[name](&c)
		_, err := s.Commit(ctx, c)
		assert.ErrorIs(t, err, capacity.ErrInvalid, name)
		_, err = s.Booking(ctx, c.Booking.Key, now)
		assert.ErrorIs(t, err, capacity.ErrNotFound, "%s: nothing recorded", name)
	}
	c := ok("bad-overflow")
	c.Deltas[0].Confirmed = int(aboveInt32)
	_, err := s.Commit(ctx, c)
	assert.ErrorIs(t, err, capacity.ErrOverflow, "a delta beyond int32")
	c = ok("bad-release")
	c.Deltas[0].Confirmed = -int(aboveInt32 - 1)
	_, err = s.Commit(ctx, c)
	assert.ErrorIs(t, err, capacity.ErrInvalid, "a delta of -2147483647 is in range: refused for what it would leave")
	assert.NotErrorIs(t, err, capacity.ErrOverflow)
	_, err = s.Usage(ctx, capacity.SlotQuery{Technique: "batik-foo", From: week, To: week}, now)
	assert.ErrorIs(t, err, capacity.ErrInvalid, "Usage of an unknown technique")
	_, err = s.Calendar(ctx, capacity.SlotQuery{Technique: "batik-foo", From: week, To: week})
	assert.ErrorIs(t, err, capacity.ErrInvalid, "Calendar of an unknown technique")
	assert.Empty(t, usage(t, s, "BAD", now), "no slot changed")
	_, err = s.Commit(ctx, ok("bad-ok"))
	require.NoError(t, err, "the same change, unbroken, is taken")
}

// testEdgesTaken: what Commit's rules allow at their edges is taken: keys
// and IDs of 256 bytes, no unfilled pieces, a booking recorded expired.
func testEdgesTaken(t *testing.T, s capacity.Store) {
	long := func(c byte) string { return strings.Repeat(string(c), 256) }
	b := booking(long('k'), time.Time{}, line(long('o'), capacity.Slot{ProducerID: long('P'), Technique: batik.Cap, Week: week}, 5))
	b.Unfilled = map[string]int{"EDGE-O": 0}
	got, err := insert(s, now, b, 50)
	require.NoError(t, err)
	assert.Equal(t, long('k'), got.Key)
	read, err := s.Booking(context.Background(), long('k'), now)
	require.NoError(t, err)
	assert.Equal(t, long('P'), read.Lines[0].ProducerID)
	u := booking("edge-é-ключ", time.Time{}, line("Pesanan-é", capacity.Slot{ProducerID: "Pengrajin-ñ", Technique: batik.Cap, Week: week}, 5))
	_, err = insert(s, now, u, 50)
	require.NoError(t, err, "keys and IDs beyond ASCII, valid UTF-8")
	e := booking("edge-expired", time.Time{})
	e.State = capacity.Expired
	_, err = s.Commit(context.Background(), capacity.Change{Now: now, Booking: e})
	require.NoError(t, err)
}

// testKeysThatCannotExist: a key no store can hold (a NUL byte, not
// UTF-8, too long) is not found, rather than an error of another kind.
func testKeysThatCannotExist(t *testing.T, s capacity.Store) {
	for _, key := range []string{"nf\x00-1", "nf-\xff", strings.Repeat("k", 12000)} {
		_, err := s.Booking(context.Background(), key, now)
		assert.ErrorIs(t, err, capacity.ErrNotFound, "%q", key[:min(len(key), 8)])
	}
}

// testImpossibleIDs: the readers find nothing for an ID no booking can
// have, and SetCalendar refuses one, as Commit does.
func testImpossibleIDs(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	for _, id := range []string{"IMP\x00", "IMP-\xff", strings.Repeat("i", 257)} {
		assert.Empty(t, all(t, s, capacity.BookingFilter{OrderID: id}, now))
		assert.Empty(t, all(t, s, capacity.BookingFilter{ProducerID: id}, now))
		us, err := s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{id}, From: week, To: week}, now)
		require.NoError(t, err)
		assert.Empty(t, us)
		es, err := s.Calendar(ctx, capacity.SlotQuery{ProducerIDs: []string{id}, From: week, To: week})
		require.NoError(t, err)
		assert.Empty(t, es)
		err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: id, Week: week, Capacity: 1}, now)
		assert.ErrorIs(t, err, capacity.ErrInvalid)
	}
}

// testHoldExpiredOnCommit: a hold committed with a HoldUntil at or before
// the change's Now comes back Expired, as the readers show it, and holds
// nothing.
func testHoldExpiredOnCommit(t *testing.T, s capacity.Store) {
	got, err := insert(s, now, booking("hn-1", now, line("O-1", slot("HN", 0), 5)), 50)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, got.State)
	read, err := s.Booking(context.Background(), "hn-1", now)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, read.State)
	assert.Equal(t, 0, usage(t, s, "HN", now)[slot("HN", 0)].Held)
}

// testHoldToTheNanosecond: a hold expires at its HoldUntil exactly, to
// the nanosecond, and reads back as the same instant.
func testHoldToTheNanosecond(t *testing.T, s capacity.Store) {
	until := now.Add(time.Hour + 600*time.Nanosecond)
	got, err := insert(s, now, booking("ns-1", until, line("O-1", slot("NS", 0), 5)), 5)
	require.NoError(t, err)
	assert.True(t, got.HoldUntil.Equal(until), "returned %s, committed %s", got.HoldUntil, until)
	before := until.Add(-time.Nanosecond)
	read, err := s.Booking(context.Background(), "ns-1", before)
	require.NoError(t, err)
	assert.Equal(t, capacity.Held, read.State)
	assert.True(t, read.HoldUntil.Equal(until), "read %s, committed %s", read.HoldUntil, until)
	assert.Equal(t, 5, usage(t, s, "NS", before)[slot("NS", 0)].Held)
	_, err = insert(s, before, booking("ns-2", time.Time{}, line("O-2", slot("NS", 0), 1)), 5)
	require.ErrorIs(t, err, capacity.ErrNoRoom, "a nanosecond before its end the hold takes the slot")
	read, err = s.Booking(context.Background(), "ns-1", until)
	require.NoError(t, err)
	assert.Equal(t, capacity.Expired, read.State)
	assert.Equal(t, 0, usage(t, s, "NS", until)[slot("NS", 0)].Held)
	_, err = insert(s, until, booking("ns-3", time.Time{}, line("O-3", slot("NS", 0), 5)), 5)
	require.NoError(t, err, "at its end the hold's pieces are free")
}

// testBookingsOfUnfilledOrders: the bookings of an order include one that
// could place none of it (the order only in Unfilled); a producer filter
// matches lines only.
func testBookingsOfUnfilledOrders(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	b := booking("uf-1", time.Time{})
	b.Unfilled = map[string]int{"UF-O1": 50}
	_, err := s.Commit(ctx, capacity.Change{Now: now, Booking: b})
	require.NoError(t, err)
	b = booking("uf-2", time.Time{}, line("UF-O2", slot("UF-P", 0), 5))
	b.Unfilled = map[string]int{"UF-O2": 45}
	_, err = insert(s, now, b, 50)
	require.NoError(t, err)
	assert.Equal(t, []string{"uf-1"}, keysOf(t, s, capacity.BookingFilter{OrderID: "UF-O1"}, now))
	assert.Equal(t, []string{"uf-2"}, keysOf(t, s, capacity.BookingFilter{OrderID: "UF-O2"}, now))
	assert.Empty(t, keysOf(t, s, capacity.BookingFilter{OrderID: "UF-O1", ProducerID: "UF-P"}, now))
	assert.Equal(t, []string{"uf-2"}, keysOf(t, s, capacity.BookingFilter{OrderID: "UF-O2", ProducerID: "UF-P"}, now))
}

// testCalendarRecordsCapacity: a calendar entry becomes the recorded
// capacity of the slots it governs that Usage shows.
func testCalendarRecordsCapacity(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	tulis := capacity.Slot{ProducerID: "CR-P", Technique: batik.Tulis, Week: week}
	b := booking("crc-1", time.Time{}, line("O-1", slot("CR-P", 0), 5), line("O-1", tulis, 2))
	_, err := insert(s, now, b, 50)
	require.NoError(t, err)
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CR-P", Technique: batik.Tulis, Week: week, Capacity: 3}, now))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "CR-P", Week: week, Capacity: 7}, now))
	u := usage(t, s, "CR-P", now)
	assert.Equal(t, 7, u[slot("CR-P", 0)].Capacity, "the producer's entry governs cap")
	assert.Equal(t, 3, u[tulis].Capacity, "tulis has an entry of its own")
}
