//! Nothing from a notebook, a file name or another notebook reaches a terminal raw (issue point
//! 9): a clipboard write (OSC 52), a hidden link (OSC 8), a screen wipe (CSI 2J), a C1 control
//! and a right-to-left override in a measure label, a source name, an article's file name and a
//! merged notebook's rows are shown escaped in tables, headings, notes and error messages; a
//! newline in a file name cannot forge a line of its own.

use std::path::Path;

use crate::common::Nb;
use crate::corpus::{self, clean_messages, describe, no_raw_controls, poisoned, poisoned_file_name, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn escapes_from_labels_names_files_and_merged_rows_never_reach_the_terminal_raw() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    let label = poisoned("people killed");
    let name = poisoned("Valley Watch");
    nb.ok(&["measure", "add", "hostile.count", "--label", &label]);
    nb.ok(&["source", "add", &name, "--kind", "monitor", "--note", &poisoned("note")]);
    nb.ok(&["source", "alias", "add", &name, &poisoned("alias")]);
    // An article whose file name carries the attacks and a newline that tries to forge a line.
    let folder = nb.path("drop");
    std::fs::create_dir(&folder).unwrap();
    let file_name = format!("{}\nerror: forged line.txt", poisoned_file_name("report"));
    let article = folder.join(&file_name);
    std::fs::write(&article, format!("{}\n\nAbout 20 people were killed, {} said.", poisoned("Title"), name))
        .unwrap();
    let binary = folder.join(format!("{}.txt", poisoned_file_name("photo")));
    std::fs::write(&binary, [0u8, 1, 2, 3, 255, 254].repeat(40)).unwrap();
    let r = nb.raw(&["import", "articles", s(&folder)], None);
    assert_eq!(r.code, 1, "the binary file fails\n{}", describe(&r));
    let mut seen = vec![r];
    let id = nb.ok(&["--format", "json", "article", "list"]).json().as_array().unwrap().last().unwrap()["id"]
        .to_string();
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &id,
        "--quote",
        "About 20 people were killed",
        "--source",
        &name,
        "--figure",
        "hostile.count=about 20",
        "--tag",
        &poisoned("tag"),
    ]);
    // A colleague's notebook whose file name and rows carry the attacks, and which deleted a
    // row of ours, so the merge has notes to print.
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join(format!("{}.db", poisoned_file_name("colleague")));
    let r = run_in(other_dir.path(), &["--db", s(&other), "merge", s(&nb.db)], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    for args in
        [vec!["source", "add", &poisoned("Their source"), "--kind", "activist"], vec!["claim", "rm", "3"]]
    {
        let mut full = vec!["--db", s(&other)];
        full.extend(args.iter().copied());
        let r = run_in(other_dir.path(), &full, None, None);
        assert_eq!(r.code, 0, "{}", describe(&r));
    }
    // A forged name key gives the merge a note quoting a name.
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute("UPDATE sources SET name_key = 'forged key' WHERE name LIKE 'Their source%'", []).unwrap();
    drop(conn);
    seen.push(nb.ok(&["merge", s(&other)]));
    let hostile_id = nb
        .ok(&["--format", "json", "source", "list"])
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"].as_str().unwrap().starts_with("Valley Watch"))
        .unwrap()["id"]
        .to_string();
    let commands: Vec<Vec<String>> = [
        "source list",
        "source list --wide",
        "claim list",
        "claim list --wide",
        "measure list",
        "measure show hostile.count",
        "reconcile hostile.count",
        "reconcile --all",
        "figure list",
        "article list --wide",
        "search killed",
        "history",
        "export sources --format table",
        "export articles --format table",
        "info",
        "check",
    ]
    .iter()
    .map(|c| c.split(' ').map(str::to_string).collect())
    .chain([
        vec!["source".into(), "show".into(), hostile_id.clone()],
        vec!["article".into(), "show".into(), id.clone()],
        vec!["article".into(), "show".into(), id.clone(), "--text".into()],
        vec!["claim".into(), "show".into(), "9".into()],
        vec!["source".into(), "show".into(), name.clone()],
    ])
    .collect();
    for c in &commands {
        let args: Vec<&str> = c.iter().map(String::as_str).collect();
        seen.push(nb.ok(&args));
    }
    // Error messages that quote a hostile value.
    for args in [
        vec!["source", "show", &poisoned("nobody")],
        vec!["measure", "show", "no.such"],
        vec!["figure", "parse", &poisoned("forty")],
        vec!["claim", "add", "--article", "1", "--quote", &poisoned("not in the article")],
        vec!["claim", "list", "--source", &poisoned("unknown")],
        vec!["import", "articles", &format!("/no/such/{}", poisoned("file"))],
        vec!["merge", &format!("/no/such/{}.db", poisoned("notebook"))],
    ] {
        seen.push(nb.refuse(&args, 1));
    }
    for r in &seen {
        no_raw_controls(&r.stdout, &format!("stdout of {}", r.cmd));
        no_raw_controls(&r.stderr, &format!("stderr of {}", r.cmd));
        clean_messages(r);
        // The newline in the file name did not start a line of its own.
        for out in [&r.stdout, &r.stderr] {
            assert!(
                !out.lines().any(|l| l.trim_start().starts_with("error: forged")),
                "a file name forged a line in {}:\n{out}",
                r.cmd
            );
        }
    }
    // The escapes are shown, not dropped: a reader can see what the text holds.
    let shown = nb.ok(&["reconcile", "hostile.count"]).stdout;
    assert!(shown.contains("\\e]52;c;") && shown.contains("\\u{202E}"), "{shown}");
    // JSON carries the text as data, escaped as JSON.
    let json = nb.ok(&["measure", "list", "--format", "json"]);
    assert!(!json.stdout.contains('\u{1b}'));
    assert!(json.json().as_array().unwrap().iter().any(|m| m["label"] == label.as_str()));
    let _ = corpus::TERMINAL_ATTACKS;
}

/// Terminal tables stay linear in the longest unbroken word (issue point 8 of the third round):
/// a source note of 32 MB without a space (Arabic, then Latin letters) is shown by `source show`
/// with no terminal width, where the table library used to measure its pieces again and again
/// (39 s on the release build); "did you mean" on a 100,000-character name answers at once. Both
/// are bounded through the process (1 GB of address space, 120 s), never by timing.
#[test]
fn a_note_of_one_32_mb_word_and_a_huge_mistyped_name_stay_linear() {
    let nb = Nb::new();
    nb.ok(&["source", "add", "Valley Monitor", "--kind", "monitor"]);
    let note = format!("{}{}", "ب".repeat(8_000_000), "x".repeat(16_000_000));
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute("UPDATE sources SET note = ?1 WHERE id = 1", [&note]).unwrap();
    drop(conn);
    let r = corpus::capped(nb.dir.path(), &["--db", s(&nb.db), "source", "show", "1"], 1024, 120);
    assert_eq!(r.code, 0, "{}", r.cmd);
    // The whole note is shown, wrapped (a label of the table may hold an `x` or two).
    assert_eq!(r.stdout.matches('ب').count(), 8_000_000);
    let xs = r.stdout.matches('x').count();
    assert!((16_000_000..16_000_010).contains(&xs), "{xs}");
    let name = "Valley Monitr".repeat(7_700);
    let r = corpus::capped(nb.dir.path(), &["--db", s(&nb.db), "source", "show", &name], 1024, 120);
    assert_eq!(r.code, 1, "{}", r.cmd);
    assert_eq!(r.stderr.lines().count(), 1, "{}", &r.stderr[..r.stderr.len().min(400)]);
    clean_messages(&r);
}
