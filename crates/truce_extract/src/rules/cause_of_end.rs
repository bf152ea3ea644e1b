//! `gate.cause_of_end`: violence that ends a truce is its collapse.
//!
//! Matches a sentence where the parse makes violations or attacks the
//! subject of a truce's end: "these crimes and violations have ended the
//! truce", "the bombardment ended the ceasefire". The end becomes a
//! `truce.collapsed` (a truce broken by fighting collapses; `ended` is for
//! one that runs out or is called off), and the violations named as its
//! cause make no claim of their own: the sentence asserts the collapse.
//! Must not match an actor ending a truce ("the army ended the truce on
//! Monday" stays `truce.ended`), nor violations that are no subject of the
//! end ("violations went on after the truce ended").

use super::{Ctx, Verdict};
use crate::frames::Frame;
use truce_model::ClaimKind;

pub(crate) const ID: &str = "gate.cause_of_end";

const VIOLENCE: [ClaimKind; 2] = [ClaimKind::TruceViolated, ClaimKind::IncidentAttack];

pub(crate) fn check(ctx: &Ctx<'_, '_>, f: &Frame) -> Verdict {
    match f.kind {
        ClaimKind::TruceEnded if caused_by_violence(ctx, f.folded.0) => {
            Verdict::Kind(ClaimKind::TruceCollapsed)
        }
        k if VIOLENCE.contains(&k) => {
            let ends = ctx
                .siblings
                .iter()
                .filter(|s| s.kind == ClaimKind::TruceEnded);
            let cause = ends.filter(|s| s.trigger.0 > f.folded.1).any(|s| {
                subjects(ctx, s.trigger.0)
                    .iter()
                    .any(|&span| within(ctx, f.folded, span))
            });
            Verdict::drop_if(cause)
        }
        _ => Verdict::Keep,
    }
}

/// Whether a violence trigger of the sentence is the subject of the end
/// whose trigger starts at folded offset `end`.
fn caused_by_violence(ctx: &Ctx<'_, '_>, end: usize) -> bool {
    let spans = subjects(ctx, end);
    (ctx.siblings.iter())
        .filter(|s| VIOLENCE.contains(&s.kind) && s.trigger.1 <= end)
        .any(|s| spans.iter().any(|&span| within(ctx, s.trigger, span)))
}

/// Original byte spans of the subjects of the verb heading folded `at`.
fn subjects(ctx: &Ctx<'_, '_>, at: usize) -> Vec<(usize, usize)> {
    let orig = ctx.doc.folded.to_original(at, at + 1).start;
    ctx.syntax.subject_spans(orig)
}

/// Whether the folded trigger span overlaps the original span `span`.
fn within(ctx: &Ctx<'_, '_>, trigger: (usize, usize), span: (usize, usize)) -> bool {
    let t = ctx.doc.folded.to_original(trigger.0, trigger.1);
    t.start < span.1 && span.0 < t.end
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::kinds;

    #[test]
    fn violence_that_ends_a_truce_collapses_it() {
        for s in [
            "These crimes and violations have ended the truce in Homs.",
            "The bombardment ended the ceasefire in Daraa.",
            "Repeated violations have effectively ended the truce.",
        ] {
            let k = kinds(s);
            assert!(k.contains(&"truce.collapsed".to_owned()), "{s}: {k:?}");
            assert!(!k.contains(&"truce.ended".to_owned()), "{s}: {k:?}");
            assert!(!k.contains(&"truce.violated".to_owned()), "{s}: {k:?}");
        }
    }

    #[test]
    fn actors_end_truces_and_later_violations_stay() {
        let k = kinds("The army ended the truce in Homs on Monday.");
        assert!(k.contains(&"truce.ended".to_owned()), "{k:?}");
        let k = kinds("Violations of the truce in Homs went on until it ended on Monday.");
        assert!(k.contains(&"truce.violated".to_owned()), "{k:?}");
    }
}
