package capacity

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"sync"

	"github.com/batikkit/batikkit/pricing"
)

// fingerprint is the hex SHA-256 of the request's canonical encoding:
// orders and producers sorted by ID, capabilities by technique, options
// with their defaults filled in, every field length-prefixed.
func (req *BookRequest) fingerprint() string {
	e := fpWriter{fpBuffers.Get().(*[]byte)}
	defer e.free()
	e.str("batikkit.capacity.BookRequest/1")
	e.num(int64(len(req.Orders)))
	orders := sortedBy(len(req.Orders), func(i int) string { return req.Orders[i].ID })
	for i := range req.Orders {
		o := &req.Orders[at(orders, i)]
		e.str(o.ID)
		e.str(o.SKU)
		e.str(string(o.Technique))
		e.str(string(o.MinGrade))
		e.num(int64(o.Quantity))
		*e.p = append(o.Due.AppendText(*e.p), 0)
	}
	e.num(int64(len(req.Producers)))
	prods := sortedBy(len(req.Producers), func(i int) string { return req.Producers[i].ID })
	for i := range req.Producers {
		p := &req.Producers[at(prods, i)]
		e.str(p.ID)
		caps := p.Capabilities
		e.num(int64(len(caps)))
		order := sortedBy(len(caps), func(i int) string { return string(caps[i].Technique) })
		for j := range caps {
			c := &caps[at(order, j)]
			e.str(string(c.Technique))
			e.str(string(c.Grade))
			e.num(int64(c.PerWeek))
			cents, _ := pricing.Cents(c.UnitCost) // checked
			e.num(cents)
		}
	}
	policy := req.Policy
	if policy == 0 {
		policy = Proportional
	}
	*e.p = append(req.From.AppendText(*e.p), 0)
	if len(req.Orders) == 1 {
		e.num(int64(max(req.Weeks, 1)))
	} else {
		e.num(int64(req.Weeks)) // zero (up to the due dates) and one differ for Schedule
	}
	e.str(policy.String())
	e.num(int64(max(req.MinLot, 1)))
	if req.Spread {
		e.num(1)
	} else {
		e.num(0)
	}
	if req.HoldUntil.IsZero() {
		e.num(0)
	} else {
		e.num(1)
		e.num(req.HoldUntil.Unix())
		e.num(int64(req.HoldUntil.Nanosecond()))
	}
	sum := sha256.Sum256(*e.p)
	var text [2 * sha256.Size]byte
	hex.Encode(text[:], sum[:])
	return string(text[:])
}

// fpBuffers keeps the fingerprints' encoding buffers between requests.
var fpBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 1024); return &b }}

// fpWriter appends length-prefixed fields for a fingerprint, in a buffer
// from fpBuffers.
type fpWriter struct{ p *[]byte }

// free returns the buffer to the pool, unless a rare request grew it past
// 64 KiB.
func (e *fpWriter) free() {
	if cap(*e.p) <= 64<<10 {
		*e.p = (*e.p)[:0]
		fpBuffers.Put(e.p)
	}
}

func (e *fpWriter) str(s string) {
	*e.p = append(binary.AppendUvarint(*e.p, uint64(len(s))), s...)
}

func (e *fpWriter) num(n int64) { *e.p = binary.AppendVarint(*e.p, n) }

// sortedBy returns the indices 0..n-1 ordered by key, stably. When the
// keys are in order already it returns nil, which at reads as 0..n-1.
func sortedBy(n int, key func(int) string) []int {
	sorted := true
	for i := 1; i < n && sorted; i++ {
		sorted = key(i-1) <= key(i)
	}
	if sorted {
		return nil
	}
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(key(a), key(b)) })
	return idx
}

// at returns idx[i], or i for a nil idx (see sortedBy).
func at(idx []int, i int) int {
	if idx == nil {
		return i
	}
	return idx[i]
}
