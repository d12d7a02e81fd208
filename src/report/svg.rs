//! The report's charts as SVG: an interval chart per measure (one row per figure, grouped by
//! voice, with the reconciled band and best across the rows) and a timeline of low, best and
//! high by publication date. Plain shapes with presentation attributes, so a chart looks the
//! same inline in the page and as a file beside a Markdown report. Drawn by the templates
//! `templates/report/*.svg`, which escape every text.

use askama::Template;

use super::text::{clip, number};

/// A linear axis from zero: its upper end and the distance between ticks, both round numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Axis {
    pub max: i64,
    pub step: i64,
}

/// The axis for values up to `top`: about five ticks of 1, 2 or 5 times a power of ten.
pub fn axis(top: i64) -> Axis {
    let top = top.max(1);
    let raw = top as f64 / 5.0;
    let mut magnitude: i64 = 1;
    while (magnitude as f64) * 10.0 <= raw && magnitude < i64::MAX / 100 {
        magnitude *= 10;
    }
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s as f64 >= raw)
        .unwrap_or(10 * magnitude)
        .max(1);
    let max = (top / step + i64::from(top % step != 0)).saturating_mul(step);
    Axis { max, step }
}

/// The values the ticks of an axis stand at, from zero to its end.
pub fn ticks(a: Axis) -> Vec<i64> {
    let mut out = Vec::new();
    let mut t = 0i64;
    while t <= a.max {
        out.push(t);
        t = match t.checked_add(a.step.max(1)) {
            Some(next) => next,
            None => break,
        };
    }
    out
}

/// Maps values on an axis to x coordinates between `x0` and `x1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub x0: f64,
    pub x1: f64,
    pub max: i64,
}

impl Scale {
    pub fn x(&self, v: i64) -> f64 {
        let v = v.clamp(0, self.max) as f64;
        self.x0 + v / self.max.max(1) as f64 * (self.x1 - self.x0)
    }
}

/// A coordinate as written: at most one decimal, no trailing `.0`.
pub fn coord(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// How a figure counts in the reconciliation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Speaks for its voice: drawn filled.
    Included,
    /// Same voice as a later figure: drawn hollow.
    Relayed,
    /// Left out (superseded, improbable, E-rated, filtered): drawn hollow and grey.
    LeftOut,
}

impl State {
    fn class(self) -> &'static str {
        match self {
            State::Included => "fig included",
            State::Relayed => "fig relayed",
            State::LeftOut => "fig left-out",
        }
    }
}

/// One row of an interval chart.
#[derive(Debug, Clone)]
pub struct Row {
    pub figure: i64,
    /// Who says it (the sources, or the outlet for its own reporting).
    pub label: String,
    /// The Admiralty rating, as `B2`.
    pub rating: String,
    pub low: i64,
    /// None: no upper bound (drawn as an arrow).
    pub high: Option<i64>,
    pub point: i64,
    pub state: State,
    /// The figure set the band's low (its low end is marked).
    pub sets_low: bool,
    /// The figure set the band's high, or left it open (its high end is marked).
    pub sets_high: bool,
    /// What hovering the row says: the figure, its reading and why it counts or not.
    pub title: String,
}

/// Figures that are one voice (or the figures left out), drawn together on one shade.
#[derive(Debug, Clone)]
pub struct Group {
    /// What the group is (`voice 1`, `left out`), said when hovering it.
    pub title: String,
    pub rows: Vec<Row>,
}

/// The reconciled range and best estimate drawn across the rows.
#[derive(Debug, Clone, Default)]
pub struct Band {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub title: String,
    /// The word drawn beside the best line (`best`).
    pub best_word: String,
}

#[derive(Debug, Clone)]
pub struct IntervalChart {
    pub id: String,
    /// The chart's accessible name.
    pub title: String,
    pub groups: Vec<Group>,
    pub band: Band,
}

pub const WIDTH: f64 = 800.0;
const NAME_END: f64 = 196.0;
const BADGE_X: f64 = 202.0;
pub const PLOT_X0: f64 = 276.0;
pub const PLOT_X1: f64 = 780.0;
const TOP: f64 = 34.0;
const ROW: f64 = 20.0;
const GROUP_GAP: f64 = 6.0;
const ARROW: f64 = 8.0;

