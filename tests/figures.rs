//! Figures and reconciliation through the real binary: six reports of one attack, worked by hand.

mod common;
use common::Nb;
use serde_json::Value;

fn add_claim(nb: &Nb, article: &str, quote: &str, source: Option<&str>, cred: &str, figure: &str) -> i64 {
    let fig = format!("deaths.bridge={figure}");
    let mut args = vec![
        "claim",
        "add",
        "--article",
        article,
        "--quote",
        quote,
        "--credibility",
        cred,
        "--figure",
        &fig,
        "--format",
        "json",
    ];
    if let Some(s) = source {
        args.extend_from_slice(&["--source", s]);
    }
    nb.ok(&args).json()["id"].as_i64().unwrap()
}

/// Figures 1-7 in this order:
/// f1 directorate (B) "32", credibility 2: weight 0.75 * 0.75 = 0.5625
/// f2 military sources (C) "about 30" (27..33), cred 3: 0.5 * 0.5 = 0.25
/// f3 Courier relaying the same military sources (C) "28", cred 3: 0.25, same voice as f2; the
///    later claim of the voice (same article date, higher claim id), so it speaks for it
/// f4 Dawn Brigade (E) "more than 200", cred 4: left out, all sources rated E
/// f5 monitor (B) "between 35 and 40" (point 38), cred 3: 0.375
/// f6 nurse (F) "dozens" (12..99, point 12), cred 4: 0.5 * 0.25 = 0.125
/// f7 directorate's earlier "25", superseded by claim 1 (updates link)
fn bridge() -> Nb {
    let nb = Nb::new();
    let a = nb.import("bridge-attack.md", &["--published", "2015-03-10"]).to_string();
    nb.ok(&[
        "measure",
        "add",
        "deaths.bridge",
        "--label",
        "people killed at the bridge checkpoint",
        "--unit",
        "people",
    ]);
    for (name, kind, grade) in [
        ("health directorate", "official", "B"),
        ("military sources", "official", "C"),
        ("Dawn Brigade", "armed-group", "E"),
        ("local monitor", "monitor", "B"),
        ("clinic nurse", "resident", "F"),
    ] {
        nb.ok(&["source", "add", name, "--kind", kind, "--reliability", grade]);
    }
    let c1 = add_claim(&nb, &a, "said 32 people were killed", Some("health directorate"), "2", "32");
    add_claim(&nb, &a, "put the toll at about 30", Some("military sources"), "3", "about 30");
    add_claim(&nb, &a, "the Evening Courier reported 28 dead", Some("military sources"), "3", "28");
    add_claim(&nb, &a, "more than 200 soldiers were killed", Some("Dawn Brigade"), "4", "more than 200");
    add_claim(&nb, &a, "counted between 35 and 40 dead", Some("local monitor"), "3", "between 35 and 40");
    add_claim(&nb, &a, "said dozens were killed", Some("clinic nurse"), "4", "dozens");
    let c7 = add_claim(&nb, &a, "put the toll at 25", Some("health directorate"), "2", "25");
    nb.ok(&["claim", "link", &c1.to_string(), &c7.to_string(), "--as", "updates"]);
    nb
}

fn reconcile(nb: &Nb, extra: &[&str]) -> Value {
    let mut args = vec!["reconcile", "deaths.bridge", "--format", "json"];
    args.extend_from_slice(extra);
    nb.ok(&args).json()[0].clone()
}

