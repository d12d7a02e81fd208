//! Listings a page at a time, for the review pages of `serve`: articles (filtered, or found by
//! the same search as `search`), claims (the filters of `claim list`), sources and measures. A
//! page reads only its own rows (and one more, to know whether a next page exists), so a page of
//! a 50,000-claim notebook costs what a page costs, not what the notebook holds.

use rusqlite::params;
use serde::Serialize;

use super::articles::{article_row, ArticleRow, ARTICLE_SELECT};
use super::claims::{ClaimFilter, ClaimRow};
use super::conditions::Conditions;
use super::sources::{source_row, SourceRow, SOURCE_SELECT};
use super::{Notebook, Result};

/// Rows of one page, and whether pages come before and after it.
#[derive(Debug, Clone, Default)]
pub struct Page<T> {
    pub rows: Vec<T>,
    /// Another page follows.
    pub more: bool,
    /// A page comes before this one.
    pub back: bool,
}

/// Where a page of a listing read by key begins: at the start, just after a row (the next
/// page) or just before one (the previous page). The key is the row's id, so any page costs
/// what the first one does, however deep, and a row added or removed meanwhile moves nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cursor {
    #[default]
    Start,
    After(i64),
    Before(i64),
}

/// Which articles a listing shows.
#[derive(Debug, Clone, Default)]
pub struct ArticleFilter {
    /// Words to search for, as `search` reads them.
    pub words: Option<String>,
    /// An ISO 639-1 code (`ar`, `en`).
    pub language: Option<String>,
    /// The outlet's name, as stored.
    pub outlet: Option<String>,
}

/// A measure in a listing: its figures counted, not reconciled.
#[derive(Debug, Clone, Default, Serialize)]
pub struct MeasureEntry {
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
    pub figures: i64,
}

