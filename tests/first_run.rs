//! The first run: demo, help for every command, completions, man page, and the README.

mod common;
use common::{Nb, BIN};
use std::process::Command;

#[test]
fn the_demo_builds_a_full_notebook_and_says_where_it_is() {
    let nb = Nb::new();
    let r = nb.ok(&["demo"]);
    assert!(r.stdout.contains("$ crosscheck import articles"), "each command is printed");
    assert!(r.stdout.contains("$ crosscheck reconcile --all"));
    assert!(r.stdout.contains(&format!("The notebook is {}", nb.db.display())));
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(info["articles"], 3);
    assert!(info["sources"].as_i64().unwrap() >= 4);
    assert!(info["claims"].as_i64().unwrap() >= 6);
    assert!(info["figures"].as_i64().unwrap() >= 6);
    assert_eq!(info["reconciliations"], 1);
    let articles = nb.ok(&["article", "list", "--format", "json"]).json();
    let langs: Vec<&str> =
        articles.as_array().unwrap().iter().map(|a| a["language"].as_str().unwrap()).collect();
    assert!(langs.contains(&"ar") && langs.contains(&"en"), "{langs:?}");
    let sources = nb.ok(&["source", "list", "--format", "json"]).json();
    let grades: std::collections::BTreeSet<&str> =
        sources.as_array().unwrap().iter().map(|s| s["reliability"].as_str().unwrap()).collect();
    assert!(grades.len() >= 3, "sources of different ratings: {grades:?}");
    let rec = nb.ok(&["reconcile", "defectors.foreign", "--format", "json"]).json();
    assert_eq!(rec[0]["support"], "contested", "the demo's figures conflict");
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    assert!(saved[0]["note"].as_str().unwrap().len() > 10);
    let csv_path = nb.dir.path().join("notebook-files/claims.csv");
    let bytes = std::fs::read(&csv_path).expect("the demo writes a CSV beside the notebook");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    nb.ok(&["check"]);
    // Never over an existing notebook.
    nb.refuse(&["demo"], 1);
    // A second demo in the same folder keeps its own files.
    let second = Nb { dir: tempfile::tempdir().unwrap(), db: nb.path("second.db") };
    second.ok(&["demo"]);
    let report = |name: &str| std::fs::read_to_string(nb.path(name)).unwrap();
    assert!(report("second-files/report.html").contains("second"), "named after its notebook");
    assert!(report("notebook-files/report.html").contains("notebook"));
    assert!(nb.path("second-files/claims.csv").is_file() && nb.path("notebook-files/claims.csv").is_file());
}

#[test]
fn the_demo_without_db_never_touches_the_users_notebook() {
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("mine.db");
    let out = Command::new(BIN).arg("demo").env("CROSSCHECK_DB", &mine).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!mine.exists(), "the demo wrote into $CROSSCHECK_DB");
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with("Done. The notebook is ")).unwrap();
    let path = line.trim_start_matches("Done. The notebook is ");
    assert!(std::path::Path::new(path).exists());
    let _ = std::fs::remove_dir_all(std::path::Path::new(path).parent().unwrap());
}

/// Every leaf command, from the command tree itself, at any depth.
fn leaf_commands() -> Vec<Vec<String>> {
    fn walk(path: Vec<String>, out: &mut Vec<Vec<String>>) {
        let mut args = path.clone();
        args.push("--help".into());
        let help = Command::new(BIN).args(&args).output().unwrap();
        let children = commands_in(&String::from_utf8_lossy(&help.stdout));
        if children.is_empty() && !path.is_empty() {
            out.push(path);
            return;
        }
        for c in children {
            let mut next = path.clone();
            next.push(c);
            walk(next, out);
        }
    }
    let mut out = Vec::new();
    walk(Vec::new(), &mut out);
    out
}

fn commands_in(help: &str) -> Vec<String> {
    let Some(start) = help.find("Commands:") else {
        return Vec::new();
    };
    help[start..]
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_command_has_help_with_an_example_and_is_in_the_readme() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let leaves = leaf_commands();
    assert!(leaves.len() > 30, "{leaves:?}");
    for path in leaves {
        let mut args = path.clone();
        args.push("--help".into());
        let out = Command::new(BIN).args(&args).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Example"), "`crosscheck {}` has no example in its help", path.join(" "));
        let shown = format!("crosscheck {}", path.join(" "));
        assert!(readme.contains(&shown), "the README does not show `{shown}`");
    }
}

