//! Measures, figures and the vague-word table: a measure is found by its key (never created
//! silently), a figure is a claim's number for a measure read from its notation, and the vague
//! words ("dozens") are the notebook's own table.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::articles::Heading;
use super::conditions::Conditions;
use super::sources::split_units;
use super::{new_uuid, now, Error, Notebook, Result};
use crate::notation::{self, Reading, VagueTable, VagueTerm};
use crate::ratings::{rating, Credibility, Reliability};
use crate::vocab::MeasureRole;

/// A measure's id.
pub(crate) const MEASURE_ID_BY_KEY: &str = "SELECT id FROM measures WHERE key = ?1";

/// A measure's key.
pub(crate) const MEASURE_KEY_BY_ID: &str = "SELECT key FROM measures WHERE id = ?1";

/// A measure's unit as stored (none for a measure without one, or no such measure).
pub(crate) fn measure_unit(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT unit FROM measures WHERE id = ?1")?
        .query_row([id], |r| r.get::<_, Option<String>>("unit"))
        .optional()?
        .flatten())
}

/// Sets a measure's unit; a blank one is none.
pub(crate) fn set_measure_unit(conn: &Connection, id: i64, unit: Option<&str>) -> Result<()> {
    conn.prepare_cached("UPDATE measures SET unit = ?1 WHERE id = ?2")?
        .execute(params![unit.and_then(super::sources::empty_null), id])?;
    Ok(())
}

/// The figure a claim gives for a measure.
pub(crate) const FIGURE_OF_CLAIM: &str =
    "SELECT id, notation FROM figures WHERE claim_id = ?1 AND measure_id = ?2";

/// The largest number a figure may hold, as the notation parser reads digits.
pub const MAX_FIGURE: i64 = 1_000_000_000_000;

