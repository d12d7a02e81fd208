//! Articles: importing one text in one transaction (with exact and near-duplicate detection),
//! listing, showing and removing.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
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
    New { id: i64, near_duplicate_of: Option<i64> },
    Duplicate { of: i64 },
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
        let prepared = prepare(article.clone());
        let mut batch = self.import_batch()?;
        let result = batch.import(&prepared)?;
        batch.finish()?;
        Ok(result)
    }

    /// A batch of article imports, committed every few hundred articles or every second: one
    /// FTS5 flush per commit instead of one per article is what makes a folder import as quick
    /// as the database. Every article is still all or nothing: a file that cannot be read is
    /// refused before anything is written, and a database failure while writing rolls back
    /// the uncommitted part of the batch and ends the import (see `import`).
    pub fn import_batch(&mut self) -> Result<ImportBatch<'_>> {
        Ok(ImportBatch::new(&self.conn))
    }

    pub fn articles(&self) -> Result<Vec<ArticleRow>> {
        let mut stmt = self.conn.prepare(&format!("{ARTICLE_SELECT} ORDER BY a.id"))?;
        let rows = stmt.query_map([], article_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn article(&self, id: i64) -> Result<ArticleRow> {
        article_by_id(&self.conn, id)
    }

    pub fn article_body(&self, id: i64) -> Result<String> {
        self.article(id)?;
        Ok(self.conn.query_row("SELECT body FROM articles WHERE id = ?1", [id], |r| r.get(0))?)
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
        tx.execute("UPDATE articles SET near_duplicate_of = NULL WHERE near_duplicate_of = ?1", [id])?;
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
    since: std::time::Instant,
    next_id: i64,
    staged: Vec<Staged>,
    staged_sha: HashMap<String, i64>,
    staged_bands: HashMap<(usize, i64), Vec<i64>>,
    limit: usize,
    outlets: HashMap<String, i64>,
}

/// An article with the work that needs no database done: its hash, search copies and
/// near-duplicate signature. Made by [`prepare`], on any thread.
pub struct Prepared {
    article: NewArticle,
    sha: String,
    title_index: String,
    body_index: String,
    set: HashSet<u64>,
    bands: Vec<i64>,
}

pub fn prepare(article: NewArticle) -> Prepared {
    // One pass over the body gives both the search copy and the near-duplicate shingles.
    let (body_index, set) = crate::similarity::analyse(&article.body);
    Prepared {
        sha: body_sha256(&article.body),
        title_index: index_text(&article.title),
        body_index,
        bands: band_keys(&set),
        set,
        article,
    }
}

/// An article ready to be written, with the id it will get.
struct Staged {
    id: i64,
    values: Vec<Value>,
    bands: Vec<i64>,
    set: HashSet<u64>,
}

const BATCH_ARTICLES: usize = 1000;

/// Articles per commit: 1,000 unless `CROSSCHECK_IMPORT_BATCH` says otherwise (the crash test
/// uses a small batch to kill an import between commits).
fn batch_articles() -> usize {
    std::env::var("CROSSCHECK_IMPORT_BATCH")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(BATCH_ARTICLES)
}
const BATCH_SECONDS: u64 = 2;
/// Rows per INSERT statement (15 values each, under SQLite's limit of 32,766 variables): the
/// full-text index is flushed once per statement, and fewer, larger segments need less merging.
const ROWS_PER_INSERT: usize = 1000;
const ARTICLE_COLUMNS: &str = "id, uuid, title, outlet_id, author, url, published, language, body, sha256, \
    near_duplicate_of, source_path, imported_at, title_index, body_index";

impl<'a> ImportBatch<'a> {
    fn new(conn: &'a Connection) -> ImportBatch<'a> {
        ImportBatch {
            conn,
            open: false,
            since: std::time::Instant::now(),
            next_id: 0,
            staged: Vec::new(),
            staged_sha: HashMap::new(),
            staged_bands: HashMap::new(),
            limit: batch_articles(),
            outlets: HashMap::new(),
        }
    }

    /// Checks and prepares one article; it is written with the rest of its batch. Checks that
    /// can refuse an article run before anything is written, so an error here is the
    /// database's own (disk full, a damaged file) and the caller stops the import.
    pub fn import(&mut self, prepared: &Prepared) -> Result<Imported> {
        let article = &prepared.article;
        if article.body.trim().is_empty() || article.title.trim().is_empty() {
            return super::invalid("the article has no text");
        }
        if !self.open {
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.since = std::time::Instant::now();
            // The write lock is held, so no other writer can take these ids.
            self.next_id =
                self.conn.query_row("SELECT coalesce(max(id), 0) + 1 FROM articles", [], |r| r.get(0))?;
        }
        let sha = &prepared.sha;
        if let Some(of) = self.staged_sha.get(sha) {
            return Ok(Imported::Duplicate { of: *of });
        }
        if let Some(of) = self
            .conn
            .prepare_cached("SELECT id FROM articles WHERE sha256 = ?1")?
            .query_row([sha], |r| r.get::<_, i64>(0))
            .optional()?
        {
            return Ok(Imported::Duplicate { of });
        }
        // A folder usually has one outlet: look it up once, not once an article.
        let outlet_id = match &article.meta.outlet {
            Some(name) => match self.outlets.get(name) {
                Some(id) => Some(*id),
                None => {
                    let id = super::sources::find_or_create_outlet(self.conn, name)?;
                    self.outlets.insert(name.clone(), id);
                    Some(id)
                }
            },
            None => None,
        };
        let near = self.nearest(&prepared.set, &prepared.bands)?;
        let id = self.next_id;
        self.next_id += 1;
        let text = |s: &Option<String>| s.clone().map(Value::Text).unwrap_or(Value::Null);
        let values = vec![
            Value::Integer(id),
            Value::Text(new_uuid()),
            Value::Text(article.title.clone()),
            outlet_id.map(Value::Integer).unwrap_or(Value::Null),
            text(&article.meta.author),
            text(&article.meta.url),
            text(&article.meta.published.map(|d| d.to_string())),
            text(&article.language),
            Value::Text(article.body.clone()),
            Value::Text(sha.clone()),
            near.map(Value::Integer).unwrap_or(Value::Null),
            text(&article.source_path),
            Value::Text(now()),
            Value::Text(prepared.title_index.clone()),
            Value::Text(prepared.body_index.clone()),
        ];
        for (band, hash) in prepared.bands.iter().enumerate() {
            self.staged_bands.entry((band, *hash)).or_default().push(id);
        }
        self.staged_sha.insert(sha.clone(), id);
        self.staged.push(Staged { id, values, bands: prepared.bands.clone(), set: prepared.set.clone() });
        if self.staged.len() >= self.limit || self.since.elapsed().as_secs() >= BATCH_SECONDS {
            self.commit()?;
        }
        Ok(Imported::New { id, near_duplicate_of: near })
    }

    /// The most similar earlier article (stored or staged) at Jaccard >= 0.8.
    fn nearest(&self, set: &HashSet<u64>, bands: &[i64]) -> Result<Option<i64>> {
        let mut best = nearest_duplicate(self.conn, set, bands)?;
        let mut shared: HashMap<i64, usize> = HashMap::new();
        for (band, hash) in bands.iter().enumerate() {
            for id in self.staged_bands.get(&(band, *hash)).into_iter().flatten() {
                *shared.entry(*id).or_default() += 1;
            }
        }
        let mut likeliest: Vec<(usize, i64)> = shared.into_iter().map(|(id, n)| (n, id)).collect();
        likeliest.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        // Staged ids are consecutive, so an id is also a position.
        let first_staged = self.staged.first().map(|s| s.id).unwrap_or(0);
        for (_, id) in likeliest.into_iter().take(8) {
            let Some(st) = self.staged.get((id - first_staged) as usize) else {
                continue;
            };
            let j = jaccard(set, &st.set);
            if j >= NEAR_DUPLICATE && best.map(|(bj, bid)| j > bj || (j == bj && id < bid)).unwrap_or(true) {
                best = Some((j, id));
            }
        }
        Ok(best.map(|(_, id)| id))
    }

    /// Writes the staged articles: a few multi-row INSERT statements, so the full-text index
    /// (kept by the schema's trigger) is flushed once per statement, not once per article.
    fn flush(&mut self) -> Result<()> {
        for chunk in self.staged.chunks(ROWS_PER_INSERT) {
            let row = format!("({})", vec!["?"; 15].join(", "));
            let sql = format!(
                "INSERT INTO articles ({ARTICLE_COLUMNS}) VALUES {}",
                vec![row; chunk.len()].join(", ")
            );
            let values: Vec<&Value> = chunk.iter().flat_map(|s| s.values.iter()).collect();
            self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
        }
        // Bands in multi-row statements too: eight rows an article add up over a big folder.
        let bands: Vec<Value> = self
            .staged
            .iter()
            .flat_map(|st| {
                st.bands.iter().enumerate().flat_map(move |(band, hash)| {
                    [Value::Integer(band as i64), Value::Integer(*hash), Value::Integer(st.id)]
                })
            })
            .collect();
        for chunk in bands.chunks(3 * 300) {
            let sql = format!(
                "INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES {}",
                vec!["(?, ?, ?)"; chunk.len() / 3].join(", ")
            );
            self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(chunk))?;
        }
        self.staged.clear();
        self.staged_sha.clear();
        self.staged_bands.clear();
        Ok(())
    }

    fn commit(&mut self) -> Result<()> {
        if self.open {
            self.flush()?;
            self.conn.execute_batch("COMMIT")?;
            self.open = false;
        }
        Ok(())
    }

    /// How many prepared articles are not yet committed.
    pub fn pending(&self) -> usize {
        self.staged.len()
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

/// Recomputes every article's near-duplicate bands (after an upgrade that changed how they are
/// hashed): they are derived from the bodies and never the source of truth.
pub fn rebuild_bands(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM article_bands", [])?;
    let mut stmt = conn.prepare("SELECT id, body FROM articles")?;
    let rows: Vec<(i64, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut insert = conn
        .prepare_cached("INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?1, ?2, ?3)")?;
    for (id, body) in rows {
        for (band, hash) in band_keys(&shingles(&body)).iter().enumerate() {
            insert.execute(params![band as i64, hash, id])?;
        }
    }
    Ok(())
}

pub fn article_by_id(conn: &Connection, id: i64) -> Result<ArticleRow> {
    conn.query_row(&format!("{ARTICLE_SELECT} WHERE a.id = ?1"), [id], article_row).optional()?.ok_or_else(
        || Error::NotFound(format!("there is no article #{id}; `crosscheck article list` shows the ids")),
    )
}

/// The most similar earlier article at Jaccard >= 0.8, found through the MinHash bands.
fn nearest_duplicate(
    conn: &Connection,
    set: &std::collections::HashSet<u64>,
    bands: &[i64],
) -> Result<Option<(f64, i64)>> {
    // One query for all bands: (band, hash) pairs as a VALUES list, each found by the index.
    let mut candidates = std::collections::BTreeSet::new();
    if !bands.is_empty() {
        let sql = format!(
            // The articles sharing the most bands are the likeliest copies; only a few are
            // checked exactly, so boilerplate shared by many articles cannot make this slow.
            "WITH k (band, hash) AS (VALUES {})
             SELECT b.article_id FROM k JOIN article_bands b ON b.band = k.band AND b.hash = k.hash
             GROUP BY b.article_id ORDER BY count(*) DESC, b.article_id LIMIT 8",
            vec!["(?, ?)"; bands.len()].join(", ")
        );
        let values: Vec<Value> = bands
            .iter()
            .enumerate()
            .flat_map(|(band, hash)| [Value::Integer(band as i64), Value::Integer(*hash)])
            .collect();
        let mut stmt = conn.prepare_cached(&sql)?;
        for id in stmt.query_map(rusqlite::params_from_iter(values), |r| r.get::<_, i64>(0))? {
            candidates.insert(id?);
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
    Ok(best)
}
