//! Gathering a measure's figures for reconciliation (their voices, supersession, filters and
//! dates), saving results with the figures they used, reading saved results back, and the
//! timeline of a measure. The judgement itself is the pure `crate::reconcile`.

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};
use std::hash::{Hash, Hasher};

use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::claims::ClaimFilter;
use super::figures::{figures_where, measure_id, FigureFilter, FigureRow, MeasureRow};
use super::{new_uuid, now, Error, Notebook, Result};
use crate::dates::PartialDate;
use crate::ratings::Reliability;
use crate::reconcile::{reconcile, Excluded, FigureIn, Links, Method, Outcome, Request, Support, Update};

/// A measure's key, label and unit.
pub(crate) const MEASURE_HEAD_BY_ID: &str = "SELECT id, key, label, unit FROM measures WHERE id = ?1";

/// One saved reconciliation, as `measure show` and `export reconciliations` list it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ReconciliationRow {
    pub id: i64,
    pub measure: String,
    pub method: Method,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub conflict: bool,
    pub support: Support,
    pub figures: i64,
    pub voices: i64,
    pub filters: String,
    pub as_of: Option<String>,
    pub note: Option<String>,
    pub stale: bool,
    pub created_at: String,
}

/// What to reconcile and how.
#[derive(Debug, Clone, Default)]
pub struct ReconcileRequest {
    pub keys: Vec<String>,
    pub all: bool,
    pub core: Request,
    /// Claim filters: figures they leave out are listed with the filter as the reason.
    pub filter: ClaimFilter,
    /// The filters as typed, for reasons ("--min-reliability C").
    pub filter_words: Vec<(String, String)>,
    /// Only articles published on or before this date (and updates known by then).
    pub as_of: Option<PartialDate>,
    /// Only figures whose window (`--when`) lies inside this one.
    pub window: Option<Window>,
    pub note: Option<String>,
}

/// A window of days asked for with `--window FROM..TO`: the first day of FROM to the last of TO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: PartialDate,
    pub to: PartialDate,
}

impl std::str::FromStr for Window {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Window, String> {
        let bad = || {
            format!(
                "'{s}' is not a window; write FROM..TO with dates as YYYY, YYYY-MM or YYYY-MM-DD, such as 2017-03-10..2017-03-12"
            )
        };
        let (a, b) = s.trim().split_once("..").ok_or_else(bad)?;
        let from = PartialDate::parse(a).map_err(|e| format!("{e} (in --window {s})"))?;
        let to = PartialDate::parse(b).map_err(|e| format!("{e} (in --window {s})"))?;
        if from.first_day() > to.last_day() {
            return Err(format!("--window {s} ends before it begins; give FROM..TO with FROM first"));
        }
        Ok(Window { from, to })
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.from, self.to)
    }
}

/// One measure's reconciliation with everything needed to show it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reconciled {
    pub measure_id: i64,
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
    pub figures: Vec<FigureRow>,
    pub outcome: Outcome,
    pub method: Method,
    pub as_of: Option<String>,
    pub filters: ClaimFilter,
    pub saved: Option<ReconciliationRow>,
    /// For a derived measure, each part's reconciliation, in order; its own `figures` are none
    /// and its outcome is their sum.
    #[serde(default)]
    pub parts: Vec<Reconciled>,
}

impl Reconciled {
    /// The result as a reconciliation row: the saved one when it is a saved result, else the
    /// one computed now (id 0, no date), with `note`.
    pub fn row(&self, note: Option<&str>) -> ReconciliationRow {
        let r = self;
        if let Some(saved) = &r.saved {
            return saved.clone();
        }
        let o = &r.outcome;
        ReconciliationRow {
            id: 0,
            measure: r.key.clone(),
            method: r.method,
            low: o.low,
            best: o.best,
            high: o.high,
            open_high: o.open_high,
            conflict: o.conflict,
            support: o.support,
            figures: super::sql_int(o.figures),
            voices: super::sql_int(o.voices),
            filters: serde_json::to_string(&r.filters).unwrap_or_else(|_| "{}".into()),
            as_of: r.as_of.clone(),
            note: note.map(str::to_string),
            stale: false,
            created_at: String::new(),
        }
    }
}

