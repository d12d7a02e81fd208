//! Files written for the user (issue points 1 and 10): `--out` and `backup` never destroy the
//! notebook or its journals, by any spelling or link; what is not a regular file is written
//! into, never renamed over; links are followed and left in place; exports get the user's
//! umask, notebooks and backups stay private; `file:` names are file names.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::Nb;
use crate::corpus::{self, clean_messages, describe, mode, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// Every way of naming the notebook or a journal of it that a target may take.
pub fn notebook_spellings(nb: &Nb) -> Vec<(String, PathBuf)> {
    let dir = nb.dir.path();
    let sub = dir.join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let mut out = vec![
        ("the path".to_string(), nb.db.clone()),
        ("a dotted path".into(), dir.join(".").join("notebook.db")),
        ("a path through a subfolder".into(), sub.join("..").join("notebook.db")),
    ];
    let hard = dir.join("hard.db");
    std::fs::hard_link(&nb.db, &hard).unwrap();
    out.push(("a hard link".into(), hard));
    let soft = dir.join("soft.db");
    link(&nb.db, &soft);
    out.push(("a symbolic link".into(), soft));
    let chain = dir.join("chain.db");
    link(Path::new("soft.db"), &chain);
    out.push(("a chain of relative links".into(), chain));
    for journal in ["-wal", "-shm", "-journal"] {
        out.push((format!("the {journal} file"), dir.join(format!("notebook.db{journal}"))));
        let dangling = dir.join(format!("to{journal}"));
        link(Path::new(&format!("notebook.db{journal}")), &dangling);
        out.push((format!("a link to the {journal} file"), dangling));
    }
    out
}

#[test]
fn out_and_backup_never_write_over_the_notebook_or_its_journals() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let spellings = notebook_spellings(&nb);
    let dir = nb.dir.path().to_path_buf();
    let before = nb.dump();
    for (how, target) in &spellings {
        let existed = target.symlink_metadata().is_ok();
        for args in [
            vec!["export", "claims", "--out", s(target)],
            vec!["export", "sources", "--format", "json", "--out", s(target)],
            vec!["backup", s(target)],
        ] {
            let r = nb.raw(&args, None);
            assert_eq!(r.code, 1, "{how}\n{}", describe(&r));
            clean_messages(&r);
            assert!(
                r.stderr.contains("is the notebook") || r.stderr.contains("already exists"),
                "{how}: {}",
                describe(&r)
            );
            if !existed {
                assert!(!target.exists(), "{how}: {} was created", target.display());
            }
        }
    }
    // Relative names in the notebook's own folder, as a user in that folder types them.
    for name in ["notebook.db", "./notebook.db", "notebook.db-journal", "notebook.db-wal"] {
        let r = run_in(&dir, &["--db", "notebook.db", "export", "claims", "--out", name], None, None);
        assert_eq!(r.code, 1, "{name}\n{}", describe(&r));
        assert!(r.stderr.contains("is the notebook"), "{}", describe(&r));
        let r = run_in(&dir, &["--db", "notebook.db", "backup", name], None, None);
        assert_eq!(r.code, 1, "{name}\n{}", describe(&r));
    }
    assert!(!dir.join("notebook.db-journal").exists(), "a journal was planted beside the notebook");
    crate::common::assert_same(&before, &nb.dump(), "the notebook changed");
    nb.ok(&["check"]);
}

#[test]
fn what_is_not_a_regular_file_is_written_into_never_renamed_over() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    for dev in ["/dev/null", "/dev/stdout"] {
        let r = nb.ok(&["export", "sources", "--out", dev]);
        assert!(Path::new(dev).exists());
        if dev == "/dev/stdout" {
            assert!(r.stdout.starts_with("id,uuid,name"), "{}", describe(&r));
        }
    }
    // A named pipe: read by another reader, and still a pipe afterwards.
    let fifo = nb.path("pipe.csv");
    corpus::mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo).unwrap().read_to_string(&mut text).unwrap();
            text
        })
    };
    nb.ok(&["export", "claims", "--out", s(&fifo)]);
    let text = reader.join().unwrap();
    assert!(text.starts_with("id,uuid,article_id"), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe was replaced");
    // A folder is refused with a sentence.
    let r = nb.refuse(&["export", "claims", "--out", s(nb.dir.path())], 1);
    assert!(r.stderr.contains("is a folder"), "{}", r.stderr);
}

