//! Derived measures: a measure that is the sum of others, as a monitor's toll is often the
//! killed plus the missing, or the sum of several sites. Each part is reconciled by the usual
//! rules; the sum's low, best and high are the sums of the parts'. Pure: the parts' outcomes in,
//! the sum's outcome out.

use super::{Envelope, Outcome, Support};

/// The sum of the parts' outcomes. Low, best and high are the sums of the parts' (saturating,
/// never past `i64::MAX`). A part with no eligible figure is unknown: it adds 0 to the low and
/// leaves the high open and the best unknown. The high is open when a part's is; the low is "no
/// floor stated" when no part states one. Support: contested when a part is, else none when a
/// part has no eligible figure, else single-source when a part rests on one voice, else
/// corroborated. Figures, voices and conflicting pairs are the parts' added up; the figures the
/// sum rests on are every part's.
pub fn sum(parts: &[&Outcome], envelope: Envelope) -> Outcome {
    let known = parts.iter().any(|o| o.voices > 0);
    let add = |f: &dyn Fn(&Outcome) -> Option<i64>| -> Option<i64> {
        parts.iter().try_fold(0i64, |acc, o| f(o).map(|v| acc.saturating_add(v)))
    };
    let unknown = |o: &Outcome| o.voices == 0;
    let open_high = known && parts.iter().any(|o| unknown(o) || o.open_high);
    let low = known.then(|| add(&|o| Some(if unknown(o) { 0 } else { o.low.unwrap_or(0) }))).flatten();
    let high = if !known || open_high { None } else { add(&|o| o.high) };
    let best = if known { add(&|o| if unknown(o) { None } else { o.best }) } else { None };
    let support = if !known {
        Support::None
    } else if parts.iter().any(|o| o.support == Support::Contested) {
        Support::Contested
    } else if parts.iter().any(|o| o.support == Support::None) {
        Support::None
    } else if parts.iter().any(|o| o.support == Support::SingleSource) {
        Support::SingleSource
    } else {
        Support::Corroborated
    };
    let mut used: Vec<i64> = parts.iter().flat_map(|o| o.used.iter().copied()).collect();
    used.sort_unstable();
    used.dedup();
    let mut rings: Vec<Vec<i64>> = parts.iter().flat_map(|o| o.rings.iter().cloned()).collect();
    rings.sort();
    rings.dedup();
    let conflicting_pairs = parts.iter().map(|o| o.conflicting_pairs).fold(0u64, u64::saturating_add);
    Outcome {
        low,
        best,
        high,
        open_high,
        conflict: conflicting_pairs > 0,
        support,
        figures: parts.iter().map(|o| o.figures).sum(),
        voices: parts.iter().map(|o| o.voices).sum(),
        envelope,
        low_by: None,
        high_by: None,
        best_by: None,
        no_floor: known && parts.iter().all(|o| unknown(o) || o.no_floor),
        conflicting_pairs,
        conflicts: Vec::new(),
        clusters: Vec::new(),
        windows: Vec::new(),
        rings,
        items: Vec::new(),
        used,
    }
}
