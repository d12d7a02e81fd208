//! The cue tables of `cues.rs`, normalised once into lookups keyed by a token's normalised form.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::numwords::tokens::{tokenize, TokKind};

use super::cues::{self, Cue};

/// A word list normalised as the tokenizer normalises words.
pub(crate) type Words = HashSet<String>;

pub(crate) struct Tables {
    /// First word of every cue form -> (the following words, the cue), longest first.
    pub cues: HashMap<String, Vec<(Vec<String>, &'static Cue)>>,
    pub source_nouns: Words,
    pub information_nouns: Words,
    pub correspondents: Words,
    pub household_kin: Words,
    pub reason_nouns: Words,
    pub estimate_nouns: Words,
    pub document_nouns: Words,
    pub document_links: Words,
    pub complementizers: Words,
    pub content_nouns: Words,
    pub recipient_nouns: Words,
    pub manner_nouns: Words,
    pub manner_phrases: Vec<Vec<String>>,
    pub clause_openers: Words,
    pub trim_start: Words,
    pub breakdown_openers: Words,
    pub range_verbs: Words,
    pub claim_nouns: Words,
    pub figure_nouns: Words,
    pub standing_all: Words,
    pub standing_from: Words,
    pub standing_unless: Words,
    pub continuing_verbs: Words,
    pub trim_end: Words,
    pub skip_after_cue: Words,
    /// Every word of the adverbial phrases.
    pub adverbial_words: Words,
    pub pronouns: Words,
    pub description_openers: Words,
    pub relatives: Words,
    pub determiners: Words,
    pub age_after: Words,
    pub anonymity_verbs: Words,
    pub negating_nouns: Words,
    pub be: Words,
    pub measure_nouns: Words,
    pub not_a_count_before: Vec<Vec<String>>,
    pub inscriptions: Vec<Vec<String>>,
    pub breakdown_keys: Vec<Vec<String>>,
    pub household_before: Vec<Vec<String>>,
    pub vote_before: Vec<Vec<String>>,
    pub denying_before: Vec<Vec<String>>,
    pub year_before: Words,
    pub kin_nouns: Words,
    pub rate_after: Vec<Vec<String>>,
    pub rate_before: Vec<Vec<String>>,
    pub abbreviations: Words,
    pub adverbs: Words,
    pub prepositions: Words,
    pub document_adjectives: Words,
    pub scene_prepositions: Words,
    pub scene_words: Words,
    pub method_nouns: Words,
    pub at_one_time: Vec<Vec<String>>,
    pub able: Words,
    pub generic_heads: Words,
    pub accused_heads: Words,
    pub inverting_verbs: Words,
    pub name_enders: Words,
    pub naming_words: Words,
    pub name_particles: Words,
    pub complement_openers: Words,
    pub unnamed_openers: Words,
    pub descriptive_modifiers: Words,
    pub titles: Words,
    pub law_nouns: Words,
    pub unspoken_accounts: Words,
    pub arabic_offices: Words,
    pub self_references: Vec<Vec<String>>,
    pub bulletin_nouns: Vec<Vec<String>>,
    pub first_person: Words,
    pub org_words: Words,
    pub body_heads: Words,
    /// `ORG_WORDS` folded as names are (`fold_name`), to compare with head words.
    pub org_folds: HashSet<String>,
    pub class_nouns: Words,
    /// The document nouns folded as `normalize::fold_name` folds them (`the report`).
    pub document_folds: Words,
    /// The objects of cues (عن، إلى، من), normalised, for `Cue::object`.
    pub objects: HashMap<&'static str, String>,
    /// `Cue::not_before` and `Cue::needs`, normalised.
    pub not_before: HashMap<usize, Words>,
    pub needs: HashMap<usize, Words>,
}

/// The normalised words of a phrase, as tokens read them (punctuation left out).
pub(crate) fn norm_words(phrase: &str) -> Vec<String> {
    tokenize(phrase).into_iter().filter(|t| t.kind != TokKind::Sym).map(|t| t.norm).collect()
}

fn set(list: &[&str]) -> Words {
    list.iter().flat_map(|w| norm_words(w)).collect()
}

fn phrases(list: &[&str]) -> Vec<Vec<String>> {
    list.iter().map(|p| norm_words(p)).filter(|w| !w.is_empty()).collect()
}

/// The key of one row of the cue tables in `not_before` and `needs`: its address, since two rows
/// may share their forms (`estimates` before `that`, `estimates` before a figure).
pub(crate) fn cue_key(cue: &Cue) -> usize {
    cue as *const Cue as usize
}

type CueIndex = HashMap<String, Vec<(Vec<String>, &'static Cue)>>;

/// The cues by their first folded word (longest forms first), with each row's object, the words
/// it may not stand before and the words it needs.
type PerCue = HashMap<usize, Words>;

fn cue_index() -> (CueIndex, HashMap<&'static str, String>, PerCue, PerCue) {
    let mut index: CueIndex = HashMap::default();
    let mut objects = HashMap::default();
    let mut not_before = HashMap::default();
    let mut needs = HashMap::default();
    for cue in cues::ARABIC.iter().chain(cues::ENGLISH.iter()) {
        for form in cue.forms.split('|') {
            let words = norm_words(form);
            let Some((first, rest)) = words.split_first() else { continue };
            index.entry(first.clone()).or_default().push((rest.to_vec(), cue));
        }
        if let Some(o) = cue.object {
            objects.insert(o, norm_words(o).concat());
        }
        not_before.insert(cue_key(cue), set(cue.not_before));
        needs.insert(cue_key(cue), set(cue.needs));
    }
    for list in index.values_mut() {
        list.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    (index, objects, not_before, needs)
}

fn build() -> Tables {
    let (index, objects, not_before, needs) = cue_index();
    Tables {
        cues: index,
        source_nouns: set(cues::SOURCE_NOUNS),
        information_nouns: set(cues::INFORMATION_NOUNS),
        document_nouns: set(cues::DOCUMENT_NOUNS),
        document_links: set(cues::DOCUMENT_LINKS),
        complementizers: set(cues::COMPLEMENTIZERS),
        content_nouns: set(cues::CONTENT_NOUNS),
        recipient_nouns: set(cues::RECIPIENT_NOUNS),
        manner_nouns: set(cues::MANNER_NOUNS),
        manner_phrases: phrases(cues::MANNER_PHRASES),
        clause_openers: set(cues::CLAUSE_OPENERS),
        trim_start: set(cues::TRIM_START),
        breakdown_openers: set(cues::BREAKDOWN_OPENERS),
        range_verbs: set(cues::RANGE_VERBS),
        claim_nouns: set(cues::CLAIM_NOUNS),
        figure_nouns: set(cues::FIGURE_NOUNS),
        standing_all: set(cues::STANDING_ALL),
        standing_from: set(cues::STANDING_FROM),
        standing_unless: set(cues::STANDING_UNLESS),
        continuing_verbs: set(cues::CONTINUING_VERBS),
        trim_end: set(&[cues::TRIM_END, cues::TIMES_OF_DAY].concat()),
        skip_after_cue: set(&[cues::SKIP_AFTER_CUE, cues::TIMES_OF_DAY].concat()),
        adverbial_words: set(cues::ADVERBIALS),
        pronouns: set(cues::PRONOUNS),
        description_openers: set(cues::DESCRIPTION_OPENERS),
        relatives: set(cues::RELATIVES),
        determiners: set(cues::DETERMINERS),
        age_after: set(cues::AGE_AFTER),
        anonymity_verbs: set(cues::ANONYMITY_VERBS),
        negating_nouns: set(cues::NEGATING_NOUNS),
        be: set(cues::BE),
        measure_nouns: set(cues::MEASURE_NOUNS),
        not_a_count_before: phrases(cues::NOT_A_COUNT_BEFORE),
        inscriptions: phrases(cues::INSCRIPTIONS),
        breakdown_keys: phrases(cues::BREAKDOWN_KEYS),
        household_before: phrases(cues::HOUSEHOLD_BEFORE),
        vote_before: phrases(cues::VOTE_BEFORE),
        denying_before: phrases(cues::DENYING_BEFORE),
        year_before: set(cues::YEAR_BEFORE),
        kin_nouns: set(cues::KIN_NOUNS),
        rate_after: phrases(cues::RATE_AFTER),
        rate_before: phrases(cues::RATE_BEFORE),
        abbreviations: set(cues::ABBREVIATIONS),
        adverbs: set(&[cues::ADVERBS, cues::TIMES_OF_DAY].concat()),
        prepositions: set(cues::PREPOSITIONS),
        document_adjectives: set(cues::DOCUMENT_ADJECTIVES),
        scene_prepositions: set(cues::SCENE_PREPOSITIONS),
        scene_words: set(cues::SCENE_WORDS),
        method_nouns: set(cues::METHOD_NOUNS),
        correspondents: set(cues::CORRESPONDENTS),
        household_kin: set(cues::HOUSEHOLD_KIN),
        reason_nouns: set(cues::REASON_NOUNS),
        estimate_nouns: set(cues::ESTIMATE_NOUNS),
        at_one_time: phrases(cues::AT_ONE_TIME),
        able: set(cues::ABLE),
        generic_heads: set(cues::GENERIC_HEADS),
        accused_heads: set(cues::ACCUSED_HEADS),
        inverting_verbs: set(cues::INVERTING_VERBS),
        name_enders: set(cues::NAME_ENDERS),
        naming_words: set(cues::NAMING_WORDS),
        name_particles: set(cues::NAME_PARTICLES),
        complement_openers: set(cues::COMPLEMENT_OPENERS),
        unnamed_openers: set(cues::UNNAMED_OPENERS),
        descriptive_modifiers: set(cues::DESCRIPTIVE_MODIFIERS),
        titles: set(cues::TITLES),
        law_nouns: set(cues::LAW_NOUNS),
        unspoken_accounts: set(cues::UNSPOKEN_ACCOUNTS),
        arabic_offices: set(cues::ARABIC_OFFICES),
        self_references: phrases(cues::SELF_REFERENCES),
        bulletin_nouns: phrases(cues::BULLETIN_NOUNS),
        first_person: set(cues::FIRST_PERSON),
        org_words: set(cues::ORG_WORDS),
        body_heads: set(cues::BODY_HEADS),
        org_folds: cues::ORG_WORDS.iter().flat_map(|w| crate::normalize::fold_name(w)).collect(),
        class_nouns: cues::CLASS_NOUNS.iter().flat_map(|w| crate::normalize::fold_name(w)).collect(),
        document_folds: cues::DOCUMENT_NOUNS.iter().flat_map(|w| crate::normalize::fold_name(w)).collect(),
        objects,
        not_before,
        needs,
    }
}

pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}
