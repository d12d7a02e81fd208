//! Figure notation: a number as an article words it ("ما يزيدُ على 100", "about 45", "dozens",
//! "أكثر من 30 مدنياً على الأقل", "18 + 14") read into an interval with a point estimate and the
//! rule that read it. Pure: the vague-word table is passed in. The parser never guesses: anything
//! it does not know is an error that echoes the input and says what is accepted.
//!
//! `tokens` splits a wording, `numbers` reads digits and number words, `tables` holds the hedge
//! phrases and other word lists as data, `read` puts them together, `find` looks for figures in
//! running text.

use std::collections::HashMap;
use std::fmt;

use crate::normalize::normalize;

mod find;

mod read;
mod tables;

pub use find::{find_figures, FoundFigure};
pub(crate) use find::{find_figures_in, tally_line};
pub(crate) use read::{looks_like_verb, VagueIndex};
pub(crate) use tables::{outcome_of, OUTCOMES};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Exact,
    Approx,
    MoreThan,
    AtLeast,
    FewerThan,
    AtMost,
    Range,
    Vague,
    /// Parts of one count added up: `18 + 14`, `6 Syrians and 9 Iraqis`.
    Sum,
}

impl Kind {
    /// Every kind, in the order of `as_str` (the schema's CHECK list must hold exactly these).
    pub const ALL: [Kind; 9] = [
        Kind::Exact,
        Kind::Approx,
        Kind::MoreThan,
        Kind::AtLeast,
        Kind::FewerThan,
        Kind::AtMost,
        Kind::Range,
        Kind::Vague,
        Kind::Sum,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Exact => "exact",
            Kind::Approx => "approx",
            Kind::MoreThan => "more-than",
            Kind::AtLeast => "at-least",
            Kind::FewerThan => "fewer-than",
            Kind::AtMost => "at-most",
            Kind::Range => "range",
            Kind::Vague => "vague",
            Kind::Sum => "sum",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A figure read into numbers. `high` None is an open upper bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub kind: Kind,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    /// How it was read, quoting the wording as typed.
    pub rule: String,
    /// The counted noun written with the number (`civilians`, `مدنياً`), as typed.
    pub noun: Option<String>,
    /// The wording says the toll may still rise (`and rising`, `حصيلة غير نهائية`):
    /// reconciliation leaves its high open.
    pub provisional: bool,
    /// Step by step, how the wording was read (for `figure parse --explain`).
    pub steps: Vec<String>,
}

/// A vague word's interval, as the notebook's table holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VagueTerm {
    pub low: i64,
    pub high: i64,
    pub point: i64,
}

/// The notebook's vague words, keyed by their search-normalised form.
pub type VagueTable = HashMap<String, VagueTerm>;

/// The default vague words (the conservative points of common conflict-data practice), then the
/// compound words added with the Arabic number words (docs/notation.md gives the reasons).
pub const DEFAULT_VAGUE_TERMS: &[(&str, i64, i64, i64)] = &[
    ("a few", 2, 9, 3),
    ("few", 2, 9, 3),
    ("بضعة", 2, 9, 3),
    ("several", 3, 9, 3),
    ("عدة", 3, 9, 3),
    ("tens", 10, 99, 10),
    ("عشرات", 10, 99, 10),
    ("dozens", 12, 99, 12),
    ("scores", 40, 99, 40),
    ("hundreds", 100, 999, 100),
    ("مئات", 100, 999, 100),
    ("thousands", 1000, 9999, 1000),
    ("آلاف", 1000, 9999, 1000),
    // Added with the second round of wording (schema version 3 seeds them too).
    ("بضع", 2, 9, 3),
    ("بضع عشرات", 20, 90, 30),
    ("a few dozen", 24, 108, 36),
    ("بضع مئات", 200, 900, 300),
    ("a few hundred", 200, 900, 300),
    ("several hundred", 300, 900, 300),
    ("بضعة آلاف", 2000, 9000, 3000),
    ("a few thousand", 2000, 9000, 3000),
    ("several thousand", 3000, 9000, 3000),
    ("عشرات الآلاف", 10_000, 99_999, 10_000),
    ("tens of thousands", 10_000, 99_999, 10_000),
    ("مئات الآلاف", 100_000, 999_999, 100_000),
    ("hundreds of thousands", 100_000, 999_999, 100_000),
];

/// The default vague-word table.
pub fn default_vague_table() -> VagueTable {
    DEFAULT_VAGUE_TERMS
        .iter()
        .map(|(w, low, high, point)| (vague_key(w), VagueTerm { low: *low, high: *high, point: *point }))
        .collect()
}

/// How a vague word is keyed: normalised, single-spaced.
pub fn vague_key(word: &str) -> String {
    normalize(word).split_whitespace().collect::<Vec<_>>().join(" ")
}

pub const ACCEPTED: &str = "write it as the article does: 45, ٤٥, 1,200, forty-five, خمسة وعشرون, \
    about 45, نحو 45, more than 100, ما يزيد على 100, at least 2, 100+, اثنين على الأقل, \
    fewer than 100, أقل من 100, up to 100, حتى 100, 10-20, between 10 and 20, بين 10 و20, \
    من 10 إلى 20, a counted noun after the number (45 fighters), a sum (18 + 14), \
    or a vague word from `crosscheck figure terms` (dozens, عشرات ...)";

