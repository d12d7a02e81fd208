//! `reconcile`: one measure's figures into low, best and high. Results are printed as they are
//! computed when nothing is saved; with `--save` every result is saved and committed first and
//! printed afterwards (from a spool, so `reconcile --all --save` holds one measure in memory).

use std::io::{BufRead, Write};

use anyhow::{bail, Result};
use serde::{de::DeserializeOwned, Serialize};
use serde_json::json;

use super::{columns, Ctx, UsageError};
use crate::cli::ReconcileArgs;
use crate::notebook::reconciliations::{ReconcileRequest, Reconciled};
use crate::notebook::Access;
use crate::reconcile::{Method, Request};
use crate::render::{Columns, Format, Writer};

/// Results kept until the transaction that saved them is committed: in memory while few, in a
/// temporary file beyond that.
struct Spool<T> {
    held: Vec<T>,
    file: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
}

const IN_MEMORY: usize = 256;

impl<T: Serialize + DeserializeOwned> Spool<T> {
    fn new() -> Spool<T> {
        Spool { held: Vec::new(), file: None }
    }

    fn push(&mut self, item: T) -> std::io::Result<()> {
        if self.file.is_none() && self.held.len() < IN_MEMORY {
            self.held.push(item);
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(std::io::BufWriter::new(tempfile::NamedTempFile::new()?));
        }
        let f = self.file.as_mut().expect("opened above");
        serde_json::to_writer(&mut *f, &item)?;
        f.write_all(b"\n")
    }

    /// Hands every item to `f`, in the order pushed.
    fn drain(self, mut f: impl FnMut(T) -> Result<()>) -> Result<()> {
        for item in self.held {
            f(item)?;
        }
        if let Some(w) = self.file {
            let tmp = w.into_inner().map_err(|e| e.into_error())?;
            let reader = std::io::BufReader::new(tmp.reopen()?);
            for line in reader.lines() {
                f(serde_json::from_str(&line?)?)?;
            }
        }
        Ok(())
    }
}

/// One figure of a measure beside the others, as the reconcile table shows it.
#[derive(Debug, Clone, Default, Serialize)]
struct SideRow {
    figure: i64,
    claim: i64,
    published: Option<String>,
    source: String,
    rating: String,
    notation: String,
    low: i64,
    high: String,
    point: i64,
    weight: f64,
    voice: Option<i64>,
    included: String,
    reason: String,
}

const SIDE: Columns = Columns {
    all: &[
        "figure",
        "claim",
        "published",
        "source",
        "rating",
        "notation",
        "low",
        "high",
        "point",
        "weight",
        "voice",
        "included",
        "reason",
    ],
    brief: &["figure", "source", "rating", "notation", "low", "high", "voice", "included"],
    roomy: &["claim", "published", "point", "weight"],
    cut: &["source", "notation"],
};

/// What the short codes of the `included` column mean, printed under the table.
const LEGEND: &str =
    "included: yes = speaks for its voice; voice of #N = same voice as figure #N, which is later; \
    superseded = an update replaced it; cred 5 = improbable; E-rated = all sources unreliable; \
    filtered = a filter left it out; not yet = published after --as-of";

fn side_rows(r: &Reconciled) -> Vec<SideRow> {
    r.figures
        .iter()
        .zip(&r.outcome.items)
        .map(|(f, item)| SideRow {
            figure: f.id,
            claim: f.claim_id,
            published: f.published.clone(),
            source: if f.sources.is_empty() {
                format!("{} (own report)", f.outlet.clone().unwrap_or_else(|| "no outlet".into()))
            } else {
                f.sources.join("; ")
            },
            rating: f.rating.clone(),
            notation: f.notation.clone(),
            low: f.low,
            high: if f.provisional {
                "open (provisional)".into()
            } else {
                f.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into())
            },
            point: f.point,
            weight: f.weight,
            voice: item.voice.map(crate::notebook::sql_int),
            included: item.code.clone(),
            reason: item.reason.clone(),
        })
        .collect()
}

