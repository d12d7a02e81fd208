//! `claim suggest ARTICLE`: the claims an article makes, proposed for review, in the columns
//! `import claims` reads back. Rows are handed on as they are read, piece by piece: memory
//! follows the piece, not the article.

use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;

use crate::normalize::normalize;
use crate::notebook::claims::ClaimFilter;
use crate::notebook::{Notebook, Result};
use crate::rows::Row;
use crate::suggest::sources::KnownSources;
use crate::suggest::Suggestion;

/// One proposed claim.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SuggestionRow {
    pub article_id: i64,
    /// The article's words, ready to be the claim's quote.
    pub quote: String,
    /// The hedged figure as written, ready to be a figure's notation.
    pub figure: Option<String>,
    pub kind: Option<String>,
    pub low: Option<i64>,
    pub high: Option<i64>,
    pub point: Option<i64>,
    /// Who the article says made the claim, as written.
    pub source: Option<String>,
    /// The notebook's source that phrase names, if any, found as a reader matches names.
    pub source_match: Option<String>,
    /// How the phrase matched it: `exact`, `alias`, `folded` (quotation marks, the article and
    /// endings aside) or `head words`.
    pub matched_by: Option<&'static str>,
    /// What `import claims` attributes the claim to: the matched source, else the phrase as
    /// written (which `import claims` refuses until such a source exists, so that nothing is
    /// attributed to the outlet by mistake); empty for the outlet's own reporting.
    pub sources: Vec<String>,
    pub when_text: Option<String>,
    pub when_from: Option<String>,
    pub when_to: Option<String>,
    /// `--measure`, for rows with a figure.
    pub measure: Option<String>,
    /// `--incident`, for every row: `import claims` ties the claims to it.
    pub incident: Option<String>,
    /// Left empty for the researcher to grade (1–6) before `import claims`, which reads it.
    pub credibility: Option<u8>,
    /// How many cues agreed (0–5): an attribution, a source noun, a figure, a date, quoted speech.
    pub confidence: u8,
    pub cues: Vec<&'static str>,
    /// `new`, or `recorded` when a claim of this article already quotes these words (`import
    /// claims` leaves such rows alone).
    pub status: &'static str,
    /// Where the review pages of `serve` mark it: character spans in the body (not columns).
    #[serde(skip)]
    pub marks: Marks,
    /// The matched source's id.
    #[serde(skip)]
    pub source_id: Option<i64>,
    /// The counted noun written with the figure (`civilians`, `مدنياً`).
    #[serde(skip)]
    pub noun: Option<String>,
}

/// Character spans of a suggestion and of its parts in the article's body; a rejected
/// suggestion is remembered by its span.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub start: usize,
    pub end: usize,
    pub figure: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub when: Option<(usize, usize)>,
}

impl Row for SuggestionRow {
    const BRIEF: &'static [&'static str] = &["quote", "figure", "source", "status"];
    const ROOMY: &'static [&'static str] = &["when_text", "confidence", "source_match"];
    const CUT: &'static [&'static str] = &["quote"];
}

/// Which article to read, and the measure its figures are of.
#[derive(Debug, Clone, Default)]
pub struct SuggestQuery {
    pub article: i64,
    /// Filled in the measure cell of rows with a figure, for `import claims`.
    pub measure: Option<String>,
    /// Filled in the incident cell of every row, for `import claims`.
    pub incident: Option<String>,
}

/// What a run of suggestions found beside its rows.
#[derive(Debug, Clone, Default)]
pub struct Suggested {
    pub count: usize,
    /// Source phrases of new rows that name no source of the notebook (at most 1,000 kept).
    pub unmatched: BTreeSet<String>,
    /// New rows with a figure and no measure.
    pub figures_without_measure: usize,
    /// Suggestions left out because a reviewer rejected them (`serve`).
    pub rejected: usize,
    /// Figures left out because they count something other than people (`three
    /// neighbourhoods`) and the measure counts people.
    pub not_people: usize,
    /// Figures left out because they count things (`nine strikes`, `22 trucks`) and no measure
    /// was given: a researcher records people; `--measure` with a measure of things keeps them.
    pub things: usize,
    /// Figures left out because their noun or verb names another role (`72 جريحاً`, `7 people
    /// missing`) than the measure's (`--role killed`).
    pub other_role: usize,
    /// The measure's role, for the note.
    pub role: Option<&'static str>,
}

