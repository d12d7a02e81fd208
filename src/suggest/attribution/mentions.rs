//! Bodies and people named in the text whether or not they speak there: `The regional health
//! directorate gave a lower toll`, `Dr. Amal Rasheed's desk`, `مديرية صحة محافظة الوادي الأخضر`.
//! A later reference (`The directorate`, `Dr. Rasheed`, `المديرية`, `the charity`) stands for the
//! last of them that fits, as it stands for a source named by an attribution. Found in one pass
//! over the tokens, each mention looked at over a few tokens only.

use std::collections::HashMap;

use crate::numwords::tokens::{clitic_forms, TokKind};

use super::{is_arabic, Scan, Unit};

/// A name in the text: its tokens, the folded head words a reference may stand for, the word a
/// speaker named again would use (`Rasheed`), and whether it names an organisation.
pub(crate) struct Mention {
    pub span: (usize, usize),
    pub heads: Vec<String>,
    /// Heads of a body named inside a person's description (`الناطق باسم لجنة مراقبة الهدنة`):
    /// a reference stands for the person only when nothing else holds the head.
    pub inner_heads: Vec<String>,
    pub surname: Option<String>,
    pub org: bool,
}

/// What is known, at a point of the text, of the names before it: sources named by attributions
/// (units) and mentions, each by head word and by the word that names it again.
pub(super) struct Known {
    /// The last unit whose name holds each folded head word, for `the group`, `المرصد`.
    pub named: HashMap<String, usize>,
    /// The last unit whose name ends on each name word (see `Scan::named_again`).
    pub surnames: HashMap<String, usize>,
    mentions: Vec<Mention>,
    next: usize,
    heard: HashMap<String, usize>,
    heard_inner: HashMap<String, usize>,
    called: HashMap<String, usize>,
    last_org: Option<usize>,
}

impl Known {
    pub fn new(mentions: Vec<Mention>) -> Self {
        Known {
            named: HashMap::new(),
            surnames: HashMap::new(),
            mentions,
            next: 0,
            heard: HashMap::new(),
            heard_inner: HashMap::new(),
            called: HashMap::new(),
            last_org: None,
        }
    }

    /// Takes in the mentions that end before token `pos`.
    pub fn advance(&mut self, pos: usize) {
        while let Some(m) = self.mentions.get(self.next).filter(|m| m.span.1 <= pos) {
            for h in &m.heads {
                self.heard.insert(h.clone(), self.next);
            }
            for h in &m.inner_heads {
                self.heard_inner.insert(h.clone(), self.next);
            }
            if let Some(s) = &m.surname {
                self.called.insert(s.clone(), self.next);
            }
            if m.org {
                self.last_org = Some(self.next);
            }
            self.next += 1;
        }
    }

    /// The last mention holding a head word.
    pub fn mention_with_head(&self, head: &str) -> Option<(usize, usize)> {
        self.heard.get(head).map(|m| self.mentions[*m].span)
    }

    /// The last mention of a person whose description holds a head word (see `inner_heads`).
    pub fn mention_within(&self, head: &str) -> Option<(usize, usize)> {
        self.heard_inner.get(head).map(|m| self.mentions[*m].span)
    }

    /// The last mention whose name ends on a word.
    pub fn mention_called(&self, word: &str) -> Option<(usize, usize)> {
        self.called.get(word).map(|m| self.mentions[*m].span)
    }

    /// The last organisation named with capitals (`Medical Relief International`).
    pub fn last_org(&self) -> Option<(usize, usize)> {
        self.last_org.map(|m| self.mentions[m].span)
    }

    /// The first mention that starts in tokens `lo..hi`, with whether it names an organisation.
    pub fn mention_starting(&self, lo: usize, hi: usize) -> Option<((usize, usize), bool)> {
        let i = self.mentions.partition_point(|m| m.span.0 < lo);
        self.mentions.get(i).filter(|m| m.span.0 < hi).map(|m| (m.span, m.org))
    }
}

/// Where a unit's name lies, for comparing it with a mention: the span its name stands for.
fn unit_end(u: &Unit) -> usize {
    u.source.map_or(u.cue.1, |s| s.1)
}

