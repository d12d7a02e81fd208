//! Partial dates (`2014`, `2014-12`, `2014-12-05`) and the `--when` phrases of claims, read
//! against the article's publication date. Pure: no I/O.

use chrono::{Duration, NaiveDate};

mod phrases;

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

const DATE_FORMS: &str = "write YYYY, YYYY-MM or YYYY-MM-DD, such as 2014, 2014-12 or 2014-12-05";

impl PartialDate {
    /// A date typed `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in ASCII or Arabic-Indic digits
    /// (`٢٠١٧-٠٣-١٤`).
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let folded: String = text.chars().map(crate::numwords::ascii_digit).collect();
        let t = folded.trim();
        let bad = || format!("'{text}' is not a date; {DATE_FORMS}");
        let parts: Vec<&str> = t.split('-').collect();
        let num = |s: &str, len: usize| -> Result<u32, String> {
            if s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) {
                s.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(parts.first().copied().unwrap_or(""), 4)? as i32;
        let date = match parts.len() {
            1 => PartialDate { year, month: None, day: None },
            2 => PartialDate { year, month: Some(num(parts[1], 2)?), day: None },
            3 => PartialDate { year, month: Some(num(parts[1], 2)?), day: Some(num(parts[2], 2)?) },
            _ => return Err(bad()),
        };
        if date.first_day().is_none() || date.last_day().is_none() {
            return Err(format!(
                "'{text}' is not a real date (month 01-12, day within the month); {DATE_FORMS}"
            ));
        }
        if year < 1000 {
            return Err(bad());
        }
        Ok(date)
    }

    pub fn first_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    pub fn last_day(&self) -> Option<NaiveDate> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => last_of_month(self.year, m),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The full date, when known to the day.
    pub fn exact(&self) -> Option<NaiveDate> {
        self.day.and_then(|_| self.first_day())
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

pub(crate) fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1)).filter(|_| (1..=12).contains(&month))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
    Range,
    /// A phrase whose span ran past the publication date, cut at it (`this week` on a
    /// Wednesday ends on that Wednesday).
    Clipped,
    /// A cumulative window (`since May 31`, `منذ السابع من تشرين الأول`): from its date to
    /// publication, a toll counted over all of it rather than an event on one day.
    Cumulative,
}

impl Precision {
    /// Every precision, in the order of `as_str` (the schema's CHECK list must hold exactly these).
    pub const ALL: [Precision; 6] = [
        Precision::Year,
        Precision::Month,
        Precision::Day,
        Precision::Range,
        Precision::Clipped,
        Precision::Cumulative,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Range => "range",
            Precision::Clipped => "clipped",
            Precision::Cumulative => "cumulative",
        }
    }
}

/// When a claimed event happened: the words as given and what they resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct When {
    pub text: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub precision: Precision,
}

pub(crate) const WHEN_FORMS: &str = "2014, 2014-12, 2014-12-05, a range 2014-12-02..2014-12-05, or a phrase \
    read against the article's date: today, yesterday, last night, Tuesday, late Thursday, past N days, \
    past few days, this week, last week, early|mid|late MONTH, 5 December, أمس، أمس الأول، مساء الخميس، \
    ليلة الخميس، الأيام الثلاثة الماضية، أواخر تشرين الثاني, since May 31, منذ السابع من تشرين الأول 2023, \
    between December 25 and 26, خلال الليل (docs/notation.md lists them all)";

/// Reads a `--when` value: an explicit date or range as typed, else a phrase read against the
/// article's publication date.
pub fn parse_when(text: &str, published: Option<PartialDate>) -> Result<When, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("--when is empty; give {WHEN_FORMS}"));
    }
    if t.bytes().all(|b| b.is_ascii_digit() || b == b'-' || b == b'.') {
        let when = explicit(t)?;
        // A date wholly after the article's publication is refused as a phrase would be.
        if let Some(p) = published.and_then(|p| p.exact()).filter(|p| when.from > *p) {
            return Err(format!(
                "'{t}' is after the article's publication date {p}; a claim cannot report what has not \
                 happened yet, so check the date or the article's date (`crosscheck article edit --published`)"
            ));
        }
        return Ok(when);
    }
    phrases::read(t, published)
}

