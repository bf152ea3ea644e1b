//! Alert events read from a ledger, each with an id that does not change
//! when the ledger is rebuilt.

use jiff::SignedDuration;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use truce_ledger::{ClaimView, Ledger, Subject, TimelineEntry, TruceView};

/// What happened to a truce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A truce was declared (or first reported accepted or holding).
    Declared,
    /// A report says it was extended.
    Extended,
    /// One of its areas ends within the horizon.
    Expiring,
    /// A report says it was violated.
    Violated,
    /// Claims that it holds and that it collapsed (or was violated) stand
    /// against each other.
    Disputed,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Declared => "declared",
            Kind::Extended => "extended",
            Kind::Expiring => "expiring",
            Kind::Violated => "violated",
            Kind::Disputed => "disputed",
        }
    }
}

/// The claim an event rests on, with its source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRef {
    pub document: String,
    pub claim: String,
    pub kind: String,
    /// When it was said or happened, with the offset of the home theatre.
    pub said: String,
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The words of the report.
    pub evidence: String,
}

/// One alert.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertEvent {
    /// `ev-` and 32 hex digits: SHA-256 of the kind, the truce's stable key
    /// and what decides the event (an extension or violation claim; an
    /// area and its end; a dispute's kind), cut to 128 bits.
    pub id: String,
    pub kind: Kind,
    /// The ledger's id of the truce (`t3`); it can change when older
    /// reports arrive, so it is not part of [`AlertEvent::id`].
    pub truce: String,
    /// The document and claim that first founded the truce
    /// (`DOC_ID:c2`), which stays when the ledger is rebuilt.
    pub truce_key: String,
    pub name: String,
    /// One line in words, for feeds and chat messages.
    pub title: String,
    /// When it happened, with the offset of the home theatre
    /// (`2016-05-01T20:00:00+03:00`).
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The end the truce nears (`expiring` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// A dispute's kind: `in_force_vs_collapsed` or `respected_vs_violated`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispute: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<ClaimRef>,
    /// For a dispute: a claim of the other side.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against: Option<ClaimRef>,
}

/// When "now" is and how far ahead `expiring` looks.
#[derive(Clone, Debug)]
pub struct Options {
    /// Wall-clock time in the ledger's terms (the theatre's local time).
    pub now: DateTime,
    pub horizon: SignedDuration,
    /// The zone whose offset event times carry (the home theatre's).
    pub zone: TimeZone,
}

impl Options {
    /// `now` and `horizon`, times shown in the home theatre's zone.
    pub fn new(now: DateTime, horizon: SignedDuration) -> Self {
        Options {
            now,
            horizon,
            zone: home_zone(),
        }
    }

    /// The present moment on the home theatre's wall clock.
    pub fn now_in_home(horizon: SignedDuration) -> Self {
        let zone = home_zone();
        let now = jiff::Timestamp::now().to_zoned(zone.clone()).datetime();
        Options { now, horizon, zone }
    }
}

/// The zone of the home theatre (`truce_geo::HOME`), UTC if unknown.
fn home_zone() -> TimeZone {
    let name = truce_geo::Theatre::of_country(truce_geo::HOME).zone;
    TimeZone::get(&name).unwrap_or(TimeZone::UTC)
}

/// Every alert event the ledger holds, oldest first (by the time it
/// happened, then kind, then id). `expiring` events are those of
/// [`Ledger::expiring`] at `options.now`; the other kinds do not depend on
/// the time asked.
pub fn events(ledger: &Ledger, options: &Options) -> Vec<AlertEvent> {
    let truces = ledger.truces();
    let keys: HashMap<&str, &TruceView> = truces.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out = Vec::new();
    for truce in &truces {
        let Some(key) = truce_key(truce) else {
            continue;
        };
        let timeline = ledger.timeline(&Subject::Truce(truce.id.clone()));
        let asserted = |e: &&TimelineEntry| e.modality == "asserted";
        let founding = timeline
            .iter()
            .filter(asserted)
            .find(|e| e.kind == "truce.declared")
            .or_else(|| {
                timeline.iter().filter(asserted).find(|e| {
                    matches!(
                        e.kind.as_str(),
                        "truce.accepted" | "truce.in_force" | "truce.extended"
                    )
                })
            });
        if let Some(e) = founding {
            let mut ev = event(Kind::Declared, truce, &key, &[], options, &e.claim);
            ev.title = format!("{} declared{}", truce.name, by(truce));
            out.push(ev);
        }
        for e in timeline
            .iter()
            .filter(asserted)
            .filter(|e| e.kind == "truce.extended")
        {
            let c = &e.claim;
            let mut ev = event(
                Kind::Extended,
                truce,
                &key,
                &[&c.document, &c.claim],
                options,
                c,
            );
            ev.title = format!("{} extended{}", truce.name, said_by(c));
            out.push(ev);
        }
    }
    for v in ledger.violations(None).iter().filter(|v| v.explicit) {
        let Some(truce) = keys.get(v.truce.as_str()) else {
            continue;
        };
        let Some(key) = truce_key(truce) else {
            continue;
        };
        let c = &v.claim;
        let mut ev = event(
            Kind::Violated,
            truce,
            &key,
            &[&c.document, &c.claim],
            options,
            c,
        );
        ev.place = v.place.as_ref().map(|p| p.name.clone());
        ev.title = format!("{} reported violated{}", truce.name, said_by(c));
        out.push(ev);
    }
    for d in ledger.disputes() {
        let Some(truce) = d.truces.first().and_then(|t| keys.get(t.as_str())) else {
            continue;
        };
        let (Some(pro), Some(con)) = (d.claims_for.first(), d.claims_against.first()) else {
            continue;
        };
        let Some(key) = truce_key(truce) else {
            continue;
        };
        // one event per truce and kind of dispute: it *became* disputed
        let first = if con.said > pro.said { con } else { pro };
        let mut ev = event(Kind::Disputed, truce, &key, &[&d.kind], options, first);
        ev.claim = Some(claim_ref(pro, options));
        ev.against = Some(claim_ref(con, options));
        ev.dispute = Some(d.kind.clone());
        ev.title = format!(
            "{} disputed: {} against {}",
            truce.name,
            speaker(pro),
            speaker(con)
        );
        out.push(ev);
    }
    for x in ledger.expiring(options.now, options.horizon) {
        let Some(truce) = keys.get(x.truce.as_str()) else {
            continue;
        };
        let Some(key) = truce_key(truce) else {
            continue;
        };
        let end = parse_civil(&x.end)
            .map(|e| stamp(e, &options.zone))
            .unwrap_or_else(|| x.end.clone());
        let id = event_id(Kind::Expiring, &key, &[&x.area.id, &x.end]);
        out.push(AlertEvent {
            id,
            kind: Kind::Expiring,
            truce: truce.id.clone(),
            truce_key: key,
            name: truce.name.clone(),
            title: format!("{} ends in {} at {}", truce.name, x.area.name, end),
            at: stamp(options.now, &options.zone),
            place: Some(x.area.name.clone()),
            end: Some(end),
            dispute: None,
            claim: x.end_set_by.as_ref().map(|c| claim_ref(c, options)),
            against: None,
        });
    }
    out.sort_by(|a, b| {
        (a.at.as_str(), a.kind, a.id.as_str()).cmp(&(b.at.as_str(), b.kind, b.id.as_str()))
    });
    out
}

