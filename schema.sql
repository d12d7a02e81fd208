-- crosscheck notebook schema, version 4.
--
-- This file is the whole schema of the tables, indexes and search indexes. It is embedded in
-- the binary and run once on a new notebook; `PRAGMA user_version` records the version and the
-- frozen scripts in src/notebook/migrations/ upgrade older files. The history and tombstone triggers are
-- generated from the columns of the tables below (src/notebook/schema.rs), so they record every
-- column and cannot drift from the tables; a test proves it.
--
-- Conventions: every row has an integer id for people and a UUID v7 so that notebooks can be
-- merged; timestamps are RFC 3339 UTC text; dates are YYYY, YYYY-MM or YYYY-MM-DD; booleans are
-- 0/1. Tables are STRICT, and CHECK constraints hold every rule the code relies on, so a notebook
-- edited by hand (or written by someone else) cannot hold a value the code would misread.

-- Whoever a claim comes from. An outlet is a source too. `name_key` is the name as search
-- compares it (case, harakat, alef forms and spacing folded): unique, so "ناشطون محليّون" and
-- "ناشطون محليون" are one source, and indexed, so a name is found without reading every source.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key    TEXT NOT NULL UNIQUE CHECK (length(name_key) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('outlet', 'journalist', 'official', 'armed-group',
                    'monitor', 'activist', 'resident', 'document', 'social-media', 'anonymous',
                    'other')),
    affiliation TEXT,
    named       INTEGER NOT NULL DEFAULT 1 CHECK (named IN (0, 1)),
    -- New sources start at F: "reliability cannot be judged", never a pretended judgement.
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    note        TEXT,
    created_at  TEXT NOT NULL
) STRICT;

