//! Finding figures in running text (for `claim suggest`): every hedged count in a paragraph,
//! with its wording as the article has it, skipping numbers that are not counts: years, dates,
//! times, ages and durations, unit and organisation numbers, phone numbers, ordinals,
//! percentages, money and measurements, and numbers inside names.

use super::read::{Part, Reader, VagueIndex};
use super::tables::provisional_index;
use super::{parse_indexed, Kind, Reading, VagueTable};
use crate::numwords::tokens::{clitic_forms, tokenize, TokKind, Token};

/// A figure found in a text: its byte span, the wording there, and how it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFigure {
    pub start: usize,
    pub end: usize,
    /// `text[start..end]`: `parse` reads it back to `reading`.
    pub wording: String,
    pub reading: Reading,
}

/// Words before a number that make it a name, not a count (Brigade 17, اللواء 17, Route 4).
const NAME_BEFORE: &[&str] = &[
    "brigade",
    "division",
    "battalion",
    "regiment",
    "unit",
    "squadron",
    "corps",
    "route",
    "highway",
    "road",
    "resolution",
    "article",
    "section",
    "chapter",
    "paragraph",
    "number",
    "no",
    "nos",
    "wing",
    "ward",
    "cell",
    "hall",
    "terminal",
    "pier",
    "exit",
    "flight",
    "camp",
    "sector",
    "zone",
    "district",
    "checkpoint",
    "gate",
    "building",
    "block",
    "street",
    "line",
    "page",
    "item",
    "phase",
    "stage",
    "round",
    "grade",
    "level",
    "room",
    "apartment",
    "channel",
    "platform",
    "tel",
    "phone",
    "fax",
    "hotline",
    "aged",
    "age",
    "year",
    "years",
    "lwa",
    "لواء",
    "فرقه",
    "فوج",
    "كتيبه",
    "سريه",
    "فيلق",
    "طريق",
    "قرار",
    "ماده",
    "بند",
    "رقم",
    "فرع",
    "جناح",
    "عنبر",
    "زنزانه",
    "مهجع",
    "منطقه",
    "قطاع",
    "حاجز",
    "بوابه",
    "شارع",
    "خط",
    "مبني",
    "جوله",
    "مرحله",
    "صفحه",
    "فقره",
    "دوره",
    "نقطه",
    "هاتف",
    "الهاتف",
    "عام",
    "سنه",
    "العمر",
    "عمره",
    "عمرها",
    "عمر",
    "الساعه",
    "ساعه",
    "حي",
    "مخيم",
    "محور",
];

/// Words after a number that make it a time, a duration or age, a share, money or a measure.
const UNIT_AFTER: &[&str] = &[
    "am",
    "pm",
    "gmt",
    "utc",
    "hrs",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "yr",
    "decades",
    "percent",
    "per",
    "pc",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "nautical",
    "metres",
    "meters",
    "m",
    "kg",
    "kilograms",
    "tons",
    "tonnes",
    "dollars",
    "euros",
    "pounds",
    "dinars",
    "riyals",
    "dirhams",
    "lira",
    "liras",
    "shekels",
    "francs",
    "rupees",
    "crowns",
    "kronor",
    "kroner",
    "pesos",
    "shillings",
    "naira",
    "rand",
    "yuan",
    "cents",
    "usd",
    "th",
    "st",
    "nd",
    "rd",
    "صباحا",
    "مساء",
    "ظهرا",
    "فجرا",
    "ليلا",
    "عصرا",
    "بتوقيت",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقائق",
    "يوم",
    "يوما",
    "ايام",
    "اسبوع",
    "اسابيع",
    "شهر",
    "شهرا",
    "اشهر",
    "شهور",
    "عام",
    "عاما",
    "اعوام",
    "سنه",
    "سنوات",
    "سنين",
    "بالمئه",
    "بالمائه",
    "كيلومتر",
    "كيلومترا",
    "كيلومترات",
    "ميلا",
    "اميال",
    "كلم",
    "كم",
    "متر",
    "مترا",
    "ميل",
    "كغ",
    "طن",
    "اطنان",
    "دولار",
    "دولارا",
    "يورو",
    "ليره",
    "دينار",
    "دينارا",
    "دنانير",
    "ريال",
    "ريالا",
    "ريالات",
    "جنيه",
    "جنيها",
    "جنيهات",
    "درهم",
    "درهما",
    "دراهم",
    "دولارات",
    "ليرات",
    "شيكل",
    "عمره",
    "عمرها",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يونيه",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "جانفي",
    "فيفري",
    "افريل",
    "ماي",
    "جوان",
    "جويليه",
    "اوت",
];

const YEAR_BEFORE: &[&str] = &[
    "in",
    "since",
    "of",
    "until",
    "by",
    "عام",
    "العام",
    "سنه",
    "منذ",
    "حتي",
    "خلال",
    "winter",
    "summer",
    "spring",
    "autumn",
    "fall",
    "شتاء",
    "صيف",
    "ربيع",
    "خريف",
];

/// Singular person nouns counted by "one" in prose ("one soldier was killed"); "one of the",
/// "one day", "one side" stay no count.
const ONE_PERSON: &[&str] = &[
    "person",
    "man",
    "woman",
    "child",
    "boy",
    "girl",
    "soldier",
    "civilian",
    "officer",
    "policeman",
    "fighter",
    "militant",
    "gunman",
    "journalist",
    "doctor",
    "nurse",
    "paramedic",
    "medic",
    "worker",
    "detainee",
    "prisoner",
    "inmate",
    "migrant",
    "refugee",
    "protester",
    "demonstrator",
    "guard",
    "resident",
    "student",
    "teacher",
    "farmer",
    "driver",
    "passenger",
    "volunteer",
    "suspect",
    "defendant",
    "infant",
    "baby",
    "teenager",
    "shepherd",
    "fisherman",
];

/// Words before a number that make it a share (`بنسبة 18`, `نسبتها 45`).
const SHARE_BEFORE: &[&str] = &["نسبه", "نسبته", "نسبتها", "نسبتهم", "بنسبه"];

