//! Output kept byte for byte: every step of the demo, and every command that reads what the demo
//! built, run in every output format, compared with the transcripts in `tests/fixtures/golden/`
//! (exit code, stdout, stderr and the files a command writes). A refactoring must leave them
//! as they are; a change of output that an issue asks for is written into them with
//! `scripts/golden.sh`, and the diff of the transcripts shows exactly what changed.
//!
//! Paths, uuids and timestamps differ from run to run and machine to machine, so they are
//! written as `<dir>`, `<uuid>` and `<time>`, and the day of the run (an access date: the day
//! an article was imported) as `<today>`. Commands run in the notebook's folder with
//! relative paths, so that a table never wraps a long temporary path differently.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::BIN;

/// The runs: a name (the transcript's file) and the global flags each command gets.
const RUNS: &[(&str, &[&str])] = &[
    ("default", &[]),
    ("table", &["--format", "table"]),
    ("csv", &["--format", "csv"]),
    ("tsv", &["--format", "tsv"]),
    ("json", &["--format", "json"]),
    ("jsonl", &["--format", "jsonl"]),
    ("markdown", &["--format", "markdown"]),
];

/// Commands run after the demo's own steps: every command that reads, and a few that change
/// what the demo built.
const AFTER: &str = r#"
info
article list
article show 1
article show 2
article show 1 --text
source list
source show 1
source show 'ناشطون محليون'
source alias list
claim list
claim list --min-reliability C --tag defections
claim list --source 'Al-Sahl local monitor'
claim show 1
claim show 4
claim show 6
claim suggest 1
claim suggest 2 --measure deaths.market
measure list
measure show defectors.foreign
measure show deaths.market
figure list
figure list --measure deaths.market
figure terms
figure parse 'about 45'
figure parse 'ما يزيد على 100' --explain
reconcile deaths.market
reconcile deaths.market --lang ar
reconcile --all --method conservative
reconcile defectors.foreign --as-of 2014-12-05
reconcile deaths.market --timeline
reconcile --all --min-reliability C
search الشرطة
search fighters --in claims --limit 2
history
history claims 6
export articles
export sources
export claims --article 1
export figures
export measures
export reconciliations
export history
check
report deaths.market --out -
claim add --article 2 --quote 'denied any defections' --source "The brigade's media office" --credibility 4 --again
claim edit 3 --credibility 5 --tag doubtful
claim link 9 8 --as contradicts
source edit 'أحد سكان السهل' --note 'spoke by telephone'
source rate 'أحد سكان السهل' D --why 'two later reports contradicted him'
source alias add 'ناشطون محليون' 'local activists'
source alias rm 'ناشطون محليون' 'local activists'
source add 'Interior ministry' --kind official --reliability C
source merge 'Interior ministry' 'طبيب في المستشفى الوطني'
measure add wounded.market --label 'people wounded in the shelling'
figure add --claim 4 --measure wounded.market 'عشرات'
figure terms set dozens --low 24 --high 99 --point 36
figure reread --measure defectors.foreign
figure rm 1
claim rm 2
article rm 3 --force
history figures
export sources --out @@sources.csv
export claims --out @@claims-out.csv
import sources @@sources.csv
import claims @@claims-out.csv --update
"#;

/// One command line of a step list as words, `@NAME` a demo article, `@@NAME` a file in the
/// notebook's folder (both relative: commands run in that folder).
fn steps(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            shlex::split(line)
                .unwrap_or_else(|| panic!("step '{line}' is not quoted properly"))
                .into_iter()
                .map(|w| {
                    if let Some(name) = w.strip_prefix("@@") {
                        name.to_string()
                    } else if let Some(name) = w.strip_prefix('@') {
                        format!("articles/{name}")
                    } else {
                        w
                    }
                })
                .collect()
        })
        .collect()
}

