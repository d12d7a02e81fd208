//! Output decided in one place: rows into a pipe are for programs (plain tab-separated lines,
//! every column, the text as stored), `--format table` still draws a table there, and every
//! command takes `--columns` for what it prints or refuses it with exit 2 before a notebook is
//! opened.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use clap::CommandFactory;
use common::{Nb, BIN};
use crosscheck::render::width::display_width;

/// Characters crosscheck adds for terminals only: isolates, lam-alef joiners, colour.
const TERMINAL_AIDS: &[char] =
    &['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200C}', '\u{200D}', '\u{1b}'];

fn demo() -> Nb {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    nb
}

/// A JSON value as a plain row writes it.
fn plain_cell(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(plain_cell).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

#[test]
fn listings_into_a_pipe_are_plain_rows_with_every_column_and_the_text_as_stored() {
    let nb = demo();
    nb.ok(&["claim", "edit", "1", "--credibility", "3"]);
    let listings: &[&[&str]] = &[
        &["article", "list"],
        &["source", "list"],
        &["source", "alias", "list"],
        &["claim", "list"],
        &["measure", "list"],
        &["figure", "list"],
        &["figure", "terms"],
        &["search", "الشرطة"],
        &["history"],
        &["claim", "suggest", "1"],
        &["reconcile", "deaths.market", "--timeline"],
    ];
    for args in listings {
        let piped = nb.ok(args).stdout;
        assert!(!piped.contains(TERMINAL_AIDS), "{args:?} added terminal characters:\n{piped}");
        let json = nb.ok(&[&["--format", "json"][..], args].concat()).json();
        let rows = json.as_array().unwrap();
        assert!(!rows.is_empty(), "{args:?} lists nothing on the demo notebook");
        let lines: Vec<&str> = piped.lines().collect();
        let keys: Vec<&str> = rows[0].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(lines[0].split('\t').collect::<Vec<_>>(), keys, "{args:?}: the header is every column");
        assert_eq!(lines.len(), rows.len() + 1, "{args:?}:\n{piped}");
        // Every cell whole, as stored (the demo's text has no tabs, line breaks or backslashes).
        for (line, row) in lines[1..].iter().zip(rows) {
            let cells: Vec<String> = row.as_object().unwrap().values().map(plain_cell).collect();
            assert_eq!(line.split('\t').collect::<Vec<_>>(), cells, "{args:?}");
        }
    }
    // A title with lam-alef (متلاحقة) is found as typed: no joiner was put inside it.
    let articles = nb.ok(&["article", "list"]).stdout;
    assert!(articles.lines().any(|l| l.contains("انشقاقات متلاحقة في «لواء الفجر»")), "{articles}");
    let sources = nb.ok(&["source", "list"]).stdout;
    assert!(sources.lines().any(|l| l.split('\t').nth(2) == Some("صحيفة الوادي")), "{sources}");
}

#[test]
fn show_commands_and_reconcile_print_their_content_without_terminal_aids() {
    let nb = demo();
    for args in [
        &["claim", "show", "4"][..],
        &["source", "show", "ناشطون محليون"],
        &["article", "show", "1"],
        &["measure", "show", "deaths.market"],
        &["reconcile", "--all"],
        &["figure", "parse", "ما يزيد على 120", "--explain"],
        &["info"],
    ] {
        let out = nb.ok(args).stdout;
        assert!(!out.contains(TERMINAL_AIDS), "{args:?}:\n{out}");
        assert!(!out.contains(['│', '┆', '─', '●']), "{args:?} drew a table or a chart:\n{out}");
    }
    let claim = nb.ok(&["claim", "show", "4"]).stdout;
    assert!(claim.lines().any(|l| l == "quote\tمقتل 11 شخصاً"), "{claim}");
    assert!(claim.contains("\nSources\nid\tuuid\tname\t"), "{claim}");
    let reconciled = nb.ok(&["reconcile", "deaths.market"]).stdout;
    assert!(reconciled.lines().any(|l| l.starts_with("figure\tclaim\tpublished\tsource\t")), "{reconciled}");
    assert!(reconciled.contains("low 11, best"), "{reconciled}");
}

#[test]
fn a_table_into_a_pipe_is_drawn_at_columns_or_100() {
    let nb = demo();
    let draw = |columns: Option<&str>| {
        let mut cmd = Command::new(BIN);
        cmd.args(["--db", nb.db.to_str().unwrap(), "--format", "table", "claim", "list"]);
        match columns {
            Some(c) => cmd.env("COLUMNS", c),
            None => cmd.env_remove("COLUMNS"),
        };
        String::from_utf8(cmd.env_remove("CROSSCHECK_DB").output().unwrap().stdout).unwrap()
    };
    for (columns, width) in [(None, 100), (Some("60"), 60)] {
        let table = draw(columns);
        let widest = table.lines().map(display_width).max().unwrap();
        assert!(table.starts_with('┌') && widest <= width && widest > width - 10, "{width}:\n{table}");
        // A table for people keeps Arabic in isolates.
        assert!(table.contains('\u{2068}'), "{table}");
    }
}

/// Every command, as its path of names (`claim show`), from the command tree.
fn every_command() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut BTreeSet<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("{prefix}{}", sub.get_name());
            if sub.get_subcommands().next().is_none() || !sub.is_subcommand_required_set() {
                out.insert(name.clone());
            }
            walk(sub, &format!("{name} "), out);
        }
    }
    let mut out = BTreeSet::new();
    walk(&crosscheck::cli::Cli::command(), "", &mut out);
    out
}

