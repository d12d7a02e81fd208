//! Reading one figure out of tokens: hedges before and after, the number (or range, or vague
//! word), the counted noun, then a tail, sums of several parts and two hedges read together.
//! Every step is written down for `figure parse --explain`.

use std::collections::HashMap;

use super::tables::{
    is_function_word, joiner_index, outcome_of, prefix_index, provisional_index, subset_index, suffix_index,
    Hedge, PhraseIndex, NEGATIONS, NOT_COUNTED, PLURAL_SCALES, RANGE_SEPARATORS, SCALE_WORDS, WORD_FIGURES,
};
use super::{Kind, VagueTable, VagueTerm};
use crate::numwords::numbers::{
    is_number_word, may_start_number, number_vocab, numbers_at, share_scale, NumRead,
};
use crate::numwords::tokens::{clitic_forms, Forms, TokKind, Token, MAX};

/// The notebook's vague words, looked up by their spaceless form so that a word may carry a
/// clitic (العشرات، بعشرات) and a term of several words matches however it is spaced.
pub(crate) struct VagueIndex {
    by_compact: HashMap<String, VagueTerm>,
    /// The first word of every term, so that most words are passed over at once.
    first_words: std::collections::HashSet<String>,
    max_tokens: usize,
}

impl VagueIndex {
    pub fn new(table: &VagueTable) -> Self {
        let mut by_compact = HashMap::new();
        let mut first_words = std::collections::HashSet::new();
        let mut max_tokens = 1;
        for (key, term) in table {
            let compact: String = key.chars().filter(|c| !c.is_whitespace()).collect();
            let toks = crate::numwords::tokens::tokenize(key);
            max_tokens = max_tokens.max(toks.len());
            if let Some(t) = toks.first() {
                first_words.insert(t.norm.clone());
            }
            by_compact.insert(compact, *term);
        }
        VagueIndex { by_compact, first_words, max_tokens: max_tokens.min(8) }
    }
}

/// A phrase found in the tokens: what it is, where it ends, and its span as typed.
#[derive(Debug, Clone)]
pub(crate) struct Hit<T> {
    pub value: T,
    pub end: usize,
    pub clitic: usize,
    pub start_byte: usize,
    pub end_byte: usize,
}

/// One interval with the words that made it.
#[derive(Debug, Clone)]
pub(crate) struct Interval {
    pub kind: Kind,
    pub low: i64,
    pub high: Option<i64>,
    pub point: i64,
    /// `more-than ('أكثر من')`
    pub label: String,
    /// `n+1..open, point n+1`
    pub formula: String,
}

/// What the number itself is, before hedges.
#[derive(Debug, Clone)]
enum Base {
    Number { n: i64, words: Option<String> },
    Range { a: i64, b: i64, how: String },
    Vague { term: VagueTerm, wording: String },
    Word { hedge: Hedge, n: i64, wording: String },
}

/// One part of a figure (a sum has several).
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub iv: Interval,
    pub rule: String,
    pub noun: Option<String>,
    pub outcome: Option<&'static str>,
    /// The token after the part, and the byte span as typed (after a leading clitic).
    pub end: usize,
    pub start_byte: usize,
    pub end_byte: usize,
    /// Characters of a clitic set aside from the first word.
    pub lead_clitic: usize,
    pub hedged: bool,
    /// Token span of the number itself.
    pub base_start: usize,
    pub base_end: usize,
    pub vague: bool,
    pub steps: Vec<String>,
}

const PEOPLE: &[&str] = &["people", "men", "women", "children", "police", "personnel", "staff", "youth"];

pub(crate) struct Reader<'a> {
    pub toks: &'a [Token],
    pub text: &'a str,
    pub vague: &'a VagueIndex,
    /// Reading running text: shorter nouns, no tails, no sums.
    pub find: bool,
}

pub(crate) fn hedge_kind_name(h: Hedge) -> &'static str {
    match h {
        Hedge::Approx | Hedge::ApproxBelow => "approx",
        Hedge::MoreThan => "more-than",
        Hedge::AtLeast => "at-least",
        Hedge::FewerThan => "fewer-than",
        Hedge::AtMost => "at-most",
    }
}

/// The interval a hedge makes of n, with its formula.
pub(crate) fn hedged(h: Hedge, n: i64, label: String) -> Result<Interval, String> {
    let (kind, low, high, point, formula) = match h {
        Hedge::Approx => {
            (Kind::Approx, 9 * n / 10, Some((11 * n + 9) / 10), n, "floor(0.9n)..ceil(1.1n), point n")
        }
        Hedge::ApproxBelow => (Kind::Approx, 9 * n / 10, Some(n), n, "floor(0.9n)..n, point n"),
        Hedge::MoreThan => (Kind::MoreThan, n + 1, None, n + 1, "n+1..open, point n+1"),
        Hedge::AtLeast => (Kind::AtLeast, n, None, n, "n..open, point n"),
        Hedge::FewerThan if n == 0 => return Err("is fewer than nothing; a count cannot be below 0".into()),
        Hedge::FewerThan => (Kind::FewerThan, 0, Some(n - 1), n - 1, "0..n-1, point n-1"),
        Hedge::AtMost => (Kind::AtMost, 0, Some(n), n, "0..n, point n"),
    };
    Ok(Interval { kind, low, high, point, label, formula: formula.into() })
}

fn is_lower(k: Kind) -> bool {
    matches!(k, Kind::AtLeast | Kind::MoreThan)
}
fn is_upper(k: Kind) -> bool {
    matches!(k, Kind::AtMost | Kind::FewerThan)
}

fn show_high(h: Option<i64>) -> String {
    h.map(|h| h.to_string()).unwrap_or_else(|| "open".into())
}

/// Two hedges on one count, read as the narrower: the intersection of their intervals. When
/// one interval lies inside the other it is kept whole (its kind and point); when they only
/// overlap the result is a range whose point is the lower bound the source stands behind.
pub(crate) fn narrow(a: Interval, b: Interval, steps: &mut Vec<String>) -> Result<Interval, String> {
    // An approximation and a bound (`نحو 90 على الأقل`, `about 40 at most`): the bound is what
    // the source states; the approximation adds no ceiling (or floor) of its own.
    let bound = |x: &Interval| is_lower(x.kind) || is_upper(x.kind);
    if a.kind == Kind::Approx && bound(&b) || b.kind == Kind::Approx && bound(&a) {
        let (approx, bound) = if a.kind == Kind::Approx { (a, b) } else { (b, a) };
        steps.push(format!(
            "two hedges: {} and {}; the bound is what is stated, keeping {}",
            approx.label, bound.label, bound.label
        ));
        return Ok(Interval { label: format!("{} with {}", bound.label, approx.label), ..bound });
    }
    let low = a.low.max(b.low);
    let high = match (a.high, b.high) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    };
    if high.is_some_and(|h| h < low) {
        return Err(format!(
            "reads as two hedges that cannot both hold: {} ({}..{}) and {} ({}..{})",
            a.label,
            a.low,
            show_high(a.high),
            b.label,
            b.low,
            show_high(b.high)
        ));
    }
    let inside = |x: &Interval, y: &Interval| {
        y.low <= x.low
            && match (x.high, y.high) {
                (_, None) => true,
                (Some(xh), Some(yh)) => xh <= yh,
                (None, Some(_)) => false,
            }
    };
    let both = format!("{} and {}", a.label, b.label);
    let out = if inside(&a, &b) {
        steps.push(format!("two hedges: {} lies within {}; keeping {}", a.label, b.label, a.label));
        Interval { label: format!("{} within {}", a.label, b.label), ..a }
    } else if inside(&b, &a) {
        steps.push(format!("two hedges: {} lies within {}; keeping {}", b.label, a.label, b.label));
        Interval { label: format!("{} within {}", b.label, a.label), ..b }
    } else {
        let lower = if is_lower(b.kind) && !is_lower(a.kind) { &b } else { &a };
        let point = lower.point.clamp(low, high.unwrap_or(i64::MAX));
        steps.push(format!(
            "two hedges: {both} overlap on {low}..{}; the point is the lower bound's, {point}",
            show_high(high)
        ));
        Interval {
            kind: Kind::Range,
            low,
            high,
            point,
            label: format!("range: {both} taken together"),
            formula: format!("{low}..{}, point {point}", show_high(high)),
        }
    };
    Ok(out)
}

