//! The cue tables of `claim suggest`, as data: attribution verbs and frames in Arabic and
//! English, the nouns that name sources, and the small word lists that mark where a source
//! phrase ends. Every word is written as an article writes it (with hamza, shadda, tanween);
//! the tables are search-normalised once when first used, so `أكّد` also matches `اكد` and
//! `أكد`. Arabic verbs match with a leading و or ف (`وقال`, `فقدّر`) and with an object
//! pronoun (`أعلنه`); nouns match with any leading clitic (`للمصادر`, `لناشطين`).
//! docs/suggest.md describes each family in plain words.

/// What an attribution cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// A reporting verb: said, told, confirmed, قال، أكد، أفاد ...
    Say,
    /// A denial is a statement too: denied, نفى.
    Deny,
    /// An estimate or a count: estimated, put the toll at, documented, قدّر، وثّق.
    Estimate,
    /// A frame before the source: according to, بحسب، وفقاً لـ، نقلاً عن.
    Frame,
    /// A relay: X quoted Y as saying, X citing Y, نقلت X عن Y. The source is Y.
    Relay,
}

impl Family {
    pub fn name(self) -> &'static str {
        match self {
            Family::Say => "attribution verb",
            Family::Deny => "denial",
            Family::Estimate => "estimate",
            Family::Frame => "attribution frame",
            Family::Relay => "relay",
        }
    }
}

/// Where the source phrase of a cue is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// Decided from the words around the cue: English `X said` / `..., said X`; Arabic
    /// `قال X إن` / `X قال إن` / `وقال إن` (the subject of an earlier verb).
    Auto,
    /// After the cue: according to X, بحسب X.
    After,
    /// Before the cue: X put the toll at.
    Before,
}

/// One row of the cue table.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    /// Alternatives separated by `|`; an alternative of several words matches them in a row.
    pub forms: &'static str,
    pub family: Family,
    pub side: Side,
    /// A participle or gerund (saying, citing, مشيراً): its subject is the subject of the
    /// sentence's earlier verb, and a scan back over a source phrase does not stop at it.
    pub participle: bool,
    /// The preposition that opens what is claimed (تحدث عن، أشار إلى، أفاد بـ): a source phrase
    /// after the cue ends there.
    pub object: Option<&'static str>,
    /// The cue is not an attribution when one of these words follows it (claimed responsibility).
    pub not_before: &'static [&'static str],
    /// The cue counts only when one of these words follows within four words (put the toll).
    pub needs: &'static [&'static str],
    /// An accusation: its object is the accused party, which a source phrase after the cue
    /// never takes in (`اتّهم ناشطون قوات النظام`: the source is ناشطون).
    pub accuse: bool,
    /// The cue counts only before a figure, past one determiner (`recorded 14 people killed`;
    /// not `the deaths recorded in September`).
    pub figure_next: bool,
}

const fn cue(forms: &'static str, family: Family, side: Side) -> Cue {
    Cue {
        forms,
        family,
        side,
        participle: false,
        object: None,
        not_before: &[],
        needs: &[],
        accuse: false,
        figure_next: false,
    }
}

const fn with_object(c: Cue, object: &'static str) -> Cue {
    Cue { object: Some(object), ..c }
}

const fn accuse(c: Cue) -> Cue {
    Cue { accuse: true, ..c }
}

const fn figure_next(c: Cue) -> Cue {
    Cue { figure_next: true, ..c }
}

const fn participle(c: Cue) -> Cue {
    Cue { participle: true, ..c }
}

const fn not_before(c: Cue, words: &'static [&'static str]) -> Cue {
    Cue { not_before: words, ..c }
}

const fn needs(c: Cue, words: &'static [&'static str]) -> Cue {
    Cue { needs: words, ..c }
}

use Family::*;
use Side::*;

