//! Finding the article in a page the way browsers' reader modes do: every block of text is
//! scored by its length and commas, its score goes to the elements around it, and the element
//! holding the most text with the fewest links wins. Inside it, the blocks that are furniture
//! (share bars, related links, comment counts, menus: by their class names, their link
//! density, or words that are all furniture) are left out. Works on the parsed tree without
//! recursion, in time linear in the page.

use std::collections::HashSet;

use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashMap as HashMap;
use scraper::{Html, Node};

/// What the reader keeps: the elements whose text is the article, in page order, and the
/// elements inside them to leave out.
#[derive(Debug, Default)]
pub struct Reading {
    pub roots: Vec<NodeId>,
    pub dropped: HashSet<NodeId>,
}

/// Elements that are never article text.
pub const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe", "svg", "template",
    "button", "menu", "select", "object", "embed", "canvas", "head", "input", "textarea", "dialog",
];

/// Words in class names and ids that mark furniture. Arabic sites use the same English words.
const UNLIKELY: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "sidebar",
    "footer",
    "header",
    "nav",
    "menu",
    "breadcrumb",
    "advert",
    "ads-",
    "-ads",
    "ad-slot",
    "sponsor",
    "promo",
    "newsletter",
    "subscribe",
    "login",
    "register",
    "signup",
    "cookie",
    "popup",
    "modal",
    "widget",
    "most-read",
    "mostread",
    "popular",
    "trending",
    "more-news",
    "read-more",
    "readmore",
    "tags",
    "tag-list",
    "keywords",
    "pagination",
    "pager",
    "print",
    "banner",
    "masthead",
    "toolbar",
    "follow",
    "author-box",
    "outbrain",
    "taboola",
    "disqus",
    "rating",
];
/// Words that keep an element even when an unlikely word is in its name (`article-comments`
/// is furniture, `main-content` is not).
const LIKELY: &[&str] =
    &["article", "content", "story", "entry", "post-body", "text", "body", "main", "detail", "news-body"];
/// Roles that mark furniture.
const UNLIKELY_ROLES: &[&str] =
    &["navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "search"];

/// Words that make up furniture lines on their own (a short block of only these is dropped):
/// `Share Tweet Print`, `Comments (0)`, `Menu Login Register`, `شارك طباعة`, `اقرأ أيضا`.
const FURNITURE_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "email",
    "print",
    "comments",
    "comment",
    "login",
    "log",
    "in",
    "register",
    "sign",
    "up",
    "menu",
    "home",
    "subscribe",
    "follow",
    "us",
    "read",
    "more",
    "also",
    "related",
    "tags",
    "next",
    "previous",
    "copy",
    "link",
    "search",
    "close",
    "advertisement",
    "شارك",
    "مشاركة",
    "طباعة",
    "تعليقات",
    "تعليق",
    "التعليقات",
    "الرئيسية",
    "دخول",
    "تسجيل",
    "الدخول",
    "اشترك",
    "اشتراك",
    "القائمة",
    "تابعنا",
    "اقرأ",
    "أيضا",
    "أيضاً",
    "ايضا",
    "المزيد",
    "ذات",
    "صلة",
    "أخبار",
    "متعلقة",
    "كلمات",
    "مفتاحية",
    "الوسوم",
    "إعلان",
    "بحث",
    "نسخ",
    "الرابط",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "إكس",
    "x",
];

/// The shortest block of text that counts as a paragraph, in characters.
const PARAGRAPH: usize = 25;

#[derive(Default, Clone, Copy)]
struct Stats {
    /// Characters of text under the element (furniture excluded).
    text: usize,
    /// Of those, characters inside links.
    links: usize,
    /// Commas, Arabic commas included.
    commas: usize,
}

fn marks_of(e: &scraper::node::Element) -> String {
    format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or("")).to_ascii_lowercase()
}

