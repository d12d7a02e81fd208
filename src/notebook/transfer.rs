//! Bulk CSV import with the columns `export` writes, one transaction per file: a bad row stops
//! the file and names its line, and nothing is written. A row whose uuid is present updates the
//! row when its editable fields differ (kept in the history) and is otherwise already there; a
//! row without a uuid that matches a stored row (same article, quote and sources for a claim)
//! but differs is a conflict, left unchanged unless `--update`. Names are resolved once per file
//! and an article's text is prepared once however many claims quote it.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::claims::{
    anchor, apply_edit, claim_by_id, insert_anchored, insert_claim, same_claim, ClaimEdit, ClaimRow, NewClaim,
};
use super::figures::{insert_figure, measure_id, read_notation, vague_table};
use super::search::ClaimWords;
use super::sources::{insert_source, source_by_id, SourceFields};
use super::{Error, Notebook, Result};
use crate::csvcell::{split_list, unguard};
use crate::normalize::QuoteIndex;
use crate::notation::VagueTable;
use crate::ratings::{Credibility, Reliability};
use crate::vocab::SourceKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvTable {
    Sources,
    Claims,
    Figures,
}

impl CsvTable {
    fn required(self) -> &'static [&'static str] {
        match self {
            CsvTable::Sources => &["name"],
            CsvTable::Claims => &["article_id", "quote"],
            CsvTable::Figures => &["measure", "claim_id", "notation"],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            CsvTable::Sources => "sources",
            CsvTable::Claims => "claims",
            CsvTable::Figures => "figures",
        }
    }
}

/// What an import or a merge did to one table.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TallyRow {
    pub table: String,
    pub added: usize,
    pub updated: usize,
    pub already_there: usize,
    /// Rows deleted here because the other notebook deleted them (merge only).
    pub deleted: usize,
    /// Rows not taken: deleted here before, conflicts, rows whose article or source is missing.
    pub skipped: usize,
}

/// What an import or merge did, per table, with a sentence for everything not taken.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub rows: Vec<TallyRow>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    Added,
    Updated,
    AlreadyThere,
    Deleted,
    Skipped,
}

impl Tally {
    pub(crate) fn touch(&mut self, table: &str) -> &mut TallyRow {
        if let Some(i) = self.rows.iter().position(|r| r.table == table) {
            return &mut self.rows[i];
        }
        self.rows.push(TallyRow { table: table.to_string(), ..Default::default() });
        self.rows.last_mut().expect("just pushed")
    }

    pub(crate) fn count(&mut self, table: &str, outcome: Outcome, n: usize) {
        let row = self.touch(table);
        match outcome {
            Outcome::Added => row.added += n,
            Outcome::Updated => row.updated += n,
            Outcome::AlreadyThere => row.already_there += n,
            Outcome::Deleted => row.deleted += n,
            Outcome::Skipped => row.skipped += n,
        }
    }

    /// Keeps at most a screenful of notes; the counts say the rest.
    pub(crate) fn note(&mut self, text: String) {
        if self.notes.len() < 50 {
            self.notes.push(text);
        }
    }
}

/// One CSV record with its header, values unguarded and trimmed of surrounding blanks.
struct Record<'a> {
    headers: &'a HashMap<String, usize>,
    rec: &'a csv::StringRecord,
    line: u64,
}

impl Record<'_> {
    fn get(&self, name: &str) -> Option<String> {
        let v = self.headers.get(name).and_then(|&i| self.rec.get(i))?;
        let v = unguard(v.trim());
        (!v.is_empty()).then(|| v.to_string())
    }
    fn has(&self, name: &str) -> bool {
        self.headers.contains_key(name)
    }
    fn fail<T>(&self, msg: impl std::fmt::Display) -> Result<T> {
        Err(Error::Invalid(format!("line {}: {msg}", self.line)))
    }
    fn list(&self, name: &str) -> Vec<String> {
        self.get(name).map(|v| split_list(&v)).unwrap_or_default()
    }
    fn boolean(&self, name: &str, default: bool) -> Result<bool> {
        match self.get(name).map(|v| v.to_ascii_lowercase()) {
            None => Ok(default),
            Some(v) if matches!(v.as_str(), "true" | "yes" | "1") => Ok(true),
            Some(v) if matches!(v.as_str(), "false" | "no" | "0") => Ok(false),
            Some(v) => self.fail(format!("{name} '{v}' is not true or false")),
        }
    }
    fn uuid(&self) -> Result<Option<String>> {
        match self.get("uuid") {
            None => Ok(None),
            Some(u) => match uuid::Uuid::parse_str(&u) {
                Ok(parsed) => Ok(Some(parsed.hyphenated().to_string())),
                Err(_) => self.fail(format!("uuid '{u}' is not a UUID; leave it empty for a new row")),
            },
        }
    }
    fn id(&self, name: &str) -> Result<i64> {
        let v =
            self.get(name).ok_or_else(|| Error::Invalid(format!("line {}: {name} is empty", self.line)))?;
        let digits = v.strip_prefix('#').unwrap_or(&v);
        match digits.parse::<i64>() {
            Ok(n) if n > 0 => Ok(n),
            _ => self.fail(format!("{name} '{v}' is not an id; write a number such as 12")),
        }
    }
    fn parsed<T: std::str::FromStr<Err = String>>(&self, name: &str) -> Result<Option<T>> {
        self.get(name).map(|v| v.parse::<T>().or_else(|e| self.fail(e))).transpose()
    }
}