/// Checks a measure key such as `defectors.foreign`.
pub fn check_key(key: &str) -> Result<String> {
    let k = key.trim();
    let ok = k.starts_with(|c: char| c.is_ascii_lowercase())
        && k.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
        && k.len() <= 100;
    if ok {
        Ok(k.to_string())
    } else {
        super::invalid(format!(
            "'{key}' is not a measure key; use lowercase letters, digits, dots, dashes and underscores, starting with a letter, such as defectors.foreign"
        ))
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct MeasureRow {
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
    pub figures: i64,
    pub voices: i64,
    /// The incident the measure counts for, and what it counts there.
    pub incident: Option<String>,
    pub role: Option<MeasureRole>,
    /// For a derived measure, its parts (`site.killed + site.missing`).
    pub sum_of: Option<String>,
    #[serde(skip)]
    pub id: i64,
}

/// One row of `figure list` and `export figures`. The fields after `published` are what
/// reconciliation needs and are not printed.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FigureRow {
    pub id: i64,
    pub uuid: String,
    pub measure: String,
    pub claim_id: i64,
    pub notation: String,
    pub kind: String,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    pub provisional: bool,
    pub rule: String,
    pub sources: Vec<String>,
    pub reliability: Vec<Reliability>,
    pub credibility: Credibility,
    pub rating: String,
    pub weight: f64,
    pub superseded: bool,
    pub article_id: i64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    #[serde(skip)]
    pub measure_id: i64,
    #[serde(skip)]
    pub source_ids: Vec<i64>,
    #[serde(skip)]
    pub outlet_id: Option<i64>,
    #[serde(skip)]
    pub tags: Vec<String>,
    #[serde(skip)]
    pub when_from: Option<String>,
    #[serde(skip)]
    pub when_to: Option<String>,
    #[serde(skip)]
    pub place: Option<String>,
    /// How the claim's `when` was given: `cumulative` ("since ...") runs to publication.
    #[serde(skip)]
    pub when_precision: Option<String>,
}

/// The highest reliability weight among the sources (F when none is known), times the
/// credibility weight.
pub fn weight(reliability: &[Reliability], credibility: Credibility) -> f64 {
    let best = reliability
        .iter()
        .map(|g| g.weight())
        .fold(None, |acc: Option<f64>, w| Some(acc.map_or(w, |a| a.max(w))));
    best.unwrap_or(Reliability::F.weight()) * credibility.weight()
}

const FIGURE_SELECT: &str = "SELECT f.id, f.uuid, m.key AS measure, f.measure_id, f.claim_id, f.notation, f.kind,
        f.low, f.high, f.point, f.provisional, f.rule,
        (SELECT group_concat(cs.source_id, char(31) ORDER BY cs.position) FROM claim_sources cs
            WHERE cs.claim_id = c.id) AS source_ids,
        c.credibility,
        EXISTS (SELECT 1 FROM links l WHERE l.to_claim = c.id AND l.relation = 'updates') AS superseded,
        c.article_id,
        (SELECT group_concat(t.tag, char(31) ORDER BY t.tag) FROM claim_tags t WHERE t.claim_id = c.id) AS tags,
        c.when_from, c.when_to, c.place, c.when_precision
    FROM figures f JOIN measures m ON m.id = f.measure_id JOIN claims c ON c.id = f.claim_id";

/// A figure from a row of [`FIGURE_SELECT`], its article's heading and its claim's sources
/// (id, name, grade, in attribution order), both read once each and remembered rather than
/// joined to every figure: with a million figures those joins were random page reads.
fn figure_row(
    r: &rusqlite::Row<'_>,
    heading: &Heading,
    attributed: Vec<(i64, String, Reliability)>,
) -> rusqlite::Result<FigureRow> {
    let (mut sources, mut source_ids, mut grades) = (Vec::new(), Vec::new(), Vec::new());
    for (id, name, grade) in attributed {
        source_ids.push(id);
        sources.push(name);
        grades.push(grade);
    }
    let reliability: Vec<Reliability> =
        if sources.is_empty() { heading.reliability.into_iter().collect() } else { grades };
    let credibility: Credibility = r.get("credibility")?;
    Ok(FigureRow {
        id: r.get("id")?,
        uuid: r.get("uuid")?,
        measure: r.get("measure")?,
        measure_id: r.get("measure_id")?,
        claim_id: r.get("claim_id")?,
        notation: r.get("notation")?,
        kind: r.get("kind")?,
        low: r.get("low")?,
        high: r.get("high")?,
        point: r.get("point")?,
        provisional: r.get("provisional")?,
        rule: r.get("rule")?,
        weight: weight(&reliability, credibility),
        rating: rating(&reliability, credibility),
        sources,
        source_ids,
        reliability,
        credibility,
        superseded: r.get("superseded")?,
        article_id: r.get("article_id")?,
        outlet: heading.outlet.clone(),
        outlet_id: heading.outlet_id,
        published: heading.published.clone(),
        tags: split_units(r.get("tags")?),
        when_from: r.get("when_from")?,
        when_to: r.get("when_to")?,
        place: r.get("place")?,
        when_precision: r.get("when_precision")?,
    })
}

/// Which figures to read.
#[derive(Debug, Clone, Copy, Default)]
pub struct FigureFilter {
    pub measure: Option<i64>,
    pub figure: Option<i64>,
    pub claim: Option<i64>,
}

/// Streams figures in measure order, then id order.
pub(crate) fn for_each_figure(
    conn: &Connection,
    filter: FigureFilter,
    mut f: impl FnMut(FigureRow) -> Result<()>,
) -> Result<()> {
    // Only the filters in use are written, so each can use its index.
    let mut w = Conditions::new();
    if let Some(m) = filter.measure {
        w.and("f.measure_id = :measure", ":measure", m);
    }
    if let Some(id) = filter.figure {
        w.and("f.id = :figure", ":figure", id);
    }
    if let Some(c) = filter.claim {
        w.and("f.claim_id = :claim", ":claim", c);
    }
    let mut stmt =
        conn.prepare_cached(&format!("{FIGURE_SELECT}{} ORDER BY f.measure_id, f.id", w.clause()))?;
    let mut headings = super::articles::headings(conn)?;
    let mut known_sources: super::articles::Remembered<'_, (String, Reliability)> =
        super::articles::Remembered::new(
            conn,
            "SELECT name, reliability FROM sources WHERE id = ?1",
            |r| Ok((r.get("name")?, r.get("reliability")?)),
            200_000,
        )?;
    let mut rows = stmt.query(&*w.params())?;
    while let Some(r) = rows.next()? {
        let mut attributed = Vec::new();
        for id in split_units(r.get("source_ids")?).iter().filter_map(|s| s.parse::<i64>().ok()) {
            let (name, grade) = known_sources.of(id)?;
            attributed.push((id, name.clone(), *grade));
        }
        let heading = headings.of(r.get("article_id")?)?;
        f(figure_row(r, heading, attributed)?)?;
    }
    Ok(())
}

pub(crate) fn figures_where(conn: &Connection, filter: FigureFilter) -> Result<Vec<FigureRow>> {
    let mut out = Vec::new();
    for_each_figure(conn, filter, |f| {
        out.push(f);
        Ok(())
    })?;
    Ok(out)
}

pub(crate) fn vague_table(conn: &Connection) -> Result<VagueTable> {
    let mut stmt = conn.prepare_cached("SELECT word, low, high, point FROM vague_terms")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>("word")?,
            VagueTerm { low: r.get("low")?, high: r.get("high")?, point: r.get("point")? },
        ))
    })?;
    let mut t = HashMap::new();
    for row in rows {
        let (w, term) = row?;
        t.insert(w, term);
    }
    Ok(t)
}

