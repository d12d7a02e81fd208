//! The page's own words in English and Arabic. In English the vocabulary the notebook stores
//! (methods, support, kinds, reasons) is shown as stored, so a reader can match it with the
//! other commands' output; an Arabic page shows all of it in Arabic too (`Words::method`,
//! `Words::reason` ...). Only what the researcher typed (names, quotes, notes, `--when` words,
//! units) is shown as typed.
//!
//! **Adding a word**: a new field of `Words` needs its line in `EN` and `AR` (the compiler
//! says so). A new method, support, figure kind or source kind is a new arm in the `match` of
//! its function below (the compiler says so too). A new reason sentence of the reconciliation
//! (`src/reconcile.rs`) needs a line in `AR_REASONS`, its English pattern with `{}` where a value
//! goes; `every_reason_the_reconciliation_gives_has_its_arabic` and the report test that parses
//! the Arabic page for English words fail until it has one.

use super::Lang;
use crate::notation::Kind;
use crate::ratings::{Credibility, Reliability};
use crate::reconcile::{Method, Support};
use crate::vocab::SourceKind;

pub struct Words {
    /// The page runs right to left.
    pub rtl: bool,
    pub title: &'static str,
    pub contents: &'static str,
    pub author: &'static str,
    pub written: &'static str,
    pub version: &'static str,
    pub filters: &'static str,
    pub no_filters: &'static str,
    pub measures_shown: &'static str,
    pub every_measure: &'static str,
    pub unit: &'static str,
    pub key: &'static str,
    pub saved: &'static str,
    pub computed: &'static str,
    pub stale: &'static str,
    pub stale_note: &'static str,
    pub current: &'static str,
    pub method: &'static str,
    /// The header's line for `--method`.
    pub default_method: &'static str,
    pub low: &'static str,
    pub best: &'static str,
    pub high: &'static str,
    pub open: &'static str,
    pub support: &'static str,
    pub figures: &'static str,
    /// The count of eligible figures, beside low, best and high.
    pub eligible: &'static str,
    /// The heading over a measure's claims.
    pub claims_heading: &'static str,
    pub voices: &'static str,
    pub note: &'static str,
    pub conflicts: &'static str,
    pub pairs_cannot: &'static str,
    pub widest: &'static str,
    pub versus: &'static str,
    pub gap: &'static str,
    pub clusters: &'static str,
    /// The heading over a measure's reconciliation told in sentences.
    pub why: &'static str,
    /// What a figure does when it sets an end of the band (followed by low or high).
    pub sets_end: &'static str,
    /// What the tick at a bar's end means, after the chart's legend.
    pub sets_legend: &'static str,
    pub chart: &'static str,
    pub legend: &'static str,
    pub no_figures: &'static str,
    /// The column of a derived measure's parts, and what a derived measure is.
    pub part: &'static str,
    pub sum_note: &'static str,
    pub voice: &'static str,
    pub left_out: &'static str,
    pub figure: &'static str,
    pub claim: &'static str,
    pub unverified: &'static str,
    pub rendering: &'static str,
    pub sources: &'static str,
    pub own_reporting: &'static str,
    pub credibility: &'static str,
    pub reliability: &'static str,
    pub when: &'static str,
    pub place: &'static str,
    pub tags: &'static str,
    pub article: &'static str,
    /// Before a page number in a citation: `p. 12`.
    pub page: &'static str,
    /// A citation's title between these marks: “...” in English, «...» in Arabic.
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    /// Before the address of an archived copy in a citation.
    pub archived: &'static str,
    /// Before the day the article was taken into the notebook, in a citation.
    pub accessed: &'static str,
    pub timeline: &'static str,
    pub date: &'static str,
    pub other_claims: &'static str,
    pub articles: &'static str,
    pub title_col: &'static str,
    pub outlet: &'static str,
    pub published: &'static str,
    pub language: &'static str,
    pub address: &'static str,
    pub full_text: &'static str,
    pub full_texts: &'static str,
    pub near_duplicate: &'static str,
    pub characters: &'static str,
    pub claims: &'static str,
    pub kind: &'static str,
    pub affiliation: &'static str,
    pub anonymous: &'static str,
    pub aliases: &'static str,
    pub history: &'static str,
    pub not_rated: &'static str,
    pub none: &'static str,
    pub outside: &'static str,
    pub provisional: &'static str,
    pub footer: &'static str,
    /// The words of `serve`'s review pages.
    pub serve: &'static ServeWords,
}

