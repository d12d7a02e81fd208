//! Which counted nouns are people, and which measures count people: a measure of the killed or
//! of defectors takes `30 civilians`, `16 عنصراً`, `200 شخص` and a bare `30`, never `three
//! neighbourhoods` (`ثلاثة أحياء`), `15 groups`, `two vehicles` or `three days`. Tables as data,
//! written as articles write the words and normalised once; docs/suggest.md lists them.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::normalize::normalize;
use crate::numwords::tokens::clitic_forms;

/// Nouns (and the adjectives used as nouns) that count people, singular and plural, with the
/// accusative forms the press writes after 11–99 (`مدنياً`, `عنصراً`). The outcome words of the
/// notation (`killed`, `قتيل`, `جريح`, `منشقين` ...) count people too and are added to these.
pub(crate) const PERSON_NOUNS: &[&str] = &[
    // English
    "people",
    "persons",
    "person",
    "civilians",
    "civilian",
    "children",
    "child",
    "kids",
    "minors",
    "boys",
    "girls",
    "women",
    "woman",
    "men",
    "man",
    "adults",
    "infants",
    "babies",
    "teenagers",
    "fighters",
    "fighter",
    "combatants",
    "soldiers",
    "soldier",
    "troops",
    "servicemen",
    "conscripts",
    "recruits",
    "officers",
    "officer",
    "militants",
    "militant",
    "insurgents",
    "rebels",
    "gunmen",
    "militiamen",
    "jihadists",
    "members",
    "member",
    "volunteers",
    "guards",
    "policemen",
    "police",
    "personnel",
    "staff",
    "workers",
    "employees",
    "doctors",
    "nurses",
    "medics",
    "paramedics",
    "rescuers",
    "journalists",
    "reporters",
    "activists",
    "protesters",
    "demonstrators",
    "students",
    "pupils",
    "teachers",
    "patients",
    "residents",
    "inhabitants",
    "villagers",
    "locals",
    "farmers",
    "shepherds",
    "traders",
    "vendors",
    "passengers",
    "drivers",
    "pilgrims",
    "worshippers",
    "refugees",
    "migrants",
    "returnees",
    "evacuees",
    "displaced",
    "detainees",
    "prisoners",
    "captives",
    "hostages",
    "inmates",
    "defectors",
    "deserters",
    "victims",
    "casualties",
    "survivors",
    "bodies",
    "corpses",
    "dead",
    "wounded",
    "injured",
    "missing",
    "relatives",
    "youths",
    "youth",
    "elderly",
    "leaders",
    "commanders",
    "suspects",
    "foreigners",
    "nationals",
    "citizens",
    "individuals",
    "humans",
    "lives",
    "others",
    "cases",
    "deaths",
    "arrests",
    "executions",
    "elders",
    "sons",
    "daughters",
    "brothers",
    "grandchildren",
    "mothers",
    "fathers",
    "mercenaries",
    "terrorists",
    "martyrs",
    "apostates",
    "attackers",
    "assailants",
    "smugglers",
    "pilots",
    "crew",
    "sailors",
    "fishermen",
    "agents",
    "operatives",
    "extremists",
    "loyalists",
    "tribesmen",
    "clansmen",
    "visitors",
    "applicants",
    "seekers",
    "orphans",
    "widows",
    // Arabic
    "شخص",
    "شخصاً",
    "أشخاص",
    // `أربعة آخرين`, `30 آخرون`: the others of a toll are people.
    "آخرين",
    "آخرون",
    "نفر",
    "أنفار",
    "نسمة",
    "فرد",
    "أفراد",
    "مدني",
    "مدنياً",
    "مدنيين",
    "مدنيون",
    "طفل",
    "طفلاً",
    "أطفال",
    "قاصر",
    "قاصرين",
    "امرأة",
    "نساء",
    "سيدة",
    "سيدات",
    "فتاة",
    "فتيات",
    "رجل",
    "رجلاً",
    "رجال",
    "شاب",
    "شاباً",
    "شبان",
    "شباب",
    "مسن",
    "مسنين",
    "عنصر",
    "عنصراً",
    "عناصر",
    "مقاتل",
    "مقاتلاً",
    "مقاتلين",
    "مقاتلون",
    "مسلح",
    "مسلحاً",
    "مسلحين",
    "مسلحون",
    "جندي",
    "جندياً",
    "جنود",
    "عسكري",
    "عسكرياً",
    "عسكريين",
    "عسكريون",
    "ضابط",
    "ضابطاً",
    "ضباط",
    "مجند",
    "مجندين",
    "متطوع",
    "متطوعين",
    "متطوعون",
    "عضو",
    "عضواً",
    "أعضاء",
    "قيادي",
    "قيادياً",
    "قياديين",
    "قائد",
    "قادة",
    "ناشط",
    "ناشطاً",
    "ناشطين",
    "ناشطون",
    "صحفي",
    "صحفياً",
    "صحفيين",
    "إعلامي",
    "إعلاميين",
    "طبيب",
    "طبيباً",
    "أطباء",
    "ممرض",
    "ممرضين",
    "مسعف",
    "مسعفين",
    "مسعفون",
    "عامل",
    "عاملاً",
    "عمال",
    "موظف",
    "موظفاً",
    "موظفين",
    "طالب",
    "طالباً",
    "طلاب",
    "تلميذ",
    "تلاميذ",
    "معلم",
    "معلمين",
    "مريض",
    "مريضاً",
    "مرضى",
    "ساكن",
    "سكان",
    "مواطن",
    "مواطناً",
    "مواطنين",
    "مزارع",
    "مزارعين",
    "راع",
    "رعاة",
    "تاجر",
    "تجار",
    "بائع",
    "باعة",
    "سائق",
    "سائقاً",
    "سائقين",
    "راكب",
    "ركاب",
    "مصل",
    "مصلين",
    "لاجئ",
    "لاجئاً",
    "لاجئين",
    "لاجئون",
    "نازح",
    "نازحاً",
    "نازحين",
    "نازحون",
    "مهجر",
    "مهجرين",
    "عائد",
    "عائدين",
    "معتقل",
    "معتقلاً",
    "معتقلين",
    "معتقلون",
    "محتجز",
    "محتجزاً",
    "محتجزين",
    "موقوف",
    "موقوفين",
    "سجين",
    "سجيناً",
    "سجناء",
    "أسير",
    "أسيراً",
    "أسرى",
    "رهينة",
    "رهائن",
    "مخطوف",
    "مخطوفين",
    "مختطف",
    "مختطفين",
    "منشق",
    "منشقاً",
    "منشقين",
    "منشقون",
    "فار",
    "فارين",
    "ضحية",
    "ضحايا",
    "قتيل",
    "قتيلاً",
    "قتلى",
    "جريح",
    "جريحاً",
    "جرحى",
    "مصاب",
    "مصاباً",
    "مصابين",
    "مصابون",
    "مفقود",
    "مفقودين",
    "مفقودون",
    "ناج",
    "ناجين",
    "ناجون",
    "جثة",
    "جثث",
    "شهيد",
    "شهيداً",
    "شهداء",
    "متظاهر",
    "متظاهراً",
    "متظاهرين",
    "محتج",
    "محتجين",
    "مشتبه",
    "مطلوب",
    "مطلوبين",
    "أجنبي",
    "أجانب",
    "حالة",
    "حالات",
    "مهاجر",
    "مهاجراً",
    "مهاجرين",
    "مهاجرون",
    "مهاجم",
    "مهاجمين",
    "مهاجمون",
    "حارس",
    "حراس",
    "مرتد",
    "مرتداً",
    "مرتدين",
    "مرتزق",
    "مرتزقة",
    "إرهابي",
    "إرهابياً",
    "إرهابيين",
    "إرهابيون",
    "مراجع",
    "مراجعاً",
    "مراجعين",
    "ابن",
    "أبناء",
    "حفيد",
    "أحفاد",
    "شيخ",
    "شيوخ",
    "وجهاء",
    "جار",
    "جيران",
    "صياد",
    "صيادين",
    "بحار",
    "بحارة",
    "طيار",
    "طيارين",
    "مهرب",
    "مهربين",
    "يتيم",
    "أيتام",
    "أرملة",
    "أرامل",
];

