//! Measures, figures, the vague-word table, and gathering a measure's figures for
//! reconciliation (and saving the result).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::{new_uuid, now, Error, Notebook, Result};
use crate::notation::{self, Reading, VagueTable, VagueTerm};
use crate::ratings::{Credibility, Reliability};
use crate::reconcile::{reconcile, FigureIn, Method, Outcome};
use crate::render::Cell;

const SEP: char = '\u{1F}';

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

#[derive(Debug, Clone)]
pub struct MeasureRow {
    pub id: i64,
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
    pub figures: i64,
    pub voices: i64,
}

impl MeasureRow {
    pub const COLUMNS: &'static [&'static str] = &["key", "label", "unit", "figures", "voices"];
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::text(&self.key),
            Cell::text(&self.label),
            Cell::opt_text(self.unit.clone()),
            Cell::Int(self.figures),
            Cell::Int(self.voices),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct FigureRow {
    pub id: i64,
    pub uuid: String,
    pub measure: String,
    pub measure_id: i64,
    pub claim_id: i64,
    pub notation: String,
    pub kind: String,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    pub rule: String,
    pub sources: Vec<String>,
    pub source_ids: Vec<i64>,
    pub reliability: Vec<String>,
    pub credibility: Credibility,
    pub superseded_by: Option<i64>,
    pub article_id: i64,
    pub outlet: Option<String>,
    pub outlet_id: Option<i64>,
    pub published: Option<String>,
}

impl FigureRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "id",
        "uuid",
        "measure",
        "claim_id",
        "notation",
        "kind",
        "low",
        "high",
        "point",
        "rule",
        "sources",
        "reliability",
        "credibility",
        "weight",
        "superseded",
        "article_id",
        "outlet",
        "published",
    ];

    /// The highest reliability weight among the sources, times the credibility weight.
    pub fn weight(&self) -> f64 {
        let best = self
            .reliability
            .iter()
            .filter_map(|g| g.parse::<Reliability>().ok())
            .map(Reliability::weight)
            .fold(None, |acc: Option<f64>, w| Some(acc.map_or(w, |a| a.max(w))))
            .unwrap_or(Reliability::F.weight());
        best * self.credibility.weight()
    }

    pub fn rating(&self) -> String {
        format!("{}{}", self.reliability.join("; "), self.credibility.value())
    }

    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Int(self.id),
            Cell::text(&self.uuid),
            Cell::text(&self.measure),
            Cell::Int(self.claim_id),
            Cell::text(&self.notation),
            Cell::text(&self.kind),
            Cell::Int(self.low),
            Cell::opt_int(self.high),
            Cell::Int(self.point),
            Cell::text(&self.rule),
            Cell::List(self.sources.clone()),
            Cell::List(self.reliability.clone()),
            Cell::Int(self.credibility.value()),
            Cell::Float(self.weight()),
            Cell::Bool(self.superseded_by.is_some()),
            Cell::Int(self.article_id),
            Cell::opt_text(self.outlet.clone()),
            Cell::opt_text(self.published.clone()),
        ]
    }
}

