package capacity

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/batik"
)

// BoardQuery selects a board: the producers (their records give each
// slot's capacity where the calendar says nothing), Weeks ISO weeks from From (1 to MaxWeeks), and one technique, or
// every technique summed when Technique is empty.
type BoardQuery struct {
	Producers []batik.Producer `json:"producers"`
	From      Week             `json:"from"`
	Weeks     int              `json:"weeks"`
	Technique batik.Technique  `json:"technique,omitempty"`
}

type boardQueryJSON struct {
	Producers []batik.Producer `json:"producers"`
	From      Week             `json:"from"`
	Weeks     int              `json:"weeks"`
	Technique batik.Technique  `json:"technique,omitempty"`
}

// UnmarshalJSON decodes a query strictly (see the package doc, JSON):
// every key but technique is required. Board checks the query.
func (q *BoardQuery) UnmarshalJSON(data []byte) error {
	var v boardQueryJSON
	if err := decodeJSON(data, &v); err != nil {
		return err
	}
	*q = BoardQuery(v)
	return nil
}

// Board is the campaign's capacity at a glance: producers as rows, ISO
// weeks as columns, each cell what a slot (or, without a technique, the
// producer's slots of that week summed) has and holds. Rows are in
// producer ID order.
type Board struct {
	From      Week            `json:"from"`
	Weeks     []Week          `json:"weeks"`
	Technique batik.Technique `json:"technique,omitempty"`
	Rows      []BoardRow      `json:"rows"`
	Totals    []BoardCell     `json:"totals"` // per week, over the rows
	Total     BoardCell       `json:"total"`  // over the board
}

// BoardRow is one producer's weeks. Closed lists the weeks (as positions
// in Board.Weeks) a calendar entry closed (capacity 0); Late the weeks
// that ended before now with confirmed pieces not delivered.
type BoardRow struct {
	ProducerID string      `json:"producer_id"`
	Cells      []BoardCell `json:"cells"`
	Total      BoardCell   `json:"total"`
	Closed     []int       `json:"closed"`
	Late       []int       `json:"late"`
}

// BoardCell is the pieces of a slot, or of a sum of slots: its capacity,
// what is held (holds unexpired at now) and confirmed, what was delivered,
// what is free (capacity - held - confirmed, at least 0), and what is
// late (confirmed, not delivered, in a week that has ended). In JSON it
// is one array, [capacity, held, confirmed, delivered, free, late], so
// that a board of 30 workshops x 26 weeks stays under 20 KB.
type BoardCell struct {
	Capacity  int
	Held      int
	Confirmed int
	Delivered int
	Free      int
	Late      int
}

// MarshalJSON writes the cell as [capacity, held, confirmed, delivered,
// free, late].
func (c BoardCell) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 32)
	b = append(b, '[')
	for i, v := range [...]int{c.Capacity, c.Held, c.Confirmed, c.Delivered, c.Free, c.Late} {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(v), 10)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads what MarshalJSON writes: six whole numbers, none
// negative.
func (c *BoardCell) UnmarshalJSON(data []byte) error {
	var v []int
	if err := json.Unmarshal(data, &v); err != nil || len(v) != 6 {
		return invalid("cell", "", cBoardCell)
	}
	for _, n := range v {
		if n < 0 {
			return invalid("cell", strconv.Itoa(n), cNonNegative)
		}
	}
	*c = BoardCell{v[0], v[1], v[2], v[3], v[4], v[5]}
	return nil
}

func (c *BoardCell) add(d BoardCell) {
	c.Capacity += d.Capacity
	c.Held += d.Held
	c.Confirmed += d.Confirmed
	c.Delivered += d.Delivered
	c.Free += d.Free
	c.Late += d.Late
}

// Board returns the board of q at now: for each producer and week, the
// capacity (the calendar entry, else PerWeek), held, confirmed, delivered, free and late pieces, with totals
// per producer, per week and in all, and the weeks a calendar entry
// closed. It reads the calendar and the usage of the slots once, and
// again until both reads agree. Board's cells sum the bookings' lines:
// confirmed in a cell is the pieces of confirmed bookings' lines in its
// slots, held of live holds'.
//
// Errors: an *InputError wrapping ErrInvalid for a zero From, Weeks
// outside [1, MaxWeeks] or past the year 9999, an unknown technique, a
// producer Allocate refuses or whose ID breaks batik's rule for IDs,
// repeated producer IDs, more than MaxProducerWeeks producers x weeks;
// ErrContention when the calendar kept changing while it was read; the
// store's errors. O(producers x weeks + slots read); safe for concurrent
// use.
func (l *Ledger) Board(ctx context.Context, now time.Time, q BoardQuery) (Board, error) {
	if q.Technique != "" && !q.Technique.Valid() {
		return Board{}, invalid("technique", quote(string(q.Technique)), cTechnique)
	}
	if err := checkRange(q.From, q.Weeks, q.Producers); err != nil {
		return Board{}, err
	}
	prods := slices.Clone(q.Producers)
	slices.SortFunc(prods, func(a, b batik.Producer) int { return cmp.Compare(a.ID, b.ID) })
	s, err := l.snapshot(ctx, prods, q.Technique, q.From, q.Weeks, now, true)
	if err != nil {
		return Board{}, err
	}
	closed := make(map[Slot]bool)
	for _, e := range s.cal {
		if e.Capacity == 0 {
			closed[Slot{e.ProducerID, e.Technique, e.Week}] = true
		}
	}
	today := batik.DateOf(now)
	b := Board{From: q.From, Technique: q.Technique, Rows: make([]BoardRow, 0, len(prods)), Totals: make([]BoardCell, q.Weeks)}
	for k := range q.Weeks {
		b.Weeks = append(b.Weeks, q.From.Add(k))
	}
	for _, p := range prods {
		row := BoardRow{ProducerID: p.ID, Cells: make([]BoardCell, q.Weeks), Closed: []int{}, Late: []int{}}
		for k, w := range b.Weeks {
			cell, shut := BoardCell{}, false
			for _, c := range p.Capabilities {
				if q.Technique != "" && c.Technique != q.Technique {
					continue
				}
				i := s.at(p.ID, c.Technique, w)
				d := BoardCell{Capacity: int(s.capac[i]), Held: int(s.held[i]), Confirmed: int(s.confirmed[i]),
					Delivered: int(s.delivered[i]), Free: int(s.free[i])}
				if w.Sunday().Before(today) {
					d.Late = max(d.Confirmed-d.Delivered, 0)
				}
				cell.add(d)
				shut = shut || closed[Slot{p.ID, c.Technique, w}] || closed[Slot{p.ID, "", w}]
			}
			row.Cells[k] = cell
			row.Total.add(cell)
			b.Totals[k].add(cell)
			if shut && cell.Capacity == 0 {
				row.Closed = append(row.Closed, k)
			}
			if cell.Late > 0 {
				row.Late = append(row.Late, k)
			}
		}
		b.Total.add(row.Total)
		b.Rows = append(b.Rows, row)
	}
	return b, nil
}
