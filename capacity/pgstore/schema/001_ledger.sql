-- Version 1: the capacity ledger. {{schema}} is replaced by the quoted
-- schema name. Text keys use the "C" collation so that ORDER BY sorts by
-- bytes, as Go's strings.Compare and capacity.Slot.Compare do: slot rows
-- are locked in that order, and readers return rows in it.

-- One row per (producer, technique, ISO week) that a booking touched
-- (touched) or a calendar entry governs: the sums of the bookings' lines in
-- it. The CHECK keeps the invariant in the database as well, so a bug in
-- Go cannot overbook either. SetCalendar creates the rows it governs, so
-- that it and a commit creating the same row wait for each other.
CREATE TABLE {{schema}}.slots (
    producer_id text COLLATE "C" NOT NULL CHECK (producer_id <> ''),
    technique   text COLLATE "C" NOT NULL CHECK (technique <> ''),
    week        text COLLATE "C" NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    capacity    bigint NOT NULL CHECK (capacity BETWEEN 0 AND 2147483647),
    held        bigint NOT NULL DEFAULT 0,
    confirmed   bigint NOT NULL DEFAULT 0,
    delivered   bigint NOT NULL DEFAULT 0,
    touched     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (producer_id, technique, week),
    CONSTRAINT slots_room CHECK (held >= 0 AND confirmed >= 0 AND delivered >= 0
        AND held + confirmed <= capacity AND delivered <= confirmed)
);

-- One row per idempotency key: the unique index is what makes two replicas
-- booking the same key race to one booking.
CREATE TABLE {{schema}}.bookings (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key        text COLLATE "C" NOT NULL UNIQUE CHECK (key <> ''),
    state      text NOT NULL CHECK (state IN ('held', 'confirmed', 'cancelled', 'expired')),
    hold_until timestamptz CHECK (state <> 'held' OR hold_until IS NOT NULL),
    request    text NOT NULL,
    unfilled   jsonb NOT NULL,
    version    bigint NOT NULL CHECK (version > 0),
    created    timestamptz NOT NULL,
    updated    timestamptz NOT NULL,
    has_lines  boolean NOT NULL -- false for a booking that got nothing (all unfilled): it never holds a piece
);

-- Holds of pieces by expiry: the holds expired at a caller's now are a
-- short range of this index, which is where Commit and the readers look
-- for them. Holds without lines (nothing was free) are left out: nothing
-- ever releases them, and they would pile up in the range.
CREATE INDEX bookings_held ON {{schema}}.bookings (hold_until) WHERE state = 'held' AND has_lines;

-- A booking's pieces of one order in one slot.
CREATE TABLE {{schema}}.booking_lines (
    booking_id  bigint NOT NULL REFERENCES {{schema}}.bookings (id) ON DELETE CASCADE,
    order_id    text COLLATE "C" NOT NULL CHECK (order_id <> ''),
    producer_id text COLLATE "C" NOT NULL,
    technique   text COLLATE "C" NOT NULL,
    week        text COLLATE "C" NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity > 0),
    delivered   bigint NOT NULL CHECK (delivered >= 0 AND delivered <= quantity),
    unit_cost   numeric NOT NULL CHECK (unit_cost >= 0),
    PRIMARY KEY (booking_id, order_id, producer_id, technique, week),
    FOREIGN KEY (producer_id, technique, week) REFERENCES {{schema}}.slots (producer_id, technique, week)
);

CREATE INDEX booking_lines_slot ON {{schema}}.booking_lines (producer_id, technique, week);
CREATE INDEX booking_lines_order ON {{schema}}.booking_lines (order_id);

-- Calendar exceptions: a producer's capacity in one week, for one technique
-- or ('' ) for all of them.
CREATE TABLE {{schema}}.calendar (
    producer_id text COLLATE "C" NOT NULL CHECK (producer_id <> ''),
    technique   text COLLATE "C" NOT NULL,
    week        text COLLATE "C" NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
    capacity    bigint NOT NULL CHECK (capacity BETWEEN 0 AND 2147483647),
    PRIMARY KEY (producer_id, technique, week)
);

-- Every change to the pieces delivered in a slot, as the ledger recorded
-- it: what a workshop handed over (positive), or pieces taken back with a
-- cancelled booking (negative), at the caller's clock. Append-only; per
-- slot it sums to slots.delivered.
CREATE TABLE {{schema}}.deliveries (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  bigint NOT NULL REFERENCES {{schema}}.bookings (id) ON DELETE CASCADE,
    producer_id text COLLATE "C" NOT NULL,
    technique   text COLLATE "C" NOT NULL,
    week        text COLLATE "C" NOT NULL,
    quantity    bigint NOT NULL CHECK (quantity <> 0),
    recorded    timestamptz NOT NULL,
    FOREIGN KEY (producer_id, technique, week) REFERENCES {{schema}}.slots (producer_id, technique, week)
);

CREATE INDEX deliveries_booking ON {{schema}}.deliveries (booking_id);
