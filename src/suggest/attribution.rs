//! Attributions: where a cue (said, according to, قال، بحسب ...) stands, who its source phrase
//! names, how far that phrase runs, and whether the cue points at what follows it (`X said
//! that ...`, `قال X إنّ ...`) or at what came before (`..., X said.`, `...، بحسب X`).

use crate::numwords::tokens::{clitic_forms, TokKind, Token};

use super::cues::{Cue, Family, Side};
use super::tables::{cue_key, Tables, Words};
use super::text::{Layout, NONE};

mod mentions;
mod voices;

pub(crate) use voices::Voice;

use mentions::Known;

/// One attribution found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Tokens of the cue words.
    pub cue: (usize, usize),
    pub family: Family,
    pub participle: bool,
    /// Tokens of the source phrase written here, if any.
    pub source: Option<(usize, usize)>,
    /// The name in the source phrase: the proper name of an English apposition (`Dr. Amira
    /// Zlitni` of `Dr. Amira Zlitni, director of the hospital`), else the phrase itself.
    pub name: Option<(usize, usize)>,
    /// The unit whose source phrase this one takes (a pronoun, `وأضاف أنّ`, `saying`).
    pub from: Option<usize>,
    /// Tokens that belong to the attribution (source, cue, description of the source, recipient):
    /// a number inside is not a claim (`two sources close to ...`, `أم لثلاثة أبناء`).
    pub region: (usize, usize),
    pub sentence: usize,
    /// The cue points at what follows it.
    pub forward: bool,
    /// The source phrase holds a source noun.
    pub noun: bool,
    /// The source phrase only stands in for a source named before: a pronoun (`they`, `it`,
    /// `هم`), which names nobody when nothing came before.
    pub stands_in: bool,
    /// The attribution sits in a relative clause (`the SDF, which activists accused of ...`):
    /// it speaks of what follows it, never of a figure before it.
    pub relative: bool,
    /// A reference to a source named before (`the monitor`, `The U.K.-based monitor`,
    /// `المصدر`, `the council`): the span of that name, or of the part of it that holds the
    /// head word (`a security official` of `a security official and a monitoring group`).
    pub resolved: Option<(usize, usize)>,
    /// The document the source phrase opened with (`a report by ...`, `تقرير أصدرته ...`,
    /// `إحصاء المجلس`): `the report` later stands for its author.
    pub document: Option<usize>,
    /// The source phrase named the outlet of the dateline (`وفق إحصاء أعدّه «نبض الريم»`): the
    /// outlet's own reporting, which no earlier speaker fills in.
    pub own: bool,
}

/// The text as attribution finding sees it.
pub(crate) struct Scan<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    pub lay: &'a Layout,
    pub t: &'static Tables,
    pub fig_at: &'a [u32],
    pub date_at: &'a [u32],
    /// The cue starting at each token, with the token after its last word.
    pub cue_at: Vec<Option<(&'static Cue, usize)>>,
    /// The words of the outlet named in the dateline (`text::dateline_outlet`), if any.
    pub outlet: Option<&'a [String]>,
}

