//! Articles: importing one text in one transaction (with exact and near-duplicate detection),
//! listing, showing and removing.

use rusqlite::{params, Connection, OptionalExtension};
use sha2::{Digest, Sha256};

use super::{new_uuid, now, Error, Notebook, Result};
use crate::dates::PartialDate;
use crate::normalize::index_text;
use crate::render::Cell;
use crate::similarity::{band_keys, jaccard, shingles, NEAR_DUPLICATE};

/// Metadata given on the command line or in a manifest.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<PartialDate>,
    pub language: Option<String>,
}

/// An article ready to store: its tidy body and what was found or given about it.
#[derive(Debug, Clone)]
pub struct NewArticle {
    pub source_path: Option<String>,
    pub body: String,
    pub title: String,
    pub language: Option<String>,
    pub meta: ArticleMeta,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    New {
        id: i64,
        near_duplicate_of: Option<i64>,
    },
    Duplicate {
        of: i64,
    },
}

pub fn body_sha256(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One row of `article list` and `export articles`.
#[derive(Debug, Clone)]
pub struct ArticleRow {
    pub id: i64,
    pub uuid: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub chars: i64,
    pub sha256: String,
    pub near_duplicate_of: Option<i64>,
    pub imported_at: String,
    pub claims: i64,
}

impl ArticleRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "id",
        "uuid",
        "title",
        "outlet",
        "author",
        "url",
        "published",
        "language",
        "chars",
        "sha256",
        "near_duplicate_of",
        "imported_at",
        "claims",
    ];

    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Int(self.id),
            Cell::text(&self.uuid),
            Cell::text(&self.title),
            Cell::opt_text(self.outlet.clone()),
            Cell::opt_text(self.author.clone()),
            Cell::opt_text(self.url.clone()),
            Cell::opt_text(self.published.clone()),
            Cell::opt_text(self.language.clone()),
            Cell::Int(self.chars),
            Cell::text(&self.sha256),
            Cell::opt_int(self.near_duplicate_of),
            Cell::text(&self.imported_at),
            Cell::Int(self.claims),
        ]
    }
}

const ARTICLE_SELECT: &str = "SELECT a.id, a.uuid, a.title, s.name, a.author, a.url, a.published,
        a.language, length(a.body), a.sha256, a.near_duplicate_of, a.imported_at,
        (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
    FROM articles a LEFT JOIN sources s ON s.id = a.outlet_id";

fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        title: r.get(2)?,
        outlet: r.get(3)?,
        author: r.get(4)?,
        url: r.get(5)?,
        published: r.get(6)?,
        language: r.get(7)?,
        chars: r.get(8)?,
        sha256: r.get(9)?,
        near_duplicate_of: r.get(10)?,
        imported_at: r.get(11)?,
        claims: r.get(12)?,
    })
}

impl Notebook {
    /// Stores one article in its own transaction, or reports the article it duplicates.
    pub fn import_article(&mut self, article: &NewArticle) -> Result<Imported> {
        let mut batch = self.import_batch()?;
        let result = batch.import(article)?;
        batch.finish()?;
        Ok(result)
    }

