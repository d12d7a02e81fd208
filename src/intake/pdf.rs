//! The text of a PDF, page by page: lopdf parses the file (with its limits on how far a stream
//! may inflate and how deep objects nest), and this module reads each page's text operators in
//! order, breaking lines where the text moves down and words where it moves on. Then Arabic
//! presentation forms are folded back to letters, lines are rejoined into paragraphs, and the
//! headers and footers that repeat on every page are taken out. A PDF whose pages hold only
//! images (a scan) is refused: crosscheck does no OCR.

use std::collections::{BTreeMap, HashMap};

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, LoadOptions, Object};

use crate::dates::PartialDate;

/// How far one stream may inflate: no article's page comes near it, and a "zip bomb" of a few
/// kilobytes stops here instead of filling the memory.
const MAX_STREAM: usize = 64 << 20;
/// How much page content a whole document may inflate to.
const MAX_CONTENT: usize = 256 << 20;
/// The most pages read.
const MAX_PAGES: usize = 20_000;

/// A PDF's text and what its metadata says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PdfText {
    /// The body, pages separated by a blank line.
    pub body: String,
    /// For each page with text: its number (from 1), where it starts in the body in characters,
    /// and the number printed on it when that differs from its place.
    pub pages: Vec<(u32, usize, Option<String>)>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<PartialDate>,
}

/// Reads a PDF. The error is a sentence ending for "FILE ...".
pub fn read(bytes: &[u8]) -> Result<PdfText, String> {
    let options = LoadOptions { max_decompressed_size: Some(MAX_STREAM), ..Default::default() };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => {
            "is a password-protected PDF; open it, save or print it to an unprotected PDF, and import that"
                .to_string()
        }
        lopdf::Error::Decompress(_) => format!(
            "is a PDF with a stream that expands past {} MB when uncompressed (a decompression bomb?); \
             crosscheck reads no more than that",
            MAX_STREAM >> 20
        ),
        other => format!("is not a PDF crosscheck can read ({other})"),
    })?;
    if doc.is_encrypted() {
        return Err(
            "is a password-protected PDF; open it, save or print it to an unprotected PDF, and import that"
                .into(),
        );
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err("is a PDF with no pages".into());
    }
    if pages.len() > MAX_PAGES {
        return Err(format!("is a PDF of {} pages; crosscheck reads at most {MAX_PAGES}", pages.len()));
    }
    let mut budget = MAX_CONTENT;
    let mut texts: Vec<(u32, Vec<String>)> = Vec::new();
    let mut images = 0usize;
    for (number, id) in &pages {
        let data = doc.get_page_content_with_limit(*id, MAX_STREAM.min(budget)).map_err(|_| {
            format!(
                "is a PDF whose page {number} expands past {} MB when uncompressed (a decompression bomb?); \
                 crosscheck reads no more than that",
                MAX_STREAM.min(budget) >> 20
            )
        })?;
        budget = budget.saturating_sub(data.len());
        if budget == 0 {
            return Err(format!(
                "is a PDF whose pages expand past {} MB of content when uncompressed; crosscheck reads no more than that",
                MAX_CONTENT >> 20
            ));
        }
        let fonts: BTreeMap<Vec<u8>, Encoding> = doc
            .get_page_fonts(*id)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|(name, font)| {
                font.get_font_encoding_with_limit(&doc, MAX_STREAM).ok().map(|e| (name, e))
            })
            .collect();
        let (lines, inline_images) = page_lines(&data, &fonts);
        images += inline_images + page_images(&doc, *id);
        texts.push((*number, lines));
    }
    let letters: usize = texts
        .iter()
        .flat_map(|(_, ls)| ls.iter())
        .map(|l| l.chars().filter(|c| c.is_alphanumeric()).count())
        .sum();
    if letters == 0 {
        return Err(if images > 0 {
            format!(
                "is a scanned PDF: its {} page(s) are images with no text layer, and crosscheck does no OCR; \
                 import a text version, or run OCR on it first",
                pages.len()
            )
        } else {
            "is a PDF with no text in it".to_string()
        });
    }
    let (title, author, published) = info(&doc);
    Ok(assemble(texts, title, author, published))
}

