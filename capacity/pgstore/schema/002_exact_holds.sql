-- Version 2: holds expire to the nanosecond, and the bookings of an order
-- include those that could place none of it.
--
-- timestamptz keeps microseconds. hold_until_ns is the nanoseconds past
-- hold_until's microsecond (0 to 999), so that a hold expires exactly at
-- the HoldUntil it was given, as in the memory store, not up to 999 ns
-- early; a hold is expired at a caller's now when (hold_until,
-- hold_until_ns) <= now's (microsecond, nanoseconds past it). Rows from
-- version 1 get 0: their hold_until was stored to the microsecond, which
-- is when they have expired all along.
ALTER TABLE {{schema}}.bookings
    ADD COLUMN hold_until_ns integer NOT NULL DEFAULT 0 CHECK (hold_until_ns BETWEEN 0 AND 999);

-- Bookings by order read the orders of Unfilled too (unfilled ? order_id).
CREATE INDEX bookings_unfilled ON {{schema}}.bookings USING gin (unfilled);