impl<'a> Scan<'a> {
    /// Every mention of a body or a person, in order of the text.
    pub(crate) fn mentions(&self) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            if self.lay.sentences[self.lay.sent_of[i] as usize].heading || self.word(i).is_none() {
                i += 1;
                continue;
            }
            let found = if self.word(i).is_some_and(is_arabic) {
                self.arabic_apposition(i).or_else(|| self.arabic_mention(i)).or_else(|| self.arabic_titled(i))
            } else if self.upper(i) {
                self.capitalised_run(i)
            } else {
                self.described_body(i)
            };
            match found {
                Some(m) => {
                    i = m.span.1.max(i + 1);
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// `Medical Relief International`, `Dr. Amal Rasheed`, `the Justice Watch Network`: capitalised
    /// words in a row (with initials, hyphens and name particles between them), two at least
    /// besides an opening determiner. A possessive ends it (`Dr. Amal Rasheed's`), unless an
    /// organisation's name goes on after it (`the Hearthstone Children's Fund`).
    pub(super) fn capitalised_run(&self, i: usize) -> Option<Mention> {
        let sentence = self.lay.sent_of[i];
        let mut j = i;
        let mut names = 0;
        while j < self.toks.len() && self.lay.sent_of[j] == sentence {
            let t = &self.toks[j];
            let glued = !t.space_before;
            let next_upper = self.upper(j + 1) && self.lay.sent_of.get(j + 1) == Some(&sentence);
            // `U.K.-based`: an initial glued to a hyphen.
            let next_glued = self.toks.get(j + 1).is_some_and(|n| !n.space_before && n.is_sym("-"));
            if t.kind == TokKind::Word && t.upper && t.norm.is_ascii() && !self.in_date(j) {
                if !self.exact_in(j, &self.t.determiners) {
                    names += 1;
                }
            } else if t.kind == TokKind::Word && j > i && glued && self.sym(j - 1, "-") {
                // `U.K.-based`
            } else if self.sym(j, ".") && glued && (next_upper || next_glued) {
                // `Dr. Amal`, `U.N. agency`
            } else if self.sym(j, "-") && glued && self.toks.get(j + 1).is_some_and(|n| !n.space_before) {
                // `al-Ali`
            } else if j > i && glued && self.sym(j, "'") && self.possessive_in_name(j) {
                // `Hearthstone Children's Fund`, `the Skerrin Bay Fishers' Association`
            } else if j > i && glued && self.word(j) == Some("s") && self.sym(j - 1, "'") && next_upper {
            } else if self.exact_in(j, &self.t.name_particles) && next_upper && j > i {
                // `Medics for the Valley` (`for the` before a capital)
            } else if self.exact_in(j, &self.t.name_particles)
                && self.exact_in(j + 1, &self.t.name_particles)
                && self.upper(j + 2)
                && j > i
            {
            } else {
                break;
            }
            j += 1;
        }
        let end = self.trim(i, j).map_or(j, |(_, b)| b).max(i + 1);
        if names < 2 {
            return None;
        }
        let words: Vec<usize> = (i..end).filter(|k| self.toks[*k].kind == TokKind::Word).collect();
        let titled = words.first().is_some_and(|k| self.exact_in(*k, &self.t.titles));
        let org = !titled && words.iter().any(|k| self.exact_in(*k, &self.t.org_words));
        // `Dr. Rasheed` names someone again; only a full name (`Dr. Amal Rasheed`) gives a
        // surname to later mentions.
        let given = words.iter().filter(|k| !self.exact_in(**k, &self.t.titles)).count();
        let surname = words.last().filter(|_| given >= 2).and_then(|k| self.word(*k)).map(str::to_string);
        Some(Mention {
            span: (i, end),
            heads: self.head_words((i, end)),
            inner_heads: Vec::new(),
            surname,
            org,
        })
    }

    /// A possessive inside a body's name: the apostrophe (at `j`) is followed, past its `s`, by
    /// capitalised words that hold an organisation word (`Children's Fund`, `Fishers'
    /// Association`), not by a person's office (`Rasheed's office`).
    fn possessive_in_name(&self, j: usize) -> bool {
        let k = if self.word(j + 1) == Some("s") && !self.toks[j + 1].space_before { j + 2 } else { j + 1 };
        (k..k + 3).take_while(|x| self.upper(*x)).any(|x| self.exact_in(x, &self.t.org_words))
    }

    /// `The regional health directorate`, `a prison official`: a determiner, one to three
    /// lowercase modifiers and a head from the table of generic heads. The head alone (`the
    /// directorate`) is a reference, not a name.
    fn described_body(&self, k: usize) -> Option<Mention> {
        if !self.exact_in(k, &self.t.generic_heads) || self.upper(k) {
            return None;
        }
        let modifier = |j: usize| {
            self.toks[j].kind == TokKind::Word
                && self.word(j).is_some_and(|w| w.is_ascii())
                && !self.exact_in(j, &self.t.prepositions)
                && !self.exact_in(j, &self.t.complement_openers)
                && !self.exact_in(j, &self.t.be)
                && !self.exact_in(j, &self.t.determiners)
                && self.cue_at[j].is_none()
        };
        let d = (k.saturating_sub(4)..k.saturating_sub(1))
            .rev()
            .find(|d| matches!(self.word(*d), Some("the" | "a" | "an")) && (d + 1..k).all(modifier))?;
        Some(Mention {
            span: (d, k + 1),
            heads: self.head_words((d, k + 1)),
            inner_heads: Vec::new(),
            surname: None,
            org: false,
        })
    }

    /// `وزارة الصحة في إقليم الساحل`, `فرع جمعية الهلال الأحمر في المدينة`: a head from the table
    /// of generic heads without the article, and the definite nouns of its name after it (a
    /// noun in a chain, `في` before one). The head with the article (`الوزارة`) is a reference.
    pub(super) fn arabic_mention(&self, k: usize) -> Option<Mention> {
        let w = self.word(k)?;
        let head = clitic_forms(w).into_iter().any(|(_, cl, rest)| {
            !cl.ends_with("ال") && !rest.starts_with("ال") && self.t.generic_heads.contains(rest)
        });
        if !head {
            return None;
        }
        let definite =
            |j: usize| self.word(j).is_some_and(|w| is_arabic(w) && w.starts_with("ال")) && self.fits_name(j);
        let mut j = k + 1;
        // A word without the article goes on the name when a definite one follows it within two
        // words (`صحة محافظة الوادي`, `في إقليم الساحل`).
        while j < k + 9 && self.fits_name(j) {
            let chain = definite(j + 1) || (self.fits_name(j + 1) && definite(j + 2));
            if !(definite(j) || chain) {
                break;
            }
            j += 1;
        }
        if j < k + 2 || !(k + 1..j).any(definite) {
            return None;
        }
        Some(Mention {
            span: (k, j),
            heads: self.head_words((k, j)),
            inner_heads: Vec::new(),
            surname: None,
            org: false,
        })
    }

    /// A title and a name in apposition, named whether or not they speak: `محافظ قرن الغزال،
    /// سليم الشامي،`, `مدير الصحة في المحافظة، الدكتور عماد قطيش،` (a source noun without the
    /// article and up to six words of its description, a comma, two to four name words and a
    /// comma; a head with the article too when a name follows, `النائب عن تل مروة، طارق نصار،`).
    /// `قال الشامي` later names the whole.
    fn arabic_apposition(&self, k: usize) -> Option<Mention> {
        let head = self.word(k)?;
        let definite = head.starts_with("ال");
        if !self.in_set(k, &self.t.source_nouns) {
            return None;
        }
        // A bogus figure may lie over the words of a title (`بعده مدير الصحة`): figures are
        // not looked at here. `عن` may follow the head (`النائب عن تل مروة`, an MP for a seat).
        let word = |j: usize| {
            self.word(j).is_some_and(is_arabic)
                && self.cue_at[j].is_none()
                && !self.complementizer(j)
                && !self.exact_in(j, &self.t.relatives)
                && (self.word(j) == Some("في")
                    || (j == k + 1 && self.word(j) == Some("عن"))
                    || !self.exact_in(j, &self.t.prepositions))
        };
        let comma = (k + 1..(k + 8).min(self.toks.len())).find(|j| !word(*j))?;
        if !self.sym(comma, ",") || comma == k + 1 {
            return None;
        }
        let close = (comma + 1..(comma + 6).min(self.toks.len())).find(|j| !word(*j))?;
        if !self.sym(close, ",") || close < comma + 3 {
            return None;
        }
        // The words after the comma are a name, not a date (`لجنة الأمن، أمس الأربعاء،`); after a
        // head with the article (`النائب عن تل مروة، طارق نصار،`) not a figure or another body
        // either (`اللجنة الميدانية، وعددها أربع فرق،`).
        if (comma + 1..close).any(|j| {
            self.in_date(j) || (definite && (self.in_figure(j) || self.in_set(j, &self.t.body_heads)))
        }) {
            return None;
        }
        let surname = self.word(close - 1).map(str::to_string);
        // `الناطق باسم لجنة مراقبة الهدنة، العقيد …`: `اللجنة` later stands for it too.
        let mut inner_heads = Vec::new();
        for j in k + 1..comma {
            if let Some(w) = self.word(j).filter(|_| self.in_set(j, &self.t.generic_heads)) {
                inner_heads.extend(crate::normalize::fold_name(w).pop());
            }
        }
        Some(Mention {
            span: (k, close),
            heads: self.head_words((k, close)),
            inner_heads,
            surname,
            org: false,
        })
    }

    /// A title and a name without commas, with the office before them: `نائب وزير الداخلية
    /// اللواء خالد عبيدات`, `الناطق باسم الميليشيا النقيب نزار حموي`, `الطبيب هاني أبو زيد` (a
    /// title from the table of titles, two or three name words, and up to six words of office
    /// back to a source noun). `وقال عبيدات` later names the whole.
    fn arabic_titled(&self, k: usize) -> Option<Mention> {
        if !self.word(k).is_some_and(is_arabic) || !self.exact_in(k, &self.t.titles) {
            return None;
        }
        let name = |j: usize| {
            self.fits_name(j) && !self.exact_in(j, &self.t.titles) && !self.in_set(j, &self.t.source_nouns)
        };
        // A third name word follows `أبو`, `بن`, `عبد` or has the article (`هاني أبو زيد`, `محمد
        // علي الحسن`), not `خالد عبيدات لأكثر من أربع ساعات`.
        let third = self.word(k + 2).is_some_and(|w| matches!(w, "ابو" | "ابي" | "بن" | "ابن" | "عبد"))
            || self.word(k + 3).is_some_and(|w| w.starts_with("ال"));
        let end =
            (k + 1..k + 3 + usize::from(third)).find(|j| !name(*j)).unwrap_or(k + 3 + usize::from(third));
        if end < k + 3 {
            return None;
        }
        let office = |j: usize| {
            self.word(j).is_some_and(is_arabic)
                && self.cue_at[j].is_none()
                && !self.complementizer(j)
                && !self.in_date(j)
                && !self.exact_in(j, &self.t.relatives)
                && (matches!(self.word(j), Some("في" | "باسم" | "عن"))
                    || !self.exact_in(j, &self.t.prepositions))
        };
        let reach = (k.saturating_sub(6)..k).rev().take_while(|j| office(*j)).last().unwrap_or(k);
        let start = (reach..k).find(|j| self.in_set(*j, &self.t.source_nouns)).unwrap_or(k);
        let surname = self.word(end - 1).map(str::to_string);
        Some(Mention {
            span: (start, end),
            heads: self.head_words((start, end)),
            inner_heads: Vec::new(),
            surname,
            org: false,
        })
    }

    /// An Arabic word that may stand in a name: no cue, figure, date, complementizer, content
    /// noun or description.
    fn fits_name(&self, j: usize) -> bool {
        self.word(j).is_some_and(is_arabic)
            && self.cue_at[j].is_none()
            && !self.in_figure(j)
            && !self.in_date(j)
            && !self.complementizer(j)
            && !self.in_set(j, &self.t.content_nouns)
            && !self.exact_in(j, &self.t.description_openers)
            && !self.exact_in(j, &self.t.relatives)
            && (self.word(j) == Some("في") || !self.exact_in(j, &self.t.prepositions))
    }

    /// What a reference (`head`, with modifiers `mods`) stands for: the later of the last unit
    /// and the last mention holding its head; with neither, for an organisation's class noun
    /// (`the charity`), the last organisation named with capitals.
    pub(super) fn stand_for(
        &self,
        units: &[Unit],
        known: &Known,
        found: Option<usize>,
        (head, mods): (&str, &[usize]),
        any: bool,
    ) -> Option<(usize, usize)> {
        let name = |f: usize| units[f].resolved.or(units[f].source);
        let unit = found.and_then(|f| name(f).map(|n| (f, n)));
        let mention = if any { None } else { known.mention_with_head(head) };
        // A body named only inside a person's description stands for that person when nothing
        // else holds the head (`اللجنة` after `الناطق باسم لجنة مراقبة الهدنة، العقيد …`).
        let mention = mention.or_else(|| known.mention_within(head).filter(|_| !any && unit.is_none()));
        match (unit, mention) {
            (Some((f, span)), m) if m.is_none_or(|m| m.0 < unit_end(&units[f])) => {
                self.modifiers_fit(mods, span).then(|| self.reference_part(&units[f], span, head, any))
            }
            (_, Some(m)) if self.modifiers_fit(mods, m) => Some(m),
            // A later mention whose modifiers do not fit (`a police officer` for `the health
            // office`, one stem for both) leaves the unit named before.
            (Some((f, span)), Some(_)) => {
                self.modifiers_fit(mods, span).then(|| self.reference_part(&units[f], span, head, any))
            }
            (None, None) if !any && self.t.class_nouns.contains(head) => {
                known.last_org().filter(|m| self.modifiers_fit(mods, *m))
            }
            _ => None,
        }
    }

    /// A speaker named again by one name word (`Jaber`, `Dr. Rasheed`, `الشيخ إسحق`): the later
    /// of the last unit and the last mention whose name ends on it.
    pub(super) fn named_again(
        &self,
        units: &[Unit],
        p: (usize, usize),
        known: &Known,
    ) -> Option<(Option<usize>, (usize, usize))> {
        let w = self.one_name_word(p)?;
        let unit = known.surnames.get(w).and_then(|f| units[*f].name_span().map(|s| (*f, s)));
        match (unit, known.mention_called(w)) {
            (Some((f, span)), m) if m.is_none_or(|m| m.0 < unit_end(&units[f])) => Some((Some(f), span)),
            (_, Some(m)) if m != p && m.1 <= p.0 => Some((None, m)),
            _ => None,
        }
    }
}

impl Scan<'_> {
    /// The author of a bulletin: when a heading before the first sentence of the body names a
    /// bulletin (`DAILY BULLETIN`, `النشرة اليومية`), the source of the first attribution of the
    /// lead paragraph, provided a heading names it too (`«شبكة رصد الجنوب»`, `Northern Delta
    /// Monitoring Group`): the figures the bulletin gives without attribution are its author's.
    /// Its first-person words (`Our field monitor`) stand for it. A newspaper's headline names no
    /// bulletin, and its own reporting stays its own.
    pub(crate) fn bulletin_author(&self, units: &mut [Unit]) -> Option<usize> {
        let sentences = &self.lay.sentences;
        let first = sentences.iter().position(|s| !s.heading).filter(|f| *f > 0)?;
        let heading = (sentences[0].start, sentences[first - 1].end);
        if !(heading.0..heading.1).any(|k| self.phrase_at(k, &self.t.bulletin_nouns).is_some()) {
            return None;
        }
        let para = sentences[first].para;
        let author = units.iter().position(|u| sentences[u.sentence].para == para)?;
        let (a, b) = units[author].name_span().filter(|p| !self.is_pronoun(*p))?;
        let fold = |(x, y): (usize, usize)| {
            crate::normalize::fold_name(&self.text[self.toks[x].start..self.toks[y - 1].end])
        };
        let (name, said) = (fold((a, b)), fold(heading));
        let shared = name.iter().filter(|w| said.contains(w)).count();
        if shared < name.len().min(2) || 3 * shared < 2 * name.len() {
            return None;
        }
        for u in units.iter_mut() {
            if u.source.is_some_and(|(x, _)| self.exact_in(x, &self.t.first_person)) {
                u.resolved = Some((a, b));
                u.noun = true;
            }
        }
        Some(author)
    }
}
