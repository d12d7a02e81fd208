//! Export for reports, bulk CSV import and merging notebooks. CSV is parsed back with the csv
//! crate and JSON with serde, never compared as strings.

mod common;
use common::{fixture, Nb};

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rdr.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    (headers, rows)
}

fn col(headers: &[String], name: &str) -> usize {
    headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name} in {headers:?}"))
}

/// An Arabic article with three claims, one from two sources, and a hostile leaflet.
fn notebook() -> (Nb, String, String) {
    let nb = Nb::new();
    let ar = nb.import("sahl-ar.txt", &["--outlet", "صحيفة الوادي", "--published", "2014-12-05"]).to_string();
    let leaflet = nb.import("leaflet-en.txt", &["--published", "2014-12-08"]).to_string();
    nb.ok(&["source", "add", "ناشطون محليون", "--kind", "activist", "--reliability", "C"]);
    nb.ok(&["source", "add", "أحد سكان السهل", "--kind", "resident"]);
    nb.ok(&["source", "add", "Dawn Brigade", "--kind", "armed-group", "--reliability", "E"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &ar,
        "--quote",
        "بلغ ٤٥ مقاتلاً أجنبياً",
        "--credibility",
        "2",
        "--tag",
        "defections",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &ar,
        "--quote",
        "مقتل 11 شخصاً",
        "--source",
        "ناشطون محليون",
        "--source",
        "أحد سكان السهل",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &leaflet,
        "--quote",
        "=HYPERLINK(\"http://leaflet.invalid/join\",\"Join the brigade\")",
        "--source",
        "Dawn Brigade",
        "--credibility",
        "5",
    ]);
    (nb, ar, leaflet)
}

#[test]
fn claims_export_to_csv_for_spreadsheets() {
    let (nb, ar, _) = notebook();
    let out = nb.path("claims.csv");
    nb.ok(&["export", "claims", "--bom", "--out", out.to_str().unwrap()]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM first");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let (h, rows) = parse_csv(&text);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][col(&h, "quote")], "بلغ ٤٥ مقاتلاً أجنبياً");
    assert_eq!(rows[0][col(&h, "reliability")], "F");
    assert_eq!(rows[0][col(&h, "credibility")], "2");
    assert_eq!(rows[1][col(&h, "sources")], "ناشطون محليون; أحد سكان السهل");
    assert_eq!(rows[1][col(&h, "reliability")], "C; F");
    // The hostile leaflet's formula arrives as text; numeric columns are never touched.
    assert_eq!(
        rows[2][col(&h, "quote")],
        "'=HYPERLINK(\"http://leaflet.invalid/join\",\"Join the brigade\")"
    );
    assert_eq!(
        rows[2][col(&h, "article_title")],
        "'=HYPERLINK(\"http://leaflet.invalid/join\",\"Join the brigade\")"
    );
    assert_eq!(rows[2][col(&h, "id")], "3");
    // --raw turns the guard off.
    let raw = nb.ok(&["export", "claims", "--raw"]).stdout;
    let (h2, rows2) = parse_csv(&raw);
    assert!(rows2[2][col(&h2, "quote")].starts_with("=HYPERLINK"));
    // Filters are those of claim list.
    let filtered = nb.ok(&["export", "claims", "--article", &ar, "--min-reliability", "C"]).stdout;
    assert_eq!(parse_csv(&filtered).1.len(), 1);
}

#[test]
fn a_whole_export_gives_each_claim_the_heading_a_filtered_one_does() {
    // Unfiltered, an export reads each article's heading once and remembers it; a filter on the
    // outlet joins it to every claim. The rows must not tell the two apart.
    let (nb, _, _) = notebook();
    nb.ok(&["source", "rate", "صحيفة الوادي", "B", "--why", "its own reports held up"]);
    let (h, all) = parse_csv(&nb.ok(&["export", "claims"]).stdout);
    let (h2, filtered) = parse_csv(&nb.ok(&["export", "claims", "--min-reliability", "B"]).stdout);
    assert_eq!(h, h2);
    assert_eq!(filtered.len(), 1, "only the outlet's own report is rated B or better");
    assert_eq!(all[0], filtered[0]);
    assert_eq!(all[0][col(&h, "outlet")], "صحيفة الوادي");
    assert_eq!(all[0][col(&h, "published")], "2014-12-05");
    assert_eq!(all[0][col(&h, "reliability")], "B");
    assert_eq!(all[0][col(&h, "rating")], "B2");
    assert_eq!(all[1][col(&h, "outlet")], "صحيفة الوادي", "the same article's second claim");
    assert_eq!(all[1][col(&h, "reliability")], "C; F", "a claim with sources keeps theirs");
    assert_eq!(all[2][col(&h, "outlet")], "");
    // A figure of the outlet's own report takes the outlet's heading and grade the same way.
    nb.ok(&["measure", "add", "defections.foreign", "--label", "foreign fighters who defected"]);
    nb.ok(&["figure", "add", "--claim", "1", "--measure", "defections.foreign", "45"]);
    let (h, figures) = parse_csv(&nb.ok(&["export", "figures"]).stdout);
    assert_eq!(figures.len(), 1);
    assert_eq!(figures[0][col(&h, "outlet")], "صحيفة الوادي");
    assert_eq!(figures[0][col(&h, "published")], "2014-12-05");
    assert_eq!(figures[0][col(&h, "reliability")], "B");
    assert_eq!(figures[0][col(&h, "sources")], "");
    // And the claim's row lists it, read from the figures in one sorted pass.
    let (h, all) = parse_csv(&nb.ok(&["export", "claims"]).stdout);
    assert_eq!(all[0][col(&h, "figures")], "defections.foreign=45");
    assert_eq!(all[1][col(&h, "figures")], "");
    assert_eq!(all[1][col(&h, "sources")], "ناشطون محليون; أحد سكان السهل");
}

#[test]
fn json_markdown_and_tsv_exports() {
    let (nb, _, _) = notebook();
    let json = nb.ok(&["export", "claims", "--format", "json"]).json();
    assert_eq!(json[1]["sources"], serde_json::json!(["ناشطون محليون", "أحد سكان السهل"]));
    assert_eq!(json[1]["unverified"], false);
    let lines: Vec<serde_json::Value> = nb
        .ok(&["export", "sources", "--format", "jsonl"])
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "the outlet and three sources");
    assert_eq!(lines[0]["kind"], "outlet");
    assert_eq!(lines[1]["reliability"], "C");
    let md = nb.ok(&["export", "claims", "--format", "markdown"]).stdout;
    assert!(md.starts_with("| id | uuid | article_id |"), "{md}");
    assert_eq!(md.lines().count(), 5);
    let tsv = nb.ok(&["export", "figures", "--format", "tsv"]).stdout;
    assert!(tsv.starts_with("id\tuuid\tmeasure"));
    for table in ["articles", "measures", "reconciliations", "history"] {
        let v = nb.ok(&["export", table, "--format", "json"]).json();
        assert!(v.is_array(), "{table}");
    }
}

