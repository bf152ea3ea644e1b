//! A small dependency parser for news English: a tokenizer, an
//! averaged-perceptron part-of-speech tagger and a greedy arc-eager
//! transition parser over hashed features, with labelled arcs in spaCy's
//! label set.
//!
//! The weights (`data/parser.bin`, embedded in the crate) were trained by
//! `cargo xtask train-parser` on spaCy's silver parses of CC BY and CC BY-SA
//! text (see `docs/PARSER.md` and `data/LICENSES`). The parse answers the
//! questions rules ask: who is the subject of the verb that governs this
//! clause?
//!
//! ```
//! use truce_parse::{Dep, Parser};
//! let parse = Parser::embedded().parse("The army said the truce would hold.");
//! let truce = parse.find("truce").unwrap();
//! let said = parse.governing_verb(truce).unwrap();
//! assert_eq!(parse.word(said), "said");
//! let subject = parse.subject_of(said).unwrap();
//! assert_eq!(parse.word(subject), "army");
//! assert_eq!(parse.tokens[subject].label, Dep::Nsubj);
//! ```

mod eval;
mod features;
mod labels;
mod parse;
mod parser;
mod perceptron;
mod state;
mod token;
mod train;

pub use eval::{Counts, Scores, evaluate};
pub use labels::{Dep, TAGS};
pub use parse::{Parse, Token};
pub use parser::Parser;
pub use token::tokenize;
pub use train::{GoldToken, Sentence, TrainOptions, read_conllu, train};
pub use truce_model::Span;

/// What can go wrong reading a model or training data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The model file is malformed or names an unknown tag or label.
    #[error("parser model: {0}")]
    Model(String),
    /// A training file is malformed.
    #[error("silver data line {line}: {msg}")]
    Conllu { line: usize, msg: String },
}