impl Notebook {
    /// Articles newest id first, a page read by key from `at`.
    pub fn articles_page(&mut self, f: &ArticleFilter, at: Cursor, limit: usize) -> Result<Page<ArticleRow>> {
        let tx = self.read()?;
        // Newest first: "after" an article is below its id.
        let mut w = Conditions::new();
        if let Some(language) = &f.language {
            w.and("a.language = :language", ":language", language.clone());
        }
        if let Some(outlet) = &f.outlet {
            w.and("s.name = :outlet", ":outlet", outlet.clone());
        }
        let order = match at {
            Cursor::Start => "ORDER BY a.id DESC LIMIT :limit",
            Cursor::After(id) => {
                w.and("a.id < :after", ":after", id);
                "ORDER BY a.id DESC LIMIT :limit"
            }
            Cursor::Before(id) => {
                w.and("a.id > :before", ":before", id);
                "ORDER BY a.id ASC LIMIT :limit"
            }
        };
        w.bind(":limit", super::sql_int(limit + 1));
        let mut stmt = tx.prepare_cached(&format!("{ARTICLE_SELECT}{} {order}", w.clause()))?;
        let rows = stmt.query_map(&*w.params(), article_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        drop(tx);
        if matches!(at, Cursor::Before(_)) && rows.len() <= limit {
            return self.articles_page(f, Cursor::Start, limit);
        }
        Ok(keyed(rows, at, limit))
    }

    /// Articles holding the words, ranked as `search` ranks them (the same index, the same
    /// reading of the words), `limit` from `offset` among them. Only the ids are ranked and
    /// skipped; the page's own rows are read afterwards, so a common word costs its ranking,
    /// not a read of every article it is in.
    pub fn articles_found(
        &mut self,
        f: &ArticleFilter,
        words: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Page<ArticleRow>> {
        let tx = self.read()?;
        let ids = super::search::articles_ranked(
            &tx,
            words,
            f.language.as_deref(),
            f.outlet.as_deref(),
            offset,
            limit + 1,
        )?;
        let rows =
            ids.into_iter().map(|id| super::articles::article_by_id(&tx, id)).collect::<Result<Vec<_>>>()?;
        let mut page = paged(rows, limit);
        page.back = offset > 0;
        Ok(page)
    }

    /// A number that changes whenever another connection commits a change to the notebook
    /// (SQLite's `data_version`): what a long-lived connection reads to know whether what it
    /// worked out earlier still holds.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA data_version", [], |r| r.get("data_version"))?)
    }

    /// The outlets and languages the articles have, for the listing's filters.
    pub fn article_facets(&mut self) -> Result<(Vec<String>, Vec<String>)> {
        let tx = self.read()?;
        let outlets = tx
            .prepare_cached(
                "SELECT DISTINCT s.name FROM sources s WHERE s.id IN (SELECT outlet_id FROM articles) ORDER BY s.name LIMIT 500",
            )?
            .query_map([], |r| r.get("name"))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let languages = tx
            .prepare_cached(
                "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY language",
            )?
            .query_map([], |r| r.get("language"))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        Ok((outlets, languages))
    }

    /// Claims that pass `claim list`'s filter, in id order, a page read by key from `at`: the
    /// page's own rows (and one more, to know whether another page follows) and nothing else.
    pub fn claims_page(&mut self, filter: &ClaimFilter, at: Cursor, limit: usize) -> Result<Page<ClaimRow>> {
        let tx = self.read()?;
        let (after, before) = match at {
            Cursor::Start => (None, None),
            Cursor::After(id) => (Some(id), None),
            Cursor::Before(id) => (None, Some(id)),
        };
        let mut rows = Vec::new();
        super::claims::claims_near(&tx, filter, after, before, limit + 1, |c| {
            rows.push(c);
            Ok(())
        })?;
        drop(tx);
        if matches!(at, Cursor::Before(_)) && rows.len() <= limit {
            return self.claims_page(filter, Cursor::Start, limit);
        }
        Ok(keyed(rows, at, limit))
    }

    /// Sources by name, `limit` from `offset`; with words, those whose name or an alias holds
    /// them (compared as names are: case, harakat and spacing aside).
    pub fn sources_page(
        &mut self,
        words: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<Page<SourceRow>> {
        let key = words.map(super::sources::name_key).filter(|k| !k.is_empty());
        let tx = self.read()?;
        let mut stmt = tx.prepare_cached(&format!(
            "{SOURCE_SELECT} WHERE ?1 IS NULL OR instr(s.name_key, ?1) > 0
                OR EXISTS (SELECT 1 FROM source_aliases x WHERE x.source_id = s.id AND instr(x.alias_key, ?1) > 0)
             ORDER BY s.name_key, s.id LIMIT ?2 OFFSET ?3"
        ))?;
        let rows = stmt
            .query_map(params![key, super::sql_int(limit + 1), super::sql_int(offset)], source_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(paged(rows, limit))
    }

    /// Measures by key with their figures counted, `limit` from `offset`.
    pub fn measures_page(&mut self, offset: usize, limit: usize) -> Result<Page<MeasureEntry>> {
        let tx = self.read()?;
        let mut stmt = tx.prepare_cached(
            "SELECT m.key, m.label, m.unit, (SELECT count(*) FROM figures f WHERE f.measure_id = m.id) AS figures
             FROM measures m ORDER BY m.key LIMIT ?1 OFFSET ?2",
        )?;
        let rows = stmt
            .query_map(params![super::sql_int(limit + 1), super::sql_int(offset)], |r| {
                Ok(MeasureEntry {
                    key: r.get("key")?,
                    label: r.get("label")?,
                    unit: r.get("unit")?,
                    figures: r.get("figures")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(paged(rows, limit))
    }

    /// Every measure's key and label, for the choices of a review form (keys sort first).
    pub fn measure_keys(&mut self) -> Result<Vec<(String, String)>> {
        let tx = self.read()?;
        let mut stmt = tx.prepare_cached("SELECT key, label FROM measures ORDER BY key LIMIT 2000")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get("key")?, r.get("label")?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

fn paged<T>(mut rows: Vec<T>, limit: usize) -> Page<T> {
    let more = rows.len() > limit;
    rows.truncate(limit);
    Page { rows, more, back: false }
}

/// A page read by key (`limit + 1` rows, in reading order from the cursor) put in the
/// listing's order. (A page before a row that finds no more than a page's rows has reached the
/// start: the callers show the listing's first page instead, so no page is shown short.)
fn keyed<T>(mut rows: Vec<T>, at: Cursor, limit: usize) -> Page<T> {
    let extra = rows.len() > limit;
    rows.truncate(limit);
    match at {
        Cursor::Start => Page { rows, more: extra, back: false },
        Cursor::After(_) => Page { rows, more: extra, back: true },
        Cursor::Before(_) => {
            rows.reverse();
            Page { rows, more: true, back: extra }
        }
    }
}
