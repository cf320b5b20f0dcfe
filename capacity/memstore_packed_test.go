package capacity

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestPackExact checks that the memory store's packed form gives back
// every booking exactly: IDs, techniques (even ones no valid booking has),
// weeks, quantities beyond 32 bits, and each unit cost with its own
// representation (76000, 76000.00 and 76e3 are equal but not the same
// Decimal); with lines in random order, so values come back after runs
// of others. The filter of Bookings must agree with one on unpacked lines.
func TestPackExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	costs := []decimal.Decimal{{}, decimal.New(76000, 0), decimal.New(7600000, -2), decimal.New(76, 3), decimal.New(-1, -2),
		decimal.RequireFromString("123456789012345678901234567890.5")}
	techs := []batik.Technique{batik.Tulis, batik.Cap, batik.Kombinasi, batik.Printing, "", "sablon"}
	w := MustParseWeek("2026-W49")
	for n := range 300 {
		distinct := 1 + rng.IntN(100)
		b := Booking{Key: "K" + strconv.Itoa(n), State: State(1 + rng.IntN(4)), Request: "fp", Version: int64(n),
			Created: time.Unix(int64(n), 0), Updated: time.Unix(int64(n), 5), Unfilled: map[string]int{}}
		for i := range rng.IntN(150) {
			id := strconv.Itoa(rng.IntN(distinct))
			b.Lines = append(b.Lines, BookingLine{OrderID: "O" + id, Slot: Slot{"P" + id, techs[rng.IntN(len(techs))], w.Add(rng.IntN(60))},
				Quantity: rng.IntN(1 << 40), Delivered: i, UnitCost: costs[rng.IntN(len(costs))]})
		}
		if n%3 == 0 {
			b.Unfilled["O1"] = n
		}
		p, err := pack(b)
		require.NoError(t, err)
		b.Unfilled["later"] = 1 // the packed booking keeps its own Unfilled
		delete(b.Unfilled, "later")
		got := p.booking()
		want := b
		if want.Lines == nil {
			want.Lines = []BookingLine{}
		}
		if len(want.Unfilled) == 0 {
			want.Unfilled = nil
		}
		require.Equal(t, want, got, "booking %d", n)
		for i := range b.Lines { // each cost is the very Decimal given
			require.Equal(t, b.Lines[i].UnitCost.Exponent(), got.Lines[i].UnitCost.Exponent())
			require.Equal(t, b.Lines[i].UnitCost.String(), got.Lines[i].UnitCost.String())
		}
		if len(got.Lines) > 0 {
			got.Lines[0] = BookingLine{OrderID: "changed"} // the caller owns the copy
			got.Unfilled = map[string]int{"changed": 1}
			require.Equal(t, want, p.booking())
		}
		for _, f := range []BookingFilter{{}, {OrderID: "O1"}, {ProducerID: "P2"}, {OrderID: "O3", ProducerID: "P3"},
			{OrderID: "O3", ProducerID: "P4"}, {OrderID: "none"}, {ProducerID: "O1"}, {OrderID: "cap"}} {
			require.Equal(t, matchesRef(&b, f), p.matches(f), "booking %d, filter %+v", n, f)
		}
	}
}

// matchesRef is the filter of Store.Bookings on unpacked lines.
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
