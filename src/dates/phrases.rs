//! `--when` phrases as data: each row is a pattern of words and slots (a weekday, a month, a
//! count, a day of the month ...) and how it resolves against the publication date. The same
//! table reads one typed phrase (`read`) and finds phrases in running text (`find`).
//!
//! Choices, also in docs/notation.md: a week runs Monday to Sunday; a bare weekday is the latest
//! such day on or before the publication date, `last Tuesday` (الثلاثاء الماضي) the latest one
//! strictly before it (the publication day itself never);
//! `ليلة الخميس` is the night before Thursday's day, as Arabic reckons it, so it spans Wednesday
//! and Thursday; `ليل الخميس` and `Thursday night` are Thursday; a few days are three; a phrase
//! is never later than the publication date: a span that runs past it is clipped, one wholly
//! after it is refused.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{last_of_month, PartialDate, Precision, When, WHEN_FORMS};
use crate::numwords::tokens::{clitic_forms, tokenize, TokKind, Token};
use rustc_hash::{FxHashMap, FxHashSet};

/// One element of a pattern.
#[derive(Debug, Clone, Copy)]
enum P {
    /// One word among alternatives (`|`), an Arabic clitic allowed.
    W(&'static str),
    /// The same, optional.
    O(&'static str),
    Weekday,
    /// A weekday, optional.
    OWeekday,
    /// A month: a name (either Arabic system, `تشرين الثاني/نوفمبر`), `this|last month`,
    /// `الشهر الجاري|الماضي`, `شهر` + name.
    Month,
    /// `2014`, `عام 2014`, `, 2014`: optional.
    OYear,
    /// The same, required.
    Year,
    /// A number of days or weeks: digits or number words (`three`, `الثلاثة`, `الـ3`).
    Count,
    /// A day of the month: `5`, `5th`, or an Arabic ordinal (`الخامس`, `الحادي والعشرين`).
    Day,
    /// early, mid, late and their Arabic words (مطلع، منتصف، أواخر ...).
    Part,
}

/// How a phrase resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum R {
    /// The publication day minus n days (today, yesterday, the day before yesterday).
    Back(i64),
    Overnight,
    /// The last n days before publication (n from the phrase's count, or fixed).
    PastDays,
    PastFixed(i64),
    PastWeeks,
    PastHours,
    DaysAgo,
    WeeksAgo,
    ThisWeek,
    LastWeek,
    ThisYear,
    LastYear,
    MonthPart,
    MonthWhole,
    DayMonth,
    Weekday,
    LastWeekday,
    WeekdayPair,
    /// ليلة الخميس: the night before Thursday's day.
    NightBefore,
    SinceWeekday,
    SinceBack(i64),
    SinceMonthPart,
    /// since May 31, منذ السابع من تشرين الأول 2023: from that day to publication.
    SinceDay,
    /// since March, منذ آذار: from the first of that month to publication.
    SinceMonth,
    /// since the start of the month (year, week), منذ مطلع العام: from its first day.
    SinceStartMonth,
    SinceStartYear,
    /// since the beginning of 2024, منذ مطلع 2024: from the first day of the year named.
    SinceStartOfYear,
    SinceStartWeek,
    /// between December 25 and 26, بين 25 و26 كانون الأول: both days.
    DaySpan,
    /// from 2013 to 2016, between 2014 and 2018, بين عامي 2014 و2018: both years whole.
    YearSpan,
    /// the past six months, الأشهر الستة الماضية: 30 days a month before publication.
    PastMonths,
    /// two years ago, قبل عامين: that calendar year (fixed n, or the phrase's count).
    YearsBack(i64),
    YearsAgo,
    /// over the weekend: the last Saturday and Sunday on or before publication.
    Weekend,
    /// early (mid, late) this year, at the start of the year, مطلع العام: a third of the
    /// publication year (January–April, May–August, September–December).
    YearPart,
    /// in 2017, عام 2021, خلال عام 2019: the whole year (in running text only after a
    /// preposition of time or with عام / سنة).
    YearWhole,
    /// since 2015, منذ عام 2019: from the first day of that year to publication.
    SinceYear,
    /// since the assault began, منذ بدء الهدنة: a window from an event the phrase does not date.
    /// Found in running text (so a toll keeps its window rather than another date of its
    /// sentence) but not resolved: `--when` asks for the event's date. With a date (`since the
    /// truce took effect on May 21`, `منذ بدء الهدنة في الحادي والعشرين من الشهر الماضي`) the
    /// phrase is read as a window from that date (`SinceDay`, `SinceMonth` ...).
    SinceEvent,
    /// the following day, a year earlier, في اليوم التالي، الأسبوع السابق، قبل ذلك بيومين: counted
    /// from a date the text gives elsewhere. Found in running text (so a count keeps its own
    /// date phrase) but not resolved: `--when` asks for the date itself.
    Relative,
}

impl R {
    /// A cumulative window from a date to publication (`since …`, `منذ …`).
    fn is_window(self) -> bool {
        matches!(
            self,
            R::SinceWeekday
                | R::SinceBack(_)
                | R::SinceMonthPart
                | R::SinceDay
                | R::SinceMonth
                | R::SinceStartMonth
                | R::SinceStartYear
                | R::SinceStartOfYear
                | R::SinceStartWeek
                | R::SinceYear
                | R::SinceEvent
        )
    }
}

use P::*;

/// Events a window can count from (`since the assault began`, `منذ بدء الهدنة`), normalised.
const EVENT_EN: &str = "polls|voting|election|elections|talks|assault|offensive|attack|attacks|truce|ceasefire|war|siege|fighting|clashes|blast|\
    explosion|bombing|bombardment|shelling|operation|campaign|conflict|crisis|uprising|revolution|invasion|\
    incursion|raid|raids|strikes|airstrikes|earthquake|floods|flooding|outbreak|epidemic|escalation|blockade|\
    crackdown|protests|unrest|hostilities|massacre|battle|agreement|deal|occupation|coup|lockdown|standoff|\
    strike|airstrike|ambush|shooting|kidnapping|abduction|arrests|riot|crash|sinking|quake|storm|exchange|fall|\
    division|evacuation|closure|exhumation";
const EVENT_VERB_EN: &str =
    "began|begun|started|erupted|broke|took|came|went|was|were|escalated|resumed|collapsed|opened|ended";
const EVENT_VERB2_EN: &str = "out|effect|into|declared|launched|signed|announced|imposed|agreed";
const EVENT_START_EN: &str = "start|beginning|outbreak|onset|launch|collapse|end|opening|resumption";
const EVENT_START_AR: &str =
    "بدء|بدايه|انطلاق|اندلاع|دخول|اعلان|سريان|وقوع|توقيع|تطبيق|فرض|اشتداد|انهيار|فتح|افتتاح|انتهاء|استئناف|تجدد";
const EVENT_AR: &str = "صناديق الاقتراع|مراكز الاقتراع|الانتخابات|الاقتراع|المفاوضات|الهجوم|الهجمات|الهدنه|العمليه|العمليات|الحرب|الحصار|المعارك|القتال|القصف|الانفجار|\
    التفجير|الاشتباكات|الاتفاق|النزاع|الازمه|الحمله|الغزو|التوغل|الزلزال|الفيضانات|التصعيد|الاحتجاجات|\
    الثوره|الانتفاضه|المجزره|الاجتياح|التهدئه|وقف اطلاق النار|وقف النار|الغارات|الضربات|الوباء|الاغلاق|\
    الضربه|الغاره|الكمين|المداهمه|الاقتحام|الاعتقالات|الحادث|العاصفه|التبادل|الاختطاف|الخطف|الاستهداف";
const EVENT_ADJ_AR: &str = "العسكريه|العسكري|الجويه|الجوي|البريه|البري|الاخير|الاخيره|الحاليه|الحالي|الجاري|\
    الجاريه|الاسرائيلي|الاسرائيليه|الاخيره";

const REL_UNIT_EN: &str = "day|week|month|year|morning|night|evening|afternoon|weekend";
const REL_AFTER_AR: &str = "التالي|التاليه|السابق|السابقه|نفسه|نفسها|ذاته|ذاتها";
const EVENT_PRONOUN_AR: &str = "بدئه|بدئها|بدايته|بدايتها|اندلاعه|اندلاعها|انطلاقه|انطلاقها|تقسيمه|تقسيمها|\
    سقوطه|سقوطها|دخوله|دخولها|توقيعه|توقيعها|سريانه|سريانها|اعلانه|اعلانها|وقوعه|وقوعها|فرضه|فرضها|حصاره|حصارها";

const TOD_EN: &str = "morning|afternoon|evening|night";
const TOD_AR: &str = "صباح|مساء|فجر|ظهر|عصر|ليل|ظهيره|ضحي|صبيحه|منتصف ليل";

/// The phrase table. Longer rows come first where two could match the same words.
const PHRASES: &[(&[P], R)] = &[
    // English: days counted back from publication
    (&[W("today")], R::Back(0)),
    (&[W("earlier|later"), W("today")], R::Back(0)),
    (&[W("earlier|later"), W("in"), W("the"), W("day")], R::Back(0)),
    (&[W("this"), W(TOD_EN)], R::Back(0)),
    (&[W("tonight")], R::Back(0)),
    (&[W("yesterday"), O(TOD_EN)], R::Back(1)),
    (&[W("last"), W("night")], R::Back(1)),
    (&[W("overnight")], R::Overnight),
    (&[O("the"), W("day"), W("before"), W("yesterday")], R::Back(2)),
    // Counted from a date given elsewhere: the following day, a year earlier, that night.
    (&[W("the"), W("previous|following|next|same|preceding"), W(REL_UNIT_EN)], R::Relative),
    (&[W("the"), W("day|night|week"), W("before|after")], R::Relative),
    (&[W("a|one"), W(REL_UNIT_EN), W("earlier|later|before")], R::Relative),
    (&[Count, W("days|weeks|months|years"), W("earlier|later|before")], R::Relative),
    (&[W("that"), W("day|night|morning|evening|afternoon|week")], R::Relative),
    (&[W("the"), W("month|week")], R::Relative),
    // `over the same period`, `during the same three months`, `in the same period last year`:
    // the window of a figure given before.
    (
        &[
            W("over|during|in|for"),
            W("the"),
            W("same"),
            W("period|months|weeks|quarter"),
            O("last"),
            O("year"),
        ],
        R::Relative,
    ),
    (&[W("over|during|in|for"), W("the"), W("same"), Count, W("months|weeks|days|years")], R::Relative),
    // `by the evening`: the day of publication, as the toll stood then.
    (&[W("by"), O("the"), W("evening|afternoon|morning|midday|noon|nightfall")], R::Back(0)),
    // `since the summer`: a window from a season the phrase does not date.
    (&[W("since"), O("the|last"), W("spring|summer|autumn|fall|winter")], R::SinceEvent),
    (&[W("since"), O("this|the"), W("morning|dawn|daybreak|midnight")], R::SinceBack(0)),
    (&[O("the"), W("past|last"), W("few|several"), W("days")], R::PastFixed(3)),
    (&[W("recent"), W("days")], R::PastFixed(3)),
    (&[O("the"), W("past|last"), Count, W("days|day")], R::PastDays),
    (&[O("the"), W("past|last"), Count, W("weeks")], R::PastWeeks),
    (&[O("the"), W("past|last"), Count, W("hours")], R::PastHours),
    (&[O("the"), W("past"), W("week")], R::PastFixed(7)),
    (&[Count, W("days|day"), W("ago")], R::DaysAgo),
    (&[Count, W("weeks|week"), W("ago")], R::WeeksAgo),
    (&[W("a"), W("week"), W("ago")], R::Back(7)),
    (&[W("this"), W("week")], R::ThisWeek),
    (&[W("last"), W("week")], R::LastWeek),
    (&[W("this"), W("year")], R::ThisYear),
    (&[W("last"), W("year")], R::LastYear),
    (&[W("since"), W("yesterday")], R::SinceBack(1)),
    (&[W("since"), Weekday], R::SinceWeekday),
    (&[W("since"), Part, Month, OYear], R::SinceMonthPart),
    (&[W("since"), O("the"), Day, O("of"), Month, OYear], R::SinceDay),
    (&[W("since"), Month, Day, OYear], R::SinceDay),
    (&[W("since"), O("the"), W("beginning|start"), W("of"), W("the|this"), W("month")], R::SinceStartMonth),
    (&[W("since"), O("the"), W("beginning|start"), W("of"), W("the|this"), W("year")], R::SinceStartYear),
    (&[W("since"), O("the"), W("beginning|start"), W("of"), W("the|this"), W("week")], R::SinceStartWeek),
    // since the beginning of 2024: the year named (without one, the phrase is not a date).
    (&[W("since"), O("the"), W("beginning|start"), Year], R::SinceStartOfYear),
    (&[W("since"), Month, OYear], R::SinceMonth),
    (&[W("since"), Year], R::SinceYear),
    // since the assault began, since the truce took effect on May 21, since the start of the war
    (
        &[W("since"), O("the|a|an"), W(EVENT_EN), O(EVENT_VERB_EN), O(EVENT_VERB2_EN), O("force|effect")],
        R::SinceEvent,
    ),
    (&[W("since"), O("the"), W(EVENT_START_EN), W("of"), O("the"), W(EVENT_EN)], R::SinceEvent),
    (
        &[
            W("since"),
            O("the|a|an"),
            W(EVENT_EN),
            O(EVENT_VERB_EN),
            O(EVENT_VERB2_EN),
            O("force|effect"),
            W("on"),
            Month,
            Day,
            OYear,
        ],
        R::SinceDay,
    ),
    (
        &[
            W("since"),
            O("the|a|an"),
            W(EVENT_EN),
            O(EVENT_VERB_EN),
            O(EVENT_VERB2_EN),
            O("force|effect"),
            W("on"),
            O("the"),
            Day,
            O("of"),
            Month,
            OYear,
        ],
        R::SinceDay,
    ),
    (
        &[
            W("since"),
            O("the|a|an"),
            W(EVENT_EN),
            O(EVENT_VERB_EN),
            O(EVENT_VERB2_EN),
            O("force|effect"),
            W("on"),
            Weekday,
        ],
        R::SinceWeekday,
    ),
    (
        &[
            W("since"),
            O("the|a|an"),
            W(EVENT_EN),
            O(EVENT_VERB_EN),
            O(EVENT_VERB2_EN),
            O("force|effect"),
            W("in"),
            Month,
            OYear,
        ],
        R::SinceMonth,
    ),
    (
        &[
            W("since"),
            O("the|a|an"),
            W(EVENT_EN),
            O(EVENT_VERB_EN),
            O(EVENT_VERB2_EN),
            O("force|effect"),
            W("in"),
            Year,
        ],
        R::SinceYear,
    ),
    (
        &[
            W("since"),
            O("the"),
            W(EVENT_START_EN),
            W("of"),
            O("the"),
            W(EVENT_EN),
            W("on"),
            Month,
            Day,
            OYear,
        ],
        R::SinceDay,
    ),
    (
        &[W("since"), O("the"), W(EVENT_START_EN), W("of"), O("the"), W(EVENT_EN), W("in"), Month, OYear],
        R::SinceMonth,
    ),
    (&[O("the"), W("past"), W("month")], R::PastFixed(30)),
    (&[O("the"), W("past"), W("year")], R::PastFixed(365)),
    (&[O("the"), W("past|last"), Count, W("months")], R::PastMonths),
    (&[Count, W("years"), W("ago")], R::YearsAgo),
    (&[W("a"), W("year"), W("ago")], R::YearsBack(1)),
    (&[O("the|this|last"), W("weekend")], R::Weekend),
    (&[Part, W("the|this"), W("year")], R::YearPart),
    (&[W("the"), W("night")], R::Overnight),
    (&[W("between|from"), Year, W("and|to|-|until|through"), Year], R::YearSpan),
    (&[W("between|from"), Month, Day, W("and|to|-"), Day, OYear], R::DaySpan),
    (&[W("between|from"), O("the"), Day, W("and|to|-"), Day, O("of"), Month, OYear], R::DaySpan),
    (&[Count, W("days")], R::PastDays),
    // English: months and days of the month
    (&[Part, Month, OYear], R::MonthPart),
    (&[O("the"), Day, O("of"), Month, OYear], R::DayMonth),
    (&[Month, Day, OYear], R::DayMonth),
    (&[Month, OYear], R::MonthWhole),
    // English: weekdays
    (&[W("last"), Weekday], R::LastWeekday),
    (&[W("between|from"), Weekday, W("and|to"), Weekday], R::WeekdayPair),
    (&[Weekday, W("and|to|-"), Weekday], R::WeekdayPair),
    (&[W("early|late"), Weekday, O(TOD_EN)], R::Weekday),
    (&[Weekday, O(TOD_EN)], R::Weekday),
    // Arabic: days counted back from publication
    (&[O(TOD_AR), W("اليوم"), OWeekday], R::Back(0)),
    (&[W("الليله")], R::Back(0)),
    (&[W("هذا"), W("الصباح|المساء")], R::Back(0)),
    (&[W("امس"), W("الاول")], R::Back(2)),
    // Counted from a date given elsewhere: في اليوم التالي، الأسبوع السابق، قبل ذلك بيومين.
    (&[O(TOD_AR), W("اليوم|الليله"), W(REL_AFTER_AR)], R::Relative),
    (&[W("الاسبوع|الشهر|العام|السنه|الصباح|المساء"), W(REL_AFTER_AR)], R::Relative),
    (&[W("قبل|بعد"), W("ذلك"), W("يوم|يومين|اسبوع|اسبوعين|شهر|شهرين|عام|عامين|سنه")], R::Relative),
    (&[W("ذلك|تلك"), W("اليوم|الليله|الاسبوع|الصباح|المساء")], R::Relative),
    (&[W("منذ"), O("ساعات"), W("الصباح|الفجر|صباح|فجر"), O("اليوم")], R::SinceBack(0)),
    (&[W("منذ"), W("منتصف"), W("الليل|ليل"), O("الماضي")], R::SinceBack(0)),
    (&[W("منذ"), W("الربيع|الصيف|الخريف|الشتاء")], R::SinceEvent),
    (&[W("الاسبوع|الشهر")], R::Relative),
    // `خلال الفترة ذاتها`, `في الفترة نفسها من العام الماضي`: the window of a figure given before.
    (
        &[W("خلال|في"), W("الفتره"), W("ذاتها|نفسها|عينها"), O("من"), O("العام|السنه"), O("الماضي|الماضيه")],
        R::Relative,
    ),
    // منذ بدئه، منذ تقسيمها: from an event named before by a pronoun.
    (&[W("منذ"), W(EVENT_PRONOUN_AR)], R::SinceEvent),
    (&[W("اول"), O("من"), W("امس")], R::Back(2)),
    (&[O("ما"), W("قبل"), W("امس")], R::Back(2)),
    (&[O(TOD_AR), O("يوم"), W("امس|الامس|البارحه"), OWeekday], R::Back(1)),
    (&[W("ليله|ليل"), W("امس")], R::Back(1)),
    (&[W("الليله"), W("الماضيه")], R::Back(1)),
    (&[W("الايام|الساعات"), W("القليله"), W("الماضيه|الاخيره|المنصرمه")], R::PastFixed(3)),
    (&[W("الايام"), W("الماضيه|الاخيره|المنصرمه|القليله")], R::PastFixed(3)),
    (&[W("الايام"), Count, W("الماضيه|الاخيره|المنصرمه")], R::PastDays),
    (&[W("الساعات"), Count, W("الماضيه|الاخيره|المنصرمه")], R::PastHours),
    (&[W("اخر|الاخيره"), Count, W("ايام|يوما")], R::PastDays),
    (&[W("اليومين"), W("الماضيين|الاخيرين")], R::PastFixed(2)),
    (&[W("الاسبوعين"), W("الماضيين|الاخيرين")], R::PastFixed(14)),
    // The dual of a month or a year: the past two months (61 days), the past two years (730).
    (&[W("الشهرين"), W("الماضيين|الاخيرين|المنصرمين")], R::PastFixed(61)),
    (&[W("العامين|السنتين"), W("الماضيين|الاخيرين|المنصرمين")], R::PastFixed(730)),
    (&[W("الاسابيع"), Count, W("الماضيه|الاخيره")], R::PastWeeks),
    (&[W("الاشهر|الشهور"), Count, W("الماضيه|الاخيره|المنصرمه")], R::PastMonths),
    (&[W("قبل"), W("عام|سنه")], R::YearsBack(1)),
    (&[W("قبل"), W("عامين|سنتين")], R::YearsBack(2)),
    (&[W("قبل"), Count, W("اعوام|سنوات")], R::YearsAgo),
    (&[O("عطله"), W("نهايه"), W("الاسبوع")], R::Weekend),
    (&[Part, W("العام|السنه"), O("الجاري|الحالي")], R::YearPart),
    (&[W("قبل"), W("يومين")], R::Back(2)),
    (&[W("قبل"), W("اسبوع")], R::Back(7)),
    (&[W("قبل"), W("اسبوعين")], R::Back(14)),
    (&[W("قبل"), Count, W("ايام|يوما")], R::DaysAgo),
    (&[W("قبل"), Count, W("اسابيع")], R::WeeksAgo),
    (&[W("هذا"), W("الاسبوع")], R::ThisWeek),
    (&[W("الاسبوع"), W("الجاري|الحالي")], R::ThisWeek),
    (&[W("الاسبوع"), W("الماضي|المنصرم|الفائت")], R::LastWeek),
    (&[W("هذا|هذه"), W("العام|السنه")], R::ThisYear),
    (&[W("العام|السنه"), W("الجاري|الحالي|الجاريه|الحاليه")], R::ThisYear),
    (&[W("العام|السنه"), W("الماضي|الماضيه|المنصرم|المنصرمه|الفائت")], R::LastYear),
    (&[W("منذ"), W("امس|الامس")], R::SinceBack(1)),
    (&[W("منذ"), O("يوم"), Weekday], R::SinceWeekday),
    (&[W("منذ"), Part, Month, OYear], R::SinceMonthPart),
    (&[W("منذ"), O("يوم"), Day, O("من"), Month, OYear], R::SinceDay),
    (
        &[W("منذ"), W("بدايه|مطلع|اول"), W("العام|السنه"), O("الجاري|الحالي|الجاريه|الحاليه")],
        R::SinceStartYear,
    ),
    (&[W("منذ"), W("بدايه|مطلع|اول"), W("الاسبوع"), O("الجاري|الحالي")], R::SinceStartWeek),
    (&[W("منذ"), W("بدايه|مطلع|اول"), Year], R::SinceStartOfYear),
    (&[W("منذ"), Month, OYear], R::SinceMonth),
    (&[W("منذ"), Year], R::SinceYear),
    // منذ أسبوعين، منذ ثلاثة أيام: the days counted back to publication, as `the past N days`.
    (&[W("منذ"), W("يومين")], R::PastFixed(2)),
    (&[W("منذ"), W("اسبوع")], R::PastFixed(7)),
    (&[W("منذ"), W("اسبوعين")], R::PastFixed(14)),
    (&[W("منذ"), W("شهر")], R::PastFixed(30)),
    (&[W("منذ"), W("شهرين")], R::PastFixed(61)),
    (&[W("منذ"), Count, W("ايام|يوما")], R::PastDays),
    (&[W("منذ"), Count, W("اسابيع")], R::PastWeeks),
    (&[W("منذ"), Count, W("اشهر|شهور")], R::PastMonths),
    // منذ بدء الهجوم، منذ دخول الهدنة حيز التنفيذ، منذ بدء العمليات العسكرية في أيار
    (
        &[
            W("منذ"),
            O(EVENT_START_AR),
            O("سريان|تطبيق"),
            W(EVENT_AR),
            O(EVENT_ADJ_AR),
            O("حيز"),
            O("التنفيذ"),
        ],
        R::SinceEvent,
    ),
    (
        &[
            W("منذ"),
            O(EVENT_START_AR),
            O("سريان|تطبيق"),
            W(EVENT_AR),
            O(EVENT_ADJ_AR),
            O("حيز"),
            O("التنفيذ"),
            W("في"),
            O("يوم"),
            Day,
            O("من"),
            Month,
            OYear,
        ],
        R::SinceDay,
    ),
    (
        &[
            W("منذ"),
            O(EVENT_START_AR),
            O("سريان|تطبيق"),
            W(EVENT_AR),
            O(EVENT_ADJ_AR),
            O("حيز"),
            O("التنفيذ"),
            O("في"),
            O("يوم"),
            Weekday,
        ],
        R::SinceWeekday,
    ),
    (
        &[
            W("منذ"),
            O(EVENT_START_AR),
            O("سريان|تطبيق"),
            W(EVENT_AR),
            O(EVENT_ADJ_AR),
            O("حيز"),
            O("التنفيذ"),
            W("في"),
            Month,
            OYear,
        ],
        R::SinceMonth,
    ),
    (
        &[
            W("منذ"),
            O(EVENT_START_AR),
            O("سريان|تطبيق"),
            W(EVENT_AR),
            O(EVENT_ADJ_AR),
            O("حيز"),
            O("التنفيذ"),
            O("في"),
            Year,
        ],
        R::SinceYear,
    ),
    (&[W("بين|ما بين"), O("عامي|سنتي|العامين"), Year, W("و|-"), Year], R::YearSpan),
    (&[W("من"), O("عام|سنه"), Year, W("الي|حتي|-"), Year], R::YearSpan),
    (&[W("بين|ما بين"), Day, W("و|-"), Day, O("من"), Month, OYear], R::DaySpan),
    (&[W("ليلتي|ليله|ليل"), Day, W("علي|و|-"), Day, O("من"), Month, OYear], R::DaySpan),
    (&[W("الليل")], R::Overnight),
    (&[Count, W("ايام|يوما")], R::PastDays),
    // Arabic: months and days of the month
    (&[Part, Month, OYear], R::MonthPart),
    (&[O("يوم"), Day, O("من"), Month, OYear], R::DayMonth),
    (&[Month, OYear], R::MonthWhole),
    // A year alone (last: any longer phrase with a year wins).
    (&[Year], R::YearWhole),
    // Arabic: weekdays
    (&[W("ليله|ليل"), Weekday, O("-|علي|و"), Weekday], R::WeekdayPair),
    (&[W("ليله"), Weekday], R::NightBefore),
    (&[W("يومي"), Weekday, Weekday], R::WeekdayPair),
    (&[O("يوم"), Weekday, W("الماضي")], R::LastWeekday),
    (&[W(TOD_AR), O("يوم"), Weekday], R::Weekday),
    (&[O("يوم"), Weekday, Weekday], R::WeekdayPair),
    (&[O("يوم"), Weekday], R::Weekday),
];

/// Words before a phrase that are not part of it: `on Tuesday`, `في أواخر`, `over the past`.
const FILLERS: &[&str] = &["on", "in", "during", "over", "at", "في", "خلال", "طوال"];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
    ("الاثنين", Weekday::Mon),
    ("الثلاثاء", Weekday::Tue),
    ("الاربعاء", Weekday::Wed),
    ("الخميس", Weekday::Thu),
    ("الجمعه", Weekday::Fri),
    ("السبت", Weekday::Sat),
    ("الاحد", Weekday::Sun),
];

