//! Claims: statements an article attributes to its sources, anchored to a verified quote, with
//! credibility, place, date, tags and links between claims. Listing streams in claim order
//! with one of two query plans, chosen here: index lookups for a filter that picks a few claims,
//! cursors that read every attribution beside the claims for a broad listing or export.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::articles::{heading_from, Heading, Remembered, HEADING_COLUMNS};
use super::conditions::Conditions;
use super::search::ClaimWords;
use super::sources::split_units;
use super::{new_uuid, now, Error, Notebook, Result};
use crate::dates::{PartialDate, When};
use crate::normalize::QuoteIndex;
use crate::ratings::{rating, Credibility, Reliability};
use crate::vocab::{Relation, SourceKind};

/// A claim's sources in attribution order.
pub(crate) const ATTRIBUTION: &str =
    "SELECT source_id FROM claim_sources WHERE claim_id = ?1 ORDER BY position";

/// Whether a claim of this id exists.
pub(crate) fn is_claim(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM claims WHERE id = ?1")?.exists([id])?)
}

/// One row of `claim list` and `export claims`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClaimRow {
    pub id: i64,
    pub uuid: String,
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// The language of the claim's article (ISO 639-1).
    pub language: Option<String>,
    pub quote: String,
    pub text: String,
    pub unverified: bool,
    pub sources: Vec<String>,
    pub source_kinds: Vec<SourceKind>,
    pub reliability: Vec<Reliability>,
    pub credibility: Credibility,
    pub credibility_label: String,
    pub rating: String,
    /// The claim's figures as `measure=notation`.
    pub figures: Vec<String>,
    pub place: Option<String>,
    /// The incident the claim is about (its key), when tied to one.
    pub incident: Option<String>,
    pub when_text: Option<String>,
    pub when_from: Option<String>,
    pub when_to: Option<String>,
    pub when_precision: Option<String>,
    pub tags: Vec<String>,
    pub created_at: String,
}

/// The filters of `claim list`, `export claims`, `reconcile` and `report`, already validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClaimFilter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_reliability: Option<Reliability>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_credibility: Option<Credibility>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<i64>,
    #[serde(skip)]
    pub id: Option<i64>,
}

impl ClaimFilter {
    pub fn is_empty(&self) -> bool {
        *self == ClaimFilter::default()
    }
}

/// A claim's own columns, named as [`ClaimAt`] finds them.
const CLAIM_COLUMNS: &str = "c.id AS id, c.uuid AS uuid, c.article_id AS article_id, c.quote AS quote,
        c.text AS text, c.unverified AS unverified, c.credibility AS credibility, c.place AS place,
        c.when_text AS when_text, c.when_from AS when_from, c.when_to AS when_to,
        c.when_precision AS when_precision, c.created_at AS created_at, c.incident_id AS incident_id";
/// The claims with their article and its outlet, whose heading is read beside each claim
/// ([`super::articles::HEADING_COLUMNS`]).
const CLAIM_FROM: &str =
    "FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN sources o ON o.id = a.outlet_id";

/// Where a claim query's own columns are: found by name once per statement, so rows are read
/// by name at the cost of reading them by position.
struct ClaimAt {
    id: usize,
    uuid: usize,
    article_id: usize,
    quote: usize,
    text: usize,
    unverified: usize,
    credibility: usize,
    place: usize,
    when_text: usize,
    when_from: usize,
    when_to: usize,
    when_precision: usize,
    created_at: usize,
    incident_id: usize,
}

impl ClaimAt {
    fn of(stmt: &rusqlite::Statement<'_>) -> Result<ClaimAt> {
        let at = |name: &str| stmt.column_index(name);
        Ok(ClaimAt {
            id: at("id")?,
            uuid: at("uuid")?,
            article_id: at("article_id")?,
            quote: at("quote")?,
            text: at("text")?,
            unverified: at("unverified")?,
            credibility: at("credibility")?,
            place: at("place")?,
            when_text: at("when_text")?,
            when_from: at("when_from")?,
            when_to: at("when_to")?,
            when_precision: at("when_precision")?,
            created_at: at("created_at")?,
            incident_id: at("incident_id")?,
        })
    }
}

/// A claim's lists, in the order of its sources (tags in alphabetical order).
#[derive(Default)]
struct ClaimLists {
    sources: Vec<String>,
    kinds: Vec<SourceKind>,
    grades: Vec<Reliability>,
    tags: Vec<String>,
    figures: Vec<String>,
    incident: Option<String>,
}

