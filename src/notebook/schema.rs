//! Creating, upgrading and verifying notebooks. `schema.sql` is the whole current schema of the
//! tables; the history and tombstone triggers are generated here from the tables' own columns.
//! An older file is brought forward in one transaction after a backup copy, by the frozen steps
//! of `migrations/`; a file from a newer crosscheck is refused; and every notebook (ours or a colleague's) must match the expected
//! schema exactly before anything is read from it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::{Connection, Transaction};

use super::{Error, Notebook, Result, APPLICATION_ID};
use crate::vocab::HistoryTable;

pub const SCHEMA: &str = include_str!("../../schema.sql");

/// The schema version `schema.sql` describes.
pub const CURRENT_VERSION: i64 = 5;

/// The tables whose deleted rows leave a tombstone: every table whose rows have a uuid.
pub const TOMBSTONE_TABLES: &[&str] = &[
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

/// What SQLite's header says of a connection's file: its schema version (`PRAGMA
/// user_version`) and application id. The one place either is read.
pub(crate) fn header(conn: &Connection) -> rusqlite::Result<Version> {
    Ok(Version {
        user_version: conn.query_row("PRAGMA user_version", [], |r| r.get("user_version"))?,
        application_id: conn.query_row("PRAGMA application_id", [], |r| r.get("application_id"))?,
    })
}

/// Records the schema version a step has brought the notebook to. The one place it is written.
fn set_user_version(conn: &Connection, version: i64) -> rusqlite::Result<()> {
    conn.pragma_update(None, "user_version", version)
}

/// Reads a file's schema version without changing anything.
pub fn peek_version(path: &Path) -> Result<Version> {
    let conn = super::open_sqlite(path, super::Access::Read)?;
    header(&conn).map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => Error::Invalid(format!(
            "{} is not a crosscheck notebook; give another path with --db or move that file away",
            path.display()
        )),
        _ => e.into(),
    })
}

/// Creates the schema in a new notebook, or upgrades an older one. The header and the tables are
/// read together in one snapshot: read apart, a process could see the tables another process has
/// just created with the header it read before them, and refuse a notebook being born.
pub fn bring_up_to_date(nb: &mut Notebook) -> Result<()> {
    let (Version { user_version: version, application_id: app_id }, tables) = {
        let tx = nb.read()?;
        let found = header(&tx)?;
        let tables = found.application_id != APPLICATION_ID && has_tables(&tx)?;
        (found, tables)
    };
    if version == CURRENT_VERSION && app_id == APPLICATION_ID {
        return Ok(());
    }
    if app_id != APPLICATION_ID && (version != 0 || tables) {
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
        if header(&tx)?.user_version == 0 {
            create(&tx)?;
            set_user_version(&tx, CURRENT_VERSION)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        tx.commit()?;
        return Ok(());
    }
    upgrade(nb, version)
}

/// Does the file hold anything but Litestream's own tables (which Litestream creates in an empty
/// file it was pointed at before `crosscheck init`) and SQLite's statistics? Read as the schema
/// is compared, through `shape_of`.
fn has_tables(conn: &Connection) -> Result<bool> {
    Ok(!shape_of(conn, "main")?.is_empty())
}

/// The tables Litestream creates in every database it replicates, by name, with the statement
/// exactly as SQLite keeps it (Litestream runs `CREATE TABLE IF NOT EXISTS` with these columns;
/// the same in its 0.3 and 0.5 releases). `_litestream_seq` holds one counter Litestream bumps to
/// force a write into the WAL; `_litestream_lock` stays empty, written only inside transactions
/// Litestream rolls back, to hold the write lock while it checkpoints.
pub const LITESTREAM_TABLES: [(&str, &str); 2] = [
    ("_litestream_seq", "CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)"),
    ("_litestream_lock", "CREATE TABLE _litestream_lock (id INTEGER)"),
];

/// Is this schema entry one of Litestream's tables, exactly as Litestream makes it? A table of
/// that name with other columns, or an index or trigger on one, is not: it stays in the shape,
/// and the notebook is refused for it like for any other extra entry.
fn is_litestream_table(kind: &str, name: &str, folded_sql: &str) -> bool {
    kind == "table" && LITESTREAM_TABLES.iter().any(|(n, sql)| *n == name && fold_sql(sql) == folded_sql)
}

/// The whole current schema: `schema.sql`, then the generated triggers.
fn create(tx: &Connection) -> Result<()> {
    tx.execute_batch(SCHEMA)?;
    tx.execute_batch(&generated_triggers(tx)?)?;
    Ok(())
}

/// The current tables with history, by name.
fn history_tables() -> Vec<&'static str> {
    HistoryTable::ALL.iter().map(|t| t.as_str()).collect()
}

