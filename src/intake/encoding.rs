//! Bytes to text in whatever encoding an article arrives in: a byte-order mark first, then what
//! the file declares (an HTTP header, `<meta charset>`, the XML declaration), then a guess
//! (chardetng, the detector Firefox uses). The text returned is always Unicode NFC, and the
//! encoding it was read in is named so that the import row and the notebook can say it.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// How the encoding was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A byte-order mark at the start.
    Bom,
    /// The file (or the HTTP response that carried it) says so.
    Declared,
    /// Valid UTF-8 with no declaration.
    Utf8,
    /// Guessed from the bytes.
    Detected,
    /// The page declared another encoding, but its bytes are UTF-8 throughout.
    DeclaredOtherwise,
}

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name in lower case: `utf-8`, `windows-1256`, `iso-8859-6`, `utf-16le` ...
    pub encoding: String,
    pub how: How,
    /// What the file declared, when that is not what it was read in.
    pub declared: Option<String>,
}

impl Decoded {
    /// The encoding as the import row shows it: `windows-1256 (declared)`.
    pub fn describe(&self) -> String {
        match (self.how, &self.declared) {
            (How::Bom, _) => format!("{} (byte-order mark)", self.encoding),
            (How::Declared, _) => format!("{} (declared)", self.encoding),
            (How::Utf8, _) => self.encoding.clone(),
            (How::Detected, _) => format!("{} (detected)", self.encoding),
            (How::DeclaredOtherwise, Some(d)) => {
                format!("{} (declared {d}, but the bytes are UTF-8)", self.encoding)
            }
            (How::DeclaredOtherwise, None) => self.encoding.clone(),
        }
    }
}

/// How far into a page a `<meta charset>` is looked for. The HTML standard says 1,024 bytes;
/// pages of Arabic sites often put long scripts first, and browsers look further too.
const PRESCAN: usize = 8 * 1024;

/// The label of an encoding as stored: encoding_rs's name in lower case.
fn name(e: &'static Encoding) -> String {
    e.name().to_ascii_lowercase()
}

/// An encoding from a label as pages write it (`windows-1256`, `cp1256`, `ISO-8859-6`,
/// `utf8`). A page never declares UTF-16 in its own markup (it could not read the declaration),
/// so, as browsers do, such a declaration means UTF-8.
pub fn from_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim().trim_matches(|c| c == '"' || c == '\'');
    let e = Encoding::for_label(label.as_bytes()).or_else(|| match label.to_ascii_lowercase().as_str() {
        "cp1256" | "cp-1256" | "win-1256" => Some(encoding_rs::WINDOWS_1256),
        "cp1252" | "cp-1252" => Some(WINDOWS_1252),
        _ => None,
    })?;
    if e == UTF_16LE || e == UTF_16BE {
        return Some(UTF_8);
    }
    // "x-user-defined" is a browser's private byte-to-code-point mapping, not a text encoding.
    if e == encoding_rs::X_USER_DEFINED || e == encoding_rs::REPLACEMENT {
        return None;
    }
    Some(e)
}