    /// A batch of article imports, committed every few hundred articles or every second: one
    /// FTS5 flush per commit instead of one per article is what makes a folder import as quick
    /// as the database. Every article is still all or nothing: a file that cannot be read is
    /// refused before anything is written, and a database failure while writing rolls back
    /// the uncommitted part of the batch and ends the import (see `import`).
    pub fn import_batch(&mut self) -> Result<ImportBatch<'_>> {
        Ok(ImportBatch {
            conn: &self.conn,
            open: false,
            pending: 0,
            since: std::time::Instant::now(),
        })
    }

    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut stmt = self
            .conn
            .prepare(&format!("{ARTICLE_SELECT} ORDER BY a.id"))?;
        let rows = stmt
            .query_map([], article_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn article(&self, id: i64) -> Result<ArticleRow> {
        article_by_id(&self.conn, id)
    }

    pub fn article_body(&self, id: i64) -> Result<String> {
        self.article(id)?;
        Ok(self
            .conn
            .query_row("SELECT body FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })?)
    }

    /// Removes an article. Refused while claims cite it, unless `force`, which removes those
    /// claims (and their figures and links) too. Returns the number of claims removed.
    pub fn remove_article(&mut self, id: i64, force: bool) -> Result<i64> {
        let row = self.article(id)?;
        if row.claims > 0 && !force {
            return Err(Error::Conflict(format!(
                "article #{id} is cited by {} claim(s); remove them first or add --force to remove them with it",
                row.claims
            )));
        }
        let tx = self.write()?;
        tx.execute(
            "UPDATE articles SET near_duplicate_of = NULL WHERE near_duplicate_of = ?1",
            [id],
        )?;
        let removed = tx.execute("DELETE FROM claims WHERE article_id = ?1", [id])? as i64;
        tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(removed)
    }
}

/// See [`Notebook::import_batch`]. Dropping a batch without `finish` rolls back what it has
/// not yet committed.
pub struct ImportBatch<'a> {
    conn: &'a Connection,
    open: bool,
    pending: usize,
    since: std::time::Instant,
}

const BATCH_ARTICLES: usize = 250;
const BATCH_SECONDS: u64 = 1;

impl ImportBatch<'_> {
    pub fn import(&mut self, article: &NewArticle) -> Result<Imported> {
        if !self.open {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.since = std::time::Instant::now();
        }
        // No savepoint per article: FTS5 flushes its index at every savepoint release, which
        // would cost as much as a transaction per article. Checks that can refuse an article
        // run before its first write, so an error here is the database's own (disk full, a
        // damaged file) and the caller stops the import; the uncommitted batch is rolled back.
        let r = import_into(self.conn, article)?;
        self.pending += 1;
        if self.pending >= BATCH_ARTICLES || self.since.elapsed().as_secs() >= BATCH_SECONDS {
            self.commit()?;
        }
        Ok(r)
    }

    /// How many imported articles are not yet committed.
    pub fn pending(&self) -> usize {
        self.pending
    }

    fn commit(&mut self) -> Result<()> {
        if self.open {
            self.conn.execute_batch("COMMIT")?;
            self.open = false;
            self.pending = 0;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<()> {
        self.commit()
    }
}

impl Drop for ImportBatch<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

fn import_into(tx: &Connection, article: &NewArticle) -> Result<Imported> {
    let sha = body_sha256(&article.body);
    if let Some(of) = tx
        .query_row("SELECT id FROM articles WHERE sha256 = ?1", [&sha], |r| {
            r.get::<_, i64>(0)
        })
        .optional()?
    {
        return Ok(Imported::Duplicate { of });
    }
    if article.body.trim().is_empty() || article.title.trim().is_empty() {
        return super::invalid("the article has no text");
    }
    let outlet_id = match &article.meta.outlet {
        Some(name) => Some(super::sources::find_or_create_outlet(tx, name)?),
        None => None,
    };
    // One split of the body serves both the search index and the near-duplicate shingles.
    let body_words = crate::normalize::words(&article.body);
    let set = crate::similarity::shingles_of_words(&body_words);
    let bands = band_keys(&set);
    let near = nearest_duplicate(tx, &set, &bands)?;
    tx.prepare_cached(
        "INSERT INTO articles (uuid, title, outlet_id, author, url, published, language, body,
            sha256, near_duplicate_of, source_path, imported_at, title_index, body_index)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        new_uuid(),
        article.title,
        outlet_id,
        article.meta.author,
        article.meta.url,
        article.meta.published.map(|d| d.to_string()),
        article.language,
        article.body,
        sha,
        near,
        article.source_path,
        now(),
        index_text(&article.title),
        crate::normalize::index_of_words(&body_words),
    ])?;
    let id = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?1, ?2, ?3)",
    )?;
    for (band, hash) in bands.iter().enumerate() {
        stmt.execute(params![band as i64, hash, id])?;
    }
    Ok(Imported::New {
        id,
        near_duplicate_of: near,
    })
}

pub fn article_by_id(conn: &Connection, id: i64) -> Result<ArticleRow> {
    conn.query_row(
        &format!("{ARTICLE_SELECT} WHERE a.id = ?1"),
        [id],
        article_row,
    )
    .optional()?
    .ok_or_else(|| {
        Error::NotFound(format!(
            "there is no article #{id}; `crosscheck article list` shows the ids"
        ))
    })
}

/// The most similar earlier article at Jaccard >= 0.8, found through the MinHash bands.
fn nearest_duplicate(
    conn: &Connection,
    set: &std::collections::HashSet<u64>,
    bands: &[i64],
) -> Result<Option<i64>> {
    let mut candidates = std::collections::BTreeSet::new();
    {
        let mut stmt = conn
            .prepare_cached("SELECT article_id FROM article_bands WHERE band = ?1 AND hash = ?2")?;
        for (band, hash) in bands.iter().enumerate() {
            for id in stmt.query_map(params![band as i64, hash], |r| r.get::<_, i64>(0))? {
                candidates.insert(id?);
            }
        }
    }
    let mut best: Option<(f64, i64)> = None;
    let mut body_stmt = conn.prepare_cached("SELECT body FROM articles WHERE id = ?1")?;
    for id in candidates {
        let body: String = body_stmt.query_row([id], |r| r.get(0))?;
        let j = jaccard(set, &shingles(&body));
        if j >= NEAR_DUPLICATE && best.map(|(bj, _)| j > bj).unwrap_or(true) {
            best = Some((j, id));
        }
    }
    Ok(best.map(|(_, id)| id))
}
