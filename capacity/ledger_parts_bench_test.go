package capacity

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// BenchmarkBookParts times the steps of BenchmarkBook's Book one by one,
// on the same order (1,000 pieces over 15 producers x 4 weeks, a hold)
// and the memory store: checking the request, its fingerprint, the
// snapshot of free capacity, planning on it (Allocate and laying the
// lines), and the commit. The steps add up to about Book's time; compare
// each with BenchmarkBook/Allocate. Beside them, Commit-checked is the
// same commit by a direct caller of MemoryStore.Commit, whose input is
// checked against Store's rules (Book's own change is not checked again).
func BenchmarkBookParts(b *testing.B) {
	ctx := context.Background()
	req, now := bookBenchRequest()
	ps, from := req.Producers, req.From
	// A store with the slots in use, as Book sees it after a first booking.
	store := NewMemoryStore()
	l := NewLedger(store, LedgerOptions{})
	if _, err := l.Book(ctx, req, now); err != nil {
		b.Fatal(err)
	}
	later := now.Add(time.Hour) // the first booking's hold has expired
	req.Key, req.HoldUntil = "O-2", later.Add(time.Minute)
	b.Run("check", func(b *testing.B) {
		for b.Loop() {
			if err := checkBook(&req, later); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fingerprint", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = req.fingerprint()
		}
	})
	b.Run("snapshot", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			snap, err := l.snapshot(ctx, ps, batik.Cap, from, 4, later)
			if err != nil {
				b.Fatal(err)
			}
			snap.release()
		}
	})
	b.Run("snapshot+plan", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			snap, err := l.snapshot(ctx, ps, batik.Cap, from, 4, later)
			if err != nil {
				b.Fatal(err)
			}
			if _, _, err := plan(&req, snap); err != nil {
				b.Fatal(err)
			}
			snap.release()
		}
	})
	for _, checked := range []bool{false, true} {
		name := "commit"
		if checked {
			name = "Commit-checked"
		}
		b.Run(name, func(b *testing.B) { benchCommit(b, ctx, ps, from, now, &req, checked) })
	}
}

// benchCommit commits the same planned change under new keys, each a hold
// that has expired by the next (as in BenchmarkBook), with a new store,
// outside the timer, every 4,096 commits: as Book commits (the ledger's
// own change, not checked again), or with checked as a direct caller of
// MemoryStore.Commit does (its input checked against Store's rules).
func benchCommit(b *testing.B, ctx context.Context, ps []batik.Producer, from Week, now time.Time, req *BookRequest, checked bool) {
	b.ReportAllocs()
	var s *MemoryStore
	var deltas []SlotDelta
	var bk Booking
	i := 0
	for b.Loop() {
		if i%4096 == 0 {
			b.StopTimer()
			s = NewMemoryStore()
			snap, err := NewLedger(s, LedgerOptions{}).snapshot(ctx, ps, batik.Cap, from, 4, now)
			if err != nil {
				b.Fatal(err)
			}
			bk, deltas, err = plan(req, snap)
			if err != nil {
				b.Fatal(err)
			}
			deltas = append([]SlotDelta(nil), deltas...)
			for j := range deltas {
				deltas[j].Held, deltas[j].Confirmed = deltas[j].Confirmed, 0
			}
			snap.release()
			b.StartTimer()
		}
		i++
		at := now.Add(time.Duration(i) * time.Hour)
		bk.Key, bk.State, bk.HoldUntil, bk.Created, bk.Updated = "O-"+strconv.Itoa(i), Held, at.Add(time.Minute), at, at
		if _, err := s.commit(ctx, Change{Now: at, Booking: bk, Deltas: deltas}, nil, !checked); err != nil {
			b.Fatal(err)
		}
	}
}

// bookBenchRequest is BenchmarkBook's request, made in this package for
// the benchmarks of Book's parts and floor: a hold of 1,000 cap pieces
// over 15 producers x 4 weeks from 2026-W50, and the clock of its Book.
func bookBenchRequest() (BookRequest, time.Time) {
	ps := make([]batik.Producer, 15)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("P-%02d", i), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 90 + 3*i,
				UnitCost: decimal.NewFromInt(int64(76000 + 500*i))}}}
	}
	now := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	order := batik.Order{ID: "O", Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}
	return BookRequest{Key: "O", Orders: []batik.Order{order}, Producers: ps, From: MustParseWeek("2026-W50"), Weeks: 4,
		HoldUntil: now.Add(time.Minute)}, now
}
