package capacity

import (
	"testing"

	"github.com/batikkit/batikkit/batik"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScheduleCapacityTakenInOneWeek: two orders on time only in the first
// week want all of one producer's week. One is filled; the other falls
// short because the capacity was taken (the producer alone could have made
// it), not because there was not enough.
func TestScheduleCapacityTakenInOneWeek(t *testing.T) {
	from := MustParseWeek("2026-W49")
	ps := []batik.Producer{prod("A", batik.Sedang, capOf(batik.Cap, 10, 80000))}
	o1, o2 := capOrder(10), capOrder(10)
	o1.ID, o2.ID = "O-1", "O-2"
	o1.Due, o2.Due = from.Add(1).Monday(), from.Add(1).Monday()
	tt, err := Schedule([]batik.Order{o1, o2}, ps, ScheduleOptions{From: from})
	require.NoError(t, err)
	require.Len(t, tt.Assignments, 1)
	require.Len(t, tt.Shortfalls, 1)
	short := tt.Shortfalls[0]
	assert.NotEqual(t, tt.Assignments[0].OrderID, short.OrderID)
	assert.Equal(t, 10, short.Pieces)
	assert.Equal(t, CapacityTaken, short.Reason)
}
