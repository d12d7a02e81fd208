//! What both renderers derive from a measure alike: the result shown (the saved one, else the
//! one computed now), the figures grouped by voice, the chart and timeline descriptions, and
//! the conflicts in words.

use super::svg::{Band, Group, IntervalChart, Row, State, TimePoint, TimelineChart};
use super::text::number;
use super::words::Words;
use super::MeasureReport;
use crate::notebook::figures::FigureRow;
use crate::reconcile::{Item, Method, Support};

/// The reconciliation a measure's section states.
pub struct Shown<'a> {
    /// The saved reconciliation's id and date, when the result is a saved one.
    pub saved: Option<(i64, &'a str)>,
    pub method: Method,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub support: Support,
    pub figures: i64,
    pub voices: i64,
    pub note: Option<&'a str>,
    pub stale: bool,
}

pub fn shown(m: &MeasureReport) -> Shown<'_> {
    let r = &m.reconciled;
    let row = r.row(None);
    Shown {
        saved: r.saved.as_ref().map(|s| (s.id, s.created_at.as_str())),
        method: row.method,
        low: row.low,
        best: row.best,
        high: row.high,
        open_high: row.open_high,
        support: row.support,
        figures: row.figures,
        voices: row.voices,
        note: r.saved.as_ref().and_then(|s| s.note.as_deref()),
        stale: row.stale,
    }
}

/// A value or the dash for none.
pub fn value(v: Option<i64>) -> String {
    v.map(number).unwrap_or_else(|| "–".into())
}

/// A high as shown: the number, or the word for an open one.
pub fn high_text(high: Option<i64>, open: bool, w: &Words) -> String {
    if open {
        w.open.to_string()
    } else {
        value(high)
    }
}

/// A figure's interval, as `13–17`, `45` or `61–open`.
pub fn interval(f: &FigureRow, w: &Words) -> String {
    match figure_high(f) {
        Some(h) if h == f.low => number(h),
        Some(h) => format!("{}–{}", number(f.low), number(h)),
        None => format!("{}–{}", number(f.low), w.open),
    }
}

/// The high a figure is drawn with: none while provisional, whatever it says.
pub fn figure_high(f: &FigureRow) -> Option<i64> {
    if f.provisional {
        None
    } else {
        f.high
    }
}

/// Who gives a figure, as a chart row names it: its sources, or the outlet for its own
/// reporting.
pub fn who_short(f: &FigureRow) -> String {
    if f.sources.is_empty() {
        f.outlet.clone().unwrap_or_else(|| "?".into())
    } else {
        f.sources.join("; ")
    }
}

pub fn state(item: &Item) -> State {
    match (item.included, item.voice) {
        (true, _) => State::Included,
        (false, Some(_)) => State::Relayed,
        (false, None) => State::LeftOut,
    }
}

/// Why a figure counts or not, in a sentence.
pub fn status(item: &Item, w: &Words) -> String {
    match state(item) {
        State::Included => format!("{} {}", w.voice, item.voice.unwrap_or_default()),
        State::Relayed => {
            format!("{} {}: {}", w.voice, item.voice.unwrap_or_default(), w.reason(&item.reason))
        }
        State::LeftOut => format!("{}: {}", w.left_out, w.reason(&item.reason)),
    }
}

/// A figure with what became of it in the reconciliation.
pub type Judged<'a> = (&'a FigureRow, &'a Item);

/// Figures that are one voice (`Some(n)`), or the figures left out (`None`).
pub type VoiceGroup<'a> = (Option<usize>, Vec<Judged<'a>>);

/// The figures of a measure with what became of each, grouped by voice in voice order, then
/// the figures left out. Figures keep their order inside a group.
pub fn groups(m: &MeasureReport) -> Vec<VoiceGroup<'_>> {
    let r = &m.reconciled;
    let voices = r.outcome.voices;
    let mut by_voice: Vec<Vec<Judged<'_>>> = vec![Vec::new(); voices + 1];
    for (f, item) in r.figures.iter().zip(&r.outcome.items) {
        let slot = item.voice.filter(|v| (1..=voices).contains(v)).unwrap_or(0);
        by_voice[slot].push((f, item));
    }
    let mut out: Vec<VoiceGroup<'_>> = Vec::with_capacity(voices + 1);
    for (v, list) in by_voice.iter_mut().enumerate().skip(1) {
        if !list.is_empty() {
            out.push((Some(v), std::mem::take(list)));
        }
    }
    if !by_voice[0].is_empty() {
        out.push((None, std::mem::take(&mut by_voice[0])));
    }
    out
}

/// The interval chart of a measure.
pub fn chart(m: &MeasureReport, w: &Words, id: String) -> IntervalChart {
    let r = &m.reconciled;
    let s = shown(m);
    let groups = groups(m)
        .into_iter()
        .map(|(voice, list)| Group {
            title: voice.map(|v| format!("{} {v}", w.voice)).unwrap_or_else(|| w.left_out.to_string()),
            rows: list
                .into_iter()
                .map(|(f, item)| Row {
                    sets_low: r.outcome.low_by == Some(f.id),
                    sets_high: r.outcome.high_by == Some(f.id),
                    figure: f.id,
                    label: who_short(f),
                    rating: f.rating.clone(),
                    low: f.low,
                    high: figure_high(f),
                    point: f.point,
                    state: state(item),
                    // What a row does not show: how the notation was read and why the figure
                    // counts or not.
                    title: format!(
                        "#{} · {} → {} · {}{}{}",
                        f.id,
                        f.notation,
                        interval(f, w),
                        status(item, w),
                        if f.provisional { format!(" · {}", w.provisional) } else { String::new() },
                        sets(r, f.id, w)
                    ),
                })
                .collect(),
        })
        .collect();
    IntervalChart {
        id,
        title: format!("{}: {} ({})", w.chart, r.label, r.key),
        groups,
        band: Band {
            low: s.low,
            best: if s.method == Method::Range { None } else { s.best },
            high: s.high,
            open_high: s.open_high,
            title: format!(
                "{} {} · {} {} · {} {}",
                w.low,
                value(s.low),
                w.best,
                value(s.best),
                w.high,
                high_text(s.high, s.open_high, w)
            ),
            best_word: w.best.to_string(),
        },
    }
}

