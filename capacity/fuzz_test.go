package capacity

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// FuzzAllocate builds a random instance from the fuzzer's seed and checks
// that Allocate neither panics nor breaks an invariant.
func FuzzAllocate(f *testing.F) {
	for i := range 8 {
		f.Add(uint64(i), uint64(i*7+1), uint8(i))
	}
	f.Fuzz(func(t *testing.T, s1, s2 uint64, size uint8) {
		rng := rand.New(rand.NewPCG(s1, s2))
		in := randInstance(rng, 1+int(size%40))
		plan, err := Allocate(in.order, in.producers, in.opts)
		if err != nil {
			t.Fatalf("valid instance refused: %v", err)
		}
		checkInvariants(t, in, plan)
		if max(in.opts.MinLot, 1) == 1 {
			checkPolicy(t, in, plan)
		}
	})
}

// FuzzAllocateRaw feeds arbitrary numbers, valid or not, into the fields
// Allocate reads: it must return an error or a plan that keeps every
// invariant, and never panic.
func FuzzAllocateRaw(f *testing.F) {
	f.Add(1000, 100, 4, 0, uint8(1), int64(8000000), -5)
	f.Add(1<<31-1, 1<<31-1, 1<<40, 1<<20, uint8(3), int64(-1), 0)
	f.Fuzz(func(t *testing.T, quantity, perWeek, weeks, minLot int, policy uint8, cents int64, other int) {
		rng := rand.New(rand.NewPCG(uint64(quantity), uint64(perWeek)))
		in := randInstance(rng, 3)
		in.order.Quantity = quantity
		in.producers[0].Capabilities = append(in.producers[0].Capabilities[:0], capOf(in.order.Technique, perWeek, 0))
		in.producers[0].Capabilities[0].UnitCost = in.producers[0].Capabilities[0].UnitCost.Add(decimalCents(cents))
		if len(in.producers[1].Capabilities) > 0 {
			in.producers[1].Capabilities[0].PerWeek = other
		}
		in.opts = AllocateOptions{Policy: Policy(policy), Weeks: weeks, MinLot: minLot}
		plan, err := Allocate(in.order, in.producers, in.opts)
		if err != nil {
			return
		}
		checkInvariants(t, in, plan)
	})
}

func decimalCents(c int64) decimal.Decimal { return decimal.New(c, -2) }