/// Arabic attribution cues: past, present and feminine and plural forms, and the participle that
/// carries the statement on (مشيراً إلى، مضيفاً أنّ). Left out on purpose: the impersonal passives
/// `يُذكر أنّ` (it is worth noting) and `يُرجَّح أن` (it is likely), which are the outlet's own
/// words, and `يُدعى` (he is called), which normalises like `يدّعي` (he claims).
pub(crate) const ARABIC: &[Cue] = &[
    cue("قال|قالت|قالوا|قلن|يقول|تقول|يقولون", Say, Auto),
    // Only with what is read out: `تلتها تل قصرة` (followed by) reads nothing.
    needs(
        cue("تلا|تلت", Say, Auto),
        &[
            "بيان",
            "بياناً",
            "البيان",
            "رسالة",
            "الرسالة",
            "قائمة",
            "القائمة",
            "نص",
            "النص",
            "تقرير",
            "التقرير",
            "أسماء",
        ],
    ),
    // `وتُظهر أرقام المرصد أن`: figures that show speak for their owner.
    needs(cue("تُظهر|يُظهر|أظهرت|أظهر", Say, Auto), &["أن", "أنّ"]),
    // `وجاء في البيان رقم (14) أن`: the document's words, its author's.
    cue("جاء في", Frame, After),
    participle(cue("قائلاً|قائلة", Say, Auto)),
    cue("أكّد|أكّدت|أكّدوا|يؤكّد|تؤكّد|يؤكّدون", Say, Auto),
    participle(cue("مؤكّداً|مؤكّدة", Say, Auto)),
    with_object(cue("أفاد|أفادت|أفادوا|يفيد|تفيد|يفيدون", Say, Auto), "ب"),
    cue("ذكر|ذكرت|ذكروا|تذكر|يذكرون", Say, Auto),
    cue("أعلن|أعلنت|أعلنوا|يعلن|تعلن|يعلنون|بالإعلان", Say, Auto),
    participle(cue("معلناً|معلنة", Say, Auto)),
    // Only with a document: `أصدرت الشبكة تقريراً`, not a court's rulings (`أصدرت المحكمة أحكاماً`).
    needs(
        cue("أصدر|أصدرت|أصدروا|يصدر|تصدر", Say, Auto),
        &[
            "بياناً",
            "بيان",
            "بيانها",
            "بيانه",
            "تقريراً",
            "تقرير",
            "تقريرها",
            "تقريره",
            "بلاغاً",
            "تعميماً",
            "إحصائية",
            "إحصائيتها",
            "إحصائيته",
            "نشرة",
            "نشرتها",
            "نشرته",
            "حصيلة",
            "حصيلتها",
            "حصيلته",
        ],
    ),
    with_object(cue("تحدّث|تحدّثت|تحدّثوا|يتحدّث|تتحدّث|يتحدّثون", Say, Auto), "عن"),
    participle(with_object(cue("متحدّثاً|متحدّثة", Say, Auto), "عن")),
    with_object(cue("أشار|أشارت|أشاروا|يشير|تشير|يشيرون", Say, Auto), "إلى"),
    // `وأقرّت القيادة بمقتل ثلاثة جنود`: who admits a loss states it.
    with_object(cue("أقرّ|أقرّت|أقرّوا|يقرّ|تقرّ|يقرّون", Say, Auto), "ب"),
    participle(with_object(cue("مشيراً|مشيرة", Say, Auto), "إلى")),
    cue("أوضح|أوضحت|أوضحوا|يوضح|توضح|يوضحون", Say, Auto),
    participle(cue("موضحاً|موضحة", Say, Auto)),
    with_object(cue("كشف|كشفت|كشفوا|يكشف|تكشف|يكشفون", Say, Auto), "عن"),
    participle(with_object(cue("كاشفاً|كاشفة", Say, Auto), "عن")),
    cue("رجّح|رجّحت|رجّحوا|ترجّح|يرجّحون", Say, Auto),
    // `خلصت «اللجنة» في تقريرها إلى أن 118 شخصاً قُتلوا`: a finding is a statement.
    with_object(cue("خلص|خلصت|خلصوا|يخلص|تخلص", Say, Auto), "إلى"),
    // `تمسّكت الحكومة بروايتها التي تفيد بأن 34 شخصاً قُتلوا`: who holds to an account states it.
    // `ورحّبت «الرابطة» بالتقرير`, `وأوصت اللجنة بأن`: a welcome and a recommendation are
    // statements.
    with_object(cue("رحّب|رحّبت|رحّبوا|يرحّب|ترحّب", Say, Auto), "ب"),
    with_object(cue("أوصى|أوصت|أوصوا|يوصي|توصي", Say, Auto), "ب"),
    with_object(cue("تمسّك|تمسّكت|تمسّكوا|يتمسّك|تتمسّك", Say, Auto), "ب"),
    participle(cue("مرجّحاً|مرجّحة", Say, Auto)),
    with_object(cue("قدّر|قدّرت|قدّروا|يقدّر|تقدّر|يقدّرون", Estimate, Auto), "ب"),
    participle(with_object(cue("مقدّراً|مقدّرة", Estimate, Auto), "ب")),
    cue("أضاف|أضافت|أضافوا|يضيف|تضيف|يضيفون", Say, Auto),
    cue("أورد|أوردت|أوردوا|يورد|تورد", Say, Auto),
    cue("تابع|تابعت|تابعوا", Say, Auto),
    cue("مضى قائلاً|مضت قائلةً|مضى قائلا|مضت قائلة", Say, Auto),
    cue("استطرد|استطردت", Say, Auto),
    // Not بيّن: it normalises like بين (between), بينهم.
    participle(cue("مضيفاً|مضيفة", Say, Auto)),
    // Only with what is pointed to (`إلى`, or `أنّ` straight after the speaker): `ولافتة كُتب
    // عليها` (and a banner) says nothing.
    needs(with_object(cue("لفت|لفتت|لفتوا|يلفت|تلفت", Say, Auto), "إلى"), &["إلى", "أنّ", "أن"]),
    participle(needs(with_object(cue("لافتاً|لافتة", Say, Auto), "إلى"), &["إلى", "أنّ", "أن"])),
    cue("نفى|نفت|نفوا|ينفي|تنفي|ينفون", Deny, Auto),
    participle(cue("نافياً|نافية", Deny, Auto)),
    cue("زعم|زعمت|زعموا|يزعم|تزعم|يزعمون", Say, Auto),
    cue("ادّعى|ادّعت|ادّعوا|تدّعي|يدّعون", Say, Auto),
    cue("روى|روت|رووا|يروي|تروي", Say, Auto),
    cue("أبلغ|أبلغت|أبلغوا", Say, Auto),
    cue("صرّح|صرّحت|صرّحوا|يصرّح|تصرّح", Say, Auto),
    cue("توقّع|توقّعت|توقّعوا", Say, Auto),
    cue("أحصى|أحصت|أحصوا|يحصي|تحصي", Estimate, Auto),
    cue("وثّق|وثّقت|وثّقوا|يوثّق|توثّق", Estimate, Auto),
    cue("سجّل|سجّلت|سجّلوا", Estimate, Auto),
    // `نسب التقرير مقتل 112 مدنياً إلى القوات الحكومية`: a count given to a perpetrator.
    needs(cue("نسب|نسبت", Estimate, Auto), &["إلى"]),
    // رفع (خفّض) الحصيلة إلى 13: a new count is an estimate (`رفع` alone also means "lifted").
    needs(
        cue("رفع|رفعت|رفعوا|يرفع|ترفع|خفّض|خفّضت|يخفّض|تخفّض|عدّل|عدّلت|حدّث|حدّثت|أبقى|أبقت", Estimate, Auto),
        &["الحصيلة", "حصيلة", "حصيلتها", "حصيلته", "عدد"],
    ),
    // A call is a statement: ودعت الشبكة الأمم المتحدة إلى ...
    with_object(cue("دعا|دعت|دعوا|يدعو|تدعو|يدعون", Say, Auto), "إلى"),
    with_object(cue("حذّر|حذّرت|حذّروا|يحذّر|تحذّر", Say, Auto), "من"),
    participle(with_object(cue("محذّراً|محذّرة", Say, Auto), "من")),
    cue("اعتبر|اعتبرت|اعتبروا|يعتبر|تعتبر", Say, Auto),
    participle(cue("معتبراً|معتبرة", Say, Auto)),
    cue("شدّد|شدّدت|شدّدوا", Say, Auto),
    participle(cue("مشدّداً|مشدّدة", Say, Auto)),
    // Its object is the accused party, never part of the source: `اتّهم ناشطون قوات ... بقتل`.
    accuse(with_object(cue("اتّهم|اتّهمت|اتّهموا|يتّهم|تتّهم", Say, Auto), "ب")),
    // `حمّل وزير الداخلية … المسؤولية لميليشيا`: who blames speaks; the blamed follow `المسؤولية`.
    // Only with `المسؤولية`: `حمّلت القافلة مواد غذائية`, `يحمل بعضهم صوراً` carry things.
    accuse(needs(cue("حمّل|حمّلت|حمّلوا|يحمّل|تحمّل|يحمّلون", Say, Auto), &["المسؤولية", "مسؤولية"])),
    // A claim of responsibility is a statement too.
    cue("تبنّى|تبنّت|تبنّوا|يتبنّى", Say, Auto),
    // Frames: the source follows. `بحسب ما أفاد X` hands over to the verb.
    // Not `by` a category (`بحسب الفئة العمرية`, `حسب الجنس`: broken down by it).
    not_before(
        cue("بحسب|حسب|وفقاً|وفق|طبقاً|على لسان|استناداً إلى", Frame, After),
        &["الفئة", "الفئات", "النوع", "العمر", "الأعمار", "الجنس", "السبب", "الأسباب"],
    ),
    // `قائمة أعدّتها عائلات المنطقة تضم أسماء 37 قتيلاً`: who drew up a list speaks for it.
    cue("أعدّتها|أعدّها|أعدّته", Frame, After),
    cue("نقلاً", Relay, After),
    // نقل alone also means "carried" (نُقل الجرحى): it is a relay only with عن after it.
    needs(cue("نقل|نقلت|نقلوا|ينقل|تنقل", Relay, After), &["عن"]),
];

/// English attribution cues. A cue right after a form of "be" is a passive (`were reported
/// killed`, `could not be confirmed`) and is passed over.
pub(crate) const ENGLISH: &[Cue] = &[
    cue("said|says|say|told|tells|added|stated|wrote|announced|announces|reported", Say, Auto),
    // `MP Tarek Nassar read out a list compiled by local families`: the reader speaks, and the
    // list's compilers speak for its figures (the frame `compiled by`).
    not_before(cue("read out", Say, Auto), &["in", "by", "at", "on", "during", "to"]),
    // `Its figures show 71 deaths in 2024`: a count shown speaks for its owner.
    figure_next(cue("show|shows|showed", Estimate, Auto)),
    needs(cue("show|shows|showed", Say, Auto), &["that"]),
    not_before(cue("confirmed|confirms|confirm", Say, Auto), &["dead", "killed", "deaths", "cases"]),
    // Checked past one determiner: `claimed the lives`, `claimed a victory`.
    not_before(
        cue("claimed", Say, Auto),
        &["responsibility", "lives", "life", "victory", "control", "credit"],
    ),
    cue("insisted|insists|alleged|alleges|acknowledged|noted|explained|revealed", Say, Auto),
    // A hospital `admitted just over 130 wounded` (to hospital): not a verb of saying.
    not_before(
        cue("admitted", Say, Auto),
        &[
            "to", "patients", "just", "more", "over", "about", "nearly", "around", "some", "at", "dozens",
            "hundreds",
        ],
    ),
    // After a noun these are verbs (`the group claims`, `the monitor reports`); after a
    // determiner they are nouns (`the claims`), which `cue_holds` passes over.
    not_before(cue("claims|reports|concluded|concludes", Say, Auto), &["of"]),
    needs(cue("found|finds", Say, Auto), &["that"]),
    cue("described|warned|warns|urged|urges|testified|tweeted|welcomed|welcomes|recommended", Say, Auto),
    // A call is a statement: `She called on all sides to ...`.
    cue("called on|called for|calls on|calls for", Say, Auto),
    // Naming what others say: `The ministry called the claims "pure fantasy"`.
    cue(
        "called the claims|called the claim|called the reports|called the allegations|called the figures|calls the claims",
        Deny,
        Before,
    ),
    // `The Brigades replied on their Telegram channel that they had lost "six fighters"`.
    // `The government has long maintained that 31 people died`.
    needs(cue("maintained|maintains", Say, Auto), &["that"]),
    needs(cue("replied|replies|responded|responds|retorted|countered", Say, Auto), &["that"]),
    // Right before `of` or `for` the verb has no object: a participle (`143 defendants accused
    // of taking part`, `the group blamed for the attack`), no accusation.
    accuse(not_before(cue("accused|accuses|accuse", Say, Auto), &["of"])),
    accuse(not_before(cue("blamed|blames|blame", Say, Auto), &["for", "on"])),
    participle(cue("saying|adding|noting|insisting|warning|claiming|alleging", Say, Auto)),
    cue("denied|denies|deny|dismissed|dismisses|rejected|rejects|refuted", Deny, Auto),
    participle(cue("denying|dismissing", Deny, Auto)),
    // `The Justice Ministry gave lower figures, saying`, `Health officials initially gave a
    // toll of 17`: giving a figure is an estimate.
    needs(
        cue("gave|gives", Estimate, Auto),
        &["figures", "figure", "toll", "tally", "count", "estimate", "number", "version", "account"],
    ),
    // `estimates` and `documents` are left out: after a noun they are nouns far more often.
    cue("estimated|estimate|documented|tallied", Estimate, Auto),
    // `The office estimates that 410,000 people ...`, `estimates some 1,300 people`: a verb before
    // `that` or a figure.
    needs(cue("estimates", Estimate, Auto), &["that"]),
    figure_next(cue("estimates", Estimate, Before)),
    // `the report attributed 118 deaths to government forces`: a count given to a perpetrator.
    figure_next(cue("attributed|attributes", Estimate, Before)),
    // `The monitoring group recorded 14 people killed`: a count only before its figure.
    figure_next(cue(
        "recorded|records|counted|counts|registered|registers|logged|logs|verified|listed|lists",
        Estimate,
        Before,
    )),
    // raised (lowered, revised, updated, kept) the toll to N: a new count, like رفع الحصيلة.
    needs(
        cue("raised|raises|lowered|lowers|revised|revises|updated|updates|kept|keeps", Estimate, Before),
        &["toll", "tally", "number", "count", "figure", "claim", "estimate"],
    ),
    // put the toll (the number, the crowd ...) at N: with one of these nouns, or `at` and a figure.
    needs(
        cue("put|puts|putting|placed|places", Estimate, Before),
        &["toll", "number", "figure", "tally", "count", "total", "at"],
    ),
    needs(
        cue("posted|published|issued|released", Say, Before),
        &["statement", "video", "message", "online", "communique", "report", "tally", "bulletin"],
    ),
    cue("according to", Frame, After),
    // `a list compiled by local families`, `By the directorate's count,`: the compiler of a list
    // or the owner of a count speaks for its figures.
    cue("compiled by|drawn up by|prepared by|kept by", Frame, After),
    needs(cue("by", Frame, After), &["count", "tally", "reckoning", "estimate", "records"]),
    // `quoted` and `cited` are also participles: `An official, quoted by the agency, said`.
    participle(cue("citing|quoting|cited|quoted", Relay, After)),
];

