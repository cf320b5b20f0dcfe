package pgstore

import (
	"context"
	"strconv"
	"time"

	"github.com/batikkit/batikkit/capacity"
	"github.com/jackc/pgx/v5"
)

// Sweep marks up to limit holds lapsed at before (HoldUntil at or before
// it) expired, earliest first, releasing their pieces, each a new version
// with an expire entry at now by actor in its history, and returns how
// many it marked, as capacity.Store says. A hold another transaction has
// locked is skipped (SKIP LOCKED), left for a later Sweep. One
// transaction of three round trips; O(limit x their lines), through the
// bookings_holds index. Safe for concurrent use, beside commits.
func (s *Store) Sweep(ctx context.Context, before, now time.Time, limit int, actor string) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if err := capacity.ValidateActor(actor); err != nil {
		return 0, err
	}
	if limit < 1 {
		return 0, nil
	}
	at, ns := micro(before)
	n := 0
	err := s.retry(ctx, "limit", strconv.Itoa(limit), true, func() error {
		return s.transact(ctx, func(t *txn) error {
			st := newBatchState(s)
			b := &pgx.Batch{}
			b.Queue(s.q.sweepLapsed, at, ns, limit).Query(st.scanLapsed)
			if err := t.send(ctx, b, false); err != nil {
				return err
			}
			st.settle()
			if err := st.lockRows(ctx, t, nil, nil, map[capacity.Slot]bool{}, nil); err != nil {
				return err
			}
			for _, bk := range st.order {
				st.expire(bk, now, actor)
			}
			n = len(st.order)
			return st.write(ctx, t, nil)
		})
	})
	return n, err
}
