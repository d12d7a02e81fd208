//! Moving work in and out: bulk CSV import with the columns `export` writes (one transaction per
//! file; a bad row stops the file and names its line), and merging another notebook by uuid.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{params, OptionalExtension, Transaction};

use super::claims::{insert_claim, NewClaim};
use super::figures::{insert_figure, measure_id, read_notation, vague_table};
use super::{new_uuid, now, Error, Notebook, Result};
use crate::normalize::index_text;
use crate::ratings::{parse_kind, Credibility, Reliability};
use crate::render::unguard_formula;
use crate::similarity::{band_keys, shingles};

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
}

/// What an import or merge did, per table.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub rows: Vec<(&'static str, usize, usize)>,
}

impl Tally {
    fn add(&mut self, table: &'static str, added: bool) {
        if let Some(r) = self.rows.iter_mut().find(|r| r.0 == table) {
            if added {
                r.1 += 1
            } else {
                r.2 += 1
            }
        } else {
            self.rows.push((table, usize::from(added), usize::from(!added)));
        }
    }
    fn touch(&mut self, table: &'static str) {
        if !self.rows.iter().any(|r| r.0 == table) {
            self.rows.push((table, 0, 0));
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
        let v = unguard_formula(v.trim());
        (!v.is_empty()).then(|| v.to_string())
    }
    fn fail<T>(&self, msg: impl std::fmt::Display) -> Result<T> {
        Err(Error::Invalid(format!("line {}: {msg}", self.line)))
    }
    fn list(&self, name: &str) -> Vec<String> {
        self.get(name)
            .map(|v| v.split(';').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
            .unwrap_or_default()
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
        super::parse_id(&v, name).map_err(|e| Error::Invalid(format!("line {}: {e}", self.line)))
    }
}

fn exists(tx: &Transaction<'_>, table: &str, uuid: &Option<String>) -> Result<bool> {
    let Some(u) = uuid else { return Ok(false) };
    // Table names come from the fixed callers below, never from input.
    let found: Option<i64> =
        tx.query_row(&format!("SELECT 1 FROM {table} WHERE uuid = ?1"), [u], |r| r.get(0)).optional()?;
    Ok(found.is_some())
}

impl Notebook {
    /// Imports a CSV file's rows into one table in one transaction. Rows whose uuid is present
    /// are skipped, so re-importing an export changes nothing.
    pub fn import_csv(
        &mut self,
        table: CsvTable,
        data: &[u8],
        mut progress: impl FnMut(u64),
    ) -> Result<Tally> {
        let data = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(data);
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(data);
        let header_row = rdr
            .headers()
            .map_err(|e| Error::Invalid(format!("line 1: the header row cannot be read ({e})")))?
            .clone();
        let mut headers = HashMap::new();
        for (i, h) in header_row.iter().enumerate() {
            let h = h.trim().to_string();
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
        let tx = self.write()?;
        let terms = vague_table(&tx)?;
        let mut tally = Tally::default();
        let name = match table {
            CsvTable::Sources => "sources",
            CsvTable::Claims => "claims",
            CsvTable::Figures => "figures",
        };
        tally.touch(name);
        let mut known_sources = HashMap::new();
        let mut record = csv::StringRecord::new();
        let mut count = 0u64;
        loop {
            let more = rdr.read_record(&mut record).map_err(|e| {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                let why = match e.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("the row has {len} fields where the header has {expected_len}")
                    }
                    csv::ErrorKind::Utf8 { .. } => "the row is not UTF-8 text".to_string(),
                    _ => e.to_string(),
                };
                Error::Invalid(format!("line {line}: {why}"))
            })?;
            if !more {
                break;
            }
            let line = record.position().map(|p| p.line()).unwrap_or(0);
            let r = Record { headers: &headers, rec: &record, line };
            let added = match table {
                CsvTable::Sources => import_source(&tx, &r)?,
                CsvTable::Claims => import_claim(&tx, &r, &mut known_sources)?,
                CsvTable::Figures => import_figure(&tx, &r, &terms)?,
            };
            tally.add(name, added);
            count += 1;
            progress(count);
        }
        tx.commit()?;
        Ok(tally)
    }

    /// Brings another notebook's rows into this one in one transaction.
    pub fn merge_from(&mut self, other: &Path) -> Result<Tally> {
        if !other.exists() {
            return Err(Error::NotFound(format!(
                "{} does not exist; give the path of a crosscheck notebook",
                other.display()
            )));
        }
        let same = match (other.canonicalize(), self.path.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same {
            return super::invalid("a notebook cannot be merged into itself; give another notebook file");
        }
        let uri = format!(
            "file:{}?mode=ro",
            other.display().to_string().replace('%', "%25").replace('?', "%3f").replace('#', "%23")
        );
        self.conn
            .execute("ATTACH DATABASE ?1 AS other", [&uri])
            .map_err(|_| Error::Invalid(format!("{} cannot be opened as a notebook", other.display())))?;
        let result = self.merge_attached(other);
        let _ = self.conn.execute("DETACH DATABASE other", []);
        result
    }

    fn merge_attached(&mut self, other: &Path) -> Result<Tally> {
        let app: i32 = self
            .conn
            .query_row("PRAGMA other.application_id", [], |r| r.get(0))
            .map_err(|_| Error::Invalid(format!("{} is not a crosscheck notebook", other.display())))?;
        let version: i64 = self.conn.query_row("PRAGMA other.user_version", [], |r| r.get(0))?;
        if app != super::APPLICATION_ID {
            return super::invalid(format!("{} is not a crosscheck notebook", other.display()));
        }
        if version != super::migrate::CURRENT_VERSION {
            return super::invalid(format!(
                "{} is at notebook schema {version} and this one at {}; open it once with this crosscheck (`crosscheck --db {} info`) to upgrade it, then merge",
                other.display(),
                super::migrate::CURRENT_VERSION,
                other.display()
            ));
        }
        let label = other.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let tx = self.write()?;
        let mut tally = Tally::default();
        let sources = merge_sources(&tx, &mut tally, &label)?;
        let articles = merge_articles(&tx, &mut tally, &sources)?;
        let claims = merge_claims(&tx, &mut tally, &articles, &sources)?;
        let measures = merge_measures(&tx, &mut tally)?;
        let figures = merge_figures(&tx, &mut tally, &claims, &measures)?;
        merge_links(&tx, &mut tally, &claims)?;
        merge_reconciliations(&tx, &mut tally, &measures, &figures)?;
        tx.execute("INSERT OR IGNORE INTO vague_terms SELECT * FROM other.vague_terms", [])?;
        tx.commit()?;
        Ok(tally)
    }
}

fn import_source(tx: &Transaction<'_>, r: &Record<'_>) -> Result<bool> {
    let uuid = r.uuid()?;
    if exists(tx, "sources", &uuid)? {
        return Ok(false);
    }
    let name = r.get("name").ok_or_else(|| Error::Invalid(format!("line {}: name is empty", r.line)))?;
    if super::sources::find_by_name(tx, &name)?.is_some() {
        return Ok(false);
    }
    let kind = match r.get("kind") {
        Some(k) => parse_kind(&k).or_else(|e| r.fail(e))?,
        None => "other".to_string(),
    };
    let grade: Reliability = match r.get("reliability") {
        Some(g) => g.parse().or_else(|e: String| r.fail(e))?,
        None => Reliability::F,
    };
    let named = r.boolean("named", true)?;
    let uuid = uuid.unwrap_or_else(new_uuid);
    tx.execute(
        "INSERT INTO sources (uuid, name, kind, affiliation, named, reliability, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![uuid, name, kind, r.get("affiliation"), named, grade.letter(), r.get("note"), now()],
    )?;
    if grade != Reliability::F {
        tx.execute(
            "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at)
             VALUES (?1, ?2, NULL, ?3, 'rated in an imported CSV', ?4)",
            params![new_uuid(), tx.last_insert_rowid(), grade.letter(), now()],
        )?;
    }
    Ok(true)
}

fn import_claim(tx: &Transaction<'_>, r: &Record<'_>, known: &mut HashMap<String, i64>) -> Result<bool> {
    let uuid = r.uuid()?;
    if exists(tx, "claims", &uuid)? {
        return Ok(false);
    }
    let article_id = r.id("article_id")?;
    let quote = r.get("quote").ok_or_else(|| Error::Invalid(format!("line {}: quote is empty", r.line)))?;
    // Each name is resolved once per file: a large sheet names the same few sources again and
    // again, and resolving a name compares it with every source.
    let mut sources = Vec::new();
    for name in r.list("sources") {
        let id = match known.get(&name) {
            Some(id) => *id,
            None => {
                let id = super::sources::resolve(tx, &name).or_else(|e| r.fail(e))?;
                known.insert(name, id);
                id
            }
        };
        sources.push(id);
    }
    let credibility = match r.get("credibility") {
        Some(c) => c.parse::<Credibility>().or_else(|e| r.fail(e))?,
        None => Credibility::UNJUDGED,
    };
    let text = r.get("text");
    let claim = NewClaim {
        article_id,
        quote,
        sources,
        text,
        credibility,
        place: r.get("place"),
        when: r.get("when_text"),
        tags: r.list("tags"),
        unverified: r.boolean("unverified", false)?,
        figures: Vec::new(),
        uuid,
    };
    if claim.uuid.is_none() && same_claim_exists(tx, &claim)? {
        return Ok(false);
    }
    insert_claim(tx, &claim).or_else(|e| r.fail(e))?;
    Ok(true)
}

fn import_figure(tx: &Transaction<'_>, r: &Record<'_>, terms: &crate::notation::VagueTable) -> Result<bool> {
    let uuid = r.uuid()?;
    if exists(tx, "figures", &uuid)? {
        return Ok(false);
    }
    let claim = r.id("claim_id")?;
    let known: Option<i64> =
        tx.query_row("SELECT 1 FROM claims WHERE id = ?1", [claim], |r| r.get(0)).optional()?;
    if known.is_none() {
        return r.fail(format!("there is no claim #{claim}"));
    }
    let key = r.get("measure").unwrap_or_default();
    let measure = measure_id(tx, &key).or_else(|e| r.fail(e))?;
    let notation = r.get("notation").unwrap_or_default();
    let reading = read_notation(terms, &notation).or_else(|e| r.fail(e))?;
    if uuid.is_none() {
        let same: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM figures WHERE claim_id = ?1 AND measure_id = ?2 AND notation = ?3",
                params![claim, measure, notation.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if same.is_some() {
            return Ok(false);
        }
    }
    insert_figure(tx, claim, measure, &notation, &reading, uuid.as_deref())?;
    Ok(true)
}

/// A row without a uuid (typed into a spreadsheet) that matches a stored claim of the same
/// article, quote and sources is the same claim: importing the edited file twice adds it once.
fn same_claim_exists(tx: &Transaction<'_>, c: &NewClaim) -> Result<bool> {
    let body: Option<String> =
        tx.query_row("SELECT body FROM articles WHERE id = ?1", [c.article_id], |r| r.get(0)).optional()?;
    let quote = match body
        .as_deref()
        .and_then(|b| crate::normalize::find_quote(b, &c.quote).map(|(s, e)| b[s..e].to_string()))
    {
        Some(q) => q,
        None => c.quote.trim().to_string(),
    };
    let mut stmt = tx.prepare_cached("SELECT id FROM claims WHERE article_id = ?1 AND quote = ?2")?;
    let ids: Vec<i64> =
        stmt.query_map(params![c.article_id, quote], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for id in ids {
        let mut s =
            tx.prepare_cached("SELECT source_id FROM claim_sources WHERE claim_id = ?1 ORDER BY position")?;
        let sources: Vec<i64> = s.query_map([id], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if sources == c.sources {
            return Ok(true);
        }
    }
    Ok(false)
}

type IdMap = HashMap<i64, i64>;

fn our_id_by_uuid(tx: &Transaction<'_>, table: &str, uuid: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(&format!("SELECT id FROM main.{table} WHERE uuid = ?1"), [uuid], |r| r.get(0))
        .optional()?)
}

fn merge_sources(tx: &Transaction<'_>, tally: &mut Tally, label: &str) -> Result<IdMap> {
    tally.touch("sources");
    let mut map = IdMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, uuid, name, kind, affiliation, named, reliability, note, created_at FROM other.sources ORDER BY id",
    )?;
    type SourceTuple = (i64, String, String, String, Option<String>, bool, String, Option<String>, String);
    let rows: Vec<SourceTuple> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, uuid, name, kind, affiliation, named, grade, note, created) in rows {
        let ours = match our_id_by_uuid(tx, "sources", &uuid)? {
            Some(o) => Some(o),
            None => super::sources::find_by_name(tx, &name)?,
        };
        match ours {
            Some(o) => {
                map.insert(id, o);
                tally.add("sources", false);
                let current: String =
                    tx.query_row("SELECT reliability FROM main.sources WHERE id = ?1", [o], |r| r.get(0))?;
                let why =
                    format!("rated {grade} in the merged notebook {label}; this notebook keeps {current}");
                let noted: Option<i64> = tx
                    .query_row(
                        "SELECT 1 FROM main.source_ratings WHERE source_id = ?1 AND to_grade = ?2 AND why = ?3",
                        params![o, grade, why],
                        |r| r.get(0),
                    )
                    .optional()?;
                if current != grade && noted.is_none() {
                    tx.execute(
                        "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            new_uuid(),
                            o,
                            current,
                            grade,
                            why,
                            now()
                        ],
                    )?;
                }
            }
            None => {
                tx.execute(
                    "INSERT INTO main.sources (uuid, name, kind, affiliation, named, reliability, note, created_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![uuid, name, kind, affiliation, named, grade, note, created],
                )?;
                map.insert(id, tx.last_insert_rowid());
                tally.add("sources", true);
            }
        }
    }
    let mut stmt = tx.prepare(
        "SELECT uuid, source_id, from_grade, to_grade, why, at FROM other.source_ratings ORDER BY id",
    )?;
    let ratings: Vec<(String, i64, Option<String>, String, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (uuid, source, from, to, why, at) in ratings {
        if our_id_by_uuid(tx, "source_ratings", &uuid)?.is_none() {
            if let Some(s) = map.get(&source) {
                tx.execute(
                    "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![uuid, s, from, to, why, at],
                )?;
            }
        }
    }
    Ok(map)
}

fn merge_articles(tx: &Transaction<'_>, tally: &mut Tally, sources: &IdMap) -> Result<IdMap> {
    tally.touch("articles");
    let mut map = IdMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, uuid, title, outlet_id, author, url, published, language, body, sha256, near_duplicate_of,
                source_path, imported_at FROM other.articles ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, uuid, sha): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(9)?);
        let ours = match our_id_by_uuid(tx, "articles", &uuid)? {
            Some(o) => Some(o),
            None => tx
                .query_row("SELECT id FROM main.articles WHERE sha256 = ?1", [&sha], |r| r.get(0))
                .optional()?,
        };
        if let Some(o) = ours {
            map.insert(id, o);
            tally.add("articles", false);
            continue;
        }
        let (title, body): (String, String) = (r.get(2)?, r.get(8)?);
        let outlet = r.get::<_, Option<i64>>(3)?.and_then(|o| sources.get(&o).copied());
        let near = r.get::<_, Option<i64>>(10)?.and_then(|n| map.get(&n).copied());
        tx.execute(
            "INSERT INTO main.articles (uuid, title, outlet_id, author, url, published, language, body, sha256,
                near_duplicate_of, source_path, imported_at, title_index, body_index)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                uuid,
                title,
                outlet,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, Option<String>>(7)?,
                body,
                sha,
                near,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, String>(12)?,
                index_text(&title),
                index_text(&body)
            ],
        )?;
        let new_id = tx.last_insert_rowid();
        for (band, hash) in band_keys(&shingles(&body)).iter().enumerate() {
            tx.execute(
                "INSERT OR IGNORE INTO main.article_bands (band, hash, article_id) VALUES (?1, ?2, ?3)",
                params![band as i64, hash, new_id],
            )?;
        }
        map.insert(id, new_id);
        tally.add("articles", true);
    }
    Ok(map)
}

