//! The words of figures, as data: hedge phrases and the kind each makes, suffix hedges,
//! provisional-toll wording, the words that join parts of a sum, the words that introduce a
//! subset, function words that are never the counted noun, and outcome words that make two
//! parts two different measures. All forms are search-normalised (ا for أ إ آ, ي for ى, ه for ة,
//! no harakat); a form may be typed with or without the spaces inside it (ما يقارب, مايقارب).

use std::collections::HashMap;
use std::sync::OnceLock;

/// How a hedge turns its number n into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hedge {
    /// floor(0.9n)..ceil(1.1n), point n
    Approx,
    /// floor(0.9n)..n, point n: nearly, almost, close to, just under
    ApproxBelow,
    /// n+1..open, point n+1
    MoreThan,
    /// n..open, point n
    AtLeast,
    /// 0..n-1, point n-1
    FewerThan,
    /// 0..n, point n
    AtMost,
}

use Hedge::*;

/// Hedges before the number, English and Arabic.
pub(crate) const PREFIX_HEDGES: &[(&str, Hedge)] = &[
    // English
    ("about", Approx),
    ("around", Approx),
    ("roughly", Approx),
    ("approximately", Approx),
    ("approx", Approx),
    ("approx.", Approx),
    ("some", Approx),
    ("an estimated", Approx),
    ("estimated", Approx),
    ("circa", Approx),
    // A guess: `maybe 40 of us`, `perhaps 200 people`.
    ("maybe", Approx),
    ("perhaps", Approx),
    ("ca.", Approx),
    ("c.", Approx),
    ("~", Approx),
    ("in the region of", Approx),
    ("on the order of", Approx),
    ("something like", Approx),
    ("nearly", ApproxBelow),
    ("almost", ApproxBelow),
    ("close to", ApproxBelow),
    ("just under", ApproxBelow),
    ("just shy of", ApproxBelow),
    ("not quite", ApproxBelow),
    ("more than", MoreThan),
    ("over", MoreThan),
    // Verbs of passing a mark: the toll passed 300, exceeded 40.
    ("passed", MoreThan),
    ("passing", MoreThan),
    ("exceeded", MoreThan),
    ("exceeding", MoreThan),
    ("exceeds", MoreThan),
    ("surpassed", MoreThan),
    ("surpassing", MoreThan),
    ("topped", MoreThan),
    ("tops", MoreThan),
    ("just over", MoreThan),
    ("well over", MoreThan),
    ("upwards of", MoreThan),
    ("in excess of", MoreThan),
    ("above", MoreThan),
    ("greater than", MoreThan),
    (">", MoreThan),
    ("at least", AtLeast),
    ("no fewer than", AtLeast),
    ("no less than", AtLeast),
    ("not less than", AtLeast),
    ("not fewer than", AtLeast),
    ("a minimum of", AtLeast),
    (">=", AtLeast),
    ("fewer than", FewerThan),
    ("less than", FewerThan),
    ("under", FewerThan),
    ("below", FewerThan),
    ("<", FewerThan),
    ("up to", AtMost),
    ("at most", AtMost),
    ("as many as", AtMost),
    ("as much as", AtMost),
    ("no more than", AtMost),
    ("not more than", AtMost),
    ("not over", AtMost),
    ("not above", AtMost),
    // A negated verb of passing: the number does not exceed 300.
    ("does not exceed", AtMost),
    ("did not exceed", AtMost),
    ("do not exceed", AtMost),
    ("not exceeding", AtMost),
    ("never more than", AtMost),
    ("a maximum of", AtMost),
    ("<=", AtMost),
    // Arabic
    ("نحو", Approx),
    ("حوالي", Approx),
    ("قرابه", Approx),
    ("زهاء", Approx),
    ("ربما", Approx),
    ("ما يقارب", Approx),
    ("يقارب", Approx),
    ("ما يقرب من", Approx),
    ("تقريبا", Approx),
    ("في حدود", Approx),
    ("بحدود", Approx),
    ("ما يناهز", ApproxBelow),
    ("يناهز", ApproxBelow),
    ("اقل بقليل من", ApproxBelow),
    ("اكثر من", MoreThan),
    ("ازيد من", MoreThan),
    ("ما يزيد علي", MoreThan),
    ("ما يزيد عن", MoreThan),
    ("يزيد علي", MoreThan),
    ("يزيد عن", MoreThan),
    ("ما تزيد علي", MoreThan),
    ("تزيد علي", MoreThan),
    ("تزيد عن", MoreThan),
    ("تربو علي", MoreThan),
    ("ما يربو علي", MoreThan),
    ("ما يربو عن", MoreThan),
    ("يربو علي", MoreThan),
    ("يربو عن", MoreThan),
    ("ما يفوق", MoreThan),
    ("يفوق", MoreThan),
    ("تفوق", MoreThan),
    // Verbs of passing a mark, in their past, present, feminine and plural forms (a leading و
    // or ف is set aside like any clitic): تجاوزت الحصيلة 300، تخطّى عددهم 40.
    ("تجاوز", MoreThan),
    ("تجاوزت", MoreThan),
    ("تجاوزوا", MoreThan),
    ("يتجاوز", MoreThan),
    ("تتجاوز", MoreThan),
    ("يتجاوزون", MoreThan),
    ("ما يتجاوز", MoreThan),
    ("جاوز", MoreThan),
    ("جاوزت", MoreThan),
    ("تخطي", MoreThan),
    ("تخطت", MoreThan),
    ("تخطوا", MoreThan),
    ("يتخطي", MoreThan),
    ("تتخطي", MoreThan),
    ("ما يتخطي", MoreThan),
    ("فاق", MoreThan),
    ("فاقت", MoreThan),
    ("زاد علي", MoreThan),
    ("زاد عن", MoreThan),
    ("زادت علي", MoreThan),
    ("زادت عن", MoreThan),
    ("ناهز", ApproxBelow),
    ("ناهزت", ApproxBelow),
    ("قارب", ApproxBelow),
    ("قاربت", ApproxBelow),
    // Verbs of nearing: `العدد الحقيقي يقترب من خمسين`.
    ("يقترب من", ApproxBelow),
    ("تقترب من", ApproxBelow),
    ("اقترب من", ApproxBelow),
    ("اقتربت من", ApproxBelow),
    ("يقارب من", ApproxBelow),
    ("فوق", MoreThan),
    ("ما فوق", MoreThan),
    ("ما لا يقل عن", AtLeast),
    ("لا يقل عن", AtLeast),
    ("لا تقل عن", AtLeast),
    // Agreeing with a plural subject: `قتلى العشيرة «لا يقلّون عن ثلاثة»`.
    ("لا يقلون عن", AtLeast),
    ("لا يقلن عن", AtLeast),
    ("لا يزيدون علي", AtMost),
    ("لا يزيدون عن", AtMost),
    ("لا يتجاوزون", AtMost),
    ("ما لا يقل علي", AtLeast),
    ("ليس اقل من", AtLeast),
    ("لا اقل من", AtLeast),
    ("ليس اكثر من", AtMost),
    ("لا اكثر من", AtMost),
    ("ليست اكثر من", AtMost),
    ("لم يتجاوز", AtMost),
    ("لم تتجاوز", AtMost),
    ("لا يتعدي", AtMost),
    ("لم يتخط", AtMost),
    ("لم تتخط", AtMost),
    ("لم يزد علي", AtMost),
    ("لم يزد عن", AtMost),
    ("لم تزد علي", AtMost),
    ("لم تزد عن", AtMost),
    ("لم يتعد", AtMost),
    ("علي الاقل", AtLeast),
    ("اقل من", FewerThan),
    ("دون", FewerThan),
    ("ما دون", FewerThan),
    ("ما يقل عن", FewerThan),
    ("يقل عن", FewerThan),
    ("حتي", AtMost),
    ("ما يصل الي", AtMost),
    ("يصل الي", AtMost),
    ("تصل الي", AtMost),
    ("قد يصل الي", AtMost),
    ("ما لا يزيد علي", AtMost),
    ("ما لا يزيد عن", AtMost),
    ("لا يزيد علي", AtMost),
    ("لا يزيد عن", AtMost),
    ("لا يتجاوز", AtMost),
    ("ما لا يتجاوز", AtMost),
    ("لا تتجاوز", AtMost),
    // Feminine forms (a toll, الحصيلة، or a feminine plural is the subject).
    ("ما لا تزيد علي", AtMost),
    ("ما لا تزيد عن", AtMost),
    ("لا تزيد علي", AtMost),
    ("لا تزيد عن", AtMost),
    ("ما لا تتجاوز", AtMost),
    ("لا تتعدي", AtMost),
    ("لم تتعد", AtMost),
    ("ما لا تقل عن", AtLeast),
];

