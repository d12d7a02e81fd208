//! How a CSV cell holds what a spreadsheet could misread, both ways: the formula guard (OWASP's
//! advice against CSV injection) and lists in one cell. Export writes with these, import reads
//! with them, so an exported file imports back to the same rows.

use std::borrow::Cow;

/// A text cell that a spreadsheet would read as a formula gets a leading apostrophe. A cell that
/// already starts with apostrophes before such a character gets one more, so that [`unguard`]
/// always gives back the original. The one place the guard is decided.
pub fn guard(s: &str) -> Cow<'_, str> {
    if needs_guard(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn needs_guard(s: &str) -> bool {
    let rest = s.trim_start_matches('\'');
    if rest.len() != s.len() && rest.is_empty() {
        return false;
    }
    // A negative decimal number (a longitude west of Greenwich, -70.66) is a number to every
    // spreadsheet, never a formula: it is written as it is, so it stays a number.
    if is_negative_number(rest) {
        return false;
    }
    matches!(rest.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠'))
}

/// `-` and digits, with at most one decimal point between digits: `-70.66`, `-3`.
fn is_negative_number(s: &str) -> bool {
    let Some(digits) = s.strip_prefix('-') else { return false };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// Removes the guard again on import.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => s,
    }
}

/// A list as one cell: items joined with `; `, a `;` or `\` inside an item escaped with a
/// backslash, so a source named `Smith; Jones & Co` stays one source.
pub fn join_list(items: &[String]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str("; ");
        }
        for c in item.chars() {
            if c == ';' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Reads a list cell written by [`join_list`] (or typed by a person: `a; b`), items trimmed and
/// empty ones dropped. A backslash before anything but `;` or `\` is kept as it is.
pub fn split_list(cell: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(n @ (';' | '\\')) => current.push(n),
                Some(n) => {
                    current.push('\\');
                    current.push(n);
                }
                None => current.push('\\'),
            },
            ';' => items.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    items.push(current);
    items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_guard_round_trips() {
        for s in ["=1+1", "+3", "-x", "@SUM", "＝x", "plain", "'quoted", "", "'", "'=x", "''-1"] {
            assert_eq!(unguard(&guard(s)), s);
        }
        assert_eq!(guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        // A negative number is a number, not a formula; anything more after the sign is guarded.
        for n in ["-70.66", "-3", "'-70.66"] {
            assert_eq!(guard(n), n);
            assert_eq!(unguard(&guard(n)), n);
        }
        for f in ["-3+4", "-70.", "-.5", "-1e5", "-2-cmd|' /C calc'!A0"] {
            assert_eq!(guard(f), format!("'{f}"));
            assert_eq!(unguard(&guard(f)), f);
        }
    }

    #[test]
    fn names_with_semicolons_stay_whole() {
        let items = vec!["Smith; Jones & Co".to_string(), "ناشطون".to_string(), "a\\b".to_string()];
        assert_eq!(join_list(&items), "Smith\\; Jones & Co; ناشطون; a\\\\b");
        assert_eq!(split_list(&join_list(&items)), items);
        assert_eq!(split_list(" a ;b;; "), ["a", "b"]);
    }

    proptest! {
        #[test]
        fn lists_round_trip(items in proptest::collection::vec("[a-z;\\\\ ]{1,8}", 0..5)) {
            let items: Vec<String> = items.into_iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
            prop_assert_eq!(split_list(&join_list(&items)), items);
        }
    }
}
