//! Places in a sentence: gazetteer matches with their qualifiers, areas
//! defined by who controls them, country adjectives used as territory
//! ("all Syrian territory") and capitalised names the gazetteer lacks
//! ("the village of Kafr Zeta" when unknown).

use crate::Extractor;
use crate::doc::{Doc, Sentence};
use truce_geo::{PlaceId, PlaceKind, Qualifier, ResolveHint};
use truce_lexicon::{CueClass, Entry, Match};
use truce_model::{Excerpt, PlaceRef, Span};

/// A place found in a sentence, before it is given a role.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub folded: (usize, usize),
    pub place: PlaceRef,
    pub resolved: Option<PlaceId>,
}

impl Extractor {
    /// Every place of sentence `s`, skipping matches in `used` (consumed as
    /// actors or speakers).
    pub(crate) fn places(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        used: &[usize],
        near: &[PlaceId],
        home: &str,
    ) -> Vec<Found> {
        let mut out = Vec::new();
        for (i, m) in s.matches.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            if let Some(f) = self.gazetteer_place(doc, s, i, near, home) {
                out.push(f);
            } else if let Some(f) = self.territory(doc, s, i) {
                out.push(f);
            } else if let Some(f) = self.nationwide(doc, s, i, home) {
                out.push(f);
            } else if m.cue(CueClass::Control).is_some() {
                out.extend(self.controlled_areas(doc, s, i));
            } else if m.cue(CueClass::Qualifier).is_some() {
                out.extend(unknown_place(doc, s, i));
            }
        }
        out
    }

    fn gazetteer_place(
        &self,
        doc: &Doc<'_>,
        s: &Sentence,
        i: usize,
        near: &[PlaceId],
        home: &str,
    ) -> Option<Found> {
        let m = &s.matches[i];
        if !is_place_use(doc, s, i) {
            return None;
        }
        let candidates: Vec<PlaceId> = m.places().map(PlaceId).collect();
        let (qualifier, cover) = qualifier_of(doc, s, i);
        let hint = ResolveHint {
            qualifier,
            near: near.to_vec(),
            country: Some(home.to_owned()),
        };
        let id = self.gazetteer.resolve(&candidates, &hint)?;
        let p = self.gazetteer.get(id);
        if !plausible(doc, m, p, home) || p.kind == PlaceKind::Country && part_of(doc, s, m) {
            return None;
        }
        let qualifier = qualifier_name(qualifier);
        Some(self.found(id, m.folded, qualifier, Excerpt::new(cover, doc.text)))
    }

    /// A gazetteer place found at folded offsets `folded`.
    fn found(
        &self,
        id: PlaceId,
        folded: (usize, usize),
        qualifier: Option<String>,
        mention: Excerpt,
    ) -> Found {
        let p = self.gazetteer.get(id);
        let place = PlaceRef {
            role: String::new(),
            id: Some(p.id.clone()),
            name: p.name.clone(),
            kind: Some(p.kind.as_str().to_owned()),
            lat: Some(p.lat),
            lon: Some(p.lon),
            admin: admin_path(self.gazetteer.admin_path(id)),
            qualifier,
            controlled_by: None,
            mention: Some(mention),
        };
        Found {
            folded,
            place,
            resolved: Some(id),
        }
    }

    /// "Syrian territory", "all Syrian territory": the country of a demonym
    /// followed by a territory word.
    fn territory(&self, doc: &Doc<'_>, s: &Sentence, i: usize) -> Option<Found> {
        let m = &s.matches[i];
        let actor = m.entries.iter().find_map(|e| match e {
            Entry::Demonym(a) => Some(*a),
            _ => None,
        })?;
        let next = doc.word_after(m.folded.1);
        if !matches!(
            next,
            "territory" | "territories" | "soil" | "land" | "lands" | "regions" | "provinces"
        ) {
            return None;
        }
        let country = &self.lexicon.actors().get(actor).country;
        let id = *self.countries.get(country)?;
        let all = doc.word_before(m.folded.0) == "all";
        let end = doc
            .folded
            .to_original(m.folded.1, m.folded.1 + 1 + next.len());
        let mention = Excerpt::new(m.span.cover(end), doc.text);
        Some(self.found(id, m.folded, all.then(|| "all".to_owned()), mention))
    }

    /// "a nationwide regime of calm", "a countrywide truce": the whole of
    /// the report's home country, as if it were named.
    fn nationwide(&self, doc: &Doc<'_>, s: &Sentence, i: usize, home: &str) -> Option<Found> {
        let m = &s.matches[i];
        m.cue(CueClass::TruceQualifier)
            .filter(|c| c.value == "nationwide")?;
        let id = *self.countries.get(home)?;
        Some(self.found(
            id,
            m.folded,
            Some("all".to_owned()),
            Excerpt::new(m.span, doc.text),
        ))
    }

    /// "areas under the control of the Islamic State group (and Nusra
    /// Front)": one excluded-or-covered area per controlling actor.
    fn controlled_areas(&self, doc: &Doc<'_>, s: &Sentence, i: usize) -> Vec<Found> {
        let m = &s.matches[i];
        if m.cue(CueClass::Control).is_none() {
            return Vec::new();
        }
        controllers(doc, s, i)
            .into_iter()
            .filter_map(|j| Some((j, s.matches[j].actor()?)))
            .map(|(j, actor)| {
                let a = self.lexicon.actors().get(actor);
                let place = PlaceRef {
                    role: String::new(),
                    id: None,
                    name: format!("areas controlled by {}", a.name),
                    kind: Some("area".to_owned()),
                    lat: None,
                    lon: None,
                    admin: Vec::new(),
                    qualifier: Some("controlled_by".to_owned()),
                    controlled_by: Some(a.id.clone()),
                    mention: Some(Excerpt::new(m.span.cover(s.matches[j].span), doc.text)),
                };
                Found {
                    folded: m.folded,
                    place,
                    resolved: None,
                }
            })
            .collect()
    }
}

