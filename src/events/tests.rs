use super::*;
use crate::ratings::Reliability;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn span(from: &str, to: &str, precision: DatePrecision) -> Span {
    Span { from: day(from), to: day(to), precision }
}

#[test]
fn coordinates_are_kept_as_typed_and_checked() {
    assert_eq!(latitude("36.20").unwrap(), "36.20");
    assert_eq!(latitude(" -33.4500 ").unwrap(), "-33.4500");
    assert_eq!(latitude("+12").unwrap(), "12");
    assert_eq!(latitude("-0.0").unwrap(), "0.0");
    assert_eq!(longitude("-180").unwrap(), "-180");
    // Arabic-Indic digits (both sets), the Arabic decimal separator and the minus sign.
    assert_eq!(latitude("٣٦٫٥١٤٠").unwrap(), "36.5140");
    assert_eq!(longitude("۳۷٫۹۱۲").unwrap(), "37.912");
    assert_eq!(longitude("\u{2212}70.66").unwrap(), "-70.66");
    assert!(latitude("٩١").is_err());
    for bad in ["90.0001", "-91", "36,2", "36.", ".5", "36°12'", "N36", "", "-", "1e2", "12.3.4"] {
        assert!(latitude(bad).is_err(), "{bad}");
    }
    assert!(longitude("180.5").is_err());
    assert!(latitude(&"1".repeat(30)).is_err());
    assert_eq!(where_precision("7"), Ok(7));
    assert_eq!(where_precision("٢"), Ok(2));
    assert_eq!(where_precision("۳"), Ok(3));
    assert!(where_precision("0").is_err() && where_precision("8").is_err() && where_precision("x").is_err());
}

#[test]
fn typed_dates_give_a_span_and_a_precision() {
    let p = |s: &str| PartialDate::parse(s).unwrap();
    let s = Span::typed(p("2017-03"), None, None).unwrap();
    assert_eq!((s.from, s.to, s.precision), (day("2017-03-01"), day("2017-03-31"), DatePrecision::Month));
    let s = Span::typed(p("2017-03-10"), Some(p("2017-03-12")), None).unwrap();
    assert_eq!((s.days(), s.precision), (3, DatePrecision::Day));
    let s = Span::typed(p("2017-03-13"), Some(p("2017-03-19")), Some(DatePrecision::Week)).unwrap();
    assert_eq!(s.precision, DatePrecision::Week);
    assert_eq!(Span::typed(p("2017"), None, None).unwrap().precision, DatePrecision::Year);
    assert!(Span::typed(p("2017-03-12"), Some(p("2017-03-10")), None).is_err());
}

#[test]
fn precision_codes_follow_the_datasets() {
    use DatePrecision::*;
    let cases = [
        // (from, to, precision, UCDP date_prec, ACLED time_precision, ACLED event_date)
        ("2017-03-14", "2017-03-14", Day, 1, 1, "2017-03-14"),
        ("2017-03-10", "2017-03-12", Day, 2, 2, "2017-03-11"),
        ("2017-03-10", "2017-03-13", Day, 2, 2, "2017-03-11"),
        ("2017-03-13", "2017-03-19", Week, 3, 2, "2017-03-16"),
        ("2017-03-14", "2017-03-14", Week, 3, 2, "2017-03-14"),
        ("2017-03-01", "2017-03-31", Month, 4, 3, "2017-03-16"),
        ("2017-03-01", "2017-03-12", Day, 4, 3, "2017-03-06"),
        ("2017-01-01", "2017-12-31", Year, 5, 3, "2017-07-02"),
        ("2017-02-20", "2017-04-10", Day, 5, 3, "2017-03-16"),
    ];
    for (from, to, precision, ucdp, acled, date) in cases {
        let s = span(from, to, precision);
        assert_eq!(s.ucdp_date_prec(), ucdp, "{from}..{to}");
        assert_eq!(s.acled_time_precision(), acled, "{from}..{to}");
        assert_eq!(s.acled_event_date(), day(date), "{from}..{to}");
    }
    assert_eq!((1..=7).map(acled_geo_precision).collect::<Vec<_>>(), [1, 2, 2, 3, 3, 3, 3]);
    assert_eq!(Span::precision_of(1), Day);
    assert_eq!(Span::precision_of(7), Week);
    assert_eq!(Span::precision_of(31), Month);
    assert_eq!(Span::precision_of(32), Year);
}

