//! `report`: the page is parsed and its structure checked against the notebook (every measure,
//! figure, claim, article and source; chart coordinates; anchors; direction), hostile text is
//! shown to stay text, the Markdown variant writes the charts it links, and a notebook of 100
//! measures and 1,000 figures gives a page under 2.2 MB.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use common::Nb;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap_or_else(|e| panic!("selector {s}: {e:?}"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{} was not written: {e}", path.display()))
}

/// Writes the report and parses it.
fn report(nb: &Nb, args: &[&str]) -> (String, Html) {
    let out = nb.path("report.html");
    let _ = std::fs::remove_file(&out);
    let mut full = vec!["report"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--out", out.to_str().unwrap()]);
    let run = nb.ok(&full);
    assert!(run.stderr.contains("wrote"), "{}", run.stderr);
    let text = read(&out);
    let doc = Html::parse_document(&text);
    (text, doc)
}

fn list(nb: &Nb, what: &[&str]) -> Vec<Value> {
    let mut args = what.to_vec();
    args.extend_from_slice(&["--format", "json"]);
    nb.ok(&args).json().as_array().cloned().unwrap_or_default()
}

fn demo() -> Nb {
    let nb = Nb::new();
    nb.ok(&["demo"]);
    nb
}

fn ids(doc: &Html) -> HashSet<String> {
    let mut seen = HashSet::new();
    for e in doc.select(&sel("[id]")) {
        let id = e.value().attr("id").unwrap().to_string();
        assert!(seen.insert(id.clone()), "the id {id} is used twice");
    }
    seen
}

/// Every `#anchor` link leads to an element of the page, and ids are unique.
fn anchors_resolve(doc: &Html) {
    let ids = ids(doc);
    let mut links = 0;
    for a in doc.select(&sel("a[href]")) {
        let href = a.value().attr("href").unwrap();
        if let Some(target) = href.strip_prefix('#') {
            links += 1;
            assert!(ids.contains(target), "href=\"{href}\" leads nowhere");
        }
    }
    assert!(links > 0, "no internal links at all");
}

/// Nothing in the page can run or load: no script, frame, object, image, link, base or form;
/// no event handler attribute; no source attribute; links only to #ids and http(s).
fn inert(doc: &Html) {
    for tag in [
        "script",
        "iframe",
        "frame",
        "object",
        "embed",
        "img",
        "link",
        "base",
        "form",
        "image",
        "use",
        "foreignObject",
        "meta[http-equiv=refresh]",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "the page holds a <{tag}> element");
    }
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        for (name, value) in el.attrs() {
            let name = name.to_ascii_lowercase();
            assert!(!name.starts_with("on"), "<{} {name}=\"{value}\"> is an event handler", el.name());
            assert!(
                !matches!(
                    name.as_str(),
                    "src" | "srcset" | "action" | "formaction" | "xlink:href" | "style" | "background"
                ),
                "<{} {name}>",
                el.name()
            );
            if name == "href" {
                let v = value.trim().to_ascii_lowercase();
                assert!(
                    v.starts_with('#') || v.starts_with("http://") || v.starts_with("https://"),
                    "href=\"{value}\""
                );
            }
        }
    }
    // One stylesheet, the page's own, with nothing fetched from it.
    let styles: Vec<ElementRef<'_>> = doc.select(&sel("style")).collect();
    assert_eq!(styles.len(), 1);
    let css = styles[0].text().collect::<String>();
    assert!(!css.contains("url(") && !css.contains("@import") && !css.contains("@font-face"), "{css}");
    let csp = doc
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .expect("a content security policy");
    assert!(csp.value().attr("content").unwrap().starts_with("default-src 'none'"));
}

fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Every run of Arabic text sits in an element whose direction is its own (`dir="auto"` or
/// `<bdi>`), never only a left-to-right page's: so it reads right to left inside it. In a
/// right-to-left page the page's own words may take its direction. Tooltips (`<title>`) are
/// not laid out and are left aside.
fn arabic_is_isolated(doc: &Html) -> usize {
    let mut runs = 0;
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else { continue };
        if !text.chars().any(is_rtl) {
            continue;
        }
        let in_title =
            node.ancestors().any(|a| a.value().as_element().map(|e| e.name() == "title").unwrap_or(false));
        if in_title {
            continue;
        }
        runs += 1;
        let owner = node
            .ancestors()
            .filter_map(|a| a.value().as_element())
            .find(|e| e.name() == "bdi" || e.attr("dir").is_some())
            .unwrap_or_else(|| panic!("the Arabic text {:?} has no direction of its own", &text[..]));
        assert!(
            owner.name() == "bdi"
                || owner.attr("dir") == Some("auto")
                || (owner.name() == "html" && owner.attr("dir") == Some("rtl")),
            "the Arabic text {:?} takes its direction from <{} dir={:?}>",
            &text[..],
            owner.name(),
            owner.attr("dir")
        );
    }
    runs
}

fn attr_f64(e: &ElementRef<'_>, name: &str) -> f64 {
    e.value().attr(name).unwrap_or_else(|| panic!("no {name} on {:?}", e.value())).parse().unwrap()
}

