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
	ctx, now, w, ps := snapFixture(100, 100)
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
	_, err = a.commit(ctx, change("second"), snap, false)
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
	for _, id := range []string{"P-1", "P-2"} {
		r, ok := snapA.rec(id)
		require.True(t, ok, id)
		require.NotNil(t, r, id)
		require.Same(t, a.producer(id, false), r, id)
	}
	r, ok := snapA.rec("P-9")
	require.False(t, ok, "a producer the snapshot does not hold")
	require.Nil(t, r)
	b := NewMemoryStore()
	_, err = b.commit(ctx, change("third"), snapA, false)
	require.NoError(t, err)
	require.Equal(t, map[string]int{"P-1": 10, "P-2": 10}, confirmed(b))
	require.Equal(t, want, confirmed(a), "store a is unchanged")
	snapA.release()
}

// TestSnapshotRemembersRecords checks what a released snapshot keeps for
// its next use: the store that filled it and its records by position and
// ID, given back only for the same store, position and ID.
func TestSnapshotRemembersRecords(t *testing.T) {
	ctx, now, w, ps := snapFixture(100, 100)
	a := NewMemoryStore()
	l := NewLedger(a, LedgerOptions{})
	_, err := l.Book(ctx, BookRequest{Key: "k", Orders: []batik.Order{{ID: "O-1", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 50}},
		Producers: ps[:1], From: w}, now) // P-1 has a record, P-2 none
	require.NoError(t, err)
	snap, err := l.snapshot(ctx, ps, batik.Cap, w, 1, now)
	require.NoError(t, err)
	rec1 := a.producer("P-1", false)
	require.NotNil(t, rec1)
	require.Equal(t, []*prodSlots{rec1, nil}, snap.recs)
	snap.remember() // as release does
	require.Same(t, a, snap.seen)
	require.Equal(t, []string{"P-1", "P-2"}, snap.seenIDs)
	require.Equal(t, []*prodSlots{rec1, nil}, snap.seenRecs)

	require.Same(t, rec1, snap.seenRec(a, 0, "P-1"))
	require.Nil(t, snap.seenRec(a, 1, "P-2"), "no record then: look it up")
	require.Nil(t, snap.seenRec(a, 1, "P-1"), "another position")
	require.Nil(t, snap.seenRec(a, 0, "P-9"), "another producer")
	require.Nil(t, snap.seenRec(a, 2, "P-1"), "past the last use's producers")
	require.Nil(t, snap.seenRec(NewMemoryStore(), 0, "P-1"), "another store")
	snap.release()

	// A snapshot the memory store did not fill keeps what it had.
	other := &snapshot{seen: a, seenIDs: []string{"P-1"}, seenRecs: []*prodSlots{rec1}}
	other.remember()
	require.Same(t, rec1, other.seenRec(a, 0, "P-1"))
}

// TestSnapshotOutside checks the snapshot's own lookups (those Allocate
// uses while Book plans) for a producer it does not hold and for weeks
// outside it, with few weeks (found by a scan) and many (by arithmetic).
func TestSnapshotOutside(t *testing.T) {
	ctx, now, w, ps := snapFixture(11, 12)
	l := NewLedger(NewMemoryStore(), LedgerOptions{})
	for _, weeks := range []int{4, 12} {
		snap, err := l.snapshot(ctx, ps, batik.Cap, w, weeks, now)
		require.NoError(t, err)
		for k := range weeks {
			require.Equal(t, 11, snap.Free("P-1", batik.Cap, w.Add(k)), "%d weeks, week %d", weeks, k)
			require.Equal(t, 12, snap.Free("P-2", batik.Cap, w.Add(k)), "%d weeks, week %d", weeks, k)
		}
		for _, id := range []string{"P-9", "P-2", "P-0", "P-1"} { // the hint moves on each
			want := map[string]int{"P-1": 11, "P-2": 12}[id]
			require.Equal(t, want, snap.Free(id, batik.Cap, w), "%d weeks, %s", weeks, id)
			if want == 0 {
				require.Equal(t, -1, snap.at(id, batik.Cap, w), "%d weeks, %s", weeks, id)
			}
		}
		require.Zero(t, snap.Free("P-1", batik.Cap, w.Add(-1)), "%d weeks: the week before", weeks)
		require.Zero(t, snap.Free("P-2", batik.Cap, w.Add(weeks)), "%d weeks: the week after", weeks)
		require.Equal(t, -1, snap.weekIndex(w.Add(-1)), "%d weeks", weeks)
		require.Equal(t, -1, snap.weekIndex(w.Add(weeks)), "%d weeks", weeks)
		require.Equal(t, weeks-1, snap.weekIndex(w.Add(weeks-1)), "%d weeks", weeks)
		snap.release()
	}
}

// snapFixture is the setting of these tests: a context, a clock, the week
// 2026-W50, and two cap producers P-1 and P-2 of the given weekly
// capacities.
func snapFixture(perWeek1, perWeek2 int) (context.Context, time.Time, Week, []batik.Producer) {
	cp := func(id string, perWeek int, cost int64) batik.Producer {
		return batik.Producer{ID: id, Name: "Batik", Region: "33.72", Capabilities: []batik.Capability{
			{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: perWeek, UnitCost: decimal.NewFromInt(cost)}}}
	}
	return context.Background(), time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC), MustParseWeek("2026-W50"),
		[]batik.Producer{cp("P-1", perWeek1, 76000), cp("P-2", perWeek2, 77000)}
}
