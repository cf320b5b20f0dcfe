package capacity_test

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFingerprintIsTheRequest: what the caller asked for identifies a
// request, not how it was written down: orders in another order, other
// producer records, another clock, the options' defaults written out give
// the same fingerprint; a changed field of an order or option does not.
func TestFingerprintIsTheRequest(t *testing.T) {
	ps := ws(100, 80, 60)
	o1, o2 := capOrd("O-1", 50), capOrd("O-2", 40)
	o1.Due, o2.Due = batik.MustParseDate("2026-12-21"), batik.MustParseDate("2026-12-14")
	batch := capacity.BookRequest{Key: "batch", Orders: []batik.Order{o1, o2}, Producers: ps, From: w49, HoldFor: time.Hour}
	one := capacity.BookRequest{Key: "one", Orders: []batik.Order{o1}, Producers: ps, From: w49}
	fp := func(r capacity.BookRequest, now time.Time) string {
		t.Helper()
		b, err := fresh().Book(ctx, r, now)
		require.NoError(t, err)
		return b.Request
	}
	same := []func(r *capacity.BookRequest){
		func(r *capacity.BookRequest) { slices.Reverse(r.Orders) },
		func(r *capacity.BookRequest) { r.Producers = []batik.Producer{ps[2], ps[0]} },
		func(r *capacity.BookRequest) { r.Producers = ws(1, 2, 3, 4) },
		func(r *capacity.BookRequest) { r.Policy = capacity.Proportional },
		func(r *capacity.BookRequest) { r.MinLot = 1 },
	}
	for _, base := range []capacity.BookRequest{batch, one} {
		want := fp(base, t0)
		assert.Equal(t, want, fp(base, t0.Add(90*time.Minute)), "another clock")
		for i, edit := range same {
			r := base
			r.Orders = append([]batik.Order(nil), base.Orders...)
			edit(&r)
			assert.Equal(t, want, fp(r, t0), "%s: edit %d", base.Key, i)
		}
	}
	r := one
	r.Weeks = 1
	assert.Equal(t, fp(one, t0), fp(r, t0), "one order: weeks 0 means 1")
	r = batch
	r.Weeks = 1
	assert.NotEqual(t, fp(batch, t0), fp(r, t0), "several orders: weeks 0 means up to the due dates")
}

// TestBookConflictNamesField: a different request under a used key is
// ErrConflict naming the first field that differs, with the value asked
// and the value booked, whether the booking is held, confirmed or a hold
// that lapsed; nothing changes.
func TestBookConflictNamesField(t *testing.T) {
	o1, o2 := capOrd("O-1", 1000), capOrd("O-2", 40)
	o1.SKU, o1.Due, o2.Due = "SKU-1", batik.MustParseDate("2026-12-21"), batik.MustParseDate("2026-12-14")
	base := func() capacity.BookRequest {
		return capacity.BookRequest{Key: "K", Orders: []batik.Order{o1, o2}, Producers: ws(100, 80), From: w49, Weeks: 3,
			HoldFor: 15 * time.Minute, MinFill: 10}
	}
	tests := []struct {
		give  func(r *capacity.BookRequest)
		field string
		asked string
		was   string
	}{
		{func(r *capacity.BookRequest) { r.Orders[0].Quantity = 900 }, "orders[0].quantity", "900", "1000"},
		{func(r *capacity.BookRequest) { r.Orders[1].ID = "O-3" }, "orders[1].id", "O-3", "O-2"},
		{func(r *capacity.BookRequest) { r.Orders[0].SKU = "" }, "orders[0].sku", "", "SKU-1"},
		{func(r *capacity.BookRequest) { r.Orders[1].Technique = batik.Tulis }, "orders[1].technique", "tulis", "cap"},
		{func(r *capacity.BookRequest) { r.Orders[1].MinGrade = batik.Halus }, "orders[1].min_grade", "halus", "sedang"},
		{func(r *capacity.BookRequest) { r.Orders[1].Due = batik.MustParseDate("2026-12-15") }, "orders[1].due", "2026-12-15", "2026-12-14"},
		{func(r *capacity.BookRequest) { r.Orders = r.Orders[:1] }, "orders", "1 orders", "2 orders"},
		{func(r *capacity.BookRequest) { r.From = w49.Add(1) }, "from", "2026-W50", "2026-W49"},
		{func(r *capacity.BookRequest) { r.Weeks = 2 }, "weeks", "2", "3"},
		{func(r *capacity.BookRequest) { r.Policy = capacity.LowestCost }, "policy", "lowest_cost", "proportional"},
		{func(r *capacity.BookRequest) { r.MinLot = 5 }, "min_lot", "5", "1"},
		{func(r *capacity.BookRequest) { r.Spread = true }, "spread", "true", "false"},
		{func(r *capacity.BookRequest) { r.HoldFor = 16 * time.Minute }, "hold_for", "16m0s", "15m0s"},
		{func(r *capacity.BookRequest) { r.HoldFor = 0 }, "hold_for", "0s", "15m0s"},
		{func(r *capacity.BookRequest) { r.MinFill = 0 }, "min_fill", "0", "10"},
		{func(r *capacity.BookRequest) { r.AllOrNothing = true }, "all_or_nothing", "true", "false"},
	}
	for _, at := range []time.Duration{time.Minute, 15 * time.Minute, time.Hour} {
		l := fresh()
		_, err := l.Book(ctx, base(), t0)
		require.NoError(t, err)
		before := dump(t, l, ws(100, 80), t0.Add(at))
		for _, tt := range tests {
			r := base()
			tt.give(&r)
			_, err := l.Book(ctx, r, t0.Add(at))
			ie := inputError(t, err, capacity.ErrConflict, tt.field, shown(tt.asked))
			assert.Equal(t, fmt.Sprintf(`capacity: %s = %s: key "K" was booked with %s: a different request`, tt.field, shown(tt.asked), shown(tt.was)), ie.Error())
		}
		assert.Equal(t, before, dump(t, l, ws(100, 80), t0.Add(at)), "nothing changed, %s after booking", at)
	}
}