const EN: Words = Words {
    rtl: false,
    title: "Crosscheck report",
    contents: "Contents",
    author: "Author",
    written: "Written",
    version: "crosscheck version",
    filters: "Filters",
    no_filters: "none: every claim",
    measures_shown: "Measures",
    every_measure: "every measure",
    unit: "unit",
    key: "key",
    saved: "Saved reconciliation",
    computed: "Computed now (not saved)",
    stale: "stale: a figure, claim or rating it rested on has changed since",
    stale_note: "Computed now with the same method",
    current: "up to date",
    method: "method",
    default_method: "Method where none is saved",
    low: "low",
    best: "best",
    high: "high",
    open: "open",
    support: "support",
    figures: "Figures",
    eligible: "figures",
    claims_heading: "Claims",
    voices: "voices",
    note: "note",
    conflicts: "Conflicts",
    pairs_cannot: "pair(s) of voices cannot both be true",
    widest: "widest",
    versus: "vs",
    gap: "gap",
    clusters: "clusters of voices that agree",
    why: "How the range was reached",
    sets_end: "sets the band's",
    sets_legend: "A blue tick across a bar's end marks the figure that set that end of the band.",
    chart: "Interval chart",
    legend: "A bar runs from low to high (an arrow: no upper bound), the dot is the point. Filled: speaks for its voice; hollow: left out or relayed (hover for why). The shaded band is the reconciled range, the dashed line the best estimate.",
    no_figures: "No figures for this measure yet.",
    part: "Part",
    sum_note: "A sum of other measures: each part is reconciled on its own, and the sum's low, best and high are the parts' added up.",
    voice: "voice",
    left_out: "left out",
    figure: "figure",
    claim: "Claim",
    unverified: "unverified: the quote was not found in the article",
    rendering: "rendering",
    sources: "Sources",
    own_reporting: "the outlet's own reporting",
    credibility: "credibility",
    reliability: "reliability",
    when: "when",
    place: "place",
    tags: "tags",
    article: "article",
    page: "p.",
    quote_open: "“",
    quote_close: "”",
    archived: "archived:",
    accessed: "accessed",
    timeline: "Timeline",
    date: "date",
    other_claims: "Other claims",
    articles: "Articles",
    title_col: "title",
    outlet: "outlet",
    published: "published",
    language: "language",
    address: "address",
    full_text: "full text",
    full_texts: "Article texts",
    near_duplicate: "near-duplicate of",
    characters: "characters",
    claims: "claims",
    kind: "kind",
    affiliation: "affiliation",
    anonymous: "anonymous",
    aliases: "also called",
    history: "rating history",
    not_rated: "never rated",
    none: "none",
    outside: "outside the filters",
    provisional: "provisional: no upper bound yet",
    footer: "Written by crosscheck",
    serve: &SERVE_EN,
};

