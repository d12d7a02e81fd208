//! Candidate claims in an article (`claim suggest`): every hedged figure with the clause around
//! it, who the article attributes it to and when, and every attributed statement without a
//! figure. Pure: no I/O, no database.
//!
//! The work is table-driven and linear in the length of the text:
//!
//! 1. `text` finds paragraphs, headings (left out), sentences, clauses and quotations.
//! 2. `find_figures` and `find_when` find the figures and the date phrases.
//! 3. `attribution` finds every cue of `cues.rs` (قال، بحسب، said, according to ...), the source
//!    phrase it names, and whether it points at what follows or at what came before.
//! 4. Each figure takes the attribution of its quotation's speaker, else of its sentence; a
//!    figure inside a source phrase (`two sources close to ...`) is not a claim.
//!
//! docs/suggest.md describes the cues and the choices for researchers.

mod attribution;
mod cues;
pub mod people;
pub mod roles;
pub mod sources;
mod tables;
#[cfg(test)]
mod tests;
mod text;

use crate::notation::{find_figures_in, FoundFigure, VagueIndex, VagueTable};
use crate::numwords::tokens::{tokenize, TokKind, Token};

use attribution::{Scan, Unit, Voice};
use cues::Family;
use tables::Tables;
use text::{Layout, NONE};

/// One candidate claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// Byte span of `quote` in the text.
    pub start: usize,
    pub end: usize,
    /// The article's own words: the sentence, or the clauses of it that hold the figure and
    /// its attribution.
    pub quote: String,
    /// The hedged figure in the quote, as `find_figures` read it; None for a statement.
    pub figure: Option<FoundFigure>,
    /// The attribution phrase as written (`ناشطون محليّون`, `the health ministry`); None when
    /// the claim is the outlet's own reporting.
    pub source: Option<String>,
    /// Byte span of `source` in the text. For a pronoun (`he said`) or a verb without a subject
    /// (`وأضاف أنّ`), the span of the earlier phrase it stands for.
    pub source_span: Option<(usize, usize)>,
    /// A date phrase as written (`أمس`, `on Tuesday`, `خلال الأيام الثلاثة الماضية`): in the
    /// quote's sentence, the one closest to the figure; a date right after the attribution
    /// verb (`said on Sunday`) only when there is no other. `when_span` tells where it is.
    pub when: Option<String>,
    pub when_span: Option<(usize, usize)>,
    /// How many cues agreed: an attribution cue, a source noun in the source phrase, a figure,
    /// a date phrase, reported speech in quotation marks.
    pub confidence: u8,
    /// The cues that fired, by name (`attribution verb`, `source noun`, `figure` ...).
    pub cues: Vec<&'static str>,
}

impl Suggestion {
    /// Whether the suggestion belongs with a measure of people (the killed, defectors): a
    /// statement, a figure without a counted noun (`killed 30`), or one whose noun counts people
    /// (`30 civilians`, `16 عنصراً`); not `three neighbourhoods`, `15 groups` (`people.rs`).
    pub fn fits_people(&self) -> bool {
        self.figure.as_ref().and_then(|f| f.reading.noun.as_deref()).is_none_or(people::counts_people)
    }

    /// Whether the figure counts things, places, events or animals (`nine strikes`, `22 trucks`,
    /// `ثلاثة أحياء`, `12 محلاً`): offered only for a measure of such things (`people.rs`).
    pub fn counts_things(&self) -> bool {
        self.figure.as_ref().and_then(|f| f.reading.noun.as_deref()).is_some_and(people::counts_things)
    }
}

/// The suggestions `claim suggest` offers when no measure is given: a figure that counts things
/// (`nine strikes`, `22 trucks`) is left out; when its sentence is attributed and offers nothing
/// else, the sentence stays as a statement without a figure (`the activists said the jets
/// carried out four strikes` is still a claim of the activists). `left_out` counts the figures
/// left out. Suggestions are pushed in order (those of one quote come one after another) and
/// handed on as they are decided, holding at most one back: memory does not grow with the text.
#[derive(Debug, Default)]
pub struct ThingsFilter {
    pending: Option<Suggestion>,
    last: Option<(usize, usize)>,
    pub left_out: usize,
}

impl ThingsFilter {
    pub fn push<E>(
        &mut self,
        s: Suggestion,
        emit: &mut impl FnMut(Suggestion) -> Result<(), E>,
    ) -> Result<(), E> {
        let span = (s.start, s.end);
        let pending_here = self.pending.as_ref().is_some_and(|p| (p.start, p.end) == span);
        if !s.counts_things() {
            // Another suggestion of the same quote stands for the sentence.
            match self.pending.take() {
                Some(p) if !pending_here => self.statement(p, emit)?,
                _ => {}
            }
            self.last = Some(span);
            return emit(s);
        }
        self.left_out += 1;
        if s.source.is_none() || self.last == Some(span) || pending_here {
            return Ok(());
        }
        if let Some(p) = self.pending.take() {
            self.statement(p, emit)?;
        }
        self.pending = Some(s);
        Ok(())
    }

    /// Hands on the sentence held back, if any.
    pub fn finish<E>(&mut self, emit: &mut impl FnMut(Suggestion) -> Result<(), E>) -> Result<(), E> {
        match self.pending.take() {
            Some(p) => self.statement(p, emit),
            None => Ok(()),
        }
    }

    fn statement<E>(
        &mut self,
        mut s: Suggestion,
        emit: &mut impl FnMut(Suggestion) -> Result<(), E>,
    ) -> Result<(), E> {
        s.figure = None;
        s.cues.retain(|c| *c != "figure");
        s.confidence = s.confidence.saturating_sub(1);
        self.last = Some((s.start, s.end));
        emit(s)
    }
}

/// `ThingsFilter` over an iterator (the evaluation reads suggestions this way).
pub fn without_things(items: impl Iterator<Item = Suggestion>) -> impl Iterator<Item = Suggestion> {
    let mut filter = ThingsFilter::default();
    let mut out = Vec::new();
    let mut keep = |x: Suggestion| -> Result<(), ()> {
        out.push(x);
        Ok(())
    };
    for s in items {
        let _ = filter.push(s, &mut keep);
    }
    let _ = filter.finish(&mut keep);
    out.into_iter()
}

/// The longest quote a suggestion carries, in characters: the clause around the figure (or the
/// attribution) is cut on word boundaries past this, so that a paragraph without a full stop
/// does not copy itself into every suggestion.
pub const QUOTE_CAP: usize = 320;

/// How much text `suggest_each` reads at a time: a piece ends at the first line break past
/// `PIECE` bytes; a line that runs past `MAX_PIECE` bytes is cut before it, at its last
/// sentence end (else its last space) past `PIECE / 2`. So no piece is longer than `MAX_PIECE`
/// and memory follows the piece, not the article: a 1 MB paragraph without a full stop read
/// as one piece took 93 to 175 MB, in pieces under 100 MB.
const PIECE: usize = 64 * 1024;
const MAX_PIECE: usize = 128 * 1024;

/// Proposes the claims of an article piece by piece (whole paragraphs of about 64 KB), handing
/// each suggestion on in order of position, with spans in the whole text. A source named in one
/// piece is not carried into the next: pieces are whole paragraphs, and a pronoun or `the
/// source` reaches back only within a paragraph or to the one before.
pub fn suggest_each<E>(
    text: &str,
    vague: &VagueTable,
    mut each: impl FnMut(Suggestion) -> Result<(), E>,
) -> Result<(), E> {
    let index = VagueIndex::new(vague);
    let outlet = text::dateline_outlet(text);
    let mut at = 0;
    while at < text.len() {
        let end = piece_end(text, at);
        for mut s in suggest_indexed(&text[at..end], &index, outlet.as_deref()) {
            shift(&mut s, at);
            each(s)?;
        }
        at = end;
    }
    Ok(())
}

/// Where the piece starting at `at` ends (always past `at`, on a character boundary, at most
/// `MAX_PIECE` bytes on): after the first line break past `PIECE` bytes; in a longer line,
/// after its last sentence end (`. `) between `PIECE / 2` and `MAX_PIECE`, else after its last
/// space there, else at the last character boundary before `MAX_PIECE`. Only the bytes up to
/// `MAX_PIECE` are looked at, so a text without a line break costs no more than one with.
/// A date phrase without the conjunction `و` glued to its first word (`ويوم الخميس` is `يوم
/// الخميس`), when what is left is still the whole date phrase.
fn without_conjunction(text: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let rest = a + 'و'.len_utf8();
    if !text[a..b].starts_with('و') || rest >= b {
        return (a, b);
    }
    let found = crate::dates::find_when(&text[rest..b]);
    if found.first().is_some_and(|&(x, y)| x == 0 && y == b - rest) {
        (rest, b)
    } else {
        (a, b)
    }
}

