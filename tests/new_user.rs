//! What a new user met at an 80-column terminal: tables that cut words without a mark or broke
//! Arabic letters, a joiner slipped into لا, an empty box, `-q` that printed a table, numbers in
//! Arabic-Indic digits refused with a raw message, a refusal run together on one line, a hint
//! naming a key the notebook lacks, a date checked after the duplicate, and a date after the
//! article's publication taken in silence.

mod common;

use common::Nb;
use crosscheck::render::width::display_width;

const ARTICLE: &str = "نزوح من حي القصر\n\n\
حمص (وكالة الأنباء) - قالت وكالة الأنباء الرسمية إن النازحون من حي القصر بلغوا نحو 1200 شخص \
خلال يومين، فيما أكد مصدر طبي مقتل 14 مدنياً وإصابة 30 آخرين في القصف.\n";

/// A notebook like the user's: an Arabic article of 2017-03-14, its source, an incident with
/// long keys and Arabic labels, and figures.
fn notebook() -> Nb {
    let nb = Nb::new();
    let article = nb.path("qasr.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    nb.ok(&["import", "articles", article.to_str().unwrap(), "--published", "2017-03-14"]);
    nb.ok(&["source", "add", "وكالة الأنباء الرسمية", "--kind", "official"]);
    nb.ok(&[
        "incident",
        "add",
        "qasr.2017-03-14",
        "--label",
        "قصف حي القصر ونزوح سكانه",
        "--from",
        "2017-03-13",
        "--date-precision",
        "day",
    ]);
    for (key, label, role) in [
        ("qasr.displaced", "النازحون من حي القصر خلال يومين", "displaced"),
        ("qasr.injured", "الجرحى في قصف حي القصر", "injured"),
        ("qasr.killed", "القتلى المدنيون في قصف حي القصر", "killed"),
    ] {
        nb.ok(&[
            "measure",
            "add",
            key,
            "--label",
            label,
            "--unit",
            "people",
            "--incident",
            "qasr.2017-03-14",
            "--role",
            role,
        ]);
    }
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "النازحون من حي القصر بلغوا نحو 1200 شخص",
        "--source",
        "وكالة الأنباء الرسمية",
        "--figure",
        "qasr.displaced=نحو 1200",
    ]);
    nb
}

/// The text of each cell line of a table, without borders, isolates or padding.
fn cell_lines(table: &str) -> Vec<String> {
    table
        .lines()
        .filter(|l| l.starts_with('│'))
        .flat_map(|l| l.trim_matches('│').split('┆').map(|c| c.trim().to_string()).collect::<Vec<_>>())
        .map(|c| c.replace(['\u{2068}', '\u{2069}'], ""))
        .filter(|c| !c.is_empty())
        .collect()
}

#[test]
fn tables_at_80_columns_fit_and_never_cut_a_word_without_a_mark() {
    let nb = notebook();
    for args in [
        vec!["measure", "list"],
        vec!["incident", "list"],
        vec!["claim", "list"],
        vec!["source", "list"],
        vec!["figure", "list"],
        vec!["reconcile", "qasr.displaced"],
    ] {
        let out = nb.table_at(80, &args);
        for line in out.lines() {
            assert!(display_width(line) <= 80, "{args:?}: wider than 80: {line}\n{out}");
        }
        assert!(!out.contains('\u{200C}'), "{args:?}: a joiner was added to the letters\n{out}");
        let lines = cell_lines(&out);
        // The words the user saw split: none is cut without a mark.
        for broken in ["النازحو", "qasr.in", "qasr.201", "displac", "supersede"] {
            assert!(
                !lines.iter().any(|l| l.ends_with(broken)),
                "{args:?}: '{broken}' cut without a mark\n{out}"
            );
        }
    }
    // The keys and Arabic words the user reads are whole in `measure list`.
    let out = nb.table_at(80, &["measure", "list"]);
    let lines = cell_lines(&out);
    for key in ["qasr.displaced", "qasr.injured", "qasr.killed"] {
        assert!(lines.iter().any(|l| l == key), "{key} not whole\n{out}");
    }
    assert!(lines.iter().any(|l| l.contains("النازحون")), "{out}");
    // Fewer columns at 80 than at 160, each whole, rather than all of them in slivers.
    let header = |t: &str| t.lines().nth(1).unwrap_or("").matches('┆').count() + 1;
    let wide = nb.table_at(160, &["measure", "list"]);
    assert!(header(&out) < header(&wide) || header(&out) <= 6, "80:\n{out}\n160:\n{wide}");
}

#[test]
fn a_word_cut_inside_is_marked_and_lam_alef_is_left_as_typed() {
    let nb = notebook();
    // --wide asks for every column: at 40 columns words must be cut, and each cut is marked.
    let out = nb.table_at(40, &["--wide", "measure", "list"]);
    let lines = cell_lines(&out);
    assert!(lines.iter().any(|l| l.ends_with('…')), "{out}");
    let shown = nb.table_at(80, &["source", "list"]);
    assert!(shown.contains("وكالة الأنباء الرسمية"), "{shown}");
    assert!(!shown.contains('\u{200C}'), "{shown}");
}

