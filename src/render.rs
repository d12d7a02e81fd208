//! One row type and one writer for every output format: terminal tables for people, and
//! csv, tsv, json, jsonl and markdown for programs and reports. Rows stream through the
//! writer, so a CSV export of any size runs in constant memory (tables buffer; they are small).

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::Value;

/// The output formats every command that prints rows accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
}

/// One cell. Lists are joined with `; ` in text formats and are arrays in JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Text(String),
    List(Vec<String>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }
    pub fn opt_text(s: Option<String>) -> Cell {
        s.map(Cell::Text).unwrap_or(Cell::Null)
    }
    pub fn opt_int(n: Option<i64>) -> Cell {
        n.map(Cell::Int).unwrap_or(Cell::Null)
    }

    fn plain(&self) -> String {
        match self {
            Cell::Null => String::new(),
            Cell::Int(n) => n.to_string(),
            Cell::Float(f) => format_float(*f),
            Cell::Bool(b) => b.to_string(),
            Cell::Text(s) => s.clone(),
            Cell::List(items) => items.join("; "),
        }
    }

    /// The cell as CSV text, borrowed where it can be; text cells guarded against formulas.
    fn csv_text(&self, guard: bool) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Cell::Text(s) if guard && needs_guard(s) => Cow::Owned(format!("'{s}")),
            Cell::Text(s) => Cow::Borrowed(s.as_str()),
            Cell::List(_) if guard => Cow::Owned(guard_formula(&self.plain())),
            _ => Cow::Owned(self.plain()),
        }
    }

    fn json(&self) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Int(n) => Value::from(*n),
            Cell::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null),
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Text(s) => Value::String(s.clone()),
            Cell::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        }
    }
}

fn itoa_buf() -> String {
    String::with_capacity(20)
}

fn fmt_int(buf: &mut String, n: i64) -> &[u8] {
    use std::fmt::Write as _;
    buf.clear();
    let _ = write!(buf, "{n}");
    buf.as_bytes()
}

/// A cell as a JSON value (lists as arrays, empty as null).
pub fn cell_json(cell: &Cell) -> Value {
    cell.json()
}

