//! Suggested claims as a use case: an article read by `suggest`, each suggestion matched to the
//! notebook (its source by name or alias, its date against the publication date, whether a claim
//! already quotes it), in one read transaction; and the review's two writes, accepting a
//! suggestion (a claim, with a new source or alias when asked, in one transaction) and rejecting
//! one (remembered in `rejected_suggestions`, so neither `claim suggest` nor the review pages
//! offer it again). `claim suggest` and `serve` both call these.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection};
use serde::Serialize;

use super::claims::{ClaimFilter, ClaimRow, NewClaim};
use super::sources::SourceFields;
use super::{Notebook, Result};
use crate::normalize::normalize;
use crate::ratings::{Credibility, Reliability};

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
    /// Left empty for the researcher to grade (1–6) before `import claims`, which reads it.
    pub credibility: Option<u8>,
    /// How many cues agreed (0–5): an attribution, a source noun, a figure, a date, quoted speech.
    pub confidence: u8,
    pub cues: Vec<&'static str>,
    /// `new`, or `recorded` when a claim of this article already quotes these words (`import
    /// claims` leaves such rows alone).
    pub status: &'static str,
    /// Where the review pages mark it: character spans in the body (not columns of the file).
    #[serde(skip)]
    pub marks: Marks,
    /// The matched source's id.
    #[serde(skip)]
    pub source_id: Option<i64>,
    /// The counted noun written with the figure (`civilians`, `مدنياً`).
    #[serde(skip)]
    pub noun: Option<String>,
}

/// Character spans of a suggestion and of its parts in the article's body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub start: usize,
    pub end: usize,
    pub figure: Option<(usize, usize)>,
    pub source: Option<(usize, usize)>,
    pub when: Option<(usize, usize)>,
}

impl crate::rows::Row for SuggestionRow {
    const BRIEF: &'static [&'static str] = &["quote", "figure", "source", "status"];
    const ROOMY: &'static [&'static str] = &["when_text", "confidence", "source_match"];
    const CUT: &'static [&'static str] = &["quote"];
}

/// What to suggest: `measure` is given to the rows with a figure.
#[derive(Debug, Clone, Default)]
pub struct SuggestOptions {
    pub measure: Option<String>,
}

/// What the reading found besides the rows: for the notes of `claim suggest`.
#[derive(Debug, Clone, Default)]
pub struct SuggestSummary {
    pub rows: usize,
    /// Source phrases of new rows that name no source of the notebook (up to 1,000).
    pub unmatched: BTreeSet<String>,
    pub figures_without_measure: usize,
    /// Suggestions left out because a reviewer rejected them.
    pub rejected: usize,
}

/// A rejected suggestion, as remembered.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RejectedRow {
    pub article_id: i64,
    pub span_start: usize,
    pub span_end: usize,
    pub quote: String,
    pub reason: Option<String>,
    pub created_at: String,
}

/// Who an accepted suggestion is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attribution {
    /// The outlet's own reporting.
    Outlet,
    /// A source of the notebook.
    Known(i64),
    /// A source of the notebook, with the phrase as written kept as its new alias.
    Alias { source: i64, alias: String },
    /// A new source by this name, unrated (F) until someone rates it.
    New { name: String, kind: crate::vocab::SourceKind },
}

/// A suggestion accepted, as the reviewer chose (quote and figure possibly edited).
#[derive(Debug, Clone)]
pub struct Acceptance {
    pub article_id: i64,
    pub quote: String,
    pub attribution: Attribution,
    pub credibility: Credibility,
    pub when: Option<String>,
    /// `(measure key, notation)`.
    pub figure: Option<(String, String)>,
}

