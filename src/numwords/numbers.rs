//! Numbers as written: digits (with a scale word: `3 آلاف`, `2 million`), English number words
//! and Arabic number words, all with checked arithmetic below `MAX`. Each reader takes an
//! exact run of tokens and says whether the whole run is one number, so that the callers can
//! try shorter runs where a word is shared (`بين خمسة وعشرين`, `between one hundred and fifty`).

use super::tokens::{clitic_forms, TokKind, Token, MAX};

/// A number found at a position: its value, the token after it, the clitic set aside from its
/// first word, and whether it was written in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NumRead {
    pub value: i64,
    pub end: usize,
    pub clitic: usize,
    pub words: bool,
}

const EN_SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn en_small(w: &str) -> Option<i64> {
    EN_SMALL.iter().position(|u| *u == w).map(|i| i as i64)
}
fn en_tens(w: &str) -> Option<i64> {
    EN_TENS.iter().position(|t| *t == w).map(|i| (i as i64 + 2) * 10)
}
fn en_scale(w: &str) -> Option<i64> {
    match w {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        "trillion" => Some(1_000_000_000_000),
        _ => None,
    }
}

/// Can this (normalised) token be part of an English number?
fn en_vocab(t: &Token) -> bool {
    match t.kind {
        TokKind::Word => {
            let w = t.norm.as_str();
            en_small(w).is_some()
                || en_tens(w).is_some()
                || en_scale(w).is_some()
                || matches!(w, "hundred" | "dozen" | "and" | "a" | "an")
        }
        TokKind::Sym => t.norm == "-" || t.norm == ",",
        _ => false,
    }
}

/// 1..99: `seven`, `nineteen`, `forty`, `forty-five`, `forty five`.
fn en_rest(w: &[&str], i: usize) -> Option<(i64, usize)> {
    let first = *w.get(i)?;
    if let Some(v) = en_small(first).filter(|v| *v > 0) {
        return Some((v, i + 1));
    }
    let t = en_tens(first)?;
    let unit = |j: usize| w.get(j).and_then(|x| en_small(x)).filter(|u| (1..10).contains(u));
    if w.get(i + 1) == Some(&"-") {
        return unit(i + 2).map(|u| (t + u, i + 3));
    }
    match unit(i + 1) {
        Some(u) => Some((t + u, i + 2)),
        None => Some((t, i + 1)),
    }
}

/// 1..999 (or a dozen-count): `a hundred and five`, `twelve hundred`, `two dozen`, `forty-five`.
fn en_group(w: &[&str], i: usize) -> Option<(i64, usize)> {
    let first = *w.get(i)?;
    let next = w.get(i + 1).copied();
    let (count, j) = if matches!(first, "a" | "an") {
        match next {
            Some("hundred") | Some("dozen") => (1, i + 1),
            Some(s) if en_scale(s).is_some() => return Some((1, i + 1)),
            _ => return None,
        }
    } else {
        en_rest(w, i)?
    };
    match w.get(j).copied() {
        Some("hundred") => {
            let v = count.checked_mul(100)?;
            let k = j + 1;
            let after_and = if w.get(k) == Some(&"and") { k + 1 } else { k };
            match en_rest(w, after_and) {
                Some((r, e)) => Some((v + r, e)),
                None => Some((v, k)),
            }
        }
        Some("dozen") if count < 100 => Some((count * 12, j + 1)),
        _ if matches!(first, "a" | "an") => None,
        _ => Some((count, j)),
    }
}

