//! `import articles` (files, folders and stdin, prepared on worker threads and stored in
//! batches by the notebook) and `import sources|claims|figures FILE.csv`.

use anyhow::{bail, Result};

use super::{Need, Plan, Run};
use crate::cli::{ArticleMetaArgs, CsvImportArgs, ImportCommand};
use crate::intake::{ArticleMeta, DEFAULT_MAX_SIZE};
use crate::notebook::import::FileResult;
use crate::notebook::transfer::{CsvTable, TallyRow};
use crate::render::Shape;
use crate::usecase::import::{self as uses, ArticlesQuery};
use crate::vocab::ImportStatus;

pub fn plan(c: ImportCommand) -> Result<Plan> {
    let csv = |name, table, a: CsvImportArgs| {
        Plan::new(name, Need::Write, Shape::rows::<TallyRow>(), move |run| csv_file(run, table, &a))
    };
    Ok(match c {
        ImportCommand::Articles(args) => {
            let query = ArticlesQuery {
                paths: args.paths,
                meta: meta_of(&args.meta),
                manifest: args.manifest,
                max_size: args.max_size.unwrap_or(DEFAULT_MAX_SIZE),
                follow_links: args.follow_links,
                batch: args.batch,
            };
            let verbose = args.verbose;
            Plan::new("import articles", Need::Write, Shape::rows::<FileResult>(), move |run| {
                articles(run, &query, verbose)
            })
        }
        ImportCommand::Sources(a) => csv("import sources", CsvTable::Sources, a),
        ImportCommand::Claims(a) => csv("import claims", CsvTable::Claims, a),
        ImportCommand::Figures(a) => csv("import figures", CsvTable::Figures, a),
    })
}

fn meta_of(args: &ArticleMetaArgs) -> ArticleMeta {
    let clean = |s: &Option<String>| s.as_ref().map(|v| v.trim().to_string()).filter(|v| !v.is_empty());
    ArticleMeta {
        title: clean(&args.title),
        outlet: clean(&args.outlet),
        author: clean(&args.author),
        url: clean(&args.url),
        published: args.published,
        language: args.lang.clone(),
        archived_url: clean(&args.archived_url),
        read_as: args.read_as.map(Into::into),
        ..Default::default()
    }
}

/// A progress bar on a terminal's stderr, for work of `total` steps (none when quiet).
fn progress_bar(run: &Run<'_>, total: u64, template: &str) -> Option<indicatif::ProgressBar> {
    (run.out.stderr_terminal() && !run.out.quiet()).then(|| {
        let b = indicatif::ProgressBar::new(total);
        b.set_style(
            indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    })
}

fn articles(run: &mut Run<'_>, query: &ArticlesQuery, verbose: bool) -> Result<()> {
    // Found on disk before the notebook is opened: nothing to import writes nothing.
    let req = uses::inputs(query)?;
    let total = req.inputs.len();
    let bar =
        progress_bar(run, total as u64, "{bar:30} {pos}/{len} articles {elapsed}").filter(|_| total > 1);
    let report = uses::import_articles(run.nb()?, &req, |done| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report?;
    run.close();
    let out = run.out;
    crate::render::imported::files(out, &report.files, verbose)?;
    if out.quiet() {
        for r in report.files.iter().filter(|r| r.status == ImportStatus::Failed) {
            eprintln!(
                "{}",
                crate::render::escape_line(&format!("{}: {}", r.path, r.error.clone().unwrap_or_default()))
            );
        }
    }
    out.note(&uses::counts(&report.files));
    if let Some(failure) = uses::failure(&report.files) {
        bail!(failure);
    }
    Ok(())
}

/// `import sources|claims|figures FILE.csv`: one transaction; a bad row stops the whole file.
fn csv_file(run: &mut Run<'_>, table: CsvTable, args: &CsvImportArgs) -> Result<()> {
    let data = uses::read_csv(&args.file)?;
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64;
    let bar = progress_bar(run, lines, "{bar:30} {pos}/{len} lines {elapsed}").filter(|_| lines > 1000);
    let tally = uses::import_csv(run.nb()?, table, &args.file, &data, args.update, |n| {
        if let Some(b) = &bar {
            if n % 256 == 0 {
                b.set_position(n);
            }
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let tally = tally?;
    run.close();
    super::export::print_tally(run.out, &tally)
}