/// A claim from its row, its article's heading and its lists.
fn claim_from(
    r: &rusqlite::Row<'_>,
    at: &ClaimAt,
    h: &Heading,
    lists: ClaimLists,
) -> rusqlite::Result<ClaimRow> {
    let credibility: Credibility = r.get(at.credibility)?;
    // The outlet's own reporting carries the outlet's rating.
    let reliability =
        if lists.sources.is_empty() { h.reliability.into_iter().collect() } else { lists.grades };
    Ok(ClaimRow {
        id: r.get(at.id)?,
        uuid: r.get(at.uuid)?,
        article_id: r.get(at.article_id)?,
        article_title: h.title.clone(),
        outlet: h.outlet.clone(),
        published: h.published.clone(),
        language: h.language.clone(),
        quote: r.get(at.quote)?,
        text: r.get(at.text)?,
        unverified: r.get(at.unverified)?,
        credibility,
        credibility_label: credibility.label().to_string(),
        rating: rating(&reliability, credibility),
        place: r.get(at.place)?,
        incident: lists.incident,
        when_text: r.get(at.when_text)?,
        when_from: r.get(at.when_from)?,
        when_to: r.get(at.when_to)?,
        when_precision: r.get(at.when_precision)?,
        created_at: r.get(at.created_at)?,
        sources: lists.sources,
        source_kinds: lists.kinds,
        reliability,
        tags: lists.tags,
        figures: lists.figures,
    })
}

/// The conditions of the filters that are set. Only the filters in use are written, so SQLite
/// can use the index each one has (`claims_by_article`, `claims_by_when_to` ...).
fn conditions(filter: &ClaimFilter) -> Conditions {
    let mut w = Conditions::new();
    if let Some(id) = filter.id {
        w.and("c.id = :id", ":id", id);
    }
    if let Some(a) = filter.article {
        w.and("c.article_id = :article", ":article", a);
    }
    if let Some(s) = filter.source {
        // A claim with no source of its own is its outlet's reporting, so the outlet's too.
        w.and(
            "c.id IN (SELECT cs.claim_id FROM claim_sources cs WHERE cs.source_id = :source
                      UNION ALL
                      SELECT c2.id FROM articles a2 JOIN claims c2 ON c2.article_id = a2.id
                      WHERE a2.outlet_id = :source
                        AND NOT EXISTS (SELECT 1 FROM claim_sources cs2 WHERE cs2.claim_id = c2.id))",
            ":source",
            s,
        );
    }
    if let Some(g) = filter.min_reliability {
        w.and(
            "(EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
                     WHERE cs.claim_id = c.id AND s.reliability <= :grade AND s.reliability <> 'F')
              OR (NOT EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = c.id)
                  AND o.reliability <= :grade AND o.reliability <> 'F'))",
            ":grade",
            g.letter().to_string(),
        );
    }
    if let Some(c) = filter.max_credibility {
        w.and("c.credibility <= :credibility", ":credibility", c.value());
    }
    if let Some(t) = &filter.tag {
        w.and(
            "EXISTS (SELECT 1 FROM claim_tags t WHERE t.claim_id = c.id AND t.tag = :tag)",
            ":tag",
            t.clone(),
        );
    }
    if let Some(p) = &filter.place {
        w.and("c.place = :place COLLATE NOCASE", ":place", p.clone());
    }
    if let Some(d) =
        filter.since.as_deref().and_then(|d| PartialDate::parse(d).ok()).and_then(|d| d.first_day())
    {
        w.and("c.when_to >= :since", ":since", d.to_string());
    }
    if let Some(d) =
        filter.until.as_deref().and_then(|d| PartialDate::parse(d).ok()).and_then(|d| d.last_day())
    {
        w.and("c.when_from <= :until", ":until", d.to_string());
    }
    if let Some(m) = filter.measure {
        w.and(
            "EXISTS (SELECT 1 FROM figures f WHERE f.claim_id = c.id AND f.measure_id = :measure)",
            ":measure",
            m,
        );
    }
    w
}

/// A listing that picks a few claims by an index: each claim's lists are read by subqueries.
fn is_narrow(filter: &ClaimFilter) -> bool {
    filter.id.is_some() || filter.article.is_some() || filter.source.is_some()
}