/// English number words over exactly `w`: `two hundred and forty-five thousand six hundred and
/// one`. Scales fall strictly (a thousand thousand is refused), so no value passes `MAX`.
pub(crate) fn en_number(w: &[&str]) -> Option<i64> {
    if w == ["zero"] {
        return Some(0);
    }
    let (mut total, mut last, mut i) = (0i64, i64::MAX, 0usize);
    loop {
        let (g, j) = en_group(w, i)?;
        match w.get(j).and_then(|s| en_scale(s)) {
            Some(s) if s < last => {
                total = total.checked_add(g.checked_mul(s)?)?;
                last = s;
                i = j + 1;
                if i == w.len() {
                    break;
                }
                if matches!(w[i], "and" | ",") {
                    i += 1;
                }
                if i >= w.len() {
                    return None;
                }
            }
            Some(_) => return None,
            None => {
                if j != w.len() || g >= last.min(1000) && last != i64::MAX {
                    return None;
                }
                total = total.checked_add(g)?;
                break;
            }
        }
    }
    (total <= MAX).then_some(total)
}

/// What an Arabic number word is (normalised: ا for أ إ آ, ه for ة, ي for ى).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ar {
    /// 1..10
    Unit(i64),
    /// أحد/إحدى (1) and اثنا/اثني/اثنتا/اثنتي (2): only before عشر/عشرة, or 21 and the like.
    TeenHead(i64),
    /// 20..90
    Tens(i64),
    /// 100 (مئة) alone or after a unit (ثلاث مئة); the joined forms and the dual are `Hundreds`.
    HundredWord,
    Hundreds(i64),
    Scale(i64, Form),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// ألف, مليون: one of them, or after 11..999.
    Single,
    /// ألفاً / ألفا: after 11..999; alone it is a thousand only with its tanween written.
    SingleAcc,
    /// ألفان, ألفين, ألفا (construct), ألفي: two of them.
    Dual,
    /// آلاف, ملايين: after 3..10; alone it is the vague word (thousands).
    Plural,
}

const AR_UNITS: &[(&str, i64)] = &[
    ("واحد", 1),
    ("واحده", 1),
    ("واحدا", 1),
    ("اثنان", 2),
    ("اثنين", 2),
    ("اثنتان", 2),
    ("اثنتين", 2),
    ("ثنتان", 2),
    ("ثنتين", 2),
    ("ثلاث", 3),
    ("ثلاثه", 3),
    ("اربع", 4),
    ("اربعه", 4),
    ("خمس", 5),
    ("خمسه", 5),
    ("ست", 6),
    ("سته", 6),
    ("سبع", 7),
    ("سبعه", 7),
    ("ثمان", 8),
    ("ثماني", 8),
    ("ثمانيه", 8),
    ("تسع", 9),
    ("تسعه", 9),
    ("عشر", 10),
    ("عشره", 10),
];
const AR_TENS: &[(&str, i64)] = &[
    ("عشر", 20),
    ("ثلاث", 30),
    ("اربع", 40),
    ("خمس", 50),
    ("ست", 60),
    ("سبع", 70),
    ("ثمان", 80),
    ("تسع", 90),
];
const AR_HUNDRED_UNITS: &[(&str, i64)] =
    &[("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9)];

/// One Arabic scale word in its forms: (value, singular, singular accusative, duals, plurals).
type ArScale = (i64, &'static str, &'static str, &'static [&'static str], &'static [&'static str]);

const AR_SCALES: &[ArScale] = &[
    (1_000, "الف", "الفا", &["الفان", "الفين", "الفي"], &["الاف", "الوف"]),
    (1_000_000, "مليون", "مليونا", &["مليونان", "مليونين", "مليوني"], &["ملايين"]),
    (1_000_000_000, "مليار", "مليارا", &["ملياران", "مليارين", "ملياري"], &["مليارات"]),
    (1_000_000_000, "بليون", "بليونا", &["بليونان", "بليونين", "بليوني"], &["بلايين"]),
    (1_000_000_000_000, "تريليون", "تريليونا", &["تريليونان", "تريليونين"], &["تريليونات"]),
    (1_000_000_000_000, "ترليون", "ترليونا", &["ترليونان", "ترليونين"], &["ترليونات"]),
];

fn ar_class(w: &str) -> Option<Ar> {
    ar_words().get(w).copied()
}

