package pgstore

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The load, crash, connection-loss and replay tests run the test binary
// again as child processes (TestHelperProcess, selected by helperEnv), so
// that the bookings really come from several processes, each with its own
// pool, as replicas of a service would.

var longLoad = flag.Bool("pgstore.long", false, "run the PostgreSQL load tests for 30 s instead of 10 s")

const (
	helperEnv   = "BATIKKIT_PGSTORE_HELPER" // mode: load or replay
	children    = 4
	goroutines  = 16
	loadSlots   = 8 // producers, each with loadWeeks weeks of capacity loadCap
	loadWeeks   = 4
	loadCap     = 300
	statsPrefix = "PGSTORE-STATS "
)

// helperStats is what a child reports on its last line.
type helperStats struct {
	Ops       int64 `json:"ops"`       // Commits that succeeded
	NoRoom    int64 `json:"no_room"`   // Commits refused for lack of room (the ledger's answer, not a failure)
	ConnErrs  int64 `json:"conn_errs"` // operations that failed on a lost connection, with a clear error
	Late      int64 `json:"late"`      // successes in the last second of the run (the pool recovered)
	Contended int64 `json:"contended"` // Book gave up with ErrContention
	Conflicts int64 `json:"conflicts"` // a hold expired under the operation (ErrConflict)
	Replayed  int64 `json:"replayed"`  // replay: Book calls answered
	Retries   int64 `json:"retries"`   // the store's retries (serialization, deadlock, lost connection)
	Seconds   float64
	Sample    string           `json:"sample"`  // one connection error, as the caller sees it
	Created   map[string]int64 `json:"created"` // replay: the Created time each key's booking came back with
}

// TestHelperProcess is a child of the tests in load_test.go, not a test: without
// its environment variable it returns at once.
func TestHelperProcess(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		return
	}
	dsn, schema := os.Getenv(dsnVar), os.Getenv("BATIKKIT_PGSTORE_SCHEMA")
	dur, _ := time.ParseDuration(os.Getenv("BATIKKIT_PGSTORE_DURATION"))
	proc, _ := strconv.Atoi(os.Getenv("BATIKKIT_PGSTORE_PROC"))
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	cfg.MaxConns = 8
	cfg.ConnConfig.RuntimeParams["application_name"] = "batikkit-load"
	pool, err := pgxpool.NewWithConfig(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	defer pool.Close()
	retries := 20
	if v := os.Getenv("BATIKKIT_PGSTORE_RETRIES"); v != "" {
		retries, _ = strconv.Atoi(v)
	}
	s := New(pool, Options{Schema: schema, MaxRetries: retries})
	var sample sync.Once
	ledger := capacity.NewLedger(s, capacity.LedgerOptions{MaxRetries: 20})
	var st helperStats
	var failed atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	switch mode {
	case "load":
		loadWorkers(&wg, ledger, proc, start.Add(dur), &st, &failed, &sample)
	case "replay":
		replayWorkers(&wg, ledger, proc, &st, &failed)
	}
	wg.Wait()
	st.Retries, st.Seconds = s.Retries(), time.Since(start).Seconds()
	out, _ := json.Marshal(st)
	fmt.Println(statsPrefix + string(out))
	if failed.Load() > 0 {
		os.Exit(1)
	}
	os.Exit(0)
}

// loadProducers are the workshops of the load: loadSlots producers with
// loadCap cap pieces a week each.
func loadProducers() []batik.Producer {
	ps := make([]batik.Producer, loadSlots)
	for i := range ps {
		ps[i] = batik.Producer{ID: fmt.Sprintf("P%02d", i), Name: fmt.Sprintf("Workshop %d", i), Region: "33.72",
			Capabilities: []batik.Capability{{Technique: batik.Cap, Grade: batik.Halus, PerWeek: loadCap, UnitCost: decimal.NewFromInt(int64(15000 + 500*i))}}}
	}
	return ps
}

var producersOfLoad = loadProducers()

// bookRequest asks for q pieces of order key from n producers starting
// at producer p, over two weeks from week wk of the load, held for hold.
func bookRequest(key string, q, p, wk, n int, hold time.Duration) capacity.BookRequest {
	var ps []batik.Producer
	for i := range n {
		ps = append(ps, producersOfLoad[(p+i)%loadSlots])
	}
	return capacity.BookRequest{Key: key, Producers: ps, From: w1.Add(wk), Weeks: 2, Policy: capacity.Proportional, HoldFor: hold,
		Orders: []batik.Order{{ID: key, Technique: batik.Cap, MinGrade: batik.Sedang, Quantity: q}}}
}