/// Streams the claims that pass a filter to `f`, in id order.
pub(crate) fn for_each_claim(
    conn: &Connection,
    filter: &ClaimFilter,
    f: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    if is_narrow(filter) {
        narrow(conn, filter, None, f)
    } else {
        broad(conn, filter, f)
    }
}

/// At most `limit` claims that pass a filter, just after the claim `after` (in id order) or
/// just before the claim `before` (handed on nearest first, so in falling id order): the page
/// of a listing read by its key, so a page deep in the listing costs what the first one does.
/// Each claim's lists are read by subqueries: a page reads its own rows and nothing else.
pub(crate) fn claims_near(
    conn: &Connection,
    filter: &ClaimFilter,
    after: Option<i64>,
    before: Option<i64>,
    limit: usize,
    f: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    narrow(conn, filter, Some(Near { after, before, limit }), f)
}

/// A page of claims by key: those after one id, or before one (the nearest first), at most
/// `limit`.
struct Near {
    after: Option<i64>,
    before: Option<i64>,
    limit: usize,
}

/// Reads a list of vocabulary values that SQL joined, refusing one the code does not know.
fn parse_list<T: std::str::FromStr<Err = String>>(list: Vec<String>) -> rusqlite::Result<Vec<T>> {
    list.iter()
        .map(|s| {
            s.parse().map_err(|e: String| {
                rusqlite::Error::FromSqlConversionFailure(17, rusqlite::types::Type::Text, e.into())
            })
        })
        .collect()
}

