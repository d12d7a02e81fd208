//! The report as Markdown, with the same content as the page: the charts are SVG files written
//! beside it (`<stem>-<key>.svg`, `<stem>-<key>-timeline.svg`) and linked as images. Notebook
//! text is escaped so that it can open no link, image, HTML tag or table cell; the only raw
//! HTML is what this file writes itself (anchors and marks with ids it makes).

use std::collections::HashSet;
use std::fmt::Write;

use super::svg::{interval_chart, timeline_chart};
use super::text::{escape_md as md, escape_md_line, link_path, number, web_address};
use super::view::{self, shown};
use super::words::{words, Words};
use super::{anchor, ArticleText, Index, MeasureReport, Report};
use crate::citation::{self, Citable};
use crate::notebook::claims::ClaimRow;

macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

/// A Markdown report and the chart files it links to, by file name.
#[derive(Debug, Clone, Default)]
pub struct Markdown {
    pub text: String,
    pub files: Vec<(String, String)>,
}

/// The chart files' names: `<stem>-<key>.svg`. Keys hold only lowercase letters, digits, dots,
/// dashes and underscores, so names never clash and never leave the folder.
pub fn chart_file(stem: &str, key: &str, timeline: bool) -> String {
    if timeline {
        format!("{stem}-{key}-timeline.svg")
    } else {
        format!("{stem}-{key}.svg")
    }
}

pub fn markdown(r: &Report, stem: &str) -> Markdown {
    let w = words(r.lang);
    let idx = Index::of(r);
    let mut out = String::with_capacity(8192 + r.claims.len() * 600);
    let mut files = Vec::new();
    w!(out, "# {}\n\n{}\n\n", md(&r.title), md(w.title));
    w!(out, "| | |\n|---|---|\n");
    if let Some(author) = &r.author {
        w!(out, "| {} | {} |\n", md(w.author), md(author));
    }
    w!(out, "| {} | {} |\n", md(w.written), md(&r.generated));
    w!(out, "| {} | {} |\n", md(w.version), md(&r.version));
    let scope = if r.keys.is_empty() { w.every_measure.to_string() } else { r.keys.join(", ") };
    w!(out, "| {} | {} ({}) |\n", md(w.measures_shown), md(&scope), r.measures.len());
    let filters = if r.filters.is_empty() {
        w.no_filters.to_string()
    } else {
        r.filters.iter().map(|(k, v)| format!("--{k} {v}")).collect::<Vec<_>>().join("; ")
    };
    w!(out, "| {} | {} |\n", md(w.filters), md(&filters));
    w!(out, "| {} | {} |\n\n", md(w.default_method), md(w.method(r.method)));

    w!(out, "## {}\n\n", md(w.contents));
    for m in &r.measures {
        let rc = &m.reconciled;
        w!(out, "- [{}](#{}) `{}`\n", md(&rc.label), anchor::measure(rc.measure_id), rc.key);
    }
    if !r.other_claims.is_empty() {
        w!(out, "- [{}](#other-claims)\n", md(w.other_claims));
    }
    w!(out, "- [{}](#articles)\n- [{}](#sources)\n", md(w.articles), md(w.sources));
    if !r.articles.is_empty() {
        w!(out, "- [{}](#texts)\n", md(w.full_texts));
    }
    out.push('\n');

    let mut placed: HashSet<i64> = HashSet::new();
    for m in &r.measures {
        measure(&mut out, &mut files, r, &idx, m, w, stem, &mut placed);
    }
    if !r.other_claims.is_empty() {
        w!(out, "<a id=\"other-claims\"></a>\n\n## {}\n\n", md(w.other_claims));
        for id in &r.other_claims {
            if let Some(c) = r.claims.get(id) {
                claim(&mut out, c, &idx, w, placed.insert(c.id));
            }
        }
    }
    articles(&mut out, r, &idx, w);
    sources(&mut out, r, w);
    if !r.articles.is_empty() {
        w!(out, "<a id=\"texts\"></a>\n\n## {}\n\n", md(w.full_texts));
        for a in &r.articles {
            text(&mut out, a, w, &placed);
        }
    }
    w!(out, "---\n\n{} {} · {}\n", md(w.footer), md(&r.version), md(&r.generated));
    Markdown { text: out, files }
}

