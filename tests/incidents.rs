//! Two fictional incidents, reported in Arabic and English, exported as UCDP GED, ACLED and
//! Airwars rows; every cell below is worked by hand (docs/formats.md, "Event datasets", gives
//! the rules). Then the articles as CSL-JSON (validated against the CSL-JSON schema) and BibTeX
//! (read back by a BibTeX parser).
//!
//! Tokhar market (2017-03-14, one day, place known exactly):
//!   killed: Valley Observatory (B) "نحو 12", credibility 2: 10..14, point 12, weight 0.5625;
//!           Tala Civil Defence (C) "at least 14", credibility 1: 14..open, point 14, weight 0.5.
//!           They overlap at 14: corroborated, 2 voices, low 10, high 14 (the open figure starts
//!           at the bounded high, so the range closes there). Weighted median: 12 (0.5625 of
//!           1.0625 reaches half first). Conservative: 12.
//!   injured: Valley Observatory "نحو 30" (27..33) and Tala Civil Defence "25", credibility 3:
//!           25 lies outside 27..33, contested; low 25, high 33.
//!   missing: the outlet's own "2".
//! Kafr Sama (2017-03-10 to 2017-03-12, three days, district known):
//!   killed: a derived measure, kafrsama.killed.raid + kafrsama.killed.orchards, role killed
//!           (each part counts the killed, so the sum is the killed count; its parts are not
//!           counted again):
//!     raid: residents (D) "5", credibility 3, and local sources (D) "5 ... على الأقل",
//!           credibility 3: 5..5 and 5..open overlap, corroborated, 2 voices, low = best =
//!           high = 5. Conservative: 5.
//!     orchards: Valley Observatory (B) "اثنين", credibility 2: 2..2, a single voice. Conservative 2.
//!     sum: low 5 + 2 = 7, best 7, high 7 (no part's high is open), single-source (a part rests
//!           on one voice), voices 2 + 1 = 3, ratings D3, D3, B2. Conservative 5 + 2 = 7.
//!           Airwars grades a sum by its weakest part: the raid is weak (two voices agree,
//!           neither rated A-C), the orchards weak (one voice): weak, naming the first, the raid.
//!   injured: residents "9"; displaced: residents "Some 40" (36..44).
//!   articles by date: صحيفة الوادي 2017-03-12, Northern Courier 2017-03-13, قناة الشرق
//!           2017-03-14; originators in claim order: residents, local sources, Valley Observatory.
//! Tokhar's toll, tokhar.killed + tokhar.missing, is a derived measure of role other: the killed
//! plus the missing is not the killed, so it feeds no profile (a role killed is refused), and
//! UCDP's best stays the killed count's 12.

mod common;
use common::{fixture, Nb};
use serde_json::Value;

const OBSERVATORY: &str = "Valley Observatory";
const DEFENCE: &str = "Tala Civil Defence";
const RESIDENTS: &str = "Kafr Sama residents";
const LOCAL: &str = "مصادر محلية";

/// (article, quote, sources, credibility, figures)
type Claim<'a> = (&'a str, &'a str, &'a [&'a str], &'a str, &'a [&'a str]);

