//! What the page draws: the overview (truces with their areas, windows and
//! lifecycle, incidents, violations, disputes; the same at every time) and
//! the board at one time (the state of every area, what expires soon).

use crate::catalog::Incident;
use crate::live::Generation;
use crate::paging::Window;
use serde::Serialize;
use std::collections::HashMap;
use truce_geo::{Gazetteer, PlaceId, PlaceKind};
use truce_ledger::{Dispute, Ledger, Subject, TruceView};

/// A place with what the map needs to draw it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MapPlace {
    /// Gazetteer id: ISO2 for countries, OCHA pcode for Syrian admin units, GeoNames id otherwise.
    pub id: String,
    pub name: String,
    pub kind: String,
    pub lat: f64,
    pub lon: f64,
    /// `country` or `governorate` (drawn with its outline), else `point` (a circle).
    pub shape: &'static str,
}

/// One area of a truce, with its window as known from all claims.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaneArea {
    pub place: MapPlace,
    /// Only proposals name it.
    pub proposed: bool,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// An excluded area of a truce.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaneExclusion {
    pub place: MapPlace,
    /// A claim rejects the exclusion.
    pub contested: bool,
}

/// One dated lifecycle step.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LaneEvent {
    pub said: String,
    pub kind: String,
    pub modality: String,
    pub document: String,
    pub claim: String,
}

/// A truce as the timeline and map show it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Lane {
    pub id: String,
    pub name: String,
    pub level: String,
    pub declarer: Vec<String>,
    pub areas: Vec<LaneArea>,
    pub excluded: Vec<LaneExclusion>,
    /// "areas controlled by X": recorded, not drawn.
    pub unresolved_exclusions: Vec<String>,
    /// The latest [`LANE_EVENTS`] lifecycle steps, oldest first (all of
    /// them: `/api/timeline?truce=ID`).
    pub events: Vec<LaneEvent>,
    /// How many lifecycle steps the truce has.
    pub events_total: usize,
}

/// Lifecycle steps a lane carries at most.
pub const LANE_EVENTS: usize = 200;
/// Items of each list an overview carries by default: enough for the
/// page over a half-year of reports (the 2016 mirror: 570 incidents).
pub const OVERVIEW_LIMIT: usize = 1000;
/// The largest `limit` of an overview.
pub const OVERVIEW_MAX: usize = 10_000;

/// What an overview is limited to.
pub(crate) struct Bounds {
    pub place: Option<PlaceId>,
    pub window: Window,
    pub limit: usize,
}

/// How many of each thing the filters select (the lists may carry fewer).
#[derive(Clone, Debug, Default, Serialize, utoipa::ToSchema)]
pub struct OverviewCounts {
    pub documents: usize,
    pub claims: usize,
    pub truces: usize,
    pub incidents: usize,
    pub violations: usize,
    pub disputes: usize,
}

/// A violation, briefly (the claim itself: `/api/claims/{document}/{claim}`).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ViolationMark {
    pub truce: String,
    pub explicit: bool,
    pub said: String,
    pub document: String,
    pub claim: String,
    pub place: Option<String>,
    pub accused: Vec<String>,
    pub accuser: String,
}

/// Everything the board draws that does not depend on the chosen time,
/// bounded: at most a limit of each list (the latest), with the counts.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Overview {
    /// Earliest and latest publication held.
    pub first: Option<String>,
    pub last: Option<String>,
    pub counts: OverviewCounts,
    /// Some list holds fewer items than its count (see the paged
    /// `/api/truces`, `/api/incidents`, `/api/violations`, `/api/disputes`).
    pub truncated: bool,
    pub truces: Vec<Lane>,
    pub incidents: Vec<Incident>,
    pub violations: Vec<ViolationMark>,
    #[schema(value_type = Vec<Object>)]
    pub disputes: Vec<Dispute>,
}

/// The state of one truce area at the chosen time.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AreaState {
    pub truce: String,
    pub place: String,
    /// `in_force`, `proposed`, `expired`, `collapsed`, `ended` or `disputed`.
    pub state: String,
    pub start: Option<String>,
    pub end: Option<String>,
}

