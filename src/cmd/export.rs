//! `export TABLE` (streamed, to stdout or a file written whole or not at all) and `merge`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ExportArgs;
use crate::notebook::transfer::{Tally, TallyRow};
use crate::notebook::{Error, Notebook};
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Output, RowWriter, Shape};
use crate::rows::Row;
use crate::vocab::ExportTable;

/// The rows of each table, by their row type.
fn shape_of(table: ExportTable) -> Shape {
    use crate::notebook::*;
    match table {
        ExportTable::Articles => Shape::rows::<articles::ArticleRow>(),
        ExportTable::Sources => Shape::rows::<sources::SourceRow>(),
        ExportTable::Claims => Shape::rows::<claims::ClaimRow>(),
        ExportTable::Figures => Shape::rows::<figures::FigureRow>(),
        ExportTable::Measures => Shape::rows::<figures::MeasureRow>(),
        ExportTable::Reconciliations => Shape::rows::<reconciliations::ReconciliationRow>(),
        ExportTable::History => Shape::rows::<history::HistoryRow>(),
        ExportTable::DatasetteMetadata => Shape::Text,
    }
}

pub fn export(args: ExportArgs, out: &Output) -> Result<Plan> {
    if args.table == ExportTable::DatasetteMetadata {
        return datasette_metadata(args, out);
    }
    Ok(Plan::new("export", Need::Read, shape_of(args.table), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
        let nb = run.nb()?;
        let defaults = Defaults {
            // Given after `export` or before it; CSV when given nowhere.
            format: Some(args.format.or(out.format_given()).unwrap_or(Format::Csv)),
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

/// The metadata Datasette reads beside the published notebook, named for the notebook's file
/// (Datasette serves `public.db` as the database `public`): run it on the file you publish.
fn datasette_metadata(args: ExportArgs, out: &Output) -> Result<Plan> {
    let format = args.format.or(out.format_given());
    if format.is_some_and(|f| f != Format::Json) || args.bom || args.raw {
        return Err(crate::render::UsageError(
            "export datasette-metadata writes JSON only; give no --format (or --format json), --bom or --raw"
                .into(),
        )
        .into());
    }
    Ok(Plan::new("export", Need::Read, Shape::Text, move |run| {
        let outputs = run.outputs(Some(args.force));
        let nb = run.nb()?;
        let database = nb.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let metadata = crate::team::datasette::metadata(&database, crate::notebook::schema::SCHEMA);
        let mut text = serde_json::to_string_pretty(&metadata)?;
        text.push('\n');
        run.close();
        match &args.out {
            None => run.out.bytes(text.as_bytes()),
            Some(path) => {
                run.out.file(outputs.file(path, "Datasette metadata"), text.as_bytes())?;
                run.out.note(&format!("wrote {} (for the database {database})", path.display()));
                Ok(())
            }
        }
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
        ExportTable::Reconciliations => {
            all(open(out, dest, defaults, empty)?, &nb.reconciliations(args.filter.measure.as_deref())?)
        }
        // Written by its own plan (datasette_metadata).
        ExportTable::DatasetteMetadata => Ok(()),
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
