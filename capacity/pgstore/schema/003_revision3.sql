-- Version 3: what revision 3 of the ledger keeps beside a booking (its
-- canonical request, its orders and skipped producers, its change log and
-- its keyed delivery calls), indexes for pages of bookings and for sweeping
-- holds, and the hold rule as SQL functions for reports.

-- The canonical request beside its hash (NULL for bookings made before
-- version 3: a replay is matched by their hash alone), and what the
-- booking says per order and of the producers Allocate skipped (JSON
-- arrays of {order_id, booked, unfilled, reason} and {producer_id,
-- reason}).
ALTER TABLE {{schema}}.bookings
    ADD COLUMN canonical bytea,
    ADD COLUMN orders    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(orders) = 'array'),
    ADD COLUMN skipped   jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(skipped) = 'array');

-- Bookings made before: their orders are derived from their lines and
-- unfilled pieces, without a reason (none was kept); skipped stays [].
UPDATE {{schema}}.bookings b SET orders = COALESCE((
    SELECT jsonb_agg(jsonb_build_object('order_id', o.id, 'booked', o.booked, 'unfilled', o.unfilled) ORDER BY o.id)
    FROM (SELECT x.id, sum(x.booked)::bigint AS booked, sum(x.unfilled)::bigint AS unfilled
          FROM (SELECT l.order_id AS id, l.quantity AS booked, 0 AS unfilled
                FROM {{schema}}.booking_lines l WHERE l.booking_id = b.id
                UNION ALL
                SELECT u.key COLLATE "C", 0, u.value::bigint FROM jsonb_each_text(b.unfilled) u) x
          GROUP BY x.id) o), '[]');

-- The change log: one row per version of a booking, at the caller's clock,
-- with the actor of the change ('' when none was given), the operation and
-- a delivery call's key. Bookings made before version 3 have no rows for
-- the versions they had then.
CREATE TABLE {{schema}}.history (
    booking_id bigint NOT NULL REFERENCES {{schema}}.bookings (id) ON DELETE CASCADE,
    version    bigint NOT NULL CHECK (version > 0),
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    op         text NOT NULL,
    call_key   text COLLATE "C",
    PRIMARY KEY (booking_id, version)
);

-- Keyed delivery calls, one per (booking, call key): the request's hash,
-- the deliveries (a JSON array of {order_id, producer_id, technique, week,
-- quantity}), the version the call made, when, and DeliverInspected's
-- record of the lot and its verdict.
CREATE TABLE {{schema}}.delivery_calls (
    booking_id bigint NOT NULL REFERENCES {{schema}}.bookings (id) ON DELETE CASCADE,
    call_key   text COLLATE "C" NOT NULL,
    request    text NOT NULL,
    deliveries jsonb NOT NULL CHECK (jsonb_typeof(deliveries) = 'array'),
    version    bigint NOT NULL CHECK (version > 0),
    at         timestamptz NOT NULL,
    inspection bytea,
    PRIMARY KEY (booking_id, call_key)
);

-- Pages of bookings follow (created, key); a state filter is judged on
-- the rows in that order.
CREATE INDEX bookings_page ON {{schema}}.bookings (created, key);

-- Every hold by expiry (with or without lines): Sweep takes them earliest
-- first, and Commit finds the lapsed ones in the range hold_until <= now.
DROP INDEX {{schema}}.bookings_held;
CREATE INDEX bookings_holds ON {{schema}}.bookings (hold_until, hold_until_ns, key) WHERE state = 'held';

-- The hold rule, for reports as for this package's own reads: a booking
-- whose state is 'held' and whose hold_until (with hold_until_ns, the
-- nanoseconds past its microsecond) is at or before the time "at" (with
-- at_ns) reads as 'expired'; any other state reads as it is.
CREATE FUNCTION {{schema}}.state_at(state text, hold_until timestamptz, hold_until_ns integer, at timestamptz, at_ns integer DEFAULT 0)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN $1 = 'held' AND ($2 < $4 OR ($2 = $4 AND $3 <= $5)) THEN 'expired' ELSE $1 END
$$;

-- The bookings as they stand at a time (default: the server's clock).
CREATE FUNCTION {{schema}}.bookings_at(at timestamptz DEFAULT now(), at_ns integer DEFAULT 0)
RETURNS TABLE (id bigint, key text, state text, hold_until timestamptz, request text, version bigint,
               created timestamptz, updated timestamptz)
LANGUAGE sql STABLE AS $$
    SELECT b.id, b.key, {{schema}}.state_at(b.state, b.hold_until, b.hold_until_ns, $1, $2), b.hold_until,
           b.request, b.version, b.created, b.updated
    FROM {{schema}}.bookings b
$$;

-- The pieces per slot of the holds lapsed at a time that no commit,
-- SetCalendar or Sweep has released yet (they are still in slots.held).
CREATE FUNCTION {{schema}}.lapsed_held(at timestamptz DEFAULT now(), at_ns integer DEFAULT 0)
RETURNS TABLE (producer_id text, technique text, week text, held bigint)
LANGUAGE sql STABLE AS $$
    SELECT l.producer_id, l.technique, l.week, sum(l.quantity)::bigint
    FROM {{schema}}.bookings b JOIN {{schema}}.booking_lines l ON l.booking_id = b.id
    WHERE b.state = 'held' AND b.hold_until <= $1
      AND {{schema}}.state_at(b.state, b.hold_until, b.hold_until_ns, $1, $2) = 'expired'
    GROUP BY l.producer_id, l.technique, l.week
$$;

-- The slots as they stand at a time: held counts only the holds that have
-- not lapsed then. touched is false for the rows no booking touched (made
-- by SetCalendar, or for a change that was refused): Usage leaves them out.
CREATE FUNCTION {{schema}}.slots_at(at timestamptz DEFAULT now(), at_ns integer DEFAULT 0)
RETURNS TABLE (producer_id text, technique text, week text, capacity bigint, held bigint, confirmed bigint,
               delivered bigint, touched boolean)
LANGUAGE sql STABLE AS $$
    SELECT s.producer_id, s.technique, s.week, s.capacity, s.held - COALESCE(x.held, 0), s.confirmed, s.delivered, s.touched
    FROM {{schema}}.slots s LEFT JOIN {{schema}}.lapsed_held($1, $2) x
      ON x.producer_id = s.producer_id AND x.technique = s.technique AND x.week = s.week
$$;