fn is_arabic(s: &str) -> bool {
    s.chars().next().is_some_and(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// A generic reference's folded head and its modifiers' tokens (see `Scan::generic_head`).
type Reference = (String, Vec<usize>);

impl<'a> Scan<'a> {
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        lay: &'a Layout,
        t: &'static Tables,
        fig_at: &'a [u32],
        date_at: &'a [u32],
    ) -> Self {
        let mut s =
            Scan { text, toks, lay, t, fig_at, date_at, cue_at: vec![None; toks.len()], outlet: None };
        for i in 0..toks.len() {
            s.cue_at[i] = s.match_cue(i);
        }
        s
    }

    pub(crate) fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str())
    }

    fn sym(&self, i: usize, s: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokKind::Sym && t.norm == s)
    }

    pub(crate) fn is_quote_mark(&self, i: usize) -> bool {
        self.sym(i, "\"")
    }

    fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }

    /// The word, or the word without a leading clitic, is in the list.
    pub fn in_set(&self, i: usize, set: &Words) -> bool {
        let Some(w) = self.word(i) else { return false };
        clitic_forms(w).iter().any(|(_, _, rest)| set.contains(*rest))
    }

    pub(crate) fn exact_in(&self, i: usize, set: &Words) -> bool {
        self.word(i).is_some_and(|w| set.contains(w))
    }

    pub(crate) fn in_figure(&self, i: usize) -> bool {
        self.fig_at.get(i).is_some_and(|f| *f != NONE)
    }

    fn in_date(&self, i: usize) -> bool {
        self.date_at.get(i).is_some_and(|d| *d != NONE)
    }

    /// The phrase (normalised words) starts at token i; returns the token after it.
    pub(crate) fn phrase_at(&self, i: usize, phrases: &[Vec<String>]) -> Option<usize> {
        'next: for p in phrases {
            let mut k = i;
            for w in p {
                while self.toks.get(k).is_some_and(|t| t.kind == TokKind::Sym && t.norm == "'") {
                    k += 1;
                }
                if self.word(k) != Some(w.as_str()) {
                    continue 'next;
                }
                k += 1;
            }
            return Some(k);
        }
        None
    }

    /// Forms under which a token may be a cue: as written, without a leading و or ف, without
    /// an object pronoun (أعلنه), without both.
    fn cue_forms(w: &str) -> Vec<&str> {
        let mut out = vec![w];
        if !is_arabic(w) {
            return out;
        }
        let bare: Vec<&str> = [w]
            .into_iter()
            .chain(["و", "ف"].iter().filter_map(|p| w.strip_prefix(p)).filter(|r| r.chars().count() >= 2))
            .collect();
        for b in bare {
            out.push(b);
            for suffix in ["ه", "ها", "هم"] {
                if let Some(r) = b.strip_suffix(suffix) {
                    if r.chars().count() >= 3 {
                        out.push(r);
                    }
                }
            }
        }
        out
    }

    fn match_cue(&self, i: usize) -> Option<(&'static Cue, usize)> {
        let t = &self.toks[i];
        if t.kind != TokKind::Word || self.in_figure(i) || self.in_date(i) {
            return None;
        }
        if self.lay.sentences[self.lay.sent_of[i] as usize].heading {
            return None;
        }
        // A word written with ة is a noun (إضافة، زيادة), not a verb with its object pronoun ه.
        let ta_marbuta =
            self.text[t.start..t.end].trim_end_matches(|c: char| !c.is_alphabetic()).ends_with('ة');
        for form in Self::cue_forms(&t.norm) {
            if ta_marbuta && !form.ends_with('ه') {
                continue;
            }
            let Some(list) = self.t.cues.get(form) else { continue };
            for (rest, cue) in list {
                if !rest.iter().enumerate().all(|(k, w)| self.word(i + 1 + k) == Some(w.as_str())) {
                    continue;
                }
                let end = i + 1 + rest.len();
                if self.cue_holds(i, end, cue) {
                    return Some((cue, end));
                }
            }
        }
        None
    }

    /// A cue form that is a noun or an adjective here: `dismissed both claims`, `these reports`
    /// (a plural after a quantifier); `مستودع للذخيرة تابع للجيش` (`تابع` before لـ is "belonging
    /// to").
    fn noun_or_adjective_here(&self, i: usize, end: usize) -> bool {
        const QUANTIFIERS: &[&str] =
            &["both", "these", "those", "such", "rival", "conflicting", "competing", "earlier", "similar"];
        let quantified = i > 0
            && self.word(i - 1).is_some_and(|w| QUANTIFIERS.contains(&w))
            && self.word(i).is_some_and(|w| w.is_ascii() && w.ends_with('s'));
        let belonging = self.word(i).is_some_and(|w| w.starts_with("تابع"))
            && (self.word(end).is_some_and(|w| w.starts_with("لل")) || self.word(end) == Some("ل"));
        quantified || belonging
    }

    /// `إجراءات أمنية مشددة` (tight measures): a participle written with ة right after a
    /// feminine noun or adjective agrees with it, an adjective; the participle that carries a
    /// statement on follows a comma or its subject (`، مشددةً على`, `ومضت الصباغ قائلة`).
    fn feminine_adjective(&self, i: usize, cue: &Cue) -> bool {
        let t = &self.toks[i];
        let typed = self.text[t.start..t.end].trim_end_matches(|c: char| !c.is_alphabetic());
        // Agreeing with a feminine noun right before it (`أمنية مشددة`, `إجراءات مشددة`).
        let feminine_before = i > 0 && self.toks[i - 1].kind == TokKind::Word && {
            let p = &self.toks[i - 1];
            let typed = &self.text[p.start..p.end];
            typed.ends_with('ة') || typed.ends_with("ات")
        };
        cue.participle && typed.ends_with('ة') && feminine_before
    }

    /// `نفى مصدر عسكري … ما أعلنته الألوية`: a verb after `ما` that a denial before it rejects
    /// is the denial's object, not a statement the report carries.
    fn denied_object(&self, i: usize) -> bool {
        let body = self.lay.sentences[self.lay.sent_of[i] as usize].body;
        i > 0
            && self.word(i - 1) == Some("ما")
            && (body.max(i.saturating_sub(24))..i)
                .any(|j| self.cue_at[j].is_some_and(|(c, _)| c.family == Family::Deny))
    }

    fn cue_holds(&self, i: usize, end: usize, cue: &Cue) -> bool {
        let prev = i.checked_sub(1);
        // Passives (were reported killed, أُعلنت with its damma), nouns (طلب عدم ذكر اسمه, the
        // estimate) and relative clauses (التهدئة التي أُعلنت) are not statements.
        // A relay in a clause on its source still relays (`الشبكة التي نقلت عن مصادر محلية`).
        let relays = cue.family == Family::Relay && self.word(end) == Some("عن");
        if prev.is_some_and(|p| {
            self.exact_in(p, &self.t.be)
                || self.exact_in(p, &self.t.negating_nouns)
                || self.exact_in(p, &self.t.relatives) && !relays
                || self.exact_in(p, &self.t.determiners)
        }) {
            return false;
        }
        if self.text[self.toks[i].start..].chars().nth(1) == Some('\u{064F}') {
            return false;
        }
        if self.names_in_guillemets(i, end) {
            return false;
        }
        if self.noun_or_adjective_here(i, end) {
            return false;
        }
        // Past one determiner: `claimed the lives`, `claimed a victory`.
        let not_before = &self.t.not_before[&cue_key(cue)];
        let after_det = if self.exact_in(end, &self.t.determiners) { end + 1 } else { end };
        if [end, after_det].iter().any(|k| self.word(*k).is_some_and(|w| not_before.contains(w))) {
            return false;
        }
        // `at` counts only before a figure: put the crowd at about 600 (not put at risk).
        let needs = &self.t.needs[&cue_key(cue)];
        let needed = |k: usize| {
            self.in_set(k, needs)
                && (self.word(k) != Some("at") || self.fig_at.get(k + 1).is_some_and(|f| *f != NONE))
        };
        // Eight words on, quotation marks and dates not counted (`أصدرت «شبكة ...» يوم الأحد
        // حصيلتها`, `رفعت مديرية الصحة في محافظة الجرف، في بيان ثانٍ مساء اليوم، حصيلة`).
        let s_end = self.lay.sentences[self.lay.sent_of[i] as usize].end;
        let words_on =
            (end..(end + 24).min(s_end)).filter(|k| self.toks[*k].kind != TokKind::Sym && !self.in_date(*k));
        if !needs.is_empty() && !words_on.take(10).any(needed) && !self.inverted(i, end) {
            return false;
        }
        // `By the directorate's count,` opens its clause and names the count at once.
        if cue.forms == "by" && !self.count_opens_clause(i, end, needed) {
            return false;
        }
        // `recorded 14 people killed`, not inside what another cue reports (`she said the clinic
        // had recorded 211 deaths`): cues are matched in order, so those before are known.
        if cue.figure_next {
            let k = if self.exact_in(end, &self.t.determiners) { end + 1 } else { end };
            let body = self.lay.sentences[self.lay.sent_of[i] as usize].body;
            // Nor in a quotation, which its speaker owns (`"We counted 31 bodies," said X`): an
            // odd number of quotation marks before it in the sentence.
            let quoted =
                (body.max(i.saturating_sub(40))..i).filter(|j| self.is_quote_mark(*j)).count() % 2 == 1;
            // `The camp has registered 3,450 arrivals, the administration said`: a verb of
            // saying after a comma owns the count.
            // Not a pronoun (`it said in a statement`): that is the same speaker.
            let said_after = (end..s_end).any(|j| {
                self.sym(j, ",")
                    && !self.exact_in(j + 1, &self.t.pronouns)
                    && (j + 2..(j + 16).min(s_end)).any(|c| self.said_at(c))
            });
            if !self.in_figure(k)
                || self.lay.sent_of[k] != self.lay.sent_of[i]
                || said_after
                || quoted
                || (body.max(i.saturating_sub(40))..i).any(|j| self.cue_at[j].is_some())
            {
                return false;
            }
        }
        // `the militia, which residents accuse of looting`: an object relative names the accused
        // (the antecedent), and its subject states nothing the sentence reports.
        if cue.accuse && (i.saturating_sub(4)..i).any(|k| matches!(self.word(k), Some("which" | "whom"))) {
            return false;
        }
        let breakdown = cue.family == Family::Frame && self.phrase_at(end, &self.t.breakdown_keys).is_some();
        if breakdown || self.denied_object(i) || self.feminine_adjective(i, cue) {
            return false;
        }
        // `quoted X as saying`: the relay carries the attribution.
        if prev.is_some_and(|p| self.word(p) == Some("as")) && cue.participle {
            return false;
        }
        // بحسب ما أفاد X / according to what X said: the verb carries the attribution.
        if cue.family == Family::Frame
            && matches!(self.word(end), Some("ما" | "what"))
            && (end + 1..end + 3).any(|k| self.match_cue_plain(k))
        {
            return false;
        }
        true
    }

    /// `Karval accounted for 12 of the deaths, the report found, 9 of them ...`: a verb set off
    /// after its subject between a comma and a comma or a full stop reports what came before,
    /// whatever it needs elsewhere (`found that`).
    fn inverted(&self, i: usize, end: usize) -> bool {
        let closes = matches!(
            self.toks.get(end).map(|t| (t.kind, t.norm.as_str())),
            Some((TokKind::Sym, "," | "." | ";"))
        );
        let Some(comma) = (i.saturating_sub(7)..i).rev().find(|k| self.sym(*k, ",")) else { return false };
        closes
            && comma + 1 < i
            && (comma + 1..i).all(|k| self.toks[k].kind == TokKind::Word || self.sym(k, "'"))
            && (self.exact_in(comma + 1, &self.t.determiners) || self.upper(comma + 1))
    }

    /// The first word of a name in guillemets, not a verb: right after a verb (`أحصى «سجل أمن
    /// العاملين الإنسانيين»`), or opening a short name that is no speech (`غير أن «سجلّ ضحايا
    /// زيرافان» أعلن`).
    fn names_in_guillemets(&self, i: usize, end: usize) -> bool {
        let prev = i.checked_sub(1);
        // `أحصى «سجل أمن العاملين الإنسانيين»`: the first word of a name in guillemets right
        // after a verb is its subject, not a verb.
        if prev.is_some_and(|p| {
            self.is_quote_mark(p) && p > 0 && self.cue_at[p - 1].is_some_and(|(_, e)| e == p)
        }) && (i + 1..(i + 10).min(self.toks.len())).any(|k| self.is_quote_mark(k))
        {
            return true;
        }
        // `غير أن «سجلّ ضحايا زيرافان» أعلن`: the first word of a short name in guillemets (no
        // speech) is a name's, not a verb.
        let quotes = &self.lay.quotes;
        let q = quotes.partition_point(|q| q.open + 1 < i);
        if prev.is_some_and(|p| self.is_quote_mark(p))
            && quotes.get(q).is_some_and(|q| q.open + 1 == i && !q.speech && q.close > end)
            && self.word(i).is_some_and(is_arabic)
        {
            return true;
        }
        false
    }

    /// `By the directorate's count,`, `by its own tally`: `by` opens the sentence or follows a
    /// comma, and the count follows within six tokens of words and possessive marks.
    fn count_opens_clause(&self, i: usize, end: usize, needed: impl Fn(usize) -> bool) -> bool {
        let opens = i == self.lay.sentences[self.lay.sent_of[i] as usize].body || self.sym(i - 1, ",");
        opens
            && (end..(end + 6).min(self.toks.len()))
                .take_while(|k| self.toks[*k].kind == TokKind::Word || self.sym(*k, "'"))
                .any(needed)
    }

    /// A cue word at k, without the checks that need the cue table of the neighbours.
    /// A plain verb of saying: said, says, told, قال.
    fn said_at(&self, k: usize) -> bool {
        matches!(self.word(k), Some("said" | "says" | "told" | "added" | "reported"))
    }

    fn match_cue_plain(&self, k: usize) -> bool {
        self.word(k).is_some_and(|w| Self::cue_forms(w).iter().any(|f| self.t.cues.contains_key(*f)))
    }

    fn finite_cue(&self, k: usize) -> bool {
        self.cue_at[k].is_some_and(|(c, _)| !c.participle)
    }

    fn complementizer(&self, k: usize) -> bool {
        self.exact_in(k, &self.t.complementizers)
    }

    /// A recipient after a verb: `لـ«الأخبار»`, `لوكالة أنباء`, `للصحيفة`. Returns its end.
    fn recipient_at(&self, k: usize) -> Option<usize> {
        let w = self.word(k)?;
        if !is_arabic(w) {
            return None;
        }
        if w == "ل" {
            // لـ«صوت المدى»: up to the closing mark, or one word.
            if self.is_quote_mark(k + 1) {
                let mut j = k + 2;
                while j < self.toks.len() && j < k + 8 && !self.is_quote_mark(j) {
                    j += 1;
                }
                return Some((j + 1).min(self.toks.len()));
            }
            return Some(k + 2);
        }
        // `قال لنا`, `كشف لإخوتنا`: a pronoun, or a noun with one, told is never the speaker.
        if matches!(w, "لنا" | "لي" | "له" | "لها" | "لهم" | "لهن" | "لكم")
            // ل before a noun that opens with a hamza (`لإخوتنا`): a noun whose own first letter
            // is ل (`لجنتنا`, `لجانهم`) is no recipient.
            || w.strip_prefix('ل').is_some_and(|r| {
                r.starts_with('ا') && r.chars().count() >= 4 && ["نا", "هم", "كم"].iter().any(|p| r.ends_with(p))
            })
        {
            return Some(k + 1);
        }
        let rest = w.strip_prefix("لل").or_else(|| w.strip_prefix('ل'))?;
        if self.t.recipient_nouns.contains(rest) || self.t.recipient_nouns.contains(&format!("ا{rest}")) {
            // The recipient's name: up to the next stop.
            let mut j = k + 1;
            while j < self.toks.len() && j < k + 5 && self.word(j).is_some() && !self.complementizer(j) {
                j += 1;
            }
            return Some(j);
        }
        None
    }

    /// A manner phrase: `في بيان`, `في بيانها`, `في اتصال هاتفي`, `in a statement`, `in its
    /// daily bulletin` (in or at, a determiner, up to two lowercase words, a manner noun).
    /// Returns its end.
    fn manner_at(&self, k: usize) -> Option<usize> {
        if self.word(k) == Some("في") && self.in_set(k + 1, &self.t.manner_nouns) {
            // `في بيانها الأخير`: after a possessive, a definite word is an adjective of the noun.
            // As written: ة also normalises to ه (`في رسالة الوزارة` holds no possessive).
            let typed = self.toks.get(k + 1).map_or("", |t| &self.text[t.start..t.end]);
            let possessed = ["ه", "ها", "هم"].iter().any(|p| typed.ends_with(p));
            let adjective = |j: usize| self.word(j).is_some_and(|w| w.starts_with("ال") && is_arabic(w));
            let mut j = k + 2;
            while possessed && j < k + 4 && adjective(j) {
                j += 1;
            }
            // `في مؤتمر صحفي`, `في اتصال هاتفي`: an indefinite adjective of the noun.
            let nisba = |j: usize| {
                self.word(j).is_some_and(|w| is_arabic(w) && !w.starts_with("ال") && w.ends_with('ي'))
                    && !self.in_set(j, &self.t.source_nouns)
            };
            if !possessed && nisba(j) {
                j += 1;
            }
            return Some(j);
        }
        if matches!(self.word(k), Some("in" | "at")) && self.exact_in(k + 1, &self.t.determiners) {
            for j in k + 2..k + 5 {
                if self.word(j).is_none() || self.upper(j) {
                    break;
                }
                if self.exact_in(j, &self.t.manner_nouns) {
                    return Some(j + 1);
                }
            }
        }
        self.phrase_at(k, &self.t.manner_phrases)
    }

    /// Skips dates, recipients, manner phrases and adverbs after a verb.
    fn skip_after_cue(&self, mut k: usize, end: usize, frame: bool) -> usize {
        loop {
            if k >= end {
                return k;
            }
            if self.in_date(k) {
                while k < end && self.in_date(k) {
                    k += 1;
                }
                continue;
            }
            // After a frame, لـ belongs to it (`وفقاً لوكالة الأنباء`): no recipient follows.
            let recipient = if frame { None } else { self.recipient_at(k) };
            if let Some(j) = recipient.or_else(|| self.manner_at(k)) {
                k = j;
                continue;
            }
            // `وفق آخر حصيلة أعلنتها المديرية`: after a frame, the latest (after a verb, `قال
            // آخر` is another speaker).
            if self.exact_in(k, &self.t.skip_after_cue) || (frame && self.word(k) == Some("اخر")) {
                k += 1;
                continue;
            }
            return k;
        }
    }

    fn word_count(&self, a: usize, b: usize) -> usize {
        self.toks[a..b].iter().filter(|t| t.kind != TokKind::Sym).count()
    }

    fn has_source_noun(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| self.in_set(k, &self.t.source_nouns))
    }

    /// Trims punctuation and small words from both ends of a phrase.
    fn trim(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        loop {
            if a >= b {
                return None;
            }
            let t = &self.toks[a];
            let opening_mark = t.kind == TokKind::Sym
                && t.norm == "\""
                && matches!(self.text[t.start..].chars().next(), Some('«' | '“' | '"' | '„'))
                && (a + 1..b).any(|k| self.is_quote_mark(k));
            if (t.kind == TokKind::Sym && !opening_mark)
                || self.exact_in(a, &self.t.trim_start)
                || self.in_set(a, &self.t.adverbs)
                || (a + 1 < b && self.in_set(a, &self.t.continuing_verbs))
            {
                a += 1;
                continue;
            }
            break;
        }
        loop {
            if a >= b {
                return None;
            }
            let t = &self.toks[b - 1];
            let closing_mark = t.kind == TokKind::Sym
                && (t.norm == ")" || (t.norm == "\"" && (a..b - 1).any(|k| self.is_quote_mark(k))));
            // `Karval Now`: a capitalised word after a capitalised word ends a name.
            let in_name = b - 1 > a && self.upper(b - 1) && self.upper(b - 2);
            // `The government has long maintained`: `long` after an auxiliary is an adverb.
            let adverb_long = b - 1 > a
                && self.word(b - 1) == Some("long")
                && !self.upper(b - 1)
                && matches!(self.word(b - 2), Some("has" | "have" | "had"));
            if (t.kind == TokKind::Sym && !closing_mark)
                || adverb_long
                || (!in_name
                    && (self.exact_in(b - 1, &self.t.trim_end) || self.in_set(b - 1, &self.t.adverbs)))
            {
                b -= 1;
                continue;
            }
            break;
        }
        Some((a, b))
    }

    /// A name in guillemets runs to its closing mark (`أحصى «فريق توثيق الفرات» مقتل`): the
    /// closing mark's token. Right after a verb of counting, guillemets hold a name, never speech
    /// (`أحصى «سجل أمن العاملين الإنسانيين» خطف 45`), unless they open on a figure.
    fn guillemet_name(&self, j: usize, start: usize, end: usize, cue: &Cue) -> Option<usize> {
        let opening = matches!(self.text[self.toks[j].start..].chars().next(), Some('«' | '“'));
        if !(opening && (!self.opens_speech(j) || (j == start && cue.family == Family::Estimate))) {
            return None;
        }
        // `سجّلت «ما يزيد على 900 حالة اشتباه»`: guillemets that open on a figure quote what
        // was counted, not who counted it.
        if self.in_figure(j + 1) {
            return None;
        }
        (j + 1..(j + 10).min(end)).find(|k| self.is_quote_mark(*k))
    }

    /// The source phrase after a cue, from token `k`: returns the phrase and the end of the
    /// attribution region.
    /// `نفت قيادة خفر السواحل «بشكل قاطع» أي اعتداء`: how a thing was said (a quoted manner
    /// too) ends the speaker before it.
    fn says_how(&self, j: usize) -> bool {
        let manner = |k: usize| matches!(self.word(k), Some("بشكل" | "بصوره"));
        manner(j) || (self.is_quote_mark(j) && manner(j + 1))
    }

    /// Arabic words that end a source phrase after the verb: what is told (`content_nouns`), a
    /// scene's preposition, an object before a figure.
    fn ends_arabic_speaker(&self, j: usize) -> bool {
        self.in_set(j, &self.t.content_nouns)
            || self.exact_in(j, &self.t.scene_prepositions)
            || self.object_before_figure(j)
    }

    fn after_phrase(&self, k: usize, end: usize, cue: &Cue) -> (Option<(usize, usize)>, usize) {
        let arabic = self.word(k.saturating_sub(1)).is_some_and(is_arabic);
        let object = cue.object.map(|o| self.t.objects[o].as_str());
        let start = self.skip_after_cue(k, end, cue.family == Family::Frame);
        let mut j = start;
        let mut words = 0usize;
        while j < end && words < 14 && j < start + 40 {
            let t = &self.toks[j];
            if words > 0 && self.says_how(j) {
                break;
            }
            if let Some(c) = self.guillemet_name(j, start, end, cue) {
                words += self.word_count(j, c + 1);
                j = c + 1;
                continue;
            }
            if t.kind == TokKind::Sym {
                match t.norm.as_str() {
                    ";" | ":" | "?" | "!" => break,
                    // `the directorate's records`: the owner of the document speaks.
                    "'" if self.word(j + 1) == Some("s") && self.in_set(j + 2, &self.t.document_nouns) => {
                        break
                    }
                    "." if self.toks.get(j + 1).is_none_or(|n| n.space_before) && j + 1 >= end => break,
                    "\"" if words > 0 && self.lay.quote_of[j] != NONE && self.opens_speech(j) => break,
                    "," if !self.apposition_follows(j + 1, end, arabic) => break,
                    "," if arabic && words > 0 && self.named_then_described(start, j) => break,
                    // `وقالت المتحدثة باسم المكتب، مارتا إيلفس، خلال الإحاطة`: a preposition after
                    // the apposition says when or where, not who.
                    "," if arabic && words > 0 && self.exact_in(j + 1, &self.t.prepositions) => break,
                    _ => {}
                }
                j += 1;
                continue;
            }
            // A count of speakers opens the phrase: `according to two local rights groups`.
            if words == 0 && self.in_figure(j) && self.counts_speakers(j) {
                while j < end && self.in_figure(j) {
                    words += 1;
                    j += 1;
                }
                continue;
            }
            // A figure that begins on a word skipped after the cue (`وتحدث بعده مدير الصحة`,
            // where `بعده` may be read as a number) is no figure of the phrase.
            let spilled = start > k
                && self.fig_at.get(start - 1).is_some_and(|f| *f != NONE && Some(f) == self.fig_at.get(j));
            let stop = self.complementizer(j)
                || (self.in_figure(j) && !self.age_at(j) && !spilled)
                || (words > 0 && self.in_date(j))
                || (j > start
                    && self.cue_at[j].is_some()
                    && !(self.exact_in(j, &self.t.document_links)
                        && self.in_set(j - 1, &self.t.document_nouns)))
                || (words > 0 && self.exact_in(j, &self.t.description_openers))
                || (words > 0 && self.recipient_at(j).is_some())
                || (words > 0
                    && self.manner_at(j).is_some()
                    && !self.word(j - 1).is_some_and(|w| w.ends_with("ed")))
                || (words > 0 && arabic && (self.ends_arabic_speaker(j) || self.word(j) == Some("ما")))
                || (cue.family == Family::Relay && matches!(self.word(j), Some("as")))
                // `compiled by the village council and read out at the funeral`: a second verb.
                || (words > 0 && self.word(j) == Some("and") && self.second_verb(j + 1))
                // The word a cue needs is its object (`أصدر «المرصد» تقريره`, `رفعت X حصيلة`).
                || (words > 0 && cue.family != Family::Relay && self.in_set(j, &self.t.needs[&cue_key(cue)]))
                || object.is_some_and(|o| self.object_at(j, o, words));
            if stop {
                break;
            }
            words += 1;
            j += 1;
        }
        let phrase = self.trim(start, j);
        let phrase_end = phrase.map(|p| p.1).unwrap_or(start);
        // The region runs on to the word that opens the claim, over a description of the source.
        let mut region_end = phrase_end.max(k);
        let mut m = phrase_end;
        while m < end && m < phrase_end + 16 {
            if self.complementizer(m) || (cue.family == Family::Relay && self.word(m) == Some("as")) {
                region_end = m + 1;
                if self.word(m) == Some("as") && self.word(m + 1) == Some("saying") {
                    region_end = m + 2;
                }
                break;
            }
            if self.in_figure(m) && !arabic
                || arabic && self.in_set(m, &self.t.content_nouns)
                || object.is_some_and(|o| self.object_at(m, o, 1))
                || self.cue_at[m].is_some()
                || self.sym(m, ".")
                || self.sym(m, ";")
                || self.opens_speech(m)
            {
                break;
            }
            m += 1;
        }
        (phrase, region_end)
    }

    /// A lowercase English verb form at `k` (`read`, `posted`, `sent`): after `and`, a second verb
    /// of the clause, not a word of a name.
    fn second_verb(&self, k: usize) -> bool {
        let Some(w) = self.word(k).filter(|w| w.is_ascii() && !self.upper(k)) else { return false };
        (w.ends_with("ed") && w.len() > 4)
            || matches!(
                w,
                "read" | "sent" | "made" | "put" | "given" | "shown" | "written" | "held" | "told" | "said"
            )
    }

    /// An indefinite noun after a definite one and right before a figure opens what the cue
    /// reports, not the speaker's name: `ووثّق المركز أسماء 35 ضحية`, `وأكدت الجمعية وفاة
    /// طفلين`, `عائلات المنطقة تضم أسماء 37 قتيلاً`. (A name in apposition is followed by more
    /// name, not by a count.)
    fn object_before_figure(&self, j: usize) -> bool {
        // With the article, also behind a clitic (`للجيش`, `بالمدينة`, `والمرصد`).
        // (Not `والد`, `بالغ`, `فالح`: four letters are a word of their own.)
        let article = |w: &str| {
            w.starts_with("ال")
                || w.starts_with("لل")
                || ["بال", "وال", "فال", "كال"].iter().any(|p| w.starts_with(p)) && w.chars().count() > 4
        };
        let definite = |k: usize| {
            self.word(k).is_some_and(article) || (self.toks[k].kind == TokKind::Sym && self.is_quote_mark(k))
        };
        let indefinite =
            |k: usize| self.word(k).is_some_and(|w| is_arabic(w) && !article(w)) && !self.in_figure(k);
        // A verb and its object may come first: `عائلات المنطقة تضم أسماء 37 قتيلاً`.
        j > 0
            && indefinite(j)
            && definite(j - 1)
            && (self.in_figure(j + 1)
                || (indefinite(j + 1)
                    && !self.complementizer(j + 1)
                    && self.cue_at[j + 1].is_none()
                    && self.in_figure(j + 2)))
    }

    /// A figure that counts speakers at the start of a source phrase: `according to two local
    /// rights groups`, `بحسب ثلاثة شهود` (a source noun within three words after it).
    fn counts_speakers(&self, j: usize) -> bool {
        let mut e = j;
        while self.in_figure(e) {
            e += 1;
        }
        // The counted noun may be read into the figure (`اثنتا عشرة منظمة إغاثية`).
        (j + 1..e + 3).any(|k| self.in_set(k, &self.t.source_nouns))
    }

    /// A bare number between commas after a name: an age (`Samir Khalil, 52, a seller`).
    fn age_at(&self, j: usize) -> bool {
        self.toks.get(j).is_some_and(|t| t.kind == TokKind::Num)
            && j > 0
            && self.sym(j - 1, ",")
            && self
                .toks
                .get(j + 1)
                .is_none_or(|n| n.kind == TokKind::Sym && matches!(n.norm.as_str(), "," | "." | ")"))
    }

    /// Does a speech quotation open at token j? (The innermost speech quotation holding its
    /// opening mark is the one that opens there.)
    fn opens_speech(&self, j: usize) -> bool {
        let q = self.lay.quote_of.get(j).copied().unwrap_or(NONE);
        self.is_quote_mark(j) && q != NONE && self.lay.quotes[q as usize].open == j
    }

    fn object_at(&self, j: usize, object: &str, words: usize) -> bool {
        let Some(w) = self.word(j) else { return false };
        if object == "ب" {
            return words > 0 && w.starts_with('ب') && !self.in_set(j, &self.t.source_nouns);
        }
        w == object
    }

    /// After a comma inside a source phrase: does the phrase go on (`X, a spokesman for Y`,
    /// `Samir Khalil, 52,`, `منسّقة الشؤون الإنسانية، هالة مرعي`)?
    /// An Arabic name written first and then described after a comma (`العميد كريم اسطفان،
    /// المسؤول عن وحدات الهندسة`, `«كتائب دبرة الحرة»، الفصيل المسلح في حي التل`): the name is
    /// the speaker, the description is not part of it. (An office written first keeps the name
    /// after it: `مدير المخيم، أحمد سولي`.)
    fn named_then_described(&self, start: usize, comma: usize) -> bool {
        // A kunya is a name: `أم رامي، الأرملة التي تبيع البيض`.
        let titled = self.exact_in(start, &self.t.titles) || matches!(self.word(start), Some("ام" | "ابو"));
        let quoted = comma > start && self.is_quote_mark(comma - 1);
        let described = self.word(comma + 1).is_some_and(|w| w.starts_with("ال") && is_arabic(w))
            && !self.exact_in(comma + 1, &self.t.titles);
        // `حمد الشمري، ممثل الوافدين من قرية أم سرّ`: a name of two or three words that is no
        // office, then an office.
        let office = |k: usize| self.exact_in(k, &self.t.arabic_offices);
        let bare_name = (2..=3).contains(&self.word_count(start, comma))
            && (start..comma).all(|k| self.word(k).is_some_and(is_arabic))
            && self.word(start).is_some_and(|w| !w.starts_with("ال") && !w.starts_with('و'))
            && !office(start)
            && !self.in_set(start, &self.t.source_nouns)
            && !self.in_set(start, &self.t.generic_heads);
        // `المحامي نبهان الصالح، عضو هيئة الدفاع`: a titled name, then an office.
        ((titled || quoted) && (described || office(comma + 1))) || (bare_name && office(comma + 1))
    }

    fn apposition_follows(&self, j: usize, end: usize, arabic: bool) -> bool {
        if j >= end {
            return false;
        }
        let t = &self.toks[j];
        if self.complementizer(j)
            || self.cue_at[j].is_some()
            || self.exact_in(j, &self.t.description_openers)
            || self.recipient_at(j).is_some()
            || self.manner_at(j).is_some()
            || self.in_date(j)
            || self.exact_in(j, &self.t.clause_openers)
        {
            return false;
        }
        if arabic {
            // A circumstantial participle (مفضّلاً عدم ذكر اسمه، مشيراً إلى) ends the name; a
            // name in apposition is short and closed by a comma or what opens the claim
            // (`، هالة مرعي، في بيان`, `، أبو عمر الحلبي، أنّ`).
            // `شاهد عيان يدعى أبو علي، يعمل في محل مجاور`: where the speaker works describes them.
            if (t.kind == TokKind::Word && t.tanween)
                || matches!(self.word(j), Some("يعمل" | "تعمل" | "يعملون"))
            {
                return false;
            }
            let mut words = 0;
            for k in j..end.min(j + 8) {
                // A count is no part of a name (`ووفق سجلات المديرية، خرج أربعة من أفرادها`).
                if self.in_figure(k) && !self.age_at(k) {
                    return false;
                }
                if self.toks[k].is_sym(",")
                    || self.complementizer(k)
                    || self.recipient_at(k).is_some()
                    || self.manner_at(k).is_some()
                {
                    return words > 0;
                }
                if self.toks[k].kind != TokKind::Sym {
                    words += 1;
                }
            }
            // `، وفق مديرها، الأستاذ ناصر القبّاني.`: a name in apposition may end the sentence.
            return end <= j + 8 && (1..=5).contains(&words);
        }
        self.age_at(j)
            || matches!(self.word(j), Some("a" | "an" | "the" | "one"))
            || (t.kind == TokKind::Word && t.upper && !self.in_figure(j))
    }

    /// Comma-separated chunks before a cue, nearest first, back to the start of the clause.
    fn chunks_before(&self, cue: usize, floor: usize) -> Vec<(usize, usize)> {
        // `X, speaking on condition of anonymity because ..., said`: the aside may hold a
        // clause of its own, so clause openers do not end the scan there.
        let aside = cue > 0 && self.sym(cue - 1, ",");
        let mut chunks = Vec::new();
        let mut chunk_end = cue;
        let mut j = cue;
        let lowest = floor.max(cue.saturating_sub(40));
        while j > lowest {
            let k = j - 1;
            let t = &self.toks[k];
            let speech_mark = self.is_quote_mark(k) && self.lay.quote_of[k] != NONE;
            let stop = (t.kind == TokKind::Sym && matches!(t.norm.as_str(), ";" | ":" | "?" | "!"))
                || speech_mark
                || self.ends_clock_time(k)
                || (self.in_date(k) && !aside)
                || (self.finite_cue(k) && !self.in_relative(k))
                || (self.complementizer(k) && self.word(k).is_some_and(is_arabic))
                // `has since put the toll at`: an adverb right before the verb opens no clause.
                || (!aside && self.exact_in(k, &self.t.clause_openers) && k + 1 != cue);
            if stop {
                break;
            }
            if t.is_sym(",") {
                chunks.push((k + 1, chunk_end));
                chunk_end = k;
            }
            j = k;
        }
        chunks.push((j, chunk_end));
        chunks
    }

    /// Words `a..b` are only a connective (`meanwhile`, `however`, `for its part`).
    fn only_connective(&self, a: usize, b: usize) -> bool {
        let words: Vec<&str> = (a..b).filter_map(|k| self.word(k)).collect();
        !words.is_empty()
            && words.len() == b - a
            && super::cues::CONNECTIVE_ASIDES.iter().any(|c| c.split(' ').eq(words.iter().copied()))
    }

    /// The last word of a clock time (`At 1:15 p.m. the hospital ...`, `by 10 am`): the speaker
    /// comes after it, never before.
    fn ends_clock_time(&self, k: usize) -> bool {
        let after_number = |j: usize| j > 0 && self.toks[j - 1].kind == TokKind::Num;
        match self.word(k) {
            Some("m") => k >= 2 && self.sym(k - 1, ".") && matches!(self.word(k - 2), Some("a" | "p")),
            Some("am" | "pm" | "gmt") => after_number(k),
            _ => false,
        }
    }

    /// An English verb in a relative clause after a comma (`The Front, which claimed the attack
    /// in a statement, said`): an aside about the subject, which a scan back passes over.
    fn in_relative(&self, k: usize) -> bool {
        k >= 2
            && matches!(self.word(k - 1), Some("which" | "who"))
            && self.sym(k - 2, ",")
            && self.word(k).is_some_and(|w| w.is_ascii())
    }

    fn starts_parenthetical(&self, a: usize, b: usize) -> bool {
        let Some(first) = (a..b).find(|k| self.toks[*k].kind == TokKind::Word) else { return true };
        let w = self.word(first).unwrap_or("");
        // A relative clause describes the speaker (`who runs the town's only field hospital`,
        // `who asked not to be named`); `subject_before_comma` keeps one that gives the name.
        if matches!(w, "who" | "which" | "whose" | "where" | "according" | "citing" | "quoted") {
            return true;
        }
        // A participle with its agent: `run by a coalition of charities`, `led by ...`.
        if w.is_ascii() && !self.upper(first) && self.word(first + 1) == Some("by") {
            return true;
        }
        if self.manner_at(first).is_some() {
            return true;
        }
        // A participle phrase: speaking on condition ..., formed in 2015 ..., based in ...; not
        // one that describes the name after it (`retired Col. Riad Mansour`, `acting Gov. X`).
        w.is_ascii()
            && !self.upper(first)
            && w.len() > 4
            && (w.ends_with("ing") || w.ends_with("ed"))
            && !self.upper(first + 1)
    }

    /// `before_phrase` in Arabic, from the chunks before the verb (nearest first).
    fn before_phrase_arabic(
        &self,
        mut chunks: Vec<(usize, usize)>,
        cue: usize,
        floor: usize,
    ) -> Option<(usize, usize)> {
        // `«المرصد الدولي»، ومقره لندن، أكد`: an aside that describes the speaker (`ومقرّه`,
        // `وهو`, `مفضّلاً`; not a relative clause, whose verb may be the cue's own subject) is
        // passed over to the name before it.
        let aside = |(a, _): (usize, usize)| {
            self.exact_in(a, &self.t.description_openers) && !self.exact_in(a, &self.t.relatives)
        };
        let lead = usize::from(chunks[0].0 >= chunks[0].1);
        // `«هيئة الدفاع»، التي تضم نحو 90 محامياً، قالت`: a relative clause closed by a comma
        // right before the verb describes the subject before it.
        // Not before a verb joined by و (`…، التي تتهمها الحكومة …، وأعلن`): it shares the
        // subject of the verb before.
        let joined = self.word(cue).is_some_and(|w| w.starts_with('و') || w.starts_with('ف'));
        let closed_relative =
            lead == 1 && !joined && chunks.get(1).is_some_and(|c| self.exact_in(c.0, &self.t.relatives));
        if chunks.len() > lead + 1 && (aside(chunks[lead]) || closed_relative) {
            chunks.drain(..=lead);
        } else if let Some(topic) = self.topic_before_fa(&chunks, cue) {
            return Some(topic);
        }
        let (a, b) = chunks[0];
        let Some(noun) = (a..b).find(|k| self.in_set(*k, &self.t.source_nouns)) else {
            return self.named_subject(a, b, cue, floor);
        };
        let mut s = noun;
        while s > a && (self.is_quote_mark(s - 1) || self.in_set(s - 1, &self.t.source_nouns)) {
            s -= 1;
        }
        // `بيد أن «نقابة الأطباء» قالت`: a noun inside guillemets starts at their opening mark.
        let closing = (s..b)
            .find(|k| self.is_quote_mark(*k))
            .is_some_and(|q| matches!(self.text[self.toks[q].start..].chars().next(), Some('»' | '”')));
        if closing {
            if let Some(open) = (a..s).rev().find(|k| self.is_quote_mark(*k)) {
                s = open;
            }
        }
        self.trim(s, b)
    }

    /// The source phrase before a cue.
    fn before_phrase(&self, cue: usize, floor: usize) -> Option<(usize, usize)> {
        let arabic = self.word(cue).is_some_and(is_arabic);
        // `The health ministry last year said`, `The army on Monday said`: a date between the
        // subject and its verb is passed over.
        let mut c = cue;
        while !arabic && c > floor && self.in_date(c - 1) {
            c -= 1;
        }
        for _ in 0..2 {
            if c < cue && c > floor && matches!(self.word(c - 1), Some("on" | "in" | "late" | "early")) {
                c -= 1;
            }
        }
        let number_before = (c.saturating_sub(3)..c).any(|k| self.toks[k].kind == TokKind::Num);
        let cue = if c < cue && c > floor && self.toks[c - 1].kind == TokKind::Word && !number_before {
            c
        } else {
            cue
        };
        // `A second post, late on Tuesday, listed`: a chunk that is only a date is an aside.
        let mut chunks = self.chunks_before(cue, floor);
        if chunks.len() > 1 {
            chunks.retain(|c| !self.only_a_date(*c));
        }
        if chunks.is_empty() {
            return None;
        }
        if arabic {
            return self.before_phrase_arabic(chunks, cue, floor);
        }
        // `Armand told reporters the commission had confirmed`: who was told is no subject.
        chunks[0].0 = self.after_recipient(chunks[0].0, chunks[0].1);
        let (a0, b0) = chunks[0];
        // `... and claimed that`: a verb joined to an earlier one shares its subject.
        // `... and had tallied`: past auxiliaries and adverbs.
        let mut e = b0;
        while e > a0 && self.exact_in(e - 1, &self.t.trim_end) && !matches!(self.word(e - 1), Some("and")) {
            e -= 1;
        }
        if e > a0 && matches!(self.word(e - 1), Some("and" | "but" | "or")) {
            return None;
        }
        if let Some(antecedent) = self.relative_subject(&chunks, cue) {
            return antecedent;
        }
        if let Some((a, b)) = self.trim(a0, b0) {
            // `A military source quoted by the state news agency denied`: the name ends
            // before the participle or relative clause.
            let (a, b) = self.trim(a, self.name_end(a, b))?;
            // `Haddad then returned to the microphone to say`: the subject of an infinitive of
            // saying is the name that opens its clause.
            let b = if cue > 0 && self.word(cue - 1) == Some("to") && self.upper(a) {
                (a + 1..b)
                    .find(|k| {
                        self.toks[*k].kind == TokKind::Word
                            && !self.upper(*k)
                            && !self.exact_in(*k, &self.t.name_particles)
                    })
                    .unwrap_or(b)
            } else {
                b
            };
            let a = self.inner_subject(a, b);
            // `The authority's daily log shows`: the owner of the document speaks.
            let b = self.document_owner(a, b).unwrap_or(b);
            // `By midday it put the toll at 19`, `whom they`: a subject pronoun right before the
            // verb is the subject, and what comes before it is no speaker.
            // `a criminal gang that he said had kidnapped`: so after a relative pronoun too.
            let relative_before = b > a + 2 && matches!(self.word(b - 2), Some("that" | "which" | "whom"));
            if b > a + 1
                && matches!(self.word(b - 1), Some("he" | "she" | "it" | "they" | "we"))
                && (relative_before
                    || !(a..b - 1).any(|k| matches!(self.word(k), Some("that" | "which" | "who"))))
            {
                return Some((b - 1, b));
            }
            return (self.word_count(a, b) <= 16).then_some((a, b));
        }
        self.subject_before_comma(&chunks[1..]).or_else(|| {
            // Only asides before the verb: the nearest one is the speaker as written.
            let (a1, b1) = *chunks.get(1)?;
            self.trim(a1, b1)
        })
    }

    /// `أما مفوّض الإغاثة، الطبيب حسن القدسي، فقال`: the topic of `أما` set off by commas before
    /// a verb opened with ف (`فقال`, `فكان قد أكد`) is the subject: an office and the name after
    /// it, or the name before a relative clause (`أما الأسود، الذي دفع ببراءته، فكان قد أكد`).
    fn topic_before_fa(&self, chunks: &[(usize, usize)], cue: usize) -> Option<(usize, usize)> {
        let (a0, b0) = chunks[0];
        let auxiliary =
            |k: usize| matches!(self.word(k), Some("فكان" | "فكانت" | "فقد" | "قد" | "كان" | "كانت"));
        let fa = self.word(cue).is_some_and(|w| w.starts_with('ف'))
            || self.word(a0).is_some_and(|w| w.starts_with('ف'));
        if chunks.len() < 3 || !fa || !(a0..b0).all(|k| self.toks[k].kind != TokKind::Word || auxiliary(k)) {
            return None;
        }
        let (a1, b1) = chunks[1];
        let (a2, b2) = chunks[2];
        if !matches!(self.word(a2), Some("اما" | "واما")) {
            return None;
        }
        let topic = self.trim(a2 + 1, b2)?;
        if self.exact_in(a1, &self.t.relatives) || self.named_then_described(topic.0, b2) {
            return Some(topic);
        }
        (self.word_count(a2, b1) <= 12).then(|| self.trim(a2, b1)).flatten()
    }

    /// Where the words after `told` (no `that`) stop naming who was told: past a capitalised name
    /// (`told Wren Wire`, `told The Daily Courier`) or lowercase words up to the next determiner
    /// or capital (`told reporters`, `told the agency`). `a` itself when `a` follows no `told`.
    fn after_recipient(&self, a: usize, b: usize) -> usize {
        if a == 0 || !matches!(self.word(a - 1), Some("told" | "tells")) {
            return a;
        }
        let det = |k: usize| matches!(self.word(k), Some("the" | "a" | "an"));
        let mut k = a;
        if det(k) {
            k += 1;
        }
        if k < b && self.upper(k) {
            let particle = |k: usize| self.exact_in(k, &self.t.name_particles) && self.upper(k + 1);
            while k < b && (self.upper(k) || (particle(k) && !det(k))) {
                k += 1;
            }
        } else {
            // `told reporters on Tuesday the army had`: a date is passed over.
            while k < b
                && ((self.toks[k].kind == TokKind::Word && !det(k) && !self.upper(k)) || self.in_date(k))
            {
                k += 1;
            }
        }
        if k < b && (det(k) || self.upper(k)) {
            k
        } else {
            a
        }
    }

    /// A chunk of words that is only a date and its prepositions (`late on Tuesday`).
    fn only_a_date(&self, (a, b): (usize, usize)) -> bool {
        let words = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word);
        (a..b).any(|k| self.in_date(k))
            && words.clone().all(|k| {
                self.in_date(k) || matches!(self.word(k), Some("on" | "in" | "at" | "late" | "early"))
            })
    }

    /// The subject of a reduced relative clause: `a figure the ministry rejected` is `the
    /// ministry` (a determiner after a lowercase noun opens a new noun phrase; not after a
    /// preposition, a conjunction or a quantifier: `a spokesman for the brigade`, `all the`).
    fn inner_subject(&self, a: usize, b: usize) -> usize {
        if !matches!(self.word(a), Some("the" | "a" | "an")) {
            return a;
        }
        let opens = |k: usize| {
            matches!(self.word(k), Some("the" | "a" | "an"))
                && self.word(k - 1).is_some_and(|w| !w.ends_with("ing") && !w.ends_with("ed"))
                && self.toks[k - 1].kind == TokKind::Word
                && !self.upper(k - 1)
                && self.word(k - 1).is_some_and(|w| w.is_ascii())
                && !self.exact_in(k - 1, &self.t.prepositions)
                && !self.exact_in(k - 1, &self.t.complement_openers)
                && !self.exact_in(k - 1, &self.t.determiners)
                && !self.exact_in(k - 1, &self.t.trim_end)
                && !self.exact_in(k - 1, &self.t.unnamed_openers)
                && !self.exact_in(k - 1, &self.t.be)
                && !matches!(self.word(k - 1), Some("and" | "or" | "all" | "half" | "s" | "than" | "as"))
        };
        (a + 2..b.min(a + 5)).find(|k| opens(*k)).unwrap_or(a)
    }

    /// The subject of an English verb in a relative clause (`X, which has found`, `Y, who put
    /// the number at`): Some(None) when the clause follows a source named after a frame
    /// (`according to the Justice Watch Network, an independent monitor, which has found`: the
    /// frame's source speaks, carried over), the noun phrase after the last preposition before
    /// the clause when it holds a source noun (`the testimonies of several survivors, who put
    /// ...`), else None (read the chunks as usual).
    fn relative_subject(&self, chunks: &[(usize, usize)], cue: usize) -> Option<Option<(usize, usize)>> {
        let (a0, b0) = chunks[0];
        let first = (a0..b0).find(|k| self.toks[*k].kind == TokKind::Word)?;
        if !matches!(self.word(first), Some("which" | "who")) || chunks.len() < 2 {
            return None;
        }
        let lowest = chunks.last().map_or(0, |c| c.0);
        let framed = lowest > 0
            && self.cue_at[lowest - 1]
                .is_some_and(|(c, _)| matches!(c.family, Family::Frame | Family::Relay));
        if framed && !(lowest..cue).any(|k| self.in_figure(k)) {
            return Some(None);
        }
        let (a1, b1) = chunks[1];
        let p = (a1..b1).rev().find(|k| self.exact_in(*k, &self.t.prepositions))?;
        self.has_source_noun(p + 1, b1).then(|| self.trim(p + 1, b1))
    }

    /// Where a name ends inside an English phrase: before a relative pronoun or a participle of
    /// relaying (`a pharmacist who returned last week`, `A military source quoted by ...`),
    /// unless the clause identifies a speaker the article does not name (`Two drivers who
    /// survived the attack`).
    fn name_end(&self, a: usize, b: usize) -> usize {
        let k = self.name_cut(a, b);
        if k < b && self.identifying_clause(a, k, b) {
            return b;
        }
        k
    }

    fn name_cut(&self, a: usize, b: usize) -> usize {
        (a + 1..b).find(|k| self.exact_in(*k, &self.t.name_enders)).unwrap_or(b)
    }

    /// Does a phrase name its speaker? A capitalised word that is not the opening determiner,
    /// number or source noun (`Mahmoud`, `Former detainee Khaled Mansour`; not `One man`, `Two
    /// drivers`, `The doctor`).
    fn names_someone(&self, a: usize, b: usize) -> bool {
        (a..b).any(|k| {
            let t = &self.toks[k];
            t.kind == TokKind::Word
                && t.upper
                && !(k == a
                    && (self.exact_in(k, &self.t.determiners)
                        || self.exact_in(k, &self.t.unnamed_openers)
                        || self.in_set(k, &self.t.source_nouns)))
        })
    }

    /// A `who` clause of a few words that identifies a speaker the article does not name (`Two
    /// drivers who survived the attack`, `One man, who was held for 11 days,`) is part of the
    /// source phrase; after a name (`Dr. Nabil Haddad, who runs ...`) or when it asks for
    /// anonymity (`who asked not to be named`) it is not.
    fn identifying_clause(&self, name: usize, who: usize, end: usize) -> bool {
        self.word(who) == Some("who")
            && !self.names_someone(name, who)
            && !self.anonymous(who, end)
            && self.word_count(who, end) <= 8
    }

    /// `who asked not to be named`, `who was not authorised to speak`.
    fn anonymous(&self, who: usize, end: usize) -> bool {
        (who + 1..end.min(who + 3)).any(|k| self.exact_in(k, &self.t.anonymity_verbs))
            || matches!(self.word(who + 2), Some("not" | "n"))
    }

    /// `X, Y, said`: the chunks between commas before the verb, nearest first. Asides (`who
    /// runs the hospital`, `speaking on condition of anonymity`, `run by a coalition`) and ages
    /// are passed over; the subject is the nearest noun phrase, with the one before it when
    /// nothing but an age stands between them and the verb (`The group's spokesman, Hamza
    /// al-Ali,`; `Mahmoud, 56, a pharmacist`). A `who` aside that gives a name keeps it (`A
    /// resident, who gave his name only as Omar,`); one that ends on the word (`The doctor, who
    /// gave only his first name, Samer,`) owns the name after it, and the subject is before.
    /// An unnamed speaker keeps the `who` clause that identifies it (`One man, who was held
    /// for 11 days,`).
    fn subject_before_comma(&self, chunks: &[(usize, usize)]) -> Option<(usize, usize)> {
        let mut span: Option<(usize, usize)> = None;
        let mut phrases = 0;
        let mut aside = false;
        // The `who` clause nearest the verb: (its first token, its end).
        let mut clause: Option<(usize, usize)> = None;
        for &(a, b) in chunks {
            // The first word before trimming: `who` and `which` are trimmed from names.
            let opener = (a..b).find(|k| self.toks[*k].kind == TokKind::Word);
            // A connective set off by commas (`The office, meanwhile, estimates`, `for its
            // part`) is passed over.
            if self.only_connective(a, b) {
                continue;
            }
            let Some((ta, tb)) = self.trim(a, b) else { break };
            // An age: `Mahmoud, 56, a pharmacist`.
            if tb == ta + 1 && self.toks[ta].kind == TokKind::Num {
                continue;
            }
            let who = opener.filter(|o| self.word(*o) == Some("who"));
            let naming = who.is_some_and(|o| !self.anonymous(o, tb))
                && (ta..tb).any(|k| self.exact_in(k, &self.t.naming_words));
            if naming && self.exact_in(tb - 1, &self.t.naming_words) {
                span = None;
                phrases = 0;
                aside = true;
                clause = None;
                continue;
            }
            if !naming && self.starts_parenthetical(a, b) {
                if span.is_some() {
                    break;
                }
                if let Some(o) = who.filter(|_| !aside) {
                    clause = Some((o, tb));
                }
                aside = true;
                continue;
            }
            // A number in the subject is part of it (`Some 30 residents, who fled ...,`).
            if self.exact_in(ta, &self.t.prepositions) || self.in_date(ta) {
                break;
            }
            let end = if naming { tb } else { self.name_cut(ta, tb) };
            if span.is_none() && !aside && end < tb && self.word(end) == Some("who") {
                clause = Some((end, tb));
            }
            let next = match span {
                None => (ta, end),
                Some((_, e)) => (ta, e),
            };
            if self.word_count(next.0, next.1) > 16 {
                // `The Independent Commission of Inquiry into the Corvo Events, a five-member
                // body chaired by retired judge Helena Marsk, said`: a long description after a
                // name leaves the name.
                let described = span.is_some_and(|(sa, _)| matches!(self.word(sa), Some("a" | "an")));
                if described && self.word_count(ta, end) <= 12 && (self.upper(ta) || self.upper(ta + 1)) {
                    span = Some((ta, end));
                }
                break;
            }
            span = Some(next);
            phrases += 1;
            if phrases >= 2 || aside {
                break;
            }
        }
        let (a, mut b) = span?;
        if let Some((who, end)) = clause {
            if self.identifying_clause(a, who, end) {
                b = b.max(end);
            }
        }
        self.trim(a, b)
    }

    /// An Arabic subject before its verb with no source noun in it: a name in guillemets
    /// (`«سرايا التحرير» أعلنت`, `أما «السرايا» فأكّدت`) or a short name that opens the sentence
    /// (`أبو خالد قال إنّ`). A verb joined by و to what came before (`... ووثّق`) shares an
    /// earlier subject, and a phrase that opens with a preposition, a date or a figure is none.
    fn named_subject(&self, a: usize, b: usize, cue: usize, floor: usize) -> Option<(usize, usize)> {
        let (pa, pb) = self.trim(a, b)?;
        let verb = self.word(cue)?;
        let amma = (a..pa).any(|k| self.word(k) == Some("اما"));
        let clitic = !self.t.cues.contains_key(verb) && (verb.starts_with('و') || verb.starts_with('ف'));
        if clitic && !(amma && verb.starts_with('ف')) {
            return None;
        }
        if (pa..pb).any(|k| self.in_figure(k) || self.in_date(k) || self.finite_cue(k))
            || self.exact_in(pa, &self.t.prepositions)
            || self.in_set(pa, &self.t.content_nouns)
            || self.exact_in(pa, &self.t.adverbial_words)
        {
            return None;
        }
        let quoted_name = self.is_quote_mark(pa)
            && self.is_quote_mark(pb - 1)
            && pb == b
            && !(pa + 1..pb - 1).any(|k| self.is_quote_mark(k))
            && self.word_count(pa, pb) <= 6;
        let opens_sentence = a == floor || (floor..a).all(|k| self.toks[k].kind == TokKind::Sym);
        let short_name = opens_sentence && self.word_count(pa, pb) <= 4;
        (quoted_name || short_name).then_some((pa, pb))
    }

    /// Words with content before a token in its sentence (not dates, adverbials, conjunctions),
    /// looked for backwards: two are enough, and sixty tokens without them are not expected.
    fn content_before(&self, body: usize, k: usize) -> bool {
        let mut n = 0;
        for j in (body.max(k.saturating_sub(60))..k).rev() {
            let t = &self.toks[j];
            if t.kind != TokKind::Sym
                && !self.in_date(j)
                && !self.exact_in(j, &self.t.trim_start)
                && !self.exact_in(j, &self.t.adverbial_words)
            {
                n += 1;
                if n >= 2 {
                    return true;
                }
            }
        }
        false
    }

    /// A verb of saying right after a frame's source, whose subject it is (`…، وفق مصادر محلية
    /// قالت إن …`, `according to residents who said that …`): the frame closes the clause before
    /// it, and the verb speaks of what follows.
    fn source_speaks_on(&self, k: usize) -> bool {
        let k = if matches!(self.word(k), Some("who" | "which" | "that" | "الذي" | "التي" | "الذين"))
        {
            k + 1
        } else {
            k
        };
        self.cue_at.get(k).copied().flatten().is_some_and(|(c, _)| {
            matches!(c.family, Family::Say | Family::Deny | Family::Estimate) && !c.participle
        })
    }

    /// Does the attribution close its clause (`..., X said.`, `..., according to X, as ...`)?
    fn closes_clause(&self, k: usize, end: usize) -> bool {
        let mut j = k;
        let mut skipped = 0;
        while j < end {
            if self.in_date(j) {
                j += 1;
                continue;
            }
            if let Some(e) = self.manner_at(j).or_else(|| self.recipient_at(j)) {
                j = e;
                continue;
            }
            let t = &self.toks[j];
            if t.kind == TokKind::Sym {
                return match t.norm.as_str() {
                    "," => !self.complementizer(j + 1),
                    "." | ";" | "?" | "!" | ")" => true,
                    "\"" => self.lay.quote_of[j] == NONE || !self.opens_speech(j),
                    _ => false,
                };
            }
            if self.complementizer(j) || self.in_figure(j) || skipped >= 4 {
                return false;
            }
            skipped += 1;
            j += 1;
        }
        true
    }

    /// The unit that named a body whose own name holds `head` before its last word (`«سجل أمن
    /// العاملين»` for `السجل`; not `in a report`).
    fn body_named_by(&self, units: &[Unit], known: &Known, head: &str) -> Option<usize> {
        known.named.get(head).copied().filter(|u| {
            units[*u].document.is_none()
                && units[*u].name_span().is_some_and(|(a, b)| {
                    let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
                    words.len() > 2
                        && !self.exact_in(a, &self.t.prepositions)
                        && words[..words.len() - 1].iter().any(|k| {
                            crate::normalize::fold_name(self.word(*k).unwrap_or("")).iter().any(|w| w == head)
                        })
                })
        })
    }

    /// The end of the owner in `X's [adjective] document` (`The authority's daily log`,
    /// `the ministry's figures`): the token of the apostrophe.
    fn document_owner(&self, a: usize, b: usize) -> Option<usize> {
        let j = (a + 1..b.saturating_sub(2))
            .find(|j| self.toks[*j].norm == "'" && self.word(j + 1) == Some("s"))?;
        let rest: Vec<usize> = (j + 2..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        (!rest.is_empty()
            && rest.len() <= 3
            && rest.last().is_some_and(|k| self.in_set(*k, &self.t.document_nouns))
            && rest.iter().all(|k| !self.upper(*k)))
        .then_some(j)
    }

    /// `Its figures`, `their records`: a possessive and a document stand in for a source named
    /// before, as a pronoun does.
    fn possessed_document(&self, p: (usize, usize)) -> bool {
        // Arabic: a document with a possessive suffix and its adjectives (`تقريرها الشهري
        // الصادر`, `بيانه`).
        let arabic_owned = |k: usize| {
            self.word(k).is_some_and(|w| {
                ["ها", "هم", "ه"].iter().any(|suffix| {
                    w.strip_suffix(suffix).is_some_and(|stem| {
                        crate::numwords::tokens::clitic_forms(stem).iter().any(|(_, _, r)| {
                            self.t.document_nouns.contains(*r)
                                || self.t.document_nouns.contains(&format!("{r}ة"))
                        })
                    })
                })
            })
        };
        let all_words: Vec<usize> = (p.0..p.1).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        if all_words.first().is_some_and(|k| arabic_owned(*k))
            && all_words[1..].iter().all(|k| {
                self.exact_in(*k, &self.t.document_adjectives)
                    || matches!(self.word(*k), Some("الصادر" | "الصادرة"))
            })
        {
            return true;
        }
        let words: Vec<usize> = (p.0 + 1..p.1).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        matches!(self.word(p.0), Some("its" | "their" | "his" | "her"))
            && (1..=2).contains(&words.len())
            && words.iter().all(|k| {
                self.in_set(*k, &self.t.document_nouns) || self.in_set(*k, &self.t.information_nouns)
            })
    }

    /// `A second statement`, `another post`, `a later bulletin`: a document that follows one
    /// named before, from the same speaker.
    fn follow_up_document(&self, p: (usize, usize)) -> bool {
        let later = |k: usize| {
            matches!(
                self.word(k),
                Some(
                    "second"
                        | "third"
                        | "another"
                        | "new"
                        | "later"
                        | "further"
                        | "fresh"
                        | "updated"
                        | "subsequent"
                )
            )
        };
        self.document_with(p, 3, later) && (p.0..p.1).any(later)
    }

    /// `a statement`, `the video`, `بياناً`: a document with no one named.
    fn only_a_document(&self, p: (usize, usize)) -> bool {
        self.document_with(p, 2, |_| false)
    }

    /// A phrase of at most `most` words, each a document noun, a determiner or a word `also`
    /// allows, with a document noun among them.
    fn document_with(&self, (a, b): (usize, usize), most: usize, also: impl Fn(usize) -> bool) -> bool {
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        words.len() <= most
            && words.iter().any(|k| self.in_set(*k, &self.t.document_nouns))
            && words.iter().all(|k| {
                also(*k) || self.in_set(*k, &self.t.document_nouns) || self.exact_in(*k, &self.t.determiners)
            })
    }

    /// A generic reference (`the source`, `المصدر`, `the group`, `The U.K.-based monitor`,
    /// `المصدر الأمني`, `المصدر نفسه`): a definite head from the table of generic heads, with at
    /// most three modifiers before it (English) or two definite ones after it (Arabic). Returns
    /// the folded head and the modifiers' tokens, which must fit the source it stands for.
    /// The head of a reference to a source named before (`the monitor`), unless a name or a
    /// `who` clause follows it and introduces its speaker, so that it stands for no one before
    /// (`The doctor, who gave only his first name, Samer,`). A `who` clause that only describes
    /// (`The official, who spoke on condition of anonymity,`) introduces no one.
    /// A reference's head and modifiers: a generic head (`the group`, `المرصد`), or any head a
    /// source or a name before holds (`the forum` after `the Zeravan Humanitarian Forum`).
    fn reference_head(
        &self,
        p: (usize, usize),
        named: impl Fn(&str) -> bool,
    ) -> Option<(String, Vec<usize>)> {
        let introduced = self.sym(p.1, ",") && (self.naming_clause(p.1 + 1) || self.upper(p.1 + 1));
        if introduced {
            return None;
        }
        self.generic_head(p, named)
    }

    fn generic_head(
        &self,
        (a, b): (usize, usize),
        named: impl Fn(&str) -> bool,
    ) -> Option<(String, Vec<usize>)> {
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let (&first, &last) = (words.first()?, words.last()?);
        let known = |k: usize| {
            let w = self.word(k).unwrap_or("");
            // `للمصادر` is ل + المصادر, the alef of the article written away.
            let bare = clitic_forms(w)
                .into_iter()
                .find(|(_, cl, _)| cl.ends_with("ال") || cl.ends_with("لل"))
                .map(|(_, _, r)| r);
            let folded = || crate::normalize::fold_name(w).pop().is_some_and(|h| named(&h));
            self.t.generic_heads.contains(w)
                || bare.is_some_and(|r| self.t.generic_heads.contains(r))
                || (!self.upper(k) && folded())
        };
        let definite = |k: usize| {
            self.word(k).is_some_and(|w| ["ال", "وال", "فال", "لل", "ولل"].iter().any(|p| w.starts_with(p)))
        };
        let (head, mods): (usize, Vec<usize>) = if self.word(first) == Some("the") && words.len() >= 2 {
            (last, words[1..words.len() - 1].to_vec())
        } else if words.len() == 1 {
            (first, Vec::new())
        } else if self.word(first).is_some_and(is_arabic) {
            let mods = words[1..].to_vec();
            let fits = |k: &usize| definite(*k) || self.exact_in(*k, &self.t.descriptive_modifiers);
            if !mods.iter().all(fits) {
                return None;
            }
            (first, mods)
        } else {
            return None;
        };
        let w = self.word(head)?;
        let definite = self.word(first) == Some("the") || definite(head);
        if !definite || !known(head) || mods.len() > 3 {
            return None;
        }
        crate::normalize::fold_name(w).pop().map(|h| (h, mods))
    }

    /// The folded head words of a source phrase, which a generic reference may stand for:
    /// Arabic, the first noun (`المجلس المحلي للبلدة`, not `رئيس المجلس`); English, every word
    /// not followed by a lowercase word of content (`the town's council`, `the charity Hope
    /// Relief`, `a security official and a monitoring group`; not `Council head Imad Khatib`).
    fn head_words(&self, (a, b): (usize, usize)) -> Vec<String> {
        let fold = |k: usize| crate::normalize::fold_name(self.word(k).unwrap_or("")).pop();
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let Some(&first) = words.first() else { return Vec::new() };
        if self.word(first).is_some_and(is_arabic) {
            // A noun without the article may fold as if its first letter were a clitic (`فريق`
            // as ف + ريق); with the article it folds as a reference does (`الفريق`).
            let w = self.word(first).unwrap_or("");
            let definite = (!w.starts_with("ال"))
                .then(|| crate::normalize::fold_name(&format!("ال{w}")).pop())
                .flatten();
            return fold(first).into_iter().chain(definite).collect();
        }
        let small = |k: usize| {
            self.exact_in(k, &self.t.prepositions)
                || self.exact_in(k, &self.t.trim_end)
                || self.exact_in(k, &self.t.name_enders)
                || self.exact_in(k, &self.t.determiners)
                || matches!(self.word(k), Some("and" | "or" | "s"))
        };
        let content_after = |k: usize| {
            self.toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokKind::Word && !t.upper && k + 1 < b && !small(k + 1))
        };
        // A word after a preposition is in a complement, not a head: `A spokesman for the
        // brigade` is a spokesman, `a water engineer with the charity` an engineer.
        // Within a name (`the Justice for Detainees Network`) a preposition opens no complement.
        let complement = words.iter().position(|k| {
            self.exact_in(*k, &self.t.complement_openers)
                && *k > a
                && !self.upper(*k - 1)
                && self.toks.get(*k + 1).is_some_and(|t| !t.upper)
        });
        let words = &words[..complement.unwrap_or(words.len())];
        // A possessor is not a head either: `The charity's field coordinator`.
        let possessor = |k: usize| self.sym(k + 1, "'") && self.word(k + 2) == Some("s");
        words
            .iter()
            .filter(|k| !content_after(**k) && !small(**k) && !possessor(**k))
            .filter_map(|k| fold(*k))
            .collect()
    }

    /// What a reference stands for in the name of unit `f` (`span`): the whole name for `the
    /// source` or when `f` itself was a reference, the name of an apposition (which names one
    /// speaker), else the part that holds the head word.
    fn reference_part(&self, f: &Unit, span: (usize, usize), head: &str, any: bool) -> (usize, usize) {
        let part = if any || f.resolved.is_some() {
            span
        } else if f.name != f.source {
            f.name.unwrap_or(span)
        } else {
            self.part_with_head(span, head)
        };
        if Some(part) == f.source {
            f.name.unwrap_or(part)
        } else {
            part
        }
    }

    /// The part of a source phrase that holds a head word: `a security official` of `a security
    /// official and a monitoring group` (parts split at `and` or a comma before a determiner).
    fn part_with_head(&self, (a, b): (usize, usize), head: &str) -> (usize, usize) {
        let mut cuts = vec![a];
        for k in a + 1..b {
            let joint = self.word(k) == Some("and") || self.sym(k, ",");
            if joint && matches!(self.word(k + 1), Some("a" | "an" | "the")) {
                cuts.push(k);
            }
        }
        cuts.push(b);
        for w in cuts.windows(2) {
            let (pa, pb) = (w[0], w[1]);
            if cuts.len() > 2 && self.head_words((pa, pb)).iter().any(|h| h == head) {
                return self.trim(pa, pb).unwrap_or((a, b));
            }
        }
        (a, b)
    }

    /// Do a reference's modifiers fit the name it would stand for? Each is a word of that name
    /// (`the Syrian Observatory`), a descriptive word (`U.K.-based`, `المصدر نفسه`), or an
    /// initial.
    fn modifiers_fit(&self, mods: &[usize], (a, b): (usize, usize)) -> bool {
        let name = crate::normalize::fold_name(&self.text[self.toks[a].start..self.toks[b - 1].end]);
        mods.iter().all(|k| {
            let w = self.word(*k).unwrap_or("");
            // `Vanterra-based`: the place a body is based in describes it.
            let describes_next =
                self.sym(*k + 1, "-") && self.exact_in(*k + 2, &self.t.descriptive_modifiers);
            // `the town's mayor`, `the city's civil defence`: whose office it is describes it.
            let possessor = self.sym(*k + 1, "'") && self.word(*k + 2) == Some("s") || w == "s";
            w.chars().count() <= 2
                || describes_next
                || possessor
                || self.exact_in(*k, &self.t.descriptive_modifiers)
                || crate::normalize::fold_name(w).iter().all(|f| name.contains(f))
        })
    }

    /// A source phrase of one name word (`الشامي`, `آدم`, `Jaber`), after up to two titles (`Dr.
    /// Rasheed`, `الشيخ إسحق`): the word, normalised. Not a title, a source noun, a pronoun or a
    /// lowercase English word (`residents`).
    fn one_name_word(&self, (a, b): (usize, usize)) -> Option<&'a str> {
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let (&k, titles) = words.split_last()?;
        // `the NDMG` after `The Northern Delta Monitoring Group (NDMG)`.
        let title = |t: &usize| self.exact_in(*t, &self.t.titles) || self.word(*t) == Some("the");
        if titles.len() > 2 || !titles.iter().all(title) {
            return None;
        }
        let w = self.word(k)?;
        let named = is_arabic(w) || self.upper(k);
        (named
            && !self.in_set(k, &self.t.source_nouns)
            && !self.exact_in(k, &self.t.pronouns)
            && !self.exact_in(k, &self.t.titles))
        .then_some(w)
    }

    /// The last word of a source phrase of two words or more, when it can be a name: Arabic
    /// (`الشامي`, `آدم`), English capitalised (`Jaber`), never a source noun (`the health
    /// ministry`).
    fn last_name_word(&self, (a, b): (usize, usize)) -> Option<&'a str> {
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let &k = words.last().filter(|_| words.len() >= 2)?;
        self.one_name_word((k, k + 1))
    }

    /// The proper name of an English source phrase in apposition, the description left to the
    /// quote: `Dr. Amira Zlitni` of `Dr. Amira Zlitni, director of the central hospital`, `Maj.
    /// Fadi Sarkis` of `A spokesman for the brigade, Maj. Fadi Sarkis`, `the Southern Rights
    /// Observatory` of `A local monitoring group, the Southern Rights Observatory`, `Abu Samer`
    /// of `One of them, who gave his name as Abu Samer`, `Samir Khalil` of `Samir Khalil, 52, a
    /// vegetable seller`. The phrase as written when it is Arabic (the press writes the title
    /// with the name: `رئيس المجلس المحلي، أبو يوسف الزعبي`), has no comma, no part that is a
    /// name (`One man, who was held for 11 days`), or more than one (a list: `Lina, Omar and
    /// Sami`).
    fn name_part(&self, (a, b): (usize, usize)) -> (usize, usize) {
        if (a..b).any(|k| self.word(k).is_some_and(is_arabic)) {
            return self.self_named(a, b).unwrap_or((a, b));
        }
        let (a, b) = self.without_affiliation(a, b);
        if let Some(n) = self.name_after_kind(a, b) {
            return n;
        }
        // `A survivor who gave his name as Abu Wael` (no comma): the name after the naming words.
        if let Some(who) = (a + 1..b).find(|k| self.naming_clause(*k) && !self.sym(*k - 1, ",")) {
            let named = (who..b)
                .rev()
                .find(|k| self.exact_in(*k, &self.t.naming_words) || self.word(*k) == Some("as"))
                .and_then(|k| self.trim(k + 1, b));
            if let Some(n) = named.filter(|(na, nb)| self.is_name(*na, *nb)) {
                return n;
            }
        }
        let mut parts = Vec::new();
        let mut start = a;
        let mut quoted = false;
        for k in a..b {
            if self.is_quote_mark(k) {
                quoted = !quoted;
            } else if !quoted && self.sym(k, ",") {
                parts.push((start, k));
                start = k + 1;
            }
        }
        parts.push((start, b));
        if parts.len() < 2 {
            return (a, b);
        }
        let mut names = Vec::new();
        for &(pa, pb) in &parts {
            let opener = (pa..pb).find(|k| self.toks[*k].kind != TokKind::Sym);
            if pa > a && opener.is_some_and(|o| matches!(self.word(o), Some("and" | "or"))) {
                return (a, b);
            }
            let Some((ta, tb)) = self.trim(pa, pb) else { continue };
            // `who gave his name as Abu Samer`: the name after the naming words.
            if opener.is_some_and(|o| self.word(o) == Some("who")) {
                let named = (ta..tb)
                    .rev()
                    .find(|k| self.exact_in(*k, &self.t.naming_words) || self.word(*k) == Some("as"))
                    .and_then(|k| self.trim(k + 1, tb));
                if let Some((na, nb)) = named.filter(|(na, nb)| self.is_name(*na, *nb)) {
                    names.push((na, nb));
                }
                continue;
            }
            if self.is_name(ta, tb) {
                names.push((ta, tb));
            }
        }
        match names[..] {
            [one] => one,
            _ => (a, b),
        }
    }

    /// `the press freedom group Press Shield International`, `the charity Hope Relief`: a kind of
    /// body in lowercase words, then its name to the end of the phrase; the name.
    fn name_after_kind(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if !matches!(self.word(a), Some("the" | "a" | "an")) {
            return None;
        }
        let n = (a + 1..b.min(a + 6)).find(|k| self.upper(*k))?;
        let kind = (a + 1..n).all(|k| self.toks[k].kind == TokKind::Word && !self.upper(k))
            && n > a + 1
            && (self.exact_in(n - 1, &self.t.generic_heads) || self.exact_in(n - 1, &self.t.org_words));
        (kind && self.is_name(n, b) && self.word_count(n, b) >= 2).then_some((n, b))
    }

    /// `Dr. Rana Kheir of the Damra National Hospital`: a person's name (two capitalised words at
    /// least besides titles, none of them an organisation's) and the body they work for (`of`,
    /// `at` or `from` and a name holding an organisation's word); the name alone. A clan or a
    /// town after `of` stays (`Sheikh Mahmoud al-Ta'i of the Bani Rashed clan`).
    fn without_affiliation(&self, a: usize, b: usize) -> (usize, usize) {
        let Some(at) = (a + 2..b).find(|k| matches!(self.word(*k), Some("of" | "at" | "from"))) else {
            return (a, b);
        };
        let person = (a..at).filter(|k| self.upper(*k) && !self.exact_in(*k, &self.t.titles)).count() >= 2
            && !(a..at)
                .any(|k| self.exact_in(k, &self.t.org_words) || self.exact_in(k, &self.t.generic_heads))
            && self.is_name(a, at);
        let body = (at + 1..b).any(|k| {
            self.upper(k) && (self.exact_in(k, &self.t.org_words) || self.exact_in(k, &self.t.generic_heads))
        });
        if person && body && self.is_name(at + 1, b) {
            (a, at)
        } else {
            (a, b)
        }
    }

    /// `أحد الناجين، عرّف عن نفسه باسم أبو وائل`: the name a speaker gave (after `نفسه باسم`, one
    /// to four words ending the phrase).
    fn self_named(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        // Also a nickname or a name given (`قيادي يُكنى «أبو همام»`, `شاهد عيان يدعى أبو علي`),
        // in guillemets or not, up to an age in brackets.
        let naming = |k: usize| {
            (self.word(k) == Some("باسم") && self.word(k - 1) == Some("نفسه"))
                || matches!(
                    self.word(k),
                    Some("يكني" | "يلقب" | "يدعي" | "ويدعي" | "تدعي" | "وتدعي" | "تكني")
                )
        };
        let k = (a + 1..b).find(|k| naming(*k))?;
        let end = (k + 1..b).find(|j| self.sym(*j, "(")).unwrap_or(b);
        let words = self.word_count(k + 1, end);
        let fits = |j: usize| self.word(j).is_some_and(is_arabic) || self.is_quote_mark(j);
        ((1..=4).contains(&words) && (k + 1..end).all(fits)).then(|| self.trim(k + 1, end)).flatten()
    }

    /// A proper name: capitalised words (titles and initials too: `Lt. Col. Sami Aziz`, `Dr.
    /// Hana Bakri`), with the particles of `NAME_PARTICLES` (`Pieter van Rooy`, `the Kafr Zayt
    /// Coordination Committee`), a number after a word (`Brigade 17`) and a lowercase word glued
    /// by a hyphen to a capitalised one (`the U.K.-based ...`), holding a word that names
    /// someone (not `The doctor`, `Activists`, `Its director`).
    fn is_name(&self, a: usize, b: usize) -> bool {
        for k in a..b {
            let t = &self.toks[k];
            let fits = match t.kind {
                TokKind::Word => {
                    t.upper
                        || self.exact_in(k, &self.t.name_particles)
                        || (k >= a + 2 && self.sym(k - 1, "-") && !t.space_before && self.upper(k - 2))
                }
                TokKind::Num => k > a,
                TokKind::Sym => matches!(t.norm.as_str(), "." | "-" | "'" | "\"" | "(" | ")"),
                _ => false,
            };
            if !fits {
                return false;
            }
        }
        self.names_someone(a, b) && !self.exact_in(a, &self.t.pronouns)
    }

    /// A `who` clause at `k` that gives a name (`who gave only his first name, Samer`).
    fn naming_clause(&self, k: usize) -> bool {
        self.word(k) == Some("who")
            && (k + 1..(k + 12).min(self.toks.len()))
                .take_while(|j| self.toks[*j].kind != TokKind::Sym)
                .any(|j| self.exact_in(j, &self.t.naming_words))
    }

    /// The text of a token span.
    pub(crate) fn span_text(&self, (a, b): (usize, usize)) -> &'a str {
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    fn is_pronoun(&self, p: (usize, usize)) -> bool {
        p.1 == p.0 + 1 && self.exact_in(p.0, &self.t.pronouns)
    }

    /// Every attribution in the text, in order. Units whose cue lies inside another unit's
    /// source phrase (`X, citing Y, put the toll at ...`) are dropped.
    pub fn units(&self) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        for i in 0..self.toks.len() {
            let Some((cue, end)) = self.cue_at[i] else { continue };
            let sentence = self.lay.sent_of[i] as usize;
            let s = &self.lay.sentences[sentence];
            if i < s.body {
                continue;
            }
            if let Some(u) = self.unit_at(i, end, cue, sentence) {
                units.push(u);
            }
        }
        // Drop units nested in another's region (`X, citing Y, put ...`, `quoted Y as saying`).
        let inside = |a: &Unit, b: &Unit| b.region.0 <= a.cue.0 && a.cue.1 <= b.region.1 && a.cue != b.cue;
        let mut keep = vec![true; units.len()];
        let mut relayed = Vec::new();
        for a in 0..units.len() {
            let lo = a.saturating_sub(4);
            let hi = (a + 5).min(units.len());
            let outer = (lo..hi).find(|&b| {
                b != a
                    && inside(&units[a], &units[b])
                    && (!inside(&units[b], &units[a]) || (units[a].participle && !units[b].participle))
            });
            let Some(b) = outer else { continue };
            keep[a] = false;
            // `X, citing Y, said ...`: the aside names who X relays, the originator.
            let (r, o) = (&units[a], &units[b]);
            let gerund = matches!(self.word(r.cue.0), Some("citing" | "quoting"));
            if r.family == Family::Relay && gerund && !o.participle && r.cue.0 < o.cue.0 {
                if let Some(y) = r.source.filter(|y| self.cites_a_speaker(*y)) {
                    relayed.push((b, y, r.name));
                }
            }
        }
        for (b, y, name) in relayed {
            let u = &mut units[b];
            (u.source, u.name, u.noun, u.stands_in) = (Some(y), name, self.has_source_noun(y.0, y.1), false);
        }
        // `X put the number at 45, citing interviews with survivors. It said`: citing one's own
        // material names no one; the speaker is still X, for what follows too.
        for u in units.iter_mut() {
            let gerund = matches!(self.word(u.cue.0), Some("citing" | "quoting"));
            let after_comma = u.cue.0 > 0 && self.sym(u.cue.0 - 1, ",");
            if u.family == Family::Relay
                && gerund
                && after_comma
                && u.source.is_some_and(|y| !self.cites_a_speaker(y))
            {
                (u.source, u.name, u.noun) = (None, None, false);
            }
        }
        let mut out: Vec<Unit> = units.into_iter().zip(keep).filter(|(_, k)| *k).map(|(u, _)| u).collect();
        self.resolve(&mut out);
        self.named_later(&mut out);
        out
    }

    /// `according to the monitor, which cited local sources`, `بحسب الشبكة التي نقلت عن مصادر
    /// محلية`: the relay in a clause on a frame's source (unit `f + 1` on unit `f`), whose
    /// source is the originator of what the frame covers, as in `X, citing Y, said`.
    pub(crate) fn relay_on_frame(&self, units: &[Unit], f: usize) -> Option<usize> {
        let (u, r) = (units.get(f)?, units.get(f + 1)?);
        let on_it = u.family == Family::Frame
            && r.family == Family::Relay
            && u.sentence == r.sentence
            && r.cue.0 > u.region.1
            && (u.region.1..r.cue.0).all(|j| {
                self.sym(j, ",") || matches!(self.word(j), Some("which" | "who" | "that" | "التي" | "الذي"))
            });
        (on_it && u.source.is_some() && r.source.is_some_and(|y| self.cites_a_speaker(y))).then_some(f + 1)
    }

    /// Does a relay's source phrase name someone who speaks, not the speaker's own material
    /// (`citing interviews with survivors`, `citing its own members`, `citing a network of
    /// sources`, `نقلاً عن سجلاتها`)?
    pub(crate) fn cites_a_speaker(&self, (a, b): (usize, usize)) -> bool {
        let first = (a..b).find(|k| {
            self.toks[*k].kind == TokKind::Word && !matches!(self.toks[*k].norm.as_str(), "the" | "a" | "an")
        });
        !first.is_some_and(|k| {
            matches!(self.toks[k].norm.as_str(), "its" | "their" | "his" | "her")
                || (matches!(self.toks[k].norm.as_str(), "network" | "networks")
                    && self.word(k + 1) == Some("of"))
                // A reason cited is no one: `citing operational security`, `citing a lack of
                // evidence`, `citing the ongoing investigation`, `citing security concerns`.
                || (k..b.min(k + 3)).any(|j| {
                    self.exact_in(j, &self.t.reason_nouns) && (j + 1 == b || self.word(j + 1) == Some("of"))
                })
                || self.in_set(k, &self.t.information_nouns)
                || self.in_set(k, &self.t.method_nouns)
        })
    }

    /// A speaker described first and named a sentence or two on (`an independent commission of
    /// inquiry said ...` then `The Independent Commission of Inquiry into the Corvo Events, a
    /// five-member body, said`; `مختار القرية` then `المختار، سليم الدبس`) is named on the first
    /// mention too: a description with no name in it takes the first named source of the next
    /// three paragraphs (and 40 attributions) that holds its head word.
    fn named_later(&self, units: &mut [Unit]) {
        for k in 0..units.len() {
            let Some(p) = units[k].source.filter(|_| units[k].resolved.is_none() && units[k].from.is_none())
            else {
                continue;
            };
            if !self.described_only(p) {
                continue;
            }
            let heads = self.head_words(p);
            // `A spokesman for the U.S.-led coalition` is named only by a phrase that holds the
            // coalition too, not by `Gen. Karim Mansour, the command's spokesman`.
            let body = self.complement_head(p);
            let para = self.lay.sentences[units[k].sentence].para;
            // At most 40 attributions on: a long paragraph is walked once, not once per unit.
            // A reference that names it in apposition (`The union, the Skerrin Bay Fishers'
            // Association, says`) may come later still.
            let renames = |q: (usize, usize)| {
                self.word(q.0) == Some("the")
                    && self.word(q.0 + 1).is_some_and(|w| heads.iter().any(|h| h == w))
                    && self.sym(q.0 + 2, ",")
            };
            let later = (k + 1..units.len().min(k + 41))
                .take_while(|v| self.lay.sentences[units[*v].sentence].para <= para + 8)
                .find(|v| {
                    let near = self.lay.sentences[units[*v].sentence].para <= para + 3;
                    units[*v].resolved.is_none()
                        && units[*v].source.is_some_and(|q| near || renames(q))
                        && units[*v].source.is_some_and(|q| {
                            self.names_the_described(q)
                                && self.head_words(q).iter().any(|h| heads.contains(h))
                                && body.is_none_or(|w| (q.0..q.1).any(|j| self.word(j) == Some(w)))
                                && self.arabic_body_matches(p, q)
                        })
                });
            if let Some(v) = later {
                units[k].resolved = units[v].name.or(units[v].source);
            }
        }
    }

    /// An indefinite Arabic body described (`هيئة طبية تدير مستشفيات ميدانية`) is named only by a
    /// name that shares a word with the description past its head (`«هيئة أطباء الشمال
    /// الميدانية»`), not by any body of the kind (`«منظمة العفو الدولية»` for `منظمة حقوقية
    /// محلية`). Other descriptions always match.
    fn arabic_body_matches(&self, p: (usize, usize), q: (usize, usize)) -> bool {
        let Some(first) = (p.0..p.1).find(|k| self.toks[*k].kind == TokKind::Word) else { return true };
        if !self.word(first).is_some_and(|w| is_arabic(w) && !w.starts_with("ال"))
            || !self.exact_in(first, &self.t.body_heads)
        {
            return true;
        }
        let stem = |w: &str| {
            // The article with its clitic (`للدفاع`, `والدفاع`, `بالدفاع`) or alone.
            let w = ["وال", "بال", "لل", "ال"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or(w);
            let w = w.strip_suffix("يه").or_else(|| w.strip_suffix('ه')).unwrap_or(w);
            w.to_string()
        };
        let words = |(a, b): (usize, usize), skip: usize| -> Vec<String> {
            (a..b)
                .filter(|k| *k != skip)
                .filter_map(|k| self.word(k))
                .map(stem)
                .filter(|w| w.chars().count() >= 3)
                .collect()
        };
        let described = words(p, first);
        words(q, usize::MAX).iter().any(|w| described.contains(w))
    }

    /// The last word of an English description's complement (`coalition` of `A spokesman for
    /// the U.S.-led coalition`, `hospital` of `a nurse at the hospital`): the body it belongs to.
    fn complement_head(&self, (a, b): (usize, usize)) -> Option<&'a str> {
        let p = (a..b).rev().find(|k| matches!(self.word(*k), Some("for" | "at" | "in" | "with")))?;
        let last = (p + 1..b).rev().find(|k| self.toks[*k].kind == TokKind::Word)?;
        self.word(last).filter(|w| w.is_ascii())
    }

    /// A source phrase that names the speaker a description stood for: one speaker (no `and`),
    /// not a second of a kind (`Another resident, Omar Haddad`, `مصدر آخر`), with a name:
    /// English, a capitalised word past the first; Arabic, a name in apposition after a comma
    /// (`المختار، سليم الدبس`), not a source noun alone (`مصدر طبي في المستشفى`).
    fn names_the_described(&self, (a, b): (usize, usize)) -> bool {
        let Some(first) = (a..b).find(|k| self.toks[*k].kind == TokKind::Word) else { return false };
        let second = matches!(self.word(first), Some("another" | "one" | "a" | "an" | "other" | "second"))
            || (a..b).any(|k| matches!(self.word(k), Some("اخر" | "اخري" | "ثان" | "and" | "or")));
        if second || self.described_only((a, b)) {
            return false;
        }
        if self.word(first).is_some_and(is_arabic) {
            // `المختار، سليم الدبس`, or a body's name in guillemets (`«لجنة ذوي سجناء البطحاء»`).
            return (first + 1..b).any(|k| self.sym(k, ",")) || (a < first && self.is_quote_mark(a));
        }
        (first + 1..b).any(|k| self.upper(k))
    }

    /// A source phrase that describes a speaker without naming one: English, an indefinite
    /// phrase of lowercase words (`an independent commission of inquiry`); Arabic, an office and
    /// what it is of, in two or three words with no comma or guillemets (`مختار القرية`, not a
    /// source noun such as `مصدر محلي`).
    fn described_only(&self, (a, b): (usize, usize)) -> bool {
        let Some(first) = (a..b).find(|k| self.toks[*k].kind == TokKind::Word) else { return false };
        if self.word(first).is_some_and(is_arabic) {
            let office = self.word(first).is_some_and(|w| !w.starts_with("ال"))
                || self.in_set(first, &self.t.generic_heads);
            let all_words = (a..b).all(|k| self.toks[k].kind == TokKind::Word);
            // `لجنة تمثّل ذوي السجناء`, `هيئة طبية تدير مستشفيات ميدانية`: an indefinite body
            // described, named later in guillemets.
            // Indefinite: no article, and no noun with one after it (`مديرية الصحة` is definite).
            let body = self.word(first).is_some_and(|w| !w.starts_with("ال"))
                && self.exact_in(first, &self.t.body_heads)
                && self.word(first + 1).is_some_and(|w| !w.starts_with("ال"))
                && self.word_count(a, b) <= 10;
            return all_words
                && (body
                    || ((2..=3).contains(&self.word_count(a, b))
                        && office
                        && !self.in_set(first, &self.t.source_nouns)));
        }
        // A capital in an abbreviation or before a hyphen names nobody (`a U.K.-based monitor`,
        // `a U.N. panel`, `a Kurdish-led council`).
        let modifier = |k: usize| {
            let next_is = |s: &str| self.toks.get(k + 1).is_some_and(|t| t.is_sym(s) && !t.space_before);
            (self.toks[k].norm.chars().count() == 1 && next_is(".")) || next_is("-")
        };
        // A lone capitalised adjective of a people or place (`a Sombrian rights group`).
        let demonym = |k: usize| {
            let w = &self.toks[k].norm;
            w.chars().count() >= 5
                && ["an", "ese", "ish", "i"].iter().any(|x| w.ends_with(x))
                && !self.upper(k - 1)
                && !self.upper(k + 1)
                && k + 1 < b
        };
        matches!(self.word(first), Some("a" | "an"))
            && !(first + 1..b).any(|k| self.upper(k) && !modifier(k) && !demonym(k))
    }

    fn unit_at(&self, i: usize, end: usize, cue: &'static Cue, sentence: usize) -> Option<Unit> {
        let s = &self.lay.sentences[sentence];
        let arabic = self.word(i).is_some_and(is_arabic);
        if !arabic && self.aside_before_that(i, end, s.end) {
            return None;
        }
        let side = match cue.side {
            Side::After => Side::After,
            Side::Before => Side::Before,
            // Arabic verbs in the masculine plural (`قالوا`, `واتّهموا`) hold their subject: a
            // noun phrase after them is their object (`واتّهموا الشرطة باعتقال`), never who speaks.
            Side::Auto if arabic && self.plural_verb(i) => Side::Before,
            Side::Auto if arabic => self.arabic_side(i, end, s.body, s.end),
            Side::Auto => self.english_side(i, end, s.end, cue),
        };
        let mut source = None;
        let mut region_end = end;
        let mut from_after = false;
        // `...، مرجّحاً وقوف ...`: a participle after a comma has the subject of the verb before.
        // `..., after saying for two days that three had died`: a participle after a
        // conjunction of time has the subject of the verb before too.
        let follows_comma = i > 0
            && (self.sym(i - 1, ",")
                || cue.participle
                    && matches!(self.word(i - 1), Some("after" | "before" | "while" | "when" | "by")));
        let side =
            if cue.participle && follows_comma && cue.side == Side::Auto { Side::Before } else { side };
        if side == Side::After {
            let (p, r) = self.source_after(end, s.end, cue, arabic);
            source = p;
            region_end = r.max(end);
            from_after = p.is_some();
        }
        // A participle after a comma (`..., saying`, `، مشيراً`) takes the subject of the verb
        // before it.
        if source.is_none() && cue.side != Side::After && !(cue.participle && follows_comma) {
            source = self.before_phrase(i, s.body);
        }
        let document =
            source.and_then(|(a, b)| (a..b.min(a + 3)).find(|k| self.in_set(*k, &self.t.document_nouns)));
        if let Some(span) = source {
            source = self.past_frames(span)?;
        }
        let document = document.filter(|d| source.is_some_and(|(a, _)| a > *d));
        let region = match source {
            Some((a, b)) if from_after => (i.min(a), region_end.max(b)),
            Some((a, b)) => (a.min(i), end.max(b)),
            None => (i, region_end),
        };
        // `بحسب مراسل «نافذة الشرق»`, `أحصى مراسلها`, `our correspondent`: the outlet's own
        // reporting, no attribution.
        if source.is_some_and(|p| self.not_a_speaker(p)) {
            return None;
        }
        // The outlet's own tally (`وفق إحصاء أعدّه «نبض الريم» استناداً إلى …`) or its
        // correspondent keeps its unit, with no source: the figure is the outlet's, not that of
        // an attribution further on or carried over from the sentence before.
        let own = source.is_some_and(|p| self.own_correspondent(p) || self.names_the_outlet(p));
        if own {
            source = None;
        }
        let noun = source.is_some_and(|(a, b)| self.has_source_noun(a, b));
        // `وفق ما أعلنه X، بعد أن ...`, `حسبما أفاد`: a verb after a frame and `ما` speaks of what
        // came before it, whatever follows.
        let after_frame = (i.saturating_sub(2)..i)
            .any(|k| matches!(self.word(k), Some("ما" | "حسبما" | "وفقما")))
            && self.lay.quote_of.get(i).is_none_or(|q| *q == NONE);
        let closes = after_frame
            || self.closes_clause(region.1, s.end)
            || cue.family == Family::Frame && self.source_speaks_on(region.1);
        let forward = !(self.content_before(s.body, region.0) && closes);
        Some(Unit {
            cue: (i, end),
            family: cue.family,
            participle: cue.participle,
            source,
            name: source.map(|p| self.name_part(p)),
            from: None,
            region,
            sentence,
            forward,
            noun,
            stands_in: source.is_some_and(|p| self.is_pronoun(p)),
            resolved: None,
            document,
            own,
            relative: !from_after
                && source.is_some_and(|(a, _)| {
                    (a.saturating_sub(2)..a)
                        .any(|k| matches!(self.word(k), Some("which" | "who" | "whom" | "that")))
                }),
        })
    }

    /// A source phrase that is the outlet of the dateline, written whole (`بحسب ما أحصته «وكالة
    /// الموج للأنباء» حينها`, `according to a Harbour Wire tally`): the outlet's own reporting.
    /// Its name must stand alone: in guillemets of its own, or a run of capitals of its own (not
    /// `«جبهة الوادي الحر»` for the outlet `«الوادي»`), with at most three other words.
    fn names_the_outlet(&self, (a, b): (usize, usize)) -> bool {
        let Some(o) = self.outlet else { return false };
        let words = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).count();
        if words > o.len() + 3 {
            return false;
        }
        (a..b).any(|k| {
            let e = k + o.len();
            if e > b || !o.iter().enumerate().all(|(i, w)| self.word(k + i) == Some(w.as_str())) {
                return false;
            }
            if o[0].is_ascii() {
                // Beside it only its document (`a Harbour Wire tally`, `an analysis by`), not
                // a verb (`Asked by Harbour Wire`).
                let document = |j: usize| {
                    matches!(self.word(j), Some("the" | "a" | "an" | "by" | "of" | "from" | "s"))
                        || self.in_set(j, &self.t.information_nouns)
                        || self.in_set(j, &self.t.document_nouns)
                        || self.in_set(j, &self.t.method_nouns)
                };
                (k == a || !self.upper(k - 1))
                    && (e == b || !self.upper(e))
                    && (a..b)
                        .filter(|j| (*j < k || *j >= e) && self.toks[*j].kind == TokKind::Word)
                        .all(document)
            } else {
                // Not its recipient (`لـ«الوادي»`).
                k > a
                    && self.is_quote_mark(k - 1)
                    && self.is_quote_mark(e)
                    && !k.checked_sub(2).is_some_and(|r| matches!(self.word(r), Some("ل" | "لـ")))
            }
        })
    }

    /// A relative clause on a recipient, closed by a comma and `that` (`told the Eastern News
    /// Agency, which first reported the figures on Sunday, that ...`): an aside about the outlet;
    /// what follows `that` is the outer verb's, and the verb in the clause attributes nothing.
    fn aside_before_that(&self, i: usize, end: usize, s_end: usize) -> bool {
        let Some(w) = (i.saturating_sub(3)..i).rev().find(|k| matches!(self.word(*k), Some("which" | "who")))
        else {
            return false;
        };
        // Up to two lowercase words between (`which first reported`, `who later told`).
        let lowercase = |k: usize| self.word(k).is_some_and(|x| x.is_ascii()) && !self.upper(k);
        if !(w > 0 && self.sym(w - 1, ",") && (w + 1..i).all(lowercase)) {
            return false;
        }
        let close = (end..(end + 24).min(s_end))
            .take_while(|k| {
                !matches!(self.toks[*k].norm.as_str(), "." | ";" | ":") || self.toks[*k].kind != TokKind::Sym
            })
            .find(|k| self.sym(*k, ","));
        close.is_some_and(|c| self.word(c + 1) == Some("that"))
    }

    /// A correspondent of the outlet (`مراسل «صحيفة الميدان»`, `مراسلنا في المكان`, `مراسلها`,
    /// `تقدير مراسل «صدى الريف»`; `our correspondent`, `a Meridian Wire reporter`): the outlet
    /// reports what its own people saw and counted.
    fn own_correspondent(&self, (a, b): (usize, usize)) -> bool {
        let words: Vec<usize> = (a..b).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let Some(&first) = words.first() else { return false };
        if self.word(first).is_some_and(is_arabic) {
            let estimate = self.in_set(first, &self.t.estimate_nouns);
            let head = if estimate { words.get(1).copied() } else { Some(first) };
            return head.is_some_and(|h| self.in_set(h, &self.t.correspondents));
        }
        // Whichever outlet is named: the batches' gold reads every correspondent as the outlet's
        // (one of another outlet is left as a limit).
        // `A Psalter Press photographer at the western checkpoint`: where they stand is left out.
        let cut = words
            .iter()
            .position(|k| matches!(self.word(*k), Some("at" | "in" | "on" | "near" | "outside")))
            .unwrap_or(words.len());
        let words = &words[..cut];
        let (Some(&last), Some(between)) = (words.last(), words.get(1..words.len().saturating_sub(1))) else {
            return false;
        };
        let reporter = matches!(self.word(last), Some("correspondent" | "reporter" | "photographer"));
        let ours = self.word(first) == Some("our") && between.is_empty();
        let named = matches!(self.word(first), Some("a" | "an"))
            && !between.is_empty()
            && between.iter().all(|k| self.upper(*k));
        reporter && (ours || named)
    }

    /// A law or an article of one (`المادة 4 من قانون مكافحة الإرهاب`, `Article 9`) or the outlet's
    /// own story named in a correction (`An earlier version of this story`): no speaker, and no
    /// attribution.
    fn not_a_speaker(&self, (a, b): (usize, usize)) -> bool {
        // A time (`11 a.m`) or a number alone speaks for no one.
        let time = self.toks[a].kind == TokKind::Num
            && (a + 1..b)
                .all(|k| self.toks[k].kind == TokKind::Sym || matches!(self.word(k), Some("a" | "p" | "m")));
        if time {
            return true;
        }
        let first = (a..b).find(|k| self.toks[*k].kind == TokKind::Word);
        // `No group has claimed the attack`: a negated subject names no one; nor does what was
        // announced (`وفق المُعلن عنه`).
        first.is_some_and(|k| {
            self.in_set(k, &self.t.law_nouns)
                || self.exact_in(k, &self.t.unspoken_accounts)
                || matches!(self.word(k), Some("no" | "none" | "nobody"))
        }) || (a..b).any(|k| self.phrase_at(k, &self.t.self_references).is_some())
    }

    /// An Arabic verb in the masculine plural (`قالوا`, `واتّهموا`, `أكّدوه`): its subject is in it.
    fn plural_verb(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| {
            Self::cue_forms(w).iter().any(|f| f.ends_with("وا") && self.t.cues.contains_key(*f))
        })
    }

    /// The source named after a cue (`said X`, `نقلت X عن Y`), and where its phrase ends.
    fn source_after(
        &self,
        end: usize,
        s_end: usize,
        cue: &Cue,
        arabic: bool,
    ) -> (Option<(usize, usize)>, usize) {
        // نقلت X عن Y: the source is Y.
        let mut k = end;
        if cue.family == Family::Relay && arabic {
            // `نقلت وكالة «الأنباء المستقلة» (و.أ.م) عن ...`: the relaying outlet may be long.
            if let Some(an) = (end..(end + 16).min(s_end)).find(|k| self.word(*k) == Some("عن")) {
                k = an + 1;
            }
        }
        if cue.family == Family::Relay && self.word(k) == Some("by") {
            k += 1;
        }
        let (p, r) = self.after_phrase(k, s_end, cue);
        // `تفيد عن قيام التنظيم`: what the cue speaks of, not who speaks.
        // `أعلن أمام البرلمان`: where the verb was said, not who said it.
        // `وقال في مؤتمر صحفي بالعاصمة فيرلان إن`: a phrase on a preposition glued to the
        // article is where, not who.
        let mut p = p.filter(|(a, _)| {
            !(self.exact_in(*a, &self.t.prepositions)
                || arabic && self.exact_in(*a, &self.t.scene_prepositions)
                || arabic && self.word(*a).is_some_and(|w| w.starts_with("بال") && w.chars().count() > 4)
                // `وثّق أسماء القتلى`: the names documented, not who documented them.
                || arabic && matches!(self.word(*a), Some("اسماء" | "بأسماء" | "باسماء")))
        });
        // An accusation's object is the accused party: the source ends before it.
        // With no source noun, a phrase that opens with an accused head or runs straight into
        // the charge (`واتّهمت «جهات معادية» بنشر`) is the accused, and the speaker is unwritten.
        if let Some((a, b)) = p.filter(|_| cue.accuse) {
            let charge_next = self.word(b).is_some_and(|w| w.starts_with('ب')) || self.word(b) == Some("of");
            if !self.has_source_noun(a, b) && (self.in_set(a, &self.t.accused_heads) || charge_next) {
                p = None;
            } else if let Some(h) = (a + 1..b).find(|k| self.in_set(*k, &self.t.accused_heads)) {
                p = self.trim(a, h);
            }
        }
        (p, r)
    }

    /// Whose figures a noun of information (at `h`) gives: the name after it in construct
    /// (`تقديرات «مركز الفرات»`, `أرقام المرصد`, not `تقديرات أولية`) or after `from`, `by`, `of`
    /// (`figures from the U.N.`, `estimates by Relief Monitor`).
    fn possessor_of(&self, h: usize, b: usize) -> Option<(usize, usize)> {
        let w = self.word(h)?;
        let k = if is_arabic(w) {
            let next = h + 1;
            let definite = self
                .word(next)
                .is_some_and(|x| x.starts_with("ال") && !self.in_set(next, &self.t.document_adjectives));
            (!w.starts_with("ال") && (self.is_quote_mark(next) || definite)).then_some(next)?
        } else {
            matches!(self.word(h + 1), Some("from" | "by" | "of"))
                .then_some(h + 2)
                .filter(|k| self.upper(*k) || self.word(*k) == Some("the"))?
        };
        (k < b).then(|| self.trim(k, b)).flatten()
    }

    /// The source past the frames around it: None when a frame on information names no
    /// source (the outlet's own: no attribution), else the source (a frame's own source, a
    /// document's author, or the phrase as it was).
    fn past_frames(&self, span: (usize, usize)) -> Option<Option<(usize, usize)>> {
        let mut source = Some(span);
        // A frame on information names its source further on, or is the outlet's own.
        if let Some((a, b)) = source {
            // A capitalised word is part of a name (`The Halvard Conflict Data Project`).
            let head = (a..b.min(a + 5)).find(|k| {
                !self.upper(*k)
                    && (self.in_set(*k, &self.t.information_nouns) || self.in_set(*k, &self.t.source_nouns))
            });
            if head.is_some_and(|k| self.in_set(k, &self.t.information_nouns)) {
                match (a..b).find(|k| self.in_set(*k, &self.t.source_nouns)) {
                    Some(n) => {
                        let mut s0 = n;
                        while s0 > a
                            && (self.is_quote_mark(s0 - 1)
                                || matches!(self.word(s0 - 1), Some("the" | "a" | "an"))
                                || self.upper(s0 - 1) && self.word(s0 - 1).is_some_and(|w| w.is_ascii()))
                        {
                            s0 -= 1;
                        }
                        source = self.trim(s0, b);
                    }
                    // `Its figures show`: the figures of a source named before.
                    None if self.possessed_document(span) => {}
                    // `تقديرات «مركز الفرات للدراسات»`, `أرقام المرصد`, `figures from the U.N.`:
                    // the figures of the name after them.
                    None => match head.and_then(|h| self.possessor_of(h, b)) {
                        Some(p) => source = Some(p),
                        None => return None,
                    },
                }
            }
        }
        // `a statement by the village council`, `بيان صادر عن الوزارة`: the source follows.
        if let Some((a, b)) = source {
            let head = (a..b.min(a + 3)).find(|k| self.in_set(*k, &self.t.document_nouns));
            if let Some(h) = head {
                let mut k = h + 1;
                while k < b.min(h + 3) && !self.exact_in(k, &self.t.document_links) {
                    k += 1;
                }
                while k < b && self.exact_in(k, &self.t.document_links) {
                    k += 1;
                }
                // `التقرير السنوي الذي أصدره اليوم الأربعاء «مرصد …»`: the adjectives of the
                // document, then its author after a relative and a verb of issuing.
                let mut e = h + 1;
                while e < b && self.exact_in(e, &self.t.document_adjectives) {
                    e += 1;
                }
                if e == b {
                    // `آخر حصيلة أعلنتها المديرية`: a verb of issuing right after the document.
                    let issued = self.exact_in(b, &self.t.document_links).then(|| self.author_after(b + 1));
                    if let Some(author) = self.issuer_after(b).or(issued.flatten()) {
                        return Some(Some(author));
                    }
                }
                if let Some(author) = self.issued_by(b) {
                    return Some(Some(author));
                }
                if k < b && k <= h + 3 {
                    source = self.trim(k, b);
                } else if e == b {
                    // `التقرير السنوي`: no author written; the document as it was.
                } else if h + 1 < b
                    && self.word(h + 1).is_some_and(|w| is_arabic(w) && w.starts_with("ال"))
                    && !self.in_set(h + 1, &self.t.document_links)
                {
                    // إحصاء المجلس، تقرير المرصد: the document's author follows it at once, and
                    // the document's adjectives after it are not the author's (`تقرير المنظمة
                    // السنوي`).
                    let mut e = b;
                    while e > h + 2 && self.exact_in(e - 1, &self.t.document_adjectives) {
                        e -= 1;
                    }
                    source = self.trim(h + 1, e);
                }
            }
        }
        Some(source)
    }

    /// The author of a document named after it: a relative, a verb of issuing and the name,
    /// dates passed over (`الذي أصدره اليوم الأربعاء «مرصد مخلّفات الحرب»`, `which the
    /// Observatory released on Wednesday` is not read this way: English names the author first).
    fn issuer_after(&self, k: usize) -> Option<(usize, usize)> {
        if !self.exact_in(k, &self.t.relatives) || !self.exact_in(k + 1, &self.t.document_links) {
            return None;
        }
        self.author_after(k + 2)
    }

    /// `تقرير أصدره أمس الجمعة «تحالف …»`, `a report released on Friday by the Children in
    /// Conflict Alliance`: a phrase that ends on a verb of issuing (or an English participle of
    /// one) has its author after the dates that follow (and after `by`).
    fn issued_by(&self, b: usize) -> Option<(usize, usize)> {
        let last = b.checked_sub(1)?;
        if self.exact_in(last, &self.t.document_links) && self.word(last).is_some_and(is_arabic) {
            return self.author_after(b);
        }
        if !matches!(self.word(last), Some("released" | "published" | "issued" | "compiled")) {
            return None;
        }
        let mut j = b;
        while j < self.toks.len()
            && (self.in_date(j) || (matches!(self.word(j), Some("on" | "in")) && self.in_date(j + 1)))
        {
            j += 1;
        }
        (self.word(j) == Some("by")).then(|| self.author_after(j + 1)).flatten()
    }

    /// The name at `k`, dates before it passed over: a name in quotation marks, else up to six
    /// words to a mark or a complementizer, holding a source noun or a capital.
    fn author_after(&self, k: usize) -> Option<(usize, usize)> {
        let mut j = k;
        while j < self.toks.len() && self.in_date(j) {
            j += 1;
        }
        if self.is_quote_mark(j) {
            let close = (j + 1..(j + 12).min(self.toks.len())).find(|c| self.is_quote_mark(*c))?;
            return self.trim(j, close + 1);
        }
        let end = (j..(j + 6).min(self.toks.len()))
            .find(|e| self.toks[*e].kind == TokKind::Sym || self.complementizer(*e))
            .unwrap_or((j + 6).min(self.toks.len()));
        self.trim(j, end).filter(|p| self.has_source_noun(p.0, p.1) || self.upper(p.0) || self.upper(p.0 + 1))
    }

    /// `..., said X.` and `"...," said X` name the source after the verb; `X said ...` and
    /// `X, a spokesman, said ...` before it. `told` always has its source before it.
    fn english_side(&self, i: usize, end: usize, s_end: usize, cue: &Cue) -> Side {
        let prev_comma_or_quote = i.checked_sub(1).is_some_and(|p| self.sym(p, ",") || self.is_quote_mark(p));
        // A name or a noun phrase: `said Mona`, `said the minister`, `say residents`.
        let next_is_name = (self.upper(end)
            || matches!(self.word(end), Some("the" | "a" | "an" | "one" | "its" | "his" | "her" | "their"))
            || self.in_set(end, &self.t.source_nouns))
            && self.word(end).is_some()
            && !self.in_date(end)
            && !self.in_figure(end)
            && !self.exact_in(end, &self.t.pronouns);
        let told = matches!(self.word(i), Some("told" | "tells"));
        // Only verbs of saying come before their subject: `The group's spokesman, Hamza
        // al-Ali, dismissed the reports` has its subject before the comma.
        if !prev_comma_or_quote || !next_is_name || told || !self.exact_in(i, &self.t.inverting_verbs) {
            return Side::Before;
        }
        // The name after the verb must close the clause: `, said Samir Khalil, 52, a seller.`,
        // not `, said the ward had received 15 bodies`.
        let (phrase, _) = self.after_phrase(end, s_end, cue);
        let Some((a, b)) = phrase else { return Side::Before };
        // A verb in it makes it what is said: `, said the real toll was "certainly higher"`.
        let verb = (a..b).any(|k| {
            self.exact_in(k, &self.t.be)
                || matches!(self.word(k), Some("had" | "has" | "have" | "would" | "will"))
        });
        // After a possessive, only an office with its holder's name speaks (`, said its director,
        // Dr. Marta Lindqvist`; not `, said her son, 15, was taken`).
        let possessive = matches!(self.word(end), Some("its" | "his" | "her" | "their"));
        if verb || (possessive && !(a..b).any(|k| self.upper(k))) {
            return Side::Before;
        }
        let mut k = b;
        loop {
            if self.sym(k, "\"") || self.in_date(k) {
                k += 1;
            } else if let Some(e) = self.manner_at(k) {
                k = e;
            } else {
                break;
            }
        }
        let closes = k >= s_end
            || self.toks[k].kind == TokKind::Sym
                && matches!(self.toks[k].norm.as_str(), "," | "." | ";" | "?" | "!")
            || self.exact_in(k, &self.t.description_openers);
        if closes {
            Side::After
        } else {
            Side::Before
        }
    }

    fn arabic_side(&self, i: usize, end: usize, body: usize, s_end: usize) -> Side {
        let (a, b) = self.chunks_before(i, body)[0];
        if self.has_source_noun(a, b) {
            return Side::Before;
        }
        // A name in guillemets right before the verb is its subject: `«السرايا» أعلنت`.
        if i > 0 && self.is_quote_mark(i - 1) && self.named_subject(a, b, i, body).is_some() {
            return Side::Before;
        }
        let frame = self.cue_at[i].is_some_and(|(c, _)| c.family == Family::Frame);
        let k = self.skip_after_cue(end, s_end, frame);
        if k >= s_end
            || self.complementizer(k)
            || matches!(self.word(k), Some("فيه" | "فيها" | "فيهم"))
            || self.in_set(k, &self.t.content_nouns)
            || self.toks[k].kind == TokKind::Sym && !self.is_quote_mark(k)
        {
            return Side::Before;
        }
        if let Some((c, _)) = self.cue_at[i] {
            if let Some(o) = c.object {
                if self.object_at(k, &self.t.objects[o], 1) {
                    return Side::Before;
                }
            }
        }
        Side::After
    }

    /// Sources taken from an earlier statement: a pronoun (he said, هؤلاء), a verb without a
    /// subject (وأضاف أنّ، وأوضحت أنّ), a participle (saying, مشيراً); and references to a source
    /// named before (`the source`, `المصدر`, `The U.K.-based monitor`, `the report`).
    fn resolve(&self, units: &mut [Unit]) {
        let mut known = Known::new(self.mentions());
        // The last named source of the paragraph, for `the source`, `المصدر`, `المصادر`.
        let mut last_named: Option<usize> = None;
        let mut last: Option<usize> = None;
        // The last source that names a body, through the article.
        let mut last_body: Option<usize> = None;
        let mut last_para = usize::MAX;
        for k in 0..units.len() {
            if let Some(p) = k.checked_sub(1).map(|p| units[p].from.unwrap_or(p)) {
                if self.names_a_body(&units[p]) {
                    last_body = Some(p);
                }
            }
            let s = &self.lay.sentences[units[k].sentence];
            if s.para != last_para {
                // A new paragraph keeps the last speaker only for its first sentence.
                if !(s.first
                    && last.is_some_and(|l| self.lay.sentences[units[l].sentence].para + 1 == s.para))
                {
                    last = None;
                }
                last_named = None;
                last_para = s.para;
            }
            known.advance(units[k].source.map_or(units[k].cue.0, |p| p.0));
            let (reference, needs_source, body) = self.needs_source(units, k, &known, last, last_body);
            let is_reference = reference.is_some();
            if let Some((head, mods)) = reference.filter(|_| !needs_source) {
                let any = matches!(head.as_str(), "sourc" | "source" | "مصدر");
                let found = known.named.get(&head).copied();
                let found = if any { last_named.or(found) } else { found };
                if let Some(part) = self.stand_for(units, &known, found, (&head, &mods), any) {
                    units[k].resolved = Some(part);
                    units[k].noun = true;
                    last_named = Some(k);
                    last = Some(k);
                    continue;
                }
            }
            let again = units[k].source.filter(|_| !needs_source && !is_reference);
            if let Some((f, span)) = again.and_then(|p| self.named_again(units, p, &known)) {
                units[k].resolved = Some(span);
                units[k].noun = f.is_none_or(|f| units[f].noun);
                last_named = Some(k);
                last = Some(k);
                continue;
            }
            if let Some(p) = units[k].source.filter(|_| !needs_source) {
                self.remember(units, k, p, &mut known);
                last_named = Some(k);
            }
            // `I`, `we` never stand for a third party named before: outside a quotation they are
            // the outlet, the author of a bulletin or the one answering an interview.
            let first_person = units[k].source.is_some_and(|(a, _)| self.exact_in(a, &self.t.first_person));
            let opening = (needs_source && units[k].source.is_none() && body.or(last).is_none())
                .then(|| self.opening_subject(units[k].sentence, units[k].cue.0, &known))
                .flatten();
            if let Some((name, span)) = opening {
                // `واستهل الشامي المؤتمر ...، ثم قال إن`: the subject of the verb that opens the
                // sentence, a speaker named before.
                units[k].source = Some(name);
                units[k].resolved = Some(span);
                last = Some(k);
            } else if let Some(span) = (needs_source && !first_person)
                .then(|| {
                    self.own_subject(units, k, &known).or_else(|| {
                        body.or(last).is_none().then(|| self.previous_subject(units, k, &known)).flatten()
                    })
                })
                .flatten()
            {
                units[k].resolved = Some(span);
                units[k].noun = true;
                units[k].stands_in = false;
                last = Some(k);
            } else if needs_source && !first_person {
                units[k].from = body.or(last).map(|l| units[l].from.unwrap_or(l));
                units[k].from = self.singular_speaker(units, k).or(units[k].from);
                if units[k].from.is_some() {
                    let f = units[k].from.unwrap_or(k);
                    units[k].noun = units[f].noun;
                }
            } else {
                last = Some(k);
            }
        }
    }

    /// `Maj. Gen. Rui Valente, the mission's adviser, briefed the council. He said ...`: with no
    /// speaker before it, a pronoun or a verb without a subject stands for the name that opens
    /// the sentence before (in its paragraph, or the last of the paragraph before for a first
    /// sentence): a person for `he`, `she`, a body for `it`, `they`.
    fn previous_subject(&self, units: &[Unit], k: usize, known: &Known) -> Option<(usize, usize)> {
        let s = units[k].sentence;
        let here = &self.lay.sentences[s];
        let prev = &self.lay.sentences[s.checked_sub(1)?];
        if prev.heading || (prev.para != here.para && !(here.first && prev.para + 1 == here.para)) {
            return None;
        }
        self.opening_name(prev.body, &units[k], known)
    }

    /// The name that opens a sentence at token `body`, when it fits unit `u`'s pronoun (a
    /// person for `he`, `she`, a body for `it`, `they`) or `u` has no source of its own.
    fn opening_name(&self, body: usize, u: &Unit, known: &Known) -> Option<(usize, usize)> {
        let (span, org) = known.mention_starting(body, body + 2)?;
        // A name opened by `The` is a body's (`The Halvard Conflict Data Project`).
        let is_body = org || self.word(span.0).is_some_and(|w| w.eq_ignore_ascii_case("the"));
        let fits = match u.source.and_then(|(a, _)| self.word(a)) {
            Some("he" | "she" | "He" | "She") => !is_body,
            Some("it" | "It" | "they" | "They") => is_body,
            Some(_) => return None,
            None => true,
        };
        fits.then_some(span)
    }

    /// `The U.N. stopped publishing its count in 2024, when it put the toll at …`: a pronoun
    /// after the name that opens its own sentence, with no speaker before it there, stands for
    /// that name.
    fn own_subject(&self, units: &[Unit], k: usize, known: &Known) -> Option<(usize, usize)> {
        let (p, _) = units[k].source.filter(|p| self.is_pronoun(*p))?;
        let s = units[k].sentence;
        if k > 0 && units[k - 1].sentence == s {
            return None;
        }
        let span = self.opening_name(self.lay.sentences[s].body, &units[k], known)?;
        (span.1 < p).then_some(span)
    }

    /// Whether unit `k`'s source must come from an earlier statement (a pronoun, a verb with no
    /// subject, a document standing for its author), with the reference its phrase makes and
    /// the last body a document with no author known stands for.
    fn needs_source(
        &self,
        units: &[Unit],
        k: usize,
        known: &Known,
        last: Option<usize>,
        last_body: Option<usize>,
    ) -> (Option<Reference>, bool, Option<usize>) {
        // `posted a statement saying ...`: the document speaks for the source before it.
        let same_sentence = last.is_some_and(|l| units[l].sentence == units[k].sentence);
        let reference = units[k].source.and_then(|p| {
            self.reference_head(p, |h| known.named.contains_key(h) || known.mention_with_head(h).is_some())
        });
        // `The report found`, `وبحسب التقرير`: the document stands for the speaker before it,
        // else for the author of the last such document.
        // Not a body named with a document's word (`The Zeravan Casualty Register`).
        let document_ref = reference.as_ref().is_some_and(|(h, mods)| {
            self.t.document_folds.contains(h.as_str()) && !mods.iter().any(|m| self.upper(*m))
        });
        // A document with no author known stands for the last body that spoke (`وبحسب
        // التقرير` after `وثّق المرصد` is the monitor, not its director quoted since).
        let document_author = reference.as_ref().and_then(|(h, _)| known.named.get(h));
        // With no body before it, a document stands for the last speaker of the paragraphs before
        // (`وبحسب القائمة التي قرأها` after the director was quoted), twenty statements back at most.
        let recent = || (k.saturating_sub(20)..k).rev().find(|p| units[*p].owner(*p).is_some());
        let body = last_body
            .filter(|_| document_ref && document_author.is_none() && !same_sentence)
            .or_else(|| (document_ref && document_author.is_none() && last.is_none()).then(recent).flatten());
        // `وأشار السجل` after `«سجل أمن العاملين الإنسانيين»`: a body whose own name has the
        // document's head word is named again, not a document standing for the last speaker.
        let body_named = reference.as_ref().and_then(|(h, _)| self.body_named_by(units, known, h));
        // `وأحصى التقرير` after the network's director was quoted: a report whose author is a
        // body named before stands for that body, not for a person who spoke since.
        let author_over_person = document_author.is_some_and(|u| self.names_a_body(&units[*u]))
            && last.is_some_and(|l| !self.names_a_body(&units[l]));
        let needs_source = match units[k].source {
            None => !units[k].own,
            Some(p) => {
                self.is_pronoun(p)
                    || self.possessed_document(p)
                    || (same_sentence && self.only_a_document(p))
                    || self.follow_up_document(p)
                    || (document_ref
                        && body_named.is_none()
                        && (last.is_some() || body.is_some())
                        && !author_over_person)
            }
        };
        (reference, needs_source, body)
    }

    /// `he said`, `she said` after a plural took the floor (`a list compiled by local
    /// families of 37 people killed. At least 150 are missing, he said`): the last single person
    /// who spoke in the three sentences before, when the one carried over is not one.
    fn singular_speaker(&self, units: &[Unit], k: usize) -> Option<usize> {
        let (a, _) = units[k].source.filter(|p| self.is_pronoun(*p))?;
        if !matches!(self.word(a), Some("he" | "she")) {
            return None;
        }
        let plural = |u: &Unit| {
            u.name_span().is_some_and(|(x, y)| {
                // A common noun (`local families`, `Residents`), not a name (`Marta Ilves`).
                !self.names_a_body(u)
                    && self.word(y - 1).is_some_and(|w| w.is_ascii() && w.ends_with('s') && w.len() > 3)
                    && (!self.upper(y - 1) || y == x + 1)
            })
        };
        let single = |u: &Unit| u.name_span().is_some_and(|p| !self.is_pronoun(p)) && !plural(u);
        let carried = units[k].from?;
        if !plural(&units[carried]) {
            return None;
        }
        // Units are in order of the text: the scan back stops three sentences before.
        let sentence = units[k].sentence;
        (0..k)
            .rev()
            .take_while(|p| units[*p].sentence + 3 >= sentence)
            .find(|p| units[*p].from.is_none() && single(&units[*p]))
    }

    /// An Arabic sentence that opens with a verb and a name word of someone named before
    /// (`واستهل الشامي المؤتمر بالوقوف دقيقة صمت، ثم قال إن`): the name word and what it
    /// stands for, for a verb of the sentence that has no subject of its own.
    fn opening_subject(
        &self,
        sentence: usize,
        cue: usize,
        known: &Known,
    ) -> Option<((usize, usize), (usize, usize))> {
        let body = self.lay.sentences[sentence].body;
        let verb = self.word(body).filter(|w| is_arabic(w))?;
        if body + 1 >= cue || !verb.starts_with('و') || self.in_set(body, &self.t.source_nouns) {
            return None;
        }
        let w = self.one_name_word((body + 1, body + 2))?;
        let span = known.mention_called(w)?;
        (span.1 <= body).then_some(((body + 1, body + 2), span))
    }

    /// Does a unit's source name a body (a monitor, a ministry, `المرصد`), not a person?
    fn names_a_body(&self, u: &Unit) -> bool {
        let Some((a, b)) = u.name_span().filter(|p| !self.is_pronoun(*p)) else { return false };
        let Some(first) = (a..b).find(|k| self.toks[*k].kind == TokKind::Word) else { return false };
        if self.word(first).is_some_and(is_arabic) {
            // As written, not folded: `مديرية` folds like `مدير` (a director).
            return self.in_set(first, &self.t.body_heads);
        }
        self.head_words((a, b)).iter().any(|h| self.t.org_folds.contains(h))
    }
}