/// Is this element furniture by its name, role or class alone?
pub fn is_furniture(e: &scraper::node::Element) -> bool {
    if SKIP.contains(&e.name()) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if e.attr("role").is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim())) {
        return true;
    }
    if matches!(e.name(), "body" | "html" | "article" | "main") {
        return false;
    }
    let marks = marks_of(e);
    if marks.trim().is_empty() {
        return false;
    }
    UNLIKELY.iter().any(|u| marks.contains(u))
        && !LIKELY.iter().any(|l| {
            marks
                .split(|c: char| c.is_whitespace())
                .any(|w| w == *l || w.starts_with(&format!("{l}-")) || w.ends_with(&format!("-{l}")))
        })
}

/// A weight from class names, as reader modes give it.
fn class_weight(e: &scraper::node::Element) -> f64 {
    let marks = marks_of(e);
    let mut w = 0.0;
    if LIKELY.iter().any(|l| marks.contains(l)) {
        w += 25.0;
    }
    if UNLIKELY.iter().any(|u| marks.contains(u)) {
        w -= 25.0;
    }
    if e.name() == "article" {
        w += 25.0;
    }
    w
}

/// Is a short text made only of furniture words (and counts, punctuation, digits)?
pub fn furniture_text(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| w.to_lowercase())
        .collect();
    !words.is_empty() && words.len() <= 12 && words.iter().all(|w| FURNITURE_WORDS.contains(&w.as_str()))
}

fn text_len(t: &str) -> (usize, usize) {
    let mut chars = 0;
    let mut commas = 0;
    let mut space = true;
    for c in t.chars() {
        if c.is_whitespace() {
            if !space {
                chars += 1;
            }
            space = true;
        } else {
            chars += 1;
            space = false;
            if matches!(c, ',' | '،') {
                commas += 1;
            }
        }
    }
    (chars, commas)
}

/// What one walk of the page counts: each element's text, links and commas (its own and its
/// children's), the text directly inside it, and the furniture (navigation, footers ...).
struct Tally {
    stats: HashMap<NodeId, Stats>,
    /// Direct text of each element (text not inside a child element): a <div> of text and <br>
    /// is a paragraph as much as a <p> is.
    own: HashMap<NodeId, (usize, usize)>,
    furniture: HashSet<NodeId>,
}

impl Tally {
    /// The share of an element's text that sits inside links.
    fn density(&self, id: &NodeId) -> f64 {
        self.stats
            .get(id)
            .map(|s| if s.text == 0 { 0.0 } else { s.links as f64 / s.text as f64 })
            .unwrap_or(0.0)
    }
}

/// Reads the page; None when no block of it is long enough to be an article's paragraph.
pub fn read(doc: &Html) -> Option<Reading> {
    let tally = tally(doc);
    let scores = scores(doc, &tally.own);
    let roots = roots(doc, &tally, &scores)?;
    let dropped = dropped(doc, &tally, &roots);
    Some(Reading { roots, dropped })
}

/// Walks the page once, counting text, links and commas and setting the furniture aside.
fn tally(doc: &Html) -> Tally {
    let root = doc.tree.root();
    let mut stats: HashMap<NodeId, Stats> = HashMap::default();
    let mut own: HashMap<NodeId, (usize, usize)> = HashMap::default();
    let mut furniture: HashSet<NodeId> = HashSet::new();
    let mut inside_furniture = 0usize;
    let mut inside_link = 0usize;
    let mut open: Vec<NodeId> = Vec::new();
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    if inside_furniture > 0 || is_furniture(e) {
                        if inside_furniture == 0 {
                            furniture.insert(n.id());
                        }
                        inside_furniture += 1;
                    } else if e.name() == "a" {
                        inside_link += 1;
                    }
                    open.push(n.id());
                }
                Node::Text(t) if inside_furniture == 0 => {
                    let (len, commas) = text_len(t);
                    if let Some(parent) = open.last() {
                        let o = own.entry(*parent).or_default();
                        o.0 += len;
                        o.1 += commas;
                        let s = stats.entry(*parent).or_default();
                        s.text += len;
                        s.commas += commas;
                        if inside_link > 0 {
                            s.links += len;
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    open.pop();
                    if inside_furniture > 0 {
                        inside_furniture -= 1;
                        continue;
                    }
                    if e.name() == "a" {
                        inside_link = inside_link.saturating_sub(1);
                    }
                    // Carry this element's totals up to its parent.
                    if let (Some(s), Some(parent)) = (stats.get(&n.id()).copied(), open.last()) {
                        let p = stats.entry(*parent).or_default();
                        p.text += s.text;
                        p.links += s.links;
                        p.commas += s.commas;
                    }
                }
            }
        }
    }
    Tally { stats, own, furniture }
}

