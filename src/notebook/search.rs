//! Full-text search over articles and claims, and keeping the search indexes true. The query is
//! analysed exactly like the indexed text (normalise, then stem), every term is quoted before
//! MATCH, and snippets are cut from the original text. The indexes are contentless: they hold
//! the words crosscheck writes into them, and `check` compares them with the texts.

use std::collections::HashMap;

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::{Notebook, Result};
use crate::normalize::{fts_expression, index_text, query_terms, snippet};
use crate::vocab::SearchIn;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchHit {
    pub kind: String,
    pub id: i64,
    pub title: String,
    pub snippet: String,
    /// BM25 relevance, larger is better.
    pub rank: f64,
}

const SNIPPET_CHARS: usize = 160;

/// Writes one article's words into the search index (after removing any old entry).
pub(crate) fn index_article(conn: &Connection, id: i64, title: &str, body: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM article_fts WHERE rowid = ?1")?.execute([id])?;
    conn.prepare_cached("INSERT INTO article_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?
        .execute(params![id, index_text(title), index_text(body)])?;
    Ok(())
}

/// Writes one claim's words into the search index (after removing any old entry).
pub(crate) fn index_claim(conn: &Connection, id: i64, quote: &str, text: &str) -> Result<()> {
    conn.prepare_cached("DELETE FROM claim_fts WHERE rowid = ?1")?.execute([id])?;
    conn.prepare_cached("INSERT INTO claim_fts (rowid, quote, text) VALUES (?1, ?2, ?3)")?
        .execute(params![id, index_text(quote), index_text(text)])?;
    Ok(())
}

/// New claims' search words, written a few hundred rows to a statement. FTS5 writes out the
/// words it holds before every statement that opens a savepoint (an insert into a table with
/// foreign keys does), so one insert a claim made one small index segment a claim, and merging
/// them was a fifth of a CSV import. The caller flushes before it commits.
#[derive(Default)]
pub(crate) struct ClaimWords {
    rows: Vec<(i64, String, String)>,
}

/// Claims written to the search index in one statement.
const CLAIM_WORDS_PER_INSERT: usize = 256;

impl ClaimWords {
    /// Queues a new claim's words (its id is new, so there is no old entry to remove).
    pub(crate) fn push(&mut self, conn: &Connection, id: i64, quote: &str, text: &str) -> Result<()> {
        self.rows.push((id, index_text(quote), index_text(text)));
        if self.rows.len() >= CLAIM_WORDS_PER_INSERT {
            self.flush(conn)?;
        }
        Ok(())
    }

    /// Writes what is queued.
    pub(crate) fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "INSERT INTO claim_fts (rowid, quote, text) VALUES {}",
            vec!["(?, ?, ?)"; self.rows.len()].join(", ")
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut at = 1;
        for (id, quote, text) in &self.rows {
            stmt.raw_bind_parameter(at, id)?;
            stmt.raw_bind_parameter(at + 1, quote)?;
            stmt.raw_bind_parameter(at + 2, text)?;
            at += 3;
        }
        stmt.raw_execute()?;
        self.rows.clear();
        Ok(())
    }
}

/// Rebuilds the search indexes: every row, or only the rows missing from them (edited outside
/// crosscheck). Returns how many rows were indexed.
pub fn reindex(conn: &Connection, missing: bool) -> Result<usize> {
    if !missing {
        conn.execute_batch("DELETE FROM article_fts; DELETE FROM claim_fts;")?;
    }
    let filter = |table: &str, fts: &str| {
        if missing {
            format!(" WHERE {table}.id NOT IN (SELECT rowid FROM {fts})")
        } else {
            String::new()
        }
    };
    let mut done = 0;
    let mut stmt =
        conn.prepare(&format!("SELECT id, title, body FROM articles{}", filter("articles", "article_fts")))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        index_article(conn, r.get("id")?, &r.get::<_, String>("title")?, &r.get::<_, String>("body")?)?;
        done += 1;
    }
    let mut stmt =
        conn.prepare(&format!("SELECT id, quote, text FROM claims{}", filter("claims", "claim_fts")))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        index_claim(conn, r.get("id")?, &r.get::<_, String>("quote")?, &r.get::<_, String>("text")?)?;
        done += 1;
    }
    Ok(done)
}

