//! A reconciliation in plain sentences, English or Arabic: which figure set each end of the range
//! and the best estimate and by which rule, every figure overtaken, superseded, left out or
//! flagged, the voices, the support, and the windows and rings that need the researcher's eye.
//! `reconcile --explain` prints them and the report shows them. Pure: an outcome in, lines out.
//!
//! Text from the notebook inside a sentence (a notation, a source's name, a date, a filter's
//! value) is marked with [`OPEN`] and [`CLOSE`], so that each renderer can isolate it in its own
//! direction: `<bdi>` in a page, Unicode isolates in a terminal; [`plain`] drops the marks.

use super::{Excluded, Item, Method, Outcome, Support};
use crate::arcount::{ar_count, PAIR, VOICE};
use crate::report::Lang;

/// Opens notebook text inside a sentence (a private-use character, removed from the text itself).
pub const OPEN: char = '\u{E000}';
/// Closes notebook text inside a sentence.
pub const CLOSE: char = '\u{E001}';

/// Notebook text, marked.
pub fn quoted(s: &str) -> String {
    format!("{OPEN}{}{CLOSE}", s.replace([OPEN, CLOSE], ""))
}

/// A sentence without its marks.
pub fn plain(s: &str) -> String {
    s.replace([OPEN, CLOSE], "")
}

