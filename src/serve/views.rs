//! The pages' templates (`templates/serve/`): askama escapes every value by default, so text
//! from the notebook is always shown as text. The only values written unescaped are the charts,
//! which the report's SVG writer builds from escaped parts.

use askama::Template;

use crate::notebook::articles::ArticleRow;
use crate::notebook::claims::{ClaimRow, LinkRow};
use crate::notebook::figures::FigureRow;
use crate::notebook::listings::{MeasureEntry, Page};
use crate::notebook::reconciliations::ReconciliationRow;
use crate::notebook::sources::{RatingRow, SourceRow};
use crate::report::words::{ServeWords, Words};

/// What every page shares: its words, direction, the session's CSRF key and the navigation.
pub struct Chrome {
    pub w: &'static Words,
    pub s: &'static ServeWords,
    pub lang: &'static str,
    pub dir: &'static str,
    pub title: String,
    pub page: &'static str,
    pub csrf: String,
    pub read_only: bool,
    pub here_en: String,
    pub here_ar: String,
}

#[derive(Template)]
#[template(path = "serve/message.html")]
pub struct Message {
    pub c: Chrome,
    pub heading: String,
    pub text: String,
    pub back: Option<String>,
}

#[derive(Template)]
#[template(path = "serve/articles.html")]
pub struct Articles {
    pub c: Chrome,
    pub q: String,
    /// (code, selected, shown)
    pub languages: Vec<(String, bool, String)>,
    /// (name, selected)
    pub outlets: Vec<(String, bool)>,
    pub rows: Vec<ArticleRow>,
    pub page: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A piece of an article's text: its claims and suggestion, if any.
pub struct TextPiece<'a> {
    pub text: &'a str,
    pub starts: Vec<i64>,
    pub claimed: bool,
    pub sugg: Option<usize>,
}

/// A suggestion as the review page shows it.
pub struct Sugg {
    pub i: usize,
    pub status: &'static str,
    pub recorded: bool,
    pub quote: String,
    pub figure: Option<String>,
    pub figure_text: String,
    pub kind: Option<String>,
    pub interval: String,
    pub noun: Option<String>,
    pub source: Option<String>,
    pub source_match: Option<String>,
    pub source_id: String,
    pub phrase: String,
    /// Who, as shown, and how the phrase matched.
    pub who: String,
    pub how: String,
    pub when_text: Option<String>,
    pub when_value: String,
    pub when_dates: String,
    pub confidence: u8,
    pub start: usize,
    pub end: usize,
}

#[derive(Template)]
#[template(path = "serve/article.html")]
pub struct Article<'a> {
    pub c: Chrome,
    pub a: ArticleRow,
    pub url: Option<String>,
    pub text_dir: &'static str,
    pub text_lang: Option<String>,
    pub pieces: Vec<TextPiece<'a>>,
    pub suggestions: Vec<Sugg>,
    pub rejected: usize,
    pub measure: String,
    /// The incident accepted claims are tied to (asked, or the measure's), and the one asked.
    pub incident: String,
    pub incident_asked: String,
    pub measures: Vec<(String, String)>,
    pub credibilities: Vec<(u8, &'static str)>,
    pub kinds: Vec<(&'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "serve/claims.html")]
pub struct Claims {
    pub c: Chrome,
    pub filters: Vec<(&'static str, String)>,
    pub rows: Vec<ClaimRow>,
    pub page: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "serve/claim.html")]
pub struct Claim {
    pub c: Chrome,
    pub r: ClaimRow,
    pub credibility_label: &'static str,
    pub credibility: u8,
    pub sources: Vec<SourceRow>,
    /// (figure, measure page, interval)
    pub figures: Vec<(FigureRow, String, String)>,
    pub links: Vec<LinkRow>,
    pub relations: Vec<&'static str>,
    pub credibilities: Vec<(u8, &'static str)>,
}

#[derive(Template)]
#[template(path = "serve/measures.html")]
pub struct Measures {
    pub c: Chrome,
    /// (measure, its page)
    pub rows: Vec<(MeasureEntry, String)>,
    pub page: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

/// A figure's line on a measure's page.
pub struct FigureLine {
    pub claim: i64,
    pub notation: String,
    pub interval: String,
    pub who: String,
    pub rating: String,
    pub published: String,
    pub status: String,
    pub reason: String,
    pub class: &'static str,
}

/// A part of a derived measure (a sum), with its own reconciliation and its page.
pub struct PartLine {
    pub key: String,
    pub label: String,
    pub url: String,
    pub low: String,
    pub best: String,
    pub high: String,
    pub support: &'static str,
    pub eligible: usize,
    pub voices: usize,
}

#[derive(Template)]
#[template(path = "serve/measure.html")]
pub struct Measure {
    pub c: Chrome,
    pub key: String,
    pub label: String,
    pub unit: Option<String>,
    /// (value, shown, selected)
    pub methods: Vec<(&'static str, &'static str, bool)>,
    pub method_value: &'static str,
    pub method: &'static str,
    /// `--envelope`: (value, selected)
    pub envelopes: Vec<(&'static str, bool)>,
    pub envelope_value: &'static str,
    /// `--window`, as typed.
    pub window: String,
    pub filters: Vec<(&'static str, String)>,
    pub filter_text: String,
    pub low: String,
    pub best: String,
    pub high: String,
    pub support: &'static str,
    pub eligible: usize,
    pub voices: usize,
    pub saved: Option<ReconciliationRow>,
    pub clusters: Option<String>,
    pub chart: Option<String>,
    /// A sum's parts, each reconciled on its own (empty for an ordinary measure).
    pub parts: Vec<PartLine>,
    pub figures: Vec<FigureLine>,
    pub timeline: Option<String>,
    /// (date, low, best, high, support, figures)
    pub timeline_rows: Vec<(String, String, String, String, &'static str, i64)>,
}

#[derive(Template)]
#[template(path = "serve/sources.html")]
pub struct Sources {
    pub c: Chrome,
    pub q: String,
    /// (source, kind shown, grade label, claims filter value)
    pub rows: Vec<(SourceRow, &'static str, &'static str, String)>,
    pub page: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Template)]
#[template(path = "serve/source.html")]
pub struct Source {
    pub c: Chrome,
    pub s: SourceRow,
    pub kind: &'static str,
    pub label: &'static str,
    pub source_param: String,
    pub history: Vec<RatingRow>,
    pub grades: Vec<(String, &'static str)>,
    pub claims: Page<ClaimRow>,
}
