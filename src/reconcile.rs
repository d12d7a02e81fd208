//! Reconciliation of one measure's figures into low, best and high, step by step as
//! docs/reconciliation.md tells it, so a researcher can redo it by hand: supersession (an
//! update reaches the relays of what it updates), eligibility, voices (relays and repeats count
//! once, and a voice speaks with its latest word), range with open upper bounds, conflicts found
//! by a sweep over sorted intervals (n log n), the best estimate by method, and support.
//! Pure: figures in, result out.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use serde::{Deserialize, Serialize};

pub use crate::vocab::{Method, Support};

/// Why a figure is left out before voices are formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Excluded {
    /// Its claim has credibility 5.
    Improbable,
    /// Every source of its claim is rated E.
    Unreliable,
    /// A claim filter left it out; the text names the filter.
    Filtered(String),
    /// Its article was published after the `--as-of` date.
    NotYet(String),
}

/// One figure as reconciliation sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureIn {
    pub figure_id: i64,
    pub claim_id: i64,
    pub low: i64,
    /// None: an open upper bound ("more than 100").
    pub high: Option<i64>,
    pub point: i64,
    /// A provisional toll ("and rising"): its high is open here whatever it says.
    pub provisional: bool,
    /// Highest reliability weight among the claim's sources times the credibility weight.
    pub weight: f64,
    pub excluded: Option<Excluded>,
    /// What makes figures one voice: an originating source, a cluster of copies of one article
    /// with the same sources, a chain of claims linked `repeats`. Figures sharing a key are one
    /// voice (transitively).
    pub voice_keys: Vec<u64>,
    /// The article's publication date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub published: Option<String>,
    /// The claims this figure's claim repeats, directly or through other repeats.
    pub repeats: Vec<i64>,
}

impl FigureIn {
    fn high(&self) -> Option<i64> {
        if self.provisional {
            None
        } else {
            self.high
        }
    }
}

/// An `updates` link: claim `by` supersedes claim `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Update {
    pub by: i64,
    pub of: i64,
}

/// How to reconcile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Request {
    pub method: Method,
    /// Take superseded, improbable and E-rated figures too (never those a filter or `--as-of`
    /// leaves out).
    pub include_all: bool,
    /// The best value of the manual method.
    pub manual: Option<i64>,
    /// How many conflicting pairs to name (the widest gaps first).
    pub max_pairs: usize,
}

impl Default for Request {
    fn default() -> Self {
        Request { method: Method::Weighted, include_all: false, manual: None, max_pairs: 20 }
    }
}

/// What became of one figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub figure_id: i64,
    pub included: bool,
    /// A short code for tables: yes, superseded, cred 5, E-rated, filtered, not yet, voice of #N.
    pub code: String,
    /// The same in a sentence.
    pub reason: String,
    pub weight: f64,
    /// The voice (1-based) an eligible figure belongs to.
    pub voice: Option<usize>,
    /// The claim whose update superseded this figure.
    pub superseded_by: Option<i64>,
    /// The figure that speaks for this figure's voice.
    pub voice_of: Option<i64>,
}

/// Two figures that cannot both be true: `a`'s interval ends `gap` below where `b`'s begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pair {
    pub a: i64,
    pub b: i64,
    pub gap: i64,
}

/// Voices whose intervals overlap one another in a chain: within a cluster any two neighbours
/// can both be true; two clusters cannot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cluster {
    pub low: i64,
    pub high: Option<i64>,
    pub figures: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub conflict: bool,
    pub support: Support,
    /// Eligible figures.
    pub figures: usize,
    pub voices: usize,
    /// How many pairs of voices cannot both be true.
    pub conflicting_pairs: u64,
    /// The widest of them, at most `max_pairs`.
    pub conflicts: Vec<Pair>,
    pub clusters: Vec<Cluster>,
    pub items: Vec<Item>,
    /// The figures the result rests on: one per voice.
    pub used: Vec<i64>,
}

