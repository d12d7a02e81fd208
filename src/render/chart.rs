//! A terminal chart of intervals on one shared axis: one line per figure (a bar from low to high,
//! an arrow for an open high, a dot at the point; hollow when the figure was left out), then the
//! axis with the reconciled band and best marked. Plain ASCII on request.

use super::width::{cut, display_width};

/// One figure of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    pub included: bool,
}

/// The reconciled result drawn on the axis line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub low: i64,
    pub high: Option<i64>,
    pub best: Option<i64>,
}

struct Glyphs {
    line: char,
    dotted: char,
    left: char,
    right: char,
    arrow: char,
    dot: char,
    hollow: char,
    axis: char,
    band: char,
    best: char,
}

const UNICODE: Glyphs = Glyphs {
    line: '─',
    dotted: '┄',
    left: '├',
    right: '┤',
    arrow: '→',
    dot: '●',
    hollow: '○',
    axis: '─',
    band: '═',
    best: '▲',
};

const ASCII: Glyphs = Glyphs {
    line: '-',
    dotted: '.',
    left: '|',
    right: '|',
    arrow: '>',
    dot: 'o',
    hollow: 'x',
    axis: '-',
    band: '=',
    best: '^',
};

/// The chart's lines, each at most `width` columns, or nothing when there is no room or no bar.
pub fn draw(bars: &[Bar], band: Option<Band>, width: usize, ascii: bool) -> Vec<String> {
    let g = if ascii { &ASCII } else { &UNICODE };
    let label_width = bars.iter().map(|b| display_width(&b.label)).max().unwrap_or(0).clamp(4, 16);
    let plot = width.saturating_sub(label_width + 2);
    if bars.is_empty() || plot < 10 {
        return Vec::new();
    }
    // The axis runs from the smallest low to the largest number written (an open high ends at
    // the edge, past it).
    let lo = bars.iter().map(|b| b.low).chain(band.map(|b| b.low)).min().unwrap_or(0);
    let hi = bars.iter().flat_map(|b| [b.high.unwrap_or(b.low), b.point]).chain(band.and_then(|b| b.high)).max().unwrap_or(lo);
    let span = (hi - lo).max(1);
    // Leave the last column for the arrow of an open high.
    let cols = plot - 1;
    let x = |v: i64| -> usize {
        let v = v.clamp(lo, hi);
        // Integer arithmetic: the position of v on columns 0..cols-1.
        usize::try_from((v - lo) * (i64::try_from(cols).unwrap_or(i64::MAX) - 1) / span).unwrap_or(0)
    };
    let pad = |label: &str| {
        let shown = cut(label, label_width);
        format!("{shown}{} ", " ".repeat(label_width.saturating_sub(display_width(&shown))))
    };
    let mut lines = Vec::with_capacity(bars.len() + 2);
    for b in bars {
        let mut row = vec![' '; plot];
        let (a, z) = (x(b.low), b.high.map(x).unwrap_or(plot - 1));
        for cell in row.iter_mut().take(z + 1).skip(a) {
            *cell = if b.included { g.line } else { g.dotted };
        }
        row[a] = g.left;
        if b.high.is_some() {
            row[z] = g.right;
        } else {
            row[plot - 1] = g.arrow;
        }
        row[x(b.point)] = if b.included { g.dot } else { g.hollow };
        lines.push(format!("{} {}", pad(&b.label), row.iter().collect::<String>().trim_end()));
    }
    let mut axis = vec![g.axis; plot];
    if let Some(band) = band {
        let (a, z) = (x(band.low), band.high.map(x).unwrap_or(plot - 1));
        for cell in axis.iter_mut().take(z + 1).skip(a) {
            *cell = g.band;
        }
        if band.high.is_none() {
            axis[plot - 1] = g.arrow;
        }
        if let Some(best) = band.best {
            axis[x(best)] = g.best;
        }
    }
    lines.push(format!("{} {}", pad("band"), axis.iter().collect::<String>()));
    let scale = format!("{lo}{}{hi}", " ".repeat(plot.saturating_sub(lo.to_string().len() + hi.to_string().len())));
    lines.push(format!("{} {scale}", pad("")));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, low: i64, high: Option<i64>, point: i64, included: bool) -> Bar {
        Bar { label: label.into(), low, high, point, included }
    }

    #[test]
    fn bars_share_one_axis_and_fit_the_width() {
        let bars = [bar("#3 F/B 2", 11, Some(11), 11, true), bar("#4 B3", 13, Some(17), 15, false), bar("#5 B2", 15, None, 15, true)];
        let lines = draw(&bars, Some(Band { low: 11, high: Some(15), best: Some(11) }), 60, false);
        for l in &lines {
            assert!(display_width(l) <= 60, "{l}");
        }
        assert!(lines[0].contains('●'));
        assert!(lines[1].contains('○') && lines[1].contains('├') && lines[1].contains('┤'));
        assert!(lines[2].ends_with('→'), "an open high: {}", lines[2]);
        assert!(lines[3].contains('▲') && lines[3].contains('═'));
        // The point of 11 sits where the best of 11 is marked.
        let start = lines[0].find('●').unwrap();
        assert_eq!(lines[3].find('▲'), Some(start));
        let ascii = draw(&bars, None, 40, true);
        assert!(ascii.iter().all(|l| l.is_ascii()), "{ascii:?}");
    }

    #[test]
    fn no_room_no_chart() {
        assert!(draw(&[bar("a", 1, Some(2), 1, true)], None, 8, false).is_empty());
        assert!(draw(&[], None, 80, false).is_empty());
    }
}