/// Every Arabic number word with what it is: `ar_class` is one lookup, not a pass over the tables
/// (it is asked of nearly every Arabic word of a text).
fn ar_words() -> &'static rustc_hash::FxHashMap<String, Ar> {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashMap<String, Ar>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        ar_candidates().into_iter().filter_map(|w| ar_class_scan(&w).map(|c| (w, c))).collect()
    })
}

/// Every word `ar_class_scan` can read: the words of its tables, literal and built.
fn ar_candidates() -> Vec<String> {
    let mut words: Vec<String> = AR_UNITS.iter().map(|(w, _)| w.to_string()).collect();
    let literal = ["احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي", "مئه", "مائه", "ميه"];
    words.extend(literal.iter().map(|w| w.to_string()));
    words.extend(["مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"].map(String::from));
    for (_, single, acc, dual, plural) in AR_SCALES {
        words
            .extend([single, acc].into_iter().chain(dual.iter()).chain(plural.iter()).map(|w| w.to_string()));
    }
    for (stem, _) in AR_TENS {
        words.extend(["ون", "ين"].map(|s| format!("{stem}{s}")));
    }
    for (stem, _) in AR_HUNDRED_UNITS {
        words.extend(["مئه", "مائه"].map(|h| format!("{stem}{h}")));
    }
    words
}

/// `ar_class` by a pass over the tables, in their order of precedence.
fn ar_class_scan(w: &str) -> Option<Ar> {
    if let Some((_, v)) = AR_UNITS.iter().find(|(x, _)| *x == w) {
        return Some(Ar::Unit(*v));
    }
    match w {
        "احد" | "احدي" => return Some(Ar::TeenHead(1)),
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => return Some(Ar::TeenHead(2)),
        "مئه" | "مائه" | "ميه" => return Some(Ar::HundredWord),
        "مئتان" | "مئتين" | "مئتا" | "مئتي" | "مائتان" | "مائتين" | "مائتا" | "مائتي" => {
            return Some(Ar::Hundreds(200))
        }
        _ => {}
    }
    for (v, single, acc, dual, plural) in AR_SCALES {
        if w == *single {
            return Some(Ar::Scale(*v, Form::Single));
        }
        if w == *acc {
            return Some(Ar::Scale(*v, Form::SingleAcc));
        }
        if dual.contains(&w) {
            return Some(Ar::Scale(*v, Form::Dual));
        }
        if plural.contains(&w) {
            return Some(Ar::Scale(*v, Form::Plural));
        }
    }
    for (stem, v) in AR_TENS {
        if let Some(suffix) = w.strip_prefix(stem) {
            if suffix == "ون" || suffix == "ين" {
                return Some(Ar::Tens(*v));
            }
        }
    }
    for (stem, v) in AR_HUNDRED_UNITS {
        if let Some(h) = w.strip_prefix(stem) {
            if h == "مئه" || h == "مائه" {
                return Some(Ar::Hundreds(v * 100));
            }
        }
    }
    None
}

/// One word of an Arabic number, with the و that joins it to the word before.
#[derive(Debug, Clone, Copy)]
struct ArItem {
    class: Ar,
    waw: bool,
    tanween: bool,
}

/// Is this token part of an Arabic number (alone or after و)?
fn ar_vocab(t: &Token) -> bool {
    t.is_word() && (t.norm == "و" || ar_class(&t.norm).is_some() || ar_class_waw(&t.norm).is_some())
}

fn ar_class_waw(w: &str) -> Option<Ar> {
    w.strip_prefix('و').and_then(ar_class)
}

