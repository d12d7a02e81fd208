//! Creating, upgrading and verifying notebooks. `schema.sql` is the whole current schema of the
//! tables; the history and tombstone triggers are generated here from the tables' own columns.
//! An older file is brought forward in one transaction after a backup copy; a file from a newer
//! crosscheck is refused; and every notebook (ours or a colleague's) must match the expected
//! schema exactly before anything is read from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::{params, Connection, OpenFlags, Transaction};

use super::{Error, Notebook, Result, APPLICATION_ID};
use crate::vocab::HistoryTable;

pub const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version `schema.sql` describes.
pub const CURRENT_VERSION: i64 = 3;

/// The tables whose deleted rows leave a tombstone: every table whose rows have a uuid.
pub const TOMBSTONE_TABLES: &[&str] =
    &["sources", "source_ratings", "articles", "claims", "links", "measures", "figures", "reconciliations"];

/// What a file says about itself before it is opened for real.
#[derive(Debug, Clone, Copy)]
pub struct Version {
    pub user_version: i64,
    pub application_id: i32,
}

impl Version {
    /// A crosscheck notebook of an older schema.
    pub fn needs_upgrade(&self) -> bool {
        self.application_id == APPLICATION_ID && self.user_version < CURRENT_VERSION
    }
}

/// Reads a file's schema version without changing anything.
pub fn peek_version(path: &Path) -> Result<Version> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let read = || -> rusqlite::Result<Version> {
        Ok(Version {
            user_version: conn.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            application_id: conn.query_row("PRAGMA application_id", [], |r| r.get(0))?,
        })
    };
    read().map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::Invalid(format!(
            "{} is not a crosscheck notebook; give another path with --db or move that file away",
            path.display()
        )),
        _ => e.into(),
    })
}

/// Creates the schema in a new notebook, or upgrades an older one.
pub fn bring_up_to_date(nb: &mut Notebook) -> Result<()> {
    let version: i64 = nb.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let app_id: i32 = nb.conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if version == CURRENT_VERSION && app_id == APPLICATION_ID {
        return Ok(());
    }
    if app_id != APPLICATION_ID && (version != 0 || has_tables(&nb.conn)?) {
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
    if !nb.writable {
        return Err(Error::Invalid(format!(
            "{} is empty, not a notebook yet; `crosscheck init` creates one",
            nb.path.display()
        )));
    }
    if version == 0 {
        let tx = nb.write()?;
        // Another process may have created the schema while we waited for the lock.
        let again: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if again == 0 {
            create(&tx)?;
            tx.execute_batch(&format!(
                "PRAGMA user_version = {CURRENT_VERSION}; PRAGMA application_id = {APPLICATION_ID};"
            ))?;
        }
        tx.commit()?;
        return Ok(());
    }
    upgrade(nb, version)
}

fn has_tables(conn: &Connection) -> Result<bool> {
    let n: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    Ok(n > 0)
}

/// The whole current schema: `schema.sql`, then the generated triggers.
fn create(tx: &Connection) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    tx.execute_batch(&generated_triggers(tx)?)?;
    Ok(())
}

/// The columns of a table, in order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    let cols = stmt.query_map([table], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(cols)
}

/// The row id a history entry names: the row's `id`, else the id of the row it belongs to
/// (`claim_id` of a claim's tag), else SQLite's rowid.
fn row_id_column(cols: &[String]) -> String {
    if cols.iter().any(|c| c == "id") {
        return "old.id".into();
    }
    match cols.iter().find(|c| c.ends_with("_id")) {
        Some(c) => format!("old.{c}"),
        None => "old.rowid".into(),
    }
}

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

/// The history triggers (every column of the old row, as JSON, for every update that changes
/// something and every delete) and the tombstone triggers, made from the tables' columns.
pub fn generated_triggers(conn: &Connection) -> Result<String> {
    let mut sql = String::new();
    for table in HistoryTable::ALL.iter().map(|t| t.as_str()) {
        let cols = columns(conn, table)?;
        let object: Vec<String> = cols.iter().map(|c| format!("'{c}', old.{c}")).collect();
        let object = format!("json_object({})", object.join(", "));
        let row = row_id_column(&cols);
        let changed: Vec<String> = cols.iter().map(|c| format!("old.{c} IS NOT new.{c}")).collect();
        sql.push_str(&format!(
            "CREATE TRIGGER {table}_history_update AFTER UPDATE ON {table} WHEN {} BEGIN \
             INSERT INTO history (tbl, row_id, action, old, at) VALUES ('{table}', {row}, 'update', {object}, {NOW}); END;\n",
            changed.join(" OR ")
        ));
        sql.push_str(&format!(
            "CREATE TRIGGER {table}_history_delete AFTER DELETE ON {table} BEGIN \
             INSERT INTO history (tbl, row_id, action, old, at) VALUES ('{table}', {row}, 'delete', {object}, {NOW}); END;\n"
        ));
    }
    for table in TOMBSTONE_TABLES {
        sql.push_str(&format!(
            "CREATE TRIGGER {table}_tombstone AFTER DELETE ON {table} BEGIN \
             INSERT OR REPLACE INTO tombstones (uuid, tbl, at) VALUES (old.uuid, '{table}', {NOW}); END;\n"
        ));
    }
    Ok(sql)
}