/// Nouns that name who speaks. They help to find where a source phrase starts (`مصدر مقرّب
/// من ...`, `أما «المرصد» فقدّر`) and add to a suggestion's confidence.
pub(crate) const SOURCE_NOUNS: &[&str] = &[
    // Arabic
    "ناشط",
    "ناشطة",
    "ناشطاً",
    "ناشطون",
    "ناشطين",
    "ناشطو",
    "نشطاء",
    "مصدر",
    "مصدراً",
    "مصادر",
    "مرصد",
    "مسؤول",
    "مسؤولاً",
    "مسؤولون",
    "مسؤولين",
    "مسؤولو",
    "شهود",
    "شاهد",
    "سكان",
    "أهالي",
    "مراسل",
    "وكالة",
    "بيان",
    "تقرير",
    "متحدث",
    "ناطق",
    "قائد",
    "قيادي",
    "قيادياً",
    "طبيب",
    "أطباء",
    "مسعف",
    "مسعفون",
    "مسعفين",
    "شرطة",
    "جيش",
    "وزارة",
    "وزير",
    "مديرية",
    "لجنة",
    "تنسيقيات",
    "تنسيقية",
    "مكتب",
    "منظمة",
    "منظمات",
    "هيئة",
    "هيئات",
    "جمعية",
    "جمعيات",
    "لجان",
    "شبكات",
    "وكالات",
    "الأمم",
    "شبكة",
    "مجلس",
    "حساب",
    "صفحة",
    "مواقع",
    "وسائل",
    "قناة",
    "صحيفة",
    "مدير",
    "مديرة",
    "رئيسة",
    "نائب",
    "نائبة",
    "متحدثة",
    "ناطقة",
    "مفوض",
    "مفوضة",
    "مدعي",
    "مدعية",
    "وزيرة",
    "محامي",
    "محامية",
    "منسق",
    "منسقة",
    "عائلات",
    "مراقبون",
    "مراقبين",
    "باحثون",
    "باحثين",
    "وجهاء",
    "الدفاع",
    "برنامج",
    "محافظ",
    "رئيس",
    "عضو",
    "ضابط",
    "متطوعون",
    "أحد",
    "إحدى",
    "حركة",
    "فصائل",
    "منظمو",
    "منظمي",
    "منظمون",
    // English
    "activist",
    "activists",
    "source",
    "sources",
    "monitor",
    "monitors",
    "observatory",
    "official",
    "officials",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "ministry",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "commander",
    "commanders",
    "doctor",
    "doctors",
    "medic",
    "medics",
    "nurse",
    "nurses",
    "rescuer",
    "rescuers",
    "police",
    "army",
    "military",
    "government",
    "statement",
    "agency",
    "group",
    "network",
    "committee",
    "council",
    "office",
    "organisation",
    "organization",
    "charity",
    "worker",
    "workers",
    "coordinator",
    "governor",
    "mayor",
    "chief",
    "officer",
    "officers",
    "correspondent",
    "journalist",
    "reporter",
    "television",
    "radio",
    "media",
    "account",
    "un",
    "nations",
    "programme",
    "program",
    "panel",
    "researchers",
    "analysts",
    "observers",
    "relatives",
    "families",
    "survivors",
    "detainees",
    "villagers",
    "locals",
    "campaigners",
    "organisers",
    "organizers",
    "movement",
    "front",
    "inquiry",
    "investigation",
    "investigators",
    "commission",
    "study",
    "survey",
    "tribunal",
    "court",
    "prosecutor",
    "prosecutors",
    "team",
    "تحقيق",
    "دراسة",
    "محكمة",
    "نيابة",
    "فريق",
    "فرع",
    "رابطة",
    "اتحاد",
    "محامون",
    "محامين",
    "محامي",
    "league",
    "union",
    "association",
    "lawyer",
    "lawyers",
    "branch",
    "collective",
    "groups",
    "board",
];

/// Nouns for information rather than a speaker: a frame whose phrase starts with one of them
/// names its source further on (`بحسب معلومات ... من مصادر ميدانية`, `according to figures from
/// the ministry`) or none at all (the outlet's own information).
pub(crate) const INFORMATION_NOUNS: &[&str] = &[
    "معلومات",
    "رواية",
    "روايات",
    "معطيات",
    "تقديرات",
    "أرقام",
    "إحصاءات",
    "إحصائيات",
    "حصيلة",
    "بيانات",
    "information",
    "data",
    "figures",
    "estimates",
    "tally",
    "count",
    "records",
    "numbers",
    "calculations",
];

/// Documents that carry a source's words: `a statement by the council`, `بيان صادر عن الوزارة`.
/// A source phrase that starts with one of them and a preposition names the source after it.
/// An Arabic document followed at once by a definite noun names its author (`إحصاء المجلس`,
/// `تقرير المرصد`), and one followed by a verb of issuing names the author after the verb
/// (`تقرير أصدرته «الشبكة»`).
pub(crate) const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "report",
    "video",
    "footage",
    "list",
    "قائمة",
    "post",
    "message",
    "survey",
    "study",
    "tally",
    "count",
    "بيان",
    "تقرير",
    "بياناً",
    "تسجيل",
    "رسالة",
    "إحصاء",
    "إحصائية",
    "دراسة",
    "مسح",
    "list",
    "records",
    "log",
    "register",
    "bulletin",
    "نشرة",
    "قائمة",
    "سجلات",
];
/// Adjectives of a document, never its author (`التقرير السنوي`, `البيان المشترك`).
pub(crate) const DOCUMENT_ADJECTIVES: &[&str] = &[
    // An ordinal numbers the document: `البيان الرابع`.
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "السنوي",
    "الشهري",
    "الأسبوعي",
    "اليومي",
    "الأخير",
    "الجديد",
    "المشترك",
    "الختامي",
    "الأولي",
    "النهائي",
    "الرسمي",
    "الدوري",
    "المسرّب",
];
pub(crate) const DOCUMENT_LINKS: &[&str] = &[
    "by",
    "aired",
    "broadcast",
    "posted",
    "published",
    "released",
    "circulated",
    "shared",
    "from",
    "of",
    "عن",
    "من",
    "صادر",
    "الصادر",
    "أصدرته",
    "أصدرتها",
    "أصدره",
    "نشرته",
    "نشرتها",
    "نشره",
    "أعدّته",
    "أعدّتها",
    "أعدّه",
    "وزّعته",
    "وزّعتها",
    // `وفق آخر حصيلة أعلنتها المديرية`: a toll announced by its author.
    "أعلنتها",
    "أعلنها",
    "أعلنته",
];