/// One measure as a JSON object: the reconciliation's columns plus its conflicts and items,
/// borrowed from the result and streamed, so a measure of many figures is not copied.
#[derive(Serialize)]
struct JsonMeasure<'a> {
    id: Option<i64>,
    measure: String,
    label: &'a str,
    method: Method,
    low: Option<i64>,
    best: Option<i64>,
    high: Option<i64>,
    open_high: bool,
    conflict: bool,
    support: crate::reconcile::Support,
    figures: i64,
    voices: i64,
    filters: &'a crate::notebook::claims::ClaimFilter,
    as_of: &'a Option<String>,
    note: Option<String>,
    stale: bool,
    created_at: Option<&'a str>,
    conflicting_pairs: u64,
    conflicts: Vec<[i64; 2]>,
    conflict_gaps: Vec<i64>,
    clusters: &'a [crate::reconcile::Cluster],
    items: Items<'a>,
}

/// The items of a measure, serialized one by one.
struct Items<'a>(&'a [crate::reconcile::Item]);

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|i| {
            json!({
                "figure_id": i.figure_id,
                "included": i.included,
                "code": i.code,
                "reason": i.reason,
                "weight": i.weight,
                "voice": i.voice,
                "superseded_by": i.superseded_by,
                "voice_of": i.voice_of,
            })
        }))
    }
}

fn json_object<'a>(r: &'a Reconciled, note: Option<&str>) -> JsonMeasure<'a> {
    let row = r.row(note);
    let o = &r.outcome;
    JsonMeasure {
        id: r.saved.as_ref().map(|s| s.id),
        measure: row.measure,
        label: &r.label,
        method: row.method,
        low: row.low,
        best: row.best,
        high: row.high,
        open_high: row.open_high,
        conflict: row.conflict,
        support: row.support,
        figures: row.figures,
        voices: row.voices,
        filters: &r.filters,
        as_of: &r.as_of,
        note: row.note,
        stale: row.stale,
        created_at: r.saved.as_ref().map(|s| s.created_at.as_str()),
        conflicting_pairs: o.conflicting_pairs,
        conflicts: o.conflicts.iter().map(|p| [p.a, p.b]).collect(),
        conflict_gaps: o.conflicts.iter().map(|p| p.gap).collect(),
        clusters: &o.clusters,
        items: Items(&o.items),
    }
}

/// The summary line under a measure's table.
fn summary(r: &Reconciled) -> String {
    let o = &r.outcome;
    let show = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    let high = if o.open_high { "open".to_string() } else { show(o.high) };
    let best = if r.method == Method::Range { String::new() } else { format!("best {}, ", show(o.best)) };
    let mut line = format!(
        "low {}, {best}high {high} ({}), support {}, eligible figures {} of {}, voices {}",
        show(o.low),
        r.method,
        o.support,
        o.figures,
        o.items.len(),
        o.voices
    );
    if let Some(d) = &r.as_of {
        line.push_str(&format!(", as of {d}"));
    }
    if let Some(s) = &r.saved {
        line.push_str(&format!("; saved as reconciliation #{}", s.id));
    }
    line
}

/// The conflict in words: how many pairs, the widest named, and the clusters.
fn conflict_lines(r: &Reconciled) -> Vec<String> {
    let o = &r.outcome;
    if o.conflicting_pairs == 0 {
        return Vec::new();
    }
    let named: Vec<String> =
        o.conflicts.iter().map(|p| format!("#{} vs #{} (gap {})", p.a, p.b, p.gap)).collect();
    let mut lines = vec![format!(
        "{} pair(s) of voices cannot both be true{}{}",
        o.conflicting_pairs,
        if named.is_empty() { String::new() } else { format!("; widest: {}", named.join(", ")) },
        if (o.conflicts.len() as u64) < o.conflicting_pairs { " …" } else { "" }
    )];
    if o.clusters.len() > 1 {
        let clusters: Vec<String> = o
            .clusters
            .iter()
            .map(|c| {
                let high = c.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into());
                let ids: Vec<String> = c.figures.iter().take(8).map(|f| format!("#{f}")).collect();
                let more = if c.figures.len() > 8 {
                    format!(" and {} more", c.figures.len() - 8)
                } else {
                    String::new()
                };
                format!("{}..{high} ({}{more})", c.low, ids.join(" "))
            })
            .collect();
        lines.push(format!("clusters of voices that agree: {}", clusters.join(" | ")));
    }
    lines
}

