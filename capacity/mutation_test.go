package capacity

// Tests written to kill mutants gremlins found alive (see .ci/mutation):
// each pins a boundary or an ordering the other tests left open, by what a
// caller of Allocate sees.

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// planIDs returns the producer IDs of p's lines and skips, in plan order.
func planIDs(p Plan) (lines, skipped []string) {
	for _, l := range p.Lines {
		lines = append(lines, l.ProducerID)
	}
	for _, s := range p.Skipped {
		skipped = append(skipped, s.ProducerID)
	}
	return lines, skipped
}

// TestAllocateOrdersAnyIDs checks that lines and skips come in ID order for
// IDs with no common prefix, IDs that share their first bytes and differ
// only after eight more, and IDs of different lengths: the integer keys
// sortByID compares first must order like the strings.
func TestAllocateOrdersAnyIDs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := "AB019-"
	for range 300 {
		n := 2 + rng.IntN(40)
		prefix := strings.Repeat("P", rng.IntN(3))
		middle := []string{"", "12345678", "ABCDEFGH"}[rng.IntN(3)]
		seen := map[string]bool{}
		var ps []batik.Producer
		for len(ps) < n {
			b := []byte(prefix)
			if rng.IntN(2) == 0 {
				b = append(b, middle...)
			}
			for range 1 + rng.IntN(4) {
				b = append(b, alphabet[rng.IntN(len(alphabet))])
			}
			if rng.IntN(3) == 0 {
				b = append(b, middle...)
			}
			id := string(b)
			if seen[id] {
				continue
			}
			seen[id] = true
			tech := batik.Cap
			if rng.IntN(3) == 0 {
				tech = batik.Tulis
			}
			ps = append(ps, prod(id, batik.Sedang, capOf(tech, 1+rng.IntN(9), 1000)))
		}
		plan, err := Allocate(capOrder(3*n), ps, AllocateOptions{})
		require.NoError(t, err)
		lines, skipped := planIDs(plan)
		require.True(t, slices.IsSorted(lines), "lines %q", lines)
		require.True(t, slices.IsSorted(skipped), "skipped %q", skipped)
	}
	// A case by hand: no common prefix, and the bytes after the first two
	// order the other way ("BA3" < "BC1" though '3' > '1').
	plan, err := Allocate(capOrder(3), []batik.Producer{
		prod("AB", batik.Sedang, capOf(batik.Cap, 1, 1000)),
		prod("BC1", batik.Sedang, capOf(batik.Cap, 1, 1000)),
		prod("BA3", batik.Sedang, capOf(batik.Cap, 1, 1000)),
	}, AllocateOptions{})
	require.NoError(t, err)
	lines, _ := planIDs(plan)
	assert.Equal(t, []string{"AB", "BA3", "BC1"}, lines)
}

// TestAllocateRepeatedID checks which pair a repeated ID is reported as: the
// later producer repeats the earlier one, whatever the sort did with them.
func TestAllocateRepeatedID(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		n := 2 + rng.IntN(150)
		ps := make([]batik.Producer, n)
		for i, k := range rng.Perm(n) {
			ps[i] = prod(fmt.Sprintf("UMKM-%03d", k), batik.Sedang, capOf(batik.Cap, 5, 1000))
		}
		first := rng.IntN(n - 1)
		later := first + 1 + rng.IntN(n-first-1)
		ps[later].ID = ps[first].ID
		_, err := Allocate(capOrder(5), ps, AllocateOptions{})
		var ie *InputError
		require.ErrorAs(t, err, &ie, "n=%d", n)
		require.ErrorIs(t, err, ErrInvalid)
		assert.Equal(t, fmt.Sprintf("producers[%d].id", later), ie.Field, "n=%d", n)
		assert.Contains(t, ie.Reason(batik.English), fmt.Sprintf("producers[%d]", first), "n=%d", n)
	}
}

// TestAllocateBounds checks the accepted edges of the inputs Allocate checks.
func TestAllocateBounds(t *testing.T) {
	// PerWeek at batik.MaxQuantity, a unit cost of zero, MaxWeeks weeks.
	ps := []batik.Producer{
		prod("A", batik.Sedang, capOf(batik.Cap, batik.MaxQuantity, 0)),
		prod("B", batik.Sedang, batik.Capability{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.NewFromInt(batik.MaxUnitCost)}),
	}
	plan, err := Allocate(capOrder(batik.MaxQuantity), ps, AllocateOptions{Weeks: MaxWeeks, Policy: LowestCost})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": batik.MaxQuantity}, quantities(plan))
	assert.True(t, plan.Lines[0].UnitCost.IsZero())

	_, err = Allocate(capOrder(1), ps, AllocateOptions{Weeks: MaxWeeks + 1})
	require.ErrorIs(t, err, ErrInvalid)
	for _, c := range []batik.Capability{
		{Technique: batik.Cap, PerWeek: batik.MaxQuantity + 1, UnitCost: decimal.NewFromInt(1)},
		{Technique: batik.Cap, PerWeek: -1, UnitCost: decimal.NewFromInt(1)},
		{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.RequireFromString("-0.01")},
		{Technique: batik.Cap, PerWeek: 1, UnitCost: decimal.RequireFromString("100000000.01")},
	} {
		_, err = Allocate(capOrder(1), []batik.Producer{prod("A", batik.Sedang, c)}, AllocateOptions{})
		require.ErrorIs(t, err, ErrInvalid, "%+v", c)
	}
}

// TestAllocateFreeAtMax checks that a FreeCapacity answer of exactly
// batik.MaxQuantity is taken, one above is refused.
func TestAllocateFreeAtMax(t *testing.T) {
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 1, 1000))}
	free := func(n int) AllocateOptions {
		return AllocateOptions{From: MustParseWeek("2026-W50"), Free: freeFunc(func(string, batik.Technique, Week) int { return n })}
	}
	plan, err := Allocate(capOrder(batik.MaxQuantity), ps, free(batik.MaxQuantity))
	require.NoError(t, err)
	assert.Equal(t, map[string]int{"A": batik.MaxQuantity}, quantities(plan))
	_, err = Allocate(capOrder(1), ps, free(batik.MaxQuantity+1))
	require.ErrorIs(t, err, ErrInvalid)
}

// TestQuote pins how messages abbreviate a value: up to 64 bytes in full,
// beyond that cut on a rune boundary with the full length stated.
func TestQuote(t *testing.T) {
	s64 := strings.Repeat("x", 64)
	assert.Equal(t, `"`+s64+`"`, quote(s64))
	assert.Equal(t, `"`+s64+`"... (65 bytes)`, quote(s64+"y"))
	s := strings.Repeat("a", 63) + "é" + "bb"
	assert.Equal(t, `"`+strings.Repeat("a", 63)+`"... (67 bytes)`, quote(s))
	assert.Equal(t, `""... (70 bytes)`, quote(strings.Repeat("\x80", 70)))

	// Through Allocate: a long repeated ID is named abbreviated.
	long := strings.Repeat("L", 100)
	_, err := Allocate(capOrder(1), []batik.Producer{
		prod(long, batik.Sedang, capOf(batik.Cap, 1, 1)), prod(long, batik.Sedang, capOf(batik.Cap, 1, 1)),
	}, AllocateOptions{})
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, `"`+long[:64]+`"... (100 bytes)`, ie.Value)
}
