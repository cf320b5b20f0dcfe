-- Version 5: a booking's lines are checked against their booking and slot
-- once per statement instead of once per line. The two foreign keys of
-- booking_lines ran two queries for every line inserted (a booking of 300
-- slots: 600 queries, two thirds of the insert's time); the constraint
-- trigger below asks the same in one anti-join over the statement's new
-- rows, and fails the statement with foreign_key_violation (23503) as the
-- keys did. Neither bookings nor slots are ever deleted by pgstore, so
-- the cascade the first key declared had nothing to do. The subqueries
-- end in OFFSET 0 so that each stays a lookup per new line by the
-- tables' keys: unfenced, the planner hashes every booking ever made
-- instead, and the check grows with the table.
ALTER TABLE {{schema}}.booking_lines DROP CONSTRAINT booking_lines_booking_id_fkey;
ALTER TABLE {{schema}}.booking_lines DROP CONSTRAINT booking_lines_producer_id_technique_week_fkey;

CREATE FUNCTION {{schema}}.check_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_lines n
               WHERE NOT EXISTS (SELECT 1 FROM {{schema}}.bookings b WHERE b.id = n.booking_id OFFSET 0)
                  OR NOT EXISTS (SELECT 1 FROM {{schema}}.slots s
                                 WHERE s.producer_id = n.producer_id AND s.technique = n.technique AND s.week = n.week
                                 OFFSET 0)) THEN
        RAISE EXCEPTION 'a booking line without its booking or slot' USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER booking_lines_insert AFTER INSERT ON {{schema}}.booking_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.check_lines();
CREATE TRIGGER booking_lines_update AFTER UPDATE ON {{schema}}.booking_lines
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION {{schema}}.check_lines();