/// Union-find over positions, with path halving.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// Positions that share any key are one group.
    fn by_keys<'a>(n: usize, keys: impl Iterator<Item = (usize, &'a [u64])>) -> Groups {
        let mut g = Groups { parent: (0..n).collect() };
        let mut first: HashMap<u64, usize> = HashMap::new();
        for (i, ks) in keys {
            for k in ks {
                match first.get(k) {
                    Some(&j) => g.join(i, j),
                    None => {
                        first.insert(*k, i);
                    }
                }
            }
        }
        g
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// Step 1: supersession. A figure whose claim another claim updates is superseded; so is every
/// figure of the same voice published no later than it (the relays of the old count), and every
/// figure whose claim repeats a superseded claim. Returns, per figure, (the updating claim, the
/// claim it updated).
fn supersession(figs: &[FigureIn], updates: &[Update]) -> Vec<Option<(i64, i64)>> {
    let mut out = vec![None; figs.len()];
    if updates.is_empty() {
        return out;
    }
    let by_claim: HashMap<i64, i64> = updates.iter().map(|u| (u.of, u.by)).collect();
    let mut groups =
        Groups::by_keys(figs.len(), figs.iter().enumerate().map(|(i, f)| (i, f.voice_keys.as_slice())));
    // Per voice, the dates at which it was updated, and by which update (by, of).
    type Updated<'a> = Vec<(Option<&'a str>, i64, i64)>;
    let mut updated: HashMap<usize, Updated<'_>> = HashMap::new();
    for (i, f) in figs.iter().enumerate() {
        if let Some(&by) = by_claim.get(&f.claim_id) {
            out[i] = Some((by, f.claim_id));
            updated.entry(groups.root(i)).or_default().push((f.published.as_deref(), by, f.claim_id));
        }
    }
    for list in updated.values_mut() {
        list.sort();
    }
    for (i, f) in figs.iter().enumerate() {
        if out[i].is_some() {
            continue;
        }
        let Some(list) = updated.get(&groups.root(i)) else { continue };
        // The earliest update of the voice on or after this figure's date speaks for it.
        let date = f.published.as_deref();
        if let Some(&(_, by, of)) = list.iter().find(|(d, by, _)| date <= *d && f.claim_id != *by) {
            out[i] = Some((by, of));
        }
    }
    let mut superseded_claims: HashMap<i64, (i64, i64)> = HashMap::new();
    for (f, s) in figs.iter().zip(&out) {
        if let Some(s) = s {
            superseded_claims.insert(f.claim_id, *s);
        }
    }
    for (u, by) in &by_claim {
        superseded_claims.entry(*u).or_insert((*by, *u));
    }
    for (i, f) in figs.iter().enumerate() {
        if out[i].is_none() {
            out[i] = f.repeats.iter().find_map(|c| superseded_claims.get(c)).copied();
        }
    }
    out
}

/// The short code and the sentence for a figure left out before voices are formed.
fn excluded_reason(e: &Excluded) -> (String, String) {
    match e {
        Excluded::Improbable => ("cred 5".into(), "claim credibility 5 (improbable)".into()),
        Excluded::Unreliable => ("E-rated".into(), "all sources rated E (unreliable)".into()),
        Excluded::Filtered(why) => ("filtered".into(), format!("left out by {why}")),
        Excluded::NotYet(date) => ("not yet".into(), format!("published after {date}, the --as-of date")),
    }
}

/// Step 3: a voice speaks with its latest word: the figure of the latest publication date; on
/// one date an original before a claim that repeats another (a relay is not a new word), then
/// the highest claim id (then the highest figure id).
fn latest(group: &[usize], figs: &[FigureIn]) -> usize {
    let key = |&i: &usize| {
        (figs[i].published.as_deref(), figs[i].repeats.is_empty(), figs[i].claim_id, figs[i].figure_id)
    };
    group.iter().copied().max_by(|a, b| key(a).cmp(&key(b))).unwrap_or(group[0])
}

/// Step 4: the range. Low is the smallest low; high the largest bounded high, where an open
/// figure adds its low; when an open low exceeds every bounded high, high is open.
fn range(chosen: &[&FigureIn]) -> (Option<i64>, Option<i64>, bool) {
    let low = chosen.iter().map(|f| f.low).min();
    let bounded = chosen.iter().filter_map(|f| f.high()).max();
    let open_low = chosen.iter().filter(|f| f.high().is_none()).map(|f| f.low).max();
    let (high, open) = match (bounded, open_low) {
        (Some(h), Some(o)) if o > h => (None, true),
        (Some(h), Some(o)) => (Some(h.max(o)), false),
        (Some(h), None) => (Some(h), false),
        (None, _) => (None, true),
    };
    (low, high, open)
}