pub(crate) fn not_a_figure(typed: &str) -> String {
    format!("'{typed}' is not a figure crosscheck reads; {ACCEPTED}")
}

/// Why a word cannot be a vague word, if it cannot: a word the reader already reads as part of
/// a number (`hundred`, `a`, `and`, `million`), a hedge (`about`, `نحو`, `at least`), a
/// negation or a word that is never a counted noun. A term made of such a word would change
/// how every figure with it reads.
pub fn not_a_vague_word(word: &str) -> Option<String> {
    let key = vague_key(word);
    let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let toks = crate::numwords::tokens::tokenize(&key);
    let hedge = |idx: &tables::PhraseIndex<tables::Hedge>| {
        compact.chars().next().is_some_and(|c| idx.candidates(c).iter().any(|(p, _)| *p == compact))
    };
    if hedge(tables::prefix_index()) || hedge(tables::suffix_index()) {
        return Some(format!("'{word}' is a hedge (about, نحو, at least ...), not a vague word"));
    }
    if toks.len() == 1 {
        let t = &toks[0];
        if crate::numwords::numbers::number_vocab(t) || tables::SCALE_WORDS.contains(&t.norm.as_str()) {
            return Some(format!("'{word}' is read as part of a number (hundred, a, and, million ...)"));
        }
        if tables::is_function_word(&t.norm) || tables::NEGATIONS.contains(&t.norm.as_str()) {
            return Some(format!("'{word}' is a function word, never a count"));
        }
    }
    None
}

/// Reads a figure's wording. Errors are one sentence that echoes the wording as typed (a
/// very long wording is shortened in the message).
pub fn parse(notation: &str, vague: &VagueTable) -> Result<Reading, String> {
    parse_indexed(notation, &read::VagueIndex::new(vague))
}

/// `parse` with the vague words already indexed (finding figures reads many wordings with the
/// same table).
pub(crate) fn parse_indexed(notation: &str, index: &read::VagueIndex) -> Result<Reading, String> {
    let typed = notation.trim();
    read_wording(typed, index).map_err(|e| {
        if typed.chars().count() <= 200 {
            return e;
        }
        let short: String = typed.chars().take(80).collect();
        e.replace(typed, &format!("{short}…"))
    })
}

fn read_wording(typed: &str, index: &read::VagueIndex) -> Result<Reading, String> {
    if typed.is_empty() {
        return Err(format!("the figure is empty; {ACCEPTED}"));
    }
    let all = crate::numwords::tokens::tokenize(typed);
    if let Some(bad) =
        all.iter().find(|t| t.kind == crate::numwords::tokens::TokKind::Num && t.value().is_none())
    {
        return Err(match crate::numwords::tokens::number_value(&bad.norm) {
            Err(crate::numwords::tokens::NumError::TooLarge) => {
                format!("'{typed}' is too large; figures go up to {}", crate::numwords::tokens::MAX)
            }
            _ => format!(
                "'{typed}' has '{}', which is not a number: group thousands by three (1,200); {ACCEPTED}",
                &typed[bad.start..bad.end]
            ),
        });
    }
    let mut steps =
        vec![format!("normalised: '{}'", all.iter().map(|t| t.norm.as_str()).collect::<Vec<_>>().join(" "))];
    let (toks, provisional) = read::strip_provisional(&all, typed);
    for p in &provisional {
        steps.push(format!("provisional wording '{p}': the count may still rise"));
    }
    let reader = read::Reader { toks: &toks, text: typed, vague: index, find: false };
    let mut r = reader.read_all(typed, &mut steps).map_err(|e| {
        if e.contains(typed) {
            e
        } else {
            format!("'{typed}' {e}")
        }
    })?;
    // A hedge can carry a number past the bound (about 999,999,999,999 reaches 1.1 times it):
    // refused here, as the notebook would refuse it, rather than read and then not stored.
    let max = crate::numwords::tokens::MAX;
    if r.low > max || r.point > max || r.high.is_some_and(|h| h > max) {
        return Err(format!(
            "'{typed}' reads as {}..{}, past the largest figure crosscheck keeps ({max})",
            r.low,
            r.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into())
        ));
    }
    if !provisional.is_empty() {
        r.provisional = true;
        r.rule.push_str(&format!(
            "; provisional ('{}'): the toll may still rise, so reconciliation leaves its high open",
            provisional.join("', '")
        ));
    }
    steps.push(format!(
        "interval: {}..{}, point {}{}",
        r.low,
        r.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into()),
        r.point,
        if r.provisional { " (provisional: high left open in reconciliation)" } else { "" }
    ));
    r.steps = steps;
    Ok(r)
}

/// The steps of a reading, one a line (what `figure parse --explain` prints).
pub fn explain(notation: &str, vague: &VagueTable) -> Result<Vec<String>, String> {
    parse(notation, vague).map(|r| r.steps)
}

#[cfg(test)]
mod tests;
