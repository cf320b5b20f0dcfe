package pgstore

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/require"
)

// requireConsistent checks the ledger's invariants in SQL, whatever wrote
// the rows: every slot within capacity with delivered <= confirmed, the
// slot sums equal to the lines of the bookings that take capacity (held
// lines in held, confirmed lines in confirmed, delivered pieces of those),
// the deliveries log summing to each slot's delivered, and one booking per
// key.
func requireConsistent(t testing.TB, pool *pgxpool.Pool, schema string) {
	t.Helper()
	ctx := context.Background()
	id := pgx.Identifier{schema}.Sanitize()
	var bad int
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM `+id+`.slots
		WHERE held < 0 OR confirmed < 0 OR delivered < 0 OR held + confirmed > capacity OR delivered > confirmed`).Scan(&bad))
	require.Zero(t, bad, "slots over capacity or delivering more than confirmed")

	rows, err := pool.Query(ctx, `SELECT s.producer_id, s.technique, s.week, s.held, s.confirmed, s.delivered,
			COALESCE(x.held, 0), COALESCE(x.confirmed, 0), COALESCE(x.delivered, 0)
		FROM `+id+`.slots s LEFT JOIN (
			SELECT l.producer_id, l.technique, l.week,
				sum(l.quantity) FILTER (WHERE b.state = 'held') AS held,
				sum(l.quantity) FILTER (WHERE b.state = 'confirmed') AS confirmed,
				sum(l.delivered) FILTER (WHERE b.state = 'confirmed') AS delivered
			FROM `+id+`.booking_lines l JOIN `+id+`.bookings b ON b.id = l.booking_id
			GROUP BY l.producer_id, l.technique, l.week) x
		  ON x.producer_id = s.producer_id AND x.technique = s.technique AND x.week = s.week
		WHERE s.held <> COALESCE(x.held, 0) OR s.confirmed <> COALESCE(x.confirmed, 0) OR s.delivered <> COALESCE(x.delivered, 0)`)
	require.NoError(t, err)
	n := 0
	for rows.Next() {
		var p, tech, w string
		var h, c, d, lh, lc, ld int64
		require.NoError(t, rows.Scan(&p, &tech, &w, &h, &c, &d, &lh, &lc, &ld))
		t.Errorf("slot %s/%s/%s: sums held %d confirmed %d delivered %d, lines %d %d %d", p, tech, w, h, c, d, lh, lc, ld)
		n++
	}
	require.NoError(t, rows.Err())
	require.Zero(t, n, "slot sums differ from the lines")

	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM `+id+`.slots s
		WHERE s.delivered <> COALESCE((SELECT sum(d.quantity) FROM `+id+`.deliveries d
			WHERE d.producer_id = s.producer_id AND d.technique = s.technique AND d.week = s.week), 0)`).Scan(&bad))
	require.Zero(t, bad, "slots whose delivered differs from the deliveries log")

	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT key FROM `+id+`.bookings GROUP BY key HAVING count(*) > 1) d`).Scan(&bad))
	require.Zero(t, bad, "keys with more than one booking")
	require.NoError(t, pool.QueryRow(ctx, `SELECT count(*) FROM `+id+`.bookings b
		WHERE b.state IN ('held', 'confirmed') AND NOT EXISTS (SELECT 1 FROM `+id+`.booking_lines l WHERE l.booking_id = b.id)
		  AND b.unfilled = '{}'::jsonb`).Scan(&bad))
	require.Zero(t, bad, "bookings taking capacity without lines (half-written)")
}