fn voice(grade: Reliability, credibility: i64) -> Voice {
    let credibility = Credibility::new(credibility).unwrap();
    Voice { reliability: vec![grade], credibility, rating: crate::ratings::rating(&[grade], credibility) }
}

fn count(voices: Vec<Voice>, support: Support) -> Count {
    Count {
        measure: "m".into(),
        method: Method::Weighted,
        low: Some(10),
        best: Some(12),
        high: Some(14),
        open_high: false,
        support,
        figures: voices.len().max(1),
        voices,
        conservative: Some(10),
        largest_stated: Some(14),
        discounted: false,
        parts: Vec::new(),
        stale_saved: None,
    }
}

#[test]
fn the_airwars_grade_follows_support_and_ratings() {
    use Reliability::*;
    let grade = |c: &Count| airwars_grade(Some(c)).0;
    assert_eq!(
        grade(&count(vec![voice(B, 1), voice(C, 2)], Support::Corroborated)),
        Some(AirwarsGrade::Confirmed)
    );
    assert_eq!(
        grade(&count(vec![voice(B, 2), voice(C, 2)], Support::Corroborated)),
        Some(AirwarsGrade::Fair)
    );
    // Credibility 1 from a source rated D does not confirm.
    assert_eq!(
        grade(&count(vec![voice(B, 2), voice(C, 3), voice(D, 1)], Support::Corroborated)),
        Some(AirwarsGrade::Fair)
    );
    assert_eq!(
        grade(&count(vec![voice(B, 1), voice(D, 2)], Support::Corroborated)),
        Some(AirwarsGrade::Weak)
    );
    assert_eq!(
        grade(&count(vec![voice(F, 1), voice(F, 1)], Support::Corroborated)),
        Some(AirwarsGrade::Weak)
    );
    assert_eq!(grade(&count(vec![voice(A, 1)], Support::SingleSource)), Some(AirwarsGrade::Weak));
    assert_eq!(
        grade(&count(vec![voice(A, 1), voice(A, 1)], Support::Contested)),
        Some(AirwarsGrade::Contested)
    );
    let discounted = Count { voices: vec![], discounted: true, figures: 2, ..count(vec![], Support::None) };
    assert_eq!(grade(&discounted), Some(AirwarsGrade::Discounted));
    let none = Count { figures: 0, ..count(vec![], Support::None) };
    assert_eq!(grade(&none), None);
    assert_eq!(airwars_grade(None).0, None);
}

#[test]
fn a_sum_is_graded_by_its_weakest_part() {
    use Reliability::*;
    let confirmed =
        Count { measure: "site.a".into(), ..count(vec![voice(B, 1), voice(C, 2)], Support::Corroborated) };
    let single = Count { measure: "site.b".into(), ..count(vec![voice(A, 1)], Support::SingleSource) };
    let empty = Count { measure: "site.c".into(), figures: 0, ..count(vec![], Support::None) };
    let sum = |parts: Vec<Count>| Count {
        figures: parts.iter().map(|p| p.figures).sum(),
        voices: parts.iter().flat_map(|p| p.voices.clone()).collect(),
        parts,
        ..count(vec![], Support::Corroborated)
    };
    let (g, why) = airwars_grade(Some(&sum(vec![confirmed.clone(), single.clone(), empty.clone()])));
    assert_eq!(g, Some(AirwarsGrade::Weak));
    assert_eq!(why, "the weakest of its parts, site.b: a single voice");
    // A part without figures grades nothing: the others decide.
    assert_eq!(
        airwars_grade(Some(&sum(vec![confirmed.clone(), empty.clone()]))).0,
        Some(AirwarsGrade::Confirmed)
    );
    // Contested is weaker than weak, discounted weaker still.
    let contested =
        Count { measure: "site.d".into(), ..count(vec![voice(A, 1), voice(B, 2)], Support::Contested) };
    let discounted = Count {
        measure: "site.e".into(),
        voices: vec![],
        discounted: true,
        figures: 1,
        ..count(vec![], Support::None)
    };
    assert_eq!(
        airwars_grade(Some(&sum(vec![single.clone(), contested.clone()]))).0,
        Some(AirwarsGrade::Contested)
    );
    assert_eq!(airwars_grade(Some(&sum(vec![contested, discounted]))).0, Some(AirwarsGrade::Discounted));
    // A sum of parts none of which has a figure is not graded.
    let none = Count { figures: 0, ..sum(vec![empty]) };
    assert_eq!(airwars_grade(Some(&none)).0, None);
}