/// A commutative fingerprint of a text's indexed words (column, position, word), so the index's
/// own record of a row can be compared with the row's text without holding either in memory.
fn fingerprint(column: i64, words: &str) -> u64 {
    words
        .split(' ')
        .filter(|w| !w.is_empty())
        .enumerate()
        .fold(0u64, |acc, (i, w)| acc.wrapping_add(word_hash(column, super::sql_int(i), w)))
}

fn word_hash(column: i64, offset: i64, word: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (column, offset, word).hash(&mut h);
    h.finish()
}

/// Rows whose search index differs from their text: missing (edited outside crosscheck),
/// stale, or left behind by a deleted row. Each problem is one sentence.
pub fn index_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    for (table, fts, what, cols) in [
        ("articles", "article_fts", "article", ["title", "body"]),
        ("claims", "claim_fts", "claim", ["quote", "text"]),
    ] {
        // What the index holds, per row: read through FTS5's own vocabulary of instances.
        conn.execute_batch(&format!(
            "DROP TABLE IF EXISTS temp.check_vocab; CREATE VIRTUAL TABLE temp.check_vocab USING fts5vocab(main, {fts}, instance);"
        ))?;
        let mut held: HashMap<i64, u64> = HashMap::new();
        let mut stmt = conn.prepare("SELECT term, doc, col, offset FROM temp.check_vocab")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            // Read as stored: an index edited outside crosscheck may hold anything.
            let text = |name: &str| -> rusqlite::Result<String> {
                Ok(match r.get_ref(name)? {
                    rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                    _ => String::new(),
                })
            };
            let (term, doc, col, offset): (String, i64, String, i64) =
                (text("term")?, r.get("doc").unwrap_or(0), text("col")?, r.get("offset").unwrap_or(0));
            let column = i64::from(col == cols[1]);
            let e = held.entry(doc).or_default();
            *e = e.wrapping_add(word_hash(column, offset, &term));
        }
        drop(rows);
        drop(stmt);
        conn.execute_batch("DROP TABLE temp.check_vocab")?;
        // The index keeps a row with no words too; rows present without words have no
        // instances, so presence is read from the index's rowids.
        let mut present: std::collections::HashSet<i64> = std::collections::HashSet::new();
        let mut stmt = conn.prepare(&format!("SELECT rowid FROM {fts}"))?;
        for id in stmt.query_map([], |r| r.get::<_, i64>("rowid"))? {
            present.insert(id?);
        }
        let mut stmt = conn.prepare(&format!("SELECT id, {}, {} FROM {table}", cols[0], cols[1]))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get("id")?;
            // A text that is not UTF-8 (or not text) is named by the check of the rows.
            let text = |i: usize| -> rusqlite::Result<Option<String>> {
                Ok(match r.get_ref(i)? {
                    rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok().map(str::to_string),
                    rusqlite::types::ValueRef::Null => Some(String::new()),
                    _ => None,
                })
            };
            let (Some(first), Some(second)) = (text(1)?, text(2)?) else {
                present.remove(&id);
                continue;
            };
            let expected =
                fingerprint(0, &index_text(&first)).wrapping_add(fingerprint(1, &index_text(&second)));
            if !present.remove(&id) {
                problems.push(format!(
                    "search index: {what} #{id} is not in the index (edited outside crosscheck); `crosscheck check --repair` adds it"
                ));
            } else if held.get(&id).copied().unwrap_or(0) != expected {
                problems.push(format!(
                    "search index: {what} #{id} is indexed with other words than its text; `crosscheck check --repair` rebuilds it"
                ));
            }
        }
        for id in present {
            problems.push(format!("search index: it holds {what} #{id}, which no longer exists; `crosscheck check --repair` removes it"));
        }
    }
    Ok(problems)
}

