//! An incident written to attack whoever opens its exports: formulas in every text a
//! spreadsheet reads (place, label, note, outlet, source names), and BibTeX and JSON structure in
//! an article's title and author. Every event profile guards its CSV cells as every export does;
//! the citation files stay one well-formed entry per article.

use crate::common::{fixture, Nb};

const PLACE: &str = "=cmd|' /C calc'!A0";
const LABEL: &str = "+SUM(1,2) shelling";
const NOTE: &str = "@import notes";
const OUTLET: &str = "-2+3 Wire";
const SOURCE: &str = "=HYPERLINK(\"https://evil.example\",\"open\")";
const TITLE: &str = "}} @misc{pwn, title={taken} \"quoted\" \u{0007}bell";

fn build() -> Nb {
    let nb = Nb::new();
    nb.ok(&["source", "add", SOURCE, "--kind", "monitor", "--reliability", "B"]);
    let text = nb.path("wire.txt");
    std::fs::write(
        &text,
        "A shell struck the market at noon. At least 7 people were killed, a monitor said.\n",
    )
    .unwrap();
    let imported = nb
        .ok(&[
            "--format",
            "json",
            "import",
            "articles",
            text.to_str().unwrap(),
            "--title",
            TITLE,
            &format!("--outlet={OUTLET}"),
            "--author",
            "{Unbalanced",
            "--published",
            "2017-03-14",
        ])
        .json();
    let article = imported[0]["id"].as_i64().unwrap().to_string();
    nb.ok(&[
        "incident",
        "add",
        "attack.1",
        "--label",
        LABEL,
        "--note",
        NOTE,
        "--place",
        PLACE,
        "--lat",
        "-33.45",
        "--lon",
        "-70.66",
        "--from",
        "2017-03-14",
    ]);
    nb.ok(&[
        "measure",
        "add",
        "attack.killed",
        "--label",
        "killed",
        "--incident",
        "attack.1",
        "--role",
        "killed",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        &article,
        "--quote",
        "At least 7 people were killed",
        "--source",
        SOURCE,
        "--figure",
        "attack.killed=at least 7",
    ]);
    nb
}

/// A cell a spreadsheet would run: starts with = + @ a tab or a return, or - before anything
/// but a number.
fn would_run(cell: &str) -> bool {
    let negative_number = cell.strip_prefix('-').is_some_and(|d| {
        !d.is_empty() && d.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    });
    !negative_number && cell.starts_with(['=', '+', '@', '\t', '\r', '-'])
}

#[test]
fn every_event_profile_guards_its_cells_and_json_keeps_the_text() {
    let nb = build();
    for profile in ["ucdp", "acled", "airwars"] {
        let csv = nb.ok(&["export", "events", "--profile", profile]).stdout;
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let headers = rdr.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1, "{csv}");
        for (h, cell) in headers.iter().zip(rows[0].iter()) {
            assert!(!would_run(cell), "{profile} {h} = {cell:?}\n{csv}");
        }
        // The place is there, guarded; the coordinates stay numbers.
        assert!(rows[0].iter().any(|c| c == format!("'{PLACE}")), "{profile}: {csv}");
        assert!(rows[0].iter().any(|c| c == "-70.66"), "{profile}: {csv}");
        // --raw writes the text as it is, for a program that reads the file.
        let raw = nb.ok(&["export", "events", "--profile", profile, "--raw"]).stdout;
        assert!(raw.contains(PLACE) && !raw.contains(&format!("'{PLACE}")), "{profile}: {raw}");
        let json = nb.ok(&["export", "events", "--profile", profile, "--format", "json"]).json();
        let text = json.to_string();
        assert!(text.contains(&serde_json::to_string(PLACE).unwrap()), "{profile}: {text}");
    }
    let ucdp = nb.ok(&["export", "events", "--profile", "ucdp", "--format", "json"]).json();
    assert_eq!(ucdp[0]["source_original"], serde_json::json!([SOURCE]));
    assert_eq!(ucdp[0]["source_office"], serde_json::json!([OUTLET]));
    assert_eq!(ucdp[0]["low"], 7);
}

#[test]
fn a_hostile_title_and_author_stay_inside_one_citation() {
    let nb = build();
    let csl = nb.ok(&["export", "articles", "--format", "csl-json"]).json();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("csl-data.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    assert!(validator.is_valid(&csl), "{csl}");
    assert_eq!(csl.as_array().unwrap().len(), 1);
    assert!(csl[0]["title"].as_str().unwrap().starts_with("}} @misc{pwn"), "{csl}");
    let bib = nb.ok(&["export", "articles", "--format", "bibtex"]).stdout;
    let parsed = biblatex::Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), 1, "{bib}");
    assert!(parsed.get("pwn").is_none(), "{bib}");
    assert!(!bib.contains('\u{0007}'), "{bib}");
    let entry = parsed.get("article1").unwrap();
    let author: String = entry.get("author").unwrap().iter().map(|c| c.v.get()).collect();
    assert!(author.contains("Unbalanced"), "{bib}");
}
