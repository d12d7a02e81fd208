//! How wide text is on a terminal, and cutting text into lines of a given width. Terminals draw
//! one column per Arabic letter (a lam-alef pair is two columns, though the font may join them),
//! none for harakat, isolates and other invisible marks, and two for wide East Asian characters
//! and emoji. Tables are laid out by this measure, not by `unicode-width`'s string width (which
//! counts a lam-alef as one column); the table library is told the difference with
//! [`PLACEHOLDER`]s that never reach the terminal, so no invisible character is added to the
//! letters.

use unicode_width::UnicodeWidthChar;

/// Invisible format characters: zero columns whatever a width table says.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{061C}' | '\u{00AD}' | '\u{FE00}'..='\u{FE0F}')
}

/// Stands, in a line handed to the table library, for a column the library's measure counts
/// short of the terminal's; taken out of the drawn table. A private-use character, escaped when
/// it comes in the text itself (see `escape_controls`).
pub const PLACEHOLDER: char = '\u{10FFFD}';

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

/// The line as the terminal gets it: no zero-width joiners or variation selectors, so that an
/// emoji sequence takes what [`display_width`] counts, one emoji at a time. The letters are
/// untouched (a lam-alef keeps its ligature and is copied as typed).
pub fn terminal_form(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}')).collect()
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
            let mut pieces = break_long_word(word, width);
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

/// Marks where a word is cut inside: the piece before the cut ends with it.
pub const CUT_MARK: char = '…';

/// Breaks a word wider than `width` into lines: after a `.`, `,`, `;` or `/` where it has one
/// (`qasr.` / `injured`), and inside a part only when the part alone is wider than the line,
/// each piece cut inside then ending in `…` so that no word is split without a mark (an Arabic
/// word's letters included).
fn break_long_word(word: &str, width: usize) -> Vec<String> {
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in word.char_indices() {
        if matches!(c, '.' | ',' | ';' | '/') && i + c.len_utf8() < word.len() {
            parts.push(&word[start..i + c.len_utf8()]);
            start = i + c.len_utf8();
        }
    }
    parts.push(&word[start..]);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut current_width = 0;
    for part in parts {
        let w = display_width(part);
        if current_width + w <= width {
            current.push_str(part);
            current_width += w;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        if w <= width {
            current.push_str(part);
            current_width = w;
            continue;
        }
        let mut pieces = break_word(part, width.saturating_sub(1).max(1));
        let last = pieces.pop().unwrap_or_default();
        lines.extend(pieces.into_iter().map(|mut p| {
            p.push(CUT_MARK);
            p
        }));
        current_width = display_width(&last);
        current = last;
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
    fn the_terminal_form_keeps_every_letter_and_drops_only_joiners() {
        for s in ["لا", "مقاتلاً الأجانب", "لَا إلى", "وكالة الأنباء", "plain"]
        {
            assert_eq!(terminal_form(s), s, "{s:?}");
        }
        assert_eq!(terminal_form("👨\u{200D}👩"), "👨👩");
        assert_eq!(terminal_form("☺\u{FE0F}"), "☺");
        assert!(!terminal_form("لا لأ لإ لآ").contains('\u{200C}'));
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_only_splits_words_that_cannot_fit() {
        assert_eq!(wrap("قال ناشطون محليون إن", 10), ["قال ناشطون", "محليون إن"]);
        assert_eq!(wrap("abcdefghij kl", 4), ["abc…", "def…", "ghi…", "j kl"]);
        assert_eq!(wrap("qasr.injured", 7), ["qasr.", "injured"]);
        assert_eq!(wrap("qasr.2017-03-14", 10), ["qasr.", "2017-03-14"]);
        assert_eq!(wrap("displaced", 7), ["displa…", "ced"]);
        assert_eq!(wrap("النازحون من", 7), ["النازح…", "ون من"]);
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