// shown is how a conflict shows a request's value: a whole number as it
// is, anything else quoted.
func shown(s string) string {
	if _, err := strconv.Atoi(s); err == nil {
		return s
	}
	return strconv.Quote(s)
}

// pinned returns the producers and orders of the requests whose
// fingerprints are pinned, here and (as bookings made before stores kept
// the canonical request had them) in ledger_legacy_test.go.
func pinned() (ps []batik.Producer, o1, o2 batik.Order) {
	ps = ws(100, 80, 60)
	ps[1].Capabilities = append(ps[1].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 5,
		UnitCost: decimal.RequireFromString("123456.50")})
	o1, o2 = capOrd("O-1", 50), capOrd("O-2", 64) // 64: the first number whose varint takes two bytes
	o1.Due, o2.Due, o2.SKU = batik.MustParseDate("2026-12-21"), batik.MustParseDate("2026-12-14"), "SKU-2"
	return ps, o1, o2
}

// TestFingerprintIsStable pins the fingerprints of two requests: stores
// keep them, so a version that encoded requests differently would answer
// a replay of an older booking with ErrConflict instead of its booking.
func TestFingerprintIsStable(t *testing.T) {
	ps, o1, o2 := pinned()
	for _, c := range []struct {
		r    capacity.BookRequest
		want string
	}{
		{capacity.BookRequest{Key: "batch", Orders: []batik.Order{o2, o1}, Producers: ps, From: w49, Spread: true},
			"d8efed84d087f5e01ca76b0543eb2960a2d426dec5527f947cd3780922a44ded"},
		{capacity.BookRequest{Key: "one", Orders: []batik.Order{o1}, Producers: ps, From: w49, Weeks: 3, Policy: capacity.EvenShare,
			MinLot: 10, HoldFor: 90*time.Minute + 5, MinFill: 20, AllOrNothing: true}, "3b44d63dd64252fdb38a0aeebb6ea5a75ccbfb21e75ac316ad87d8f5fae9a048"},
	} {
		b, err := fresh().Book(ctx, c.r, t0)
		require.NoError(t, err)
		assert.Equal(t, c.want, b.Request, c.r.Key)
	}
}

// TestKeyRule: a key (and a delivery call key) is 1 to 256 bytes of
// visible UTF-8 text without control or bidirectional characters: blank,
// invisible and direction-changing keys are refused by every operation
// that takes a key, naming it, and nothing is recorded; keys in other
// scripts and with inner spaces are taken.
func TestKeyRule(t *testing.T) {
	l := fresh()
	ps := ws(100)
	keyedReq := func(key string) capacity.BookRequest {
		r := req("ORD", 1, 1, ps)
		r.Key = key
		return r
	}
	for _, key := range []string{"ORD-1", "pesanan 1", "订单-1", "ORD-1 ✓", "ḱey", strings.Repeat("k", 256)} {
		_, err := l.Book(ctx, keyedReq(key), t0)
		require.NoError(t, err, "%q", key)
	}
	before := dump(t, l, ps, t0)
	for _, key := range []string{"", " ", "\t", "\u200b", "\u202e", "\u202eORD-1", "ORD\u2066-1", "\u3164", "\u2800", "\u115f\ufe0f",
		"ORD\n1", "ORD\x00-1", "ORD-\xff", "\u0085", strings.Repeat("k", 257)} {
		ops := keyed(l, ps)
		ops["book"] = func(k string) error { _, err := l.Book(ctx, keyedReq(k), t0); return err }
		for name, op := range ops {
			ie := inputError(t, op(key), capacity.ErrInvalid, "key", "*")
			assert.LessOrEqual(t, len(ie.Value), 100, "%s %q: the key is abbreviated", name, key)
		}
	}
	assert.Equal(t, before, dump(t, l, ps, t0), "nothing recorded")
}