impl Scan<'_> {
    /// A source named here (`p`) is one later references stand for: by its head words, by the
    /// document it opened with, and by the last word of its name. A reference that names nothing
    /// before it is a first mention (`the town's council said`).
    fn remember(&self, units: &[Unit], k: usize, p: (usize, usize), known: &mut Known) {
        if let Some(w) = self.last_name_word(units[k].name.unwrap_or(p)) {
            known.surnames.insert(w.to_string(), k);
        }
        for w in self.head_words(p) {
            known.named.insert(w, k);
        }
        if let Some(d) = units[k].document {
            for w in crate::normalize::fold_name(self.word(d).unwrap_or("")) {
                known.named.insert(w, k);
            }
        }
    }
}

impl Unit {
    /// The span of the name this unit's source stands for: the name a reference resolved to,
    /// else the phrase as written.
    pub fn name_span(&self) -> Option<(usize, usize)> {
        self.resolved.or(self.name).or(self.source)
    }

    /// The unit whose source phrase this unit names.
    pub fn owner(&self, me: usize) -> Option<usize> {
        match (self.source, self.from) {
            (_, Some(f)) => Some(f),
            (Some(_), None) if self.stands_in => None,
            (Some(_), None) => Some(me),
            (None, None) => None,
        }
    }
}