/// A sentence cut into its own words (`false`) and the notebook text in it (`true`).
pub fn parts(s: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut start = 0;
    for (at, c) in s.char_indices() {
        if c == OPEN || c == CLOSE {
            if at > start {
                out.push((inside, &s[start..at]));
            }
            inside = c == OPEN;
            start = at + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push((inside, &s[start..]));
    }
    out
}

/// What a sentence needs to name one figure.
#[derive(Debug, Clone, Default)]
pub struct Named {
    pub figure_id: i64,
    pub notation: String,
    /// Its sources, or its outlet for the outlet's own reporting.
    pub who: String,
    pub published: Option<String>,
    pub low: i64,
    /// None: open (a provisional toll included).
    pub high: Option<i64>,
    pub point: i64,
    pub weight: f64,
}

/// The sentences, in order: low, high, best, the figures that do not speak, the voices, the
/// support, then the windows and rings.
pub fn explain(o: &Outcome, method: Method, figures: &[Named], lang: Lang) -> Vec<String> {
    let t = Text { lang, figures };
    let mut out = Vec::new();
    match o.voices {
        0 => out
            .push(t.pick("No eligible figure: there is nothing to reconcile.", "لا رقم مؤهلًا: لا شيء للتوفيق.")),
        // One voice: its word is the range, said once.
        1 => out.push(t.alone(o, method)),
        _ => {
            out.push(t.low(o));
            out.push(t.high(o));
            out.push(t.best(o, method));
        }
    }
    out.extend(t.items(o));
    if o.voices > 1 {
        out.extend(t.voices(o));
        out.push(t.support(o));
    }
    if !o.windows.is_empty() {
        out.push(t.windows(o));
    }
    for ring in &o.rings {
        out.push(t.ring(ring));
    }
    out
}

/// The sentences of a derived measure: what it sums, how each end and the best add up, and the
/// support; each part's own sentences follow under its key (the caller adds them).
pub fn explain_sum(o: &Outcome, method: Method, parts: &[(&str, &Outcome)], lang: Lang) -> Vec<String> {
    let en = lang == Lang::En;
    let keys: Vec<String> = parts.iter().map(|(k, _)| quoted(k)).collect();
    let list = match (lang, keys.len()) {
        (_, 0) => String::new(),
        (_, 1) => keys[0].clone(),
        (Lang::En, n) => format!("{} and {}", keys[..n - 1].join(", "), keys[n - 1]),
        (Lang::Ar, _) => keys.join(" و"),
    };
    let mut out = vec![if en {
        format!("A sum of {} part(s), each reconciled on its own by the rules below: {list}.", parts.len())
    } else {
        format!("مجموع {} من الأجزاء، كل جزء منها مُوفَّق وحده بالقواعد أدناه: {list}.", parts.len())
    }];
    let unknown: Vec<String> = parts.iter().filter(|(_, p)| p.voices == 0).map(|(k, _)| quoted(k)).collect();
    if parts.iter().all(|(_, p)| p.voices == 0) {
        out.push(if en {
            "No part has an eligible figure: there is nothing to add up.".to_string()
        } else {
            "لا رقم مؤهلًا في أي جزء: لا شيء للجمع.".to_string()
        });
        return out;
    }
    let low_terms =
        terms(parts, &|p| if p.voices == 0 { "0".into() } else { p.low.unwrap_or(0).to_string() });
    let low = o.low.unwrap_or(0);
    out.push(match (o.no_floor, en) {
        (true, true) => format!("Low {low}: no part states a floor ({low_terms})."),
        (true, false) => format!("الأدنى {low}: لا يذكر أي جزء حدًا أدنى ({low_terms})."),
        (false, true) => format!("Low {low}: the parts' lows added up ({low_terms})."),
        (false, false) => format!("الأدنى {low}: مجموع القيم الدنيا للأجزاء ({low_terms})."),
    });
    out.push(sum_high(o, parts, &unknown, lang));
    out.push(sum_best(o, method, parts, lang));
    out.push(sum_support(o, parts, &unknown, lang));
    out
}

/// The terms of a sum over the parts, `a + b + c`.
fn terms(parts: &[(&str, &Outcome)], f: &dyn Fn(&Outcome) -> String) -> String {
    parts.iter().map(|(_, p)| f(p)).collect::<Vec<_>>().join(" + ")
}

/// The sum's high: the parts' highs added up, or open and why.
fn sum_high(o: &Outcome, parts: &[(&str, &Outcome)], unknown: &[String], lang: Lang) -> String {
    let en = lang == Lang::En;
    let open: Vec<String> =
        parts.iter().filter(|(_, p)| p.voices > 0 && p.open_high).map(|(k, _)| quoted(k)).collect();
    match (o.open_high, en) {
        (false, true) => format!(
            "High {}: the parts' highs added up ({}).",
            o.high.unwrap_or(0),
            terms(parts, &|p| p.high.unwrap_or(0).to_string())
        ),
        (false, false) => format!(
            "الأعلى {}: مجموع القيم العليا للأجزاء ({}).",
            o.high.unwrap_or(0),
            terms(parts, &|p| p.high.unwrap_or(0).to_string())
        ),
        (true, true) => {
            let mut why = Vec::new();
            if !open.is_empty() {
                why.push(format!("the high of {} is open", ids_text(&open, lang)));
            }
            if !unknown.is_empty() {
                why.push(format!("{} has no eligible figure", ids_text(unknown, lang)));
            }
            format!("High open: {}.", why.join(" and "))
        }
        (true, false) => {
            let mut why = Vec::new();
            if !open.is_empty() {
                why.push(format!("الحد الأعلى لـ{} مفتوح", ids_text(&open, lang)));
            }
            if !unknown.is_empty() {
                why.push(format!("لا رقم مؤهلًا في {}", ids_text(unknown, lang)));
            }
            format!("الأعلى مفتوح: {}.", why.join(" و"))
        }
    }
}

/// The sum's best estimate: by method, the parts' bests added up, or none and why.
fn sum_best(o: &Outcome, method: Method, parts: &[(&str, &Outcome)], lang: Lang) -> String {
    let en = lang == Lang::En;
    let missing_best: Vec<String> =
        parts.iter().filter(|(_, p)| p.voices == 0 || p.best.is_none()).map(|(k, _)| quoted(k)).collect();
    match (method, o.best, en) {
        (Method::Range, _, true) => "No best estimate: the range method gives low and high only.".into(),
        (Method::Range, _, false) => {
            "لا تقدير أرجح: طريقة المجال دون تقدير أرجح تعطي الأدنى والأعلى فقط.".into()
        }
        (Method::Manual, b, true) => format!(
            "Best {}: chosen by hand (manual) for the sum; the note says why.",
            b.map(|b| b.to_string()).unwrap_or_else(|| "–".into())
        ),
        (Method::Manual, b, false) => format!(
            "الأرجح {}: قيمة يدوية للمجموع، والملاحظة تذكر سبب اختيارها.",
            b.map(|b| b.to_string()).unwrap_or_else(|| "–".into())
        ),
        (_, Some(b), true) => {
            format!(
                "Best {b}: the parts' best estimates added up ({}).",
                terms(parts, &|p| p.best.unwrap_or(0).to_string())
            )
        }
        (_, Some(b), false) => {
            format!(
                "الأرجح {b}: مجموع التقديرات الأرجح للأجزاء ({}).",
                terms(parts, &|p| p.best.unwrap_or(0).to_string())
            )
        }
        (_, None, true) => format!("No best estimate: {} has none.", ids_text(&missing_best, lang)),
        (_, None, false) => format!("لا تقدير أرجح: لا تقدير أرجح لـ{}.", ids_text(&missing_best, lang)),
    }
}

/// The sum's support, named by the parts that decide it.
fn sum_support(o: &Outcome, parts: &[(&str, &Outcome)], unknown: &[String], lang: Lang) -> String {
    let en = lang == Lang::En;
    let with = |s: Support| -> Vec<String> {
        parts.iter().filter(|(_, p)| p.support == s).map(|(k, _)| quoted(k)).collect()
    };
    match (o.support, en) {
        (Support::Contested, true) => {
            format!("Support contested: {} is contested.", ids_text(&with(Support::Contested), lang))
        }
        (Support::Contested, false) => {
            format!("الإسناد متنازع عليه: {} متنازع عليه.", ids_text(&with(Support::Contested), lang))
        }
        (Support::None, true) => {
            format!("Support none: {} has no eligible figure.", ids_text(unknown, lang))
        }
        (Support::None, false) => format!("لا إسناد: لا رقم مؤهلًا في {}.", ids_text(unknown, lang)),
        (Support::SingleSource, true) => format!(
            "Support single-source: {} rests on one voice.",
            ids_text(&with(Support::SingleSource), lang)
        ),
        (Support::SingleSource, false) => format!(
            "الإسناد من مصدر واحد: {} يقوم على صوت واحد.",
            ids_text(&with(Support::SingleSource), lang)
        ),
        (Support::Corroborated, true) => "Support corroborated: every part is corroborated.".into(),
        (Support::Corroborated, false) => "الإسناد مؤكَّد: كل الأجزاء مؤكَّدة.".into(),
    }
}

/// Names already marked, written `a, b and c` (`a وb` in Arabic).
fn ids_text(list: &[String], lang: Lang) -> String {
    match (lang, list.len()) {
        (_, 0) => String::new(),
        (_, 1) => list[0].clone(),
        (Lang::En, n) => format!("{} and {}", list[..n - 1].join(", "), list[n - 1]),
        (Lang::Ar, _) => list.join(" و"),
    }
}

struct Text<'a> {
    lang: Lang,
    figures: &'a [Named],
}

