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

/// What a column needs: its natural width (its widest line), its header's width (never split),
/// and its longest word.
struct Need {
    natural: usize,
    head: usize,
    word: usize,
    cut: bool,
}

fn needs(header: Option<&[String]>, rows: &[Vec<Vec<String>>], cut: &[bool]) -> Vec<Need> {
    (0..cut.len())
        .map(|c| {
            let head = header.and_then(|h| h.get(c)).map(|h| display_width(h)).unwrap_or(0);
            let (mut natural, mut word) = (head, 0);
            for line in rows.iter().flat_map(|r| r[c].iter()) {
                natural = natural.max(display_width(line));
                for w in line.split(' ') {
                    word = word.max(display_width(w));
                }
            }
            Need { natural: natural.max(1), head, word, cut: cut[c] }
        })
        .collect()
}

impl Need {
    /// The narrowest the column may become at a level of squeezing: a cut column keeps a share
    /// of the room (it is the one a person reads), a wrapped one its words up to a cap (longer
    /// words are split), and no column is narrower than its header.
    fn least(&self, avail: usize, (word_cap, cut_share): (usize, usize)) -> usize {
        let floor = if self.cut { (avail / cut_share).max(8) } else { self.word.min(word_cap) };
        floor.max(self.head).min(self.natural).max(1)
    }
}

/// How hard columns are squeezed, gentlest first: (longest word kept whole, share of the room a
/// cut column keeps).
const SQUEEZE: [(usize, usize); 5] = [(24, 3), (16, 3), (12, 4), (8, 5), (1, usize::MAX)];

/// Column widths that fit `avail` columns of text: every column gets its natural width up to a
/// common cap, and the cap is the largest that fits (never below a column's least width, at the
/// gentlest squeeze that fits).
fn fit(needs: &[Need], avail: Option<usize>) -> Vec<usize> {
    let natural: Vec<usize> = needs.iter().map(|n| n.natural).collect();
    let Some(avail) = avail else { return natural };
    if natural.iter().sum::<usize>() <= avail {
        return natural;
    }
    let at_level = |level: (usize, usize)| -> Vec<usize> { needs.iter().map(|n| n.least(avail, level)).collect() };
    let least = SQUEEZE
        .iter()
        .map(|level| at_level(*level))
        .find(|l| l.iter().sum::<usize>() <= avail)
        .unwrap_or_else(|| at_level(SQUEEZE[SQUEEZE.len() - 1]));
    let at = |cap: usize| -> Vec<usize> { natural.iter().zip(&least).map(|(n, l)| (*n).min(cap).max(*l)).collect() };
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
    for (w, n) in widths.iter_mut().zip(&natural) {
        if left == 0 {
            break;
        }
        if *w < *n {
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
