//! The claim vocabulary (DESIGN.md, "Claim kinds") and modality.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! claim_kinds {
    ($($variant:ident => $name:literal, $words:literal),+ $(,)?) => {
        /// What a claim asserts. The dotted names are part of the output contract.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum ClaimKind {
            $(#[serde(rename = $name)] $variant,)+
        }

        impl ClaimKind {
            pub const ALL: &'static [ClaimKind] = &[$(ClaimKind::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $(ClaimKind::$variant => $name,)+ }
            }

            /// The kind in words for people ("holds", "under negotiation").
            pub fn words(self) -> &'static str {
                match self { $(ClaimKind::$variant => $words,)+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($name => Some(ClaimKind::$variant),)+ _ => None }
            }
        }
    };
}

claim_kinds! {
    TruceProposed => "truce.proposed", "proposed",
    TruceNegotiating => "truce.negotiating", "under negotiation",
    TruceDeclared => "truce.declared", "declared",
    TruceAccepted => "truce.accepted", "accepted",
    TruceRejected => "truce.rejected", "rejected",
    TruceExtended => "truce.extended", "extended",
    TruceExpanded => "truce.expanded", "widened",
    TruceInForce => "truce.in_force", "holds",
    TruceViolated => "truce.violated", "violated",
    TruceCollapsed => "truce.collapsed", "collapsed",
    TruceEnded => "truce.ended", "ended",
    IncidentAttack => "incident.attack", "attack",
    StatementThreat => "statement.threat", "threat",
    StatementDemand => "statement.demand", "demand",
}

impl ClaimKind {
    pub fn is_truce(self) -> bool {
        self.as_str().starts_with("truce.")
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the claim is asserted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    #[default]
    Asserted,
    Negated,
    Hedged,
    /// Future, intended or under discussion.
    Planned,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hedged => "hedged",
            Modality::Planned => "planned",
        }
    }
}

impl fmt::Display for Modality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(k.as_str()), Some(*k));
            let json = serde_json::to_string(k).expect("serialise");
            assert_eq!(json, format!("\"{}\"", k.as_str()));
        }
        assert_eq!(ClaimKind::parse("truce.maybe"), None);
    }
}
