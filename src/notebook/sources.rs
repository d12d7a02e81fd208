//! Sources: who claims come from, their Admiralty reliability and its history, their other
//! names (aliases), and finding a source by id, name or alias through its indexed name key.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{new_uuid, now, Error, Notebook, Result};
use crate::ratings::Reliability;
use crate::vocab::SourceKind;

/// One alias of one source.
pub(crate) const ALIAS_DELETE: &str = "DELETE FROM source_aliases WHERE alias_key = ?1 AND source_id = ?2";

/// A source's grade as it is now (its history is in source_ratings).
pub(crate) const RELIABILITY_SET: &str = "UPDATE sources SET reliability = ?1 WHERE id = ?2";

/// A source's alias, with its key for lookups.
pub(crate) const ALIAS_INSERT: &str =
    "INSERT INTO source_aliases (alias_key, source_id, alias, created_at) VALUES (?1, ?2, ?3, ?4)";

/// One row of `source list` and `export sources`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SourceRow {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: SourceKind,
    pub affiliation: Option<String>,
    pub named: bool,
    pub reliability: Reliability,
    pub reliability_label: String,
    pub note: Option<String>,
    pub claims: i64,
}

/// One change of a source's rating.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RatingRow {
    pub from: Option<Reliability>,
    pub to: Reliability,
    pub why: String,
    pub at: String,
}

/// One other name of a source.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AliasRow {
    pub source_id: i64,
    pub source: String,
    pub alias: String,
}

/// What `source add` and `source edit` take; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SourceFields {
    pub name: Option<String>,
    pub kind: Option<SourceKind>,
    pub affiliation: Option<String>,
    pub named: Option<bool>,
    pub note: Option<String>,
}

pub(crate) const SOURCE_SELECT: &str = "SELECT s.id, s.uuid, s.name,
        (SELECT group_concat(a.alias, char(31)) FROM (SELECT alias FROM source_aliases
            WHERE source_id = s.id ORDER BY alias) a) AS aliases,
        s.kind, s.affiliation, s.named, s.reliability, s.note,
        (SELECT count(*) FROM claim_sources cs WHERE cs.source_id = s.id)
          + (SELECT count(*) FROM articles a JOIN claims c ON c.article_id = a.id
             WHERE a.outlet_id = s.id
               AND NOT EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = c.id)) AS claims
    FROM sources s";

/// Splits a list that SQL joined with the unit separator (a character nobody types).
pub(crate) fn split_units(list: Option<String>) -> Vec<String> {
    list.map(|s| s.split('\u{1F}').map(str::to_string).collect()).unwrap_or_default()
}

pub(crate) fn source_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<SourceRow> {
    let reliability: Reliability = r.get("reliability")?;
    Ok(SourceRow {
        id: r.get("id")?,
        uuid: r.get("uuid")?,
        name: r.get("name")?,
        aliases: split_units(r.get("aliases")?),
        kind: r.get("kind")?,
        affiliation: r.get("affiliation")?,
        named: r.get("named")?,
        reliability,
        reliability_label: reliability.label().to_string(),
        note: r.get("note")?,
        claims: r.get("claims")?,
    })
}

/// Names compare as search does: without regard to case, harakat, alef forms or spacing, so
/// "ناشطون محليّون" is "ناشطون محليون" and "Raqqa activists" is "RAQQA  ACTIVISTS".
pub fn name_key(name: &str) -> String {
    crate::normalize::normalize(name).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The source that holds a name key, as its name or as an alias.
pub fn find_by_key(conn: &Connection, key: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM sources WHERE name_key = ?1
             UNION ALL SELECT source_id FROM source_aliases WHERE alias_key = ?1 LIMIT 1",
        )?
        .query_row([key], |r| r.get("id"))
        .optional()?)
}

pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<i64>> {
    find_by_key(conn, &name_key(name))
}

/// Who holds a name key already, in words: "the source #3 'X'" or "an alias of #3 'X'".
fn holder(conn: &Connection, key: &str) -> Result<Option<String>> {
    let by_name: Option<(i64, String)> = conn
        .query_row("SELECT id, name FROM sources WHERE name_key = ?1", [key], |r| {
            Ok((r.get("id")?, r.get("name")?))
        })
        .optional()?;
    if let Some((id, name)) = by_name {
        return Ok(Some(format!("the source #{id} '{name}'")));
    }
    let by_alias: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT s.id, s.name, a.alias FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias_key = ?1",
            [key],
            |r| Ok((r.get("id")?, r.get("name")?, r.get("alias")?)),
        )
        .optional()?;
    Ok(by_alias.map(|(id, name, alias)| format!("'{alias}', an alias of the source #{id} '{name}'")))
}