/// Claim or figure ids written `#1, #2 and #3` (`#1 و#2 و#3` in Arabic).
fn ids(list: &[i64], lang: Lang) -> String {
    let ids: Vec<String> = list.iter().map(|i| format!("#{i}")).collect();
    match (lang, ids.len()) {
        (_, 0) => String::new(),
        (_, 1) => ids[0].clone(),
        (Lang::En, n) => format!("{} and {}", ids[..n - 1].join(", "), ids[n - 1]),
        (Lang::Ar, _) => ids.join(" و"),
    }
}

impl Text<'_> {
    fn pick(&self, en: &str, ar: &str) -> String {
        match self.lang {
            Lang::En => en.to_string(),
            Lang::Ar => ar.to_string(),
        }
    }

    fn named(&self, id: i64) -> Option<&Named> {
        self.figures.iter().find(|f| f.figure_id == id)
    }

    /// `#7 (31 and rising, Valley Observatory, 2017-03-16)`.
    fn fig(&self, id: i64) -> String {
        let Some(f) = self.named(id) else { return format!("#{id}") };
        let sep = if self.lang == Lang::Ar { "، " } else { ", " };
        let mut parts = vec![quoted(&f.notation), quoted(&f.who)];
        if let Some(d) = &f.published {
            parts.push(quoted(d));
        }
        format!("#{id} ({})", parts.join(sep))
    }

    /// `#7 (31 and rising, 2017-03-16)`: for sentences that already say who.
    fn fig_short(&self, id: i64) -> String {
        let Some(f) = self.named(id) else { return format!("#{id}") };
        let sep = if self.lang == Lang::Ar { "، " } else { ", " };
        match &f.published {
            Some(d) => format!("#{id} ({}{sep}{})", quoted(&f.notation), quoted(d)),
            None => format!("#{id} ({})", quoted(&f.notation)),
        }
    }

    /// The sentence for a measure of one voice: its word is the whole range.
    fn alone(&self, o: &Outcome, method: Method) -> String {
        let Some(speaker) = o.items.iter().find(|i| i.included).map(|i| i.figure_id) else {
            return self.pick("No figure sets the range.", "لا رقم يحدد المجال.");
        };
        let en = self.lang == Lang::En;
        let low = match (o.no_floor, en) {
            (true, true) => "0 (no floor stated)".to_string(),
            (true, false) => "0 (لا حد أدنى مذكور)".to_string(),
            _ => o.low.unwrap_or_default().to_string(),
        };
        let high = match (o.open_high, en) {
            (true, true) => "open".to_string(),
            (true, false) => "مفتوح".to_string(),
            _ => o.high.unwrap_or_default().to_string(),
        };
        let best = match (method, o.best, en) {
            (Method::Range, _, true) | (_, None, true) => "no best".to_string(),
            (Method::Range, _, false) | (_, None, false) => "بلا تقدير أرجح".to_string(),
            (_, Some(b), true) => format!("best {b}"),
            (_, Some(b), false) => format!("الأرجح {b}"),
        };
        let others: Vec<i64> = o
            .items
            .iter()
            .filter(|i| i.voice.is_some() && i.figure_id != speaker)
            .map(|i| i.figure_id)
            .collect();
        let (also_en, also_ar) = if others.is_empty() {
            (String::new(), String::new())
        } else {
            (
                format!(" (its other words: {})", ids(&others, Lang::En)),
                format!(" (وكلماته الأخرى: {})", ids(&others, Lang::Ar)),
            )
        };
        if en {
            format!(
                "One voice, single-source: {}{also_en} gives the range, low {low}, {best}, high {high}.",
                self.fig(speaker)
            )
        } else {
            format!(
                "صوت واحد، مصدر واحد: {}{also_ar} يعطي المجال، الأدنى {low}، {best}، الأعلى {high}.",
                self.fig(speaker)
            )
        }
    }

    fn low(&self, o: &Outcome) -> String {
        let low = o.low.unwrap_or(0);
        match (o.low_by, self.lang) {
            (None, Lang::En) => format!(
                "Low {low}: no floor stated; every figure in the range states only a ceiling (such as \"up to\")."
            ),
            (None, Lang::Ar) => {
                format!("الأدنى {low}: لا حد أدنى مذكور؛ كل رقم في المجال يذكر حدًا أعلى فقط (مثل «حتى»).")
            }
            (Some(by), Lang::En) => match o.envelope {
                super::Envelope::Stated => {
                    format!("Low {low}: set by {}, the smallest floor the voices state.", self.fig(by))
                }
                super::Envelope::Union => format!(
                    "Low {low}: set by {}, the smallest low of the voices (--envelope union).",
                    self.fig(by)
                ),
            },
            (Some(by), Lang::Ar) => match o.envelope {
                super::Envelope::Stated => {
                    format!("الأدنى {low}: حدده {}، وهو أصغر حد أدنى تذكره الأصوات.", self.fig(by))
                }
                super::Envelope::Union => format!(
                    "الأدنى {low}: حدده {}، وهو أصغر قيمة دنيا بين الأصوات (--envelope union).",
                    self.fig(by)
                ),
            },
        }
    }

    fn high(&self, o: &Outcome) -> String {
        let Some(by) = o.high_by else {
            return self.pick("High: none.", "الأعلى: لا شيء.");
        };
        if !o.open_high {
            let high = o.high.unwrap_or_default();
            return match self.lang {
                Lang::En => format!("High {high}: set by {}, the largest ceiling stated.", self.fig(by)),
                Lang::Ar => format!("الأعلى {high}: حدده {}، وهو أكبر حد أعلى مذكور.", self.fig(by)),
            };
        }
        let floor = self.named(by).map(|f| f.low).unwrap_or_default();
        // Whether any figure of the range states a ceiling (the open floor is above them all).
        let ceilings = o
            .items
            .iter()
            .filter(|i| i.included)
            .any(|i| self.named(i.figure_id).is_some_and(|f| f.high.is_some()));
        match (ceilings, self.lang) {
            (true, Lang::En) => format!(
                "High open: {} states a floor of {floor} and no ceiling, above every ceiling stated.",
                self.fig(by)
            ),
            (true, Lang::Ar) => format!(
                "الأعلى مفتوح: {} يذكر حدًا أدنى قدره {floor} بلا حد أعلى، وهو فوق كل حد أعلى مذكور.",
                self.fig(by)
            ),
            (false, Lang::En) => format!(
                "High open: no figure in the range states a ceiling; {} states a floor of {floor}.",
                self.fig(by)
            ),
            (false, Lang::Ar) => format!(
                "الأعلى مفتوح: لا يذكر أي رقم في المجال حدًا أعلى؛ {} يذكر حدًا أدنى قدره {floor}.",
                self.fig(by)
            ),
        }
    }

    fn best(&self, o: &Outcome, method: Method) -> String {
        let sentence = self.best_sentence(o, method);
        // A voice's point outside the range (a ceiling below the low) counts at the nearest end.
        let own = o.best_by.and_then(|b| self.named(b)).map(|f| f.point);
        match (own, o.best) {
            (Some(p), Some(b)) if p != b => match self.lang {
                Lang::En => format!(
                    "{sentence} Its point, {p}, lies outside the range: it counts at the nearest end, {b}."
                ),
                Lang::Ar => format!("{sentence} قيمته {p} خارج المجال، فتُحسب عند أقرب طرفيه، {b}."),
            },
            _ => sentence,
        }
    }

    fn best_sentence(&self, o: &Outcome, method: Method) -> String {
        let best = o.best.map(|b| b.to_string()).unwrap_or_else(|| "–".into());
        let by = o.best_by.map(|b| self.fig(b)).unwrap_or_default();
        let weight = o.best_by.and_then(|b| self.named(b)).map(|f| f.weight).unwrap_or_default();
        match (method, self.lang) {
            (Method::Weighted, Lang::En) => format!(
                "Best {best}: the point of {by}, where the voices' running weight, points ascending, reaches half the total (weighted median)."
            ),
            (Method::Weighted, Lang::Ar) => format!(
                "الأرجح {best}: قيمة {by}، حيث يبلغ الوزن التراكمي للأصوات، مرتبةً تصاعديًا، نصفَ المجموع (الوسيط المرجّح)."
            ),
            (Method::Conservative, Lang::En) => {
                format!("Best {best}: the smallest point of the voices, {by} (conservative, ACLED's rule).")
            }
            (Method::Conservative, Lang::Ar) => {
                format!("الأرجح {best}: أصغر قيمة بين الأصوات، {by} (التقدير المتحفظ).")
            }
            (Method::Median, Lang::En) => format!(
                "Best {best}: the middle point of the voices, {by} (median; the lower middle of an even count)."
            ),
            (Method::Median, Lang::Ar) => {
                format!("الأرجح {best}: القيمة الوسطى بين الأصوات، {by} (الوسيط؛ الأدنى من الوسطيين عند عدد زوجي).")
            }
            (Method::BestSource, Lang::En) => {
                format!("Best {best}: the point of the heaviest figure, {by}, weight {weight} (best-source).")
            }
            (Method::BestSource, Lang::Ar) => {
                format!("الأرجح {best}: قيمة الرقم الأثقل وزنًا، {by}، بوزن {weight} (المصدر الأوثق).")
            }
            (Method::Manual, Lang::En) => format!("Best {best}: chosen by hand (manual); the note says why."),
            (Method::Manual, Lang::Ar) => format!("الأرجح {best}: قيمة يدوية، والملاحظة تذكر سبب اختيارها."),
            (Method::Range, Lang::En) => "No best estimate: the range method gives low and high only.".into(),
            (Method::Range, Lang::Ar) => "لا تقدير أرجح: طريقة المجال دون تقدير أرجح تعطي الأدنى والأعلى فقط.".into(),
        }
    }

    /// The figures that do not speak for a voice, unless they are only another word of one (the
    /// voices' sentences name those): each overtaken floor and differing relay in a sentence of
    /// its own, the others grouped by why they are left out, one sentence a group, so a measure of
    /// a thousand superseded figures reads in a few lines.
    fn items(&self, o: &Outcome) -> Vec<String> {
        let en = self.lang == Lang::En;
        let mut single = Vec::new();
        // (group key, the sentence for one figure, the opening of a group, one figure's part)
        let mut groups: Vec<(String, String, String, Vec<String>)> = Vec::new();
        let mut group = |key: String, alone: String, head: String, part: String| match groups
            .iter_mut()
            .find(|g| g.0 == key)
        {
            Some(g) => g.3.push(part),
            None => groups.push((key, alone, head, vec![part])),
        };
        for i in &o.items {
            let f = self.fig_short(i.figure_id);
            if let Some(by) = i.overtaken_by {
                single.push(if en {
                    format!(
                        "{f} is overtaken by {}: published later, it states a higher floor, so #{} does not set the low; its voice still counts.",
                        self.fig(by),
                        i.figure_id
                    )
                } else {
                    format!("{f} تجاوزه {}: نُشر لاحقًا بحد أدنى أعلى، فلا يحدد الأدنى؛ ويبقى صوته محسوبًا.", self.fig(by))
                });
                continue;
            }
            if i.voice.is_some() {
                if i.reason.starts_with("included by --include-all") {
                    let (alone, head) = if en {
                        (
                            format!("{f} is taken in by --include-all, which overrides why it was left out."),
                            "Taken in by --include-all, which overrides why they were left out:".to_string(),
                        )
                    } else {
                        (
                            format!("{f} أُدخل بالخيار --include-all رغم أنه كان سيُستبعد."),
                            "أُدخلت بالخيار --include-all رغم أنها كانت ستُستبعد:".to_string(),
                        )
                    };
                    group("include-all".into(), alone, head, f);
                }
                continue;
            }
            if let Some(by) = i.superseded_by {
                let (key, alone, head, part) = superseded(&f, by, i.update_of, i.relayed, en);
                group(key, alone, head, part);
                continue;
            }
            if i.code == "relay differs" {
                let original = i.relay_of.and_then(|o| self.named(o));
                let own = self.named(i.figure_id).map(|n| n.point).unwrap_or_default();
                let theirs = original.map(|n| n.point).unwrap_or_default();
                let o = i.relay_of.map(|o| format!("#{o}")).unwrap_or_default();
                single.push(if en {
                    format!("{f} relays {o} but says {own} where the original says {theirs} (relay differs: {own} vs {theirs}): left out of the range.")
                } else {
                    format!("{f} ينقل {o} لكنه يقول {own} حيث يقول الأصل {theirs} (نقل مختلف: {own} مقابل {theirs})، فاستُبعد من المجال.")
                });
                continue;
            }
            let (key, alone, head) = left_out(&f, i, en);
            group(key, alone, head, f);
        }
        let sep = if en { "; " } else { "؛ " };
        single.extend(groups.into_iter().map(|(_, alone, head, parts)| {
            if parts.len() == 1 {
                alone
            } else {
                format!("{head} {}.", parts.join(sep))
            }
        }));
        single
    }

    fn voices(&self, o: &Outcome) -> Vec<String> {
        let mut out = Vec::new();
        for v in 1..=o.voices {
            let members: Vec<&Item> = o.items.iter().filter(|i| i.voice == Some(v)).collect();
            let Some(speaker) = members.iter().find_map(|i| i.voice_of) else { continue };
            let who = quoted(&self.named(speaker).map(|n| n.who.clone()).unwrap_or_default());
            let others: Vec<i64> = members.iter().map(|i| i.figure_id).filter(|&id| id != speaker).collect();
            let overtaken = o.items.iter().any(|i| i.figure_id == speaker && i.overtaken_by.is_some());
            let (word, also) = match self.lang {
                Lang::En => (
                    format!(
                        "Voice {v} ({who}) speaks with {}{}",
                        self.fig_short(speaker),
                        if overtaken { ", overtaken" } else { "" }
                    ),
                    if others.is_empty() {
                        String::new()
                    } else {
                        format!("; its other words: {}", ids(&others, self.lang))
                    },
                ),
                Lang::Ar => (
                    format!(
                        "الصوت {v} ({who}) يتكلم بـ {}{}",
                        self.fig_short(speaker),
                        if overtaken { "، وقد تجاوزه رقم لاحق" } else { "" }
                    ),
                    if others.is_empty() {
                        String::new()
                    } else {
                        format!("؛ وكلماته الأخرى: {}", ids(&others, self.lang))
                    },
                ),
            };
            out.push(format!("{word}{also}."));
        }
        out
    }

    fn support(&self, o: &Outcome) -> String {
        match (o.support, self.lang) {
            (Support::Contested, lang) => {
                let widest = o.conflicts.first().map(|p| (p.a, p.b, p.gap));
                match (lang, widest) {
                    (Lang::En, Some((a, b, gap))) => format!(
                        "Support contested: {} pair(s) of voices cannot both be true; the widest, #{a} vs #{b}, {gap} apart.",
                        o.conflicting_pairs
                    ),
                    (Lang::Ar, Some((a, b, gap))) => format!(
                        "السند: متنازع عليه؛ {} من الأصوات لا يمكن أن يصدقا معًا، والأوسع #{a} مقابل #{b} بفارق {gap}.",
                        ar_count(o.conflicting_pairs as i64, &PAIR)
                    ),
                    (Lang::En, None) => {
                        format!("Support contested: {} pair(s) of voices cannot both be true.", o.conflicting_pairs)
                    }
                    (Lang::Ar, None) => format!(
                        "السند: متنازع عليه؛ {} من الأصوات لا يمكن أن يصدقا معًا.",
                        ar_count(o.conflicting_pairs as i64, &PAIR)
                    ),
                }
            }
            (Support::Corroborated, Lang::En) => {
                format!("Support corroborated: {} voices, all of which can be true together.", o.voices)
            }
            (Support::Corroborated, Lang::Ar) => {
                format!(
                    "السند: متعدد المصادر ومتسق؛ {} يمكن أن تصدق كلها معًا.",
                    ar_count(o.voices as i64, &VOICE)
                )
            }
            (Support::SingleSource, Lang::En) => "Support single-source: one voice only.".into(),
            (Support::SingleSource, Lang::Ar) => "السند: مصدر واحد؛ صوت واحد فقط.".into(),
            (Support::None, Lang::En) => "Support none.".into(),
            (Support::None, Lang::Ar) => "لا سند.".into(),
        }
    }

    fn windows(&self, o: &Outcome) -> String {
        let list: Vec<String> = o
            .windows
            .iter()
            .map(|w| format!("{}..{} ({})", w.from, w.to, ids(&w.figures, self.lang)))
            .collect();
        match self.lang {
            Lang::En => format!(
                "The figures cover time windows that do not overlap: {}. They may count different things; keep one with --window FROM..TO.",
                list.join("; ")
            ),
            Lang::Ar => format!(
                "تغطي الأرقام فترات زمنية لا تتداخل: {}. قد تعدّ أشياء مختلفة؛ احتفظ بفترة واحدة بالخيار --window (من..إلى).",
                list.join("؛ ")
            ),
        }
    }

    fn ring(&self, ring: &[i64]) -> String {
        match self.lang {
            Lang::En => format!(
                "Claims update one another in a ring ({}); those links are set aside until one is removed with `crosscheck claim unlink`.",
                super::ring_text(ring, " updates ")
            ),
            Lang::Ar => format!(
                "ادعاءات يحدّث بعضها بعضًا في حلقة ({})؛ نُحّيت هذه الروابط حتى يُحذف أحدها بالأمر crosscheck claim unlink.",
                super::ring_text(ring, " يحدّث ")
            ),
        }
    }
}