/// Finds every hedged count in a text (Arabic or English prose), in order of position.
pub fn find_figures(text: &str, vague: &VagueTable) -> Vec<FoundFigure> {
    let toks = tokenize(text);
    let dates = crate::dates::find_when_in(&toks);
    find_figures_in(text, &toks, &VagueIndex::new(vague), &dates)
}

/// Does a new paragraph (a blank line) or a list item (a line opening with a dash or a bullet)
/// start at token `k`? A figure never runs on into it; a line wrapped inside a paragraph is no
/// break.
fn new_item_before(text: &str, toks: &[Token], k: usize) -> bool {
    let gap = text.get(toks[k - 1].end..toks[k].start).unwrap_or("");
    let lines = gap.matches('\n').count();
    let bullet = ["-", "•", "▪", "■", "●", "*", "–", "—", "◦"].iter().any(|b| toks[k].is_sym(b));
    lines >= 2 || (lines == 1 && (bullet || line_before(text, toks[k - 1].end).is_some_and(tally_line)))
}

/// The line of the text that ends at byte `end` (from the line break before it).
fn line_before(text: &str, end: usize) -> Option<&str> {
    let head = text.get(..end)?;
    Some(&head[head.rfind('\n').map_or(0, |n| n + 1)..])
}

/// A list's line giving a place's or a category's tally, `LABEL: FIGURE` or `LABEL - FIGURE`
/// (`شمال سهران: 17 قتيلاً`, `NORTH SAHRAN - 17 dead`, `Wounded: 44`): a label of one to five
/// words without digits, then up to four words opening with a digit. Not a heading: the outlet
/// states its own count there.
pub(crate) fn tally_line(line: &str) -> bool {
    let cut =
        [": ", " - ", " – ", " — "].iter().filter_map(|sep| line.find(sep).map(|at| (at, sep.len()))).min();
    let Some((at, len)) = cut else { return false };
    let (label, rest) = (line[..at].trim(), line[at + len..].trim());
    let label_words = label.split_whitespace().count();
    (1..=5).contains(&label_words)
        && !label.chars().any(|c| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
        && rest.starts_with(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
        && rest.split_whitespace().count() <= 4
}

/// A date after the number that the noun ran into (`قتل 4 يوم الجمعة`, `130 wounded between
/// Friday and Sunday`), or a new paragraph or list item (`since Feb. 3` then `- 63,000 people` on
/// the next line): the part starting at `i` is read again ending before it (None when nothing is
/// left). `date` is the first date phrase ending after the part's start.
fn cut_before_date_or_item(
    reader: &Reader<'_>,
    part: Part,
    i: usize,
    date: Option<(usize, usize)>,
) -> Option<Part> {
    let toks = reader.toks;
    let date_cut = date
        .filter(|(a, _)| *a < part.end_byte && *a >= toks[part.base_end - 1].end)
        .and_then(|(a, _)| (part.base_end..part.end).find(|k| toks[*k].end > a));
    let line_cut = (i + 1..part.end).find(|k| new_item_before(reader.text, toks, *k));
    let Some(cut) = [date_cut, line_cut].into_iter().flatten().min() else { return Some(part) };
    Reader { toks: &toks[..cut], ..*reader }.part_at(i).ok().flatten()
}

/// `find_figures` over a text already split into `toks`, with its date phrases (`dates`, from
/// `find_when_in`) and the vague words indexed once: `claim suggest` reads each piece of an
/// article once for all of them.
pub(crate) fn find_figures_in(
    text: &str,
    toks: &[Token],
    index: &VagueIndex,
    dates: &[(usize, usize)],
) -> Vec<FoundFigure> {
    let reader = Reader { toks, text, vague: index, find: true };
    let mut out: Vec<FoundFigure> = Vec::new();
    // Date phrases are in order: the first that ends after the current part (parts are in
    // order too), so that checking every part against the dates stays linear.
    let mut d = 0;
    let mut i = 0;
    while i < toks.len() {
        let Ok(Some(part)) = reader.part_at(i) else {
            i += 1;
            continue;
        };
        while d < dates.len() && dates[d].1 <= part.start_byte {
            d += 1;
        }
        let Some(part) = cut_before_date_or_item(&reader, part, i, dates.get(d).copied()) else {
            i += 1;
            continue;
        };
        let overlaps_date = dates.get(d).is_some_and(|(a, _)| *a < part.end_byte);
        // The second day of a date span: `between March 3 and 4`, `من 3 إلى 4 آذار`. Only a
        // date with a day's number has a second day: after `أمس`, `on Sunday` or `مساء الأحد`,
        // `إلى 61` and `to 61` are what a toll rose to.
        let ends_in_day = |k: usize| {
            d > 0 && dates[d - 1].1 == toks[k].end && has_day_number(&text[dates[d - 1].0..dates[d - 1].1])
        };
        // Only `to`/`إلى` is read as a toll after a date without a day's number; `and`, `و`,
        // `حتى` and `-` after any date still start its second day.
        // A year has no second day: `killed in 2023 and 12 in ...` is a count.
        let right_after = |k: usize| {
            d > 0
                && dates[d - 1].1 == toks[k].end
                && !(toks[k].kind == TokKind::Num && toks[k].norm.len() == 4)
        };
        let before = toks.get(part.base_start.wrapping_sub(1));
        let after_date = part.base_start >= 2
            && (in_list(before, &["and", "و", "حتي", "-"]) && right_after(part.base_start - 2)
                || in_list(before, &["to", "الي"]) && ends_in_day(part.base_start - 2));
        let glued_waw_after_date = part.lead_clitic == 1
            && toks[part.base_start].norm.starts_with('و')
            && part.base_start >= 1
            && d > 0
            && dates[d - 1].1 == toks[part.base_start - 1].end;
        if overlaps_date || after_date || glued_waw_after_date {
            i = part.base_end.max(i + 1);
            continue;
        }
        // A number that is not a count may have swallowed the next one ("المحور 3 إلى ٣٤ قتيلاً"
        // is not a range): read on from the last number of the rejected reading.
        if !is_count(&reader, &part) {
            let last = (part.base_start..part.base_end)
                .rev()
                .find(|k| crate::numwords::numbers::may_start_number(&toks[*k]));
            i = last.unwrap_or(i).max(i + 1);
            continue;
        }
        let mut end_tok = part.end;
        let mut end_byte = part.end_byte;
        // Two bounds read together: "at least 10 and as many as 60".
        if let Some(second) = second_bound(&reader, &part) {
            end_tok = second.end;
            end_byte = second.end_byte;
        }
        // Provisional wording right after: "45 and rising", "18 قتيلاً في حصيلة غير نهائية".
        let mut k = end_tok;
        if toks.get(k).is_some_and(|t| matches!(t.norm.as_str(), "," | "في" | "in" | "(")) {
            k += 1;
        }
        if let Some(h) = reader.phrase_at(provisional_index(), k, true) {
            end_tok = h.end;
            end_byte = h.end_byte;
        }
        let wording = &text[part.start_byte..end_byte];
        if let Ok(reading) = parse_indexed(wording, index) {
            out.push(FoundFigure {
                start: part.start_byte,
                end: end_byte,
                wording: wording.to_string(),
                reading,
            });
        }
        i = end_tok.max(i + 1);
    }
    out
}

/// Does a date phrase hold a day of the month in digits (one or two of them, not a year)?
fn has_day_number(date: &str) -> bool {
    date.split(|c: char| !c.is_numeric()).any(|run| (1..=2).contains(&run.chars().count()))
}

fn second_bound(reader: &Reader<'_>, part: &Part) -> Option<Part> {
    let lower = matches!(part.iv.kind, Kind::AtLeast | Kind::MoreThan);
    let upper = matches!(part.iv.kind, Kind::AtMost | Kind::FewerThan);
    if !lower && !upper {
        return None;
    }
    let t = reader.toks.get(part.end)?;
    let at = match t.norm.as_str() {
        "and" | "but" | "و" => part.end + 1,
        w if w.starts_with('و') => part.end,
        _ => return None,
    };
    let second = reader.part_at(at).ok()??;
    if at == part.end && second.lead_clitic == 0 {
        return None;
    }
    let opposite = if lower {
        matches!(second.iv.kind, Kind::AtMost | Kind::FewerThan)
    } else {
        matches!(second.iv.kind, Kind::AtLeast | Kind::MoreThan)
    };
    opposite.then_some(second)
}

fn bare_forms(t: &Token) -> Vec<&str> {
    clitic_forms(&t.norm).into_iter().map(|(_, _, w)| w).collect()
}

fn in_list(t: Option<&Token>, list: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == TokKind::Word && bare_forms(t).iter().any(|w| list.contains(w)))
}

fn sym(t: Option<&Token>, s: &[&str]) -> bool {
    t.is_some_and(|t| t.kind == TokKind::Sym && s.contains(&t.norm.as_str()))
}

/// Is the number of this part a count? The rules look at the tokens around the number itself.
fn is_count(r: &Reader<'_>, p: &Part) -> bool {
    let toks = r.toks;
    let (b, e) = (p.base_start, p.base_end);
    let at = Around {
        first: &toks[b],
        prev: b.checked_sub(1).map(|k| &toks[k]),
        prev2: b.checked_sub(2).map(|k| &toks[k]),
        next: toks.get(e),
        next2: toks.get(e + 1),
    };
    // Durations, ages, times of day, shares, money and measures: "3 days", "25 عاماً", "10 صباحاً",
    // and vague ones: "several hours", "عدة أيام".
    if in_list(at.next, UNIT_AFTER) || sym(at.next, &["%"]) {
        return false;
    }
    // `45 في المئة`, `بنسبة 18`: shares.
    if (in_list(at.next, &["في"]) && in_list(at.next2, &["المئه", "المائه"]))
        || in_list(at.prev, SHARE_BEFORE)
    {
        return false;
    }
    if p.vague {
        return true;
    }
    if is_share(toks, b, e, p.noun.is_some()) || known_set(toks, b, p) {
        return false;
    }
    if at.dates_money_or_names(p) {
        return false;
    }
    // A span of years ("between 2017 and 2021", "بين عامي 2017 و2021") is a time, not a count.
    let years: Vec<i64> =
        toks[b..e].iter().filter(|t| t.kind == TokKind::Num).filter_map(|t| t.value()).collect();
    if p.iv.kind == Kind::Range
        && p.noun.is_none()
        && years.len() == 2
        && years.iter().all(|y| (1900..=2099).contains(y))
    {
        return false;
    }
    // "the Army of the Two Rivers", "Three Kings Square": a capitalised number word inside a
    // name (after "the" or "of", before a capitalised word) names something.
    let name_inside = at.first.upper
        && at.first.kind == TokKind::Word
        && in_list(at.prev, &["the", "of"])
        && toks.get(e).is_some_and(|t| t.upper && t.kind == TokKind::Word);
    if name_inside {
        return false;
    }
    if at.first.kind != TokKind::Num {
        // "one of the", "واحد من": one written as a word is rarely a count in prose; "one
        // soldier" and `جندي واحد` (a person noun with its one) are.
        let person = p.noun.as_deref().is_some_and(|n| ONE_PERSON.contains(&n.to_lowercase().as_str()));
        let noun_first = !crate::numwords::numbers::is_number_word(at.first);
        return p.hedged || p.iv.point != 1 || person || noun_first;
    }
    let nums: Vec<&Token> = toks[b..e].iter().filter(|t| t.kind == TokKind::Num).collect();
    if p.iv.kind != Kind::Range && nums.len() == 1 && e != b + 1 {
        // Digits with a scale word (3 آلاف) are counts.
        return true;
    }
    !at.codes_phones_or_years(p, &nums)
}

/// Is the number at `b..e` one side of a share or the total of a set, not a count of what
/// happened? `seven in 10`, `one in every five`, `٧ من كل ١٠`, `ثلاثة بين كل عشرة` (both numbers),
/// and a bare total after `out of`, `من أصل`, `من مجموع` (`3 مدارس من أصل 5`: the 5; the 3 is
/// counted; a total with its own noun, `سبع قرى من أصل ست عشرة قرية`, is a count too). A number after `in` with none before (`killed in 12 strikes`) stays a count.
pub(crate) fn is_share(toks: &[Token], b: usize, e: usize, has_noun: bool) -> bool {
    let w = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.norm.as_str());
    let num = |k: usize| toks.get(k).is_some_and(crate::numwords::numbers::may_start_number);
    // After `in` only a small whole a share is taken of (`seven in 10`, `one in five`, `9 in
    // 100`), never a year or a duration (`5 in 2023`, `12 in 10 days`).
    let whole = |k: usize| {
        crate::numwords::numbers::numbers_at(toks, k)
            .first()
            .is_some_and(|x| matches!(x.value, 2..=10 | 100 | 1000) && !in_list(toks.get(x.end), UNIT_AFTER))
    };
    // After the number (one counted noun may stand between: `7 من كل 10 أطفال` has none, `7
    // أطفال من كل 10` one).
    let share_after = |k: usize| match (w(k), w(k + 1), w(k + 2)) {
        (Some("in"), _, _) if whole(k + 1) => true,
        (Some("in" | "of" | "out"), Some("every" | "each"), _) if num(k + 2) => true,
        (Some("out"), Some("of"), Some("every" | "each")) => num(k + 3),
        (Some("من" | "بين"), Some("كل"), _) => num(k + 2),
        _ => false,
    };
    let arabic_share = |k: usize| matches!((w(k), w(k + 1)), (Some("من" | "بين"), Some("كل"))) && num(k + 2);
    if share_after(e)
        || (toks.get(e).is_some_and(|t| t.is_word() && !t.norm.is_ascii()) && arabic_share(e + 1))
    {
        return true;
    }
    // Before the number: `in 10`, `every 10`, `من كل 10`, `out of 10`, `من أصل 10`.
    let before = |k: usize| b.checked_sub(k).and_then(w);
    match (before(2), before(1)) {
        (Some("من" | "بين"), Some("كل")) => true,
        (Some("in" | "of" | "out"), Some("every" | "each")) => true,
        (Some("out"), Some("of")) | (Some("من"), Some("اصل" | "مجموع")) => !has_noun,
        (_, Some("in")) => b >= 2 && num(b - 2) && whole(b),
        _ => false,
    }
}

