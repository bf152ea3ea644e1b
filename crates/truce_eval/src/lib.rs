//! Evaluation instruments for truce: score the extractor against labelled
//! sets and print per-field accuracy on a fixed dev/test split.
//!
//! Three sets, one module each:
//!
//! - [`fakes`]: FA-KES, Syrian-war articles with a crowd-labelled location
//!   and event date; truce must name the main event's governorate and date.
//! - [`ucdp`]: UCDP GED events in Syria with the headline of their source;
//!   truce must find an incident with the event's governorate, date and
//!   death count.
//! - [`claims`]: real reports annotated claim by claim by analysts
//!   (`eval/claims/`); precision and recall per claim kind and per field.
//! - [`gold`]: the hand-written gold set `eval/gold/gold.jsonl`: expected
//!   claims, matched on kind, subtype, modality, places, actors, time and
//!   quantities, with near misses that must not produce a kind.
//! - [`ledger`]: the ledger built from many reports against a truth
//!   timeline (`eval/ledger/`): truce recall and precision, and the state
//!   at a place and time against probes.
//!
//! Every labelled row goes to dev or test by a hash of its id
//! ([`split::half_of`]: FNV-1a 64 of the id string, even = dev, odd = test),
//! so the split never changes when rows are added or reordered.
//!
//! Each evaluation returns an [`Evaluation`]: per-field tallies for dev and
//! test, extraction speed on one core, notes, and the misses, which
//! [`render`] prints as a text table or JSON.

pub mod claims;
pub mod csv;
pub mod dates;
pub mod fakes;
pub mod gold;
pub mod ledger;
pub mod places;
pub mod render;
pub mod score;
pub mod split;
pub mod ucdp;

pub use score::{Evaluation, Field, Miss, Speed, Tally};
pub use split::{Half, View};

/// Everything that can go wrong while evaluating.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{source_name}: line {line}: {message}")]
    Csv {
        source_name: String,
        line: usize,
        message: String,
    },
    #[error("{source_name}: no column {column:?} in the header")]
    MissingColumn { source_name: String, column: String },
    #[error("{source_name}: line {line}: {message}")]
    Gold {
        source_name: String,
        line: usize,
        message: String,
    },
    #[error("{source_name}: no labelled rows")]
    Empty { source_name: String },
    #[error("{source_name}: {message}")]
    Truth {
        source_name: String,
        message: String,
    },
    #[error("building the ledger: {0}")]
    Ledger(String),
}

/// What every evaluation takes besides its input.
#[derive(Clone, Debug)]
pub struct Options {
    /// Keep at most this many worst misses.
    pub misses: usize,
    /// Misses are listed from these halves.
    pub view: View,
    /// Read only the first `limit` rows (for quick runs).
    pub limit: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            misses: 0,
            view: View::Both,
            limit: None,
        }
    }
}

/// A text excerpt on one line: whitespace collapsed, at most `max` characters.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
        if out.chars().count() >= max {
            let cut: String = out.chars().take(max).collect();
            return format!("{cut}…");
        }
    }
    out
}

/// Run the extractor on one input, timing it into `speed`. A panic inside
/// the extractor is caught and returned as its message (the row then scores
/// as a report with no claims), so one bad row cannot end a run.
pub fn extract_timed(
    extractor: &truce_extract::Extractor,
    input: &truce_extract::Input<'_>,
    speed: &mut Speed,
) -> Result<truce_model::Report, String> {
    let started = std::time::Instant::now();
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(input)));
    speed.add(input.text.len(), started.elapsed());
    got.map_err(|p| {
        p.downcast_ref::<String>()
            .cloned()
            .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}

/// A report with no claims, for rows the extractor could not read.
pub fn empty_report() -> truce_model::Report {
    truce_model::Report {
        document: truce_model::Document::default(),
        claims: Vec::new(),
    }
}