impl Notebook {
    /// Reads an article's suggested claims in one read transaction, handing each row on in order
    /// of position (rows are made as the article is read, piece by piece). Suggestions a reviewer
    /// rejected are left out and counted.
    pub fn suggest_claims(
        &mut self,
        article: i64,
        opts: &SuggestOptions,
        mut each: impl FnMut(SuggestionRow) -> Result<()>,
    ) -> Result<SuggestSummary> {
        let tx = self.read()?;
        let conn: &Connection = &tx;
        let row = super::articles::article_by_id(conn, article)?;
        let body = super::articles::body_of(conn, article)?;
        if let Some(key) = &opts.measure {
            super::figures::measure_id(conn, key)?;
        }
        let vague = super::figures::vague_table(conn)?;
        let published = row.published.as_deref().and_then(|d| crate::dates::PartialDate::parse(d).ok());
        let mut recorded = Recorded::default();
        let filter = ClaimFilter { article: Some(article), ..ClaimFilter::default() };
        super::claims::for_each_claim(conn, &filter, |c| {
            recorded.add(normalize(&c.quote));
            Ok(())
        })?;
        let rejected = rejected_spans(conn, article)?;
        let mut chars = CharCounter::new(&body);
        // Every name and alias, once: each phrase is then matched in its own length.
        let known = crate::suggest::sources::KnownSources::new(super::sources::source_names(conn)?);
        let mut names: HashMap<i64, String> = HashMap::new();
        let mut summary = SuggestSummary::default();
        crate::suggest::suggest_each(&body, &vague, |s| -> Result<()> {
            let marks = Marks {
                start: chars.at(s.start),
                end: chars.at(s.end),
                figure: s.figure.as_ref().map(|f| (chars.at(f.start), chars.at(f.end))),
                source: s.source_span.map(|(a, b)| (chars.at(a), chars.at(b))),
                when: s.when_span.map(|(a, b)| (chars.at(a), chars.at(b))),
            };
            if rejected.contains(&(marks.start, marks.end)) {
                summary.rejected += 1;
                return Ok(());
            }
            let hit = s.source.as_deref().and_then(|p| known.find(p));
            let matched = match hit {
                None => None,
                Some((id, _)) => match names.get(&id) {
                    Some(name) => Some((id, name.clone())),
                    None => {
                        let name = super::sources::source_by_id(conn, id)?.name;
                        if names.len() < 10_000 {
                            names.insert(id, name.clone());
                        }
                        Some((id, name))
                    }
                },
            };
            let when = s.when.as_deref().and_then(|w| crate::dates::parse_when(w, published).ok());
            let quote = normalize(&s.quote);
            // Recorded: a claim of the article quotes these words, and holds this figure's words
            // when there is a figure (another figure of the same sentence is still new).
            let figure_words = s.figure.as_ref().map(|f| normalize(&f.wording));
            let is_recorded = recorded.candidates(&quote).any(|r| {
                (quote.contains(r) || r.contains(quote.as_str()))
                    && figure_words.as_deref().is_none_or(|f| r.contains(f))
            });
            let reading = s.figure.as_ref().map(|f| &f.reading);
            let row = SuggestionRow {
                article_id: article,
                quote: s.quote.clone(),
                figure: s.figure.as_ref().map(|f| f.wording.clone()),
                kind: reading.map(|r| r.kind.to_string()),
                low: reading.map(|r| r.low),
                high: reading.and_then(|r| r.high),
                point: reading.map(|r| r.point),
                source: s.source.clone(),
                sources: matched
                    .as_ref()
                    .map(|m| m.1.clone())
                    .or_else(|| s.source.clone())
                    .into_iter()
                    .collect(),
                source_match: matched.as_ref().map(|m| m.1.clone()),
                matched_by: hit.map(|(_, how)| how.as_str()),
                when_text: when.as_ref().map(|w| w.text.clone()),
                when_from: when.as_ref().map(|w| w.from.to_string()),
                when_to: when.as_ref().map(|w| w.to.to_string()),
                measure: s.figure.as_ref().and(opts.measure.clone()),
                credibility: None,
                confidence: s.confidence,
                cues: s.cues.clone(),
                status: if is_recorded { "recorded" } else { "new" },
                marks,
                source_id: matched.as_ref().map(|m| m.0),
                noun: reading.and_then(|r| r.noun.clone()),
            };
            summary.rows += 1;
            if row.status == "new" {
                if let (None, Some(src)) = (&row.source_match, &row.source) {
                    if summary.unmatched.len() < 1_000 || summary.unmatched.contains(src) {
                        summary.unmatched.insert(src.clone());
                    }
                }
                summary.figures_without_measure += usize::from(row.figure.is_some() && row.measure.is_none());
            }
            each(row)
        })?;
        Ok(summary)
    }

    /// Remembers that a suggestion was rejected (its character span in the article and its
    /// words), in one write transaction; rejecting it again changes nothing.
    pub fn reject_suggestion(
        &mut self,
        article: i64,
        span: (usize, usize),
        quote: &str,
        reason: Option<&str>,
    ) -> Result<RejectedRow> {
        let (start, end) = span;
        if start >= end || quote.trim().is_empty() {
            return super::invalid(format!(
                "the suggestion to reject has no words (span {start}..{end}); reload the article's page"
            ));
        }
        let tx = self.write()?;
        let body = super::articles::body_of(&tx, article)?;
        if end > body.chars().count() {
            return super::invalid(format!(
                "the span {start}..{end} lies past the end of article #{article}; reload the article's page"
            ));
        }
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let at = super::now();
        tx.execute(
            "INSERT INTO rejected_suggestions (uuid, article_id, span_start, span_end, quote, reason, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (article_id, span_start, span_end) DO NOTHING",
            params![super::new_uuid(), article, super::sql_int(start), super::sql_int(end), quote, reason, at],
        )?;
        tx.commit()?;
        Ok(RejectedRow {
            article_id: article,
            span_start: start,
            span_end: end,
            quote: quote.to_string(),
            reason: reason.map(str::to_string),
            created_at: at,
        })
    }