/// Images a page draws from its resources.
fn page_images(doc: &Document, page: lopdf::ObjectId) -> usize {
    let Ok((direct, ids)) = doc.get_page_resources(page) else { return 0 };
    let mut dicts: Vec<&Dictionary> = direct.into_iter().collect();
    dicts.extend(ids.iter().filter_map(|id| doc.get_dictionary(*id).ok()));
    dicts
        .iter()
        .filter_map(|r| r.get_deref(b"XObject", doc).ok().and_then(|x| x.as_dict().ok()))
        .flat_map(|x| x.iter().map(|(_, v)| v))
        .filter(|v| {
            doc.dereference(v)
                .ok()
                .and_then(|(_, o)| o.as_stream().ok())
                .and_then(|s| s.dict.get(b"Subtype").ok())
                .and_then(|t| t.as_name().ok())
                == Some(b"Image".as_slice())
        })
        .count()
}

fn number(o: &Object) -> f32 {
    o.as_float().unwrap_or(0.0)
}

/// The text of one page as its operators draw it: the lines so far, the line being drawn, and
/// where the pen is.
struct Pen {
    lines: Vec<String>,
    line: String,
    size: f32,
    /// Where the text is (x, y), where the current run started, and characters drawn since.
    x: f32,
    y: f32,
    line_x: f32,
    line_y: f32,
    drawn: usize,
    pending_space: bool,
}

impl Pen {
    fn new() -> Pen {
        Pen {
            lines: Vec::new(),
            line: String::new(),
            size: 12.0,
            x: 0.0,
            y: 0.0,
            line_x: 0.0,
            line_y: 0.0,
            drawn: 0,
            pending_space: false,
        }
    }

    fn end_line(&mut self) {
        if !self.line.trim().is_empty() {
            self.lines.push(std::mem::take(&mut self.line));
        }
        self.line.clear();
    }

    /// Moving to (nx, ny): down or up a line ends it (and a gap of more than a line and a half
    /// ends a paragraph: an empty line marks it); a step along the line that is more than the
    /// drawn text could take is a space between words.
    fn move_to(&mut self, nx: f32, ny: f32) {
        let em = self.size.abs().max(1.0);
        if (ny - self.y).abs() > em * 0.3 {
            self.end_line();
            if (ny - self.y).abs() > em * 1.6 && self.lines.last().is_some_and(|l| !l.is_empty()) {
                self.lines.push(String::new());
            }
        } else if nx - self.x > self.drawn as f32 * em * 0.45 + em * 0.1 || nx < self.x {
            self.pending_space = true;
        }
        self.x = nx;
        self.y = ny;
        self.drawn = 0;
    }

    /// The strings of a text-showing operator, decoded in the current font; a step back
    /// between them of more than a fifth of an em is a space.
    fn show(&mut self, parts: Vec<&Object>, enc: &Encoding) {
        for part in parts {
            match part {
                Object::String(bytes, _) => {
                    let Ok(text) = enc.bytes_to_string(bytes) else { continue };
                    if self.pending_space
                        && !self.line.is_empty()
                        && !self.line.ends_with(' ')
                        && !text.starts_with(' ')
                    {
                        self.line.push(' ');
                    }
                    self.pending_space = false;
                    self.drawn += text.chars().count();
                    self.line.extend(text.chars().filter(|c| !c.is_control() && *c != '\u{FFFD}'));
                }
                other => {
                    if number(other) < -200.0 {
                        self.pending_space = true;
                    }
                }
            }
        }
    }

    /// The lines drawn, spaces tidied, in logical order, presentation forms folded.
    fn finish(mut self) -> Vec<String> {
        self.end_line();
        self.lines
            .into_iter()
            .map(|l| {
                let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
                let l = if visual_order(&l) { logical_from_visual(&l) } else { l };
                fold_presentation_forms(&l)
            })
            .collect()
    }
}

/// One page's lines of text, in the order the page draws them, and how many inline images it has.
fn page_lines(content: &[u8], fonts: &BTreeMap<Vec<u8>, Encoding>) -> (Vec<String>, usize) {
    let mut pen = Pen::new();
    let mut encoding: Option<&Encoding> = None;
    let mut images = 0;
    for op in Content::decode_iter(content) {
        let Ok(op) = op else { break };
        let args = &op.operands;
        match op.operator.as_str() {
            "BT" => {
                pen.line_x = 0.0;
                pen.line_y = 0.0;
            }
            "Tf" => {
                encoding = args.first().and_then(|n| n.as_name().ok()).and_then(|n| fonts.get(n));
                pen.size = args.get(1).map(number).unwrap_or(12.0);
                if pen.size == 0.0 {
                    pen.size = 12.0;
                }
            }
            "Td" | "TD" => {
                pen.line_x += args.first().map(number).unwrap_or(0.0);
                pen.line_y += args.get(1).map(number).unwrap_or(0.0);
                pen.move_to(pen.line_x, pen.line_y);
            }
            "Tm" => {
                pen.line_x = args.get(4).map(number).unwrap_or(0.0);
                pen.line_y = args.get(5).map(number).unwrap_or(0.0);
                pen.move_to(pen.line_x, pen.line_y);
            }
            "T*" => pen.end_line(),
            "Tj" | "'" | "\"" | "TJ" => {
                if matches!(op.operator.as_str(), "'" | "\"") {
                    pen.end_line();
                }
                let Some(enc) = encoding else { continue };
                let parts: Vec<&Object> = match op.operator.as_str() {
                    "TJ" => args
                        .first()
                        .and_then(|a| a.as_array().ok())
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                    "\"" => args.get(2).into_iter().collect(),
                    _ => args.first().into_iter().collect(),
                };
                pen.show(parts, enc);
            }
            "BI" | "Do" => images += usize::from(op.operator == "BI"),
            _ => {}
        }
    }
    (pen.finish(), images)
}