const AR: Words = Words {
    rtl: true,
    title: "تقرير crosscheck",
    contents: "المحتويات",
    author: "إعداد",
    written: "تاريخ الكتابة",
    version: "إصدار crosscheck",
    filters: "عوامل التصفية",
    no_filters: "لا شيء: كل الادعاءات",
    measures_shown: "المقاييس",
    every_measure: "كل المقاييس",
    unit: "الوحدة",
    key: "المفتاح",
    saved: "توفيق محفوظ",
    computed: "محسوب الآن (غير محفوظ)",
    stale: "متقادم: تغيّر منذ حفظه رقم أو ادعاء أو تقييم بُني عليه",
    stale_note: "محسوب الآن بالطريقة نفسها",
    current: "محدَّث",
    method: "الطريقة",
    default_method: "الطريقة حين لا يوجد توفيق محفوظ",
    low: "الأدنى",
    best: "الأرجح",
    high: "الأعلى",
    open: "مفتوح",
    support: "السند",
    figures: "الأرقام",
    eligible: "الأرقام",
    claims_heading: "الادعاءات",
    voices: "الأصوات",
    note: "ملاحظة",
    conflicts: "التعارضات",
    pairs_cannot: "من الأصوات لا يمكن أن يصدقا معًا",
    widest: "الأوسع",
    versus: "مقابل",
    gap: "الفارق",
    clusters: "مجموعات الأصوات المتفقة",
    why: "كيف بُلغ هذا المجال",
    sets_end: "يحدد من المجال حدّه",
    sets_legend: "العلامة الزرقاء المعترضة عند طرف الشريط تدل على الرقم الذي حدد ذلك الطرف من المجال.",
    chart: "مخطط المجالات",
    legend: "يمتد كل شريط من الأدنى إلى الأعلى (السهم: بلا حد أعلى)، والنقطة هي القيمة المرجحة. المملوء يتكلم باسم صوته، والمفرغ مستبعد أو منقول (مرّر المؤشر لمعرفة السبب). الشريط المظلل هو المجال الموفَّق، والخط المتقطع هو التقدير الأرجح.",
    no_figures: "لا أرقام لهذا المقياس بعد.",
    part: "الجزء",
    sum_note: "مجموع مقاييس أخرى: كل جزء منها مُوفَّق وحده، والأدنى والأرجح والأعلى للمجموع هي قيم الأجزاء مجموعةً.",
    voice: "الصوت",
    left_out: "مستبعد",
    figure: "رقم",
    claim: "ادعاء",
    unverified: "غير موثق: لم يوجد الاقتباس في المقال",
    rendering: "الصياغة",
    sources: "المصادر",
    own_reporting: "تغطية الناشر نفسه",
    credibility: "المصداقية",
    reliability: "الموثوقية",
    when: "متى",
    place: "المكان",
    tags: "الوسوم",
    article: "المقال",
    page: "ص",
    quote_open: "«",
    quote_close: "»",
    archived: "نسخة مؤرشفة:",
    accessed: "تاريخ الاطلاع",
    timeline: "التسلسل الزمني",
    date: "التاريخ",
    other_claims: "ادعاءات أخرى",
    articles: "المقالات",
    title_col: "العنوان",
    outlet: "الناشر",
    published: "تاريخ النشر",
    language: "اللغة",
    address: "الرابط",
    full_text: "النص الكامل",
    full_texts: "نصوص المقالات",
    near_duplicate: "نسخة قريبة من",
    characters: "حرفًا",
    claims: "الادعاءات",
    kind: "النوع",
    affiliation: "الانتماء",
    anonymous: "مجهول الاسم",
    aliases: "يُعرف أيضًا بـ",
    history: "سجل التقييم",
    not_rated: "لم يُقيَّم قط",
    none: "لا شيء",
    outside: "خارج عوامل التصفية",
    provisional: "مؤقت: بلا حد أعلى بعد",
    footer: "كتبه crosscheck",
    serve: &SERVE_AR,
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::En => &EN,
        Lang::Ar => &AR,
    }
}

impl Words {
    /// A reconciliation method as the page names it.
    /// `N pair(s) of voices cannot both be true`, the count agreeing with its noun in Arabic
    /// (`زوجان من الأصوات`, `3 أزواج من الأصوات`, `11 زوجاً من الأصوات`).
    pub fn pairs(&self, n: u64) -> String {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        if self.rtl {
            format!("{} {}", crate::arcount::ar_count(n, &crate::arcount::PAIR), self.pairs_cannot)
        } else {
            format!("{} {}", super::text::number(n), self.pairs_cannot)
        }
    }