fn narrow(
    conn: &Connection,
    filter: &ClaimFilter,
    near: Option<Near>,
    mut f: impl FnMut(ClaimRow) -> Result<()>,
) -> Result<()> {
    let mut w = conditions(filter);
    let mut order = "ORDER BY c.id";
    if let Some(n) = &near {
        if let Some(id) = n.after {
            w.and("c.id > :after", ":after", id);
        }
        if let Some(id) = n.before {
            w.and("c.id < :before", ":before", id);
        }
        w.bind(":limit", super::sql_int(n.limit));
        order = if n.before.is_some() && n.after.is_none() {
            "ORDER BY c.id DESC LIMIT :limit"
        } else {
            "ORDER BY c.id ASC LIMIT :limit"
        };
    }
    let clause = w.clause();
    let sql = format!(
        "SELECT {CLAIM_COLUMNS}, {HEADING_COLUMNS},
            (SELECT group_concat(s.name, char(31)) FROM (SELECT s.name FROM claim_sources cs
                JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id ORDER BY cs.position) s)
                AS source_names,
            (SELECT group_concat(s.kind, char(31)) FROM (SELECT s.kind FROM claim_sources cs
                JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id ORDER BY cs.position) s)
                AS source_kinds,
            (SELECT group_concat(s.reliability, char(31)) FROM (SELECT s.reliability FROM claim_sources cs
                JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id ORDER BY cs.position) s)
                AS source_grades,
            (SELECT group_concat(t.tag, char(31)) FROM (SELECT tag FROM claim_tags WHERE claim_id = c.id ORDER BY tag) t)
                AS tags,
            (SELECT group_concat(m.key || '=' || f.notation, char(31) ORDER BY f.id) FROM figures f
                JOIN measures m ON m.id = f.measure_id WHERE f.claim_id = c.id) AS figures
         {CLAIM_FROM}{clause} {order}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let at = ClaimAt::of(&stmt)?;
    // A narrow read (one claim, an article's claims) looks up only its claims' incidents: reading
    // every incident's key here made `claim show` cost the whole incident table, and a walk over
    // an incident's claims one by one cost its square.
    let mut incidents: Remembered<'_, String> =
        Remembered::new(conn, "SELECT key FROM incidents WHERE id = ?1", |r| r.get("key"), 200_000)?;
    let mut rows = stmt.query(&*w.params())?;
    while let Some(r) = rows.next()? {
        let incident = match r.get::<_, Option<i64>>(at.incident_id)? {
            Some(i) => Some(incidents.of(i)?.clone()),
            None => None,
        };
        let lists = ClaimLists {
            incident,
            sources: split_units(r.get("source_names")?),
            kinds: parse_list(split_units(r.get("source_kinds")?))?,
            grades: parse_list(split_units(r.get("source_grades")?))?,
            tags: split_units(r.get("tags")?),
            figures: split_units(r.get("figures")?),
        };
        f(claim_from(r, &at, &heading_from(r)?, lists)?)?;
    }
    Ok(())
}

/// A broad listing: instead of subqueries per claim, the attributions and tags are read by two
/// cursors in claim order beside the claims and merged as they stream past: the same rows, a
/// fraction of the index seeks, constant memory.
///
/// Unless a filter reads the article or its outlet, the article's heading (title, outlet,
/// date) is read once per article and remembered, not joined to every claim: an article's row
/// holds its body, so the join read a page of the article table per claim (a third of an
/// export of 100,000 claims).
fn broad(conn: &Connection, filter: &ClaimFilter, mut f: impl FnMut(ClaimRow) -> Result<()>) -> Result<()> {
    let w = conditions(filter);
    let clause = w.clause();
    // A false alarm only costs the join; every condition on them names `a.` or `o.`.
    let joined = w.mention("a.") || w.mention("o.");
    let mut main = if joined {
        conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS}, {HEADING_COLUMNS} {CLAIM_FROM}{clause} ORDER BY c.id"
        ))?
    } else {
        conn.prepare_cached(&format!("SELECT {CLAIM_COLUMNS} FROM claims c{clause} ORDER BY c.id"))?
    };
    let at = ClaimAt::of(&main)?;
    let mut headings = super::articles::headings(conn)?;
    // Sources and measures are remembered by id too, and the attributions and figures read in
    // claim order without joins: figures are sorted from one pass over their table, which is
    // several times quicker than visiting each through its claim index.
    let mut sources: Remembered<'_, (String, SourceKind, Reliability)> = Remembered::new(
        conn,
        "SELECT name, kind, reliability FROM sources WHERE id = ?1",
        |r| Ok((r.get("name")?, r.get("kind")?, r.get("reliability")?)),
        200_000,
    )?;
    let mut keys: Remembered<'_, String> =
        Remembered::new(conn, super::figures::MEASURE_KEY_BY_ID, |r| r.get("key"), 200_000)?;
    let mut attributions =
        conn.prepare_cached("SELECT claim_id, source_id FROM claim_sources ORDER BY claim_id, position")?;
    let mut tag_rows = conn.prepare_cached("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, tag")?;
    let mut figure_rows = conn.prepare_cached(
        "SELECT claim_id, measure_id, notation FROM figures NOT INDEXED ORDER BY claim_id, id",
    )?;
    let mut attr = Beside::new(attributions.query([])?, |r| r.get::<_, i64>("source_id"))?;
    let mut tags = Beside::new(tag_rows.query([])?, |r| r.get("tag"))?;
    let mut figs = Beside::new(figure_rows.query([])?, |r| {
        Ok((r.get::<_, i64>("measure_id")?, r.get::<_, String>("notation")?))
    })?;
    let incidents = super::incidents::keys_by_id(conn)?;
    let mut rows = main.query(&*w.params())?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(at.id)?;
        let mut lists = ClaimLists {
            incident: r.get::<_, Option<i64>>(at.incident_id)?.and_then(|i| incidents.get(&i).cloned()),
            ..ClaimLists::default()
        };
        for source in attr.upto(id)? {
            let (name, kind, grade) = sources.of(source)?;
            lists.sources.push(name.clone());
            lists.kinds.push(*kind);
            lists.grades.push(*grade);
        }
        lists.tags = tags.upto(id)?;
        for (measure, notation) in figs.upto(id)? {
            lists.figures.push(format!("{}={notation}", keys.of(measure)?));
        }
        if joined {
            f(claim_from(r, &at, &heading_from(r)?, lists)?)?;
        } else {
            let h = headings.of(r.get(at.article_id)?)?;
            f(claim_from(r, &at, h, lists)?)?;
        }
    }
    Ok(())
}

/// A cursor over rows keyed by claim id, in claim order, read beside the claims: `upto(id)`
/// returns the rows of that claim and skips those of claims the listing left out.
struct Beside<'s, T, F> {
    rows: rusqlite::Rows<'s>,
    read: F,
    next: Option<(i64, T)>,
}