fn merge_claims(tx: &Transaction<'_>, tally: &mut Tally, articles: &IdMap, sources: &IdMap) -> Result<IdMap> {
    tally.touch("claims");
    let mut map = IdMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, uuid, article_id, quote, span_start, span_end, text, unverified, credibility, place,
                when_text, when_from, when_to, when_precision, created_at FROM other.claims ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut inserted = Vec::new();
    while let Some(r) = rows.next()? {
        let (id, uuid): (i64, String) = (r.get(0)?, r.get(1)?);
        if let Some(o) = our_id_by_uuid(tx, "claims", &uuid)? {
            map.insert(id, o);
            tally.add("claims", false);
            continue;
        }
        let Some(article) = articles.get(&r.get::<_, i64>(2)?).copied() else {
            continue;
        };
        let (quote, text): (String, String) = (r.get(3)?, r.get(6)?);
        tx.execute(
            "INSERT INTO main.claims (uuid, article_id, quote, span_start, span_end, text, unverified, credibility,
                place, when_text, when_from, when_to, when_precision, created_at, quote_index, text_index)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                uuid,
                article,
                quote,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                text,
                r.get::<_, bool>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, Option<String>>(12)?,
                r.get::<_, Option<String>>(13)?,
                r.get::<_, String>(14)?,
                index_text(&quote),
                index_text(&text)
            ],
        )?;
        let new_id = tx.last_insert_rowid();
        map.insert(id, new_id);
        inserted.push((id, new_id));
        tally.add("claims", true);
    }
    drop(rows);
    for (theirs, ours) in inserted {
        let mut s =
            tx.prepare_cached("SELECT source_id, position FROM other.claim_sources WHERE claim_id = ?1")?;
        let attributions: Vec<(i64, i64)> =
            s.query_map([theirs], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        for (source, position) in attributions {
            if let Some(src) = sources.get(&source) {
                tx.execute(
                    "INSERT OR IGNORE INTO main.claim_sources (claim_id, source_id, position) VALUES (?1, ?2, ?3)",
                    params![ours, src, position],
                )?;
            }
        }
        tx.execute(
            "INSERT OR IGNORE INTO main.claim_tags (claim_id, tag) SELECT ?1, tag FROM other.claim_tags WHERE claim_id = ?2",
            params![ours, theirs],
        )?;
    }
    Ok(map)
}

