//! Event frames: triggers in a sentence become claims with roles.
//!
//! A sentence is cut into segments at clause boundaries ("but", "due to",
//! "and that", reporting verbs). In each segment:
//! - a truce trigger ("extended", "in effect", "practically dead") makes a
//!   claim only when a truce noun ("ceasefire", "cessation of hostilities")
//!   is in the same segment, and not when that noun heads "truce talks"
//!   ("the truce talks collapsed" is about talks, not the truce);
//! - "discussions were underway to bring X into the truce" makes one
//!   planned expansion, not a separate negotiation claim;
//! - scope words ("including", "covers") lend their places to the nearest
//!   other trigger;
//! - an attack trigger ("airstrikes", "shelling") makes an `incident.attack`
//!   when it has a place, a perpetrator or casualties; in a sentence that
//!   says a truce was violated or collapsed, it makes a `truce.violated`
//!   claim with the attack as subtype;
//! - places, times and actors attach to the nearest trigger before them
//!   (after them when none is before); places after "except"/"excluding"
//!   are excluded from the scope.

use crate::doc::{Doc, Sentence, has};
use crate::places::Found;
use crate::quantities::{Num, casualties};
use truce_lexicon::{Cue, CueClass, Match};
use truce_model::{ActorRef, ClaimKind, Excerpt, Modality, Quantity, TruceRef};

/// One trigger in a segment, with what attaches to it.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub kind: ClaimKind,
    pub subtype: Option<String>,
    pub folded: (usize, usize),
    pub modality: Modality,
    pub truce: Option<TruceRef>,
    pub actors: Vec<ActorRef>,
    pub places: Vec<Found>,
    pub times: Vec<usize>,
    pub quantities: Vec<Quantity>,
    pub targets: Vec<String>,
    /// Ids of the rules that changed this frame after its trigger made it.
    pub adjusted_by: Vec<&'static str>,
}

/// Segment bounds (folded offsets) of a sentence.
pub(crate) fn segments(doc: &Doc<'_>, s: &Sentence, verb: Option<usize>) -> Vec<(usize, usize)> {
    let (start, end) = (
        doc.folded.to_folded(s.span.start),
        doc.folded.to_folded(s.span.end),
    );
    let mut cuts = vec![start];
    for (i, m) in s.matches.iter().enumerate() {
        let report_cut = Some(i) == verb;
        if has(m, CueClass::Clause) || report_cut {
            cuts.push(m.folded.0);
        }
    }
    cuts.push(end);
    cuts.windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|(a, b)| a < b)
        .collect()
}

fn claim_kind(cue: Cue) -> Option<ClaimKind> {
    ClaimKind::parse(cue.value)
}

/// Frames of one segment, before places and times are attached.
pub(crate) fn triggers(
    doc: &Doc<'_>,
    s: &Sentence,
    seg: (usize, usize),
    violation_context: bool,
) -> Vec<Frame> {
    let inside = |m: &Match| m.folded.0 >= seg.0 && m.folded.1 <= seg.1;
    let mut truce_noun = s
        .matches
        .iter()
        .enumerate()
        .filter(|(_, m)| inside(m) && has(m, CueClass::Truce))
        .collect::<Vec<_>>();
    if truce_noun.is_empty() && elliptical(doc, seg) {
        let mut earlier = s
            .matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.folded.1 <= seg.0 && has(m, CueClass::Truce));
        truce_noun.extend(earlier.next_back());
    }
    // "truce talks": the truce noun right before a negotiation noun.
    let talks_head = truce_noun.iter().any(|(i, m)| {
        s.matches.get(i + 1).is_some_and(|n| {
            n.cue(CueClass::Kind)
                .is_some_and(|c| c.value == "truce.negotiating")
                && doc.words_between(m.folded.1, n.folded.0) <= 1
        })
    });
    let failed = talks_failed(doc, s, seg, talks_head);
    let mut frames: Vec<Frame> = Vec::new();
    for (i, m) in s.matches.iter().enumerate().filter(|(_, m)| inside(m)) {
        let frame = if let Some(c) = m.cue(CueClass::Attack) {
            let kind = if violation_context {
                ClaimKind::TruceViolated
            } else {
                ClaimKind::IncidentAttack
            };
            (c.value != "-").then(|| (kind, Some(c.value.to_owned())))
        } else if m.cue(CueClass::Threat).is_some() {
            (!passive(doc, m)).then_some((ClaimKind::StatementThreat, None))
        } else if m.cue(CueClass::Demand).is_some() {
            (!unowned_noun(doc, s, seg, i)).then_some((ClaimKind::StatementDemand, None))
        } else if let (Some(c), false) = (m.cue(CueClass::Kind), truce_noun.is_empty()) {
            kind_frame(c, talks_head).filter(|(k, _)| !(failed && ends_talks(*k)))
        } else {
            None
        };
        if let Some((kind, subtype)) = frame {
            let mut f = new_frame(kind, subtype, m);
            if failed && kind == ClaimKind::TruceNegotiating {
                f.modality = Modality::Negated;
            }
            frames.push(f);
        }
    }
    if frames.is_empty()
        && let Some(m) = casualty_trigger(doc, s, seg)
    {
        let kind = if violation_context {
            ClaimKind::TruceViolated
        } else {
            ClaimKind::IncidentAttack
        };
        frames.push(new_frame(kind, Some("attack".to_owned()), m));
    }
    absorb(doc, &mut frames);
    if let Some(t) = truce_noun.first() {
        let truce = truce_ref(doc, s, t.0);
        for f in frames.iter_mut().filter(|f| f.kind.is_truce()) {
            f.truce = Some(nearest_truce(doc, s, &truce_noun, f).unwrap_or_else(|| truce.clone()));
        }
    }
    frames
}