/// Month names: English (and abbreviations), Levantine (كانون الثاني ...), Egyptian (يناير ...)
/// and Maghrebi (جانفي ...). Two-word names are written with a space.
const MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("تشرين الاول", 10),
    ("تشرين الثاني", 11),
    ("كانون الاول", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("جانفي", 1),
    ("فيفري", 2),
    ("افريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويليه", 7),
    ("اوت", 8),
];

/// Arabic month names that are also common words (آب "father", مارس "practised"): in running
/// text they count as a month only with شهر, a day, a year or early/mid/late.
const AMBIGUOUS_MONTHS: &[&str] = &["اب", "مارس", "ماي", "may", "march"];

const PARTS: &[(&str, u8)] = &[
    ("early", 0),
    ("mid", 1),
    ("late", 2),
    ("the beginning of", 0),
    ("the start of", 0),
    ("beginning of", 0),
    ("start of", 0),
    ("the middle of", 1),
    ("middle of", 1),
    ("the end of", 2),
    ("end of", 2),
    ("مطلع", 0),
    ("اوائل", 0),
    ("بدايه", 0),
    ("بدايات", 0),
    ("اول", 0),
    ("مستهل", 0),
    ("منتصف", 1),
    ("اواسط", 1),
    ("وسط", 1),
    ("اواخر", 2),
    ("نهايه", 2),
    ("اخر", 2),
    ("ختام", 2),
];