// worker books, confirms, delivers and cancels random orders of its own
// keys through a Ledger, keeping what it got back.
type worker struct {
	l      *capacity.Ledger
	rng    *rand.Rand
	prefix string
	n      int
	open   []capacity.Booking // held or confirmed, as last seen
	last   int                // index in open of the booking the last step changed, or -1
}

func (w *worker) forget() {
	if w.last >= 0 && w.last < len(w.open) {
		w.open = append(w.open[:w.last], w.open[w.last+1:]...)
	}
	w.last = -1
}

func (w *worker) step() error {
	ctx := context.Background()
	now := time.Now()
	w.last = -1
	// Drop holds that expired: the store releases them.
	kept := w.open[:0]
	for _, b := range w.open {
		if b.State == capacity.Confirmed || b.HoldUntil.After(now) {
			kept = append(kept, b)
		}
	}
	w.open = kept
	if len(w.open) < 3 || len(w.open) <= 5 && w.rng.IntN(3) == 0 {
		// Book one order of 10 to 80 pieces from 3 of the producers over
		// two of the four weeks, some holds short enough to expire.
		w.n++
		hold := time.Hour
		if w.rng.IntN(5) == 0 {
			hold = time.Duration(50+w.rng.IntN(1000)) * time.Millisecond
		}
		req := bookRequest(w.prefix+strconv.Itoa(w.n), 10+w.rng.IntN(71), w.rng.IntN(loadSlots), w.rng.IntN(loadWeeks-1), 3, hold)
		got, err := w.l.Book(ctx, req, now)
		if err == nil && len(got.Lines) > 0 {
			w.open = append(w.open, got)
		}
		return err
	}
	i := w.rng.IntN(len(w.open))
	w.last = i
	b := w.open[i]
	var got capacity.Booking
	var err error
	switch {
	case b.State == capacity.Held && w.rng.IntN(4) != 0:
		got, err = w.l.Confirm(ctx, b.Key, now)
	case b.State == capacity.Held || len(w.open) > 5 || w.rng.IntN(6) == 0:
		got, err = w.l.Cancel(ctx, b.Key, now)
	default:
		ln := b.Lines[w.rng.IntN(len(b.Lines))]
		if ln.Delivered == ln.Quantity {
			return nil
		}
		w.n++
		got, err = w.l.Deliver(ctx, b.Key, w.prefix+"d"+strconv.Itoa(w.n), []capacity.Delivery{{OrderID: ln.OrderID, Slot: ln.Slot, Quantity: 1 + w.rng.IntN(ln.Quantity-ln.Delivered)}}, now)
	}
	if err != nil {
		return err
	}
	if got.State.Takes() {
		w.open[i] = got
	} else {
		w.forget()
	}
	return nil
}

// child is a running helper process.
type child struct {
	cmd *exec.Cmd
	out bytes.Buffer
	err bytes.Buffer
}

func startChild(t *testing.T, mode, schema string, proc int, dur time.Duration, extra ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "-test.count=1")}
	c.cmd.Env = append(os.Environ(), helperEnv+"="+mode, "BATIKKIT_PGSTORE_SCHEMA="+schema,
		"BATIKKIT_PGSTORE_DURATION="+dur.String(), "BATIKKIT_PGSTORE_PROC="+strconv.Itoa(proc))
	c.cmd.Env = append(c.cmd.Env, extra...)
	c.cmd.Stdout, c.cmd.Stderr = &c.out, &c.err
	require.NoError(t, c.cmd.Start())
	return c
}

