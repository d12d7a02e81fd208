//! `demo`: builds a small notebook from a bundled fictional example (one Arabic and two English
//! articles about one invented event) by running the real commands of `src/demo/steps.txt`,
//! each printed before its output, and ends by saying where the notebook and the CSV are.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use clap::Parser;

use super::{Need, Plan, Run};
use crate::cli::Cli;
use crate::render::Shape;

const ARTICLES: &[(&str, &str)] = &[
    ("valley-daily-ar.txt", include_str!("../demo/valley-daily-ar.txt")),
    ("northern-monitor-en.md", include_str!("../demo/northern-monitor-en.md")),
    ("gulf-wire-en.txt", include_str!("../demo/gulf-wire-en.txt")),
];

const STEPS: &str = include_str!("../demo/steps.txt");

/// The walk-through: each step one command line, as a user would type it.
pub fn steps(dir: &Path) -> Result<Vec<Vec<String>>> {
    STEPS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let words =
                shlex::split(line).ok_or_else(|| anyhow!("the demo step '{line}' is not quoted properly"))?;
            Ok(words
                .into_iter()
                .map(|w| {
                    if let Some(name) = w.strip_prefix("@@") {
                        dir.join(name).display().to_string()
                    } else if let Some(name) = w.strip_prefix('@') {
                        dir.join("articles").join(name).display().to_string()
                    } else {
                        w
                    }
                })
                .collect())
        })
        .collect()
}

/// A command line as it can be pasted back into a shell.
fn shown(words: &[String]) -> String {
    shlex::try_join(words.iter().map(String::as_str)).unwrap_or_else(|_| words.join(" "))
}

/// The folder of a demo's articles, CSV and report, beside its notebook and named after it
/// (`a.db` -> `a-files/`), so two demos in one folder never write over each other's files.
pub fn demo_files(db: &Path) -> PathBuf {
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).map(Path::to_path_buf).unwrap_or_default();
    let stem = db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "demo".into());
    dir.join(format!("{stem}-files"))
}

pub fn plan() -> Plan {
    Plan::new("demo", Need::Nothing, Shape::Text, run)
}

fn run(run: &mut Run<'_>) -> Result<()> {
    let quiet = run.out.quiet();
    // Never the user's own notebook: only --db, never $CROSSCHECK_DB, and never an existing file.
    let (dir, db): (PathBuf, PathBuf) = match run.db_given() {
        Some(p) => {
            let p = crate::notebook::home_expanded(p)?;
            if p.exists() && std::fs::metadata(&p).map(|m| m.len() > 0).unwrap_or(false) {
                bail!(
                    "{} already exists; the demo builds a fresh notebook, so give a new file name",
                    p.display()
                );
            }
            let files = demo_files(&p);
            if std::fs::read_dir(&files).map(|mut d| d.next().is_some()).unwrap_or(false) {
                bail!(
                    "{} already holds another demo's files; give the notebook another name",
                    files.display()
                );
            }
            (files, p)
        }
        None => {
            let dir = tempfile::Builder::new().prefix("crosscheck-demo-").tempdir()?.keep();
            (dir.clone(), dir.join("notebook.db"))
        }
    };
    let outputs = run.outputs(None).protecting(&db);
    let folder = outputs.folder(&dir.join("articles"), "demo's articles").map_err(anyhow::Error::msg)?;
    for (name, text) in ARTICLES {
        run.out.file(folder.file(name), text.as_bytes())?;
    }
    let db_shown = shown(&[db.display().to_string()]);
    let mut out = String::new();
    writeln!(
        out,
        "crosscheck demo: three fictional articles (one Arabic, two English) about one invented event."
    )?;
    writeln!(
        out,
        "Every command below is a real crosscheck command on this notebook; to repeat any of them, first run"
    )?;
    writeln!(out, "  export CROSSCHECK_DB={db_shown}")?;
    run.out.bytes(std::mem::take(&mut out).as_bytes())?;
    for step in steps(&dir)? {
        let line = shown(&step);
        let mut out = String::new();
        writeln!(out, "\n$ crosscheck {line}")?;
        run.out.bytes(std::mem::take(&mut out).as_bytes())?;
        let mut args = vec!["crosscheck".to_string(), "--db".to_string(), db.display().to_string()];
        if quiet {
            args.push("--quiet".into());
        }
        args.extend(step.iter().cloned());
        let cli = Cli::try_parse_from(&args).map_err(|e| anyhow!("demo step '{line}' is malformed: {e}"))?;
        super::run(cli).map_err(|e| anyhow!("demo step 'crosscheck {line}' failed: {e:#}"))?;
    }
    let mut out = String::new();
    writeln!(out, "\nDone. The notebook is {}", db.display())?;
    writeln!(out, "The claims table for a spreadsheet is {}", dir.join("claims.csv").display())?;
    writeln!(out, "The report to open in a browser is {}", dir.join("report.html").display())?;
    writeln!(out, "Try next (with crosscheck installed by `cargo install --path .`, or as `cargo run --release -- ...`):")?;
    writeln!(out, "  export CROSSCHECK_DB={db_shown}")?;
    writeln!(out, "  crosscheck claim list --min-reliability C")?;
    writeln!(out, "  crosscheck measure show defectors.foreign")?;
    writeln!(out, "  crosscheck reconcile deaths.market --timeline")?;
    writeln!(out, "  crosscheck article show 1 --text")?;
    writeln!(out, "  crosscheck search 'اكد'")?;
    run.out.bytes(std::mem::take(&mut out).as_bytes())?;
    Ok(())
}
