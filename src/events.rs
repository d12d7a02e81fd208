//! What monitors publish about one event, worked out from an incident: the rows of UCDP GED,
//! ACLED and Airwars in their own column names and codes, and the typed values an incident holds
//! (coordinates kept as typed, UCDP's place and date precision codes). Pure: an incident's facts
//! in, one row per dataset out; docs/formats.md says where every column comes from.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dates::PartialDate;
use crate::ratings::{Credibility, Reliability};
use crate::vocab::{AirwarsGrade, DatePrecision, Method, Support};

/// What UCDP GED's `where_prec` codes mean, 1 to 7 (crosscheck stores the same codes).
pub const WHERE_PRECISION: [&str; 7] = [
    "the exact place is known",
    "within about 25 km of a known place",
    "only the district (second-order administrative division) is known",
    "only the province (first-order administrative division) is known",
    "a line or an area that is not one division: a road, a river, a border, a region",
    "only the country is known",
    "international waters or airspace, or wider than one country",
];

/// Arabic-Indic and Eastern Arabic-Indic digits, the Arabic decimal separator and the minus
/// sign written as the ASCII a coordinate is stored in (`٣٦٫٥١٤٠` is `36.5140`, every decimal
/// kept).
fn ascii_number(text: &str) -> String {
    text.chars()
        .map(|c| match crate::numwords::ascii_digit(c) {
            '\u{066B}' => '.',
            '\u{2212}' => '-',
            c => c,
        })
        .collect()
}

/// A latitude or longitude as typed: decimal degrees, `-` for south and west. The text is kept
/// whole (`36.20` keeps its two decimals: they say how precisely the place is known), in ASCII
/// digits whichever digits it was typed in.
fn coordinate(text: &str, what: &str, limit: u32) -> Result<String, String> {
    let folded = ascii_number(text);
    let t = folded.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    let digits = t.strip_prefix('-').unwrap_or(t);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let is_digits = |s: &str| !s.is_empty() && s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit());
    let form = format!(
        "'{text}' is not a {what}; write decimal degrees such as {} (- for {})",
        if limit == 90 { "36.2021 or -33.45" } else { "37.1343 or -70.66" },
        if limit == 90 { "south" } else { "west" }
    );
    if !is_digits(whole) || fraction.is_some_and(|f| !is_digits(f)) {
        return Err(form);
    }
    let value: f64 = digits.parse().map_err(|_| form.clone())?;
    if value > f64::from(limit) {
        return Err(format!("'{text}' is not a {what}; it must lie between -{limit} and {limit}"));
    }
    // "-0" and "-0.0" are the equator or the meridian: kept without the sign.
    if t.starts_with('-') && value == 0.0 {
        return Ok(digits.to_string());
    }
    Ok(t.to_string())
}

/// A latitude as typed, checked to lie within -90..90.
pub fn latitude(text: &str) -> Result<String, String> {
    coordinate(text, "latitude", 90)
}

/// A longitude as typed, checked to lie within -180..180.
pub fn longitude(text: &str) -> Result<String, String> {
    coordinate(text, "longitude", 180)
}

/// UCDP's `where_prec`, 1 (exact place) to 7 (wider than a country).
pub fn where_precision(text: &str) -> Result<u8, String> {
    // In any digits: `٢` is 2.
    match ascii_number(text).trim().parse::<u8>() {
        Ok(n @ 1..=7) => Ok(n),
        _ => Err(format!(
            "'{text}' is not a place precision; give 1 (the exact place) to 7 (wider than a country), \
             as UCDP GED's where_prec"
        )),
    }
}

/// When an incident happened: the first and last day it may have happened on, and how precisely
/// that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub precision: DatePrecision,
}

impl Span {
    /// The days from the first to the last, both counted.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The span of `--from` and `--to` as typed: a partial date covers its month or year, and
    /// the precision is the one given, else that of the dates typed (a month typed is known to
    /// the month).
    pub fn typed(
        from: PartialDate,
        to: Option<PartialDate>,
        precision: Option<DatePrecision>,
    ) -> Result<Span, String> {
        let bad = |d: &PartialDate| format!("'{d}' is not a real date");
        let first = from.first_day().ok_or_else(|| bad(&from))?;
        let last = match to {
            Some(t) => t.last_day().ok_or_else(|| bad(&t))?,
            None => from.last_day().ok_or_else(|| bad(&from))?,
        };
        if last < first {
            return Err(format!(
                "the incident ends ({}) before it starts ({from}); give --to on or after --from",
                to.map(|t| t.to_string()).unwrap_or_default()
            ));
        }
        let coarsest = |d: &PartialDate| match d.precision() {
            crate::dates::Precision::Year => DatePrecision::Year,
            crate::dates::Precision::Month => DatePrecision::Month,
            _ => DatePrecision::Day,
        };
        let inferred = to.map(|t| coarsest(&t).max(coarsest(&from))).unwrap_or(coarsest(&from));
        Ok(Span { from: first, to: last, precision: precision.unwrap_or(inferred) })
    }

