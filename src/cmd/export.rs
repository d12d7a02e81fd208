//! `export TABLE` (streamed, to stdout or a file written whole or not at all): a table, the
//! incidents as an event dataset (`--profile`), or the articles as citations; and `merge`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Result;

use super::{columns, Ctx};
use crate::cli::ExportArgs;
use crate::notebook::transfer::Tally;
use crate::notebook::{Access, Error, Notebook};
use crate::render::{Columns, Format, Options, Pick, Writer};
use crate::vocab::{EventProfile, ExportFormat, ExportTable};

fn columns_of(table: ExportTable, profile: Option<EventProfile>) -> &'static Columns {
    match table {
        ExportTable::Incidents => &columns::INCIDENTS,
        ExportTable::Events => match profile {
            Some(EventProfile::Acled) => &columns::ACLED,
            Some(EventProfile::Airwars) => &columns::AIRWARS,
            _ => &columns::UCDP,
        },
        ExportTable::Articles => &columns::ARTICLES,
        ExportTable::Sources => &columns::SOURCES,
        ExportTable::Claims => &columns::CLAIMS,
        ExportTable::Figures => &columns::FIGURES,
        ExportTable::Measures => &columns::MEASURES,
        ExportTable::Reconciliations => &columns::RECONCILIATIONS,
        ExportTable::History => &columns::HISTORY,
    }
}

/// Streams the rows of one table into a writer.
fn write_rows<W: Write>(nb: &mut Notebook, args: &ExportArgs, w: &mut Writer<W>) -> Result<()> {
    let out = |e| Error::Output(e);
    match args.table {
        ExportTable::Claims => {
            let filter = super::claim::filter(nb, &args.filter)?;
            nb.for_each_claim(&filter, |c| w.row(&c).map_err(out))?;
        }
        ExportTable::Figures => {
            nb.for_each_figure(args.filter.measure.as_deref(), |f| w.row(&f).map_err(out))?
        }
        ExportTable::Articles => nb.articles()?.iter().try_for_each(|r| w.row(r))?,
        ExportTable::Sources => nb.sources()?.iter().try_for_each(|r| w.row(r))?,
        ExportTable::Measures => nb.measures()?.iter().try_for_each(|r| w.row(r))?,
        ExportTable::Reconciliations => {
            nb.reconciliations(args.filter.measure.as_deref())?.iter().try_for_each(|r| w.row(r))?
        }
        ExportTable::History => nb.history(None, None, |h| w.row(&h).map_err(out))?,
        ExportTable::Incidents => nb.incidents()?.iter().try_for_each(|r| w.row(r))?,
        ExportTable::Events => {
            let events = nb.events()?;
            for e in &events {
                match args.profile {
                    Some(EventProfile::Acled) => w.row(&crate::events::acled(e))?,
                    Some(EventProfile::Airwars) => w.row(&crate::events::airwars(e))?,
                    _ => w.row(&crate::events::ucdp(e))?,
                }
            }
        }
    }
    Ok(())
}

/// The format `export` was given (after `export` or before it), CSV when given nowhere.
fn chosen_format(ctx: &Ctx, args: &ExportArgs) -> ExportFormat {
    let global = ctx.format_given.then(|| {
        ExportFormat::ALL.iter().copied().find(|f| f.table() == Some(ctx.format)).unwrap_or(ExportFormat::Csv)
    });
    args.format.or(global).unwrap_or(ExportFormat::Csv)
}

/// Flag combinations `export` refuses before a notebook is opened (exit 2).
fn check_combination(args: &ExportArgs, format: ExportFormat) -> Result<()> {
    let usage = |m: &str| Err(super::UsageError(m.to_string()).into());
    match (args.table, args.profile) {
        (ExportTable::Events, None) => {
            return usage(
                "`export events` needs --profile ucdp, acled or airwars: the dataset whose columns to write",
            )
        }
        (t, Some(_)) if t != ExportTable::Events => {
            return usage(&format!("--profile is for `export events`, not `export {t}`"))
        }
        _ => {}
    }
    if format.table().is_none() && args.table != ExportTable::Articles {
        return usage(&format!(
            "--format {format} is for `export articles` (citations); `export {}` writes table, csv, tsv, json, jsonl or markdown",
            args.table
        ));
    }
    Ok(())
}

