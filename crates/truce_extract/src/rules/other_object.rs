//! `gate.other_object`: extending or expanding something else.
//!
//! Matches a truce trigger whose last word is in the `object_verb` list
//! ("expand", "extend", "renew", "bring"), or whose phrase is in it ("an
//! end to"), directly followed by a content word that does not begin the
//! truce noun: "to expand delivery of humanitarian aid", "extended its
//! control", "the coming ceasefire will bring much quiet", "an end to
//! attacks on civilians". The object is not the truce. Must not match
//! "extended the truce", "expand the ceasefire to Aleppo", "the truce was
//! extended for 24 hours", "extended it", "bring Homs into the truce", "an
//! end to the ceasefire".

use super::{Ctx, Verdict, listed, tokens, words};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.other_object";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let t = tokens(trig);
    let Some(word) = t.last() else {
        return Verdict::Keep;
    };
    let phrase = t.join(" ");
    if !words("object_verb")
        .iter()
        .any(|w| w == word || *w == phrase)
    {
        return Verdict::Keep;
    }
    let Some(next) = ctx.next_word(f.folded.1) else {
        return Verdict::Keep;
    };
    let noun_next = ctx
        .noun
        .is_some_and(|n| ctx.doc.words_between(f.folded.1, n.0) <= 1);
    // "bring Homs into the truce": a place is what is brought in.
    let place_next = ctx.s.matches.iter().any(|m| {
        m.folded.0 > f.folded.1
            && ctx.doc.words_between(f.folded.1, m.folded.0) <= 1
            && m.places().next().is_some()
    });
    let function = listed("verb_follow", next) || listed("pronoun", next);
    Verdict::drop_if(!(noun_next || place_next || function))
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn other_objects_extend_no_truce() {
        for s in [
            "Powers agreed to implement a ceasefire and to expand delivery of humanitarian aid.",
            "Rebels extended control over three villages despite the ceasefire.",
            "The envoy is renewing calls for talks on a ceasefire.",
            "The army expanded operations near the truce zone in Homs.",
            "Russia extended support to the army during the ceasefire.",
            "The deal included a ceasefire and an end to attacks on civilians.",
            "Few expect that the coming ceasefire will bring much quiet.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter()
                    .any(|(k, _)| matches!(k.as_str(), "truce.extended" | "truce.expanded")),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn truces_are_extended() {
        for s in [
            "The army extended the truce in Daraa.",
            "Russia wants to expand the ceasefire to Aleppo.",
            "The truce in Damascus was extended for 24 hours.",
            "Discussions were underway to bring the city of Aleppo into the truce.",
        ] {
            let k = truce_kinds(s);
            assert!(
                k.iter()
                    .any(|(k, _)| matches!(k.as_str(), "truce.extended" | "truce.expanded")),
                "{s}: {k:?}"
            );
        }
    }
}