/// An explicit date or range: never moved or clipped, whatever the article's date.
fn explicit(t: &str) -> Result<When, String> {
    if let Some((a, b)) = t.split_once("..") {
        let a = PartialDate::parse(a)?;
        let b = PartialDate::parse(b)?;
        let (from, to) = (a.first_day().unwrap_or_default(), b.last_day().unwrap_or_default());
        if from > to {
            return Err(format!("the range '{t}' ends before it starts; write the earlier date first"));
        }
        return Ok(When { text: t.into(), from, to, precision: Precision::Range });
    }
    let d =
        PartialDate::parse(t).map_err(|_| format!("'{t}' is not a date or a range; give {WHEN_FORMS}"))?;
    Ok(When {
        text: t.into(),
        from: d.first_day().unwrap_or_default(),
        to: d.last_day().unwrap_or_default(),
        precision: d.precision(),
    })
}

/// Byte spans of every date phrase in a text that `parse_when` reads (for `claim suggest`).
pub fn find_when(text: &str) -> Vec<(usize, usize)> {
    phrases::find(&crate::numwords::tokens::tokenize(text))
}

/// `find_when` over a text already split into tokens (`claim suggest` splits each piece once
/// for the figures, the dates and the attributions).
pub(crate) fn find_when_in(toks: &[crate::numwords::tokens::Token]) -> Vec<(usize, usize)> {
    phrases::find(toks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pub_date() -> Option<PartialDate> {
        Some(PartialDate::parse("2014-12-05").unwrap())
    }
    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn partial_dates() {
        assert_eq!(PartialDate::parse("2014").unwrap().to_string(), "2014");
        assert_eq!(PartialDate::parse("٢٠١٧-٠٣-١٤").unwrap().to_string(), "2017-03-14");
        assert_eq!(PartialDate::parse("۲۰۱۷-۰۳").unwrap().to_string(), "2017-03");
        assert!(PartialDate::parse("٢٠١٧-٠٢-٣٠").is_err());
        assert_eq!(PartialDate::parse("2014-12").unwrap().last_day(), Some(ymd("2014-12-31")));
        assert_eq!(PartialDate::parse("2016-02").unwrap().last_day(), Some(ymd("2016-02-29")));
        for bad in ["2014-13-45", "2014-02-30", "14", "2014/12/05", "", "2014-1-5", "abcd"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
    }

    /// Phrases added on 6 December 2026, publication Friday 2014-12-05, with what must NOT be read.
    #[test]
    fn weekends_nights_months_years_ago_and_parts_of_the_year() {
        let got = |t: &str| {
            let w = parse_when(t, pub_date()).unwrap_or_else(|e| panic!("{t}: {e}"));
            (w.from, w.to)
        };
        assert_eq!(got("over the weekend"), (ymd("2014-11-29"), ymd("2014-11-30")));
        assert_eq!(got("عطلة نهاية الأسبوع"), (ymd("2014-11-29"), ymd("2014-11-30")));
        assert_eq!(got("during the night"), (ymd("2014-12-04"), ymd("2014-12-05")));
        assert_eq!(got("خلال الليل"), (ymd("2014-12-04"), ymd("2014-12-05")));
        assert_eq!(got("the past six months"), (ymd("2014-06-08"), ymd("2014-12-04")));
        assert_eq!(got("خلال الأشهر الستة الماضية"), (ymd("2014-06-08"), ymd("2014-12-04")));
        assert_eq!(got("two years ago"), (ymd("2012-01-01"), ymd("2012-12-31")));
        assert_eq!(got("قبل عامين"), (ymd("2012-01-01"), ymd("2012-12-31")));
        assert_eq!(got("at the start of the year"), (ymd("2014-01-01"), ymd("2014-04-30")));
        assert_eq!(got("مطلع العام الجاري"), (ymd("2014-01-01"), ymd("2014-04-30")));
        let w = parse_when("since the beginning of 2013", pub_date()).unwrap();
        assert_eq!(
            (w.from, w.to, w.precision),
            (ymd("2013-01-01"), ymd("2014-12-05"), Precision::Cumulative)
        );
        let w = parse_when("منذ مطلع عام 2013", pub_date()).unwrap();
        assert_eq!((w.from, w.precision), (ymd("2013-01-01"), Precision::Cumulative));
        for year in ["in 2012", "during 2012", "عام 2012", "في عام 2012", "خلال عام 2012"] {
            let w = parse_when(year, pub_date()).unwrap();
            assert_eq!(
                (w.from, w.to, w.precision),
                (ymd("2012-01-01"), ymd("2012-12-31"), Precision::Year),
                "{year}"
            );
        }
        for since in ["since 2011", "منذ عام 2011", "منذ 2011"] {
            let w = parse_when(since, pub_date()).unwrap();
            assert_eq!(
                (w.from, w.to, w.precision),
                (ymd("2011-01-01"), ymd("2014-12-05"), Precision::Cumulative)
            );
        }
        // Must NOT be read: a start that names no year is not the start of this year.
        for bad in ["since the start of the fighting", "منذ بداية الحرب"] {
            assert!(parse_when(bad, pub_date()).is_err(), "{bad}");
        }
        // Found in running text as a window from an event (so the toll keeps it), not resolved.
        let t = "since the start of the fighting, 40 people died";
        let spans: Vec<&str> = find_when(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(spans, ["since the start of the fighting"]);
    }

    /// Dates counted from another date of the text: found in running text (a count keeps its own
    /// date phrase), never resolved against publication; what only looks like one is not read.
    #[test]
    fn dates_counted_from_another_date() {
        let found =
            |t: &str| -> Vec<String> { find_when(t).into_iter().map(|(a, b)| t[a..b].to_string()).collect() };
        for (t, phrase) in [
            ("Divers found 12 more bodies the following day", "the following day"),
            ("up from 198 the previous week", "the previous week"),
            ("The toll was 18 a year earlier", "a year earlier"),
            ("640 had arrived two weeks earlier", "two weeks earlier"),
            ("402 civilians were wounded during the month", "the month"),
            ("Three more died that night", "that night"),
            ("وعُثر على 12 جثة في اليوم التالي", "اليوم التالي"),
            ("مقابل 198 في الأسبوع السابق", "الأسبوع السابق"),
            ("و19 في العام السابق", "العام السابق"),
            ("وكان العدد 640 قبل ذلك بأسبوعين", "قبل ذلك بأسبوعين"),
            ("وقتل ثلاثة آخرون في تلك الليلة", "تلك الليلة"),
            ("قتل 17 مدنياً خلال الأسبوع", "الأسبوع"),
            ("47 were injured in the week", "the week"),
        ] {
            assert_eq!(found(t), [phrase], "{t}");
            let e = parse_when(phrase, pub_date()).unwrap_err();
            assert!(e.contains("does not name"), "{phrase}: {e}");
        }
        for (t, phrase) in [
            ("استقبل المشفى منذ الصباح 24 جثة", "منذ الصباح"),
            ("The hospital has taken in 40 since this morning", "since this morning"),
            ("The hospital has received 27 wounded since midnight", "since midnight"),
            ("استقبل المستشفى 31 مصاباً منذ منتصف الليل", "منذ منتصف الليل"),
            ("By the evening, 23 were dead", "By the evening"),
        ] {
            assert_eq!(found(t), [phrase], "{t}");
            let w = parse_when(phrase, pub_date()).unwrap();
            assert_eq!((w.from, w.to), (ymd("2014-12-05"), ymd("2014-12-05")), "{phrase}");
        }
        for (t, phrase) in [
            ("Since the strike, 26 bodies have arrived", "Since the strike"),
            ("قتل 31 شخصاً منذ بدئه", "منذ بدئه"),
            ("قتل 63 طفلاً منذ تقسيمها", "منذ تقسيمها"),
            ("لم يعد ثلاثة منذ المداهمة", "منذ المداهمة"),
            ("hundreds have fled since the summer", "since the summer"),
            ("فرّ المئات منذ الصيف", "منذ الصيف"),
        ] {
            assert_eq!(found(t), [phrase], "{t}");
            assert!(parse_when(phrase, pub_date()).unwrap_err().contains("names no date"), "{phrase}");
        }
        for t in [
            "the same people returned",
            "the following statement was read",
            "a year of war",
            "that report was wrong",
            "الشهر السابق لوصوله",
        ] {
            assert!(
                found(t)
                    .iter()
                    .all(|p| !p.contains("same") && !p.contains("following") && !p.contains("that")),
                "{t}: {:?}",
                found(t)
            );
        }
        // A week or a month without `during`, `in`, `خلال` is no date.
        for t in ["the week of mourning was declared", "أعلن الأسبوع خطة جديدة"] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    /// Windows counted from an event: found in running text, resolved only when they name the
    /// event's date; the superlative's yardstick and an event without `since` are not windows.
    #[test]
    fn windows_from_an_event() {
        let found =
            |t: &str| -> Vec<String> { find_when(t).into_iter().map(|(a, b)| t[a..b].to_string()).collect() };
        for (t, phrase) in [
            ("At least 600 were wounded since the assault began, he said", "since the assault began"),
            ("41 people died since the truce took effect", "since the truce took effect"),
            ("since the ceasefire came into force, 12 were killed", "since the ceasefire came into force"),
            ("Since the blast, 187 have been treated", "Since the blast"),
            ("since the outbreak of the war", "since the outbreak of the war"),
            ("أصيب 600 منذ بدء الهجوم", "منذ بدء الهجوم"),
            ("نزح 200 منذ دخول الهدنة حيز التنفيذ", "منذ دخول الهدنة حيز التنفيذ"),
            ("قتل 12 منذ بدء وقف إطلاق النار", "منذ بدء وقف إطلاق النار"),
            ("منذ بدء العمليات العسكرية قتل 40", "منذ بدء العمليات العسكرية"),
            ("ومنذ الانفجار عولج 187 جريحاً", "منذ الانفجار"),
            ("19 were arrested since polls opened", "since polls opened"),
            ("since the collapse of the truce, 30 died", "since the collapse of the truce"),
            ("اعتقل 20 منذ فتح صناديق الاقتراع", "منذ فتح صناديق الاقتراع"),
            ("قتل 30 منذ انهيار الهدنة", "منذ انهيار الهدنة"),
        ] {
            assert_eq!(found(t), [phrase], "{t}");
            let e = parse_when(phrase, pub_date()).unwrap_err();
            assert!(e.contains("names no date"), "{phrase}: {e}");
        }
        for (t, from) in [
            ("since the truce took effect on November 21", "2014-11-21"),
            ("since the offensive began on Monday", "2014-12-01"),
            ("since the war began in 2011", "2011-01-01"),
            ("since a ceasefire collapsed in June", "2014-06-01"),
            ("since the start of the offensive in October", "2014-10-01"),
            ("منذ بدء الهدنة في الحادي والعشرين من الشهر الماضي", "2014-11-21"),
            ("منذ بدء العمليات العسكرية في أيار", "2014-05-01"),
            ("منذ اندلاع الحرب عام 2011", "2011-01-01"),
            ("منذ بدء الهجوم يوم الاثنين", "2014-12-01"),
        ] {
            let w = parse_when(t, pub_date()).unwrap_or_else(|e| panic!("{t}: {e}"));
            assert_eq!(
                (w.from, w.to, w.precision),
                (ymd(from), ymd("2014-12-05"), Precision::Cumulative),
                "{t}"
            );
            assert_eq!(found(t), [t], "{t}");
        }
        // Must NOT be read: the yardstick of a superlative, an event without `since`.
        for t in [
            "the deadliest day since the war began",
            "وهو الهجوم الأعنف منذ بدء الحرب",
            "the assault began at dawn",
        ] {
            assert!(found(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    #[test]
    fn explicit_when() {
        let w = parse_when("2014-12", None).unwrap();
        assert_eq!((w.from, w.to, w.precision), (ymd("2014-12-01"), ymd("2014-12-31"), Precision::Month));
        let w = parse_when("2014-12-02..2014-12-05", None).unwrap();
        assert_eq!((w.from, w.to, w.precision), (ymd("2014-12-02"), ymd("2014-12-05"), Precision::Range));
        assert!(parse_when("2014-12-05..2014-12-02", None).is_err());
    }

    /// Publication dates of fictional articles: a Friday, a Tuesday, a Saturday after new year.
    const FRI: &str = "2014-12-05";
    const TUE: &str = "2014-11-18";
    const SAT: &str = "2015-01-03";

    #[test]
    // Long because it is a table.
    fn phrases_against_the_publication_date() {
        use Precision::*;
        // (phrase, publication date, from, to, precision)
        let cases: &[(&str, &str, &str, &str, Precision)] = &[
            ("yesterday", FRI, "2014-12-04", "2014-12-04", Day),
            ("أمس", FRI, "2014-12-04", "2014-12-04", Day),
            ("today", FRI, "2014-12-05", "2014-12-05", Day),
            ("past 3 days", FRI, "2014-12-02", "2014-12-04", Range),
            ("past few days", FRI, "2014-12-02", "2014-12-04", Range),
            ("this week", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("last week", FRI, "2014-11-24", "2014-11-30", Range),
            ("early December", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("late November", FRI, "2014-11-21", "2014-11-30", Range),
            ("Tuesday", FRI, "2014-12-02", "2014-12-02", Day),
            ("on Tuesday night", FRI, "2014-12-02", "2014-12-02", Day),
            ("late Thursday", FRI, "2014-12-04", "2014-12-04", Day),
            ("Thursday and Friday", FRI, "2014-12-04", "2014-12-05", Range),
            ("last night", FRI, "2014-12-04", "2014-12-04", Day),
            ("the day before yesterday", FRI, "2014-12-03", "2014-12-03", Day),
            ("this morning", FRI, "2014-12-05", "2014-12-05", Day),
            ("yesterday morning", FRI, "2014-12-04", "2014-12-04", Day),
            ("last Tuesday", FRI, "2014-12-02", "2014-12-02", Day),
            // Strictly before publication: a Friday's `last Friday` is the week before.
            ("last Friday", FRI, "2014-11-28", "2014-11-28", Day),
            ("last Thursday", FRI, "2014-12-04", "2014-12-04", Day),
            ("يوم الجمعة الماضي", FRI, "2014-11-28", "2014-11-28", Day),
            ("Friday", FRI, "2014-12-05", "2014-12-05", Day),
            ("past three days", FRI, "2014-12-02", "2014-12-04", Range),
            ("two days ago", FRI, "2014-12-03", "2014-12-03", Day),
            ("this month", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("last month", FRI, "2014-11-01", "2014-11-30", Month),
            ("November", FRI, "2014-11-01", "2014-11-30", Month),
            ("December", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("5 December", FRI, "2014-12-05", "2014-12-05", Day),
            ("December 3", FRI, "2014-12-03", "2014-12-03", Day),
            ("mid-November", FRI, "2014-11-11", "2014-11-20", Range),
            ("since Tuesday", FRI, "2014-12-02", "2014-12-05", Cumulative),
            ("الثلاثاء", FRI, "2014-12-02", "2014-12-02", Day),
            ("يوم الثلاثاء", FRI, "2014-12-02", "2014-12-02", Day),
            ("ليلة الخميس", FRI, "2014-12-03", "2014-12-04", Range),
            ("ليل الخميس الجمعة", FRI, "2014-12-04", "2014-12-05", Range),
            ("مساء الخميس", FRI, "2014-12-04", "2014-12-04", Day),
            ("مساء اليوم الجمعة", FRI, "2014-12-05", "2014-12-05", Day),
            ("فجر اليوم", FRI, "2014-12-05", "2014-12-05", Day),
            ("صباح أمس", FRI, "2014-12-04", "2014-12-04", Day),
            ("أمس الأول", FRI, "2014-12-03", "2014-12-03", Day),
            ("أول أمس", FRI, "2014-12-03", "2014-12-03", Day),
            ("وأمس", FRI, "2014-12-04", "2014-12-04", Day),
            ("بالأمس", FRI, "2014-12-04", "2014-12-04", Day),
            ("يومي الخميس والجمعة", FRI, "2014-12-04", "2014-12-05", Range),
            ("الخميس الماضي", FRI, "2014-12-04", "2014-12-04", Day),
            ("يوم الخميس الماضي", TUE, "2014-11-13", "2014-11-13", Day),
            ("الأسبوع الماضي", FRI, "2014-11-24", "2014-11-30", Range),
            ("هذا الأسبوع", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("الأيام الثلاثة الماضية", FRI, "2014-12-02", "2014-12-04", Range),
            ("الأيامِ الثلاثةِ الماضيةِ", FRI, "2014-12-02", "2014-12-04", Range),
            ("الأيام الـ3 الماضية", FRI, "2014-12-02", "2014-12-04", Range),
            ("خلال الأيام الماضية", FRI, "2014-12-02", "2014-12-04", Range),
            ("اليومين الماضيين", FRI, "2014-12-03", "2014-12-04", Range),
            ("قبل ثلاثة أيام", FRI, "2014-12-02", "2014-12-02", Day),
            ("منذ الثلاثاء", FRI, "2014-12-02", "2014-12-05", Cumulative),
            // Cumulative windows, spans of two days, nights and counted days, as reports write them.
            ("since May 31", FRI, "2014-05-31", "2014-12-05", Cumulative),
            ("since 31 May", FRI, "2014-05-31", "2014-12-05", Cumulative),
            ("since October 7, 2013", FRI, "2013-10-07", "2014-12-05", Cumulative),
            ("منذ السابع من تشرين الأول 2013", FRI, "2013-10-07", "2014-12-05", Cumulative),
            ("منذ 7 أكتوبر", FRI, "2014-10-07", "2014-12-05", Cumulative),
            ("since January", FRI, "2014-01-01", "2014-12-05", Cumulative),
            ("منذ آذار", FRI, "2014-03-01", "2014-12-05", Cumulative),
            ("since the beginning of the month", FRI, "2014-12-01", "2014-12-05", Cumulative),
            ("since the start of the year", FRI, "2014-01-01", "2014-12-05", Cumulative),
            ("منذ مطلع العام", FRI, "2014-01-01", "2014-12-05", Cumulative),
            ("between December 25 and 26", FRI, "2013-12-25", "2013-12-26", Range),
            ("between November 25 and 26", FRI, "2014-11-25", "2014-11-26", Range),
            ("بين 25 و26 تشرين الثاني", FRI, "2014-11-25", "2014-11-26", Range),
            ("from 2009 to 2012", FRI, "2009-01-01", "2012-12-31", Range),
            ("between 2010 and 2013", FRI, "2010-01-01", "2013-12-31", Range),
            ("بين عامي 2010 و2013", FRI, "2010-01-01", "2013-12-31", Range),
            ("من عام 2009 إلى 2012", FRI, "2009-01-01", "2012-12-31", Range),
            ("ليلة 25 على 26 تشرين الثاني", FRI, "2014-11-25", "2014-11-26", Range),
            ("in March", FRI, "2014-03-01", "2014-03-31", Month),
            ("خلال الليل", FRI, "2014-12-04", "2014-12-05", Range),
            ("خلال ثلاثة أيام", FRI, "2014-12-02", "2014-12-04", Range),
            ("over three days", FRI, "2014-12-02", "2014-12-04", Range),
            ("over the past month", FRI, "2014-11-05", "2014-12-04", Range),
            ("فجر اليوم", FRI, "2014-12-05", "2014-12-05", Day),
            ("مساء أمس", FRI, "2014-12-04", "2014-12-04", Day),
            ("مطلع الشهر", FRI, "2014-12-01", "2014-12-05", Clipped),
            ("الشهر الماضي", FRI, "2014-11-01", "2014-11-30", Month),
            ("منتصف تشرين الثاني", FRI, "2014-11-11", "2014-11-20", Range),
            ("أواخر نوفمبر", FRI, "2014-11-21", "2014-11-30", Range),
            ("في أواخر تشرين الثاني", FRI, "2014-11-21", "2014-11-30", Range),
            ("أواخر تشرين الثاني/نوفمبر", FRI, "2014-11-21", "2014-11-30", Range),
            ("الخامس من كانون الأول", FRI, "2014-12-05", "2014-12-05", Day),
            ("الحادي والعشرين من نوفمبر", FRI, "2014-11-21", "2014-11-21", Day),
            ("3 ديسمبر", FRI, "2014-12-03", "2014-12-03", Day),
            ("mid November", TUE, "2014-11-11", "2014-11-18", Clipped),
            ("this week", TUE, "2014-11-17", "2014-11-18", Clipped),
            ("Wednesday", TUE, "2014-11-12", "2014-11-12", Day),
            ("5 December", TUE, "2013-12-05", "2013-12-05", Day),
            ("late December", SAT, "2014-12-21", "2014-12-31", Range),
            ("أواخر كانون الأول", SAT, "2014-12-21", "2014-12-31", Range),
            ("Thursday and Friday", SAT, "2015-01-01", "2015-01-02", Range),
            ("last week", SAT, "2014-12-22", "2014-12-28", Range),
            ("this week", SAT, "2014-12-29", "2015-01-03", Clipped),
            ("last year", SAT, "2014-01-01", "2014-12-31", Year),
            ("past 24 hours", SAT, "2015-01-02", "2015-01-03", Range),
            ("أواخر ديسمبر الماضي", SAT, "2014-12-21", "2014-12-31", Range),
        ];
        assert!(cases.len() >= 40);
        for (text, published, from, to, precision) in cases {
            let w = parse_when(text, Some(PartialDate::parse(published).unwrap()))
                .unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(
                (w.from, w.to, w.precision),
                (ymd(from), ymd(to), *precision),
                "{text} on {published}"
            );
            assert_eq!(w.text, *text);
        }
    }

    #[test]
    fn every_family_of_docs_notation_reads() {
        let p = Some(PartialDate::parse(FRI).unwrap());
        for phrase in [
            "earlier today",
            "tonight",
            "yesterday evening",
            "a week ago",
            "the last 3 days",
            "recent days",
            "past week",
            "past two weeks",
            "the 5th of December",
            "early Friday",
            "from Thursday to Friday",
            "since yesterday",
            "this year",
            "هذا الصباح",
            "ليلة أمس",
            "الليلة الماضية",
            "قبل أمس",
            "أول من أمس",
            "قبل يومين",
            "قبل أسبوع",
            "الأيام القليلة الماضية",
            "آخر ثلاثة أيام",
            "الأسبوعين الماضيين",
            "الأسبوع الجاري",
            "شهر نوفمبر",
            "منذ مطلع الشهر",
            "منذ أمس",
            "العام الماضي",
            "فجر الجمعة",
            "5 كانون الأول 2014",
            "مطلع تشرين الثاني 2014",
        ] {
            let w = parse_when(phrase, p).unwrap_or_else(|e| panic!("{phrase}: {e}"));
            assert!(w.to <= ymd(FRI), "{phrase}");
        }
    }

    /// The dual of a month or a year: `خلال العامين الماضيين` is the 730 days before publication.
    /// Must NOT be read: the dual alone, with no `الماضيين`.
    #[test]
    fn the_past_two_months_and_years() {
        let p = Some(PartialDate::parse(FRI).unwrap());
        for (phrase, days) in [
            ("العامين الماضيين", 730),
            ("السنتين الماضيين", 730),
            ("الشهرين الماضيين", 61),
            ("منذ أسبوعين", 14),
            ("منذ شهرين", 61),
        ] {
            let w = parse_when(phrase, p).unwrap_or_else(|e| panic!("{phrase}: {e}"));
            assert_eq!((w.to - w.from).num_days() + 1, days, "{phrase}");
            let text = format!("وثّقت الشبكة وفاة 138 معتقلاً خلال {phrase}");
            assert_eq!(find_when(&text).len(), 1, "{text}");
        }
        assert!(find_when("بين العامين").is_empty());
    }

    #[test]
    fn phrases_after_publication_are_refused_never_moved() {
        for (text, published) in [
            ("late November", TUE),
            ("أواخر الشهر", TUE),
            ("أواخر تشرين الثاني", TUE),
            ("20 November", TUE),
            ("mid feb 2015", FRI),
        ] {
            let e = parse_when(text, Some(PartialDate::parse(published).unwrap())).unwrap_err();
            assert!(e.contains(published) && e.contains(text), "{text}: {e}");
        }
        // The weekday beside today must agree with the article's date.
        let e = parse_when("مساء اليوم الخميس", Some(PartialDate::parse(FRI).unwrap())).unwrap_err();
        assert!(e.contains("2014-12-05"), "{e}");
        // An explicit date wholly after publication is refused like a phrase, naming the date;
        // one before it is kept as it is.
        let e = parse_when("2014-12-09", Some(PartialDate::parse(FRI).unwrap())).unwrap_err();
        assert!(e.contains("2014-12-05") && e.contains("2014-12-09"), "{e}");
        let w = parse_when("2014-12-01", Some(PartialDate::parse(FRI).unwrap())).unwrap();
        assert_eq!((w.from, w.precision), (ymd("2014-12-01"), Precision::Day));
        // Without a publication date, a phrase with its own year still reads.
        let w = parse_when("mid feb 2015", None).unwrap();
        assert_eq!((w.from, w.to), (ymd("2015-02-11"), ymd("2015-02-20")));
    }

    /// The phrases of real reports are found in running text as written, and the words around
    /// that make them something else are not.
    #[test]
    fn report_phrases_in_running_text() {
        for (text, phrase) in [
            ("The toll has reached 300 since May 31, the ministry said.", "since May 31"),
            ("وقالت الوزارة إن 300 قتلوا منذ السابع من تشرين الأول 2023.", "منذ السابع من تشرين الأول 2023"),
            ("Shelling between December 25 and 26 killed 12.", "between December 25 and 26"),
            ("Some 1,300 people died from 2013 to 2016, the council said.", "from 2013 to 2016"),
            ("وقتل 211 طفلاً بين عامي 2013 و2016.", "بين عامي 2013 و2016"),
            ("قتل 12 شخصاً خلال الليل في القصف.", "الليل"),
            ("وقتل 40 خلال ثلاثة أيام من المعارك.", "ثلاثة أيام"),
            ("At least 40 were arrested in March, activists said.", "March"),
            ("وقتل خمسة فجر اليوم.", "فجر اليوم"),
            ("Arrests rose over the past month, the monitor said.", "the past month"),
        ] {
            let found: Vec<&str> = find_when(text).iter().map(|(a, b)| &text[*a..*b]).collect();
            assert_eq!(found, [phrase], "{text}");
        }
        for text in [
            "The group had between 1500 and 2000 fighters.",
            "وصل عددهم إلى ما بين 1500 و2000 مقاتل.",
            "Officials said between 2000 and 2500 people fled.",
            "He sat in the dark of الليل",
            "The siege lasted 3 days.",
            "استمر الحصار ثلاثة أيام",
            "He may come.",
        ] {
            assert!(find_when(text).is_empty(), "{text}: {:?}", find_when(text));
        }
    }

    #[test]
    fn precision_strings_are_exactly_these() {
        let all: Vec<&str> = Precision::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(all, ["year", "month", "day", "range", "clipped", "cumulative"]);
    }

    #[test]
    fn find_when_in_running_text() {
        let text = "Activists said on Tuesday night that 12 fighters fled, and late Thursday the monitor \
            confirmed it; the brigade may respond. وقال ناشطون إن الاشتباكات اندلعت مساء الخميس واستمرت \
            خلال الأيام الثلاثة الماضية، وإن الاثنين قُتلا وبالأمس وصل آخرون، وفي اليوم التالي عادوا.";
        let spans: Vec<&str> = find_when(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(
            spans,
            ["Tuesday night", "late Thursday", "مساء الخميس", "الأيام الثلاثة الماضية", "الأمس", "اليوم التالي"]
        );
        // The next day is counted from the clashes, not from publication.
        for s in &spans[..5] {
            assert!(parse_when(s, Some(PartialDate::parse(FRI).unwrap())).is_ok(), "{s}");
        }
        assert!(find_when("He said the talks may resume in March 2015, not in May.").len() == 1);
        // A year is a date after a preposition of time or with عام; never bare, and never a
        // number with its noun after `في`.
        let years = "The 2019 law was passed in 2019; since 2015, 2,017 people fled. وقتل في عام 2019             نحو 40، وتضرر في 2000 منزل، ومنذ 2015 نزح الآلاف.";
        let spans: Vec<&str> = find_when(years).into_iter().map(|(a, b)| &years[a..b]).collect();
        assert_eq!(spans, ["2019", "since 2015", "عام 2019", "منذ 2015"]);
        // A superlative's yardstick is not a window.
        for s in ["the largest mass trial of protesters since 2020", "وهو الهجوم الأعنف منذ عام 2019"]
        {
            assert!(find_when(s).is_empty(), "{s}");
        }
    }

    #[test]
    fn late_december_in_a_january_article_is_the_year_before() {
        let w = parse_when("late December", Some(PartialDate::parse("2015-01-03").unwrap())).unwrap();
        assert_eq!(w.from, ymd("2014-12-21"));
    }

    #[test]
    fn phrases_without_a_date_are_refused() {
        let e = parse_when("yesterday", None).unwrap_err();
        assert!(e.contains("publication date"), "{e}");
        let e = parse_when("yesterday", Some(PartialDate::parse("2014-12").unwrap())).unwrap_err();
        assert!(e.contains("publication date"), "{e}");
        assert!(parse_when("next tuesday", pub_date()).is_err());
        assert!(parse_when("yesterday and more", pub_date()).is_err());
        assert!(parse_when("past 0 days", pub_date()).is_err());
    }
}
