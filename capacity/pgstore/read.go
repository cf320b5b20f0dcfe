package pgstore

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/batikkit/batikkit/batik"
	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
	"github.com/shopspring/decimal"
)

// querier is what the readers need: a pool, or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// Booking returns the booking with the key, with a hold expired at now
// reported as Expired, or an error wrapping capacity.ErrNotFound. One
// statement (one consistent snapshot), O(lines).
func (s *Store) Booking(ctx context.Context, key string, now time.Time) (capacity.Booking, error) {
	if checkText("key", key) != nil { // no booking can have it
		return capacity.Booking{}, fmt.Errorf("pgstore: booking %s: %w", quote(key), capacity.ErrNotFound)
	}
	var b capacity.Booking
	err := s.retry(ctx, "booking "+quote(key), func() error {
		var err error
		b, err = s.readBooking(ctx, s.pool, key, now)
		return err
	})
	return b, err
}

func (s *Store) readBooking(ctx context.Context, q querier, key string, now time.Time) (capacity.Booking, error) {
	rows, err := q.Query(ctx, s.q.bookingByKey, key)
	if err != nil {
		return capacity.Booking{}, err
	}
	bs, err := scanBookings(rows, now)
	if err != nil {
		return capacity.Booking{}, err
	}
	if len(bs) == 0 {
		return capacity.Booking{}, answer(fmt.Errorf("pgstore: booking %s: %w", quote(key), capacity.ErrNotFound))
	}
	return bs[0], nil
}

// Bookings returns the bookings with a line for f.OrderID, for
// f.ProducerID, or (both given) a line for both; every booking when f is
// empty. They come by key (byte order), lines by order ID then slot, from
// one statement. O(bookings x lines).
func (s *Store) Bookings(ctx context.Context, f capacity.BookingFilter, now time.Time) ([]capacity.Booking, error) {
	if (f.OrderID != "" && checkText("order ID", f.OrderID) != nil) || (f.ProducerID != "" && checkText("producer ID", f.ProducerID) != nil) {
		return []capacity.Booking{}, nil // no booking can have it
	}
	var out []capacity.Booking
	err := s.retry(ctx, "bookings", func() error {
		var rows pgx.Rows
		var err error
		switch {
		case f.OrderID != "" && f.ProducerID != "":
			rows, err = s.pool.Query(ctx, s.q.bookingsBoth, f.OrderID, f.ProducerID)
		case f.OrderID != "":
			rows, err = s.pool.Query(ctx, s.q.bookingsByOrder, f.OrderID)
		case f.ProducerID != "":
			rows, err = s.pool.Query(ctx, s.q.bookingsByProducer, f.ProducerID)
		default:
			rows, err = s.pool.Query(ctx, s.q.bookingsAll)
		}
		if err != nil {
			return err
		}
		out, err = scanBookings(rows, now)
		return err
	})
	return out, err
}

// scanBookings reads rows of bookingCols (one per line, or one with NULL
// line columns for a booking without lines), grouped by booking.
func scanBookings(rows pgx.Rows, now time.Time) ([]capacity.Booking, error) {
	defer rows.Close()
	out := []capacity.Booking{}
	lastID := int64(-1)
	for rows.Next() {
		var (
			id                      int64
			key, state, request     string
			holdUntil               *time.Time
			holdNs                  int32
			unfilled                []byte
			version                 int64
			created, updated        time.Time
			order, prod, tech, week *string
			qty, delivered          *int64
			cost                    *string
		)
		if err := rows.Scan(&id, &key, &state, &holdUntil, &holdNs, &request, &unfilled, &version, &created, &updated,
			&order, &prod, &tech, &week, &qty, &delivered, &cost); err != nil {
			return nil, err
		}
		if id != lastID {
			lastID = id
			st, err := capacity.ParseState(state)
			if err != nil {
				return nil, fmt.Errorf("pgstore: stored booking %s: %w", quote(key), err)
			}
			b := capacity.Booking{Key: key, State: st, Request: request, Version: version,
				Created: created.UTC(), Updated: updated.UTC(), Lines: []capacity.BookingLine{}}
			if holdUntil != nil {
				b.HoldUntil = holdUntil.UTC().Add(time.Duration(holdNs))
			}
			if st == capacity.Held && !b.HoldUntil.After(now) {
				b.State = capacity.Expired
			}
			if err := json.Unmarshal(unfilled, &b.Unfilled); err != nil {
				return nil, fmt.Errorf("pgstore: stored booking %s: unfilled: %w", quote(key), err)
			}
			if b.Unfilled == nil {
				b.Unfilled = map[string]int{}
			}
			out = append(out, b)
		}
		if order == nil {
			continue
		}
		sl, err := slotOf(*prod, *tech, *week)
		if err != nil {
			return nil, err
		}
		uc, err := decimal.NewFromString(*cost)
		if err != nil {
			return nil, fmt.Errorf("pgstore: stored booking %s: unit cost %q: %w", quote(key), *cost, err)
		}
		b := &out[len(out)-1]
		b.Lines = append(b.Lines, capacity.BookingLine{OrderID: *order, Slot: sl, Quantity: int(*qty), Delivered: int(*delivered), UnitCost: uc})
	}
	return out, rows.Err()
}

