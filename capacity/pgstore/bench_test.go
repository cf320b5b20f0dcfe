package pgstore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
)

// BenchmarkCommitBooking measures bookings a second with 16 concurrent
// clients on one pool of 16 connections: each booking is a new held
// booking of one order over two weeks of one of 50 producers (an insert,
// two slot rows locked and updated, two lines), the work of one
// capacity.Ledger Book once planned. .ci/pgbench-compare runs it beside
// pgbench's TPC-B on the same server.
func BenchmarkCommitBooking(b *testing.B) {
	s, _ := testStoreConns(b, 16)
	ctx := context.Background()
	var seq atomic.Int64
	b.SetParallelism(max(1, 16/runtimeProcs()))
	b.ReportAllocs()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		rng := rand.New(rand.NewPCG(uint64(seq.Add(1)), 7))
		for pb.Next() {
			n := seq.Add(1)
			now := time.Now()
			key := fmt.Sprintf("B%d", n)
			p := rng.IntN(50)
			wk := rng.IntN(8)
			bk := capacity.Booking{Key: key, State: capacity.Held, HoldUntil: now.Add(time.Hour), Request: "r", Unfilled: map[string]int{}, Created: now, Updated: now}
			var ds []capacity.SlotDelta
			for i := range 2 {
				sl := loadSlot(p, wk+i)
				bk.Lines = append(bk.Lines, capacity.BookingLine{OrderID: key, Slot: sl, Quantity: 1 + rng.IntN(5), UnitCost: decimal.NewFromInt(15000)})
				ds = append(ds, capacity.SlotDelta{Slot: sl, Capacity: 2147483647, Held: bk.Lines[i].Quantity})
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
