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
/// Observatory` and `Syrian observatory` fold alike. Used to match source names; never stored.
pub fn fold_name(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |w, _, _| {
        if matches!(w, "the" | "a" | "an") {
            return;
        }
        let stemmed = stem(w);
        let s: &str = &stemmed;
        let s = s.strip_suffix('ا').filter(|r| r.chars().count() >= 3 && !w.is_ascii()).unwrap_or(s);
        let folded =
            BROKEN_PLURALS.iter().find(|(p, _)| *p == s || Some(*p) == s.strip_prefix("ال")).map(|(_, x)| *x);
        out.push(folded.unwrap_or(s).to_string());
    });
    out
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
        push_stem(&w.norm, &mut out);
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

/// Finds a quote in a body as a reader sees it: words compared after search normalisation
/// (harakat, alef forms, tatweel, digits of either script), digits glued to a word matched with
/// or without the space, quotation marks of any style alike, and the quote allowed to begin
/// after a clitic (`انشقاق` in `بانشقاق`) or end before a suffix pronoun. Returns the byte
/// span, in the original body, of the first occurrence. For many quotes against one body,
/// build a [`QuoteIndex`] once.
pub fn find_quote(body: &str, quote: &str) -> Option<(usize, usize)> {
    QuoteIndex::new(body).find(quote)
}

/// One unit of a text for quote matching: a word, or the digits or letters of a word that
/// mixes them (`ضحيتها11` is two units), with its byte span in the original text.
struct Unit {
    id: u32,
    start: usize,
    end: usize,
}

/// Leading clitics a quote may start after, and suffix pronouns it may stop before.
const QUOTE_PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "فب", "ول", "فل",
    "وك", "فك", "ال", "و", "ف", "ب", "ل", "ك",
];
const QUOTE_ENCLITICS: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي"];

const PRO: u8 = 1;
const ENC: u8 = 2;

/// A body prepared once for many quotes: its units, a map from each distinct word to where it
/// occurs, and the words a clitic-free quote word may stand inside. Finding a quote costs about
/// the occurrences of its rarest word, and never more than one linear pass over the body.
pub struct QuoteIndex {
    body: String,
    units: Vec<Unit>,
    ids: rustc_hash::FxHashMap<String, u32>,
    positions: Vec<Vec<u32>>,
    /// A word with a clitic or suffix set aside -> (the word's id, which were set aside). Made
    /// at the third quote looked up: the first two scan the body's distinct words instead, so
    /// an index made for one quote (a CSV whose rows change article) does not pay for it.
    inside: std::cell::OnceCell<rustc_hash::FxHashMap<String, Vec<(u32, u8)>>>,
    finds: std::cell::Cell<u32>,
    /// The characters before every [`CHAR_MARK`]th byte, so a byte offset becomes a character
    /// offset by counting at most that many bytes.
    char_marks: Vec<u32>,
}

/// Bytes between two character-count marks of a [`QuoteIndex`].
const CHAR_MARK: usize = 4096;

/// The characters in a run of UTF-8 bytes: the bytes that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Calls `f` with each unit (normalised form, start, end) of a text.
fn for_each_unit(text: &str, mut f: impl FnMut(&str, usize, usize)) {
    let mut buf = String::new();
    for_each_word(text, |norm, start, end| {
        let digits = norm.bytes().any(|b| b.is_ascii_digit());
        if !digits || norm.bytes().all(|b| b.is_ascii_digit()) {
            f(norm, start, end);
            return;
        }
        // Split where letters meet digits, mapping each piece back to the original bytes.
        let (mut piece, mut piece_start, mut piece_end, mut last_digit) = (String::new(), start, start, None);
        for (i, c) in text[start..end].char_indices() {
            buf.clear();
            push_folded(c, &mut buf);
            for g in buf.chars().filter(|g| is_word_char(*g)) {
                let d = g.is_ascii_digit();
                if last_digit.is_some_and(|l| l != d) && !piece.is_empty() {
                    f(&piece, piece_start, piece_end);
                    piece.clear();
                    piece_start = start + i;
                }
                if piece.is_empty() {
                    piece_start = start + i;
                }
                piece.push(g);
                last_digit = Some(d);
            }
            piece_end = start + i + c.len_utf8();
        }
        if !piece.is_empty() {
            f(&piece, piece_start, piece_end);
        }
    });
}