/// Everything an import resolves once per file: names, measures, and the last few articles'
/// texts prepared for quote matching (a sheet usually keeps one article's claims together).
struct Cache {
    sources: HashMap<String, i64>,
    bodies: Vec<(i64, QuoteIndex)>,
    /// New claims' search words, written in batches and before the commit.
    words: ClaimWords,
    terms: VagueTable,
    update: bool,
    /// `import claims --add-sources`: an unknown source is recorded unrated (F), its kind
    /// guessed from its name, and listed in the tally's notes.
    add_sources: bool,
    added: Vec<String>,
    /// The unverified claims (no span) of each article met, by quote: found by a lookup, not
    /// by reading every unverified claim of the article again for every row (40,000 of them
    /// on one article took 208 s).
    unverified: HashMap<i64, HashMap<String, Vec<i64>>>,
}

/// How many prepared articles an import keeps at once.
const PREPARED: usize = 4;

impl Cache {
    /// The unverified claims of `article` quoting `quote`, read from the notebook once per
    /// article.
    fn unverified_ids(
        unverified: &mut HashMap<i64, HashMap<String, Vec<i64>>>,
        tx: &Connection,
        article: i64,
        quote: &str,
    ) -> Result<Vec<i64>> {
        if let std::collections::hash_map::Entry::Vacant(slot) = unverified.entry(article) {
            let mut stmt = tx.prepare_cached(
                "SELECT id, quote FROM claims WHERE article_id = ?1 AND span_start IS NULL ORDER BY id",
            )?;
            let mut by_quote: HashMap<String, Vec<i64>> = HashMap::new();
            for row in
                stmt.query_map([article], |r| Ok((r.get::<_, i64>("id")?, r.get::<_, String>("quote")?)))?
            {
                let (id, q) = row?;
                by_quote.entry(q).or_default().push(id);
            }
            slot.insert(by_quote);
        }
        Ok(unverified.get(&article).and_then(|m| m.get(quote)).cloned().unwrap_or_default())
    }