#[test]
fn completions_man_version_and_usage_errors() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Command::new(BIN).args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("crosscheck") && text.contains("reconcile"), "{shell}");
    }
    let bash = Command::new(BIN).args(["completions", "bash"]).output().unwrap();
    assert!(String::from_utf8_lossy(&bash.stdout).contains("complete -F"));
    let man = Command::new(BIN).arg("man").output().unwrap();
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(text.starts_with(".ie") || text.contains(".TH crosscheck"), "{}", &text[..200.min(text.len())]);
    let v = Command::new(BIN).arg("--version").output().unwrap();
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("crosscheck "));
    let typo = Command::new(BIN).args(["claim", "list", "--min-reliabilty", "C"]).output().unwrap();
    assert_eq!(typo.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("Usage:"));
    let bad = Command::new(BIN).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    let mut child = Command::new(BIN)
        .args(["--db", nb.db.to_str().unwrap(), "export", "claims", "--format", "jsonl"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Splits one README shell line into words: plain words and '...' quoted ones, # starts a comment.
fn shell_words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut in_quote = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '\'' => {
                in_quote = !in_quote;
                started = true;
            }
            '#' if !in_quote && !started => break,
            c if c.is_whitespace() && !in_quote => {
                if started {
                    out.push(std::mem::take(&mut cur));
                    started = false;
                }
            }
            c => {
                cur.push(c);
                started = true;
            }
        }
    }
    if started {
        out.push(cur);
    }
    out
}

#[test]
fn the_readme_worked_example_runs_as_written() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## A worked example").unwrap();
    let block = &readme[start..];
    let block = &block[block.find("```sh").unwrap() + 5..];
    let block = &block[..block.find("```").unwrap()];
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("worked.db");
    let mut ran = 0;
    let mut last = String::new();
    for line in block.lines().map(str::trim).filter(|l| l.starts_with("crosscheck ")) {
        let words: Vec<String> = shell_words(line)
            .into_iter()
            .skip(1)
            .map(|w| {
                w.replace("/tmp/worked-example-claims.csv", dir.path().join("claims.csv").to_str().unwrap())
            })
            .collect();
        let out = Command::new(BIN)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("CROSSCHECK_DB", &db)
            .args(&words)
            .output()
            .unwrap();
        assert!(out.status.success(), "README line failed: {line}\n{}", String::from_utf8_lossy(&out.stderr));
        last = String::from_utf8_lossy(&out.stdout).into_owned();
        if line.starts_with("crosscheck reconcile") {
            assert!(last.contains("low 45, best 45, high 45"), "{last}");
            assert!(last.contains("single-source"), "{last}");
            assert!(last.contains("E-rated"), "{last}");
        }
        ran += 1;
    }
    assert!(ran >= 10, "{ran}");
    assert!(last.starts_with("| id | uuid | measure |"), "{last}");
    let csv = std::fs::read(dir.path().join("claims.csv")).unwrap();
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    assert!(String::from_utf8_lossy(&csv).contains("هو 45 مقاتلاً"));
}

#[test]
fn a_tilde_the_shell_did_not_expand_means_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let run = |args: &[&str], env_db: Option<&str>| {
        let mut cmd = Command::new(BIN);
        cmd.args(args).env("HOME", home.path()).current_dir(work.path()).env_remove("CROSSCHECK_DB");
        if let Some(db) = env_db {
            cmd.env("CROSSCHECK_DB", db);
        }
        cmd.output().unwrap()
    };
    let out = run(&["init"], Some("~/research/x.db"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let made = home.path().join("research/x.db");
    assert!(made.is_file(), "the notebook is in the home folder");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), made.display().to_string());
    // `--db=~/...` reaches crosscheck unexpanded too.
    let out = run(&["--db=~/research/x.db", "info", "--format", "json"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["path"].as_str(), Some(made.to_str().unwrap()));
    assert!(!work.path().join("~").exists(), "a folder named ~ was created");
    // Another user's home is not guessed.
    let out = run(&["init"], Some("~bob/x.db"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("~bob/x.db") && err.contains("full path"), "{err}");
    assert!(std::fs::read_dir(work.path()).unwrap().next().is_none(), "nothing written");
}