/// Is the number one of a set the text already knows, not a count it reports? English `the two
/// sides`, `the three dead`, `the town's four wings`, `the directorate's four ambulances` (like
/// the Arabic number word with the article after its noun). Not after `of the` (`seven of the
/// 16 affected villages` counts the villages), nor with a hedge (`the estimated 40`), nor before
/// `who` (`the two men who ran the bakery were killed`), nor past ten (`the 35,000 people there`).
fn known_set(toks: &[Token], b: usize, p: &Part) -> bool {
    let w = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|t| t.norm.as_str());
    // `the two men who ran the bakery` says who they were: a count of them.
    // Only a small set (up to ten) is one the text knows: `the 35,000 people there` is a count.
    if p.hedged || b == 0 || w(p.end) == Some("who") || p.iv.high.is_none_or(|h| h > 10) {
        return false;
    }
    let the = w(b - 1) == Some("the") && !(b >= 2 && w(b - 2) == Some("of"));
    // `town's`: the possessive `'s` (or `’s`) right before the number.
    let possessive = w(b - 1) == Some("s")
        && b >= 3
        && toks[b - 2].kind == TokKind::Sym
        && matches!(toks[b - 2].norm.as_str(), "'" | "’")
        && !toks[b - 2].space_before
        && toks[b - 3].is_word()
        && toks[b - 3].norm.is_ascii();
    the || possessive
}

