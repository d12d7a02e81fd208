//! Robustness: bad input across every command, hostile text, concurrent writers, a killed
//! import, damaged files, backups while writing, and upgrading an old notebook.

mod common;
use common::{fixture, Nb, BIN};
use std::process::{Command, Stdio};

/// A notebook with everything in it: the demo.
fn full() -> Nb {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    nb
}

#[test]
fn forty_five_bad_inputs_each_refused_cleanly_with_nothing_written() {
    let nb = full();
    let dir = nb.dir.path();
    let bin_file = dir.join("photo.html");
    std::fs::write(&bin_file, [0xFFu8, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]).unwrap();
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let ragged = dir.join("ragged.csv");
    std::fs::write(&ragged, "name,kind\nA,activist,extra\n").unwrap();
    let bad_claims = dir.join("claims.csv");
    std::fs::write(&bad_claims, "article_id,quote\n1,هو 45 مقاتلا\n99,x\n").unwrap();
    let bad_figures = dir.join("figures.csv");
    std::fs::write(&bad_figures, "measure,claim_id,notation\ndefectors.foreign,1,lots\n").unwrap();
    let not_utf8 = dir.join("latin1.csv");
    std::fs::write(&not_utf8, b"name,kind\nR\xe9sident,resident\n").unwrap();
    let unreadable = dir.join("locked.txt");
    std::fs::write(&unreadable, "text").unwrap();
    let p = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let (bin_file, empty, ragged, bad_claims, bad_figures, not_utf8) =
        (p(&bin_file), p(&empty), p(&ragged), p(&bad_claims), p(&bad_figures), p(&not_utf8));
    let cases: Vec<(Vec<&str>, i32)> = vec![
        (vec!["import", "articles", "/no/such/article.txt"], 1),
        (vec!["import", "articles", &bin_file], 1),
        (vec!["import", "articles", &empty], 1),
        (vec!["import", "articles", &empty, "--published", "2014-02-30"], 2),
        (vec!["import", "articles", &empty, "--lang", "xx"], 2),
        (vec!["import", "articles", "--manifest", "/no/manifest.csv"], 1),
        (vec!["import", "sources", &ragged], 1),
        (vec!["import", "sources", &not_utf8], 1),
        (vec!["import", "claims", &bad_claims], 1),
        (vec!["import", "figures", &bad_figures], 1),
        (vec!["import", "sources", "/no/such.csv"], 1),
        (vec!["article", "show", "999"], 1),
        (vec!["article", "show", "-3"], 2),
        (vec!["article", "rm", "1"], 1),
        (vec!["source", "add", "", "--kind", "activist"], 2),
        (vec!["source", "add", "X", "--kind", "spy"], 2),
        (vec!["source", "add", "X", "--kind", "activist", "--reliability", "G"], 2),
        (vec!["source", "add", "AL-SAHL LOCAL MONITOR", "--kind", "monitor"], 1),
        (vec!["source", "show", "nobody"], 1),
        (vec!["source", "rate", "Gulf Wire", "Z", "--why", "x"], 2),
        (vec!["source", "rate", "Gulf Wire", "B", "--why", ""], 2),
        (vec!["source", "merge", "Gulf Wire", "Gulf Wire"], 1),
        (vec!["source", "edit", "Gulf Wire", "--name", "Northern Monitor"], 1),
        (vec!["claim", "add", "--article", "1", "--quote", "not in the article at all"], 1),
        (vec!["claim", "add", "--article", "1", "--quote", "هو 45 مقاتلا", "--credibility", "0"], 2),
        (vec!["claim", "add", "--article", "1", "--quote", "هو 45 مقاتلا", "--credibility", "seven"], 2),
        (
            vec![
                "claim",
                "add",
                "--article",
                "1",
                "--quote",
                "هو 45 مقاتلا",
                "--when",
                "2014-12-05..2014-12-01",
            ],
            1,
        ),
        (vec!["claim", "add", "--article", "1", "--quote", "هو 45 مقاتلا", "--when", "2014-13"], 1),
        (vec!["claim", "add", "--article", "1", "--quote", "هو 45 مقاتلا", "--figure", "nokey"], 1),
        (
            vec![
                "claim",
                "add",
                "--article",
                "1",
                "--quote",
                "هو 45 مقاتلا",
                "--figure",
                "defectors.foreign=99999999999999999999",
            ],
            1,
        ),
        (vec!["claim", "add", "--article", "1", "--quote", "   "], 2),
        (vec!["claim", "add", "--quote", "x"], 2),
        (vec!["claim", "link", "3", "3", "--as", "repeats"], 1),
        (vec!["claim", "link", "3", "4", "--as", "refutes"], 2),
        (vec!["claim", "edit", "77", "--credibility", "2"], 1),
        (vec!["claim", "rm", "#abc"], 2),
        (vec!["claim", "list", "--until", "yesterday"], 2),
        (vec!["measure", "add", "Bad Key!", "--label", "x"], 1),
        (vec!["measure", "add", "ok.key", "--label", " "], 2),
        (vec!["measure", "show", "defectors.foriegn"], 1),
        (vec!["figure", "add", "--claim", "1", "--measure", "defectors.foreign", "a great many"], 1),
        (vec!["figure", "add", "--claim", "1", "--measure", "defectors.foreign", "20-10"], 1),
        (vec!["figure", "rm", "4040"], 1),
        (vec!["figure", "terms", "set", "heaps", "--low", "9", "--high", "5", "--point", "7"], 1),
        (vec!["figure", "terms", "set", "45", "--low", "1", "--high", "5", "--point", "3"], 1),
        (vec!["reconcile", "no.such"], 1),
        (vec!["reconcile", "deaths.market", "--method", "manual", "--value", "12"], 2),
        (vec!["reconcile", "deaths.market", "--value", "12"], 2),
        (vec!["search", "   "], 2),
        (vec!["search", "x", "--limit", "0"], 2),
        (vec!["search", "x", "--in", "everything"], 2),
        (vec!["export", "claims", "--out", "/no/such/dir/x.csv"], 1),
        (vec!["export", "claims", "--format", "xlsx"], 2),
        (vec!["export", "claims", "--min-reliability", "Q"], 2),
        (vec!["history", "nonsense"], 2),
        (vec!["merge", "/no/such.db"], 1),
        (vec!["backup", "/no/such/dir/copy.db"], 1),
        (vec!["completions", "cmd.exe"], 2),
        (vec!["frobnicate"], 2),
    ];
    assert!(cases.len() >= 45);
    for (args, code) in &cases {
        let r = nb.refuse(args, *code);
        if *code == 2 {
            // A malformed command line is answered by the command line: what was accepted.
            assert!(r.stderr.contains("error:") && !r.stderr.contains("panicked"), "{}", r.stderr);
        }
        if *code == 1 {
            let line = r.stderr.lines().find(|l| l.starts_with("error:")).unwrap();
            assert!(line.len() > 20, "a sentence, not a code: {line}");
            assert!(!line.contains("SQLITE") && !line.contains("constraint failed"), "raw SQL: {line}");
        }
    }
    // The backup into an existing file is refused too.
    let existing = nb.path("exists.db");
    std::fs::write(&existing, "keep me").unwrap();
    nb.refuse(&["backup", existing.to_str().unwrap()], 1);
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
}