/// Hedges after the number (or after its noun).
pub(crate) const SUFFIX_HEDGES: &[(&str, Hedge)] = &[
    ("+", AtLeast),
    ("plus", AtLeast),
    ("or more", AtLeast),
    ("or above", AtLeast),
    ("at least", AtLeast),
    ("at minimum", AtLeast),
    ("or fewer", AtMost),
    ("or less", AtMost),
    ("at most", AtMost),
    ("at the most", AtMost),
    ("or so", Approx),
    ("approximately", Approx),
    ("roughly", Approx),
    ("or thereabouts", Approx),
    // `40-ish`, `40ish`: about 40.
    ("-ish", Approx),
    ("ish", Approx),
    ("علي الاقل", AtLeast),
    ("علي اقل تقدير", AtLeast),
    ("او اكثر", AtLeast),
    ("فاكثر", AtLeast),
    ("واكثر", AtLeast),
    ("وما فوق", AtLeast),
    ("فما فوق", AtLeast),
    ("كحد ادني", AtLeast),
    ("علي الاكثر", AtMost),
    ("كحد اقصي", AtMost),
    ("او اقل", AtMost),
    ("فاقل", AtMost),
    ("فما دون", AtMost),
    ("تقريبا", Approx),
    ("او نحو ذلك", Approx),
];