#[allow(clippy::too_many_arguments)]
fn measure(
    out: &mut String,
    files: &mut Vec<(String, String)>,
    r: &Report,
    idx: &Index<'_>,
    m: &MeasureReport,
    w: &Words,
    stem: &str,
    placed: &mut HashSet<i64>,
) {
    let rc = &m.reconciled;
    w!(out, "<a id=\"{}\"></a>\n\n## {}\n\n", anchor::measure(rc.measure_id), md(&rc.label));
    w!(out, "{} `{}`", md(w.key), rc.key);
    if let Some(u) = &rc.unit {
        w!(out, " · {} {}", md(w.unit), md(u));
    }
    out.push_str("\n\n");
    summary(out, m, w);
    if !rc.parts.is_empty() {
        parts(out, r, m, w);
        return;
    }
    if rc.figures.is_empty() {
        w!(out, "{}\n\n", md(w.no_figures));
        return;
    }
    let chart = view::chart(m, w, format!("chart-{}", rc.measure_id));
    let name = chart_file(stem, &rc.key, false);
    w!(out, "![{}]({})\n\n*{} {}*\n\n", md(&chart.title), link_path(&name), md(w.legend), md(w.sets_legend));
    files.push((name, interval_chart(&chart, true)));
    conflicts(out, m, w);
    w!(out, "### {}\n\n", md(w.why));
    for sentence in rc.explanation(r.lang) {
        w!(out, "- {}\n", md(&crate::reconcile::explain::plain(&sentence)));
    }
    out.push('\n');
    let claims = figures(out, r, m, w);
    if !claims.is_empty() {
        w!(out, "#### {}\n\n", md(w.claims_heading));
        for c in claims {
            let first = placed.insert(c.id);
            claim(out, c, idx, w, first);
        }
    }
    if let Some(t) = view::timeline(m, w, format!("timeline-{}", rc.measure_id)) {
        let name = chart_file(stem, &rc.key, true);
        w!(out, "### {}\n\n![{}]({})\n\n", md(w.timeline), md(&t.title), link_path(&name));
        files.push((name, timeline_chart(&t, true)));
        timeline(out, m, w);
    }
}

/// A measure's saved or computed state, its low, best and high, and its note.
fn summary(out: &mut String, m: &MeasureReport, w: &Words) {
    let rc = &m.reconciled;
    let s = shown(m);
    match s.saved {
        Some((sid, at)) => {
            w!(out, "**{} #{sid}**, {} · ", md(w.saved), md(at));
            if s.stale {
                w!(out, "**{}**\n\n", md(w.stale));
            } else {
                w!(out, "{}\n\n", md(w.current));
            }
        }
        None => w!(out, "**{}**\n\n", md(w.computed)),
    }
    let best =
        if s.method == crate::reconcile::Method::Range { "–".to_string() } else { view::value(s.best) };
    w!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
        md(w.low),
        md(w.best),
        md(w.high),
        md(w.method),
        md(w.support),
        md(w.eligible),
        md(w.voices)
    );
    w!(
        out,
        "| {} | {} | {} | {} | {} | {} / {} | {} |\n\n",
        view::value(s.low),
        best,
        md(&view::high_text(s.high, s.open_high, w)),
        md(w.method(s.method)),
        md(w.support_word(s.support)),
        number(s.figures),
        if rc.parts.is_empty() { number(rc.figures.len() as i64) } else { "–".into() },
        number(s.voices)
    );
    if let Some(note) = s.note {
        w!(out, "**{}:** {}\n\n", md(w.note), md(note));
    }
    if s.saved.is_some() && s.stale {
        let o = &rc.outcome;
        w!(
            out,
            "{} ({}): {} {} · {} {} · {} {} · {} {}\n\n",
            md(w.stale_note),
            md(w.method(rc.method)),
            md(w.low),
            view::value(o.low),
            md(w.best),
            view::value(o.best),
            md(w.high),
            md(&view::high_text(o.high, o.open_high, w)),
            md(w.support),
            md(w.support_word(o.support))
        );
    }
}

