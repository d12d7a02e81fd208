//! Who speaks where the text writes no attribution: the author of a bulletin for its numbered
//! items, the interviewee for the answers of an interview, a body for the paragraph its name
//! signs (`مديرية الصحة في محافظة الجرف.` alone, then the statement). Decided from the shape of
//! the document, paragraph by paragraph, in one pass over the paragraphs.

use std::collections::HashMap;

use crate::numwords::tokens::TokKind;

use super::super::cues::Family;
use super::{is_arabic, Scan, Unit};

/// The speaker of a paragraph's figures that carry no attribution of their own, and the note a
/// suggestion gives for it (`bulletin author`, `interviewee`, `signed`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Voice {
    pub unit: usize,
    pub note: &'static str,
}

impl Voice {
    /// A speaker's label (`KHATIB:`) speaks for its paragraph over a speaker carried over from
    /// an earlier one.
    pub fn labelled(&self) -> bool {
        self.note == "speaker label"
    }
}

/// How a paragraph of an interview reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// A question: it ends with `?` or `؟`, or opens with `س:`, `Q:`.
    Question,
    /// An answer marked as one: `ج:`, `A:`, or a dash (`- منذ بدء الهجوم ...`).
    Answer,
    Other,
}

/// Opening marks of a question and of an answer (after spaces; a bullet such as `■` before
/// them is passed over).
const QUESTION_MARKS: &[&str] = &["س:", "س :", "سؤال:", "Q:", "Q.", "Question:"];
const ANSWER_MARKS: &[&str] = &["ج:", "ج :", "جواب:", "A:", "A.", "Answer:", "-", "–", "—"];