/// Words standing for a figure on their own, with the hedge they carry: a bare "dozen" is read
/// like "more than a dozen".
pub(crate) const WORD_FIGURES: &[(&str, Hedge, i64)] = &[("dozen", MoreThan, 12)];

/// Wording that marks a toll as provisional (it may still rise).
pub(crate) const PROVISIONAL: &[&str] = &[
    "and rising",
    "and counting",
    "and climbing",
    "toll likely to rise",
    "likely to rise",
    "expected to rise",
    "could rise",
    "may rise",
    "set to rise",
    "so far",
    "provisional",
    "preliminary",
    "حصيله غير نهائيه",
    "غير نهائيه",
    "حصيله اوليه",
    "اوليه",
    "قابله للزياده",
    "قابله للارتفاع",
    "قابل للزياده",
    "قابل للارتفاع",
    "مرشحه للارتفاع",
    "مرشحه للزياده",
    "مرشح للارتفاع",
    "مرشح للزياده",
    "حتي الان",
    "حتي اللحظه",
];

/// Words that join two parts of one count (a sum), before the second part.
pub(crate) const JOINERS: &[&str] = &[
    "and",
    "plus",
    "+",
    "and another",
    "and possibly",
    "and perhaps",
    "but",
    "as well as",
    "besides",
    ",",
    "و",
    "وربما",
    "لكن",
    "اضافه الي",
    "بالاضافه الي",
    "فضلا عن",
    "علاوه علي",
];

/// Words that introduce a part of the count just given (a subset), never a sum.
pub(crate) const SUBSET: &[&str] = &[
    "including",
    "among them",
    "among whom",
    "of whom",
    "of which",
    "among",
    "بينهم",
    "من بينهم",
    "منهم",
    "بينها",
    "من بينها",
    "منها",
    "بينهن",
    "ضمنهم",
    "من ضمنهم",
];

/// Words that come between a number and the rest of a sentence but are never the counted noun.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "during",
    "late",
    "early",
    "more",
    "other",
    "others",
    "another",
    "additional",
    "further",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "and",
    "or",
    "but",
    "toll",
    "death",
    "reportedly",
    "last",
    "this",
    "that",
    "who",
    "which",
    "as",
    "after",
    "before",
    "since",
    "when",
    "while",
    "said",
    "according",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "then",
    "also",
    "all",
    "them",
    "their",
    "they",
    "it",
    "its",
    "some",
    "new",
    "من",
    "في",
    "علي",
    "الي",
    "عن",
    "مع",
    "خلال",
    "منذ",
    "بعد",
    "قبل",
    "عند",
    "حتي",
    "بين",
    "امس",
    "اليوم",
    "الماضي",
    "الماضيه",
    "الماضيين",
    "الاخيره",
    "الاخيرين",
    "المقبل",
    "المقبله",
    "اخرين",
    "اخري",
    "اخر",
    "اخرون",
    "اضافيين",
    "اضافي",
    "جدد",
    "ايضا",
    "فقط",
    "قد",
    "كانوا",
    "كان",
    "تم",
    "وفق",
    "بحسب",
    "حسب",
    "وفقا",
    "حصيله",
    "العدد",
    "عدد",
    "ذلك",
    "هذا",
    "هذه",
    "هو",
    "هي",
    "هم",
    "اي",
    "ما",
    "لا",
    "ان",
    "انه",
    "التي",
    "الذي",
    "الذين",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "بينما",
    "حيث",
    "كما",
    "اثر",
    "جراء",
    "نتيجه",
];