fn ar_items(toks: &[Token], first: &str) -> Option<Vec<ArItem>> {
    let mut items = Vec::with_capacity(toks.len());
    let mut pending_waw = false;
    for (k, t) in toks.iter().enumerate() {
        let w = if k == 0 { first } else { t.norm.as_str() };
        if !t.is_word() {
            return None;
        }
        if w == "و" {
            if pending_waw || k == 0 {
                return None;
            }
            pending_waw = true;
            continue;
        }
        // Inside a number, وأحد is و + أحد (ومئتان وأحد عشر), not the word واحد.
        let waw_first = k > 0 && matches!(w, "واحد" | "واحدي" | "واحده") && !pending_waw;
        let (class, waw) = match ar_class(w) {
            _ if waw_first => (ar_class_waw(w)?, true),
            Some(c) => (c, false),
            None if k > 0 => (ar_class_waw(w)?, true),
            None => return None,
        };
        if waw && pending_waw {
            return None;
        }
        items.push(ArItem { class, waw: waw || pending_waw, tanween: t.tanween });
        pending_waw = false;
    }
    (!pending_waw && !items.is_empty()).then_some(items)
}

/// 1..99 at `i`: a unit, a teen (ثلاثة عشر، اثنا عشر), tens, or unit و tens (خمسة وعشرون).
fn ar_rest(items: &[ArItem], i: usize) -> Option<(i64, usize)> {
    let next = items.get(i + 1);
    let u = match items.get(i)?.class {
        Ar::Tens(t) => return Some((t, i + 1)),
        Ar::Unit(u) | Ar::TeenHead(u) => u,
        _ => return None,
    };
    let head = matches!(items[i].class, Ar::TeenHead(_));
    match next {
        Some(n) if !n.waw && n.class == Ar::Unit(10) && u < 10 => Some((10 + u, i + 2)),
        Some(n) if n.waw && u < 10 && matches!(n.class, Ar::Tens(_)) && !(head && u == 2) => {
            let Ar::Tens(t) = n.class else { return None };
            Some((t + u, i + 2))
        }
        // اثنا alone is not a number; أحد alone is one (مئة وأحد).
        _ if head && u == 2 => None,
        _ => Some((u, i + 1)),
    }
}

/// 1..999 at `i`: hundreds (مئة، مئتان، ثلاثمئة، ثلاث مئة) then و and 1..99, or 1..99.
fn ar_group(items: &[ArItem], i: usize) -> Option<(i64, usize)> {
    let (h, j) = match items.get(i)?.class {
        Ar::Hundreds(h) => (h, i + 1),
        Ar::HundredWord => (100, i + 1),
        Ar::Unit(u) if (3..=9).contains(&u) => match items.get(i + 1) {
            Some(n) if !n.waw && n.class == Ar::HundredWord => (u * 100, i + 2),
            _ => return ar_rest(items, i),
        },
        _ => return ar_rest(items, i),
    };
    match items.get(j) {
        Some(n) if n.waw => match ar_rest(items, j) {
            Some((r, e)) => Some((h + r, e)),
            None => Some((h, j)),
        },
        _ => Some((h, j)),
    }
}

/// Arabic number words over exactly `toks` (the first word's clitic already set aside in
/// `first`): up to 999,999 and beyond with مليون، مليار; parts joined by و, scales falling.
fn ar_number(toks: &[Token], first: &str) -> Option<i64> {
    let items = ar_items(toks, first)?;
    let (mut total, mut last, mut i) = (0i64, i64::MAX, 0usize);
    while i < items.len() {
        if items[i].waw != (i > 0) {
            return None;
        }
        let (value, scale, next) = match items[i].class {
            Ar::Scale(s, form) => {
                let n = match form {
                    Form::Single => 1,
                    Form::Dual => 2,
                    // ألفاً alone is a thousand; ألفا alone may be two thousand (ألفا مقاتل).
                    Form::SingleAcc if items[i].tanween => 1,
                    _ => return None,
                };
                (n, s, i + 1)
            }
            _ => {
                let (g, j) = ar_group(&items, i)?;
                match items.get(j) {
                    Some(n) if !n.waw => match n.class {
                        Ar::Scale(s, Form::Single | Form::SingleAcc) if g >= 3 => (g, s, j + 1),
                        Ar::Scale(s, Form::Plural) if (3..=10).contains(&g) => (g, s, j + 1),
                        _ => return None,
                    },
                    _ => (g, 1, j),
                }
            }
        };
        if scale >= last {
            return None;
        }
        total = total.checked_add(value.checked_mul(scale)?)?;
        last = scale;
        i = next;
    }
    (total <= MAX).then_some(total)
}