#[test]
fn six_reports_reconcile_as_worked_by_hand() {
    let nb = bridge();
    let r = reconcile(&nb, &[]);
    // Eligible: f1 f2 f3 f5 f6 (f4 all-E, f7 superseded); voices: {f1} {f2,f3} {f5} {f6}, the
    // second spoken for by its latest word, f3 (28).
    assert_eq!(r["figures"], 5);
    assert_eq!(r["voices"], 4);
    // low = min(32, 28, 35, 12); high = max(32, 28, 40, 99).
    assert_eq!(
        (r["low"].as_i64(), r["high"].as_i64(), r["open_high"].as_bool()),
        (Some(12), Some(99), Some(false))
    );
    // 28 and 32 and 35..40 cannot be true two by two; dozens (12..99) fits them all. The widest
    // gaps first: 28 to 35 (7), 28 to 32 (4), 32 to 35 (3).
    assert_eq!(r["conflicts"], serde_json::json!([[3, 5], [1, 3], [1, 5]]));
    assert_eq!(r["conflict_gaps"], serde_json::json!([7, 4, 3]));
    assert_eq!(r["conflicting_pairs"], 3);
    assert_eq!((r["conflict"].as_bool(), r["support"].as_str()), (Some(true), Some("contested")));
    // Weighted: points 12 (0.125), 28 (0.25), 32 (0.5625), 38 (0.375); total 1.3125, half 0.65625,
    // running 0.125, 0.375, 0.9375: best 32.
    assert_eq!(r["best"], 32);
    let items = r["items"].as_array().unwrap();
    let item = |id: i64| items.iter().find(|i| i["figure_id"] == id).unwrap();
    assert_eq!(item(4)["included"], false);
    assert!(item(4)["reason"].as_str().unwrap().contains("rated E"));
    assert!(item(7)["reason"].as_str().unwrap().contains("superseded"));
    assert_eq!(item(2)["reason"], "same voice as #3, which is a later claim");
    assert_eq!(item(2)["voice_of"], 3);
    assert_eq!(item(7)["superseded_by"], 1);
    assert_eq!(item(2)["voice"], item(3)["voice"]);
    assert_eq!(item(1)["weight"], 0.5625);

    assert_eq!(reconcile(&nb, &["--method", "conservative"])["best"], 12);
    let with_figures = nb.ok(&["claim", "list", "--measure", "deaths.bridge", "--format", "json"]).json();
    assert_eq!(with_figures.as_array().unwrap().len(), 7);
    let exported = nb.ok(&["export", "figures", "--measure", "deaths.bridge", "--format", "json"]).json();
    assert_eq!(exported.as_array().unwrap().len(), 7);
    // Median of 12, 28, 32, 38 (even count): the lower middle, 28.
    assert_eq!(reconcile(&nb, &["--method", "median"])["best"], 28);
    assert_eq!(reconcile(&nb, &["--method", "best-source"])["best"], 32);
    assert_eq!(reconcile(&nb, &["--method", "manual", "--value", "31", "--note", "our count"])["best"], 31);

    // --include-all takes back the E-rated and the superseded figures: 201 (open) > 99.
    let all = reconcile(&nb, &["--include-all"]);
    assert_eq!(all["figures"], 7);
    assert_eq!(all["open_high"], true);
    assert!(all["high"].is_null());
}

#[test]
fn the_table_shows_figures_side_by_side_and_one_summary_line() {
    let nb = bridge();
    let out = nb.ok(&["reconcile", "deaths.bridge"]).stdout;
    assert!(
        out.contains(
            "low 12, best 32, high 99 (weighted), support contested, eligible figures 5 of 7, voices 4"
        ),
        "{out}"
    );
    assert!(out.contains("#3 vs #5 (gap 7)"), "{out}");
    assert!(out.contains("E-rated"), "{out}");
    // The full sentence is one --wide away.
    let wide = nb.ok(&["--wide", "reconcile", "deaths.bridge"]).stdout;
    assert!(wide.contains("all sources rated E (unreliable)"), "{wide}");
}

#[test]
fn saved_reconciliations_go_stale_when_figures_change() {
    let nb = bridge();
    let saved = reconcile(&nb, &["--save", "--note", "directorate preferred"]);
    assert_eq!(saved["id"], 1);
    let shown = nb.ok(&["measure", "show", "deaths.bridge", "--format", "json"]).json();
    assert_eq!(shown["reconciliations"][0]["stale"], false);
    assert_eq!(shown["reconciliations"][0]["note"], "directorate preferred");
    assert_eq!(shown["figures_list"].as_array().unwrap().len(), 7);
    nb.ok(&["figure", "rm", "6"]);
    let shown = nb.ok(&["measure", "show", "deaths.bridge", "--format", "json"]).json();
    assert_eq!(shown["reconciliations"][0]["stale"], true);
    let list = nb.ok(&["measure", "list", "--format", "json"]).json();
    assert_eq!((list[0]["figures"].as_i64(), list[0]["voices"].as_i64()), (Some(4), Some(3)));
}