/// English verbs that may come before their subject (`"...," said Mona`, `..., added the
/// official.`): other verbs after a comma have their subject before them (`The group's
/// spokesman, Hamza al-Ali, dismissed the reports`).
pub(crate) const INVERTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "wrote",
    "writes",
    "noted",
    "notes",
    "explained",
    "stated",
    "reported",
    "insisted",
    "warned",
    "recalled",
    "continued",
    "asked",
    "acknowledged",
    "admitted",
    "claimed",
    "alleged",
    "tweeted",
];

/// The words of a relative clause or a participle that end a source's name inside its phrase
/// (`a pharmacist who returned last week`, `A military source quoted by the state news agency`):
/// the name stops before them.
pub(crate) const NAME_ENDERS: &[&str] = &[
    "who",
    "whom",
    "whose",
    "which",
    "where",
    "quoted",
    "cited",
    "citing",
    "quoting",
    "speaking",
    "working",
    "operating",
];

/// Words that open a phrase for a speaker without naming one (`One man`, `Two drivers`,
/// `Former detainees`): a capital there is the sentence's, not a name's.
pub(crate) const UNNAMED_OPENERS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "some", "many",
    "most", "another", "other", "each", "both", "former", "local", "senior", "young", "elderly",
];

/// Words of a `who` aside that give the speaker's name (`who gave his name only as Omar`, `who
/// gave only his first name, Samer`): the name belongs to the aside's speaker.
pub(crate) const NAMING_WORDS: &[&str] = &["name", "named", "identified", "nicknamed", "calls", "called"];

/// Lowercase words that may stand inside a proper name (`Abu Omar al-Halabi`, `Pieter van Rooy`,
/// `Medics for the Valley`, `the Southern Rights Observatory`): a part of an English apposition
/// whose other words are all capitalised is a name (see `Scan::name_part`).
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "van", "von", "der", "de", "du", "da", "di", "la", "le", "of", "for",
    "the", "and", "on", "s",
];

/// Laws and their parts: a phrase that opens with one is no speaker (`وفق المادة 4 من قانون
/// مكافحة الإرهاب`, `according to Article 9`): the attribution is dropped.
pub(crate) const LAW_NOUNS: &[&str] = &[
    "المادة",
    "مادة",
    "قانون",
    "القانون",
    "مرسوم",
    "المرسوم",
    "الدستور",
    "البند",
    "article",
    "law",
    "decree",
    "constitution",
    "section",
    "clause",
    "statute",
];

/// Arabic offices in construct (`ممثل الوافدين`, `مدير المستشفى`): after a name and a comma
/// they describe the person named (`حمد الشمري، ممثل الوافدين`).
pub(crate) const ARABIC_OFFICES: &[&str] = &[
    "ممثل",
    "ممثلة",
    "مدير",
    "مديرة",
    "رئيس",
    "رئيسة",
    "مسؤول",
    "مسؤولة",
    "منسق",
    "منسقة",
    "عضو",
    "قائد",
    "أمين",
    "نائب",
    "ناطق",
    "محافظ",
    "وزير",
    "مختار",
];

/// What was announced or circulated, with no one who announced it (`وفق المُعلن عنه`, `بحسب
/// المتداول`): a passive participle is no speaker, and the attribution is dropped.
pub(crate) const UNSPOKEN_ACCOUNTS: &[&str] = &[
    "المعلن",
    "المعلنة",
    "المتداول",
    "المتداولة",
    "المنشور",
    "المنشورة",
    "المتاح",
    "المتاحة",
    "المتوفر",
    "المتوفرة",
    "المتوافر",
    "المتوافرة",
    "المعروف",
    // `البالغ عددهم نحو 900`: a number is no one.
    "عددهم",
    "عددها",
    "عددهن",
];

/// An outlet's correspondents (`بحسب مراسل «صحيفة الميدان»`, `مراسلنا في المكان`, `أحصى
/// مراسلها`): what they saw or counted is the outlet's own reporting, with no source, when they
/// are the outlet's (no outlet named, or the one of the dateline). Not the plural `مراسلون`,
/// which opens `«مراسلون بلا حدود»`, Reporters Without Borders.
pub(crate) const CORRESPONDENTS: &[&str] =
    &["مراسل", "مراسلة", "مراسلنا", "مراسلتنا", "مراسلها", "مراسلتها", "مراسله", "مراسلوها", "مراسلونا"];

/// What a relay may cite that is a reason, not a speaker (`citing operational security`,
/// `citing a lack of evidence`): the one citing it speaks.
pub(crate) const REASON_NOUNS: &[&str] = &[
    "security",
    "safety",
    "concerns",
    "reasons",
    "lack",
    "investigation",
    "investigations",
    "policy",
    "privacy",
    "grounds",
    "fears",
];

/// Nouns of estimating or counting before whose author (`تقدير مراسل «صدى الريف»`).
pub(crate) const ESTIMATE_NOUNS: &[&str] = &["تقدير", "تقديرات", "إحصاء", "إحصاءات", "تعداد"];

/// The outlet's own story named in a correction (`An earlier version of this story ... said`):
/// no speaker; a relay in the same sentence (`citing police officials`) names the source.
pub(crate) const SELF_REFERENCES: &[&str] =
    &["earlier version", "previous version", "this story", "this article", "نسخة سابقة", "هذا الخبر"];

/// A heading that names a bulletin: its author (the source of the lead's first attribution,
/// named in a heading too) speaks for the figures it gives without attribution.
pub(crate) const BULLETIN_NOUNS: &[&str] = &[
    "bulletin",
    "digest",
    "daily report",
    "weekly report",
    "monthly report",
    "daily update",
    "weekly update",
    "situation report",
    "نشرة",
    "النشرة",
    "حصاد",
    "التقرير اليومي",
    "التقرير الأسبوعي",
    "تقرير يومي",
    "تقرير أسبوعي",
];

/// A standing note on where figures come from (`all figures from the Red Crescent unless
/// stated`, `والأرقام كلها من «الهلال الأحمر» ما لم يُذكر خلاف ذلك`): its noun of figures, its
/// words for all, the word before the name, and the word that may end the name.
pub(crate) const FIGURE_NOUNS: &[&str] =
    &["figures", "numbers", "tolls", "data", "الأرقام", "الأعداد", "الحصائل", "أرقام", "البيانات"];
pub(crate) const STANDING_ALL: &[&str] = &["all", "كلها", "جميعها", "جميع", "كل"];
pub(crate) const STANDING_FROM: &[&str] = &["from", "من", "بحسب", "حسب", "وفق"];
pub(crate) const STANDING_UNLESS: &[&str] = &["unless", "except", "ما", "إلا", "باستثناء"];

/// The spread of other parties' figures (see `Suggester::spread_of_claims`): verbs of ranging
/// and nouns of figures or claims.
pub(crate) const RANGE_VERBS: &[&str] = &[
    "ranged",
    "range",
    "ranges",
    "ranging",
    "varied",
    "vary",
    "varies",
    "تراوحت",
    "تتراوح",
    "تراوح",
    "يتراوح",
];
pub(crate) const CLAIM_NOUNS: &[&str] = &[
    "claims",
    "figures",
    "tolls",
    "estimates",
    "numbers",
    "counts",
    "الأرقام",
    "الأعداد",
    "التقديرات",
    "الحصائل",
    "الروايات",
    "الادعاءات",
    "أرقام",
    "تقديرات",
];

/// Words that open a breakdown of the figure before them (`among them 29 former detainees`).
pub(crate) const BREAKDOWN_OPENERS: &[&str] =
    &["among", "including", "included", "بينهم", "بينهن", "منهم", "منهن", "بينها", "منها", "ومنهم", "وبينهم"];

/// First-person words of a bulletin's author: `Our field monitor reported`, `we count`.
pub(crate) const FIRST_PERSON: &[&str] = &["our", "we", "us", "i", "مراسلونا", "مراسلنا", "فريقنا", "رصدنا"];

/// Titles before a name: a speaker named again by title and surname (`Dr. Rasheed` after `Dr.
/// Amal Rasheed`, `الشيخ إسحق` after `رئيس اللجنة، الشيخ آدم إسحق`) is the speaker named before.
pub(crate) const TITLES: &[&str] = &[
    "dr",
    "mr",
    "mrs",
    "ms",
    "prof",
    "sheikh",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "judge",
    "imam",
    "father",
    "general",
    "colonel",
    "major",
    "captain",
    "الشيخ",
    "الدكتور",
    "د",
    "العقيد",
    "العميد",
    "اللواء",
    "النقيب",
    "الرائد",
    "المقدم",
    "الطبيب",
    "المحامي",
    "القاضي",
    "الأستاذ",
    "المهندس",
    "السيد",
    "الحاج",
    "الإمام",
    "الدكتورة",
    "الطبيبة",
    "المحامية",
    "القاضية",
    "المهندسة",
    "السيدة",
];

