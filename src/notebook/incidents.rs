//! Incidents: one event as monitors record it (when, where, with UCDP's precision codes), the
//! measures that count its killed, injured and others, and the claims about it. `incident show`
//! and `export events` reconcile its measures as the report does (with a saved reconciliation's
//! method when there is one); the dataset columns themselves are worked out by the pure
//! `crate::events`.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::claims::{claim_by_id, ClaimRow};
use super::reconciliations::{ReconcileRequest, Reconciled, ReconciliationRow};
use super::{new_uuid, now, Error, Notebook, Result};
use crate::dates::PartialDate;
use crate::events::{Cited, Count, Event, Span, Voice};
use crate::reconcile::{Method, Request, Support};
use crate::vocab::{DatePrecision, MeasureRole};

/// An incident's id.
pub(crate) const INCIDENT_ID_BY_KEY: &str = "SELECT id FROM incidents WHERE key = ?1";

/// One row of `incident list`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IncidentRow {
    pub key: String,
    pub label: String,
    pub date_from: Option<String>,
    pub date_to: Option<String>,
    pub date_precision: Option<DatePrecision>,
    pub place: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub where_precision: Option<i64>,
    /// The keys of the measures that count for it.
    pub measures: Vec<String>,
    /// Claims tied to it, directly or by a figure for one of its measures (or for a part of one
    /// of its sums).
    pub claims: i64,
    pub note: Option<String>,
    #[serde(skip)]
    pub id: i64,
    #[serde(skip)]
    pub uuid: String,
}

/// One measure of an incident as `incident show` lists it: its reconciliation, saved or computed
/// now.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IncidentMeasureRow {
    pub measure: String,
    pub role: Option<MeasureRole>,
    pub label: String,
    pub method: Method,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub support: Support,
    pub figures: i64,
    pub voices: i64,
    /// The saved reconciliation whose method was used, if any; none: computed now.
    pub saved: Option<i64>,
    /// The saved reconciliation no longer matches the figures (the numbers shown are current).
    pub stale: bool,
}

/// `incident show`: the incident, its measures' reconciliations and its claims.
#[derive(Debug, Clone, Default)]
pub struct IncidentShow {
    pub row: IncidentRow,
    pub measures: Vec<IncidentMeasureRow>,
    pub claims: Vec<ClaimRow>,
}

/// An incident ready to store; its values checked already (coordinates as typed, in range).
#[derive(Debug, Clone, Default)]
pub struct NewIncident {
    pub key: String,
    pub label: String,
    pub span: Option<Span>,
    pub place: Option<String>,
    /// (latitude, longitude), as typed.
    pub coordinates: Option<(String, String)>,
    pub where_precision: Option<u8>,
    pub note: Option<String>,
}

/// What `incident edit` changes; `None` leaves a field as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct IncidentEdit {
    pub label: Option<String>,
    /// `--from`: a new start (with `to`), or cleared dates.
    pub from: Option<Option<PartialDate>>,
    pub to: Option<PartialDate>,
    pub date_precision: Option<DatePrecision>,
    pub place: Option<Option<String>>,
    pub coordinates: Option<Option<(String, String)>>,
    pub where_precision: Option<Option<u8>>,
    pub note: Option<Option<String>>,
}

impl IncidentEdit {
    pub fn is_empty(&self) -> bool {
        self.label.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.date_precision.is_none()
            && self.place.is_none()
            && self.coordinates.is_none()
            && self.where_precision.is_none()
            && self.note.is_none()
    }

    /// What an edit needs before a notebook is opened: something to change, and a label that
    /// is not empty. The command line refuses these with exit 2, the library as invalid.
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.is_empty() {
            return Err(
                "nothing to change; give --label, --from, --to, --date-precision, --place, --lat and --lon, \
                 --where-precision or --note (`crosscheck incident edit --help`)"
                    .into(),
            );
        }
        if self.label.as_deref().is_some_and(|l| l.trim().is_empty()) {
            return Err("--label is empty; an incident keeps a label".into());
        }
        Ok(())
    }
}