    /// The stored claim with this article, unverified quote and sources, if any.
    fn same_unverified(
        unverified: &mut HashMap<i64, HashMap<String, Vec<i64>>>,
        tx: &Connection,
        article: i64,
        quote: &str,
        sources: &[i64],
    ) -> Result<Option<i64>> {
        let mut attribution = tx.prepare_cached(super::claims::ATTRIBUTION)?;
        for id in Cache::unverified_ids(unverified, tx, article, quote)? {
            let have: Vec<i64> =
                attribution.query_map([id], |r| r.get("source_id"))?.collect::<rusqlite::Result<_>>()?;
            if have == sources {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    fn source(&mut self, tx: &Connection, name: &str, r: &Record<'_>) -> Result<i64> {
        if let Some(id) = self.sources.get(name) {
            return Ok(*id);
        }
        let id = match super::sources::resolve(tx, name) {
            Ok(id) => id,
            Err(Error::NotFound(_)) if self.add_sources && !name.trim().is_empty() => {
                let kind = super::sources::guess_kind(name);
                let fields = SourceFields { kind: Some(kind), ..SourceFields::default() };
                let why = "added unrated by import claims --add-sources";
                let id = insert_source(tx, name.trim(), &fields, crate::ratings::Reliability::F, None, why)
                    .or_else(|e| r.fail(e))?;
                self.added.push(format!("{} ({kind})", name.trim()));
                id
            }
            Err(e) => return r.fail(e),
        };
        self.sources.insert(name.to_string(), id);
        Ok(id)
    }

    /// An article prepared for quote matching, from the few kept (`bodies` of a cache).
    fn body<'b>(
        bodies: &'b mut Vec<(i64, QuoteIndex)>,
        tx: &Connection,
        article: i64,
        r: &Record<'_>,
    ) -> Result<&'b QuoteIndex> {
        match bodies.iter().position(|(a, _)| *a == article) {
            Some(i) => {
                let hit = bodies.remove(i);
                bodies.push(hit);
            }
            None => {
                let body = super::articles::body_of(tx, article).or_else(|e| r.fail(e))?;
                if bodies.len() >= PREPARED {
                    bodies.remove(0);
                }
                bodies.push((article, QuoteIndex::new(&body)));
            }
        }
        Ok(&bodies.last().expect("just pushed").1)
    }
}

/// The row of `table` with this uuid. A uuid that belongs to a row of another table (or was
/// one, deleted here) is refused naming the line: a file whose uuid column was shifted or
/// pasted from another table must not quietly match nothing and add a copy.
fn exists(tx: &Connection, table: &str, uuid: &Option<String>, r: &Record<'_>) -> Result<Option<i64>> {
    let Some(u) = uuid else { return Ok(None) };
    // Table names come from the fixed callers below and the schema's list, never from input.
    let here: Option<i64> = tx
        .prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([u], |r| r.get("id"))
        .optional()?;
    if here.is_some() {
        return Ok(here);
    }
    for other in super::schema::TOMBSTONE_TABLES.iter().filter(|t| **t != table) {
        let id: Option<i64> = tx
            .prepare_cached(&format!("SELECT id FROM {other} WHERE uuid = ?1"))?
            .query_row([u], |r| r.get("id"))
            .optional()?;
        if let Some(id) = id {
            return r.fail(format!(
                "uuid {u} is the uuid of {} #{id}, not of one of the {table}; a row keeps the uuid crosscheck gave \
                 it (leave the cell empty for a new row)",
                singular(other).split_once(' ').map_or("", |(_, w)| w)
            ));
        }
    }
    let gone: Option<String> = tx
        .prepare_cached("SELECT tbl FROM tombstones WHERE uuid = ?1 AND tbl <> ?2")?
        .query_row(params![u, table], |r| r.get("tbl"))
        .optional()?;
    if let Some(t) = gone {
        return r.fail(format!(
            "uuid {u} is the uuid of {} deleted here, not of one of the {table}; leave the cell empty for a new row",
            singular(&t)
        ));
    }
    Ok(None)
}

/// One row of a table, for messages: `a source`, `a claim`.
fn singular(table: &str) -> String {
    match table {
        "sources" => "a source".into(),
        "source_ratings" => "a source's rating".into(),
        "articles" => "an article".into(),
        "claims" => "a claim".into(),
        "links" => "a link between claims".into(),
        "measures" => "a measure".into(),
        "figures" => "a figure".into(),
        "reconciliations" => "a saved reconciliation".into(),
        "incidents" => "an incident".into(),
        "rejected_suggestions" => "a rejected suggestion".into(),
        other => format!("a row of {other}"),
    }
}

/// Was the row of this uuid deleted here? Then it is not added again, and the tally says so.
fn deleted_here(
    tx: &Connection,
    uuid: &Option<String>,
    r: &Record<'_>,
    what: &str,
    tally: &mut Tally,
) -> Result<bool> {
    let Some(u) = uuid else { return Ok(false) };
    let gone = tx
        .prepare_cached("SELECT 1 FROM tombstones WHERE uuid = ?1")?
        .query_row([u], |_| Ok(()))
        .optional()?
        .is_some();
    if gone {
        tally.note(format!("line {}: the {what} was deleted from this notebook; not added again", r.line));
    }
    Ok(gone)
}

fn read_headers(rdr: &mut csv::Reader<&[u8]>, table: CsvTable) -> Result<HashMap<String, usize>> {
    let header_row = rdr
        .headers()
        .map_err(|e| Error::Invalid(format!("line 1: the header row cannot be read ({e})")))?
        .clone();
    let mut headers = HashMap::new();
    for (i, h) in header_row.iter().enumerate() {
        let h = h.trim().trim_start_matches('\u{FEFF}').to_string();
        if headers.insert(h.clone(), i).is_some() {
            return Err(Error::Invalid(format!("line 1: the column '{h}' appears twice; keep one")));
        }
    }
    for req in table.required() {
        if !headers.contains_key(*req) {
            return Err(Error::Invalid(format!(
                "line 1: there is no '{req}' column; the file needs at least {}",
                table.required().join(", ")
            )));
        }
    }
    Ok(headers)
}

/// What `import_csv_with` may do besides adding rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvOptions {
    /// Rows without a uuid that differ from the stored row they match change it.
    pub update: bool,
    /// Claims: unknown sources are recorded unrated (F), their kind guessed from the name.
    pub add_sources: bool,
}

