//! The notebook, article import and Arabic-aware search, driven through the real binary.

mod common;
use common::{fixture, Nb};

#[test]
fn init_creates_a_private_notebook_and_info_counts_it() {
    let nb = Nb::new();
    let r = nb.ok(&["init"]);
    assert_eq!(r.stdout.trim(), nb.db.display().to_string());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&nb.db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    nb.import("sahl-ar.txt", &[]);
    let info = nb.ok(&["info", "--format", "json"]).json();
    assert_eq!(info["schema_version"], 5);
    assert_eq!(info["articles"], 1);
    assert_eq!(info["sources"], 0);
    assert!(info["size_bytes"].as_i64().unwrap() > 0);
    assert_eq!(info["path"], nb.db.display().to_string());
}

#[test]
fn the_notebook_location_comes_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sub/env.db");
    let out = std::process::Command::new(common::BIN).arg("init").env("CROSSCHECK_DB", &db).output().unwrap();
    assert!(out.status.success());
    assert!(db.exists(), "CROSSCHECK_DB was not used");
}

#[test]
fn a_file_that_is_not_a_notebook_is_refused() {
    let nb = Nb::new();
    std::fs::write(&nb.db, "just some text, not a database at all, long enough to be read as a header")
        .unwrap();
    let r = nb.raw(&["info"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a crosscheck notebook"), "{}", r.stderr);
    // Another SQLite database is refused too, and left untouched.
    let other = Nb::new();
    let conn = rusqlite::Connection::open(&other.db).unwrap();
    conn.execute_batch("CREATE TABLE mine (x); INSERT INTO mine VALUES (1);").unwrap();
    drop(conn);
    let r = other.raw(&["info"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("not a crosscheck notebook"), "{}", r.stderr);
}

#[test]
fn a_notebook_from_a_newer_version_is_refused() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute_batch("PRAGMA user_version = 99").unwrap();
    drop(conn);
    let r = nb.raw(&["info"], None);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("newer crosscheck"), "{}", r.stderr);
}

#[test]
fn arabic_search_ignores_harakat_shadda_alef_forms_digits_and_the_article() {
    let nb = Nb::new();
    let id = nb.import("sahl-ar.txt", &["--lang", "ar"]);
    // المنشقّين (with shadda) by المنشقون; أكّد by اكد; الرقّة by الرقه; ٤٥ by 45 and the reverse;
    // انشقاق finds الانشقاق and انشقاقات; الشرطة without its ال: شرطة.
    for q in ["المنشقون", "اكد", "الرقه", "45", "٤٥", "انشقاق", "شرطة", "يزيد"]
    {
        let hits = nb.ok(&["search", q, "--format", "json"]).json();
        let ids: Vec<i64> = hits.as_array().unwrap().iter().map(|h| h["id"].as_i64().unwrap()).collect();
        assert_eq!(ids, vec![id], "search {q}");
    }
    // The snippet shows the original words, marked.
    let hits = nb.ok(&["search", "المنشقون", "--format", "json"]).json();
    let snippet = hits[0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("[المنشقّين]"), "{snippet}");
    assert_eq!(hits[0]["kind"], "article");
    // A word that is not there finds nothing.
    let none = nb.ok(&["search", "طائرات", "--format", "json"]).json();
    assert_eq!(none.as_array().unwrap().len(), 0);
}

#[test]
fn query_syntax_is_searched_as_words() {
    let nb = Nb::new();
    nb.import("sahl-en.md", &[]);
    for q in ["al-Qaeda", "\"AFP", "NOT", "AND OR", "brigade)", "NEAR(a b)"] {
        let r = nb.ok(&["search", q, "--format", "json"]);
        assert!(r.json().is_array(), "{q}");
    }
    let hits = nb.ok(&["search", "Dawn-Brigade", "--format", "json"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    nb.refuse(&["search", "  ..  "], 2);
    nb.refuse(&["search", "*"], 2);
}

#[test]
fn duplicates_are_stored_once_and_edited_copies_are_flagged() {
    let nb = Nb::new();
    let first = nb.import("sahl-en.md", &[]);
    let again =
        nb.ok(&["--format", "json", "import", "articles", fixture("sahl-en.md").to_str().unwrap()]).json();
    assert_eq!(again[0]["status"], "duplicate");
    assert_eq!(again[0]["duplicate_of"], first);
    let copy = nb
        .ok(&["--format", "json", "import", "articles", fixture("sahl-en-copy.md").to_str().unwrap()])
        .json();
    assert_eq!(copy[0]["status"], "imported");
    assert_eq!(copy[0]["near_duplicate_of"], first);
    let list = nb.ok(&["article", "list", "--format", "json"]).json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    assert_eq!(list[1]["near_duplicate_of"], first);
    // An unrelated article is not flagged.
    let other =
        nb.ok(&["--format", "json", "import", "articles", fixture("market.html").to_str().unwrap()]).json();
    assert!(other[0]["near_duplicate_of"].is_null());
}

#[test]
fn copies_in_one_import_are_caught_too() {
    let nb = Nb::new();
    let (en, copy) = (fixture("sahl-en.md"), fixture("sahl-en-copy.md"));
    let r = nb
        .ok(&[
            "--format",
            "json",
            "import",
            "articles",
            en.to_str().unwrap(),
            copy.to_str().unwrap(),
            en.to_str().unwrap(),
        ])
        .json();
    assert_eq!(r[0]["status"], "imported");
    assert_eq!(r[1]["near_duplicate_of"], r[0]["id"]);
    assert_eq!(r[2]["status"], "duplicate");
    assert_eq!(r[2]["duplicate_of"], r[0]["id"]);
    assert_eq!(nb.ok(&["info", "--format", "json"]).json()["articles"], 2);
    nb.ok(&["check"]);
}

#[test]
fn html_is_stored_as_its_article_text_only() {
    let nb = Nb::new();
    let id = nb.import("market.html", &[]);
    let shown = nb.ok(&["article", "show", &id.to_string(), "--format", "json"]).json();
    assert_eq!(shown["title"], "Market shelling toll rises to 15");
    assert_eq!(shown["language"], "en");
    let body = nb.ok(&["article", "show", &id.to_string(), "--text"]).stdout;
    assert!(body.contains("15 people were killed"));
    for junk in ["About us", "analytics", "Copyright", "Most read", "font-family"] {
        assert!(!body.contains(junk), "{junk} leaked into the body:\n{body}");
    }
}

#[test]
fn a_folder_with_one_bad_file_imports_the_rest_and_exits_1() {
    let nb = Nb::new();
    let folder = nb.path("articles");
    std::fs::create_dir_all(folder.join("nested")).unwrap();
    for f in ["sahl-ar.txt", "sahl-en.md", "bad-encoding.txt"] {
        std::fs::copy(fixture(f), folder.join(f)).unwrap();
    }
    std::fs::copy(fixture("market.html"), folder.join("nested/market.html")).unwrap();
    std::fs::write(folder.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let r = nb.raw(&["--format", "json", "import", "articles", folder.to_str().unwrap()], None);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let results = r.json();
    let results = results.as_array().unwrap();
    assert_eq!(results.len(), 5, "every article file is tried, the broken .pdf too");
    let failed: Vec<&serde_json::Value> = results.iter().filter(|x| x["status"] == "failed").collect();
    assert_eq!(failed.len(), 2);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("bad-encoding.txt"));
    assert!(failed[0]["error"].as_str().unwrap().contains("binary"), "{failed:?}");
    assert!(failed[1]["path"].as_str().unwrap().ends_with("notes.pdf"));
    assert!(failed[1]["error"].as_str().unwrap().contains("not a PDF crosscheck can read"), "{failed:?}");
    assert!(r.stderr.contains("bad-encoding.txt"), "{}", r.stderr);
    assert!(r.stderr.contains("imported 3, duplicates 0, failed 2"), "{}", r.stderr);
    let list = nb.ok(&["article", "list", "--format", "json"]).json();
    assert_eq!(list.as_array().unwrap().len(), 3);
}

#[test]
fn bad_input_leaves_the_notebook_as_it_was() {
    let nb = Nb::new();
    nb.import("sahl-en.md", &[]);
    let ar = fixture("sahl-ar.txt");
    let ar = ar.to_str().unwrap();
    let missing = nb.refuse(&["import", "articles", "/no/such/file.txt"], 1);
    assert!(missing.stderr.contains("no such file"), "{}", missing.stderr);
    let date = nb.refuse(&["import", "articles", ar, "--published", "2014-13-45"], 2);
    assert!(date.stderr.contains("'2014-13-45'"), "{}", date.stderr);
    let lang = nb.refuse(&["import", "articles", ar, "--lang", "arabic"], 2);
    assert!(lang.stderr.contains("'arabic'") && lang.stderr.contains("ISO 639-1"), "{}", lang.stderr);
    let empty = nb.path("empty.txt");
    std::fs::write(&empty, "  \n\n ").unwrap();
    let r = nb.refuse(&["import", "articles", empty.to_str().unwrap()], 1);
    assert!(r.stderr.contains("empty"), "{}", r.stderr);
    let binary = nb.path("image.txt");
    std::fs::write(&binary, [0x89u8, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]).unwrap();
    let r = nb.refuse(&["import", "articles", binary.to_str().unwrap()], 1);
    assert!(r.stderr.contains("looks like an image"), "{}", r.stderr);
    let zeros = nb.path("zeros.txt");
    std::fs::write(&zeros, vec![0u8; 64]).unwrap();
    let r = nb.refuse(&["import", "articles", zeros.to_str().unwrap()], 1);
    assert!(r.stderr.contains("binary"), "{}", r.stderr);
    nb.refuse(&["article", "show", "99"], 1);
    nb.refuse(&["article", "show", "abc"], 2);
    nb.refuse(&["import", "articles"], 2);
    nb.refuse(&["import", "articles", ar, "--bogus"], 2);
}

#[test]
fn stdin_metadata_and_manifest() {
    let nb = Nb::new();
    let body = std::fs::read(fixture("sahl-ar.txt")).unwrap();
    let r = nb.raw(
        &[
            "--format",
            "json",
            "import",
            "articles",
            "-",
            "--outlet",
            "صحيفة الوادي",
            "--published",
            "2014-12-05",
            "--author",
            "مراسل",
        ],
        Some(&body),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let id = r.json()[0]["id"].as_i64().unwrap();
    let a = nb.ok(&["article", "show", &id.to_string(), "--format", "json"]).json();
    assert_eq!(a["outlet"], "صحيفة الوادي");
    assert_eq!(a["published"], "2014-12-05");
    assert_eq!(a["language"], "ar");
    assert_eq!(a["title"], "موجة انشقاقات جديدة في صفوف «لواء الفجر» شرق الرقّة");
    let sources = nb.ok(&["source", "list", "--format", "json"]).json();
    assert_eq!(sources[0]["kind"], "outlet");
    assert_eq!(sources[0]["reliability"], "F");

    let folder = nb.path("batch");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::copy(fixture("sahl-en.md"), folder.join("en.md")).unwrap();
    std::fs::copy(fixture("market.html"), folder.join("market.html")).unwrap();
    std::fs::write(
        folder.join("manifest.csv"),
        "\u{feff}path,title,outlet,author,url,published,lang\r\nen.md,Herald story,Valley Herald,,https://example.org/a,2014-12-05,en\r\nmarket.html,,Northern Monitor,,,2014-12-06,\r\n",
    )
    .unwrap();
    let m = folder.join("manifest.csv");
    let r = nb.ok(&["--format", "json", "import", "articles", "--manifest", m.to_str().unwrap()]).json();
    assert_eq!(r.as_array().unwrap().len(), 2);
    let list = nb.ok(&["article", "list", "--format", "json"]).json();
    let herald =
        list.as_array().unwrap().iter().find(|a| a["title"] == "Herald story").expect("manifest title");
    assert_eq!(herald["outlet"], "Valley Herald");
    assert_eq!(herald["url"], "https://example.org/a");
    let market = list.as_array().unwrap().iter().find(|a| a["outlet"] == "Northern Monitor").unwrap();
    assert_eq!(market["published"], "2014-12-06");
    // A bad manifest date stops everything before anything is written.
    std::fs::write(folder.join("bad.csv"), "path,published\nen.md,2014-02-30\n").unwrap();
    let bad = folder.join("bad.csv");
    let r = nb.refuse(&["import", "articles", "--manifest", bad.to_str().unwrap()], 1);
    assert!(r.stderr.contains("line 2"), "{}", r.stderr);
}

#[test]
fn article_rm_refuses_while_claims_cite_it_unless_forced() {
    let nb = Nb::new();
    let id = nb.import("sahl-en.md", &[]).to_string();
    nb.ok(&["claim", "add", "--article", &id, "--quote", "45 foreign fighters"]);
    let r = nb.refuse(&["article", "rm", &id], 1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    nb.ok(&["article", "rm", &format!("#{id}"), "--force"]);
    assert_eq!(nb.ok(&["article", "list", "--format", "json"]).json().as_array().unwrap().len(), 0);
    let history = nb.ok(&["history", "articles", &id, "--format", "json"]).json();
    assert_eq!(history[0]["action"], "delete");
    // The search index forgot it too.
    assert_eq!(nb.ok(&["search", "Brigade", "--format", "json"]).json().as_array().unwrap().len(), 0);
    nb.ok(&["check"]);
}