/// A segment that reports victims but names no attack ("Five killed in
/// Douma", "Human losses in a village", "an officer killed near Hama")
/// reports an incident all the same: its first casualty word becomes a
/// generic attack trigger. "hurt" is left out, and "died" counts only
/// after a count and without a cause: people die of illness and are hurt
/// in accidents; a blocked attack word ("a heart
/// attack killed") explains the deaths; a count or a place is still needed
/// for the claim to be kept.
fn casualty_trigger<'s>(doc: &Doc<'_>, s: &'s Sentence, seg: (usize, usize)) -> Option<&'s Match> {
    let inside = |m: &&Match| m.folded.0 >= seg.0 && m.folded.1 <= seg.1;
    // A blocked attack word ("a heart attack killed") explains the deaths.
    if s.matches
        .iter()
        .filter(inside)
        .any(|m| has(m, CueClass::Attack))
    {
        return None;
    }
    s.matches.iter().filter(inside).find(|m| {
        m.cue(CueClass::Casualty).is_some()
            && match doc.folded_between(m.folded.0, m.folded.1) {
                "hurt" => false,
                "died" => counted_deaths(doc, seg.0, m),
                _ => true,
            }
    })
}

/// "104 persons died yesterday": a digit count at most two words before
/// "died", and no cause after it ("died of cold", "died from illness").
fn counted_deaths(doc: &Doc<'_>, from: usize, m: &Match) -> bool {
    let before = doc.folded_between(from, m.folded.0);
    let counted = before
        .split(' ')
        .rev()
        .take(3)
        .any(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()));
    counted && !matches!(doc.word_after(m.folded.1), "of" | "from")
}

/// Kinds that, said of talks rather than of a truce, end the talks ("the
/// talks on a truce for Homs broke down", "negotiations over a truce
/// ended").
fn ends_talks(kind: ClaimKind) -> bool {
    matches!(kind, ClaimKind::TruceCollapsed | ClaimKind::TruceEnded)
}

/// True when talks are the subject of a collapse or an end in this segment:
/// a negotiation noun heads the truce noun ("truce talks", "talks on a
/// ceasefire", "negotiations over a truce") and a collapse or end word
/// follows it. The talks failed; the truce did not collapse.
fn talks_failed(doc: &Doc<'_>, s: &Sentence, seg: (usize, usize), talks_head: bool) -> bool {
    let seg_matches = || {
        s.matches
            .iter()
            .filter(move |m| m.folded.0 >= seg.0 && m.folded.1 <= seg.1)
    };
    let heads_truce = |m: &Match| {
        talks_head
            || (matches!(
                doc.word_after(m.folded.1),
                "on" | "over" | "for" | "about" | "toward" | "towards"
            ) && seg_matches().any(|n| {
                has(n, CueClass::Truce)
                    && n.folded.0 > m.folded.1
                    && doc.words_between(m.folded.1, n.folded.0) <= 4
            }))
    };
    let Some(talks) = seg_matches().find(|m| {
        m.cue(CueClass::Kind)
            .is_some_and(|c| c.value == "truce.negotiating")
            && heads_truce(m)
    }) else {
        return false;
    };
    seg_matches().any(|m| {
        m.folded.0 >= talks.folded.1
            && m.cue(CueClass::Kind)
                .and_then(claim_kind)
                .is_some_and(ends_talks)
    })
}