/// A scale word after digits: `3 آلاف`, `10 آلاف`, `2 million`, `100 ألف`.
fn scale_after_digits(t: &Token) -> Option<i64> {
    if !t.is_word() {
        return None;
    }
    if let Some(s) = en_scale(&t.norm) {
        return Some(s);
    }
    match ar_class(&t.norm) {
        Some(Ar::Scale(s, Form::Single | Form::SingleAcc | Form::Plural)) => Some(s),
        _ => None,
    }
}

/// The first number of a range that shares the second's scale word: `بين 20 و25 ألف`, `20 to 25
/// thousand`, `from two to three million` read 20,000..25,000 and 2..3 million. Only a first
/// number without a scale of its own that the scale keeps under the second (`between 500 and 2
/// thousand` stays 500..2,000), and only when the second ends on its scale word.
pub(crate) fn share_scale(toks: &[Token], first: &NumRead, first_at: usize, second: &NumRead) -> i64 {
    let plain = first.end == first_at + 1
        || toks[first_at..first.end].iter().all(|t| scale_after_digits(t).is_none());
    let Some(scale) = second.end.checked_sub(1).and_then(|k| toks.get(k)).and_then(scale_after_digits) else {
        return first.value;
    };
    match first.value.checked_mul(scale) {
        Some(x) if plain && first.value > 0 && first.value < scale && x <= second.value => x,
        _ => first.value,
    }
}

/// Half of a dozen or of a scale: `half a dozen` (6), `half a million` (500,000), `نصف مليون`,
/// `ونصف مليار` (a clitic و set aside).
fn half_of(toks: &[Token], i: usize) -> Option<NumRead> {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.norm.as_str());
    let whole = |w: &str| match w {
        "dozen" => Some(12),
        "thousand" | "الف" => Some(1_000),
        "million" | "مليون" => Some(1_000_000),
        "billion" | "مليار" => Some(1_000_000_000),
        _ => None,
    };
    let (clitic, end, of) = match word(i)? {
        "half" if matches!(word(i + 1), Some("a" | "an")) => (0, i + 3, word(i + 2)?),
        "نصف" => (0, i + 2, word(i + 1)?),
        "ونصف" => (1, i + 2, word(i + 1)?),
        _ => return None,
    };
    let same_script = of.is_ascii() == toks[i].norm.is_ascii();
    let value = whole(of).filter(|_| same_script)? / 2;
    Some(NumRead { value, end, clitic, words: true })
}

/// Is this token a number word itself (not a joining word such as "and" or "a")?
pub(crate) fn is_number_word(t: &Token) -> bool {
    t.is_word()
        && clitic_forms(&t.norm).iter().any(|(c, _, w)| {
            ar_class(w).is_some()
                || (*c == 0 && (en_small(w).is_some() || en_tens(w).is_some() || en_scale(w).is_some()))
                || (*c == 0 && matches!(*w, "hundred" | "dozen"))
        })
}

/// Is this token a word that may start or continue a number (for bounding runs)?
pub(crate) fn number_vocab(t: &Token) -> bool {
    en_vocab(t) || ar_vocab(t)
}

/// Could a number start at this token (with a clitic set aside)?
pub(crate) fn may_start_number(t: &Token) -> bool {
    match t.kind {
        TokKind::Num => true,
        TokKind::Word => clitic_forms(&t.norm).iter().any(|(_, _, w)| {
            ar_class(w).is_some()
                || en_small(w).is_some()
                || en_tens(w).is_some()
                || matches!(*w, "a" | "an" | "half" | "نصف")
        }),
        _ => false,
    }
}