#[test]
fn the_demo_report_holds_every_measure_figure_claim_article_and_source() {
    let nb = demo();
    let (text, doc) = report(&nb, &[]);
    assert!(text.starts_with("<!DOCTYPE html>"));
    let html = doc.select(&sel("html")).next().unwrap();
    assert_eq!((html.value().attr("lang"), html.value().attr("dir")), (Some("en"), Some("ltr")));

    // The top names the notebook by its file name, never by a path on this machine.
    let header = doc.select(&sel("header.top")).next().unwrap().text().collect::<String>();
    let h1 = doc.select(&sel("h1")).next().unwrap().text().collect::<String>();
    assert_eq!(h1, "notebook");
    assert!(!text.contains(nb.dir.path().to_str().unwrap()), "a local path is on the page");
    assert!(doc.select(&sel("title")).next().unwrap().text().collect::<String>().starts_with("notebook"));
    assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
    assert!(header.contains("none: every claim"), "{header}");

    let measures = list(&nb, &["measure", "list"]);
    let sections: Vec<ElementRef<'_>> = doc.select(&sel("section.measure")).collect();
    assert_eq!(sections.len(), measures.len());
    for m in &measures {
        let key = m["key"].as_str().unwrap();
        let section = sections
            .iter()
            .find(|s| s.select(&sel(".sub code")).any(|c| c.text().collect::<String>() == key))
            .unwrap_or_else(|| panic!("no section for {key}"));
        let h2 = section.select(&sel("h2")).next().unwrap().text().collect::<String>();
        assert_eq!(h2, m["label"].as_str().unwrap());
        assert_eq!(section.select(&sel("figure.chart svg")).count(), 1, "{key} has one interval chart");
        // Both demo measures were published on two dates: each has a timeline.
        assert_eq!(section.select(&sel("figure.timeline svg circle[data-date]")).count(), 2, "{key}");
    }

    for f in list(&nb, &["figure", "list"]) {
        let id = f["id"].as_i64().unwrap();
        assert_eq!(doc.select(&sel(&format!("tr#figure-{id}"))).count(), 1, "figure #{id} has a row");
        let g = doc
            .select(&sel(&format!("g[data-figure=\"{id}\"]")))
            .next()
            .unwrap_or_else(|| panic!("figure #{id} is not in a chart"));
        assert_eq!(g.value().attr("data-low").unwrap(), f["low"].to_string());
        let high = f["high"].as_i64().map(|h| h.to_string()).unwrap_or_default();
        assert_eq!(g.value().attr("data-high").unwrap(), high);
        let rating = g.select(&sel("text.rating")).next().unwrap().text().collect::<String>();
        assert_eq!(rating, f["rating"].as_str().unwrap());
        // Left-out figures are hollow and say why on hover.
        let title = g.select(&sel("title")).next().unwrap().text().collect::<String>();
        if f["superseded"] == true {
            assert!(g.value().classes().any(|c| c == "left-out"), "{:?}", g.value());
            assert!(title.contains("superseded by"), "{title}");
        }
    }
    for c in list(&nb, &["claim", "list"]) {
        let id = c["id"].as_i64().unwrap();
        let el = doc
            .select(&sel(&format!("#claim-{id}")))
            .next()
            .unwrap_or_else(|| panic!("claim #{id} is not in the page"));
        let quote = el.select(&sel("blockquote")).next().unwrap().text().collect::<String>();
        assert_eq!(quote, c["quote"].as_str().unwrap());
        // The quote links to where the article text marks it.
        let link = el.select(&sel("blockquote a")).next().unwrap().value().attr("href").unwrap().to_string();
        assert_eq!(link, format!("#quote-{id}"));
        let mark = doc.select(&sel(&format!("#quote-{id}"))).next().unwrap();
        let text_of =
            mark.ancestors().filter_map(ElementRef::wrap).find(|e| e.value().name() == "article").unwrap();
        assert_eq!(text_of.value().attr("id").unwrap(), format!("text-{}", c["article_id"]));
    }
    for a in list(&nb, &["article", "list"]) {
        let id = a["id"].as_i64().unwrap();
        let row =
            doc.select(&sel(&format!("tr#article-{id}"))).next().unwrap_or_else(|| panic!("article #{id}"));
        assert!(row.text().collect::<String>().contains(a["title"].as_str().unwrap()));
        let body = doc.select(&sel(&format!("article#text-{id} .body"))).next().unwrap();
        assert_eq!(
            body.select(&sel("a.n")).count() as i64,
            a["claims"].as_i64().unwrap(),
            "every claimed span of #{id} is numbered"
        );
        assert_eq!(body.value().attr("lang"), a["language"].as_str());
    }
    for s in list(&nb, &["source", "list"]) {
        let id = s["id"].as_i64().unwrap();
        let row =
            doc.select(&sel(&format!("tr#source-{id}"))).next().unwrap_or_else(|| panic!("source #{id}"));
        assert!(row.text().collect::<String>().contains(s["name"].as_str().unwrap()));
    }
    // The rating history of the activists: added at C.
    let activists = doc.select(&sel("tr#source-4 ol.history li")).next().unwrap().text().collect::<String>();
    assert!(activists.contains("– → C") && activists.contains("rated when added"), "{activists}");

    // The saved reconciliation of deaths.market is the one stated, with its note; the other
    // measure is computed now.
    let deaths = sections.iter().find(|s| s.text().collect::<String>().contains("deaths.market")).unwrap();
    let result = deaths.select(&sel(".result")).next().unwrap().text().collect::<String>();
    assert!(result.contains("Saved reconciliation #1") && result.contains("up to date"), "{result}");
    assert!(result.contains("best-source") && result.contains("hospital and monitor disagree"), "{result}");
    let defectors =
        sections.iter().find(|s| s.text().collect::<String>().contains("defectors.foreign")).unwrap();
    let result = defectors.select(&sel(".result")).next().unwrap().text().collect::<String>();
    assert!(result.contains("Computed now (not saved)") && result.contains("open"), "{result}");
    // The conflicting pair is named with the count, as `reconcile` does.
    let conflicts = defectors.select(&sel(".conflicts")).next().unwrap().text().collect::<String>();
    assert!(
        conflicts.contains("1 pair(s) of voices cannot both be true")
            && conflicts.contains("#1 vs #6 (gap 16)"),
        "{conflicts}"
    );
    // The open high is an arrow; the band reaches the end of the plot.
    let chart = defectors.select(&sel("figure.chart svg")).next().unwrap();
    assert_eq!(chart.select(&sel("g[data-figure=\"6\"] polygon.arrow")).count(), 1);
    let band = chart.select(&sel("rect.band")).next().unwrap();
    assert_eq!(attr_f64(&band, "x") + attr_f64(&band, "width"), attr_f64(&chart, "data-plot-x1"));
    // The claim without a figure is under "Other claims".
    assert!(doc.select(&sel("#other-claims #claim-2")).next().is_some());

    anchors_resolve(&doc);
    inert(&doc);
    assert!(arabic_is_isolated(&doc) > 20);
}

