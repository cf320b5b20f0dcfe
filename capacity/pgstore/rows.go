package pgstore

// Moving records in and out of SQL: the arrays a statement unnests, the
// rows a batch returns, and a booking as the database gives it back.

import (
	"fmt"
	"maps"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
)

func scanIDs(br pgx.BatchResults) ([]int64, error) {
	rows, err := br.Query()
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}

// scanSlotSums reads rows of (producer, technique, week, pieces).
func scanSlotSums(br pgx.BatchResults, f func(capacity.Slot, int64)) error {
	rows, err := br.Query()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p, t, w string
		var q int64
		if err := rows.Scan(&p, &t, &w, &q); err != nil {
			return err
		}
		sl, err := slotOf(p, t, w)
		if err != nil {
			return err
		}
		f(sl, q)
	}
	return rows.Err()
}

// scanSlots reads rows of (producer, technique, week).
func scanSlots(br pgx.BatchResults, f func(capacity.Slot)) error {
	rows, err := br.Query()
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var p, t, w string
		if err := rows.Scan(&p, &t, &w); err != nil {
			return err
		}
		sl, err := slotOf(p, t, w)
		if err != nil {
			return err
		}
		f(sl)
	}
	return rows.Err()
}

type slotArrays struct{ p, t, w []string }

func newSlotArrays(n int) slotArrays {
	return slotArrays{make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)}
}

func (a *slotArrays) add(s capacity.Slot) {
	a.p, a.t, a.w = append(a.p, s.ProducerID), append(a.t, string(s.Technique)), append(a.w, s.Week.String())
}

type lineArrays struct {
	o, p, t, w, c []string
	q, d          []int64
}

func newLineArrays(ls []capacity.BookingLine) lineArrays {
	a := lineArrays{o: []string{}, p: []string{}, t: []string{}, w: []string{}} // empty arrays, not NULL
	for _, l := range ls {
		a.o, a.p, a.t, a.w = append(a.o, l.OrderID), append(a.p, l.ProducerID), append(a.t, string(l.Technique)), append(a.w, l.Week.String())
		a.q, a.d, a.c = append(a.q, int64(l.Quantity)), append(a.d, int64(l.Delivered)), append(a.c, l.UnitCost.String())
	}
	return a
}

// holdUntil returns b's HoldUntil as the bookings table keeps it: the
// time to the microsecond (nil for none) and the nanoseconds past it.
func holdUntil(b capacity.Booking) (*time.Time, int32) {
	if b.HoldUntil.IsZero() {
		return nil, 0
	}
	t, ns := micro(b.HoldUntil)
	return &t, ns
}

// micro splits t into its microsecond (in UTC) and the nanoseconds past
// it, what timestamptz keeps and what it drops (pgx sends a time's
// microsecond, rounded down, as this does).
func micro(t time.Time) (time.Time, int32) {
	u := t.UTC().Truncate(time.Microsecond)
	return u, int32(t.Sub(u))
}

// nanos returns now's nanoseconds past its microsecond, the $NS of
// expiredAt.
func nanos(now time.Time) int32 {
	_, ns := micro(now)
	return ns
}

// normalize returns a copy of b as the database gives it back: times in
// UTC, Created and Updated to the microsecond (HoldUntil exactly), empty
// lines and unfilled as empty (not nil).
func normalize(b capacity.Booking) capacity.Booking {
	if b.Lines == nil {
		b.Lines = []capacity.BookingLine{}
	}
	if b.Unfilled == nil {
		b.Unfilled = map[string]int{}
	} else {
		b.Unfilled = maps.Clone(b.Unfilled)
	}
	if !b.HoldUntil.IsZero() {
		b.HoldUntil = b.HoldUntil.UTC()
	}
	b.Created = utcMicro(b.Created)
	b.Updated = utcMicro(b.Updated)
	return b
}

func utcMicro(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

func slotOf(p, t, w string) (capacity.Slot, error) {
	wk, err := capacity.ParseWeek(w)
	if err != nil {
		return capacity.Slot{}, fmt.Errorf("pgstore: stored week: %w", err)
	}
	return capacity.Slot{ProducerID: p, Technique: batikTechnique(t), Week: wk}, nil
}