/// Every number that starts at `i`, longest first. Digits take a scale word after them;
/// words are read in English or Arabic, the first word's clitic (و ب ل ك ف ال) set aside.
pub(crate) fn numbers_at(toks: &[Token], i: usize) -> Vec<NumRead> {
    let Some(t) = toks.get(i) else { return Vec::new() };
    match t.kind {
        TokKind::Num => {
            let Some(v) = t.value() else { return Vec::new() };
            let mut out = Vec::new();
            if let Some(s) = toks.get(i + 1).and_then(scale_after_digits) {
                if let Some(x) = v.checked_mul(s).filter(|x| *x <= MAX) {
                    out.push(NumRead { value: x, end: i + 2, clitic: 0, words: true });
                }
            }
            out.push(NumRead { value: v, end: i + 1, clitic: 0, words: false });
            with_tail(toks, out)
        }
        TokKind::Decimal => {
            // 1.5 million, 2.5 مليون: a count only when the product is whole.
            let Some(s) = toks.get(i + 1).and_then(scale_after_digits) else { return Vec::new() };
            let Some((int, frac)) = t.norm.split_once('.') else { return Vec::new() };
            let (Ok(a), Ok(b)) = (int.parse::<i64>(), frac.parse::<i64>()) else { return Vec::new() };
            let den = 10i64.checked_pow(frac.len() as u32).unwrap_or(i64::MAX);
            let whole = a.checked_mul(s).and_then(|x| x.checked_add(b.checked_mul(s)? / den));
            match whole {
                Some(x) if x <= MAX && b.checked_mul(s).map(|y| y % den == 0).unwrap_or(false) => {
                    vec![NumRead { value: x, end: i + 2, clitic: 0, words: true }]
                }
                _ => Vec::new(),
            }
        }
        TokKind::Word if ordinal_teen(toks, i) => Vec::new(),
        TokKind::Word => with_tail(toks, words_at(toks, i)),
        TokKind::Sym => Vec::new(),
    }
}

/// The ordinal units before عشر/عشرة (normalised): `الحادية عشرة` (the eleventh: the hour),
/// `الفرقة الرابعة عشرة` (the 14th Division) are ordinals, and their عشرة is no count.
const ORDINAL_UNITS: &[&str] = &[
    "الحادي",
    "الحاديه",
    "حادي",
    "حاديه",
    "الثاني",
    "الثانيه",
    "ثاني",
    "ثانيه",
    "الثالث",
    "الثالثه",
    "ثالث",
    "ثالثه",
    "الرابع",
    "الرابعه",
    "رابع",
    "رابعه",
    "الخامس",
    "الخامسه",
    "خامس",
    "خامسه",
    "السادس",
    "السادسه",
    "سادس",
    "سادسه",
    "السابع",
    "السابعه",
    "سابع",
    "سابعه",
    "الثامن",
    "الثامنه",
    "ثامن",
    "ثامنه",
    "التاسع",
    "التاسعه",
    "تاسع",
    "تاسعه",
];

/// Is the word at `i` the عشر/عشرة of an ordinal (`الحادية عشرة`)?
fn ordinal_teen(toks: &[Token], i: usize) -> bool {
    matches!(toks[i].norm.as_str(), "عشر" | "عشره")
        && i > 0
        && toks[i - 1].is_word()
        && ORDINAL_UNITS.contains(&toks[i - 1].norm.as_str())
}

/// The largest scale (thousand, million, billion) that a round number is a whole multiple of.
fn round_scale(v: i64) -> Option<i64> {
    [1_000_000_000, 1_000_000, 1_000].into_iter().find(|s| v >= *s && v % s == 0)
}

