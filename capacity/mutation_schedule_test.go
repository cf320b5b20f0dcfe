package capacity

// Tests written to kill mutants gremlins found alive in Schedule's input
// checks (see .ci/mutation).

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScheduleDueAtMaxWeeks: an order may be on time for at most MaxWeeks
// weeks from opts.From. Due on the Monday of From+MaxWeeks, its last week
// on time is From+MaxWeeks-1: MaxWeeks weeks, accepted, and its pieces go
// no later. Due a week later it would have MaxWeeks+1: refused.
func TestScheduleDueAtMaxWeeks(t *testing.T) {
	from := MustParseWeek("2026-W49")
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 1, 80000))}
	o := capOrder(MaxWeeks + 5) // one piece a week: MaxWeeks on time, 5 unfilled
	o.Due = from.Add(MaxWeeks).Monday()
	require.Equal(t, from.Add(MaxWeeks-1), LastOnTime(o.Due))
	tt, err := Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.NoError(t, err, "due %s: %d weeks on time", o.Due, MaxWeeks)
	require.Len(t, tt.Assignments, MaxWeeks)
	assert.Equal(t, from, tt.Assignments[0].Week)
	assert.Equal(t, from.Add(MaxWeeks-1), tt.Assignments[MaxWeeks-1].Week)
	assert.Equal(t, map[string]int{"ORD-1": 5}, tt.Unfilled)

	o.Due = from.Add(MaxWeeks + 1).Monday()
	_, err = Schedule([]batik.Order{o}, ps, ScheduleOptions{From: from})
	require.ErrorIs(t, err, ErrInvalid, "due %s: %d weeks on time", o.Due, MaxWeeks+1)
	assert.Contains(t, err.Error(), "orders[0].due")
}
