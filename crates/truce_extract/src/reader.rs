//! Reading one document: sentence by sentence, with memory of the speaker,
//! the statement's day, recent places and truce ends.

use crate::attribution::{Attributed, Memory, Voice};
use crate::doc::{Doc, Sentence, has};
use crate::frames::{Frame, attach_casualties, modality, owner, segments, triggers};
use crate::places::Found;
use crate::provenance::{Provenance, provenance};
use crate::quantities::numbers;
use crate::{Extractor, Input};
use std::collections::HashMap;
use truce_geo::PlaceId;
use truce_lexicon::{ActorId, CueClass, Entry};
use truce_model::{ActorRef, Attribution, Claim, ClaimKind, Excerpt, PlaceRef, TimeRef};
use truce_time::{
    Anchor, Context, Direction, TimeExpr, TimeValue, explicit_year, resolve, resolve_with,
    statement_day,
};

/// What the reader remembers across sentences.
#[derive(Default)]
pub(crate) struct State {
    pub memory: Memory,
    pub statement: Option<Anchor>,
    pub year_hint: Option<i16>,
    pub recent_scope: Vec<PlaceRef>,
    pub near: Vec<PlaceId>,
    pub ends: HashMap<String, TimeValue>,
    pub provenance: Provenance,
    pub published: Option<Anchor>,
    /// Where the dateline ends (document bytes): its date ("May 4") is the
    /// filing date, never the time of a claim.
    pub dateline_end: usize,
    /// The dateline's place ("BEIRUT, May 4 (Wire) -"): where the report was
    /// filed, not where anything happened.
    pub dateline: Vec<usize>,
    /// The day of a speech act in the current sentence only.
    pub local_statement: Option<Anchor>,
    /// The document's home country and zone.
    pub theatre: truce_geo::Theatre,
    /// The theatre's zone, looked up once.
    pub zone: Option<jiff::tz::TimeZone>,
    /// The last truce the report named (not by an anaphor), for "the deal".
    pub last_truce: Option<truce_model::TruceRef>,
}

/// Places at the very start of a report written in capitals and followed
/// by a comma, a bracket or a dash ("BEIRUT, May 4 (Wire) -",
/// "GENEVA/BEIRUT The ...") form a dateline.
pub(crate) fn dateline(doc: &Doc<'_>, s: &Sentence) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = s.span.start;
    for (i, m) in s.matches.iter().enumerate() {
        let text = doc.slice(m.span);
        let gap = doc.text[at..m.span.start].trim_matches(['/', ' ']);
        let capitals =
            text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
        if !gap.is_empty() || !capitals || m.places().next().is_none() {
            break;
        }
        out.push(i);
        at = m.span.end;
    }
    let rest = doc.text[at..].trim_start_matches(['/', ' ']);
    let follows = rest.starts_with([',', '(', '-', '\u{2013}', '\u{2014}'])
        || rest.starts_with(char::is_uppercase);
    if follows { out } else { Vec::new() }
}

/// The end of a dateline's filing part ("BEIRUT, May 4 (Wire) -"): the
/// dash after the dateline's places, within 60 bytes; the places' end when
/// there is no dash; 0 without a dateline.
fn dateline_end(doc: &Doc<'_>, s: &Sentence, places: &[usize]) -> usize {
    let Some(&last) = places.last() else {
        return 0;
    };
    let from = s.matches[last].span.end;
    let head = doc.text.get(from..s.span.end.min(from + 60)).unwrap_or("");
    let dash = [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| i + d.len()))
        .min();
    from + dash.unwrap_or(0)
}

impl Extractor {
    pub(crate) fn read(&self, input: &Input<'_>, doc: &Doc<'_>) -> (Vec<Claim>, Provenance) {
        let published = Anchor {
            date: input.published.date,
            time: input.published.time,
        };
        let theatre = self.theatre(input, doc);
        let mut st = State {
            published: Some(published),
            zone: jiff::tz::TimeZone::get(&theatre.zone).ok(),
            theatre,
            ..State::default()
        };
        let mut claims = Vec::new();
        for (n, s) in doc.sentences.iter().enumerate() {
            if n == 0 {
                st.dateline = dateline(doc, s);
                st.dateline_end = dateline_end(doc, s, &st.dateline);
            }
            if let Some(p) = provenance(doc, s) {
                st.provenance.translated_by =
                    st.provenance.translated_by.take().or(p.translated_by);
                st.provenance.edited_by = st.provenance.edited_by.take().or(p.edited_by);
                continue;
            }
            self.sentence(doc, s, published, &mut st, &mut claims);
            if let Some(t) = crate::rules::anaphor::last_named(doc, s, usize::MAX) {
                st.last_truce = Some(t);
            }
        }
        for c in &mut claims {
            self.theatre_actors(c, &st.theatre);
        }
        st.provenance.theatre = Some(st.theatre.country);
        (claims, st.provenance)
    }