impl Suggested {
    /// What a person should know before importing the rows.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.rejected > 0 {
            notes.push(format!("{} suggestion(s) rejected in review were left out", self.rejected));
        }
        let unmatched: Vec<&str> = self.unmatched.iter().map(String::as_str).collect();
        if !unmatched.is_empty() {
            notes.push(format!(
                "the notebook has no source named {}; `import claims` refuses those rows until you add the \
                 source (`crosscheck source add`) or write a known name in their sources cell",
                named_some(&unmatched)
            ));
        }
        if self.figures_without_measure > 0 {
            notes.push(format!(
                "{} new suggestion(s) hold a figure with no measure; give --measure KEY, \
                 or fill their measure cell, for `import claims` to record the figures",
                self.figures_without_measure
            ));
        }
        if self.not_people > 0 {
            notes.push(format!(
                "{} figure(s) left out: they count things, places or times, not the people the measure counts",
                self.not_people
            ));
        }
        if self.things > 0 {
            notes.push(format!(
                "{} figure(s) of things left out (strikes, trucks, houses ...); give --measure with a measure \
                 of such things to see them",
                self.things
            ));
        }
        if self.other_role > 0 {
            notes.push(format!(
                "{} figure(s) left out: their noun or verb names another role (wounded, missing, displaced ...) \
                 than the measure's ({})",
                self.other_role,
                self.role.unwrap_or("")
            ));
        }
        notes
    }
}

/// What `claim suggest` says when an article holds nothing to suggest.
pub fn no_suggestions(article: i64) -> String {
    format!("no claims found to suggest in article #{article}")
}

/// What suggesting can keep between calls in one process (the review pages of `serve`, which
/// show an article's suggestions on every load): the notebook's sources prepared for matching,
/// kept while every name and alias is the same, and each article's suggestions as read from its
/// text, kept while its text (its SHA-256) and the table of vague words are the same. The rest
/// (which are recorded or rejected, the sources matched, the dates read) is worked out on every
/// call from the notebook as it is, so nothing kept can be out of date.
#[derive(Default)]
pub struct SuggestMemory {
    /// The fingerprint of the names and aliases, and the sources prepared from them.
    known: Option<(u64, Arc<KnownSources>)>,
    /// The notebook's version (`Notebook::data_version` of a connection the caller keeps) at
    /// which the names were last read: while it is the same, nothing changed and the names are
    /// not read again.
    names_read_at: Option<i64>,
    /// The version the caller says the notebook is at now, if it knows.
    version: Option<i64>,
    /// By article: its SHA-256, the vague words' fingerprint, its suggestions.
    texts: HashMap<i64, (String, u64, Arc<Vec<Suggestion>>)>,
}

/// Articles whose suggestions are kept at once; past this the oldest go first.
const KEPT_ARTICLES: usize = 64;
/// An article with more suggestions than this is read again each time rather than kept.
const KEPT_SUGGESTIONS: usize = 20_000;

fn fingerprint(value: &impl Hash) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
}

impl SuggestMemory {
    /// The sources prepared for matching, made again only when a name or an alias changed.
    fn known(&mut self, nb: &Notebook) -> Result<Arc<KnownSources>> {
        if let (Some(now), Some(read), Some((_, known))) = (self.version, self.names_read_at, &self.known) {
            if now == read {
                return Ok(Arc::clone(known));
            }
        }
        let names = nb.source_names()?;
        let print = fingerprint(&names);
        let known = match &self.known {
            Some((p, known)) if *p == print => Arc::clone(known),
            _ => {
                let known = Arc::new(KnownSources::new(names));
                self.known = Some((print, Arc::clone(&known)));
                known
            }
        };
        self.names_read_at = self.version;
        Ok(known)
    }

    /// Says which version of the notebook the next calls read (see `names_read_at`); None
    /// when unknown, and the names are then read every time.
    pub fn at_version(&mut self, version: Option<i64>) {
        self.version = version;
    }

    /// Prepares the notebook's sources for matching ahead of the first suggestion (`serve`
    /// does this as it starts, so that the first article opened does not wait for it).
    pub fn prepare(&mut self, nb: &mut Notebook) -> Result<()> {
        nb.reading(|nb| self.known(nb).map(drop))
    }

    /// The article's suggestions as read from its text, read again only when the text or the
    /// vague words changed.
    /// The suggestions kept for this article, when its text and the vague words are unchanged.
    fn cached(
        &self,
        article: i64,
        sha256: &str,
        vague: &crate::notation::VagueTable,
    ) -> Option<Arc<Vec<Suggestion>>> {
        let (sha, p, found) = self.texts.get(&article)?;
        (sha == sha256 && *p == vague_print(vague)).then(|| Arc::clone(found))
    }

