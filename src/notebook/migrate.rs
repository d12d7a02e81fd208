//! Creating and upgrading notebooks. `schema.sql` is the whole current schema for a new file;
//! an older file is brought forward by the steps in `UPGRADES`, in one transaction, after a
//! backup copy. A file from a newer crosscheck is refused rather than guessed at.

use super::{Error, Notebook, Result, APPLICATION_ID};

pub const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version `schema.sql` describes.
pub const CURRENT_VERSION: i64 = 3;

/// Upgrade steps: `(from_version, sql)` takes a notebook from that version to the next.
/// Each step says why the schema changed.
const UPGRADES: &[(i64, &str)] = &[
    (
        1,
    // Version 2: indexes for the date and credibility filters of `claim list` and `export`,
    // which scanned every claim of a large archive.
    // The full-text indexes are rebuilt with a tokenizer that no longer folds diacritics (the
    // indexed copies are folded already), which made imports a tenth quicker.
    "CREATE INDEX IF NOT EXISTS claims_by_when ON claims (when_from, when_to);
     CREATE INDEX IF NOT EXISTS claims_by_credibility ON claims (credibility);
     DROP TABLE article_fts;
     CREATE VIRTUAL TABLE article_fts USING fts5 (
         title_index, body_index, content = 'articles', content_rowid = 'id',
         tokenize = 'unicode61 remove_diacritics 0');
     INSERT INTO article_fts (article_fts) VALUES ('rebuild');
     DROP TABLE claim_fts;
     CREATE VIRTUAL TABLE claim_fts USING fts5 (
         quote_index, text_index, content = 'claims', content_rowid = 'id',
         tokenize = 'unicode61 remove_diacritics 0');
     INSERT INTO claim_fts (claim_fts) VALUES ('rebuild');",
    ),
    (
        2,
        // Version 3: a figure may be a sum of parts (kind 'sum'), a --when phrase may be clipped
        // at the publication date (precision 'clipped'), and the vague words read with the Arabic
        // number words are seeded. `widen_checks` then adds the two values to the CHECK lists.
        "INSERT OR IGNORE INTO vague_terms (word, display, low, high, point) VALUES
            ('بضع', 'بضع', 2, 9, 3), ('بضع عشرات', 'بضع عشرات', 20, 90, 30),
            ('a few dozen', 'a few dozen', 24, 108, 36),
            ('بضع مئات', 'بضع مئات', 200, 900, 300), ('a few hundred', 'a few hundred', 200, 900, 300),
            ('several hundred', 'several hundred', 300, 900, 300),
            ('بضعه الاف', 'بضعة آلاف', 2000, 9000, 3000), ('a few thousand', 'a few thousand', 2000, 9000, 3000),
            ('several thousand', 'several thousand', 3000, 9000, 3000),
            ('عشرات الالاف', 'عشرات الآلاف', 10000, 99999, 10000),
            ('tens of thousands', 'tens of thousands', 10000, 99999, 10000),
            ('مئات الالاف', 'مئات الآلاف', 100000, 999999, 100000),
            ('hundreds of thousands', 'hundreds of thousands', 100000, 999999, 100000);",
    ),
];

/// SQLite cannot alter a CHECK constraint. Adding a value to a CHECK list only loosens it (every
/// existing row still passes), which SQLite documents as safe to do by rewriting the table's
/// definition in place: the same text with the value added, then a new schema cookie.
fn widen_checks(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    let edits = [
        ("figures", "'range', 'vague')", "'range', 'vague', 'sum')"),
        ("claims", "'day', 'range')", "'day', 'range', 'clipped')"),
    ];
    let cookie: i64 = tx.query_row("PRAGMA schema_version", [], |r| r.get(0))?;
    tx.execute_batch("PRAGMA writable_schema = ON")?;
    for (table, old, new) in edits {
        let changed = tx.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?1, ?2)
             WHERE type = 'table' AND name = ?3 AND instr(sql, ?1) > 0",
            rusqlite::params![old, new, table],
        )?;
        if changed != 1 {
            tx.execute_batch("PRAGMA writable_schema = OFF")?;
            return Err(Error::Invalid(format!(
                "the notebook's {table} table is not defined as crosscheck wrote it, so it cannot be upgraded; \
                 restore the backup copy beside it"
            )));
        }
    }
    tx.execute_batch(&format!("PRAGMA schema_version = {}; PRAGMA writable_schema = OFF;", cookie + 1))?;
    Ok(())
}

pub fn bring_up_to_date(nb: &mut Notebook) -> Result<()> {
    let version = nb.schema_version()?;
    let app_id: i32 = nb.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if version == CURRENT_VERSION && app_id == APPLICATION_ID {
        return Ok(());
    }
    if app_id != APPLICATION_ID && (version != 0 || has_tables(nb)?) {
        return Err(Error::Invalid(format!(
            "{} is an SQLite file but not a crosscheck notebook; give another path with --db",
            nb.path.display()
        )));
    }
    if version > CURRENT_VERSION {
        return Err(Error::Invalid(format!(
            "{} was written by a newer crosscheck (schema {version}); this one reads up to schema \
             {CURRENT_VERSION}, so upgrade crosscheck before opening it",
            nb.path.display()
        )));
    }
    if version == 0 {
        let tx = nb.write()?;
        // Another process may have created the schema while we waited for the lock.
        let again: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if again == 0 {
            tx.execute_batch(SCHEMA)?;
            tx.execute_batch(&format!(
                "PRAGMA user_version = {CURRENT_VERSION}; PRAGMA application_id = {APPLICATION_ID};"
            ))?;
        }
        tx.commit()?;
        return Ok(());
    }
    upgrade(nb, version)
}

fn has_tables(nb: &Notebook) -> Result<bool> {
    let n: i64 = nb.conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(n > 0)
}

/// Where the copy taken before an upgrade goes: beside the notebook, named for its version.
pub fn backup_path(nb: &Notebook, version: i64) -> std::path::PathBuf {
    let mut name = nb.path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(format!(".v{version}.bak"));
    nb.path.with_file_name(name)
}

fn upgrade(nb: &mut Notebook, from: i64) -> Result<()> {
    let backup = backup_path(nb, from);
    if !backup.exists() {
        nb.backup_to(&backup)?;
    }
    let tx = nb.write()?;
    let mut version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    while version < CURRENT_VERSION {
        let step = UPGRADES
            .iter()
            .find(|(v, _)| *v == version)
            .ok_or_else(|| Error::Invalid(format!("no upgrade is known from notebook schema {version}")))?;
        tx.execute_batch(step.1)?;
        version += 1;
        if version == 2 {
            // Version 2 also changed how near-duplicate bands are hashed; rebuild them.
            super::articles::rebuild_bands(&tx)?;
        }
        if version == 3 {
            widen_checks(&tx)?;
        }
        tx.execute_batch(&format!("PRAGMA user_version = {version}"))?;
    }
    tx.commit()?;
    Ok(())
}
