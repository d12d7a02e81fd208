//! JSON (an array of objects) and JSONL (one object a line). Lists are arrays, an open bound is
//! null. On a terminal, characters that would act on it are escaped.

use std::io::{self, Write};

use serde_json::Value;

use super::{escape_controls, CellRef, Options, Picked};
use crate::vocab::Format;

pub struct JsonWriter<W: Write> {
    out: W,
    pick: Picked,
    lines: bool,
    terminal: bool,
    rows: usize,
}

impl<W: Write> JsonWriter<W> {
    pub fn new(mut out: W, opts: &Options, pick: Picked) -> io::Result<JsonWriter<W>> {
        let lines = opts.format == Format::Jsonl;
        if !lines {
            out.write_all(b"[")?;
        }
        Ok(JsonWriter { out, pick, lines, terminal: opts.terminal, rows: 0 })
    }

    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        if self.pick.identity && !self.terminal {
            self.separator()?;
            serde_json::to_writer(&mut self.out, row)?;
            return self.end_row();
        }
        let cells = self.pick.collect(row)?;
        let refs: Vec<CellRef<'_>> = cells.iter().map(|c| c.borrow()).collect();
        self.object(&refs)
    }

    pub fn cells(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        let picked = self.pick.select(cells);
        self.object(&picked)
    }

    fn object(&mut self, picked: &[CellRef<'_>]) -> io::Result<()> {
        let mut map = serde_json::Map::new();
        for (name, cell) in self.pick.names.iter().zip(picked) {
            map.insert(name.clone(), cell.json());
        }
        self.separator()?;
        write_value(&mut self.out, &Value::Object(map), false, self.terminal)?;
        self.end_row()
    }

    fn separator(&mut self) -> io::Result<()> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"\n" } else { b",\n" })?;
        }
        Ok(())
    }

    fn end_row(&mut self) -> io::Result<()> {
        if self.lines {
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if !self.lines {
            self.out.write_all(if self.rows == 0 { b"]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Writes one value, pretty or compact, escaped when the output is a terminal. No newline.
/// Streamed straight to the output unless it must be escaped for a terminal.
pub fn write_value<W: Write, T: serde::Serialize + ?Sized>(
    out: &mut W,
    value: &T,
    pretty: bool,
    terminal: bool,
) -> io::Result<()> {
    if terminal {
        let text = if pretty { serde_json::to_string_pretty(value)? } else { serde_json::to_string(value)? };
        out.write_all(escape_controls(&text, true).as_bytes())?;
    } else if pretty {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    if pretty {
        out.write_all(b"\n")?;
    }
    Ok(())
}
