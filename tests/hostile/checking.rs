//! `check` sees what the schema forbids (issue points 7 and 9 of the third round): SQLite does not
//! verify CHECK constraints on a read-only connection, so `check` said "no problems found" over
//! a credibility of 9. Every row is now held against the schema's rules and the typed values,
//! text that is not UTF-8 and values missing where the schema demands one are named by row, and
//! the cost stays linear in claims plus text (8,000 claims on one 10 MB article took 167 s).

use std::path::Path;

use rusqlite::Connection;

use crate::common::Nb;
use crate::corpus::{self, capped, clean_messages, describe, run_in};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The table's own statement with NOT NULL and STRICT taken away, for writing rows it forbids.
fn lax(db: &Path, table: &str) -> String {
    let conn = Connection::open(db).unwrap();
    let real: String = conn
        .query_row("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1", [table], |r| r.get(0))
        .unwrap();
    real.replace("NOT NULL", "").replace(") STRICT", ")")
}

#[test]
fn check_names_every_row_the_schema_forbids_even_on_a_read_only_file() {
    let work = tempfile::tempdir().unwrap();
    let dir = work.path();
    let base = corpus::demo_notebook(dir, "base.db");
    // (name, how the row is broken, what the line must say)
    let cases: &[(&str, &str, &[&str])] = &[
        ("credibility", "UPDATE claims SET credibility = 9 WHERE id = 1;", &["claims #1", "credibility is 9"]),
        ("reliability", "UPDATE sources SET reliability = 'Z' WHERE id = 1;", &["sources #1", "reliability is 'Z'"]),
        (
            "low-above-high",
            "UPDATE figures SET low = 50, point = 60, high = 40 WHERE id = 1;",
            &["figures #1", "low 50, point 60, high 40"],
        ),
        (
            "bad-date",
            "UPDATE claims SET when_text = 'then', when_from = '2014-13-45', when_to = '2014-13-45', when_precision = 'day' WHERE id = 2;",
            &["claims #2", "when_from '2014-13-45'"],
        ),
        ("not-a-real-day", "UPDATE articles SET published = '2014-02-30' WHERE id = 1;", &["articles #1", "published '2014-02-30' is not a real date"]),
        ("kind", "UPDATE sources SET kind = 'oracle' WHERE id = 2;", &["sources #2", "kind is 'oracle'"]),
        ("not-utf8-note", "UPDATE sources SET note = CAST(X'C328A0' AS TEXT) WHERE id = 2;", &["sources #2", "note is not UTF-8"]),
        ("not-utf8-quote", "UPDATE claims SET quote = CAST(X'FF41' AS TEXT) WHERE id = 3;", &["claims #3", "quote is not UTF-8"]),
        ("not-utf8-body", "UPDATE articles SET body = CAST(X'D8A7FF' AS TEXT) WHERE id = 2;", &["articles #2", "body is not UTF-8"]),
        ("measure-key", "UPDATE measures SET key = 'Deaths; x' WHERE id = 1;", &["measures #1", "not a measure key"]),
        ("uuid", "UPDATE links SET uuid = upper(uuid) WHERE id = 1;", &["links #1", "not a UUID"]),
        ("tag", "INSERT INTO claim_tags (claim_id, tag) VALUES (1, '   ');", &["claim_tags (claim_id 1, tag '   ')", "rules"]),
        ("incident", "INSERT INTO incidents (uuid, key, label, latitude, longitude, created_at) VALUES ('01900000-0000-7000-8000-0000000000a1', 'raid.one', 'A raid', '95', '10', '2026-01-01T00:00:00Z');", &["incidents #1", "latitude is '95'"]),
        ("page-past-the-end", "INSERT INTO article_pages (article_id, page, start) VALUES (1, 2, 999999999);", &["article_pages (article 1, page 2)", "character 999999999"]),
    ];
    for (name, sql, says) in cases {
        let db = dir.join(format!("{name}.db"));
        corpus::craft(&base, &db, sql);
        let before = std::fs::read(&db).unwrap();
        for readonly in [false, true] {
            if readonly {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
            }
            let r = run_in(dir, &["--db", s(&db), "check"], None, None);
            assert_eq!(r.code, 1, "{name}\n{}", describe(&r));
            clean_messages(&r);
            let line = r.stdout.lines().find(|l| says.iter().all(|w| l.contains(w)));
            assert!(line.is_some(), "{name}: no line says {says:?}\n{}", describe(&r));
            assert!(r.stderr.contains("problem(s)"), "{}", describe(&r));
        }
        assert_eq!(std::fs::read(&db).unwrap(), before, "{name}: check wrote to the notebook");
    }
    // A value missing where the schema demands one, or of the wrong kind, written with the
    // table's rules taken away.
    for (table, sql, says) in [
        ("claims", "UPDATE claims SET quote = NULL WHERE id = 1;", "claims #1: it has no quote"),
        (
            "sources",
            "UPDATE sources SET created_at = NULL, name = NULL WHERE id = 3;",
            "sources #3: it has no name",
        ),
        (
            "figures",
            "PRAGMA ignore_check_constraints = ON; UPDATE figures SET point = 'many' WHERE id = 2;",
            "figures #2: it has point 'many' (a text)",
        ),
    ] {
        let db = dir.join(format!("null-{table}.db"));
        corpus::craft_without_rules(&base, &db, table, &lax(&base, table), sql);
        let r = run_in(dir, &["--db", s(&db), "check"], None, None);
        assert_eq!(r.code, 1, "{}", describe(&r));
        clean_messages(&r);
        assert!(r.stdout.contains(says), "{}", describe(&r));
    }
    // And an untouched notebook still passes.
    let r = run_in(dir, &["--db", s(&base), "check"], None, None);
    assert_eq!(r.code, 0, "{}", describe(&r));
}