#[test]
fn an_open_figure_above_every_bound_is_contested() {
    let nb = Nb::new();
    let a = nb.import("sahl-en.md", &[]).to_string();
    nb.ok(&["source", "add", "Local activists", "--kind", "activist", "--reliability", "C"]);
    nb.ok(&["measure", "add", "defectors.foreign", "--label", "foreign fighters who defected"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &a,
        "--quote",
        "45 foreign fighters defected",
        "--figure",
        "defectors.foreign=45",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &a,
        "--quote",
        "Local activists said",
        "--source",
        "Local activists",
        "--figure",
        "defectors.foreign=more than 200",
    ]);
    let r = nb.ok(&["reconcile", "--all", "--format", "json"]).json()[0].clone();
    assert_eq!(
        (r["low"].as_i64(), r["open_high"].as_bool(), r["support"].as_str()),
        (Some(45), Some(true), Some("contested"))
    );
    assert!(r["high"].is_null());
}

#[test]
fn vague_terms_can_change_and_be_reapplied() {
    let nb = bridge();
    nb.ok(&["figure", "terms", "set", "dozens", "--low", "24", "--high", "99", "--point", "36"]);
    let terms = nb.ok(&["figure", "terms", "--format", "json"]).json();
    assert!(terms.as_array().unwrap().iter().any(|t| t["word"] == "dozens" && t["point"] == 36));
    // Existing figures keep their reading until reread.
    let before = nb.ok(&["figure", "list", "--format", "json"]).json();
    assert_eq!(before[5]["point"], 12);
    let changed = nb.ok(&["figure", "reread", "--measure", "deaths.bridge", "--format", "json"]).json();
    assert_eq!(changed.as_array().unwrap().len(), 1);
    assert_eq!(changed[0]["point"], 36);
    let h = nb.ok(&["history", "figures", "6", "--format", "json"]).json();
    assert!(h[0]["old"].as_str().unwrap().contains("\"point\":12"));
    let r =
        nb.refuse(&["figure", "terms", "set", "heaps", "--low", "50", "--high", "10", "--point", "20"], 1);
    assert!(r.stderr.contains("low <= point <= high"), "{}", r.stderr);
}

#[test]
fn figure_parse_needs_no_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(common::BIN)
        .args(["figure", "parse", "ما يزيدُ على 100", "--format", "json"])
        .env("CROSSCHECK_DB", dir.path().join("never.db"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["kind"].as_str(), v["low"].as_i64(), v["point"].as_i64()),
        (Some("more-than"), Some(101), Some(101))
    );
    assert!(v["high"].is_null());
    assert!(!dir.path().join("never.db").exists());
}

/// `figure parse` run by a newcomer: no `--db`, no `$CROSSCHECK_DB`, no notebook in the data
/// folder of an empty home.
fn parse_at_home(home: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(common::BIN)
        .args(["figure", "parse"])
        .args(args)
        .env_remove("CROSSCHECK_DB")
        .env_remove("XDG_DATA_HOME")
        .env("HOME", home)
        .current_dir(home)
        .output()
        .unwrap()
}

