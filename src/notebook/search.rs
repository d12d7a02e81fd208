//! Full-text search over articles and claims. The query is analysed exactly like the indexed
//! text (normalise, then stem), every term is quoted before MATCH, and snippets are cut from
//! the original text, not the normalised copy.

use rusqlite::{params, Connection};

use super::{invalid, Result};
use crate::normalize::{fts_expression, index_text, query_terms, snippet};
use crate::render::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchIn {
    Articles,
    Claims,
    All,
}

#[derive(Debug, Clone)]
pub struct SearchHit {
    pub kind: &'static str,
    pub id: i64,
    pub title: String,
    pub snippet: String,
    /// BM25 relevance, larger is better.
    pub rank: f64,
}

impl SearchHit {
    pub const COLUMNS: &'static [&'static str] = &["kind", "id", "title", "snippet", "rank"];
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(self.kind),
            Cell::Int(self.id),
            Cell::text(&self.title),
            Cell::text(&self.snippet),
            Cell::Float((self.rank * 1000.0).round() / 1000.0),
        ]
    }
}

const SNIPPET_CHARS: usize = 160;

pub fn search(conn: &Connection, query: &str, within: SearchIn, limit: usize) -> Result<Vec<SearchHit>> {
    let terms = query_terms(query);
    let Some(expr) = fts_expression(&terms) else {
        return invalid(format!(
            "the search '{query}' has no words to look for; give at least one word or number"
        ));
    };
    let mut hits = Vec::new();
    if within != SearchIn::Claims {
        let mut stmt = conn.prepare_cached(
            // Rank first, then read the few bodies the snippets need.
            "SELECT a.id, a.title, a.body, hits.score
             FROM (SELECT rowid, bm25(article_fts, 5.0, 1.0) AS score FROM article_fts
                   WHERE article_fts MATCH ?1 ORDER BY score LIMIT ?2) hits
             JOIN articles a ON a.id = hits.rowid ORDER BY hits.score",
        )?;
        let rows = stmt.query_map(params![expr, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, f64>(3)?))
        })?;
        for row in rows {
            let (id, title, body, score) = row?;
            hits.push(SearchHit {
                kind: "article",
                id,
                snippet: snippet(&body, &terms, SNIPPET_CHARS),
                title,
                rank: -score,
            });
        }
    }
    if within != SearchIn::Articles {
        let mut stmt = conn.prepare_cached(
            "SELECT c.id, a.title, c.quote, c.text, hits.score
             FROM (SELECT rowid, bm25(claim_fts) AS score FROM claim_fts
                   WHERE claim_fts MATCH ?1 ORDER BY score LIMIT ?2) hits
             JOIN claims c ON c.id = hits.rowid JOIN articles a ON a.id = c.article_id ORDER BY hits.score",
        )?;
        let rows = stmt.query_map(params![expr, limit as i64], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, f64>(4)?,
            ))
        })?;
        for row in rows {
            let (id, title, quote, text, score) = row?;
            let in_quote = snippet(&quote, &terms, SNIPPET_CHARS);
            let snip = if in_quote.contains('[') || text == quote {
                in_quote
            } else {
                snippet(&text, &terms, SNIPPET_CHARS)
            };
            hits.push(SearchHit { kind: "claim", id, title, snippet: snip, rank: -score });
        }
    }
    hits.sort_by(|a, b| b.rank.partial_cmp(&a.rank).unwrap_or(std::cmp::Ordering::Equal));
    hits.truncate(limit);
    Ok(hits)
}

/// Rows whose stored index copy no longer matches their text (edited outside crosscheck).
pub fn stale_index_rows(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("SELECT id, title, body, title_index, body_index FROM articles")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (title, body): (String, String) = (r.get(1)?, r.get(2)?);
        if index_text(&title) != r.get::<_, String>(3)? || index_text(&body) != r.get::<_, String>(4)? {
            problems.push(format!(
                "search index: article #{} was edited outside crosscheck",
                r.get::<_, i64>(0)?
            ));
        }
    }
    let mut stmt = conn.prepare("SELECT id, quote, text, quote_index, text_index FROM claims")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (quote, text): (String, String) = (r.get(1)?, r.get(2)?);
        if index_text(&quote) != r.get::<_, String>(3)? || index_text(&text) != r.get::<_, String>(4)? {
            problems
                .push(format!("search index: claim #{} was edited outside crosscheck", r.get::<_, i64>(0)?));
        }
    }
    Ok(problems)
}
