use std::path::Path;

use super::*;

fn member(name: &str, replica: &str) -> Member {
    Member { name: name.into(), replica: replica.into() }
}

fn file() -> TeamFile {
    TeamFile {
        team: "Valley desk".into(),
        me: Some("amal".into()),
        litestream: None,
        timeout_seconds: None,
        members: vec![member("amal", "s3://valley/amal"), member("بلال", "file:///srv/replicas/bilal")],
    }
}

#[test]
fn a_team_file_round_trips_through_its_text() {
    let f = file();
    let text = f.to_text().unwrap();
    assert!(text.starts_with("# The team"), "{text}");
    assert_eq!(TeamFile::parse(&text, Path::new("t.toml")).unwrap(), f);
}

#[test]
fn a_bad_team_file_is_named_in_one_sentence() {
    let cases = [
        ("team = \"x\"\n", "no member"),
        ("team = \"x\"\nme = \"zed\"\n[[member]]\nname = \"amal\"\nreplica = \"s3://b/a\"\n", "not one of the members"),
        ("team = \"x\"\n[[member]]\nname = \"amal\"\nreplica = \"s3://b/a\"\n[[member]]\nname = \"Amal\"\nreplica = \"s3://b/c\"\n", "given twice"),
        ("team = \"x\"\n[[member]]\nname = \"amal\"\nreplica = \"s3://b/a\"\n[[member]]\nname = \"bob\"\nreplica = \"s3://b/a\"\n", "two members"),
        ("team = \"x\"\n[[member]]\nname = \"amal\"\nreplica = \"/srv/a\"\n", "file:///srv/a"),
        ("team = \"x\"\n[[member]]\nname = \"amal\"\nreplica = \"ftp://b/a\"\n", "not a replica scheme"),
        ("team = \"x\"\n[[member]]\nname = \"../etc\"\nreplica = \"s3://b/a\"\n", "not a member name"),
        ("team = \"x\"\ncolour = \"red\"\n[[member]]\nname = \"a\"\nreplica = \"s3://b/a\"\n", "colour"),
        ("team = \"x\"\ntimeout_seconds = 0\n[[member]]\nname = \"a\"\nreplica = \"s3://b/a\"\n", "at least 1"),
        ("team = [1, 2", "not a team file"),
    ];
    for (text, said) in cases {
        let e = TeamFile::parse(text, Path::new("t.toml")).unwrap_err().to_string();
        assert!(e.contains(said), "{text:?}: {e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }
}

#[test]
fn replica_urls_are_those_litestream_takes() {
    for ok in [
        "s3://bucket/path",
        "s3://bucket/p?endpoint=http://127.0.0.1:9000&region=x",
        "file:///srv/a",
        "gs://b/p",
        "sftp://host/p",
    ] {
        assert!(check_replica(ok).is_ok(), "{ok}");
    }
    for bad in
        ["", "s3://", "s3:///path", "file://relative/x", "bucket/path", "s3://b/p q", "s3://b/\u{202e}x"]
    {
        assert!(check_replica(bad).is_err(), "{bad}");
    }
}

#[test]
fn the_files_sit_beside_the_notebook() {
    let p = Paths::of(Path::new("/srv/notes/research.db")).unwrap();
    assert_eq!(p.team_file, Path::new("/srv/notes/research.team.toml"));
    assert_eq!(p.litestream_config, Path::new("/srv/notes/research.litestream.yml"));
    assert_eq!(p.pulls, Path::new("/srv/notes/research.team-pulls.toml"));
}

#[test]
fn the_litestream_configuration_quotes_what_it_names() {
    let text = litestream::config(
        Path::new("/srv/my \"notes\"/r.db"),
        "Valley\ndesk",
        &member("amal", "s3://b/a?x=1"),
    );
    assert!(text.contains("  - path: \"/srv/my \\\"notes\\\"/r.db\"\n"), "{text}");
    assert!(text.contains("      url: \"s3://b/a?x=1\"\n"), "{text}");
    assert!(text.contains("team Valley desk,"), "a name cannot break out of its comment line: {text}");
}

#[test]
fn the_replica_end_is_its_highest_transaction_when_first_written() {
    let files: Vec<litestream::LtxFile> = serde_json::from_str(
        r#"[{"level":0,"min_txid":"0000000000000009","max_txid":"000000000000000a","size":1,"timestamp":"2026-01-02T10:00:05Z"},
            {"level":9,"min_txid":"0000000000000001","max_txid":"000000000000000a","size":9,"timestamp":"2026-01-02T10:04:00Z"},
            {"level":0,"min_txid":"0000000000000001","max_txid":"0000000000000008","size":9,"timestamp":"2026-01-02T09:00:00Z"}]"#,
    )
    .unwrap();
    let p = litestream::latest_of(&files).unwrap();
    assert_eq!((p.txid.as_str(), p.at.as_str()), ("000000000000000a", "2026-01-02T10:00:05Z"));
    assert!(litestream::latest_of(&[]).is_none());
}

#[test]
fn litestreams_errors_become_one_sentence_about_the_member() {
    let said = |e: &str| litestream::explain(e, "amal");
    assert!(said("Error: no matching backup files available\n").contains("has amal started"));
    assert!(said(
        "Error: operation error S3: ListObjectsV2, https response error StatusCode: 404, NoSuchBucket: x"
    )
    .contains("bucket does not exist"));
    assert!(
        said("Error: ... dial tcp 127.0.0.1:9: connect: connection refused").contains("cannot be reached")
    );
    let odd = said("time=x level=INFO msg=hi\nError: something \u{1b}[31mnew\n");
    assert!(odd.contains("something") && !odd.contains('\u{1b}'), "{odd}");
}

#[test]
fn the_metadata_describes_every_table_and_column() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(crate::notebook::schema::SCHEMA).unwrap();
    let meta = datasette::metadata("desk", crate::notebook::schema::SCHEMA);
    let tables = &meta["databases"]["desk"]["tables"];
    let mut stmt = conn
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*'")
        .unwrap();
    let names: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
    assert!(names.len() > 15);
    for name in &names {
        let t = &tables[name.as_str()];
        assert!(t["description"].as_str().is_some_and(|d| d.len() > 10), "{name} has no description");
        if t["hidden"] == true {
            continue;
        }
        let mut cols = conn.prepare("SELECT name FROM pragma_table_info(?1)").unwrap();
        let cols: Vec<String> = cols.query_map([name], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        for c in cols {
            assert!(
                t["columns"][c.as_str()].as_str().is_some_and(|d| !d.is_empty()),
                "{name}.{c} has no description"
            );
        }
    }
    for (table, column, _) in datasette::COLUMNS {
        assert!(names.iter().any(|n| n == table), "{table} is described but not in the schema");
        let n: i64 = conn
            .query_row("SELECT count(*) FROM pragma_table_info(?1) WHERE name = ?2", [table, column], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(n, 1, "{table}.{column} is described but not in the schema");
    }
    let reliability = tables["sources"]["columns"]["reliability"].as_str().unwrap();
    assert!(
        reliability.contains("A Completely reliable")
            && reliability.contains("F Reliability cannot be judged")
    );
    assert!(tables["claims"]["columns"]["credibility"].as_str().unwrap().contains("2 Probably true"));
    assert_eq!(tables["_litestream_seq"]["hidden"], true);
}

#[test]
fn every_canned_query_runs_on_a_notebook() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    conn.execute_batch(crate::notebook::schema::SCHEMA).unwrap();
    for (name, _, _, sql) in datasette::queries() {
        conn.prepare(&sql).unwrap_or_else(|e| panic!("{name}: {e}\n{sql}"));
    }
    let scale: Vec<(String, String)> = conn
        .prepare(&datasette::queries().into_iter().find(|q| q.0 == "admiralty_scale").unwrap().3)
        .unwrap()
        .query_map([], |r| Ok((r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(scale.len(), 12);
    assert!(
        scale.contains(&("E".into(), "Unreliable".into()))
            && scale.contains(&("5".into(), "Improbable".into()))
    );
}