    /// The suggestions of an article that were rejected, in order of position.
    pub fn rejected_suggestions(&mut self, article: i64) -> Result<Vec<RejectedRow>> {
        let tx = self.read()?;
        super::articles::article_by_id(&tx, article)?;
        let mut stmt = tx.prepare(
            "SELECT span_start, span_end, quote, reason, created_at FROM rejected_suggestions
             WHERE article_id = ?1 ORDER BY span_start, span_end",
        )?;
        let rows = stmt
            .query_map([article], |r| {
                Ok(RejectedRow {
                    article_id: article,
                    span_start: super::count(r.get(0)?),
                    span_end: super::count(r.get(1)?),
                    quote: r.get(2)?,
                    reason: r.get(3)?,
                    created_at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Records an accepted suggestion as a claim, in one write transaction: the new source or
    /// alias it asks for, the claim (its quote verified against the article) and its figure.
    pub fn accept_suggestion(&mut self, a: &Acceptance) -> Result<ClaimRow> {
        let tx = self.write()?;
        let sources = match &a.attribution {
            Attribution::Outlet => Vec::new(),
            Attribution::Known(id) => {
                super::sources::source_by_id(&tx, *id)?;
                vec![*id]
            }
            Attribution::Alias { source, alias } => {
                super::sources::source_by_id(&tx, *source)?;
                super::sources::insert_alias(&tx, *source, alias)?;
                vec![*source]
            }
            Attribution::New { name, kind } => {
                if name.trim().is_empty() {
                    return super::invalid(
                        "the new source's name is empty; give the name as the article writes it",
                    );
                }
                let fields = SourceFields { kind: Some(*kind), ..SourceFields::default() };
                vec![super::sources::insert_source(
                    &tx,
                    name.trim(),
                    &fields,
                    Reliability::F,
                    None,
                    "rated when added",
                )?]
            }
        };
        let claim = NewClaim {
            article_id: a.article_id,
            quote: a.quote.clone(),
            sources,
            text: None,
            credibility: a.credibility,
            place: None,
            when: a.when.clone().filter(|w| !w.trim().is_empty()),
            tags: Vec::new(),
            unverified: false,
            figures: a.figure.iter().cloned().collect(),
            uuid: None,
            again: false,
        };
        let body = crate::normalize::QuoteIndex::new(&super::articles::body_of(&tx, a.article_id)?);
        let mut words = super::search::ClaimWords::default();
        let id = super::claims::insert_claim(&tx, &claim, &body, &mut words)?;
        words.flush(&tx)?;
        let row = super::claims::claim_by_id(&tx, id)?;
        tx.commit()?;
        Ok(row)
    }
}

/// The spans of an article's rejected suggestions.
fn rejected_spans(conn: &Connection, article: i64) -> Result<HashSet<(usize, usize)>> {
    let mut stmt =
        conn.prepare_cached("SELECT span_start, span_end FROM rejected_suggestions WHERE article_id = ?1")?;
    let rows = stmt
        .query_map([article], |r| Ok((super::count(r.get(0)?), super::count(r.get(1)?))))?
        .collect::<rusqlite::Result<HashSet<_>>>()?;
    Ok(rows)
}

/// Byte offsets to character offsets, for offsets that mostly grow: counting resumes from the
/// last offset asked, and goes back to the start only for an earlier one (a source named before
/// its claim), so a whole article costs one pass plus the short steps back.
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
            // Step back over the characters between: usually a few words.
            let back = self.text.get(byte..self.byte).map(|s| s.chars().count()).unwrap_or(0);
            return self.chars - back;
        }
        self.chars += self.text.get(self.byte..byte).map(|s| s.chars().count()).unwrap_or(0);
        self.byte = byte;
        self.chars
    }
}

/// The quotes already recorded from an article, found by their words: a suggestion is compared
/// only with the quotes that begin with one of its words or hold its first word, so an article
/// with thousands of claims is not compared claim by claim with every suggestion.
#[derive(Default)]
struct Recorded {
    quotes: Vec<String>,
    by_first: HashMap<String, Vec<usize>>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Recorded {
    fn add(&mut self, quote: String) {
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
    }

    fn candidates<'a>(&'a self, quote: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        let mut ids: Vec<usize> = quote
            .split_whitespace()
            .filter_map(|w| self.by_first.get(w))
            .chain(quote.split_whitespace().next().and_then(|w| self.by_word.get(w)))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|i| self.quotes[i].as_str())
    }
}

#[cfg(test)]
mod tests {
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