/// Up to five names or aliases close to what was typed, best first.
fn near_names(conn: &Connection, typed: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT name, name_key FROM sources UNION ALL SELECT alias, alias_key FROM source_aliases",
    )?;
    let all: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get("name")?, r.get("name_key")?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(super::did_you_mean(&name_key(typed), all))
}

/// Finds a source given as `12`, `#12`, its name or one of its aliases.
pub fn resolve(conn: &Connection, given: &str) -> Result<i64> {
    let t = given.trim();
    if let Some(id) = find_by_name(conn, t)? {
        return Ok(id);
    }
    let digits = t.strip_prefix('#').unwrap_or(t);
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        let id: Option<i64> = digits.parse::<i64>().ok();
        let exists: Option<i64> = match id {
            Some(id) => {
                conn.query_row("SELECT id FROM sources WHERE id = ?1", [id], |r| r.get("id")).optional()?
            }
            None => None,
        };
        return exists.ok_or_else(|| {
            Error::NotFound(format!("there is no source #{digits}; `crosscheck source list` shows the ids"))
        });
    }
    let near = near_names(conn, t)?;
    let hint = if near.is_empty() {
        "add it with `crosscheck source add NAME --kind KIND`, or give another name with `source alias add`"
            .to_string()
    } else {
        format!("did you mean: {}?", near.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", "))
    };
    Err(Error::NotFound(format!("there is no source named '{given}'; {hint}")))
}

/// The id of the outlet of that name, created (kind `outlet`, rated F) when unknown.
pub fn find_or_create_outlet(conn: &Connection, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return super::invalid("the outlet name is empty; give the publisher's name");
    }
    let key = name_key(name);
    if key.is_empty() {
        return super::invalid(format!(
            "the outlet name '{name}' has no letters or digits; give the publisher's name"
        ));
    }
    if let Some(id) = find_by_key(conn, &key)? {
        return Ok(id);
    }
    conn.prepare_cached(
        "INSERT INTO sources (uuid, name, name_key, kind, named, reliability, created_at)
         VALUES (?1, ?2, ?3, 'outlet', 1, 'F', ?4)",
    )?
    .execute(params![new_uuid(), name, key, now()])?;
    Ok(conn.last_insert_rowid())
}

pub fn source_by_id(conn: &Connection, id: i64) -> Result<SourceRow> {
    conn.prepare_cached(&format!("{SOURCE_SELECT} WHERE s.id = ?1"))?
        .query_row([id], source_row)
        .optional()?
        .ok_or_else(|| {
            Error::NotFound(format!("there is no source #{id}; `crosscheck source list` shows the ids"))
        })
}

/// Checks a new name or alias: not empty, and its key held by nobody else.
fn free_key(conn: &Connection, text: &str, what: &str, owner: Option<i64>) -> Result<String> {
    let text = text.trim();
    let key = name_key(text);
    if key.is_empty() {
        return super::invalid(format!(
            "the {what} '{text}' has no letters or digits; give a name such as 'Raqqa local activists'"
        ));
    }
    if let Some(id) = find_by_key(conn, &key)? {
        if Some(id) != owner {
            let who = holder(conn, &key)?.unwrap_or_else(|| format!("the source #{id}"));
            return Err(Error::Conflict(format!(
                "the {what} '{text}' already exists as {who}; names and aliases are the same whatever their case, harakat or spacing"
            )));
        }
    }
    Ok(key)
}

pub(crate) fn record_rating(
    conn: &Connection,
    source: i64,
    from: Option<Reliability>,
    to: Reliability,
    why: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO source_ratings (uuid, source_id, from_grade, to_grade, why, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![new_uuid(), source, from, to, why, now()])?;
    Ok(())
}

