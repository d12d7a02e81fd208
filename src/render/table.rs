//! Terminal tables. The layout is ours: which columns fit (the last ones left out rather than
//! every word split), their widths, text wrapped at spaces (a word split only when it does not
//! fit, and then marked `…`), headers never split, each visual line of Arabic text in its own
//! isolate pair. comfy-table then draws the box around the laid-out lines at the fixed widths
//! we give it. It measures text with `unicode-width`, which counts a lam-alef as one column
//! where terminals draw two; each line goes to it with as many placeholders after it as it
//! counts short, taken out of the drawn lines again, so the letters reach the terminal exactly
//! as stored and the borders meet.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ColumnConstraint, ContentArrangement, Table, Width};
use unicode_width::UnicodeWidthStr;

use super::width::{cut, display_width, terminal_form, wrap, PLACEHOLDER};
use super::{escape_controls, has_rtl, CellRef, Options, Picked};

pub struct TableWriter<W: Write> {
    out: W,
    pick: Picked,
    cut: Vec<bool>,
    width: Option<usize>,
    rows: Vec<Vec<String>>,
    empty: Option<String>,
    /// The columns were chosen for the reader (not by `--columns` or `--wide`): a column with
    /// nothing in any row is left out rather than drawn empty.
    drop_empty: bool,
}