/// The unknown source a row's refusal names, if it names one.
fn unknown_source(why: &str) -> Option<String> {
    let rest = why.split_once("there is no source named '")?.1;
    Some(rest.split_once("';")?.0.to_string())
}

/// The file's line where each record starts, counted from the record's byte offset. csv's own
/// line number counts `\n` only as it is consumed: under `\r\n` a record is placed on the line
/// before its own (the `\n` is still ahead when it starts), and a file ending its lines with
/// `\r` alone is all line 1. Here `\r\n`, `\r` and `\n` each end one line, cells spanning
/// several lines count every line, and blank lines skipped before a record are passed over.
/// Offsets only move forward, so the whole file is scanned once.
struct Lines<'a> {
    data: &'a [u8],
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(data: &'a [u8]) -> Self {
        Lines { data, at: 0, line: 1 }
    }

    /// The line of the first character of the record that csv places at `byte`.
    fn of(&mut self, pos: Option<&csv::Position>) -> u64 {
        let Some(pos) = pos else { return self.line };
        let mut start = usize::try_from(pos.byte()).unwrap_or(usize::MAX).min(self.data.len());
        while matches!(self.data.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            (self.at, self.line) = (0, 1);
        }
        for i in self.at..start {
            match self.data[i] {
                b'\n' if i > 0 && self.data[i - 1] == b'\r' => {}
                b'\n' | b'\r' => self.line += 1,
                _ => {}
            }
        }
        self.at = start;
        self.line
    }
}

fn record_error(e: &csv::Error, lines: &mut Lines) -> Error {
    let line = lines.of(e.position());
    let why = match e.kind() {
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            format!("the row has {len} fields where the header has {expected_len}")
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not UTF-8 text".to_string(),
        _ => e.to_string(),
    };
    Error::Invalid(format!("line {line}: {why}"))
}

impl Notebook {
    /// Imports a CSV file's rows into one table in one transaction. `update` lets rows without a
    /// uuid that differ from the stored row they match change it.
    pub fn import_csv(
        &mut self,
        table: CsvTable,
        data: &[u8],
        update: bool,
        progress: impl FnMut(u64),
    ) -> Result<Tally> {
        self.import_csv_with(table, data, CsvOptions { update, add_sources: false }, progress)
    }

    /// `import_csv` with every option. Every row is read even after a bad one, so that a refusal
    /// lists every bad row with its line and every unknown source (up to 50 lines); nothing is
    /// written unless every row is good.
    pub fn import_csv_with(
        &mut self,
        table: CsvTable,
        data: &[u8],
        options: CsvOptions,
        mut progress: impl FnMut(u64),
    ) -> Result<Tally> {
        let update = options.update;
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(data);
        let headers = read_headers(&mut rdr, table)?;
        let tx = self.write()?;
        let mut cache = Cache {
            sources: HashMap::new(),
            bodies: Vec::new(),
            words: ClaimWords::default(),
            terms: vague_table(&tx)?,
            update,
            add_sources: options.add_sources,
            added: Vec::new(),
            unverified: HashMap::new(),
        };
        let mut tally = Tally::default();
        tally.touch(table.name());
        let mut record = csv::StringRecord::new();
        let mut count = 0u64;
        let (mut bad, mut bad_rows, mut unknown) = (0usize, Vec::<String>::new(), Vec::<String>::new());
        let mut lines = Lines::new(data);
        while rdr.read_record(&mut record).map_err(|e| record_error(&e, &mut lines))? {
            let line = lines.of(record.position());
            let r = Record { headers: &headers, rec: &record, line };
            let outcome = match table {
                CsvTable::Sources => import_source(&tx, &r, &mut cache, &mut tally),
                CsvTable::Claims => import_claim(&tx, &r, &mut cache, &mut tally),
                CsvTable::Figures => import_figure(&tx, &r, &mut cache, &mut tally),
            };
            count += 1;
            progress(count);
            match outcome {
                Ok(outcome) => tally.count(table.name(), outcome, 1),
                // A bad row: noted, and the reading goes on so that the refusal lists them all.
                Err(Error::Invalid(why) | Error::NotFound(why)) => {
                    if let Some(name) = unknown_source(&why) {
                        if !unknown.contains(&name) {
                            unknown.push(name);
                        }
                    }
                    bad += 1;
                    if bad_rows.len() < 50 {
                        bad_rows.push(why);
                    }
                }
                Err(e) => return Err(e),
            }
        }
        if bad > 0 {
            let mut msg = format!("{bad} row(s) cannot be imported");
            if !unknown.is_empty() {
                msg.push_str(&format!(
                    "; unknown sources: {} (add them with `crosscheck source add`, or import claims with \
                     --add-sources to record them unrated)",
                    unknown.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
                ));
            }
            for row in &bad_rows {
                msg.push_str(&format!("\n  {row}"));
            }
            if bad > bad_rows.len() {
                msg.push_str(&format!("\n  and {} more", bad - bad_rows.len()));
            }
            return Err(Error::Invalid(msg));
        }
        for name in &cache.added {
            tally
                .notes
                .push(format!("added source {name}, unrated (F): rate it with `crosscheck source rate`"));
        }
        cache.words.flush(&tx)?;
        tx.commit()?;
        Ok(tally)
    }
}

