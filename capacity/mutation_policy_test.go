package capacity

// Tests written to kill mutants gremlins found alive in the sharing
// policies (see .ci/mutation).

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEvenShareLeftoverSkipsFullProducers: water-filling 7 pieces over
// free capacities 2, 10 and 10 reaches level 2 (A full, 6 given); the one
// piece left goes to the first producer in ID order with room above the
// level, B, never to A, which is at its capacity.
func TestEvenShareLeftoverSkipsFullProducers(t *testing.T) {
	ps := []batik.Producer{
		prod("A", batik.Halus, capOf(batik.Cap, 2, 80000)),
		prod("B", batik.Halus, capOf(batik.Cap, 10, 80000)),
		prod("C", batik.Halus, capOf(batik.Cap, 10, 80000)),
	}
	plan, err := Allocate(capOrder(7), ps, AllocateOptions{Policy: EvenShare})
	require.NoError(t, err)
	got := map[string]int{}
	for _, l := range plan.Lines {
		got[l.ProducerID] = l.Quantity
	}
	assert.Equal(t, map[string]int{"A": 2, "B": 3, "C": 2}, got)
	assert.Zero(t, plan.Unfilled)
}