/// A command line for each command that works on the demo notebook, in an order that keeps it
/// working.
fn walk_lines(nb: &Nb) -> Vec<(&'static str, Vec<String>)> {
    let article = nb.path("new.txt");
    std::fs::write(&article, "A new report\n\nThe council said 12 shops were damaged.\n").unwrap();
    let csv = nb.path("s.csv");
    std::fs::write(&csv, "name,kind\nRiver council,official\n").unwrap();
    let (article, csv) = (article.display().to_string(), csv.display().to_string());
    let lines: Vec<(&str, Vec<&str>)> = vec![
        ("init", vec!["init"]),
        ("info", vec!["info"]),
        ("import articles", vec!["import", "articles", &article]),
        ("import sources", vec!["import", "sources", &csv]),
        ("import claims", vec!["import", "claims", &csv]),
        ("import figures", vec!["import", "figures", &csv]),
        ("article list", vec!["article", "list"]),
        ("article show", vec!["article", "show", "1"]),
        ("article edit", vec!["article", "edit", "2", "--author", "Desk"]),
        ("source add", vec!["source", "add", "Harbour office", "--kind", "official"]),
        ("source list", vec!["source", "list"]),
        ("source show", vec!["source", "show", "1"]),
        ("source edit", vec!["source", "edit", "Harbour office", "--note", "n"]),
        ("source rate", vec!["source", "rate", "Harbour office", "C", "--why", "w"]),
        ("source alias add", vec!["source", "alias", "add", "Harbour office", "Port office"]),
        ("source alias list", vec!["source", "alias", "list"]),
        ("source alias rm", vec!["source", "alias", "rm", "Harbour office", "Port office"]),
        ("source merge", vec!["source", "merge", "Harbour office", "Gulf Wire"]),
        ("claim add", vec!["claim", "add", "--article", "2", "--quote", "15 people were killed", "--again"]),
        ("claim list", vec!["claim", "list"]),
        ("claim suggest", vec!["claim", "suggest", "1"]),
        ("claim show", vec!["claim", "show", "1"]),
        ("claim edit", vec!["claim", "edit", "1", "--tag", "t"]),
        ("claim link", vec!["claim", "link", "2", "1", "--as", "corroborates"]),
        ("claim unlink", vec!["claim", "unlink", "2", "1", "--as", "corroborates"]),
        ("claim rm", vec!["claim", "rm", "2"]),
        ("measure add", vec!["measure", "add", "shops.damaged", "--label", "shops"]),
        ("measure sum", vec!["measure", "sum", "shops.damaged", "deaths.market"]),
        ("measure list", vec!["measure", "list"]),
        ("measure show", vec!["measure", "show", "deaths.market"]),
        ("measure edit", vec!["measure", "edit", "shops.damaged", "--role", "other"]),
        (
            "incident add",
            vec!["incident", "add", "sahl.2014-12-04", "--label", "market shelling", "--from", "2014-12-04"],
        ),
        ("incident list", vec!["incident", "list"]),
        ("incident show", vec!["incident", "show", "sahl.2014-12-04"]),
        ("incident edit", vec!["incident", "edit", "sahl.2014-12-04", "--place", "السهل"]),
        ("figure add", vec!["figure", "add", "--claim", "2", "--measure", "deaths.market", "12"]),
        ("figure list", vec!["figure", "list"]),
        ("figure parse", vec!["figure", "parse", "about 45"]),
        ("figure terms", vec!["figure", "terms"]),
        (
            "figure terms set",
            vec!["figure", "terms", "set", "dozens", "--low", "24", "--high", "99", "--point", "36"],
        ),
        ("figure reread", vec!["figure", "reread"]),
        ("figure rm", vec!["figure", "rm", "1"]),
        ("reconcile", vec!["reconcile", "--all"]),
        ("report", vec!["report", "--all", "--out", "-"]),
        ("export", vec!["export", "claims"]),
        ("merge", vec!["merge", "other.db"]),
        ("search", vec!["search", "الشرطة"]),
        // Refused before it listens: it prints no rows.
        ("serve", vec!["serve", "--idle-timeout", "1"]),
        ("history", vec!["history"]),
        ("demo", vec!["demo"]),
        ("completions", vec!["completions", "bash"]),
        ("man", vec!["man"]),
        ("check", vec!["check"]),
        ("backup", vec!["backup", "copy.db"]),
        ("team init", vec!["team", "init", "--name", "Desk", "--member", "desk=file:///srv/desk"]),
        ("team pull", vec!["team", "pull"]),
        ("team status", vec!["team", "status"]),
        ("article rm", vec!["article", "rm", "3", "--force"]),
        ("incident rm", vec!["incident", "rm", "sahl.2014-12-04", "--force"]),
    ];
    lines.into_iter().map(|(name, args)| (name, args.into_iter().map(String::from).collect())).collect()
}

