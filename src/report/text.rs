//! Text from the notebook made safe for a page: control characters and bidi overrides shown
//! as visible escapes, HTML and Markdown special characters escaped, and the few values that
//! become attributes (a language code, a web address) checked against a strict form first.

use std::borrow::Cow;

/// Bidi embeddings, overrides and isolates: an unclosed one reorders the text after it, so an
/// article could make a figure read backwards. Marks (LRM, RLM, ALM) only nudge the characters
/// beside them and are part of ordinary Arabic text, so they are kept.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn needs_neutralising(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c)
}

/// Shows control characters (other than newline and tab) and bidi overrides as visible escapes
/// (`\x1b`, `\u{202E}`); a carriage return ends a line.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_neutralising) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if is_bidi_control(c) => out.push_str(&format!("\\u{{{:04X}}}", c as u32)),
            c if needs_neutralising(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The escaper of the report's templates (`escape = "shown"`, see `askama.toml`): askama's
/// HTML escaping, after control characters and bidi overrides are made visible (`neutralise`),
/// for element content and quoted attribute values alike.
#[derive(Debug, Clone, Copy)]
pub struct Shown;

impl askama::filters::Escaper for Shown {
    fn write_escaped_str<W: std::fmt::Write>(&self, dest: W, s: &str) -> std::fmt::Result {
        askama::filters::Html.write_escaped_str(dest, &neutralise(s))
    }
}

/// Inline Markdown text: what could start emphasis, a link, an image, code, raw HTML or a table
/// cell boundary is escaped, and line breaks become spaces.
pub fn escape_md(s: &str) -> String {
    let s = neutralise(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\t' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '!' | '#' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// A line of Markdown body text: escaped inline, and kept from starting a heading, a list, a
/// quote or a code block.
pub fn escape_md_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let mut out = escape_md(trimmed);
    let first = out.chars().next();
    let digits = out.chars().take_while(|c| c.is_ascii_digit()).count();
    if matches!(first, Some('-' | '+' | '=' | '>')) {
        out.insert(0, '\\');
    } else if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    }
    out
}

/// A web address that may become a link: http or https, no spaces, quotes, angle brackets or
/// control characters. Anything else is shown as text only.
pub fn web_address(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).map(str::to_ascii_lowercase).unwrap_or_default();
    let scheme = lower.starts_with("http://") || lower.starts_with("https://");
    let clean = !u.chars().any(|c| {
        c.is_whitespace()
            || c.is_control()
            || is_bidi_control(c)
            || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\')
    });
    let host = u.split_once("//").map(|(_, rest)| !rest.is_empty()).unwrap_or(false);
    (scheme && clean && host && u.len() <= 2048).then_some(u)
}

/// A language code fit for a `lang` attribute (`ar`, `en-GB`), or None.
pub fn lang_code(code: &str) -> Option<&str> {
    let mut parts = code.split('-');
    let first = parts.next()?;
    let ok = (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    ok.then_some(code)
}

/// A count with thousands separated: `12,500`.
pub fn number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
pub fn clip(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some((i, _)) => {
            let cut = s[..i].char_indices().nth(max.saturating_sub(1)).map(|(j, _)| j).unwrap_or(i);
            Cow::Owned(format!("{}…", s[..cut].trim_end()))
        }
    }
}