fn quote_units(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for_each_unit(text, |n, s, e| out.push((n.to_string(), s, e)));
    out
}

/// The forms of a word with a clitic and/or suffix set aside (a rest keeps two letters).
fn inner_forms(w: &str) -> Vec<(String, u8)> {
    let mut out = Vec::new();
    if !w.chars().any(is_arabic_letter) {
        return out;
    }
    let len = |s: &str| s.chars().count();
    let mut pre: Vec<(&str, u8)> = vec![(w, 0)];
    for p in QUOTE_PROCLITICS {
        if let Some(rest) = w.strip_prefix(p) {
            if len(rest) >= 2 {
                pre.push((rest, PRO));
            }
        }
    }
    for (base, flag) in pre {
        if flag != 0 {
            out.push((base.to_string(), flag));
        }
        for e in QUOTE_ENCLITICS {
            if let Some(rest) = base.strip_suffix(e) {
                if len(rest) >= 2 {
                    out.push((rest.to_string(), flag | ENC));
                }
            }
        }
    }
    out
}

/// The byte offset in `text[start..end]` where normalised word character `k` begins
/// (`end` when the word has fewer).
fn word_char_offset(text: &str, start: usize, end: usize, k: usize) -> usize {
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in text[start..end].char_indices() {
        buf.clear();
        push_folded(c, &mut buf);
        let n = buf.chars().filter(|g| is_word_char(*g)).count();
        if n > 0 && seen >= k {
            return start + i;
        }
        seen += n;
    }
    end
}

/// Quotation marks of every style read as one.
fn fold_mark(c: char) -> char {
    match c {
        '«' | '»' | '“' | '”' | '„' | '‟' | '‹' | '›' | '＂' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        _ => c,
    }
}

impl QuoteIndex {
    /// The body the index was made from.
    pub fn body(&self) -> &str {
        &self.body
    }

    /// Prepares a body: one pass over its words.
    pub fn new(body: &str) -> Self {
        let mut ids: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
        let mut positions: Vec<Vec<u32>> = Vec::new();
        let mut units = Vec::with_capacity(body.len() / 6);
        for_each_unit(body, |norm, start, end| {
            let id = match ids.get(norm) {
                Some(id) => *id,
                None => {
                    let id = positions.len() as u32;
                    ids.insert(norm.to_string(), id);
                    positions.push(Vec::new());
                    id
                }
            };
            positions[id as usize].push(units.len() as u32);
            units.push(Unit { id, start, end });
        });
        let mut char_marks = Vec::with_capacity(body.len() / CHAR_MARK + 1);
        let mut seen = 0;
        for block in body.as_bytes().chunks(CHAR_MARK) {
            char_marks.push(seen as u32);
            seen += chars_in(block);
        }
        QuoteIndex {
            body: body.to_string(),
            units,
            ids,
            positions,
            inside: std::cell::OnceCell::new(),
            finds: std::cell::Cell::new(0),
            char_marks,
        }
    }

    /// The body's words that hold `w` with a clitic or suffix set aside, with which were.
    fn inner_matches(&self, w: &str) -> Vec<(u32, u8)> {
        if let Some(inside) = self.inside.get() {
            return inside.get(w).cloned().unwrap_or_default();
        }
        if self.finds.get() > 2 {
            let mut inside: rustc_hash::FxHashMap<String, Vec<(u32, u8)>> = rustc_hash::FxHashMap::default();
            for (word, id) in &self.ids {
                for (form, flag) in inner_forms(word) {
                    inside.entry(form).or_default().push((*id, flag));
                }
            }
            return self.inside.get_or_init(|| inside).get(w).cloned().unwrap_or_default();
        }
        // An inner form is part of its word (it may have no Arabic letter left: وISIS -> isis).
        let mut out = Vec::new();
        for (word, id) in &self.ids {
            if word.len() > w.len() && word.contains(w) {
                out.extend(
                    inner_forms(word).into_iter().filter(|(form, _)| form == w).map(|(_, f)| (*id, f)),
                );
            }
        }
        out
    }

