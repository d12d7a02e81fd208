//! `demo`: builds a small notebook from a bundled fictional example (one Arabic and two English
//! articles about one invented event) by running the real commands, each printed before its
//! output, and ends by saying where the notebook and the CSV are.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Result};
use clap::Parser;

use super::Ctx;
use crate::cli::Cli;

const ARTICLES: &[(&str, &str)] = &[
    ("valley-daily-ar.txt", include_str!("../demo/valley-daily-ar.txt")),
    ("northern-monitor-en.md", include_str!("../demo/northern-monitor-en.md")),
    ("gulf-wire-en.txt", include_str!("../demo/gulf-wire-en.txt")),
];

/// The walk-through: each step is one command line, as a user would type it.
fn steps(dir: &Path) -> Vec<Vec<String>> {
    let a = |name: &str| dir.join("articles").join(name).display().to_string();
    let csv = dir.join("claims.csv").display().to_string();
    let raw: Vec<Vec<&str>> = vec![
        vec!["init"],
        vec![
            "import",
            "articles",
            "@valley-daily-ar.txt",
            "--outlet",
            "صحيفة الوادي",
            "--published",
            "2014-12-05",
            "--lang",
            "ar",
        ],
        vec![
            "import",
            "articles",
            "@northern-monitor-en.md",
            "--outlet",
            "Northern Monitor",
            "--published",
            "2014-12-06",
        ],
        vec!["import", "articles", "@gulf-wire-en.txt", "--outlet", "Gulf Wire", "--published", "2014-12-06"],
        vec![
            "source",
            "add",
            "ناشطون محليون",
            "--kind",
            "activist",
            "--reliability",
            "C",
            "--note",
            "coordination network in Al-Sahl",
        ],
        vec![
            "source",
            "add",
            "مصدر مقرب من قيادة اللواء",
            "--kind",
            "armed-group",
            "--anonymous",
            "--reliability",
            "E",
        ],
        vec!["source", "add", "أحد سكان السهل", "--kind", "resident"],
        vec!["source", "add", "طبيب في المستشفى الوطني", "--kind", "official", "--reliability", "B"],
        vec!["source", "add", "Al-Sahl local monitor", "--kind", "monitor", "--reliability", "B"],
        vec!["source", "list"],
        vec![
            "measure",
            "add",
            "defectors.foreign",
            "--label",
            "foreign fighters who defected",
            "--unit",
            "people",
        ],
        vec![
            "measure",
            "add",
            "deaths.market",
            "--label",
            "people killed in the Al-Sahl market shelling",
            "--unit",
            "people",
        ],
        // The paper's own cross-checked figure, quote typed without its harakat.
        vec![
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            "هو 45 مقاتلا",
            "--credibility",
            "2",
            "--when",
            "past 3 days",
            "--tag",
            "defections",
            "--figure",
            "defectors.foreign=45",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            "ثمانية عناصر من الشرطة الدينية فروا امس",
            "--source",
            "ناشطون محليون",
            "--credibility",
            "3",
            "--when",
            "yesterday",
            "--place",
            "السهل",
            "--tag",
            "defections",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            "عشرات المهاجرين",
            "--source",
            "مصدر مقرب من قيادة اللواء",
            "--credibility",
            "4",
            "--figure",
            "defectors.foreign=عشرات",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            "مقتل 11 شخصا",
            "--source",
            "أحد سكان السهل",
            "--source",
            "طبيب في المستشفى الوطني",
            "--credibility",
            "2",
            "--text",
            "11 killed in the market shelling",
            "--figure",
            "deaths.market=11",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "1",
            "--quote",
            "بنحو 15 قتيلا",
            "--source",
            "Al-Sahl local monitor",
            "--credibility",
            "3",
            "--figure",
            "deaths.market=نحو 15",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "2",
            "--quote",
            "15 people were killed",
            "--source",
            "Al-Sahl local monitor",
            "--credibility",
            "2",
            "--figure",
            "deaths.market=15",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "2",
            "--quote",
            "more than 60 foreign fighters had defected",
            "--source",
            "ناشطون محليون",
            "--credibility",
            "3",
            "--when",
            "this week",
            "--figure",
            "defectors.foreign=more than 60",
        ],
        vec![
            "claim",
            "add",
            "--article",
            "3",
            "--quote",
            "Dozens of foreign fighters have deserted",
            "--source",
            "ناشطون محليون",
            "--credibility",
            "3",
            "--figure",
            "defectors.foreign=dozens",
        ],
        // The monitor revised its own toll; the wire story repeats the activists.
        vec!["claim", "link", "6", "5", "--as", "updates"],
        vec!["claim", "link", "8", "7", "--as", "repeats"],
        vec!["figure", "parse", "ما يزيدُ على 120"],
        vec!["search", "انشقاق"],
        vec!["search", "defected", "--in", "claims"],
        vec!["reconcile", "--all"],
        vec![
            "reconcile",
            "deaths.market",
            "--method",
            "best-source",
            "--save",
            "--note",
            "hospital and monitor disagree; keep both until names are published",
        ],
        vec!["export", "claims", "--bom", "--out", "@@claims.csv"],
        vec!["export", "figures", "--format", "markdown"],
    ];
    raw.into_iter()
        .map(|step| {
            step.into_iter()
                .map(|arg| {
                    if arg == "@@claims.csv" {
                        csv.clone()
                    } else if let Some(name) = arg.strip_prefix('@') {
                        a(name)
                    } else {
                        arg.to_string()
                    }
                })
                .collect()
        })
        .collect()
}

