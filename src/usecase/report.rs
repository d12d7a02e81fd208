//! `report`: everything a report page shows, gathered in one read transaction (every read done
//! before anything is written): the measures reconciled (with their saved method when they have
//! one) and their timelines, the claims behind the figures and those that pass the filters, the
//! articles they quote and the sources they name. The page itself is made by `crate::report`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::ClaimQuery;
use crate::notebook::claims::{ClaimFilter, ClaimRow};
use crate::notebook::reconciliations::{ReconcileRequest, Reconciled, ReconciliationRow, TimelineRow};
use crate::notebook::{Notebook, Result};
use crate::reconcile::{Method, Request};
use crate::report::{ArticleText, Lang, MeasureReport, Report, SourceReport};

/// What a report covers and how it reads.
#[derive(Debug, Clone, Default)]
pub struct ReportQuery {
    /// Measure keys; none: every measure (those the filtered claims give figures for).
    pub keys: Vec<String>,
    /// How the best estimate is chosen where no saved reconciliation applies.
    pub method: Method,
    pub max_pairs: usize,
    pub claims: ClaimQuery,
    pub lang: Lang,
    /// The page's title; none: the notebook's file name.
    pub title: Option<String>,
    pub author: Option<String>,
}

impl ReportQuery {
    /// Asks a report cannot answer, as a sentence (refused before a notebook is opened).
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.method == Method::Manual {
            return Err("--method manual needs a value and a note; save one with `crosscheck reconcile KEY --method manual --value N --note WHY` and the report shows it".into());
        }
        Ok(())
    }
}

/// The filters, as `claim list` and `reconcile` read them, and as typed (for the page's header
/// and the reasons of the figures they leave out).
struct Filters {
    claims: ClaimFilter,
    words: Vec<(String, String)>,
    max_pairs: usize,
}

impl Filters {
    fn request(&self, keys: Vec<String>, all: bool, method: Method, manual: Option<i64>) -> ReconcileRequest {
        ReconcileRequest {
            keys,
            all,
            core: Request {
                method,
                include_all: false,
                manual,
                max_pairs: self.max_pairs,
                ..Request::default()
            },
            filter: self.claims.clone(),
            filter_words: self.words.clone(),
            as_of: None,
            window: None,
            note: None,
        }
    }
}

/// `report`: what the page shows, in one read transaction.
pub fn gather_report(nb: &mut Notebook, query: &ReportQuery) -> Result<Report> {
    nb.reading(|nb| gather(nb, query))
}