    /// The character offset of a byte offset of the body (a char boundary), in time independent
    /// of the body's length.
    pub fn char_offset(&self, byte: usize) -> usize {
        let block = byte / CHAR_MARK;
        match self.char_marks.get(block) {
            Some(before) => *before as usize + chars_in(&self.body.as_bytes()[block * CHAR_MARK..byte]),
            None => char_offset(&self.body, byte),
        }
    }

    /// The word ids a quote word may match at the quote's edge, with what is set aside.
    fn edge_ids(&self, w: &str, allowed: u8) -> Vec<(u32, u8)> {
        let mut out: Vec<(u32, u8)> = self.ids.get(w).map(|id| vec![(*id, 0)]).unwrap_or_default();
        out.extend(self.inner_matches(w).into_iter().filter(|(_, f)| f & !allowed == 0));
        out
    }

    /// Finds a quote; the byte span in the body of its first occurrence.
    pub fn find(&self, quote: &str) -> Option<(usize, usize)> {
        self.finds.set(self.finds.get().saturating_add(1));
        let q = quote_units(quote);
        if q.is_empty() {
            return None;
        }
        let m = q.len();
        let allow_first = if m == 1 { PRO | ENC } else { PRO };
        let first = self.edge_ids(&q[0].0, allow_first);
        let last = if m == 1 { Vec::new() } else { self.edge_ids(&q[m - 1].0, ENC) };
        let flag_of = |set: &[(u32, u8)], id: u32| set.iter().find(|(x, _)| *x == id).map(|(_, f)| *f);
        let (s, f_first, f_last) = if m == 1 {
            let (pos, flag) = first
                .iter()
                .filter_map(|(id, f)| self.positions[*id as usize].first().map(|p| (*p as usize, *f)))
                .min_by_key(|(p, f)| (*p, *f))?;
            (pos, flag, flag)
        } else {
            let middle: Vec<u32> =
                q[1..m - 1].iter().map(|(w, _, _)| self.ids.get(w).copied()).collect::<Option<_>>()?;
            let ok = |s: usize| -> Option<(u8, u8)> {
                if s + m > self.units.len() {
                    return None;
                }
                let a = flag_of(&first, self.units[s].id)?;
                let b = flag_of(&last, self.units[s + m - 1].id)?;
                Some((a, b))
            };
            let s = self.first_match(&middle, &first, ok)?;
            let (a, b) = ok(s)?;
            (s, a, b)
        };
        Some(self.span(quote, &q, s, f_first, f_last))
    }

    /// The first body position where the quote's middle words occur with acceptable edges:
    /// candidates from the rarest middle word, or one KMP pass when they are too many to try.
    fn first_match(
        &self,
        middle: &[u32],
        first: &[(u32, u8)],
        ok: impl Fn(usize) -> Option<(u8, u8)>,
    ) -> Option<usize> {
        let n = self.units.len();
        let body_ids = || self.units.iter().map(|u| u.id);
        if middle.is_empty() {
            // Two words: try each place the first word stands, in order.
            let mut starts: Vec<usize> = first
                .iter()
                .flat_map(|(id, _)| self.positions[*id as usize].iter().map(|p| *p as usize))
                .collect();
            starts.sort_unstable();
            return starts.into_iter().find(|s| ok(*s).is_some());
        }
        let (k, rare) =
            middle.iter().enumerate().min_by_key(|(_, id)| self.positions[**id as usize].len())?;
        let limit = 4 * (n + middle.len());
        let mut spent = 0;
        for p in &self.positions[*rare as usize] {
            let Some(s) = (*p as usize).checked_sub(k + 1) else { continue };
            let mut cost = 0;
            let same = middle.iter().enumerate().all(|(j, id)| {
                cost += 1;
                self.units.get(s + 1 + j).is_some_and(|u| u.id == *id)
            });
            if same && ok(s).is_some() {
                return Some(s);
            }
            spent += cost + 1;
            if spent > limit {
                // Too many near misses (a quote of common words): one linear pass instead.
                return kmp_matches(middle, body_ids())
                    .find_map(|t| t.checked_sub(1).filter(|s| ok(*s).is_some()));
            }
        }
        None
    }

