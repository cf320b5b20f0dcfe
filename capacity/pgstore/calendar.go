package pgstore

import (
	"context"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/jackc/pgx/v5"
)

// SetCalendar records e as capacity.Store says, in one transaction of
// three round trips: it creates the rows of the slots the entry may
// govern if missing (so that a commit creating one at the same moment is
// serialized with it), locks the holds lapsed at now in the producer's
// week, then every slot involved in slot order; it marks the lapsed holds
// in the governed slots expired (releasing their pieces), refuses with
// capacity's ErrNoRoom when a governed slot holds and confirms more than
// e.Capacity, and otherwise writes the entry and records its capacity on
// those slots. The governed slots are e.Technique's, or with an empty
// technique every technique of the producer that week without an entry
// of its own. e is checked by CalendarEntry.Validate first. Safe for
// concurrent use.
func (s *Store) SetCalendar(ctx context.Context, e capacity.CalendarEntry, now time.Time) error {
	if s.err != nil {
		return s.err
	}
	if err := e.Validate(); err != nil {
		return err
	}
	week := e.Week.String()
	var techs []string
	for _, t := range batik.Techniques() {
		if e.Technique == "" || t == e.Technique {
			techs = append(techs, string(t))
		}
	}
	at, ns := micro(now)
	return s.retry(ctx, "entry", msg.Quote(e.ProducerID+"/"+string(e.Technique)+"/"+week), true, func() error {
		return s.transact(ctx, func(t *txn) error {
			st := newBatchState(s)
			b := &pgx.Batch{}
			b.Queue(s.q.calendarSlots, e.ProducerID, techs, week, e.Capacity)
			b.Queue(s.q.calendarLapsed, at, ns, e.ProducerID, week).Query(st.scanLapsed)
			if err := t.send(ctx, b, false); err != nil {
				return err
			}
			st.settle()
			need := map[capacity.Slot]bool{}
			for _, tc := range techs {
				need[capacity.Slot{ProducerID: e.ProducerID, Technique: batik.Technique(tc), Week: e.Week}] = true
			}
			var governed []capacity.Slot
			err := st.lockRows(ctx, t, nil, nil, need, func(b *pgx.Batch) {
				b.Queue(s.q.lockCalendarSlots, e.ProducerID, string(e.Technique), week).Query(func(rows pgx.Rows) error {
					return eachRow(rows, func() error {
						var tc string
						err := rows.Scan(&tc)
						governed = append(governed, capacity.Slot{ProducerID: e.ProducerID, Technique: batik.Technique(tc), Week: e.Week})
						return err
					})
				})
			})
			if err != nil {
				return err
			}
			refused := st.calendar(e, governed, now)
			if refused != nil {
				// The holds it released stay released: they had lapsed.
				if err := st.write(ctx, t, nil); err != nil {
					return err
				}
				return answer(refused)
			}
			return st.write(ctx, t, func(b *pgx.Batch) {
				b.Queue(s.q.upsertCalendar, e.ProducerID, string(e.Technique), week, e.Capacity)
			})
		})
	})
}

// calendar decides a calendar entry on the locked governed slots: it
// releases the holds lapsed at now in them, then refuses the entry when
// one holds and confirms more than its capacity, or records the capacity.
func (st *batchState) calendar(e capacity.CalendarEntry, governed []capacity.Slot, now time.Time) error {
	for _, sl := range governed {
		st.releaseLapsed(sl, now, "")
	}
	for _, sl := range governed {
		if r := st.row(sl); r.held+r.confirmed > int64(e.Capacity) {
			return capacity.BelowTakenError(sl, int(r.held+r.confirmed), e.Capacity)
		}
	}
	for _, sl := range governed {
		r := st.row(sl)
		r.capacity, r.changed = int64(e.Capacity), true
	}
	return nil
}

// Calendar returns the entries for the slots of q (for q.Technique, the
// entries of that technique and those with none), ordered by producer ID,
// technique ("" first) and week. q is checked by SlotQuery.Validate. One
// round trip. Safe for concurrent use.
func (s *Store) Calendar(ctx context.Context, q capacity.SlotQuery) ([]capacity.CalendarEntry, error) {
	if s.err != nil {
		return nil, s.err
	}
	if err := q.Validate(); err != nil {
		return nil, err
	}
	out := []capacity.CalendarEntry{}
	ids, ok := producers(q)
	if !ok {
		return out, nil
	}
	err := s.read(ctx, "query", msg.Quote(q.From.String()+".."+q.To.String()), func(b *pgx.Batch) {
		out = out[:0]
		b.Queue(s.q.calendar[min(len(ids), 1)], pgx.NamedArgs{"ids": ids, "tech": string(q.Technique),
			"from": q.From.String(), "to": q.To.String()}).Query(func(rows pgx.Rows) error {
			return eachRow(rows, func() error {
				var p, tc, w string
				var c int64
				if err := rows.Scan(&p, &tc, &w, &c); err != nil {
					return err
				}
				sl, err := slotOf(p, p, tc, w)
				out = append(out, capacity.CalendarEntry{ProducerID: p, Technique: sl.Technique, Week: sl.Week, Capacity: int(c)})
				return err
			})
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
