package capacity_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// boardWorkshops are n producers with cap and, every other one, tulis.
func boardWorkshops(n int) []batik.Producer {
	ps := ws(make([]int, n)...)
	for i := range ps {
		ps[i].ID = fmt.Sprintf("W%02d", n-1-i) // not in ID order
		ps[i].Capabilities[0].PerWeek = 20 + i%5*10
		if i%2 == 0 {
			ps[i].Capabilities = append(ps[i].Capabilities, batik.Capability{Technique: batik.Tulis, Grade: batik.Halus, PerWeek: 3 + i%3,
				UnitCost: decimal.NewFromInt(400000)})
		}
	}
	return ps
}

// TestBoardSumsBookings: after random bookings (held, confirmed, some
// expired, cancelled, delivered, with calendar entries), every cell of the
// board is the sum of the bookings' lines in its slots (held of live
// holds, confirmed and delivered of confirmed bookings), with the
// capacity Slots reports and free = capacity - held - confirmed, at
// least 0; the totals are the sums of the cells; per technique and summed.
func TestBoardSumsBookings(t *testing.T) {
	l := fresh()
	ps := boardWorkshops(6)
	rng := rand.New(rand.NewPCG(5, 6))
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "W01", Week: w49.Add(1), Capacity: 0}, t0))
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "W02", Technique: batik.Tulis, Week: w49, Capacity: 1}, t0))
	for i := range 40 {
		o := capOrd(fmt.Sprintf("O%02d", i), 5+rng.IntN(60))
		if i%4 == 0 {
			o.Technique, o.MinGrade, o.Quantity = batik.Tulis, batik.Halus, 1+rng.IntN(6)
		}
		r := capacity.BookRequest{Key: o.ID, Orders: []batik.Order{o}, Producers: ps, From: w49.Add(rng.IntN(2)), Weeks: 1 + rng.IntN(3),
			HoldFor: time.Duration(rng.IntN(3)) * time.Hour}
		at := t0.Add(time.Duration(i) * time.Minute)
		b, err := l.Book(ctx, r, at)
		if isAny(err, capacity.ErrNoCapacity) {
			continue
		}
		require.NoError(t, err)
		switch {
		case i%7 == 0:
			_, err = l.Cancel(ctx, b.Key, at)
		case b.State == capacity.Confirmed && i%3 == 0:
			ln := b.Lines[0]
			_, err = l.Deliver(ctx, b.Key, "call", []capacity.Delivery{delivery(ln.OrderID, ln.Slot, 1+rng.IntN(ln.Quantity))}, at)
		}
		require.NoError(t, err)
	}
	now := t0.Add(90 * time.Minute) // the one-hour holds have lapsed
	sums := lineSums(t, all(t, l, capacity.BookingFilter{}, now))
	slots, err := l.Slots(ctx, capacity.SlotQuery{From: w49, To: w49.Add(3)}, ps, now)
	require.NoError(t, err)
	caps := map[capacity.Slot]int{}
	for _, s := range slots {
		caps[s.Slot] = s.Capacity
	}
	for _, tech := range []batik.Technique{"", batik.Cap, batik.Tulis} {
		board, err := l.Board(ctx, now, capacity.BoardQuery{Producers: ps, From: w49, Weeks: 4, Technique: tech})
		require.NoError(t, err)
		require.Len(t, board.Rows, len(ps))
		var total capacity.BoardCell
		totals := make([]capacity.BoardCell, 4)
		for i, row := range board.Rows {
			assert.Equal(t, fmt.Sprintf("W%02d", i), row.ProducerID, "rows in ID order")
			var rowTotal capacity.BoardCell
			for k, cell := range row.Cells {
				var want capacity.BoardCell
				for _, c := range ps[len(ps)-1-i].Capabilities {
					if tech != "" && c.Technique != tech {
						continue
					}
					sl := capacity.Slot{ProducerID: row.ProducerID, Technique: c.Technique, Week: w49.Add(k)}
					s := sums[sl]
					want = addCell(want, capacity.BoardCell{Capacity: caps[sl], Held: s.Held, Confirmed: s.Confirmed, Delivered: s.Delivered,
						Free: max(caps[sl]-s.Held-s.Confirmed, 0)})
				}
				assert.Equal(t, want, cell, "%s %s week %d", tech, row.ProducerID, k)
				rowTotal, totals[k] = addCell(rowTotal, cell), addCell(totals[k], cell)
			}
			assert.Equal(t, rowTotal, row.Total)
			total = addCell(total, rowTotal)
		}
		assert.Equal(t, totals, board.Totals)
		assert.Equal(t, total, board.Total)
		assert.Positive(t, total.Held+total.Confirmed, "bookings were made")
	}
}

func addCell(a, b capacity.BoardCell) capacity.BoardCell {
	return capacity.BoardCell{Capacity: a.Capacity + b.Capacity, Held: a.Held + b.Held, Confirmed: a.Confirmed + b.Confirmed,
		Delivered: a.Delivered + b.Delivered, Free: a.Free + b.Free, Late: a.Late + b.Late}
}

