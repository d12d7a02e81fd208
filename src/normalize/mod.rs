//! Search normalisation and light Arabic stemming, applied alike to what is indexed and to
//! what is searched, so that a word typed without harakat finds it written with them.
//! Pure: no I/O, no database. Word spans always point into the original text.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Harakat, Quranic annotation marks and tatweel: dropped everywhere.
fn is_arabic_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0640}')
}

/// Invisible format characters (zero-width joiners, bidi marks and overrides, BOM): they never
/// change what a word is, and hostile text uses them to split words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}' | '\u{061C}' | '\u{00AD}')
}

/// Letter and digit variants folded to one form.
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        _ => return None,
    })
}

/// Pushes the normalised form of one original character (zero or more characters).
fn push_folded(c: char, out: &mut String) {
    if is_arabic_mark(c) || is_invisible(c) {
        return;
    }
    if let Some(f) = fold_arabic(c) {
        out.push(f);
        return;
    }
    if ('\u{0600}'..='\u{06FF}').contains(&c) {
        out.push(c);
        return;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // NFKD then drop combining marks: NFKC compatibility folding plus Latin accent removal,
    // and Arabic presentation forms back to their base letters.
    decompose_compatible(c, |d| {
        if is_combining_mark(d) || is_arabic_mark(d) || is_invisible(d) {
            return;
        }
        if let Some(f) = fold_arabic(d) {
            out.push(f);
        } else {
            out.extend(d.to_lowercase());
        }
    });
}

/// Pushes the search-normalised form of one character, for readers that keep their own spans
/// (figure wording, date phrases).
pub(crate) fn fold_char(c: char, out: &mut String) {
    push_folded(c, out);
}

/// The search-normalised form of a text (no stemming).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// One word of a text: its normalised form and its byte span in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub norm: String,
    pub start: usize,
    pub end: usize,
}

/// Is this (normalised) Arabic-block character part of a word? A range check, so the hot
/// path never reaches the general Unicode tables; a unit test holds it equal to
/// `char::is_alphanumeric` over the block.
fn arabic_alnum(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}' | '\u{06D5}' | '\u{06E5}'..='\u{06E6}' | '\u{06EE}'..='\u{06FC}'
        | '\u{06FF}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
        arabic_alnum(c)
    } else {
        c.is_alphanumeric()
    }
}

/// Splits a text into words after normalisation. A mark inside a word (a shadda, a kasra)
/// does not split it, unlike FTS5's own tokenizer.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    for_each_word(text, |norm, start, end| out.push(Word { norm: norm.to_string(), start, end }));
    out
}

/// The tokenizer behind [`words`], without an allocation per word: calls `f` with each word's
/// normalised form and its byte span in the original text.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut norm = String::with_capacity(32);
    let mut span: Option<(usize, usize)> = None;
    let mut buf = String::new();
    let mut close = |norm: &mut String, span: &mut Option<(usize, usize)>| {
        if let Some((start, end)) = span.take() {
            f(norm, start, end);
            norm.clear();
        }
    };
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        // Fast path: ASCII and the Arabic block fold to at most one character.
        let folded: Option<char> = if c.is_ascii() {
            Some(c.to_ascii_lowercase())
        } else if ('\u{0600}'..='\u{06FF}').contains(&c) {
            if is_arabic_mark(c) || c == '\u{061C}' {
                None
            } else {
                Some(fold_arabic(c).unwrap_or(c))
            }
        } else {
            buf.clear();
            push_folded(c, &mut buf);
            let mut chars = buf.chars();
            match (chars.next(), chars.next()) {
                (None, _) => None,
                (Some(one), None) => Some(one),
                _ => {
                    // Several characters from one (a ligature, ½ -> 1⁄2): their letters and
                    // digits join the current word, so no two words share a character's span.
                    for g in buf.chars().filter(|g| is_word_char(*g)) {
                        norm.push(g);
                        span = Some((span.map(|s| s.0).unwrap_or(i), end));
                    }
                    continue;
                }
            }
        };
        match folded {
            None => {
                if let Some(s) = span.as_mut() {
                    s.1 = end;
                }
            }
            Some(g) if is_word_char(g) => {
                norm.push(g);
                span = Some((span.map(|s| s.0).unwrap_or(i), end));
            }
            Some(_) => close(&mut norm, &mut span),
        }
    }
    close(&mut norm, &mut span);
}

/// The characters in a run of UTF-8 bytes: the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Character offset of a byte offset, for spans shown to people.
pub fn char_offset(text: &str, byte: usize) -> usize {
    chars_in(&text.as_bytes()[..byte])
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c)
}

mod quote;
mod search;
mod stem;

pub use quote::{find_quote, QuoteIndex};
pub use search::{fts_expression, index_of_words, index_text, query_terms, snippet};
pub use stem::{fold_name, push_stem, stem};

#[cfg(test)]
mod tests;