/// Arabic presentation forms (the shaped glyphs many PDFs store: U+FB50–U+FDFF, U+FE70–U+FEFF)
/// back to the letters they show, as NFKC does; lam-alef ligatures become two letters.
pub fn fold_presentation_forms(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FEFF}' => {}
            '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => out.extend(std::iter::once(c).nfkc()),
            _ => out.push(c),
        }
    }
    out
}

/// The shape of each Arabic presentation form: 0 isolated, 1 final, 2 initial, 3 medial (the
/// order Unicode gives the forms of each letter in U+FE80–U+FEFC).
fn form_of(c: char) -> Option<u8> {
    use unicode_normalization::UnicodeNormalization;
    static FORMS: std::sync::OnceLock<HashMap<char, u8>> = std::sync::OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        let mut out = HashMap::new();
        let mut last = String::new();
        let mut place = 0u8;
        for c in '\u{FE80}'..='\u{FEFC}' {
            let base: String = std::iter::once(c).nfkc().collect();
            place = if base == last { place + 1 } else { 0 };
            out.insert(c, place);
            last = base;
        }
        out
    });
    forms.get(&c).copied()
}

/// Does a line of shaped Arabic run in visual order (drawn right to left as stored left to
/// right, as some PDF writers store it)? In reading order a word starts with an initial or
/// isolated form and ends with a final or isolated one; reversed, its first glyph is a final
/// form and its last an initial one.
fn visual_order(line: &str) -> bool {
    let (mut logical, mut visual) = (0, 0);
    for word in line.split(' ') {
        let forms: Vec<u8> = word.chars().filter_map(form_of).collect();
        if forms.len() < 2 {
            continue;
        }
        let (first, last) = (forms[0], forms[forms.len() - 1]);
        if first == 2 || last == 1 {
            logical += 1;
        }
        if first == 1 || last == 2 {
            visual += 1;
        }
    }
    visual > logical
}

/// A visual-order line put back in reading order: reversed whole, then each run of digits and
/// Latin letters (which read left to right inside it) turned back, and brackets mirrored.
fn logical_from_visual(line: &str) -> String {
    let reversed: Vec<char> = line
        .chars()
        .rev()
        .map(|c| match c {
            '(' => ')',
            ')' => '(',
            '[' => ']',
            ']' => '[',
            '«' => '»',
            '»' => '«',
            other => other,
        })
        .collect();
    let ltr = |c: char| c.is_ascii_alphanumeric();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < reversed.len() {
        if ltr(reversed[i]) {
            let mut j = i;
            // A run: letters and digits, with a point, comma or slash between two of them.
            while j + 1 < reversed.len()
                && (ltr(reversed[j + 1])
                    || (matches!(reversed[j + 1], '.' | ',' | '/' | ':')
                        && reversed.get(j + 2).is_some_and(|c| ltr(*c))))
            {
                j += 1;
            }
            out.extend(reversed[i..=j].iter().rev());
            i = j + 1;
        } else {
            out.push(reversed[i]);
            i += 1;
        }
    }
    out
}

/// A line that is only a page number: `12`, `- 12 -`, `Page 12`, `Page 12 of 40`, `صفحة ١٢`.
fn page_number(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '|')
        .filter(|w| !w.is_empty())
        .collect();
    let is_num = |w: &str| w.chars().all(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c)) || roman(w);
    match words.as_slice() {
        [n] if is_num(n) => Some(n.to_string()),
        [p, n]
            if is_num(n) && matches!(p.to_lowercase().as_str(), "page" | "p." | "صفحة" | "الصفحة" | "ص") =>
        {
            Some(n.to_string())
        }
        [p, n, of, _]
            if is_num(n)
                && matches!(p.to_lowercase().as_str(), "page" | "صفحة" | "الصفحة")
                && matches!(*of, "of" | "من") =>
        {
            Some(n.to_string())
        }
        _ => None,
    }
}

