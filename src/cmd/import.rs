//! `import articles` (files, folders and stdin, prepared on worker threads and stored in
//! batches by the notebook) and `import sources|claims|figures FILE.csv`.

use std::path::Path;

use anyhow::{bail, Result};

use super::{columns, Ctx};
use crate::cli::{ArticleMetaArgs, CsvImportArgs, ImportArticlesArgs, ImportCommand};
use crate::intake::{expand, read_capped, read_manifest, ArticleMeta, Input, ReadRules, DEFAULT_MAX_SIZE};
use crate::notebook::import::{FileResult, ImportRequest};
use crate::notebook::transfer::CsvTable;
use crate::notebook::Access;
use crate::render::Format;
use crate::vocab::ImportStatus;

pub fn run(ctx: &Ctx, c: ImportCommand) -> Result<()> {
    match c {
        ImportCommand::Articles(args) => articles(ctx, *args),
        ImportCommand::Sources(a) => csv_file(ctx, CsvTable::Sources, &a),
        ImportCommand::Claims(a) => csv_file(ctx, CsvTable::Claims, &a),
        ImportCommand::Figures(a) => csv_file(ctx, CsvTable::Figures, &a),
    }
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

/// How many files make an import large: past it, a terminal gets a summary, not a row a file.
const LARGE: usize = 20;

fn articles(ctx: &Ctx, args: ImportArticlesArgs) -> Result<()> {
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
    let mut nb = ctx.open(Access::Write)?;
    let total = inputs.len();
    let bar = (ctx.stderr_terminal && !ctx.quiet && total > 1).then(|| {
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
    drop(nb);
    print_report(ctx, &report.files, args.verbose)
}

fn print_report(ctx: &Ctx, files: &[FileResult], verbose: bool) -> Result<()> {
    let count = |s: ImportStatus| files.iter().filter(|r| r.status == s).count();
    let (imported, duplicates, failed, skipped) = (
        count(ImportStatus::Imported),
        count(ImportStatus::Duplicate),
        count(ImportStatus::Failed),
        count(ImportStatus::Skipped),
    );
    let near = files.iter().filter(|r| r.near_duplicate_of.is_some()).count();
    let people = ctx.format == Format::Table;
    if !people || (!ctx.quiet && (verbose || files.len() <= LARGE || !ctx.terminal)) {
        ctx.list(&columns::IMPORTED, files.iter(), "nothing was imported")?;
    } else if !ctx.quiet {
        print_summary(ctx, files)?;
    }
    if ctx.quiet {
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
    ctx.note(&line);
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

/// A large import on a terminal: one line per outcome with the first five files of each.
fn print_summary(ctx: &Ctx, files: &[FileResult]) -> Result<()> {
    #[derive(serde::Serialize)]
    struct Line {
        outcome: &'static str,
        files: usize,
        first: String,
    }
    let group =
        |name: &'static str, pick: &dyn Fn(&FileResult) -> bool, show: &dyn Fn(&FileResult) -> String| {
            let of: Vec<&FileResult> = files.iter().filter(|r| pick(r)).collect();
            let first: Vec<String> = of.iter().take(5).map(|r| show(r)).collect();
            Line {
                outcome: name,
                files: of.len(),
                first: first.join("; ") + if of.len() > 5 { " …" } else { "" },
            }
        };
    let name = |r: &FileResult| {
        Path::new(&r.path)
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| r.path.clone())
    };
    let lines = [
        group("imported", &|r| r.status == ImportStatus::Imported, &|r| {
            format!("{} #{}", name(r), r.id.unwrap_or_default())
        }),
        group("duplicates", &|r| r.status == ImportStatus::Duplicate, &|r| {
            format!("{} = #{}", name(r), r.duplicate_of.unwrap_or_default())
        }),
        group("near duplicates", &|r| r.near_duplicate_of.is_some(), &|r| {
            format!("{} ~ #{}", name(r), r.near_duplicate_of.unwrap_or_default())
        }),
        group("failed", &|r| r.status == ImportStatus::Failed, &|r| {
            format!("{}: {}", name(r), r.error.clone().unwrap_or_default())
        }),
        group("passed over", &|r| r.status == ImportStatus::Skipped, &|r| name(r)),
    ];
    const SUMMARY: crate::render::Columns = crate::render::Columns::plain(&["outcome", "files", "first"]);
    let opts = crate::render::Options { pick: crate::render::Pick::All, ..ctx.options("") };
    let mut w = crate::render::Writer::new(ctx.stdout(), &opts, &SUMMARY)?;
    for l in lines.iter().filter(|l| l.files > 0) {
        w.row(l)?;
    }
    w.finish()?;
    Ok(())
}

/// `import sources|claims|figures FILE.csv`: one transaction; a bad row stops the whole file.
fn csv_file(ctx: &Ctx, table: CsvTable, args: &CsvImportArgs) -> Result<()> {
    ctx.check_columns(&columns::TALLY)?;
    let file = &args.file;
    let mut f = std::fs::File::open(file)
        .map_err(|e| anyhow::anyhow!("{}: {}", file.display(), crate::notebook::io_reason(&e)))?;
    let data =
        read_capped(&mut f, 1024 * 1024 * 1024).map_err(|e| anyhow::anyhow!("{} {e}", file.display()))?;
    let lines = data.iter().filter(|b| **b == b'\n').count() as u64;
    let mut nb = ctx.open(Access::Write)?;
    let bar = (ctx.stderr_terminal && !ctx.quiet && lines > 1000).then(|| indicatif::ProgressBar::new(lines));
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
    drop(nb);
    super::export::print_tally(ctx, &tally)
}