/// The articles as CSL-JSON (an array of items) or BibTeX entries, one per article.
fn write_citations<W: Write>(
    nb: &mut Notebook,
    format: ExportFormat,
    terminal: bool,
    out: &mut W,
) -> Result<()> {
    let mut first = true;
    let put = |out: &mut W, text: String| -> std::io::Result<()> {
        let text = if terminal { crate::render::escape_controls(&text, true) } else { text };
        out.write_all(text.as_bytes())
    };
    if format == ExportFormat::CslJson {
        put(out, "[".into())?;
    }
    nb.for_each_citable(|c| {
        let text = match format {
            ExportFormat::CslJson => {
                let item = serde_json::to_string_pretty(&crate::citation::csl_item(&c))
                    .map_err(|e| Error::Output(std::io::Error::other(e)))?;
                let indented = item.replace('\n', "\n  ");
                format!("{}\n  {indented}", if first { "" } else { "," })
            }
            _ => format!("{}{}", if first { "" } else { "\n" }, crate::citation::bibtex_entry(&c)),
        };
        first = false;
        put(out, text).map_err(Error::Output)
    })?;
    if format == ExportFormat::CslJson {
        put(out, if first { "]\n".into() } else { "\n]\n".into() })?;
    }
    Ok(())
}

fn export_citations(ctx: &Ctx, args: &ExportArgs, format: ExportFormat) -> Result<()> {
    let mut nb = ctx.open(Access::Read)?;
    match &args.out {
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write_citations(&mut nb, format, ctx.terminal, &mut out)?;
            out.flush()?;
        }
        Some(path) => {
            let outputs = ctx.outputs(Some(args.force));
            let file = outputs.file(path, "export").map_err(anyhow::Error::msg)?;
            let mut out = BufWriter::with_capacity(1 << 16, file);
            write_citations(&mut nb, format, false, &mut out)?;
            for note in out.into_inner().map_err(|e| Error::Output(e.into_error()))?.finish()? {
                ctx.note(&note);
            }
            ctx.note(&format!("wrote {}", path.display()));
        }
    }
    Ok(())
}

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    let chosen = chosen_format(ctx, &args);
    check_combination(&args, chosen)?;
    let Some(format) = chosen.table() else {
        return export_citations(ctx, &args, chosen);
    };
    let cols = columns_of(args.table, args.profile);
    let opts = Options {
        format,
        bom: args.bom,
        raw: args.raw,
        terminal: ctx.terminal && args.out.is_none(),
        width: ctx.width,
        // An export carries every column unless --columns says otherwise (a table for people
        // shows the few a person reads first, as a listing does).
        pick: if ctx.pick == Pick::Default && format != Format::Table { Pick::All } else { ctx.pick.clone() },
        empty: Some(format!("no {} to export", args.table)),
    };
    opts.pick.positions(cols, format, opts.width).map_err(super::UsageError)?;
    let mut nb = ctx.open(Access::Read)?;
    match &args.out {
        None => {
            let mut w = Writer::new(BufWriter::new(std::io::stdout().lock()), &opts, cols)?;
            write_rows(&mut nb, &args, &mut w)?;
            w.finish()?;
        }
        Some(path) => {
            let outputs = ctx.outputs(Some(args.force));
            let file = outputs.file(path, "export").map_err(anyhow::Error::msg)?;
            let mut w = Writer::new(BufWriter::with_capacity(1 << 16, file), &opts, cols)?;
            write_rows(&mut nb, &args, &mut w)?;
            let file = w.finish()?.into_inner().map_err(|e| Error::Output(e.into_error()))?;
            for note in file.finish()? {
                ctx.note(&note);
            }
            ctx.note(&format!("wrote {}", path.display()));
        }
    }
    Ok(())
}

pub fn print_tally(ctx: &Ctx, tally: &Tally) -> Result<()> {
    for note in &tally.notes {
        ctx.note(note);
    }
    if ctx.quiet {
        return Ok(());
    }
    ctx.list(&columns::TALLY, tally.rows.iter(), "nothing to do")
}

pub fn merge(ctx: &Ctx, other: &Path) -> Result<()> {
    ctx.check_columns(&columns::TALLY)?;
    let mut nb = ctx.open(Access::Write)?;
    let tally = nb.merge_from(other)?;
    print_tally(ctx, &tally)
}