    /// The theatre given with the input, else the country the document's
    /// place mentions point to (`truce_geo::Theatre::choose`).
    pub(crate) fn theatre(&self, input: &Input<'_>, doc: &Doc<'_>) -> truce_geo::Theatre {
        if let Some(code) = &input.theatre {
            return truce_geo::Theatre::of_country(code);
        }
        // A country's own name counts twice, unless it is also an actor
        // ("on Russia", "in Turkey"): such a name is as often the state.
        let mentions: Vec<(Vec<PlaceId>, usize)> = (doc.sentences.iter())
            .flat_map(|s| (0..s.matches.len()).map(move |i| (s, i)))
            .filter(|&(s, i)| crate::places::is_place_use(doc, s, i))
            .map(|(s, i)| {
                let m = &s.matches[i];
                let ids: Vec<PlaceId> = m.places().map(PlaceId).collect();
                let country = (ids.iter())
                    .any(|p| self.gazetteer.get(*p).kind == truce_geo::PlaceKind::Country);
                let weight = if country && m.actor().is_none() { 2 } else { 1 };
                (ids, weight)
            })
            .collect();
        let weighted = mentions.iter().map(|(ids, w)| (ids.as_slice(), *w));
        truce_geo::Theatre::choose(self.gazetteer, weighted, truce_geo::HOME)
    }

    /// Actors of another country named by common nouns ("government
    /// forces", "the army") in a report of this theatre are not that
    /// country's: they keep their words and lose the lexicon id.
    fn theatre_actors(&self, c: &mut Claim, theatre: &truce_geo::Theatre) {
        let foreign = |id: &str, mention: Option<&Excerpt>| {
            let actors = self.lexicon.actors();
            let country = actors.find(id).map(|a| actors.get(a).country.as_str());
            matches!(country, Some(k) if !k.is_empty() && k != theatre.country)
                && mention.is_some_and(|m| crate::rules::generic_actor::generic(&m.text))
        };
        for a in &mut c.actors {
            if a.id
                .as_deref()
                .is_some_and(|id| foreign(id, a.mention.as_ref()))
            {
                a.id = None;
                a.name = a
                    .mention
                    .as_ref()
                    .map_or(a.name.clone(), |m| m.text.clone());
            }
        }
        if let Some(sp) = &mut c.attribution.speaker
            && sp
                .id
                .as_deref()
                .is_some_and(|id| foreign(id, sp.mention.as_ref()))
        {
            sp.id = None;
            sp.name = sp
                .mention
                .as_ref()
                .map_or(sp.name.clone(), |m| m.text.clone());
        }
    }

