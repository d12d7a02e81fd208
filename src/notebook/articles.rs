//! Articles: listing, showing and removing them, their claimed spans, and the near-duplicate
//! bands derived from their bodies. Importing lives in `import`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{Error, Notebook, Result};
use crate::dates::PartialDate;
use crate::ratings::Reliability;
use crate::similarity::{band_keys, shingles};

/// The saved reconciliations not yet stale, to tell which a change made stale.
pub(crate) const FRESH_RECONCILIATIONS: &str = "SELECT id FROM reconciliations WHERE stale = 0";

/// One article (its claims go with it by the schema's cascades).
pub(crate) const ARTICLE_DELETE: &str = "DELETE FROM articles WHERE id = ?1";

/// Articles that were near-duplicates of one about to go.
pub(crate) const NEAR_DUPLICATE_CLEAR: &str =
    "UPDATE articles SET near_duplicate_of = NULL WHERE near_duplicate_of = ?1";

/// An article's text hash.
pub(crate) const SHA256_SET: &str = "UPDATE articles SET sha256 = ?1 WHERE id = ?2";

/// An article's text.
pub(crate) const BODY_BY_ID: &str = "SELECT body FROM articles WHERE id = ?1";

/// The SHA-256 of a body, in hex: how an exact duplicate is found.
pub fn body_sha256(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One row of `article list` and `export articles`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
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
    /// The analyst's note on the article (`article edit --note`).
    pub note: Option<String>,
    /// The character encoding the file was read in (`windows-1256`).
    pub encoding: Option<String>,
    /// The pages of a paginated original (a PDF); 0 for a page of text.
    pub pages: i64,
    /// Where a copy of the page is kept: a link, or a web archive file and its record's digest,
    /// with the capture time.
    pub archived_url: Option<String>,
    pub archived_at: Option<String>,
    pub archive_file: Option<String>,
    pub archive_digest: Option<String>,
}

pub(crate) const ARTICLE_SELECT: &str =
    "SELECT a.id, a.uuid, a.title, s.name AS outlet, a.author, a.url, a.published,
        a.language, length(a.body) AS chars, a.sha256, a.near_duplicate_of, a.imported_at,
        (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims, a.note,
        a.encoding, (SELECT count(*) FROM article_pages p WHERE p.article_id = a.id) AS pages,
        a.archived_url, a.archived_at, a.archive_file, a.archive_digest
    FROM articles a LEFT JOIN sources s ON s.id = a.outlet_id";

pub(crate) fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get("id")?,
        uuid: r.get("uuid")?,
        title: r.get("title")?,
        outlet: r.get("outlet")?,
        author: r.get("author")?,
        url: r.get("url")?,
        published: r.get("published")?,
        language: r.get("language")?,
        chars: r.get("chars")?,
        sha256: r.get("sha256")?,
        near_duplicate_of: r.get("near_duplicate_of")?,
        imported_at: r.get("imported_at")?,
        claims: r.get("claims")?,
        note: r.get("note")?,
        encoding: r.get("encoding")?,
        pages: r.get("pages")?,
        archived_url: r.get("archived_url")?,
        archived_at: r.get("archived_at")?,
        archive_file: r.get("archive_file")?,
        archive_digest: r.get("archive_digest")?,
    })
}

pub fn article_by_id(conn: &Connection, id: i64) -> Result<ArticleRow> {
    conn.prepare_cached(&format!("{ARTICLE_SELECT} WHERE a.id = ?1"))?
        .query_row([id], article_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!("there is no article #{id}; `crosscheck article list` shows the ids"))
        })
}

/// An article's body, or a sentence saying there is no such article.
pub fn body_of(conn: &Connection, id: i64) -> Result<String> {
    conn.prepare_cached(BODY_BY_ID)?.query_row([id], |r| r.get("body")).optional()?.ok_or_else(|| {
        Error::NotFound(format!("there is no article #{id}; `crosscheck article list` shows the ids"))
    })
}

/// The fields `article edit` changes; `None` leaves a field as it is. For the optional
/// fields, an empty text clears them.
#[derive(Debug, Clone, Default)]
pub struct ArticleEdit {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
    /// `Some(None)` clears the date.
    pub published: Option<Option<PartialDate>>,
    pub language: Option<String>,
    pub note: Option<String>,
}

