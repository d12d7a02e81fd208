//! Claims: statements an article attributes to its sources, anchored to a verified quote,
//! with credibility, place, date, tags and links between claims.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{new_uuid, now, Error, Notebook, Result};
use crate::dates::{PartialDate, When};
use crate::normalize::{char_offset, find_quote, index_text};
use crate::ratings::{Credibility, Reliability};
use crate::render::Cell;

/// Separates list items inside one SQL aggregate (never typed by people).
const SEP: char = '\u{1F}';

#[derive(Debug, Clone)]
pub struct ClaimRow {
    pub id: i64,
    pub uuid: String,
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub quote: String,
    pub text: String,
    pub unverified: bool,
    pub sources: Vec<String>,
    pub source_kinds: Vec<String>,
    pub reliability: Vec<String>,
    pub credibility: Credibility,
    pub place: Option<String>,
    pub when_text: Option<String>,
    pub when_from: Option<String>,
    pub when_to: Option<String>,
    pub tags: Vec<String>,
    pub created_at: String,
}

impl ClaimRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "id",
        "uuid",
        "article_id",
        "article_title",
        "outlet",
        "published",
        "quote",
        "text",
        "unverified",
        "sources",
        "source_kinds",
        "reliability",
        "credibility",
        "credibility_label",
        "place",
        "when_text",
        "when_from",
        "when_to",
        "tags",
        "created_at",
    ];

    pub fn cells(&self) -> Vec<Cell> {
        self.clone().into_cells()
    }

    /// The cells, moving the strings rather than copying them (for exports).
    pub fn into_cells(self) -> Vec<Cell> {
        vec![
            Cell::Int(self.id),
            Cell::Text(self.uuid),
            Cell::Int(self.article_id),
            Cell::Text(self.article_title),
            Cell::opt_text(self.outlet),
            Cell::opt_text(self.published),
            Cell::Text(self.quote),
            Cell::Text(self.text),
            Cell::Bool(self.unverified),
            Cell::List(self.sources),
            Cell::List(self.source_kinds),
            Cell::List(self.reliability),
            Cell::Int(self.credibility.value()),
            Cell::text(self.credibility.label()),
            Cell::opt_text(self.place),
            Cell::opt_text(self.when_text),
            Cell::opt_text(self.when_from),
            Cell::opt_text(self.when_to),
            Cell::List(self.tags),
            Cell::Text(self.created_at),
        ]
    }
}

/// The filters of `claim list` and `export claims`, already validated.
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    pub article: Option<i64>,
    pub source: Option<i64>,
    pub min_reliability: Option<Reliability>,
    pub max_credibility: Option<Credibility>,
    pub tag: Option<String>,
    pub place: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub measure: Option<i64>,
    pub id: Option<i64>,
}