    fn sentence(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        published: Anchor,
        st: &mut State,
        claims: &mut Vec<Claim>,
    ) {
        let mut att = self.attribute(doc, s, &mut st.memory);
        att.used.append(&mut st.dateline);
        let statement_time = self.statement_time(doc, s, &att, published, st);
        if !s.matches.iter().any(is_trigger) {
            return;
        }
        let mut places = self.places(doc, s, &att.used, &st.near, &st.theatre.country);
        places.retain(|p| !crate::rules::venue::is_venue(doc, s, p));
        for id in places.iter().filter_map(|p| p.resolved) {
            st.near.retain(|n| *n != id);
            st.near.push(id);
        }
        // Disambiguation looks at the most recent distinct places only.
        let excess = st.near.len().saturating_sub(16);
        st.near.drain(..excess);
        let violation = crate::rules::violation_context::applies(doc, s);
        let nums = numbers(doc, s);
        let opening = crate::rules::opening_date::opening(doc, s);
        let syntax = crate::syntax::Syntax::new(doc.text, s.span, st.dateline_end);
        let mut sentence_scope = Vec::new();
        let mut seen: Vec<((ClaimKind, Option<usize>), usize)> = Vec::new();
        for seg in segments(doc, s, att.verb) {
            let mut frames = triggers(doc, s, seg, violation);
            if frames.is_empty() {
                continue;
            }
            crate::frames::prefer_subject(doc, s, seg, &syntax, &mut frames);
            self.attach_actors(doc, s, seg, &att, &mut frames);
            attach_places(doc, s, seg, &places, &mut frames, &st.recent_scope);
            let filed = |t: usize| s.times[t].span.start < st.dateline_end;
            let times: Vec<usize> = (0..s.times.len())
                .filter(|&t| Some(t) != statement_time && in_seg(s.times[t].folded, seg))
                .filter(|&t| !filed(t) && !crate::rules::deadline::given(doc, s, t))
                .collect();
            for t in times {
                let at = s.times[t].folded.0;
                let leads = crate::rules::opening_date::leads_clause(doc, s, t);
                if let Some(o) = owner(&frames, at, |f| !leads || f.folded.0 >= at)
                    .or_else(|| owner(&frames, at, |_| true))
                {
                    frames[o].times.push(t);
                }
            }
            for f in frames.iter_mut().filter(|f| f.times.is_empty()) {
                let extension = f.kind == ClaimKind::TruceExtended;
                let end = crate::rules::extended_until::end_bound(doc, s, f.folded.1);
                if let (true, Some(t)) = (extension, end) {
                    f.times.push(t);
                    f.adjusted_by.push("time.extended_until");
                }
            }
            if let Some(t) = opening.filter(|&t| Some(t) != statement_time && !filed(t)) {
                for f in frames.iter_mut().filter(|f| f.times.is_empty()) {
                    f.times.push(t);
                }
            }
            attach_targets(s, seg, &mut frames);
            attach_casualties(doc, s, &nums, seg, &mut frames);
            let siblings: Vec<crate::rules::Sibling> = frames
                .iter()
                .map(|f| crate::rules::Sibling {
                    kind: f.kind,
                    noun: noun_of(doc, f).map(|n| n.0),
                    trigger: f.folded,
                })
                .collect();
            for mut f in frames {
                f.modality = modality(doc, s, seg, &f);
                if !worth_keeping(&f) {
                    continue;
                }
                let noun = noun_of(doc, &f);
                let ctx = crate::rules::Ctx {
                    doc,
                    s,
                    noun,
                    syntax: &syntax,
                    siblings: &siblings,
                };
                let rule = format!(
                    "{}:{}",
                    f.kind.as_str(),
                    doc.folded_between(f.folded.0, f.folded.1).replace(' ', "_")
                );
                let Some(mut f) = crate::rules::gate(&ctx, f) else {
                    continue;
                };
                let here = crate::rules::anaphor::last_named(doc, s, f.folded.0);
                if !crate::rules::anaphor::resolve(here.as_ref().or(st.last_truce.as_ref()), &mut f)
                {
                    continue;
                }
                // One claim per kind and truce noun in a sentence.
                let key = (f.kind, noun.map(|n| n.0));
                let earlier = seen.iter().find(|(k, _)| *k == key).map(|(_, i)| *i);
                if f.kind.is_truce() && f.subtype.is_none() && earlier.is_some() {
                    continue;
                }
                let mut claim = self.claim(doc, s, f, &att, st);
                claim.rule = Some(rule);
                // Attacks that break one truce are one violation claim.
                if let (ClaimKind::TruceViolated, Some(i)) = (claim.kind, earlier)
                    && one_violation(&claims[i], &claim)
                {
                    merge_violation(&mut claims[i], claim);
                    continue;
                }
                seen.push((key, claims.len()));
                sentence_scope.extend(claim.places.iter().filter(|p| p.role == "scope").cloned());
                claims.push(claim);
            }
        }
        if !sentence_scope.is_empty() {
            sentence_scope.dedup_by(|a, b| a.name == b.name);
            st.recent_scope = sentence_scope;
        }
    }