#[test]
fn sources_round_trip_into_a_fresh_notebook() {
    let (nb, _, _) = notebook();
    nb.ok(&[
        "source",
        "edit",
        "Dawn Brigade",
        "--note",
        "=SUM(A1:A9)|piped",
        "--affiliation",
        "Dawn Brigade media office",
    ]);
    let file = nb.path("sources.csv");
    nb.ok(&["export", "sources", "--bom", "--out", file.to_str().unwrap()]);
    let fresh = Nb::new();
    let r = fresh.ok(&["import", "sources", file.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!((r[0]["added"].as_i64(), r[0]["already_there"].as_i64()), (Some(4), Some(0)));
    let a = nb.ok(&["source", "list", "--format", "json"]).json();
    let b = fresh.ok(&["source", "list", "--format", "json"]).json();
    for key in ["uuid", "name", "kind", "affiliation", "named", "reliability", "note"] {
        for i in 0..4 {
            assert_eq!(a[i][key], b[i][key], "{key} of source {i}");
        }
    }
    assert_eq!(b[3]["note"], "=SUM(A1:A9)|piped", "the guard is removed again");
    // Importing the same file again changes nothing.
    let before = fresh.dump();
    let again = fresh.ok(&["import", "sources", file.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!((again[0]["added"].as_i64(), again[0]["already_there"].as_i64()), (Some(0), Some(4)));
    common::assert_same(&before, &fresh.dump(), "re-import");
}

#[test]
fn export_edit_import_adds_new_rows_and_skips_old_ones() {
    let (nb, ar, _) = notebook();
    let csv_text = nb.ok(&["export", "claims"]).stdout;
    let (h, mut rows) = parse_csv(&csv_text);
    // A researcher adds a row in the spreadsheet: no id, no uuid.
    let mut new = vec![String::new(); h.len()];
    new[col(&h, "article_id")] = ar.clone();
    new[col(&h, "quote")] = "ثمانية عناصر من الشرطة الدينية".into();
    new[col(&h, "sources")] = "ناشطون محليون".into();
    new[col(&h, "credibility")] = "3".into();
    new[col(&h, "when_text")] = "yesterday".into();
    new[col(&h, "tags")] = "defections; police".into();
    rows.push(new);
    let file = nb.path("edited.csv");
    let mut w = csv::Writer::from_path(&file).unwrap();
    w.write_record(&h).unwrap();
    for r in &rows {
        w.write_record(r).unwrap();
    }
    w.flush().unwrap();
    let r = nb.ok(&["import", "claims", file.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!((r[0]["added"].as_i64(), r[0]["already_there"].as_i64()), (Some(1), Some(3)));
    let claims = nb.ok(&["claim", "list", "--format", "json"]).json();
    assert_eq!(claims.as_array().unwrap().len(), 4);
    assert_eq!(claims[3]["when_from"], "2014-12-04");
    assert_eq!(claims[3]["tags"], serde_json::json!(["defections", "police"]));
    assert_eq!(claims[3]["reliability"], serde_json::json!(["C"]));
    // Twice changes nothing.
    let r = nb.ok(&["import", "claims", file.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!(r[0]["added"], 0);
}

#[test]
fn the_csv_fixture_set_is_read_or_refused_by_line() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    let f = |n: &str| fixture(&format!("csv/{n}"));
    let r =
        nb.ok(&["import", "sources", f("sources-bom-crlf.csv").to_str().unwrap(), "--format", "json"]).json();
    assert_eq!(r[0]["added"], 3);
    let s = nb.ok(&["source", "list", "--format", "json"]).json();
    assert_eq!(s[0]["name"], "Sahl Coordination Committee, East");
    assert_eq!(s[0]["affiliation"], "local \"tansiqiya\"");
    assert_eq!(s[0]["note"], "two lines\r\nof note");
    assert_eq!(s[1]["name"], "لجان التنسيق المحلية");
    assert_eq!(s[1]["named"], false);
    assert_eq!(s[1]["note"], "=HYPERLINK(\"http://x\")");
    assert_eq!(s[2]["reliability"], "F");
    let ragged = nb.refuse(&["import", "sources", f("sources-ragged.csv").to_str().unwrap()], 1);
    assert!(ragged.stderr.contains("line 3"), "{}", ragged.stderr);
    let dup = nb.refuse(&["import", "sources", f("sources-duplicate-header.csv").to_str().unwrap()], 1);
    assert!(dup.stderr.contains("'name' appears twice"), "{}", dup.stderr);
    let grade = nb.refuse(&["import", "sources", f("sources-bad-grade.csv").to_str().unwrap()], 1);
    assert!(grade.stderr.contains("line 3") && grade.stderr.contains("'G'"), "{}", grade.stderr);
    let noname = nb.refuse(&["import", "sources", f("sources-no-name.csv").to_str().unwrap()], 1);
    assert!(noname.stderr.contains("'name'"), "{}", noname.stderr);
    nb.refuse(&["import", "sources", "/no/such.csv"], 1);
    let figures = nb.path("figures.csv");
    std::fs::write(&figures, "measure,claim_id,notation\nno.such,1,5\n").unwrap();
    nb.refuse(&["import", "figures", figures.to_str().unwrap()], 1);
}

#[test]
fn two_notebooks_with_the_same_article_merge_into_one() {
    let mine = Nb::new();
    let theirs = Nb::new();
    let a1 = mine.import("sahl-ar.txt", &["--published", "2014-12-05"]).to_string();
    let a2 = theirs.import("sahl-ar.txt", &["--published", "2014-12-05"]).to_string();
    mine.ok(&["source", "add", "ناشطون محليون", "--kind", "activist", "--reliability", "C"]);
    theirs.ok(&["source", "add", "ناشطون محليّون", "--kind", "activist", "--reliability", "B"]);
    theirs.ok(&["source", "add", "Sahl hospital", "--kind", "official", "--reliability", "B"]);
    mine.ok(&["claim", "add", "--article", &a1, "--quote", "بلغ ٤٥", "--source", "ناشطون محليون"]);
    theirs.ok(&["measure", "add", "deaths.market", "--label", "killed at the market"]);
    theirs.ok(&[
        "claim",
        "add",
        "--article",
        &a2,
        "--quote",
        "مقتل 11 شخصاً",
        "--source",
        "Sahl hospital",
        "--figure",
        "deaths.market=11",
    ]);
    theirs.ok(&[
        "claim",
        "add",
        "--article",
        &a2,
        "--quote",
        "بنحو 15 قتيلاً",
        "--source",
        "ناشطون محليون",
        "--figure",
        "deaths.market=نحو 15",
    ]);
    theirs.ok(&["claim", "link", "2", "1", "--as", "contradicts"]);

    let r = mine.ok(&["merge", theirs.db.to_str().unwrap(), "--format", "json"]).json();
    let get = |t: &str| r.as_array().unwrap().iter().find(|x| x["table"] == t).unwrap().clone();
    assert_eq!(
        (get("articles")["added"].as_i64(), get("articles")["already_there"].as_i64()),
        (Some(0), Some(1))
    );
    assert_eq!(
        (get("sources")["added"].as_i64(), get("sources")["already_there"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(get("claims")["added"], 2);
    assert_eq!(get("figures")["added"], 2);
    assert_eq!(get("links")["added"], 1);
    let claims = mine.ok(&["claim", "list", "--article", &a1, "--format", "json"]).json();
    assert_eq!(claims.as_array().unwrap().len(), 3, "both sets of claims on the one article");
    // The differing rating is added to the history; the rating here is kept.
    let s = mine.ok(&["source", "show", "ناشطون محليون", "--format", "json"]).json();
    assert_eq!(s["reliability"], "C");
    let history = s["rating_history"].as_array().unwrap();
    assert!(history.iter().any(|h| h["to"] == "B"), "{history:?}");
    // Merged figures reconcile, and merging twice adds nothing.
    let rec = mine.ok(&["reconcile", "deaths.market", "--format", "json"]).json();
    assert_eq!(rec[0]["voices"], 2);
    let before = mine.dump();
    let again = mine.ok(&["merge", theirs.db.to_str().unwrap(), "--format", "json"]).json();
    assert!(again.as_array().unwrap().iter().all(|x| x["added"] == 0), "{again}");
    common::assert_same(&before, &mine.dump(), "second merge");
    mine.refuse(&["merge", mine.db.to_str().unwrap()], 1);
    mine.refuse(&["merge", "/no/such.db"], 1);
    mine.ok(&["check"]);
}

#[test]
fn unwritable_output_is_refused_and_leaves_no_file() {
    let (nb, _, _) = notebook();
    nb.refuse(&["export", "claims", "--out", "/no/such/folder/claims.csv"], 1);
    let dir = nb.path("");
    let r = nb.refuse(&["export", "claims", "--out", dir.to_str().unwrap()], 1);
    assert!(r.stderr.contains("folder"), "{}", r.stderr);
    nb.refuse(&["export", "everything"], 2);
}

#[test]
fn an_articles_note_comes_with_it_in_a_merge() {
    let mine = Nb::new();
    let theirs = Nb::new();
    mine.ok(&["init"]);
    let a = theirs.import("sahl-en.md", &["--published", "2014-12-06"]).to_string();
    theirs.ok(&["article", "edit", &a, "--note", "wire copy; the toll was revised later"]);
    mine.ok(&["merge", theirs.db.to_str().unwrap()]);
    let articles = mine.ok(&["article", "list", "--format", "json"]).json();
    assert_eq!(articles[0]["note"], "wire copy; the toll was revised later");
}

/// A colleague's notebook gives figures to a measure that is a sum here: a sum takes no figures
/// of its own, so the merge is refused as `figure add` refuses it, naming the measure, and
/// nothing is written.
#[test]
fn a_merge_that_would_give_figures_to_a_sum_is_refused_naming_it() {
    let mine = Nb::new();
    let theirs = Nb::new();
    for nb in [&mine, &theirs] {
        nb.ok(&["measure", "add", "sahl.killed", "--label", "killed in the market shelling"]);
        nb.ok(&["measure", "add", "sahl.missing", "--label", "missing after the shelling"]);
    }
    mine.ok(&[
        "measure",
        "add",
        "sahl.toll",
        "--label",
        "killed or missing",
        "--sum",
        "sahl.killed,sahl.missing",
    ]);
    // In their notebook the toll is an ordinary measure with a figure of its own.
    theirs.ok(&["measure", "add", "sahl.toll", "--label", "killed or missing"]);
    let a = theirs.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    theirs.ok(&[
        "claim",
        "add",
        "--article",
        &a,
        "--quote",
        "11 people were killed",
        "--figure",
        "sahl.toll=11",
    ]);
    let refused = mine.refuse(&["merge", theirs.db.to_str().unwrap()], 1);
    assert!(
        refused.stderr.contains(
            "it gives 1 figure(s) to sahl.toll, which is the sum of sahl.killed, sahl.missing here"
        ),
        "{}",
        refused.stderr
    );
    assert!(refused.stderr.contains("nothing was merged"), "{}", refused.stderr);
    // As `claim add` refuses a figure for the sum here.
    let b = mine.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    let direct = mine.refuse(
        &["claim", "add", "--article", &b, "--quote", "11 people were killed", "--figure", "sahl.toll=11"],
        1,
    );
    assert!(direct.stderr.contains("sahl.toll is the sum of sahl.killed, sahl.missing"), "{}", direct.stderr);
}

/// After a merge, an edit made here is this notebook's own: comparing with the other notebook
/// again does not report it as one of theirs not applied; an edit made there after the merge is.
#[test]
fn edits_after_the_merge_point_are_told_apart_by_side() {
    use crosscheck::notebook::{Access, Notebook};
    let mine = Nb::new();
    let theirs = Nb::new();
    let a = theirs.import("sahl-en.md", &["--published", "2014-12-05"]).to_string();
    theirs.ok(&["claim", "add", "--article", &a, "--quote", "11 people were killed"]);
    theirs.ok(&["claim", "add", "--article", &a, "--quote", "45 foreign fighters defected"]);
    mine.ok(&["merge", theirs.db.to_str().unwrap()]);
    let merged_at = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    // Here: claim 1 edited after the merge. There: claim 2 edited after the merge.
    mine.ok(&["claim", "edit", "1", "--credibility", "2"]);
    theirs.ok(&["claim", "edit", "2", "--credibility", "5"]);
    let nb = Notebook::open(&mine.db, Access::Read).unwrap();
    let differing = nb.differing_rows(&theirs.db, Some(&merged_at)).unwrap();
    let ids: Vec<i64> = differing.iter().map(|d| d.id).collect();
    assert_eq!(ids, [2], "{differing:?}");
    assert_eq!(differing[0].fields[0].0, "credibility");
    // Never merged before: their edit is reported, ours is not theirs to report.
    let first = nb.differing_rows(&theirs.db, None).unwrap();
    assert_eq!(first.iter().map(|d| d.id).collect::<Vec<_>>(), [2], "{first:?}");
}

/// The merge summary counts every alias of the other notebook once: added, already here, or
/// left out (naming another source here), and a second merge finds them all already here.
#[test]
fn the_merge_summary_counts_each_alias_once() {
    let mine = Nb::new();
    let theirs = Nb::new();
    theirs.ok(&["source", "add", "Valley Observatory", "--kind", "monitor"]);
    for alias in ["مرصد الوادي", "VO", "Tala monitor"] {
        theirs.ok(&["source", "alias", "add", "Valley Observatory", alias]);
    }
    mine.ok(&["source", "add", "Valley Observatory", "--kind", "monitor"]);
    mine.ok(&["source", "alias", "add", "Valley Observatory", "VO"]);
    mine.ok(&["source", "add", "Tala monitor", "--kind", "monitor"]);
    let aliases = |r: &common::Run| {
        let rows = r.json();
        let row = rows.as_array().unwrap().iter().find(|x| x["table"] == "source_aliases").unwrap().clone();
        (row["added"].as_i64(), row["already_there"].as_i64(), row["skipped"].as_i64())
    };
    let first = mine.ok(&["merge", theirs.db.to_str().unwrap(), "--format", "json"]);
    assert_eq!(aliases(&first), (Some(1), Some(1), Some(1)), "{}", first.stdout);
    assert!(
        first.stderr.contains("1 source_aliases of the other notebook name another source here"),
        "{}",
        first.stderr
    );
    let again = mine.ok(&["merge", theirs.db.to_str().unwrap(), "--format", "json"]);
    assert_eq!(aliases(&again), (Some(0), Some(2), Some(1)), "{}", again.stdout);
    let listed = mine.ok(&["source", "alias", "list", "--format", "json"]).json();
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
}
