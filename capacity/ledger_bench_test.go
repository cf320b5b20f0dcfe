package capacity_test

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/batik/aql"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/capacity/memstore"
	"github.com/shopspring/decimal"
)

// benchWorkshops makes n cap producers of 90 to 130 pieces a week, IDs
// prefixed by prefix.
func benchWorkshops(prefix string, n int) []batik.Producer {
	ps := make([]batik.Producer, n)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("%s-%02d", prefix, i), Name: "Batik", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Sedang, PerWeek: 90 + 3*i,
				UnitCost: decimal.NewFromInt(int64(76000 + 500*i))}}}
	}
	return ps
}

var benchFrom = capacity.MustParseWeek("2026-W50")

var benchNow = time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)

// BenchmarkBook compares Book of a 1,000-piece order over 15 producers x 4
// weeks on the memory store (capacity/memstore) with Allocate of the same
// order alone, and with Allocate on a free-capacity view (the planning
// step of Book). Each
// booking is a hold that has expired by the next one (the clock advances
// an hour a booking), so the capacity never runs out and every Book also
// releases the holds before it; the store is replaced, outside the timer,
// every 4,096 bookings to bound its memory.
func BenchmarkBook(b *testing.B) {
	ps := benchWorkshops("P", 15)
	order := benchOrder("O")
	b.Run("Allocate", func(b *testing.B) {
		b.ReportAllocs()
		defer cpuPerOp(b)()
		for b.Loop() {
			p, err := capacity.Allocate(order, ps, capacity.AllocateOptions{Weeks: 4, From: benchFrom})
			if err != nil || p.Unfilled != 0 {
				b.Fatal(err, p.Unfilled)
			}
		}
	})
	b.Run("AllocateOnFree", func(b *testing.B) {
		// The planning step of Book alone: Allocate on a free-capacity view.
		l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
		free, err := l.Free(context.Background(), ps, benchFrom, 4, benchNow)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			p, err := capacity.Allocate(order, ps, capacity.AllocateOptions{Weeks: 4, From: benchFrom, Free: free})
			if err != nil || p.Unfilled != 0 {
				b.Fatal(err, p.Unfilled)
			}
		}
	})
	b.Run("Book", func(b *testing.B) {
		b.ReportAllocs()
		defer cpuPerOp(b)()
		ctx := context.Background()
		var l *capacity.Ledger
		i := 0
		for b.Loop() {
			if i%4096 == 0 {
				b.StopTimer()
				l = capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
				b.StartTimer()
			}
			i++
			now := benchNow.Add(time.Duration(i) * time.Hour)
			key := "O-" + strconv.Itoa(i)
			bk, err := l.Book(ctx, benchRequest(key, order, ps, time.Minute), now)
			if err != nil || len(bk.Unfilled) != 0 {
				b.Fatal(err, bk.Unfilled)
			}
		}
	})
}

// cpuPerOp starts counting the process's CPU time (every thread: the
// benchmark and the garbage collector) and returns the function that
// reports it per op as cpu-ns/op. On a shared machine, waiting for a core
// inflates ns/op but not cpu-ns/op.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op") }
}

// benchOrder is the benchmarks' order: 1,000 cap pieces.
func benchOrder(id string) batik.Order {
	return batik.Order{ID: id, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}
}

// benchRequest books order over ps for 4 weeks from benchFrom, held for
// hold.
func benchRequest(key string, order batik.Order, ps []batik.Producer, hold time.Duration) capacity.BookRequest {
	return capacity.BookRequest{Key: key, Orders: []batik.Order{order}, Producers: ps, From: benchFrom, Weeks: 4, HoldFor: hold}
}

// BenchmarkThroughput books the 1,000-piece order over 15 producers x 4
// weeks as holds, on disjoint producers (each goroutine its own 15) with
// 1 and 2 goroutines, and with every goroutine on the same 15 producers,
// reporting orders (one booking each) per second. The clock advances a
// second per order and a hold lasts three, so about three run at a time
// and a goroutine's own producers never run out of capacity. Afterwards
// every booking must be recorded once and each slot's held pieces must
// be the running holds' lines: no lost update. Goroutines sharing
// producers may find nothing free (see refused/order).
func BenchmarkThroughput(b *testing.B) {
	for _, tt := range []struct {
		name       string
		goroutines int
		shared     bool
	}{{"disjoint/1", 1, false}, {"disjoint/2", 2, false}, {"contending/2", 2, true}, {"contending/8", 8, true}} {
		b.Run(tt.name, func(b *testing.B) {
			l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{MaxRetries: 1000})
			var failed, refused atomic.Int64
			per := b.N/tt.goroutines + 1
			start, cpu0 := time.Now(), cpuTime()
			b.ResetTimer()
			var wg sync.WaitGroup
			for g := range tt.goroutines {
				ps := benchWorkshops(benchPrefix(g, tt.shared), 15)
				wg.Go(func() {
					ctx := context.Background()
					for k := range per {
						n := int64(k*tt.goroutines + g)
						now := benchNow.Add(time.Duration(n) * time.Second)
						key := "O-" + strconv.FormatInt(n, 10)
						_, err := l.Book(ctx, benchRequest(key, benchOrder(key), ps, 3*time.Second), now)
						switch {
						case err == nil:
						case tt.shared && errors.Is(err, capacity.ErrNoCapacity):
							// Goroutines sharing producers run at their own
							// clocks: the holds of one ahead are live for one
							// behind, and may take every piece it could book.
							refused.Add(1)
						default:
							failed.Add(1)
						}
					}
				})
			}
			wg.Wait()
			b.StopTimer()
			elapsed, cpu := time.Since(start), cpuTime()-cpu0
			if f := failed.Load(); f > 0 {
				b.Fatalf("%d bookings failed", f)
			}
			// The check below is not part of the throughput: the figures
			// are taken before it.
			orders := float64(int64(per) * int64(tt.goroutines))
			b.ReportMetric(orders/elapsed.Seconds(), "orders/s")
			// CPU time of the whole process (GC included) per order: on a
			// shared, loaded machine wall-clock throughput is noisy, while
			// equal CPU per order at 1 and 2 goroutines shows that the
			// goroutines add work, not waiting.
			b.ReportMetric(float64(cpu)/orders, "cpu-ns/order")
			if tt.shared {
				b.ReportMetric(float64(refused.Load())/orders, "refused/order")
			}
			// At the end the last three orders' holds are still running.
			noLostUpdate(b, l, per*tt.goroutines-int(refused.Load()), benchNow.Add(time.Duration(per*tt.goroutines-1)*time.Second+time.Second/2))
		})
	}
}