    /// The time naming when words were said or an act was done: a day next
    /// to the reporting verb ("Russia on Sunday said") anchors relative
    /// times for the rest of the report (reports rarely mix statement days);
    /// a day next to a speech act ("the army on Friday declared") anchors
    /// this sentence only.
    fn statement_time(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        att: &Attributed,
        published: Anchor,
        st: &mut State,
    ) -> Option<usize> {
        for t in &s.times {
            if let Some(y) = explicit_year(&t.expr) {
                st.year_hint = Some(y);
            }
        }
        st.local_statement = None;

        if let Some(verb) = att.verb.map(|v| &s.matches[v])
            && let Some(t) = day_next_to(doc, s, verb)
        {
            st.statement = statement_day(&s.times[t].expr, published).or(st.statement);
            return Some(t);
        }
        let speech = s.matches.iter().filter(|m| {
            m.cue(CueClass::Kind).is_some_and(|c| {
                matches!(
                    c.value,
                    "truce.declared" | "truce.proposed" | "truce.accepted" | "truce.rejected"
                )
            })
        });
        let t = speech
            .into_iter()
            .find_map(|verb| day_next_to(doc, s, verb))?;
        // "was agreed in June": a time coarser than a day names no statement
        // day; it stays the claim's own time
        st.local_statement = Some(statement_day(&s.times[t].expr, published)?);
        Some(t)
    }

    fn attach_actors(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        seg: (usize, usize),
        att: &Attributed,
        frames: &mut [Frame],
    ) {
        let accuse = s.matches.iter().position(|m| has(m, CueClass::Accuse));
        for (i, m) in s.matches.iter().enumerate() {
            if att.used.contains(&i)
                || !in_seg(m.folded, seg)
                || controlled(doc, s, i)
                || crate::places::is_place_use(doc, s, i)
            {
                continue;
            }
            let Some(actor) = m.actor().or_else(|| demonym_before_attack(doc, s, i)) else {
                continue;
            };
            // News outlets carry claims; they are not parties to them.
            if self.lexicon.actors().get(actor).kind.is_media() {
                continue;
            }
            let Some(o) = owner(frames, m.folded.0, |_| true) else {
                continue;
            };
            let f = &frames[o];
            let by = doc.word_before_article(m.folded.0) == "by";
            let before = m.folded.1 <= f.folded.0;
            let between = matches!(
                doc.word_before_article(m.folded.0),
                "between" | "with" | "and"
            );
            let clash = f.subtype.as_deref() == Some("clash");
            let role = match (
                accuse,
                f.subtype.is_some() || f.kind == ClaimKind::TruceViolated,
            ) {
                (Some(a), true) if a < i => "accused",
                (Some(a), true) if a > i => "accuser",
                (_, true) if clash && (between || !by) => "party",
                (_, true) if by || before => "perpetrator",
                (_, true) => "target",
                (_, false) if by || before => "agent",
                _ => "party",
            };
            let mut refs = vec![self.actor_ref(role, actor, doc, m.span)];
            if doc.folded.text().get(m.folded.1..).is_some_and(|t| {
                t.starts_with(" and its allies") || t.starts_with(" and their allies")
            }) {
                let a = self.lexicon.actors().get(actor);
                refs.push(ActorRef {
                    role: role.to_owned(),
                    id: None,
                    name: format!("allies of {}", a.name),
                    mention: None,
                });
            }
            frames[o].actors.extend(refs);
        }
        share_perpetrators(frames);
        self.claimed_responsibility(doc, s, att, frames);
    }

    /// "Islamic State claimed (responsibility for) the bombing": the speaker
    /// of a claim of responsibility is the perpetrator.
    fn claimed_responsibility(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        att: &Attributed,
        frames: &mut [Frame],
    ) {
        let Some(v) = att.verb.map(|v| &s.matches[v]) else {
            return;
        };
        let Some(speaker) = att.voice.as_ref().map(|v| &v.speaker) else {
            return;
        };
        if doc.folded_between(v.folded.0, v.folded.1) != "claimed" {
            return;
        }
        for f in frames
            .iter_mut()
            .filter(|f| f.subtype.is_some() && f.folded.0 > v.folded.1)
        {
            if doc.words_between(v.folded.1, f.folded.0) <= 5
                && !f.actors.iter().any(|a| a.role == "perpetrator")
            {
                f.actors.push(ActorRef {
                    role: "perpetrator".into(),
                    id: speaker.id.clone(),
                    name: speaker.name.clone(),
                    mention: speaker.mention.clone(),
                });
            }
        }
    }

    fn actor_ref(
        &self,
        role: &str,
        actor: ActorId,
        doc: &Doc<'_>,
        span: truce_model::Span,
    ) -> ActorRef {
        let a = self.lexicon.actors().get(actor);
        ActorRef {
            role: role.to_owned(),
            id: Some(a.id.clone()),
            name: a.name.clone(),
            mention: Some(Excerpt::new(span, doc.text)),
        }
    }