#[test]
fn every_command_takes_columns_for_what_it_prints_or_refuses_them_before_a_notebook_is_opened() {
    let nb = demo();
    let lines = walk_lines(&nb);
    let walked: BTreeSet<String> = lines.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(walked, every_command(), "the walk must name every command");
    let nowhere = nb.path("nowhere").join("notebook.db");
    for (name, args) in &lines {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        // An unknown column: exit 2, naming the command, before any notebook exists.
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&nowhere)
            .args(["--columns", "nope"])
            .args(&args)
            .env_remove("CROSSCHECK_DB")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains(&format!("`crosscheck {name}")), "{name}: {err}");
        assert!(err.contains("its columns are: ") || err.contains("takes no --columns"), "{name}: {err}");
        assert!(!nowhere.parent().unwrap().exists(), "{name} created a notebook");
        // `--columns id`: that column alone (a header over rows, or one field of a record), or a
        // refusal that says why.
        let r = nb.raw(&[&["--columns", "id"][..], &args].concat(), None);
        match r.code {
            0 => {
                let first = r.stdout.lines().next().unwrap_or("");
                assert!(first == "id" || first.strip_prefix("id\t").is_some(), "{name}: {}", r.stdout);
                assert!(
                    r.stdout.lines().all(|l| !l.contains('\t') || l.starts_with("id\t")),
                    "{name}: {}",
                    r.stdout
                );
            }
            2 => assert!(
                r.stderr.contains("no column 'id'") || r.stderr.contains("takes no --columns"),
                "{name}: {}",
                r.stderr
            ),
            other => panic!("{name}: exit {other}: {}", r.stderr),
        }
    }
}

/// What `--columns id` leaves in one format: the column alone, in that format's shape.
fn only_id(format: &str, out: &str) -> bool {
    let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
    let only_key = |v: &serde_json::Value| v.as_object().is_some_and(|o| o.keys().all(|k| k == "id"));
    match format {
        "json" => match serde_json::from_str::<serde_json::Value>(out) {
            Ok(serde_json::Value::Array(rows)) => rows.iter().all(only_key),
            Ok(v) => only_key(&v),
            Err(_) => false,
        },
        "jsonl" => {
            lines.iter().all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok_and(|v| only_key(&v)))
        }
        // One column: no separator between cells (ids and the word `id` hold none).
        "csv" => lines.iter().all(|l| !l.contains(',')) && lines.first().is_some_and(|l| *l == "id"),
        "tsv" => lines.iter().all(|l| !l.contains('\t')) && lines.first().is_some_and(|l| *l == "id"),
        // A table of one column (or a record's one field): a single cell between the rules.
        "markdown" => lines.iter().all(|l| l.matches('|').count() <= 3),
        // One column drawn (no rule between cells), or a record's one field beside its value;
        // a listing with no rows says so in a sentence.
        "table" => out.lines().filter(|l| l.contains('┆')).all(|l| l.starts_with("│ id ┆")),
        _ => unreachable!(),
    }
}

