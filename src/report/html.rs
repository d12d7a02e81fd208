//! The report as one HTML page: inline styles and SVG, no script, no font, no image or other
//! resource fetched (a Content-Security-Policy says so to the browser too). Every string from
//! the notebook goes through `escape_html`; every `href` is either `#id` for a part this page
//! holds or an article's http(s) address checked by `web_address`.

use std::collections::HashSet;
use std::fmt::Write;

use super::svg::{interval_chart, timeline_chart, CSS as SVG_CSS};
use super::text::{escape_html as esc, lang_code, number, web_address};
use super::view::{self, shown};
use super::words::{words, Words};
use super::{anchor, ArticleText, Index, Lang, MeasureReport, Report};
use crate::notebook::claims::ClaimRow;

macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

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

/// The whole page.
pub fn html(r: &Report) -> String {
    let w = words(r.lang);
    let idx = Index::of(r);
    let figures: usize = r.measures.iter().map(|m| m.reconciled.figures.len()).sum();
    let text_len: usize = r.articles.iter().map(|a| a.body.len()).sum();
    let mut out = String::with_capacity(8192 + figures * 1600 + r.claims.len() * 300 + text_len * 11 / 10);
    let (lang, dir) = match r.lang {
        Lang::En => ("en", "ltr"),
        Lang::Ar => ("ar", "rtl"),
    };
    w!(out, "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing is loaded and nothing runs, whatever an article managed to slip into the page.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    w!(out, "<meta name=\"generator\" content=\"crosscheck {}\">\n", esc(&r.version));
    w!(out, "<title>{}</title>\n<style>\n{PAGE_CSS}{SVG_CSS}</style>\n</head>\n<body>\n", esc(&title(r, w)));
    header(&mut out, r, w);
    out.push_str("<main>\n");
    let mut claims_placed: HashSet<i64> = HashSet::new();
    for m in &r.measures {
        measure(&mut out, r, &idx, m, w, &mut claims_placed);
    }
    if !r.other_claims.is_empty() {
        w!(out, "<section class=\"other\" id=\"other-claims\">\n<h2 dir=\"auto\">{}</h2>\n<ul class=\"claims\">\n", esc(w.other_claims));
        for id in &r.other_claims {
            if let Some(c) = r.claims.get(id) {
                let with_id = claims_placed.insert(c.id);
                w!(
                    out,
                    "<li{}>",
                    if with_id { format!(" id=\"{}\"", anchor::claim(c.id)) } else { String::new() }
                );
                claim(&mut out, c, &idx, w);
                out.push_str("</li>\n");
            }
        }
        out.push_str("</ul>\n</section>\n");
    }
    articles(&mut out, r, &idx, w);
    sources(&mut out, r, w);
    texts(&mut out, r, w, &claims_placed);
    out.push_str("</main>\n");
    w!(
        out,
        "<footer dir=\"auto\">{} {} · {}</footer>\n</body>\n</html>\n",
        esc(w.footer),
        esc(&r.version),
        esc(&r.generated)
    );
    out
}

fn title(r: &Report, w: &Words) -> String {
    format!("{} · {}", r.title, w.title)
}