impl<'a> Reader<'a> {
    fn typed(&self, a: usize, b: usize) -> &'a str {
        &self.text[a..b]
    }

    /// The longest phrase of `idx` at token `i`, its first word optionally after a clitic.
    pub fn phrase_at<T: Copy>(&self, idx: &PhraseIndex<T>, i: usize, clitics: bool) -> Option<Hit<T>> {
        let t = self.toks.get(i)?;
        let forms = if clitics { clitic_forms(&t.norm) } else { Forms::one(t.norm.as_str()) };
        for (cl, _, first) in forms {
            let Some(c) = first.chars().next() else { continue };
            for (compact, v) in idx.candidates(c) {
                if !compact.starts_with(first) {
                    continue;
                }
                let (mut len, mut j) = (first.len(), i + 1);
                while len < compact.len()
                    && j < self.toks.len()
                    && compact[len..].starts_with(&self.toks[j].norm)
                {
                    len += self.toks[j].norm.len();
                    j += 1;
                }
                if len == compact.len() {
                    return Some(Hit {
                        value: *v,
                        end: j,
                        clitic: cl,
                        start_byte: t.offset_of_char(cl),
                        end_byte: self.toks[j - 1].end,
                    });
                }
            }
        }
        None
    }

    /// The longest vague word at `i` (a clitic allowed on its first word).
    fn vague_at(&self, i: usize) -> Option<Hit<VagueTerm>> {
        let t = self.toks.get(i)?;
        if !t.is_word() {
            return None;
        }
        for (cl, _, first) in clitic_forms(&t.norm) {
            if !self.vague.first_words.contains(first) {
                continue;
            }
            let mut acc = first.to_string();
            let mut best = None;
            for j in i + 1..=(i + self.vague.max_tokens).min(self.toks.len()) {
                if j > i + 1 {
                    let n = &self.toks[j - 1];
                    if !(n.is_word() || n.is_sym("-")) {
                        break;
                    }
                    acc.push_str(&n.norm);
                }
                // A word written with a final ه where the table's has ة is another word with a
                // pronoun: `بعده` (after him) is not ب + `عدة` (several).
                let last = &self.toks[j - 1];
                let raw = self.text.get(last.start..last.end).unwrap_or("");
                let pronoun_ha =
                    raw.trim_end_matches(|c: char| ('\u{064B}'..='\u{0652}').contains(&c)).ends_with('ه');
                if pronoun_ha {
                    continue;
                }
                if let Some(term) = self.vague.by_compact.get(&acc) {
                    best = Some(Hit {
                        value: *term,
                        end: j,
                        clitic: cl,
                        start_byte: t.offset_of_char(cl),
                        end_byte: self.toks[j - 1].end,
                    });
                }
            }
            if best.is_some() {
                return best;
            }
        }
        None
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        self.toks.get(i).is_some_and(|t| words.contains(&t.norm.as_str()))
    }

    /// `between A and B`, `from A to B`, `بين A و B`, `من A إلى B`.
    fn intro_range_at(&self, j: usize) -> Result<Option<(Base, usize)>, String> {
        let forms: [(&[&str], &[&str]); 4] = [
            (&["between"], &["and", "-", "to"]),
            (&["from"], &["to", "-"]),
            (&["بين", "مابين"], &["و", "الي", "-"]),
            (&["من"], &["الي", "حتي", "-"]),
        ];
        let Some(t) = self.toks.get(j) else { return Ok(None) };
        let mut k = j + 1;
        let intro = if t.norm == "ما" && self.word_is(j + 1, &["بين"]) {
            k = j + 2;
            "مابين".to_string()
        } else if t.norm == "anywhere" && self.word_is(j + 1, &["from", "between"]) {
            k = j + 2;
            self.toks[j + 1].norm.clone()
        } else {
            clitic_forms(&t.norm)
                .into_iter()
                .map(|(_, _, w)| w.to_string())
                .find(|w| forms.iter().any(|(i, _)| i.contains(&w.as_str())))
                .unwrap_or_default()
        };
        let Some((_, seps)) = forms.iter().find(|(i, _)| i.contains(&intro.as_str())) else {
            return Ok(None);
        };
        for x in numbers_at(self.toks, k) {
            let s = x.end;
            let Some(sep) = self.toks.get(s) else { continue };
            // و glued to the second number: بين 10 و20 splits into و + 20; بين عشرة وعشرين keeps it.
            let glued_waw = seps.contains(&"و") && sep.norm.starts_with('و') && sep.norm != "و";
            let (y_at, sep_text) = if glued_waw {
                (s, "و".to_string())
            } else if seps.contains(&sep.norm.as_str()) {
                (s + 1, self.typed(sep.start, sep.end).to_string())
            } else {
                continue;
            };
            let ys = numbers_at(self.toks, y_at);
            let y = ys.into_iter().find(|y| !glued_waw || y.clitic == 1);
            if let Some(y) = y {
                if y.clitic > 0 && !glued_waw {
                    continue;
                }
                let how = format!("'{}' … '{}'", self.typed(t.start, self.toks[k - 1].end), sep_text);
                let a = share_scale(self.toks, &x, k, &y);
                return self.range(a, y.value, how, y.end).map(Some);
            }
        }
        Ok(None)
    }

    /// A round number and "some" more: `ثلاثين ونيف`, `نيفاً وثلاثين`, `30-odd`, `thirty-odd`,
    /// `مئة ونيف`: above the number and below its next step (31..39, 101..199, 1001..1999).
    fn and_some_at(&self, j: usize, x: Option<&NumRead>) -> Option<(Base, usize, usize)> {
        let nayyif = |k: usize| {
            self.toks.get(k).is_some_and(|t| {
                clitic_forms(&t.norm).iter().any(|(c, _, w)| *c <= 1 && matches!(*w, "نيف" | "نيفا"))
            })
        };
        let (n, end, clitic, how) = match x {
            // نيفاً وثلاثين: the number after, with its و.
            None if nayyif(j) && !self.toks[j].norm.starts_with('و') => {
                let y = numbers_at(self.toks, j + 1).into_iter().find(|y| y.clitic == 1)?;
                (y.value, y.end, 0, self.typed(self.toks[j].start, self.toks[j].end).to_string())
            }
            Some(x) => {
                let t = self.toks.get(x.end)?;
                if t.norm.starts_with('و') && nayyif(x.end) {
                    (x.value, x.end + 1, x.clitic, self.typed(t.start, t.end).to_string())
                } else if t.norm == "و" && nayyif(x.end + 1) {
                    (
                        x.value,
                        x.end + 2,
                        x.clitic,
                        format!("و {}", self.typed(self.toks[x.end + 1].start, self.toks[x.end + 1].end)),
                    )
                } else if t.is_sym("-") && !t.space_before && self.word_is(x.end + 1, &["odd"]) {
                    (x.value, x.end + 2, x.clitic, "-odd".to_string())
                } else {
                    return None;
                }
            }
            None => return None,
        };
        // The step above a round number: 30 → 10, 100 → 100, 1,000 → 1,000.
        let mut step = 10i64;
        while step * 10 <= n && n % (step * 10) == 0 {
            step *= 10;
        }
        if n < 10 || n % step != 0 {
            return None;
        }
        let high = n.checked_add(step - 1)?;
        let (base, e) = self.range(n + 1, high, format!("'{how}'"), end).ok()?;
        Some((base, e, clitic))
    }

    fn range(&self, a: i64, b: i64, how: String, end: usize) -> Result<(Base, usize), String> {
        if a > b {
            return Err(format!("runs from {a} down to {b}; write the smaller number first"));
        }
        Ok((Base::Range { a, b, how }, end))
    }

    /// The number, range, word figure or vague word at `j`.
    fn base_at(&self, j: usize) -> Result<Option<(Base, usize, usize)>, String> {
        if let Some((b, e)) = self.intro_range_at(j)? {
            return Ok(Some((b, e, 0)));
        }
        let reads = numbers_at(self.toks, j);
        // Only the longest number starts a range: "forty-five" is not 40 to 5.
        for x in reads.iter().take(1) {
            let s = x.end;
            let Some(sep) = self.toks.get(s) else { continue };
            if !RANGE_SEPARATORS.contains(&sep.norm.as_str()) {
                continue;
            }
            if let Some(y) = numbers_at(self.toks, s + 1).into_iter().find(|y| y.clitic == 0) {
                let how = format!("'{}'", self.typed(sep.start, sep.end));
                match self.range(share_scale(self.toks, x, j, &y), y.value, how, y.end) {
                    Ok((b, e)) => return Ok(Some((b, e, x.clitic))),
                    Err(e) if !self.find => return Err(e),
                    Err(_) => {}
                }
            }
        }
        if let Some(found) = self.and_some_at(j, reads.first()) {
            return Ok(Some(found));
        }
        if let Some(x) = reads.first() {
            // `100s`, `1,000s`: hundreds, thousands. Another number with `s` (`the 1990s`) is
            // a decade or a name, never a count.
            if !x.words && self.toks.get(x.end).is_some_and(|t| t.norm == "s" && !t.space_before) {
                return Ok(self.plural_digits(j, x.value, x.end + 1));
            }
            return Ok(Some((self.number_base(j, x), x.end, x.clitic)));
        }
        if let Some(t) = self.toks.get(j) {
            if let Some((w, h, n)) = WORD_FIGURES.iter().find(|(w, _, _)| *w == t.norm) {
                let _ = w;
                let wording = self.typed(t.start, t.end).to_string();
                return Ok(Some((Base::Word { hedge: *h, n: *n, wording }, j + 1, 0)));
            }
        }
        if let Some(v) = self.vague_at(j) {
            let (mut term, mut end) = (v.value, v.end);
            // A scale after the vague word: `hundreds of millions`, `مئات الملايين`.
            if let Some((scale, e)) = self.plural_scale_at(end) {
                let times = |x: i64| x.checked_mul(scale).filter(|y| *y <= MAX);
                match (times(term.low), times(term.high), times(term.point)) {
                    (Some(low), Some(high), Some(point)) => {
                        term = VagueTerm { low, high, point };
                        end = e;
                    }
                    _ => {
                        return Err(format!(
                            "reads past the largest figure crosscheck keeps ({MAX}): '{}' times {scale}",
                            self.typed(v.start_byte, v.end_byte)
                        ))
                    }
                }
            }
            let wording = self.typed(v.start_byte, self.toks[end - 1].end).to_string();
            return Ok(Some((Base::Vague { term, wording }, end, v.clitic)));
        }
        Ok(None)
    }

    /// A plural scale word at `k` (`of millions`, `الملايين`): its value and the token after.
    fn plural_scale_at(&self, k: usize) -> Option<(i64, usize)> {
        let at = if self.word_is(k, &["of", "من"]) { k + 1 } else { k };
        let t = self.toks.get(at)?;
        let found = clitic_forms(&t.norm)
            .into_iter()
            .filter(|(n, cl, _)| *n == 0 || *cl == "ال")
            .find_map(|(_, _, w)| PLURAL_SCALES.iter().find(|(s, _)| *s == w))?;
        Some((found.1, at + 1))
    }

    /// `100s`, `1,000s`: the vague word of that power of ten, from the notebook's terms when it
    /// has one (hundreds, thousands ...), else n..10n-1 with point n.
    fn plural_digits(&self, j: usize, n: i64, end: usize) -> Option<(Base, usize, usize)> {
        let word = match n {
            100 => "hundreds",
            1_000 => "thousands",
            10_000 => "tens of thousands",
            100_000 => "hundreds of thousands",
            1_000_000 => "millions",
            _ => return None,
        };
        let compact: String = word.split(' ').collect();
        let term = self.vague.by_compact.get(&compact).copied().unwrap_or(VagueTerm {
            low: n,
            high: n * 10 - 1,
            point: n,
        });
        let wording = self.typed(self.toks[j].start, self.toks[end - 1].end).to_string();
        Some((Base::Vague { term, wording }, end, 0))
    }

    fn number_base(&self, j: usize, x: &NumRead) -> Base {
        let t = &self.toks[j];
        let words =
            x.words.then(|| self.typed(t.offset_of_char(x.clitic), self.toks[x.end - 1].end).to_string());
        Base::Number { n: x.value, words }
    }

    /// An Arabic dual of a person noun (`قياديان`, `طفلين`, `وجنديين`): two of them, with its
    /// clitic set aside, and a following `اثنين` taken with it. The accusative/genitive `ـين` only
    /// for nouns whose plural is not `ـين` (`مدنيين` is a plural: never read as two) unless `اثنين`
    /// follows (`متهمين اثنين`); the definite dual (`الطفلان`, a known pair) is not a count. A
    /// singular person noun with `واحد` after it (`جندي واحد`, `امرأة واحدة`) is one. Returns the
    /// token after it, the clitic's length and the count.
    fn dual_at(&self, j: usize) -> Option<(usize, usize, i64)> {
        let t = self.toks.get(j)?;
        if t.kind != TokKind::Word {
            return None;
        }
        let two = self.word_is(j + 1, &["اثنان", "اثنين", "اثنتان", "اثنتين"]);
        let one = self.word_is(j + 1, &["واحد", "واحدا", "واحده"]);
        clitic_forms(&t.norm).into_iter().find_map(|(n, cl, w)| {
            if cl.ends_with("ال") {
                return None;
            }
            let is_dual = |stem: &str, an_only: bool| {
                DUAL_STEMS.iter().any(|(s, only)| *s == stem && (!*only || an_only || two))
            };
            let dual = w.strip_suffix("ان").is_some_and(|s| is_dual(s, true))
                || w.strip_suffix("ين").is_some_and(|s| is_dual(s, false));
            if dual {
                return Some((j + 1 + usize::from(two), n, 2));
            }
            // The singular: the stem itself, or a feminine stem's `ـت` written `ـة` (`طفلة`).
            // The singular: the stem itself (`جندياً` with its accusative alef), or a feminine
            // stem's `ـت` written `ـة` (`طفلة`).
            let bare = w.strip_suffix('ا').unwrap_or(w);
            let single = DUAL_STEMS.iter().any(|(s, _)| {
                *s == bare || s.strip_suffix('ت').is_some_and(|f| w.strip_suffix('ه') == Some(f))
            });
            (one && single).then_some((j + 2, n, 1))
        })
    }

    /// Does a part start at `i` (cheap test used before suffix hedges that are also joiners)?
    fn part_may_start(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        may_start_number(t) || self.phrase_at(prefix_index(), i, true).is_some() || self.vague_at(i).is_some()
    }

    fn suffix_at(&self, k: usize) -> Option<Hit<Hedge>> {
        let h = self.phrase_at(suffix_index(), k, false)?;
        // "وأكثر من 5", "or more than 5": the start of another part, not a hedge after; "عشرة
        // على الأقل من المهاجرين", "ten at least of them": the hedge, then the counted noun.
        if self.word_is(h.end, &["than", "من", "عن", "علي", "of"]) && self.part_may_start(h.end + 1) {
            return None;
        }
        let joiner_like = matches!(self.toks[k].norm.as_str(), "+" | "plus" | "and");
        if joiner_like && self.part_may_start(h.end) {
            return None;
        }
        Some(h)
    }

    /// After a number: a scale word the number reader did not take (`two trillion`, past the
    /// largest figure) or a multiplier or amount (`20 times`, `أضعاف`) makes the wording no count.
    fn refuse_what_is_not_counted(&self, k: usize) -> Result<(), String> {
        let mut at = k;
        if self.toks.get(at).is_some_and(|t| t.is_sym("-")) {
            at += 1;
        }
        if self.word_is(at, &["of", "من"]) {
            at += 1;
        }
        let Some(t) = self.toks.get(at).filter(|t| t.is_word()) else { return Ok(()) };
        let forms = clitic_forms(&t.norm);
        let typed = self.typed(t.start, t.end);
        if forms.iter().any(|(n, cl, w)| (*n == 0 || *cl == "ال") && SCALE_WORDS.contains(w)) {
            return Err(format!(
                "has the scale word '{typed}' after the number, which crosscheck does not multiply by (it reads \
                 hundred, thousand, million, billion and their Arabic forms, up to {MAX}); write the whole number \
                 in digits"
            ));
        }
        if forms.iter().any(|(_, _, w)| NOT_COUNTED.contains(w)) {
            return Err(format!(
                "is a multiplier or an amount ('{typed}'), not a count of anything; write the count itself"
            ));
        }
        Ok(())
    }

    /// A word that may be (part of) the counted noun.
    fn noun_word(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        if !t.is_word() || number_vocab(t) || may_start_number(t) {
            return false;
        }
        let forms = clitic_forms(&t.norm);
        if forms.iter().any(|(_, _, w)| is_function_word(w)) {
            return false;
        }
        // `ثلاثة يُعتبرون من القادة`: an Arabic verb in the present is no noun.
        if present_verb(self.typed(t.start, t.end), &t.norm) {
            return false;
        }
        // `as many as 400 may have fled`: a modal verb is no noun.
        const MODALS: &[&str] = &["may", "might", "could", "would", "should", "will", "must", "can"];
        if !t.upper && MODALS.contains(&t.norm.as_str()) {
            return false;
        }
        self.phrase_at(subset_index(), i, true).is_none()
            && self.phrase_at(prefix_index(), i, true).is_none()
            && self.phrase_at(suffix_index(), i, false).is_none()
            && self.phrase_at(joiner_index(), i, false).is_none()
            && self.vague_at(i).is_none()
    }

    /// `two old hunting rifles`, `three Red Crescent volunteers`: an English noun may run one or
    /// two words past its most to reach its plural head, when one of the next two words is one.
    fn plural_head_ahead(&self, j: usize) -> bool {
        (j..j + 2).any(|h| {
            self.toks.get(h).is_some_and(|t| {
                t.norm.is_ascii()
                    && ((t.norm.len() > 3 && t.norm.ends_with('s')) || PEOPLE.contains(&t.norm.as_str()))
            }) && (j..=h).all(|x| self.noun_word(x))
        })
    }

    /// The counted noun after the number: `of`/`من` then up to `max` words (a quotation mark
    /// around an Arabic noun is passed over). Returns the noun as typed and the token after it.
    fn noun_at(&self, k: usize, max: usize) -> (Option<(String, Vec<usize>)>, usize) {
        // `ثلاثة منهم على الأقل`, `خمس منها على الأقل`, `three of them at least`: the pronoun
        // stands for the noun, and a hedge may follow it.
        // `منها` stands for things as often as for people: only with a hedge after it.
        let hedged_things =
            self.word_is(k, &["منها"]) && self.word_is(k + 1, &["علي"]) && self.word_is(k + 2, &["الاقل"]);
        let partitive = if hedged_things || self.word_is(k, &["منهم", "منهن", "اخرين", "اخرون", "others"])
        {
            // `أربعة آخرين على الأقل`, `four others at least`: `others` stands for the noun too.
            Some(k + 1)
        } else if self.word_is(k, &["of"]) && self.word_is(k + 1, &["them"]) {
            Some(k + 2)
        } else {
            None
        };
        if let Some(end) = partitive {
            let noun = self.typed(self.toks[k].start, self.toks[end - 1].end).to_string();
            return (Some((noun, (k..end).collect())), end);
        }
        let mut j = k;
        if self.word_is(j, &["of", "من"]) && self.noun_word(j + 1) {
            j += 1;
        }
        // `four other boats`, `12 more soldiers`, `two new centres`: the adjective opens the noun.
        let adjective =
            self.word_is(j, &["other", "more", "additional", "further", "new"]) && self.noun_word(j + 1);
        let noun_start = j;
        if adjective {
            j += 1;
        }
        let quoted = self.toks.get(j).is_some_and(|t| t.is_sym("\"")) && self.noun_word(j + 1);
        if quoted {
            j += 1;
        }
        let start = if adjective { noun_start } else { j };
        let mut idx = Vec::new();
        // Words joined by hyphens count as one word of the noun.
        let mut joined = 0;
        while j < self.toks.len()
            && (idx.len() - joined < max
                || (idx.len() - joined < max + 2
                    && self.toks[j].norm.is_ascii()
                    && self.plural_head_ahead(j)))
            && self.noun_word(j)
        {
            // The noun is one word and its adjective at most, never the verb after it (`40
            // مدنياً وأصيب`, `15 جريحاً نقلوا`).
            if !idx.is_empty() && looks_like_verb(&self.toks[j].norm) {
                break;
            }
            // `40 مدنياً عام 2021`: a year after the noun is a date, not its adjective.
            let year_next = self.toks.get(j + 1).is_some_and(|t| t.kind == TokKind::Num && t.norm.len() == 4);
            if !idx.is_empty() && year_next && self.word_is(j, &["عام", "العام", "سنه"]) {
                break;
            }
            idx.push(j);
            j += 1;
            // `14 inter-agency convoys`, `two 12-year-old boys`: an English word joined by
            // hyphens is one adjective, and the noun goes on after it.
            while self.toks[j - 1].norm.is_ascii()
                && self.toks.get(j).is_some_and(|t| t.is_sym("-") && !t.space_before)
                && self.toks.get(j + 1).is_some_and(|t| t.is_word() && !t.space_before)
            {
                idx.push(j + 1);
                joined += 1;
                j += 2;
            }
            // `مشتبه بهم`, `محكوم عليهم`: a participle and its pronoun are one noun.
            if participle_with_pronoun(&self.toks[j - 1].norm)
                && self.word_is(j, &["به", "بها", "بهم", "بهما", "فيه", "فيهم", "عليه", "عليهم", "عنهم"])
            {
                idx.push(j);
                j += 1;
            }
            // An English noun ends with its plural or a word for people ("foreign fighters",
            // "people"); what follows is the verb.
            let w = &self.toks[j - 1].norm;
            // `two police stations`: a people word that a plural noun follows describes it.
            let described = PEOPLE.contains(&w.as_str())
                && self
                    .toks
                    .get(j)
                    .is_some_and(|t| t.norm.is_ascii() && t.norm.len() > 3 && t.norm.ends_with('s'))
                && self.noun_word(j);
            if w.is_ascii()
                && ((w.len() > 3 && w.ends_with('s')) || PEOPLE.contains(&w.as_str()))
                && !described
            {
                break;
            }
        }
        if idx.is_empty() {
            return (None, k);
        }
        let noun = self.typed(self.toks[start].start, self.toks[j - 1].end).to_string();
        if quoted && self.toks.get(j).is_some_and(|t| t.is_sym("\"")) {
            j += 1;
        }
        (Some((noun, idx)), j)
    }

    fn outcome_of_tokens(&self, idx: impl IntoIterator<Item = usize>) -> Option<&'static str> {
        idx.into_iter()
            .filter_map(|i| self.toks.get(i))
            .filter(|t| t.is_word())
            .find_map(|t| clitic_forms(&t.norm).into_iter().find_map(|(_, _, w)| outcome_of(w)))
    }

    /// One part at token `i`: [prefix hedge] number|range|vague [suffix hedge] [noun]
    /// [suffix hedge]. None when no figure starts here.
    pub fn part_at(&self, i: usize) -> Result<Option<Part>, String> {
        let mut steps = Vec::new();
        let pre = self.phrase_at(prefix_index(), i, true).or_else(|| self.negated_frame_at(i));
        if self.estimated_is_a_verb(pre.as_ref(), i) {
            return Ok(None);
        }
        self.refuse_negated_hedge(pre.as_ref(), i)?;
        let (q, bracket) = self.number_start(pre.as_ref(), i);
        let dual = if bracket { None } else { self.dual_at(q) };
        let got = match (self.base_at(q)?, &dual) {
            (Some(b), _) => Some(b),
            (None, Some((e, cl, n))) => {
                let t = &self.toks[q];
                let words = Some(self.typed(t.offset_of_char(*cl), self.toks[e - 1].end).to_string());
                Some((Base::Number { n: *n, words }, *e, *cl))
            }
            (None, None) => None,
        };
        let Some((base, mut k, base_clitic)) = got else { return Ok(None) };
        let dual = dual.filter(|(e, _, _)| *e == k);
        if bracket {
            if !(self.toks.get(k).is_some_and(|t| t.is_sym(")")) && self.suffix_at(k + 1).is_some()) {
                return Ok(None);
            }
            k += 1;
        }
        let (start_byte, lead_clitic) = match &pre {
            Some(p) => (p.start_byte, p.clitic),
            None if bracket => (self.toks[i].start, 0),
            None => (self.toks[q].offset_of_char(base_clitic), base_clitic),
        };
        self.refuse_what_is_not_counted(k)?;
        if lead_clitic > 0 {
            let t = &self.toks[i];
            let cl: String = t.norm.chars().take(lead_clitic).collect();
            steps.push(format!("clitic '{cl}' set aside from '{}'", self.typed(t.start, t.end)));
        }
        let base_end = k;
        let mut suffix = self.suffix_at(k);
        if let Some(s) = &suffix {
            k = s.end;
        }
        let max_noun = if self.find { 2 } else { 3 };
        // A dual is its own counted noun (`قياديان` is two leaders).
        let (noun, after_noun) = match dual {
            Some((_, cl, _)) => {
                let t = &self.toks[q];
                (Some((self.typed(t.offset_of_char(cl), t.end).to_string(), vec![q])), k)
            }
            None => self.noun_at(k, max_noun),
        };
        if noun.is_some() {
            self.refuse_what_is_not_counted(k)?;
            k = after_noun;
            if suffix.is_none() {
                suffix = self.suffix_at(k);
                if let Some(s) = &suffix {
                    k = s.end;
                }
            }
        }
        let (iv, mut rule) = self.hedged_interval(&base, pre.as_ref(), suffix.as_ref(), &mut steps)?;
        let outcome = noun.as_ref().and_then(|(_, idx)| self.outcome_of_tokens(idx.iter().copied()));
        if let Some((n, _)) = &noun {
            steps.push(format!("counted noun: '{n}'"));
            rule.push_str(&format!("; counted: '{n}'"));
        }
        let last = &self.toks[k - 1];
        Ok(Some(Part {
            iv,
            rule,
            noun: noun.map(|(n, _)| n),
            outcome,
            end: k,
            start_byte,
            end_byte: last.end,
            lead_clitic,
            hedged: pre.is_some() || suffix.is_some(),
            base_start: q,
            base_end,
            vague: matches!(base, Base::Vague { .. }),
            steps,
        }))
    }

    /// In running text, `estimated` after a noun is the verb (`rescuers estimated 60`): the
    /// number is read from the next word; `an estimated 60` stays a hedge.
    fn estimated_is_a_verb(&self, pre: Option<&Hit<Hedge>>, i: usize) -> bool {
        self.find
            && pre.is_some_and(|p| p.end == i + 1 && self.toks[i].norm == "estimated")
            && i > 0
            && self.toks[i - 1].is_word()
            && !self.word_is(
                i - 1,
                &[
                    "an", "a", "the", "some", "of", "and", "or", "with", "by", "said", "says", "that", "was",
                    "were", "is", "are", "be", "been",
                ],
            )
    }

    /// A negation before a hedge the table does not hold whole would flip it: refused.
    fn refuse_negated_hedge(&self, pre: Option<&Hit<Hedge>>, i: usize) -> Result<(), String> {
        let Some(p) = pre else { return Ok(()) };
        if i > 0 && self.word_is(i - 1, NEGATIONS) && p.clitic == 0 {
            return Err(format!(
                "negates the hedge '{}' ('{}'); write the bound the source states (at most 40, لا يتجاوز 40)",
                self.typed(p.start_byte, p.end_byte),
                self.typed(self.toks[i - 1].start, p.end_byte)
            ));
        }
        Ok(())
    }

    /// A negated verb a word or two before a hedge (`لم يبقَ فيها أكثر من 200`, `لم يعد منهم أكثر
    /// من 40`, `did not detain more than 20`): the number is the verb's subject or object under
    /// the negation, so the hedge is flipped (at most 200) and the figure's wording starts at the
    /// negation, which `figure parse` reads alike. Not across a clause opener (`not clear whether
    /// more than 20`), punctuation, or a verb of continuity (`لا يزال أكثر من 300`: still).
    fn negated_frame_at(&self, i: usize) -> Option<Hit<Hedge>> {
        const NEGATORS: &[&str] = &["لم", "لا", "لن", "ليس", "ليست", "not", "never"];
        const OPENERS: &[&str] = &[
            "ان", "انه", "بان", "اذا", "كان", "سيما", "whether", "if", "that", "clear", "sure", "known",
            "than", "only",
        ];
        const STILL: &[&str] = &["يزال", "تزال", "يزالون", "يزل", "تزل", "ينفك", "يبرح"];
        if !self.word_is(i, NEGATORS) || self.word_is(i + 1, STILL) {
            return None;
        }
        (i + 2..=i + 3).find_map(|j| {
            let between = (i + 1..j)
                .all(|k| self.toks.get(k).is_some_and(|t| t.is_word()) && !self.word_is(k, OPENERS))
                && !(i + 1..j).any(|k| self.word_is(k, NEGATORS));
            let hit = self.phrase_at(prefix_index(), j, false).filter(|_| between)?;
            matches!(hit.value, Hedge::MoreThan | Hedge::FewerThan).then(|| Hit {
                value: flipped(hit.value),
                end: hit.end,
                clitic: 0,
                start_byte: self.toks[i].start,
                end_byte: hit.end_byte,
            })
        })
    }

    /// Where the number starts after the hedge (if any), and whether it is in brackets.
    fn number_start(&self, pre: Option<&Hit<Hedge>>, i: usize) -> (usize, bool) {
        let mut q = pre.map(|p| p.end).unwrap_or(i);
        // `تجاوز الـ40`: the article on a number after a hedge.
        if pre.is_some()
            && self.toks.get(q).is_some_and(|t| t.norm == "ال")
            && self.toks.get(q + 1).is_some_and(|t| t.kind == TokKind::Num && !t.space_before)
        {
            q += 1;
        }
        // `لا يتجاوز عددهم سبعة`, `تخطّت الحصيلة 300`: an Arabic verb of passing or of a limit
        // with its subject, the number or the toll, between it and the number.
        if pre.is_some_and(|p| !self.toks[p.end - 1].norm.is_ascii())
            && self.toks.get(q).is_some_and(|t| COUNT_SUBJECTS.contains(&t.norm.as_str()))
            && self.toks.get(q + 1).is_some_and(may_start_number)
        {
            q += 1;
        }
        // `(ثلاثة) على الأقل`: a number in brackets with a hedge after the bracket.
        let bracket = pre.is_none() && self.toks.get(q).is_some_and(|t| t.is_sym("("));
        (if bracket { q + 1 } else { q }, bracket)
    }

    /// The interval of a number with its hedges before and after, and the rule that says how
    /// it was read; each step noted for the explanation.
    fn hedged_interval(
        &self,
        base: &Base,
        pre: Option<&Hit<Hedge>>,
        suffix: Option<&Hit<Hedge>>,
        steps: &mut Vec<String>,
    ) -> Result<(Interval, String), String> {
        let label_of = |h: Hedge, hit: &Hit<Hedge>| {
            format!("{} ('{}')", hedge_kind_name(h), self.typed(hit.start_byte, hit.end_byte))
        };
        let base_iv = self.base_interval(base, steps)?;
        let mut iv = match pre {
            None => base_iv.clone(),
            Some(p) => {
                steps.push(format!(
                    "hedge before the number: '{}' → {}",
                    self.typed(p.start_byte, p.end_byte),
                    hedge_kind_name(p.value)
                ));
                self.apply(base, p.value, label_of(p.value, p))?
            }
        };
        if let Some(s) = suffix {
            steps.push(format!(
                "hedge after the number: '{}' → {}",
                self.typed(s.start_byte, s.end_byte),
                hedge_kind_name(s.value)
            ));
            let siv = self.apply(base, s.value, label_of(s.value, s))?;
            iv = if pre.is_some() || matches!(base, Base::Range { .. }) {
                narrow(if pre.is_some() { iv } else { base_iv }, siv, steps)?
            } else {
                siv
            };
        }
        let mut rule = format!("{}: {}", iv.label, iv.formula);
        if let Base::Number { n, words: Some(w) } = base {
            steps.push(format!("number words '{w}' read as {n}"));
            rule.push_str(&format!(" with n = {n} from '{w}'"));
        } else if let Base::Number { n, words: None } = base {
            steps.push(format!("number: {n}"));
            if pre.is_some() || suffix.is_some() {
                rule.push_str(&format!(" with n = {n}"));
            }
        }
        Ok((iv, rule))
    }

    fn base_interval(&self, base: &Base, steps: &mut Vec<String>) -> Result<Interval, String> {
        Ok(match base {
            Base::Number { n, .. } => Interval {
                kind: Kind::Exact,
                low: *n,
                high: Some(*n),
                point: *n,
                label: "exact".into(),
                formula: "n".into(),
            },
            Base::Range { a, b, how } => {
                steps.push(format!("range {how}: {a} to {b}"));
                Interval {
                    kind: Kind::Range,
                    low: *a,
                    high: Some(*b),
                    point: (a + b + 1) / 2,
                    label: format!("range ({how})"),
                    formula: "a..b, point round((a+b)/2)".into(),
                }
            }
            Base::Vague { term, wording } => {
                steps.push(format!(
                    "vague word '{wording}': {}..{}, point {} from the notebook's terms",
                    term.low, term.high, term.point
                ));
                Interval {
                    kind: Kind::Vague,
                    low: term.low,
                    high: Some(term.high),
                    point: term.point,
                    label: format!("vague ('{wording}')"),
                    formula: format!(
                        "{}..{}, point {} from the notebook's terms",
                        term.low, term.high, term.point
                    ),
                }
            }
            Base::Word { hedge, n, wording } => {
                steps.push(format!("'{wording}' is read as {} {n}", hedge_kind_name(*hedge)));
                let mut iv = hedged(*hedge, *n, format!("{} ('{wording}')", hedge_kind_name(*hedge)))?;
                iv.formula.push_str(&format!(" with n = {n}"));
                iv
            }
        })
    }

    /// A hedge applied to the base: to its number; to a range, approximation widens it and a
    /// bound applies to the near end; a vague word takes no hedge.
    fn apply(&self, base: &Base, h: Hedge, label: String) -> Result<Interval, String> {
        match base {
            Base::Number { n, .. } => hedged(h, *n, label),
            Base::Range { a, b, .. } => match h {
                Hedge::Approx | Hedge::ApproxBelow => {
                    let high = if h == Hedge::Approx { (11 * b + 9) / 10 } else { *b };
                    Ok(Interval {
                        kind: Kind::Approx,
                        low: 9 * a / 10,
                        high: Some(high),
                        point: (a + b + 1) / 2,
                        label,
                        formula: "floor(0.9a)..ceil(1.1b), point round((a+b)/2)".into(),
                    })
                }
                Hedge::MoreThan | Hedge::AtLeast => hedged(h, *a, label),
                Hedge::FewerThan | Hedge::AtMost => hedged(h, *b, label),
            },
            Base::Vague { wording, .. } => Err(format!(
                "puts a hedge ({label}) on the vague word '{wording}'; write the number, or the word alone"
            )),
            Base::Word { wording, .. } => {
                Err(format!("puts a second hedge on '{wording}', which carries its own; write it alone"))
            }
        }
    }

    /// A joiner at `k` (and, +, و ...): the token where the next part starts.
    fn joiner_at(&self, k: usize) -> Option<usize> {
        self.phrase_at(joiner_index(), k, false).map(|h| h.end)
    }

    /// Reads the whole wording (parse mode): parts joined into a sum or read together.
    // Long because the tail rules (joiners, a clitic و, subsets, a second number) are one loop.
    pub fn read_all(&self, typed: &str, steps: &mut Vec<String>) -> Result<super::Reading, String> {
        let toks = self.toks;
        let mut i = 0;
        if toks.len() >= 2 && toks[0].is_word() && toks[1].kind == TokKind::Num && !toks[1].space_before {
            steps.push(format!(
                "'{}' glued to the number is set aside",
                self.typed(toks[0].start, toks[0].end)
            ));
            i = 1;
        }
        let mut parts: Vec<Part> = Vec::new();
        loop {
            let Some(mut part) = self.part_at(i)? else {
                return Err(super::not_a_figure(typed));
            };
            let tail_start = part.end;
            let mut k = part.end;
            let mut next = None;
            let mut subset: Option<usize> = None;
            while k < toks.len() {
                if let Some(j) = self.joiner_at(k) {
                    if j >= toks.len() && toks[k].norm != "," {
                        return Err(dangling_joiner(typed, self.typed(toks[k].start, toks[j - 1].end)));
                    }
                    if self.part_at(j)?.is_some() {
                        next = Some(j);
                        break;
                    }
                }
                if subset.is_none() && self.phrase_at(subset_index(), k, true).is_some() {
                    subset = Some(k);
                }
                if is_number_word(&toks[k]) && self.part_at(k)?.is_none() {
                    // "a thousand thousand", "five forty": number words that do not make one number.
                    return Err(super::not_a_figure(typed));
                }
                if let Some(p) = self.part_at(k)? {
                    if p.lead_clitic > 0 && toks[k].norm.starts_with('و') && subset.is_none() {
                        next = Some(k);
                        break;
                    }
                    return Err(second_number(
                        typed,
                        self.typed(toks[subset.unwrap_or(k)].start, toks[p.end - 1].end),
                    ));
                }
                k += 1;
            }
            if k > tail_start {
                let tail = self.typed(toks[tail_start].start, toks[k - 1].end);
                steps.push(format!("not read (context): '{tail}'"));
                if part.outcome.is_none() {
                    part.outcome = self.outcome_of_tokens(tail_start..k);
                }
            }
            parts.push(part);
            match next {
                Some(j) => i = j,
                None => break,
            }
        }
        combine(typed, parts, steps)
    }
}

