//! Rows for programs reading a pipe (`crosscheck source list | grep ...`): one header line, then
//! one line a row, cells separated by tabs, the text exactly as stored. Nothing is quoted,
//! guarded, cut, isolated or coloured; only what would break a line or a cell is escaped, as
//! `\t`, `\n`, `\r` and `\\`, and what would act on a terminal at the end of the pipe (an
//! escape sequence or a bidi override in imported text) as everywhere else (`\e`, `\u{202E}`).
//! Lists are one cell, as in CSV (`a; b`).

use std::io::{self, Write};

use super::{join_list, CellRef, Picked};

pub struct PlainWriter<W: Write> {
    out: W,
    pick: Picked,
    line: String,
}

/// A cell's text with what would break the line or the cell escaped.
pub fn escape(s: &str, into: &mut String) {
    for c in s.chars() {
        match c {
            '\t' => into.push_str("\\t"),
            '\n' => into.push_str("\\n"),
            '\r' => into.push_str("\\r"),
            '\\' => into.push_str("\\\\"),
            c if c.is_control() || super::is_bidi_control(c) => {
                into.push_str(&super::escape_controls(c.encode_utf8(&mut [0; 4]), false))
            }
            c => into.push(c),
        }
    }
}

/// One line of cells.
pub fn line(cells: &[CellRef<'_>], into: &mut String) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            into.push('\t');
        }
        match c {
            CellRef::List(items) => escape(&join_list(items), into),
            CellRef::Text(s) => escape(s, into),
            other => escape(&other.plain(), into),
        }
    }
    into.push('\n');
}

impl<W: Write> PlainWriter<W> {
    pub fn new(mut out: W, pick: Picked) -> io::Result<PlainWriter<W>> {
        let mut head = String::new();
        let names: Vec<CellRef<'_>> = pick.names.iter().map(|n| CellRef::Text(n)).collect();
        line(&names, &mut head);
        out.write_all(head.as_bytes())?;
        Ok(PlainWriter { out, pick, line: String::new() })
    }

    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        let cells = self.pick.collect(row)?;
        let refs: Vec<CellRef<'_>> = cells.iter().map(|c| c.borrow()).collect();
        self.write(&refs)
    }

    pub fn cells(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        let picked = self.pick.select(cells);
        self.write(&picked)
    }

    fn write(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        self.line.clear();
        line(cells, &mut self.line);
        self.out.write_all(self.line.as_bytes())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