fn build() -> Nb {
    let nb = Nb::new();
    for (name, kind, grade) in [
        (OBSERVATORY, "monitor", "B"),
        (DEFENCE, "official", "C"),
        (RESIDENTS, "resident", "D"),
        (LOCAL, "anonymous", "D"),
    ] {
        nb.ok(&["source", "add", name, "--kind", kind, "--reliability", grade]);
    }
    let a1 = nb.import(
        "incidents/01-wadi-ar.txt",
        &[
            "--outlet",
            "صحيفة الوادي",
            "--published",
            "2017-03-14",
            "--lang",
            "ar",
            "--author",
            "سامي حداد",
            "--url",
            "https://wadi.example/2017/03/14/tokhar",
        ],
    );
    let a2 = nb.import(
        "incidents/02-gulfwire-en.txt",
        &[
            "--outlet",
            "Gulf Wire",
            "--published",
            "2017-03-15",
            "--lang",
            "en",
            "--url",
            "https://gulfwire.example/tokhar?id=7&s=1",
        ],
    );
    let a3 = nb.import(
        "incidents/03-courier-en.md",
        &[
            "--outlet",
            "Northern Courier",
            "--published",
            "2017-03-13",
            "--lang",
            "en",
            "--author",
            "Dana Whitlock",
        ],
    );
    let a4 = nb.import(
        "incidents/04-sharq-ar.txt",
        &["--outlet", "قناة الشرق", "--published", "2017-03-14", "--lang", "ar"],
    );
    let a5 = nb.import(
        "incidents/05-wadi-ar-kafrsama.txt",
        &["--outlet", "صحيفة الوادي", "--published", "2017-03-12", "--lang", "ar"],
    );
    let (a1, a2, a3, a4, a5) =
        (a1.to_string(), a2.to_string(), a3.to_string(), a4.to_string(), a5.to_string());

    nb.ok(&[
        "incident",
        "add",
        "tokhar.2017-03-14",
        "--label",
        "shelling of Tokhar market",
        "--from",
        "2017-03-14",
        "--place",
        "طخار / Tokhar",
        "--lat",
        "36.5140",
        "--lon",
        "37.9120",
        "--where-precision",
        "1",
        "--note",
        "market day; the toll rose over two days",
    ]);
    nb.ok(&[
        "incident",
        "add",
        "kafrsama.2017-03",
        "--label",
        "raid on Kafr Sama",
        "--from",
        "2017-03-10",
        "--to",
        "2017-03-12",
        "--place",
        "كفر سما",
        "--where-precision",
        "3",
    ]);
    for (key, label, incident, role) in [
        ("tokhar.killed", "people killed in the Tokhar shelling", "tokhar.2017-03-14", "killed"),
        ("tokhar.injured", "people wounded in the Tokhar shelling", "tokhar.2017-03-14", "injured"),
        ("tokhar.missing", "people missing after the Tokhar shelling", "tokhar.2017-03-14", "missing"),
        ("kafrsama.killed.raid", "people killed in the Kafr Sama raid", "kafrsama.2017-03", "killed"),
        (
            "kafrsama.killed.orchards",
            "people killed by shelling of the orchards",
            "kafrsama.2017-03",
            "killed",
        ),
        ("kafrsama.injured", "people wounded in the Kafr Sama raid", "kafrsama.2017-03", "injured"),
        ("kafrsama.displaced", "families who fled Kafr Sama", "kafrsama.2017-03", "displaced"),
    ] {
        nb.ok(&["measure", "add", key, "--label", label, "--incident", incident, "--role", role]);
    }
    // Two derived measures. Kafr Sama's killed are the raid's and the orchards' added up: a sum
    // of two killed counts is the killed count. Tokhar's toll adds the missing to the killed, so
    // it is not a killed count: it takes the role other and feeds no profile.
    nb.ok(&[
        "measure",
        "add",
        "kafrsama.killed",
        "--label",
        "people killed in Kafr Sama",
        "--sum",
        "kafrsama.killed.raid,kafrsama.killed.orchards",
        "--incident",
        "kafrsama.2017-03",
        "--role",
        "killed",
    ]);
    nb.ok(&[
        "measure",
        "add",
        "tokhar.toll",
        "--label",
        "killed or missing in Tokhar",
        "--sum",
        "tokhar.killed,tokhar.missing",
        "--incident",
        "tokhar.2017-03-14",
        "--role",
        "other",
    ]);
    let claims: &[Claim<'_>] = &[
        (&a1, "نحو 12 مدنياً قتلوا", &[OBSERVATORY], "2", &["tokhar.killed=نحو 12"]),
        (&a1, "وأصيب نحو 30 آخرين", &[OBSERVATORY], "2", &["tokhar.injured=نحو 30"]),
        (&a2, "at least 14 people were killed", &[DEFENCE], "1", &["tokhar.killed=at least 14"]),
        (&a2, "25 wounded", &[DEFENCE], "3", &["tokhar.injured=25"]),
        (&a2, "2 people were still missing", &[], "6", &["tokhar.missing=2"]),
        (
            &a3,
            "5 men were killed during the three-day raid and 9 were wounded",
            &[RESIDENTS],
            "3",
            &["kafrsama.killed.raid=5", "kafrsama.injured=9"],
        ),
        (&a3, "Some 40 families fled", &[RESIDENTS], "3", &["kafrsama.displaced=Some 40"]),
        (&a4, "مقتل 5 أشخاص على الأقل", &[LOCAL], "3", &["kafrsama.killed.raid=5 على الأقل"]),
        (&a5, "ما أدى إلى مقتل مزارعين اثنين", &[OBSERVATORY], "2", &["kafrsama.killed.orchards=اثنين"]),
    ];
    for (article, quote, sources, credibility, figures) in claims {
        let mut args =
            vec!["claim", "add", "--article", article, "--quote", quote, "--credibility", credibility];
        for s in *sources {
            args.extend(["--source", s]);
        }
        for f in *figures {
            args.extend(["--figure", f]);
        }
        nb.ok(&args);
    }
    // A claim about the incident without a figure.
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &a1,
        "--quote",
        "وقع القصف صباح يوم السوق الأسبوعي",
        "--incident",
        "tokhar.2017-03-14",
    ]);
    nb
}

fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    rdr.records()
        .map(|r| headers.iter().zip(r.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect())
        .collect()
}

/// Checks one exported row, CSV cell by cell and JSON value by value.
fn check(csv: &std::collections::HashMap<String, String>, json: &Value, expected: &[(&str, Value)]) {
    for (col, want) in expected {
        let cell = match want {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Array(items) => {
                items.iter().map(|i| i.as_str().unwrap().to_string()).collect::<Vec<_>>().join("; ")
            }
            other => other.to_string(),
        };
        assert_eq!(csv.get(*col), Some(&cell), "CSV column {col} in {csv:?}");
        assert_eq!(&json[*col], want, "JSON column {col} in {json}");
    }
}

fn both(nb: &Nb, profile: &str) -> (Vec<std::collections::HashMap<String, String>>, Vec<Value>) {
    let csv = nb.ok(&["export", "events", "--profile", profile]).stdout;
    let json = nb.ok(&["export", "events", "--profile", profile, "--format", "json"]).json();
    (csv_rows(&csv), json.as_array().unwrap().clone())
}