/// Where the copy taken before an upgrade goes: beside the notebook, named for its version. A
/// copy already there is kept, and the new one is named for the time as well.
pub fn backup_path(path: &Path, version: i64) -> PathBuf {
    let named = |suffix: String| {
        let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
        name.push(suffix);
        path.with_file_name(name)
    };
    let plain = named(format!(".v{version}.bak"));
    if !plain.exists() {
        return plain;
    }
    let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
    let mut n = 0;
    loop {
        let candidate = named(if n == 0 {
            format!(".v{version}.{stamp}.bak")
        } else {
            format!(".v{version}.{stamp}-{n}.bak")
        });
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

/// Upgrade steps from version 1. Each says why the schema changed.
fn step(tx: &Transaction<'_>, from: i64) -> Result<()> {
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
        _ => return Err(Error::Invalid(format!("no upgrade is known from notebook schema {from}"))),
    }
    Ok(())
}

fn upgrade(nb: &mut Notebook, from: i64) -> Result<()> {
    let backup = backup_path(&nb.path, from);
    nb.backup_to(&backup)?;
    // Tables are rebuilt under their own names: foreign keys are checked once, at the end.
    nb.conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;")?;
    let result = (|| -> Result<()> {
        let tx = nb.write()?;
        let mut version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        while version < CURRENT_VERSION {
            step(&tx, version)?;
            version += 1;
            tx.execute_batch(&format!("PRAGMA user_version = {version}"))?;
        }
        let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        if broken > 0 {
            return Err(Error::Invalid(format!(
                "the notebook has {broken} row(s) pointing to rows that do not exist, so it was not upgraded; \
                 the copy {} is untouched",
                backup.display()
            )));
        }
        tx.commit()?;
        Ok(())
    })();
    nb.conn.execute_batch("PRAGMA foreign_keys = ON; PRAGMA legacy_alter_table = OFF;")?;
    result
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
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
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
    create(tx)?;
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
        let name: String = r.get(2)?;
        write.execute(params![
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            name,
            super::sources::name_key(&name),
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, i64>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, String>(8)?,
        ])?;
    }
    Ok(())
}

/// One entry of a schema: (type, name) -> the statement that made it, spacing and quotes folded.
type Shape = BTreeMap<(String, String), String>;

