//! `gate.other_object`: extending or expanding something else.
//!
//! Matches a truce trigger of the `object_verb` list ("expand", "extend",
//! "renew") directly followed by a content word that does not begin the
//! truce noun: "to expand delivery of humanitarian aid", "extended its
//! control", "renewing calls for talks". The object is not the truce.
//! Must not match "extended the truce", "expand the ceasefire to Aleppo",
//! "the truce was extended for 24 hours", "extended it".

use super::{Ctx, Verdict, tokens, words};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.other_object";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let t = tokens(trig);
    let [word] = t.as_slice() else {
        return Verdict::Keep;
    };
    if !words("object_verb").iter().any(|w| w == word) {
        return Verdict::Keep;
    }
    let after = ctx.after(f.folded.1);
    if after
        .trim_start()
        .starts_with([',', '.', ';', ':', ')', '"', '\u{201d}'])
    {
        return Verdict::Keep;
    }
    let Some(next) = tokens(after).first().copied() else {
        return Verdict::Keep;
    };
    let noun_next = ctx
        .noun
        .is_some_and(|n| ctx.doc.words_between(f.folded.1, n.0) == 0);
    let function = words("verb_follow").iter().any(|w| w == next)
        || words("pronoun").iter().any(|w| w == next);
    if noun_next || function {
        Verdict::Keep
    } else {
        Verdict::Drop
    }
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
