//! `export TABLE` (streamed, to stdout or a file written whole or not at all): a table, the
//! incidents as an event dataset (`--profile`), or the articles as citations; and `merge`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ExportArgs;
use crate::notebook::transfer::{Tally, TallyRow};
use crate::notebook::{Error, Notebook};
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Output, RowWriter, Shape};
use crate::rows::Row;
use crate::vocab::{EventProfile, ExportFormat, ExportTable};

/// The rows of each table, by their row type.
fn shape_of(table: ExportTable, profile: Option<EventProfile>) -> Shape {
    use crate::notebook::*;
    match table {
        ExportTable::Incidents => Shape::rows::<incidents::IncidentRow>(),
        ExportTable::Events => match profile {
            Some(EventProfile::Acled) => Shape::rows::<crate::events::AcledRow>(),
            Some(EventProfile::Airwars) => Shape::rows::<crate::events::AirwarsRow>(),
            _ => Shape::rows::<crate::events::UcdpRow>(),
        },
        ExportTable::Articles => Shape::rows::<articles::ArticleRow>(),
        ExportTable::Sources => Shape::rows::<sources::SourceRow>(),
        ExportTable::Claims => Shape::rows::<claims::ClaimRow>(),
        ExportTable::Figures => Shape::rows::<figures::FigureRow>(),
        ExportTable::Measures => Shape::rows::<figures::MeasureRow>(),
        ExportTable::Reconciliations => Shape::rows::<reconciliations::ReconciliationRow>(),
        ExportTable::History => Shape::rows::<history::HistoryRow>(),
    }
}

/// Flag combinations `export` refuses before a notebook is opened (exit 2).
fn check_combination(args: &ExportArgs) -> Result<()> {
    let usage = |m: String| Err(super::UsageError(m).into());
    match (args.table, args.profile) {
        (ExportTable::Events, None) => {
            return usage(
                "`export events` needs --profile ucdp, acled or airwars: the dataset whose columns to write"
                    .into(),
            )
        }
        (t, Some(_)) if t != ExportTable::Events => {
            return usage(format!("--profile is for `export events`, not `export {t}`"))
        }
        _ => {}
    }
    if let Some(f) = args.format.filter(|f| f.table().is_none()) {
        if args.table != ExportTable::Articles {
            return usage(format!(
                "--format {f} is for `export articles` (citations); `export {}` writes table, csv, tsv, json, jsonl or markdown",
                args.table
            ));
        }
    }
    Ok(())
}

/// The articles as CSL-JSON (an array of items) or BibTeX entries, one per article.
fn citations(nb: &mut Notebook, format: ExportFormat) -> Result<String> {
    let mut text = String::new();
    let mut items = Vec::new();
    nb.for_each_citable(|c| {
        match format {
            ExportFormat::CslJson => items.push(crate::citation::csl_item(&c)),
            _ => {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&crate::citation::bibtex_entry(&c));
            }
        }
        Ok(())
    })?;
    if format == ExportFormat::CslJson {
        text = serde_json::to_string_pretty(&items)?;
        text.push('\n');
    }
    Ok(text)
}

pub fn export(args: ExportArgs) -> Result<Plan> {
    check_combination(&args)?;
    if let Some(cite) = args.format.filter(|f| f.table().is_none()) {
        return Ok(Plan::new("export", Need::Read, Shape::Text, move |run| {
            let out = run.out;
            let outputs = run.outputs(Some(args.force));
            let text = citations(run.nb()?, cite)?;
            match &args.out {
                None if out.terminal() => out.bytes(crate::render::escape_controls(&text, true).as_bytes()),
                None => out.bytes(text.as_bytes()),
                Some(path) => {
                    out.file(outputs.file(path, "export"), text.as_bytes())?;
                    out.note(&format!("wrote {}", path.display()));
                    Ok(())
                }
            }
        }));
    }
    Ok(Plan::new("export", Need::Read, shape_of(args.table, args.profile), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
        let nb = run.nb()?;
        let defaults = Defaults {
            // Given after `export` or before it; CSV when given nowhere.
            format: Some(args.format.and_then(|f| f.table()).or(out.format_given()).unwrap_or(Format::Csv)),
            every_column: false,
            bom: args.bom,
            raw: args.raw,
        };
        let dest = match &args.out {
            None => Dest::Stdout,
            Some(path) => Dest::File { path, outputs: &outputs, what: "export" },
        };
        let empty = format!("no {} to export", args.table);
        write_rows(nb, out, &args, dest, defaults, &empty)?;
        if let Some(path) = &args.out {
            out.note(&format!("wrote {}", path.display()));
        }
        Ok(())
    }))
}