impl<W: Write> TableWriter<W> {
    pub fn new(out: W, opts: &Options, pick: Picked, cut: Vec<bool>) -> TableWriter<W> {
        TableWriter {
            out,
            pick,
            cut,
            width: opts.width,
            rows: Vec::new(),
            empty: opts.empty.clone(),
            drop_empty: opts.pick == super::Pick::Default,
        }
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
        let mut names = self.pick.names.clone();
        if self.drop_empty {
            drop_empty_columns(&mut names, &mut self.rows, &mut self.cut);
            if let Some(width) = self.width {
                drop_columns_that_do_not_fit(&mut names, &mut self.rows, &mut self.cut, width);
            }
        }
        write_grid(&mut self.out, Some(&names), &self.rows, &self.cut, self.width)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Leaves out the columns that hold nothing in any row (keeping at least one column).
fn drop_empty_columns(names: &mut Vec<String>, rows: &mut [Vec<String>], cut: &mut Vec<bool>) {
    if rows.is_empty() {
        return;
    }
    let keep: Vec<bool> = (0..names.len())
        .map(|c| rows.iter().any(|r| r.get(c).is_some_and(|v| !v.trim().is_empty())))
        .collect();
    if !keep.iter().any(|k| *k) || keep.iter().all(|k| *k) {
        return;
    }
    fn kept<T>(v: &mut Vec<T>, keep: &[bool]) {
        let mut i = 0;
        v.retain(|_| {
            i += 1;
            keep.get(i - 1).copied().unwrap_or(true)
        });
    }
    kept(names, &keep);
    kept(cut, &keep);
    for r in rows.iter_mut() {
        kept(r, &keep);
    }
}

/// The longest word a column of the reader's choice keeps whole before lower columns are left out.
const WHOLE_WORD: usize = 16;

/// Leaves out the last columns (the reader's columns come first, the least read last) while the
/// rest cannot be drawn at `width` without splitting their words (up to [`WHOLE_WORD`] columns
/// long) or a one-line column narrower than 8 columns: a narrow terminal shows fewer columns,
/// whole, rather than every column in slivers. `--wide` and `--columns` keep what they ask for.
fn drop_columns_that_do_not_fit(
    names: &mut Vec<String>,
    rows: &mut [Vec<String>],
    cut: &mut Vec<bool>,
    width: usize,
) {
    let header: Vec<String> = names.iter().map(|c| escape_controls(c, false)).collect();
    let needs = needs(Some(&header), rows.iter().map(|r| paragraphs(r, cut)), cut);
    let least: Vec<usize> = needs
        .iter()
        .map(|n| {
            let floor = if n.cut { 8 } else { n.word.min(WHOLE_WORD) };
            floor.max(n.head).min(n.natural).max(1)
        })
        .collect();
    let mut keep = names.len();
    while keep > 2 && least[..keep].iter().sum::<usize>() + frame(keep) > width {
        keep -= 1;
    }
    if keep < names.len() {
        names.truncate(keep);
        cut.truncate(keep);
        for r in rows.iter_mut() {
            r.truncate(keep);
        }
    }
}

/// A column of file paths, cut at the folder so that the file's name stays whole: a long
/// path is shown by its end, `…nested folder/report-12.txt`.
fn is_path_column(name: &str) -> bool {
    name == "path"
}

/// The end of a path that fits `width`, after `…`.
fn cut_folder(line: &str, width: usize) -> String {
    if display_width(line) <= width {
        return line.to_string();
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut start = line.len();
    for (i, ch) in line.char_indices().rev() {
        let w = display_width(ch.encode_utf8(&mut [0; 4]));
        if used + w > room {
            break;
        }
        used += w;
        start = i;
    }
    // Start at a folder's boundary when the end holds one: `…/reports/12.txt`, not `…ports/12.txt`.
    let tail = &line[start..];
    match tail.find('/') {
        Some(i) if i > 0 => format!("…{}", &tail[i..]),
        _ => format!("…{tail}"),
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

fn needs(header: Option<&[String]>, rows: impl Iterator<Item = Vec<Vec<String>>>, cut: &[bool]) -> Vec<Need> {
    let mut needs: Vec<Need> = (0..cut.len())
        .map(|c| {
            let head = header.and_then(|h| h.get(c)).map(|h| display_width(h)).unwrap_or(0);
            Need { natural: head.max(1), head, word: 0, cut: cut[c] }
        })
        .collect();
    for row in rows {
        for (need, lines) in needs.iter_mut().zip(&row) {
            for line in lines {
                need.natural = need.natural.max(display_width(line));
                for w in line.split(' ') {
                    need.word = need.word.max(display_width(w));
                }
            }
        }
    }
    needs
}

impl Need {
    /// The narrowest the column may become at a level of squeezing: a cut column keeps a share
    /// of the room (it is the one a person reads), a wrapped one its words up to a cap (longer
    /// words are split), and no column is narrower than its header.
    fn least(&self, avail: usize, (word_cap, cut_share): (usize, usize)) -> usize {
        // A column of single words (keys, dates, names without spaces) keeps them whole up to
        // the gentlest cap until the last level: `defectors.foreign` is not split.
        let word_cap =
            if self.natural == self.word && word_cap > 1 { word_cap.max(SQUEEZE[0].0) } else { word_cap };
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
    let at_level =
        |level: (usize, usize)| -> Vec<usize> { needs.iter().map(|n| n.least(avail, level)).collect() };
    let least = SQUEEZE
        .iter()
        .map(|level| at_level(*level))
        .find(|l| l.iter().sum::<usize>() <= avail)
        .unwrap_or_else(|| at_level(SQUEEZE[SQUEEZE.len() - 1]));
    let at = |cap: usize| -> Vec<usize> {
        natural.iter().zip(&least).map(|(n, l)| (*n).min(cap).max(*l)).collect()
    };
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

/// One visual line as the table library gets it: right-to-left text in its own isolate pair,
/// then a [`PLACEHOLDER`] for each column the library's measure counts short of the terminal's
/// (one per lam-alef), taken out again once the box is drawn.
fn visual(line: &str) -> String {
    let mut line =
        if has_rtl(line) { terminal_form(&format!("\u{2068}{line}\u{2069}")) } else { terminal_form(line) };
    let short = display_width(&line).saturating_sub(line.width());
    line.extend(std::iter::repeat_n(PLACEHOLDER, short));
    line
}

/// The widest a column is drawn, whatever its text.
const COLUMN_CAP: usize = 16_000;

/// Rows drawn at once: a long table is drawn in slices of the same widths, joined where the
/// borders meet, so its memory does not grow with its length.
const SLICE: usize = 512;

/// A row's cells as paragraphs of text: a cut column one line, the others their lines.
fn paragraphs(row: &[String], cut_columns: &[bool]) -> Vec<Vec<String>> {
    (0..cut_columns.len())
        .map(|c| {
            let text = escape_controls(row.get(c).map(String::as_str).unwrap_or(""), false);
            if cut_columns[c] {
                vec![text.split_whitespace().collect::<Vec<_>>().join(" ")]
            } else {
                text.lines().map(|l| l.trim_end().to_string()).collect()
            }
        })
        .collect()
}

/// Lays out and writes a table. `cut[c]` keeps column `c` to one line, cut with `…`.
pub fn write_grid<W: Write>(
    out: &mut W,
    header: Option<&[String]>,
    rows: &[Vec<String>],
    cut_columns: &[bool],
    width: Option<usize>,
) -> io::Result<()> {
    write_slices(out, header, rows, cut_columns, width, SLICE)
}

fn write_slices<W: Write>(
    out: &mut W,
    header: Option<&[String]>,
    rows: &[Vec<String>],
    cut_columns: &[bool],
    width: Option<usize>,
    slice_rows: usize,
) -> io::Result<()> {
    let header: Option<Vec<String>> = header.map(|h| h.iter().map(|c| escape_controls(c, false)).collect());
    let paths: Vec<bool> = (0..cut_columns.len())
        .map(|c| header.as_ref().and_then(|h| h.get(c)).is_some_and(|n| is_path_column(n)))
        .collect();
    let needs = needs(header.as_deref(), rows.iter().map(|r| paragraphs(r, cut_columns)), cut_columns);
    // With no width to fit (a terminal that gives none), a column is still held to what the
    // table library measures in 16 bits: a longer line it would split itself, one piece at a
    // time over the rest of the line (a 32 MB note took 39 s).
    let widths: Vec<usize> = fit(&needs, width.map(|w| w.saturating_sub(frame(cut_columns.len()))))
        .into_iter()
        .map(|w| w.min(COLUMN_CAP))
        .collect();
    let lay_out = |row: &[String]| -> Vec<Vec<String>> {
        paragraphs(row, cut_columns)
            .iter()
            .enumerate()
            .map(|(c, pars)| {
                if cut_columns[c] && paths[c] {
                    pars.iter().map(|p| cut_folder(p, widths[c])).collect()
                } else if cut_columns[c] {
                    pars.iter().map(|p| cut(p, widths[c])).collect()
                } else {
                    pars.iter().flat_map(|p| wrap(p, widths[c])).collect()
                }
            })
            .collect()
    };
    let slices = rows.len().div_ceil(slice_rows).max(1);
    // A table of one slice is laid out once; a longer one is laid out again slice by slice, so
    // that its memory does not grow with its length.
    let laid: Option<Vec<Vec<Vec<String>>>> =
        (slices == 1).then(|| rows.iter().map(|r| lay_out(r)).collect());
    // What each column is drawn at: its widest laid-out line (or header), the same in every
    // slice, handed to the table library as a fixed width.
    let mut drawn: Vec<usize> = header
        .as_ref()
        .map(|h| h.iter().map(|c| display_width(c)).collect())
        .unwrap_or_else(|| vec![0; cut_columns.len()]);
    let mut widen = |lines: &[Vec<String>]| {
        for (d, lines) in drawn.iter_mut().zip(lines) {
            *d = lines.iter().map(|l| display_width(l)).fold(*d, usize::max);
        }
    };
    match &laid {
        Some(laid) => laid.iter().for_each(|r| widen(r)),
        None => rows.iter().for_each(|r| widen(&lay_out(r))),
    }
    for (k, slice) in rows.chunks(slice_rows).chain((rows.is_empty()).then_some(&rows[..0])).enumerate() {
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Disabled)
            .force_no_tty();
        if let (0, Some(h)) = (k, &header) {
            table.set_header(h.iter().map(|c| visual(c)).collect::<Vec<_>>());
        }
        for (i, row) in slice.iter().enumerate() {
            let cells = |lines: &[Vec<String>]| -> Vec<String> {
                lines.iter().map(|l| l.iter().map(|l| visual(l)).collect::<Vec<_>>().join("\n")).collect()
            };
            table.add_row(match &laid {
                Some(laid) => cells(&laid[i]),
                None => cells(&lay_out(row)),
            });
        }
        // Each column at its text's width and a space each side (the library's padding).
        table.set_constraints(
            drawn
                .iter()
                .map(|w| ColumnConstraint::Absolute(Width::Fixed(u16::try_from(w + 2).unwrap_or(u16::MAX)))),
        );
        let lines: Vec<String> = table.lines().collect();
        let from = usize::from(k > 0);
        let to = if k + 1 < slices { lines.len() - 1 } else { lines.len() };
        for line in &lines[from..to.max(from)] {
            if line.contains(PLACEHOLDER) {
                writeln!(out, "{}", line.replace(PLACEHOLDER, ""))?;
            } else {
                writeln!(out, "{line}")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn drawn(
        header: Option<&[String]>,
        rows: &[Vec<String>],
        cut: &[bool],
        width: Option<usize>,
        slice: usize,
    ) -> String {
        let mut out = Vec::new();
        write_slices(&mut out, header, rows, cut, width, slice).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn an_unbroken_word_longer_than_the_library_measures_is_wrapped_by_us_in_linear_time() {
        // 2,000,000 columns in one word, no terminal width: before the cap, the table library
        // split it itself, measuring the rest of the line again for every piece.
        let note = "x".repeat(2_000_000);
        let rows = vec![vec!["note".to_string(), note]];
        let out = drawn(None, &rows, &[false, false], None, SLICE);
        let widest = out.lines().map(display_width).max().unwrap();
        assert!(widest <= COLUMN_CAP + 20, "{widest}");
        assert_eq!(out.matches('x').count(), 2_000_000);
    }

    #[test]
    fn a_long_path_is_cut_at_a_folder_and_keeps_its_file_name() {
        let p = "reports/december/الرقة/market-report-12.txt";
        assert_eq!(cut_folder(p, 60), p);
        assert_eq!(cut_folder(p, 30), "…/الرقة/market-report-12.txt");
        assert_eq!(cut_folder(p, 22), "…/market-report-12.txt");
        assert_eq!(cut_folder(p, 10), "…rt-12.txt");
        for w in 4..50 {
            assert!(display_width(&cut_folder(p, w)) <= w, "{w}");
        }
    }

    #[test]
    fn a_column_empty_in_every_row_is_left_out() {
        let mut names: Vec<String> = ["path", "id", "error"].map(String::from).to_vec();
        let mut rows = vec![
            vec!["a.txt".to_string(), "1".into(), "".into()],
            vec!["b.txt".into(), "".into(), " ".into()],
        ];
        let mut cut = vec![true, false, false];
        drop_empty_columns(&mut names, &mut rows, &mut cut);
        assert_eq!(names, ["path", "id"]);
        assert_eq!(rows[1], ["b.txt", ""]);
        assert_eq!(cut, [true, false]);
    }

    proptest! {
        /// A table drawn in slices is the table drawn at once, line for line.
        #[test]
        fn slices_join_into_the_whole_table(
            rows in prop::collection::vec(prop::collection::vec("[a-z ]{0,12}|[\u{0627}-\u{064A} ]{0,10}|[0-9]{1,4}\n[a-z]{1,5}", 3), 0..12),
            slice in 1usize..5,
            width in prop::option::of(20usize..60),
            with_header: bool,
        ) {
            let header: Vec<String> = vec!["id".into(), "quote".into(), "source".into()];
            let head = with_header.then_some(header.as_slice());
            let cut = [false, true, false];
            prop_assert_eq!(drawn(head, &rows, &cut, width, slice), drawn(head, &rows, &cut, width, usize::MAX));
        }
    }
}
