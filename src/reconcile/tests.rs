//! The rules of reconciliation, each with numbers worked by hand. The scenarios are fictional:
//! outlets relaying two originators (a monitor and a health directorate) over three days.

use super::*;
use proptest::prelude::*;

fn key(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

fn fig(id: i64, low: i64, high: Option<i64>, point: i64, weight: f64, keys: &[&str]) -> FigureIn {
    FigureIn {
        figure_id: id,
        claim_id: id * 10,
        low,
        high,
        point,
        provisional: false,
        weight,
        excluded: None,
        voice_keys: keys.iter().map(|k| key(k)).collect(),
        published: None,
        repeats: Vec::new(),
        ..FigureIn::default()
    }
}

fn dated(mut f: FigureIn, date: &str) -> FigureIn {
    f.published = Some(date.into());
    f
}

fn run(figs: &[FigureIn]) -> Outcome {
    reconcile(figs, &Links::default(), &Request::default())
}

fn with(method: Method, figs: &[FigureIn]) -> Outcome {
    reconcile(figs, &Links::default(), &Request { method, ..Request::default() })
}

#[test]
fn excluded_figures_are_listed_with_their_reason() {
    let mut e = fig(2, 300, Some(300), 300, 0.025, &["s2"]);
    e.excluded = Some(Excluded::Unreliable);
    let figs = vec![fig(1, 40, Some(40), 40, 0.5, &["s1"]), e];
    let o = run(&figs);
    assert_eq!((o.figures, o.voices, o.best), (1, 1, Some(40)));
    assert_eq!(
        (o.items[1].code.as_str(), o.items[1].reason.as_str()),
        ("E-rated", "all sources rated E (unreliable)")
    );
    assert!(!o.items[1].included);
    // --include-all takes it back: 40 and 300 cannot both be true.
    let o = reconcile(&figs, &Links::default(), &Request { include_all: true, ..Request::default() });
    assert_eq!(o.voices, 2);
    assert_eq!(o.conflicts, vec![Pair { a: 1, b: 2, gap: 260 }]);
    assert_eq!(o.support, Support::Contested);
}

#[test]
fn relays_of_one_source_are_one_voice_that_speaks_with_its_latest_word() {
    // Figures 1 and 2 relay source s9; figure 2 was published later, so it speaks for the voice
    // although figure 1 weighs more.
    let figs = vec![
        dated(fig(1, 12, Some(12), 12, 0.75, &["s9"]), "2014-12-05"),
        dated(fig(2, 14, Some(14), 14, 0.5, &["s9", "a2"]), "2014-12-06"),
        dated(fig(3, 13, Some(15), 14, 0.25, &["s3"]), "2014-12-05"),
    ];
    let o = run(&figs);
    assert_eq!(o.voices, 2);
    assert_eq!(o.used, vec![2, 3]);
    assert_eq!(o.items[0].code, "voice of #2");
    assert_eq!(o.items[0].reason, "same voice as #2, which is later");
    assert!(!o.items[0].reason.contains("weighs"));
    assert_eq!(o.items[0].voice_of, Some(2));
    // 14 and 13..15 overlap: corroborated, low 13, high 15.
    assert_eq!(o.support, Support::Corroborated);
    assert_eq!((o.low, o.high), (Some(13), Some(15)));
}

#[test]
fn on_the_same_day_the_later_claim_speaks() {
    let figs = vec![fig(4, 10, Some(10), 10, 1.0, &["m"]), fig(3, 20, Some(20), 20, 0.1, &["m"])];
    // Claims 40 and 30: claim 40 is the later one.
    let o = run(&figs);
    assert_eq!(o.used, vec![4]);
    assert_eq!(o.items[1].reason, "same voice as #4, which is a later claim");
}

#[test]
fn repeats_join_voices_whatever_their_sources() {
    // Four outlets: two relay the monitor, two relay the directorate; the wire story (figure 5)
    // names no source but is linked as repeating the directorate's claim (a shared key).
    let figs = vec![
        dated(fig(1, 20, Some(20), 20, 0.5, &["monitor"]), "2017-03-14"),
        dated(fig(2, 20, Some(20), 20, 0.5, &["monitor", "outlet-b"]), "2017-03-14"),
        dated(fig(3, 31, Some(31), 31, 0.5, &["directorate"]), "2017-03-14"),
        dated(fig(4, 31, Some(31), 31, 0.5, &["directorate", "outlet-d"]), "2017-03-15"),
        dated(fig(5, 31, Some(31), 31, 0.5, &["outlet-e", "repeats:30"]), "2017-03-15"),
    ];
    let mut figs = figs;
    figs[2].voice_keys.push(key("repeats:30"));
    let o = run(&figs);
    assert_eq!(o.voices, 2, "{:?}", o.items);
    assert_eq!(o.support, Support::Contested);
    assert_eq!(o.conflicting_pairs, 1);
}

#[test]
fn an_update_reaches_the_relays_of_the_old_count() {
    // Day 1: the monitor says 20 (claim 10), relayed by two outlets (claims 20, 30).
    // Day 2: the monitor updates to 26 (claim 40 updates claim 10); one outlet relays it (50).
    // The directorate says 25 on day 1 (claim 60), relayed on day 2 (claim 70).
    let figs = vec![
        dated(fig(1, 20, Some(20), 20, 0.75, &["monitor"]), "2017-03-14"),
        dated(fig(2, 20, Some(20), 20, 0.5, &["monitor", "outlet-a"]), "2017-03-14"),
        dated(fig(3, 20, Some(20), 20, 0.5, &["monitor", "outlet-b"]), "2017-03-14"),
        dated(fig(4, 26, Some(26), 26, 0.75, &["monitor"]), "2017-03-15"),
        dated(fig(5, 26, Some(26), 26, 0.5, &["monitor", "outlet-c"]), "2017-03-15"),
        dated(fig(6, 25, Some(25), 25, 0.75, &["directorate"]), "2017-03-14"),
        dated(fig(7, 25, Some(25), 25, 0.5, &["directorate", "outlet-d"]), "2017-03-15"),
    ];
    let updates = [Update { by: 40, of: 10 }];
    let o = reconcile(&figs, &Links::of(&updates), &Request::default());
    assert_eq!(o.items[0].reason, "superseded by #40, which updates it");
    assert_eq!(o.items[1].reason, "superseded by #40 via the update of #10");
    assert_eq!(o.items[2].superseded_by, Some(40));
    assert!(!o.items[3].included && o.items[4].included, "the relay of the update is the latest word");
    // Voices: the monitor (26, figure 5) and the directorate (25, figure 7): 25 and 26 conflict.
    assert_eq!(o.used, vec![5, 7]);
    assert_eq!((o.low, o.high, o.support), (Some(25), Some(26), Support::Contested));
    // Weighted: points 25 (0.5) and 26 (0.5): half of 1.0 is reached at 25.
    assert_eq!(o.best, Some(25));
}

#[test]
fn a_claim_that_repeats_a_superseded_claim_is_superseded_even_later() {
    let mut relay = dated(fig(3, 20, Some(20), 20, 0.5, &["outlet-x"]), "2017-03-16");
    relay.repeats = vec![10];
    let figs = vec![
        dated(fig(1, 20, Some(20), 20, 0.75, &["monitor"]), "2017-03-14"),
        dated(fig(2, 26, Some(26), 26, 0.75, &["monitor"]), "2017-03-15"),
        relay,
    ];
    let o = reconcile(&figs, &Links::of(&[Update { by: 20, of: 10 }]), &Request::default());
    assert_eq!(o.items[2].code, "superseded");
    assert_eq!(o.used, vec![2]);
}

#[test]
fn filters_and_the_date_are_not_taken_back_by_include_all() {
    let mut f = fig(2, 30, Some(30), 30, 0.5, &["s2"]);
    f.excluded = Some(Excluded::Filtered("--min-reliability C".into()));
    let mut g = fig(3, 90, Some(90), 90, 0.5, &["s3"]);
    g.excluded = Some(Excluded::NotYet("2017-03-16".into()));
    let figs = vec![fig(1, 10, Some(10), 10, 0.5, &["s1"]), f, g];
    let o = reconcile(&figs, &Links::default(), &Request { include_all: true, ..Request::default() });
    assert_eq!(o.used, vec![1]);
    assert_eq!(o.items[1].code, "filtered");
    assert_eq!(o.items[1].reason, "left out by --min-reliability C");
    assert_eq!(o.items[2].code, "not yet");
}

#[test]
fn the_range_method_gives_low_and_high_only() {
    let figs = vec![fig(1, 7, Some(7), 7, 0.5, &["a"]), fig(2, 13, Some(13), 13, 0.5, &["b"])];
    let o = with(Method::Range, &figs);
    assert_eq!((o.low, o.best, o.high), (Some(7), None, Some(13)));
}

#[test]
fn a_provisional_toll_leaves_the_high_open() {
    let mut f = fig(1, 20, Some(20), 20, 0.5, &["a"]);
    f.provisional = true;
    let o = run(&[f, fig(2, 25, Some(25), 25, 0.5, &["b"])]);
    // "20 and rising" and 25 can both be true; the high stays 25 (an open low of 20 is below it).
    assert_eq!((o.low, o.high, o.support), (Some(20), Some(25), Support::Corroborated));
}

#[test]
fn duplicate_articles_join_voices_transitively() {
    let figs = vec![
        fig(1, 10, Some(10), 10, 0.5, &["a1"]),
        fig(2, 10, Some(10), 10, 0.5, &["a1", "s5"]),
        fig(3, 11, Some(11), 11, 0.5, &["s5"]),
    ];
    assert_eq!(with(Method::Median, &figs).voices, 1);
}

#[test]
fn an_open_figure_above_every_bounded_high_opens_the_range() {
    // "45" against "more than 200": 201 > 45, so high is open; the two cannot both be true.
    let figs = vec![fig(1, 45, Some(45), 45, 0.5, &["s1"]), fig(2, 201, None, 201, 0.5, &["s2"])];
    let o = run(&figs);
    assert_eq!((o.low, o.high, o.open_high), (Some(45), None, true));
    assert_eq!(o.support, Support::Contested);
    assert_eq!(o.conflicts, vec![Pair { a: 1, b: 2, gap: 156 }]);
    // Weighted: points 45 (0.5), 201 (0.5); half of 1.0 is reached at 45.
    assert_eq!(o.best, Some(45));
}

#[test]
fn an_open_figure_below_a_bounded_high_only_adds_its_low() {
    let figs = vec![fig(1, 10, Some(30), 20, 0.5, &["s1"]), fig(2, 20, None, 20, 0.5, &["s2"])];
    let o = with(Method::Conservative, &figs);
    assert_eq!((o.low, o.high, o.open_high, o.conflict), (Some(10), Some(30), false, false));
}

#[test]
fn the_six_methods() {
    // Points 10 (w 0.25), 12 (w 0.75), 15 (w 0.5), 20 (w 1.0): total 2.5, half 1.25.
    // Running: 0.25, 1.0, 1.5 -> weighted best is 15.
    let figs = vec![
        fig(1, 10, Some(10), 10, 0.25, &["s1"]),
        fig(2, 12, Some(12), 12, 0.75, &["s2"]),
        fig(3, 15, Some(15), 15, 0.5, &["s3"]),
        fig(4, 20, Some(20), 20, 1.0, &["s4"]),
    ];
    assert_eq!(with(Method::Weighted, &figs).best, Some(15));
    assert_eq!(with(Method::Conservative, &figs).best, Some(10));
    // Even count: the lower middle of 10, 12, 15, 20 is 12.
    assert_eq!(with(Method::Median, &figs).best, Some(12));
    assert_eq!(with(Method::BestSource, &figs).best, Some(20));
    assert_eq!(with(Method::Range, &figs).best, None);
    let manual = reconcile(
        &figs,
        &Links::default(),
        &Request { method: Method::Manual, manual: Some(14), ..Request::default() },
    );
    assert_eq!(manual.best, Some(14));
}

#[test]
fn best_source_ties_go_to_the_latest_article_then_the_lowest_id() {
    let a = dated(fig(1, 10, Some(10), 10, 0.5, &["s1"]), "2014-12-06");
    let b = dated(fig(2, 12, Some(12), 12, 0.5, &["s2"]), "2014-12-05");
    assert_eq!(with(Method::BestSource, &[a.clone(), b.clone()]).best, Some(10));
    let a = dated(a, "2014-12-05");
    assert_eq!(with(Method::BestSource, &[a, b]).best, Some(10));
}

#[test]
fn one_voice_is_single_source_and_none_is_none() {
    let o = run(&[fig(1, 40, Some(50), 45, 0.5, &["s"])]);
    assert_eq!((o.support, o.best), (Support::SingleSource, Some(45)));
    let o = run(&[]);
    assert_eq!((o.support, o.voices, o.best), (Support::None, 0, None));
}

#[test]
fn conflicts_are_counted_named_widest_first_and_clustered() {
    // Intervals: #1 10..12, #2 11..14, #3 30..35, #4 33..40, #5 100..open.
    // Clusters: {1,2} 10..14, {3,4} 30..40, {5} 100..open.
    // Disjoint pairs: 1-3 1-4 1-5 2-3 2-4 2-5 3-5 4-5 = 8. Widest gaps: 1-5 (88), 2-5 (86), 3-5 (65).
    let iv = [(1, 10, Some(12)), (2, 11, Some(14)), (3, 30, Some(35)), (4, 33, Some(40)), (5, 100, None)];
    let (count, pairs, clusters) = conflicts(&iv, 3);
    assert_eq!(count, 8);
    assert_eq!(
        pairs,
        vec![Pair { a: 1, b: 5, gap: 88 }, Pair { a: 2, b: 5, gap: 86 }, Pair { a: 3, b: 5, gap: 65 }]
    );
    assert_eq!(
        clusters,
        vec![
            Cluster { low: 10, high: Some(14), figures: vec![1, 2] },
            Cluster { low: 30, high: Some(40), figures: vec![3, 4] },
            Cluster { low: 100, high: None, figures: vec![5] },
        ]
    );
}

/// The quadratic check the sweep replaces.
fn pairs_by_hand(iv: &[(i64, i64, Option<i64>)]) -> Vec<Pair> {
    let mut out = Vec::new();
    for (i, a) in iv.iter().enumerate() {
        for b in &iv[i + 1..] {
            let (first, second) = if a.2.map(|h| h < b.1).unwrap_or(false) {
                (a, b)
            } else if b.2.map(|h| h < a.1).unwrap_or(false) {
                (b, a)
            } else {
                continue;
            };
            let gap = second.1 - first.2.unwrap_or(i64::MAX);
            out.push(Pair { a: a.0.min(b.0), b: a.0.max(b.0), gap });
        }
    }
    out.sort_by_key(|p| (Reverse(p.gap), p.a, p.b));
    out
}

proptest! {
    #[test]
    fn the_sweep_finds_exactly_the_pairs_the_quadratic_check_finds(
        raw in proptest::collection::vec((0i64..200, 0i64..60, proptest::bool::weighted(0.1)), 0..40),
        max in 0usize..50,
    ) {
        let iv: Vec<(i64, i64, Option<i64>)> = raw
            .iter()
            .enumerate()
            .map(|(i, (low, width, open))| (i as i64 + 1, *low, if *open { None } else { Some(low + width) }))
            .collect();
        let want = pairs_by_hand(&iv);
        let (count, pairs, clusters) = conflicts(&iv, max);
        prop_assert_eq!(count, want.len() as u64);
        prop_assert_eq!(pairs.len(), want.len().min(max));
        // The named pairs are the widest: their gaps equal the top gaps by hand.
        let gaps: Vec<i64> = pairs.iter().map(|p| p.gap).collect();
        let want_gaps: Vec<i64> = want.iter().take(max).map(|p| p.gap).collect();
        prop_assert_eq!(gaps, want_gaps);
        for p in &pairs {
            prop_assert!(want.contains(p), "{:?} is not a conflicting pair", p);
        }
        // Every figure is in exactly one cluster.
        let mut all: Vec<i64> = clusters.iter().flat_map(|c| c.figures.clone()).collect();
        all.sort_unstable();
        prop_assert_eq!(all, (1..=iv.len() as i64).collect::<Vec<_>>());
    }
}
