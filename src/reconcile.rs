//! Reconciliation of one measure's figures into low, best and high, step by step as
//! docs/reconciliation.md tells it, so a researcher can redo it by hand: supersession along
//! chains of updates (an update reaches the relays of what it updates), eligibility, relays
//! (never heard over the original they repeat), voices (relays and repeats count once, and a voice
//! speaks with its latest word), floors that later counts overtook, the range from the bounds each
//! figure states, conflicts found by a sweep over sorted intervals (n log n), the best estimate by
//! method, support, and the time windows the figures cover. Pure: figures in, result out.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::PartialDate;
pub use crate::vocab::{Envelope, Method, Support};

mod chains;
mod derived;
pub mod explain;

pub use chains::{ring_text, rings};
pub use derived::sum;

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
    /// Its window (`--when`) is not inside the `--window` asked for: (its window, if any; the
    /// window asked for).
    OtherWindow(Option<String>, String),
}

/// One figure as reconciliation sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FigureIn {
    pub figure_id: i64,
    pub claim_id: i64,
    pub low: i64,
    /// None: an open upper bound ("more than 100").
    pub high: Option<i64>,
    pub point: i64,
    /// A provisional toll ("and rising"): its high is open here whatever it says.
    pub provisional: bool,
    /// "up to 30", "fewer than 10": the figure states a ceiling only; its low of 0 is no floor.
    pub ceiling_only: bool,
    /// A count that bounds from below only: at least, more than, a vague word, a provisional
    /// toll. A later count above its floor overtakes it.
    pub lower_bound: bool,
    /// Highest reliability weight among the claim's sources times the credibility weight.
    pub weight: f64,
    pub excluded: Option<Excluded>,
    /// What makes figures one voice: an originating source, a cluster of copies of one article
    /// with the same sources, a chain of claims linked `repeats`. Figures sharing a key are one
    /// voice (transitively).
    pub voice_keys: Vec<u64>,
    /// The article's publication date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub published: Option<String>,
    /// The claims this figure's claim repeats, directly or through other repeats, nearest first.
    pub repeats: Vec<i64>,
    /// For a relay: the publication date of the claim it repeats (the nearest one with a date).
    pub original_published: Option<String>,
    /// The days the claim's figure covers (`--when`), first and last, as YYYY-MM-DD; a
    /// cumulative window ("since ...") runs to the publication date.
    pub window: Option<(String, String)>,
}

impl FigureIn {
    fn high(&self) -> Option<i64> {
        if self.provisional {
            None
        } else {
            self.high
        }
    }

    /// The floor the figure states, if it states one.
    fn floor(&self) -> Option<i64> {
        (!self.ceiling_only).then_some(self.low)
    }
}

/// An `updates` link: claim `by` supersedes claim `of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Update {
    pub by: i64,
    pub of: i64,
}

/// The links among claims that reconciliation follows, beyond each figure's own.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// The `updates` links known (rings among them are set aside and named).
    pub updates: Vec<Update>,
    /// The publication dates of the claims in `updates`, for chains through claims that give
    /// no figure to this measure.
    pub published: HashMap<i64, String>,
}

impl Links {
    /// Links with these updates and no other dates.
    pub fn of(updates: &[Update]) -> Links {
        Links { updates: updates.to_vec(), published: HashMap::new() }
    }
}

/// How to reconcile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Request {
    pub method: Method,
    /// Which figures bound the range.
    pub envelope: Envelope,
    /// Take superseded, improbable and E-rated figures (and relays that differ from their
    /// original) too; never those a filter, `--window` or `--as-of` leaves out.
    pub include_all: bool,
    /// The best value of the manual method.
    pub manual: Option<i64>,
    /// How many conflicting pairs to name (the widest gaps first).
    pub max_pairs: usize,
}

impl Default for Request {
    fn default() -> Self {
        Request {
            method: Method::Weighted,
            envelope: Envelope::Stated,
            include_all: false,
            manual: None,
            max_pairs: 20,
        }
    }
}