/// Streams the rows of one table into a writer.
fn write_rows(
    nb: &mut Notebook,
    out: &Output,
    args: &ExportArgs,
    dest: Dest<'_>,
    defaults: Defaults,
    empty: &str,
) -> Result<()> {
    fn open<R: Row>(out: &Output, dest: Dest<'_>, d: Defaults, empty: &str) -> Result<RowWriter<R>> {
        out.rows_to::<R>(dest, d, empty)
    }
    let err = |e| Error::Output(e);
    match args.table {
        ExportTable::Claims => {
            let filter = super::claim::filter(nb, &args.filter)?;
            let mut w = open(out, dest, defaults, empty)?;
            nb.for_each_claim(&filter, |c| w.row(&c).map_err(err))?;
            w.finish()
        }
        ExportTable::Figures => {
            let mut w = open(out, dest, defaults, empty)?;
            nb.for_each_figure(args.filter.measure.as_deref(), |f| w.row(&f).map_err(err))?;
            w.finish()
        }
        ExportTable::History => {
            let mut w = open(out, dest, defaults, empty)?;
            nb.history(None, None, |h| w.row(&h).map_err(err))?;
            w.finish()
        }
        ExportTable::Articles => all(open(out, dest, defaults, empty)?, &nb.articles()?),
        ExportTable::Sources => all(open(out, dest, defaults, empty)?, &nb.sources()?),
        ExportTable::Measures => all(open(out, dest, defaults, empty)?, &nb.measures()?),
        ExportTable::Incidents => all(open(out, dest, defaults, empty)?, &nb.incidents()?),
        ExportTable::Events => {
            let events = nb.events()?;
            match args.profile {
                Some(EventProfile::Acled) => all(
                    open(out, dest, defaults, empty)?,
                    &events.iter().map(crate::events::acled).collect::<Vec<_>>(),
                ),
                Some(EventProfile::Airwars) => all(
                    open(out, dest, defaults, empty)?,
                    &events.iter().map(crate::events::airwars).collect::<Vec<_>>(),
                ),
                _ => all(
                    open(out, dest, defaults, empty)?,
                    &events.iter().map(crate::events::ucdp).collect::<Vec<_>>(),
                ),
            }
        }
        ExportTable::Reconciliations => {
            all(open(out, dest, defaults, empty)?, &nb.reconciliations(args.filter.measure.as_deref())?)
        }
    }
}

fn all<R: Row>(mut w: RowWriter<R>, rows: &[R]) -> Result<()> {
    rows.iter().try_for_each(|r| w.row(r))?;
    w.finish()
}

/// What an import or a merge did, table by table, after its notes.
pub fn print_tally(out: &Output, tally: &Tally) -> Result<()> {
    for note in &tally.notes {
        out.note(note);
    }
    if out.quiet() {
        return Ok(());
    }
    out.list(&tally.rows, "nothing to do")
}

pub fn merge(other: PathBuf) -> Plan {
    Plan::new("merge", Need::Write, Shape::rows::<TallyRow>(), move |run: &mut Run<'_>| {
        let tally = run.nb()?.merge_from(&other)?;
        run.close();
        print_tally(run.out, &tally)
    })
}