/// Checks an incident key such as `tokhar.2017-03-14`: lowercase letters, digits, dots, dashes
/// and underscores, starting with a letter (the rule of measure keys).
pub fn check_key(key: &str) -> Result<String> {
    super::figures::check_key(key).map_err(|_| {
        Error::Invalid(format!(
            "'{key}' is not an incident key; use lowercase letters, digits, dots, dashes and \
             underscores, starting with a letter, such as tokhar.2017-03-14"
        ))
    })
}

/// Finds an incident by key; an unknown key lists the nearest keys.
/// The key of the incident a measure (by key) belongs to; none for a measure of no incident or
/// no such measure (which whoever names it refuses).
pub(crate) fn incident_of_measure(conn: &Connection, measure: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT i.key FROM measures m JOIN incidents i ON i.id = m.incident_id WHERE m.key = ?1",
        )?
        .query_row([measure.trim()], |r| r.get("key"))
        .optional()?)
}

pub fn incident_id(conn: &Connection, key: &str) -> Result<i64> {
    let k = key.trim();
    if let Some(id) = conn.prepare_cached(INCIDENT_ID_BY_KEY)?.query_row([k], |r| r.get("id")).optional()? {
        return Ok(id);
    }
    let mut stmt = conn.prepare("SELECT key FROM incidents ORDER BY key")?;
    let keys: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get("key")?, r.get("key")?)))?.collect::<rusqlite::Result<_>>()?;
    let near = super::did_you_mean(k, keys);
    let hint = if near.is_empty() {
        "add it first with `crosscheck incident add KEY --label LABEL`".to_string()
    } else {
        format!("did you mean: {}?", near.join(", "))
    };
    Err(Error::NotFound(format!("there is no incident '{k}'; {hint}")))
}

