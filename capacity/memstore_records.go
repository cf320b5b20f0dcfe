package capacity

import (
	"encoding/binary"
	"math"
	"math/big"
	"strconv"
	"sync"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
)

// The memory store keeps each shard's bookings as records encoded in
// chunks of bytes, found through a map from the key's 64-bit hash to a
// record number. Nothing in the chunks, the map or the record table is a
// pointer, so the garbage collector neither scans a booking nor marks an
// object per booking: with a million bookings kept, a collection costs
// what it costs with none. A rewritten record (a confirm, a delivery)
// leaves its old bytes behind until the shard has 64 KiB of them and as
// many as live ones; then the shard copies its live records into new
// chunks. So a store holds at most about twice its live records, plus
// 64 KiB a shard.
//
// A record holds every field of the booking: strings as written, times as
// Unix seconds, nanoseconds and location (the monotonic clock reading is
// not kept, as Time.Round(0) drops it), and each unit cost as its
// coefficient and exponent, so that a read gives back each Decimal with
// the representation it had (76000 and 76000.00 are equal Decimals, not
// the same one).

// recTable is one shard's bookings, under the shard's lock.
type recTable struct {
	idx     map[uint64]int32 // key hash -> the newest record number with that hash
	refs    []recRef         // by record number
	chunks  [][]byte         // the records, appended
	open    int              // the chunk small records are appended to, when chunks has one
	live    int              // bytes of the records refs points to
	dead    int              // bytes of records rewritten since
	scratch []byte           // where Commit encodes a record
}

// recRef is where a record is, and the record number before it with the
// same key hash (-1 for none).
type recRef struct {
	chunk, off, n uint32
	next          int32
}

// Chunks start small, so that a store with few bookings stays small, and
// double up to maxChunk. A record longer than bigRecord gets a chunk of
// its own, of its size, so that no chunk leaves more than bigRecord bytes
// unused at its end.
const (
	minChunk  = 512
	maxChunk  = 64 << 10
	bigRecord = maxChunk / 8
	// compactAt is how many dead bytes a shard keeps before it compacts
	// (when they are also at least its live bytes).
	compactAt = 64 << 10
)

// rec returns record i's bytes, valid until the shard next changes.
func (t *recTable) rec(i int32) []byte {
	r := t.refs[i]
	return t.chunks[r.chunk][r.off : r.off+r.n]
}

// find returns the record number of key (whose hash is h), or -1.
func (t *recTable) find(key string, h uint64) int32 {
	i, ok := t.idx[h]
	if !ok {
		return -1
	}
	for ; i >= 0; i = t.refs[i].next {
		if recHasKey(t.rec(i), key) {
			return i
		}
	}
	return -1
}

// put stores rec as record i, or as a new record for a key with hash h
// when i is -1. It fails, wrapping ErrInvalid, only for a record of 4 GiB
// or more, or a shard past 2^31 records.
func (t *recTable) put(i int32, h uint64, rec []byte) error {
	if uint64(len(rec)) > math.MaxUint32 {
		return invalid("booking.lines", strconv.Itoa(len(rec))+" bytes", "make a booking of more than 4 GiB")
	}
	if i < 0 && len(t.refs) >= math.MaxInt32 {
		return invalid("booking.key", strconv.Itoa(len(t.refs))+" bookings", "fill the memory store's shard")
	}
	ref := t.write(rec)
	if i >= 0 {
		old := &t.refs[i]
		t.live -= int(old.n)
		t.dead += int(old.n)
		ref.next = old.next
		*old = ref
		if t.dead >= compactAt && t.dead >= t.live {
			t.compact()
		}
		return nil
	}
	if t.idx == nil {
		t.idx = make(map[uint64]int32)
	}
	ref.next = -1
	if head, ok := t.idx[h]; ok {
		ref.next = head
	}
	t.idx[h] = int32(len(t.refs))
	t.refs = append(t.refs, ref)
	return nil
}