/// Inserts a source (inside an open transaction) and returns its id. A rating other than F is
/// recorded as the first entry of its history.
/// The kind of a source guessed from the words of its name (for sources an import adds):
/// `ناشطون محليون` is an activist, `مصدر أمني` anonymous, `the health ministry` an official.
pub fn guess_kind(name: &str) -> SourceKind {
    const KINDS: &[(SourceKind, &[&str])] = &[
        (SourceKind::Monitor, &["monitor", "observatory", "watch", "مرصد", "شبكه"]),
        (SourceKind::Activist, &["activist", "activists", "ناشط", "نشطاء", "تنسيقيه", "تنسيقيات"]),
        (
            SourceKind::Resident,
            &["resident", "residents", "witness", "witnesses", "سكان", "اهالي", "شهود", "شاهد"],
        ),
        (
            SourceKind::Official,
            &[
                "ministry",
                "minister",
                "official",
                "officials",
                "governor",
                "police",
                "spokesman",
                "وزاره",
                "وزير",
                "مسوول",
                "محافظ",
                "شرطه",
                "متحدث",
                "ناطق",
                "مديريه",
                "مجلس",
                "council",
            ],
        ),
        (
            SourceKind::ArmedGroup,
            &[
                "army",
                "brigade",
                "militia",
                "front",
                "forces",
                "جيش",
                "لواء",
                "فصيل",
                "كتائب",
                "قوات",
                "حركه",
                "جبهه",
            ],
        ),
        (
            SourceKind::Outlet,
            &[
                "agency",
                "television",
                "tv",
                "newspaper",
                "radio",
                "channel",
                "وكاله",
                "قناه",
                "صحيفه",
                "اذاعه",
                "تلفزيون",
            ],
        ),
        (SourceKind::SocialMedia, &["account", "page", "channel", "حساب", "صفحه", "تلغرام"]),
        (SourceKind::Document, &["statement", "report", "بيان", "تقرير"]),
        (SourceKind::Anonymous, &["source", "sources", "مصدر", "مصادر"]),
    ];
    let words = crate::normalize::fold_name(name);
    let norm: Vec<String> = crate::normalize::words(name).into_iter().map(|w| w.norm).collect();
    KINDS
        .iter()
        .find(|(_, list)| {
            list.iter()
                .any(|k| words.iter().chain(norm.iter()).any(|w| w == k || w.strip_prefix("ال") == Some(k)))
        })
        .map(|(kind, _)| *kind)
        .unwrap_or(SourceKind::Other)
}

pub(crate) fn insert_source(
    conn: &Connection,
    name: &str,
    fields: &SourceFields,
    reliability: Reliability,
    uuid: Option<&str>,
    why: &str,
) -> Result<i64> {
    let key = free_key(conn, name, "source name", None)?;
    conn.prepare_cached(
        "INSERT INTO sources (uuid, name, name_key, kind, affiliation, named, reliability, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        uuid.map(str::to_string).unwrap_or_else(new_uuid),
        name.trim(),
        key,
        fields.kind.unwrap_or(SourceKind::Other),
        fields.affiliation.as_deref().and_then(empty_null),
        fields.named.unwrap_or(true),
        reliability,
        fields.note.as_deref().and_then(empty_null),
        now()
    ])?;
    let id = conn.last_insert_rowid();
    if reliability != Reliability::F {
        record_rating(conn, id, None, reliability, why)?;
    }
    Ok(id)
}

/// Gives a source another name (inside an open write transaction), refusing a name another
/// source holds.
pub(crate) fn insert_alias(conn: &Connection, source: i64, alias: &str) -> Result<()> {
    let key = free_key(conn, alias, "alias", None).map_err(|e| match e {
        Error::Conflict(m) if find_by_key(conn, &name_key(alias)).ok().flatten() == Some(source) => {
            Error::Conflict(format!("{m}; it already names this source"))
        }
        other => other,
    })?;
    conn.execute(ALIAS_INSERT, params![key, source, alias.trim(), now()])?;
    Ok(())
}

/// Every source's id, name and aliases (for matching source phrases as a reader does).
pub(crate) fn source_names(conn: &Connection) -> Result<Vec<(i64, String, Vec<String>)>> {
    let mut out: Vec<(i64, String, Vec<String>)> = conn
        .prepare("SELECT id, name FROM sources ORDER BY id")?
        .query_map([], |r| Ok((r.get("id")?, r.get("name")?, Vec::new())))?
        .collect::<rusqlite::Result<_>>()?;
    let index: std::collections::HashMap<i64, usize> =
        out.iter().enumerate().map(|(k, (id, _, _))| (*id, k)).collect();
    let mut stmt = conn.prepare("SELECT source_id, alias FROM source_aliases")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, alias): (i64, String) = (r.get("source_id")?, r.get("alias")?);
        if let Some(k) = index.get(&id) {
            out[*k].2.push(alias);
        }
    }
    Ok(out)
}

impl Notebook {
    pub fn resolve_source(&self, given: &str) -> Result<i64> {
        resolve(&self.conn, given)
    }

    /// Every source's id, name and aliases (for matching source phrases as a reader does).
    pub fn source_names(&self) -> Result<Vec<(i64, String, Vec<String>)>> {
        source_names(&self.conn)
    }

    /// The source with this name or alias (compared by its key), if any: an indexed lookup,
    /// without the near names a refusal lists.
    pub fn source_named(&self, name: &str) -> Result<Option<i64>> {
        find_by_name(&self.conn, name.trim())
    }