fn header(out: &mut String, r: &Report, w: &Words) {
    w!(out, "<header class=\"top\">\n<p class=\"kicker\" dir=\"auto\">{}</p>\n", esc(w.title));
    w!(out, "<h1 dir=\"auto\">{}</h1>\n<dl class=\"meta\">\n", esc(&r.title));
    if let Some(author) = &r.author {
        w!(out, "<dt>{}</dt><dd dir=\"auto\">{}</dd>\n", esc(w.author), esc(author));
    }
    w!(out, "<dt>{}</dt><dd>{}</dd>\n", esc(w.written), ltr(w, &r.generated));
    w!(out, "<dt>{}</dt><dd>{}</dd>\n", esc(w.version), ltr(w, &r.version));
    let scope = if r.keys.is_empty() { w.every_measure.to_string() } else { r.keys.join(", ") };
    w!(
        out,
        "<dt>{}</dt><dd>{} ({})</dd>\n",
        esc(w.measures_shown),
        iso(w, &scope),
        number(r.measures.len() as i64)
    );
    let filters = if r.filters.is_empty() {
        w.no_filters.to_string()
    } else {
        r.filters.iter().map(|(k, v)| format!("--{k} {v}")).collect::<Vec<_>>().join("; ")
    };
    w!(out, "<dt>{}</dt><dd class=\"filters\">{}</dd>\n", esc(w.filters), iso(w, &filters));
    w!(out, "<dt>{}</dt><dd>{}</dd>\n</dl>\n", esc(w.default_method), esc(w.method(r.method)));
    w!(out, "<p class=\"legend\" dir=\"auto\">{} {}</p>\n", esc(w.legend), esc(w.sets_legend));
    scale(out, w);
    w!(out, "<nav class=\"toc\">\n<h2 dir=\"auto\">{}</h2>\n<ol>\n", esc(w.contents));
    for m in &r.measures {
        let rc = &m.reconciled;
        w!(
            out,
            "<li><a href=\"#{}\">{}</a> <code dir=\"ltr\">{}</code></li>\n",
            anchor::measure(rc.measure_id),
            iso(w, &rc.label),
            esc(&rc.key)
        );
    }
    if !r.other_claims.is_empty() {
        w!(out, "<li><a href=\"#other-claims\">{}</a></li>\n", esc(w.other_claims));
    }
    w!(out, "<li><a href=\"#articles\">{}</a></li>\n", esc(w.articles));
    w!(out, "<li><a href=\"#sources\">{}</a></li>\n", esc(w.sources));
    if !r.articles.is_empty() {
        w!(out, "<li><a href=\"#texts\">{}</a></li>\n", esc(w.full_texts));
    }
    out.push_str("</ol>\n</nav>\n</header>\n");
}

/// The Admiralty code the badges use: reliability letters and credibility digits.
fn scale(out: &mut String, w: &Words) {
    use crate::ratings::{Credibility, Reliability};
    w!(out, "<table class=\"scale\"><thead><tr><th colspan=\"2\" dir=\"auto\">{}</th><th colspan=\"2\" dir=\"auto\">{}</th></tr></thead><tbody>", esc(w.reliability), esc(w.credibility));
    let letters =
        [Reliability::A, Reliability::B, Reliability::C, Reliability::D, Reliability::E, Reliability::F];
    for (n, g) in letters.iter().enumerate() {
        let c = Credibility::new(n as i64 + 1).unwrap_or_default();
        w!(
            out,
            "<tr><td><b class=\"badge\">{g}</b></td><td>{}</td><td><b class=\"badge\">{c}</b></td><td>{}</td></tr>",
            esc(w.reliability_label(*g)),
            esc(w.credibility_label(c))
        );
    }
    out.push_str("</tbody></table>\n");
}

