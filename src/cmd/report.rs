//! `report`: gathers what the page shows from the notebook (read-only, every read done before
//! anything is written), hands the plain `Report` to the renderer, and writes the page (and,
//! for Markdown, the chart files beside it), each file whole or not at all.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use anyhow::{bail, Result};

use super::{Need, Plan, Run, UsageError};
use crate::cli::ReportArgs;
use crate::notebook::claims::{ClaimFilter, ClaimRow};
use crate::notebook::reconciliations::{ReconcileRequest, Reconciled, ReconciliationRow, TimelineRow};
use crate::notebook::Notebook;
use crate::reconcile::{Method, Request};
use crate::render::{Format, Output, Shape};
use crate::report::{ArticleText, MeasureReport, Report, SourceReport};

pub fn plan(args: ReportArgs, out: &Output) -> Result<Plan> {
    let markdown = match out.format_given() {
        None => false,
        Some(Format::Markdown) => true,
        Some(other) => bail!(UsageError(format!(
            "report writes an HTML page, or Markdown with --format markdown; --format {other} is not one of them"
        ))),
    };
    let to_stdout = args.out.as_os_str() == "-";
    if markdown && to_stdout {
        bail!(UsageError("--format markdown writes chart files beside the report; give a file with --out, such as report.md".into()));
    }
    if args.method == Method::Manual {
        bail!(UsageError(
            "--method manual needs a value and a note; save one with `crosscheck reconcile KEY --method manual --value N --note WHY` and the report shows it".into()
        ));
    }
    let shape = if to_stdout { Shape::Text } else { Shape::Nothing };
    Ok(Plan::new("report", Need::Read, shape, move |run| write(run, &args, markdown)))
}

fn write(run: &mut Run<'_>, args: &ReportArgs, markdown: bool) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let report = gather(nb, args)?;
    run.close();
    let outputs = run.outputs(Some(args.force));

    let counts = format!(
        "{} measure(s), {} figure(s), {} claim(s), {} article(s)",
        report.measures.len(),
        report.measures.iter().map(|m| m.reconciled.figures.len()).sum::<usize>(),
        report.claims.len(),
        report.articles.len()
    );
    if !markdown {
        let page = crate::report::html(&report);
        if args.out.as_os_str() == "-" {
            out.bytes(page.as_bytes())?;
        } else {
            out.file(outputs.file(&args.out, "report"), page.as_bytes())?;
            out.note(&format!("wrote {} ({counts})", args.out.display()));
        }
        return Ok(());
    }
    let stem =
        args.out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let md = crate::report::markdown(&report, &stem);
    let dir = match args.out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // Checked before any chart is written: a refused report leaves no charts behind.
    let page = outputs.file(&args.out, "report");
    if let Err(e) = &page {
        bail!("{e}");
    }
    // The charts first: a report is never left linking to files that were not written. They
    // go into the report's folder under names crosscheck chose, so a link found there is
    // refused, never followed.
    let charts = outputs.folder(&dir, "report's charts").map_err(anyhow::Error::msg)?;
    for (name, _) in &md.files {
        charts.vet(name).map_err(anyhow::Error::msg)?;
    }
    for (name, svg) in &md.files {
        out.file(charts.file(name), svg.as_bytes())?;
    }
    out.file(page, md.text.as_bytes())?;
    out.note(&format!(
        "wrote {} and {} chart file(s) beside it ({counts})",
        args.out.display(),
        md.files.len()
    ));
    Ok(())
}

/// The filters, as `claim list` and `reconcile` read them, and as typed (for the page's header
/// and the reasons of the figures they leave out).
struct Filters {
    claims: ClaimFilter,
    words: Vec<(String, String)>,
}

fn filters(nb: &Notebook, args: &ReportArgs) -> Result<Filters> {
    let f = &args.filter;
    if let Some(a) = f.article {
        nb.article(a)?;
    }
    let words = super::claim::filter_words(f, true);
    Ok(Filters { claims: super::claim::filter(nb, f)?, words })
}

fn request(
    keys: Vec<String>,
    all: bool,
    method: Method,
    manual: Option<i64>,
    f: &Filters,
    max_pairs: usize,
) -> ReconcileRequest {
    ReconcileRequest {
        keys,
        all,
        core: Request { method, include_all: false, manual, max_pairs },
        filter: f.claims.clone(),
        filter_words: f.words.clone(),
        as_of: None,
        note: None,
    }
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

fn gather(nb: &mut Notebook, args: &ReportArgs) -> Result<Report> {
    let f = filters(nb, args)?;
    let mut keys: Vec<String> = Vec::new();
    for k in &args.keys {
        if !keys.contains(k) {
            keys.push(k.clone());
        }
    }
    let whole = keys.is_empty();
    let saved = saved_results(nb, &f.claims)?;

    // Every requested measure, reconciled with the report's method first.
    let mut measures =
        reconcile_all(nb, &request(keys.clone(), whole, args.method, None, &f, args.max_pairs))?;

    // Claims: all of them by id, and which pass the filters (as `claim list` reads them).
    let mut claims: BTreeMap<i64, ClaimRow> =
        nb.claims(&ClaimFilter::default())?.into_iter().map(|c| (c.id, c)).collect();
    let passing: BTreeSet<i64> = if f.claims.is_empty() {
        claims.keys().copied().collect()
    } else {
        nb.claims(&f.claims)?.into_iter().map(|c| c.id).collect()
    };
    // A whole-notebook report with filters covers the measures the filtered claims give figures for.
    if whole && !f.claims.is_empty() {
        measures.retain(|m| m.figures.iter().any(|fig| passing.contains(&fig.claim_id)));
    }

    // Measures with a saved result are shown with it, and reconciled now with its method.
    let mut groups: BTreeMap<(Method, Option<i64>), Vec<String>> = BTreeMap::new();
    for m in &measures {
        groups.entry(method_of(saved.get(&m.key), args.method)).or_default().push(m.key.clone());
    }
    let mut redone: HashMap<String, Reconciled> = HashMap::new();
    let mut timelines: HashMap<String, Vec<TimelineRow>> = HashMap::new();
    for ((method, manual), group_keys) in groups {
        let req = request(group_keys, false, method, manual, &f, args.max_pairs);
        if method != args.method {
            for r in reconcile_all(nb, &req)? {
                redone.insert(r.key.clone(), r);
            }
        }
        for row in nb.timeline(&req)? {
            timelines.entry(row.measure.clone()).or_default().push(row);
        }
    }
    let measures: Vec<MeasureReport> = measures
        .into_iter()
        .map(|m| {
            let mut reconciled = redone.remove(&m.key).unwrap_or(m);
            reconciled.saved = saved.get(&reconciled.key).cloned();
            let timeline = timelines.remove(&reconciled.key).unwrap_or_default();
            MeasureReport { reconciled, timeline }
        })
        .collect();

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

    let title = match &args.title {
        Some(t) => t.clone(),
        None => crate::report::default_title(nb.path()),
    };
    Ok(Report {
        title,
        author: args.author.clone(),
        generated: crate::notebook::now(),
        version: env!("CARGO_PKG_VERSION").to_string(),
        lang: args.lang,
        keys,
        filters: f.words,
        method: args.method,
        measures,
        claims,
        other_claims,
        articles,
        sources,
    })
}