fn fold_sql(sql: &str) -> String {
    sql.replace('"', "").split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shape_of(conn: &Connection, schema: &str) -> Result<Shape> {
    // `schema` is "main" or "other", never user text.
    let mut stmt =
        conn.prepare(&format!("SELECT type, name, coalesce(sql, '') FROM {schema}.sqlite_master"))?;
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
    let mut shape = Shape::new();
    for row in rows {
        let (kind, name, sql) = row?;
        // SQLite's own statistics may appear after `PRAGMA optimize`; they hold no code.
        if name.starts_with("sqlite_stat") {
            continue;
        }
        shape.insert((kind, name), fold_sql(&sql));
    }
    Ok(shape)
}

/// The SHA-256 of the expected schema's shape ([`fingerprint`] of [`expected`]). When the schema
/// changes, the test `the_fingerprint_is_that_of_the_schema` fails and prints the new value.
const EXPECTED_FINGERPRINT: &str = "7b0424ff63074aa9a49108c3bc8df9e7082d5ef7a0dabad3db6b37ba910b07f2";

/// A digest of a shape: every entry's type, name and folded statement, in order, each part
/// preceded by its length, so no content (a NUL in a statement, say) can move a boundary and
/// make two different shapes hash alike.
fn fingerprint(shape: &Shape) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update((shape.len() as u64).to_le_bytes());
    for ((kind, name), sql) in shape {
        for part in [kind, name, sql] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The expected schema, built once per process in memory from `schema.sql`.
fn expected() -> Result<&'static Shape> {
    static EXPECTED: OnceLock<Shape> = OnceLock::new();
    if let Some(s) = EXPECTED.get() {
        return Ok(s);
    }
    let conn = Connection::open_in_memory()?;
    create(&conn)?;
    let shape = shape_of(&conn, "main")?;
    Ok(EXPECTED.get_or_init(|| shape))
}

/// Checks that a notebook's schema (`main`, or an attached `other`) is exactly the expected one:
/// the same tables, columns, constraints, indexes and triggers, and nothing else (no views, no
/// extra triggers that could run on a write, no renamed tables). Names the first differences.
pub fn verify_schema(conn: &Connection, schema: &str, path: &Path) -> Result<()> {
    let have = shape_of(conn, schema)?;
    // The expected shape's digest is known (a test checks it against the schema made in
    // memory), so a notebook that matches costs one hash, not building the schema again at
    // every start. Any difference builds it to name what differs.
    if fingerprint(&have) == EXPECTED_FINGERPRINT {
        return Ok(());
    }
    let want = expected()?;
    if have == *want {
        return Ok(());
    }
    if have.is_empty() {
        return Err(Error::Invalid(format!("{} is empty, not a crosscheck notebook", path.display())));
    }
    let mut differences = Vec::new();
    for ((kind, name), sql) in want {
        match have.get(&(kind.clone(), name.clone())) {
            None => differences.push(format!("the {kind} {name} is missing")),
            Some(s) if s != sql => {
                differences.push(format!("the {kind} {name} is not as crosscheck made it"))
            }
            Some(_) => {}
        }
    }
    for (kind, name) in have.keys() {
        if !want.contains_key(&(kind.clone(), name.clone())) {
            differences.push(format!("it has an extra {kind} {name}"));
        }
    }
    let shown: Vec<String> = differences.iter().take(3).cloned().collect();
    let more = differences.len().saturating_sub(3);
    Err(Error::Invalid(format!(
        "{} does not have the schema of a crosscheck notebook, so it is not trusted: {}{}",
        path.display(),
        shown.join("; "),
        if more > 0 { format!(" (and {more} more)") } else { String::new() }
    )))
}

pub fn verify(conn: &Connection, path: &Path) -> Result<()> {
    verify_schema(conn, "main", path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_is_that_of_the_schema() {
        assert_eq!(fingerprint(expected().unwrap()), EXPECTED_FINGERPRINT, "update EXPECTED_FINGERPRINT");
    }

    #[test]
    fn an_entry_hidden_inside_another_changes_the_fingerprint() {
        // SQLite reads a statement only up to a NUL: a removed trigger packed after one into the
        // statement of another must not hash like the two entries it imitates.
        let key = |k: &str, n: &str| (k.to_string(), n.to_string());
        let two: Shape = [
            (key("trigger", "a"), "CREATE TRIGGER a".to_string()),
            (key("trigger", "b"), "CREATE TRIGGER b".to_string()),
        ]
        .into_iter()
        .collect();
        let packed: Shape =
            [(key("trigger", "a"), "CREATE TRIGGER a\0trigger\0b\0CREATE TRIGGER b".to_string())]
                .into_iter()
                .collect();
        assert_ne!(fingerprint(&two), fingerprint(&packed));
        let packed_nul: Shape = [(
            key("trigger", "a"),
            "CREATE TRIGGER a\u{0}\u{0}trigger\u{0}b\u{0}CREATE TRIGGER b".to_string(),
        )]
        .into_iter()
        .collect();
        assert_ne!(fingerprint(&two), fingerprint(&packed_nul));
    }

    #[test]
    fn every_history_table_has_triggers_that_record_every_column() {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        for table in HistoryTable::ALL {
            let cols = columns(&conn, table.as_str()).unwrap();
            assert!(!cols.is_empty(), "{table}");
            for action in ["update", "delete"] {
                let sql: String = conn
                    .query_row(
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                        [format!("{table}_history_{action}")],
                        |r| r.get(0),
                    )
                    .unwrap();
                for c in &cols {
                    assert!(sql.contains(&format!("'{c}', old.{c}")), "{table} {action} misses {c}");
                }
            }
        }
    }

    #[test]
    fn a_changed_schema_is_named() {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        verify(&conn, Path::new("x.db")).unwrap();
        conn.execute_batch("CREATE VIEW spy AS SELECT 1; DROP TRIGGER claims_tombstone;").unwrap();
        let e = verify(&conn, Path::new("x.db")).unwrap_err().to_string();
        assert!(e.contains("extra view spy") && e.contains("trigger claims_tombstone is missing"), "{e}");
    }
}
