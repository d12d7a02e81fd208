//! Finding a quote in a body as a reader sees it, for one quote or many against one body.

use super::{char_offset, chars_in, for_each_word, is_arabic_letter, is_word_char, push_folded};

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
    pub(super) inside: std::cell::OnceCell<rustc_hash::FxHashMap<String, Vec<(u32, u8)>>>,
    finds: std::cell::Cell<u32>,
    /// The characters before every [`CHAR_MARK`]th byte, so a byte offset becomes a character
    /// offset by counting at most that many bytes.
    char_marks: Vec<u32>,
}

/// Bytes between two character-count marks of a [`QuoteIndex`].
const CHAR_MARK: usize = 4096;

/// Calls `f` with each unit (normalised form, start, end) of a text.
pub(super) fn for_each_unit(text: &str, mut f: impl FnMut(&str, usize, usize)) {
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
