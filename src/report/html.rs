//! The report as one HTML page: inline styles and SVG, no script, no font, no image or other
//! resource fetched (a Content-Security-Policy says so to the browser too). The page is an
//! askama template (`templates/report/page.html`) that escapes every value by default, after
//! showing control characters and bidi overrides as visible escapes; every `href` is either
//! `#id` for a part this page holds or an article's http(s) address checked by `web_address`.

use std::collections::HashSet;

use askama::Template;

use super::svg::{interval_chart, timeline_chart, State, CSS as SVG_CSS};
use super::text::{lang_code, number, web_address};
use super::view::{self, shown};
use super::words::{words, Words};
use super::{ArticleText, Index, Lang, Report, SourceReport};
use crate::notebook::claims::ClaimRow;
use crate::notebook::figures::FigureRow;

const PAGE_CSS: &str = "\
:root{--ink:#1d232a;--muted:#5b6670;--line:#d9dee3;--soft:#f4f6f8;--accent:#1f5f8b;--mark:#fff0a6;--warn:#9a3412}
*{box-sizing:border-box}
html{background:#fff;color:var(--ink)}
body{margin:0;font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Naskh Arabic','Geeza Pro',Tahoma,sans-serif}
header.top,main,footer{max-width:1000px;margin:0 auto;padding:0 28px}
header.top{padding-top:28px}
h1{font-size:1.8rem;margin:0 0 .6rem}
.kicker{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.04em}
h2{font-size:1.35rem;margin:2.2rem 0 .4rem}
h3{font-size:1.05rem;margin:1.4rem 0 .4rem}
a{color:var(--accent)}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em;background:var(--soft);padding:0 .25em;border-radius:3px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:0 0 1rem;font-size:.9rem}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
nav.toc ol{margin:.2rem 0;padding-inline-start:1.4rem;columns:2;font-size:.92rem}
section.measure{border-top:3px solid var(--ink);margin-top:2.4rem;padding-top:.2rem}
.sub{color:var(--muted);margin:.1rem 0 .8rem}
.result{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.7rem 1rem;margin:.6rem 0}
.result p{margin:.2rem 0}
.numbers{display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;margin:.4rem 0}
.numbers div{display:flex;flex-direction:column}
.numbers dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.numbers dd{margin:0;font-size:1.15rem;font-weight:600}
.stale{color:var(--warn);font-weight:600}
.support-contested{color:var(--warn)}
figure{margin:.8rem 0}
figure svg{display:block;width:100%;height:auto}
.legend{font-size:.85rem;color:var(--muted);max-width:48rem}
table.scale{width:auto;font-size:.8rem;margin:.3rem 0 1rem}
table.scale td,table.scale th{padding:.1rem .5rem;border:none}
.conflicts{border-inline-start:4px solid var(--warn);padding:.2rem .8rem;margin:.6rem 0;font-size:.92rem}
.conflicts p{margin:.2rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.4rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .45rem;text-align:start;vertical-align:top}
thead th{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line)}
tbody th{background:var(--soft);font-weight:600;font-size:.85rem}
td:first-child{white-space:nowrap}
td{font-variant-numeric:tabular-nums}
tr.left-out td,tr.relayed td{color:#4a545d}
tr.left-out td:nth-child(2) b{text-decoration:line-through;text-decoration-color:#8a949e}
small{font-size:.85em;color:var(--muted)}
blockquote{margin:0 0 .3rem;padding-inline-start:.6rem;border-inline-start:3px solid var(--line);font-size:.98rem}
blockquote a{color:inherit;text-decoration-color:var(--accent)}
.rendering{margin:.1rem 0;color:var(--muted)}
.facts{margin:.15rem 0;font-size:.85rem;color:var(--muted)}
.facts cite{font-style:normal}
.d{white-space:nowrap}
.badge{display:inline-block;font:600 .8rem/1.3 ui-monospace,Menlo,Consolas,monospace;padding:0 .35em;border-radius:3px;background:#e6edf3;color:var(--ink);white-space:nowrap;direction:ltr;unicode-bidi:isolate}
.tag{display:inline-block;font-style:normal;font-size:.78rem;background:#eef2e6;border-radius:9px;padding:0 .5em;margin-inline-end:.2em}
.flag{color:var(--warn);font-weight:600}
ul.claims{list-style:none;padding:0}
ul.claims li{border-bottom:1px solid var(--line);padding:.5rem 0}
ol.history{margin:0;padding-inline-start:1.1rem;font-size:.82rem}
article.text{border-top:1px solid var(--line);margin-top:1.4rem}
.body{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.97rem;line-height:1.75}
mark.q{background:var(--mark);color:inherit;border-radius:2px}
mark.q.many{background:#ffd98a}
mark.q:target,.n:target+mark.q{background:#ffc83d;outline:2px solid #c98a00}
a.n,span.n{font-size:.7em;vertical-align:super;font-weight:700;text-decoration:none;margin-inline:.1em;direction:ltr;unicode-bidi:isolate}
footer{color:var(--muted);font-size:.82rem;margin:3rem auto 2rem;border-top:1px solid var(--line);padding-top:.6rem}
@media print{
@page{size:A4;margin:16mm 14mm}
body{font-size:10pt}
header.top,main,footer{max-width:none;padding:0}
section.measure{break-inside:avoid;margin-top:1rem}
h2{font-size:1.2rem;margin:.6rem 0 .1rem}
h3{font-size:.95rem;margin:.5rem 0 .1rem}
.sub{margin:0 0 .2rem}
.result{padding:.2rem .6rem;margin:.2rem 0}
.result p{margin:0}
.numbers{margin:0;gap:0 1.2rem}
.numbers dt{font-size:.65rem}
.numbers dd{font-size:.95rem}
figure{margin:.2rem 0}
table{font-size:.85rem;margin:.2rem 0}
th,td{padding:.15rem .35rem}
thead th{font-size:.68rem}
blockquote{font-size:.9rem}
.facts{font-size:.78rem}
figure,.result,.conflicts,tr,tbody,blockquote,ul.claims li{break-inside:avoid}
tbody th{break-after:avoid}
figure svg{max-width:100%}
h2,h3{break-after:avoid}
thead{display:table-header-group}
section.texts{break-before:page}
article.text{break-inside:auto}
a{color:inherit;text-decoration:none}
.result{background:none}
}
";

#[derive(Template)]
#[template(path = "report/page.html", escape = "shown")]
struct Page<'a> {
    w: &'static Words,
    r: &'a Report,
    css: String,
    lang: &'static str,
    dir: &'static str,
    title: String,
    scope: String,
    measure_count: String,
    filters: String,
    method: &'static str,
    /// (letter, its label, digit, its label)
    scale: Vec<(String, &'static str, String, &'static str)>,
    measures: Vec<MeasureView<'a>>,
    other: Vec<ClaimView<'a>>,
    articles: Vec<ArticleView<'a>>,
    sources: Vec<SourceView<'a>>,
    texts: Vec<TextView<'a>>,
}

struct MeasureView<'a> {
    id: i64,
    key: &'a str,
    label: &'a str,
    unit: Option<&'a str>,
    saved: Option<(i64, &'a str)>,
    stale: bool,
    /// (word, value, support class)
    cells: Vec<(&'static str, String, Option<&'static str>)>,
    note: Option<&'a str>,
    /// The outcome computed now beside a stale saved one: (method, low, best, high, support).
    stale_outcome: Option<(&'static str, String, String, String, &'static str)>,
    chart: String,
    conflicts: Option<Conflicts>,
    /// The reconciliation in sentences (which figure set each end and why the others do not),
    /// each in parts: (notebook text, to isolate; the text).
    why: Vec<Vec<(bool, String)>>,
    /// The figures grouped as the chart is: (heading, rows).
    rows: Vec<(String, Vec<FigureView<'a>>)>,
    timeline: Option<String>,
    /// A derived measure's parts side by side.
    parts: Vec<PartView<'a>>,
}

/// One part of a derived measure: linked to its section when the page holds it.
struct PartView<'a> {
    id: i64,
    key: &'a str,
    label: &'a str,
    held: bool,
    low: String,
    best: String,
    high: String,
    support: &'static str,
    support_word: &'static str,
    figures: String,
    voices: String,
}

struct Conflicts {
    count: String,
    /// (figure, figure, gap)
    pairs: Vec<(i64, i64, String)>,
    more: bool,
    clusters: Option<String>,
}

struct FigureView<'a> {
    f: &'a FigureRow,
    class: &'static str,
    read: Option<Reading>,
    status_head: String,
    reason: Option<String>,
    claim: Option<ClaimView<'a>>,
}

/// How a notation was read, unless it is a plain number read as itself.
struct Reading {
    /// The interval, or None for an open high (`low–open`).
    interval: Option<String>,
    low: String,
    kind: String,
    point: String,
}

enum When<'a> {
    TextRange(&'a str, String),
    Text(&'a str),
    Range(String),
    Unknown,
}

struct ClaimView<'a> {
    c: &'a ClaimRow,
    /// The first time the page shows the claim: it carries the claim's id.
    with_id: bool,
    quoted: bool,
    rendering: bool,
    /// The outlet, for the outlet's own reporting, with its source id.
    outlet: Option<(&'a str, Option<i64>)>,
    /// (name, source id, letter)
    sources: Vec<(&'a str, Option<i64>, Option<String>)>,
    when: When<'a>,
    page: Option<&'a str>,
    /// The claim's article cited as `export articles --format csl-json` and `bibtex` cite it,
    /// when the page holds the article.
    cite: Option<Cite<'a>>,
}

/// A citation's elements in reading order (`citation::parts`): author, title (linked to the
/// article's row, which links the outlet to its source), outlet, date, then the address and an
/// archived copy.
struct Cite<'a> {
    author: Option<&'a str>,
    title: &'a str,
    outlet: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<Address<'a>>,
    archived: Option<Address<'a>>,
}

/// A web address: a link when it is one to follow (`web_address`), else shown as text.
struct Address<'a> {
    text: &'a str,
    link: bool,
}

fn address(u: &str) -> Address<'_> {
    match web_address(u) {
        Some(link) => Address { text: link, link: true },
        None => Address { text: u, link: false },
    }
}

struct ArticleView<'a> {
    row: &'a crate::notebook::articles::ArticleRow,
    chars: String,
    duplicate_here: bool,
    outlet_id: Option<i64>,
    language: String,
    link: Option<&'a str>,
    /// The day the article was taken into the notebook: its citation's access date.
    accessed: Option<String>,
}

struct SourceView<'a> {
    s: &'a SourceReport,
    aliases: String,
    kind: &'static str,
    label: &'static str,
    /// (from, to, why, when)
    history: Vec<(String, String, String, &'a str)>,
}

enum Meta<'a> {
    Iso(std::borrow::Cow<'a, str>),
    Ltr(&'a str),
}

struct TextView<'a> {
    a: &'a ArticleText,
    meta: Vec<Meta<'a>>,
    lang: Option<&'a str>,
    pieces: Vec<PieceView<'a>>,
}

struct PieceView<'a> {
    text: &'a str,
    marked: bool,
    numbers: Vec<Number>,
    many: bool,
    mark_id: Option<i64>,
}

/// A claim's number before its quote: linked to the claim where the page shows it, and
/// carrying the quote's id when the mark does not.
struct Number {
    claim: i64,
    id: bool,
    placed: bool,
}

/// The whole page.
pub fn html(r: &Report) -> String {
    let w = words(r.lang);
    let idx = Index::of(r);
    let (lang, dir) = match r.lang {
        Lang::En => ("en", "ltr"),
        Lang::Ar => ("ar", "rtl"),
    };
    let mut placed: HashSet<i64> = HashSet::new();
    let measures: Vec<MeasureView<'_>> =
        r.measures.iter().map(|m| measure(r, &idx, m, w, &mut placed)).collect();
    let other = r
        .other_claims
        .iter()
        .filter_map(|id| r.claims.get(id))
        .map(|c| claim(c, &idx, &mut placed))
        .collect();
    let page = Page {
        w,
        r,
        css: format!("{PAGE_CSS}{SVG_CSS}"),
        lang,
        dir,
        title: format!("{} · {}", r.title, w.title),
        scope: if r.keys.is_empty() { w.every_measure.to_string() } else { r.keys.join(", ") },
        measure_count: number(r.measures.len() as i64),
        filters: if r.filters.is_empty() {
            w.no_filters.to_string()
        } else {
            r.filters.iter().map(|(k, v)| format!("--{k} {v}")).collect::<Vec<_>>().join("; ")
        },
        method: w.method(r.method),
        scale: scale(w),
        measures,
        other,
        articles: r.articles.iter().map(|a| article(a, &idx, w)).collect(),
        sources: r.sources.iter().map(|s| source(s, w)).collect(),
        texts: r.articles.iter().map(|a| text(a, w, &placed)).collect(),
    };
    let mut out = page.render().unwrap_or_default();
    out.push('\n');
    out
}

/// The Admiralty code the badges use: reliability letters and credibility digits.
fn scale(w: &'static Words) -> Vec<(String, &'static str, String, &'static str)> {
    use crate::ratings::{Credibility, Reliability};
    let letters =
        [Reliability::A, Reliability::B, Reliability::C, Reliability::D, Reliability::E, Reliability::F];
    letters
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let c = Credibility::new(n as i64 + 1).unwrap_or_default();
            (g.to_string(), w.reliability_label(*g), c.to_string(), w.credibility_label(c))
        })
        .collect()
}

