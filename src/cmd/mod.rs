//! The thin command layer. A command is three steps: its parsed flags become one plan (every
//! usage error, flag combinations included, found here: exit 2 before a notebook is opened),
//! which declares what the command needs from the notebook and what it prints; the plan's job
//! calls the library; the renderer prints what it returns, after the notebook's work is
//! committed. No SQL and no format lives here.

mod article;
mod claim;
mod demo;
mod export;
mod figure;
mod import;
mod notebook;
mod reconcile;
mod report;
mod search;
mod serve;
mod source;
mod suggest;
mod team;

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::notebook::{Access, Notebook};
use crate::render::{Output, Pick, Shape};

pub use crate::render::output::stderr_lines;
pub use crate::render::UsageError;

/// What a command needs from the notebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Nothing: the command never opens one.
    Nothing,
    /// To read it: a missing notebook is an error, and is never created.
    Read,
    /// To change it: created when missing.
    Write,
}

/// The work left once a command's flags are resolved.
pub type Job = Box<dyn FnOnce(&mut Run<'_>) -> Result<()>>;

/// A command resolved from its flags: its name (for messages), what it needs and prints, and
/// the work that remains.
pub struct Plan {
    pub name: &'static str,
    pub need: Need,
    pub shape: Shape,
    pub job: Job,
}

impl Plan {
    pub fn new(
        name: &'static str,
        need: Need,
        shape: Shape,
        job: impl FnOnce(&mut Run<'_>) -> Result<()> + 'static,
    ) -> Plan {
        Plan { name, need, shape, job: Box::new(job) }
    }
}

/// A plan being carried out: the output, and the notebook opened when first asked for, with
/// the access the plan declared.
pub struct Run<'a> {
    pub out: &'a Output,
    db: Option<PathBuf>,
    need: Need,
    nb: Option<Notebook>,
}

impl Run<'_> {
    /// The notebook's path: `--db`, else `$CROSSCHECK_DB`, else the platform's data folder.
    pub fn notebook_path(&self) -> Result<PathBuf> {
        Ok(crate::notebook::locate(self.db.as_deref())?)
    }

    /// Where the files this command writes may go: never over the notebook in use, the one
    /// `$CROSSCHECK_DB` names or the default one, nor (unless `force` is `Some(true)`) over
    /// another notebook or a `.bak` copy. `force` is `None` for a command without `--force`.
    pub fn outputs(&self, force: Option<bool>) -> crate::files::Outputs {
        let mut named: Vec<PathBuf> = Vec::new();
        named.extend(self.notebook_path().ok());
        named.extend(std::env::var_os("CROSSCHECK_DB").filter(|p| !p.is_empty()).map(PathBuf::from));
        named.extend(crate::notebook::default_path().ok());
        let mut named = named.into_iter();
        // With no notebook path at all (no home folder), the current folder's notebook.db is
        // the one a user would mean.
        let first = named.next().unwrap_or_else(|| PathBuf::from("notebook.db"));
        let mut outputs = crate::files::Outputs::new(&first);
        for other in named {
            outputs = outputs.protecting(&other);
        }
        match force {
            Some(f) => outputs.with_force(f),
            None => outputs,
        }
    }

    /// Was a notebook named with `--db`?
    pub fn db_given(&self) -> Option<&PathBuf> {
        self.db.as_ref()
    }

    /// The notebook, opened now if it is not open yet: read-only for a plan that reads (a
    /// missing notebook is then an error, never created), created when missing for one that
    /// writes.
    pub fn nb(&mut self) -> Result<&mut Notebook> {
        let access = match self.need {
            Need::Read => Access::Read,
            Need::Write => Access::Write,
            Need::Nothing => anyhow::bail!("internal: this command declared that it needs no notebook"),
        };
        if self.nb.is_none() {
            self.nb = Some(Notebook::open(&self.notebook_path()?, access)?);
        }
        Ok(self.nb.as_mut().expect("opened above"))
    }

    /// Closes the notebook (its work committed) before what remains is printed.
    pub fn close(&mut self) {
        self.nb = None;
    }
}

/// The first lines a new user sees when they type `crosscheck` alone.
const START_HERE: &str = "crosscheck: a research notebook for claims, sources and conflicting figures.\n\
    \x20 crosscheck demo       build a sample notebook and see every step\n\
    \x20 crosscheck init       create your own notebook\n\
    \x20 crosscheck --help     every command";

/// The output the global flags ask for.
fn output(cli: &Cli) -> Output {
    let pick = match (&cli.columns, cli.wide) {
        (Some(c), _) => Pick::Named(c.0.clone()),
        (None, true) => Pick::All,
        _ => Pick::Default,
    };
    Output::new(cli.format, pick, cli.quiet)
}

/// Each command's plan, from its flags.
fn plan(command: Command, out: &Output) -> Result<Plan> {
    match command {
        Command::Init => Ok(notebook::init()),
        Command::Info => Ok(notebook::info()),
        Command::Check { repair } => Ok(notebook::check(repair)),
        Command::Backup { file } => Ok(notebook::backup(file)),
        Command::History(args) => Ok(notebook::history(args)),
        Command::Completions { shell } => Ok(notebook::completions(shell)),
        Command::Man(args) => Ok(notebook::man(args)),
        Command::Import(c) => import::plan(c),
        Command::Article(c) => Ok(article::plan(c)),
        Command::Search(args) => Ok(search::plan(args)),
        Command::Source(c) => Ok(source::plan(c)),
        Command::Claim(c) => claim::plan(c),
        Command::Measure(c) => Ok(figure::measure(c)),
        Command::Figure(c) => Ok(figure::figure(c)),
        Command::Reconcile(args) => reconcile::plan(args, out),
        Command::Report(args) => report::plan(args, out),
        Command::Serve(args) => Ok(serve::plan(args)),
        Command::Export(args) => export::export(args, out),
        Command::Merge { other } => Ok(export::merge(other)),
        Command::Team(c) => Ok(team::plan(c)),
        Command::Demo => Ok(demo::plan()),
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let out = output(&cli);
    let Some(command) = cli.command else {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{START_HERE}")?;
        stdout.flush()?;
        return Ok(());
    };
    let plan = plan(command, &out)?;
    out.check(plan.name, &plan.shape)?;
    let mut run = Run { out: &out, db: cli.db, need: plan.need, nb: None };
    (plan.job)(&mut run)
}
