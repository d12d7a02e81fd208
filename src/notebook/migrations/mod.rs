//! The upgrade steps, one per schema version, frozen: each builds exactly the schema of its
//! version from its own SQL (`v3.sql`, `v3_to_v4.sql`, `v4_to_v5.sql`) and its own table lists, and never calls
//! the query code of later versions, so an old notebook is upgraded the same way whatever the
//! code has become since. Derived values (source name keys, near-duplicate bands, search words)
//! are the exception: they must match what today's code looks up, so they are computed by it.
//! A new version adds a file and a step here, with a comment saying why the schema changed.

use rusqlite::{params, Transaction};

use super::schema::generated_triggers_for;
use super::{Error, Result};

/// One step: the notebook at version `from` becomes version `from + 1`.
pub(super) fn step(tx: &Transaction<'_>, from: i64) -> Result<()> {
    match from {
        // Version 2 changed only indexes, the search tokenizer and how near-duplicate bands are
        // hashed; the tables were those of version 1. Version 3 rebuilds all three.
        1 => {}
        // Version 3: STRICT tables with CHECKs for every rule the code relies on; indexed
        // source name keys and aliases; tombstones; figures' provisional flag and sums; saved
        // reconciliations with their filters and a table of the figures they used; generated
        // history triggers; and contentless search indexes with English stemming (the stored
        // normalised copies are gone).
        2 => v2_to_v3(tx)?,
        // Version 4: incidents, derived measures, rejected suggestions, pages, an article's note,
        // encoding and archived copy, cumulative dates (v3_to_v4.sql says more).
        3 => v3_to_v4(tx)?,
        // Version 5: the sums above each measure kept in a table (measure_closure) by triggers
        // on measure_parts, instead of a view that walked every part in the notebook at every
        // figure written (v4_to_v5.sql says more).
        4 => v4_to_v5(tx)?,
        _ => return Err(Error::Invalid(format!("no upgrade is known from notebook schema {from}"))),
    }
    Ok(())
}

/// The whole schema of version 3, as it was released.
const V3_SCHEMA: &str = include_str!("v3.sql");

/// The tables of version 3 with history triggers, and those with tombstones.
const V3_HISTORY: &[&str] = &[
    "articles",
    "sources",
    "source_aliases",
    "source_ratings",
    "claims",
    "claim_sources",
    "claim_tags",
    "links",
    "measures",
    "figures",
    "vague_terms",
    "reconciliations",
    "reconciliation_figures",
];
const V3_TOMBSTONES: &[&str] =
    &["sources", "source_ratings", "articles", "claims", "links", "measures", "figures", "reconciliations"];

fn create_v3(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(V3_SCHEMA)?;
    tx.execute_batch(&generated_triggers_for(tx, V3_HISTORY, V3_TOMBSTONES)?)?;
    Ok(())
}

/// The tables of version 2, renamed away and copied into the version 3 tables.
const V2_TABLES: &[&str] = &[
    "sources",
    "source_ratings",
    "articles",
    "article_bands",
    "claims",
    "claim_sources",
    "claim_tags",
    "links",
    "measures",
    "figures",
    "vague_terms",
    "reconciliations",
    "history",
];

/// How version 2 rows are copied into the version 3 tables, table by table.
const V2_COPIES: &[(&str, &str)] = &[
    // The history first, with its ids, before anything else could add to it.
    ("history", "INSERT INTO history SELECT id, tbl, row_id, action, old, at FROM v2_history"),
    ("source_ratings", "INSERT INTO source_ratings SELECT id, uuid, source_id, from_grade, to_grade, why, at FROM v2_source_ratings"),
    ("articles", "INSERT INTO articles (id, uuid, title, outlet_id, author, url, published, language, body, sha256, near_duplicate_of, source_path, imported_at) SELECT id, uuid, title, outlet_id, author, url, published, language, body, sha256, near_duplicate_of, source_path, imported_at FROM v2_articles"),
    ("claims", "INSERT INTO claims (id, uuid, article_id, quote, span_start, span_end, text, unverified, credibility, place, when_text, when_from, when_to, when_precision, created_at) SELECT id, uuid, article_id, quote, span_start, span_end, text, unverified, credibility, place, when_text, when_from, when_to, when_precision, created_at FROM v2_claims"),
    ("claim_sources", "INSERT INTO claim_sources SELECT claim_id, source_id, position FROM v2_claim_sources"),
    ("claim_tags", "INSERT INTO claim_tags SELECT claim_id, tag FROM v2_claim_tags"),
    ("links", "INSERT INTO links SELECT id, uuid, from_claim, to_claim, relation, created_at FROM v2_links"),
    ("measures", "INSERT INTO measures SELECT id, uuid, key, label, unit, created_at FROM v2_measures"),
    ("figures", "INSERT INTO figures (id, uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at) SELECT id, uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at FROM v2_figures"),
    // REPLACE over the seeded defaults, without a history entry (no delete trigger fires).
    ("vague_terms", "INSERT OR REPLACE INTO vague_terms SELECT word, display, low, high, point FROM v2_vague_terms"),
    ("reconciliations", "INSERT INTO reconciliations (id, uuid, measure_id, method, low, best, high, open_high, conflict, support, figures, voices, note, stale, created_at) SELECT id, uuid, measure_id, method, low, best, high, open_high, conflict, support, figures, voices, note, stale, created_at FROM v2_reconciliations"),
    ("reconciliation_figures", "INSERT OR IGNORE INTO reconciliation_figures (reconciliation_id, figure_id) SELECT r.id, j.value FROM v2_reconciliations r, json_each(r.figure_ids) j WHERE json_valid(r.figure_ids) AND j.value IN (SELECT id FROM figures)"),
];