/// Shell quoting for display, so every printed line can be pasted back.
fn quote(arg: &str) -> String {
    let plain = !arg.is_empty() && arg.chars().all(|c| c.is_alphanumeric() || "-_./:=@#,+".contains(c));
    if plain {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

pub fn run(ctx: &Ctx) -> Result<()> {
    // Never the user's own notebook: only --db, never $CROSSCHECK_DB, and never an existing file.
    let (dir, db): (PathBuf, PathBuf) = match &ctx.db {
        Some(p) => {
            if p.exists() && std::fs::metadata(p).map(|m| m.len() > 0).unwrap_or(false) {
                bail!(
                    "{} already exists; the demo builds a fresh notebook, so give a new file name",
                    p.display()
                );
            }
            let dir = p
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."));
            (dir.join("crosscheck-demo-files"), p.clone())
        }
        None => {
            let dir = tempfile::Builder::new().prefix("crosscheck-demo-").tempdir()?.keep();
            (dir.clone(), dir.join("notebook.db"))
        }
    };
    std::fs::create_dir_all(dir.join("articles"))
        .map_err(|e| anyhow!("the demo folder {} cannot be created: {e}", dir.display()))?;
    for (name, text) in ARTICLES {
        std::fs::write(dir.join("articles").join(name), text)?;
    }
    let mut out = ctx.stdout();
    writeln!(
        out,
        "crosscheck demo: three fictional articles (one Arabic, two English) about one invented event."
    )?;
    writeln!(
        out,
        "Every command below is a real crosscheck command on this notebook; to repeat any of them, first run"
    )?;
    writeln!(out, "  export CROSSCHECK_DB={}", quote(&db.display().to_string()))?;
    out.flush()?;
    for step in steps(&dir) {
        let shown: Vec<String> = step.iter().map(|a| quote(a)).collect();
        let mut out = ctx.stdout();
        writeln!(out, "\n$ crosscheck {}", shown.join(" "))?;
        out.flush()?;
        let mut args = vec!["crosscheck".to_string(), "--db".to_string(), db.display().to_string()];
        if ctx.quiet {
            args.push("--quiet".into());
        }
        args.extend(step.iter().cloned());
        let cli = Cli::try_parse_from(&args)
            .map_err(|e| anyhow!("demo step '{}' is malformed: {e}", shown.join(" ")))?;
        super::run(cli).map_err(|e| anyhow!("demo step 'crosscheck {}' failed: {e:#}", shown.join(" ")))?;
    }
    let mut out = ctx.stdout();
    writeln!(out, "\nDone. The notebook is {}", db.display())?;
    writeln!(out, "The claims table for a spreadsheet is {}", dir.join("claims.csv").display())?;
    writeln!(out, "Try next (with crosscheck installed by `cargo install --path .`, or as `cargo run --release -- ...`):")?;
    writeln!(out, "  export CROSSCHECK_DB={}", quote(&db.display().to_string()))?;
    writeln!(out, "  crosscheck claim list --min-reliability C")?;
    writeln!(out, "  crosscheck measure show defectors.foreign")?;
    writeln!(out, "  crosscheck reconcile defectors.foreign --method conservative --format json")?;
    writeln!(out, "  crosscheck article show 1 --text")?;
    writeln!(out, "  crosscheck search 'اكد'")?;
    out.flush()?;
    Ok(())
}
