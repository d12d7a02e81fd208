//! The terminal at 80 columns: every list command on the demo notebook draws a table no wider
//! than the terminal, with its borders aligned on every line (as a terminal draws Arabic:
//! lam-alef two columns, harakat none), each Arabic line in its own isolate pair, and no word
//! split where a space existed.

mod common;
use common::Nb;
use crosscheck::render::width::display_width;
use std::collections::HashSet;
use std::process::Command;

/// The words of every cell the command can print, from its JSON output.
fn words_of(nb: &Nb, args: &[&str]) -> HashSet<String> {
    let mut full = vec!["--format", "json"];
    full.extend_from_slice(args);
    let json = nb.ok(&full).stdout;
    let mut out = HashSet::new();
    fn walk(v: &serde_json::Value, out: &mut HashSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                out.extend(s.split_whitespace().map(str::to_string));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            other => {
                out.insert(other.to_string());
            }
        }
    }
    walk(&serde_json::from_str(&json).unwrap(), &mut out);
    out
}

fn is_border(c: char) -> bool {
    matches!(
        c,
        '│' | '┆'
            | '┌'
            | '┐'
            | '└'
            | '┘'
            | '╞'
            | '╡'
            | '╪'
            | '┬'
            | '┴'
            | '─'
            | '═'
            | '┼'
            | '├'
            | '┤'
    )
}

/// Checks every table in `out` and returns the words its cells show (headers apart).
fn check_tables(out: &str, width: usize) -> Vec<String> {
    let mut shown = Vec::new();
    let mut border_width = None;
    // The lines between a table's top border and the line under its header.
    let mut in_header = false;
    for line in out.lines() {
        let first = line.chars().next().unwrap_or(' ');
        if first == '┌' {
            border_width = Some(display_width(line));
            in_header = true;
        }
        if first == '╞' {
            in_header = false;
        }
        let header = in_header;
        let Some(w) = border_width else { continue };
        assert!(display_width(line) <= width, "wider than {width}: {line}\n{out}");
        assert_eq!(display_width(line), w, "not as wide as its border: {line}\n{out}");
        assert_eq!(
            line.matches('\u{2068}').count(),
            line.matches('\u{2069}').count(),
            "isolates unpaired: {line}"
        );
        for cell in line.split(is_border).filter(|_| !header) {
            let text: String =
                cell.chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}' | '\u{200C}')).collect();
            shown.extend(text.split_whitespace().map(str::to_string));
        }
        if first == '└' {
            border_width = None;
        }
    }
    shown
}

/// A word shown in a cell is a word of the data, a word cut with `…`, or a piece of a word too
/// long for its column.
fn check_words(shown: &[String], words: &HashSet<String>, what: &str) {
    for w in shown {
        // A list is joined with "; " in a table.
        let w = &w.strip_suffix(';').unwrap_or(w).to_string();
        if words.contains(w) || w.chars().all(|c| c.is_ascii_digit() || c == '.') {
            continue;
        }
        let stem = w.trim_end_matches('…');
        let piece_of_long = words.iter().any(|d| display_width(d) > 16 && d.contains(stem));
        let cut = w.ends_with('…') && (stem.is_empty() || words.iter().any(|d| d.starts_with(stem)));
        assert!(piece_of_long || cut, "{what}: '{w}' is a word split where a space existed");
    }
}

#[test]
fn list_commands_fit_80_columns() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    let commands: &[&[&str]] = &[
        &["claim", "list"],
        &["article", "list"],
        &["source", "list"],
        &["figure", "list"],
        &["measure", "list"],
        &["search", "انشقاق"],
        &["search", "killed"],
        &["export", "reconciliations", "--format", "table"],
    ];
    for args in commands {
        let out = nb.table_at(80, args);
        assert!(out.contains('┌'), "{args:?} printed no table:\n{out}");
        let shown = check_tables(&out, 80);
        let data_args: Vec<&str> =
            args.iter().copied().filter(|a| *a != "--format" && *a != "table").collect();
        check_words(&shown, &words_of(&nb, &data_args), &format!("{args:?}"));
    }
    // The claim list shows the short rating, the quote cut at a word, sources and figures.
    let claims = nb.table_at(80, &["claim", "list"]);
    assert!(claims.contains("F/B 2") && claims.contains("C3"), "{claims}");
    assert!(claims.contains("deaths.market=11"), "{claims}");
    assert!(!claims.contains(" text "), "text is left out: {claims}");
    // A measure key is one word: never split across lines.
    let figures = nb.table_at(80, &["figure", "list"]);
    assert!(figures.contains("defectors.foreign "), "{figures}");
    // The suggestions of an article fit too, with their status.
    let suggested = nb.table_at(80, &["claim", "suggest", "1"]);
    check_tables(&suggested, 80);
    assert!(suggested.contains("recorded") && suggested.contains("new"), "{suggested}");
}

