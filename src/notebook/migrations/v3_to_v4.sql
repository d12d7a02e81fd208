-- Version 3 to version 4, frozen: it never changes once released. The upgrade runs it after
-- every trigger of the notebook was dropped, and writes the generated history and tombstone
-- triggers after it, so every trigger comes back in its version 4 form.
--
-- Why version 4: incidents as monitors record them (UCDP GED, ACLED, Airwars), with measures
-- and claims tied to one, and a measure's role in it; derived measures (a sum of parts);
-- rejected suggestions, remembered; pages of paginated originals; an article's note, its
-- encoding and where an archived copy is kept; and cumulative dates ("since 7 October").
--
-- articles, claims and measures gain columns. SQLite would add them at the end of the table's
-- text, where a new notebook has them elsewhere, so the three tables are built again under their
-- own names (foreign keys off and legacy renaming on, so no other table's text changes) and
-- their rows copied; every other table is kept as it is.

ALTER TABLE articles RENAME TO v3_articles;

ALTER TABLE claims RENAME TO v3_claims;

ALTER TABLE measures RENAME TO v3_measures;

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    title             TEXT NOT NULL,
    outlet_id         INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    author            TEXT,
    url               TEXT,
    published         TEXT CHECK (published GLOB '[0-9][0-9][0-9][0-9]'
                          OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                          OR published GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    language          TEXT CHECK (language GLOB '[a-z][a-z]'),
    body              TEXT NOT NULL CHECK (length(body) > 0),
    -- The SHA-256 of the body, in hex: how an exact duplicate is found.
    sha256            TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    near_duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    source_path       TEXT,
    imported_at       TEXT NOT NULL,
    -- The character encoding the file was decoded from (utf-8, windows-1256 ...), when known.
    encoding          TEXT CHECK (encoding IS NULL OR length(encoding) BETWEEN 1 AND 40),
    -- Where a copy of the page is kept: a Wayback or archive.today link, or the web archive
    -- (WARC) file and the digest of the record the article was read from, with the capture time
    -- (RFC 3339 or a date).
    archived_url      TEXT,
    archived_at       TEXT CHECK (archived_at GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*'),
    archive_file      TEXT,
    archive_digest    TEXT,
    note              TEXT
) STRICT;

CREATE TABLE article_pages (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    page       INTEGER NOT NULL CHECK (page >= 1),
    start      INTEGER NOT NULL CHECK (start >= 0),
    label      TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40),
    PRIMARY KEY (article_id, page)
) STRICT, WITHOUT ROWID;

CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY,
    uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    key             TEXT NOT NULL UNIQUE CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9._-]*'
                        AND length(key) <= 100),
    label           TEXT NOT NULL CHECK (length(trim(label)) > 0),
    date_from       TEXT CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    date_to         TEXT CHECK (date_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    date_precision  TEXT CHECK (date_precision IN ('day', 'week', 'month', 'year')),
    place           TEXT,
    latitude        TEXT CHECK (latitude GLOB '*[0-9]*' AND latitude NOT GLOB '*[^0-9.-]*'
                        AND CAST(latitude AS REAL) BETWEEN -90 AND 90),
    longitude       TEXT CHECK (longitude GLOB '*[0-9]*' AND longitude NOT GLOB '*[^0-9.-]*'
                        AND CAST(longitude AS REAL) BETWEEN -180 AND 180),
    where_precision INTEGER CHECK (where_precision BETWEEN 1 AND 7),
    note            TEXT,
    created_at      TEXT NOT NULL,
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (date_from IS NULL OR date_to IS NULL OR date_from <= date_to)
) STRICT;

CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
    quote          TEXT NOT NULL CHECK (length(quote) > 0),
    span_start     INTEGER,
    span_end       INTEGER,
    text           TEXT NOT NULL,    -- the analyst's rendering or translation
    unverified     INTEGER NOT NULL DEFAULT 0 CHECK (unverified IN (0, 1)),
    -- New claims start at 6: "truth cannot be judged".
    credibility    INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
    place          TEXT,
    when_text      TEXT,
    when_from      TEXT CHECK (when_from GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    when_to        TEXT CHECK (when_to GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    -- `cumulative`: a toll since a date ("since 7 October"), from that date to publication.
    when_precision TEXT CHECK (when_precision IN ('year', 'month', 'day', 'range', 'clipped',
                       'cumulative')),
    created_at     TEXT NOT NULL,
    incident_id    INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
    CHECK ((span_start IS NULL) = (span_end IS NULL)),
    CHECK (span_start IS NULL OR (0 <= span_start AND span_start <= span_end)),
    CHECK ((span_start IS NULL) = (unverified = 1)),
    CHECK ((when_from IS NULL) = (when_to IS NULL) AND (when_from IS NULL) = (when_precision IS NULL)),
    CHECK (when_from IS NULL OR when_from <= when_to)
) STRICT;

CREATE TABLE rejected_suggestions (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL CHECK (span_start >= 0),
    span_end   INTEGER NOT NULL,
    quote      TEXT NOT NULL CHECK (length(quote) > 0),
    reason     TEXT,
    created_at TEXT NOT NULL,
    CHECK (span_start < span_end),
    UNIQUE (article_id, span_start, span_end)
) STRICT;

CREATE TABLE measures (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    key        TEXT NOT NULL UNIQUE CHECK (key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z0-9._-]*'
                   AND length(key) <= 100),
    label      TEXT NOT NULL CHECK (length(trim(label)) > 0),
    unit        TEXT,
    created_at  TEXT NOT NULL,
    -- The incident the measure counts for, and what it counts there.
    incident_id INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
    role        TEXT CHECK (role IN ('killed', 'injured', 'missing', 'displaced', 'arrested',
                    'defected', 'other'))
) STRICT;

CREATE TABLE measure_parts (
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    part_id    INTEGER NOT NULL REFERENCES measures (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (measure_id, part_id),
    CHECK (measure_id <> part_id)
) STRICT, WITHOUT ROWID;

INSERT INTO articles (id, uuid, title, outlet_id, author, url, published, language, body, sha256, near_duplicate_of, source_path, imported_at)
SELECT id, uuid, title, outlet_id, author, url, published, language, body, sha256, near_duplicate_of, source_path, imported_at FROM v3_articles;

INSERT INTO claims (id, uuid, article_id, quote, span_start, span_end, text, unverified, credibility, place, when_text, when_from, when_to, when_precision, created_at)
SELECT id, uuid, article_id, quote, span_start, span_end, text, unverified, credibility, place, when_text, when_from, when_to, when_precision, created_at FROM v3_claims;

INSERT INTO measures (id, uuid, key, label, unit, created_at)
SELECT id, uuid, key, label, unit, created_at FROM v3_measures;

DROP TABLE v3_articles;

DROP TABLE v3_claims;

DROP TABLE v3_measures;

CREATE INDEX articles_by_outlet ON articles (outlet_id);

CREATE INDEX articles_by_near_duplicate ON articles (near_duplicate_of)
    WHERE near_duplicate_of IS NOT NULL;

CREATE INDEX claims_by_article ON claims (article_id, span_start);

CREATE INDEX claims_by_when_to ON claims (when_to) WHERE when_to IS NOT NULL;

CREATE INDEX claims_by_when_from ON claims (when_from) WHERE when_from IS NOT NULL;

CREATE INDEX claims_by_credibility ON claims (credibility);

CREATE INDEX claims_by_incident ON claims (incident_id) WHERE incident_id IS NOT NULL;

CREATE INDEX measures_by_incident ON measures (incident_id) WHERE incident_id IS NOT NULL;

CREATE INDEX measure_parts_by_part ON measure_parts (part_id);

CREATE TRIGGER source_aliases_unique_key BEFORE INSERT ON source_aliases
WHEN EXISTS (SELECT 1 FROM sources WHERE name_key = new.alias_key) BEGIN
    SELECT RAISE(ABORT, 'an alias equals the name of a source');
END;

CREATE TRIGGER sources_unique_key_insert BEFORE INSERT ON sources
WHEN EXISTS (SELECT 1 FROM source_aliases WHERE alias_key = new.name_key) BEGIN
    SELECT RAISE(ABORT, 'a source name equals an alias');
END;

CREATE TRIGGER sources_unique_key_update BEFORE UPDATE OF name_key ON sources
WHEN EXISTS (SELECT 1 FROM source_aliases WHERE alias_key = new.name_key) BEGIN
    SELECT RAISE(ABORT, 'a source name equals an alias');
END;

CREATE VIEW measure_dependents (part_id, measure_id) AS
WITH RECURSIVE up (part_id, measure_id) AS (
    SELECT part_id, measure_id FROM measure_parts
    UNION
    SELECT up.part_id, mp.measure_id FROM up JOIN measure_parts mp ON mp.part_id = up.measure_id
)
SELECT part_id, measure_id FROM up;

CREATE TRIGGER measure_parts_no_cycle BEFORE INSERT ON measure_parts
WHEN EXISTS (SELECT 1 FROM measure_dependents WHERE part_id = new.measure_id AND measure_id = new.part_id)
BEGIN
    SELECT RAISE(ABORT, 'a derived measure cannot be a part of itself');
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.id;
END;

CREATE TRIGGER articles_fts_edit AFTER UPDATE OF title, body ON articles BEGIN
    DELETE FROM article_fts WHERE rowid = old.id;
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    DELETE FROM claim_fts WHERE rowid = old.id;
END;

CREATE TRIGGER claims_fts_edit AFTER UPDATE OF quote, text ON claims BEGIN
    DELETE FROM claim_fts WHERE rowid = old.id;
END;

CREATE VIEW measure_family (part_id, measure_id) AS
SELECT id, id FROM measures
UNION ALL
SELECT part_id, measure_id FROM measure_dependents;

CREATE TRIGGER figures_stale_insert AFTER INSERT ON figures BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0
        AND measure_id IN (SELECT measure_id FROM measure_family WHERE part_id = new.measure_id);
END;

CREATE TRIGGER figures_stale_update AFTER UPDATE ON figures BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0
        AND measure_id IN (SELECT measure_id FROM measure_family WHERE part_id IN (old.measure_id, new.measure_id));
END;

CREATE TRIGGER figures_stale_delete AFTER DELETE ON figures BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0
        AND measure_id IN (SELECT measure_id FROM measure_family WHERE part_id = old.measure_id);
END;

CREATE TRIGGER claims_stale_update AFTER UPDATE OF credibility, when_from, when_to, article_id ON claims
BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id = new.id));
END;

