//! crosscheck as a library: the pure cores (notation, reconciliation, normalisation, dates,
//! similarity, extraction), the notebook, and the renderer; with the `cli` feature (the
//! default), the command line and the commands the binary runs. The fuzz targets and the
//! benchmark generator use the library without the command line.

pub mod arcount;
pub mod citation;
pub mod csvcell;
pub mod dates;
pub mod events;
pub mod extract;
pub mod files;
pub mod intake;
pub mod normalize;
pub mod notation;
pub mod notebook;
pub mod numwords;
pub mod ratings;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod rows;
pub mod similarity;
pub mod suggest;
pub mod team;
pub mod usecase;
pub mod vocab;

#[cfg(feature = "cli")]
pub mod cli;
#[cfg(feature = "cli")]
pub mod cmd;
#[cfg(feature = "cli")]
pub mod serve;
