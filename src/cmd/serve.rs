//! `serve`: the review pages in the browser, on the same use cases as the command line.

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr};

use anyhow::Result;

use super::{Need, Plan, Run};
use crate::cli::ServeArgs;
use crate::render::Shape;

pub fn plan(args: ServeArgs) -> Plan {
    let need = if args.read_only { Need::Read } else { Need::Write };
    Plan::new("serve", need, Shape::Nothing, move |run| serve(run, args))
}

fn serve(run: &mut Run<'_>, args: ServeArgs) -> Result<()> {
    let out = run.out;
    // Opened once now: a missing, damaged or old notebook is said (or upgraded) before the
    // server starts; each request opens its own connection after that.
    let notebook = run.nb()?.path().to_path_buf();
    run.close();
    let bind = args.bind.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !bind.is_loopback() {
        out.note(&format!(
            "warning: listening on {bind}, so other machines that can reach it may open these pages \
             (anyone with the address and its token can read and change the notebook); \
             without --bind only this machine can"
        ));
    }
    let cfg = crate::serve::Config {
        notebook,
        bind,
        port: args.port.unwrap_or(0),
        read_only: args.read_only,
        idle: args.idle_timeout.map(std::time::Duration::from_secs),
    };
    let keys = crate::serve::Keys::new()?;
    let read_only = args.read_only;
    crate::serve::run(
        cfg,
        keys,
        |url| {
            let mut stdout = std::io::stdout().lock();
            writeln!(stdout, "{url}")?;
            stdout.flush()?;
            out.note(&format!(
                "serving the notebook{} at the address above; Ctrl-C stops",
                if read_only { " read-only" } else { "" }
            ));
            Ok(())
        },
        args.open,
    )?;
    out.note("stopped");
    Ok(())
}
