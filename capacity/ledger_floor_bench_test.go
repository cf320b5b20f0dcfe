package capacity

import (
	"context"
	"crypto/sha256"
	"hash/maphash"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// BenchmarkBookFloor is a lower bound for BenchmarkBook's Book, not a
// store: on the same order (1,000 pieces over 15 producers x 4 weeks, a
// hold that has expired by the next booking) it does only the steps no
// ledger can skip, each as cheaply as this benchmark could make it:
//
//   - check the request (checkBook: bad input must be refused);
//   - fingerprint it, for idempotency: the real fingerprint, or ("bare")
//     only SHA-256 of 440 bytes, what the canonical encoding weighs;
//   - read the 60 slots' use under the 15 producers' read locks, from
//     fixed arrays, with no lookup;
//   - plan by allocate on that free capacity (as Book does: the producers
//     are checked already);
//   - lay the plan into the 15 lines returned to the caller;
//   - commit under the booking shard's lock and the 15 producers' locks:
//     release the expired holds, check room, add the hold (pointer-free),
//     and copy a record of the real record's length into a chunk.
//
// It skips what a real store also does: calendar entries, lookups of
// producers and weeks, the slot deltas and their checks, encoding the
// record, and expired holds at read time. Compare each with
// BenchmarkBookFloor/Allocate, run beside them.
func BenchmarkBookFloor(b *testing.B) {
	ctx := context.Background()
	req, start := bookBenchRequest()
	ps, from, order := req.Producers, req.From, req.Orders[0]
	l := NewLedger(NewMemoryStore(), LedgerOptions{})
	first, err := l.Book(ctx, req, start)
	if err != nil {
		b.Fatal(err)
	}
	record := encodeBooking(nil, &first, &locTable{}) // the real record's length
	b.Run("Allocate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Allocate(order, ps, AllocateOptions{Weeks: 4, From: from}); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, bare := range []bool{false, true} {
		name := "floor"
		if bare {
			name = "floor-bare-sha"
		}
		b.Run(name, func(b *testing.B) {
			snap, err := l.snapshot(ctx, ps, batik.Cap, from, 4, start)
			if err != nil {
				b.Fatal(err)
			}
			var f floorStore
			encoding := make([]byte, 440)
			i := 0
			b.ReportAllocs()
			for b.Loop() {
				i++
				now := start.Add(time.Duration(i) * time.Hour)
				r := req
				r.Key, r.HoldUntil = "O-"+strconv.Itoa(i), now.Add(time.Minute)
				if err := checkBook(&r, now); err != nil {
					b.Fatal(err)
				}
				var fp string
				if bare {
					sum := sha256.Sum256(encoding)
					fp = string(sum[:])
				} else {
					fp = r.fingerprint()
				}
				bk, err := f.book(&r, snap, now, record)
				if err != nil {
					b.Fatal(err)
				}
				bk.Request = fp
			}
		})
	}
}

// floorStore is BenchmarkBookFloor's least possible store: 15 producers
// of 4 weeks each, in fixed arrays.
type floorStore struct {
	prods  [15]floorProducer
	shards [256]floorShard
}

type floorProducer struct {
	mu    sync.RWMutex
	used  [4]int32 // held + confirmed
	holds [4][]floorHold
}

type floorHold struct {
	until int64
	qty   int32
}

type floorShard struct {
	mu    sync.Mutex
	idx   map[uint64]int32
	chunk []byte
}

// book books req on f as Book would, planning on snap (whose free
// capacity it overwrites).
func (f *floorStore) book(req *BookRequest, snap *snapshot, now time.Time, record []byte) (Booking, error) {
	for pi := range f.prods {
		p := &f.prods[pi]
		p.mu.RLock()
		for k := range p.used {
			snap.free[pi*4+k] = max(snap.capac[pi*4+k]-p.used[k], 0)
		}
		p.mu.RUnlock()
	}
	o := req.Orders[0]
	pl, err := allocate(o, req.Producers, AllocateOptions{Weeks: 4, From: req.From, Free: snap}, true, snap.lines[:0])
	if err != nil {
		return Booking{}, err
	}
	snap.lines = pl.Lines
	type use struct{ pi, k, q int32 }
	var usesBuf [60]use
	uses := usesBuf[:0]
	lines := make([]BookingLine, 0, len(pl.Lines))
	for pi, pln := range pl.Lines { // the producers' IDs ascend and all can take the order
		q := pln.Quantity
		for k := 0; k < 4 && q > 0; k++ {
			if t := min(int(snap.free[pi*4+k]), q); t > 0 {
				lines = append(lines, BookingLine{OrderID: o.ID, Slot: Slot{pln.ProducerID, o.Technique, snap.wk[k]}, Quantity: t, UnitCost: pln.UnitCost})
				uses = append(uses, use{int32(pi), int32(k), int32(t)})
				q -= t
			}
		}
	}
	h := maphash.String(floorSeed, req.Key)
	sh := &f.shards[h%256]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if _, ok := sh.idx[h]; ok {
		return Booking{}, ErrExists
	}
	for j, u := range uses {
		if j == 0 || uses[j-1].pi != u.pi {
			f.prods[u.pi].mu.Lock()
		}
	}
	defer func() {
		for j, u := range uses {
			if j == 0 || uses[j-1].pi != u.pi {
				f.prods[u.pi].mu.Unlock()
			}
		}
	}()
	unix := now.Unix()
	for _, u := range uses {
		p := &f.prods[u.pi]
		hs := p.holds[u.k]
		n := 0
		for ; n < len(hs) && hs[n].until <= unix; n++ {
			p.used[u.k] -= hs[n].qty
		}
		p.holds[u.k] = append(hs[:0], hs[n:]...)
		if p.used[u.k]+u.q > snap.capac[u.pi*4+u.k] {
			return Booking{}, ErrNoRoom
		}
	}
	until := req.HoldUntil.Unix()
	for _, u := range uses {
		p := &f.prods[u.pi]
		p.used[u.k] += u.q
		p.holds[u.k] = append(p.holds[u.k], floorHold{until, u.q})
	}
	if len(sh.idx) >= 16 { // a new store every 4,096 bookings, as BenchmarkBook
		sh.idx, sh.chunk = nil, nil
	}
	if sh.idx == nil {
		sh.idx, sh.chunk = make(map[uint64]int32, 16), make([]byte, 0, 16*len(record))
	}
	sh.idx[h] = int32(len(sh.chunk))
	sh.chunk = append(sh.chunk, record...)
	return Booking{Key: req.Key, State: Held, HoldUntil: req.HoldUntil, Lines: lines, Unfilled: map[string]int{},
		Version: 1, Created: now, Updated: now}, nil
}

var floorSeed = maphash.MakeSeed()