impl<'s, T, F> Beside<'s, T, F>
where
    F: Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
{
    fn new(mut rows: rusqlite::Rows<'s>, read: F) -> Result<Self> {
        let next = Self::read_next(&mut rows, &read)?;
        Ok(Beside { rows, read, next })
    }

    fn read_next(rows: &mut rusqlite::Rows<'s>, read: &F) -> Result<Option<(i64, T)>> {
        Ok(match rows.next()? {
            Some(r) => Some((r.get("claim_id")?, read(r)?)),
            None => None,
        })
    }

    fn upto(&mut self, id: i64) -> Result<Vec<T>> {
        let mut out = Vec::new();
        while let Some((claim, _)) = &self.next {
            if *claim > id {
                break;
            }
            if let Some((claim, value)) = self.next.take() {
                if claim == id {
                    out.push(value);
                }
            }
            self.next = Self::read_next(&mut self.rows, &self.read)?;
        }
        Ok(out)
    }
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
#[derive(Debug, Clone, Default)]
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
    /// The incident the claim is about, by key.
    pub incident: Option<String>,
    /// Figures this claim gives: (measure key, notation).
    pub figures: Vec<(String, String)>,
    /// Kept when the claim comes from another notebook or an export.
    pub uuid: Option<String>,
    /// Record it even when the same article, quote and sources are recorded already.
    pub again: bool,
}

/// A link between two claims, as shown by `claim show` and `claim link`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LinkRow {
    pub from: i64,
    pub relation: String,
    pub to: i64,
}