/// A threat word in the passive ("they felt threatened", "Douma is
/// threatened by"): someone is threatened, nobody makes a threat here.
fn passive(doc: &Doc<'_>, m: &Match) -> bool {
    matches!(
        doc.word_before(m.folded.0),
        "felt"
            | "feel"
            | "feels"
            | "feeling"
            | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "being"
    )
}

/// A demand word used as a noun that nobody in the segment owns ("the
/// demand for bread rose", "Demand for fuel doubled"): an article, or
/// nothing, before it and no actor before it in the segment.
fn unowned_noun(doc: &Doc<'_>, s: &Sentence, seg: (usize, usize), i: usize) -> bool {
    let m = &s.matches[i];
    let article = matches!(
        doc.word_before(m.folded.0),
        "" | "the" | "a" | "an" | "growing" | "rising" | "high" | "strong" | "increasing" | "low"
    );
    let owner = s.matches[..i]
        .iter()
        .any(|a| a.folded.0 >= seg.0 && a.actor().is_some());
    article && !owner
}

/// "the truce held in Homs but was violated in Hama": a clause that starts
/// with a conjunction and goes straight on to a verb shares the subject
/// (and so the truce) of the clause before.
fn elliptical(doc: &Doc<'_>, seg: (usize, usize)) -> bool {
    let text = doc.folded_between(seg.0, seg.1);
    let mut words = text
        .split(' ')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    matches!(first, "but" | "and" | "while" | "yet")
        && matches!(
            second,
            "was"
                | "were"
                | "is"
                | "are"
                | "has"
                | "had"
                | "have"
                | "been"
                | "remained"
                | "remains"
                | "later"
                | "then"
                | "also"
                | "still"
        )
}

fn kind_frame(c: Cue, talks_head: bool) -> Option<(ClaimKind, Option<String>)> {
    if c.value == "scope" {
        return Some((ClaimKind::TruceInForce, Some("scope".to_owned())));
    }
    let kind = claim_kind(c)?;
    if talks_head && kind != ClaimKind::TruceNegotiating {
        return None;
    }
    Some((kind, None))
}

fn new_frame(kind: ClaimKind, subtype: Option<String>, m: &Match) -> Frame {
    Frame {
        kind,
        subtype,
        folded: m.folded,
        modality: Modality::Asserted,
        truce: None,
        actors: Vec::new(),
        places: Vec::new(),
        times: Vec::new(),
        quantities: Vec::new(),
        targets: Vec::new(),
        adjusted_by: Vec::new(),
    }
}

/// Merge frames that are one event: a negotiation cue before another truce
/// trigger makes it planned; a scope word joins the nearest other trigger;
/// the same kind twice in a segment is one claim; adjacent attack words
/// ("airstrikes and shelling") are one incident.
fn absorb(doc: &Doc<'_>, frames: &mut Vec<Frame>) {
    let n = frames.len();
    let mut keep = vec![true; n];
    for i in 0..n {
        let f = &frames[i];
        let later_truce = frames
            .iter()
            .skip(i + 1)
            .any(|g| g.kind.is_truce() && g.kind != ClaimKind::TruceNegotiating);
        if f.kind == ClaimKind::TruceNegotiating && later_truce {
            keep[i] = false;
            if let Some(g) = frames
                .iter_mut()
                .skip(i + 1)
                .find(|g| goal_of_talks(g.kind))
            {
                g.modality = Modality::Planned;
            }
            continue;
        }
        // "rejected the proposed truce", "approved the Russian proposal
        // for a truce": the proposal is the object of the earlier claim.
        let object_of = frames[..i].iter().enumerate().any(|(j, g)| {
            keep[j]
                && matches!(
                    g.kind,
                    ClaimKind::TruceAccepted | ClaimKind::TruceRejected | ClaimKind::TruceViolated
                )
        });
        if f.kind == ClaimKind::TruceProposed && object_of {
            keep[i] = false;
            continue;
        }
        // "refused to accept the truce": the verb after a refusal is what
        // is refused, one rejection.
        let complement = frames[..i].iter().enumerate().any(|(j, g)| {
            keep[j]
                && g.kind == ClaimKind::TruceRejected
                && f.kind.is_truce()
                && f.subtype.is_none()
                && doc.words_between(g.folded.1, f.folded.0) <= 1
        });
        if complement {
            keep[i] = false;
            continue;
        }
        let scope = f.subtype.as_deref() == Some("scope");
        if scope
            && frames
                .iter()
                .enumerate()
                .any(|(j, g)| j != i && g.kind.is_truce() && g.subtype.as_deref() != Some("scope"))
        {
            keep[i] = false;
            continue;
        }
        let dup = frames[..i]
            .iter()
            .enumerate()
            .find(|(j, g)| keep[*j] && g.kind == f.kind && same_event(doc, g, f))
            .map(|(j, _)| j);
        if let Some(j) = dup {
            // "The truce, which began in February, is still in effect": the
            // main clause's trigger stands for both, not the dating clause's.
            if dating(doc, &frames[j]) && !dating(doc, f) {
                keep[j] = false;
            } else {
                keep[i] = false;
            }
        }
    }
    let mut k = keep.into_iter();
    frames.retain(|_| k.next().unwrap_or(true));
    for f in frames.iter_mut() {
        if f.subtype.as_deref() == Some("scope") {
            f.subtype = None;
        }
    }
}

