package pgstore

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
)

// SetCalendar records e in one transaction: it creates the rows of the
// slots the entry may govern if missing (so that a commit creating one at
// the same moment is serialized with it), locks the slots the entry
// governs (its technique's, or with an empty technique every technique of
// the producer that week without an entry of its own), refuses with
// capacity.ErrNoRoom when one of them holds and confirms more than
// e.Capacity (holds expired at now not counted), then writes the entry and
// records the new capacity on those slots. Bad input (an empty producer,
// a zero week, a capacity outside [0, 2147483647]) wraps
// capacity.ErrInvalid. Four round trips.
func (s *Store) SetCalendar(ctx context.Context, e capacity.CalendarEntry, now time.Time) error {
	if s.err != nil {
		return s.err
	}
	switch {
	case checkText("producer ID", e.ProducerID) != nil:
		return fmt.Errorf("pgstore: set calendar: %w", checkText("producer ID", e.ProducerID))
	case e.Technique != "" && !e.Technique.Valid():
		return fmt.Errorf("pgstore: set calendar %s: unknown technique %s: %w", quote(e.ProducerID), quote(string(e.Technique)), capacity.ErrInvalid)
	case e.Week.IsZero():
		return fmt.Errorf("pgstore: set calendar %s: zero week: %w", quote(e.ProducerID), capacity.ErrInvalid)
	case e.Capacity < 0 || e.Capacity > math.MaxInt32:
		return fmt.Errorf("pgstore: set calendar %s %s: capacity = %d: must be in [0, 2147483647]: %w", quote(e.ProducerID), e.Week, e.Capacity, capacity.ErrInvalid)
	}
	week := e.Week.String()
	techs := []string{string(e.Technique)}
	if e.Technique == "" {
		techs = techs[:0]
		for _, t := range batik.Techniques() {
			techs = append(techs, string(t))
		}
	}
	return s.run(ctx, "set calendar "+quote(e.ProducerID)+" "+week, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, s.q.calendarSlots, e.ProducerID, techs, week, e.Capacity); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, s.q.lockCalendarSlots, e.ProducerID, string(e.Technique), week)
		if err != nil {
			return err
		}
		techs, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			return err
		}
		if len(techs) > 0 {
			rows, err := tx.Query(ctx, s.q.calendarUsage, e.ProducerID, techs, week, now.UTC(), nanos(now))
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var t string
				var used int64
				if err := rows.Scan(&t, &used); err != nil {
					return err
				}
				if used > int64(e.Capacity) {
					return answer(fmt.Errorf("pgstore: set calendar %s: %d pieces are held and confirmed, more than capacity %d: %w",
						quote(e.ProducerID+"/"+t+"/"+week), used, e.Capacity, capacity.ErrNoRoom))
				}
			}
			if err := rows.Err(); err != nil {
				return err
			}
		}
		b := &pgx.Batch{}
		b.Queue(s.q.upsertCalendar, e.ProducerID, string(e.Technique), week, e.Capacity)
		if len(techs) > 0 {
			b.Queue(s.q.calendarCap, e.ProducerID, techs, week, e.Capacity)
		}
		return tx.SendBatch(ctx, b).Close()
	})
}

// Calendar returns the entries for the slots of q (for q.Technique, the
// entries of that technique and those with none), ordered by producer ID,
// technique ("" first) and week. One statement.
func (s *Store) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	if err := checkQuery("calendar", q); err != nil {
		return nil, err
	}
	from, to := q.From.String(), q.To.String()
	out := []capacity.CalendarEntry{}
	ids, ok := producers(q)
	if !ok {
		return out, nil
	}
	err := s.retry(ctx, "calendar", func() error {
		rows, err := s.pool.Query(ctx, s.q.calendar, ids, string(q.Technique), from, to)
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			var p, t, w string
			var c int64
			if err := rows.Scan(&p, &t, &w, &c); err != nil {
				return err
			}
			wk, err := capacity.ParseWeek(w)
			if err != nil {
				return fmt.Errorf("pgstore: stored calendar week: %w", err)
			}
			out = append(out, capacity.CalendarEntry{ProducerID: p, Technique: batikTechnique(t), Week: wk, Capacity: int(c)})
		}
		return rows.Err()
	})
	return out, err
}
