//! Links form no ring (issue 30, point 12): a ring of `updates` of any length is refused by
//! `claim link` naming the ring, named by `check` when one gets in by hand or by a merge, and
//! set aside by `reconcile` with a warning, never superseding every figure. Long rings and long
//! chains cost time linear in the links.

use std::path::Path;

use crate::common::Nb;
use crate::corpus::{clean_messages, describe};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// One article and `n` claims of one monitor, each with a figure of `killed` (claim k says k*10).
fn counts(n: usize) -> Nb {
    let nb = Nb::new();
    let text: String =
        (1..=n).map(|k| format!("The monitor counted {} dead at hour {k}. ", k * 10)).collect();
    let file = nb.path("page.txt");
    std::fs::write(&file, text).unwrap();
    nb.ok(&["import", "articles", s(&file), "--outlet", "Gulf Wire", "--published", "2024-02-11"]);
    nb.ok(&["source", "add", "Sukkar Monitor", "--kind", "monitor", "--reliability", "B"]);
    nb.ok(&["measure", "add", "killed", "--label", "people killed"]);
    let mut claims = String::from("article_id,quote,sources,credibility,measure,figure\n");
    for k in 1..=n {
        claims.push_str(&format!(
            "1,counted {} dead at hour {k},Sukkar Monitor,3,killed,{}\n",
            k * 10,
            k * 10
        ));
    }
    std::fs::write(nb.path("claims.csv"), claims).unwrap();
    nb.ok(&["import", "claims", s(&nb.path("claims.csv"))]);
    nb
}

fn plant(nb: &Nb, links: &[(i64, i64)]) {
    let mut conn = rusqlite::Connection::open(&nb.db).unwrap();
    let conn = conn.transaction().unwrap();
    for (a, b) in links {
        conn.execute(
            "INSERT INTO links (uuid, from_claim, to_claim, relation, created_at) VALUES (?1, ?2, ?3, 'updates', '2024-02-11T00:00:00Z')",
            rusqlite::params![uuid::Uuid::now_v7().to_string(), a, b],
        )
        .unwrap();
    }
    conn.commit().unwrap();
}

#[test]
fn claim_link_refuses_a_ring_of_any_length_naming_it() {
    let nb = counts(5);
    for (a, b) in [("2", "1"), ("3", "2"), ("4", "3"), ("5", "4")] {
        nb.ok(&["claim", "link", a, b, "--as", "updates"]);
    }
    // 1 updates 5 would close 1 -> 5 -> 4 -> 3 -> 2 -> 1.
    let r = nb.refuse(&["claim", "link", "1", "5", "--as", "updates"], 1);
    assert!(
        r.stderr.contains("(#1 updates #5 updates #4 updates #3 updates #2 updates #1)"),
        "{}",
        describe(&r)
    );
    clean_messages(&r);
    // Two claims, each superseding the other.
    let r = nb.refuse(&["claim", "link", "1", "2", "--as", "updates"], 1);
    assert!(r.stderr.contains("claim #2 already updates claim #1"), "{}", describe(&r));
    // Other relations may point back: a relay of a later count is no ring.
    nb.ok(&["claim", "link", "1", "5", "--as", "repeats"]);
    // The chain reconciles to its last word.
    let out = nb.ok(&["reconcile", "killed", "--format", "json"]).json();
    assert_eq!((out[0]["best"].as_i64(), out[0]["voices"].as_i64()), (Some(50), Some(1)));
}