fn measure<'a>(
    r: &'a Report,
    idx: &Index<'a>,
    m: &'a super::MeasureReport,
    w: &'static Words,
    placed: &mut HashSet<i64>,
) -> MeasureView<'a> {
    let rc = &m.reconciled;
    let s = shown(m);
    let total = rc.figures.len() as i64;
    let cells = vec![
        (w.low, view::value(s.low), None),
        (
            w.best,
            if s.method == crate::reconcile::Method::Range { "–".into() } else { view::value(s.best) },
            None,
        ),
        (w.high, view::high_text(s.high, s.open_high, w), None),
        (w.method, w.method(s.method).to_string(), None),
        (w.support, w.support_word(s.support).to_string(), Some(s.support.as_str())),
        (
            w.eligible,
            if rc.parts.is_empty() {
                format!("{} / {}", number(s.figures), number(total))
            } else {
                number(s.figures)
            },
            None,
        ),
        (w.voices, number(s.voices), None),
    ];
    let o = &rc.outcome;
    let stale_outcome = (s.saved.is_some() && s.stale).then(|| {
        (
            w.method(rc.method),
            view::value(o.low),
            view::value(o.best),
            view::high_text(o.high, o.open_high, w),
            w.support_word(o.support),
        )
    });
    let mut out = MeasureView {
        id: rc.measure_id,
        key: &rc.key,
        label: &rc.label,
        unit: rc.unit.as_deref(),
        saved: s.saved,
        stale: s.stale,
        cells,
        note: s.note,
        stale_outcome,
        chart: String::new(),
        conflicts: None,
        why: Vec::new(),
        rows: Vec::new(),
        timeline: None,
        parts: Vec::new(),
    };
    if !rc.parts.is_empty() {
        out.parts = parts(r, rc, w);
        out.why = why(rc, r.lang);
        out.timeline =
            view::timeline(m, w, format!("timeline-{}", rc.measure_id)).map(|t| timeline_chart(&t, false));
        return out;
    }
    if rc.figures.is_empty() {
        return out;
    }
    out.chart = interval_chart(&view::chart(m, w, format!("chart-{}", rc.measure_id)), false);
    out.conflicts = (o.conflicting_pairs > 0).then(|| Conflicts {
        count: w.pairs(o.conflicting_pairs),
        pairs: o.conflicts.iter().map(|p| (p.a, p.b, number(p.gap))).collect(),
        more: !o.conflicts.is_empty() && (o.conflicts.len() as u64) < o.conflicting_pairs,
        clusters: view::clusters(m, w),
    });
    // The page's direction, not each sentence's first letter: an English sentence may begin
    // with an Arabic notation, and notebook text in it is isolated as everywhere else.
    out.why = why(rc, r.lang);
    out.rows = view::groups(m)
        .into_iter()
        .map(|(voice, list)| {
            let head = voice.map(|v| format!("{} {v}", w.voice)).unwrap_or_else(|| w.left_out.to_string());
            let rows = list.into_iter().map(|(f, item)| figure(r, idx, f, item, w, placed)).collect();
            (head, rows)
        })
        .collect();
    out.timeline =
        view::timeline(m, w, format!("timeline-{}", rc.measure_id)).map(|t| timeline_chart(&t, false));
    out
}