/// Nouns that count things, places, events and animals, never people: `12 محلاً تجارياً`,
/// `nine strikes`, `22 trucks`, `ثلاثة أحياء`. Without a measure, `claim suggest` leaves out
/// the figures whose counted noun is one of these (a researcher records people; a measure of
/// things, `--measure strikes`, still gets them). A noun in neither list is kept.
pub(crate) const THING_NOUNS: &[&str] = &[
    // English
    "rescues",
    "donors",
    "strikes",
    "strike",
    "airstrikes",
    "raids",
    "attacks",
    "incidents",
    "operations",
    "occasions",
    "shells",
    "rockets",
    "missiles",
    "bombs",
    "mortars",
    "drones",
    "rounds",
    "mines",
    "devices",
    "items",
    "weapons",
    "rifles",
    "guns",
    "houses",
    "homes",
    "buildings",
    "flats",
    "apartments",
    "shops",
    "stores",
    "stalls",
    "bakeries",
    "schools",
    "hospitals",
    "clinics",
    "mosques",
    "churches",
    "villages",
    "towns",
    "cities",
    "neighbourhoods",
    "neighborhoods",
    "districts",
    "camps",
    "tents",
    "shelters",
    "trucks",
    "lorries",
    "tankers",
    "vehicles",
    "cars",
    "buses",
    "pickups",
    "boats",
    "ships",
    "vessels",
    "tanks",
    "jets",
    "aircraft",
    "planes",
    "helicopters",
    "checkpoints",
    "positions",
    "posts",
    "points",
    "bases",
    "sites",
    "depots",
    "warehouses",
    "bridges",
    "roads",
    "wells",
    "farms",
    "beds",
    "floors",
    "storeys",
    "rooms",
    "wards",
    "theatres",
    "blocks",
    "blankets",
    "transformers",
    "generators",
    "verdicts",
    "pages",
    "requests",
    "parcels",
    "baskets",
    "sacks",
    "groups",
    "factions",
    "brigades",
    "battalions",
    "units",
    "cells",
    "tribes",
    "clans",
    "convoys",
    "stations",
    "offices",
    "centres",
    "centers",
    "facilities",
    "prisons",
    "jails",
    "markets",
    "crossings",
    "ports",
    "airports",
    "sheep",
    "cattle",
    "head",
    "violations",
    "breaches",
    "clauses",
    "files",
    "dossiers",
    "attempts",
    "ambulances",
    "graves",
    "teams",
    "explosions",
    "fires",
    "documents",
    "doses",
    "sorties",
    "flights",
    "meals",
    "kits",
    "provinces",
    "governorates",
    "stages",
    "phases",
    "classes",
    "latrines",
    "toilets",
    "certificates",
    "rifles",
    "countries",
    "country",
    "craters",
    "crater",
    "mass",
    "motorcycles",
    "motorbikes",
    "coins",
    "shipwrecks",
    "organisations",
    "organizations",
    "agencies",
    "doses",
    "grades",
    "plots",
    "fields",
    "excavators",
    "bulldozers",
    "samples",
    "aftershocks",
    "tremors",
    "monitors",
    // An audience, a method and documents: `300,000 followers`, `163 interviews`, `two separate
    // sources`, `five casualty bulletins`, `11 besieged communities`, `two mass graves`.
    // What a body reviewed: `340 medical records`, `60 articles`, `50 تقريراً صحافياً`, and
    // the machines a ward runs (`16 حاضنة`).
    "records",
    "articles",
    "stories",
    "incubators",
    "generators",
    "تقريراً",
    "تقارير",
    "مقالاً",
    "مقالات",
    "حاضنة",
    "حاضنات",
    "مولدة",
    "مولدات",
    "followers",
    "subscribers",
    "views",
    "interviews",
    "sources",
    "bulletins",
    "statements",
    "communities",
    "sessions",
    "hearings",
    "bundles",
    "loaves",
    // Records and works: `219 complaints`, `1,100 call-outs`, `14 notebooks`, `three trenches`,
    // `two DNA sequencers`.
    "complaints",
    "complaint",
    "call-outs",
    "callouts",
    "missions",
    "notebooks",
    "trenches",
    "trench",
    "sequencers",
    "machines",
    "devices",
    // Arabic (the head of the phrase comes first: `12 محلاً تجارياً`, `نقطة تفتيش`)
    "شكوى",
    "شكاوى",
    "مهمة",
    "مهام",
    "مهمات",
    "دفتر",
    "دفتراً",
    "دفاتر",
    "خندق",
    "خنادق",
    "جهاز",
    "جهازاً",
    "أجهزة",
    "غارة",
    "غارات",
    "ضربة",
    "ضربات",
    "هجوم",
    "هجوماً",
    "هجمات",
    "قذيفة",
    "قذائف",
    "صاروخ",
    "صاروخاً",
    "صواريخ",
    "برميل",
    "براميل",
    "لغم",
    "لغماً",
    "ألغام",
    "جسم",
    "جسماً",
    "أجسام",
    "عبوة",
    "عبوات",
    "قطعة",
    "قطع",
    "سلاح",
    "أسلحة",
    "منزل",
    "منزلاً",
    "منازل",
    "بيت",
    "بيوت",
    "مبنى",
    "مبان",
    "مباني",
    "محل",
    "محلاً",
    "محلات",
    "متجر",
    "متاجر",
    "فرن",
    "أفران",
    "مدرسة",
    "مدارس",
    "مشفى",
    "مشاف",
    "مستشفى",
    "مستشفيات",
    "مسجد",
    "مساجد",
    "قرية",
    "قرى",
    "بلدة",
    "بلدات",
    "مدينة",
    "مدن",
    "حي",
    "أحياء",
    "مركز",
    "مركزاً",
    "مراكز",
    "سجن",
    "سجون",
    "مخفر",
    "مخافر",
    "سوق",
    "أسواق",
    "معبر",
    "معابر",
    "مخيم",
    "مخيماً",
    "مخيمات",
    "خيمة",
    "خيام",
    "شاحنة",
    "شاحنات",
    "سيارة",
    "سيارات",
    "آلية",
    "آليات",
    "عربة",
    "عربات",
    "حافلة",
    "حافلات",
    "قارب",
    "قوارب",
    "سفينة",
    "سفن",
    "دبابة",
    "دبابات",
    "صهريج",
    "صهريجاً",
    "صهاريج",
    "طائرة",
    "طائرات",
    "حاجز",
    "حاجزاً",
    "حواجز",
    "نقطة",
    "نقاط",
    "موقع",
    "موقعاً",
    "مواقع",
    "قاعدة",
    "قواعد",
    "مستودع",
    "مستودعات",
    "جسر",
    "جسور",
    "طريق",
    "طرق",
    "بئر",
    "آبار",
    "مزرعة",
    "مزارع",
    "سرير",
    "سريراً",
    "طابق",
    "طوابق",
    "غرفة",
    "غرف",
    "قطاع",
    "قطاعات",
    "محور",
    "محاور",
    "مفرزة",
    "مفارز",
    "قافلة",
    "قوافل",
    "حزمة",
    "حزم",
    "سلة",
    "سلال",
    "كيس",
    "أكياس",
    "بطانية",
    "بطانيات",
    "مجموعة",
    "مجموعات",
    "فصيل",
    "فصيلاً",
    "فصائل",
    "كتيبة",
    "كتائب",
    "خلية",
    "خلايا",
    "عشيرة",
    "عشائر",
    "قبيلة",
    "قبائل",
    "مرة",
    "مرات",
    "خرق",
    "خرقاً",
    "خروق",
    "خروقات",
    "انتهاك",
    "انتهاكاً",
    "انتهاكات",
    "بند",
    "بنداً",
    "بنود",
    "ملف",
    "ملفاً",
    "ملفات",
    "محاولة",
    "محاولات",
    "حادثة",
    "حوادث",
    "فرق",
    "فريق",
    "فريقاً",
    "مقبرة",
    "مقابر",
    "وجبة",
    "وجبات",
    "محافظة",
    "محافظات",
    "مرحلة",
    "مراحل",
    "صفحة",
    "صفحات",
    "شهادة",
    "شهادات",
    "رأس",
    "رؤوس",
    "متابع",
    "متابعين",
    "مقابلة",
    "مقابلات",
    "مصدر",
    "مصدران",
    "مصدرين",
    "مصادر",
    "بيان",
    "بيانات",
    "نشرة",
    "نشرات",
    "جلسة",
    "جلسات",
    "قضية",
    "قضايا",
    "حقيبة",
    "حقائب",
    "وحدة",
    "وحدات",
    "ربطة",
    "ربطات",
    "رغيف",
    "أرغفة",
    // Countries, craters and graves, vehicles, doses, clinics and bodies: `31 countries`,
    // `64 craters`, `87 قبراً جديداً`, `25 ألف جرعة`, `ست عيادات`, `15 منظمة`.
    "دولة",
    "دول",
    "بلد",
    "بلدان",
    "حفرة",
    "حفر",
    "قبر",
    "قبراً",
    "قبور",
    "مركبة",
    "مركبات",
    "دراجة",
    "دراجات",
    "جرعة",
    "جرعات",
    "عيادة",
    "عيادات",
    "مستوصف",
    "مستوصفاً",
    "مستوصفات",
    "منظمة",
    "منظمات",
    "خزان",
    "خزانات",
    "حياً",
    "درجة",
    "درجات",
    "حقل",
    "حقلاً",
    "حقول",
    "جرافة",
    "جرافات",
    "عينة",
    "عينات",
    "هزة",
    "هزات",
    "مرصد",
    "مراصد",
];