    pub fn method(&self, m: Method) -> &'static str {
        if !self.rtl {
            return m.as_str();
        }
        match m {
            Method::Weighted => "الوسيط المرجَّح",
            Method::Conservative => "التقدير المتحفظ",
            Method::Median => "الوسيط",
            Method::BestSource => "المصدر الأوثق",
            Method::Manual => "قيمة يدوية",
            Method::Range => "المجال دون تقدير أرجح",
        }
    }

    pub fn support_word(&self, s: Support) -> &'static str {
        if !self.rtl {
            return s.as_str();
        }
        match s {
            Support::None => "لا سند",
            Support::SingleSource => "مصدر واحد",
            Support::Corroborated => "متعدد المصادر ومتسق",
            Support::Contested => "متنازع عليه",
        }
    }

    /// A figure's kind (`more-than`), as stored in the notebook.
    pub fn figure_kind(&self, stored: &str) -> String {
        let kind = Kind::ALL.iter().find(|k| k.as_str() == stored);
        match (self.rtl, kind) {
            (true, Some(k)) => match k {
                Kind::Exact => "عدد محدد",
                Kind::Approx => "تقريبي",
                Kind::MoreThan => "أكثر من",
                Kind::AtLeast => "على الأقل",
                Kind::FewerThan => "أقل من",
                Kind::AtMost => "على الأكثر",
                Kind::Range => "مجال",
                Kind::Vague => "لفظ مبهم",
                Kind::Sum => "مجموع",
            }
            .to_string(),
            _ => stored.to_string(),
        }
    }

    pub fn source_kind(&self, k: SourceKind) -> &'static str {
        if !self.rtl {
            return k.as_str();
        }
        match k {
            SourceKind::Outlet => "وسيلة إعلام",
            SourceKind::Journalist => "صحفي",
            SourceKind::Official => "جهة رسمية",
            SourceKind::ArmedGroup => "جماعة مسلحة",
            SourceKind::Monitor => "جهة رصد",
            SourceKind::Activist => "ناشطون",
            SourceKind::Resident => "من السكان",
            SourceKind::Document => "وثيقة",
            SourceKind::SocialMedia => "وسائل التواصل",
            SourceKind::Anonymous => "مجهول",
            SourceKind::Other => "أخرى",
        }
    }

    /// What a reliability letter means (the Admiralty code).
    pub fn reliability_label(&self, g: Reliability) -> &'static str {
        if !self.rtl {
            return g.label();
        }
        match g {
            Reliability::A => "موثوق تمامًا",
            Reliability::B => "موثوق عادةً",
            Reliability::C => "موثوق إلى حد ما",
            Reliability::D => "غير موثوق عادةً",
            Reliability::E => "غير موثوق",
            Reliability::F => "لا يمكن الحكم على موثوقيته",
        }
    }

    /// What a credibility digit means (the Admiralty code).
    pub fn credibility_label(&self, c: Credibility) -> &'static str {
        if !self.rtl {
            return c.label();
        }
        match c.value() {
            1 => "أكدته مصادر أخرى",
            2 => "صحيح على الأرجح",
            3 => "ربما يكون صحيحًا",
            4 => "مشكوك فيه",
            5 => "مستبعد الصحة",
            _ => "لا يمكن الحكم على صحته",
        }
    }

    /// A language code as the page names it: the code in English, the language's name in Arabic
    /// for the languages of the region's reporting (an unknown code stays a code).
    pub fn language(&self, code: &str) -> String {
        if !self.rtl {
            return code.to_string();
        }
        let name = match code.trim().to_ascii_lowercase().as_str() {
            "ar" => "العربية",
            "en" => "الإنجليزية",
            "fr" => "الفرنسية",
            "de" => "الألمانية",
            "es" => "الإسبانية",
            "ru" => "الروسية",
            "tr" => "التركية",
            "fa" => "الفارسية",
            "ku" => "الكردية",
            "he" => "العبرية",
            "ur" => "الأردية",
            _ => return code.to_string(),
        };
        name.to_string()
    }

    /// Text crosscheck wrote into the notebook itself (the reason of a source's first rating).
    pub fn written(&self, stored: &str) -> String {
        match (self.rtl, stored) {
            (true, "rated when added") => "قُيِّم عند إضافته".to_string(),
            _ => stored.to_string(),
        }
    }

    /// Why a figure counts or not, as the reconciliation said it (`same voice as #6, which it
    /// repeats`), in the page's language.
    pub fn reason(&self, sentence: &str) -> String {
        if !self.rtl {
            return sentence.to_string();
        }
        arabic_reason(sentence).unwrap_or_else(|| sentence.to_string())
    }
}

