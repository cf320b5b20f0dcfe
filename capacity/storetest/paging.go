package storetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testPaging: pages follow (created, key), hold at most the limit, and
// their cursors lead through every booking once, also while bookings are
// added before and after the cursor; a cursor is refused with another
// filter or when it does not decode.
func testPaging(t *testing.T, s capacity.Store) {
	ctx := context.Background()
	for i := range 25 {
		at := now.Add(time.Duration(i%5) * time.Second) // five created times, five keys each
		_, err := insert(s, at, created(booking(fmt.Sprintf("pg-%02d", 24-i), time.Time{}, line("PG-O", slot("PG", i%3), 1)), at), 100)
		require.NoError(t, err)
	}
	f := capacity.BookingFilter{OrderID: "PG-O", Limit: 7}
	var seen []capacity.Booking
	for page := 0; ; page++ {
		p, err := s.Bookings(ctx, f, now)
		require.NoError(t, err)
		assert.LessOrEqual(t, len(p.Bookings), 7)
		seen = append(seen, p.Bookings...)
		if page == 1 { // bookings added meanwhile: one sorting before the cursor, one after
			_, err = insert(s, now, created(booking("pg-early", time.Time{}, line("PG-O", slot("PG", 0), 1)), now.Add(-time.Hour)), 100)
			require.NoError(t, err)
			_, err = insert(s, now, created(booking("pg-late", time.Time{}, line("PG-O", slot("PG", 0), 1)), now.Add(time.Hour)), 100)
			require.NoError(t, err)
		}
		if p.Next == "" {
			break
		}
		f.Cursor = p.Next
	}
	keys := map[string]int{}
	for i, b := range seen {
		keys[b.Key]++
		if i > 0 {
			assert.Negative(t, capacity.ComparePage(&seen[i-1], &b), "pages in (created, key) order")
		}
	}
	for i := range 25 {
		assert.Equal(t, 1, keys[fmt.Sprintf("pg-%02d", i)], "each booking once")
	}
	assert.Equal(t, 1, keys["pg-late"], "a booking added after the cursor is seen")
	assert.Zero(t, keys["pg-early"], "a booking added before the cursor is not")

	first, err := s.Bookings(ctx, capacity.BookingFilter{OrderID: "PG-O", Limit: 2}, now)
	require.NoError(t, err)
	require.NotEmpty(t, first.Next)
	_, err = s.Bookings(ctx, capacity.BookingFilter{OrderID: "PG-other", Limit: 2, Cursor: first.Next}, now)
	require.ErrorIs(t, err, capacity.ErrInvalid, "a cursor of another filter")
	_, err = s.Bookings(ctx, capacity.BookingFilter{OrderID: "PG-O", Cursor: first.Next[:len(first.Next)-2] + "!!"}, now)
	require.ErrorIs(t, err, capacity.ErrInvalid, "a cursor that does not decode")
	for _, limit := range []int{-1, capacity.MaxPageLimit + 1} {
		_, err = s.Bookings(ctx, capacity.BookingFilter{Limit: limit}, now)
		require.ErrorIs(t, err, capacity.ErrInvalid, "limit %d", limit)
	}
}

// testStateFilter: the state filter judges each booking at the caller's
// clock: a hold that lapsed is expired, not held.
func testStateFilter(t *testing.T, s capacity.Store) {
	until := now.Add(time.Hour)
	_, err := insert(s, now, booking("sf-held", until, line("SF-O", slot("SF", 0), 1)), 10)
	require.NoError(t, err)
	_, err = insert(s, now, booking("sf-conf", time.Time{}, line("SF-O", slot("SF", 1), 1)), 10)
	require.NoError(t, err)
	keys := func(st capacity.State, at time.Time) []string {
		ks := []string{}
		for _, b := range all(t, s, capacity.BookingFilter{OrderID: "SF-O", State: st}, at) {
			ks = append(ks, b.Key)
			assert.Equal(t, st, b.State)
		}
		return ks
	}
	assert.Equal(t, []string{"sf-held"}, keys(capacity.Held, now))
	assert.Empty(t, keys(capacity.Expired, now))
	assert.Empty(t, keys(capacity.Held, until))
	assert.Equal(t, []string{"sf-held"}, keys(capacity.Expired, until))
	assert.Equal(t, []string{"sf-conf"}, keys(capacity.Confirmed, until))
	assert.Empty(t, keys(capacity.Cancelled, until))
}

// created returns b made at t.
func created(b capacity.Booking, t time.Time) capacity.Booking {
	b.Created, b.Updated = t, t
	return b
}
