//! A reconciliation in plain sentences, English or Arabic: which figure set each end of the range
//! and the best estimate and by which rule, every figure overtaken, superseded, left out or
//! flagged, the voices, the support, and the windows and rings that need the researcher's eye.
//! `reconcile --explain` prints them and the report shows them. Pure: an outcome in, lines out.

use super::{Excluded, Item, Method, Outcome, Support};
use crate::report::Lang;

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
    if o.voices == 0 {
        out.push(t.pick("No eligible figure: there is nothing to reconcile.", "لا رقم مؤهلًا: لا شيء للتوفيق."));
    } else {
        out.push(t.low(o));
        out.push(t.high(o));
        out.push(t.best(o, method));
    }
    for item in &o.items {
        if let Some(line) = t.item(item) {
            out.push(line);
        }
    }
    out.extend(t.voices(o));
    if o.voices > 0 {
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
        let mut parts = vec![f.notation.clone(), f.who.clone()];
        if let Some(d) = &f.published {
            parts.push(d.clone());
        }
        format!("#{id} ({})", parts.join(sep))
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
                format!("الأرجح {best}: أصغر قيمة بين الأصوات، {by} (الطريقة المتحفظة، قاعدة ACLED).")
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
                format!("الأرجح {best}: قيمة الرقم الأثقل وزنًا، {by}، بوزن {weight} (best-source).")
            }
            (Method::Manual, Lang::En) => format!("Best {best}: chosen by hand (manual); the note says why."),
            (Method::Manual, Lang::Ar) => format!("الأرجح {best}: اختير يدويًا (manual)، والملاحظة تذكر السبب."),
            (Method::Range, Lang::En) => "No best estimate: the range method gives low and high only.".into(),
            (Method::Range, Lang::Ar) => "لا تقدير أرجح: طريقة المجال (range) تعطي الأدنى والأعلى فقط.".into(),
        }
    }

    /// A figure that does not speak for a voice, unless it is only another word of one (the
    /// voices' sentences name those).
    fn item(&self, i: &Item) -> Option<String> {
        let f = self.fig(i.figure_id);
        let en = self.lang == Lang::En;
        if let Some(by) = i.overtaken_by {
            return Some(if en {
                format!(
                    "{f} is overtaken by {}: published later, it states a higher floor, so #{} does not set the low; its voice still counts.",
                    self.fig(by),
                    i.figure_id
                )
            } else {
                format!(
                    "{f} تجاوزه {}: نُشر لاحقًا بحد أدنى أعلى، فلا يحدد الأدنى؛ ويبقى صوته محسوبًا.",
                    self.fig(by)
                )
            });
        }
        if i.voice.is_some() {
            if i.reason.starts_with("included by --include-all") {
                return Some(if en {
                    format!(
                        "{f} is taken in by --include-all: {}.",
                        i.reason.trim_start_matches("included by --include-all ")
                    )
                } else {
                    format!("{f} أُدخل بالخيار --include-all رغم أنه كان سيُستبعد.")
                });
            }
            return None;
        }
        if let Some(by) = i.superseded_by {
            return Some(match (i.update_of, en) {
                (None, true) => format!("{f} is superseded by claim #{by}, which updates it."),
                (Some(of), true) => format!(
                    "{f} is superseded by claim #{by} via its update of claim #{of}: an earlier word of the same voice."
                ),
                (None, false) => format!("{f} حلّ محله الادعاء #{by} الذي يحدّثه."),
                (Some(of), false) => {
                    format!("{f} حلّ محله الادعاء #{by} عبر تحديثه للادعاء #{of}: كلمة سابقة للصوت نفسه.")
                }
            });
        }
        if i.code == "relay differs" {
            let original = i.relay_of.and_then(|o| self.named(o));
            let (own, theirs) = (
                self.named(i.figure_id).map(|n| n.point).unwrap_or_default(),
                original.map(|n| n.point).unwrap_or_default(),
            );
            let o = i.relay_of.map(|o| format!("#{o}")).unwrap_or_default();
            return Some(if en {
                format!("{f} relays {o} but says {own} where the original says {theirs} (relay differs: {own} vs {theirs}): left out of the range.")
            } else {
                format!("{f} ينقل {o} لكنه يقول {own} حيث يقول الأصل {theirs} (نقل مختلف: {own} مقابل {theirs})، فاستُبعد من المجال.")
            });
        }
        let line = match (&i.excluded, en) {
            (Some(Excluded::Improbable), true) => {
                format!("{f} is left out: its claim has credibility 5 (improbable).")
            }
            (Some(Excluded::Improbable), false) => format!("{f} مستبعد: مصداقية ادعائه 5 (مستبعد الصحة)."),
            (Some(Excluded::Unreliable), true) => {
                format!("{f} is left out: all its sources are rated E (unreliable).")
            }
            (Some(Excluded::Unreliable), false) => format!("{f} مستبعد: كل مصادره مصنفة E (غير موثوقة)."),
            (Some(Excluded::Filtered(why)), true) => format!("{f} is left out by {why}."),
            (Some(Excluded::Filtered(why)), false) => format!("{f} استبعده عامل التصفية {why}."),
            (Some(Excluded::NotYet(d)), true) => {
                format!("{f} is left out: published after {d}, the --as-of date.")
            }
            (Some(Excluded::NotYet(d)), false) => format!("{f} مستبعد: نُشر بعد {d}، تاريخ --as-of."),
            (Some(Excluded::OtherWindow(Some(own), asked)), true) => {
                format!("{f} is left out: its window {own} is not inside --window {asked}.")
            }
            (Some(Excluded::OtherWindow(Some(own), asked)), false) => {
                format!("{f} مستبعد: فترته {own} ليست داخل --window {asked}.")
            }
            (Some(Excluded::OtherWindow(None, asked)), true) => {
                format!("{f} is left out: no --when places it inside --window {asked}.")
            }
            (Some(Excluded::OtherWindow(None, asked)), false) => {
                format!("{f} مستبعد: لا --when يضعه داخل --window {asked}.")
            }
            (None, true) => format!("{f} is left out: {}.", i.reason),
            (None, false) => format!("{f} مستبعد."),
        };
        Some(line)
    }

    fn voices(&self, o: &Outcome) -> Vec<String> {
        let mut out = Vec::new();
        for v in 1..=o.voices {
            let members: Vec<&Item> = o.items.iter().filter(|i| i.voice == Some(v)).collect();
            let Some(speaker) = members.iter().find_map(|i| i.voice_of) else { continue };
            let who = self.named(speaker).map(|n| n.who.clone()).unwrap_or_default();
            let others: Vec<i64> = members.iter().map(|i| i.figure_id).filter(|&id| id != speaker).collect();
            let (word, also) = match self.lang {
                Lang::En => (
                    format!("Voice {v} ({who}) speaks with {}", self.fig(speaker)),
                    if others.is_empty() {
                        String::new()
                    } else {
                        format!("; its other words: {}", ids(&others, self.lang))
                    },
                ),
                Lang::Ar => (
                    format!("الصوت {v} ({who}) يتكلم بـ {}", self.fig(speaker)),
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
                        "السند متنازع عليه (contested): {} زوج من الأصوات لا يمكن أن يصدقا معًا؛ الأوسع #{a} مقابل #{b}، والفارق {gap}.",
                        o.conflicting_pairs
                    ),
                    (Lang::En, None) => {
                        format!("Support contested: {} pair(s) of voices cannot both be true.", o.conflicting_pairs)
                    }
                    (Lang::Ar, None) => format!(
                        "السند متنازع عليه (contested): {} زوج من الأصوات لا يمكن أن يصدقا معًا.",
                        o.conflicting_pairs
                    ),
                }
            }
            (Support::Corroborated, Lang::En) => {
                format!("Support corroborated: {} voices, all of which can be true together.", o.voices)
            }
            (Support::Corroborated, Lang::Ar) => {
                format!("السند مؤيَّد (corroborated): {} أصوات يمكن أن تصدق كلها معًا.", o.voices)
            }
            (Support::SingleSource, Lang::En) => "Support single-source: one voice only.".into(),
            (Support::SingleSource, Lang::Ar) => "السند مصدر واحد (single-source): صوت واحد فقط.".into(),
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
                "تغطي الأرقام فترات زمنية لا تتداخل: {}. قد تعدّ أشياء مختلفة؛ احتفظ بفترة واحدة بالخيار --window FROM..TO.",
                list.join("؛ ")
            ),
        }
    }

    fn ring(&self, ring: &[i64]) -> String {
        let mut path: Vec<String> = ring.iter().map(|c| format!("#{c}")).collect();
        if let Some(first) = path.first().cloned() {
            path.push(first);
        }
        match self.lang {
            Lang::En => format!(
                "Claims {} update one another in a ring ({}); those links are set aside until one is removed with `crosscheck claim unlink`.",
                ids(ring, self.lang),
                path.join(" updates ")
            ),
            Lang::Ar => format!(
                "الادعاءات {} يحدّث بعضها بعضًا في حلقة ({})؛ نُحّيت هذه الروابط حتى يُحذف أحدها بالأمر crosscheck claim unlink.",
                ids(ring, self.lang),
                path.join(" يحدّث ")
            ),
        }
    }
}