#[test]
fn figure_parse_reads_with_the_built_in_terms_or_the_notebooks_and_says_which() {
    let home = tempfile::tempdir().unwrap();
    let out = parse_at_home(home.path(), &["dozens", "--explain", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["low"].as_i64(), v["point"].as_i64()), (Some(12), Some(12)));
    let first = v["steps"][0].as_str().unwrap();
    assert!(first.starts_with("vague words: the built-in table"), "{first}");
    assert!(v["rule"].as_str().unwrap().contains("built-in terms"), "{v}");
    let mut files: Vec<_> = walk(home.path());
    files.sort();
    assert!(files.is_empty(), "figure parse created {files:?}");

    // The notebook in the data folder, with its own table: used, and named.
    let db = home.path().join(".local/share/crosscheck/notebook.db");
    let set = std::process::Command::new(common::BIN)
        .args(["--db", db.to_str().unwrap(), "figure", "terms", "set", "dozens"])
        .args(["--low", "24", "--high", "99", "--point", "36"])
        .output()
        .unwrap();
    assert!(set.status.success(), "{}", String::from_utf8_lossy(&set.stderr));
    let out = parse_at_home(home.path(), &["dozens", "--explain", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((v["low"].as_i64(), v["point"].as_i64()), (Some(24), Some(36)));
    let first = v["steps"][0].as_str().unwrap();
    assert!(
        first.starts_with("vague words: the notebook's table") && first.contains("notebook.db"),
        "{first}"
    );

    // A dangling joiner is refused like any other tail that cannot be read.
    for bad in ["12 apples and", "45 مقاتلا و"] {
        let out = parse_at_home(home.path(), &[bad]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{bad}: {err}");
        assert!(err.starts_with("error: ") && err.contains(bad) && err.contains("nothing after it"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn figure_refusals_write_nothing() {
    let nb = bridge();
    let r = nb.refuse(&["figure", "add", "--claim", "1", "--measure", "deaths.bridge", "lots of"], 1);
    assert!(r.stderr.contains("'lots of'"), "{}", r.stderr);
    let r = nb.refuse(&["figure", "add", "--claim", "1", "--measure", "deaths.brigde", "5"], 1);
    assert!(r.stderr.contains("deaths.bridge"), "near keys listed: {}", r.stderr);
    let r = nb.refuse(
        &["claim", "add", "--article", "1", "--quote", "put the toll at 25", "--figure", "deaths.bridg=5"],
        1,
    );
    assert!(r.stderr.contains("deaths.bridge"), "{}", r.stderr);
    // Flags that do not go together are a malformed command line.
    let r = nb.refuse(&["reconcile", "deaths.bridge", "--method", "manual", "--value", "30"], 2);
    assert!(r.stderr.contains("--note"), "{}", r.stderr);
    nb.refuse(&["reconcile", "deaths.bridge", "--method", "manual", "--note", "x"], 2);
    nb.refuse(&["measure", "add", "Deaths Bridge", "--label", "x"], 1);
    nb.refuse(&["measure", "add", "deaths.bridge", "--label", "again"], 1);
    nb.refuse(&["figure", "add", "--claim", "1", "--measure", "deaths.bridge", "99999999999999999999"], 1);
    nb.refuse(&["reconcile"], 2);
    nb.refuse(&["reconcile", "deaths.bridge", "--method", "mean"], 2);
}

/// "At most 10" (in English or Arabic) beside "20": the ceiling states no floor, so the low is
/// 20, and no method may put the best below it. A manual value outside the range is refused.
#[test]
fn a_ceiling_alone_below_a_count_keeps_every_best_inside_the_range() {
    for ceiling in ["at most 10", "لا يتجاوز 10"] {
        let nb = Nb::new();
        let a = nb.import("sahl-en.md", &[]).to_string();
        nb.ok(&["measure", "add", "killed.sahl", "--label", "people killed in the market shelling"]);
        nb.ok(&["source", "add", "the army", "--kind", "official", "--reliability", "C"]);
        nb.ok(&["source", "add", "the hospital", "--kind", "official", "--reliability", "B"]);
        let fig = format!("killed.sahl={ceiling}");
        let army = ["--source", "the army", "--figure", &fig];
        nb.ok(
            &[&["claim", "add", "--article", &a, "--quote", "11 people were killed"][..], &army[..]].concat()
        );
        let hospital = ["--source", "the hospital", "--figure", "killed.sahl=20"];
        nb.ok(&[
            &["claim", "add", "--article", &a, "--quote", "a doctor at the National Hospital"][..],
            &hospital[..],
        ]
        .concat());
        for method in ["weighted", "conservative", "median", "best-source"] {
            let r = nb.ok(&["reconcile", "killed.sahl", "--method", method, "--format", "json"]).json()[0]
                .clone();
            assert_eq!(
                (r["low"].as_i64(), r["best"].as_i64(), r["high"].as_i64()),
                (Some(20), Some(20), Some(20)),
                "{ceiling}, {method}: {r}"
            );
        }
        let explained = nb.ok(&["reconcile", "killed.sahl", "--method", "conservative", "--explain"]).stdout;
        assert!(
            explained.contains("Its point, 10, lies outside the range: it counts at the nearest end, 20."),
            "{explained}"
        );
        let refused = nb.refuse(
            &[
                "reconcile",
                "killed.sahl",
                "--method",
                "manual",
                "--value",
                "10",
                "--note",
                "the army's word",
                "--save",
            ],
            1,
        );
        assert!(
            refused.stderr.contains("--value 10 lies outside killed.sahl's range, 20..20"),
            "{}",
            refused.stderr
        );
        let manual = nb.ok(&[
            "reconcile",
            "killed.sahl",
            "--method",
            "manual",
            "--value",
            "20",
            "--note",
            "the count",
            "--format",
            "json",
        ]);
        assert_eq!(manual.json()[0]["best"], 20);
    }
}

/// `--lang ar` without `--explain`: the table's headers, the summary line, the conflicts and the
/// legend are Arabic, numbers in the notebook's digits; programs' formats keep the column names.
#[test]
fn reconcile_speaks_arabic_under_lang_ar_without_explain() {
    let nb = bridge();
    let out = nb.ok(&["--format", "table", "reconcile", "deaths.bridge", "--lang", "ar"]).stdout;
    for heading in ["رقم", "المصدر", "التقييم", "الصياغة", "الأدنى", "الأعلى", "الصوت", "المُدرج"]
    {
        assert!(out.contains(heading), "{heading}: {out}");
    }
    let header = out.lines().find(|l| l.contains("المصدر")).unwrap_or("");
    assert!(!header.contains("source") && !header.contains("included"), "{header}");
    // The text under the table wraps at the terminal's width.
    let flat = out.replace('\n', " ");
    assert!(
        flat.contains(
            "الأدنى 12، الأرجح 32، الأعلى 99 (الوسيط المرجَّح)، السند متنازع عليه، الأرقام المؤهلة 5 من 7، الأصوات 4"
        ),
        "{out}"
    );
    // The count agrees with its noun: `3 أزواج`, never `3 زوج`.
    assert!(flat.contains("3 أزواج من الأصوات لا يمكن أن يصدقا معًا؛ الأوسع: #3 مقابل #5 (الفارق 7)"), "{out}");
    assert!(out.contains("الأدنى حدده #6، الأعلى حدده #6، الأرجح #1"), "{out}");
    assert!(flat.contains("المُدرج: yes = يتكلم باسم صوته"), "{out}");
    for english in ["eligible figures", "pair(s) of voices", "low set by", "included: yes"] {
        assert!(!out.contains(english), "{english}: {out}");
    }
    // The same in English without --lang.
    let en = nb.ok(&["--format", "table", "reconcile", "deaths.bridge"]).stdout;
    assert!(en.contains("included: yes = speaks for its voice"), "{en}");
    // CSV and JSON are for programs: the column names and keys stay.
    let csv = nb.ok(&["reconcile", "deaths.bridge", "--lang", "ar", "--format", "csv"]).stdout;
    assert!(csv.starts_with("id,measure,method,low,best,high"), "{csv}");
    let json = nb.ok(&["reconcile", "deaths.bridge", "--lang", "ar", "--format", "json"]).json();
    assert_eq!(json[0]["best"], 32);
    assert!(json[0].get("explanation").is_none());
    // With --explain the sentences are Arabic too.
    let explained =
        nb.ok(&["--format", "table", "reconcile", "deaths.bridge", "--lang", "ar", "--explain"]).stdout;
    assert!(explained.contains("الأدنى 12: حدده #6"), "{explained}");
}