#[test]
fn every_command_takes_columns_in_every_format_or_refuses_them_with_exit_2() {
    for format in ["table", "csv", "tsv", "json", "jsonl", "markdown"] {
        let nb = demo();
        for (name, args) in walk_lines(&nb) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let r = nb.raw(&[&["--columns", "id", "--format", format][..], &args].concat(), None);
            match r.code {
                0 => assert!(
                    only_id(format, &r.stdout),
                    "{name} --format {format}: more than id:\n{}",
                    r.stdout
                ),
                2 => assert!(
                    r.stderr.contains("no column 'id'")
                        || r.stderr.contains("takes no --columns")
                        || r.stderr.contains(&format!("--format {format}")),
                    "{name} --format {format}: {}",
                    r.stderr
                ),
                other => panic!("{name} --format {format}: exit {other}: {}", r.stderr),
            }
        }
    }
}

/// Flags that do not go together, and values a command cannot take, each refused with exit 2
/// before any notebook is opened (so none is created).
#[test]
fn bad_flag_combinations_exit_2_before_a_notebook_is_opened() {
    let nb = Nb::new();
    let nowhere = nb.path("nowhere").join("notebook.db");
    let cases: &[&[&str]] = &[
        &["export", "events"],
        &["export", "claims", "--profile", "ucdp"],
        &["export", "claims", "--format", "bibtex"],
        &["export", "datasette-metadata", "--format", "csv"],
        &["--format", "bibtex", "claim", "list"],
        &["reconcile", "deaths.market", "--all-pairs"],
        &["--format", "csv", "reconcile", "deaths.market", "--explain"],
        &["reconcile", "deaths.market", "--value", "12"],
        &["reconcile", "deaths.market", "--method", "manual", "--value", "12"],
        &["--format", "csv", "report", "--all", "--out", "r.html"],
        &["--format", "markdown", "report", "--all", "--out", "-"],
        &["--columns", "id", "report", "--all", "--out", "r.html"],
        &["import", "sources", "s.csv", "--add-sources"],
        &["measure", "edit", "deaths.market"],
        &["measure", "edit", "deaths.market", "--label", " "],
        &["measure", "add", "shops.damaged", "--label", "shops", "--sum", ""],
        &["measure", "sum", "shops.damaged", ""],
        &["incident", "edit", "sahl.2014-12-04"],
        &["incident", "edit", "sahl.2014-12-04", "--lat", "33.5", "--lon", ""],
        &["article", "edit", "1", "--title", " "],
        &["article", "edit", "1"],
        &["claim", "add", "--article", "1", "--quote", "15 people", "--tag", " "],
        &["claim", "edit", "1", "--tag", ""],
        &["search", " ... "],
        &["measure", "add", "shops.damaged", "--label", " "],
        &["claim", "add", "--article", "1", "--quote", " "],
        &["source", "add", " ", "--kind", "activist"],
    ];
    for args in cases {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&nowhere)
            .args(*args)
            .current_dir(nb.path(""))
            .env_remove("CROSSCHECK_DB")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.starts_with("error: ") && err.len() > 20, "{args:?}: {err}");
        assert!(!nowhere.parent().unwrap().exists(), "{args:?} created a notebook");
        assert!(out.stdout.is_empty(), "{args:?} printed {}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn a_blank_text_value_exits_2_naming_its_flag_before_a_notebook_is_opened() {
    // Every text that must hold something goes through one parser: the value is refused with
    // exit 2, in one line naming the flag (or argument) and what it accepts.
    let nb = Nb::new();
    let nowhere = nb.path("nowhere").join("notebook.db");
    let cases: &[(&[&str], &str)] = &[
        (&["measure", "add", "shops.damaged", "--label", " "], "--label <LABEL>"),
        (&["measure", "add", "shops.damaged", "--label", ""], "--label <LABEL>"),
        (&["measure", "edit", "deaths.market", "--label", "  "], "--label <LABEL>"),
        (&["claim", "add", "--article", "1", "--quote", " "], "--quote <QUOTE>"),
        (&["claim", "add", "--article", "1", "--quote", "\u{a0}\t"], "--quote <QUOTE>"),
        (&["incident", "add", "sahl.2014-12-05", "--label", " "], "--label <LABEL>"),
        (&["incident", "edit", "sahl.2014-12-04", "--label", " "], "--label <LABEL>"),
        (&["article", "edit", "1", "--title", " "], "--title <TITLE>"),
        (&["import", "articles", "a.txt", "--title", " "], "--title <TITLE>"),
        (&["source", "add", " ", "--kind", "activist"], "<NAME>"),
        (&["source", "edit", "1", "--name", " "], "--name <NAME>"),
        (&["source", "rate", "1", "C", "--why", " "], "--why <WHY>"),
        (&["source", "alias", "add", "1", " "], "<ALIAS>"),
    ];
    for (args, flag) in cases {
        let out = Command::new(BIN)
            .arg("--db")
            .arg(&nowhere)
            .args(*args)
            .current_dir(nb.path(""))
            .env_remove("CROSSCHECK_DB")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let first = err.lines().next().unwrap_or_default();
        assert!(first.starts_with("error: invalid value"), "{args:?}: {err}");
        assert!(first.contains(&format!("'{flag}'")), "{args:?} should name {flag}: {err}");
        assert!(first.contains("blank; give some text"), "{args:?}: {err}");
        assert!(!nowhere.parent().unwrap().exists(), "{args:?} created a notebook");
        assert!(out.stdout.is_empty(), "{args:?} printed {}", String::from_utf8_lossy(&out.stdout));
    }
    // Text with something in it passes the parser, and is kept trimmed.
    let v = nb.ok(&["--format", "json", "measure", "add", "shops.damaged", "--label", " shops "]).json();
    assert_eq!(v["label"], "shops");
}

