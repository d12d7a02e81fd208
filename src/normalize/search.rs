//! What the full-text index stores and what a search asks of it: stems, FTS5 expressions
//! and the snippet shown beside a hit.

use super::{push_stem, stem, words, Word};

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