fn import_source(
    tx: &Transaction<'_>,
    r: &Record<'_>,
    cache: &mut Cache,
    tally: &mut Tally,
) -> Result<Outcome> {
    let uuid = r.uuid()?;
    if deleted_here(tx, &uuid, r, "source", tally)? {
        return Ok(Outcome::Skipped);
    }
    let name = r.get("name").ok_or_else(|| Error::Invalid(format!("line {}: name is empty", r.line)))?;
    let fields = SourceFields {
        name: Some(name.clone()),
        kind: r.parsed::<SourceKind>("kind")?,
        affiliation: r.get("affiliation"),
        named: r.has("named").then(|| r.boolean("named", true)).transpose()?,
        note: r.get("note"),
    };
    let grade = r.parsed::<Reliability>("reliability")?;
    let existing = match exists(tx, "sources", &uuid, r)? {
        Some(id) => Some((id, true)),
        None => super::sources::find_by_name(tx, &name)?.map(|id| (id, false)),
    };
    let Some((id, by_uuid)) = existing else {
        insert_source(
            tx,
            &name,
            &fields,
            grade.unwrap_or_default(),
            uuid.as_deref(),
            "rated in an imported CSV",
        )
        .or_else(|e| r.fail(e))?;
        return Ok(Outcome::Added);
    };
    let now = source_by_id(tx, id)?;
    let differs = (fields.kind.is_some() && fields.kind != Some(now.kind))
        || (r.has("affiliation") && fields.affiliation != now.affiliation)
        || (fields.named.is_some() && fields.named != Some(now.named))
        || (r.has("note") && fields.note != now.note)
        || (grade.is_some() && grade != Some(now.reliability));
    if !differs {
        return Ok(Outcome::AlreadyThere);
    }
    if !by_uuid && !cache.update {
        tally.note(format!(
            "line {}: the source '{}' (#{id}) differs from the file; left unchanged (add --update to change it)",
            r.line, now.name
        ));
        return Ok(Outcome::Skipped);
    }
    let edit = SourceFields { name: None, ..fields };
    super::sources::apply_edit(tx, id, &edit)?;
    if let Some(g) = grade.filter(|g| *g != now.reliability) {
        tx.execute(super::sources::RELIABILITY_SET, params![g, id])?;
        super::sources::record_rating(tx, id, Some(now.reliability), g, "changed in an imported CSV")?;
    }
    Ok(Outcome::Updated)
}

/// The claim a row describes, as a new claim.
fn claim_of_row(tx: &Connection, r: &Record<'_>, cache: &mut Cache) -> Result<NewClaim> {
    let article_id = r.id("article_id")?;
    let quote = r.get("quote").ok_or_else(|| Error::Invalid(format!("line {}: quote is empty", r.line)))?;
    let mut sources = Vec::new();
    for name in r.list("sources") {
        sources.push(cache.source(tx, &name, r)?);
    }
    Ok(NewClaim {
        article_id,
        quote,
        sources,
        text: r.get("text"),
        credibility: r.parsed::<Credibility>("credibility")?.unwrap_or_default(),
        place: r.get("place"),
        when: r.get("when_text"),
        tags: r.list("tags"),
        unverified: r.boolean("unverified", false)?,
        incident: r.get("incident"),
        figures: figures_of_row(tx, r)?,
        uuid: r.uuid()?,
        again: false,
    })
}