#[test]
fn reconcile_fits_80_columns_with_codes_a_legend_and_a_chart() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    let out = nb.table_at(80, &["reconcile", "--all"]);
    check_tables(&out, 80);
    for line in out.lines() {
        assert!(display_width(line) <= 80, "wider than 80: {line}");
    }
    assert!(out.contains("E-rated") && out.contains("superseded") && out.contains("voice of #"), "{out}");
    assert!(out.contains("included: yes = speaks for its voice"), "{out}");
    assert!(out.contains("eligible figures 2 of 3"), "{out}");
    // The chart: a bar a figure, the band and best on the axis.
    assert!(out.contains('●') && out.contains('▲') && out.contains('═'), "{out}");
    let ascii = nb.table_at(80, &["reconcile", "deaths.market", "--ascii"]);
    let chart: Vec<&str> = ascii.lines().skip_while(|l| !l.starts_with("#3")).take(5).collect();
    assert!(chart.len() == 5 && chart.iter().all(|l| l.is_ascii()), "{ascii}");
    // Never in other formats.
    let json = nb.ok(&["reconcile", "--all", "--format", "json"]).stdout;
    assert!(!json.contains('●'));
    // With --wide, the full sentences.
    let wide = nb.table_at(160, &["--wide", "reconcile", "defectors.foreign"]);
    assert!(wide.contains("all sources rated E"), "{wide}");
}

#[test]
fn a_wide_terminal_shows_more_columns() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    let narrow = nb.table_at(80, &["claim", "list"]);
    let wide = nb.table_at(160, &["claim", "list"]);
    assert!(!narrow.contains("when_text") && wide.contains("when_text"), "{wide}");
    check_tables(&wide, 160);
}

#[test]
fn empty_lists_are_one_line() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    assert_eq!(
        nb.table_at(80, &["claim", "list"]).trim(),
        "no claims yet; `crosscheck claim add` records one"
    );
    nb.ok(&["demo", "--db", nb.path("demo.db").to_str().unwrap()]);
    let out = nb.table_at(80, &["source", "list"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    let csv = nb.ok(&["claim", "list", "--format", "csv"]).stdout;
    assert!(csv.starts_with("id,uuid,") && csv.lines().count() == 1);
    assert_eq!(nb.ok(&["claim", "list", "--format", "json"]).stdout.trim(), "[]");
}

#[test]
fn quiet_prints_only_the_id_of_what_is_created() {
    let nb = Nb::new();
    let out = nb.ok(&["-q", "source", "add", "Kafr Tala residents", "--kind", "resident"]).stdout;
    assert_eq!(out, "1\n");
    let out = nb.ok(&["-q", "measure", "add", "deaths.tala", "--label", "deaths"]).stdout;
    assert_eq!(out.trim().parse::<i64>().unwrap(), 1);
}

#[test]
fn help_teaches_at_80_columns() {
    let out =
        Command::new(common::BIN).args(["claim", "add", "--help"]).env("COLUMNS", "80").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("Global options:"), "{help}");
    for line in help.lines() {
        assert!(display_width(line) <= 80, "{line}");
    }
    // Every example line is whole: a line of the examples starts with `crosscheck` or continues
    // a line that ended with a backslash.
    let examples = &help[help.find("Examples:").unwrap()..];
    let mut continued = false;
    for line in examples.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let t = line.trim();
        assert!(t.starts_with("crosscheck ") || continued, "an example was wrapped: {line}\n{help}");
        continued = t.ends_with('\\');
    }
    // Every option has a description.
    for cmd in [
        &["claim", "add"][..],
        &["claim", "list"],
        &["source", "add"],
        &["figure", "add"],
        &["reconcile"],
        &["import", "articles"],
    ] {
        let mut args = cmd.to_vec();
        args.push("--help");
        let out = Command::new(common::BIN).args(&args).env("COLUMNS", "200").output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        let options = &help[..help.find("Example").unwrap_or(help.len())];
        let lines: Vec<&str> = options.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let rest = line.trim_start();
            if !(rest.starts_with("--") || rest.starts_with('<') || rest.starts_with("-q")) {
                continue;
            }
            // The description is on the same line, or (in the long layout) on the next.
            let same = rest.split_once("  ").map(|(_, d)| !d.trim().is_empty()).unwrap_or(false);
            let next = lines
                .get(i + 1)
                .map(|l| !l.trim().is_empty() && !l.trim_start().starts_with('-'))
                .unwrap_or(false);
            assert!(same || next, "{cmd:?}: no description for `{rest}`\n{help}");
        }
    }
}

