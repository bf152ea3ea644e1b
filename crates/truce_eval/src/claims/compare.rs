//! Claims in common terms, and the one-to-one matching of a reading
//! against gold (or of one annotator against another).

use super::gold::GoldClaim;
use crate::dates::iso_date;
use jiff::civil::Date;
use truce_geo::Gazetteer;
use truce_model::{Claim, ClaimKind, Modality};
use truce_text::fold;

/// An actor or place: folded name and lexicon/gazetteer id.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub name: String,
    pub id: Option<String>,
}

/// A claim reduced to what is scored.
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: ClaimKind,
    pub modality: Modality,
    /// Byte span of the sentence (gold) or the evidence (reading).
    pub span: (usize, usize),
    /// Byte span of the trigger words (gold only).
    pub trigger: Option<(usize, usize)>,
    /// (role, place).
    pub places: Vec<(String, Named)>,
    pub start: Option<Date>,
    pub speaker: Option<Named>,
    /// Agents and perpetrators.
    pub agents: Vec<Named>,
}

/// Whether a claim counts: every truce claim; incidents only with
/// casualties (the annotators record incidents only when a toll is given).
pub fn scored(c: &Claim) -> bool {
    c.kind.is_truce()
        || (c.kind == ClaimKind::IncidentAttack
            && c.quantities
                .iter()
                .any(|q| matches!(q.what.as_str(), "killed" | "injured")))
}

fn named(name: &str, id: Option<&str>) -> Named {
    Named {
        name: fold(name).text().to_owned(),
        id: id.map(str::to_owned),
    }
}

fn day(start: Option<&str>, precision: Option<&str>) -> Option<Date> {
    let fine = matches!(precision, Some("minute" | "hour" | "day") | None);
    fine.then(|| iso_date(start?)).flatten()
}

impl Item {
    pub fn from_claim(c: &Claim) -> Item {
        Item {
            kind: c.kind,
            modality: c.modality,
            span: (c.evidence.start, c.evidence.end),
            trigger: None,
            places: (c.places.iter())
                .filter(|p| matches!(p.role.as_str(), "scope" | "excluded" | "location"))
                .map(|p| (p.role.clone(), named(&p.name, p.id.as_deref())))
                .collect(),
            start: c
                .time
                .as_ref()
                .and_then(|t| day(t.start.as_deref(), Some(t.precision.as_str()))),
            speaker: (c.attribution.speaker.as_ref()).map(|s| named(&s.name, s.id.as_deref())),
            agents: (c.actors.iter())
                .filter(|a| matches!(a.role.as_str(), "agent" | "perpetrator"))
                .map(|a| named(&a.name, a.id.as_deref()))
                .collect(),
        }
    }

    pub fn from_gold(g: &GoldClaim) -> Item {
        let t = g.time.as_ref();
        Item {
            kind: g.kind,
            modality: g.modality,
            span: g.sentence,
            trigger: Some(g.trigger),
            places: (g.places.iter())
                .map(|p| (p.role.clone(), named(&p.name, None)))
                .collect(),
            start: t.and_then(|t| day(t.start.as_deref(), t.precision.as_deref())),
            speaker: g
                .speaker
                .as_ref()
                .map(|s| named(&s.name, s.actor.as_deref())),
            agents: (g.agents.iter())
                .filter(|a| matches!(a.role.as_deref(), Some("agent" | "perpetrator") | None))
                .map(|a| named(&a.name, a.actor.as_deref()))
                .collect(),
        }
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// One-to-one pairs (gold index, read index): same kind, the reading's
/// span overlapping the gold sentence; a reading whose span holds the
/// gold trigger is preferred.
pub fn pair(gold: &[Item], read: &[Item]) -> Vec<(usize, usize)> {
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (ri, r) in read.iter().enumerate() {
            if g.kind != r.kind || !overlaps(g.span, r.span) {
                continue;
            }
            let holds = g
                .trigger
                .is_some_and(|t| r.span.0 <= t.0 && t.1 <= r.span.1);
            let same_modality = g.modality == r.modality;
            cands.push((std::cmp::Reverse((holds, same_modality)), gi, ri));
        }
    }
    cands.sort();
    let (mut used_g, mut used_r) = (vec![false; gold.len()], vec![false; read.len()]);
    let mut out = Vec::new();
    for (_, gi, ri) in cands {
        if !used_g[gi] && !used_r[ri] {
            used_g[gi] = true;
            used_r[ri] = true;
            out.push((gi, ri));
        }
    }
    out
}

/// Place names without the words annotators and the gazetteer add.
fn bare(folded: &str) -> &str {
    let s = folded.strip_prefix("the ").unwrap_or(folded);
    [" province", " governorate", " city", " countryside"]
        .iter()
        .fold(s, |s, suffix| s.strip_suffix(suffix).unwrap_or(s))
}

/// Whether two place names mean the same place: equal bare names, or a
/// gazetteer key of one that lists the other's id.
pub fn same_place(a: &Named, b: &Named, gaz: &Gazetteer) -> bool {
    if bare(&a.name) == bare(&b.name) {
        return true;
    }
    let ids = |n: &Named| -> Vec<truce_geo::PlaceId> {
        let mut v: Vec<_> = gaz.lookup(bare(&n.name)).to_vec();
        v.extend(gaz.lookup(&n.name));
        v.extend(n.id.as_deref().and_then(|i| gaz.find_id(i)));
        v
    };
    let (ia, ib) = (ids(a), ids(b));
    ia.iter().any(|x| ib.contains(x))
}

/// Whether two actors are the same: equal ids, or one folded name within the other.
pub fn same_actor(a: &Named, b: &Named) -> bool {
    if let (Some(x), Some(y)) = (&a.id, &b.id)
        && x == y
    {
        return true;
    }
    let (x, y) = (a.name.as_str(), b.name.as_str());
    x.len() >= 3 && y.len() >= 3 && (x.contains(y) || y.contains(x))
}

/// Every element of `a` has a partner in `b` and the other way round.
pub fn same_set<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
    a.iter().all(|x| b.iter().any(|y| eq(x, y))) && b.iter().all(|y| a.iter().any(|x| eq(x, y)))
}
