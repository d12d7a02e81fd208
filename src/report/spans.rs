//! An article body cut at the edges of its claimed spans, which may overlap or nest: each piece
//! knows which claims cover it and which claims begin with it, so a renderer can mark the
//! pieces and number each quote where it starts.

use std::collections::BTreeSet;

use crate::notebook::articles::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: &'a str,
    /// The claims whose quotes cover this piece, in id order.
    pub claims: Vec<i64>,
    /// The claims whose quotes begin with this piece, in id order.
    pub starts: Vec<i64>,
}

/// Cuts `body` at every span's start and end (character offsets, clamped to the body; empty
/// spans ignored). Linear in the body plus n log n in the spans.
pub fn pieces<'a>(body: &'a str, spans: &[Span]) -> Vec<Piece<'a>> {
    let chars = body.chars().count();
    let spans: Vec<Span> = spans
        .iter()
        .map(|s| Span { claim: s.claim, start: s.start.min(chars), end: s.end.min(chars) })
        .filter(|s| s.start < s.end)
        .collect();
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).chain([0, chars]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    // Character offsets to byte offsets, in one pass over the body.
    let mut bytes = Vec::with_capacity(cuts.len());
    let mut next = 0;
    for (n, (i, _)) in body.char_indices().chain([(body.len(), ' ')]).enumerate() {
        while next < cuts.len() && cuts[next] == n {
            bytes.push(i);
            next += 1;
        }
        if next == cuts.len() {
            break;
        }
    }
    let mut starting: Vec<(usize, i64)> = spans.iter().map(|s| (s.start, s.claim)).collect();
    let mut ending: Vec<(usize, i64)> = spans.iter().map(|s| (s.end, s.claim)).collect();
    starting.sort_unstable();
    ending.sort_unstable();
    let (mut si, mut ei) = (0, 0);
    let mut active: BTreeSet<i64> = BTreeSet::new();
    let mut out = Vec::with_capacity(cuts.len());
    for w in 0..cuts.len().saturating_sub(1) {
        let at = cuts[w];
        while ei < ending.len() && ending[ei].0 <= at {
            active.remove(&ending[ei].1);
            ei += 1;
        }
        let mut starts = Vec::new();
        while si < starting.len() && starting[si].0 == at {
            active.insert(starting[si].1);
            starts.push(starting[si].1);
            si += 1;
        }
        out.push(Piece {
            text: &body[bytes[w]..bytes[w + 1]],
            claims: active.iter().copied().collect(),
            starts,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(claim: i64, start: usize, end: usize) -> Span {
        Span { claim, start, end }
    }

    fn shown(p: &[Piece<'_>]) -> Vec<(String, Vec<i64>, Vec<i64>)> {
        p.iter().map(|p| (p.text.to_string(), p.claims.clone(), p.starts.clone())).collect()
    }

    #[test]
    fn no_spans_is_the_whole_body() {
        assert_eq!(shown(&pieces("abc", &[])), vec![("abc".to_string(), vec![], vec![])]);
        assert!(pieces("", &[]).is_empty());
    }

    #[test]
    fn overlapping_and_nested_spans_in_arabic() {
        // "قال 45 مقاتلا" : characters, not bytes.
        let body = "قال 45 مقاتلا اليوم";
        let p = pieces(body, &[span(1, 4, 13), span(2, 4, 6), span(3, 7, 19)]);
        assert_eq!(
            shown(&p),
            vec![
                ("قال ".into(), vec![], vec![]),
                ("45".into(), vec![1, 2], vec![1, 2]),
                (" ".into(), vec![1], vec![]),
                ("مقاتلا".into(), vec![1, 3], vec![3]),
                (" اليوم".into(), vec![3], vec![]),
            ]
        );
        assert_eq!(p.iter().map(|p| p.text).collect::<String>(), body);
    }

    #[test]
    fn spans_past_the_end_are_clamped_and_empty_ones_dropped() {
        let p = pieces("abcdef", &[span(1, 4, 99), span(2, 2, 2), span(3, 50, 60)]);
        assert_eq!(shown(&p), vec![("abcd".into(), vec![], vec![]), ("ef".into(), vec![1], vec![1])]);
    }
}
