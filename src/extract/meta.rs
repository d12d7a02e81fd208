//! What a web page says about itself: title, outlet, author, publication date and canonical
//! address, read from the markup news sites really carry (Open Graph, `article:*`, `<meta
//! name>`, JSON-LD `NewsArticle`, `<time datetime>`, bylines) and each kept with the name of
//! where it was found, so the import row can say it.

use ego_tree::NodeRef;
use scraper::{Html, Node};

use crate::dates::PartialDate;

/// One value read from a page and the markup it came from (`og:title`, `JSON-LD author`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<T> {
    pub value: T,
    pub from: &'static str,
}

/// Everything a page says about itself. Each field holds the first source that had it, in
/// the order of trust below.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub title: Option<Found<String>>,
    pub outlet: Option<Found<String>>,
    pub author: Option<Found<String>>,
    pub published: Option<Found<PartialDate>>,
    pub url: Option<Found<String>>,
}

/// The longest value taken from a page: a title or a name is short, and a hostile page's
/// megabyte attribute must not become a megabyte title.
const LONGEST: usize = 300;
/// The largest JSON-LD block read.
const LONGEST_JSON: usize = 1 << 20;

fn clean(s: &str) -> Option<String> {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let one = one.trim_matches(|c: char| c == '|' || c == '-' || c == '–' || c.is_whitespace()).to_string();
    (!one.is_empty() && one.chars().count() <= LONGEST).then_some(one)
}

/// A publication date from the forms pages write: `2024-03-05T10:00:00+03:00`, `2024-03-05`,
/// `2024/03/05`, `20240305`. The date is the one written (the publisher's own day), not moved to
/// UTC.
pub fn page_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let digits: String = s.chars().take(10).collect();
    let iso = if digits.len() == 10 && digits.as_bytes()[4] == b'/' && digits.as_bytes()[7] == b'/' {
        digits.replace('/', "-")
    } else if s.len() >= 8
        && s.as_bytes()[..8].iter().all(u8::is_ascii_digit)
        && s.as_bytes().get(8).is_none_or(|b| !b.is_ascii_digit())
    {
        format!("{}-{}-{}", &s[..4], &s[4..6], &s[6..8])
    } else {
        digits
    };
    PartialDate::parse(&iso).ok().filter(|d| d.to_string().len() == 10)
}

fn absolute_url(s: &str) -> Option<String> {
    let s = s.trim();
    let lower = s.to_ascii_lowercase();
    ((lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() <= 2000
        && !s.contains(char::is_whitespace))
    .then(|| s.to_string())
}

/// A byline as written: `By Rana Haddad`, `كتب: سامر الحلبي`, `بقلم سامر الحلبي`.
fn byline(s: &str) -> Option<String> {
    let s = clean(s)?;
    let mut rest = s.as_str();
    for prefix in [
        "by ",
        "By ",
        "BY ",
        "كتب:",
        "كتبت:",
        "كتب :",
        "كتبت :",
        "بقلم:",
        "بقلم :",
        "بقلم ",
        "كتب ",
        "كتبت ",
        "إعداد:",
        "إعداد ",
    ] {
        if let Some(r) = rest.strip_prefix(prefix) {
            rest = r.trim();
            break;
        }
    }
    // A byline is a name or two, not a sentence.
    (!rest.is_empty() && rest.chars().count() <= 80 && !rest.starts_with("http")).then(|| rest.to_string())
}

/// Sets a field the first time a value is found.
fn offer<T>(field: &mut Option<Found<T>>, value: Option<T>, from: &'static str) {
    if field.is_none() {
        if let Some(value) = value {
            *field = Some(Found { value, from });
        }
    }
}

/// Reads a page's metadata. `body_root` is the element the article text was taken from: a
/// `<time>` or byline inside it is the article's own.
pub fn read(doc: &Html, body_root: Option<NodeRef<'_, Node>>) -> PageMeta {
    let head = Head::of(doc);
    let article = head.ld.iter().find_map(news_article);
    let within = body_root.unwrap_or(doc.tree.root());
    let mut m = PageMeta::default();
    title_and_outlet(&mut m, &head, article);
    author(&mut m, &head, article, doc, within);
    published(&mut m, &head, article, doc, within);
    url(&mut m, head.canonical.clone(), &head, article);
    m
}

/// What a page says about itself: its `<meta>` pairs, its canonical link and its JSON-LD blocks.
struct Head {
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    ld: Vec<serde_json::Value>,
}

impl Head {
    fn of(doc: &Html) -> Head {
        let mut metas: Vec<(String, String)> = Vec::new();
        let mut canonical = None;
        let mut ld: Vec<serde_json::Value> = Vec::new();
        for node in doc.tree.root().descendants() {
            let Node::Element(e) = node.value() else { continue };
            match e.name() {
                "meta" => {
                    let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"));
                    if let (Some(k), Some(v)) = (key, e.attr("content")) {
                        if metas.len() < 500 {
                            metas.push((k.trim().to_ascii_lowercase(), v.to_string()));
                        }
                    }
                }
                "link" if canonical.is_none() => {
                    let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                    if rel.split_whitespace().any(|r| r == "canonical") {
                        canonical = e.attr("href").and_then(absolute_url);
                    }
                }
                "script"
                    if e.attr("type")
                        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
                {
                    let text: String =
                        node.children().filter_map(|c| c.value().as_text().map(|t| t.to_string())).collect();
                    if text.len() <= LONGEST_JSON && ld.len() < 20 {
                        // Sites leave stray control characters and trailing commas; a block that does
                        // not parse is ignored, as search engines do.
                        if let Ok(v) = serde_json::from_str::<serde_json::Value>(text.trim()) {
                            ld.push(v);
                        }
                    }
                }
                _ => {}
            }
        }
        Head { metas, canonical, ld }
    }

    /// The first of these `<meta>` names that has a value.
    fn meta(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| {
            self.metas.iter().find(|(k, v)| k == n && !v.trim().is_empty()).map(|(_, v)| v.as_str())
        })
    }
}