/// Paths, uuids and timestamps as placeholders.
fn normalise(text: &str, dirs: &[String]) -> String {
    let mut text = text.to_string();
    for d in dirs {
        text = text.replace(d.as_str(), "<dir>");
    }
    // The demo's articles are of 2014: today's date (or yesterday's, for a run across midnight)
    // can only be the day they were imported. Timestamps keep their own placeholder.
    let today = chrono::Utc::now().date_naive();
    for day in [today, today - chrono::Days::new(1)] {
        let day = day.format("%Y-%m-%d").to_string();
        let mut kept = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(at) = rest.find(&day) {
            kept.push_str(&rest[..at]);
            let after = &rest[at + day.len()..];
            // `2026-12-06T09:10:11Z` is a timestamp: left for its own placeholder.
            if after.starts_with('T') {
                kept.push_str(&day);
            } else {
                kept.push_str("<today>");
            }
            rest = after;
        }
        kept.push_str(rest);
        text = kept;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if let Some(n) = placeholder(&chars[i..]) {
            out.push_str(n.0);
            i += n.1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// A uuid (8-4-4-4-12 hex digits, or its start where a table cut it) or an RFC 3339 timestamp
/// (`2026-01-02T03:04:05Z`) at the start.
fn placeholder(s: &[char]) -> Option<(&'static str, usize)> {
    let fits = |pattern: &str| {
        pattern.chars().count() <= s.len()
            && pattern.chars().zip(s).all(|(p, c)| match p {
                'h' => c.is_ascii_hexdigit() && !c.is_ascii_uppercase(),
                'd' => c.is_ascii_digit(),
                other => other == *c,
            })
    };
    const UUID: &str = "hhhhhhhh-hhhh-";
    const TIME: &str = "dddd-dd-ddTdd:dd:ddZ";
    if fits(UUID) {
        let more = s[UUID.len()..].iter().take_while(|c| c.is_ascii_hexdigit() || **c == '-').count();
        Some(("<uuid>", UUID.len() + more.min(22)))
    } else if fits(TIME) {
        Some(("<time>", TIME.len()))
    } else {
        None
    }
}

/// Runs one command in the notebook's folder and writes what it did into the transcript.
fn run(dir: &Path, flags: &[&str], step: &[String], dirs: &[String], transcript: &mut String) {
    let out = Command::new(BIN)
        .current_dir(dir)
        .arg("--db")
        .arg("notebook.db")
        .args(flags)
        .args(step)
        .env_remove("CROSSCHECK_DB")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .stdin(Stdio::null())
        .output()
        .expect("run crosscheck");
    let shown = shlex::try_join(flags.iter().copied().chain(step.iter().map(String::as_str))).unwrap();
    transcript.push_str(&format!("$ crosscheck {shown}\n"));
    transcript.push_str(&format!("exit {}\n", out.status.code().unwrap_or(-1)));
    let stdout = normalise(&String::from_utf8_lossy(&out.stdout), dirs);
    let stderr = normalise(&String::from_utf8_lossy(&out.stderr), dirs);
    transcript.push_str(&format!("--- stdout\n{stdout}"));
    if !stdout.is_empty() && !stdout.ends_with('\n') {
        transcript.push_str("\n[no newline]\n");
    }
    if !stderr.is_empty() {
        transcript.push_str(&format!("--- stderr\n{stderr}"));
    }
    transcript.push('\n');
}

/// The files the commands wrote into the folder (not the notebook, its backups or the articles).
fn written_files(dir: &Path, dirs: &[String], transcript: &mut String) {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with("notebook.db"))
        .collect();
    names.sort();
    for p in names {
        let text = normalise(&String::from_utf8_lossy(&std::fs::read(&p).unwrap()), dirs);
        transcript.push_str(&format!("=== file {}\n{text}\n", p.file_name().unwrap().to_string_lossy()));
    }
}

fn transcript(flags: &[&str]) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/demo");
    std::fs::create_dir(dir.join("articles")).unwrap();
    for e in std::fs::read_dir(&articles).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "txt" || x == "md") && !p.ends_with("steps.txt") {
            std::fs::copy(&p, dir.join("articles").join(p.file_name().unwrap())).unwrap();
        }
    }
    let mut dirs = vec![dir.display().to_string()];
    if let Ok(c) = dir.canonicalize() {
        dirs.insert(0, c.display().to_string());
    }
    let demo = std::fs::read_to_string(articles.join("steps.txt")).unwrap();
    let mut text = String::new();
    for step in steps(&demo).iter().chain(&steps(AFTER)) {
        run(dir, flags, step, &dirs, &mut text);
    }
    written_files(dir, &dirs, &mut text);
    text
}

fn golden(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden").join(format!("{name}.txt"))
}

/// The first line that differs, with a few lines around it.
fn first_difference(want: &str, have: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (want.lines().collect(), have.lines().collect());
    let at = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)).unwrap_or(0);
    let command = a[..at.min(a.len())].iter().rev().find(|l| l.starts_with("$ crosscheck")).unwrap_or(&"");
    let show = |v: &[&str]| v[at.saturating_sub(3).min(v.len())..(at + 4).min(v.len())].join("\n");
    format!(
        "first difference at line {}, in `{command}`\nexpected:\n{}\nfound:\n{}",
        at + 1,
        show(&a),
        show(&b)
    )
}

#[test]
fn every_command_prints_what_it_printed_before_in_every_format() {
    let write = std::env::var_os("CROSSCHECK_GOLDEN").is_some_and(|v| v == "write");
    let mut failures = Vec::new();
    for (name, flags) in RUNS {
        let have = transcript(flags);
        let path = golden(name);
        if write {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &have).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} cannot be read ({e}); run scripts/golden.sh", path.display()));
        if want != have {
            failures.push(format!("{name}: {}", first_difference(&want, &have)));
        }
    }
    assert!(
        failures.is_empty(),
        "output changed; if the change is meant, run scripts/golden.sh and commit the transcripts\n\n{}",
        failures.join("\n\n")
    );
}