/// The figures on one axis under the table, with the reconciled band: terminal tables only.
fn chart_lines(r: &Reconciled, width: usize, ascii: bool) -> Vec<String> {
    use crate::render::chart::{draw, Band, Bar};
    let bars: Vec<Bar> = r
        .figures
        .iter()
        .zip(&r.outcome.items)
        .map(|(f, item)| Bar {
            label: format!("#{} {}", f.id, f.rating),
            low: f.low,
            high: if f.provisional { None } else { f.high },
            point: f.point,
            included: item.included,
        })
        .collect();
    let o = &r.outcome;
    let band = o.low.map(|low| Band { low, high: if o.open_high { None } else { o.high }, best: o.best });
    draw(&bars, band, width, ascii)
}

fn print_table(ctx: &Ctx, r: &Reconciled, ascii: bool) -> Result<()> {
    ctx.heading(&format!("{} — {}", r.key, r.label))?;
    let mut w = Writer::new(ctx.stdout(), &ctx.options("no figures for this measure yet"), &SIDE)?;
    for row in side_rows(r) {
        w.row(&row)?;
    }
    w.finish()?;
    let mut out = ctx.stdout();
    let width = ctx.width.unwrap_or(usize::MAX);
    for text in std::iter::once(summary(r)).chain(conflict_lines(r)) {
        for line in crate::render::width::wrap(&crate::render::escape_line(&text), width) {
            writeln!(out, "{line}")?;
        }
    }
    if !r.figures.is_empty() && ctx.format == Format::Table {
        let width = ctx.width.unwrap_or(80);
        writeln!(out)?;
        for line in chart_lines(r, width, ascii) {
            writeln!(out, "{}", crate::render::escape_line(&line))?;
        }
        if ctx.pick == crate::render::Pick::Default {
            for line in crate::render::width::wrap(LEGEND, width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Prints results one by one in the chosen format.
struct Printer<'a> {
    ctx: &'a Ctx,
    note: Option<&'a str>,
    ascii: bool,
    count: usize,
    csv: Option<Writer<std::io::BufWriter<std::io::StdoutLock<'static>>>>,
}

impl<'a> Printer<'a> {
    fn new(ctx: &'a Ctx, note: Option<&'a str>, ascii: bool) -> Result<Printer<'a>> {
        let csv = match ctx.format {
            Format::Csv | Format::Tsv => Some(ctx.writer(&columns::RECONCILIATIONS, "")?),
            Format::Json => {
                let mut out = ctx.stdout();
                out.write_all(b"[")?;
                out.flush()?;
                None
            }
            _ => None,
        };
        Ok(Printer { ctx, note, ascii, count: 0, csv })
    }

    fn print(&mut self, r: &Reconciled) -> Result<()> {
        match self.ctx.format {
            Format::Table | Format::Markdown => print_table(self.ctx, r, self.ascii)?,
            Format::Json | Format::Jsonl => {
                let object = json_object(r, self.note);
                let mut out = self.ctx.stdout();
                if self.ctx.format == Format::Json {
                    out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                    crate::render::write_json(&mut out, &object, false, self.ctx.terminal)?;
                } else {
                    crate::render::write_json(&mut out, &object, false, self.ctx.terminal)?;
                    out.write_all(b"\n")?;
                }
                out.flush()?;
            }
            Format::Csv | Format::Tsv => {
                if let Some(w) = self.csv.as_mut() {
                    w.row(&r.row(self.note))?;
                }
            }
        }
        self.count += 1;
        Ok(())
    }

    fn finish(self) -> Result<()> {
        if let Some(w) = self.csv {
            w.finish()?;
        }
        if self.ctx.format == Format::Json {
            let mut out = self.ctx.stdout();
            out.write_all(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
            out.flush()?;
        }
        if self.count == 0 && matches!(self.ctx.format, Format::Table | Format::Markdown) {
            let mut out = self.ctx.stdout();
            writeln!(out, "there are no measures to reconcile; add one with `crosscheck measure add`")?;
            out.flush()?;
        }
        Ok(())
    }
}

fn request(ctx: &Ctx, args: &ReconcileArgs, nb: &crate::notebook::Notebook) -> Result<ReconcileRequest> {
    let f = &args.filter;
    // The filters as typed, for the reasons of the figures they leave out.
    let words = super::claim::filter_words(f, false);
    let json_like = matches!(ctx.format, Format::Json | Format::Jsonl);
    Ok(ReconcileRequest {
        keys: args.keys.clone(),
        all: args.all,
        core: Request {
            method: args.method,
            include_all: args.include_all,
            manual: args.value,
            max_pairs: if args.all_pairs && json_like { usize::MAX } else { args.max_pairs },
        },
        filter: super::claim::filter(nb, f)?,
        filter_words: words,
        as_of: args.as_of,
        note: args.note.clone(),
    })
}

fn check_flags(ctx: &Ctx, args: &ReconcileArgs) -> Result<()> {
    if args.method == Method::Manual {
        if args.value.is_none() {
            bail!("--method manual needs --value N, the best estimate you chose, and --note saying why");
        }
        if args.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
            bail!("--method manual needs --note saying why you chose {}", args.value.unwrap_or_default());
        }
    } else if args.value.is_some() {
        bail!(
            "--value goes with --method manual; the {} method computes the best estimate itself",
            args.method
        );
    }
    if args.filter.measure.is_some() {
        bail!(UsageError(
            "--measure is a claim list filter; name the measures to reconcile as KEY... or --all".into()
        ));
    }
    if args.all_pairs && !matches!(ctx.format, Format::Json | Format::Jsonl) {
        bail!(UsageError("--all-pairs names every conflicting pair in JSON only; add --format json".into()));
    }
    if args.timeline {
        ctx.check_columns(&columns::TIMELINE)?;
    } else if matches!(ctx.format, Format::Csv | Format::Tsv) {
        ctx.check_columns(&columns::RECONCILIATIONS)?;
    }
    Ok(())
}

pub fn run(ctx: &Ctx, args: ReconcileArgs) -> Result<()> {
    check_flags(ctx, &args)?;
    let mut nb = ctx.open(if args.save { Access::Write } else { Access::Read })?;
    let req = request(ctx, &args, &nb)?;
    if args.timeline {
        let rows = nb.timeline(&req)?;
        let empty = "no dated figures for this measure yet";
        if ctx.format != Format::Table || ctx.pick != crate::render::Pick::Default || rows.is_empty() {
            return ctx.list(&columns::TIMELINE, rows, empty);
        }
        // For people, one table per measure under its key, so that no row repeats the key and
        // the dates and support words keep their width at 80 columns.
        let mut rest = rows.as_slice();
        while let Some(first) = rest.first() {
            let n = rest.iter().take_while(|r| r.measure == first.measure).count();
            ctx.heading(&first.measure)?;
            ctx.list(&columns::TIMELINE, &rest[..n], empty)?;
            rest = &rest[n..];
        }
        return Ok(());
    }
    let note = args.note.as_deref();
    if args.save {
        // Compute, commit, then render: nothing is printed while the transaction is open.
        let mut spool = Spool::new();
        nb.reconcile_and_save(&req, |r| spool.push(r).map_err(crate::notebook::Error::Output))?;
        drop(nb);
        let mut printer = Printer::new(ctx, note, args.ascii)?;
        spool.drain(|r| printer.print(&r))?;
        return printer.finish();
    }
    let mut printer = Printer::new(ctx, note, args.ascii)?;
    nb.reconcile_each(&req, |r| printer.print(&r).map_err(output))?;
    printer.finish()
}

/// Carries a printing failure through the notebook's callback, keeping a closed pipe one.
fn output(e: anyhow::Error) -> crate::notebook::Error {
    match e.downcast::<std::io::Error>() {
        Ok(io) => crate::notebook::Error::Output(io),
        Err(other) => crate::notebook::Error::Io(format!("{other:#}")),
    }
}
