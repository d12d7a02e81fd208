//! How `reconcile` prints its results, one measure after another as they are computed: for
//! people, each measure's figures side by side with the result, its conflicts and a chart; for
//! programs reading a pipe, the same without the chart; in JSON an array of objects (JSONL one
//! a line); in CSV and TSV one row a measure. With `--columns`, one row a measure in every
//! format, of the columns of the JSON object.

use std::io::{BufWriter, Write};

use anyhow::Result;
use serde::Serialize;
use serde_json::json;

use super::output::{Output, RowWriter};
use super::{escape_line, width, Format, Options, Pick, Writer};
use crate::notebook::reconciliations::{Reconciled, ReconciliationRow};
use crate::reconcile::{explain, Method};
use crate::report::Lang;
use crate::rows::{Cell, Columns};

/// The keys of a measure's JSON object: the columns `--columns` may name for `reconcile`.
pub const MEASURE_COLUMNS: &[&str] = &[
    "id",
    "measure",
    "label",
    "method",
    "low",
    "best",
    "high",
    "open_high",
    "conflict",
    "support",
    "figures",
    "voices",
    "filters",
    "as_of",
    "note",
    "stale",
    "created_at",
    "envelope",
    "low_by",
    "high_by",
    "best_by",
    "no_floor",
    "conflicting_pairs",
    "conflicts",
    "conflict_gaps",
    "clusters",
    "windows",
    "rings",
    "parts",
    "items",
];

/// One figure of a measure beside the others, as the reconcile table shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SideRow {
    figure: i64,
    claim: i64,
    published: Option<String>,
    source: String,
    rating: String,
    notation: String,
    low: i64,
    high: String,
    point: i64,
    weight: f64,
    voice: Option<i64>,
    included: String,
    reason: String,
}

impl crate::rows::Row for SideRow {
    const BRIEF: &'static [&'static str] =
        &["figure", "source", "rating", "notation", "low", "high", "voice", "included"];
    const ROOMY: &'static [&'static str] = &["claim", "published", "point", "weight"];
    const CUT: &'static [&'static str] = &["source", "notation"];
}

/// What the short codes of the `included` column mean, printed under the table.
const LEGEND: &str =
    "included: yes = speaks for its voice; voice of #N = same voice as figure #N, which is later; \
    superseded = an update replaced it; overtaken by #N = a floor that a later count passed (its \
    voice still counts); relay differs = repeats its original with another number; cred 5 = \
    improbable; E-rated = all sources unreliable; filtered = a filter left it out; not yet = \
    published after --as-of; other window = its --when is outside --window";

/// The same in Arabic, under `--lang ar`; the codes stay as the table and JSON write them.
const LEGEND_AR: &str =
    "المُدرج: yes = يتكلم باسم صوته؛ voice of #N = من صوت الرقم #N، وهو أحدث منه؛ superseded = حلّ محله \
    تحديث؛ overtaken by #N = حد أدنى تجاوزه عدٌّ لاحق (ويبقى صوته محسوبًا)؛ relay differs = ينقل أصله \
    برقم آخر؛ cred 5 = غير محتمل؛ E-rated = كل مصادره غير موثوقة؛ filtered = استبعده عامل تصفية؛ not yet \
    = نُشر بعد تاريخ --as-of؛ other window = فترته (--when) خارج --window";

/// A column of the reconcile tables as its header reads under `--lang` (the names stay the keys
/// of CSV, JSON and plain rows).
fn column_heading(lang: Lang, name: &str) -> String {
    if lang == Lang::En {
        return name.to_string();
    }
    let w = crate::report::words::words(Lang::Ar);
    match name {
        "figure" => w.figure,
        "claim" => w.claim,
        "published" => w.published,
        "source" => "المصدر",
        "rating" => "التقييم",
        "notation" => w.rendering,
        "low" => w.low,
        "high" => w.high,
        "best" => w.best,
        "point" => "القيمة",
        "weight" => "الوزن",
        "voice" => w.voice,
        "voices" => w.voices,
        "figures" => w.figures,
        "included" => "المُدرج",
        "reason" => "السبب",
        "part" => w.part,
        "support" => w.support,
        other => other,
    }
    .to_string()
}

