package pgstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

// benchProducers are 50 workshops with room for every booking a
// benchmark makes, so that no Book waits on capacity: the figures are the
// cost of the bookkeeping.
func benchProducers() []batik.Producer {
	ps := make([]batik.Producer, 50)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("B%02d", i), Name: "Workshop", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Halus, PerWeek: 1 << 30, UnitCost: decimal.NewFromInt(15000)}}}
	}
	return ps
}

// clients16 sets RunParallel to 16 goroutines whatever GOMAXPROCS is.
func clients16(b *testing.B) {
	b.SetParallelism(max(1, 16/runtimeProcs()))
}

// BenchmarkLedgerBook measures bookings a second of capacity.Ledger on
// this store with 16 concurrent clients on a pool of 16 connections: each
// Book plans one order of 10 to 80 pieces on 3 of 50 producers (reading
// the key, the calendar and the usage of their slots) and commits it (a
// booking row, 3 slot rows locked and updated, 3 lines).
func BenchmarkLedgerBook(b *testing.B) {
	s, _ := testStoreConns(b, 16)
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	ps := benchProducers()
	var seq atomic.Int64
	clients16(b)
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(uint64(seq.Add(1)), 11))
		for pb.Next() {
			key := fmt.Sprintf("L%d", seq.Add(1))
			p := rng.IntN(len(ps) - 2)
			req := capacity.BookRequest{Key: key, Producers: ps[p : p+3], From: w1.Add(rng.IntN(8)), Weeks: 2, Policy: capacity.Proportional, HoldFor: time.Hour,
				Orders: []batik.Order{{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 10 + rng.IntN(71)}}}
			if _, err := l.Book(context.Background(), req, time.Now()); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "bookings/s")
	b.ReportMetric(float64(s.Retries()), "retries")
}

// BenchmarkCommitBooking measures Store.Commit alone, 16 concurrent
// clients: each commit inserts a held booking of one order over two weeks
// of one of 50 producers (a booking row, two slot rows locked and
// updated, two lines), the write of one Book once planned.
func BenchmarkCommitBooking(b *testing.B) {
	s, _ := testStoreConns(b, 16)
	ctx := context.Background()
	var seq atomic.Int64
	clients16(b)
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(uint64(seq.Add(1)), 7))
		for pb.Next() {
			key := fmt.Sprintf("B%d", seq.Add(1))
			now := time.Now()
			p, wk := rng.IntN(50), rng.IntN(8)
			bk := capacity.Booking{Key: key, State: capacity.Held, HoldUntil: now.Add(time.Hour), Request: "r", Created: now, Updated: now}
			var ds []capacity.SlotDelta
			for i := range 2 {
				sl := capacity.Slot{ProducerID: fmt.Sprintf("B%02d", p), Technique: batik.Cap, Week: w1.Add(wk + i)}
				q := 1 + rng.IntN(5)
				bk.Lines = append(bk.Lines, capacity.BookingLine{OrderID: key, Slot: sl, Quantity: q, UnitCost: decimal.NewFromInt(15000)})
				ds = append(ds, capacity.SlotDelta{Slot: sl, Capacity: 1 << 30, Held: q})
			}
			if _, err := s.Commit(ctx, capacity.Change{Now: now, Booking: bk, Deltas: ds}); err != nil {
				b.Error(err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "bookings/s")
	b.ReportMetric(float64(s.Retries()), "retries")
}
