//! Text for people: the ledger's answers as short, aligned blocks. (JSON
//! output is the answers' own serialisation.)

use std::fmt::Write;
use truce_ledger::{
    ActorView, ClaimView, Dispute, Expiring, Level, State, Status, TimelineEntry, Violation,
    WindowView,
};
use truce_model::Modality;

pub fn state(state: State) -> &'static str {
    match state {
        State::InForce => "in force",
        State::Proposed => "proposed",
        State::Expired => "expired",
        State::Collapsed => "collapsed",
        State::Ended => "ended",
        State::Disputed => "disputed",
    }
}

pub fn level(level: Level) -> &'static str {
    match level {
        Level::National => "national",
        Level::Local => "local",
        Level::Unscoped => "no place named",
    }
}

pub fn window(w: &WindowView) -> String {
    let start = w
        .start
        .as_deref()
        .map_or_else(|| "?".to_string(), short_time);
    let end = w
        .end
        .as_deref()
        .map_or_else(|| "open".to_string(), short_time);
    format!("{start} → {end}")
}

/// `2016-05-01T00:00:00` → `2016-05-01`; `2016-05-01T20:00:00` → `2016-05-01 20:00`.
pub fn short_time(t: &str) -> String {
    match t.split_once('T') {
        Some((day, clock)) if clock.starts_with("00:00") => day.to_string(),
        Some((day, clock)) => format!("{day} {}", clock.get(..5).unwrap_or(clock)),
        None => t.to_string(),
    }
}

/// `2016-05-01T20:00:00` → `Sun 1 May 2016 20:00`; midnight gives the day
/// alone. A string that is not a wall-clock time is shown as it is.
pub fn long_time(t: &str) -> String {
    let Ok(dt) = t.parse::<jiff::civil::DateTime>() else {
        return t.to_string();
    };
    let day = dt.strftime("%a %-d %b %Y").to_string();
    if dt.time() == jiff::civil::Time::midnight() {
        day
    } else {
        format!("{day} {}", dt.strftime("%H:%M"))
    }
}

/// An exclusive end, always with its hour: `Tue 3 May 2016 00:00`.
pub fn end_time(t: &str) -> String {
    match t.parse::<jiff::civil::DateTime>() {
        Ok(dt) => dt.strftime("%a %-d %b %Y %H:%M").to_string(),
        Err(_) => t.to_string(),
    }
}

pub fn actors(list: &[ActorView]) -> String {
    let mut names: Vec<&str> = list.iter().map(|a| a.name.as_str()).collect();
    names.dedup();
    if names.is_empty() {
        "(not named)".to_string()
    } else {
        names.join(", ")
    }
}

/// Who says so: the speaker (else "the report"), then the chain of
/// sources it travelled through; the publishing outlet is left to the
/// citation.
pub fn source(c: &ClaimView) -> String {
    let mut out = c
        .speaker
        .as_ref()
        .map_or_else(|| "the report".to_string(), |s| s.name.clone());
    for link in c.chain.iter().filter(|l| l.role != "published_by") {
        let _ = write!(out, " ← {} {}", link.role.replace('_', " "), link.name);
    }
    out
}

/// One claim: when, what in words, who says so; the quote; the citation.
pub fn claim(out: &mut String, indent: &str, c: &ClaimView) {
    let modality = if c.modality == Modality::Asserted {
        String::new()
    } else {
        format!(" ({})", c.modality)
    };
    let _ = writeln!(
        out,
        "{indent}{}: {}{modality}, says {}",
        long_time(&c.said),
        c.kind.words(),
        source(c)
    );
    let _ = writeln!(out, "{indent}    \"{}\"", c.evidence.trim());
    let _ = writeln!(out, "{indent}    {}", citation(c));
}

/// The report a claim comes from as people cite it: outlet, date, title
/// and address; the document id only when the report gives neither title
/// nor address.
pub fn citation(c: &ClaimView) -> String {
    let outlet = c.outlet.as_deref().unwrap_or("outlet not named");
    let day = long_time(&c.published);
    let mut out = format!("{outlet}, {day}");
    match (&c.title, &c.url) {
        (None, None) => {
            let _ = write!(out, " [{}]", c.document);
        }
        (title, url) => {
            if let Some(t) = title {
                let _ = write!(out, ", \u{201c}{}\u{201d}", t.trim());
            }
            if let Some(u) = url {
                let _ = write!(out, " <{u}>");
            }
        }
    }
    out
}