#[test]
fn columns_pick_a_records_fields_and_sections_in_every_format() {
    let nb = demo();
    assert_eq!(nb.ok(&["--columns", "id", "claim", "show", "1"]).stdout, "id\t1\n");
    assert_eq!(
        nb.ok(&["--columns", "rating,id", "--format", "csv", "claim", "show", "6"]).stdout,
        "rating,id\nB2,6\n"
    );
    let v = nb.ok(&["--columns", "id,links", "--format", "json", "claim", "show", "6"]).json();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["id", "links"]);
    assert_eq!(v["links"][0]["relation"], "updates");
    // In a table, a named section is printed under the named fields.
    let table = nb.ok(&["--format", "table", "--columns", "quote,figures_list", "claim", "show", "4"]).stdout;
    assert!(table.contains("quote") && table.contains("\nFigures\n") && !table.contains("Links"), "{table}");
    // A created row.
    let v = nb
        .ok(&[
            "--columns",
            "id,quote",
            "--format",
            "json",
            "claim",
            "add",
            "--article",
            "3",
            "--quote",
            "Dozens of foreign fighters",
            "--again",
        ])
        .json();
    assert_eq!(v.as_object().unwrap().len(), 2, "{v}");
    assert_eq!(v["quote"], "Dozens of foreign fighters");
    // reconcile: one row a measure of the columns of its JSON object, in every format.
    let rows = nb.ok(&["--columns", "measure,low,high", "--format", "csv", "reconcile", "--all"]).stdout;
    let whole = nb.ok(&["--format", "json", "reconcile", "--all"]).json();
    let want: Vec<String> = whole
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            format!("{},{},{}", plain_cell(&m["measure"]), plain_cell(&m["low"]), plain_cell(&m["high"]))
        })
        .collect();
    assert_eq!(rows, format!("measure,low,high\n{}\n", want.join("\n")));
    assert!(rows.contains("\ndeaths.market,11,15\n"), "{rows}");
    let v =
        nb.ok(&["--columns", "measure,conflicts", "--format", "json", "reconcile", "deaths.market"]).json();
    assert_eq!(v[0].as_object().unwrap().len(), 2, "{v}");
    assert_eq!(v[0]["conflicts"][0], serde_json::json!([3, 5]));
}