    /// The byte span of a match, after a clitic and before a suffix where they were set aside,
    /// and with the quote's leading or trailing punctuation when the body has it there too.
    fn span(
        &self,
        quote: &str,
        q: &[(String, usize, usize)],
        s: usize,
        f_first: u8,
        f_last: u8,
    ) -> (usize, usize) {
        let (u0, u1) = (&self.units[s], &self.units[s + q.len() - 1]);
        let mut start = u0.start;
        let mut end = u1.end;
        if f_first & PRO != 0 {
            let body_len = self.word_len(u0);
            let inner_len =
                q[0].0.chars().count() + if q.len() == 1 { self.enc_len(u0, f_first, &q[0].0) } else { 0 };
            start = word_char_offset(&self.body, u0.start, u0.end, body_len - inner_len);
        }
        if f_last & ENC != 0 {
            let w = &q[q.len() - 1].0;
            let pro = if q.len() == 1 && f_first & PRO != 0 {
                self.word_len(u1) - w.chars().count() - self.enc_len(u1, f_last, w)
            } else {
                0
            };
            end = word_char_offset(&self.body, u1.start, u1.end, pro + w.chars().count());
        }
        if f_first == 0 {
            let prefix = quote[..q[0].1].trim();
            if let Some(p) = self.extend_back(start, prefix) {
                start = p;
            }
        }
        if f_last == 0 {
            let suffix = quote[q[q.len() - 1].2..].trim();
            if let Some(p) = self.extend_forward(end, suffix) {
                end = p;
            }
        }
        (start, end)
    }

    fn word_len(&self, u: &Unit) -> usize {
        let mut buf = String::new();
        self.body[u.start..u.end]
            .chars()
            .map(|c| {
                buf.clear();
                push_folded(c, &mut buf);
                buf.chars().filter(|g| is_word_char(*g)).count()
            })
            .sum()
    }

    /// Characters of the suffix set aside from a body word that holds quote word `w`.
    fn enc_len(&self, u: &Unit, flag: u8, w: &str) -> usize {
        if flag & ENC == 0 {
            return 0;
        }
        let mut buf = String::new();
        let mut norm = String::new();
        for c in self.body[u.start..u.end].chars() {
            buf.clear();
            push_folded(c, &mut buf);
            norm.extend(buf.chars().filter(|g| is_word_char(*g)));
        }
        QUOTE_ENCLITICS
            .iter()
            .find(|e| norm.strip_suffix(*e).is_some_and(|r| r.ends_with(w)))
            .map(|e| e.chars().count())
            .unwrap_or(0)
    }

    /// Punctuation before the quote's first word, matched backwards from `start` (quotation
    /// marks of any style alike, spacing ignored).
    fn extend_back(&self, start: usize, prefix: &str) -> Option<usize> {
        if prefix.is_empty() {
            return None;
        }
        let mut want = prefix.chars().rev().filter(|c| !c.is_whitespace()).peekable();
        let mut pos = start;
        for (i, c) in self.body[..start].char_indices().rev() {
            let Some(w) = want.peek() else { break };
            if c.is_whitespace() {
                continue;
            }
            if fold_mark(c) != fold_mark(*w) {
                return None;
            }
            want.next();
            pos = i;
        }
        want.peek().is_none().then_some(pos)
    }

    fn extend_forward(&self, end: usize, suffix: &str) -> Option<usize> {
        if suffix.is_empty() {
            return None;
        }
        let mut want = suffix.chars().filter(|c| !c.is_whitespace()).peekable();
        let mut pos = end;
        for (i, c) in self.body[end..].char_indices() {
            let Some(w) = want.peek() else { break };
            if c.is_whitespace() {
                continue;
            }
            if fold_mark(c) != fold_mark(*w) {
                return None;
            }
            want.next();
            pos = end + i + c.len_utf8();
        }
        want.peek().is_none().then_some(pos)
    }
}

/// Start positions of every occurrence of `pat` in `hay`, in order (Knuth-Morris-Pratt).
fn kmp_matches(pat: &[u32], hay: impl Iterator<Item = u32>) -> impl Iterator<Item = usize> {
    let mut fail = vec![0usize; pat.len()];
    let mut k = 0;
    for i in 1..pat.len() {
        while k > 0 && pat[i] != pat[k] {
            k = fail[k - 1];
        }
        if pat[i] == pat[k] {
            k += 1;
        }
        fail[i] = k;
    }
    let pat = pat.to_vec();
    let mut k = 0;
    hay.enumerate().filter_map(move |(i, c)| {
        while k > 0 && c != pat[k] {
            k = fail[k - 1];
        }
        if c == pat[k] {
            k += 1;
        }
        if k == pat.len() {
            k = fail[k - 1];
            return Some(i + 1 - pat.len());
        }
        None
    })
}

