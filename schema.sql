-- crosscheck notebook schema, version 3.
--
-- This file is the whole schema. It is embedded in the binary and run once on a new notebook;
-- `PRAGMA user_version` records the version and src/notebook/migrate.rs upgrades older files.
-- History rows and full-text index rows are written by the triggers below, so that no code path
-- (and no hand edit in the stock sqlite3 shell) can forget them.
--
-- Conventions: every row has an integer id for people and a UUID v7 so that notebooks can be
-- merged; timestamps are RFC 3339 UTC text; booleans are 0/1 with a CHECK.

-- Whoever a claim comes from. An outlet is a source too.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    -- NOCASE folds ASCII only; the notebook layer also refuses names equal after full
    -- Unicode lowercasing, so "Raqqa Activists" and "raqqa activists" are one source.
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind        TEXT NOT NULL CHECK (kind IN ('outlet', 'journalist', 'official', 'armed-group',
                    'monitor', 'activist', 'resident', 'document', 'social-media', 'anonymous',
                    'other')),
    affiliation TEXT,
    named       INTEGER NOT NULL DEFAULT 1 CHECK (named IN (0, 1)),
    -- New sources start at F: "reliability cannot be judged", never a pretended judgement.
    reliability TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
    note        TEXT,
    created_at  TEXT NOT NULL
);