/// An article's publication date, or a sentence saying there is no such article.
pub(crate) fn article_published(conn: &Connection, article: i64) -> Result<Option<PartialDate>> {
    let published: Option<Option<String>> = conn
        .prepare_cached("SELECT published FROM articles WHERE id = ?1")?
        .query_row([article], |r| r.get("published"))
        .optional()?;
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

fn set_sources(tx: &Connection, claim: i64, sources: &[i64]) -> Result<()> {
    tx.prepare_cached("DELETE FROM claim_sources WHERE claim_id = ?1")?.execute([claim])?;
    let mut seen = std::collections::HashSet::new();
    let mut insert =
        tx.prepare_cached("INSERT INTO claim_sources (claim_id, source_id, position) VALUES (?1, ?2, ?3)")?;
    for s in sources {
        if seen.insert(*s) {
            insert.execute(params![claim, s, super::sql_int(seen.len() - 1)])?;
        }
    }
    Ok(())
}

/// Tags as given: each a word. The command line refuses an empty one with exit 2 before a
/// notebook is opened, the library as invalid.
pub fn check_tags(tags: &[String]) -> std::result::Result<(), String> {
    match tags.iter().any(|t| t.trim().is_empty()) {
        true => Err("a --tag is empty; give a word such as defections".into()),
        false => Ok(()),
    }
}

fn add_tags(tx: &Connection, claim: i64, tags: &[String]) -> Result<()> {
    check_tags(tags).map_err(Error::Invalid)?;
    let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO claim_tags (claim_id, tag) VALUES (?1, ?2)")?;
    for t in tags {
        let t = t.trim();
        insert.execute(params![claim, t])?;
    }
    Ok(())
}

/// A claim already recorded with the same article, quote and sources, if any.
/// Found through `claims_by_article` (article, span start), so the cost does not grow with the
/// article's other claims.
pub(crate) fn same_claim(
    conn: &Connection,
    article: i64,
    anchored: &Anchored,
    sources: &[i64],
) -> Result<Option<i64>> {
    // The values are read through subqueries so the plan does not depend on them: bound
    // directly, SQLite weighed them against the partial indexes on claims and planned the
    // statement again on every call (a tenth of a CSV import).
    let mut stmt = conn.prepare_cached(
        "SELECT id FROM claims WHERE article_id = (SELECT ?1) AND span_start IS (SELECT ?2) AND quote = (SELECT ?3) ORDER BY id",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(params![article, anchored.span.map(|s| s.0), anchored.quote], |r| r.get("id"))?
        .collect::<rusqlite::Result<_>>()?;
    let mut attribution = conn.prepare_cached(ATTRIBUTION)?;
    for id in ids {
        let have: Vec<i64> =
            attribution.query_map([id], |r| r.get("source_id"))?.collect::<rusqlite::Result<_>>()?;
        if have == sources {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Where a typed quote is in its article: the article's own words and their character span, or
/// the typed words marked unverified (when allowed).
pub(crate) struct Anchored {
    pub quote: String,
    pub span: Option<(i64, i64)>,
    pub unverified: bool,
}

pub(crate) fn anchor(index: &QuoteIndex, article: i64, typed: &str, unverified_ok: bool) -> Result<Anchored> {
    if typed.trim().is_empty() {
        return super::invalid("the quote is empty; give the article's words with --quote");
    }
    let body = index.body();
    match index.find(typed) {
        Some((s, e)) => Ok(Anchored {
            quote: body[s..e].to_string(),
            span: Some((super::sql_int(index.char_offset(s)), super::sql_int(index.char_offset(e)))),
            unverified: false,
        }),
        None if unverified_ok => {
            Ok(Anchored { quote: typed.trim().to_string(), span: None, unverified: true })
        }
        None => super::invalid(format!(
            "the quote '{}' is not in article #{article} (compared without harakat, alef forms, punctuation \
             or spacing); check the words, or add --unverified to keep it marked as unverified",
            typed.trim()
        )),
    }
}

/// Inserts a claim inside an open transaction and returns its id. The article's body comes
/// prepared for quote matching, so a caller storing many claims of one article prepares it once.
pub(crate) fn insert_claim(
    tx: &Connection,
    c: &NewClaim,
    body: &QuoteIndex,
    words: &mut ClaimWords,
) -> Result<i64> {
    let anchored = anchor(body, c.article_id, &c.quote, c.unverified)?;
    if !c.again {
        // Every value is read first: a bad date or figure is named even on a repeated quote.
        check_values(tx, c)?;
        if let Some(id) = same_claim(tx, c.article_id, &anchored, &c.sources)? {
            return Err(Error::Conflict(format!(
                "claim #{id} already records this quote of article #{} with the same sources; \
                 edit it with `crosscheck claim edit {id}`, or add --again to record it a second time",
                c.article_id
            )));
        }
    }
    insert_anchored(tx, c, &anchored, words)
}

/// Reads a new claim's date, incident, tags and figures as storing it would, refusing the first
/// bad one, without writing anything.
fn check_values(tx: &Connection, c: &NewClaim) -> Result<()> {
    if let Some(w) = c.when.as_deref() {
        resolve_when(tx, c.article_id, w)?;
    }
    if let Some(k) = c.incident.as_deref().filter(|k| !k.trim().is_empty()) {
        super::incidents::incident_id(tx, k)?;
    }
    check_tags(&c.tags).map_err(Error::Invalid)?;
    if !c.figures.is_empty() {
        let table = super::figures::vague_table(tx)?;
        for (key, notation) in &c.figures {
            super::figures::measure_id(tx, key)?;
            super::figures::read_notation(&table, notation)?;
        }
    }
    Ok(())
}

/// Inserts a claim whose quote is anchored already (the checks for a double entry done).
/// Its search words are queued in `words`, which the caller flushes before committing.
pub(crate) fn insert_anchored(
    tx: &Connection,
    c: &NewClaim,
    anchored: &Anchored,
    words: &mut ClaimWords,
) -> Result<i64> {
    let when = c.when.as_deref().map(|w| resolve_when(tx, c.article_id, w)).transpose()?;
    let incident = c
        .incident
        .as_deref()
        .filter(|k| !k.trim().is_empty())
        .map(|k| super::incidents::incident_id(tx, k))
        .transpose()?;
    let text = c
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .unwrap_or_else(|| anchored.quote.clone());
    tx.prepare_cached(
        "INSERT INTO claims (uuid, article_id, quote, span_start, span_end, text, unverified,
            credibility, place, when_text, when_from, when_to, when_precision, created_at, incident_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        c.uuid.clone().unwrap_or_else(new_uuid),
        c.article_id,
        &anchored.quote,
        anchored.span.map(|s| s.0),
        anchored.span.map(|s| s.1),
        text,
        anchored.unverified,
        c.credibility,
        c.place.as_deref().and_then(super::sources::empty_null),
        when.as_ref().map(|w| w.text.clone()),
        when.as_ref().map(|w| w.from.to_string()),
        when.as_ref().map(|w| w.to.to_string()),
        when.as_ref().map(|w| w.precision.as_str()),
        now(),
        incident,
    ])?;
    let id = tx.last_insert_rowid();
    words.push(tx, id, &anchored.quote, &text)?;
    set_sources(tx, id, &c.sources)?;
    add_tags(tx, id, &c.tags)?;
    if !c.figures.is_empty() {
        let table = super::figures::vague_table(tx)?;
        for (key, notation) in &c.figures {
            let measure = super::figures::measure_id(tx, key)?;
            super::figures::insert_figure(tx, id, measure, notation, &table, None)?;
        }
    }
    Ok(id)
}

/// What `claim edit` changes; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ClaimEdit {
    pub text: Option<String>,
    pub credibility: Option<Credibility>,
    pub place: Option<String>,
    pub when: Option<String>,
    pub add_tags: Vec<String>,
    pub remove_tags: Vec<String>,
    pub sources: Option<Vec<i64>>,
    /// The incident (by key); an empty key unties the claim.
    pub incident: Option<String>,
}

/// Applies an edit inside an open transaction.
pub(crate) fn apply_edit(tx: &Connection, id: i64, e: &ClaimEdit) -> Result<()> {
    let current = claim_by_id(tx, id)?;
    if let Some(text) = &e.text {
        let text = text.trim();
        let text = if text.is_empty() { current.quote.as_str() } else { text };
        tx.execute("UPDATE claims SET text = ?1 WHERE id = ?2", params![text, id])?;
        super::search::index_claim(tx, id, &current.quote, text)?;
    }
    if let Some(c) = e.credibility {
        tx.execute("UPDATE claims SET credibility = ?1 WHERE id = ?2", params![c, id])?;
    }
    if let Some(p) = &e.place {
        tx.execute("UPDATE claims SET place = ?1 WHERE id = ?2", params![super::sources::empty_null(p), id])?;
    }
    if let Some(w) = &e.when {
        if w.trim().is_empty() {
            tx.execute(
                "UPDATE claims SET when_text = NULL, when_from = NULL, when_to = NULL, when_precision = NULL WHERE id = ?1",
                [id],
            )?;
        } else {
            let when = resolve_when(tx, current.article_id, w)?;
            tx.execute(
                "UPDATE claims SET when_text = ?1, when_from = ?2, when_to = ?3, when_precision = ?4 WHERE id = ?5",
                params![when.text, when.from.to_string(), when.to.to_string(), when.precision.as_str(), id],
            )?;
        }
    }
    add_tags(tx, id, &e.add_tags)?;
    for t in &e.remove_tags {
        tx.execute("DELETE FROM claim_tags WHERE claim_id = ?1 AND tag = ?2", params![id, t.trim()])?;
    }
    if let Some(sources) = &e.sources {
        set_sources(tx, id, sources)?;
    }
    if let Some(key) = &e.incident {
        let incident =
            super::sources::empty_null(key).map(|k| super::incidents::incident_id(tx, k)).transpose()?;
        tx.execute("UPDATE claims SET incident_id = ?1 WHERE id = ?2", params![incident, id])?;
    }
    Ok(())
}

impl Notebook {
    pub fn add_claim(&mut self, c: &NewClaim) -> Result<ClaimRow> {
        let tx = self.change()?;
        let body = QuoteIndex::new(&super::articles::body_of(&tx, c.article_id)?);
        let mut words = ClaimWords::default();
        let id = insert_claim(&tx, c, &body, &mut words)?;
        words.flush(&tx)?;
        let row = claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn claim(&self, id: i64) -> Result<ClaimRow> {
        claim_by_id(&self.conn, id)
    }

    /// Streams the claims that pass a filter, in id order, inside one read transaction.
    pub fn for_each_claim(
        &mut self,
        filter: &ClaimFilter,
        f: impl FnMut(ClaimRow) -> Result<()>,
    ) -> Result<()> {
        let tx = self.read()?;
        for_each_claim(&tx, filter, f)
    }

    pub fn claims(&mut self, filter: &ClaimFilter) -> Result<Vec<ClaimRow>> {
        let mut out = Vec::new();
        self.for_each_claim(filter, |c| {
            out.push(c);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn edit_claim(&mut self, id: i64, e: &ClaimEdit) -> Result<ClaimRow> {
        let tx = self.change()?;
        apply_edit(&tx, id, e)?;
        let row = claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn remove_claim(&mut self, id: i64) -> Result<()> {
        let tx = self.change()?;
        claim_by_id(&tx, id)?;
        tx.execute("DELETE FROM claims WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    /// Links claim `a` to claim `b`. For `updates`, `a` is the later claim that supersedes `b`.
    pub fn link_claims(&mut self, a: i64, b: i64, relation: Relation) -> Result<LinkRow> {
        if a == b {
            return super::invalid(format!(
                "claim #{a} cannot be linked to itself; give two different claims"
            ));
        }
        let tx = self.change()?;
        claim_by_id(&tx, a)?;
        claim_by_id(&tx, b)?;
        insert_link(&tx, a, b, relation, None)?;
        tx.commit()?;
        Ok(LinkRow { from: a, relation: relation.as_str().into(), to: b })
    }

    /// Removes the links from claim `a` to claim `b` (of one relation, or all), returning them.
    pub fn unlink_claims(&mut self, a: i64, b: i64, relation: Option<Relation>) -> Result<Vec<LinkRow>> {
        let tx = self.change()?;
        claim_by_id(&tx, a)?;
        claim_by_id(&tx, b)?;
        let mut stmt = tx.prepare(
            "DELETE FROM links WHERE from_claim = ?1 AND to_claim = ?2 AND (?3 IS NULL OR relation = ?3)
             RETURNING from_claim, relation, to_claim",
        )?;
        let removed = stmt
            .query_map(params![a, b, relation], |r| {
                Ok(LinkRow {
                    from: r.get("from_claim")?,
                    relation: r.get("relation")?,
                    to: r.get("to_claim")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        drop(stmt);
        if removed.is_empty() {
            let what = relation.map(|r| format!("{r} ")).unwrap_or_default();
            return Err(Error::NotFound(format!(
                "claim #{a} has no {what}link to claim #{b}; `crosscheck claim show {a}` lists its links"
            )));
        }
        tx.commit()?;
        Ok(removed)
    }

    pub fn links_of(&self, claim: i64) -> Result<Vec<LinkRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT from_claim, relation, to_claim FROM links WHERE from_claim = ?1 OR to_claim = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([claim], |r| {
                Ok(LinkRow {
                    from: r.get("from_claim")?,
                    relation: r.get("relation")?,
                    to: r.get("to_claim")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// The claims from `from` to `to` along `updates` links (`from` updates ... updates `to`), both
/// ends included, if `from` reaches `to`: a breadth-first walk, each claim visited once.
fn update_path(tx: &Connection, from: i64, to: i64) -> Result<Option<Vec<i64>>> {
    let mut next =
        tx.prepare_cached("SELECT to_claim FROM links WHERE from_claim = ?1 AND relation = 'updates'")?;
    let mut came_from: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let mut queue = std::collections::VecDeque::from([from]);
    while let Some(c) = queue.pop_front() {
        if c == to {
            let mut path = vec![to];
            let mut at = to;
            while at != from {
                at = came_from[&at];
                path.push(at);
            }
            path.reverse();
            return Ok(Some(path));
        }
        let found: Vec<i64> = next.query_map([c], |r| r.get("to_claim"))?.collect::<rusqlite::Result<_>>()?;
        for n in found {
            if n != from && !came_from.contains_key(&n) {
                came_from.insert(n, c);
                queue.push_back(n);
            }
        }
    }
    Ok(None)
}

/// Inserts a link (inside an open transaction), refusing a link already there and `updates` that
/// would close a ring (two claims each superseding the other, or a longer ring).
pub(crate) fn insert_link(
    tx: &Connection,
    a: i64,
    b: i64,
    relation: Relation,
    uuid: Option<&str>,
) -> Result<bool> {
    let exists: Option<i64> = tx
        .query_row(
            "SELECT id FROM links WHERE from_claim = ?1 AND to_claim = ?2 AND relation = ?3",
            params![a, b, relation],
            |r| r.get("id"),
        )
        .optional()?;
    if exists.is_some() {
        return Err(Error::Conflict(format!("claim #{a} already {relation} claim #{b}")));
    }
    if relation == Relation::Updates {
        if let Some(ring) = update_path(tx, b, a)? {
            // ring: b updates ... updates a; with a updates b it would close.
            let claims: Vec<i64> =
                std::iter::once(a).chain(ring.into_iter().take_while(|&c| c != a)).collect();
            let shown = crate::reconcile::ring_text(&claims, " updates ");
            return Err(Error::Conflict(if claims.len() == 2 {
                format!("claim #{b} already updates claim #{a}; two claims cannot each supersede the other")
            } else {
                format!(
                    "claim #{a} cannot update claim #{b}: the updates would form a ring ({shown}), in which every claim supersedes another; link the claims in the order their counts came"
                )
            }));
        }
    }
    tx.execute(
        "INSERT INTO links (uuid, from_claim, to_claim, relation, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![uuid.map(str::to_string).unwrap_or_else(new_uuid), a, b, relation, now()],
    )?;
    Ok(true)
}