fn gather(nb: &mut Notebook, query: &ReportQuery) -> Result<Report> {
    if let Some(a) = query.claims.article {
        nb.article(a)?;
    }
    let f = Filters {
        claims: query.claims.resolve(nb)?,
        words: query.claims.words(true),
        max_pairs: query.max_pairs,
    };
    let mut keys: Vec<String> = Vec::new();
    for k in &query.keys {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    let whole = keys.is_empty();
    // Claims: all of them by id, and which pass the filters (as `claim list` reads them).
    let mut claims: BTreeMap<i64, ClaimRow> =
        nb.claims(&ClaimFilter::default())?.into_iter().map(|c| (c.id, c)).collect();
    let passing: BTreeSet<i64> = if f.claims.is_empty() {
        claims.keys().copied().collect()
    } else {
        nb.claims(&f.claims)?.into_iter().map(|c| c.id).collect()
    };
    let measures = measures(nb, &f, &keys, query.method, whole.then_some(&passing))?;

    // The claims the page shows: those behind the figures, then (for a whole-notebook report)
    // the other claims that pass the filters.
    let behind: BTreeSet<i64> =
        measures.iter().flat_map(|m| m.reconciled.figures.iter().map(|f| f.claim_id)).collect();
    let other_claims: Vec<i64> =
        if whole { passing.iter().copied().filter(|c| !behind.contains(c)).collect() } else { Vec::new() };
    let shown: HashSet<i64> = behind.iter().chain(&other_claims).copied().collect();
    claims.retain(|id, _| shown.contains(id));

    // Articles and sources: all of them for a whole notebook without filters, else those the
    // shown claims cite (and the articles' outlets).
    let everything = whole && f.claims.is_empty();
    let (articles, sources) = texts(nb, &claims, everything)?;
    // The page of each quote whose article has pages (a PDF), for its citation.
    let mut pages = BTreeMap::new();
    for id in claims.keys() {
        if let Some(page) = nb.claim_page(*id)? {
            pages.insert(*id, page);
        }
    }
    let title = match &query.title {
        Some(t) => t.clone(),
        None => crate::report::default_title(nb.path()),
    };
    Ok(Report {
        title,
        author: query.author.clone(),
        generated: crate::notebook::now(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        lang: query.lang,
        keys,
        filters: f.words,
        method: query.method,
        measures,
        claims,
        other_claims,
        articles,
        sources,
        pages,
    })
}

/// Every requested measure, reconciled with the report's method, or with its saved one when it
/// has a saved result (shown with it), and its timeline. `passing`: for a whole-notebook report,
/// the claims that pass the filters (with filters, only the measures they give figures for).
fn measures(
    nb: &mut Notebook,
    f: &Filters,
    keys: &[String],
    method: Method,
    passing: Option<&BTreeSet<i64>>,
) -> Result<Vec<MeasureReport>> {
    let saved = saved_results(nb, &f.claims)?;
    let mut measures = reconcile_all(nb, &f.request(keys.to_vec(), passing.is_some(), method, None))?;
    if let (Some(passing), false) = (passing, f.claims.is_empty()) {
        // A sum is shown when a figure of one of its parts passes.
        fn passes(m: &Reconciled, passing: &BTreeSet<i64>) -> bool {
            m.figures.iter().any(|fig| passing.contains(&fig.claim_id))
                || m.parts.iter().any(|p| passes(p, passing))
        }
        measures.retain(|m| passes(m, passing));
    }
    let mut groups: BTreeMap<(Method, Option<i64>), Vec<String>> = BTreeMap::new();
    for m in &measures {
        groups.entry(method_of(saved.get(&m.key), method)).or_default().push(m.key.clone());
    }
    let mut redone: HashMap<String, Reconciled> = HashMap::new();
    let mut timelines: HashMap<String, Vec<TimelineRow>> = HashMap::new();
    for ((group_method, manual), group_keys) in groups {
        let req = f.request(group_keys, false, group_method, manual);
        if group_method != method {
            for r in reconcile_all(nb, &req)? {
                redone.insert(r.key.clone(), r);
            }
        }
        for row in nb.timeline(&req)? {
            timelines.entry(row.measure.clone()).or_default().push(row);
        }
    }
    Ok(measures
        .into_iter()
        .map(|m| {
            let mut reconciled = redone.remove(&m.key).unwrap_or(m);
            reconciled.saved = saved.get(&reconciled.key).cloned();
            let timeline = timelines.remove(&reconciled.key).unwrap_or_default();
            MeasureReport { reconciled, timeline }
        })
        .collect())
}

/// The articles (with their text and claimed spans) and sources (with their rating history)
/// a report shows: every one, or those the shown claims cite and name.
fn texts(
    nb: &mut Notebook,
    claims: &BTreeMap<i64, ClaimRow>,
    everything: bool,
) -> Result<(Vec<ArticleText>, Vec<SourceReport>)> {
    let cited: HashSet<i64> = claims.values().map(|c| c.article_id).collect();
    let mut articles = Vec::new();
    for row in nb.articles()? {
        if everything || cited.contains(&row.id) {
            let body = nb.article_body(row.id)?;
            let spans = nb.claim_spans(row.id)?;
            articles.push(ArticleText { row, body, spans });
        }
    }
    let named: HashSet<&str> = claims
        .values()
        .flat_map(|c| c.sources.iter().map(String::as_str))
        .chain(articles.iter().filter_map(|a| a.row.outlet.as_deref()))
        .collect();
    let mut sources = Vec::new();
    for row in nb.sources()? {
        if everything || named.contains(row.name.as_str()) {
            let history = nb.rating_history(row.id)?;
            sources.push(SourceReport { row, history });
        }
    }
    Ok((articles, sources))
}

fn reconcile_all(nb: &mut Notebook, req: &ReconcileRequest) -> Result<Vec<Reconciled>> {
    let mut out = Vec::new();
    nb.reconcile_each(req, |r| {
        out.push(r);
        Ok(())
    })?;
    Ok(out)
}

/// The latest saved reconciliation of each measure that was made with these filters and no
/// `--as-of` date, by measure key.
fn saved_results(nb: &mut Notebook, filter: &ClaimFilter) -> Result<HashMap<String, ReconciliationRow>> {
    let mut latest: HashMap<String, ReconciliationRow> = HashMap::new();
    for row in nb.reconciliations(None)? {
        let same = serde_json::from_str::<ClaimFilter>(&row.filters).map(|f| f == *filter).unwrap_or(false);
        if same && row.as_of.is_none() {
            // Rows come in id order: a later one replaces an earlier one.
            latest.insert(row.measure.clone(), row);
        }
    }
    Ok(latest)
}

/// The method (and manual value) each measure is reconciled with: its saved one, else the
/// report's.
fn method_of(saved: Option<&ReconciliationRow>, default: Method) -> (Method, Option<i64>) {
    match saved {
        Some(s) if s.method == Method::Manual => (Method::Manual, s.best),
        Some(s) => (s.method, None),
        None => (default, None),
    }
}