/// The reconciliation's reasons, English pattern then Arabic, `{}` where a value goes (a value
/// that is itself a reason is translated too). See the module's comment for adding one.
const AR_REASONS: &[(&str, &str)] = &[
    ("claim credibility 5 (improbable)", "مصداقية الادعاء 5 (مستبعد الصحة)"),
    ("all sources rated E (unreliable)", "كل مصادره مصنفة E (غير موثوقة)"),
    ("left out by {}", "استبعده عامل التصفية {}"),
    ("published after {}, the --as-of date", "نُشر بعد {}، وهو تاريخ --as-of"),
    ("superseded by #{}, which updates it", "حلّ محله #{} الذي يحدّثه"),
    ("superseded by #{} via the update of #{}", "حلّ محله #{} عبر تحديث #{}"),
    ("included by --include-all ({})", "أُدخل بالخيار --include-all ({})"),
    ("same voice as #{}, which is later", "الصوت نفسه مثل #{}، وهو الأحدث"),
    ("same voice as #{}, which it repeats", "الصوت نفسه مثل #{} الذي ينقله"),
    ("same voice as #{}, an original of the same day", "الصوت نفسه مثل #{}، وهو أصلٌ من اليوم نفسه"),
    ("same voice as #{}, which is a later claim", "الصوت نفسه مثل #{}، وهو ادعاء لاحق"),
    ("same voice as #{}, and it repeats #{}", "الصوت نفسه مثل #{}، وهو ينقل #{}"),
    (
        "relay differs: {} vs {} (it repeats #{}, which says {})",
        "نقل مختلف: {} مقابل {} (ينقل #{} الذي يقول {})",
    ),
    (
        "overtaken by #{}: published later ({}), it states a floor of {} above this floor of {}",
        "تجاوزه #{}: نُشر لاحقًا ({}) بحد أدنى قدره {} فوق هذا الحد الأدنى {}",
    ),
    ("its window {} is not inside --window {}", "فترته {} ليست داخل --window {}"),
    ("no --when places it inside --window {}", "لا --when يضعه داخل --window {}"),
    ("voice {}", "الصوت {}"),
];

/// The values a pattern's `{}` stand for in `text`, when the text is of that pattern.
fn fill<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut values = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let last = i == pieces.len() - 1;
        let at = if last {
            rest.len().checked_sub(piece.len()).filter(|at| rest[*at..] == **piece)?
        } else {
            rest.find(piece).filter(|_| !piece.is_empty())?
        };
        values.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty()).then_some(values)
}

/// A reason in Arabic, or None when no pattern knows it. Reasons joined with `; ` are
/// translated one by one.
fn arabic_reason(sentence: &str) -> Option<String> {
    if sentence.contains("; ") {
        let parts: Option<Vec<String>> = sentence.split("; ").map(arabic_reason).collect();
        return parts.map(|p| p.join("؛ "));
    }
    AR_REASONS.iter().find_map(|(en, ar)| {
        let values = fill(en, sentence)?;
        let mut out = String::new();
        let mut values = values.into_iter();
        for (i, piece) in ar.split("{}").enumerate() {
            if i > 0 {
                let v = values.next().unwrap_or_default();
                out.push_str(&arabic_reason(v).unwrap_or_else(|| v.to_string()));
            }
            out.push_str(piece);
        }
        Some(out)
    })
}