// write copies rec into the chunks and returns where it is (next unset).
func (t *recTable) write(rec []byte) recRef {
	t.live += len(rec)
	if len(rec) > bigRecord {
		t.chunks = append(t.chunks, append(make([]byte, 0, len(rec)), rec...))
		return recRef{chunk: uint32(len(t.chunks) - 1), n: uint32(len(rec))}
	}
	if len(t.chunks) == 0 || cap(t.chunks[t.open])-len(t.chunks[t.open]) < len(rec) {
		size := minChunk
		if len(t.chunks) > 0 {
			size = min(2*cap(t.chunks[t.open]), maxChunk)
		}
		t.chunks = append(t.chunks, make([]byte, 0, max(size, len(rec))))
		t.open = len(t.chunks) - 1
	}
	c := t.chunks[t.open]
	t.chunks[t.open] = append(c, rec...)
	return recRef{chunk: uint32(t.open), off: uint32(len(c)), n: uint32(len(rec))}
}

// compact copies the live records into new chunks and drops the old.
// O(live bytes).
func (t *recTable) compact() {
	old := t.chunks
	t.chunks, t.open, t.live, t.dead = nil, 0, 0, 0
	for i := range t.refs {
		r := &t.refs[i]
		moved := t.write(old[r.chunk][r.off : r.off+r.n])
		r.chunk, r.off = moved.chunk, moved.off
	}
}

// locTable numbers the time zones of a store's times: a record keeps a
// time's location as its number, so that a read gives back the very
// *time.Location the time had. UTC and Local are 0 and 1; each other
// location is numbered when first seen and kept for the life of the
// store, as a booking would keep it: a service that makes a new Location
// per request (time.LoadLocation or time.Parse of an offset each time)
// keeps one per booking. Looking up a location seen before takes no lock
// (sync.Map's reads do not write), so commits in different shards share
// nothing here. O(1) a time.
type locTable struct {
	num  sync.Map   // *time.Location -> uint64
	loc  sync.Map   // uint64 -> *time.Location
	mu   sync.Mutex // numbers a new location
	next uint64     // locations numbered, under mu
}

// number returns loc's number, adding it when new.
func (lt *locTable) number(loc *time.Location) uint64 {
	switch loc {
	case time.UTC:
		return 0
	case time.Local:
		return 1
	}
	if n, ok := lt.num.Load(loc); ok {
		return n.(uint64)
	}
	lt.mu.Lock()
	defer lt.mu.Unlock()
	if n, ok := lt.num.Load(loc); ok {
		return n.(uint64)
	}
	n := lt.next + 2
	lt.next++
	lt.loc.Store(n, loc) // before the number is handed out
	lt.num.Store(loc, n)
	return n
}

// location returns the location numbered n.
func (lt *locTable) location(n uint64) *time.Location {
	switch n {
	case 0:
		return time.UTC
	case 1:
		return time.Local
	}
	l, _ := lt.loc.Load(n)
	return l.(*time.Location)
}

// The record's line flags: which fields a line writes rather than repeats
// from the line before (a booking's lines are sorted, so its order,
// producer, technique and unit cost come in runs).
const (
	newOrder = 1 << iota
	newProducer
	newTech
	newCost
)

// The kinds of unit cost a record writes.
const (
	costZero  = iota // the zero Decimal
	costSmall        // coefficient and exponent as varints
	costBig          // exponent, sign and the coefficient's bytes
)