fn side_rows(r: &Reconciled) -> Vec<SideRow> {
    r.figures
        .iter()
        .zip(&r.outcome.items)
        .map(|(f, item)| SideRow {
            figure: f.id,
            claim: f.claim_id,
            published: f.published.clone(),
            source: if f.sources.is_empty() {
                format!("{} (own report)", f.outlet.clone().unwrap_or_else(|| "no outlet".into()))
            } else {
                f.sources.join("; ")
            },
            rating: f.rating.clone(),
            notation: f.notation.clone(),
            low: f.low,
            high: if f.provisional {
                "open (provisional)".into()
            } else {
                f.high.map(|h| h.to_string()).unwrap_or_else(|| "open".into())
            },
            point: f.point,
            weight: f.weight,
            voice: item.voice.map(crate::notebook::sql_int),
            included: item.code.clone(),
            reason: item.reason.clone(),
        })
        .collect()
}

/// One measure as a JSON object: the reconciliation's columns plus its conflicts and items,
/// borrowed from the result and streamed, so a measure of many figures is not copied.
#[derive(Serialize)]
pub struct JsonMeasure<'a> {
    id: Option<i64>,
    measure: String,
    label: &'a str,
    method: Method,
    low: Option<i64>,
    best: Option<i64>,
    high: Option<i64>,
    open_high: bool,
    conflict: bool,
    support: crate::reconcile::Support,
    figures: i64,
    voices: i64,
    filters: &'a crate::notebook::claims::ClaimFilter,
    as_of: &'a Option<String>,
    note: Option<String>,
    stale: bool,
    created_at: Option<&'a str>,
    envelope: crate::reconcile::Envelope,
    low_by: Option<i64>,
    high_by: Option<i64>,
    best_by: Option<i64>,
    no_floor: bool,
    conflicting_pairs: u64,
    conflicts: Vec<[i64; 2]>,
    conflict_gaps: Vec<i64>,
    clusters: &'a [crate::reconcile::Cluster],
    windows: &'a [crate::reconcile::Window],
    rings: &'a [Vec<i64>],
    /// A derived measure's parts, each an object of these keys.
    parts: Vec<JsonMeasure<'a>>,
    items: Items<'a>,
    /// With `--explain`: the result in sentences.
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Vec<String>>,
}

/// The items of a measure, serialized one by one.
struct Items<'a>(&'a [crate::reconcile::Item]);

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|i| {
            json!({
                "figure_id": i.figure_id,
                "included": i.included,
                "code": i.code,
                "reason": i.reason,
                "weight": i.weight,
                "voice": i.voice,
                "superseded_by": i.superseded_by,
                "voice_of": i.voice_of,
                "relay_of": i.relay_of,
                "overtaken_by": i.overtaken_by,
            })
        }))
    }
}

fn json_object<'a>(r: &'a Reconciled, note: Option<&str>, explain: Option<Lang>) -> JsonMeasure<'a> {
    let row = r.row(note);
    let o = &r.outcome;
    JsonMeasure {
        id: r.saved.as_ref().map(|s| s.id),
        measure: row.measure,
        label: &r.label,
        method: row.method,
        low: row.low,
        best: row.best,
        high: row.high,
        open_high: row.open_high,
        conflict: row.conflict,
        support: row.support,
        figures: row.figures,
        voices: row.voices,
        filters: &r.filters,
        as_of: &r.as_of,
        note: row.note,
        stale: row.stale,
        created_at: r.saved.as_ref().map(|s| s.created_at.as_str()),
        envelope: o.envelope,
        low_by: o.low_by,
        high_by: o.high_by,
        best_by: o.best_by,
        no_floor: o.no_floor,
        conflicting_pairs: o.conflicting_pairs,
        conflicts: o.conflicts.iter().map(|p| [p.a, p.b]).collect(),
        conflict_gaps: o.conflicts.iter().map(|p| p.gap).collect(),
        clusters: &o.clusters,
        windows: &o.windows,
        rings: &o.rings,
        parts: r.parts.iter().map(|p| json_object(p, None, explain)).collect(),
        items: Items(&o.items),
        explanation: explain.map(|lang| r.explanation(lang).iter().map(|l| explain::plain(l)).collect()),
    }
}