fn event(
    kind: Kind,
    truce: &TruceView,
    key: &str,
    decides: &[&str],
    options: &Options,
    claim: &ClaimView,
) -> AlertEvent {
    let said = parse_civil(&claim.said)
        .map(|s| stamp(s, &options.zone))
        .unwrap_or_else(|| claim.said.clone());
    AlertEvent {
        id: event_id(kind, key, decides),
        kind,
        truce: truce.id.clone(),
        truce_key: key.to_string(),
        name: truce.name.clone(),
        title: String::new(),
        at: said,
        place: place_of(claim),
        end: None,
        dispute: None,
        claim: Some(claim_ref(claim, options)),
        against: None,
    }
}

/// The first claim linked to the truce: it stays its first when reports
/// are added later (unless an older report arrives, which is a new fact).
fn truce_key(truce: &TruceView) -> Option<String> {
    truce
        .links
        .first()
        .map(|l| format!("{}:{}", l.document, l.claim))
}

/// `ev-` and the first 16 bytes of SHA-256 over the parts, each ended by a
/// unit separator (so `ab`+`c` and `a`+`bc` differ).
fn event_id(kind: Kind, key: &str, decides: &[&str]) -> String {
    let mut h = Sha256::new();
    for part in [kind.as_str(), key].iter().chain(decides) {
        h.update(part.as_bytes());
        h.update([0x1f]);
    }
    let digest = h.finalize();
    let mut id = String::from("ev-");
    for b in &digest[..16] {
        id.push_str(&format!("{b:02x}"));
    }
    id
}

fn claim_ref(c: &ClaimView, options: &Options) -> ClaimRef {
    ClaimRef {
        document: c.document.clone(),
        claim: c.claim.clone(),
        kind: c.kind.to_string(),
        said: parse_civil(&c.said)
            .map(|s| stamp(s, &options.zone))
            .unwrap_or_else(|| c.said.clone()),
        published: c.published.clone(),
        outlet: c.outlet.clone(),
        evidence: c.evidence.clone(),
    }
}

fn place_of(c: &ClaimView) -> Option<String> {
    c.places
        .iter()
        .find_map(|p| p.strip_prefix("scope:").map(str::to_string))
}

fn speaker(c: &ClaimView) -> String {
    c.speaker
        .as_ref()
        .map(|s| s.name.clone())
        .or_else(|| c.outlet.clone())
        .unwrap_or_else(|| "a report".to_string())
}

fn said_by(c: &ClaimView) -> String {
    match (&c.speaker, &c.outlet) {
        (Some(s), _) => format!(", says {}", s.name),
        (None, Some(o)) => format!(", reports {o}"),
        (None, None) => String::new(),
    }
}

fn by(t: &TruceView) -> String {
    match t.declarer.first() {
        Some(a) => format!(" by {}", a.name),
        None => String::new(),
    }
}

fn parse_civil(text: &str) -> Option<DateTime> {
    text.parse().ok()
}

/// `2016-05-01T20:00:00+03:00`.
pub(crate) fn stamp(at: DateTime, tz: &TimeZone) -> String {
    match at.to_zoned(tz.clone()) {
        Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => format!("{at}Z"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_hash_every_part_and_their_boundaries() {
        let a = event_id(Kind::Extended, "d:c1", &["ab", "c"]);
        let b = event_id(Kind::Extended, "d:c1", &["a", "bc"]);
        let c = event_id(Kind::Violated, "d:c1", &["ab", "c"]);
        assert_ne!(a, b);
        assert_ne!(a, c);
        assert_eq!(a, event_id(Kind::Extended, "d:c1", &["ab", "c"]));
        assert_eq!(a.len(), 3 + 32);
        assert!(a.starts_with("ev-"));
    }

    #[test]
    fn times_carry_the_zone_offset() {
        let tz = TimeZone::get("Asia/Damascus").expect("zone");
        let at: DateTime = "2016-05-01T20:00".parse().expect("time");
        assert_eq!(stamp(at, &tz), "2016-05-01T20:00:00+03:00");
    }
}