/// A fresh notebook with one article and three sources.
fn small() -> Nb {
    let nb = Nb::new();
    let body = "Clinic staff said 10-20 people were hurt on Monday. Medics later counted 30-40 people at the gate. \
                Volunteers reported more than 50 people in the square.\n\nالمتطوعون قالوا إن أكثر من 50 شخصا أصيبوا.";
    let r = nb.raw(
        &[
            "--format",
            "json",
            "import",
            "articles",
            "-",
            "--title",
            "Clinic report",
            "--outlet",
            "Test Wire",
            "--published",
            "2020-03-02",
            "--lang",
            "en",
            "--url",
            "https://example.org/clinic",
        ],
        Some(body.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    nb.ok(&["source", "add", "Clinic staff", "--kind", "official", "--reliability", "B"]);
    nb.ok(&["source", "add", "Medics", "--kind", "other", "--reliability", "C"]);
    nb.ok(&["source", "add", "Volunteers", "--kind", "activist", "--reliability", "D"]);
    nb.ok(&["measure", "add", "hurt.clinic", "--label", "people hurt at the clinic", "--unit", "people"]);
    nb.ok(&["measure", "add", "crowd.square", "--label", "people in the square"]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "10-20 people were hurt",
        "--source",
        "Clinic staff",
        "--credibility",
        "2",
        "--figure",
        "hurt.clinic=10-20",
        "--tag",
        "casualties",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "30-40 people",
        "--source",
        "Medics",
        "--credibility",
        "3",
        "--figure",
        "hurt.clinic=30-40",
    ]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "more than 50 people",
        "--source",
        "Volunteers",
        "--figure",
        "crowd.square=more than 50",
    ]);
    nb
}