/// One part of a derived measure, as the table under the sum's heading shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PartRow {
    part: String,
    low: String,
    best: String,
    high: String,
    support: String,
    figures: i64,
    voices: i64,
}

impl crate::rows::Row for PartRow {}

fn part_rows(r: &Reconciled) -> Vec<PartRow> {
    let show = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    r.parts
        .iter()
        .map(|p| {
            let o = &p.outcome;
            PartRow {
                part: p.key.clone(),
                low: if o.no_floor { format!("{} (no floor)", show(o.low)) } else { show(o.low) },
                best: show(o.best),
                high: if o.open_high { "open".into() } else { show(o.high) },
                support: o.support.to_string(),
                figures: crate::notebook::sql_int(o.figures),
                voices: crate::notebook::sql_int(o.voices),
            }
        })
        .collect()
}

/// The summary line under a measure's table, in the language of `--lang` (numbers in the
/// notebook's digits, as every Arabic output writes them).
fn summary(r: &Reconciled, lang: Lang) -> String {
    if lang == Lang::Ar {
        return summary_ar(r);
    }
    let o = &r.outcome;
    let show = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    let high = if o.open_high { "open".to_string() } else { show(o.high) };
    let best = if r.method == Method::Range { String::new() } else { format!("best {}, ", show(o.best)) };
    let low = if o.no_floor { format!("{} (no floor stated)", show(o.low)) } else { show(o.low) };
    let envelope = if o.envelope == crate::reconcile::Envelope::Union { ", envelope union" } else { "" };
    let mut line = if r.parts.is_empty() {
        format!(
            "low {low}, {best}high {high} ({}{envelope}), support {}, eligible figures {} of {}, voices {}",
            r.method,
            o.support,
            o.figures,
            o.items.len(),
            o.voices
        )
    } else {
        format!(
            "sum of {} parts: low {low}, {best}high {high} ({}{envelope}), support {}, eligible figures {}, voices {}",
            r.parts.len(),
            r.method,
            o.support,
            o.figures,
            o.voices
        )
    };
    if let Some(d) = &r.as_of {
        line.push_str(&format!(", as of {d}"));
    }
    if let Some(s) = &r.saved {
        line.push_str(&format!("; saved as reconciliation #{}", s.id));
    }
    line
}

fn summary_ar(r: &Reconciled) -> String {
    let w = crate::report::words::words(Lang::Ar);
    let o = &r.outcome;
    let show = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_else(|| "–".into());
    let high = if o.open_high { w.open.to_string() } else { show(o.high) };
    let best =
        if r.method == Method::Range { String::new() } else { format!("{} {}، ", w.best, show(o.best)) };
    let low =
        if o.no_floor { format!("{} (لا حد أدنى مذكور)", show(o.low)) } else { show(o.low) };
    let envelope = if o.envelope == crate::reconcile::Envelope::Union {
        "، بكل الحدود (--envelope union)"
    } else {
        ""
    };
    let (method, support) = (w.method(r.method), w.support_word(o.support));
    let mut line = if r.parts.is_empty() {
        format!(
            "{} {low}، {best}{} {high} ({method}{envelope})، {} {support}، الأرقام المؤهلة {} من {}، {} {}",
            w.low,
            w.high,
            w.support,
            o.figures,
            o.items.len(),
            w.voices,
            o.voices
        )
    } else {
        format!(
            "مجموع {} أجزاء: {} {low}، {best}{} {high} ({method}{envelope})، {} {support}، الأرقام المؤهلة {}، {} {}",
            r.parts.len(),
            w.low,
            w.high,
            w.support,
            o.figures,
            w.voices,
            o.voices
        )
    };
    if let Some(d) = &r.as_of {
        line.push_str(&format!("، حتى {d}"));
    }
    if let Some(s) = &r.saved {
        line.push_str(&format!("؛ حُفظ توفيقًا برقم #{}", s.id));
    }
    line
}