/// Whether a frame's trigger sits in a clause that only dates its truce
/// (`rules::dating`).
fn dating(doc: &Doc<'_>, f: &Frame) -> bool {
    let from = f.folded.0.saturating_sub(160);
    let t = doc.folded.text();
    let from = (from..f.folded.0)
        .find(|&i| t.is_char_boundary(i))
        .unwrap_or(f.folded.0);
    f.kind == ClaimKind::TruceInForce
        && crate::rules::dating::dates_only(t.get(from..f.folded.0).unwrap_or(""))
}

/// What talks can be about, and so make planned ("discussions were
/// underway to bring Aleppo into the truce"): not a collapse, a violation
/// or an end ("despite the talks, the ceasefire collapsed" is a collapse,
/// not a plan).
fn goal_of_talks(kind: ClaimKind) -> bool {
    kind.is_truce()
        && !matches!(
            kind,
            ClaimKind::TruceNegotiating
                | ClaimKind::TruceCollapsed
                | ClaimKind::TruceViolated
                | ClaimKind::TruceEnded
        )
}

/// The same truce kind twice in a segment, or attack words side by side
/// ("airstrikes and shelling"), are one event.
fn same_event(doc: &Doc<'_>, g: &Frame, f: &Frame) -> bool {
    match (&g.subtype, &f.subtype) {
        (None, None) => true,
        (Some(_), Some(_)) => doc.words_between(g.folded.1, f.folded.0) <= 2,
        _ => false,
    }
}

fn truce_ref(doc: &Doc<'_>, s: &Sentence, i: usize) -> TruceRef {
    let m = &s.matches[i];
    let name = m
        .cue(CueClass::Truce)
        .map_or("truce", |c| c.value)
        .to_owned();
    let qualifiers = s.matches[..i]
        .iter()
        .rev()
        .take(3)
        .filter(|q| doc.words_between(q.folded.1, m.folded.0) <= 2)
        .filter_map(|q| q.cue(CueClass::TruceQualifier).map(|c| c.value.to_owned()))
        .collect();
    TruceRef {
        name,
        qualifiers,
        mention: Some(Excerpt::new(m.span, doc.text)),
    }
}

/// When a segment names more than one truce, a truce frame takes the
/// truce noun the parse makes its verb's subject, whatever the distance:
/// "a ceasefire between the army and the rebels ... has ended with no word
/// of a renewed truce" ends the ceasefire, not the renewed truce. Frames
/// whose subject is no truce noun keep the nearest one.
pub(crate) fn prefer_subject(
    doc: &Doc<'_>,
    s: &Sentence,
    seg: (usize, usize),
    syntax: &crate::syntax::Syntax<'_>,
    frames: &mut [Frame],
) {
    let nouns: Vec<usize> = (s.matches.iter().enumerate())
        .filter(|(_, m)| m.folded.0 >= seg.0 && m.folded.1 <= seg.1 && has(m, CueClass::Truce))
        .map(|(i, _)| i)
        .collect();
    if nouns.len() < 2 {
        return;
    }
    for f in frames.iter_mut().filter(|f| f.truce.is_some()) {
        let at = doc.folded.to_original(f.folded.0, f.folded.0 + 1).start;
        let Some(&(a, b)) = syntax.subject_spans(at).first() else {
            continue;
        };
        let noun =
            (nouns.iter()).find(|&&i| s.matches[i].span.start < b && a < s.matches[i].span.end);
        if let Some(&i) = noun {
            f.truce = Some(truce_ref(doc, s, i));
        }
    }
}