/// What became of one figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    pub figure_id: i64,
    pub included: bool,
    /// A short code for tables: yes, superseded, cred 5, E-rated, filtered, not yet, other
    /// window, voice of #N, relay differs, overtaken by #N.
    pub code: String,
    /// The same in a sentence.
    pub reason: String,
    pub weight: f64,
    /// The voice (1-based) an eligible figure belongs to.
    pub voice: Option<usize>,
    /// The claim whose update superseded this figure.
    pub superseded_by: Option<i64>,
    /// The claim that update replaced, when it is not this figure's own (an earlier word of the
    /// same voice, or the claim a relay repeats).
    #[serde(default)]
    pub update_of: Option<i64>,
    /// The update reached it through the claim it repeats (a relay of an old count).
    #[serde(default)]
    pub relayed: bool,
    /// What left the figure out before voices were formed, if anything did.
    #[serde(default)]
    pub excluded: Option<Excluded>,
    /// The figure that speaks for this figure's voice.
    pub voice_of: Option<i64>,
    /// For a relay whose original is recorded: the original's figure.
    #[serde(default)]
    pub relay_of: Option<i64>,
    /// For a floor that a later count passed: that count's figure.
    #[serde(default)]
    pub overtaken_by: Option<i64>,
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

/// Figures whose time windows overlap one another in a chain (`from`..`to`, YYYY-MM-DD).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: String,
    pub to: String,
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
    /// The envelope the range was taken with.
    #[serde(default)]
    pub envelope: Envelope,
    /// The figure that set the low (none when no figure states a floor).
    #[serde(default)]
    pub low_by: Option<i64>,
    /// The figure that set the high: the largest ceiling, or the floor above every ceiling that
    /// left it open.
    #[serde(default)]
    pub high_by: Option<i64>,
    /// The figure whose point is the best estimate (none for manual and range).
    #[serde(default)]
    pub best_by: Option<i64>,
    /// No figure in the range states a floor: the low of 0 is "no floor stated".
    #[serde(default)]
    pub no_floor: bool,
    /// How many pairs of voices cannot both be true.
    pub conflicting_pairs: u64,
    /// The widest of them, at most `max_pairs`.
    pub conflicts: Vec<Pair>,
    pub clusters: Vec<Cluster>,
    /// The time windows of the eligible figures, when they do not all overlap (two groups or
    /// more); empty otherwise.
    #[serde(default)]
    pub windows: Vec<Window>,
    /// Rings of `updates` links among this measure's claims, each as its claims in order; their
    /// links were set aside.
    #[serde(default)]
    pub rings: Vec<Vec<i64>>,
    pub items: Vec<Item>,
    /// The figures the result rests on: one per voice.
    pub used: Vec<i64>,
}