/// How the charts look: in the page's stylesheet once, and inside each SVG file of a Markdown
/// report. Classes keep a chart of a thousand rows small.
pub const CSS: &str = "\
svg.chart-svg{font-family:system-ui,'Segoe UI','Noto Sans','Noto Naskh Arabic',Tahoma,sans-serif;font-size:11px;direction:ltr}
svg.chart-svg .shade{fill:#f3f6f9}
svg.chart-svg .grid{stroke:#dde2e7;stroke-width:1;fill:none}
svg.chart-svg .axis{stroke:#5b6670;stroke-width:1}
svg.chart-svg .tick,svg.chart-svg .ytick,svg.chart-svg .fid{fill:#5b6670}
svg.chart-svg .tick,svg.chart-svg .best-label{text-anchor:middle}
svg.chart-svg .ytick{text-anchor:end}
svg.chart-svg .fid{font-weight:600;font-family:ui-monospace,Menlo,Consolas,monospace}
svg.chart-svg .who{fill:#1d232a;text-anchor:end;unicode-bidi:plaintext}
svg.chart-svg .badge{fill:#e6edf3}
svg.chart-svg .rating{fill:#1d232a;text-anchor:middle;font-family:ui-monospace,Menlo,Consolas,monospace;font-weight:600}
svg.chart-svg .band{fill:#2a7ab0;fill-opacity:.14}
svg.chart-svg .tband{fill:#2a7ab0;fill-opacity:.16;stroke:#2a7ab0;stroke-width:1}
svg.chart-svg .best{stroke:#b03a2e;stroke-width:1.5;stroke-dasharray:5 3;fill:none}
svg.chart-svg .tbest{stroke:#b03a2e;stroke-width:2;fill:none}
svg.chart-svg .best-label{fill:#b03a2e;font-weight:600}
svg.chart-svg .dot{fill:#b03a2e}
svg.chart-svg .dot.low{fill:#2a7ab0}
svg.chart-svg .sets{stroke:#2a7ab0;stroke-width:3}
svg.chart-svg .open-high{stroke:#2a7ab0;stroke-width:1.5;stroke-dasharray:3 3}
svg.chart-svg .bar,svg.chart-svg .point{stroke-width:1.3}
svg.chart-svg .included .bar{fill:#1f5f8b;fill-opacity:.45;stroke:#1f5f8b}
svg.chart-svg .included .point,svg.chart-svg .included .arrow{fill:#1f5f8b;stroke:#1f5f8b}
svg.chart-svg .relayed .bar,svg.chart-svg .relayed .point{fill:#fff;stroke:#1f5f8b}
svg.chart-svg .relayed .arrow{fill:#1f5f8b}
svg.chart-svg .left-out .bar,svg.chart-svg .left-out .point{fill:#fff;stroke:#8a949e;stroke-dasharray:3 2}
svg.chart-svg .left-out .arrow{fill:#8a949e}
";

/// The largest value the chart must show: bounded highs, points, and room after open lows.
fn top_value(c: &IntervalChart) -> i64 {
    let mut top = 0i64;
    for r in c.groups.iter().flat_map(|g| &g.rows) {
        top = top.max(r.point).max(r.low);
        match r.high {
            Some(h) => top = top.max(h),
            // An arrow needs some length after its start.
            None => top = top.max(r.low.saturating_add(r.low / 4).max(r.low.saturating_add(1))),
        }
    }
    for v in [c.band.low, c.band.best, c.band.high].into_iter().flatten() {
        top = top.max(v);
    }
    top
}

/// A chart drawn: the template escapes every text (names, titles, dates) and control
/// characters are shown as escapes first (`Shown`).
#[derive(Template)]
#[template(path = "report/interval.svg", escape = "shown")]
struct IntervalSvg<'a> {
    standalone: bool,
    css: &'static str,
    id: &'a str,
    title: &'a str,
    width: String,
    height: String,
    axis_max: i64,
    plot_x0: String,
    plot_x1: String,
    /// (y, height) of every other group's shade.
    shades: Vec<(String, String)>,
    grid: String,
    /// (x, label)
    ticks: Vec<(String, String)>,
    tick_y: String,
    axis_y: String,
    band: Option<BandSvg<'a>>,
    best: Option<BestSvg>,
    name_end: String,
    badge_x: String,
    groups: Vec<GroupSvg<'a>>,
}

struct BandSvg<'a> {
    x: String,
    y: String,
    width: String,
    height: String,
    title: &'a str,
}

struct BestSvg {
    x: String,
    y1: String,
    y2: String,
    label_y: String,
    anchor: Option<&'static str>,
    label: String,
}

struct GroupSvg<'a> {
    title: &'a str,
    rows: Vec<RowSvg<'a>>,
}

struct RowSvg<'a> {
    class: &'static str,
    figure: i64,
    low: i64,
    high: String,
    title: &'a str,
    text_y: String,
    rtl: bool,
    label: std::borrow::Cow<'a, str>,
    badge_y: String,
    badge_w: String,
    rating_x: String,
    rating: std::borrow::Cow<'a, str>,
    bar: Bar,
    /// The x of each end this figure set: a tick across the bar's end.
    sets: Vec<String>,
    sets_y1: String,
    sets_y2: String,
    point_x: String,
    point_y: String,
}

enum Bar {
    Closed { x: String, y: String, width: String },
    Open { x: String, y: String, width: String, points: String },
}

/// The interval chart of one measure. `standalone` adds the SVG namespace and the styles, for a
/// file of its own.
pub fn interval_chart(c: &IntervalChart, standalone: bool) -> String {
    let axis = axis(top_value(c));
    let scale = Scale { x0: PLOT_X0, x1: PLOT_X1, max: axis.max };
    let rows: usize = c.groups.iter().map(|g| g.rows.len()).sum();
    let body_height = rows as f64 * ROW + c.groups.len().saturating_sub(1) as f64 * GROUP_GAP;
    let rows_end = TOP + body_height;
    // Group backgrounds, every other one shaded.
    let mut y = TOP;
    let mut shades = Vec::new();
    let mut groups = Vec::with_capacity(c.groups.len());
    for (n, g) in c.groups.iter().enumerate() {
        let h = g.rows.len() as f64 * ROW;
        if n.is_multiple_of(2) {
            shades.push((coord(y - 2.0), coord(h + 4.0)));
        }
        groups.push(GroupSvg {
            title: &g.title,
            rows: g
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| row(r, y + i as f64 * ROW + ROW / 2.0, &scale))
                .collect(),
        });
        y += h + GROUP_GAP;
    }
    let ticks = ticks(axis);
    let band = c.band.low.map(|low| {
        let x_low = scale.x(low);
        let x_high = match (c.band.high, c.band.open_high) {
            (Some(h), false) => scale.x(h),
            _ => PLOT_X1,
        };
        BandSvg {
            x: coord(x_low),
            y: coord(TOP - 6.0),
            width: coord((x_high - x_low).max(1.5)),
            height: coord(body_height + 10.0),
            title: &c.band.title,
        }
    });
    let best = c.band.best.map(|best| {
        let x = scale.x(best);
        BestSvg {
            x: coord(x),
            y1: coord(TOP - 12.0),
            y2: coord(rows_end + 4.0),
            label_y: coord(TOP - 16.0),
            anchor: if x > PLOT_X1 - 60.0 {
                Some("end")
            } else if x < PLOT_X0 + 40.0 {
                Some("start")
            } else {
                None
            },
            label: format!("{} {}", c.band.best_word, number(best)),
        }
    });
    let svg = IntervalSvg {
        standalone,
        css: CSS,
        id: &c.id,
        title: &c.title,
        width: coord(WIDTH),
        height: coord(rows_end + 40.0),
        axis_max: axis.max,
        plot_x0: coord(PLOT_X0),
        plot_x1: coord(PLOT_X1),
        shades,
        grid: ticks
            .iter()
            .map(|t| format!("M{} {}V{}", coord(scale.x(*t)), coord(TOP - 6.0), coord(rows_end + 4.0)))
            .collect(),
        ticks: ticks.iter().map(|t| (coord(scale.x(*t)), number(*t))).collect(),
        tick_y: coord(rows_end + 20.0),
        axis_y: coord(rows_end + 4.0),
        band,
        best,
        name_end: coord(NAME_END),
        badge_x: coord(BADGE_X),
        groups,
    };
    draw(&svg)
}

fn row<'a>(r: &'a Row, yc: f64, scale: &Scale) -> RowSvg<'a> {
    let badge = clip(&r.rating, 8);
    let bw = 10.0 + 6.6 * badge.chars().count() as f64;
    let x_low = scale.x(r.low);
    let bar = match r.high {
        Some(h) => {
            Bar::Closed { x: coord(x_low), y: coord(yc - 4.0), width: coord(scale.x(h.max(r.low)) - x_low) }
        }
        None => {
            let end = (PLOT_X1 - ARROW).max(x_low);
            Bar::Open {
                x: coord(x_low),
                y: coord(yc - 4.0),
                width: coord(end - x_low),
                points: format!(
                    "{},{} {},{} {},{}",
                    coord(end),
                    coord(yc - 7.0),
                    coord(PLOT_X1),
                    coord(yc),
                    coord(end),
                    coord(yc + 7.0)
                ),
            }
        }
    };
    let x_end = r.high.map(|h| scale.x(h.max(r.low))).unwrap_or(PLOT_X1);
    RowSvg {
        class: r.state.class(),
        figure: r.figure,
        low: r.low,
        high: r.high.map(|h| h.to_string()).unwrap_or_default(),
        title: &r.title,
        text_y: coord(yc + 4.0),
        // Right-to-left names get their own direction (the stylesheet isolates every name too).
        rtl: crate::render::has_rtl(&r.label),
        label: clip(&r.label, 24),
        badge_y: coord(yc - 7.0),
        badge_w: coord(bw),
        rating_x: coord(BADGE_X + bw / 2.0),
        rating: badge,
        bar,
        sets: [(r.sets_low, x_low), (r.sets_high, x_end)]
            .into_iter()
            .filter(|(set, _)| *set)
            .map(|(_, x)| coord(x))
            .collect(),
        sets_y1: coord(yc - 9.0),
        sets_y2: coord(yc + 9.0),
        point_x: coord(scale.x(r.point)),
        point_y: coord(yc),
    }
}

/// One date of a timeline.
#[derive(Debug, Clone)]
pub struct TimePoint {
    pub date: String,
    /// What hovering the date's dot says; empty for nothing.
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub open_high: bool,
    pub title: String,
}

#[derive(Debug, Clone)]
pub struct TimelineChart {
    pub id: String,
    pub title: String,
    pub points: Vec<TimePoint>,
}

const T_HEIGHT: f64 = 240.0;
const T_X0: f64 = 64.0;
const T_X1: f64 = 780.0;
const T_TOP: f64 = 20.0;
const T_BOTTOM: f64 = 190.0;

#[derive(Template)]
#[template(path = "report/timeline.svg", escape = "shown")]
struct TimelineSvg<'a> {
    standalone: bool,
    css: &'static str,
    id: &'a str,
    title: &'a str,
    width: String,
    height: String,
    axis_max: i64,
    grid: String,
    /// (y, label)
    ticks: Vec<(String, String)>,
    tick_x: String,
    band: Option<String>,
    open_highs: Vec<String>,
    open_y1: String,
    open_y2: String,
    best: Option<String>,
    dates: Vec<DateSvg<'a>>,
    date_y: String,
    axis_x0: String,
    axis_x1: String,
    axis_y: String,
}

struct DateSvg<'a> {
    date: &'a str,
    title: &'a str,
    x: String,
    /// (class, y) of its dot.
    dot: Option<(&'static str, String)>,
    /// Whether the date is written under the axis.
    written: bool,
}

/// Low, best and high over the dates the figures were published: a band from low to high (to
/// the top, dashed, while the high is open) and the best as a line.
pub fn timeline_chart(c: &TimelineChart, standalone: bool) -> String {
    let n = c.points.len().max(1);
    let top = c.points.iter().flat_map(|p| [p.low, p.best, p.high]).flatten().max().unwrap_or(0);
    let axis = axis(top);
    let y = |v: i64| T_BOTTOM - v.clamp(0, axis.max) as f64 / axis.max.max(1) as f64 * (T_BOTTOM - T_TOP);
    let x = |i: usize| T_X0 + (i as f64 + 0.5) * (T_X1 - T_X0) / n as f64;
    let ticks = ticks(axis);
    // The band, as one polygon over the dates that have a range.
    let ranged: Vec<(usize, &TimePoint)> =
        c.points.iter().enumerate().filter(|(_, p)| p.low.is_some()).collect();
    let band = (!ranged.is_empty()).then(|| {
        let mut pts: Vec<String> = ranged
            .iter()
            .map(|(i, p)| {
                let hy = match (p.high, p.open_high) {
                    (Some(h), false) => y(h),
                    _ => T_TOP,
                };
                format!("{},{}", coord(x(*i)), coord(hy))
            })
            .collect();
        pts.extend(
            ranged.iter().rev().map(|(i, p)| format!("{},{}", coord(x(*i)), coord(y(p.low.unwrap_or(0))))),
        );
        pts.join(" ")
    });
    let best: Vec<(usize, i64)> =
        c.points.iter().enumerate().filter_map(|(i, p)| p.best.map(|b| (i, b))).collect();
    // At most seven dates are written under the axis; every date has its dot.
    let every = c.points.len().div_ceil(7).max(1);
    let svg = TimelineSvg {
        standalone,
        css: CSS,
        id: &c.id,
        title: &c.title,
        width: coord(WIDTH),
        height: coord(T_HEIGHT),
        axis_max: axis.max,
        grid: ticks.iter().map(|t| format!("M{} {}H{}", coord(T_X0), coord(y(*t)), coord(T_X1))).collect(),
        ticks: ticks.iter().map(|t| (coord(y(*t) + 4.0), number(*t))).collect(),
        tick_x: coord(T_X0 - 6.0),
        band,
        open_highs: ranged
            .iter()
            .filter(|(_, p)| p.open_high || p.high.is_none())
            .map(|(i, _)| coord(x(*i)))
            .collect(),
        open_y1: coord(T_TOP),
        open_y2: coord(T_TOP + 24.0),
        best: (best.len() > 1).then(|| {
            best.iter()
                .map(|(i, b)| format!("{},{}", coord(x(*i)), coord(y(*b))))
                .collect::<Vec<_>>()
                .join(" ")
        }),
        dates: c
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| DateSvg {
                date: &p.date,
                title: &p.title,
                x: coord(x(i)),
                dot: p
                    .best
                    .or(p.low)
                    .map(|v| (if p.best.is_some() { "dot" } else { "dot low" }, coord(y(v)))),
                written: i % every == 0,
            })
            .collect(),
        date_y: coord(T_BOTTOM + 18.0),
        axis_x0: coord(T_X0),
        axis_x1: coord(T_X1),
        axis_y: coord(T_BOTTOM),
    };
    draw(&svg)
}

fn draw(t: &impl Template) -> String {
    // Rendering into a String fails only if a value's Display fails, which none here does.
    t.render().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_end_on_round_numbers() {
        assert_eq!(axis(40), Axis { max: 40, step: 10 });
        assert_eq!(axis(45), Axis { max: 50, step: 10 });
        assert_eq!(axis(0), Axis { max: 1, step: 1 });
        assert_eq!(axis(7), Axis { max: 8, step: 2 });
        assert_eq!(axis(99), Axis { max: 100, step: 20 });
        let a = axis(9999);
        assert!(a.max >= 9999 && a.max % a.step == 0 && a.max / a.step <= 6, "{a:?}");
        let huge = axis(1_000_000_000_000);
        assert!(huge.max >= 1_000_000_000_000, "{huge:?}");
    }

    #[test]
    fn values_map_linearly_onto_the_plot() {
        let s = Scale { x0: 100.0, x1: 500.0, max: 40 };
        assert_eq!(s.x(0), 100.0);
        assert_eq!(s.x(10), 200.0);
        assert_eq!(s.x(20), 300.0);
        assert_eq!(s.x(40), 500.0);
        // Out of range values stay on the plot.
        assert_eq!(s.x(80), 500.0);
        assert_eq!(s.x(-5), 100.0);
        assert_eq!(coord(12.04), "12");
        assert_eq!(coord(12.25), "12.3");
    }

    fn chart(rows: Vec<Row>) -> IntervalChart {
        IntervalChart {
            id: "c".into(),
            title: "t".into(),
            groups: vec![Group { title: "voice 1".into(), rows }],
            band: Band {
                low: Some(10),
                best: Some(15),
                high: Some(20),
                open_high: false,
                title: "band".into(),
                best_word: "best".into(),
            },
        }
    }

    fn row(figure: i64, low: i64, high: Option<i64>, state: State) -> Row {
        Row {
            figure,
            label: "who".into(),
            rating: "B2".into(),
            low,
            high,
            point: low,
            state,
            sets_low: figure == 1,
            sets_high: false,
            title: "why".into(),
        }
    }

    #[test]
    fn the_figure_that_set_an_end_is_marked_at_that_end() {
        let svg = interval_chart(
            &chart(vec![row(1, 10, Some(20), State::Included), row(2, 30, Some(40), State::Included)]),
            false,
        );
        // One tick, across the low end of figure 1 only.
        assert_eq!(svg.matches("class=\"sets\"").count(), 1, "{svg}");
        let at = svg.find("class=\"sets\"").unwrap();
        let group = svg[..at].rfind("data-figure=").unwrap();
        assert!(svg[group..].starts_with("data-figure=\"1\""));
    }

    #[test]
    fn a_bar_spans_its_interval() {
        let svg = interval_chart(
            &chart(vec![row(1, 10, Some(20), State::Included), row(2, 30, Some(40), State::LeftOut)]),
            false,
        );
        assert!(svg.contains("data-axis-max=\"40\""), "{svg}");
        let w = PLOT_X1 - PLOT_X0;
        let bar = format!("x=\"{}\" y=", coord(PLOT_X0 + w / 4.0));
        assert!(svg.contains(&bar), "{svg}");
        assert!(svg.contains(&format!("width=\"{}\" height=\"8\"", coord(w / 4.0))), "{svg}");
        assert!(!svg.contains("xmlns"));
        assert!(interval_chart(&chart(vec![]), true).starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }

    #[test]
    fn an_open_high_is_an_arrow_to_the_end() {
        let svg = interval_chart(&chart(vec![row(1, 61, None, State::Included)]), false);
        assert!(svg.contains("class=\"arrow\""));
        assert!(
            svg.contains(&format!(",{} ", coord(PLOT_X1))) || svg.contains(&format!(" {},", coord(PLOT_X1))),
            "{svg}"
        );
    }

    #[test]
    fn text_in_charts_is_escaped() {
        let mut r = row(1, 1, Some(2), State::Relayed);
        r.label = "<script>x</script>".into();
        r.title = "\"><img onerror=y>".into();
        let svg = interval_chart(&chart(vec![r]), false);
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{svg}");
    }

    #[test]
    fn a_timeline_draws_a_band_and_a_best_line() {
        let p = |d: &str, low, best, high| TimePoint {
            date: d.into(),
            low: Some(low),
            best: Some(best),
            high,
            open_high: high.is_none(),
            title: d.into(),
        };
        let svg = timeline_chart(
            &TimelineChart {
                id: "t".into(),
                title: "t".into(),
                points: vec![p("2014-12-05", 11, 11, Some(17)), p("2014-12-06", 11, 15, None)],
            },
            false,
        );
        assert!(
            svg.contains("class=\"tband\"") && svg.contains("class=\"tbest\"") && svg.contains("open-high"),
            "{svg}"
        );
        assert_eq!(svg.matches("<circle class=\"dot\" data-date=").count(), 2);
    }
}
