//! Reconciliation of one measure's figures into low, best and high, following DESIGN.md step by
//! step so a researcher can redo it by hand: eligibility, voices (relays count once), range with
//! open upper bounds, consensus and conflicting pairs, the best estimate by method, support.
//! Pure: figures in, result out.

use std::collections::BTreeMap;

/// One figure as reconciliation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureIn {
    pub figure_id: i64,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    /// Highest reliability weight among the claim's sources times the credibility weight.
    pub weight: f64,
    /// Why the figure is not eligible (superseded, credibility 5, all sources E), if so.
    pub excluded: Option<String>,
    /// Keys that make figures one voice: originating source ids and article clusters.
    pub voice_keys: Vec<String>,
    /// The article's publication date, for best-source ties (later wins).
    pub published: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Method {
    Weighted,
    Conservative,
    Median,
    BestSource,
    Manual,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Weighted => "weighted",
            Method::Conservative => "conservative",
            Method::Median => "median",
            Method::BestSource => "best-source",
            Method::Manual => "manual",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub figure_id: i64,
    pub included: bool,
    pub reason: String,
    pub weight: f64,
    /// The voice (1-based) an eligible figure belongs to.
    pub voice: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub conflict: bool,
    pub support: &'static str,
    pub figures: usize,
    pub voices: usize,
    pub conflicts: Vec<(i64, i64)>,
    pub items: Vec<Item>,
    /// The figures the result rests on: one per voice.
    pub used: Vec<i64>,
}

fn find(parent: &mut [usize], i: usize) -> usize {
    let mut r = i;
    while parent[r] != r {
        r = parent[r];
    }
    let mut j = i;
    while parent[j] != r {
        let next = parent[j];
        parent[j] = r;
        j = next;
    }
    r
}