    fn keep(
        &mut self,
        article: i64,
        sha256: &str,
        vague: &crate::notation::VagueTable,
        found: Vec<Suggestion>,
    ) {
        if self.texts.len() >= KEPT_ARTICLES {
            self.texts.clear();
        }
        self.texts.insert(article, (sha256.to_string(), vague_print(vague), Arc::new(found)));
    }
}

fn vague_print(vague: &crate::notation::VagueTable) -> u64 {
    let mut words: Vec<_> = vague.iter().map(|(w, t)| (w, t.low, t.high, t.point)).collect();
    words.sort();
    fingerprint(&words)
}

/// `claim suggest`: each proposed claim of the article handed to `sink` as it is read, in one
/// read transaction.
pub fn suggest_claims(
    nb: &mut Notebook,
    query: &SuggestQuery,
    sink: impl FnMut(SuggestionRow) -> Result<()>,
) -> Result<Suggested> {
    suggest_claims_kept(nb, query, &mut SuggestMemory::default(), sink)
}

/// The quotes already recorded from an article, as a reader compares them, with the figures
/// their claims hold.
fn recorded_claims(nb: &mut Notebook, article: i64, vague: &crate::notation::VagueTable) -> Result<Recorded> {
    let mut recorded = Recorded::default();
    let filter = ClaimFilter { article: Some(article), ..ClaimFilter::default() };
    nb.for_each_claim(&filter, |c| {
        let figures = c
            .figures
            .iter()
            .filter_map(|f| f.split_once('='))
            .map(|(key, notation)| HeldFigure {
                measure: key.to_string(),
                words: normalize(notation),
                reading: crate::notation::parse(notation, vague)
                    .ok()
                    .map(|r| HeldReading { range: (r.low, r.high), noun: r.noun.as_deref().map(normalize) }),
            })
            .collect();
        recorded.add(normalize(&c.quote), figures);
        Ok(())
    })?;
    Ok(recorded)
}

/// What a measure takes: only people (the killed, defectors take no figure of houses or days),
/// and only one role (the killed take no figure of another, `72 جريحاً`).
fn measure_wants(nb: &mut Notebook, measure: Option<&str>) -> Result<(bool, Option<&'static str>)> {
    let Some(key) = measure else { return Ok((false, None)) };
    let (label, unit) = nb.measure_label(key)?;
    let role = nb.measure_role(key)?;
    Ok((
        crate::suggest::people::measure_counts_people(key, &label, unit.as_deref()),
        crate::suggest::roles::measure_role(key, &label, unit.as_deref(), role.as_deref()),
    ))
}

/// [`suggest_claims`] keeping what it may between calls in `memory`.
pub fn suggest_claims_kept(
    nb: &mut Notebook,
    query: &SuggestQuery,
    memory: &mut SuggestMemory,
    mut sink: impl FnMut(SuggestionRow) -> Result<()>,
) -> Result<Suggested> {
    nb.reading(|nb| {
        let article = nb.article(query.article)?;
        let body = nb.article_body(query.article)?;
        if let Some(key) = &query.incident {
            nb.incident_id(key)?;
        }
        let (people, role) = measure_wants(nb, query.measure.as_deref())?;
        let vague = nb.vague_table()?;
        let published = article.published.as_deref().and_then(|d| crate::dates::PartialDate::parse(d).ok());
        let recorded = recorded_claims(nb, query.article, &vague)?;
        // Every name and alias, once: each phrase is then matched in its own length.
        let known = memory.known(nb)?;
        let rejected = nb.rejected_spans(query.article)?;
        let mut chars = CharCounter::new(&body);
        let mut found = Suggested { role, ..Suggested::default() };
        let make = |s, marks| row(nb, query, &recorded, &known, published, s, marks);
        // Without a measure, counts of things are left out (their attributed sentences stay as
        // statements); a measure says what it counts.
        let every = query.measure.is_some();
        let mut filter = crate::suggest::ThingsFilter::default();
        let mut handle = |s: crate::suggest::Suggestion| -> Result<()> {
            if people && !s.fits_people() {
                found.not_people += 1;
                return Ok(());
            }
            if let (Some(want), Some(f)) = (role, &s.figure) {
                let named =
                    crate::suggest::roles::figure_role(&body, f.start, f.end, f.reading.noun.as_deref());
                if named.is_some_and(|r| r != want) {
                    found.other_role += 1;
                    return Ok(());
                }
            }
            let marks = Marks {
                start: chars.at(s.start),
                end: chars.at(s.end),
                figure: s.figure.as_ref().map(|f| (chars.at(f.start), chars.at(f.end))),
                source: s.source_span.map(|(a, b)| (chars.at(a), chars.at(b))),
                when: s.when_span.map(|(a, b)| (chars.at(a), chars.at(b))),
            };
            if rejected.contains(&(marks.start, marks.end)) {
                found.rejected += 1;
                return Ok(());
            }
            let r = make(s, marks)?;
            found.count += 1;
            if r.status == "new" {
                if let (None, Some(src)) = (&r.source_match, &r.source) {
                    if found.unmatched.len() < 1_000 || found.unmatched.contains(src) {
                        found.unmatched.insert(src.clone());
                    }
                }
                found.figures_without_measure += usize::from(r.figure.is_some() && r.measure.is_none());
            }
            sink(r)
        };
        let mut pass = |s, filter: &mut crate::suggest::ThingsFilter| {
            if every {
                handle(s)
            } else {
                filter.push(s, &mut handle)
            }
        };
        // A small article's suggestions are kept for the next call (`serve`); a large one is
        // read as it streams, so memory follows the piece, not the article.
        match memory.cached(query.article, &article.sha256, &vague) {
            Some(kept) => kept.iter().cloned().try_for_each(|s| pass(s, &mut filter))?,
            None => {
                let mut kept = Some(Vec::new());
                crate::suggest::suggest_each(&body, &vague, |s| -> Result<()> {
                    match kept.as_mut() {
                        Some(k) if k.len() < KEPT_SUGGESTIONS => k.push(s.clone()),
                        _ => kept = None,
                    }
                    pass(s, &mut filter)
                })?;
                if let Some(k) = kept {
                    memory.keep(query.article, &article.sha256, &vague, k);
                }
            }
        }
        if !every {
            filter.finish(&mut handle)?;
        }
        found.things = filter.left_out;
        Ok(found)
    })
}