fn v2_to_v3(tx: &Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL
         UNION ALL SELECT 'table', name FROM sqlite_master WHERE type = 'table' AND name IN ('article_fts', 'claim_fts')",
    )?;
    let old: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get("type")?, r.get("name")?)))?.collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for (kind, name) in old {
        // Names come from the notebook's own schema and are quoted.
        let sql = match kind.as_str() {
            "trigger" => format!("DROP TRIGGER IF EXISTS \"{name}\""),
            "index" => format!("DROP INDEX IF EXISTS \"{name}\""),
            _ => format!("DROP TABLE IF EXISTS \"{name}\""),
        };
        tx.execute_batch(&sql)?;
    }
    for t in V2_TABLES {
        tx.execute_batch(&format!("ALTER TABLE {t} RENAME TO v2_{t}"))?;
    }
    create_v3(tx)?;
    for (table, sql) in V2_COPIES {
        tx.execute_batch(sql).map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::Invalid(format!(
                "the notebook's {table} hold a row that version 3 does not allow, so it was not upgraded; it is unchanged"
            )),
            _ => e.into(),
        })?;
    }
    copy_sources(tx)?;
    for t in V2_TABLES {
        tx.execute_batch(&format!("DROP TABLE v2_{t}"))?;
    }
    super::articles::rebuild_bands(tx)?;
    super::search::reindex(tx, false)?;
    Ok(())
}

/// Sources get their name key, computed as every later name is.
fn copy_sources(tx: &Transaction<'_>) -> Result<()> {
    let mut read = tx.prepare(
        "SELECT id, uuid, name, kind, affiliation, named, reliability, note, created_at FROM v2_sources ORDER BY id",
    )?;
    let mut write = tx.prepare(
        "INSERT INTO sources (id, uuid, name, name_key, kind, affiliation, named, reliability, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let name: String = r.get("name")?;
        write.execute(params![
            r.get::<_, i64>("id")?,
            r.get::<_, String>("uuid")?,
            name,
            super::sources::name_key(&name),
            r.get::<_, String>("kind")?,
            r.get::<_, Option<String>>("affiliation")?,
            r.get::<_, i64>("named")?,
            r.get::<_, String>("reliability")?,
            r.get::<_, Option<String>>("note")?,
            r.get::<_, String>("created_at")?,
        ])?;
    }
    Ok(())
}

/// From version 3 to 4, as released.
const V3_TO_V4: &str = include_str!("v3_to_v4.sql");

/// The tables of version 4 with history triggers, and those with tombstones.
const V4_HISTORY: &[&str] = &[
    "articles",
    "sources",
    "source_aliases",
    "source_ratings",
    "claims",
    "claim_sources",
    "claim_tags",
    "links",
    "measures",
    "figures",
    "vague_terms",
    "reconciliations",
    "reconciliation_figures",
    "incidents",
    "measure_parts",
    "rejected_suggestions",
];
const V4_TOMBSTONES: &[&str] = &[
    "sources",
    "source_ratings",
    "articles",
    "claims",
    "links",
    "measures",
    "figures",
    "reconciliations",
    "incidents",
    "rejected_suggestions",
];

fn v3_to_v4(tx: &Transaction<'_>) -> Result<()> {
    drop_all_triggers(tx)?;
    tx.execute_batch(V3_TO_V4).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) => Error::Invalid(
            "the notebook holds a row that version 4 does not allow, so it was not upgraded; it is unchanged"
                .into(),
        ),
        _ => e.into(),
    })?;
    tx.execute_batch(&generated_triggers_for(tx, V4_HISTORY, V4_TOMBSTONES)?)?;
    Ok(())
}

/// From version 4 to 5, as released: no table is rebuilt and no generated trigger changes.
const V4_TO_V5: &str = include_str!("v4_to_v5.sql");

fn v4_to_v5(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch(V4_TO_V5)?;
    Ok(())
}

/// Every trigger of the notebook, dropped before a step that rebuilds tables: a trigger on a
/// renamed table would follow it, and the step writes each one again in its new form.
fn drop_all_triggers(tx: &Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")?;
    let names: Vec<String> = stmt.query_map([], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for name in names {
        // Names come from the notebook's own schema and are quoted.
        tx.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(())
}