/// The words of `serve`'s review pages, beside the report's: one table for both.
pub struct ServeWords {
    pub articles: &'static str,
    pub claims: &'static str,
    pub measures: &'static str,
    pub sources: &'static str,
    pub read_only: &'static str,
    pub back: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub page: &'static str,
    pub search: &'static str,
    pub language: &'static str,
    pub any: &'static str,
    pub outlet: &'static str,
    pub apply: &'static str,
    pub no_articles: &'static str,
    pub title: &'static str,
    pub suggestions: &'static str,
    pub rejected_count: &'static str,
    pub keys_help: &'static str,
    pub default_measure: &'static str,
    pub no_suggestions: &'static str,
    pub counted: &'static str,
    pub confidence: &'static str,
    pub recorded: &'static str,
    pub quote: &'static str,
    pub measure: &'static str,
    pub attribute_to: &'static str,
    pub new_source: &'static str,
    pub kind: &'static str,
    pub known_source: &'static str,
    pub keep_alias: &'static str,
    pub accept: &'static str,
    pub reason: &'static str,
    pub reject: &'static str,
    pub no_claims: &'static str,
    pub rating: &'static str,
    pub text: &'static str,
    pub no_figures: &'static str,
    pub interval: &'static str,
    pub links: &'static str,
    pub no_links: &'static str,
    pub this_claim: &'static str,
    pub add_link: &'static str,
    pub edit: &'static str,
    pub add_tag: &'static str,
    pub save: &'static str,
    pub no_measures: &'static str,
    pub label: &'static str,
    pub status: &'static str,
    pub save_heading: &'static str,
    pub name: &'static str,
    pub aliases: &'static str,
    pub affiliation: &'static str,
    pub no_aliases: &'static str,
    pub remove: &'static str,
    pub new_alias: &'static str,
    pub add: &'static str,
    pub rating_history: &'static str,
    pub never_rated: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub why: &'static str,
    pub rate: &'static str,
    pub all_claims: &'static str,
    pub matched_name: &'static str,
    pub unmatched: &'static str,
    pub outlet_own: &'static str,
    pub not_found: &'static str,
    pub cannot: &'static str,
    pub no_sources: &'static str,
    pub incident: &'static str,
    /// The filter fields' labels, by their flag names; a flag not listed is shown as itself.
    pub filter_labels: &'static [(&'static str, &'static str)],
}

