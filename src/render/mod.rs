//! One renderer for every output: any `Serialize` row, with its type's column list, becomes a
//! terminal table, CSV, TSV, JSON, JSONL or Markdown. One small writer per format; rows stream
//! through all but the table (which must see every row to size its columns). The renderer is
//! the only code that knows cells, widths and formats: the notebook returns plain rows.

pub mod chart;
mod csv_out;
pub mod imported;
mod json;
mod markdown;
pub mod output;
mod plain;
pub mod reconcile;
mod table;
pub mod width;

use std::io::{self, Write};

pub use crate::rows::{cells_of, format_float, visit, Cell, CellRef, Columns, FieldError, Record, Shape};
pub use crate::vocab::Format;
pub use json::write_value as write_json;
pub use output::{Dest, Output, RowWriter, UsageError};

/// A terminal at least this wide shows the roomy columns too.
pub const ROOMY: usize = 140;

/// Which columns to print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Pick {
    /// The brief set on a terminal table, every column elsewhere.
    #[default]
    Default,
    /// Every column (`--wide`).
    All,
    /// These columns, in this order (`--columns a,b,c`).
    Named(Vec<String>),
}

impl Pick {
    /// The positions of the picked columns in `columns.all`, or a sentence naming an unknown
    /// column and listing the valid ones.
    pub fn positions(
        &self,
        columns: &Columns,
        format: Format,
        width: Option<usize>,
    ) -> Result<Vec<usize>, String> {
        let index = |name: &str| columns.all.iter().position(|c| *c == name);
        match self {
            Pick::Default if format == Format::Table => {
                let roomy: &[&str] = if width.is_some_and(|w| w >= ROOMY) { &columns.roomy } else { &[] };
                Ok(columns.brief.iter().chain(roomy).filter_map(|c| index(c)).collect())
            }
            Pick::Default | Pick::All => Ok((0..columns.all.len()).collect()),
            Pick::Named(names) => names
                .iter()
                .map(|n| {
                    index(n.trim()).ok_or_else(|| {
                        format!(
                            "there is no column '{}' here; the columns are: {}",
                            n.trim(),
                            columns.all.join(",")
                        )
                    })
                })
                .collect(),
        }
    }
}

/// How rows are written.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub format: Format,
    /// Write a UTF-8 byte-order mark first (`--bom`), for spreadsheet programs.
    pub bom: bool,
    /// Leave cells that a spreadsheet would read as formulas unguarded (`--raw`).
    pub raw: bool,
    /// The output is a terminal: control characters are escaped in every format.
    pub terminal: bool,
    /// The terminal's width in columns, for tables; None: as wide as the rows need.
    pub width: Option<usize>,
    pub pick: Pick,
    /// The one line a table prints when there are no rows ("no claims match").
    pub empty: Option<String>,
    /// Rows for programs reading a pipe: tab-separated, the text as stored (tabs, newlines and
    /// backslashes escaped), no quoting, no formula guard (`format` is then `Tsv`).
    pub plain: bool,
}

/// Writes rows of one type in one format.
pub enum Writer<W: Write> {
    Table(table::TableWriter<W>),
    /// Boxed: the CSV writer's state is large beside the others'.
    Csv(Box<csv_out::CsvWriter<W>>),
    Json(json::JsonWriter<W>),
    Markdown(markdown::MarkdownWriter<W>),
    Plain(plain::PlainWriter<W>),
}

impl<W: Write> Writer<W> {
    /// A writer for rows with these columns. An unknown `--columns` name is an error here; the
    /// command line checks it earlier with [`Pick::positions`].
    pub fn new(out: W, opts: &Options, columns: &Columns) -> io::Result<Writer<W>> {
        Writer::headed(out, opts, columns, &|name| name.to_string())
    }

    /// A writer whose table and Markdown headers are `heading(column)` (another language's
    /// words); CSV, TSV, JSON and plain rows keep the columns' names, which programs read.
    pub fn headed(
        out: W,
        opts: &Options,
        columns: &Columns,
        heading: &dyn Fn(&str) -> String,
    ) -> io::Result<Writer<W>> {
        let positions = opts.pick.positions(columns, opts.format, opts.width).map_err(io::Error::other)?;
        let for_people = matches!(opts.format, Format::Table | Format::Markdown) && !opts.plain;
        let names: Vec<String> = positions
            .iter()
            .map(|&i| if for_people { heading(columns.all[i]) } else { columns.all[i].to_string() })
            .collect();
        let cut: Vec<bool> = positions
            .iter()
            .map(|&i| opts.pick == Pick::Default && columns.cut.contains(&columns.all[i]))
            .collect();
        let identity =
            positions.len() == columns.all.len() && positions.iter().enumerate().all(|(i, p)| i == *p);
        Writer::with(out, opts, Picked { positions, names, identity, all: columns.all.len() }, cut)
    }

