package capacity

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"slices"
	"strings"
	"time"

	"github.com/batikkit/batikkit/pricing"
)

// legacyFingerprint is Booking.Request as bookings made before the
// canonical form (ledger_request.go) had it: the hex SHA-256 of an
// encoding of the orders and producers sorted by ID, capabilities by
// technique, the options with their defaults filled in and the hold's
// instant, every field length-prefixed. A replay of such a booking is
// recognised by it: holdUntil is the booking's HoldUntil (zero for one
// booked confirmed).
func (req *BookRequest) legacyFingerprint(holdUntil time.Time) string {
	e := fpStr(make([]byte, 0, 1024), "batikkit.capacity.BookRequest/1")
	e = fpNum(e, int64(len(req.Orders)))
	orders := sortedBy(len(req.Orders), func(i int) string { return req.Orders[i].ID })
	for i := range req.Orders {
		o := &req.Orders[at(orders, i)]
		e = fpStr(e, o.ID)
		e = fpStr(e, o.SKU)
		e = fpStr(e, string(o.Technique))
		e = fpStr(e, string(o.MinGrade))
		e = fpNum(e, int64(o.Quantity))
		e = append(o.Due.AppendText(e), 0)
	}
	e = fpNum(e, int64(len(req.Producers)))
	prods := sortedBy(len(req.Producers), func(i int) string { return req.Producers[i].ID })
	for i := range req.Producers {
		p := &req.Producers[at(prods, i)]
		e = fpStr(e, p.ID)
		caps := p.Capabilities
		e = fpNum(e, int64(len(caps)))
		order := sortedBy(len(caps), func(i int) string { return string(caps[i].Technique) })
		for j := range caps {
			c := &caps[at(order, j)]
			e = fpStr(e, string(c.Technique))
			e = fpStr(e, string(c.Grade))
			e = fpNum(e, int64(c.PerWeek))
			cents, _ := pricing.Cents(c.UnitCost) // checked
			e = fpNum(e, cents)
		}
	}
	policy := req.Policy
	if policy == 0 {
		policy = Proportional
	}
	e = append(req.From.AppendText(e), 0)
	if len(req.Orders) == 1 {
		e = fpNum(e, int64(max(req.Weeks, 1)))
	} else {
		e = fpNum(e, int64(req.Weeks)) // zero (up to the due dates) and one differ for Schedule
	}
	e = fpStr(e, policy.String())
	e = fpNum(e, int64(max(req.MinLot, 1)))
	if req.Spread {
		e = fpNum(e, 1)
	} else {
		e = fpNum(e, 0)
	}
	if holdUntil.IsZero() {
		e = fpNum(e, 0)
	} else {
		e = fpNum(e, 1)
		e = fpNum(e, holdUntil.Unix())
		e = fpNum(e, int64(holdUntil.Nanosecond()))
	}
	sum := sha256.Sum256(e)
	return hex.EncodeToString(sum[:])
}

// fpStr appends s, prefixed by its length as a uvarint.
func fpStr(e []byte, s string) []byte {
	if len(s) < 0x80 {
		e = append(e, byte(len(s))) // the uvarint of a short length
	} else {
		e = binary.AppendUvarint(e, uint64(len(s)))
	}
	return append(e, s...)
}

// fpNum appends n as a varint.
func fpNum(e []byte, n int64) []byte {
	if z := uint64(n<<1) ^ uint64(n>>63); z < 0x80 {
		return append(e, byte(z)) // the varint of a small number
	}
	return binary.AppendVarint(e, n)
}

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
