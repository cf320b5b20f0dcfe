package memstore_test

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/batikkit/batikkit/capacity/storetest"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(*testing.T) capacity.Store { return memstore.New() })
}

// TestCapacityBounds pins the bounds of SlotDelta.Capacity that
// Commit accepts, [0, batik.MaxQuantity] both included: a slot of the
// largest capacity a workshop may have is booked, a delta with capacity 0
// and no pieces is a no-op, and just outside either bound is refused.
func TestCapacityBounds(t *testing.T) {
	s := memstore.New()
	sl := capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}
	b := capacity.Booking{Key: "K", State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0,
		Lines: []capacity.BookingLine{{OrderID: "O", Slot: sl, Quantity: batik.MaxQuantity, UnitCost: decimal.NewFromInt(1)}}}
	_, err := s.Commit(ctx, capacity.Change{Now: t0, Booking: b,
		Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: batik.MaxQuantity, Confirmed: batik.MaxQuantity}}})
	require.NoError(t, err)
	sl2 := capacity.Slot{ProducerID: "B", Technique: batik.Cap, Week: w49}
	_, err = s.Commit(ctx, capacity.Change{Now: t0, Booking: capacity.Booking{Key: "K2", State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0},
		Deltas: []capacity.SlotDelta{{Slot: sl2, Capacity: 0}}})
	require.NoError(t, err)
	for i, c := range []int{-1, batik.MaxQuantity + 1} {
		_, err = s.Commit(ctx, capacity.Change{Now: t0, Booking: capacity.Booking{Key: "K3-" + strconv.Itoa(i), State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0},
			Deltas: []capacity.SlotDelta{{Slot: sl2, Capacity: c}}})
		require.ErrorIs(t, err, capacity.ErrInvalid, "capacity %d", c)
	}
	u, err := s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"A"}, From: w49, To: w49}, t0)
	require.NoError(t, err)
	require.Len(t, u, 1)
	require.Equal(t, batik.MaxQuantity, u[0].Confirmed)
}

// TestRoomOnlyWhenGrowing pins SlotDelta's rule: the store
// checks room only when held + confirmed grows. A change that leaves them
// as they are (pieces delivered) commits even with a capacity below what
// the slot holds; one that grows is refused with ErrNoRoom, and the error
// says how many more pieces it needed.
func TestRoomOnlyWhenGrowing(t *testing.T) {
	s := memstore.New()
	sl := capacity.Slot{ProducerID: "A", Technique: batik.Cap, Week: w49}
	hold := capacity.Booking{Key: "H", State: capacity.Held, HoldUntil: t0.Add(time.Hour), Request: "r", Created: t0, Updated: t0,
		Lines: []capacity.BookingLine{{OrderID: "OH", Slot: sl, Quantity: 2, UnitCost: decimal.NewFromInt(1)}}}
	_, err := s.Commit(ctx, capacity.Change{Now: t0, Booking: hold, Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: 12, Held: 2}}})
	require.NoError(t, err)
	line := capacity.BookingLine{OrderID: "O", Slot: sl, Quantity: 10, UnitCost: decimal.NewFromInt(1)}
	b := capacity.Booking{Key: "K", State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0, Lines: []capacity.BookingLine{line}}
	got, err := s.Commit(ctx, capacity.Change{Now: t0, Booking: b, Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: 12, Confirmed: 10}}})
	require.NoError(t, err)
	b.Lines[0].Delivered = 4
	_, err = s.Commit(ctx, capacity.Change{Now: t0, Expect: got.Version, Booking: b,
		Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: 7, Delivered: 4}}})
	require.NoError(t, err, "delivering does not grow the slot")
	_, err = s.Commit(ctx, capacity.Change{Now: t0, Booking: capacity.Booking{Key: "K2", State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0},
		Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: 12, Confirmed: 5}}})
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	require.Contains(t, err.Error(), "12 held and confirmed, 5 more asked, capacity 12")
}

// TestReadOrder pins the readers' order and selection: Bookings
// by key whatever the order of booking, Usage of every producer the store
// knows when the query names none, and of each named producer once when a
// query names one twice.
func TestReadOrder(t *testing.T) {
	s := memstore.New()
	keys := []string{"K5", "K1", "K9", "K3", "K7", "K2"}
	for i, k := range keys {
		sl := capacity.Slot{ProducerID: string(rune('A' + i%3)), Technique: batik.Cap, Week: w49}
		b := capacity.Booking{Key: k, State: capacity.Confirmed, Request: "r", Created: t0, Updated: t0,
			Lines: []capacity.BookingLine{{OrderID: k, Slot: sl, Quantity: 1, UnitCost: decimal.NewFromInt(1)}}}
		_, err := s.Commit(ctx, capacity.Change{Now: t0, Booking: b, Deltas: []capacity.SlotDelta{{Slot: sl, Capacity: 10, Confirmed: 1}}})
		require.NoError(t, err)
	}
	page, err := s.Bookings(ctx, capacity.BookingFilter{}, t0)
	require.NoError(t, err)
	var got []string
	for _, b := range page.Bookings {
		got = append(got, b.Key)
	}
	require.Equal(t, []string{"K1", "K2", "K3", "K5", "K7", "K9"}, got)

	all, err := s.Usage(ctx, capacity.SlotQuery{From: w49, To: w49}, t0)
	require.NoError(t, err)
	require.Len(t, all, 3)
	for i, u := range all {
		require.Equal(t, string(rune('A'+i)), u.ProducerID)
		require.Equal(t, 2, u.Confirmed)
	}
	twice, err := s.Usage(ctx, capacity.SlotQuery{ProducerIDs: []string{"B", "B"}, From: w49, To: w49}, t0)
	require.NoError(t, err)
	require.Len(t, twice, 1)
	require.Equal(t, "B", twice[0].ProducerID)
}

var (
	ctx = context.Background()
	t0  = time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	w49 = capacity.MustParseWeek("2026-W49")
)

// BenchmarkUsage reads, on a store where 600 workshops x 104 weeks are
// all booked, the 1,200 slots of one booking (two weeks a workshop, a
// year apart): as a list (SlotQuery.Slots, what Confirm and Cancel read)
// and, beside it, as the rectangle of producers x weeks they span (what
// those read before the list). Compare the two.
func BenchmarkUsage(b *testing.B) {
	s := memstore.New()
	const producers, weeks = 600, 104
	ids := make([]string, producers)
	var list []capacity.Slot
	for p := range ids {
		ids[p] = "P" + strconv.Itoa(1000+p)
		var ds []capacity.SlotDelta
		for w := range weeks {
			ds = append(ds, capacity.SlotDelta{Slot: capacity.Slot{ProducerID: ids[p], Technique: batik.Cap, Week: w49.Add(w)}, Capacity: 10, Confirmed: 1})
		}
		_, err := s.Commit(ctx, capacity.Change{Now: t0, Deltas: ds, Booking: capacity.Booking{Key: "K" + ids[p], State: capacity.Confirmed,
			Request: "r", Created: t0, Updated: t0}})
		require.NoError(b, err)
		list = append(list, ds[p%weeks].Slot, ds[(p+52)%weeks].Slot)
	}
	slices.SortFunc(list, capacity.Slot.Compare)
	for _, c := range []struct {
		name string
		q    capacity.SlotQuery
	}{
		{"slots", capacity.SlotQuery{ProducerIDs: ids, From: w49, To: w49.Add(weeks - 1), Slots: list}},
		{"rectangle", capacity.SlotQuery{ProducerIDs: ids, From: w49, To: w49.Add(weeks - 1)}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Usage(ctx, c.q, t0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