/// A round number that ends on a scale word, continued after و by a smaller part: digits
/// (`ألفين و350`, `ألف و200`), digits with a smaller scale word (`مليون و200 ألف`, `2 مليون و500
/// ألف`), or a half (`مليون ونصف`, `ثلاثة آلاف ونصف`: half of the scale). The longer reading is
/// put first; the shorter stays for callers that need it.
fn with_tail(toks: &[Token], mut out: Vec<NumRead>) -> Vec<NumRead> {
    let Some(r) = out.first().filter(|r| r.words) else { return out };
    let Some(scale) = round_scale(r.value) else { return out };
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.norm.as_str());
    let read = |value: i64, end: usize| NumRead { value, end, clitic: r.clitic, words: true };
    let tail = match (word(r.end), toks.get(r.end + 1)) {
        (Some("ونصف"), _) => Some(read(r.value + scale / 2, r.end + 1)),
        (Some("و"), Some(t)) if t.kind == TokKind::Num && !t.space_before => {
            let v = t.value().unwrap_or(i64::MAX);
            let lower = toks.get(r.end + 2).and_then(scale_after_digits).filter(|s| *s < scale);
            match lower {
                Some(s) => v.checked_mul(s).filter(|x| *x < scale).map(|x| read(r.value + x, r.end + 3)),
                None if v < 1_000 && toks.get(r.end + 2).is_none_or(|t| t.kind != TokKind::Num) => {
                    (scale == 1_000).then(|| read(r.value + v, r.end + 2))
                }
                None => None,
            }
        }
        _ => None,
    };
    if let Some(t) = tail {
        out.insert(0, t);
    }
    out
}

/// Words that look like a number word with a clitic but are something else: the weekdays
/// Sunday and Monday (الأحد، الاثنين), an amount (كمية: ك + مية), `لست` (I am not).
fn not_a_number_word(clitic: &str, rest: &str) -> bool {
    (clitic.ends_with("ال") && matches!(rest, "اثنين" | "احد" | "اثنان"))
        || (clitic.contains('ك') && matches!(rest, "ميه" | "مئه" | "مائه"))
        || (clitic.ends_with('ل') && rest == "ست")
}

