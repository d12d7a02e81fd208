//! Sources: who claims come from, their Admiralty reliability and its history, and finding a
//! source by id or by name.

use rusqlite::{params, Connection, OptionalExtension};

use super::{new_uuid, now, parse_id, Error, Notebook, Result};
use crate::ratings::Reliability;
use crate::render::Cell;

#[derive(Debug, Clone)]
pub struct SourceRow {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub kind: String,
    pub affiliation: Option<String>,
    pub named: bool,
    pub reliability: Reliability,
    pub note: Option<String>,
    pub claims: i64,
}

impl SourceRow {
    pub const COLUMNS: &'static [&'static str] = &[
        "id",
        "uuid",
        "name",
        "kind",
        "affiliation",
        "named",
        "reliability",
        "reliability_label",
        "note",
        "claims",
    ];

    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::Int(self.id),
            Cell::text(&self.uuid),
            Cell::text(&self.name),
            Cell::text(&self.kind),
            Cell::opt_text(self.affiliation.clone()),
            Cell::Bool(self.named),
            Cell::text(self.reliability.letter()),
            Cell::text(self.reliability.label()),
            Cell::opt_text(self.note.clone()),
            Cell::Int(self.claims),
        ]
    }
}

#[derive(Debug, Clone)]
pub struct RatingRow {
    pub from: Option<String>,
    pub to: String,
    pub why: String,
    pub at: String,
}

impl RatingRow {
    pub const COLUMNS: &'static [&'static str] = &["from", "to", "why", "at"];
    pub fn cells(&self) -> Vec<Cell> {
        vec![
            Cell::opt_text(self.from.clone()),
            Cell::text(&self.to),
            Cell::text(&self.why),
            Cell::text(&self.at),
        ]
    }
}

/// What `source add` and `source edit` take.
#[derive(Debug, Clone, Default)]
pub struct SourceFields {
    pub name: Option<String>,
    pub kind: Option<String>,
    pub affiliation: Option<String>,
    pub named: Option<bool>,
    pub note: Option<String>,
}

const SOURCE_SELECT: &str = "SELECT s.id, s.uuid, s.name, s.kind, s.affiliation, s.named,
        s.reliability, s.note,
        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id)
    FROM sources s";

fn source_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SourceRow> {
    let grade: String = r.get(6)?;
    Ok(SourceRow {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        affiliation: r.get(4)?,
        named: r.get(5)?,
        reliability: grade.parse().unwrap_or(Reliability::F),
        note: r.get(7)?,
        claims: r.get(8)?,
    })
}

/// Names compare as search does: without regard to case, harakat, alef forms or spacing, so
/// "ناشطون محليّون" is "ناشطون محليون" and "Raqqa activists" is "RAQQA  ACTIVISTS".
fn name_key(name: &str) -> String {
    crate::normalize::normalize(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    let key = name_key(name);
    let mut stmt = conn.prepare_cached("SELECT id, name FROM sources")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (id, n) = row?;
        if name_key(&n) == key {
            return Ok(Some(id));
        }
    }
    Ok(None)
}

/// Up to five names close to what was typed, for error messages.
fn near_names(conn: &Connection, typed: &str) -> Result<Vec<String>> {
    let key = name_key(typed);
    let mut stmt = conn.prepare("SELECT name FROM sources")?;
    let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let mut scored: Vec<(usize, String)> = names
        .into_iter()
        .map(|n| {
            let k = name_key(&n);
            let d = if k.contains(&key) || key.contains(&k) { 0 } else { edit_distance(&k, &key) };
            (d, n)
        })
        .filter(|(d, n)| *d <= (n.chars().count() / 3).max(2))
        .collect();
    scored.sort();
    Ok(scored.into_iter().take(5).map(|(_, n)| n).collect())
}

pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Finds a source given as `12`, `#12` or its name.
pub fn resolve(conn: &Connection, given: &str) -> Result<i64> {
    let t = given.trim();
    let looks_like_id = t.strip_prefix('#').unwrap_or(t).chars().all(|c| c.is_ascii_digit()) && !t.is_empty();
    if looks_like_id {
        if let Some(id) = find_by_name(conn, t)? {
            return Ok(id);
        }
        let id = parse_id(t, "source")?;
        let exists: Option<i64> =
            conn.query_row("SELECT id FROM sources WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        return exists.ok_or_else(|| {
            Error::NotFound(format!("there is no source #{id}; `crosscheck source list` shows the ids"))
        });
    }
    if let Some(id) = find_by_name(conn, t)? {
        return Ok(id);
    }
    let near = near_names(conn, t)?;
    let hint = if near.is_empty() {
        "add it with `crosscheck source add NAME --kind KIND`".to_string()
    } else {
        format!("did you mean: {}?", near.join(", "))
    };
    Err(Error::NotFound(format!("there is no source named '{given}'; {hint}")))
}

