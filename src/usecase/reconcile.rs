//! `reconcile`: measures' figures into low, best and high, one measure after another, saved or
//! not; a measure's timeline. A saved run commits every result before any is handed on: the
//! results wait in a spool (memory while few, a temporary file beyond), so a caller that prints
//! never prints while the transaction is open.

use std::io::{BufRead, Write};

use serde::{de::DeserializeOwned, Serialize};

use super::ClaimQuery;
use crate::dates::PartialDate;
use crate::notebook::reconciliations::{manual_inside, ReconcileRequest, Reconciled, TimelineRow, Window};
use crate::notebook::{Error, Notebook, Result};
use crate::reconcile::{Envelope, Method, Request};

/// What to reconcile and how, as a person asks for it.
#[derive(Debug, Clone, Default)]
pub struct ReconcileQuery {
    pub keys: Vec<String>,
    pub all: bool,
    pub method: Method,
    /// Take superseded, improbable and E-rated figures too.
    pub include_all: bool,
    /// The best value, for the manual method.
    pub value: Option<i64>,
    /// Which figures bound the range.
    pub envelope: Envelope,
    /// Only figures whose `--when` lies inside these days.
    pub window: Option<Window>,
    /// How many conflicting pairs to name (`usize::MAX`: every one).
    pub max_pairs: usize,
    /// Figures of claims these filters leave out are listed with the filter as the reason.
    pub claims: ClaimQuery,
    pub as_of: Option<PartialDate>,
    pub note: Option<String>,
    /// Store each result with the figures it used.
    pub save: bool,
}

impl ReconcileQuery {
    /// Asks that do not go together, as a sentence: a malformed request, refused before any
    /// notebook is opened.
    pub fn check(&self) -> std::result::Result<(), String> {
        if self.method == Method::Manual {
            if self.value.is_none() {
                return Err(
                    "--method manual needs --value N, the best estimate you chose, and --note saying why"
                        .into(),
                );
            }
            if self.note.as_deref().map(str::trim).unwrap_or("").is_empty() {
                return Err(format!(
                    "--method manual needs --note saying why you chose {}",
                    self.value.unwrap_or_default()
                ));
            }
        } else if self.value.is_some() {
            return Err(format!(
                "--value goes with --method manual; the {} method computes the best estimate itself",
                self.method
            ));
        }
        if self.claims.measure.is_some() {
            return Err(
                "--measure is a claim list filter; name the measures to reconcile as KEY... or --all".into(),
            );
        }
        Ok(())
    }

    /// The request with the filters' names resolved.
    fn request(&self, nb: &Notebook) -> Result<ReconcileRequest> {
        Ok(ReconcileRequest {
            keys: self.keys.clone(),
            all: self.all,
            core: Request {
                method: self.method,
                envelope: self.envelope,
                include_all: self.include_all,
                manual: self.value,
                max_pairs: self.max_pairs,
            },
            filter: self.claims.resolve(nb)?,
            // The filters as typed, for the reasons of the figures they leave out.
            filter_words: self.claims.words(false),
            as_of: self.as_of,
            window: self.window,
            note: self.note.clone(),
        })
    }
}

/// `reconcile`: each requested measure's result, handed to `sink` as soon as it is ready (one
/// measure's figures in memory at a time). With `save`, every result is saved in one write
/// transaction and handed on after it is committed.
pub fn reconcile(
    nb: &mut Notebook,
    query: &ReconcileQuery,
    mut sink: impl FnMut(Reconciled) -> Result<()>,
) -> Result<()> {
    if !query.save {
        return nb.reading(|nb| {
            let req = query.request(nb)?;
            nb.reconcile_each(&req, |r| {
                manual_inside(&r, &req)?;
                sink(r)
            })
        });
    }
    let mut spool = Spool::new();
    nb.writing(|nb| {
        let req = query.request(nb)?;
        // A refusal here rolls the whole save back.
        nb.reconcile_and_save(&req, |r| {
            manual_inside(&r, &req)?;
            spool.push(r)
        })
    })?;
    spool.drain(&mut sink)
}

/// `reconcile --timeline`: one reconciliation per date on which a measure's figures changed.
pub fn timeline(nb: &mut Notebook, query: &ReconcileQuery) -> Result<Vec<TimelineRow>> {
    nb.reading(|nb| {
        let req = query.request(nb)?;
        nb.timeline(&req)
    })
}

/// Results kept until the transaction that saved them is committed: in memory while few, in a
/// temporary file beyond that.
struct Spool<T> {
    held: Vec<T>,
    file: Option<std::io::BufWriter<tempfile::NamedTempFile>>,
}

const IN_MEMORY: usize = 256;

fn spool_error(e: impl std::fmt::Display) -> Error {
    Error::Io(format!("the results could not be kept until they were saved: {e}"))
}

impl<T: Serialize + DeserializeOwned> Spool<T> {
    fn new() -> Spool<T> {
        Spool { held: Vec::new(), file: None }
    }

    fn push(&mut self, item: T) -> Result<()> {
        if self.file.is_none() && self.held.len() < IN_MEMORY {
            self.held.push(item);
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(std::io::BufWriter::new(tempfile::NamedTempFile::new().map_err(spool_error)?));
        }
        let f = self.file.as_mut().expect("opened above");
        serde_json::to_writer(&mut *f, &item).map_err(spool_error)?;
        f.write_all(b"\n").map_err(spool_error)
    }

    /// Hands every item to `f`, in the order pushed.
    fn drain(self, mut f: impl FnMut(T) -> Result<()>) -> Result<()> {
        for item in self.held {
            f(item)?;
        }
        if let Some(w) = self.file {
            let tmp = w.into_inner().map_err(|e| spool_error(e.into_error()))?;
            let reader = std::io::BufReader::new(tmp.reopen().map_err(spool_error)?);
            for line in reader.lines() {
                f(serde_json::from_str(&line.map_err(spool_error)?).map_err(spool_error)?)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spool_gives_back_what_it_held_in_order_past_memory() {
        let mut spool = Spool::new();
        for i in 0..(IN_MEMORY as i64 + 40) {
            spool.push(vec![i, -i]).unwrap();
        }
        let mut back = Vec::new();
        spool
            .drain(|v: Vec<i64>| {
                back.push(v[0]);
                Ok(())
            })
            .unwrap();
        assert_eq!(back, (0..(IN_MEMORY as i64 + 40)).collect::<Vec<_>>());
    }
}
