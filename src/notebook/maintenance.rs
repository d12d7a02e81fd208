//! The notebook as a whole: counts for `info`, the integrity `check` (and what `--repair` can
//! mend), and consistent backups taken while other commands write.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use super::{integrity, Error, Notebook, Result};

/// How many problems `check` lists before it only counts them.
pub const LISTED: usize = 10_000;

/// What `info` prints.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Info {
    pub path: String,
    pub schema_version: i64,
    pub size_bytes: i64,
    pub articles: i64,
    pub sources: i64,
    pub claims: i64,
    pub measures: i64,
    pub figures: i64,
    pub reconciliations: i64,
}

/// The problems `check` lists, at most [`LISTED`], then how many more.
#[derive(Default)]
struct Listing {
    lines: Vec<String>,
    more: usize,
}

impl Listing {
    fn add(&mut self, line: String) {
        if self.lines.len() < LISTED {
            self.lines.push(line);
        } else {
            self.more += 1;
        }
    }

    fn lines(mut self) -> Vec<String> {
        if self.more > 0 {
            self.lines.push(format!("... and {} more problem(s) of the same kinds", self.more));
        }
        self.lines
    }
}

/// Rings of `updates` links (each claim superseding another, round to the first): `claim link`
/// refuses them, but a notebook edited by hand or merged from two may hold one.
fn update_rings(conn: &rusqlite::Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT from_claim, to_claim FROM links WHERE relation = 'updates'")?;
    let updates: Vec<crate::reconcile::Update> = stmt
        .query_map([], |r| Ok(crate::reconcile::Update { by: r.get("from_claim")?, of: r.get("to_claim")? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(crate::reconcile::rings(&updates)
        .into_iter()
        .map(|ring| {
            let (first, last) = (ring.first().copied().unwrap_or_default(), ring.last().copied().unwrap_or_default());
            format!(
                "links: claims update one another in a ring ({}); reconcile sets these links aside until one is removed, such as with `crosscheck claim unlink {last} {first} --as updates`",
                crate::reconcile::ring_text(&ring, " updates ")
            )
        })
        .collect())
}

impl Notebook {
    pub fn info(&mut self) -> Result<Info> {
        let size =
            std::fs::metadata(&self.path).map(|m| i64::try_from(m.len()).unwrap_or(i64::MAX)).unwrap_or(0);
        let path = self.path.display().to_string();
        let tx = self.read()?;
        let n = |table: &str| -> Result<i64> {
            // Table names come from the fixed list below, never from the user.
            Ok(tx.query_row(&format!("SELECT count(*) AS n FROM {table}"), [], |r| r.get("n"))?)
        };
        Ok(Info {
            path,
            schema_version: super::schema::header(&tx)?.user_version,
            size_bytes: size,
            articles: n("articles")?,
            sources: n("sources")?,
            claims: n("claims")?,
            measures: n("measures")?,
            figures: n("figures")?,
            reconciliations: n("reconciliations")?,
        })
    }

    /// Integrity, foreign keys, every row against the schema's rules and the typed values,
    /// hashes, name keys, spans and the search indexes. Returns the problems found, each one
    /// sentence (at most [`LISTED`], then how many more).
    pub fn check(&mut self) -> Result<Vec<String>> {
        let writable = self.writable;
        let tx = self.read()?;
        let mut list = Listing::default();
        let mut add = |p: String| list.add(p);
        for line in integrity::sqlite_integrity(&tx, 100)? {
            add(format!("integrity: {line}"));
        }
        for (table, rowid, parent) in integrity::dangling(&tx)? {
            add(format!("foreign key: {table} row {rowid} points to a missing {parent} row"));
        }
        integrity::rows(&tx, &mut |p| {
            add(p.to_string());
            true
        })?;
        integrity::references(&tx, &mut |p| {
            add(p.to_string());
            true
        })?;
        for m in integrity::misplaced_quotes(&tx)? {
            add(format!(
                "claims #{}: its quote is not the text at its span in article #{}",
                m.claim, m.article
            ));
        }
        // FTS5's own check is a write command, so it runs only when the notebook is open for
        // writing (`check --repair`); the comparison below reads the whole index either way.
        if writable {
            for fts in ["article_fts", "claim_fts"] {
                let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
                if tx.execute(&sql, []).is_err() {
                    add(format!("search index {fts} is damaged; `crosscheck check --repair` rebuilds it"));
                }
            }
        }
        let off = super::derived::closure_differences(&tx)?;
        if off > 0 {
            add(format!(
                "measure_closure: {off} pair(s) of a measure and a sum above it differ from measure_parts; `crosscheck check --repair` rebuilds them"
            ));
        }
        for p in update_rings(&tx)? {
            add(p);
        }
        for p in super::search::index_problems(&tx)? {
            add(p);
        }
        Ok(list.lines())
    }

    /// Rebuilds the search indexes and the name keys from the texts, and the sums above each
    /// measure from the parts. Returns how many rows were indexed.
    pub fn repair(&mut self) -> Result<usize> {
        // Within `check --repair`'s own write transaction (a second BEGIN there failed).
        let tx = self.change()?;
        let mut stmt = tx.prepare("SELECT id, name FROM sources")?;
        let rows: Vec<(i64, String)> =
            stmt.query_map([], |r| Ok((r.get("id")?, r.get("name")?)))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        for (id, name) in rows {
            tx.execute(
                "UPDATE sources SET name_key = ?1 WHERE id = ?2 AND name_key <> ?1",
                rusqlite::params![super::sources::name_key(&name), id],
            )?;
        }
        super::derived::rebuild_closure(&tx)?;
        let n = super::search::reindex(&tx, false)?;
        tx.commit()?;
        Ok(n)
    }

    /// A consistent copy of the notebook, taken with SQLite's online backup while other
    /// commands may be writing. The copy is readable by its owner only, also when the path given
    /// is a symbolic link to a file not yet there (the file at the end of the link is created;
    /// the link stays). An existing file is never written over.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let given = super::absolute(dest)?;
        let (file, dest) = crate::files::Outputs::new(&self.path)
            .new_private_file(&given, "backup")
            .map_err(Error::Invalid)?;
        drop(file);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let result = (|| -> Result<()> {
            let mut target = Connection::open_with_flags(&dest, flags)?;
            let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
            drop(backup);
            // The copy is a plain notebook: Litestream's state tables describe the replication
            // of this file, not of the copy (Litestream makes them again in whatever it
            // replicates next).
            for (table, _) in super::schema::LITESTREAM_TABLES {
                target.execute_batch(&format!("DROP TABLE IF EXISTS {table}"))?;
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&dest);
        }
        result
    }
}