impl ServeWords {
    /// The label of a filter field named after its command-line flag.
    pub fn filter(&self, flag: &'static str) -> &'static str {
        self.filter_labels.iter().find(|(f, _)| *f == flag).map_or(flag, |(_, label)| label)
    }
}

const SERVE_EN: ServeWords = ServeWords {
    articles: "Articles",
    claims: "Claims",
    measures: "Measures",
    sources: "Sources",
    read_only: "read-only: nothing can be changed",
    back: "Back",
    previous: "Previous",
    next: "Next",
    page: "page",
    search: "Search",
    language: "Language",
    any: "any",
    outlet: "Outlet",
    apply: "Show",
    no_articles: "No articles match.",
    title: "Title",
    suggestions: "Suggested claims",
    rejected_count: "rejected before",
    keys_help: "Keys: j / k next and previous, a accept, e edit, r reject, Esc leaves a field.",
    default_measure: "Measure for figures",
    no_suggestions: "No claims to suggest in this article.",
    counted: "counting",
    confidence: "confidence",
    recorded: "Recorded: a claim of this article quotes these words.",
    quote: "Quote",
    measure: "Measure",
    attribute_to: "Attribute to",
    new_source: "a new unrated source:",
    kind: "Kind",
    known_source: "a source of the notebook (name or alias):",
    keep_alias: "keep the article's wording as its alias",
    accept: "Accept",
    reason: "reason (optional)",
    reject: "Reject",
    no_claims: "No claims match.",
    rating: "Rating",
    text: "Text",
    no_figures: "No figures.",
    interval: "Interval",
    links: "Links",
    no_links: "No links to other claims.",
    this_claim: "This claim",
    add_link: "Link",
    edit: "Edit",
    add_tag: "Add a tag",
    save: "Save",
    no_measures: "No measures yet.",
    label: "Label",
    status: "Included",
    save_heading: "Save this reconciliation",
    name: "Name",
    aliases: "Other names",
    affiliation: "Affiliation",
    no_aliases: "No other names.",
    remove: "Remove",
    new_alias: "Another name",
    add: "Add",
    rating_history: "Rating history",
    never_rated: "Never rated.",
    from: "from",
    to: "to",
    why: "Why",
    rate: "Rate",
    all_claims: "All its claims",
    matched_name: "a source of the notebook",
    unmatched: "not in the notebook",
    outlet_own: "no source named",
    not_found: "Not found",
    cannot: "Not done",
    no_sources: "No sources match.",
    incident: "Incident",
    filter_labels: &[],
};

const SERVE_AR: ServeWords = ServeWords {
    articles: "المقالات",
    claims: "الادعاءات",
    measures: "المقاييس",
    sources: "المصادر",
    read_only: "للقراءة فقط: لا يمكن تغيير شيء",
    back: "رجوع",
    previous: "السابق",
    next: "التالي",
    page: "صفحة",
    search: "بحث",
    language: "اللغة",
    any: "الكل",
    outlet: "الناشر",
    apply: "اعرض",
    no_articles: "لا مقالات مطابقة.",
    title: "العنوان",
    suggestions: "ادعاءات مقترحة",
    rejected_count: "مرفوضة سابقًا",
    keys_help: "المفاتيح: j / k التالي والسابق، a قبول، e تعديل، r رفض، Esc للخروج من الحقل.",
    default_measure: "المقياس للأرقام",
    no_suggestions: "لا ادعاءات مقترحة في هذا المقال.",
    counted: "المعدود",
    confidence: "الثقة",
    recorded: "مسجَّل: ادعاء من هذا المقال يقتبس هذه الكلمات.",
    quote: "الاقتباس",
    measure: "المقياس",
    attribute_to: "نسبة إلى",
    new_source: "مصدر جديد غير مقيَّم:",
    kind: "النوع",
    known_source: "مصدر في الدفتر (اسم أو اسم آخر):",
    keep_alias: "احفظ صياغة المقال اسمًا آخر له",
    accept: "قبول",
    reason: "السبب (اختياري)",
    reject: "رفض",
    no_claims: "لا ادعاءات مطابقة.",
    rating: "التقييم",
    text: "النص",
    no_figures: "لا أرقام.",
    interval: "المجال",
    links: "الروابط",
    no_links: "لا روابط بادعاءات أخرى.",
    this_claim: "هذا الادعاء",
    add_link: "اربط",
    edit: "تعديل",
    add_tag: "أضف وسمًا",
    save: "احفظ",
    no_measures: "لا مقاييس بعد.",
    label: "الوصف",
    status: "الإدراج",
    save_heading: "احفظ هذا التوفيق",
    name: "الاسم",
    aliases: "أسماء أخرى",
    affiliation: "الانتماء",
    no_aliases: "لا أسماء أخرى.",
    remove: "احذف",
    new_alias: "اسم آخر",
    add: "أضف",
    rating_history: "سجل التقييم",
    never_rated: "لم يُقيَّم قط.",
    from: "من",
    to: "إلى",
    why: "السبب",
    rate: "قيِّم",
    all_claims: "كل ادعاءاته",
    matched_name: "مصدر في الدفتر",
    unmatched: "ليس في الدفتر",
    outlet_own: "لا مصدر مسمّى",
    not_found: "غير موجود",
    cannot: "لم يُنفَّذ",
    no_sources: "لا مصادر مطابقة.",
    incident: "الحادثة",
    filter_labels: &[
        ("article", "المقال"),
        ("source", "المصدر"),
        ("min-reliability", "أدنى موثوقية"),
        ("max-credibility", "أعلى درجة مصداقية"),
        ("tag", "الوسم"),
        ("place", "المكان"),
        ("since", "منذ"),
        ("until", "حتى"),
        ("measure", "المقياس"),
        ("as-of", "كما في"),
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::{reconcile, Excluded, FigureIn, Links, Request, Update};

    #[test]
    fn reasons_are_read_by_their_pattern_and_translated_inside_out() {
        let ar = words(Lang::Ar);
        assert_eq!(ar.reason("same voice as #6, which it repeats"), "الصوت نفسه مثل #6 الذي ينقله");
        assert_eq!(ar.reason("superseded by #9 via the update of #4"), "حلّ محله #9 عبر تحديث #4");
        assert_eq!(
            ar.reason("included by --include-all (all sources rated E (unreliable))"),
            "أُدخل بالخيار --include-all (كل مصادره مصنفة E (غير موثوقة))"
        );
        assert_eq!(ar.reason("left out by --tag defections"), "استبعده عامل التصفية --tag defections");
        // Unknown: shown as it is, never mangled; English pages are never touched.
        assert_eq!(ar.reason("a reason nobody wrote yet"), "a reason nobody wrote yet");
        assert_eq!(words(Lang::En).reason("voice 2"), "voice 2");
        assert_eq!(fill("voice {}", "voice"), None);
        assert_eq!(fill("a {} b {}", "a 1 b 2"), Some(vec!["1", "2"]));
        assert_eq!(fill("plain", "plain"), Some(vec![]));
        assert_eq!(fill("plain", "plainer"), None);
    }

    /// Every reason `reconcile` gives today, from figures that meet each rule.
    #[test]
    fn every_reason_the_reconciliation_gives_has_its_arabic() {
        let fig =
            |id: i64, voice: u64, excluded: Option<Excluded>, published: &str, repeats: Vec<i64>| FigureIn {
                figure_id: id,
                claim_id: id,
                low: 10 * id,
                high: Some(10 * id),
                point: 10 * id,
                provisional: false,
                weight: 0.5,
                excluded,
                voice_keys: vec![voice],
                published: Some(published.into()),
                repeats,
                ..FigureIn::default()
            };
        let figs = vec![
            fig(1, 1, None, "2014-12-01", vec![]),
            fig(2, 1, None, "2014-12-02", vec![]),
            fig(3, 2, Some(Excluded::Improbable), "2014-12-01", vec![]),
            fig(4, 3, Some(Excluded::Unreliable), "2014-12-01", vec![]),
            fig(5, 4, Some(Excluded::Filtered("--tag سوق".into())), "2014-12-01", vec![]),
            fig(6, 5, Some(Excluded::NotYet("2014-12-03".into())), "2014-12-09", vec![]),
            fig(7, 6, None, "2014-12-01", vec![]),
            fig(8, 6, None, "2014-12-05", vec![7]),
            fig(9, 7, None, "2014-12-01", vec![]),
            fig(10, 7, None, "2014-12-01", vec![9]),
            fig(11, 8, None, "2014-12-01", vec![]),
            fig(12, 8, None, "2014-12-01", vec![]),
            fig(13, 9, None, "2014-12-01", vec![]),
            fig(14, 10, None, "2014-12-02", vec![13]),
            fig(15, 11, None, "2014-12-03", vec![14]),
            // A floor that #15, two days later, passes; windows outside the one asked for.
            FigureIn {
                low: 5,
                high: None,
                point: 5,
                lower_bound: true,
                ..fig(16, 12, None, "2014-12-01", vec![])
            },
            fig(
                17,
                13,
                Some(Excluded::OtherWindow(
                    Some("2014-11-01..2014-11-07".into()),
                    "2014-12-01..2014-12-05".into(),
                )),
                "2014-12-01",
                vec![],
            ),
            fig(
                18,
                14,
                Some(Excluded::OtherWindow(None, "2014-12-01..2014-12-05".into())),
                "2014-12-01",
                vec![],
            ),
        ];
        let updates = [Update { by: 15, of: 14 }, Update { by: 2, of: 1 }];
        let mut reasons = Vec::new();
        for include_all in [false, true] {
            let req = Request { include_all, ..Request::default() };
            reasons.extend(reconcile(&figs, &Links::of(&updates), &req).items.into_iter().map(|i| i.reason));
        }
        reasons.retain(|r| !r.is_empty());
        assert!(reasons.len() >= 10, "{reasons:?}");
        for new_rule in
            ["relay differs: 80 vs 70", "overtaken by #15", "its window 2014-11-01", "no --when places"]
        {
            assert!(reasons.iter().any(|r| r.contains(new_rule)), "{new_rule} in {reasons:?}");
        }
        let ar = words(Lang::Ar);
        for r in &reasons {
            let shown = ar.reason(r);
            // Flags stay flags and grades letters; no English word is left.
            let english = shown.split(|c: char| c.is_whitespace() || "();،".contains(c)).find(|w| {
                w.chars().any(|c| c.is_ascii_alphabetic())
                    && !w.starts_with("--")
                    && !matches!(*w, "A" | "B" | "C" | "D" | "E" | "F")
            });
            assert_eq!(english, None, "{r} -> {shown}");
        }
    }
}