/// A superseded figure's group (key, its sentence alone, the group's opening, its part): a relay
/// of an updated count, a count its update replaces, or an earlier word of the updating voice.
fn superseded(
    f: &str,
    by: i64,
    update_of: Option<i64>,
    relayed: bool,
    en: bool,
) -> (String, String, String, String) {
    match (update_of, relayed, en) {
        (Some(of), true, true) => (
            "relayed".into(),
            format!("{f} relays claim #{of}, which claim #{by} updates: superseded with it."),
            "Relays of superseded counts, superseded with them:".into(),
            format!("{f} relays claim #{of}, which claim #{by} updates"),
        ),
        (Some(of), true, false) => (
            "relayed".into(),
            format!("{f} ينقل الادعاء #{of} الذي حدّثه الادعاء #{by}، فحلّ محله معه."),
            "نواقل لأرقام حلّ محلها غيرها، فحلّ محلها معها:".into(),
            format!("{f} ينقل الادعاء #{of} الذي حدّثه الادعاء #{by}"),
        ),
        (None, _, true) => (
            "updated".into(),
            format!("{f} is superseded by claim #{by}, which updates it."),
            "Superseded, each by the claim that updates it:".into(),
            format!("{f} by claim #{by}"),
        ),
        (None, _, false) => (
            "updated".into(),
            format!("{f} حلّ محله الادعاء #{by} الذي يحدّثه."),
            "حلّ محل كل منها الادعاء الذي يحدّثه:".into(),
            format!("{f} حلّ محله الادعاء #{by}"),
        ),
        (Some(of), false, true) => (
            "swept".into(),
            format!("{f} is superseded by claim #{by} via its update of claim #{of}: an earlier word of the same voice."),
            "Earlier words of a voice, superseded by its update:".into(),
            format!("{f} by claim #{by} via its update of claim #{of}"),
        ),
        (Some(of), false, false) => (
            "swept".into(),
            format!("{f} حلّ محله الادعاء #{by} عبر تحديثه للادعاء #{of}: كلمة سابقة للصوت نفسه."),
            "كلمات سابقة لصوت حلّ محلها تحديثه:".into(),
            format!("{f} حلّ محله الادعاء #{by} عبر تحديثه للادعاء #{of}"),
        ),
    }
}