/// The ids of the articles holding `words`, best first as `search` ranks them (the same reading
/// of the words, the same index and weights), `limit` from `offset`, of one language and one
/// outlet when given. Only ids and scores are ranked and skipped: no article is read beyond the
/// language and outlet a filter asks about.
pub(crate) fn articles_ranked(
    conn: &Connection,
    words: &str,
    language: Option<&str>,
    outlet: Option<&str>,
    offset: usize,
    limit: usize,
) -> Result<Vec<i64>> {
    let Some(expr) = fts_expression(&query_terms(words)) else {
        return Ok(Vec::new());
    };
    let (limit, offset) = (super::sql_int(limit), super::sql_int(offset));
    let ids = if language.is_some() || outlet.is_some() {
        conn.prepare_cached(
            "SELECT hits.id FROM (SELECT rowid AS id, bm25(article_fts, 5.0, 1.0) AS score FROM article_fts
                                  WHERE article_fts MATCH ?1) hits
             JOIN articles a ON a.id = hits.id LEFT JOIN sources s ON s.id = a.outlet_id
             WHERE (?2 IS NULL OR a.language = ?2) AND (?3 IS NULL OR s.name = ?3)
             ORDER BY hits.score, hits.id LIMIT ?4 OFFSET ?5",
        )?
        .query_map(params![expr, language, outlet, limit, offset], |r| r.get("id"))?
        .collect::<rusqlite::Result<Vec<i64>>>()?
    } else {
        conn.prepare_cached(
            "SELECT rowid AS id FROM article_fts WHERE article_fts MATCH ?1
             ORDER BY bm25(article_fts, 5.0, 1.0), rowid LIMIT ?2 OFFSET ?3",
        )?
        .query_map(params![expr, limit, offset], |r| r.get("id"))?
        .collect::<rusqlite::Result<Vec<i64>>>()?
    };
    Ok(ids)
}

/// The full-text expression of what a person typed; refused when it holds no word or number to
/// look for. The command line refuses that with exit 2 before a notebook is opened.
pub fn search_expression(query: &str) -> std::result::Result<String, String> {
    fts_expression(&query_terms(query)).ok_or_else(|| {
        format!("the search '{query}' has no words to look for; give at least one word or number")
    })
}

impl Notebook {
    pub fn search(&mut self, query: &str, within: SearchIn, limit: usize) -> Result<Vec<SearchHit>> {
        let expr = search_expression(query).map_err(super::Error::Invalid)?;
        let terms = query_terms(query);
        let limit_sql = super::sql_int(limit);
        let tx = self.read()?;
        let mut hits = Vec::new();
        if within != SearchIn::Claims {
            // Rank first, then read the few bodies the snippets need.
            let mut stmt = tx.prepare_cached(
                "SELECT a.id, a.title, a.body, hits.score
                 FROM (SELECT rowid, bm25(article_fts, 5.0, 1.0) AS score FROM article_fts
                       WHERE article_fts MATCH ?1 ORDER BY score LIMIT ?2) hits
                 JOIN articles a ON a.id = hits.rowid ORDER BY hits.score",
            )?;
            let mut rows = stmt.query(params![expr, limit_sql])?;
            while let Some(r) = rows.next()? {
                let body: String = r.get("body")?;
                hits.push(SearchHit {
                    kind: "article".into(),
                    id: r.get("id")?,
                    title: r.get("title")?,
                    snippet: snippet(&body, &terms, SNIPPET_CHARS),
                    rank: -r.get::<_, f64>("score")?,
                });
            }
        }
        if within != SearchIn::Articles {
            let mut stmt = tx.prepare_cached(
                "SELECT c.id, a.title, c.quote, c.text, hits.score
                 FROM (SELECT rowid, bm25(claim_fts) AS score FROM claim_fts
                       WHERE claim_fts MATCH ?1 ORDER BY score LIMIT ?2) hits
                 JOIN claims c ON c.id = hits.rowid JOIN articles a ON a.id = c.article_id ORDER BY hits.score",
            )?;
            let mut rows = stmt.query(params![expr, limit_sql])?;
            while let Some(r) = rows.next()? {
                let (quote, text): (String, String) = (r.get("quote")?, r.get("text")?);
                let in_quote = snippet(&quote, &terms, SNIPPET_CHARS);
                let snip = if in_quote.contains('[') || text == quote {
                    in_quote
                } else {
                    snippet(&text, &terms, SNIPPET_CHARS)
                };
                hits.push(SearchHit {
                    kind: "claim".into(),
                    id: r.get("id")?,
                    title: r.get("title")?,
                    snippet: snip,
                    rank: -r.get::<_, f64>("score")?,
                });
            }
        }
        hits.sort_by(|a, b| b.rank.total_cmp(&a.rank));
        hits.truncate(limit);
        for h in &mut hits {
            h.rank = (h.rank * 1000.0).round() / 1000.0;
        }
        Ok(hits)
    }
}
