//! `search QUERY`: ranked matches with a snippet of the original text.

use anyhow::Result;

use super::Ctx;
use crate::cli::SearchArgs;
use crate::notebook::search::{search, SearchHit};

pub fn run(ctx: &Ctx, args: SearchArgs) -> Result<()> {
    if args.limit == 0 {
        anyhow::bail!("--limit 0 would show nothing; give a number of results from 1 up");
    }
    let nb = ctx.open()?;
    let hits = search(&nb.conn, &args.query, args.within, args.limit)?;
    if hits.is_empty() {
        ctx.note(&format!("no match for '{}'", args.query));
    }
    ctx.rows(SearchHit::COLUMNS, hits.iter().map(SearchHit::cells))
}
