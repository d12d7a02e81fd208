//! The shape of an article: paragraphs, headings, sentences, clauses and quotations, found in
//! one pass over its lines and one over its tokens.

use crate::numwords::tokens::{TokKind, Token};

use super::tables::Tables;

/// A sentence: tokens `start..end`; `body` skips a dateline (`TELL HARIR, Feb 14 (Wire) -`).
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub body: usize,
    pub end: usize,
    pub para: usize,
    /// A headline, subheading, byline or dateline line: nothing is suggested from it.
    pub heading: bool,
    /// The first sentence of its paragraph.
    pub first: bool,
}

/// A passage between quotation marks: tokens `open..=close` (the marks themselves included).
#[derive(Debug, Clone)]
pub(crate) struct Quotation {
    pub open: usize,
    pub close: usize,
    /// Four words or more: reported speech, not a name or a scare-quoted word.
    pub speech: bool,
}

pub(crate) const NONE: u32 = u32::MAX;

pub(crate) struct Layout {
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sent_of: Vec<u32>,
    pub quotes: Vec<Quotation>,
    /// The innermost speech quotation holding each token, or NONE.
    pub quote_of: Vec<u32>,
    /// Clause index of each token: clauses end at `, ، ; ؛ :` and at sentence ends.
    pub clause_of: Vec<u32>,
    /// Token span of each clause.
    pub clauses: Vec<(usize, usize)>,
}

/// One line of the text, as the layout sees it.
struct Line {
    start: usize,
    heading: bool,
    /// A line of a list of tallies (`شمال سهران: 17 قتيلاً`): a paragraph of its own.
    tally: bool,
    /// A new paragraph starts with this line.
    para_start: bool,
}

fn ends_sentence_text(line: &str) -> bool {
    let t = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '*' | '›')
    });
    t.ends_with(['.', '!', '?', '؟', '…', ':', ';', '؛'])
}

fn lines(text: &str) -> Vec<Line> {
    let mut raw: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for piece in text.split_inclusive('\n') {
        raw.push((at, at + piece.trim_end_matches(['\n', '\r']).len()));
        at += piece.len();
    }
    let blank: Vec<bool> = raw.iter().map(|(a, b)| text[*a..*b].trim().is_empty()).collect();
    let mut out: Vec<Line> = Vec::with_capacity(raw.len());
    for (k, (a, b)) in raw.iter().enumerate() {
        let s = &text[*a..*b];
        let words = s.split_whitespace().count();
        let alone = (k == 0 || blank[k - 1]) && (k + 1 == raw.len() || blank[k + 1]);
        // A bullet (`- 214 civilians killed`, `• نزوح 9 آلاف`) is an item of a list, not a
        // heading, even without a full stop.
        // A star or a dash needs its space (`*Northern Monitor, 6 December*` is italics, `--` a
        // rule); a dash before an Arabic word may be glued (`-نزوح`).
        let t = s.trim_start();
        let bullet = t.starts_with(['•', '▪', '■', '●', '◦'])
            || t.starts_with("* ")
            || t.starts_with("– ")
            || (t.starts_with('-')
                && !t.starts_with("--")
                && !t[1..].starts_with(|c: char| c.is_ascii_digit()));
        let tally = crate::notation::tally_line(s);
        let heading = !blank[k]
            && !ends_sentence_text(s)
            && !bullet
            && !tally
            && (words <= 12 || (alone && words <= 30) || s.trim_start().starts_with('#'));
        let prev = k.checked_sub(1);
        let para_start = match prev {
            None => true,
            Some(p) => {
                blank[p]
                    || out[p].heading
                    || out[p].tally
                    || heading
                    || bullet
                    || ends_sentence_text(&text[raw[p].0..raw[p].1])
            }
        };
        out.push(Line { start: *a, heading, tally, para_start });
    }
    out
}

