//! Terminal tables. The layout is ours (columns sized to the terminal, text wrapped at spaces,
//! words split only when one does not fit, headers never split, each visual line of Arabic
//! text in its own isolate pair); comfy-table draws the borders around lines that are already
//! laid out, measured the way the terminal will draw them (see `width`).

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use super::width::{cut, display_width, terminal_form, wrap};
use super::{escape_controls, has_rtl, CellRef, Options, Picked};

pub struct TableWriter<W: Write> {
    out: W,
    pick: Picked,
    cut: Vec<bool>,
    width: Option<usize>,
    rows: Vec<Vec<String>>,
    empty: Option<String>,
}

impl<W: Write> TableWriter<W> {
    pub fn new(out: W, opts: &Options, pick: Picked, cut: Vec<bool>) -> TableWriter<W> {
        TableWriter { out, pick, cut, width: opts.width, rows: Vec::new(), empty: opts.empty.clone() }
    }

    pub fn row<R: serde::Serialize + ?Sized>(&mut self, row: &R) -> io::Result<()> {
        let cells = self.pick.collect(row)?;
        self.rows.push(cells.iter().map(|c| c.borrow().plain()).collect());
        Ok(())
    }

    pub fn cells(&mut self, cells: &[CellRef<'_>]) -> io::Result<()> {
        self.rows.push(self.pick.select(cells).iter().map(CellRef::plain).collect());
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        if self.rows.is_empty() {
            if let Some(line) = &self.empty {
                writeln!(self.out, "{line}")?;
                self.out.flush()?;
                return Ok(self.out);
            }
        }
        write_grid(&mut self.out, Some(&self.pick.names), &self.rows, &self.cut, self.width)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Columns a table needs around its cells: a border and a space each side of every cell.
fn frame(columns: usize) -> usize {
    3 * columns + 1
}

/// The widest a column must be, and the narrowest it may become.
struct Need {
    natural: usize,
    least: usize,
}

fn needs(header: Option<&[String]>, rows: &[Vec<Vec<String>>], cut: &[bool]) -> Vec<Need> {
    (0..cut.len())
        .map(|c| {
            let head = header.and_then(|h| h.get(c)).map(|h| display_width(h)).unwrap_or(0);
            let lines = rows.iter().flat_map(|r| r[c].iter());
            let (mut natural, mut longest_word) = (head, 0);
            for line in lines {
                natural = natural.max(display_width(line));
                for word in line.split(' ') {
                    longest_word = longest_word.max(display_width(word));
                }
            }
            // A header is never split; a cut column may shrink to a few words; a wrapped column
            // keeps room for its words up to a point (longer words are split).
            let least = if cut[c] { head.max(8) } else { head.max(longest_word.min(16)) }.max(1);
            Need { natural, least: least.min(natural.max(1)) }
        })
        .collect()
}

/// Column widths that fit `avail` columns of text: every column gets its natural width up to a
/// common cap, and the cap is the largest that fits (never below a column's least width).
fn fit(needs: &[Need], avail: Option<usize>) -> Vec<usize> {
    let natural: Vec<usize> = needs.iter().map(|n| n.natural.max(1)).collect();
    let Some(avail) = avail else { return natural };
    if natural.iter().sum::<usize>() <= avail {
        return natural;
    }
    let at =
        |cap: usize| -> Vec<usize> { needs.iter().map(|n| n.natural.min(cap).max(n.least).max(1)).collect() };
    let (mut lo, mut hi) = (1, natural.iter().copied().max().unwrap_or(1));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if at(mid).iter().sum::<usize>() <= avail {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths = at(lo);
    // Hand what is left to the columns the cap cut, one column each.
    let mut left = avail.saturating_sub(widths.iter().sum());
    for (w, n) in widths.iter_mut().zip(needs) {
        if left == 0 {
            break;
        }
        if *w < n.natural {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

/// One visual line as the terminal gets it: right-to-left text in its own isolate pair, and the
/// invisible adjustments that make the table library measure it as the terminal draws it.
fn visual(line: &str) -> String {
    if has_rtl(line) {
        terminal_form(&format!("\u{2068}{line}\u{2069}"))
    } else {
        terminal_form(line)
    }
}

/// Lays out and writes a table. `cut[c]` keeps column `c` to one line, cut with `…`.
pub fn write_grid<W: Write>(
    out: &mut W,
    header: Option<&[String]>,
    rows: &[Vec<String>],
    cut_columns: &[bool],
    width: Option<usize>,
) -> io::Result<()> {
    let header: Option<Vec<String>> = header.map(|h| h.iter().map(|c| escape_controls(c, false)).collect());
    let paragraphs: Vec<Vec<Vec<String>>> = rows
        .iter()
        .map(|r| {
            (0..cut_columns.len())
                .map(|c| {
                    let text = escape_controls(r.get(c).map(String::as_str).unwrap_or(""), false);
                    if cut_columns[c] {
                        vec![text.split_whitespace().collect::<Vec<_>>().join(" ")]
                    } else {
                        text.lines().map(|l| l.trim_end().to_string()).collect()
                    }
                })
                .collect()
        })
        .collect();
    let needs = needs(header.as_deref(), &paragraphs, cut_columns);
    let widths = fit(&needs, width.map(|w| w.saturating_sub(frame(cut_columns.len()))));
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty();
    if let Some(h) = &header {
        table.set_header(h.iter().map(|c| visual(c)).collect::<Vec<_>>());
    }
    for row in &paragraphs {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, pars)| {
                let lines: Vec<String> = if cut_columns[c] {
                    pars.iter().map(|p| cut(p, widths[c])).collect()
                } else {
                    pars.iter().flat_map(|p| wrap(p, widths[c])).collect()
                };
                lines.iter().map(|l| visual(l)).collect::<Vec<_>>().join("\n")
            })
            .collect();
        table.add_row(cells);
    }
    writeln!(out, "{table}")
}
