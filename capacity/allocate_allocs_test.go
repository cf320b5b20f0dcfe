//go:build !race

package capacity

import (
	"fmt"
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAllocateAllocs guards Allocate's doc: "a constant number of
// allocations besides the plan's lines and skips", which are made once each
// at their final size. The count must not grow with the producers, whether
// most of them get a line or most are skipped. (The race detector allocates
// on its own, hence the build tag. Up to 32 producers or candidates the
// scratch arrays are on the stack and a few allocations are saved: the
// bound is from 128 up.)
func TestAllocateAllocs(t *testing.T) {
	producers := func(n int, skipEvery int) []batik.Producer {
		ps := make([]batik.Producer, n)
		for i := range ps {
			tech := batik.Cap
			if i%skipEvery == 0 {
				tech = batik.Tulis // skipped: wrong technique
			}
			ps[i] = prod(fmt.Sprintf("UMKM-%05d", i), batik.Sedang, capOf(tech, 10+i%7, int64(50000+100*(i%13))))
		}
		return ps
	}
	for _, policy := range []Policy{Proportional, LowestCost} {
		for _, skipEvery := range []int{2, 5, 1000000} {
			var counts []float64
			for _, n := range []int{128, 256, 1024} {
				ps := producers(n, skipEvery)
				// Proportional: every candidate gets a line. LowestCost: about
				// half of them, the rest are skipped as not needed.
				order, opts := capOrder(5*n), AllocateOptions{Policy: policy}
				plan, err := Allocate(order, ps, opts)
				require.NoError(t, err)
				require.Equal(t, n, len(plan.Lines)+len(plan.Skipped))
				counts = append(counts, testing.AllocsPerRun(50, func() { _, _ = Allocate(order, ps, opts) }))
			}
			assert.Equal(t, counts[0], counts[1], "%v, skip every %d: allocations for 128, 256, 1024 producers: %v", policy, skipEvery, counts)
			assert.Equal(t, counts[0], counts[2], "%v, skip every %d: allocations for 128, 256, 1024 producers: %v", policy, skipEvery, counts)
		}
	}
}

// TestAllocateAllocsSmall guards Allocate's doc: up to 32 producers its
// scratch arrays are on the stack, so Proportional and EvenShare allocate
// only the plan's lines and skips; 32 producers, all candidates, fill the
// arrays exactly.
func TestAllocateAllocsSmall(t *testing.T) {
	for _, n := range []int{20, smallN} {
		ps := make([]batik.Producer, n)
		for i := range ps {
			tech := batik.Cap
			if i%5 == 0 && n < smallN {
				tech = batik.Tulis // skipped: wrong technique
			}
			// IDs out of order, so the sort by ID runs.
			ps[i] = prod(fmt.Sprintf("UMKM-%05d", (i*7)%n), batik.Sedang, capOf(tech, 10+i%7, int64(50000+100*(i%13))))
		}
		for _, policy := range []Policy{Proportional, EvenShare} {
			order, opts := capOrder(100), AllocateOptions{Policy: policy, Weeks: 4}
			if n == smallN {
				order = capOrder(1000) // every producer gets a line: 32 candidates
			}
			plan, err := Allocate(order, ps, opts)
			require.NoError(t, err)
			require.NotEmpty(t, plan.Lines)
			want := 2.0 // the lines and the skips
			if n == smallN {
				require.Len(t, plan.Lines, smallN)
				want = 1 // no skips: an empty Skipped allocates nothing
			} else {
				require.NotEmpty(t, plan.Skipped)
			}
			assert.Equal(t, want, testing.AllocsPerRun(50, func() { _, _ = Allocate(order, ps, opts) }), "%d producers, %v", n, policy)
		}
	}
}