/// What needs the researcher's eye: windows that differ, rings of updates.
fn warning_lines(r: &Reconciled) -> Vec<String> {
    let o = &r.outcome;
    let mut lines = Vec::new();
    if !o.windows.is_empty() {
        let list: Vec<String> = o
            .windows
            .iter()
            .map(|w| {
                let ids: Vec<String> = w.figures.iter().take(8).map(|f| format!("#{f}")).collect();
                let more = if w.figures.len() > 8 { " …" } else { "" };
                format!("{}..{} ({}{more})", w.from, w.to, ids.join(" "))
            })
            .collect();
        lines.push(format!(
            "warning: the figures cover time windows that do not overlap: {}; keep one with --window FROM..TO",
            list.join(" | ")
        ));
    }
    for ring in &o.rings {
        let (first, last) =
            (ring.first().copied().unwrap_or_default(), ring.last().copied().unwrap_or_default());
        lines.push(format!(
            "warning: claims update one another in a ring ({}); those links are set aside until one is removed (crosscheck claim unlink {last} {first} --as updates)",
            crate::reconcile::ring_text(ring, " updates ")
        ));
    }
    lines
}

/// A sentence of the explanation for a terminal: escaped, its Arabic notebook text in Unicode
/// isolates (closed at the end of each line and opened again on the next), wrapped to `width`.
fn terminal_lines(sentence: &str, wrap: usize) -> Vec<String> {
    let (open, close) = ('\u{2068}', '\u{2069}');
    let text: String = explain::parts(sentence)
        .into_iter()
        .map(|(quoted, part)| {
            let shown = escape_line(part);
            if quoted && super::has_rtl(&shown) {
                format!("{open}{shown}{close}")
            } else {
                shown
            }
        })
        .collect();
    let mut carried = false;
    width::wrap(&text, wrap)
        .into_iter()
        .map(|line| {
            let mut depth = i32::from(carried);
            for c in line.chars() {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                }
            }
            let mut shown = if carried { format!("{open}{line}") } else { line };
            carried = depth > 0;
            if carried {
                shown.push(close);
            }
            shown
        })
        .collect()
}

/// The conflict in words: how many pairs, the widest named, and the clusters.
fn conflict_lines(r: &Reconciled, lang: Lang) -> Vec<String> {
    let o = &r.outcome;
    if o.conflicting_pairs == 0 {
        return Vec::new();
    }
    let ar = lang == Lang::Ar;
    let w = crate::report::words::words(lang);
    let named: Vec<String> = o
        .conflicts
        .iter()
        .map(|p| match ar {
            false => format!("#{} vs #{} (gap {})", p.a, p.b, p.gap),
            true => format!("#{} {} #{} ({} {})", p.a, w.versus, p.b, w.gap, p.gap),
        })
        .collect();
    let more = if (o.conflicts.len() as u64) < o.conflicting_pairs { " …" } else { "" };
    let mut lines = vec![match (ar, named.is_empty()) {
        (false, _) => format!(
            "{} pair(s) of voices cannot both be true{}{more}",
            o.conflicting_pairs,
            if named.is_empty() { String::new() } else { format!("; widest: {}", named.join(", ")) },
        ),
        // The count agrees with its noun: `زوج واحد`, `زوجان`, `3 أزواج من الأصوات`.
        (true, true) => format!("{}{more}", w.pairs(o.conflicting_pairs)),
        (true, false) => {
            format!("{}؛ {}: {}{more}", w.pairs(o.conflicting_pairs), w.widest, named.join("، "))
        }
    }];
    if o.clusters.len() > 1 {
        let clusters: Vec<String> = o
            .clusters
            .iter()
            .map(|c| {
                let high =
                    c.high.map(|h| h.to_string()).unwrap_or_else(|| if ar { w.open } else { "open" }.into());
                let ids: Vec<String> = c.figures.iter().take(8).map(|f| format!("#{f}")).collect();
                let more = match (c.figures.len() > 8, ar) {
                    (false, _) => String::new(),
                    (true, false) => format!(" and {} more", c.figures.len() - 8),
                    (true, true) => format!(" و{} غيرها", c.figures.len() - 8),
                };
                format!("{}..{high} ({}{more})", c.low, ids.join(" "))
            })
            .collect();
        lines.push(match ar {
            false => format!("clusters of voices that agree: {}", clusters.join(" | ")),
            true => format!("{}: {}", w.clusters, clusters.join(" | ")),
        });
    }
    lines
}