fn merge_measures(tx: &Transaction<'_>, tally: &mut Tally) -> Result<IdMap> {
    tally.touch("measures");
    let mut map = IdMap::new();
    let mut stmt =
        tx.prepare("SELECT id, uuid, key, label, unit, created_at FROM other.measures ORDER BY id")?;
    let rows: Vec<(i64, String, String, String, Option<String>, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, uuid, key, label, unit, created) in rows {
        let ours = match our_id_by_uuid(tx, "measures", &uuid)? {
            Some(o) => Some(o),
            None => tx
                .query_row("SELECT id FROM main.measures WHERE key = ?1", [&key], |r| r.get(0))
                .optional()?,
        };
        match ours {
            Some(o) => {
                map.insert(id, o);
                tally.add("measures", false);
            }
            None => {
                tx.execute(
                    "INSERT INTO main.measures (uuid, key, label, unit, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![uuid, key, label, unit, created],
                )?;
                map.insert(id, tx.last_insert_rowid());
                tally.add("measures", true);
            }
        }
    }
    Ok(map)
}

fn merge_figures(tx: &Transaction<'_>, tally: &mut Tally, claims: &IdMap, measures: &IdMap) -> Result<IdMap> {
    tally.touch("figures");
    let mut map = IdMap::new();
    let mut stmt = tx.prepare(
        "SELECT id, uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at FROM other.figures ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, uuid): (i64, String) = (r.get(0)?, r.get(1)?);
        if let Some(o) = our_id_by_uuid(tx, "figures", &uuid)? {
            map.insert(id, o);
            tally.add("figures", false);
            continue;
        }
        let (Some(claim), Some(measure)) = (claims.get(&r.get(2)?), measures.get(&r.get(3)?)) else {
            continue;
        };
        tx.execute(
            "INSERT INTO main.figures (uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                uuid,
                claim,
                measure,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, Option<i64>>(7)?,
                r.get::<_, i64>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, String>(10)?
            ],
        )?;
        map.insert(id, tx.last_insert_rowid());
        tally.add("figures", true);
    }
    Ok(map)
}

