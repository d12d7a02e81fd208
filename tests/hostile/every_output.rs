//! Every command that writes a file, found in the command tree itself (so a new one cannot be
//! forgotten), tried against every spelling of the notebook and its journals, links planted in
//! the folders it fills, another notebook and a `.bak` copy (refused unless `--force`), and
//! files whose permissions and hard links must survive being replaced.

use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::common::Nb;
use crate::corpus::{self, clean_messages, describe, mode, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// A command that writes files: the words typed before the output, and whether the output is a
/// folder it fills (`--out DIR`) or one file.
#[derive(Debug, Clone)]
struct Writer {
    words: Vec<String>,
    flag: Option<&'static str>,
    folder: bool,
}

impl Writer {
    fn args(&self, out: &str) -> Vec<String> {
        let mut a = self.words.clone();
        if let Some(flag) = self.flag {
            a.push(flag.to_string());
        }
        a.push(out.to_string());
        a
    }
    fn name(&self) -> String {
        self.words.join(" ")
    }
}

/// The value a test types for a required argument, by command and argument. A new command with
/// a required argument fails here until it is added: the test must be able to run it.
fn fill(command: &str, arg: &str) -> &'static str {
    match (command, arg) {
        ("claim suggest", "article") => "1",
        ("export", "table") => "claims",
        _ => panic!("every_output: add a value for `{command}`'s required argument `{arg}` to fill()"),
    }
}

fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<Writer>) {
    let name = path.join(" ");
    let writes = cmd.get_arguments().find(|a| a.get_long() == Some("out"));
    // `backup FILE` is the one output given without --out.
    let backup = name == "backup";
    if writes.is_some() || backup {
        let mut words = path.clone();
        for arg in cmd.get_positionals().filter(|a| a.is_required_set()) {
            if backup && arg.get_id() == "file" {
                continue;
            }
            words.push(fill(&name, arg.get_id().as_str()).to_string());
        }
        let folder = writes
            .and_then(|a| a.get_value_names())
            .is_some_and(|names| names.iter().any(|n| n.as_str() == "DIR"));
        out.push(Writer { words, flag: writes.map(|_| "--out"), folder });
    }
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        path.push(sub.get_name().to_string());
        walk(sub, path, out);
        path.pop();
    }
}

fn writers() -> Vec<Writer> {
    let mut root = crosscheck::cli::Cli::command();
    root.build();
    let mut out = Vec::new();
    walk(&root, &mut Vec::new(), &mut out);
    let names: Vec<String> = out.iter().map(Writer::name).collect();
    for known in ["export claims", "report", "claim suggest 1", "man", "backup"] {
        assert!(names.iter().any(|n| n == known), "the command tree lost `{known}`: {names:?}");
    }
    out
}