/// A sum's parts, each with its outcome, and why the sum is what it is.
fn parts(out: &mut String, r: &Report, m: &MeasureReport, w: &Words) {
    let rc = &m.reconciled;
    w!(
        out,
        "{}\n\n| {} | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
        md(w.sum_note),
        md(w.part),
        md(w.low),
        md(w.best),
        md(w.high),
        md(w.support),
        md(w.eligible),
        md(w.voices)
    );
    for p in &rc.parts {
        let o = &p.outcome;
        let held = r.measures.iter().any(|x| x.reconciled.measure_id == p.measure_id);
        let name = if held {
            format!("[`{}`](#{})", p.key, anchor::measure(p.measure_id))
        } else {
            format!("`{}`", p.key)
        };
        w!(
            out,
            "| {name} {} | {} | {} | {} | {} | {} | {} |\n",
            md(&p.label),
            view::value(o.low),
            view::value(o.best),
            md(&view::high_text(o.high, o.open_high, w)),
            md(w.support_word(o.support)),
            number(crate::notebook::sql_int(o.figures)),
            number(crate::notebook::sql_int(o.voices))
        );
    }
    w!(out, "\n### {}\n\n", md(w.why));
    for sentence in rc.explanation(r.lang) {
        w!(out, "- {}\n", md(&crate::reconcile::explain::plain(&sentence)));
    }
    out.push('\n');
}

/// The pairs of figures that cannot both be true, the widest named, and the clusters.
fn conflicts(out: &mut String, m: &MeasureReport, w: &Words) {
    let o = &m.reconciled.outcome;
    if o.conflicting_pairs > 0 {
        w!(out, "**{}:** {}", md(w.conflicts), md(&w.pairs(o.conflicting_pairs)));
        if !o.conflicts.is_empty() {
            let named: Vec<String> = o
                .conflicts
                .iter()
                .map(|p| {
                    format!(
                        "[#{a}](#{}) {} [#{b}](#{}) ({} {})",
                        anchor::figure(p.a),
                        md(w.versus),
                        anchor::figure(p.b),
                        md(w.gap),
                        number(p.gap),
                        a = p.a,
                        b = p.b
                    )
                })
                .collect();
            w!(out, "; {}: {}", md(w.widest), named.join(", "));
            if (o.conflicts.len() as u64) < o.conflicting_pairs {
                out.push_str(" …");
            }
        }
        out.push_str("\n\n");
        if let Some(c) = view::clusters(m, w) {
            w!(out, "{}: {}\n\n", md(w.clusters), md(&c));
        }
    }
}

/// The table of a measure's figures, each with the claim that gives it; returns those claims,
/// each once, in the order they were met.
fn figures<'r>(out: &mut String, r: &'r Report, m: &MeasureReport, w: &Words) -> Vec<&'r ClaimRow> {
    w!(
        out,
        "### {}\n\n| # | {} | {} | {} | {} |\n|---|---|---|---|---|\n",
        md(w.figures),
        md(w.figure),
        md(w.reliability),
        md(w.voice),
        md(w.claim)
    );
    let mut claims: Vec<&ClaimRow> = Vec::new();
    let mut listed: HashSet<i64> = HashSet::new();
    for (_, list) in view::groups(m) {
        for (f, item) in list {
            let provisional =
                if f.provisional { format!(" · {}", md(w.provisional)) } else { String::new() };
            w!(
                out,
                "| <a id=\"{}\"></a>#{} | {} ({}, {}, {} {}){provisional} | {} | {} | ",
                anchor::figure(f.id),
                f.id,
                md(&f.notation),
                md(&view::interval(f, w)),
                md(&w.figure_kind(&f.kind)),
                md(w.best),
                number(f.point),
                md(&f.rating),
                md(&view::status(item, w))
            );
            match r.claims.get(&f.claim_id) {
                Some(c) => {
                    w!(
                        out,
                        "[#{}](#{}) {} |\n",
                        c.id,
                        anchor::claim(c.id),
                        md(&super::text::clip(&c.quote, 80))
                    );
                    if listed.insert(c.id) {
                        claims.push(c);
                    }
                }
                None => w!(out, "#{} ({}) |\n", f.claim_id, md(w.outside)),
            }
        }
    }
    out.push('\n');
    claims
}