const AR_ORDINALS: &[(&str, u32)] = &[
    ("الاول", 1),
    ("الحادي", 1),
    ("الثاني", 2),
    ("الثالث", 3),
    ("الرابع", 4),
    ("الخامس", 5),
    ("السادس", 6),
    ("السابع", 7),
    ("الثامن", 8),
    ("التاسع", 9),
    ("العاشر", 10),
];

/// What the slots of a matched phrase held.
#[derive(Debug, Clone, Default)]
struct Caps {
    weekdays: Vec<Weekday>,
    month: Option<MonthRef>,
    year: Option<i32>,
    count: Option<i64>,
    day: Option<u32>,
    /// The second day of a span (`between December 25 and 26`).
    day2: Option<u32>,
    /// The second year of a span (`from 2013 to 2016`).
    year2: Option<i32>,
    part: Option<u8>,
    /// The words that matched only as an ambiguous bare month (for `find`).
    bare_month: bool,
    shahr: bool,
    past: bool,
}

#[derive(Debug, Clone, Copy)]
enum MonthRef {
    Named(u32),
    This,
    Last,
}

struct Matcher<'a> {
    toks: &'a [Token],
    /// Every token's forms with a leading clitic set aside (the token itself first), one after
    /// the other: token `i`'s are `forms[bounds[i]..bounds[i + 1]]`.
    forms: Vec<&'a str>,
    bounds: Vec<usize>,
    find: bool,
}