fn piece_end(text: &str, at: usize) -> usize {
    if text.len() - at <= PIECE {
        return text.len();
    }
    let bytes = text.as_bytes();
    let far = (at + MAX_PIECE).min(text.len());
    if let Some(k) = bytes[at + PIECE..far].iter().position(|b| *b == b'\n') {
        return at + PIECE + k + 1;
    }
    if far == text.len() {
        return far;
    }
    // `. ` and spaces are ASCII, so the byte after them starts a character.
    let window = &bytes[at + PIECE / 2..far];
    let sentence = window.windows(2).rposition(|w| w == b". ").map(|k| k + 2);
    let space = || window.iter().rposition(|b| b.is_ascii_whitespace()).map(|k| k + 1);
    if let Some(k) = sentence.or_else(space) {
        return at + PIECE / 2 + k;
    }
    let mut end = far;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

fn shift(s: &mut Suggestion, by: usize) {
    s.start += by;
    s.end += by;
    if let Some(f) = s.figure.as_mut() {
        f.start += by;
        f.end += by;
    }
    s.source_span = s.source_span.map(|(a, b)| (a + by, b + by));
    s.when_span = s.when_span.map(|(a, b)| (a + by, b + by));
}

/// Proposes the claims of an article, in order of position.
pub fn suggest(text: &str, vague: &VagueTable) -> Vec<Suggestion> {
    suggest_indexed(text, &VagueIndex::new(vague), text::dateline_outlet(text).as_deref())
}

/// `suggest` with the vague words indexed once. The text is split into tokens once: the
/// figures, the date phrases and the attributions are all read from the same tokens.
fn suggest_indexed(text: &str, index: &VagueIndex, outlet: Option<&[String]>) -> Vec<Suggestion> {
    let toks = tokenize(text);
    if toks.is_empty() {
        return Vec::new();
    }
    let t = tables::tables();
    let lay = text::layout(text, &toks, t);
    let dates = crate::dates::find_when_in(&toks);
    let figures = find_figures_in(text, &toks, index, &dates);
    let (fig_toks, fig_at) = spans_to_tokens(&toks, figures.iter().map(|f| (f.start, f.end)));
    let (date_toks, date_at) = spans_to_tokens(&toks, dates.iter().copied());
    let mut scan = Scan::new(text, &toks, &lay, t, &fig_at, &date_at);
    scan.outlet = outlet;
    let mut units = scan.units();
    let real = units.len();
    let voices = scan.voices(&mut units);
    let w = Writer {
        text,
        toks: &toks,
        lay: &lay,
        t,
        scan: &scan,
        units: &units,
        real,
        date_toks: &date_toks,
        voices,
        withdrawn: withdrawn_sentences(&scan, &lay),
    };
    w.suggestions(&figures, &fig_toks)
}

/// Per sentence, whether it gives the outlet's withdrawn story (`Editor's note: An earlier
/// version of this story ... said 41 people had been killed`, `تنويه: ورد في نسخة سابقة من هذا
/// الخبر أن 39 شخصاً قُتلوا`): it names the earlier story (`SELF_REFERENCES`) and relays no one
/// (`..., citing police officials` keeps the officials' figure). One pass over the tokens.
fn withdrawn_sentences(scan: &Scan<'_>, lay: &Layout) -> Vec<bool> {
    let mut names = vec![false; lay.sentences.len()];
    let mut relays = vec![false; lay.sentences.len()];
    for k in 0..scan.toks.len() {
        let s = lay.sent_of[k] as usize;
        if scan.cue_at[k].is_some_and(|(c, _)| matches!(c.family, Family::Relay | Family::Frame)) {
            relays[s] = true;
        }
        if !names[s] && scan.phrase_at(k, &scan.t.self_references).is_some() {
            names[s] = true;
        }
    }
    names.iter().zip(&relays).map(|(n, r)| *n && !*r).collect()
}

/// Token spans of byte spans (both in order), and the span index of each token.
fn spans_to_tokens(
    toks: &[Token],
    spans: impl Iterator<Item = (usize, usize)>,
) -> (Vec<(usize, usize)>, Vec<u32>) {
    let mut at = vec![NONE; toks.len()];
    let mut out = Vec::new();
    let mut k = 0;
    for (idx, (a, b)) in spans.enumerate() {
        while k > 0 && toks[k - 1].end > a {
            k -= 1;
        }
        while k < toks.len() && toks[k].end <= a {
            k += 1;
        }
        let first = k;
        let mut j = k;
        while j < toks.len() && toks[j].start < b {
            at[j] = idx as u32;
            j += 1;
        }
        out.push((first, j));
        k = j;
    }
    (out, at)
}

struct Writer<'a> {
    text: &'a str,
    toks: &'a [Token],
    lay: &'a Layout,
    t: &'static Tables,
    scan: &'a Scan<'a>,
    /// The attributions (`..real`, in order of their cues), then the names that speak without
    /// a verb (an interviewee, a body signing a statement).
    units: &'a [Unit],
    real: usize,
    date_toks: &'a [(usize, usize)],
    /// Per paragraph, who speaks for the figures without an attribution of their own (a
    /// bulletin's author, an interviewee, a body signing the paragraph).
    voices: Vec<Option<Voice>>,
    /// Per sentence, whether it gives the outlet's withdrawn story (see `in_a_correction`).
    withdrawn: Vec<bool>,
}

/// Words of a journalist's question (normalised): a figure in their clause is what was asked.
const ASKED: &[&str] = &["asked", "سؤاله", "سؤالها", "سؤال", "سئل", "سئلت", "سؤالنا"];

/// Nouns of a capacity (normalised): a figure in their clause is what a place can hold.
const CAPACITY: &[&str] =
    &["capacity", "قدره", "قدرتها", "قدرته", "طاقه", "طاقتها", "سعه", "سعتها", "الاستيعابيه"];

/// An Arabic verb in the future (`سنخسر`, `سيصل`, `ستبلغ`): the prefix س before a present-tense
/// prefix and a stem of three letters or more; not the words that merely start so (ستة، سنة،
/// سيارة، ستين).
fn future_verb(norm: &str) -> bool {
    const NOT: &[&str] = &["ستين", "ستون", "سنوات", "سنويا", "سيارات", "ستمئه", "ستمائه", "سيناء", "سيدات"];
    let mut c = norm.chars();
    let (Some('س'), Some(p)) = (c.next(), c.next()) else { return false };
    matches!(p, 'ي' | 'ت' | 'ن')
        && c.count() >= 3
        && !NOT.contains(&norm)
        && !norm.ends_with('ه')
        && !norm.starts_with("سيطر")
}

/// Words that turn a sentence to another clause: a cumulative window before them does not date
/// a figure after them (nor the other way round).
const WINDOW_TURNS: &[&str] = &[
    "but",
    "while",
    "whereas",
    "although",
    "adding",
    "noting",
    "لكن",
    "لكنه",
    "لكنها",
    "بينما",
    "فيما",
    "لافتا",
    "مشيرا",
    "مضيفا",
    "مؤكدا",
    "لافته",
    "مشيره",
    "مضيفه",
    "مؤكده",
    "غير",
];