/// The rows of a measure's timeline, under its chart.
fn timeline(out: &mut String, m: &MeasureReport, w: &Words) {
    w!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
        md(w.date),
        md(w.low),
        md(w.best),
        md(w.high),
        md(w.support),
        md(w.voices)
    );
    for t in &m.timeline {
        w!(
            out,
            "| {} | {} | {} | {} | {} | {} |\n",
            md(&t.date),
            view::value(t.low),
            view::value(t.best),
            md(&view::high_text(t.high, t.open_high, w)),
            md(w.support_word(t.support)),
            t.voices
        );
    }
    out.push('\n');
}

/// A date or a range of dates: in a right-to-left report, isolated left to right (U+2066 …
/// U+2069), so that `2014-12-08..2014-12-14` is not turned around by the Arabic around it.
fn date(w: &Words, s: &str) -> String {
    if w.rtl {
        format!("\u{2066}{}\u{2069}", md(s))
    } else {
        md(s)
    }
}

/// A claim as a paragraph and a quote. `first`: the claim's anchor goes here.
fn claim(out: &mut String, c: &ClaimRow, idx: &Index<'_>, w: &Words, first: bool) {
    if first {
        w!(out, "<a id=\"{}\"></a>\n", anchor::claim(c.id));
    }
    w!(out, "**{} #{}** · ", md(w.claim), c.id);
    if c.sources.is_empty() {
        out.push_str(&md(w.own_reporting));
        if let Some(o) = &c.outlet {
            w!(out, " ({})", source_link(o, idx));
        }
        if let Some(g) = c.reliability.first() {
            w!(out, " `{g}`");
        }
    } else {
        let list: Vec<String> = c
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| match c.reliability.get(i) {
                Some(g) => format!("{} `{g}`", source_link(s, idx)),
                None => source_link(s, idx),
            })
            .collect();
        out.push_str(&list.join("; "));
    }
    w!(out, " · {} `{}` {}", md(w.credibility), c.credibility, md(w.credibility_label(c.credibility)));
    let range = match (&c.when_from, &c.when_to) {
        (Some(a), Some(b)) if a == b => Some(a.clone()),
        (Some(a), Some(b)) => Some(format!("{a}..{b}")),
        _ => None,
    };
    match (&c.when_text, range) {
        (Some(t), Some(r)) if *t != r => w!(out, " · {} {} ({})", md(w.when), md(t), date(w, &r)),
        (Some(t), _) => w!(out, " · {} {}", md(w.when), md(t)),
        (None, Some(r)) => w!(out, " · {} {}", md(w.when), date(w, &r)),
        (None, None) => {}
    }
    if let Some(p) = &c.place {
        w!(out, " · {} {}", md(w.place), md(p));
    }
    if !c.tags.is_empty() {
        let tags: Vec<String> = c.tags.iter().map(|t| md(t)).collect();
        w!(out, " · {} {}", md(w.tags), tags.join(", "));
    }
    w!(out, " · {} ", md(w.article));
    match idx.articles.get(&c.article_id) {
        Some(a) => cite(out, &Citable::from(&a.row), idx.pages.get(&c.id), w),
        None => {
            out.push_str(&md(&c.article_title));
            if let Some(p) = &c.published {
                w!(out, ", {}", date(w, p));
            }
            if let Some(page) = idx.pages.get(&c.id) {
                w!(out, ", {} {}", md(w.page), md(page));
            }
        }
    }
    out.push_str("\n\n> ");
    out.push_str(&md(&c.quote));
    if idx.quoted.contains(&c.id) {
        w!(out, " [↗](#{})", anchor::quote(c.id));
    }
    out.push_str("\n\n");
    if c.unverified {
        w!(out, "*{}*\n\n", md(w.unverified));
    }
    if c.text.trim() != c.quote.trim() {
        w!(out, "{}: {}\n\n", md(w.rendering), md(&c.text));
    }
}