-- Every change of a source's rating, kept for the audit trail and for merging notebooks.
CREATE TABLE source_ratings (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    from_grade TEXT CHECK (from_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    to_grade   TEXT NOT NULL CHECK (to_grade IN ('A', 'B', 'C', 'D', 'E', 'F')),
    why        TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX source_ratings_by_source ON source_ratings (source_id);

-- An imported text. `title_index` and `body_index` are the search-normalised, stemmed copies
-- that feed the FTS5 index; they are derived and can always be rebuilt from title and body.
CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,
    uuid              TEXT NOT NULL UNIQUE,
    title             TEXT NOT NULL,
    outlet_id         INTEGER REFERENCES sources (id) ON DELETE SET NULL,
    author            TEXT,
    url               TEXT,
    published         TEXT,          -- partial date: YYYY, YYYY-MM or YYYY-MM-DD
    language          TEXT,          -- ISO 639-1 code
    body              TEXT NOT NULL,
    sha256            TEXT NOT NULL UNIQUE,
    near_duplicate_of INTEGER REFERENCES articles (id) ON DELETE SET NULL,
    source_path       TEXT,
    imported_at       TEXT NOT NULL,
    title_index       TEXT NOT NULL DEFAULT '',
    body_index        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX articles_by_outlet ON articles (outlet_id);

-- Locality-sensitive hashing of each body's word 3-shingles (MinHash, 8 bands of 4 rows), so a
-- syndicated copy finds its near-duplicate candidates by index instead of by reading every body.
-- Derived data: rebuilt from the bodies whenever needed.
CREATE TABLE article_bands (
    band       INTEGER NOT NULL,
    hash       INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, hash, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_by_article ON article_bands (article_id);
CREATE INDEX articles_by_published ON articles (published);

-- One statement an article attributes to its sources.
CREATE TABLE claims (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE RESTRICT,
    quote          TEXT NOT NULL,
    span_start     INTEGER,          -- character offsets of the quote in the original body
    span_end       INTEGER,
    text           TEXT NOT NULL,    -- the analyst's rendering or translation
    unverified     INTEGER NOT NULL DEFAULT 0 CHECK (unverified IN (0, 1)),
    -- New claims start at 6: "truth cannot be judged".
    credibility    INTEGER NOT NULL DEFAULT 6 CHECK (credibility BETWEEN 1 AND 6),
    place          TEXT,
    when_text      TEXT,
    when_from      TEXT,
    when_to        TEXT,
    -- Version 3: 'clipped', a phrase cut at the article's publication date.
    when_precision TEXT CHECK (when_precision IN ('year', 'month', 'day', 'range', 'clipped')),
    created_at     TEXT NOT NULL,
    quote_index    TEXT NOT NULL DEFAULT '',
    text_index     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX claims_by_article ON claims (article_id);
-- Version 2: `claim list --since/--until` and the credibility filter read these instead of
-- scanning every claim of a large archive.
CREATE INDEX claims_by_when ON claims (when_from, when_to);
CREATE INDEX claims_by_credibility ON claims (credibility);

-- The originators of a claim, in the order the analyst gave them. None: the outlet's own report.
CREATE TABLE claim_sources (
    claim_id  INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
    position  INTEGER NOT NULL,
    PRIMARY KEY (claim_id, source_id)
);
CREATE INDEX claim_sources_by_source ON claim_sources (source_id);

CREATE TABLE claim_tags (
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (claim_id, tag)
);
CREATE INDEX claim_tags_by_tag ON claim_tags (tag);

-- A relation between two claims. `updates`: the from claim supersedes the to claim.
CREATE TABLE links (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    from_claim INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    to_claim   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    relation   TEXT NOT NULL CHECK (relation IN ('corroborates', 'contradicts', 'repeats', 'updates')),
    created_at TEXT NOT NULL,
    CHECK (from_claim <> to_claim),
    UNIQUE (from_claim, to_claim, relation)
);
CREATE INDEX links_by_to ON links (to_claim);

-- A quantity that several claims may give a number for, such as defectors.foreign.
CREATE TABLE measures (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    key        TEXT NOT NULL UNIQUE,
    label      TEXT NOT NULL,
    unit       TEXT,
    created_at TEXT NOT NULL
);

-- One claim's number for one measure, read from its notation into an interval.
-- high NULL means an open upper bound ("more than 100").
CREATE TABLE figures (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE RESTRICT,
    notation   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('exact', 'approx', 'more-than', 'at-least',
                   'fewer-than', 'at-most', 'range', 'vague', 'sum')),
    low        INTEGER NOT NULL,
    high       INTEGER,
    point      INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    CHECK (high IS NULL OR (low <= point AND point <= high))
);
CREATE INDEX figures_by_measure ON figures (measure_id);
CREATE INDEX figures_by_claim ON figures (claim_id);

-- The notebook's table of vague words ("dozens"), keyed by the search-normalised word so that
-- "عشرات" and "عشراتٌ" are one word; `display` keeps the word as it was written.
CREATE TABLE vague_terms (
    word    TEXT PRIMARY KEY,
    display TEXT NOT NULL,
    low     INTEGER NOT NULL,
    high    INTEGER NOT NULL,
    point   INTEGER NOT NULL,
    CHECK (0 <= low AND low <= point AND point <= high)
);
INSERT INTO vague_terms (word, display, low, high, point) VALUES
    ('a few', 'a few', 2, 9, 3), ('few', 'few', 2, 9, 3), ('بضعه', 'بضعة', 2, 9, 3),
    ('several', 'several', 3, 9, 3), ('عده', 'عدة', 3, 9, 3),
    ('tens', 'tens', 10, 99, 10), ('عشرات', 'عشرات', 10, 99, 10),
    ('dozens', 'dozens', 12, 99, 12),
    ('scores', 'scores', 40, 99, 40),
    ('hundreds', 'hundreds', 100, 999, 100), ('مئات', 'مئات', 100, 999, 100),
    ('thousands', 'thousands', 1000, 9999, 1000), ('الاف', 'آلاف', 1000, 9999, 1000),
    -- Version 3: the compound words read with the Arabic number words (docs/notation.md).
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

-- A saved judgement over one measure's figures.
CREATE TABLE reconciliations (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
    method     TEXT NOT NULL CHECK (method IN ('weighted', 'conservative', 'median',
                   'best-source', 'manual')),
    low        INTEGER,
    best       INTEGER,
    high       INTEGER,
    open_high  INTEGER NOT NULL DEFAULT 0 CHECK (open_high IN (0, 1)),
    conflict   INTEGER NOT NULL DEFAULT 0 CHECK (conflict IN (0, 1)),
    support    TEXT NOT NULL CHECK (support IN ('none', 'single-source', 'corroborated',
                   'contested')),
    figures    INTEGER NOT NULL,
    voices     INTEGER NOT NULL,
    figure_ids TEXT NOT NULL,        -- JSON array of the figure ids the result used
    note       TEXT,
    stale      INTEGER NOT NULL DEFAULT 0 CHECK (stale IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX reconciliations_by_measure ON reconciliations (measure_id);

-- The audit trail: every update and delete of the rows above, the old row as JSON.
CREATE TABLE history (
    id     INTEGER PRIMARY KEY,
    tbl    TEXT NOT NULL,
    row_id INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('update', 'delete')),
    old    TEXT NOT NULL,
    at     TEXT NOT NULL
);
CREATE INDEX history_by_row ON history (tbl, row_id);

-- Full-text indexes over the normalised copies (external content: the tables above are the
-- truth; the index can be rebuilt with INSERT INTO article_fts(article_fts) VALUES('rebuild')).
-- The indexed copies are already normalised (case, diacritics, harakat folded in Rust), so the
-- tokenizer only splits words: removing diacritics again cost a tenth of an import (version 2).
CREATE VIRTUAL TABLE article_fts USING fts5 (
    title_index, body_index, content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE claim_fts USING fts5 (
    quote_index, text_index, content = 'claims', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 0'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_fts (rowid, title_index, body_index)
    VALUES (new.id, new.title_index, new.body_index);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title_index, body_index)
    VALUES ('delete', old.id, old.title_index, old.body_index);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title_index, body_index ON articles BEGIN
    INSERT INTO article_fts (article_fts, rowid, title_index, body_index)
    VALUES ('delete', old.id, old.title_index, old.body_index);
    INSERT INTO article_fts (rowid, title_index, body_index)
    VALUES (new.id, new.title_index, new.body_index);
END;
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claim_fts (rowid, quote_index, text_index)
    VALUES (new.id, new.quote_index, new.text_index);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, quote_index, text_index)
    VALUES ('delete', old.id, old.quote_index, old.text_index);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF quote_index, text_index ON claims BEGIN
    INSERT INTO claim_fts (claim_fts, rowid, quote_index, text_index)
    VALUES ('delete', old.id, old.quote_index, old.text_index);
    INSERT INTO claim_fts (rowid, quote_index, text_index)
    VALUES (new.id, new.quote_index, new.text_index);
END;

-- History triggers. The derived columns (index copies, minhash) are left out of the JSON.
CREATE TRIGGER sources_history_update AFTER UPDATE ON sources BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('sources', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'name', old.name, 'kind', old.kind,
            'affiliation', old.affiliation, 'named', old.named, 'reliability', old.reliability,
            'note', old.note, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER sources_history_delete AFTER DELETE ON sources BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('sources', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'name', old.name, 'kind', old.kind,
            'affiliation', old.affiliation, 'named', old.named, 'reliability', old.reliability,
            'note', old.note, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER source_ratings_history_delete AFTER DELETE ON source_ratings BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('source_ratings', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'source_id', old.source_id,
            'from_grade', old.from_grade, 'to_grade', old.to_grade, 'why', old.why, 'at', old.at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER articles_history_update
AFTER UPDATE OF uuid, title, outlet_id, author, url, published, language, body, sha256,
    near_duplicate_of, source_path, imported_at ON articles BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('articles', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'title', old.title, 'outlet_id', old.outlet_id,
            'author', old.author, 'url', old.url, 'published', old.published,
            'language', old.language, 'body', old.body, 'sha256', old.sha256,
            'near_duplicate_of', old.near_duplicate_of, 'source_path', old.source_path,
            'imported_at', old.imported_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER articles_history_delete AFTER DELETE ON articles BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('articles', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'title', old.title, 'outlet_id', old.outlet_id,
            'author', old.author, 'url', old.url, 'published', old.published,
            'language', old.language, 'body', old.body, 'sha256', old.sha256,
            'near_duplicate_of', old.near_duplicate_of, 'source_path', old.source_path,
            'imported_at', old.imported_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER claims_history_update
AFTER UPDATE OF uuid, article_id, quote, span_start, span_end, text, unverified, credibility,
    place, when_text, when_from, when_to, when_precision, created_at ON claims BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('claims', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'article_id', old.article_id,
            'quote', old.quote, 'span_start', old.span_start, 'span_end', old.span_end,
            'text', old.text, 'unverified', old.unverified, 'credibility', old.credibility,
            'place', old.place, 'when_text', old.when_text, 'when_from', old.when_from,
            'when_to', old.when_to, 'when_precision', old.when_precision,
            'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER claims_history_delete AFTER DELETE ON claims BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('claims', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'article_id', old.article_id,
            'quote', old.quote, 'span_start', old.span_start, 'span_end', old.span_end,
            'text', old.text, 'unverified', old.unverified, 'credibility', old.credibility,
            'place', old.place, 'when_text', old.when_text, 'when_from', old.when_from,
            'when_to', old.when_to, 'when_precision', old.when_precision,
            'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER claim_sources_history_update AFTER UPDATE ON claim_sources BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('claim_sources', old.claim_id,
        'update', json_object('claim_id', old.claim_id, 'source_id', old.source_id,
            'position', old.position),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER claim_sources_history_delete AFTER DELETE ON claim_sources BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('claim_sources', old.claim_id,
        'delete', json_object('claim_id', old.claim_id, 'source_id', old.source_id,
            'position', old.position),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER claim_tags_history_delete AFTER DELETE ON claim_tags BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('claim_tags', old.claim_id,
        'delete', json_object('claim_id', old.claim_id, 'tag', old.tag),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER links_history_delete AFTER DELETE ON links BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('links', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'from_claim', old.from_claim,
            'to_claim', old.to_claim, 'relation', old.relation, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER measures_history_update AFTER UPDATE ON measures BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('measures', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'key', old.key, 'label', old.label,
            'unit', old.unit, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER measures_history_delete AFTER DELETE ON measures BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('measures', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'key', old.key, 'label', old.label,
            'unit', old.unit, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER figures_history_update AFTER UPDATE ON figures BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('figures', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'claim_id', old.claim_id,
            'measure_id', old.measure_id, 'notation', old.notation, 'kind', old.kind,
            'low', old.low, 'high', old.high, 'point', old.point, 'rule', old.rule,
            'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER figures_history_delete AFTER DELETE ON figures BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('figures', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'claim_id', old.claim_id,
            'measure_id', old.measure_id, 'notation', old.notation, 'kind', old.kind,
            'low', old.low, 'high', old.high, 'point', old.point, 'rule', old.rule,
            'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
-- A saved reconciliation goes stale as soon as any figure of its measure changes.
CREATE TRIGGER figures_stale_insert AFTER INSERT ON figures BEGIN
    UPDATE reconciliations SET stale = 1 WHERE measure_id = new.measure_id AND stale = 0;
END;
CREATE TRIGGER figures_stale_update AFTER UPDATE ON figures BEGIN
    UPDATE reconciliations SET stale = 1
    WHERE measure_id IN (old.measure_id, new.measure_id) AND stale = 0;
END;
CREATE TRIGGER figures_stale_delete AFTER DELETE ON figures BEGIN
    UPDATE reconciliations SET stale = 1 WHERE measure_id = old.measure_id AND stale = 0;
END;
CREATE TRIGGER vague_terms_history_update AFTER UPDATE ON vague_terms BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('vague_terms', old.rowid, 'update',
        json_object('word', old.word, 'display', old.display, 'low', old.low, 'high', old.high,
            'point', old.point),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER reconciliations_history_update AFTER UPDATE OF method, low, best, high, open_high,
    conflict, support, figures, voices, figure_ids, note ON reconciliations BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('reconciliations', old.id, 'update',
        json_object('id', old.id, 'uuid', old.uuid, 'measure_id', old.measure_id,
            'method', old.method, 'low', old.low, 'best', old.best, 'high', old.high,
            'note', old.note, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER reconciliations_history_delete AFTER DELETE ON reconciliations BEGIN
    INSERT INTO history (tbl, row_id, action, old, at) VALUES ('reconciliations', old.id, 'delete',
        json_object('id', old.id, 'uuid', old.uuid, 'measure_id', old.measure_id,
            'method', old.method, 'low', old.low, 'best', old.best, 'high', old.high,
            'note', old.note, 'created_at', old.created_at),
        strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