/// The figures on one axis under the table, with the reconciled band: terminal tables only.
fn chart_lines(r: &Reconciled, width: usize, ascii: bool, lang: Lang) -> Vec<String> {
    use super::chart::{draw, Band, Bar};
    let bars: Vec<Bar> = r
        .figures
        .iter()
        .zip(&r.outcome.items)
        .map(|(f, item)| Bar {
            label: format!("#{} {}", f.id, f.rating),
            low: f.low,
            high: if f.provisional { None } else { f.high },
            point: f.point,
            included: item.included,
        })
        .collect();
    let o = &r.outcome;
    let band = o.low.map(|low| Band { low, high: if o.open_high { None } else { o.high }, best: o.best });
    let mut lines = draw(&bars, band, width, ascii);
    // Which figure set each end of the band.
    let by = |f: Option<i64>| f.map(|f| format!("#{f}"));
    let ar = lang == Lang::Ar;
    let mut ends = Vec::new();
    match (by(o.low_by), o.no_floor, ar) {
        (Some(f), _, false) => ends.push(format!("low set by {f}")),
        (Some(f), _, true) => ends.push(format!("الأدنى حدده {f}")),
        (None, true, false) => ends.push("low: no floor stated".to_string()),
        (None, true, true) => ends.push("الأدنى: لا حد أدنى مذكور".to_string()),
        (None, false, _) => {}
    }
    if let Some(f) = by(o.high_by) {
        ends.push(match (ar, o.open_high) {
            (false, open) => format!("{} set by {f}", if open { "open high" } else { "high" }),
            (true, false) => format!("الأعلى حدده {f}"),
            (true, true) => format!("الأعلى المفتوح حدده {f}"),
        });
    }
    if let Some(f) = by(o.best_by) {
        ends.push(if ar { format!("الأرجح {f}") } else { format!("best {f}") });
    }
    if !lines.is_empty() && !ends.is_empty() {
        lines.push(ends.join(if ar { "، " } else { ", " }));
    }
    lines
}

/// Where the measures go, decided once.
enum Mode<'a> {
    /// A table (or Markdown) per measure, with its summary; `width` wraps the text under it.
    People {
        options: Options,
        chart: Option<usize>,
        width: usize,
    },
    /// The same without the chart, for a pipe.
    Plain {
        options: Options,
    },
    Json {
        lines: bool,
        terminal: bool,
    },
    /// One row a measure: saved-result rows (CSV, TSV).
    Rows(RowWriter<'a, ReconciliationRow>),
    /// One row a measure of the columns `--columns` names.
    Picked(RowWriter<'a, ()>),
}

/// Prints results one by one.
pub struct MeasurePrinter<'a> {
    out: &'a Output,
    note: Option<String>,
    ascii: bool,
    /// The language of the tables' headers, the summary and the legend (`--lang`).
    lang: Lang,
    /// The language of `--explain`, when asked for.
    explain: Option<Lang>,
    count: usize,
    mode: Mode<'a>,
}

const NO_FIGURES: &str = "no figures for this measure yet";