/// The columns of a table, in order.
fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(super::history::COLUMN_NAMES)?;
    let cols = stmt.query_map([table], |r| r.get("name"))?.collect::<rusqlite::Result<Vec<String>>>()?;
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
    generated_triggers_for(conn, &history_tables(), TOMBSTONE_TABLES)
}

/// The generated triggers of the given tables: an upgrade step names the tables of its own
/// version, so that what it builds never depends on tables added later.
pub(super) fn generated_triggers_for(
    conn: &Connection,
    history: &[&str],
    tombstones: &[&str],
) -> Result<String> {
    let mut sql = String::new();
    for &table in history {
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
    for table in tombstones {
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

/// Every copy taken before an upgrade from `version` beside the notebook, newest first.
fn earlier_copies(path: &Path, version: i64) -> Vec<PathBuf> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else { return Vec::new() };
    let prefix = format!("{name}.v{version}.");
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = std::fs::read_dir(&folder) else { return Vec::new() };
    let mut copies: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(std::result::Result::ok)
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && n.ends_with(".bak")
        })
        .filter_map(|e| {
            let m = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
            Some((m.modified().ok()?, e.path()))
        })
        .collect();
    copies.sort_by_key(|c| std::cmp::Reverse(c.0));
    copies.into_iter().map(|(_, p)| p).collect()
}

/// A digest of everything a database holds: every row of every table, in order, with the
/// kind of each value. Two files with the same digest hold the same notebook.
fn content_digest(conn: &Connection) -> Result<Vec<u8>> {
    use rusqlite::types::ValueRef;
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )?;
    let tables: Vec<(String, Option<String>)> =
        stmt.query_map([], |r| Ok((r.get("name")?, r.get("sql")?)))?.collect::<rusqlite::Result<_>>()?;
    for (table, sql) in tables {
        if sql.is_some_and(|s| s.to_ascii_uppercase().starts_with("CREATE VIRTUAL")) {
            continue;
        }
        hash.update((table.len() as u64).to_le_bytes());
        hash.update(table.as_bytes());
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{}\"", table.replace('"', "\"\"")))?;
        let n = stmt.column_count();
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            for i in 0..n {
                let (tag, bytes): (u8, Vec<u8>) = match r.get_ref(i)? {
                    ValueRef::Null => (0, Vec::new()),
                    ValueRef::Integer(v) => (1, v.to_le_bytes().to_vec()),
                    ValueRef::Real(v) => (2, v.to_le_bytes().to_vec()),
                    ValueRef::Text(t) => (3, t.to_vec()),
                    ValueRef::Blob(b) => (4, b.to_vec()),
                };
                hash.update([tag]);
                hash.update((bytes.len() as u64).to_le_bytes());
                hash.update(&bytes);
            }
        }
    }
    Ok(hash.finalize().to_vec())
}