/// The original character at a token's start.
fn first_char(text: &str, t: &Token) -> char {
    text[t.start..].chars().next().unwrap_or(' ')
}

/// Does the full stop at `i` end a sentence? Not in `U.N.`, `a.m.,`, `Dr. Nassar`.
fn stop_ends_sentence(text: &str, toks: &[Token], i: usize, tables: &Tables) -> bool {
    let Some(next) = toks.get(i + 1) else { return true };
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    let glued_prev = !toks[i].space_before;
    let single =
        |t: Option<&Token>| t.is_some_and(|t| t.kind == TokKind::Word && t.norm.chars().count() == 1);
    if glued_prev && single(prev) && prev.is_some_and(|p| p.norm.is_ascii()) {
        // An initialism: U.N. official, a.m., J. Smith.
        if !next.space_before && single(Some(next)) {
            return false;
        }
        let upper_initial = prev.is_some_and(|p| first_char(text, p).is_uppercase());
        if upper_initial && next.kind == TokKind::Word {
            return false;
        }
    }
    if glued_prev && prev.is_some_and(|p| p.kind == TokKind::Word && tables.abbreviations.contains(&p.norm)) {
        return false;
    }
    if next.kind == TokKind::Word && next.norm.is_ascii() && first_char(text, next).is_lowercase() {
        return false;
    }
    if next.kind == TokKind::Sym && matches!(next.norm.as_str(), "," | ";" | ":") {
        return false;
    }
    // `the U.S.-led coalition`, `U.K.-based`: a stop glued to a hyphen is inside a word.
    if !next.space_before && next.kind == TokKind::Sym && matches!(next.norm.as_str(), "-" | "/") {
        return false;
    }
    // `The U.N.'s humanitarian office`: a stop glued to a possessive is inside a name.
    if !next.space_before
        && next.kind == TokKind::Sym
        && matches!(next.norm.as_str(), "'" | "’")
        && toks.get(i + 2).is_some_and(|t| !t.space_before && t.norm == "s")
    {
        return false;
    }
    // Arabic abbreviations and initials: `د. سمير`, `ع. م. الأحمد`, `(و.أ.م)` (one letter and a
    // stop, the letter after a space, a bracket, a quotation mark or another initial's stop).
    let opens = |k: usize| {
        k.checked_sub(1).is_some_and(|b| {
            toks[b].kind == TokKind::Sym && matches!(toks[b].norm.as_str(), "(" | "[" | "«" | "\"" | ".")
        })
    };
    let arabic_letter = prev.is_some_and(|p| {
        p.kind == TokKind::Word
            && p.norm.chars().count() == 1
            && !p.norm.is_ascii()
            && (p.space_before || opens(i - 1))
    });
    if glued_prev && (arabic_letter || prev.is_some_and(|p| tables.abbreviations.contains(&p.norm))) {
        return false;
    }
    true
}

fn closing_mark(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | '"' | '＂' | ')' | ']' | '’' | '\'')
}