fn merge_links(tx: &Transaction<'_>, tally: &mut Tally, claims: &IdMap) -> Result<()> {
    tally.touch("links");
    let mut stmt =
        tx.prepare("SELECT uuid, from_claim, to_claim, relation, created_at FROM other.links ORDER BY id")?;
    let rows: Vec<(String, i64, i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (uuid, from, to, relation, created) in rows {
        if our_id_by_uuid(tx, "links", &uuid)?.is_some() {
            tally.add("links", false);
            continue;
        }
        let (Some(a), Some(b)) = (claims.get(&from), claims.get(&to)) else {
            continue;
        };
        let n = tx.execute(
            "INSERT OR IGNORE INTO main.links (uuid, from_claim, to_claim, relation, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![uuid, a, b, relation, created],
        )?;
        tally.add("links", n > 0);
    }
    Ok(())
}

fn merge_reconciliations(
    tx: &Transaction<'_>,
    tally: &mut Tally,
    measures: &IdMap,
    figures: &IdMap,
) -> Result<()> {
    tally.touch("reconciliations");
    let mut stmt = tx.prepare(
        "SELECT uuid, measure_id, method, low, best, high, open_high, conflict, support, figures, voices,
                figure_ids, note, stale, created_at FROM other.reconciliations ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let uuid: String = r.get(0)?;
        if our_id_by_uuid(tx, "reconciliations", &uuid)?.is_some() {
            tally.add("reconciliations", false);
            continue;
        }
        let Some(measure) = measures.get(&r.get(1)?) else {
            continue;
        };
        let ids: Vec<i64> = serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default();
        let mapped: Vec<i64> = ids.iter().filter_map(|i| figures.get(i).copied()).collect();
        tx.execute(
            "INSERT INTO main.reconciliations (uuid, measure_id, method, low, best, high, open_high, conflict, support,
                figures, voices, figure_ids, note, stale, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                uuid,
                measure,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, i64>(9)?,
                r.get::<_, i64>(10)?,
                serde_json::to_string(&mapped).unwrap_or_else(|_| "[]".into()),
                r.get::<_, Option<String>>(12)?,
                r.get::<_, bool>(13)?,
                r.get::<_, String>(14)?
            ],
        )?;
        tally.add("reconciliations", true);
    }
    Ok(())
}
