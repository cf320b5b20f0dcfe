package capacity

import (
	"context"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestRecordExact checks that the memory store's records give back every
// booking exactly: IDs, techniques (even ones no valid booking has),
// weeks, quantities beyond 32 bits, times in several locations (the zero
// Time too), and each unit cost with its own representation (76000,
// 76000.00 and 76e3 are equal but not the same Decimal; a coefficient
// past 64 bits; the zero Decimal); with lines in random order, so values
// come back after runs of others. The filter of Bookings must agree with
// one on decoded lines.
func TestRecordExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	costs := []decimal.Decimal{{}, decimal.New(76000, 0), decimal.New(7600000, -2), decimal.New(76, 3), decimal.New(-1, -2),
		decimal.RequireFromString("123456789012345678901234567890.5"), decimal.RequireFromString("-123456789012345678901234567890")}
	techs := []batik.Technique{batik.Tulis, batik.Cap, batik.Kombinasi, batik.Printing, "", "sablon"}
	jakarta := time.FixedZone("WIB", 7*3600)
	locs := []*time.Location{time.UTC, time.Local, jakarta, time.FixedZone("WITA", 8*3600)}
	var lt locTable
	w := MustParseWeek("2026-W49")
	for n := range 300 {
		distinct := 1 + rng.IntN(100)
		at := func() time.Time {
			return time.Unix(int64(rng.IntN(1<<34))-1<<33, int64(rng.IntN(1e9))).In(locs[rng.IntN(len(locs))])
		}
		b := Booking{Key: "K" + strconv.Itoa(n), State: State(1 + rng.IntN(4)), Request: "fp", Version: int64(n) - 5,
			Created: at(), Updated: at(), Unfilled: map[string]int{}}
		if n%2 == 0 {
			b.HoldUntil = at()
		}
		for i := range rng.IntN(150) {
			id := strconv.Itoa(rng.IntN(distinct))
			b.Lines = append(b.Lines, BookingLine{OrderID: "O" + id, Slot: Slot{"P" + id, techs[rng.IntN(len(techs))], w.Add(rng.IntN(60))},
				Quantity: rng.IntN(1<<40) - 1<<39, Delivered: i, UnitCost: costs[rng.IntN(len(costs))]})
		}
		if n%3 == 0 {
			b.Unfilled["O1"] = n
			b.Unfilled["O"+strconv.Itoa(n)] = -n
		}
		rec := encodeBooking(nil, &b, &lt)
		got := decodeBooking(rec, &lt)
		want := b
		if want.Lines == nil {
			want.Lines = []BookingLine{}
		}
		if len(want.Unfilled) == 0 {
			want.Unfilled = nil
		}
		require.Equal(t, want, got, "booking %d", n)
		require.True(t, recHasKey(rec, b.Key))
		require.False(t, recHasKey(rec, b.Key+"x"))
		require.Equal(t, b.Version, recVersion(rec))
		for i := range b.Lines { // each cost has the representation given
			require.Equal(t, b.Lines[i].UnitCost.Exponent(), got.Lines[i].UnitCost.Exponent())
			require.Equal(t, b.Lines[i].UnitCost.String(), got.Lines[i].UnitCost.String())
		}
		// The very location comes back, not one equal to it.
		require.Same(t, b.Created.Location(), got.Created.Location())
		require.Same(t, b.Updated.Location(), got.Updated.Location())
		require.Same(t, b.HoldUntil.Location(), got.HoldUntil.Location())
		if len(got.Lines) > 0 {
			got.Lines[0] = BookingLine{OrderID: "changed"} // the caller owns the copy
			require.Equal(t, want, decodeBooking(rec, &lt))
		}
		for _, f := range []BookingFilter{{}, {OrderID: "O1"}, {ProducerID: "P2"}, {OrderID: "O3", ProducerID: "P3"},
			{OrderID: "O3", ProducerID: "P4"}, {OrderID: "none"}, {ProducerID: "O1"}, {OrderID: "cap"}, {OrderID: "O" + strconv.Itoa(n)}} {
			require.Equal(t, matchesRef(&b, f), recMatches(rec, f), "booking %d, filter %+v", n, f)
		}
	}
	require.EqualValues(t, 2, lt.next, "a location is numbered once")
	for range 1000 { // a new Location per request: each its own number
		loc := time.FixedZone("IST", 19800)
		n := lt.number(loc)
		require.Same(t, loc, lt.location(n))
		require.Equal(t, n, lt.number(loc))
	}
	require.EqualValues(t, 1002, lt.next)
}

