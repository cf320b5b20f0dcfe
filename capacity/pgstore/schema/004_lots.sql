-- Version 4: the lots a ledger inspected, for a buyer's dispute answered in
-- SQL. capacity.Ledger.DeliverLot and DeliverInspected keep each lot's
-- record (batik/aql's Record: lot ID, producer, technique, lot size, the
-- sample's seed, inspector, date, and per class the plan, the count and
-- the verdict) with the delivery call that carried it; this view shows one
-- row per lot.
CREATE VIEW {{schema}}.lots AS
SELECT b.key AS booking_key,
       c.call_key,
       c.at AS recorded,
       r ->> 'lot_id' AS lot_id,
       r ->> 'producer' AS producer,
       r ->> 'technique' AS technique,
       (r ->> 'lot_size')::integer AS lot_size,
       r ->> 'inspector' AS inspector,
       (r ->> 'date')::date AS inspected_on,
       (r ->> 'accepted')::boolean AS accepted,
       r -> 'classes' AS classes,
       r AS record
FROM {{schema}}.delivery_calls c
JOIN {{schema}}.bookings b ON b.id = c.booking_id
CROSS JOIN LATERAL (SELECT convert_from(c.inspection, 'UTF8')::jsonb -> 'record') AS x (r)
WHERE c.inspection IS NOT NULL;