impl<'a> MeasurePrinter<'a> {
    pub fn new(
        out: &'a Output,
        note: Option<&str>,
        ascii: bool,
        lang: Lang,
        explain: bool,
    ) -> Result<MeasurePrinter<'a>> {
        let explain = explain.then_some(lang);
        let options = out.measure_options(NO_FIGURES);
        let mode = if matches!(out.pick(), Pick::Named(_))
            && !matches!(options.format, Format::Json | Format::Jsonl)
        {
            Mode::Picked(out.columns_to(
                Columns::plain(MEASURE_COLUMNS),
                super::Dest::Stdout,
                Default::default(),
                "",
            ))
        } else if options.plain {
            Mode::Plain { options }
        } else {
            match options.format {
                Format::Table | Format::Markdown => {
                    let chart = out.terminal_table();
                    let width = out.text_width().unwrap_or(usize::MAX);
                    Mode::People { options, chart, width }
                }
                Format::Json | Format::Jsonl => {
                    let lines = options.format == Format::Jsonl;
                    if !lines {
                        out.bytes(b"[")?;
                    }
                    Mode::Json { lines, terminal: options.terminal }
                }
                Format::Csv | Format::Tsv => Mode::Rows(out.rows("")),
            }
        };
        Ok(MeasurePrinter { out, note: note.map(str::to_string), ascii, lang, explain, count: 0, mode })
    }

    pub fn print(&mut self, r: &Reconciled) -> Result<()> {
        let note = self.note.as_deref();
        match &mut self.mode {
            Mode::People { options, chart, width } => people(
                options,
                r,
                Look {
                    wrap: *width,
                    chart: chart.map(|w| (w, self.ascii)),
                    legend: self.out.pick() == &Pick::Default,
                    lang: self.lang,
                },
                self.explain,
                None,
            )?,
            Mode::Plain { options } => {
                let look = Look { wrap: usize::MAX, chart: None, legend: false, lang: self.lang };
                people(options, r, look, self.explain, None)?
            }
            Mode::Json { lines, terminal } => {
                let object = picked_json(&json_object(r, note, self.explain), self.out.pick())?;
                let mut out = BufWriter::new(std::io::stdout().lock());
                if !*lines {
                    out.write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
                }
                super::write_json(&mut out, &object, false, *terminal)?;
                if *lines {
                    out.write_all(b"\n")?;
                }
                out.flush()?;
            }
            Mode::Rows(w) => w.row(&r.row(note))?,
            Mode::Picked(w) => {
                let object = serde_json::to_value(json_object(r, note, None))?;
                let cells: Vec<Cell> = MEASURE_COLUMNS.iter().map(|k| cell_of(&object[*k])).collect();
                w.cells(&cells)?;
            }
        }
        self.count += 1;
        Ok(())
    }

    pub fn finish(self) -> Result<()> {
        match self.mode {
            Mode::Rows(w) => w.finish()?,
            Mode::Picked(w) => w.finish()?,
            Mode::Json { lines: false, .. } => {
                self.out.bytes(if self.count == 0 { b"]\n" } else { b"\n]\n" })?;
            }
            Mode::People { .. } if self.count == 0 => self
                .out
                .lines(["there are no measures to reconcile; add one with `crosscheck measure add`"])?,
            Mode::Plain { .. } if self.count == 0 => {
                self.out.note("there are no measures to reconcile; add one with `crosscheck measure add`")
            }
            _ => {}
        }
        Ok(())
    }
}

/// A JSON value as one cell: text, a number, or compact JSON for a list or an object.
fn cell_of(v: &serde_json::Value) -> Cell {
    use serde_json::Value;
    match v {
        Value::Null => Cell::Null,
        Value::Bool(b) => Cell::Bool(*b),
        Value::Number(n) => {
            n.as_i64().map(Cell::Int).unwrap_or_else(|| Cell::Float(n.as_f64().unwrap_or(0.0)))
        }
        Value::String(s) => Cell::Text(s.clone()),
        other => Cell::Text(other.to_string()),
    }
}