/// Indices of the actors controlling the area named at control phrase `i`:
/// the first actor within two words, and those coordinated with it.
pub(crate) fn controllers(doc: &Doc<'_>, s: &Sentence, i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = s.matches[i].folded.1;
    for (j, n) in s.matches.iter().enumerate().skip(i + 1) {
        let gap = doc.folded_between(at, n.folded.0);
        let joined = if out.is_empty() {
            doc.words_between(at, n.folded.0) <= 2
        } else {
            matches!(
                gap,
                "and" | "," | "or" | "and the" | ", and" | ", the" | "or the"
            )
        };
        if n.actor().is_none() || !joined {
            break;
        }
        out.push(j);
        at = n.folded.1;
    }
    out
}

/// True when the match follows a locative or relational preposition
/// ("in Syria", "residents of Douma", "the road to Aleppo").
pub(crate) fn after_preposition(doc: &Doc<'_>, m: &Match) -> bool {
    let before = doc.word_before_article(m.folded.0);
    matches!(
        before,
        "in" | "into"
            | "near"
            | "at"
            | "outside"
            | "around"
            | "from"
            | "to"
            | "of"
            | "across"
            | "throughout"
            | "inside"
            | "on"
            | "over"
            | "toward"
            | "towards"
            | "between"
            | "including"
            | "except"
            | "excluding"
            | "city"
            | "town"
            | "village"
            | "province"
            | "capital"
    )
}

/// A name that is both an actor and a place ("Russia", "Turkey") is a
/// place only after a preposition ("in Syria"); as a subject or object of a
/// verb it is the actor.
///
/// In a list ("in Damascus and Aleppo", "Russia and Turkey brokered") a
/// name takes the use of the name before it.
pub(crate) fn is_place_use(doc: &Doc<'_>, s: &Sentence, i: usize) -> bool {
    let m = &s.matches[i];
    if m.places().next().is_none() {
        return false;
    }
    if m.actor().is_none() || after_preposition(doc, m) {
        return true;
    }
    let listed = i.checked_sub(1).filter(|&p| {
        matches!(
            doc.folded_between(s.matches[p].folded.1, m.folded.0),
            "and" | "," | ", and" | "or"
        )
    });
    listed.is_some_and(|p| is_place_use(doc, s, p))
}

/// Small places abroad share names with people and words ("Karsli" the
/// commander, a Turkish village): outside the theatre's country a town or village counts
/// only after a locative word ("in", "near", "the village of").
fn plausible(doc: &Doc<'_>, m: &Match, p: &truce_geo::Place, home: &str) -> bool {
    let small = matches!(
        p.kind,
        PlaceKind::Town | PlaceKind::Village | PlaceKind::Neighbourhood
    );
    if p.country == home || !small {
        return true;
    }
    let before = doc.word_before_article(m.folded.0);
    matches!(
        before,
        "in" | "near"
            | "at"
            | "outside"
            | "around"
            | "from"
            | "to"
            | "into"
            | "of"
            | "town"
            | "village"
            | "city"
    )
}

/// An admin path without repeats ("Syria › Damascus", not "Syria › Damascus
/// › Damascus › Damascus" for a city that shares its units' names).
fn admin_path(path: Vec<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(path.len());
    for name in path {
        if out.last().is_none_or(|l| l != name) {
            out.push(name.to_owned());
        }
    }
    out
}

/// Whether a country is named only as the whole some part of it belongs
/// to: "two parts of Syria", "southern Syria", "areas of Syria". The
/// country is then no place of the claim: a truce there does not cover
/// the country, and the part has no outline of its own. Phrases: the
/// `part_of` list of `data/gates.tsv`, right before the name.
fn part_of(doc: &Doc<'_>, s: &Sentence, m: &Match) -> bool {
    let start = doc.folded.to_folded(s.span.start);
    let before = doc.folded_between(start.min(m.folded.0), m.folded.0);
    let toks = crate::rules::tokens(before);
    let toks: Vec<&str> = toks.into_iter().filter(|w| *w != "the").collect();
    crate::rules::ends_near(&toks, "part_of", 1)
}