/// The id of the outlet of that name, created (kind `outlet`, rated F) when unknown.
pub fn find_or_create_outlet(conn: &Connection, name: &str) -> Result<i64> {
    if name.trim().is_empty() {
        return super::invalid("the outlet name is empty; give the publisher's name");
    }
    if let Some(id) = find_by_name(conn, name)? {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO sources (uuid, name, kind, named, reliability, created_at) VALUES (?1, ?2, 'outlet', 1, 'F', ?3)",
        params![new_uuid(), name.trim(), now()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn source_by_id(conn: &Connection, id: i64) -> Result<SourceRow> {
    conn.query_row(&format!("{SOURCE_SELECT} WHERE s.id = ?1"), [id], source_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("there is no source #{id}")))
}

impl Notebook {
    pub fn resolve_source(&self, given: &str) -> Result<i64> {
        resolve(&self.conn, given)
    }

    pub fn add_source(
        &mut self,
        fields: &SourceFields,
        reliability: Option<Reliability>,
    ) -> Result<SourceRow> {
        let name = fields.name.as_deref().map(str::trim).unwrap_or("");
        if name.is_empty() {
            return super::invalid("the source name is empty; give a name such as 'Raqqa local activists'");
        }
        let tx = self.write()?;
        if let Some(id) = find_by_name(&tx, name)? {
            let existing = source_by_id(&tx, id)?;
            return Err(Error::Conflict(format!(
                "a source named '{}' already exists (#{id}); names are the same whatever their case",
                existing.name
            )));
        }
        let grade = reliability.unwrap_or(Reliability::F);
        tx.execute(
            "INSERT INTO sources (uuid, name, kind, affiliation, named, reliability, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                new_uuid(),
                name,
                fields.kind.as_deref().unwrap_or("other"),
                fields.affiliation,
                fields.named.unwrap_or(true),
                grade.letter(),
                fields.note,
                now()
            ],
        )?;
        let id = tx.last_insert_rowid();
        if grade != Reliability::F {
            tx.execute(
                "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at)
                 VALUES (?1, ?2, NULL, ?3, 'rated when added', ?4)",
                params![new_uuid(), id, grade.letter(), now()],
            )?;
        }
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn sources(&self) -> Result<Vec<SourceRow>> {
        let mut stmt = self.conn.prepare(&format!("{SOURCE_SELECT} ORDER BY s.id"))?;
        let rows = stmt.query_map([], source_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn source(&self, id: i64) -> Result<SourceRow> {
        source_by_id(&self.conn, id)
    }

    pub fn sources_of_claim(&self, claim: i64) -> Result<Vec<SourceRow>> {
        let mut stmt = self.conn.prepare(&format!(
            "{SOURCE_SELECT} JOIN claim_sources c ON c.source_id = s.id WHERE c.claim_id = ?1 ORDER BY c.position"
        ))?;
        let rows = stmt.query_map([claim], source_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn rating_history(&self, id: i64) -> Result<Vec<RatingRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT from_grade, to_grade, why, at FROM source_ratings WHERE source_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(RatingRow { from: r.get(0)?, to: r.get(1)?, why: r.get(2)?, at: r.get(3)? })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn edit_source(&mut self, id: i64, fields: &SourceFields) -> Result<SourceRow> {
        let tx = self.write()?;
        let current = source_by_id(&tx, id)?;
        if let Some(name) = &fields.name {
            let name = name.trim();
            if name.is_empty() {
                return super::invalid("the new source name is empty; give a name");
            }
            if let Some(other) = find_by_name(&tx, name)? {
                if other != id {
                    return Err(Error::Conflict(format!(
                        "a source named '{name}' already exists (#{other}); use `source merge` to make them one"
                    )));
                }
            }
            tx.execute("UPDATE sources SET name = ?1 WHERE id = ?2", params![name, id])?;
        }
        if let Some(kind) = &fields.kind {
            tx.execute("UPDATE sources SET kind = ?1 WHERE id = ?2", params![kind, id])?;
        }
        if let Some(a) = &fields.affiliation {
            tx.execute("UPDATE sources SET affiliation = ?1 WHERE id = ?2", params![empty_null(a), id])?;
        }
        if let Some(named) = fields.named {
            tx.execute("UPDATE sources SET named = ?1 WHERE id = ?2", params![named, id])?;
        }
        if let Some(n) = &fields.note {
            tx.execute("UPDATE sources SET note = ?1 WHERE id = ?2", params![empty_null(n), id])?;
        }
        let _ = current;
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn rate_source(&mut self, id: i64, grade: Reliability, why: &str) -> Result<SourceRow> {
        if why.trim().is_empty() {
            return super::invalid(
                "--why is empty; say why the rating changes, such as 'two reports confirmed'",
            );
        }
        let tx = self.write()?;
        let current = source_by_id(&tx, id)?;
        tx.execute("UPDATE sources SET reliability = ?1 WHERE id = ?2", params![grade.letter(), id])?;
        tx.execute(
            "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![new_uuid(), id, current.reliability.letter(), grade.letter(), why.trim(), now()],
        )?;
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    /// Moves every attribution, article and rating of FROM to INTO, then removes FROM.
    pub fn merge_sources(&mut self, from: i64, into: i64) -> Result<SourceRow> {
        if from == into {
            return super::invalid(format!(
                "cannot merge source #{from} into itself; give two different sources"
            ));
        }
        let tx = self.write()?;
        source_by_id(&tx, from)?;
        source_by_id(&tx, into)?;
        // A claim that already names INTO keeps that attribution; FROM's duplicate goes.
        tx.execute(
            "DELETE FROM claim_sources WHERE source_id = ?1
               AND claim_id IN (SELECT claim_id FROM claim_sources WHERE source_id = ?2)",
            params![from, into],
        )?;
        tx.execute("UPDATE claim_sources SET source_id = ?2 WHERE source_id = ?1", params![from, into])?;
        tx.execute("UPDATE articles SET outlet_id = ?2 WHERE outlet_id = ?1", params![from, into])?;
        tx.execute("UPDATE source_ratings SET source_id = ?2 WHERE source_id = ?1", params![from, into])?;
        tx.execute("DELETE FROM sources WHERE id = ?1", [from])?;
        let row = source_by_id(&tx, into)?;
        tx.commit()?;
        Ok(row)
    }
}

fn empty_null(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}