/// Step 5: conflicts, in n log n. Counts the pairs of intervals that do not overlap (all pairs
/// less the overlapping ones, counted by a sweep over the lows), names the `max_pairs` with the
/// widest gaps (a heap over highs ascending and lows descending), and groups the intervals into
/// clusters that overlap in a chain.
pub fn conflicts(intervals: &[(i64, i64, Option<i64>)], max_pairs: usize) -> (u64, Vec<Pair>, Vec<Cluster>) {
    let n = intervals.len();
    let end = |h: Option<i64>| h.unwrap_or(i64::MAX);
    let mut by_low: Vec<usize> = (0..n).collect();
    by_low.sort_by_key(|&i| (intervals[i].1, intervals[i].0));
    let lows: Vec<i64> = by_low.iter().map(|&i| intervals[i].1).collect();
    let mut overlapping: u64 = 0;
    for (pos, &i) in by_low.iter().enumerate() {
        // Later intervals (by low) that start at or before this one ends overlap it.
        let reach = lows.partition_point(|&l| l <= end(intervals[i].2));
        overlapping += (reach.saturating_sub(pos + 1)) as u64;
    }
    let all = (n as u64) * (n as u64).saturating_sub(1) / 2;
    let count = all - overlapping;

    let mut by_high: Vec<usize> = (0..n).filter(|&i| intervals[i].2.is_some()).collect();
    by_high.sort_by_key(|&i| (end(intervals[i].2), intervals[i].0));
    let mut by_low_desc = by_low.clone();
    by_low_desc.reverse();
    let gap = |a: usize, b: usize| intervals[by_low_desc[b]].1 - end(intervals[by_high[a]].2);
    let mut pairs = Vec::new();
    let mut heap = BinaryHeap::new();
    let mut seen = HashSet::new();
    if !by_high.is_empty() && n > 1 {
        heap.push((gap(0, 0), Reverse(0usize), Reverse(0usize)));
        seen.insert((0, 0));
    }
    while let Some((g, Reverse(a), Reverse(b))) = heap.pop() {
        if g <= 0 || pairs.len() >= max_pairs {
            break;
        }
        let (x, y) = (intervals[by_high[a]].0, intervals[by_low_desc[b]].0);
        pairs.push(Pair { a: x.min(y), b: x.max(y), gap: g });
        for (na, nb) in [(a + 1, b), (a, b + 1)] {
            if na < by_high.len() && nb < n && seen.insert((na, nb)) {
                heap.push((gap(na, nb), Reverse(na), Reverse(nb)));
            }
        }
    }

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut reach = i64::MIN;
    for &i in &by_low {
        let (id, low, high) = intervals[i];
        match clusters.last_mut() {
            Some(c) if low <= reach => {
                c.figures.push(id);
                reach = reach.max(end(high));
                c.high = if reach == i64::MAX { None } else { Some(reach) };
            }
            _ => {
                clusters.push(Cluster { low, high, figures: vec![id] });
                reach = end(high);
            }
        }
    }
    for c in &mut clusters {
        c.figures.sort_unstable();
    }
    (count, pairs, clusters)
}

/// Step 6: the best estimate.
fn best(method: Method, chosen: &[&FigureIn], manual: Option<i64>) -> Option<i64> {
    let mut by_point: Vec<&FigureIn> = chosen.to_vec();
    by_point.sort_by(|a, b| a.point.cmp(&b.point).then(a.figure_id.cmp(&b.figure_id)));
    match method {
        Method::Weighted => {
            let total: f64 = by_point.iter().map(|f| f.weight).sum();
            let mut running = 0.0;
            for f in &by_point {
                running += f.weight;
                // A small tolerance keeps 0.5 + 0.25 + 0.25 = 1.0 from missing half by rounding.
                if running + 1e-9 >= total / 2.0 {
                    return Some(f.point);
                }
            }
            by_point.last().map(|f| f.point)
        }
        Method::Conservative => by_point.first().map(|f| f.point),
        Method::Median => by_point.get(by_point.len().saturating_sub(1) / 2).map(|f| f.point),
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
        Method::Range => None,
    }
}