impl Writer<'_> {
    fn suggestions(&self, figures: &[FoundFigure], fig_toks: &[(usize, usize)]) -> Vec<Suggestion> {
        let units_of = self.units_by_sentence();
        let speakers = self.speakers();
        let mut kept: Vec<(usize, Option<usize>, Option<Voice>)> = Vec::new();
        // The end of the last figure left out as no claim, and whether it began a breakdown.
        let mut left_out: Option<(usize, bool)> = None;
        for (fi, &(a, b)) in fig_toks.iter().enumerate() {
            if a >= b {
                continue;
            }
            let s = self.lay.sent_of[a] as usize;
            let here = &units_of[s];
            if self.lay.sentences[s].heading || a < self.lay.sentences[s].body || self.in_region(a) {
                continue;
            }
            let part = left_out.and_then(|(end, in_list)| self.part_of_left_out(end, in_list, a));
            if part.is_some() || self.not_a_claim(a, b, figures.get(fi)) {
                // A number with no noun left out (`أشهر الحصار الأربعة عشر`) has no breakdown.
                let counted = figures.get(fi).is_some_and(|f| f.reading.noun.is_some());
                if counted || part.is_some() {
                    left_out = Some((b, part.is_some()));
                }
                continue;
            }
            left_out = None;
            let voice = self.voices[self.lay.sentences[s].para].filter(|v| self.units[v.unit].sentence <= s);
            let unit = self.attribute(a, b, here.clone(), &speakers);
            let unit = unit.or_else(|| if voice.is_none() { self.carried_on(s, &units_of) } else { None });
            kept.push((fi, unit, voice));
        }
        let mut figs_in_sentence = vec![0u32; self.lay.sentences.len()];
        for (fi, _, _) in &kept {
            figs_in_sentence[self.lay.sent_of[fig_toks[*fi].0] as usize] += 1;
        }
        let mut out = Vec::new();
        let mut used = vec![false; self.units.len()];
        for (fi, unit, voice) in kept {
            let (a, b) = fig_toks[fi];
            let s = self.lay.sent_of[a] as usize;
            // A voice speaks for a figure without attribution, or with a verb that has no subject.
            let speaker_found = unit.is_some_and(|u| self.units[u].owner(u).is_some());
            // A speaker carried over from another paragraph gives way to a speaker's label.
            let para_of = |u: usize| self.lay.sentences[self.units[u].sentence].para;
            let carried = unit.is_some_and(|u| {
                para_of(u) != self.lay.sentences[s].para
                    || self.units[u].source.is_none()
                        && self.units[u].from.is_some_and(|f| para_of(f) != self.lay.sentences[s].para)
            });
            let (unit, note) = match voice {
                Some(v) if !speaker_found || (carried && v.labelled()) => (Some(v.unit), Some(v.note)),
                _ => (unit, None),
            };
            // A speaker named in another sentence still gets a statement of its own sentence.
            if let Some(u) = unit.filter(|u| self.units[*u].sentence == s) {
                used[u] = true;
            }
            let several = figs_in_sentence[s] > 1 || units_of[s].len() > 1;
            let (qa, qb) = self.quote_span(a, b, unit.filter(|u| self.units[*u].sentence == s), several);
            // The quote always holds the whole wording, even one the reader carried past the
            // end of the sentence.
            let (qa, qb) = (qa.min(a), qb.max(b));
            let in_speech = self.lay.quote_of[a] != NONE;
            let mut figure = figures[fi].clone();
            if let Some(noun) = self.things_counted_before(fi, figures, fig_toks) {
                figure.reading.noun = Some(noun);
            }
            out.push(self.suggestion(qa, qb, Some(figure), (unit, note), (a, b), in_speech));
        }
        out.extend(self.statements(&used, &units_of));
        out.sort_by_key(|s| (s.start, s.figure.as_ref().map(|f| f.start)));
        out
    }

    /// A sentence with no attribution of its own carries on the one before it in its paragraph
    /// (`The monitor recorded 73 deaths in 2024. Children accounted for 19.`): its last
    /// attribution that names a speaker. Not a scene the reporter describes (`Dozens of
    /// relatives waited outside its morgue`).
    ///
    /// The first sentence of a paragraph carries on the last attribution of the paragraph before
    /// only when the next attribution of its own paragraph names the same speaker (`By province,
    /// East Karval was the deadliest, with 88 deaths. The report also tallied ...`).
    fn carried_on(&self, s: usize, units_of: &[std::ops::Range<usize>]) -> Option<usize> {
        let p = s.checked_sub(1)?;
        let sentence = &self.lay.sentences[s];
        if self.lay.sentences[p].heading || !units_of[s].is_empty() {
            return None;
        }
        let speaker = |u: &usize| self.units[*u].owner(*u).is_some();
        let before = units_of[p].clone().rev().find(speaker)?;
        if (sentence.body..sentence.end).any(|k| self.scan.in_set(k, &self.scan.t.scene_words)) {
            return None;
        }
        if self.lay.sentences[p].para == sentence.para {
            return Some(before);
        }
        let name = |u: usize| self.units[u].owner(u).and_then(|o| self.units[o].name_span());
        let next = (s + 1..self.lay.sentences.len())
            .take_while(|n| self.lay.sentences[*n].para == sentence.para)
            .find_map(|n| units_of[n].clone().find(speaker))?;
        let same = |a: Option<(usize, usize)>, b: Option<(usize, usize)>| {
            a.zip(b).is_some_and(|(x, y)| {
                x == y
                    || crate::normalize::fold_name(self.scan.span_text(x))
                        == crate::normalize::fold_name(self.scan.span_text(y))
            })
        };
        same(name(before), name(next)).then_some(before)
    }

    /// A bare number after a count of things in its sentence counts the same things (`Of 14
    /// convoys requested, six were approved`, `26 centres, 21 of which are full`), unless a word
    /// for what happens to people stands beside it (`destroyed 30 homes and killed 12`).
    fn things_counted_before(
        &self,
        fi: usize,
        figures: &[FoundFigure],
        fig_toks: &[(usize, usize)],
    ) -> Option<String> {
        let (a, b) = fig_toks[fi];
        if figures[fi].reading.noun.is_some() || b != a + 1 || fi == 0 {
            return None;
        }
        let (pa, _) = fig_toks[fi - 1];
        let noun = figures[fi - 1].reading.noun.as_deref().filter(|n| people::counts_things(n))?;
        let same_sentence = pa < a && self.lay.sent_of[pa] == self.lay.sent_of[a];
        let outcome = [a.wrapping_sub(1), b, b + 1, b + 2].iter().any(|k| {
            self.toks.get(*k).is_some_and(|t| {
                t.is_word()
                    && crate::numwords::tokens::clitic_forms(&t.norm)
                        .iter()
                        .any(|(_, _, w)| crate::notation::outcome_of(w).is_some())
            })
        });
        (same_sentence && !outcome).then(|| noun.to_string())
    }

    /// The units of attributions written in the text, in order of their cues.
    fn attributions(&self) -> &[Unit] {
        &self.units[..self.real]
    }

    /// Units whose cue starts in tokens `lo..hi` (units are in order of their cues).
    fn units_between(&self, lo: usize, hi: usize) -> std::ops::Range<usize> {
        let a = self.attributions().partition_point(|u| u.cue.0 < lo);
        let b = self.attributions().partition_point(|u| u.cue.0 < hi);
        a..b.max(a)
    }

    /// Does token k lie in an attribution's region? A region stays well within 128 tokens of
    /// its cue (forty back, a source phrase of forty tokens and its description ahead).
    fn in_region(&self, k: usize) -> bool {
        self.units_between(k.saturating_sub(128), k + 128)
            .any(|u| self.units[u].region.0 <= k && k < self.units[u].region.1)
    }

    /// The range of unit indices in each sentence.
    fn units_by_sentence(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = vec![0..0; self.lay.sentences.len()];
        let mut k = 0;
        for (s, slot) in out.iter_mut().enumerate() {
            let first = k;
            while k < self.real && self.units[k].sentence == s {
                k += 1;
            }
            *slot = first..k;
        }
        out
    }

    /// Numbers that `find_figures` reads but that are not claims here: a compound adjective
    /// (`a 40-page report`), a time (`8 a.m.`), a measure (`20 square metres`), an age after a
    /// name set off by commas (`Samir Khalil, 52,`).
    fn not_a_claim(&self, a: usize, b: usize, figure: Option<&FoundFigure>) -> bool {
        let toks = self.toks;
        let glued = |k: usize| toks.get(k).is_some_and(|t| !t.space_before);
        for k in a..b {
            if toks[k].kind == TokKind::Num
                && toks.get(k + 1).is_some_and(|t| t.is_sym("-"))
                && glued(k + 1)
                && glued(k + 2)
                && toks.get(k + 2).is_some_and(|t| t.kind == TokKind::Word)
            {
                return true;
            }
            if self.scan.in_set(k, &self.t.measure_nouns) {
                return true;
            }
        }
        let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str());
        // `6 p.m.`: the reader may take the `p` for a counted noun.
        for end in [b, b.saturating_sub(1)] {
            if end > a
                && matches!(word(end), Some("a" | "p"))
                && toks.get(end + 1).is_some_and(|t| t.is_sym("."))
                && word(end + 2) == Some("m")
            {
                return true;
            }
        }
        // A numbered list item: a bare number opening its line, alone or before `-`, `.`, `)`
        // (`١- بلدة الكرمة`, `2. Mazraa`).
        if let Some(f) = figure {
            let line_start =
                self.text[..f.start].trim_end_matches([' ', '\t']).ends_with('\n') || f.start == 0;
            let rest = self.text[f.end..].trim_start_matches([' ', '\t']);
            let marker = rest.is_empty() || rest.starts_with(['\n', '-', '.', ')', ':', '\u{2013}']);
            if line_start && marker && f.reading.noun.is_none() && b == a + 1 {
                return true;
            }
        }
        // `a three-storey building`, `a two-year-old`: a number word glued to what it describes.
        if b > a
            && (toks[b - 1].kind == TokKind::Num || crate::numwords::numbers::may_start_number(&toks[b - 1]))
            && toks.get(b).is_some_and(|t| t.is_sym("-"))
            && glued(b)
            && glued(b + 1)
            && toks
                .get(b + 1)
                .is_some_and(|t| t.kind == TokKind::Word && !crate::numwords::numbers::may_start_number(t))
        {
            return true;
        }
        if self.capacity_or_age_list(a)
            || self.asked_or_forecast(a)
            || self.spread_of_claims(a)
            || self.numbered_part(a)
            || self.definite_group(a, b, figure)
        {
            return true;
        }
        if self.phrase_ends_at(a, &self.t.not_a_count_before) || self.rate_of(a, b) {
            return true;
        }
        if let Some(f) = figure {
            // `children under five`, `were under 18`: an age, not a count.
            let verb = |n: &str| n.ends_with("ed") || matches!(n, "died" | "were" | "are" | "was" | "is");
            let under = word(a) == Some("under") && f.reading.noun.as_deref().is_none_or(verb);
            if under && f.reading.low <= 21 {
                return true;
            }
            // `31 of the 44 villages`, `two of the town's five neighbourhoods`: a part of a set
            // of things.
            if f.reading.noun.is_none() && word(b) == Some("of") && self.things_after(b + 1) {
                return true;
            }
        }
        if self.scan.in_set(b, &self.t.measure_nouns) {
            return true;
        }
        // Arabic ages: في الثانية عشرة من عمره (the reader may take `من عمره` as the noun).
        if (a..b + 2).any(|k| self.scan.in_set(k, &self.t.age_after)) {
            return true;
        }
        // An Arabic number word with the article after a noun describes a known set, it does
        // not count one: مستشفيات الوادي الخمسة، الأسابيع الستة.
        if let Some(f) = figure {
            let t = &toks[a];
            let article = f.start > t.start && self.text[t.start..f.start].ends_with("ال");
            if article
                && f.reading.kind == crate::notation::Kind::Exact
                && a > 0
                && toks[a - 1].kind == TokKind::Word
            {
                return true;
            }
        }
        if self.denied(a) || self.in_a_correction(a) || self.inscribed(a) || self.not_a_new_count(a, b) {
            return true;
        }
        self.year_or_age(a, b)
    }

    /// Numbers that name no new count: an age after a superlative (`the youngest of the dead was
    /// 19 and the oldest 63`, `The youngest is seven`) or `aged` (`aged between six and 14`); the
    /// whole a part was taken from, given before (`Two of the 23 died`); a year before a document (`a 2025
    /// report`); a figure that is expected (`a further 500 families are expected`); a time of
    /// day (`by six in the morning`); the size of a set (`one of only three`).
    fn not_a_new_count(&self, a: usize, b: usize) -> bool {
        let toks = self.toks;
        let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str());
        let body = self.lay.sentences[self.lay.sent_of[a] as usize].body;
        let superlative = |k: usize| matches!(word(k), Some("youngest" | "oldest"));
        let age = a > body
            && (superlative(a - 1)
                || matches!(word(a - 1), Some("was" | "is"))
                    && (body.max(a.saturating_sub(6))..a - 1)
                        .rev()
                        .take_while(|k| toks[*k].is_word())
                        .any(superlative)
                || matches!(word(a - 1), Some("aged" | "ages")));
        // The whole is a count given before (`had treated 23 survivors … Two of the 23`).
        let given = |k: usize| {
            (a.saturating_sub(200)..k).any(|j| toks[j].norm == toks[a].norm && self.scan.in_figure(j))
        };
        // `Two of the 23 died`, `Of the 37 detained, 29 are held`.
        let whole = a >= body + 2 && word(a - 1) == Some("the") && word(a - 2) == Some("of") && given(a - 2);
        // `by six in the morning`: a time of day.
        let time = matches!(word(b), Some("in" | "at"))
            && (word(b + 1) == Some("night")
                || word(b + 1) == Some("the")
                    && matches!(word(b + 2), Some("morning" | "afternoon" | "evening")));
        // `one of only three within 40 km`: the size of a set the thing belongs to.
        let one_of = a >= body + 2
            && matches!(word(a - 1), Some("only" | "just"))
            && word(a - 2) == Some("of")
            && a >= 3
            && word(a - 3) == Some("one");
        let year = toks[a].kind == TokKind::Num
            && toks[a].norm.len() == 4
            && toks[a].norm.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
            && self.scan.in_set(a + 1, &self.t.document_nouns);
        let expected = (b..b + 3).any(|k| matches!(word(k), Some("expected" | "due")))
            && matches!(word(b), Some("are" | "were" | "is" | "expected"));
        age || whole || year || expected || time || one_of
    }

    /// Inside quotation marks opened right after words of writing or chanting (`INSCRIPTIONS`:
    /// `a banner reading "49 names"`, `لافتة كُتب عليها «49 اسماً، 49 كذبة»`): a slogan.
    fn inscribed(&self, a: usize) -> bool {
        let body = self.lay.sentences[self.lay.sent_of[a] as usize].body;
        let mut marks = 0;
        for k in (body.max(a.saturating_sub(16))..a).rev() {
            if !self.scan.is_quote_mark(k) {
                continue;
            }
            marks += 1;
            if marks > 1 {
                return false;
            }
            if self.phrase_ends_at(k, &self.t.inscriptions) {
                return true;
            }
        }
        false
    }

    /// `in 2014`, `عام 2015` (a year the date reader did not take), `Hassan Ali, 34,`, `his
    /// nephew, 17,` (an age in apposition).
    fn year_or_age(&self, a: usize, b: usize) -> bool {
        let toks = self.toks;
        let bare_number = b == a + 1 && toks[a].kind == TokKind::Num;
        // `in 2014`, `عام 2015`: a year the date reader did not take.
        let year = toks[a].kind == TokKind::Num
            && toks[a].norm.len() == 4
            && toks[a].norm.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
            && a > 0
            && crate::numwords::tokens::clitic_forms(&toks[a - 1].norm)
                .iter()
                .any(|(_, _, w)| self.t.year_before.contains(*w));
        // `Hassan Ali, 34,`, `his nephew, 17,`: an age in apposition.
        let after_name = a >= 2
            && toks[a - 1].is_sym(",")
            && ((toks[a - 2].upper && toks[a - 2].norm.is_ascii())
                || self.scan.exact_in(a - 2, &self.t.kin_nouns));
        let closed = toks.get(b).is_some_and(|t| t.is_sym(",") || t.is_sym(".") || t.is_sym(")"));
        year || (bare_number && after_name && closed)
            || self.age_or_vote_pair(a, bare_number)
            || self.household(a)
    }

    /// A household's size (see `HOUSEHOLD_BEFORE`): no outcome right before it. Or kin after a
    /// possessive (`her two daughters`, `HOUSEHOLD_KIN`).
    fn household(&self, a: usize) -> bool {
        let possessive =
            a > 0 && matches!(self.scan.word(a - 1), Some("his" | "her" | "their" | "my" | "our"));
        let kin =
            (a + 1..(a + 3).min(self.toks.len())).find(|k| self.scan.exact_in(*k, &self.t.household_kin));
        // Unless they are what happened (`his two sons had been taken`, `were killed`).
        let befell = |k: usize| {
            let told = |j: usize| {
                self.scan.word(j).is_some_and(|w| {
                    w.ends_with("ed")
                        || w.ends_with("en")
                        || matches!(w, "among" | "missing" | "dead" | "still")
                })
            };
            matches!(self.scan.word(k + 1), Some("were" | "had" | "have" | "are")) && (k + 2..k + 4).any(told)
        };
        if possessive && kin.is_some_and(|k| !befell(k)) {
            return true;
        }
        let Some(len) = self
            .t
            .household_before
            .iter()
            .find(|p| self.phrase_ends_at(a, std::slice::from_ref(p)))
            .map(Vec::len)
        else {
            return false;
        };
        // `shot dead a family of six`, `بين القتلى عائلة`: the outcome next to the family.
        let start = a - len;
        let start = if start > 0 && matches!(self.toks[start - 1].norm.as_str(), "a" | "the") {
            start - 1
        } else {
            start
        };
        !(start.saturating_sub(1)..start).any(|k| {
            self.toks[k].is_word()
                && crate::numwords::tokens::clitic_forms(&self.toks[k].norm)
                    .iter()
                    .any(|(_, _, w)| crate::notation::outcome_of(w).is_some())
        })
    }

    /// A bare number in a relative clause of age (`her parents, who are 80 and 84`) or the second
    /// of a vote (`voted 9 to 2`, `بأغلبية تسعة أعضاء مقابل اثنين`): the phrase before the first
    /// number of the pair, which may be this one.
    fn age_or_vote_pair(&self, a: usize, bare_number: bool) -> bool {
        let word = |k: usize| self.toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str());
        let joint = |k: usize| matches!(word(k), Some("and" | "to" | "مقابل"));
        let first =
            (a.saturating_sub(4)..a).find(|k| self.scan.in_figure(*k) && (k + 1..a).any(joint)).unwrap_or(a);
        let age = bare_number
            && first >= 2
            && word(first - 1).is_some_and(|w| matches!(w, "are" | "is" | "was" | "were"))
            && (first.saturating_sub(3)..first - 1).any(|k| word(k) == Some("who"));
        age || (first < a && self.phrase_ends_at(first, &self.t.vote_before))
    }

    /// A figure denied by the one before it (`3 people had died, not 14`, `ثلاثة أشخاص وليس
    /// 13`, `rather than 14`): `not` (`DENYING_BEFORE`) right before it and another figure at
    /// most eight words before that, in the same sentence.
    fn denied(&self, a: usize) -> bool {
        let Some(n) = a.checked_sub(1) else { return false };
        if !self.phrase_ends_at(a, &self.t.denying_before) {
            return false;
        }
        let body = self.lay.sentences[self.lay.sent_of[a] as usize].body;
        (body.max(n.saturating_sub(8))..n).any(|k| self.scan.in_figure(k))
    }

    /// A figure a correction withdraws (see `withdrawn_sentences`).
    fn in_a_correction(&self, a: usize) -> bool {
        self.withdrawn[self.lay.sent_of[a] as usize]
    }

    /// Does one of the phrases end right before token `a` (its last word with any clitic)?
    /// A capacity with words between the verb and `for` (`the jail, built in the 1980s for 900
    /// inmates`, `designed in 2010 for 40 patients`), or the second age of a list (`aged 9 and
    /// 12`, `أعمارهم 9 و12`): not counts.
    fn capacity_or_age_list(&self, a: usize) -> bool {
        let toks = self.toks;
        let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str());
        let Some(before) = a.checked_sub(1) else { return false };
        if word(before) == Some("for") {
            let built = (before.saturating_sub(6)..before)
                .rev()
                .take_while(|k| toks[*k].kind != TokKind::Sym)
                .any(|k| {
                    matches!(
                        word(k),
                        Some("built" | "designed" | "intended" | "meant" | "equipped" | "planned")
                    )
                });
            if built {
                return true;
            }
        }
        // `aged 9, 11 and 13`, `ages 4 to 7`: every number of the list after `aged` is an age.
        let mut k = a;
        let mut numbers = 0;
        // Twenty-four tokens back at most: a list of ages is short.
        while k > 0 && a - k < 24 {
            let t = &toks[k - 1];
            if t.kind == TokKind::Num {
                numbers += 1;
            } else if !(t.is_sym(",") || matches!(word(k - 1), Some("and" | "or" | "to" | "و" | "او"))) {
                break;
            }
            k -= 1;
        }
        numbers > 0
            && matches!(
                word(k.wrapping_sub(1)),
                Some("aged" | "ages" | "age" | "العمر" | "اعمارهم" | "اعمارهما")
            )
    }

    /// `Art. 44 of the penal code`, `Sec. 3`, `Para. 12`: the number of a part of a text.
    fn numbered_part(&self, a: usize) -> bool {
        let toks = self.toks;
        a >= 2
            && toks[a - 1].is_sym(".")
            && toks[a - 2].kind == TokKind::Word
            && matches!(
                toks[a - 2].norm.as_str(),
                "art" | "arts" | "sec" | "para" | "ch" | "chap" | "cl" | "vol" | "pp" | "p"
            )
    }

    /// `said the 48 had been pardoned`, `He is not among the 27`: a bare number after `the`
    /// names a group counted before, it does not count it again (`the 903 recorded last year`,
    /// with what it says of them, still does).
    fn definite_group(&self, a: usize, b: usize, figure: Option<&FoundFigure>) -> bool {
        let toks = self.toks;
        let bare =
            b == a + 1 && toks[a].kind == TokKind::Num && figure.is_some_and(|f| f.reading.noun.is_none());
        let after = toks.get(b).map(|t| (t.kind, t.norm.as_str()));
        let ends = match after {
            None => true,
            Some((TokKind::Sym, _)) => true,
            Some((_, w)) => {
                matches!(w, "had" | "have" | "has" | "were" | "was" | "are" | "is" | "will" | "would")
            }
        };
        bare && a > 0 && toks[a - 1].norm == "the" && ends
    }

    /// A figure a journalist asks about (`Asked about reports of more than 50 dead, he said`,
    /// `وعند سؤاله عن تقارير تحدثت عن سقوط أكثر من خمسين قتيلاً`, any figure of a sentence ending
    /// in a question mark), one a speaker foresees (`we will lose two or three`, `سنخسر اثنين أو
    /// ثلاثة`), or one of a capacity (`قدرة هذه المراكز لا تتجاوز 6 آلاف شخص`, `a capacity of
    /// just over 900 people`): no claim of a count.
    /// A figure that breaks down one left out as no claim is left out too: `interviews with 71
    /// people, among them 29 former detainees, relatives of the dead and two former guards`,
    /// `مقابلات مع 68 شخصاً، بينهم 27 معتقلاً سابقاً وحارسان سابقان`. The breakdown opens with
    /// `among them`, `including`, `بينهم`, `منهم` (`BREAKDOWN_OPENERS`) within its sentence,
    /// twelve tokens after the figure left out at most, and its later items follow in a list
    /// (commas, `and`, `و`; no verb). Returns `Some` when `a` is such a part.
    fn part_of_left_out(&self, end: usize, in_list: bool, a: usize) -> Option<()> {
        if a < end || a - end > 12 || self.lay.sent_of[end.saturating_sub(1)] != self.lay.sent_of[a] {
            return None;
        }
        let opener = (end..a).any(|k| self.scan.in_set(k, &self.t.breakdown_openers));
        let list = in_list
            && (end..a).all(|k| {
                let t = &self.toks[k];
                let verb = crate::notation::looks_like_verb(&t.norm)
                    || (t.norm.is_ascii() && t.norm.ends_with("ed"))
                    || self.scan.in_set(k, &self.t.be)
                    || self.scan.in_set(k, &self.t.complementizers);
                t.kind != TokKind::Num && !verb
            });
        (opener || list).then_some(())
    }

    /// The spread of other parties' figures, summed up by the writer: `Claims about the toll
    /// have ranged from a dozen to nearly 200`, `تراوحت الأرقام المتداولة بين عشرة ونحو مئتي
    /// قتيل`, `Tolls between 31 and 36 are the best supported`. A verb of ranging and a noun of
    /// figures or claims before the figure in its sentence (thirty words back at most), or a
    /// plural noun of figures right before it. Each party's own figure is still offered where
    /// the party gives it.
    fn spread_of_claims(&self, a: usize) -> bool {
        let s = &self.lay.sentences[self.lay.sent_of[a] as usize];
        let from = s.body.max(a.saturating_sub(30));
        let ranging = (from..a).any(|k| self.scan.in_set(k, &self.t.range_verbs));
        let claims = |k: usize| self.scan.in_set(k, &self.t.claim_nouns);
        // `Tolls between 31 and 36`: the noun opens the sentence or follows a determiner (not
        // the verbs `claims 40`, `counts 30`).
        let opens = |k: usize| {
            k == s.body
                || matches!(self.toks[k - 1].norm.as_str(), "the" | "these" | "those" | "all" | "both")
        };
        (ranging && (from..a).any(claims))
            || (a > s.body && claims(a - 1) && self.toks[a - 1].norm.ends_with('s') && opens(a - 1))
    }

    fn asked_or_forecast(&self, a: usize) -> bool {
        let toks = self.toks;
        let s = &self.lay.sentences[self.lay.sent_of[a] as usize];
        let question_mark = (s.body..s.end).rev().take(3).any(|k| toks[k].is_sym("?") || toks[k].is_sym("؟"));
        if question_mark && self.lay.quote_of[a] == NONE {
            return true;
        }
        let forms = |k: usize| crate::numwords::tokens::clitic_forms(&toks[k].norm);
        // Back through the figure's clause: to a comma, `that` or `أن` (`working at three times
        // its capacity and that 19 of the wounded had been moved` keeps the 19).
        let opens = |k: usize| {
            toks[k].is_sym(",")
                || toks[k].is_sym("،")
                || forms(k).iter().any(|(_, _, w)| matches!(*w, "that" | "ان"))
        };
        let clause = (s.body..a).rev().take_while(|k| !opens(*k)).take(12);
        for (n, k) in clause.enumerate() {
            if !toks[k].is_word() {
                continue;
            }
            let asked = forms(k).iter().any(|(_, _, w)| ASKED.contains(w));
            let capacity = n < 6 && forms(k).iter().any(|(_, _, w)| CAPACITY.contains(w));
            // `expected "up to 15,000" people to return`, `planned to vaccinate about 90,000`,
            // `تعتزم توزيع`: an expectation or a plan is no count of what happened.
            let plan =
                matches!(toks[k].norm.as_str(), "planned" | "plans" | "plan" | "aims" | "intends" | "hopes")
                    && toks.get(k + 1).is_some_and(|t| t.norm == "to");
            let expected = matches!(toks[k].norm.as_str(), "expected" | "expects" | "projected")
                || forms(k).iter().any(|(_, _, w)| matches!(*w, "تعتزم" | "يعتزم" | "تخطط" | "يخطط"));
            let will = (n < 6 && (plan || expected))
                || n < 3
                    && (matches!(toks[k].norm.as_str(), "will" | "shall" | "سوف" | "يقضي")
                        || future_verb(&toks[k].norm)
                        || (toks[k].norm == "to"
                            && k > 0
                            && matches!(toks[k - 1].norm.as_str(), "is" | "are")));
            if asked || capacity || will {
                return true;
            }
        }
        false
    }

    /// A rate, of people or of anything else, is a flow and not a count a researcher records
    /// (`300 new arrivals every day`, `from 40 to 190 men were crossing each day`, `من 400 إلى
    /// 600 شخص يعودون يومياً`, `نسجل يومياً بين 300 و400 وافد`, `one meal a day`). Looked for
    /// after the figure and its verb (eight words at most, not past punctuation or another
    /// number), or as a rate adverb just before it. Not a rate: `in a day`, `for a week`, `during
    /// a week of protests` (a span), `a day after the truce`, `a week ago` (a date).
    fn rate_of(&self, a: usize, b: usize) -> bool {
        let toks = self.toks;
        let word = |k: usize| toks.get(k).filter(|t| t.kind == TokKind::Word).map(|t| t.norm.as_str());
        // `shared by roughly 400 people each.`: a share of each, at the end of its clause.
        if word(b) == Some("each") && toks.get(b + 1).is_none_or(|t| t.kind == TokKind::Sym) {
            return true;
        }
        // The reader may have taken the rate into the counted noun (`نحو 200 مريض يومياً`).
        let last = (b + 8).min(toks.len());
        for (k, t) in toks.iter().enumerate().take(last).skip(a + 1) {
            if let Some(e) = self.scan.phrase_at(k, &self.t.rate_after) {
                let span = k > 0
                    && matches!(
                        word(k - 1),
                        Some("in" | "for" | "within" | "over" | "than" | "of" | "during" | "throughout")
                    );
                let date =
                    matches!(word(e), Some("after" | "before" | "later" | "earlier" | "ago" | "since"));
                return !span && !date;
            }
            // `hundreds of families are living on one meal a day`: the rate is the meal's.
            let number = t.kind == TokKind::Num || crate::numwords::numbers::may_start_number(t);
            if k >= b && (t.kind == TokKind::Sym && !t.is_sym("-") || (k > b && number)) {
                break;
            }
        }
        if (a.saturating_sub(3)..a)
            .any(|k| self.scan.phrase_at(k, &self.t.rate_before).is_some_and(|e| e <= a))
        {
            return true;
        }
        // `We can treat about 40 at a time`: a capacity.
        let able = (a.saturating_sub(6)..a).any(|k| self.scan.in_set(k, &self.t.able));
        able && (b..(b + 4).min(toks.len())).any(|k| self.scan.phrase_at(k, &self.t.at_one_time).is_some())
    }

    fn phrase_ends_at(&self, a: usize, phrases: &[Vec<String>]) -> bool {
        let toks = self.toks;
        phrases.iter().any(|p| {
            let Some(start) = a.checked_sub(p.len()) else { return false };
            p.iter().enumerate().all(|(j, w)| {
                let t = &toks[start + j];
                t.kind == TokKind::Word
                    && if j + 1 == p.len() {
                        crate::numwords::tokens::clitic_forms(&t.norm).iter().any(|(_, _, r)| r == w)
                    } else {
                        &t.norm == w
                    }
            })
        })
    }

    /// After `of`: is the first noun (past `the`, a possessive and a number) a thing?
    fn things_after(&self, from: usize) -> bool {
        let toks = self.toks;
        for k in from..(from + 8).min(toks.len()) {
            let t = &toks[k];
            if t.kind != TokKind::Word {
                if t.kind == TokKind::Num || t.is_sym("'") {
                    continue;
                }
                return false;
            }
            let possessor = toks.get(k + 1).is_some_and(|n| n.is_sym("'"));
            if possessor
                || matches!(t.norm.as_str(), "the" | "its" | "their" | "his" | "her" | "s")
                || crate::numwords::numbers::may_start_number(t)
            {
                continue;
            }
            return people::counts_things(&t.norm);
        }
        false
    }

    /// Who is speaking in each quotation: the attribution right after it (`," said Mona`), or
    /// the speaker of the quotation before it in the paragraph when it opens a sentence, or
    /// the attribution that introduces it (`told this newspaper that "...`).
    fn speakers(&self) -> Vec<Option<usize>> {
        let quotes = &self.lay.quotes;
        let mut out: Vec<Option<usize>> = vec![None; quotes.len()];
        // The speaker of the last speech quotation, with its paragraph.
        let mut previous: Option<(usize, Option<usize>)> = None;
        for q in 0..quotes.len() {
            if !quotes[q].speech {
                continue;
            }
            let (open, close) = (quotes[q].open, quotes[q].close);
            let s_close = self.lay.sent_of[close];
            let after = self.units_between(close + 1, close + 48).find(|u| {
                let r = self.units[*u].region.0;
                r > close
                    && r <= close + 3
                    && (close + 1..r).all(|k| self.toks[k].is_sym(",") || self.toks[k].is_sym("."))
                    && self.units[*u].sentence as u32 == s_close
                    && self.units[*u].owner(*u).is_some()
            });
            let s_open = &self.lay.sentences[self.lay.sent_of[open] as usize];
            let opens_sentence = open <= s_open.body + 1;
            let before = previous.filter(|(para, _)| *para == s_open.para).and_then(|(_, sp)| sp);
            let introduced = self.units_between(open.saturating_sub(128), open).rev().find(|u| {
                let un = &self.units[*u];
                un.region.1 <= open && open <= un.region.1 + 3 && un.forward
            });
            out[q] = after.or(if opens_sentence { before } else { None }).or(introduced);
            previous = Some((s_open.para, out[q]));
        }
        out
    }

    /// The attribution of a figure: its quotation's speaker, else the attribution that points
    /// at it in its sentence.
    fn attribute(
        &self,
        a: usize,
        b: usize,
        here: std::ops::Range<usize>,
        speakers: &[Option<usize>],
    ) -> Option<usize> {
        let q = self.lay.quote_of[a];
        if q != NONE {
            if let Some(u) = speakers[q as usize] {
                return Some(u);
            }
        }
        // Units are in order of their cues; a region ends well within 128 tokens of its cue.
        let near = self.units_between(a.saturating_sub(128), b + 128);
        let near = near.start.max(here.start)..near.end.min(here.end);
        let before = near.clone().rev().find(|u| self.units[*u].region.1 <= a);
        // An attribution in a relative clause speaks only of what follows it; a frame whose
        // source relays another gives the originator (`according to X, which cited Y`).
        let after = near
            .clone()
            .find(|u| self.units[*u].region.0 >= b)
            .filter(|u| !self.units[*u].relative)
            .map(|u| self.scan.relay_on_frame(self.attributions(), u).unwrap_or(u));
        let here = if here.clone().any(|u| self.units[u].relative && self.units[u].region.0 >= b) {
            here.start..here.start
        } else {
            here
        };
        match (before, after) {
            // `X said 19 were killed, citing the Red Crescent`: the source cited at the end of
            // the clause is the speaker of what it closes.
            (_, Some(n))
                if self.units[n].family == Family::Relay
                    && !self.units[n].forward
                    && self.cites_a_speaker(n) =>
            {
                Some(n)
            }
            // `أحدث المعلومات في هذا السياق تفيد عن إعدام 60 …، وفقاً لمصادر محلية`: a verb
            // before the figure that names no speaker gives way to one closing the clause.
            (Some(p), Some(n))
                if self.units[p].owner(p).is_none()
                    && self.units[n].owner(n).is_some()
                    && !self.units[n].forward =>
            {
                Some(n)
            }
            (Some(p), _) if self.units[p].forward => Some(p),
            (_, Some(n)) if !self.units[n].forward => Some(n),
            (Some(p), _) => Some(p),
            (None, Some(n)) if here.len() == 1 => Some(n),
            (None, None) if here.len() == 1 => here.clone().next(),
            _ => None,
        }
    }

    /// Does a relay cite someone who speaks, not the speaker's own material?
    fn cites_a_speaker(&self, u: usize) -> bool {
        self.units[u].source.is_some_and(|y| self.scan.cites_a_speaker(y))
    }

    /// Token span of the quote of a figure: its sentence, or, when the sentence holds several
    /// figures or attributions, the clauses from its attribution to the figure.
    fn quote_span(&self, a: usize, b: usize, unit: Option<usize>, several: bool) -> (usize, usize) {
        let s = &self.lay.sentences[self.lay.sent_of[a] as usize];
        if !several {
            return self.trim_span(s.body, s.end);
        }
        let clause = |k: usize| self.lay.clauses[self.lay.clause_of[k] as usize];
        let mut start = clause(a).0;
        let mut end = clause(b - 1).1;
        if let Some(u) = unit {
            let (ra, rb) = self.units[u].region;
            start = start.min(clause(ra).0);
            end = end.max(clause(rb.saturating_sub(1).max(ra)).1);
        }
        self.trim_span(start.max(s.body), end.min(s.end))
    }

    /// Leaves out punctuation at either end of a span (but not quotation marks or brackets).
    fn trim_span(&self, mut a: usize, mut b: usize) -> (usize, usize) {
        let loose = |t: &Token| t.kind == TokKind::Sym && !matches!(t.norm.as_str(), "\"" | "(" | ")");
        while a + 1 < b && loose(&self.toks[a]) {
            a += 1;
        }
        while b > a + 1 && loose(&self.toks[b - 1]) {
            b -= 1;
        }
        (a, b)
    }

    fn suggestion(
        &self,
        qa: usize,
        qb: usize,
        figure: Option<FoundFigure>,
        (unit, note): (Option<usize>, Option<&'static str>),
        near: (usize, usize),
        in_speech: bool,
    ) -> Suggestion {
        let (qa, qb) = self.cap(qa, qb, near);
        let (start, end) = (self.toks[qa].start, self.toks[qb - 1].end);
        let mut cues: Vec<&'static str> = Vec::new();
        let mut source = None;
        let mut source_span = None;
        if let Some(u) = unit {
            if u < self.real {
                cues.push(self.units[u].family.name());
            }
            if let Some(n) = note.filter(|_| self.units[u].sentence != self.lay.sent_of[near.0] as usize) {
                cues.push(n);
            }
            match self.units[u].owner(u) {
                Some(o) => {
                    if let Some((sa, sb)) = self.units[o].name_span() {
                        let span = (self.source_start(sa), self.toks[sb - 1].end);
                        source = Some(self.text[span.0..span.1].to_string());
                        source_span = Some(span);
                    }
                    if o != u || self.units[o].resolved.is_some() {
                        cues.push("carried over");
                    }
                    if self.units[o].noun {
                        cues.push("source noun");
                    }
                }
                None if self.units[u].own => cues.push("own reporting"),
                None => cues.push("speaker not found"),
            }
        } else {
            cues.push("own reporting");
        }
        if figure.is_some() {
            cues.push("figure");
        }
        let when = self.nearest_date(near, unit).map(|w| without_conjunction(self.text, w));
        if when.is_some() {
            cues.push("date");
        }
        if in_speech && unit.is_some() {
            cues.push("quotation");
        }
        let confidence = cues
            .iter()
            .filter(|c| {
                !matches!(
                    **c,
                    "carried over"
                        | "own reporting"
                        | "speaker not found"
                        | "bulletin author"
                        | "interviewee"
                        | "signed"
                        | "standing note"
                        | "speaker label"
                )
            })
            .count() as u8;
        Suggestion {
            start,
            end,
            quote: self.text[start..end].to_string(),
            figure,
            source,
            source_span,
            when: when.map(|(a, b)| self.text[a..b].to_string()),
            when_span: when,
            confidence,
            cues,
        }
    }

    /// A quote of at most `QUOTE_CAP` characters: past that, the words nearest to `near` (the
    /// figure, or the attribution of a statement), taken one at a time on either side, on word
    /// boundaries. The figure's own wording is always kept whole.
    fn cap(&self, qa: usize, qb: usize, near: (usize, usize)) -> (usize, usize) {
        let count = |from: usize, to: usize| self.text[from..to].chars().count();
        let bytes = self.toks[qb - 1].end - self.toks[qa].start;
        // A character is at most four bytes: only a quote of up to 4 × the cap is counted.
        if bytes <= QUOTE_CAP
            || (bytes <= 4 * QUOTE_CAP && count(self.toks[qa].start, self.toks[qb - 1].end) <= QUOTE_CAP)
        {
            return (qa, qb);
        }
        let (mut a, mut b) = (near.0.clamp(qa, qb - 1), near.1.clamp(qa + 1, qb));
        // The words nearest `near`, one at a time, counting only what each adds.
        let mut n = 0usize;
        let mut k = a;
        while k < b && n <= QUOTE_CAP {
            let from = if k == a { self.toks[k].start } else { self.toks[k - 1].end };
            n += count(from, self.toks[k].end);
            k += 1;
        }
        if n > QUOTE_CAP {
            // The figure or attribution alone is long: its first words, and the figure whole.
            let keep = if near.1 - near.0 == 0 { k } else { k.max(near.1.min(qb)) };
            return (a, keep.max(a + 1));
        }
        loop {
            let mut grew = false;
            if a > qa {
                let add = count(self.toks[a - 1].start, self.toks[a].start);
                if n + add <= QUOTE_CAP {
                    n += add;
                    a -= 1;
                    grew = true;
                }
            }
            if b < qb {
                let add = count(self.toks[b - 1].end, self.toks[b].end);
                if n + add <= QUOTE_CAP {
                    n += add;
                    b += 1;
                    grew = true;
                }
            }
            if !grew {
                break;
            }
        }
        // Start and end on a word, not on punctuation.
        self.trim_span(a, b)
    }

    /// Where a source phrase starts: after a preposition glued to its first noun (`لناشطين`,
    /// `بالمرصد` start at `ناشطين`, `المرصد`).
    fn source_start(&self, k: usize) -> usize {
        let t = &self.toks[k];
        for (n, clitic, rest) in crate::numwords::tokens::clitic_forms(&t.norm) {
            if matches!(clitic, "ل" | "ب" | "بال" | "وب" | "ول")
                && (self.t.source_nouns.contains(rest) || self.t.source_nouns.contains(&format!("ال{rest}")))
            {
                let keep_article = if clitic.ends_with("ال") { n - 2 } else { n };
                return t.offset_of_char(keep_article);
            }
        }
        t.start
    }

    /// The date phrase of a claim: in the sentence of the quote, the one closest to the figure
    /// (or to the attribution, for a statement). A date right after the attribution verb (`said
    /// on Sunday`) dates the statement, not the event: it is taken only when there is no other.
    fn nearest_date(&self, near: (usize, usize), unit: Option<usize>) -> Option<(usize, usize)> {
        let si = self.lay.sent_of[near.0] as usize;
        let s = &self.lay.sentences[si];
        // A heading date split off as a sentence of its own before a colon, in the same
        // paragraph (`الخميس 5 كانون الأول: أفرجت الحكومة عن 34 شخصاً`).
        let heading_before = si
            .checked_sub(1)
            .map(|p| &self.lay.sentences[p])
            .filter(|p| p.para == s.para && p.end > p.body && self.toks[p.end - 1].is_sym(":"))
            .filter(|p| self.scan.date_at.get(p.body).is_some_and(|d| *d != NONE))
            .map(|p| p.body);
        let lo = heading_before.unwrap_or(s.body.max(near.0.saturating_sub(80)));
        let hi = s.end.min(near.1 + 80);
        let said_on = |k: usize| unit.is_some_and(|u| self.dates_statement(u, k, near));
        // A cumulative window (`since January`, `منذ مطلع العام`) dates a toll over all of it:
        // it wins over the day of the statement or of the last event in the same sentence.
        // A date across a turn of the sentence loses to one in the figure's own clause (`returned
        // since the truce, but 200 left over the past five days`, `منذ بدء التهدئة …، لافتاً إلى أن
        // ثلاثة أطفال قتلوا الأحد`).
        let is_word = |k: usize, words: &[&str]| {
            crate::numwords::tokens::clitic_forms(&self.toks[k].norm)
                .iter()
                .any(|(_, _, w)| words.contains(w))
        };
        // A second reported clause (`..., and that hundreds had no care since the strike`,
        // `وأن …`) is a turn too.
        let second_report = |j: usize| {
            j > 0
                && (self.toks[j].norm == "that" && self.toks[j - 1].norm == "and"
                    || self.toks[j].norm == "وان")
        };
        let turn_between = |k: usize| {
            let (a, b) = if k < near.0 { (k, near.0) } else { (near.1, k) };
            (a..b).any(|j| is_word(j, WINDOW_TURNS) || second_report(j))
        };
        let cumulative = |k: usize| is_word(k, &["since", "منذ"]);
        // A date in the figure's own clause (between commas) dates it before one across a comma
        // (`9 staff were wounded since June, three of them in a strike on Sept. 29`), and a clause
        // opened by `when` after a date belongs to that date (`since March 2019, when 300 people
        // were detained`). Far from the figure (more than 12 words), a date of its clause that is
        // not a window belongs to some other part of it (`sentenced four soldiers … for a killing in
        // 2017`).
        let clause_of = |k: usize| self.lay.clause_of[k] as usize;
        let fig_clauses = [clause_of(near.0), clause_of(near.1.max(near.0 + 1) - 1)];
        let when_clause = fig_clauses[0]
            .checked_sub(1)
            .filter(|_| is_word(self.lay.clauses[fig_clauses[0]].0, &["when", "حين", "عندما"]));
        let own_clause = |k: usize, dist: usize| {
            (fig_clauses.contains(&clause_of(k)) && (dist <= 12 || cumulative(k)))
                || when_clause == Some(clause_of(k))
        };
        let mut best: Option<(bool, bool, bool, bool, bool, usize, u32)> = None;
        let mut k = lo;
        while k < hi {
            let d = self.scan.date_at[k];
            if d == NONE {
                k += 1;
                continue;
            }
            let dist = if k < near.0 { near.0 - k } else { k.saturating_sub(near.1) };
            // `up from 204 the previous week`, `مقابل 198 في الأسبوع السابق`: the date of a
            // figure compared with belongs to it alone.
            if self.compared_figure_before(k).is_some_and(|f| f != near.0) {
                k = self.date_toks[d as usize].1.max(k + 1);
                continue;
            }
            // A date opening its sentence before a colon heads an entry of a timeline or a live
            // blog (`Dec. 5: The government freed 38 people`, `الخميس 5 كانون الأول: أفرجت`): it
            // dates the entry's figures, before any window of a clause inside it.
            let end = self.date_toks[d as usize].1;
            let opens = self.scan.date_at.get(s.body).is_some_and(|d| *d != NONE)
                || heading_before.is_some_and(|h| k >= h && k < s.body);
            let heading = opens && k <= s.body + 3 && self.toks.get(end).is_some_and(|t| t.is_sym(":"));
            let key = (turn_between(k), said_on(k), !heading, !own_clause(k, dist), !cumulative(k), dist, d);
            if best
                .is_none_or(|b| (key.0, key.1, key.2, key.3, key.4, key.5) < (b.0, b.1, b.2, b.3, b.4, b.5))
            {
                best = Some(key);
            }
            k = self.date_toks[d as usize].1.max(k + 1);
        }
        let (.., d) = best?;
        let (mut a, b) = self.date_toks[d as usize];
        // The preposition before a date phrase is part of it as written: `on Tuesday`, `خلال
        // الأيام الثلاثة الماضية`.
        let preposition =
            |t: &Token| matches!(t.norm.as_str(), "on" | "in" | "during" | "over" | "خلال" | "في");
        if a > s.body && self.toks.get(a - 1).is_some_and(preposition) {
            a -= 1;
        }
        (a < b).then(|| (self.toks[a].start, self.toks[b - 1].end))
    }

    /// The first token of a figure right before the date at token `k` when a word of comparison
    /// opens that figure (`up from 204 the previous week`, `against 18 a year earlier`, `مقابل
    /// 171 في تموز`).
    fn compared_figure_before(&self, k: usize) -> Option<usize> {
        let mut f = k.checked_sub(1)?;
        // Past a preposition of the date (`في تموز`, `in July`) and a counted noun.
        while f > 0 && self.scan.fig_at.get(f).is_some_and(|x| *x == NONE) && k - f <= 2 {
            f -= 1;
        }
        let fig = *self.scan.fig_at.get(f)?;
        if fig == NONE {
            return None;
        }
        let mut start = f;
        while start > 0 && self.scan.fig_at[start - 1] == fig {
            start -= 1;
        }
        let word = |j: usize| self.toks.get(j).map(|t| t.norm.as_str());
        let compared = start > 0
            && (matches!(word(start - 1), Some("against" | "versus" | "vs" | "مقابل" | "ومقابل"))
                || start > 1
                    && matches!(
                        (word(start - 2), word(start - 1)),
                        (Some("up" | "down" | "rising" | "falling"), Some("from"))
                            | (Some("compared"), Some("with" | "to"))
                            | (Some("بالمقارنه" | "مقارنه"), Some("مع" | "ب"))
                    ));
        compared.then_some(start)
    }

    /// Whether the date at token `k` dates unit `u`'s statement or its source: right after its
    /// verb (`said on Sunday`), between the verb and the reported words (`told the council on
    /// Monday that …`, `أبلغت مجلس الأمن مساء أمس الاثنين أن …`), or in the description of the
    /// source before the figure (`a group that has worked there since 2022, said`).
    fn dates_statement(&self, u: usize, k: usize, near: (usize, usize)) -> bool {
        let cue_end = self.units[u].cue.1;
        if cue_end <= k && k <= cue_end + 1 && self.units[u].source.is_some_and(|(_, b)| b <= cue_end) {
            return true;
        }
        // `that`, `أن`, `بأن`: where the reported words begin.
        let complementizer = |j: usize| {
            crate::numwords::tokens::clitic_forms(&self.toks[j].norm)
                .iter()
                .any(|(_, _, w)| matches!(*w, "that" | "ان"))
        };
        let end = self.date_toks[self.scan.date_at[k] as usize].1;
        // A date in the description of the source (`a demining group that has worked there since
        // 2022, said`, `في تقريرها الذي نشرته اليوم الأربعاء إلى أن`) dates the source or its
        // report, not the claim.
        let (ra, rb) = self.units[u].region;
        if ra <= k && end <= rb && end <= near.0 && k != cue_end {
            return true;
        }
        cue_end <= k
            && k <= cue_end + 6
            && end <= near.0
            && !(cue_end..k).any(complementizer)
            && (end..near.0).any(complementizer)
    }

    /// Attributed statements that carry no figure: `activists confirmed the defection of ...`.
    fn statements(&self, used: &[bool], units_of: &[std::ops::Range<usize>]) -> Vec<Suggestion> {
        let mut out: Vec<Suggestion> = Vec::new();
        let mut last_span = (usize::MAX, usize::MAX);
        for (u, unit) in self.attributions().iter().enumerate() {
            // A frame whose source relays another speaks through the relay.
            if used[u]
                || unit.owner(u).is_none()
                || self.scan.relay_on_frame(self.attributions(), u).is_some()
            {
                continue;
            }
            let s = &self.lay.sentences[unit.sentence];
            let here = units_of[unit.sentence].clone();
            let clause = |k: usize| self.lay.clauses[self.lay.clause_of[k] as usize];
            let (a, b) = if here.len() == 1 {
                (s.body, s.end)
            } else if unit.forward {
                let next = if u + 1 < here.end { self.units[u + 1].region.0 } else { s.end };
                (clause(unit.region.0).0, next.max(unit.region.1))
            } else {
                let prev = if u > here.start { self.units[u - 1].region.1 } else { s.body };
                (prev.min(unit.region.0), clause(unit.region.1.saturating_sub(1).max(unit.region.0)).1)
            };
            let (a, b) = (a.max(s.body), b.min(s.end));
            let content = (a..b)
                .filter(|k| {
                    (*k < unit.region.0 || *k >= unit.region.1) && self.toks[*k].kind == TokKind::Word
                })
                .count();
            if content < 2 || a >= b {
                continue;
            }
            let (qa, qb) = self.trim_span(a, b);
            if (qa, qb) == last_span {
                continue;
            }
            last_span = (qa, qb);
            out.push(self.suggestion(qa, qb, None, (Some(u), None), unit.region, false));
        }
        out
    }
}