/// Every incident's key by id, for listings that name a claim's or a measure's incident: there
/// are few incidents beside the claims, so they are read once rather than joined to every row.
pub(crate) fn keys_by_id(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, key FROM incidents")?;
    let rows = stmt.query_map([], |r| Ok((r.get("id")?, r.get("key")?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

const INCIDENT_SELECT: &str = "SELECT i.id, i.uuid, i.key, i.label, i.date_from, i.date_to,
        i.date_precision, i.place, i.latitude, i.longitude, i.where_precision, i.note,
        (SELECT group_concat(key, char(31)) FROM (SELECT key FROM measures WHERE incident_id = i.id ORDER BY key))
            AS measure_keys,
        (WITH RECURSIVE counted (id) AS (
             SELECT id FROM measures WHERE incident_id = i.id
             UNION SELECT mp.part_id FROM measure_parts mp JOIN counted c ON mp.measure_id = c.id
         )
         SELECT count(*) FROM (SELECT id FROM claims WHERE incident_id = i.id
            UNION SELECT f.claim_id FROM counted c JOIN figures f ON f.measure_id = c.id)) AS claims
    FROM incidents i";

fn incident_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<IncidentRow> {
    Ok(IncidentRow {
        id: r.get("id")?,
        uuid: r.get("uuid")?,
        key: r.get("key")?,
        label: r.get("label")?,
        date_from: r.get("date_from")?,
        date_to: r.get("date_to")?,
        date_precision: r.get("date_precision")?,
        place: r.get("place")?,
        latitude: r.get("latitude")?,
        longitude: r.get("longitude")?,
        where_precision: r.get("where_precision")?,
        note: r.get("note")?,
        measures: super::sources::split_units(r.get("measure_keys")?),
        claims: r.get("claims")?,
    })
}

fn incident_by_id(conn: &Connection, id: i64) -> Result<IncidentRow> {
    Ok(conn.prepare_cached(&format!("{INCIDENT_SELECT} WHERE i.id = ?1"))?.query_row([id], incident_row)?)
}

/// Every incident, earliest first (those without dates last), then by key.
fn all_incidents(conn: &Connection) -> Result<Vec<IncidentRow>> {
    let mut stmt = conn
        .prepare(&format!("{INCIDENT_SELECT} ORDER BY i.date_from IS NULL, i.date_from, i.date_to, i.key"))?;
    let rows = stmt.query_map([], incident_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// The ids of the claims about an incident: tied to it, or giving a figure for one of its
/// measures or for a part (at any depth) of one of its sums.
fn claim_ids(conn: &Connection, incident: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "WITH RECURSIVE counted (id) AS (
             SELECT id FROM measures WHERE incident_id = ?1
             UNION SELECT mp.part_id FROM measure_parts mp JOIN counted c ON mp.measure_id = c.id
         )
         SELECT id FROM claims WHERE incident_id = ?1
         UNION SELECT f.claim_id FROM counted c JOIN figures f ON f.measure_id = c.id
         ORDER BY 1",
    )?;
    let ids = stmt.query_map([incident], |r| r.get("id"))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn span_of(row: &IncidentRow) -> Option<Span> {
    let day = |d: &Option<String>| d.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    match (day(&row.date_from), day(&row.date_to)) {
        (Some(from), Some(to)) => Some(Span {
            from,
            to,
            precision: row.date_precision.unwrap_or(Span::precision_of((to - from).num_days() + 1)),
        }),
        _ => None,
    }
}

fn store_span(tx: &Connection, id: i64, span: Option<Span>) -> Result<()> {
    tx.execute(
        "UPDATE incidents SET date_from = ?1, date_to = ?2, date_precision = ?3 WHERE id = ?4",
        params![
            span.map(|s| s.from.to_string()),
            span.map(|s| s.to.to_string()),
            span.map(|s| s.precision),
            id
        ],
    )?;
    Ok(())
}

/// The latest saved reconciliation of each measure made without filters or an `--as-of` date,
/// by measure key: the one an incident's measure is shown and exported with.
pub(crate) fn saved_results(conn: &Connection) -> Result<HashMap<String, ReconciliationRow>> {
    let mut latest: HashMap<String, ReconciliationRow> = HashMap::new();
    for row in super::reconciliations::all_saved(conn)? {
        if row.filters.trim() == "{}" && row.as_of.is_none() {
            // Rows come in id order: a later one replaces an earlier one.
            latest.insert(row.measure.clone(), row);
        }
    }
    Ok(latest)
}

/// Reconciles measures by key, each with the method (and manual value) of its saved result,
/// else `weighted`; the saved row rides along in `saved`. One pass per method, so the
/// notebook's links and copies are read once per method, not once per measure.
fn reconcile_as_saved(conn: &Connection, keys: &[String]) -> Result<HashMap<String, Reconciled>> {
    let saved = saved_results(conn)?;
    let mut groups: HashMap<(Method, Option<i64>), Vec<String>> = HashMap::new();
    for k in keys {
        let how = match saved.get(k) {
            Some(s) if s.method == Method::Manual => (Method::Manual, s.best),
            Some(s) => (s.method, None),
            None => (Method::Weighted, None),
        };
        groups.entry(how).or_default().push(k.clone());
    }
    let mut out = HashMap::new();
    for ((method, manual), group) in groups {
        reconcile_keys(conn, group, method, manual, |mut r| {
            r.saved = saved.get(&r.key).cloned();
            out.insert(r.key.clone(), r);
        })?;
    }
    Ok(out)
}

fn reconcile_keys(
    conn: &Connection,
    keys: Vec<String>,
    method: Method,
    manual: Option<i64>,
    mut f: impl FnMut(Reconciled),
) -> Result<()> {
    if keys.is_empty() {
        return Ok(());
    }
    let req = ReconcileRequest {
        keys,
        core: Request { method, manual, include_all: false, max_pairs: 0, ..Default::default() },
        ..Default::default()
    };
    super::reconciliations::each(conn, &req, |r| {
        f(r);
        Ok(())
    })
}

/// The measures of an incident: (key, role, label), by key.
fn measures_of(conn: &Connection, incident: i64) -> Result<Vec<(String, Option<MeasureRole>, String)>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, role, label FROM measures WHERE incident_id = ?1 ORDER BY key")?;
    let rows = stmt
        .query_map([incident], |r| Ok((r.get("key")?, r.get("role")?, r.get("label")?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

fn measure_row(key: &str, role: Option<MeasureRole>, label: &str, r: &Reconciled) -> IncidentMeasureRow {
    IncidentMeasureRow {
        measure: key.to_string(),
        role,
        label: label.to_string(),
        method: r.method,
        low: r.outcome.low,
        best: r.outcome.best,
        high: r.outcome.high,
        open_high: r.outcome.open_high,
        support: r.outcome.support,
        figures: super::sql_int(r.outcome.figures),
        voices: super::sql_int(r.outcome.voices),
        saved: r.saved.as_ref().map(|s| s.id),
        stale: r.saved.as_ref().is_some_and(|s| s.stale),
    }
}

/// The one measure of each role the profiles count (the killed, the injured) that heads an
/// incident's count: a measure of that role that is not a part of another measure of that role
/// there. Two heads of one role would be counted twice or not at all, so they are refused with
/// the way to join them. Other roles feed no column, so an incident may hold many of them (the
/// role `other` is there to take any number).
fn heads(conn: &Connection, incident: &IncidentRow) -> Result<HashMap<MeasureRole, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.key, m.role FROM measures m WHERE m.incident_id = ?1 AND m.role IN ('killed', 'injured')
           AND NOT EXISTS (SELECT 1 FROM measure_parts mp JOIN measures s ON s.id = mp.measure_id
                           WHERE mp.part_id = m.id AND s.incident_id = m.incident_id AND s.role = m.role)
         ORDER BY m.key",
    )?;
    let rows: Vec<(String, MeasureRole)> = stmt
        .query_map([incident.id], |r| Ok((r.get("key")?, r.get("role")?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: HashMap<MeasureRole, String> = HashMap::new();
    for (key, role) in rows {
        if let Some(first) = out.get(&role) {
            return Err(Error::Invalid(format!(
                "incident '{}' has two {role} measures, {first} and {key}, and only one can be its {role} \
                 count; give the other another role with `crosscheck measure edit {key} --role other`, or tie it \
                 to another incident with `crosscheck measure edit {key} --incident KEY`",
                incident.key
            )));
        }
        out.insert(role, key);
    }
    Ok(out)
}

/// ACLED's conservative figure of a measure reconciled with `conservative`: its best; for a sum,
/// the parts' added up, a part without one adding nothing (ACLED codes 0 where no count is
/// reported), and none when no part has one.
fn conservative_of(r: &Reconciled) -> Option<i64> {
    if r.parts.is_empty() {
        return r.outcome.best;
    }
    r.parts.iter().filter_map(conservative_of).reduce(i64::saturating_add)
}

/// A count for the profiles from a measure's reconciliation, and the same measure reconciled
/// with `conservative` (for ACLED). A sum's count is its parts' counts added up: its low, best
/// and high are the reconciliation's (the parts' added), its voices and figures its parts', its
/// largest stated number the sum of each part's stated high.
fn count_of(r: &Reconciled, conservative: Option<&Reconciled>) -> Count {
    if !r.parts.is_empty() {
        let parts: Vec<Count> = r
            .parts
            .iter()
            .enumerate()
            .map(|(i, p)| count_of(p, conservative.and_then(|c| c.parts.get(i)).filter(|c| c.key == p.key)))
            .collect();
        let known = parts.iter().any(|p| !p.voices.is_empty());
        let stated = |p: &Count| if p.open_high { p.largest_stated } else { p.high };
        return Count {
            measure: r.key.clone(),
            method: r.method,
            low: r.outcome.low,
            best: r.outcome.best,
            high: r.outcome.high,
            open_high: r.outcome.open_high,
            support: r.outcome.support,
            figures: parts.iter().map(|p| p.figures).sum(),
            voices: parts.iter().flat_map(|p| p.voices.iter().cloned()).collect(),
            conservative: conservative.and_then(conservative_of),
            largest_stated: known
                .then(|| parts.iter().map(|p| stated(p).unwrap_or(0)).fold(0i64, i64::saturating_add)),
            discounted: parts.iter().any(|p| p.figures > 0)
                && parts.iter().filter(|p| p.figures > 0).all(|p| p.discounted),
            parts,
            stale_saved: stale_saved(r),
        };
    }
    let by_id: HashMap<i64, &super::figures::FigureRow> = r.figures.iter().map(|f| (f.id, f)).collect();
    let taken: Vec<&super::figures::FigureRow> = r
        .outcome
        .items
        .iter()
        .filter(|i| i.included)
        .filter_map(|i| by_id.get(&i.figure_id).copied())
        .collect();
    let judged_out = |f: &super::figures::FigureRow| {
        f.credibility.value() == 5
            || (!f.source_ids.is_empty()
                && !f.reliability.is_empty()
                && f.reliability.iter().all(|g| *g == crate::ratings::Reliability::E))
    };
    Count {
        measure: r.key.clone(),
        method: r.method,
        low: r.outcome.low,
        best: r.outcome.best,
        high: r.outcome.high,
        open_high: r.outcome.open_high,
        support: r.outcome.support,
        figures: r.figures.len(),
        voices: taken
            .iter()
            .map(|f| Voice {
                reliability: f.reliability.clone(),
                credibility: f.credibility,
                rating: f.rating.clone(),
            })
            .collect(),
        conservative: conservative.and_then(conservative_of),
        largest_stated: taken
            .iter()
            .map(|f| if f.provisional { f.point } else { f.high.unwrap_or(f.point) })
            .max(),
        discounted: !r.figures.is_empty() && r.figures.iter().all(judged_out),
        parts: Vec::new(),
        stale_saved: stale_saved(r),
    }
}

/// The saved reconciliation whose method was applied, when it is stale.
fn stale_saved(r: &Reconciled) -> Option<i64> {
    r.saved.as_ref().filter(|s| s.stale).map(|s| s.id)
}

/// The dates the incident's claims give, when it has none of its own: from the earliest start
/// to the latest end.
fn span_from_claims(claims: &[ClaimRow]) -> Option<Span> {
    let day = |d: &Option<String>| d.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let from = claims.iter().filter_map(|c| day(&c.when_from)).min()?;
    let to = claims.iter().filter_map(|c| day(&c.when_to)).max()?;
    // The claims' dates are days: the span's length alone says how precise it is (as for an
    // incident typed with --from and --to), so a 4-day span is UCDP's 2, not a week's 3.
    Some(Span { from, to, precision: DatePrecision::Day })
}

/// The place most of the incident's claims give (the first given, on a tie), when it has none.
fn place_from_claims(claims: &[ClaimRow]) -> Option<String> {
    // (count, first position) by place: one pass, whatever the number of places.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (at, p) in claims.iter().filter_map(|c| c.place.as_deref()).enumerate() {
        counts.entry(p).or_insert((0, at)).0 += 1;
    }
    let (place, _) = counts.into_iter().max_by(|(_, (n, at)), (_, (m, bt))| n.cmp(m).then(bt.cmp(at)))?;
    Some(place.to_string())
}

/// Everything the dataset profiles need, for every incident, in one read.
fn gather_events(conn: &Connection) -> Result<Vec<Event>> {
    let incidents = all_incidents(conn)?;
    let mut heads_of = Vec::with_capacity(incidents.len());
    let mut keys: BTreeSet<String> = BTreeSet::new();
    for i in &incidents {
        let h = heads(conn, i)?;
        for role in [MeasureRole::Killed, MeasureRole::Injured] {
            if let Some(k) = h.get(&role) {
                keys.insert(k.clone());
            }
        }
        heads_of.push(h);
    }
    let keys: Vec<String> = keys.into_iter().collect();
    let reconciled = reconcile_as_saved(conn, &keys)?;
    let killed: Vec<String> = heads_of.iter().filter_map(|h| h.get(&MeasureRole::Killed).cloned()).collect();
    let mut conservative: HashMap<String, Reconciled> = HashMap::new();
    reconcile_keys(conn, killed, Method::Conservative, None, |r| {
        conservative.insert(r.key.clone(), r);
    })?;
    let mut outlets = super::articles::headings(conn)?;
    let mut events = Vec::with_capacity(incidents.len());
    for (i, h) in incidents.iter().zip(&heads_of) {
        let claims = claim_ids(conn, i.id)?
            .into_iter()
            .map(|id| claim_by_id(conn, id))
            .collect::<Result<Vec<ClaimRow>>>()?;
        let mut articles: Vec<(Option<String>, i64)> = Vec::new();
        let mut originators: Vec<String> = Vec::new();
        let mut seen_articles: HashSet<i64> = HashSet::new();
        let mut seen_sources: HashSet<&str> = HashSet::new();
        for c in &claims {
            if seen_articles.insert(c.article_id) {
                articles.push((c.published.clone(), c.article_id));
            }
            for s in &c.sources {
                if seen_sources.insert(s) {
                    originators.push(s.clone());
                }
            }
        }
        articles.sort();
        let mut cited = Vec::with_capacity(articles.len());
        for (_, id) in articles {
            let head = outlets.of(id)?;
            cited.push(Cited {
                outlet: head.outlet.clone(),
                title: head.title.clone(),
                published: head.published.clone(),
            });
        }
        let count = |role: MeasureRole| {
            h.get(&role).and_then(|k| reconciled.get(k)).map(|r| count_of(r, conservative.get(&r.key)))
        };
        events.push(Event {
            key: i.key.clone(),
            label: i.label.clone(),
            note: i.note.clone(),
            span: span_of(i).or_else(|| span_from_claims(&claims)),
            place: i.place.clone().or_else(|| place_from_claims(&claims)),
            latitude: i.latitude.clone(),
            longitude: i.longitude.clone(),
            where_precision: i.where_precision.and_then(|p| u8::try_from(p).ok()),
            killed: count(MeasureRole::Killed),
            injured: count(MeasureRole::Injured),
            articles: cited,
            originators,
        });
    }
    Ok(events)
}

impl Notebook {
    pub fn add_incident(&mut self, new: &NewIncident) -> Result<IncidentRow> {
        let key = check_key(&new.key)?;
        if new.label.trim().is_empty() {
            return super::invalid(
                "--label is empty; say what happened, such as 'shelling of the Tokhar market'",
            );
        }
        let tx = self.change()?;
        let exists: Option<i64> = tx.query_row(INCIDENT_ID_BY_KEY, [&key], |r| r.get("id")).optional()?;
        if exists.is_some() {
            return Err(Error::Conflict(format!(
                "an incident '{key}' already exists; `crosscheck incident show {key}` shows it"
            )));
        }
        tx.execute(
            "INSERT INTO incidents (uuid, key, label, date_from, date_to, date_precision, place, latitude,
                longitude, where_precision, note, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                new_uuid(),
                key,
                new.label.trim(),
                new.span.map(|s| s.from.to_string()),
                new.span.map(|s| s.to.to_string()),
                new.span.map(|s| s.precision),
                new.place.as_deref().and_then(super::sources::empty_null),
                new.coordinates.as_ref().map(|c| &c.0),
                new.coordinates.as_ref().map(|c| &c.1),
                new.where_precision,
                new.note.as_deref().and_then(super::sources::empty_null),
                now()
            ],
        )?;
        let id = tx.last_insert_rowid();
        let row = incident_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    pub fn incidents(&mut self) -> Result<Vec<IncidentRow>> {
        let tx = self.read()?;
        all_incidents(&tx)
    }

    pub fn incident_id(&self, key: &str) -> Result<i64> {
        incident_id(&self.conn, key)
    }

    /// The key of the incident a measure belongs to, if any.
    pub fn incident_of_measure(&self, measure: &str) -> Result<Option<String>> {
        incident_of_measure(&self.conn, measure)
    }

    /// An incident with its measures' reconciliations (with their saved method, else weighted)
    /// and the claims about it.
    pub fn incident(&mut self, key: &str) -> Result<IncidentShow> {
        let tx = self.read()?;
        let id = incident_id(&tx, key)?;
        let row = incident_by_id(&tx, id)?;
        let measures = measures_of(&tx, id)?;
        let keys: Vec<String> = measures.iter().map(|m| m.0.clone()).collect();
        let reconciled = reconcile_as_saved(&tx, &keys)?;
        let measures = measures
            .iter()
            .filter_map(|(k, role, label)| reconciled.get(k).map(|r| measure_row(k, *role, label, r)))
            .collect();
        let claims =
            claim_ids(&tx, id)?.into_iter().map(|c| claim_by_id(&tx, c)).collect::<Result<Vec<_>>>()?;
        Ok(IncidentShow { row, measures, claims })
    }

    pub fn edit_incident(&mut self, key: &str, e: &IncidentEdit) -> Result<IncidentRow> {
        e.check().map_err(Error::Invalid)?;
        let tx = self.change()?;
        let id = incident_id(&tx, key)?;
        let current = incident_by_id(&tx, id)?;
        if let Some(label) = &e.label {
            tx.execute("UPDATE incidents SET label = ?1 WHERE id = ?2", params![label.trim(), id])?;
        }
        let span = match (e.from, e.to) {
            (Some(None), _) => Some(None),
            (Some(Some(from)), to) => {
                Some(Some(Span::typed(from, to, e.date_precision).map_err(Error::Invalid)?))
            }
            (None, Some(to)) => {
                let Some(now) = span_of(&current) else {
                    return super::invalid(format!(
                        "incident '{}' has no start date; give --from with --to",
                        current.key
                    ));
                };
                let start = PartialDate::parse(&now.from.to_string()).map_err(Error::Invalid)?;
                let mut s = Span::typed(start, Some(to), e.date_precision).map_err(Error::Invalid)?;
                if e.date_precision.is_none() {
                    s.precision = s.precision.max(now.precision);
                }
                Some(Some(s))
            }
            (None, None) => match (e.date_precision, span_of(&current)) {
                (Some(p), Some(s)) => Some(Some(Span { precision: p, ..s })),
                (Some(_), None) => {
                    return super::invalid(format!(
                        "incident '{}' has no dates; give --from (and --to) with --date-precision",
                        current.key
                    ))
                }
                (None, _) => None,
            },
        };
        if let Some(span) = span {
            store_span(&tx, id, span)?;
        }
        if let Some(place) = &e.place {
            let place = place.as_deref().and_then(super::sources::empty_null);
            tx.execute("UPDATE incidents SET place = ?1 WHERE id = ?2", params![place, id])?;
        }
        if let Some(c) = &e.coordinates {
            tx.execute(
                "UPDATE incidents SET latitude = ?1, longitude = ?2 WHERE id = ?3",
                params![c.as_ref().map(|c| &c.0), c.as_ref().map(|c| &c.1), id],
            )?;
        }
        if let Some(p) = e.where_precision {
            tx.execute("UPDATE incidents SET where_precision = ?1 WHERE id = ?2", params![p, id])?;
        }
        if let Some(note) = &e.note {
            let note = note.as_deref().and_then(super::sources::empty_null);
            tx.execute("UPDATE incidents SET note = ?1 WHERE id = ?2", params![note, id])?;
        }
        let row = incident_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }

    /// Removes an incident. Refused while measures or claims are tied to it, unless `force`,
    /// which unties them (they are kept). Returns the incident as it was.
    pub fn remove_incident(&mut self, key: &str, force: bool) -> Result<IncidentRow> {
        let tx = self.change()?;
        let id = incident_id(&tx, key)?;
        let row = incident_by_id(&tx, id)?;
        let direct: i64 =
            tx.query_row("SELECT count(*) AS n FROM claims WHERE incident_id = ?1", [id], |r| r.get("n"))?;
        if !force && (!row.measures.is_empty() || direct > 0) {
            return Err(Error::Conflict(format!(
                "incident '{}' has {} measure(s) and {direct} claim(s) tied to it; add --force to remove it \
                 and untie them (they are kept)",
                row.key,
                row.measures.len()
            )));
        }
        // Untied one by one, so that the history keeps each change.
        tx.execute("UPDATE measures SET incident_id = NULL WHERE incident_id = ?1", [id])?;
        tx.execute("UPDATE claims SET incident_id = NULL WHERE incident_id = ?1", [id])?;
        tx.execute("DELETE FROM incidents WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(row)
    }

    /// One `Event` per incident, earliest first, for `export events`.
    pub fn events(&mut self) -> Result<Vec<Event>> {
        let tx = self.read()?;
        gather_events(&tx)
    }
}