/// Words that make a capitalised name an organisation's (`Medical Relief International`, `the
/// Sea Rescue Collective`): a class noun with no earlier name holding it (`the charity`) stands
/// for the last such name.
pub(crate) const ORG_WORDS: &[&str] = &[
    "international",
    "relief",
    "aid",
    "rescue",
    "rights",
    "crescent",
    "cross",
    "collective",
    "initiative",
    "foundation",
    "institute",
    "society",
    "federation",
    "union",
    "league",
    "association",
    "mission",
    "fund",
    "trust",
    "corps",
    "alliance",
    "coalition",
    "campaign",
    "forum",
    "watch",
    "network",
    "monitor",
    "centre",
    "center",
    "group",
    "committee",
    "council",
    "organisation",
    "organization",
    "front",
    "brigade",
    "brigades",
    "agency",
    "observatory",
    "ministry",
    "directorate",
    "office",
    "programme",
    "program",
    "service",
    "services",
    "doctors",
    "medics",
    "volunteers",
    "partners",
    "project",
    "movement",
];

/// Arabic heads of bodies (not of people), compared as written with any clitic (`المرصد`), not
/// folded (`مديرية` folds like `مدير`): a document named without its author (`وبحسب التقرير`)
/// stands for the last body that spoke, not for a person quoted since (`مدير المرصد`). English
/// bodies are named by `ORG_WORDS`.
pub(crate) const BODY_HEADS: &[&str] = &[
    "مرصد",
    "وزارة",
    "مديرية",
    "وكالة",
    "شبكة",
    "منظمة",
    "هيئة",
    "لجنة",
    "مجلس",
    "مكتب",
    "جماعة",
    "تنسيقية",
    "فريق",
    "رابطة",
    "اتحاد",
    "جمعية",
    "مركز",
    "فرع",
    "جبهة",
    "حركة",
    "قيادة",
    "مفوضية",
    "نقابة",
    "ألوية",
    "كتائب",
    "سرايا",
    "تجمع",
    "ائتلاف",
    "مؤسسة",
    "دائرة",
    "بلدية",
];

/// Class nouns of organisations: `the charity`, `the group` stand for the last organisation named
/// with capitals when no earlier name holds the word itself.
pub(crate) const CLASS_NOUNS: &[&str] =
    &["charity", "group", "organisation", "organization", "ngo", "agency", "watchdog", "body", "collective"];

/// English prepositions that open a complement inside a source phrase: a word after them is not
/// the phrase's head, so a later reference does not stand for the phrase (`the brigade` is not
/// `A spokesman for the brigade`; `the charity` is not `a water engineer with the charity`).
pub(crate) const COMPLEMENT_OPENERS: &[&str] = &["for", "with", "of", "at", "in", "from", "near", "on"];

/// Modifiers of a generic reference that describe a source named before without naming it
/// (`the U.K.-based monitor`, `the war monitor`, `المصدر نفسه`, `المصدر المذكور`).
pub(crate) const DESCRIPTIVE_MODIFIERS: &[&str] = &[
    "based",
    "led",
    "backed",
    "funded",
    "linked",
    "affiliated",
    "same",
    "aforementioned",
    "war",
    "rights",
    "monitoring",
    "watchdog",
    "local",
    "nongovernmental",
    "independent",
    "نفسه",
    "نفسها",
    "ذاته",
    "ذاتها",
    "المذكور",
    "المذكورة",
    "الحقوقي",
    "الحقوقية",
];

/// Words that open what is claimed. Arabic: إنّ، أنّ and their forms with a pronoun or بـ / فـ.
/// English: that.
pub(crate) const COMPLEMENTIZERS: &[&str] = &[
    "إنّ",
    "أنّ",
    "إن",
    "أن",
    "بأن",
    "بأنّ",
    "فإن",
    "فإنّ",
    "أنه",
    "إنه",
    "أنها",
    "إنها",
    "أنهم",
    "إنهم",
    "بأنه",
    "بأنها",
    "بأنهم",
    "أنّه",
    "إنّه",
    "أنّها",
    "إنّها",
    "أنّهم",
    "إنّهم",
    "that",
    // `ويروي التقرير كيف طوّقت وحدات من الجيش البلدة`: what is told follows `كيف`.
    "كيف",
];

/// Nouns that start the content of a claim right after an Arabic source phrase: `نفى مصدر
/// عسكري مسؤولية ...`, `أكّد ناشطون انشقاق ...`, `قدّر المرصد حصيلة القتلى بـ...`. (Not أنباء
/// or صحة: وكالة الأنباء, وزارة الصحة.)
pub(crate) const CONTENT_NOUNS: &[&str] = &[
    "حصيلة",
    "حقيقة",
    "تفاصيل",
    "هوية",
    "هويات",
    "خطف",
    "اختطاف",
    "احتجاز",
    "توقيف",
    "تهجير",
    "ترحيل",
    "تجنيد",
    "اختفاء",
    "فقدان",
    "وفاة",
    "وفيات",
    "دفن",
    "عدد",
    "مقتل",
    "سقوط",
    "انشقاق",
    "اعتقال",
    "إعدام",
    "إصابة",
    "نزوح",
    "استهداف",
    "وجود",
    "مسؤولية",
    "تقارير",
    "رواية",
    "وصول",
    "فرار",
    "خبر",
    "نبأ",
    "أسر",
    "تدمير",
    "سيطرة",
    "اغتيال",
    "مصرع",
    "استشهاد",
    "ارتفاع",
    "بياناً",
    "تقريراً",
    "حصيلتها",
    "حصيلته",
    "خروج",
    "دخول",
    "إطلاق",
    "قصف",
    "زيادة",
    "انخفاض",
    "تراجع",
    "وقوع",
    "حدوث",
    "قيام",
    "تسجيل",
    "توثيق",
    "تعرض",
    "اندلاع",
    "عودة",
    "تضرر",
    "احتجاز",
    "اختطاف",
    "وقوف",
    "تورط",
    "توقيف",
    "ضبط",
    "إنقاذ",
    "انتشال",
    "إجلاء",
    "فقدان",
    "وفاة",
];

/// Nouns after ل that name who was told (لوكالة، للصحيفة): a source phrase after the verb ends
/// there. A lone لـ (لـ«الأخبار») does the same.
pub(crate) const RECIPIENT_NOUNS: &[&str] = &[
    "وكالة",
    "صحيفة",
    "قناة",
    "موقع",
    "تلفزيون",
    "إذاعة",
    "مراسل",
    "مراسلة",
    "صحفيين",
    "صحافيين",
    "إعلاميين",
    "مراسلين",
];

/// Nouns after في that say how something was said (في بيان، في تصريح، في اتصال): a source
/// phrase after the verb ends there. English forms are whole phrases.
pub(crate) const MANNER_NOUNS: &[&str] = &[
    "بيان",
    "تصريح",
    "تصريحات",
    "اتصال",
    "حديث",
    "مقابلة",
    "تغريدة",
    "منشور",
    "مؤتمر",
    "تقرير",
    "تقييم",
    "تقييمه",
    "تقييمها",
    "رد",
    "ردّ",
    "رسالة",
    "كلمة",
    "إحاطة",
    "تسجيل",
    "بيانه",
    "بيانها",
    "بيانهم",
    "تصريحه",
    "تصريحها",
    "تقريره",
    "تقريرها",
    "نشرتها",
    "نشرته",
    "نشرة",
    // English nouns of `in its daily bulletin`, `in a statement on Friday` (see `Scan::manner_at`).
    "statement",
    "statements",
    "bulletin",
    "report",
    "interview",
    "briefing",
    "post",
    "video",
    "message",
    "update",
    "conference",
];
pub(crate) const MANNER_PHRASES: &[&str] = &[
    "in a statement",
    "in statement",
    "by telephone",
    "by phone",
    "in an interview",
    "on condition of anonymity",
    "in a report",
    "at a news conference",
    "at a press conference",
    "on television",
    "on social media",
    // `«جبهة تحرير السرحان» عبر قناتها على «تلغرام»`: the channel is how it spoke.
    "عبر",
    "via",
    // `كشفت حتى الآن عن 38 جثة`: how far, not who.
    "حتى الآن",
    "so far",
];

/// Words that end a scan back from a cue: a new clause starts after them.
pub(crate) const CLAUSE_OPENERS: &[&str] = &[
    "while",
    "whereas",
    "because",
    "although",
    "though",
    "when",
    "after",
    "before",
    "if",
    "unless",
    "but",
    "since",
    "whether",
    "بينما",
    "فيما",
    "حين",
    "حيث",
    "بعدما",
    "عندما",
    "لكن",
    "لأن",
    "إذ",
    "كما",
];