impl<'a> Matcher<'a> {
    fn new(toks: &'a [Token], find: bool) -> Self {
        let mut forms = Vec::with_capacity(toks.len() * 2);
        let mut bounds = Vec::with_capacity(toks.len() + 1);
        bounds.push(0);
        for t in toks {
            forms.extend(clitic_forms(&t.norm).into_iter().map(|(_, _, w)| w));
            bounds.push(forms.len());
        }
        Matcher { toks, forms, bounds, find }
    }

    /// Token `i`'s forms (none past the end).
    fn forms(&self, i: usize) -> &[&'a str] {
        match (self.bounds.get(i), self.bounds.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.forms[a..b],
            _ => &[],
        }
    }

    fn is(&self, i: usize, alts: &str) -> bool {
        self.forms(i).iter().any(|w| alts.split('|').any(|a| a == *w))
    }

    /// A phrase of several words (`the beginning of`, `كانون الثاني`) at `i`: the token after it.
    fn words_at(&self, i: usize, phrase: &str) -> Option<usize> {
        if let Some([words]) = split_tables().get(&key(phrase)).map(Vec::as_slice) {
            return self.list_at(i, words);
        }
        let mut j = i;
        for (k, w) in phrase.split(' ').enumerate() {
            let ok = if k == 0 {
                self.forms(j).contains(&w)
            } else {
                self.toks.get(j).is_some_and(|t| t.norm == w)
            };
            if !ok {
                return None;
            }
            j += 1;
        }
        Some(j)
    }

