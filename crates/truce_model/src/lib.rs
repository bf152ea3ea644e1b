//! The nouns of truce: byte spans into the original text, documents, claims
//! and reports. These types are the JSON output contract of `truce extract`;
//! the schema lives in `schema/report.schema.json` at the repository root.
//!
//! ```
//! use truce_model::{ClaimKind, Span};
//! let text = "The truce held.";
//! let span = Span::new(4, 9);
//! assert_eq!(span.slice(text), "truce");
//! assert_eq!(ClaimKind::TruceInForce.as_str(), "truce.in_force");
//! ```

mod kind;
mod report;
mod span;

pub use kind::{ClaimKind, Modality};
pub use report::{
    ActorRef, Attribution, Claim, Document, Link, PlaceRef, Quantity, Report, Speaker, TimeRef,
    TruceRef,
};
pub use span::{Excerpt, Span};
