//! crosscheck as a library: the pure cores (notation, reconciliation, normalisation, dates,
//! rendering), the notebook, and the command layer the binary runs. The binary is `main.rs`;
//! the fuzz targets and the benchmark generator use this library directly.

pub mod cli;
pub mod cmd;
pub mod dates;
pub mod extract;
pub mod normalize;
pub mod notation;
pub mod notebook;
pub mod ratings;
pub mod reconcile;
pub mod render;
pub mod similarity;