#[test]
fn every_profile_gives_the_columns_worked_by_hand() {
    use serde_json::json;
    let nb = build();

    let (csv, json) = both(&nb, "ucdp");
    assert_eq!(csv.len(), 2);
    // Earliest first: Kafr Sama, then Tokhar.
    check(
        &csv[0],
        &json[0],
        &[
            ("relid", json!("kafrsama.2017-03")),
            ("year", json!(2017)),
            ("date_start", json!("2017-03-10")),
            ("date_end", json!("2017-03-12")),
            ("date_prec", json!(2)),
            ("where_description", json!("كفر سما")),
            ("latitude", Value::Null),
            ("longitude", Value::Null),
            ("where_prec", json!(3)),
            // The derived killed count: the raid's 5 and the orchards' 2.
            ("best", json!(7)),
            ("low", json!(7)),
            ("high", json!(7)),
            ("number_of_sources", json!(3)),
            ("source_office", json!(["صحيفة الوادي", "Northern Courier", "قناة الشرق"])),
            ("source_date", json!(["2017-03-12", "2017-03-13", "2017-03-14"])),
            (
                "source_headline",
                json!([
                    "قصف مدفعي على أطراف كفر سما",
                    "Three days of raids leave Kafr Sama shaken",
                    "مداهمة كفر سما"
                ]),
            ),
            (
                "source_article",
                json!([
                    "صحيفة الوادي, 2017-03-12, قصف مدفعي على أطراف كفر سما",
                    "Northern Courier, 2017-03-13, Three days of raids leave Kafr Sama shaken",
                    "قناة الشرق, 2017-03-14, مداهمة كفر سما"
                ]),
            ),
            ("source_original", json!([RESIDENTS, LOCAL, OBSERVATORY])),
        ],
    );
    check(
        &csv[1],
        &json[1],
        &[
            ("relid", json!("tokhar.2017-03-14")),
            ("date_start", json!("2017-03-14")),
            ("date_end", json!("2017-03-14")),
            ("date_prec", json!(1)),
            ("where_description", json!("طخار / Tokhar")),
            ("latitude", json!("36.5140")),
            ("longitude", json!("37.9120")),
            ("where_prec", json!(1)),
            ("best", json!(12)),
            ("low", json!(10)),
            ("high", json!(14)),
            ("number_of_sources", json!(2)),
            ("source_office", json!(["صحيفة الوادي", "Gulf Wire"])),
            ("source_date", json!(["2017-03-14", "2017-03-15"])),
            ("source_original", json!([OBSERVATORY, DEFENCE])),
        ],
    );

    let (csv, json) = both(&nb, "acled");
    check(
        &csv[0],
        &json[0],
        &[
            ("event_id_cnty", json!("kafrsama.2017-03")),
            ("event_date", json!("2017-03-11")),
            ("year", json!(2017)),
            ("time_precision", json!(2)),
            ("location", json!("كفر سما")),
            ("latitude", Value::Null),
            ("geo_precision", json!(2)),
            ("source", json!(["صحيفة الوادي", "Northern Courier", "قناة الشرق"])),
            ("notes", json!("raid on Kafr Sama")),
            // Each part's smallest voice, added up: 5 + 2.
            ("fatalities", json!(7)),
        ],
    );
    check(
        &csv[1],
        &json[1],
        &[
            ("event_id_cnty", json!("tokhar.2017-03-14")),
            ("event_date", json!("2017-03-14")),
            ("time_precision", json!(1)),
            ("latitude", json!("36.5140")),
            ("longitude", json!("37.9120")),
            ("geo_precision", json!(1)),
            ("notes", json!("shelling of Tokhar market. market day; the toll rose over two days")),
            // The conservative rule: the smallest of the voices' points.
            ("fatalities", json!(12)),
        ],
    );

    let (csv, json) = both(&nb, "airwars");
    check(
        &csv[0],
        &json[0],
        &[
            ("code", json!("kafrsama.2017-03")),
            ("date", json!("2017-03-10")),
            ("date_end", json!("2017-03-12")),
            ("killed_min", json!(7)),
            ("killed_max", json!(7)),
            ("injured_min", json!(9)),
            ("injured_max", json!(9)),
            // The weakest part: two voices agree, neither rated A-C (the orchards' one voice is
            // as weak; the raid comes first).
            ("grade", json!("weak")),
            (
                "grade_reason",
                json!("the weakest of its parts, kafrsama.killed.raid: 2 voices agree, but 0 of them rated A-C (fewer than two)"),
            ),
            ("ratings", json!(["D3", "D3", "B2"])),
            ("sources", json!(["صحيفة الوادي", "Northern Courier", "قناة الشرق"])),
        ],
    );
    check(
        &csv[1],
        &json[1],
        &[
            ("code", json!("tokhar.2017-03-14")),
            ("date", json!("2017-03-14")),
            ("date_end", Value::Null),
            ("killed_min", json!(10)),
            ("killed_max", json!(14)),
            ("injured_min", json!(25)),
            ("injured_max", json!(33)),
            // Two voices agree, both rated A-C, one confirmed by other sources (credibility 1).
            ("grade", json!("confirmed")),
            ("ratings", json!(["B2", "C1"])),
            ("sources", json!(["صحيفة الوادي", "Gulf Wire"])),
        ],
    );

    // The killed plus the missing is not the killed: a role killed for the toll is refused,
    // whether given with the sum or later, and so is a part leaving the role of its sum.
    let r = nb.refuse(&["measure", "edit", "tokhar.toll", "--role", "killed"], 1);
    assert!(
        r.stderr.contains("tokhar.missing counts missing")
            && r.stderr.contains("crosscheck measure edit tokhar.toll --role other")
            && r.stderr.lines().count() == 1,
        "{}",
        r.stderr
    );
    let r = nb.refuse(
        &[
            "measure",
            "add",
            "tokhar.toll2",
            "--label",
            "x",
            "--sum",
            "tokhar.killed,tokhar.missing",
            "--incident",
            "tokhar.2017-03-14",
            "--role",
            "killed",
        ],
        1,
    );
    assert!(r.stderr.contains("a sum counts the killed only when each of its parts does"), "{}", r.stderr);
    let r = nb.refuse(&["measure", "edit", "kafrsama.killed.orchards", "--role", "injured"], 1);
    assert!(r.stderr.contains("kafrsama.killed counts the killed"), "{}", r.stderr);
    let measures = nb.ok(&["measure", "list", "--format", "json"]).json();
    let role =
        |key: &str| measures.as_array().unwrap().iter().find(|m| m["key"] == key).map(|m| m["role"].clone());
    assert_eq!(role("tokhar.toll"), Some(json!("other")));
    assert_eq!(role("kafrsama.killed.orchards"), Some(json!("killed")));
    assert_eq!(role("tokhar.toll2"), None, "a refused measure add leaves nothing behind");
    // Shown with the incident's measures, the toll is the killed and the missing added up.
    let shown = nb.ok(&["incident", "show", "tokhar.2017-03-14", "--format", "json"]).json();
    let m = |key: &str| {
        shown["measures_list"].as_array().unwrap().iter().find(|m| m["measure"] == key).unwrap().clone()
    };
    let (killed, missing, toll) = (m("tokhar.killed"), m("tokhar.missing"), m("tokhar.toll"));
    assert_eq!(toll["role"], "other");
    for end in ["low", "best", "high"] {
        assert_eq!(
            toll[end].as_i64().unwrap(),
            killed[end].as_i64().unwrap() + missing[end].as_i64().unwrap(),
            "{end}: {toll}"
        );
    }
}

