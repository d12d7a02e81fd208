//! The command line: global flags and the command tree, with a one-line description and an
//! example for every command. Values are parsed into typed values here, once.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::notebook::search::SearchIn;
use crate::render::Format;

#[derive(Debug, Parser)]
#[command(
    name = "crosscheck",
    version,
    about = "A research notebook for claims, sources, Admiralty ratings and conflicting figures",
    long_about = "crosscheck keeps imported articles, the claims they attribute to sources, how far \
        each source and claim can be trusted (the Admiralty code, A-F and 1-6), and reconciles \
        figures that disagree into low, best and high. One notebook is one SQLite file.",
    after_help = "Examples:\n  crosscheck demo\n  crosscheck import articles reports/ --outlet 'Al-Madina Daily'\n  crosscheck search المنشقون\n  crosscheck claim list --min-reliability C --format csv"
)]
pub struct Cli {
    /// The notebook file (default: $CROSSCHECK_DB, else notebook.db in the platform data folder)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Output format for rows and created objects [default: table; csv for export]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Print only errors (and the rows asked for)
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or upgrade the notebook and print its path
    #[command(after_help = "Example:\n  crosscheck --db research.db init")]
    Init,
    /// Path, schema version, size and a count for every table
    #[command(after_help = "Example:\n  crosscheck info --format json")]
    Info,
    /// Import articles or CSV files
    #[command(subcommand)]
    Import(ImportCommand),
    /// List, show and remove articles
    #[command(subcommand)]
    Article(ArticleCommand),
    /// Add, list, show, edit, rate and merge sources
    #[command(subcommand)]
    Source(SourceCommand),
    /// Record, list, show, edit, remove and link claims
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Add, list and show measures: quantities that several claims give figures for
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Add, list, remove and parse figures; the vague-word table
    #[command(subcommand)]
    Figure(FigureCommand),
    /// Reconcile a measure's figures into low, best and high, naming conflicts
    #[command(
        after_help = "Examples:\n  crosscheck reconcile defectors.foreign\n  crosscheck reconcile --all --method conservative --format json\n  crosscheck reconcile deaths.market --save --note 'hospital count preferred'\n  crosscheck reconcile deaths.market --method manual --value 13 --save --note 'our own count'"
    )]
    Reconcile(ReconcileArgs),
    /// Export a table for reports and spreadsheets (CSV by default)
    #[command(
        after_help = "Examples:\n  crosscheck export claims --article 1 --bom --out claims.csv\n  crosscheck export figures --measure defectors.foreign --format markdown\n  crosscheck export sources --format json --out sources.json"
    )]
    Export(ExportArgs),
    /// Bring another notebook's work into this one (a colleague's, or your laptop's)
    #[command(after_help = "Example:\n  crosscheck merge ~/shared/colleague.db")]
    Merge {
        /// The other notebook file
        other: PathBuf,
    },
    /// Search articles and claims (Arabic and English, harakat and alef forms ignored)
    #[command(
        after_help = "Examples:\n  crosscheck search المنشقون\n  crosscheck search 'al-Qaeda' --in claims --limit 5"
    )]
    Search(SearchArgs),
    /// The audit trail: every update and delete, with the old row
    #[command(after_help = "Examples:\n  crosscheck history\n  crosscheck history claims 12")]
    History(HistoryArgs),
    /// Build a small notebook from a bundled fictional example, printing each command it runs
    #[command(after_help = "Examples:\n  crosscheck demo\n  crosscheck demo --db /tmp/try.db")]
    Demo,
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  crosscheck completions bash > ~/.local/share/bash-completion/completions/crosscheck\n  crosscheck completions zsh > ~/.zfunc/_crosscheck"
    )]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff)
    #[command(after_help = "Example:\n  crosscheck man > crosscheck.1 && man ./crosscheck.1")]
    Man,
    /// Check integrity, foreign keys and the search index; exit 1 on any problem
    #[command(after_help = "Example:\n  crosscheck check")]
    Check,
    /// Write a consistent copy of the notebook, even while it is in use
    #[command(after_help = "Example:\n  crosscheck backup ~/backups/notebook-2026-11-25.db")]
    Backup {
        /// Where the copy goes (must not exist yet)
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import sources from a CSV with the columns `export sources` writes
    #[command(after_help = "Example:\n  crosscheck import sources sources.csv")]
    Sources { file: PathBuf },
    /// Import claims from a CSV with the columns `export claims` writes (article_id and quote at least)
    #[command(after_help = "Example:\n  crosscheck import claims claims-edited.csv")]
    Claims { file: PathBuf },
    /// Import figures from a CSV with the columns `export figures` writes (measure, claim_id, notation)
    #[command(after_help = "Example:\n  crosscheck import figures figures.csv")]
    Figures { file: PathBuf },
    /// Import .txt, .md and .html articles: files, folders (walked) or - for stdin
    #[command(
        after_help = "Examples:\n  crosscheck import articles report.md --outlet 'Al-Madina Daily' --published 2014-12-05 --lang ar\n  crosscheck import articles reports/ --manifest reports/manifest.csv\n  cat page.html | crosscheck import articles - --title 'Defections'"
    )]
    Articles(ImportArticlesArgs),
}

