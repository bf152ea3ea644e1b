//! Lexicons of actors, truce triggers and cues, compiled into one
//! Aho-Corasick automaton that scans folded text.
//!
//! The tables are data files in `data/` (`actors.tsv`, `demonyms.tsv`,
//! `triggers.tsv`), embedded in the binary. Place names come from the
//! gazetteer and are added by the caller with [`LexiconBuilder::place`], so
//! one scan finds places, actors and cues together.
//!
//! ```
//! use truce_lexicon::{Cue, Entry, Lexicon};
//! let lexicon = Lexicon::builder().embedded_tables().expect("tables").build().expect("build");
//! let text = "The ceasefire held, the Syrian Observatory said.";
//! let found = lexicon.scan(&truce_text::fold(text), text);
//! assert!(found.iter().any(|m| m.entries.iter().any(|e| matches!(e, Entry::Cue(Cue { class: truce_lexicon::CueClass::Truce, .. })))));
//! ```

mod actors;
mod cues;
mod matcher;

pub use actors::{Actor, ActorId, ActorKind, Actors};
pub use cues::{Cue, CueClass};
pub use matcher::{Entry, Lexicon, LexiconBuilder, Match};

/// Errors while loading or compiling lexicon tables.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("{table} line {line}: {problem}")]
    Table {
        table: &'static str,
        line: usize,
        problem: String,
    },
    #[error("cannot compile the lexicon automaton: {0}")]
    Automaton(String),
}
