//! Sums of measures that no command would write: a sum that contains itself, planted by hand with
//! the schema's guard lifted and put back (as a hand edit or an old tool might leave it), and a
//! sum of 1,000 parts (benches/run.sh sums times one of 5,000; docs/robustness.md).
//! Reconciling either ends in bounded time and memory, with one sentence or a result, never a
//! panic or a stack overflow.

use std::path::Path;

use crate::common::Nb;
use crate::corpus::{capped, clean_messages, describe};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Measures `m1` .. `mN` of people, written straight into the notebook (one process, not N).
fn measures(nb: &Nb, n: usize) {
    nb.ok(&["init"]);
    let mut conn = rusqlite::Connection::open(&nb.db).unwrap();
    let tx = conn.transaction().unwrap();
    for k in 1..=n {
        tx.execute(
            "INSERT INTO measures (uuid, key, label, unit, created_at) VALUES (?1, ?2, 'killed at one site', 'people', '2024-02-11T00:00:00Z')",
            rusqlite::params![uuid::Uuid::now_v7().to_string(), format!("m{k}")],
        )
        .unwrap();
    }
    tx.commit().unwrap();
}

#[test]
fn a_sum_planted_to_contain_itself_is_refused_in_a_sentence_and_named_by_check() {
    let nb = Nb::new();
    measures(&nb, 3);
    nb.ok(&["measure", "add", "toll", "--label", "toll", "--sum", "m1,m2"]);
    nb.ok(&["measure", "add", "region", "--label", "region", "--sum", "toll,m3"]);
    // m1 = region + ..., with the guard lifted and put back as it was.
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    let guard: String = conn
        .query_row("SELECT sql FROM sqlite_master WHERE name = 'measure_parts_no_cycle'", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch(&format!(
        "BEGIN; DROP TRIGGER measure_parts_no_cycle;
         INSERT INTO measure_parts (measure_id, part_id, position)
             SELECT a.id, b.id, 0 FROM measures a, measures b WHERE a.key = 'm1' AND b.key = 'region';
         {guard}; COMMIT;"
    ))
    .unwrap();
    drop(conn);
    for args in
        [&["reconcile", "--all"][..], &["reconcile", "region", "--explain"][..], &["measure", "list"][..]]
    {
        let mut all = vec!["--db", s(&nb.db)];
        all.extend_from_slice(args);
        let r = capped(nb.path("").as_path(), &all, 512, 60);
        assert_eq!(r.code, 1, "{}", describe(&r));
        assert!(r.stderr.contains("nests sums more than 16 deep"), "{}", describe(&r));
        clean_messages(&r);
    }
    let checked = nb.raw(&["check"], None);
    assert!(checked.stdout.contains("is a part of itself"), "{}", checked.stdout);
}

#[test]
fn a_sum_of_a_thousand_parts_is_made_and_reconciled_in_bounded_time_and_memory() {
    let nb = Nb::new();
    let n = 1_000;
    measures(&nb, n);
    let keys: Vec<String> = (1..=n).map(|k| format!("m{k}")).collect();
    let mut args = vec!["--db", s(&nb.db), "measure", "sum", "m1"];
    // m1 is the sum of the others.
    args.extend(keys[1..].iter().map(String::as_str));
    let r = capped(nb.path("").as_path(), &args, 512, 120);
    assert_eq!(r.code, 0, "{}", describe(&r));
    let r =
        capped(nb.path("").as_path(), &["--db", s(&nb.db), "reconcile", "m1", "--format", "json"], 512, 120);
    assert_eq!(r.code, 0, "{}", describe(&r));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    // No part has a figure: nothing to add up.
    assert_eq!(v[0]["parts"].as_array().unwrap().len(), n - 1);
    assert_eq!(v[0]["support"], "none");
    // The same parts named twice are refused in one sentence, nothing written.
    let mut twice = vec!["measure", "sum", "m1"];
    twice.extend(keys[1..].iter().map(String::as_str));
    twice.push("m2");
    let refused = nb.refuse(&twice, 1);
    assert!(refused.stderr.contains("m2 is named twice among the parts of m1"), "{}", refused.stderr);
}

#[test]
fn sums_kept_above_a_measure_edited_by_hand_are_named_by_check_and_rebuilt_by_repair() {
    let nb = Nb::new();
    measures(&nb, 4);
    nb.ok(&["measure", "add", "toll", "--label", "toll", "--sum", "m1,m2"]);
    nb.ok(&["measure", "add", "region", "--label", "region", "--sum", "toll,m3"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    let kept = |conn: &rusqlite::Connection| -> i64 {
        conn.query_row("SELECT count(*) FROM measure_closure", [], |r| r.get(0)).unwrap()
    };
    // m1 and m2 under toll and region, toll and m3 under region.
    assert_eq!(kept(&conn), 6);
    // One pair taken out and one put in that no part gives.
    conn.execute_batch(
        "DELETE FROM measure_closure WHERE part_id = (SELECT id FROM measures WHERE key = 'm1')
             AND measure_id = (SELECT id FROM measures WHERE key = 'region');
         INSERT INTO measure_closure (part_id, measure_id)
             SELECT a.id, b.id FROM measures a, measures b WHERE a.key = 'm4' AND b.key = 'toll';",
    )
    .unwrap();
    let checked = nb.raw(&["check"], None);
    assert_eq!(checked.code, 1);
    assert!(checked.stdout.contains("measure_closure: 2 pair(s)"), "{}", checked.stdout);
    nb.ok(&["check", "--repair"]);
    assert_eq!(kept(&conn), 6);
    nb.ok(&["check"]);
}