#[test]
fn ucdp_keeps_low_best_high_in_order() {
    let c = count(vec![voice(Reliability::B, 2)], Support::SingleSource);
    assert_eq!(ucdp_estimates(&c), (Some(10), Some(12), Some(14)));
    // A manual best outside the range widens it.
    assert_eq!(ucdp_estimates(&Count { best: Some(20), ..c.clone() }), (Some(10), Some(20), Some(20)));
    assert_eq!(ucdp_estimates(&Count { best: Some(3), ..c.clone() }), (Some(3), Some(3), Some(14)));
    // The range method gives no best: the low stands for it.
    assert_eq!(ucdp_estimates(&Count { best: None, ..c.clone() }), (Some(10), Some(10), Some(14)));
    // An open high is the largest number stated.
    let open = Count { high: None, open_high: true, largest_stated: Some(40), ..c.clone() };
    assert_eq!(ucdp_estimates(&open), (Some(10), Some(12), Some(40)));
    assert_eq!(ucdp_estimates(&Count { low: None, best: None, ..c }), (None, None, None));
}

#[test]
fn rows_name_their_dataset_columns() {
    let e = Event {
        key: "tokhar.2017-03-14".into(),
        label: "shelling of Tokhar market".into(),
        note: Some("market day".into()),
        span: Some(span("2017-03-14", "2017-03-14", DatePrecision::Day)),
        place: Some("طخار".into()),
        latitude: Some("36.5140".into()),
        longitude: Some("37.9120".into()),
        where_precision: Some(2),
        killed: Some(count(vec![voice(Reliability::B, 2), voice(Reliability::C, 1)], Support::Corroborated)),
        injured: None,
        articles: vec![
            Cited {
                outlet: Some("Gulf Wire".into()),
                title: "Toll rises".into(),
                published: Some("2017-03-15".into()),
            },
            Cited { outlet: None, title: "بيان".into(), published: None },
            Cited {
                outlet: Some("Gulf Wire".into()),
                title: "Later".into(),
                published: Some("2017-03-16".into()),
            },
        ],
        originators: vec!["Valley Observatory".into()],
    };
    let u = ucdp(&e);
    assert_eq!((u.best, u.low, u.high, u.number_of_sources), (Some(12), Some(10), Some(14), 2));
    assert_eq!(
        u.source_article,
        ["Gulf Wire, 2017-03-15, Toll rises", "بيان", "Gulf Wire, 2017-03-16, Later"]
    );
    assert_eq!(u.source_office, ["Gulf Wire", "", "Gulf Wire"]);
    let a = acled(&e);
    assert_eq!(
        (a.fatalities, a.geo_precision, a.source.clone()),
        (10, Some(2), vec!["Gulf Wire".to_string()])
    );
    assert_eq!(a.notes, "shelling of Tokhar market. market day");
    let w = airwars(&e);
    assert_eq!((w.killed_min, w.killed_max, w.grade), (Some(10), Some(14), Some(AirwarsGrade::Confirmed)));
    assert_eq!(w.ratings, ["B2", "C1"]);
    // Nothing counted: ACLED's 0, UCDP's empty estimates.
    let bare = Event { killed: None, ..e };
    assert_eq!(acled(&bare).fatalities, 0);
    assert_eq!((ucdp(&bare).best, ucdp(&bare).number_of_sources), (None, 0));
}

proptest::proptest! {
    /// Any coordinate within range, with any number of decimals, is kept exactly as typed, and
    /// the same digits typed in Arabic-Indic give the same text.
    #[test]
    fn a_coordinate_in_range_is_kept_as_typed(whole in 0u32..=89, fraction in "[0-9]{0,8}", south: bool) {
        let mut text = format!("{}{whole}", if south { "-" } else { "" });
        if !fraction.is_empty() {
            text.push('.');
            text.push_str(&fraction);
        }
        let kept = latitude(&text).unwrap();
        let zero = whole == 0 && fraction.bytes().all(|b| b == b'0');
        proptest::prop_assert_eq!(&kept, if south && zero { &text[1..] } else { &text });
        let arabic: String = text
            .chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap(),
                '.' => '\u{066B}',
                c => c,
            })
            .collect();
        proptest::prop_assert_eq!(latitude(&arabic).unwrap(), kept);
        let beyond = (181 + whole).to_string();
        proptest::prop_assert!(longitude(&beyond).is_err());
    }
}