/// Every spelling of the notebook and its journals: the out_files spellings, plus the journals
/// of the notebook's hard link (SQLite opening the notebook by that name would use them).
fn spellings(nb: &Nb) -> Vec<(String, PathBuf)> {
    let mut all = crate::out_files::notebook_spellings(nb);
    let dir = nb.dir.path();
    for journal in ["-wal", "-journal"] {
        all.push((format!("the {journal} of the hard link"), dir.join(format!("hard.db{journal}"))));
    }
    all.push(("a hard link to the -wal file".into(), {
        let wal = dir.join("notebook.db-wal");
        let hard = dir.join("hard-wal");
        if wal.exists() {
            std::fs::hard_link(&wal, &hard).unwrap();
        } else {
            link(Path::new("notebook.db-wal"), &hard);
        }
        hard
    }));
    all
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

#[test]
fn every_command_that_writes_a_file_refuses_every_spelling_of_the_notebook() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path().to_path_buf();
    let all = spellings(&nb);
    let before = nb.dump();
    let bytes = std::fs::read(&nb.db).unwrap();
    let mut tried = 0;
    for w in writers() {
        for (how, target) in &all {
            let existed = target.symlink_metadata().is_ok();
            let args = if w.folder {
                // A folder the command fills, holding a link (or hard link) to the notebook
                // under the name of the first file it writes.
                let folder = dir.join(format!("fill-{tried}"));
                std::fs::create_dir(&folder).unwrap();
                let planted = folder.join("crosscheck.1");
                if how == "a hard link" {
                    std::fs::hard_link(&nb.db, &planted).unwrap();
                } else {
                    link(target, &planted);
                }
                w.args(s(&folder))
            } else {
                w.args(s(target))
            };
            tried += 1;
            let r = nb.raw(&strs(&args), None);
            assert_eq!(r.code, 1, "{} through {how}\n{}", w.name(), describe(&r));
            clean_messages(&r);
            assert!(
                r.stderr.contains("is the notebook")
                    || r.stderr.contains("already exists")
                    || r.stderr.contains("crosscheck does not write through links"),
                "{} through {how}: {}",
                w.name(),
                describe(&r)
            );
            // Said once (`claim suggest` used to repeat its refusal in the same line).
            assert!(
                r.stderr.matches("is the notebook").count() <= 1,
                "{} through {how}: {}",
                w.name(),
                describe(&r)
            );
            if !existed {
                assert!(!target.exists(), "{} through {how}: {} was created", w.name(), target.display());
            }
            assert_eq!(
                std::fs::read(&nb.db).unwrap(),
                bytes,
                "{} through {how}: the notebook changed",
                w.name()
            );
        }
    }
    assert!(tried >= 5 * all.len(), "only {tried} tries");
    // Typed as a user in the notebook's folder types them, for every writer.
    for w in writers().into_iter().filter(|w| !w.folder) {
        for name in ["notebook.db", "./notebook.db", "notebook.db-journal", "notebook.db-wal", "hard.db-wal"]
        {
            let mut args = vec!["--db".to_string(), "notebook.db".to_string()];
            args.extend(w.args(name));
            let r = run_in(&dir, &strs(&args), None, None);
            assert_eq!(r.code, 1, "{}\n{}", w.name(), describe(&r));
        }
    }
    assert!(!dir.join("notebook.db-journal").exists(), "a journal was planted beside the notebook");
    assert!(!dir.join("hard.db-journal").exists(), "a journal was planted beside the hard link");
    crate::common::assert_same(&before, &nb.dump(), "the notebook changed");
    nb.ok(&["check"]);
}

#[test]
fn the_default_notebook_is_protected_from_commands_on_another() {
    // `man --out DIR` with a link in DIR to the notebook $CROSSCHECK_DB names, while --db names
    // another notebook.
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path();
    let bytes = std::fs::read(&nb.db).unwrap();
    let man = dir.join("man");
    std::fs::create_dir(&man).unwrap();
    link(&nb.db, &man.join("crosscheck-claim.1"));
    let out = std::process::Command::new(crate::common::BIN)
        .args(["--db", s(&dir.join("other.db")), "man", "--out", s(&man)])
        .env("CROSSCHECK_DB", &nb.db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("crosscheck does not write through links"), "{stderr}");
    assert_eq!(std::fs::read(&nb.db).unwrap(), bytes);
    // With --force too: --force never writes through a link.
    let out = std::process::Command::new(crate::common::BIN)
        .args(["man", "--out", s(&man), "--force"])
        .env("CROSSCHECK_DB", &nb.db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&nb.db).unwrap(), bytes);
}

#[test]
fn a_markdown_report_never_writes_its_charts_through_links() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path();
    let bytes = std::fs::read(&nb.db).unwrap();
    let secret = dir.join("secret.txt");
    std::fs::write(&secret, "keep").unwrap();
    for (chart, target) in
        [("report-deaths.market.svg", nb.db.clone()), ("report-defectors.foreign.svg", secret.clone())]
    {
        let planted = dir.join(chart);
        link(&target, &planted);
        let r =
            nb.raw(&["--format", "markdown", "report", "--all", "--out", s(&dir.join("report.md"))], None);
        assert_eq!(r.code, 1, "{}", describe(&r));
        assert!(r.stderr.contains("crosscheck does not write through links"), "{}", describe(&r));
        assert!(!dir.join("report.md").exists(), "the report was written without its charts");
        std::fs::remove_file(&planted).unwrap();
    }
    assert_eq!(std::fs::read(&nb.db).unwrap(), bytes);
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "keep");
    // A hard link there is refused too.
    std::fs::hard_link(&secret, dir.join("report-deaths.market.svg")).unwrap();
    let r = nb.raw(&["--format", "markdown", "report", "--all", "--out", s(&dir.join("report.md"))], None);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stderr.contains("hard links"), "{}", describe(&r));
    assert_eq!(std::fs::read_to_string(&secret).unwrap(), "keep");
    std::fs::remove_file(dir.join("report-deaths.market.svg")).unwrap();
    nb.ok(&["--format", "markdown", "report", "--all", "--out", s(&dir.join("report.md"))]);
    assert!(std::fs::read_to_string(dir.join("report-deaths.market.svg")).unwrap().starts_with("<svg"));
}