/// The charset a `Content-Type` value names (`text/html; charset=windows-1256`).
pub fn charset_of_content_type(value: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|part| {
        let (k, v) = part.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset"))
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

/// The encoding a page declares in its first bytes: `<meta charset=...>`, `<meta
/// http-equiv="Content-Type" content="...; charset=...">`, or `<?xml ... encoding="..."?>`.
/// A light scan over ASCII, not a parse: it runs before the page can be decoded.
pub fn declared_in_markup(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        if let Some(end) = lower.iter().position(|b| *b == b'>') {
            if let Some(v) = attribute(&lower[..end], &head[..end], b"encoding") {
                return Some(v);
            }
        }
    }
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = lower[start..].iter().position(|b| *b == b'>').map(|e| start + e).unwrap_or(lower.len());
        let (tag, orig) = (&lower[start..end], &head[start..end]);
        if let Some(v) = attribute(tag, orig, b"charset") {
            return Some(v);
        }
        let is_content_type = attribute(tag, orig, b"http-equiv")
            .map(|v| v.eq_ignore_ascii_case("content-type"))
            .unwrap_or(false);
        if is_content_type {
            if let Some(c) = attribute(tag, orig, b"content").and_then(|c| {
                let lc = c.to_ascii_lowercase();
                let at = lc.find("charset=")?;
                Some(c[at + 8..].split(';').next().unwrap_or("").trim().to_string())
            }) {
                return Some(c);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value of attribute `name` in a tag (`tag` lower-cased, `orig` as written), read
/// attribute by attribute so that `charset=` inside another attribute's value is not taken.
fn attribute(tag: &[u8], orig: &[u8], name: &[u8]) -> Option<String> {
    // Past the element name.
    let mut i = tag.iter().position(|b| b.is_ascii_whitespace() || *b == b'/').unwrap_or(tag.len());
    while i < tag.len() {
        while i < tag.len() && (tag[i].is_ascii_whitespace() || tag[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < tag.len() && !tag[i].is_ascii_whitespace() && !matches!(tag[i], b'=' | b'/') {
            i += 1;
        }
        let key = &tag[start..i];
        while i < tag.len() && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = None;
        if tag.get(i) == Some(&b'=') {
            i += 1;
            while i < tag.len() && tag[i].is_ascii_whitespace() {
                i += 1;
            }
            let (vs, ve) = match tag.get(i) {
                Some(q @ (b'"' | b'\'')) => {
                    let end =
                        tag[i + 1..].iter().position(|b| b == q).map(|e| i + 1 + e).unwrap_or(tag.len());
                    let r = (i + 1, end);
                    i = end + 1;
                    r
                }
                _ => {
                    let s = i;
                    while i < tag.len() && !tag[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    (s, i)
                }
            };
            value = Some(String::from_utf8_lossy(&orig[vs..ve.min(orig.len())]).trim().to_string());
        }
        if key == name {
            return value;
        }
        if key.is_empty() && value.is_none() {
            i += 1;
        }
    }
    None
}

/// UTF-16 without a byte-order mark: text in a Latin or Arabic script has a zero (or 0x06, the
/// Arabic block's high byte) in every other byte.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let high = |odd: bool| sample.chunks_exact(2).filter(|p| matches!(p[odd as usize], 0x00 | 0x06)).count();
    let (even_zero, odd_zero) = (high(false), high(true));
    if odd_zero * 10 >= pairs * 9 && even_zero * 10 < pairs * 3 {
        Some(UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero * 10 < pairs * 3 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Bytes to NFC text. `declared` is an encoding the file or its carrier names (a WARC record's
/// HTTP header); `markup` says whether to look for a declaration inside the bytes (HTML, XML).
pub fn decode(bytes: &[u8], declared: Option<&str>, markup: bool) -> Result<Decoded, String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom..], enc, How::Bom, None);
    }
    let declared_label =
        declared.map(str::to_string).or_else(|| if markup { declared_in_markup(bytes) } else { None });
    let declared = declared_label.as_deref().and_then(from_label);
    // UTF-16 without a mark is valid UTF-8 too when its letters are Arabic or Latin (0x06 and
    // 0x00 are ASCII control bytes), so it is looked for first.
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(bytes, enc, How::Detected, None);
    }
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some(enc) if enc == UTF_8 && utf8 => return finish(bytes, UTF_8, How::Declared, None),
        // A page that declares a legacy encoding but is valid UTF-8 with letters beyond ASCII
        // was saved again as UTF-8 without its declaration being changed (editors do this);
        // read as declared it would be mojibake. Valid UTF-8 by chance is vanishingly rare.
        Some(enc) if enc != UTF_8 && utf8 && !bytes.is_ascii() => {
            return finish(bytes, UTF_8, How::DeclaredOtherwise, Some(name(enc)))
        }
        Some(enc) if enc != UTF_8 => return finish(bytes, enc, How::Declared, None),
        // Declared UTF-8 but not UTF-8: the declaration is wrong, so the bytes decide.
        _ => {}
    }
    if utf8 {
        return finish(bytes, UTF_8, How::Utf8, None);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The guess needs no more than the first 64 KB, and a 50 MB file must not cost its size.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    detector.feed(sample, sample.len() == bytes.len());
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let mut found = finish(bytes, enc, How::Detected, None)?;
    if let Some(d) = declared_label.filter(|_| declared.is_some()) {
        found.declared = Some(d);
    }
    Ok(found)
}

/// Decodes with `enc`, refusing text that came out mostly as replacement characters.
fn finish(
    bytes: &[u8],
    enc: &'static Encoding,
    how: How,
    declared: Option<String>,
) -> Result<Decoded, String> {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    let total = text.chars().count().max(1);
    let bad = text.chars().filter(|c| *c == '\u{FFFD}').count();
    if bad * 10 > total {
        return Err(format!(
            "decodes as {} to mostly unreadable characters ({bad} of {total}); it is not text in that \
             encoding; save it as UTF-8, or check that it is an article",
            name(enc)
        ));
    }
    let text = nfc(text.into_owned());
    Ok(Decoded { text, encoding: name(enc), how, declared })
}

/// Unicode NFC: the same letters typed on two keyboards compare and hash the same.
pub fn nfc(text: String) -> String {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "قالت مصادر محلية إن القصف استهدف سوق المدينة صباح الجمعة، وأسفر عن سقوط عشرات الجرحى.";

    fn encode(text: &str, enc: &'static Encoding) -> Vec<u8> {
        enc.encode(text).0.into_owned()
    }

    #[test]
    fn boms_decide_first() {
        let mut le = vec![0xFF, 0xFE];
        le.extend(AR.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le, Some("windows-1256"), true).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str(), d.how), (AR, "utf-16le", How::Bom));
        let mut be = vec![0xFE, 0xFF];
        be.extend(AR.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, None, false).unwrap().encoding, "utf-16be");
        let mut u8bom = b"\xEF\xBB\xBF".to_vec();
        u8bom.extend(AR.as_bytes());
        assert_eq!(decode(&u8bom, None, false).unwrap().text, AR);
    }

    #[test]
    fn declarations_are_read_from_meta_and_xml() {
        assert_eq!(
            declared_in_markup(b"<html><head><META CHARSET=\"Windows-1256\">").as_deref(),
            Some("Windows-1256")
        );
        assert_eq!(
            declared_in_markup(b"<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-6'>")
                .as_deref(),
            Some("iso-8859-6")
        );
        assert_eq!(
            declared_in_markup(b"<?xml version=\"1.0\" encoding=\"windows-1252\"?><html>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(declared_in_markup(b"<meta data-charset=\"x\" name=a>"), None);
        assert_eq!(
            charset_of_content_type("text/html; charset=\"windows-1256\"").as_deref(),
            Some("windows-1256")
        );
        assert_eq!(from_label("utf-16"), Some(UTF_8), "a page cannot declare UTF-16 in itself");
    }

    #[test]
    fn legacy_arabic_encodings_read_to_the_same_text() {
        for enc in [encoding_rs::WINDOWS_1256, encoding_rs::ISO_8859_6] {
            let page = format!(
                "<html><head><meta charset=\"{}\"></head><body><p>{AR}</p></body></html>",
                enc.name()
            );
            let d = decode(&encode(&page, enc), None, true).unwrap();
            assert!(d.text.contains(AR), "{}", enc.name());
            assert_eq!((d.encoding, d.how), (name(enc), How::Declared));
        }
        // Undeclared windows-1256 text is recognised.
        let long = [AR; 6].join("\n");
        let d = decode(&encode(&long, encoding_rs::WINDOWS_1256), None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding.as_str(), d.how),
            (long.as_str(), "windows-1256", How::Detected)
        );
        // And windows-1252 English with curly quotes and a pound sign.
        let en = "The mayor said \u{201C}forty families\u{201D} had left the caf\u{e9} district \u{2014} and that the \
                  r\u{e9}gime\u{2019}s checkpoints had moved closer to the river, where the d\u{e9}bris still lay.";
        let d = decode(&encode(en, WINDOWS_1252), None, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding.as_str()), (en, "windows-1252"));
    }

    #[test]
    fn utf16_without_a_bom_is_found() {
        let le: Vec<u8> = AR.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&le, None, false).unwrap().text, AR);
        let be: Vec<u8> =
            "Forty fighters left the town on Friday.".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&be, None, false).unwrap().encoding, "utf-16be");
    }

    #[test]
    fn a_wrong_declaration_gives_way_to_the_bytes() {
        // Declared windows-1256, saved as UTF-8.
        let page = format!("<meta charset=windows-1256><p>{AR}</p>");
        let d = decode(page.as_bytes(), None, true).unwrap();
        assert!(d.text.contains(AR));
        assert_eq!(d.how, How::DeclaredOtherwise);
        assert!(d.describe().contains("declared windows-1256"), "{}", d.describe());
        // Declared UTF-8, saved as windows-1256.
        let mut bytes = b"<meta charset=utf-8><p>".to_vec();
        bytes.extend(encode(&[AR; 4].join(" "), encoding_rs::WINDOWS_1256));
        let d = decode(&bytes, None, true).unwrap();
        assert!(d.text.contains(AR), "{}", d.text);
        assert_eq!(d.encoding, "windows-1256");
    }

    #[test]
    fn mostly_replacement_characters_are_refused_naming_the_encoding() {
        // Odd bytes declared as UTF-16 by a byte-order mark: every pair is an unpaired surrogate.
        let mut bytes = vec![0xFF, 0xFE];
        for _ in 0..50 {
            bytes.extend([0x00, 0xDC]);
        }
        let e = decode(&bytes, None, false).unwrap_err();
        assert!(e.contains("utf-16le") && e.contains("unreadable"), "{e}");
    }

    #[test]
    fn text_is_nfc() {
        // Alef followed by a combining hamza above composes to أ; e + combining acute to é.
        let d = decode("\u{0627}\u{0654}ن e\u{0301}".as_bytes(), None, false).unwrap();
        assert_eq!(d.text, "\u{0623}ن é");
    }
}