#[test]
fn closed_pipes_end_quietly_everywhere() {
    use std::io::Read;
    for args in [&["completions", "bash"][..], &["man"], &["--help"]] {
        let mut child = Command::new(common::BIN)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 8];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn timelines_history_imports_and_a_measure_keep_their_words_whole_at_80_columns() {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    nb.ok(&["source", "rate", "Al-Sahl local monitor", "C", "--why", "one toll revised twice"]);
    nb.ok(&["claim", "edit", "3", "--credibility", "3"]);

    // The timeline: one table a measure under its key; no key, support word or date split.
    let args = ["reconcile", "deaths.market", "defectors.foreign", "--timeline"];
    let out = nb.table_at(80, &args);
    let shown = check_tables(&out, 80);
    let words = words_of(&nb, &args);
    for w in &shown {
        assert!(words.contains(w), "'{w}' is not a whole word of the timeline:\n{out}");
    }
    assert!(
        shown.iter().any(|w| w == "single-source") && shown.iter().any(|w| w == "contested"),
        "{shown:?}\n{out}"
    );
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("de")).collect();
    assert_eq!(headings, ["deaths.market", "defectors.foreign"], "{out}");
    assert!(!shown.iter().any(|w| w.starts_with("de")), "the key is repeated in the rows:\n{out}");

    // measure show names its key once, above the figures.
    let out = nb.table_at(80, &["measure", "show", "defectors.foreign"]);
    check_tables(&out, 80);
    assert_eq!(out.matches("defectors.foreign").count(), 1, "{out}");

    // history says what changed, field by field, instead of a cut JSON row.
    let out = nb.table_at(80, &["history"]);
    check_tables(&out, 80);
    assert!(out.contains("reliability: B → C") && out.contains("credibility: 4 → 3"), "{out}");
    assert!(!out.contains("{\""), "{out}");

    // Import rows keep the file name and leave out the columns nothing filled.
    let deep = nb.path("a long folder of the December reports from the valley/and one more level");
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(
        deep.join("market-shelling-report-final.txt"),
        "Market toll\n\nEleven people were killed.\n",
    )
    .unwrap();
    let out = nb.table_at(80, &["import", "articles", deep.to_str().unwrap()]);
    check_tables(&out, 80);
    assert!(out.contains("/market-shelling-report-final.txt ") && out.contains('…'), "{out}");
    assert!(!out.contains("duplicate_of") && !out.contains("error"), "{out}");
}

#[test]
fn incidents_fit_80_columns_with_arabic_places_and_whole_keys() {
    let nb = Nb::new();
    nb.ok(&["init"]);
    // Typed as an Arabic keyboard gives them: Arabic-Indic digits in the dates, the coordinates
    // and the place precision.
    nb.ok(&[
        "incident",
        "add",
        "aleppo.2016-12-13",
        "--label",
        "قصف حي الفردوس في حلب",
        "--from",
        "٢٠١٦-١٢-١٣",
        "--to",
        "٢٠١٦-١٢-١٥",
        "--place",
        "حي الفردوس، حلب / al-Firdous, Aleppo",
        "--lat",
        "٣٦٫٢٠١٢",
        "--lon",
        "٣٧٫١٣٤٣",
        "--where-precision",
        "٢",
    ]);
    nb.ok(&[
        "incident",
        "add",
        "idlib.2017-04",
        "--label",
        "Strike on the Khan Sheikhoun market",
        "--from",
        "2017-04",
        "--date-precision",
        "month",
        "--place",
        "خان شيخون",
        "--where-precision",
        "3",
    ]);
    for (key, role) in [("aleppo.killed", "killed"), ("aleppo.missing", "missing")] {
        nb.ok(&[
            "measure",
            "add",
            key,
            "--label",
            "قتلى قصف الفردوس",
            "--incident",
            "aleppo.2016-12-13",
            "--role",
            role,
        ]);
    }
    let row = nb.ok(&["incident", "show", "aleppo.2016-12-13", "--format", "json"]).json();
    assert_eq!(
        (row["date_to"].as_str(), row["latitude"].as_str(), row["where_precision"].as_i64()),
        (Some("2016-12-15"), Some("36.2012"), Some(2))
    );
    for args in [&["incident", "list"][..], &["incident", "show", "aleppo.2016-12-13"]] {
        let out = nb.table_at(80, args);
        assert!(out.contains('┌'), "{args:?} printed no table:\n{out}");
        let shown = check_tables(&out, 80);
        check_words(&shown, &words_of(&nb, args), &format!("{args:?}"));
        // Keys are one word each: never split across lines.
        assert!(out.contains("aleppo.2016-12-13 "), "{out}");
    }
    let show = nb.table_at(80, &["incident", "show", "aleppo.2016-12-13"]);
    assert!(show.contains("aleppo.killed ") && show.contains("aleppo.missing "), "{show}");
}