/// The qualifier around place match `i` and the span covering both.
fn qualifier_of(doc: &Doc<'_>, s: &Sentence, i: usize) -> (Option<Qualifier>, Span) {
    let m = &s.matches[i];
    let adjacent = |n: &Match| {
        let gap = if n.folded.0 >= m.folded.1 {
            (m.folded.1, n.folded.0)
        } else {
            (n.folded.1, m.folded.0)
        };
        doc.folded_between(gap.0, gap.1).is_empty() || doc.folded_between(gap.0, gap.1) == "the"
    };
    let after = s
        .matches
        .get(i + 1)
        .filter(|n| adjacent(n))
        .and_then(|n| Some((n.cue(CueClass::Qualifier)?, n)));
    let before = i
        .checked_sub(1)
        .map(|b| &s.matches[b])
        .filter(|n| adjacent(n));
    let before = before.and_then(|n| Some((n.cue(CueClass::Qualifier)?, n)));
    if doc.word_before(m.folded.0) == "capital" {
        return (Some(Qualifier::City), m.span);
    }
    for (cue, n) in after.into_iter().chain(before) {
        let word = cue.value;
        if word == "all" {
            continue;
        }
        let q = match word {
            "province" => Some(Qualifier::Province),
            "countryside" => Some(Qualifier::Countryside),
            "city" => Some(Qualifier::City),
            "town" => Some(Qualifier::Town),
            "village" => Some(Qualifier::Village),
            "district" => Some(Qualifier::District),
            "around" => Some(Qualifier::Around),
            _ => None,
        };
        return (q, m.span.cover(n.span));
    }
    (None, m.span)
}

fn qualifier_name(q: Option<Qualifier>) -> Option<String> {
    let name = match q? {
        Qualifier::City => "city",
        Qualifier::Province => "province",
        Qualifier::Countryside => "countryside",
        Qualifier::Around => "around",
        Qualifier::District => "district",
        Qualifier::Town => "town",
        Qualifier::Village => "village",
    };
    Some(name.to_owned())
}

/// "the village of Kafr Nabudah" where the name is not in the gazetteer:
/// the capitalised words right after a qualifier phrase ending in "of".
fn unknown_place(doc: &Doc<'_>, s: &Sentence, i: usize) -> Option<Found> {
    let m = &s.matches[i];
    let phrase = doc.folded_between(m.folded.0, m.folded.1);
    if !phrase.ends_with(" of") {
        return None;
    }
    if s.matches.get(i + 1).is_some_and(|n| {
        doc.folded_between(m.folded.1, n.folded.0).is_empty() && n.places().next().is_some()
    }) {
        return None;
    }
    let rest = &doc.text[m.span.end..s.span.end];
    let lead = rest.len() - rest.trim_start().len();
    let mut end = 0;
    for word in rest[lead..].split(' ') {
        let w = word.trim_end_matches([',', '.', ';', ':', '"', '\u{201D}']);
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let particle =
            matches!(w, "al" | "el" | "ad" | "as" | "ash" | "ar" | "at") || w.starts_with("al-");
        if w.is_empty() || !(capital || (particle && end > 0)) {
            break;
        }
        end += word.len() + 1;
        if w.len() != word.len() {
            end -= word.len() - w.len() + 1;
            break;
        }
    }
    let end = end.min(rest.len() - lead);
    let name = rest[lead..lead + end].trim_end();
    if name.is_empty() {
        return None;
    }
    let span = Span::new(m.span.end + lead, m.span.end + lead + name.len());
    let qualifier = phrase.split(' ').nth(1).map(str::to_owned);
    let place = PlaceRef {
        role: String::new(),
        id: None,
        name: name.to_owned(),
        kind: qualifier.clone(),
        lat: None,
        lon: None,
        admin: Vec::new(),
        qualifier,
        controlled_by: None,
        mention: Some(Excerpt::new(span, doc.text)),
    };
    let f = (
        doc.folded.to_folded(span.start),
        doc.folded.to_folded(span.end),
    );
    Some(Found {
        folded: f,
        place,
        resolved: None,
    })
}

#[cfg(test)]
mod part_tests {
    //! Parts of a country, and a nationwide truce as its whole country.
    use crate::rules::fixtures::place_names;

    #[test]
    fn a_part_of_a_country_is_not_the_country() {
        for s in [
            "Local truces have been put in place in two parts of Syria.",
            "A ceasefire took hold in southern Syria on Sunday.",
            "The truce covers areas of Syria held by the rebels.",
            "A ceasefire in south-western Syria began at noon.",
        ] {
            let names = place_names(s);
            assert!(!names.iter().any(|n| n == "Syria"), "{s}: {names:?}");
        }
        for s in [
            "A ceasefire took hold across Syria on Sunday.",
            "The truce in Syria held on its second day.",
            "The army in Homs announced a nationwide regime of calm.",
            "Rebels near Idlib accepted a countrywide truce on Monday.",
        ] {
            let names = place_names(s);
            assert!(names.iter().any(|n| n == "Syria"), "{s}: {names:?}");
        }
    }
}
