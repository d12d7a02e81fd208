//! What `import articles` prints: a row a file, or, for a large import on a terminal, one line
//! per outcome with the first few files of each.

use std::path::Path;

use anyhow::Result;

use super::output::Output;
use crate::notebook::import::FileResult;
use crate::rows::{Columns, Row};
use crate::vocab::ImportStatus;

/// How many files make an import large: past it, a terminal gets a summary, not a row a file.
const LARGE: usize = 20;

/// The rows of an import (or its summary), as the output asks.
pub fn files(out: &Output, files: &[FileResult], verbose: bool) -> Result<()> {
    // Quiet: the id of each article added, one a line, whatever the format or destination, so
    // that `id=$(crosscheck -q import articles f.txt)` works (duplicates add nothing).
    if out.quiet() {
        use std::io::Write;
        let mut stdout = std::io::stdout().lock();
        for id in files.iter().filter(|r| r.status == ImportStatus::Imported).filter_map(|r| r.id) {
            writeln!(stdout, "{id}")?;
        }
        stdout.flush()?;
        return Ok(());
    }
    let people = out.table();
    if !people || verbose || files.len() <= LARGE || !out.terminal() {
        out.list(files, "nothing was imported")?;
    } else {
        summary(out, files)?;
    }
    Ok(())
}

/// One line of a large import's summary.
#[derive(serde::Serialize, Default)]
struct Line {
    outcome: &'static str,
    files: usize,
    first: String,
}

impl Row for Line {}

/// A large import on a terminal: one line per outcome with the first five files of each.
fn summary(out: &Output, files: &[FileResult]) -> Result<()> {
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
    let lines: Vec<Line> = lines.into_iter().filter(|l| l.files > 0).collect();
    // Every column, whatever the terminal's width.
    let mut w = out.columns_to(
        Columns::of::<Line>(),
        super::Dest::Stdout,
        super::output::Defaults { every_column: true, ..Default::default() },
        "",
    );
    lines.iter().try_for_each(|l| w.any(l))?;
    w.finish()
}