    /// `words_at` for a phrase already split into its words.
    fn list_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        let (first, rest) = words.split_first()?;
        if !self.forms(i).contains(first) {
            return None;
        }
        for (k, w) in rest.iter().enumerate() {
            if self.toks.get(i + 1 + k).is_none_or(|t| t.norm != *w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// The longest name of `table` at `i` (the later row on a tie): its row and the token after
    /// it. Only the rows whose first word is one of the token's forms are tried (`index`).
    fn name_at<T>(&self, i: usize, table: &[(&'static str, T)], index: &NameIndex) -> Option<(usize, usize)> {
        self.forms(i)
            .iter()
            .filter_map(|w| index.get(w))
            .flatten()
            .filter_map(|&k| self.words_at(i, table[k].0).map(|e| (k, e)))
            .max_by_key(|&(k, e)| (e, k))
    }

    fn english_cap_ok(&self, i: usize) -> bool {
        // In running text an English weekday or month is written with a capital.
        !self.find || !self.toks[i].norm.is_ascii() || self.toks[i].upper
    }

    fn weekday_at(&self, i: usize) -> Option<(Weekday, usize)> {
        let (_, wd) = WEEKDAYS.iter().find(|(w, _)| self.is(i, w))?;
        self.english_cap_ok(i).then_some((*wd, i + 1))
    }

    fn month_name_at(&self, i: usize) -> Option<(u32, usize, bool)> {
        let (k, e) = self.name_at(i, MONTH_NAMES, month_index())?;
        let (name, m) = MONTH_NAMES[k];
        if !self.english_cap_ok(i) {
            return None;
        }
        let mut end = e;
        // `Feb. 3`, `Sept. 12`: an abbreviated month with its full stop.
        let abbreviated = name.is_ascii() && name.len() <= 4 && !matches!(name, "may" | "june" | "july");
        if abbreviated && self.toks.get(end).is_some_and(|t| t.is_sym(".") && !t.space_before) {
            end += 1;
        }
        // تشرين الثاني/نوفمبر, نوفمبر (تشرين الثاني): the second name of the same month.
        if self.toks.get(end).is_some_and(|t| t.is_sym("/") || t.is_sym("(")) {
            if let Some((k2, e2)) = self.name_at(end + 1, MONTH_NAMES, month_index()) {
                if MONTH_NAMES[k2].1 == m {
                    end = if self.toks.get(e2).is_some_and(|t| t.is_sym(")")) { e2 + 1 } else { e2 };
                }
            }
        }
        Some((m, end, AMBIGUOUS_MONTHS.contains(&name) && e == i + 1))
    }

    fn month_at(&self, i: usize, caps: &mut Caps) -> Option<usize> {
        if self.is(i, "this|last") && self.toks.get(i + 1).is_some_and(|t| t.norm == "month") {
            caps.month = Some(if self.is(i, "this") { MonthRef::This } else { MonthRef::Last });
            return Some(i + 2);
        }
        if self.is(i, "الشهر") {
            let (r, e) = if self.is(i + 1, "الماضي|المنصرم|الفائت") {
                (MonthRef::Last, i + 2)
            } else if self.is(i + 1, "الجاري|الحالي") {
                (MonthRef::This, i + 2)
            } else {
                (MonthRef::This, i + 1)
            };
            caps.month = Some(r);
            return Some(e);
        }
        let (start, shahr) = if self.is(i, "شهر") { (i + 1, true) } else { (i, false) };
        let (m, e, ambiguous) = self.month_name_at(start)?;
        caps.month = Some(MonthRef::Named(m));
        caps.shahr |= shahr;
        caps.bare_month |= ambiguous && !shahr;
        // نوفمبر الماضي: the last November before this month, never the current one.
        if self.is(e, "الماضي|المنصرم|الفائت") {
            caps.past = true;
            return Some(e + 1);
        }
        Some(e)
    }

    fn year_at(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, "عام|العام|سنه|of") || self.toks.get(i).is_some_and(|t| t.is_sym(","))
        {
            i + 1
        } else {
            i
        };
        let t = self.toks.get(j)?;
        if t.kind != TokKind::Num || t.norm.len() != 4 {
            return None;
        }
        let y: i32 = t.norm.parse().ok()?;
        (1000..=9999).contains(&y).then_some((y, j + 1))
    }

    /// Counts at `i`, each with the token after it (longest first).
    fn counts_at(&self, i: usize) -> Vec<(i64, usize)> {
        let mut out = Vec::new();
        // الـ3: the article written apart from digits.
        let start = if self.toks.get(i).is_some_and(|t| t.norm == "ال")
            && self.toks.get(i + 1).is_some_and(|t| t.kind == TokKind::Num)
        {
            i + 1
        } else {
            i
        };
        for e in (start + 1..=(start + 8).min(self.toks.len())).rev() {
            if let Some(v) = crate::numwords::numbers::words_value(&self.toks[start..e]) {
                out.push((v, e));
            }
        }
        out
    }

    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        if t.kind == TokKind::Num {
            let d: u32 = t.norm.parse().ok().filter(|d| (1..=31).contains(d) && t.norm.len() <= 2)?;
            let suffix =
                self.toks.get(i + 1).is_some_and(|n| !n.space_before && self.is(i + 1, "th|st|nd|rd"));
            return Some((d, if suffix { i + 2 } else { i + 1 }));
        }
        // Arabic ordinals: الخامس، الحادي عشر، العشرين، الحادي والعشرين، الثلاثين.
        if self.is(i, "العشرين") {
            return Some((20, i + 1));
        }
        if self.is(i, "الثلاثين") {
            return Some((30, i + 1));
        }
        let (_, u) = AR_ORDINALS.iter().find(|(w, _)| self.is(i, w))?;
        let next = self.toks.get(i + 1).map(|t| t.norm.as_str());
        match next {
            Some("عشر") if *u < 10 => Some((10 + u, i + 2)),
            Some("والعشرين") if *u < 10 => Some((20 + u, i + 2)),
            Some("والثلاثين") if *u == 1 => Some((31, i + 2)),
            _ if self.is(i, "الحادي") => None,
            _ => Some((*u, i + 1)),
        }
    }

    fn part_at(&self, i: usize) -> Option<(u8, usize)> {
        let (k, e) = self.name_at(i, PARTS, part_index())?;
        let p = PARTS[k].1;
        // mid-November
        Some((p, if self.toks.get(e).is_some_and(|t| t.is_sym("-")) { e + 1 } else { e }))
    }

    /// Matches `pats` from token `i`; returns the end of the longest match.
    // One arm per kind of slot; each tries its reading and the rest of the pattern after it.
    fn seq(&self, pats: &[P], i: usize, caps: &mut Caps) -> Option<usize> {
        let Some((first, rest)) = pats.split_first() else { return Some(i) };
        let next = |e: usize, c: Caps, out: &mut Option<(usize, Caps)>| {
            let mut c = c;
            if let Some(end) = self.seq(rest, e, &mut c) {
                if out.as_ref().is_none_or(|(best, _)| end > *best) {
                    *out = Some((end, c));
                }
            }
        };
        let mut best: Option<(usize, Caps)> = None;
        match *first {
            W(alts) | O(alts) => {
                // One pass over the alternatives: the longest that matches here.
                let e = match split_tables().get(&key(alts)) {
                    Some(list) => list.iter().filter_map(|words| self.list_at(i, words)).max(),
                    None => alts.split('|').filter_map(|a| self.words_at(i, a)).max(),
                };
                if let Some(e) = e {
                    next(e, caps.clone(), &mut best);
                }
                if matches!(first, O(_)) {
                    next(i, caps.clone(), &mut best);
                }
            }
            Weekday | OWeekday => {
                if let Some((wd, e)) = self.weekday_at(i) {
                    let mut c = caps.clone();
                    c.weekdays.push(wd);
                    next(e, c, &mut best);
                }
                if matches!(first, OWeekday) {
                    next(i, caps.clone(), &mut best);
                }
            }
            Month => {
                let mut c = caps.clone();
                if let Some(e) = self.month_at(i, &mut c) {
                    next(e, c, &mut best);
                }
            }
            OYear | Year => {
                if let Some((y, e)) = self.year_at(i) {
                    let mut c = caps.clone();
                    if c.year.is_some() {
                        c.year2 = Some(y);
                    } else {
                        c.year = Some(y);
                    }
                    next(e, c, &mut best);
                }
                if matches!(first, OYear) {
                    next(i, caps.clone(), &mut best);
                }
            }
            Count => {
                for (v, e) in self.counts_at(i) {
                    let mut c = caps.clone();
                    c.count = Some(v);
                    next(e, c, &mut best);
                }
            }
            Day => {
                if let Some((d, e)) = self.day_at(i) {
                    let mut c = caps.clone();
                    if c.day.is_some() {
                        c.day2 = Some(d);
                    } else {
                        c.day = Some(d);
                    }
                    next(e, c, &mut best);
                }
            }
            Part => {
                if let Some((p, e)) = self.part_at(i) {
                    let mut c = caps.clone();
                    c.part = Some(p);
                    next(e, c, &mut best);
                }
            }
        }
        let (end, c) = best?;
        *caps = c;
        Some(end)
    }

    /// Can a phrase start at `i`? Most words of a text cannot, and are passed over at once.
    fn may_start(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.kind == TokKind::Num
            || self.forms(i).iter().any(|w| start_words().contains(w))
            || crate::numwords::numbers::may_start_number(t)
    }

    /// The longest phrase starting at `i`.
    fn phrase_at(&self, i: usize) -> Option<(usize, R, Caps)> {
        if !self.may_start(i) {
            return None;
        }
        let t = &self.toks[i];
        let forms = self.forms(i);
        let number_words = std::cell::OnceCell::new();
        let mut best: Option<(usize, R, Caps)> = None;
        for ((pats, r), start) in PHRASES.iter().zip(row_starts()) {
            // Most rows cannot start with this word: passed over without matching.
            let may = forms.iter().any(|w| start.words.contains(w))
                || (start.digits && t.kind == TokKind::Num)
                || (start.number_words
                    && *number_words.get_or_init(|| crate::numwords::numbers::may_start_number(t)));
            if !may {
                continue;
            }
            let mut caps = Caps::default();
            if let Some(end) = self.seq(pats, i, &mut caps) {
                if end > i && best.as_ref().is_none_or(|(b, _, _)| end > *b) {
                    best = Some((end, *r, caps));
                }
            }
        }
        best
    }
}

/// Where a table's text lives: the tables are static, so a place always holds the same text.
fn key(s: &str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// The alternatives (`a|b c`) of every row of `PHRASES`, and the names of months and parts of a
/// month, split into their words once, found by `key`: matching then splits no text.
fn split_tables() -> &'static FxHashMap<(usize, usize), Vec<Vec<&'static str>>> {
    type Split = FxHashMap<(usize, usize), Vec<Vec<&'static str>>>;
    static SPLIT: std::sync::OnceLock<Split> = std::sync::OnceLock::new();
    SPLIT.get_or_init(|| {
        let mut map = Split::default();
        let words = |a: &'static str| a.split(' ').collect::<Vec<_>>();
        for (pats, _) in PHRASES {
            for p in pats.iter() {
                if let W(alts) | O(alts) = p {
                    map.insert(key(alts), alts.split('|').map(words).collect());
                }
            }
        }
        for name in MONTH_NAMES.iter().map(|(n, _)| *n).chain(PARTS.iter().map(|(n, _)| *n)) {
            map.insert(key(name), vec![words(name)]);
        }
        map
    })
}

/// The rows of a table of names by their first word.
type NameIndex = FxHashMap<&'static str, Vec<usize>>;

fn name_index<T>(table: &[(&'static str, T)]) -> NameIndex {
    let mut index = NameIndex::default();
    for (k, (name, _)) in table.iter().enumerate() {
        index.entry(name.split(' ').next().unwrap_or(name)).or_default().push(k);
    }
    index
}

fn month_index() -> &'static NameIndex {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| name_index(MONTH_NAMES))
}

fn part_index() -> &'static NameIndex {
    static INDEX: std::sync::OnceLock<NameIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| name_index(PARTS))
}

/// What a row of `PHRASES` can start with: one of `words` (a form of the token), digits, or
/// number words (`three`, `الثلاثة`).
#[derive(Default)]
struct Start {
    words: FxHashSet<&'static str>,
    digits: bool,
    number_words: bool,
}

/// For each row of `PHRASES`, what it can start with, from its first elements up to the first
/// one that must be there: a row is tried at a token only when the token can start it, so most
/// rows are passed over at most tokens without matching.
fn row_starts() -> &'static [Start] {
    static STARTS: std::sync::OnceLock<Vec<Start>> = std::sync::OnceLock::new();
    fn firsts(alts: &'static str) -> impl Iterator<Item = &'static str> {
        alts.split('|').map(|a| a.split(' ').next().unwrap_or(a))
    }
    fn starts(pats: &[P]) -> Start {
        let Some((first, rest)) = pats.split_first() else { return Start::default() };
        let optional = matches!(first, O(_) | OWeekday | OYear);
        let mut s = if optional { starts(rest) } else { Start::default() };
        match first {
            W(a) | O(a) => s.words.extend(firsts(a)),
            Weekday | OWeekday => s.words.extend(WEEKDAYS.iter().map(|(w, _)| *w)),
            Month => {
                s.words.extend(MONTH_NAMES.iter().flat_map(|(n, _)| firsts(n)));
                s.words.extend(["this", "last", "الشهر", "شهر"]);
            }
            Year | OYear => {
                s.words.extend(["عام", "العام", "سنه", "of", ","]);
                s.digits = true;
            }
            Count => {
                s.words.insert("ال");
                s.digits = true;
                s.number_words = true;
            }
            Day => {
                s.words.extend(AR_ORDINALS.iter().map(|(w, _)| *w));
                s.words.extend(["العشرين", "الثلاثين"]);
                s.digits = true;
            }
            Part => s.words.extend(PARTS.iter().flat_map(|(n, _)| firsts(n))),
        }
        s
    }
    STARTS.get_or_init(|| PHRASES.iter().map(|(pats, _)| starts(pats)).collect())
}

/// Every word a phrase can start with: the first words of the table's rows (and of the second
/// element when the first is optional), weekdays, months and the parts of a month.
fn start_words() -> &'static FxHashSet<&'static str> {
    static WORDS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set = FxHashSet::default();
        let first_word = |s: &'static str| s.split(' ').next().unwrap_or(s);
        for (pats, _) in PHRASES {
            for p in pats.iter() {
                if let W(a) | O(a) = p {
                    set.extend(a.split('|').map(first_word));
                }
                if !matches!(p, O(_) | OWeekday | OYear) {
                    break;
                }
            }
        }
        set.extend(WEEKDAYS.iter().map(|(w, _)| *w));
        set.extend(MONTH_NAMES.iter().map(|(w, _)| first_word(w)));
        set.extend(PARTS.iter().map(|(w, _)| first_word(w)));
        set.extend(FILLERS.iter().copied());
        set.extend(AR_ORDINALS.iter().map(|(w, _)| *w));
        set.extend(["شهر", "الشهر", "ال", "العشرين", "الثلاثين", "this", "last", "عام", "سنه"]);
        set
    })
}