impl ArticleEdit {
    pub fn is_empty(&self) -> bool {
        self.title.is_none()
            && self.outlet.is_none()
            && self.author.is_none()
            && self.url.is_none()
            && self.published.is_none()
            && self.language.is_none()
            && self.note.is_none()
    }

    /// What an edit needs before a notebook is opened: something to change, and a title that
    /// is not empty. The command line refuses these with exit 2, the library as invalid.
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.is_empty() {
            return Err(
                "nothing to change; give --title, --outlet, --author, --url, --published, --lang or --note"
                    .into(),
            );
        }
        if self.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err("--title is empty; give the article's headline".into());
        }
        Ok(())
    }
}

/// A claim whose relative `--when` phrase was read again against a changed publication date.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Redated {
    pub claim_id: i64,
    pub when_text: String,
    /// What it was read as before, `from..to` (one date when both are the same day).
    pub was: String,
    pub now: String,
    pub when_precision: String,
}

/// What `article edit` did: the article as it is now, the claims re-dated, and the saved
/// reconciliations that went stale because of it.
#[derive(Debug, Clone, Default)]
pub struct ArticleEdited {
    pub row: ArticleRow,
    pub redated: Vec<Redated>,
    pub stale: Vec<i64>,
}

/// A resolved date span as the re-dating rows show it.
fn span_text(from: &str, to: &str) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from}..{to}")
    }
}

