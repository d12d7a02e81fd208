//! `export TABLE` (streamed, to stdout or a file written whole or not at all) and `merge`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ExportArgs;
use crate::notebook::transfer::{Tally, TallyRow};
use crate::notebook::Error;
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Output, RowWriter, Shape};
use crate::rows::Row;
use crate::usecase::export as uses;

/// Exported rows into the renderer.
struct Into<'a>(RowWriter<'a, ()>);

impl uses::Rows for Into<'_> {
    fn row<R: Row>(&mut self, row: &R) -> crate::notebook::Result<()> {
        self.0.any(row).map_err(Error::Output)
    }
}

pub fn export(args: ExportArgs, out: &Output) -> Result<Plan> {
    if args.table == crate::vocab::ExportTable::DatasetteMetadata {
        return datasette_metadata(args, out);
    }
    Ok(Plan::new("export", Need::Read, Shape::Rows(uses::columns(args.table)), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
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
        let mut sink = Into(out.columns_to(uses::columns(args.table), dest, defaults, &empty));
        uses::export(run.nb()?, args.table, &super::claim::query(&args.filter), &mut sink)?;
        sink.0.finish()?;
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
        let tally = crate::usecase::notebook::merge(run.nb()?, &other)?;
        run.close();
        print_tally(run.out, &tally)
    })
}
