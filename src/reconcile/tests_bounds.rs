//! low ≤ best ≤ high, whatever the method: a ceiling stated alone beside a higher count (the
//! cause of a best below the low once), worded in English and in Arabic, and every kind of
//! figure drawn at random, with updates and relays.

use super::*;
use crate::notation::{self, Kind};
use proptest::prelude::*;

const METHODS: [Method; 6] = [
    Method::Weighted,
    Method::Conservative,
    Method::Median,
    Method::BestSource,
    Method::Manual,
    Method::Range,
];

/// A figure as the notebook would hand it to reconciliation, read from its wording.
fn worded(id: i64, wording: &str, voice: u64, date: &str) -> FigureIn {
    let r = notation::parse(wording, &notation::default_vague_table()).expect(wording);
    FigureIn {
        figure_id: id,
        claim_id: id,
        low: r.low,
        high: r.high,
        point: r.point,
        provisional: r.provisional,
        ceiling_only: matches!(r.kind, Kind::AtMost | Kind::FewerThan),
        lower_bound: r.provisional || matches!(r.kind, Kind::AtLeast | Kind::MoreThan | Kind::Vague),
        weight: 0.5,
        voice_keys: vec![voice],
        published: Some(date.into()),
        ..FigureIn::default()
    }
}

fn with(method: Method, manual: Option<i64>) -> Request {
    Request { method, manual, ..Request::default() }
}

fn assert_inside(o: &Outcome, what: &str) {
    let (Some(low), Some(best)) = (o.low, o.best) else { return };
    assert!(low <= best, "{what}: best {best} below low {low}");
    if let Some(high) = o.high {
        assert!(best <= high, "{what}: best {best} above high {high}");
    }
}

#[test]
fn a_ceiling_alone_below_a_count_never_pulls_the_best_under_the_low() {
    for ceiling in
        ["at most 10", "up to 10", "no more than 10", "لا يتجاوز 10", "ما يصل إلى 10", "لا يزيد عن 10"]
    {
        for count in ["20", "٢٠", "20 killed"] {
            let figs = [worded(1, ceiling, 1, "2024-03-02"), worded(2, count, 2, "2024-03-02")];
            assert!(figs[0].ceiling_only, "{ceiling} is read as a ceiling");
            for method in METHODS {
                let o = reconcile(&figs, &Links::default(), &with(method, Some(20)));
                let what = format!("{ceiling} beside {count}, {method}");
                // The ceiling states no floor: the low is the count's, and the two conflict.
                assert_eq!((o.low, o.high, o.conflict), (Some(20), Some(20), true), "{what}");
                if method == Method::Range {
                    assert_eq!(o.best, None, "{what}");
                } else {
                    assert_eq!(o.best, Some(20), "{what}");
                }
            }
            let conservative = reconcile(&figs, &Links::default(), &with(Method::Conservative, None));
            // The ceiling's point is the smallest; inside the range it counts at the low.
            assert_eq!(conservative.best_by, Some(1));
        }
    }
}

#[test]
fn a_ceiling_inside_the_range_keeps_its_own_point() {
    // "at most 25" beside "between 20 and 30": 25 is inside 20..30 and stays the smallest point.
    for (ceiling, range) in [("at most 25", "between 20 and 30"), ("لا يتجاوز 25", "ما بين 20 و30")]
    {
        let figs = [worded(1, ceiling, 1, "2024-03-02"), worded(2, range, 2, "2024-03-02")];
        let o = reconcile(&figs, &Links::default(), &with(Method::Conservative, None));
        assert_eq!((o.low, o.best, o.high), (Some(20), Some(25), Some(30)), "{ceiling} / {range}");
    }
}

#[test]
fn a_rising_toll_raises_the_high_to_its_point() {
    // "about 60 and rising" (54..66, point 60, open here) beside "55": the high is open, so
    // best-source, which takes the rising toll, stays inside the range.
    let figs = [
        FigureIn { weight: 1.0, ..worded(1, "about 60 and rising", 1, "2024-03-02") },
        worded(2, "55", 2, "2024-03-02"),
    ];
    assert!(figs[0].provisional);
    let o = reconcile(&figs, &Links::default(), &with(Method::BestSource, None));
    assert_eq!((o.low, o.best, o.high, o.open_high), (Some(54), Some(60), None, true));
}

