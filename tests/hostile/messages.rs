//! Messages that are true (issue point 15 of the third round): a change committed before its
//! printing failed says it was kept; a name too long is called too long, not a missing notebook
//! or file; a CSV past what an import reads is refused by its size without suggesting a flag
//! `import claims` does not have; paths that are not UTF-8 are used as they are.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{Nb, Run, BIN};
use crate::corpus::{self, capped, clean_messages, describe, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The binary with stdout into /dev/full (every write fails with "no space left").
fn into_full_disk(nb: &Nb, args: &[&str]) -> Run {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let out = Command::new(BIN)
        .arg("--db")
        .arg(&nb.db)
        .args(args)
        .env_remove("CROSSCHECK_DB")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("run crosscheck");
    Run {
        cmd: format!("crosscheck {} > /dev/full", args.join(" ")),
        code: out.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_change_whose_printing_failed_says_it_was_kept() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let r = into_full_disk(&nb, &["source", "add", "Valley Relief Committee", "--kind", "other"]);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stderr.contains("the output could not be written: the disk is full"), "{}", describe(&r));
    assert!(
        r.stderr.contains("the change to the notebook was saved before printing began, and it is kept"),
        "{}",
        describe(&r)
    );
    assert!(!r.stderr.contains("os error"), "{}", describe(&r));
    clean_messages(&r);
    // It was kept, as said.
    let list = nb.ok(&["source", "list", "--columns", "name"]);
    assert!(list.stdout.contains("Valley Relief Committee"), "{}", list.stdout);
    // A reading command changed nothing, and says nothing of a change.
    let r = into_full_disk(&nb, &["source", "list"]);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stderr.contains("the disk is full") && !r.stderr.contains("kept"), "{}", describe(&r));
}

#[test]
fn a_name_too_long_is_called_too_long() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let demo = corpus::demo_notebook(dir, "demo.db");
    let long = "ت".repeat(200); // 400 bytes: past the 255 a file name may have
    let name = |ext: &str| dir.join(format!("{long}.{ext}"));
    let (db, txt, csv, bak, out) = (name("db"), name("txt"), name("csv"), name("bak"), name("csv"));
    let cases: Vec<Vec<&str>> = vec![
        vec!["--db", s(&db), "info"],
        vec!["--db", s(&db), "init"],
        vec!["--db", s(&demo), "merge", s(&db)],
        vec!["--db", s(&demo), "import", "claims", s(&csv)],
        vec!["--db", s(&demo), "backup", s(&bak)],
        vec!["--db", s(&demo), "export", "claims", "--out", s(&out)],
    ];
    for args in cases {
        let r = run_in(dir, &args, None, None);
        assert_eq!(r.code, 1, "{}", describe(&r));
        assert!(r.stderr.contains("its name or path is too long"), "{}", describe(&r));
        assert!(!r.stderr.contains("there is no") && !r.stderr.contains("permission"), "{}", describe(&r));
        clean_messages(&r);
    }
    // In a list of articles, the file is the one that failed, for that reason.
    let r = run_in(dir, &["--db", s(&demo), "import", "articles", s(&txt)], None, None);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stdout.contains("its name or path is too long"), "{}", describe(&r));
}

#[test]
fn a_csv_past_what_an_import_reads_is_refused_by_its_size_without_a_flag_it_lacks() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    // A sparse file of 1.1 GB: refused by its size, before any of it is read.
    let file = nb.path("claims.csv");
    let f = std::fs::File::create(&file).unwrap();
    f.set_len(1_100 * 1024 * 1024).unwrap();
    drop(f);
    let r = capped(nb.dir.path(), &["--db", s(&nb.db), "import", "claims", s(&file)], 256, 60);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stderr.contains("is larger than the 1 GB a CSV import reads"), "{}", describe(&r));
    assert!(!r.stderr.contains("--max-size"), "import claims has no --max-size\n{}", describe(&r));
    clean_messages(&r);
}

#[test]
fn paths_that_are_not_utf8_are_used_as_they_are() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    // Names in an old Arabic code page (windows-1256 «تقرير»), not UTF-8.
    let named = |suffix: &[u8]| -> PathBuf {
        let mut b = vec![0xCA, 0xDE, 0xD1, 0xED, 0xD1];
        b.extend_from_slice(suffix);
        dir.join(OsStr::from_bytes(&b))
    };
    let (db, article, out) = (named(b".db"), named(b".txt"), named(b".csv"));
    std::fs::write(&article, "Council report\n\nThe council said 12 families left the district on Monday.\n")
        .unwrap();
    let run = |args: Vec<&OsStr>| {
        let o = Command::new(BIN)
            .args(args)
            .current_dir(dir)
            .env_remove("CROSSCHECK_DB")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (
            o.status.code(),
            String::from_utf8_lossy(&o.stdout).into_owned(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let os = |s: &'static str| OsStr::new(s);
    let (code, _, err) = run(vec![os("--db"), db.as_os_str(), os("init")]);
    assert_eq!(code, Some(0), "{err}");
    let (code, out_text, err) =
        run(vec![os("--db"), db.as_os_str(), os("import"), os("articles"), article.as_os_str()]);
    assert_eq!(code, Some(0), "{out_text}\n{err}");
    assert!(err.contains("imported 1"), "{err}");
    let (code, _, err) =
        run(vec![os("--db"), db.as_os_str(), os("export"), os("articles"), os("--out"), out.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Council report"));
    assert!(db.exists() && !err.contains("panicked"), "{err}");
}