pub fn status(s: &Status) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) at {}",
        s.place.name,
        s.place.kind,
        short_time(&s.at)
    );
    if s.truces.is_empty() {
        out.push_str("  no truce known to cover this place at this time\n");
    }
    for x in &s.excluded {
        let _ = writeln!(
            out,
            "  excluded from {} {}: held by {} that day (control table), whose areas it leaves out",
            x.truce, x.name, x.held_by
        );
    }
    for t in &s.truces {
        let _ = writeln!(
            out,
            "\n  {} {} ({}): {}",
            t.truce,
            t.name,
            level(t.level),
            state(t.state)
        );
        let _ = writeln!(out, "    window: {}", window(&t.window));
        if let Some(by) = &t.window.end_set_by {
            let _ = writeln!(
                out,
                "    end set by: {} [{} {}]",
                source(by),
                by.document,
                by.claim
            );
        }
        let _ = writeln!(out, "    declared by: {}", actors(&t.declarer));
        let areas: Vec<&str> = t.areas.iter().map(|a| a.name.as_str()).collect();
        let _ = writeln!(out, "    through: {}", areas.join(", "));
        for e in &t.extensions {
            claim(&mut out, "    extended: ", e);
        }
        section(&mut out, "for", &t.claims_for, t.claims_for_total);
        section(
            &mut out,
            "against",
            &t.claims_against,
            t.claims_against_total,
        );
        for x in &t.unresolved_exclusions {
            let _ = writeln!(out, "    excluded (not resolved to places): {x}");
        }
        for c in &t.contested_exclusions {
            claim(&mut out, "    exclusion contested: ", c);
        }
    }
    if !s.disputes.is_empty() {
        out.push('\n');
        out.push_str(&disputes(&s.disputes));
    }
    out
}

fn section(out: &mut String, title: &str, claims: &[ClaimView], total: usize) {
    if claims.is_empty() {
        return;
    }
    let more = if total > claims.len() {
        format!(", latest {} of {total}", claims.len())
    } else {
        String::new()
    };
    let _ = writeln!(out, "    claims {title}{more}:");
    for c in claims {
        claim(out, "      ", c);
    }
}

pub fn disputes(list: &[Dispute]) -> String {
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("no disputes\n");
    }
    for d in list {
        let _ = writeln!(
            out,
            "dispute ({}) over {}:",
            d.kind.replace('_', " "),
            d.truces.join(", ")
        );
        section(&mut out, "one side", &d.claims_for, d.claims_for_total);
        section(
            &mut out,
            "other side",
            &d.claims_against,
            d.claims_against_total,
        );
    }
    out
}

pub fn timeline(entries: &[TimelineEntry]) -> String {
    let mut out = String::new();
    if entries.is_empty() {
        out.push_str("no claims\n");
    }
    for e in entries {
        let modality = if e.modality == "asserted" {
            String::new()
        } else {
            format!(" ({})", e.modality)
        };
        let _ = writeln!(
            out,
            "{}  {}  {}{modality}: {}",
            short_time(&e.said),
            e.truce,
            e.kind,
            source(&e.claim)
        );
        let _ = writeln!(
            out,
            "      \"{}\" [{}]",
            e.claim.evidence.trim(),
            e.claim.document
        );
    }
    out
}

/// Areas of one truce that end together, once: each group's first entry
/// and the names of its places.
pub fn expiring_groups(list: &[Expiring]) -> Vec<(&Expiring, Vec<&str>)> {
    let mut out: Vec<(&Expiring, Vec<&str>)> = Vec::new();
    for e in list {
        match out
            .iter_mut()
            .find(|(g, _)| g.truce == e.truce && g.end == e.end)
        {
            Some((_, places)) if places.last() == Some(&e.area.name.as_str()) => {}
            Some((_, places)) => places.push(&e.area.name),
            None => out.push((e, vec![e.area.name.as_str()])),
        }
    }
    out
}

/// One line per truce and end: when it ends, its name, where, and who
/// stated the end.
pub fn expiring(list: &[Expiring]) -> String {
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("nothing expires in that time\n");
    }
    for (e, places) in expiring_groups(list) {
        let by = e
            .end_set_by
            .as_ref()
            .map(|c| format!("; end stated by {} ({})", source(c), citation(c)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "ends {}: {} in {}{by}",
            end_time(&e.end),
            e.name,
            places.join(", ")
        );
    }
    out
}

pub fn violations(list: &[Violation]) -> String {
    let mut out = String::new();
    if list.is_empty() {
        out.push_str("no violations\n");
    }
    for v in list {
        let how = if v.explicit {
            "violation claim"
        } else {
            "incident inside the truce"
        };
        let place = v.place.as_ref().map_or("?", |p| p.name.as_str());
        let _ = writeln!(
            out,
            "{}  {} {how} in {place}; accused: {}; accuser: {}",
            short_time(&v.claim.said),
            v.truce,
            actors(&v.accused),
            v.accuser.name
        );
        let _ = writeln!(
            out,
            "      \"{}\" [{}]",
            v.claim.evidence.trim(),
            v.claim.document
        );
    }
    out
}