fn roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 6 && w.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// A header or footer line with its numbers blanked, so `Report 2024 — 3` matches on every page.
fn shape(line: &str) -> String {
    line.chars().map(|c| if c.is_ascii_digit() || ('٠'..='٩').contains(&c) { '#' } else { c }).collect()
}

/// Pages' lines to the body: page numbers and repeated headers and footers out, lines rejoined.
fn assemble(
    pages: Vec<(u32, Vec<String>)>,
    title: Option<String>,
    author: Option<String>,
    published: Option<PartialDate>,
) -> PdfText {
    // A first or last line whose shape recurs on at least half the pages (and on two or more)
    // is a running header or footer.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (_, lines) in &pages {
        let mut shapes: Vec<String> = Vec::new();
        for l in lines.iter().take(2).chain(lines.iter().rev().take(2)) {
            let s = shape(l);
            if !shapes.contains(&s) {
                shapes.push(s);
            }
        }
        for s in shapes {
            *seen.entry(s).or_default() += 1;
        }
    }
    let with_text = pages.iter().filter(|(_, l)| !l.is_empty()).count();
    let running =
        |l: &str| with_text >= 2 && seen.get(&shape(l)).is_some_and(|n| *n >= 2 && *n * 2 >= with_text);
    let mut out = PdfText { title, author, published, ..Default::default() };
    let mut chars = 0usize;
    for (number, mut lines) in pages {
        let mut label = None;
        // Trim page furniture from both ends: running lines and page numbers.
        for _ in 0..6 {
            if lines.first().is_some_and(|l| l.is_empty()) {
                lines.remove(0);
                continue;
            }
            if let Some(first) = lines.first() {
                if let Some(n) = page_number(first) {
                    label = Some(n);
                    lines.remove(0);
                    continue;
                }
                if running(first) {
                    lines.remove(0);
                    continue;
                }
            }
            break;
        }
        for _ in 0..6 {
            if lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
                continue;
            }
            if let Some(last) = lines.last() {
                if let Some(n) = page_number(last) {
                    label = Some(n);
                    lines.pop();
                    continue;
                }
                if running(last) {
                    lines.pop();
                    continue;
                }
            }
            break;
        }
        let text = crate::extract::tidy(&crate::intake::encoding::nfc(rejoin(&lines)));
        if text.is_empty() {
            continue;
        }
        if !out.body.is_empty() {
            out.body.push_str("\n\n");
            chars += 2;
        }
        let label = label.filter(|l| *l != number.to_string());
        out.pages.push((number, chars, label));
        chars += text.chars().count();
        out.body.push_str(&text);
    }
    out
}

/// Lines of a page into paragraphs: a line joins the one before unless an empty line (a wide
/// gap on the page) stands between them, the one before is much shorter than the page's lines
/// (a heading, a paragraph's last line), or it ends a sentence and this one is short (a heading
/// follows). An English word broken with a hyphen at a line's end is joined whole.
fn rejoin(lines: &[String]) -> String {
    let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let short = |l: &str| l.chars().count() * 10 < longest * 7;
    let mut out = String::new();
    let mut previous: Option<&str> = None;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            if previous.is_some() {
                out.push_str("\n\n");
            }
            previous = None;
            continue;
        }
        if let Some(prev) = previous {
            let ends_sentence = prev.ends_with(['.', '!', '?', '؟', ':', '"', '”', '»', ')']);
            let continues = prev.ends_with([',', '،', ';', '؛']);
            if short(prev) && !continues || ends_sentence && short(line) {
                out.push_str("\n\n");
            } else if prev.ends_with('-')
                && prev.chars().rev().nth(1).is_some_and(|c| c.is_ascii_lowercase())
                && line.starts_with(|c: char| c.is_ascii_lowercase())
            {
                out.pop();
            } else {
                out.push(' ');
            }
        }
        out.push_str(line);
        previous = Some(line);
    }
    out
}

/// A text string of the document's metadata: UTF-16 with its mark, UTF-8 with its mark, or
/// PDFDocEncoding (read as Latin-1, which it matches for letters).
fn text_string(o: &Object) -> Option<String> {
    let Object::String(b, _) = o else { return None };
    let s = if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = b.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        b.iter().map(|c| char::from(*c)).collect()
    };
    let s = fold_presentation_forms(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    (!s.is_empty() && s.chars().count() <= 300).then_some(s)
}