#[test]
fn hostile_text_is_stored_as_is_and_shown_escaped() {
    let nb = Nb::new();
    let hostile = "Claims \u{1b}[31mRED\u{1b}[0m and \u{1b}]8;;http://evil.invalid\u{7}link\u{1b}]8;;\u{7} \
                   with \u{202e}override\u{202c} and a NUL\u{0} byte.\nRobert'); DROP TABLE claims;-- said 12 died.";
    let file = nb.path("hostile.txt");
    std::fs::write(&file, hostile).unwrap();
    let id = nb.ok(&["--format", "json", "import", "articles", file.to_str().unwrap()]).json()[0]["id"]
        .to_string();
    nb.ok(&["source", "add", "Robert'); DROP TABLE claims;--", "--kind", "other"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &id,
        "--quote",
        "\u{1b}[31mRED\u{1b}[0m and",
        "--source",
        "Robert'); DROP TABLE claims;--",
    ]);
    for args in [
        vec!["article", "show", id.as_str(), "--text"],
        vec!["article", "list"],
        vec!["claim", "list"],
        vec!["claim", "show", "1"],
        vec!["search", "override"],
        vec!["source", "list", "--format", "markdown"],
    ] {
        let out = nb.ok(&args).stdout;
        for bad in ['\u{1b}', '\u{202e}', '\u{0}', '\u{7}'] {
            assert!(!out.contains(bad), "raw {:?} reached the terminal in `{}`:\n{out}", bad, args.join(" "));
        }
    }
    let text = nb.ok(&["article", "show", &id, "--text"]).stdout;
    assert!(text.contains("\\e[31mRED"), "{text}");
    assert!(text.contains("\\u{202E}override"), "{text}");
    // Stored as it was: JSON carries the escape as data.
    let claim = nb.ok(&["claim", "show", "1", "--format", "json"]).json();
    assert!(claim["quote"].as_str().unwrap().contains('\u{1b}'));
    assert_eq!(claim["sources"][0], "Robert'); DROP TABLE claims;--");
    // A hostile source name is a formula-guarded text cell in CSV.
    nb.ok(&["source", "add", "=cmd|' /C calc'!A0", "--kind", "other"]);
    let csv = nb.ok(&["export", "sources"]).csv();
    assert_eq!(csv.last().unwrap()["name"], "'=cmd|' /C calc'!A0");
    nb.ok(&["check"]);
}