impl Reconciled {
    /// The reconciliation in sentences (`reconcile --explain`, and the report). A sum says how
    /// its parts add up, then each part's sentences under the part's key.
    pub fn explanation(&self, lang: crate::report::Lang) -> Vec<String> {
        if !self.parts.is_empty() {
            let parts: Vec<(&str, &Outcome)> =
                self.parts.iter().map(|p| (p.key.as_str(), &p.outcome)).collect();
            let mut out = crate::reconcile::explain::explain_sum(&self.outcome, self.method, &parts, lang);
            for p in &self.parts {
                let key = crate::reconcile::explain::quoted(&p.key);
                out.extend(p.explanation(lang).into_iter().map(|line| format!("{key}: {line}")));
            }
            return out;
        }
        let named: Vec<crate::reconcile::explain::Named> = self
            .figures
            .iter()
            .map(|f| crate::reconcile::explain::Named {
                figure_id: f.id,
                notation: f.notation.clone(),
                who: if f.sources.is_empty() {
                    f.outlet.clone().unwrap_or_default()
                } else {
                    f.sources.join("; ")
                },
                published: f.published.clone(),
                low: f.low,
                high: if f.provisional { None } else { f.high },
                point: f.point,
                weight: f.weight,
            })
            .collect();
        crate::reconcile::explain::explain(&self.outcome, self.method, &named, lang)
    }
}

/// One date of a measure's timeline: the reconciliation as of the end of that day.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TimelineRow {
    pub measure: String,
    pub date: String,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub support: Support,
    pub figures: i64,
    pub voices: i64,
}

fn hashed(tag: &str, parts: &[i64]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (tag, parts).hash(&mut h);
    h.finish()
}

/// What every measure's reconciliation shares: the notebook's links and article copies, read
/// once per command.
struct Context {
    /// Each article's earliest ancestor along near-duplicate links.
    roots: HashMap<i64, i64>,
    /// Claims joined by `repeats` links (either way), by their smallest claim id.
    repeat_root: HashMap<i64, i64>,
    /// For each claim that repeats others, the claims it repeats (directly or through others),
    /// nearest first.
    repeats: HashMap<i64, Vec<i64>>,
    /// `updates` links, with the publication date of the updating claim's article.
    updates: Vec<(Update, Option<String>)>,
    /// The publication date of every claim at either end of a link.
    published: HashMap<i64, String>,
}

