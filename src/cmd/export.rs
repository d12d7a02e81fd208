//! `export TABLE` (streamed, to stdout or a file written whole or not at all) and `merge`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Result;

use super::{columns, Ctx};
use crate::cli::ExportArgs;
use crate::notebook::transfer::Tally;
use crate::notebook::{Access, Error, Notebook};
use crate::render::{Columns, Format, Options, Pick, Writer};
use crate::vocab::ExportTable;

fn columns_of(table: ExportTable) -> &'static Columns {
    match table {
        ExportTable::Articles => &columns::ARTICLES,
        ExportTable::Sources => &columns::SOURCES,
        ExportTable::Claims => &columns::CLAIMS,
        ExportTable::Figures => &columns::FIGURES,
        ExportTable::Measures => &columns::MEASURES,
        ExportTable::Reconciliations => &columns::RECONCILIATIONS,
        ExportTable::History => &columns::HISTORY,
        ExportTable::DatasetteMetadata => &columns::NONE,
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
        ExportTable::DatasetteMetadata => {}
    }
    Ok(())
}

pub fn export(ctx: &Ctx, args: ExportArgs) -> Result<()> {
    if args.table == ExportTable::DatasetteMetadata {
        return datasette_metadata(ctx, &args);
    }
    let cols = columns_of(args.table);
    // Given after `export` or before it; CSV when given nowhere.
    let format = args.format.or(ctx.format_given.then_some(ctx.format)).unwrap_or(Format::Csv);
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

/// The metadata Datasette reads beside the published notebook, named for the notebook's file
/// (Datasette serves `public.db` as the database `public`): run it on the file you publish.
fn datasette_metadata(ctx: &Ctx, args: &ExportArgs) -> Result<()> {
    let format = args.format.or(ctx.format_given.then_some(ctx.format));
    if format.is_some_and(|f| f != Format::Json) || args.bom || args.raw {
        return Err(super::UsageError(
            "export datasette-metadata writes JSON only; give no --format (or --format json), --bom or --raw"
                .into(),
        )
        .into());
    }
    let nb = ctx.open(Access::Read)?;
    let database = nb.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let metadata = crate::team::datasette::metadata(&database, crate::notebook::schema::SCHEMA);
    let mut text = serde_json::to_string_pretty(&metadata)?;
    text.push('\n');
    match &args.out {
        None => {
            let mut out = ctx.stdout();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
        Some(path) => {
            let mut file =
                ctx.outputs(Some(args.force)).file(path, "Datasette metadata").map_err(anyhow::Error::msg)?;
            file.write_all(text.as_bytes())?;
            for note in file.finish()? {
                ctx.note(&note);
            }
            ctx.note(&format!("wrote {} (for the database {database})", path.display()));
        }
    }
    Ok(())
}