/// An Arabic head noun that counts events or records of people when a word for what happened
/// to them follows: `60 عملية إعدام` (executions), `387 حالة اعتقال`, `17 حالة وفاة`.
const OF_PEOPLE_AFTER: &[&str] = &[
    "إعدام",
    "اعتقال",
    "وفاة",
    "اغتيال",
    "خطف",
    "اختطاف",
    "قتل",
    "إصابة",
    "اختفاء",
    "تعذيب",
    "انشقاق",
    "execution",
    "executions",
    "arrest",
    "arrests",
];

/// Words of a measure's key, label or unit that say it counts people: the person nouns above,
/// and the outcomes and states that only people have (killed, defected, arrested, displaced).
pub(crate) const PEOPLE_MEASURE_WORDS: &[&str] = &[
    "killed",
    "deaths",
    "death",
    "dead",
    "died",
    "fatalities",
    "toll",
    "wounded",
    "injured",
    "injuries",
    "defected",
    "defections",
    "arrested",
    "arrests",
    "detained",
    "detentions",
    "abducted",
    "kidnapped",
    "executed",
    "executions",
    "displaced",
    "displacement",
    "fled",
    "evacuated",
    "returned",
    "returns",
    "missing",
    "disappeared",
    "captured",
    "recruited",
    "casualties",
    "قتلى",
    "قتل",
    "وفيات",
    "ضحايا",
    "جرحى",
    "مصابين",
    "إصابات",
    "منشقين",
    "انشقاق",
    "انشقاقات",
    "معتقلين",
    "اعتقال",
    "اعتقالات",
    "نازحين",
    "نزوح",
    "مفقودين",
    "أسرى",
];

