//! `gate.acceptor_clause`: an acceptance that only describes who.
//!
//! Matches a `truce.accepted` trigger heading a relative clause that the
//! parse attaches to a noun other than the truce: "Nusra is deployed close
//! to groups that agreed to the ceasefire", "said the commander, whose
//! group has also committed to the truce". The clause tells the reader
//! which groups are meant; it reports no act of acceptance, and names no
//! one who accepted. Must not match an acceptance in the main clause ("the
//! rebels accepted the truce"), nor one whose relative clause describes
//! the truce itself ("the truce, which the rebels accepted on Friday").
//! A negated claim in such a clause describes who as well: "groups which
//! have not joined or broken the ceasefire" says which groups are meant,
//! not that anyone kept the truce. So does a declaration word describing
//! another noun: "sanctions against Russia, imposed by the West" declare
//! no truce, whatever truce the sentence names elsewhere.

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::{ClaimKind, Modality};

pub(crate) const ID: &str = "gate.acceptor_clause";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let describing = matches!(f.kind, ClaimKind::TruceAccepted | ClaimKind::TruceDeclared)
        || f.modality == Modality::Negated;
    Verdict::drop_if(describing && ctx.describes_other(f))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    fn accepted(s: &str) -> bool {
        truce_kinds(s).iter().any(|(k, _)| k == "truce.accepted")
    }

    #[test]
    fn clauses_that_say_which_groups_accept_nothing() {
        for s in [
            "Nusra fighters are deployed close to groups that agreed to the ceasefire.",
            "The army attacked rebels who had committed to the truce in Homs.",
            "Aid reached towns held by factions that accepted the truce last week.",
            "Jets struck positions of groups which agreed to the ceasefire.",
            "The strikes hit villages of a faction that had signed up to the truce.",
            "Rebels attacked the army, said a commander whose brigade had committed to the truce.",
        ] {
            assert!(!accepted(s), "{s}: {:?}", truce_kinds(s));
        }
        for s in [
            "The army will strike all groups which have not joined or broken the ceasefire.",
            "Jets hit factions that had not violated the truce in Homs.",
            "Leaders spoke of the truce in Homs and of sanctions imposed by the West.",
            "Violations of the truce in Homs went on and sanctions announced by Europe stayed.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .all(|(k, m)| m != "negated" && k != "truce.declared"),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn acceptances_still_read() {
        for s in [
            "The rebels accepted the truce in Homs on Friday.",
            "Jaish al-Islam agreed to the ceasefire in Eastern Ghouta.",
            "The opposition said it had committed to the truce.",
            "Both sides agreed to the ceasefire, the envoy said.",
            "Rebel groups in Daraa accepted the truce on Monday.",
        ] {
            assert!(accepted(s), "{s}: {:?}", truce_kinds(s));
        }
        let k = truce_kinds("The rebels in Homs have not violated the truce.");
        assert!(k.iter().any(|(_, m)| m == "negated"), "{k:?}");
    }
}