// TestRecordTable checks the shard's record table: keys whose hashes
// collide are told apart, a rewritten record keeps its number, and
// compaction moves the live records without changing any.
func TestRecordTable(t *testing.T) {
	var tt recTable
	var lt locTable
	const n = 3000
	recOf := func(i, v int) []byte {
		b := Booking{Key: "K" + strconv.Itoa(i), Version: int64(v), Request: strings.Repeat("r", i%200),
			Created: time.Unix(int64(i), 0).UTC()}
		return encodeBooking(nil, &b, &lt)
	}
	hash := func(i int) uint64 { return uint64(i % 7) } // many keys per hash
	for i := range n {
		require.Equal(t, int32(-1), tt.find("K"+strconv.Itoa(i), hash(i)))
		require.NoError(t, tt.put(-1, hash(i), recOf(i, 1)))
	}
	for v := 2; v <= 6; v++ { // rewrites: dead bytes, then compaction
		for i := range n {
			ri := tt.find("K"+strconv.Itoa(i), hash(i))
			require.Equal(t, int32(i), ri)
			require.Equal(t, int64(v-1), recVersion(tt.rec(ri)))
			require.NoError(t, tt.put(ri, hash(i), recOf(i, v)))
		}
		require.Less(t, tt.dead, max(tt.live, compactAt)+1000, "compacted")
	}
	live := 0
	for i := range n {
		ri := tt.find("K"+strconv.Itoa(i), hash(i))
		require.Equal(t, recOf(i, 6), tt.rec(ri))
		live += len(tt.rec(ri))
	}
	require.Equal(t, live, tt.live)
	require.Equal(t, int32(-1), tt.find("K"+strconv.Itoa(n), hash(n)))
	require.Equal(t, int32(-1), tt.find("K1", 12345))
	for _, c := range tt.chunks {
		require.LessOrEqual(t, cap(c), maxChunk)
	}
	// Chunks double from minChunk (8 of them reach maxChunk), then fill.
	require.LessOrEqual(t, len(tt.chunks), 8+2*tt.live/maxChunk+1)

	// A few records rewritten many times: the dead bytes are reclaimed
	// once they reach compactAt, though they never reach the live ones'
	// count otherwise.
	tt = recTable{}
	for i := range 3 {
		require.NoError(t, tt.put(-1, uint64(i), recOf(i, 1)))
	}
	for v := range 20000 {
		i := v % 3
		require.NoError(t, tt.put(tt.find("K"+strconv.Itoa(i), uint64(i)), uint64(i), recOf(i, v)))
		require.Less(t, tt.dead, compactAt)
	}
	require.Equal(t, recOf(2, 19997), tt.rec(2)) // the last v with v%3 == 2

	// Records past bigRecord (8 KiB) get chunks of their own, so a chunk leaves
	// at most 8 KiB unused, however the sizes mix.
	tt = recTable{}
	for i := range 400 {
		size := []int{100, bigRecord + 1, maxChunk/2 + 1, 3000, 2 * maxChunk}[i%5]
		b := Booking{Key: "K" + strconv.Itoa(i), Request: strings.Repeat("r", size)}
		rec := encodeBooking(nil, &b, &lt)
		require.NoError(t, tt.put(-1, uint64(i), rec))
		require.Equal(t, rec, tt.rec(tt.find(b.Key, uint64(i))))
	}
	for i, c := range tt.chunks {
		if i != tt.open {
			require.LessOrEqual(t, cap(c)-len(c), 8<<10, "chunk %d", i)
		}
	}
}

// TestHoldsExpireWithTheirBooking checks that a slot's hold expires at
// the time its booking's record keeps: both without the monotonic clock
// reading a time.Now carries, so that a step of the wall clock cannot
// show the booking expired while the slot still counts its pieces.
func TestHoldsExpireWithTheirBooking(t *testing.T) {
	s := NewMemoryStore()
	now := time.Now()
	until := now.Add(time.Hour)
	require.NotEqual(t, until, until.Round(0), "time.Now has a monotonic reading")
	sl := Slot{"P", batik.Cap, MustParseWeek("2026-W49")}
	b, err := s.Commit(context.Background(), Change{Now: now, Booking: Booking{Key: "H", State: Held, HoldUntil: until, Created: now,
		Updated: now, Lines: []BookingLine{{OrderID: "O", Slot: sl, Quantity: 5}}}, Deltas: []SlotDelta{{Slot: sl, Capacity: 10, Held: 5}}})
	require.NoError(t, err)
	require.Equal(t, until.Round(0), b.HoldUntil) // ==, not Equal: no monotonic reading
	got, err := s.Booking(context.Background(), "H", now)
	require.NoError(t, err)
	require.Equal(t, b, got)
	holds := s.producer("P", false).get(batik.Cap, sl.Week).holds
	require.Len(t, holds, 1)
	require.Equal(t, got.HoldUntil, holds[0].until)
}

// matchesRef is the filter of Store.Bookings on decoded lines.
func matchesRef(b *Booking, f BookingFilter) bool {
	if f.OrderID == "" && f.ProducerID == "" {
		return true
	}
	for _, l := range b.Lines {
		if (f.OrderID == "" || l.OrderID == f.OrderID) && (f.ProducerID == "" || l.ProducerID == f.ProducerID) {
			return true
		}
	}
	if f.ProducerID == "" {
		_, ok := b.Unfilled[f.OrderID]
		return ok
	}
	return false
}