CREATE TRIGGER claim_sources_stale_insert AFTER INSERT ON claim_sources BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id = new.claim_id));
END;

CREATE TRIGGER claim_sources_stale_delete AFTER DELETE ON claim_sources BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id = old.claim_id));
END;

CREATE TRIGGER claim_tags_stale_insert AFTER INSERT ON claim_tags BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND filters <> '{}' AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id = new.claim_id));
END;

CREATE TRIGGER claim_tags_stale_delete AFTER DELETE ON claim_tags BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND filters <> '{}' AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id = old.claim_id));
END;

CREATE TRIGGER links_stale_insert AFTER INSERT ON links BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id IN (new.from_claim, new.to_claim)));
END;

CREATE TRIGGER links_stale_delete AFTER DELETE ON links BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT measure_id FROM figures WHERE claim_id IN (old.from_claim, old.to_claim)));
END;

CREATE TRIGGER sources_stale_rating AFTER UPDATE OF reliability ON sources BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT f.measure_id FROM figures f JOIN claim_sources cs ON cs.claim_id = f.claim_id
            WHERE cs.source_id = new.id
            UNION
            SELECT f.measure_id FROM figures f JOIN claims c ON c.id = f.claim_id
            JOIN articles a ON a.id = c.article_id WHERE a.outlet_id = new.id));
END;

CREATE TRIGGER articles_stale_update AFTER UPDATE OF published, near_duplicate_of, outlet_id ON articles
BEGIN
    UPDATE reconciliations SET stale = 1 WHERE stale = 0 AND measure_id IN (
        SELECT measure_id FROM measure_family WHERE part_id IN (
            SELECT f.measure_id FROM figures f JOIN claims c ON c.id = f.claim_id WHERE c.article_id = new.id));
END;