/// The tokens around a part's number: its first token, two before it and two after it.
struct Around<'t> {
    first: &'t Token,
    prev: Option<&'t Token>,
    prev2: Option<&'t Token>,
    next: Option<&'t Token>,
    next2: Option<&'t Token>,
}

impl Around<'_> {
    /// Is the number part of a duration, a date, a sum of money, a name or an age?
    fn dates_money_or_names(&self, p: &Part) -> bool {
        let (prev, prev2, next, next2) = (self.prev, self.prev2, self.next, self.next2);
        if sym(next, &["-"]) && in_list(next2, &["year", "years", "month", "day", "week"]) {
            return true;
        }
        // Dates: "5 December", "December 5", "Nov. 20", "5 كانون الأول", "12/5", "10:30".
        // A day of the month is 1..31: `أيار مليون و200 ألف` is a count after a month.
        let day = p.iv.point <= 31;
        if day
            && (in_list(next, MONTHS)
                || in_list(prev, MONTHS)
                || (sym(prev, &["."]) && in_list(prev2, MONTHS)))
        {
            return true;
        }
        if in_list(next, &["of", "من"]) && in_list(next2, MONTHS) {
            return true;
        }
        if sym(prev, &["$", "€", "£"]) {
            return true;
        }
        // Names: "Brigade 17", "اللواء 17", "Route 4", "رقم 5", ages "aged 25", "البالغ من العمر 25".
        // A range opened by a word is a count: "estimated to number between 4,000 and 5,000".
        // "No. 3", "Wing No. 4": the full stop of the abbreviation stands between.
        // `عام ألفين` is a year, but `منذ مطلع العام ألف و112 شخصاً` counts people: a counted noun
        // after the number makes it a count.
        let year_word = in_list(prev, &["عام", "سنه"]) && p.noun.is_some();
        let name_word = (in_list(prev, NAME_BEFORE) && !year_word)
            || (sym(prev, &["."]) && in_list(prev2, &["no", "nos"]));
        (name_word && crate::numwords::numbers::may_start_number(self.first))
            || (in_list(prev2, &["العمر", "aged", "age"]) && !p.hedged)
    }

    /// Are the digits a code, a model, a phone number, an identifier, a reference or a year?
    fn codes_phones_or_years(&self, p: &Part, nums: &[&Token]) -> bool {
        let (first, prev, prev2, next, next2) = (self.first, self.prev, self.prev2, self.next, self.next2);
        // Codes and models glued to Latin letters: MH17, G20, Su-24, COVID-19; ordinals "الـ17"
        // (but not the article after a hedge: "تجاوز الـ40").
        let article_after_hedge = prev.is_some_and(|t| t.norm == "ال" && p.start_byte < t.start);
        if !first.space_before
            && !article_after_hedge
            && prev.is_some_and(|t| t.kind == TokKind::Word && (t.norm.is_ascii() || t.norm == "ال"))
        {
            return true;
        }
        if !first.space_before
            && sym(prev, &["-", "/", ":", "+", "#", "."])
            && prev2.is_some_and(|t| t.kind != TokKind::Word || t.norm.is_ascii())
        {
            return true;
        }
        if sym(prev, &["+", "#"]) {
            return true;
        }
        if next.is_some_and(|t| {
            !t.space_before && t.kind == TokKind::Sym && matches!(t.norm.as_str(), "/" | ":" | "-")
        }) && next2.is_some_and(|t| t.kind == TokKind::Num && !t.space_before)
        {
            return true;
        }
        // Phone numbers and identifiers: seven digits or more without separators, or bare
        // numbers in a row ("11 234 5678").
        let digit_count = |t: &Token| t.norm.chars().filter(|c| c.is_ascii_digit()).count();
        if nums.iter().any(|t| digit_count(t) >= 7 && !t.norm.contains(',')) {
            return true;
        }
        if next.is_some_and(|t| t.kind == TokKind::Num) || prev.is_some_and(|t| t.kind == TokKind::Num) {
            return true;
        }
        // A lone number in brackets after a name is an age or a reference: "Ahmad (25)".
        if sym(prev, &["("]) && sym(next, &[")"]) {
            return true;
        }
        // Years: 1900-2099 standing alone or after "in", "عام" (and ranges of years).
        let yearish = |t: &&Token| {
            digit_count(t) == 4 && !t.norm.contains(',') && (1900..=2099).contains(&t.value().unwrap_or(0))
        };
        if nums.iter().all(yearish) && !p.hedged && (p.noun.is_none() || in_list(prev, YEAR_BEFORE)) {
            return true;
        }
        // A number right after a capitalised English word is part of a name (Apollo 11).
        prev.is_some_and(|t| {
            t.kind == TokKind::Word
                && t.upper
                && t.norm.is_ascii()
                && !super::tables::is_function_word(&t.norm)
        }) && !p.hedged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notation::{default_vague_table, parse};

    fn found(text: &str) -> Vec<(String, Kind, i64, Option<i64>)> {
        find_figures(text, &default_vague_table())
            .into_iter()
            .map(|f| {
                assert_eq!(&text[f.start..f.end], f.wording);
                (f.wording, f.reading.kind, f.reading.low, f.reading.high)
            })
            .collect()
    }

    fn wordings(text: &str) -> Vec<String> {
        found(text).into_iter().map(|f| f.0).collect()
    }

    #[test]
    fn counts_in_english_prose() {
        let text = "The monitor said at least 30 civilians were killed on 5 December 2014 in Al-Marj, \
            and up to 12 others were wounded. Brigade 17 lost nearly forty fighters, aged 25 on average, \
            at 10:30 near Route 4. Call +963 11 234 5678 or 0112345678.";
        assert_eq!(wordings(text), ["at least 30 civilians", "up to 12 others", "nearly forty fighters"]);
        let text = "a panel estimated the group to number between 4,000 and 5,000 fighters, not number 5";
        assert_eq!(wordings(text), ["between 4,000 and 5,000 fighters"]);
        assert_eq!(wordings("اندلعت في محيط المحور 3 إلى ٣٤ قتيلاً"), ["٣٤ قتيلاً"]);
    }

    #[test]
    fn counts_in_arabic_prose() {
        let text = "وقال المرصد إن ما يزيدُ على 120 من المقاتلين المحليين انشقوا عن اللواء 17 منذ عام 2013، \
            بينما قُتل نحو 15 شخصاً في قصف السوق صباح الخميس. وأكد ناشطون انشقاق ثمانية عناصر آخرين، \
            وتحدث مصدر عن «عشرات المهاجرين» ينتظرون، وقد بلغ عمره 25 عاماً.";
        let w = wordings(text);
        assert_eq!(
            w,
            ["ما يزيدُ على 120 من المقاتلين المحليين", "نحو 15 شخصاً", "ثمانية عناصر", "عشرات المهاجرين"]
        );
    }

    #[test]
    fn glued_words_and_clitics() {
        let w = found("وبلغ عدد ضحيتها11 شخصاً، ومايقارب 100 جريح، وقتل42 آخرون لأكثر من 30 يوماً و49were hurt");
        let got: Vec<(&str, Kind, i64)> = w.iter().map(|f| (f.0.as_str(), f.1, f.2)).collect();
        assert_eq!(
            got,
            [
                ("11 شخصاً", Kind::Exact, 11),
                ("مايقارب 100 جريح", Kind::Approx, 90),
                ("42 آخرون", Kind::Exact, 42),
                ("49", Kind::Exact, 49)
            ]
        );
    }

    #[test]
    fn dates_times_ages_and_names_are_not_counts() {
        for text in [
            "in 2014",
            "عام 2011",
            "on 5 December",
            "December 5",
            "في 5 كانون الأول",
            "الخامس من كانون الأول",
            "on 12/5",
            "at 10:30",
            "aged 25",
            "a 25-year-old man",
            "البالغ من العمر 25",
            "Brigade 17",
            "اللواء 17",
            "Route 4",
            "flight MH17",
            "Su-24 jets",
            "call 0112345678",
            "+963 11 2345",
            "the 17th day",
            "45% of voters",
            "$5 million",
            "Apollo 11 landed",
            "الأيام الثلاثة الماضية",
            "for 3 days",
            "الساعة 10 صباحاً",
            "after a delay of several hours",
            "most were between 18 and 25 years old",
            "دفعت مبالغ تراوحت بين 500 و3000 دولار",
            "منذ عدة أيام",
        ] {
            assert!(wordings(text).is_empty(), "{text}: {:?}", wordings(text));
        }
    }

    /// A date phrase before `إلى N` / `to N` (`ارتفعت الحصيلة أمس إلى 61`) leaves the number to the
    /// toll: only a date ending in a day's number has a second day (`March 3 to 4`).
    #[test]
    fn a_date_before_to_n_keeps_the_figure() {
        for (text, want) in [
            ("ارتفعت حصيلة القصف أمس إلى 61 قتيلاً على الأقل", "61 قتيلاً على الأقل"),
            ("ارتفعت الحصيلة اليوم إلى 12 قتيلاً", "12 قتيلاً"),
            ("وصل عدد القتلى مساء الأحد إلى 30 شخصاً", "30 شخصاً"),
            ("ارتفع عدد الجرحى يوم الثلاثاء إلى نحو 40 جريحاً", "نحو 40 جريحاً"),
            ("The toll rose on Sunday to 45 dead", "45 dead"),
            ("the number of dead climbed yesterday to at least 17 people", "at least 17 people"),
        ] {
            assert_eq!(wordings(text), [want], "{text}");
        }
        // The second day of a span stays a date.
        for text in ["the army shelled the town from March 3 to 4", "قصف الجيش البلدة في 3 آذار و4 منه"]
        {
            assert!(wordings(text).is_empty(), "{text}: {:?}", wordings(text));
        }
    }

    #[test]
    fn hedges_ranges_two_bounds_and_provisional() {
        let f = find_figures(
            "Between 20 and 30 people died; officials said at least 10 and as many as 60 were held. \
             The toll stood at 45 and rising, while 18 قتيلاً في حصيلة غير نهائية.",
            &default_vague_table(),
        );
        let w: Vec<&str> = f.iter().map(|x| x.wording.as_str()).collect();
        assert_eq!(
            w,
            [
                "Between 20 and 30 people",
                "at least 10 and as many as 60",
                "45 and rising",
                "18 قتيلاً في حصيلة غير نهائية"
            ]
        );
        assert_eq!((f[1].reading.kind, f[1].reading.low, f[1].reading.high), (Kind::Range, 10, Some(60)));
        assert!(f[2].reading.provisional && f[3].reading.provisional);
    }

    #[test]
    fn every_wording_reads_back() {
        let text = "Some 200 families fled; dozens of homes burned. نحو ألفي نازح وأكثر من ثلاثة آلاف منزل.";
        for f in find_figures(text, &default_vague_table()) {
            assert_eq!(parse(&f.wording, &default_vague_table()).unwrap(), f.reading);
        }
        assert_eq!(wordings(text).len(), 4);
    }

    /// The wordings of issue-class reports: each reads in running text as `figure parse` reads
    /// it alone, with its interval.
    #[test]
    fn hedges_of_real_reports() {
        let o = None;
        for (text, wording, kind, low, high) in [
            ("قال إن عدد القتلى ليس أكثر من 40 شخصاً", "ليس أكثر من 40 شخصاً", Kind::AtMost, 0, Some(40)),
            (
                "The official said not more than 40 people died",
                "not more than 40 people",
                Kind::AtMost,
                0,
                Some(40),
            ),
            ("وقالت إن الحصيلة تجاوزت مئتي شخص", "تجاوزت مئتي شخص", Kind::MoreThan, 201, o),
            ("وقال إن العدد تخطى 300 مدني", "تخطى 300 مدني", Kind::MoreThan, 301, o),
            ("وأكد أن عدد القتلى تجاوز الـ40 عنصرًا", "تجاوز الـ40 عنصرًا", Kind::MoreThan, 41, o),
            ("The toll passed 300 on Friday", "passed 300", Kind::MoreThan, 301, o),
            ("انشقاق مجاهدين بارزين (ثلاثة) على الأقل", "(ثلاثة) على الأقل", Kind::AtLeast, 3, o),
            ("قتل نحو 90 شخصاً على الأقل", "نحو 90 شخصاً على الأقل", Kind::AtLeast, 90, o),
            ("انتشال ألفين و350 جثة من المقبرة", "ألفين و350 جثة", Kind::Exact, 2350, Some(2350)),
            ("قتل أكثر من 300مدني", "أكثر من 300مدني", Kind::MoreThan, 301, o),
            ("100s of people fled", "100s of people", Kind::Vague, 100, Some(999)),
            ("1,000s of residents fled", "1,000s of residents", Kind::Vague, 1000, Some(9999)),
            (
                "anywhere from 40 to 190 people died",
                "anywhere from 40 to 190 people",
                Kind::Range,
                40,
                Some(190),
            ),
            (
                "hundreds of millions of people",
                "hundreds of millions of people",
                Kind::Vague,
                100_000_000,
                Some(999_000_000),
            ),
            (
                "هدد مئات الملايين من الناس",
                "مئات الملايين من الناس",
                Kind::Vague,
                100_000_000,
                Some(999_000_000),
            ),
        ] {
            let f = find_figures(text, &default_vague_table());
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(f[0].wording, wording, "{text}");
            assert_eq!((f[0].reading.kind, f[0].reading.low, f[0].reading.high), (kind, low, high), "{text}");
            assert_eq!(parse(wording, &default_vague_table()).unwrap(), f[0].reading, "{wording}");
        }
    }

    #[test]
    fn words_that_are_not_counts() {
        for text in [
            "ووقع الهجوم يوم الاثنين في البلدة",
            "وقع الهجوم الاثنين الماضي",
            "اجتمع المجلس الأحد",
            "صادرت كمية كبيرة من الأسلحة",
            "لست متأكداً من العدد",
            "prices rose nearly 20 times",
            "a three-fold rise",
            "ارتفعت الأسعار ثلاثة أضعاف",
            "قصف الحي عشر مرات",
            "between March 3 and 4 the army shelled the town",
            "two trillion people",
            "5 trillion dollars",
            "in the 1990s the town grew",
            "لم يتخطَّ أحد الحاجز",
        ] {
            assert!(wordings(text).is_empty(), "{text}: {:?}", wordings(text));
        }
        // A negated hedge the tables do not hold is refused, never read backwards.
        assert!(wordings("وقال إن العدد لن يفوق 40 شخصاً").iter().all(|w| !w.contains("يفوق")));
    }

    /// Run with `cargo test --release --lib find_timing -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn find_timing_sixty_thousand_words() {
        let para =
            "Officials said at least 30 civilians were killed on Tuesday night near Route 4, and some 200 \
            families fled. وقال المرصد إن ما يزيد على 120 مقاتلاً انشقوا خلال الأيام الثلاثة الماضية، وإن نحو 15 \
            شخصاً قتلوا مساء الخميس في قصف السوق عام 2014. ";
        let text = para.repeat(60_000 / 50);
        let t = std::time::Instant::now();
        let n = find_figures(&text, &default_vague_table()).len();
        let figures = t.elapsed();
        let t = std::time::Instant::now();
        let d = crate::dates::find_when(&text).len();
        eprintln!(
            "{} words: {n} figures in {figures:?}; {d} date phrases in {:?}",
            text.split_whitespace().count(),
            t.elapsed()
        );
    }
    /// Shares and totals are not counts: `seven in 10`, `٧ من كل ١٠`, `one in every five`, the
    /// total after `out of` / `من أصل`. Must NOT be dropped: a count before `in` a place or a
    /// year, the part before `out of`, a number after `in` with no number before it.
    #[test]
    fn shares_and_totals_are_not_counts() {
        for text in [
            "seven in 10 families have lost a relative, the survey found",
            "Nearly 7 in 10 tents were flooded",
            "one in every five children is underweight",
            "قال التقرير إن ٧ من كل ١٠ أسر فقدت معيلها",
            "وأفاد المسح بأن سبعة أطفال من كل عشرة يعانون من سوء التغذية",
        ] {
            assert!(wordings(text).is_empty(), "{text}: {:?}", wordings(text));
        }
        assert_eq!(wordings("تضررت 3 مدارس من أصل 5 في البلدة"), ["3 مدارس"]);
        let w = wordings("Of the passengers, 12 out of 40, drowned");
        assert!(w.len() == 1 && w[0].starts_with("12"), "{w:?}");
        for (text, want) in [
            (
                "At least 5 people were killed in 2023 and 12 in 10 days of fighting",
                &["At least 5 people", "12"][..],
            ),
            ("the strikes killed 30 in 12 villages", &["30", "12 villages"]),
            ("قتل 30 شخصاً في 12 قرية", &["30 شخصاً", "12 قرية"]),
        ] {
            assert_eq!(wordings(text), want, "{text}");
        }
    }

    /// A range whose second number has a scale word shares it: `بين 20 و25 ألف` is
    /// 20,000..25,000. Must NOT be shared: a first number the scale would take past the second.
    #[test]
    fn a_range_shares_its_scale_word() {
        let v = default_vague_table();
        let r = |s: &str| {
            let f = find_figures(s, &v);
            assert_eq!(f.len(), 1, "{s}: {f:?}");
            (f[0].reading.low, f[0].reading.high)
        };
        assert_eq!(r("فرّ ما بين 20 و25 ألف شخص من المدينة"), (20_000, Some(25_000)));
        assert_eq!(r("between 20 and 25 thousand people fled"), (20_000, Some(25_000)));
        assert_eq!(r("from two to three million refugees"), (2_000_000, Some(3_000_000)));
        assert_eq!(r("a crowd of 20-25 thousand people"), (20_000, Some(25_000)));
        assert_eq!(r("between 500 and 2 thousand people"), (500, Some(2_000)));
        assert_eq!(r("بين ألفين و3 آلاف شخص"), (2_000, Some(3_000)));
        for s in ["ما بين 20 و25 ألف شخص", "between 20 and 25 thousand", "20-25 thousand"] {
            let p = parse(s, &v).unwrap();
            assert_eq!((p.low, p.high), (20_000, Some(25_000)), "{s}");
        }
    }

    /// A number after `the` or a possessive is one of a known set (`the two sides`, `the town's
    /// four wings`). Must NOT be dropped: after `of the`, before `who`, or with a hedge.
    #[test]
    fn a_known_set_is_not_a_count() {
        for text in [
            "clashes between the two sides since March",
            "the three dead were the first protesters killed",
            "two of the directorate's four ambulances had been hit",
        ] {
            assert!(
                !wordings(text)
                    .iter()
                    .any(|w| w.contains("two sides") || w.contains("three dead") || w.contains("four")),
                "{text}: {:?}",
                wordings(text)
            );
        }
        assert_eq!(
            wordings("aid reached seven of the 16 affected villages"),
            ["seven", "16 affected villages"]
        );
        assert_eq!(wordings("the two men who ran the bakery had been killed"), ["two men"]);
        assert_eq!(wordings("the estimated 40 fighters"), ["estimated 40 fighters"]);
        assert_eq!(wordings("spare the 35,000 people there"), ["35,000 people"]);
    }

    /// An Arabic dual of a person noun is two of them, in running text and in `figure parse`.
    /// Must NOT be read: a sound plural that looks like a dual (`مدنيين`), a definite dual (a
    /// known pair), a word that merely ends in ان.
    #[test]
    fn arabic_duals_count_two() {
        for (text, want) in [
            ("بينهم قياديان ميدانيان", "قياديان"),
            ("وأصيب طفلان بجروح", "طفلان"),
            ("اعتقلت الدورية جنديين اثنين", "جنديين اثنين"),
            ("قتل عنصرين من الشرطة", "عنصرين"),
            ("وأصيب مدنيان", "مدنيان"),
        ] {
            let f = find_figures(text, &default_vague_table());
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert_eq!(
                (f[0].wording.as_str(), f[0].reading.low, f[0].reading.high),
                (want, 2, Some(2)),
                "{text}"
            );
        }
        for text in ["قتل مدنيين في القصف", "وأصيب الطفلان بجروح", "غادر السكان المدينة", "قال طالبين بالإفراج"]
        {
            assert!(wordings(text).is_empty(), "{text}: {:?}", wordings(text));
        }
        assert_eq!(parse("قياديان", &default_vague_table()).map(|r| r.low), Ok(2));
    }

    /// `لا يتجاوز عددهم سبعة`: a verb of a limit with its subject before the number.
    #[test]
    fn a_limit_verb_takes_its_subject_before_the_number() {
        assert_eq!(
            found("وقال إن المعتقلين لا يتجاوز عددهم سبعة"),
            [("لا يتجاوز عددهم سبعة".to_string(), Kind::AtMost, 0, Some(7))]
        );
        assert_eq!(found("وتجاوزت الحصيلة 300 قتيل")[0].1, Kind::MoreThan);
        // Must NOT be joined: a subject with no verb before it.
        assert_eq!(wordings("بلغ عددهم سبعة"), ["سبعة"]);
    }

    /// `40-ish` is about 40, in running text and in `figure parse`; `just over 130` more than 130.
    #[test]
    fn ish_and_just_over() {
        assert_eq!(
            found("a crowd of 40-ish people"),
            [("40-ish people".to_string(), Kind::Approx, 36, Some(44))]
        );
        let v = default_vague_table();
        let p = parse("40-ish", &v).unwrap();
        assert_eq!(p.kind, Kind::Approx);
        assert_eq!(found("just over 130 wounded")[0].1, Kind::MoreThan);
        // Must NOT be read as a hedge: a word that merely ends in ish.
        assert_eq!(wordings("40 Kurdish fighters"), ["40 Kurdish fighters"]);
    }
}
#[cfg(test)]
mod document {
    //! docs/notation.md's tables walked through both readers: every hedge and every number form
    //! it lists reads in running text to the interval `figure parse` gives the wording alone.