#[test]
fn another_notebook_or_a_bak_copy_is_replaced_only_with_force() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path();
    for w in writers().into_iter().filter(|w| w.name() != "backup") {
        for (i, kind) in ["a notebook", "a .bak notebook", "a plain .bak", "a journal"].iter().enumerate() {
            // The names in a folder are crosscheck's own (crosscheck.1): only what the file
            // holds can make it valuable there.
            if w.folder && (*kind == "a journal" || *kind == "a plain .bak") {
                continue;
            }
            let stem = format!("{}-{i}", w.name().replace(' ', "-"));
            let (target, out) = if w.folder {
                let folder = dir.join(&stem);
                std::fs::create_dir(&folder).unwrap();
                // The first page the command writes is the valuable file.
                (folder.join("crosscheck.1"), folder)
            } else {
                let name = match *kind {
                    "a notebook" => format!("{stem}.db"),
                    "a .bak notebook" => format!("{stem}.db.v2.bak"),
                    "a plain .bak" => format!("{stem}.txt.bak"),
                    _ => format!("{stem}.db-wal"),
                };
                (dir.join(&name), dir.join(&name))
            };
            match *kind {
                "a notebook" | "a .bak notebook" => corpus::copy_notebook(&nb.db, &target),
                "a plain .bak" => std::fs::write(&target, "a plain backup").unwrap(),
                _ => {
                    // The journal of another notebook: the database beside it makes it one.
                    corpus::copy_notebook(&nb.db, &dir.join(format!("{stem}.db")));
                    std::fs::write(&target, "journal pages").unwrap();
                }
            }
            let valuable = std::fs::read(&target).unwrap();
            let r = nb.raw(&strs(&w.args(s(&out))), None);
            assert_eq!(r.code, 1, "{} over {kind}\n{}", w.name(), describe(&r));
            clean_messages(&r);
            assert!(
                r.stderr.contains("was not replaced") && r.stderr.contains("--force"),
                "{} over {kind}: {}",
                w.name(),
                describe(&r)
            );
            assert_eq!(std::fs::read(&target).unwrap(), valuable, "{} over {kind}", w.name());
            let mut forced = w.args(s(&out));
            forced.push("--force".into());
            let r = nb.raw(&strs(&forced), None);
            assert_eq!(r.code, 0, "{} --force over {kind}\n{}", w.name(), describe(&r));
            assert_ne!(std::fs::read(&target).unwrap(), valuable, "{} --force over {kind}", w.name());
        }
    }
}

#[test]
fn a_replaced_file_keeps_its_permissions_and_its_hard_links() {
    use std::os::unix::fs::PermissionsExt;
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path();
    for w in writers().into_iter().filter(|w| !w.folder && w.name() != "backup") {
        let stem = w.name().replace(' ', "-");
        // A private file stays private, whatever the umask says.
        let private = dir.join(format!("{stem}-private.out"));
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        let r = run_in(
            dir,
            &strs(&[vec!["--db".into(), s(&nb.db).to_string()], w.args(s(&private))].concat()),
            None,
            Some("022"),
        );
        assert_eq!(r.code, 0, "{}", describe(&r));
        assert_eq!(mode(&private), 0o600, "{}", w.name());
        assert_ne!(std::fs::read_to_string(&private).unwrap(), "old");
        // A file with another name is rewritten in place: both names see the new text.
        let first = dir.join(format!("{stem}-first.out"));
        let second = dir.join(format!("{stem}-second.out"));
        std::fs::write(&first, "old").unwrap();
        std::fs::set_permissions(&first, std::fs::Permissions::from_mode(0o640)).unwrap();
        std::fs::hard_link(&first, &second).unwrap();
        let r = nb.raw(&strs(&w.args(s(&first))), None);
        assert_eq!(r.code, 0, "{}", describe(&r));
        let text = std::fs::read(&first).unwrap();
        assert_ne!(text, b"old");
        assert_eq!(std::fs::read(&second).unwrap(), text, "{}: the hard link was split", w.name());
        assert_eq!(mode(&second), 0o640);
        let left: Vec<String> = corpus::listing(dir)
            .into_iter()
            .filter(|n| n.starts_with(".crosscheck-") || n.starts_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
