//! `report`: what the page shows is gathered by `usecase::report` (one read transaction, every
//! read done before anything is written); `crate::report` makes the page, and the renderer
//! writes it (and, for Markdown, the chart files beside it), each file whole or not at all.

use anyhow::{bail, Result};

use super::{Need, Plan, Run, UsageError};
use crate::cli::ReportArgs;
use crate::render::{Dest, Output, Shape};
use crate::usecase::report::{gather_report, ReportQuery};

pub fn plan(args: ReportArgs, out: &Output) -> Result<Plan> {
    let markdown = out.markdown_page("report")?;
    let to_stdout = args.out.as_os_str() == "-";
    if markdown && to_stdout {
        bail!(UsageError("--format markdown writes chart files beside the report; give a file with --out, such as report.md".into()));
    }
    let query = ReportQuery {
        keys: args.keys.clone(),
        method: args.method,
        max_pairs: args.max_pairs,
        claims: super::claim::query(&args.filter),
        lang: args.lang,
        title: args.title.clone(),
        author: args.author.clone(),
    };
    query.check().map_err(UsageError)?;
    let shape = if to_stdout { Shape::Text } else { Shape::Nothing };
    Ok(Plan::new("report", Need::Read, shape, move |run| write(run, &args, &query, markdown)))
}

fn write(run: &mut Run<'_>, args: &ReportArgs, query: &ReportQuery, markdown: bool) -> Result<()> {
    let out = run.out;
    let report = gather_report(run.nb()?, query)?;
    run.close();
    let outputs = run.outputs(Some(args.force));
    let counts = format!(
        "{} measure(s), {} figure(s), {} claim(s), {} article(s)",
        report.measures.len(),
        report.measures.iter().map(|m| m.reconciled.figures.len()).sum::<usize>(),
        report.claims.len(),
        report.articles.len()
    );
    if !markdown {
        let page = crate::report::html(&report);
        let file = Some(args.out.as_path()).filter(|p| p.as_os_str() != "-");
        return out.document(Dest::of(file, &outputs, "report"), page.as_bytes(), |path| {
            format!("wrote {} ({counts})", path.display())
        });
    }
    let stem =
        args.out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "report".into());
    let md = crate::report::markdown(&report, &stem);
    out.page_with_files(&outputs, &args.out, md.text.as_bytes(), &md.files, "report")?;
    out.note(&format!(
        "wrote {} and {} chart file(s) beside it ({counts})",
        args.out.display(),
        md.files.len()
    ));
    Ok(())
}