    fn claim(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        f: Frame,
        att: &Attributed,
        st: &mut State,
    ) -> Claim {
        let voice = att.voice.clone();
        let mut actors = f.actors;
        if actors.iter().all(|a| a.role != "agent")
            && speech_act(f.kind)
            && let Some(v) = &voice
        {
            actors.push(ActorRef {
                role: "agent".into(),
                id: v.speaker.id.clone(),
                name: v.speaker.name.clone(),
                mention: v.speaker.mention.clone(),
            });
        }
        let places: Vec<PlaceRef> = f.places.into_iter().map(|p| p.place).collect();
        let adjusted_by = f.adjusted_by.iter().map(|r| (*r).to_owned()).collect();
        // a plan looks forward from its trigger: "will take effect at midnight
        // on Friday" (a day before the trigger dates the words, not the plan)
        let planned = (f.modality == truce_model::Modality::Planned).then_some(f.folded.1);
        let time = self.time_of(doc, s, &f.times, (f.kind, planned), &places, st);
        Claim {
            id: String::new(),
            kind: f.kind,
            subtype: f.subtype,
            modality: f.modality,
            truce: f.truce,
            actors,
            places,
            time,
            quantities: f.quantities,
            targets: f.targets,
            attribution: attribution(voice),
            evidence: Excerpt::new(s.span, doc.text),
            rule: None,
            adjusted_by,
        }
    }

    fn time_of(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        times: &[usize],
        (kind, planned): (ClaimKind, Option<usize>),
        places: &[PlaceRef],
        st: &mut State,
    ) -> Option<TimeRef> {
        let published = st.published?;
        let key = places
            .iter()
            .find(|p| p.role == "scope")
            .map(|p| p.name.clone());
        let previous_end = match (kind, &key) {
            (ClaimKind::TruceExtended, Some(k)) => st.ends.get(k).cloned(),
            _ => None,
        };
        let ctx = Context {
            published,
            statement: st.local_statement.or(st.statement),
            previous_end,
            year_hint: st.year_hint,
            zone: st.zone.clone(),
        };
        let Some(&t) = times.first() else {
            let day = st
                .local_statement
                .or(st.statement)
                .unwrap_or(published)
                .date;
            return Some(TimeRef {
                start: Some(day.to_string()),
                end: None,
                precision: "day".into(),
                mention: None,
            });
        };
        let planned = planned.is_some_and(|trigger| s.times[t].folded.0 >= trigger);
        // "announced a truce starting on Wednesday", told in the past by a
        // report of Thursday: the nearest Wednesday, not next week's (a
        // plan still looks forward)
        let start_told = |e: &TimeExpr| {
            let from = matches!(e, TimeExpr::From(_) | TimeExpr::DurationFrom { .. });
            if from && !planned {
                resolve_with(e, &ctx, Direction::Nearest)
            } else {
                resolve(e, &ctx)
            }
        };
        let value = match combined(s, times) {
            Some((expr, Some(dir))) => resolve_with(&expr, &ctx, dir),
            // "will take effect at midnight on Friday": a plan looks forward
            Some((expr, None)) if planned => resolve_with(&expr, &ctx, Direction::Future),
            Some((expr, None)) => start_told(&expr),
            None => match &s.times[t].expr {
                e @ TimeExpr::Point(_) if planned => resolve_with(e, &ctx, Direction::Future),
                e => start_told(e),
            },
        };
        if let (Some(k), true) = (key, value.end.is_some()) {
            st.ends.insert(k, value.clone());
        }
        Some(TimeRef {
            start: value.start_iso(),
            end: value.end_iso(),
            precision: value.precision.as_str().to_owned(),
            mention: Some(Excerpt::new(s.times[t].span, doc.text)),
        })
    }
}

/// "a 72-hour truce starting at midnight": a length and a start point
/// attached to the same claim make one window.
///
/// A start written as a bare day ("a 48-hour truce ... on Friday") is the
/// nearest such day, not the next one: the second value says so.
fn combined(s: &Sentence, times: &[usize]) -> Option<(TimeExpr, Option<Direction>)> {
    let exprs = || times.iter().map(|&t| &s.times[t].expr);
    let length = exprs().find_map(|e| match e {
        TimeExpr::Duration(l) => Some(*l),
        _ => None,
    })?;
    let from = exprs().find_map(|e| match e {
        TimeExpr::From(p) => Some(p.clone()),
        _ => None,
    });
    if let Some(start) = from {
        return Some((TimeExpr::DurationFrom { length, start }, None));
    }
    let start = exprs().find_map(|e| match e {
        TimeExpr::Point(p) => Some(p.clone()),
        _ => None,
    })?;
    Some((
        TimeExpr::DurationFrom { length, start },
        Some(Direction::Nearest),
    ))
}