    /// The precision a span of days says by itself, when nothing else does (the claims' dates).
    pub fn precision_of(days: i64) -> DatePrecision {
        match days {
            ..=1 => DatePrecision::Day,
            2..=7 => DatePrecision::Week,
            8..=31 => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// UCDP GED's `date_prec`: 1 the day is known; 2 within 2 to 6 days; 3 the week; 4 within 8
    /// to 30 days or the month; 5 longer than a month, within the year. The span's length gives
    /// the code and a coarser precision given for the incident raises it.
    pub fn ucdp_date_prec(&self) -> u8 {
        let by_length = match self.days() {
            ..=1 => 1,
            2..=6 => 2,
            7 => 3,
            8..=31 => 4,
            _ => 5,
        };
        let floor = match self.precision {
            DatePrecision::Day => 1,
            DatePrecision::Week => 3,
            DatePrecision::Month => 4,
            DatePrecision::Year => 5,
        };
        by_length.max(floor)
    }

    /// ACLED's `time_precision`: 1 the day is known; 2 the week (up to seven days); 3 the month
    /// or wider (ACLED has no coarser code).
    pub fn acled_time_precision(&self) -> u8 {
        let by_length = match self.days() {
            ..=1 => 1,
            2..=7 => 2,
            _ => 3,
        };
        let floor = match self.precision {
            DatePrecision::Day => 1,
            DatePrecision::Week => 2,
            DatePrecision::Month | DatePrecision::Year => 3,
        };
        by_length.max(floor)
    }

    /// ACLED's `event_date`: the day itself, or for a longer span its middle day (the earlier of
    /// two), with `time_precision` saying how far it may be off.
    pub fn acled_event_date(&self) -> NaiveDate {
        self.from + chrono::Duration::days((self.days() - 1) / 2)
    }
}

/// ACLED's `geo_precision` from UCDP's `where_prec`: 1 the town itself, 2 near a town or a part
/// of a district, 3 only a larger region (a province or wider).
pub fn acled_geo_precision(where_prec: u8) -> u8 {
    match where_prec {
        1 => 1,
        2 | 3 => 2,
        _ => 3,
    }
}

/// One voice of a count as reconciliation chose it: the ratings behind its figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Voice {
    pub reliability: Vec<Reliability>,
    pub credibility: Credibility,
    /// The Admiralty pair as people write it (`B2`).
    pub rating: String,
}

impl Voice {
    /// A voice whose source is rated A, B or C.
    fn credible(&self) -> bool {
        self.reliability.iter().any(|g| *g <= Reliability::C)
    }
}

/// One count of an incident (its killed, or its injured): the reconciliation of the measure that
/// counts it, saved or computed now.
#[derive(Debug, Clone, PartialEq)]
pub struct Count {
    pub measure: String,
    pub method: Method,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub support: Support,
    /// The figures the measure has (whether reconciliation took them or not).
    pub figures: usize,
    /// The voices reconciliation took, each with its ratings.
    pub voices: Vec<Voice>,
    /// The smallest point among the voices: ACLED's conservative rule.
    pub conservative: Option<i64>,
    /// The largest number the voices state (their high, or their point when the high is open).
    pub largest_stated: Option<i64>,
    /// The measure has figures and every one was judged improbable (credibility 5) or its
    /// sources unreliable (E).
    pub discounted: bool,
    /// A derived measure's parts, each its own count (none for an ordinary measure).
    pub parts: Vec<Count>,
    /// The saved reconciliation whose method (and manual value) gave `best`, when it is older
    /// than the measure's figures (stale): the export says so on stderr.
    pub stale_saved: Option<i64>,
}

/// An article the incident's claims cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub outlet: Option<String>,
    pub title: String,
    pub published: Option<String>,
}

/// Everything the profiles need about one incident.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub key: String,
    pub label: String,
    pub note: Option<String>,
    pub span: Option<Span>,
    pub place: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub where_precision: Option<u8>,
    pub killed: Option<Count>,
    pub injured: Option<Count>,
    /// The articles with a claim about the incident, by publication date.
    pub articles: Vec<Cited>,
    /// The sources its claims attribute their words to, each once, in order of first mention.
    pub originators: Vec<String>,
}