#[test]
fn the_ucdp_export_reads_back_as_a_consistent_table() {
    let nb = build();
    let out = nb.path("ged.csv");
    nb.ok(&["export", "events", "--profile", "ucdp", "--out", out.to_str().unwrap()]);
    let rows = csv_rows(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(rows.len(), 2);
    for row in rows {
        let n = |c: &str| row[c].parse::<i64>().unwrap_or_else(|_| panic!("{c} in {row:?}"));
        assert!(n("low") <= n("best") && n("best") <= n("high"), "{row:?}");
        let killed = format!("{}.killed", row["relid"].split('.').next().unwrap());
        let r = nb.ok(&["reconcile", &killed, "--format", "json"]).json();
        assert_eq!(n("number_of_sources"), r[0]["voices"].as_i64().unwrap(), "{row:?}");
    }
}

#[test]
fn incident_show_lists_reconciliations_voices_and_claims() {
    let nb = build();
    // A saved manual result is shown with its method and id.
    nb.ok(&[
        "reconcile",
        "tokhar.killed",
        "--method",
        "manual",
        "--value",
        "13",
        "--save",
        "--note",
        "hospital list",
    ]);
    let shown = nb.ok(&["incident", "show", "tokhar.2017-03-14", "--format", "json"]).json();
    assert_eq!(shown["place"], "طخار / Tokhar");
    assert_eq!(shown["claims"], 6);
    let measures = shown["measures_list"].as_array().unwrap();
    let killed = measures.iter().find(|m| m["measure"] == "tokhar.killed").unwrap();
    assert_eq!((killed["method"].as_str(), killed["best"].as_i64()), (Some("manual"), Some(13)));
    assert_eq!((killed["voices"].as_i64(), killed["support"].as_str()), (Some(2), Some("corroborated")));
    assert!(killed["saved"].as_i64().is_some() && killed["stale"] == false, "{killed}");
    let injured = measures.iter().find(|m| m["measure"] == "tokhar.injured").unwrap();
    assert_eq!(
        (injured["method"].as_str(), injured["support"].as_str()),
        (Some("weighted"), Some("contested"))
    );
    assert!(injured["saved"].is_null());
    assert_eq!(shown["claims_list"].as_array().unwrap().len(), 6);
    assert!(shown["claims_list"].as_array().unwrap().iter().any(|c| c["incident"] == "tokhar.2017-03-14"));
    // The UCDP best follows the saved method.
    let ged = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    assert_eq!(ged[1]["best"], 13);
    // ACLED keeps its own rule whatever was saved.
    let acled = nb.ok(&["export", "events", "--profile", "acled", "--format", "json"]).json();
    assert_eq!(acled[1]["fatalities"], 12);
}

#[test]
fn coordinates_and_precisions_are_checked_and_kept_as_typed() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    for bad in [
        vec!["incident", "add", "x", "--label", "y", "--lat", "91", "--lon", "1"],
        vec!["incident", "add", "x", "--label", "y", "--lat", "36,5", "--lon", "1"],
        vec!["incident", "add", "x", "--label", "y", "--lat", "36.5"],
        vec!["incident", "add", "x", "--label", "y", "--lat", "1", "--lon", "-180.5"],
        vec!["incident", "add", "x", "--label", "y", "--where-precision", "8"],
        vec!["incident", "add", "x", "--label", "y", "--to", "2017-03-01"],
        vec!["incident", "add", "x", "--label", "y", "--date-precision", "fortnight", "--from", "2017"],
    ] {
        nb.refuse(&bad, 2);
    }
    nb.refuse(&["incident", "add", "Bad Key", "--label", "y"], 1);
    nb.refuse(&["incident", "add", "x", "--label", "y", "--from", "2017-03-05", "--to", "2017-03-01"], 1);
    let row = nb
        .ok(&[
            "--format",
            "json",
            "incident",
            "add",
            "south.west",
            "--label",
            "y",
            "--lat",
            "-33.4500",
            "--lon",
            "-70.66",
            "--from",
            "2017-03",
        ])
        .json();
    assert_eq!((row["latitude"].as_str(), row["longitude"].as_str()), (Some("-33.4500"), Some("-70.66")));
    assert_eq!(
        (row["date_from"].as_str(), row["date_to"].as_str()),
        (Some("2017-03-01"), Some("2017-03-31"))
    );
    assert_eq!(row["date_precision"], "month");
    // A negative coordinate is a number in CSV, not a guarded formula.
    let csv = nb.ok(&["incident", "list", "--format", "csv"]).stdout;
    assert!(csv.contains(",-33.4500,-70.66,"), "{csv}");
    nb.refuse(&["incident", "add", "south.west", "--label", "again"], 1);
    // Typed in Arabic-Indic digits, with the Arabic decimal separator: the same decimals kept.
    let row = nb
        .ok(&[
            "--format",
            "json",
            "incident",
            "add",
            "tokhar.ar",
            "--label",
            "قصف سوق طخار",
            "--lat",
            "٣٦٫٥١٤٠",
            "--lon",
            "٣٧٫٩١٢",
            "--from",
            "٢٠١٧-٠٣-١٤",
        ])
        .json();
    assert_eq!((row["latitude"].as_str(), row["longitude"].as_str()), (Some("36.5140"), Some("37.912")));
    assert_eq!(row["date_from"], "2017-03-14");
    // Edits: one coordinate cleared alone is refused; both cleared together is fine.
    nb.refuse(&["incident", "edit", "south.west", "--lat", "", "--lon", "3"], 2);
    let row = nb.ok(&["--format", "json", "incident", "edit", "south.west", "--lat", "", "--lon", ""]).json();
    assert!(row["latitude"].is_null() && row["longitude"].is_null());
    let row = nb.ok(&["--format", "json", "incident", "edit", "south.west", "--to", "2017-04-02"]).json();
    assert_eq!(
        (row["date_from"].as_str(), row["date_to"].as_str()),
        (Some("2017-03-01"), Some("2017-04-02"))
    );
    nb.refuse(&["incident", "edit", "south.west", "--to", "2017-02-01"], 1);
    nb.refuse(&["incident", "edit", "south.west"], 2);
}

