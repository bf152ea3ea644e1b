//! Text normalisation for matching, with an offset map back to the
//! original bytes, and sentence splitting.
//!
//! Every lexicon key and every document is folded by the same function
//! ([`fold`]), so matching is a plain byte search over folded text. The
//! folded text remembers, for each of its bytes, where it came from in the
//! original; [`Folded::to_original`] turns a folded range into a
//! [`Span`] of the input.
//!
//! ```
//! use truce_text::{fold, fold_key};
//! let f = fold("Al-Ládhiqiyah’s “truce”");
//! assert_eq!(f.text(), "al ladhiqiyahs \"truce\"");
//! let span = f.to_original(0, 13);
//! assert_eq!(span.slice("Al-Ládhiqiyah’s “truce”"), "Al-Ládhiqiyah");
//! assert_eq!(fold_key("اللاذقيّة"), fold_key("اللاذقيه"));
//! ```

mod fold;
mod sentence;

pub use fold::{Folded, fold, fold_key, is_word_byte};
pub use sentence::sentences;
pub use truce_model::Span;