const FIGURE_SELECT: &str = "SELECT f.id, f.uuid, m.key, f.measure_id, f.claim_id, f.notation, f.kind,
        f.low, f.high, f.point, f.rule,
        (SELECT group_concat(s.name, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        (SELECT group_concat(s.id, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        (SELECT group_concat(s.reliability, char(31) ORDER BY cs.position) FROM claim_sources cs
            JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = c.id),
        o.reliability, c.credibility,
        (SELECT min(l.from_claim) FROM links l WHERE l.to_claim = c.id AND l.relation = 'updates'),
        c.article_id, o.name, a.outlet_id, a.published
    FROM figures f JOIN measures m ON m.id = f.measure_id JOIN claims c ON c.id = f.claim_id
    JOIN articles a ON a.id = c.article_id LEFT JOIN sources o ON o.id = a.outlet_id";

fn split(list: Option<String>) -> Vec<String> {
    list.map(|s| s.split(SEP).map(str::to_string).collect()).unwrap_or_default()
}

fn figure_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FigureRow> {
    let sources = split(r.get(11)?);
    let source_ids = split(r.get(12)?).iter().filter_map(|s| s.parse().ok()).collect();
    let mut reliability = split(r.get(13)?);
    if sources.is_empty() {
        reliability = r.get::<_, Option<String>>(14)?.into_iter().collect();
    }
    Ok(FigureRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        measure: r.get(2)?,
        measure_id: r.get(3)?,
        claim_id: r.get(4)?,
        notation: r.get(5)?,
        kind: r.get(6)?,
        low: r.get(7)?,
        high: r.get(8)?,
        point: r.get(9)?,
        rule: r.get(10)?,
        sources,
        source_ids,
        reliability,
        credibility: Credibility::new(r.get(15)?).unwrap_or(Credibility::UNJUDGED),
        superseded_by: r.get(16)?,
        article_id: r.get(17)?,
        outlet: r.get(18)?,
        outlet_id: r.get(19)?,
        published: r.get(20)?,
    })
}

pub fn for_each_figure(
    conn: &Connection,
    measure: Option<i64>,
    figure: Option<i64>,
    claim: Option<i64>,
    mut f: impl FnMut(FigureRow) -> Result<()>,
) -> Result<()> {
    // Only the filters in use are written, so each can use its index.
    let mut conds = Vec::new();
    let mut values = Vec::new();
    for (col, v) in [("f.measure_id", measure), ("f.id", figure), ("f.claim_id", claim)] {
        if let Some(v) = v {
            values.push(v);
            conds.push(format!("{col} = ?{}", values.len()));
        }
    }
    let clause = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
    let mut stmt = conn.prepare_cached(&format!("{FIGURE_SELECT}{clause} ORDER BY f.measure_id, f.id"))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(values))?;
    while let Some(r) = rows.next()? {
        f(figure_row(r)?)?;
    }
    Ok(())
}

pub fn vague_table(conn: &Connection) -> Result<VagueTable> {
    let mut stmt = conn.prepare_cached("SELECT word, low, high, point FROM vague_terms")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, VagueTerm { low: r.get(1)?, high: r.get(2)?, point: r.get(3)? }))
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
    let k = key.trim();
    if let Some(id) =
        conn.query_row("SELECT id FROM measures WHERE key = ?1", [k], |r| r.get(0)).optional()?
    {
        return Ok(id);
    }
    let mut stmt = conn.prepare("SELECT key FROM measures ORDER BY key")?;
    let keys: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut near: Vec<(usize, String)> = keys
        .into_iter()
        .map(|x| {
            let d = if x.contains(k) || k.contains(x.as_str()) {
                0
            } else {
                super::sources::edit_distance(&x, k)
            };
            (d, x)
        })
        .filter(|(d, x)| *d <= (x.len() / 3).max(2))
        .collect();
    near.sort();
    let hint = if near.is_empty() {
        "add it first with `crosscheck measure add KEY --label LABEL`".to_string()
    } else {
        format!("did you mean: {}?", near.into_iter().take(5).map(|(_, x)| x).collect::<Vec<_>>().join(", "))
    };
    Err(Error::NotFound(format!("there is no measure '{k}'; {hint}")))
}

/// Reads a notation with the notebook's vague words.
pub fn read_notation(table: &VagueTable, notation: &str) -> Result<Reading> {
    notation::parse(notation, table).map_err(Error::Invalid)
}