/// A day (a point in time) within one word of `verb`, before or after it.
fn day_next_to(doc: &Doc<'_>, s: &Sentence, verb: &truce_lexicon::Match) -> Option<usize> {
    s.times.iter().position(|t| {
        let point = matches!(t.expr, TimeExpr::Point(_));
        let before =
            t.folded.1 <= verb.folded.0 && doc.words_between(t.folded.1, verb.folded.0) <= 1;
        let after =
            t.folded.0 >= verb.folded.1 && doc.words_between(verb.folded.1, t.folded.0) <= 1;
        point && (before || after)
    })
}

fn in_seg(f: (usize, usize), seg: (usize, usize)) -> bool {
    f.0 >= seg.0 && f.1 <= seg.1
}

/// An actor right after "areas under the control of" names an area, not a party.
fn controlled(doc: &Doc<'_>, s: &Sentence, i: usize) -> bool {
    (0..i).any(|c| {
        has(&s.matches[c], CueClass::Control) && crate::places::controllers(doc, s, c).contains(&i)
    })
}

/// "Russian airstrikes": a country adjective right before an attack word.
fn demonym_before_attack(doc: &Doc<'_>, s: &Sentence, i: usize) -> Option<ActorId> {
    let m = &s.matches[i];
    let next = s.matches.get(i + 1)?;
    let attack = has(next, CueClass::Attack) && doc.words_between(m.folded.1, next.folded.0) <= 1;
    attack.then_some(())?;
    m.entries.iter().find_map(|e| match e {
        Entry::Demonym(a) => Some(*a),
        _ => None,
    })
}

/// Attacks listed together share perpetrators ("bombardment by X, and
/// massacres carried out ...").
fn share_perpetrators(frames: &mut [Frame]) {
    let mut last: Vec<ActorRef> = Vec::new();
    for f in frames.iter_mut().filter(|f| f.subtype.is_some()) {
        let has_own = f.actors.iter().any(|a| a.role == "perpetrator");
        if has_own {
            last = f
                .actors
                .iter()
                .filter(|a| a.role == "perpetrator")
                .cloned()
                .collect();
        } else {
            f.actors.extend(last.iter().cloned());
        }
    }
}

fn attach_places(
    doc: &Doc<'_>,
    s: &Sentence,
    seg: (usize, usize),
    places: &[Found],
    frames: &mut [Frame],
    recent: &[PlaceRef],
) {
    let except = s
        .matches
        .iter()
        .filter(|m| in_seg(m.folded, seg) && has(m, CueClass::Except))
        .map(|m| m.folded.1)
        .min();
    for p in places.iter().filter(|p| in_seg(p.folded, seg)) {
        let excluded = except.is_some_and(|e| p.folded.0 >= e);
        let accept = |f: &Frame| !(excluded && f.subtype.is_some());
        let at = if excluded {
            except.unwrap_or(p.folded.0)
        } else {
            p.folded.0
        };
        let Some(o) = owner(frames, at, accept) else {
            continue;
        };
        let mut found = p.clone();
        let truce = frames[o].kind.is_truce()
            && frames[o].subtype.is_none()
            && frames[o].kind != ClaimKind::TruceViolated;
        found.place.role = match (excluded, truce) {
            (true, _) => "excluded",
            (false, false) => "location",
            (false, true) => "scope",
        }
        .to_owned();
        frames[o].places.push(found);
    }
    for f in frames.iter_mut().filter(|f| f.places.is_empty()) {
        if let Some(p) = crate::rules::where_place::antecedent(doc, places, f.folded.0) {
            let mut found = p.clone();
            let truce = f.kind.is_truce() && f.kind != ClaimKind::TruceViolated;
            found.place.role = if truce { "scope" } else { "location" }.to_owned();
            f.places.push(found);
            f.adjusted_by.push("place.where");
        }
    }
    for m in s
        .matches
        .iter()
        .filter(|m| in_seg(m.folded, seg) && has(m, CueClass::Anaphor))
    {
        let Some(o) = owner(frames, m.folded.0, |_| true) else {
            continue;
        };
        for r in recent {
            let place = PlaceRef {
                mention: Some(Excerpt::new(m.span, doc.text)),
                ..r.clone()
            };
            frames[o].places.push(Found {
                folded: m.folded,
                place,
                resolved: None,
            });
        }
    }
}