#[derive(Debug, Args)]
pub struct ImportArticlesArgs {
    /// Files, folders or - (stdin)
    #[arg(required_unless_present = "manifest", value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub meta: ArticleMetaArgs,
    /// A CSV with columns path,title,outlet,author,url,published,lang (per-file metadata)
    #[arg(long, value_name = "FILE.csv")]
    pub manifest: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ArticleMetaArgs {
    /// Title (default: the first heading or line)
    #[arg(long)]
    pub title: Option<String>,
    /// The publisher; an unknown name becomes a new source of kind outlet
    #[arg(long)]
    pub outlet: Option<String>,
    #[arg(long)]
    pub author: Option<String>,
    #[arg(long)]
    pub url: Option<String>,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD
    #[arg(long)]
    pub published: Option<String>,
    /// ISO 639-1 language code such as ar or en (default: detected)
    #[arg(long)]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ArticleCommand {
    /// List articles
    #[command(after_help = "Example:\n  crosscheck article list --format markdown")]
    List,
    /// Show an article and its claims; --text prints the body with claimed spans marked
    #[command(after_help = "Examples:\n  crosscheck article show 3\n  crosscheck article show '#3' --text")]
    Show {
        id: String,
        /// Print the body with each claimed span marked ⟦#N …⟧
        #[arg(long)]
        text: bool,
    },
    /// Remove an article (refused while claims cite it, unless --force)
    #[command(after_help = "Example:\n  crosscheck article rm 3 --force")]
    Rm {
        id: String,
        /// Remove the claims that cite it too
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Add a source (new sources start at F: not judged)
    #[command(
        after_help = "Examples:\n  crosscheck source add 'Raqqa local activists' --kind activist --reliability C\n  crosscheck source add 'unnamed Nusra source' --kind armed-group --anonymous --reliability E"
    )]
    Add {
        name: String,
        /// One of: outlet journalist official armed-group monitor activist resident document social-media anonymous other
        #[arg(long)]
        kind: String,
        /// A to F
        #[arg(long)]
        reliability: Option<String>,
        #[arg(long)]
        affiliation: Option<String>,
        /// The source is not named in the article
        #[arg(long)]
        anonymous: bool,
        #[arg(long)]
        note: Option<String>,
    },
    /// List sources
    #[command(after_help = "Example:\n  crosscheck source list --format csv")]
    List,
    /// Show a source, its claims and its rating history
    #[command(after_help = "Example:\n  crosscheck source show 'Raqqa local activists'")]
    Show { source: String },
    /// Change a source's name, kind, affiliation, naming or note
    #[command(
        after_help = "Example:\n  crosscheck source edit 4 --affiliation 'Free Syrian Army' --note 'met in Gaziantep'"
    )]
    Edit {
        source: String,
        #[arg(long)]
        name: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        affiliation: Option<String>,
        #[arg(long, conflicts_with = "named")]
        anonymous: bool,
        #[arg(long)]
        named: bool,
        #[arg(long)]
        note: Option<String>,
    },
    /// Re-rate a source's reliability, with the reason kept in its history
    #[command(
        after_help = "Example:\n  crosscheck source rate 'Raqqa local activists' B --why 'three reports confirmed by satellite imagery'"
    )]
    Rate {
        source: String,
        /// A to F
        grade: String,
        #[arg(long, required = true)]
        why: String,
    },
    /// Merge FROM into INTO: attributions, articles and rating history move, FROM is removed
    #[command(
        after_help = "Example:\n  crosscheck source merge 'activists in Raqqa' 'Raqqa local activists'"
    )]
    Merge { from: String, into: String },
}