    pub fn add_source(
        &mut self,
        name: &str,
        fields: &SourceFields,
        reliability: Option<Reliability>,
    ) -> Result<SourceRow> {
        if name.trim().is_empty() {
            return super::invalid("the source name is empty; give a name such as 'Raqqa local activists'");
        }
        let tx = self.change()?;
        let id = insert_source(&tx, name, fields, reliability.unwrap_or_default(), None, "rated when added")?;
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn sources(&mut self) -> Result<Vec<SourceRow>> {
        let tx = self.read()?;
        let mut stmt = tx.prepare(&format!("{SOURCE_SELECT} ORDER BY s.id"))?;
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
                Ok(RatingRow {
                    from: r.get("from_grade")?,
                    to: r.get("to_grade")?,
                    why: r.get("why")?,
                    at: r.get("at")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn edit_source(&mut self, id: i64, fields: &SourceFields) -> Result<SourceRow> {
        let tx = self.change()?;
        apply_edit(&tx, id, fields)?;
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    /// Re-rates a source and returns it with the rating it had before.
    pub fn rate_source(
        &mut self,
        id: i64,
        grade: Reliability,
        why: &str,
    ) -> Result<(SourceRow, Reliability)> {
        if why.trim().is_empty() {
            return super::invalid(
                "--why is empty; say why the rating changes, such as 'two reports confirmed'",
            );
        }
        let tx = self.change()?;
        let before = source_by_id(&tx, id)?.reliability;
        tx.execute(RELIABILITY_SET, params![grade, id])?;
        record_rating(&tx, id, Some(before), grade, why.trim())?;
        let row = source_by_id(&tx, id)?;
        tx.commit()?;
        Ok((row, before))
    }

    /// Moves every attribution, article, rating and alias of FROM to INTO, removes FROM, and
    /// keeps FROM's name as an alias of INTO, so the old name still finds the source.
    pub fn merge_sources(&mut self, from: i64, into: i64) -> Result<SourceRow> {
        if from == into {
            return super::invalid(format!(
                "cannot merge source #{from} into itself; give two different sources"
            ));
        }
        let tx = self.change()?;
        let old = source_by_id(&tx, from)?;
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
        tx.execute("UPDATE source_aliases SET source_id = ?2 WHERE source_id = ?1", params![from, into])?;
        tx.execute("DELETE FROM sources WHERE id = ?1", [from])?;
        tx.execute(ALIAS_INSERT, params![name_key(&old.name), into, old.name, now()])?;
        let row = source_by_id(&tx, into)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn add_alias(&mut self, source: i64, alias: &str) -> Result<AliasRow> {
        let tx = self.change()?;
        let row = source_by_id(&tx, source)?;
        insert_alias(&tx, source, alias)?;
        tx.commit()?;
        Ok(AliasRow { source_id: source, source: row.name, alias: alias.trim().to_string() })
    }

    pub fn remove_alias(&mut self, source: i64, alias: &str) -> Result<()> {
        let tx = self.change()?;
        let row = source_by_id(&tx, source)?;
        let n = tx.execute(ALIAS_DELETE, params![name_key(alias), source])?;
        if n == 0 {
            return Err(Error::NotFound(format!(
                "'{}' is not an alias of the source #{source} '{}'; `crosscheck source alias list` shows them",
                alias.trim(),
                row.name
            )));
        }
        tx.commit()?;
        Ok(())
    }

    pub fn aliases(&self, source: Option<i64>) -> Result<Vec<AliasRow>> {
        if let Some(id) = source {
            source_by_id(&self.conn, id)?;
        }
        let mut stmt = self.conn.prepare(
            "SELECT a.source_id, s.name, a.alias FROM source_aliases a JOIN sources s ON s.id = a.source_id
             WHERE ?1 IS NULL OR a.source_id = ?1 ORDER BY s.id, a.alias",
        )?;
        let rows = stmt
            .query_map([source], |r| {
                Ok(AliasRow {
                    source_id: r.get("source_id")?,
                    source: r.get("name")?,
                    alias: r.get("alias")?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// Changes the fields given (inside an open transaction); a new name must be free.
pub(crate) fn apply_edit(tx: &Connection, id: i64, fields: &SourceFields) -> Result<()> {
    source_by_id(tx, id)?;
    if let Some(name) = &fields.name {
        if name.trim().is_empty() {
            return super::invalid("the new source name is empty; give a name");
        }
        let key = free_key(tx, name, "source name", Some(id))?;
        // The new name may have been one of this source's aliases: it is a name now.
        tx.execute(ALIAS_DELETE, params![key, id])?;
        tx.execute(
            "UPDATE sources SET name = ?1, name_key = ?2 WHERE id = ?3",
            params![name.trim(), key, id],
        )?;
    }
    if let Some(kind) = fields.kind {
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
    Ok(())
}

pub(crate) fn empty_null(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}
