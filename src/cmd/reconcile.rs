//! `reconcile`: one measure's figures into low, best and high. Results are printed as they are
//! computed when nothing is saved; with `--save` every result is saved and committed first and
//! printed afterwards (from a spool, so `reconcile --all --save` holds one measure in memory).

use std::io::{BufRead, Write};

use anyhow::Result;
use serde::{de::DeserializeOwned, Serialize};

use super::{Need, Plan, Run, UsageError};
use crate::cli::ReconcileArgs;
use crate::notebook::reconciliations::{ReconcileRequest, TimelineRow};
use crate::reconcile::{Method, Request};
use crate::render::reconcile::{MeasurePrinter, MEASURE_COLUMNS};
use crate::render::{Columns, Format, Output, Shape};

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

fn request(
    args: &ReconcileArgs,
    json_like: bool,
    nb: &crate::notebook::Notebook,
) -> Result<ReconcileRequest> {
    let f = &args.filter;
    // The filters as typed, for the reasons of the figures they leave out.
    let words = super::claim::filter_words(f, false);
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

/// Flags that do not go together: a malformed command line.
fn check_flags(args: &ReconcileArgs, json_like: bool) -> Result<(), UsageError> {
    let usage = |m: String| Err(UsageError(m));
    if args.method == Method::Manual {
        if args.value.is_none() {
            return usage(
                "--method manual needs --value N, the best estimate you chose, and --note saying why".into(),
            );
        }
        if args.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
            return usage(format!(
                "--method manual needs --note saying why you chose {}",
                args.value.unwrap_or_default()
            ));
        }
    } else if args.value.is_some() {
        return usage(format!(
            "--value goes with --method manual; the {} method computes the best estimate itself",
            args.method
        ));
    }
    if args.filter.measure.is_some() {
        return usage(
            "--measure is a claim list filter; name the measures to reconcile as KEY... or --all".into(),
        );
    }
    if args.all_pairs && !json_like {
        return usage("--all-pairs names every conflicting pair in JSON only; add --format json".into());
    }
    Ok(())
}

pub fn plan(args: ReconcileArgs, out: &Output) -> Result<Plan> {
    let json_like = matches!(out.format_given(), Some(Format::Json | Format::Jsonl));
    check_flags(&args, json_like)?;
    let need = if args.save { Need::Write } else { Need::Read };
    if args.timeline {
        return Ok(Plan::new("reconcile --timeline", need, Shape::rows::<TimelineRow>(), move |run| {
            let out = run.out;
            let nb = run.nb()?;
            let req = request(&args, json_like, nb)?;
            let rows = nb.timeline(&req)?;
            // For people, one table per measure under its key, so that no row repeats the key
            // and the dates and support words keep their width at 80 columns.
            out.grouped(&rows, |r| r.measure.as_str(), "no dated figures for this measure yet")
        }));
    }
    let shape = Shape::Rows(Columns::plain(MEASURE_COLUMNS));
    Ok(Plan::new("reconcile", need, shape, move |run| reconcile(run, &args, json_like)))
}

fn reconcile(run: &mut Run<'_>, args: &ReconcileArgs, json_like: bool) -> Result<()> {
    let out = run.out;
    let nb = run.nb()?;
    let req = request(args, json_like, nb)?;
    let note = args.note.as_deref();
    if args.save {
        // Compute, commit, then render: nothing is printed while the transaction is open.
        let mut spool = Spool::new();
        nb.reconcile_and_save(&req, |r| spool.push(r).map_err(crate::notebook::Error::Output))?;
        run.close();
        let mut printer = MeasurePrinter::new(out, note, args.ascii)?;
        spool.drain(|r| printer.print(&r))?;
        return printer.finish();
    }
    let mut printer = MeasurePrinter::new(out, note, args.ascii)?;
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
