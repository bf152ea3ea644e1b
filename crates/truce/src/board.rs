//! The ceasefire board: every truce with an area that is in force,
//! disputed or proposed at a time (or finished recently), each area with
//! its own state and window; what expires in the next 24 hours; disputes.

use serde::Serialize;
use std::fmt::Write;
use truce_ledger::{Dispute, Expiring, Ledger, Level, State, TruceView, WindowView};

use crate::{lead, show};

#[derive(Debug, Serialize)]
pub struct Board {
    pub at: String,
    pub truces: Vec<BoardTruce>,
    pub expiring_24h: Vec<Expiring>,
    pub disputes: Vec<Dispute>,
}

#[derive(Debug, Serialize)]
pub struct BoardTruce {
    pub id: String,
    pub name: String,
    pub level: Level,
    pub declarer: Vec<String>,
    pub areas: Vec<BoardArea>,
}

#[derive(Debug, Serialize)]
pub struct BoardArea {
    pub place: String,
    pub place_id: String,
    pub place_kind: String,
    pub state: State,
    pub window: WindowView,
}

pub fn build(ledger: &Ledger, at: jiff::civil::DateTime) -> Board {
    let truces = ledger
        .truces()
        .iter()
        .filter_map(|t| board_truce(ledger, t, at))
        .collect();
    let disputes = ledger
        .disputes()
        .into_iter()
        .filter(|d| said_by(d, at))
        .collect();
    Board {
        at: at.to_string(),
        truces,
        expiring_24h: ledger.expiring(at, jiff::SignedDuration::from_hours(24)),
        disputes,
    }
}

/// Disputes whose claims were all known by `at`, one of them said within
/// the last [`truce_ledger::STALE_DAYS`] days: a board shows live quarrels.
fn said_by(d: &Dispute, at: jiff::civil::DateTime) -> bool {
    let cutoff = at
        .checked_sub(jiff::SignedDuration::from_hours(
            24 * truce_ledger::STALE_DAYS,
        ))
        .map(|c| c.to_string())
        .unwrap_or_default();
    let at = at.to_string();
    let claims = || d.claims_for.iter().chain(&d.claims_against);
    claims().all(|c| c.said.as_str() <= at.as_str())
        && claims().any(|c| c.said.as_str() >= cutoff.as_str())
}

fn board_truce(ledger: &Ledger, t: &TruceView, at: jiff::civil::DateTime) -> Option<BoardTruce> {
    let mut areas = Vec::new();
    for area in &t.areas {
        let Ok(place) = ledger.place(&area.place.id) else {
            continue;
        };
        if let Some(entry) = ledger.status_of(&t.id, place, at) {
            areas.push(BoardArea {
                place: area.place.name.clone(),
                place_id: area.place.id.clone(),
                place_kind: area.place.kind.clone(),
                state: entry.state,
                window: entry.window.clone(),
            });
        }
    }
    if areas.is_empty() {
        return None;
    }
    let mut declarer: Vec<String> = t.declarer.iter().map(|a| a.name.clone()).collect();
    declarer.dedup();
    Some(BoardTruce {
        id: t.id.clone(),
        name: t.name.clone(),
        level: t.level,
        declarer,
        areas,
    })
}

/// The board that leads: one line per truce, its areas grouped by state;
/// what ends in the next 24 hours; how many points sources dispute.
pub fn summary(board: &Board) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Ceasefire board, {}, local time of the reports",
        show::long_time(&board.at)
    );
    if board.truces.is_empty() {
        out.push_str("  No truce is known at this time.\n");
    }
    let mut truces: Vec<&BoardTruce> = board.truces.iter().collect();
    truces.sort_by_key(|t| best_state(t).map(lead::rank));
    for t in truces {
        let Some(best) = best_state(t) else { continue };
        let _ = writeln!(
            out,
            "  {:<10} {}: {}; {}",
            show::state(best),
            t.name,
            by_state(t),
            lead::declared_by_names(t.declarer.iter().map(String::as_str))
        );
    }
    for (e, places) in show::expiring_groups(&board.expiring_24h) {
        let _ = writeln!(
            out,
            "  ends within 24 hours: {} in {}, at {}",
            e.name,
            places.join(", "),
            show::end_time(&e.end)
        );
    }
    if !board.disputes.is_empty() {
        let n = board.disputes.len();
        let _ = writeln!(out, "  Sources disagree on {}.", lead::plural(n, "point"));
    }
    if !board.truces.is_empty() {
        out.push_str("  --details shows every area's window and the disputed quotes.\n");
    }
    out
}

fn best_state(t: &BoardTruce) -> Option<State> {
    t.areas
        .iter()
        .map(|a| a.state)
        .min_by_key(|&s| lead::rank(s))
}

/// `in force in Aleppo; expired in Damascus, Latakia +2 (until ...)`.
fn by_state(t: &BoardTruce) -> String {
    let mut states: Vec<State> = t.areas.iter().map(|a| a.state).collect();
    states.sort_by_key(|&s| lead::rank(s));
    states.dedup();
    let groups: Vec<String> = states
        .into_iter()
        .map(|st| {
            let areas: Vec<&BoardArea> = t.areas.iter().filter(|a| a.state == st).collect();
            let mut places: Vec<&str> = areas.iter().map(|a| a.place.as_str()).collect();
            places.dedup();
            let shown = if places.len() > 3 {
                format!("{} +{}", places[..3].join(", "), places.len() - 3)
            } else {
                places.join(", ")
            };
            let ends: Vec<&Option<String>> = areas.iter().map(|a| &a.window.end).collect();
            let until = match ends.first() {
                Some(first) if ends.iter().all(|e| e == first) => {
                    format!(" ({})", lead::until(&areas[0].window, st))
                }
                _ => String::new(),
            };
            format!("{} in {shown}{until}", show::state(st))
        })
        .collect();
    groups.join("; ")
}

/// Every truce with each area's state and window, and the disputed quotes.
pub fn text(board: &Board) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Ceasefire board at {}", show::short_time(&board.at));
    if board.truces.is_empty() {
        out.push_str("  no truce is known at this time\n");
    }
    for t in &board.truces {
        let declarer = if t.declarer.is_empty() {
            "(declarer not named)".to_string()
        } else {
            t.declarer.join(", ")
        };
        let _ = writeln!(
            out,
            "\n  {} {} ({}), declared by {declarer}",
            t.id,
            t.name,
            show::level(t.level)
        );
        for a in &t.areas {
            // Two areas of one name (Latakia city and province): say which.
            let twin = t.areas.iter().filter(|b| b.place == a.place).count() > 1;
            let place = if twin {
                format!("{} ({})", a.place, a.place_kind)
            } else {
                a.place.clone()
            };
            let _ = writeln!(
                out,
                "    {:<24} {:<10} {}",
                place,
                show::state(a.state),
                show::window(&a.window)
            );
        }
    }
    if !board.expiring_24h.is_empty() {
        out.push_str("\nExpiring in the next 24 hours:\n");
        for line in show::expiring(&board.expiring_24h).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    if !board.disputes.is_empty() {
        let _ = writeln!(out, "\nDisputes ({}):", board.disputes.len());
        for line in show::disputes(&board.disputes).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}