/// Words trimmed from the start of a source phrase: conjunctions, discourse markers, relatives.
pub(crate) const TRIM_START: &[&str] = &[
    "and",
    "but",
    "meanwhile",
    "however",
    "also",
    "then",
    "separately",
    "moreover",
    "yet",
    "so",
    "still",
    "who",
    "which",
    "that",
    "whose",
    "while",
    "as",
    "و",
    "ف",
    "قد",
    "لقد",
    "وقد",
    "أما",
    "كذلك",
    "أيضاً",
    "بدوره",
    "بدورها",
    "غير",
    "بالمقابل",
    "ثم",
    // `وكان السجل قد وثّق`: the auxiliary before a subject.
    "كان",
    "كانت",
    "وكان",
    "وكانت",
    "فكان",
    "فكانت",
];

/// Verbs of going on before a speaker and a participle of saying (`ومضت فرحات قائلة`, `وعاد
/// الشامي ليؤكد`, `وأردف المسؤول قائلاً`): trimmed from the start of a source phrase, with or
/// without their clitic.
pub(crate) const CONTINUING_VERBS: &[&str] =
    &["مضى", "مضت", "عاد", "عادت", "استطرد", "استطردت", "أردف", "أردفت", "تابع", "تابعت", "ختم", "ختمت"];

/// Words trimmed from the end of a source phrase: adverbs and particles left before a verb,
/// prepositions left before a stop. (Not على: it normalises like the name علي.)
pub(crate) const TRIM_END: &[&str] = &[
    "also",
    // `it had so far confirmed`, `it had already counted`.
    "so",
    "far",
    "already",
    "just",
    "always",
    "repeatedly",
    "later",
    "earlier",
    "previously",
    "separately",
    "then",
    "on",
    "in",
    "of",
    "at",
    "by",
    "the",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "had",
    "now",
    "again",
    "and",
    "to",
    "from",
    "with",
    "for",
    "since",
    "و",
    "من",
    "في",
    "عن",
    "قد",
    "لقد",
    "وقد",
    "أيضاً",
    "يومها",
    "حينها",
    "بدوره",
    "بدورها",
    "كذلك",
    "مع",
];

/// Words passed over between a verb and its source phrase (قال أيضاً مصدر ..., أعلنه يومها X).
pub(crate) const SKIP_AFTER_CUE: &[&str] = &[
    "أيضاً",
    // `بحسب ما أفادت به «الشبكة»`: the pronoun that takes up `ما`.
    "به",
    "بها",
    "بعده",
    "بعدها",
    "يومها",
    "حينها",
    "بدوره",
    "بدورها",
    "كذلك",
    "اليوم",
    "also",
    "later",
    "earlier",
    "on",
    "by",
    "سابقاً",
    "لاحقاً",
    "مجدداً",
    "مؤخراً",
    "أخيراً",
    "initially",
    "previously",
    "again",
    "recently",
];

/// Adverbs of when and how something was said (`أفاد صباحاً`, `أعلن رسمياً`, `publicly`): never a
/// source phrase, nor its first or last word, and passed over between a verb and its source.
pub(crate) const TIMES_OF_DAY: &[&str] =
    &["صباحاً", "مساءً", "ليلاً", "فجراً", "ظهراً", "عصراً", "رسمياً", "علناً", "هاتفياً", "publicly", "officially"];

/// Adverbs: never a source phrase, nor its first or last word (`وقال سابقاً إنّ`, `initially`).
pub(crate) const ADVERBS: &[&str] = &[
    "سابقاً",
    "لاحقاً",
    "مجدداً",
    "مؤخراً",
    "أخيراً",
    "أيضاً",
    "حينها",
    "يومها",
    "بدوره",
    "بدورها",
    "كذلك",
    // `ويروي التقرير بالتفصيل`: how it is told, not who tells.
    "بالتفصيل",
    // `وثّقت بالأسماء 2140 حالة`: how it was counted.
    "بالأسماء",
    "بالاسم",
    "بالأرقام",
    "initially",
    "previously",
    "recently",
    "again",
    "also",
    "later",
    "earlier",
    "meanwhile",
    "separately",
    "however",
    "now",
];

/// Prepositions: a phrase after a cue that starts with one is what the cue speaks of (`تفيد عن
/// قيام التنظيم`) or when it was said (`سجل خلال الأسبوعين`, `قائلة بعد الجلسة`), never who
/// speaks.
pub(crate) const PREPOSITIONS: &[&str] = &[
    "عن",
    "على",
    "في",
    "إلى",
    "من",
    "مع",
    "حول",
    "بشأن",
    "ضد",
    "لدى",
    "خلال",
    "منذ",
    "أثناء",
    "طوال",
    "بعد",
    "قبل",
    "about",
    "of",
    "on",
    "in",
    "at",
    "to",
    "from",
    "with",
    "against",
    "over",
    "during",
    "since",
];

/// Arabic prepositions of time and place that end a source phrase after a verb: `وقال عبيدات
/// أمام اللجنة إن`, `وقالت المتحدثة خلال الإحاطة إن`, `وأضاف مراد بعد الجلسة`. The phrase says
/// who speaks; these say where or when (`في` stays: it is part of names, `مديرية الصحة في
/// المحافظة`).
pub(crate) const SCENE_PREPOSITIONS: &[&str] =
    &["أمام", "خلال", "أثناء", "طوال", "عقب", "إثر", "لدى", "بعد", "قبل", "عبر"];

/// What a source cites that is its own material, not a speaker (`citing interviews with
/// survivors`, `نقلاً عن سجلاتها`): the source that cites it is the speaker.
pub(crate) const METHOD_NOUNS: &[&str] = &[
    "interviews",
    "records",
    "documents",
    "testimonies",
    "testimony",
    "analysis",
    "images",
    "footage",
    "research",
    "مقابلات",
    "سجلات",
    "سجلاتها",
    "سجلاته",
    "وثائق",
    "شهادات",
    "صور",
];

/// Words of a scene or a setting: a sentence with one describes what the reporter saw or
/// heard (`Dozens of relatives waited outside its morgue`, `واحتشد المئات أمام المشفى`) or the
/// place the story happens in (`the camps shelter an estimated 85,000 people`, `the town had
/// about 85,000 inhabitants`, `تضم زهاء 2400 نسمة`), and does not carry on the attribution of
/// the sentence before it.
pub(crate) const SCENE_WORDS: &[&str] = &[
    "shelter",
    "shelters",
    "houses",
    "hosts",
    "inhabitants",
    "population",
    "نسمة",
    "تضم",
    "تؤوي",
    "يقطنها",
    "يسكنها",
    "waited",
    "gathered",
    "queued",
    "lined",
    "crowded",
    "marched",
    "protested",
    "mourned",
    "attended",
    "watched",
    "chanted",
    "thronged",
    "انتظر",
    "انتظروا",
    "ينتظرون",
    "تجمّع",
    "تجمّعوا",
    "يتجمّعون",
    "احتشد",
    "احتشدوا",
    "يحتشدون",
    "اصطفّ",
    "اصطفّوا",
    "تظاهر",
    "تظاهروا",
    "شيّع",
    "شيّعوا",
    "شارك",
    "شاركوا",
    "هتف",
    "هتفوا",
];