#[test]
fn six_writers_at_once_all_succeed() {
    let nb = Nb::new();
    let children: Vec<_> = (0..6)
        .map(|w| {
            let db = nb.db.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..25 {
                    let out = Command::new(BIN)
                        .args([
                            "--db",
                            db.to_str().unwrap(),
                            "-q",
                            "source",
                            "add",
                            &format!("writer {w} source {i}"),
                            "--kind",
                            "other",
                        ])
                        .output()
                        .unwrap();
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = children.into_iter().flat_map(|c| c.join().unwrap()).collect();
    assert!(failures.is_empty(), "{failures:?}");
    let sources = nb.ok(&["source", "list", "--format", "json"]).json();
    assert_eq!(sources.as_array().unwrap().len(), 150);
    nb.ok(&["check"]);
}

#[test]
fn a_killed_folder_import_leaves_whole_articles_and_resumes() {
    let nb = Nb::new();
    let folder = nb.path("archive");
    std::fs::create_dir_all(&folder).unwrap();
    let base = std::fs::read_to_string(fixture("sahl-en.md")).unwrap();
    let total = 600;
    for i in 0..total {
        // Each file distinct: a different opening line, and different enough not to be a copy.
        let words: String = (0..60).map(|k| format!("w{}x{} ", i, k)).collect();
        std::fs::write(folder.join(format!("a{i:04}.md")), format!("# Report {i}\n\n{words}\n\n{base}"))
            .unwrap();
    }
    nb.ok(&["init"]);
    // Small batches, so the kill falls between commits.
    let mut child = Command::new(BIN)
        .args([
            "--db",
            nb.db.to_str().unwrap(),
            "-q",
            "import",
            "articles",
            folder.to_str().unwrap(),
            "--batch",
            "25",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some articles are in, then kill it without warning.
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.busy_timeout(std::time::Duration::from_secs(5)).unwrap();
    let start = std::time::Instant::now();
    loop {
        let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap_or(0);
        if n >= 1 || start.elapsed().as_secs() > 60 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    drop(conn);
    nb.ok(&["check"]);
    let before = nb.ok(&["article", "list", "--format", "json"]).json();
    let stored = before.as_array().unwrap().len();
    assert!(stored > 0 && stored < total, "killed part way: {stored} of {total} stored");
    for a in before.as_array().unwrap() {
        assert!(a["chars"].as_i64().unwrap() > 1000, "a stored article is whole");
    }
    let r = nb.ok(&["--format", "json", "import", "articles", folder.to_str().unwrap()]).json();
    let dup = r.as_array().unwrap().iter().filter(|x| x["status"] == "duplicate").count();
    assert_eq!(dup, stored, "what was stored before the kill is recognised");
    let after = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(after["articles"], total);
}

#[test]
fn a_damaged_file_is_reported_not_panicked_on() {
    let nb = full();
    nb.ok(&["check"]);
    // Overwrite pages in the middle of the file.
    let mut bytes = std::fs::read(&nb.db).unwrap();
    let len = bytes.len();
    for b in bytes[len / 3..len / 3 + 8192].iter_mut() {
        *b = 0xA5;
    }
    std::fs::write(&nb.db, &bytes).unwrap();
    let r = nb.raw(&["check"], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    assert!(r.stderr.starts_with("error:"), "{}", r.stderr);
    // A truncated header is not a notebook at all.
    std::fs::write(&nb.db, &bytes[..50]).unwrap();
    let r = nb.raw(&["info"], None);
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains("panicked"));
}

#[test]
fn backup_while_another_process_writes() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    let db = nb.db.clone();
    let writer = std::thread::spawn(move || {
        for i in 0..60 {
            let out = Command::new(BIN)
                .args([
                    "--db",
                    db.to_str().unwrap(),
                    "-q",
                    "source",
                    "add",
                    &format!("busy source {i}"),
                    "--kind",
                    "other",
                ])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        }
    });
    std::thread::sleep(std::time::Duration::from_millis(100));
    let copy = nb.path("copy.db");
    nb.ok(&["backup", copy.to_str().unwrap()]);
    writer.join().unwrap();
    let out = Command::new(BIN).args(["--db", copy.to_str().unwrap(), "check"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn a_version_1_notebook_is_upgraded_after_a_backup() {
    let nb = Nb::new();
    std::fs::copy(fixture("notebook-v1.db"), &nb.db).unwrap();
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(info["schema_version"], 5);
    assert_eq!(info["claims"], 2);
    assert_eq!(info["reconciliations"], 1);
    let backup = nb.dir.path().join("notebook.db.v1.bak");
    let conn = rusqlite::Connection::open(&backup).expect("a copy was written before the upgrade");
    let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(v, 1);
    nb.ok(&["check"]);
    // The upgraded notebook works as a new one.
    let hits = nb.ok(&["search", "المنشقون", "--format", "json"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    nb.ok(&["claim", "add", "--article", "1", "--quote", "مقتل 11 شخصاً"]);
    // Version 3 accepts a sum and a clipped date.
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    let sql: String = conn
        .query_row(
            "SELECT group_concat(sql, ' ') FROM sqlite_master WHERE name IN ('figures', 'claims')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(sql.contains("'sum'") && sql.contains("'clipped'"), "{sql}");
}

#[test]
fn a_version_2_notebook_is_upgraded_with_everything_in_it() {
    let nb = Nb::new();
    std::fs::copy(fixture("notebook-v2.db"), &nb.db).unwrap();
    let before = rusqlite::Connection::open(&nb.db).unwrap();
    let count =
        |conn: &rusqlite::Connection, sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let history_before = count(&before, "SELECT count(*) FROM history");
    drop(before);
    // A backup of that version already there is kept; a new one, named for the time, is written.
    let old_bak = nb.dir.path().join("notebook.db.v2.bak");
    std::fs::write(&old_bak, "an older copy").unwrap();
    // A read-only command upgrades the file first (a write, after the copy), then only reads.
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(
        (info["schema_version"].as_i64(), info["articles"].as_i64(), info["claims"].as_i64()),
        (Some(5), Some(3), Some(5))
    );
    assert_eq!(std::fs::read_to_string(&old_bak).unwrap(), "an older copy");
    let dated: Vec<_> = std::fs::read_dir(nb.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("notebook.db.v2.") && n.ends_with(".bak") && n != "notebook.db.v2.bak")
        .collect();
    assert_eq!(dated.len(), 1, "{dated:?}");
    nb.ok(&["check"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    assert!(count(&conn, "SELECT count(*) FROM history") >= history_before, "the history is kept");
    // The saved result rested on one figure: "about 15", which updated the "11" of claim 4.
    assert_eq!(
        count(&conn, "SELECT f.point FROM reconciliation_figures r JOIN figures f ON f.id = r.figure_id"),
        15,
        "the saved result's figures"
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM links"), 2);
    assert_eq!(count(&conn, "SELECT count(*) FROM claim_tags"), 3);
    assert_eq!(count(&conn, "SELECT point FROM vague_terms WHERE word = 'dozens'"), 36);
    assert_eq!(count(&conn, "SELECT count(*) FROM sources WHERE name_key = 'local monitor'"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM source_ratings"), 4);
    assert_eq!(count(&conn, "SELECT near_duplicate_of FROM articles WHERE id = 3"), 2);
    // Version 3 searches English by its stem: "fighter" finds "fighters".
    let hits = nb.ok(&["search", "fighter", "--in", "articles", "--format", "json"]).json();
    assert!(!hits.as_array().unwrap().is_empty());
    let hits = nb.ok(&["search", "المنشقين", "--format", "json"]).json();
    assert!(!hits.as_array().unwrap().is_empty());
    // It works as a new notebook does.
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "2",
        "--quote",
        "at least two field commanders",
        "--figure",
        "defectors.foreign=at least two",
    ]);
    nb.ok(&["reconcile", "deaths.market", "--save", "--note", "after the upgrade"]);
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    assert_eq!(saved[0]["stale"], false);
    assert_eq!(saved.as_array().unwrap().len(), 2);
}

#[test]
fn a_version_3_notebook_is_upgraded_with_everything_in_it() {
    let nb = Nb::new();
    std::fs::copy(fixture("notebook-v3.db"), &nb.db).unwrap();
    let count =
        |conn: &rusqlite::Connection, sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let before = rusqlite::Connection::open(&nb.db).unwrap();
    let tables = [
        "articles",
        "article_bands",
        "sources",
        "source_aliases",
        "source_ratings",
        "claims",
        "claim_sources",
        "claim_tags",
        "links",
        "measures",
        "figures",
        "reconciliations",
        "reconciliation_figures",
        "history",
        "tombstones",
    ];
    let counts_before: Vec<i64> =
        tables.iter().map(|t| count(&before, &format!("SELECT count(*) FROM {t}"))).collect();
    let stale_before = count(&before, "SELECT sum(stale << (id - 1)) FROM reconciliations");
    drop(before);
    // A reading command upgrades first, after one copy of the version 3 file.
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(info["schema_version"], 5);
    let backup = nb.dir.path().join("notebook.db.v3.bak");
    let old = rusqlite::Connection::open(&backup).expect("a copy was written before the upgrade");
    assert_eq!(count(&old, "PRAGMA user_version"), 3);
    nb.ok(&["check"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    // Every row of every table is carried over (the history gains nothing from the copy itself).
    let counts_after: Vec<i64> =
        tables.iter().map(|t| count(&conn, &format!("SELECT count(*) FROM {t}"))).collect();
    assert_eq!(counts_after, counts_before, "{tables:?}");
    assert_eq!(count(&conn, "SELECT sum(stale << (id - 1)) FROM reconciliations"), stale_before);
    assert_eq!(stale_before, 2, "the fixture's second saved result is stale, the first is not");
    // The rebuilt tables keep their ids, texts, spans and dates.
    assert_eq!(count(&conn, "SELECT count(*) FROM claims WHERE unverified = 1 AND span_start IS NULL"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM claims WHERE when_precision IS NOT NULL"), 2);
    assert_eq!(count(&conn, "SELECT near_duplicate_of FROM articles WHERE id = 3"), 2);
    // Search, aliases and the claims' sources work as before.
    let hits = nb.ok(&["search", "المنشقين", "--format", "json"]).json();
    assert!(!hits.as_array().unwrap().is_empty());
    let shown = nb.ok(&["source", "show", "المرصد المحلي", "--format", "json"]).stdout;
    assert!(shown.contains("local monitor"), "{shown}");
    // And the history triggers of the rebuilt tables record edits again.
    let history = count(&conn, "SELECT count(*) FROM history");
    nb.ok(&["claim", "edit", "2", "--credibility", "2"]);
    assert_eq!(count(&conn, "SELECT count(*) FROM history"), history + 1);
    // What version 4 adds is there: a cumulative date, an incident, a derived measure.
    conn.execute_batch(
        "INSERT INTO incidents (uuid, key, label, latitude, longitude, created_at)
             VALUES ('00000000-0000-7000-8000-000000000001', 'sahl.market', 'Sahl market', '35.95', '39.01', 'now');
         UPDATE measures SET incident_id = 1, role = 'killed' WHERE key = 'deaths.market';
         UPDATE claims SET when_precision = 'cumulative' WHERE id = 1;",
    )
    .unwrap();
    nb.ok(&["check"]);
}

#[test]
fn a_version_4_notebook_is_upgraded_with_its_sums_and_their_staleness() {
    let nb = Nb::new();
    std::fs::copy(fixture("notebook-v4.db"), &nb.db).unwrap();
    let count =
        |conn: &rusqlite::Connection, sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    let pairs = |conn: &rusqlite::Connection, sql: &str| -> Vec<(String, String)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    let tables = [
        "articles",
        "sources",
        "source_aliases",
        "claims",
        "claim_sources",
        "claim_tags",
        "links",
        "incidents",
        "measures",
        "measure_parts",
        "figures",
        "reconciliations",
        "reconciliation_figures",
        "history",
        "tombstones",
    ];
    let before = rusqlite::Connection::open(&nb.db).unwrap();
    assert_eq!(count(&before, "PRAGMA user_version"), 4);
    let counts_before: Vec<i64> =
        tables.iter().map(|t| count(&before, &format!("SELECT count(*) FROM {t}"))).collect();
    let staleness = |conn: &rusqlite::Connection| -> Vec<(String, i64)> {
        let mut stmt = conn
            .prepare(
                "SELECT m.key, r.stale FROM reconciliations r JOIN measures m ON m.id = r.measure_id
                 WHERE r.id IN (SELECT max(id) FROM reconciliations GROUP BY measure_id) ORDER BY m.key",
            )
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect()
    };
    let owned =
        |v: &[(&str, i64)]| -> Vec<(String, i64)> { v.iter().map(|(k, s)| (k.to_string(), *s)).collect() };
    let stale_before = staleness(&before);
    // The sums above each measure as version 4's view walks them.
    let walked = "SELECT p.key, s.key FROM measure_dependents d JOIN measures p ON p.id = d.part_id
                  JOIN measures s ON s.id = d.measure_id ORDER BY 1, 2";
    let family_before = pairs(&before, walked);
    drop(before);
    assert_eq!(
        stale_before,
        owned(&[("deaths.market", 0), ("defectors.all", 1), ("tally", 1)]),
        "the fixture's saved sums went stale when a part's figure was removed; the market's did not"
    );
    // defectors.named lost police.fled when its parts were replaced.
    assert!(family_before.contains(&("defectors.foreign".into(), "tally".into())), "{family_before:?}");
    assert!(
        !family_before.iter().any(|(p, s)| p == "police.fled" && s == "defectors.named"),
        "{family_before:?}"
    );

    // A reading command upgrades first, after one copy of the version 4 file.
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(info["schema_version"], 5);
    let old = rusqlite::Connection::open(nb.dir.path().join("notebook.db.v4.bak"))
        .expect("a copy before the upgrade");
    assert_eq!(count(&old, "PRAGMA user_version"), 4);
    drop(old);
    nb.ok(&["check"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    let counts_after: Vec<i64> =
        tables.iter().map(|t| count(&conn, &format!("SELECT count(*) FROM {t}"))).collect();
    assert_eq!(counts_after, counts_before, "{tables:?}");
    assert_eq!(staleness(&conn), stale_before);
    // The kept sums are those version 4 walked, in the table and through the view of that name.
    let kept = "SELECT p.key, s.key FROM measure_closure d JOIN measures p ON p.id = d.part_id
                JOIN measures s ON s.id = d.measure_id ORDER BY 1, 2";
    assert_eq!(pairs(&conn, kept), family_before);
    assert_eq!(pairs(&conn, walked), family_before);

    // A sum still refuses to contain itself, in the same words: from the command line, and from
    // the schema's guard under it.
    let r = nb.raw(&["measure", "sum", "defectors.all", "tally"], None);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("tally cannot be a part of defectors.all: tally already contains defectors.all"),
        "{}",
        r.stderr
    );
    let e = conn
        .execute(
            "INSERT INTO measure_parts (measure_id, part_id, position)
             SELECT a.id, b.id, 5 FROM measures a, measures b WHERE a.key = 'police.fled' AND b.key = 'tally'",
            [],
        )
        .unwrap_err();
    assert!(e.to_string().contains("a derived measure cannot be a part of itself"), "{e}");

    // Saved sums go stale through their parts as before: saved again, then a figure of the
    // police who fled reaches departures and tally, not defectors.all.
    for key in ["tally", "defectors.all", "departures"] {
        nb.ok(&["reconcile", key, "--save"]);
    }
    nb.ok(&["claim", "add", "--article", "1", "--quote", "ثمانية عناصر", "--figure", "police.fled=ثمانية"]);
    assert_eq!(
        staleness(&conn),
        owned(&[("deaths.market", 0), ("defectors.all", 0), ("departures", 1), ("tally", 1)])
    );
    // A part removed takes its sums with it, and only those.
    nb.ok(&["measure", "sum", "departures", "police.fled"]);
    let now = pairs(&conn, kept);
    assert!(!now.contains(&("defectors.foreign".into(), "tally".into())), "{now:?}");
    assert!(now.contains(&("defectors.foreign".into(), "defectors.all".into())), "{now:?}");
    assert!(now.contains(&("police.fled".into(), "tally".into())), "{now:?}");
    nb.ok(&["check"]);
}