fn on_or_before(p: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + p.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64) % 7;
    p - Duration::days(back)
}

fn monday_of(p: NaiveDate) -> NaiveDate {
    p - Duration::days(p.weekday().num_days_from_monday() as i64)
}

fn ymd(y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| format!("{y:04}-{m:02}-{d:02} is not a real date"))
}

fn month_bounds(y: i32, m: u32) -> Result<(NaiveDate, NaiveDate), String> {
    Ok((ymd(y, m, 1)?, last_of_month(y, m).ok_or_else(|| format!("month {m} is not a month"))?))
}

/// A resolved phrase: (from, to, precision before clipping), or why it cannot be read.
type Resolved = Result<(NaiveDate, NaiveDate, Precision), String>;

fn day(d: NaiveDate) -> Resolved {
    Ok((d, d, Precision::Day))
}

fn span(a: NaiveDate, b: NaiveDate) -> Resolved {
    Ok((a, b, if a == b { Precision::Day } else { Precision::Range }))
}

/// A cumulative window runs from its date to publication, whatever its length.
fn since(a: NaiveDate, b: NaiveDate) -> Resolved {
    Ok((a, b, Precision::Cumulative))
}

/// Resolves a matched phrase to (from, to, precision before clipping).
fn resolve(r: R, c: &Caps, pubd: Option<NaiveDate>, t: &str) -> Resolved {
    let x = Resolving { c, pubd, t };
    match r {
        R::Back(n) => day(x.need()? - Duration::days(n)),
        R::Overnight => x.need().and_then(|p| span(p - Duration::days(1), p)),
        R::PastDays | R::PastFixed(_) | R::PastWeeks | R::PastHours => x.past(r),
        R::DaysAgo => day(x.need()? - Duration::days(x.count(3660)?)),
        R::WeeksAgo => day(x.need()? - Duration::days(7 * x.count(520)?)),
        R::ThisWeek => x.week(monday_of(x.need()?)),
        R::LastWeek => x.week(monday_of(x.need()?) - Duration::days(7)),
        R::ThisYear => x.year(x.need()?.year()),
        R::YearWhole => x.year(c.year.ok_or_else(|| format!("'{}' names no year", x.t))?),
        R::LastYear => x.year(x.need()?.year() - 1),
        R::MonthPart => {
            let (y, m) = x.month()?;
            let (a, b) = x.part(y, m)?;
            span(a, b)
        }
        R::MonthWhole => {
            let (y, m) = x.month()?;
            let (a, b) = month_bounds(y, m)?;
            Ok((a, b, Precision::Month))
        }
        R::DayMonth => {
            let (y, m) = x.month()?;
            day(x.date(y, m, c.day.unwrap_or(1))?)
        }
        R::Weekday => day(on_or_before(x.need()?, x.wd(0)?)),
        // Wire copy's `last Thursday` is the latest Thursday strictly before publication.
        R::LastWeekday => day(on_or_before(x.need()? - Duration::days(1), x.wd(0)?)),
        R::WeekdayPair => x.weekday_pair(),
        R::NightBefore => {
            let d = on_or_before(x.need()?, x.wd(0)?);
            span(d - Duration::days(1), d)
        }
        R::DaySpan => x.day_span(),
        R::YearSpan => x.year_span(),
        R::PastMonths => {
            let p = x.need()?;
            span(p - Duration::days(30 * x.count(120)?), p - Duration::days(1))
        }
        R::YearsBack(n) => x.year(x.need()?.year() - n as i32),
        R::YearsAgo => x.year(x.need()?.year() - x.count(100)? as i32),
        R::Weekend => {
            let sat = on_or_before(x.need()?, Weekday::Sat);
            span(sat, sat + Duration::days(1))
        }
        R::YearPart => {
            let y = x.need()?.year();
            match c.part.unwrap_or(0) {
                0 => span(ymd(y, 1, 1)?, ymd(y, 4, 30)?),
                1 => span(ymd(y, 5, 1)?, ymd(y, 8, 31)?),
                _ => span(ymd(y, 9, 1)?, ymd(y, 12, 31)?),
            }
        }
        // Every other row is a cumulative window (`R::is_window`); `since` refuses anything else.
        _ => x.since(r),
    }
}