/// Each paragraph scores for its parent in full and its grandparent by half.
fn scores(doc: &Html, own: &HashMap<NodeId, (usize, usize)>) -> HashMap<NodeId, f64> {
    let mut scores: HashMap<NodeId, f64> = HashMap::default();
    for (id, (len, commas)) in own.iter() {
        if *len < PARAGRAPH {
            continue;
        }
        let Some(node) = doc.tree.get(*id) else { continue };
        let score = 1.0 + *commas as f64 + (*len as f64 / 100.0).min(3.0);
        let is_paragraph = matches!(node.value(), Node::Element(e) if matches!(e.name(), "p" | "pre" | "blockquote" | "td" | "li"));
        // A <div> that holds its text directly is a paragraph and its own container too.
        let mut targets: Vec<(NodeRef<'_, Node>, f64)> = Vec::new();
        if !is_paragraph {
            targets.push((node, 1.0));
        }
        if let Some(p) = node.parent() {
            targets.push((p, if is_paragraph { 1.0 } else { 0.5 }));
            if let Some(g) = p.parent() {
                targets.push((g, if is_paragraph { 0.5 } else { 0.25 }));
            }
        }
        for (t, share) in targets {
            if let Node::Element(e) = t.value() {
                let base = scores.entry(t.id()).or_insert_with(|| class_weight(e));
                *base += score * share;
            }
        }
    }
    scores
}

/// The element that scores best, with those of its siblings that belong to the same article.
fn roots(doc: &Html, tally: &Tally, scores: &HashMap<NodeId, f64>) -> Option<Vec<NodeId>> {
    let (stats, furniture) = (&tally.stats, &tally.furniture);
    let density = |id: &NodeId| tally.density(id);
    let top = scores
        .iter()
        .map(|(id, s)| (*id, s * (1.0 - density(id))))
        .filter(|(id, _)| !furniture.contains(id))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))?;
    let (top_id, top_score) = top;
    let top_node = doc.tree.get(top_id)?;
    // Siblings of the winner that score well, or are paragraphs of plain text, are the same
    // article split by the layout (an intro, a second column).
    let mut roots = Vec::new();
    let parent = top_node.parent();
    let siblings: Vec<NodeRef<'_, Node>> = match parent {
        Some(p) if !matches!(p.value(), Node::Document) => p.children().collect(),
        _ => vec![top_node],
    };
    for s in siblings {
        if s.id() == top_id {
            roots.push(s.id());
            continue;
        }
        let Node::Element(e) = s.value() else { continue };
        if furniture.contains(&s.id()) {
            continue;
        }
        let score = scores.get(&s.id()).copied().unwrap_or(0.0) * (1.0 - density(&s.id()));
        let st = stats.get(&s.id()).copied().unwrap_or_default();
        let plain_paragraph = e.name() == "p" && st.text >= 80 && density(&s.id()) < 0.25;
        if score >= (top_score * 0.2).max(10.0) || plain_paragraph {
            roots.push(s.id());
        }
    }
    Some(roots)
}

/// Inside what is kept: blocks of links (related stories, tag lists) and furniture lines.
fn dropped(doc: &Html, tally: &Tally, roots: &[NodeId]) -> HashSet<NodeId> {
    let mut dropped = tally.furniture.clone();
    for r in roots {
        let Some(rn) = doc.tree.get(*r) else { continue };
        for n in rn.descendants() {
            let Node::Element(e) = n.value() else { continue };
            if !matches!(
                e.name(),
                "div" | "ul" | "ol" | "section" | "table" | "p" | "span" | "li" | "dl" | "figure"
            ) {
                continue;
            }
            let st = tally.stats.get(&n.id()).copied().unwrap_or_default();
            let d = tally.density(&n.id());
            let lots_of_links = st.text > 0 && d > 0.5 && st.text < 1000 && st.commas < 5;
            let short = st.text < 120;
            if lots_of_links || (short && furniture_text(&plain_text(n))) {
                dropped.insert(n.id());
            }
        }
    }
    dropped
}

