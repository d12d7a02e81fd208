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

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || ('\u{0671}'..='\u{06D3}').contains(&c)
}

const PREFIXES: [&str; 12] =
    ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"];
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// Light stemming of one normalised word, after Lucene's Arabic light stemmer: strip one
/// article-bearing prefix (وال, بال, لل, ال ...) or, failing that, one conjunction or
/// preposition letter, then one common plural or feminine suffix. A stem keeps at least two
/// letters (the single letters و ف need three left after them, ب ك ل four), so short words
/// such as كتاب are not cut. Words with no Arabic letter are returned unchanged.
pub fn stem(word: &str) -> &str {
    if word.is_ascii() || !word.chars().any(is_arabic_letter) {
        return word;
    }
    // Every letter here is two bytes in UTF-8, so lengths are counted in characters.
    let len = |s: &str| s.chars().count();
    let mut s: &str = word;
    let mut stripped = false;
    for p in PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            if len(rest) >= 2 {
                s = rest;
                stripped = true;
                break;
            }
        }
    }
    if !stripped {
        if let Some(first) = s.chars().next() {
            let keep = match first {
                'و' | 'ف' => 3,
                'ب' | 'ك' | 'ل' => 4,
                _ => usize::MAX,
            };
            if len(s) > keep {
                s = &s[first.len_utf8()..];
            }
        }
    }
    for suf in SUFFIXES {
        if let Some(rest) = s.strip_suffix(suf) {
            if len(rest) >= 2 {
                s = rest;
                break;
            }
        }
    }
    s
}

/// The text stored in the full-text index: the stems of its words, space-separated.
pub fn index_text(text: &str) -> String {
    index_of_words(&words(text))
}

/// The index text of words already split (so one split serves the index and the shingles).
pub fn index_of_words(words: &[Word]) -> String {
    let mut out = String::with_capacity(words.len() * 8);
    for w in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(stem(&w.norm));
    }
    out
}

/// A search query as analysed terms: each whitespace-separated term of the user's query
/// becomes a phrase of stems (`al-Qaeda` is the phrase "al qaeda").
pub fn query_terms(query: &str) -> Vec<Vec<String>> {
    query
        .split_whitespace()
        .map(|term| words(term).iter().map(|w| stem(&w.norm).to_string()).collect::<Vec<_>>())
        .filter(|t| !t.is_empty())
        .collect()
}

/// The FTS5 MATCH expression for analysed terms. Every stem is quoted, so nothing the user
/// typed (`NOT`, `"AFP`, `al-Qaeda`, `*`) is read as query syntax. None when nothing is left.
pub fn fts_expression(terms: &[Vec<String>]) -> Option<String> {
    if terms.is_empty() {
        return None;
    }
    let phrases: Vec<String> =
        terms.iter().map(|t| format!("\"{}\"", t.join(" ").replace('"', "\"\""))).collect();
    Some(phrases.join(" "))
}

/// Finds a quote in a body by comparing word sequences after normalisation, so harakat,
/// alef forms, tatweel, punctuation and whitespace do not matter. Returns the byte span in
/// the original body of the first occurrence.
pub fn find_quote(body: &str, quote: &str) -> Option<(usize, usize)> {
    let needle: Vec<String> = words(quote).into_iter().map(|w| w.norm).collect();
    if needle.is_empty() {
        return None;
    }
    let hay = words(body);
    if hay.len() < needle.len() {
        return None;
    }
    let i =
        (0..=hay.len() - needle.len()).find(|&i| needle.iter().zip(&hay[i..]).all(|(n, h)| *n == h.norm))?;
    let (mut start, mut end) = (hay[i].start, hay[i + needle.len() - 1].end);
    // Punctuation the quote starts or ends with (a guillemet, "=HYPERLINK(") belongs to the
    // span when the article has it there too.
    let typed = words(quote);
    let (first, last) = (&typed[0], &typed[typed.len() - 1]);
    let prefix = quote[..first.start].trim_start();
    let suffix = quote[last.end..].trim_end();
    if !prefix.is_empty() && body[..start].ends_with(prefix) {
        start -= prefix.len();
    }
    if !suffix.is_empty() && body[end..].starts_with(suffix) {
        end += suffix.len();
    }
    Some((start, end))
}