/// A short excerpt of the original text around the first word whose stem is searched for,
/// with every matching word marked `[...]`. Falls back to the opening of the text.
pub fn snippet(text: &str, terms: &[Vec<String>], width: usize) -> String {
    let wanted: std::collections::HashSet<&str> = terms.iter().flatten().map(String::as_str).collect();
    let words = words(text);
    let hits: Vec<&Word> = words.iter().filter(|w| wanted.contains(stem(&w.norm).as_ref())).collect();
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
    chars_in(&text.as_bytes()[..byte])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_index_counts_characters_as_the_text_does(text in "[a-zé\u{0621}-\u{064A} ]{0,9000}", cut in 0usize..10000) {
            let index = QuoteIndex::new(&text);
            let mut byte = cut.min(text.len());
            while !text.is_char_boundary(byte) {
                byte -= 1;
            }
            prop_assert_eq!(index.char_offset(byte), text[..byte].chars().count());
        }

        #[test]
        fn a_quote_is_found_alike_before_and_after_the_clitic_table_is_made(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "وقال", "قال", "والمقاتلون", "المقاتلون", "مقاتلون", "بالمدينه", "مدينته", "مدينه",
                "وكتابهم", "كتاب", "كتابهم", "فقتلوا", "قتلوا", "ولهم", "the", "fighters", "وisis", "isis",
            ]), 1..40),
            picks in proptest::collection::vec((0usize..40, 1usize..4), 6),
        ) {
            let body = words.join(" ");
            // Quotes are the body's words with the clitics of their edges cut off, or not.
            let quotes: Vec<String> = picks
                .iter()
                .map(|(at, len)| {
                    let at = at % words.len();
                    let mut q: Vec<&str> = words[at..(at + len).min(words.len())].to_vec();
                    let first = q[0].strip_prefix('و').unwrap_or(q[0]);
                    q[0] = first;
                    q.join(" ")
                })
                .collect();
            let fresh: Vec<_> = quotes.iter().map(|q| QuoteIndex::new(&body).find(q)).collect();
            let shared = QuoteIndex::new(&body);
            for _ in 0..2 {
                for (q, expected) in quotes.iter().zip(&fresh) {
                    prop_assert_eq!(&shared.find(q), expected, "{}", q);
                }
            }
            prop_assert!(shared.inside.get().is_some());
        }

        #[test]
        fn a_remembered_stem_is_the_stem(words in proptest::collection::vec("[a-z]{1,12}|[\u{0621}-\u{064A}]{1,8}|[0-9a-z]{1,6}", 1..60)) {
            // Twice over, so the second pass reads every English stem from the table.
            for _ in 0..2 {
                for w in &words {
                    let mut out = String::from("x");
                    push_stem(w, &mut out);
                    let expected = stem(w);
                    prop_assert_eq!(&out[1..], expected.as_ref());
                }
            }
        }
    }

    #[test]
    fn a_latin_word_after_a_clitic_is_found_by_the_first_quote_too() {
        let body = "قال مسؤول إن وISIS هاجمت المدينة امس.";
        let fresh = QuoteIndex::new(body);
        let found = fresh.find("ISIS هاجمت المدينة");
        assert!(found.is_some());
        let used = QuoteIndex::new(body);
        for _ in 0..3 {
            used.find("المدينة");
        }
        assert_eq!(used.find("ISIS هاجمت المدينة"), found);
    }

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
        assert_eq!(stem("defectors"), "defector");
        assert_eq!(stem("defector"), "defector");
        assert_eq!(stem("fighters"), stem("fighter"));
        assert_eq!(stem("al"), "al");
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
    fn quotes_match_as_a_reader_sees_them() {
        let body = "وبلغ عدد ضحيتها11 شخصاً بحسب المرصد، وقال مصدر إن «عشرات الإخوة» ينتظرون، \
            وأكد ناشطون بانشقاق قائدين ميدانيين وانشقاقهم عن اللواء، وقُتل ٤٥ مقاتلاً.";
        let found = |q: &str| find_quote(body, q).map(|(s, e)| &body[s..e]);
        // Digits glued to a word match with a space, and the reverse.
        assert_eq!(found("ضحيتها 11 شخصا"), Some("ضحيتها11 شخصاً"));
        assert_eq!(find_quote("قتل 11شخصا", "قتل 11 شخصا").map(|(s, e)| e - s), Some("قتل 11شخصا".len()));
        // Arabic-Indic and ASCII digits.
        assert_eq!(found("وقتل 45 مقاتلا"), Some("وقُتل ٤٥ مقاتلاً"));
        // Quotation marks of any style match each other, and belong to the span.
        assert_eq!(found("\"عشرات الاخوة\""), Some("«عشرات الإخوة»"));
        assert_eq!(found("“عشرات الإخوة” ينتظرون"), Some("«عشرات الإخوة» ينتظرون"));
        // A quote may start after a clitic, or end before a suffix pronoun.
        assert_eq!(found("انشقاق قائدين"), Some("انشقاق قائدين"));
        assert_eq!(found("انشقاق"), Some("انشقاق"));
        assert_eq!(found("ميدانيين وانشقاق"), Some("ميدانيين وانشقاق"));
        assert_eq!(found("قائدين ميدانيين وانشقاق"), Some("قائدين ميدانيين وانشقاق"));
        // Tatweel and harakat in the typed quote do not matter.
        assert_eq!(found("عددُ ضحيتـــها11"), Some("عدد ضحيتها11"));
        assert_eq!(found("مصدر مجهول"), None);
        assert_eq!(found(""), None);
        let en = "Officials said \u{201c}a dozen\u{201d} fighters left; later, a dozen more left.";
        let (s, e) = find_quote(en, "\"a dozen\" fighters").unwrap();
        assert_eq!(&en[s..e], "\u{201c}a dozen\u{201d} fighters");
        let (s, _) = find_quote(en, "a dozen").unwrap();
        assert_eq!(s, en.find("a dozen").unwrap(), "the first occurrence");
    }

    #[test]
    fn a_quote_index_answers_many_quotes_and_survives_common_words() {
        // A body of one word repeated with rare breaks: candidates from the rarest word are many,
        // so the index falls back to one linear pass, and still finds the first occurrence.
        let mut body = String::new();
        for i in 0..5000 {
            body.push_str(if i % 97 == 96 { "في " } else { "من " });
        }
        body.push_str("من من من في نهاية");
        let index = QuoteIndex::new(&body);
        let quote = "من من من في نهاية";
        let (s, e) = index.find(quote).unwrap();
        assert_eq!(&body[s..e], quote);
        assert_eq!(index.find("في في"), None);
        assert_eq!(index.find("من نهاية"), None);
        let (s2, _) = index.find("من من").unwrap();
        assert_eq!(s2, 0);
    }

    /// Run with `cargo test --release --lib quote_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn quote_timing_5000_words_in_a_million() {
        // 20,000 distinct Arabic words of four to six letters.
        let letters: Vec<char> = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
        let vocab: Vec<String> = (0..20_000u32)
            .map(|i| {
                let mut x = i.wrapping_mul(2_654_435_761) as usize;
                (0..4 + i as usize % 3)
                    .map(|_| {
                        let c = letters[x % letters.len()];
                        x /= letters.len();
                        x += 7;
                        c
                    })
                    .collect()
            })
            .collect();
        let mut seed = 12345u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let words: Vec<&str> =
            (0..1_000_000).map(|_| vocab[(next() % vocab.len() as u64) as usize].as_str()).collect();
        let body = words.join(" ");
        let quote = words[990_000..995_000].join(" ");
        let t = std::time::Instant::now();
        let mut n = 0;
        for_each_unit(&body, |_, _, _| n += 1);
        let split = t.elapsed();
        let t = std::time::Instant::now();
        let index = QuoteIndex::new(&body);
        let built = t.elapsed();
        eprintln!("{n} units split in {split:?}");
        let t = std::time::Instant::now();
        let span = index.find(&quote);
        let found = t.elapsed();
        assert!(span.is_some());
        let t = std::time::Instant::now();
        let whole = find_quote(&body, &quote);
        let once = t.elapsed();
        assert_eq!(span, whole);
        eprintln!("1,000,000-word body: index built in {built:?}; 5,000-word quote found in {found:?}; find_quote (build + find) {once:?}");
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
