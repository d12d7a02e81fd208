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

pub fn export(args: ExportArgs) -> Plan {
    Plan::new("export", Need::Read, Shape::Rows(uses::columns(args.table)), move |run| {
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
    })
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