/// Outcome words: two parts naming different outcomes (killed and wounded) are two measures.
pub(crate) const OUTCOMES: &[(&str, &[&str])] = &[
    (
        "killed",
        &[
            "killed",
            "dead",
            "deaths",
            "died",
            "fatalities",
            "bodies",
            "executed",
            "قتيل",
            "قتلي",
            "قتل",
            "مقتل",
            "قتلوا",
            "شهيد",
            "شهداء",
            "ضحيه",
            "ضحايا",
            "وفيات",
            "وفاه",
            "جثه",
            "جثث",
            "اعدام",
            "اعدم",
        ],
    ),
    (
        "wounded",
        &[
            "wounded",
            "injured",
            "hurt",
            "injuries",
            "جريح",
            "جرحي",
            "مصاب",
            "مصابين",
            "مصابون",
            "اصابه",
            "اصابات",
            "اصيب",
            "اصيبوا",
        ],
    ),
    ("missing", &["missing", "disappeared", "مفقود", "مفقودين", "مفقودون"]),
    (
        "detained",
        &[
            "arrested",
            "detained",
            "detainees",
            "captured",
            "prisoners",
            "abducted",
            "kidnapped",
            "معتقل",
            "معتقلين",
            "معتقلون",
            "اعتقال",
            "اعتقل",
            "اسير",
            "اسري",
            "مخطوف",
            "مختطف",
            "موقوف",
            "محتجز",
            "محتجزين",
        ],
    ),
    (
        "displaced",
        &["displaced", "fled", "refugees", "evacuated", "نازح", "نازحين", "نازحون", "لاجئ", "لاجئين", "مهجر"],
    ),
    ("defected", &["defected", "defectors", "deserted", "منشق", "منشقين", "منشقون", "انشق", "انشقوا"]),
];

/// Words after a number that make it something other than a count of things: a multiplier
/// (`nearly 20 times`, `ثلاثة أضعاف`) or an amount (`كمية`). The reader refuses them, so that
/// neither `figure parse` nor `claim suggest` takes one for a count.
pub(crate) const NOT_COUNTED: &[&str] =
    &["times", "fold", "-fold", "مره", "مرات", "اضعاف", "ضعف", "ضعفا", "اضعافا", "كميه", "كميات"];

/// Negations: before a hedge the table does not hold as a whole phrase (`لم يتخطَّ`, `not
/// over`), they would flip it, so the reader refuses the wording instead of reading it backwards.
pub(crate) const NEGATIONS: &[&str] = &["not", "never", "no", "ليس", "ليست", "لا", "لم", "لن", "غير"];

/// Plural scale words after a vague word (`hundreds of millions`, `مئات الملايين`): the term is
/// read with its scale. (The singular forms are number words.)
pub(crate) const PLURAL_SCALES: &[(&str, i64)] = &[
    ("thousands", 1_000),
    ("millions", 1_000_000),
    ("billions", 1_000_000_000),
    ("trillions", 1_000_000_000_000),
    ("الاف", 1_000),
    ("الوف", 1_000),
    ("ملايين", 1_000_000),
    ("مليارات", 1_000_000_000),
    ("بلايين", 1_000_000_000),
    ("تريليونات", 1_000_000_000_000),
];

/// Scale words that are never a counted noun: after a number they either multiply it (read by
/// the number reader) or, past the largest figure, make the wording refused.
pub(crate) const SCALE_WORDS: &[&str] = &[
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "bn",
    "mn",
    "bln",
    "mln",
    "tn",
    "k",
    "quadrillion",
    "quadrillions",
    "quintillion",
    "quintillions",
    "zillion",
    "zillions",
    "gazillion",
    "lakh",
    "lakhs",
    "crore",
    "crores",
    "الف",
    "الاف",
    "مليون",
    "ملايين",
    "مليار",
    "مليارات",
    "بليون",
    "بلايين",
    "تريليون",
    "ترليون",
    "تريليونات",
];

