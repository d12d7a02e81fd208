//! crosscheck: a command-line research notebook for claims, sources, ratings and figures.
//! main parses the command line, runs one command, prints one error sentence on failure and
//! maps the outcome to an exit code (0 done, 1 could not be done, 2 malformed command line).

use std::process::ExitCode;

use clap::Parser;
use crosscheck::{cli, cmd, notebook, render};

/// A write into a closed pipe (`crosscheck claim list | head`) is not a failure.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .map(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            .unwrap_or(false)
    })
}

/// SQLite allocates through the C library. glibc hands the top of its heap back to the system
/// whenever more than 128 KB of it is free, which SQLite's full-text indexing triggers several
/// times for every row of a CSV import (a third of the import spent in the kernel). Keep up to
/// 64 MB of freed memory for reuse instead.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters; it is called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 4 << 20);
    }
}

/// The error as one sentence. Writing the output failing (a full disk) is said as such, and
/// when the command had already committed its change, that the change was kept: every write
/// is committed before anything is printed.
fn said(err: &anyhow::Error) -> String {
    // The output's own failure is said once: `{err:#}` would repeat it, as the error's text and
    // again as its source.
    let output_io = err.downcast_ref::<std::io::Error>().or_else(|| {
        err.chain().find_map(|c| match c.downcast_ref::<notebook::Error>() {
            Some(notebook::Error::Output(e)) => Some(e),
            _ => None,
        })
    });
    let output = output_io.is_some();
    let mut text = match output_io {
        Some(e) => format!("the output could not be written: {}", io_words(e)),
        None => format!("{err:#}"),
    };
    if output && notebook::committed() {
        text.push_str("; the change to the notebook was saved before printing began, and it is kept");
    }
    text
}

/// An input/output failure in words, without the system's error number.
fn io_words(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => "the disk is full".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

fn main() -> ExitCode {
    keep_freed_memory();
    // A panic is a bug, but the user still gets one sentence and no backtrace.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "error: crosscheck hit an internal error{place}; nothing more was written. Please report it."
        );
    }));
    match std::panic::catch_unwind(|| cmd::run(cli::Cli::parse())) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(err)) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Ok(Err(err)) => {
            let colour = render::use_colour(
                std::io::IsTerminal::is_terminal(&std::io::stderr()),
                std::env::var_os("NO_COLOR").as_deref(),
            );
            let label = if colour { "\x1b[1;31merror:\x1b[0m" } else { "error:" };
            // One sentence; a list under it (the bad rows of an import) keeps a line per item,
            // each indented so that no line of it reads as another error.
            let said = said(&err);
            let mut parts = said.split('\n');
            let text = format!("error: {}", render::escape_line(parts.next().unwrap_or_default()));
            for (i, line) in cmd::stderr_lines(&text).iter().enumerate() {
                match (i, line.strip_prefix("error:")) {
                    (0, Some(rest)) => eprintln!("{label}{rest}"),
                    _ => eprintln!("{line}"),
                }
            }
            for item in parts.filter(|l| !l.trim().is_empty()) {
                eprintln!("  {}", render::escape_line(item.trim_start()));
            }
            if err.downcast_ref::<cmd::UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
        Err(_) => ExitCode::from(1),
    }
}
