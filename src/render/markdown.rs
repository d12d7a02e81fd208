//! Markdown tables for reports: pipes and backslashes escaped, newlines as `<br>`, control
//! characters shown escaped.

use std::io::{self, Write};

use super::{escape_controls, CellRef, Options, Picked};

pub struct MarkdownWriter<W: Write> {
    out: W,
    pick: Picked,
}

fn cell(s: &str) -> String {
    escape_controls(s, false).replace('\\', "\\\\").replace('|', "\\|").replace('\n', "<br>")
}

impl<W: Write> MarkdownWriter<W> {
    pub fn new(mut out: W, _opts: &Options, pick: Picked) -> io::Result<MarkdownWriter<W>> {
        let head: Vec<String> = pick.names.iter().map(|c| cell(c)).collect();
        writeln!(out, "| {} |", head.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(pick.names.len()))?;
        Ok(MarkdownWriter { out, pick })
    }

    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        let cells = self.pick.collect(row)?;
        let refs: Vec<CellRef<'_>> = cells.iter().map(|c| c.borrow()).collect();
        self.line(&refs)
    }

    pub fn cells(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        let picked = self.pick.select(cells);
        self.line(&picked)
    }

    fn line(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        let text: Vec<String> = cells.iter().map(|c| cell(&c.plain())).collect();
        writeln!(self.out, "| {} |", text.join(" | "))
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}