#[derive(Debug, Args, Clone, Default)]
pub struct ClaimFilterArgs {
    /// Only claims in this article
    #[arg(long)]
    pub article: Option<String>,
    /// Only claims attributed to this source (id or name)
    #[arg(long)]
    pub source: Option<String>,
    /// Keep claims with at least one source rated this letter or better (F never passes)
    #[arg(long, value_name = "GRADE")]
    pub min_reliability: Option<String>,
    /// Keep claims rated this credibility or better (lower digit)
    #[arg(long, value_name = "N")]
    pub max_credibility: Option<String>,
    #[arg(long)]
    pub tag: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    /// Claims whose event ends on or after this date
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Claims whose event starts on or before this date
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Claims that give a figure for this measure (for `export figures`: that measure's figures)
    #[arg(long, value_name = "KEY")]
    pub measure: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ClaimCommand {
    /// Record a claim, anchored to a verbatim quote in its article
    #[command(
        after_help = "Examples:\n  crosscheck claim add --article 1 --quote 'انشقاق ثمانية آخرين' --source 'Raqqa local activists' --credibility 3 --when yesterday --tag defections\n  crosscheck claim add --article 2 --quote 'at least 40 fighters' --source 4 --source 5 --text 'Forty fighters left'"
    )]
    Add(ClaimAddArgs),
    /// List claims, with filters
    #[command(
        after_help = "Example:\n  crosscheck claim list --min-reliability C --tag defections --format csv"
    )]
    List(ClaimFilterArgs),
    /// Show a claim with its sources, figures and links
    #[command(after_help = "Example:\n  crosscheck claim show 12")]
    Show { id: String },
    /// Change a claim's text, credibility, place, date, tags or sources
    #[command(after_help = "Example:\n  crosscheck claim edit 12 --credibility 2 --tag confirmed")]
    Edit(ClaimEditArgs),
    /// Remove a claim (kept in history)
    #[command(after_help = "Example:\n  crosscheck claim rm 12")]
    Rm { id: String },
    /// Link two claims: corroborates, contradicts, repeats, updates (A supersedes B)
    #[command(after_help = "Example:\n  crosscheck claim link 14 12 --as updates")]
    Link {
        a: String,
        b: String,
        #[arg(long = "as", value_name = "RELATION")]
        relation: String,
    },
}

#[derive(Debug, Args)]
pub struct ClaimAddArgs {
    #[arg(long)]
    pub article: String,
    /// The words as the article has them (harakat and spacing may differ)
    #[arg(long)]
    pub quote: String,
    /// An originating source (id or name); repeat for several; none means the outlet's own report
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// Your rendering or translation (default: the quote)
    #[arg(long)]
    pub text: Option<String>,
    /// 1 (confirmed) to 6 (cannot be judged, the default)
    #[arg(long)]
    pub credibility: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    /// 2014, 2014-12, 2014-12-05, 2014-12-02..2014-12-05, yesterday, past 3 days, late November ...
    #[arg(long)]
    pub when: Option<String>,
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// A figure this claim gives: KEY=NOTATION, such as defectors.foreign='ما يزيد على 100'
    #[arg(long = "figure", value_name = "KEY=NOTATION")]
    pub figures: Vec<String>,
    /// Keep a quote that cannot be found in the article, marked unverified
    #[arg(long)]
    pub unverified: bool,
}