/// Union-find over positions, with path halving.
pub(crate) struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    /// Positions that share any key are one group.
    pub(crate) fn by_keys<'a>(n: usize, keys: impl Iterator<Item = (usize, &'a [u64])>) -> Groups {
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

    pub(crate) fn root(&mut self, mut i: usize) -> usize {
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

/// The short code and the sentence for a figure left out before voices are formed.
fn excluded_reason(e: &Excluded) -> (String, String) {
    match e {
        Excluded::Improbable => ("cred 5".into(), "claim credibility 5 (improbable)".into()),
        Excluded::Unreliable => ("E-rated".into(), "all sources rated E (unreliable)".into()),
        Excluded::Filtered(why) => ("filtered".into(), format!("left out by {why}")),
        Excluded::NotYet(date) => ("not yet".into(), format!("published after {date}, the --as-of date")),
        Excluded::OtherWindow(Some(own), asked) => {
            ("other window".into(), format!("its window {own} is not inside --window {asked}"))
        }
        Excluded::OtherWindow(None, asked) => {
            ("other window".into(), format!("no --when places it inside --window {asked}"))
        }
    }
}

/// Step 2: eligibility. Fills in the reason of every figure left out and returns the positions
/// of the eligible ones. `--include-all` takes back what a judgement left out, never what a
/// filter, `--window` or the date did.
fn eligibility(
    figs: &[FigureIn],
    superseded: &[Option<(i64, i64)>],
    include_all: bool,
    items: &mut [Item],
) -> Vec<usize> {
    let mut eligible = Vec::new();
    for (i, f) in figs.iter().enumerate() {
        let judged: Option<(String, String)> = match (&superseded[i], &f.excluded) {
            (_, Some(e @ (Excluded::Filtered(_) | Excluded::NotYet(_) | Excluded::OtherWindow(..)))) => {
                (items[i].code, items[i].reason) = excluded_reason(e);
                items[i].excluded = Some(e.clone());
                continue;
            }
            (Some((by, of)), _) => {
                items[i].superseded_by = Some(*by);
                items[i].update_of = (*of != f.claim_id).then_some(*of);
                items[i].relayed = f.repeats.contains(of);
                let reason = if *of == f.claim_id {
                    format!("superseded by #{by}, which updates it")
                } else {
                    format!("superseded by #{by} via the update of #{of}")
                };
                Some(("superseded".into(), reason))
            }
            (None, Some(e)) => {
                items[i].excluded = Some(e.clone());
                Some(excluded_reason(e))
            }
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

/// Step 3: relays. An eligible figure whose claim repeats a claim with an eligible figure here
/// relays that figure (the first such original that is no relay itself, else the nearest): it
/// belongs to the original's voice and never speaks for it. A relay whose interval leaves out its
/// original's number is flagged and left out (`--include-all` keeps it in the voice, still silent).
/// Returns each figure's original, by position.
fn relays(
    figs: &[FigureIn],
    eligible: &mut Vec<usize>,
    include_all: bool,
    items: &mut [Item],
) -> Vec<Option<usize>> {
    let mut relay_of = vec![None; figs.len()];
    if eligible.iter().all(|&i| figs[i].repeats.is_empty()) {
        return relay_of;
    }
    let mut by_claim: HashMap<i64, Vec<usize>> = HashMap::new();
    for &i in eligible.iter() {
        by_claim.entry(figs[i].claim_id).or_default().push(i);
    }
    for &i in eligible.iter() {
        let originals: Vec<usize> = figs[i]
            .repeats
            .iter()
            .filter_map(|c| by_claim.get(c))
            .flatten()
            .copied()
            .filter(|&o| o != i && figs[o].claim_id != figs[i].claim_id)
            .collect();
        relay_of[i] =
            originals.iter().copied().find(|&o| figs[o].repeats.is_empty()).or(originals.first().copied());
    }
    let mut differing = HashSet::new();
    for &i in eligible.iter() {
        let Some(o) = relay_of[i] else { continue };
        items[i].relay_of = Some(figs[o].figure_id);
        // A relay may round or hedge ("about 50", "more than 50", "dozens" for 54): it differs
        // when what it says leaves out the original's number.
        let (f, original) = (&figs[i], figs[o].point);
        if f.low <= original && f.high().is_none_or(|h| original <= h) {
            continue;
        }
        let why = format!(
            "relay differs: {} vs {} (it repeats #{}, which says {})",
            figs[i].point, figs[o].point, figs[o].figure_id, figs[o].point
        );
        if include_all {
            items[i].reason = format!("included by --include-all ({why})");
        } else {
            (items[i].code, items[i].reason) = ("relay differs".into(), why);
            differing.insert(i);
        }
    }
    eligible.retain(|i| !differing.contains(i));
    relay_of
}

/// The order in which a voice's words came: the date each speaks at, then the claim id, then
/// the figure id.
fn order_key<'a>(i: usize, figs: &[FigureIn], when: &'a [Option<String>]) -> (Option<&'a str>, i64, i64) {
    (when[i].as_deref(), figs[i].claim_id, figs[i].figure_id)
}

/// Step 4: a voice speaks with its latest word: the figure speaking at the latest date (along a
/// chain of updates, the chain's last claim), then the highest claim id. A relay never speaks
/// while its original is in the voice.
fn latest(group: &[usize], figs: &[FigureIn], when: &[Option<String>], relay_of: &[Option<usize>]) -> usize {
    let members: HashSet<usize> = group.iter().copied().collect();
    let speaks = |i: &usize| relay_of[*i].is_none_or(|o| !members.contains(&o));
    let candidates: Vec<usize> = group.iter().copied().filter(speaks).collect();
    let pool = if candidates.is_empty() { group } else { &candidates };
    pool.iter()
        .copied()
        .max_by(|&a, &b| order_key(a, figs, when).cmp(&order_key(b, figs, when)))
        .unwrap_or(group[0])
}

/// Step 4: voices among the eligible figures, in order of their first figure. Each voice's
/// speaker (its latest word) is marked included; the others say which figure speaks for them
/// and why. Returns the speakers' positions.
fn voices(
    figs: &[FigureIn],
    eligible: &[usize],
    when: &[Option<String>],
    relay_of: &[Option<usize>],
    items: &mut [Item],
) -> Vec<usize> {
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
    let mut speakers = Vec::with_capacity(members.len());
    for (n, group) in members.iter().enumerate() {
        let rep = latest(group, figs, when, relay_of);
        speakers.push(rep);
        let rep_id = figs[rep].figure_id;
        for &m in group {
            let item = &mut items[m];
            item.voice = Some(n + 1);
            item.voice_of = Some(rep_id);
            if m == rep {
                item.included = true;
                item.code = "yes".into();
                if item.reason.is_empty() {
                    item.reason = format!("voice {}", n + 1);
                }
                continue;
            }
            item.code = format!("voice of #{rep_id}");
            let why = match relay_of[m] {
                Some(o) if o == rep => "which it repeats".to_string(),
                Some(o) => format!("and it repeats #{}", figs[o].figure_id),
                None if when[m] < when[rep] => "which is later".into(),
                None => "which is a later claim".into(),
            };
            let same = format!("same voice as #{rep_id}, {why}");
            item.reason = if item.reason.starts_with("included by --include-all") {
                format!("{}; {same}", item.reason)
            } else {
                same
            };
        }
    }
    speakers
}

/// The first and last day a date may mean.
fn days(date: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let d = PartialDate::parse(date?).ok()?;
    Some((d.first_day()?, d.last_day()?))
}

/// Step 5: counts that grow. A speaker that only bounds from below (at least, more than, a
/// vague word, a provisional toll) is overtaken when another voice's word, published on a later
/// day, states a higher floor. Returns, per speaker, the position of the figure that overtook it
/// (the highest later floor; ties to the earliest, then the lowest figure id). Sorting by date
/// and a running maximum: n log n.
fn overtaking(figs: &[FigureIn], speakers: &[usize], when: &[Option<String>]) -> Vec<Option<usize>> {
    let mut later: Vec<(NaiveDate, i64, usize)> =
        speakers.iter().filter_map(|&i| Some((days(when[i].as_deref())?.0, figs[i].floor()?, i))).collect();
    later.sort_by_key(|&(first, _, i)| (first, figs[i].figure_id));
    // best[k]: the highest floor among later[k..], the earliest and lowest id on ties.
    let mut best: Vec<(i64, usize)> = vec![(0, 0); later.len()];
    for k in (0..later.len()).rev() {
        let here = (later[k].1, later[k].2);
        best[k] = match best.get(k + 1) {
            Some(&next) if k + 1 < later.len() && next.0 > here.0 => next,
            _ => here,
        };
    }
    speakers
        .iter()
        .map(|&i| {
            let f = &figs[i];
            if !f.lower_bound {
                return None;
            }
            let (_, last) = days(when[i].as_deref())?;
            let k = later.partition_point(|&(first, _, _)| first <= last);
            let &(floor, by) = best.get(k)?;
            (floor > f.low).then_some(by)
        })
        .collect()
}

/// The two ends of the range and the figures that set them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Ends {
    low: Option<i64>,
    low_by: Option<i64>,
    no_floor: bool,
    high: Option<i64>,
    high_by: Option<i64>,
    open_high: bool,
}

/// Step 6: the range. Stated: low is the smallest floor stated (0 and "no floor stated" when no
/// figure states one); union: the smallest low of all. High is the largest bounded high, where
/// an open figure adds its point (never less than its floor); when that exceeds every bounded
/// high, high is open.
fn ends(range: &[&FigureIn], envelope: Envelope) -> Ends {
    if range.is_empty() {
        return Ends::default();
    }
    let floors = range.iter().filter_map(|f| match envelope {
        Envelope::Stated => f.floor().map(|l| (l, f.figure_id)),
        Envelope::Union => Some((f.low, f.figure_id)),
    });
    let (low, low_by, no_floor) = match floors.min() {
        Some((l, by)) => (Some(l), Some(by), false),
        None => (Some(0), None, true),
    };
    let bounded = range.iter().filter_map(|f| f.high().map(|h| (h, Reverse(f.figure_id)))).max();
    // An open figure adds the most it states: its point ("about 60 and rising" says 60, not the
    // 54 it is read from), never less than its floor.
    let open =
        range.iter().filter(|f| f.high().is_none()).map(|f| (f.point.max(f.low), Reverse(f.figure_id))).max();
    let (high, high_by, open_high) = match (bounded, open) {
        (Some((h, _)), Some((o, Reverse(by)))) if o > h => (None, Some(by), true),
        (Some((h, Reverse(by))), _) => (Some(h), Some(by), false),
        (None, Some((_, Reverse(by)))) => (None, Some(by), true),
        (None, None) => (None, None, true),
    };
    Ends { low, low_by, no_floor, high, high_by, open_high }
}
/// Step 7: conflicts, in n log n. Counts the pairs of intervals that do not overlap (all pairs
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

/// `v` placed inside `low..=high` (no bound where there is none): the nearest value the range
/// allows.
pub fn within(v: i64, low: Option<i64>, high: Option<i64>) -> i64 {
    let v = low.map_or(v, |l| v.max(l));
    high.map_or(v, |h| v.min(h))
}

/// Step 8: the best estimate, and the figure whose point it is. Each voice's point is taken
/// inside the range: a ceiling below the low ("at most 10" beside "20", which it conflicts
/// with) counts as the low, the nearest count the range allows, so no method can give a best
/// outside low..high. A manual value is the caller's to check; here it is kept inside too.
fn best(method: Method, chosen: &[&FigureIn], manual: Option<i64>, e: &Ends) -> (Option<i64>, Option<i64>) {
    let inside = |f: &FigureIn| within(f.point, e.low, e.high);
    let mut by_point: Vec<&FigureIn> = chosen.to_vec();
    by_point.sort_by(|a, b| inside(a).cmp(&inside(b)).then(a.figure_id.cmp(&b.figure_id)));
    let of = |f: Option<&&FigureIn>| (f.map(|f| inside(f)), f.map(|f| f.figure_id));
    match method {
        Method::Weighted => {
            let total: f64 = by_point.iter().map(|f| f.weight).sum();
            let mut running = 0.0;
            for f in &by_point {
                running += f.weight;
                // A small tolerance keeps 0.5 + 0.25 + 0.25 = 1.0 from missing half by rounding.
                if running + 1e-9 >= total / 2.0 {
                    return of(Some(f));
                }
            }
            of(by_point.last())
        }
        Method::Conservative => of(by_point.first()),
        Method::Median => of(by_point.get(by_point.len().saturating_sub(1) / 2)),
        Method::BestSource => of(chosen.iter().max_by(|a, b| {
            a.weight
                .total_cmp(&b.weight)
                .then(a.published.cmp(&b.published))
                .then(b.figure_id.cmp(&a.figure_id))
        })),
        Method::Manual => (manual.map(|m| within(m, e.low, e.high)), None),
        Method::Range => (None, None),
    }
}

/// The time windows of the eligible figures, grouped where they overlap in a chain; empty when
/// they form one group (or fewer), so that only windows that differ are named.
fn windows(figs: &[FigureIn], eligible: &[usize]) -> Vec<Window> {
    let mut dated: Vec<(&str, &str, i64)> = eligible
        .iter()
        .filter_map(|&i| figs[i].window.as_ref().map(|(a, b)| (a.as_str(), b.as_str(), figs[i].figure_id)))
        .collect();
    dated.sort_unstable();
    let mut groups: Vec<Window> = Vec::new();
    for (from, to, id) in dated {
        match groups.last_mut() {
            Some(g) if from <= g.to.as_str() => {
                g.figures.push(id);
                if to > g.to.as_str() {
                    g.to = to.to_string();
                }
            }
            _ => groups.push(Window { from: from.into(), to: to.into(), figures: vec![id] }),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    for g in &mut groups {
        g.figures.sort_unstable();
    }
    groups
}

/// Reconciles one measure's figures, given the links among their claims.
pub fn reconcile(figs: &[FigureIn], links: &Links, req: &Request) -> Outcome {
    let all_rings = rings(&links.updates);
    let updates = chains::without_rings(&links.updates, &all_rings);
    let rings: Vec<Vec<i64>> = if all_rings.is_empty() {
        Vec::new()
    } else {
        let claims: HashSet<i64> = figs.iter().map(|f| f.claim_id).collect();
        all_rings.into_iter().filter(|r| r.iter().any(|c| claims.contains(c))).collect()
    };
    let when = chains::speaking_dates(figs, &updates, &links.published);
    let superseded = chains::supersession(figs, &updates, &when);
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
            update_of: None,
            relayed: false,
            excluded: None,
            voice_of: None,
            relay_of: None,
            overtaken_by: None,
        })
        .collect();
    let mut eligible = eligibility(figs, &superseded, req.include_all, &mut items);
    let relay_of = relays(figs, &mut eligible, req.include_all, &mut items);
    let speakers = voices(figs, &eligible, &when, &relay_of, &mut items);
    let overtaken = match req.envelope {
        Envelope::Stated => overtaking(figs, &speakers, &when),
        Envelope::Union => vec![None; speakers.len()],
    };
    let mut range: Vec<&FigureIn> = Vec::with_capacity(speakers.len());
    for (&s, by) in speakers.iter().zip(&overtaken) {
        let Some(by) = *by else {
            range.push(&figs[s]);
            continue;
        };
        let (f, o) = (&figs[s], &figs[by]);
        let item = &mut items[s];
        item.included = false;
        item.overtaken_by = Some(o.figure_id);
        item.code = format!("overtaken by #{}", o.figure_id);
        item.reason = format!(
            "overtaken by #{}: published later ({}), it states a floor of {} above this floor of {}",
            o.figure_id,
            when[by].as_deref().unwrap_or("?"),
            o.low,
            f.low
        );
    }
    let e = ends(&range, req.envelope);
    let intervals: Vec<(i64, i64, Option<i64>)> =
        range.iter().map(|f| (f.figure_id, f.low, f.high())).collect();
    let (conflicting_pairs, pairs, clusters) = conflicts(&intervals, req.max_pairs);
    let conflict = conflicting_pairs > 0;
    // Step 7: support. Every voice counts, an overtaken one too.
    let support = match speakers.len() {
        0 => Support::None,
        _ if conflict => Support::Contested,
        1 => Support::SingleSource,
        _ => Support::Corroborated,
    };
    let (best, best_by) = if range.is_empty() && req.method != Method::Manual {
        (None, None)
    } else {
        best(req.method, &range, req.manual, &e)
    };
    // The last guard: whatever the method, the best lies inside the range.
    let best = best.map(|b| within(b, e.low, e.high));
    Outcome {
        low: e.low,
        best,
        high: e.high,
        open_high: e.open_high && !range.is_empty(),
        conflict,
        support,
        figures: eligible.len(),
        voices: speakers.len(),
        envelope: req.envelope,
        low_by: e.low_by,
        high_by: e.high_by,
        best_by,
        no_floor: e.no_floor,
        conflicting_pairs,
        conflicts: pairs,
        clusters,
        windows: windows(figs, &eligible),
        rings,
        used: speakers.iter().map(|&i| figs[i].figure_id).collect(),
        items,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_bounds;
#[cfg(test)]
mod tests_monitors;