-- Other names of a source ("SOHR" and "المرصد السوري"), compared like names. A key is held by
-- one source only, as a name or as an alias; the triggers below refuse a clash either way.
CREATE TABLE source_aliases (
    alias_key  TEXT PRIMARY KEY CHECK (length(alias_key) > 0),
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL CHECK (length(trim(alias)) > 0),
    created_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX source_aliases_by_source ON source_aliases (source_id);
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

-- Every change of a source's rating, kept for the audit trail and for merging notebooks.
CREATE TABLE source_ratings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    from_grade TEXT CHECK (from_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    to_grade   TEXT NOT NULL CHECK (to_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    why        TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX source_ratings_by_source ON source_ratings (source_id);

-- An imported text. Its words are indexed for search in `article_fts` (below), which holds the
-- index only: the text is kept once, here.
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
CREATE INDEX articles_by_outlet ON articles (outlet_id);
CREATE INDEX articles_by_near_duplicate ON articles (near_duplicate_of)
    WHERE near_duplicate_of IS NOT NULL;

-- Locality-sensitive hashing of each body's word 3-shingles (MinHash, 8 bands of 4 rows), so a
-- syndicated copy finds its near-duplicate candidates by index instead of by reading every body.
-- Derived data: rebuilt from the bodies whenever needed.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_bands_by_article ON article_bands (article_id);

-- Where each page of a paginated original (a PDF) begins in the body, as a character offset, so
-- that a quote can cite its page. `label` is the page's printed label when it has one ("iv").
CREATE TABLE article_pages (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    page       INTEGER NOT NULL CHECK (page >= 1),
    start      INTEGER NOT NULL CHECK (start >= 0),
    label      TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40),
    PRIMARY KEY (article_id, page)
) STRICT, WITHOUT ROWID;

-- One event as monitors record it (UCDP GED, ACLED, Airwars): when, with a precision; where,
-- with coordinates kept as typed (their decimals say how precise they are) and UCDP's
-- where_prec code (1 exact place .. 7 country or wider). Measures and claims may belong to one.
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

-- One statement an article attributes to its sources, anchored to a verbatim quote: a verified
-- quote has its character span in the body; an unverified one (not found) has none.
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
CREATE INDEX claims_by_article ON claims (article_id, span_start);
-- `--since` keeps claims whose event ends on or after a date, `--until` those that start on or
-- before one: each reads its own index.
CREATE INDEX claims_by_when_to ON claims (when_to) WHERE when_to IS NOT NULL;
CREATE INDEX claims_by_when_from ON claims (when_from) WHERE when_from IS NOT NULL;
CREATE INDEX claims_by_credibility ON claims (credibility);
CREATE INDEX claims_by_incident ON claims (incident_id) WHERE incident_id IS NOT NULL;

-- The originators of a claim, in the order the analyst gave them. None: the outlet's own report.
CREATE TABLE claim_sources (
    claim_id  INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (claim_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_sources_by_source ON claim_sources (source_id);

CREATE TABLE claim_tags (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL CHECK (length(trim(tag)) > 0),
    PRIMARY KEY (claim_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX claim_tags_by_tag ON claim_tags (tag);

-- A relation between two claims. `updates`: the from claim supersedes the to claim.
CREATE TABLE links (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    from_claim INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    to_claim   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation IN ('corroborates', 'contradicts', 'repeats', 'updates')),
    created_at TEXT NOT NULL,
    CHECK (from_claim <> to_claim),
    UNIQUE (from_claim, to_claim, relation)
) STRICT;
CREATE INDEX links_by_to ON links (to_claim);

-- A suggested claim the researcher turned down, so that `claim suggest` and the review page do
-- not offer it again: the article and the character span of the suggested quote.
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

-- A quantity that several claims may give a number for, such as defectors.foreign.
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
CREATE INDEX measures_by_incident ON measures (incident_id) WHERE incident_id IS NOT NULL;

-- A derived measure is the sum of its parts (the killed and the missing, or several sites), in
-- the order given: it is reconciled from its parts' reconciliations and has no figures itself.
CREATE TABLE measure_parts (
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    part_id    INTEGER NOT NULL REFERENCES measures (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL CHECK (position >= 0),
    PRIMARY KEY (measure_id, part_id),
    CHECK (measure_id <> part_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX measure_parts_by_part ON measure_parts (part_id);

-- Every derived measure that rests on a part, at any depth: (part_id, measure_id). Kept by the
-- triggers on measure_parts below as parts are added and removed, so that the sums above a
-- measure, or whether a new part would make a sum contain itself, are found by an index, at a
-- cost that grows with those sums and not with every sum in the notebook.
CREATE TABLE measure_closure (
    part_id    INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    PRIMARY KEY (part_id, measure_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX measure_closure_by_measure ON measure_closure (measure_id);

-- The same pairs under the name the staleness triggers and the library read.
CREATE VIEW measure_dependents (part_id, measure_id) AS
SELECT part_id, measure_id FROM measure_closure;

-- A sum that contains itself, at any depth, could never be reconciled.
CREATE TRIGGER measure_parts_no_cycle BEFORE INSERT ON measure_parts
WHEN EXISTS (SELECT 1 FROM measure_closure WHERE part_id = new.measure_id AND measure_id = new.part_id)
BEGIN
    SELECT RAISE(ABORT, 'a derived measure cannot be a part of itself');
END;

-- A new part: the part and everything below it now rest under the sum and everything above it.
CREATE TRIGGER measure_parts_closure_insert AFTER INSERT ON measure_parts BEGIN
    INSERT OR IGNORE INTO measure_closure (part_id, measure_id)
    SELECT below.id, above.id
    FROM (SELECT new.part_id AS id UNION SELECT part_id FROM measure_closure WHERE measure_id = new.part_id) AS below,
         (SELECT new.measure_id AS id UNION SELECT measure_id FROM measure_closure WHERE part_id = new.measure_id) AS above;
END;

-- A part removed: every pair it may have carried (the part or below it, the sum or above it) is
-- taken out, then those another chain of parts still joins are put back. With no sum containing
-- itself, such a pair holds exactly when a remaining part (e.part_id of the sum e.measure_id)
-- leaves the region below the removed part (its part is in it, its sum is not), the pair's
-- lower end is that part or below it, and its upper end is that sum or above it. The pairs this
-- reads (below the part, above the sum) are never among those taken out. Every step starts from
-- the measures below the part or above the sum and looks pairs up by their whole key, so the cost
-- grows with those measures, whatever the planner estimates (the `+` keeps the first statement
-- on the pairs of the measures below the part).
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

-- A part is removed and added again, never moved to another sum in place (its position may
-- change): the pairs above are kept on insert and delete only.
CREATE TRIGGER measure_parts_fixed BEFORE UPDATE OF measure_id, part_id ON measure_parts
WHEN old.measure_id IS NOT new.measure_id OR old.part_id IS NOT new.part_id
BEGIN
    SELECT RAISE(ABORT, 'a part of a derived measure is removed and added again, never changed in place');
END;

-- One claim's number for one measure, read from its notation into an interval. high NULL is an
-- open upper bound ("more than 100"); a provisional toll ("and rising") is open in
-- reconciliation whatever its high.
CREATE TABLE figures (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    claim_id    INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    measure_id  INTEGER NOT NULL REFERENCES measures (id) ON DELETE RESTRICT,
    notation    TEXT NOT NULL CHECK (length(trim(notation)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('exact', 'approx', 'more-than', 'at-least',
                    'fewer-than', 'at-most', 'range', 'vague', 'sum')),
    low         INTEGER NOT NULL,
    high        INTEGER,
    point       INTEGER NOT NULL,
    provisional INTEGER NOT NULL DEFAULT 0 CHECK (provisional IN (0, 1)),
    rule        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (0 <= low AND low <= point AND (high IS NULL OR point <= high)),
    CHECK (high IS NULL OR high <= 1000000000000)
) STRICT;
CREATE INDEX figures_by_measure ON figures (measure_id);
CREATE INDEX figures_by_claim ON figures (claim_id);

-- The notebook's table of vague words ("dozens"), keyed by the search-normalised word so that
-- "عشرات" and "عشراتٌ" are one word; `display` keeps the word as it was written.
CREATE TABLE vague_terms (
    word    TEXT PRIMARY KEY CHECK (length(word) > 0),
    display TEXT NOT NULL,
    low     INTEGER NOT NULL,
    high    INTEGER NOT NULL,
    point   INTEGER NOT NULL,
    CHECK (0 <= low AND low <= point AND point <= high AND high <= 1000000000000)
) STRICT;
INSERT INTO vague_terms (word, display, low, high, point) VALUES
    ('a few', 'a few', 2, 9, 3), ('few', 'few', 2, 9, 3), ('بضعه', 'بضعة', 2, 9, 3),
    ('several', 'several', 3, 9, 3), ('عده', 'عدة', 3, 9, 3),
    ('tens', 'tens', 10, 99, 10), ('عشرات', 'عشرات', 10, 99, 10),
    ('dozens', 'dozens', 12, 99, 12),
    ('scores', 'scores', 40, 99, 40),
    ('hundreds', 'hundreds', 100, 999, 100), ('مئات', 'مئات', 100, 999, 100),
    ('thousands', 'thousands', 1000, 9999, 1000), ('الاف', 'آلاف', 1000, 9999, 1000),
    -- The compound words read with the Arabic number words (docs/notation.md).
    ('بضع', 'بضع', 2, 9, 3), ('بضع عشرات', 'بضع عشرات', 20, 90, 30),
    ('a few dozen', 'a few dozen', 24, 108, 36),
    ('بضع مئات', 'بضع مئات', 200, 900, 300), ('a few hundred', 'a few hundred', 200, 900, 300),
    ('several hundred', 'several hundred', 300, 900, 300),
    ('بضعه الاف', 'بضعة آلاف', 2000, 9000, 3000), ('a few thousand', 'a few thousand', 2000, 9000, 3000),
    ('several thousand', 'several thousand', 3000, 9000, 3000),
    ('عشرات الالاف', 'عشرات الآلاف', 10000, 99999, 10000),
    ('tens of thousands', 'tens of thousands', 10000, 99999, 10000),
    ('مئات الالاف', 'مئات الآلاف', 100000, 999999, 100000),
    ('hundreds of thousands', 'hundreds of thousands', 100000, 999999, 100000);

-- A saved judgement over one measure's figures, with the filters it was made under (a JSON
-- object) and the date it looked back from.
CREATE TABLE reconciliations (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    method     TEXT NOT NULL CHECK (method IN ('weighted', 'conservative', 'median',
                   'best-source', 'manual', 'range')),
    low        INTEGER,
    best       INTEGER,
    high       INTEGER,
    open_high  INTEGER NOT NULL DEFAULT 0 CHECK (open_high IN (0, 1)),
    conflict   INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
    support    TEXT NOT NULL CHECK (support IN ('none', 'single-source', 'corroborated',
                   'contested')),
    figures    INTEGER NOT NULL CHECK (figures >= 0),
    voices     INTEGER NOT NULL CHECK (voices >= 0),
    filters    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(filters) AND json_type(filters) = 'object'),
    as_of      TEXT CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]*'),
    note       TEXT,
    stale      INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
    created_at TEXT NOT NULL,
    CHECK (low IS NULL OR high IS NULL OR low <= high)
) STRICT;
CREATE INDEX reconciliations_by_measure ON reconciliations (measure_id);

-- The figures a saved reconciliation rested on: one per voice.
CREATE TABLE reconciliation_figures (
    reconciliation_id INTEGER NOT NULL REFERENCES reconciliations (id) ON DELETE CASCADE,
    figure_id         INTEGER NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
    PRIMARY KEY (reconciliation_id, figure_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX reconciliation_figures_by_figure ON reconciliation_figures (figure_id);

-- The audit trail: every update and delete of the rows above, the old row as a JSON object.
CREATE TABLE history (
    id     INTEGER PRIMARY KEY,
    tbl    TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'delete')),
    old    TEXT NOT NULL CHECK (json_valid(old)),
    at     TEXT NOT NULL
) STRICT;
CREATE INDEX history_by_row ON history (tbl, row_id);

-- What was deleted, by uuid, so that merging an older copy of a notebook does not bring it
-- back. Written by triggers on every table with a uuid.
CREATE TABLE tombstones (
    uuid TEXT PRIMARY KEY CHECK (length(uuid) = 36),
    tbl  TEXT NOT NULL,
    at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Full-text indexes. crosscheck writes each text's normalised, stemmed words (see
-- src/normalize.rs) into these contentless tables, which keep the index only; the text itself
-- stays in its table. A deleted or edited row leaves the index by the triggers below; `check`
-- compares the index with the texts and `check --repair` rebuilds what differs. The words are
-- already folded and separated by spaces, so the plain ASCII tokenizer splits them (bytes of
-- Arabic letters are word characters to it) at a fraction of unicode61's cost.
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title, body, content = '', contentless_delete = 1, tokenize = 'ascii'
);
CREATE VIRTUAL TABLE claim_fts USING fts5 (
    quote, text, content = '', contentless_delete = 1, tokenize = 'ascii'
);
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

-- A saved reconciliation goes stale as soon as anything it rested on changes: a figure of its
-- measure, the credibility, sources or links of a claim with a figure of its measure, the
-- rating of a source behind one, or the date or copies of an article behind one. A derived
-- measure rests on its parts: `measure_family` gives each measure itself and every sum above it.
CREATE VIEW measure_family (part_id, measure_id) AS
SELECT id, id FROM measures
UNION ALL
SELECT part_id, measure_id FROM measure_closure;
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
