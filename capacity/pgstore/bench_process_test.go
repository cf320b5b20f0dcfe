package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// TestBenchProcess is the load generator of .ci/pgbench-compare, not a
// test: without BATIKKIT_PGSTORE_BENCH it returns at once. It prints one
// line of figures (benchStatsPrefix, then JSON):
//
//   - "bookcancel": BATIKKIT_BENCH_CLIENTS clients (16) each book a
//     1,000-piece EvenShare order on all BATIKKIT_BENCH_PRODUCERS
//     producers over BATIKKIT_BENCH_WEEKS weeks (PerWeek
//     BATIKKIT_BENCH_PER_WEEK) confirmed at once, then cancel it, for
//     BATIKKIT_PGSTORE_DURATION;
//   - "flashsale": the clients book BATIKKIT_BENCH_ORDERS orders of 1 to 5
//     pieces each (LowestCost: everyone wants the cheapest workshop's
//     week), held for 15 minutes.
//
// Every process migrates the schema BATIKKIT_PGSTORE_SCHEMA (idempotent).
func TestBenchProcess(t *testing.T) {
	mode := os.Getenv(benchEnv)
	if mode == "" {
		return
	}
	cfg := benchConfig{clients: envInt("BATIKKIT_BENCH_CLIENTS", 16), producers: envInt("BATIKKIT_BENCH_PRODUCERS", 30),
		weeks: envInt("BATIKKIT_BENCH_WEEKS", 26), perWeek: envInt("BATIKKIT_BENCH_PER_WEEK", 50),
		orders: envInt("BATIKKIT_BENCH_ORDERS", 0), proc: envInt("BATIKKIT_PGSTORE_PROC", 0)}
	cfg.dur, _ = time.ParseDuration(os.Getenv("BATIKKIT_PGSTORE_DURATION"))
	c := &counter{}
	pool := tracedPool(t, testDSN(t), int32(cfg.clients), c)
	schema := os.Getenv("BATIKKIT_PGSTORE_SCHEMA")
	require.NoError(t, MigrateWith(context.Background(), pool, Options{Schema: schema}))
	s := New(pool, Options{Schema: schema})
	l := capacity.NewLedger(s, capacity.LedgerOptions{})
	c.take() // the migration is not the load's
	var st benchStats
	switch mode {
	case "bookcancel":
		st = cfg.bookCancel(l)
	case "flashsale":
		st = cfg.flashSale(l)
	default:
		t.Fatalf("unknown %s %q", benchEnv, mode)
	}
	st.Statements, st.RoundTrips = c.take()
	st.Prepares, st.Retries = c.prepares.Load(), s.Retries()
	out, err := json.Marshal(st)
	require.NoError(t, err)
	fmt.Println(benchStatsPrefix + string(out))
}

const (
	benchEnv         = "BATIKKIT_PGSTORE_BENCH"
	benchStatsPrefix = "PGSTORE-BENCH "
)

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil {
		return v
	}
	return def
}

type benchConfig struct {
	clients, producers, weeks, perWeek, orders, proc int
	dur                                              time.Duration
}

// benchStats are a process's figures: operations (a Book and a Cancel
// count one each), their latencies in milliseconds, what was sent, and
// how many Books gave up.
type benchStats struct {
	Ops        int64     `json:"ops"`
	Seconds    float64   `json:"seconds"`
	Book       []float64 `json:"book_ms"`   // every Book's latency
	Cancel     []float64 `json:"cancel_ms"` // every Cancel's latency
	Statements int64     `json:"statements"`
	RoundTrips int64     `json:"round_trips"`
	Prepares   int64     `json:"prepares"`
	Retries    int64     `json:"retries"`
	Contention int64     `json:"contention"`  // ErrContention
	NoCapacity int64     `json:"no_capacity"` // ErrNoCapacity: sold out
	Errors     int64     `json:"errors"`      // anything else
}

