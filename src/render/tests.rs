//! The renderer on rows written for the purpose: every format, the formula guard, lists, and
//! terminal tables measured the way a terminal draws them.

use super::width::display_width;
use super::*;

#[derive(serde::Serialize)]
struct Row3 {
    id: i64,
    title: String,
    tags: Vec<String>,
}

fn cols() -> Columns {
    Columns { all: vec!["id", "title", "tags"], brief: vec!["id", "title"], roomy: vec!["tags"], cut: vec![] }
}

fn sample() -> Vec<Row3> {
    vec![
        Row3 {
            id: 1, title: "انشقاق في الرقة".into(), tags: vec!["raqqa".into(), "isis".into()]
        },
        Row3 { id: 2, title: "=HYPERLINK(\"x\")".into(), tags: vec![] },
    ]
}

fn render(opts: &Options, rows: &[Row3]) -> String {
    let mut w = Writer::new(Vec::new(), opts, &cols()).unwrap();
    for r in rows {
        w.row(r).unwrap();
    }
    String::from_utf8(w.finish().unwrap()).unwrap()
}

fn with(format: Format) -> Options {
    Options { format, ..Options::default() }
}

#[test]
fn csv_joins_lists_and_guards_formulas() {
    let out = render(&with(Format::Csv), &sample());
    assert_eq!(out, "id,title,tags\n1,انشقاق في الرقة,raqqa; isis\n2,\"'=HYPERLINK(\"\"x\"\")\",\n");
    let raw = render(&Options { raw: true, ..with(Format::Csv) }, &sample());
    assert!(raw.contains("\n2,\"=HYPERLINK("), "{raw}");
}

#[test]
fn json_is_an_array_of_objects_with_list_arrays() {
    let out = render(&with(Format::Json), &sample());
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v[0]["id"], 1);
    assert_eq!(v[0]["tags"][1], "isis");
    assert_eq!(v[1]["title"], "=HYPERLINK(\"x\")");
    assert_eq!(render(&with(Format::Json), &[]).trim(), "[]");
    let lines = render(&with(Format::Jsonl), &sample());
    assert_eq!(lines.lines().count(), 2);
}

#[test]
fn columns_are_picked_by_name_in_every_format() {
    let opts = Options { pick: Pick::Named(vec!["tags".into(), "id".into()]), ..with(Format::Csv) };
    assert_eq!(render(&opts, &sample()), "tags,id\nraqqa; isis,1\n,2\n");
    let opts = Options { pick: Pick::Named(vec!["tags".into()]), ..with(Format::Json) };
    let v: serde_json::Value = serde_json::from_str(&render(&opts, &sample())).unwrap();
    assert_eq!(v[0].as_object().unwrap().len(), 1);
    let e = Pick::Named(vec!["nope".into()]).positions(&cols(), Format::Csv, None).unwrap_err();
    assert!(e.contains("'nope'") && e.contains("id,title,tags"), "{e}");
    // A terminal table shows the brief columns unless told otherwise.
    let table = render(&with(Format::Table), &sample());
    assert!(!table.contains("raqqa"), "{table}");
    let wide = render(&Options { pick: Pick::All, ..with(Format::Table) }, &sample());
    assert!(wide.contains("raqqa"), "{wide}");
    // A wide terminal shows the roomy columns too.
    let roomy = render(&Options { width: Some(160), ..with(Format::Table) }, &sample());
    assert!(roomy.contains("raqqa"), "{roomy}");
}

#[test]
fn an_empty_table_is_one_line() {
    let opts = Options { empty: Some("no claims match".into()), ..with(Format::Table) };
    assert_eq!(render(&opts, &[]), "no claims match\n");
    assert_eq!(render(&Options { empty: Some("x".into()), ..with(Format::Csv) }, &[]), "id,title,tags\n");
}

#[test]
fn markdown_escapes_pipes() {
    let out = render(&with(Format::Markdown), &[Row3 { id: 1, title: "a|b".into(), tags: vec![] }]);
    assert_eq!(out, "| id | title | tags |\n|---|---|---|\n| 1 | a\\|b |  |\n");
}

#[test]
fn controls_and_bidi_overrides_are_escaped() {
    assert_eq!(escape_controls("a\u{1b}[31mb\u{202E}c\0", false), "a\\e[31mb\\u{202E}c\\0");
    assert_eq!(escape_line("two\nlines\u{9b}"), "two lines\\x9b");
}

#[test]
fn colour_only_on_a_terminal_without_no_color() {
    use std::ffi::OsStr;
    assert!(use_colour(true, None));
    assert!(use_colour(true, Some(OsStr::new(""))));
    assert!(!use_colour(true, Some(OsStr::new("1"))));
    assert!(!use_colour(false, None));
}

/// The lines of a table with their isolates and invisible adjustments removed.
fn table_lines(out: &str) -> Vec<&str> {
    out.lines().collect()
}

fn check_table(out: &str, width: usize) {
    let lines = table_lines(out);
    let border = display_width(lines[0]);
    assert!(border <= width, "the table is {border} columns wide:\n{out}");
    for line in &lines {
        assert_eq!(display_width(line), border, "a line is not as wide as the border:\n{line}\n{out}");
        // Every isolate opened on a line is closed on it.
        let opens = line.matches('\u{2068}').count();
        let closes = line.matches('\u{2069}').count();
        assert_eq!(opens, closes, "isolates unpaired on: {line}");
        let mut depth = 0i32;
        for c in line.chars() {
            depth += match c {
                '\u{2068}' => 1,
                '\u{2069}' => -1,
                _ => 0,
            };
            assert!(depth >= 0, "an isolate closes before it opens: {line}");
        }
    }
}