/// The measure's object, or only the keys `--columns` names, in its order.
fn picked_json(object: &JsonMeasure<'_>, pick: &Pick) -> Result<serde_json::Value> {
    let value = serde_json::to_value(object)?;
    let Pick::Named(names) = pick else { return Ok(value) };
    let map = names.iter().map(|n| (n.trim().to_string(), value[n.trim()].clone())).collect();
    Ok(serde_json::Value::Object(map))
}

/// One measure for people: a heading, its figures side by side, the result and its conflicts
/// in words, and (on a terminal table) the chart with its legend. A derived measure shows its
/// parts' results side by side, the sum, its sentences, then each part in full.
/// How a measure is laid out for people.
#[derive(Clone, Copy)]
struct Look {
    /// The width the text under the table wraps at.
    wrap: usize,
    /// The chart's width and whether it is drawn in ASCII (terminal tables only).
    chart: Option<(usize, bool)>,
    /// The legend of the `included` codes under the chart.
    legend: bool,
    /// The language of the headers, the summary and the legend.
    lang: Lang,
}

fn people(
    options: &Options,
    r: &Reconciled,
    look: Look,
    explain: Option<Lang>,
    part_of: Option<&str>,
) -> Result<()> {
    let Look { wrap, chart, legend, lang } = look;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let heading = match (part_of, lang) {
        (Some(sum), Lang::En) => format!("{} — {} (a part of {sum})", r.key, r.label),
        (Some(sum), Lang::Ar) => format!("{} — {} (جزء من {sum})", r.key, r.label),
        (None, _) => format!("{} — {}", r.key, r.label),
    };
    writeln!(out, "\n{}", escape_line(&heading))?;
    let options = Options { empty: Some(NO_FIGURES.to_string()), ..options.clone() };
    let mut out = if r.parts.is_empty() {
        let mut w = Writer::headed(out, &options, &Columns::of::<SideRow>(), &|c| column_heading(lang, c))?;
        for row in side_rows(r) {
            w.row(&row)?;
        }
        w.finish()?
    } else {
        let mut w = Writer::headed(out, &options, &Columns::of::<PartRow>(), &|c| column_heading(lang, c))?;
        for row in part_rows(r) {
            w.row(&row)?;
        }
        w.finish()?
    };
    for text in std::iter::once(summary(r, lang)).chain(conflict_lines(r, lang)).chain(warning_lines(r)) {
        for line in width::wrap(&escape_line(&text), wrap) {
            writeln!(out, "{line}")?;
        }
    }
    if let (false, Some((chart_width, ascii))) = (r.figures.is_empty(), chart) {
        writeln!(out)?;
        for line in chart_lines(r, chart_width, ascii, lang) {
            writeln!(out, "{}", escape_line(&line))?;
        }
        if legend {
            for line in width::wrap(if lang == Lang::Ar { LEGEND_AR } else { LEGEND }, chart_width) {
                writeln!(out, "{line}")?;
            }
        }
    }
    if let Some(lang) = explain {
        writeln!(out)?;
        for sentence in r.explanation(lang) {
            // A hanging indent: each sentence is one item.
            for (n, line) in terminal_lines(&sentence, wrap.saturating_sub(2).max(20)).into_iter().enumerate()
            {
                writeln!(out, "{}{line}", if n == 0 { "- " } else { "  " })?;
            }
        }
    }
    out.flush()?;
    drop(out);
    // Each part in full; the sum's sentences already said theirs.
    for p in &r.parts {
        people(&options, p, look, None, Some(&r.key))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measure_columns_are_the_keys_of_its_object() {
        let r = Reconciled {
            measure_id: 1,
            key: "deaths.market".into(),
            label: "killed".into(),
            unit: None,
            figures: Vec::new(),
            outcome: crate::reconcile::reconcile(
                &[],
                &Default::default(),
                &crate::reconcile::Request::default(),
            ),
            method: Method::Weighted,
            as_of: None,
            filters: Default::default(),
            saved: None,
            parts: Vec::new(),
        };
        let value = serde_json::to_value(json_object(&r, None, None)).unwrap();
        let keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, MEASURE_COLUMNS);
    }
}