/// An element's text, for judging a short block; bounded.
fn plain_text(n: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in n.descendants() {
        if let Some(t) = d.value().as_text() {
            out.push_str(t);
            out.push(' ');
            if out.len() > 600 {
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, FileKind};

    fn body(page: &str) -> String {
        extract(FileKind::Html, page).unwrap().body
    }

    #[test]
    fn an_arabic_page_in_divs_keeps_only_the_story() {
        let page = r##"<html dir="rtl"><body>
          <div class="top-bar"><a href="/">الرئيسية</a> <a href="/login">دخول</a> <a href="/register">تسجيل</a></div>
          <div class="site-menu"><a href="/syria">سوريا</a> <a href="/iraq">العراق</a> <a href="/sport">رياضة</a></div>
          <div class="wrapper">
            <div class="share-bar"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
            <div class="news-text">
              قالت مصادر محلية إن القصف الذي استهدف سوق المدينة صباح الجمعة أسفر عن مقتل 12 شخصاً، بينهم أربعة أطفال.<br>
              وأضافت المصادر أن فرق الإسعاف نقلت الجرحى إلى المستشفى الوطني، وأن عدد المصابين تجاوز الثلاثين.<br>
              ولم تعلن أي جهة مسؤوليتها عن القصف حتى مساء اليوم نفسه، بحسب ما أفاد به ناشطون.
            </div>
            <div class="box"><h3>اقرأ أيضا</h3><ul><li><a href="/1">نزوح مئات العائلات من ريف المدينة الشرقي</a></li><li><a href="/2">ارتفاع أسعار الخبز في الأسواق المحلية</a></li></ul></div>
            <div class="comments-area">التعليقات (0) أضف تعليقك على هذا الخبر ليظهر بعد المراجعة</div>
          </div>
          <div class="foot">جميع الحقوق محفوظة</div>
        </body></html>"##;
        let b = body(page);
        assert!(b.starts_with("قالت مصادر محلية"), "{b}");
        assert!(b.contains("بحسب ما أفاد به ناشطون."), "{b}");
        for furniture in ["الرئيسية", "فيسبوك", "اقرأ أيضا", "نزوح مئات", "التعليقات", "الحقوق", "سوريا"]
        {
            assert!(!b.contains(furniture), "{furniture} stayed in: {b}");
        }
    }

    #[test]
    fn an_english_page_without_article_tags() {
        let page = r#"<body><div id="menu">Menu Login Register</div>
          <div class="main-col">
            <div class="social">Share Tweet Email</div>
            <h1>Water returns to the eastern district</h1>
            <p>Engineers restored the pumping station on Tuesday, the water board said, ending a cut that had lasted nine days.</p>
            <p>Residents had queued at tankers since the shelling damaged the main line, and prices of bottled water had doubled.</p>
            <div class="comment-count">Comments (0)</div>
            <ul class="list"><li><a href="/a">Power cuts return</a></li><li><a href="/b">Schools reopen</a></li></ul>
          </div>
          <div class="sidebar"><p>Most read stories of the week, chosen by our editors and readers.</p></div></body>"#;
        let b = body(page);
        assert!(b.starts_with("Water returns"), "{b}");
        assert!(b.contains("prices of bottled water had doubled."));
        for furniture in ["Menu", "Share", "Comments (0)", "Power cuts", "Most read"] {
            assert!(!b.contains(furniture), "{furniture} stayed in: {b}");
        }
    }

    #[test]
    fn furniture_words() {
        assert!(furniture_text("Comments (0)"));
        assert!(furniture_text("Menu Login Register"));
        assert!(furniture_text("شارك  طباعة"));
        assert!(!furniture_text("Forty fighters left"));
        assert!(!furniture_text(""));
    }
}
