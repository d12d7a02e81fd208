//! One fictional incident reported nine times over three days, in Arabic and English: two
//! monitors raising their tolls, outlets relaying them (one relaying an old count after it was
//! raised), one monitor named in Arabic in some reports and in English in others. Every number
//! below is worked by hand in docs/reconciliation.md ("A worked example").

mod common;
use common::{fixture, Nb};
use serde_json::Value;

const OBSERVATORY: &str = "Valley Observatory for Human Rights";
const OBSERVATORY_AR: &str = "مرصد الوادي لحقوق الإنسان";
const DEFENCE: &str = "Civil Defence in Tala";
const DEFENCE_AR: &str = "الدفاع المدني في تالا";

/// (file, outlet, published, language)
const REPORTS: &[(&str, &str, &str, &str)] = &[
    ("01-wadi-ar.txt", "صحيفة الوادي", "2017-03-14", "ar"),
    ("02-gulfwire-en.txt", "Gulf Wire", "2017-03-14", "en"),
    ("03-courier-en.md", "Northern Courier", "2017-03-14", "en"),
    ("04-sharq-ar.txt", "قناة الشرق", "2017-03-15", "ar"),
    ("05-levant-en.txt", "Levant Times", "2017-03-15", "en"),
    ("06-wadi-ar.txt", "صحيفة الوادي", "2017-03-15", "ar"),
    ("07-gulfwire-en.txt", "Gulf Wire", "2017-03-16", "en"),
    ("08-sharq-ar.txt", "قناة الشرق", "2017-03-16", "ar"),
    ("09-courier-en.md", "Northern Courier", "2017-03-16", "en"),
];

/// (article, quote, source as the report names it, figure)
const CLAIMS: &[(&str, &str, &str, &str)] = &[
    ("1", "18 مدنياً قتلوا", OBSERVATORY_AR, "18"),
    ("2", "At least 12 people were killed", DEFENCE, "at least 12"),
    ("3", "said 18 civilians were killed", OBSERVATORY, "18"),
    ("4", "إلى 26 قتيلاً", OBSERVATORY_AR, "26 قتيلاً"),
    ("5", "in which 18 people died, according to the Valley Observatory", OBSERVATORY, "18"),
    ("6", "ارتفع إلى 22 قتيلاً", DEFENCE_AR, "22"),
    ("7", "at 31 and rising", OBSERVATORY, "31 and rising"),
    ("8", "ما بين 25 و30 شخصاً قُتلوا", DEFENCE_AR, "ما بين 25 و30"),
    ("9", "Thirty-one people were killed", OBSERVATORY, "thirty-one"),
];

/// The notebook as a researcher builds it, with the Arabic name of the observatory first
/// recorded as a source of its own (as happens before anyone notices).
fn incident() -> Nb {
    let nb = Nb::new();
    for (file, outlet, date, lang) in REPORTS {
        let path = fixture(&format!("tala/{file}"));
        nb.ok(&[
            "import",
            "articles",
            path.to_str().unwrap(),
            "--outlet",
            outlet,
            "--published",
            date,
            "--lang",
            lang,
        ]);
    }
    nb.ok(&["source", "add", OBSERVATORY, "--kind", "monitor", "--reliability", "B"]);
    nb.ok(&["source", "add", OBSERVATORY_AR, "--kind", "monitor", "--reliability", "B"]);
    nb.ok(&["source", "add", DEFENCE, "--kind", "official", "--reliability", "C"]);
    nb.ok(&["source", "alias", "add", DEFENCE, DEFENCE_AR]);
    nb.ok(&[
        "measure",
        "add",
        "deaths.kafrtala",
        "--label",
        "people killed in the Kafr Tala market shelling",
    ]);
    for (article, quote, source, figure) in CLAIMS {
        let fig = format!("deaths.kafrtala={figure}");
        nb.ok(&[
            "claim",
            "add",
            "--article",
            article,
            "--quote",
            quote,
            "--source",
            source,
            "--credibility",
            "3",
            "--figure",
            &fig,
        ]);
    }
    for (a, b, rel) in [
        ("4", "1", "updates"),
        ("5", "1", "repeats"),
        ("6", "2", "updates"),
        ("7", "4", "updates"),
        ("8", "6", "updates"),
        ("9", "7", "repeats"),
    ] {
        nb.ok(&["claim", "link", a, b, "--as", rel]);
    }
    nb
}

