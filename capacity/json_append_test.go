package capacity

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reflective is what encoding/json writes for b: the output MarshalJSON
// must equal, byte for byte.
func reflective(t testing.TB, b Booking) []byte {
	v := bookingJSON{b.Key, b.State, b.HoldUntil, b.Request, make([]bookingLineJSON, len(b.Lines)), b.Unfilled, b.Orders, b.Skipped, b.Version, b.Created, b.Updated}
	for i, l := range b.Lines {
		v.Lines[i] = bookingLineJSON{l.OrderID, l.ProducerID, l.Technique, l.Week, l.Quantity, l.Delivered, amount(l.UnitCost)}
	}
	if v.Unfilled == nil {
		v.Unfilled = map[string]int{}
	}
	if v.Orders == nil {
		v.Orders = []BookedOrder{}
	}
	if v.Skipped == nil {
		v.Skipped = []Skip{}
	}
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

// TestBookingJSONAsReflective: a booking's JSON, written directly, is what
// encoding/json writes for its fields, for plain and hostile text alike.
func TestBookingJSONAsReflective(t *testing.T) {
	w := MustParseWeek("2026-W50")
	at := time.Date(2026, 12, 7, 9, 0, 0, 123456789, time.FixedZone("WIB", 7*3600))
	b := Booking{Key: `K<&>"\` + "\u2028\x01\xff", State: Held, HoldUntil: at.Add(time.Hour), Request: "r",
		Lines: []BookingLine{
			{OrderID: "O-1", Slot: Slot{"P-1", batik.Cap, w}, Quantity: 10, Delivered: 2, UnitCost: decimal.RequireFromString("80000.50")},
			{OrderID: "O-1", Slot: Slot{"P-2", batik.Tulis, w.Add(1)}, Quantity: 3, UnitCost: decimal.Zero},
		},
		Unfilled: map[string]int{"O-2": 5, "O-1": 1},
		Orders:   []BookedOrder{{OrderID: "O-1", Booked: 13, Unfilled: 1, Reason: CapacityTaken}, {OrderID: "O-2", Unfilled: 5}},
		Skipped:  []Skip{{ProducerID: "P-3", Reason: BelowGrade}},
		Version:  3, Created: at, Updated: at.UTC()}
	got, err := b.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(reflective(t, b)), string(got))
	got, err = Booking{Key: "K", State: Confirmed, Version: 1, Created: at, Updated: at}.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(reflective(t, Booking{Key: "K", State: Confirmed, Version: 1, Created: at, Updated: at})), string(got))
	_, err = Booking{Key: "K", State: 9}.MarshalJSON()
	require.ErrorIs(t, err, ErrInvalid, "an unknown state")
	_, err = Booking{Key: "K", State: Held, Created: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}.MarshalJSON()
	require.Error(t, err, "a year encoding/json refuses")
}

// FuzzJSONString: every string is escaped as encoding/json escapes it.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "plain", `"\`, "<a href='x'>&", "\x00\x1f\x7f", "\u2028\u2029", "\xff\xfe", "é世界", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(appendJSONString(nil, s)))
	})
}