fn attach_targets(s: &Sentence, seg: (usize, usize), frames: &mut [Frame]) {
    for m in s.matches.iter().filter(|m| in_seg(m.folded, seg)) {
        let Some(c) = m.cue(CueClass::Target) else {
            continue;
        };
        let Some(o) = owner(frames, m.folded.0, |f| f.subtype.is_some()) else {
            continue;
        };
        if frames[o].folded.1 <= m.folded.0 && !frames[o].targets.iter().any(|t| t == c.value) {
            frames[o].targets.push(c.value.to_owned());
        }
    }
}

/// Whether two violations of one truce in one sentence are one: the
/// first names no attack, or both the same kind, or one is generic
/// ("fighting and shelling broke the truce"). Distinct kinds stay apart
/// ("bombardment by the regime and massacres").
fn one_violation(a: &Claim, b: &Claim) -> bool {
    let generic = |c: &Claim| matches!(c.subtype.as_deref(), None | Some("attack" | "clash"));
    a.subtype.is_none() || a.subtype == b.subtype || generic(a) || generic(b)
}

/// Fold a second attack of a sentence into the violation claim its first
/// attack made: the places and casualties join, the first subtype stays
/// ("violated the truce by shelling Douma" takes the shelling's).
fn merge_violation(into: &mut Claim, other: Claim) {
    if into.subtype.is_none() {
        into.subtype = other.subtype;
    }
    push_new(&mut into.places, other.places, |a, b| {
        a.name == b.name && a.role == b.role
    });
    into.quantities.extend(other.quantities);
    push_new(&mut into.targets, other.targets, |a, b| a == b);
    push_new(&mut into.actors, other.actors, |a, b| {
        a.name == b.name && a.role == b.role
    });
}

/// Append the items of `more` that `same` finds in `into` no twin of.
fn push_new<T>(into: &mut Vec<T>, more: Vec<T>, same: impl Fn(&T, &T) -> bool) {
    for x in more {
        if !into.iter().any(|y| same(y, &x)) {
            into.push(x);
        }
    }
}

/// A match that can start a frame; sentences without one yield no claims.
fn is_trigger(m: &truce_lexicon::Match) -> bool {
    [
        CueClass::Kind,
        CueClass::Attack,
        CueClass::Threat,
        CueClass::Demand,
        CueClass::Casualty,
    ]
    .into_iter()
    .any(|c| has(m, c))
}

/// Kinds whose agent, when the text names none, is the one who says so.
fn speech_act(kind: ClaimKind) -> bool {
    matches!(
        kind,
        ClaimKind::TruceDeclared
            | ClaimKind::TruceProposed
            | ClaimKind::TruceAccepted
            | ClaimKind::TruceRejected
            | ClaimKind::StatementThreat
            | ClaimKind::StatementDemand
    )
}

/// An incident needs something concrete: a place, a perpetrator or a
/// count; a threat or demand needs someone who makes it.
fn worth_keeping(f: &Frame) -> bool {
    match f.kind {
        ClaimKind::IncidentAttack => {
            let generic = f.subtype.as_deref() == Some("attack");
            // Parties count too: "clashes between the army and rebels".
            let perpetrator = f
                .actors
                .iter()
                .any(|a| matches!(a.role.as_str(), "perpetrator" | "party"));
            // "IS attacks the SDF": a generic attack between two named actors.
            let target = f.actors.iter().any(|a| a.role == "target");
            !f.places.is_empty()
                || !f.quantities.is_empty()
                || (perpetrator && (!generic || target))
        }
        _ => true,
    }
}

fn attribution(voice: Option<Voice>) -> Attribution {
    match voice {
        Some(v) => Attribution {
            speaker: Some(v.speaker),
            chain: v.chain,
        },
        None => Attribution::default(),
    }
}

/// Folded span of a frame's truce noun, if it has one.
fn noun_of(doc: &Doc<'_>, f: &Frame) -> Option<(usize, usize)> {
    (f.truce.as_ref())
        .and_then(|t| t.mention.as_ref())
        .map(|m| (doc.folded.to_folded(m.start), doc.folded.to_folded(m.end)))
}