#[test]
fn a_record_of_sections_only_draws_no_empty_box() {
    let nb = notebook();
    let out = nb.table_at(80, &["incident", "show", "qasr.2017-03-14", "--columns", "measures_list"]);
    let first = out.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    assert!(!first.starts_with('┌') || out.contains("qasr."), "{out}");
    let boxes = out.lines().filter(|l| l.starts_with('┌')).count();
    let empty_box =
        out.lines().collect::<Vec<_>>().windows(2).any(|w| w[0].starts_with('┌') && w[1].starts_with('└'));
    assert!(!empty_box, "an empty box\n{out}");
    assert!(boxes >= 1 && out.contains("qasr.displaced"), "{out}");
}

#[test]
fn quiet_import_prints_the_new_ids_one_a_line() {
    let nb = Nb::new();
    let a = nb.path("a.txt");
    let b = nb.path("b.txt");
    std::fs::write(&a, ARTICLE).unwrap();
    std::fs::write(
        &b,
        "Shelling of Qasr\n\nHOMS - Shelling killed 14 civilians and wounded 30, a medic said.\n",
    )
    .unwrap();
    let out = nb.ok(&["-q", "import", "articles", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.stdout, "1\n2\n");
    assert_eq!(out.stderr, "");
    // A duplicate adds nothing, so prints nothing.
    let again = nb.ok(&["-q", "import", "articles", a.to_str().unwrap()]);
    assert_eq!(again.stdout, "");
    let failed = nb.raw(&["-q", "import", "articles", nb.path("none").to_str().unwrap()], None);
    assert_eq!((failed.code, failed.stdout.as_str()), (1, ""), "a failed import prints no table with -q");
}

#[test]
fn numbers_in_arabic_indic_digits_are_read_and_bad_ones_named() {
    let nb = notebook();
    nb.ok(&["reconcile", "qasr.displaced", "--method", "manual", "--value", "١٢٠٠", "--note", "x"]);
    let saved = nb.ok(&["--format", "json", "reconcile", "qasr.displaced"]).stdout;
    assert!(saved.contains("1200"), "{saved}");
    let listed = nb.ok(&["--format", "csv", "claim", "list", "--max-credibility", "٦"]).csv();
    assert_eq!(listed.len(), 1);
    assert!(!nb.ok(&["--format", "csv", "claim", "show", "#١"]).stdout.is_empty());
    let r =
        nb.refuse(&["reconcile", "qasr.displaced", "--method", "manual", "--value", "٥x", "--note", "x"], 2);
    let first = r.stderr.lines().next().unwrap_or("");
    assert!(first.contains("'٥x'") && first.contains("whole number"), "{}", r.stderr);
    assert!(!r.stderr.contains("invalid digit"), "{}", r.stderr);
    let r = nb.refuse(&["serve", "--port", "٧٠٠٠٠"], 2);
    assert!(r.stderr.contains("'٧٠٠٠٠'") && r.stderr.contains("port"), "{}", r.stderr);
}

#[test]
fn an_import_refusal_lists_each_bad_row_on_its_own_line_with_the_notebooks_keys() {
    let nb = notebook();
    let file = nb.path("bad.csv");
    std::fs::write(
        &file,
        "article_id,quote,figure,measure\n1,النازحون من حي القصر,نحو 1200,\n1,مقتل 14 مدنياً,14,\n",
    )
    .unwrap();
    let r = nb.refuse(&["import", "claims", file.to_str().unwrap()], 1);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert!(lines.iter().any(|l| l.trim_start().starts_with("line 2:")), "{}", r.stderr);
    assert!(lines.iter().any(|l| l.trim_start().starts_with("line 3:")), "{}", r.stderr);
    assert!(r.stderr.contains("qasr.displaced") && !r.stderr.contains("deaths.market"), "{}", r.stderr);
}

#[test]
fn a_sum_suggests_no_key_but_existing_parts() {
    let nb = notebook();
    let r = nb.refuse(&["measure", "add", "qasr.sum3", "--label", "s", "--sum", "qasr.kiled"], 1);
    assert!(r.stderr.contains("qasr.killed"), "{}", r.stderr);
    assert!(!r.stderr.contains("qasr.sum3?") && !r.stderr.contains(", qasr.sum3"), "{}", r.stderr);
}

#[test]
fn claim_add_checks_its_date_first_and_refuses_one_after_publication() {
    let nb = notebook();
    let quote = "النازحون من حي القصر بلغوا نحو 1200 شخص";
    let base = ["claim", "add", "--article", "1", "--quote", quote, "--source", "وكالة الأنباء الرسمية"];
    let mut bad = base.to_vec();
    bad.extend(["--when", "15/3/2017"]);
    let r = nb.refuse(&bad, 1);
    assert!(r.stderr.contains("15/3/2017") && !r.stderr.contains("already records"), "{}", r.stderr);
    for when in ["2017-03-20", "2017-03-15..2017-03-16", "late March"] {
        let mut later = base.to_vec();
        later.extend(["--when", when, "--again"]);
        let r = nb.refuse(&later, 1);
        assert!(r.stderr.contains("2017-03-14"), "{when}: {}", r.stderr);
    }
    let mut fine = base.to_vec();
    fine.extend(["--when", "2017-03-13", "--again"]);
    nb.ok(&fine);
}