struct Lists {
    nouns: HashSet<String>,
    things: HashSet<String>,
    of_people: HashSet<String>,
    measure_words: HashSet<String>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut nouns: HashSet<String> = PERSON_NOUNS.iter().map(|w| bare(&normalize(w))).collect();
        for (_, words) in crate::notation::OUTCOMES {
            nouns.extend(words.iter().map(|w| bare(w)));
        }
        let mut measure_words: HashSet<String> =
            PEOPLE_MEASURE_WORDS.iter().map(|w| bare(&normalize(w))).collect();
        measure_words.extend(nouns.iter().cloned());
        let things = THING_NOUNS.iter().map(|w| bare(&normalize(w))).collect();
        let of_people = OF_PEOPLE_AFTER.iter().map(|w| bare(&normalize(w))).collect();
        Lists { nouns, things, of_people, measure_words }
    })
}

/// A normalised word without the alef of an accusative tanween (`مدنيا` → `مدني`).
fn bare(w: &str) -> String {
    let is_arabic = w.starts_with(|c: char| ('\u{0600}'..='\u{06FF}').contains(&c));
    match w.strip_suffix('ا') {
        Some(b) if is_arabic && b.chars().count() >= 3 => b.to_string(),
        _ => w.to_string(),
    }
}

/// The word, with or without a leading clitic (`للمدنيين`, `والأطفال`), is in the list.
fn listed(word: &str, set: &HashSet<String>) -> bool {
    clitic_forms(word).iter().any(|(_, _, rest)| set.contains(&bare(rest)))
}

