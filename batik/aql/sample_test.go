package aql

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDrawPinned pins the units of one draw: the generator (ChaCha8), the
// bounded integers (Lemire) and Floyd's algorithm are all specified, so
// these numbers are the same on every machine and Go version.
func TestDrawPinned(t *testing.T) {
	s, err := Draw(2859, 1000, 80)
	require.NoError(t, err)
	assert.Equal(t, []int{51, 61, 144, 193, 250, 483, 572, 576, 684, 796, 847, 975, 983}, s.PickList(13))
	assert.Len(t, s.Units, 80)
}

func TestDrawDistinctInRange(t *testing.T) {
	for _, tt := range []struct{ lot, n int }{{1, 1}, {2, 2}, {10, 10}, {1000, 80}, {MaxLotSize, 3150}, {200_000, MaxSample}} {
		s, err := Draw(7, tt.lot, tt.n)
		require.NoError(t, err)
		require.Len(t, s.Units, tt.n)
		sorted := slices.Clone(s.Units)
		slices.Sort(sorted)
		assert.Equal(t, len(sorted), len(slices.Compact(sorted)), "distinct")
		assert.GreaterOrEqual(t, sorted[0], 1)
		assert.LessOrEqual(t, sorted[len(sorted)-1], tt.lot)
	}
	s, _ := Draw(7, 10, 10)
	sorted := slices.Clone(s.Units)
	slices.Sort(sorted)
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, sorted, "n = N: every unit")
}

// TestDrawUniform: over 20,000 seeds, each unit of a lot of 10 is in a
// sample of 3 about 30 % of the time, and each is first (the sample of one)
// about 10 % of the time: every unit equally likely, as clause 8 asks.
func TestDrawUniform(t *testing.T) {
	const runs = 20_000
	var in, first [11]int
	for seed := range uint64(runs) {
		s, err := Draw(seed, 10, 3)
		require.NoError(t, err)
		for _, u := range s.Units {
			in[u]++
		}
		first[s.Units[0]]++
	}
	for u := 1; u <= 10; u++ {
		assert.InDelta(t, 0.3, float64(in[u])/runs, 0.015, "unit %d in the sample", u)
		assert.InDelta(t, 0.1, float64(first[u])/runs, 0.01, "unit %d first", u)
	}
}

func TestDrawRefuses(t *testing.T) {
	for _, tt := range []struct{ lot, n int }{{0, 1}, {10, 0}, {10, 11}, {MaxLotSize + 1, 1}, {MaxLotSize, MaxSample + 1}} {
		_, err := Draw(1, tt.lot, tt.n)
		require.ErrorIs(t, err, ErrInvalid, "%+v", tt)
	}
	s, _ := Draw(1, 10, 3)
	assert.Nil(t, s.PickList(0))
	assert.Nil(t, s.PickList(4))
}

func TestSampleJSON(t *testing.T) {
	s, err := Draw(42, 500, 50)
	require.NoError(t, err)
	assert.Equal(t, s, jsonRoundTrip(t, s))

	var back Sample
	s.Units[0], s.Units[1] = s.Units[1], s.Units[0] // an edited pick list
	b, _ := json.Marshal(s)
	err = json.Unmarshal(b, &back)
	require.ErrorIs(t, err, ErrState)
	err = json.Unmarshal([]byte(`{"seed":1,"lot_size":5,"units":[1,2,3,4,5,6]}`), &back)
	require.ErrorIs(t, err, ErrState)
}