/// The figures a claims row carries: a `measure` and `figure` column, or a `figures` cell of
/// `measure=figure` pairs.
fn figures_of_row(tx: &Connection, r: &Record<'_>) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    match (r.get("measure"), r.get("figure")) {
        (Some(m), Some(f)) => out.push((m, f)),
        // A figure is never dropped in silence (a suggestion file written without --measure).
        (None, Some(f)) => {
            let keys: Vec<String> = tx
                .prepare_cached("SELECT key FROM measures ORDER BY key LIMIT 6")?
                .query_map([], |r| r.get("key"))?
                .collect::<rusqlite::Result<_>>()?;
            let which = match keys.len() {
                0 => "this notebook has no measure yet: add one with `crosscheck measure add KEY --label LABEL`"
                    .to_string(),
                1..=5 => format!("this notebook's measures: {}", keys.join(", ")),
                _ => format!("such as {}; `crosscheck measure list` lists them", keys[..5].join(", ")),
            };
            return r.fail(format!(
                "the figure '{f}' has no measure; fill the measure cell with a measure's key ({which}), or \
                 empty the figure cell"
            ));
        }
        _ => {}
    }
    for pair in r.list("figures") {
        match pair.split_once('=') {
            Some((m, f)) if !m.trim().is_empty() && !f.trim().is_empty() => {
                out.push((m.trim().into(), f.trim().into()))
            }
            _ => return r.fail(format!("the figure '{pair}' is not MEASURE=FIGURE, such as KEY=about 15")),
        }
    }
    Ok(out)
}

fn import_claim(
    tx: &Transaction<'_>,
    r: &Record<'_>,
    cache: &mut Cache,
    tally: &mut Tally,
) -> Result<Outcome> {
    // A suggestion already recorded (`claim suggest`) is left alone, whatever its other cells.
    if r.get("status").as_deref() == Some("recorded") {
        return Ok(Outcome::AlreadyThere);
    }
    let claim = claim_of_row(tx, r, cache)?;
    if deleted_here(tx, &claim.uuid, r, "claim", tally)? {
        return Ok(Outcome::Skipped);
    }
    let update = cache.update;
    let body = Cache::body(&mut cache.bodies, tx, claim.article_id, r)?;
    let (existing, anchored) = match exists(tx, "claims", &claim.uuid, r)? {
        Some(id) => (Some((id, true)), None),
        None => {
            let anchored = anchor(body, claim.article_id, &claim.quote, true).or_else(|e| r.fail(e))?;
            let same = if anchored.span.is_none() {
                Cache::same_unverified(
                    &mut cache.unverified,
                    tx,
                    claim.article_id,
                    &anchored.quote,
                    &claim.sources,
                )?
            } else {
                same_claim(tx, claim.article_id, &anchored, &claim.sources)?
            };
            (same.map(|id| (id, false)), Some(anchored))
        }
    };
    let Some((id, by_uuid)) = existing else {
        let id = match &anchored {
            Some(a) if !a.unverified || claim.unverified => insert_anchored(tx, &claim, a, &mut cache.words),
            _ => insert_claim(tx, &claim, body, &mut cache.words),
        }
        .or_else(|e| r.fail(e))?;
        if let Some(a) = anchored.filter(|a| a.span.is_none()) {
            if let Some(by_quote) = cache.unverified.get_mut(&claim.article_id) {
                by_quote.entry(a.quote).or_default().push(id);
            }
        }
        return Ok(Outcome::Added);
    };
    let now = claim_by_id(tx, id)?;
    // A claim is what it quotes: the uuid of a stored claim with another article or other words
    // is a different claim under a borrowed identity (or a row edited by mistake), never an edit.
    if by_uuid && (now.article_id != claim.article_id || now.quote != claim.quote.trim()) {
        let (what, was, given) = if now.article_id != claim.article_id {
            ("article", format!("#{}", now.article_id), format!("#{}", claim.article_id))
        } else {
            ("quote", format!("'{}'", now.quote), format!("'{}'", claim.quote.trim()))
        };
        return r.fail(format!(
            "uuid {} is claim #{id}, whose {what} is {was}, but the file gives {given}; an import cannot change \
             which article or words a claim quotes (leave the uuid empty to record it as a new claim)",
            now.uuid
        ));
    }
    let edit = edit_of_row(r, &claim, &now);
    let changes = edit.text.is_some()
        || edit.incident.is_some()
        || edit.credibility.is_some()
        || edit.place.is_some()
        || edit.when.is_some()
        || !edit.add_tags.is_empty()
        || !edit.remove_tags.is_empty();
    // The row's figures the claim does not hold yet: two rows of one quote (`claim suggest`
    // writes a row per figure) give the one claim both figures, never one in silence.
    let missing = missing_figures(tx, id, &claim.figures, r)?;
    if changes && !by_uuid && !update {
        if let Some(Missing { key, notation, .. }) = missing.first() {
            return r.fail(format!(
                "the figure '{notation}' ({key}) quotes the words of claim #{id}, but this row's {} from the claim's; \
                 make the row agree with claim #{id}, or add --update to change the claim",
                edit_fields(&edit)
            ));
        }
        tally.note(format!(
            "line {}: claim #{id} has the same article, quote and sources but differs from the file; left unchanged (add --update to change it)",
            r.line
        ));
        return Ok(Outcome::Skipped);
    }
    let mut outcome = Outcome::AlreadyThere;
    if changes {
        // The claim may be one this file added: its queued words go in before the edit rewrites them.
        cache.words.flush(tx)?;
        apply_edit(tx, id, &edit).or_else(|e| r.fail(e))?;
        outcome = Outcome::Updated;
    }
    add_figures(tx, r, cache, tally, id, missing, outcome)
}

