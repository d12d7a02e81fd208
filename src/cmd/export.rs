//! `export TABLE` (streamed, to stdout or a file written whole or not at all): a table, the
//! incidents as an event dataset (`--profile`), or the articles as citations; and `merge`.

use std::path::PathBuf;

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ExportArgs;
use crate::notebook::transfer::{Tally, TallyRow};
use crate::notebook::Error;
use crate::render::output::Defaults;
use crate::render::{Dest, Output, RowWriter, Shape};
use crate::rows::Row;
use crate::usecase::export as uses;
use crate::vocab::ExportTable;

/// Exported rows into the renderer.
struct Into<'a>(RowWriter<'a, ()>);

impl uses::Rows for Into<'_> {
    fn row<R: Row>(&mut self, row: &R) -> crate::notebook::Result<()> {
        self.0.any(row).map_err(Error::Output)
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

pub fn export(args: ExportArgs, out: &Output) -> Result<Plan> {
    check_combination(&args)?;
    if args.table == ExportTable::DatasetteMetadata {
        return datasette_metadata(args, out);
    }
    if let Some(cite) = args.format.filter(|f| f.table().is_none()) {
        return Ok(Plan::new("export", Need::Read, Shape::Text, move |run| {
            let out = run.out;
            let outputs = run.outputs(Some(args.force));
            let text = uses::citations(run.nb()?, cite)?;
            let dest = Dest::of(args.out.as_deref(), &outputs, "export");
            out.document_text(dest, &text, |path| format!("wrote {}", path.display()))
        }));
    }
    let columns = uses::columns(args.table, args.profile);
    Ok(Plan::new("export", Need::Read, Shape::Rows(columns.clone()), move |run| {
        let out = run.out;
        let outputs = run.outputs(Some(args.force));
        let defaults = Defaults {
            // Given after `export` or before it; CSV when given nowhere.
            format: out.file_format(args.format.and_then(|f| f.table())),
            every_column: false,
            bom: args.bom,
            raw: args.raw,
        };
        let dest = Dest::of(args.out.as_deref(), &outputs, "export");
        let empty = format!("no {} to export", args.table);
        let mut sink = Into(out.columns_to(columns, dest, defaults, &empty));
        let warnings =
            uses::export(run.nb()?, args.table, args.profile, &super::claim::query(&args.filter), &mut sink)?;
        sink.0.finish()?;
        for w in &warnings {
            out.note(w);
        }
        if let Some(path) = &args.out {
            out.note(&format!("wrote {}", path.display()));
        }
        Ok(())
    }))
}

/// The metadata Datasette reads beside the published notebook, named for the notebook's file
/// (Datasette serves `public.db` as the database `public`): run it on the file you publish.
fn datasette_metadata(args: ExportArgs, out: &Output) -> Result<Plan> {
    if out.other_than_json(args.format.and_then(|f| f.table())) || args.bom || args.raw {
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
        let dest = Dest::of(args.out.as_deref(), &outputs, "Datasette metadata");
        run.out.document(dest, text.as_bytes(), |path| {
            format!("wrote {} (for the database {database})", path.display())
        })
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