/// A claim's article cited with the elements `export articles --format csl-json` and `bibtex`
/// give (author, title, outlet, date, page, address, archived copy; the access date, the same
/// for every claim of an article, is in the article's row of the Articles table); the title
/// links to the article's row (which links the outlet to its source).
fn cite(out: &mut String, c: &Citable, page: Option<&String>, w: &Words) {
    let p = citation::parts(c);
    if let Some(a) = p.author {
        w!(out, "{}, ", md(a));
    }
    w!(out, "{}[{}](#{}){}", w.quote_open, md(p.title), anchor::article(c.id), w.quote_close);
    if let Some(o) = p.outlet {
        w!(out, ", {}", md(o));
    }
    if let Some(d) = p.published {
        w!(out, ", {}", date(w, d));
    }
    if let Some(page) = page {
        w!(out, ", {} {}", md(w.page), md(page));
    }
    if let Some(u) = p.url {
        w!(out, ". {}", address(u));
    }
    if let Some(a) = p.archived_url {
        w!(out, " ({} {})", md(w.archived), address(a));
    }
}

/// A web address as an autolink, or as escaped text when it is not one to follow.
fn address(u: &str) -> String {
    match web_address(u) {
        Some(link) => format!("<{}>", link.replace('|', "%7C")),
        None => md(u),
    }
}

fn source_link(name: &str, idx: &Index<'_>) -> String {
    match idx.sources.get(name) {
        Some(id) => format!("[{}](#{})", md(name), anchor::source(*id)),
        None => md(name),
    }
}

fn articles(out: &mut String, r: &Report, idx: &Index<'_>, w: &Words) {
    w!(out, "<a id=\"articles\"></a>\n\n## {}\n\n", md(w.articles));
    if r.articles.is_empty() {
        w!(out, "{}\n\n", md(w.none));
        return;
    }
    w!(
        out,
        "| # | {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|---|\n",
        md(w.title_col),
        md(w.outlet),
        md(w.published),
        md(w.language),
        md(w.claims),
        md(w.address)
    );
    for a in &r.articles {
        let row = &a.row;
        w!(
            out,
            "| <a id=\"{}\"></a>#{} | [{}](#{}) ({} {})",
            anchor::article(row.id),
            row.id,
            md(&row.title),
            anchor::text(row.id),
            number(row.chars),
            md(w.characters)
        );
        if let Some(d) = row.near_duplicate_of {
            if idx.articles.contains_key(&d) {
                w!(out, " · {} [#{d}](#{})", md(w.near_duplicate), anchor::article(d));
            } else {
                w!(out, " · {} #{d}", md(w.near_duplicate));
            }
        }
        let outlet = row.outlet.as_deref().map(|o| source_link(o, idx)).unwrap_or_default();
        let mut url = row.url.as_deref().map(address).unwrap_or_default();
        // The access date of the article's citation (the day it was imported).
        if let Some(d) = citation::parts(&Citable::from(row)).accessed {
            let sep = if url.is_empty() { "" } else { " · " };
            url.push_str(&format!("{sep}{} {}", md(w.accessed), date(w, &d)));
        }
        w!(
            out,
            " | {outlet} | {} | {} | {} | {url} |\n",
            row.published.as_deref().map(|d| date(w, d)).unwrap_or_default(),
            md(&w.language(row.language.as_deref().unwrap_or(""))),
            row.claims
        );
    }
    out.push('\n');
}