fn load_context(conn: &Connection) -> Result<Context> {
    let mut stmt =
        conn.prepare("SELECT id, near_duplicate_of FROM articles WHERE near_duplicate_of IS NOT NULL")?;
    let parent: HashMap<i64, i64> = stmt
        .query_map([], |r| Ok((r.get("id")?, r.get("near_duplicate_of")?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut roots = HashMap::new();
    for &id in parent.keys() {
        let (mut r, mut steps) = (id, 0);
        while let Some(&p) = parent.get(&r) {
            r = p;
            steps += 1;
            if steps > parent.len() {
                break;
            }
        }
        roots.insert(id, r);
    }
    let mut stmt =
        conn.prepare("SELECT from_claim, to_claim FROM links WHERE relation = 'repeats' ORDER BY id")?;
    let links: Vec<(i64, i64)> = stmt
        .query_map([], |r| Ok((r.get("from_claim")?, r.get("to_claim")?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut parent: HashMap<i64, i64> = HashMap::new();
    fn find(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut r = x;
        while let Some(&p) = parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        parent.insert(x, r);
        r
    }
    let mut forward: HashMap<i64, Vec<i64>> = HashMap::new();
    for &(a, b) in &links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        parent.insert(ra.max(rb), ra.min(rb));
        parent.entry(ra.min(rb)).or_insert(ra.min(rb));
        forward.entry(a).or_default().push(b);
    }
    let claims: Vec<i64> = parent.keys().copied().collect();
    let repeat_root = claims.iter().map(|&c| (c, find(&mut parent, c))).collect();
    let mut repeats = HashMap::new();
    for &start in forward.keys() {
        // Breadth first, so the claim repeated directly comes before what it repeats in turn.
        let mut seen = HashSet::new();
        let mut order = Vec::new();
        let mut queue = VecDeque::from([start]);
        while let Some(c) = queue.pop_front() {
            for &n in forward.get(&c).into_iter().flatten() {
                if n != start && seen.insert(n) {
                    order.push(n);
                    queue.push_back(n);
                }
            }
        }
        repeats.insert(start, order);
    }
    // Links first (CROSS JOIN keeps SQLite to that order): left to choose, it read every
    // article's row to find the few claims that update another, a cost of the whole archive on
    // every reconciliation.
    let mut stmt = conn.prepare(
        "SELECT l.from_claim, l.to_claim, a.published FROM links l CROSS JOIN claims c ON c.id = l.from_claim
         CROSS JOIN articles a ON a.id = c.article_id WHERE l.relation = 'updates'",
    )?;
    let updates = stmt
        .query_map([], |r| {
            Ok((Update { by: r.get("from_claim")?, of: r.get("to_claim")? }, r.get("published")?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT c.id, a.published FROM claims c JOIN articles a ON a.id = c.article_id
         WHERE a.published IS NOT NULL AND c.id IN (SELECT from_claim FROM links UNION SELECT to_claim FROM links)",
    )?;
    let published =
        stmt.query_map([], |r| Ok((r.get("id")?, r.get("published")?)))?.collect::<rusqlite::Result<_>>()?;
    Ok(Context { roots, repeat_root, repeats, updates, published })
}

/// The first day a partial date may mean, for "published on or before".
fn first_day(date: Option<&str>) -> Option<chrono::NaiveDate> {
    date.and_then(|d| PartialDate::parse(d).ok()).and_then(|d| d.first_day())
}

impl ReconcileRequest {
    /// Why a claim filter leaves a figure out, if it does.
    fn filtered(&self, f: &FigureRow) -> Option<String> {
        let fl = &self.filter;
        let word = |name: &str| {
            self.filter_words
                .iter()
                .find(|(n, _)| n == name)
                .map(|(n, v)| format!("--{n} {v}"))
                .unwrap_or_default()
        };
        if fl.article.is_some_and(|a| a != f.article_id) {
            return Some(word("article"));
        }
        if let Some(p) = &fl.place {
            if f.place.as_deref().is_none_or(|fp| fp.to_lowercase() != p.to_lowercase()) {
                return Some(word("place"));
            }
        }
        if let Some(g) = fl.min_reliability {
            if !f.reliability.iter().any(|r| *r <= g && *r != Reliability::F) {
                return Some(word("min-reliability"));
            }
        }
        if let Some(c) = fl.max_credibility {
            if f.credibility > c {
                return Some(word("max-credibility"));
            }
        }
        if let Some(s) = fl.source {
            // A figure without a source is its outlet's, as `claim list --source` reads it.
            let own = f.source_ids.is_empty() && f.outlet_id == Some(s);
            if !own && !f.source_ids.contains(&s) {
                return Some(word("source"));
            }
        }
        if let Some(t) = &fl.tag {
            if !f.tags.contains(t) {
                return Some(word("tag"));
            }
        }
        if let Some(since) =
            fl.since.as_deref().and_then(|d| PartialDate::parse(d).ok()).and_then(|d| d.first_day())
        {
            if f.when_to.as_deref().map(|w| w < since.to_string().as_str()).unwrap_or(true) {
                return Some(word("since"));
            }
        }
        if let Some(until) =
            fl.until.as_deref().and_then(|d| PartialDate::parse(d).ok()).and_then(|d| d.last_day())
        {
            if f.when_from.as_deref().map(|w| w > until.to_string().as_str()).unwrap_or(true) {
                return Some(word("until"));
            }
        }
        None
    }
}

/// The days a figure's claim covers: its `--when`, where a cumulative window ("since ...") runs
/// to the publication date.
fn window_of(f: &FigureRow) -> Option<(String, String)> {
    let (from, to) = (f.when_from.clone()?, f.when_to.clone()?);
    if f.when_precision.as_deref() == Some("cumulative") {
        let published =
            f.published.as_deref().and_then(|p| PartialDate::parse(p).ok()).and_then(|d| d.last_day());
        if let Some(p) = published.map(|d| d.to_string()).filter(|p| *p >= from) {
            return Some((from, p));
        }
    }
    Some((from, to))
}

/// What a figure's notation states: `up to 30` and `fewer than 10` a ceiling only (so does a sum
/// whose every part does); at least, more than, a vague word and a provisional toll bound the
/// count from below only, so a later count can overtake them.
fn bounds_of(f: &FigureRow) -> (bool, bool) {
    let ceiling = |kind: &str| matches!(kind, "at-most" | "fewer-than");
    let ceiling_only = match f.kind.as_str() {
        "sum" => {
            // The rule lists each part as `[kind ...]`.
            let parts: Vec<&str> = f.rule.split('[').skip(1).collect();
            !parts.is_empty() && parts.iter().all(|p| p.starts_with("at-most") || p.starts_with("fewer-than"))
        }
        kind => ceiling(kind),
    };
    let lower_bound = f.provisional || matches!(f.kind.as_str(), "at-least" | "more-than" | "vague");
    (ceiling_only, lower_bound)
}

/// Reconciliation's view of one figure.
fn figure_in(f: &FigureRow, ctx: &Context, req: &ReconcileRequest) -> FigureIn {
    let grades = &f.reliability;
    let window = window_of(f);
    let excluded = if let Some(as_of) = req.as_of {
        match (first_day(f.published.as_deref()), as_of.last_day()) {
            (Some(p), Some(limit)) if p > limit => Some(Excluded::NotYet(as_of.to_string())),
            _ => None,
        }
    } else {
        None
    }
    .or_else(|| req.filtered(f).map(Excluded::Filtered))
    .or_else(|| {
        let asked = req.window?;
        let (from, to) = (asked.from.first_day()?.to_string(), asked.to.last_day()?.to_string());
        match &window {
            Some((a, b)) if *a >= from && *b <= to => None,
            Some((a, b)) => {
                let own = if a == b { a.clone() } else { format!("{a}..{b}") };
                Some(Excluded::OtherWindow(Some(own), asked.to_string()))
            }
            None => Some(Excluded::OtherWindow(None, asked.to_string())),
        }
    })
    .or_else(|| {
        if f.credibility.value() == 5 {
            Some(Excluded::Improbable)
        } else if !f.source_ids.is_empty()
            && !grades.is_empty()
            && grades.iter().all(|g| *g == Reliability::E)
        {
            Some(Excluded::Unreliable)
        } else {
            None
        }
    });
    // One voice: a shared originating source (the outlet, for its own reporting), the same
    // source set in articles that are copies of each other, or claims linked `repeats`.
    let originators: Vec<i64> =
        if f.source_ids.is_empty() { f.outlet_id.into_iter().collect() } else { f.source_ids.clone() };
    let mut keys: Vec<u64> = originators.iter().map(|s| hashed("source", &[*s])).collect();
    let root = ctx.roots.get(&f.article_id).copied().unwrap_or(f.article_id);
    let mut set = f.source_ids.clone();
    set.sort_unstable();
    set.insert(0, root);
    keys.push(hashed("copy", &set));
    if let Some(r) = ctx.repeat_root.get(&f.claim_id) {
        keys.push(hashed("repeats", &[*r]));
    }
    let repeats = ctx.repeats.get(&f.claim_id).cloned().unwrap_or_default();
    let original_published = repeats.iter().find_map(|c| ctx.published.get(c)).cloned();
    let (ceiling_only, lower_bound) = bounds_of(f);
    FigureIn {
        figure_id: f.id,
        claim_id: f.claim_id,
        low: f.low,
        high: f.high,
        point: f.point,
        provisional: f.provisional,
        ceiling_only,
        lower_bound,
        weight: f.weight,
        excluded,
        voice_keys: keys,
        published: f.published.clone(),
        repeats,
        original_published,
        window,
    }
}

/// The links known by the `--as-of` date.
fn links_known(ctx: &Context, as_of: Option<PartialDate>) -> Links {
    let updates = ctx
        .updates
        .iter()
        .filter(|(_, published)| match (as_of.and_then(|d| d.last_day()), first_day(published.as_deref())) {
            (Some(limit), Some(p)) => p <= limit,
            _ => true,
        })
        .map(|(u, _)| *u)
        .collect();
    Links { updates, published: ctx.published.clone() }
}

/// A claim that repeats another and names no source takes the repeated claim's sources.
fn inherit_sources(figs: &mut [FigureRow], conn: &Connection, ctx: &Context) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.name FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = ?1 ORDER BY cs.position",
    )?;
    for f in figs.iter_mut().filter(|f| f.source_ids.is_empty()) {
        for claim in ctx.repeats.get(&f.claim_id).into_iter().flatten() {
            let found: Vec<(i64, String)> = stmt
                .query_map([claim], |r| Ok((r.get("id")?, r.get("name")?)))?
                .collect::<rusqlite::Result<_>>()?;
            if !found.is_empty() {
                (f.source_ids, f.sources) = found.into_iter().unzip();
                break;
            }
        }
    }
    Ok(())
}

struct MeasureHead {
    id: i64,
    key: String,
    label: String,
    unit: Option<String>,
}

fn heads(conn: &Connection, req: &ReconcileRequest) -> Result<Vec<MeasureHead>> {
    let read = |r: &rusqlite::Row<'_>| {
        Ok(MeasureHead { id: r.get("id")?, key: r.get("key")?, label: r.get("label")?, unit: r.get("unit")? })
    };
    if req.all {
        let mut stmt = conn.prepare("SELECT id, key, label, unit FROM measures ORDER BY id")?;
        let rows = stmt.query_map([], read)?.collect::<rusqlite::Result<_>>()?;
        return Ok(rows);
    }
    let mut out = Vec::new();
    for k in &req.keys {
        let id = measure_id(conn, k)?;
        out.push(conn.query_row(MEASURE_HEAD_BY_ID, [id], read)?);
    }
    Ok(out)
}

fn head_by_id(conn: &Connection, id: i64) -> Result<MeasureHead> {
    Ok(conn.query_row(MEASURE_HEAD_BY_ID, [id], |r| {
        Ok(MeasureHead { id: r.get("id")?, key: r.get("key")?, label: r.get("label")?, unit: r.get("unit")? })
    })?)
}

/// A derived measure: each part reconciled with the same request (a manual best is the sum's
/// own, so its parts take the weighted median), and the sum of their outcomes.
fn reconcile_sum(
    conn: &Connection,
    ctx: &Context,
    head: &MeasureHead,
    parts: &[(i64, String)],
    req: &ReconcileRequest,
    depth: usize,
) -> Result<Reconciled> {
    if depth >= super::derived::MAX_DEPTH {
        return super::invalid(format!(
            "{} nests sums more than {} deep; crosscheck does not reconcile it",
            head.key,
            super::derived::MAX_DEPTH
        ));
    }
    let mut part_req = req.clone();
    if req.core.method == Method::Manual {
        part_req.core.method = Method::Weighted;
        part_req.core.manual = None;
    }
    let mut done = Vec::with_capacity(parts.len());
    for (id, _) in parts {
        let h = head_by_id(conn, *id)?;
        let figs = figures_where(conn, FigureFilter { measure: Some(h.id), ..Default::default() })?;
        done.push(reconcile_at(conn, ctx, &h, figs, &part_req, depth + 1)?);
    }
    let outcomes: Vec<&Outcome> = done.iter().map(|r| &r.outcome).collect();
    let mut outcome = crate::reconcile::sum(&outcomes, req.core.envelope);
    match req.core.method {
        Method::Manual => {
            outcome.best = req.core.manual.map(|m| crate::reconcile::within(m, outcome.low, outcome.high))
        }
        Method::Range => outcome.best = None,
        _ => {}
    }
    Ok(Reconciled {
        measure_id: head.id,
        key: head.key.clone(),
        label: head.label.clone(),
        unit: head.unit.clone(),
        figures: Vec::new(),
        outcome,
        method: req.core.method,
        as_of: req.as_of.map(|d| d.to_string()),
        filters: req.filter.clone(),
        saved: None,
        parts: done,
    })
}

fn reconcile_one(
    conn: &Connection,
    ctx: &Context,
    head: &MeasureHead,
    figures: Vec<FigureRow>,
    req: &ReconcileRequest,
) -> Result<Reconciled> {
    reconcile_at(conn, ctx, head, figures, req, 0)
}

/// A manual best lies inside the measure's range, like every method's: a `--value` typed
/// outside it is refused (by `reconcile`), naming the measure and the values that would do. A
/// saved manual result applied again (`incident show`, `export events`, the report) is kept
/// inside by the core instead.
pub fn manual_inside(r: &Reconciled, req: &ReconcileRequest) -> Result<()> {
    let (Method::Manual, Some(v)) = (req.core.method, req.core.manual) else { return Ok(()) };
    let o = &r.outcome;
    let below = o.low.is_some_and(|l| v < l);
    let above = !o.open_high && o.high.is_some_and(|h| v > h);
    if !(below || above) {
        return Ok(());
    }
    let low = o.low.unwrap_or(0);
    let high = if o.open_high { "open".to_string() } else { o.high.unwrap_or(low).to_string() };
    super::invalid(format!(
        "--value {v} lies outside {}'s range, {low}..{high}; a manual best must lie within it (from {low}{})",
        r.key,
        if o.open_high { " up".to_string() } else { format!(" to {high}") }
    ))
}

/// One measure's reconciliation: from its figures, or from its parts when it is a sum.
fn reconcile_at(
    conn: &Connection,
    ctx: &Context,
    head: &MeasureHead,
    mut figures: Vec<FigureRow>,
    req: &ReconcileRequest,
    depth: usize,
) -> Result<Reconciled> {
    let parts = super::derived::parts_of(conn, head.id)?;
    if !parts.is_empty() {
        return reconcile_sum(conn, ctx, head, &parts, req, depth);
    }
    inherit_sources(&mut figures, conn, ctx)?;
    let inputs: Vec<FigureIn> = figures.iter().map(|f| figure_in(f, ctx, req)).collect();
    let outcome = reconcile(&inputs, &links_known(ctx, req.as_of), &req.core);
    Ok(Reconciled {
        measure_id: head.id,
        key: head.key.clone(),
        label: head.label.clone(),
        unit: head.unit.clone(),
        figures,
        outcome,
        method: req.core.method,
        as_of: req.as_of.map(|d| d.to_string()),
        filters: req.filter.clone(),
        saved: None,
        parts: Vec::new(),
    })
}

/// Streams every measure that has figures, in measure order, with its figures: one measure in
/// memory at a time.
fn for_each_measure_figures(
    conn: &Connection,
    mut f: impl FnMut(i64, Vec<FigureRow>) -> Result<()>,
) -> Result<()> {
    let mut current: Option<(i64, Vec<FigureRow>)> = None;
    super::figures::for_each_figure(conn, FigureFilter::default(), |fig| {
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

/// Reconciles the requested measures in order, handing each result to `out`.
pub(crate) fn each(
    conn: &Connection,
    req: &ReconcileRequest,
    mut out: impl FnMut(Reconciled) -> Result<()>,
) -> Result<()> {
    let heads = heads(conn, req)?;
    let ctx = load_context(conn)?;
    if !req.all {
        for h in &heads {
            let figs = figures_where(conn, FigureFilter { measure: Some(h.id), ..Default::default() })?;
            out(reconcile_one(conn, &ctx, h, figs, req)?)?;
        }
        return Ok(());
    }
    // Figures stream in measure order; measures without any are given in their place.
    let mut next = 0;
    for_each_measure_figures(conn, |id, figs| {
        while next < heads.len() && heads[next].id < id {
            out(reconcile_one(conn, &ctx, &heads[next], Vec::new(), req)?)?;
            next += 1;
        }
        if next < heads.len() && heads[next].id == id {
            out(reconcile_one(conn, &ctx, &heads[next], figs, req)?)?;
            next += 1;
        }
        Ok(())
    })?;
    for h in &heads[next..] {
        out(reconcile_one(conn, &ctx, h, Vec::new(), req)?)?;
    }
    Ok(())
}

const RECONCILIATION_SELECT: &str =
    "SELECT r.id, m.key, r.method, r.low, r.best, r.high, r.open_high, r.conflict,
        r.support, r.figures, r.voices, r.filters, r.as_of, r.note, r.stale, r.created_at
    FROM reconciliations r JOIN measures m ON m.id = r.measure_id";

fn reconciliation_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ReconciliationRow> {
    Ok(ReconciliationRow {
        id: r.get("id")?,
        measure: r.get("key")?,
        method: r.get("method")?,
        low: r.get("low")?,
        best: r.get("best")?,
        high: r.get("high")?,
        open_high: r.get("open_high")?,
        conflict: r.get("conflict")?,
        support: r.get("support")?,
        figures: r.get("figures")?,
        voices: r.get("voices")?,
        filters: r.get("filters")?,
        as_of: r.get("as_of")?,
        note: r.get("note")?,
        stale: r.get("stale")?,
        created_at: r.get("created_at")?,
    })
}

/// Every saved reconciliation, in id order.
pub(crate) fn all_saved(conn: &Connection) -> Result<Vec<ReconciliationRow>> {
    let mut stmt = conn.prepare_cached(&format!("{RECONCILIATION_SELECT} ORDER BY r.id"))?;
    let rows = stmt.query_map([], reconciliation_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Stores one reconciliation with the figures it used, inside an open transaction.
fn save(conn: &Connection, r: &Reconciled, note: Option<&str>) -> Result<ReconciliationRow> {
    let o = &r.outcome;
    let filters = serde_json::to_string(&r.filters).unwrap_or_else(|_| "{}".into());
    conn.prepare_cached(
        "INSERT INTO reconciliations (uuid, measure_id, method, low, best, high, open_high, conflict,
            support, figures, voices, filters, as_of, note, stale, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, ?15)",
    )?
    .execute(params![
        new_uuid(),
        r.measure_id,
        r.method,
        o.low,
        o.best,
        o.high,
        o.open_high,
        o.conflict,
        o.support,
        super::sql_int(o.figures),
        super::sql_int(o.voices),
        filters,
        r.as_of,
        note.and_then(super::sources::empty_null),
        now()
    ])?;
    let id = conn.last_insert_rowid();
    let mut used = conn.prepare_cached(
        "INSERT INTO reconciliation_figures (reconciliation_id, figure_id) VALUES (?1, ?2)",
    )?;
    for f in &o.used {
        used.execute(params![id, f])?;
    }
    Ok(conn
        .prepare_cached(&format!("{RECONCILIATION_SELECT} WHERE r.id = ?1"))?
        .query_row([id], reconciliation_row)?)
}

impl Notebook {
    /// Reconciles the requested measures, handing each result to `out` as soon as it is ready:
    /// one measure's figures are in memory at a time. Nothing is written.
    pub fn reconcile_each(
        &mut self,
        req: &ReconcileRequest,
        out: impl FnMut(Reconciled) -> Result<()>,
    ) -> Result<()> {
        let tx = self.read()?;
        each(&tx, req, out)
    }

    /// Reconciles and saves every requested measure in one transaction. Each result is handed
    /// to `keep` (which must only store it: nothing is printed while the transaction is open)
    /// and the transaction is committed before this returns.
    pub fn reconcile_and_save(
        &mut self,
        req: &ReconcileRequest,
        mut keep: impl FnMut(Reconciled) -> Result<()>,
    ) -> Result<usize> {
        let tx = self.change()?;
        let mut saved = 0;
        each(&tx, req, |mut r| {
            r.saved = Some(save(&tx, &r, req.note.as_deref())?);
            saved += 1;
            keep(r)
        })?;
        tx.commit()?;
        Ok(saved)
    }

    /// One reconciliation per publication date of the measure's figures, as of that date.
    pub fn timeline(&mut self, req: &ReconcileRequest) -> Result<Vec<TimelineRow>> {
        let tx = self.read()?;
        let ctx = load_context(&tx)?;
        let mut rows = Vec::new();
        for head in heads(&tx, req)? {
            if !super::derived::parts_of(&tx, head.id)?.is_empty() {
                rows.extend(sum_timeline(&tx, &ctx, &head, req)?);
                continue;
            }
            let mut figures =
                figures_where(&tx, FigureFilter { measure: Some(head.id), ..Default::default() })?;
            inherit_sources(&mut figures, &tx, &ctx)?;
            let dates: BTreeSet<String> = figures.iter().filter_map(|f| f.published.clone()).collect();
            for date in dates {
                let Ok(as_of) = PartialDate::parse(&date) else { continue };
                let at = ReconcileRequest { as_of: Some(as_of), ..req.clone() };
                let inputs: Vec<FigureIn> = figures.iter().map(|f| figure_in(f, &ctx, &at)).collect();
                let o = reconcile(&inputs, &links_known(&ctx, at.as_of), &at.core);
                rows.push(TimelineRow {
                    measure: head.key.clone(),
                    date,
                    low: o.low,
                    best: o.best,
                    high: o.high,
                    open_high: o.open_high,
                    support: o.support,
                    figures: super::sql_int(o.figures),
                    voices: super::sql_int(o.voices),
                });
            }
        }
        Ok(rows)
    }

    pub fn reconciliations(&mut self, measure: Option<&str>) -> Result<Vec<ReconciliationRow>> {
        let tx = self.read()?;
        let m = measure.map(|k| measure_id(&tx, k)).transpose()?;
        let mut stmt = tx.prepare(&format!(
            "{RECONCILIATION_SELECT} WHERE (?1 IS NULL OR r.measure_id = ?1) ORDER BY r.id"
        ))?;
        let rows = stmt.query_map([m], reconciliation_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The figure ids a saved reconciliation rested on.
    pub fn reconciliation_figures(&self, id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(
            "SELECT figure_id FROM reconciliation_figures WHERE reconciliation_id = ?1 ORDER BY figure_id",
        )?;
        let rows = stmt.query_map([id], |r| r.get("figure_id"))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Every measure with its counts of eligible figures and voices (one measure's figures in
    /// memory at a time).
    pub fn measures(&mut self) -> Result<Vec<MeasureRow>> {
        let tx = self.read()?;
        let req = ReconcileRequest { all: true, ..Default::default() };
        let mut counts: HashMap<i64, (i64, i64)> = HashMap::new();
        each(&tx, &req, |r| {
            counts
                .insert(r.measure_id, (super::sql_int(r.outcome.figures), super::sql_int(r.outcome.voices)));
            Ok(())
        })?;
        let sums = super::derived::all_sum_texts(&tx)?;
        let mut stmt = tx.prepare(
            "SELECT m.id, m.key, m.label, m.unit, i.key AS incident, m.role FROM measures m
             LEFT JOIN incidents i ON i.id = m.incident_id ORDER BY m.key",
        )?;
        let rows = stmt
            .query_map([], |r| {
                let id: i64 = r.get("id")?;
                let (figures, voices) = counts.get(&id).copied().unwrap_or((0, 0));
                let sum_of = sums.get(&id).cloned();
                Ok(MeasureRow {
                    id,
                    key: r.get("key")?,
                    label: r.get("label")?,
                    unit: r.get("unit")?,
                    figures,
                    voices,
                    incident: r.get("incident")?,
                    role: r.get("role")?,
                    sum_of,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// One measure with its counts: only its own figures are read and reconciled.
    pub fn measure(&mut self, key: &str) -> Result<(MeasureRow, Reconciled)> {
        let tx = self.read()?;
        let req = ReconcileRequest { keys: vec![key.to_string()], ..Default::default() };
        let mut found = None;
        each(&tx, &req, |r| {
            found = Some(r);
            Ok(())
        })?;
        let r = found.ok_or_else(|| Error::NotFound(format!("there is no measure '{key}'")))?;
        let (incident, role) = tx.query_row(
            "SELECT i.key, m.role FROM measures m LEFT JOIN incidents i ON i.id = m.incident_id WHERE m.id = ?1",
            [r.measure_id],
            |row| Ok((row.get("key")?, row.get("role")?)),
        )?;
        let row = MeasureRow {
            id: r.measure_id,
            key: r.key.clone(),
            label: r.label.clone(),
            unit: r.unit.clone(),
            figures: super::sql_int(r.outcome.figures),
            voices: super::sql_int(r.outcome.voices),
            incident,
            role,
            sum_of: super::derived::sum_text(&tx, r.measure_id)?,
        };
        Ok((row, r))
    }
}

/// A derived measure's timeline: one row per publication date of its parts' figures (at any
/// depth), each the sum of the parts reconciled as of that date.
fn sum_timeline(
    conn: &Connection,
    ctx: &Context,
    head: &MeasureHead,
    req: &ReconcileRequest,
) -> Result<Vec<TimelineRow>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT a.published FROM figures f JOIN claims c ON c.id = f.claim_id
         JOIN articles a ON a.id = c.article_id
         WHERE a.published IS NOT NULL
           AND f.measure_id IN (SELECT part_id FROM measure_dependents WHERE measure_id = ?1)
         ORDER BY a.published",
    )?;
    let dates: BTreeSet<String> =
        stmt.query_map([head.id], |r| r.get("published"))?.collect::<rusqlite::Result<_>>()?;
    let mut rows = Vec::with_capacity(dates.len());
    for date in dates {
        let Ok(as_of) = PartialDate::parse(&date) else { continue };
        let at = ReconcileRequest { as_of: Some(as_of), ..req.clone() };
        let o = reconcile_at(conn, ctx, head, Vec::new(), &at, 0)?.outcome;
        rows.push(TimelineRow {
            measure: head.key.clone(),
            date,
            low: o.low,
            best: o.best,
            high: o.high,
            open_high: o.open_high,
            support: o.support,
            figures: super::sql_int(o.figures),
            voices: super::sql_int(o.voices),
        });
    }
    Ok(rows)
}