/// A matched phrase being resolved: what it captured, the publication date, and the words
/// typed (for messages).
struct Resolving<'a> {
    c: &'a Caps,
    pubd: Option<NaiveDate>,
    t: &'a str,
}

impl Resolving<'_> {
    /// The publication date, which a relative phrase is read against.
    fn need(&self) -> Result<NaiveDate, String> {
        let t = self.t;
        self.pubd.ok_or_else(|| {
            format!(
                "'{t}' is read against the article's publication date, and this article has none to the day; \
                 give the article a date (YYYY-MM-DD) or write the date itself"
            )
        })
    }

    /// The phrase's number, from 1 to `max`.
    fn count(&self, max: i64) -> Result<i64, String> {
        self.c.count.filter(|n| (1..=max).contains(n)).ok_or_else(|| {
            format!(
                "'{}' needs a number from 1 to {max}, such as 'past 3 days' or 'الأيام الثلاثة الماضية'",
                self.t
            )
        })
    }

    fn wd(&self, k: usize) -> Result<Weekday, String> {
        self.c.weekdays.get(k).copied().ok_or_else(|| format!("'{}' names no weekday", self.t))
    }

    /// A day of a month, or why it is not a real date.
    fn date(&self, y: i32, m: u32, d: u32) -> Result<NaiveDate, String> {
        NaiveDate::from_ymd_opt(y, m, d)
            .ok_or_else(|| format!("'{}' is not a real date (day {d} of month {m})", self.t))
    }

    /// The month named. A month without a year is the latest such month on or before
    /// publication.
    fn month(&self) -> Result<(i32, u32), String> {
        match self.c.month {
            Some(MonthRef::Named(m)) => match self.c.year {
                Some(y) => Ok((y, m)),
                None => {
                    let p = self.need()?;
                    let earlier = m > p.month() || (self.c.past && m == p.month());
                    Ok((if earlier { p.year() - 1 } else { p.year() }, m))
                }
            },
            Some(MonthRef::This) => self.need().map(|p| (p.year(), p.month())),
            Some(MonthRef::Last) => {
                self.need()
                    .map(|p| if p.month() == 1 { (p.year() - 1, 12) } else { (p.year(), p.month() - 1) })
            }
            None => Err(format!("'{}' names no month", self.t)),
        }
    }

    /// The part of a month named (its first, second or last ten days).
    fn part(&self, y: i32, m: u32) -> Result<(NaiveDate, NaiveDate), String> {
        let (first, last) = month_bounds(y, m)?;
        Ok(match self.c.part.unwrap_or(0) {
            0 => (first, ymd(y, m, 10)?),
            1 => (ymd(y, m, 11)?, ymd(y, m, 20)?),
            _ => (ymd(y, m, 21)?, last),
        })
    }

    fn week(&self, monday: NaiveDate) -> Resolved {
        span(monday, monday + Duration::days(6))
    }

    fn year(&self, y: i32) -> Resolved {
        Ok((ymd(y, 1, 1)?, ymd(y, 12, 31)?, Precision::Year))
    }

    /// The past days, weeks or hours before publication.
    fn past(&self, r: R) -> Resolved {
        if r == R::PastHours {
            let days = (self.count(24 * 366)? + 23) / 24;
            let p = self.need()?;
            return span(p - Duration::days(days), p);
        }
        let n = match r {
            R::PastFixed(n) => n,
            R::PastWeeks => 7 * self.count(520)?,
            _ => self.count(3660)?,
        };
        let p = self.need()?;
        span(p - Duration::days(n), p - Duration::days(1))
    }

    fn weekday_pair(&self) -> Resolved {
        let (a, b) = (self.wd(0)?, self.wd(1)?);
        if a == b {
            return Err(format!("'{}' names the same weekday twice", self.t));
        }
        let to = on_or_before(self.need()?, b);
        let gap = (7 + b.num_days_from_monday() as i64 - a.num_days_from_monday() as i64) % 7;
        span(to - Duration::days(gap), to)
    }

    fn year_span(&self) -> Resolved {
        let (a, b) = (self.c.year.unwrap_or(0), self.c.year2.unwrap_or(0));
        if b <= a {
            return Err(format!("'{}' runs from {a} to {b}; write the earlier year first", self.t));
        }
        if a < 1900 || b > 2100 {
            return Err(format!("'{}' reads as a range of numbers, not of years", self.t));
        }
        span(ymd(a, 1, 1)?, ymd(b, 12, 31)?)
    }

    fn day_span(&self) -> Resolved {
        let (y, m) = self.month()?;
        let (a, b) = (self.c.day.unwrap_or(1), self.c.day2.unwrap_or(1));
        if b <= a {
            return Err(format!("'{}' runs from day {a} to day {b}; write the earlier day first", self.t));
        }
        // Without a year, the latest such span that starts on or before publication.
        let y = match self.pubd {
            Some(p) if self.c.year.is_none() && self.date(y, m, a)? > p => y - 1,
            _ => y,
        };
        span(self.date(y, m, a)?, self.date(y, m, b)?)
    }

    /// A cumulative window: from the date named to publication.
    fn since(&self, r: R) -> Resolved {
        let p = self.need()?;
        let from = match r {
            R::SinceWeekday => on_or_before(p, self.wd(0)?),
            R::SinceBack(n) => p - Duration::days(n),
            R::SinceMonthPart => {
                let (y, m) = self.month()?;
                self.part(y, m)?.0
            }
            R::SinceDay => {
                let (y, m) = self.month()?;
                let d = self.c.day.unwrap_or(1);
                // Without a year, the latest such day on or before publication.
                match self.date(y, m, d)? {
                    f if f > p && self.c.year.is_none() => self.date(y - 1, m, d)?,
                    f => f,
                }
            }
            R::SinceMonth => {
                let (y, m) = self.month()?;
                month_bounds(y, m)?.0
            }
            R::SinceStartMonth => month_bounds(p.year(), p.month())?.0,
            R::SinceStartYear => ymd(p.year(), 1, 1)?,
            R::SinceStartOfYear => match self.c.year {
                Some(y) => ymd(y, 1, 1)?,
                None => return Err(format!("'{}' names no year", self.t)),
            },
            R::SinceStartWeek => monday_of(p),
            R::SinceYear => ymd(self.c.year.ok_or_else(|| format!("'{}' names no year", self.t))?, 1, 1)?,
            R::Relative => {
                return Err(format!(
                    "'{}' is counted from a date the phrase does not name; give that date (May 31, \
                     31 أيار, or a range 2014-11-02..2014-12-05)",
                    self.t
                ))
            }
            R::SinceEvent => {
                return Err(format!(
                    "'{}' counts from an event but names no date; give the day it began (since May 31, \
                     منذ 31 أيار, or a range 2014-11-02..2014-12-05)",
                    self.t
                ))
            }
            other => return Err(format!("'{}' is not read as a window ({other:?})", self.t)),
        };
        since(from, p)
    }
}