fn sources(out: &mut String, r: &Report, w: &Words) {
    w!(out, "<a id=\"sources\"></a>\n\n## {}\n\n", md(w.sources));
    if r.sources.is_empty() {
        w!(out, "{}\n\n", md(w.none));
        return;
    }
    w!(
        out,
        "| # | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
        md(w.sources),
        md(w.kind),
        md(w.reliability),
        md(w.claims),
        md(w.history)
    );
    for s in &r.sources {
        let row = &s.row;
        w!(out, "| <a id=\"{}\"></a>#{} | **{}**", anchor::source(row.id), row.id, md(&row.name));
        if !row.aliases.is_empty() {
            w!(out, " · {} {}", md(w.aliases), md(&row.aliases.join("; ")));
        }
        if let Some(a) = &row.affiliation {
            w!(out, " · {}: {}", md(w.affiliation), md(a));
        }
        if !row.named {
            w!(out, " · {}", md(w.anonymous));
        }
        if let Some(n) = &row.note {
            w!(out, " · {}: {}", md(w.note), md(n));
        }
        let history = if s.history.is_empty() {
            md(w.not_rated)
        } else {
            s.history
                .iter()
                .map(|h| {
                    format!(
                        "`{} → {}` {} {}",
                        h.from.map(|g| g.to_string()).unwrap_or_else(|| "–".into()),
                        h.to,
                        md(&w.written(&h.why)),
                        md(&h.at)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        w!(
            out,
            " | {} | `{}` {} | {} | {history} |\n",
            md(w.source_kind(row.kind)),
            row.reliability,
            md(w.reliability_label(row.reliability)),
            row.claims
        );
    }
    out.push('\n');
}

/// An article's text with every claimed span in a mark, numbered where it starts. Marks are
/// closed and opened again at line ends, so that no paragraph is left inside one.
fn text(out: &mut String, a: &ArticleText, w: &Words, placed: &HashSet<i64>) {
    let row = &a.row;
    w!(out, "<a id=\"{}\"></a>\n\n### #{} {}\n\n", anchor::text(row.id), row.id, md(&row.title));
    let meta: Vec<String> = [
        row.outlet.as_deref().map(md),
        row.published.as_deref().map(|d| date(w, d)),
        row.language.as_deref().map(|l| md(&w.language(l))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        w!(out, "*{}*\n\n", meta.join(" · "));
    }
    let mut lines: Vec<String> = vec![String::new()];
    let mut anchored: HashSet<i64> = HashSet::new();
    for p in super::spans::pieces(&a.body, &a.spans) {
        let mut prefix = String::new();
        for c in &p.starts {
            let id =
                if anchored.insert(*c) { format!(" id=\"{}\"", anchor::quote(*c)) } else { String::new() };
            if placed.contains(c) {
                w!(prefix, "<sup{id}>[#{c}](#{})</sup>", anchor::claim(*c));
            } else {
                w!(prefix, "<sup{id}>#{c}</sup>");
            }
        }
        let current = lines.last_mut().expect("one line at least");
        current.push_str(&prefix);
        for (n, fragment) in p.text.split('\n').enumerate() {
            if n > 0 {
                lines.push(String::new());
            }
            let line = lines.last_mut().expect("one line at least");
            let escaped = if line.is_empty() { escape_md_line(fragment) } else { md(fragment) };
            if p.claims.is_empty() || escaped.trim().is_empty() {
                line.push_str(&escaped);
            } else {
                w!(line, "<mark>{escaped}</mark>");
            }
        }
    }
    let mut body = String::new();
    for (i, line) in lines.iter().enumerate() {
        body.push_str(line.trim_end());
        let next_blank = lines.get(i + 1).map(|l| l.trim().is_empty()).unwrap_or(true);
        if !line.trim().is_empty() && !next_blank {
            body.push_str("  ");
        }
        body.push('\n');
    }
    w!(out, "{}\n\n", body.trim_end());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::articles::{ArticleRow, Span};

    #[test]
    fn an_article_text_keeps_lines_and_marks_spans() {
        let a = ArticleText {
            row: ArticleRow { id: 2, title: "# [x](javascript:y)".into(), ..Default::default() },
            body: "- first line with 45 people\n\nsecond <b>45</b>".into(),
            spans: vec![Span { claim: 9, start: 18, end: 27 }, Span { claim: 10, start: 36, end: 45 }],
        };
        let mut out = String::new();
        text(&mut out, &a, words(crate::report::Lang::En), &HashSet::from([9]));
        assert!(out.contains("### #2 \\# \\[x\\](javascript:y)"), "{out}");
        assert!(
            out.contains(
                "\\- first line with <sup id=\"quote-9\">[#9](#claim-9)</sup><mark>45 people</mark>"
            ),
            "{out}"
        );
        assert!(out.contains("<sup id=\"quote-10\">#10</sup><mark>&lt;b&gt;45&lt;/b&gt;</mark>"), "{out}");
        assert!(out.contains("people</mark>\n\nsecond"), "{out}");
    }

    #[test]
    fn chart_files_are_named_after_the_report() {
        assert_eq!(chart_file("report", "deaths.market", false), "report-deaths.market.svg");
        assert_eq!(chart_file("report", "deaths.market", true), "report-deaths.market-timeline.svg");
    }
}