/// Gives claim `id` the figures of a row it lacks (replacing one it gives otherwise only with
/// --update, else noted), and says what became of the row, starting from `outcome`.
fn add_figures(
    tx: &Transaction<'_>,
    r: &Record<'_>,
    cache: &Cache,
    tally: &mut Tally,
    id: i64,
    missing: Vec<Missing>,
    mut outcome: Outcome,
) -> Result<Outcome> {
    for Missing { measure, key, notation, was } in missing {
        match was {
            None => {
                insert_figure(tx, id, measure, &notation, &cache.terms, None).or_else(|e| r.fail(e))?;
                outcome = Outcome::Updated;
            }
            Some((figure, _)) if cache.update => {
                let reading = read_notation(&cache.terms, &notation).or_else(|e| r.fail(e))?;
                super::figures::update_reading(tx, figure, &notation, &reading)?;
                outcome = Outcome::Updated;
            }
            Some((figure, was)) => {
                tally.note(format!(
                    "line {}: claim #{id} already gives figure #{figure} ('{was}') for {key}, not '{notation}'; \
                     left unchanged (add --update to change it)",
                    r.line
                ));
                if outcome == Outcome::AlreadyThere {
                    outcome = Outcome::Skipped;
                }
            }
        }
    }
    Ok(outcome)
}

/// A figure of a row that its claim does not hold as written.
struct Missing {
    measure: i64,
    key: String,
    notation: String,
    /// The figure the claim gives that measure instead (its id and notation), if any.
    was: Option<(i64, String)>,
}

/// The figures of a row that claim `id` does not hold as written.
fn missing_figures(
    tx: &Connection,
    id: i64,
    figures: &[(String, String)],
    r: &Record<'_>,
) -> Result<Vec<Missing>> {
    let mut out = Vec::new();
    for (key, notation) in figures {
        let measure = measure_id(tx, key).or_else(|e| r.fail(e))?;
        let was: Option<(i64, String)> = tx
            .prepare_cached(super::figures::FIGURE_OF_CLAIM)?
            .query_row(params![id, measure], |r| Ok((r.get("id")?, r.get("notation")?)))
            .optional()?;
        if was.as_ref().is_some_and(|(_, n)| n == notation.trim()) {
            continue;
        }
        out.push(Missing {
            measure,
            key: key.trim().to_string(),
            notation: notation.trim().to_string(),
            was,
        });
    }
    Ok(out)
}

/// The fields an edit changes with their verb, for a sentence: `credibility differs`,
/// `place and date differ`.
fn edit_fields(e: &ClaimEdit) -> String {
    let mut names = Vec::new();
    for (set, name) in [
        (e.text.is_some(), "text"),
        (e.credibility.is_some(), "credibility"),
        (e.place.is_some(), "place"),
        (e.when.is_some(), "date"),
        (!e.add_tags.is_empty() || !e.remove_tags.is_empty(), "tags"),
        (e.incident.is_some(), "incident"),
    ] {
        if set {
            names.push(name);
        }
    }
    match names.split_last() {
        Some((&"tags", [])) => "tags differ".into(),
        Some((last, [])) => format!("{last} differs"),
        Some((last, rest)) => format!("{} and {last} differ", rest.join(", ")),
        None => "cells differ".into(),
    }
}