const CLAIM_SELECT: &str = "SELECT c.id, c.uuid, c.article_id, a.title, o.name, a.published, c.quote, c.text,
        c.unverified, c.credibility, c.place, c.when_text, c.when_from, c.when_to, c.created_at,
        (SELECT group_concat(s.name, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        (SELECT group_concat(s.kind, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        (SELECT group_concat(s.reliability, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        o.reliability,
        (SELECT group_concat(t.tag, char(31) ORDER BY t.tag) FROM claim_tags t WHERE t.claim_id = c.id)
    FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources o ON o.id = a.outlet_id";

/// The WHERE clause and parameters for the filters that are set (every `?` of one condition is
/// its one value). Only the filters in use are
/// written, so SQLite can use the index each one has (`claims_by_article`, `claims_by_when` ...).
fn claim_conditions(filter: &ClaimFilter) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value;
    let mut conds: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut add = |cond: &str, v: Value| {
        values.push(v);
        conds.push(cond.replace('?', &format!("?{}", values.len())));
    };
    if let Some(id) = filter.id {
        add("c.id = ?", Value::Integer(id));
    }
    if let Some(a) = filter.article {
        add("c.article_id = ?", Value::Integer(a));
    }
    if let Some(s) = filter.source {
        add(
            "EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = c.id AND cs.source_id = ?)",
            Value::Integer(s),
        );
    }
    if let Some(g) = filter.min_reliability {
        add(
            "(EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
                     WHERE cs.claim_id = c.id AND s.reliability <= ? AND s.reliability <> 'F')
              OR (NOT EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = c.id)
                  AND o.reliability <= ? AND o.reliability <> 'F'))",
            Value::Text(g.letter().to_string()),
        );
    }
    if let Some(c) = filter.max_credibility {
        add("c.credibility <= ?", Value::Integer(c.value()));
    }
    if let Some(t) = &filter.tag {
        add(
            "EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = ?)",
            Value::Text(t.clone()),
        );
    }
    if let Some(p) = &filter.place {
        add("c.place = ? COLLATE NOCASE", Value::Text(p.clone()));
    }
    if let Some(d) = filter.since.and_then(|d| d.first_day()) {
        add("c.when_to >= ?", Value::Text(d.to_string()));
    }
    if let Some(d) = filter.until.and_then(|d| d.last_day()) {
        add("c.when_from <= ?", Value::Text(d.to_string()));
    }
    if let Some(m) = filter.measure {
        add(
            "EXISTS (SELECT 1 FROM figures f WHERE f.claim_id = c.id AND f.measure_id = ?)",
            Value::Integer(m),
        );
    }
    let clause = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    (clause, values)
}

fn split(list: Option<String>) -> Vec<String> {
    list.map(|s| s.split(SEP).map(str::to_string).collect()).unwrap_or_default()
}

fn claim_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ClaimRow> {
    let sources = split(r.get(15)?);
    let mut reliability = split(r.get(17)?);
    if sources.is_empty() {
        // The outlet's own reporting carries the outlet's rating.
        reliability = r.get::<_, Option<String>>(18)?.into_iter().collect();
    }
    let (kinds, tags) = (split(r.get(16)?), split(r.get(19)?));
    claim_from_columns(r, sources, kinds, reliability, tags)
}

/// A claim from the first fifteen columns both claim queries share, and its lists.
fn claim_from_columns(
    r: &rusqlite::Row<'_>,
    sources: Vec<String>,
    source_kinds: Vec<String>,
    reliability: Vec<String>,
    tags: Vec<String>,
) -> rusqlite::Result<ClaimRow> {
    let cred: i64 = r.get(9)?;
    Ok(ClaimRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        article_id: r.get(2)?,
        article_title: r.get(3)?,
        outlet: r.get(4)?,
        published: r.get(5)?,
        quote: r.get(6)?,
        text: r.get(7)?,
        unverified: r.get(8)?,
        credibility: Credibility::new(cred).unwrap_or(Credibility::UNJUDGED),
        place: r.get(10)?,
        when_text: r.get(11)?,
        when_from: r.get(12)?,
        when_to: r.get(13)?,
        created_at: r.get(14)?,
        sources,
        source_kinds,
        reliability,
        tags,
    })
}

/// Streams the claims that pass a filter to `f`, in id order.
pub fn for_each_claim(
    conn: &Connection,
    filter: &ClaimFilter,
    mut f: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    if is_broad(filter) {
        return for_each_claim_merged(conn, filter, f);
    }
    let (clause, values) = claim_conditions(filter);
    let mut stmt = conn.prepare_cached(&format!("{CLAIM_SELECT}{clause} ORDER BY c.id"))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
    while let Some(r) = rows.next()? {
        f(claim_row(r)?)?;
    }
    Ok(())
}

/// A listing broad enough that streaming every attribution beside the claims beats looking
/// up each claim's (no filter that picks a few claims by an index).
pub fn is_broad(filter: &ClaimFilter) -> bool {
    filter.id.is_none() && filter.article.is_none() && filter.source.is_none()
}

/// The claims of a broad listing or export. Instead of three subqueries per claim, the
/// attributions and tags are read by two cursors in claim order alongside the claims and
/// merged as they stream past: the same rows, a fraction of the index seeks, constant memory.
fn for_each_claim_merged(
    conn: &Connection,
    filter: &ClaimFilter,
    mut f: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    merged_rows(conn, filter, |r, lists| {
        let ClaimLists { sources, source_kinds, reliability, tags } = lists;
        f(claim_from_columns(r, sources, source_kinds, reliability, tags)?)
    })
}

/// A claim's lists, in the order of its sources (tags in alphabetical order).
pub struct ClaimLists {
    pub sources: Vec<String>,
    pub source_kinds: Vec<String>,
    pub reliability: Vec<String>,
    pub tags: Vec<String>,
}

/// The cells of every claim of a broad listing, borrowed from SQLite's row where they can be:
/// text is handed on as the bytes SQLite holds, never copied into a String. For CSV exports.
/// The cells follow [`ClaimRow::COLUMNS`].
pub fn for_each_claim_cells(
    conn: &Connection,
    filter: &ClaimFilter,
    mut f: impl FnMut(&[crate::render::Field<'_>]) -> Result<()>,
) -> Result<()> {
    use crate::render::Field;
    merged_rows(conn, filter, |r, lists| {
        let text = |i: usize| -> Result<Field<'_>> {
            Ok(match r.get_ref(i)? {
                rusqlite::types::ValueRef::Text(b) => Field::Bytes(b),
                rusqlite::types::ValueRef::Integer(n) => Field::Int(n),
                _ => Field::Null,
            })
        };
        let credibility = Credibility::new(r.get(9)?).unwrap_or(Credibility::UNJUDGED);
        let fields = [
            text(0)?,
            text(1)?,
            text(2)?,
            text(3)?,
            text(4)?,
            text(5)?,
            text(6)?,
            text(7)?,
            Field::Bool(r.get(8)?),
            Field::List(&lists.sources),
            Field::List(&lists.source_kinds),
            Field::List(&lists.reliability),
            Field::Int(credibility.value()),
            Field::Str(credibility.label()),
            text(10)?,
            text(11)?,
            text(12)?,
            text(13)?,
            Field::List(&lists.tags),
            text(14)?,
        ];
        f(&fields)
    })
}

/// The broad listing behind both: claims in id order, with their attributions and tags read
/// by two cursors that stream beside them.
fn merged_rows(
    conn: &Connection,
    filter: &ClaimFilter,
    mut f: impl FnMut(&rusqlite::Row<'_>, ClaimLists) -> Result<()>,
) -> Result<()> {
    let (clause, values) = claim_conditions(filter);
    let mut main = conn.prepare_cached(&format!(
        "SELECT c.id, c.uuid, c.article_id, a.title, o.name, a.published, c.quote, c.text,
                c.unverified, c.credibility, c.place, c.when_text, c.when_from, c.when_to, c.created_at,
                o.reliability
         FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources o ON o.id = a.outlet_id
         {clause} ORDER BY c.id"
    ))?;
    let mut attributions = conn.prepare_cached(
        "SELECT cs.claim_id, cs.position, s.name, s.kind, s.reliability
         FROM claim_sources cs JOIN sources s ON s.id = cs.source_id ORDER BY cs.claim_id",
    )?;
    let mut tag_rows = conn.prepare_cached("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")?;
    type Attribution = (i64, i64, String, String, String);
    let mut attr = attributions
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .peekable();
    let mut tags = tag_rows.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?.peekable();
    let mut rows = main.query(rusqlite::params_from_iter(values))?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let mut mine: Vec<Attribution> = Vec::new();
        while let Some(Ok(a)) = attr.peek() {
            if a.0 > id {
                break;
            }
            let a = attr.next().transpose()?.expect("peeked");
            if a.0 == id {
                mine.push(a);
            }
        }
        if let Some(Err(_)) = attr.peek() {
            attr.next().transpose()?;
        }
        mine.sort_by_key(|a| a.1);
        let mut claim_tags = Vec::new();
        while let Some(Ok(t)) = tags.peek() {
            if t.0 > id {
                break;
            }
            let t = tags.next().transpose()?.expect("peeked");
            if t.0 == id {
                claim_tags.push(t.1);
            }
        }
        if let Some(Err(_)) = tags.peek() {
            tags.next().transpose()?;
        }
        let outlet_grade: Option<String> = r.get(15)?;
        let reliability = if mine.is_empty() {
            outlet_grade.into_iter().collect()
        } else {
            mine.iter().map(|a| a.4.clone()).collect()
        };
        let (sources, source_kinds) = mine.into_iter().map(|a| (a.2, a.3)).unzip();
        f(r, ClaimLists { sources, source_kinds, reliability, tags: claim_tags })?;
    }
    Ok(())
}

pub fn claim_by_id(conn: &Connection, id: i64) -> Result<ClaimRow> {
    let mut found = None;
    for_each_claim(conn, &ClaimFilter { id: Some(id), ..Default::default() }, |c| {
        found = Some(c);
        Ok(())
    })?;
    found.ok_or_else(|| {
        Error::NotFound(format!("there is no claim #{id}; `crosscheck claim list` shows the ids"))
    })
}

/// A claim ready to store.
#[derive(Debug, Clone)]
pub struct NewClaim {
    pub article_id: i64,
    pub quote: String,
    pub sources: Vec<i64>,
    pub text: Option<String>,
    pub credibility: Credibility,
    pub place: Option<String>,
    pub when: Option<String>,
    pub tags: Vec<String>,
    pub unverified: bool,
    /// Figures this claim gives: (measure key, notation).
    pub figures: Vec<(String, String)>,
    /// Kept when the claim comes from another notebook or an export.
    pub uuid: Option<String>,
}

/// A link between two claims, as shown by `claim show`.
#[derive(Debug, Clone)]
pub struct LinkRow {
    pub from: i64,
    pub relation: String,
    pub to: i64,
}

impl LinkRow {
    pub const COLUMNS: &'static [&'static str] = &["from", "relation", "to"];
    pub fn cells(&self) -> Vec<Cell> {
        vec![Cell::Int(self.from), Cell::text(&self.relation), Cell::Int(self.to)]
    }
}

pub const RELATIONS: [&str; 4] = ["corroborates", "contradicts", "repeats", "updates"];

fn article_published(conn: &Connection, article: i64) -> Result<Option<PartialDate>> {
    let published: Option<Option<String>> =
        conn.query_row("SELECT published FROM articles WHERE id = ?1", [article], |r| r.get(0)).optional()?;
    match published {
        None => Err(Error::NotFound(format!(
            "there is no article #{article}; `crosscheck article list` shows the ids"
        ))),
        Some(p) => Ok(p.and_then(|p| PartialDate::parse(&p).ok())),
    }
}

fn resolve_when(conn: &Connection, article: i64, when: &str) -> Result<When> {
    let published = article_published(conn, article)?;
    crate::dates::parse_when(when, published).map_err(Error::Invalid)
}

fn set_sources(tx: &Transaction<'_>, claim: i64, sources: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM claim_sources WHERE claim_id = ?1", [claim])?;
    let mut seen = std::collections::HashSet::new();
    let mut position = 0;
    for s in sources {
        if seen.insert(*s) {
            tx.execute(
                "INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?1, ?2, ?3)",
                params![claim, s, position],
            )?;
            position += 1;
        }
    }
    Ok(())
}

fn add_tags(tx: &Transaction<'_>, claim: i64, tags: &[String]) -> Result<()> {
    for t in tags {
        let t = t.trim();
        if t.is_empty() {
            return super::invalid("a --tag is empty; give a word such as defections");
        }
        tx.execute("INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?1, ?2)", params![claim, t])?;
    }
    Ok(())
}

/// Inserts a claim inside an open transaction and returns its id.
pub fn insert_claim(tx: &Transaction<'_>, c: &NewClaim) -> Result<i64> {
    let body: String = tx
        .query_row("SELECT body FROM articles WHERE id = ?1", [c.article_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!(
                "there is no article #{}; `crosscheck article list` shows the ids",
                c.article_id
            ))
        })?;
    if c.quote.trim().is_empty() {
        return super::invalid("the quote is empty; give the article's words with --quote");
    }
    let (quote, span, unverified) = match find_quote(&body, &c.quote) {
        Some((s, e)) => (
            body[s..e].to_string(),
            Some((char_offset(&body, s) as i64, char_offset(&body, e) as i64)),
            false,
        ),
        None if c.unverified => (c.quote.trim().to_string(), None, true),
        None => {
            return super::invalid(format!(
                "the quote '{}' is not in article #{} (compared without harakat, alef forms, punctuation \
                 or spacing); check the words, or add --unverified to keep it marked as unverified",
                c.quote.trim(),
                c.article_id
            ))
        }
    };
    let when = c.when.as_deref().map(|w| resolve_when(tx, c.article_id, w)).transpose()?;
    let text = c
        .text
        .clone()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| quote.clone());
    tx.execute(
        "INSERT INTO claims (uuid, article_id, quote, span_start, span_end, text, unverified,
            credibility, place, when_text, when_from, when_to, when_precision, created_at,
            quote_index, text_index)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
        params![
            c.uuid.clone().unwrap_or_else(new_uuid),
            c.article_id,
            quote,
            span.map(|s| s.0),
            span.map(|s| s.1),
            text,
            unverified,
            c.credibility.value(),
            c.place.as_deref().map(str::trim).filter(|p| !p.is_empty()),
            when.as_ref().map(|w| w.text.clone()),
            when.as_ref().map(|w| w.from.to_string()),
            when.as_ref().map(|w| w.to.to_string()),
            when.as_ref().map(|w| w.precision.as_str()),
            now(),
            index_text(&quote),
            index_text(&text),
        ],
    )?;
    let id = tx.last_insert_rowid();
    set_sources(tx, id, &c.sources)?;
    add_tags(tx, id, &c.tags)?;
    if !c.figures.is_empty() {
        let table = super::figures::vague_table(tx)?;
        for (key, notation) in &c.figures {
            let measure = super::figures::measure_id(tx, key)?;
            let reading = super::figures::read_notation(&table, notation)?;
            super::figures::insert_figure(tx, id, measure, notation, &reading, None)?;
        }
    }
    Ok(id)
}

