package pgstore

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCalendar(t *testing.T) {
	s, _ := testStore(t)
	ctx := context.Background()
	_, err := s.Commit(ctx, hold("K1", t0, t0.Add(time.Hour), 40, 100, slot("A", w1)))
	require.NoError(t, err)
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: 30}, t0)
	require.ErrorIs(t, err, capacity.ErrNoRoom)
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: 50}, t0))
	require.NoError(t, s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Tulis, Week: w1, Capacity: 0}, t0))
	err = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Week: w1, Capacity: -1}, t0)
	require.ErrorIs(t, err, capacity.ErrInvalid)
	cal, err := s.Calendar(ctx, capacity.SlotQuery{From: w1, To: w2})
	require.NoError(t, err)
	require.Len(t, cal, 2)
	assert.Equal(t, batik.Technique(""), cal[0].Technique)
	assert.Equal(t, 0, cal[1].Capacity)
	u, err := s.Usage(ctx, capacity.SlotQuery{From: w1, To: w2}, t0)
	require.NoError(t, err)
	assert.Equal(t, 50, u[0].Capacity)
}

func TestCalendarRacesCommit(t *testing.T) {
	s, pool := testStore(t)
	ctx := context.Background()
	both := 0
	for i := range 40 {
		wk := w1.Add(i)
		var calErr, comErr error
		var wg sync.WaitGroup
		wg.Go(func() {
			calErr = s.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "RACE", Week: wk, Capacity: 0}, t0)
		})
		wg.Go(func() {
			_, comErr = s.Commit(ctx, hold(fmt.Sprintf("race-%d", i), t0, t0.Add(time.Hour), 5, 100, slot("RACE", wk)))
		})
		wg.Wait()
		if calErr == nil && comErr == nil {
			both++
		}
		if calErr != nil {
			require.ErrorIs(t, calErr, capacity.ErrNoRoom)
		}
		if comErr != nil {
			require.ErrorIs(t, comErr, capacity.ErrNoRoom)
		}
	}
	assert.Zero(t, both, "a week closed and booked at once")
	requireConsistent(t, pool, s.Schema())
}