/// A sum's parts, each with its outcome; `held` when the report has the part's own section.
fn parts<'a>(
    r: &Report,
    rc: &'a crate::notebook::reconciliations::Reconciled,
    w: &'static Words,
) -> Vec<PartView<'a>> {
    rc.parts
        .iter()
        .map(|p| {
            let o = &p.outcome;
            PartView {
                id: p.measure_id,
                key: &p.key,
                label: &p.label,
                held: r.measures.iter().any(|x| x.reconciled.measure_id == p.measure_id),
                low: view::value(o.low),
                best: view::value(o.best),
                high: view::high_text(o.high, o.open_high, w),
                support: o.support.as_str(),
                support_word: w.support_word(o.support),
                figures: number(crate::notebook::sql_int(o.figures)),
                voices: number(crate::notebook::sql_int(o.voices)),
            }
        })
        .collect()
}

/// The reconciliation in sentences, each cut into its own words and the notebook text in it.
fn why(rc: &crate::notebook::reconciliations::Reconciled, lang: super::Lang) -> Vec<Vec<(bool, String)>> {
    // The page's direction, not each sentence's first letter: an English sentence may begin
    // with an Arabic notation, and notebook text in it is isolated as everywhere else.
    rc.explanation(lang)
        .iter()
        .map(|s| {
            crate::reconcile::explain::parts(s).into_iter().map(|(q, part)| (q, part.to_string())).collect()
        })
        .collect()
}

