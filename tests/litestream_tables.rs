//! A notebook that Litestream replicates carries Litestream's two tables; crosscheck takes it as a
//! notebook (open, write, check, export, back up, merge both ways) and refuses anything more.
//! These tests plant the tables with the statements the Litestream binary runs; tests/team.rs
//! drives the real binary.

mod common;

use common::Nb;

/// What Litestream runs on a database it starts replicating (the same in 0.3 and 0.5).
const LITESTREAM: &str = "CREATE TABLE IF NOT EXISTS _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER);
    CREATE TABLE IF NOT EXISTS _litestream_lock (id INTEGER);
    INSERT INTO _litestream_seq (id, seq) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET seq = seq + 1;";

fn plant(nb: &Nb, sql: &str) {
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute_batch(sql).unwrap();
}

fn tables(path: &std::path::Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE name LIKE '\\_litestream%' ESCAPE '\\' ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
}

fn count(nb: &Nb, what: &str) -> usize {
    nb.ok(&[what, "list", "--format", "json"]).json().as_array().unwrap().len()
}

#[test]
fn a_notebook_under_litestream_is_a_notebook() {
    let nb = Nb::new();
    let article = nb.import("sahl-en.md", &["--published", "2014-12-06"]).to_string();
    nb.ok(&["source", "add", "Sahl field hospital", "--kind", "official", "--reliability", "B"]);
    plant(&nb, LITESTREAM);
    // Written, read, checked and exported while Litestream's tables are there.
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &article,
        "--quote",
        "11 people were killed",
        "--source",
        "Sahl field hospital",
    ]);
    assert_eq!(count(&nb, "claim"), 1);
    nb.ok(&["check"]);
    nb.ok(&["info"]);
    let csv = nb.ok(&["export", "claims"]).csv();
    assert_eq!(csv.len(), 1);
    assert_eq!(
        tables(&nb.db),
        ["_litestream_lock", "_litestream_seq"],
        "crosscheck leaves Litestream's tables alone"
    );

    // A backup is a plain notebook, without Litestream's state.
    let copy = nb.path("copy.db");
    nb.ok(&["backup", copy.to_str().unwrap()]);
    assert!(tables(&copy).is_empty(), "{:?}", tables(&copy));
    let from_copy = Nb { dir: tempfile::tempdir().unwrap(), db: copy.clone() };
    assert_eq!(count(&from_copy, "claim"), 1);

    // A replicated notebook merges into another, and another into it.
    let desk = Nb::new();
    desk.ok(&["init"]);
    let r = desk.ok(&["merge", nb.db.to_str().unwrap(), "--format", "json"]).json();
    let claims = r.as_array().unwrap().iter().find(|t| t["table"] == "claims").unwrap().clone();
    assert_eq!(claims["added"], 1, "{r}");
    assert!(tables(&desk.db).is_empty(), "merge brings no Litestream table along");
    desk.ok(&["source", "add", "Valley residents", "--kind", "resident"]);
    nb.ok(&["merge", desk.db.to_str().unwrap()]);
    assert_eq!(count(&nb, "source"), 2);
    nb.ok(&["check"]);
}

#[test]
fn an_empty_file_litestream_touched_first_becomes_a_notebook() {
    let nb = Nb::new();
    plant(&nb, LITESTREAM);
    nb.ok(&["init"]);
    nb.ok(&["source", "add", "Valley residents", "--kind", "resident"]);
    nb.ok(&["check"]);
}