/// Reconciles one measure. `manual` is the `--value` for the manual method.
pub fn reconcile(figures: &[FigureIn], method: Method, include_all: bool, manual: Option<i64>) -> Outcome {
    // 1. Eligibility.
    let eligible: Vec<&FigureIn> = figures.iter().filter(|f| include_all || f.excluded.is_none()).collect();

    // 2. Voices: union figures that share any voice key.
    let mut parent: Vec<usize> = (0..eligible.len()).collect();
    let mut first_with_key: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, f) in eligible.iter().enumerate() {
        for k in &f.voice_keys {
            match first_with_key.get(k.as_str()) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    if a != b {
                        parent[a.max(b)] = a.min(b);
                    }
                }
                None => {
                    first_with_key.insert(k, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..eligible.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    // Each voice is represented by its highest-weighted figure (ties: the lowest id).
    let mut voice_of = vec![0usize; eligible.len()];
    let mut chosen: Vec<&FigureIn> = Vec::new();
    for (n, members) in groups.values().enumerate() {
        let best = members
            .iter()
            .copied()
            .max_by(|&a, &b| {
                eligible[a]
                    .weight
                    .total_cmp(&eligible[b].weight)
                    .then(eligible[b].figure_id.cmp(&eligible[a].figure_id))
            })
            .unwrap_or(members[0]);
        for &m in members {
            voice_of[m] = n + 1;
        }
        chosen.push(eligible[best]);
    }

    let mut items = Vec::new();
    for f in figures {
        let pos = eligible.iter().position(|e| e.figure_id == f.figure_id);
        let item = match pos {
            None => Item {
                figure_id: f.figure_id,
                included: false,
                reason: f.excluded.clone().unwrap_or_default(),
                weight: f.weight,
                voice: None,
            },
            Some(p) => {
                let voice = voice_of[p];
                let rep = chosen[voice - 1];
                if rep.figure_id == f.figure_id {
                    let reason = match (&f.excluded, include_all) {
                        (Some(why), true) => format!("included by --include-all ({why})"),
                        _ => format!("voice {voice}"),
                    };
                    Item {
                        figure_id: f.figure_id,
                        included: true,
                        reason,
                        weight: f.weight,
                        voice: Some(voice),
                    }
                } else {
                    Item {
                        figure_id: f.figure_id,
                        included: false,
                        reason: format!("same voice as figure #{} (shared source or duplicate article), which weighs more", rep.figure_id),
                        weight: f.weight,
                        voice: Some(voice),
                    }
                }
            }
        };
        items.push(item);
    }

    let used: Vec<i64> = chosen.iter().map(|f| f.figure_id).collect();
    if chosen.is_empty() {
        return Outcome {
            low: None,
            best: if method == Method::Manual { manual } else { None },
            high: None,
            open_high: false,
            conflict: false,
            support: "none",
            figures: eligible.len(),
            voices: 0,
            conflicts: Vec::new(),
            items,
            used,
        };
    }

    // 3. Range.
    let low = chosen.iter().map(|f| f.low).min();
    let bounded_high = chosen.iter().filter_map(|f| f.high).max();
    let open_low = chosen.iter().filter(|f| f.high.is_none()).map(|f| f.low).max();
    let (high, open_high) = match (bounded_high, open_low) {
        (Some(h), Some(o)) if o > h => (None, true),
        (Some(h), Some(o)) => (Some(h.max(o)), false),
        (Some(h), None) => (Some(h), false),
        (None, _) => (None, true),
    };

    // 4. Consensus: the intersection of the voices' intervals.
    let mut conflicts = Vec::new();
    for (i, a) in chosen.iter().enumerate() {
        for b in &chosen[i + 1..] {
            let apart =
                a.high.map(|h| b.low > h).unwrap_or(false) || b.high.map(|h| a.low > h).unwrap_or(false);
            if apart {
                let (x, y) = (a.figure_id.min(b.figure_id), a.figure_id.max(b.figure_id));
                conflicts.push((x, y));
            }
        }
    }
    conflicts.sort();
    let conflict = !conflicts.is_empty();

    // 5. Best.
    let mut by_point: Vec<&FigureIn> = chosen.clone();
    by_point.sort_by(|a, b| a.point.cmp(&b.point).then(a.figure_id.cmp(&b.figure_id)));
    let best = match method {
        Method::Weighted => {
            let total: f64 = by_point.iter().map(|f| f.weight).sum();
            let mut running = 0.0;
            let mut answer = by_point.last().map(|f| f.point);
            for f in &by_point {
                running += f.weight;
                // A small tolerance keeps 0.5 + 0.25 + 0.25 = 1.0 from missing half by rounding.
                if running + 1e-9 >= total / 2.0 {
                    answer = Some(f.point);
                    break;
                }
            }
            answer
        }
        Method::Conservative => by_point.first().map(|f| f.point),
        Method::Median => by_point.get((by_point.len() - 1) / 2).map(|f| f.point),
        Method::BestSource => chosen
            .iter()
            .max_by(|a, b| {
                a.weight
                    .total_cmp(&b.weight)
                    .then(a.published.cmp(&b.published))
                    .then(b.figure_id.cmp(&a.figure_id))
            })
            .map(|f| f.point),
        Method::Manual => manual,
    };

    // 6. Support.
    let support = if conflict {
        "contested"
    } else if chosen.len() == 1 {
        "single-source"
    } else {
        "corroborated"
    };
    Outcome {
        low,
        best,
        high,
        open_high,
        conflict,
        support,
        figures: eligible.len(),
        voices: chosen.len(),
        conflicts,
        items,
        used,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(id: i64, low: i64, high: Option<i64>, point: i64, weight: f64, keys: &[&str]) -> FigureIn {
        FigureIn {
            figure_id: id,
            low,
            high,
            point,
            weight,
            excluded: None,
            voice_keys: keys.iter().map(|k| k.to_string()).collect(),
            published: None,
        }
    }

    #[test]
    fn excluded_figures_are_listed_with_their_reason() {
        let mut e = fig(2, 300, Some(300), 300, 0.025, &["s2"]);
        e.excluded = Some("all sources rated E".into());
        let figs = vec![fig(1, 40, Some(40), 40, 0.5, &["s1"]), e];
        let o = reconcile(&figs, Method::Weighted, false, None);
        assert_eq!((o.figures, o.voices, o.best), (1, 1, Some(40)));
        assert_eq!(o.items[1].reason, "all sources rated E");
        assert!(!o.items[1].included);
        // --include-all takes it back: 40 and 300 cannot both be true.
        let o = reconcile(&figs, Method::Weighted, true, None);
        assert_eq!(o.voices, 2);
        assert_eq!(o.conflicts, vec![(1, 2)]);
        assert_eq!(o.support, "contested");
    }

    #[test]
    fn relays_of_one_source_are_one_voice_with_its_heaviest_figure() {
        // Figures 1 and 2 both relay source s9: one voice, represented by figure 2 (weight 0.75).
        let figs = vec![
            fig(1, 12, Some(12), 12, 0.5, &["s9"]),
            fig(2, 14, Some(14), 14, 0.75, &["s9", "a2"]),
            fig(3, 13, Some(15), 14, 0.25, &["s3"]),
        ];
        let o = reconcile(&figs, Method::Weighted, false, None);
        assert_eq!(o.voices, 2);
        assert_eq!(o.used, vec![2, 3]);
        assert!(!o.items[0].included);
        // Voices: 14 (0.75) and 13..15 point 14: no conflict, corroborated.
        assert_eq!(o.support, "corroborated");
        assert_eq!((o.low, o.high), (Some(13), Some(15)));
    }

    #[test]
    fn duplicate_articles_join_voices_transitively() {
        let figs = vec![
            fig(1, 10, Some(10), 10, 0.5, &["a1"]),
            fig(2, 10, Some(10), 10, 0.5, &["a1", "s5"]),
            fig(3, 11, Some(11), 11, 0.5, &["s5"]),
        ];
        assert_eq!(reconcile(&figs, Method::Median, false, None).voices, 1);
    }

    #[test]
    fn an_open_figure_above_every_bounded_high_opens_the_range() {
        // "45" against "more than 200": 201 > 45, so high is open; the two cannot both be true.
        let figs = vec![fig(1, 45, Some(45), 45, 0.5, &["s1"]), fig(2, 201, None, 201, 0.5, &["s2"])];
        let o = reconcile(&figs, Method::Weighted, false, None);
        assert_eq!((o.low, o.high, o.open_high), (Some(45), None, true));
        assert_eq!((o.support, o.conflicts.clone()), ("contested", vec![(1, 2)]));
        // Weighted: points 45 (0.5), 201 (0.5); half of 1.0 is reached at 45.
        assert_eq!(o.best, Some(45));
    }

    #[test]
    fn an_open_figure_below_a_bounded_high_only_adds_its_low() {
        // at least 20 (open) with 10..30: high stays 30, and they overlap (20..30).
        let figs = vec![fig(1, 10, Some(30), 20, 0.5, &["s1"]), fig(2, 20, None, 20, 0.5, &["s2"])];
        let o = reconcile(&figs, Method::Conservative, false, None);
        assert_eq!((o.low, o.high, o.open_high, o.conflict), (Some(10), Some(30), false, false));
    }

    #[test]
    fn the_five_methods() {
        // Points 10 (w 0.25), 12 (w 0.75), 15 (w 0.5), 20 (w 1.0): total 2.5, half 1.25.
        // Running: 0.25, 1.0, 1.5 -> weighted best is 15.
        let figs = vec![
            fig(1, 10, Some(10), 10, 0.25, &["s1"]),
            fig(2, 12, Some(12), 12, 0.75, &["s2"]),
            fig(3, 15, Some(15), 15, 0.5, &["s3"]),
            fig(4, 20, Some(20), 20, 1.0, &["s4"]),
        ];
        assert_eq!(reconcile(&figs, Method::Weighted, false, None).best, Some(15));
        assert_eq!(reconcile(&figs, Method::Conservative, false, None).best, Some(10));
        // Even count: the lower middle of 10, 12, 15, 20 is 12.
        assert_eq!(reconcile(&figs, Method::Median, false, None).best, Some(12));
        assert_eq!(reconcile(&figs, Method::BestSource, false, None).best, Some(20));
        assert_eq!(reconcile(&figs, Method::Manual, false, Some(14)).best, Some(14));
    }

    #[test]
    fn best_source_ties_go_to_the_latest_article_then_the_lowest_id() {
        let mut a = fig(1, 10, Some(10), 10, 0.5, &["s1"]);
        let mut b = fig(2, 12, Some(12), 12, 0.5, &["s2"]);
        a.published = Some("2014-12-06".into());
        b.published = Some("2014-12-05".into());
        assert_eq!(reconcile(&[a.clone(), b.clone()], Method::BestSource, false, None).best, Some(10));
        a.published = b.published.clone();
        assert_eq!(reconcile(&[a, b], Method::BestSource, false, None).best, Some(10));
    }

    #[test]
    fn one_voice_is_single_source_and_none_is_none() {
        let o = reconcile(&[fig(1, 40, Some(50), 45, 0.5, &["s"])], Method::Weighted, false, None);
        assert_eq!((o.support, o.best), ("single-source", Some(45)));
        let o = reconcile(&[], Method::Weighted, false, None);
        assert_eq!((o.support, o.voices, o.best), ("none", 0, None));
    }
}