// wait waits for the child and returns its stats; it fails the test when
// the child failed.
func (c *child) wait(t *testing.T) helperStats {
	t.Helper()
	err := c.cmd.Wait()
	if err != nil {
		t.Errorf("child %d: %v\nstderr:\n%s", c.cmd.Process.Pid, err, tail(c.err.String(), 4000))
	}
	var st helperStats
	sc := bufio.NewScanner(&c.out)
	for sc.Scan() {
		if line, ok := strings.CutPrefix(sc.Text(), statsPrefix); ok {
			require.NoError(t, json.Unmarshal([]byte(line), &st))
			return st
		}
	}
	t.Errorf("child %d printed no stats; stdout:\n%s\nstderr:\n%s", c.cmd.Process.Pid, tail(c.out.String(), 2000), tail(c.err.String(), 4000))
	return st
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

func loadDuration() time.Duration {
	if *longLoad {
		return 30 * time.Second
	}
	return 10 * time.Second
}

func sum(sts []helperStats) helperStats {
	var t helperStats
	for _, s := range sts {
		t.Ops += s.Ops
		t.NoRoom += s.NoRoom
		t.ConnErrs += s.ConnErrs
		t.Late += s.Late
		t.Contended += s.Contended
		t.Conflicts += s.Conflicts
		t.Replayed += s.Replayed
		t.Retries += s.Retries
		t.Seconds = max(t.Seconds, s.Seconds)
		if t.Sample == "" {
			t.Sample = s.Sample
		}
	}
	return t
}

// loadWorkers starts the goroutines of the load mode: each books,
// confirms, delivers and cancels until deadline, counting outcomes in st.
func loadWorkers(wg *sync.WaitGroup, ledger *capacity.Ledger, proc int, deadline time.Time, st *helperStats, failed *atomic.Int64, sample *sync.Once) {
	for g := range goroutines {
		wg.Go(func() {
			w := &worker{l: ledger, rng: rand.New(rand.NewPCG(uint64(proc), uint64(g))), prefix: fmt.Sprintf("p%d-%d-g%d-", proc, os.Getpid(), g)}
			for time.Now().Before(deadline) {
				err := w.step()
				switch {
				case err == nil:
					atomic.AddInt64(&st.Ops, 1)
					if time.Until(deadline) < time.Second {
						atomic.AddInt64(&st.Late, 1)
					}
				case errors.Is(err, capacity.ErrContention):
					atomic.AddInt64(&st.Contended, 1)
				case errors.Is(err, capacity.ErrConflict):
					atomic.AddInt64(&st.Conflicts, 1)
					w.forget()
				case errors.Is(err, capacity.ErrNoCapacity):
					atomic.AddInt64(&st.NoRoom, 1)
				case errors.Is(err, ErrConnection) || errors.Is(err, ErrConnect):
					// A clear error says whether the change may have
					// happened: its code.
					var e *Error
					if !errors.As(err, &e) || !slices.Contains([]string{"lost_unchanged", "lost_commit", "lost_read", "connect"}, e.Code) {
						fmt.Fprintln(os.Stderr, "unclear connection error:", err)
						failed.Add(1)
					}
					atomic.AddInt64(&st.ConnErrs, 1)
					if e != nil && e.Code != "lost_read" {
						sample.Do(func() { st.Sample = err.Error() })
					}
					w.forget() // the change may or may not have committed: do not build on it
				default:
					fmt.Fprintln(os.Stderr, "unexpected error:", err)
					failed.Add(1)
				}
			}
		})
	}
}

// replayWorkers starts the goroutines of the replay mode: every goroutine
// of every process books the same keys with the same request, at its own
// clock: one booking per key, which every call gets back.
func replayWorkers(wg *sync.WaitGroup, ledger *capacity.Ledger, proc int, st *helperStats, failed *atomic.Int64) {
	// Every goroutine of every process books the same keys with the
	// same request, at its own clock: one booking per key, which
	// every call gets back.
	keys, _ := strconv.Atoi(os.Getenv("BATIKKIT_PGSTORE_KEYS"))
	st.Created = make(map[string]int64, keys)
	var mu sync.Mutex
	for g := range goroutines {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(proc), uint64(g)))
			for _, k := range rng.Perm(keys) {
				now := time.Now()
				key := fmt.Sprintf("R%04d", k)
				b, err := ledger.Book(context.Background(), bookRequest(key, 1+k%50, k%loadSlots, 0, 3, 2*time.Hour), now)
				if err != nil {
					fmt.Fprintln(os.Stderr, "replay:", key, err)
					failed.Add(1)
					continue
				}
				atomic.AddInt64(&st.Replayed, 1)
				mu.Lock()
				if c, ok := st.Created[key]; ok && c != b.Created.UnixNano() {
					fmt.Fprintln(os.Stderr, "replay:", key, "came back with two creation times")
					failed.Add(1)
				}
				st.Created[key] = b.Created.UnixNano()
				mu.Unlock()
			}
		})
	}
}