// encodeBooking appends b's record to dst, numbering its times' locations
// in locs. O(lines).
func encodeBooking(dst []byte, b *Booking, locs *locTable) []byte {
	dst = appendStr(dst, b.Key)
	dst = binary.AppendUvarint(dst, uint64(b.State))
	dst = binary.AppendVarint(dst, b.Version)
	dst = appendStr(dst, b.Request)
	for _, t := range [...]time.Time{b.HoldUntil, b.Created, b.Updated} {
		dst = appendTime(dst, t, locs)
	}
	dst = binary.AppendUvarint(dst, uint64(len(b.Unfilled)))
	for id, n := range b.Unfilled {
		dst = binary.AppendVarint(appendStr(dst, id), int64(n))
	}
	dst = binary.AppendUvarint(dst, uint64(len(b.Lines)))
	for i := range b.Lines {
		l := &b.Lines[i]
		var flags byte = newOrder | newProducer | newTech | newCost
		if i > 0 {
			p := &b.Lines[i-1]
			flags = 0
			if l.OrderID != p.OrderID {
				flags |= newOrder
			}
			if l.ProducerID != p.ProducerID {
				flags |= newProducer
			}
			if l.Technique != p.Technique {
				flags |= newTech
			}
			// == on Decimals compares the coefficient's pointer and the
			// exponent: a cost written again only when it may differ.
			if l.UnitCost != p.UnitCost {
				flags |= newCost
			}
		}
		dst = append(dst, flags)
		if flags&newOrder != 0 {
			dst = appendStr(dst, l.OrderID)
		}
		if flags&newProducer != 0 {
			dst = appendStr(dst, l.ProducerID)
		}
		if flags&newTech != 0 {
			dst = appendStr(dst, string(l.Technique))
		}
		dst = binary.AppendVarint(dst, int64(l.Week.key()))
		dst = binary.AppendVarint(dst, int64(l.Quantity))
		dst = binary.AppendVarint(dst, int64(l.Delivered))
		if flags&newCost != 0 {
			dst = appendCost(dst, l.UnitCost)
		}
	}
	return dst
}

func appendStr(dst []byte, s string) []byte {
	return append(binary.AppendUvarint(dst, uint64(len(s))), s...)
}

// appendTime writes 0 for the zero Time, else its location's number + 1,
// Unix seconds and nanoseconds.
func appendTime(dst []byte, t time.Time, locs *locTable) []byte {
	if t == (time.Time{}) {
		return append(dst, 0)
	}
	dst = binary.AppendUvarint(dst, locs.number(t.Location())+1)
	dst = binary.AppendVarint(dst, t.Unix())
	return binary.AppendUvarint(dst, uint64(t.Nanosecond()))
}

// appendCost writes a unit cost with its representation.
func appendCost(dst []byte, d decimal.Decimal) []byte {
	switch {
	case d == (decimal.Decimal{}):
		return append(dst, costZero)
	case d.NumDigits() <= 18: // the coefficient fits an int64
		dst = append(dst, costSmall)
		dst = binary.AppendVarint(dst, d.CoefficientInt64())
		return binary.AppendVarint(dst, int64(d.Exponent()))
	}
	c := d.Coefficient()
	dst = append(dst, costBig)
	dst = binary.AppendVarint(dst, int64(d.Exponent()))
	dst = binary.AppendVarint(dst, int64(c.Sign()))
	return appendStr(dst, string(c.Bytes()))
}

// recReader reads a record that encodeBooking wrote.
type recReader struct {
	b []byte
	i int
}

func (r *recReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b[r.i:])
	r.i += n
	return v
}

func (r *recReader) varint() int64 {
	v, n := binary.Varint(r.b[r.i:])
	r.i += n
	return v
}

// span skips a string and returns where it is.
func (r *recReader) span() (from, to int) {
	n := int(r.uvarint())
	r.i += n
	return r.i - n, r.i
}

// recHasKey reports whether rec is the record of key. No allocation.
func recHasKey(rec []byte, key string) bool {
	r := recReader{b: rec}
	from, to := r.span()
	return string(rec[from:to]) == key
}

// recVersion returns a record's version.
func recVersion(rec []byte) int64 {
	r := recReader{b: rec}
	r.span()    // key
	r.uvarint() // state
	return r.varint()
}