/// Reads every `--when` of an article's claims again against `published`, inside an open
/// transaction, and stores those whose dates change. A phrase the new date cannot read
/// (`yesterday` with no date at all) refuses the whole edit, naming the claim.
fn redate_claims(tx: &Connection, article: i64, published: Option<PartialDate>) -> Result<Vec<Redated>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, when_text, when_from, when_to, when_precision FROM claims
         WHERE article_id = ?1 AND when_text IS NOT NULL ORDER BY id",
    )?;
    let claims = stmt
        .query_map([article], |r| {
            Ok((
                r.get::<_, i64>("id")?,
                r.get::<_, String>("when_text")?,
                r.get::<_, Option<String>>("when_from")?,
                r.get::<_, Option<String>>("when_to")?,
                r.get::<_, Option<String>>("when_precision")?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut update = tx.prepare_cached(
        "UPDATE claims SET when_from = ?1, when_to = ?2, when_precision = ?3 WHERE id = ?4",
    )?;
    let mut out = Vec::new();
    for (id, text, from, to, precision) in claims {
        let when = crate::dates::parse_when(&text, published).map_err(|e| {
            Error::Invalid(format!(
                "claim #{id} of this article dates its event '{text}', which the new publication date \
                 cannot place: {e} (or set the claim's own date first with `crosscheck claim edit {id} --when \
                 YYYY-MM-DD`)"
            ))
        })?;
        let (new_from, new_to) = (when.from.to_string(), when.to.to_string());
        let new_precision = when.precision.as_str();
        if from.as_deref() == Some(&new_from)
            && to.as_deref() == Some(&new_to)
            && precision.as_deref() == Some(new_precision)
        {
            continue;
        }
        update.execute(params![new_from, new_to, new_precision, id])?;
        out.push(Redated {
            claim_id: id,
            was: span_text(from.as_deref().unwrap_or(""), to.as_deref().unwrap_or("")),
            now: span_text(&new_from, &new_to),
            when_text: text,
            when_precision: new_precision.to_string(),
        });
    }
    Ok(out)
}

/// An optional text field as stored: trimmed, and empty meaning none.
fn optional_text(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A claimed span of an article: (claim id, start, end) in characters of its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub claim: i64,
    pub start: usize,
    pub end: usize,
}

/// The page a claim's quote is on (its number, or the label printed on it: `12`, `iv`), when
/// its article has pages.
pub fn page_of_claim(conn: &Connection, claim: i64) -> Result<Option<String>> {
    let page: Option<(i64, Option<String>)> = conn
        .prepare_cached(
            "SELECT p.page, p.label FROM claims c JOIN article_pages p
               ON p.article_id = c.article_id AND p.start <= c.span_start
             WHERE c.id = ?1 ORDER BY p.start DESC LIMIT 1",
        )?
        .query_row([claim], |r| Ok((r.get("page")?, r.get("label")?)))
        .optional()?;
    Ok(page.map(|(n, label)| label.unwrap_or_else(|| n.to_string())))
}

impl Notebook {
    /// The page a claim's quote is on (`12`), when its article has pages.
    pub fn claim_page(&self, claim: i64) -> Result<Option<String>> {
        page_of_claim(&self.conn, claim)
    }

    pub fn articles(&mut self) -> Result<Vec<ArticleRow>> {
        let tx = self.read()?;
        let mut stmt = tx.prepare(&format!("{ARTICLE_SELECT} ORDER BY a.id"))?;
        let rows = stmt.query_map([], article_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn article(&self, id: i64) -> Result<ArticleRow> {
        article_by_id(&self.conn, id)
    }

    pub fn article_body(&self, id: i64) -> Result<String> {
        body_of(&self.conn, id)
    }

    /// The verified spans of an article's claims, in order of where they start.
    pub fn claim_spans(&self, article: i64) -> Result<Vec<Span>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, span_start, span_end FROM claims WHERE article_id = ?1 AND span_start IS NOT NULL
             ORDER BY span_start, id",
        )?;
        let rows = stmt
            .query_map([article], |r| {
                Ok(Span {
                    claim: r.get("id")?,
                    start: super::count(r.get("span_start")?),
                    end: super::count(r.get("span_end")?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Changes an article's heading in one transaction (each change kept in the history). A new
    /// publication date re-reads the relative `--when` phrases of its claims; the saved
    /// reconciliations resting on what changed are marked stale (by the schema's triggers).
    pub fn edit_article(&mut self, id: i64, e: &ArticleEdit) -> Result<ArticleEdited> {
        e.check().map_err(Error::Invalid)?;
        let tx = self.change()?;
        let before = article_by_id(&tx, id)?;
        let fresh: Vec<i64> = tx
            .prepare_cached(FRESH_RECONCILIATIONS)?
            .query_map([], |r| r.get("id"))?
            .collect::<rusqlite::Result<_>>()?;
        if let Some(title) = &e.title {
            let title = title.trim();
            if title != before.title {
                tx.execute("UPDATE articles SET title = ?1 WHERE id = ?2", params![title, id])?;
                super::search::index_article(&tx, id, title, &body_of(&tx, id)?)?;
            }
        }
        if let Some(outlet) = &e.outlet {
            let outlet_id = match optional_text(outlet) {
                Some(name) => Some(super::sources::find_or_create_outlet(&tx, &name)?),
                None => None,
            };
            tx.execute("UPDATE articles SET outlet_id = ?1 WHERE id = ?2", params![outlet_id, id])?;
        }
        if let Some(author) = &e.author {
            tx.execute("UPDATE articles SET author = ?1 WHERE id = ?2", params![optional_text(author), id])?;
        }
        if let Some(url) = &e.url {
            tx.execute("UPDATE articles SET url = ?1 WHERE id = ?2", params![optional_text(url), id])?;
        }
        if let Some(note) = &e.note {
            // Kept as written (lines and all), only trimmed; empty clears it.
            let note = Some(note.trim()).filter(|n| !n.is_empty());
            tx.execute("UPDATE articles SET note = ?1 WHERE id = ?2", params![note, id])?;
        }
        if let Some(language) = &e.language {
            tx.execute("UPDATE articles SET language = ?1 WHERE id = ?2", params![language, id])?;
        }
        let mut redated = Vec::new();
        if let Some(published) = &e.published {
            let text = published.as_ref().map(|d| d.to_string());
            if text != before.published {
                tx.execute("UPDATE articles SET published = ?1 WHERE id = ?2", params![text, id])?;
                redated = redate_claims(&tx, id, *published)?;
            }
        }
        let still: std::collections::HashSet<i64> = tx
            .prepare_cached(FRESH_RECONCILIATIONS)?
            .query_map([], |r| r.get("id"))?
            .collect::<rusqlite::Result<_>>()?;
        let stale = fresh.into_iter().filter(|r| !still.contains(r)).collect();
        let row = article_by_id(&tx, id)?;
        tx.commit()?;
        Ok(ArticleEdited { row, redated, stale })
    }

    /// Removes an article. Refused while claims cite it, unless `force`, which removes those
    /// claims (and their figures and links) too. Returns the number of claims removed.
    pub fn remove_article(&mut self, id: i64, force: bool) -> Result<usize> {
        let tx = self.change()?;
        let row = article_by_id(&tx, id)?;
        if row.claims > 0 && !force {
            return Err(Error::Conflict(format!(
                "article #{id} is cited by {} claim(s); remove them first or add --force to remove them with it",
                row.claims
            )));
        }
        tx.execute(NEAR_DUPLICATE_CLEAR, [id])?;
        let removed = tx.execute("DELETE FROM claims WHERE article_id = ?1", [id])?;
        tx.execute(ARTICLE_DELETE, [id])?;
        tx.commit()?;
        Ok(removed)
    }
}

/// Writes one article's near-duplicate bands.
pub(crate) fn insert_bands(conn: &Connection, id: i64, bands: &[i64]) -> Result<()> {
    let mut insert = conn
        .prepare_cached("INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?1, ?2, ?3)")?;
    for (band, hash) in bands.iter().enumerate() {
        insert.execute(params![super::sql_int(band), hash, id])?;
    }
    Ok(())
}

/// Recomputes every article's near-duplicate bands: they are derived from the bodies and never
/// the source of truth (an upgrade that changes how they are hashed rebuilds them).
pub fn rebuild_bands(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM article_bands", [])?;
    let mut stmt = conn.prepare("SELECT id, body FROM articles")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, body): (i64, String) = (r.get("id")?, r.get("body")?);
        insert_bands(conn, id, &band_keys(&shingles(&body)))?;
    }
    Ok(())
}

/// An article's heading as listings show it beside a claim or figure.
#[derive(Clone)]
pub(crate) struct Heading {
    pub title: String,
    pub outlet: Option<String>,
    pub outlet_id: Option<i64>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// The outlet's reliability, which its own reporting carries.
    pub reliability: Option<Reliability>,
}

/// Rows looked up by id once each and remembered: a long listing meets the same article,
/// source or measure many times, and reading it again is a random page read. A bounded table,
/// emptied when full, so memory stays flat however many rows there are.
pub(crate) struct Remembered<'c, T> {
    stmt: rusqlite::CachedStatement<'c>,
    read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    known: rustc_hash::FxHashMap<i64, T>,
    most: usize,
}

impl<'c, T> Remembered<'c, T> {
    /// `sql` selects one row by `?1`; `read` turns it into a value; at most `most` are kept.
    pub fn new(
        conn: &'c Connection,
        sql: &str,
        read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
        most: usize,
    ) -> Result<Self> {
        Ok(Remembered {
            stmt: conn.prepare_cached(sql)?,
            read,
            known: rustc_hash::FxHashMap::default(),
            most,
        })
    }

    pub fn of(&mut self, id: i64) -> Result<&T> {
        if !self.known.contains_key(&id) {
            let value = self.stmt.query_row([id], self.read)?;
            if self.known.len() >= self.most {
                self.known.clear();
            }
            self.known.insert(id, value);
        }
        Ok(&self.known[&id])
    }
}

/// The headings of articles, read once per article instead of joining the article's row
/// (which holds its body) to every claim or figure.
pub(crate) fn headings(conn: &Connection) -> Result<Remembered<'_, Heading>> {
    Remembered::new(
        conn,
        &format!(
            "SELECT {HEADING_COLUMNS} FROM articles a LEFT JOIN sources o ON o.id = a.outlet_id WHERE a.id = ?1"
        ),
        heading_from,
        50_000,
    )
}

/// The columns of an article's heading, named as [`heading_from`] reads them, for a query that
/// joins `articles a` and its outlet `sources o`.
pub(crate) const HEADING_COLUMNS: &str = "a.title AS heading_title, o.name AS heading_outlet,
    a.outlet_id AS heading_outlet_id, a.published AS heading_published,
    a.language AS heading_language, o.reliability AS heading_reliability";

/// An article's heading from a row that holds [`HEADING_COLUMNS`], by name.
pub(crate) fn heading_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<Heading> {
    Ok(Heading {
        title: r.get("heading_title")?,
        outlet: r.get("heading_outlet")?,
        outlet_id: r.get("heading_outlet_id")?,
        published: r.get("heading_published")?,
        language: r.get("heading_language")?,
        reliability: r.get("heading_reliability")?,
    })
}