#[test]
fn chart_coordinates_follow_the_intervals() {
    let nb = small();
    let (_, doc) = report(&nb, &["hurt.clinic"]);
    let svg = doc.select(&sel("section.measure figure.chart svg")).next().unwrap();
    assert_eq!(svg.value().attr("data-axis-max"), Some("40"), "figures up to 40 give an axis 0-40");
    let (x0, x1) = (attr_f64(&svg, "data-plot-x0"), attr_f64(&svg, "data-plot-x1"));
    let width = x1 - x0;
    assert!(attr_f64(&svg, "width") > 0.0 && attr_f64(&svg, "height") > 0.0);
    let close = |a: f64, b: f64| (a - b).abs() <= 0.1;
    // 10-20 on 0-40 spans the second quarter of the plot; 30-40 the last.
    for (figure, from, to) in [(1, 0.25, 0.5), (2, 0.75, 1.0)] {
        let g = svg.select(&sel(&format!("g[data-figure=\"{figure}\"]"))).next().unwrap();
        let bar = g.select(&sel("rect.bar")).next().unwrap();
        assert!(close(attr_f64(&bar, "x"), x0 + from * width), "figure {figure}: x {}", attr_f64(&bar, "x"));
        assert!(
            close(attr_f64(&bar, "width"), (to - from) * width),
            "figure {figure}: width {}",
            attr_f64(&bar, "width")
        );
        let dot = g.select(&sel("circle.point")).next().unwrap();
        assert!(
            close(attr_f64(&dot, "cx"), x0 + (from + to) / 2.0 * width),
            "the point is the middle of a range"
        );
    }
    // The two figures cannot both be true: two voices, the band over both, a conflict named.
    assert_eq!(svg.select(&sel("g.included")).count(), 2);
    let band = svg.select(&sel("rect.band")).next().unwrap();
    assert!(close(attr_f64(&band, "x"), x0 + 0.25 * width) && close(attr_f64(&band, "width"), 0.75 * width));
    assert!(doc
        .select(&sel(".conflicts"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .contains("#1 vs #2 (gap 10)"));
    // One measure asked for: one section, no other claims, only what it cites.
    assert_eq!(doc.select(&sel("section.measure")).count(), 1);
    assert!(doc.select(&sel("#other-claims")).next().is_none());
    assert!(doc.select(&sel("tr#source-4")).next().is_none(), "Volunteers give no figure to hurt.clinic");
    // An article's web address is a link only because it is a plain https address.
    let url = doc.select(&sel("tr#article-1 td.url a")).next().unwrap();
    assert_eq!(url.value().attr("href"), Some("https://example.org/clinic"));
    // A single date: no timeline.
    assert!(doc.select(&sel("figure.timeline")).next().is_none());
    anchors_resolve(&doc);
    inert(&doc);
}

#[test]
fn lang_ar_lays_the_page_out_right_to_left() {
    let nb = small();
    let (_, doc) = report(&nb, &["--lang", "ar"]);
    let html = doc.select(&sel("html")).next().unwrap();
    assert_eq!((html.value().attr("lang"), html.value().attr("dir")), (Some("ar"), Some("rtl")));
    let headings: Vec<String> = doc.select(&sel("h2")).map(|h| h.text().collect()).collect();
    for h in ["المحتويات", "المقالات", "المصادر", "نصوص المقالات"] {
        assert!(headings.iter().any(|x| x == h), "no heading {h} in {headings:?}");
    }
    // Charts stay left to right, with the axis growing rightwards.
    for svg in doc.select(&sel("svg")) {
        assert!(svg.value().classes().any(|c| c == "chart-svg"));
    }
    anchors_resolve(&doc);
    inert(&doc);
    assert!(arabic_is_isolated(&doc) > 5);
    // The English page holds the same parts.
    let (_, en) = report(&nb, &[]);
    assert_eq!(ids(&en), ids(&doc));
}

/// Every text the researcher typed or imported, longest first: what a page may show as it is.
fn notebook_strings(nb: &Nb) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut take = |what: &[&str], fields: &[&str]| {
        for row in list(nb, what) {
            for f in fields {
                match &row[*f] {
                    Value::String(s) => out.push(s.clone()),
                    Value::Array(a) => out.extend(a.iter().filter_map(|v| v.as_str().map(str::to_string))),
                    _ => {}
                }
            }
        }
    };
    take(
        &["claim", "list"],
        &["quote", "text", "when_text", "place", "tags", "sources", "article_title", "outlet"],
    );
    take(&["source", "list"], &["name", "aliases", "note", "affiliation"]);
    take(&["article", "list"], &["title", "outlet", "author", "url", "note"]);
    take(&["measure", "list"], &["key", "label", "unit"]);
    take(&["figure", "list"], &["notation"]);
    take(&["export", "reconciliations"], &["note"]);
    out.retain(|s| !s.trim().is_empty());
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

/// The words of the page's own that are English: every text but the article bodies, with the
/// notebook's strings, flags (`--tag`), grades (A–F), numbers and dates taken out.
fn english_words(doc: &Html, data: &[String]) -> Vec<String> {
    let mut left = Vec::new();
    for node in doc.root_element().descendants() {
        let Some(text) = node.value().as_text() else { continue };
        let skipped = node.ancestors().filter_map(ElementRef::wrap).any(|e| {
            matches!(e.value().name(), "style" | "script") || e.value().classes().any(|c| c == "body")
        });
        if skipped {
            continue;
        }
        let mut t = text.to_string();
        // Numbers from the notebook ("15") are not words, and taking them out of a time such as
        // 08:22:15Z would leave its "Z" behind as if it were one.
        for d in data.iter().filter(|d| !d.chars().all(|c| c.is_ascii_digit())) {
            t = t.replace(d.as_str(), " ");
        }
        for word in t.split_whitespace() {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let english = w.chars().any(|c| c.is_ascii_alphabetic())
                && !w.starts_with("--")
                && !w.chars().any(|c| c.is_ascii_digit())
                && w != "crosscheck"
                // Admiralty grades: `B`, `F/B`.
                && !w.chars().all(|c| matches!(c, 'A'..='F' | '/'));
            if english {
                left.push(format!("{w} (in \"{}\")", text.trim()));
            }
        }
    }
    left
}

#[test]
fn lang_ar_leaves_no_english_word_of_the_pages_own() {
    let nb = demo();
    // A figure of credibility 5, so that every kind of reason is on the page.
    nb.ok(&["claim", "edit", "3", "--credibility", "5"]);
    let data = notebook_strings(&nb);
    let args = ["--lang", "ar", "--title", "تقرير سوق السهل", "--author", "مكتب التحقق"];
    let (_, doc) = report(&nb, &args);
    let left = english_words(&doc, &data);
    assert!(left.is_empty(), "English left on the Arabic page:\n{}", left.join("\n"));
    // Every heading and table header is Arabic (the page's own words, checked by element too).
    for e in doc.select(&sel("h2, h3, th, dt, legend, caption, .numbers dd")) {
        let t: String = e.text().collect();
        let t = data.iter().fold(t.replace("crosscheck", " "), |t, d| t.replace(d.as_str(), " "));
        assert!(!t.chars().any(|c| c.is_ascii_lowercase()), "'{t}' is not Arabic");
    }
    assert_eq!(doc.select(&sel("h1")).next().unwrap().text().collect::<String>(), "تقرير سوق السهل");
    let header = doc.select(&sel("header.top")).next().unwrap().text().collect::<String>();
    assert!(header.contains("مكتب التحقق"), "{header}");
    // A filtered report names its filter in Arabic around the flag.
    let (_, filtered) = report(&nb, &["--lang", "ar", "--min-reliability", "C"]);
    let text: String = filtered.root_element().text().collect();
    assert!(text.contains("استبعده عامل التصفية --min-reliability C"), "no filtered reason");
    assert!(english_words(&filtered, &data)
        .iter()
        .all(|w| w.starts_with("n ") || w.starts_with("notebook ")));

    // Date ranges keep their reading order: left to right and never broken across lines.
    let ranges: Vec<ElementRef<'_>> =
        doc.select(&sel("span.d")).filter(|e| e.text().collect::<String>().contains("..")).collect();
    assert!(!ranges.is_empty(), "the demo has claims dated by a range");
    for r in &ranges {
        assert_eq!(r.value().attr("dir"), Some("ltr"));
    }
    let style: String = doc.select(&sel("style")).map(|s| s.text().collect::<String>()).collect();
    assert!(style.contains(".d{white-space:nowrap}"), "dates may wrap");
}

#[test]
fn chart_rows_are_named_as_the_conflicts_name_them() {
    let nb = demo();
    let (_, doc) = report(&nb, &[]);
    for section in doc.select(&sel("section.measure")) {
        let mut named = HashSet::new();
        for g in section.select(&sel("figure.chart g[data-figure]")) {
            let id = g.value().attr("data-figure").unwrap();
            let label = g.select(&sel("text.fid")).next().unwrap().text().collect::<String>();
            assert_eq!(label, format!("#{id}"));
            named.insert(label);
        }
        for a in section.select(&sel(".conflicts a")) {
            let shown = a.text().collect::<String>();
            assert!(named.contains(&shown), "the conflicts name {shown}, the chart {named:?}");
        }
        let voice = section.select(&sel("figure.chart text")).any(|t| t.text().any(|x| x.starts_with('V')));
        assert!(!voice, "rows named V1, V2 …");
    }
}

#[test]
fn markdown_writes_the_svg_files_it_links() {
    let nb = demo();
    let dir = nb.path("out");
    std::fs::create_dir_all(&dir).unwrap();
    let md_path = dir.join("report.md");
    let r = nb.ok(&["--format", "markdown", "report", "--all", "--out", md_path.to_str().unwrap()]);
    assert!(r.stderr.contains("4 chart file(s)"), "{}", r.stderr);
    let md = read(&md_path);
    let mut linked: Vec<String> = md_links(&md).into_iter().filter(|l| l.ends_with(".svg")).collect();
    linked.sort();
    assert_eq!(
        linked,
        [
            "report-deaths.market-timeline.svg",
            "report-deaths.market.svg",
            "report-defectors.foreign-timeline.svg",
            "report-defectors.foreign.svg"
        ]
    );
    for name in &linked {
        let svg = read(&dir.join(name));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{name}");
        assert!(svg.contains("<style>") && svg.trim_end().ends_with("</svg>"), "{name}");
        let doc = Html::parse_fragment(&svg);
        inert_fragment(&doc);
    }
    // The chart of defectors.foreign holds its four figures.
    let chart = Html::parse_fragment(&read(&dir.join("report-defectors.foreign.svg")));
    assert_eq!(chart.select(&sel("g[data-figure]")).count(), 4);
    // The same content: every measure, figure, claim, article and source, with anchors that
    // resolve inside the file.
    for key in ["defectors.foreign", "deaths.market"] {
        assert!(md.contains(&format!("`{key}`")), "{key}");
    }
    let ids: HashSet<&str> = md.split("id=\"").skip(1).map(|p| &p[..p.find('"').unwrap()]).collect();
    for f in list(&nb, &["figure", "list"]) {
        assert!(ids.contains(format!("figure-{}", f["id"]).as_str()));
    }
    for c in list(&nb, &["claim", "list"]) {
        assert!(ids.contains(format!("claim-{}", c["id"]).as_str()), "claim {}", c["id"]);
    }
    for a in list(&nb, &["article", "list"]) {
        assert!(ids.contains(format!("text-{}", a["id"]).as_str()));
    }
    for link in md_links(&md) {
        if let Some(target) = link.strip_prefix('#') {
            assert!(ids.contains(target), "[…](#{target}) leads nowhere");
        }
    }
    assert!(md.contains("hospital and monitor disagree"));
    assert!(md.contains("<mark>"));
}

/// The targets of the Markdown links and images in a text: `](target)` where the `]` is not
/// escaped.
fn md_links(md: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = md;
    while let Some(i) = rest.find("](") {
        let escaped = rest[..i].ends_with('\\');
        let after = &rest[i + 2..];
        if !escaped {
            out.push(after[..after.find(')').unwrap_or(after.len())].to_string());
        }
        rest = after;
    }
    out
}

fn inert_fragment(doc: &Html) {
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else { continue };
        assert!(!matches!(el.name(), "script" | "image" | "use" | "foreignObject" | "a"), "<{}>", el.name());
        for (name, _) in el.attrs() {
            assert!(
                !name.to_ascii_lowercase().starts_with("on") && name != "href" && name != "xlink:href",
                "{name}"
            );
        }
    }
}

/// Text an attacker could put into an article, a source's name, a tag or a note.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "'><svg onload=alert(3)>",
    "</style><script>alert(4)</script>",
    "[click](javascript:alert(5))",
];