/// Step 2: eligibility. Fills in the reason of every figure left out and returns the positions
/// of the eligible ones. `--include-all` takes back what a judgement left out, never what a filter
/// or the date did.
fn eligibility(
    figs: &[FigureIn],
    superseded: &[Option<(i64, i64)>],
    include_all: bool,
    items: &mut [Item],
) -> Vec<usize> {
    let mut eligible = Vec::new();
    for (i, f) in figs.iter().enumerate() {
        let judged: Option<(String, String)> = match (&superseded[i], &f.excluded) {
            (_, Some(e @ (Excluded::Filtered(_) | Excluded::NotYet(_)))) => {
                (items[i].code, items[i].reason) = excluded_reason(e);
                continue;
            }
            (Some((by, of)), _) => {
                items[i].superseded_by = Some(*by);
                let reason = if *of == f.claim_id {
                    format!("superseded by #{by}, which updates it")
                } else {
                    format!("superseded by #{by} via the update of #{of}")
                };
                Some(("superseded".into(), reason))
            }
            (None, Some(e)) => Some(excluded_reason(e)),
            (None, None) => None,
        };
        match judged {
            Some((code, reason)) if !include_all => (items[i].code, items[i].reason) = (code, reason),
            Some((_, reason)) => {
                items[i].reason = format!("included by --include-all ({reason})");
                eligible.push(i);
            }
            None => eligible.push(i),
        }
    }
    eligible
}

/// Step 3: voices among the eligible figures, in order of their first figure. Each voice's
/// representative (its latest word) is marked included; the others say which figure speaks for
/// them and why. Returns the representatives.
fn voices<'a>(figs: &'a [FigureIn], eligible: &[usize], items: &mut [Item]) -> Vec<&'a FigureIn> {
    let mut groups =
        Groups::by_keys(figs.len(), eligible.iter().map(|&i| (i, figs[i].voice_keys.as_slice())));
    let mut members: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for &i in eligible {
        let s = *slot.entry(groups.root(i)).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[s].push(i);
    }
    let mut chosen = Vec::with_capacity(members.len());
    for (n, group) in members.iter().enumerate() {
        let rep = latest(group, figs);
        chosen.push(&figs[rep]);
        for &m in group {
            let item = &mut items[m];
            item.voice = Some(n + 1);
            item.voice_of = Some(figs[rep].figure_id);
            if m == rep {
                item.included = true;
                item.code = "yes".into();
                if item.reason.is_empty() {
                    item.reason = format!("voice {}", n + 1);
                }
                continue;
            }
            item.code = format!("voice of #{}", figs[rep].figure_id);
            let why = if figs[m].published < figs[rep].published {
                "which is later"
            } else if figs[m].repeats.contains(&figs[rep].claim_id) {
                "which it repeats"
            } else if !figs[m].repeats.is_empty() {
                "an original of the same day"
            } else {
                "which is a later claim"
            };
            item.reason = format!("same voice as #{}, {why}", figs[rep].figure_id);
        }
    }
    chosen
}

/// Reconciles one measure's figures, given the `updates` links among their claims.
pub fn reconcile(figs: &[FigureIn], updates: &[Update], req: &Request) -> Outcome {
    let superseded = supersession(figs, updates);
    let mut items: Vec<Item> = figs
        .iter()
        .map(|f| Item {
            figure_id: f.figure_id,
            included: false,
            code: String::new(),
            reason: String::new(),
            weight: f.weight,
            voice: None,
            superseded_by: None,
            voice_of: None,
        })
        .collect();
    let eligible = eligibility(figs, &superseded, req.include_all, &mut items);
    let chosen = voices(figs, &eligible, &mut items);
    let (low, high, open_high) = if chosen.is_empty() { (None, None, false) } else { range(&chosen) };
    let intervals: Vec<(i64, i64, Option<i64>)> =
        chosen.iter().map(|f| (f.figure_id, f.low, f.high())).collect();
    let (conflicting_pairs, pairs, clusters) = conflicts(&intervals, req.max_pairs);
    let conflict = conflicting_pairs > 0;
    // Step 7: support.
    let support = match chosen.len() {
        0 => Support::None,
        _ if conflict => Support::Contested,
        1 => Support::SingleSource,
        _ => Support::Corroborated,
    };
    let best = if chosen.is_empty() && req.method != Method::Manual {
        None
    } else {
        best(req.method, &chosen, req.manual)
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
        conflicting_pairs,
        conflicts: pairs,
        clusters,
        used: chosen.iter().map(|f| f.figure_id).collect(),
        items,
    }
}

#[cfg(test)]
mod tests;
