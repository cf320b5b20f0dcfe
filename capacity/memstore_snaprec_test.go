package capacity

import (
	"context"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestCommitWithSnapshotRecords checks the memory store's commit with the
// producer records a snapshot found: a producer the store had no record
// of when the snapshot was read, and has one of by the commit, gets its
// pieces in that record; a snapshot another store filled is not used.
func TestCommitWithSnapshotRecords(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	w := MustParseWeek("2026-W50")
	ps := []batik.Producer{
		{ID: "P-1", Name: "Batik", Region: "33.72", Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 100, UnitCost: decimal.NewFromInt(76000)}}},
		{ID: "P-2", Name: "Batik", Region: "33.72", Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 100, UnitCost: decimal.NewFromInt(77000)}}},
	}
	order := batik.Order{ID: "O-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 60}
	change := func(key string) Change {
		b := Booking{Key: key, State: Confirmed, Created: now, Updated: now, Unfilled: map[string]int{}}
		var ds []SlotDelta
		for _, p := range ps {
			sl := Slot{p.ID, batik.Cap, w}
			b.Lines = append(b.Lines, BookingLine{OrderID: "O-2", Slot: sl, Quantity: 10, UnitCost: p.Capabilities[0].UnitCost})
			ds = append(ds, SlotDelta{Slot: sl, Capacity: 100, Confirmed: 10})
		}
		return Change{Now: now, Booking: b, Deltas: ds}
	}
	confirmed := func(s *MemoryStore) map[string]int {
		us, err := s.Usage(ctx, SlotQuery{ProducerIDs: []string{"P-1", "P-2"}, From: w, To: w}, now)
		require.NoError(t, err)
		got := map[string]int{}
		for _, u := range us {
			got[u.ProducerID] = u.Confirmed
		}
		return got
	}

	a := NewMemoryStore()
	la := NewLedger(a, LedgerOptions{})
	snap, err := la.snapshot(ctx, ps, batik.Cap, w, 1, now)
	require.NoError(t, err)
	require.Equal(t, []*prodSlots{nil, nil}, snap.recs, "an empty store has no records yet")
	// Another booking adds the producers' records after the snapshot.
	first, err := la.Book(ctx, BookRequest{Key: "first", Orders: []batik.Order{order}, Producers: ps, From: w}, now)
	require.NoError(t, err)
	require.Len(t, first.Lines, 2)
	_, err = a.commit(ctx, change("second"), snap)
	require.NoError(t, err)
	want := map[string]int{}
	for _, ln := range first.Lines {
		want[ln.ProducerID] = ln.Quantity + 10
	}
	require.Equal(t, want, confirmed(a), "the second booking's pieces join the first's in the records the store has")
	snap.release()

	// A snapshot of store a, given to store b's commit, is not used.
	snapA, err := la.snapshot(ctx, ps, batik.Cap, w, 1, now)
	require.NoError(t, err)
	require.Same(t, a, snapA.mem)
	require.NotNil(t, snapA.recs[0])
	b := NewMemoryStore()
	_, err = b.commit(ctx, change("third"), snapA)
	require.NoError(t, err)
	require.Equal(t, map[string]int{"P-1": 10, "P-2": 10}, confirmed(b))
	require.Equal(t, want, confirmed(a), "store a is unchanged")
	snapA.release()
}