#[test]
fn claims_tie_to_incidents_by_flag_and_by_csv() {
    let nb = build();
    let a1 = "1";
    // Unknown incidents are refused with the nearest key.
    let r = nb.refuse(
        &[
            "claim",
            "add",
            "--article",
            a1,
            "--quote",
            "حيث تتجمع بسطات الخضار",
            "--incident",
            "tokhar.2017-03-15",
        ],
        1,
    );
    assert!(r.stderr.contains("tokhar.2017-03-14"), "{}", r.stderr);
    // Exported claims carry the incident column, and an edited file ties a claim on import.
    let csv = nb.ok(&["export", "claims", "--article", a1]).stdout;
    assert!(csv.lines().next().unwrap().split(',').any(|c| c == "incident"), "{csv}");
    let tied = csv_rows(&csv).into_iter().filter(|r| r["incident"] == "tokhar.2017-03-14").count();
    assert_eq!(tied, 1, "{csv}");
    // Untie a claim with an edit, then tie it again through the CSV import.
    let id = csv_rows(&csv).into_iter().find(|r| r["incident"] == "tokhar.2017-03-14").unwrap()["id"].clone();
    nb.ok(&["claim", "edit", &id, "--incident", ""]);
    let shown = nb.ok(&["claim", "show", &id, "--format", "json"]).json();
    assert!(shown["incident"].is_null());
    let file = nb.path("claims.csv");
    std::fs::write(&file, &csv).unwrap();
    let tally = nb.ok(&["import", "claims", file.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!(tally[0]["updated"], 1, "{tally}");
    let shown = nb.ok(&["claim", "show", &id, "--format", "json"]).json();
    assert_eq!(shown["incident"], "tokhar.2017-03-14");
    // claim suggest fills the incident column for every row.
    let s = nb.ok(&["claim", "suggest", a1, "--incident", "tokhar.2017-03-14", "--format", "json"]).json();
    let rows = s.as_array().unwrap();
    assert!(!rows.is_empty() && rows.iter().all(|r| r["incident"] == "tokhar.2017-03-14"), "{s}");
    nb.refuse(&["claim", "suggest", a1, "--incident", "nowhere"], 1);
}

#[test]
fn removing_an_incident_unties_only_when_forced() {
    let nb = build();
    let r = nb.refuse(&["incident", "rm", "tokhar.2017-03-14"], 1);
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    nb.ok(&["incident", "rm", "tokhar.2017-03-14", "--force"]);
    let measures = nb.ok(&["measure", "list", "--format", "json"]).json();
    let killed = measures.as_array().unwrap().iter().find(|m| m["key"] == "tokhar.killed").unwrap().clone();
    assert!(killed["incident"].is_null() && killed["role"] == "killed", "{killed}");
    let history = nb.ok(&["history", "incidents", "--format", "json"]).json();
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");
    let events = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    assert_eq!(events.as_array().unwrap().len(), 1);
}

#[test]
fn two_heads_of_one_role_are_refused_with_the_fix() {
    let nb = build();
    nb.ok(&[
        "measure",
        "add",
        "tokhar.killed.late",
        "--label",
        "a later count",
        "--incident",
        "tokhar.2017-03-14",
        "--role",
        "killed",
    ]);
    let r = nb.refuse(&["export", "events", "--profile", "ucdp"], 1);
    assert!(
        r.stderr.contains("tokhar.killed")
            && r.stderr.contains("crosscheck measure edit tokhar.killed.late --role other")
            && r.stderr.lines().count() == 1,
        "{}",
        r.stderr
    );
    // Another role ends the ambiguity; any number of measures may be `other` (the toll is one).
    nb.ok(&["measure", "edit", "tokhar.killed.late", "--role", "other"]);
    let ged = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    assert_eq!(ged[1]["best"], 12, "{ged}");
}

#[test]
fn the_articles_cite_as_csl_json_and_bibtex() {
    let nb = build();
    // The archived copy of article 2, as the archive step records it.
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute(
        "UPDATE articles SET archived_url = 'https://web.archive.org/web/20170315/https://gulfwire.example/tokhar', archived_at = '2017-03-15T09:00:00Z' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);

    let csl = nb.ok(&["export", "articles", "--format", "csl-json"]).json();
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("csl-data.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&csl).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}\n{csl}");
    let items = csl.as_array().unwrap();
    assert_eq!(items.len(), 5);
    assert_eq!(items[0]["type"], "article-newspaper");
    assert_eq!(items[0]["container-title"], "صحيفة الوادي");
    assert_eq!(items[0]["author"][0]["literal"], "سامي حداد");
    assert_eq!(items[0]["issued"]["date-parts"], serde_json::json!([[2017, 3, 14]]));
    assert_eq!(items[1]["URL"], "https://gulfwire.example/tokhar?id=7&s=1");
    assert_eq!(
        items[1]["archive_location"],
        "https://web.archive.org/web/20170315/https://gulfwire.example/tokhar"
    );
    assert!(items[1]["accessed"]["date-parts"][0].as_array().unwrap().len() == 3);
    // The schema does refuse what is not CSL-JSON.
    let wrong = serde_json::json!([{ "id": "x", "type": "newspaper", "title": "t" }]);
    assert!(!validator.is_valid(&wrong));

    let out = nb.path("sources.bib");
    nb.ok(&["export", "articles", "--format", "bibtex", "--out", out.to_str().unwrap()]);
    let text = std::fs::read_to_string(&out).unwrap();
    let bib = biblatex::Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), 5);
    let e = bib.get("article2").unwrap();
    assert_eq!(e.entry_type, biblatex::EntryType::Online);
    let field = |e: &biblatex::Entry, name: &str| {
        e.get(name).map(|chunks| chunks.iter().map(|c| c.v.get()).collect::<String>())
    };
    assert_eq!(field(e, "organization").as_deref(), Some("Gulf Wire"));
    assert_eq!(field(e, "url").as_deref(), Some("https://gulfwire.example/tokhar?id=7&s=1"));
    assert_eq!(field(e, "date").as_deref(), Some("2017-03-15"));
    assert!(field(e, "note").unwrap().contains("web.archive.org"));
    let e1 = bib.get("article1").unwrap();
    assert_eq!(field(e1, "title").as_deref(), Some("قصف يطال سوق طخار الشعبي"));
    assert_eq!(field(e1, "author").as_deref(), Some("سامي حداد"));
    // Citation formats belong to articles.
    nb.refuse(&["export", "claims", "--format", "bibtex"], 2);
    nb.refuse(&["--format", "csl-json", "claim", "list"], 2);
}

#[test]
fn the_markdown_report_cites_each_claims_article_as_the_citation_export_does() {
    let nb = build();
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute(
        "UPDATE articles SET archived_url = 'https://web.archive.org/web/20170315/https://gulfwire.example/tokhar' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let csl = nb.ok(&["export", "articles", "--format", "csl-json"]).json();
    let page = nb.path("report.md");
    nb.ok(&["report", "--format", "markdown", "--out", page.to_str().unwrap()]);
    let md = std::fs::read_to_string(&page).unwrap();
    for item in csl.as_array().unwrap() {
        // The citation the export gives, element by element, as the claim rows print it.
        let id = item["id"].as_str().unwrap().trim_start_matches("article");
        let mut line = String::new();
        if let Some(a) = item["author"][0]["literal"].as_str() {
            line.push_str(&format!("{a}, "));
        }
        let parts = item["issued"]["date-parts"][0].as_array().unwrap();
        let date =
            format!("{}-{:02}-{:02}", parts[0], parts[1].as_i64().unwrap(), parts[2].as_i64().unwrap());
        line.push_str(&format!(
            "“[{}](#article-{id})”, {}, {date}",
            item["title"].as_str().unwrap(),
            item["container-title"].as_str().unwrap()
        ));
        if let Some(u) = item["URL"].as_str() {
            line.push_str(&format!(". <{u}>"));
        }
        if let Some(a) = item["archive_location"].as_str() {
            line.push_str(&format!(" (archived: <{a}>)"));
        }
        assert!(
            md.lines().any(|l| l.ends_with(&format!("article {line}"))),
            "no claim row cites {line}\n{md}"
        );
        // The access date is the article's, once, in its row of the Articles table.
        let accessed = item["accessed"]["date-parts"][0].as_array().unwrap();
        let day = format!(
            "{}-{:02}-{:02}",
            accessed[0],
            accessed[1].as_i64().unwrap(),
            accessed[2].as_i64().unwrap()
        );
        let row = md.lines().find(|l| l.starts_with(&format!("| <a id=\"article-{id}\"></a>"))).unwrap();
        assert!(row.contains(&format!("accessed {day}")), "{row}");
    }
    assert!(
        md.contains("سامي حداد, “[قصف يطال سوق طخار الشعبي](#article-1)”, صحيفة الوادي, 2017-03-14."),
        "{md}"
    );
}

#[test]
fn the_html_report_cites_each_claims_article_as_the_citation_export_does() {
    let nb = build();
    let conn = rusqlite::Connection::open(&nb.db).unwrap();
    conn.execute(
        "UPDATE articles SET archived_url = 'https://web.archive.org/web/20170315/https://gulfwire.example/tokhar' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let csl = nb.ok(&["export", "articles", "--format", "csl-json"]).json();
    let page = nb.path("report.html");
    nb.ok(&["report", "--out", page.to_str().unwrap()]);
    let html = scraper::Html::parse_document(&std::fs::read_to_string(&page).unwrap());
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let text = |e: scraper::ElementRef<'_>| e.text().collect::<String>();
    let cites: Vec<scraper::ElementRef<'_>> = html.select(&sel("p.facts cite")).collect();
    assert!(!cites.is_empty());
    for item in csl.as_array().unwrap() {
        // The citation the export gives, element by element, as the claim rows show it.
        let id = item["id"].as_str().unwrap().trim_start_matches("article");
        let mut line = String::new();
        if let Some(a) = item["author"][0]["literal"].as_str() {
            line.push_str(&format!("{a}, "));
        }
        let parts = item["issued"]["date-parts"][0].as_array().unwrap();
        let date =
            format!("{}-{:02}-{:02}", parts[0], parts[1].as_i64().unwrap(), parts[2].as_i64().unwrap());
        line.push_str(&format!(
            "“{}”, {}, {date}",
            item["title"].as_str().unwrap(),
            item["container-title"].as_str().unwrap()
        ));
        if let Some(u) = item["URL"].as_str() {
            line.push_str(&format!(". {u}"));
        }
        if let Some(a) = item["archive_location"].as_str() {
            line.push_str(&format!(" (archived: {a})"));
        }
        let cite = cites.iter().find(|c| text(**c) == line).unwrap_or_else(|| {
            panic!("no claim row cites {line}\n{:?}", cites.iter().map(|c| text(*c)).collect::<Vec<_>>())
        });
        // The title leads to the article's row, the addresses to the article and its copy.
        let links: Vec<&str> = cite.select(&sel("a")).filter_map(|a| a.value().attr("href")).collect();
        assert!(links.contains(&format!("#article-{id}").as_str()), "{links:?}");
        for key in ["URL", "archive_location"] {
            if let Some(u) = item[key].as_str() {
                assert!(links.contains(&u), "{key} {u} is not a link: {links:?}");
            }
        }
        // The access date is the article's, once, in its row of the Articles table.
        let accessed = item["accessed"]["date-parts"][0].as_array().unwrap();
        let day = format!(
            "{}-{:02}-{:02}",
            accessed[0],
            accessed[1].as_i64().unwrap(),
            accessed[2].as_i64().unwrap()
        );
        let row = html.select(&sel(&format!("tr#article-{id}"))).next().unwrap();
        assert!(text(row).contains(&format!("accessed {day}")), "{}", text(row));
    }

    // In Arabic the citation keeps its elements, between Arabic quotation marks.
    let page = nb.path("report-ar.html");
    nb.ok(&["report", "--lang", "ar", "--out", page.to_str().unwrap()]);
    let html = scraper::Html::parse_document(&std::fs::read_to_string(&page).unwrap());
    let cites: Vec<String> = html.select(&sel("p.facts cite")).map(text).collect();
    assert!(
        cites.iter().any(|c| c
            == "سامي حداد, «قصف يطال سوق طخار الشعبي», صحيفة الوادي, 2017-03-14. https://wadi.example/2017/03/14/tokhar"),
        "{cites:?}"
    );
}

#[test]
fn a_version_3_notebook_takes_incidents_after_its_upgrade_and_a_failed_upgrade_changes_nothing() {
    // A notebook of schema version 3 (before incidents) is upgraded by the first command, after
    // a copy, and its measures and claims then tie to incidents and export as events.
    let nb = Nb::new();
    std::fs::copy(fixture("notebook-v3.db"), &nb.db).unwrap();
    nb.ok(&[
        "incident",
        "add",
        "sahl.market",
        "--label",
        "market shelling",
        "--place",
        "سوق السهل",
        "--lat",
        "35.95",
        "--lon",
        "39.01",
        "--where-precision",
        "2",
    ]);
    assert!(nb.dir.path().join("notebook.db.v3.bak").exists(), "the version 3 copy is written first");
    nb.ok(&["measure", "edit", "deaths.market", "--incident", "sahl.market", "--role", "killed"]);
    nb.ok(&["claim", "edit", "2", "--incident", "sahl.market"]);
    let ged = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    let r = nb.ok(&["reconcile", "deaths.market", "--format", "json"]).json();
    assert_eq!(ged[0]["relid"], "sahl.market");
    assert_eq!((ged[0]["latitude"].as_str(), ged[0]["where_prec"].as_i64()), (Some("35.95"), Some(2)));
    assert_eq!(ged[0]["number_of_sources"], r[0]["voices"]);
    assert!(ged[0]["number_of_sources"].as_i64().unwrap() >= 1, "{ged}");
    // Without dates of its own, the incident takes its claims' span.
    assert_eq!(
        (ged[0]["date_start"].as_str(), ged[0]["date_end"].as_str()),
        (Some("2014-12-04"), Some("2014-12-04"))
    );
    nb.ok(&["check"]);

    // The upgrade is one transaction: a version 3 file holding a row that points nowhere is
    // refused in one sentence and left exactly as it was (version, rows), its copy beside it.
    let broken = Nb::new();
    std::fs::copy(fixture("notebook-v3.db"), &broken.db).unwrap();
    let conn = rusqlite::Connection::open(&broken.db).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; UPDATE figures SET measure_id = 999 WHERE id = 1;")
        .unwrap();
    drop(conn);
    let before = std::fs::read(&broken.db).unwrap();
    let r = broken.refuse(&["incident", "add", "x", "--label", "y"], 1);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    assert!(r.stderr.contains("not upgraded"), "{}", r.stderr);
    let conn = rusqlite::Connection::open(&broken.db).unwrap();
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, 3);
    let incidents: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(incidents, 0, "no table of version 4 is left behind");
    drop(conn);
    assert_eq!(std::fs::read(&broken.db).unwrap(), before, "the file is byte for byte as it was");
    assert!(broken.dir.path().join("notebook.db.v3.bak").exists());
}

#[test]
fn an_incident_without_dates_or_place_takes_them_from_its_claims() {
    let nb = build();
    nb.ok(&["incident", "add", "sama.wells", "--label", "wells poisoned near Kafr Sama"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "3",
        "--quote",
        "Three days of raids",
        "--incident",
        "sama.wells",
        "--place",
        "كفر سما",
        "--when",
        "2017-03-08",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "4",
        "--quote",
        "مداهمة كفر سما",
        "--incident",
        "sama.wells",
        "--place",
        "كفر سما",
        "--when",
        "2017-03-11",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "3",
        "--quote",
        "leave Kafr Sama shaken",
        "--incident",
        "sama.wells",
        "--place",
        "Kafr Sama outskirts",
    ]);
    let ged = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    let row = ged.as_array().unwrap().iter().find(|r| r["relid"] == "sama.wells").unwrap();
    // 8 to 11 March: four days, UCDP 2; the place most claims give.
    assert_eq!(
        (row["date_start"].as_str(), row["date_end"].as_str()),
        (Some("2017-03-08"), Some("2017-03-11"))
    );
    assert_eq!(row["date_prec"], 2);
    assert_eq!(row["where_description"], "كفر سما");
    assert!(row["best"].is_null() && row["number_of_sources"] == 0, "{row}");
    let acled = nb.ok(&["export", "events", "--profile", "acled", "--format", "json"]).json();
    let row = acled.as_array().unwrap().iter().find(|r| r["event_id_cnty"] == "sama.wells").unwrap();
    assert_eq!((row["event_date"].as_str(), row["time_precision"].as_i64()), (Some("2017-03-09"), Some(2)));
    assert_eq!(row["fatalities"], 0);
}

/// A saved manual result that its figures have since outgrown: `export events` still writes
/// every row, keeps the best inside the range as it is now, and says on stderr (one line, naming
/// the measure) that the saved method was applied to changed figures; ACLED's columns, which
/// never use the saved method, say nothing. `incident show` keeps the stale mark at 80 columns.
#[test]
fn a_stale_saved_reconciliation_is_said_by_export_events_and_shown_at_80_columns() {
    let nb = build();
    nb.ok(&[
        "reconcile",
        "tokhar.killed",
        "--method",
        "manual",
        "--value",
        "10",
        "--save",
        "--note",
        "the observatory's lower count",
    ]);
    let fresh = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]);
    assert!(!fresh.stderr.contains("warning"), "{}", fresh.stderr);
    // The observatory's "نحو 12" (10..14) goes; "at least 14" remains: 14..open.
    let figures = nb.ok(&["export", "figures", "--measure", "tokhar.killed", "--format", "json"]).json();
    let about_12 = figures.as_array().unwrap().iter().find(|f| f["low"] == 10).unwrap()["id"].to_string();
    nb.ok(&["figure", "rm", &about_12]);
    let ged = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]);
    let warnings: Vec<&str> = ged.stderr.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{}", ged.stderr);
    assert!(
        warnings[0].starts_with("warning: tokhar.killed: saved reconciliation #1 is stale")
            && warnings[0].contains("its method, manual, was applied to the figures as they are now"),
        "{}",
        warnings[0]
    );
    let row = ged.json()[1].clone();
    assert_eq!(row["relid"], "tokhar.2017-03-14", "{row}");
    // The manual 10 lies below the low of 14 now: the best stays inside the range.
    assert_eq!((row["low"].as_i64(), row["best"].as_i64()), (Some(14), Some(14)), "{row}");
    let acled = nb.ok(&["export", "events", "--profile", "acled", "--format", "json"]);
    assert!(!acled.stderr.contains("warning"), "{}", acled.stderr);

    let shown = std::process::Command::new(common::BIN)
        .arg("--db")
        .arg(&nb.db)
        .args(["--format", "table", "incident", "show", "tokhar.2017-03-14"])
        .env("COLUMNS", "80")
        .env_remove("CROSSCHECK_DB")
        .output()
        .unwrap();
    let text = String::from_utf8(shown.stdout).unwrap();
    let header = text.lines().find(|l| l.contains("measure") && l.contains("saved")).unwrap_or("");
    assert!(header.contains("stale"), "{text}");
    // The keys keep their width; the killed count's line says stale.
    let killed = text.lines().find(|l| l.starts_with("│ tokhar.killed ")).unwrap_or("");
    assert!(killed.contains("true"), "{text}");
    assert!(text.contains("tokhar.injured") && text.contains("tokhar.missing"), "{text}");
    assert!(text.lines().all(|l| crosscheck::render::width::display_width(l) <= 80), "{text}");
}