pub fn insert_figure(
    tx: &Transaction<'_>,
    claim: i64,
    measure: i64,
    notation: &str,
    r: &Reading,
    uuid: Option<&str>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO figures (uuid, claim_id, measure_id, notation, kind, low, high, point, rule, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            uuid.map(str::to_string).unwrap_or_else(new_uuid),
            claim,
            measure,
            notation.trim(),
            r.kind.as_str(),
            r.low,
            r.high,
            r.point,
            r.rule,
            now()
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

#[derive(Debug, Clone)]
pub struct TermRow {
    pub word: String,
    pub low: i64,
    pub high: i64,
    pub point: i64,
}

impl TermRow {
    pub const COLUMNS: &'static [&'static str] = &["word", "low", "high", "point"];
    pub fn cells(&self) -> Vec<Cell> {
        vec![Cell::text(&self.word), Cell::Int(self.low), Cell::Int(self.high), Cell::Int(self.point)]
    }
}

#[derive(Debug, Clone)]
pub struct ReconciliationRow {
    pub id: i64,
    pub measure: String,
    pub method: String,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub conflict: bool,
    pub support: String,
    pub figures: i64,
    pub voices: i64,
    pub note: Option<String>,
    pub stale: bool,
    pub created_at: String,
}

impl ReconciliationRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "id",
        "measure",
        "method",
        "low",
        "best",
        "high",
        "open_high",
        "conflict",
        "support",
        "figures",
        "voices",
        "note",
        "stale",
        "created_at",
    ];
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Int(self.id),
            Cell::text(&self.measure),
            Cell::text(&self.method),
            Cell::opt_int(self.low),
            Cell::opt_int(self.best),
            Cell::opt_int(self.high),
            Cell::Bool(self.open_high),
            Cell::Bool(self.conflict),
            Cell::text(&self.support),
            Cell::Int(self.figures),
            Cell::Int(self.voices),
            Cell::opt_text(self.note.clone()),
            Cell::Bool(self.stale),
            Cell::text(&self.created_at),
        ]
    }
}

/// Reconciliation input for each figure: eligibility and voice keys.
pub fn figure_inputs(roots: &HashMap<i64, i64>, figures: &[FigureRow]) -> Vec<FigureIn> {
    figures
        .iter()
        .map(|f| {
            let grades: Vec<Reliability> = f.reliability.iter().filter_map(|g| g.parse().ok()).collect();
            let excluded = if let Some(by) = f.superseded_by {
                Some(format!("superseded: claim #{by} updates claim #{}", f.claim_id))
            } else if f.credibility.value() == 5 {
                Some("claim credibility 5 (improbable)".to_string())
            } else if !grades.is_empty() && grades.iter().all(|g| *g == Reliability::E) {
                Some("all sources rated E (unreliable)".to_string())
            } else {
                None
            };
            // One voice: a shared originating source (the outlet, for its own reporting), or the
            // same source set in articles that are copies of each other.
            let originators: Vec<i64> = if f.source_ids.is_empty() {
                f.outlet_id.into_iter().collect()
            } else {
                f.source_ids.clone()
            };
            let mut keys: Vec<String> = originators.iter().map(|s| format!("source:{s}")).collect();
            let root = roots.get(&f.article_id).copied().unwrap_or(f.article_id);
            let set = if f.source_ids.is_empty() {
                "own".to_string()
            } else {
                let mut ids = f.source_ids.clone();
                ids.sort();
                ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
            };
            keys.push(format!("copy:{root}:{set}"));
            FigureIn {
                figure_id: f.id,
                low: f.low,
                high: f.high,
                point: f.point,
                weight: f.weight(),
                excluded,
                voice_keys: keys,
                published: f.published.clone(),
            }
        })
        .collect()
}

/// Each article's earliest ancestor along near-duplicate links.
pub fn duplicate_roots(conn: &Connection) -> Result<HashMap<i64, i64>> {
    let mut stmt = conn
        .prepare_cached("SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IS NOT NULL")?;
    let parent: HashMap<i64, i64> = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut roots = HashMap::new();
    for &id in parent.keys() {
        let mut r = id;
        let mut steps = 0;
        while let Some(&p) = parent.get(&r) {
            r = p;
            steps += 1;
            if steps > 10_000 {
                break;
            }
        }
        roots.insert(id, r);
    }
    Ok(roots)
}

/// One measure's reconciliation with everything needed to print it.
#[derive(Debug, Clone)]
pub struct Reconciled {
    pub measure_id: i64,
    pub key: String,
    pub label: String,
    pub figures: Vec<FigureRow>,
    pub outcome: Outcome,
    pub method: Method,
    pub saved: Option<ReconciliationRow>,
}

