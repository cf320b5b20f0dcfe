package capacity_test

import (
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLegacyBookingsReplay: a booking made before stores kept the
// canonical request has the fingerprint of its time (orders, producers,
// options and the hold's instant). A replay of its request returns it; a
// different request is ErrConflict naming only the key (there is no
// canonical form to compare). The fingerprints are the ones that version
// pinned.
func TestLegacyBookingsReplay(t *testing.T) {
	ps, o1, o2 := pinned()
	until := t0.Add(90*time.Minute + 5)
	for _, c := range []struct {
		r       capacity.BookRequest
		stored  capacity.Booking
		replay  time.Time
		changed func(r *capacity.BookRequest)
	}{
		{capacity.BookRequest{Key: "batch", Orders: []batik.Order{o2, o1}, Producers: ps, From: w49, Spread: true},
			capacity.Booking{Key: "batch", State: capacity.Confirmed, Request: "9b5131190094915d56470267cba549b11f9495c924ca601f3b6a2ba0edefef71"},
			t0.AddDate(0, 0, 3), func(r *capacity.BookRequest) { r.Spread = false }},
		{capacity.BookRequest{Key: "one", Orders: []batik.Order{o1}, Producers: ps, From: w49, Weeks: 3, Policy: capacity.EvenShare,
			MinLot: 10, HoldFor: until.Sub(t0)},
			capacity.Booking{Key: "one", State: capacity.Held, HoldUntil: until, Request: "a8cc9486af43d82011b064b456eeb91adeb150c7746b7e031b77457b0de6a80b"},
			t0.Add(time.Minute), func(r *capacity.BookRequest) { r.Producers = r.Producers[:2] }},
	} {
		store := memstore.New()
		c.stored.Created, c.stored.Updated = t0, t0
		stored, err := store.Commit(ctx, capacity.Change{Now: t0, Booking: c.stored, Op: capacity.OpBook})
		require.NoError(t, err)
		l := capacity.NewLedger(store, capacity.LedgerOptions{})
		got, err := l.Book(ctx, c.r, c.replay)
		require.NoError(t, err, c.r.Key)
		assert.Equal(t, stored, got, c.r.Key)
		c.changed(&c.r)
		_, err = l.Book(ctx, c.r, c.replay)
		ie := inputError(t, err, capacity.ErrConflict, "key", `"`+c.r.Key+`"`)
		assert.Equal(t, `capacity: key = "`+c.r.Key+`": is booked already for a different request`, ie.Error())
	}
}