#[derive(Debug, Args)]
pub struct ClaimEditArgs {
    pub id: String,
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long)]
    pub credibility: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub when: Option<String>,
    /// Add a tag
    #[arg(long = "tag")]
    pub tags: Vec<String>,
    /// Remove a tag
    #[arg(long = "untag")]
    pub untags: Vec<String>,
    /// Replace the sources (repeat for several)
    #[arg(long = "source")]
    pub sources: Vec<String>,
    /// Make the claim the outlet's own report (no sources)
    #[arg(long, conflicts_with = "sources")]
    pub no_sources: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long = "in", value_enum, default_value_t = SearchIn::All)]
    pub within: SearchIn,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// A table: articles sources claims claim_sources claim_tags links measures figures vague_terms reconciliations
    pub table: Option<String>,
    /// A row id in that table
    pub id: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add a measure such as defectors.foreign
    #[command(
        after_help = "Example:\n  crosscheck measure add defectors.foreign --label 'foreign fighters who defected' --unit people"
    )]
    Add {
        key: String,
        #[arg(long)]
        label: String,
        #[arg(long)]
        unit: Option<String>,
    },
    /// List measures with their figure and voice counts
    #[command(after_help = "Example:\n  crosscheck measure list")]
    List,
    /// Show a measure's figures side by side and every saved reconciliation
    #[command(after_help = "Example:\n  crosscheck measure show defectors.foreign")]
    Show { key: String },
}

#[derive(Debug, Subcommand)]
pub enum FigureCommand {
    /// Give a claim's number for a measure
    #[command(
        after_help = "Examples:\n  crosscheck figure add --claim 3 --measure defectors.local 'ما يزيد على 120'\n  crosscheck figure add --claim 5 --measure defectors.foreign dozens"
    )]
    Add {
        #[arg(long)]
        claim: String,
        #[arg(long)]
        measure: String,
        notation: String,
    },
    /// List figures
    #[command(after_help = "Example:\n  crosscheck figure list --measure defectors.foreign --format csv")]
    List {
        #[arg(long)]
        measure: Option<String>,
    },
    /// Remove a figure (kept in history)
    #[command(after_help = "Example:\n  crosscheck figure rm 7")]
    Rm { id: String },
    /// Show how a notation is read, without touching the notebook
    #[command(
        after_help = "Examples:\n  crosscheck figure parse 'ما يزيدُ على 100'\n  crosscheck figure parse 'about 45' --format json"
    )]
    Parse { notation: String },
    /// The vague-word table; `figure terms set` changes a word
    #[command(
        after_help = "Examples:\n  crosscheck figure terms\n  crosscheck figure terms set dozens --low 24 --high 99 --point 36"
    )]
    Terms {
        #[command(subcommand)]
        action: Option<TermsCommand>,
    },
    /// Re-read existing figures with the current vague-word table (kept in history)
    #[command(after_help = "Example:\n  crosscheck figure reread --measure defectors.foreign")]
    Reread {
        #[arg(long)]
        measure: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum TermsCommand {
    /// Add or change a vague word (low <= point <= high)
    #[command(after_help = "Example:\n  crosscheck figure terms set 'عشرات' --low 20 --high 99 --point 20")]
    Set {
        word: String,
        #[arg(long, allow_negative_numbers = true)]
        low: i64,
        #[arg(long, allow_negative_numbers = true)]
        high: i64,
        #[arg(long, allow_negative_numbers = true)]
        point: i64,
    },
}

#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// Measure keys
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub keys: Vec<String>,
    /// Every measure
    #[arg(long)]
    pub all: bool,
    #[arg(long, value_enum, default_value_t = crate::reconcile::Method::Weighted)]
    pub method: crate::reconcile::Method,
    /// Take superseded, improbable and E-rated figures too
    #[arg(long)]
    pub include_all: bool,
    /// Store the result with the figures it used
    #[arg(long)]
    pub save: bool,
    #[arg(long)]
    pub note: Option<String>,
    /// The best value, for --method manual (which also needs --note)
    #[arg(long, allow_negative_numbers = true)]
    pub value: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportTable {
    Articles,
    Sources,
    Claims,
    Figures,
    Measures,
    Reconciliations,
    History,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    pub table: ExportTable,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Start with a byte-order mark so spreadsheet programs read Arabic as UTF-8
    #[arg(long)]
    pub bom: bool,
    /// Do not guard cells that a spreadsheet would read as formulas
    #[arg(long)]
    pub raw: bool,
    #[command(flatten)]
    pub filter: ClaimFilterArgs,
}