impl Notebook {
    pub fn add_measure(&mut self, key: &str, label: &str, unit: Option<&str>) -> Result<MeasureRow> {
        let key = check_key(key)?;
        if label.trim().is_empty() {
            return super::invalid(
                "--label is empty; say what the measure counts, such as 'foreign fighters who defected'",
            );
        }
        let tx = self.write()?;
        let exists: Option<i64> =
            tx.query_row("SELECT id FROM measures WHERE key = ?1", [&key], |r| r.get(0)).optional()?;
        if exists.is_some() {
            return Err(Error::Conflict(format!(
                "a measure '{key}' already exists; `crosscheck measure show {key}` shows it"
            )));
        }
        tx.execute(
            "INSERT INTO measures (uuid, key, label, unit, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![new_uuid(), key, label.trim(), unit.map(str::trim).filter(|u| !u.is_empty()), now()],
        )?;
        tx.commit()?;
        self.measure(&key)
    }

    pub fn measures(&self) -> Result<Vec<MeasureRow>> {
        let mut stmt = self.conn.prepare("SELECT id, key, label, unit FROM measures ORDER BY key")?;
        let base: Vec<(i64, String, String, Option<String>)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // Counts only are kept; one measure's figures are in memory at a time.
        let roots = duplicate_roots(&self.conn)?;
        let mut counts: HashMap<i64, (i64, i64)> = HashMap::new();
        for_each_measure_figures(&self.conn, None, |id, figs| {
            let o = reconcile(&figure_inputs(&roots, &figs), Method::Weighted, false, None);
            counts.insert(id, (o.figures as i64, o.voices as i64));
            Ok(())
        })?;
        Ok(base
            .into_iter()
            .map(|(id, key, label, unit)| {
                let (figures, voices) = counts.get(&id).copied().unwrap_or((0, 0));
                MeasureRow { id, key, label, unit, figures, voices }
            })
            .collect())
    }

