package pgstore

import "strings"

// queries holds the SQL of a Store with its schema name filled in.
type queries struct {
	insertBooking, lockBooking, findExpired, ownHolds               string
	expire, expiredLines                                            string
	insertSlots, lockSlots, updateSlots                             string
	updateBooking, deleteLines, upsertLines                         string
	bookingByKey, bookingsByOrder, bookingsByProducer, bookingsBoth string
	bookingsAll, usage                                              string
	calendarSlots, lockCalendarSlots, calendarUsage, upsertCalendar string
	calendarCap, insertDeliveries                                   string
	calendar                                                        string
}

// The slot columns and the unnest of a slot list, in the order every
// statement uses: producer ID, technique, week (all text, "C" collation).
const bookingCols = `b.id, b.key, b.state, b.hold_until, b.hold_until_ns, b.request, b.unfilled, b.version, b.created, b.updated,
	l.order_id, l.producer_id, l.technique, l.week, l.quantity, l.delivered, l.unit_cost::text`

// expiredAt is the condition "booking b's hold has expired at the
// caller's now", now being $1 to the microsecond and $NS the nanoseconds
// past it: hold_until <= $1 is a range of the bookings_held index, the
// rest compares nanoseconds within $1's microsecond.
const expiredAt = `b.hold_until <= $1 AND (b.hold_until < $1 OR b.hold_until_ns <= $NS)`

// expiredHeld sums, per slot, the pieces of holds expired at $1 ($6 the
// nanoseconds) that no commit has released yet: a short range of the
// bookings_held index.
var expiredHeld = `SELECT l.producer_id, l.technique, l.week, sum(l.quantity)::bigint AS q
	FROM S.bookings b JOIN S.booking_lines l ON l.booking_id = b.id
	WHERE b.state = 'held' AND b.has_lines AND ` + strings.ReplaceAll(expiredAt, "$NS", "$6") + ` AND l.week BETWEEN $4 AND $5
	GROUP BY l.producer_id, l.technique, l.week`