#[test]
fn hostile_text_stays_text() {
    let nb = Nb::new();
    let body = format!(
        "Breaking {}\nThe count was 12 people {} according to staff.\nSee javascript:alert(6) and \u{202E}31 ,detaerc{}\nAlso \u{1b}[31m red and \u{7} bell.",
        HOSTILE[0], HOSTILE[1], HOSTILE[2]
    );
    let title = format!("Title {}", HOSTILE[1]);
    let r = nb.raw(
        &[
            "--format",
            "json",
            "import",
            "articles",
            "-",
            "--title",
            &title,
            "--outlet",
            HOSTILE[0],
            "--published",
            "2021-05-01",
            "--url",
            "javascript:alert(7)",
        ],
        Some(body.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = nb.raw(
        &[
            "--format",
            "json",
            "import",
            "articles",
            "-",
            "--title",
            "Second",
            "--outlet",
            "Plain",
            "--published",
            "2021-05-02",
            "--url",
            "https://example.org/x\"onmouseover=\"alert(8)",
        ],
        Some(b"A second count: 15 people."),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let evil_source = format!("{} \u{202E}gnp.exe", HOSTILE[2]);
    nb.ok(&[
        "source",
        "add",
        &evil_source,
        "--kind",
        "other",
        "--reliability",
        "C",
        "--note",
        HOSTILE[3],
        "--affiliation",
        HOSTILE[4],
    ]);
    nb.ok(&["source", "rate", &evil_source, "B", "--why", HOSTILE[0]]);
    nb.ok(&["measure", "add", "count.x", "--label", HOSTILE[0], "--unit", HOSTILE[1]]);
    nb.ok(&[
        "claim",
        "add",
        "--article",
        "1",
        "--quote",
        "12 people",
        "--source",
        &evil_source,
        "--text",
        HOSTILE[3],
        "--tag",
        HOSTILE[1],
        "--place",
        HOSTILE[2],
        "--figure",
        "count.x=12",
    ]);
    nb.ok(&["claim", "add", "--article", "1", "--quote", "javascript:alert(6)", "--tag", HOSTILE[4]]);
    nb.ok(&["claim", "add", "--article", "2", "--quote", "15 people", "--figure", "count.x=15"]);
    nb.ok(&["reconcile", "count.x", "--save", "--note", HOSTILE[3]]);

    for lang in ["en", "ar"] {
        let (text, doc) = report(&nb, &["--lang", lang]);
        inert(&doc);
        anchors_resolve(&doc);
        assert_eq!(doc.select(&sel("svg")).count(), 2, "an interval chart and a timeline");
        // The hostile strings are there, as text.
        let all: String = doc.root_element().text().collect();
        for h in HOSTILE {
            assert!(all.contains(h), "{h:?} is not shown as text");
        }
        // The javascript: address is shown, never linked; the quoted one neither.
        let urls: Vec<String> = doc.select(&sel("td.url")).map(|t| t.inner_html()).collect();
        assert!(urls.iter().all(|u| !u.contains("<a")), "{urls:?}");
        assert!(all.contains("javascript:alert(7)"));
        // Bidi overrides and control characters are shown escaped, never raw.
        for raw in ['\u{202E}', '\u{1b}', '\u{7}'] {
            assert!(!text.contains(raw), "{raw:?} reached the page");
        }
        assert!(all.contains("\\u{202E}gnp.exe") && all.contains("\\x1b[31m"), "escapes are visible");
    }

    // The Markdown variant: no raw tag from the notebook, no link to anything but #ids, the
    // page's own anchors and the chart file.
    let md_path = nb.path("hostile.md");
    nb.ok(&["--format", "markdown", "report", "--out", md_path.to_str().unwrap()]);
    let md = read(&md_path);
    for bad in ["<script", "<img", "<svg", "</style", "\u{202E}", "\u{1b}"] {
        assert!(!md.contains(bad), "{bad:?} in the Markdown report");
    }
    let svg = read(&nb.path("hostile-count.x.svg"));
    assert!(!svg.contains("<script") && !svg.contains("<img"));
    assert_eq!(svg.matches("<svg").count(), 1);
    let links = md_links(&md);
    assert!(links.iter().any(|l| l == "hostile-count.x.svg"));
    assert!(links.iter().all(|l| l.starts_with('#') || l.ends_with(".svg")), "{links:?}");
    assert!(md.contains("\\[click\\](javascript:alert(5))"), "the hostile link is shown escaped");
}

#[test]
fn filters_decide_what_the_report_covers() {
    let nb = demo();
    let (_, doc) = report(&nb, &["--tag", "defections"]);
    let filters = doc.select(&sel("dd.filters")).next().unwrap().text().collect::<String>();
    assert_eq!(filters, "--tag defections");
    let keys: Vec<String> =
        doc.select(&sel("section.measure .sub code")).map(|c| c.text().collect()).collect();
    assert_eq!(keys, ["defectors.foreign"], "only the measure the tagged claims give figures for");
    // Figures of claims without the tag are drawn hollow with the filter as the reason.
    let g = doc.select(&sel("g[data-figure=\"6\"]")).next().unwrap();
    assert!(g.value().classes().any(|c| c == "left-out"));
    assert!(g
        .select(&sel("title"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .contains("left out by --tag defections"));
    assert!(doc.select(&sel("g[data-figure=\"1\"].included")).next().is_some());
    // The tagged claim without a figure is among the other claims; untagged ones are not.
    assert!(doc.select(&sel("#other-claims #claim-2")).next().is_some());
    assert!(doc.select(&sel("#claim-4")).next().is_none());
    anchors_resolve(&doc);

    let (_, doc) = report(&nb, &["--article", "3"]);
    let keys: Vec<String> =
        doc.select(&sel("section.measure .sub code")).map(|c| c.text().collect()).collect();
    assert_eq!(keys, ["defectors.foreign"], "article 3 gives figures for one measure");
    let filters = doc.select(&sel("dd.filters")).next().unwrap().text().collect::<String>();
    assert_eq!(filters, "--article 3");
    // The figures of the other articles are beside it, left out with the filter as the reason.
    let g = doc.select(&sel("g[data-figure=\"6\"]")).next().unwrap();
    assert!(g
        .select(&sel("title"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .contains("left out by --article 3"));
    assert!(doc.select(&sel("g[data-figure=\"7\"].included")).next().is_some());

    let (_, doc) = report(&nb, &["--min-reliability", "B", "--since", "2014-12-01"]);
    assert!(doc
        .select(&sel("dd.filters"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .contains("--min-reliability B; --since 2014-12-01"));
    anchors_resolve(&doc);

    // Two keys, in the order given; an unknown one is refused with the near matches.
    let (_, doc) = report(&nb, &["deaths.market", "defectors.foreign"]);
    let keys: Vec<String> =
        doc.select(&sel("section.measure .sub code")).map(|c| c.text().collect()).collect();
    assert_eq!(keys, ["deaths.market", "defectors.foreign"]);
    let out = nb.path("never.html");
    let r = nb.refuse(&["report", "deaths.markte", "--out", out.to_str().unwrap()], 1);
    assert!(r.stderr.contains("deaths.market"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn a_stale_saved_result_is_said_to_be_stale() {
    let nb = demo();
    nb.ok(&["source", "rate", "Al-Sahl local monitor", "A", "--why", "names published"]);
    let (_, doc) = report(&nb, &["deaths.market"]);
    let result = doc.select(&sel(".result")).next().unwrap().text().collect::<String>();
    assert!(result.contains("Saved reconciliation #1") && result.contains("stale"), "{result}");
    assert!(result.contains("Computed now with the same method (best-source)"), "{result}");
    let history = doc
        .select(&sel("tr#source-8 ol.history li"))
        .map(|l| l.text().collect::<String>())
        .collect::<Vec<_>>();
    assert_eq!(history.len(), 2);
    assert!(history[1].contains("B → A") && history[1].contains("names published"), "{history:?}");
}

#[test]
fn the_command_line_is_checked_and_the_notebook_never_written() {
    let nb = demo();
    let before = nb.dump();
    // Formats other than HTML and Markdown are a malformed command line.
    nb.refuse(&["--format", "csv", "report", "--out", nb.path("r.csv").to_str().unwrap()], 2);
    nb.refuse(&["--format", "markdown", "report", "--out", "-"], 2);
    nb.refuse(&["report", "--method", "manual", "--out", nb.path("r.html").to_str().unwrap()], 2);
    nb.refuse(&["report", "--lang", "fr", "--out", nb.path("r.html").to_str().unwrap()], 2);
    nb.refuse(&["report", "--min-reliability", "G", "--out", nb.path("r.html").to_str().unwrap()], 2);
    nb.refuse(&["report", "deaths.market", "--all", "--out", nb.path("r.html").to_str().unwrap()], 2);
    nb.refuse(&["report"], 2);
    // Never over the notebook or its journal.
    let r = nb.refuse(&["report", "--out", nb.db.to_str().unwrap()], 1);
    assert!(r.stderr.contains("is the notebook itself"), "{}", r.stderr);
    // To standard output with -.
    let r = nb.ok(&["report", "deaths.market", "--out", "-"]);
    assert!(r.stdout.starts_with("<!DOCTYPE html>") && r.stdout.contains("deaths.market"));
    common::assert_same(&before, &nb.dump(), "report wrote to the notebook");
    // A missing notebook is not created.
    let none = Nb::new();
    none.refuse(&["report", "--out", none.path("r.html").to_str().unwrap()], 1);
    assert!(!none.db.exists());
}

/// 100 measures and 1,000 figures from 100 articles on ten dates, by 20 sources.
fn large() -> Nb {
    let nb = Nb::new();
    let folder = nb.path("articles");
    std::fs::create_dir_all(&folder).unwrap();
    let mut manifest = String::from("path,title,outlet,author,url,published,lang\n");
    let mut claims = String::from("article_id,quote,sources,credibility,tags,measure,figure\n");
    let mut sources = String::from("name,kind,reliability\n");
    let grades = ["A", "B", "C", "D", "E", "F"];
    for k in 0..20 {
        sources.push_str(&format!("Monitor {k},monitor,{}\n", grades[k % 6]));
    }
    // Words drawn by a small generator, so no two articles look like copies of each other.
    const WORDS: [&str; 24] = [
        "river",
        "market",
        "bridge",
        "school",
        "convoy",
        "clinic",
        "orchard",
        "mill",
        "checkpoint",
        "valley",
        "ridge",
        "station",
        "harbour",
        "quarry",
        "bakery",
        "square",
        "depot",
        "garden",
        "tower",
        "canal",
        "farm",
        "road",
        "camp",
        "plain",
    ];
    let mut seed: u64 = 7;
    let mut word = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        WORDS[((seed >> 33) % 24) as usize]
    };
    for i in 0..100 {
        let mut body = format!("Field report {i}\n\n");
        for j in 0..10 {
            let n = 10 + (i * 7 + j * 13) % 400;
            let context: Vec<&str> = (0..8).map(|_| word()).collect();
            body.push_str(&format!(
                "Near the {} Witness {j} of report {i} said {n} families left the district. ",
                context.join(" ")
            ));
            let figure = match j % 4 {
                0 => format!("{n}"),
                1 => format!("about {n}"),
                2 => format!("{n}-{}", n + 15),
                _ => format!("more than {n}"),
            };
            claims.push_str(&format!(
                "{},Witness {j} of report {i} said {n} families,Monitor {},{},batch{},m.{},{figure}\n",
                i + 1,
                (i / 10 + j * 3) % 20,
                1 + (i + j) % 6,
                j % 3,
                (i * 10 + j) % 100
            ));
        }
        std::fs::write(folder.join(format!("r{i}.txt")), body).unwrap();
        manifest.push_str(&format!(
            "r{i}.txt,Field report {i},Wire {},,,2019-06-{:02},en\n",
            i % 5,
            1 + (i / 10) % 10
        ));
    }
    std::fs::write(folder.join("manifest.csv"), manifest).unwrap();
    std::fs::write(nb.path("sources.csv"), sources).unwrap();
    std::fs::write(nb.path("claims.csv"), claims).unwrap();
    nb.ok(&["import", "articles", "--manifest", folder.join("manifest.csv").to_str().unwrap()]);
    nb.ok(&["import", "sources", nb.path("sources.csv").to_str().unwrap()]);
    {
        let mut book =
            crosscheck::notebook::Notebook::open(&nb.db, crosscheck::notebook::Access::Write).unwrap();
        for m in 0..100 {
            book.add_measure(
                &format!("m.{m}"),
                &format!("Families displaced, district {m}"),
                Some("families"),
            )
            .unwrap();
        }
    }
    nb.ok(&["import", "claims", nb.path("claims.csv").to_str().unwrap()]);
    nb
}

#[test]
fn a_large_notebook_gives_a_page_under_two_megabytes() {
    let nb = large();
    assert_eq!(list(&nb, &["figure", "list"]).len(), 1000);
    let out = nb.path("large.html");
    let started = std::time::Instant::now();
    nb.ok(&["report", "--all", "--out", out.to_str().unwrap()]);
    let took = started.elapsed();
    let size = std::fs::metadata(&out).unwrap().len();
    eprintln!("report of 100 measures and 1,000 figures: {size} bytes in {took:?} (this build)");
    // About 2.03 MB of charts, tables, texts and the citations of the claims' articles, and
    // 0.14 MB of sentences saying how each range was reached.
    assert!(size < 2_200_000, "{size} bytes");
    let doc = Html::parse_document(&read(&out));
    assert_eq!(doc.select(&sel("section.measure")).count(), 100);
    assert_eq!(doc.select(&sel("g[data-figure]")).count(), 1000);
    assert_eq!(doc.select(&sel("figure.timeline")).count(), 100, "ten dates per measure");
    let rows: HashMap<String, usize> = doc
        .select(&sel("section.measure"))
        .map(|s| (s.value().attr("id").unwrap().to_string(), s.select(&sel("tr[id^=figure-]")).count()))
        .collect();
    assert!(rows.values().all(|n| *n == 10), "{rows:?}");
    anchors_resolve(&doc);
}

/// Timing in a release build: `cargo test --release --test report -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_of_a_large_report() {
    let nb = large();
    let out = nb.path("large.html");
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = std::time::Instant::now();
        nb.ok(&["report", "--all", "--out", out.to_str().unwrap()]);
        times.push(started.elapsed());
    }
    times.sort();
    let md = nb.path("large.md");
    let started = std::time::Instant::now();
    nb.ok(&["--format", "markdown", "report", "--all", "--out", md.to_str().unwrap()]);
    eprintln!(
        "100 measures, 1,000 figures: HTML {} bytes, median {:?} (min {:?}, max {:?}); Markdown with 200 SVG files {:?}",
        std::fs::metadata(&out).unwrap().len(),
        times[2],
        times[0],
        times[4],
        started.elapsed()
    );
}