fn words_at(toks: &[Token], i: usize) -> Vec<NumRead> {
    if toks[i].norm == "صفر" {
        return vec![NumRead { value: 0, end: i + 1, clitic: 0, words: true }];
    }
    if let Some(r) = half_of(toks, i) {
        return vec![r];
    }
    let mut out = Vec::new();
    for (clitic, cl, first) in clitic_forms(&toks[i].norm) {
        if not_a_number_word(cl, first) {
            // The whole word is something else: no shorter reading of it either.
            break;
        }
        let first_ok = ar_class(first).is_some()
            || (clitic == 0 && (en_vocab(&toks[i]) && !matches!(first, "and" | "-" | ",")));
        if !first_ok {
            continue;
        }
        // The run of number vocabulary bounds the search (at most 40 tokens).
        let mut run = i + 1;
        while run < toks.len() && run - i < 40 && number_vocab(&toks[run]) {
            run += 1;
        }
        for e in (i + 1..=run).rev() {
            let slice = &toks[i..e];
            let v = ar_number(slice, first).or_else(|| {
                if clitic > 0 {
                    return None;
                }
                let w: Vec<&str> = slice.iter().map(|t| t.norm.as_str()).collect();
                en_number(&w)
            });
            if let Some(value) = v {
                if !out.iter().any(|r: &NumRead| r.end == e) {
                    out.push(NumRead { value, end: e, clitic, words: true });
                }
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    // `أحد` alone is "one of" or "anyone" (أحد الحاجز، لم يتخطَّ أحد), never the count one
    // (written واحد); it counts only in a compound (أحد عشر).
    if out.iter().any(|r| r.end == i + 1)
        && clitic_forms(&toks[i].norm).iter().any(|(_, _, w)| matches!(*w, "احد" | "احدي"))
    {
        out.retain(|r| r.end > i + 1);
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.end));
    out
}

/// The longest number at `i`.
pub(crate) fn number_at(toks: &[Token], i: usize) -> Option<NumRead> {
    numbers_at(toks, i).into_iter().next()
}

/// A number written in words, read alone (for `--when` phrases: `past three days`).
pub(crate) fn words_value(toks: &[Token]) -> Option<i64> {
    let r = number_at(toks, 0)?;
    (r.end == toks.len()).then_some(r.value)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn read(s: &str) -> Option<i64> {
        let t = tokenize(s);
        number_at(&t, 0).filter(|r| r.end == t.len()).map(|r| r.value)
    }

    #[test]
    fn the_lookup_reads_every_word_as_the_tables_do() {
        let mut words = ar_candidates();
        // Near misses: a letter more or less, a clitic, a word the tables share a stem with.
        for w in ar_candidates() {
            let mut shorter = w.clone();
            shorter.pop();
            words.extend([format!("{w}ه"), format!("و{w}"), format!("ال{w}"), shorter]);
        }
        words.extend(
            ["عشرات", "ثلاثه", "اربعون", "ثمانيمئه", "خمسمئه", "ستون", "مئات", "x", ""].map(String::from),
        );
        for w in &words {
            assert_eq!(ar_class(w), ar_class_scan(w), "{w}");
        }
        assert!(ar_words().len() > 60, "{}", ar_words().len());
        assert_eq!(ar_class("تسعمئه"), Some(Ar::Hundreds(900)));
        assert_eq!(ar_class("الخميس"), None);
    }

    #[test]
    fn english_words() {
        assert_eq!(read("two hundred and forty-five thousand six hundred and one"), Some(245_601));
        assert_eq!(read("a thousand"), Some(1000));
        assert_eq!(read("twelve hundred"), Some(1200));
        assert_eq!(read("a dozen"), Some(12));
        assert_eq!(read("half a dozen"), Some(6));
        assert_eq!(read("half a million"), Some(500_000));
        assert_eq!(read("نصف مليون"), Some(500_000));
        assert_eq!(read("half"), None);
        assert_eq!(read("half a"), None);
        assert_eq!(read("نصف العائدين"), None);
        assert_eq!(read("half a مليون"), None);
        assert_eq!(read("two dozen"), Some(24));
        assert_eq!(read("nine hundred ninety-nine thousand nine hundred ninety-nine"), Some(999_999));
        assert_eq!(read("a thousand thousand"), None);
        assert_eq!(
            read("hundred hundred hundred hundred hundred hundred hundred hundred hundred hundred"),
            None
        );
        assert_eq!(read("five forty"), None);
    }

    #[test]
    fn arabic_words() {
        assert_eq!(read("خمسة وعشرون"), Some(25));
        assert_eq!(read("ثلاث وأربعين"), Some(43));
        assert_eq!(read("أحد عشر ألفاً"), Some(11_000));
        assert_eq!(read("ثلاثة آلاف"), Some(3000));
        assert_eq!(read("ثلاثمائة"), Some(300));
        assert_eq!(read("ثلاث مئة"), Some(300));
        assert_eq!(read("مئتا ألف"), Some(200_000));
        assert_eq!(read("تسعمئة وتسعة وتسعون ألفاً وتسعمئة وتسعة وتسعون"), Some(999_999));
        assert_eq!(read("اثنا عشر"), Some(12));
        assert_eq!(read("إحدى عشرة"), Some(11));
        assert_eq!(read("ألفان وخمسمئة"), Some(2500));
        assert_eq!(read("10 آلاف"), Some(10_000));
        assert_eq!(read("1.5 مليون"), Some(1_500_000));
        assert_eq!(read("ألفا"), None);
        assert_eq!(read("ألفاً"), Some(1000));
        assert_eq!(read("آلاف"), None);
        assert_eq!(read("مليون و200 ألف"), Some(1_200_000));
        assert_eq!(read("2 مليون و500 ألف"), Some(2_500_000));
        assert_eq!(read("مليون ونصف"), Some(1_500_000));
        assert_eq!(read("ثلاثة آلاف ونصف"), Some(3_500));
        assert_eq!(read("ألفين و350"), Some(2_350));
        // A smaller part must be smaller than the scale it follows, and digits alone follow only
        // thousands (`مليون و200` is a million and 200 of something else).
        assert_eq!(read("مليون و2000 ألف"), None);
        assert_eq!(read("مليون و200"), None);
        assert_eq!(read("خمسة ونصف"), None);
    }
}
