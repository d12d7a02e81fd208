//! `claim suggest ARTICLE`: the claims an article makes, proposed for review, in the columns
//! `import claims` reads back.

use anyhow::Result;
use serde::Serialize;

use super::{Need, Plan, Run};
use crate::cli::ClaimSuggestArgs;
use crate::normalize::normalize;
use crate::notebook::claims::ClaimFilter;
use crate::render::output::Defaults;
use crate::render::{Dest, Format, Shape};

/// One proposed claim.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SuggestionRow {
    article_id: i64,
    /// The article's words, ready to be the claim's quote.
    quote: String,
    /// The hedged figure as written, ready to be a figure's notation.
    figure: Option<String>,
    kind: Option<String>,
    low: Option<i64>,
    high: Option<i64>,
    point: Option<i64>,
    /// Who the article says made the claim, as written.
    source: Option<String>,
    /// The notebook's source that phrase names, if any, found as a reader matches names.
    source_match: Option<String>,
    /// How the phrase matched it: `exact`, `alias`, `folded` (quotation marks, the article and
    /// endings aside) or `head words`.
    matched_by: Option<&'static str>,
    /// What `import claims` attributes the claim to: the matched source, else the phrase as
    /// written (which `import claims` refuses until such a source exists, so that nothing is
    /// attributed to the outlet by mistake); empty for the outlet's own reporting.
    sources: Vec<String>,
    when_text: Option<String>,
    when_from: Option<String>,
    when_to: Option<String>,
    /// `--measure`, for rows with a figure.
    measure: Option<String>,
    /// Left empty for the researcher to grade (1–6) before `import claims`, which reads it.
    credibility: Option<u8>,
    /// How many cues agreed (0–5): an attribution, a source noun, a figure, a date, quoted speech.
    confidence: u8,
    cues: Vec<&'static str>,
    /// `new`, or `recorded` when a claim of this article already quotes these words (`import
    /// claims` leaves such rows alone).
    status: &'static str,
}

impl crate::rows::Row for SuggestionRow {
    const BRIEF: &'static [&'static str] = &["quote", "figure", "source", "status"];
    const ROOMY: &'static [&'static str] = &["when_text", "confidence", "source_match"];
    const CUT: &'static [&'static str] = &["quote"];
}

pub fn plan(args: ClaimSuggestArgs) -> Plan {
    Plan::new("claim suggest", Need::Read, Shape::rows::<SuggestionRow>(), move |run| suggest(run, args))
}

fn suggest(run: &mut Run<'_>, args: ClaimSuggestArgs) -> Result<()> {
    let out = run.out;
    let outputs = run.outputs(Some(args.force));
    let nb = run.nb()?;
    let article = nb.article(args.article)?;
    let body = nb.article_body(args.article)?;
    if let Some(key) = &args.measure {
        nb.measure_id(key)?;
    }
    let vague = nb.vague_table()?;
    let published = article.published.as_deref().and_then(|d| crate::dates::PartialDate::parse(d).ok());
    // The quotes already recorded from this article, as a reader compares them.
    let mut recorded = Recorded::default();
    let filter = ClaimFilter { article: Some(args.article), ..ClaimFilter::default() };
    nb.for_each_claim(&filter, |c| {
        recorded.add(normalize(&c.quote));
        Ok(())
    })?;
    // Every name and alias, once: each phrase is then matched in its own length.
    let known = crate::suggest::sources::KnownSources::new(nb.source_names()?);
    // Rows are written as they are read, piece by piece: memory follows the piece, not the
    // article.
    let mut unmatched: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut figures_without_measure = 0usize;
    let mut count = 0usize;
    let mut each = |s: crate::suggest::Suggestion| -> Result<SuggestionRow> {
        let hit = s.source.as_deref().and_then(|p| known.find(p));
        let matched = hit.map(|(id, _)| nb.source(id).map(|r| r.name)).transpose()?;
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
            article_id: args.article,
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
            measure: s.figure.as_ref().and(args.measure.clone()),
            credibility: None,
            confidence: s.confidence,
            cues: s.cues.clone(),
            status: if is_recorded { "recorded" } else { "new" },
        };
        count += 1;
        if row.status == "new" {
            if let (None, Some(src)) = (&row.source_match, &row.source) {
                if unmatched.len() < 1_000 || unmatched.contains(src) {
                    unmatched.insert(src.clone());
                }
            }
            figures_without_measure += usize::from(row.figure.is_some() && row.measure.is_none());
        }
        Ok(row)
    };
    let empty = format!("no claims found to suggest in article #{}", args.article);
    let defaults = Defaults {
        // A file for review and `import claims`: CSV with every column unless told otherwise.
        format: args.out.as_ref().map(|_| out.format_given().unwrap_or(Format::Csv)),
        every_column: args.out.is_some(),
        bom: args.bom,
        raw: false,
    };
    let dest = match &args.out {
        None => Dest::Stdout,
        Some(path) => Dest::File { path, outputs: &outputs, what: "suggestions" },
    };
    let mut w = out.rows_to::<SuggestionRow>(dest, defaults, &empty)?;
    crate::suggest::suggest_each(&body, &vague, |s| -> Result<()> { Ok(w.row(&each(s)?)?) })?;
    w.finish()?;
    if let Some(path) = &args.out {
        out.note(&format!(
            "wrote {count} suggested claim(s) of article #{} to {}; review them, then `crosscheck import claims {}`",
            args.article,
            path.display(),
            path.display()
        ));
    }
    run.close();
    let unmatched: Vec<&str> = unmatched.iter().map(String::as_str).collect();
    if !unmatched.is_empty() {
        out.note(&format!(
            "the notebook has no source named {}; `import claims` refuses those rows until you add the \
             source (`crosscheck source add`) or write a known name in their sources cell",
            named_some(&unmatched)
        ));
    }
    if figures_without_measure > 0 {
        out.note(&format!(
            "{figures_without_measure} new suggestion(s) hold a figure with no measure; give --measure KEY, \
             or fill their measure cell, for `import claims` to record the figures"
        ));
    }
    Ok(())
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
    by_first: std::collections::HashMap<String, Vec<usize>>,
    by_word: std::collections::HashMap<String, Vec<usize>>,
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