fn measure(
    out: &mut String,
    r: &Report,
    idx: &Index<'_>,
    m: &MeasureReport,
    w: &Words,
    placed: &mut HashSet<i64>,
) {
    let rc = &m.reconciled;
    let id = anchor::measure(rc.measure_id);
    w!(out, "<section class=\"measure\" id=\"{id}\">\n<h2 dir=\"auto\">{}</h2>\n", esc(&rc.label));
    w!(out, "<p class=\"sub\" dir=\"auto\">{} <code>{}</code>", esc(w.key), esc(&rc.key));
    if let Some(u) = &rc.unit {
        w!(out, " · {} {}", esc(w.unit), esc(u));
    }
    out.push_str("</p>\n");

    // The result.
    let s = shown(m);
    out.push_str("<div class=\"result\">\n<p dir=\"auto\">");
    match s.saved {
        Some((sid, at)) => {
            w!(out, "<strong>{} #{sid}</strong>, {}", esc(w.saved), ltr(w, at));
            if s.stale {
                w!(out, " · <span class=\"stale\">{}</span>", esc(w.stale));
            } else {
                w!(out, " · {}", esc(w.current));
            }
        }
        None => w!(out, "<strong>{}</strong>", esc(w.computed)),
    }
    out.push_str("</p>\n<dl class=\"numbers\">");
    let total = rc.figures.len() as i64;
    let eligible = if rc.parts.is_empty() {
        format!("{} / {}", number(s.figures), number(total))
    } else {
        number(s.figures)
    };
    let cells: [(&str, String); 7] = [
        (w.low, view::value(s.low)),
        (w.best, if s.method == crate::reconcile::Method::Range { "–".into() } else { view::value(s.best) }),
        (w.high, view::high_text(s.high, s.open_high, w)),
        (w.method, w.method(s.method).to_string()),
        (w.support, w.support_word(s.support).to_string()),
        (w.eligible, eligible),
        (w.voices, number(s.voices)),
    ];
    for (k, v) in cells {
        let class =
            if k == w.support { format!(" class=\"support-{}\"", s.support.as_str()) } else { String::new() };
        w!(out, "<div><dt>{}</dt><dd{class}>{}</dd></div>", esc(k), esc(&v));
    }
    out.push_str("</dl>\n");
    if let Some(note) = s.note {
        w!(out, "<p class=\"note\" dir=\"auto\"><strong>{}:</strong> {}</p>\n", esc(w.note), esc(note));
    }
    if s.saved.is_some() && s.stale {
        let o = &rc.outcome;
        w!(
            out,
            "<p dir=\"auto\">{} ({}): {} {} · {} {} · {} {} · {} {}</p>\n",
            esc(w.stale_note),
            esc(w.method(rc.method)),
            esc(w.low),
            view::value(o.low),
            esc(w.best),
            view::value(o.best),
            esc(w.high),
            esc(&view::high_text(o.high, o.open_high, w)),
            esc(w.support),
            esc(w.support_word(o.support))
        );
    }
    out.push_str("</div>\n");

    if !rc.parts.is_empty() {
        parts(out, r, m, w);
        why(out, m, r.lang, w);
        timeline(out, m, w);
        out.push_str("</section>\n");
        return;
    }
    if rc.figures.is_empty() {
        w!(out, "<p dir=\"auto\">{}</p>\n</section>\n", esc(w.no_figures));
        return;
    }
    // The chart.
    let chart = view::chart(m, w, format!("chart-{}", rc.measure_id));
    w!(out, "<figure class=\"chart\">\n{}\n</figure>\n", interval_chart(&chart, false));
    conflicts(out, m, w);
    why(out, m, r.lang, w);

    // The figures and the claims behind them, grouped as the chart is.
    w!(out, "<h3 dir=\"auto\">{}</h3>\n<table class=\"figures\">\n<thead><tr>", esc(w.figures));
    for h in ["#", w.figure, w.voice, w.claim] {
        w!(out, "<th dir=\"auto\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n");
    for (voice, list) in view::groups(m) {
        let head = voice.map(|v| format!("{} {v}", w.voice)).unwrap_or_else(|| w.left_out.to_string());
        w!(out, "<tbody>\n<tr><th colspan=\"4\" dir=\"auto\">{}</th></tr>\n", esc(&head));
        for (f, item) in list {
            let class = match view::state(item) {
                super::svg::State::Included => "included",
                super::svg::State::Relayed => "relayed",
                super::svg::State::LeftOut => "left-out",
            };
            w!(out, "<tr id=\"{}\" class=\"{class}\"><td>#{}</td>", anchor::figure(f.id), f.id);
            w!(out, "<td><b dir=\"auto\">{}</b>", esc(&f.notation));
            // How the notation was read, unless it is a plain number read as itself.
            let interval = view::interval(f, w);
            if interval != f.notation.trim() || f.kind != "exact" {
                // Numbers left to right; the word for an open high isolated, as it may be Arabic.
                let shown = match view::figure_high(f) {
                    None => format!("{}–{}", number(f.low), iso(w, w.open)),
                    Some(_) => esc(&interval),
                };
                w!(
                    out,
                    "<br><span class=\"d\" dir=\"ltr\">{shown}</span> <small>({}, {} {})</small>",
                    iso(w, &w.figure_kind(&f.kind)),
                    esc(w.best),
                    number(f.point)
                );
            }
            if f.provisional {
                w!(out, "<br><span class=\"flag\" dir=\"auto\">{}</span>", esc(w.provisional));
            }
            w!(out, " <b class=\"badge\">{}</b></td><td>{}</td>", esc(&f.rating), status(item, w));
            match r.claims.get(&f.claim_id) {
                Some(c) => {
                    let with_id = placed.insert(c.id);
                    w!(
                        out,
                        "<td{}>",
                        if with_id { format!(" id=\"{}\"", anchor::claim(c.id)) } else { String::new() }
                    );
                    claim(out, c, idx, w);
                    out.push_str("</td></tr>\n");
                }
                None => w!(out, "<td dir=\"auto\">#{} ({})</td></tr>\n", f.claim_id, esc(w.outside)),
            }
        }
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    timeline(out, m, w);
    out.push_str("</section>\n");
}

fn timeline(out: &mut String, m: &MeasureReport, w: &Words) {
    if let Some(t) = view::timeline(m, w, format!("timeline-{}", m.reconciled.measure_id)) {
        w!(
            out,
            "<h3 dir=\"auto\">{}</h3>\n<figure class=\"timeline\">\n{}\n",
            esc(w.timeline),
            timeline_chart(&t, false)
        );
        out.push_str("</figure>\n");
    }
}

/// A derived measure's parts side by side, each linked to its own section when the page holds
/// it.
fn parts(out: &mut String, r: &Report, m: &MeasureReport, w: &Words) {
    w!(out, "<p class=\"sub\" dir=\"auto\">{}</p>\n<table class=\"parts\">\n<thead><tr>", esc(w.sum_note));
    for h in [w.part, w.low, w.best, w.high, w.support, w.eligible, w.voices] {
        w!(out, "<th dir=\"auto\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for p in &m.reconciled.parts {
        let o = &p.outcome;
        let held = r.measures.iter().any(|x| x.reconciled.measure_id == p.measure_id);
        let name = if held {
            format!("<a href=\"#{}\"><code>{}</code></a>", anchor::measure(p.measure_id), esc(&p.key))
        } else {
            format!("<code>{}</code>", esc(&p.key))
        };
        w!(
            out,
            "<tr><td dir=\"auto\">{name} {}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"support-{}\">{}</td><td>{}</td><td>{}</td></tr>\n",
            esc(&p.label),
            view::value(o.low),
            view::value(o.best),
            esc(&view::high_text(o.high, o.open_high, w)),
            o.support.as_str(),
            esc(w.support_word(o.support)),
            number(crate::notebook::sql_int(o.figures)),
            number(crate::notebook::sql_int(o.voices))
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The reconciliation in sentences: which figure set each end and why the others do not.
fn why(out: &mut String, m: &MeasureReport, lang: super::Lang, w: &Words) {
    // Notebook text in the sentences (notations, names, dates) is isolated as everywhere else.
    w!(out, "<div class=\"why\">\n<h3 dir=\"auto\">{}</h3>\n<ul>\n", esc(w.why));
    for sentence in m.reconciled.explanation(lang) {
        // The page's direction, not each sentence's first letter: an English sentence may begin
        // with an Arabic notation.
        let text: String = crate::reconcile::explain::parts(&sentence)
            .into_iter()
            .map(|(quoted, part)| if quoted { iso(w, part) } else { esc(part) })
            .collect();
        w!(out, "<li>{text}</li>\n");
    }
    out.push_str("</ul>\n</div>\n");
}

fn conflicts(out: &mut String, m: &MeasureReport, w: &Words) {
    let o = &m.reconciled.outcome;
    if o.conflicting_pairs == 0 {
        return;
    }
    w!(
        out,
        "<div class=\"conflicts\">\n<p dir=\"auto\"><strong>{}:</strong> {} {}",
        esc(w.conflicts),
        number(o.conflicting_pairs as i64),
        esc(w.pairs_cannot)
    );
    if !o.conflicts.is_empty() {
        w!(out, "; {}: ", esc(w.widest));
        let named: Vec<String> = o
            .conflicts
            .iter()
            .map(|p| {
                format!(
                    "{}<a href=\"#{}\">#{}</a> {} <a href=\"#{}\">#{}</a> ({} {}){}",
                    if w.rtl { "<bdi>" } else { "" },
                    anchor::figure(p.a),
                    p.a,
                    esc(w.versus),
                    anchor::figure(p.b),
                    p.b,
                    esc(w.gap),
                    number(p.gap),
                    if w.rtl { "</bdi>" } else { "" }
                )
            })
            .collect();
        out.push_str(&named.join(", "));
        if (o.conflicts.len() as u64) < o.conflicting_pairs {
            out.push_str(" …");
        }
    }
    out.push_str("</p>\n");
    if let Some(c) = view::clusters(m, w) {
        w!(out, "<p dir=\"auto\">{}: {}</p>\n", esc(w.clusters), esc(&c));
    }
    out.push_str("</div>\n");
}

/// Why a figure counts or not: the page's words, and the reconciliation's reason isolated.
fn status(item: &crate::reconcile::Item, w: &Words) -> String {
    use super::svg::State;
    let voice = item.voice.unwrap_or_default();
    match view::state(item) {
        State::Included => format!("{} {voice}", esc(w.voice)),
        State::Relayed => format!("{} {voice}: {}", esc(w.voice), iso(w, &w.reason(&item.reason))),
        State::LeftOut => format!("{}: {}", esc(w.left_out), iso(w, &w.reason(&item.reason))),
    }
}

/// A claim: its quote (a link to where the article text marks it), the rendering when it
/// differs, then sources with their letters, credibility, when, place, tags and the article.
fn claim(out: &mut String, c: &ClaimRow, idx: &Index<'_>, w: &Words) {
    out.push_str("<blockquote dir=\"auto\">");
    if idx.quoted.contains(&c.id) {
        w!(out, "<a href=\"#{}\">{}</a>", anchor::quote(c.id), esc(&c.quote));
    } else {
        out.push_str(&esc(&c.quote));
    }
    out.push_str("</blockquote>");
    if c.unverified {
        w!(out, "<p class=\"flag\" dir=\"auto\">{}</p>", esc(w.unverified));
    }
    if c.text.trim() != c.quote.trim() {
        w!(out, "<p class=\"rendering\">{}: {}</p>", esc(w.rendering), iso(w, &c.text));
    }
    w!(out, "<p class=\"facts\">{} #{} · ", esc(w.claim), c.id);
    if c.sources.is_empty() {
        out.push_str(&esc(w.own_reporting));
        if let Some(o) = &c.outlet {
            out.push_str(" (");
            source_link(out, o, idx, w);
            out.push(')');
        }
        if let Some(g) = c.reliability.first() {
            w!(out, " <b class=\"badge\">{g}</b>");
        }
    } else {
        for (i, name) in c.sources.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            source_link(out, name, idx, w);
            if let Some(g) = c.reliability.get(i) {
                w!(out, " <b class=\"badge\">{g}</b>");
            }
        }
    }
    w!(out, " · {} <b class=\"badge\">{}</b>", esc(w.credibility), c.credibility);
    if let Some(when) = when(c, w) {
        w!(out, " · {} {when}", esc(w.when));
    }
    if let Some(p) = &c.place {
        w!(out, " · {} {}", esc(w.place), iso(w, p));
    }
    if !c.tags.is_empty() {
        w!(out, " · {} ", esc(w.tags));
        for t in &c.tags {
            w!(out, "<i class=\"tag\">{}</i>", iso(w, t));
        }
    }
    w!(out, " · {} ", esc(w.article));
    if idx.articles.contains_key(&c.article_id) {
        w!(out, "<a href=\"#{}\">{}</a>", anchor::article(c.article_id), iso(w, &c.article_title));
    } else {
        out.push_str(&iso(w, &c.article_title));
    }
    if let Some(p) = &c.published {
        w!(out, ", {}", ltr(w, p));
    }
    if let Some(page) = idx.pages.get(&c.id) {
        w!(out, ", {} {}", esc(w.page), ltr(w, page));
    }
    out.push_str("</p>");
}

/// A date or a range of dates: kept left to right in a right-to-left page, which would
/// otherwise turn it around (2014-12-05 read as 05-12-2014), and never broken across lines
/// (`2014-12-` above `05`).
fn ltr(w: &Words, s: &str) -> String {
    if w.rtl {
        format!("<span class=\"d\" dir=\"ltr\">{}</span>", esc(s))
    } else {
        format!("<span class=\"d\">{}</span>", esc(s))
    }
}

/// Notebook text among the page's own words: isolated in a `<bdi>` (its own direction) when
/// it holds right-to-left letters or the page runs right to left, so that neither disturbs
/// the other.
fn iso(w: &Words, s: &str) -> String {
    if w.rtl || crate::render::has_rtl(s) {
        format!("<bdi>{}</bdi>", esc(s))
    } else {
        esc(s)
    }
}

/// When a claim's event happened: the words and the dates they were read as, as HTML.
fn when(c: &ClaimRow, w: &Words) -> Option<String> {
    let range = match (&c.when_from, &c.when_to) {
        (Some(a), Some(b)) if a == b => Some(a.clone()),
        (Some(a), Some(b)) => Some(format!("{a}..{b}")),
        _ => None,
    };
    match (&c.when_text, range) {
        (Some(t), Some(r)) if *t != r => Some(format!("{} ({})", iso(w, t), ltr(w, &r))),
        (Some(t), _) => Some(iso(w, t)),
        (None, Some(r)) => Some(ltr(w, &r)),
        (None, None) => None,
    }
}

fn source_link(out: &mut String, name: &str, idx: &Index<'_>, w: &Words) {
    match idx.sources.get(name) {
        Some(id) => w!(out, "<a href=\"#{}\">{}</a>", anchor::source(*id), iso(w, name)),
        None => out.push_str(&iso(w, name)),
    }
}

fn articles(out: &mut String, r: &Report, idx: &Index<'_>, w: &Words) {
    w!(out, "<section class=\"articles\" id=\"articles\">\n<h2 dir=\"auto\">{}</h2>\n", esc(w.articles));
    if r.articles.is_empty() {
        w!(out, "<p dir=\"auto\">{}</p>\n</section>\n", esc(w.none));
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for h in ["#", w.title_col, w.outlet, w.published, w.language, w.claims, w.address] {
        w!(out, "<th dir=\"auto\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for a in &r.articles {
        let row = &a.row;
        w!(out, "<tr id=\"{}\"><td>#{}</td>", anchor::article(row.id), row.id);
        w!(out, "<td><a href=\"#{}\">{}</a>", anchor::text(row.id), iso(w, &row.title));
        w!(out, "<br><small>{} · {} {}</small>", esc(w.full_text), number(row.chars), esc(w.characters));
        if let Some(d) = row.near_duplicate_of {
            if idx.articles.contains_key(&d) {
                w!(
                    out,
                    "<br><small>{} <a href=\"#{}\">#{d}</a></small>",
                    esc(w.near_duplicate),
                    anchor::article(d)
                );
            } else {
                w!(out, "<br><small>{} #{d}</small>", esc(w.near_duplicate));
            }
        }
        out.push_str("</td><td>");
        if let Some(o) = &row.outlet {
            source_link(out, o, idx, w);
        }
        w!(
            out,
            "</td><td>{}</td><td>{}</td><td>{}</td><td class=\"url\">",
            row.published.as_deref().map(|d| ltr(w, d)).unwrap_or_default(),
            iso(w, &w.language(row.language.as_deref().unwrap_or(""))),
            row.claims
        );
        if let Some(u) = &row.url {
            match web_address(u) {
                Some(link) => w!(
                    out,
                    "<a href=\"{}\" rel=\"noopener noreferrer nofollow\" dir=\"ltr\">{}</a>",
                    esc(link),
                    esc(link)
                ),
                None => w!(out, "<code dir=\"auto\">{}</code>", esc(u)),
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn sources(out: &mut String, r: &Report, w: &Words) {
    w!(out, "<section class=\"sources\" id=\"sources\">\n<h2 dir=\"auto\">{}</h2>\n", esc(w.sources));
    if r.sources.is_empty() {
        w!(out, "<p dir=\"auto\">{}</p>\n</section>\n", esc(w.none));
        return;
    }
    out.push_str("<table>\n<thead><tr>");
    for h in ["#", w.sources, w.kind, w.reliability, w.claims, w.history] {
        w!(out, "<th dir=\"auto\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for s in &r.sources {
        let row = &s.row;
        w!(
            out,
            "<tr id=\"{}\"><td>#{}</td><td><strong>{}</strong>",
            anchor::source(row.id),
            row.id,
            iso(w, &row.name)
        );
        if !row.aliases.is_empty() {
            w!(out, "<br><small>{} {}</small>", esc(w.aliases), iso(w, &row.aliases.join("; ")));
        }
        if let Some(a) = &row.affiliation {
            w!(out, "<br><small>{}: {}</small>", esc(w.affiliation), iso(w, a));
        }
        if !row.named {
            w!(out, "<br><small>{}</small>", esc(w.anonymous));
        }
        if let Some(n) = &row.note {
            w!(out, "<br><small>{}: {}</small>", esc(w.note), iso(w, n));
        }
        w!(
            out,
            "</td><td>{}</td><td><b class=\"badge\">{}</b> {}</td><td>{}</td><td>",
            esc(w.source_kind(row.kind)),
            row.reliability,
            esc(w.reliability_label(row.reliability)),
            row.claims
        );
        if s.history.is_empty() {
            w!(out, "<small>{}</small>", esc(w.not_rated));
        } else {
            out.push_str("<ol class=\"history\">");
            for h in &s.history {
                let from = h.from.map(|g| g.to_string()).unwrap_or_else(|| "–".into());
                w!(
                    out,
                    "<li><b class=\"badge\">{from} → {}</b> {} <small>{}</small></li>",
                    h.to,
                    iso(w, &w.written(&h.why)),
                    ltr(w, &h.at)
                );
            }
            out.push_str("</ol>");
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Every article's text, each claimed span marked and numbered with its claim's id.
fn texts(out: &mut String, r: &Report, w: &Words, placed: &HashSet<i64>) {
    if r.articles.is_empty() {
        return;
    }
    w!(out, "<section class=\"texts\" id=\"texts\">\n<h2 dir=\"auto\">{}</h2>\n", esc(w.full_texts));
    for a in &r.articles {
        text(out, a, w, placed);
    }
    out.push_str("</section>\n");
}

fn text(out: &mut String, a: &ArticleText, w: &Words, placed: &HashSet<i64>) {
    let row = &a.row;
    w!(
        out,
        "<article class=\"text\" id=\"{}\">\n<h3 dir=\"auto\"><a href=\"#{}\">#{}</a> {}</h3>\n",
        anchor::text(row.id),
        anchor::article(row.id),
        row.id,
        esc(&row.title)
    );
    let meta: Vec<String> = [
        row.outlet.as_deref().map(|o| iso(w, o)),
        row.published.as_deref().map(|d| ltr(w, d)),
        row.language.as_deref().map(|l| iso(w, &w.language(l))),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        w!(out, "<p><small>{}</small></p>\n", meta.join(" · "));
    }
    let lang = row
        .language
        .as_deref()
        .and_then(lang_code)
        .map(|l| format!(" lang=\"{}\"", esc(l)))
        .unwrap_or_default();
    w!(out, "<div class=\"body\" dir=\"auto\"{lang}>");
    let mut anchored: HashSet<i64> = HashSet::new();
    for p in super::spans::pieces(&a.body, &a.spans) {
        if p.claims.is_empty() {
            out.push_str(&esc(p.text));
            continue;
        }
        // The number of each quote that begins here; the first carries the quote's id on the
        // mark itself, the others on their numbers.
        let mut mark_id = None;
        for c in &p.starts {
            let id = if mark_id.is_none() && anchored.insert(*c) {
                mark_id = Some(*c);
                String::new()
            } else if anchored.insert(*c) {
                format!(" id=\"{}\"", anchor::quote(*c))
            } else {
                String::new()
            };
            if placed.contains(c) {
                w!(out, "<a class=\"n\"{id} href=\"#{}\">#{c}</a>", anchor::claim(*c));
            } else {
                w!(out, "<span class=\"n\"{id}>#{c}</span>");
            }
        }
        let many = if p.claims.len() > 1 { " many" } else { "" };
        let id = mark_id.map(|c| format!(" id=\"{}\"", anchor::quote(c))).unwrap_or_default();
        w!(out, "<mark class=\"q{many}\"{id}>{}</mark>", esc(p.text));
    }
    out.push_str("</div>\n</article>\n");
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
        let mut out = String::new();
        text(&mut out, &a, words(Lang::En), &HashSet::from([7]));
        assert!(out.contains("id=\"quote-7\""), "{out}");
        assert!(out.contains("id=\"quote-8\""), "{out}");
        assert!(out.contains("<a class=\"n\" href=\"#claim-7\">#7</a>"), "{out}");
        assert!(out.contains("<span class=\"n\" id=\"quote-8\">#8</span>"), "{out}");
        assert!(!out.contains("<script") && !out.contains("<b>") && !out.contains("onload=\""), "{out}");
        assert!(!out.contains(" lang="), "a language that is not a code is no attribute: {out}");
        assert!(out.contains("&lt;script&gt;"));
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
}
