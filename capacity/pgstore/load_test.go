package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLoad: 4 processes x 16 goroutines book (capacity.Ledger.Book),
// confirm, deliver and cancel random orders on 8 producers x 4 weeks for
// 10 s (30 s with -pgstore.long); then the invariants hold in SQL.
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
	t.Logf("load: %d processes x %d goroutines for %v: %d ledger operations (%.0f/s), %d Book gave up on contention, %d holds expired under an operation, %d store retries",
		children, goroutines, dur, tot.Ops, float64(tot.Ops)/tot.Seconds, tot.Contended, tot.Conflicts, tot.Retries)
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
// succeeds or fails with a clear error (ErrConnection, ErrConnect, saying
// whether the change may have happened), nothing half-applies, and the
// pools recover (commits succeed in the last second). Two of the children
// run without retries, so that their callers see the errors; the others
// retry and mostly never notice.
func TestConnectionLoss(t *testing.T) {
	s, pool := testStore(t)
	schema := s.Schema()
	dur := loadDuration()
	var cs []*child
	for i := range children {
		// Two children do not retry, so that callers see the errors.
		retries := "20"
		if i < 2 {
			retries = "-1"
		}
		cs = append(cs, startChild(t, "load", schema, i, dur, "BATIKKIT_PGSTORE_RETRIES="+retries))
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
	for _, st := range sts {
		if st.Sample != "" {
			t.Logf("a caller saw: %s", st.Sample)
			break
		}
	}
	assert.Positive(t, killed)
	assert.Positive(t, tot.ConnErrs, "the children without retries saw the lost connections")
	assert.Positive(t, tot.Late, "the pools recovered")
	requireConsistent(t, pool, schema)
}

// TestReplay: 4 processes x 16 goroutines book the same 100 keys with the
// same requests at once, through their Ledgers: each key gets one booking,
// and every call gets that booking back.
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
	assert.Equal(t, int64(keys*children*goroutines), tot.Replayed)
	for k := range keys {
		key := fmt.Sprintf("R%04d", k)
		for _, st := range sts[1:] {
			assert.Equal(t, sts[0].Created[key], st.Created[key], "%s: every process got the one booking", key)
		}
	}
	var n int
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT count(*) FROM "+schema+".bookings").Scan(&n))
	assert.Equal(t, keys, n)
	requireConsistent(t, pool, schema)
}

func assertSomeExpired(t *testing.T, pool *pgxpool.Pool, schema string) {
	var n, used, capa int64
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT count(*) FROM "+schema+".bookings WHERE state = 'expired'").Scan(&n))
	require.NoError(t, pool.QueryRow(context.Background(), "SELECT COALESCE(sum(held + confirmed), 0), COALESCE(sum(capacity), 0) FROM "+schema+".slots WHERE touched").Scan(&used, &capa))
	t.Logf("%d holds were released by Commit as expired; at the end the slots hold and confirm %d of %d pieces", n, used, capa)
}