/// One suggestion as a row: its source phrase matched against the notebook's sources, its
/// date phrase read against the article's date, and whether a claim already quotes it.
fn row(
    nb: &Notebook,
    query: &SuggestQuery,
    recorded: &Recorded,
    known: &KnownSources,
    published: Option<crate::dates::PartialDate>,
    s: crate::suggest::Suggestion,
    marks: Marks,
) -> Result<SuggestionRow> {
    let hit = s.source.as_deref().and_then(|p| known.find(p));
    let matched = hit.map(|(id, _)| nb.source(id).map(|r| r.name)).transpose()?;
    let source_id = hit.map(|(id, _)| id);
    let when = s.when.as_deref().and_then(|w| crate::dates::parse_when(w, published).ok());
    // A date phrase that does not resolve (a window from an undated event, `since the assault
    // began`; an article without a publication date) is left for the reviewer, and said so.
    let mut cues = s.cues.clone();
    if s.when.is_some() && when.is_none() {
        cues.push("date not resolved");
    }
    let quote = normalize(&s.quote);
    // Recorded: a claim of the article quotes these words, and, when there is a figure, holds
    // this figure (its words or its reading, for the measure asked if one is): a claim of the
    // same sentence that holds another of its figures leaves this one new.
    let figure = s.figure.as_ref().map(|f| {
        (normalize(&f.wording), (f.reading.low, f.reading.high), f.reading.noun.as_deref().map(normalize))
    });
    let is_recorded = recorded.candidates(&quote).any(|(r, held)| {
        (quote.contains(r) || r.contains(quote.as_str()))
            && figure.as_ref().is_none_or(|(words, range, noun)| {
                held.iter().any(|h| {
                    let same_reading = h
                        .reading
                        .as_ref()
                        .is_some_and(|r| r.range == *range && (r.noun.is_none() || r.noun == *noun));
                    query.measure.as_deref().is_none_or(|m| m.trim() == h.measure)
                        && (h.words == *words || same_reading)
                })
            })
    });
    let reading = s.figure.as_ref().map(|f| &f.reading);
    let row = SuggestionRow {
        article_id: query.article,
        quote: s.quote.clone(),
        figure: s.figure.as_ref().map(|f| f.wording.clone()),
        kind: reading.map(|r| r.kind.to_string()),
        low: reading.map(|r| r.low),
        high: reading.and_then(|r| r.high),
        point: reading.map(|r| r.point),
        source: s.source.clone(),
        sources: matched.clone().or_else(|| s.source.clone()).into_iter().collect(),
        source_match: matched,
        matched_by: hit.map(|(_, how)| how.as_str()),
        when_text: when.as_ref().map(|w| w.text.clone()),
        when_from: when.as_ref().map(|w| w.from.to_string()),
        when_to: when.as_ref().map(|w| w.to.to_string()),
        measure: s.figure.as_ref().and(query.measure.clone()),
        incident: query.incident.as_ref().map(|k| k.trim().to_string()),
        credibility: None,
        confidence: s.confidence,
        cues,
        status: if is_recorded { "recorded" } else { "new" },
        marks,
        source_id,
        noun: reading.and_then(|r| r.noun.clone()),
    };
    Ok(row)
}

