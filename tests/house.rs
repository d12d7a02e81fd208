//! The house rules: typed flags refused by the command line before any notebook is touched,
//! read-only commands that never create a notebook, commit before print, and history rows that
//! hold every column of their table.

mod common;
use common::{Nb, BIN};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// A notebook path in a folder that does not exist yet.
fn nowhere(nb: &Nb) -> std::path::PathBuf {
    nb.path("not-yet").join("notebook.db")
}

fn run_at(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN).arg("--db").arg(db).args(args).env_remove("CROSSCHECK_DB").output().unwrap()
}

#[test]
fn every_typed_flag_is_refused_by_the_command_line_before_a_notebook_exists() {
    let nb = Nb::new();
    let db = nowhere(&nb);
    let cases: &[&[&str]] = &[
        &["source", "add", "X", "--kind", "militia"],
        &["source", "add", "X", "--kind", "activist", "--reliability", "G"],
        &["source", "rate", "X", "Q", "--why", "w"],
        &["source", "edit", "X", "--kind", "spy"],
        &["claim", "add", "--article", "1", "--quote", "q", "--credibility", "9"],
        &["claim", "add", "--article", "one", "--quote", "q"],
        &["claim", "edit", "3", "--credibility", "0"],
        &["claim", "link", "1", "2", "--as", "supports"],
        &["claim", "show", "#x"],
        &["claim", "list", "--since", "2014-13"],
        &["claim", "list", "--until", "yesterday"],
        &["claim", "list", "--min-reliability", "Z"],
        &["claim", "list", "--max-credibility", "7"],
        &["history", "nonsense"],
        &["history", "claims", "abc"],
        &["export", "everything"],
        &["export", "claims", "--format", "xml"],
        &["import", "articles", "x.txt", "--published", "2014-02-30"],
        &["import", "articles", "x.txt", "--lang", "arabic"],
        &["import", "articles", "x.txt", "--max-size", "lots"],
        &["reconcile", "k", "--method", "mean"],
        &["reconcile", "k", "--as-of", "last week"],
        &["reconcile", "k", "--min-reliability", "H"],
        &["search", "x", "--in", "everything"],
        &["search", "x", "--limit", "0"],
        &["article", "rm", "-3"],
        &["figure", "terms", "set", "w", "--low", "-1", "--high", "2", "--point", "1"],
        &["--columns", "", "claim", "list"],
    ];
    for args in cases {
        let out = run_at(&db, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error:"), "{args:?}: {err}");
        assert!(!db.exists() && !db.parent().unwrap().exists(), "{args:?} created the notebook");
    }
    // A wrong value names what is accepted.
    let out = run_at(&db, &["source", "add", "X", "--kind", "militia"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("armed-group"));
}

#[test]
fn read_only_commands_never_create_a_notebook() {
    let nb = Nb::new();
    let db = nowhere(&nb);
    let cases: &[&[&str]] = &[
        &["info"],
        &["article", "list"],
        &["article", "show", "1"],
        &["source", "list"],
        &["source", "show", "X"],
        &["source", "alias", "list"],
        &["claim", "list"],
        &["claim", "show", "1"],
        &["measure", "list"],
        &["measure", "show", "k"],
        &["figure", "list"],
        &["figure", "terms"],
        &["search", "x"],
        &["reconcile", "k"],
        &["reconcile", "--all", "--timeline"],
        &["export", "claims"],
        &["history"],
        &["check"],
        &["backup", "/tmp/never-written.db"],
    ];
    for args in cases {
        let out = run_at(&db, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if args.contains(&"--timeline") { 2 } else { 1 }),
            "{args:?}: {err}"
        );
        if !args.contains(&"--timeline") {
            assert!(
                err.contains("there is no notebook at") && err.contains("crosscheck init"),
                "{args:?}: {err}"
            );
        }
        assert!(!db.parent().unwrap().exists(), "{args:?} created something");
    }
    // A command that writes creates it, in a private folder.
    let out = run_at(&db, &["source", "add", "X", "--kind", "other"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(db.parent().unwrap()).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(std::fs::metadata(&db).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Reading it does not change it.
    let before = std::fs::read(&db).unwrap();
    for args in [&["source", "list"][..], &["claim", "list"], &["info"], &["check"]] {
        assert!(run_at(&db, args).status.success());
    }
    assert_eq!(before, std::fs::read(&db).unwrap());
}

#[test]
fn a_reconcile_save_into_a_closed_pipe_still_saves_everything() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    for i in 0..30 {
        nb.ok(&["measure", "add", &format!("extra.m{i}"), "--label", "an empty measure"]);
    }
    let mut child = Command::new(BIN)
        .args(["--db", nb.db.to_str().unwrap(), "reconcile", "--all", "--save", "--note", "all of them"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close the pipe, as `| head -1` does.
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    drop(reader);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    // The demo saves one; this run saved every measure: the demo's two and the thirty.
    assert_eq!(saved.as_array().unwrap().len(), 1 + 2 + 30);
}

#[test]
fn every_history_row_holds_every_column_of_its_table() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    // Change and remove rows of many tables.
    nb.ok(&["source", "rate", "Gulf Wire", "C", "--why", "checked"]);
    nb.ok(&["source", "alias", "rm", "Al-Sahl local monitor", "المرصد المحلي"]);
    nb.ok(&["claim", "edit", "2", "--credibility", "2", "--untag", "defections", "--source", "Gulf Wire"]);
    nb.ok(&["claim", "link", "3", "2", "--as", "contradicts"]);
    nb.ok(&["figure", "terms", "set", "dozens", "--low", "24", "--high", "99", "--point", "36"]);
    nb.ok(&["figure", "reread"]);
    nb.ok(&["reconcile", "deaths.market", "--save", "--note", "again"]);
    nb.ok(&["claim", "rm", "7"]);
    nb.ok(&["article", "rm", "3", "--force"]);
    nb.ok(&["source", "merge", "Northern Monitor", "Gulf Wire"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    let mut tables = std::collections::BTreeSet::new();
    let mut stmt = conn.prepare("SELECT tbl, old FROM history").unwrap();
    let rows: Vec<(String, String)> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for (table, old) in rows {
        let columns: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")
            .unwrap()
            .query_map([&table], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let json: serde_json::Value = serde_json::from_str(&old).unwrap();
        let mut keys: Vec<String> = json.as_object().unwrap().keys().cloned().collect();
        let mut want = columns.clone();
        keys.sort();
        want.sort();
        assert_eq!(keys, want, "a history row of {table} does not hold every column");
        tables.insert(table);
    }
    for t in [
        "sources",
        "claims",
        "claim_sources",
        "claim_tags",
        "figures",
        "vague_terms",
        "source_aliases",
        "articles",
    ] {
        assert!(tables.contains(t), "no history of {t}: {tables:?}");
    }
    // Every deleted row with a uuid left a tombstone.
    let tomb: i64 = conn
        .query_row(
            "SELECT count(*) FROM tombstones WHERE tbl IN ('claims', 'articles', 'sources')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(tomb >= 3, "{tomb}");
}

#[test]
fn unknown_columns_are_refused_with_the_valid_ones() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    let r = nb.refuse(&["--columns", "id,nonsense", "claim", "list"], 2);
    assert!(r.stderr.contains("'nonsense'") && r.stderr.contains("quote"), "{}", r.stderr);
    let csv = nb.ok(&["--columns", "rating,id", "claim", "list", "--format", "csv"]).stdout;
    assert!(csv.starts_with("rating,id\n"), "{csv}");
    let wide = nb.ok(&["--wide", "source", "list"]).stdout;
    assert!(wide.contains("reliability_label"), "{wide}");
}

#[test]
fn crosscheck_alone_says_where_to_start() {
    let out = Command::new(BIN).env_remove("CROSSCHECK_DB").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("crosscheck demo") && text.contains("crosscheck init") && text.contains("--help"),
        "{text}"
    );
    assert!(text.lines().count() <= 5);
}