// decodeBooking returns the booking in rec, with its own strings, lines
// (empty, not nil, when there are none) and Unfilled (nil when empty).
// O(lines).
func decodeBooking(rec []byte, locs *locTable) Booking {
	s := string(rec) // one copy; every string field is a part of it
	r := recReader{b: rec}
	str := func() string { from, to := r.span(); return s[from:to] }
	var b Booking
	b.Key = str()
	b.State = State(r.uvarint())
	b.Version = r.varint()
	b.Request = str()
	b.HoldUntil, b.Created, b.Updated = r.time(locs), r.time(locs), r.time(locs)
	if n := r.uvarint(); n > 0 {
		b.Unfilled = make(map[string]int, n)
		for range n {
			id := str()
			b.Unfilled[id] = int(r.varint())
		}
	}
	b.Lines = make([]BookingLine, r.uvarint())
	var order, producer, tech string
	var cost decimal.Decimal
	for i := range b.Lines {
		flags := r.b[r.i]
		r.i++
		if flags&newOrder != 0 {
			order = str()
		}
		if flags&newProducer != 0 {
			producer = str()
		}
		if flags&newTech != 0 {
			tech = str()
		}
		l := &b.Lines[i]
		l.OrderID, l.ProducerID, l.Technique = order, producer, batik.Technique(tech)
		l.Week = weekOfKey(int32(r.varint()))
		l.Quantity, l.Delivered = int(r.varint()), int(r.varint())
		if flags&newCost != 0 {
			cost = r.cost()
		}
		l.UnitCost = cost
	}
	return b
}

func (r *recReader) time(locs *locTable) time.Time {
	loc := r.uvarint()
	if loc == 0 {
		return time.Time{}
	}
	sec := r.varint()
	return time.Unix(sec, int64(r.uvarint())).In(locs.location(loc - 1))
}

func (r *recReader) cost() decimal.Decimal {
	kind := r.b[r.i]
	r.i++
	switch kind {
	case costZero:
		return decimal.Decimal{}
	case costSmall:
		c := r.varint()
		return decimal.New(c, int32(r.varint()))
	}
	exp := int32(r.varint())
	sign := r.varint()
	from, to := r.span()
	c := new(big.Int).SetBytes(r.b[from:to])
	if sign < 0 {
		c.Neg(c)
	}
	return decimal.NewFromBigInt(c, exp)
}

// recMatches reports whether the booking in rec has a line for f.OrderID
// and/or f.ProducerID (every booking when both are empty), or lists
// f.OrderID in Unfilled when f has no producer. It reads the record in
// place: O(record), no allocation.
func recMatches(rec []byte, f BookingFilter) bool {
	if f.OrderID == "" && f.ProducerID == "" {
		return true
	}
	r := recReader{b: rec}
	r.span()    // key
	r.uvarint() // state
	r.varint()  // version
	r.span()    // request
	for range 3 {
		if r.uvarint() != 0 { // a time
			r.varint()
			r.uvarint()
		}
	}
	inUnfilled := false
	for n := r.uvarint(); n > 0; n-- {
		from, to := r.span()
		inUnfilled = inUnfilled || string(rec[from:to]) == f.OrderID
		r.varint()
	}
	var order, producer []byte
	for n := r.uvarint(); n > 0; n-- {
		flags := r.b[r.i]
		r.i++
		if flags&newOrder != 0 {
			from, to := r.span()
			order = rec[from:to]
		}
		if flags&newProducer != 0 {
			from, to := r.span()
			producer = rec[from:to]
		}
		if flags&newTech != 0 {
			r.span()
		}
		r.varint() // week
		r.varint() // quantity
		r.varint() // delivered
		if flags&newCost != 0 {
			r.skipCost()
		}
		if (f.OrderID == "" || string(order) == f.OrderID) && (f.ProducerID == "" || string(producer) == f.ProducerID) {
			return true
		}
	}
	return f.ProducerID == "" && inUnfilled
}

func (r *recReader) skipCost() {
	kind := r.b[r.i]
	r.i++
	switch kind {
	case costSmall:
		r.varint()
		r.varint()
	case costBig:
		r.varint()
		r.varint()
		r.span()
	}
}