fn figure<'a>(
    r: &'a Report,
    idx: &Index<'a>,
    f: &'a FigureRow,
    item: &crate::reconcile::Item,
    w: &'static Words,
    placed: &mut HashSet<i64>,
) -> FigureView<'a> {
    let state = view::state(item);
    let interval = view::interval(f, w);
    // How the notation was read, unless it is a plain number read as itself.
    let read = (interval != f.notation.trim() || f.kind != "exact").then(|| Reading {
        interval: view::figure_high(f).map(|_| interval.clone()),
        low: number(f.low),
        kind: w.figure_kind(&f.kind),
        point: number(f.point),
    });
    let voice = item.voice.unwrap_or_default();
    let (status_head, reason) = match state {
        State::Included => (format!("{} {voice}", w.voice), None),
        State::Relayed => (format!("{} {voice}", w.voice), Some(w.reason(&item.reason))),
        State::LeftOut => (w.left_out.to_string(), Some(w.reason(&item.reason))),
    };
    FigureView {
        f,
        class: match state {
            State::Included => "included",
            State::Relayed => "relayed",
            State::LeftOut => "left-out",
        },
        read,
        status_head,
        reason,
        claim: r.claims.get(&f.claim_id).map(|c| claim(c, idx, placed)),
    }
}

/// A claim: its quote (a link to where the article text marks it), the rendering when it
/// differs, then sources with their letters, credibility, when, place, tags and the article.
fn claim<'a>(c: &'a ClaimRow, idx: &Index<'a>, placed: &mut HashSet<i64>) -> ClaimView<'a> {
    let range = match (&c.when_from, &c.when_to) {
        (Some(a), Some(b)) if a == b => Some(a.clone()),
        (Some(a), Some(b)) => Some(format!("{a}..{b}")),
        _ => None,
    };
    let when = match (c.when_text.as_deref(), range) {
        (Some(t), Some(r)) if t != r => When::TextRange(t, r),
        (Some(t), _) => When::Text(t),
        (None, Some(r)) => When::Range(r),
        (None, None) => When::Unknown,
    };
    ClaimView {
        c,
        with_id: placed.insert(c.id),
        quoted: idx.quoted.contains(&c.id),
        rendering: c.text.trim() != c.quote.trim(),
        outlet: c.outlet.as_deref().map(|o| (o, idx.sources.get(o).copied())),
        sources: c
            .sources
            .iter()
            .enumerate()
            .map(|(i, n)| {
                (
                    n.as_str(),
                    idx.sources.get(n.as_str()).copied(),
                    c.reliability.get(i).map(|g| g.to_string()),
                )
            })
            .collect(),
        when,
        page: idx.pages.get(&c.id).map(String::as_str),
        cite: idx.articles.get(&c.article_id).map(|a| cite(&a.row)),
    }
}

