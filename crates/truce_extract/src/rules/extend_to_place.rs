//! `gate.extend_to_place`: extending a truce to a place widens it.
//!
//! Matches a `truce.extended` frame whose truce noun is followed by "to"
//! and a place ("extend the local truces to Aleppo", "the truce could be
//! extended to Aleppo"): that is `truce.expanded`, a change of scope, not
//! of time. Must not match "extended until Monday", "extended for another
//! 24 hours" or "extended to 72 hours".

use super::{Ctx, Verdict, tokens};
use crate::doc::has;
use crate::frames::Frame;
use truce_lexicon::CueClass;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.extend_to_place";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    if f.kind != ClaimKind::TruceExtended {
        return Verdict::Keep;
    }
    let from = ctx.noun.map_or(f.folded.1, |n| n.1.max(f.folded.1));
    let toks = tokens(ctx.after(from));
    let Some(to) = toks.iter().take(3).position(|w| *w == "to") else {
        return Verdict::Keep;
    };
    let place_next = ctx.s.matches.iter().any(|m| {
        m.folded.0 > from
            && ctx.doc.words_between(from, m.folded.0) <= to + 5
            && matches!(ctx.doc.word_before_article(m.folded.0), "to" | "of")
            && m.places().next().is_some()
            && !has(m, CueClass::Truce)
    });
    if place_next {
        Verdict::Kind(ClaimKind::TruceExpanded)
    } else {
        Verdict::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn extending_to_a_place_expands() {
        for s in [
            "The mediators have tried for weeks to extend the Homs truces to Hama.",
            "The envoy hoped the Daraa truce could be extended to Quneitra.",
            "The army extended the ceasefire to Daraa on Monday.",
            "They agreed to extend the truce to the city of Homs.",
            "The regime of calm was extended to Eastern Ghouta.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.expanded"), "{s}: {k:?}");
            assert!(!k.iter().any(|(k, _)| k == "truce.extended"), "{s}: {k:?}");
        }
    }

    #[test]
    fn extending_in_time_stays() {
        for s in [
            "The truce was extended until Monday.",
            "The truce around Damascus was extended for another 24 hours.",
            "The army extended the truce to 72 hours.",
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == "truce.extended"), "{s}: {k:?}");
        }
    }
}