// benchPrefix names goroutine g's producers: its own, or shared.
func benchPrefix(g int, shared bool) string {
	if shared {
		return "S"
	}
	return "G" + strconv.Itoa(g)
}

// noLostUpdate checks after a throughput run that every booking was
// recorded once and that each slot's held pieces at the end are exactly
// the lines of the holds still running: no update was lost.
func noLostUpdate(b *testing.B, l *capacity.Ledger, orders int, end time.Time) {
	bs := all(b, l, capacity.BookingFilter{Limit: capacity.MaxPageLimit}, end)
	if len(bs) != orders {
		b.Fatalf("%d bookings recorded for %d orders", len(bs), orders)
	}
	held := map[capacity.Slot]int{}
	for _, bk := range bs {
		if bk.State == capacity.Held {
			for _, ln := range bk.Lines {
				held[ln.Slot] += ln.Quantity
			}
		}
	}
	var ps []batik.Producer
	for _, prefix := range []string{"G0", "G1", "S"} {
		ps = append(ps, benchWorkshops(prefix, 15)...)
	}
	st, err := l.Slots(context.Background(), capacity.SlotQuery{From: benchFrom, To: benchFrom.Add(3)}, ps, end)
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range st {
		if s.Held != held[s.Slot] || s.Held+s.Confirmed > s.Capacity {
			b.Fatalf("slot %s: %+v, the running holds hold %d", s.Slot, s, held[s.Slot])
		}
	}
}

// BenchmarkOps times the ledger's other changes of one booking (the
// 1,000-piece order over 15 producers, 15 lines in the first of its 4
// weeks) on the memory store, each after a Book on a new store outside
// the timer: Extend and Confirm of the hold, Deliver of all 15 lines,
// DeliverLot of one line with its inspection (two classes), and Cancel.
// Compare each with BenchmarkBook.
func BenchmarkOps(b *testing.B) {
	ps := benchWorkshops("P", 15)
	ctx := context.Background()
	var states []aql.State
	for _, c := range []struct {
		class aql.Class
		basis aql.Basis
		aql   string
	}{{aql.Major, aql.Items, "2.5"}, {aql.Minor, aql.Nonconformities, "4.0"}} {
		s, err := aql.NewClassState("P-00", "cap", c.class, c.basis, aql.MustParseAQL(c.aql), aql.LevelII)
		if err != nil {
			b.Fatal(err)
		}
		states = append(states, s)
	}
	ops := []struct {
		name string
		hold time.Duration
		op   func(l *capacity.Ledger, bk capacity.Booking) error
	}{
		{"Extend", time.Hour, func(l *capacity.Ledger, bk capacity.Booking) error {
			_, err := l.Extend(ctx, bk.Key, 2*time.Hour, benchNow)
			return err
		}},
		{"Confirm", time.Hour, func(l *capacity.Ledger, bk capacity.Booking) error {
			_, err := l.Confirm(ctx, bk.Key, benchNow)
			return err
		}},
		{"Deliver", 0, func(l *capacity.Ledger, bk capacity.Booking) error {
			var ds []capacity.Delivery
			for _, ln := range bk.Lines {
				if ln.Week == benchFrom {
					ds = append(ds, capacity.Delivery{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: ln.Quantity})
				}
			}
			_, err := l.Deliver(ctx, bk.Key, "w50", ds, benchNow)
			return err
		}},
		{"DeliverLot", 0, func(l *capacity.Ledger, bk capacity.Booking) error {
			ln := bk.Lines[0]
			in := aql.Inspection{LotID: "SJ-1", Inspector: "Sri", Date: "2026-12-14", Size: ln.Quantity, Seed: 1, Found: []int{0, 0}}
			_, _, _, err := l.DeliverLot(ctx, bk.Key, "lot-1", capacity.Delivery{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: ln.Quantity}, states, in, benchNow)
			return err
		}},
		{"Cancel", 0, func(l *capacity.Ledger, bk capacity.Booking) error {
			_, err := l.Cancel(ctx, bk.Key, benchNow)
			return err
		}},
	}
	for _, o := range ops {
		b.Run(o.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				l := capacity.NewLedger(memstore.New(), capacity.LedgerOptions{})
				bk, err := l.Book(ctx, benchRequest("B-1", benchOrder("B-1"), ps, o.hold), benchNow)
				if err != nil || len(bk.Lines) != 15 {
					b.Fatal(err, len(bk.Lines))
				}
				b.StartTimer()
				if err := o.op(l, bk); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
