//! The notebook as a whole: counts for `info`, the integrity `check` (and what `--repair` can
//! mend), and consistent backups taken while other commands write.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::{Deserialize, Serialize};

use super::{Error, Notebook, Result};
use crate::vocab::{Relation, SourceKind};

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

/// The closed vocabularies the schema guards with CHECKs, read back here to prove no row holds a
/// value the code would refuse.
fn vocabulary_columns() -> Vec<(&'static str, &'static str, Vec<&'static str>)> {
    vec![
        ("sources", "kind", SourceKind::names()),
        ("links", "relation", Relation::names()),
        ("reconciliations", "method", crate::vocab::Method::names()),
        ("reconciliations", "support", crate::vocab::Support::names()),
    ]
}

impl Notebook {
    pub fn info(&mut self) -> Result<Info> {
        let size =
            std::fs::metadata(&self.path).map(|m| i64::try_from(m.len()).unwrap_or(i64::MAX)).unwrap_or(0);
        let path = self.path.display().to_string();
        let tx = self.read()?;
        let n = |table: &str| -> Result<i64> {
            // Table names come from the fixed list below, never from the user.
            Ok(tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
        };
        Ok(Info {
            path,
            schema_version: tx.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            size_bytes: size,
            articles: n("articles")?,
            sources: n("sources")?,
            claims: n("claims")?,
            measures: n("measures")?,
            figures: n("figures")?,
            reconciliations: n("reconciliations")?,
        })
    }

    /// Integrity, foreign keys, values, hashes, spans and the search indexes. Returns the
    /// problems found, each one sentence.
    pub fn check(&mut self) -> Result<Vec<String>> {
        let writable = self.writable;
        let tx = self.read()?;
        let mut problems = Vec::new();
        let mut stmt = tx.prepare("PRAGMA integrity_check")?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        problems.extend(rows.into_iter().filter(|r| r != "ok").map(|r| format!("integrity: {r}")));
        let mut stmt = tx.prepare("PRAGMA foreign_key_check")?;
        let fk: Vec<(String, i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (table, rowid, parent) in fk {
            problems.push(format!("foreign key: {table} row {rowid} points to a missing {parent} row"));
        }
        for (table, column, names) in vocabulary_columns() {
            let list: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            let mut stmt = tx.prepare(&format!(
                "SELECT id, {column} FROM {table} WHERE {column} NOT IN ({})",
                list.join(", ")
            ))?;
            let bad: Vec<(i64, String)> =
                stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
            for (id, value) in bad {
                problems.push(format!(
                    "value: {table} #{id} has {column} '{value}', which crosscheck does not know"
                ));
            }
        }
        let mut stmt = tx.prepare("SELECT id, body, sha256 FROM articles")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, body, sha): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if super::articles::body_sha256(&body) != sha {
                problems.push(format!("article #{id}: its stored hash is not the hash of its text"));
            }
        }
        drop(rows);
        let mut stmt = tx.prepare(
            "SELECT c.id, c.quote, c.span_start, c.span_end, a.body FROM claims c JOIN articles a ON a.id = c.article_id
             WHERE c.span_start IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, quote, start, end, body): (i64, String, i64, i64, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let span: String =
                body.chars().skip(super::count(start)).take(super::count(end - start)).collect();
            if span != quote {
                problems.push(format!("claim #{id}: its quote is not the text at its span in the article"));
            }
        }
        drop(rows);
        let mut stmt = tx.prepare("SELECT id, name, name_key FROM sources")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (id, name, key): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if super::sources::name_key(&name) != key {
                problems.push(format!(
                    "source #{id}: its name key does not match its name (edited outside crosscheck)"
                ));
            }
        }
        drop(rows);
        // FTS5's own check is a write command, so it runs only when the notebook is open for
        // writing (`check --repair`); the comparison below reads the whole index either way.
        if writable {
            for fts in ["article_fts", "claim_fts"] {
                let sql = format!("INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)");
                if tx.execute(&sql, []).is_err() {
                    problems.push(format!(
                        "search index {fts} is damaged; `crosscheck check --repair` rebuilds it"
                    ));
                }
            }
        }
        problems.extend(super::search::index_problems(&tx)?);
        Ok(problems)
    }

    /// Rebuilds the search indexes and the name keys from the texts. Returns how many rows were
    /// indexed.
    pub fn repair(&mut self) -> Result<usize> {
        let tx = self.write()?;
        let mut stmt = tx.prepare("SELECT id, name FROM sources")?;
        let rows: Vec<(i64, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        drop(stmt);
        for (id, name) in rows {
            tx.execute(
                "UPDATE sources SET name_key = ?1 WHERE id = ?2 AND name_key <> ?1",
                rusqlite::params![super::sources::name_key(&name), id],
            )?;
        }
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