/// The copy an earlier attempt at this upgrade left, if the notebook is still exactly what
/// that copy holds: a failed upgrade changes nothing, and no command can change an old notebook
/// without upgrading it, so the next attempt needs no second copy.
fn copy_of_this(nb: &Notebook, version: i64) -> Result<Option<PathBuf>> {
    let Some(newest) = earlier_copies(&nb.path, version).into_iter().next() else { return Ok(None) };
    // Read as immutable: opened the usual way, a copy in WAL mode would be left with a `-wal`
    // and a `-shm` file beside it after every command.
    let opened = if super::no_pending_log(&newest) {
        rusqlite::Connection::open_with_flags(
            super::immutable_uri(&newest),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY
                | rusqlite::OpenFlags::SQLITE_OPEN_URI
                | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
    } else {
        super::open_sqlite(&newest, super::Access::Read)
    };
    let Ok(copy) = opened else { return Ok(None) };
    super::harden(&copy)?;
    let same = match (content_digest(&copy), content_digest(&nb.conn)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    Ok(same.then_some(newest))
}

fn upgrade(nb: &mut Notebook, from: i64) -> Result<()> {
    let backup = match copy_of_this(nb, from)? {
        Some(copy) => copy,
        None => {
            let backup = backup_path(&nb.path, from);
            nb.backup_to(&backup)?;
            backup
        }
    };
    let result = upgrade_after_copy(nb, &backup);
    // Whatever stopped the upgrade, the user learns where the copy is.
    result.map_err(|e| {
        let said = format!("the copy {} is untouched", backup.display());
        match e {
            Error::Invalid(m) if m.contains(&said) => Error::Invalid(m),
            Error::Invalid(m) => Error::Invalid(format!("{m}; {said}")),
            Error::Sql(s) if !super::plain_sql_error(&s) => Error::Invalid(format!(
                "the notebook could not be upgraded: {}; {said}",
                super::describe_sql(&s)
            )),
            other => other,
        }
    })
}

fn upgrade_after_copy(nb: &mut Notebook, backup: &Path) -> Result<()> {
    // Tables are rebuilt under their own names: foreign keys are checked once, at the end.
    nb.conn.execute_batch("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON;")?;
    let result = (|| -> Result<()> {
        let tx = nb.write()?;
        let mut version = header(&tx)?.user_version;
        while version < CURRENT_VERSION {
            super::migrations::step(&tx, version)?;
            version += 1;
            set_user_version(&tx, version)?;
        }
        refresh_generated_triggers(&tx)?;
        let broken = super::integrity::broken_references(&tx)?;
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

/// The generated triggers are rewritten as today's code makes them, whatever version wrote
/// them: the expected schema is made by today's generator.
fn refresh_generated_triggers(tx: &Transaction<'_>) -> Result<()> {
    let mut stmt = tx.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND (name GLOB '*_history_update'
         OR name GLOB '*_history_delete' OR name GLOB '*_tombstone')",
    )?;
    let names: Vec<String> = stmt.query_map([], |r| r.get("name"))?.collect::<rusqlite::Result<_>>()?;
    drop(stmt);
    for name in names {
        // Names come from the notebook's own schema and are quoted.
        tx.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{}\"", name.replace('"', "\"\"")))?;
    }
    tx.execute_batch(&generated_triggers(tx)?)?;
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
        conn.prepare(&format!("SELECT type, name, coalesce(sql, '') AS sql FROM {schema}.sqlite_master"))?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>("type")?, r.get::<_, String>("name")?, r.get::<_, String>("sql")?))
    })?;
    let mut shape = Shape::new();
    for row in rows {
        let (kind, name, sql) = row?;
        // SQLite's own statistics may appear after `PRAGMA optimize`; they hold no code.
        if name.starts_with("sqlite_stat") {
            continue;
        }
        // A notebook replicated by Litestream is a notebook: its two tables hold no code and
        // are never read, so they are left out of the shape (and of its digest).
        let sql = fold_sql(&sql);
        if is_litestream_table(&kind, &name, &sql) {
            continue;
        }
        shape.insert((kind, name), sql);
    }
    Ok(shape)
}