/// The UCDP export's warnings: one line for each count whose best follows a stale saved
/// reconciliation's method (ACLED's and Airwars' columns never use the saved method).
pub fn stale_warnings(events: &[Event]) -> Vec<String> {
    let counts = events.iter().flat_map(|e| [e.killed.as_ref(), e.injured.as_ref()]).flatten();
    counts
        .filter_map(|c| {
            let id = c.stale_saved?;
            let redo = match c.method {
                Method::Manual => "--method manual --value N --note WHY".to_string(),
                m => format!("--method {m}"),
            };
            Some(format!(
                "warning: {}: saved reconciliation #{id} is stale (its figures changed after it was saved); \
                 its method, {}, was applied to the figures as they are now; `crosscheck reconcile {} {redo} --save` \
                 saves a current one",
                c.measure, c.method, c.measure
            ))
        })
        .collect()
}

impl Event {
    /// The outlets of the articles, each once, in the articles' order.
    fn outlets(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for o in self.articles.iter().filter_map(|a| a.outlet.clone()) {
            if !out.contains(&o) {
                out.push(o);
            }
        }
        out
    }

    fn year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.span.map(|s| s.from.year())
    }
}

/// A row of UCDP's Georeferenced Event Dataset.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UcdpRow {
    pub relid: String,
    pub year: Option<i32>,
    pub date_start: Option<String>,
    pub date_end: Option<String>,
    pub date_prec: Option<u8>,
    pub where_description: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub where_prec: Option<u8>,
    pub best: Option<i64>,
    pub low: Option<i64>,
    pub high: Option<i64>,
    pub number_of_sources: i64,
    pub source_article: Vec<String>,
    pub source_office: Vec<String>,
    pub source_date: Vec<String>,
    pub source_headline: Vec<String>,
    pub source_original: Vec<String>,
}

/// UCDP's low, best and high from a count: the reconciliation's, with `low <= best <= high`
/// kept as UCDP requires (a manual best outside the figures' range widens it; a method that gives
/// no best, `range`, takes the low; an open high is the largest number a voice states).
pub fn ucdp_estimates(c: &Count) -> (Option<i64>, Option<i64>, Option<i64>) {
    let (Some(low), Some(best)) = (c.low, c.best.or(c.low)) else {
        return (None, None, None);
    };
    let high = if c.open_high { c.largest_stated } else { c.high }.unwrap_or(best);
    (Some(low.min(best)), Some(best), Some(high.max(best)))
}

pub fn ucdp(e: &Event) -> UcdpRow {
    let (low, best, high) = e.killed.as_ref().map(ucdp_estimates).unwrap_or((None, None, None));
    UcdpRow {
        relid: e.key.clone(),
        year: e.year(),
        date_start: e.span.map(|s| s.from.to_string()),
        date_end: e.span.map(|s| s.to.to_string()),
        date_prec: e.span.map(|s| s.ucdp_date_prec()),
        where_description: e.place.clone(),
        latitude: e.latitude.clone(),
        longitude: e.longitude.clone(),
        where_prec: e.where_precision,
        best,
        low,
        high,
        number_of_sources: e.killed.as_ref().map(|c| c.voices.len() as i64).unwrap_or(0),
        source_article: e
            .articles
            .iter()
            .map(|a| {
                [a.outlet.as_deref(), a.published.as_deref(), Some(a.title.as_str())]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect(),
        source_office: e.articles.iter().map(|a| a.outlet.clone().unwrap_or_default()).collect(),
        source_date: e.articles.iter().map(|a| a.published.clone().unwrap_or_default()).collect(),
        source_headline: e.articles.iter().map(|a| a.title.clone()).collect(),
        source_original: e.originators.clone(),
    }
}

/// A row of ACLED's event data.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AcledRow {
    pub event_id_cnty: String,
    pub event_date: Option<String>,
    pub year: Option<i32>,
    pub time_precision: Option<u8>,
    pub location: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub geo_precision: Option<u8>,
    pub source: Vec<String>,
    pub notes: String,
    pub fatalities: i64,
}

pub fn acled(e: &Event) -> AcledRow {
    let mut notes = e.label.trim().to_string();
    if let Some(n) = e.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        if !notes.ends_with(['.', '!', '?', '。', '؟']) {
            notes.push('.');
        }
        notes.push(' ');
        notes.push_str(n);
    }
    AcledRow {
        event_id_cnty: e.key.clone(),
        event_date: e.span.map(|s| s.acled_event_date().to_string()),
        year: e.year(),
        time_precision: e.span.map(|s| s.acled_time_precision()),
        location: e.place.clone(),
        latitude: e.latitude.clone(),
        longitude: e.longitude.clone(),
        geo_precision: e.where_precision.map(acled_geo_precision),
        source: e.outlets(),
        notes,
        // ACLED codes 0 where no count is reported.
        fatalities: e.killed.as_ref().and_then(|c| c.conservative).unwrap_or(0),
    }
}