/// A short excerpt of the original text around the first word whose stem is searched for,
/// with every matching word marked `[...]`. Falls back to the opening of the text.
pub fn snippet(text: &str, terms: &[Vec<String>], width: usize) -> String {
    let wanted: std::collections::HashSet<&str> = terms.iter().flatten().map(String::as_str).collect();
    let words = words(text);
    let hits: Vec<&Word> = words.iter().filter(|w| wanted.contains(stem(&w.norm))).collect();
    let first = hits.first().map(|w| w.start).unwrap_or(0);
    let start = char_floor_back(text, first, width / 3);
    let end = char_ceil_forward(text, start, width);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    let mut pos = start;
    for h in hits.iter().filter(|h| h.start >= start && h.end <= end) {
        if h.start < pos {
            continue;
        }
        out.push_str(&text[pos..h.start]);
        out.push('[');
        out.push_str(&text[h.start..h.end]);
        out.push(']');
        pos = h.end;
    }
    out.push_str(&text[pos..end]);
    if end < text.len() {
        out.push('…');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte index `n` characters before `at`, moved back to the start of a word.
fn char_floor_back(text: &str, at: usize, n: usize) -> usize {
    let mut idx = at;
    for (count, (i, _)) in text[..at].char_indices().rev().enumerate() {
        idx = i;
        if count + 1 >= n {
            break;
        }
    }
    if idx == at {
        return at;
    }
    // Move forward to the next whitespace boundary so the snippet starts on a whole word.
    match text[idx..at].char_indices().find(|(_, c)| c.is_whitespace()) {
        Some((off, c)) if idx > 0 => idx + off + c.len_utf8(),
        _ => idx,
    }
}

/// The byte index `n` characters after `from`, moved back to the end of a word.
fn char_ceil_forward(text: &str, from: usize, n: usize) -> usize {
    let end = text[from..].char_indices().nth(n).map(|(i, _)| from + i).unwrap_or(text.len());
    if end == text.len() {
        return end;
    }
    match text[from..end].rfind(char::is_whitespace) {
        Some(off) if off > 0 => from + off,
        _ => end,
    }
}

/// Character offset of a byte offset, for spans shown to people.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn harakat_shadda_and_tatweel_are_removed() {
        assert_eq!(normalize("المنشقّون"), "المنشقون");
        assert_eq!(normalize("يزيدُ"), "يزيد");
        assert_eq!(normalize("أكّد"), "اكد");
        assert_eq!(normalize("الـــرقة"), "الرقه");
    }

    #[test]
    fn alef_forms_yaa_and_taa_marbuta_fold() {
        assert_eq!(normalize("إسلام آمن أحمد ٱلله"), "اسلام امن احمد الله");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("مدينة"), "مدينه");
    }

    #[test]
    fn digits_fold_to_ascii() {
        assert_eq!(normalize("٤٥ و ۱۲۳"), "45 و 123");
    }

    #[test]
    fn latin_case_and_accents_fold() {
        assert_eq!(normalize("Défection À Raqqa"), "defection a raqqa");
        assert_eq!(normalize("ﬁve"), "five");
    }

    #[test]
    fn a_shadda_does_not_split_a_word() {
        let w = words("قال المنشقّون");
        assert_eq!(w.len(), 2);
        assert_eq!(w[1].norm, "المنشقون");
        assert_eq!(&"قال المنشقّون"[w[1].start..w[1].end], "المنشقّون");
    }

    #[test]
    fn stemming_strips_prefixes_and_suffixes() {
        assert_eq!(stem("الانشقاقات"), "انشقاق");
        assert_eq!(stem("انشقاق"), "انشقاق");
        assert_eq!(stem("المنشقون"), "منشق");
        assert_eq!(stem("منشقين"), "منشق");
        assert_eq!(stem("والمقاتلين"), "مقاتل");
        assert_eq!(stem("بالرقه"), stem("الرقه"));
        assert_eq!(stem("كتاب"), "كتاب");
        assert_eq!(stem("defectors"), "defectors");
    }

    #[test]
    fn query_words_are_always_quoted() {
        let q = fts_expression(&query_terms("al-Qaeda \"AFP NOT")).unwrap();
        assert_eq!(q, "\"al qaeda\" \"afp\" \"not\"");
        assert_eq!(fts_expression(&query_terms(" \" * ")), None);
    }

    #[test]
    fn quotes_are_found_without_harakat_and_with_other_spacing() {
        let body = "وقال ناشطون محليّون إنّ  الانشقاق وقع أمس. ثم قال ناشطون محليون شيئاً آخر.";
        let (s, e) = find_quote(body, "ناشطون محليون ان الانشقاق").unwrap();
        assert_eq!(&body[s..e], "ناشطون محليّون إنّ  الانشقاق");
        // The first of two occurrences.
        let (s2, _) = find_quote(body, "ناشطون محليون").unwrap();
        assert_eq!(s2, s);
        assert!(find_quote(body, "مصدر مجهول").is_none());
        // Tatweel and alef forms in the typed quote do not matter either.
        let (s4, e4) = find_quote(body, "الانشقـــاق وقع أمس").unwrap();
        assert_eq!(&body[s4..e4], "الانشقاق وقع أمس");
        let leaflet = "Text: =HYPERLINK(\"http://x\",\"go\") and more";
        let (s3, e3) = find_quote(leaflet, "=HYPERLINK(\"http://x\",\"go\")").unwrap();
        assert_eq!(&leaflet[s3..e3], "=HYPERLINK(\"http://x\",\"go\")");
        assert!(find_quote(body, "...").is_none());
    }

    #[test]
    fn snippet_marks_original_words() {
        let text = "يقول التقرير إنّ المنشقّين غادروا الرقة ليلاً.";
        let s = snippet(text, &query_terms("المنشقون"), 80);
        assert!(s.contains("[المنشقّين]"), "{s}");
    }

    #[test]
    fn the_arabic_fast_path_agrees_with_unicode() {
        for c in '\u{0600}'..='\u{06FF}' {
            if is_arabic_mark(c) || fold_arabic(c).is_some() {
                continue;
            }
            assert_eq!(arabic_alnum(c), c.is_alphanumeric(), "U+{:04X}", c as u32);
        }
        // The fast path and the general path split alike.
        let text = "ﻻ بأس، قالَ المنشقّون: ٤٥ fighters — Émile ﬁve";
        let slow: Vec<String> = {
            let mut out = Vec::new();
            let mut cur = String::new();
            for c in text.chars() {
                let mut b = String::new();
                push_folded(c, &mut b);
                if b.is_empty() {
                    continue;
                }
                if b.chars().count() > 1 {
                    cur.extend(b.chars().filter(|f| f.is_alphanumeric()));
                    continue;
                }
                for f in b.chars() {
                    if f.is_alphanumeric() {
                        cur.push(f);
                    } else if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
            out
        };
        let fast: Vec<String> = words(text).into_iter().map(|w| w.norm).collect();
        assert_eq!(fast, slow);
    }

    #[test]
    fn a_character_that_folds_to_several_never_makes_overlapping_words() {
        // Found by the fuzzer: ½ folds to 1⁄2.
        let text = "_Ⱦ½UL\u{0}0\re\np,J\nJ-\u{1}\u{e}J\nJ";
        let ws = words(text);
        for pair in ws.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{ws:?}");
        }
        let _ = snippet(text, &query_terms(text), 40);
        assert_eq!(words("½ and ﬁ").iter().map(|w| w.norm.as_str()).collect::<Vec<_>>(), ["12", "and", "fi"]);
    }

    #[test]
    fn snippets_cut_at_wide_spaces_safely() {
        let text = "ab\u{2003}cd\u{3000}ef gh\u{2003}\u{2003}dv ij";
        for width in 1..40 {
            let s = snippet(text, &query_terms("dv"), width);
            assert!(s.contains("[dv]") || width < 3, "{width}: {s}");
        }
    }

    proptest! {
        #[test]
        fn normalize_is_idempotent(s in "\\PC{0,40}") {
            let once = normalize(&s);
            prop_assert_eq!(normalize(&once), once.clone());
        }

        #[test]
        fn harakat_never_change_the_normal_form(
            letters in proptest::collection::vec(proptest::sample::select(vec!['ك','ت','ب','ا','ل','م','ن','ش','ق','و','ي','ة','أ']), 1..12),
            marks in proptest::collection::vec(proptest::sample::select(vec!['\u{064E}','\u{064F}','\u{0650}','\u{0651}','\u{0652}','\u{064B}','\u{0640}','\u{0670}']), 12),
        ) {
            let plain: String = letters.iter().collect();
            let marked: String = letters.iter().zip(marks.iter()).flat_map(|(l, m)| [*l, *m]).collect();
            prop_assert_eq!(normalize(&plain), normalize(&marked));
            prop_assert_eq!(index_text(&plain), index_text(&marked));
        }

        #[test]
        fn word_spans_are_char_boundaries(s in "\\PC{0,60}") {
            for w in words(&s) {
                prop_assert!(s.is_char_boundary(w.start) && s.is_char_boundary(w.end));
                prop_assert!(w.start < w.end);
            }
            let _ = snippet(&s, &query_terms("a"), 30);
            let _ = snippet(&s, &query_terms("dv"), 20);
            let ws = words(&s);
            for pair in ws.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start, "words overlap in {:?}", s);
            }
        }
    }
}