/// The board at one time.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Board {
    pub at: String,
    pub areas: Vec<AreaState>,
    /// Truce areas in force whose window ends within 24 hours.
    #[schema(value_type = Vec<Object>)]
    pub expiring: Vec<truce_ledger::Expiring>,
}

pub(crate) fn map_place(gaz: &Gazetteer, id: PlaceId) -> MapPlace {
    let p = gaz.get(id);
    let shape = match p.kind {
        PlaceKind::Country => "country",
        PlaceKind::Governorate if p.country == "SY" => "governorate",
        _ => "point",
    };
    MapPlace {
        id: p.id.clone(),
        name: p.name.clone(),
        kind: p.kind.as_str().to_string(),
        lat: p.lat,
        lon: p.lon,
        shape,
    }
}

fn as_str<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Keeps the last `limit` items; `true` if some were dropped.
fn latest<T>(items: &mut Vec<T>, limit: usize) -> bool {
    let over = items.len().saturating_sub(limit);
    items.drain(..over);
    over > 0
}

/// Whether the place with gazetteer id `id` is `place`, lies in it or
/// contains it (`inner`: lies in it or is it).
fn near(gaz: &Gazetteer, place: PlaceId, id: &str, inner: bool) -> bool {
    gaz.find_id(id)
        .is_some_and(|p| gaz.contains(place, p) || (!inner && gaz.contains(p, place)))
}

