//! `reconcile`: measures' figures into low, best and high (see `usecase::reconcile`), printed
//! by the renderer's measure printer as they come (after the save is committed, with --save).

use anyhow::Result;

use super::{Need, Plan, Run, UsageError};
use crate::cli::ReconcileArgs;
use crate::notebook::reconciliations::TimelineRow;
use crate::render::reconcile::{MeasurePrinter, MEASURE_COLUMNS};
use crate::render::{Columns, Output, Shape};
use crate::report::Lang;
use crate::usecase::reconcile::{self as uses, ReconcileQuery};

pub fn plan(args: ReconcileArgs, out: &Output) -> Result<Plan> {
    if args.all_pairs && !out.json_given() {
        return Err(UsageError(
            "--all-pairs names every conflicting pair in JSON only; add --format json".into(),
        )
        .into());
    }
    if args.explain && out.delimited_given() {
        return Err(UsageError(
            "--explain prints sentences, which CSV and TSV have no place for; use --format table, markdown or json"
                .into(),
        )
        .into());
    }
    let (lang, explain) = (args.lang, args.explain);
    let query = ReconcileQuery {
        keys: args.keys,
        all: args.all,
        method: args.method,
        include_all: args.include_all,
        value: args.value,
        envelope: args.envelope,
        window: args.window,
        max_pairs: if args.all_pairs { usize::MAX } else { args.max_pairs },
        claims: super::claim::query(&args.filter),
        as_of: args.as_of,
        note: args.note,
        save: args.save,
    };
    query.check().map_err(UsageError)?;
    let need = if query.save { Need::Write } else { Need::Read };
    if args.timeline {
        return Ok(Plan::new("reconcile --timeline", need, Shape::rows::<TimelineRow>(), move |run| {
            let rows = uses::timeline(run.nb()?, &query)?;
            // For people, one table per measure under its key, so that no row repeats the key
            // and the dates and support words keep their width at 80 columns.
            run.out.grouped(&rows, |r| r.measure.as_str(), "no dated figures for this measure yet")
        }));
    }
    let shape = Shape::Rows(Columns::plain(MEASURE_COLUMNS));
    Ok(Plan::new("reconcile", need, shape, move |run| reconcile(run, &query, args.ascii, lang, explain)))
}

fn reconcile(
    run: &mut Run<'_>,
    query: &ReconcileQuery,
    ascii: bool,
    lang: Lang,
    explain: bool,
) -> Result<()> {
    let out = run.out;
    let mut printer = None;
    uses::reconcile(run.nb()?, query, |r| {
        // Opened with the first result: a request refused before it prints nothing.
        if printer.is_none() {
            printer =
                Some(MeasurePrinter::new(out, query.note.as_deref(), ascii, lang, explain).map_err(output)?);
        }
        printer.as_mut().expect("opened above").print(&r).map_err(output)
    })?;
    run.close();
    match printer {
        Some(p) => p.finish(),
        None => MeasurePrinter::new(out, query.note.as_deref(), ascii, lang, explain)?.finish(),
    }
}

/// Carries a printing failure through the notebook's callback, keeping a closed pipe one.
fn output(e: anyhow::Error) -> crate::notebook::Error {
    match e.downcast::<std::io::Error>() {
        Ok(io) => crate::notebook::Error::Output(io),
        Err(other) => crate::notebook::Error::Io(format!("{other:#}")),
    }
}