#[test]
fn arabic_mixed_and_emoji_rows_keep_their_borders_at_80_columns() {
    let rows = vec![
        Row3 { id: 1, title: "أكّد ناشطون محليّون انشقاق 45 مقاتلاً من الأجانب خلال الأيام الثلاثة الماضية في ريف المدينة الشرقي، بحسب مصادر متقاطعة".into(), tags: vec![] },
        Row3 { id: 22, title: "The monitor 👍 said لا يقل عن 30 civilians were killed; 漢字 mixed in for width".into(), tags: vec![] },
        Row3 { id: 333, title: "لا لأ لإ لآ لَا".into(), tags: vec![] },
        Row3 { id: 4, title: "soft\u{00AD}hyphen ڸا and زيرو\u{200B}ويدث".into(), tags: vec![] },
    ];
    for width in [40, 60, 80, 160] {
        let out = render(&Options { width: Some(width), ..with(Format::Table) }, &rows);
        check_table(&out, width);
        // The letters as typed: no joiner slipped into a lam-alef, no stand-in left over.
        assert!(!out.contains(['\u{200C}', super::width::PLACEHOLDER]), "{out}");
    }
    let out = render(&Options { width: Some(80), ..with(Format::Table) }, &rows);
    assert!(out.contains("لا لأ لإ لآ لَا") && out.contains("مقاتلاً"), "{out}");
}

#[test]
fn the_character_tables_stand_in_with_is_shown_escaped_when_the_text_holds_it() {
    let rows = vec![Row3 { id: 1, title: "لا\u{10FFFD}بد".into(), tags: vec![] }];
    let out = render(&Options { width: Some(80), ..with(Format::Table) }, &rows);
    check_table(&out, 80);
    assert!(out.contains("لا\\u{10FFFD}بد"), "{out}");
}

#[test]
fn wrapping_never_splits_a_word_where_a_space_exists() {
    let rows = vec![Row3 {
        id: 1,
        title: "ثمانية عناصر من الشرطة الدينية فروا امس نحو الحدود الشمالية".into(),
        tags: vec![],
    }];
    let out = render(&Options { width: Some(30), ..with(Format::Table) }, &rows);
    check_table(&out, 30);
    let words: Vec<&str> = rows[0].title.split(' ').collect();
    for line in out.lines().skip(3) {
        let cell = line.split('┆').nth(1).unwrap_or("");
        let text: String =
            cell.chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}' | '\u{200C}' | '│')).collect();
        for w in text.split_whitespace() {
            assert!(words.contains(&w), "'{w}' is a split word:\n{out}");
        }
    }
}

fn record_in(format: Format, plain: bool, record: &Record) -> String {
    let mut out = Vec::new();
    output::write_record(&mut out, &Options { plain, ..with(format) }, record).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_record_is_a_field_value_table_or_one_object() {
    let fields =
        vec![("id", Cell::Int(3)), ("name", Cell::text("ناشطون")), ("tags", Cell::List(vec!["a".into()]))];
    let record = Record::of_fields(fields).steps("steps", "How", vec!["one".into(), "two".into()]);
    let v: serde_json::Value = serde_json::from_str(&record_in(Format::Json, false, &record)).unwrap();
    assert_eq!((v["id"].as_i64(), v["tags"][0].as_str()), (Some(3), Some("a")));
    assert_eq!(v["steps"][1], "two");
    assert_eq!(record_in(Format::Csv, false, &record), "id,name,tags,steps\n3,ناشطون,a,one; two\n");
    check_table(&record_in(Format::Table, false, &record), 200);
    // For a pipe: a field a line, the text as stored.
    assert_eq!(record_in(Format::Tsv, true, &record), "id\t3\nname\tناشطون\ntags\ta\n");
}

#[test]
fn rows_for_a_pipe_are_plain_tab_separated_lines() {
    let rows = vec![
        Row3 { id: 1, title: "لا بد\tمن \\ هنا\nثم".into(), tags: vec!["a;b".into(), "c".into()] },
        Row3 { id: 2, title: "=SUM(1)".repeat(40), tags: vec![] },
        Row3 { id: 3, title: "a\u{1b}[2J\u{202E}b".into(), tags: vec![] },
    ];
    let out = render(&Options { plain: true, ..with(Format::Tsv) }, &rows);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "id\ttitle\ttags");
    assert_eq!(lines[1], "1\tلا بد\\tمن \\\\ هنا\\nثم\ta\\\\;b; c");
    // Nothing guarded, cut, isolated or joined.
    assert_eq!(lines[2], format!("2\t{}\t", "=SUM(1)".repeat(40)));
    // What would act on a terminal at the end of the pipe is escaped as everywhere else.
    assert_eq!(lines[3], "3\ta\\e[2J\\u{202E}b\t");
    assert_eq!(lines.len(), 4);
    assert!(!out.contains(['\u{2068}', '\u{2069}', '\u{200C}', '\u{1b}']));
}
