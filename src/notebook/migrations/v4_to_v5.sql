-- Version 4 to version 5, frozen: it never changes once released.
--
-- Why version 5: in version 4 the sums above a measure were found by a view that walked every
-- part of every derived measure in the notebook (a recursive query seeded from all of
-- measure_parts), and the guard against a sum containing itself and every trigger that marks a
-- saved reconciliation stale read it. Adding the 5,000 parts of a sum one by one, or 20,000
-- figures to a notebook with 1,000 parts, paid that walk at every row. Version 5 keeps the
-- walk's result in a table, measure_closure, updated by triggers on measure_parts as parts come
-- and go, so each of those reads is an indexed look-up. The two views keep their names and
-- columns, now read from that table, so the staleness triggers are unchanged.
--
-- No table is rebuilt and no generated trigger changes: the views and the guard are dropped and
-- written again, and the new table is filled once from the parts there are.

DROP VIEW measure_family;

DROP VIEW measure_dependents;

DROP TRIGGER measure_parts_no_cycle;

CREATE TABLE measure_closure (
    part_id    INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    PRIMARY KEY (part_id, measure_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX measure_closure_by_measure ON measure_closure (measure_id);

INSERT INTO measure_closure (part_id, measure_id)
WITH RECURSIVE up (part_id, measure_id) AS (
    SELECT part_id, measure_id FROM measure_parts
    UNION
    SELECT up.part_id, mp.measure_id FROM up JOIN measure_parts mp ON mp.part_id = up.measure_id
)
SELECT part_id, measure_id FROM up;

CREATE VIEW measure_dependents (part_id, measure_id) AS
SELECT part_id, measure_id FROM measure_closure;

CREATE TRIGGER measure_parts_no_cycle BEFORE INSERT ON measure_parts
WHEN EXISTS (SELECT 1 FROM measure_closure WHERE part_id = new.measure_id AND measure_id = new.part_id)
BEGIN
    SELECT RAISE(ABORT, 'a derived measure cannot be a part of itself');
END;

CREATE TRIGGER measure_parts_closure_insert AFTER INSERT ON measure_parts BEGIN
    INSERT OR IGNORE INTO measure_closure (part_id, measure_id)
    SELECT below.id, above.id
    FROM (SELECT new.part_id AS id UNION SELECT part_id FROM measure_closure WHERE measure_id = new.part_id) AS below,
         (SELECT new.measure_id AS id UNION SELECT measure_id FROM measure_closure WHERE part_id = new.measure_id) AS above;
END;

CREATE TRIGGER measure_parts_closure_delete AFTER DELETE ON measure_parts BEGIN
    DELETE FROM measure_closure
    WHERE part_id IN (SELECT old.part_id UNION SELECT part_id FROM measure_closure WHERE measure_id = old.part_id)
      AND +measure_id IN (SELECT old.measure_id UNION SELECT measure_id FROM measure_closure WHERE part_id = old.measure_id);
    INSERT OR IGNORE INTO measure_closure (part_id, measure_id)
    SELECT below.id, kept.upper
    FROM (SELECT e.part_id AS lower, up.id AS upper
          FROM measure_parts e,
               (SELECT old.measure_id AS id UNION SELECT measure_id FROM measure_closure WHERE part_id = old.measure_id) AS up
          WHERE e.part_id IN (SELECT old.part_id UNION SELECT part_id FROM measure_closure WHERE measure_id = old.part_id)
            AND e.measure_id NOT IN (SELECT old.part_id UNION SELECT part_id FROM measure_closure WHERE measure_id = old.part_id)
            AND (e.measure_id = up.id
                 OR EXISTS (SELECT 1 FROM measure_closure c WHERE c.part_id = e.measure_id AND c.measure_id = up.id))) AS kept,
         (SELECT old.part_id AS id UNION SELECT part_id FROM measure_closure WHERE measure_id = old.part_id) AS below
    WHERE below.id = kept.lower
       OR EXISTS (SELECT 1 FROM measure_closure c WHERE c.part_id = below.id AND c.measure_id = kept.lower);
END;

CREATE TRIGGER measure_parts_fixed BEFORE UPDATE OF measure_id, part_id ON measure_parts
WHEN old.measure_id IS NOT new.measure_id OR old.part_id IS NOT new.part_id
BEGIN
    SELECT RAISE(ABORT, 'a part of a derived measure is removed and added again, never changed in place');
END;

CREATE VIEW measure_family (part_id, measure_id) AS
SELECT id, id FROM measures
UNION ALL
SELECT part_id, measure_id FROM measure_closure;
