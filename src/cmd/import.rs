//! `import articles` (files, folders and stdin, prepared on worker threads and stored in
//! batches by the notebook) and `import sources|claims|figures FILE.csv`.

use anyhow::{bail, Result};

use super::{Need, Plan, Run};
use crate::cli::{ArticleMetaArgs, CsvImportArgs, ImportArticlesArgs, ImportCommand};
use crate::intake::{expand, read_capped, read_manifest, ArticleMeta, Input, ReadRules, DEFAULT_MAX_SIZE};
use crate::notebook::import::{FileResult, ImportRequest};
use crate::notebook::transfer::{CsvTable, TallyRow};
use crate::render::Shape;
use crate::vocab::ImportStatus;

pub fn plan(c: ImportCommand) -> Result<Plan> {
    let csv = |name, table, a: CsvImportArgs| {
        Plan::new(name, Need::Write, Shape::rows::<TallyRow>(), move |run| csv_file(run, table, &a))
    };
    Ok(match c {
        ImportCommand::Articles(args) => {
            Plan::new("import articles", Need::Write, Shape::rows::<FileResult>(), move |run| {
                articles(run, args)
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
    }
}

fn articles(run: &mut Run<'_>, args: ImportArticlesArgs) -> Result<()> {
    let flags = meta_of(&args.meta);
    let rules =
        ReadRules { max_size: args.max_size.unwrap_or(DEFAULT_MAX_SIZE), follow_links: args.follow_links };
    let mut inputs: Vec<(Input, ArticleMeta)> = Vec::new();
    if let Some(m) = &args.manifest {
        let listed = read_manifest(m, rules).map_err(anyhow::Error::msg)?;
        if args.paths.is_empty() {
            inputs.extend(listed.into_iter().map(|(input, meta)| (input, meta.over(&flags))));
        } else {
            // Files named on the command line take their manifest row's metadata.
            let by_path: std::collections::HashMap<std::path::PathBuf, ArticleMeta> = listed
                .into_iter()
                .filter_map(|(i, m)| match i {
                    Input::File(p) => Some((p.canonicalize().unwrap_or(p), m)),
                    _ => None,
                })
                .collect();
            for input in expand(&args.paths, rules) {
                let meta = match &input {
                    Input::File(p) => {
                        p.canonicalize().ok().and_then(|c| by_path.get(&c)).map(|m| m.over(&flags))
                    }
                    _ => None,
                };
                inputs.push((input, meta.unwrap_or_else(|| flags.clone())));
            }
        }
    } else {
        inputs.extend(expand(&args.paths, rules).into_iter().map(|i| (i, flags.clone())));
    }
    if inputs.is_empty() {
        bail!(
            "nothing to import: no .txt, .md or .html files were found; give files, folders or - for stdin"
        );
    }
    if inputs.iter().filter(|(i, _)| *i == Input::Stdin).count() > 1 {
        bail!("- (stdin) is given more than once; give it once");
    }
    let out = run.out;
    let nb = run.nb()?;
    let total = inputs.len();
    let bar = (out.stderr_terminal() && !out.quiet() && total > 1).then(|| {
        let b = indicatif::ProgressBar::new(total as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} articles {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let req = ImportRequest { inputs, max_size: rules.max_size, batch: args.batch };
    let report = nb.import_articles(&req, |done| {
        if let Some(b) = &bar {
            b.set_position(done as u64);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let report = report?;
    run.close();
    print_report(out, &report.files, args.verbose)
}

/// The files imported, then a line of counts; an error when a file failed.
fn print_report(out: &crate::render::Output, files: &[FileResult], verbose: bool) -> Result<()> {
    let count = |s: ImportStatus| files.iter().filter(|r| r.status == s).count();
    let (imported, duplicates, failed, skipped) = (
        count(ImportStatus::Imported),
        count(ImportStatus::Duplicate),
        count(ImportStatus::Failed),
        count(ImportStatus::Skipped),
    );
    let near = files.iter().filter(|r| r.near_duplicate_of.is_some()).count();
    crate::render::imported::files(out, files, verbose)?;
    if out.quiet() {
        for r in files.iter().filter(|r| r.status == ImportStatus::Failed) {
            eprintln!(
                "{}",
                crate::render::escape_line(&format!("{}: {}", r.path, r.error.clone().unwrap_or_default()))
            );
        }
    }
    let mut line = format!("imported {imported}, duplicates {duplicates}, failed {failed}");
    if near > 0 {
        line.push_str(&format!(", near duplicates {near} (imported and flagged)"));
    }
    if skipped > 0 {
        line.push_str(&format!(", passed over {skipped}"));
    }
    out.note(&line);
    if failed > 0 {
        let first = files
            .iter()
            .find(|r| r.status == ImportStatus::Failed)
            .map(|r| format!("{}: {}", r.path, r.error.clone().unwrap_or_default()));
        bail!(
            "{failed} of {} file(s) could not be imported; first: {}",
            files.len(),
            first.unwrap_or_default()
        );
    }
    Ok(())
}

/// `import sources|claims|figures FILE.csv`: one transaction; a bad row stops the whole file.
fn csv_file(run: &mut Run<'_>, table: CsvTable, args: &CsvImportArgs) -> Result<()> {
    let out = run.out;
    let file = &args.file;
    let mut f = std::fs::File::open(file)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), crate::notebook::io_reason(&e)))?;
    let data =
        read_capped(&mut f, 1024 * 1024 * 1024).map_err(|e| anyhow::anyhow!("{} {e}", file.display()))?;
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64;
    let nb = run.nb()?;
    let bar =
        (out.stderr_terminal() && !out.quiet() && lines > 1000).then(|| indicatif::ProgressBar::new(lines));
    let tally = nb
        .import_csv(table, &data, args.update, |n| {
            if let Some(b) = &bar {
                if n % 256 == 0 {
                    b.set_position(n);
                }
            }
        })
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()));
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let tally = tally?;
    run.close();
    super::export::print_tally(out, &tally)
}