fn reconcile(nb: &Nb, extra: &[&str]) -> Value {
    let mut args = vec!["reconcile", "deaths.kafrtala", "--format", "json"];
    args.extend_from_slice(extra);
    nb.ok(&args).json()[0].clone()
}

fn summary(r: &Value) -> (Option<i64>, Option<i64>, Option<i64>, bool, String, i64, i64) {
    (
        r["low"].as_i64(),
        r["best"].as_i64(),
        r["high"].as_i64(),
        r["open_high"].as_bool().unwrap(),
        r["support"].as_str().unwrap().to_string(),
        r["figures"].as_i64().unwrap(),
        r["voices"].as_i64().unwrap(),
    )
}

fn item(r: &Value, figure: i64) -> Value {
    r["items"].as_array().unwrap().iter().find(|i| i["figure_id"] == figure).unwrap().clone()
}

#[test]
fn one_monitor_under_two_names_is_two_voices_until_they_are_one_source() {
    let nb = incident();
    // As of the first day, the observatory's Arabic and English names are two sources: three
    // voices where there are two.
    let first = reconcile(&nb, &["--as-of", "2017-03-14"]);
    assert_eq!(first["voices"], 3);
    nb.ok(&["source", "merge", OBSERVATORY_AR, OBSERVATORY]);
    let first = reconcile(&nb, &["--as-of", "2017-03-14"]);
    assert_eq!(summary(&first), (Some(12), Some(18), Some(18), false, "corroborated".into(), 3, 2));
    // The Arabic name still finds the observatory.
    let shown = nb.ok(&["source", "show", OBSERVATORY_AR, "--format", "json"]).json();
    assert_eq!(shown["name"], OBSERVATORY);
}

#[test]
fn the_incident_reconciles_as_worked_by_hand() {
    let nb = incident();
    nb.ok(&["source", "merge", OBSERVATORY_AR, OBSERVATORY]);
    // Day 2: both updates are known; every relay of the old counts is set aside.
    let second = reconcile(&nb, &["--as-of", "2017-03-15"]);
    assert_eq!(summary(&second), (Some(22), Some(26), Some(26), false, "contested".into(), 2, 2));
    assert_eq!(item(&second, 3)["reason"], "superseded by #4 via the update of #1");
    assert_eq!(
        item(&second, 5)["code"],
        "superseded",
        "a relay of the old count, repeating it after the update"
    );
    assert_eq!(item(&second, 7)["code"], "not yet");
    // Day 3, and the whole incident: the observatory's 31 is provisional (its high is open), the
    // civil defence says 25 to 30.
    let r = reconcile(&nb, &[]);
    assert_eq!(r["as_of"], Value::Null);
    assert_eq!(summary(&r), (Some(25), Some(31), None, true, "contested".into(), 3, 2));
    assert_eq!(r["conflicts"], serde_json::json!([[7, 8]]));
    assert_eq!(r["conflict_gaps"], serde_json::json!([1]));
    assert_eq!(item(&r, 1)["reason"], "superseded by #4, which updates it");
    // #5 relays #1: it speaks at #1's date, so the update that reaches it is the one of #1.
    assert_eq!(item(&r, 5)["reason"], "superseded by #4 via the update of #1");
    assert_eq!(item(&r, 9)["reason"], "same voice as #7, which it repeats");
    assert_eq!((item(&r, 9)["voice_of"].as_i64(), item(&r, 4)["superseded_by"].as_i64()), (Some(7), Some(7)));
    let used: Vec<i64> = r["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["included"] == true)
        .map(|i| i["figure_id"].as_i64().unwrap())
        .collect();
    assert_eq!(used, [7, 8]);
}

#[test]
fn the_timeline_shows_the_count_as_it_evolved() {
    let nb = incident();
    nb.ok(&["source", "merge", OBSERVATORY_AR, OBSERVATORY]);
    let rows = nb.ok(&["reconcile", "deaths.kafrtala", "--timeline", "--format", "json"]).json();
    type Day = (String, Option<i64>, Option<i64>, Option<i64>, String, i64);
    let got: Vec<Day> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["date"].as_str().unwrap().to_string(),
                r["low"].as_i64(),
                r["best"].as_i64(),
                r["high"].as_i64(),
                r["support"].as_str().unwrap().to_string(),
                r["voices"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("2017-03-14".into(), Some(12), Some(18), Some(18), "corroborated".into(), 2),
            ("2017-03-15".into(), Some(22), Some(26), Some(26), "contested".into(), 2),
            ("2017-03-16".into(), Some(25), Some(31), None, "contested".into(), 2),
        ]
    );
    let csv = nb.ok(&["reconcile", "deaths.kafrtala", "--timeline", "--format", "csv"]).stdout;
    assert!(csv.starts_with("measure,date,low,best,high,open_high,support,figures,voices\n"), "{csv}");
    assert_eq!(csv.lines().count(), 4);
}

