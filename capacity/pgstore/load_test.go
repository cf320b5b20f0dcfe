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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
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
	loadCap     = 100
	statsPrefix = "PGSTORE-STATS "
)

// helperStats is what a child reports on its last line.
type helperStats struct {
	Ops      int64 `json:"ops"`       // Commits that succeeded
	NoRoom   int64 `json:"no_room"`   // Commits refused for lack of room (the ledger's answer, not a failure)
	ConnErrs int64 `json:"conn_errs"` // operations that failed on a lost connection, with a clear error
	Late     int64 `json:"late"`      // successes in the last second of the run (the pool recovered)
	Inserted int64 `json:"inserted"`  // replay: inserts that won
	Existed  int64 `json:"existed"`   // replay: inserts answered by ErrExists
	Retries  int64 `json:"retries"`
	Seconds  float64
}

// TestHelperProcess is a child of the tests below, not a test: without
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
	s := New(pool, Options{Schema: schema, MaxRetries: 20})
	var st helperStats
	var failed atomic.Int64
	start := time.Now()
	var wg sync.WaitGroup
	switch mode {
	case "load":
		deadline := start.Add(dur)
		for g := range goroutines {
			wg.Go(func() {
				w := &worker{s: s, rng: rand.New(rand.NewPCG(uint64(proc), uint64(g))), prefix: fmt.Sprintf("p%d-%d-g%d-", proc, os.Getpid(), g)}
				for time.Now().Before(deadline) {
					err := w.step()
					switch {
					case err == nil:
						atomic.AddInt64(&st.Ops, 1)
						if time.Until(deadline) < time.Second {
							atomic.AddInt64(&st.Late, 1)
						}
					case errors.Is(err, capacity.ErrNoRoom):
						atomic.AddInt64(&st.NoRoom, 1)
					case errors.Is(err, ErrConnection) || errors.Is(err, ErrConnect):
						atomic.AddInt64(&st.ConnErrs, 1)
						w.forget() // the change may or may not have committed: do not build on it
					default:
						fmt.Fprintln(os.Stderr, "unexpected error:", err)
						failed.Add(1)
					}
				}
			})
		}
	case "replay":
		// Every goroutine of every process inserts the same keys, with
		// the same request: one insert per key wins.
		keys, _ := strconv.Atoi(os.Getenv("BATIKKIT_PGSTORE_KEYS"))
		for g := range goroutines {
			wg.Go(func() {
				rng := rand.New(rand.NewPCG(uint64(proc), uint64(g)))
				for _, k := range rng.Perm(keys) {
					now := time.Now()
					c := hold(fmt.Sprintf("R%04d", k), now, now.Add(time.Hour), 1+k%5, 1000, slot(fmt.Sprintf("P%d", k%loadSlots), w1))
					b, err := s.Commit(context.Background(), c)
					switch {
					case err == nil:
						atomic.AddInt64(&st.Inserted, 1)
					case errors.Is(err, capacity.ErrExists) && b.Request == c.Booking.Request && b.Key == c.Booking.Key:
						atomic.AddInt64(&st.Existed, 1)
					default:
						fmt.Fprintln(os.Stderr, "unexpected replay answer:", b.Key, err)
						failed.Add(1)
					}
				}
			})
		}
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

// worker books, confirms, delivers and cancels random orders of its own
// keys, keeping what Commit returned.
type worker struct {
	s      *Store
	rng    *rand.Rand
	prefix string
	n      int
	open   []capacity.Booking // held or confirmed, as last committed
	last   int                // index in open of the booking the last step changed, or -1
}

func (w *worker) forget() {
	if w.last >= 0 && w.last < len(w.open) {
		w.open = append(w.open[:w.last], w.open[w.last+1:]...)
	}
}

func loadSlot(p, week int) capacity.Slot {
	return capacity.Slot{ProducerID: fmt.Sprintf("P%02d", p), Technique: batik.Cap, Week: w1.Add(week)}
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
	if len(w.open) < 4 || w.rng.IntN(3) == 0 {
		// Book: one order over 1 to 3 slots of a producer, a random hold.
		w.n++
		key := w.prefix + strconv.Itoa(w.n)
		until := now.Add(time.Hour)
		if w.rng.IntN(5) == 0 {
			until = now.Add(time.Duration(50+w.rng.IntN(1000)) * time.Millisecond) // some holds expire during the run
		}
		p := w.rng.IntN(loadSlots)
		wk := w.rng.IntN(loadWeeks)
		b := capacity.Booking{Key: key, State: capacity.Held, HoldUntil: until, Request: "r" + key, Unfilled: map[string]int{}, Created: now, Updated: now}
		var ds []capacity.SlotDelta
		for i := 0; i < 1+w.rng.IntN(3) && wk+i < loadWeeks; i++ {
			q := 1 + w.rng.IntN(30)
			sl := loadSlot(p, wk+i)
			b.Lines = append(b.Lines, capacity.BookingLine{OrderID: key, Slot: sl, Quantity: q, UnitCost: decimal.NewFromInt(int64(15000 + 500*p))})
			ds = append(ds, capacity.SlotDelta{Slot: sl, Capacity: loadCap, Held: q})
		}
		got, err := w.s.Commit(ctx, capacity.Change{Now: now, Booking: b, Deltas: ds})
		if err == nil {
			w.open = append(w.open, got)
		}
		return err
	}
	i := w.rng.IntN(len(w.open))
	w.last = i
	b := w.open[i]
	var c capacity.Change
	switch {
	case b.State == capacity.Held && w.rng.IntN(4) != 0:
		c = transition(b, capacity.Confirmed, now, loadCap)
	case b.State == capacity.Held:
		c = transition(b, capacity.Cancelled, now, loadCap)
	case w.rng.IntN(6) == 0:
		c = transition(b, capacity.Cancelled, now, loadCap)
	default:
		// Deliver part of one line.
		c = capacity.Change{Now: now, Expect: b.Version, Booking: b}
		c.Booking.Lines = append([]capacity.BookingLine(nil), b.Lines...)
		c.Booking.Updated = now
		j := w.rng.IntN(len(b.Lines))
		l := &c.Booking.Lines[j]
		if l.Delivered == l.Quantity {
			return nil
		}
		k := 1 + w.rng.IntN(l.Quantity-l.Delivered)
		l.Delivered += k
		c.Deltas = []capacity.SlotDelta{{Slot: l.Slot, Capacity: loadCap, Delivered: k}}
	}
	got, err := w.s.Commit(ctx, c)
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
		t.Inserted += s.Inserted
		t.Existed += s.Existed
		t.Retries += s.Retries
		t.Seconds = max(t.Seconds, s.Seconds)
	}
	return t
}