/// A wording that ends on a joiner (`12 apples and`) promises a second part it never gives:
/// cut short when pasted, so refused rather than read as the first part alone.
fn dangling_joiner(typed: &str, joiner: &str) -> String {
    format!(
        "'{typed}' ends with '{joiner}' and nothing after it; write the whole sum (for example \
         '6 Syrians and 9 Iraqis') or leave '{joiner}' out"
    )
}

fn second_number(typed: &str, second: &str) -> String {
    format!(
        "'{typed}' holds a second number ('{second}'); a figure is one count, so record that as a second \
         figure for another measure (for example deaths.children beside deaths.total)"
    )
}

/// Parts into one reading: one part as it is; a lower and an upper bound read together; else
/// a sum, refused when the parts name different outcomes (killed and wounded).
fn combine(typed: &str, mut parts: Vec<Part>, steps: &mut Vec<String>) -> Result<super::Reading, String> {
    for (n, p) in parts.iter().enumerate() {
        if parts.len() > 1 {
            steps.push(format!("part {}:", n + 1));
        }
        steps.extend(p.steps.iter().cloned());
    }
    if parts.len() == 1 {
        let p = parts.remove(0);
        return Ok(reading(p.iv, p.rule, p.noun));
    }
    if parts.len() == 2 {
        let (a, b) = (&parts[0], &parts[1]);
        let bounds =
            (is_lower(a.iv.kind) && is_upper(b.iv.kind)) || (is_upper(a.iv.kind) && is_lower(b.iv.kind));
        if bounds && (a.outcome == b.outcome || a.outcome.is_none() || b.outcome.is_none()) {
            let noun = a.noun.clone().or_else(|| b.noun.clone());
            let iv = narrow(a.iv.clone(), b.iv.clone(), steps)?;
            let mut rule = format!("{}: {}", iv.label, iv.formula);
            if let Some(n) = &noun {
                rule.push_str(&format!("; counted: '{n}'"));
            }
            return Ok(reading(iv, rule, noun));
        }
    }
    let outcomes: Vec<(&'static str, &str)> =
        parts.iter().filter_map(|p| p.outcome.map(|o| (o, p.noun.as_deref().unwrap_or(o)))).collect();
    if let Some(w) = outcomes.windows(2).find(|w| w[0].0 != w[1].0) {
        return Err(format!(
            "'{typed}' adds '{}' ({}) and '{}' ({}), which are two measures; record each as its own figure \
             (for example deaths.X and injuries.X)",
            w[0].1, w[0].0, w[1].1, w[1].0
        ));
    }
    let mut low: i64 = 0;
    let mut high: Option<i64> = Some(0);
    let mut point: i64 = 0;
    for p in &parts {
        low = low.checked_add(p.iv.low).filter(|v| *v <= MAX).ok_or_else(|| too_large(typed))?;
        point = point.checked_add(p.iv.point).filter(|v| *v <= MAX).ok_or_else(|| too_large(typed))?;
        high = match (high, p.iv.high) {
            (Some(h), Some(x)) => {
                Some(h.checked_add(x).filter(|v| *v <= MAX).ok_or_else(|| too_large(typed))?)
            }
            _ => None,
        };
    }
    let rules: Vec<String> = parts.iter().map(|p| format!("[{}]", p.rule)).collect();
    let rule = format!("sum of {} parts: {}", parts.len(), rules.join(" + "));
    steps.push(format!("sum of {} parts: {low}..{}, point {point}", parts.len(), show_high(high)));
    let mut nouns: Vec<&str> = parts.iter().filter_map(|p| p.noun.as_deref()).collect();
    nouns.dedup();
    let noun = (!nouns.is_empty()).then(|| nouns.join(" + "));
    let iv = Interval { kind: Kind::Sum, low, high, point, label: String::new(), formula: String::new() };
    Ok(reading(iv, rule, noun))
}

fn too_large(typed: &str) -> String {
    format!("'{typed}' adds up to more than {MAX}; figures go up to {MAX}")
}

fn reading(iv: Interval, rule: String, noun: Option<String>) -> super::Reading {
    super::Reading {
        kind: iv.kind,
        low: iv.low,
        high: iv.high,
        point: iv.point,
        rule,
        noun,
        provisional: false,
        steps: Vec::new(),
    }
}

/// Sets aside provisional-toll wording (`and rising`, `حصيلة غير نهائية`) wherever it stands;
/// returns the other tokens and the wording found, as typed.
pub(crate) fn strip_provisional(toks: &[Token], text: &str) -> (Vec<Token>, Vec<String>) {
    let dummy = VagueIndex { by_compact: HashMap::new(), first_words: Default::default(), max_tokens: 1 };
    let r = Reader { toks, text, vague: &dummy, find: false };
    let (mut kept, mut found) = (Vec::with_capacity(toks.len()), Vec::new());
    let mut i = 0;
    while i < toks.len() {
        if let Some(h) = r.phrase_at(provisional_index(), i, true) {
            found.push(text[toks[i].start..h.end_byte].to_string());
            i = h.end;
            continue;
        }
        kept.push(toks[i].clone());
        i += 1;
    }
    (kept, found)
}

/// Singular person nouns whose dual reads as two (normalised), and whether only the nominative
/// `ـان` is: a noun with a sound plural in `ـين` (`مدني`, `مقاتل`) would read its plural as a dual.
const DUAL_STEMS: &[(&str, bool)] = &[
    ("جندي", false),
    ("جثت", false),
    ("معلم", true),
    ("عنصر", false),
    ("طفل", false),
    ("شخص", false),
    ("طبيب", false),
    ("ضابط", false),
    ("رجل", false),
    ("شاب", false),
    ("طالب", true),
    ("قتيل", false),
    ("جريح", false),
    ("اسير", false),
    ("حارس", false),
    ("شرطي", false),
    ("امرات", false),
    ("قيادي", true),
    ("مدني", true),
    ("مقاتل", true),
    ("مسلح", true),
    ("ناشط", true),
    ("مسعف", true),
    ("معتقل", true),
    ("موظف", true),
    ("صحفي", true),
    ("صحافي", true),
    ("مواطن", true),
    ("نازح", true),
    ("عامل", true),
    ("سائق", true),
    ("مراسل", true),
    ("عسكري", true),
    ("منشق", true),
    ("متهم", true),
    ("مهاجر", true),
    ("صياد", true),
    ("مزارع", true),
    ("ممرض", true),
    ("مسافر", true),
    ("مسن", true),
    ("شقيق", false),
    ("مريض", false),
    ("جراح", true),
    ("جار", false),
    ("سجين", false),
    ("طفلت", false),
    ("شقيقت", false),
    ("فتات", false),
    ("ممرضت", false),
    ("سيدت", false),
];

/// A hedge under a negation: more than ↔ at most, fewer than ↔ at least.
fn flipped(h: Hedge) -> Hedge {
    match h {
        Hedge::MoreThan => Hedge::AtMost,
        Hedge::FewerThan => Hedge::AtLeast,
        other => other,
    }
}

/// An Arabic verb in the present, after a leading و or ف: ي marked with a damma or a fatha, or
/// ت with a damma (`يُعتبرون`, `تُقدَّر`; not a noun in تَـ such as `تَقارير`), or ي opening a
/// plural in ـون that is no adjective of origin in ـيون (`يعتبرون`, not `يمنيون`).
fn present_verb(typed: &str, norm: &str) -> bool {
    let typed = typed.trim_start_matches(['و', 'ف']).trim_start_matches('\u{064E}');
    let mut chars = typed.chars();
    let marked = matches!(
        (chars.next(), chars.next()),
        (Some('ي'), Some('\u{064E}' | '\u{064F}')) | (Some('ت'), Some('\u{064F}'))
    );
    let bare =
        ["و", "ف"].iter().find_map(|c| norm.strip_prefix(c).filter(|r| r.starts_with('ي'))).unwrap_or(norm);
    let plural =
        bare.starts_with('ي') && bare.ends_with("ون") && !bare.ends_with("يون") && bare.chars().count() >= 5;
    marked || plural
}

/// Participles counted with a preposition and pronoun (`ثلاثة مشتبه بهم`, `خمسة محكوم عليهم`,
/// normalised, a clitic set aside).
fn participle_with_pronoun(w: &str) -> bool {
    const PARTICIPLES: &[&str] = &["مشتبه", "محكوم", "مغرر", "معتدي", "مفرج", "مطلوب", "مدعي"];
    clitic_forms(w).iter().any(|(_, _, r)| PARTICIPLES.contains(r))
}

/// The subject an Arabic verb of passing or of a limit may take before its number (normalised):
/// `لا يتجاوز عددهم سبعة`, `تجاوزت الحصيلة 300`.
const COUNT_SUBJECTS: &[&str] =
    &["عددهم", "عددها", "عددهن", "عددهما", "العدد", "عدد", "الحصيله", "حصيلتهم", "حصيلتها"];

/// Does a normalised Arabic word after a counted noun read as a verb or a new clause, not an
/// adjective? A conjunction glued to it (`وأصيب`, `وقتل`), a past-tense plural (`نقلوا`,
/// `أصيبوا`), or a past-tense verb of the press (`أصيب`, `قتل`, `سقط` ...).
pub(crate) fn looks_like_verb(w: &str) -> bool {
    const VERBS: &[&str] = &[
        "اصيب",
        "قتل",
        "سقط",
        "نقل",
        "لقي",
        "جرح",
        "فقد",
        "نزح",
        "اعتقل",
        "انشق",
        "توفي",
        "استشهد",
        "وصل",
        "كان",
        "كانت",
        "كانوا",
        "باتوا",
        "بات",
        "اصبح",
        "ظل",
        "بقي",
        "تم",
    ];
    if w.is_ascii() || w.chars().count() < 3 {
        return false;
    }
    w.starts_with('و') && w.chars().count() >= 4 && !w.starts_with("وط")
        || w.ends_with("وا")
        || VERBS.contains(&w)
}