/// Words that start a range after a number (`10-20`, `10 to 20`, `خمسة أو ستة`) or between two.
pub(crate) const RANGE_SEPARATORS: &[&str] = &["-", "to", "or", "الي", "او", "حتي"];

/// A phrase table indexed by the first character of its spaceless form, so that a reader
/// scanning a long text tries only the few phrases that can start at a word.
/// One phrase of an index: its spaceless form and what it stands for.
pub(crate) type Phrase<T> = (String, T);

pub(crate) struct PhraseIndex<T: Copy + 'static> {
    by_first: HashMap<char, Vec<Phrase<T>>>,
}

impl<T: Copy + 'static> PhraseIndex<T> {
    pub fn new(rows: impl IntoIterator<Item = (&'static str, T)>) -> Self {
        let mut by_first: HashMap<char, Vec<Phrase<T>>> = HashMap::new();
        for (phrase, v) in rows {
            let compact: String = phrase.split(' ').collect();
            let Some(c) = compact.chars().next() else { continue };
            by_first.entry(c).or_default().push((compact, v));
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
        }
        PhraseIndex { by_first }
    }

    /// Phrases whose spaceless form starts with this character, longest first.
    pub fn candidates(&self, first: char) -> &[Phrase<T>] {
        self.by_first.get(&first).map(Vec::as_slice).unwrap_or(&[])
    }
}

pub(crate) fn prefix_index() -> &'static PhraseIndex<Hedge> {
    static I: OnceLock<PhraseIndex<Hedge>> = OnceLock::new();
    I.get_or_init(|| PhraseIndex::new(PREFIX_HEDGES.iter().copied()))
}
pub(crate) fn suffix_index() -> &'static PhraseIndex<Hedge> {
    static I: OnceLock<PhraseIndex<Hedge>> = OnceLock::new();
    I.get_or_init(|| PhraseIndex::new(SUFFIX_HEDGES.iter().copied()))
}
pub(crate) fn provisional_index() -> &'static PhraseIndex<()> {
    static I: OnceLock<PhraseIndex<()>> = OnceLock::new();
    I.get_or_init(|| PhraseIndex::new(PROVISIONAL.iter().map(|p| (*p, ()))))
}
pub(crate) fn joiner_index() -> &'static PhraseIndex<()> {
    static I: OnceLock<PhraseIndex<()>> = OnceLock::new();
    I.get_or_init(|| PhraseIndex::new(JOINERS.iter().map(|p| (*p, ()))))
}
pub(crate) fn subset_index() -> &'static PhraseIndex<()> {
    static I: OnceLock<PhraseIndex<()>> = OnceLock::new();
    I.get_or_init(|| PhraseIndex::new(SUBSET.iter().map(|p| (*p, ()))))
}

pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

/// The outcome an (already clitic-free) word names, if any. A final tanween alef is ignored.
pub(crate) fn outcome_of(w: &str) -> Option<&'static str> {
    let bare = w.strip_suffix('ا').filter(|b| b.chars().count() >= 3).unwrap_or(w);
    OUTCOMES.iter().find(|(_, words)| words.contains(&w) || words.contains(&bare)).map(|(name, _)| *name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn every_form_is_already_normalised() {
        let all = PREFIX_HEDGES
            .iter()
            .chain(SUFFIX_HEDGES)
            .map(|(p, _)| *p)
            .chain(PROVISIONAL.iter().copied())
            .chain(JOINERS.iter().copied())
            .chain(SUBSET.iter().copied())
            .chain(FUNCTION_WORDS.iter().copied())
            .chain(NOT_COUNTED.iter().copied())
            .chain(NEGATIONS.iter().copied())
            .chain(SCALE_WORDS.iter().copied())
            .chain(PLURAL_SCALES.iter().map(|(w, _)| *w))
            .chain(OUTCOMES.iter().flat_map(|(_, w)| w.iter().copied()));
        for p in all {
            assert_eq!(normalize(p), p, "{p} is not in its normalised form");
        }
    }
}