// Usage returns the slots of q that any booking touched, in slot order,
// with the pieces of holds expired at now not counted as held. One
// statement; O(slots + their lines).
func (s *Store) Usage(ctx context.Context, q capacity.SlotQuery, now time.Time) ([]capacity.SlotUsage, error) {
	if err := checkQuery("usage", q); err != nil {
		return nil, err
	}
	from, to := q.From.String(), q.To.String()
	out := []capacity.SlotUsage{}
	ids, ok := producers(q)
	if !ok {
		return out, nil
	}
	err := s.retry(ctx, "usage", func() error {
		rows, err := s.pool.Query(ctx, s.q.usage, now.UTC(), ids, string(q.Technique), from, to, nanos(now))
		if err != nil {
			return err
		}
		defer rows.Close()
		out = out[:0]
		for rows.Next() {
			var p, t, w string
			var capa, held, conf, del int64
			if err := rows.Scan(&p, &t, &w, &capa, &held, &conf, &del); err != nil {
				return err
			}
			sl, err := slotOf(p, t, w)
			if err != nil {
				return err
			}
			out = append(out, capacity.SlotUsage{Slot: sl, Held: int(held), Confirmed: int(conf), Delivered: int(del), Capacity: int(capa), Recorded: true})
		}
		return rows.Err()
	})
	return out, err
}

// checkQuery refuses, wrapping capacity.ErrInvalid, a query without both
// weeks or with To before From, as the memory store does.
func checkQuery(op string, q capacity.SlotQuery) error {
	switch {
	case q.From.IsZero():
		return fmt.Errorf("pgstore: %s: query.from is not a week: %w", op, capacity.ErrInvalid)
	case q.To.IsZero():
		return fmt.Errorf("pgstore: %s: query.to is not a week: %w", op, capacity.ErrInvalid)
	case q.To.Before(q.From):
		return fmt.Errorf("pgstore: %s: query.to %s is before query.from %s: %w", op, q.To, q.From, capacity.ErrInvalid)
	case q.Technique != "" && !q.Technique.Valid():
		return fmt.Errorf("pgstore: %s: query.technique %s is unknown: %w", op, quote(string(q.Technique)), capacity.ErrInvalid)
	}
	return nil
}

// producers returns the producer IDs of q that a booking could have (an
// empty list: every producer), and false when q names producers and none
// of them could exist (the query's answer is then empty, without asking
// the server, which would refuse a NUL byte or invalid UTF-8).
func producers(q capacity.SlotQuery) ([]string, bool) {
	ids := make([]string, 0, len(q.ProducerIDs))
	for _, id := range q.ProducerIDs {
		if checkText("producer ID", id) == nil {
			ids = append(ids, id)
		}
	}
	return ids, len(ids) > 0 || len(q.ProducerIDs) == 0
}

func batikTechnique(t string) batik.Technique { return batik.Technique(t) }