#[test]
fn links_are_followed_to_their_end_and_left_in_place() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let dir = nb.dir.path();
    let shared = dir.join("shared");
    std::fs::create_dir(&shared).unwrap();
    let real = shared.join("claims.csv");
    std::fs::write(&real, "an older export").unwrap();
    // latest.csv -> current.csv -> shared/claims.csv
    link(&real, &dir.join("current.csv"));
    link(Path::new("current.csv"), &dir.join("latest.csv"));
    nb.ok(&["export", "claims", "--out", s(&dir.join("latest.csv"))]);
    for l in ["latest.csv", "current.csv"] {
        assert!(dir.join(l).symlink_metadata().unwrap().file_type().is_symlink(), "{l} is still a link");
    }
    assert!(std::fs::read_to_string(&real).unwrap().starts_with("id,uuid,article_id"));
    // A link to a file not there yet: the file is made where it points.
    let fresh = shared.join("figures.csv");
    link(&fresh, &dir.join("figures-link.csv"));
    nb.ok(&["export", "figures", "--out", s(&dir.join("figures-link.csv"))]);
    assert!(std::fs::read_to_string(&fresh).unwrap().starts_with("id,uuid,measure"));
    assert!(dir.join("figures-link.csv").symlink_metadata().unwrap().file_type().is_symlink());
    // A loop of links is refused with a sentence.
    link(Path::new("loop-b.csv"), &dir.join("loop-a.csv"));
    link(Path::new("loop-a.csv"), &dir.join("loop-b.csv"));
    let r = nb.refuse(&["export", "claims", "--out", s(&dir.join("loop-a.csv"))], 1);
    assert!(r.stderr.contains("loop of symbolic links"), "{}", r.stderr);
    // Nothing temporary was left behind.
    let left: Vec<String> = corpus::listing(dir)
        .into_iter()
        .chain(corpus::listing(&shared))
        .filter(|n| n.starts_with(".crosscheck-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn exports_get_the_umask_and_notebooks_and_backups_stay_private_through_links() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let r = run_in(dir, &["--db", "notebook.db", "demo"], None, Some("000"));
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert_eq!(mode(&dir.join("notebook.db")), 0o600, "a new notebook is private whatever the umask");
    for (mask, want) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let out = format!("claims-{mask}.csv");
        let r = run_in(dir, &["--db", "notebook.db", "export", "claims", "--out", &out], None, Some(mask));
        assert_eq!(r.code, 0, "{}", describe(&r));
        assert_eq!(mode(&dir.join(&out)), want, "umask {mask}");
    }
    // A backup, plainly and through a link to a file not there yet, is private.
    let r = run_in(dir, &["--db", "notebook.db", "backup", "copy.db"], None, Some("000"));
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert_eq!(mode(&dir.join("copy.db")), 0o600);
    std::fs::create_dir(dir.join("vault")).unwrap();
    link(Path::new("vault/linked-copy.db"), &dir.join("linked.db"));
    let r = run_in(dir, &["--db", "notebook.db", "backup", "linked.db"], None, Some("000"));
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(dir.join("linked.db").symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(mode(&dir.join("vault/linked-copy.db")), 0o600);
    let r = run_in(dir, &["--db", "linked.db", "check"], None, None);
    assert_eq!(r.code, 0, "the backup through the link is a whole notebook\n{}", describe(&r));
    // A backup never writes over a file, even through a link.
    std::fs::write(dir.join("keep.txt"), "keep me").unwrap();
    link(Path::new("keep.txt"), &dir.join("keep-link.db"));
    let r = run_in(dir, &["--db", "notebook.db", "backup", "keep-link.db"], None, None);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert_eq!(std::fs::read_to_string(dir.join("keep.txt")).unwrap(), "keep me");
    // --db through a link to a notebook not there yet: the notebook is made where it points,
    // private, and the link stays.
    link(Path::new("vault/mine.db"), &dir.join("mine.db"));
    let r = run_in(dir, &["--db", "mine.db", "init"], None, Some("000"));
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(dir.join("mine.db").symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(mode(&dir.join("vault/mine.db")), 0o600);
    let r =
        run_in(dir, &["--db", "mine.db", "source", "add", "Valley Paper", "--kind", "outlet"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    // And through a link into a folder not there yet: the folder is made private too.
    link(Path::new("private/deep.db"), &dir.join("deep.db"));
    let r = run_in(dir, &["--db", "deep.db", "init"], None, Some("000"));
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert_eq!(mode(&dir.join("private")), 0o700);
    assert_eq!(mode(&dir.join("private/deep.db")), 0o600);
}

#[test]
fn names_beginning_with_file_colon_are_file_names_not_uris() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    for name in ["file:x.db", "file:y.db?mode=memory", "file::memory:"] {
        let r = run_in(dir, &["--db", name, "source", "add", "Valley Paper", "--kind", "outlet"], None, None);
        assert_eq!(r.code, 0, "{name}\n{}", describe(&r));
        assert!(
            dir.join(name).is_file(),
            "{name} is a file in the current folder: {:?}",
            corpus::listing(dir)
        );
        assert_eq!(mode(&dir.join(name)), 0o600);
    }
    let r = run_in(dir, &["--db", "file:x.db", "backup", "file:copy.db"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(dir.join("file:copy.db").is_file(), "{:?}", corpus::listing(dir));
    let r = run_in(dir, &["--db", "file:copy.db", "source", "list", "--format", "json"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(r.stdout.contains("Valley Paper"));
    // Merging from a `file:` name reads that file.
    let r = run_in(dir, &["--db", "plain.db", "--format", "json", "merge", "file:x.db"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(r.stdout.contains("\"sources\""), "{}", describe(&r));
    let r = run_in(dir, &["--db", "plain.db", "export", "sources", "--out", "file:out.csv"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(dir.join("file:out.csv").is_file());
}
