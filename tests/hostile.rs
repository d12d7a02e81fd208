//! Hostile input through the real binary: files, notebooks and web pages made to take control,
//! lose data, hang or crash crosscheck. The corpus is built at test time by `tests/hostile/mod.rs`;
//! docs/robustness.md lists what each module defends.

#[path = "hostile/arrivals.rs"]
mod arrivals;
#[path = "hostile/checking.rs"]
mod checking;
mod common;
#[path = "hostile/mod.rs"]
mod corpus;
#[path = "hostile/events.rs"]
mod events;
#[path = "hostile/every_output.rs"]
mod every_output;
#[path = "hostile/intake.rs"]
mod intake;
#[path = "hostile/merging.rs"]
mod merging;
#[path = "hostile/messages.rs"]
mod messages;
#[path = "hostile/numbers.rs"]
mod numbers;
#[path = "hostile/opening.rs"]
mod opening;
#[path = "hostile/out_files.rs"]
mod out_files;
#[path = "hostile/rings.rs"]
mod rings;
#[path = "hostile/spreadsheet.rs"]
mod spreadsheet;
#[path = "hostile/suggesting.rs"]
mod suggesting;
#[path = "hostile/sums.rs"]
mod sums;
#[path = "hostile/terminal.rs"]
mod terminal;