/// A notebook holding one article of about 10 MB quoted by `claims` claims, spread through it.
pub fn many_claims_on_one_article(nb: &Nb, claims: u64) -> u64 {
    let text = corpus::long_article(10 * 1024 * 1024);
    let file = nb.path("district-tallies.txt");
    std::fs::write(&file, &text).unwrap();
    let sentences = text.lines().count() as u64 - 2;
    nb.ok(&["import", "articles", s(&file), "--max-size", "20MB"]);
    let mut csv = String::from("article_id,quote\n");
    let step = sentences / claims;
    for i in 0..claims {
        csv.push_str(&format!("1,\"{}\"\n", corpus::long_article_quote(1 + i * step)));
    }
    let claims_file = nb.path("claims.csv");
    std::fs::write(&claims_file, csv).unwrap();
    nb.ok(&["import", "claims", s(&claims_file)]);
    sentences
}

#[test]
fn check_is_linear_in_claims_plus_text() {
    let nb = Nb::new();
    many_claims_on_one_article(&nb, 8_000);
    let r = capped(nb.dir.path(), &["--db", s(&nb.db), "check"], 2048, 300);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(r.stderr.contains("no problems found"), "{}", describe(&r));
    // One quote moved: found, named, still within the bounds.
    let conn = Connection::open(&nb.db).unwrap();
    conn.execute(
        "UPDATE claims SET span_start = span_start + 1, span_end = span_end + 1 WHERE id = 4000",
        [],
    )
    .unwrap();
    drop(conn);
    let r = capped(nb.dir.path(), &["--db", s(&nb.db), "check"], 2048, 300);
    assert_eq!(r.code, 1, "{}", describe(&r));
    assert!(r.stdout.contains("claims #4000: its quote is not the text at its span"), "{}", describe(&r));
}

#[test]
fn merge_holds_one_article_at_a_time_however_many_claims_quote_it() {
    let theirs = Nb::new();
    many_claims_on_one_article(&theirs, 1_000);
    // Every span shifted: each quote is found again in the body.
    let conn = Connection::open(&theirs.db).unwrap();
    conn.execute_batch("UPDATE claims SET span_start = span_start + 1, span_end = span_end + 1").unwrap();
    drop(conn);
    let mine = Nb::new();
    mine.ok(&["init"]);
    let r = capped(mine.dir.path(), &["--db", s(&mine.db), "merge", s(&theirs.db)], 2048, 300);
    assert_eq!(r.code, 0, "{}", describe(&r));
    assert!(
        r.stderr.contains("1000 quote(s) of the other notebook were not where their span said"),
        "{}",
        describe(&r)
    );
    let r = mine.ok(&["--format", "json", "info"]);
    assert_eq!(r.json()["claims"], 1000, "{}", r.stdout);
    mine.ok(&["check"]);
}