pub(crate) fn layout(text: &str, toks: &[Token], tables: &Tables) -> Layout {
    let lines = lines(text);
    // Each token's line and paragraph, by one walk.
    let mut line_of: Vec<usize> = Vec::with_capacity(toks.len());
    let mut para_of: Vec<usize> = Vec::with_capacity(toks.len());
    let mut l = 0;
    let mut para = 0;
    let mut prev_line: Option<usize> = None;
    for t in toks {
        while l + 1 < lines.len() && t.start >= lines[l + 1].start {
            l += 1;
        }
        if prev_line != Some(l) {
            if prev_line.is_some() && lines[l].para_start {
                para += 1;
            }
            prev_line = Some(l);
        }
        line_of.push(l);
        para_of.push(para);
    }
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut sent_of = vec![0u32; toks.len()];
    let mut start = 0usize;
    let mut i = 0usize;
    while i < toks.len() {
        let t = &toks[i];
        let mut last = i;
        let mut end_here = false;
        if t.kind == TokKind::Sym && matches!(t.norm.as_str(), "!" | "?" | "…")
            || (t.is_sym(".") && stop_ends_sentence(text, toks, i, tables))
        {
            end_here = true;
            // Closing quotation marks and brackets glued to the stop belong to the sentence.
            while last + 1 < toks.len()
                && !toks[last + 1].space_before
                && toks[last + 1].kind == TokKind::Sym
                && closing_mark(first_char(text, &toks[last + 1]))
                && para_of[last + 1] == para_of[last]
            {
                last += 1;
            }
        }
        if last + 1 >= toks.len() || para_of[last + 1] != para_of[last] {
            end_here = true;
        }
        if !end_here {
            i += 1;
            continue;
        }
        let para = para_of[start];
        let heading = lines[line_of[start]].heading;
        let first = sentences.last().is_none_or(|s| s.para != para);
        let body = if first && !heading { dateline_end(text, toks, start, last + 1) } else { start };
        for s in &mut sent_of[start..=last] {
            *s = sentences.len() as u32;
        }
        sentences.push(Sentence { start, body, end: last + 1, para, heading, first });
        start = last + 1;
        i = last + 1;
    }
    let (quotes, quote_of) = quotations(text, toks, &sentences, tables);
    let (clauses, clause_of) = clauses(toks, &sentences);
    Layout { sentences, sent_of, quotes, quote_of, clause_of, clauses }
}

/// Where the body of a paragraph's first sentence starts, after a dateline: a spaced dash
/// within the first fourteen tokens, after a bracketed agency name or an upper-case place.
/// A live blog's entry opens with its time the same way (`09:40 - Dr. Halloum said`, `07:45 —
/// أفاد`).
fn dateline_end(text: &str, toks: &[Token], start: usize, end: usize) -> usize {
    if start + 3 < end && is_clock(toks, start + 1) && toks[start + 3].is_sym("-") {
        return start + 4;
    }
    let limit = end.min(start + 14);
    for k in start + 1..limit {
        let t = &toks[k];
        let spaced_dash = t.is_sym("-") && t.space_before && toks.get(k + 1).is_some_and(|n| n.space_before);
        if !spaced_dash {
            continue;
        }
        let before = &toks[start..k];
        let bracket = before.iter().any(|b| b.is_sym(")"));
        let caps = {
            let s = &text[toks[start].start..toks[k - 1].end];
            s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
        };
        if bracket || caps {
            return k + 1;
        }
        return start;
    }
    start
}