/// The elements `citation::parts` gives, borrowed from the article's row.
fn cite(row: &crate::notebook::articles::ArticleRow) -> Cite<'_> {
    fn text(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    Cite {
        author: text(&row.author),
        title: row.title.trim(),
        outlet: text(&row.outlet),
        published: text(&row.published),
        url: text(&row.url).map(address),
        archived: text(&row.archived_url).map(address),
    }
}

fn article<'a>(a: &'a ArticleText, idx: &Index<'a>, w: &'static Words) -> ArticleView<'a> {
    let row = &a.row;
    ArticleView {
        row,
        chars: number(row.chars),
        duplicate_here: row.near_duplicate_of.is_some_and(|d| idx.articles.contains_key(&d)),
        outlet_id: row.outlet.as_deref().and_then(|o| idx.sources.get(o).copied()),
        language: w.language(row.language.as_deref().unwrap_or("")),
        link: row.url.as_deref().and_then(web_address),
        accessed: crate::citation::parts(&crate::citation::Citable::from(row)).accessed,
    }
}

fn source<'a>(s: &'a SourceReport, w: &'static Words) -> SourceView<'a> {
    SourceView {
        s,
        aliases: s.row.aliases.join("; "),
        kind: w.source_kind(s.row.kind),
        label: w.reliability_label(s.row.reliability),
        history: s
            .history
            .iter()
            .map(|h| {
                let from = h.from.map(|g| g.to_string()).unwrap_or_else(|| "–".into());
                (from, h.to.to_string(), w.written(&h.why), h.at.as_str())
            })
            .collect(),
    }
}

