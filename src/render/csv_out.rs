//! CSV and TSV: RFC 4180, one header row, streamed. Text cells that a spreadsheet would read as
//! a formula are guarded (unless `--raw`); lists are one cell (see `join_list`).

use std::borrow::Cow;
use std::io::{self, Write};

use super::{escape_controls, guard_formula, join_list, visit, CellRef, FieldError, Options, Picked};
use crate::vocab::Format;

pub struct CsvWriter<W: Write> {
    out: csv::Writer<W>,
    pick: Picked,
    guard: bool,
    /// Escape control characters: the output is a terminal.
    escape: bool,
    number: String,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(mut out: W, opts: &Options, pick: Picked) -> io::Result<CsvWriter<W>> {
        if opts.bom {
            out.write_all("\u{FEFF}".as_bytes())?;
        }
        let delimiter = if opts.format == Format::Tsv { b'\t' } else { b',' };
        let mut w = CsvWriter {
            out: csv::WriterBuilder::new().delimiter(delimiter).buffer_capacity(1 << 16).from_writer(out),
            guard: !opts.raw,
            escape: opts.terminal,
            number: String::with_capacity(24),
            pick,
        };
        let names = w.pick.names.clone();
        for n in &names {
            w.field(CellRef::Text(n))?;
        }
        w.end_record()?;
        Ok(w)
    }

    fn field(&mut self, cell: CellRef<'_>) -> io::Result<()> {
        let text: Cow<'_, str> = match cell {
            CellRef::Null => Cow::Borrowed(""),
            CellRef::Int(n) => {
                use std::fmt::Write as _;
                self.number.clear();
                let _ = write!(self.number, "{n}");
                return self.out.write_field(self.number.as_bytes()).map_err(io::Error::other);
            }
            CellRef::Float(f) => Cow::Owned(super::format_float(f)),
            CellRef::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
            CellRef::Text(s) => self.guarded(s),
            CellRef::List(items) => Cow::Owned(self.guarded(&join_list(items)).into_owned()),
        };
        self.out.write_field(text.as_bytes()).map_err(io::Error::other)
    }

    fn guarded<'a>(&self, s: &'a str) -> Cow<'a, str> {
        let s = if self.escape { Cow::Owned(escape_controls(s, true)) } else { Cow::Borrowed(s) };
        if !self.guard {
            return s;
        }
        match s {
            Cow::Borrowed(b) => guard_formula(b),
            Cow::Owned(o) => Cow::Owned(guard_formula(&o).into_owned()),
        }
    }

    fn end_record(&mut self) -> io::Result<()> {
        self.out.write_record(None::<&[u8]>).map_err(io::Error::other)
    }

    /// A row streams straight from its fields when every column is printed in order: the text
    /// goes from the row to the file without a copy.
    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        if self.pick.identity {
            visit(row, &mut |_, c| self.field(c).map_err(FieldError::Io))?;
        } else {
            let cells = self.pick.collect(row)?;
            for c in &cells {
                self.field(c.borrow())?;
            }
        }
        self.end_record()
    }

    pub fn cells(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        for c in self.pick.select(cells) {
            self.field(c)?;
        }
        self.end_record()
    }

    pub fn finish(self) -> io::Result<W> {
        let mut out =
            self.out.into_inner().map_err(|e| io::Error::new(e.error().kind(), e.error().to_string()))?;
        out.flush()?;
        Ok(out)
    }
}