/// " · sets the band's low" (or high, or both) for a figure that set an end.
fn sets(r: &crate::notebook::reconciliations::Reconciled, id: i64, w: &Words) -> String {
    let ends: Vec<&str> = [(r.outcome.low_by, w.low), (r.outcome.high_by, w.high)]
        .into_iter()
        .filter(|(by, _)| *by == Some(id))
        .map(|(_, word)| word)
        .collect();
    if ends.is_empty() {
        String::new()
    } else {
        format!(" · {} {}", w.sets_end, ends.join(" + "))
    }
}

/// The timeline of a measure, when its figures were published on two dates or more.
pub fn timeline(m: &MeasureReport, w: &Words, id: String) -> Option<TimelineChart> {
    if m.timeline.len() < 2 {
        return None;
    }
    let r = &m.reconciled;
    Some(TimelineChart {
        id,
        title: format!("{}: {} ({})", w.timeline, r.label, r.key),
        points: m
            .timeline
            .iter()
            .map(|t| TimePoint {
                date: t.date.clone(),
                low: t.low,
                best: t.best,
                high: t.high,
                open_high: t.open_high,
                title: format!(
                    "{}: {}–{}, {} {} · {} · {} {}",
                    t.date,
                    value(t.low),
                    high_text(t.high, t.open_high, w),
                    w.best,
                    value(t.best),
                    w.support_word(t.support),
                    t.voices,
                    w.voices
                ),
            })
            .collect(),
    })
}

/// The clusters of voices that agree, as the reconcile command writes them.
pub fn clusters(m: &MeasureReport, w: &Words) -> Option<String> {
    let o = &m.reconciled.outcome;
    if o.conflicting_pairs == 0 || o.clusters.len() < 2 {
        return None;
    }
    let parts: Vec<String> = o
        .clusters
        .iter()
        .map(|c| {
            let ids: Vec<String> = c.figures.iter().take(8).map(|f| format!("#{f}")).collect();
            let more = if c.figures.len() > 8 { format!(" +{}", c.figures.len() - 8) } else { String::new() };
            format!("{}..{} ({}{more})", number(c.low), high_text(c.high, c.high.is_none(), w), ids.join(" "))
        })
        .collect();
    Some(parts.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notebook::reconciliations::Reconciled;
    use crate::reconcile::{reconcile, FigureIn, Request};

    fn measure() -> MeasureReport {
        let fig = |id: i64, low: i64, high: Option<i64>, voice: u64| {
            (
                FigureRow {
                    id,
                    low,
                    high,
                    point: low,
                    sources: vec![format!("s{voice}")],
                    rating: "B2".into(),
                    ..Default::default()
                },
                FigureIn {
                    figure_id: id,
                    claim_id: id,
                    low,
                    high,
                    point: low,
                    provisional: false,
                    weight: 0.5,
                    excluded: None,
                    voice_keys: vec![voice],
                    published: Some(format!("2014-12-0{id}")),
                    repeats: vec![],
                    ..FigureIn::default()
                },
            )
        };
        let all = [fig(1, 10, Some(20), 1), fig(2, 30, Some(40), 2), fig(3, 12, Some(15), 1)];
        let outcome = reconcile(
            &all.iter().map(|(_, i)| i.clone()).collect::<Vec<_>>(),
            &Default::default(),
            &Request::default(),
        );
        MeasureReport {
            reconciled: Reconciled {
                measure_id: 1,
                key: "k".into(),
                label: "l".into(),
                unit: None,
                figures: all.into_iter().map(|(f, _)| f).collect(),
                outcome,
                method: Method::Weighted,
                as_of: None,
                filters: Default::default(),
                saved: None,
                parts: Vec::new(),
            },
            timeline: vec![],
        }
    }

    #[test]
    fn figures_are_grouped_by_voice() {
        let m = measure();
        let g = groups(&m);
        let ids: Vec<(Option<usize>, Vec<i64>)> =
            g.iter().map(|(v, l)| (*v, l.iter().map(|(f, _)| f.id).collect())).collect();
        assert_eq!(ids, vec![(Some(1), vec![1, 3]), (Some(2), vec![2])]);
        // Figure 3 is the later word of voice 1; figure 1 is relayed.
        assert_eq!(state(g[0].1[0].1), State::Relayed);
        assert_eq!(state(g[0].1[1].1), State::Included);
        let c = chart(&m, super::super::words::words(super::super::Lang::En), "c".into());
        assert_eq!(c.band.low, Some(12));
        assert_eq!(c.band.high, Some(40));
        assert!(clusters(&m, super::super::words::words(super::super::Lang::En)).is_some());
    }
}