fn format_float(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// A cell borrowed from where it already is (SQLite's row), for writing CSV without copies.
#[derive(Debug, Clone, Copy)]
pub enum Field<'a> {
    Null,
    Int(i64),
    Bool(bool),
    /// UTF-8 text as SQLite holds it.
    Bytes(&'a [u8]),
    Str(&'a str),
    List(&'a [String]),
}

/// Does text that starts with these bytes need the formula guard? The same rule as
/// `guard_formula`, read from the bytes: `= + - @` tab, carriage return, their full-width
/// forms, after any apostrophes.
fn bytes_need_guard(b: &[u8]) -> bool {
    let mut b = b;
    while let [b'\'', rest @ ..] = b {
        if rest.is_empty() {
            return false;
        }
        b = rest;
    }
    matches!(b, [b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..] | [0xEF, 0xBC, 0x9D | 0x8B | 0x8D | 0xA0, ..])
}

/// How rows are written: the format and the switches that change cells.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: Format,
    /// Leave spreadsheet formulas unguarded in CSV/TSV (`--raw`).
    pub raw: bool,
    /// Write a UTF-8 byte-order mark first (`--bom`).
    pub bom: bool,
    /// The output is a terminal: escape control characters in every format.
    pub terminal: bool,
}

impl Style {
    #[cfg(test)]
    pub fn new(format: Format) -> Style {
        Style { format, raw: false, bom: false, terminal: false }
    }
}

/// Writes rows of one shape in one format, streaming where the format allows.
pub struct RowWriter<W: Write> {
    out: W,
    style: Style,
    columns: Vec<String>,
    rows_written: usize,
    table: Option<Table>,
    csv: Option<csv::Writer<SharedBuf>>,
    csv_buf: SharedBuf,
    /// For a terminal table: which of the row's cells are shown.
    keep: Option<Vec<usize>>,
}

/// A byte buffer the CSV writer fills and the row writer drains after every row.
#[derive(Clone, Default)]
struct SharedBuf(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for SharedBuf {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<W: Write> RowWriter<W> {
    pub fn new(out: W, style: Style, columns: &[&str]) -> io::Result<RowWriter<W>> {
        RowWriter::new_for_people(out, style, columns, None)
    }

    /// Like `new`, but a terminal table shows only `table_columns` (the ones a person reads
    /// at a glance); every other format keeps all the columns.
    pub fn new_for_people(
        mut out: W,
        style: Style,
        columns: &[&str],
        table_columns: Option<&[&str]>,
    ) -> io::Result<RowWriter<W>> {
        let keep: Option<Vec<usize>> = match (style.format, table_columns) {
            (Format::Table, Some(subset)) => {
                Some(columns.iter().enumerate().filter(|(_, c)| subset.contains(c)).map(|(i, _)| i).collect())
            }
            _ => None,
        };
        let columns: Vec<String> = match &keep {
            Some(k) => k.iter().map(|&i| columns[i].to_string()).collect(),
            None => columns.iter().map(|c| c.to_string()).collect(),
        };
        if style.bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let mut writer = RowWriter {
            out,
            style,
            columns,
            keep,
            rows_written: 0,
            table: None,
            csv: None,
            csv_buf: SharedBuf::default(),
        };
        match style.format {
            Format::Table => {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED).set_header(writer.columns.clone());
                arrange(&mut t);
                writer.table = Some(t);
            }
            Format::Csv | Format::Tsv => {
                let delim = if style.format == Format::Csv { b',' } else { b'\t' };
                let mut w = csv::WriterBuilder::new().delimiter(delim).from_writer(writer.csv_buf.clone());
                w.write_record(&writer.columns).map_err(io::Error::other)?;
                writer.csv = Some(w);
                writer.flush_csv()?;
            }
            Format::Json => writer.out.write_all(b"[")?,
            Format::Jsonl => {}
            Format::Markdown => {
                let head: Vec<String> = writer.columns.iter().map(|c| markdown_cell(c)).collect();
                writeln!(writer.out, "| {} |", head.join(" | "))?;
                writeln!(writer.out, "|{}", "---|".repeat(writer.columns.len()))?;
            }
        }
        Ok(writer)
    }

    fn flush_csv(&mut self) -> io::Result<()> {
        if let Some(w) = self.csv.as_mut() {
            w.flush()?;
            let buf = std::mem::take(&mut *self.csv_buf.0.borrow_mut());
            if self.style.terminal {
                let text = String::from_utf8_lossy(&buf);
                self.out.write_all(escape_controls(&text, true).as_bytes())?;
            } else {
                self.out.write_all(&buf)?;
            }
        }
        Ok(())
    }

    /// Writes one row of borrowed fields. CSV and TSV write them without copying; the other
    /// formats go through [`Cell`]s.
    pub fn fields(&mut self, fields: &[Field<'_>]) -> io::Result<()> {
        if !matches!(self.style.format, Format::Csv | Format::Tsv) {
            let cells: Vec<Cell> = fields
                .iter()
                .map(|f| match f {
                    Field::Null => Cell::Null,
                    Field::Int(n) => Cell::Int(*n),
                    Field::Bool(b) => Cell::Bool(*b),
                    Field::Bytes(b) => Cell::Text(String::from_utf8_lossy(b).into_owned()),
                    Field::Str(s) => Cell::text(*s),
                    Field::List(l) => Cell::List(l.to_vec()),
                })
                .collect();
            return self.row(&cells);
        }
        let guard = !self.style.raw;
        if let Some(w) = self.csv.as_mut() {
            let mut number = itoa_buf();
            for f in fields {
                let r = match f {
                    Field::Null => w.write_field(b""),
                    Field::Int(n) => w.write_field(fmt_int(&mut number, *n)),
                    Field::Bool(b) => w.write_field(if *b { "true" } else { "false" }),
                    Field::Bytes(b) if guard && bytes_need_guard(b) => {
                        let mut v = Vec::with_capacity(b.len() + 1);
                        v.push(b'\'');
                        v.extend_from_slice(b);
                        w.write_field(&v)
                    }
                    Field::Bytes(b) => w.write_field(b),
                    Field::Str(s) => w.write_field(s),
                    Field::List(l) => {
                        let joined = l.join("; ");
                        if guard && needs_guard(&joined) {
                            w.write_field(format!("'{joined}"))
                        } else {
                            w.write_field(joined)
                        }
                    }
                };
                r.map_err(io::Error::other)?;
            }
            w.write_record(None::<&[u8]>).map_err(io::Error::other)?;
        }
        self.rows_written += 1;
        if self.csv_buf.0.borrow().len() >= 1 << 16 {
            self.flush_csv()?;
        }
        Ok(())
    }

    pub fn row(&mut self, cells: &[Cell]) -> io::Result<()> {
        match self.style.format {
            Format::Table => {
                let cells: Vec<String> = match &self.keep {
                    Some(k) => {
                        k.iter().filter_map(|&i| cells.get(i)).map(|c| table_cell(&c.plain())).collect()
                    }
                    None => cells.iter().map(|c| table_cell(&c.plain())).collect(),
                };
                if let Some(t) = self.table.as_mut() {
                    t.add_row(cells);
                }
            }
            Format::Csv | Format::Tsv => {
                let guard = !self.style.raw;
                if let Some(w) = self.csv.as_mut() {
                    for c in cells {
                        w.write_field(c.csv_text(guard).as_bytes()).map_err(io::Error::other)?;
                    }
                    w.write_record(None::<&[u8]>).map_err(io::Error::other)?;
                }
                // Hand the bytes on in 64 KB pieces: streaming, without a write per row.
                if self.csv_buf.0.borrow().len() >= 1 << 16 {
                    self.flush_csv()?;
                }
            }
            Format::Json | Format::Jsonl => {
                let obj = self.json_object(cells);
                let mut text = serde_json::to_string(&obj).map_err(io::Error::other)?;
                if self.style.terminal {
                    text = escape_controls(&text, true);
                }
                if self.style.format == Format::Json {
                    let sep = if self.rows_written == 0 { "\n" } else { ",\n" };
                    write!(self.out, "{sep}{text}")?;
                } else {
                    writeln!(self.out, "{text}")?;
                }
            }
            Format::Markdown => {
                let cells: Vec<String> = cells.iter().map(|c| markdown_cell(&c.plain())).collect();
                writeln!(self.out, "| {} |", cells.join(" | "))?;
            }
        }
        self.rows_written += 1;
        Ok(())
    }

    fn json_object(&self, cells: &[Cell]) -> Value {
        let mut map = serde_json::Map::new();
        for (name, cell) in self.columns.iter().zip(cells) {
            map.insert(name.clone(), cell.json());
        }
        Value::Object(map)
    }

    pub fn finish(mut self) -> io::Result<W> {
        match self.style.format {
            Format::Table => {
                if let Some(t) = self.table.take() {
                    writeln!(self.out, "{t}")?;
                }
            }
            Format::Json => {
                let end = if self.rows_written == 0 { "]\n" } else { "\n]\n" };
                self.out.write_all(end.as_bytes())?;
            }
            Format::Csv | Format::Tsv => self.flush_csv()?,
            _ => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes one object: a two-column field/value table for people, one JSON object, or a
/// one-row table in the other formats.
pub fn write_record<W: Write>(out: W, style: Style, fields: &[(&str, Cell)]) -> io::Result<W> {
    match style.format {
        Format::Table => {
            let mut out = out;
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED);
            arrange(&mut t);
            for (name, cell) in fields {
                t.add_row(vec![name.to_string(), table_cell(&cell.plain())]);
            }
            writeln!(out, "{t}")?;
            Ok(out)
        }
        Format::Json => {
            let mut out = out;
            let mut map = serde_json::Map::new();
            for (name, cell) in fields {
                map.insert(name.to_string(), cell.json());
            }
            let mut text = serde_json::to_string_pretty(&Value::Object(map)).map_err(io::Error::other)?;
            if style.terminal {
                text = escape_controls(&text, true);
            }
            writeln!(out, "{text}")?;
            Ok(out)
        }
        _ => {
            let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
            let cells: Vec<Cell> = fields.iter().map(|(_, c)| c.clone()).collect();
            let mut w = RowWriter::new(out, style, &names)?;
            w.row(&cells)?;
            w.finish()
        }
    }
}

/// Wraps a table to the terminal's width, unless the terminal is too narrow to wrap into
/// (or its width is unknown, as under `script`): squeezing then leaves one letter a line.
fn arrange(t: &mut Table) {
    let wide_enough = t.width().map(|w| w >= 60).unwrap_or(false);
    t.set_content_arrangement(if wide_enough {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to anything non-empty
/// (no-color.org). The only colour crosscheck uses is the red `error:` label.
pub fn use_colour(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.map(|v| v.is_empty()).unwrap_or(true)
}

/// Does the text hold right-to-left letters (Arabic, Hebrew, Syriac, Thaana, NKo ...)?
pub fn has_rtl(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// A cell for a terminal table: control characters escaped, and right-to-left text wrapped
/// in a first-strong isolate so a bidi-aware terminal keeps every cell in its column.
pub fn table_cell(s: &str) -> String {
    let escaped = escape_controls(s, false);
    if has_rtl(&escaped) {
        format!("\u{2068}{escaped}\u{2069}")
    } else {
        escaped
    }
}

/// Escapes what must never reach a terminal raw: C0 and C1 controls (ANSI and OSC sequences
/// start with ESC), DEL, and bidi overrides, embeddings and isolates from imported text.
/// Newlines are kept (a table cell may have several lines) unless `newlines` is set to false
/// by the caller wanting them kept; tabs become spaces in tables.
pub fn escape_controls(s: &str, keep_tabs: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' if keep_tabs => out.push('\t'),
            '\t' => out.push(' '),
            '\0' => out.push_str("\\0"),
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\u{00}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => {
                out.push_str(&format!("\\u{{{:04X}}}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

/// OWASP's CSV-injection guard: a text cell that a spreadsheet would read as a formula gets a
/// leading apostrophe. A cell that already starts with apostrophes before such a character
/// gets one more, so that `unguard_formula` always gives back the original.
pub fn guard_formula(s: &str) -> String {
    if needs_guard(s) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn needs_guard(s: &str) -> bool {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => true,
        Some('\'') => needs_guard(&s[1..]),
        _ => false,
    }
}

/// Removes the guard again on import, so that an export round-trips.
pub fn unguard_formula(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

fn markdown_cell(s: &str) -> String {
    let s = escape_controls(s, false);
    s.replace('\\', "\\\\").replace('|', "\\|").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(format: Format, rows: &[Vec<Cell>]) -> String {
        let mut w = RowWriter::new(Vec::new(), Style::new(format), &["id", "title", "tags"]).unwrap();
        for r in rows {
            w.row(r).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    fn sample() -> Vec<Vec<Cell>> {
        vec![
            vec![
                Cell::Int(1),
                Cell::text("انشقاق في الرقة"),
                Cell::List(vec!["raqqa".into(), "isis".into()]),
            ],
            vec![Cell::Int(2), Cell::text("=HYPERLINK(\"x\")"), Cell::List(vec![])],
        ]
    }

    #[test]
    fn csv_joins_lists_and_guards_formulas() {
        let out = render(Format::Csv, &sample());
        assert_eq!(out, "id,title,tags\n1,انشقاق في الرقة,raqqa; isis\n2,\"'=HYPERLINK(\"\"x\"\")\",\n");
    }

    #[test]
    fn json_is_an_array_of_objects_with_list_arrays() {
        let out = render(Format::Json, &sample());
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v[0]["id"], 1);
        assert_eq!(v[0]["tags"][1], "isis");
        assert_eq!(v[1]["title"], "=HYPERLINK(\"x\")");
        assert_eq!(render(Format::Json, &[]).trim(), "[]");
    }

    #[test]
    fn table_isolates_arabic_cells() {
        let out = render(Format::Table, &sample());
        assert!(out.contains("\u{2068}انشقاق في الرقة\u{2069}"), "{out}");
        assert!(out.contains("raqqa; isis"));
    }

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        use std::ffi::OsStr;
        assert!(use_colour(true, None));
        assert!(use_colour(true, Some(OsStr::new(""))));
        assert!(!use_colour(true, Some(OsStr::new("1"))));
        assert!(!use_colour(false, None));
    }

    #[test]
    fn markdown_escapes_pipes() {
        let out = render(Format::Markdown, &[vec![Cell::Int(1), Cell::text("a|b"), Cell::Null]]);
        assert_eq!(out, "| id | title | tags |\n|---|---|---|\n| 1 | a\\|b |  |\n");
    }

    #[test]
    fn controls_and_bidi_overrides_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[31mb\u{202E}c\0", false), "a\\e[31mb\\u{202E}c\\0");
    }

    #[test]
    fn borrowed_fields_write_the_same_csv_as_cells() {
        let cells = vec![
            Cell::Int(7),
            Cell::text("=SUM(A1)"),
            Cell::text("＠x"),
            Cell::List(vec!["a".into(), "b".into()]),
            Cell::Null,
            Cell::Bool(true),
            Cell::text("'=x"),
            Cell::text("انشقاق"),
        ];
        let fields = [
            Field::Int(7),
            Field::Bytes("=SUM(A1)".as_bytes()),
            Field::Bytes("＠x".as_bytes()),
            Field::List(&["a".to_string(), "b".to_string()]),
            Field::Null,
            Field::Bool(true),
            Field::Bytes("'=x".as_bytes()),
            Field::Str("انشقاق"),
        ];
        let cols = ["a", "b", "c", "d", "e", "f", "g", "h"];
        for raw in [false, true] {
            let style = Style { format: Format::Csv, raw, bom: false, terminal: false };
            let mut one = RowWriter::new(Vec::new(), style, &cols).unwrap();
            one.row(&cells).unwrap();
            let mut two = RowWriter::new(Vec::new(), style, &cols).unwrap();
            two.fields(&fields).unwrap();
            assert_eq!(one.finish().unwrap(), two.finish().unwrap());
        }
    }

    #[test]
    fn formula_guard_round_trips() {
        for s in ["=1+1", "+3", "-x", "@SUM", "＝x", "plain", "'quoted", "", "'", "'=x", "''-1"] {
            assert_eq!(unguard_formula(&guard_formula(s)), s);
        }
    }
}