pub(crate) fn overview(g: &Generation, bounds: &Bounds) -> Overview {
    let (ledger, catalog) = (&g.ledger, &g.catalog);
    let gaz = ledger.gazetteer();
    let window = bounds.window;
    let mut truces = Vec::new();
    let mut views: Vec<&TruceView> = g.truces().iter().collect();
    if bounds.place.is_some() || !window.is_open() {
        views.retain(|t| {
            t.areas.iter().any(|a| {
                bounds
                    .place
                    .is_none_or(|p| near(gaz, p, &a.place.id, false))
                    && window.meets(a.window.start.as_deref(), a.window.end.as_deref())
            })
        });
    }
    // The latest truces (the ledger numbers them as they appear).
    let truce_total = views.len();
    let mut truncated = latest(&mut views, bounds.limit);
    for t in views {
        let mut declarer: Vec<String> = Vec::new();
        for d in &t.declarer {
            if !declarer.contains(&d.name) {
                declarer.push(d.name.clone());
            }
        }
        let areas = t
            .areas
            .iter()
            .filter_map(|a| {
                let pid = gaz.find_id(&a.place.id)?;
                Some(LaneArea {
                    place: map_place(gaz, pid),
                    proposed: a.proposed,
                    start: a.window.start.clone(),
                    end: a.window.end.clone(),
                })
            })
            .collect();
        let mut excluded: Vec<LaneExclusion> = Vec::new();
        let mut unresolved: Vec<String> = Vec::new();
        let mut rejected: Vec<String> = Vec::new();
        for link in &t.links {
            let Some((_, claim)) = catalog.claim(&link.document, &link.claim) else {
                continue;
            };
            for p in claim.places.iter().filter(|p| p.role == "excluded") {
                match p.id.as_deref().and_then(|id| gaz.find_id(id)) {
                    Some(pid) => {
                        let place = map_place(gaz, pid);
                        if claim.kind.as_str() == "truce.rejected" {
                            rejected.push(place.id.clone());
                        }
                        if !excluded.iter().any(|e| e.place.id == place.id) {
                            excluded.push(LaneExclusion {
                                place,
                                contested: false,
                            });
                        }
                    }
                    None => {
                        if !unresolved.contains(&p.name) {
                            unresolved.push(p.name.clone());
                        }
                    }
                }
            }
        }
        for e in &mut excluded {
            e.contested = rejected.contains(&e.place.id);
        }
        let mut steps = ledger.timeline(&Subject::Truce(t.id.clone()));
        let events_total = steps.len();
        latest(&mut steps, LANE_EVENTS);
        let events = steps
            .into_iter()
            .map(|e| LaneEvent {
                said: e.said,
                kind: e.kind,
                modality: e.modality,
                document: e.claim.document,
                claim: e.claim.claim,
            })
            .collect();
        truces.push(Lane {
            id: t.id.clone(),
            name: t.name.clone(),
            level: as_str(&t.level),
            declarer,
            areas,
            excluded,
            unresolved_exclusions: unresolved,
            events,
            events_total,
        });
    }
    let mut marks: Vec<&truce_ledger::Violation> = g
        .violations()
        .iter()
        .filter(|v| {
            window.holds(&v.claim.said)
                && bounds.place.is_none_or(|p| {
                    v.place
                        .as_ref()
                        .is_some_and(|vp| near(gaz, p, &vp.id, true))
                })
        })
        .collect();
    marks.sort_by(|a, b| a.claim.said.cmp(&b.claim.said));
    let violation_total = marks.len();
    truncated |= latest(&mut marks, bounds.limit);
    let violations: Vec<ViolationMark> = marks
        .into_iter()
        .map(|v| ViolationMark {
            truce: v.truce.clone(),
            explicit: v.explicit,
            said: v.claim.said.clone(),
            document: v.claim.document.clone(),
            claim: v.claim.claim.clone(),
            place: v.place.as_ref().map(|p| p.name.clone()),
            accused: v.accused.iter().map(|a| a.name.clone()).collect(),
            accuser: v.accuser.name.clone(),
        })
        .collect();
    let mut incidents: Vec<Incident> = catalog
        .incidents
        .iter()
        .filter(|i| {
            window.holds_time(i.at)
                && bounds.place.is_none_or(|p| {
                    i.place_id
                        .as_deref()
                        .is_some_and(|id| near(gaz, p, id, true))
                })
        })
        .cloned()
        .collect();
    let mut disputes = g.disputes().to_vec();
    if !window.is_open() {
        disputes.retain(|d| {
            d.claims_for
                .iter()
                .chain(&d.claims_against)
                .any(|c| window.holds(&c.said))
        });
    }
    let counts = OverviewCounts {
        documents: catalog.entries.len(),
        claims: catalog.entries.iter().map(|e| e.claims.len()).sum(),
        truces: truce_total,
        incidents: incidents.len(),
        violations: violation_total,
        disputes: disputes.len(),
    };
    let limit = bounds.limit;
    truncated |= latest(&mut incidents, limit);
    truncated |= latest(&mut disputes, limit);
    Overview {
        first: catalog.first.map(|d| d.to_string()),
        last: catalog.last.map(|d| d.to_string()),
        counts,
        truncated,
        truces,
        incidents,
        violations,
        disputes,
    }
}

pub(crate) fn board(ledger: &Ledger, at: jiff::civil::DateTime) -> Board {
    let gaz = ledger.gazetteer();
    // Every area place once, with the truces that name it.
    let mut places: HashMap<PlaceId, Vec<String>> = HashMap::new();
    let mut order: Vec<PlaceId> = Vec::new();
    for t in ledger.truces() {
        for a in &t.areas {
            if let Some(pid) = gaz.find_id(&a.place.id) {
                let entry = places.entry(pid).or_insert_with(|| {
                    order.push(pid);
                    Vec::new()
                });
                entry.push(t.id.clone());
            }
        }
    }
    let mut areas = Vec::new();
    for pid in order {
        let id = gaz.get(pid).id.clone();
        for truce in &places[&pid] {
            if let Some(e) = ledger.status_of(truce, pid, at) {
                areas.push(AreaState {
                    truce: e.truce,
                    place: id.clone(),
                    state: as_str(&e.state),
                    start: e.window.start,
                    end: e.window.end,
                });
            }
        }
    }
    Board {
        at: at.to_string(),
        areas,
        expiring: ledger.expiring(at, jiff::SignedDuration::from_hours(24)),
    }
}
