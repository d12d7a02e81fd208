//! `claim suggest` writes one row per figure, so two rows may share a quote: `import claims`
//! gives the one claim both figures (never the first alone with exit 0), stays idempotent, and
//! a suggestion is `recorded` only when its figure is.

mod common;

use common::Nb;

const ARABIC: &str = "غارة على سوق في بلدة الرملة\n\n\
الرملة (وكالة الأنباء) - أعلنت وزارة الصحة أن حصيلة الضحايا بلغت 38 قتيلاً و72 جريحاً في الغارة \
التي استهدفت السوق صباح الثلاثاء.\n";

const ENGLISH: &str = "Strike on a market in Ramla\n\n\
RAMLA (News Agency) - An air strike hit the central market on Tuesday morning, killing 38 people and \
wounding 72, the health ministry said in a statement.\n";

/// A notebook with the article, measures `k` and `w`, and the suggestions of `claim suggest`
/// with their measure cells filled as a user fills them: `k` for the first figure, `w` for the
/// second. Returns the notebook and the path of the filled file.
fn suggested(text: &str) -> (Nb, String) {
    let nb = Nb::new();
    let article = nb.path("article.txt");
    std::fs::write(&article, text).unwrap();
    nb.ok(&["import", "articles", article.to_str().unwrap(), "--published", "2017-03-14"]);
    nb.ok(&["measure", "add", "k", "--label", "killed"]);
    nb.ok(&["measure", "add", "w", "--label", "wounded"]);
    let rows = nb.ok(&["--format", "csv", "claim", "suggest", "1"]);
    let mut rdr = csv::Reader::from_reader(rows.stdout.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let measure = headers.iter().position(|h| h == "measure").unwrap();
    let figure = headers.iter().position(|h| h == "figure").unwrap();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&headers).unwrap();
    let mut figures = Vec::new();
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if rec[figure].is_empty() {
            continue;
        }
        let key = if figures.is_empty() { "k" } else { "w" };
        figures.push(rec[figure].to_string());
        let row: Vec<&str> =
            rec.iter().enumerate().map(|(i, v)| if i == measure { key } else { v }).collect();
        out.write_record(&row).unwrap();
    }
    assert_eq!(figures.len(), 2, "two figures of one quote: {}", rows.stdout);
    let path = nb.path("s.csv");
    std::fs::write(&path, out.into_inner().unwrap()).unwrap();
    (nb, path.to_str().unwrap().to_string())
}

fn figures(nb: &Nb) -> Vec<(String, String, String)> {
    let mut out: Vec<_> = nb
        .ok(&["--format", "csv", "figure", "list"])
        .csv()
        .into_iter()
        .map(|r| (r["claim_id"].clone(), r["measure"].clone(), r["low"].clone()))
        .collect();
    out.sort();
    out
}

fn statuses(nb: &Nb) -> Vec<(String, String)> {
    nb.ok(&["--format", "csv", "claim", "suggest", "1"])
        .csv()
        .into_iter()
        .filter(|r| !r["figure"].is_empty())
        .map(|r| (r["low"].clone(), r["status"].clone()))
        .collect()
}

fn tally(nb: &Nb, args: &[&str]) -> (String, String, String, String) {
    let mut full = vec!["--format", "csv", "import", "claims"];
    full.extend_from_slice(args);
    let r = nb.ok(&full).csv();
    let row = r.iter().find(|r| r["table"] == "claims").expect("a claims row");
    (row["added"].clone(), row["updated"].clone(), row["already_there"].clone(), row["skipped"].clone())
}

fn both_figures_on_one_claim(text: &str) {
    let (nb, file) = suggested(text);
    assert_eq!(statuses(&nb), vec![("38".into(), "new".into()), ("72".into(), "new".into())]);
    assert_eq!(tally(&nb, &[&file, "--add-sources"]), ("1".into(), "1".into(), "0".into(), "0".into()));
    assert_eq!(
        figures(&nb),
        vec![("1".into(), "k".into(), "38".into()), ("1".into(), "w".into(), "72".into())],
        "both figures on the one claim"
    );
    assert_eq!(nb.ok(&["--format", "csv", "claim", "list"]).csv().len(), 1);
    // Idempotent: the same file again adds and changes nothing, with or without --update.
    let before = nb.dump();
    assert_eq!(tally(&nb, &[&file]), ("0".into(), "0".into(), "2".into(), "0".into()));
    assert_eq!(tally(&nb, &[&file, "--update"]), ("0".into(), "0".into(), "2".into(), "0".into()));
    common::assert_same(&before, &nb.dump(), "a second import of the same file");
    assert_eq!(statuses(&nb), vec![("38".into(), "recorded".into()), ("72".into(), "recorded".into())]);
}

#[test]
fn two_rows_of_one_arabic_quote_give_one_claim_both_figures() {
    both_figures_on_one_claim(ARABIC);
}

#[test]
fn two_rows_of_one_english_quote_give_one_claim_both_figures() {
    both_figures_on_one_claim(ENGLISH);
}

#[test]
fn a_claim_holding_one_figure_of_its_sentence_leaves_the_other_new_and_takes_it_later() {
    let (nb, file) = suggested(ARABIC);
    // The claim recorded by hand with the killed only (as the import used to leave it).
    let quote = nb.ok(&["--format", "csv", "claim", "suggest", "1"]).csv()[0]["quote"].clone();
    nb.ok(&["source", "add", "وزارة الصحة", "--kind", "official"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--when",
        "صباح الثلاثاء",
        "--quote",
        &quote,
        "--source",
        "وزارة الصحة",
        "--figure",
        "k=38 قتيلاً",
    ]);
    assert_eq!(statuses(&nb), vec![("38".into(), "recorded".into()), ("72".into(), "new".into())]);
    // Asked for the wounded measure, the killed figure is not the wounded one.
    let w: Vec<String> = nb
        .ok(&["--format", "csv", "claim", "suggest", "1", "--measure", "w"])
        .csv()
        .into_iter()
        .map(|r| r["status"].clone())
        .collect();
    assert!(w.iter().all(|s| s == "new"), "{w:?}");
    assert_eq!(tally(&nb, &[&file]), ("0".into(), "1".into(), "1".into(), "0".into()));
    assert_eq!(
        figures(&nb),
        vec![("1".into(), "k".into(), "38".into()), ("1".into(), "w".into(), "72".into())]
    );
}

#[test]
fn a_figure_row_that_disagrees_with_its_claim_is_refused_naming_its_line() {
    let (nb, file) = suggested(ARABIC);
    let text = std::fs::read_to_string(&file).unwrap();
    // The second row rates the claim otherwise than the first: not the same claim as written.
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let cred = headers.iter().position(|h| h == "credibility").unwrap();
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&headers).unwrap();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.unwrap();
        let c = if i == 0 { "2" } else { "4" };
        out.write_record(rec.iter().enumerate().map(|(j, v)| if j == cred { c } else { v })).unwrap();
    }
    std::fs::write(&file, out.into_inner().unwrap()).unwrap();
    let r = nb.refuse(&["import", "claims", &file, "--add-sources"], 1);
    assert!(
        r.stderr.contains("line 3") && r.stderr.contains("72") && r.stderr.contains("credibility"),
        "{}",
        r.stderr
    );
    // With --update the claim takes the later row's rating and both figures.
    nb.ok(&["import", "claims", &file, "--add-sources", "--update"]);
    assert_eq!(
        figures(&nb),
        vec![("1".into(), "k".into(), "38".into()), ("1".into(), "w".into(), "72".into())]
    );
}