func newQueries(schema string) queries {
	r := strings.NewReplacer("S.", schema+".")
	q := queries{
		insertBooking: `INSERT INTO S.bookings (key, state, hold_until, hold_until_ns, request, unfilled, version, created, updated, has_lines)
			VALUES ($1, $2, $3, $9, $4, $5, 1, $6, $7, $8) ON CONFLICT (key) DO NOTHING RETURNING id`,
		lockBooking: `SELECT id, version, state, hold_until, hold_until_ns, created FROM S.bookings WHERE key = $1 FOR NO KEY UPDATE`,
		// The pieces a held booking holds per slot (its lines, summed).
		ownHolds: `SELECT l.producer_id, l.technique, l.week, sum(l.quantity)::bigint
			FROM S.booking_lines l JOIN S.bookings b ON b.id = l.booking_id
			WHERE b.key = $1 AND b.state = 'held' GROUP BY l.producer_id, l.technique, l.week`,
		// Held bookings expired at $1 with a line in one of the slots, other
		// than the booking being changed, locked. SKIP LOCKED: a hold that
		// another transaction has locked is being changed or released by
		// it; waiting for it could close a cycle (that transaction may wait
		// for this one's booking, expired at its clock), and leaving its
		// pieces counted only makes this change see less room, never more.
		findExpired: `SELECT b.id FROM S.bookings b
			WHERE b.state = 'held' AND b.has_lines AND ` + strings.ReplaceAll(expiredAt, "$NS", "$6") + ` AND b.key <> $2
			  AND b.id IN (SELECT e.id FROM S.bookings e
			               WHERE e.state = 'held' AND e.has_lines AND e.hold_until <= $1
			                 AND EXISTS (SELECT 1 FROM S.booking_lines l
			                             JOIN unnest($3::text[], $4::text[], $5::text[]) AS d(p, t, w)
			                               ON l.producer_id = d.p AND l.technique = d.t AND l.week = d.w
			                             WHERE l.booking_id = e.id))
			ORDER BY b.id FOR NO KEY UPDATE OF b SKIP LOCKED`,
		expire: `UPDATE S.bookings SET state = 'expired' WHERE id = ANY($1::bigint[]) AND state = 'held'`,
		expiredLines: `SELECT producer_id, technique, week, sum(quantity)::bigint FROM S.booking_lines
			WHERE booking_id = ANY($1::bigint[]) GROUP BY producer_id, technique, week`,
		// Slot rows are created only when missing from the statement's
		// snapshot: an INSERT that meets an existing row another
		// transaction is updating would wait for it, outside the lock
		// order.
		insertSlots: `INSERT INTO S.slots (producer_id, technique, week, capacity)
			SELECT p, t, w, c FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS d(p, t, w, c)
			WHERE NOT EXISTS (SELECT 1 FROM S.slots s WHERE s.producer_id = d.p AND s.technique = d.t AND s.week = d.w)
			ORDER BY p, t, w ON CONFLICT DO NOTHING`,
		// Every slot the change touches, locked in slot order: two
		// transactions never wait on each other's slots in a cycle. FOR NO
		// KEY UPDATE (what an UPDATE of the sums takes anyway) does not
		// block the KEY SHARE locks of foreign-key checks, so inserting a
		// line never waits for a slot's lock.
		lockSlots: `SELECT 1 FROM S.slots s
			WHERE (s.producer_id, s.technique, s.week) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
			ORDER BY s.producer_id, s.technique, s.week FOR NO KEY UPDATE OF s`,
		// The conditional update: a slot whose held + confirmed grows is
		// updated only when the result fits its capacity: the calendar's
		// (the technique's entry, else the producer's for the week) when
		// there is one, else the change's. Fewer rows than slots means no
		// room, and the transaction is rolled back. The rows are locked
		// already (lockSlots), so this statement's snapshot, taken after
		// the locks, sees any calendar entry committed before them.
		updateSlots: `UPDATE S.slots s SET
				held = s.held + d.dh, confirmed = s.confirmed + d.dc, delivered = s.delivered + d.dd, touched = true,
				capacity = CASE WHEN d.setcap AND s.held + s.confirmed + d.dh + d.dc <= d.cap THEN d.cap ELSE s.capacity END
			FROM (SELECT p, t, w, dh, dc, dd, setcap, grow, COALESCE(
					(SELECT c.capacity FROM S.calendar c WHERE c.producer_id = p AND c.technique = t AND c.week = w),
					(SELECT c.capacity FROM S.calendar c WHERE c.producer_id = p AND c.technique = '' AND c.week = w),
					cap) AS cap
				FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bool[], $9::bool[])
				AS u(p, t, w, cap, dh, dc, dd, setcap, grow)) d
			WHERE s.producer_id = d.p AND s.technique = d.t AND s.week = d.w
			  AND (NOT d.grow OR s.held + s.confirmed + d.dh + d.dc <= d.cap)
			RETURNING s.producer_id, s.technique, s.week`,
		updateBooking: `UPDATE S.bookings SET state = $2, hold_until = $3, request = $4, unfilled = $5, version = $6, updated = $7,
			has_lines = $8, hold_until_ns = $9 WHERE id = $1`,
		// The lines no longer in the booking. Lines that stay are updated
		// in place (upsertLines) rather than deleted and inserted again,
		// which would check their foreign keys for nothing.
		deleteLines: `DELETE FROM S.booking_lines l WHERE l.booking_id = $1
			AND (l.order_id, l.producer_id, l.technique, l.week) NOT IN (
				SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]))`,
		upsertLines: `INSERT INTO S.booking_lines AS l (booking_id, order_id, producer_id, technique, week, quantity, delivered, unit_cost)
			SELECT $1, o, p, t, w, q, dl, c::numeric
			FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::text[]) AS d(o, p, t, w, q, dl, c)
			ON CONFLICT (booking_id, order_id, producer_id, technique, week) DO UPDATE
			SET quantity = EXCLUDED.quantity, delivered = EXCLUDED.delivered, unit_cost = EXCLUDED.unit_cost
			WHERE (l.quantity, l.delivered, l.unit_cost) IS DISTINCT FROM (EXCLUDED.quantity, EXCLUDED.delivered, EXCLUDED.unit_cost)`,
		insertDeliveries: `INSERT INTO S.deliveries (booking_id, producer_id, technique, week, quantity, recorded)
			SELECT $1, p, t, w, q, $6 FROM unnest($2::text[], $3::text[], $4::text[], $5::bigint[]) AS d(p, t, w, q)`,
		bookingByKey: `SELECT ` + bookingCols + ` FROM S.bookings b LEFT JOIN S.booking_lines l ON l.booking_id = b.id
			WHERE b.key = $1 ORDER BY l.order_id, l.producer_id, l.technique, l.week`,
		bookingsAll: `SELECT ` + bookingCols + ` FROM S.bookings b LEFT JOIN S.booking_lines l ON l.booking_id = b.id
			ORDER BY b.key, l.order_id, l.producer_id, l.technique, l.week`,
		// A booking of the order has a line for it or lists it in
		// Unfilled (it could place none of it, or not all).
		bookingsByOrder: `SELECT ` + bookingCols + ` FROM S.bookings b LEFT JOIN S.booking_lines l ON l.booking_id = b.id
			WHERE b.id IN (SELECT booking_id FROM S.booking_lines WHERE order_id = $1
			               UNION SELECT id FROM S.bookings WHERE unfilled ? $1)
			ORDER BY b.key, l.order_id, l.producer_id, l.technique, l.week`,
		bookingsByProducer: `SELECT ` + bookingCols + ` FROM S.bookings b JOIN S.booking_lines l ON l.booking_id = b.id
			WHERE b.id IN (SELECT booking_id FROM S.booking_lines WHERE producer_id = $1)
			ORDER BY b.key, l.order_id, l.producer_id, l.technique, l.week`,
		bookingsBoth: `SELECT ` + bookingCols + ` FROM S.bookings b JOIN S.booking_lines l ON l.booking_id = b.id
			WHERE b.id IN (SELECT booking_id FROM S.booking_lines WHERE order_id = $1 AND producer_id = $2)
			ORDER BY b.key, l.order_id, l.producer_id, l.technique, l.week`,
		// Slots in range with the pieces of holds expired at $1 ($6) taken off
		// what is held (Commit releases them for good when it next touches
		// the slot).
		usage: `SELECT s.producer_id, s.technique, s.week, s.capacity, s.held - COALESCE(x.q, 0), s.confirmed, s.delivered
			FROM S.slots s LEFT JOIN (` + expiredHeld + `) x
			  ON x.producer_id = s.producer_id AND x.technique = s.technique AND x.week = s.week
			WHERE s.touched AND (cardinality($2::text[]) = 0 OR s.producer_id = ANY($2::text[]))
			  AND ($3 = '' OR s.technique = $3) AND s.week BETWEEN $4 AND $5
			ORDER BY s.producer_id, s.technique, s.week`,
		// The rows of the slots a calendar entry may govern, created if
		// missing (untouched, so Usage does not show them): a commit
		// creating one at the same moment waits for this transaction, or
		// this one for it, instead of missing each other.
		calendarSlots: `INSERT INTO S.slots (producer_id, technique, week, capacity, touched)
			SELECT $1, t, $3, $4, false FROM unnest($2::text[]) AS d(t) ORDER BY t ON CONFLICT DO NOTHING`,
		// The slots a calendar entry governs: its technique's, or with no
		// technique every technique without an entry of its own that week.
		lockCalendarSlots: `SELECT s.technique FROM S.slots s
			WHERE s.producer_id = $1 AND s.week = $3
			  AND (($2 <> '' AND s.technique = $2) OR ($2 = '' AND NOT EXISTS (
			       SELECT 1 FROM S.calendar c WHERE c.producer_id = s.producer_id AND c.week = s.week AND c.technique = s.technique)))
			ORDER BY s.technique FOR NO KEY UPDATE OF s`,
		calendarUsage: `SELECT s.technique, s.held - COALESCE(x.q, 0) + s.confirmed
			FROM S.slots s LEFT JOIN (` + strings.NewReplacer("$1", "$4", "$6", "$5", "BETWEEN $4 AND $5", "= $3").Replace(expiredHeld) + `) x
			  ON x.producer_id = s.producer_id AND x.technique = s.technique AND x.week = s.week
			WHERE s.producer_id = $1 AND s.week = $3 AND s.technique = ANY($2::text[])
			ORDER BY s.technique`,
		upsertCalendar: `INSERT INTO S.calendar (producer_id, technique, week, capacity) VALUES ($1, $2, $3, $4)
			ON CONFLICT (producer_id, technique, week) DO UPDATE SET capacity = EXCLUDED.capacity`,
		calendarCap: `UPDATE S.slots SET capacity = $4
			WHERE producer_id = $1 AND week = $3 AND technique = ANY($2::text[]) AND held + confirmed <= $4`,
		calendar: `SELECT producer_id, technique, week, capacity FROM S.calendar
			WHERE (cardinality($1::text[]) = 0 OR producer_id = ANY($1::text[]))
			  AND ($2 = '' OR technique = $2 OR technique = '') AND week BETWEEN $3 AND $4
			ORDER BY producer_id, technique, week`,
	}
	for _, p := range []*string{&q.insertBooking, &q.lockBooking, &q.ownHolds, &q.findExpired, &q.expire, &q.expiredLines,
		&q.insertSlots, &q.lockSlots, &q.updateSlots, &q.updateBooking, &q.deleteLines, &q.upsertLines,
		&q.bookingByKey, &q.bookingsAll, &q.bookingsByOrder, &q.bookingsByProducer, &q.bookingsBoth, &q.usage,
		&q.calendarSlots, &q.lockCalendarSlots, &q.calendarUsage, &q.upsertCalendar, &q.calendarCap, &q.calendar, &q.insertDeliveries} {
		*p = r.Replace(*p)
	}
	return q
}