/// A row of Airwars' civilian harm incidents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AirwarsRow {
    pub code: String,
    pub date: Option<String>,
    pub date_end: Option<String>,
    pub location: Option<String>,
    pub latitude: Option<String>,
    pub longitude: Option<String>,
    pub killed_min: Option<i64>,
    pub killed_max: Option<i64>,
    pub injured_min: Option<i64>,
    pub injured_max: Option<i64>,
    pub grade: Option<AirwarsGrade>,
    pub grade_reason: String,
    pub ratings: Vec<String>,
    pub sources: Vec<String>,
}

/// The grade of a count and why, by the rule in docs/formats.md: no figure, no grade; every
/// figure discounted, `discounted`; voices that cannot all be true, `contested`; one voice,
/// `weak`; two or more that agree: `confirmed` when at least two are rated A–C and one of them
/// is credibility 1 (confirmed by other sources), `fair` when at least two are rated A–C, else
/// `weak`.
///
/// A sum (`measure add --sum`) is only as sure as its least sure part: its grade is the weakest
/// grade of its parts that have figures (discounted below contested below weak below fair below
/// confirmed), and the reason names that part.
pub fn airwars_grade(c: Option<&Count>) -> (Option<AirwarsGrade>, String) {
    let Some(c) = c.filter(|c| c.figures > 0) else {
        return (None, "no figure is recorded for the incident's killed or injured".into());
    };
    if !c.parts.is_empty() {
        let weakest = c
            .parts
            .iter()
            .filter(|p| p.figures > 0)
            .map(|p| (airwars_grade(Some(p)), &p.measure))
            .filter_map(|((g, why), key)| g.map(|g| (g, why, key)))
            // The first of the weakest, in the order of the parts.
            .min_by_key(|(g, _, _)| std::cmp::Reverse(*g));
        return match weakest {
            Some((g, why, key)) => (Some(g), format!("the weakest of its parts, {key}: {why}")),
            None => (None, "no figure was taken by reconciliation".into()),
        };
    }
    if c.voices.is_empty() {
        return if c.discounted {
            (
                Some(AirwarsGrade::Discounted),
                "every figure was judged improbable (credibility 5) or its sources unreliable (E)".into(),
            )
        } else {
            (None, "no figure was taken by reconciliation".into())
        };
    }
    let credible = c.voices.iter().filter(|v| v.credible()).count();
    match c.support {
        Support::Contested => (
            Some(AirwarsGrade::Contested),
            format!("{} voices give counts that cannot all be true", c.voices.len()),
        ),
        Support::SingleSource | Support::None => (Some(AirwarsGrade::Weak), "a single voice".into()),
        Support::Corroborated => {
            let n = c.voices.len();
            if credible >= 2 && c.voices.iter().any(|v| v.credible() && v.credibility.value() == 1) {
                (
                    Some(AirwarsGrade::Confirmed),
                    format!("{n} voices agree, {credible} rated A-C, one confirmed by other sources (credibility 1)"),
                )
            } else if credible >= 2 {
                (Some(AirwarsGrade::Fair), format!("{n} voices agree, {credible} of them rated A-C"))
            } else {
                (
                    Some(AirwarsGrade::Weak),
                    format!("{n} voices agree, but {credible} of them rated A-C (fewer than two)"),
                )
            }
        }
    }
}

pub fn airwars(e: &Event) -> AirwarsRow {
    let graded = e.killed.as_ref().filter(|c| c.figures > 0).or(e.injured.as_ref());
    let (grade, grade_reason) = airwars_grade(graded);
    let bounds = |c: Option<&Count>| match c {
        Some(c) => (c.low, if c.open_high { None } else { c.high }),
        None => (None, None),
    };
    let (killed_min, killed_max) = bounds(e.killed.as_ref());
    let (injured_min, injured_max) = bounds(e.injured.as_ref());
    AirwarsRow {
        code: e.key.clone(),
        date: e.span.map(|s| s.from.to_string()),
        date_end: e.span.filter(|s| s.to != s.from).map(|s| s.to.to_string()),
        location: e.place.clone(),
        latitude: e.latitude.clone(),
        longitude: e.longitude.clone(),
        killed_min,
        killed_max,
        injured_min,
        injured_max,
        grade,
        grade_reason,
        ratings: graded.map(|c| c.voices.iter().map(|v| v.rating.clone()).collect()).unwrap_or_default(),
        sources: e.outlets(),
    }
}

#[cfg(test)]
mod tests;