/// Finds a measure by key; an unknown key lists the nearest keys and never creates one.
pub fn measure_id(conn: &Connection, key: &str) -> Result<i64> {
    measure_id_but(conn, key, None)
}

/// `measure_id`, with a key the suggestions leave out (the sum being defined, which is no part
/// of itself).
pub(crate) fn measure_id_but(conn: &Connection, key: &str, not: Option<&str>) -> Result<i64> {
    let k = key.trim();
    if let Some(id) = conn.prepare_cached(MEASURE_ID_BY_KEY)?.query_row([k], |r| r.get("id")).optional()? {
        return Ok(id);
    }
    let mut stmt = conn.prepare("SELECT key FROM measures ORDER BY key")?;
    let mut keys: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get("key")?, r.get("key")?)))?.collect::<rusqlite::Result<_>>()?;
    keys.retain(|(key, _)| Some(key.as_str()) != not.map(str::trim));
    let near = super::did_you_mean(k, keys);
    let hint = if near.is_empty() {
        "add it first with `crosscheck measure add KEY --label LABEL`".to_string()
    } else {
        format!("did you mean: {}?", near.join(", "))
    };
    Err(Error::NotFound(format!("there is no measure '{k}'; {hint}")))
}

/// Reads a notation with the notebook's vague words.
pub fn read_notation(table: &VagueTable, notation: &str) -> Result<Reading> {
    notation::parse(notation, table).map_err(Error::Invalid)
}

/// `figure parse`: reads a wording with the vague words of the notebook at `path` when there is
/// one, else with the built-in table, so no notebook is needed. The first step says which table
/// was used.
pub fn parse_wording(path: Option<&std::path::Path>, notation: &str) -> Result<Reading> {
    let existing = path.filter(|p| p.is_file());
    let (table, from) = match existing {
        Some(p) => (
            Notebook::open(p, super::Access::Read)?.vague_table()?,
            format!("vague words: the notebook's table ({}; `crosscheck figure terms`)", p.display()),
        ),
        None => (
            notation::default_vague_table(),
            match path {
                Some(p) => {
                    format!("vague words: the built-in table (there is no notebook at {})", p.display())
                }
                None => "vague words: the built-in table (no notebook)".to_string(),
            },
        ),
    };
    let mut r = read_notation(&table, notation)?;
    if existing.is_none() {
        // The reader names the table a stored figure was read with; here no notebook was.
        let built_in = |t: &str| t.replace("from the notebook's terms", "from the built-in terms");
        r.rule = built_in(&r.rule);
        r.steps = r.steps.iter().map(|s| built_in(s)).collect();
    }
    r.steps.insert(0, from);
    Ok(r)
}