/// The truce noun closest to a frame's trigger.
fn nearest_truce(
    doc: &Doc<'_>,
    s: &Sentence,
    nouns: &[(usize, &Match)],
    f: &Frame,
) -> Option<TruceRef> {
    let best = nouns
        .iter()
        .min_by_key(|(_, m)| doc.words_between(m.folded.0, f.folded.0))?;
    Some(truce_ref(doc, s, best.0))
}

/// Index of the frame a thing at folded offset `at` attaches to: the
/// nearest frame before it, else the nearest after it.
pub(crate) fn owner(frames: &[Frame], at: usize, accept: impl Fn(&Frame) -> bool) -> Option<usize> {
    let before = frames
        .iter()
        .enumerate()
        .filter(|(_, f)| accept(f) && f.folded.1 <= at)
        .max_by_key(|(_, f)| f.folded.1);
    let after = frames
        .iter()
        .enumerate()
        .filter(|(_, f)| accept(f) && f.folded.0 >= at)
        .min_by_key(|(_, f)| f.folded.0);
    before.or(after).map(|(i, _)| i)
}

/// Modality of a frame from the cues of its segment before the trigger.
pub(crate) fn modality(doc: &Doc<'_>, s: &Sentence, seg: (usize, usize), f: &Frame) -> Modality {
    let mut result = f.modality;
    for m in s
        .matches
        .iter()
        .filter(|m| m.folded.0 >= seg.0 && m.folded.1 <= f.folded.0)
    {
        let gap = doc.words_between(m.folded.1, f.folded.0);
        if m.cue(CueClass::Negation).is_some() && gap <= 3 && !ends_in_to(doc, m, f) {
            return Modality::Negated;
        }
        if m.cue(CueClass::Hedge).is_some() && gap <= 6 {
            result = Modality::Hedged;
        }
        // A plan word before a comma belongs to another clause ("despite
        // the talks, the truce collapsed").
        let apart = doc.folded_between(m.folded.1, f.folded.0).contains(',');
        // "could begin", "may take effect": a start to come is a plan,
        // whatever the modal's doubt
        let open = result == Modality::Asserted
            || result == Modality::Hedged && f.kind == ClaimKind::TruceInForce;
        if m.cue(CueClass::Planned).is_some() && gap <= 8 && !apart && open {
            result = Modality::Planned;
        }
    }
    // A start that is itself a plan ("the truce is to start on Monday").
    let own = (s.matches.iter()).find(|m| m.folded == f.folded);
    let own_plan = own.is_some_and(|m| m.cue(CueClass::Planned).is_some());
    if own_plan && f.kind == ClaimKind::TruceInForce && result == Modality::Asserted {
        result = Modality::Planned;
    }
    // A noun trigger as the subject, then its verb: "shelling was not
    // reported", "the airstrikes were reportedly carried out".
    for m in s
        .matches
        .iter()
        .filter(|m| m.folded.0 >= f.folded.1 && m.folded.1 <= seg.1)
        .take_while(|m| only_auxiliaries(doc.folded_between(f.folded.1, m.folded.0)))
    {
        if m.cue(CueClass::Negation).is_some() {
            return Modality::Negated;
        }
        if m.cue(CueClass::Hedge).is_some() {
            result = Modality::Hedged;
        }
    }
    result
}

/// True when `between` is empty or only auxiliary verbs ("was", "has
/// been"): what follows is still the trigger's own verb group.
fn only_auxiliaries(between: &str) -> bool {
    between.split(' ').all(|w| {
        matches!(
            w,
            "" | "was" | "were" | "is" | "are" | "has" | "have" | "had" | "been" | "be"
        )
    })
}

/// "not only"/"no" before a noun that is not the trigger's: keep simple —
/// "no need to extend" is still a negation; nothing to skip yet.
fn ends_in_to(_doc: &Doc<'_>, _m: &Match, _f: &Frame) -> bool {
    false
}

/// Casualties of an attack frame in its segment.
pub(crate) fn attach_casualties(
    doc: &Doc<'_>,
    s: &Sentence,
    nums: &[Num],
    seg: (usize, usize),
    frames: &mut [Frame],
) {
    let attacks: Vec<usize> = frames
        .iter()
        .enumerate()
        .filter(|(_, f)| f.subtype.is_some())
        .map(|(i, _)| i)
        .collect();
    if let Some(&first) = attacks.first() {
        frames[first].quantities = casualties(doc, s, nums, seg.0, seg.1);
    }
}