    fn with(out: W, opts: &Options, pick: Picked, cut: Vec<bool>) -> io::Result<Writer<W>> {
        Ok(match opts.format {
            Format::Table => Writer::Table(table::TableWriter::new(out, opts, pick, cut)),
            Format::Tsv if opts.plain => Writer::Plain(plain::PlainWriter::new(out, pick)?),
            Format::Csv | Format::Tsv => Writer::Csv(Box::new(csv_out::CsvWriter::new(out, opts, pick)?)),
            Format::Json | Format::Jsonl => Writer::Json(json::JsonWriter::new(out, opts, pick)?),
            Format::Markdown => Writer::Markdown(markdown::MarkdownWriter::new(out, opts, pick)?),
        })
    }

    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        match self {
            Writer::Table(w) => w.row(row),
            Writer::Csv(w) => w.row(row),
            Writer::Json(w) => w.row(row),
            Writer::Markdown(w) => w.row(row),
            Writer::Plain(w) => w.row(row),
        }
    }

    /// A row given as cells in the order of the columns.
    pub fn cells(&mut self, cells: &[Cell]) -> io::Result<()> {
        let refs: Vec<CellRef<'_>> = cells.iter().map(Cell::borrow).collect();
        match self {
            Writer::Table(w) => w.cells(&refs),
            Writer::Csv(w) => w.cells(&refs),
            Writer::Json(w) => w.cells(&refs),
            Writer::Markdown(w) => w.cells(&refs),
            Writer::Plain(w) => w.cells(&refs),
        }
    }

    pub fn finish(self) -> io::Result<W> {
        match self {
            Writer::Table(w) => w.finish(),
            Writer::Csv(w) => w.finish(),
            Writer::Json(w) => w.finish(),
            Writer::Markdown(w) => w.finish(),
            Writer::Plain(w) => w.finish(),
        }
    }
}

/// The picked columns of a writer.
pub struct Picked {
    /// Positions in the row type's columns, in printing order.
    pub positions: Vec<usize>,
    pub names: Vec<String>,
    /// Every column in declared order: rows can stream through without reordering.
    pub identity: bool,
    pub all: usize,
}

impl Picked {
    /// The picked cells of a row, in printing order.
    pub fn collect<R: serde::Serialize + ?Sized>(&self, row: &R) -> io::Result<Vec<Cell>> {
        let mut all: Vec<Cell> = Vec::with_capacity(self.all);
        visit(row, &mut |_, c| {
            all.push(Cell::from(c));
            Ok(())
        })?;
        Ok(self.positions.iter().map(|&i| all.get(i).cloned().unwrap_or(Cell::Null)).collect())
    }

    /// The picked cells of a row given as cells in declared order.
    pub fn select<'a>(&self, cells: &[CellRef<'a>]) -> Vec<CellRef<'a>> {
        self.positions.iter().map(|&i| cells.get(i).copied().unwrap_or(CellRef::Null)).collect()
    }
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

/// Escapes what must never reach a terminal raw: C0 and C1 controls (ANSI and OSC sequences
/// start with ESC), DEL, and bidi overrides, embeddings, isolates and marks from imported text.
/// Newlines are kept; tabs are kept when `keep_tabs`, else shown as a space.
pub fn escape_controls(s: &str, keep_tabs: bool) -> String {
    if !s.chars().any(needs_escape) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push('\n'),
            '\t' if keep_tabs => out.push('\t'),
            '\t' => out.push(' '),
            '\0' => out.push_str("\\0"),
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            '\u{00}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if is_bidi_control(c) || c == width::PLACEHOLDER => {
                out.push_str(&format!("\\u{{{:04X}}}", c as u32))
            }
            _ => out.push(c),
        }
    }
    out
}

pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Control characters, bidi controls, and the character tables stand in for a column with
/// (`width::PLACEHOLDER`, taken out of a drawn table: the text's own would vanish with it).
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n') || is_bidi_control(c) || c == width::PLACEHOLDER
}

/// Escapes a message for stderr: like a table cell, and on one line.
pub fn escape_line(s: &str) -> String {
    escape_controls(s, false).replace('\n', " ")
}

pub use crate::csvcell::{guard as guard_formula, join_list, split_list, unguard as unguard_formula};

#[cfg(test)]
mod tests;