/// Up to five names quoted, and how many more.
fn named_some(names: &[&str]) -> String {
    let mut text = names.iter().take(5).map(|u| format!("'{u}'")).collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        text.push_str(&format!(" and {} more", names.len() - 5));
    }
    text
}

/// The quotes already recorded from an article, found by their words: a suggestion is compared
/// only with the quotes that begin with one of its words or hold its first word, so an article
/// with thousands of claims is not compared claim by claim with every suggestion.
#[derive(Default)]
struct Recorded {
    quotes: Vec<String>,
    /// The figures each quote's claim holds, in the order of `quotes`.
    figures: Vec<Vec<HeldFigure>>,
    by_first: std::collections::HashMap<String, Vec<usize>>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
}

impl Recorded {
    fn add(&mut self, quote: String, figures: Vec<HeldFigure>) {
        let i = self.quotes.len();
        let mut words: Vec<&str> = quote.split_whitespace().collect();
        let Some(first) = words.first() else { return };
        self.by_first.entry(first.to_string()).or_default().push(i);
        words.sort_unstable();
        words.dedup();
        for w in words {
            self.by_word.entry(w.to_string()).or_default().push(i);
        }
        self.quotes.push(quote);
        self.figures.push(figures);
    }

    fn candidates<'a>(&'a self, quote: &'a str) -> impl Iterator<Item = (&'a str, &'a [HeldFigure])> + 'a {
        let mut ids: Vec<usize> = quote
            .split_whitespace()
            .filter_map(|w| self.by_first.get(w))
            .chain(quote.split_whitespace().next().and_then(|w| self.by_word.get(w)))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|i| (self.quotes[i].as_str(), self.figures[i].as_slice()))
    }
}

/// A figure a recorded claim holds: its measure's key, its notation as a reader compares it,
/// and its reading's low and high with its counted noun (a bare `72` is any noun's 72).
struct HeldFigure {
    measure: String,
    words: String,
    reading: Option<HeldReading>,
}

/// How a held figure reads: its low and high, and its counted noun as a reader compares it.
struct HeldReading {
    range: (i64, Option<i64>),
    noun: Option<String>,
}

/// Byte offsets to character offsets, for offsets that mostly grow: counting resumes from the
/// last offset asked, and steps back only for an earlier one (a source named before its claim),
/// so a whole article costs one pass plus the short steps back.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter { text, byte: 0, chars: 0 }
    }

    fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.byte {
            let back = self.text.get(byte..self.byte).map(|s| s.chars().count()).unwrap_or(0);
            return self.chars - back;
        }
        self.chars += self.text.get(self.byte..byte).map(|s| s.chars().count()).unwrap_or(0);
        self.byte = byte;
        self.chars
    }
}

/// `serve`'s accept: the suggestion recorded as a claim (with the new source or alias it asks
/// for), in one write transaction.
pub fn accept_suggestion(
    nb: &mut Notebook,
    accepted: &crate::notebook::suggestions::Acceptance,
) -> Result<crate::notebook::claims::ClaimRow> {
    nb.writing(|nb| nb.accept_suggestion(accepted))
}

/// `serve`'s reject: the suggestion remembered by its character span and words, in one write
/// transaction, so that neither `claim suggest` nor the review pages offer it again.
pub fn reject_suggestion(
    nb: &mut Notebook,
    article: i64,
    span: (usize, usize),
    quote: &str,
    reason: Option<&str>,
) -> Result<crate::notebook::suggestions::RejectedRow> {
    nb.writing(|nb| nb.reject_suggestion(article, span, quote, reason))
}

#[cfg(test)]
mod char_tests {
    use super::CharCounter;

    #[test]
    fn byte_offsets_become_character_offsets_forwards_and_back() {
        let text = "قال ناشطون إن 45 مقاتلاً";
        let mut c = CharCounter::new(text);
        let forty = text.find("45").unwrap();
        assert_eq!(c.at(forty), text[..forty].chars().count());
        let said = text.find("ناشطون").unwrap();
        assert_eq!(c.at(said), 4);
        assert_eq!(c.at(text.len()), text.chars().count());
    }
}
