//! The row model: what the library hands to whatever shows it (the renderer, on a terminal or in
//! a file; the review pages of `serve`). A row type's columns are its fields, declared once; a use
//! case returns a listing of such rows, streams them to a sink, or returns one record with
//! sections. Nothing here knows a format, a width or a terminal.

pub mod declared;
mod fields;

pub use fields::{visit, CellRef, FieldError};

/// A type whose values are printed as rows. Its columns are its serialised fields, in order (the
/// CSV header, the JSON keys); the constants say which of them a terminal table shows when the
/// user picks none: the brief set (fitting 80 columns), those added on a wide terminal, and
/// those cut to one line. An empty brief set means every column.
pub trait Row: serde::Serialize + Default {
    const BRIEF: &'static [&'static str] = &[];
    const ROOMY: &'static [&'static str] = &[];
    const CUT: &'static [&'static str] = &[];
}

/// The columns of what a command prints: every column in order, and the terminal's choices.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Columns {
    pub all: Vec<&'static str>,
    pub brief: Vec<&'static str>,
    pub roomy: Vec<&'static str>,
    pub cut: Vec<&'static str>,
}

impl Columns {
    /// The columns of a row type, read from its fields.
    pub fn of<R: Row>() -> Columns {
        let all = names(&R::default());
        let brief = if R::BRIEF.is_empty() { all.clone() } else { R::BRIEF.to_vec() };
        Columns { all, brief, roomy: R::ROOMY.to_vec(), cut: R::CUT.to_vec() }
    }

    /// Columns every one of which is shown everywhere.
    pub fn plain(all: &[&'static str]) -> Columns {
        Columns { all: all.to_vec(), brief: all.to_vec(), roomy: Vec::new(), cut: Vec::new() }
    }

    /// These columns and more after them (a record's extra fields and its sections).
    pub fn and(mut self, more: &[&'static str]) -> Columns {
        self.all.extend_from_slice(more);
        self.brief.extend_from_slice(more);
        self
    }
}

/// The names a row serialises, in order.
fn names<R: serde::Serialize + ?Sized>(row: &R) -> Vec<&'static str> {
    let mut out = Vec::new();
    // A row type the renderer cannot read fails its own test (`every_row_type_has_its_columns`).
    let _ = visit(row, &mut |name, _| {
        out.push(name);
        Ok(())
    });
    out
}

/// What a command prints on standard output, declared before anything runs, so that `--columns`
/// is checked (or refused) before a notebook is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// Rows of one type.
    Rows(Columns),
    /// One object: its fields, then its sections by key.
    Record(Columns),
    /// Text with no columns (an article's body, a man page, a list of problems).
    Text,
    /// Nothing on standard output (messages go to standard error).
    Nothing,
}

impl Shape {
    pub fn rows<R: Row>() -> Shape {
        Shape::Rows(Columns::of::<R>())
    }

    /// A record of a row type, with extra fields and sections after its own.
    pub fn record<R: Row>(extra: &[&'static str]) -> Shape {
        Shape::Record(Columns::of::<R>().and(extra))
    }

    /// The columns `--columns` may name, if any.
    pub fn columns(&self) -> Option<&Columns> {
        match self {
            Shape::Rows(c) | Shape::Record(c) => Some(c),
            Shape::Text | Shape::Nothing => None,
        }
    }
}

/// One owned cell, for rows built at run time (the sections of a record).
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

    pub fn borrow(&self) -> CellRef<'_> {
        match self {
            Cell::Null => CellRef::Null,
            Cell::Int(n) => CellRef::Int(*n),
            Cell::Float(f) => CellRef::Float(*f),
            Cell::Bool(b) => CellRef::Bool(*b),
            Cell::Text(s) => CellRef::Text(s),
            Cell::List(l) => CellRef::List(l),
        }
    }
}

impl From<CellRef<'_>> for Cell {
    fn from(c: CellRef<'_>) -> Cell {
        match c {
            CellRef::Null => Cell::Null,
            CellRef::Int(n) => Cell::Int(n),
            CellRef::Float(f) => Cell::Float(f),
            CellRef::Bool(b) => Cell::Bool(b),
            CellRef::Text(s) => Cell::Text(s.to_string()),
            CellRef::List(l) => Cell::List(l.to_vec()),
        }
    }
}

