//! Listings a page at a time, for the review pages of `serve`: articles (filtered, or found by
//! the same search as `search`), claims (the filters of `claim list`), sources and measures. A
//! page reads only its own rows (and one more, to know whether a next page exists), so a page of
//! a 50,000-claim notebook costs what a page costs, not what the notebook holds.

use rusqlite::params;
use serde::Serialize;

use super::articles::{article_row, ArticleRow, ARTICLE_SELECT};
use super::claims::{ClaimFilter, ClaimRow};
use super::sources::{source_row, SourceRow, SOURCE_SELECT};
use super::{Error, Notebook, Result};
use crate::vocab::SearchIn;

/// Rows of one page, and whether another page follows.
#[derive(Debug, Clone, Default)]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub more: bool,
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

/// The most search hits a listing pages through.
const SEARCH_CAP: usize = 1_000;

impl Notebook {
    /// Articles newest id first, `limit` from `offset`; with words, the search's ranked matches.
    pub fn articles_page(
        &mut self,
        f: &ArticleFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Page<ArticleRow>> {
        let words = f.words.as_deref().map(str::trim).filter(|w| !w.is_empty());
        let ids: Option<Vec<i64>> = match words {
            Some(w) => {
                Some(self.search(w, SearchIn::Articles, SEARCH_CAP)?.into_iter().map(|h| h.id).collect())
            }
            None => None,
        };
        let tx = self.read()?;
        let mut rows = Vec::new();
        let wanted = |a: &ArticleRow| {
            f.language.as_deref().is_none_or(|l| a.language.as_deref() == Some(l))
                && f.outlet.as_deref().is_none_or(|o| a.outlet.as_deref() == Some(o))
        };
        match ids {
            Some(ids) => {
                let mut skipped = 0;
                for id in ids {
                    let a = super::articles::article_by_id(&tx, id)?;
                    if !wanted(&a) {
                        continue;
                    }
                    if skipped < offset {
                        skipped += 1;
                        continue;
                    }
                    rows.push(a);
                    if rows.len() > limit {
                        break;
                    }
                }
            }
            None => {
                let mut stmt = tx.prepare_cached(&format!(
                    "{ARTICLE_SELECT} WHERE (?1 IS NULL OR a.language = ?1) AND (?2 IS NULL OR s.name = ?2)
                     ORDER BY a.id DESC LIMIT ?3 OFFSET ?4"
                ))?;
                rows = stmt
                    .query_map(
                        params![f.language, f.outlet, super::sql_int(limit + 1), super::sql_int(offset)],
                        article_row,
                    )?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
            }
        }
        Ok(paged(rows, limit))
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

    /// Claims that pass `claim list`'s filter, in id order, `limit` from `offset`: the reading
    /// stops once the page (and one more row) is read.
    pub fn claims_page(
        &mut self,
        filter: &ClaimFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Page<ClaimRow>> {
        let mut rows = Vec::new();
        let mut seen = 0usize;
        let enough = || Error::Output(std::io::Error::other("the page is full"));
        let done = self.for_each_claim(filter, |c| {
            seen += 1;
            if seen > offset {
                rows.push(c);
            }
            if rows.len() > limit {
                return Err(enough());
            }
            Ok(())
        });
        match done {
            Ok(()) => {}
            Err(Error::Output(e)) if e.to_string() == "the page is full" => {}
            Err(e) => return Err(e),
        }
        Ok(paged(rows, limit))
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
    Page { rows, more }
}