impl Scan<'_> {
    /// The voice of each paragraph (indexed by paragraph), with the names that speak without a
    /// verb appended to `units` as units of their own (after the attributions, which stay in
    /// order of their cues).
    pub(crate) fn voices(&self, units: &mut Vec<Unit>) -> Vec<Option<Voice>> {
        let paras = self.paragraphs();
        let mut out: Vec<Option<Voice>> = vec![None; paras.len()];
        if let Some(a) = self.bulletin_author(units) {
            let from = self.lay.sentences[units[a].sentence].para;
            for v in out.iter_mut().skip(from) {
                *v = Some(Voice { unit: a, note: "bulletin author" });
            }
        }
        // A transcript's labels name who speaks before an interview's shape guesses it.
        self.transcript(&paras, units, &mut out);
        self.interview(&paras, units, &mut out);
        self.signed(&paras, units, &mut out);
        self.introduced_list(&paras, units, &mut out);
        self.standing_note(units, &mut out);
        out
    }

    /// The items of a list (`- about 86,000 people living under siege`) that a sentence ending
    /// with a colon introduces (`The statement listed what it called key figures:`, `وأورد البيان
    /// الأرقام التالية:`): the speaker of that sentence, or, when it names only a document, the
    /// last speaker before it (in the two paragraphs before), speaks for the items.
    fn introduced_list(&self, paras: &[(usize, usize)], units: &[Unit], out: &mut [Option<Voice>]) {
        // The last unit of each sentence, so that each paragraph looks back over its own
        // sentences and those of the two paragraphs before it only.
        let mut last_of: Vec<Option<usize>> = vec![None; self.lay.sentences.len()];
        // The first unit of each sentence that is not a relay: its main speaker.
        let mut main_of: Vec<Option<usize>> = vec![None; self.lay.sentences.len()];
        for (i, u) in units.iter().enumerate() {
            last_of[u.sentence] = Some(last_of[u.sentence].map_or(i, |l| l.max(i)));
            if u.family != Family::Relay && main_of[u.sentence].is_none() {
                main_of[u.sentence] = Some(i);
            }
        }
        let mut intro: Option<usize> = None;
        for (p, &(first, end)) in paras.iter().enumerate() {
            if first >= end {
                intro = None;
                continue;
            }
            let start = self.lay.sentences[first].start;
            let bullet = ["-", "•", "▪", "■", "●", "*", "–", "◦"].iter().any(|m| self.toks[start].is_sym(m));
            if bullet {
                if let (Some(u), None) = (intro, out[p]) {
                    out[p] = Some(Voice { unit: u, note: "list" });
                }
                continue;
            }
            let s = &self.lay.sentences[end - 1];
            intro = None;
            if s.end == 0 || !self.sym(s.end - 1, ":") {
                continue;
            }
            let own = last_of[end - 1];
            let document = (s.body..s.end).any(|k| self.in_set(k, &self.t.document_nouns));
            let para = self.lay.sentences[first].para;
            let before = (0..first)
                .rev()
                .take_while(|k| self.lay.sentences[*k].para + 2 >= para)
                .filter_map(|k| last_of[k])
                .max();
            // `It listed the main developments by area:` (no verb of saying read): the main
            // speaker of the sentence before in the paragraph, not a source it cites.
            let main_before = (first..end - 1).rev().find_map(|k| main_of[k]);
            let pick = if document { before.or(own) } else { own.or(main_before) };
            intro = pick.map(|u| units[u].from.unwrap_or(u));
        }
    }

    /// A note that gives the source of the figures after it: `Timeline of the exchange (all
    /// figures from the Red Crescent unless stated):`, `والأرقام كلها من «الهلال الأحمر» ما لم
    /// يُذكر خلاف ذلك`, `جميع الأرقام بحسب وزارة الصحة`. A noun of figures (`FIGURE_NOUNS`),
    /// `all`/`كلها` or an `unless` after the name (`STANDING_ALL`, `STANDING_UNLESS`), and the
    /// name after `from`/`من`/`بحسب`: the figures of this paragraph and of every later one that
    /// carry no attribution of their own are that source's.
    fn standing_note(&self, units: &mut Vec<Unit>, out: &mut [Option<Voice>]) {
        let Some((para, span)) =
            self.lay.sentences.iter().find_map(|s| self.standing_name(s.start, s.end).map(|n| (s.para, n)))
        else {
            return;
        };
        let unit = self.implicit_unit(span, units);
        for v in out.iter_mut().skip(para).filter(|v| v.is_none()) {
            *v = Some(Voice { unit, note: "standing note" });
        }
    }

    /// The name a standing note gives, in tokens `a..b` of one sentence.
    fn standing_name(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let k = (a..b).find(|k| self.in_set(*k, &self.t.figure_nouns))?;
        let all = |j: usize| self.in_set(j, &self.t.standing_all);
        let mut j = k + 1;
        while j < b && (all(j) || matches!(self.word(j), Some("are" | "is" | "were"))) {
            j += 1;
        }
        if !self.in_set(j, &self.t.standing_from) {
            return None;
        }
        let start = j + 1;
        let mut end = start;
        while end < b && end < start + 12 {
            let t = &self.toks[end];
            let mark = t.kind == TokKind::Sym && !self.is_quote_mark(end) && !t.is_sym("-");
            if mark || self.in_set(end, &self.t.standing_unless) {
                break;
            }
            end += 1;
        }
        let unless = end < b && self.in_set(end, &self.t.standing_unless);
        let said_all = (k.saturating_sub(2)..k).any(all) || all(k + 1);
        if !(unless || said_all) {
            return None;
        }
        self.trim(start, end)
    }

    /// The sentences of each paragraph (`first..end`); a heading's paragraph is empty.
    fn paragraphs(&self) -> Vec<(usize, usize)> {
        let sentences = &self.lay.sentences;
        let count = sentences.last().map_or(0, |s| s.para + 1);
        let mut out = vec![(0, 0); count];
        for (k, s) in sentences.iter().enumerate() {
            if s.heading {
                continue;
            }
            let slot = &mut out[s.para];
            if slot.0 == slot.1 {
                *slot = (k, k + 1);
            } else {
                slot.1 = k + 1;
            }
        }
        out
    }

    /// The line a paragraph opens with, from its first character (marks and bullets included),
    /// and the text to the end of its last line.
    fn para_text(&self, (first, end): (usize, usize)) -> &str {
        let a = self.toks[self.lay.sentences[first].start].start;
        let b = self.toks[self.lay.sentences[end - 1].end - 1].end;
        let line_start = self.text[..a].rfind('\n').map_or(0, |i| i + 1);
        let line_end = self.text[b..].find('\n').map_or(self.text.len(), |i| b + i);
        &self.text[line_start..line_end]
    }

    fn turn(&self, p: (usize, usize)) -> Turn {
        let text = self.para_text(p);
        let lead = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '■' | '•' | '▪' | '*'));
        let tail = text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"' | ')'));
        // A question is short: a paragraph of several sentences ending on one is an answer.
        if QUESTION_MARKS.iter().any(|m| lead.starts_with(m))
            || (tail.ends_with(['?', '؟']) && p.1 - p.0 <= 2)
        {
            return Turn::Question;
        }
        if ANSWER_MARKS.iter().any(|m| lead.starts_with(m)) {
            return Turn::Answer;
        }
        Turn::Other
    }

    /// An interview: two questions at least, and a person named with a title before the first
    /// (`يستقبلنا مديره الدكتور مازن الحلبي`, `Dr. Mazen Halabi, 52, runs ...`). The answers are
    /// the interviewee's: the paragraphs marked as answers, or, when none is marked, every
    /// paragraph after the first question that is not a question.
    fn interview(&self, paras: &[(usize, usize)], units: &mut Vec<Unit>, out: &mut [Option<Voice>]) {
        let body: Vec<usize> = (0..paras.len()).filter(|p| paras[*p].0 < paras[*p].1).collect();
        let turns: Vec<Turn> = body.iter().map(|p| self.turn(paras[*p])).collect();
        if turns.iter().filter(|t| **t == Turn::Question).count() < 2 {
            return;
        }
        let Some(first_q) = turns.iter().position(|t| *t == Turn::Question) else { return };
        // The person named with a title before the questions, else the last speaker before them
        // who is not cited by another (a briefing: `IARO spokeswoman Marta Ilves said ...`, then
        // `Q:` and `A:`).
        let titled = body[..first_q].iter().find_map(|p| self.titled_person(paras[*p]));
        let first_sentence = paras[body[first_q]].0;
        let unit = match titled {
            Some(span) => self.implicit_unit(span, units),
            None => {
                let Some(u) = self.main_speaker(units, first_sentence) else { return };
                u
            }
        };
        let marked = turns[first_q..].contains(&Turn::Answer);
        for (k, p) in body.iter().enumerate().skip(first_q + 1) {
            let answer = if marked { turns[k] == Turn::Answer } else { turns[k] != Turn::Question };
            if answer && out[*p].is_none() {
                out[*p] = Some(Voice { unit, note: "interviewee" });
            }
        }
    }

    /// The speaker heard most often before sentence `before` (by the last word of the name, so
    /// that `Marta Ilves`, `Ilves` and `she` after her count as one), the latest of ties; a relay
    /// or a frame names whom a speaker cites and does not count.
    fn main_speaker(&self, units: &[Unit], before: usize) -> Option<usize> {
        // Per name: (times heard, the latest unit, the order of its latest hearing).
        let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new();
        for (u, un) in units.iter().enumerate() {
            if un.sentence >= before || matches!(un.family, Family::Relay | Family::Frame) {
                continue;
            }
            let Some(o) = un.owner(u) else { continue };
            let Some((a, b)) = units[o].resolved.or(units[o].source) else { continue };
            let Some(key) = (a..b).rev().find_map(|k| self.word(k)) else { continue };
            let c = counts.entry(key).or_default();
            *c = (c.0 + 1, o, u);
        }
        counts.values().max_by_key(|c| (c.0, c.2)).map(|c| c.1)
    }

    /// A transcript (`HADDAD: Good morning ...`, `KHATIB: We registered 3,870 ...`, `الخطيب:
    /// سجّلنا ...`): three paragraphs at least open with a label of one to three words and a
    /// colon, and one label opens two of them (a list of places, `شمال سهران: 17 قتيلاً`, names
    /// each place once). Each label speaks for its paragraph, except the first label, the host's:
    /// the host's own words are the outlet's.
    fn transcript(&self, paras: &[(usize, usize)], units: &mut Vec<Unit>, out: &mut [Option<Voice>]) {
        let labels: Vec<Option<(usize, usize)>> = paras
            .iter()
            .map(|&(first, end)| (first < end).then(|| self.speaker_label(first)).flatten())
            .collect();
        let key = |(a, b): (usize, usize)| -> String {
            (a..b).filter_map(|k| self.word(k)).collect::<Vec<_>>().join(" ")
        };
        let keys: Vec<Option<String>> = labels.iter().map(|l| l.map(key)).collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for k in keys.iter().flatten() {
            *seen.entry(k.as_str()).or_default() += 1;
        }
        let named: usize = seen.values().sum();
        if named < 3 || !seen.values().any(|n| *n >= 2) {
            return;
        }
        let host = keys.iter().flatten().next().cloned();
        for (p, label) in labels.iter().enumerate() {
            let Some(span) = label else { continue };
            if keys[p] == host || out[p].is_some() {
                continue;
            }
            let unit = self.implicit_unit(*span, units);
            out[p] = Some(Voice { unit, note: "speaker label" });
        }
    }

    /// The label that opens a paragraph's first sentence: one to three words (no figure, date,
    /// question or answer mark) and a colon right after them.
    fn speaker_label(&self, first: usize) -> Option<(usize, usize)> {
        let s = &self.lay.sentences[first];
        let a = s.start;
        let colon = (a..(a + 4).min(s.end)).find(|k| self.sym(*k, ":"))?;
        let words = (a..colon).filter(|k| self.word(*k).is_some()).count();
        let plain = (a..colon).all(|k| {
            self.toks[k].kind == TokKind::Word
                && !self.in_figure(k)
                && !self.in_date(k)
                && self.cue_at[k].is_none()
        });
        let marks = ["س", "ج", "سؤال", "جواب", "q", "a", "question", "answer", "note", "update", "تحديث"];
        let mark = words == 1 && self.word(a).is_some_and(|w| marks.contains(&w));
        (plain && (1..=3).contains(&words) && !mark && colon + 1 < s.end).then_some((a, colon))
    }

    /// The first person named with a title in a paragraph: a title (`TITLES`: `Dr.`, `الدكتور`)
    /// and two to four name words (English capitalised, Arabic words that are no preposition,
    /// source noun, cue, figure or date, the first without the article).
    fn titled_person(&self, (first, end): (usize, usize)) -> Option<(usize, usize)> {
        let a = self.lay.sentences[first].body;
        let b = self.lay.sentences[end - 1].end;
        (a..b).find_map(|k| {
            if !self.exact_in(k, &self.t.titles) {
                return None;
            }
            let mut j = if self.sym(k + 1, ".") { k + 2 } else { k + 1 };
            let mut words = 0;
            let most = if self.word(k).is_some_and(is_arabic) { 3 } else { 4 };
            while j < b && words < most && self.name_word(j, words == 0) {
                words += 1;
                j += 1;
                // `al-Ali`
                if self.sym(j, "-") && !self.toks.get(j).is_some_and(|t| t.space_before) {
                    j += 2;
                }
            }
            (words >= 2).then(|| (self.office_before(k, a).unwrap_or(k), j.min(b)))
        })
    }

    /// An office in apposition before a titled name (`حاور مدير «مرصد العدالة المحلية»، المحامي
    /// أنس البدوي`): where it starts, when the words before the comma open with an office and
    /// hold no verb, figure or date (eight tokens at most, down to `floor`).
    fn office_before(&self, k: usize, floor: usize) -> Option<usize> {
        if k < 2 || !self.sym(k - 1, ",") || !self.word(k).is_some_and(is_arabic) {
            return None;
        }
        let lowest = floor.max(k.saturating_sub(8));
        let mut j = k - 1;
        while j > lowest {
            let p = j - 1;
            if self.cue_at[p].is_some() || self.in_figure(p) || self.in_date(p) || self.sym(p, ",") {
                break;
            }
            if self.exact_in(p, &self.t.arabic_offices) {
                return Some(p);
            }
            j = p;
        }
        None
    }

    fn name_word(&self, j: usize, first: bool) -> bool {
        let Some(w) = self.word(j) else { return false };
        if self.in_figure(j) || self.in_date(j) || self.cue_at[j].is_some() {
            return false;
        }
        if !is_arabic(w) {
            return self.upper(j) && !self.exact_in(j, &self.t.titles);
        }
        let stop = (first && w.starts_with("ال"))
            || self.exact_in(j, &self.t.prepositions)
            || self.exact_in(j, &self.t.clause_openers)
            || self.exact_in(j, &self.t.adverbial_words)
            || matches!(w, "بعد" | "قبل" | "عند" | "اثناء" | "منذ")
            || self.in_set(j, &self.t.source_nouns)
            || self.complementizer(j)
            || self.exact_in(j, &self.t.relatives);
        !stop
    }

    /// A paragraph that opens with a name alone on its sentence (`مديرية الصحة في محافظة الجرف.`,
    /// `The Directorate of Health in Jurf province.`) is signed by that body: its figures without
    /// an attribution, and its verbs without a subject, are the body's.
    fn signed(&self, paras: &[(usize, usize)], units: &mut Vec<Unit>, out: &mut [Option<Voice>]) {
        for (p, &(first, end)) in paras.iter().enumerate() {
            if end < first + 2 || out[p].is_some() {
                continue;
            }
            let Some(span) = self.name_alone(first) else { continue };
            let unit = self.implicit_unit(span, units);
            out[p] = Some(Voice { unit, note: "signed" });
        }
    }

    /// A sentence that is only a name and its full stop: a name found as a mention (`وزارة الصحة
    /// في ...`, a capitalised run), with at most two lowercase words after it (`Jurf province`)
    /// and no verb of attribution, figure or date; ten words at most.
    fn name_alone(&self, s: usize) -> Option<(usize, usize)> {
        let sent = &self.lay.sentences[s];
        let (a, b) = (sent.body, sent.end);
        if b < a + 3 || !self.sym(b - 1, ".") || self.word_count(a, b) > 10 {
            return None;
        }
        if (a..b).any(|k| self.in_figure(k) || self.in_date(k) || self.cue_at[k].is_some()) {
            return None;
        }
        if self.word(a).is_some_and(is_arabic) {
            let m = self.arabic_mention(a)?;
            return (m.span.1 + 1 == b).then_some((a, b - 1));
        }
        let m = self.capitalised_run(a).filter(|m| m.org)?;
        // What follows the name completes it (`in Jurf province`): capitalised words,
        // prepositions and nouns, no verb (`is`, `-ed`, `-ing`) and no determiner.
        let rest = m.span.1..b - 1;
        let completes = |k: usize| {
            let t = &self.toks[k];
            let w = t.norm.as_str();
            t.kind == TokKind::Word
                && w.is_ascii()
                && !self.exact_in(k, &self.t.be)
                && !self.exact_in(k, &self.t.determiners)
                && (t.upper || !(w.ends_with("ed") || w.ends_with("ing")))
        };
        (rest.len() <= 3 && rest.clone().all(completes)).then_some((a, b - 1))
    }

    /// A unit for a name that speaks without a verb: its source is the name.
    fn implicit_unit(&self, span: (usize, usize), units: &mut Vec<Unit>) -> usize {
        units.push(Unit {
            cue: span,
            family: Family::Say,
            participle: false,
            source: Some(span),
            name: Some(span),
            from: None,
            region: span,
            sentence: self.lay.sent_of[span.0] as usize,
            forward: true,
            noun: self.has_source_noun(span.0, span.1),
            stands_in: false,
            relative: false,
            resolved: None,
            document: None,
            own: false,
        });
        units.len() - 1
    }
}