/// A file name as a relative Markdown link: every byte outside the unreserved set escaped.
pub fn link_path(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shown(s: &str) -> String {
        use askama::filters::Escaper;
        let mut out = String::new();
        Shown.write_escaped_str(&mut out, s).unwrap();
        out
    }

    #[test]
    fn html_escapes_markup_quotes_and_controls() {
        assert_eq!(
            shown(r#"<script>alert("x")</script>"#),
            "&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;"
        );
        assert_eq!(shown("a'b&c"), "a&#39;b&#38;c");
        assert_eq!(shown("x\u{202E}y\u{2066}z"), "x\\u{202E}y\\u{2066}z");
        assert_eq!(shown("bell\u{7}esc\u{1b}[31m"), "bell\\x07esc\\x1b[31m");
        assert_eq!(shown("c1\u{9b}"), "c1\\x9b");
        // Marks and ordinary Arabic stay as they are; line breaks too.
        assert_eq!(shown("قال\u{200F} 45\nسطر"), "قال\u{200F} 45\nسطر");
        assert_eq!(shown("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn markdown_cannot_open_links_html_or_cells() {
        let e = escape_md("[x](javascript:alert(1)) <img src=x onerror=y> | *b* `c`");
        assert!(!e.contains("[x]("), "{e}");
        assert!(!e.contains('<'), "{e}");
        assert_eq!(e.matches('|').count(), e.matches("\\|").count());
        assert_eq!(escape_md_line("# not a heading"), "\\# not a heading");
        assert_eq!(escape_md_line("- not a list"), "\\- not a list");
        assert_eq!(escape_md_line("12. not a list"), "12\\. not a list");
        assert_eq!(escape_md_line("    not code"), "not code");
    }

    #[test]
    fn only_plain_web_addresses_become_links() {
        assert_eq!(web_address("https://example.org/a?b=1"), Some("https://example.org/a?b=1"));
        assert_eq!(web_address(" HTTP://example.org "), Some("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//example.org",
            "https://",
            "http://a b",
            "https://x\"onmouseover=y",
            "http://x\u{202E}",
        ] {
            assert_eq!(web_address(bad), None, "{bad}");
        }
    }

    #[test]
    fn language_codes_are_strict() {
        assert_eq!(lang_code("ar"), Some("ar"));
        assert_eq!(lang_code("en-GB"), Some("en-GB"));
        for bad in ["", "a", "arabic", "ar\" onload=\"x", "ar-", "e1"] {
            assert_eq!(lang_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn numbers_and_clipping() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1,000");
        assert_eq!(number(1_234_567), "1,234,567");
        assert_eq!(number(-4500), "-4,500");
        assert_eq!(clip("short", 10), "short");
        assert_eq!(clip("مصدر مقرب من قيادة اللواء", 10), "مصدر مقرب…");
        assert_eq!(clip("abcdef", 3).chars().count(), 3);
        assert_eq!(link_path("my report-x.svg"), "my%20report-x.svg");
    }

    /// Pieces of Markdown and HTML that notebook text could carry, to mix into the property's
    /// strings with Arabic, Latin and odd characters.
    fn markup() -> impl Strategy<Value = String> {
        let pieces = [
            "<script>alert(1)</script>",
            "<img src=x onerror=y>",
            "<!-- x -->",
            "</mark>",
            "[a](javascript:x)",
            "![i](http://x/i.png)",
            "[a]: http://x",
            "[^1]",
            "<http://x>",
            "*",
            "**",
            "_",
            "__",
            "`",
            "```",
            "~~",
            "~~~",
            "|",
            "| a | b |",
            "|---|",
            "# ",
            "## ",
            "- ",
            "+ ",
            "* ",
            "1. ",
            "2) ",
            "> ",
            "    ",
            "---",
            "===",
            "&lt;",
            "&#60;",
            "&amp;",
            "\\",
            "\\*",
            "$x$",
            "!",
            "\n",
            "\t",
            "\r",
            "\u{202E}",
            "\u{1b}[31m",
            "قال ",
            "«",
            "»",
            "45 ",
            " ",
        ];
        prop::collection::vec(
            prop_oneof![prop::sample::select(pieces.to_vec()).prop_map(str::to_string), "\\PC{0,6}"],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever the text, its escaped form read by a CommonMark parser (with GitHub's tables,
        /// strikethrough, task lists and footnotes) is one paragraph of plain text saying the same
        /// thing: no tag, link, image, code, emphasis, heading, list, quote or table cell.
        #[test]
        fn escaped_markdown_reads_back_as_the_same_plain_text(s in markup()) {
            use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
            let escaped = escape_md_line(&s);
            let options = Options::ENABLE_TABLES
                | Options::ENABLE_STRIKETHROUGH
                | Options::ENABLE_TASKLISTS
                | Options::ENABLE_FOOTNOTES;
            let mut text = String::new();
            for event in Parser::new_ext(&escaped, options) {
                match event {
                    Event::Text(t) => text.push_str(&t),
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                    other => prop_assert!(false, "{other:?} in {escaped:?} from {s:?}"),
                }
            }
            let expected: String =
                neutralise(&s).chars().map(|c| if c == '\n' || c == '\t' { ' ' } else { c }).collect();
            prop_assert_eq!(text.trim(), expected.trim());
        }
    }
}