/// Reads and stores a figure inside an open transaction, refusing a second figure of one claim
/// for one measure. Returns its id.
pub(crate) fn insert_figure(
    tx: &Connection,
    claim: i64,
    measure: i64,
    notation: &str,
    table: &VagueTable,
    uuid: Option<&str>,
) -> Result<i64> {
    super::derived::refuse_figure_for_sum(tx, measure)?;
    let r = read_notation(table, notation)?;
    let existing: Option<(i64, String)> = tx
        .prepare_cached(FIGURE_OF_CLAIM)?
        .query_row(params![claim, measure], |r| Ok((r.get("id")?, r.get("notation")?)))
        .optional()?;
    if let Some((id, was)) = existing {
        return Err(Error::Conflict(format!(
            "claim #{claim} already gives figure #{id} ('{was}') for this measure; change it with \
             `crosscheck figure rm {id}` and add the new one"
        )));
    }
    tx.prepare_cached(
        "INSERT INTO figures (uuid, claim_id, measure_id, notation, kind, low, high, point, provisional, rule, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uuid.map(str::to_string).unwrap_or_else(new_uuid),
        claim,
        measure,
        notation.trim(),
        r.kind.as_str(),
        r.low,
        r.high,
        r.point,
        r.provisional,
        r.rule,
        now()
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Stores a figure's new reading (inside an open transaction).
pub(crate) fn update_reading(tx: &Connection, id: i64, notation: &str, r: &Reading) -> Result<()> {
    tx.execute(
        "UPDATE figures SET notation = ?1, kind = ?2, low = ?3, high = ?4, point = ?5, provisional = ?6, rule = ?7 WHERE id = ?8",
        params![notation.trim(), r.kind.as_str(), r.low, r.high, r.point, r.provisional, r.rule, id],
    )?;
    Ok(())
}

/// What `measure edit` changes; `None` leaves a field as it is (`Some(None)` or an empty text
/// clears it).
#[derive(Debug, Clone, Default)]
pub struct MeasureEdit {
    pub label: Option<String>,
    pub unit: Option<String>,
    pub incident: Option<Option<String>>,
    pub role: Option<Option<MeasureRole>>,
}

impl MeasureEdit {
    /// What an edit needs before a notebook is opened: something to change, and a label that
    /// is not empty. The command line refuses these with exit 2, the library as invalid.
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.label.is_none() && self.unit.is_none() && self.incident.is_none() && self.role.is_none() {
            return Err(
                "nothing to change; give --label, --unit, --incident or --role (`crosscheck measure edit --help`)"
                    .into(),
            );
        }
        if self.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
            return Err("--label is empty; a measure keeps a label".into());
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TermRow {
    pub word: String,
    pub low: i64,
    pub high: i64,
    pub point: i64,
}

fn figure_by_id(conn: &Connection, id: i64) -> Result<FigureRow> {
    figures_where(conn, FigureFilter { figure: Some(id), ..Default::default() })?.pop().ok_or_else(|| {
        Error::NotFound(format!("there is no figure #{id}; `crosscheck figure list` shows the ids"))
    })
}

fn claim_exists(conn: &Connection, id: i64) -> Result<()> {
    super::claims::is_claim(conn, id)?.then_some(()).ok_or_else(|| {
        Error::NotFound(format!("there is no claim #{id}; `crosscheck claim list` shows the ids"))
    })
}

impl Notebook {
    pub fn add_measure(&mut self, key: &str, label: &str, unit: Option<&str>) -> Result<MeasureRow> {
        self.add_measure_to(key, label, unit, None, None)
    }

    /// Adds a measure, tied to an incident (by key) with what it counts there when given.
    pub fn add_measure_to(
        &mut self,
        key: &str,
        label: &str,
        unit: Option<&str>,
        incident: Option<&str>,
        role: Option<MeasureRole>,
    ) -> Result<MeasureRow> {
        let key = check_key(key)?;
        if label.trim().is_empty() {
            return super::invalid(
                "--label is empty; say what the measure counts, such as 'foreign fighters who defected'",
            );
        }
        let tx = self.change()?;
        let exists: Option<i64> = tx.query_row(MEASURE_ID_BY_KEY, [&key], |r| r.get("id")).optional()?;
        if exists.is_some() {
            return Err(Error::Conflict(format!(
                "a measure '{key}' already exists; `crosscheck measure show {key}` shows it"
            )));
        }
        let incident_id = incident.map(|k| super::incidents::incident_id(&tx, k)).transpose()?;
        tx.execute(
            "INSERT INTO measures (uuid, key, label, unit, created_at, incident_id, role)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new_uuid(),
                key,
                label.trim(),
                unit.and_then(super::sources::empty_null),
                now(),
                incident_id,
                role
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(MeasureRow {
            id,
            key,
            label: label.trim().to_string(),
            unit: unit.and_then(super::sources::empty_null).map(str::to_string),
            figures: 0,
            voices: 0,
            incident: incident.map(|k| k.trim().to_string()),
            role,
            sum_of: None,
        })
    }

    /// Changes a measure's label, unit, incident or role (each kept in the history).
    pub fn edit_measure(&mut self, key: &str, e: &MeasureEdit) -> Result<()> {
        e.check().map_err(Error::Invalid)?;
        let tx = self.change()?;
        let id = measure_id(&tx, key)?;
        if let Some(label) = &e.label {
            tx.execute("UPDATE measures SET label = ?1 WHERE id = ?2", params![label.trim(), id])?;
        }
        if let Some(unit) = &e.unit {
            set_measure_unit(&tx, id, Some(unit))?;
        }
        if let Some(incident) = &e.incident {
            let incident_id = incident
                .as_deref()
                .filter(|k| !k.trim().is_empty())
                .map(|k| super::incidents::incident_id(&tx, k))
                .transpose()?;
            tx.execute("UPDATE measures SET incident_id = ?1 WHERE id = ?2", params![incident_id, id])?;
        }
        if let Some(role) = e.role {
            tx.execute("UPDATE measures SET role = ?1 WHERE id = ?2", params![role, id])?;
            super::derived::check_roles(&tx, id)?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn figures(&mut self, measure: Option<&str>) -> Result<Vec<FigureRow>> {
        let tx = self.read()?;
        let m = measure.map(|k| measure_id(&tx, k)).transpose()?;
        figures_where(&tx, FigureFilter { measure: m, ..Default::default() })
    }

    /// Streams every figure of a measure (or all figures), for exports.
    pub fn for_each_figure(
        &mut self,
        measure: Option<&str>,
        f: impl FnMut(FigureRow) -> Result<()>,
    ) -> Result<()> {
        let tx = self.read()?;
        let m = measure.map(|k| measure_id(&tx, k)).transpose()?;
        for_each_figure(&tx, FigureFilter { measure: m, ..Default::default() }, f)
    }

    pub fn figures_of_claim(&self, claim: i64) -> Result<Vec<FigureRow>> {
        figures_where(&self.conn, FigureFilter { claim: Some(claim), ..Default::default() })
    }

    pub fn figure(&self, id: i64) -> Result<FigureRow> {
        figure_by_id(&self.conn, id)
    }

    pub fn measure_id(&self, key: &str) -> Result<i64> {
        measure_id(&self.conn, key)
    }

    /// The label and unit of a measure, found by key as `measure_id` finds it.
    pub fn measure_label(&self, key: &str) -> Result<(String, Option<String>)> {
        let id = measure_id(&self.conn, key)?;
        Ok(self
            .conn
            .prepare_cached("SELECT label, unit FROM measures WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get("label")?, r.get("unit")?)))?)
    }

    /// The measure's `--role` (`killed`, `injured` ...), when it has one.
    pub fn measure_role(&self, key: &str) -> Result<Option<String>> {
        let id = measure_id(&self.conn, key)?;
        Ok(self
            .conn
            .prepare_cached("SELECT role FROM measures WHERE id = ?1")?
            .query_row([id], |r| r.get("role"))?)
    }

    pub fn add_figure(&mut self, claim: i64, measure: &str, notation: &str) -> Result<FigureRow> {
        let tx = self.change()?;
        claim_exists(&tx, claim)?;
        let m = measure_id(&tx, measure)?;
        let table = vague_table(&tx)?;
        let id = insert_figure(&tx, claim, m, notation, &table, None)?;
        let row = figure_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn remove_figure(&mut self, id: i64) -> Result<()> {
        let tx = self.change()?;
        if tx.execute("DELETE FROM figures WHERE id = ?1", [id])? == 0 {
            return Err(Error::NotFound(format!(
                "there is no figure #{id}; `crosscheck figure list` shows the ids"
            )));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn vague_table(&self) -> Result<VagueTable> {
        vague_table(&self.conn)
    }

    pub fn terms(&self) -> Result<Vec<TermRow>> {
        let mut stmt =
            self.conn.prepare("SELECT display, low, high, point FROM vague_terms ORDER BY low, word")?;
        let rows = stmt
            .query_map([], |r| {
                Ok(TermRow {
                    word: r.get("display")?,
                    low: r.get("low")?,
                    high: r.get("high")?,
                    point: r.get("point")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn set_term(&mut self, word: &str, low: i64, high: i64, point: i64) -> Result<TermRow> {
        let key = notation::vague_key(word);
        if key.is_empty() || !key.chars().any(char::is_alphabetic) {
            return super::invalid(format!(
                "'{word}' is not a word; give a vague word such as dozens or عشرات"
            ));
        }
        if !(0 <= low && low <= point && point <= high && high <= MAX_FIGURE) {
            return super::invalid(format!(
                "low {low}, point {point}, high {high} are out of order; a term needs 0 <= low <= point <= high <= {MAX_FIGURE}"
            ));
        }
        if let Some(why) = notation::not_a_vague_word(word) {
            return super::invalid(format!("{why}; give a vague word such as dozens or عشرات"));
        }
        if notation::parse(word, &HashMap::new()).is_ok() {
            return super::invalid(format!(
                "'{word}' already reads as a number; a vague word must not be one"
            ));
        }
        let tx = self.change()?;
        tx.execute(
            "INSERT INTO vague_terms (word, display, low, high, point) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (word) DO UPDATE SET display = excluded.display, low = excluded.low,
                high = excluded.high, point = excluded.point",
            params![key, word.trim(), low, high, point],
        )?;
        tx.commit()?;
        Ok(TermRow { word: word.trim().to_string(), low, high, point })
    }

    /// Applies the current vague-word table to existing figures and returns those it changed.
    pub fn reread(&mut self, measure: Option<&str>) -> Result<Vec<FigureRow>> {
        let tx = self.change()?;
        let m = measure.map(|k| measure_id(&tx, k)).transpose()?;
        let table = vague_table(&tx)?;
        let figs = figures_where(&tx, FigureFilter { measure: m, ..Default::default() })?;
        let mut changed = Vec::new();
        for f in figs {
            let r = read_notation(&table, &f.notation)
                .map_err(|e| Error::Invalid(format!("figure #{} can no longer be read: {e}", f.id)))?;
            if (r.kind.as_str(), r.low, r.high, r.point, r.provisional, r.rule.as_str())
                != (f.kind.as_str(), f.low, f.high, f.point, f.provisional, f.rule.as_str())
            {
                update_reading(&tx, f.id, &f.notation, &r)?;
                changed.push(f.id);
            }
        }
        let rows = changed.iter().map(|id| figure_by_id(&tx, *id)).collect::<Result<Vec<_>>>()?;
        tx.commit()?;
        Ok(rows)
    }
}
