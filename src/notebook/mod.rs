//! The notebook library: one SQLite file opened once, upgraded when old, and every query the
//! commands need. This layer prints nothing; it returns rows and typed errors.

pub mod articles;
pub mod claims;
pub mod figures;
pub mod migrate;
pub mod search;
pub mod sources;
pub mod transfer;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// Marks a SQLite file as a crosscheck notebook ("ccnb").
pub const APPLICATION_ID: i32 = 0x6363_6E62;

/// Errors a researcher can act on. Every message is one sentence that names the bad value and,
/// where it helps, what would be accepted.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    #[error("{}", describe_sql(.0))]
    Sql(#[from] rusqlite::Error),
    #[error("{0}")]
    Io(String),
}

pub type Result<T> = std::result::Result<T, Error>;

pub fn invalid<T>(msg: impl Into<String>) -> Result<T> {
    Err(Error::Invalid(msg.into()))
}

/// Turns a SQLite failure into a sentence, never a raw SQL message.
fn describe_sql(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "the notebook is busy with another crosscheck command; try again in a moment".into()
        }
        Some(ErrorCode::NotADatabase) => {
            "the file is not a crosscheck notebook (it is not an SQLite database)".into()
        }
        Some(ErrorCode::DatabaseCorrupt) => {
            "the notebook file is damaged; run `crosscheck check` and restore from a backup".into()
        }
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            "the notebook file cannot be written; check its permissions and folder".into()
        }
        Some(ErrorCode::DiskFull) => "the disk is full; nothing was written".into(),
        Some(ErrorCode::ConstraintViolation) => {
            "the change breaks one of the notebook's rules, so nothing was written".into()
        }
        _ => format!("the notebook could not be read or written ({})", short_code(e)),
    }
}

fn short_code(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(code) => format!("{code:?}"),
        None => "internal error".into(),
    }
}

/// An open notebook.
pub struct Notebook {
    pub conn: Connection,
    pub path: PathBuf,
}

/// Where the notebook lives: `--db`, else `$CROSSCHECK_DB`, else the platform data folder.
pub fn default_path() -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "crosscheck").ok_or_else(|| {
        Error::Invalid("no home folder was found for the notebook; give one with --db PATH".into())
    })?;
    Ok(dirs.data_dir().join("notebook.db"))
}

impl Notebook {
    /// Opens the notebook at `path`, creating it (mode 0600) or upgrading it as needed.
    pub fn open(path: &Path) -> Result<Notebook> {
        if path.is_dir() {
            return invalid(format!(
                "the notebook path {} is a folder; give a file path such as {}",
                path.display(),
                path.join("notebook.db").display()
            ));
        }
        if !path.exists() {
            create_private_file(path)?;
        }
        let conn = Connection::open(path).map_err(|e| {
            Error::Io(format!("the notebook {} could not be opened: {}", path.display(), describe_sql(&e)))
        })?;
        let mut nb = Notebook { conn, path: path.to_path_buf() };
        nb.configure().map_err(|e| nb.explain_open_error(e))?;
        migrate::bring_up_to_date(&mut nb).map_err(|e| nb.explain_open_error(e))?;
        Ok(nb)
    }

    /// An in-memory notebook, for unit tests and the fuzz targets.
    pub fn in_memory() -> Result<Notebook> {
        let conn = Connection::open_in_memory()?;
        let mut nb = Notebook { conn, path: PathBuf::from(":memory:") };
        nb.configure()?;
        migrate::bring_up_to_date(&mut nb)?;
        Ok(nb)
    }

    fn configure(&self) -> Result<()> {
        // Two commands run at once must both succeed: wait for the other writer, never fail.
        self.conn.busy_timeout(Duration::from_secs(30))?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        let mode: String = self.conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        let _ = mode; // in-memory databases answer "memory"; both are fine
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    fn explain_open_error(&self, e: Error) -> Error {
        match e {
            Error::Sql(ref s) if s.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) => {
                Error::Invalid(format!(
                    "{} is not a crosscheck notebook; give another path with --db or move that file away",
                    self.path.display()
                ))
            }
            other => other,
        }
    }

    /// Starts a write transaction that takes the write lock at once, so that concurrent
    /// writers queue on the busy timeout instead of failing on a lock upgrade.
    pub fn write(&mut self) -> Result<Transaction<'_>> {
        Ok(self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Counts for `info`.
    pub fn counts(&self) -> Result<Vec<(&'static str, i64)>> {
        let mut out = Vec::new();
        for table in ["articles", "sources", "claims", "measures", "figures", "reconciliations"] {
            // Table names come from the fixed list above, never from the user.
            let n: i64 = self.conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            out.push((table, n));
        }
        Ok(out)
    }

    /// Integrity, foreign keys and full-text index consistency. Returns the problems found.
    pub fn check(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        problems.extend(rows.into_iter().filter(|r| r != "ok").map(|r| format!("integrity: {r}")));
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<(String, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (table, rowid, parent) in fk {
            problems.push(format!("foreign key: {table} row {rowid} points to a missing {parent} row"));
        }
        for fts in ["article_fts", "claim_fts"] {
            let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
            if let Err(e) = self.conn.execute(&sql, []) {
                problems.push(format!("search index {fts} does not match its table ({})", short_code(&e)));
            }
        }
        problems.extend(search::stale_index_rows(&self.conn)?);
        Ok(problems)
    }

    /// A consistent copy of the notebook, taken with SQLite's online backup while other
    /// commands may be writing.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(Error::Conflict(format!(
                "{} already exists; give a new file name for the backup",
                dest.display()
            )));
        }
        if let Some(parent) = dest.parent().filter(|p| !p.as_os_str().is_empty()) {
            if !parent.is_dir() {
                return invalid(format!(
                    "the folder {} does not exist; create it first or give another path for the backup",
                    parent.display()
                ));
            }
        }
        create_private_file(dest)?;
        let mut target = Connection::open(dest)?;
        let result = {
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)
        };
        if let Err(e) = result {
            drop(target);
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        Ok(())
    }
}

