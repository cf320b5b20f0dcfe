package capacity_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBookingFilterPage: Page keeps PageLimit bookings (DefaultPageLimit
// for a zero Limit) and, when one more was found, a cursor that After
// reads back as the last booking of the page; the cursor fits only its
// own filter.
func TestBookingFilterPage(t *testing.T) {
	var bs []capacity.Booking
	for i := range 4 {
		bs = append(bs, capacity.Booking{Key: fmt.Sprintf("K%d", i), Created: t0.Add(time.Duration(i) * time.Second)})
	}
	f := capacity.BookingFilter{OrderID: "O", State: capacity.Held, Limit: 3}
	page := f.Page(bs)
	require.Len(t, page.Bookings, 3)
	require.NotEmpty(t, page.Next)
	f.Cursor = page.Next
	require.NoError(t, f.Validate())
	created, key, err := f.After()
	require.NoError(t, err)
	assert.True(t, created.Equal(bs[2].Created))
	assert.Equal(t, "K2", key)
	for _, other := range []capacity.BookingFilter{{Cursor: page.Next}, {OrderID: "P", State: capacity.Held, Cursor: page.Next},
		{OrderID: "O", State: capacity.Confirmed, Cursor: page.Next}, {OrderID: "O", ProducerID: "A", State: capacity.Held, Cursor: page.Next}} {
		inputError(t, other.Validate(), capacity.ErrInvalid, "filter.cursor", "*")
	}

	last := f.Page(bs[:3])
	assert.Len(t, last.Bookings, 3)
	assert.Empty(t, last.Next, "no booking beyond the page")
	assert.Equal(t, capacity.BookingPage{Bookings: []capacity.Booking{}}, f.Page(nil))
	assert.Equal(t, capacity.DefaultPageLimit, capacity.BookingFilter{}.PageLimit())
	assert.Equal(t, 7, capacity.BookingFilter{Limit: 7}.PageLimit())
}

// TestBookingFilterValidate: a limit in [0, MaxPageLimit] (0 means the
// default), a known state or none, and a cursor a page made pass; others
// are refused naming the field and value, abbreviated.
func TestBookingFilterValidate(t *testing.T) {
	next := capacity.BookingFilter{Limit: 1}.Page([]capacity.Booking{{Key: "K1", Created: t0}, {Key: "K2", Created: t0}}).Next
	for _, f := range []capacity.BookingFilter{{}, {Limit: capacity.MaxPageLimit}, {State: capacity.Expired, Limit: 1}, {Cursor: next, Limit: 7}} {
		require.NoError(t, f.Validate(), "%+v", f)
	}
	for _, tt := range []struct {
		f     capacity.BookingFilter
		field string
		value string
	}{
		{capacity.BookingFilter{Limit: capacity.MaxPageLimit + 1}, "filter.limit", "1001"},
		{capacity.BookingFilter{Limit: -1}, "filter.limit", "-1"},
		{capacity.BookingFilter{State: 5}, "filter.state", "5"},
		{capacity.BookingFilter{Cursor: "not a cursor"}, "filter.cursor", `"not a cursor"`},
		{capacity.BookingFilter{Cursor: "AQ"}, "filter.cursor", `"AQ"`},
		{capacity.BookingFilter{Cursor: next[:20]}, "filter.cursor", "*"},
		{capacity.BookingFilter{Cursor: "B" + next[1:]}, "filter.cursor", "*"}, // another version
		{capacity.BookingFilter{Cursor: strings.Repeat("A", 2000)}, "filter.cursor", "*"},
	} {
		ie := inputError(t, tt.f.Validate(), capacity.ErrInvalid, tt.field, tt.value)
		assert.LessOrEqual(t, len(ie.Error()), 300)
	}
}

// TestBookingFilterSelects: by order (a line for it, or the order in
// Unfilled), by producer (a line for it), both (one line for both), and
// by state at now (a lapsed hold is expired).
func TestBookingFilterSelects(t *testing.T) {
	sl := func(p string) capacity.Slot { return capacity.Slot{ProducerID: p, Technique: batik.Cap, Week: w49} }
	b := capacity.Booking{State: capacity.Held, HoldUntil: t0.Add(time.Hour),
		Lines:    []capacity.BookingLine{{OrderID: "O-1", Slot: sl("A"), Quantity: 1}, {OrderID: "O-2", Slot: sl("B"), Quantity: 1}},
		Unfilled: map[string]int{"O-3": 4}}
	for _, tt := range []struct {
		f    capacity.BookingFilter
		now  time.Time
		want bool
	}{
		{capacity.BookingFilter{}, t0, true},
		{capacity.BookingFilter{OrderID: "O-1"}, t0, true},
		{capacity.BookingFilter{OrderID: "O-3"}, t0, true},
		{capacity.BookingFilter{OrderID: "O-4"}, t0, false},
		{capacity.BookingFilter{ProducerID: "B"}, t0, true},
		{capacity.BookingFilter{ProducerID: "C"}, t0, false},
		{capacity.BookingFilter{OrderID: "O-1", ProducerID: "A"}, t0, true},
		{capacity.BookingFilter{OrderID: "O-1", ProducerID: "B"}, t0, false},
		{capacity.BookingFilter{OrderID: "O-3", ProducerID: "A"}, t0, false},
		{capacity.BookingFilter{State: capacity.Held}, t0, true},
		{capacity.BookingFilter{State: capacity.Held}, t0.Add(time.Hour), false},
		{capacity.BookingFilter{State: capacity.Expired, OrderID: "O-2"}, t0.Add(time.Hour), true},
	} {
		assert.Equal(t, tt.want, tt.f.Selects(&b, tt.now), "%+v at %s", tt.f, tt.now)
	}
}

// TestComparePage orders bookings by Created, then Key.
func TestComparePage(t *testing.T) {
	a := capacity.Booking{Key: "B", Created: t0}
	b := capacity.Booking{Key: "A", Created: t0.Add(1)}
	c := capacity.Booking{Key: "C", Created: t0}
	assert.Negative(t, capacity.ComparePage(&a, &b))
	assert.Negative(t, capacity.ComparePage(&a, &c))
	assert.Positive(t, capacity.ComparePage(&b, &c))
	assert.Zero(t, capacity.ComparePage(&a, &a))
}
