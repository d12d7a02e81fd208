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