// TestLoad: 4 processes x 16 goroutines book, confirm, deliver and cancel
// random orders on 32 slots for 10 s (30 s with -pgstore.long); then the
// invariants hold in SQL.
func TestLoad(t *testing.T) {
	s, pool := testStore(t)
	schema := s.Schema()
	dur := loadDuration()
	var cs []*child
	for i := range children {
		cs = append(cs, startChild(t, "load", schema, i, dur))
	}
	var sts []helperStats
	for _, c := range cs {
		sts = append(sts, c.wait(t))
	}
	tot := sum(sts)
	t.Logf("load: %d processes x %d goroutines for %v: %d commits (%.0f/s), %d refused for lack of room, %d retries",
		children, goroutines, dur, tot.Ops, float64(tot.Ops)/tot.Seconds, tot.NoRoom, tot.Retries)
	assert.Positive(t, tot.Ops)
	assert.Zero(t, tot.ConnErrs)
	requireConsistent(t, pool, schema)
	assertSomeExpired(t, pool, schema)
}

// TestCrash kills a child with SIGKILL in the middle of its bookings,
// three times, starting a new one each time; the others go on, and
// afterwards the invariants hold: no booking is half-written.
func TestCrash(t *testing.T) {
	s, pool := testStore(t)
	schema := s.Schema()
	dur := loadDuration()
	var cs []*child
	for i := range children {
		cs = append(cs, startChild(t, "load", schema, i, dur))
	}
	for k := range 3 {
		time.Sleep(dur / 5)
		victim := cs[k]
		require.NoError(t, victim.cmd.Process.Signal(syscall.SIGKILL))
		err := victim.cmd.Wait()
		require.Error(t, err, "the child was killed")
		t.Logf("killed child %d (%v)", victim.cmd.Process.Pid, err)
		cs[k] = startChild(t, "load", schema, children+k, dur-time.Duration(k+1)*dur/5)
	}
	var sts []helperStats
	for _, c := range cs {
		sts = append(sts, c.wait(t))
	}
	tot := sum(sts)
	t.Logf("crash: 3 children killed; survivors and replacements: %d commits, %d retries", tot.Ops, tot.Retries)
	assert.Positive(t, tot.Ops)
	requireConsistent(t, pool, schema)
}

// TestConnectionLoss terminates every backend of the load's pools
// (pg_terminate_backend) several times under load: each operation either
// succeeds or fails with a clear error (ErrConnection, ErrConnect), nothing
// half-applies, and the pools recover (commits succeed in the last second).
func TestConnectionLoss(t *testing.T) {
	s, pool := testStore(t)
	schema := s.Schema()
	dur := loadDuration()
	var cs []*child
	for i := range children {
		cs = append(cs, startChild(t, "load", schema, i, dur))
	}
	killed := 0
	for range 5 {
		time.Sleep(dur / 8)
		var n int
		require.NoError(t, pool.QueryRow(context.Background(), `SELECT count(*) FROM (
			SELECT pg_terminate_backend(pid) FROM pg_stat_activity
			WHERE application_name = 'batikkit-load' AND pid <> pg_backend_pid()) x`).Scan(&n))
		killed += n
	}
	var sts []helperStats
	for _, c := range cs {
		sts = append(sts, c.wait(t))
	}
	tot := sum(sts)
	t.Logf("connection loss: %d backends terminated; %d commits, %d failed with a connection error, %d retries, %d commits in the last second",
		killed, tot.Ops, tot.ConnErrs, tot.Retries, tot.Late)
	assert.Positive(t, killed)
	assert.Positive(t, tot.Late, "the pools recovered")
	requireConsistent(t, pool, schema)
}

// TestReplay: 4 processes x 16 goroutines insert the same 100 keys at once;
// each key gets one booking, every other insert gets ErrExists with it.
func TestReplay(t *testing.T) {
	s, pool := testStore(t)
	schema := s.Schema()
	const keys = 100
	var cs []*child
	for i := range children {
		cs = append(cs, startChild(t, "replay", schema, i, 0, "BATIKKIT_PGSTORE_KEYS="+strconv.Itoa(keys)))
	}
	var sts []helperStats
	for _, c := range cs {
		sts = append(sts, c.wait(t))
	}
	tot := sum(sts)
	assert.Equal(t, int64(keys), tot.Inserted)
	assert.Equal(t, int64(keys*(children*goroutines-1)), tot.Existed)
	var n int
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT count(*) FROM "+schema+".bookings").Scan(&n))
	assert.Equal(t, keys, n)
	requireConsistent(t, pool, schema)
}

func assertSomeExpired(t *testing.T, pool *pgxpool.Pool, schema string) {
	var n int
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT count(*) FROM "+schema+".bookings WHERE state = 'expired'").Scan(&n))
	t.Logf("%d holds were released by Commit as expired", n)
}