/// A left-out figure's group (key, its sentence alone, the group's opening), by why it is out.
fn left_out(f: &str, i: &Item, en: bool) -> (String, String, String) {
    match (&i.excluded, en) {
        (Some(Excluded::Improbable), true) => (
            "cred5".to_string(),
            format!("{f} is left out: its claim has credibility 5 (improbable)."),
            "Left out, their claims having credibility 5 (improbable):".to_string(),
        ),
        (Some(Excluded::Improbable), false) => (
            "cred5".into(),
            format!("{f} مستبعد: مصداقية ادعائه 5 (مستبعد الصحة)."),
            "مستبعدة لأن مصداقية ادعاءاتها 5 (مستبعدة الصحة):".into(),
        ),
        (Some(Excluded::Unreliable), true) => (
            "e".into(),
            format!("{f} is left out: all its sources are rated E (unreliable)."),
            "Left out, all their sources rated E (unreliable):".into(),
        ),
        (Some(Excluded::Unreliable), false) => (
            "e".into(),
            format!("{f} مستبعد: كل مصادره مصنفة E (غير موثوقة)."),
            "مستبعدة لأن كل مصادرها مصنفة E (غير موثوقة):".into(),
        ),
        (Some(Excluded::Filtered(why)), true) => (
            format!("f {why}"),
            format!("{f} is left out by {}.", quoted(why)),
            format!("Left out by {}:", quoted(why)),
        ),
        (Some(Excluded::Filtered(why)), false) => (
            format!("f {why}"),
            format!("{f} استبعده عامل التصفية {}.", quoted(why)),
            format!("استبعدها عامل التصفية {}:", quoted(why)),
        ),
        (Some(Excluded::NotYet(d)), true) => (
            "not yet".into(),
            format!("{f} is left out: published after {d}, the --as-of date."),
            format!("Left out, published after {d}, the --as-of date:"),
        ),
        (Some(Excluded::NotYet(d)), false) => (
            "not yet".into(),
            format!("{f} مستبعد: نُشر بعد {d}، تاريخ --as-of."),
            format!("مستبعدة لأنها نُشرت بعد {d}، تاريخ --as-of:"),
        ),
        (Some(Excluded::OtherWindow(own, asked)), true) => (
            format!("w {asked}"),
            match own {
                Some(own) => {
                    format!("{f} is left out: its window {own} is not inside --window {asked}.")
                }
                None => format!("{f} is left out: no --when places it inside --window {asked}."),
            },
            format!("Left out, their windows not inside --window {asked}:"),
        ),
        (Some(Excluded::OtherWindow(own, asked)), false) => (
            format!("w {asked}"),
            match own {
                Some(own) => format!("{f} مستبعد: فترته {own} ليست داخل --window {asked}."),
                None => format!("{f} مستبعد: لا --when يضعه داخل --window {asked}."),
            },
            format!("مستبعدة لأن فتراتها ليست داخل --window {asked}:"),
        ),
        (None, true) => (
            format!("r {}", i.reason),
            format!("{f} is left out: {}.", i.reason),
            format!("Left out ({}):", i.reason),
        ),
        (None, false) => ("out".into(), format!("{f} مستبعد."), "مستبعدة:".into()),
    }
}
