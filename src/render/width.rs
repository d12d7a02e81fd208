//! How wide text is on a terminal, and cutting text into lines of a given width. Terminals draw
//! one column per Arabic letter (a lam-alef pair is two columns, though the font may join them),
//! none for harakat, isolates and other invisible marks, and two for wide East Asian characters
//! and emoji. The table library measures with `unicode-width`, which counts lam-alef as one
//! column; [`terminal_form`] rewrites a line so that both measures agree.

use unicode_width::UnicodeWidthChar;

/// Invisible format characters: zero columns whatever a width table says.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{061C}' | '\u{00AD}' | '\u{FE00}'..='\u{FE0F}')
}

fn is_lam(c: char) -> bool {
    c == '\u{0644}'
}

fn is_alef(c: char) -> bool {
    matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0627}' | '\u{0671}')
}

/// Columns one character takes on a terminal.
pub fn char_width(c: char) -> usize {
    if is_format(c) {
        return 0;
    }
    c.width().unwrap_or(0)
}

/// Columns a line takes on a terminal: the sum of its characters' widths.
pub fn display_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// The line as it is handed to the table library: a zero-width non-joiner between lam and alef
/// (so the library counts the two columns the terminal draws), and no zero-width joiners or
/// variation selectors (so an emoji sequence counts what the terminal draws, one emoji at a
/// time). The text reads the same; only invisible characters change.
pub fn terminal_form(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut after_lam = false;
    for c in s.chars() {
        if matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}') {
            continue;
        }
        if after_lam && is_alef(c) {
            out.push('\u{200C}');
        }
        out.push(c);
        // Harakat between lam and alef still make the ligature.
        if is_lam(c) {
            after_lam = true;
        } else if char_width(c) > 0 {
            after_lam = false;
        }
    }
    out
}

/// Splits one line into lines of at most `width` columns, breaking at spaces; a word wider than
/// the column is broken inside only when it does not fit on a line of its own.
pub fn wrap(line: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if display_width(line) <= width {
        return vec![line.to_string()];
    }
    let mut lines = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let w = display_width(word);
        let needed = if current.is_empty() { w } else { current_width + 1 + w };
        if needed <= width {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
            current_width = needed;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if w <= width {
            current.push_str(word);
            current_width = w;
        } else {
            let mut pieces = break_word(word, width);
            let last = pieces.pop().unwrap_or_default();
            lines.extend(pieces);
            current_width = display_width(&last);
            current = last;
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// Breaks a word into pieces of at most `width` columns (at least one character each).
fn break_word(word: &str, width: usize) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    let mut piece_width = 0;
    for c in word.chars() {
        let w = char_width(c);
        if piece_width + w > width && !piece.is_empty() {
            pieces.push(std::mem::take(&mut piece));
            piece_width = 0;
        }
        piece.push(c);
        piece_width += w;
    }
    if !piece.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// The line cut to at most `width` columns at a word boundary, ending in `…` when cut. A first
/// word wider than the column is cut inside.
pub fn cut(line: &str, width: usize) -> String {
    if display_width(line) <= width {
        return line.to_string();
    }
    let room = width.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for word in line.split(' ').filter(|w| !w.is_empty()) {
        let w = display_width(word);
        let needed = if out.is_empty() { w } else { used + 1 + w };
        if needed > room {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        used = needed;
    }
    if out.is_empty() {
        out = break_word(line, room.max(1)).into_iter().next().unwrap_or_default();
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn terminals_draw_lam_alef_as_two_columns() {
        assert_eq!(display_width("لا"), 2);
        assert_eq!(display_width("مقاتلاً"), 6);
        assert_eq!(display_width("الأجانب"), 7);
        assert_eq!(display_width("لَا"), 2);
        assert_eq!(display_width("\u{2068}abc\u{2069}"), 3);
        assert_eq!(display_width("漢字👍"), 6);
    }

    #[test]
    fn the_terminal_form_measures_alike_in_both_tables() {
        for s in ["لا", "مقاتلاً الأجانب", "لَا إلى", "👨\u{200D}👩\u{200D}👧", "☺\u{FE0F}", "漢字 and لأ", "plain"]
        {
            let t = terminal_form(s);
            assert_eq!(t.width(), display_width(&t), "{s:?}");
            assert_eq!(display_width(&t), display_width(s).max(display_width(&t)), "{s:?}");
        }
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_only_splits_words_that_cannot_fit() {
        assert_eq!(wrap("قال ناشطون محليون إن", 10), ["قال ناشطون", "محليون إن"]);
        assert_eq!(wrap("abcdefghij kl", 4), ["abcd", "efgh", "ij", "kl"]);
        for line in wrap("the quick brown fox jumps over the lazy dog", 9) {
            assert!(display_width(&line) <= 9, "{line}");
        }
    }

    #[test]
    fn cutting_ends_at_a_word_with_an_ellipsis() {
        assert_eq!(cut("more than 60 foreign fighters", 16), "more than 60…");
        assert_eq!(cut("short", 16), "short");
        assert_eq!(display_width(&cut("abcdefghijklmnop", 5)), 5);
    }
}
