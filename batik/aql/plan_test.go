package aql

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLookupRefusesRowS pins that Lookup takes the letters of Table 1
// only: S, the extra row of Table 2-B that only a tightened arrow reaches,
// is refused at every severity, while PlanFor can still land on it.
func TestLookupRefusesRowS(t *testing.T) {
	for _, sev := range []Severity{Normal, Tightened, Reduced} {
		_, err := Lookup("S", MustParseAQL("0.025"), sev)
		require.ErrorIs(t, err, ErrInvalid, sev)
	}
	// R at 0.025 tightened: the arrow leads down to S, n = 3150, 1/2
	// (Table 2-B), for a lot of 500,001 or more at level III.
	p, err := PlanFor(1_000_000, LevelIII, MustParseAQL("0.025"), Tightened)
	require.NoError(t, err)
	assert.Equal(t, CodeLetter("R"), p.Letter)
	assert.Equal(t, CodeLetter("S"), p.PlanLetter)
	assert.Equal(t, 3150, p.SampleSize)
	assert.Equal(t, 1, p.Ac)
	assert.Equal(t, 2, p.Re)
}

// TestFullInspectionWhenSampleEqualsLot pins clause 10's "sample size at
// least the lot size": a lot of 2 at level II is letter A, and at AQL 6.5
// normal the plan samples 2 (Table 2-A, A: n = 2, 0/1), so every unit is
// inspected; a lot of 3 samples 2 of them.
func TestFullInspectionWhenSampleEqualsLot(t *testing.T) {
	p, err := PlanFor(2, LevelII, MustParseAQL("6.5"), Normal)
	require.NoError(t, err)
	assert.Equal(t, CodeLetter("A"), p.Letter)
	assert.Equal(t, 2, p.SampleSize)
	assert.True(t, p.FullInspection)
	assert.Equal(t, 0, p.Ac)

	p, err = PlanFor(3, LevelII, MustParseAQL("6.5"), Normal)
	require.NoError(t, err)
	assert.Equal(t, 2, p.SampleSize)
	assert.False(t, p.FullInspection)
}

func TestPlanForDoesNotAllocate(t *testing.T) {
	a := MustParseAQL("0.010")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := PlanFor(600000, LevelIII, a, Tightened); err != nil {
			panic(err)
		}
	})
	assert.Zero(t, allocs)
}

// Values printed in the standard and quoted in textbooks and buyers'
// guides, checked through the public API.
func TestLookupKnownPlans(t *testing.T) {
	tests := []struct {
		letter CodeLetter
		aql    string
		sev    Severity
		want   string // plan letter, n, Ac, Re
	}{
		{"J", "1.0", Normal, "J 80 2/3"},
		{"J", "1.5", Normal, "J 80 3/4"},
		{"J", "2.5", Normal, "J 80 5/6"},
		{"J", "4.0", Normal, "J 80 7/8"},
		{"J", "6.5", Normal, "J 80 10/11"},
		{"J", "2.5", Tightened, "J 80 3/4"},
		{"J", "4.0", Tightened, "J 80 5/6"},
		{"J", "2.5", Reduced, "J 32 3/4"},
		{"J", "0.40", Reduced, "L 80 1/2"}, // two down arrows (the 1999 table)
		{"J", "0.15", Reduced, "J 32 0/1"},
		{"R", "0.025", Reduced, "N 200 0/1"},  // the long up arrow of rows P, Q, R
		{"A", "10", Tightened, "D 8 1/2"},     // a down arrow where the diagonal would give 0/1
		{"F", "1.0", Normal, "E 13 0/1"},      // up arrow
		{"H", "0.65", Normal, "J 80 1/2"},     // down arrow
		{"E", "0.65", Normal, "F 20 0/1"},     // down arrow
		{"A", "0.010", Normal, "Q 1250 0/1"},  // long down arrow
		{"R", "0.010", Normal, "Q 1250 0/1"},  // up arrow in the last row
		{"K", "15", Normal, "J 80 21/22"},     // up arrow below Ac 21
		{"A", "1000", Normal, "A 2 30/31"},    // top right corner
		{"B", "1000", Normal, "B 3 44/45"},    // the largest Ac
		{"A", "1000", Tightened, "A 2 27/28"}, // tightened corner
		{"Q", "0.025", Tightened, "S 3150 1/2"},
		{"L", "0.065", Tightened, "M 315 0/1"},
		{"L", "0.010", Reduced, "Q 500 0/1"},
		{"E", "2.5", Reduced, "G 13 1/2"},
		{"F", "1.5", Reduced, "H 20 1/2"},
	}
	for _, tt := range tests {
		p, err := Lookup(tt.letter, MustParseAQL(tt.aql), tt.sev)
		require.NoError(t, err)
		got := fmt.Sprintf("%s %d %d/%d", p.PlanLetter, p.SampleSize, p.Ac, p.Re)
		assert.Equal(t, tt.want, got, "%s %s %s", tt.letter, tt.aql, tt.sev)
	}
}