/// Creates an empty file readable by its owner only: a notebook may name confidential sources.
pub fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent() {
        if !parent.as_os_str().is_empty() && !parent.exists() {
            // A folder made for a notebook is private too.
            let mut builder = std::fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder.create(parent).map_err(|e| {
                Error::Io(format!("the folder {} could not be created: {e}", parent.display()))
            })?;
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    match opts.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Io(format!("{} could not be created: {e}", path.display()))),
    }
}

/// Now, as stored: RFC 3339 UTC to the second.
pub fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

pub fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Parses an id as people write it: `12` or `#12`.
pub fn parse_id(text: &str, what: &str) -> Result<i64> {
    let t = text.trim();
    let digits = t.strip_prefix('#').unwrap_or(t);
    match digits.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => invalid(format!("'{text}' is not a {what} id; write a number such as 12 or #12")),
    }
}

/// One row of the audit trail.
#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub id: i64,
    pub table: String,
    pub row_id: i64,
    pub action: String,
    pub old: String,
    pub at: String,
}

impl HistoryRow {
    pub const COLUMNS: &'static [&'static str] = &["id", "table", "row_id", "action", "old", "at"];
    pub fn cells(&self) -> Vec<crate::render::Cell> {
        use crate::render::Cell;
        vec![
            Cell::Int(self.id),
            Cell::text(&self.table),
            Cell::Int(self.row_id),
            Cell::text(&self.action),
            Cell::text(&self.old),
            Cell::text(&self.at),
        ]
    }
}

/// The tables whose changes the history keeps.
pub const HISTORY_TABLES: &[&str] = &[
    "articles",
    "sources",
    "source_ratings",
    "claims",
    "claim_sources",
    "claim_tags",
    "links",
    "measures",
    "figures",
    "vague_terms",
    "reconciliations",
];

impl Notebook {
    pub fn history(&self, table: Option<&str>, row_id: Option<i64>) -> Result<Vec<HistoryRow>> {
        if let Some(t) = table {
            if !HISTORY_TABLES.contains(&t) {
                return invalid(format!(
                    "'{t}' is not a table with history; give one of: {}",
                    HISTORY_TABLES.join(", ")
                ));
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, tbl, row_id, action, old, at FROM history
             WHERE (?1 IS NULL OR tbl = ?1) AND (?2 IS NULL OR row_id = ?2) ORDER BY id",
        )?;
        let rows = stmt
            .query_map(rusqlite::params![table, row_id], |r| {
                Ok(HistoryRow {
                    id: r.get(0)?,
                    table: r.get(1)?,
                    row_id: r.get(2)?,
                    action: r.get(3)?,
                    old: r.get(4)?,
                    at: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::sources::SourceFields;
    use super::*;
    use crate::ratings::Reliability;

    #[test]
    fn triggers_keep_history_and_ratings() {
        let mut nb = Notebook::in_memory().unwrap();
        let fields = SourceFields {
            name: Some("Local activists".into()),
            kind: Some("activist".into()),
            ..Default::default()
        };
        let s = nb.add_source(&fields, None).unwrap();
        assert_eq!(s.reliability, Reliability::F);
        nb.rate_source(s.id, Reliability::C, "two reports confirmed").unwrap();
        let history = nb.history(Some("sources"), Some(s.id)).unwrap();
        assert_eq!(history.len(), 1);
        assert!(history[0].old.contains("\"reliability\":\"F\""));
        let ratings = nb.rating_history(s.id).unwrap();
        assert_eq!((ratings[0].from.as_deref(), ratings[0].to.as_str()), (Some("F"), "C"));
        // A name equal but for case and spacing is the same source.
        let again = SourceFields {
            name: Some("LOCAL  activists".into()),
            kind: Some("activist".into()),
            ..Default::default()
        };
        assert!(matches!(nb.add_source(&again, None), Err(Error::Conflict(_))));
        assert!(nb.check().unwrap().is_empty());
    }

    #[test]
    fn ids_are_written_with_or_without_a_hash() {
        assert_eq!(parse_id("#12", "claim").unwrap(), 12);
        assert_eq!(parse_id(" 7 ", "claim").unwrap(), 7);
        assert!(parse_id("0", "claim").is_err());
        assert!(parse_id("twelve", "claim").unwrap_err().to_string().contains("'twelve'"));
    }
}