/// Does a word look like a person by its shape? English demonyms and agent nouns (`Syrians`,
/// `Iraqis`, `militiamen`, `guardsmen`), Arabic relative adjectives used as nouns (`سوريين`,
/// `عراقيون`, `لبنانياً`).
fn person_shape(typed: &str, norm: &str) -> bool {
    if norm.is_ascii() {
        let capital = typed.starts_with(|c: char| c.is_ascii_uppercase());
        return norm.len() > 4
            && (norm.ends_with("men")
                || capital && (norm.ends_with("ians") || norm.ends_with("is") || norm.ends_with("ese")));
    }
    clitic_forms(norm).iter().any(|(_, _, w)| {
        let nisba_accusative = w.ends_with("يا") && !w.ends_with("ايا");
        w.chars().count() >= 5 && (w.ends_with("يين") || w.ends_with("يون") || nisba_accusative)
    })
}

/// The words of a counted noun, typed and normalised, without `of`/`من`/`the` (`of the dead`,
/// `من المدنيين`).
fn noun_words(noun: &str) -> Vec<(&str, String)> {
    noun.split(|c: char| !c.is_alphanumeric() && c != '\u{0640}' && !('\u{064B}'..='\u{0652}').contains(&c))
        .filter(|w| !w.is_empty())
        .map(|w| (w, normalize(w)))
        .filter(|(_, n)| !matches!(n.as_str(), "of" | "من" | "the"))
        .collect()
}

