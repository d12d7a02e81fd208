//! Links form no ring (issue point 12 of the third round): three claims each updating the next,
//! the last the first, made every figure of the ring superseded, and nothing said it. Now
//! `claim link` refuses the link that would close a ring, `merge` leaves out a colleague's link
//! that would close one with ours, `check` names a ring however it got in, and `reconcile`
//! applies none of a ring's updates and says so.

use std::path::Path;

use rusqlite::Connection;

use crate::common::Nb;
use crate::corpus::{self, clean_messages, describe, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A link written as an older version or another program could have (no rule of ours ran).
fn plant_update(db: &Path, by: i64, of: i64, uuid: &str) {
    let conn = Connection::open(db).unwrap();
    conn.execute(
        "INSERT INTO links (uuid, from_claim, to_claim, relation, created_at)
         VALUES (?1, ?2, ?3, 'updates', '2014-12-07T09:00:00Z')",
        rusqlite::params![uuid, by, of],
    )
    .unwrap();
}

#[test]
fn claim_link_refuses_the_link_that_would_close_a_ring() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    nb.ok(&["claim", "link", "1", "3", "--as", "updates"]);
    nb.ok(&["claim", "link", "3", "7", "--as", "updates"]);
    let r = nb.refuse(&["claim", "link", "7", "1", "--as", "updates"], 1);
    clean_messages(&r);
    assert!(r.stderr.contains("claim #1 already updates claim #7 through other claims"), "{}", describe(&r));
    assert!(r.stderr.contains("#7 → #1 → #3 → #7"), "{}", describe(&r));
    // Four claims: the ring is found however long it is.
    nb.ok(&["claim", "link", "7", "8", "--as", "updates"]);
    let r = nb.refuse(&["claim", "link", "8", "1", "--as", "updates"], 1);
    assert!(r.stderr.contains("#8 → #1 → #3 → #7 → #8"), "{}", describe(&r));
    // Links of other kinds may go round: corroboration is mutual.
    nb.ok(&["claim", "link", "8", "1", "--as", "corroborates"]);
    nb.ok(&["claim", "link", "1", "8", "--as", "corroborates"]);
    nb.ok(&["check"]);
}

#[test]
fn a_planted_ring_is_named_by_check_and_supersedes_nothing_in_reconcile() {
    let nb = Nb::new();
    corpus::demo_into(&nb);
    // Claims 1, 3 and 7 carry figures of defectors.foreign; claim 8 repeats claim 7.
    let before = nb.ok(&["--format", "json", "reconcile", "defectors.foreign"]);
    plant_update(&nb.db, 1, 3, "01a24aa8-0000-7000-8000-000000000001");
    plant_update(&nb.db, 3, 7, "01a24aa8-0000-7000-8000-000000000002");
    plant_update(&nb.db, 7, 1, "01a24aa8-0000-7000-8000-000000000003");
    let r = nb.raw(&["check"], None);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(
        r.stdout.contains("links: claims #1, #3, #7 form a ring of updates (#1 → #3 → #7 → #1)"),
        "{}",
        describe(&r)
    );
    clean_messages(&r);
    // Applied, the ring would supersede figures 1, 2 and 6 and the repeat of 6: every figure
    // but none. Reconcile applies none of it, says so, and gives the result without the ring.
    let r = nb.ok(&["--format", "json", "reconcile", "defectors.foreign"]);
    assert!(r.stderr.contains("claims #1 → #3 → #7 → #1 form a ring of updates"), "{}", describe(&r));
    assert!(!r.stdout.contains("superseded by"), "{}", describe(&r));
    let low = |r: &crate::common::Run| r.json().pointer("/0/low").cloned();
    assert_eq!(low(&r), low(&before), "{}\n{}", r.stdout, before.stdout);
    // An update from outside the ring still supersedes.
    plant_update(&nb.db, 8, 1, "01a24aa8-0000-7000-8000-000000000004");
    let r = nb.ok(&["reconcile", "defectors.foreign"]);
    assert!(r.stdout.contains("superseded by #8, which updates it"), "{}", describe(&r));
}

#[test]
fn merge_leaves_out_the_colleagues_link_that_would_close_a_ring() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let ours = corpus::demo_notebook(dir, "ours.db");
    let theirs = corpus::demo_notebook(dir, "theirs.db");
    for (a, b) in [("1", "3"), ("3", "7")] {
        let r = run_in(dir, &["--db", s(&ours), "claim", "link", a, b, "--as", "updates"], None, None);
        assert_eq!(r.code, 0, "{}", describe(&r));
    }
    for (a, b) in [("7", "1"), ("8", "2")] {
        let r = run_in(dir, &["--db", s(&theirs), "claim", "link", a, b, "--as", "updates"], None, None);
        assert_eq!(r.code, 0, "{}", describe(&r));
    }
    let r = run_in(dir, &["--db", s(&ours), "--format", "json", "merge", s(&theirs)], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(r.stderr.contains("1 links of the other notebook"), "{}", describe(&r));
    assert!(r.stderr.contains("close a ring of updates"), "{}", describe(&r));
    clean_messages(&r);
    // The link that closes no ring came in; the one that would have did not.
    let r = run_in(dir, &["--db", s(&ours), "claim", "show", "8"], None, None);
    assert!(r.stdout.contains("updates"), "{}", describe(&r));
    let r = run_in(dir, &["--db", s(&ours), "check"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
}