#[test]
fn a_manual_value_outside_the_range_is_kept_inside_as_a_last_guard() {
    // The command refuses such a value; the pure core never returns it.
    let figs = [worded(1, "20", 1, "2024-03-02"), worded(2, "30", 2, "2024-03-02")];
    let low = reconcile(&figs, &Links::default(), &with(Method::Manual, Some(5)));
    assert_eq!(low.best, Some(20));
    let high = reconcile(&figs, &Links::default(), &with(Method::Manual, Some(500)));
    assert_eq!(high.best, Some(30));
}

/// One random figure of any kind: exact, floor (at least, more than), ceiling (at most, fewer
/// than), range, approximate, vague, each possibly provisional.
fn any_figure() -> impl Strategy<Value = (u8, i64, i64, bool, u8, u32)> {
    (0u8..8, 0i64..150, 0i64..80, proptest::bool::weighted(0.15), 0u8..5, 1u32..8)
}

fn build(id: i64, (kind, n, width, provisional, voice, day): (u8, i64, i64, bool, u8, u32)) -> FigureIn {
    let (low, high, point, ceiling_only, lower_bound) = match kind {
        0 => (n, Some(n), n, false, false),
        1 => (n, None, n, false, true),
        2 => (n + 1, None, n + 1, false, true),
        3 => (0, Some(n), n, true, false),
        4 => (0, Some(n.max(1) - 1), n.max(1) - 1, true, false),
        5 => (n, Some(n + width), n + (width + 1) / 2, false, false),
        6 => (9 * n / 10, Some((11 * n + 9) / 10), n, false, false),
        _ => (n, Some(n + width), n + width / 3, false, true),
    };
    FigureIn {
        figure_id: id,
        claim_id: id,
        low,
        high,
        point,
        provisional,
        ceiling_only,
        lower_bound: lower_bound || provisional,
        weight: [0.05, 0.25, 0.5, 0.75, 1.0][usize::from(voice)],
        voice_keys: vec![u64::from(voice)],
        published: Some(format!("2024-03-0{day}")),
        ..FigureIn::default()
    }
}

proptest! {
    #[test]
    fn every_method_gives_a_best_between_low_and_high(
        raw in proptest::collection::vec(any_figure(), 1..12),
        links in proptest::collection::vec((0usize..12, 0usize..12, proptest::bool::ANY), 0..6),
        manual in 0i64..300,
        union in proptest::bool::ANY,
        include_all in proptest::bool::ANY,
    ) {
        let mut figs: Vec<FigureIn> = raw.into_iter().enumerate().map(|(i, r)| build(i as i64 + 1, r)).collect();
        let n = figs.len();
        let mut updates = Vec::new();
        for (a, b, relay) in links {
            let (a, b) = (a % n, b % n);
            if a == b {
                continue;
            }
            if relay {
                // Figure a's claim repeats figure b's.
                let of = figs[b].claim_id;
                figs[a].repeats.push(of);
                figs[a].original_published = figs[b].published.clone();
            } else {
                updates.push(Update { by: figs[a].claim_id, of: figs[b].claim_id });
            }
        }
        let envelope = if union { Envelope::Union } else { Envelope::Stated };
        for method in METHODS {
            let req = Request { method, manual: Some(manual), envelope, include_all, ..Request::default() };
            let o = reconcile(&figs, &Links::of(&updates), &req);
            if let (Some(low), Some(best)) = (o.low, o.best) {
                prop_assert!(low <= best, "{} {:?}: best {} below low {}", method, envelope, best, low);
            }
            if let (Some(high), Some(best)) = (o.high, o.best) {
                prop_assert!(best <= high, "{} {:?}: best {} above high {}", method, envelope, best, high);
            }
            if let (Some(low), Some(high)) = (o.low, o.high) {
                prop_assert!(low <= high, "{} {:?}: low {} above high {}", method, envelope, low, high);
            }
            assert_inside(&o, "drawn");
        }
    }
}
