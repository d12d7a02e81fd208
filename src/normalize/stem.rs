//! Light stemming: Arabic after Lucene's light stemmer, English by Snowball, and the folded
//! words of a name as a reader compares them.

use super::{for_each_word, is_arabic_letter};

const PREFIXES: [&str; 12] =
    ["وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"];
const SUFFIXES: [&str; 8] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

/// Light stemming of one normalised word, after Lucene's Arabic light stemmer: strip one
/// article-bearing prefix (وال, بال, لل, ال ...) or, failing that, one conjunction or
/// preposition letter, then one common plural or feminine suffix. A stem keeps at least two
/// letters (the single letters و ف need three left after them, ب ك ل four), so short words
/// such as كتاب are not cut. An English word (ASCII letters) is reduced by the Snowball English
/// stemmer, so "defector" finds "defectors"; other words are returned unchanged.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if word.is_ascii() {
        if word.len() > 2 && word.bytes().all(|b| b.is_ascii_lowercase()) {
            return english().stem(word);
        }
        return Cow::Borrowed(word);
    }
    if !word.chars().any(is_arabic_letter) {
        return Cow::Borrowed(word);
    }
    Cow::Borrowed(arabic_stem(word))
}

/// Appends the stem of one normalised word to `out`. English stems are remembered per thread
/// (a bounded table, emptied when full): an article repeats its words, and a table lookup is
/// several times cheaper than running the Snowball stemmer again. Gives what [`stem`] gives.
pub fn push_stem(word: &str, out: &mut String) {
    use std::cell::RefCell;
    const REMEMBERED: usize = 65_536;
    thread_local! {
        static STEMS: RefCell<rustc_hash::FxHashMap<Box<str>, Box<str>>> = RefCell::default();
    }
    if !(word.is_ascii() && word.len() > 2) {
        out.push_str(&stem(word));
        return;
    }
    STEMS.with(|stems| {
        let mut stems = stems.borrow_mut();
        if let Some(known) = stems.get(word) {
            out.push_str(known);
            return;
        }
        let stemmed = stem(word);
        out.push_str(&stemmed);
        if stems.len() >= REMEMBERED {
            stems.clear();
        }
        stems.insert(word.into(), stemmed.into());
    });
}

/// The Snowball English stemmer, made once.
fn english() -> &'static rust_stemmers::Stemmer {
    static STEMMER: std::sync::OnceLock<rust_stemmers::Stemmer> = std::sync::OnceLock::new();
    STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
}

fn arabic_stem(word: &str) -> &str {
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

/// Broken plurals of source nouns, folded to their singular so that `مصادر` and `مصدر`, `نشطاء`
/// and `ناشط` compare alike (the regular plurals ـون ـين ـات are stripped by the stemmer).
const BROKEN_PLURALS: &[(&str, &str)] = &[
    ("مصادر", "مصدر"),
    ("نشطاء", "ناشط"),
    ("اطباء", "طبيب"),
    ("شهود", "شاهد"),
    ("مسعفو", "مسعف"),
    ("مسوولو", "مسوول"),
];

/// The words of a name as a reader compares them: normalised (harakat, hamza forms, ة/ه, ى/ي),
/// quotation marks, guillemets and punctuation left out, the article and leading clitics, the
/// case and plural endings (ـون ـين ـات, English -s) and `the` dropped, broken plurals of source
/// nouns singular. `مصادر «جهادية»` and `المصادر الجهادية`, `ناشطين` and `ناشطون`, `the Syrian
/// Observatory` and `Syrian observatory` fold alike; an English agent noun keeps its `-er`
/// (`officer`, `reporter`), which the stemmer would fold with `office` and `report`. Used to
/// match source names; never stored.
pub fn fold_name(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _, _| {
        if matches!(w, "the" | "a" | "an") {
            return;
        }
        let stemmed = stem(w);
        // A name keeps the agent of an English noun that the stemmer cuts to its thing
        // (`officer` is not `office`, `reporter` not `report`).
        let agent = w.is_ascii() && (w.ends_with("er") || w.ends_with("ers")) && !stemmed.ends_with("er");
        let stemmed =
            if agent { std::borrow::Cow::Borrowed(w.strip_suffix('s').unwrap_or(w)) } else { stemmed };
        let s: &str = &stemmed;
        let s = s.strip_suffix('ا').filter(|r| r.chars().count() >= 3 && !w.is_ascii()).unwrap_or(s);
        let folded =
            BROKEN_PLURALS.iter().find(|(p, _)| *p == s || Some(*p) == s.strip_prefix("ال")).map(|(_, x)| *x);
        out.push(folded.unwrap_or(s).to_string());
    });
    out
}