#[test]
fn a_ring_planted_by_hand_is_named_by_check_and_set_aside_by_reconcile() {
    let nb = counts(3);
    plant(&nb, &[(2, 1), (3, 2), (1, 3)]);
    let r = nb.refuse(&["check"], 1);
    assert!(
        r.stdout.contains("ring (#1 updates #3 updates #2 updates #1)")
            || r.stderr.contains("ring (#1 updates #3"),
        "{}",
        describe(&r)
    );
    assert!(
        r.stdout.contains("crosscheck claim unlink 2 1 --as updates")
            || r.stderr.contains("claim unlink 2 1"),
        "{}",
        describe(&r)
    );
    clean_messages(&r);
    let json = nb.ok(&["reconcile", "killed", "--format", "json"]).json();
    let m = &json[0];
    assert_eq!(m["rings"], serde_json::json!([[1, 3, 2]]));
    assert_eq!(
        (m["figures"].as_i64(), m["voices"].as_i64(), m["best"].as_i64()),
        (Some(3), Some(1), Some(30))
    );
    let table = nb.ok(&["reconcile", "killed"]);
    assert!(table.stdout.contains("warning: claims update one another in a ring"), "{}", describe(&table));
    // Unlinking one link of the ring leaves a chain, and check is content.
    nb.ok(&["claim", "unlink", "2", "1", "--as", "updates"]);
    nb.ok(&["check"]);
    let json = nb.ok(&["reconcile", "killed", "--format", "json"]).json();
    // 3 updates 2 and 1 updates 3: the chain 2 -> 3 -> 1 ends at claim 1.
    assert_eq!((json[0]["best"].as_i64(), json[0]["rings"].as_array().map(Vec::len)), (Some(10), Some(0)));
}

#[test]
fn a_ring_brought_by_a_merge_is_named_and_never_supersedes_every_figure() {
    let mine = counts(3);
    let theirs = Nb::new();
    theirs.ok(&["init"]);
    theirs.ok(&["merge", s(&mine.db)]);
    // I record 2 -> 1 and 3 -> 2; my colleague, on the same claims, 1 -> 3.
    mine.ok(&["claim", "link", "2", "1", "--as", "updates"]);
    mine.ok(&["claim", "link", "3", "2", "--as", "updates"]);
    theirs.ok(&["claim", "link", "1", "3", "--as", "updates"]);
    mine.ok(&["merge", s(&theirs.db)]);
    let json = mine.ok(&["reconcile", "killed", "--format", "json"]).json();
    let m = &json[0];
    assert_eq!(m["rings"].as_array().map(Vec::len), Some(1), "{m}");
    assert!(m["voices"].as_i64() == Some(1) && m["best"].as_i64().is_some(), "{m}");
    let r = mine.refuse(&["check"], 1);
    clean_messages(&r);
}

#[test]
fn unlink_refuses_a_link_that_is_not_there() {
    let nb = counts(2);
    let before = nb.dump();
    let r = nb.refuse(&["claim", "unlink", "2", "1", "--as", "updates"], 1);
    assert!(r.stderr.contains("claim #2 has no updates link to claim #1"), "{}", describe(&r));
    assert_eq!(before, nb.dump());
    let r = nb.refuse(&["claim", "unlink", "2", "9"], 1);
    assert!(r.stderr.contains("9"), "{}", describe(&r));
}

#[test]
fn long_rings_and_chains_cost_time_linear_in_the_links() {
    // 20,000 claims in one chain: reconcile follows it to its last word; linking its ends is
    // refused with the ring shown by its ends; closed by hand, the ring is set aside. (`check`
    // names rings too, but reads every claim's span in the article: a notebook of 20,000 claims
    // on one article is another test's concern.)
    let n = 20_000;
    let nb = counts(n);
    let links: Vec<(i64, i64)> = (2..=n as i64).map(|k| (k, k - 1)).collect();
    plant(&nb, &links);
    let json = nb.ok(&["reconcile", "killed", "--format", "json"]).json();
    assert_eq!((json[0]["best"].as_i64(), json[0]["figures"].as_i64()), (Some(n as i64 * 10), Some(1)));
    let r = nb.refuse(&["claim", "link", "1", &n.to_string(), "--as", "updates"], 1);
    assert!(r.stderr.contains("would form a ring (#1 updates #20000 updates #19999"), "{}", describe(&r));
    assert!(r.stderr.contains("… 19989 more …") && r.stderr.len() < 600, "{}", describe(&r));
    plant(&nb, &[(1, n as i64)]);
    let json = nb.ok(&["reconcile", "killed", "--format", "json"]).json();
    assert_eq!(json[0]["rings"][0].as_array().map(Vec::len), Some(n));
    assert_eq!(json[0]["figures"].as_i64(), Some(n as i64), "the ring set aside, every figure is eligible");
    let table = nb.ok(&["reconcile", "killed", "--max-pairs", "1"]);
    assert!(table.stdout.contains("ring (#1 updates #20000 updates #19999"), "{}", describe(&table));
}