/// Leading filler words (on, في ...) set aside: the token where the phrase starts.
fn skip_fillers(m: &Matcher<'_>, mut i: usize) -> usize {
    while i < m.toks.len() && m.toks[i].is_word() && FILLERS.contains(&m.toks[i].norm.as_str()) {
        i += 1;
    }
    i
}

/// Reads one typed phrase against the publication date.
pub(super) fn read(t: &str, published: Option<PartialDate>) -> Result<When, String> {
    let toks = tokenize(t);
    let m = Matcher::new(&toks, false);
    let start = skip_fillers(&m, 0);
    let refused = || format!("'{t}' is not a date or phrase crosscheck reads; give {WHEN_FORMS}");
    let (end, r, caps) = m.phrase_at(start).ok_or_else(refused)?;
    // A trailing full stop or comma is not part of the phrase.
    if toks[end..].iter().any(|x| !(x.is_sym(".") || x.is_sym(","))) {
        return Err(refused());
    }
    let pubd = published.and_then(|p| p.exact());
    let (from, to, precision) = resolve(r, &caps, pubd, t)?;
    check_weekday(r, &caps, pubd, t)?;
    let Some(p) = pubd else {
        return Ok(When { text: t.into(), from, to, precision });
    };
    if from > p {
        return Err(format!(
            "'{t}' would be {from}{} , after the article's publication date {p}; a claim cannot report \
             what has not happened yet, so give the date itself if the article means it",
            if to != from { format!(" to {to}") } else { String::new() }
        )
        .replace(" ,", ","));
    }
    if to > p {
        return Ok(When { text: t.into(), from, to: p, precision: Precision::Clipped });
    }
    Ok(When { text: t.into(), from, to, precision })
}

/// `اليوم الخميس`, `أمس الأربعاء`: the weekday written beside today or yesterday must agree.
fn check_weekday(r: R, caps: &Caps, pubd: Option<NaiveDate>, t: &str) -> Result<(), String> {
    let (R::Back(n @ (0 | 1)), Some(wd), Some(p)) = (r, caps.weekdays.first(), pubd) else { return Ok(()) };
    let d = p - Duration::days(n);
    if d.weekday() != *wd {
        return Err(format!(
            "'{t}' names a {wd:?}, but counted from the article's date {p} that day is {d}, a {:?}; \
             check the article's date or write the date itself",
            d.weekday()
        ));
    }
    Ok(())
}

/// Every phrase in a running text, as byte spans (fillers left out, a leading clitic too).
pub(super) fn find(toks: &[Token]) -> Vec<(usize, usize)> {
    let m = Matcher::new(toks, true);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let Some((end, r, caps)) = m.phrase_at(i) else {
            i += 1;
            continue;
        };
        if vetoed(&m, i, end, r, &caps) {
            i += 1;
            continue;
        }
        let first = &toks[i];
        // A conjunction or a preposition is not part of the phrase; the article is when the word
        // with it starts a phrase (`اليوم التالي`, not `يوم التالي`).
        let starts = |w: &str| start_words().contains(w);
        let forms = clitic_forms(&first.norm);
        let clitic = if starts(&first.norm) {
            0
        } else {
            forms
                .iter()
                .filter(|(_, cl, _)| !cl.ends_with("ال"))
                .chain(forms.iter())
                .find(|(_, _, w)| starts(w))
                .map(|(n, _, _)| *n)
                .unwrap_or(0)
        };
        out.push((first.offset_of_char(clitic), toks[end - 1].end));
        i = end;
    }
    out
}

/// Superlatives whose yardstick a `since` phrase gives (normalised).
const SUPERLATIVES: &str = "largest|biggest|worst|deadliest|bloodiest|heaviest|highest|lowest|first|most|\
    fiercest|longest|الاكبر|الاسوا|الاعنف|الاعلي|الادني|الاول|الاولي|الاكثر|الاشد|الاطول|الاخطر|الاوسع";

/// Is there a superlative among the six words before `i`, in the same clause?
fn superlative_before(m: &Matcher<'_>, i: usize) -> bool {
    (i.saturating_sub(6)..i).rev().take_while(|k| m.toks[*k].is_word()).any(|k| m.is(k, SUPERLATIVES))
}

/// Matches that read as a date in a typed phrase but are usually something else in prose.
fn vetoed(m: &Matcher<'_>, i: usize, end: usize, r: R, caps: &Caps) -> bool {
    let toks = m.toks;
    // الاثنين alone is more often "the two" than Monday.
    if end == i + 1 && r == R::Weekday && m.is(i, "الاثنين") {
        return true;
    }
    // آب, مارس, May alone: a word, unless شهر, a day or a year goes with it, or a preposition
    // of time before it (`in March`, `during May`, `في آذار`, `خلال أيار`).
    let time_before = i > 0 && m.is(i - 1, "in|during|في|خلال|طوال") && !m.is(i, "may");
    if r == R::MonthWhole && caps.bare_month && caps.year.is_none() && !time_before {
        return true;
    }
    // الليل and `3 days`, `ثلاثة أيام` are a duration or any night, unless `خلال`, `over` or
    // `during` makes them the window before publication.
    let over_before = i > 0 && m.is(i - 1, "over|during|خلال|طوال");
    if (r == R::Overnight && m.is(i, "الليل") || r == R::PastDays && end == i + 2) && !over_before {
        return true;
    }
    // `between 1500 and 2000 fighters`, `between 2000 and 2500 people`: a span of years holds
    // years of the last two centuries, the earlier first, and no noun follows it.
    if r == R::YearSpan {
        let years = caps.year.zip(caps.year2).is_some_and(|(a, b)| 1900 <= a && a < b && b <= 2100);
        let noun_after = toks.get(end).is_some_and(|t| t.is_word())
            && !m.is(
                end,
                "and|or|in|at|on|when|while|as|after|before|during|alone|و|في|حين|عندما|قبل|بعد|فقط",
            );
        if !years || noun_after {
            return true;
        }
    }
    // A year alone is a date only after a preposition of time (`in 2017`, `في 2021`) or with
    // عام / سنة (`عام 2019`), and not when a noun or number follows it (`في 2000 منزل`).
    if r == R::YearWhole {
        let named = m.is(i, "عام|العام|سنه");
        let introduced = named || (i > 0 && m.is(i - 1, "in|during|throughout|في|خلال|طوال"));
        let counted = !named
            && toks.get(end).is_some_and(|t| t.kind == TokKind::Num || (t.is_word() && !t.norm.is_ascii()));
        // What is left of a `since` phrase that was set aside (a superlative's yardstick).
        let after_since = i > 0 && m.is(i - 1, "since|منذ");
        if !introduced || counted || after_since {
            return true;
        }
    }
    // `the largest trial since 2020`, `الهجوم الأعنف منذ عام 2019`: a superlative's yardstick,
    // not the window of a count.
    if r.is_window() && superlative_before(m, i) {
        return true;
    }
    // `during the month`, `over the week`: the month the report covers; `the month` alone is
    // no date.
    if r == R::Relative
        && end == i + 2
        && m.is(i, "the")
        && !(i > 0 && m.is(i - 1, "during|throughout|over|in"))
    {
        return true;
    }
    // `خلال الأسبوع`: the week the report covers; `الأسبوع` alone is no date.
    if r == R::Relative && end == i + 1 && !(i > 0 && m.is(i - 1, "خلال|طوال")) {
        return true;
    }
    // اليوم التالي (the next day), اليوم نفسه: counted from the event, not from publication.
    if m.is(end - 1, "اليوم") && m.is(end, "التالي|نفسه|ذاته|الذي|الاول|الثاني|السابق")
    {
        return true;
    }
    // "today's", "yesterday's" are fine; a weekday or month glued to letters is not a date.
    !toks[i].space_before && i > 0 && toks[i - 1].is_word()
}
