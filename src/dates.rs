//! Partial dates (`2014`, `2014-12`, `2014-12-05`) and the `--when` phrases of claims, read
//! against the article's publication date. Pure: no I/O.

use chrono::{Datelike, Duration, NaiveDate};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

const DATE_FORMS: &str = "write YYYY, YYYY-MM or YYYY-MM-DD, such as 2014, 2014-12 or 2014-12-05";

impl PartialDate {
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let t = text.trim();
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

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (y, m) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(y, m, 1).map(|d| d - Duration::days(1)).filter(|_| (1..=12).contains(&month))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Year,
    Month,
    Day,
    Range,
}

impl Precision {
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Range => "range",
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

const WHEN_FORMS: &str = "2014, 2014-12, 2014-12-05, a range 2014-12-02..2014-12-05, or a phrase \
    read against the article's date: today, yesterday, past N days, past few days, this week, \
    last week, early|mid|late MONTH";

const MONTHS: [&str; 12] = [
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
];

/// Reads a `--when` value. Phrases need the article's publication date to the day.
pub fn parse_when(text: &str, published: Option<PartialDate>) -> Result<When, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err(format!("--when is empty; give {WHEN_FORMS}"));
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some((a, b)) = t.split_once("..") {
            let a = PartialDate::parse(a)?;
            let b = PartialDate::parse(b)?;
            let (from, to) = (a.first_day().unwrap_or_default(), b.last_day().unwrap_or_default());
            if from > to {
                return Err(format!("the range '{t}' ends before it starts; write the earlier date first"));
            }
            return Ok(When { text: t.into(), from, to, precision: Precision::Range });
        }
        let d = PartialDate::parse(t)
            .map_err(|_| format!("'{t}' is not a date or a range; give {WHEN_FORMS}"))?;
        return Ok(When {
            text: t.into(),
            from: d.first_day().unwrap_or_default(),
            to: d.last_day().unwrap_or_default(),
            precision: d.precision(),
        });
    }
    let phrase = crate::normalize::normalize(t).split_whitespace().collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = phrase.split(' ').collect();
    let needs_date = || match published.and_then(|p| p.exact()) {
        Some(d) => Ok(d),
        None => Err(format!(
            "'{t}' is read against the article's publication date, and this article has none to the day; \
             give the article a date (YYYY-MM-DD) or write the date itself"
        )),
    };
    let day = |d: NaiveDate| Ok(When { text: t.into(), from: d, to: d, precision: Precision::Day });
    let range =
        |from: NaiveDate, to: NaiveDate| Ok(When { text: t.into(), from, to, precision: Precision::Range });
    match words.as_slice() {
        ["today"] | ["اليوم"] => day(needs_date()?),
        ["yesterday"] | ["امس"] | ["يوم", "امس"] => day(needs_date()? - Duration::days(1)),
        ["past", "few", "days"] | ["the", "past", "few", "days"] | ["الايام", "القليله", "الماضيه"] =>
        {
            let p = needs_date()?;
            range(p - Duration::days(3), p - Duration::days(1))
        }
        ["past", n, "days"] | ["the", "past", n, "days"] | ["past", n, "day"] => {
            let n: i64 = n.parse().ok().filter(|n| (1..=3660).contains(n)).ok_or_else(|| {
                format!("'{t}' needs a number of days from 1 to 3660, such as 'past 3 days'")
            })?;
            let p = needs_date()?;
            range(p - Duration::days(n), p - Duration::days(1))
        }
        ["this", "week"] | ["هذا", "الاسبوع"] => {
            let p = needs_date()?;
            range(p - Duration::days(p.weekday().num_days_from_monday() as i64), p)
        }
        ["last", "week"] | ["الاسبوع", "الماضي"] => {
            let p = needs_date()?;
            let monday = p - Duration::days(p.weekday().num_days_from_monday() as i64 + 7);
            range(monday, monday + Duration::days(6))
        }
        [part @ ("early" | "mid" | "late"), month, rest @ ..] => {
            let m = MONTHS
                .iter()
                .position(|name| *name == *month || (month.len() >= 3 && name.starts_with(month)))
                .ok_or_else(|| format!("'{month}' is not a month name; write a month such as December"))?
                as u32
                + 1;
            let year = match rest {
                [] => {
                    let p = needs_date()?;
                    // "late December" in a January article means the December before it.
                    if m > p.month() {
                        p.year() - 1
                    } else {
                        p.year()
                    }
                }
                [y] => y
                    .parse::<i32>()
                    .ok()
                    .filter(|y| (1000..=9999).contains(y))
                    .ok_or_else(|| format!("'{y}' is not a year; write four digits such as 2014"))?,
                _ => {
                    return Err(format!("'{t}' is not a date or phrase crosscheck reads; give {WHEN_FORMS}"))
                }
            };
            let last = last_of_month(year, m).map(|d| d.day()).unwrap_or(28);
            let (a, b) = match *part {
                "early" => (1, 10),
                "mid" => (11, 20),
                _ => (21, last),
            };
            let from = NaiveDate::from_ymd_opt(year, m, a).unwrap_or_default();
            let to = NaiveDate::from_ymd_opt(year, m, b).unwrap_or_default();
            range(from, to)
        }
        _ => Err(format!("'{t}' is not a date or phrase crosscheck reads; give {WHEN_FORMS}")),
    }
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
        assert_eq!(PartialDate::parse("2014-12").unwrap().last_day(), Some(ymd("2014-12-31")));
        assert_eq!(PartialDate::parse("2016-02").unwrap().last_day(), Some(ymd("2016-02-29")));
        for bad in ["2014-13-45", "2014-02-30", "14", "2014/12/05", "", "2014-1-5", "abcd"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
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

    #[test]
    fn phrases_against_the_publication_date() {
        // 2014-12-05 was a Friday.
        let cases = [
            ("yesterday", "2014-12-04", "2014-12-04", Precision::Day),
            ("أمس", "2014-12-04", "2014-12-04", Precision::Day),
            ("today", "2014-12-05", "2014-12-05", Precision::Day),
            ("past 3 days", "2014-12-02", "2014-12-04", Precision::Range),
            ("past few days", "2014-12-02", "2014-12-04", Precision::Range),
            ("this week", "2014-12-01", "2014-12-05", Precision::Range),
            ("last week", "2014-11-24", "2014-11-30", Precision::Range),
            ("early December", "2014-12-01", "2014-12-10", Precision::Range),
            ("late November", "2014-11-21", "2014-11-30", Precision::Range),
            ("mid feb 2015", "2015-02-11", "2015-02-20", Precision::Range),
        ];
        for (text, from, to, precision) in cases {
            let w = parse_when(text, pub_date()).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!((w.from, w.to, w.precision), (ymd(from), ymd(to), precision), "{text}");
            assert_eq!(w.text, text);
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
        assert!(parse_when("past 0 days", pub_date()).is_err());
    }
}

pub fn find_when(_text: &str) -> Vec<(usize, usize)> {
    Vec::new()
}