impl CellRef<'_> {
    /// The cell as people read it: lists joined with `; `, numbers plain, empty for none.
    pub fn plain(&self) -> String {
        match self {
            CellRef::Null => String::new(),
            CellRef::Int(n) => n.to_string(),
            CellRef::Float(f) => format_float(*f),
            CellRef::Bool(b) => b.to_string(),
            CellRef::Text(s) => s.to_string(),
            CellRef::List(items) => items.join("; "),
        }
    }

    pub fn json(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            CellRef::Null => Value::Null,
            CellRef::Int(n) => Value::from(*n),
            CellRef::Float(f) => serde_json::Number::from_f64(*f).map(Value::Number).unwrap_or(Value::Null),
            CellRef::Bool(b) => Value::Bool(*b),
            CellRef::Text(s) => Value::String(s.to_string()),
            CellRef::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
        }
    }
}

/// Every cell of a row, in declared order.
pub fn cells_of<R: serde::Serialize + ?Sized>(row: &R) -> std::io::Result<Vec<(&'static str, Cell)>> {
    let mut out = Vec::new();
    visit(row, &mut |name, c| {
        out.push((name, Cell::from(c)));
        Ok(())
    })?;
    Ok(out)
}

/// Numbers with a fraction (weights) to four places, trailing zeros dropped.
pub fn format_float(f: f64) -> String {
    let s = format!("{f:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s.is_empty() || s == "-" || s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// One object with the rows related to it: a claim with its sources, figures and links; a
/// figure's reading with the steps that read it.
#[derive(Debug, Clone, Default)]
pub struct Record {
    /// The object's fields, in order.
    pub fields: Vec<(&'static str, Cell)>,
    pub sections: Vec<Section>,
    /// How people read the record as one line, when it is one (`init`: the notebook's path).
    pub line: Option<String>,
}

/// Rows related to a record, under a title for people and a key for programs.
#[derive(Debug, Clone)]
pub struct Section {
    /// Its name in JSON and in `--columns`.
    pub key: &'static str,
    /// Its heading for people.
    pub title: &'static str,
    pub body: Body,
}

#[derive(Debug, Clone)]
pub enum Body {
    /// Rows of one type, as cells in the order of their columns; `empty` says why there are none.
    Rows { columns: Columns, rows: Vec<Vec<Cell>>, empty: String },
    /// Numbered lines (how a figure was read): a list in a field for programs.
    Steps(Vec<String>),
}

impl Record {
    /// A record of one row: every column of its type.
    pub fn of<R: serde::Serialize>(row: &R) -> std::io::Result<Record> {
        Ok(Record { fields: cells_of(row)?, ..Record::default() })
    }

    pub fn of_fields(fields: Vec<(&'static str, Cell)>) -> Record {
        Record { fields, ..Record::default() }
    }

    /// One more field after the others.
    pub fn with(mut self, name: &'static str, cell: Cell) -> Record {
        self.fields.push((name, cell));
        self
    }

    /// One more field before the others (a warning that must be read first).
    pub fn first(mut self, name: &'static str, cell: Cell) -> Record {
        self.fields.insert(0, (name, cell));
        self
    }

    /// A section of rows of one type.
    pub fn section<R: Row>(
        self,
        key: &'static str,
        title: &'static str,
        rows: &[R],
        empty: &str,
    ) -> std::io::Result<Record> {
        self.section_in(key, title, Columns::of::<R>(), rows, empty)
    }

    /// A section of rows of one type, shown with other terminal choices than its type's (a
    /// measure's figures without the measure).
    pub fn section_in<R: serde::Serialize>(
        mut self,
        key: &'static str,
        title: &'static str,
        columns: Columns,
        rows: &[R],
        empty: &str,
    ) -> std::io::Result<Record> {
        let rows = rows
            .iter()
            .map(|r| Ok(cells_of(r)?.into_iter().map(|(_, c)| c).collect()))
            .collect::<std::io::Result<Vec<Vec<Cell>>>>()?;
        let body = Body::Rows { columns, rows, empty: empty.to_string() };
        self.sections.push(Section { key, title, body });
        Ok(self)
    }

    /// A section of numbered lines.
    pub fn steps(mut self, key: &'static str, title: &'static str, lines: Vec<String>) -> Record {
        self.sections.push(Section { key, title, body: Body::Steps(lines) });
        self
    }
}

#[cfg(test)]
mod tests;