// TestBoardClosedAndLate: a week a calendar entry closed is marked closed
// (for the producer's entry, or the technique's on a board of that
// technique); a week that ended with confirmed pieces not delivered is
// marked late with the pieces; untouched slots show PerWeek.
func TestBoardClosedAndLate(t *testing.T) {
	l := fresh()
	ps := ws(100, 50)
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "B", Week: w49.Add(1), Capacity: 0}, t0))
	require.NoError(t, l.SetCalendar(ctx, capacity.CalendarEntry{ProducerID: "A", Technique: batik.Cap, Week: w49.Add(2), Capacity: 0}, t0))
	b, err := l.Book(ctx, req("ORD-1", 80, 1, ps), t0)
	require.NoError(t, err)
	_, err = l.Deliver(ctx, "ORD-1", "call-1", []capacity.Delivery{delivery("ORD-1", b.Lines[0].Slot, 30)}, t0)
	require.NoError(t, err)
	now := t0.AddDate(0, 0, 7) // W50: W49 has ended
	board, err := l.Board(ctx, now, capacity.BoardQuery{Producers: ps, From: w49, Weeks: 3, Technique: batik.Cap})
	require.NoError(t, err)
	a, bb := board.Rows[0], board.Rows[1]
	assert.Equal(t, []int{2}, a.Closed)
	assert.Equal(t, []int{1}, bb.Closed)
	assert.Equal(t, capacity.BoardCell{Capacity: 100, Confirmed: 53, Delivered: 30, Free: 47, Late: 23}, a.Cells[0], "ORD-1 got 53 from A, 30 of them delivered")
	assert.Equal(t, []int{0}, a.Late)
	assert.Equal(t, []int{0}, bb.Late)
	assert.Equal(t, capacity.BoardCell{Capacity: 100, Free: 100}, a.Cells[1], "untouched: PerWeek")
	assert.Equal(t, []capacity.Week{w49, w49.Add(1), w49.Add(2)}, board.Weeks)
}

// TestBoardJSON: a board of 30 workshops x 26 weeks is under 20 KB of
// JSON, its cells are arrays, and a cell decodes back; a cell that is not
// six whole numbers of at least 0 is refused.
func TestBoardJSON(t *testing.T) {
	l := fresh()
	ps := boardWorkshops(30)
	for i := range 30 {
		_, err := l.Book(ctx, req(fmt.Sprintf("O%02d", i), 100+i*7, 26, ps), t0)
		require.NoError(t, err)
	}
	board, err := l.Board(ctx, t0, capacity.BoardQuery{Producers: ps, From: w49, Weeks: 26})
	require.NoError(t, err)
	data, err := json.Marshal(board)
	require.NoError(t, err)
	assert.Less(t, len(data), 20<<10)
	t.Logf("%d bytes", len(data))
	var rows struct {
		Rows []struct {
			Cells []capacity.BoardCell `json:"cells"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(data, &rows))
	assert.Equal(t, board.Rows[3].Cells, rows.Rows[3].Cells)
	cell, err := json.Marshal(capacity.BoardCell{Capacity: 1, Held: 2, Confirmed: 3, Delivered: 4, Free: 5, Late: 6})
	require.NoError(t, err)
	assert.Equal(t, "[1,2,3,4,5,6]", string(cell))
	for _, bad := range []string{`[1,2,3,4,5]`, `[1,2,3,4,5,6,7]`, `[1,2,3,4,5,-6]`, `{"capacity":1}`, `[1,2,3,4,5,6.5]`, `null`} {
		var c capacity.BoardCell
		require.ErrorIs(t, json.Unmarshal([]byte(bad), &c), capacity.ErrInvalid, bad)
	}
}

// TestBoardBadInput: a range over MaxWeeks or of no week, a zero From,
// one past the year 9999, an unknown technique, a bad or repeated
// producer are refused, naming the field and value.
func TestBoardBadInput(t *testing.T) {
	l := fresh()
	ps := ws(10, 10)
	bad := ws(10)
	bad[0].ID = "P 1"
	for _, tt := range []struct {
		q     capacity.BoardQuery
		field string
		value string
	}{
		{capacity.BoardQuery{Producers: ps, From: w49, Weeks: capacity.MaxWeeks + 1}, "weeks", "105"},
		{capacity.BoardQuery{Producers: ps, From: w49, Weeks: 0}, "weeks", "0"},
		{capacity.BoardQuery{Producers: ps, Weeks: 1}, "from", `""`},
		{capacity.BoardQuery{Producers: ps, From: capacity.MustParseWeek("9999-W52"), Weeks: 2}, "weeks", "2"},
		{capacity.BoardQuery{Producers: ps, From: w49, Weeks: 1, Technique: "lukis"}, "technique", `"lukis"`},
		{capacity.BoardQuery{Producers: bad, From: w49, Weeks: 1}, "producers[0].id", `"P 1"`},
		{capacity.BoardQuery{Producers: append(ws(10), ws(10)...), From: w49, Weeks: 1}, "producers[1].id", `"A"`},
	} {
		_, err := l.Board(ctx, t0, tt.q)
		inputError(t, err, capacity.ErrInvalid, tt.field, tt.value)
	}
	board, err := l.Board(ctx, t0, capacity.BoardQuery{Producers: ps, From: w49, Weeks: capacity.MaxWeeks})
	require.NoError(t, err, "MaxWeeks weeks")
	assert.Len(t, board.Weeks, capacity.MaxWeeks)
}