/// What a row of the file changes in a stored claim: only the columns the file has, and only
/// where they differ (an empty cell and no value are the same).
fn edit_of_row(r: &Record<'_>, claim: &NewClaim, now: &ClaimRow) -> ClaimEdit {
    ClaimEdit {
        text: r.get("text").filter(|t| *t != now.text),
        credibility: r.has("credibility").then_some(claim.credibility).filter(|c| *c != now.credibility),
        place: r
            .has("place")
            .then(|| claim.place.clone().unwrap_or_default())
            .filter(|p| Some(p) != now.place.as_ref() && !(p.is_empty() && now.place.is_none())),
        when: r
            .has("when_text")
            .then(|| claim.when.clone().unwrap_or_default())
            .filter(|w| Some(w) != now.when_text.as_ref() && !(w.is_empty() && now.when_text.is_none())),
        add_tags: if r.has("tags") {
            claim.tags.iter().filter(|t| !now.tags.contains(t)).cloned().collect()
        } else {
            Vec::new()
        },
        remove_tags: if r.has("tags") {
            now.tags.iter().filter(|t| !claim.tags.contains(t)).cloned().collect()
        } else {
            Vec::new()
        },
        sources: None,
        incident: r
            .has("incident")
            .then(|| claim.incident.clone().unwrap_or_default())
            .filter(|k| Some(k) != now.incident.as_ref() && !(k.is_empty() && now.incident.is_none())),
    }
}

fn import_figure(
    tx: &Transaction<'_>,
    r: &Record<'_>,
    cache: &mut Cache,
    tally: &mut Tally,
) -> Result<Outcome> {
    let uuid = r.uuid()?;
    if deleted_here(tx, &uuid, r, "figure", tally)? {
        return Ok(Outcome::Skipped);
    }
    let claim = r.id("claim_id")?;
    if !super::claims::is_claim(tx, claim)? {
        return r.fail(format!("there is no claim #{claim}"));
    }
    let key = r.get("measure").unwrap_or_default();
    let measure = measure_id(tx, &key).or_else(|e| r.fail(e))?;
    let notation = r.get("notation").unwrap_or_default();
    let reading = read_notation(&cache.terms, &notation).or_else(|e| r.fail(e))?;
    let existing: Option<(i64, String)> = match exists(tx, "figures", &uuid, r)? {
        Some(id) => {
            let (was_claim, was_measure): (i64, i64) =
                tx.query_row("SELECT claim_id, measure_id FROM figures WHERE id = ?1", [id], |r| {
                    Ok((r.get("claim_id")?, r.get("measure_id")?))
                })?;
            if (was_claim, was_measure) != (claim, measure) {
                return r.fail(format!(
                    "uuid {} is figure #{id}, of claim #{was_claim}, but the file gives it to claim #{claim} and \
                     measure {key}; an import cannot move a figure (leave the uuid empty to add it as a new figure)",
                    uuid.as_deref().unwrap_or_default()
                ));
            }
            tx.query_row("SELECT id, notation FROM figures WHERE id = ?1", [id], |r| {
                Ok((r.get("id")?, r.get("notation")?))
            })
            .optional()?
        }
        None => tx
            .query_row(super::figures::FIGURE_OF_CLAIM, params![claim, measure], |r| {
                Ok((r.get("id")?, r.get("notation")?))
            })
            .optional()?,
    };
    let Some((id, was)) = existing else {
        insert_figure(tx, claim, measure, &notation, &cache.terms, uuid.as_deref()).or_else(|e| r.fail(e))?;
        return Ok(Outcome::Added);
    };
    if was == notation.trim() {
        return Ok(Outcome::AlreadyThere);
    }
    if uuid.is_none() && !cache.update {
        tally.note(format!(
            "line {}: claim #{claim} already gives figure #{id} ('{was}') for {key}; left unchanged (add --update to change it)",
            r.line
        ));
        return Ok(Outcome::Skipped);
    }
    super::figures::update_reading(tx, id, &notation, &reading)?;
    Ok(Outcome::Updated)
}
