//! Which role a figure counts (the killed, the wounded, the missing ...), and which role a measure
//! counts: a measure of the killed is never offered `72 جريحاً`, `7 people missing` or `أصيب 40
//! شخصاً`. The role comes from the counted noun, else from the word just before the number or
//! just after the figure (`وأصيب 72`, `30 people were wounded`); a figure with neither keeps its
//! place. Tables as data, written as articles write the words and normalised once; docs/suggest.md
//! lists them.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::normalize;
use crate::numwords::tokens::{clitic_forms, tokenize, TokKind};

/// The roles of `measure add --role` that a figure's words can name.
pub const ROLES: &[&str] = &["killed", "injured", "missing", "displaced", "arrested", "defected"];

/// Words that name a role beside a number: nouns, adjectives and verbs, singular and plural, with
/// the accusative forms the press writes (`جريحاً`). The notation's outcome words are added.
pub(crate) const ROLE_WORDS: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "dead",
            "deaths",
            "died",
            "die",
            "fatalities",
            "bodies",
            "slain",
            "قتل",
            "قتلى",
            "قتيل",
            "قتيلا",
            "قتلوا",
            "قتلت",
            "مقتل",
            "لقوا",
            "لقي",
            "حتفهم",
            "شهيد",
            "شهيدا",
            "شهداء",
            "استشهد",
            "استشهاد",
            "استشهدوا",
            "وفاة",
            "وفيات",
            "توفي",
            "جثة",
            "جثث",
        ],
    ),
    (
        "injured",
        &[
            "wounded",
            "injured",
            "hurt",
            "injuries",
            "wounding",
            "injuring",
            "جريح",
            "جريحا",
            "جرحى",
            "جرح",
            "جرحوا",
            "مصاب",
            "مصابا",
            "مصابين",
            "مصابون",
            "إصابة",
            "إصابات",
            "أصيب",
            "أصيبوا",
            "أصيبت",
        ],
    ),
    (
        "missing",
        &["missing", "disappeared", "unaccounted", "مفقود", "مفقودا", "مفقودين", "مفقودون", "المفقودين"],
    ),
    (
        "displaced",
        &[
            "displaced",
            "fled",
            "uprooted",
            "refugees",
            "نازح",
            "نازحا",
            "نازحين",
            "نازحون",
            "نزح",
            "نزحوا",
            "نزحت",
            "نزوح",
            "مهجر",
            "مهجرين",
            "تهجير",
        ],
    ),
    (
        "arrested",
        &[
            "arrested",
            "detained",
            "detainees",
            "captured",
            "abducted",
            "kidnapped",
            "prisoners",
            "معتقل",
            "معتقلا",
            "معتقلين",
            "معتقلون",
            "اعتقال",
            "اعتقل",
            "اعتقلت",
            "اعتقلوا",
            "محتجز",
            "محتجزين",
            "احتجاز",
            "أسير",
            "أسرى",
            "مخطوف",
            "مختطف",
            "اختطاف",
            "موقوف",
            "موقوفين",
        ],
    ),
    (
        "defected",
        &[
            "defected",
            "defectors",
            "defector",
            "deserted",
            "منشق",
            "منشقا",
            "منشقين",
            "منشقون",
            "انشق",
            "انشقوا",
            "انشقاق",
        ],
    ),
];

/// Notation outcome names as measure roles.
fn as_role(outcome: &str) -> &'static str {
    match outcome {
        "wounded" => "injured",
        "detained" => "arrested",
        o => ROLES.iter().find(|r| **r == o).copied().unwrap_or("killed"),
    }
}

fn table() -> &'static HashMap<String, &'static str> {
    static T: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = HashMap::new();
        for (outcome, words) in crate::notation::OUTCOMES {
            for w in *words {
                t.insert(normalize(w), as_role(outcome));
            }
        }
        for (role, words) in ROLE_WORDS {
            for w in *words {
                t.insert(normalize(w), *role);
            }
        }
        t
    })
}

/// The role a normalised word names, with or without a leading clitic (`وأصيب`, `للجرحى`).
fn role_of_word(norm: &str) -> Option<&'static str> {
    let t = table();
    clitic_forms(norm).iter().find_map(|(_, _, w)| t.get(*w).copied())
}

/// The role a measure counts: its `--role` when it has one (other than `other`), else the first
/// role word of its unit, label or key (`killed in the market`, `جرحى القصف`, `injured.sahl`).
pub fn measure_role(key: &str, label: &str, unit: Option<&str>, role: Option<&str>) -> Option<&'static str> {
    if let Some(r) = role {
        return ROLES.iter().find(|x| **x == r).copied();
    }
    [unit.unwrap_or(""), label, key]
        .iter()
        .flat_map(|text| {
            normalize(text).split(|c: char| !c.is_alphanumeric()).map(str::to_string).collect::<Vec<_>>()
        })
        .find_map(|w| role_of_word(&w))
}