fn quotations(
    text: &str,
    toks: &[Token],
    sentences: &[Sentence],
    tables: &Tables,
) -> (Vec<Quotation>, Vec<u32>) {
    let mut quotes: Vec<Quotation> = Vec::new();
    let mut stack: Vec<(usize, bool)> = Vec::new();
    let mut para = usize::MAX;
    let mut para_last = 0usize;
    for s in sentences {
        if s.para != para {
            for (open, _) in stack.drain(..) {
                quotes.push(Quotation { open, close: para_last, speech: false });
            }
            para = s.para;
        }
        for (i, t) in toks.iter().enumerate().take(s.end).skip(s.start) {
            if t.kind != TokKind::Sym || t.norm != "\"" {
                continue;
            }
            match first_char(text, t) {
                '«' | '“' | '„' | '‹' => {
                    if stack.len() < 4 {
                        stack.push((i, false));
                    }
                }
                '»' | '”' | '›' => {
                    if let Some((open, _)) = stack.pop() {
                        quotes.push(Quotation { open, close: i, speech: false });
                    }
                }
                _ => {
                    if stack.last().is_some_and(|(_, straight)| *straight) {
                        let (open, _) = stack.pop().unwrap_or((i, true));
                        quotes.push(Quotation { open, close: i, speech: false });
                    } else if stack.len() < 4 {
                        stack.push((i, true));
                    }
                }
            }
        }
        para_last = s.end.saturating_sub(1);
    }
    for (open, _) in stack.drain(..) {
        quotes.push(Quotation { open, close: para_last.max(open), speech: false });
    }
    // Reported speech: four words or more, unless the passage opens with a source noun or the
    // head of a body and is short (a name: «مرصد عين صخر لحقوق الإنسان», «شبكة تنسيقيات وادي
    // السراق», «نقابة عمال الصناعات الكيميائية»).
    for q in quotes.iter_mut() {
        let inner: Vec<&Token> =
            toks[q.open + 1..q.close.max(q.open + 1)].iter().filter(|t| t.kind == TokKind::Word).collect();
        let named = inner.first().is_some_and(|t| {
            crate::numwords::tokens::clitic_forms(&t.norm)
                .iter()
                .any(|(_, _, w)| tables.source_nouns.contains(*w) || tables.body_heads.contains(*w))
        });
        q.speech = inner.len() >= 4 && !(named && inner.len() <= 7);
    }
    quotes.sort_by_key(|q| q.open);
    let mut quote_of = vec![NONE; toks.len()];
    // Outer quotations first, so that an inner one keeps its own tokens.
    let mut order: Vec<usize> = (0..quotes.len()).filter(|k| quotes[*k].speech).collect();
    order.sort_by_key(|k| std::cmp::Reverse(quotes[*k].close - quotes[*k].open));
    for k in order {
        for slot in &mut quote_of[quotes[k].open..=quotes[k].close] {
            *slot = k as u32;
        }
    }
    (quotes, quote_of)
}

/// Is the colon at `i` the one of a clock time (`09:40`), glued between two numbers?
fn is_clock(toks: &[Token], i: usize) -> bool {
    i > 0
        && toks[i].is_sym(":")
        && !toks[i].space_before
        && toks[i - 1].kind == TokKind::Num
        && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Num && !n.space_before)
}

fn clauses(toks: &[Token], sentences: &[Sentence]) -> (Vec<(usize, usize)>, Vec<u32>) {
    let mut clauses = Vec::new();
    let mut clause_of = vec![0u32; toks.len()];
    for s in sentences {
        let mut start = s.start;
        for i in s.start..s.end {
            clause_of[i] = clauses.len() as u32;
            let t = &toks[i];
            if t.kind == TokKind::Sym && matches!(t.norm.as_str(), "," | ";" | ":") && !is_clock(toks, i) {
                clauses.push((start, i + 1));
                start = i + 1;
            }
        }
        if start < s.end {
            clauses.push((start, s.end));
        }
    }
    (clauses, clause_of)
}

/// The outlet a report is written by, from its dateline in the first lines: a guillemets name
/// after a spaced dash ending the line (`رأس الفنار — «وكالة الموج للأنباء»`) or a bracketed
/// name before the dash (`MARSIN, Dec. 6 (Meridian Wire) - ...`). Its words, folded as tokens.
pub(crate) fn dateline_outlet(text: &str) -> Option<Vec<String>> {
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    let name = head.lines().filter(|l| !l.trim().is_empty()).take(5).find_map(|line| {
        let line = line.trim();
        let dash = [" — ", " – ", " - "].iter().filter_map(|d| line.find(d)).min()?;
        let (before, after) = (&line[..dash], line[dash..].trim_start_matches([' ', '—', '–', '-']));
        if let Some(inner) = after.strip_prefix('«').and_then(|r| r.strip_suffix('»')) {
            return Some(inner);
        }
        let open = before.rfind('(')?;
        before[open + 1..].strip_suffix(')').filter(|n| !n.is_empty() && !n.contains('('))
    })?;
    let words: Vec<String> = crate::numwords::tokens::tokenize(name)
        .into_iter()
        .filter(|t| t.kind == TokKind::Word)
        .map(|t| t.norm)
        .collect();
    (!words.is_empty() && words.len() <= 6).then_some(words)
}