/// An article's text, each claimed span marked and numbered with its claim's id.
fn text<'a>(a: &'a ArticleText, w: &'static Words, placed: &HashSet<i64>) -> TextView<'a> {
    let row = &a.row;
    let meta = [
        row.outlet.as_deref().map(|o| Meta::Iso(o.into())),
        row.published.as_deref().map(Meta::Ltr),
        row.language.as_deref().map(|l| Meta::Iso(w.language(l).into())),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut anchored: HashSet<i64> = HashSet::new();
    let pieces = super::spans::pieces(&a.body, &a.spans)
        .into_iter()
        .map(|p| {
            if p.claims.is_empty() {
                return PieceView {
                    text: p.text,
                    marked: false,
                    numbers: Vec::new(),
                    many: false,
                    mark_id: None,
                };
            }
            // The number of each quote that begins here; the first carries the quote's id on
            // the mark itself, the others on their numbers.
            let mut mark_id = None;
            let numbers = p
                .starts
                .iter()
                .map(|c| {
                    let id = if mark_id.is_none() && anchored.insert(*c) {
                        mark_id = Some(*c);
                        false
                    } else {
                        anchored.insert(*c)
                    };
                    Number { claim: *c, id, placed: placed.contains(c) }
                })
                .collect();
            PieceView { text: p.text, marked: true, numbers, many: p.claims.len() > 1, mark_id }
        })
        .collect();
    TextView { a, meta, lang: row.language.as_deref().and_then(lang_code), pieces }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::articles::{ArticleRow, Span};

    #[test]
    fn an_article_text_marks_and_numbers_its_spans() {
        let a = ArticleText {
            row: ArticleRow {
                id: 3,
                title: "<b>t</b>".into(),
                language: Some("ar\" onload=\"x".into()),
                ..Default::default()
            },
            body: "قال <script>45</script> مقاتلا".into(),
            spans: vec![Span { claim: 7, start: 4, end: 23 }, Span { claim: 8, start: 4, end: 12 }],
        };
        let c = ClaimRow { id: 7, article_id: 3, quote: "x".into(), ..Default::default() };
        let r = Report {
            claims: [(7, c)].into_iter().collect(),
            other_claims: vec![7],
            articles: vec![a],
            ..Default::default()
        };
        let out = html(&r);
        assert!(out.contains("id=\"quote-7\""), "{out}");
        assert!(out.contains("id=\"quote-8\""), "{out}");
        assert!(out.contains("<a class=\"n\" href=\"#claim-7\">#7</a>"), "{out}");
        assert!(out.contains("<span class=\"n\" id=\"quote-8\">#8</span>"), "{out}");
        assert!(!out.contains("<script") && !out.contains("<b>") && !out.contains("onload=\""), "{out}");
        assert!(!out.contains(" lang=\"ar"), "a language that is not a code is no attribute: {out}");
        assert!(out.contains("&#60;script&#62;"));
    }

    #[test]
    fn an_empty_report_is_a_whole_page() {
        let page = html(&Report { version: "9.9".into(), ..Default::default() });
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.trim_end().ends_with("</html>"));
        assert!(page.contains("Content-Security-Policy"));
        let ar = html(&Report { lang: Lang::Ar, ..Default::default() });
        assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(ar.contains("المقالات"));
    }

    #[test]
    fn control_characters_and_bidi_overrides_are_shown_as_escapes() {
        let r = Report { title: "a\u{202E}b\u{1b}[31m <i>".into(), ..Default::default() };
        let page = html(&r);
        assert!(page.contains("a\\u{202E}b\\x1b[31m &#60;i&#62;"), "{page}");
        assert!(!page.contains('\u{202E}') && !page.contains('\u{1b}'));
    }
}