#[test]
fn more_than_litestreams_tables_is_refused() {
    for planted in [
        "CREATE TRIGGER _litestream_watch AFTER INSERT ON _litestream_seq BEGIN DELETE FROM claims; END;",
        "CREATE TABLE _litestream_notes (id INTEGER, body TEXT);",
    ] {
        let nb = Nb::new();
        nb.ok(&["source", "add", "Valley residents", "--kind", "resident"]);
        plant(&nb, &format!("{LITESTREAM}{planted}"));
        let r = nb.refuse(&["source", "list"], 1);
        assert!(r.stderr.contains("not trusted") && r.stderr.contains("_litestream_"), "{}", r.stderr);
        let desk = Nb::new();
        desk.ok(&["init"]);
        let r = desk.refuse(&["merge", nb.db.to_str().unwrap()], 1);
        assert!(r.stderr.contains("cannot be merged") && r.stderr.contains("_litestream_"), "{}", r.stderr);
    }
}

/// What Litestream needs of the notebook while it replicates: the journal stays WAL, and no
/// command checkpoints or resets the WAL behind its back. Litestream holds a read transaction
/// open while it ships the WAL; here a plain reader does the same, and while every kind of
/// command writes, reads, backs up and merges, the WAL's header (its checkpoint sequence and
/// salts, which change whenever the WAL is reset) stays as it was, and the notebook's main file
/// is not touched at all: every change stays in the WAL (a checkpoint of any kind would copy
/// frames into the main file; SQLite's own automatic one waits for 1,000 pages).
#[test]
fn no_command_checkpoints_or_resets_the_wal_under_a_reader() {
    let nb = Nb::new();
    let article = nb.import("sahl-en.md", &["--published", "2014-12-06"]).to_string();
    nb.ok(&["source", "add", "Sahl field hospital", "--kind", "official", "--reliability", "B"]);
    plant(&nb, LITESTREAM);
    let claim = |quote: &str| {
        nb.ok(&["claim", "add", "--article", &article, "--quote", quote, "--source", "Sahl field hospital"]);
    };
    // The WAL holds frames, and a reader is inside it, as Litestream is.
    let keeper = rusqlite::Connection::open(&nb.db).unwrap();
    let _: i64 = keeper.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).unwrap();
    claim("11 people were killed");
    let reader = rusqlite::Connection::open(&nb.db).unwrap();
    reader.execute_batch("BEGIN; SELECT count(*) FROM claims;").unwrap();
    let wal = nb.db.with_file_name("notebook.db-wal");
    let header = || std::fs::read(&wal).unwrap()[12..24].to_vec();
    let main = || std::fs::read(&nb.db).unwrap();
    let mode = || -> String { keeper.query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap() };
    let (start, main_file) = (header(), main());
    let desk = Nb::new();
    desk.ok(&["source", "add", "Valley residents", "--kind", "resident"]);
    let copy = nb.path("copy.db");
    let art = article.clone();
    let add = |q: &'static str| {
        vec!["claim", "add", "--article", art.as_str(), "--quote", q, "--source", "Sahl field hospital"]
    };
    let steps: Vec<Vec<&str>> = vec![
        add("45 foreign fighters"),
        add("more than 120 local recruits"),
        vec!["claim", "edit", "1", "--credibility", "2"],
        vec!["claim", "rm", "2"],
        vec!["source", "rate", "Sahl field hospital", "C", "--why", "two tolls corrected"],
        vec!["check"],
        vec!["export", "claims"],
        vec!["backup", copy.to_str().unwrap()],
        vec!["merge", desk.db.to_str().unwrap()],
        vec!["source", "list"],
    ];
    for step in &steps {
        nb.ok(step);
        assert_eq!(header(), start, "the WAL was reset by {step:?}");
        assert!(main() == main_file, "{step:?} checkpointed the WAL into the notebook's main file");
        assert_eq!(mode(), "wal", "after {step:?}");
    }
    // The reader still sees the notebook as it was when its transaction began.
    let seen: i64 = reader.query_row("SELECT count(*) FROM claims", [], |r| r.get(0)).unwrap();
    assert_eq!(seen, 1);
    reader.execute_batch("COMMIT").unwrap();
    assert_eq!(count(&nb, "claim"), 2);
    assert_eq!(count(&nb, "source"), 2);
}