    /// One measure with its counts: only its own figures are read and reconciled.
    pub fn measure(&self, key: &str) -> Result<MeasureRow> {
        let id = measure_id(&self.conn, key)?;
        let (key, label, unit): (String, String, Option<String>) =
            self.conn.query_row("SELECT key, label, unit FROM measures WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let roots = duplicate_roots(&self.conn)?;
        let (mut figures, mut voices) = (0, 0);
        for_each_measure_figures(&self.conn, Some(id), |_, figs| {
            let o = reconcile(&figure_inputs(&roots, &figs), Method::Weighted, false, None);
            (figures, voices) = (o.figures as i64, o.voices as i64);
            Ok(())
        })?;
        Ok(MeasureRow { id, key, label, unit, figures, voices })
    }

    pub fn figures(&self, measure: Option<&str>) -> Result<Vec<FigureRow>> {
        let m = measure.map(|k| measure_id(&self.conn, k)).transpose()?;
        let mut out = Vec::new();
        for_each_figure(&self.conn, m, None, None, |f| {
            out.push(f);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn figures_of_claim(&self, claim: i64) -> Result<Vec<FigureRow>> {
        let mut out = Vec::new();
        for_each_figure(&self.conn, None, None, Some(claim), |f| {
            out.push(f);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn figure(&self, id: i64) -> Result<FigureRow> {
        let mut found = None;
        for_each_figure(&self.conn, None, Some(id), None, |f| {
            found = Some(f);
            Ok(())
        })?;
        found.ok_or_else(|| {
            Error::NotFound(format!("there is no figure #{id}; `crosscheck figure list` shows the ids"))
        })
    }

    pub fn add_figure(&mut self, claim: i64, measure: &str, notation: &str) -> Result<FigureRow> {
        let tx = self.write()?;
        super::claims::claim_by_id(&tx, claim)?;
        let m = measure_id(&tx, measure)?;
        let table = vague_table(&tx)?;
        let reading = read_notation(&table, notation)?;
        let id = insert_figure(&tx, claim, m, notation, &reading, None)?;
        tx.commit()?;
        self.figure(id)
    }

    pub fn remove_figure(&mut self, id: i64) -> Result<()> {
        let tx = self.write()?;
        let n = tx.execute("DELETE FROM figures WHERE id = ?1", [id])?;
        if n == 0 {
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
                Ok(TermRow { word: r.get(0)?, low: r.get(1)?, high: r.get(2)?, point: r.get(3)? })
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
        if !(0 <= low && low <= point && point <= high) {
            return super::invalid(format!(
                "low {low}, point {point}, high {high} are out of order; a term needs 0 <= low <= point <= high"
            ));
        }
        if notation::parse(word, &HashMap::new()).is_ok() {
            return super::invalid(format!(
                "'{word}' already reads as a number; a vague word must not be one"
            ));
        }
        let tx = self.write()?;
        tx.execute(
            "INSERT INTO vague_terms (word, display, low, high, point) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (word) DO UPDATE SET display = excluded.display, low = excluded.low,
                high = excluded.high, point = excluded.point",
            params![key, word.trim(), low, high, point],
        )?;
        tx.commit()?;
        Ok(TermRow { word: word.trim().to_string(), low, high, point })
    }

    /// Applies the current vague-word table to existing figures. Returns the ids changed.
    pub fn reread(&mut self, measure: Option<&str>) -> Result<Vec<i64>> {
        let m = measure.map(|k| measure_id(&self.conn, k)).transpose()?;
        let tx = self.write()?;
        let table = vague_table(&tx)?;
        let mut figs = Vec::new();
        for_each_figure(&tx, m, None, None, |f| {
            figs.push(f);
            Ok(())
        })?;
        let mut changed = Vec::new();
        for f in figs {
            let r = read_notation(&table, &f.notation)
                .map_err(|e| Error::Invalid(format!("figure #{} can no longer be read: {e}", f.id)))?;
            if (r.kind.as_str(), r.low, r.high, r.point, r.rule.as_str())
                != (f.kind.as_str(), f.low, f.high, f.point, f.rule.as_str())
            {
                tx.execute(
                    "UPDATE figures SET kind = ?1, low = ?2, high = ?3, point = ?4, rule = ?5 WHERE id = ?6",
                    params![r.kind.as_str(), r.low, r.high, r.point, r.rule, f.id],
                )?;
                changed.push(f.id);
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Reconciles the given measures, or every measure (in the order they were added) with
    /// `all`, handing each result to `out` as soon as it is ready: one measure's figures are in
    /// memory at a time. With `save`, every result is stored with its note in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub fn reconcile_each(
        &self,
        keys: &[String],
        all: bool,
        method: Method,
        include_all: bool,
        value: Option<i64>,
        save: Option<Option<&str>>,
        mut out: impl FnMut(Reconciled) -> Result<()>,
    ) -> Result<()> {
        let measures: Vec<(i64, String, String)> = if all {
            let mut stmt = self.conn.prepare("SELECT id, key, label FROM measures ORDER BY id")?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            rows
        } else {
            let mut v = Vec::new();
            for k in keys {
                let id = measure_id(&self.conn, k)?;
                let label: String =
                    self.conn.query_row("SELECT label FROM measures WHERE id = ?1", [id], |r| r.get(0))?;
                v.push((id, k.trim().to_string(), label));
            }
            v
        };
        let roots = duplicate_roots(&self.conn)?;
        let guard = match save {
            Some(_) => Some(WriteGuard::begin(&self.conn)?),
            None => None,
        };
        let note = save.flatten();
        let mut emit = |(id, key, label): &(i64, String, String), figures: Vec<FigureRow>| -> Result<()> {
            let outcome = reconcile(&figure_inputs(&roots, &figures), method, include_all, value);
            let mut r = Reconciled {
                measure_id: *id,
                key: key.clone(),
                label: label.clone(),
                figures,
                outcome,
                method,
                saved: None,
            };
            if save.is_some() {
                r.saved = Some(save_one(&self.conn, &r, note)?);
            }
            out(r)
        };
        if all {
            // Figures stream in measure order; measures without any are emitted in their place.
            let mut next = 0;
            for_each_measure_figures(&self.conn, None, |id, figures| {
                while next < measures.len() && measures[next].0 < id {
                    emit(&measures[next], Vec::new())?;
                    next += 1;
                }
                if next < measures.len() && measures[next].0 == id {
                    emit(&measures[next], figures)?;
                    next += 1;
                }
                Ok(())
            })?;
            for m in &measures[next..] {
                emit(m, Vec::new())?;
            }
        } else {
            for m in &measures {
                let mut figures = Vec::new();
                for_each_figure(&self.conn, Some(m.0), None, None, |f| {
                    figures.push(f);
                    Ok(())
                })?;
                emit(m, figures)?;
            }
        }
        if let Some(g) = guard {
            g.commit()?;
        }
        Ok(())
    }

    /// Reconciles the given measures into a list (for `measure show` and small requests).
    pub fn reconcile(
        &self,
        keys: &[String],
        all: bool,
        method: Method,
        include_all: bool,
        value: Option<i64>,
    ) -> Result<Vec<Reconciled>> {
        let mut out = Vec::new();
        self.reconcile_each(keys, all, method, include_all, value, None, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    pub fn reconciliations(&self, measure: Option<&str>) -> Result<Vec<ReconciliationRow>> {
        let m = measure.map(|k| measure_id(&self.conn, k)).transpose()?;
        let mut stmt = self.conn.prepare(&format!(
            "{RECONCILIATION_SELECT} WHERE (?1 IS NULL OR r.measure_id = ?1) ORDER BY r.id"
        ))?;
        let rows = stmt.query_map([m], reconciliation_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// Streams every measure that has figures, in measure order, with its figures: one measure in
/// memory at a time.
fn for_each_measure_figures(
    conn: &Connection,
    only: Option<i64>,
    mut f: impl FnMut(i64, Vec<FigureRow>) -> Result<()>,
) -> Result<()> {
    let mut current: Option<(i64, Vec<FigureRow>)> = None;
    for_each_figure(conn, only, None, None, |fig| {
        match current.as_mut() {
            Some((id, figs)) if *id == fig.measure_id => figs.push(fig),
            _ => {
                if let Some((id, figs)) = current.take() {
                    f(id, figs)?;
                }
                current = Some((fig.measure_id, vec![fig]));
            }
        }
        Ok(())
    })?;
    if let Some((id, figs)) = current {
        f(id, figs)?;
    }
    Ok(())
}

/// A write transaction on a shared connection, rolled back unless committed.
struct WriteGuard<'a> {
    conn: &'a Connection,
    open: bool,
}

impl<'a> WriteGuard<'a> {
    fn begin(conn: &'a Connection) -> Result<WriteGuard<'a>> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        Ok(WriteGuard { conn, open: true })
    }
    fn commit(mut self) -> Result<()> {
        self.conn.execute_batch("COMMIT")?;
        self.open = false;
        Ok(())
    }
}

impl Drop for WriteGuard<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// Stores one reconciliation with the ids of the figures it used.
fn save_one(conn: &Connection, r: &Reconciled, note: Option<&str>) -> Result<ReconciliationRow> {
    let o = &r.outcome;
    let ids = serde_json::to_string(&o.used).unwrap_or_else(|_| "[]".into());
    conn.prepare_cached(
        "INSERT INTO reconciliations (uuid, measure_id, method, low, best, high, open_high, conflict,
            support, figures, voices, figure_ids, note, stale, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, ?14)",
    )?
    .execute(params![
        new_uuid(),
        r.measure_id,
        r.method.as_str(),
        o.low,
        o.best,
        o.high,
        o.open_high,
        o.conflict,
        o.support,
        o.figures as i64,
        o.voices as i64,
        ids,
        note.map(str::trim).filter(|n| !n.is_empty()),
        now()
    ])?;
    reconciliation_by_id(conn, conn.last_insert_rowid())
}

const RECONCILIATION_SELECT: &str =
    "SELECT r.id, m.key, r.method, r.low, r.best, r.high, r.open_high, r.conflict,
        r.support, r.figures, r.voices, r.note, r.stale, r.created_at
    FROM reconciliations r JOIN measures m ON m.id = r.measure_id";

fn reconciliation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReconciliationRow> {
    Ok(ReconciliationRow {
        id: r.get(0)?,
        measure: r.get(1)?,
        method: r.get(2)?,
        low: r.get(3)?,
        best: r.get(4)?,
        high: r.get(5)?,
        open_high: r.get(6)?,
        conflict: r.get(7)?,
        support: r.get(8)?,
        figures: r.get(9)?,
        voices: r.get(10)?,
        note: r.get(11)?,
        stale: r.get(12)?,
        created_at: r.get(13)?,
    })
}

fn reconciliation_by_id(conn: &Connection, id: i64) -> Result<ReconciliationRow> {
    Ok(conn.query_row(&format!("{RECONCILIATION_SELECT} WHERE r.id = ?1"), [id], reconciliation_row)?)
}