#[test]
fn filters_leave_figures_out_with_the_filter_as_the_reason() {
    let nb = incident();
    nb.ok(&["source", "merge", OBSERVATORY_AR, OBSERVATORY]);
    let r = reconcile(&nb, &["--min-reliability", "B"]);
    assert_eq!(summary(&r), (Some(31), Some(31), None, true, "single-source".into(), 2, 1));
    assert_eq!(item(&r, 8)["code"], "filtered");
    assert_eq!(item(&r, 8)["reason"], "left out by --min-reliability B");
    assert_eq!(r["filters"], serde_json::json!({"min_reliability": "B"}));
    let by_source = reconcile(&nb, &["--source", DEFENCE_AR]);
    assert_eq!(by_source["voices"], 1);
    assert_eq!(item(&by_source, 7)["reason"], format!("left out by --source {DEFENCE_AR}"));
    // A range, as monitors publish it: low and high, no best.
    let range = reconcile(&nb, &["--method", "range"]);
    assert_eq!(
        (range["low"].as_i64(), range["best"].as_i64(), range["open_high"].as_bool()),
        (Some(25), None, Some(true))
    );
    // Saved with its filters, shown in the saved list.
    nb.ok(&[
        "reconcile",
        "deaths.kafrtala",
        "--min-reliability",
        "B",
        "--save",
        "--note",
        "monitors rated B only",
    ]);
    let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
    assert_eq!(saved[0]["filters"], "{\"min_reliability\":\"B\"}");
}

#[test]
fn a_saved_result_goes_stale_when_what_it_rested_on_changes() {
    let nb = incident();
    nb.ok(&["source", "merge", OBSERVATORY_AR, OBSERVATORY]);
    let stale = |nb: &Nb| -> bool {
        let saved = nb.ok(&["export", "reconciliations", "--format", "json"]).json();
        saved.as_array().unwrap().last().unwrap()["stale"].as_bool().unwrap()
    };
    let save = |nb: &Nb| {
        nb.ok(&["reconcile", "deaths.kafrtala", "--save", "--note", "checkpoint"]);
    };
    save(&nb);
    assert!(!stale(&nb));
    nb.ok(&["source", "rate", DEFENCE, "B", "--why", "names published"]);
    assert!(stale(&nb), "a source's rating");
    save(&nb);
    nb.ok(&["claim", "edit", "8", "--credibility", "2"]);
    assert!(stale(&nb), "a claim's credibility");
    save(&nb);
    nb.ok(&["claim", "link", "3", "2", "--as", "contradicts"]);
    assert!(stale(&nb), "a link");
    save(&nb);
    nb.ok(&["claim", "edit", "2", "--source", OBSERVATORY]);
    assert!(stale(&nb), "a claim's sources");
    save(&nb);
    nb.ok(&["figure", "rm", "9"]);
    assert!(stale(&nb), "a figure");
}
