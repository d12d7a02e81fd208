//! `search QUERY`: ranked matches with a snippet of the original text.

use anyhow::Result;

use super::{columns, Ctx};
use crate::cli::SearchArgs;
use crate::notebook::Access;

pub fn run(ctx: &Ctx, args: SearchArgs) -> Result<()> {
    ctx.check_columns(&columns::SEARCH)?;
    let mut nb = ctx.open(Access::Read)?;
    let hits = nb.search(&args.query, args.within, args.limit as usize)?;
    ctx.list(&columns::SEARCH, hits, &format!("no match for '{}'", args.query))
}