/// What `claim edit` changes.
#[derive(Debug, Clone, Default)]
pub struct ClaimEdit {
    pub text: Option<String>,
    pub credibility: Option<Credibility>,
    pub place: Option<String>,
    pub when: Option<String>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub sources: Option<Vec<i64>>,
}

impl Notebook {
    pub fn add_claim(&mut self, c: &NewClaim) -> Result<ClaimRow> {
        let tx = self.write()?;
        let id = insert_claim(&tx, c)?;
        let row = claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn claim(&self, id: i64) -> Result<ClaimRow> {
        claim_by_id(&self.conn, id)
    }

    pub fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>> {
        let mut out = Vec::new();
        for_each_claim(&self.conn, filter, |c| {
            out.push(c);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn claims_of_article(&self, article: i64) -> Result<Vec<ClaimRow>> {
        self.claims(&ClaimFilter { article: Some(article), ..Default::default() })
    }

    /// Claimed spans of an article as (claim id, start, end) in characters.
    pub fn claim_spans(&self, article: i64) -> Result<Vec<(i64, usize, usize)>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, span_start, span_end FROM claims WHERE article_id = ?1 AND span_start IS NOT NULL ORDER BY span_start, id",
        )?;
        let rows = stmt
            .query_map([article], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as usize, r.get::<_, i64>(2)? as usize))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn edit_claim(&mut self, id: i64, e: &ClaimEdit) -> Result<ClaimRow> {
        let tx = self.write()?;
        let current = claim_by_id(&tx, id)?;
        if let Some(text) = &e.text {
            let text = text.trim();
            let text = if text.is_empty() { current.quote.as_str() } else { text };
            tx.execute(
                "UPDATE claims SET text = ?1, text_index = ?2 WHERE id = ?3",
                params![text, index_text(text), id],
            )?;
        }
        if let Some(c) = e.credibility {
            tx.execute("UPDATE claims SET credibility = ?1 WHERE id = ?2", params![c.value(), id])?;
        }
        if let Some(p) = &e.place {
            let p = Some(p.trim()).filter(|p| !p.is_empty());
            tx.execute("UPDATE claims SET place = ?1 WHERE id = ?2", params![p, id])?;
        }
        if let Some(w) = &e.when {
            if w.trim().is_empty() {
                tx.execute(
                    "UPDATE claims SET when_text = NULL, when_from = NULL, when_to = NULL, when_precision = NULL WHERE id = ?1",
                    [id],
                )?;
            } else {
                let when = resolve_when(&tx, current.article_id, w)?;
                tx.execute(
                    "UPDATE claims SET when_text = ?1, when_from = ?2, when_to = ?3, when_precision = ?4 WHERE id = ?5",
                    params![when.text, when.from.to_string(), when.to.to_string(), when.precision.as_str(), id],
                )?;
            }
        }
        add_tags(&tx, id, &e.add_tags)?;
        for t in &e.remove_tags {
            tx.execute("DELETE FROM claim_tags WHERE claim_id = ?1 AND tag = ?2", params![id, t.trim()])?;
        }
        if let Some(sources) = &e.sources {
            set_sources(&tx, id, sources)?;
        }
        let row = claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn remove_claim(&mut self, id: i64) -> Result<()> {
        let tx = self.write()?;
        claim_by_id(&tx, id)?;
        tx.execute("DELETE FROM claims WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Links claim `a` to claim `b`. For `updates`, `a` is the later claim that supersedes `b`.
    pub fn link_claims(&mut self, a: i64, b: i64, relation: &str) -> Result<LinkRow> {
        let relation = relation.trim().to_ascii_lowercase();
        if !RELATIONS.contains(&relation.as_str()) {
            return super::invalid(format!(
                "'{relation}' is not a link; give one of: {}",
                RELATIONS.join(", ")
            ));
        }
        if a == b {
            return super::invalid(format!(
                "claim #{a} cannot be linked to itself; give two different claims"
            ));
        }
        let tx = self.write()?;
        claim_by_id(&tx, a)?;
        claim_by_id(&tx, b)?;
        let exists: Option<i64> = tx
            .query_row(
                "SELECT id FROM links WHERE from_claim = ?1 AND to_claim = ?2 AND relation = ?3",
                params![a, b, relation],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(Error::Conflict(format!("claim #{a} already {relation} claim #{b}")));
        }
        if relation == "updates" {
            let reverse: Option<i64> = tx
                .query_row(
                    "SELECT id FROM links WHERE from_claim = ?1 AND to_claim = ?2 AND relation = 'updates'",
                    params![b, a],
                    |r| r.get(0),
                )
                .optional()?;
            if reverse.is_some() {
                return Err(Error::Conflict(format!(
                    "claim #{b} already updates claim #{a}; two claims cannot each supersede the other"
                )));
            }
        }
        tx.execute(
            "INSERT INTO links (uuid, from_claim, to_claim, relation, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_uuid(), a, b, relation, now()],
        )?;
        tx.commit()?;
        Ok(LinkRow { from: a, relation, to: b })
    }

    pub fn links_of(&self, claim: i64) -> Result<Vec<LinkRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT from_claim, relation, to_claim FROM links WHERE from_claim = ?1 OR to_claim = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([claim], |r| Ok(LinkRow { from: r.get(0)?, relation: r.get(1)?, to: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