/// The head of a noun phrase and the word after it: an English phrase is judged by its last
/// word, an Arabic one by its first (the head comes first).
fn head_of<'n>(words: &'n [(&'n str, String)]) -> Option<(usize, &'n (&'n str, String))> {
    if words.first().is_some_and(|(_, n)| n.is_ascii()) {
        words.len().checked_sub(1).map(|k| (k, &words[k]))
    } else {
        words.first().map(|w| (0, w))
    }
}

/// The forms an Arabic head may be listed under: as written, without a possessive pronoun
/// (`جيرانه`, `أطبائه`, `عناصرها`), and the singular of a dual (`طفلان`, `عنصرين`, `امرأتان`).
fn arabic_forms(norm: &str) -> Vec<String> {
    let mut out = vec![norm.to_string()];
    for suffix in ["هم", "هن", "ها", "نا", "ه"] {
        if let Some(stem) = norm.strip_suffix(suffix).filter(|s| s.chars().count() >= 3) {
            out.push(stem.to_string());
        }
    }
    for (dual, single) in [("تان", "ه"), ("تين", "ه"), ("ان", ""), ("ين", "")] {
        if let Some(stem) = norm.strip_suffix(dual).filter(|s| s.chars().count() >= 2) {
            out.push(format!("{stem}{single}"));
        }
    }
    out
}

fn listed_any(norm: &str, set: &HashSet<String>) -> bool {
    if norm.is_ascii() {
        return listed(norm, set);
    }
    arabic_forms(norm).iter().any(|f| listed(f, set))
}

/// Is the counted noun of a figure (`civilians`, `من المدنيين`, `foreign fighters`, `أحياء`) a
/// noun for people? An English noun phrase is judged by its last word, an Arabic one by its
/// first (the head comes first); `of`/`من` before the noun is passed over, and so are a
/// possessive (`ستة من جيرانه`) and a dual ending (`طفلان`). `منهم` / `of them` count people.
pub fn counts_people(noun: &str) -> bool {
    // The parts of a sum (`Syrians + Iraqis`) each have their noun.
    if noun.contains('+') {
        return noun.split('+').any(counts_people);
    }
    let words = noun_words(noun);
    let Some((k, (typed, norm))) = head_of(&words) else { return true };
    if matches!(norm.as_str(), "هم" | "منهم" | "منهن" | "them" | "us" | "those" | "these") {
        return true;
    }
    let l = lists();
    if is_record_of_people(&words, k) {
        return true;
    }
    listed_any(norm, &l.nouns) || person_shape(typed, norm)
}

/// `60 عملية إعدام`, `387 حالة اعتقال`: an event or record head with a word for what happened
/// to people after it counts people.
fn is_record_of_people(words: &[(&str, String)], head: usize) -> bool {
    let l = lists();
    words.get(head + 1).is_some_and(|(_, n)| listed(n, &l.of_people))
}

/// Is the counted noun of a figure a thing, a place, an event or an animal (`nine strikes`,
/// `12 محلاً تجارياً`, `ثلاثة أحياء`)? Only nouns of the things table are; an unknown noun is not.
pub fn counts_things(noun: &str) -> bool {
    if noun.contains('+') {
        return noun.split('+').all(counts_things);
    }
    let words = noun_words(noun);
    let Some((k, (_, norm))) = head_of(&words) else { return false };
    let l = lists();
    if is_record_of_people(&words, k) || listed_any(norm, &l.nouns) {
        return false;
    }
    listed_any(norm, &l.things)
}

/// Does a measure count people? Its unit when it has one (`people`, `fighters`, `أشخاص`), else a
/// word of its key or label (`deaths.market`, `foreign fighters who defected`, `قتلى السوق`).
pub fn measure_counts_people(key: &str, label: &str, unit: Option<&str>) -> bool {
    let l = lists();
    let any = |text: &str| {
        normalize(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .any(|w| listed(w, &l.measure_words))
    };
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(u) => any(u),
        None => any(key) || any(label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_counted_in_both_languages() {
        for noun in [
            "people",
            "civilians",
            "foreign fighters",
            "Front fighters",
            "Syrians",
            "Iraqis",
            "militiamen",
            "of the dead",
            "مدنياً",
            "مدنيين",
            "من المدنيين",
            "عنصراً",
            "عناصر اللواء",
            "شخص",
            "أشخاص",
            "محتجزاً",
            "جثة",
            "سورياً",
            "عراقيين",
            "للأطفال",
            "قتيلاً",
        ] {
            assert!(counts_people(noun), "{noun} counts people");
        }
    }

    #[test]
    fn things_places_and_times_are_not_people() {
        for noun in [
            "neighbourhoods",
            "groups",
            "points",
            "vehicles",
            "houses",
            "homes",
            "days",
            "times",
            "rockets",
            "shells",
            "checkpoints",
            "villages",
            "أحياء",
            "آليات",
            "منازل",
            "منزل",
            "أيام",
            "يوماً",
            "مرات",
            "قذيفة",
            "صاروخاً",
            "نقاط",
            "مدارس",
            "قرى",
            "مجموعات",
            "فصائل",
            "قضايا",
            "خلايا",
        ] {
            assert!(!counts_people(noun), "{noun} does not count people");
        }
    }

    #[test]
    fn things_are_told_from_people_and_unknown_nouns() {
        for noun in ["strikes", "pickup trucks", "شاحنة", "محلاً تجارياً", "منازل", "أحياء", "beds"]
        {
            assert!(counts_things(noun), "{noun} counts things");
        }
        // Must NOT be things: people, records of people, and nouns in neither list.
        for noun in
            ["families", "عملية إعدام", "حالة اعتقال", "منهم", "طفلان", "من جيرانه", "widgets", "أشياء"]
        {
            assert!(!counts_things(noun), "{noun} is not a count of things");
        }
        for noun in ["طفلان", "عنصرين", "امرأتان", "من جيرانه", "منهم", "of them", "حالة وفاة", "mercenaries"]
        {
            assert!(counts_people(noun), "{noun} counts people");
        }
        // Families are neither: kept without a measure, left out for a measure of people.
        for noun in ["families", "عائلة", "أسرة"] {
            assert!(!counts_people(noun) && !counts_things(noun), "{noun} is a household");
        }
    }

    #[test]
    fn measures_of_people_are_told_by_unit_key_or_label() {
        assert!(measure_counts_people("deaths.market", "deaths in the market strike", None));
        assert!(measure_counts_people("x", "foreign fighters who defected", None));
        assert!(measure_counts_people("x", "y", Some("people")));
        assert!(measure_counts_people("qatla", "قتلى السوق", None));
        assert!(measure_counts_people("x", "المنشقون", Some("أشخاص")));
        // A unit that is not people wins over a label that speaks of people.
        assert!(!measure_counts_people(
            "homes.destroyed",
            "homes destroyed where people died",
            Some("houses")
        ));
        assert!(!measure_counts_people("shells", "shells fired on the town", None));
        assert!(!measure_counts_people("aid.trucks", "aid trucks that entered", Some("trucks")));
        assert!(!measure_counts_people("manazil", "منازل مدمرة", None));
    }
}
