//! `gate.attributive`: a trigger word used as an adjective.
//!
//! Matches a trigger of the `adjectival` list ("renewed", "proposed",
//! "agreed", "brokered", "extended") followed by a content word, that is a
//! word outside the `verb_follow` list of articles, prepositions, days and
//! adverbs that follow a verb. "Prepare for renewed hostilities" extends
//! nothing; "talks over a proposed cease-fire" make no new proposal; "the
//! agreed truce" declares nothing new. Must not match the verb: "the army
//! extended the truce", "the truce was extended for 24 hours", "Russia
//! proposed on Monday a ceasefire", "agreed to a truce", "Syria declared
//! brief local truces" (the truce noun follows and no determiner stands
//! before the trigger: the trigger is a verb with the truce as object).
//! A trigger joined by a hyphen to the word before it is an adjective
//! whatever follows: "a U.S.-brokered ceasefire", "the Russian-declared
//! truce" describe the truce and declare nothing.

use super::{Ctx, Verdict, listed, tokens};
use crate::frames::Frame;

pub(crate) const ID: &str = "gate.attributive";

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    let trig = ctx.doc.folded_between(f.folded.0, f.folded.1);
    let t = tokens(trig);
    let [word] = t.as_slice() else {
        return Verdict::Keep;
    };
    if !listed("adjectival", word) {
        return Verdict::Keep;
    }
    let Some(next) = ctx.next_word(f.folded.1) else {
        return Verdict::Keep;
    };
    if listed("verb_follow", next) {
        return Verdict::Keep;
    }
    // "Syria declared brief local truces": a verb whose object is the
    // truce; "talks over a proposed ceasefire": an adjective of it, after
    // a determiner or preposition.
    let object = ctx
        .noun
        .is_some_and(|n| n.0 >= f.folded.1 && ctx.doc.words_between(f.folded.1, n.0) <= 3);
    let before = ctx.doc.word_before(f.folded.0);
    let start = ctx.doc.folded.to_original(f.folded.0, f.folded.0 + 1).start;
    let hyphened = ctx.doc.text.get(..start).is_some_and(|t| t.ends_with('-'));
    let modifier = listed("determiner", before) || hyphened;
    Verdict::drop_if(!object || modifier)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::truce_kinds;

    #[test]
    fn adjectives_make_no_claim() {
        for s in [
            "Rebels used the ceasefire to prepare for renewed hostilities in Aleppo.",
            "Diplomats held talks over a proposed ceasefire in Syria.",
            "The agreed truce in Homs was praised by the envoy.",
            "Observers praised the brokered ceasefire in Daraa as a model.",
            "The extended truce in Damascus was praised by aid agencies.",
            "Rebels left a U.S.-brokered ceasefire that began on Monday.",
            "The Russian-brokered truce in Homs has largely held.",
            "Those groups are outside a Turkish-declared ceasefire.",
            "A Moscow-brokered deal for a truce in Daraa held on Friday.",
            "Residents welcomed the UN-announced truce in Homs.",
        ] {
            let k = truce_kinds(s);
            assert!(
                !k.iter().any(|(k, _)| matches!(
                    k.as_str(),
                    "truce.extended" | "truce.proposed" | "truce.declared"
                )),
                "{s}: {k:?}"
            );
        }
    }

    #[test]
    fn verbs_still_read() {
        for (s, kind) in [
            ("The army extended the truce in Daraa.", "truce.extended"),
            (
                "The truce in Damascus was extended for 24 hours.",
                "truce.extended",
            ),
            (
                "Russia proposed on Monday a ceasefire in Aleppo.",
                "truce.proposed",
            ),
            ("The army declared a truce in Homs.", "truce.declared"),
            (
                "Syria declared brief local truces near Damascus on Friday.",
                "truce.declared",
            ),
            (
                "Russia and the U.S. brokered a ceasefire in Homs on Monday.",
                "truce.declared",
            ),
            (
                "The pro-government army declared a truce in Daraa.",
                "truce.declared",
            ),
        ] {
            let k = truce_kinds(s);
            assert!(k.iter().any(|(k, _)| k == kind), "{s}: {k:?}");
        }
    }
}