/// The role a figure at `start..end` of `text` counts: a role word in its counted noun, else the
/// word just before the number (`وأصيب 72 شخصاً`, `مقتل 12`), else one of the three words right
/// after it (`7 people were missing`, `7 أشخاص في عداد المفقودين`). The look stops at a
/// punctuation mark and, after the figure, at a conjunction (`قتل 12 شخصاً وأصيب 72`: the 12 are
/// killed). None when nothing names a role: the figure then stays with any measure of people.
pub fn figure_role(text: &str, start: usize, end: usize, noun: Option<&str>) -> Option<&'static str> {
    if let Some(r) = noun.and_then(|n| {
        tokenize(n).iter().filter(|t| t.kind == TokKind::Word).find_map(|t| role_of_word(&t.norm))
    }) {
        return Some(r);
    }
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let a = floor(start.saturating_sub(60));
    let b = floor((end + 80).min(text.len()));
    let before = tokenize(&text[a..start]);
    if let Some(t) = before.last() {
        if t.kind == TokKind::Word {
            if let Some(r) = role_of_word(&t.norm) {
                return Some(r);
            }
        }
    }
    for t in tokenize(&text[end..b]).iter().take(3) {
        if t.kind != TokKind::Word || matches!(t.norm.as_str(), "and" | "or" | "but" | "او" | "ثم") {
            return None;
        }
        if let Some(r) = table().get(t.norm.as_str()) {
            return Some(r);
        }
        // `وأصيب` right after a figure starts the next clause: it names the next figure's role.
        if t.norm.starts_with('و') {
            return None;
        }
        if let Some(r) = role_of_word(&t.norm) {
            return Some(r);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role_in(text: &str, figure: &str, noun: Option<&str>) -> Option<&'static str> {
        let start = text.find(figure).unwrap();
        figure_role(text, start, start + figure.len(), noun)
    }

    #[test]
    fn the_counted_noun_names_the_role() {
        assert_eq!(role_in("قال المرصد إن 72 جريحاً نقلوا", "72 جريحاً", Some("جريحاً")), Some("injured"));
        assert_eq!(role_in("أكثر من 60 جريحاً", "أكثر من 60 جريحاً", Some("جريحاً")), Some("injured"));
        assert_eq!(role_in("72 wounded were taken", "72 wounded", Some("wounded")), Some("injured"));
        assert_eq!(
            role_in("لا يزال 7 أشخاص مفقودين", "7 أشخاص مفقودين", Some("أشخاص مفقودين")),
            Some("missing")
        );
        assert_eq!(role_in("300 نازح", "300 نازح", Some("نازح")), Some("displaced"));
        assert_eq!(role_in("12 قتيلاً", "12 قتيلاً", Some("قتيلاً")), Some("killed"));
    }

    #[test]
    fn the_verb_beside_the_figure_names_the_role() {
        let ar = "قتل 12 شخصاً وأصيب 72 آخرون في القصف";
        assert_eq!(role_in(ar, "12 شخصاً", Some("شخصاً")), Some("killed"));
        assert_eq!(role_in(ar, "72", None), Some("injured"));
        assert_eq!(role_in("وأسفر القصف عن مقتل 5 وإصابة 20 آخرين", "20", None), Some("injured"));
        assert_eq!(role_in("7 أشخاص في عداد المفقودين", "7 أشخاص", Some("أشخاص")), Some("missing"));
        assert_eq!(
            role_in("Police said 30 people were arrested", "30 people", Some("people")),
            Some("arrested")
        );
        assert_eq!(role_in("7 people are still missing", "7 people", Some("people")), Some("missing"));
        assert_eq!(role_in("the strike killed 9 and wounded 40", "9", None), Some("killed"));
        assert_eq!(role_in("the strike killed 9 and wounded 40", "40", None), Some("injured"));
    }

    #[test]
    fn a_figure_without_a_role_word_has_none() {
        // Must NOT be read as a role: no role word beside the figure.
        assert_eq!(role_in("وصل 40 شخصاً إلى البلدة", "40 شخصاً", Some("شخصاً")), None);
        assert_eq!(
            role_in("about 200 people gathered in the square", "about 200 people", Some("people")),
            None
        );
        // The next clause's verb is not this figure's.
        assert_eq!(role_in("وصل 12 مدنياً وأصيب آخرون", "12 مدنياً", Some("مدنياً")), None);
        assert_eq!(role_in("وصل 12 مدنياً، وأصيب آخرون", "12 مدنياً", Some("مدنياً")), None);
    }

    #[test]
    fn measures_take_their_role_or_a_role_word() {
        assert_eq!(measure_role("qasr.killed", "x", None, Some("killed")), Some("killed"));
        assert_eq!(measure_role("x", "y", None, Some("other")), None);
        assert_eq!(measure_role("deaths.market", "killed in the market", None, None), Some("killed"));
        assert_eq!(measure_role("j", "جرحى القصف", None, None), Some("injured"));
        assert_eq!(measure_role("x", "المفقودون", None, None), Some("missing"));
        // Must NOT be read as a role: a label without one.
        assert_eq!(measure_role("homes", "homes destroyed", Some("houses"), None), None);
    }
}