// producers are the workshops of a run: equal capacity; unit costs rise
// with the ID, so LowestCost wants the first.
func (cfg benchConfig) producerList() []batik.Producer {
	ps := make([]batik.Producer, cfg.producers)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("W%03d", i), Name: "Workshop", Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Halus, PerWeek: cfg.perWeek,
				UnitCost: decimal.NewFromInt(int64(15000 + 10*i))}}}
	}
	return ps
}

// run calls f from cfg.clients goroutines until it returns false, and
// merges what they measured.
func (cfg benchConfig) run(f func(g int, rng *rand.Rand, st *benchStats) bool) benchStats {
	var mu sync.Mutex
	var all benchStats
	start := time.Now()
	var wg sync.WaitGroup
	for g := range cfg.clients {
		wg.Go(func() {
			var st benchStats
			rng := rand.New(rand.NewPCG(uint64(cfg.proc), uint64(g)))
			for f(g, rng, &st) {
			}
			mu.Lock()
			defer mu.Unlock()
			all.Ops += st.Ops
			all.Book, all.Cancel = append(all.Book, st.Book...), append(all.Cancel, st.Cancel...)
			all.Contention, all.NoCapacity, all.Errors = all.Contention+st.Contention, all.NoCapacity+st.NoCapacity, all.Errors+st.Errors
		})
	}
	wg.Wait()
	all.Seconds = time.Since(start).Seconds()
	slices.Sort(all.Book)
	slices.Sort(all.Cancel)
	return all
}

// time calls op with the clock, keeps its latency in *lat (milliseconds)
// and counts its outcome; it reports whether op succeeded.
func (st *benchStats) time(lat *[]float64, op func(now time.Time) error) bool {
	start := time.Now()
	err := op(start)
	*lat = append(*lat, float64(time.Since(start).Microseconds())/1000)
	if err != nil {
		st.count(err)
		return false
	}
	st.Ops++
	return true
}

// count files err under its kind.
func (st *benchStats) count(err error) {
	switch {
	case errors.Is(err, capacity.ErrContention):
		st.Contention++
	case errors.Is(err, capacity.ErrNoCapacity):
		st.NoCapacity++
	default:
		st.Errors++
		fmt.Fprintln(os.Stderr, "bench:", err)
	}
}

func (cfg benchConfig) bookCancel(l *capacity.Ledger) benchStats {
	ps := cfg.producerList()
	deadline := time.Now().Add(cfg.dur)
	var seq atomic.Int64
	ctx := context.Background()
	return cfg.run(func(g int, _ *rand.Rand, st *benchStats) bool {
		if time.Now().After(deadline) {
			return false
		}
		key := fmt.Sprintf("bc-%d-%d-%d", cfg.proc, g, seq.Add(1))
		req := capacity.BookRequest{Key: key, Producers: ps, From: w1, Weeks: cfg.weeks, Policy: capacity.EvenShare,
			Orders: []batik.Order{{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1000}}}
		if st.time(&st.Book, func(now time.Time) error { _, err := l.Book(ctx, req, now); return err }) {
			st.time(&st.Cancel, func(now time.Time) error { _, err := l.Cancel(ctx, key, now); return err })
		}
		return true
	})
}

func (cfg benchConfig) flashSale(l *capacity.Ledger) benchStats {
	ps := cfg.producerList()
	var next atomic.Int64
	ctx := context.Background()
	return cfg.run(func(g int, rng *rand.Rand, st *benchStats) bool {
		i := next.Add(1)
		if i > int64(cfg.orders) {
			return false
		}
		key := fmt.Sprintf("fs-%d-%d", cfg.proc, i)
		req := capacity.BookRequest{Key: key, Producers: ps, From: w1, Weeks: cfg.weeks, Policy: capacity.LowestCost, HoldFor: 15 * time.Minute,
			Orders: []batik.Order{{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: 1 + rng.IntN(5)}}}
		st.time(&st.Book, func(now time.Time) error { _, err := l.Book(ctx, req, now); return err })
		return true
	})
}