type Ld<'a> = Option<&'a serde_json::Value>;

fn title_and_outlet(m: &mut PageMeta, head: &Head, article: Ld<'_>) {
    let meta = |names: &[&str]| head.meta(names);
    offer(&mut m.title, meta(&["og:title"]).and_then(clean), "og:title");
    offer(
        &mut m.title,
        article.and_then(|a| a.get("headline")).and_then(|v| v.as_str()).and_then(clean),
        "JSON-LD headline",
    );
    offer(&mut m.title, meta(&["twitter:title"]).and_then(clean), "twitter:title");

    offer(&mut m.outlet, meta(&["og:site_name"]).and_then(clean), "og:site_name");
    offer(
        &mut m.outlet,
        article.and_then(|a| a.get("publisher")).and_then(name_of).and_then(|n| clean(&n)),
        "JSON-LD publisher",
    );
    offer(&mut m.outlet, meta(&["application-name", "publisher"]).and_then(clean), "meta publisher");
}

/// The author: from the page's metadata first, then a byline in the article, then anywhere.
fn author(m: &mut PageMeta, head: &Head, article: Ld<'_>, doc: &Html, within: NodeRef<'_, Node>) {
    let meta = |names: &[&str]| head.meta(names);
    offer(&mut m.author, meta(&["author"]).and_then(byline), "meta author");
    offer(
        &mut m.author,
        article.and_then(|a| a.get("author")).and_then(name_of).and_then(|n| byline(&n)),
        "JSON-LD author",
    );
    offer(
        &mut m.author,
        meta(&["article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"])
            .and_then(byline)
            .filter(|a| !a.starts_with("http")),
        "meta article:author",
    );
    offer(&mut m.author, byline_in(within).or_else(|| byline_in(doc.tree.root())), "byline");
}

/// The date published: from the page's metadata first, then a `<time>` in the article.
fn published(m: &mut PageMeta, head: &Head, article: Ld<'_>, doc: &Html, within: NodeRef<'_, Node>) {
    let meta = |names: &[&str]| head.meta(names);
    offer(&mut m.published, meta(&["article:published_time"]).and_then(page_date), "article:published_time");
    offer(
        &mut m.published,
        article.and_then(|a| a.get("datePublished")).and_then(|v| v.as_str()).and_then(page_date),
        "JSON-LD datePublished",
    );
    offer(
        &mut m.published,
        meta(&[
            "datepublished",
            "pubdate",
            "publishdate",
            "publish-date",
            "date",
            "dc.date",
            "dc.date.issued",
            "sailthru.date",
            "parsely-pub-date",
            "og:published_time",
            "article:published",
        ])
        .and_then(page_date),
        "meta date",
    );
    offer(&mut m.published, time_in(within).or_else(|| time_in(doc.tree.root())), "time datetime");
}

/// The page's address: its canonical link, else what its metadata says.
fn url(m: &mut PageMeta, canonical: Option<String>, head: &Head, article: Ld<'_>) {
    let meta = |names: &[&str]| head.meta(names);
    offer(&mut m.url, canonical, "link canonical");
    offer(&mut m.url, meta(&["og:url"]).and_then(absolute_url), "og:url");
    offer(
        &mut m.url,
        article
            .and_then(|a| a.get("url").or_else(|| a.get("mainEntityOfPage")))
            .and_then(|v| {
                v.as_str()
                    .map(str::to_string)
                    .or_else(|| v.get("@id").and_then(|i| i.as_str()).map(str::to_string))
            })
            .and_then(|u| absolute_url(&u)),
        "JSON-LD url",
    );
}

const ARTICLE_TYPES: [&str; 7] = [
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
];