    use super::*;
    use crate::notation::{default_vague_table, parse};

    const DOC: &str = include_str!("../../docs/notation.md");

    /// The rows of the table whose header starts with `header`.
    fn table(header: &str) -> Vec<Vec<String>> {
        let mut rows = Vec::new();
        let mut inside = false;
        for line in DOC.lines() {
            if line.starts_with(header) {
                inside = true;
                continue;
            }
            if inside && !line.starts_with('|') {
                break;
            }
            if inside && !line.starts_with("|---") {
                rows.push(line.trim_matches('|').split('|').map(|c| c.trim().to_string()).collect());
            }
        }
        assert!(!rows.is_empty(), "no table {header} in docs/notation.md");
        rows
    }

    /// The phrases of one cell: before and after (`after:`, `بعده:`), split at commas, with
    /// `على/عن` and `حوالي/حوالى` alternatives spelled out.
    fn phrases(cell: &str) -> (Vec<String>, Vec<String>) {
        let (before, after) = match cell.split_once("after:").or_else(|| cell.split_once("بعده:")) {
            Some((b, a)) => (b, a),
            None => (cell, ""),
        };
        let split = |s: &str| -> Vec<String> {
            let mut out = Vec::new();
            for p in s.split([',', '،', ';', '؛']) {
                let p = p.trim().trim_matches('`').trim();
                if p.is_empty() || p.contains("number alone") {
                    continue;
                }
                match p.rsplit_once('/') {
                    Some((head, alt)) => {
                        let stem = head.rsplit_once(' ').map(|(s, _)| format!("{s} ")).unwrap_or_default();
                        out.push(head.to_string());
                        out.push(format!("{stem}{alt}"));
                    }
                    None => out.push(p.to_string()),
                }
            }
            out
        };
        (split(before), split(after))
    }