/// Title, author and date (`D:20240305...`) from the document information dictionary.
fn info(doc: &Document) -> (Option<String>, Option<String>, Option<PartialDate>) {
    let Some(info) = doc
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|i| doc.dereference(i).ok())
        .and_then(|(_, o)| o.as_dict().ok())
    else {
        return (None, None, None);
    };
    let get =
        |k: &[u8]| info.get(k).ok().and_then(|o| doc.dereference(o).ok()).and_then(|(_, o)| text_string(o));
    let date = get(b"CreationDate").and_then(|d| {
        let d = d.strip_prefix("D:").unwrap_or(&d).to_string();
        (d.len() >= 8 && d.as_bytes()[..8].iter().all(u8::is_ascii_digit))
            .then(|| PartialDate::parse(&format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8])).ok())
            .flatten()
    });
    (get(b"Title"), get(b"Author"), date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_forms_fold_to_letters() {
        // "السلام" drawn as shaped glyphs: alef, lam-alef ligature isolated ... as PDFs store it.
        assert_eq!(fold_presentation_forms("\u{FE8D}\u{FEDF}\u{FEB4}\u{FEFC}\u{FEE1}"), "السلام");
        assert_eq!(fold_presentation_forms("ﻗﺎﻝ"), "قال");
        assert_eq!(fold_presentation_forms("plain ﻻ"), "plain لا");
    }

    #[test]
    fn visual_order_lines_are_put_back_in_reading_order() {
        // "نزحت 300 عائلة" shaped, then stored as drawn: right to left.
        let logical = "\u{FEE7}\u{FEB0}\u{FEA3}\u{FE96} 300 \u{FECB}\u{FE8E}\u{FE8b}\u{FEE0}\u{FE94}";
        assert!(!visual_order(logical));
        let visual: String =
            "\u{FE94}\u{FEE0}\u{FE8b}\u{FE8E}\u{FECB} 300 \u{FE96}\u{FEA3}\u{FEB0}\u{FEE7}".into();
        assert!(visual_order(&visual));
        assert_eq!(fold_presentation_forms(&logical_from_visual(&visual)), "نزحت 300 عائلة");
        assert_eq!(fold_presentation_forms(logical), "نزحت 300 عائلة");
        // Brackets mirror; Latin runs keep their order.
        assert_eq!(logical_from_visual("(ABC 12.5) \u{FE94}\u{FEE0}"), "\u{FEE0}\u{FE94} (12.5 ABC)");
        assert_eq!(form_of('\u{FEE7}'), Some(2));
        assert_eq!(form_of('\u{FE94}'), Some(1));
        assert_eq!(form_of('\u{FE8D}'), Some(0));
    }

    #[test]
    fn page_numbers_and_running_lines_go() {
        let page = |n: u32, body: &str| {
            (
                n,
                vec![
                    "Sahl Monitor — Quarterly report 2024".to_string(),
                    body.to_string(),
                    format!("Page {n} of 3"),
                ],
            )
        };
        let t = assemble(
            vec![page(1, "First page text."), page(2, "Second page text."), page(3, "Third.")],
            None,
            None,
            None,
        );
        assert_eq!(t.body, "First page text.\n\nSecond page text.\n\nThird.");
        assert_eq!(t.pages, vec![(1, 0, None), (2, 18, None), (3, 37, None)]);
        assert_eq!(page_number("- 12 -").as_deref(), Some("12"));
        assert_eq!(page_number("صفحة ١٢").as_deref(), Some("١٢"));
        assert_eq!(page_number("12 people died"), None);
    }

    #[test]
    fn printed_numbers_that_differ_are_labels() {
        let t = assemble(
            vec![(1, vec!["Text one.".into(), "iv".into()]), (2, vec!["Text two.".into(), "v".into()])],
            None,
            None,
            None,
        );
        assert_eq!(t.pages[0].2.as_deref(), Some("iv"));
    }

    #[test]
    fn lines_rejoin_into_paragraphs() {
        let lines: Vec<String> = [
            "Shelling hit the eastern market on Friday morning, killing",
            "twelve people, the local council said in a state-",
            "ment. Four of the dead were children.",
            "Aid convoys",
            "The road to the border reopened on Sunday after three",
            "weeks.",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            rejoin(&lines),
            "Shelling hit the eastern market on Friday morning, killing twelve people, the local council said in a \
             statement. Four of the dead were children.\n\nAid convoys\n\nThe road to the border reopened on Sunday after three weeks."
        );
    }
}