/// The SHA-256 of the expected schema's shape ([`fingerprint`] of [`expected`]). When the schema
/// changes, the test `the_fingerprint_is_that_of_the_schema` fails and prints the new value.
const EXPECTED_FINGERPRINT: &str = "09a4b406bea6f4b22d8832354450a308c7ec6712b3d7daf6b21607a5df3f9070";

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
    // Tables first: a missing or renamed table explains the indexes and triggers it takes along.
    let rank =
        |kind: &str| ["table", "view", "index", "trigger"].iter().position(|k| *k == kind).unwrap_or(4);
    let mut differences = Vec::new();
    for ((kind, name), sql) in want {
        match have.get(&(kind.clone(), name.clone())) {
            None => differences.push((rank(kind), format!("the {kind} {name} is missing"))),
            Some(s) if s != sql => {
                differences.push((rank(kind), format!("the {kind} {name} is not as crosscheck made it")))
            }
            Some(_) => {}
        }
    }
    for (kind, name) in have.keys() {
        if !want.contains_key(&(kind.clone(), name.clone())) {
            differences.push((rank(kind), format!("it has an extra {kind} {name}")));
        }
    }
    differences.sort_by_key(|(rank, _)| *rank);
    let differences: Vec<String> = differences.into_iter().map(|(_, d)| d).collect();
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

    /// The statements Litestream runs on a database it starts replicating, as its binary holds
    /// them.
    const LITESTREAM_DDL: &str =
        "CREATE TABLE IF NOT EXISTS _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);
        CREATE TABLE IF NOT EXISTS _litestream_lock (id INTEGER);
        INSERT INTO _litestream_seq (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1;";

    #[test]
    fn litestreams_own_tables_are_accepted_and_leave_the_digest_alone() {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        conn.execute_batch(LITESTREAM_DDL).unwrap();
        verify(&conn, Path::new("x.db")).unwrap();
        assert_eq!(fingerprint(&shape_of(&conn, "main").unwrap()), EXPECTED_FINGERPRINT);
        // An empty file Litestream already touched is still empty for `init`.
        let empty = Connection::open_in_memory().unwrap();
        empty.execute_batch(LITESTREAM_DDL).unwrap();
        assert!(!has_tables(&empty).unwrap());
    }

    #[test]
    fn anything_more_than_litestreams_tables_is_refused() {
        let cases = [
            // Litestream's table with a column more: not Litestream's.
            ("CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER, payload TEXT)", "table _litestream_seq"),
            // A trigger or an index planted on Litestream's table.
            (
                "CREATE TABLE _litestream_lock (id INTEGER);
                 CREATE TRIGGER _litestream_spy AFTER INSERT ON _litestream_lock BEGIN DELETE FROM claims; END",
                "trigger _litestream_spy",
            ),
            ("CREATE TABLE _litestream_lock (id INTEGER); CREATE INDEX _litestream_i ON _litestream_lock (id)", "index _litestream_i"),
            // Another table of Litestream's style of name.
            ("CREATE TABLE _litestream_extra (id INTEGER)", "table _litestream_extra"),
            // Litestream's statement under a view.
            ("CREATE VIEW _litestream_seq AS SELECT 1 AS id, 1 AS seq", "view _litestream_seq"),
        ];
        for (sql, named) in cases {
            let conn = Connection::open_in_memory().unwrap();
            create(&conn).unwrap();
            conn.execute_batch(sql).unwrap();
            let e = verify(&conn, Path::new("x.db")).unwrap_err().to_string();
            assert!(
                e.contains(&format!("extra {named}")) || e.contains(&format!("{named} is not")),
                "{sql}: {e}"
            );
            assert!(has_tables(&conn).unwrap());
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

#[cfg(test)]
mod derived_measure_tests {
    use super::*;

    fn notebook() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        conn.execute_batch(
            "INSERT INTO measures (id, uuid, key, label, created_at) VALUES
                 (1, '00000000-0000-7000-8000-000000000001', 'a.killed', 'killed', 'now'),
                 (2, '00000000-0000-7000-8000-000000000002', 'a.missing', 'missing', 'now'),
                 (3, '00000000-0000-7000-8000-000000000003', 'a.toll', 'toll', 'now'),
                 (4, '00000000-0000-7000-8000-000000000004', 'region.toll', 'region', 'now'),
                 (5, '00000000-0000-7000-8000-000000000005', 'b.killed', 'other site', 'now');
             INSERT INTO measure_parts (measure_id, part_id, position) VALUES (3, 1, 0), (3, 2, 1), (4, 3, 0), (4, 5, 1);
             INSERT INTO sources (id, uuid, name, name_key, kind, created_at)
                 VALUES (1, '00000000-0000-7000-8000-000000000006', 'x', 'x', 'other', 'now');
             INSERT INTO articles (id, uuid, title, body, sha256, imported_at)
                 VALUES (1, '00000000-0000-7000-8000-000000000007', 't', 'b', printf('%064d', 1), 'now');
             INSERT INTO claims (id, uuid, article_id, quote, text, unverified, created_at)
                 VALUES (1, '00000000-0000-7000-8000-000000000008', 1, 'q', 'q', 1, 'now');",
        )
        .unwrap();
        conn
    }

    fn save_all(conn: &Connection) {
        conn.execute_batch(
            "DELETE FROM reconciliations;
             INSERT INTO reconciliations (uuid, measure_id, method, support, figures, voices, created_at)
             SELECT printf('00000000-0000-7000-9000-%012d', id), id, 'weighted', 'none', 0, 0, 'now' FROM measures;",
        )
        .unwrap();
    }

    fn stale(conn: &Connection) -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT m.key FROM reconciliations r JOIN measures m ON m.id = r.measure_id WHERE r.stale = 1 ORDER BY m.id")
            .unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().collect::<rusqlite::Result<_>>().unwrap()
    }

    #[test]
    fn a_changed_part_makes_every_sum_above_it_stale_and_nothing_else() {
        let conn = notebook();
        save_all(&conn);
        conn.execute_batch(
            "INSERT INTO figures (uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at)
             VALUES ('00000000-0000-7000-8000-000000000009', 1, 2, '5', 'exact', 5, 5, 5, 'exact', 'now')",
        )
        .unwrap();
        assert_eq!(stale(&conn), ["a.missing", "a.toll", "region.toll"]);
        save_all(&conn);
        conn.execute_batch("UPDATE claims SET credibility = 2 WHERE id = 1").unwrap();
        assert_eq!(stale(&conn), ["a.missing", "a.toll", "region.toll"]);
        save_all(&conn);
        conn.execute_batch("UPDATE figures SET measure_id = 5").unwrap();
        assert_eq!(stale(&conn), ["a.missing", "a.toll", "region.toll", "b.killed"]);
    }

    #[test]
    fn a_sum_that_would_contain_itself_is_refused() {
        let conn = notebook();
        for (measure, part) in [(1, 3), (1, 4), (3, 4), (3, 3)] {
            let e = conn
                .execute(
                    "INSERT INTO measure_parts (measure_id, part_id, position) VALUES (?1, ?2, 9)",
                    [measure, part],
                )
                .unwrap_err();
            assert!(
                e.to_string().contains("part of itself") || e.to_string().contains("CHECK"),
                "{measure} {part}: {e}"
            );
        }
        // A measure may be a part of two sums.
        conn.execute("INSERT INTO measure_parts (measure_id, part_id, position) VALUES (4, 1, 2)", [])
            .unwrap();
    }
}

/// `measure_closure` against the closure computed naively from the parts, over random sequences
/// of parts added and removed, and the guard against a sum containing itself against the naive
/// reachability check.
#[cfg(test)]
mod closure_tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;

    /// The (part, sum above it) pairs of a set of (part, sum) edges, by repeated joining.
    fn naive_closure(edges: &BTreeSet<(i64, i64)>) -> BTreeSet<(i64, i64)> {
        let mut closure = edges.clone();
        loop {
            let more: Vec<(i64, i64)> = closure
                .iter()
                .flat_map(|&(p, m)| closure.iter().filter(move |&&(q, _)| q == m).map(move |&(_, s)| (p, s)))
                .filter(|pair| !closure.contains(pair))
                .collect();
            if more.is_empty() {
                return closure;
            }
            closure.extend(more);
        }
    }

    fn notebook(n: i64) -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        create(&conn).unwrap();
        conn.execute_batch("PRAGMA foreign_keys = ON").unwrap();
        for id in 1..=n {
            conn.execute(
                "INSERT INTO measures (id, uuid, key, label, created_at) VALUES (?1, printf('00000000-0000-7000-8000-%012d', ?1), 'm' || ?1, 'm', 'now')",
                [id],
            )
            .unwrap();
        }
        conn
    }

    fn stored(conn: &Connection) -> BTreeSet<(i64, i64)> {
        let mut stmt = conn.prepare("SELECT part_id, measure_id FROM measure_closure").unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(|r| r.unwrap()).collect()
    }

    #[derive(Debug, Clone)]
    enum Op {
        /// Make measure `.1` a part of sum `.0`.
        Add(i64, i64),
        /// Remove the `.0`-th existing part (modulo their number).
        Remove(usize),
        /// Delete sum `.0` with its parts (refused while it is a part of another).
        DeleteMeasure(i64),
    }

    fn op(n: i64) -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (1..=n, 1..=n).prop_map(|(m, p)| Op::Add(m, p)),
            2 => any::<usize>().prop_map(Op::Remove),
            1 => (1..=n).prop_map(Op::DeleteMeasure),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn the_closure_is_the_naive_one_after_any_parts_added_and_removed(
            n in 2i64..9,
            ops in prop::collection::vec(op(8), 1..60),
        ) {
            let conn = notebook(n);
            let mut alive: BTreeSet<i64> = (1..=n).collect();
            let mut edges: BTreeSet<(i64, i64)> = BTreeSet::new();
            for o in ops {
                match o {
                    Op::Add(m, p) => {
                        if m > n || p > n || m == p || edges.contains(&(p, m)) || !alive.contains(&m) || !alive.contains(&p) {
                            continue;
                        }
                        // A cycle: the sum already rests on the new part's sums, at any depth.
                        let cycle = naive_closure(&edges).contains(&(m, p));
                        let r = conn.execute(
                            "INSERT INTO measure_parts (measure_id, part_id, position) VALUES (?1, ?2, 0)",
                            [m, p],
                        );
                        match r {
                            Ok(_) => {
                                prop_assert!(!cycle, "{p} under {m} was accepted with {edges:?}");
                                edges.insert((p, m));
                            }
                            Err(e) => {
                                prop_assert!(cycle, "{p} under {m} was refused with {edges:?}: {e}");
                                prop_assert!(e.to_string().contains("a derived measure cannot be a part of itself"), "{e}");
                            }
                        }
                    }
                    Op::Remove(k) => {
                        if edges.is_empty() {
                            continue;
                        }
                        let &(p, m) = edges.iter().nth(k % edges.len()).unwrap();
                        conn.execute("DELETE FROM measure_parts WHERE measure_id = ?1 AND part_id = ?2", [m, p]).unwrap();
                        edges.remove(&(p, m));
                    }
                    Op::DeleteMeasure(m) => {
                        if !alive.contains(&m) || edges.iter().any(|&(p, _)| p == m) {
                            continue;
                        }
                        conn.execute("DELETE FROM measures WHERE id = ?1", [m]).unwrap();
                        alive.remove(&m);
                        edges.retain(|&(_, s)| s != m);
                    }
                }
                prop_assert_eq!(stored(&conn), naive_closure(&edges), "after {:?}", edges);
            }
            // A figure of any measure makes exactly the saved reconciliations of it and of the
            // sums above it stale.
            conn.execute_batch(
                "INSERT INTO sources (id, uuid, name, name_key, kind, created_at)
                     VALUES (1, '00000000-0000-7000-8000-100000000001', 'x', 'x', 'other', 'now');
                 INSERT INTO articles (id, uuid, title, body, sha256, imported_at)
                     VALUES (1, '00000000-0000-7000-8000-100000000002', 't', 'b', printf('%064d', 1), 'now');
                 INSERT INTO claims (id, uuid, article_id, quote, text, unverified, created_at)
                     VALUES (1, '00000000-0000-7000-8000-100000000003', 1, 'q', 'q', 1, 'now');",
            )
            .unwrap();
            let closure = naive_closure(&edges);
            for &m in &alive {
                conn.execute_batch(
                    "DELETE FROM figures; DELETE FROM reconciliations;
                     INSERT INTO reconciliations (uuid, measure_id, method, support, figures, voices, created_at)
                     SELECT printf('00000000-0000-7000-9000-%012d', id), id, 'weighted', 'none', 0, 0, 'now' FROM measures;",
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO figures (uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at)
                     VALUES ('00000000-0000-7000-8000-200000000001', 1, ?1, '5', 'exact', 5, 5, 5, 'exact', 'now')",
                    [m],
                )
                .unwrap();
                let mut stmt = conn.prepare("SELECT measure_id FROM reconciliations WHERE stale = 1").unwrap();
                let stale: BTreeSet<i64> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
                let want: BTreeSet<i64> =
                    std::iter::once(m).chain(closure.iter().filter(|&&(p, _)| p == m).map(|&(_, s)| s)).collect();
                prop_assert_eq!(stale, want, "figure of {}", m);
            }
        }
    }

    #[test]
    fn a_part_is_never_moved_in_place() {
        let conn = notebook(3);
        conn.execute("INSERT INTO measure_parts (measure_id, part_id, position) VALUES (3, 1, 0)", [])
            .unwrap();
        let e = conn.execute("UPDATE measure_parts SET part_id = 2", []).unwrap_err().to_string();
        assert!(e.contains("never changed in place"), "{e}");
        // Its position may change.
        conn.execute("UPDATE measure_parts SET position = 4", []).unwrap();
        assert_eq!(stored(&conn), BTreeSet::from([(1, 3)]));
    }
}