/// The first JSON-LD object typed as a news article: at the top, in an array, or in `@graph`.
fn news_article(v: &serde_json::Value) -> Option<&serde_json::Value> {
    let typed = |o: &serde_json::Value| match o.get("@type") {
        Some(serde_json::Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
        Some(serde_json::Value::Array(ts)) => {
            ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t)))
        }
        _ => false,
    };
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(news_article),
        serde_json::Value::Object(_) if typed(v) => Some(v),
        serde_json::Value::Object(_) => v.get("@graph").and_then(news_article),
        _ => None,
    }
}

/// A name from JSON-LD: a string, `{"name": ...}`, or the first of a list (names joined).
fn name_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().take(5).filter_map(name_of).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

/// Class and id words that mark a byline on news sites, Arabic ones included (`kateb`).
const BYLINE_MARKS: [&str; 6] = ["author", "byline", "writer", "kateb", "katib", "reporter"];

fn byline_in(root: NodeRef<'_, Node>) -> Option<String> {
    root.descendants().take(200_000).find_map(|n| {
        let Node::Element(e) = n.value() else { return None };
        let marks =
            format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")).to_ascii_lowercase();
        let itemprop =
            e.attr("itemprop").is_some_and(|p| p == "author") || e.attr("rel").is_some_and(|r| r == "author");
        if !(itemprop || BYLINE_MARKS.iter().any(|m| marks.contains(m))) || marks.contains("comment") {
            return None;
        }
        let text: String =
            n.descendants().filter_map(|d| d.value().as_text().map(|t| t.to_string())).take(50).collect();
        byline(&text)
    })
}

fn time_in(root: NodeRef<'_, Node>) -> Option<PartialDate> {
    root.descendants().take(200_000).find_map(|n| match n.value() {
        Node::Element(e) if e.name() == "time" => e.attr("datetime").and_then(page_date),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(page: &str) -> PageMeta {
        read(&Html::parse_document(page), None)
    }

    #[test]
    fn open_graph_and_article_tags() {
        let m = meta_of(
            "<head><meta property='og:title' content='Shelling hits the market'>\
             <meta property='og:site_name' content='Northern Monitor'>\
             <meta property='article:published_time' content='2024-03-05T21:40:00+03:00'>\
             <meta name='author' content='Rana Haddad'>\
             <link rel='canonical' href='https://monitor.example/2024/03/market'></head>",
        );
        assert_eq!(m.title, Some(Found { value: "Shelling hits the market".into(), from: "og:title" }));
        assert_eq!(m.outlet.unwrap().value, "Northern Monitor");
        let p = m.published.unwrap();
        assert_eq!((p.value.to_string(), p.from), ("2024-03-05".into(), "article:published_time"));
        assert_eq!(m.author.unwrap().from, "meta author");
        assert_eq!(m.url.unwrap().value, "https://monitor.example/2024/03/market");
    }

    #[test]
    fn json_ld_in_a_graph() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
               {"@type":["NewsArticle"],"headline":"نزوح عشرات العائلات","datePublished":"2023-11-02",
                "author":[{"@type":"Person","name":"سلمى العلي"}],"publisher":{"@type":"Organization","name":"وكالة السهل"},
                "mainEntityOfPage":{"@id":"https://sahl.example/a/1"}}]}</script>"#,
        );
        assert_eq!(m.title.unwrap(), Found { value: "نزوح عشرات العائلات".into(), from: "JSON-LD headline" });
        assert_eq!(m.author.unwrap().value, "سلمى العلي");
        assert_eq!(m.outlet.unwrap(), Found { value: "وكالة السهل".into(), from: "JSON-LD publisher" });
        assert_eq!(m.published.unwrap().value.to_string(), "2023-11-02");
        assert_eq!(m.url.unwrap().from, "JSON-LD url");
    }

    #[test]
    fn time_and_arabic_bylines() {
        let m = meta_of(
            "<div class='post-meta'><span class='writer-name'>كتب: سامر الحلبي</span>\
             <time datetime='2022-07-14T08:00'>14 يوليو</time></div>",
        );
        assert_eq!(m.author.unwrap(), Found { value: "سامر الحلبي".into(), from: "byline" });
        assert_eq!(
            m.published.unwrap(),
            Found { value: PartialDate::parse("2022-07-14").unwrap(), from: "time datetime" }
        );
    }

    #[test]
    fn dates_in_the_forms_pages_write_them() {
        assert_eq!(page_date("2024/03/05 10:00").map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(page_date("20240305").map(|d| d.to_string()).as_deref(), Some("2024-03-05"));
        assert_eq!(page_date("yesterday"), None);
        assert_eq!(page_date("2024-13-40"), None);
    }

    #[test]
    fn hostile_values_are_not_taken() {
        let long = "x".repeat(5000);
        let m = meta_of(&format!(
            "<meta property='og:title' content='{long}'><link rel=canonical href='javascript:alert(1)'>"
        ));
        assert_eq!(m.title, None);
        assert_eq!(m.url, None);
        assert_eq!(meta_of("<script type='application/ld+json'>{not json</script>"), PageMeta::default());
    }
}
