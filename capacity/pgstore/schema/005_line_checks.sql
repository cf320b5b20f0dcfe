-- Version 5: a booking's lines are checked against their booking and slot
-- once per statement instead of once per line. The two foreign keys of
-- booking_lines ran two queries for every line inserted (a booking of 300
-- slots: 600 queries, two thirds of the insert's time). The
-- statement-level triggers below keep what they kept:
--
--   * an inserted line, or one whose booking or slot columns an UPDATE
--     changed, must have its booking and its slot; otherwise the
--     statement fails with foreign_key_violation (23503) under the
--     constraint name the key had;
--   * deleting a booking deletes its lines (the first key's ON DELETE
--     CASCADE); deleting a slot some line is in fails as the second key
--     made it fail.
--
-- (pgstore itself never deletes a booking or a slot, nor changes a key
-- column.) The subqueries that look rows up end in OFFSET 0 so that each
-- stays a lookup by the tables' keys, one per line: unfenced, the planner
-- hashes every booking ever made instead, and the check grows with the
-- table.
ALTER TABLE {{schema}}.booking_lines DROP CONSTRAINT booking_lines_booking_id_fkey;
ALTER TABLE {{schema}}.booking_lines DROP CONSTRAINT booking_lines_producer_id_technique_week_fkey;

-- check_lines raises the foreign-key error for the first of the rows of
-- new_lines without a booking or without a slot.
CREATE FUNCTION {{schema}}.check_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad {{schema}}.booking_lines%ROWTYPE;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        -- Only the lines whose keys moved: a line updated in place (its
        -- quantity, delivered pieces, cost) is checked already.
        SELECT n.* INTO bad FROM new_lines n
        WHERE NOT EXISTS (SELECT 1 FROM old_lines o WHERE o.booking_id = n.booking_id AND o.order_id = n.order_id
                            AND o.producer_id = n.producer_id AND o.technique = n.technique AND o.week = n.week)
          AND NOT EXISTS (SELECT 1 FROM {{schema}}.bookings b WHERE b.id = n.booking_id OFFSET 0)
        LIMIT 1;
    ELSE
        SELECT n.* INTO bad FROM new_lines n
        WHERE NOT EXISTS (SELECT 1 FROM {{schema}}.bookings b WHERE b.id = n.booking_id OFFSET 0)
        LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'booking line of booking % without its booking', bad.booking_id
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'booking_lines_booking_id_fkey', TABLE = 'booking_lines',
                  SCHEMA = TG_TABLE_SCHEMA;
    END IF;
    IF TG_OP = 'UPDATE' THEN
        SELECT n.* INTO bad FROM new_lines n
        WHERE NOT EXISTS (SELECT 1 FROM old_lines o WHERE o.booking_id = n.booking_id AND o.order_id = n.order_id
                            AND o.producer_id = n.producer_id AND o.technique = n.technique AND o.week = n.week)
          AND NOT EXISTS (SELECT 1 FROM {{schema}}.slots s
                          WHERE s.producer_id = n.producer_id AND s.technique = n.technique AND s.week = n.week OFFSET 0)
        LIMIT 1;
    ELSE
        SELECT n.* INTO bad FROM new_lines n
        WHERE NOT EXISTS (SELECT 1 FROM {{schema}}.slots s
                          WHERE s.producer_id = n.producer_id AND s.technique = n.technique AND s.week = n.week OFFSET 0)
        LIMIT 1;
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'booking line in slot %/%/% without its slot', bad.producer_id, bad.technique, bad.week
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'booking_lines_producer_id_technique_week_fkey',
                  TABLE = 'booking_lines', SCHEMA = TG_TABLE_SCHEMA;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER booking_lines_insert AFTER INSERT ON {{schema}}.booking_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.check_lines();
CREATE TRIGGER booking_lines_update AFTER UPDATE ON {{schema}}.booking_lines
    REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.check_lines();

CREATE FUNCTION {{schema}}.delete_booking_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM {{schema}}.booking_lines l USING gone g WHERE l.booking_id = g.id;
    RETURN NULL;
END $$;

CREATE TRIGGER bookings_delete AFTER DELETE ON {{schema}}.bookings
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.delete_booking_lines();

CREATE FUNCTION {{schema}}.keep_lined_slots() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s record;
BEGIN
    SELECT g.producer_id, g.technique, g.week INTO s FROM gone g
    WHERE EXISTS (SELECT 1 FROM {{schema}}.booking_lines l
                  WHERE l.producer_id = g.producer_id AND l.technique = g.technique AND l.week = g.week OFFSET 0)
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'slot %/%/% still has booking lines', s.producer_id, s.technique, s.week
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'booking_lines_producer_id_technique_week_fkey',
                  TABLE = 'booking_lines', SCHEMA = TG_TABLE_SCHEMA;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER slots_delete AFTER DELETE ON {{schema}}.slots
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.keep_lined_slots();