/// Generic references to a source named earlier: `the source`, `المصدر`, `the group`,
/// `الناشطون` stand for the last source named before them whose words hold the same head word
/// (folded: `الناشطون` finds `ناشطين محليين`, `the observatory` finds `the Syrian Observatory
/// for Human Rights`).
pub(crate) const GENERIC_HEADS: &[&str] = &[
    "source",
    "sources",
    "group",
    "monitor",
    "observatory",
    "ministry",
    "agency",
    "network",
    "official",
    "officials",
    "activists",
    "activist",
    "organisation",
    "organization",
    "committee",
    "council",
    "office",
    "spokesman",
    "spokeswoman",
    "coalition",
    "charity",
    "watchdog",
    "directorate",
    "doctor",
    "commander",
    "governor",
    "administration",
    "service",
    "front",
    "command",
    "militia",
    "watch",
    "centre",
    "center",
    "brigade",
    "brigades",
    "alliance",
    "movement",
    "project",
    "report",
    "study",
    "survey",
    "statement",
    "communique",
    "بيان",
    "بلاغ",
    "تقرير",
    "دراسة",
    "إحصاء",
    "مصدر",
    "مصادر",
    "مرصد",
    "فريق",
    "ناشطون",
    "ناشطين",
    "نشطاء",
    "وزارة",
    "وكالة",
    "شبكة",
    "مسؤول",
    "منظمة",
    "هيئة",
    "لجنة",
    "مجلس",
    "مكتب",
    "جماعة",
    "متحدث",
    "ناطق",
    "تنسيقية",
    "تنسيقيات",
    "مسعفون",
    "مسعفين",
    "ناشط",
    "مديرية",
    "طبيب",
    "قائد",
    "قيادي",
    "محافظ",
    "رئيس",
    // Bodies and people later called by their head alone: `الفرع` after `فرع جمعية الهلال
    // الأحمر في المدينة`, `the league` after `The Tarif Human Rights League`, `The lawyers`
    // after `defence lawyers`.
    "فرع",
    "رابطة",
    "اتحاد",
    "جمعية",
    "محامون",
    "محامين",
    "مركز",
    "league",
    "union",
    "association",
    "branch",
    "lawyers",
    "lawyer",
    "board",
    "federation",
    "institute",
    "foundation",
    "society",
    "mission",
    "collective",
    // Hospitals, army units and pages named in the lead and later by their head.
    "hospital",
    "clinic",
    "division",
    "corps",
    "page",
    "channel",
    "register",
    "registry",
    "cluster",
    "authority",
    "municipality",
    "guard",
    "مشفى",
    "مستشفى",
    "قيادة",
    "ميليشيا",
    "جبهة",
    "فرقة",
    "فيلق",
    "صفحة",
    "قناة",
    "سجل",
    "بلدية",
    // Armed groups, alliances and programmes named with these heads (`«كتائب جبل الصوان»` and
    // later `«الكتائب»`).
    "كتائب",
    "كتيبة",
    "ألوية",
    "لواء",
    "حركة",
    "تجمع",
    "تحالف",
    "منتدى",
    "برنامج",
    "مفوضية",
    "نادي",
    "forum",
    "programme",
    "program",
    "club",
    // A bulletin stands for who issued it (`The bulletin listed`, `وسجّلت النشرة`).
    "bulletin",
    "log",
    "نشرة",
    "list",
    "قائمة",
    // Offices a person named before is called by again (`The police chief`, `the provincial
    // prosecutor`, `the minister`).
    "chief",
    "prosecutor",
    "minister",
    "director",
    "coordinator",
    "mayor",
    "envoy",
    "ambassador",
];

/// Openings of a clause that never carry content (for deciding whether a cue closes a clause).
pub(crate) const ADVERBIALS: &[&str] = &[
    "since then",
    "meanwhile",
    "however",
    "in addition",
    "on the other hand",
    "separately",
    "من جهته",
    "من جهتها",
    "من جهتهم",
    "في المقابل",
    "بالمقابل",
    "إلى ذلك",
    "بدوره",
    "بدورها",
    "وفي السياق",
    "كذلك",
];

/// The heads of an accused party after an accusation verb: a source phrase stops before them.
pub(crate) const ACCUSED_HEADS: &[&str] = &[
    "قوات",
    "جيش",
    "النظام",
    "تنظيم",
    "التنظيم",
    "ميليشيا",
    "ميليشيات",
    "مليشيات",
    "فصائل",
    "فصيل",
    "عناصر",
    "الحكومة",
    "حكومة",
    "الجيش",
    "القوات",
    "الشرطة",
    "مسلحين",
    "مسلحون",
    "جماعة",
    "الجماعة",
    "عصابة",
    "العصابة",
    "عصابات",
];

/// Pronouns: a source phrase that is only a pronoun takes the source of the statement before.
/// Pronouns and demonstratives: they name no speaker (`ويرفع هذا القصف الحصيلة`: the shelling does
/// not speak), so the source is carried over from the statement before.
pub(crate) const PRONOUNS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "this",
    "هو",
    "هي",
    "هم",
    "هؤلاء",
    "هن",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
];

/// After a comma, these start a description of the speaker that is not part of the name: `X,
/// who asked not to be named`, `أحد الباعة، وهو رجل في الخمسينيات`, `المصدر، الذي طلب ...`.
pub(crate) const DESCRIPTION_OPENERS: &[&str] = &[
    "who",
    "which",
    "whose",
    "وهو",
    "وهي",
    "وهم",
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللتان",
    "طلب",
    "طلبت",
    "طالباً",
    "طالبة",
    "فضّل",
    "فضّلت",
    "مفضّلاً",
    "مفضّلة",
    "رفض",
    "رفضت",
    "رافضاً",
    "رافضة",
    // نقلت X عن Y قوله إنّ: the relayed words follow, the name has ended.
    "قوله",
    "قولها",
    "قولهم",
    "قولهما",
    // `تقرير المنظمة السنوي، الصادر الأسبوع الماضي، أنها`: when a document came out describes it.
    "الصادر",
    "الصادرة",
    "المنشور",
    "المنشورة",
    // المرصد، ومقرّه خارج البلاد، أنّ: where the speaker is based describes it.
    "ومقرّه",
    "ومقرّها",
    // منظمات عاملة في الوادي: where the speakers work describes them (`working in`).
    "عاملة",
    "العاملة",
    "عاملين",
    "العاملين",
    "عاملون",
    "العاملون",
];

/// Relative pronouns: an Arabic verb right after one (`التهدئة التي أُعلنت`) describes its
/// antecedent and is no attribution.
pub(crate) const RELATIVES: &[&str] = &["الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي"];