    type Iv = (Kind, i64, Option<i64>);

    fn interval(w: &str) -> Result<Iv, String> {
        parse(w, &default_vague_table()).map(|r| (r.kind, r.low, r.high)).map_err(|e| format!("{w}: {e}"))
    }

    /// The one figure of a sentence, as running text reads it.
    fn in_text(text: &str) -> Result<Iv, String> {
        let f = find_figures(text, &default_vague_table());
        if f.len() != 1 {
            return Err(format!("{text}: {:?}", f.iter().map(|f| &f.wording).collect::<Vec<_>>()));
        }
        Ok((f[0].reading.kind, f[0].reading.low, f[0].reading.high))
    }

    /// Both readers agree on the wording `w` inside `text`; else what went wrong.
    fn agree(text: &str, w: &str, bad: &mut Vec<String>) {
        match (in_text(text), interval(w)) {
            (Ok(a), Ok(b)) if a == b => {}
            (a, b) => bad.push(format!("{text}\n    running text {a:?}\n    figure parse {b:?}")),
        }
    }

    fn arabic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
    }

    #[test]
    fn every_hedge_reads_alike_in_running_text() {
        let mut checked = 0;
        let mut bad = Vec::new();
        for row in table("| kind |") {
            if row[0] == "range" {
                for w in row[2].split([',', '،']).chain(row[3].split([',', '،'])) {
                    let w = w.trim().trim_matches('`');
                    let text = if arabic(w) {
                        format!("وقال المصدر إن {w} مقاتلاً قتلوا في الهجوم.")
                    } else {
                        format!("Officials said {w} fighters were killed in the attack.")
                    };
                    agree(&text, w, &mut bad);
                    checked += 1;
                }
                continue;
            }
            for cell in [&row[2], &row[3]] {
                let (before, after) = phrases(cell);
                for h in before {
                    let w = format!("{h} 40");
                    let text = if arabic(&h) {
                        format!("وقال المصدر إن {w} شخصاً قتلوا في الهجوم.")
                    } else {
                        format!("Officials said {w} people were killed in the attack.")
                    };
                    agree(&text, &w, &mut bad);
                    checked += 1;
                }
                for h in after {
                    let w = if h == "+" { "40+".to_string() } else { format!("40 {h}") };
                    let text = if arabic(&h) {
                        format!("وقال المصدر إن {w} قتلوا في الهجوم.")
                    } else {
                        format!("Officials said {w} were killed in the attack.")
                    };
                    agree(&text, &w, &mut bad);
                    checked += 1;
                }
            }
        }
        assert!(bad.is_empty(), "{} of {checked} disagree:\n{}", bad.len(), bad.join("\n"));
        assert!(checked > 120, "only {checked} wordings walked");
    }

    #[test]
    fn every_number_form_reads_alike_in_running_text() {
        let mut checked = 0;
        let mut bad = Vec::new();
        for row in table("| written as |") {
            for w in row[1].split([',', '،', '/']) {
                let w = w.trim();
                let Some(w) = w.strip_prefix('`').and_then(|w| w.split('`').next()) else { continue };
                let text = if arabic(w) {
                    format!("وقال المصدر إن {w} نازح وصلوا إلى المخيم.")
                } else {
                    format!("Officials said {w} displaced people reached the camp.")
                };
                agree(&text, w, &mut bad);
                checked += 1;
            }
        }
        assert!(bad.is_empty(), "{} of {checked} disagree:\n{}", bad.len(), bad.join("\n"));
        assert!(checked > 20, "only {checked} numbers walked");
    }
}