/// Determiners and possessives: an English cue word after one is a noun (`the estimate`).
pub(crate) const DETERMINERS: &[&str] =
    &["the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "this", "that", "preliminary"];

/// Words after a number that make it an age in Arabic (`في الثانية عشرة من عمره`).
pub(crate) const AGE_AFTER: &[&str] = &["عمره", "عمرها", "العمر", "عمرهم"];

/// Verbs after `who` that ask for anonymity (`who asked not to be named`; also `who was not
/// authorised to ...`): such a clause is never part of a source's name.
pub(crate) const ANONYMITY_VERBS: &[&str] =
    &["asked", "declined", "requested", "spoke", "refused", "preferred", "insisted"];

/// Words before a cue that make it a noun, not a statement: `طلب عدم ذكر اسمه`.
pub(crate) const NEGATING_NOUNS: &[&str] = &["عدم", "دون"];

/// Forms of "be": a cue after one of them is passive (`were reported killed`).
pub(crate) const BE: &[&str] = &["was", "were", "is", "are", "been", "be", "being"];

/// Nouns after a number that make it a measure, not a count (`20 square metres`).
pub(crate) const MEASURE_NOUNS: &[&str] = &[
    "square",
    "cubic",
    "sq",
    "hectares",
    "acres",
    "dunams",
    "دونم",
    "هكتار",
    "litres",
    "liters",
    "litre",
    "liter",
    "tonnes",
    "tons",
    "tonne",
    "ton",
    "kilograms",
    "kg",
    "لتر",
    "لترا",
    "لترات",
    "طن",
    "طنا",
    "اطنان",
    "كيلوغرام",
    "كيلوغراما",
    // Lengths, depths and rainfall (`حفرة بعمق أربعة أمتار`, `112 mm of rain`), and seconds
    // (`مقطع مدته 90 ثانية`).
    "mm",
    "cm",
    "metres",
    "meters",
    "متر",
    "متراً",
    "أمتار",
    "ملم",
    "مليمتر",
    "مم",
    "سم",
    "ثانية",
    "ثوان",
    "ثوانٍ",
    "seconds",
];

/// What a breakdown is by, after `بحسب` or `وفق` (`وبحسب الجهة المسؤولة، نسب التقرير مقتل 112
/// …`: broken down by perpetrator): no attribution.
pub(crate) const BREAKDOWN_KEYS: &[&str] =
    &["الجهة المسؤولة", "الجهات المسؤولة", "الجهة الفاعلة", "الطرف المسؤول"];

/// Words before quotation marks that hold what is written or chanted, not a count anyone
/// reports: `a banner reading "49 names, 49 lies"`, `لافتة كُتب عليها «49 اسماً»`, `تحمل عبارة`.
pub(crate) const INSCRIPTIONS: &[&str] = &[
    "reading",
    "that read",
    "which read",
    "with the words",
    "bearing the words",
    "emblazoned with",
    "chanting",
    "كتب عليها",
    "كتب عليه",
    "كتبت عليها",
    "كتبت عليه",
    "تحمل عبارة",
    "حملت عبارة",
    "يحمل عبارة",
    "عبارة",
    "مرددين",
    "هاتفين",
];

/// Words right before a figure that make it a capacity, an average, a rate, the size of each
/// group or an age, not a count of what happened: `room for 20 bodies`, `built to hold 800
/// inmates`, `enough to feed 40,000 people`, `an average of 70 people`, `in groups of five or
/// six`, `each with more than five victims`, `a mother of six`, `the oldest was 81`,
/// `المخصصة لعشرين شخصاً`, `بطاقة 40 سريراً`, `بمعدل 3`, `تتقاسم كل 5 عائلات`. The last word
/// matches with a leading clitic (`بمعدل`).
pub(crate) const NOT_A_COUNT_BEFORE: &[&str] = &[
    "room for",
    "built for",
    "to hold",
    "to carry",
    "licensed for",
    "funerals of",
    "funeral of",
    "coffins of",
    "تشييع",
    "designed for",
    "capacity of",
    "capacity for",
    "enough to feed",
    "enough for",
    "food for",
    "rations for",
    "supplies for",
    "sufficient for",
    "camp for",
    "interviews with",
    "مقابلات مع",
    "مقابلة مع",
    "تكفي",
    "يكفي",
    "an average of",
    "a rate of",
    "groups of",
    "batches of",
    "each with",
    "mother of",
    "father of",
    // Ages: `a girl of eight`, `a man of 60`.
    "girl of",
    "boy of",
    "child of",
    "man of",
    "woman of",
    // A figure named, not claimed (`The figure of 190 is false`, `رقم 187 قتيلاً مضلل`), and a
    // norm (`against a standard of six`).
    "figure of",
    "رقم",
    "standard of",
    "norm of",
    "oldest was",
    "youngest was",
    // A minimum and a difference, not a count: `below the minimum of 15`, `differ by tens of
    // thousands`, `تتباعد بعشرات الآلاف`.
    "minimum of",
    "maximum of",
    "differ by",
    "differs by",
    "differed by",
    "بفارق",
    "تتباعد",
    // Ages in a range: `their ages ranged from 2 to 71`.
    // A body's members and the people a group represents, not what happened: `اللجنة المؤلفة
    // من سبعة أعضاء`, `a five-member body`, `which represents relatives of 58 of the dead`,
    // `التي تمثل 85 عائلة`.
    "made up of",
    "composed of",
    "consisting of",
    "المؤلفة من",
    "المكونة من",
    "المؤلف من",
    "المكون من",
    "represents",
    "represent",
    "represents relatives of",
    "represents families of",
    "تمثل",
    "يمثل",
    "تمثّل",
    "يمثّل",
    // Who a body works with or heard, not what happened: `relies on a network of about 40
    // field researchers`, `Its researchers spoke to 96 people`, `reports from more than 60
    // volunteers`. Not a team (`a team of six doctors was sent` is a claim) nor those
    // interviewed or screened (the gold of several batches counts them).
    "network of",
    "staff of",
    "spoke to",
    "spoke with",
    "talked to",
    "surveyed",
    "reports from",
    "شبكة من",
    "شبكة تضم",
    "ages ranged from",
    "ages ranging from",
    "ages from",
    "المخصصة",
    "مخصصة",
    "تتسع",
    "يتسع",
    "طاقة",
    "طاقتها",
    "طاقته",
    "سعة",
    "استيعاب",
    "معدل",
    "متوسط",
    "كل",
    "كل منها",
    "كل منهم",
    "كل منهما",
    "أكبرهم",
    "أصغرهم",
    // A plan's aim is no count of what happened (`a campaign aimed at 150,000 people`), nor is an
    // audience (`يتابعها نحو 300 ألف شخص`). Not `targeting`, `تستهدف`: an army targeting a few
    // dozen gunmen, a campaign targeting 45,000 displaced people say how many there are.
    "aimed at",
    "a target of",
    "followed by",
    "يتابعها",
    "يتابعه",
    "يتابعهم",
    // The eldest child's age (`the eldest 16`), a vote (`voted 9 to 2`, `بأغلبية تسعة أعضاء`).
    "eldest",
    "youngest",
    "oldest",
    "voted",
    "vote of",
    "بأغلبية",
];

/// A vote's first count (`voted 9 to 2`, `بأغلبية تسعة أعضاء مقابل اثنين`): its second count,
/// after `to`, `and` or `مقابل`, is no count of people either.
pub(crate) const VOTE_BEFORE: &[&str] = &["voted", "vote of", "بأغلبية"];

/// A household's size (`a house collapsed on a family of eight`, `عائلة من تسعة أفراد كانت في
/// طريقها`): not a count, unless an outcome is written just before it (`shot dead a family of
/// six`, `بين القتلى عائلة من ثمانية أفراد`), which makes the family the victims.
pub(crate) const HOUSEHOLD_BEFORE: &[&str] = &[
    "family of",
    "عائلة من",
    "أسرة من",
    "عائلة مؤلفة من",
    "أسرة مؤلفة من",
    "عائلة مكونة من",
    "أسرة مكونة من",
];

/// Words right after a figure that make it a rate (`one meal a day`, `four a week`, `3 يومياً`).
pub(crate) const RATE_AFTER: &[&str] = &[
    "a day",
    "a week",
    "a month",
    "a year",
    "a minute",
    "an hour",
    "per day",
    "per week",
    "per month",
    "per year",
    "per minute",
    "per hour",
    "per trip",
    "each day",
    "every day",
    "every week",
    "each week",
    "daily",
    "يومياً",
    "أسبوعياً",
    "شهرياً",
    "سنوياً",
    "في الدقيقة",
    "في الساعة",
];

/// What a speaker can do at one time (`We can treat about 40 at a time`, `لا نستطيع علاج أكثر
/// من 35 طفلاً في الوقت نفسه`): with a verb of ability before the figure, a capacity, not a count
/// (`held as many as 90 men at a time` is a count).
pub(crate) const AT_ONE_TIME: &[&str] =
    &["at a time", "at any one time", "at once", "في الوقت نفسه", "في آن واحد"];
pub(crate) const ABLE: &[&str] =
    &["can", "could", "cannot", "able", "نستطيع", "يستطيع", "تستطيع", "نتمكن", "يمكن", "يمكننا", "بإمكاننا"];

/// Rates written before the figure they make a flow of (`نسجل يومياً بين 300 و400 وافد`,
/// `every day, 300 people arrive`). Not `daily`: `the daily Al-Saut` is a newspaper.
pub(crate) const RATE_BEFORE: &[&str] =
    &["يومياً", "أسبوعياً", "شهرياً", "every day", "each day", "every week", "each week"];

/// Abbreviations after which a full stop does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "no", "vs", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "rev", "gov", "sen", "rep",
    "inc", "co", "jr", "sr", "mt", "ft", "brig", "cmdr", "adm", "pvt", "cpl", "govt", "dept", "approx",
    "est", "nos", "vol", "pp", "fig", "al", "art", "arts", "sec", "para", "chap", "د", "م", "أ", "ج", "ص",
    "ت",
];

/// Connectives an English writer sets off by commas between a subject and its verb.
pub(crate) const CONNECTIVE_ASIDES: &[&str] = &[
    "meanwhile",
    "however",
    "though",
    "too",
    "also",
    "in turn",
    "separately",
    "likewise",
    "moreover",
    "for its part",
    "for his part",
    "for her part",
    "for their part",
    "in contrast",
    "by contrast",
    "in response",
];

/// The word before a figure that the figure before it denies (`3 people had died, not 14`,
/// `ثلاثة أشخاص وليس 13`).
pub(crate) const DENYING_BEFORE: &[&str] =
    &["not", "rather than", "instead of", "وليس", "ليس", "لا", "بدلاً من"];

/// Words before a four-digit number that make it a year (`in 2014`, `عام 2015`).
pub(crate) const YEAR_BEFORE: &[&str] =
    &["in", "since", "until", "before", "after", "during", "في", "عام", "سنة", "منذ", "حتى", "خلال"];

/// Kin counted after a possessive (`her two daughters`, `his three sons`, `their five
/// children`): a household, no claim, unless they are what happened (`his two sons had been
/// taken`, `were among the dead`).
pub(crate) const HOUSEHOLD_KIN: &[&str] = &[
    "sons",
    "daughters",
    "children",
    "grandchildren",
    "grandsons",
    "granddaughters",
    "brothers",
    "sisters",
    "siblings",
    "nephews",
    "nieces",
    "cousins",
    "wives",
    "parents",
];

/// Nouns of kin and of one person whose age follows in apposition (`his nephew, 17,`).
pub(crate) const KIN_NOUNS: &[&str] = &[
    "son",
    "daughter",
    "nephew",
    "niece",
    "brother",
    "sister",
    "wife",
    "husband",
    "father",
    "mother",
    "cousin",
    "uncle",
    "aunt",
    "grandson",
    "granddaughter",
    "grandfather",
    "grandmother",
    "boy",
    "girl",
    "man",
    "woman",
    "conscript",
    "student",
    "teenager",
    "widow",
    "neighbour",
    "neighbor",
];
